"""Training examples for the home: Home Assistant's own English sentence templates,
filled from an inventory, labelled with the slots Home Assistant's recognizer would give.

Every served intent (all but HassNevermind and HassRespond) is sampled from the
`home_assistant_intents` English templates, parsed by `hassil`. A sentence's lists are
filled the way Home Assistant fills them when it recognizes: `{name}` from the entity
names whose domain the data block's `requires_context` allows, `{area}`/`{floor}` from the
inventory, text lists with their `out` values, ranges with numbers, wildcards with
realistic phrases. The call's arguments are what the recognizer hands the intent: the
sentence's list slots, the block's fixed `slots` (domain, device class, state) and, where
the block `requires_context` an area with `slot: true`, the satellite's area from
`Example.context`. Names and areas are the inventory's display names.

Random inventories (`random_inventory`) make the planner copy names it never saw; the
default inventory (devices/inventories/default.yaml) is mixed in. `hassil_recognize`
runs hassil itself on a request, as Home Assistant would, to check the labels.
"""
from __future__ import annotations

import copy
import functools
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from hassil.expression import (
    Alternative,
    Expression,
    ListReference,
    Permutation,
    RuleReference,
    Sentence,
    Sequence,
    TextChunk,
)
from hassil.intents import (
    IntentData,
    Intents,
    RangeSlotList,
    SlotList,
    TextSlotList,
    WildcardSlotList,
)
from hassil.numbers import get_rbnf_engine
from home_assistant_intents import get_intents

from devices.home import DEFAULT_INVENTORY, SKIPPED_INTENTS, function_name, load_intents, name_choices
from hub.planner.examples import Example

__all__ = ["INTENT_WEIGHTS", "default_inventory", "name_enums", "example_for", "hassil_recognize",
           "home_examples", "home_examples_with_context_flag", "random_inventory"]

# Relative share of each intent; the big families get more (1.0 when not listed).
INTENT_WEIGHTS: dict[str, float] = {
    "HassTurnOn": 3.0, "HassTurnOff": 3.0, "HassGetState": 3.0, "HassLightSet": 2.5,
    "HassClimateSetTemperature": 1.6, "HassClimateGetTemperature": 1.4,
    "HassClimateSetFanMode": 1.2, "HassStartTimer": 2.2, "HassCancelTimer": 1.1,
    "HassIncreaseTimer": 1.1, "HassDecreaseTimer": 1.1, "HassTimerStatus": 1.1,
    "HassMediaSearchAndPlay": 1.5, "HassSetVolume": 1.2, "HassSetVolumeRelative": 1.3,
    "HassSetPosition": 1.3, "HassFanSetSpeed": 1.1,
}
# Within an intent, slot combinations are drawn evenly, but people name devices most.
COMBO_WEIGHTS: dict[str, float] = {"name_only": 2.0, "minutes_only": 1.5}
DEFAULT_SHARE = 0.25  # share of examples written against the default inventory
INVENTORY_EVERY = 50  # a fresh random inventory after this many examples
CONTEXT_SHARE = 0.3  # requests from a satellite in some area, though the block needs none
MAX_TRIES = 12

# Label "is the front door open" with the binary sensor's domain and device class, as
# older home-assistant-intents releases fixed them and as our contract asks
# (get_state(name, domain="binary_sensor", device_class, state)), and "is the back door
# locked" with domain "lock" likewise (devices.home.QUESTION_SLOTS). The installed
# templates fix neither, so today's hassil passes only name and state.
BINARY_SENSOR_CLASS_SLOTS = True

# Intents whose area is where to act, not where the named device lives.
AREA_IS_TARGET = {"HassVacuumCleanArea"}
# Device classes a binary-sensor state list is asked about.
BS_OPEN_CLASSES = {"door", "window", "garage_door", "opening"}
BS_OCCUPANCY_CLASSES = {"motion", "occupancy", "presence", "moisture", "smoke", "gas",
                        "carbon_monoxide", "sound", "vibration"}
LIGHT_WORDS = r"(?:light|lights|lamp|lamps|lighting)"
QUESTION_INTENTS = {"HassGetState", "HassClimateGetTemperature", "HassGetWeather",
                    "HassGetCurrentTime", "HassGetCurrentDate", "HassTimerStatus"}


# ---- parsed templates (module cache) ---------------------------------------------------

@dataclass(eq=False)
class Block:
    """One `data` block of an intent: its sentences, fixed slots and context needs."""

    intent: str
    combo: str
    data: IntentData
    sentences: list[Sentence]
    lists: list[frozenset[str]]  # list names each sentence references
    rules: dict[str, Sentence]
    slot_lists: dict[str, SlotList]
    fixed: dict[str, Any]
    name_domains: frozenset[str] | None  # requires_context domain, for {name}
    context_area: bool  # requires_context area, copied into the `area` slot
    extra: bool = False  # from home_sentences.yaml, not Home Assistant's own

    @functools.cached_property
    def uses(self) -> frozenset[str]:
        return frozenset().union(*self.lists)

    @property
    def fixed_domain(self) -> str | None:
        domain = self.fixed.get("domain")
        return domain if isinstance(domain, str) else None


@dataclass
class Templates:
    intents: Intents
    blocks: dict[str, dict[str, list[Block]]]  # intent -> combo -> blocks
    slots: dict[str, frozenset[str]]  # intent -> its slot names (intents.json)
    own_domain: dict[str, str | None]  # intent -> entity domain it is about


ALSO_ON_OR_OFF = ["media_player", "input_boolean"]  # "is the tv on", "is guest mode on"


def _asked_on_or_off(data: dict[str, Any]) -> dict[str, Any]:
    """Home Assistant asks "is {name} on" of lights, switches and fans only; a tv and a
    toggle such as guest mode are on or off too, and are asked the same way."""
    data = copy.deepcopy(data)
    for block in data["intents"]["HassGetState"]["data"]:
        domains = (block.get("requires_context") or {}).get("domain")
        if isinstance(domains, list) and any("{on_off_states:state}" in t and "{name}" in t for t in block["sentences"]):
            domains += [d for d in ALSO_ON_OR_OFF if d not in domains]
    return data


# More English sentences for training only, in Home Assistant's custom_sentences format:
# each block copies the slots and requires_context of one of Home Assistant's own blocks
# for the same intent, so its labels follow Home Assistant's conventions.
EXTRA_SENTENCES = Path(__file__).with_name("home_sentences.yaml")


def _with_extra_sentences(data: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    extra = yaml.safe_load(EXTRA_SENTENCES.read_text(encoding="utf-8")) or {}
    for name, intent in (extra.get("intents") or {}).items():
        data["intents"][name]["data"].extend(intent["data"])
    return data


@functools.lru_cache(maxsize=2)
def templates(extra: bool = True) -> Templates:
    """Home Assistant's English templates, by intent and slot combination; with `extra`,
    also home_sentences.yaml (training), without it as Home Assistant has them (recognizing)."""
    served = load_intents()
    source = get_intents("en")
    intents = Intents.from_dict(_asked_on_or_off(_with_extra_sentences(source) if extra else source))
    blocks: dict[str, dict[str, list[Block]]] = {}
    for name, intent in intents.intents.items():
        if name in SKIPPED_INTENTS or name not in served:
            continue
        combos: dict[str, list[Block]] = {}
        own = len(source["intents"][name]["data"])  # the extra blocks come after these
        for index, data in enumerate(intent.data):
            rules = {**intents.expansion_rules, **data.expansion_rules}
            sentences = list(data.sentences)
            needs = data.requires_context or {}
            domains = needs.get("domain")
            if isinstance(domains, str):
                domains = [domains]
            area_need = needs.get("area")
            block = Block(
                intent=name, combo=str((data.metadata or {}).get("slot_combination", "")),
                data=data, sentences=sentences,
                lists=[frozenset(s.list_names(rules)) for s in sentences], rules=rules,
                slot_lists={**intents.slot_lists, **data.slot_lists},
                fixed=dict(data.slots or {}),
                name_domains=frozenset(domains) if domains else None,
                context_area=isinstance(area_need, dict) and bool(area_need.get("slot")),
                extra=index >= own,
            )
            combos.setdefault(block.combo, []).append(block)
        blocks[name] = combos
    slots = {name: frozenset((spec.get("slots") or {})) for name, spec in served.items()}
    own = {name: (None if spec.get("domain") in (None, "homeassistant") else spec["domain"])
           for name, spec in served.items()}
    return Templates(intents, blocks, slots, own)


@functools.lru_cache(maxsize=1)
def default_inventory() -> dict[str, Any]:
    """The default inventory as a dict (shared: do not mutate)."""
    return yaml.safe_load(DEFAULT_INVENTORY.read_text(encoding="utf-8"))


@functools.cache
def _served_intents() -> dict[str, dict[str, Any]]:
    return load_intents()


def name_enums(inventory: dict[str, Any]) -> dict[str, list[str]]:
    """home.function -> the entity names its `name` enum lists for this inventory, as the
    Home adapter builds it (without building the adapter)."""
    entities = inventory.get("entities") or []
    out = {}
    for name, intent in _served_intents().items():
        names = name_choices(name, intent, entities)
        if names:
            out[f"home.{function_name(name)}"] = names
    return out


# ---- inventory views -------------------------------------------------------------------

@dataclass
class Entity:
    name: str
    domain: str
    area: str | None  # display name
    floor: str | None  # display name
    device_class: str | None


@dataclass
class View:
    """What sampling needs to know about one inventory, computed once."""

    inventory: dict[str, Any]
    entities: list[Entity]
    areas: list[str]
    floors: list[str]
    domains: set[str]
    area_domains: dict[str, set[str]]
    floor_domains: dict[str, set[str]]
    names_pattern: re.Pattern[str] | None
    places_pattern: re.Pattern[str] | None
    by_domain: dict[str, list[Entity]] = field(default_factory=dict)


_VIEWS: dict[int, View] = {}


def _view(inventory: dict[str, Any]) -> View:
    view = _VIEWS.get(id(inventory))
    if view is not None and view.inventory is inventory:
        return view
    floors = {f["id"]: f["name"] for f in inventory.get("floors") or []}
    areas = {a["id"]: a for a in inventory.get("areas") or []}
    entities = []
    for raw in inventory.get("entities") or []:
        area = areas.get(raw.get("area"))
        entities.append(Entity(
            name=str(raw["name"]), domain=str(raw["id"]).split(".", 1)[0],
            area=area["name"] if area else None,
            floor=floors.get(area.get("floor")) if area else None,
            device_class=(raw.get("attributes") or {}).get("device_class")))
    area_domains: dict[str, set[str]] = {a["name"]: set() for a in areas.values()}
    floor_domains: dict[str, set[str]] = {name: set() for name in floors.values()}
    by_domain: dict[str, list[Entity]] = {}
    for e in entities:
        by_domain.setdefault(e.domain, []).append(e)
        if e.area:
            area_domains[e.area].add(e.domain)
        if e.floor:
            floor_domains[e.floor].add(e.domain)
    names = sorted((e.name for e in entities), key=len, reverse=True)
    pattern = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)",
                          re.IGNORECASE) if names else None)
    places = sorted([a["name"] for a in areas.values()] + list(floors.values()), key=len,
                    reverse=True)
    places_pattern = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in places)
                                 + r")(?!\w)", re.IGNORECASE) if places else None)
    view = View(inventory, entities, [a["name"] for a in areas.values()],
                list(floors.values()), {e.domain for e in entities}, area_domains,
                floor_domains, pattern, places_pattern, by_domain)
    if len(_VIEWS) > 64:
        _VIEWS.clear()
    _VIEWS[id(inventory)] = view
    return view


# ---- phrase banks ----------------------------------------------------------------------

MEDIA: dict[str, list[str]] = {
    "artist": ["Taylor Swift", "Miles Davis", "Fleetwood Mac", "Radiohead", "Adele",
               "Billie Eilish", "Coldplay", "Kendrick Lamar", "Dolly Parton", "Bach",
               "The Beatles", "Norah Jones", "Daft Punk", "Ed Sheeran", "Beyonce",
               "Johnny Cash", "Bon Iver", "Arctic Monkeys", "Queen", "Stevie Wonder"],
    "album": ["Abbey Road", "Kind of Blue", "Rumours", "OK Computer", "Thriller",
              "Back to Black", "Random Access Memories", "Blue", "Folklore", "Nevermind",
              "Pet Sounds", "The Dark Side of the Moon", "Midnights", "Graceland"],
    "track": ["Bohemian Rhapsody", "Hotel California", "Clair de Lune", "Yesterday",
              "Dancing Queen", "Here Comes the Sun", "Hallelujah", "Purple Rain",
              "Superstition", "Wonderwall", "Shake It Off", "Blinding Lights",
              "Take Five", "Jolene", "Africa", "Dreams"],
    "playlist": ["Discover Weekly", "Morning Coffee", "Chill Vibes", "Dinner Party",
                 "Workout Mix", "Deep Focus", "Rainy Day Jazz", "Road Trip",
                 "Sleep Sounds", "Kids Party", "Sunday Morning", "Throwback Hits"],
    "podcast": ["The Daily", "This American Life", "Radiolab", "Serial", "Hardcore History",
                "Planet Money", "Stuff You Should Know", "Freakonomics Radio",
                "The Moth", "Hidden Brain"],
    "movie": ["Inception", "The Princess Bride", "Spirited Away", "Jurassic Park",
              "The Godfather", "Toy Story", "Casablanca", "Interstellar", "Moana",
              "Back to the Future", "Finding Nemo", "Frozen"],
    "tv_show": ["Stranger Things", "Planet Earth", "Bluey", "Friends", "Breaking Bad",
                "The Great British Bake Off", "Ted Lasso", "The Simpsons", "Succession",
                "Seinfeld", "Parks and Recreation"],
}
MEDIA_LOOSE = ["some jazz", "classical music", "relaxing piano", "lo fi beats",
               "90s hip hop", "country music", "white noise", "rain sounds",
               "the news", "BBC Radio 4", "NPR", "some Christmas music", "reggae",
               "smooth jazz", "ocean waves"]
MESSAGES = ["dinner is ready", "time to leave for school", "the movie is starting",
            "come downstairs", "we're leaving soon", "the pizza is here",
            "it's almost bedtime", "grandma is on the phone", "someone is at the door",
            "lunch is served", "don't forget your lunch", "time to brush your teeth",
            "the car is here", "breakfast is on the table", "homework time",
            "turn off your screens", "we need help with the groceries",
            "the laundry is done", "it's time for bed", "guests are arriving soon",
            "the bus is coming", "family meeting now", "snacks are ready"]
SHOPPING = ["milk", "eggs", "bread", "bananas", "paper towels", "coffee beans",
            "dish soap", "olive oil", "toothpaste", "a dozen eggs", "two lemons",
            "dog food", "batteries", "trash bags", "cereal", "orange juice",
            "greek yogurt", "apples", "butter", "cheddar cheese", "chicken breasts",
            "rice", "pasta", "tomatoes", "laundry detergent", "sparkling water",
            "avocados", "cat litter", "toilet paper", "peanut butter", "spinach"]
CHORES = ["call the plumber", "pay the electric bill", "clean the gutters",
          "water the plants", "book a dentist appointment", "return library books",
          "take out the recycling", "change the air filter", "vacuum the stairs",
          "renew passport", "schedule oil change", "fix the squeaky door",
          "wash the car", "sort the mail", "replace smoke detector batteries",
          "clean the fridge", "buy a birthday gift for mom", "walk the dog"]
TIMER_NAMES = ["pizza", "pasta", "laundry", "eggs", "tea", "cookies", "bread", "rice",
               "nap", "oven", "roast", "steak", "popcorn", "homework", "workout",
               "meditation", "cake", "potatoes", "brownies", "chicken", "parking",
               "break", "screen time", "muffins", "soup", "dishwasher", "piano practice"]
COMMANDS = ["turn off the lights", "turn on the porch light", "pause the music",
            "open the garage door", "lock the front door", "turn off the TV",
            "close the blinds", "turn on the fan", "stop the vacuum",
            "turn the heating down", "start the dishwasher", "turn off the coffee maker"]
from devices.home import ZONES  # noqa: E402  (the zones the adapter's state enum lists)
PEOPLE = ["Anna", "Ben", "Chloe", "David", "Emma", "Finn", "Grace", "Hannah", "Isaac",
          "Jack", "Kate", "Leo", "Maya", "Noah", "Olivia", "Paul", "Rosa", "Sam", "Zoe"]


# ---- numbers ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=512)
def _number_words(number: int) -> str:
    words = get_rbnf_engine("en").format_number(number).text_by_ruleset
    return words.get("spellout-cardinal") or next(iter(words.values()))


def _pick_number(rng: random.Random, list_name: str, ranges: RangeSlotList,
                 lists: frozenset[str] = frozenset()) -> int | float:
    """A realistic number for a range list, within its bounds."""
    r = rng.random()
    if list_name in ("brightness", "position", "fan_speed", "volume"):
        value: int | float = (rng.randrange(5, 101, 5) if r < 0.8 else
                              rng.randint(max(ranges.start, 1), ranges.stop))
        if list_name in ("brightness", "position") and r > 0.97:
            value = 0
    elif list_name in ("volume_step_up", "volume_step_down"):
        value = rng.choice([5, 10, 10, 15, 20, 20, 25, 30, 40, 50]) if r < 0.85 else \
            rng.randint(1, 60)
    elif list_name == "temperature":
        if r < 0.6:
            value = rng.randint(16, 26) + (0.5 if rng.random() < 0.2 else 0)
        else:
            value = rng.randint(62, 78)
    elif list_name == "color_temperature":
        value = rng.randrange(2000, 6600, 100)
    elif list_name == "timer_hours":
        value = rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 12]) if r < 0.9 else \
            rng.randint(1, 24)
    elif list_name == "timer_minutes":
        value = rng.choice([1, 2, 3, 5, 5, 10, 10, 15, 20, 25, 30, 45, 60, 90]) \
            if r < 0.75 else rng.randint(1, 99)
        if "timer_hours" in lists:
            value = value if value < 60 else rng.choice([10, 15, 20, 30, 45])
    elif list_name == "timer_seconds":
        value = rng.choice([10, 15, 20, 30, 30, 45, 60, 90]) if r < 0.75 else \
            rng.randint(1, 99)
        if "timer_minutes" in lists or "timer_hours" in lists:
            value = value if value < 60 else rng.choice([10, 15, 20, 30, 45])
    else:
        value = rng.randint(ranges.start, ranges.stop)
    low, high = ranges.start, ranges.stop
    return min(max(value, low), high)


# ---- sampling one sentence -------------------------------------------------------------

@dataclass
class Piece:
    text: str
    slot: str | None = None
    wildcard: bool = False


@dataclass
class Plan:
    """Values chosen before a sentence is drawn, so that they agree with each other."""

    values: dict[str, tuple[str, Any]] = field(default_factory=dict)  # list -> (text, value)
    prefer_out: dict[str, Any] = field(default_factory=dict)  # text list -> preferred out
    media_class: str | None = None
    todo_kind: str = "chores"


class Reject(Exception):
    """The sentence cannot be filled for this inventory."""


class _Sampler:
    def __init__(self, rng: random.Random, block: Block, view: View, plan: Plan,
                 lists: frozenset[str]) -> None:
        self.rng, self.block, self.view, self.plan = rng, block, view, plan
        self.lists = lists
        self.pieces: list[Piece] = []
        self.slots: dict[str, Any] = {}
        self.words = rng.random() < 0.12  # spell numbers out

    def walk(self, exp: Expression) -> None:
        rng = self.rng
        if isinstance(exp, TextChunk):
            if exp.original_text:
                self.pieces.append(Piece(exp.original_text))
        elif isinstance(exp, Alternative):
            self.walk(rng.choice(exp.items))
        elif isinstance(exp, Permutation):
            items = list(exp.items)
            rng.shuffle(items)
            for item in items:
                self.walk(item)
        elif isinstance(exp, Sequence):
            for item in exp.items:
                self.walk(item)
        elif isinstance(exp, RuleReference):
            self.walk(self.block.rules[exp.rule_name].expression)
        elif isinstance(exp, ListReference):
            self.fill(exp)
        else:  # pragma: no cover - hassil has no other expression types
            raise TypeError(exp)

    def fill(self, ref: ListReference) -> None:
        name, slot = ref.list_name, ref.slot_name
        if name in ("name", "area", "floor"):
            if name not in self.plan.values:
                raise Reject(f"no {name} planned")
            text, value = self.plan.values[name]
            self.pieces.append(Piece(text, slot))
            self.slots[slot] = value
            return
        slot_list = self.block.slot_lists.get(name)
        if isinstance(slot_list, TextSlotList):
            values = slot_list.values
            wanted = self.plan.prefer_out.get(name)
            if wanted is not None:
                values = [v for v in values if v.value_out == wanted] or values
            choice = self.rng.choice(values)
            start = len(self.pieces)
            self.walk(choice.text_in)
            said = "".join(p.text for p in self.pieces[start:]).strip()
            del self.pieces[start:]
            self.pieces.append(Piece(said, slot))
            self.slots[slot] = said if choice.value_out is None else choice.value_out
        elif isinstance(slot_list, RangeSlotList):
            number = _pick_number(self.rng, name, slot_list, self.lists)
            value = number * slot_list.multiplier if slot_list.multiplier else number
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            # Spelled-out numbers skip a list's multiplier in hassil, so keep digits there.
            if (self.words and isinstance(number, int) and slot_list.words
                    and not slot_list.multiplier and number <= 100
                    and name != "color_temperature"):
                said = _number_words(number)
            else:
                said = str(number)
            self.pieces.append(Piece(said, slot))
            self.slots[slot] = value
        elif isinstance(slot_list, WildcardSlotList):
            said = self.phrase(name)
            self.pieces.append(Piece(said, slot, wildcard=True))
            self.slots[slot] = said
        else:
            raise Reject(f"unknown list {name}")

    def phrase(self, list_name: str) -> str:
        rng = self.rng
        if list_name == "search_query":
            kind = self.plan.media_class
            if kind is None:
                kind = rng.choice([*MEDIA, "loose", "loose"])
            return rng.choice(MEDIA_LOOSE if kind == "loose" else MEDIA[kind])
        if list_name == "message":
            return rng.choice(MESSAGES)
        if list_name == "shopping_list_item":
            return rng.choice(SHOPPING)
        if list_name == "todo_list_item":
            return rng.choice(SHOPPING if self.plan.todo_kind == "shopping" else CHORES)
        if list_name == "timer_name":
            return rng.choice(TIMER_NAMES)
        if list_name == "timer_command":
            own = [e for e in self.view.entities
                   if e.domain in ("light", "switch", "fan", "media_player")]
            if own and rng.random() < 0.5:
                entity = rng.choice(own)
                verb = rng.choice(["turn off", "turn on", "switch off"])
                return f"{verb} the {entity.name}"
            return rng.choice(COMMANDS)
        if list_name == "zone":
            return rng.choice(ZONES)
        raise Reject(f"no phrases for wildcard {list_name}")


# ---- planning an example ---------------------------------------------------------------

def _pick(rng: random.Random, preferred: list[Any], others: list[Any],
          share: float = 0.85) -> Any:
    if preferred and (not others or rng.random() < share):
        return rng.choice(preferred)
    return rng.choice(others or preferred)


def _area_for(rng: random.Random, view: View, domain: str | None) -> str:
    good = [a for a in view.areas if domain and domain in view.area_domains.get(a, ())]
    return _pick(rng, good, view.areas)


def _floor_for(rng: random.Random, view: View, domain: str | None) -> str:
    good = [f for f in view.floors if domain and domain in view.floor_domains.get(f, ())]
    return _pick(rng, good, view.floors)


def _target_domain(block: Block, tpl: Templates) -> str | None:
    return block.fixed_domain or tpl.own_domain.get(block.intent)


def _cover_classes(block: Block) -> set[str]:
    lst = block.slot_lists.get("cover_classes")
    return {v.value_out for v in lst.values} if isinstance(lst, TextSlotList) else set()


def _plan(rng: random.Random, block: Block, lists: frozenset[str], view: View,
          tpl: Templates) -> tuple[Plan, str | None] | None:
    """Values for the sentence's inventory lists, and the satellite's area (or None)."""
    plan = Plan()
    domain = _target_domain(block, tpl)
    entity: Entity | None = None
    if "name" in lists:
        allowed = block.name_domains or ({domain} if domain else None)
        if not allowed:
            return None
        pool = [e for d in sorted(allowed) for e in view.by_domain.get(d, ())]
        if block.intent not in AREA_IS_TARGET:
            if "area" in lists:
                pool = [e for e in pool if e.area]
            if "floor" in lists:
                pool = [e for e in pool if e.floor]
        if "bs_open_states" in lists:
            pool = [e for e in pool if e.device_class in BS_OPEN_CLASSES]
        elif "bs_occupancy_states" in lists:
            pool = [e for e in pool if e.device_class in BS_OCCUPANCY_CLASSES]
        if not pool:
            return None
        entity = rng.choice(pool)
        plan.values["name"] = (entity.name, entity.name)
        if entity.domain == "todo":
            low = entity.name.lower()
            plan.todo_kind = "shopping" if any(
                w in low for w in ("shop", "grocer", "costco", "store", "market")) else "chores"
        if block.intent not in AREA_IS_TARGET:
            if entity.area:
                plan.values["area"] = (entity.area, entity.area)
            if entity.floor:
                plan.values["floor"] = (entity.floor, entity.floor)
    cover = None
    if "cover_classes" in lists and entity is None:
        classes = _cover_classes(block)
        covers = [e for e in view.by_domain.get("cover", ()) if e.device_class in classes]
        if "area" in lists or block.context_area:
            covers = [e for e in covers if e.area]
        if "floor" in lists:
            covers = [e for e in covers if e.floor]
        if covers and rng.random() < 0.85:
            cover = rng.choice(covers)
            plan.prefer_out["cover_classes"] = cover.device_class
            if cover.area:
                plan.values["area"] = (cover.area, cover.area)
            if cover.floor:
                plan.values["floor"] = (cover.floor, cover.floor)
    if "media_class" in lists:
        plan.media_class = rng.choice(list(MEDIA))
        plan.prefer_out["media_class"] = plan.media_class
    anywhere = block.intent in AREA_IS_TARGET or not domain
    if "area" in lists and "area" not in plan.values:
        area = rng.choice(view.areas) if anywhere else _area_for(rng, view, domain)
        plan.values["area"] = (area, area)
    if "floor" in lists and "floor" not in plan.values:
        floor = _floor_for(rng, view, domain)
        plan.values["floor"] = (floor, floor)
    satellite: str | None = None
    if block.context_area:
        if cover is not None and cover.area:
            satellite = cover.area
        else:
            satellite = rng.choice(view.areas) if anywhere else _area_for(rng, view, domain)
    elif rng.random() < CONTEXT_SHARE and view.areas:
        satellite = rng.choice(view.areas)
    return plan, satellite


# ---- from a block to an Example --------------------------------------------------------

_DOUBLE_WORD = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_DOUBLE_LIGHT = re.compile(rf"\b{LIGHT_WORDS}\s+{LIGHT_WORDS}\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_GARAGE_DOOR = re.compile(r"\bgarage doors?\b", re.IGNORECASE)
_COMMAND_LIKE = re.compile(r"(?:all|every|each)\b", re.IGNORECASE)
_PREFIXES = ["please ", "can you ", "could you ", "would you ", "can you please ",
             "please, "]
_SUFFIXES = [" please", ", please", " for me"]
_POLITE_OPENERS = {"please", "can", "could", "would", "will", "i'd", "i", "kindly", "mind"}
_POLITE_CLOSERS = {"please", "thanks", "thank", "you", "me", "pls", "cheers"}


def _block_feasible(block: Block, view: View, tpl: Templates) -> bool:
    fixed = block.fixed_domain
    if fixed and fixed not in view.domains:
        return False
    if block.name_domains and not (block.name_domains & view.domains):
        return False
    own = tpl.own_domain.get(block.intent)
    if own and own not in view.domains and own not in ("assist_satellite", "shopping_list"):
        return False
    uses = block.uses
    if (block.context_area or "area" in uses) and not view.areas:
        return False
    if "floor" in uses and not view.floors:
        return False
    return True


def _example(rng: random.Random, block: Block, inventory: dict[str, Any], view: View,
             tpl: Templates) -> tuple[Example, bool] | None:
    """One example from the block, or None when this try did not work out."""
    index = rng.randrange(len(block.sentences))
    sentence, lists = block.sentences[index], block.lists[index]
    planned = _plan(rng, block, lists, view, tpl)
    if planned is None:
        return None
    plan, satellite = planned
    sampler = _Sampler(rng, block, view, plan, lists)
    try:
        sampler.walk(sentence.expression)
    except Reject:
        return None
    pieces = sampler.pieces
    args = dict(sampler.slots)
    # Fixed slots of the data block, where the sentence did not fill them.
    for slot, value in block.fixed.items():
        args.setdefault(slot, value)
    if (BINARY_SENSOR_CLASS_SLOTS and block.intent == "HassGetState"
            and block.name_domains == frozenset({"binary_sensor"})):
        entity = next(e for e in view.entities if e.name == plan.values["name"][1])
        args.setdefault("domain", "binary_sensor")
        if entity.device_class:
            args.setdefault("device_class", entity.device_class)
    if (BINARY_SENSOR_CLASS_SLOTS and block.intent == "HassGetState"
            and block.name_domains == frozenset({"lock"})):
        args.setdefault("domain", "lock")
    context: dict[str, str] = {}
    if satellite is not None:
        context["area"] = satellite
        if block.context_area:
            args.setdefault("area", satellite)
    allowed = tpl.slots[block.intent]
    args = {k: v for k, v in args.items() if k in allowed}

    # Checks on the text: no stutter, and no entity name Home Assistant would pick up
    # in place of what we labelled.
    fixed_text = _SPACES.sub(" ", "".join(p.text if not p.wildcard else " \x00 "
                                          for p in pieces)).strip()
    if _DOUBLE_WORD.search(fixed_text) or _DOUBLE_LIGHT.search(fixed_text):
        return None
    if view.names_pattern is not None and not ("name" in args and "name" in lists):
        if view.names_pattern.search(fixed_text):
            return None
    # Template words that are also an area or floor name ("garage door" in a home with a
    # Garage) let Home Assistant read them as that area.
    if view.places_pattern is not None:
        loose = " ".join(p.text for p in pieces
                         if not p.wildcard and p.slot not in ("name", "area", "floor"))
        if view.places_pattern.search(loose):
            return None
    # An area "Garage" before "doors" reads as the cover class "garage door".
    if args.get("device_class") not in (None, "garage") and _GARAGE_DOOR.search(fixed_text):
        return None
    # "every kitchen fan on" without "are" is a command to Home Assistant, not a question.
    if block.intent == "HassGetState" and _COMMAND_LIKE.match(fixed_text):
        return None

    query = _surface(rng, block, pieces, args)
    if query is None:
        return None
    call = {"id": "c1", "function": f"home.{function_name(block.intent)}", "args": args}
    return (Example(query=query, calls=[call], context=context, inventory=inventory,
                    source=f"{'extra' if block.extra else 'hassil'}:{block.intent}"), block.context_area)


def _surface(rng: random.Random, block: Block, pieces: list[Piece],
             args: dict[str, Any]) -> str | None:
    """The request as typed: casing, punctuation and politeness vary; wildcard slot
    values follow the text they came from. Politeness uses Home Assistant's skip words
    only, and never next to a wildcard, which would swallow it."""
    pieces = [Piece(p.text, p.slot, p.wildcard) for p in pieces if p.text]
    said = [p for p in pieces if p.text.strip()]
    if not said:
        return None
    politeness = rng.random()
    words = " ".join(p.text for p in said).lower().split()
    if politeness < 0.06 and not said[0].wildcard and block.intent not in QUESTION_INTENTS:
        prefix = rng.choice(_PREFIXES)
        if words[0] not in _POLITE_OPENERS:  # no "could you would you mind ..."
            pieces.insert(0, Piece(prefix))
    elif politeness < 0.1 and not said[-1].wildcard:
        suffix = rng.choice(_SUFFIXES)
        if words[-1].strip(",.!") not in _POLITE_CLOSERS:  # no "... please please"
            pieces.append(Piece(suffix))
    mode = rng.random()
    if mode < 0.25:  # all lower case
        for p in pieces:
            p.text = p.text.lower()
    elif mode < 0.45:  # sentence case
        for p in pieces:
            stripped = p.text.lstrip()
            if stripped:
                p.text = p.text[:len(p.text) - len(stripped)] + stripped[:1].upper() + \
                    stripped[1:]
                break
    for p in pieces:
        if p.wildcard and p.slot in args:
            args[p.slot] = _SPACES.sub(" ", p.text).strip()
    text = _SPACES.sub(" ", "".join(p.text for p in pieces)).strip()
    end = rng.random()
    if block.intent in QUESTION_INTENTS:
        if end < 0.55:
            text += "?"
    elif end < 0.12:
        text += "."
    elif end < 0.14:
        text += "!"
    return text


def _choose_block(rng: random.Random, view: View, tpl: Templates,
                  intents: list[str], weights: list[float]) -> Block | None:
    intent = rng.choices(intents, weights)[0]
    combos = [(c, [b for b in bs if _block_feasible(b, view, tpl)])
              for c, bs in tpl.blocks[intent].items()]
    combos = [(c, bs) for c, bs in combos if bs]
    if not combos:
        return None
    combo, blocks = rng.choices(combos, [COMBO_WEIGHTS.get(c, 1.0) for c, _ in combos])[0]
    return rng.choice(blocks)


def _intent_table(view: View, tpl: Templates) -> tuple[list[str], list[float]]:
    intents = [i for i, combos in tpl.blocks.items()
               if any(_block_feasible(b, view, tpl) for bs in combos.values() for b in bs)]
    return intents, [INTENT_WEIGHTS.get(i, 1.0) for i in intents]


def _generate(rng: random.Random, n: int, inventory: dict[str, Any] | None
              ) -> Iterable[tuple[Example, bool]]:
    tpl = templates()
    own: dict[str, Any] | None = None
    own_uses = 0
    tables: dict[int, tuple[View, list[str], list[float]]] = {}
    made = 0
    while made < n:
        if inventory is not None:
            inv = inventory
        else:
            if own is None or own_uses >= INVENTORY_EVERY:
                own, own_uses = random_inventory(rng), 0
            own_uses += 1
            inv = default_inventory() if rng.random() < DEFAULT_SHARE else own
        entry = tables.get(id(inv))
        if entry is None or entry[0].inventory is not inv:
            view = _view(inv)
            entry = (view, *_intent_table(view, tpl))
            if len(tables) > 4:
                tables.clear()
            tables[id(inv)] = entry
        view, intents, weights = entry
        result = None
        for _ in range(MAX_TRIES):
            block = _choose_block(rng, view, tpl, intents, weights)
            if block is None:
                continue
            result = _example(rng, block, inv, view, tpl)
            if result is not None:
                break
        if result is None:
            continue
        made += 1
        yield result


def home_examples(rng: random.Random, n: int,
                  inventory: dict[str, Any] | None = None) -> list[Example]:
    """n examples sampled from Home Assistant's English templates.

    With no inventory, a fresh random inventory is drawn every ~50 examples and the
    default inventory is used for about a quarter of them."""
    return [example for example, _ in _generate(rng, n, inventory)]


def home_examples_with_context_flag(rng: random.Random, n: int,
                                    inventory: dict[str, Any] | None = None
                                    ) -> list[tuple[Example, bool]]:
    """As home_examples, each with whether its template took the area from context."""
    return list(_generate(rng, n, inventory))


def example_for(rng: random.Random, intent: str, combo: str,
                inventory: dict[str, Any] | None = None, tries: int = 200) -> Example:
    """An example of one intent's slot combination (for tests and spot checks)."""
    tpl = templates()
    inv = inventory if inventory is not None else default_inventory()
    view = _view(inv)
    blocks = [b for b in tpl.blocks[intent].get(combo, []) if _block_feasible(b, view, tpl)]
    if not blocks:
        raise ValueError(f"{intent}/{combo} has no template this inventory can fill")
    for _ in range(tries):
        result = _example(rng, rng.choice(blocks), inv, view, tpl)
        if result is not None:
            return result[0]
    raise ValueError(f"could not fill {intent}/{combo}")


# ---- checking labels with hassil -------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _unsign_number_words() -> None:
    """hassil caches the spelled-out numbers of a range by (start, stop, step, fractions)
    only, so whichever 0-100 list is read first - volume_step_down, whose multiplier is
    -1, or a plain percentage - decides the sign of "fifty" for all of them in that
    process. Seed the cache with the plain range, so percentages read as positive (we
    never spell out a volume step down)."""
    try:
        from hassil import string_matcher

        key = (0, 100, 1, None)
        string_matcher._RANGE_TRIE_CACHE["en"][key] = string_matcher._build_range_trie(
            "en", RangeSlotList(name=None, start=0, stop=100))
    except (AttributeError, ImportError, TypeError):  # pragma: no cover - other hassil
        pass


def has_class(inventory: dict[str, Any], domain: str, device_class: str | None = None) -> bool:
    """Does the home hold an entity of this domain (and device class)?"""
    return any(e.domain == domain and (device_class is None or e.device_class == device_class)
               for e in _view(inventory).entities)


_SHORT: dict[int, tuple[View, dict[str, list[str]]]] = {}


def _short_names(view: View) -> dict[str, list[str]]:
    """The last word of an entity's name, where it alone singles the entity out, as an
    alias would in Home Assistant ("the tv" for Living Room TV, "the sprinkler" for Garden
    Sprinkler): no area's word, no word names share (spoken.GENERIC_WORDS), no class of
    devices Home Assistant's templates say ("the blinds" are every blind; it has none for
    a tv), and in no other entity's name."""
    cached = _SHORT.get(id(view))
    if cached is not None and cached[0] is view:
        return cached[1]
    from hub.planner import spoken

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower())

    area_words = {w for area in view.areas for w in words(area)}
    counts: dict[str, int] = {}
    for e in view.entities:
        for w in set(words(e.name)):
            counts[w] = counts.get(w, 0) + 1
    classes = (spoken.CLASS_WORDS - {"tv"}) | {c for e in view.entities if e.device_class for c in (e.device_class, e.device_class + "s")}
    short = {e.name: [w for w in words(e.name)[-1:] if counts[w] == 1 and w not in area_words | classes
                      and w not in spoken.GENERIC_WORDS and (len(w) >= 3 or w == "tv")]
             for e in view.entities if len(words(e.name)) > 1}
    short = {name: [*said, *(f"{w}s" for w in said if not w.endswith("s") and f"{w}s" not in counts)]
             for name, said in short.items()}  # "the sprinklers" for the one Garden Sprinkler
    # a lock is said by what it locks ("lock the back door" for Back Door Lock), a garage
    # door by its garage ("open the garage"), where no other lock or garage door shares it
    for e in view.entities:
        kind = "lock" if e.domain == "lock" else "door" if e.device_class == "garage" else None
        held = re.fullmatch(rf"(.+?)\s+{kind}", e.name, re.I) if kind else None
        if held and sum(o.domain == e.domain and o.device_class == e.device_class
                        and o.name.lower().startswith(held.group(1).lower()) for o in view.entities) == 1:
            short[e.name] = [*short.get(e.name, []), held.group(1)]
    _SHORT[id(view)] = (view, short)
    return short


def place_aliases(inventory: dict[str, Any]) -> dict[str, list[str]]:
    """An area's or a floor's name -> its aliases ("First Floor": ["upstairs"])."""
    return {p["name"]: [str(a) for a in p["aliases"]] for places in ("areas", "floors")
            for p in inventory.get(places) or [] if p.get("aliases")}


def says_a_name(text: str, inventory: dict[str, Any]) -> bool:
    """Whether the text says an entity's name or an alias the recognizer hears: cheap,
    so the recognizer is asked only where it may name an entity."""
    view = _view(inventory)
    said = _NAMES_SAID.get(id(view))
    if said is None or said[0] is not view:
        names = sorted({n.lower() for e in view.entities for n in (e.name, *_short_names(view).get(e.name, ())) if n.strip()},
                       key=len, reverse=True)
        if not names:
            return False
        said = _NAMES_SAID[id(view)] = (view, re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.I))
    return bool(said[1].search(text))


_NAMES_SAID: dict[int, tuple[View, re.Pattern[str]]] = {}


def _aliased(inventory: dict[str, Any], places: str) -> list[tuple[str, str]]:
    return [(str(alias), p["name"]) for p in inventory.get(places) or [] for alias in p.get("aliases") or []]


def hassil_recognize(query: str, inventory: dict[str, Any],
                     context: dict[str, str] | None = None
                     ) -> tuple[str, dict[str, Any]] | None:
    """(intent, slots) as Home Assistant's recognizer gives them for this inventory, or
    None. Names, areas and floors come back as display names; whole numbers as ints."""
    from hassil.recognize import recognize_best

    _unsign_number_words()
    tpl = templates(extra=False)
    view = _view(inventory)
    lists: dict[str, SlotList] = {
        "name": TextSlotList.from_tuples(
            [(said, e.name, {"domain": e.domain, **(
                {"device_class": e.device_class} if e.device_class else {})})
             for e in view.entities for said in (e.name, *_short_names(view).get(e.name, ()))],
            allow_template=False),
        # an area or a floor is also said by its aliases ("upstairs"), as in Home Assistant
        "area": TextSlotList.from_tuples([(a, a) for a in view.areas] + _aliased(inventory, "areas"),
                                         allow_template=False),
        "floor": TextSlotList.from_tuples([(f, f) for f in view.floors] + _aliased(inventory, "floors"),
                                          allow_template=False),
    }
    intent_context = ({"area": {"value": context["area"], "text": context["area"]}}
                      if context and context.get("area") else None)
    result = recognize_best(query, tpl.intents, slot_lists=lists,
                            intent_context=intent_context, language="en",
                            best_slot_name="name")
    if result is None:
        return None
    slots: dict[str, Any] = {}
    for entity in result.entities_list:
        value = entity.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and entity.is_wildcard:
            value = value.strip()
        slots[entity.name] = value
    allowed = tpl.slots.get(result.intent.name, frozenset())
    return result.intent.name, {k: v for k, v in slots.items() if k in allowed}


# ---- random inventories ----------------------------------------------------------------

FLOOR_SCHEMES: list[list[tuple[str, str]]] = [
    [("Ground Floor", "ground"), ("First Floor", "upper"), ("Second Floor", "top")],
    [("Downstairs", "ground"), ("Upstairs", "upper"), ("Basement", "below")],
    [("Main Floor", "ground"), ("Upper Floor", "upper"), ("Basement", "below")],
    [("First Floor", "ground"), ("Second Floor", "upper"), ("Third Floor", "top")],
    [("Main Level", "ground"), ("Upper Level", "upper"), ("Lower Level", "below")],
    [("Ground Floor", "ground"), ("Upstairs", "upper"), ("Attic", "top")],
    [("Ground Floor", "ground"), ("First Floor", "upper"), ("Cellar", "below")],
]
AREA_BANK: dict[str, list[str]] = {
    "living": ["Living Room", "Family Room", "Lounge", "Den", "Great Room", "TV Room",
               "Sitting Room"],
    "kitchen": ["Kitchen", "Kitchenette", "Galley Kitchen"],
    "ground": ["Dining Room", "Hallway", "Entryway", "Foyer", "Mudroom", "Sunroom",
               "Conservatory", "Pantry", "Breakfast Nook", "Home Office", "Study",
               "Library", "Laundry Room", "Utility Room", "Powder Room", "Guest Room",
               "Music Room", "Front Hall"],
    "upper": ["Primary Bedroom", "Master Bedroom", "Guest Bedroom", "Kid's Room",
              "Nursery", "Playroom", "Bathroom", "Main Bathroom", "Ensuite", "Office",
              "Landing", "Emma's Room", "Jack's Room", "Sophie's Room", "Craft Room",
              "Walk In Closet", "Bedroom", "Upstairs Bathroom", "Teen Room", "Loft"],
    "below": ["Home Gym", "Workshop", "Media Room", "Game Room", "Wine Cellar",
              "Storage Room", "Rec Room", "Home Theater"],
    "outdoor": ["Garden", "Backyard", "Front Yard", "Patio", "Porch", "Deck", "Balcony",
                "Driveway", "Terrace", "Greenhouse", "Shed", "Pool Area"],
    "garage": ["Garage", "Carport"],
}

# (name templates, weight of templates using the area name) per domain; "{a}" is the area.
NAMES: dict[str, list[str]] = {
    "light": ["{a} Light", "{a} Lights", "{a} Lamp", "{a} Ceiling Light", "{a} Spotlights",
              "{a} Pendant", "{a} Light Strip",
              "Reading Light", "Floor Lamp", "Desk Lamp", "Pendant Lights", "Chandelier",
              "Night Light", "Bedside Lamp", "String Lights", "Porch Light", "Vanity Light",
              "Accent Lights", "LED Strip", "Wall Sconce", "Track Lighting", "Lava Lamp",
              "Fairy Lights", "Under Cabinet Lights", "Arc Lamp", "Globe Light",
              "Bookshelf Lights", "Mirror Light", "Stair Lights", "Path Lights",
              "Ceiling Light", "Table Lamp", "Paper Lantern", "Uplight"],
    "switch": ["{a} Outlet", "{a} Plug", "Coffee Maker", "Kettle", "Space Heater",
               "Christmas Tree", "Dehumidifier", "Fountain", "Printer", "Aquarium Pump",
               "Electric Blanket", "Towel Warmer", "Pool Pump", "Hot Tub", "Heated Floor",
               "Espresso Machine", "Monitor", "Toaster Oven", "Holiday Lights Plug",
               "Diffuser", "Fish Tank Heater", "Sprinkler", "Sound Machine"],
    "fan": ["{a} Fan", "{a} Ceiling Fan", "Ceiling Fan", "Tower Fan", "Desk Fan",
            "Attic Fan", "Exhaust Fan", "Air Purifier", "Box Fan", "Pedestal Fan",
            "Bathroom Vent"],
    "climate": ["{a} Thermostat", "{a} Heater", "{a} AC", "Thermostat", "Heat Pump",
                "Air Conditioner", "Mini Split", "Floor Heating", "Radiator",
                "Nest Thermostat", "Ecobee", "Wall Heater"],
    "lock": ["Front Door Lock", "Back Door Lock", "Side Door Lock", "Garage Entry Lock",
             "Patio Door Lock", "Deadbolt", "Shed Lock", "Gate Lock", "Smart Lock",
             "Mudroom Door Lock", "Basement Door Lock"],
    "media_player": ["{a} TV", "{a} Speaker", "{a} Sonos", "{a} Echo", "{a} HomePod",
                     "Soundbar", "Chromecast", "Stereo", "Projector", "Record Player",
                     "Apple TV", "Roku", "Smart Display", "Kitchen Radio", "Jukebox"],
    "vacuum": ["Robot Vacuum", "Roomba", "Roborock", "Dusty", "Deebot", "Robo Cleaner",
               "Eufy", "Braava"],
    "lawn_mower": ["Lawn Mower", "Robot Mower", "Automower", "Mowbot", "Lawn Robot",
                   "Grass Cutter"],
    "valve": ["Water Main", "Irrigation Valve", "Gas Valve", "Garden Valve",
              "Sprinkler Valve", "Hose Valve", "Main Water Valve", "Drip Line"],
    "todo": ["Shopping List", "Groceries", "Chores", "To Do", "Hardware Store",
             "Packing List", "Costco", "Honey Do", "Weekend Projects", "Errands",
             "Farmers Market", "Home Projects"],
    "weather": ["Forecast Home", "Home Forecast", "Local Weather", "Weather Station",
                "Met Office", "Backyard Weather"],
    "input_boolean": ["Guest Mode", "Vacation Mode", "Party Mode", "Sleep Mode",
                      "Away Mode", "Movie Mode", "Quiet Hours", "Do Not Disturb",
                      "Holiday Mode", "Night Mode"],
}
COVER_NAMES: dict[str, list[str]] = {
    "blind": ["{a} Blinds", "{a} Blind", "Roller Blind", "Venetian Blinds", "Window Blinds"],
    "curtain": ["{a} Curtains", "Blackout Curtains", "Drapes", "Sheer Curtains"],
    "garage": ["Garage Door", "Left Garage Door", "Right Garage Door", "Carport Door"],
    "shade": ["{a} Shades", "Skylight Shade", "Roman Shade", "Solar Shades"],
    "window": ["Skylight", "Roof Window", "Clerestory Window", "{a} Skylight"],
    "door": ["Patio Door", "Sliding Door", "Pet Door", "Barn Door"],
    "awning": ["Patio Awning", "Deck Awning", "Retractable Awning", "Sun Awning"],
    "shutter": ["{a} Shutters", "Rolling Shutter", "Storm Shutters", "Window Shutters"],
    "gate": ["Driveway Gate", "Front Gate", "Side Gate", "Garden Gate"],
}
BINARY_NAMES: dict[str, list[str]] = {
    "door": ["Front Door", "Back Door", "Side Door", "{a} Door", "Basement Door",
             "Cellar Door", "Garage Side Door"],
    "window": ["{a} Window", "Bay Window", "{a} Window Sensor", "Kitchen Window"],
    "garage_door": ["Garage Door Sensor", "Garage Tilt Sensor"],
    "opening": ["Mailbox", "Fridge Door", "Freezer Door", "Medicine Cabinet"],
    "motion": ["{a} Motion", "{a} Motion Sensor", "Driveway Motion", "Hallway Motion",
               "Porch Motion"],
    "occupancy": ["{a} Occupancy", "Desk Presence", "Bed Occupancy"],
    "moisture": ["{a} Leak Sensor", "Water Heater Leak", "Sump Pump Sensor",
                 "Dishwasher Leak", "Washing Machine Leak", "Under Sink Leak"],
    "smoke": ["Smoke Detector", "{a} Smoke Alarm", "{a} Smoke Detector"],
    "carbon_monoxide": ["CO Detector", "Carbon Monoxide Alarm"],
    "gas": ["Gas Detector", "Gas Leak Sensor"],
}
SENSOR_NAMES: dict[str, list[str]] = {
    "temperature": ["{a} Temperature", "Outdoor Temperature", "Fridge Temperature",
                    "Freezer Temperature", "Pool Temperature", "{a} Temp Sensor",
                    "Attic Temperature"],
    "humidity": ["{a} Humidity", "Outdoor Humidity", "{a} Humidity Sensor"],
}
# Where a name without its area belongs: keywords one of which the area name must hold
# ("outdoor" means an outdoor area). Names not listed fit any indoor room.
_BATH = ("bath", "ensuite", "powder")
_KITCHEN = ("kitchen", "pantry", "nook", "dining")
_BED = ("bed", "nursery", "kid", "'s room", "guest room", "teen", "loft")
_OFFICE = ("office", "study", "library", "den", "craft", "loft")
_LIVING = ("living", "family", "lounge", "den", "great room", "tv room", "sitting",
           "theater", "media", "rec room", "game", "sunroom", "conservatory")
_HALL = ("hall", "landing", "entry", "foyer", "mudroom")
_UTILITY = ("laundry", "utility", "storage", "garage", "workshop", "mudroom")
_GARAGE = ("garage", "carport")
_OUT = ("outdoor",)
NAME_HINTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(["Reading Light", "Floor Lamp", "Arc Lamp", "Uplight", "Table Lamp"],
                    _LIVING + _BED + _OFFICE),
    **dict.fromkeys(["Desk Lamp", "Printer", "Monitor", "Desk Fan", "Desk Presence"],
                    _OFFICE + _BED),
    **dict.fromkeys(["Night Light", "Bedside Lamp", "Electric Blanket", "Sound Machine",
                     "Bed Occupancy", "Lava Lamp"], _BED),
    **dict.fromkeys(["Porch Light", "Path Lights", "Pool Pump", "Hot Tub", "Sprinkler",
                     "Fountain", "Patio Awning", "Deck Awning", "Retractable Awning",
                     "Sun Awning", "Driveway Gate", "Front Gate", "Side Gate", "Garden Gate",
                     "Gate Lock", "Shed Lock", "Pool Temperature", "Irrigation Valve",
                     "Garden Valve", "Sprinkler Valve", "Hose Valve", "Drip Line",
                     "Driveway Motion", "Porch Motion", "Mailbox", "Outdoor Temperature",
                     "Outdoor Humidity"], _OUT),
    **dict.fromkeys(["Vanity Light", "Mirror Light", "Towel Warmer", "Heated Floor",
                     "Bathroom Vent", "Medicine Cabinet"], _BATH),
    **dict.fromkeys(["Under Cabinet Lights", "Pendant Lights", "Coffee Maker", "Kettle",
                     "Espresso Machine", "Toaster Oven", "Kitchen Radio", "Fridge Door",
                     "Freezer Door", "Fridge Temperature", "Freezer Temperature",
                     "Dishwasher Leak", "Under Sink Leak", "Kitchen Window"], _KITCHEN),
    **dict.fromkeys(["Chandelier", "Christmas Tree", "Bookshelf Lights", "Projector",
                     "Record Player", "Jukebox", "Stereo", "Soundbar", "Apple TV", "Roku",
                     "Bay Window", "Patio Door", "Sliding Door"], _LIVING + _KITCHEN),
    **dict.fromkeys(["Stair Lights", "Front Door", "Front Door Lock", "Hallway Motion",
                     "Smoke Detector"], _HALL + _LIVING),
    **dict.fromkeys(["Back Door", "Back Door Lock", "Pet Door", "Patio Door Lock",
                     "Side Door", "Side Door Lock"], _KITCHEN + _HALL + _UTILITY + _LIVING),
    **dict.fromkeys(["Garage Door", "Left Garage Door", "Right Garage Door", "Carport Door",
                     "Garage Door Sensor", "Garage Tilt Sensor", "Garage Side Door",
                     "Garage Entry Lock"], _GARAGE),
    **dict.fromkeys(["Washing Machine Leak", "Water Heater Leak", "Sump Pump Sensor",
                     "Water Main", "Main Water Valve", "Gas Valve", "Dehumidifier",
                     "Basement Door", "Cellar Door", "Basement Door Lock",
                     "Mudroom Door Lock"], _UTILITY + _HALL + ("gym", "cellar", "rec room")),
    **dict.fromkeys(["Attic Fan", "Attic Temperature"], ("attic", "loft", "landing")),
    **dict.fromkeys(["Exhaust Fan"], _BATH + _KITCHEN + _GARAGE),
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def random_inventory(rng: random.Random) -> dict[str, Any]:
    """A realistic random home in the default.yaml format: 2-3 floors, 5-12 areas and
    15-45 entities, with display names unique (case-insensitively) across the home."""
    scheme = rng.choice(FLOOR_SCHEMES)
    r = rng.random()
    floors = scheme[:2] if r < 0.35 else [scheme[0], scheme[2]] if r < 0.5 else list(scheme)
    roles = {role: name for name, role in floors}
    taken: set[str] = {name.casefold() for name, _ in floors}

    def floor_of(kind: str) -> str:
        if kind in ("upper",) and "upper" in roles:
            return roles["upper"]
        if kind == "upper" and "top" in roles:
            return roles["top"]
        if kind == "below" and "below" in roles:
            return roles["below"]
        if kind == "below":
            return roles["ground"]
        if kind == "upper":
            # A one-storey home with a basement: bedrooms on the ground floor.
            return roles["ground"]
        return roles["ground"]

    n_areas = rng.randint(5, 12)
    chosen: list[tuple[str, str]] = []  # (area name, kind)

    def add_area(kind: str) -> None:
        options = [a for a in AREA_BANK[kind] if a.casefold() not in taken]
        if options:
            name = rng.choice(options)
            taken.add(name.casefold())
            chosen.append((name, kind))

    add_area("living")
    add_area("kitchen")
    if rng.random() < 0.8:
        add_area("upper")
    kinds = ["ground", "ground", "upper", "upper", "upper", "outdoor", "garage", "below",
             "living"]
    guard = 0
    while len(chosen) < n_areas and guard < 100:
        guard += 1
        kind = rng.choice(kinds)
        if kind == "below" and "below" not in roles:
            continue
        if kind == "garage" and any(k == "garage" for _, k in chosen):
            continue
        if kind == "living" and sum(k == "living" for _, k in chosen) >= 2:
            continue
        add_area(kind)
    areas = []
    area_kind: dict[str, str] = {}
    for name, kind in chosen:
        floor = floor_of({"living": "ground", "kitchen": "ground", "outdoor": "ground",
                          "garage": "ground"}.get(kind, kind))
        areas.append({"name": name, "id": _slug(name), "floor": _slug(floor)})
        area_kind[name] = kind
    area_names = [a["name"] for a in areas]
    indoor = [a for a in area_names if area_kind[a] not in ("outdoor",)]
    outdoor = [a for a in area_names if area_kind[a] == "outdoor"]
    garage = [a for a in area_names if area_kind[a] == "garage"]

    counts = {
        "light": rng.randint(4, 11), "switch": rng.randint(1, 4), "fan": rng.randint(0, 3),
        "cover": rng.randint(1, 5), "lock": rng.randint(1, 3), "climate": rng.randint(1, 3),
        "binary_sensor": rng.randint(2, 6), "sensor": rng.randint(1, 4),
        "media_player": rng.randint(1, 4),
        "vacuum": (rng.randint(1, 2) if rng.random() < 0.75 else 0),
        "lawn_mower": 1 if rng.random() < 0.5 else 0,
        "valve": rng.randint(0, 2) if rng.random() < 0.5 else 0,
        "todo": rng.randint(1, 3) if rng.random() < 0.95 else 0,
        "weather": 1 if rng.random() < 0.95 else 0,
        "input_boolean": rng.randint(0, 3),
        "person": rng.randint(1, 3) if rng.random() < 0.5 else 0,
    }
    target = rng.randint(15, 45)
    total = sum(counts.values())
    while total > target and counts["light"] > 3:
        counts["light"] -= 1
        total -= 1
    trimmable = ["switch", "input_boolean", "binary_sensor", "sensor", "media_player",
                 "cover", "fan"]
    while total > target:
        options = [d for d in trimmable if counts[d] > 1]
        if not options:
            break
        counts[rng.choice(options)] -= 1
        total -= 1
    while total < target:
        counts[rng.choice(["light", "light", "switch", "binary_sensor", "cover",
                           "media_player", "sensor", "fan"])] += 1
        total += 1

    unit = "°C" if rng.random() < 0.6 else "°F"
    names: set[str] = set(taken)
    ids: set[str] = set()
    entities: list[dict[str, Any]] = []

    def fits(template: str, area: str | None) -> bool:
        if "{a}" in template:
            return area is not None
        hint = NAME_HINTS.get(template)
        if area is None:
            return True
        if area_kind[area] == "outdoor":
            return hint == _OUT
        if hint is None:
            return True
        low = area.lower()
        return any(word in low for word in hint)

    def name_for(templates_: list[str], area: str | None) -> str | None:
        options = [t for t in templates_ if fits(t, area)]
        rng.shuffle(options)
        for template in options:
            name = template.replace("{a}", area) if "{a}" in template else template
            if name.casefold() not in names:
                names.add(name.casefold())
                return name
        return None

    def add(domain: str, templates_: list[str], area: str | None, state: str,
            attributes: dict[str, Any]) -> None:
        name = name_for(templates_, area)
        if name is None:
            return
        object_id = _slug(name)
        entity_id = f"{domain}.{object_id}"
        k = 2
        while entity_id in ids:
            entity_id = f"{domain}.{object_id}_{k}"
            k += 1
        ids.add(entity_id)
        entity: dict[str, Any] = {"name": name, "id": entity_id}
        if area is not None:
            entity["area"] = _slug(area)
        entity.update(state=state, attributes=attributes)
        entities.append(entity)

    def room(outside: float = 0.0) -> str:
        if outdoor and rng.random() < outside:
            return rng.choice(outdoor)
        return rng.choice(indoor or area_names)

    for _ in range(counts["light"]):
        on = rng.random() < 0.4
        area = room(outside=0.2)
        add("light", NAMES["light"], area, "on" if on else "off",
            {"brightness": rng.randint(40, 255) if on else 0,
             "supported_color_modes": [rng.choice(["onoff", "brightness", "color_temp",
                                                   "hs"])]})
    for _ in range(counts["switch"]):
        area = room(outside=0.15)
        add("switch", NAMES["switch"], area, rng.choice(["on", "off", "off"]),
            {"device_class": rng.choice(["outlet", "outlet", "switch"])})
    for _ in range(counts["fan"]):
        on = rng.random() < 0.3
        add("fan", NAMES["fan"], room(), "on" if on else "off",
            {"percentage": rng.choice([33, 50, 66, 100]) if on else 0})
    for _ in range(counts["cover"]):
        cls = rng.choice(["blind", "blind", "curtain", "shade", "garage", "window", "door",
                          "shutter"] + (["awning", "gate"] if outdoor else []))
        if cls == "garage":
            area = rng.choice(garage or area_names)
        elif cls in ("awning", "gate"):
            area = rng.choice(outdoor or area_names)
        else:
            area = room()
        is_open = rng.random() < 0.5
        add("cover", COVER_NAMES[cls], area, "open" if is_open else "closed",
            {"device_class": cls, "current_position": 100 if is_open else 0})
    for _ in range(counts["lock"]):
        add("lock", NAMES["lock"], room(), rng.choice(["locked", "locked", "unlocked"]), {})
    for _ in range(counts["climate"]):
        current = rng.randint(17, 24) if unit == "°C" else rng.randint(62, 76)
        modes = rng.choice([["auto", "low", "medium", "high"], ["auto", "low", "high"],
                            ["auto", "on"], ["low", "medium", "high"]])
        add("climate", NAMES["climate"], room(), rng.choice(["heat", "cool", "off", "auto"]),
            {"current_temperature": current + rng.choice([0, 0.5]),
             "temperature": current + rng.randint(-1, 2), "fan_mode": modes[0],
             "fan_modes": modes, "temperature_unit": unit})
    for _ in range(counts["binary_sensor"]):
        cls = rng.choice(["door", "door", "window", "window", "motion", "motion", "moisture",
                          "smoke", "occupancy", "garage_door", "opening",
                          "carbon_monoxide", "gas"])
        area = rng.choice(garage or area_names) if cls == "garage_door" else room()
        add("binary_sensor", BINARY_NAMES[cls], area, rng.choice(["on", "off", "off"]),
            {"device_class": cls})
    for _ in range(counts["sensor"]):
        cls = rng.choice(["temperature", "temperature", "humidity"])
        area = room(outside=0.2)
        if cls == "temperature":
            value = str(rng.randint(16, 26) if unit == "°C" else rng.randint(60, 80))
            attrs = {"device_class": cls, "unit_of_measurement": unit}
        else:
            value = str(rng.randint(30, 70))
            attrs = {"device_class": cls, "unit_of_measurement": "%"}
        add("sensor", SENSOR_NAMES[cls], area, value, attrs)
    for _ in range(counts["media_player"]):
        add("media_player", NAMES["media_player"], room(),
            rng.choice(["off", "idle", "playing", "paused"]),
            {"volume_level": round(rng.uniform(0.1, 0.7), 2), "is_volume_muted": False})
    for _ in range(counts["vacuum"]):
        add("vacuum", NAMES["vacuum"], room(), "docked", {})
    for _ in range(counts["lawn_mower"]):
        add("lawn_mower", NAMES["lawn_mower"], rng.choice(outdoor or garage or area_names),
            "docked", {})
    for _ in range(counts["valve"]):
        is_open = rng.random() < 0.7
        add("valve", NAMES["valve"], rng.choice(outdoor or area_names),
            "open" if is_open else "closed", {"current_position": 100 if is_open else 0})
    for _ in range(counts["todo"]):
        add("todo", NAMES["todo"], None, "0", {"items": []})
    for _ in range(counts["weather"]):
        add("weather", NAMES["weather"], None,
            rng.choice(["sunny", "cloudy", "rainy", "partlycloudy", "snowy", "windy"]),
            {"temperature": rng.randint(-5, 32), "humidity": rng.randint(20, 95),
             "temperature_unit": unit})
    for _ in range(counts["input_boolean"]):
        add("input_boolean", NAMES["input_boolean"], None, rng.choice(["on", "off"]), {})
    for _ in range(counts["person"]):
        add("person", PEOPLE, None, rng.choice(["home", "not_home"]), {})

    # Names that fit nowhere were skipped; top up with lights named after their room.
    while len(entities) < 15:
        add("light", [t for t in NAMES["light"] if "{a}" in t], room(), "off",
            {"brightness": 0, "supported_color_modes": ["brightness"]})

    return {
        "floors": [{"name": name, "id": _slug(name)} for name, _ in floors],
        "areas": areas,
        "entities": entities,
        "timers": [],
        "media": [],
    }
