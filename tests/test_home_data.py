"""Home examples sampled from Home Assistant's English templates: coverage, schema
validity against a Home built on each example's inventory, HA's slot conventions, and
agreement with hassil's own recognizer."""
from __future__ import annotations

import dataclasses
import json
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from home_assistant_intents import get_intents

from devices.home import Home, function_name, load_intents
from hub.planner.examples import Example
from hub.planner.home_data import (
    EXTRA_SENTENCES,
    _block_feasible,
    _example,
    _view,
    default_inventory,
    example_for,
    hassil_recognize,
    home_examples,
    home_examples_with_context_flag,
    random_inventory,
    templates,
)

SEED = 20240601
N = 2000
SERVED = load_intents()
# Intents whose `name` is an entity (timers name themselves: "the pizza timer").
ENTITY_NAMED = {name for name, spec in SERVED.items()
                if any(c.get("name_domains") for c in spec.get("slot_combinations", {}).values())}


@pytest.fixture(scope="module")
def flagged() -> list[tuple[Example, bool]]:
    return home_examples_with_context_flag(random.Random(SEED), N)


@pytest.fixture(scope="module")
def examples(flagged: list[tuple[Example, bool]]) -> list[Example]:
    return [example for example, _ in flagged]


@pytest.fixture(scope="module")
def homes(examples: list[Example], tmp_path_factory: pytest.TempPathFactory) -> dict[int, Home]:
    """One Home per distinct inventory, loaded from the inventory written as YAML."""
    folder = tmp_path_factory.mktemp("inventories")
    built: dict[int, Home] = {}
    for example in examples:
        key = id(example.inventory)
        if key not in built:
            path = folder / f"inventory-{len(built)}.yaml"
            path.write_text(yaml.safe_dump(example.inventory, allow_unicode=True,
                                           sort_keys=False), encoding="utf-8")
            built[key] = Home("home", inventory_path=path)
    return built


def intent_of(example: Example) -> str:
    assert example.source.startswith(("hassil:", "extra:"))
    return example.source.split(":", 1)[1]


def test_shape(examples: list[Example]) -> None:
    assert len(examples) == N
    for example in examples:
        assert example.query and example.query == example.query.strip()
        assert len(example.calls) == 1
        call = example.calls[0]
        assert call["id"] == "c1"
        assert call["function"] == f"home.{function_name(intent_of(example))}"
        assert isinstance(call["args"], dict)
        assert isinstance(example.inventory, dict)


def test_every_served_intent_appears(examples: list[Example]) -> None:
    seen = {intent_of(e) for e in examples}
    assert len(SERVED) == 40
    assert seen == set(SERVED)
    assert not seen & {"HassNevermind", "HassRespond"}


def test_big_intents_get_more(examples: list[Example]) -> None:
    counts: dict[str, int] = defaultdict(int)
    for example in examples:
        counts[intent_of(example)] += 1
    small = sorted(counts.values())[len(counts) // 2]
    for big in ("HassTurnOn", "HassTurnOff", "HassGetState", "HassLightSet"):
        assert counts[big] > small


def test_inventories_mix_default_and_random(examples: list[Example]) -> None:
    default = default_inventory()
    share = sum(e.inventory is default for e in examples) / len(examples)
    assert 0.15 < share < 0.35
    distinct = {id(e.inventory) for e in examples if e.inventory is not default}
    assert len(distinct) >= N * 0.75 / 60  # a fresh home every ~50 examples


def test_args_validate_against_the_home_of_each_example(
        examples: list[Example], homes: dict[int, Home]) -> None:
    for example in examples:
        home = homes[id(example.inventory)]
        function = example.calls[0]["function"].split(".", 1)[1]
        spec = home.functions[function].spec
        try:
            jsonschema.validate(example.calls[0]["args"], spec.parameters)
        except jsonschema.ValidationError as err:  # pragma: no cover - shown on failure
            pytest.fail(f"{example.query!r} -> {example.calls[0]}: {err.message}")
        # The adapter's own validator agrees.
        home.functions[function].args_model(**example.calls[0]["args"])


def test_names_and_places_are_exact_display_names(examples: list[Example]) -> None:
    for example in examples:
        inventory = example.inventory
        assert inventory is not None
        entity_names = {e["name"] for e in inventory["entities"]}
        area_names = {a["name"] for a in inventory["areas"]}
        floor_names = {f["name"] for f in inventory["floors"]}
        args = example.calls[0]["args"]
        if "name" in args and intent_of(example) in ENTITY_NAMED:
            assert args["name"] in entity_names, example
        if "area" in args:
            assert args["area"] in area_names, example
        if "floor" in args:
            assert args["floor"] in floor_names, example
        if example.context:
            assert set(example.context) == {"area"}
            assert example.context["area"] in area_names


def test_context_area_becomes_the_area_slot(flagged: list[tuple[Example, bool]]) -> None:
    needing = [example for example, needs_area in flagged if needs_area]
    assert len(needing) > 100
    for example in needing:
        assert example.context.get("area"), example
        assert example.calls[0]["args"]["area"] == example.context["area"], example
    # Other requests also come from satellites, and keep only the areas they say.
    others = [e for e, needs_area in flagged if not needs_area and e.context]
    assert len(others) > 100
    assert any("area" not in e.calls[0]["args"] for e in others)


def test_wildcards_are_copied_from_the_text(examples: list[Example]) -> None:
    wild = ("message", "search_query", "item", "conversation_command")
    for example in examples:
        for slot in wild:
            value = example.calls[0]["args"].get(slot)
            if value is not None:
                assert value and value in example.query, example
        args = example.calls[0]["args"]
        if intent_of(example) not in ENTITY_NAMED and "name" in args:  # timer names
            assert args["name"] in example.query, example


def test_random_inventories_are_well_formed(tmp_path: Path) -> None:
    rng = random.Random(7)
    for i in range(30):
        inventory = random_inventory(rng)
        assert 2 <= len(inventory["floors"]) <= 3
        assert 5 <= len(inventory["areas"]) <= 12
        assert 15 <= len(inventory["entities"]) <= 45
        floor_ids = {f["id"] for f in inventory["floors"]}
        area_ids = {a["id"] for a in inventory["areas"]}
        assert all(a["floor"] in floor_ids for a in inventory["areas"])
        names = ([e["name"] for e in inventory["entities"]]
                 + [a["name"] for a in inventory["areas"]]
                 + [f["name"] for f in inventory["floors"]])
        assert len({n.casefold() for n in names}) == len(names)
        ids = [e["id"] for e in inventory["entities"]]
        assert len(set(ids)) == len(ids)
        for entity in inventory["entities"]:
            domain, _, obj = entity["id"].partition(".")
            assert domain and obj
            assert entity.get("area") is None or entity["area"] in area_ids
        domains = {e["id"].split(".")[0] for e in inventory["entities"]}
        assert {"light", "cover", "climate", "media_player"} <= domains
        if i < 3:
            path = tmp_path / f"random-{i}.yaml"
            path.write_text(yaml.safe_dump(inventory, sort_keys=False), encoding="utf-8")
            home = Home("home", inventory_path=path)
            assert len(home.functions) == 40
    # Some names contain their area ("Den Lamp"), some do not ("Reading Light").
    inventory = random_inventory(random.Random(3))
    areas = {a["id"]: a["name"] for a in inventory["areas"]}
    with_area = [e for e in inventory["entities"]
                 if e.get("area") and areas[e["area"]] in e["name"]]
    assert with_area and len(with_area) < len(inventory["entities"])


def test_reproducible_under_the_same_seed() -> None:
    def run(seed: int) -> list[Any]:
        return [(e.query, e.calls, e.context, e.inventory, e.source)
                for e in home_examples(random.Random(seed), 300)]
    assert run(11) == run(11)
    assert run(11) != run(12)


def test_a_given_inventory_is_used_for_every_example() -> None:
    inventory = random_inventory(random.Random(5))
    made = home_examples(random.Random(5), 200, inventory)
    assert len(made) == 200
    assert all(e.inventory is inventory for e in made)


# ---- Home Assistant's conventions, on the default inventory -----------------------------

def find(predicate: Any, intent: str, combo: str | None = None) -> Example:
    rng = random.Random(99)
    for _ in range(300):
        if combo is not None:
            example = example_for(rng, intent, combo)
        else:
            example = home_examples(rng, 1, default_inventory())[0]
            if intent_of(example) != intent:
                continue
        if predicate(example.calls[0]["args"]):
            return example
    pytest.fail(f"no {intent} example matched")


def test_turn_off_lights_in_an_area() -> None:
    example = find(lambda a: set(a) == {"area", "domain"} and a["domain"] == "light",
                   "HassTurnOff", "area_domain")
    assert example.calls[0]["function"] == "home.turn_off"
    assert example.calls[0]["args"]["area"] in {a["name"] for a in default_inventory()["areas"]}
    assert example.calls[0]["args"]["area"].lower() in example.query.lower()


def test_get_state_with_device_class_and_state() -> None:
    example = find(lambda a: {"device_class", "state", "domain"} <= set(a),
                   "HassGetState", "device_class_state")
    args = example.calls[0]["args"]
    assert args["domain"] == "cover"
    assert args["state"] in {"open", "closed", "opening", "closing"}


def test_binary_sensor_state_carries_domain_and_class() -> None:
    # Our contract (BINARY_SENSOR_CLASS_SLOTS): name, domain, device_class and state.
    rng = random.Random(1)
    for _ in range(200):
        example = example_for(rng, "HassGetState", "name_state")
        args = example.calls[0]["args"]
        if args["name"] == "Front Door":
            assert args == {"name": "Front Door", "domain": "binary_sensor", "device_class": "door",
                            "state": args["state"]} and args["state"] in {"on", "off"}
            return
    pytest.fail("no example about the Front Door")


def test_start_timer_with_minutes() -> None:
    example = find(lambda a: set(a) == {"minutes"}, "HassStartTimer", "minutes_only")
    minutes = example.calls[0]["args"]["minutes"]
    assert isinstance(minutes, int) and minutes > 0


def test_light_set_brightness() -> None:
    for combo in ("area_brightness", "name_brightness", "brightness_only"):
        example = find(lambda a: "brightness" in a, "HassLightSet", combo)
        brightness = example.calls[0]["args"]["brightness"]
        assert isinstance(brightness, int) and 0 <= brightness <= 100


def test_lights_here_take_the_satellite_area() -> None:
    example = find(lambda a: a.get("domain") == "light", "HassTurnOn", "domain_only")
    assert example.calls[0]["args"] == {"domain": "light", "area": example.context["area"]}


def test_volume_down_is_a_negative_step() -> None:
    rng = random.Random(4)
    for _ in range(300):
        example = example_for(rng, "HassSetVolumeRelative", "default")
        args = example.calls[0]["args"]
        if isinstance(args["volume_step"], int) and "down" in example.query.lower():
            assert args["volume_step"] < 0
            return
    pytest.fail("no numeric volume-down example")


def test_default_inventory_is_used_as_loaded() -> None:
    made = home_examples(random.Random(2), 50, default_inventory())
    assert all(e.inventory is default_inventory() for e in made)


# ---- agreement with hassil ---------------------------------------------------------------

def test_labels_match_hassil_recognition(examples: list[Example]) -> None:
    own = [e for e in examples if e.source.startswith("hassil:")]  # the extra sentences are ours
    sample = random.Random(3).sample(own, 400)
    wrong = []
    for example in sample:
        got = hassil_recognize(example.query, example.inventory, example.context)
        want = (intent_of(example), example.calls[0]["args"])
        if got and want[0] == "HassGetState" and want[1].get("domain") == "binary_sensor":
            # today's templates leave these two slots to the intent handler; we add them
            want = (want[0], {k: v for k, v in want[1].items() if k not in ("domain", "device_class")})
        if got != want:
            wrong.append((example.query, example.context, want, got))
    assert len(wrong) <= 4, wrong[:10]


def test_a_tv_or_a_toggle_is_asked_on_or_off_like_a_light() -> None:
    """Home Assistant asks "is {name} on" of lights, switches and fans; a media player and
    an input_boolean are asked the same way here. A lock is still asked locked, not on."""
    home = default_inventory()
    assert hassil_recognize("is the tv on", home) == ("HassGetState", {"name": "Living Room TV", "state": "on"})
    assert hassil_recognize("is guest mode off", home) == ("HassGetState", {"name": "Guest Mode", "state": "off"})
    assert hassil_recognize("is the floor lamp on", home) == ("HassGetState", {"name": "Floor Lamp", "state": "on"})
    assert hassil_recognize("is the front door lock on", home) is None


# ---- the extra training sentences (hub/planner/home_sentences.yaml) -------------------------

def _block_key(block: dict[str, Any]) -> tuple[str, str, str]:
    return (json.dumps(block.get("slots") or {}, sort_keys=True),
            json.dumps(block.get("requires_context") or {}, sort_keys=True),
            str((block.get("metadata") or {}).get("slot_combination", "")))


def test_extra_sentences_copy_a_home_assistant_block_of_their_intent() -> None:
    extra = yaml.safe_load(EXTRA_SENTENCES.read_text(encoding="utf-8"))["intents"]
    own = get_intents("en")["intents"]
    assert sum(len(s) for i in extra.values() for b in i["data"] for s in b["sentences"]) >= 100
    for intent, body in extra.items():
        assert intent in SERVED, intent
        for block in body["data"]:
            assert any(_block_key(h) == _block_key(block) for h in own[intent]["data"]), (intent, block)


def test_every_extra_sentence_yields_examples() -> None:
    tpl = templates()
    rng = random.Random(5)
    homes = [default_inventory()] + [random_inventory(random.Random(i)) for i in range(8)]
    dead = []
    for combos in tpl.blocks.values():
        for block in (b for bs in combos.values() for b in bs if b.extra):
            for index in range(len(block.sentences)):
                one = dataclasses.replace(block, sentences=[block.sentences[index]], lists=[block.lists[index]])
                views = [(h, _view(h)) for h in homes]
                made = [_example(rng, one, h, v, tpl) for _ in range(8) for h, v in views
                        if _block_feasible(one, v, tpl)]
                if not any(made):
                    dead.append((block.intent, block.sentences[index].text))
    assert dead == []


def test_extra_sentences_train_but_never_recognize(examples: list[Example]) -> None:
    extra = [e for e in examples if e.source.startswith("extra:")]
    assert 0.05 * len(examples) < len(extra) < 0.6 * len(examples)
    assert not any(b.extra for combos in templates(extra=False).blocks.values()
                   for bs in combos.values() for b in bs)
    # a sentence only home_sentences.yaml has: Home Assistant's recognizer does not know it
    ours = "would you mind switching on the lights in the Kitchen"
    assert "would you mind (switching|turning|putting) on the <light> in [<the>] {area}" in EXTRA_SENTENCES.read_text()
    assert hassil_recognize(ours, default_inventory()) is None
    assert hassil_recognize("turn on the lights in the Kitchen", default_inventory()) is not None
