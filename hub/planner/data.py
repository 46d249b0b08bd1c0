"""Training data, generated from the device manifests.

- single calls: each FunctionSpec's `examples` templates with slot values sampled from
  its schema (templates.py, values.py); home requests expanded from Home Assistant's own
  English templates with hassil over random inventories (home_data.py);
- irrelevant requests, as many as Octopus used relative to positives (negatives.py);
- parallel requests: two or three single requests joined the ways people join them;
- nested requests: a producer's result feeds a consumer's text argument
  ("text Mom the weather in Paris").
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from tqdm import tqdm

from hub.planner import home_data, spoken
from hub.planner.constrain import COMMAND_SLOT, DURATION_SLOTS, START_SLOTS, follows_name_rule
from hub.planner.examples import Example
from protocols import DeviceManifest

JOINERS = [" and ", ", and ", " and also ", ", then ", " and then ", ". ", ", plus ", "; ",
           " & ", " also ", ", after that ", " as well as "]

# Producers: what a nested call's result is called in a sentence. Slots use the
# producer's parameter names.
PRODUCERS: dict[str, list[str]] = {
    "phone.get_weather_forecast": [
        "the weather forecast for {location}", "the forecast for {location}",
        "the weather in {location}", "what the weather will be like in {location}",
        "{location}'s forecast", "the weather report for {location}"],
    "phone.get_trending_news": [
        "the latest news about {query}", "trending news on {query}", "the top {query} headlines",
        "what's trending about {query}", "news about {query}"],
    "phone.search_youtube_videos": [
        "some youtube videos about {query}", "youtube results for {query}",
        "a few {query} videos from youtube"],
    "phone.find_route_google_maps": [
        "the route from {origin} to {destination}", "directions from {origin} to {destination}",
        "how to get from {origin} to {destination}"],
    "phone.check_nest_smoke_detector_status": [
        "the smoke detector status", "the status of the nest smoke detector",
        "whether the smoke alarm is ok"],
    "phone.take_a_photo": ["a photo", "a picture", "a selfie => camera=front",
                           "a pic from the front camera => camera=front",
                           "a photo with the back camera => camera=back"],
    "car.get_vehicle_status": [
        "the car's status", "my car's battery status", "the vehicle status", "how much charge the car has",
        "the car's range and charge"],
    "home.get_weather": ["the weather", "today's weather", "the current weather outside"],
    "home.climate_get_temperature": ["the indoor temperature", "the temperature inside",
                                     "how warm it is in the house"],
    "home.get_current_time": ["the time", "the current time"],
}
# Consumers: {X} is the producer phrase; other slots are the consumer's own parameters.
CONSUMERS: dict[tuple[str, str], list[str]] = {
    ("phone.send_text_message", "message"): [
        "text {contact_name} {X}", "send {contact_name} {X}", "message {contact_name} {X}",
        "send {X} to {contact_name}", "text {X} to {contact_name}",
        "get {X} and text it to {contact_name}", "look up {X} and send it to {contact_name}",
        "can you text {contact_name} {X}", "please send {contact_name} a text with {X}",
        "find {X} and message it to {contact_name}", "shoot {contact_name} a message with {X}"],
    ("phone.send_email", "content"): [
        "email {recipient} {X} with the subject {title}",
        "send {X} to {recipient} by email, subject {title}",
        "e-mail {X} to {recipient} titled {title}",
        "get {X} and email it to {recipient} with subject {title}"],
    ("home.broadcast", "message"): [
        "announce {X}", "broadcast {X} to the house", "announce {X} on all the speakers",
        "check {X} and announce it", "tell everyone at home {X}"],
}
PHOTO_FIRST = ["take {X} and send it to {contact_name}", "snap {X} and text it to {contact_name}",
               "take {X} and message it to {contact_name}"]


def single_examples(rng: random.Random, manifests: list[DeviceManifest], per_function: int,
                    home_inventory: dict[str, Any] | None = None) -> list[Example]:
    from hub.planner.templates import function_examples

    out: list[Example] = []
    for manifest in tqdm(manifests, desc="single requests", leave=False):
        if manifest.kind == "home":
            from hub.planner.home_data import home_examples

            out += home_examples(rng, per_function * len(manifest.functions))
            continue
        for spec in manifest.functions:
            out += function_examples(rng, manifest.kind, spec, per_function)
    return out


def parallel_examples(rng: random.Random, singles: list[Example], n: int,
                      nested: list[Example] | None = None, nested_share: float = 0.15) -> list[Example]:
    """Two or three requests joined; a part may itself be nested ("take a selfie and text
    it to Mom, and set the living room to 21 degrees")."""
    out = []
    while len(out) < n:
        parts = rng.sample(singles, 3 if rng.random() < 0.35 else 2)
        if nested and rng.random() < nested_share * len(parts):
            parts[rng.randrange(len(parts))] = rng.choice(nested)
        if len({tuple(sorted(p.context.items())) for p in parts if p.context}) > 1:
            continue  # one request is asked from one place
        homes = list({id(p.inventory): p.inventory for p in parts if p.inventory is not None}.values())
        inventory = homes[0] if len(homes) == 1 else _merged(homes) if homes else None
        text = parts[0].query.rstrip(" .!?")
        calls: list[dict[str, Any]] = []
        for i, part in enumerate(parts):
            if i:
                joiner = rng.choice(JOINERS)
                piece = part.query.rstrip(" .!?") if i < len(parts) - 1 else part.query
                if joiner.startswith(". "):
                    piece = piece[:1].upper() + piece[1:]
                elif not piece[:2].isupper() and not _starts_with_value(piece, part.calls):
                    piece = piece[:1].lower() + piece[1:]
                text += joiner + piece
            renamed = {c["id"]: f"c{len(calls) + j + 1}" for j, c in enumerate(part.calls)}
            for call in part.calls:
                calls.append({**call, "id": renamed[call["id"]],
                              "args": {k: ({"$ref": renamed[v["$ref"]]} if isinstance(v, dict) and "$ref" in v
                                           else _as_joined(v, piece if i else text))
                                       for k, v in call["args"].items()}})
        context = next((p.context for p in parts if p.context), {})
        out.append(Example(text, calls, context, inventory, "parallel"))
    return out


def _as_joined(value: Any, text: str) -> Any:
    """A copied value that ended a part's sentence loses the mark the joint dropped
    ("where are you?" in "text Bo where are you and lock the car")."""
    if isinstance(value, str) and value not in text and value.rstrip(" .!?") in text:
        return value.rstrip(" .!?")
    return value


def _merged(inventories: list[dict[str, Any]]) -> dict[str, Any]:
    """One home holding everything of several (parts of a request drawn from different homes).
    An id two homes share is renamed in the later home, with what points at it (an area's
    floor, an entity's area), so that both homes' floors, areas and entities stay."""
    out: dict[str, Any] = {"floors": [], "areas": [], "entities": []}
    names: dict[str, set[str]] = {key: set() for key in out}
    ids: set[str] = set()
    for n, inventory in enumerate(inventories):
        renamed: dict[str, dict[str, str]] = {key: {} for key in out}
        for key, field, target in (("floors", None, None), ("areas", "floor", "floors"), ("entities", "area", "areas")):
            for item in inventory.get(key) or []:
                if item["name"] in names[key]:
                    continue
                item = dict(item)
                if field and target and item.get(field) in renamed[target]:
                    item[field] = renamed[target][item[field]]
                if item["id"] in ids:
                    old = item["id"]
                    item["id"] = next(f"{old}_{n}_{k}" for k in range(len(ids) + 1) if f"{old}_{n}_{k}" not in ids)
                    renamed[key][old] = item["id"]
                names[key].add(item["name"])
                ids.add(item["id"])
                out[key].append(item)
    return out


def _starts_with_value(text: str, calls: list[dict[str, Any]]) -> bool:
    """Does the text open with a copied argument ("Paris weather")? Then keep its case."""
    values = [v for c in calls for v in c["args"].values() if isinstance(v, str) and v]
    return any(text.lower().startswith(v.lower()) for v in values)


def _fill(rng: random.Random, template: str, function: str, spec_params: dict[str, Any],
          sample: Callable[..., tuple[str, Any]]) -> tuple[str, dict[str, Any]]:
    """Fill {slots} of one template with sampled values; `=> k=v` fixes args."""
    template, _, fixed = template.partition(" => ")
    args: dict[str, Any] = {}
    for item in filter(None, (x.strip() for x in fixed.split(","))):
        key, _, value = item.partition("=")
        args[key] = {"true": True, "false": False}.get(value, value)
    text = template
    for name, schema in spec_params.items():
        if "{" + name + "}" in text:
            spoken, value = sample(rng, function.split(".", 1)[1], name, schema)
            text = text.replace("{" + name + "}", spoken, 1)
            args[name] = value
    return text, args


# Arguments where "A and B" means the same call twice ("vacuum the kitchen and the
# hallway", "text Mom and Dad I'm home"), not one value ("news about cats and dogs").
CONJOINED = {"contact_name", "location", "area", "floor", "name", "seat", "zone", "window",
             "volume_type"}
CONJUNCTIONS = [" and ", " and ", " & ", ", and ", " and also ", " as well as "]


def conjoined_examples(rng: random.Random, singles: list[Example], manifests: list[DeviceManifest],
                       n: int) -> list[Example]:
    """One request, one function, two values of one argument: two calls."""
    from hub.planner.home_data import default_inventory
    from hub.planner.values import sample_value

    specs = {f"{m.kind}.{f.name}": f for m in manifests for f in m.functions}
    out: list[Example] = []
    for _ in range(n * 20):
        if len(out) >= n:
            break
        example = rng.choice(singles)
        if len(example.calls) != 1 or example.calls[0]["function"] not in specs:
            continue
        call = example.calls[0]
        home = call["function"].startswith("home.")
        props = specs[call["function"]].parameters.get("properties", {})
        if any(_free_text(props.get(k, {})) and k not in CONJOINED for k in call["args"]):
            continue  # both calls would copy the same words, which a pointer may not do
        if "name" in call["args"] and ({"area", "floor"} & set(call["args"])):
            continue  # another entity may not be in that area
        found = [(k, v, m) for k, v in call["args"].items() if k in CONJOINED and isinstance(v, str)
                 and (home or k != "name")
                 and (m := re.search(rf"(?<!\w){re.escape(v)}(?!\w)", example.query, re.I))]
        if not found:
            continue
        key, value, match = rng.choice(found)
        at = match.start()
        spoken = example.query[at:at + len(value)]
        schema = props.get(key, {})
        if home:
            other = _other_home_value(rng, example.inventory or default_inventory(), key, value)
            if other is None:
                continue
            other_spoken = other.lower() if spoken.islower() else other
        elif "enum" in schema:
            others = [e for e in schema["enum"] if e != value and isinstance(e, str)]
            if not others:
                continue
            other_spoken = other = rng.choice(others)
        else:
            other_spoken, other = sample_value(rng, call["function"].split(".", 1)[1], key, schema)
            if not isinstance(other, str) or other.lower() == value.lower():
                continue
        before = example.query[:at]
        joiner = rng.choice(CONJUNCTIONS)
        if before.lower().endswith("the ") and rng.random() < 0.6:
            joiner += "the "
        text = before + spoken + joiner + other_spoken + example.query[at + len(value):]
        calls = [{**call, "id": "c1"}, {**call, "id": "c2", "args": {**call["args"], key: other}}]
        out.append(Example(text, calls, dict(example.context or {}), example.inventory, "conjoined"))
    return out


def _free_text(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "string" and "enum" not in schema and "pattern" not in schema


def _other_home_value(rng: random.Random, inventory: dict[str, Any], key: str, value: str) -> str | None:
    """Another area, floor, or entity of the same domain, from the request's own home."""
    if key == "name":
        domains = {e["id"].split(".")[0] for e in inventory.get("entities", []) if e["name"] == value}
        pool = [e["name"] for e in inventory.get("entities", [])
                if e["id"].split(".")[0] in domains and e["name"] != value]
    else:
        pool = [a["name"] for a in inventory.get(f"{key}s", []) if a["name"] != value]
    return rng.choice(pool) if pool else None


def nested_examples(rng: random.Random, manifests: list[DeviceManifest], n: int) -> list[Example]:
    from hub.planner.values import sample_value

    specs = {f"{m.kind}.{f.name}": f for m in manifests for f in m.functions}
    producers = [p for p in PRODUCERS if p in specs]
    consumers = [c for c in CONSUMERS if c[0] in specs]
    out = []
    for _ in range(n if producers and consumers else 0):
        producer = rng.choice(producers)
        consumer, slot = rng.choice(consumers)
        phrase, inner_args = _fill(rng, rng.choice(PRODUCERS[producer]), producer,
                                   specs[producer].parameters.get("properties", {}), sample_value)
        templates = CONSUMERS[(consumer, slot)]
        if producer == "phone.take_a_photo" and consumer == "phone.send_text_message":
            templates = templates + PHOTO_FIRST * 3
        template = rng.choice(templates).replace("{X}", phrase.replace("{", "{{").replace("}", "}}"))
        params = {k: v for k, v in specs[consumer].parameters.get("properties", {}).items() if k != slot}
        text, outer_args = _fill(rng, template, consumer, params, sample_value)
        text = text.replace("{{", "{").replace("}}", "}")
        outer_args[slot] = {"$ref": "c1"}
        calls = [{"id": "c1", "function": producer, "args": inner_args},
                 {"id": "c2", "function": consumer, "args": outer_args}]
        if rng.random() < 0.3:
            text = text.lower()
        out.append(Example(text, calls, {}, None, f"nested:{producer}>{consumer}"))
    return out


def negative_examples(rng: random.Random, n: int) -> list[Example]:
    from hub.planner.negatives import irrelevant_queries

    return [Example(q, [], {}, None, "irrelevant") for q in irrelevant_queries(rng, n)]


def with_noise_context(rng: random.Random, examples: list[Example], areas: list[str],
                       share: float = 0.15) -> None:
    """Some requests come from a device in some room; the room rarely matters."""
    for example in examples:
        if not example.context and areas and rng.random() < share:
            example.context = {"area": rng.choice(areas)}


def build(rng: random.Random, manifests: list[DeviceManifest], per_function: int = 300,
          negatives: float = 0.4, parallel: float = 0.45, nested: float = 0.15,
          conjoined: float = 0.06) -> list[Example]:
    """The whole training set; shares are of the single-call count."""
    singles = single_examples(rng, manifests, per_function)
    nested_ones = nested_examples(rng, manifests, int(len(singles) * nested))
    examples = list(singles) + nested_ones
    examples += parallel_examples(rng, singles, int(len(singles) * parallel), nested_ones)
    examples += conjoined_examples(rng, singles, manifests, int(len(singles) * conjoined))
    examples += negative_examples(rng, int(len(singles) * negatives))
    areas = [a["name"] for m in manifests if m.inventory for a in m.inventory.get("areas", [])]
    with_noise_context(rng, examples, areas)
    cues = {f"{m.kind}.{f.name}": f.cues for m in manifests for f in m.functions if f.cues}
    worded = {f"{m.kind}.{f.name}": worded_params(f.parameters) for m in manifests for f in m.functions}
    marked = {f"{m.kind}.{f.name}": spoken.marks_of(f.parameters.get("properties", {}))
              for m in manifests for f in m.functions}
    timed = {f"{m.kind}.{f.name}": set(f.parameters.get("properties", {})) for m in manifests for f in m.functions
             if (DURATION_SLOTS | START_SLOTS) & set(f.parameters.get("properties", {}))}
    played = {f"{m.kind}.{f.name}": ({p: v["x-media"] for p, v in f.parameters.get("properties", {}).items()
                                      if v.get("x-media")}, "area" in f.parameters.get("properties", {}))
              for m in manifests for f in m.functions}
    titled = {f"{m.kind}.{f.name}": [p for p, v in f.parameters.get("properties", {}).items() if v.get("x-event-title")]
              for m in manifests for f in m.functions}
    free = {f"{m.kind}.{f.name}": {p for p, v in f.parameters.get("properties", {}).items() if _free_text(v)}
            for m in manifests for f in m.functions}
    takes_area = {f"{m.kind}.{f.name}" for m in manifests for f in m.functions
                  if "area" in f.parameters.get("properties", {})}
    contacts = {f"{m.kind}.{f.name}": found for m in manifests for f in m.functions
                if (found := contacts_of(f.parameters.get("properties", {})))}
    # Marked values are held to the reader only in one-call requests: in requests of several
    # calls, planned clause by clause, it mostly caught the reader's misses across clauses and
    # cut the e-mails nearly in half (the model trained without it, v25, made 55 test errors
    # against v9's 73).
    examples = [e for e in examples if _as_decoded(e, cues) and _words_as_decoded(e, worded)
                and (len(e.calls) > 1 or _marks_as_decoded(e, marked)) and _durations_as_decoded(e, timed, areas)
                and _contacts_as_decoded(e, contacts, marked) and _here_as_decoded(e, takes_area)
                and _titles_as_decoded(e, titled) and _media_as_decoded(e, played, areas)
                and _runs_as_decoded(e, free)]
    rng.shuffle(examples)
    return examples


def worded_params(parameters: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A function's arguments whose schema says how their values are said ("x-words")."""
    return {k: v for k, v in parameters.get("properties", {}).items() if "x-words" in v}


def _words_as_decoded(example: Example, worded: dict[str, dict[str, dict[str, Any]]]) -> bool:
    """False where an argument with "x-words" disagrees with the words the request says
    (decoding gives one of the values said when any is; otherwise an argument with a
    default is left out, and the model chooses any other)."""
    for call in example.calls:
        for param, schema in worded.get(call["function"], {}).items():
            untaken = example.query
            held = [v for k, v in call["args"].items() if k != param and isinstance(v, str)]
            for value in sorted(held, key=len, reverse=True):  # words another argument holds say nothing here
                untaken = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", untaken, count=1)
            said = spoken.said_values(untaken, schema) or []
            if said and call["args"].get(param) not in said:
                return False
            if not said and param in call["args"] and "default" in schema:
                return False
    return True


def _marks_as_decoded(example: Example,
                      marked: dict[str, tuple[dict[str, list[str]], list[str], list[str]]]) -> bool:
    """False where a value introduced by its marker ("subject ...", "saying ...") is not
    the one decoding reads from there (spoken.marked_values). `marked`: kind.function ->
    spoken.marks_of its parameters. A training filter for one-call requests only, and a
    check of labels against the reader (tests)."""
    for call in example.calls:
        markers, ends, words = marked.get(call["function"], ({}, [], []))
        if markers:
            read = spoken.marked_values(example.query, markers, ends, words)
            if any(" ".join(str(call["args"].get(k)).split()) != " ".join(v.split()) for k, v in read.items()):
                return False
    return True


def contacts_of(properties: dict[str, Any]) -> tuple[str, list[str], str | None] | None:
    """A function's contact argument, its "x-name-after" cues, and the message argument
    that follows its name ("x-follows-name"), if it has one."""
    contact = next((p for p, s in properties.items() if s.get("x-name-after")), None)
    if contact is None:
        return None
    message = next((p for p, s in properties.items() if s.get("x-follows-name") == contact), None)
    return contact, properties[contact]["x-name-after"], message


def _contacts_as_decoded(example: Example, contacts: dict[str, tuple[str, list[str], str | None]],
                         marked: dict[str, tuple[dict[str, list[str]], list[str], list[str]]]) -> bool:
    """False where a contact is not one of the capitalized names decoding reads after its
    cue words (spoken.contact_spans: "Chidi from school" is Chidi), or where a message
    said right after the one name is not the rest of its clause (spoken.message_after)."""
    for call in example.calls:
        if call["function"] not in contacts:
            continue
        contact, cues, message = contacts[call["function"]]
        value = call["args"].get(contact)
        spans = spoken.contact_spans(example.query, cues)
        if not isinstance(value, str) or not spans:
            continue
        if value not in [example.query[a:b] for a, b, _ in spans]:
            return False
        said = call["args"].get(message) if message else None
        if isinstance(said, str) and len(spans) == 1 and spans[0][2] \
                and message not in spoken.marked_values(example.query, *marked.get(call["function"], ({}, [], []))) \
                and (rest := spoken.message_after(example.query, spans[0][1])) \
                and example.query[rest[0]:rest[1]].strip(" .!?") != said.strip(" .!?"):
            return False
    return True


def _titles_as_decoded(example: Example, titled: dict[str, list[str]]) -> bool:
    """False where a calendar event's title is not the one decoding reads after the verb
    that creates it (spoken.event_title). `titled`: kind.function -> its "x-event-title"
    arguments."""
    for call in example.calls:
        for param in titled.get(call["function"], []):
            at = spoken.event_title(example.query)
            if at and call["args"].get(param) != example.query[at[0]:at[1]]:
                return False
    return True


def _media_as_decoded(example: Example, played: dict[str, tuple[dict[str, str], bool]],
                      areas: Sequence[str] = ()) -> bool:
    """False where what a request plays, or the service, is not what decoding reads
    (spoken.media_spans). `played`: kind.function -> ({argument: "name" or "service"},
    whether it takes an area: "in the bedroom" is then a room's); `areas`: the home's."""
    for call in example.calls:
        roles, rooms = played.get(call["function"], ({}, False))
        if roles:
            home = [a["name"] for a in (example.inventory or {}).get("areas") or []] or areas
            read = spoken.media_spans(example.query, rooms=home if rooms else ())
            if any(role in read and call["args"].get(param) != example.query[slice(*read[role])]
                   for param, role in roles.items()):
                return False
    return True


def _runs_as_decoded(example: Example, free: dict[str, set[str]]) -> bool:
    """False where a free-text value copied from the request ends inside a run of
    capitalized words ("Lake" of "Lake Placid"), which decoding does not allow
    (Request.bounds). `free`: kind.function -> its free-text arguments."""
    runs = spoken.capitalized_runs(example.query)
    if not runs:
        return True
    for call in example.calls:
        for param in free.get(call["function"], ()):
            value = call["args"].get(param)
            if isinstance(value, str) and (at := example.query.find(value)) >= 0 \
                    and any(a < at + len(value) < b for a, b in runs):
                return False
    return True


def _here_as_decoded(example: Example, takes_area: set[str]) -> bool:
    """False where a request says "in here" (Home Assistant's <here>) with an area in its
    context, yet a call that takes an area and names no entity has another or none:
    decoding fills the context's area there."""
    area = (example.context or {}).get("area")
    if not area or not spoken.HERE.search(example.query):
        return True
    return all(c["args"].get("area") == area for c in example.calls
               if c["function"] in takes_area and "name" not in c["args"])


def _durations_as_decoded(example: Example, timed: dict[str, set[str]], areas: Sequence[str] = ()) -> bool:
    """False where a timer's duration is not the one decoding reads from the request
    (spoken.duration_parts: "two and a half minutes" is minutes 2, seconds 30), or where
    the one duration said is also taken as which timer (start_minutes), or where its
    command to run later or its name is not the one read (spoken.timer_command,
    spoken.timer_name), or where it is told by a duration the request does not say. `timed`: kind.function
    -> its parameter names, for the functions with timer slots; `areas`: the home's."""
    for call in example.calls:
        if call["function"] not in timed:
            continue
        args = call["args"]
        if DURATION_SLOTS <= timed[call["function"]] and (read := spoken.duration_parts(example.query)) is not None:
            if {k: args[k] for k in DURATION_SLOTS | START_SLOTS if k in args} != read:
                return False
        for slot, at in ((COMMAND_SLOT, spoken.timer_command(example.query)),
                         ("name", spoken.timer_name(example.query, [*areas, *([args["area"]] if "area" in args else [])]))):
            if slot in timed[call["function"]]:
                if args.get(slot) != (example.query[at[0]:at[1]] if at else None):
                    return False
        if set(args) & START_SLOTS and not spoken.says_duration(example.query):
            return False
    return True


def _as_decoded(example: Example, cues: dict[str, list[str]]) -> bool:
    """False for a target that decoding would not allow, which teaches the model nothing
    it may say: a home area or floor the rule forbids (constrain.follows_name_rule: "the
    office fan" labelled with the area Office, in a home with an Office Fan), or a
    calendar event whose times the request's words read otherwise, or a function whose
    cue words the request does not say (FunctionSpec.cues)."""
    if any(c["function"] in cues and not spoken.says(example.query, cues[c["function"]], plural=True)
           for c in example.calls):
        return False
    stamps = [(c["args"].get("start_time"), c["args"].get("end_time")) for c in example.calls
              if c["function"] == "phone.create_calendar_event"]
    if stamps:
        today = (example.context or {}).get("today")
        read = spoken.event_times(example.query, date.fromisoformat(today) if today else date.today())
        if read is not None and any(s != read for s in stamps):
            return False
    if example.inventory is None:
        return True
    key = id(example.inventory)
    if _NAME_ENUMS.get(key, (None,))[0] is not example.inventory:
        areas = [a["name"] for a in example.inventory.get("areas") or []]
        _NAME_ENUMS[key] = (example.inventory, home_data.name_enums(example.inventory), areas,
                            home_data.place_aliases(example.inventory))
    _, names, areas, aliases = _NAME_ENUMS[key]
    return follows_name_rule(example.query, example.calls, names, areas, example.context, aliases)


_NAME_ENUMS: dict[int, tuple[Any, dict[str, list[str]], list[str], dict[str, list[str]]]] = {}
