"""A simulated electric car: Octopus v2's five vehicle functions plus twelve more."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from devices.sdk import PLACE_ENDS, DeviceAdapter, function

# "x-units": how a request says the value's unit and others, with their factor to it; the
# planner converts an amount said in one ("3 centimeters" is 30) instead of guessing.
Distance = Annotated[int, Field(ge=0, le=500, description="millimetres", json_schema_extra={"x-units": {
    "mm": 1, "millimeter": 1, "millimeters": 1, "millimetre": 1, "millimetres": 1, "cm": 10, "centimeter": 10,
    "centimeters": 10, "centimetre": 10, "centimetres": 10, "inch": 25.4, "inches": 25.4}})]
# "x-words": how a request says each value (see devices/phone.py). When it says one, the
# planner picks among those, so "roll up the window" cannot go down.
SeatDirection = Annotated[Literal["forward", "backward", "up", "down"], Field(json_schema_extra={"x-words": {
    "forward": ["forward", "forwards", "ahead"], "backward": ["backward", "backwards", "back", "legroom"],
    "up": ["up", "raise", "lift", "higher"], "down": ["down", "lower"]}})]
WindowDirection = Annotated[Literal["up", "down"], Field(json_schema_extra={"x-words": {
    "up": ["up", "raise", "close", "shut"], "down": ["down", "lower", "open", "crack"]}})]
SunroofAction = Annotated[Literal["open", "close", "tilt"], Field(json_schema_extra={"x-words": {
    "open": ["open", "opened"], "close": ["close", "shut"], "tilt": ["tilt", "tilted", "vent"]}})]

_REAR = {"rear left": ["rear left", "back left", "left rear", "left back", "rear driver side", "behind the driver"],
         "rear right": ["rear right", "back right", "right rear", "right back", "rear passenger side",
                        "behind the passenger"]}
CarWindow = Annotated[Literal["front left", "front right", "rear left", "rear right"], Field(json_schema_extra={
    "x-words": {"front left": ["front left", "left front", "driver", "driver's"],
                "front right": ["front right", "right front", "passenger", "passenger's"], **_REAR}})]
HeatedSeat = Annotated[Literal["driver", "passenger", "rear left", "rear right"], Field(json_schema_extra={
    "x-words": {"driver": ["driver", "driver's", "front left"],
                "passenger": ["passenger", "passenger's", "front right", "shotgun"], **_REAR}})]

ClimateZone = Annotated[Literal["driver", "passenger", "rear"], Field(json_schema_extra={"x-words": {
    "driver": ["driver", "driver's", "driver side"], "passenger": ["passenger", "passenger's", "passenger side"],
    "rear": ["rear", "back seat", "back seats", "backseat", "back row", "in the back"]}})]
FrontSeat = Annotated[Literal["driver", "passenger"], Field(json_schema_extra={"x-words": {
    "driver": ["driver", "driver's"], "passenger": ["passenger", "passenger's"]}})]

OCTOPUS_ORDER = ["adjust_volume", "set_climate_temperature", "adjust_seat_position",
                 "control_window", "operate_sunroof"]
EXTRA_ORDER = ["lock_doors", "unlock_doors", "set_climate_power", "navigate_to",
               "get_vehicle_status", "honk_horn", "flash_lights", "open_trunk",
               "set_seat_heating", "start_charging", "stop_charging", "set_charge_limit"]


# How the climate is said on or off: a word near its name ("kill the AC"; "I get off work
# at 5, warm up the car" says nothing of it, and the model decides).
CLIMATE_SWITCHED = {"true": ["on", "enable", "activate", "start", "run", "blast", "crank"],
                    "false": ["off", "disable", "deactivate", "stop", "kill", "shut", "cut"]}
CLIMATE_NAMES = ["climate", "ac", "a c", "air conditioning", "air conditioner", "heat", "heating", "hvac"]

# How far a sunroof opens, said without a number ("a quarter of the way", "fully").
OPENINGS = {"a quarter": 25, "quarter": 25, "a quarter of the way": 25, "quarter of the way": 25, "halfway": 50,
            "half way": 50, "half": 50, "half of the way": 50, "three quarters": 75, "three quarters of the way": 75,
            "fully": 100, "all the way": 100, "completely": 100, "wide open": 100}

# How often a honk is said without a number ("honk once", "a single honk").
HONKS = {"once": 1, "one time": 1, "single": 1, "twice": 2, "two times": 2, "double": 2, "couple of": 2,
         "toot toot": 2, "beep beep": 2, "honk honk": 2, "thrice": 3}

class Car(DeviceAdapter):
    kind = "car"
    display_name = "Car"

    def __init__(self, device_id: str, *, seed: int = 0, name: str | None = None) -> None:
        super().__init__(device_id, seed=seed, name=name)
        self.volume = 20
        self.climate = {"driver": 70.0, "passenger": 70.0, "rear": 70.0}
        self.climate_on = False
        self.seats = {"driver": {"forward": 0, "up": 0}, "passenger": {"forward": 0, "up": 0}}
        self.windows = {w: 0 for w in ("front left", "front right", "rear left", "rear right")}
        self.sunroof = {"state": "closed", "intensity": 0}
        self.locked = True
        self.trunk_open = False
        self.destination: str | None = None
        self.charge_percent = 40 + self.random.randint(0, 40)
        self.charge_limit = 80
        self.charging = False
        self.seat_heating = {s: 0 for s in ("driver", "passenger", "rear left", "rear right")}
        self.horn_count = 0
        self.flashes = 0

    def function_order(self) -> list[str]:
        return OCTOPUS_ORDER + EXTRA_ORDER

    # A home has speakers too: the car's volume is the car's only when the car is said.
    @function(cues=["car", "vehicle"], examples=[  # not "truck": one slip from "track"
        "turn (the car volume|the car radio|the car stereo|the music in the car|the sound in the car) up by {volume_diff}",
        "turn (the car volume|the car radio|the car stereo|the music in the car|the sound in the car) down by {volume_down}",
        "(raise|increase|bump up) the (car volume|car's volume|volume in the car) [by] {volume_diff}",
        "(lower|decrease|reduce|drop) the (car volume|car's volume|volume in the car) [by] {volume_down}",
        "car volume up {volume_diff}",
        "car volume down {volume_down}",
        "(set|change|put) the (car volume|car stereo volume|vehicle's volume) (to|at) {set_value}",
        "car (audio|volume) (to|at) {set_value}",
        "(can|could) you turn the (car volume|music in the car) up [by] {volume_diff}",
        "(can|could) you turn the (car volume|music in the car) down [by] {volume_down}",
        "in the car, make it louder by {volume_diff}",
        "in the car, make it (quieter|softer) by {volume_down}",
        "turn the car (volume|radio) up a notch => volume_diff=1",
        "turn the car (volume|radio) down a notch => volume_diff=-1",
        "(mute|silence) the car (audio|radio|speakers|stereo) => set_value=0",
        "(max out the car volume|turn the car radio all the way up) => set_value=50",
        "I want the car volume at {set_value}",
        "(too loud in here|that's too loud), turn the car radio down [by] {volume_down}",
        "I can't hear the car radio, turn it up [by] {volume_diff}",
        "set [the] car (audio|stereo|speaker) volume to {set_value}",
        "in the car, (go|bring it) up {volume_diff} [on the volume]",
        "in the car, (go|bring it) down {volume_down} on the volume",
        "increase [the] car volume by {volume_diff} please",
        "car volume {set_value}",
        "(hey|ok), crank up the (car stereo|music in the car) [by] {volume_diff}",
        "I'd like the car (stereo|audio) a bit quieter, (turn|bring) it down {volume_down}",
        "um, the music in the car is too quiet, (can you|could you) bump it up {volume_diff}",
        "the car (radio|stereo) is way too loud, (knock|bring|take) it down {volume_down}",
        "would you mind turning the car (audio|volume|speakers) down [by] {volume_down}",
        "is it possible to have the car volume at {set_value}",
        "in the vehicle, (raise|boost) the (sound|audio) [by] {volume_diff}",
        "we can barely hear anything in the car, (raise|boost) the volume [by] {volume_diff}",
        "the baby is sleeping in the car, turn the music down [by] {volume_down}",
        "car stereo, louder by {volume_diff} [please]",
        "dial the car (volume|stereo) down by {volume_down}",
        "turn the car (stereo|audio) all the way down => set_value=0",
    ])
    async def adjust_volume(
        self, volume_diff: Annotated[int, Field(ge=-50, le=50, json_schema_extra={
            "x-number-after": ["by", "up", "down"],
            "x-negative": ["down", "lower", "quieter", "drop", "decrease", "reduce"]})] | None = None,
        set_value: Annotated[int, Field(ge=0, le=50, json_schema_extra={"x-number-after": ["to", "at"]})] | None = None,
    ) -> int:
        """Adjusts the car's audio volume, by a difference or to a set value.

        Args:
            volume_diff: How much to raise (positive) or lower (negative) the volume.
            set_value: The volume to set, 0 to 50.
        """
        if (volume_diff is None) == (set_value is None):
            raise ValueError("give exactly one of volume_diff or set_value")
        self.volume = set_value if set_value is not None else self.volume + (volume_diff or 0)
        self.volume = max(0, min(50, self.volume))
        return self.volume

    @function(examples=[
        "set the {zone} (temperature|temp|climate) to {temperature}",
        "(change|adjust) the {zone} (temperature|temp) to {temperature}",
        "{zone} temp {temperature}",
        "(can|could) you (set|put) the {zone} (temperature|temp) (to|at) {temperature}",
        "I want the {zone} at {temperature}",
        "(warm|cool) the {zone} (up|down) to {temperature}",
        "set [the] temperature to {temperature} for the {zone}",
        "it's (cold|hot|chilly|stuffy) (for the|in the) {zone}, set it to {temperature}",
        "make the {zone} {temperature}",
        "{temperature} for the {zone} [please]",
        "climate {zone} {temperature}",
        "set my side to {temperature} => zone=driver",
        "set the temperature on my side to {temperature} => zone=driver",
        "make it {temperature} in the back => zone=rear",
        "the kids are (cold|hot), set the back to {temperature} => zone=rear",
        "my passenger is (cold|hot), set the passenger side to {temperature} => zone=passenger",
        "change the {zone} climate to {temperature}",
        "(heat|cool) the {zone} to {temperature}",
        "I'd like the {zone} temperature at {temperature}",
        "I'd like the {zone} (zone|climate) set to {temperature}",
        "could you (turn|bump) the {zone} (climate|temperature|temp) (up|down) to {temperature}",
        "{temperature} on the {zone} climate [please]",
        "um, can we get the {zone} (temperature|temp) to {temperature}",
        "is it possible to (set|keep) the {zone} (zone|climate) at {temperature}",
        "it's (freezing|boiling|too warm|too cold) on the passenger side, (make|set) it {temperature} => zone=passenger",
        "I'm (too hot|too cold|uncomfortable) in the driver's seat, (set|change) my side to {temperature} => zone=driver",
        "(bring|turn) the {zone} (temperature|temp) (to|down to|up to) {temperature}",
        "{zone} climate zone to {temperature} [please]",
        "the {zone} climate should be (at|set to) {temperature}",
        "the (children|folks|passengers) in the back (say|think) it's too (hot|cold), (make|put) it {temperature} back there => zone=rear",
        "set the car's {zone} (temperature|climate) to {temperature}",
    ])
    async def set_climate_temperature(
        self, zone: ClimateZone,
        temperature: Annotated[float, Field(ge=60, le=80)],
    ) -> bool:
        """Sets the climate temperature of a zone in degrees Fahrenheit.

        Args:
            zone: driver, passenger or rear.
            temperature: 60 to 80 °F.
        """
        self.climate[zone] = temperature
        self.climate_on = True
        return True

    @function(examples=[
        "move the {seat} seat {position} [by] {distance}",
        "(slide|push|shift) the {seat} seat {position} [by] {distance}",
        "(raise|lift) the {seat} seat [by] {distance} => position=up",
        "lower the {seat} seat [by] {distance} => position=down",
        "move my seat {position} [by] {distance} => seat=driver",
        "(can|could) you move the {seat} seat {position} [by] {distance}",
        "{seat} seat {position} {distance}",
        "adjust the {seat} seat {distance} {position}",
        "scoot the {seat} seat {position} [by] {distance}",
        "bring the {seat} seat {position} [by] {distance}",
        "push my seat back [by] {distance} => seat=driver, position=backward",
        "give me {distance} more legroom => seat=driver, position=backward",
        "move the {seat} seat {distance} (forward|forwards) => position=forward",
        "I need the {seat} seat {distance} (higher|up) => position=up",
        "(slide|move) the passenger seat (back|backward) [by] {distance} => seat=passenger, position=backward",
        "adjust my seat {position} by {distance} => seat=driver",
        "[please] move the {seat} seat {position} {distance}",
        "I need the {seat} seat (moved|shifted) {position} [by] {distance}",
        "could you (nudge|inch) the {seat} seat {position} [about] {distance}",
        "{distance} {position} on the {seat} seat [please]",
        "would you mind sliding the {seat} seat (forward|forwards|ahead) [by] {distance} => position=forward",
        "I'm too close to the steering wheel, (push|slide) my seat back [by] {distance} => seat=driver, position=backward",
        "I can't reach the pedals, (move|bring) my seat (forward|closer) [by] {distance} => seat=driver, position=forward",
        "my passenger (needs|wants) more legroom, (slide|move) their seat back [by] {distance} => seat=passenger, position=backward",
        "I can't see over the (dash|dashboard|steering wheel), raise my seat [by] {distance} => seat=driver, position=up",
        "(drop|sink) the {seat} seat (down|lower) [by] {distance} => position=down",
        "is it possible to move the {seat} seat {position} [by] {distance}",
        "(um|uh), the {seat} seat needs to go {position} [by] {distance}",
        "I keep hitting my head, lower my seat [by] {distance} => seat=driver, position=down",
    ])
    async def adjust_seat_position(
        self, seat: FrontSeat,
        position: SeatDirection, distance: Distance,
    ) -> bool:
        """Moves a seat forward, backward, up or down by a distance in millimetres.

        Args:
            seat: driver or passenger.
            position: Direction to move.
            distance: How far, in millimetres.
        """
        axis = "forward" if position in ("forward", "backward") else "up"
        sign = 1 if position in ("forward", "up") else -1
        self.seats[seat][axis] += sign * distance
        return True

    @function(cues=["window", "windows"], examples=[
        "(roll|put|move) the {window} window {position} [by] {distance}",
        "roll {position} the {window} window [by] {distance}",
        "(open|lower) the {window} window [by] {distance} => position=down",
        "(close|raise) the {window} window [by] {distance} => position=up",
        "crack the {window} window [by] {distance} => position=down",
        "{window} window {position} {distance}",
        "(can|could) you (lower|put down|roll down) the {window} window [by] {distance} => position=down",
        "(can|could) you (raise|put up|roll up) the {window} window [by] {distance} => position=up",
        "open my window [by] {distance} => window=front left, position=down",
        "open the {window} window all the way => position=down, distance=500",
        "close the {window} window (all the way|completely) => position=up, distance=500",
        "I want the {window} window {distance} (lower|down) => position=down",
        "bring the {window} window {position} [by] {distance}",
        "move the {window} window {distance} {position}",
        "let some air in, lower the {window} window [by] {distance} => position=down",
        "(roll|put) down my window [by] {distance} => window=front left, position=down",
        "{position} the {window} window [by] {distance}",
        "I'd like some fresh air, (open|crack) the {window} window [by] {distance} => position=down",
        "it's (raining|getting cold|too windy|too noisy), (close|roll up|put up) the {window} window [by] {distance} => position=up",
        "would you mind (winding|rolling) the {window} window {position} [by] {distance}",
        "{window} window, {distance} {position} [please]",
        "I need to (pay the toll|grab the parking ticket|order at the drive-through), lower the {window} window [by] {distance} => position=down",
        "is it possible to put the {window} window {position} [by] {distance}",
        "the {window} window needs to go {position} [by] {distance}",
        "(um|hey), open the {window} window a (crack|little), like {distance} => position=down",
        "(shut|close up) the {window} window by {distance} => position=up",
        "the dog wants to stick his head out, lower the {window} window [by] {distance} => position=down",
        "(bring|put) up my window [by] {distance} => window=front left, position=up",
        "there's a (draft|draught) coming (in|through) the {window} window, raise it [by] {distance} => position=up",
    ])
    async def control_window(
        self, window: CarWindow,
        position: WindowDirection, distance: Distance,
    ) -> bool:
        """Moves a window up or down by a distance in millimetres.

        Args:
            window: Which window.
            position: up or down.
            distance: How far, in millimetres.
        """
        opening = self.windows[window] + (distance if position == "down" else -distance)
        self.windows[window] = max(0, min(500, opening))
        return True

    @function(cues=["sunroof", "moonroof", "roof"], examples=[
        "{action} the (sunroof|moonroof)",
        "(can|could) you {action} the (sunroof|roof|moonroof)",
        "sunroof {action}",
        "open the (sunroof|roof|moonroof) (to|by) {intensity} => action=open",
        "open the (sunroof|moonroof) halfway => action=open, intensity=50",
        "open the (sunroof|moonroof) all the way => action=open, intensity=100",
        "tilt the (sunroof|moonroof) [to {intensity}] => action=tilt",
        "(close|shut) the (sunroof|moonroof|roof) [please] => action=close",
        "I want the sunroof (open|opened) [to {intensity}] => action=open",
        "vent the (sunroof|moonroof) => action=tilt",
        "open the roof {intensity} => action=open",
        "set the sunroof to {intensity} open => action=open",
        "[please] {action} the sunroof [for me]",
        "it's (stuffy|hot) in here, open the sunroof [to {intensity}] => action=open",
        "it's (raining|cold|loud), close the sunroof => action=close",
        "sunroof (open|open up) {intensity} => action=open",
        "I'd like some (sunshine|fresh air), (open|slide open) the sunroof [to {intensity}] => action=open",
        "would you mind (closing|shutting) the (sunroof|moonroof) => action=close",
        "is it possible to {action} the (sunroof|moonroof)",
        "hey car, {action} the roof",
        "tilt the (sunroof|moonroof) up [a little] => action=tilt",
        "(um|ok), can you (get|have) the sunroof open (to|at) {intensity} => action=open",
        "it's (too windy|getting dusty|starting to drizzle|way too noisy), (shut|close) the (sunroof|moonroof) => action=close",
        "sunroof (to|at) {intensity} [please] => action=open",
        "let some air in through the (sunroof|moonroof), just tilt it => action=tilt",
        "(moonroof|sunroof), {action} [it] please",
        "can we have the (sunroof|moonroof) (open|opened) (halfway|half way) => action=open, intensity=50",
        "slide the (sunroof|moonroof) back [to {intensity}] => action=open",
    ])
    async def operate_sunroof(
        self, action: SunroofAction,
        intensity: Annotated[int, Field(ge=0, le=100, json_schema_extra={"x-number-words": OPENINGS})] | None = None,
    ) -> bool:
        """Opens, closes or tilts the sunroof, optionally to a percentage.

        Args:
            action: open, close or tilt.
            intensity: How far, in percent.
        """
        self.sunroof = {"state": action, "intensity": 0 if action == "close" else (intensity or 100)}
        return True

    @function(cues=["lock", "locked", "secure"], examples=[  # "close the trunk", "check the car doors" lock nothing
        "lock the (car|doors|car doors)",
        "lock (it|up) [the car]",
        "(can|could) you lock the (car|doors)",
        "make sure the (doors are|car is) locked",
        "lock all [the] doors",
        "did I lock the car? lock it [please]",
        "secure the car",
        "lock everything [up]",
        "car lock",
        "I forgot to lock the car",
        "please lock my car",
        "lock the doors [please]",
        "lock the vehicle",
        "lock my (car|doors)",
        "lock the car doors [for me]",
        "I'm walking away from the car, lock it [please]",
        "I think I left the car unlocked, lock it [please]",
        "would you mind making sure the (car|vehicle) is locked",
        "lock up the (car|vehicle) [please]",
        "car, lock up",
        "hey, lock the car doors, (we're|I'm) (done|heading inside|off to bed)",
        "is it possible to lock my car remotely",
        "secure the (vehicle|car doors) [please]",
        "I need the car locked [please]",
        "engage the car's (door locks|locks)",
        "I'm already inside, lock the car [for me]",
        "the car's still open, (go ahead and|please) lock it",
    ])
    async def lock_doors(self) -> bool:
        """Locks all doors."""
        self.locked = True
        return True

    @function(cues=["unlock", "unlocked", "let me in", "let us in", "let me into", "let us into", "open", "locks",
                    "get in"], sensitive=True, examples=[  # "can I get some air in the car" opens nothing
        "unlock the (car|doors|car doors)",
        "unlock (it|my car)",
        "(can|could) you unlock the (car|doors)",
        "unlock all [the] doors",
        "let me in [the car]",
        "open the (car|doors) [for me]",
        "car unlock",
        "I'm at the car, unlock it",
        "please unlock my car",
        "unlock the doors [please]",
        "unlock the vehicle",
        "pop the locks",
        "I locked my keys in the car, unlock it",
        "(unlock|open) the car so (my friend|the kids|she|he) can get in",
        "unlock everything",
        "I'm standing (next to|by) the car, unlock it [please]",
        "would you mind getting the (car|vehicle) unlocked [for me]",
        "is it possible to unlock my car remotely",
        "unlock the car, (thanks|cheers)",
        "my hands are full, let me into the car",
        "hey, let us into the car [please]",
        "I need to get in the car, unlock it",
        "(can you|could you) open up the car [so I can get in]",
        "(release|disengage) the car (locks|door locks)",
        "(the kids are|my wife is|my husband is|my friend is) waiting by the car, unlock (it|the doors)",
        "my key fob is dead, unlock the car [for me]",
        "I want the car unlocked [please]",
    ])
    async def unlock_doors(self) -> bool:
        """Unlocks all doors."""
        self.locked = False
        return True

    # the climate is said ("stop vacuuming" switches no car climate off)
    @function(cues=["climate", "ac", "a/c", "air", "heat", "heating", "heater", "cool", "cooling", "hvac", "defrost",
                    "defroster", "warm", "fan", "conditioning", "conditioner", "temperature", "temp", "cabin", "blower",
                    "vent", "vents", "hot", "cold", "freezing", "warmer", "cooler", "precondition",
                    "preheat", "precool", "stuffy", "aircon", "condition", "comfortable", "comfy", "climatize",
                    "climatise", "demister", "demist", "defog", "defogger"], examples=[
        "(turn|switch) on the (climate|ac|a/c|air conditioning|heater|heat|climate control|hvac) => on=true",
        "(turn|switch) off the (climate|ac|a/c|air conditioning|heater|heat|climate control|hvac) => on=false",
        "start the (climate|ac|climate control|heater) => on=true",
        "precondition the car => on=true",
        "(stop|shut off|kill) the (climate|ac|hvac|heater) => on=false",
        "climate {on}",
        "turn the (climate|climate control|hvac) {on}",
        "(enable|activate) climate control => on=true",
        "(disable|deactivate) climate control => on=false",
        "(can|could) you turn on the (ac|heat|climate) => on=true",
        "(can|could) you turn off the (ac|heat|climate) => on=false",
        "I'm (hot|cold|freezing|sweating), turn on the (climate|ac|heat) => on=true",
        "(warm up|cool down) the car => on=true",
        "climate control {on} [please]",
        "the (ac|climate) is too much, turn it off => on=false",
        "switch the climate {on}",
        "I'm (boiling|roasting|baking) in the car, (put|get) the (ac|a/c|air con|air conditioning) on => on=true",
        "could you fire up the car's (heater|air con|climate) => on=true",
        "would you mind switching the car's climate control off => on=false",
        "is it possible to (preheat|pre-heat|pre-cool|precondition) the car [before I leave] => on=true",
        "the car is (way too cold|an oven|like a sauna), (start|run) the climate => on=true",
        "I'd like the car's (climate|climate control|hvac) {on}",
        "(ok|hey) car, climate {on}",
        "we don't need the (ac|air con|heater) in the car anymore, (switch|turn) it off => on=false",
        "get the cabin (comfortable|cooled down) before I (get there|head out) => on=true",
        "set the car's climate to {on}",
        "(shut down|cut) the car's (air con|climate|hvac) => on=false",
        "it's stuffy in the car, put the (air|fan) on => on=true",
    ])
    async def set_climate_power(self, on: Annotated[bool, Field(json_schema_extra={"x-words": CLIMATE_SWITCHED, "x-near": CLIMATE_NAMES})]) -> bool:
        """Turns the climate control on or off.

        Args:
            on: True for on, False for off.
        """
        self.climate_on = on
        return True

    @function(examples=[
        "navigate to {destination}",
        "take me to {destination}",
        "(get|give me) directions to {destination}",
        "let's go to {destination}",
        "set (the|my|a) destination (to|for) {destination}",
        "(start|begin) navigation to {destination}",
        "route (me|us) to {destination}",
        "I need to get to {destination}",
        "find the (way|fastest way) to {destination}",
        "(can|could) you navigate to {destination}",
        "directions to {destination} [please]",
        "go to {destination}",
        "bring me to {destination}",
        "we're (going|heading) to {destination}",
        "navigate me to {destination}",
        "drive (me|us) to {destination}",
        "how do I get to {destination}",
        "(set|put) {destination} (in|into) the (gps|navigation|nav)",
        "I'd like to go to {destination}",
        "(hey|ok) car, (navigate|take me) to {destination}",
        "would you mind setting (the|a) route to {destination}",
        "is it possible to get directions to {destination}",
        "(guide|lead) (me|us) to {destination}",
        "(start|fire up) the (sat nav|satnav|nav) (to|for) {destination}",
        "what's the (quickest|best) way to {destination}",
        "I'm running late, get me to {destination}",
        "(um|uh), I wanna (go|get) to {destination}",
        "next stop, {destination}",
        "(plot|plan) a (course|route) to {destination}",
        "head to {destination} [please]",
    ])
    async def navigate_to(self, destination: Annotated[str, Field(
            min_length=1, max_length=300, json_schema_extra={
                "x-marked": ["to", "nav for", "navigation for", "gps for", "satnav for", "destination for", "route for"],
                "x-ends": PLACE_ENDS})]) -> str:
        """Starts navigation to a destination.

        Args:
            destination: An address or place name.
        """
        self.destination = destination
        return f"Navigating to {destination}: {self.random.randint(3, 120)} km"

    # a question, or what it reports: "close the trunk" asks for no status
    @function(cues=["status", "check", "how", "what", "what's", "whats", "where", "where's", "is", "are", "was", "did", "do",
                    "does", "battery", "charge", "charged", "fuel", "gas", "range", "tire", "tires", "pressure",
                    "mileage", "miles", "odometer", "locked", "unlocked", "parked", "left", "level", "percent", "ok",
                    "okay", "tell", "show", "report", "state", "rundown"], examples=[
        "(what's|check) the (car|vehicle) status",
        "how much (charge|battery) (do I have|is left)",
        "what's my range",
        "is the car (locked|charging)",
        "(give me|show me) a (status report|rundown) (on|of) the car",
        "car status",
        "how's the car doing",
        "what's the battery level",
        "is my car (charged|locked)",
        "check the (battery|charge) [level]",
        "how far can I (drive|go) (on this charge|before charging)",
        "what's the cabin temperature",
        "vehicle (report|status) [please]",
        "where is my car [parked]",
        "(can|could) you check on the car",
        "what's the state of the car",
        "how much range (do I have|is left)",
        "is the car done charging [yet]",
        "how much juice is left in the (car|car battery)",
        "what percent is the car at [right now]",
        "did I leave the car unlocked",
        "can you tell me if the car is locked",
        "where did I (park|leave) the car",
        "how (hot|cold) is it inside the car [right now]",
        "do I have enough (charge|range) for the drive home",
        "is everything (ok|okay) with the car",
        "(how many miles are on the car|what's the mileage on the car)",
        "tell me how the car is doing",
        "is the car still where I parked it",
    ])
    async def get_vehicle_status(self) -> dict[str, object]:
        """Reports charge, range, lock state, cabin temperature and location."""
        return {"charge_percent": self.charge_percent, "range_km": self.charge_percent * 4,
                "locked": self.locked, "cabin_temperature_c": 19.5,
                "location": "Home driveway", "charging": self.charging}

    @function(cues=["honk", "horn", "beep", "toot"], examples=[
        "honk [the horn]",
        "honk [the horn] {times} times",
        "honk twice => times=2",
        "honk (once|one time) => times=1",
        "(beep|sound) the horn [{times} times]",
        "(can|could) you honk [the horn] [{times} times]",
        "give (it|them) a [quick] honk",
        "toot the horn [{times} times]",
        "(blast|hit|blow) the horn [{times} times]",
        "honk so I can find the car",
        "honk the horn three times => times=3",
        "beep beep => times=2",
        "use the horn",
        "honk {times} times [please]",
        "(double honk|honk two times) => times=2",
        "I can't find my car, (honk|beep) the horn",
        "would you mind honking the horn [{times} times]",
        "(give|let out) a (quick|little) (beep|toot) [on the horn]",
        "horn, {times} times [please]",
        "(sound|honk) the car horn a couple of times => times=2",
        "honk at (them|that guy|my friend) [{times} times]",
        "is it possible to (honk|sound the horn) {times} times",
        "we're (outside|here), (honk|beep the horn) so they come out",
        "beep the car [{times} times]",
        "just one quick honk [please] => times=1",
        "toot toot => times=2",
        "(scare|shoo) (the birds|that cat|the deer) away with the horn",
    ])
    async def honk_horn(self, times: Annotated[int, Field(ge=1, le=5, json_schema_extra={
            "x-said": True, "x-number-words": HONKS})] = 1) -> bool:  # "beep the horn" says no count: none is made up
        """Honks the horn.

        Args:
            times: How many honks.
        """
        self.horn_count += times
        return True

    # not "lights" alone: every home light request says it
    @function(cues=["flash", "flashing", "blink", "blinking", "flick", "flicker", "strobe", "headlights", "headlight",
                    "high beams"], examples=[
        "flash the (lights|headlights|high beams)",
        "(blink|flash) the (headlights|lights)",
        "flash my lights",
        "(can|could) you flash the (lights|headlights) [so I can find the car]",
        "flash",
        "flick the headlights",
        "flash the lights so I can find (it|my car|the car)",
        "blink the lights [a couple times]",
        "(start|keep) (flashing|blinking) the (car lights|headlights)",
        "(give|do) a (headlight|light) flash",
        "flash (the|my) car lights",
        "where's my car? flash the lights",
        "I'm lost in the (parking lot|car park), flash the (headlights|car lights)",
        "would you mind flashing the (headlights|car's lights)",
        "is it possible to (blink|flash) the (headlights|car lights)",
        "give (them|him|her) a flash of the (headlights|high beams)",
        "flick the high beams [a couple times]",
        "(um|ok) can you make the car (lights|headlights) blink",
        "(strobe|flicker) the (headlights|car lights)",
        "which one's my car? (flash|blink) the headlights",
        "headlights, flash [please]",
        "(set|get) the headlights flashing",
        "flash the car's headlights so (they|my friend) can spot it",
        "I need the car's (lights|headlights) to flash [for a second]",
    ])
    async def flash_lights(self) -> bool:
        """Flashes the headlights."""
        self.flashes += 1
        return True

    @function(cues=["trunk", "boot", "hatch", "tailgate", "liftgate"], sensitive=True, examples=[
        "open the (trunk|boot|rear hatch|liftgate|tailgate|hatch)",
        "pop the (trunk|boot|hatch)",
        "(can|could) you open the (trunk|boot)",
        "unlatch the trunk",
        "I need to load (groceries|my bags|the stroller), open the trunk",
        "open the back",
        "trunk open [please]",
        "please pop the trunk [for me]",
        "get the trunk open",
        "open up the (trunk|hatch)",
        "(release|unlock and open) the trunk",
        "I need to get something out of the trunk, open it",
        "would you mind popping the (trunk|boot)",
        "I've got (luggage|suitcases|shopping bags) to load, open the boot [please]",
        "is it possible to open the (trunk|tailgate) remotely",
        "hey car, pop the (boot|trunk)",
        "(raise|lift) the (tailgate|liftgate|hatch)",
        "I need the (trunk|boot) open [please]",
        "(can you|could you) open the (boot|trunk) for (the delivery guy|my friend|the valet)",
        "my hands are full, (pop|open) the (trunk|boot)",
        "(unlatch|release) the (tailgate|liftgate|boot)",
        "I need my (gym bag|suitcase|umbrella) from the (trunk|boot), (pop|open) it",
        "(um|uh), open the trunk real quick",
        "pop the boot (up|open) [please]",
    ])
    async def open_trunk(self) -> bool:
        """Opens the trunk."""
        self.trunk_open = True
        return True

    @function(cues=["heat", "heated", "heater", "heaters", "heating", "warm", "warmer", "warmers", "toasty"], examples=[
        "set the {seat} seat (heater|heating|warmer) to {level}",
        "turn the {seat} seat heat (to|up to) {level}",
        "{seat} seat heat {level}",
        "heat the {seat} seat (to|on) {level}",
        "turn off the {seat} seat heater => level=0",
        "turn on my seat heater (to|at) {level} => seat=driver",
        "my seat is cold, heat it to {level} => seat=driver",
        "(can|could) you set the {seat} seat warmer to {level}",
        "I want the {seat} seat heated (on|at|to) {level}",
        "max heat on the {seat} seat => level=3",
        "seat heating {level} for the {seat} seat",
        "turn (up|on) the {seat} seat heater to {level}",
        "put the {seat} seat heat on {level}",
        "{seat} seat warmer (to|on) {level}",
        "warm up the {seat} seat to {level}",
        "(switch|turn) off seat heating for the {seat} seat => level=0",
        "change the {seat} seat heating level to {level}",
        "I'm freezing, (put|turn) my seat (heater|heat) on {level} => seat=driver",
        "my (wife|husband|friend) is cold, (put|set) the passenger seat heat (on|to) {level} => seat=passenger",
        "would you mind heating the {seat} seat (to|on) {level}",
        "is it possible to get the {seat} seat (warmer|heater) (on|to) {level}",
        "(heat|heating) (on|at) {level} for the {seat} seat",
        "my (son|daughter) in the back left is cold, turn on their seat heater to {level} => seat=rear left",
        "make the {seat} seat toasty, (set it to|put it on) {level}",
        "heated {seat} seat (on|to) {level} [please]",
        "(kill|cut) the heat on the {seat} seat => level=0",
        "the {seat} seat is getting too hot, put the heat on low => level=1",
        "I'd like my seat warmer on {level} => seat=driver",
        "{seat} seat, heat (on|to) {level}",
    ])
    async def set_seat_heating(
        self, seat: HeatedSeat,
        level: Annotated[int, Field(ge=0, le=3)],
    ) -> bool:
        """Sets a seat's heating level, 0 (off) to 3.

        Args:
            seat: Which seat.
            level: 0 (off) to 3 (hottest).
        """
        self.seat_heating[seat] = level
        return True

    # charging is said ("play the playlist Sunday Chill" charges nothing)
    @function(cues=["charging", "charge", "charger", "charged", "plug", "plugged", "juice", "battery", "top up",
                    "top off", "fill up"], examples=[
        "start charging [the car]",
        "(begin|resume) charging",
        "charge the car [now]",
        "(can|could) you start charging [the (car|battery)]",
        "start the charge",
        "charge it up",
        "top up the battery",
        "I want to charge the car now",
        "start a charging session",
        "charge now",
        "plug is in, start charging",
        "kick off charging",
        "go ahead and charge the (car|battery)",
        "I just plugged the car in, (go ahead and|please) start charging [it]",
        "would you mind charging the car [now]",
        "is it possible to start charging the (car|EV) [right away]",
        "the (car's|EV's) battery is (low|almost empty|nearly flat), (start|begin) charging [it]",
        "(hey|ok) car, start charging",
        "juice up the (car|EV) [please]",
        "(get|set) the car charging [now]",
        "I need the car charged, start charging [it] now",
        "(fill up|top off) the (car's|EV's) battery",
        "(start|begin) charging the (EV|electric car)",
        "the charger is connected, (begin|start) charging the car",
        "please charge my (car|EV) [for me]",
    ])
    async def start_charging(self) -> bool:
        """Starts charging the battery."""
        self.charging = True
        return True

    # ("my charger stopped working" in an e-mail's words stops nothing: said only there, the cue is taken)
    @function(cues=["charging", "charge", "charger", "charged", "plug", "unplug", "unplugged", "juice", "battery",
                    "top up", "top off", "fill up"], examples=[
        "stop charging [the car]",
        "(end|pause|halt) (charging|the charge)",
        "stop the charge",
        "(can|could) you stop charging",
        "I'm leaving, stop charging",
        "that's enough charge, stop",
        "cancel charging",
        "quit charging the car",
        "stop the charging session",
        "don't charge anymore",
        "end the charging session",
        "stop charging now please",
        "the car has enough charge now, stop charging [it]",
        "would you mind stopping the charge [on the car]",
        "is it possible to (stop|pause) charging the car [remotely]",
        "I need to (head out|leave soon), (end|stop) the charging [session]",
        "(hey|um) car, stop charging",
        "no more charging for the car [please]",
        "stop the car from charging",
        "it's peak (hours|rates) right now, pause charging the car",
        "(halt|end) the (EV|car) charge",
        "don't (charge|top up) the car any (more|further)",
        "abort the charging session",
        "stop charging the (EV|electric car|battery)",
    ])
    async def stop_charging(self) -> bool:
        """Stops charging the battery."""
        self.charging = False
        return True

    @function(examples=[
        "set the charge limit to {percent}",
        "charge (to|up to) {percent}",
        "only charge (up to|to) {percent}",
        "(limit|cap) [the] (charge|charging) (at|to) {percent}",
        "max charge {percent}",
        "change the charge limit to {percent}",
        "(can|could) you set the max charge to {percent}",
        "I want to charge to {percent}",
        "stop charging at {percent}",
        "set charge limit {percent}",
        "set [the] battery limit to {percent}",
        "charge to full => percent=100",
        "keep the battery at {percent} max",
        "set the charging limit to {percent} [please]",
        "(make|set) the target charge {percent}",
        "I'm going on a road trip, charge (to|up to) {percent}",
        "don't charge past {percent}",
        "I'd like the car to (only|just) charge (to|up to) {percent}",
        "would you mind capping the (battery|charge) at {percent}",
        "is it possible to set the (charge limit|max charge) (at|to) {percent}",
        "{percent} max charge [please]",
        "(limit|cap) charging (to|at) {percent} to (protect|save) the battery",
        "I only need {percent} for tomorrow, (set that as|make that) the charge limit",
        "(raise|lower|bump) the charge (limit|ceiling) to {percent}",
        "set the (car's|EV's) (charge target|target state of charge) to {percent}",
        "what I want is the charge limit at {percent}",
        "(charge|fill) the battery to {percent} and no (more|further)",
        "never charge (above|over|beyond) {percent}",
        "(um|so) for daily driving, keep the charge limit at {percent}",
    ])
    async def set_charge_limit(self, percent: Annotated[int, Field(ge=50, le=100)]) -> bool:
        """Sets the maximum charge level.

        Args:
            percent: 50 to 100 %.
        """
        self.charge_limit = percent
        return True
