"""The planner: answer syntax, Plan validation, constrained decoding, micro training,
run-time inventory swaps, and the Octopus-v2 compatibility path."""
from __future__ import annotations

import copy
import functools
import random
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import torch
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from devices.home import DEFAULT_INVENTORY, Home
from devices.phone import Phone
from hub.planner import spoken
from hub.planner.constrain import Request, answer_ids, plan_grammar
from hub.planner.examples import Example
from hub.planner.model import OCTOPUS_PROMPT, Causal, Seq2Seq
from hub.planner.planner import DEFAULT_MODEL, Planner, table_from_manifests
from hub.planner.syntax import SyntaxError_, parse, renumber, to_text
from hub.planner.train import TrainConfig, builtin_manifests, train
from protocols.plan import Plan, PlannedCall, is_ref

PHONE = Phone("phone-1").manifest()
PHONE_TABLE = table_from_manifests([PHONE])


# ---- syntax and Plan ---------------------------------------------------------------------

@pytest.mark.parametrize("calls", [
    [],
    [{"id": "c1", "function": "phone.take_a_photo", "args": {"camera": "front"}}],
    [{"id": "c1", "function": "phone.take_a_photo", "args": {}},
     {"id": "c2", "function": "phone.set_volume", "args": {"level": 3, "volume_type": "ring"}}],
    [{"id": "c1", "function": "phone.get_weather_forecast", "args": {"location": "São Paulo, \"SP\""}},
     {"id": "c2", "function": "phone.send_text_message",
      "args": {"contact_name": "Mom", "message": {"$ref": "c1"}}}],
])
def test_syntax_round_trips(calls: list[dict[str, Any]]) -> None:
    plan = Plan(calls=calls)
    text = to_text(plan, PHONE_TABLE)
    assert text.endswith("<fn_end>")
    assert parse(text, PHONE_TABLE) == renumber(plan)


def test_nested_text_and_ids() -> None:
    text = '<fn_7>(contact_name="Mom", message=<fn_2>(location="Paris"))<fn_end>'
    plan = parse(text, PHONE_TABLE)
    assert [c.id for c in plan.calls] == ["c1", "c2"]
    assert plan.calls[0].function == "phone.get_weather_forecast"
    assert plan.calls[1].args["message"] == {"$ref": "c1"}
    assert to_text(plan, PHONE_TABLE) == text


@pytest.mark.parametrize("bad", [
    "<fn_0>(camera='front')",  # no end token
    "<fn_99>()<fn_end>",  # not a token of this table
    "<fn_0>(camera=front)<fn_end>",  # a bare word is not a literal
    "<fn_0>(camera=\"a\", camera=\"b\")<fn_end>",
    "take_a_photo()<fn_end>",
])
def test_parser_rejects_malformed_answers(bad: str) -> None:
    with pytest.raises(SyntaxError_):
        parse(bad, PHONE_TABLE)


@pytest.mark.parametrize("calls, message", [
    ([{"id": "c1", "function": "phone.x", "args": {"a": {"$ref": "c2"}}},
      {"id": "c2", "function": "phone.y", "args": {}}], "not an earlier call"),
    ([{"id": "c1", "function": "phone.x", "args": {"a": {"$ref": "c1"}}}], "not an earlier call"),
    ([{"id": "c1", "function": "phone.x"}, {"id": "c1", "function": "phone.y"}], "duplicate"),
    ([{"id": "c1", "function": "phone.x", "args": {"a": {"$ref": "c1", "b": 1}}}], "exactly"),
    ([{"id": "c1", "function": "x"}], "pattern"),
])
def test_plan_rejects_cycles_and_bad_refs(calls: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Plan(calls=calls)


def test_octopus_output_parser() -> None:
    """The literal output of Octopus-v2: positional Python literals, named by position."""
    plan = parse("<nexa_0>('front')<nexa_end>", PHONE_TABLE)
    assert plan.calls[0].function == "phone.take_a_photo" and plan.calls[0].args == {"camera": "front"}
    plan = parse("<nexa_13>(7, 'ring')<nexa_end>", PHONE_TABLE)
    assert plan.calls[0].args == {"level": 7, "volume_type": "ring"}
    plan = parse("<nexa_7>('Mom', <nexa_2>('Paris'));<nexa_15>(True)<nexa_end>", PHONE_TABLE)
    assert [c.function for c in plan.calls] == ["phone.get_weather_forecast", "phone.send_text_message",
                                                "phone.enable_do_not_disturb"]
    assert plan.calls[1].args == {"contact_name": "Mom", "message": {"$ref": "c1"}}
    assert plan.calls[2].args == {"enabled": True}


@functools.lru_cache(maxsize=1)
def _shipped() -> Planner:
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    return planner


def shipped_calls(query: str, context: dict[str, str] | None = None) -> list[tuple[str, dict[str, Any]]]:
    """What the shipped checkpoint plans, as (function, args); one planner for these tests,
    which only plan with it."""
    return [(c.function, c.args) for c in _shipped().plan(query, context).calls]


# ---- constrained decoding with random weights ---------------------------------------------

@pytest.fixture(scope="module")
def random_planner() -> Planner:
    manifests = builtin_manifests(["phone", "car", "home"])
    table = table_from_manifests(manifests)
    model = Seq2Seq.create(table.tokens, hidden=32, layers=1, heads=2, seed=1)
    with torch.no_grad():  # make the random model opinionated, so it wanders the grammar
        for p in model.decoder.parameters():
            p.mul_(40)
    planner = Planner(model.eval(), table, {})
    planner.use_manifests(manifests)
    return planner


def strip_refs(args: dict[str, Any]) -> dict[str, Any]:
    return {k: ("result" if isinstance(v, dict) and "$ref" in v else v) for k, v in args.items()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=80), st.sampled_from([None, "Kitchen", "Garage"]))
@example("\u0301", "Kitchen")  # a lone combining accent: no token for the model to read
def test_constrained_decoding_never_yields_an_invalid_arg(random_planner: Planner, query: str,
                                                          area: str | None) -> None:
    plan = random_planner.plan(query, {"area": area} if area else None)
    specs = {random_planner.table.functions[i]: s for i, s in random_planner.specs.items()}
    for call in plan.calls:
        schema = copy.deepcopy(specs[call.function].parameters)
        for name, value in call.args.items():
            if isinstance(value, dict) and "$ref" in value:
                schema["properties"][name] = {}  # a nested result is coerced by the executor
        jsonschema.validate(strip_refs(call.args), schema)
    Plan.model_validate(plan.model_dump())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(-50, 200), st.integers(0, 120), st.booleans(), st.randoms(use_true_random=False))
def test_a_spelled_number_never_dead_ends(random_planner: Planner, low: int, span: int, integer: bool,
                                         rng: Any) -> None:
    """Any path through the number grammar ends in a number within the schema's range:
    "5." was offered for 50 to 90 ("Yo it's hot in On the nest hub" raised PlanningError)."""
    from hub.planner.constrain import number

    vocab = random_planner.vocab
    assert vocab is not None
    follow = frozenset({vocab.comma})
    grammar = number(vocab, {"minimum": low, "maximum": low + span}, follow, integer)
    allowed = next(grammar)
    for _ in range(12):
        assert allowed, "dead end"
        token = rng.choice(sorted(allowed))
        try:
            allowed = grammar.send(token)
        except StopIteration as done:
            value, _ = done.value
            assert low <= value <= low + span
            return
    allowed_follow = allowed & follow
    assert allowed_follow  # a number long enough must be able to end


def test_grammar_accepts_every_training_target(random_planner: Planner) -> None:
    """The targets we train on are exactly what the grammar allows at decode time."""
    vocab = random_planner.vocab
    assert vocab is not None
    cases = [
        ("turn off the kitchen lights", [{"id": "c1", "function": "home.turn_off",
                                          "args": {"area": "Kitchen", "domain": "light"}}]),
        ("set an alarm for 07:30 labelled gym", [{"id": "c1", "function": "phone.set_timer_alarm",
                                                  "args": {"time": "07:30", "label": "gym"}}]),
        ("call +14155550199", [{"id": "c1", "function": "phone.make_phone_call",
                                "args": {"phone_number": "+14155550199"}}]),
        ("turn the car volume down by 5 and text Bob on my way",
         [{"id": "c1", "function": "car.adjust_volume", "args": {"volume_diff": -5}},
          {"id": "c2", "function": "phone.send_text_message",
           "args": {"contact_name": "Bob", "message": "on my way"}}]),
        ("text Mom the weather in Paris",
         [{"id": "c1", "function": "phone.get_weather_forecast", "args": {"location": "Paris"}},
          {"id": "c2", "function": "phone.send_text_message",
           "args": {"contact_name": "Mom", "message": {"$ref": "c1"}}}]),
        ("turn it up", [{"id": "c1", "function": "home.set_volume_relative", "args": {"volume_step": "up"}}]),
        ("set the thermostat to 21.5", [{"id": "c1", "function": "home.climate_set_temperature",
                                         "args": {"name": "Thermostat", "temperature": 21.5}}]),
        ("tell me a joke", []),
    ]
    for query, calls in cases:
        ids = answer_ids(vocab, calls, random_planner.table)
        encoded = random_planner.backbone.tokenizer(query, add_special_tokens=False,
                                                    return_offsets_mapping=True)
        request = Request(query, encoded["input_ids"], encoded["offset_mapping"], random_planner.specs)
        grammar = plan_grammar(vocab, request)
        allowed = next(grammar)
        result = None
        for token in ids:
            assert token in allowed, (query, vocab.tokenizer.convert_ids_to_tokens([token]))
            try:
                allowed = grammar.send(token)
            except StopIteration as done:
                result = done.value
        assert result is not None
        assert [c.model_dump() for c in result.calls] == calls, query


def test_inventory_swap_changes_what_can_be_said(random_planner: Planner, tmp_path: Path) -> None:
    """Enum values come from the live manifest: a new inventory needs no retraining."""
    inventory = yaml.safe_load(DEFAULT_INVENTORY.read_text())
    inventory["areas"] = [{"name": "Fish Room", "id": "fish_room", "floor": "ground_floor"}]
    inventory["entities"] = [{"name": "Aquarium Light", "id": "light.aquarium", "area": "fish_room",
                              "state": "off", "attributes": {}}]
    path = tmp_path / "fish.yaml"
    path.write_text(yaml.safe_dump(inventory))
    manifests = [Home("home-1", inventory_path=path).manifest()]
    planner = Planner(random_planner.backbone, random_planner.table, {})
    planner.use_manifests(manifests)
    specs = {planner.table.functions[i]: s for i, s in planner.specs.items()}
    seen: set[str] = set()
    for query in ["turn on the lights", "switch on everything in the kitchen", "fish", "lamp on",
                  "aquarium", "bedroom lamp off", "what's on", "x", "living room", "garage door"]:
        for call in planner.plan(query).calls:
            props = specs[call.function].parameters["properties"]
            seen |= {v for k, v in call.args.items() if k in ("name", "area") and "enum" in props[k]}
    assert seen <= {"Fish Room", "Aquarium Light"}
    assert all(f.startswith("home.") for f in (planner.table.functions[i] for i in planner.specs))


# ---- training ------------------------------------------------------------------------------

def lamp_examples(rng: random.Random) -> list[Example]:
    names = ["Alice", "Bob", "Mom", "Dr. Patel", "Zoe", "Liam", "Grandma", "Chen Wei", "Ines", "Kofi"]
    out = []
    for _ in range(500):
        roll = rng.random()
        if roll < 0.4:
            level = rng.randint(0, 10)
            out.append(Example(rng.choice(["set the brightness to {}", "screen brightness {} please",
                                           "make the screen level {}"]).format(level),
                               [{"id": "c1", "function": "phone.change_screen_brightness",
                                 "args": {"level": level}}]))
        elif roll < 0.8:
            name = rng.choice(names)
            query = rng.choice(["text {}", "message {} now", "ping {}"]).format(name) + " and say call me"
            out.append(Example(query, [{"id": "c1", "function": "phone.send_text_message",
                                        "args": {"contact_name": name, "message": "call me"}}]))
        else:
            out.append(Example(rng.choice(["tell me a joke", "how tall is everest", "order pizza"]), []))
    return out


@pytest.mark.timeout(300)
def test_micro_model_learns_function_tokens(tmp_path: Path) -> None:
    """A few hundred examples and a tiny decoder: the functional tokens are learned."""
    out = tmp_path / "micro"
    examples = lamp_examples(random.Random(0))
    report = train(TrainConfig(kinds=["phone"], out=str(out), examples=examples, epochs=20,
                               batch_size=32, warmup_steps=10, lr=1e-2, hidden=64, layers=1, seed=0))
    assert report["final_loss"] < 1.0
    assert (out / "decoder" / "model.safetensors").exists() and (out / "planner.json").exists()
    planner = Planner.load(out)
    assert planner.neighbours is not None  # the training requests, embedded beside the model
    assert set(planner.neighbours.labels) == {"phone.change_screen_brightness", "phone.send_text_message", ""}
    planner.use_manifests(builtin_manifests(["phone"]))
    planner.by_clauses = False  # the model alone: this micro model plans any clause confidently
    plan = planner.plan("set the brightness to 7")
    assert [c.function for c in plan.calls] == ["phone.change_screen_brightness"]
    assert plan.calls[0].args == {"level": 7}
    assert planner.plan("ping Kofi and say call me").calls[0].args == {"contact_name": "Kofi",
                                                                       "message": "call me"}
    assert planner.plan("tell me a joke").calls == []


# ---- Octopus-v2 checkpoints -----------------------------------------------------------------

@pytest.mark.timeout(120)
def test_octopus_checkpoint_path(tmp_path: Path) -> None:
    """A tiny random Gemma with Octopus's tokens goes through the Octopus path."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import GemmaConfig, GemmaForCausalLM, PreTrainedTokenizerFast

    words = ["<pad>", "<eos>", "<bos>", "<unk>", "(", ")", "'", "front", "back", ",", "Query", ":"]
    backend = Tokenizer(models.WordLevel({w: i for i, w in enumerate(words)}, unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=backend, pad_token="<pad>", eos_token="<eos>",
                                        bos_token="<bos>", unk_token="<unk>")
    tokenizer.add_special_tokens({"additional_special_tokens":
                                  [f"<nexa_{i}>" for i in range(21)] + ["<nexa_end>"]})
    config = GemmaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
                         num_hidden_layers=1, num_attention_heads=2, num_key_value_heads=1,
                         head_dim=16, max_position_embeddings=256)
    torch.manual_seed(0)
    model = GemmaForCausalLM(config)
    end = tokenizer.convert_tokens_to_ids("<nexa_end>")
    with torch.no_grad():  # make this random model end at once
        model.lm_head.weight.zero_()
        model.lm_head.weight[end] = 1.0
        model.model.norm.weight.fill_(1.0)
    path = tmp_path / "octopus"
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)

    planner = Planner.load(path)
    assert planner.octopus
    assert isinstance(planner.backbone, Causal)
    assert planner.backbone.prompt_text(("take a selfie", None)) == OCTOPUS_PROMPT.format(query="take a selfie")
    assert planner.table.functions[0] == "phone.take_a_photo" and len(planner.table.functions) == 20
    with pytest.raises(SyntaxError_, match="end token|expected"):  # it stops at <nexa_end> at once
        planner.plan("take a selfie")


@pytest.mark.timeout(300)
def test_causal_base_with_lora_takes_the_same_path(tmp_path: Path) -> None:
    """`octohub train --base DIR --lora`: a local causal LM gets the functional tokens,
    trains with peft LoRA, saves, and plans through the same constrained decoder."""
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    from hub.planner.model import minilm_dir

    base = tmp_path / "tiny-llama"
    tokenizer = AutoTokenizer.from_pretrained(minilm_dir())  # any local tokenizer will do
    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
                         num_hidden_layers=1, num_attention_heads=2, num_key_value_heads=1,
                         max_position_embeddings=256, pad_token_id=tokenizer.pad_token_id)
    torch.manual_seed(0)
    LlamaForCausalLM(config).save_pretrained(base)
    tokenizer.save_pretrained(base)

    out = tmp_path / "lora"
    report = train(TrainConfig(kinds=["phone"], out=str(out), base=str(base), lora=True,
                               examples=lamp_examples(random.Random(1))[:120], epochs=1,
                               batch_size=16, warmup_steps=2, lr=1e-3, seed=0))
    assert report["backbone"] == "causal"
    assert (out / "adapter_config.json").exists()
    planner = Planner.load(out)
    assert isinstance(planner.backbone, Causal) and not planner.octopus
    planner.use_manifests(builtin_manifests(["phone"]))
    plan = planner.plan("set the brightness to 7")  # barely trained: any valid plan will do
    Plan.model_validate(plan.model_dump())


@pytest.mark.timeout(120)
def test_plan_jsonl_reports_bad_lines_and_goes_on() -> None:
    """`octohub plan --jsonl`: one plan per line, in order; a bad line gets an error line."""
    import json
    import subprocess

    from tests.conftest import OCTOHUB, REPO

    lines = ["turn off the kitchen lights", "{not json", '{"query": 42}',
             '{"query": "turn on the lights in here", "context": {"area": "Kitchen"}}']
    result = subprocess.run([OCTOHUB, "plan", "--jsonl"], input="\n".join(lines) + "\n",
                            capture_output=True, text=True, timeout=100, cwd=REPO)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4
    assert "calls" in out[0] and "calls" in out[3]
    assert out[1]["error"].startswith("line 2") and out[2]["error"].startswith("line 3")
    assert all(c["function"].startswith("home.") for c in out[3]["calls"])


def test_a_repeated_call_is_planned_once_and_refs_follow_it() -> None:
    from hub.planner.constrain import without_repeats
    from protocols.plan import PlannedCall

    weather = {"location": "Paris"}
    calls = [PlannedCall(id="c1", function="phone.get_weather_forecast", args=weather),
             PlannedCall(id="c2", function="phone.send_text_message", args={"contact_name": "Mom", "message": {"$ref": "c1"}}),
             PlannedCall(id="c3", function="phone.get_weather_forecast", args=dict(weather)),
             PlannedCall(id="c4", function="phone.send_email", args={"recipient": "a@b.co", "title": "x", "content": {"$ref": "c3"}}),
             PlannedCall(id="c5", function="phone.send_text_message", args={"contact_name": "Mom", "message": {"$ref": "c3"}})]
    kept = without_repeats(calls)
    assert [c.id for c in kept] == ["c1", "c2", "c3"]
    assert kept[2].function == "phone.send_email" and kept[2].args["content"] == {"$ref": "c1"}
    Plan(calls=[c.model_dump() for c in kept])  # still a valid plan


@pytest.mark.parametrize("query", ["pause", "next song", "turn on the lights", "switch off the floor lamp",
                                   "skip this", "lights off in the kitchen", "start vacuuming",
                                   "is the back door locked", "x y z", "dim it", "what's the temperature"])
def test_home_names_come_from_the_request(random_planner: Planner, query: str) -> None:
    """Whatever the weights, a home name/area/floor is one the request says (or, for an
    area, the asking device's): no "pause" -> media_pause(area="Garage")."""
    from hub.planner.spoken import mentions

    specs = {random_planner.table.functions[i]: spec for i, spec in random_planner.specs.items()}
    for context in ({}, {"area": "Office"}):
        for call in random_planner.plan(query, context).calls:
            required = set(specs[call.function].parameters.get("required", []))
            for slot in ("name", "area", "floor"):
                value = call.args.get(slot)  # a required slot falls back to every value
                if call.function.startswith("home.") and isinstance(value, str) and slot not in required:
                    assert mentions(query, value) or (slot == "area" and value == context.get("area")), (query, call)


def random_walk(planner: Planner, query: str, first: str, seed: int,
                context: dict[str, str] | None = None, flat: bool = False) -> list[Any]:
    """Calls from a random path through the answer grammar, starting with `first`
    (`flat`: no nested calls where a span can be copied instead)."""
    vocab = planner.vocab
    assert vocab is not None
    rng = random.Random(seed)
    encoded = planner.backbone.tokenizer(query, add_special_tokens=False, return_offsets_mapping=True)
    request = Request(query, encoded["input_ids"], encoded["offset_mapping"], planner.specs,
                      pointer=True, context=context or {})
    grammar = plan_grammar(vocab, request)
    next(grammar)
    token = vocab.fn_ids[planner.table.index(first)]
    while True:
        try:
            allowed = grammar.send(token)
        except StopIteration as done:
            return list(done.value.calls)
        request.take_feed()
        ends = allowed - {vocab.semi}  # one call is enough here
        options = ends if vocab.fn_end in ends else allowed
        if flat:
            options = {t for t in options if t not in vocab.fn_index} or options
        token = rng.choice(sorted(options))


@pytest.mark.parametrize(("query", "function", "areas"), [
    ("turn on the bedroom lamp", "home.turn_on", set()),
    ("could you turn the kitchen light off", "home.turn_off", set()),
    ("set the office shades to 30 percent", "home.set_position", set()),
    ("set the bedroom lamp to 50 percent", "home.light_set", set()),  # its domain comes before the name
    ("switch the bedroom lamp on in the bedroom", "home.turn_on", {"Bedroom"}),
    ("turn off the kitchen lights", "home.turn_off", {"Kitchen"}),
    ("what's the living room temperature", "home.climate_get_temperature", {"Living Room"}),
])
def test_a_whole_entity_name_is_not_an_area(random_planner: Planner, query: str, function: str,
                                            areas: set[str]) -> None:
    """As Home Assistant's recognizer ranks a name match first: on any path through the
    grammar, "the bedroom lamp" (an entity this function can name) does not mention the
    area Bedroom, and a named entity carries no domain or device class. "The kitchen
    lights" and a sensor's name ("Living Room Temperature") still mention their areas."""
    seen = set()
    for seed in range(60):
        call = random_walk(random_planner, query, function, seed)[-1]  # inner calls come first
        seen.add(call.args.get("area"))
        if "name" in call.args:
            assert not {"domain", "device_class"} & set(call.args), (query, call)
    assert seen - {None} == areas, (query, seen)


def test_calendar_times_come_from_the_request(random_planner: Planner) -> None:
    """On any path through the grammar, a calendar event's start and end are the ones the
    request's words say (spoken.event_times), not digits the model spells."""
    query = "add Standup to my calendar on Dec 3 2026 from 9 to 9:15 am"
    for seed in range(10):
        call = random_walk(random_planner, query, "phone.create_calendar_event", seed)[-1]
        assert (call.args["start_time"], call.args["end_time"]) == ("2026-12-03-09-00", "2026-12-03-09-15")


def test_days_and_hours_are_read_not_made_up(random_planner: Planner) -> None:
    """"on Wednesday" is the next Wednesday after the context's today; a day with no time
    is an all-day event; a request that names no day and no calendar is never given one,
    nor one that says no time an alarm ("wake me up at 6" is 06:00)."""
    context = {"today": "2026-11-30"}  # a Monday
    query = "schedule lunch with Sam on Wednesday at noon for an hour"
    call = random_walk(random_planner, query, "phone.create_calendar_event", 0, context)[-1]
    assert (call.args["start_time"], call.args["end_time"]) == ("2026-12-02-12-00", "2026-12-02-13-00")
    call = random_walk(random_planner, "put Tina's party on my calendar on August 2", "phone.create_calendar_event",
                       0, context)[-1]
    assert (call.args["start_time"], call.args["end_time"]) == ("2027-08-02-00-00", "2027-08-03-00-00")
    def request(text: str) -> Request:
        encoded = random_planner.backbone.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        return Request(text, encoded["input_ids"], encoded["offset_mapping"], random_planner.specs, pointer=True)

    alarm = random_planner.specs[random_planner.table.index("phone.set_timer_alarm")]
    assert not request("I'm heading to bed").offers(alarm)  # what time?
    assert request("I'm heading to bed, set my alarm for 6").offers(alarm)
    call = random_walk(random_planner, "wake me up at 6", "phone.set_timer_alarm", 0)[-1]
    assert call.args["time"] == "06:00"
    timer = random_planner.specs[random_planner.table.index("home.start_timer")]
    assert not request("bathroom mirror light at 60 percent please").offers(timer)  # a timer of what length?
    assert request("set a pasta timer for ten minutes").offers(timer)
    todo = random_planner.specs[random_planner.table.index("home.list_add_item")]
    assert not request("schedule a plumber to come tomorrow").offers(todo)  # which list? none is said
    assert request("put mow the lawn on the chores list").offers(todo)
    spec = random_planner.specs[random_planner.table.index("phone.create_calendar_event")]
    assert not request("turn the nest hub up").offers(spec)
    assert not request("put lunch with Sam on my calendar").offers(spec)  # on which day? none is read
    assert request("put lunch with Sam on my calendar on Friday").offers(spec)
    assert request("turn the nest hub up on Friday").offers(spec)
    # only what takes a day or a time can be scheduled
    assert request("schedule lunch with Sam on Friday at noon").offers(spec)
    for name in ("phone.send_text_message", "home.lawn_mower_start_mowing", "car.start_charging"):
        function = random_planner.specs[random_planner.table.index(name)]
        assert not request("schedule the mower for Saturday at 8 am").offers(function)
        assert request("text Tom, start the mower and start charging").offers(function)


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_does_not_change_with_the_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today's date is read for a calendar event's day, but it is no part of the model's
    prompt: only generated calendar requests carried it there, so on 2026-12-01 "play
    Wednesday ... on the nest hub" also made up a calendar event."""
    import datetime

    import hub.planner.planner as planner_module

    class December(datetime.date):
        @classmethod
        def today(cls) -> datetime.date:
            return datetime.date(2026, 12, 1)

    monkeypatch.setattr(planner_module, "date", December)
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    plan = planner.plan("play Wednesday from Netflix on the nest hub")
    assert [(c.function, c.args) for c in plan.calls] == [
        ("phone.play_video_on_nest_hub", {"video_service": "Netflix", "video_name": "Wednesday"})]
    plan = planner.plan("play Wednesday from Netflix on the nest hub and turn off the kitchen lights")
    assert "phone.create_calendar_event" not in [c.function for c in plan.calls]  # nor clause by clause


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_plans_each_clause() -> None:
    """The shipped model alone stops after the alarm; planned clause by clause the request
    gets both calls, while a clause that refers back ("text it") keeps its nesting."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    query = "set an alarm for 6:15 am and turn on do not disturb"
    plan = planner.plan(query)
    assert sorted(c.function for c in plan.calls) == ["phone.enable_do_not_disturb", "phone.set_timer_alarm"]
    nested = planner.plan("take a selfie and text it to Mom")
    assert any(isinstance(v, dict) and "$ref" in v for c in nested.calls for v in c.args.values()), nested


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    # the model alone lends one clause's number to the other
    ("open the sunroof all the way and set the car volume to 15",
     [("car.adjust_volume", {"set_value": 15}), ("car.operate_sunroof", {"action": "open", "intensity": 100})]),
    # a preamble that asks for nothing, and a break at ", turn"
    ("the baby is asleep, turn off the lights in the kitchen and lock the car",
     [("car.lock_doors", {}), ("home.turn_off", {"area": "Kitchen", "domain": "light"})]),
    # the briefing's request: "text it" is planned with the selfie it refers to
    ("take a selfie with the front camera, text it to Mom, and set the living room to 21 degrees",
     [("home.climate_set_temperature", {"area": "Living Room", "temperature": 21}),
      ("phone.send_text_message", {"contact_name": "Mom", "message": {"$ref": "c1"}}),
      ("phone.take_a_photo", {"camera": "front"})]),
    # a clause that is only an object takes the verb of the clause before it
    ("switch off the desk lamp and the floor lamp",
     [("home.turn_off", {"name": "Desk Lamp"}), ("home.turn_off", {"name": "Floor Lamp"})]),
    # the bedroom of the first clause is not where the second clause's tv is
    ("turn off the bedroom lights and mute the tv",
     [("home.media_player_mute", {"name": "Living Room TV"}), ("home.turn_off", {"area": "Bedroom", "domain": "light"})]),
])
def test_the_shipped_planner_keeps_clauses_apart(query: str, expected: list[Any]) -> None:
    """Planned clause by clause, one clause's words do not end up in another's call."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    plan = planner.plan(query)
    assert sorted(((c.function, c.args) for c in plan.calls), key=repr) == sorted(expected, key=repr)


def test_clause_breaks() -> None:
    """Clauses break at "and"/"then", sentence ends and a "," or ":" before a command, but
    not after an abbreviation, inside a number, nor inside a text that the whole plan
    copied. A clause that ends at a "," or ":" without starting with a command is a remark."""
    from hub.planner.planner import _clauses

    def clauses(query: str, plan: Plan = Plan(calls=[])) -> list[tuple[str, bool]]:
        return [(query[begin:end], remark) for begin, end, remark in _clauses(query, plan)]

    assert clauses("Hey, set an alarm for 5:30 and then turn off the lights") == \
        [("Hey", False), ("set an alarm for 5:30", False), ("turn off the lights", False)]
    assert clauses("the baby is asleep, turn off the tv. Lock the car, close the garage") == \
        [("the baby is asleep", True), ("turn off the tv", False), ("Lock the car", False), ("close the garage", False)]
    assert clauses("text Dr. Lee I'll land at 9 p.m. tonight") == [("text Dr. Lee I'll land at 9 p.m. tonight", False)]
    assert clauses("text Sam hey, how are you") == [("text Sam hey", False), ("how are you", False)]
    copied = Plan(calls=[PlannedCall(id="c1", function="phone.send_text_message",
                                     args={"contact_name": "Sam", "message": "hey, how are you"})])
    assert clauses("text Sam hey, how are you", copied) == [("text Sam hey, how are you", False)]
    assert clauses("a timer for an hour and fifteen minutes, between 4 and 5 pm") == \
        [("a timer for an hour and fifteen minutes, between 4 and 5 pm", False)]
    assert clauses("good night: lock the car") == [("good night", True), ("lock the car", False)]
    assert clauses("text Dr. Patel: I need to reschedule") == [("text Dr. Patel: I need to reschedule", False)]
    # "and say ..." goes on with a message the plan copied
    said = Plan(calls=[PlannedCall(id="c1", function="phone.send_text_message",
                                   args={"contact_name": "Ben", "message": "see you soon"})])
    assert clauses("text Ben and say see you soon", said) == [("text Ben and say see you soon", False)]


@pytest.mark.parametrize(("query", "function", "param", "allowed"), [
    ("take a picture", "phone.take_a_photo", "camera", {None}),
    ("snap a selfie", "phone.take_a_photo", "camera", {"front"}),
    ("route from the train station to the zoo", "phone.find_route_google_maps", "mode", {None, "transit"}),
    ("walking directions from the hotel to the museum", "phone.find_route_google_maps", "mode", {None, "walking"}),
    ("roll up the rear left window by 50 mm", "car.control_window", "position", {"up"}),
    ("crack the front right window 30 mm", "car.control_window", "position", {"down"}),
    ("shut the sunroof", "car.operate_sunroof", "action", {"close"}),
    ("headlines about the budget in German", "phone.get_trending_news", "language", {None, "de"}),
    ("news about the French election", "phone.get_trending_news", "language", {None}),
    ("play some Norah Jones", "home.media_search_and_play", "media_class", {None}),
    ("play the song Yellow", "home.media_search_and_play", "media_class", {None, "track"}),
    # required, and said by no word: the model still chooses
    ("move the passenger seat 20 mm", "car.adjust_seat_position", "position", {"forward", "backward", "up", "down"}),
])
def test_worded_arguments_come_from_the_request(random_planner: Planner, query: str, function: str,
                                                param: str, allowed: set[Any]) -> None:
    """An argument whose schema says how its values are said ("x-words") is given exactly
    when the request says one outside the other arguments' words: "the train station" as
    the origin says no travel mode. Checked on random paths against the training data's
    own (text-based) rule."""
    from hub.planner.data import _words_as_decoded, worded_params

    spec = random_planner.specs[random_planner.table.index(function)]
    worded = {function: worded_params(spec.parameters)}
    for seed in range(30):
        call = random_walk(random_planner, query, function, seed, flat=True)[-1]
        assert call.args.get(param) in allowed, (query, call)
        assert _words_as_decoded(Example(query=query, calls=[call.model_dump()]), worded), call


@pytest.mark.parametrize(("query", "allowed"), [
    ("make the kitchen speaker louder", {"up"}),
    ("turn up the bedroom speaker", {"up"}),
    ("kitchen speaker quieter", {"down"}),
    ("turn the kitchen speaker down by 10", {-10}),
    ("raise the bedroom speaker by 15", {15}),
])
def test_a_volume_step_is_the_direction_or_amount_said(random_planner: Planner, query: str, allowed: set[Any]) -> None:
    """volume_step is a number or "up"/"down": the direction said, or the number "by"
    introduces, negated where the request turns it down."""
    for seed in range(20):
        call = random_walk(random_planner, query, "home.set_volume_relative", seed, flat=True)[-1]
        assert call.args.get("volume_step") in allowed, (query, call)


def test_decoder_step_matches_transformers() -> None:
    """Decoding's written-out decoder step gives transformers' BertModel outputs, token
    chunk by chunk with its cache, over a request with padding masked."""
    from transformers import BertConfig, BertLMHeadModel

    from hub.planner.model import DecoderCache, decoder_step

    torch.manual_seed(0)
    config = BertConfig(vocab_size=50, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                        intermediate_size=64, max_position_embeddings=32, is_decoder=True,
                        add_cross_attention=True)
    bert = BertLMHeadModel(config).eval().bert
    memory = torch.randn(1, 7, 32)
    mask = torch.tensor([[1, 1, 1, 1, 1, 0, 0]])
    embeds = torch.randn(1, 6, 32)
    with torch.inference_mode():
        expected = bert(inputs_embeds=embeds, encoder_hidden_states=memory,
                        encoder_attention_mask=mask).last_hidden_state
        cache = DecoderCache.start(bert, memory, mask)
        got = torch.cat([decoder_step(bert, embeds[:, a:b], cache) for a, b in ((0, 3), (3, 4), (4, 6))], 1)
    assert cache.length == 6
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-4)


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_home_assistants_recognizer_answers_what_the_model_refuses() -> None:
    """The shipped model plans nothing for these, or is unsure; hassil over the live
    inventory reads them as Home Assistant would. Its reading of a question that no home
    function serves ("who is the CEO of Microsoft": a state that is no state) does not
    validate."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    query = "switch on the coffee maker"
    assert not planner._constrained(query, (query, None), {})[0].calls
    plan = planner.plan(query)
    assert [(c.function, c.args) for c in plan.calls] == [("home.turn_on", {"name": "Coffee Maker"})]
    assert planner.plan("who is the CEO of Microsoft").calls == []
    # unsure (the car's climate), and a clause the model refuses
    assert [(c.function, c.args) for c in planner.plan("turn the bedroom heater off").calls] == \
        [("home.turn_off", {"name": "Bedroom Heater"})]
    assert [(c.function, c.args) for c in planner.plan("switch on the coffee maker, then unlock the car").calls] == \
        [("home.turn_on", {"name": "Coffee Maker"}), ("car.unlock_doors", {})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("shoot a text to Leo saying don't wait up, I'll be home late",
     ("phone.send_text_message", {"contact_name": "Leo", "message": "don't wait up, I'll be home late"})),
    ("email bob@work.com subject Status update saying the build is green again",
     ("phone.send_email", {"recipient": "bob@work.com", "title": "Status update", "content": "the build is green again"})),
])
def test_the_shipped_planner_reads_marked_values(query: str, expected: tuple[str, dict[str, Any]]) -> None:
    """A subject or body introduced by its marker is read from there, and no other
    argument may take its words (the model alone makes "Leo saying don't wait up, I'll"
    the contact, and the subject "update saying the build is green")."""
    assert shipped_calls(query) == [expected]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("walking route from the hostel to the old town square please", ("phone.find_route_google_maps", {
        "origin": "the hostel", "destination": "the old town square", "mode": "walking"})),
    ("plan a route from the airport to our hotel by bus", ("phone.find_route_google_maps", {
        "origin": "the airport", "destination": "our hotel", "mode": "transit"})),
    ("directions from the stadium to the pizza place on google maps", ("phone.find_route_google_maps", {
        "origin": "the stadium", "destination": "the pizza place"})),
    ("navigate to the Chevron on Elm Street right now", ("car.navigate_to", {"destination": "the Chevron on Elm Street"})),
])
def test_the_shipped_planner_reads_places_from_their_markers(query: str, expected: tuple[str, dict[str, Any]]) -> None:
    """A route's origin follows "from" and its destination "to", up to how one travels or
    a closing word. The model alone swaps them ("from the stadium to the pizza place"),
    or takes "bus" or "Elm Street" for the destination."""
    assert shipped_calls(query) == [expected]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "args"), [
    ("set a timer for an hour and twenty minutes", {"hours": 1, "minutes": 20}),
    ("three and a half minute timer please", {"minutes": 3, "seconds": 30}),
])
def test_the_shipped_planner_reads_timer_durations(query: str, args: dict[str, int]) -> None:
    """A duration said plainly fills the timer slots as Home Assistant splits it (the
    model alone gives hours 20 and minutes 30 for the first)."""
    assert shipped_calls(query) == [("home.start_timer", args)]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("take 10 seconds off the timer", ("home.decrease_timer", {"seconds": 10})),
    ("set a timer for 3 hours", ("home.start_timer", {"hours": 3})),
    ("start a 12 minute timer for the cookies", ("home.start_timer", {"minutes": 12, "name": "cookies"})),
    ("turn off the porch light in 20 minutes", ("home.start_timer", {
        "minutes": 20, "conversation_command": "turn off the porch light"})),
])
def test_the_shipped_planner_names_timers_as_home_assistant_does(query: str, expected: tuple[str, dict[str, Any]]) -> None:
    """A timer's name and its delayed command are only what Home Assistant's templates
    read ("the pizza timer", "<command> in 20 minutes"): the model alone names the first
    timer "take" and the second "set a timer"."""
    assert shipped_calls(query) == [expected]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_reads_floor_aliases_from_the_inventory() -> None:
    """"downstairs" is the floor the inventory gives that alias (Home Assistant's floor
    aliases), not any floor: the model alone picks the Basement. A home whose floors have
    no aliases gets no floor from it."""
    planner = Planner.load()
    manifests = builtin_manifests(["phone", "car", "home"])
    planner.use_manifests(manifests)
    assert [(c.function, c.args) for c in planner.plan("turn the downstairs lights on").calls] == \
        [("home.turn_on", {"floor": "Ground Floor", "domain": "light"})]
    home = next(m for m in manifests if m.kind == "home")
    for spec in home.functions:
        spec.parameters.get("properties", {}).get("floor", {}).pop("x-aliases", None)
    for floor in home.inventory["floors"]:
        floor.pop("aliases", None)
    planner.use_manifests(manifests)
    assert all("floor" not in c.args for c in planner.plan("turn the downstairs lights on").calls)


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_ranks_a_named_list_first_as_home_assistant_does() -> None:
    """"add milk to my shopping list" fills the name slot of the home's to-do list named
    Shopping List, as hassil reads it (it ranks a reading with a name first); the model
    alone plans HassShoppingListAddItem. A list the request does not name stays as it is."""
    from hub.planner.home_data import default_inventory, hassil_recognize

    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    query = "add milk to my shopping list"
    assert hassil_recognize(query, default_inventory(), {}) == ("HassListAddItem", {"item": "milk", "name": "Shopping List"})
    assert [(c.function, c.args) for c in planner.plan(query).calls] == \
        [("home.list_add_item", {"item": "milk", "name": "Shopping List"})]
    plan = planner._named_lists("remember to buy milk", Plan(calls=[
        PlannedCall(id="c1", function="home.shopping_list_add_item", args={"item": "milk"})]))
    assert [(c.function, c.args) for c in plan.calls] == [("home.shopping_list_add_item", {"item": "milk"})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_passes_one_result_on_twice() -> None:
    """A second clause that refers back ("..., text it to Dad and email it to ...") is
    planned with the clause both refer to, and the call they share is made once: the
    whole request read at once drops the e-mail."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    calls = planner.plan("check the car status, text it to Dad and email it to dad@home.org").calls
    assert [c.function for c in calls] == ["car.get_vehicle_status", "phone.send_text_message", "phone.send_email"]
    assert calls[1].args["message"] == {"$ref": "c1"} and calls[2].args["content"] == {"$ref": "c1"}
    assert calls[1].args["contact_name"] == "Dad" and calls[2].args["recipient"] == "dad@home.org"


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("put milk, bread and cheese on the shopping list", [
        ("home.list_add_item", {"item": item, "name": "Shopping List"}) for item in ("milk", "bread", "cheese")]),
    ("add eggs and butter to the shopping list", [  # one clause: the whole plan's item is split
        ("home.list_add_item", {"item": item, "name": "Shopping List"}) for item in ("eggs", "butter")]),
    ("turn on the lights in the kitchen and the hallway", [
        ("home.turn_on", {"area": area, "domain": "light"}) for area in ("Kitchen", "Hallway")]),
    ("roll down the front left and front right windows 100 mm each", [
        ("car.control_window", {"window": w, "position": "down", "distance": 100}) for w in ("front left", "front right")]),
    ("take a selfie and send it to Anna and to Ben", [
        ("phone.take_a_photo", {"camera": "front"}),
        ("phone.send_text_message", {"contact_name": "Anna", "message": {"$ref": "c1"}}),
        ("phone.send_text_message", {"contact_name": "Ben", "message": {"$ref": "c1"}})]),
])
def test_the_shipped_planner_plans_each_of_several_objects(query: str, expected: list[tuple[str, dict[str, Any]]]) -> None:
    """A coordination of objects stands for one request per object, sharing the verb and
    what follows the last object. The model alone turns the Hallway's covers on, opens
    the first window 500 mm, and navigates to Ben."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("square root of 144", []),
    ("only charge the car to 90%", [("car.set_charge_limit", {"percent": 90})]),
])
def test_the_shipped_planner_leans_on_the_nearest_training_requests(query: str, expected: list[Any]) -> None:
    """The first choice adds a prior from the nearest training requests (neighbours.py):
    without it the model moves the driver's seat 144 mm back for the first and stops
    charging for the second. (It asked for the weather in "what's the tallest building",
    and cancelled the timer for "shorten my timer by a minute", which cue words now rule out.)"""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    assert planner.neighbours is not None
    assert [(c.function, c.args) for c in planner.plan(query).calls] == expected
    planner.neighbours = None
    assert [(c.function, c.args) for c in planner.plan(query).calls] != expected


def test_neighbours_prior_favours_what_the_nearest_requests_chose(tmp_path: Path) -> None:
    """The prior is highest for the label of the nearest requests, lowest for a label none
    of them has; it survives a save and load (int8 on disk)."""
    import torch

    from hub.planner.neighbours import NO_CALL, Neighbours

    embeddings = torch.nn.functional.normalize(torch.tensor(
        [[1.0, 0.0, 0.0], [0.9, 0.1, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]), dim=-1)
    bank = Neighbours(embeddings, ["home.turn_on", "home.turn_on", "home.turn_off", NO_CALL])
    bank.save(tmp_path)
    loaded = Neighbours.load(tmp_path)
    assert loaded is not None and loaded.labels == bank.labels
    query = torch.nn.functional.normalize(torch.tensor([1.0, 0.05, 0.0]), dim=-1)
    prior = loaded.prior(query, ["home.turn_on", "home.turn_off", NO_CALL, "car.honk_horn"])
    assert prior[0] > prior[1] and prior[0] > prior[2] and prior[3] <= prior.min() + 1e-6
    assert torch.allclose(loaded.embeddings, bank.embeddings, atol=0.01)
    assert Neighbours.load(tmp_path / "nowhere") is None


def test_a_forecast_for_no_place_is_the_homes_weather_or_a_misreading() -> None:
    """Words that name no place ("today", "it", "'s") are the home's weather, and beside
    another weather call a misreading; a call planned twice is made once (a look-up whose
    result is taken, too)."""
    from hub.planner.planner import _weather_here, _without_repeats

    def plan(*calls: tuple[str, dict[str, Any]]) -> Plan:
        return Plan(calls=[PlannedCall(id=f"c{i + 1}", function=f, args=a) for i, (f, a) in enumerate(calls)])

    live = ["phone.get_weather_forecast", "home.get_weather", "phone.send_text_message"]
    forecast = "phone.get_weather_forecast"
    assert [(c.function, c.args) for c in _weather_here(plan((forecast, {"location": "today"})), live).calls] == [
        ("home.get_weather", {})]
    both = _weather_here(plan((forecast, {"location": "Denver"}), (forecast, {"location": "'s"})), live)
    assert [(c.function, c.args) for c in both.calls] == [(forecast, {"location": "Denver"})]
    here = _weather_here(plan((forecast, {"location": "here"}), (forecast, {"location": "Denver"})), live)
    assert [(c.function, c.args) for c in here.calls] == [("home.get_weather", {}), (forecast, {"location": "Denver"})]
    there = _weather_here(plan((forecast, {"location": "there"})), live)  # a place said before
    assert [(c.function, c.args) for c in there.calls] == [(forecast, {"location": "there"})]
    kept = _weather_here(plan((forecast, {"location": "Santa Fe"})), live)
    assert [(c.function, c.args) for c in kept.calls] == [(forecast, {"location": "Santa Fe"})]
    twice = plan((forecast, {"location": "Denver"}), (forecast, {"location": "Denver"}))
    assert len(_without_repeats(twice).calls) == 1
    fed = plan((forecast, {"location": "Denver"}), (forecast, {"location": "Denver"}),
               ("phone.send_text_message", {"contact_name": "Bo", "message": {"$ref": "c2"}}))
    # the second one's result is used: it is looked up once, and the text takes that one
    assert [(c.function, c.args) for c in _without_repeats(fed).calls] == [
        (forecast, {"location": "Denver"}), ("phone.send_text_message", {"contact_name": "Bo", "message": {"$ref": "c1"}})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("find youtube clips of dogs surfing in hawaii", ("phone.search_youtube_videos", {"query": "dogs surfing in hawaii"})),
    ("make an announcement: shoes off at the door", ("home.broadcast", {"message": "shoes off at the door"})),
])
def test_the_shipped_planner_reads_topics_and_announcements_from_their_markers(
        query: str, expected: tuple[str, dict[str, Any]]) -> None:
    """A search follows "clips of", "for" or "about", and an announcement a ":": the model
    alone drops "in hawaii" and announces "an announcement: ..."."""
    assert shipped_calls(query) == [expected]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_converts_a_distance_said_in_centimetres() -> None:
    """A seat moves in millimetres: "3 centimeters" is 30, where the model alone writes 3."""
    assert shipped_calls("slide the passenger seat forward 4 centimeters") == \
        [("car.adjust_seat_position", {"seat": "passenger", "position": "forward", "distance": 40})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_passes_on_what_a_back_reference_means() -> None:
    """"text the status to Sam" passes on the smoke detector's status: the model alone
    plans one more call (the car's status) and passes that on instead."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    calls = planner.plan("look at the smoke detector and text the status to Sam").calls
    assert [(c.function, c.args) for c in calls] == [
        ("phone.check_nest_smoke_detector_status", {}),
        ("phone.send_text_message", {"contact_name": "Sam", "message": {"$ref": "c1"}})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "args"), [
    ("is the front door open", {"name": "Front Door", "domain": "binary_sensor", "device_class": "door", "state": "on"}),
    ("is the back door locked", {"name": "Back Door Lock", "domain": "lock", "state": "locked"}),
    ("is the garage door closed", {"name": "Garage Door", "state": "closed"}),
])
def test_the_shipped_planner_asks_about_a_named_entity_as_home_assistant_does(query: str, args: dict[str, Any]) -> None:
    """A state question names its one entity, with the slots Home Assistant's templates fill
    for its domain: a door sensor's domain, class and "on" for open. The model alone asks
    about a light "open", and about the kitchen window as a cover."""
    assert shipped_calls(query) == [("home.get_state", args)]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_acts_only_on_entities_the_function_can_name() -> None:
    """intents.json says which domains turn_off names: no door sensor, so "unlock the front
    door" unlocks the Front Door Lock, not the Front Door sensor (as the model alone did).
    A state question may still name the sensor."""
    home = builtin_manifests(["home"])[0]
    names = {f.name: f.parameters["properties"]["name"]["enum"] for f in home.functions
             if "enum" in f.parameters.get("properties", {}).get("name", {})}
    assert "Front Door" not in names["turn_off"] and "Front Door Lock" in names["turn_off"]
    assert "Front Door" in names["get_state"] and "Guest Mode" in names["get_state"]
    assert shipped_calls("unlock the front door for me") == \
        [("home.turn_off", {"name": "Front Door Lock"})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_does_not_act_on_a_remark_the_next_clause_answers() -> None:
    """"the kids in the back are too hot, set the rear temp to 66": the remark sets the
    scene; read together, the model also plans it as a second temperature (74)."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    assert [(c.function, c.args) for c in planner.plan("the kids in the back are too hot, set the rear temp to 66").calls] \
        == [("car.set_climate_temperature", {"zone": "rear", "temperature": 66})]


def test_a_noun_phrase_with_of_is_no_back_reference() -> None:
    """"check the status of the garage door" names what to check; "text the status to Sam"
    passes a result on."""
    from hub.planner.planner import BACK_REFERENCE

    assert not BACK_REFERENCE.search("check the status of the garage door")
    assert BACK_REFERENCE.search("text the status to Sam")


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "args"), [
    ("car audio volume to twelve", {"set_value": 12}),
    ("car volume down 8", {"volume_diff": -8}),
])
def test_the_shipped_planner_sets_or_changes_the_car_volume_as_said(query: str, args: dict[str, int]) -> None:
    """"to twelve" sets the volume and "down 8" lowers it by 8; the model alone changes it
    by 12 and sets it to 8."""
    assert shipped_calls(query) == [("car.adjust_volume", args)]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("text Jordan I'm on my way", [("phone.send_text_message", {"contact_name": "Jordan", "message": "I'm on my way"})]),
    ("close the garage door and text Ray the garage is shut",
     [("home.turn_off", {"name": "Garage Door"}),
      ("phone.send_text_message", {"contact_name": "Ray", "message": "the garage is shut"})]),
])
def test_the_shipped_planner_reads_a_contact_where_it_is_written(query: str, expected: list[Any]) -> None:
    """The capitalized name after "text" is the contact and the rest its message; the model
    alone texts "my" the words "I'm on", and "Ray the garage" the word "shut"."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "context", "expected"), [
    ("what's the forecast in Nashville? send that to Kayla", None,
     [("phone.get_weather_forecast", {"location": "Nashville"}),
      ("phone.send_text_message", {"contact_name": "Kayla", "message": {"$ref": "c1"}})]),
    ("where's the car? tell Jess by text", None,
     [("car.get_vehicle_status", {}), ("phone.send_text_message", {"contact_name": "Jess", "message": {"$ref": "c1"}})]),
    ("are the lights on in here? let Mom know by text", {"area": "Kitchen"},
     [("home.get_state", {"area": "Kitchen", "domain": "light", "state": "on"}),
      ("phone.send_text_message", {"contact_name": "Mom", "message": {"$ref": "c1"}})]),
])
def test_the_shipped_planner_passes_a_result_on_where_planning_together_did_not(
        query: str, context: dict[str, str] | None, expected: list[Any]) -> None:
    """Planned together, the model texts the weather only, or texts the words "tell" and
    "let"; each part planned alone, the text takes the first part's result. "in here" is
    the asking device's area (Home Assistant's <here>), which the model alone leaves out."""
    assert shipped_calls(query, context) == expected


def test_a_passed_on_argument_is_replaced_only_where_it_holds_no_words_of_its_own() -> None:
    from hub.planner.planner import _left_over

    assert _left_over("let", "let Mom know by text") and _left_over("the answer", "text the answer to Dad")
    assert not _left_over("it's raining", "text Mom that it's raining")


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize("query", ["turn off the porch light", "hey, turn off the porch light"])
def test_the_shipped_planner_ranks_a_whole_entity_name_first(query: str) -> None:
    """Home Assistant reads "turn off the porch light" as that light by name; the model
    alone turns off every light."""
    assert shipped_calls(query) == [("home.turn_off", {"name": "Porch Light"})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_plans_nothing_for_a_class_of_devices_the_home_lacks(tmp_path: Path) -> None:
    """The default home has no window covers: "open the kitchen window" is served by
    nothing (the model alone opens the Kitchen's window covers). A home that has one gets
    the call, without retraining."""
    import yaml

    from devices.home import DEFAULT_INVENTORY, Home

    planner = Planner.load()
    manifests = builtin_manifests(["phone", "car", "home"])
    planner.use_manifests(manifests)
    assert planner.plan("open the kitchen window").calls == []
    assert [c.function for c in planner.plan("close the blinds in the living room").calls] == ["home.turn_off"]
    home = yaml.safe_load(Path(DEFAULT_INVENTORY).read_text())
    home["entities"].append({"name": "Kitchen Window", "id": "cover.kitchen_window", "area": "kitchen",
                             "state": "closed", "attributes": {"device_class": "window"}})
    path = tmp_path / "home.yaml"
    path.write_text(yaml.safe_dump(home))
    planner.use_manifests(manifests[:2] + [Home("home-1", inventory_path=path).manifest()])
    assert [c.function for c in planner.plan("open the kitchen window").calls] == ["home.turn_on"]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_reads_an_event_title_after_its_verb() -> None:
    """The model alone titles the event "Dentist on my calendar on April 9 2026 from 11 am"."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    calls = planner.plan("what's the date today, and put Dentist on my calendar on April 9 2026 from 11 am to noon").calls
    assert [(c.function, c.args.get("title")) for c in calls] == [
        ("home.get_current_date", None), ("phone.create_calendar_event", "Dentist")]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_reads_what_to_play_and_from_where() -> None:
    """The model alone plays "the nest" from peacock."""
    assert shipped_calls("put The Office on the nest hub from peacock") == [
        ("phone.play_video_on_nest_hub", {"video_service": "peacock", "video_name": "The Office"})]


def test_an_entity_is_also_recognized_by_the_word_that_singles_it_out() -> None:
    """Home Assistant's recognizer reads "the tv" as the Living Room TV once the entity has
    that alias; the one word that singles it out serves as one. A class ("the blinds")
    never does: Home Assistant reads it as every blind."""
    from hub.planner.home_data import default_inventory, hassil_recognize

    home = default_inventory()
    assert hassil_recognize("turn the sprinkler on", home) == ("HassTurnOn", {"name": "Garden Sprinkler"})
    assert hassil_recognize("tv on please", home) == ("HassTurnOn", {"name": "Living Room TV"})
    assert hassil_recognize("close the blinds in the living room", home) == (
        "HassTurnOff", {"device_class": "blind", "area": "Living Room", "domain": "cover"})
    # a lock by what it locks, the garage door by its garage; "the garage" is no light
    assert hassil_recognize("unlock the back door", home) == ("HassTurnOff", {"name": "Back Door Lock"})
    assert hassil_recognize("close the garage", home) == ("HassTurnOff", {"name": "Garage Door"})
    assert hassil_recognize("turn off the garage", home) is None
    assert hassil_recognize("turn on the sprinklers", home) == ("HassTurnOn", {"name": "Garden Sprinkler"})


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("unlock the back door", [("home.turn_off", {"name": "Back Door Lock"})]),
    ("open the trunk and the garage", [("car.open_trunk", {}), ("home.turn_on", {"name": "Garage Door"})]),
    ("unlock the car", [("car.unlock_doors", {})]),
    ("start the sprinklers", [("home.turn_on", {"name": "Garden Sprinkler"})]),
    ("please run the coffee maker", [("home.turn_on", {"name": "Coffee Maker"})]),
    ("stop the tv", [("home.media_pause", {"name": "Living Room TV"})]),
    ("did someone leave the garage door open?", [("home.get_state", {"name": "Garage Door", "state": "open"})]),
    ("add limes and mint to the shopping list", [("home.list_add_item", {"item": "limes", "name": "Shopping List"}),
                                                 ("home.list_add_item", {"item": "mint", "name": "Shopping List"})]),
])
def test_the_shipped_planner_acts_on_the_home_entity_a_request_names(query: str, expected: list[Any]) -> None:
    """The model alone unlocks the car's doors, opens no garage (the class it picks, a
    gate, the home lacks), mows for "the sprinklers" and refuses the coffee maker: Home
    Assistant's recognizer names the home's lock, garage door, sprinkler and switch
    ("start" and "stop" turn on and off only what runs: a tv stops by pausing; "did someone
    leave X open" is its "is X open")."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_turns_on_the_tv() -> None:
    """The model alone refuses "turn on the tv" (its negatives change TV channels)."""
    assert shipped_calls("turn on the tv") == [
        ("home.turn_on", {"name": "Living Room TV"})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("stop charging the car and unlock it", [("car.stop_charging", {}), ("car.unlock_doors", {})]),
    ("raise the passenger seat 10 mm and move it forward 20 mm",
     [("car.adjust_seat_position", {"seat": "passenger", "position": "up", "distance": 10}),
      ("car.adjust_seat_position", {"seat": "passenger", "position": "forward", "distance": 20})]),
    ("did I lock my car? lock it just in case", [("car.lock_doors", {})]),  # one thing, done once
])
def test_the_shipped_planner_reads_it_as_the_thing_acted_on(query: str, expected: list[Any]) -> None:
    """An "it" that passes no result on is what the clause before acts on: planned
    together, the model drops the second clause."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("turn off the lights in the kids room", [("home.turn_off", {"area": "Kids Room", "domain": "light"})]),
    ("turn on the lights upstairs and downstairs",
     [("home.turn_on", {"floor": "First Floor", "domain": "light"}),
      ("home.turn_on", {"floor": "Ground Floor", "domain": "light"})]),
    ("check the weather in Boston and in New York",
     [("phone.get_weather_forecast", {"location": "Boston"}), ("phone.get_weather_forecast", {"location": "New York"})]),
])
def test_the_shipped_planner_acts_on_each_place_said(query: str, expected: list[Any]) -> None:
    """A place said is filled, as Home Assistant fills it (the model alone leaves out the
    Kids Room); a clause that is only a place ("and downstairs", "and in New York") is the
    clause before, said of that place."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("rear right window down two hundred fifty millimeters",
     ("car.control_window", {"window": "rear right", "position": "down", "distance": 250})),
    ("my back is cold, driver seat heat to three", ("car.set_seat_heating", {"seat": "driver", "level": 3})),
])
def test_the_shipped_planner_takes_the_window_or_seat_said(query: str, expected: tuple[str, dict[str, Any]]) -> None:
    """The model alone takes the rear left window and the rear left seat."""
    assert shipped_calls(query) == [expected]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_reads_what_a_home_speaker_plays() -> None:
    """The model alone searches for "the movie"; Home Assistant's media class is the word
    before the title."""
    assert shipped_calls("play the movie Up on the tv") == [
        ("home.media_search_and_play", {"name": "Living Room TV", "search_query": "Up", "media_class": "movie"})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "function"), [
    ("continue playing the music", "home.media_unpause"),
    ("chores: sweep the patio", "home.list_add_item"),
    ("head to the Whole Foods on 5th Avenue", "car.navigate_to"),  # a route says where from
    ("hold the pasta timer", "home.pause_timer"),  # no timer is cancelled without a word for it
    ("raise the volume in the living room by 15", "home.set_volume_relative"),  # the car's needs the car said
])
def test_the_shipped_planner_does_not_choose_a_function_its_cue_words_are_missing_from(query: str, function: str) -> None:
    """The model alone pauses the music, completes the chore, finds a route from "head",
    cancels the pasta timer and turns the car's volume up."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    assert [c.function for c in planner.plan(query).calls] == [function]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize("query", ["open the glovebox", "turn on the seat ventilation for the driver", "enable sentry mode",
                                   "how do I reset the robot vacuum", "every night at 11 turn off the porch light",
                                   "switch off the lights in the sewing room"])
def test_the_shipped_planner_refuses_what_no_function_names(query: str) -> None:
    """Without a trunk, a seat heat or do not disturb said, the model alone opens the
    trunk, heats the seat and silences the phone; asked how, it starts the vacuum;
    asked for an automation, it acts once; in a room the home lacks, on the whole home."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    assert planner.plan(query).calls == []


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_copies_a_capitalized_name_whole() -> None:
    """The model alone connects to "Bose SoundLink"."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    calls = planner.plan("connect to Bose SoundLink Flex and set the phone's media volume to 7").calls
    assert calls[0].function == "phone.connect_to_bluetooth_device"
    assert calls[0].args["device_name"] == "Bose SoundLink Flex"


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("message Leah and say the kids are asleep",
     ("phone.send_text_message", {"contact_name": "Leah", "message": "the kids are asleep"})),
    ("text Marco and say see you at the game",
     ("phone.send_text_message", {"contact_name": "Marco", "message": "see you at the game"})),
    ("use the front cam and snap a pic", ("phone.take_a_photo", {"camera": "front"})),
])
def test_the_shipped_planner_reads_one_request_said_in_two_clauses_as_one_call(
        query: str, expected: tuple[str, dict[str, Any]]) -> None:
    """"and say ..." goes on with the text's message, and "snap a pic" repeats what "use the
    front cam" asked: planned clause by clause, each made a call of its own."""
    assert shipped_calls(query) == [expected]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("heading out: lock the back door and unlock the car",
     [("home.turn_on", {"name": "Back Door Lock"}), ("car.unlock_doors", {})]),
    ("vacuum the kitchen while we're at dinner and lock the front door",
     [("home.vacuum_clean_area", {"area": "Kitchen"}), ("home.turn_on", {"name": "Front Door Lock"})]),
    ("navigate to Central Station and broadcast dad is on his way",
     [("car.navigate_to", {"destination": "Central Station"}), ("home.broadcast", {"message": "dad is on his way"})]),
])
def test_the_shipped_planner_takes_the_clauses_it_is_sure_of(query: str, expected: list[Any]) -> None:
    """A remark before ":" is only a remark, and one that leaves the model unsure of the
    clause it precedes is dropped; clauses that each surely plan a call of their own are
    planned so, though planning them together made more calls (a timer "while we're at
    dinner", a route as well as the navigation)."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_mends_a_slip_but_copies_words_as_written() -> None:
    """The model alone closes every shade for "the ofice shades" and turns the light on
    for "turn of"; a text keeps the user's own spelling."""
    assert shipped_calls("close the ofice shades") == [
        ("home.turn_off", {"name": "Office Shades"})]
    assert shipped_calls("turn of the garage light") == [
        ("home.turn_off", {"name": "Garage Light"})]
    assert shipped_calls("text Mom the coffe is ready") == [
        ("phone.send_text_message", {"contact_name": "Mom", "message": "the coffe is ready"})]
    # a word the user also wrote right is never turned back into the slip
    calls = _shipped().plan("text Mom the coffee is ready and turn off the coffe maker").calls
    assert [c.args.get("message") for c in calls if c.function == "phone.send_text_message"] == ["the coffee is ready"]


def test_a_turn_of_the_road_is_no_slip() -> None:
    from hub.planner.planner import _clean

    assert _clean("turn of the garage light") == "turn off the garage light"
    assert _clean("text Mom I missed the turn of the road") == "text Mom I missed the turn of the road"


def test_a_copied_text_neither_starts_nor_ends_at_a_comma() -> None:
    query = 'email Jo, subject "Hi", ok'
    offsets = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", query)]
    starts, ends = Request(query, list(range(len(offsets))), offsets, {}).bounds
    pieces = [query[a:b] for a, b in offsets]
    assert [p for p, ok in zip(pieces, starts) if ok] == ["email", "Jo", "subject", '"', "Hi", '"', "ok"]
    assert [p for p, ok in zip(pieces, ends) if ok] == ["email", "Jo", "subject", '"', "Hi", '"', "ok"]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("let Omar know by text whether the garage door is open",
     [("home.get_state", {"name": "Garage Door", "state": "open"}),
      ("phone.send_text_message", {"contact_name": "Omar", "message": {"$ref": "c1"}})]),
    ("announce today's date to everyone",
     [("home.get_current_date", {}), ("home.broadcast", {"message": {"$ref": "c1"}})]),
    ("text Ray the garage is shut",  # says, asks nothing
     [("phone.send_text_message", {"contact_name": "Ray", "message": "the garage is shut"})]),
])
def test_the_shipped_planner_passes_on_the_answer_a_message_asks_for(query: str, expected: list[Any]) -> None:
    """The model alone texts Omar "whether the garage door" and announces "today"."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "topic"), [
    ("search youtube for sourdough shaping and put it on the nest hub", "sourdough shaping"),
    ("find a youtube video of baby otters and play the first result on the nest hub", "baby otters"),
])
def test_the_shipped_planner_plays_what_a_youtube_search_found(query: str, topic: str) -> None:
    assert shipped_calls(query) == [
        ("phone.search_youtube_videos", {"query": topic}),
        ("phone.play_video_on_nest_hub", {"video_service": "youtube", "video_name": {"$ref": "c1"}})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("turn the bedroom speaker down a little", ("home.set_volume_relative", {"volume_step": "down", "name": "Bedroom Speaker"})),
    ("turn the kitchen speaker up", ("home.set_volume_relative", {"volume_step": "up", "name": "Kitchen Speaker"})),
])
def test_the_shipped_planner_turns_a_speaker_up_or_down_in_volume(query: str, expected: tuple[str, dict[str, Any]]) -> None:
    """"up" and "down" alone turn nothing on or off (the model alone turns the speaker off
    or on); Home Assistant's recognizer hears "turn the tv down" as "turn down the tv volume"."""
    assert shipped_calls(query) == [expected]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("cross apples off my shopping list", [("home.list_complete_item", {"item": "apples", "name": "Shopping List"})]),
    ("mark dust the shelves as done on my chores list",
     [("home.list_complete_item", {"item": "dust the shelves", "name": "Chores"})]),
])
def test_the_shipped_planner_completes_an_item_marked_done(query: str, expected: list[Any]) -> None:
    """The model alone adds the item it was told is done."""
    assert shipped_calls(query) == expected


@pytest.mark.parametrize(("items", "expected"), [
    (["eggs, milk and bread"], ["eggs", "milk", "bread"]),
    (["mac and cheese", "half and half"], ["mac and cheese", "half and half"]),
    (["mac and cheese and milk"], ["mac and cheese", "milk"]),
    (["oat milk"], ["oat milk"]),
    (["Mac And Cheese"], ["Mac And Cheese"]),
    (["1,000 count napkins"], ["1,000 count napkins"]),
    (["wash and dry the dishes"], ["wash and dry the dishes"]),  # one chore
    (["call Mom and Dad"], ["call Mom and Dad"]),
    (["mop the floors and fold laundry"], ["mop the floors", "fold laundry"]),
])
def test_each_listed_item_is_its_own_call(items: list[str], expected: list[str]) -> None:
    """A list call whose item joins several things becomes one call per thing, numbered
    in order; an "and" inside one thing's name ("mac and cheese") is no join."""
    from hub.planner.planner import _each_item

    plan = Plan(calls=[PlannedCall(id=f"c{n + 1}", function="home.list_add_item", args={"item": item, "name": "Chores"})
                       for n, item in enumerate(items)] + [
        PlannedCall(id=f"c{len(items) + 1}", function="home.turn_off", args={"domain": "light"})])
    calls = _each_item(plan).calls
    assert [c.args.get("item") for c in calls] == [*expected, None]
    assert [c.id for c in calls] == [f"c{n + 1}" for n in range(len(expected) + 1)]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    # a place said after a name is filled with it, as Home Assistant's "<name> in <area>" does
    ("switch on the ceiling light in the living room", [("home.turn_on", {"name": "Ceiling Light", "area": "Living Room"})]),
    ("turn off the bedroom lamp", [("home.turn_off", {"name": "Bedroom Lamp"})]),
    ("switch on the dehumidifier in the laundry room", []),  # the model alone opens the curtains
    # "in there" is the place the clause before said
    # "turn it up" turns the speaker up: it passes no result on
    ("skip to the next track on the kitchen speaker and turn it up", [
        ("home.media_next", {"name": "Kitchen Speaker"}),
        ("home.set_volume_relative", {"volume_step": "up", "name": "Kitchen Speaker"})]),
    ("turn on the lights in the office and close the blinds in there", [
        ("home.turn_on", {"area": "Office", "domain": "light"}),
        ("home.turn_off", {"area": "Office", "domain": "cover", "device_class": "blind"})]),
])
def test_the_shipped_planner_fills_the_place_said(query: str, expected: list[tuple[str, dict[str, Any]]]) -> None:
    """The model alone leaves the living room out, and closes the Living Room Blinds."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_class_call_is_served_only_when_the_request_says_the_class() -> None:
    """A home call on a class of devices is kept when the request says the class, dropped
    when it does not; light_set's domain is never said ("the kitchen brightness to 50%")."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    lights = Plan(calls=[PlannedCall(id="c1", function="home.turn_on", args={"area": "Kitchen", "domain": "light"})])
    assert planner._served(lights, "turn on the lights in the kitchen").calls
    assert not planner._served(lights, "switch on the dehumidifier in the kitchen").calls
    brightness = Plan(calls=[PlannedCall(id="c1", function="home.light_set",
                                         args={"area": "Kitchen", "domain": "light", "brightness": 50})])
    assert planner._served(brightness, "set the kitchen brightness to 50%").calls


def test_encoder_states_are_reused_within_bounds(random_planner: Planner) -> None:
    """A prompt read twice is encoded once (the same tensors come back), and a caller that
    never empties the store keeps it bounded."""
    from hub.planner.model import MAX_ENCODED

    backbone = random_planner.backbone
    backbone.encoded.clear()
    first = backbone.start(("turn on the lights", None))
    assert backbone.start(("turn on the lights", None)).memory is first.memory
    for n in range(MAX_ENCODED + 5):
        backbone.start((f"turn on lamp {n}", None))
    assert len(backbone.encoded) <= MAX_ENCODED


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("send lisa_k@outlook.com an email with the subject Party that says bring chips and salsa",
     {"recipient": "lisa_k@outlook.com", "title": "Party", "content": "bring chips and salsa"}),
    ("compose an email to j.smith@univ.edu subject Office hours and write can we meet thursday at 2",
     {"recipient": "j.smith@univ.edu", "title": "Office hours", "content": "can we meet thursday at 2"}),
    ("send an email to sarah.jones@gmail.com with the subject Quarterly report and say the numbers are attached",
     {"recipient": "sarah.jones@gmail.com", "title": "Quarterly report", "content": "the numbers are attached"}),
    # "Subject:" labels the e-mail's next argument: no new clause
    ("Please email team@startup.io. Subject: Standup moved. Content: standup is at 10:30 tomorrow instead of 9.",
     {"recipient": "team@startup.io", "title": "Standup moved", "content": "standup is at 10:30 tomorrow instead of 9"}),
    # its nearest training requests are "write a birthday poem": an address says it is no chit-chat
    ("write an email to dad.miller@yahoo.com, subject happy birthday, message hope you have a great day",
     {"recipient": "dad.miller@yahoo.com", "title": "happy birthday", "content": "hope you have a great day"}),
])
def test_the_shipped_planner_sends_one_email_and_nothing_else(query: str, expected: dict[str, Any]) -> None:
    """An e-mail's words are its own: no broadcast reads its "that says ..." again, no
    call carries "an email" as its text, and "and write ..." goes on with the content; a
    request that writes an address is not pushed to no call by the neighbours' prior."""
    assert shipped_calls(query) == [("phone.send_email", expected)]


def test_a_call_whose_text_only_names_the_medium_is_dropped() -> None:
    from hub.planner.planner import _without_medium_calls

    email = PlannedCall(id="c1", function="phone.send_email", args={"recipient": "a@b.co", "content": "hi"})
    for stray in [{"destination": "an email"}, {"message": "Email"}, {"message": "the text"}]:
        plan = Plan(calls=[email, PlannedCall(id="c2", function="home.broadcast", args=stray)])
        assert [c.function for c in _without_medium_calls(plan).calls] == ["phone.send_email"]
    kept = Plan(calls=[email, PlannedCall(id="c2", function="home.broadcast", args={"message": "an email came"})])
    assert _without_medium_calls(kept) == kept
    alone = Plan(calls=[PlannedCall(id="c1", function="phone.get_trending_news", args={"query": "email"})])
    assert _without_medium_calls(alone) == alone  # the only call: what it means is left to the model
    chore = Plan(calls=[email, PlannedCall(id="c2", function="home.list_add_item", args={"item": "email", "name": "Chores"})])
    assert _without_medium_calls(chore) == chore  # an item is a thing to do, not how a message goes


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_adds_no_list_to_a_list() -> None:
    """An item that says a list or a list's name is the list itself: sharing, ordering or
    assigning it is nothing a list call does."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    for query in ["share my shopping list with my husband", "order everything on the shopping list from instacart"]:
        assert planner.plan(query).calls == [], query
    for item, name in [("paper towels", "Shopping List"), ("a reading list", "Chores"),
                       ("the Schindler's List dvd", "Shopping List")]:  # things, not the list
        calls = planner.plan(f"add {item} to the {name.lower().removesuffix(' list')} list").calls
        assert [(c.function, c.args) for c in calls] == [("home.list_add_item", {"item": item, "name": name})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("turn on the attic fan", []),  # the home's fans are the Ceiling Fan and the Office Fan
    ("turn on the ceiling fan", [("home.turn_on", {"name": "Ceiling Fan"})]),
    ("could you lock up the back door", [("home.turn_on", {"name": "Back Door Lock"})]),  # "lock" the verb
    ("what's the current humidity in the bathroom", [("home.get_state", {"name": "Bathroom Humidity"})]),
    ("lock the kitchen window", []),  # the Kitchen Window is a sensor: no lock
    ("lock the front door", [("home.turn_on", {"name": "Front Door Lock"})]),
    ("tv on please", [("home.turn_on", {"name": "Living Room TV"})]),
    ("set the car fan to high", []),  # the car's, not the home's fan mode
    ("set the ambient lighting in the car to purple", []),
    ("add wash the car to the chores list", [("home.list_add_item", {"item": "wash the car", "name": "Chores"})]),
])
def test_the_shipped_planner_acts_on_no_device_the_home_lacks(query: str, expected: list[Any]) -> None:
    assert shipped_calls(query) == expected


def test_a_forecast_for_here_is_the_homes_weather() -> None:
    from hub.planner.planner import _weather_here

    forecast = PlannedCall(id="c1", function="phone.get_weather_forecast", args={"location": "here"})
    text = PlannedCall(id="c2", function="phone.send_text_message", args={"contact_name": "Mom", "message": {"$ref": "c1"}})
    live = ["phone.get_weather_forecast", "home.get_weather", "phone.send_text_message"]
    calls = _weather_here(Plan(calls=[forecast, text]), live).calls
    assert [(c.function, c.args) for c in calls] == [("home.get_weather", {}), (text.function, text.args)]
    for place in ["right outside", "my area", "where I am"]:
        plan = Plan(calls=[forecast.model_copy(update={"args": {"location": place}})])
        assert _weather_here(plan, live).calls[0].function == "home.get_weather"
    paris = Plan(calls=[forecast.model_copy(update={"args": {"location": "Hereford"}})])
    assert _weather_here(paris, live) == paris
    assert _weather_here(Plan(calls=[forecast]), live[:1]).calls == [forecast]  # no home: the phone's


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("skip this song and turn it up", [("home.media_next", {}), ("home.set_volume_relative", {"volume_step": "up"})]),
    ("pause the kitchen speaker and turn it down", [
        ("home.media_pause", {"name": "Kitchen Speaker"}),
        ("home.set_volume_relative", {"volume_step": "down", "name": "Kitchen Speaker"})]),
    ("play jazz in the kitchen and turn it up", [
        ("home.media_search_and_play", {"area": "Kitchen", "search_query": "jazz"}),
        ("home.set_volume_relative", {"volume_step": "up", "area": "Kitchen"})]),
    ("turn on the ceiling fan and turn it up", [("home.turn_on", {"name": "Ceiling Fan"})]),  # no player: no volume
])
def test_the_shipped_planner_turns_up_the_player_a_clause_before_played(query: str, expected: list[Any]) -> None:
    """"turn it up" after a media clause is that player's volume (the model alone plans
    nothing for "turn it up")."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_text_ending_in_and_does_not_hold_two_clauses_together() -> None:
    """The whole plan texted Hannah "airport and"; a copied text that starts or ends with a
    joining word is no message, so the request is still planned clause by clause."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    calls = planner.plan("drive to the Oakland airport and let Hannah know the distance by text").calls
    assert [(c.function, c.args) for c in calls] == [
        ("car.navigate_to", {"destination": "the Oakland airport"}),
        ("phone.send_text_message", {"contact_name": "Hannah", "message": {"$ref": "c1"}})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_texts_the_answer_it_looked_up() -> None:
    """"text Jamie the date": the model planned only the date; the text takes its result."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    calls = planner.plan("text Alex the time and text Jamie the date").calls
    assert [(c.function, c.args) for c in calls] == [
        ("home.get_current_time", {}), ("phone.send_text_message", {"contact_name": "Alex", "message": {"$ref": "c1"}}),
        ("home.get_current_date", {}), ("phone.send_text_message", {"contact_name": "Jamie", "message": {"$ref": "c3"}})]
    said = planner.plan("text Jamie the date is set").calls  # her message is her own words, not a look-up
    assert not any(c.function == "phone.send_text_message" and is_ref(c.args.get("message")) for c in said)


def test_the_nest_hub_plays_what_its_service_streams() -> None:
    from hub.planner.planner import _played_as_its_service_streams

    live = ["phone.play_music_on_nest_hub", "phone.play_video_on_nest_hub"]
    video = PlannedCall(id="c1", function="phone.play_video_on_nest_hub",
                        args={"video_service": "YouTube Music", "video_name": "Lose Yourself"})
    [call] = _played_as_its_service_streams(Plan(calls=[video]), live).calls
    assert (call.function, call.args) == ("phone.play_music_on_nest_hub",
                                          {"music_service": "YouTube Music", "music_name": "Lose Yourself"})
    search = PlannedCall(id="c1", function="phone.search_youtube_videos", args={"query": "dark"})
    music = PlannedCall(id="c2", function="phone.play_music_on_nest_hub",
                        args={"music_service": "Netflix", "music_name": {"$ref": "c1"}})
    _, call = _played_as_its_service_streams(Plan(calls=[search, music]), live).calls
    assert (call.function, call.args) == ("phone.play_video_on_nest_hub",
                                          {"video_service": "Netflix", "video_name": {"$ref": "c1"}})
    youtube = Plan(calls=[video.model_copy(update={"args": {"video_service": "YouTube", "video_name": "cats"}})])
    assert _played_as_its_service_streams(youtube, live) == youtube  # YouTube streams both: the model's choice


def test_the_homes_weather_is_not_a_named_citys() -> None:
    from hub.planner.planner import _weather_elsewhere

    live = ["home.get_weather", "phone.get_weather_forecast"]
    home = Plan(calls=[PlannedCall(id="c1", function="home.get_weather", args={})])
    [call] = _weather_elsewhere("weather in Paris France", home, live, ["Kitchen"]).calls
    assert (call.function, call.args) == ("phone.get_weather_forecast", {"location": "Paris France"})
    for query in ["what's the weather like in the Kitchen", "weather for Monday", "how's it looking outside"]:
        assert _weather_elsewhere(query, home, live, ["Kitchen"]) == home, query


@pytest.mark.parametrize(("topic", "kept"), [
    ("the latest world cup", "world cup"), ("breaking news on the election", "the election"),
    ("top stories about Mars", "Mars"), ("the Lakers", "the Lakers"), ("latest", "latest"),
    ("the Big Ten", "the Big Ten"), ("current affairs", "current affairs"), ("breaking bad", "breaking bad"),
])
def test_how_fresh_the_news_is_is_no_part_of_its_topic(topic: str, kept: str) -> None:
    from hub.planner.planner import _news_topic

    plan = Plan(calls=[PlannedCall(id="c1", function="phone.get_trending_news", args={"query": topic})])
    assert _news_topic(plan).calls[0].args["query"] == kept


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("disable guest mode", [("home.turn_off", {"name": "Guest Mode"})]),  # Home Assistant says "turn off"
    ("we have no guests anymore, disable guest mode", [("home.turn_off", {"name": "Guest Mode"})]),  # a remark
    ("activate the christmas tree", [("home.turn_on", {"name": "Christmas Tree"})]),
])
def test_the_shipped_planner_hears_enable_and_disable_as_on_and_off(query: str, expected: list[Any]) -> None:
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "functions"), [
    # a comma before a command is a clause too: its call stays
    ("turn off the lights, get the forecast, text it to Dad",
     ["home.turn_off", "home.get_weather", "phone.send_text_message"]),
    ("turn off the lights, lock the car", ["home.turn_off", "car.lock_doors"]),
    ("set a timer for 2 hours to move my car", ["home.start_timer"]),  # a timer may be about the car
    ("add batteries, flash cards and glue to the shopping list", ["home.list_add_item"] * 3),  # "flash" the noun
])
def test_the_shipped_planner_keeps_what_each_clause_asks(query: str, functions: list[str]) -> None:
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    assert [c.function for c in planner.plan(query).calls] == functions


@pytest.mark.parametrize(("query", "place"), [
    ("weather in Paris France", "Paris France"), ("weather in Paris for tomorrow", "Paris"),
    ("what's the weather in Augusta", "Augusta"), ("what's the weather in Boston. Text it to Mom", "Boston"),
    ("what's the weather for Christmas", None), ("what's the weather and call Mom at Work", None),
])
def test_a_named_place_is_read_only_after_the_weather(query: str, place: str | None) -> None:
    from hub.planner.planner import _weather_elsewhere

    live = ["home.get_weather", "phone.get_weather_forecast"]
    home = Plan(calls=[PlannedCall(id="c1", function="home.get_weather", args={})])
    [call] = _weather_elsewhere(query, home, live, ["Kitchen"]).calls
    assert call.args.get("location") == place


def test_a_one_clause_chain_keeps_only_its_links() -> None:
    from hub.planner.planner import _only_the_chain

    state = PlannedCall(id="c1", function="home.get_state", args={"domain": "light", "state": "on"})
    text = PlannedCall(id="c2", function="phone.send_text_message", args={"contact_name": "Carlos", "message": {"$ref": "c1"}})
    stray = PlannedCall(id="c3", function="home.turn_on", args={"domain": "light"})
    plan = Plan(calls=[state, text, stray])
    assert [c.function for c in _only_the_chain("text Carlos which lights are still on", plan).calls] == [
        "home.get_state", "phone.send_text_message"]
    # two clauses: the third call is asked for
    assert _only_the_chain("text Carlos which lights are on and turn them on", plan) == plan
    alone = Plan(calls=[stray])
    assert _only_the_chain("turn on the lights", alone) == alone


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_state_said_that_the_named_entity_never_has_is_no_dead_end() -> None:
    """"if nobody is home" says the state "home"; the model named the Home Forecast, whose
    states are on/off: the state is left out rather than required and unfillable. "say it on
    all the speakers" says "on" of the Bathroom Humidity, a sensor with no such state."""
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car", "home"]))
    for query in ["if nobody is home", "if nobody is home, lock the front door",
                  "check the bathroom humidity and say it on all the speakers"]:
        planner.plan(query)  # raised PlanningError: the answer grammar reached a dead end


def test_a_call_repeated_but_for_a_number_never_said_is_made_once() -> None:
    """"media volume at three, this video is loud" planned 3 and then 10: the 10 is made up
    again; two numbers said are two calls."""
    from hub.planner.planner import _without_unsaid_numbers

    def plan(*calls: tuple[str, dict[str, Any]]) -> Plan:
        return Plan(calls=[PlannedCall(id=f"c{i + 1}", function=f, args=a) for i, (f, a) in enumerate(calls)])

    volume = "phone.set_volume"
    echo = plan((volume, {"level": 3, "volume_type": "media"}), (volume, {"level": 10, "volume_type": "media"}))
    assert [c.args for c in _without_unsaid_numbers("media volume at three, this video is loud", echo).calls] == [
        {"level": 3, "volume_type": "media"}]
    assert len(_without_unsaid_numbers("media volume at three, no, ten", echo).calls) == 2  # both said
    timers = plan(("home.start_timer", {"minutes": 5}), ("home.start_timer", {"minutes": 10}))
    assert len(_without_unsaid_numbers("timers for 5 and for 10 minutes", timers).calls) == 2
    other = plan((volume, {"level": 3, "volume_type": "media"}), (volume, {"level": 10, "volume_type": "ring"}))
    assert len(_without_unsaid_numbers("media volume at three", other).calls) == 2  # another volume


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("warm up both back seats to level 1", [("car.set_seat_heating", {"seat": "rear left", "level": 1}),
                                            ("car.set_seat_heating", {"seat": "rear right", "level": 1})]),
    ("put both front windows down 80 mm", [
        ("car.control_window", {"window": "front left", "position": "down", "distance": 80}),
        ("car.control_window", {"window": "front right", "position": "down", "distance": 80})]),
    ("set both front seat heaters to 3 and lock the car", [
        ("car.lock_doors", {}), ("car.set_seat_heating", {"seat": "driver", "level": 3}),
        ("car.set_seat_heating", {"seat": "passenger", "level": 3})]),
])
def test_the_shipped_planner_acts_on_both_sides(query: str, expected: list[Any]) -> None:
    """"both front seats" is the driver's and the passenger's, "both rear windows" the left
    and the right one, as "on both the driver and passenger side" is."""
    assert sorted(shipped_calls(query), key=repr) == sorted(expected, key=repr)


def test_an_item_cut_short_is_the_words_said_before_the_list() -> None:
    """The model's pointer may cut an item of several words ("soda" of "baking soda"); the
    item is then all the words between the verb and the list, but never several items or
    the marking ("milk as bought")."""
    from hub.planner.planner import _whole_items

    def item(query: str, planned: str, function: str = "home.shopping_list_add_item") -> Any:
        plan = Plan(calls=[PlannedCall(id="c1", function=function, args={"item": planned})])
        return _whole_items(query, plan).calls[0].args["item"]

    done = "home.list_complete_item"
    assert item("add baking soda to the grocery list", "soda") == "baking soda"
    assert item("cross ground coffee off the shopping list", "coffee", done) == "ground coffee"
    assert item("check off mop the kitchen on the chores list", "mop", done) == "mop the kitchen"
    assert item("cross ground coffee off the shopping list", "coffee") == "coffee"  # no item added there
    assert item("add eggs and milk to the shopping list", "eggs") == "eggs"  # two items, each its own call
    assert item("mark milk as bought on the shopping list", "milk") == "milk"
    assert item("add baking soda to the grocery list", "flour") == "flour"  # not a part of what was said


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("add brown sugar to the grocery list", [("home.shopping_list_add_item", {"item": "brown sugar"})]),
    ("check the weather in Austin and read it aloud", [("phone.get_weather_forecast", {"location": "Austin"}),
                                                       ("home.broadcast", {"message": {"$ref": "c1"}})]),
    ("what's the forecast in Boise? announce that to the whole house", [
        ("phone.get_weather_forecast", {"location": "Boise"}), ("home.broadcast", {"message": {"$ref": "c1"}})]),
])
def test_the_shipped_planner_passes_results_to_the_house_and_keeps_whole_items(query: str, expected: list[Any]) -> None:
    """"read it aloud" announces the result; in "announce that to the whole house" the house
    is whom it goes to, not the message."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("add an extra minute to the pasta timer", [("home.increase_timer", {"minutes": 1, "name": "pasta"})]),
    ("give the lasagna timer five more minutes", [("home.increase_timer", {"minutes": 5, "name": "lasagna"})]),
    ("the cookies need another 2 minutes on the timer", [("home.increase_timer", {"minutes": 2})]),
    ("set another timer for 5 minutes", [("home.start_timer", {"minutes": 5})]),  # a new one
    ("navigate to Union Station and send Ivy the ETA", [
        ("car.navigate_to", {"destination": "Union Station"}),
        ("phone.send_text_message", {"contact_name": "Ivy", "message": {"$ref": "c1"}})]),
])
def test_the_shipped_planner_adds_more_time_and_passes_on_the_eta(query: str, expected: list[Any]) -> None:
    """More time said for a timer adds to the one that runs (Home Assistant's increase_timer);
    "the ETA" is the navigation's result."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_the_shipped_planner_hears_off_mute_as_unmute() -> None:
    assert shipped_calls("get the living room tv off mute") == [("home.media_player_unmute", {"name": "Living Room TV"})]


def test_the_new_readings_leave_what_they_do_not_mean_alone() -> None:
    """Guards for this session's readings (each case was a reviewer's counterexample)."""
    from hub.planner.planner import (_GOES_TO, _OFF_MUTE, _READ_OUT, BACK_REFERENCE, _more_time, _whole_items,
                                     _without_unsaid_numbers)

    assert not BACK_REFERENCE.search("turn on the reading lamp")  # a thing, no result
    assert BACK_REFERENCE.search("announce the reading")
    assert _OFF_MUTE.sub(r"unmute \1", "get the lights on and take the tv off mute") == \
        "get the lights on and unmute the tv"
    assert [m.group("to") for m in _GOES_TO.finditer("send that to Kayla saying bring a coat")] == ["Kayla "]
    assert not _READ_OUT.search("get the forecast and read it out to me")  # to me: no announcement

    def plan(*calls: tuple[str, dict[str, Any]]) -> Plan:
        return Plan(calls=[PlannedCall(id=f"c{i + 1}", function=f, args=a) for i, (f, a) in enumerate(calls)])

    live = ["home.start_timer", "home.increase_timer"]
    two = plan(("home.start_timer", {"minutes": 5, "name": "pasta"}), ("home.start_timer", {"minutes": 10}))
    assert [c.function for c in _more_time("give the pasta timer 5 more minutes and set a 10 minute timer", two,
                                           live).calls] == ["home.start_timer"] * 2  # a new timer is said
    more = _more_time("give the pasta timer 5 more minutes and 10 more to the eggs", two, live)
    assert [c.function for c in more.calls] == ["home.increase_timer", "home.start_timer"]  # 10 minutes is no "more"
    timers = plan(("home.start_timer", {"minutes": 10}), ("home.start_timer", {"minutes": 30}))
    assert len(_without_unsaid_numbers("a timer for 10 minutes and one for half an hour", timers).calls) == 2
    items = plan(("home.list_add_item", {"item": "milk", "name": "Shopping List"}))
    assert _whole_items("add milk to the list and take almond milk off the list", items).calls[0].args["item"] == "milk"


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("turn the phone brightness all the way up", [("phone.change_screen_brightness", {"level": 10})]),
    ("make my screen as bright as possible", [("phone.change_screen_brightness", {"level": 10})]),
])
def test_the_shipped_planner_reads_a_level_said_as_the_end_of_its_scale(query: str, expected: list[Any]) -> None:
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_device_the_home_lacks_is_found_by_its_words() -> None:
    """"the <word> <device>" with a word that no device of that kind, no area and no floor
    says names a device the default home lacks; so does a kind it has none of."""
    planner = _shipped()
    assert planner._lacked_device(spoken.words_of("turn on the bathroom exhaust fan")) == "bathroom exhaust fan"
    assert planner._lacked_device(spoken.words_of("set the water heater to 120 degrees")) == "water heater"
    assert planner._lacked_device(spoken.words_of("open the skylight in the hallway")) == "skylight"
    assert planner._lacked_device(spoken.words_of("turn the car heater off")) == "car heater"  # no home device
    for query in ["turn off the ceiling fan", "which lights are on right now", "are there lights on in the living room",
                  "switch the kitchen lights on", "turn off the other fan", "dim the bedroom lamp",
                  "close the ofice shades", "turn on the tree lights", "close the window blinds",
                  "turn on the kitchen lights, I'm putting the kettle on",  # a device the home has is said too
                  "set the living room lights to a soft white light", "turn up the main heater"]:
        assert planner._lacked_device(spoken.words_of(query)) is None, query


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("turn on the string lights on the patio", []),
    ("set the water heater to 120 degrees", []),
    ("turn on the bathroom exhaust fan", []),
    ("turn off the ceiling fan", [("home.turn_off", {"name": "Ceiling Fan"})]),
    ("turn the car heater off", [("car.set_climate_power", {"on": False})]),  # the car's, not the home's
])
def test_the_shipped_planner_calls_no_device_the_home_lacks(query: str, expected: list[Any]) -> None:
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_command_copied_as_an_optional_value_is_left_out() -> None:
    """"set an alarm for 6:30" is no label "set an alarm", "alarm at 9:15" no label "alarm";
    a label said stays, and so does a name from the home's list."""
    planner = _shipped()

    def kept(query: str, function: str, args: dict[str, Any]) -> dict[str, Any]:
        plan = Plan(calls=[PlannedCall(id="c1", function=function, args=args)])
        return planner._without_own_words(query, plan).calls[0].args

    assert kept("set an alarm for 6:30", "phone.set_timer_alarm", {"time": "06:30", "label": "set an alarm"}) == \
        {"time": "06:30"}
    assert kept("alarm at 9:15 pm", "phone.set_timer_alarm", {"time": "21:15", "label": "alarm"}) == {"time": "21:15"}
    assert kept("set an alarm for 7 called gym alarm", "phone.set_timer_alarm", {"time": "07:00", "label": "gym alarm"}) \
        == {"time": "07:00", "label": "gym alarm"}
    assert kept("set an alarm for 7 called wake up alarm", "phone.set_timer_alarm",
                {"time": "07:00", "label": "wake up alarm"}) == {"time": "07:00", "label": "wake up alarm"}
    assert kept("start the lawn mower", "home.lawn_mower_start_mowing", {"name": "Lawn Mower"}) == {"name": "Lawn Mower"}


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("beep the horn", [("car.honk_horn", {})]),  # no count said: the default, none made up
    ("honk once", [("car.honk_horn", {"times": 1})]),
    ("give the horn a single honk", [("car.honk_horn", {"times": 1})]),
    ("sound the car horn a couple of times", [("car.honk_horn", {"times": 2})]),
    ("turn do not disturb on", [("phone.enable_do_not_disturb", {"enabled": True})]),
    ("silence my notifications with do not disturb", [("phone.enable_do_not_disturb", {"enabled": True})]),
    ("turn off dnd", [("phone.enable_do_not_disturb", {"enabled": False})]),
    ("kill the AC in the car", [("car.set_climate_power", {"on": False})]),
])
def test_the_shipped_planner_takes_counts_and_switches_as_said(query: str, expected: list[Any]) -> None:
    """A honk count only as said ("x-said", "once"); a switch on or off as its words say ("x-words")."""
    assert shipped_calls(query) == expected


def test_a_volume_turned_up_by_an_amount_is_a_step() -> None:
    """"turn it up by 10" is set_volume_relative(+10), "down by fifteen" -15; "set it to 10"
    stays a level, and so does a request that says both directions."""
    from hub.planner.planner import _volume_by_steps

    live = ["home.set_volume", "home.set_volume_relative"]

    def planned(query: str, level: int) -> list[tuple[str, dict[str, Any]]]:
        plan = Plan(calls=[PlannedCall(id="c1", function="home.set_volume",
                                       args={"name": "Kitchen Speaker", "volume_level": level})])
        return [(c.function, c.args) for c in _volume_by_steps(query, plan, live).calls]

    assert planned("skip this song and turn the kitchen speaker up by 10", 10) == [
        ("home.set_volume_relative", {"volume_step": 10, "name": "Kitchen Speaker"})]
    assert planned("turn the kitchen speaker down by fifteen please", 15) == [
        ("home.set_volume_relative", {"volume_step": -15, "name": "Kitchen Speaker"})]
    assert planned("set the kitchen speaker to 10", 10)[0][0] == "home.set_volume"
    assert planned("turn it up by 10 and the tv down", 10)[0][0] == "home.set_volume"  # both directions
    assert planned("turn the volume down to 5 and extend the timer by 5 minutes", 5)[0][0] == "home.set_volume"
    assert planned("turn the kitchen speaker up by 10 and set the bedroom speaker to 10", 10)[0][0] == "home.set_volume"


def test_a_vacuum_started_in_a_named_room_cleans_it() -> None:
    from hub.planner.planner import _rooms_cleaned

    live = ["home.vacuum_start", "home.vacuum_clean_area"]
    start = Plan(calls=[PlannedCall(id="c1", function="home.vacuum_start", args={"area": "Office"})])
    assert [(c.function, c.args) for c in _rooms_cleaned("have the robot clean the office", start, live).calls] == [
        ("home.vacuum_clean_area", {"area": "Office"})]
    # the room only from the asking device's context: a start
    assert _rooms_cleaned("start the vacuum", start, live).calls[0].function == "home.vacuum_start"


def test_a_vacuum_or_mower_sent_home_docks() -> None:
    from hub.planner.planner import _sent_home

    live = ["home.vacuum_start", "home.vacuum_return_to_base", "home.lawn_mower_start_mowing", "home.lawn_mower_dock"]

    def planned(query: str, function: str) -> str:
        plan = Plan(calls=[PlannedCall(id="c1", function=function, args={})])
        return _sent_home(query, plan, live).calls[0].function

    assert planned("send the lawn mower home", "home.lawn_mower_start_mowing") == "home.lawn_mower_dock"
    assert planned("vacuum, go home", "home.vacuum_start") == "home.vacuum_return_to_base"
    assert planned("send the mower out to cut the grass", "home.lawn_mower_start_mowing") == "home.lawn_mower_start_mowing"
    assert planned("go mow the back yard", "home.lawn_mower_start_mowing") == "home.lawn_mower_start_mowing"
    assert planned("vacuum the house before I get home", "home.vacuum_start") == "home.vacuum_start"  # I come home
    assert planned("get the mower going before I get back", "home.lawn_mower_start_mowing") == \
        "home.lawn_mower_start_mowing"


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("open the sunroof a quarter of the way", [("car.operate_sunroof", {"action": "open", "intensity": 25})]),
    ("open the sunroof fully", [("car.operate_sunroof", {"action": "open", "intensity": 100})]),
    ("weather for zip 10001 tomorrow", [("phone.get_weather_forecast", {"location": "10001"})]),
])
def test_the_shipped_planner_reads_openings_and_zip_codes(query: str, expected: list[Any]) -> None:
    """A sunroof's opening said in words (x-number-words); a zip code is a place to forecast."""
    assert shipped_calls(query) == expected


def test_a_text_cut_short_is_the_rest_of_the_clause() -> None:
    """A message the model cut short is lengthened to what follows the contact, also for a
    lowercase contact; a message that is no part of it (a result, another text) stays."""
    from hub.planner.planner import _whole_messages

    def message(query: str, contact: str, said: Any) -> Any:
        plan = Plan(calls=[PlannedCall(id="c1", function="phone.send_text_message",
                                       args={"contact_name": contact, "message": said})])
        return _whole_messages(query, plan).calls[0].args["message"]

    assert message("txt ollie the wifi password is on the fridge", "ollie", "wifi") == \
        "the wifi password is on the fridge"
    assert message("txt chris running late sorry", "chris", "sorry") == "running late sorry"
    assert message("Please text my sister Claire that the flight landed", "Claire", "landed") == "the flight landed"
    assert message("text Dan see you soon and call Bob", "Dan", "see you soon") == "see you soon"
    weather = Plan(calls=[PlannedCall(id="c1", function="home.get_weather", args={}),
                          PlannedCall(id="c2", function="phone.send_text_message",
                                      args={"contact_name": "mom", "message": {"$ref": "c1"}})])
    assert _whole_messages("text mom the weather", weather).calls[1].args["message"] == {"$ref": "c1"}
    assert message("txt ollie the wifi password is on the fridge", "ollie", "call me") == "call me"  # not part of it


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("text Mom see you soon", [("phone.send_text_message", {"contact_name": "Mom", "message": "see you soon"})]),
    ("Hey Google text Mom I'm late", [("phone.send_text_message", {"contact_name": "Mom", "message": "I'm late"})]),
])
def test_the_shipped_planner_never_takes_a_text_to_someone_for_chit_chat(query: str, expected: list[Any]) -> None:
    """A request that starts by texting a capitalized name something is a text (v9 alone
    planned no call for "text Mom ...")."""
    assert shipped_calls(query) == expected


def test_a_text_to_someone_is_recognized_only_at_the_start() -> None:
    from hub.planner.planner import _TEXTS_SOMEONE

    assert _TEXTS_SOMEONE.match("please text Mom: running late")
    assert not _TEXTS_SOMEONE.match("did Mom text me back")
    assert not _TEXTS_SOMEONE.match("text me later")


def test_a_name_started_inside_a_capitalized_run_is_the_whole_run() -> None:
    from hub.planner.planner import _whole_names

    def named(query: str, name: str) -> str:
        plan = Plan(calls=[PlannedCall(id="c1", function="phone.create_contact",
                                       args={"name": name, "phone_number": "+16155550193"})])
        return _whole_names(query, plan).calls[0].args["name"]

    assert named("save a new contact called Mechanic Steve with the number 615 555 0193", "Steve") == "Mechanic Steve"
    assert named("save the number 206 555 0139 as Dog Groomer", "Groomer") == "Dog Groomer"
    assert named("Please Save Anna as a contact, 615 555 0193", "Anna") == "Anna"  # "Save" is the verb


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_call_beside_others_made_of_empty_words_is_dropped() -> None:
    """"... so the kids know where I am" navigates nowhere ("am"); a call of a single-call
    plan, or one whose result another takes, or a capitalized title ("Up") stays."""
    planner = _shipped()

    def kept(query: str, calls: list[tuple[str, dict[str, Any]]]) -> list[str]:
        plan = Plan(calls=[PlannedCall(id=f"c{n}", function=f, args=a) for n, (f, a) in enumerate(calls, 1)])
        return [c.function for c in planner._without_empty_values(query, plan).calls]

    honk = ("car.honk_horn", {"times": 2})
    assert kept("honk twice so the kids know where I am", [honk, ("car.navigate_to", {"destination": "am"})]) \
        == ["car.honk_horn"]
    assert kept("x", [honk, ("car.navigate_to", {"destination": "'s trending"})]) == ["car.honk_horn"]
    assert kept("x", [("home.lawn_mower_start_mowing", {}),
                      ("phone.send_text_message", {"contact_name": "mower out", "message": "it"})]) \
        == ["home.lawn_mower_start_mowing"]
    assert kept("x", [honk, ("home.media_search_and_play", {"search_query": "Up"})]) == \
        ["car.honk_horn", "home.media_search_and_play"]
    assert kept("x", [honk, ("car.navigate_to", {"destination": "the office"})]) == ["car.honk_horn", "car.navigate_to"]
    assert kept("text Bob you up", [("phone.send_text_message", {"contact_name": "Bob", "message": "you up"})]) == \
        ["phone.send_text_message"]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_contact_said_as_her_is_the_one_named_before() -> None:
    planner = _shipped()
    plan = Plan(calls=[
        PlannedCall(id="c1", function="phone.create_contact", args={"name": "Priscilla Moreno", "phone_number": "+19715550133"}),
        PlannedCall(id="c2", function="phone.send_text_message", args={"contact_name": "her", "message": "welcome"})])
    assert planner._pronoun_contacts(plan).calls[1].args["contact_name"] == "Priscilla Moreno"
    alone = Plan(calls=plan.calls[1:])  # no one named before: left as said
    assert planner._pronoun_contacts(alone).calls[0].args["contact_name"] == "her"
    assert shipped_calls("save Priscilla Moreno as a contact with 971 555 0133 and text her welcome to the neighborhood") \
        == [("phone.create_contact", {"name": "Priscilla Moreno", "phone_number": "+19715550133"}),
            ("phone.send_text_message", {"contact_name": "Priscilla Moreno", "message": "welcome to the neighborhood"})]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_copied_text_loses_its_quotes_and_a_please_said_to_us() -> None:
    planner = _shipped()

    def tidy(function: str, args: dict[str, Any]) -> dict[str, Any]:
        return planner._tidy_texts(Plan(calls=[PlannedCall(id="c1", function=function, args=args)])).calls[0].args

    assert tidy("phone.send_text_message", {"contact_name": "Ana", "message": "'landed, grabbing my bag'"}) == \
        {"contact_name": "Ana", "message": "landed, grabbing my bag"}
    assert tidy("phone.send_text_message", {"contact_name": "Ana", "message": "\u201csee you at 5\u201d"})["message"] \
        == "see you at 5"
    assert tidy("home.start_timer", {"minutes": 20, "name": "laundry please"}) == {"minutes": 20, "name": "laundry"}
    # a message passed on keeps its "please", and a word that only ends in one stays
    assert tidy("phone.send_text_message", {"contact_name": "Ana", "message": "call me please"})["message"] == \
        "call me please"
    assert tidy("home.start_timer", {"minutes": 20, "name": "pleaseme"})["name"] == "pleaseme"


def test_an_announcement_cut_short_is_the_rest_of_the_clause() -> None:
    from hub.planner.planner import _whole_announcements

    def message(query: str, said: str) -> Any:
        plan = Plan(calls=[PlannedCall(id="c1", function="home.broadcast", args={"message": said})])
        return _whole_announcements(query, plan).calls[0].args["message"]

    assert message("announce the car leaves in five minutes and unlock the car", "five") == \
        "the car leaves in five minutes"
    assert message("broadcast to the whole house: dinner is ready", "dinner") == "dinner is ready"
    assert message("announce that the movie starts", "movie starts") == "the movie starts"
    assert message("announce dinner is ready", "pizza") == "pizza"  # not a part of it: left alone


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("take me to the nearest Costco", [("car.navigate_to", {"destination": "the nearest Costco"})]),
    ("uh set the nav for Lucky's Diner on 5th", [("car.navigate_to", {"destination": "Lucky's Diner on 5th"})]),
    ("get me an Uber to the airport", []),
    ("disconnect my bluetooth headphones", []),
    ("set the fridge to 3 degrees", []),
    ("turn off the water heater", []),  # no home device, and no car's climate either
    ("roll down the front left window 200 mm",
     [("car.control_window", {"window": "front left", "position": "down", "distance": 200})]),
    ("turn on the passenger seat heater to high", [("car.set_seat_heating", {"seat": "passenger", "level": 3})]),
    ("switch off the car's climate system, we're parked", [("car.set_climate_power", {"on": False})]),
    ("mute the kitchen speaker, i'm on a call", [("home.media_player_mute", {"name": "Kitchen Speaker"})]),
    ("turn off the tv and the floor lamp, we're going to bed",
     [("home.turn_off", {"name": "Living Room TV"}), ("home.turn_off", {"name": "Floor Lamp"})]),
    ("text Mom I'm on my way, it's raining",
     [("phone.send_text_message", {"contact_name": "Mom", "message": "I'm on my way, it's raining"})]),
    ("bring the mower in, there's a storm coming", [("home.lawn_mower_dock", {})]),
])
def test_the_shipped_planner_reads_trips_remarks_and_devices_it_lacks(query: str, expected: list[Any]) -> None:
    """A trip asked for is never chit-chat; a closing remark asks for nothing; a device
    neither the home nor the car has is no call."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_an_optional_text_of_empty_words_is_left_out() -> None:
    planner = _shipped()
    plan = Plan(calls=[PlannedCall(id="c1", function="car.honk_horn", args={}), PlannedCall(
        id="c2", function="phone.set_timer_alarm", args={"time": "07:00", "label": "at"})])
    assert [(c.function, c.args) for c in planner._without_empty_values("x", plan).calls] == [
        ("car.honk_horn", {}), ("phone.set_timer_alarm", {"time": "07:00"})]
    chain = Plan(calls=[PlannedCall(id="c1", function="car.get_vehicle_status", args={}), PlannedCall(
        id="c2", function="phone.send_email", args={"recipient": "dad@home.org", "title": "to", "content": {"$ref": "c1"}})])
    assert len(planner._without_empty_values("x", chain).calls) == 2  # a chain is no stray words


def test_a_chain_planned_again_for_the_words_that_refer_back_is_made_once() -> None:
    from hub.planner.planner import _without_repeated_chains

    def chain(query: str, first: str, second: str, taker: str = "home.broadcast") -> list[Any]:
        plan = Plan(calls=[
            PlannedCall(id="c1", function="phone.get_weather_forecast", args={"location": first}),
            PlannedCall(id="c2", function=taker, args={"message": {"$ref": "c1"}}),
            PlannedCall(id="c3", function="phone.get_weather_forecast", args={"location": second}),
            PlannedCall(id="c4", function=taker, args={"message": {"$ref": "c3"}})])
        return [c.args.get("location") for c in _without_repeated_chains(query, plan).calls]

    assert chain("look up the forecast for Flagstaff and announce it to the house", "Flagstaff", "the house") == \
        ["Flagstaff", None]
    assert chain("get the weather in Paris and in Rome and announce both", "Paris", "Rome") == \
        ["Paris", None, "Rome", None]
    assert chain("get the weather for Paris and announce it, then get the weather for Rome and announce that",
                 "Paris", "Rome") == ["Paris", None, "Rome", None]
    # a look-up nothing takes, made of a taken one's words and more, is dropped
    plan = Plan(calls=[
        PlannedCall(id="c1", function="phone.get_weather_forecast", args={"location": "Boise and email it to sam"}),
        PlannedCall(id="c2", function="phone.get_weather_forecast", args={"location": "Boise"}),
        PlannedCall(id="c3", function="phone.send_email", args={"recipient": "sam@x.org", "content": {"$ref": "c2"}})])
    assert [c.function for c in _without_repeated_chains("get the forecast for Boise and email it to sam@x.org",
                                                         plan).calls] == ["phone.get_weather_forecast", "phone.send_email"]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("search youtube for a sleep meditation and play it on the nest hub",
     [("phone.search_youtube_videos", {"query": "a sleep meditation"}),
      ("phone.play_video_on_nest_hub", {"video_service": "youtube", "video_name": {"$ref": "c1"}})]),
    ("pull up relaxing rain sounds on youtube, play it on the nest hub and dim the bedroom lamp to 10%",
     [("phone.search_youtube_videos", {"query": "relaxing rain sounds"}),
      ("phone.play_video_on_nest_hub", {"video_service": "youtube", "video_name": {"$ref": "c1"}}),
      ("home.light_set", {"name": "Bedroom Lamp", "brightness": 10})]),
    ("get the forecast for Napa and text it to Celeste, oh and set an alarm for 8 am",
     [("phone.get_weather_forecast", {"location": "Napa"}),
      ("phone.send_text_message", {"contact_name": "Celeste", "message": {"$ref": "c1"}}),
      ("phone.set_timer_alarm", {"time": "08:00"})]),
    # what a closing remark carries stays ("the kitchen", "Boston")
    ("run the robot vacuum, the kitchen is filthy", [("home.vacuum_clean_area", {"name": "Robot Vacuum", "area": "Kitchen"})]),
    ("what's the weather, I'm in Boston", [("phone.get_weather_forecast", {"location": "Boston"})]),
])
def test_the_shipped_planner_searches_before_it_plays_and_drops_stray_chains(query: str, expected: list[Any]) -> None:
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("what's the robot vacuum doing", [("home.get_state", {"name": "Robot Vacuum"})]),
    ("is the coffee maker still on?", [("home.get_state", {"name": "Coffee Maker", "state": "on"})]),
    ("is guest mode turned off", [("home.get_state", {"name": "Guest Mode", "state": "off"})]),
    ("enable guest mode, my sister is staying over", [("home.turn_on", {"name": "Guest Mode"})]),
    ("switch off the coffee maker, i forgot it", [("home.turn_off", {"name": "Coffee Maker"})]),
    ("is the front door locked right now",
     [("home.get_state", {"name": "Front Door Lock", "domain": "lock", "state": "locked"})]),
    ("move the driver seat forward 30mm and up 10mm",
     [("car.adjust_seat_position", {"seat": "driver", "position": "forward", "distance": 30}),
      ("car.adjust_seat_position", {"seat": "driver", "position": "up", "distance": 10})]),
    ("move the driver seat forward 30 mm and the passenger seat up 10 mm",
     [("car.adjust_seat_position", {"seat": "driver", "position": "forward", "distance": 30}),
      ("car.adjust_seat_position", {"seat": "passenger", "position": "up", "distance": 10})]),
    ("bedroom heater to nineteen and a half", [("home.climate_set_temperature", {"name": "Bedroom Heater", "temperature": 19.5})]),
])
def test_the_shipped_planner_asks_states_and_keeps_the_thing_acted_on(query: str, expected: list[Any]) -> None:
    """A question about what a device does asks its state; Home Assistant hears a state
    question without "still" and a command without the remark after its comma; a second
    move of the seat moves the same seat."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_call_made_only_of_another_calls_message_is_dropped() -> None:
    planner = _shipped()

    def kept(query: str, calls: list[tuple[str, dict[str, Any]]]) -> list[str]:
        plan = Plan(calls=[PlannedCall(id=f"c{n}", function=f, args=a) for n, (f, a) in enumerate(calls, 1)])
        return [c.function for c in planner._said_outside_texts(query, plan).calls]

    email = ("phone.send_email", {"recipient": "s@x.co", "title": "Broken charger",
                                  "content": "my charger stopped working after two days"})
    query = "email s@x.co titled Broken charger saying my charger stopped working after two days"
    assert kept(query, [email, ("car.stop_charging", {})]) == ["phone.send_email"]
    text = ("phone.send_text_message", {"contact_name": "Mom", "message": "I'm home and turn on the porch light"})
    # a message that runs over a new command shields nothing
    assert kept("text Mom I'm home and turn on the porch light", [text, ("home.turn_on", {"name": "Porch Light"})]) \
        == ["phone.send_text_message", "home.turn_on"]
    # the charging said outside the message stays
    assert kept(query + " and stop charging the car", [email, ("car.stop_charging", {})]) == \
        ["phone.send_email", "car.stop_charging"]
    # a contact saved and texted: a name is no message
    assert kept("save Ana Ruiz as a contact, 305 555 0110, and text Ana Ruiz welcome", [
        ("phone.create_contact", {"name": "Ana Ruiz", "phone_number": "+13055550110"}),
        ("phone.send_text_message", {"contact_name": "Ana Ruiz", "message": "welcome"})]) == \
        ["phone.create_contact", "phone.send_text_message"]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("pair with UE Boom 3 and give it 45 seconds",
     [("phone.connect_to_bluetooth_device", {"device_name": "UE Boom 3", "timeout": 45})]),
    ("connect to Pixel Buds and wait up to 45 seconds",
     [("phone.connect_to_bluetooth_device", {"device_name": "Pixel Buds", "timeout": 45})]),
    ("connect to my AirPods", [("phone.connect_to_bluetooth_device", {"device_name": "AirPods"})]),
    ("set an alarm for half past seven pm and label it pick up Zoe",
     [("phone.set_timer_alarm", {"time": "19:30", "label": "pick up Zoe"})]),
])
def test_the_shipped_planner_keeps_how_long_to_wait_and_a_label_with_their_call(query: str, expected: list[Any]) -> None:
    """"and give it 45 seconds", "and label it ..." start no clause of their own; a time is
    read whole ("half past seven pm", not "seven pm")."""
    assert shipped_calls(query) == expected


def test_a_time_is_no_part_of_a_longer_one() -> None:
    text = "set an alarm for half past seven pm and label it pick up Zoe"
    offsets = [m.span() for m in re.finditer(r"\w+", text)]
    assert set(spoken.whole_spans(spoken.time_spans(text, offsets)).values()) == {"19:30"}


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("could you please send Hannah Lindqvist a text that reads congrats on the new job, drinks on me",
     [("phone.send_text_message", {"contact_name": "Hannah Lindqvist", "message": "congrats on the new job, drinks on me"})]),
    ("send Bob a message: running late", [("phone.send_text_message", {"contact_name": "Bob", "message": "running late"})]),
    ("remove batteries from my shopping list", [("home.list_remove_item", {"item": "batteries", "name": "Shopping List"})]),
    ("add milk to the shopping list", [("home.list_add_item", {"item": "milk", "name": "Shopping List"})]),
])
def test_the_shipped_planner_texts_whom_it_is_sent_to_and_takes_items_off(query: str, expected: list[Any]) -> None:
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_an_item_taken_off_a_list_is_removed() -> None:
    planner = _shipped()
    plan = Plan(calls=[PlannedCall(id="c1", function="home.list_add_item", args={"item": "milk", "name": "Shopping List"}),
                       PlannedCall(id="c2", function="home.list_add_item", args={"item": "oat milk", "name": "Shopping List"})])
    calls = planner._taken_off("take the milk off the shopping list and add oat milk", plan).calls
    assert [(c.function, c.args["item"]) for c in calls] == [("home.list_remove_item", "milk"), ("home.list_add_item", "oat milk")]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "context", "expected"), [
    ("volume to 10 in the bedroom", None, [("home.set_volume", {"volume_level": 10, "area": "Bedroom"})]),
    ("kitchen speaker volume 25 percent", None, [("home.set_volume", {"volume_level": 25, "name": "Kitchen Speaker"})]),
    ("switch off the TV", None, [("home.turn_off", {"name": "Living Room TV"})]),
    ("silence the car speakers completely", None, [("car.adjust_volume", {"set_value": 0})]),
    ("is it sunny out", None, [("home.get_weather", {})]),
    ("take the trash out", None, []),
    ("stop vacuuming and go back to base", None, [("home.vacuum_return_to_base", {})]),
    ("stop mowing and go back to base", None, [("home.lawn_mower_dock", {})]),
    ("got the bread flour, cross it off the shopping list", None,
     [("home.list_complete_item", {"item": "bread flour", "name": "Shopping List"})]),
    ("is the hallway motion sensor picking anything up", None, [("home.get_state", {
        "name": "Hallway Motion", "domain": "binary_sensor", "device_class": "motion", "state": "on"})]),
    ("close the curtains in here and turn on the bedroom lamp", {"area": "Bedroom"},
     [("home.turn_off", {"area": "Bedroom", "domain": "cover", "device_class": "curtain"}),
      ("home.turn_on", {"name": "Bedroom Lamp"})]),
    ("turn on the night light in the kids room", None, [("home.turn_on", {"name": "Night Light", "area": "Kids Room"})]),
])
def test_the_shipped_planner_reads_levels_states_and_whole_items(query: str, context: dict[str, str] | None,
                                                                   expected: list[Any]) -> None:
    """A volume level said is a level; a player switched off is off, not paused; the car's
    volume silenced is 0; the weather outside is the home's; a vacuum or mower going back
    to base docks; an item got before the comma is whole; a sensor sensing is on; a named
    entity's area only as said."""
    assert shipped_calls(query, context) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "context", "expected"), [
    # found by a review of the rules above: each planned right before them, and must stay so
    ("mute the tv and lower the car volume by 3", None,
     [("home.media_player_mute", {"name": "Living Room TV"}), ("car.adjust_volume", {"volume_diff": -3})]),
    ("is the washing machine leak sensor off", None, [("home.get_state", {
        "name": "Washing Machine Leak", "domain": "binary_sensor", "device_class": "moisture", "state": "off"})]),
    ("is the front door lock locked and is the garage door down", None,
     [("home.get_state", {"name": "Front Door Lock", "domain": "lock", "state": "locked"}),
      ("home.get_state", {"name": "Garage Door", "state": "closed"})]),
    ("text Bob \U0001F44D and lock the front door", None,
     [("phone.send_text_message", {"contact_name": "Bob", "message": "\U0001F44D"}), ("home.turn_on", {"name": "Front Door Lock"})]),
    ("text Mom here and lock the front door", None,
     [("phone.send_text_message", {"contact_name": "Mom", "message": "here"}), ("home.turn_on", {"name": "Front Door Lock"})]),
    ("search youtube for how to say thank you", None, [("phone.search_youtube_videos", {"query": "how to say thank you"})]),
    ("send Dad a text tomorrow saying happy birthday", None,
     [("phone.send_text_message", {"contact_name": "Dad", "message": "happy birthday"})]),
    ("go to the previous song on the kitchen speaker and tell the robot vacuum to go back to base", None,
     [("home.media_previous", {"name": "Kitchen Speaker"}), ("home.vacuum_return_to_base", {"name": "Robot Vacuum"})]),
    ("set the thermostat to twenty one and a half degrees", None,
     [("home.climate_set_temperature", {"name": "Thermostat", "temperature": 21.5})]),
    ("connect to my AirPods and wait up to 3 minutes", None,  # past the 120 s most: the default, not 3 s
     [("phone.connect_to_bluetooth_device", {"device_name": "AirPods"})]),
    ("text Bob the kitchn is flooded, I'm so annoyed", None,  # the user's own spelling
     [("phone.send_text_message", {"contact_name": "Bob", "message": "the kitchn is flooded, I'm so annoyed"})]),
    ("I like being outside", None, []),
    ("head to bed", None, []),
    ("turn on the ceiling light in here", {"area": "Living Room"},
     [("home.turn_on", {"name": "Ceiling Light", "area": "Living Room"})]),
])
def test_the_shipped_planner_keeps_what_the_new_rules_must_not_touch(query: str, context: dict[str, str] | None,
                                                                      expected: list[Any]) -> None:
    assert shipped_calls(query, context) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("unmute the bedroom speaker and set it to 25 percent",
     [("home.media_player_unmute", {"name": "Bedroom Speaker"}),
      ("home.set_volume", {"name": "Bedroom Speaker", "volume_level": 25})]),
    ("what's the weather in Lisbon and in Porto",
     [("phone.get_weather_forecast", {"location": "Porto"}), ("phone.get_weather_forecast", {"location": "Lisbon"})]),
    ("add replace air filter to chores and add batteries to the shopping list",
     [("home.list_add_item", {"item": "replace air filter", "name": "Chores"}),
      ("home.list_add_item", {"item": "batteries", "name": "Shopping List"})]),
    ("navigate to the store and add eggs to my shopping list",
     [("car.navigate_to", {"destination": "the store"}), ("home.list_add_item", {"item": "eggs", "name": "Shopping List"})]),
])
def test_the_shipped_planner_reads_each_clause_of_its_own(query: str, expected: list[Any]) -> None:
    """"set it" is the speaker unmuted first; a second place of the weather is a forecast
    too; each item goes to the list its clause names; a list is no destination."""
    assert shipped_calls(query) == expected


def test_a_list_is_no_destination() -> None:
    from hub.planner.planner import _no_trip_to_a_list

    def kept(destination: str) -> list[str]:
        plan = Plan(calls=[PlannedCall(id="c1", function="home.list_add_item", args={"item": "eggs", "name": "Shopping List"}),
                           PlannedCall(id="c2", function="car.navigate_to", args={"destination": destination})])
        return [c.function for c in _no_trip_to_a_list(plan).calls]

    assert kept("the shopping list") == ["home.list_add_item"]
    assert kept("the store") == ["home.list_add_item", "car.navigate_to"]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    # found by a second review: each right before the rules, and must stay so
    ("take me to Mike's Garage", [("car.navigate_to", {"destination": "Mike's Garage"})]),
    ("lock the doors, I'm leaving the garage", [("car.lock_doors", {})]),
    ("what's my battery at, I'm in the garage", [("car.get_vehicle_status", {})]),
    ("set the charge limit to max", [("car.set_charge_limit", {"percent": 100})]),
    ("turn on the attic fan, it's freezing", []),
    ("turn on the bathroom fan, it's steamy in there", [("home.turn_on", {"area": "Bathroom", "domain": "fan"})]),
    ("add an event to my calendar, the dentist is at 3pm tomorrow", "event"),
    ("has the hallway motion sensor stopped detecting movement", [("home.get_state", {
        "name": "Hallway Motion", "domain": "binary_sensor", "device_class": "motion", "state": "off"})]),
    ("do you like it outside", []),
])
def test_the_shipped_planner_keeps_what_the_reviewed_rules_must_not_touch(query: str, expected: Any) -> None:
    calls = shipped_calls(query)
    if expected == "event":  # its day follows today's date
        assert [(f, a["title"]) for f, a in calls] == [("phone.create_calendar_event", "dentist")]
    else:
        assert calls == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("save 212 555 0199 as a contact under Dr. Halvorsen",
     [("phone.create_contact", {"name": "Dr. Halvorsen", "phone_number": "+12125550199"})]),
    ("is the kitchen light on? text the answer to Lucía",
     [("home.get_state", {"name": "Kitchen Light", "state": "on"}),
      ("phone.send_text_message", {"contact_name": "Lucía", "message": {"$ref": "c1"}})]),
    ("text Mom the answer is yes", [("phone.send_text_message", {"contact_name": "Mom", "message": "the answer is yes"})]),
])
def test_the_shipped_planner_keeps_titles_and_passes_the_answer_on(query: str, expected: list[Any]) -> None:
    """A title said before a contact's name is part of it; a message that ends by naming
    the answer passes on the look-up before it (a message that only starts so is words)."""
    assert shipped_calls(query) == expected


def test_a_copied_value_that_is_no_message_keeps_only_a_bare_and() -> None:
    """A search, a place or an item is kept whole across "and" ("Barnes and Noble"), not
    across "also", a command after a comma, nor "and the weather in ..."; a message is
    kept whole across all of them; an item that names a list is two clauses."""
    from hub.planner.planner import _clauses

    messages = frozenset({("phone.send_text_message", "message")})

    def clauses(query: str, function: str, arg: str, value: str) -> list[str]:
        plan = Plan(calls=[PlannedCall(id="c1", function=function, args={arg: value})])
        return [query[b:e] for b, e, _ in _clauses(query, plan, messages)]

    query = "search youtube for knife tips, also what's the forecast in Asheville"
    assert clauses(query, "phone.search_youtube_videos", "query", query[19:]) == \
        ["search youtube for knife tips", "what's the forecast in Asheville"]
    query = "news on the housing market and the weather in Munich"
    assert clauses(query, "phone.get_trending_news", "query", query[8:]) == \
        ["news on the housing market", "the weather in Munich"]
    query = "find news about Johnson and Johnson"
    assert clauses(query, "phone.get_trending_news", "query", "Johnson and Johnson") == [query]
    query = "text Sam sorry, also call me later"
    assert clauses(query, "phone.send_text_message", "message", "sorry, also call me later") == [query]
    query = "add mop the floor to the chores list and check off dishes"
    assert clauses(query, "home.list_add_item", "item", query[4:]) == \
        ["add mop the floor to the chores list", "check off dishes"]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "context", "expected"), [
    ("whats the weather like in madrid", None, [("phone.get_weather_forecast", {"location": "madrid"})]),
    ("what's the weather in the garden", None, [("home.get_weather", {})]),
    ("how's the weather in here", {"area": "Kitchen"}, [("home.get_weather", {})]),
    ("check the office shades and text it to Noor", None,
     [("home.get_state", {"name": "Office Shades"}),
      ("phone.send_text_message", {"contact_name": "Noor", "message": {"$ref": "c1"}})]),
    ("add sweep the porch to the chores list and check off fold laundry", None,
     [("home.list_add_item", {"item": "sweep the porch", "name": "Chores"}),
      ("home.list_complete_item", {"item": "fold laundry", "name": "Chores"})]),
    ("take the butter off the shopping list and add margarine instead", None,
     [("home.list_remove_item", {"item": "butter", "name": "Shopping List"}),
      ("home.list_add_item", {"item": "margarine", "name": "Shopping List"})]),
    ("turn on the lights upstairs and turn off the ones downstairs", None,
     [("home.turn_on", {"floor": "First Floor", "domain": "light"}),
      ("home.turn_off", {"floor": "Ground Floor", "domain": "light"})]),
    ("set the passenger seat heater to 2 and the driver one to 3", None,
     [("car.set_seat_heating", {"seat": "passenger", "level": 2}), ("car.set_seat_heating", {"seat": "driver", "level": 3})]),
    ("navigate to Barnes and Noble", None, [("car.navigate_to", {"destination": "Barnes and Noble"})]),
    ("set the car's navigation to Union Station", None, [("car.navigate_to", {"destination": "Union Station"})]),
    ("msg Priya I'm outside", None, [("phone.send_text_message", {"contact_name": "Priya", "message": "I'm outside"})]),
])
def test_the_shipped_planner_reads_places_referents_lists_and_ones(query: str, context: dict[str, str] | None,
                                                                   expected: list[Any]) -> None:
    """A lowercase place of a lowercase request; a device the referent names is what is
    passed on; a clause without its list takes the list of the clause before; "instead" is
    no part of an item; "the ones" and "the driver one" are the things the clause before
    said; a name with "and" stays whole; the car's nav and "msg" are a trip and a text."""
    assert shipped_calls(query, context) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("open the back door for the dog", [("phone.open_or_lock_door", {"status": "open"})]),
    ("unlock the back door", [("home.turn_off", {"name": "Back Door Lock"})]),
    ("did we lock the back door?", [("home.get_state", {"name": "Back Door Lock", "domain": "lock", "state": "locked"})]),
    ("did someone close the garage door", [("home.get_state", {"name": "Garage Door", "state": "closed"})]),
    ("close the living room blinds halfway", [("home.set_position", {"name": "Living Room Blinds", "position": 50})]),
    ("walking directions from the train station to the museum",
     [("phone.find_route_google_maps", {"origin": "the train station", "destination": "the museum", "mode": "walking"})]),
    ("navigate to the museum", [("car.navigate_to", {"destination": "the museum"})]),
    ("text Ada see you at 6 and text Bo the same thing",
     [("phone.send_text_message", {"contact_name": "Ada", "message": "see you at 6"}),
      ("phone.send_text_message", {"contact_name": "Bo", "message": "see you at 6"})]),
    ("where's the car? send the location to Remy",
     [("car.get_vehicle_status", {}), ("phone.send_text_message", {"contact_name": "Remy", "message": {"$ref": "c1"}})]),
    ("latest news about the elections in spanish, text it to Lu",
     [("phone.get_trending_news", {"query": "the elections", "language": "es"}),
      ("phone.send_text_message", {"contact_name": "Lu", "message": {"$ref": "c1"}})]),
])
def test_the_shipped_planner_opens_doors_asks_if_done_and_routes(query: str, expected: list[Any]) -> None:
    """The front or back door opened is the phone's lock (unlocked is the home's); "did I
    lock ..." asks; halfway is 50 %; a walk from somewhere is a route; "the same thing" is
    the message before; "the location" passes the look-up on; a language ends its clause."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "context", "expected"), [
    ("text Grandma and Grandpa we landed safely", None,
     [("phone.send_text_message", {"contact_name": "Grandma", "message": "we landed safely"}),
      ("phone.send_text_message", {"contact_name": "Grandpa", "message": "we landed safely"})]),
    ("text Ana and Bo the weather", None,
     [("home.get_weather", {}), ("phone.send_text_message", {"contact_name": "Bo", "message": {"$ref": "c1"}}),
      ("phone.send_text_message", {"contact_name": "Ana", "message": {"$ref": "c1"}})]),
    ("play the album Rumours on the bedroom speaker and set its volume to 30", None,
     [("home.media_search_and_play", {"name": "Bedroom Speaker", "search_query": "Rumours", "media_class": "album"}),
      ("home.set_volume", {"name": "Bedroom Speaker", "volume_level": 30})]),
    ("play my Sunday Morning playlist from Spotify on the nest hub", None,
     [("phone.play_music_on_nest_hub", {"music_service": "Spotify", "music_name": "Sunday Morning"})]),
    ("find a knot tying video", None, [("phone.search_youtube_videos", {"query": "knot tying"})]),
    ("find a banana bread video on youtube", None, [("phone.search_youtube_videos", {"query": "banana bread"})]),
    ("search youtube for a guided meditation", None, [("phone.search_youtube_videos", {"query": "a guided meditation"})]),
    ("kill the kitchen lights", None, [("home.turn_off", {"area": "Kitchen", "domain": "light"})]),
    ("is it rainy out right now?", None, [("home.get_weather", {})]),
    ("it's kind of chilly in here", {"area": "Office"}, []),
    ("it's so gloomy in here", {"area": "Office"}, []),
    ("roll the window down in here", {"area": "Kitchen"}, []),
    ("skip this song on the nest hub", None, []),
    ("make a new list called party supplies", None, []),
    ("silence the smoke detector", None, []),
    ("set my alarm volume to 0", None, [("phone.set_volume", {"level": 0, "volume_type": "alarm"})]),
])
def test_the_shipped_planner_texts_each_and_drops_what_nothing_serves(query: str, context: dict[str, str] | None,
                                                                     expected: list[Any]) -> None:
    """One text to each of several contacts; "its volume" is the device's; "my" is no
    part of a playlist, nor "a ... video" of a search; a room's lights are its lights;
    "is it rainy out" is the home's weather; a remark is no forecast; "in here" is no car;
    nothing serves the Nest Hub's controls, a new list or a smoke alarm's silence."""
    assert shipped_calls(query, context) == expected


def test_a_comma_before_can_you_and_a_command_breaks_a_clause() -> None:
    from hub.planner.planner import _clauses

    query = "it's freezing up here, can you turn on the heater"
    assert [(query[b:e], remark) for b, e, remark in _clauses(query, Plan(calls=[]))] == \
        [("it's freezing up here", True), ("can you turn on the heater", False)]


def test_words_are_no_contacts_and_a_look_up_is_made_once() -> None:
    """A text to "too" that nothing takes is dropped; two look-ups the same are one, and
    every call that took either takes it; a look-up nobody asked for beside an action is
    dropped; a new timer of the time added to one is that time said again."""
    from hub.planner.planner import (_more_time, _no_word_is_a_contact, _nothing_unasked_looked_up,
                                     _without_repeats)

    forecast = {"location": "Oslo"}
    plan = Plan(calls=[
        PlannedCall(id="c1", function="phone.get_weather_forecast", args=forecast),
        PlannedCall(id="c2", function="phone.send_text_message", args={"contact_name": "Ida", "message": {"$ref": "c1"}}),
        PlannedCall(id="c3", function="phone.get_weather_forecast", args=forecast),
        PlannedCall(id="c4", function="phone.send_text_message", args={"contact_name": "Bo", "message": {"$ref": "c3"}}),
        PlannedCall(id="c5", function="phone.send_text_message", args={"contact_name": "too", "message": {"$ref": "c3"}})])
    plan = _without_repeats(_no_word_is_a_contact(plan))
    assert [(c.function, c.args) for c in plan.calls] == [
        ("phone.get_weather_forecast", forecast),
        ("phone.send_text_message", {"contact_name": "Ida", "message": {"$ref": "c1"}}),
        ("phone.send_text_message", {"contact_name": "Bo", "message": {"$ref": "c1"}})]

    looked = Plan(calls=[PlannedCall(id="c1", function="home.climate_get_temperature", args={"area": "Office"}),
                         PlannedCall(id="c2", function="home.climate_set_temperature", args={"area": "Office", "temperature": 19})])
    assert [c.function for c in _nothing_unasked_looked_up("office is too warm, set it to 19", looked).calls] == \
        ["home.climate_set_temperature"]
    assert len(_nothing_unasked_looked_up("how warm is the office? set it to 19", looked).calls) == 2

    timers = Plan(calls=[PlannedCall(id="c1", function="home.increase_timer", args={"minutes": 10, "name": "rice"}),
                         PlannedCall(id="c2", function="home.start_timer", args={"minutes": 10})])
    functions = ["home.increase_timer", "home.start_timer"]
    assert [c.function for c in _more_time("add 10 minutes to the rice timer", timers, functions).calls] == \
        ["home.increase_timer"]
    assert len(_more_time("add 10 minutes to the rice timer and start a 10 minute timer", timers, functions).calls) == 2


def test_a_closing_sentence_that_says_how_things_are_is_a_remark() -> None:
    """"... close the blinds? I'm going up to bed." is planned without the sentence after it;
    one with a number or a name in it is no remark."""
    from hub.planner.planner import _CLOSING_REMARK

    def remark(query: str) -> str | None:
        found = _CLOSING_REMARK.search(query)
        return found.group().strip() if found else None

    assert remark("close the blinds? I'm going up to bed.") == "I'm going up to bed."
    assert remark("tell me the time? The clock has stopped. It does that.") == "The clock has stopped. It does that."
    assert remark("call the pharmacy. The number is 312 555 0176.") is None
    assert remark("text her the news. My son Peter asked.") is None


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("Would you be so good as to close the office shades? The sun is in my eyes.",
     [("home.turn_off", {"name": "Office Shades"})]),
    ("I wonder if you could add oat milk to the shopping list for me",
     [("home.list_add_item", {"item": "oat milk", "name": "Shopping List"})]),
    ("unlock car n pop the trunk", [("car.unlock_doors", {}), ("car.open_trunk", {})]),
    ("whats trending on f1 rn", [("phone.get_trending_news", {"query": "f1"})]),
    ("can u txt Coach Lee that practice is cancelled", [
        ("phone.send_text_message", {"contact_name": "Coach Lee", "message": "practice is cancelled"})]),
    ("find the latest news about the Tour de France and text it to my friend Odile", [
        ("phone.get_trending_news", {"query": "the Tour de France"}),
        ("phone.send_text_message", {"contact_name": "Odile", "message": {"$ref": "c1"}})]),
])
def test_the_shipped_planner_reads_plain_requests_out_of_polite_and_texting_ones(query: str, expected: list[Any]) -> None:
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "context", "expected"), [
    ("switch off the telly", None, [("home.turn_off", {"name": "Living Room TV"})]),
    ("please unpause the television", None, [("home.media_unpause", {"name": "Living Room TV"})]),
    ("turn off all the lights here", {"area": "Bedroom"}, [("home.turn_off", {"domain": "light", "area": "Bedroom"})]),
    ("play some jazz here", {"area": "Kitchen"}, [("home.media_search_and_play", {"area": "Kitchen", "search_query": "jazz"})]),
    ("search youtube for a banana bread recipe and play it on the kitchen speaker", None,
     [("phone.search_youtube_videos", {"query": "a banana bread recipe"}),
      ("home.media_search_and_play", {"name": "Kitchen Speaker", "search_query": {"$ref": "c1"}})]),
])
def test_the_shipped_planner_hears_the_tv_here_and_plays_what_was_found(query: str, context: dict[str, str] | None,
                                                                        expected: list[Any]) -> None:
    """"the television" is the TV; "here" is the asking room for a class or a player, and
    no part of what is played; a home player plays what a YouTube search found."""
    assert shipped_calls(query, context) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "context", "expected"), [
    ("desk lamp on, lights off in here", {"area": "Kitchen"},
     [("home.turn_on", {"name": "Desk Lamp"}), ("home.turn_off", {"area": "Kitchen", "domain": "light"})]),
    ("porch light off, lock the car", None, [("home.turn_off", {"name": "Porch Light"}), ("car.lock_doors", {})]),
    ("dnd on, media volume to 4", None,
     [("phone.enable_do_not_disturb", {"enabled": True}), ("phone.set_volume", {"level": 4, "volume_type": "media"})]),
    ("hold on, pause the tv", None, [("home.media_pause", {"name": "Living Room TV"})]),
    ("is the porch light on and what's the time", None,
     [("home.get_state", {"name": "Porch Light", "state": "on"}), ("home.get_current_time", {})]),
])
def test_the_shipped_planner_reads_things_said_with_their_setting(query: str, context: dict[str, str] | None,
                                                                   expected: list[Any]) -> None:
    """"desk lamp on, lights off in here": each thing said with how to set it is a clause of
    its own (Home Assistant's "turn on the desk lamp"), and no remark; "hold on" and "is the
    porch light on" are no such thing."""
    assert shipped_calls(query, context) == expected


def test_objects_each_with_their_setting_are_no_coordination() -> None:
    from hub.planner import spoken

    assert spoken.coordinated("night light blue and desk lamp off please") is None
    assert spoken.coordinated("turn off the tv and the lamp") == ["turn off the tv", "turn off the lamp"]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("add paper towels", [("home.shopping_list_add_item", {"item": "paper towels"})]),
    ("add butter, oh and jam", [("home.shopping_list_add_item", {"item": "butter"}),
                                ("home.shopping_list_add_item", {"item": "jam"})]),
    ("add batteries, pack of 8", [("home.shopping_list_add_item", {"item": "batteries, pack of 8"})]),
    ("mark the oat milk as bought", [("home.shopping_list_complete_item", {"item": "the oat milk"})]),
    ("add up 12 and 30", []),
    ("timer 15 minutes for the pizza", [("home.start_timer", {"minutes": 15, "name": "pizza"})]),
    ("set a timer for my tea 4 min", [("home.start_timer", {"minutes": 4, "name": "tea"})]),
    ("cancel the timer of the rice", [("home.cancel_timer", {"name": "rice"})]),
    ("check the garage door, text the answer to Mia",
     [("home.get_state", {"name": "Garage Door", "state": "closed"}),
      ("phone.send_text_message", {"contact_name": "Mia", "message": {"$ref": "c1"}})]),
])
def test_the_shipped_planner_adds_bare_items_names_timers_and_passes_the_answer(query: str, expected: list[Any]) -> None:
    """An item added or marked bought with no list is the shopping list's ("add up" is
    sums); a timer's name after its duration, before a number, or "of the ..."; ", text
    the answer to ..." passes the look-up on."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "context", "expected"), [
    ("I'm rather worried about the laundry room. Could you check whether the washing machine is leaking, please?", None,
     [("home.get_state", {"name": "Washing Machine Leak", "domain": "binary_sensor", "device_class": "moisture",
                          "state": "on"})]),
    ("is the hallway motion detecting anything", None,
     [("home.get_state", {"name": "Hallway Motion", "domain": "binary_sensor", "device_class": "motion", "state": "on"})]),
    ("Could you please pause the music in this room? I think I hear the telephone ringing.", {"area": "Kitchen"},
     [("home.media_pause", {"area": "Kitchen"})]),
    ("Would you kindly tell me what the weather is like outside? I'd like to know before I take my little walk.", None,
     [("home.get_weather", {})]),
    # found by a review of this session's rules: each right before them, and must stay so
    ("add mac n cheese to the shopping list", None, [("home.list_add_item", {"item": "mac n cheese", "name": "Shopping List"})]),
    ("what's the weather in vancouver bc", None, [("phone.get_weather_forecast", {"location": "vancouver bc"})]),
    ("text Sam I'm in seat b4", None, [("phone.send_text_message", {"contact_name": "Sam", "message": "I'm in seat b4"})]),
    ("open the back door of the car", None, [("car.unlock_doors", {})]),
    ("play Wish You Were Here", {"area": "Living Room"},
     [("home.media_search_and_play", {"area": "Living Room", "search_query": "Wish You Were Here"})]),
    ("play my chemical romance", None, [("home.media_search_and_play", {"search_query": "my chemical romance"})]),
    ("whats the weather near me", None, [("home.get_weather", {})]),
    ("add Sam as a contact", None, []),
    ("mark the package as picked up", None, []),
    ("set a timer called round 2 for 3 minutes", None, [("home.start_timer", {"minutes": 3, "name": "round 2"})]),
    ("turn on the kitchen light and play the latest one", None,
     [("home.turn_on", {"name": "Kitchen Light"}), ("home.media_search_and_play", {"search_query": "the latest one"})]),
    ("play jazz in the kitchen and set its volume to 30", None,
     [("home.media_search_and_play", {"area": "Kitchen", "search_query": "jazz"}),
      ("home.set_volume", {"area": "Kitchen", "volume_level": 30})]),
    ("Turn off the TV. The bedroom lights too.", None,
     [("home.turn_off", {"name": "Living Room TV"}), ("home.turn_off", {"area": "Bedroom", "domain": "light"})]),
    ("warm up the driver's seat, it's cold in here", {"area": "Garage"}, [("car.set_seat_heating", {"seat": "driver", "level": 2})]),
])
def test_the_shipped_planner_hears_sensors_and_keeps_what_the_second_review_found(
        query: str, context: dict[str, str] | None, expected: list[Any]) -> None:
    """A sentence before the request that only says how things are is no part of it; a
    question whether a thing the home has a sensor on senses something asks that sensor;
    and the review's guards: shorthand only where it is shorthand, the car's own doors and
    seats, titles kept whole, "my" only before a name, a bare "add" only of items."""
    assert shipped_calls(query, context) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_plan_without_a_call_the_home_cannot_serve_is_numbered_again() -> None:
    plan = Plan(calls=[PlannedCall(id="c1", function="home.get_weather", args={}),
                       PlannedCall(id="c2", function="home.turn_on", args={"domain": "cover", "device_class": "awning"}),
                       PlannedCall(id="c3", function="home.turn_on", args={"name": "Floor Lamp"})])
    served = _shipped()._served(plan, "what's the weather, open the awning and turn on the floor lamp")
    assert [(c.id, c.function) for c in served.calls] == [("c1", "home.get_weather"), ("c2", "home.turn_on")]


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("text Ana see you soon, oh and also navigate to the airport",
     [("phone.send_text_message", {"contact_name": "Ana", "message": "see you soon"}),
      ("car.navigate_to", {"destination": "the airport"})]),
    ("email bo@x.org subject Rent, body: paid today. also set a 10 min timer",
     [("phone.send_email", {"recipient": "bo@x.org", "title": "Rent", "content": "paid today"}),
      ("home.start_timer", {"minutes": 10})]),
    ("text Sam sorry, call me later", [("phone.send_text_message", {"contact_name": "Sam", "message": "sorry, call me later"})]),
    ("search youtube for lofi beats and play the result on the kitchen speaker",
     [("phone.search_youtube_videos", {"query": "lofi beats"}),
      ("home.media_search_and_play", {"name": "Kitchen Speaker", "search_query": {"$ref": "c1"}})]),
    ("set the desk lamp to 3000 K at 50% brightness",
     [("home.light_set", {"name": "Desk Lamp", "brightness": 50, "temperature": 3000})]),
])
def test_the_shipped_planner_ends_messages_before_commands_and_sets_a_thing_once(query: str, expected: list[Any]) -> None:
    """A message ends where "also"/"then"/a new sentence starts a device's command (not
    before "call me later"); a home player plays "the result" a search found; one lamp or
    one alarm said once is set by one call of all it is given."""
    assert shipped_calls(query) == expected


def test_an_alarm_said_once_is_set_once() -> None:
    from hub.planner.planner import _set_once

    plan = Plan(calls=[PlannedCall(id="c1", function="phone.set_timer_alarm", args={"time": "05:15"}),
                       PlannedCall(id="c2", function="phone.set_timer_alarm", args={"time": "05:15", "label": "airport"})])
    assert [c.args for c in _set_once("an alarm at 5:15am, label it airport", plan).calls] == [
        {"time": "05:15", "label": "airport"}]
    assert len(_set_once("an alarm at 5:15 and another alarm at 5:15 labelled airport", plan).calls) == 2


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "context", "expected"), [
    ("grabbed the bread, check it off", None, [("home.shopping_list_complete_item", {"item": "bread"})]),
    # found by a second review of this session's rules: each right before them, and must stay so
    ("text Mom I'm home. Please start dinner", None,
     [("phone.send_text_message", {"contact_name": "Mom", "message": "I'm home. Please start dinner"})]),
    ("play Uh Oh on the kitchen speaker", None,
     [("home.media_search_and_play", {"name": "Kitchen Speaker", "search_query": "Uh Oh"})]),
    ("play Adele here", {"area": "Kitchen"}, [("home.media_search_and_play", {"area": "Kitchen", "search_query": "Adele"})]),
    ("turn off the tv n lights", None, [("home.turn_off", {"name": "Living Room TV"}), ("home.turn_off", {"domain": "light"})]),
    ("what's the weather in wyoming", None, [("phone.get_weather_forecast", {"location": "wyoming"})]),
    ("add more coffee", None, [("home.shopping_list_add_item", {"item": "more coffee"})]),
    ("add milk to the shopping list and add minute rice", None,
     [("home.list_add_item", {"item": "milk", "name": "Shopping List"}),
      ("home.list_add_item", {"item": "minute rice", "name": "Shopping List"})]),
    ("My mom is waiting outside. Could you text her I'm coming", None,
     [("phone.send_text_message", {"contact_name": "My mom", "message": "I'm coming"})]),
    ("open the front door, I'm carrying groceries from the car", None, [("phone.open_or_lock_door", {"status": "open"})]),
    ("play my workout playlist", None,
     [("home.media_search_and_play", {"search_query": "workout", "media_class": "playlist"})]),
])
def test_the_shipped_planner_keeps_what_the_third_review_found(query: str, context: dict[str, str] | None,
                                                               expected: list[Any]) -> None:
    assert shipped_calls(query, context) == expected


def test_two_timers_said_as_two_stay_two() -> None:
    from hub.planner.planner import _set_once

    plan = Plan(calls=[PlannedCall(id="c1", function="home.start_timer", args={"minutes": 3, "name": "tea"}),
                       PlannedCall(id="c2", function="home.start_timer", args={"minutes": 3})])
    assert len(_set_once("set a 3 minute timer for tea and a 3 minute one for coffee", plan).calls) == 2


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("set the spa to 100", []),
    ("start the humidifier in the office", []),
    ("open the side gate", []),
    ("navigate to the Golden Gate Bridge", [("car.navigate_to", {"destination": "the Golden Gate Bridge"})]),
    ("vacuum the kids room", [("home.vacuum_clean_area", {"area": "Kids Room"})]),
])
def test_the_shipped_planner_serves_no_device_the_home_lacks(query: str, expected: list[Any]) -> None:
    """A hot tub, a gate or a humidifier the home lacks is served by no home call (not even a
    vacuum's run in the room said) and no car's; a trip's place is never such a device."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize("query", ["msg", "mark as bought", "add", "Would you be so kind as to", "I'm tired. Could you"])
def test_the_shipped_planner_plans_nothing_for_a_request_cut_short(query: str) -> None:
    """A verb or a polite frame alone asks for nothing (a bare "msg" had texted "msg")."""
    assert shipped_calls(query) == []


def test_one_text_to_each_person_named_together() -> None:
    """"send the forecast for Oslo to Ida and Lars" had texted Lars only, and "both léa and
    hugo" had texted one contact named "léa and hugo": one text to each."""
    from hub.planner.planner import _texted_each

    def texted(query: str, *names: str) -> list[str]:
        calls = [PlannedCall(id="c1", function="phone.get_weather_forecast", args={"location": "Oslo"})]
        calls += [PlannedCall(id=f"c{n + 2}", function="phone.send_text_message",
                              args={"contact_name": name, "message": {"$ref": "c1"}}) for n, name in enumerate(names)]
        plan = _texted_each(query, Plan(calls=calls))
        assert all(c.args["message"] == {"$ref": "c1"} for c in plan.calls[1:])
        return [c.args["contact_name"] for c in plan.calls[1:]]

    assert texted("send the forecast for Oslo to Ida and Lars", "Lars") == ["Ida", "Lars"]
    assert texted("check the forecast in oslo and send it to both léa and hugo", "léa and hugo") == ["léa", "hugo"]
    assert texted("forecast for oslo, text it to ana, bo and cy", "ana") == ["ana", "bo", "cy"]
    assert texted("text Mom and Dad the Oslo forecast", "Mom", "Dad") == ["Mom", "Dad"]
    assert texted("send the forecast for Oslo to Ida and call Bo", "Ida") == ["Ida"]  # "call" is no name
    assert texted("send the forecast for Oslo to Ida and say hi", "Ida") == ["Ida"]
    assert texted("tell Ida the Oslo forecast, Tom and Jerry are here", "Ida") == ["Ida"]


def test_unpunctuated_speech_breaks_before_a_result_passed_on() -> None:
    """"how long on the turkey timer text that to carlos": a result sent on starts a clause
    even without a comma; "tell Sam via text that ..." and "send it back to base" do not."""
    from hub.planner.planner import _clauses

    def parts(query: str) -> list[str]:
        return [query[b:e] for b, e, _ in _clauses(query, Plan(calls=[]))]

    assert parts("how long on the turkey timer text that to carlos") == ["how long on the turkey timer", "text that to carlos"]
    assert parts("is the hallway motion sensor on text the answer to ines") == \
        ["is the hallway motion sensor on", "text the answer to ines"]
    assert parts("whats the weather in rome broadcast it") == ["whats the weather in rome", "broadcast it"]
    assert len(parts("tell Sam via text that the meeting got moved")) == 1
    assert len(parts("the vacuum in the hallway send it back to base")) == 1
    assert len(parts("ask him to send it to me")) == 1


def test_a_phone_number_is_every_digit_said() -> None:
    from hub.planner.planner import _whole_phone_numbers

    def called(query: str, number: str) -> str:
        plan = Plan(calls=[PlannedCall(id="c1", function="phone.make_phone_call", args={"phone_number": number})])
        return _whole_phone_numbers(query, plan).calls[0].args["phone_number"]

    assert called("call plus three three six one two three four five six seven eight", "+3361234") == "+33612345678"
    assert called("call 415 555 0199 and set an alarm for 7", "+14155550199") == "+14155550199"
    assert called("call plus four four seven seven and text him at five", "+4477") == "+4477"  # the run ends at "and"


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("announce how long is left on the cake timer",
     [("home.timer_status", {"name": "cake"}), ("home.broadcast", {"message": {"$ref": "c1"}})]),
    ("text hamid what the thermostat says",
     [("home.climate_get_temperature", {"name": "Thermostat"}),
      ("phone.send_text_message", {"contact_name": "hamid", "message": {"$ref": "c1"}})]),
    ("find a video on youtube of how to make pho and play it on the nest hub",
     [("phone.search_youtube_videos", {"query": "how to make pho"}),
      ("phone.play_video_on_nest_hub", {"video_service": "youtube", "video_name": {"$ref": "c1"}})]),
    ("set an alarm for quarter to eight tonight called pick up laundry",
     [("phone.set_timer_alarm", {"time": "19:45", "label": "pick up laundry"})]),
    ("set an alarm called gym for 6 am", [("phone.set_timer_alarm", {"time": "06:00", "label": "gym"})]),
    ("set an alarm for 7 called pick up laundry and turn off the lights",
     [("phone.set_timer_alarm", {"time": "07:00", "label": "pick up laundry"}), ("home.turn_off", {"domain": "light"})]),
    ("email the thermostat reading to service at coolbreeze dot com subject reading",
     [("home.climate_get_temperature", {"name": "Thermostat"}),
      ("phone.send_email", {"recipient": "service@coolbreeze.com", "title": "reading", "content": {"$ref": "c1"}})]),
    ("add salt and pepper to the shopping list",
     [("home.list_add_item", {"item": "salt", "name": "Shopping List"}),
      ("home.list_add_item", {"item": "pepper", "name": "Shopping List"})]),
])
def test_the_shipped_planner_reads_speech_as_transcribed(query: str, expected: list[Any]) -> None:
    """Requests as a speech recognizer writes them: no punctuation, spoken addresses, an
    announcement that asks, a label said last."""
    assert shipped_calls(query) == expected


def test_the_time_said_first_changes_the_timer_the_second_names() -> None:
    from hub.planner.planner import _timer_changed_by

    def changed(query: str, args: dict[str, Any]) -> dict[str, Any]:
        plan = Plan(calls=[PlannedCall(id="c1", function="home.decrease_timer", args=args)])
        return _timer_changed_by(query, plan).calls[0].args

    assert changed("take an hour off the three hour timer", {"hours": 3, "start_hours": 0}) == \
        {"hours": 1, "start_hours": 3}
    assert changed("add half an hour to the two hour timer", {"hours": 2, "minutes": 30}) == \
        {"minutes": 30, "start_hours": 2}
    assert changed("take five minutes off the pie timer in the kitchen", {"minutes": 5, "name": "pie"}) == \
        {"minutes": 5, "name": "pie"}  # no length names the timer: as planned


def test_speech_without_punctuation_breaks_before_a_command() -> None:
    """"lock the car honk once and text jun ...": a command said straight after another is
    a clause; not a particle ("crack the window open"), nor after "to", "me" or a timer's
    duration ("in 30 minutes turn off ..."), nor in written requests."""
    from hub.planner.planner import _clauses

    def parts(query: str) -> list[tuple[str, bool]]:
        return [(query[b:e], remark) for b, e, remark in _clauses(query, Plan(calls=[]))]

    assert parts("lock the car honk once and text jun im inside") == \
        [("lock the car", False), ("honk once", False), ("text jun im inside", False)]
    # no command word first: it may be a remark, read again with the clause after it if it plans a call
    assert parts("screen brightness to five turn on do not disturb") == \
        [("screen brightness to five", True), ("turn on do not disturb", False)]
    assert parts("its freezing set the heat upstairs to twenty") == \
        [("its freezing", True), ("set the heat upstairs to twenty", False)]
    for one in ("crack the rear left window open 30 mm", "in 30 minutes turn off the christmas tree",
                "remind me to turn off the oven", "its freezing in Oslo set the heat upstairs to twenty"):
        assert len(parts(one)) == 1, one


def test_a_result_sent_to_a_name_goes_to_the_name() -> None:
    from hub.planner.planner import _sent_to_whom_said

    plan = Plan(calls=[PlannedCall(id="c1", function="home.climate_get_temperature", args={"area": "Kids Room"}),
                       PlannedCall(id="c2", function="phone.send_text_message",
                                   args={"contact_name": "thinks im lying", "message": {"$ref": "c1"}})])
    fixed = _sent_to_whom_said("whats the temp in here rn? send it to dad he thinks im lying", plan)
    assert fixed.calls[1].args == {"contact_name": "dad", "message": {"$ref": "c1"}}
    assert _sent_to_whom_said("whats the temp? text thinks im lying", plan) == plan


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("start the engine", []),  # no robot said: the mower is not started
    ("start the mower", [("home.lawn_mower_start_mowing", {})]),
    ("grandpa says the grass is too long can you mow the lawn", [("home.lawn_mower_start_mowing", {})]),
    ("okay bedtime turn off the christmas tree the floor lamp and the ceiling light",
     [("home.turn_off", {"name": "Christmas Tree"}), ("home.turn_off", {"name": "Floor Lamp"}),
      ("home.turn_off", {"name": "Ceiling Light"})]),
])
def test_the_shipped_planner_reads_robots_and_names_as_said(query: str, expected: list[Any]) -> None:
    """A robot runs only where the request says it (by its kind or its name); names said one
    after another without commas are each a call; "... can you ..." starts the request."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
def test_a_robot_named_in_the_home_may_be_started_by_its_name(tmp_path: Path) -> None:
    """The name a home gives its mower says the mower, as its kind's words do."""
    from hub.planner.planner import _ROBOT_WORDS

    inventory = yaml.safe_load(Path(DEFAULT_INVENTORY).read_text())
    next(e for e in inventory["entities"] if e["id"].startswith("lawn_mower."))["name"] = "Gerald"
    path = tmp_path / "home.yaml"
    path.write_text(yaml.safe_dump(inventory))
    planner = Planner.load()
    planner.use_manifests(builtin_manifests(["phone", "car"]) + [Home("home-1", inventory_path=path).manifest()])
    assert not _ROBOT_WORDS["home.lawn_mower_start_mowing"].search("start gerald")
    run = Plan(calls=[PlannedCall(id="c1", function="home.lawn_mower_start_mowing", args={})])
    assert planner._machine_said("start gerald", run).calls == run.calls
    assert planner._machine_said("start the engine", run).calls == []


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("text mom running late", [("phone.send_text_message", {"contact_name": "mom", "message": "running late"})]),
    ("text mom ill be late and navigate to the pharmacy on elm street",
     [("phone.send_text_message", {"contact_name": "mom", "message": "ill be late"}),
      ("car.navigate_to", {"destination": "the pharmacy on elm street"})]),
    ("whats the forecast in oslo send it to erik and astrid",
     [("phone.get_weather_forecast", {"location": "oslo"}),
      ("phone.send_text_message", {"contact_name": "erik", "message": {"$ref": "c1"}}),
      ("phone.send_text_message", {"contact_name": "astrid", "message": {"$ref": "c1"}})]),
    ("text the kids dinner is ready", [("phone.send_text_message", {"contact_name": "the kids", "message": "dinner is ready"})]),
    ("show The Mandalorian from Disney Plus on my nest hub",
     [("phone.play_video_on_nest_hub", {"video_service": "Disney Plus", "video_name": "The Mandalorian"})]),
])
def test_the_shipped_planner_texts_a_lowercase_name(query: str, expected: list[Any]) -> None:
    """A lowercase request texts the word after "text" (v9 alone planned no call for "text
    mom running late"); names joined by "and" after "to" stay one clause; "on my nest hub"
    is no place of its own; a YouTube search is planned only where YouTube, a video or a
    clip is said."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("text dana weather the front door is locked",
     [("home.get_state", {"name": "Front Door Lock", "domain": "lock", "state": "locked"}),
      ("phone.send_text_message", {"contact_name": "dana", "message": {"$ref": "c1"}})]),
    ("set an alarm for 8:15 am and call it pills", [("phone.set_timer_alarm", {"time": "08:15", "label": "pills"})]),
    ("show me the top stories on inteligencia artificial in spanish",
     [("phone.get_trending_news", {"query": "inteligencia artificial", "language": "es"})]),
])
def test_the_shipped_planner_answers_whether_and_names_a_label(query: str, expected: list[Any]) -> None:
    """A text "whether ..." is that question's answer; "call it pills" labels the alarm
    pills; asking for the top stories is never "no call"."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("text sarah check out the recipe at bonappetit dot com",
     [("phone.send_text_message", {"contact_name": "sarah", "message": "check out the recipe at bonappetit dot com"})]),
    ("Text Dad: did you send it to Grandma?",
     [("phone.send_text_message", {"contact_name": "Dad", "message": "did you send it to Grandma?"})]),
    ("text sarah can you forward it to me",
     [("phone.send_text_message", {"contact_name": "sarah", "message": "can you forward it to me"})]),
    ("text coach they will announce the results tonight",
     [("phone.send_text_message", {"contact_name": "coach", "message": "they will announce the results tonight"})]),
    ("Send the forecast for Oslo to Ida and Lars.",
     [("phone.get_weather_forecast", {"location": "Oslo"}),
      ("phone.send_text_message", {"contact_name": "Ida", "message": {"$ref": "c1"}}),
      ("phone.send_text_message", {"contact_name": "Lars", "message": {"$ref": "c1"}})]),
    ("text good morning to my wife", [("phone.send_text_message", {"contact_name": "my wife", "message": "good morning"})]),
    ("text jake's mom im outside", [("phone.send_text_message", {"contact_name": "jake's mom", "message": "im outside"})]),
    ("text mom and dad i'm home", [("phone.send_text_message", {"contact_name": "mom", "message": "i'm home"}),
                                   ("phone.send_text_message", {"contact_name": "dad", "message": "i'm home"})]),
    ("text messages are so annoying", []),
    ("text jake flash the lights when you get here",
     [("phone.send_text_message", {"contact_name": "jake", "message": "flash the lights when you get here"})]),
    ("text jake would you like to come to dinner",
     [("phone.send_text_message", {"contact_name": "jake", "message": "would you like to come to dinner"})]),
    ("play cant stop the feeling on the kitchen speaker",
     [("home.media_search_and_play", {"name": "Kitchen Speaker", "search_query": "cant stop the feeling"})]),
    ("call +1 555 123 4567 two times", [("phone.make_phone_call", {"phone_number": "+15551234567"})]),
    ("set an alarm for 7 called gym thank you", [("phone.set_timer_alarm", {"time": "07:00", "label": "gym"})]),
    ("start the lawnmower", [("home.lawn_mower_start_mowing", {})]),
    ("run the robovac", [("home.vacuum_start", {})]),
    ("play jazz in the kitchen and on the tv",
     [("home.media_search_and_play", {"area": "Kitchen", "search_query": "jazz"}),
      ("home.media_search_and_play", {"name": "Living Room TV", "search_query": "jazz"})]),
    ("search for mr beast", [("phone.search_youtube_videos", {"query": "mr beast"})]),
])
def test_the_shipped_planner_keeps_what_the_speech_review_found(query: str, expected: list[Any]) -> None:
    """Regressions a review of the speech rules found, each mended: a site is no mailbox, a
    result sent on inside a message is the message's, names end before a full stop, the
    word after "text" is no contact where a greeting or the message follows, a robot's
    own words ("lawnmower", "robovac") say it."""
    assert shipped_calls(query) == expected


@pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(), reason="no shipped checkpoint")
@pytest.mark.parametrize(("query", "expected"), [
    ("Text mom im here", [("phone.send_text_message", {"contact_name": "mom", "message": "im here"})]),
    ("Text jake flash the lights when you get here",
     [("phone.send_text_message", {"contact_name": "jake", "message": "flash the lights when you get here"})]),
    ("Lock the car honk once and text jun im inside",
     [("car.lock_doors", {}), ("car.honk_horn", {"times": 1}),
      ("phone.send_text_message", {"contact_name": "jun", "message": "im inside"})]),
])
def test_the_shipped_planner_reads_a_phone_capitalized_request_as_lowercase(query: str, expected: list[Any]) -> None:
    """A phone capitalizes the first letter: the request is still typed in lowercase."""
    assert shipped_calls(query) == expected
