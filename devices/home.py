"""A simulated smart home whose functions are generated from Home Assistant's intents.json.

Every intent (except HassNevermind and HassRespond, which do nothing) becomes one function:
HassTurnOn -> `turn_on`, with the intent's slots as parameters. Slot types follow Home
Assistant's value conventions (SLOT_SCHEMAS), and names, areas and floors are enums taken
from the live inventory, so a new release of home-assistant-intents or an edited inventory
file changes the manifest without code changes. The behaviour behind each function is a
small in-memory imitation of Home Assistant: targets are resolved by name, area, floor,
domain and device class, and the resulting state is kept per entity id.
"""
from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import home_assistant_intents
import yaml
from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from devices.sdk import DeviceAdapter, DeviceFunction
from protocols import FunctionSpec

INTENTS_PATH = Path(os.path.dirname(home_assistant_intents.__file__)) / "intents.json"
DEFAULT_INVENTORY = Path(__file__).parent / "inventories" / "default.yaml"
SKIPPED_INTENTS = {"HassNevermind", "HassRespond"}  # they act on nothing: no device call

MEDIA_CLASSES = ["album", "app", "artist", "channel", "composer", "contributing_artist",
                 "episode", "game", "genre", "image", "movie", "music", "playlist", "podcast",
                 "season", "track", "tv_show", "url", "video"]
# Home Assistant names colours from a closed list: "dim it to 30 percent" or "it's dark" says none.
COLORS = [v["out"] for v in home_assistant_intents.get_intents("en")["lists"]["color"]["values"]]
def _said_as(pattern: str) -> list[str]:
    """Home Assistant's "auto[matic]" -> ["auto", "automatic"]."""
    return sorted({re.sub(r"\[(\w*)\]", "", pattern), re.sub(r"\[(\w*)\]", r"\1", pattern)})


# A fan mode is one Home Assistant names, said in its words ("switch to sport mode" is none).
FAN_MODES = {str(v["out"]): _said_as(v["in"]) for v in home_assistant_intents.get_intents("en")["lists"]["fan_mode"]["values"]}
# "on" and "off" are modes only when said as one: "put the heater fan on low" is low
FAN_MODES |= {mode: [f"to {mode}", f"fan mode {mode}"] for mode in ("on", "off") if mode in FAN_MODES}
# "half brightness", "blinds halfway": words that say a percentage without a number ("full"
# is no such word: "the full album", "is the tank full")
PERCENT = {"type": "integer", "minimum": 0, "maximum": 100,
           "x-number-words": {"half": 50, "halfway": 50, "half way": 50}}
COUNT = {"type": "integer", "minimum": 0}
TEXT = {"type": "string", "minLength": 1}

# JSON Schema of a slot, by slot name, following Home Assistant's value conventions
# (percentages are 0..100 integers, durations whole units). An unknown slot is a string,
# so intents added by a new release still get a usable schema.
VOLUME_DOWN = ["down", "lower", "quieter", "decrease", "reduce", "softer", "drop"]
SLOT_SCHEMAS: dict[str, dict[str, Any]] = {
    "name": {"type": "string"}, "area": {"type": "string"}, "floor": {"type": "string"},
    "domain": {"type": "string"}, "device_class": {"type": "string"},
    "state": {"type": "string"},
    "brightness": PERCENT, "position": PERCENT, "percentage": PERCENT, "volume_level": PERCENT,
    # Home Assistant takes "up"/"down" (one step) or a signed percentage.
    "volume_step": {"anyOf": [{"type": "integer", "minimum": -100, "maximum": 100,
                               "x-number-after": ["by", "up", "down"], "x-negative": VOLUME_DOWN},
                              {"type": "string", "enum": ["up", "down"],
                               "x-words": {"up": ["up", "louder", "raise", "increase", "crank", "too quiet", "too low", "can't hear"],
                                           "down": [*VOLUME_DOWN, "too loud"]}}],
                    "x-said": True},  # "turn the sound back on" says no step: no volume change
    "temperature": {"type": "number"},
    "color": {"type": "string", "enum": COLORS, "default": None, "x-words": {c: [c] for c in COLORS}},
    "fan_mode": {"type": "string", "enum": list(FAN_MODES), "x-words": FAN_MODES, "x-said": True},
    "hours": COUNT, "minutes": COUNT, "seconds": COUNT,
    "start_hours": COUNT, "start_minutes": COUNT, "start_seconds": COUNT,
    "item": TEXT, "conversation_command": TEXT,
    # what to play, read after the verb ("play the movie Up on the tv"; spoken.media_spans)
    "search_query": {**TEXT, "x-media": "name"},
    # what to announce, when a word or a ":" introduces it ("make an announcement: dinner!"),
    # or the earlier result "announce it" passes on
    "message": {**TEXT, "x-marked": ["saying", "that says", ":"], "x-result": True},
    # Home Assistant fills media_class only from these words ("play the movie Inception"):
    # a request that says none leaves it out.
    "media_class": {"type": "string", "enum": MEDIA_CLASSES, "default": None, "x-words": {
        **{c: [] for c in MEDIA_CLASSES}, "artist": ["artist"], "album": ["album"], "track": ["track", "song"],
        "playlist": ["playlist"], "podcast": ["podcast"], "movie": ["movie"], "tv_show": ["tv show", "show"]}},
}
# Where one intent means something else by a slot name.
# "x-said": only a value the request says, never a guessed one ("it's dark, turn the lights
# on" sets no brightness); Home Assistant's brightness words count ("max", "lowest").
BRIGHTNESS_WORDS = {str(w): v["out"] for v in home_assistant_intents.get_intents("en")["lists"]["brightness_level"]["values"]
                    for w in v["in"].strip("()").split("|")}
SLOT_OVERRIDES: dict[tuple[str, str], dict[str, Any]] = {
    ("HassLightSet", "temperature"): {"type": "integer", "x-said": True},  # colour temperature in kelvin
    ("HassLightSet", "brightness"): {**PERCENT, "x-number-words": {**PERCENT["x-number-words"], **BRIGHTNESS_WORDS},
                                     "x-said": True},
}
TARGET_SLOTS = {"name", "area", "floor", "domain", "device_class"}
VOLUME_STEP = 10  # percent, Home Assistant's default step for "up"/"down"
FALLBACK_SLOT_SCHEMA: dict[str, Any] = {"type": "string"}

# Device classes Home Assistant defines for covers, binary sensors, switches and media
# players; those seen in the inventory (sensors, say) are added at run time.
# The states a yes/no question asks about, as Home Assistant's state lists name them, and
# zones a person can be in (an inventory may list its own under `zones:`).
STATES = ["on", "off", "open", "closed", "opening", "closing", "locked", "unlocked", "home", "not_home"]
ZONES = ["work", "school", "gym", "downtown", "grandma's", "airport", "church", "park", "university",
         "beach house"]
COMMON_DEVICE_CLASSES = {
    "awning", "blind", "curtain", "damper", "door", "garage", "gate", "shade", "shutter",
    "window", "battery", "battery_charging", "carbon_monoxide", "cold", "connectivity",
    "garage_door", "gas", "heat", "light", "lock", "moisture", "motion", "moving",
    "occupancy", "opening", "plug", "power", "presence", "problem", "running", "safety",
    "smoke", "sound", "tamper", "update", "vibration", "outlet", "switch", "tv", "speaker",
    "receiver",
}

# (on, off) state per domain for turn_on/turn_off; anything else is "on"/"off".
POWER_STATES = {"cover": ("open", "closed"), "valve": ("open", "closed"),
                "lock": ("locked", "unlocked"), "climate": ("heat", "off")}
TURNABLE = {"light", "switch", "fan", "input_boolean", "media_player", "cover", "valve",
            "lock", "climate"}
KEEP_WHEN_ON = {"media_player", "climate"}  # turning on a playing TV must not stop it
# A binary sensor is "on" when something is open/detected; people ask in those words.
BINARY_ON = {"on", "open", "opened", "detected", "wet", "occupied", "home", "unlocked",
             "moving", "running", "unsafe", "connected", "low", "problem"}
BINARY_OFF = {"off", "closed", "clear", "dry", "not_detected", "unoccupied", "away", "locked",
              "stopped", "safe", "disconnected", "normal", "ok"}

# How a question says each state ("x-words": the planner picks among the states said):
# "is the back door locked" cannot ask about "unlocked".
STATE_WORDS = {
    "on": sorted(BINARY_ON - {"home"}), "off": sorted(BINARY_OFF - {"away"} | {"shut"}),
    "open": ["open", "opened"], "closed": ["closed", "shut"], "opening": ["opening"],
    "closing": ["closing"], "locked": ["locked"], "unlocked": ["unlocked"], "home": ["home"],
    "not_home": ["away", "not home"],
}

# What Home Assistant's state question fills beside a named entity, by its domain (its
# templates' fixed slots): a binary sensor's domain and class, a lock's domain, and the
# states the domain has; a sensor is asked for its value, with no state.
QUESTION_SLOTS: dict[str, tuple[bool, bool, list[str]]] = {  # domain -> (domain?, class?, states)
    "binary_sensor": (True, True, ["on", "off"]), "lock": (True, False, ["locked", "unlocked"]),
    "cover": (False, False, ["open", "closed", "opening", "closing"]),
    "valve": (False, False, ["open", "closed", "opening", "closing"]), "sensor": (False, False, []),
}

IDS = {"type": "array", "items": {"type": "string"}}


def _obj(**props: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props}


TARGETED = _obj(targets=IDS, state={"type": "string"})
TIMER = _obj(id={"type": "string"}, name={"type": ["string", "null"]},
             area={"type": ["string", "null"]}, total_seconds={"type": "integer"},
             remaining={"type": "integer"}, state={"type": "string"})
LIST_ITEM = _obj(list={"type": "string"}, item={"type": "string"}, pending=IDS)
# Result schemas of the simulated functions; a function not listed returns an object.
# Words a request says to mean these functions (their Home Assistant templates' verbs and
# their everyday synonyms): without one, the planner does not choose the function, so
# "keep playing" is no pause, "shopping list: olive oil" no completed item, and "give the
# timer another 30 seconds" no shorter timer.
CUES: dict[str, list[str]] = {
    "turn_on": ["on", "open", "opened", "lock", "locked", "start", "activate", "enable", "raise", "run",
                "power", "light", "light up", "boot", "fire", "unmute", "running", "going", "plug"],
    "turn_off": ["off", "close", "closed", "shut", "unlock", "unlocked", "stop", "deactivate", "disable", "lower",
                 "kill", "cut", "out", "douse", "unplug", "of"],  # "turn of the light"
    "media_pause": ["pause", "stop", "hold", "halt", "freeze", "off"],
    "media_unpause": ["unpause", "un-pause", "resume", "continue", "keep", "again", "back on"],
    # "back" only as going back: "turn the sound back on" is no previous track
    "media_previous": ["previous", "last", "replay", "rewind", "before", "go back", "skip back", "back one", "back a",
                       "jump back", "earlier", "prior"],
    # skipping says so ("email Priya ... say the dashboard looks great" skips nothing)
    "media_next": ["next", "skip", "skipping", "forward", "ahead", "advance", "another", "different", "change",
                   "following", "else", "pass"],
    # a timer's status is asked for ("put the bread timer on hold" asks nothing)
    "timer_status": ["how", "long", "left", "remaining", "remain", "status", "check", "much", "when", "done", "ready",
                     "going", "running", "what", "whats", "what's", "is", "are", "tell", "many", "minutes", "seconds",
                     "hours", "until", "till", "time", "update", "progress", "where", "show", "give", "read", "report",
                     "any", "do", "does", "did", "finished", "finish", "up", "has", "have", "gone", "yet", "ended",
                     "close", "almost", "nearly", "over"],
    # muting says so ("play the playlist Sunday Chill in the bedroom" mutes nothing)
    "media_player_mute": ["mute", "muted", "silence", "silent", "quiet", "shush", "hush", "sound", "noise", "off", "shut",
                          "kill", "cut", "stop"],
    "media_player_unmute": ["unmute", "un-mute", "off mute", "sound back", "back on"],
    "list_complete_item": ["check", "checked", "complete", "completed", "done", "cross", "crossed", "tick",
                           "ticked", "mark", "marked", "finished", "bought", "got"],
    "shopping_list_complete_item": ["check", "checked", "complete", "completed", "done", "cross", "crossed",
                                    "tick", "ticked", "mark", "marked", "finished", "bought", "got", "remove",
                                    "delete"],
    "pause_timer": ["pause", "hold", "freeze", "stop", "halt"],
    "unpause_timer": ["unpause", "un-pause", "resume", "continue", "again", "restart", "back on"],
    "cancel_timer": ["cancel", "stop", "delete", "remove", "kill", "end", "clear", "off", "abort", "nevermind",
                     "never mind", "forget", "get rid", "scrap", "drop", "dismiss", "turn off", "cancelled"],
    "cancel_all_timers": ["cancel", "stop", "delete", "remove", "kill", "end", "clear", "off", "abort", "forget",
                          "get rid", "scrap", "drop", "dismiss", "cancelled"],
    # an announcement says so, or to whom ("invite Priya to the lunch" announces nothing)
    "broadcast": ["announce", "announcement", "broadcast", "everyone", "everybody", "house", "intercom", "speakers",
                  "speaker", "all rooms", "every room", "shout", "yell", "call out", "tell the", "tell all", "say",
                  "read out", "whole family", "family", "kids"],
    # playing says so ("create a new playlist called road trip" plays nothing)
    "media_search_and_play": ["play", "playing", "put", "listen", "hear", "start", "queue", "throw on", "spin",
                              "blast", "shuffle", "watch", "turn on", "stream", "pull up", "find"],
    # the shopping list is said ("add this song to my workout playlist" is no shopping)
    "shopping_list_add_item": ["shopping", "grocery", "groceries", "list"],
    # a temperature is asked for ("check the bathroom humidity" is the humidity sensor's state)
    "climate_get_temperature": ["temperature", "temp", "hot", "cold", "warm", "cool", "degrees", "thermostat", "heat",
                                "heating", "chilly", "freezing", "warmth"],
    # docking says where or how it goes ("empty the robot vacuum's bin" docks nothing)
    "lawn_mower_dock": ["dock", "docked", "home", "base", "back", "return", "park", "charge", "charger", "charging",
                        "station", "garage", "shed", "stop", "cancel", "end", "finish", "quit", "halt", "away", "put"],
    "vacuum_return_to_base": ["dock", "docked", "home", "base", "back", "return", "park", "charge", "charger",
                              "charging", "station", "stop", "cancel", "end", "finish", "quit", "halt", "away", "put"],
    "increase_timer": ["add", "increase", "more", "another", "extend", "longer", "plus", "extra"],
    "decrease_timer": ["remove", "take", "subtract", "decrease", "less", "shorten", "shorter", "minus", "off",
                       "reduce", "cut", "knock"],
}

RETURNS: dict[str, dict[str, Any]] = {
    "turn_on": TARGETED, "turn_off": TARGETED,
    "get_state": _obj(matched=IDS, unmatched=IDS, states={"type": "object"},
                      answer={"type": "boolean"}),
    "broadcast": _obj(message={"type": "string"}),
    "get_current_date": {"type": "string", "format": "date"},
    "get_current_time": {"type": "string", "pattern": r"^\d{2}:\d{2}$"},
    "climate_get_temperature": _obj(current_temperature={"type": "number"},
                                    temperatures={"type": "object"}, unit={"type": "string"}),
    "get_weather": _obj(entity_id={"type": "string"}, name={"type": "string"},
                        state={"type": "string"}, attributes={"type": "object"}),
    "shopping_list_add_item": LIST_ITEM, "shopping_list_complete_item": LIST_ITEM,
    "list_add_item": LIST_ITEM, "list_complete_item": LIST_ITEM, "list_remove_item": LIST_ITEM,
    "start_timer": TIMER, "cancel_timer": TIMER, "increase_timer": TIMER,
    "decrease_timer": TIMER, "pause_timer": TIMER, "unpause_timer": TIMER,
    "timer_status": _obj(timers={"type": "array", "items": TIMER}),
    "cancel_all_timers": _obj(canceled=IDS),
}


# ---- generating specs from intents.json ------------------------------------------------

def load_intents(path: Path = INTENTS_PATH) -> dict[str, dict[str, Any]]:
    """The intents the home serves, in intents.json order."""
    intents: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return {name: intent for name, intent in intents.items() if name not in SKIPPED_INTENTS}


def function_name(intent_name: str) -> str:
    """HassClimateSetTemperature -> climate_set_temperature (acronyms stay one word)."""
    words = intent_name.removeprefix("Hass")
    words = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", words)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words).lower()


def one_of_slots(intent: dict[str, Any]) -> list[str]:
    """The value slots of which every sentence Home Assistant knows for the intent fills at
    least one, each able to stand alone, when no single one is required: HassLightSet needs
    a brightness, a colour or a temperature, HassStartTimer hours, minutes or seconds (its
    delayed command never stands alone). Empty when there is no such rule."""
    slots = intent.get("slots") or {}
    values = [s for s in slots if s not in TARGET_SLOTS]
    combos = [set(c.get("slots", [])) for c in (intent.get("slot_combinations") or {}).values()]
    if not combos or any(slots[s].get("required") for s in values):
        return []
    alone = [s for s in values if any(c & set(values) == {s} for c in combos)]  # "set a 5 minute timer": minutes
    return alone if alone and all(c & set(alone) for c in combos) else []


def intent_examples(intent: dict[str, Any], limit: int = 3) -> list[str]:
    examples: list[str] = []
    for combo in intent.get("slot_combinations", {}).values():
        found = combo.get("example", [])
        for text in [found] if isinstance(found, str) else found:
            if text not in examples:
                examples.append(text)
    return examples[:limit]


def _describe_functions(text: str) -> str:
    """Descriptions mention other intents by name; the caller only knows function names."""
    return re.sub(r"\bHass[A-Z]\w*", lambda m: function_name(m.group(0)), text)


def _field_type(schema: dict[str, Any]) -> Any:
    """The pydantic type that accepts what a slot's JSON Schema accepts."""
    if "anyOf" in schema:
        options = tuple(_field_type(option) for option in schema["anyOf"])
        return Union[options]  # noqa: UP007 - built from a runtime tuple
    if "enum" in schema:
        return Literal[tuple(schema["enum"])]
    base = {"integer": int, "number": float, "string": str, "boolean": bool}.get(
        schema.get("type", ""), Any)
    bounds = {pyd: schema[js] for js, pyd in
              (("minimum", "ge"), ("maximum", "le"), ("minLength", "min_length")) if js in schema}
    return Annotated[base, Field(**bounds)] if bounds else base


def args_model(name: str, parameters: dict[str, Any]) -> type[BaseModel]:
    """A validator for a generated schema. Optional slots default to None ("not given")."""
    required = set(parameters.get("required", []))
    fields: dict[str, Any] = {}
    for slot, schema in parameters["properties"].items():
        kind = _field_type(schema)
        fields[slot] = (kind, ...) if slot in required else (kind | None, None)
    groups = [g["required"] for g in parameters.get("anyOf", [])]

    def one_group_given(model: BaseModel) -> BaseModel:
        if groups and not any(all(getattr(model, s) is not None for s in g) for g in groups):
            raise ValueError(f"{name} needs one of: {', '.join('+'.join(g) for g in groups)}")
        return model

    return create_model(f"{name}_args", __config__=ConfigDict(extra="forbid"), **fields,
                        __validators__={"one_group_given": model_validator(mode="after")(one_group_given)})


# ---- inventory helpers -----------------------------------------------------------------

def _domain(entity: dict[str, Any]) -> str:
    return str(entity["id"]).split(".", 1)[0]


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.casefold() == b.casefold()


def _state_text(value: Any) -> str:
    """YAML reads an unquoted `off` as False; Home Assistant states are always strings."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return "unknown" if value is None else str(value)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _slot_word(value: str) -> str:
    return value.strip().casefold().replace(" ", "_")


class Home(DeviceAdapter):
    kind = "home"
    display_name = "Home"

    def __init__(self, device_id: str, *, seed: int = 0, name: str | None = None,
                 inventory_path: str | Path | None = None) -> None:
        # Loaded before the base __init__, which calls extra_functions() to build specs.
        self.intents = load_intents()
        self._load_inventory(Path(inventory_path) if inventory_path else DEFAULT_INVENTORY)
        self.broadcasts: list[str] = []
        self.now: Callable[[], datetime] = datetime.now  # tests may pin the clock
        super().__init__(device_id, seed=seed, name=name)

    def _load_inventory(self, path: Path) -> None:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        self.floors: list[dict[str, Any]] = list(raw.get("floors") or [])
        self.areas: list[dict[str, Any]] = list(raw.get("areas") or [])
        self.zones: list[str] = [str(z) for z in raw.get("zones") or ZONES]
        self.entities: dict[str, dict[str, Any]] = {}
        for entity in raw.get("entities") or []:
            entity = dict(entity, state=_state_text(entity.get("state")),
                          attributes=dict(entity.get("attributes") or {}))
            self.entities[entity["id"]] = entity
        self.timers: list[dict[str, Any]] = [dict(t) for t in raw.get("timers") or []]
        self.media: list[dict[str, Any]] = list(raw.get("media") or [])
        self._timer_count = len(self.timers)

    # ---- public helpers -----------------------------------------------------------------

    def inventory(self) -> dict[str, Any]:
        return copy.deepcopy({"floors": self.floors, "areas": self.areas,
                              "entities": list(self.entities.values()),
                              "timers": self.timers, "media": self.media})

    def state_of(self, entity_id: str) -> str:
        return str(self.entities[entity_id]["state"])

    def entities_in(self, area: str | None = None, domain: str | None = None) -> list[dict]:
        """Copies of the entities in an area (display name or id) and/or of a domain."""
        area_id = self._area_id(area) if area else None
        return [copy.deepcopy(e) for e in self.entities.values()
                if (area is None or e.get("area") == area_id)
                and (domain is None or _domain(e) == domain)]

    def function_order(self) -> list[str]:
        order = [function_name(name) for name in self.intents]
        return [name for name in order if name in self.functions]

    # ---- specs --------------------------------------------------------------------------

    def extra_functions(self) -> list[DeviceFunction]:
        return [self._build(intent_name, intent) for intent_name, intent in self.intents.items()]

    def _build(self, intent_name: str, intent: dict[str, Any]) -> DeviceFunction:
        name = function_name(intent_name)
        slots: dict[str, dict[str, Any]] = intent.get("slots") or {}
        parameters = {
            "type": "object",
            "properties": {slot: self._slot_schema(intent_name, intent, slot, info)
                           for slot, info in slots.items()},
            "required": [slot for slot, info in slots.items() if info.get("required")],
            "additionalProperties": False,
        }
        if needs := one_of_slots(intent):  # "set the lamp" sets nothing: a brightness, colour or temperature
            parameters["anyOf"] = [{"required": [slot]} for slot in needs]
        spec = FunctionSpec(
            name=name, description=_describe_functions(intent.get("description") or name),
            parameters=parameters, returns=RETURNS.get(name, {"type": "object"}),
            # Nothing here is sensitive by default; the hub's confirmation policy is
            # configured per function (e.g. unlocking via turn_off) on the hub side.
            sensitive=False, examples=intent_examples(intent), cues=CUES.get(name, []),
        )
        return DeviceFunction(spec, args_model(name, parameters), self._handler(name))

    def _slot_schema(self, intent_name: str, intent: dict[str, Any], slot: str,
                     info: dict[str, Any]) -> dict[str, Any]:
        schema = dict(SLOT_OVERRIDES.get((intent_name, slot))
                      or SLOT_SCHEMAS.get(slot, FALLBACK_SLOT_SCHEMA))
        choices = self._choices(intent_name, intent, slot)
        if choices:
            schema["enum"] = choices
        if slot in ("area", "floor") and (aliases := self.aliases(slot)):
            schema["x-aliases"] = aliases
        if slot == "state":
            schema["x-words"] = STATE_WORDS
        if slot == "name" and intent_name == "HassGetState" and choices:
            schema["x-slots"] = {name: self._question_slots(name) for name in choices}
        if info.get("description"):
            schema["description"] = info["description"]
        return schema

    def _question_slots(self, name: str) -> dict[str, Any]:
        """"x-slots": what a state question about this entity fills besides its name."""
        entity = next(e for e in self.entities.values() if e["name"] == name)
        domain = _domain(entity)
        with_domain, with_class, states = QUESTION_SLOTS.get(domain, (False, False, ["on", "off"]))
        if domain == "person":  # "is Emma at school"
            states = _unique(["home", "not_home", *self.zones])
        slots: dict[str, Any] = {"state": states}
        if with_domain:
            slots["domain"] = domain
        if with_class and entity["attributes"].get("device_class"):
            slots["device_class"] = entity["attributes"]["device_class"]
        return slots

    def aliases(self, slot: str) -> dict[str, list[str]]:
        """An area's or a floor's other names ("upstairs"), as Home Assistant's aliases."""
        places = self.areas if slot == "area" else self.floors
        return {p["name"]: [str(a) for a in p["aliases"]] for p in places if p.get("aliases")}

    def _choices(self, intent_name: str, intent: dict[str, Any], slot: str) -> list[str] | None:
        """The live inventory's values for a slot, or None where the slot is free text."""
        if slot == "area":
            return _unique([a["name"] for a in self.areas])
        if slot == "floor":
            return _unique([f["name"] for f in self.floors])
        if slot == "domain":
            own = _own_domain(intent)
            return [own] if own else sorted({_domain(e) for e in self.entities.values()})
        if slot == "device_class":
            seen = {e["attributes"]["device_class"] for e in self.entities.values()
                    if "device_class" in e["attributes"]}
            return sorted(seen | COMMON_DEVICE_CLASSES)
        if slot == "state":
            return _unique(STATES + list(self.zones))
        if slot == "name":
            return name_choices(intent_name, intent, list(self.entities.values()))
        return None

    def _handler(self, name: str) -> Callable[..., Any]:
        impl = getattr(self, f"_do_{name}", None)

        async def handler(**kwargs: Any) -> Any:
            if impl is None:  # an intent from a newer intents.json that we don't simulate
                raise NotImplementedError(f"the simulated home does not implement {name}")
            return impl(**{k: v for k, v in kwargs.items() if v is not None})
        return handler

    # ---- resolving targets like Home Assistant -------------------------------------------

    def _area_id(self, area: str) -> str:
        for known in self.areas:
            if _same(known["name"], area) or known["id"] == area:
                return str(known["id"])
        raise ValueError(f"there is no area named {area!r}")

    def _area_name(self, area_id: str | None) -> str | None:
        return next((a["name"] for a in self.areas if a["id"] == area_id), None)

    def _floor_area_ids(self, floor: str) -> set[str]:
        for known in self.floors:
            if _same(known["name"], floor) or known["id"] == floor:
                return {a["id"] for a in self.areas if a.get("floor") == known["id"]}
        raise ValueError(f"there is no floor named {floor!r}")

    def _find(self, *, name: str | None = None, area: str | None = None,
              floor: str | None = None, domains: set[str] | None = None,
              device_class: str | None = None, what: str = "device") -> list[dict[str, Any]]:
        """Entities matching every given constraint; none is an error the caller can read."""
        found = list(self.entities.values())
        if name:
            found = [e for e in found if _same(e["name"], name)]
        if area:
            area_id = self._area_id(area)
            found = [e for e in found if e.get("area") == area_id]
        if floor:
            area_ids = self._floor_area_ids(floor)
            found = [e for e in found if e.get("area") in area_ids]
        if domains:
            found = [e for e in found if _domain(e) in domains]
        if device_class:
            found = [e for e in found if e["attributes"].get("device_class") == device_class]
        if not found:
            asked = {"name": name, "area": area, "floor": floor, "device_class": device_class}
            where = ", ".join(f"{k} {v!r}" for k, v in asked.items() if v)
            raise ValueError(f"no {what} matches {where}" if where else f"there is no {what}")
        return found

    def _only_or_all(self, domain: str, name: str | None = None, area: str | None = None,
                     floor: str | None = None) -> list[dict[str, Any]]:
        """Without a target, Home Assistant uses the speaker's area; we have none: all."""
        return self._find(name=name, area=area, floor=floor, domains={domain},
                          what=domain.replace("_", " "))

    # ---- on, off, state ------------------------------------------------------------------

    def _do_turn_on(self, **target: str) -> dict[str, Any]:
        return self._switch(True, **target)

    def _do_turn_off(self, **target: str) -> dict[str, Any]:
        return self._switch(False, **target)

    def _switch(self, on: bool, name: str | None = None, area: str | None = None,
                floor: str | None = None, domain: str | None = None,
                device_class: str | None = None) -> dict[str, Any]:
        verb = "turn on" if on else "turn off"
        if not any((name, area, floor, domain, device_class)):
            raise ValueError(f"say what to {verb}: a name, an area or a domain")
        if domain:
            domains = {domain}
        elif name or device_class:
            domains = None
        else:
            domains = {"light"}  # "turn off the kitchen" means its lights, as in HA
        targets = self._find(name=name, area=area, floor=floor, domains=domains,
                             device_class=device_class, what=domain or "device")
        for entity in targets:
            if _domain(entity) not in TURNABLE:
                raise ValueError(f"{entity['name']} ({_domain(entity)}) cannot be {verb}ed")
        states = [self._set_power(entity, on) for entity in targets]
        shared = states[0] if len(set(states)) == 1 else ("on" if on else "off")
        return {"targets": [e["id"] for e in targets], "state": shared}

    def _set_power(self, entity: dict[str, Any], on: bool) -> str:
        domain, attrs = _domain(entity), entity["attributes"]
        on_state, off_state = POWER_STATES.get(domain, ("on", "off"))
        if not (on and domain in KEEP_WHEN_ON and entity["state"] != off_state):
            entity["state"] = on_state if on else off_state
        if domain in ("cover", "valve"):
            attrs["current_position"] = 100 if on else 0
        elif domain == "light":
            attrs["brightness"] = (attrs.get("brightness") or 255) if on else 0
        elif domain == "fan":
            attrs["percentage"] = (attrs.get("percentage") or 100) if on else 0
        return str(entity["state"])

    def _do_get_state(self, name: str | None = None, area: str | None = None,
                      floor: str | None = None, domain: str | None = None,
                      device_class: str | None = None,
                      state: str | None = None) -> dict[str, Any]:
        if not any((name, area, floor, domain, device_class)):
            raise ValueError("say which device to check: a name, an area or a domain")
        targets = self._find(name=name, area=area, floor=floor,
                             domains={domain} if domain else None, device_class=device_class,
                             what=domain or "device")
        result: dict[str, Any] = {"states": {e["id"]: e["state"] for e in targets}}
        if state is None:
            result.update(matched=[e["id"] for e in targets], unmatched=[])
            return result
        matched = [e["id"] for e in targets if _state_matches(e, state)]
        result.update(matched=matched, unmatched=[e["id"] for e in targets
                                                  if e["id"] not in matched])
        result["answer"] = len(matched) == len(targets)
        return result

    # ---- lights, climate, covers, fans ---------------------------------------------------

    def _do_light_set(self, domain: str | None = None, name: str | None = None,
                      area: str | None = None, floor: str | None = None,
                      brightness: int | None = None, color: str | None = None,
                      temperature: int | None = None) -> dict[str, Any]:
        if brightness is None and color is None and temperature is None:
            raise ValueError("give a brightness, a colour or a colour temperature")
        if domain not in (None, "light"):
            raise ValueError(f"light_set only sets lights, not {domain}")
        if not any((name, area, floor)):
            raise ValueError("say which light: a name, an area or a floor")
        lights = self._find(name=name, area=area, floor=floor, domains={"light"}, what="light")
        for light in lights:
            _apply_light(light, brightness, color, temperature)
        result: dict[str, Any] = {"targets": [e["id"] for e in lights],
                                  "state": lights[0]["state"]}
        given = {"brightness": brightness, "color": color, "temperature": temperature}
        result.update({k: v for k, v in given.items() if v is not None})
        return result

    def _do_climate_set_temperature(self, temperature: float, name: str | None = None,
                                    area: str | None = None,
                                    floor: str | None = None) -> dict[str, Any]:
        targets = self._only_or_all("climate", name, area, floor)
        for entity in targets:
            entity["attributes"]["temperature"] = temperature
        return {"targets": [e["id"] for e in targets], "temperature": temperature}

    def _do_climate_get_temperature(self, name: str | None = None, area: str | None = None,
                                    floor: str | None = None) -> dict[str, Any]:
        targets = self._only_or_all("climate", name, area, floor)
        temps = {e["id"]: e["attributes"].get("current_temperature") for e in targets}
        return {"current_temperature": temps[targets[0]["id"]], "temperatures": temps,
                "unit": targets[0]["attributes"].get("temperature_unit", "°C")}

    def _do_climate_set_fan_mode(self, fan_mode: str, name: str | None = None,
                                 area: str | None = None,
                                 floor: str | None = None) -> dict[str, Any]:
        targets = self._only_or_all("climate", name, area, floor)
        for entity in targets:
            modes = entity["attributes"].get("fan_modes")
            if modes and fan_mode not in modes:
                raise ValueError(f"{entity['name']} has no fan mode {fan_mode!r} "
                                 f"(it has {', '.join(modes)})")
        for entity in targets:
            entity["attributes"]["fan_mode"] = fan_mode
        return {"targets": [e["id"] for e in targets], "fan_mode": fan_mode}

    def _do_set_position(self, position: int, name: str | None = None,
                         area: str | None = None, floor: str | None = None,
                         domain: str | None = None,
                         device_class: str | None = None) -> dict[str, Any]:
        if domain not in (None, "cover", "valve"):
            raise ValueError(f"only covers and valves have a position, not {domain}")
        if not any((name, area, floor, domain, device_class)):
            raise ValueError("say which cover: a name, an area or a device class")
        targets = self._find(name=name, area=area, floor=floor, device_class=device_class,
                             domains={domain} if domain else {"cover", "valve"}, what="cover")
        for entity in targets:
            entity["attributes"]["current_position"] = position
            entity["state"] = "open" if position > 0 else "closed"
        return {"targets": [e["id"] for e in targets], "position": position}

    def _do_fan_set_speed(self, percentage: int, name: str | None = None,
                          area: str | None = None, floor: str | None = None) -> dict[str, Any]:
        targets = self._only_or_all("fan", name, area, floor)
        for entity in targets:
            entity["attributes"]["percentage"] = percentage
            entity["state"] = "on" if percentage > 0 else "off"
        return {"targets": [e["id"] for e in targets], "percentage": percentage}

    # ---- vacuums and mowers --------------------------------------------------------------

    def _set_states(self, targets: list[dict[str, Any]], state: str) -> dict[str, Any]:
        for entity in targets:
            entity["state"] = state
        return {"targets": [e["id"] for e in targets], "state": state}

    def _do_vacuum_start(self, name: str | None = None, area: str | None = None,
                         floor: str | None = None) -> dict[str, Any]:
        return self._set_states(self._only_or_all("vacuum", name, area, floor), "cleaning")

    def _do_vacuum_return_to_base(self, name: str | None = None,
                                  area: str | None = None) -> dict[str, Any]:
        return self._set_states(self._only_or_all("vacuum", name, area), "returning")

    def _do_vacuum_clean_area(self, area: str, name: str | None = None) -> dict[str, Any]:
        # Here the area is where to clean, not where the vacuum lives.
        area_name = self._area_name(self._area_id(area))
        vacuums = self._only_or_all("vacuum", name)
        if len(vacuums) > 1:
            raise ValueError("there are several vacuums; say which one")
        vacuums[0]["attributes"]["cleaning_area"] = area_name
        return dict(self._set_states(vacuums, "cleaning"), area=area_name)

    def _do_lawn_mower_start_mowing(self, name: str | None = None) -> dict[str, Any]:
        return self._set_states(self._only_or_all("lawn_mower", name), "mowing")

    def _do_lawn_mower_dock(self, name: str | None = None) -> dict[str, Any]:
        return self._set_states(self._only_or_all("lawn_mower", name), "docked")

    # ---- media ---------------------------------------------------------------------------

    def _players(self, name: str | None, area: str | None,
                 active: str = "playing") -> list[dict[str, Any]]:
        """Named or in-area players; else the only one in `active` state (HA's default)."""
        if name or area:
            return self._find(name=name, area=area, domains={"media_player"},
                              what="media player")
        players = [e for e in self.entities.values() if _domain(e) == "media_player"]
        busy = [p for p in players if p["state"] == active]
        if len(busy) == 1:
            return busy
        if len(players) == 1:
            return players
        if busy:
            raise ValueError(f"several media players are {active}; say which one")
        raise ValueError(f"no media player is {active}; say which one")

    def _do_media_pause(self, name: str | None = None, area: str | None = None) -> dict:
        return self._set_states(self._players(name, area), "paused")

    def _do_media_unpause(self, name: str | None = None, area: str | None = None) -> dict:
        return self._set_states(self._players(name, area, active="paused"), "playing")

    def _do_media_next(self, name: str | None = None, area: str | None = None) -> dict:
        return self._skip(self._players(name, area), 1)

    def _do_media_previous(self, name: str | None = None, area: str | None = None) -> dict:
        return self._skip(self._players(name, area), -1)

    def _skip(self, players: list[dict[str, Any]], step: int) -> dict[str, Any]:
        for player in players:
            attrs = player["attributes"]
            attrs["media_track"] = max(1, int(attrs.get("media_track", 1)) + step)
        return {"targets": [p["id"] for p in players],
                "media_track": players[0]["attributes"]["media_track"]}

    def _do_set_volume(self, volume_level: int, name: str | None = None,
                       area: str | None = None) -> dict[str, Any]:
        players = self._players(name, area)
        for player in players:
            player["attributes"]["volume_level"] = volume_level / 100  # HA stores 0..1
        return {"targets": [p["id"] for p in players], "volume_level": volume_level}

    def _do_set_volume_relative(self, volume_step: int | str, name: str | None = None,
                                area: str | None = None,
                                floor: str | None = None) -> dict[str, Any]:
        players = (self._find(area=area, floor=floor, name=name, domains={"media_player"},
                              what="media player") if floor else self._players(name, area))
        step = {"up": VOLUME_STEP, "down": -VOLUME_STEP}.get(str(volume_step), volume_step)
        levels = {}
        for player in players:
            now = round(float(player["attributes"].get("volume_level", 0)) * 100)
            level = max(0, min(100, now + int(step)))
            player["attributes"]["volume_level"] = level / 100
            levels[player["id"]] = level
        return {"targets": list(levels), "volume_levels": levels}

    def _do_media_player_mute(self, name: str | None = None, area: str | None = None) -> dict:
        return self._mute(self._players(name, area), True)

    def _do_media_player_unmute(self, name: str | None = None, area: str | None = None) -> dict:
        return self._mute(self._players(name, area), False)

    def _mute(self, players: list[dict[str, Any]], muted: bool) -> dict[str, Any]:
        for player in players:
            player["attributes"]["is_volume_muted"] = muted
        return {"targets": [p["id"] for p in players], "muted": muted}

    def _do_media_search_and_play(self, search_query: str, name: str | None = None,
                                  area: str | None = None,
                                  media_class: str | None = None) -> dict[str, Any]:
        players = self._players(name, area)
        media = self._search_media(search_query, media_class)
        for player in players:
            player["state"] = "playing"
            player["attributes"].update(media_title=media["title"],
                                        media_content_type=media.get("media_class"))
        return {"targets": [p["id"] for p in players], "media": media}

    def _search_media(self, query: str, media_class: str | None) -> dict[str, Any]:
        """Search the inventory's media catalogue; with none, anything asked for exists."""
        if not self.media:
            return {"title": query, "media_class": media_class}
        for item in self.media:
            title = str(item.get("title") or item.get("name") or "")
            if query.casefold() in title.casefold() and (
                    media_class is None or item.get("media_class") == media_class):
                return dict(item, title=title)
        raise ValueError(f"found no {media_class or 'media'} matching {query!r}")

    # ---- timers --------------------------------------------------------------------------
    # Simulated timers do not tick, so results stay reproducible: `remaining` only moves
    # when increase_timer/decrease_timer change it.

    def _do_start_timer(self, hours: int = 0, minutes: int = 0, seconds: int = 0,
                        name: str | None = None,
                        conversation_command: str | None = None) -> dict[str, Any]:
        total = hours * 3600 + minutes * 60 + seconds
        if total <= 0:
            raise ValueError("a timer needs a duration: hours, minutes or seconds")
        self._timer_count += 1
        timer = {"id": f"timer-{self._timer_count}", "name": name, "area": None,
                 "total_seconds": total, "remaining": total, "state": "active"}
        if conversation_command:
            timer["conversation_command"] = conversation_command
        self.timers.append(timer)
        return dict(timer)

    def _matching_timers(self, name: str | None = None, area: str | None = None,
                         start_hours: int | None = None, start_minutes: int | None = None,
                         start_seconds: int | None = None) -> list[dict[str, Any]]:
        # Timers that run a delayed command are not "my timer" to Home Assistant.
        timers = [t for t in self.timers if not t.get("conversation_command")]
        if name:
            timers = [t for t in timers if _same(t.get("name"), name)]
        if area:
            area_name = self._area_name(self._area_id(area))
            timers = [t for t in timers if _same(t.get("area"), area_name)]
        if start_hours is not None or start_minutes is not None or start_seconds is not None:
            total = (start_hours or 0) * 3600 + (start_minutes or 0) * 60 + (start_seconds or 0)
            timers = [t for t in timers if t["total_seconds"] == total]
        return timers

    def _one_timer(self, state: str | None = None, next_to_end: bool = False,
                   **match: Any) -> dict[str, Any]:
        """HA picks the most recent matching timer (cancel: the next one to finish)."""
        timers = self._matching_timers(**match)
        if state:
            timers = [t for t in timers if t["state"] == state]
        if not timers:
            raise ValueError("no timer matches" + (f" ({state})" if state else ""))
        return min(timers, key=lambda t: t["remaining"]) if next_to_end else timers[-1]

    def _do_cancel_timer(self, **match: Any) -> dict[str, Any]:
        timer = self._one_timer(next_to_end=True, **match)
        self.timers.remove(timer)
        return dict(timer, state="canceled")

    def _do_cancel_all_timers(self, area: str | None = None) -> dict[str, Any]:
        canceled = self._matching_timers(area=area) if area else list(self.timers)
        self.timers = [t for t in self.timers if t not in canceled]
        return {"canceled": [t["id"] for t in canceled]}

    def _do_increase_timer(self, hours: int = 0, minutes: int = 0, seconds: int = 0,
                           **match: Any) -> dict[str, Any]:
        return self._add_time(hours * 3600 + minutes * 60 + seconds, **match)

    def _do_decrease_timer(self, hours: int = 0, minutes: int = 0, seconds: int = 0,
                           **match: Any) -> dict[str, Any]:
        return self._add_time(-(hours * 3600 + minutes * 60 + seconds), **match)

    def _add_time(self, delta: int, **match: Any) -> dict[str, Any]:
        if delta == 0:
            raise ValueError("say how much time: hours, minutes or seconds")
        timer = self._one_timer(**match)
        timer["remaining"] = max(0, timer["remaining"] + delta)
        if timer["remaining"] == 0:  # taking all the time off finishes it, as in HA
            self.timers.remove(timer)
            return dict(timer, state="finished")
        return dict(timer)

    def _do_pause_timer(self, **match: Any) -> dict[str, Any]:
        timer = self._one_timer(state="active", **match)
        timer["state"] = "paused"
        return dict(timer)

    def _do_unpause_timer(self, **match: Any) -> dict[str, Any]:
        timer = self._one_timer(state="paused", **match)
        timer["state"] = "active"
        return dict(timer)

    def _do_timer_status(self, **match: Any) -> dict[str, Any]:
        return {"timers": [dict(t) for t in self._matching_timers(**match)]}

    # ---- lists ---------------------------------------------------------------------------

    def _todo(self, name: str) -> dict[str, Any]:
        return self._find(name=name, domains={"todo"}, what="list")[0]

    def _shopping_list(self) -> dict[str, Any]:
        for entity in self.entities.values():
            if entity["id"] == "todo.shopping_list" or (
                    _domain(entity) == "todo" and _same(entity["name"], "Shopping List")):
                return entity
        raise ValueError("this home has no shopping list")

    def _do_shopping_list_add_item(self, item: str) -> dict[str, Any]:
        return _add_item(self._shopping_list(), item)

    def _do_shopping_list_complete_item(self, item: str) -> dict[str, Any]:
        return _complete_item(self._shopping_list(), item)

    def _do_list_add_item(self, item: str, name: str) -> dict[str, Any]:
        return _add_item(self._todo(name), item)

    def _do_list_complete_item(self, item: str, name: str) -> dict[str, Any]:
        return _complete_item(self._todo(name), item)

    def _do_list_remove_item(self, item: str, name: str) -> dict[str, Any]:
        todo = self._todo(name)
        entry = _list_entry(todo, item)
        todo["attributes"]["items"].remove(entry)
        return _list_result(todo, item)

    # ---- the rest ------------------------------------------------------------------------

    def _do_broadcast(self, message: str) -> dict[str, Any]:
        self.broadcasts.append(message)
        return {"message": message}

    def _do_get_current_time(self) -> str:
        return self.now().strftime("%H:%M")

    def _do_get_current_date(self) -> str:
        return self.now().strftime("%Y-%m-%d")

    def _do_get_weather(self, name: str | None = None) -> dict[str, Any]:
        weather = self._find(name=name, domains={"weather"}, what="weather service")[0]
        return {"entity_id": weather["id"], "name": weather["name"],
                "state": weather["state"], "attributes": copy.deepcopy(weather["attributes"])}


# ---- small pure helpers ----------------------------------------------------------------

def _own_domain(intent: dict[str, Any]) -> str | None:
    """The entity domain an intent is about; None for the generic `homeassistant` ones."""
    domain = intent.get("domain")
    return None if domain in (None, "homeassistant") else str(domain)


def name_choices(intent_name: str, intent: dict[str, Any], entities: list[dict[str, Any]]) -> list[str] | None:
    """The entity names an intent's `name` slot may take: its own domain's, and of the
    domains intents.json says it names ("turn off" names no door sensor). A state question
    may name any entity: this home answers for each (guest mode, an input_boolean, too).
    None where the name is a free label."""
    if not _names_entities(intent):
        return None
    own = _own_domain(intent)
    named = {d for c in intent.get("slot_combinations", {}).values()
             for domains in (c.get("name_domains") or {}).values() for d in domains}
    return _unique([e["name"] for e in entities
                    if (own is None or _domain(e) == own) and (intent_name == "HassGetState" or _domain(e) in named)])


def _names_entities(intent: dict[str, Any]) -> bool:
    """True where `name` is an entity: intents.json then says which domains it names.

    Timer intents have no name_domains: their name is a free label ("the pizza timer").
    """
    return any(c.get("name_domains") for c in intent.get("slot_combinations", {}).values())


def _state_matches(entity: dict[str, Any], wanted: str) -> bool:
    word = _slot_word(wanted)
    if _domain(entity) == "binary_sensor":
        wanted_on = True if word in BINARY_ON else False if word in BINARY_OFF else None
        if wanted_on is not None:
            return (entity["state"] == "on") is wanted_on
    return _slot_word(entity["state"]) == word


def _apply_light(light: dict[str, Any], brightness: int | None, color: str | None,
                 temperature: int | None) -> None:
    attrs = light["attributes"]
    light["state"] = "on"
    if brightness is not None:
        # HA keeps brightness as 0..255 (as the inventory does); 0 % turns the light off.
        attrs["brightness"] = round(brightness * 255 / 100)
        light["state"] = "on" if brightness > 0 else "off"
    elif not attrs.get("brightness"):
        attrs["brightness"] = 255
    if color is not None:
        attrs["color_name"] = color
    if temperature is not None:
        attrs["color_temp_kelvin"] = temperature


def _list_entry(todo: dict[str, Any], item: str, status: str | None = None) -> dict[str, Any]:
    for entry in todo["attributes"].get("items", []):
        if _same(entry.get("summary"), item) and status in (None, entry.get("status")):
            return entry
    raise ValueError(f"{item!r} is not on {todo['name']}")


def _list_result(todo: dict[str, Any], item: str) -> dict[str, Any]:
    pending = [e["summary"] for e in todo["attributes"].get("items", [])
               if e.get("status") == "needs_action"]
    todo["state"] = str(len(pending))  # a todo entity's state is its open item count
    return {"list": todo["name"], "item": item, "pending": pending}


def _add_item(todo: dict[str, Any], item: str) -> dict[str, Any]:
    todo["attributes"].setdefault("items", []).append(
        {"summary": item, "status": "needs_action"})
    return _list_result(todo, item)


def _complete_item(todo: dict[str, Any], item: str) -> dict[str, Any]:
    _list_entry(todo, item, status="needs_action")["status"] = "completed"
    return _list_result(todo, item)
