"""A simulated electric car: Octopus v2's five vehicle functions plus twelve more."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from devices.sdk import DeviceAdapter, function

Distance = Annotated[int, Field(ge=0, le=500, description="millimetres")]

OCTOPUS_ORDER = ["adjust_volume", "set_climate_temperature", "adjust_seat_position",
                 "control_window", "operate_sunroof"]
EXTRA_ORDER = ["lock_doors", "unlock_doors", "set_climate_power", "navigate_to",
               "get_vehicle_status", "honk_horn", "flash_lights", "open_trunk",
               "set_seat_heating", "start_charging", "stop_charging", "set_charge_limit"]


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

    @function
    async def adjust_volume(
        self, volume_diff: Annotated[int, Field(ge=-50, le=50)] | None = None,
        set_value: Annotated[int, Field(ge=0, le=50)] | None = None,
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

    @function
    async def set_climate_temperature(
        self, zone: Literal["driver", "passenger", "rear"],
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

    @function
    async def adjust_seat_position(
        self, seat: Literal["driver", "passenger"],
        position: Literal["forward", "backward", "up", "down"], distance: Distance,
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

    @function
    async def control_window(
        self, window: Literal["front left", "front right", "rear left", "rear right"],
        position: Literal["up", "down"], distance: Distance,
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

    @function
    async def operate_sunroof(
        self, action: Literal["open", "close", "tilt"],
        intensity: Annotated[int, Field(ge=0, le=100)] | None = None,
    ) -> bool:
        """Opens, closes or tilts the sunroof, optionally to a percentage.

        Args:
            action: open, close or tilt.
            intensity: How far, in percent.
        """
        self.sunroof = {"state": action, "intensity": 0 if action == "close" else (intensity or 100)}
        return True

    @function
    async def lock_doors(self) -> bool:
        """Locks all doors."""
        self.locked = True
        return True

    @function(sensitive=True)
    async def unlock_doors(self) -> bool:
        """Unlocks all doors."""
        self.locked = False
        return True

    @function
    async def set_climate_power(self, on: bool) -> bool:
        """Turns the climate control on or off.

        Args:
            on: True for on, False for off.
        """
        self.climate_on = on
        return True

    @function
    async def navigate_to(self, destination: Annotated[str, Field(min_length=1, max_length=300)]) -> str:
        """Starts navigation to a destination.

        Args:
            destination: An address or place name.
        """
        self.destination = destination
        return f"Navigating to {destination}: {self.random.randint(3, 120)} km"

    @function
    async def get_vehicle_status(self) -> dict[str, object]:
        """Reports charge, range, lock state, cabin temperature and location."""
        return {"charge_percent": self.charge_percent, "range_km": self.charge_percent * 4,
                "locked": self.locked, "cabin_temperature_c": 19.5,
                "location": "Home driveway", "charging": self.charging}

    @function
    async def honk_horn(self, times: Annotated[int, Field(ge=1, le=5)] = 1) -> bool:
        """Honks the horn.

        Args:
            times: How many honks.
        """
        self.horn_count += times
        return True

    @function
    async def flash_lights(self) -> bool:
        """Flashes the headlights."""
        self.flashes += 1
        return True

    @function(sensitive=True)
    async def open_trunk(self) -> bool:
        """Opens the trunk."""
        self.trunk_open = True
        return True

    @function
    async def set_seat_heating(
        self, seat: Literal["driver", "passenger", "rear left", "rear right"],
        level: Annotated[int, Field(ge=0, le=3)],
    ) -> bool:
        """Sets a seat's heating level, 0 (off) to 3.

        Args:
            seat: Which seat.
            level: 0 (off) to 3 (hottest).
        """
        self.seat_heating[seat] = level
        return True

    @function
    async def start_charging(self) -> bool:
        """Starts charging the battery."""
        self.charging = True
        return True

    @function
    async def stop_charging(self) -> bool:
        """Stops charging the battery."""
        self.charging = False
        return True

    @function
    async def set_charge_limit(self, percent: Annotated[int, Field(ge=50, le=100)]) -> bool:
        """Sets the maximum charge level.

        Args:
            percent: 50 to 100 %.
        """
        self.charge_limit = percent
        return True
