"""Load a trained planner and turn requests into Plans, constrained by the live manifests.

    planner = Planner.load()                      # the checkpoint that ships
    planner.use_manifests(manifests)              # what the devices offer right now
    plan = planner.plan("text Mom the weather in Paris", {"area": "Kitchen"})
"""
from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import structlog
import torch
from jsonschema import Draft202012Validator

from devices.home import function_name
from hub.planner import spoken
from hub.planner.constrain import (DURATION_SLOTS, START_SLOTS, Request, Vocab, free_text_params, is_pointer,
                                   plan_grammar, without_repeats)
from hub.planner.home_data import has_class, hassil_recognize, says_a_name
from hub.planner.model import Causal, Seq2Seq, load_backbone, render_prompt
from hub.planner.neighbours import NO_CALL, Neighbours
from hub.planner.syntax import FunctionTable, parse
from protocols import DeviceManifest, FunctionSpec
from protocols.plan import Plan, PlannedCall, is_ref

log = structlog.get_logger("octohub.planner")

DEFAULT_MODEL = Path(__file__).resolve().parent / "checkpoint"
MAX_UNCONSTRAINED_TOKENS = 96
MAX_CLAUSES = 4
SURE_CLAUSE = 0.8
CLAUSE_CONFIDENCE = 0.5  # the clause's function token must win with at least this probability
# Below this first-token probability, Home Assistant's recognizer may answer instead (it
# reads only what its templates match). Chosen on the dev set among 0.5, 0.8 and 0.95.
RECOGNIZER_BELOW = 0.8


class PlanningError(RuntimeError):
    """The model could not produce an answer for this request (nothing was planned)."""


def table_from_manifests(manifests: list[DeviceManifest]) -> FunctionTable:
    """One token per function of every kind (not per device): the union, kind by kind."""
    seen: dict[str, tuple[str, ...]] = {}
    for manifest in manifests:
        for spec in manifest.functions:
            name = f"{manifest.kind}.{spec.name}"
            if name not in seen:
                seen[name] = tuple(spec.parameters.get("properties", {}))
    return FunctionTable(tuple(seen), tuple(seen.values()))


def live_specs(manifests: list[DeviceManifest]) -> dict[str, FunctionSpec]:
    """kind.function -> spec. Devices of one kind share a token; their enums are merged."""
    specs: dict[str, FunctionSpec] = {}
    for manifest in manifests:
        for spec in manifest.functions:
            name = f"{manifest.kind}.{spec.name}"
            specs[name] = _merge_enums(specs[name], spec) if name in specs else spec
    return specs


def _merge_enums(a: FunctionSpec, b: FunctionSpec) -> FunctionSpec:
    props = {k: dict(v) for k, v in a.parameters.get("properties", {}).items()}
    for key, schema in b.parameters.get("properties", {}).items():
        if key in props and "enum" in props[key] and "enum" in schema:
            props[key]["enum"] = list(dict.fromkeys([*props[key]["enum"], *schema["enum"]]))
    return a.model_copy(update={"parameters": {**a.parameters, "properties": props}})


# Device nouns a request may name a device by ("the exhaust fan"), and those of them whose
# kind a home may have none of ("the skylight"); calls that act on or ask about a device.
_DEVICE_HEADS = {"light", "lamp", "fan", "heater", "blind", "shade", "curtain", "speaker", "tv", "window",
                 "sprinkler", "chandelier", "thermostat", "skylight", "purifier", "humidifier", "dehumidifier",
                 "kettle", "oven", "dishwasher", "fireplace", "projector", "outlet", "plug", "fridge", "refrigerator",
                 "freezer", "microwave", "toaster", "stove", "dryer", "boiler", "radiator", "tub", "spa",
                 "gate", "sauna", "jacuzzi"}
_DEVICE_KINDS_A_HOME_MAY_LACK = {"skylight", "purifier", "humidifier", "dehumidifier", "kettle", "oven", "dishwasher",
                                 "fireplace", "projector", "outlet", "plug", "heater", "sprinkler", "chandelier",
                                 "fridge", "refrigerator", "freezer", "microwave", "toaster", "stove", "dryer", "boiler",
                                 "radiator", "tub", "spa", "gate", "sauna", "jacuzzi"}
_COUNTING_WORDS = {"which", "what", "whose", "any", "many", "much", "more", "few", "several", "two", "three",
                   "four", "remaining", "rest", "still", "left", "only", "lit", "dimmed"}  # "which lights are on"
def _free_text(schema: dict[str, Any]) -> bool:
    """A string copied from the request: no enum, no pattern (Optional[str] included)."""
    options = [o for o in schema.get("anyOf", [schema]) if o.get("type") != "null"]
    return any(o.get("type") == "string" and "enum" not in o and "pattern" not in o for o in options)


_DEVICE_CALLS = {"turn_on", "turn_off", "light_set", "set_position", "get_state", "climate_set_temperature",
                 "climate_get_temperature", "climate_set_fan_mode", "fan_set_speed"}


class Planner:
    def __init__(self, backbone: Seq2Seq | Causal, table: FunctionTable, meta: dict[str, Any]) -> None:
        self.backbone = backbone
        self.table = table
        self.meta = meta
        self.octopus = isinstance(backbone, Causal) and backbone.octopus
        self.vocab = None if self.octopus else Vocab(backbone.tokenizer, table)
        self.specs: dict[int, FunctionSpec] = {}
        self.missing: list[str] = []
        self.home: dict[str, Any] | None = None  # the live home inventory, for hassil
        self.spelled: set[str] = set()  # words the live devices' names and functions use, for mending slips
        self.listed_names = re.compile("(?!)")  # the live entity names, said one after another
        self._vocab_words: frozenset[str] | None = None
        self.by_clauses = True  # also plan a request of several clauses clause by clause
        self.neighbours: Neighbours | None = None  # a prior on the first choice (neighbours.py)
        self._heading = False  # planning a request's head, without its closing remark

    @classmethod
    def load(cls, path: str | Path | None = None) -> Planner:
        path = Path(path) if path else DEFAULT_MODEL
        if not path.exists():
            raise FileNotFoundError(f"no planner model at {path} (train one with `octohub train`)")
        torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
        backbone = load_backbone(path)
        meta_file = path / "planner.json"
        if meta_file.exists():
            meta = json.loads(meta_file.read_text())
            table = FunctionTable(tuple(meta["functions"]),
                                  tuple(tuple(p) for p in meta["parameters"]))
        else:  # a bare causal LM such as Octopus-v2: its tokens map to the phone's functions
            from devices.phone import Phone

            meta = {"backbone": "causal"}
            table = table_from_manifests([Phone("phone").manifest()])
        planner = cls(backbone, table, meta)
        planner.neighbours = Neighbours.load(path)
        return planner

    # ---- the live function set -----------------------------------------------------------

    def use_manifests(self, manifests: list[DeviceManifest]) -> None:
        """Constrain decoding to what the devices offer now (enums from live inventories)."""
        live = live_specs(manifests)
        self.specs = {self.table.index(name): spec for name, spec in live.items()
                      if name in self.table.functions}
        self.missing = sorted(name for name in live if name not in self.table.functions)
        self.home = next((m.inventory for m in manifests if m.kind == "home" and m.inventory), None)
        self.spelled = _words_used(manifests)
        names = sorted({n.lower() for spec in self.specs.values()
                        for n in spec.parameters.get("properties", {}).get("name", {}).get("enum") or []}, key=len, reverse=True)
        said = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) or "(?!)"
        # "turn off the christmas tree the floor lamp and the ceiling light", said without commas
        self.listed_names = re.compile(rf"\b(?:{said})(?=\s+the\s+(?:{said})\b)")
        if self.missing:
            log.info("planner.not_learned", functions=self.missing[:10], count=len(self.missing))

    # ---- planning ----------------------------------------------------------------------------

    def plan(self, query: str, context: dict[str, str] | None = None) -> Plan:
        started = time.perf_counter()
        # read as meant, word counts changing (copied text is given back from `said`):
        query = spoken.spelled_addresses(_clean(query))  # "lena dot weber at posteo dot de"
        query = spoken.corrected(spoken.without_fillers(query))  # "uh", "twenty no wait twenty one"
        query = said = spoken.plainly(query)  # "would you be so kind as to ..."
        if self.spelled and not self.octopus:
            query = spoken.mend_slips(query, self.spelled, self._known_words().__contains__)
            query = spoken.expand_shorthand(query)  # "msg Priya I'm outside": the model never read "msg"
            query = spoken.heard_as_meant(query)  # "a timer for too minutes"
            if not re.search(r"[.;:!?]", query) and spoken.in_lowercase(query):  # speech as transcribed
                query = self.listed_names.sub(lambda m: m.group() + ",", query)
        if not query:
            return Plan(calls=[], latency_ms=0.0)
        if (spoken.asks_how_or_why(query) or spoken.asks_to_repeat(query)) and len(_clauses(query, Plan(calls=[]))) == 1:
            # help, not a command; or an automation, which no function sets up
            return Plan(calls=[], latency_ms=round((time.perf_counter() - started) * 1e3, 2))
        context = dict(context or {})
        if "today" not in context and _DATE_WORDS.search(query) and not _YEAR.search(query):
            context["today"] = date.today().isoformat()  # "on June 2nd" needs a year
        prompt = _prompt(query, context)
        if isinstance(self.backbone, Seq2Seq):
            self.backbone.encoded.clear()
        with torch.inference_mode():
            if self.octopus:
                plan = self._octopus(prompt)
            else:
                plan, confidence = self._constrained(query, prompt, context)
                plan, confidence = self._or_recognized(query, context, plan, confidence)
                if self.by_clauses:
                    plan = self._by_clauses(query, context, plan)
                plan = self._asked_for(query, plan, context)
                plan = self._text_the_answer(query, plan)
                plan = _plays_what_was_found(query, plan)
                plan = self._plays_found_at_home(query, plan)
                plan = self._here(query, plan, context)
                live = [self.table.functions[i] for i in self.specs]
                plan = _more_time(query, plan, live)
                plan = _timer_changed_by(query, plan)
                plan = _volume_by_steps(query, plan, live)
                plan = _volume_levels(query, plan, live)
                plan = _turned_off_not_paused(query, plan, live)
                plan = _car_silenced(query, plan)
                plan = _back_to_base(query, plan, live)
                plan = _weather_here(plan, live)
                plan = _weather_elsewhere(query, plan, live, self._places())
                plan = _no_trip_to_a_list(plan)
                plan = _news_topic(plan)
                plan = _played_as_its_service_streams(plan, live)
                plan = _rooms_cleaned(query, plan, live)
                plan = _asked_not_done(query, plan, live)
                plan = self._route_not_trip(query, context, plan)
                plan = self._halfway(query, plan)
                plan = self._asked_if_done(query, context, plan)
                plan = _sent_home(query, plan, live)
                plan = self._named_lists(query, plan)
                plan = self._completed(query, plan)
                plan = _the_item_done(query, plan)
                plan = _sensed(query, plan)
                plan = _area_said(query, plan)
                plan = _lights_said(query, plan)
                plan = self._taken_off(query, plan)
                plan = _whole_items(query, plan)
                plan = _whole_messages(query, plan)
                plan = _answer_passed_on(plan)
                plan = _sent_a_text(query, plan)
                if (announced := _whole_announcements(query, plan)) != plan:  # it may ask: "announce how long
                    plan = self._asked_for(query, announced, context)            # is left on the cake timer"
                plan = self._tidy_texts(plan, query)
                plan = _whole_names(query, plan)
                plan = self._same_message(plan)
                plan = self._each_contact(query, plan)
                plan = _no_word_is_a_contact(plan)
                plan = _texted_each(query, plan)
                plan = _sent_to_whom_said(query, plan)
                plan = _set_once(query, plan)
                plan = _nothing_unasked_looked_up(query, plan)
                plan = self._pronoun_contacts(plan)
                plan = self._same_thing(query, plan)
                plan = self._without_empty_values(query, plan)
                plan = self._said_outside_texts(query, plan)
                plan = _each_item(plan)
                plan = self._items_not_lists(plan)
                plan = self._other_devices(query, plan)
                plan = self._not_in_the_car(query, plan)
                plan = self._not_the_car(query, plan)
                plan = self._machine_said(query, plan)
                plan = _not_the_car_in_here(query, plan, context)
                plan = _not_served_by_any(query, plan)
                plan = _only_the_chain(query, plan)
                plan = _without_medium_calls(plan)
                plan = _without_repeats(plan)
                plan = _without_repeated_chains(query, plan)
                plan = _without_unsaid_numbers(query, plan)
                plan = self._without_made_up_numbers(query, plan)
                plan = _whole_phone_numbers(query, plan)
                plan = self._without_own_words(query, plan)
                plan = self._both_sides(query, plan)
                plan = self._served(plan, query)
                plan = self._opens_the_door(query, plan)
                plan = self._to_the_shopping_list(query, plan)
                plan = self._sensor_asked(query, plan)
                plan = _outside_is_weather(query, plan, [self.table.functions[i] for i in self.specs])
                plan = _no_sentence_is_a_place(query, plan)
                plan = self._without_closing_remark(query, context, plan)
                if query != said:
                    plan = self._as_said(plan, query, said)
        return plan.model_copy(update={"latency_ms": round((time.perf_counter() - started) * 1e3, 2)})

    def _without_closing_remark(self, query: str, context: dict[str, str], plan: Plan) -> Plan:
        """"switch off the car's climate, we're parked", "mute the kitchen speaker, i'm on a
        call": a closing remark that says how things are only explains the command, yet the
        model may plan a call of its words too (the car's status, the phone's volume). The
        request without it is planned, and taken where it plans a call, unless a text of the
        whole plan reaches into the remark ("text Mom, I'm late" may be the message)."""
        remark = _CLOSING_REMARK.search(query)
        if remark is None or not plan.calls or self._heading:
            return plan
        specs = {self.table.functions[i]: spec for i, spec in self.specs.items()}
        if any(isinstance(v, str) and (at := _find(query, v)) is not None and at + len(v) > remark.start()
               and c.function in specs and specs[c.function].parameters.get("properties", {}).get(k, {}).get("x-result")
               for c in plan.calls for k, v in c.args.items()):
            return plan
        self._heading = True
        try:
            head = self.plan(query[:remark.start()], context)
        finally:
            self._heading = False
        carried = [c for c in plan.calls if any(isinstance(v, str) and (at := _find(query, v)) is not None
                                               and at >= remark.start() for v in c.args.values())]
        if not head.calls:
            # the command alone plans nothing ("add an event to my calendar, the dentist is at 3pm"):
            # a call it asks for keeps what the remark says of it; one made of the remark's words
            # alone ("turn on the attic fan, it's freezing" had a forecast for "freezing") is dropped
            asks = query[:remark.start()]
            return _without(plan, {c.id for c in carried if not self._cued(c.function, asks)})
        # a value said only in the remark, of a call that takes the place of the command's own, was
        # meant ("run the robot vacuum, the kitchen is filthy": the kitchen; "what's the weather, I'm
        # in Boston"); a call beside the command's is the remark's words ("..., it's steamy": no trip)
        if carried and len(plan.calls) <= len(head.calls) \
                and any(not any(h.function == c.function for h in head.calls) for c in carried):
            return plan
        return head

    def _cued(self, function: str, text: str) -> bool:
        """Does the text say this function's cue words, or (without cues) a word of its name?"""
        spec = self.specs.get(self.table.index(function)) if function in self.table.functions else None
        if spec is None:
            return False
        words = spec.cues or [w for w in spec.name.split("_") if len(w) >= 4 and w not in spoken.IMPERATIVE_VERBS]
        return spoken.says(text, words, plural=True)

    def _constrained(self, query: str, prompt: tuple[str, str | None],
                     context: dict[str, str]) -> tuple[Plan, float]:
        """The plan, and the probability the model's own first choice (a function or no call)
        won with, before the neighbours' prior: how sure the model alone is, which decides
        whether Home Assistant's recognizer is asked too."""
        assert self.vocab is not None
        if not self.specs:
            raise PlanningError("no live functions: call use_manifests() first")
        tokenizer = self.backbone.tokenizer
        encoded = tokenizer(query, add_special_tokens=False, return_offsets_mapping=True)
        if not encoded["input_ids"]:  # nothing the model can read ("\x80"): nothing to do
            return Plan(calls=[]), 1.0
        state = self.backbone.start(prompt)
        # A long request is truncated for the encoder: point only at what it read.
        seen = len(encoded["input_ids"]) if state.memory is None else \
            max(0, min(len(encoded["input_ids"]), state.memory.shape[1] - 2))
        request = Request(query, list(encoded["input_ids"])[:seen], list(encoded["offset_mapping"])[:seen],
                          self.specs, pointer=bool(getattr(self.backbone, "pointer", False)),
                          context=dict(context or {}))
        grammar = plan_grammar(self.vocab, request)
        confidence: float | None = None
        allowed = next(grammar)
        while True:
            if not allowed:
                raise PlanningError(f"the answer grammar reached a dead end for {query!r}")
            if len(allowed) == 1:  # forced: no model step, fed with the next one
                (token,) = allowed
            else:
                candidates = sorted(allowed)
                scores = self.backbone.step(state, candidates)
                if confidence is None:  # the first choice: which function, or none
                    confidence = float(scores.softmax(-1).max())  # the model's own, for the fallbacks
                    if self.neighbours is not None and state.embedding is not None:
                        labels = [self._label(t) for t in candidates]
                        prior = self.neighbours.prior(state.embedding, labels)
                        if NO_CALL in labels and (request.emails or request.phones):
                            # an address or a number to use is no chit-chat, however "write an email
                            # ... happy birthday" resembles "write a birthday poem": the model decides
                            prior[labels.index(NO_CALL)] = prior.min()
                        scores = scores + prior
                    if self.vocab.fn_none in candidates and (
                            _TEXTS_SOMEONE.match(query) or _GOES_SOMEWHERE.match(query)
                            or (spoken.in_lowercase(query) and _TEXTS_SOMEONE_LOWER.match(query)) or _ASKS_NEWS.match(query)):
                        # "text Mom see you soon" is a text, "take me to the nearest Costco" a trip,
                        # never chit-chat (v9 planned none for both)
                        scores[candidates.index(self.vocab.fn_none)] = -math.inf
                token = candidates[int(scores.argmax())]
            if not is_pointer(token):
                state.feed(token)
            try:
                allowed = grammar.send(token)
            except StopIteration as done:
                return done.value, 1.0 if confidence is None else confidence
            for position in request.take_feed():  # the request's tokens a pointer choice selected
                state.feed(request.query_ids[position], position)

    def _label(self, token: int) -> str:
        assert self.vocab is not None
        if token == self.vocab.fn_none:
            return NO_CALL
        index = self.vocab.fn_index.get(token)
        return self.table.functions[index] if index is not None else "?"

    def _by_clauses(self, query: str, context: dict[str, str], plan: Plan) -> Plan:
        """The small model plans one clause better than a request of several: it stops
        after the first ("set an alarm for 6 and turn on do not disturb"), or lends one
        clause's words to another's arguments ("open the sunroof halfway and set the
        volume to 25"). So a request of several clauses is also planned clause by clause,
        and that plan is taken when every clause either confidently plans a call or
        confidently plans none (a remark such as "the baby's asleep"; a remark that plans
        a call alone is read again with the clause after it), and it has at least as many
        calls as the whole plan. A clause that refers back ("text it to Mom") is planned
        together with the one before it, so its call can nest on that one's result; a
        second one ("..., text it to Zoe and announce it") with the clause both refer to,
        and the call they share is made once. A coordination of objects ("add milk, bread
        and cheese to the list", "text it to Anna and to Ben") is planned once per object
        (spoken.coordinated)."""
        pieces: list[_Piece] = []
        referent: tuple[int, int] | None = None  # the clause that back-references refer to
        for begin, end, remark in _clauses(query, plan, self._messages()):
            if pieces and pieces[-1].said is None and not pieces[-1].each \
                    and (place := _PLACE_ONLY.fullmatch(query[begin:end].strip())):
                before = query[pieces[-1].begin:pieces[-1].end]  # "lights on upstairs and downstairs"
                at = ([m.start() for m in _ITS_PLACE.finditer(before)] or [len(before)])[-1]
                pieces.append(_Piece(begin, end, remark, said=f"{before[:at]} {place.group('place')}"))
                continue
            if (pieces and not remark and not _COMMAND_START.match(query, begin)
                    and re.search(r"\band\s*$", query[:begin], re.I)
                    and (each := spoken.coordinated(query[pieces[-1].begin:end]))):
                pieces[-1].end, pieces[-1].each = end, each  # "add eggs and butter to the list"
                continue
            if len(query[begin:end].split()) < 2:
                continue
            if pieces and BACK_REFERENCE.search(query[begin:end]) and not _LOUDER.match(query, begin):
                # "text it to Mom": with what it refers to ("skip this song and turn it up" refers to no result)
                if pieces[-1].prefix is None and referent is not None and referent[0] < pieces[-1].end:
                    pieces.append(_Piece(begin, end, remark, prefix=referent))  # "... and announce it": the same
                    continue
                referent = (pieces[-1].begin, pieces[-1].end)
                pieces[-1] = _Piece(referent[0], end, remark, referent=referent)
                continue
            referent = None
            pieces.append(_Piece(begin, end, remark))
        if len(pieces) == 1 and pieces[0].referent is not None and pieces[0].begin == 0 and not pieces[0].each:
            referent = pieces[0].referent
            plan = self._refer_back(plan, query[referent[0]:referent[1]], context)
            looks = [c.function for c in plan.calls if _LOOKS_UP.search(c.function)]
            if _passes_on(plan) and len(set(looks)) == len(looks):  # not "the forecast in oslo" and in "oslo send"
                return plan
            return (self._pass_on(query, referent, pieces[0].end, context, plan)
                    or self._resolve_it(query, referent, pieces[0].end, context, plan) or plan)
        if not (2 <= len(pieces) <= MAX_CLAUSES or (pieces and pieces[0].each)):
            return plan
        clauses: list[tuple[str, bool, tuple[int, int] | None, tuple[int, int] | None, int]] = []
        for n, piece in enumerate(pieces):
            clause = piece.said or query[piece.begin:piece.end]
            if n and piece.said is None and _OBJECT_ONLY.match(clause) and (verb := _VERB.match(query, pieces[n - 1].begin)):
                clause = f"{verb.group('verb')} {clause}"  # "turn off the tv and the lamp": the verb is shared
            if piece.prefix is not None:
                clause = f"{query[piece.prefix[0]:piece.prefix[1]]} and {clause}"
            clauses += [(text, piece.remark, piece.prefix, piece.referent, piece.end) for text in piece.each or [clause]]
        if len(clauses) > 2 * MAX_CLAUSES:
            return plan
        calls: list[PlannedCall] = []
        held: tuple[str, set[str]] | None = None  # a remark that planned calls, and their functions
        remarked = False  # the whole plan may have planned that remark as a call of its own
        sure = True  # every clause planned a call of its own, surely: their plan may have fewer calls
        for n, (clause, remark, refers_to, inside, ends) in enumerate(clauses):
            if (place := next((c.args["area"] for c in reversed(calls) if isinstance(c.args.get("area"), str)), None)) \
                    and not _MESSAGE.search(clause):  # "... text Mom the keys are in there" keeps her words
                clause = _THERE.sub(f"in the {place}", clause)  # "play jazz in the kitchen and set the lights in there to 50%"
            if n and (one := _THE_X_ONE.search(clause)) and (one.group("which").lower() in _SIDES or any(
                    one.group("which").lower() in p.lower().split() for p in self._places())) \
                    and (thing := next((m for m in _THING.finditer(clauses[n - 1][0])), None)) \
                    and len(words := thing.group().split()[1:]) >= 2:
                # "set the driver seat heater to 3 and the passenger one to 1": the passenger seat heater
                clause = f"{clause[:one.start('one')]}{' '.join(words[1:])}{clause[one.end('one'):]}"
            if n and (ones := _THE_ONES.search(clause)) \
                    and (things := next((m for c in reversed(clauses[:n]) for m in _PLURAL_THINGS.finditer(c[0])), None)):
                clause = f"{clause[:ones.start()]}the {things.group()}{clause[ones.end():]}"  # "... and turn on the ones upstairs"
            if n and not _A_LIST.search(clause) and (verb := _LIST_VERB.match(clause)) and not _NOT_LISTED.search(clause) \
                    and (named := next((m for c in reversed(clauses[:n]) for m in _A_LIST.finditer(c[0])), None)):
                # "add mop the basement to the chores list and check off water plants": that list
                way = {"add": "to", "remove": "from", "delete": "from"}.get((verb.group("verb") or "").lower(), "on")
                clause = f"{clause.rstrip(' .!?')} {way} the {named.group('list')}"
            if n and calls and calls[-1].function.startswith("home.media") and (louder := _LOUDER.match(clause)):
                # "skip this song and turn it up": that player's volume (not "turn on the fan and turn it up")
                named, area = calls[-1].args.get("name"), calls[-1].args.get("area")
                what = f"the {named}" if isinstance(named, str) else \
                    f"the volume in the {area}" if isinstance(area, str) else "the volume"
                clause = f"{clause[:louder.start('it')]}{what}{clause[louder.end('it'):]}"
            if n and calls and (its := _ITS_SETTING.search(clause)) and isinstance(
                    named := calls[-1].args.get("name") or calls[-1].args.get("area"), str):
                # "play Rumours on the bedroom speaker and set its volume to 30": that speaker's
                clause = f"{clause[:its.start()]}the {named}{clause[its.end():]}"
            if (so := _SET_SO.fullmatch(clause.strip(" .!?"))) and so.group("way"):
                # "coffee maker on, lights on in here": said as Home Assistant's "turn on the ..."
                clause = f"turn {so.group('way')} {so.group('what')}{so.group('rest') or ''}"
            alone, bare = None, clause
            if held is not None:  # read the remark with this clause
                alone = self._constrained(clause, _prompt(clause, context), context)
                clause = f"{held[0]}, {clause}"
            part, confidence = self._constrained(clause, _prompt(clause, context), context)
            if held is not None and alone is not None and alone[1] >= CLAUSE_CONFIDENCE and alone[0].calls \
                    and (any(sum(c.function == f for c in part.calls) > 1 for f in held[1])
                         or confidence < CLAUSE_CONFIDENCE):
                # "too hot, set the rear to 66": the remark was planned as a call too;
                # "i'm leaving now: lock the front door": the remark only made the model unsure
                part, confidence = alone
            held = None
            part, confidence = self._or_recognized(clause, context, part, confidence)
            part = self._text_the_answer(clause, part)
            if bare != clause:  # "heading out: lock the back door": the recognizer hears no remark
                part, confidence = self._or_recognized(bare, context, part, confidence)
            if inside is not None:
                part = self._refer_back(part, query[inside[0]:inside[1]], context)
                if not _passes_on(part) and (passed := self._pass_on(query, inside, ends, context, part)
                                             or self._resolve_it(query, inside, ends, context, part)):
                    part, confidence = passed, 1.0
            if remark and part.calls and n + 1 < len(clauses):
                # "the kids are too hot" asks for nothing alone: read it with what follows,
                # unless what follows says the same thing itself ("..., set the rear to 66")
                held, remarked = (clause, {c.function for c in part.calls}), True
                continue
            if remark and not part.calls and n + 1 < len(clauses):
                remarked = True  # "we have no guests anymore, disable guest mode": it sets the scene, unsure or not
                continue
            if confidence < CLAUSE_CONFIDENCE:
                return plan
            sure = sure and confidence >= SURE_CLAUSE and bool(part.calls) and refers_to is None and inside is None
            new_id: dict[str, str] = {}
            shared = len(calls)
            for c in part.calls:
                args = {k: {"$ref": new_id[v["$ref"]]} if is_ref(v) else v for k, v in c.args.items()}
                same = next((k.id for k in calls if (k.function, k.args) == (c.function, args)), None)
                if refers_to is not None and same is not None:
                    new_id[c.id] = same  # the referent's call, already made for the clause before
                    continue
                new_id[c.id] = f"c{len(calls) + 1}"
                calls.append(c.model_copy(update={"id": new_id[c.id], "args": args}))
            if refers_to is not None and not any(is_ref(v) for c in calls[shared:] for v in c.args.values()):
                return plan  # "read it out to the house" passed nothing on: the clause was misread
        calls = _without_parts(without_repeats(calls))
        sure = sure and len(calls) >= len(clauses)  # and no two clauses made the same call
        if len(calls) < (1 if remarked or sure else max(1, len(plan.calls))):
            return plan
        return Plan(calls=calls)

    def _refer_back(self, part: Plan, referent: str, context: dict[str, str]) -> Plan:
        """"navigate to the Louvre and text Pierre the trip info": the text is the
        navigation's result, yet the model may plan one more call to make it (news about
        "the trip"). When a plan is the referent clause's own plan, then one call, then
        the call that takes that one's result, the last takes the referent's instead. And
        where the calls before the one that passes on are the car's, of a referent that says
        no car and alone plans none, or name no device where the referent alone names the
        ones it says, the referent's own are made."""
        alone, sure = self._constrained(referent, _prompt(referent, context), context)
        k = len(alone.calls)
        if k and len(part.calls) == k + 1 and sure >= CLAUSE_CONFIDENCE \
                and [c.function for c in part.calls[:k]] != [c.function for c in alone.calls] \
                and ((any(c.function.startswith("car.") for c in part.calls[:k])
                      and not any(c.function.startswith("car.") for c in alone.calls)
                      and not spoken.says(referent, _CAR_WORDS) and not _CAR_ONLY.search(referent))
                     or (all(isinstance(c.args.get("name"), str) and spoken.says_whole(referent, c.args["name"])
                             for c in alone.calls)
                         and not any(isinstance(c.args.get("name"), str) for c in part.calls[:k]))) \
                and all(is_ref(v) <= (v == {"$ref": part.calls[k - 1].id}) for v in part.calls[k].args.values()) \
                and any(is_ref(v) for v in part.calls[k].args.values()) \
                and not any(is_ref(v) for c in part.calls[:k] for v in c.args.values()):
            # "check the bathroom humidity and text it to Kai" looked up the car's status (or the
            # weather), yet the referent says no car (names a device): what it plans alone is passed on
            return Plan(calls=[*alone.calls, part.calls[k].model_copy(update={"id": f"c{k + 1}", "args": {
                n: {"$ref": alone.calls[-1].id} if is_ref(v) else v for n, v in part.calls[k].args.items()}})])
        if not k or len(part.calls) != k + 2 or \
                [(c.function, c.args) for c in part.calls[:k]] != [(c.function, c.args) for c in alone.calls]:
            return part
        extra, taker = part.calls[k], part.calls[k + 1]
        takes = [name for name, v in taker.args.items() if is_ref(v) and v["$ref"] == extra.id]
        if len(takes) != 1:
            return part
        taker = taker.model_copy(update={"args": {**taker.args, takes[0]: {"$ref": part.calls[k - 1].id}}})
        return Plan(calls=[*part.calls[:k], taker])

    def _alone(self, text: str, context: dict[str, str]) -> tuple[Plan, float]:
        """A part of the request planned on its own, with the model's confidence."""
        return self._constrained(text, _prompt(text, context), context)

    def _pass_on(self, query: str, referent: tuple[int, int], end: int, context: dict[str, str],
                 together: Plan) -> Plan | None:
        """"what's the forecast in Nashville? send that to Kayla": where planning the two
        together passed nothing on, plan each alone, and the later call's "x-result"
        argument (a text's message) takes the referent's last result, in place of the
        words the model copied there ("that", "let") or a call it made up to fill it. The
        later part alone may plan nothing ("let Mom know by text"): then the last call
        planned together is the one. None when the referent plans no call, the later part
        more than one call of its own, or its argument holds words of its own ("text Mom
        that it's raining")."""
        first, sure = self._alone(query[referent[0]:referent[1]], context)
        rest = _JOINED.sub("", query[referent[1]:end])
        then, sure_then = self._alone(rest, context)
        if not then.calls and len(together.calls) > len(first.calls):
            then, sure_then = Plan(calls=together.calls[-1:]), 1.0
        if not first.calls or not then.calls or min(sure, sure_then) < CLAUSE_CONFIDENCE:
            return None
        taker = then.calls[-1]
        spec = self.specs.get(self.table.index(taker.function)) if taker.function in self.table.functions else None
        takes = [k for k, v in (spec.parameters.get("properties", {}) if spec else {}).items() if v.get("x-result")]
        if len(takes) != 1 or takes[0] not in taker.args:
            return None
        held = taker.args[takes[0]]
        if isinstance(held, str) and not _left_over(held, rest):
            return None
        made_up = {v["$ref"] for v in taker.args.values() if is_ref(v)}  # "text it to Ben": a text to pass on
        if any(c.id not in made_up for c in then.calls[:-1]):
            return None
        taker = taker.model_copy(update={"id": f"c{len(first.calls) + 1}", "args": {
            **{k: v for k, v in taker.args.items() if not is_ref(v)}, takes[0]: {"$ref": first.calls[-1].id}}})
        return Plan(calls=[*first.calls, taker])

    def _asked_for(self, query: str, plan: Plan, context: dict[str, str]) -> Plan:
        """"text Hugo today's date", "text Carlos which lights are still on": a message
        that asks for something (a question word, "today's ...", "the weather") is that
        question's answer. Where the request from the message on, up to the clause's end,
        alone plans one call that looks something up, surely, that call is made first and
        the message takes its result."""
        calls: list[PlannedCall] = []
        moved: set[str] = set()  # calls planned for the question already, made before its message
        alias: dict[str, str] = {}  # a moved call's id -> its id in `calls`
        for call in plan.calls:
            if call.id in moved:
                continue
            spec = self.specs.get(self.table.index(call.function)) if call.function in self.table.functions else None
            takes = [k for k, v in (spec.parameters.get("properties", {}) if spec else {}).items()
                     if v.get("x-result") and isinstance(call.args.get(k), str)]
            at = query.lower().find(call.args[takes[0]].lower()) if len(takes) == 1 else -1
            if at >= 0 and _ASKS_FOR.match(question := _clause_from(query, at)):
                asked, sure = self._alone(spoken.as_question(question), context)
                wanted = asked.calls[0] if len(asked.calls) == 1 else None
                # the whole plan may hold the question's call already, said as fully: then
                # the model, unsure of the question alone, is seconded
                same = wanted and next((c for c in plan.calls if c.function == wanted.function and c.id not in moved
                                        and wanted.args.items() <= c.args.items() and c not in calls
                                        and not any(is_ref(v) for v in c.args.values())), None)
                if wanted and sure >= (CLAUSE_CONFIDENCE if same else SURE_CLAUSE) and _LOOKS_UP.search(wanted.function):
                    calls.append((same or wanted).model_copy(update={"id": f"asked{len(calls)}"}))
                    if same is not None:
                        moved.add(same.id)
                        alias[same.id] = calls[-1].id
                    call = call.model_copy(update={"args": {**call.args, takes[0]: {"$ref": calls[-1].id}}})
            calls.append(call)
        if not any(c.id.startswith("asked") for c in calls):
            return plan
        return Plan(calls=without_repeats(_numbered(calls, alias)))

    def _text_the_answer(self, query: str, plan: Plan) -> Plan:
        """"text Jamie the date": the model may plan only the look-up that answers the
        message. A request that is only "text <Name> <what it asks for>" and plans one
        look-up texts that look-up's result to the name."""
        said = (_TEXT_ASKED_LOWER if spoken.in_lowercase(query) else _TEXT_ASKED).fullmatch(query.strip(" .!?"))
        if said is None or len(plan.calls) != 1 or not _LOOKS_UP.search(plan.calls[0].function) \
                or _TEXT not in self.table.functions or self.table.index(_TEXT) not in self.specs \
                or not _ASKS_FOR.match(said.group("asked")):
            return plan
        return Plan(calls=[plan.calls[0].model_copy(update={"id": "c1"}), PlannedCall(
            id="c2", function=_TEXT, args={"contact_name": said.group("name"), "message": {"$ref": "c1"}})])

    def _as_said(self, plan: Plan, mended: str, said: str) -> Plan:
        """A text copied from the request keeps the words as the user wrote them ("I left
        the coffe on"): only the choice of function and names read the mended ones."""
        written = _WORD.findall(said)
        swaps = {new.lower(): old for old, new in zip(written, _WORD.findall(mended))
                 if old != new and new.lower() not in {w.lower() for w in written}}  # a word also written right stays
        free = self._free()

        def restore(text: str) -> str:
            return _WORD.sub(lambda m: swaps.get(m.group().lower(), m.group()), text)
        calls = [c.model_copy(update={"args": {k: restore(v) if (c.function, k) in free and isinstance(v, str) else v
                                               for k, v in c.args.items()}}) for c in plan.calls]
        return plan.model_copy(update={"calls": calls})

    def _places(self) -> list[str]:
        home = self.home or {}
        return [str(n) for kind in ("areas", "floors") for p in home.get(kind) or []
                for n in (p.get("name"), *(p.get("aliases") or []))]

    def _served(self, plan: Plan, query: str = "") -> Plan:
        """Home Assistant answers "open the kitchen window" in a home with no window covers
        with no call, as nothing can serve it: a home call on a class of devices (a domain,
        a device class, no name) that the live home holds none of, or in a room it does
        not have, or that the request does not say ("switch on the dehumidifier" is no
        curtain), is dropped. A plan whose other calls took the dropped call's result
        plans nothing."""
        if self.home is None:
            return plan
        nowhere = bool(query and spoken.rooms_unknown(query, self._places()))  # "the lights in the guest room"
        kept = [c for c in plan.calls if not (
            c.function.startswith("home.") and "name" not in c.args and isinstance(c.args.get("domain"), str)
            and (nowhere or not has_class(self.home, c.args["domain"], c.args.get("device_class"))
                 or (c.function != "home.light_set"  # "kitchen brightness to 50%" says no light
                     and not spoken.says_class(query, c.args["domain"], c.args.get("device_class")))))]
        if len(kept) == len(plan.calls):
            return plan
        ids = {c.id for c in kept}
        if any(is_ref(v) and v["$ref"] not in ids for c in kept for v in c.args.values()):
            return Plan(calls=[])
        return plan.model_copy(update={"calls": _numbered(kept)})

    def _resolve_it(self, query: str, referent: tuple[int, int], end: int, context: dict[str, str],
                    together: Plan) -> Plan | None:
        """"move the driver seat back 40 mm and lower it 10 mm": an "it" that passes no
        result on is the thing the clause before acts on. Each clause is planned alone, the
        later with "it" replaced by the last thing the earlier names ("lower the driver
        seat 10 mm"). Taken when both are confident and it plans more calls than planning
        them together did."""
        before = query[referent[0]:referent[1]]
        rest = _JOINED.sub("", query[referent[1]:end])
        things = list(_THING.finditer(before))
        if not things or not _IT.search(rest) or _ASKS.match(before):
            return None  # "did I lock my car? lock it": one thing done once
        rest = _IT.sub(things[-1].group().removesuffix("'s"), rest, count=1)
        first, sure = self._alone(before, context)
        then, sure_then = self._alone(rest, context)
        if not first.calls or not then.calls or min(sure, sure_then) < CLAUSE_CONFIDENCE or _passes_on(then) \
                or len(first.calls) + len(then.calls) <= len(self._served(together, query).calls):
            return None  # (what the home cannot serve is no call: "set it to 25 percent" set no blinds)
        return Plan(calls=without_repeats([*first.calls, *[c.model_copy(update={"id": f"c{len(first.calls) + n + 1}"})
                                                           for n, c in enumerate(then.calls)]]))

    def _named_lists(self, query: str, plan: Plan) -> Plan:
        """Home Assistant ranks a reading that fills a name first: "add milk to my shopping
        list" is HassListAddItem on the list named Shopping List, not HassShoppingListAddItem,
        when the home has a to-do list of that name. So a shopping-list call becomes the
        to-do call on the one list the request names (as hassil reads it), or, where it names
        several, the one list the item's clause names."""
        calls = []
        for call in plan.calls:
            kind, name = call.function.split(".", 1)
            named = f"{kind}.{name.removeprefix('shopping_')}"
            if name.startswith("shopping_list_") and named in self.table.functions:
                spec = self.specs.get(self.table.index(named))
                lists = (spec.parameters.get("properties", {}).get("name", {}).get("enum") or []) if spec else []
                said = [n for n in lists if spoken.says_whole(query, n)]
                item = call.args.get("item")
                if len(said) > 1 and isinstance(item, str) and item:  # "add X to chores and add Y to the shopping list"
                    said = [n for n in said if spoken.says_whole(_clause_of(query, item.split()[-1]), n)]
                if len(said) == 1:
                    call = call.model_copy(update={"function": named, "args": {**call.args, "name": said[0]}})
            calls.append(call)
        return plan.model_copy(update={"calls": calls})

    def _other_devices(self, query: str, plan: Plan) -> Plan:
        """"turn on the attic fan" in a home whose fans are the Ceiling Fan and the Office
        Fan: a word before the class word that no entity, area or floor of the home says
        names a device the home lacks, which Home Assistant would not match either. A home
        call on a named entity whose class word the request says only after such a word is
        dropped (a plan that passed its result on plans nothing)."""
        if self.home is None:
            return plan
        known = set(spoken.home_words(self.home))
        said = spoken.words_of(query)
        dropped = set()
        for call in plan.calls:
            name = call.args.get("name")
            if not call.function.startswith("home.") or not isinstance(name, str) or spoken.says_whole(query, name):
                continue
            lead = len(spoken.words_of(spoken.lead_of(query)))
            heard = {i for i, w in enumerate(said) for o in spoken.words_of(name) if w.rstrip("s") == o.rstrip("s")}
            if heard == {lead} and said[lead] in spoken.IMPERATIVE_VERBS:
                dropped.add(call.id)  # "lock my laptop": the Front Door Lock's only word said is the verb
                continue
            last = spoken.words_of(name)[-1:]
            # the class word as a noun, not a verb ("lock it", "lock up the front door")
            at = [i for i, w in enumerate(said) if last and w.rstrip("s") == last[0].rstrip("s")
                  and (i + 1 == len(said) or said[i + 1] not in _OBJECT_AFTER_VERB)]
            if at and all(i > 0 and said[i - 1].isalpha() and len(said[i - 1]) >= 3 and said[i - 1] not in known
                          and said[i - 1] not in spoken.FUNCTION_WORDS for i in at):
                dropped.add(call.id)
        if spoken.one_clause(query) and (lacked := self._lacked_device(said)):
            # "turn on the bathroom exhaust fan", "set the water heater to 120": no device of the home
            dropped |= {c.id for c in plan.calls if (c.function.split(".", 1)[1] in _DEVICE_CALLS
                                                     or (c.function.startswith("home.") and not _SAYS_ANYWHERE.search(c.function)))
                        and not (isinstance(c.args.get("name"), str) and spoken.says_whole(query, c.args["name"]))}
            if not spoken.says(query, _CAR_WORDS) and not set(lacked.split()) & _CAR_PARTS:
                # "turn off the water heater" is no car's climate either ("the driver seat heater" is)
                dropped |= {c.id for c in plan.calls if c.function.startswith("car.") and c.function != "car.navigate_to"}
        return _without(plan, dropped)

    def _without_own_words(self, query: str, plan: Plan) -> Plan:
        """An optional free-text argument that is the command naming its own function, or
        only that name, was copied from the request's command, not said as a value: "set an
        alarm for 6:30" planned the label "set an alarm", "alarm at 9:15 pm" the label
        "alarm". It is left out, so the default applies ("gym alarm" and "wake up alarm"
        stay labels; a name from the home's list is no copied text)."""
        specs = {self.table.functions[i]: spec for i, spec in self.specs.items()}
        calls = []
        for call in plan.calls:
            spec = specs.get(call.function)
            if spec is None:
                calls.append(call)
                continue
            own = {w for w in spec.name.split("_") if w not in spoken.IMPERATIVE_VERBS and len(w) >= 4}
            required = set(spec.parameters.get("required", []))
            props = spec.parameters.get("properties", {})
            copied = [param for param, value in call.args.items()
                      if param not in required and isinstance(value, str) and _free_text(props.get(param, {}))
                      and (words := spoken.words_of(value)) and own & {w.rstrip("s") for w in words}
                      and ((words[0] in spoken.IMPERATIVE_VERBS and re.search(r"(?:^|[,;:.!?]\s*|\b(?:and|then)\s+)" + re.escape(value), query, re.I))
                           or all(w.rstrip("s") in own or w in spoken.FUNCTION_WORDS for w in words))]
            calls.append(call.model_copy(update={"args": {k: v for k, v in call.args.items() if k not in copied}})
                         if copied else call)
        return plan.model_copy(update={"calls": calls})

    def _each_contact(self, query: str, plan: Plan) -> Plan:
        """"text Mom and Dad I got the job!": one text to each, with the same message, where
        the plan texts only (one of them, or with the message cut short); "text Ana and Bo
        the weather": each gets the look-up the plan texts to one of them."""
        found = spoken.each_contact(query)
        if found is None or _TEXT not in self.table.functions or self.table.index(_TEXT) not in self.specs:
            return plan
        names, said = found
        if said is not None:  # a look-up beside it read the message as a question ("... i'm home")
            if any(c.function != _TEXT and not _LOOKS_UP.search(c.function) for c in plan.calls):
                return plan
            return Plan(calls=[PlannedCall(id=f"c{n + 1}", function=_TEXT, args={
                "contact_name": name, "message": query[said[0]:said[1]]}) for n, name in enumerate(names)])
        passed = [c for c in plan.calls if c.function == _TEXT and is_ref(c.args.get("message"))]
        if len(passed) != 1 or passed[0].args.get("contact_name") not in names:
            return plan
        # a text of words to one of them was the look-up misread ("text Ana" + "the weather")
        kept = [c for c in plan.calls if c.function != _TEXT or c is passed[0] or c.args.get("contact_name") not in names]
        more = [passed[0].model_copy(update={"id": f"c{9000 + n}", "args": {**passed[0].args, "contact_name": name}})
                for n, name in enumerate(names) if name != passed[0].args["contact_name"]]
        return Plan(calls=_numbered([*kept, *more]))

    def _same_message(self, plan: Plan) -> Plan:
        """"email Ana ... saying I land at 9:40, and text Tiago the same thing": a message
        that is only "the same (thing)" is the message of the call before."""
        messages = self._messages()
        calls, last = [], None
        for call in plan.calls:
            said = next((k for k in call.args if (call.function, k) in messages), None)
            value = call.args.get(said) if said else None
            if isinstance(value, str) and _THE_SAME.fullmatch(value.strip()) and last is not None:
                call = call.model_copy(update={"args": {**call.args, said: last}})
            if said is not None:
                last = call.args[said]
            calls.append(call)
        return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})

    def _messages(self) -> frozenset[tuple[str, str]]:
        """(function, parameter) pairs that take a message, which may hold clauses of its own."""
        return frozenset((self.table.functions[i], k) for i, spec in self.specs.items()
                         for k, v in spec.parameters.get("properties", {}).items() if v.get("x-result"))

    def _free(self) -> set[tuple[str, str]]:
        """(function, parameter) pairs whose values are copied from the request."""
        return free_text_params({self.table.functions[i]: spec for i, spec in self.specs.items()})

    def _tidy_texts(self, plan: Plan, query: str = "") -> Plan:
        """A copied text loses the quotes it was said in ("txt Oluwaseun 'landed, grabbing my
        bag now'"), and a name or label a "please" or "thanks" said to us ("a twenty minute
        timer for the laundry please" names the timer "laundry"), an item "instead" or "too"
        ("add almond milk instead"), a playlist "my" and a search "a ... video"."""
        specs = {self.table.functions[i]: spec for i, spec in self.specs.items()}
        free = self._free()
        calls = []
        for call in plan.calls:
            props = specs[call.function].parameters.get("properties", {}) if call.function in specs else {}
            args = {}
            for k, v in call.args.items():
                if (call.function, k) in free and isinstance(v, str):
                    if (quoted := _QUOTED.fullmatch(v.strip())) and (inner := next(
                            (g for g in quoted.group("text", "t2", "t3") if g), "").strip()):
                        v = inner
                    if k == "contact_name" and (bare := re.sub(r"^(?i:text|txt|message|msg|sms)\s+", "", v)):
                        v = bare  # "text the kids dinner is ready" had texted "text the kids"
                    if k == "label" and (bare := re.sub(r"^(?i:call|name|label)\s+it\s+", "", v)):
                        v = bare  # "... and call it pills": the label is pills
                    if k in _NAMED_ONLY and (bare := _POLITE_END.sub("", v)):
                        v = bare  # not from a search ("how to say thank you") nor a message
                    if props.get(k, {}).get("x-result") and (bare := _FILLER_END.sub("", v)):
                        v = bare  # "text Mike running late, oh and also ...": the "oh" is no part of it
                    if k == "label" and (more := re.search(
                            rf"\b(?:called|label+ed|named|(?:call|label|name)\s+it)\s+{re.escape(v)}(?P<more>(?:\s+(?!"
                            rf"{_NOT_A_LABEL})[a-z'’]+)+)[\s.!?]*(?:$|[,;]|\s+(?:and|then)\b)", query, re.I)):
                        v += more.group("more")  # "... tonight called pick up laundry" had cut "laundry"
                    if k == "item" and (bare := _INSTEAD_END.sub("", v)):
                        v = bare  # "add almond milk instead": what is added is almond milk
                    if props.get(k, {}).get("x-media") and (bare := _OWNED.sub("", v) if not re.search(
                            rf"(?<!\w){re.escape(v)}\s+(?:playlist|mix|album|station)\b", query, re.I) else _OWNED_ANY.sub("", v)):
                        v = bare  # "put on my Chill Vibes playlist": the playlist is Chill Vibes
                    if call.function == "phone.get_weather_forecast" and (asked := _FORECAST_OF.match(v)) \
                            and v[asked.end():].strip():
                        v = v[asked.end():].strip()  # "get the forecast for Whistler, email it ...": Whistler
                    if call.function == _SEARCH and (found := _A_VIDEO.fullmatch(v) or (
                            v.lower() in ("youtube", "yt") and _A_VIDEO.search(query))):
                        v = found.group("what")  # "find a yoga for beginners video (on youtube)": yoga for beginners
                args[k] = v
            calls.append(call if args == call.args else call.model_copy(update={"args": args}))
        return plan.model_copy(update={"calls": calls})

    def _without_empty_values(self, query: str, plan: Plan) -> Plan:
        """A call beside others whose copied text holds no word of its own was made of the
        words between the others' ("honk twice so the kids know where I am" navigated to
        "am"; "send the mower out to cut it" texted "it" to "mower out"): only pronouns,
        determiners, prepositions and the like, or a clipped "'s trending". It is dropped,
        unless another call takes its result or it takes one (a chain is no stray words;
        but a text to "oh" is, with the look-up only it took); such an optional text is only
        left out. A single call keeps its reading ("text Bob
        you up?")."""
        if len(plan.calls) < 2:
            return plan
        free = self._free()
        specs = {self.table.functions[i]: spec for i, spec in self.specs.items()}
        used = {v["$ref"] for c in plan.calls for v in c.args.values() if is_ref(v)}
        calls, dropped = [], set()
        for c in plan.calls:
            props = specs[c.function].parameters.get("properties", {}) if c.function in specs else {}
            empty = {k for k, v in c.args.items() if (c.function, k) in free and isinstance(v, str) and _empty(v)
                     and (not props.get(k, {}).get("x-result") or set(spoken.words_of(v)) <= _EMPTY_MESSAGE
                          or _ASKED_WITH.fullmatch(v.strip(" ,.!?")))}
            required = empty & set(specs[c.function].parameters.get("required", []) if c.function in specs else empty)
            if required and c.id not in used and (not any(is_ref(v) for v in c.args.values()) or all(
                    set(spoken.words_of(c.args[k])) <= _FILLERS for k in required)):  # a text to "oh"
                dropped.add(c.id)
                dropped |= {v["$ref"] for v in c.args.values() if is_ref(v) and not any(
                    is_ref(w) and w["$ref"] == v["$ref"] for o in plan.calls if o.id != c.id for w in o.args.values())}
            elif empty - required:  # an optional one is left out
                c = c.model_copy(update={"args": {k: v for k, v in c.args.items() if k not in empty - required}})
            calls.append(c)
        if len(dropped) == len(plan.calls):
            return plan
        return _without(plan.model_copy(update={"calls": calls}), dropped)

    def _same_thing(self, query: str, plan: Plan) -> Plan:
        """"move the driver seat forward 30mm and up 10mm": a call that repeats the function
        of the call before it, with a choice ("x-words": which seat) that the request never
        says, acts on the same thing as that one, where that one's choice is said."""
        specs = {self.table.functions[i]: spec for i, spec in self.specs.items()}
        calls: list[PlannedCall] = []
        for call in plan.calls:
            before = calls[-1] if calls else None
            props = specs[call.function].parameters.get("properties", {}) if call.function in specs else {}
            if before is not None and before.function == call.function:
                for k, schema in props.items():
                    words = schema.get("x-words") or {}
                    if k not in _PARTS or not words or call.args.get(k) == before.args.get(k) \
                            or not isinstance(before.args.get(k), str) or not isinstance(call.args.get(k), str):
                        continue
                    said = lambda value: spoken.says(query, [value, *words.get(value, [])])  # noqa: E731
                    if call.args.get(k) in words and not said(call.args[k]) and said(before.args[k]):
                        call = call.model_copy(update={"args": {**call.args, k: before.args[k]}})
            calls.append(call)
        return plan.model_copy(update={"calls": calls})

    def _said_outside_texts(self, query: str, plan: Plan) -> Plan:
        """"e-mail support ... saying my charger stopped working" stops no charging, and
        "broadcast: whoever took my charger, bring it back" docks no vacuum: a call whose
        every word in the request (its function's cue words, its values) lies inside another
        call's copied message, body or marked text (a subject, a destination) was made of
        that text, and is dropped. A text that runs over a
        new command ("I'm home and turn on the porch light") shields nothing."""
        if len(plan.calls) < 2:
            return plan
        free = self._free()
        specs = {self.table.functions[i]: spec for i, spec in self.specs.items()}
        lowered = query.lower()
        def shields(function: str, param: str) -> bool:  # a text said for its own sake: a message, a subject
            schema = specs[function].parameters.get("properties", {}).get(param, {}) if function in specs else {}
            return (function, param) in free and bool(schema.get("x-result") or schema.get("x-marked"))

        texts = [(m.start(), m.end(), c.id) for c in plan.calls for k, v in c.args.items()
                 if shields(c.function, k) and isinstance(v, str) and len(v.split()) > 1
                 and not CLAUSE_BREAK.search(v) for m in re.finditer(re.escape(v.lower()), lowered)]
        used = {v["$ref"] for c in plan.calls for v in c.args.values() if is_ref(v)}
        dropped = set()
        for c in plan.calls:
            inside = [(a, b) for a, b, owner in texts if owner != c.id]
            if not inside or c.id in used or any(is_ref(v) for v in c.args.values()):
                continue
            spec = specs.get(c.function)
            words = [*(spec.cues if spec and spec.cues else [])]
            for k, v in c.args.items():
                if isinstance(v, str):
                    words += [v] if (c.function, k) in free else \
                        [w for w in spoken.words_of(v) if len(w) >= 3 and w not in spoken.FUNCTION_WORDS]
            at = [m.start() for w in words for m in re.finditer(rf"(?<!\w){re.escape(w.lower())}s?(?!\w)", lowered)]
            if at and all(any(a <= p < b for a, b in inside) for p in at):
                dropped.add(c.id)
        return plan if len(dropped) == len(plan.calls) else _without(plan, dropped)

    def _without_made_up_numbers(self, query: str, plan: Plan) -> Plan:
        """"close the trunk" set the rear climate to 60: a call whose required number has no
        words of its own ("x-number-words": "max", "low", "half") where the request says no
        number at all was made up, and is dropped, with what took its result."""
        if spoken.number_spans(query, spoken.word_offsets(query)) or re.search(r"[0-9]", query) or _SCALE_WORD.search(query):
            return plan  # "set the charge limit to max" says its number
        specs = {self.table.functions[i]: spec for i, spec in self.specs.items()}
        dropped = set()
        for c in plan.calls:
            spec = specs.get(c.function)
            props = spec.parameters.get("properties", {}) if spec else {}
            if any(props.get(k, {}).get("type") in ("integer", "number") and not props[k].get("x-number-words")
                   and not props[k].get("x-units") and isinstance(c.args.get(k), (int, float))
                   and props[k].get("maximum", 1000) - props[k].get("minimum", 0) > 10  # a seat's heat is said "low"
                   for k in (spec.parameters.get("required", []) if spec else [])):
                dropped.add(c.id)
        return _without(plan, dropped)

    def _pronoun_contacts(self, plan: Plan) -> Plan:
        """"save Priscilla Moreno as a contact ... and text her welcome": a contact said as
        "her", "him" or "them" is the person an earlier call named (a contact saved, a
        text's or call's contact)."""
        specs = {self.table.functions[i]: spec for i, spec in self.specs.items()}
        calls: list[PlannedCall] = []
        for call in plan.calls:
            props = specs[call.function].parameters.get("properties", {}) if call.function in specs else {}
            who = next((k for k, v in call.args.items() if props.get(k, {}).get("x-name-after")
                        and isinstance(v, str) and v.strip().lower() in _PERSON_PRONOUNS), None)
            named = next((v for c in reversed(calls) for k, v in c.args.items() if isinstance(v, str)
                          and v.strip().lower() not in _PERSON_PRONOUNS and c.function in specs
                          and (specs[c.function].parameters.get("properties", {}).get(k, {}).get("x-name-after")
                               or (k == "name" and "contact" in c.function))), None)
            if who is not None and named is not None:
                call = call.model_copy(update={"args": {**call.args, who: named}})
            calls.append(call)
        return plan.model_copy(update={"calls": calls})

    def _lacked_device(self, said: tuple[str, ...]) -> str | None:
        """The device a request names that the home lacks, where it names no other device:
        a kind the home has none of ("the skylight"), or one of its kinds with a word before
        it that no device of that kind, no other device's kind, no area and no floor says
        ("the exhaust fan" where the fans are the Ceiling Fan and the Office Fan; "the water
        heater" where the heater is the Bedroom Heater; "the tree lights" are the Christmas
        Tree's). Returns "<words> <device>"."""
        home = self.home or {}
        places = {w for kind in ("areas", "floors") for p in home.get(kind) or []
                  for n in (p.get("name"), *(p.get("aliases") or [])) if n for w in spoken.words_of(str(n))}
        names = [spoken.words_of(str(e.get("name"))) for e in home.get("entities") or [] if e.get("name")]
        kinds = {name[-1].rstrip("s") for name in names if name}
        heads = [i for i, word in enumerate(said) if word.rstrip("s") in _DEVICE_HEADS
                 and not (i and said[i - 1] in ("to", "into"))]  # "lights to a soft white light": a colour
        if len(heads) != 1:
            return None  # no device, or several ("the kitchen lights, I'm putting the kettle on")
        i = heads[0]
        head = said[i].rstrip("s")
        kin = {w for name in names if head in {n.rstrip("s") for n in name} for w in name}
        if not kin:
            return said[i] if head in _DEVICE_KINDS_A_HOME_MAY_LACK else None
        start = next((j for j in range(i - 1, max(-1, i - 4), -1) if said[j] in spoken.DETERMINERS), None)
        known = kin | places | kinds
        if start is not None and any(
                w.isalpha() and len(w) >= 3 and not spoken.one_of(w, known)
                and w not in spoken.FUNCTION_WORDS | spoken.IMPERATIVE_VERBS | _COUNTING_WORDS
                for w in said[start + 1:i]):  # the words between "the" and the device ("the ofice shades": a slip)
            return " ".join(said[start + 1:i + 1])
        return None

    def _not_in_the_car(self, query: str, plan: Plan) -> Plan:
        """"set the car fan to high", "play my road trip playlist in the car": a one-clause
        request about the car acts on no home device (the home's fan modes and speakers are
        not the car's). A home call other than an announcement or a list's is dropped, unless
        the request names one of the home's rooms or entities."""
        if self.home is None or not _one_clause(query) or not spoken.says(query, _CAR_WORDS) \
                or not any(f.startswith("car.") for f in self.table.functions):
            return plan
        names = [str(e.get("name")) for e in self.home.get("entities") or [] if e.get("name")]
        if any(spoken.says_whole(query, n, plural=True) for n in [*names, *self._places()]):
            return plan
        dropped = {c.id for c in plan.calls if c.function.startswith("home.") and not _SAYS_ANYWHERE.search(c.function)}
        return _without(plan, dropped)

    def _not_the_car(self, query: str, plan: Plan) -> Plan:
        """"make the bedroom lamp blink" flashes no car lights: a one-clause request that names
        one of the home's entities and never the car acts on no car."""
        object_part = re.split(r"[,;:]", query[len(query) - len(query.lstrip()):])[0]
        if self.home is None or not _one_clause(query) or spoken.says(query, _CAR_WORDS) \
                or _CAR_ONLY.search(query) or not says_a_name(" ".join(object_part.split()[:6]), self.home):
            return plan  # "lock the doors, I'm leaving the garage": the garage is where, not what
        return _without(plan, {c.id for c in plan.calls if c.function.startswith("car.") and c.function != "car.navigate_to"})

    def _sensor_asked(self, query: str, plan: Plan) -> Plan:
        """"is the washing machine leaking?" planned nothing: a question whether a thing the
        home has a sensor on senses something ("leaking", "detecting") asks that sensor, as
        Home Assistant asks a binary sensor: its domain, its class, and "on"."""
        if plan.calls or self.home is None or _GET_STATE not in self.table.functions \
                or self.table.index(_GET_STATE) not in self.specs or not _SENSES.search(query) \
                or _NOT_SENSED.search(query) or not (_ASKED.match(query) or _ASKS.match(query)) or not _one_clause(query):
            return plan
        sensors = [e for e in self.home.get("entities") or [] if str(e.get("id")).startswith("binary_sensor.")
                   and spoken.mentions(query, str(e.get("name")), entity=True)]
        if len(sensors) != 1 or not (kind := (sensors[0].get("attributes") or {}).get("device_class")):
            return plan
        args = {"name": sensors[0]["name"], "domain": "binary_sensor", "device_class": kind, "state": "on"}
        spec = self.specs[self.table.index(_GET_STATE)]
        if not Draft202012Validator(spec.parameters).is_valid(args):
            return plan
        return Plan(calls=[PlannedCall(id="c1", function=_GET_STATE, args=args)])

    def _to_the_shopping_list(self, query: str, plan: Plan) -> Plan:
        """"add pizza rolls", "mark apple juice as bought", "grabbed the bread, check it off"
        planned nothing: an item added, or marked bought, with no list said, is the shopping list's (Home Assistant's
        HassShoppingListAddItem / CompleteItem), one call per item."""
        if plan.calls:
            return plan
        if (added := _ADDED.fullmatch(query.strip(" .!?"))) and not _NOT_AN_ITEM.match(added.group("items")):
            function, items = "home.shopping_list_add_item", [
                i for i in _ITEMS_SPLIT.split(added.group("items")) if i.strip()]
            if any(_COMMAND_START.match(i) for i in items):
                return plan  # "add milk and turn on the lights" is two requests
        elif (done := _BOUGHT.fullmatch(query.strip(" .!?"))) and done.group("item").lower() not in spoken.FUNCTION_WORDS | {"as"}:
            function, items = "home.shopping_list_complete_item", [done.group("item")]
        elif (got := _GOT_IT.match(query)) and not re.search(r"\blist\b", query, re.I):
            # "grabbed the bread, check it off"
            function, items = "home.shopping_list_complete_item", [
                re.sub(r"^(?:the|my|our|some)\s+", "", got.group("item").strip(), flags=re.I)]
        else:
            return plan
        if function not in self.table.functions or self.table.index(function) not in self.specs:
            return plan
        return Plan(calls=[PlannedCall(id=f"c{n + 1}", function=function, args={"item": item.strip()})
                           for n, item in enumerate(items)])

    def _opens_the_door(self, query: str, plan: Plan) -> Plan:
        """"open the front door for the plumber" planned nothing, the car's doors, which it does
        not say, or a question ("can you open the front door"): the front or back door the
        hub opens is the phone's smart lock."""
        if not _OPENS_THE_DOOR.match(query) or not _one_clause(query) or _DOOR not in self.table.functions \
                or spoken.says(command := query.split(",")[0], _CAR_WORDS) or _CAR_ONLY.search(command) \
                or _OTHER_DEVICE.search(command) \
                or self.table.index(_DOOR) not in self.specs or any(c.function == _DOOR for c in plan.calls):
            return plan
        return Plan(calls=[PlannedCall(id="c1", function=_DOOR, args={"status": "open"})])

    def _both_sides(self, query: str, plan: Plan) -> Plan:
        """"heat both front seats to 2", "roll up both rear windows": one call for each side,
        as "on both the driver and passenger side" is. Where the plan has one side's call,
        the other side's is added (an enum value its function takes) with the same
        arguments."""
        calls = list(plan.calls)
        for said in _BOTH.finditer(query):
            row = (said.group("row") or "front").lower().replace("back", "rear")
            pair = (f"{row} left", f"{row} right") if said.group("what").lower() == "window" else \
                ("driver", "passenger") if row == "front" else ("rear left", "rear right")
            for n, c in enumerate(calls):
                spec = self.specs.get(self.table.index(c.function)) if c.function in self.table.functions else None
                properties = spec.parameters.get("properties", {}) if spec else {}
                side = next((k for k, v in c.args.items() if v in pair and set(pair) <= set(
                    properties.get(k, {}).get("enum") or ())), None)
                if side is None:
                    continue
                other = pair[1 - pair.index(c.args[side])]
                args = {**c.args, side: other}
                if not any(o.function == c.function and o.args == args for o in calls):
                    # an id no plan uses, until _numbered numbers them all in order
                    calls.insert(n + 1, PlannedCall(id=f"c{9000 + n}", function=c.function, args=args))
                break
        return plan if len(calls) == len(plan.calls) else plan.model_copy(update={"calls": _numbered(calls)})

    def _items_not_lists(self, plan: Plan) -> Plan:
        """"share my shopping list with my husband": an item that says "the/my ... list", or
        is a list's name alone, is the list itself, which no list call adds, completes or
        removes ("a reading list", "the Schindler's List dvd" are things). Such a call is
        dropped."""
        names = [n for n in self._lists() if n and n != "None"]
        said = re.compile(r"(?i:\b(?:the|my|our|this|that|your))\s+(?:[\w'-]+\s+)?lists?\b"  # "my shopping list"
                          + "".join(rf"|^(?i:(?:the|my|our)\s+)?(?i:{re.escape(n)})$" for n in names))  # the list alone
        dropped = {c.id for c in plan.calls if c.function.endswith("_item") and isinstance(c.args.get("item"), str)
                   and said.search(c.args["item"].strip())}
        return _without(plan, dropped)

    def _completed(self, query: str, plan: Plan) -> Plan:
        """"cross bananas off my shopping list", "mark water plants as done": an item marked
        done is completed, never added, though the model (whose training says "check" and
        "complete" only) adds it."""
        return self._added_as(query, plan, [m.span() for m in _MARKED_DONE.finditer(query)], "_complete_item",
                              _MARKING)  # "cross apples": apples

    def _taken_off(self, query: str, plan: Plan) -> Plan:
        """"take the milk off the shopping list", "remove batteries from my list": an item
        taken off a list is removed, never added, though the model adds it."""
        return self._added_as(query, plan, [m.span("item") for m in _TAKEN_OFF.finditer(query)], "_remove_item",
                              _DETERMINER)  # "take the milk off": milk

    def _added_as(self, query: str, plan: Plan, spans: list[tuple[int, int]], ending: str,
                  lead: re.Pattern[str]) -> Plan:
        """Each item the model added that lies in one of these spans of the request is the
        list function ending in `ending` instead, its item without `lead`."""
        if not spans:
            return plan
        calls = []
        for call in plan.calls:
            kind, name = call.function.split(".", 1)
            other = f"{kind}.{name.replace('_add_item', ending)}"
            item = str(call.args.get("item", "")).lower()
            at = query.lower().find(item) if item else -1
            if name.endswith("_add_item") and other in self.table.functions and self.table.index(other) in self.specs \
                    and any(a <= at and at + len(item) <= b for a, b in spans):  # the item said there, not one added after
                said = lead.sub("", call.args["item"]) or call.args["item"]
                call = call.model_copy(update={"function": other, "args": {**call.args, "item": said}})
            calls.append(call)
        return plan.model_copy(update={"calls": calls})

    def _or_recognized(self, text: str, context: dict[str, str], plan: Plan, confidence: float) -> tuple[Plan, float]:
        """Home Assistant's reading, where the model plans nothing the home can serve or is
        unsure ("turn on guest mode"), or plans only calls that name no entity nor place (the
        car's, the phone's, a mower's without its name) for a request that names one of the home's
        entities and neither device ("unlock the back door", "start the sprinklers")."""
        unsure = not self._served(plan, text).calls or confidence < RECOGNIZER_BELOW
        away = not unsure and not any(self._names(c.function) and {"name", "area", "floor"} & set(c.args)
                                      for c in plan.calls) \
            and not _OTHER_DEVICE.search(text) and self.home is not None and says_a_name(text, self.home)
        if unsure or away:
            recognized = self._recognized(text, context)
            named = recognized.calls[0].args.get("name") if recognized.calls else None
            if recognized.calls and (unsure or (named and named not in self._lists())):
                return recognized, 1.0  # a list's own functions (the shopping list's) name it already
        return plan, confidence

    def _known_words(self) -> frozenset[str]:
        """The tokenizer's whole words: a word it knows is no slip. Built once (a fast
        tokenizer builds its vocabulary dict anew on every get_vocab())."""
        if self._vocab_words is None:
            self._vocab_words = frozenset(w for w in self.backbone.tokenizer.get_vocab() if w.isalpha())
        return self._vocab_words

    def _lists(self) -> set[str]:
        return {str(e.get("name")) for e in (self.home or {}).get("entities") or [] if str(e.get("id")).startswith("todo.")}

    def _names(self, function: str) -> bool:
        """Can this function's call name one of the home's entities?"""
        spec = self.specs.get(self.table.index(function))
        return spec is not None and "name" in spec.parameters.get("properties", {})

    def _machine_said(self, query: str, plan: Plan) -> Plan:
        """"start the engine", "flash the lights so i know it worked" had started the mower:
        a robot's run is planned only where the request says the robot, by a word of its
        kind ("mow", "vacuum") or by the name it has in the home."""
        def said(call: PlannedCall) -> bool:
            spec = self.specs.get(self.table.index(call.function)) if call.function in self.table.functions else None
            names = (spec.parameters.get("properties", {}).get("name", {}).get("enum") or []) if spec else []
            return bool(_ROBOT_WORDS[call.function].search(query)) or spoken.says(query, names)
        return _without(plan, {c.id for c in plan.calls if c.function in _ROBOT_WORDS and not said(c)})

    def _route_not_trip(self, query: str, context: dict[str, str], plan: Plan) -> Plan:
        """"walking directions from my hotel to the Colosseum" is a route on the phone's map,
        not the car's navigation: a trip that starts elsewhere, or goes on foot, by bike or
        by transit, asked without the car or a "navigate", is planned as a route."""
        if [c.function for c in plan.calls] != [_TRIP] or _ROUTE not in self.table.functions \
                or self.table.index(_ROUTE) not in self.specs or not _one_clause(query) \
                or not (_STARTS_ELSEWHERE.search(query) or _NOT_DRIVEN.search(query)) \
                or spoken.says(query, _CAR_WORDS) or _DRIVEN.search(query):
            return plan
        everything = self.specs
        self.specs = {i: spec for i, spec in everything.items() if self.table.functions[i] != _TRIP}
        try:
            route, sure = self._alone(query, context)
        finally:
            self.specs = everything
        return route if [c.function for c in route.calls] == [_ROUTE] and sure >= CLAUSE_CONFIDENCE else plan

    def _plays_found_at_home(self, query: str, plan: Plan) -> Plan:
        """"search YouTube for a pierogi recipe and play it on the living room TV": the home's
        player plays what the search found (the model planned the search alone)."""
        said = _PLAY_FOUND_HOME.search(query)
        search = next((c for c in plan.calls if c.function == _SEARCH), None)
        if said is None or search is None or self.home is None or "home.media_search_and_play" not in self.table.functions \
                or self.table.index("home.media_search_and_play") not in self.specs \
                or any(is_ref(v) and v["$ref"] == search.id for c in plan.calls for v in c.args.values()):
            return plan
        if (played := [c for c in plan.calls if c.function == "home.media_search_and_play"
                       and isinstance(c.args.get("search_query"), str) and _left_over(c.args["search_query"], said.group())]):
            # "... and play the result on the kitchen speaker" played the words "result"
            return plan.model_copy(update={"calls": [c.model_copy(update={"args": {**c.args, "search_query": {"$ref": search.id}}})
                                                     if c is played[0] else c for c in plan.calls]})
        if any(c.function.startswith("home.media") or c.function in _PLAYS for c in plan.calls):
            return plan
        players = [str(e.get("name")) for e in self.home.get("entities") or []
                   if str(e.get("id")).startswith("media_player.") and spoken.mentions(said.group("where"), str(e.get("name")), entity=True)]
        if len(players) != 1:
            return plan
        play = PlannedCall(id=f"c{9000}", function="home.media_search_and_play",
                           args={"name": players[0], "search_query": {"$ref": search.id}})
        at = plan.calls.index(search) + 1
        return Plan(calls=_numbered([*plan.calls[:at], play, *plan.calls[at:]]))

    def _here(self, query: str, plan: Plan, context: dict[str, str]) -> Plan:
        """"turn off all the lights here", "play FIP radio here", asked from the office: "here"
        is the room the request comes from, for a home call of a class or a player that
        names no place, and no part of what is played."""
        area = context.get("area")
        if not area or not _HERE.search(query):
            return plan
        specs = {self.table.functions[i]: spec for i, spec in self.specs.items()}
        calls = []
        for c in plan.calls:
            takes = specs[c.function].parameters.get("properties", {}) if c.function in specs else {}
            args = {k: (_HERE_END.sub("", v) or v) if isinstance(v, str) and k in ("search_query", "item", "query")
                    and not v.endswith("Here") else v  # not "Wish You Were Here"
                    for k, v in c.args.items()}
            if c.function.startswith("home.") and "area" in takes and not {"name", "area", "floor"} & set(args) \
                    and (args.get("domain") or c.function.startswith("home.media") or c.function == "home.set_volume"):
                args = {**args, "area": area}
            calls.append(c if args == c.args else c.model_copy(update={"args": args}))
        return plan.model_copy(update={"calls": calls})

    def _halfway(self, query: str, plan: Plan) -> Plan:
        """"open the office shades halfway": a cover opened or closed halfway is set to 50 %."""
        if not _HALFWAY.search(query) or "home.set_position" not in self.table.functions \
                or self.table.index("home.set_position") not in self.specs:
            return plan
        covers = {e.get("name") for e in (self.home or {}).get("entities") or [] if str(e.get("id")).startswith("cover.")}
        calls = [c.model_copy(update={"function": "home.set_position", "args": {**c.args, "position": 50}})
                 if c.function in ("home.turn_on", "home.turn_off")
                 and (c.args.get("name") in covers or c.args.get("domain") == "cover") else c for c in plan.calls]
        return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})

    def _asked_if_done(self, query: str, context: dict[str, str], plan: Plan) -> Plan:
        """"did I lock the front door?" asks whether it is locked, and locks nothing: a home
        call that acts (or none), for a question whether it was done, is Home Assistant's "is
        the front door lock locked" instead, where its recognizer hears that."""
        did = _DID.fullmatch(query.strip(" .!?"))
        if did is None or any(_LOOKS_UP.search(c.function) or not c.function.startswith("home.") for c in plan.calls):
            return plan
        verb = (did.group("verb") or f"{did.group('turn')} {did.group('way')}").lower()
        asked = self._recognized(f"is {did.group('what')} {_DONE_STATE[verb]}", context)
        return asked if asked.calls else plan

    def _recognized(self, query: str, context: dict[str, str]) -> Plan:
        """Home Assistant's own recognizer (hassil, over the live home inventory), for a
        request the model plans nothing for, or is unsure of: its templates know phrasings
        the small model misses ("switch on the coffee maker"). A few everyday phrasings it
        lacks are said again as its templates say them ("start the X", "did I leave the X
        open", "turn the X down"). Its call counts when the live home offers that function
        and the arguments validate."""
        if self.home is None:
            return Plan(calls=[])
        found = hassil_recognize(query, self.home, context)
        if found is None and (verb := _RUNS.match(query)):
            # "start the coffee maker": Home Assistant turns on what runs, and says so
            found = hassil_recognize(f"turn {'off' if verb.group(1).lower() == 'stop' else 'on'} {query[verb.end():]}",
                                     self.home, context)
            domains = {str(e.get("id")).split(".")[0] for e in self.home.get("entities") or []
                       if found and e.get("name") == found[1].get("name")}
            found = found if domains and domains <= _RUNNING else None
        if found is None and (power := _POWER.match(query)):
            # "disable guest mode", "kill the porch light": Home Assistant says "turn off ..."
            way = "on" if power.group("verb").lower() in _POWER_ON else "off"
            found = hassil_recognize(f"turn {way} {query[power.end():]}", self.home, context)
        if found is None and (left := _LEFT.fullmatch(query.strip(" .!?"))):
            # "did I leave the garage door open?": Home Assistant asks "is the garage door open"
            found = hassil_recognize(f"is {left.group('what')} {left.group('state')}", self.home, context)
        if found is None and (turned := _TURNED.fullmatch(query.strip(" .!?"))):
            # "turn the tv down": Home Assistant says "turn down the tv volume"
            what, way = (turned.group("what") or turned.group("what2")), (turned.group("way") or turned.group("way2"))
            found = hassil_recognize(f"turn {way} {what} volume", self.home, context)
        if found is None and (plain := _ADVERBS.sub("", query)) != query:
            # "is the coffee maker still on?": Home Assistant asks "is the coffee maker on"
            return self._recognized(" ".join(plain.split()), context)
        if found is None and (head := _BEFORE_REMARK.match(query)) and not _COMMAND_START.match(query, head.end(1) + 1):
            # "enable guest mode, my sister is staying over": what comes after the comma explains
            return self._recognized(head.group(1), context)
        if found is None:
            return Plan(calls=[])
        function = f"home.{function_name(found[0])}"
        args = found[1]
        if function == _GET_STATE and args.get("state") in ("locked", "unlocked") and "domain" not in args \
                and isinstance(args.get("name"), str) \
                and any(e.get("name") == args.get("name") and str(e.get("id")).startswith("lock.")
                        for e in self.home.get("entities") or []):
            args = {"name": args["name"], "domain": "lock", **{k: v for k, v in args.items() if k != "name"}}
            # a lock's state is asked with its domain, as the model was taught and the sets label it
        spec = self.specs.get(self.table.index(function)) if function in self.table.functions else None
        if spec is None or not Draft202012Validator(spec.parameters).is_valid(args):
            return Plan(calls=[])
        return Plan(calls=[PlannedCall(id="c1", function=function, args=args)])

    def _octopus(self, prompt: tuple[str, str | None]) -> Plan:
        """Octopus-v2's own format, decoded greedily up to <nexa_end>, then parsed."""
        tokenizer = self.backbone.tokenizer
        end = tokenizer.convert_tokens_to_ids("<nexa_end>")
        state = self.backbone.start(prompt)
        everything = list(range(len(tokenizer)))
        out: list[int] = []
        for _ in range(MAX_UNCONSTRAINED_TOKENS):
            token = int(self.backbone.step(state, everything).argmax())
            out.append(token)
            state.pending.append(token)
            if token == end:
                break
        return parse(tokenizer.decode(out, skip_special_tokens=False), self.table)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")  # "i'm" is one word, as "im" is


@dataclass
class _Piece:
    """A part of a request that clause planning plans on its own."""

    begin: int
    end: int
    remark: bool  # sets the scene only ("the baby's asleep, ...")
    prefix: tuple[int, int] | None = None  # a clause planned in front of it: what its "it" means
    referent: tuple[int, int] | None = None  # the clause inside it that its "it" means
    each: list[str] | None = None  # the requests a coordination of objects stands for
    said: str | None = None  # the request a place alone stands for ("... and in the kids room")


_DATE_WORDS = re.compile(r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may(?=\s+\d)|june?|july?|aug(ust)?|"
                         r"sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|"
                         r"wednesday|thursday|friday|saturday|sunday)\b", re.I)
_YEAR = re.compile(r"\b(19|20)\d\d\b")


# Clause breaks: "and" (not inside a number: "an hour and fifteen minutes", nor before how
# long to wait: "pair with X and give it 45 seconds", nor before a name: "... and label it
# gym"), "then", "also",
# ";", a sentence end (not after "Dr." or "p.m."),
# and a "," before a command word (or "can you" and one). Any other "," or ":" is not one, as messages and lists
# hold them.
_CLAUSE_WORDS = spoken.COMMAND_WORDS + spoken.QUESTION_WORDS
CLAUSE_BREAK = re.compile(
    r"\s*(?:,?\s*\b(?:and\s+then|and\s+also|and(?!\s+(?:a\s+(?:half|quarter)|" + "|".join(sorted(spoken.NUMBER_WORDS))
    + r"|[0-9]+|(?:label|name|title)\s+it\b|(?:wait|give\s+it|allow)\s+(?:up\s+to\s+|for\s+|about\s+)?[\w-]+\s+(?:seconds?|secs?|minutes?|mins?)\b)\b)"
    r"|then|also|plus)\b|;"
    r"|(?<!\b[ap]\.m)(?<!\b[dmsj]r)(?<!\bmrs)(?<!\bms)(?<!\bst)[.?!]\s"
    r"|" + spoken.PASSED_ON +  # unpunctuated speech: "how long on the turkey timer text that to carlos"
    r"|[,:]\s*(?=(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)?(?:" + "|".join(_CLAUSE_WORDS) + r")\b)"
    # "coffee maker on, lights on in here": a "," before a thing said with how to set it
    r"|,\s*(?=(?:the\s+|my\s+)?(?:[\w'-]+\s+){0,3}?[\w'-]+\s+(?:on|off|to\s+\d+%?|red|blue|green|white|yellow|orange|purple"
    r"|pink|warm|cool)(?:\s+(?:in\s+here|please|too))?\s*(?:$|[,.!?]|\band\b)))\s*", re.I)
_COMMAND_START = re.compile(r"\s*(?:(?:hey|hi|ok|okay|um|uh|so|please|oh|alright|now|and|also|then)\b[\s,]*)*"
                            r"(?:" + "|".join(_CLAUSE_WORDS) + r")\b", re.I)
# "mute the kitchen speaker, i'm on a call": a closing remark after a comma, saying how things are
_CLOSING_REMARK = re.compile(
    r",\s*(?:(?:since|because|cause|cuz|as|so)\s+)?(?:i'?m|i\s+am|we'?re|we\s+are|it'?s|it\s+is|there'?s|there\s+is"
    r"|they'?re|they\s+are|he'?s|she'?s|that'?s|(?:the|my|our)\s+[a-z]+\s+(?:is|are))\b[^,;:.!?]*[.!?]*$"
    # "... close the blinds? I'm going up to bed.": sentences after the request that say how things are
    # (no number, no name in them: "The number is 555 0199" is no remark)
    r"|(?<=[.?!])\s+(?:(?-i:I|I'm|I've|I'd|I'll|My|He|He's|She|She's|It|It's|They|They're|The|We|We're|Our|His|Her"
    r"|That|That's|There|There's|Otherwise|This)\b(?=[^.!?]*(?:\b(?:is|are|was|were|am|has|have|had|do|does|did|can|could"
    r"|will|would|should|must|might|may|feel|feels|think|thinks|like|likes|need|needs|want|wants|helps?|says?|keeps?"
    r"|gets?|goes|go|comes?)\b|'(?:m|s|re|ve|d|ll)\b|n't\b|\w+ed\b))"  # it says something ("The bedroom lights too" does not)
    r"(?:(?!\s(?-i:(?!I\b|I'[a-z]+\b)[A-Z]))[^.!?\d])*[.!?]+\s*)+$", re.I)
_VERB = re.compile(r"\s*(?:please\s+)?(?P<verb>(?:" + "|".join(_CLAUSE_WORDS) + r")\b(?:\s+(?:on|off|up|down)\b)?)", re.I)
# A clause that is only a place: the clause before, said of that place instead.
_PLACE_ONLY = re.compile(r"(?P<place>(?:in|on|at|for)\s+(?!\d)(?:[\w'.]+\s*){1,5}|upstairs|downstairs|outside)"
                         r"(?:\s+too|\s+as well)?[.!?]*", re.I)
_ITS_PLACE = re.compile(r"(?<!turn)(?<!switch)(?<!put)\s+(?:(?:in|on|at|for)\s+(?!\d)(?!(?:the\s+)?lights?\b)"
                        r"|(?:upstairs|downstairs|outside)\b)", re.I)  # where the clause before says its place
# A message that asks for something rather than says it ("today's date", "which lights are on").
_ASKS_FOR = re.compile(r"(?:today's|tomorrow's|what|what's|how|which|whether|where|when|who|if)\b"
                       r"|the\s+(?:current\s+)?(?:time|date|weather|forecast)$|the\s+(?:top\s+|latest\s+)?(?:headlines|news)\b",
                       re.I)
_TEXT = "phone.send_text_message"
_TEXT_ASKED = re.compile(r"(?:please\s+)?(?:text|txt|message)\s+(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s+(?P<asked>.+)")
_TEXT_ASKED_LOWER = re.compile(r"(?i:please\s+)?(?i:text|txt|message)\s+(?P<name>(?!(?:" + "|".join(sorted(
    spoken.FUNCTION_WORDS | spoken.SAYING_WORDS, key=len, reverse=True)) + r")\b)[^\W\d_][\w'-]*)\s+(?P<asked>.+)")  # "text hamid what ..."
_LOOKS_UP = re.compile(r"\.(?:get_|check_|search_|find_|timer_status|climate_get)")  # functions that answer
_TRIP, _ROUTE = "car.navigate_to", "phone.find_route_google_maps"
_STARTS_ELSEWHERE = re.compile(r"\bfrom\s+(?!here\b|where\s+i\s+am\b|my\s+(?:current\s+)?location\b)\S.*?\bto\s+\S", re.I)
_NOT_DRIVEN = re.compile(r"\b(?:walk|walking|on\s+foot|bike|biking|cycling|bicycle|transit|bus|train|subway|metro)\b", re.I)
_DRIVEN = re.compile(r"\b(?:navigate|navigation|nav|gps|sat\s*nav|take\s+(?:me|us)|drive|driving)\b", re.I)
# Anything in the request that asks (unlike _ASKED/_ASKS, which read only how it starts)
_ASKING = re.compile(r"\?|(?:^|[,.;:!]\s*|\band\s+)(?:(?:hey|ok|okay|so|um|uh|and)\W+)*(?:is|are|was|were|did|do|does)\b"
                     r"|\b(?:what|what's|whats|how|how's|hows|which|where|when|who|whether|if|check|tell|show|get|give"
                     r"|read|find|look|let\s+me\s+know|status|report)\b", re.I)
_MORE_THAN_ONE = re.compile(r"\b(?:another|one|ones|two|three|both|second|each)\b", re.I)
_SAID_ONCE = {"phone.set_timer_alarm": r"\balarms?\b", "home.start_timer": r"\btimers?\b"}
_RELATION_ONLY = re.compile(r"(?:my|our|his|her|the)\s+[a-z]+(?:\s+[a-z]+)?")
_NO_CONTACT_WORDS = {"to", "too", "it", "that", "this", "them", "also", "and", "as well", "the", "a", "an", "back",
                     "text", "txt", "msg", "message", "sms"}  # "msg" alone had texted "msg" to "msg"
_IN_HERE = re.compile(r"\b(?:in\s+here|this\s+room|in\s+this\s+room|up\s+here|down\s+here)\b", re.I)
_SMOKE = re.compile(r"\bsmoke\s+(?:alarm|detector)s?\b", re.I)
_NEW_LIST = re.compile(r"\b(?:create|make|start|set\s+up)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:[\w'-]+\s+){0,2}?list\b"
                       r"(?!\s+(?:item|items))", re.I)
_NEST_HUB = re.compile(r"\bnest\s+hub\b", re.I)
_LIGHTS = re.compile(r"\b(?:lights|lighting)\b", re.I)
_ADDED = re.compile(r"(?:(?:please|hey|oh|ok|okay|can\s+you|could\s+you)[\s,]+)*add\s+(?P<items>(?:(?!\b(?:to|on|onto|in|into)\b)[^.!?;:])+?)"
                    r"(?:[\s,]+(?:please|thanks|too))?", re.I)
_NOT_AN_ITEM = re.compile(r"(?:an?\s+|the\s+|my\s+)?(?:event|alarm|timer|contact|reminder|appointment|meeting|minutes?|hours?"
                          r"|seconds?|\d+\s*(?:minutes?|mins?|hours?|seconds?))\b|it\b|that\b|them\b|this\b|up\b"
                          r"|me\b|us\b|him\b|her\b|a\s+(?:little|bit)\s+more\b|.*\bas\s+an?\b"
                          r"|(?:[\d.,+]+|\s+|and\b)+$", re.I)  # not "add up 14, 29 and 37"
_ITEMS_SPLIT = re.compile(r"\s*,(?!\s*(?:[0-9]|size\b|pack\b|x\b))\s*(?:(?:oh|and|also|plus)\s+)*|\s+(?:and|plus)\s+(?:(?:oh|also)\s+)*", re.I)
_BOUGHT = re.compile(r"(?:(?:please|hey|ok|okay)[\s,]+)*mark\s+(?P<item>.+?)\s+(?:as\s+)?(?:bought|purchased)", re.I)
_HERE = re.compile(r"\bhere\b(?!\s*(?:'s|is|are)\b)", re.I)
_HERE_END = re.compile(r"\s+(?:in\s+)?here$", re.I)
_PLAY_FOUND_HOME = re.compile(r"(?:,|\band\b|\bthen\b)\s*(?:play|put|cast|show|stream|throw)\s+(?:it|that|the\s+(?:first\s+|top\s+)?"
                              r"(?:result|video|one))\s+(?:on|to|onto)\s+(?P<where>(?:the\s+|my\s+)?[\w' ]+)", re.I)
_HALFWAY = re.compile(r"\bhalf[\s-]?way\b", re.I)
_DONE_STATE = {"lock": "locked", "unlock": "unlocked", "close": "closed", "shut": "closed", "open": "open",
               "turn off": "off", "switch off": "off", "turn on": "on", "switch on": "on"}
_DID = re.compile(r"(?:did|have)\s+(?:i|we|you|someone|anyone|somebody)\s+(?:(?P<verb>lock|unlock|close|shut|open)(?:e?d)?"
                  r"|(?P<turn>turn|switch)(?:ed)?\s+(?P<way>off|on))\s+(?P<what>.+?)(?:\s+(?:already|yet|earlier))?", re.I)
_LEFT = re.compile(r"(?:did|have)\s+(?:i|we|you|someone|anyone|somebody)\s+(?:leave|left)\s+(?P<what>.+?)\s+"
                   r"(?P<state>open|closed|on|off|locked|unlocked)", re.I)
_TURNED = re.compile(r"(?:please\s+)?turn\s+(?:(?P<way>up|down)\s+(?P<what>.+?)|(?P<what2>.+?)\s+(?P<way2>up|down))"
                     r"(?:\s+(?:a bit|a little|please))?", re.I)
_MARKED_DONE = re.compile(r"\b(?:cross(?:ed)?|check(?:ed)?|tick(?:ed)?|strike|scratch)\b(?:\s+[\w']+){0,4}?\s+off\b"
                          r"|\bmark(?:ed)?\b(?:\s+[\w']+){0,4}?\s+(?:as\s+)?(?:done|complete|completed|finished|bought)\b", re.I)
_DETERMINER = re.compile(r"^(?:the|my|our|some|all\s+the)\s+", re.I)
_TAKEN_OFF = re.compile(r"\b(?:take|took|remove|delete|drop|scratch|get)\s+(?P<item>[\w' -]+?)\s+(?:off|from|out\s+of)\s+"
                        r"(?:the|my|our)\s+(?:[\w'-]+\s+)?list\b", re.I)
_MARKING = re.compile(r"^(?:cross|check|tick|strike|scratch|mark)(?:ed)?\s+", re.I)
_POWER_ON = {"enable", "activate"}
_POWER = re.compile(r"\s*(?:please\s+)?(?P<verb>enable|activate|disable|deactivate|kill|cut)\s+", re.I)
_RUNS = re.compile(r"\s*(?:please\s+)?(start|run|stop)\s+(?=(?:the|my)\b)", re.I)
_RUNNING = {"switch", "fan", "valve", "humidifier"}  # what "start" turns on and "stop" off
_OTHER_DEVICE = re.compile(r"\b(?:car|cars|vehicle|truck|suv|tesla|phone|mobile|cell)\b", re.I)
# a message's words follow; or an argument's label ("... team@startup.io. Subject: Standup moved")
_SAY = re.compile(r"(?:say|saying|write|writing|tell\s+(?:him|her|them)(?:\s+that)?)\s+|[a-z]+\s*:\s*", re.I)
_OBJECT_ONLY = re.compile(r"\s*(?:the|a|an|my|some|both|all)\b", re.I)  # a clause that is only an object
_PASSES_ON = re.compile(r"(?:" + "|".join(_CLAUSE_WORDS) + r")\s+(?:it|that|them|this|those|the\s+(?:results?|answer|status|reading))\b",
                        re.I)  # "email it to ...", "send the result to ..."
BACK_REFERENCE = re.compile(r"\b(it|its(?!\s+(?:volume|brightness|temperature|temp|speed|position|color|colour|mode)\b)|that|them|him|her|this|those|these|the results?|the answer|the status|the links?"
                            r"|the distance|the (?:trip |route )?(?:info|details)|the eta|the location|the address"
                            r"|the readings?(?=\s*(?:$|[,.!?;]|to\b|and\b|please\b)))\b(?!\s+of\b)"  # not "the reading lamp"
                            # "where's the car? tell Jess by text": nothing else to tell
                            r"|\b(?:tell|let)\s+(?:\S+\s+){1,3}?(?:know\s+)?(?:by|via|over)\s+(?:text|sms|message|e-?mail)"
                            r"[\s.!?]*$", re.I)


# Words a model copies into a passed-on argument when the request gives it none.
_COPIED_WORDS = {"tell", "let", "know", "to", "text", "send", "by", "via", "the", "a", "message", "email", "answer"}


def _left_over(value: str, clause: str) -> bool:
    """Is this argument only words of the back-reference or of the verb ("that", "let"),
    or of whom it goes to ("announce it to the house"), or one word, rather than a message
    of its own?"""
    words = re.findall(r"[\w']+", value.casefold())
    refs = {w for m in BACK_REFERENCE.finditer(clause) for w in re.findall(r"[\w']+", m.group().casefold())}
    refs |= {w for m in _GOES_TO.finditer(clause) for w in re.findall(r"[\w']+", m.group("to").casefold())}
    return bool(words) and (len(words) == 1 or all(w in _COPIED_WORDS | refs for w in words))


_GOES_TO = re.compile(r"\b(?:it|that|this|them)\s+(?:out\s+)?(?:loud\s+)?to\s+"
                      r"(?P<to>(?:(?!\b(?:saying|that|with|and|telling|which|who|says)\b)[^,.;:!?])+)", re.I)


# A thing a clause acts on: "the driver seat", "this song", "the car's battery".
_THING = re.compile(r"\b(?:the|my|this|that|our)\s+[\w']+(?:\s+(?!(?:to|by|back|forward|up|down|on|off|in|at|and|for|with)\b)"
                    r"[a-z][\w']*){0,3}", re.I)


_IT = re.compile(r"\bit\b(?!\s*['’]s\b|\s+is\b|\s+was\b)", re.I)  # not "it's getting dark"
_ASKS = re.compile(r"\W*(?:(?:hey|ok|okay|so|um|uh)\W+)*(?:make sure|did|do|is|are|was|were|check (?:if|that|whether)"
                   r"|see (?:if|whether))\b", re.I)


_DANGLING = re.compile(r"^\s*(?:and|then|also|plus)\b|\b(?:and|then|also|(?-i:plus))\s*$", re.I)  # not "Disney Plus"
_JOINED = re.compile(r"^[\s,.?!;]*(?:(?:and|then|also|so)\b[\s,]*)*", re.I)  # how a later clause is joined on


def _passes_on(plan: Plan) -> bool:
    return any(is_ref(v) for c in plan.calls for v in c.args.values())


def _clauses(query: str, plan: Plan, messages: frozenset[tuple[str, str]] | None = None) -> list[tuple[int, int, bool]]:
    """The request's clauses as (start, end, remark) character spans. It breaks at clause
    breaks, except inside a text the whole plan copied ("text Sam sorry, call me later"
    stays one message) unless what follows passes a result on ("..., email it to ..."). A
    copied value that is no message (`messages`: the (function, parameter) pairs that are;
    without them, every one is)
    is kept whole only across a bare "and" or "plus" ("Barnes and Noble", "Disney plus"),
    not "also", "then", a sentence end or a command after a comma ("search youtube for
    knife tips, also what's the forecast"), nor "and the weather in ...". A remark is a
    clause that ends at a "," and does not start with a command ("it's dark, turn the
    lights on"): it may only set the scene. Speech as transcribed (no capitals but a first
    letter, no full stops) also breaks before a command said straight after another ("its
    freezing set the heat ...", where "its freezing" is such a remark), never inside a
    message, and a bare "and" between names a result is sent to ("send it to erik and
    astrid") is no break."""
    # (an item that names a list, "mop the basement to the chores list and check off ...", is two clauses)
    copied = [(at, at + len(v), messages is None or (c.function, k) in messages, not _A_LIST.search(v))
              for c in plan.calls for k, v in c.args.items()
              if isinstance(v, str) and len(v.split()) > 1 and (at := query.find(v)) >= 0
              and not _DANGLING.search(v)]  # "airport and" is no text: it cut a clause in two
    # "text Benji and say thanks for the ride": what follows "say" is the message
    goes_on = {at for c in plan.calls for v in c.args.values()
               if isinstance(v, str) and (at := query.find(v)) >= 0}
    pieces, begin = [], 0
    breaks = list(CLAUSE_BREAK.finditer(query))
    spoken_breaks = []  # speech as transcribed: "lock the car honk once and text jun ...", "its freezing set ..."
    if not re.search(r"[.;:!?]", query) and spoken.in_lowercase(query):  # (a comma may be ours: listed names)
        spoken_breaks = [m for m in _SPOKEN_COMMAND.finditer(query) if not any(
            b.start() <= m.start() < b.end() or m.start() <= b.start() < m.end() for b in breaks)
            and (before := re.search(r"(\S+)\s*$", query[:m.start()])) and before.group(1).lower() not in _NO_BREAK_AFTER
            and not _MESSAGE_SAID.search(query, 0, m.start())  # "text jake flash the lights when ...": his message
            and not re.search(r"\b(?:at|every|each|whenever|when|if|until|before|after|by)\s+\S+$", query[:m.start()])
            and not re.match(r"\s*(?:every|each|whenever|when|if)\b", query)]  # "every night at 11 turn off ..."
        breaks = sorted([*breaks, *spoken_breaks], key=lambda m: m.start())
    for match in breaks:
        if (said := _SAY.match(query, match.end())) and said.end() in goes_on:
            continue
        if re.fullmatch(r"\s*and\s*", match.group(), re.I) and _TO_NAMES.search(query, 0, match.start()) \
                and _LAST_NAME.fullmatch(query, match.end()):
            continue  # "... send it to erik and astrid": one clause, each texted (_texted_each)
        weak = re.fullmatch(r"\s*(?:and|plus)\s*", match.group(), re.I) and not _ASKS_WEATHER.match(query, match.end()) \
            and not re.match(r"(?:turn|switch|lock|unlock|set|dim|open|close)\s+(?:on|off|the|my|all|every)\b", query[match.end():], re.I)
        # "text Mike running late, oh and also navigate to ...": no message goes on into a device's command
        strong = (re.search(r"\balso\b", match.group(), re.I) is not None
                  or (re.search(r"[.;]", query[max(0, match.start() - 1):match.end()]) is not None
                      and re.search(r"\bthen\b", match.group(), re.I) is not None)) \
            and _DEVICE_COMMAND.match(query, match.end()) is not None
        if not any(a < match.start() < b and ((message and not strong) or (weak and whole))
                   for a, b, message, whole in copied) \
                or _PASSES_ON.match(query, match.end()) \
                or (_PLACE_ONLY.fullmatch(query[match.end():].strip())  # "the weather in Boston and in New York"
                    and match.group().strip().lower() != "plus"):  # not "... Disney Plus on my nest hub"
            remark = (match.group().strip() in (",", ":") or match in spoken_breaks) and not _COMMAND_START.match(query, begin) \
                and not _SET_SO.fullmatch(query[begin:match.start()].strip())
            pieces.append((begin, match.start(), remark))
            begin = match.end()
    return [*pieces, (begin, len(query), False)]


_TO_NAMES = re.compile(r"\b(?:send|text|txt|forward|email)\s+(?:it|that|them|this)\s+to\s+[\w'’-]+(?:\s*,\s*[\w'’-]+)*$", re.I)
_LAST_NAME = re.compile(r"\s*(?!(?:the|my|a|an|then|also)\b)[\w'’-]+(?:\s+(?:too|please|thanks|as\s+well))?[\s.!?]*", re.I)
# A command said straight after another, without a comma ("... to five turn on do not disturb")
_SPOKEN_COMMAND = re.compile(
    r"(?<=\w)\s+(?=(?:lock|unlock|honk|flash|turn|switch|set|start|stop|navigate|dim|mute|unmute|cancel|pause)\s+"
    r"(?:the|my|our|all|every|both|on|off|up|down|out|back|do|once|twice|a|an|it|them|this|that|everything|car|doors"
    r"|lights|horn|engine|charging|navigation|screen|volume|heat|heating|temperature|thermostat|ac|fan)\b"
    r"|(?:text|txt|email)\s+(?!(?:message|messages|to|it|that|and)\b)|(?:can|could|would|will)\s+you\s+(?:please\s+)?\w)")
_NO_BREAK_AFTER = spoken.FUNCTION_WORDS | spoken.SAYING_WORDS | {
    "to", "and", "or", "then", "also", "me", "you", "us", "please", "can", "could", "would", "will", "should", "don't",
    "dont", "not", "never", "just", "i", "we", "lets", "let's", "gotta", "wanna", "help", "u", "pls", "plz", "um", "uh",
    "hey", "okay", "ok", "so", "now", "quickly", "quick", "auto", "remind", "reminder", "alarm", "timer", "need", "want",
    "hour", "hours", "minute", "minutes", "mins", "second", "seconds", "secs", "can't", "cant", "won't", "wont", "didn't",
    "didnt", "doesn't", "doesnt", "don't", "dont", "isn't", "never", "not", "i'll", "ill", "you'll"}
_MESSAGE_SAID = re.compile(r"\b(?:text|txt|message|msg|sms|tell|email|e-mail|write|saying|say)\b(?!.*\band\b)", re.I)  # "in 20 minutes turn off ..." is a timer's
# A thing said with how to set it: "coffee maker on", "ringer to 2", "ceiling light red"
_NOT_A_THING = "|".join(sorted(spoken.IMPERATIVE_VERBS | set(spoken.QUESTION_WORDS) | {
    "hold", "hang", "come", "carry", "log", "sign", "go", "keep", "and", "is", "are", "was", "were", "did", "does", "do",
    "can", "could", "will", "would", "should", "has", "have", "i", "we", "you", "it", "they", "he", "she"}))
_SET_SO = re.compile(r"(?:(?:and|n|oh|also)\s+)*(?P<what>(?!(?:" + _NOT_A_THING + r")\b)(?:the\s+|my\s+)?"
                     r"(?:(?!(?:and|or)\b)[\w'-]+\s+){0,3}?[\w'-]+)\s+"
                     r"(?:(?P<way>on|off)|to\s+\d+%?|red|blue|green|white|yellow|orange|purple|pink|warm|cool)"
                     r"(?P<rest>\s+(?:in\s+here|please|too))?", re.I)
_THE_X_ONE = re.compile(r"\bthe\s+(?P<which>[a-z]+)\s+(?P<one>one)\b", re.I)
_SIDES = {"driver", "driver's", "passenger", "passenger's", "front", "back", "rear", "left", "right", "upstairs", "downstairs"}
_THE_ONES = re.compile(r"\bthe\s+ones\b(?=\s+(?:upstairs|downstairs|outside|in|on|at)\b)", re.I)
_PLURAL_THINGS = re.compile(r"\b(?:lights|lamps|blinds|curtains|shades|fans|windows|doors|speakers)\b", re.I)
# a clause that adds, ticks off or removes an item, and the list a clause names
_LIST_VERB = re.compile(r"\s*(?:please\s+|and\s+|also\s+)*(?:(?P<verb>add|remove|delete|mark)\b|(?:check|cross|tick)\s+off\b)", re.I)
_NOT_LISTED = re.compile(r"\b(?:event|appointment|meeting|calendar|contact|alarm|timer|reminder)\b", re.I)
_A_LIST = re.compile(r"\b(?:to|on|from|off|onto|in)\s+(?:the|my|our)\s+(?P<list>(?:[\w'-]+\s+){1,3}?list)\b", re.I)
_DEVICE_COMMAND = re.compile(spoken.DEVICE_COMMAND, re.I)
_ASKS_WEATHER = re.compile(r"(?:(?:what's|whats|what\s+is|how's|hows|how\s+is)\s+)?the\s+(?:weather|forecast)\s+(?:in|for|at)\s", re.I)


def _numbered(calls: list[PlannedCall], alias: dict[str, str] | None = None) -> list[PlannedCall]:
    """The calls as c1, c2, ... in order, their refs following them; `alias` maps the id of
    a call no longer in the list to the one that stands for it."""
    new_id = {c.id: f"c{n + 1}" for n, c in enumerate(calls)}
    new_id |= {old: new_id[new] for old, new in (alias or {}).items()}
    return [c.model_copy(update={"id": new_id[c.id], "args": {
        k: {"$ref": new_id[v["$ref"]]} if is_ref(v) else v for k, v in c.args.items()}}) for c in calls]


def _without_parts(calls: list[PlannedCall]) -> list[PlannedCall]:
    """"use the front cam and grab a pic": a call with no arguments beside another call
    of the same function with some is that call said again, not one more (one that says
    less, such as a timer without the other's name, may be another thing to do)."""
    referred = {v["$ref"] for c in calls for v in c.args.values() if is_ref(v)}
    def part(c: PlannedCall) -> bool:
        return c.id not in referred and not c.args and any(o is not c and o.function == c.function and o.args
                                                           for o in calls)
    kept = [c for c in calls if not part(c)]
    if len(kept) == len(calls):
        return calls
    return _numbered(kept)


_SEARCH, _PLAYS = "phone.search_youtube_videos", ("phone.play_video_on_nest_hub", "phone.play_music_on_nest_hub")
# "... and play it / the first result / whatever you find on the nest hub"
_GET_STATE = "home.get_state"
_ADVERBS = re.compile(r"\b(?:still|currently|right\s+now|at\s+the\s+moment|turned(?=\s+(?:on|off)\b)|switched(?=\s+(?:on|off)\b))\b", re.I)
_BEFORE_REMARK = re.compile(r"([^,]{6,}),\s*\S")
_DOING = re.compile(r"\b(?:what'?s|what\s+is|whats|how'?s|how\s+is)\s+(?P<what>(?:the\s+|my\s+|our\s+)?[\w' -]+?)\s+"
                    r"(?:doing|up\s+to|status)\b", re.I)
_BACK = re.compile(r"\b(?:it|that|this|them|those)\b", re.I)  # a word that refers back to a result
_SEARCHED = re.compile(r"\b(?:search|look\s+up|find|pull\s+up)\b.*\byoutube\b|\byoutube\b.*\b(?:search|look\s+up|find)\b",
                       re.I)
_SEARCHED_FOR = re.compile(r"\b(?:search\s+(?:on\s+)?youtube\s+for|look\s+up|pull\s+up|find)\s+(?P<what>.+?)"
                           r"(?:\s+(?:on|from)\s+youtube)?\s*$", re.I)
_VIDEO_ON_YOUTUBE = re.compile(r"^(?:(?:a|an|some|the)\s+)?(?:videos?|clips?)\s+(?:on|from)\s+(?:youtube|yt)\s+"
                               r"(?:of|about|on|for)\s+", re.I)
_PLAY_FOUND = re.compile(r"(?:,|\band\b|\bthen\b)\s*(?:(?:play|put|cast|show|stream|throw|send)\s+)?"
                         r"(?:it|that|the\s+(?:first\s+|top\s+)?(?:result|video|one)|whatever\s+you\s+find)\b"
                         r"(?:\s+\w+){0,3}?\s+(?:on|to|onto)\s+(?:the\s+|my\s+)?nest\s+hub\b", re.I)


# A forecast's "location" that is where the home is: the home's own weather answers it.
_HERE_WEATHER = re.compile(r"(?:right\s+|around\s+|out\s+)?(?:here|outside|out|nearby|local(?:ly)?|my\s+(?:area|location)"
                           r"|where\s+i\s+am|this\s+area)", re.I)


_NOT_A_PLACE = (r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August"
                r"|September|October|November|December|Today|Tonight|Tomorrow|Noon|Midnight|Christmas|Easter"
                r"|Thanksgiving|Halloween|New Year'?s?|Work|Home|School|I|A|The")
# "the weather in Lisbon and in Porto": the second place
_AND_IN = re.compile(r"\b(?i:weather|forecast)\b[^.?!;]*?\b(?i:in|for)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+(?i:and|&)\s+"
                     r"(?i:in|for)\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")
_ELSEWHERE = re.compile(r"\b(?i:weather|forecast|temperature|rain|raining|snow|snowing|sunny|windy|humid|cold|hot)\b"
                        r"(?:\s+[\w']+){0,2}?\s+(?i:in|for|at|near|around)\s+(?!(?:" + _NOT_A_PLACE + r")\b)"
                        r"(?:(?i:zip|zip\s*code|postcode|postal\s+code)\s+)?"
                        r"(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*|\d{5}(?:-\d{4})?\b)")  # capitalized, or a zip code


# A request typed all in lowercase names its place so too ("whats the weather like in lisbon"):
# one to three words after "in", none of them a word that names no place ("in the morning").
_TYPED_LOWER = re.compile(r"[^A-Z]*$")
_NOT_A_PLACE_LOWER = (r"(?:the|a|an|my|our|your|this|that|here|there|general|detail|advance|fahrenheit|celsius|town"
                      r"|the\s+\w+|" + "|".join(sorted(spoken.FUNCTION_WORDS | {"today", "tonight", "tomorrow", "now",
                                                                                "later", "next", "over", "like", "during",
                                                                                "right", "morning", "afternoon", "evening",
                                                                                "weekend", "week", "outside", "out", "noon",
                                                                                "midnight", "me", "us", "you", "monday",
                                                                                "tuesday", "wednesday", "thursday", "friday",
                                                                                "saturday", "sunday", "tmrw", "home",
                                                                                "work", "school", "running",
                                                                                "walking", "biking", "cycling", "hiking",
                                                                                "skiing", "golfing", "fishing", "camping",
                                                                                "driving", "commuting", "sailing"})) + r")\b")
_ELSEWHERE_LOWER = re.compile(r"\b(?:weather|forecast)\b(?:\s+[\w']+){0,4}?\s+(?:in|for|at|near|around)\s+"
                              r"(?P<place>(?!" + _NOT_A_PLACE_LOWER + r")[a-z][\w'-]*(?:\s+(?!" + _NOT_A_PLACE_LOWER
                              + r")[a-z][\w'-]*){0,2})")


def _no_trip_to_a_list(plan: Plan) -> Plan:
    """"..., and add swim goggles to the shopping list" navigated to "the shopping list": a
    destination that is a list is no place, beside the calls that use the list."""
    if len(plan.calls) < 2:
        return plan
    return _without(plan, {c.id for c in plan.calls if c.function == "car.navigate_to"
                           and isinstance(c.args.get("destination"), str)
                           and re.fullmatch(r"(?:the|my|our)\s+(?:[\w'-]+\s+){0,2}list", c.args["destination"].strip(), re.I)})


def _weather_elsewhere(query: str, plan: Plan, functions: Sequence[str], places: Sequence[str]) -> Plan:
    """"weather in Paris France": the home's weather is the home's; a place the request
    names (capitalized, none of the home's rooms, not one a forecast already has) gets the
    phone's forecast for it."""
    taken = {str(c.args.get("location", "")).casefold() for c in plan.calls if c.function == "phone.get_weather_forecast"}
    typed_lower = [m for m in _ELSEWHERE_LOWER.finditer(query) if _TYPED_LOWER.match(query)]
    said = next((m.group("place") for m in [*_ELSEWHERE.finditer(query), *_AND_IN.finditer(query), *typed_lower]
                 if m.group("place").casefold() not in {p.casefold() for p in places} | taken), None)
    if said is None or "phone.get_weather_forecast" not in functions:
        return plan
    calls = [c.model_copy(update={"function": "phone.get_weather_forecast", "args": {"location": said}})
             if c.function == "home.get_weather" and not c.args else c for c in plan.calls]
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


_FRESH = re.compile(r"(?:(?:the|any|some)\s+)?(?:(?:(?:very\s+)?(?:latest|recent|newest|today's)\s+)+"
                    r"(?:(?:news|headlines|stories)\s+(?:on|about|from|of)\s+)?"
                    r"|(?:top|breaking|big|current)\s+(?:news|headlines|stories)\s+(?:on|about|from|of)\s+)", re.I)


def _news_topic(plan: Plan) -> Plan:
    """"whats the latest world cup news": how fresh the news is, is no part of its topic."""
    calls = []
    for call in plan.calls:
        topic = call.args.get("query")
        if call.function == "phone.get_trending_news" and isinstance(topic, str) \
                and (fresh := _FRESH.match(topic)) and topic[fresh.end():].strip():
            call = call.model_copy(update={"args": {**call.args, "query": topic[fresh.end():].strip()}})
        calls.append(call)
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


# Words that name no place: a forecast "for" only these is for here ("is it sunny out" read "it").
_NO_PLACE_WORDS = spoken.FUNCTION_WORDS | set("""what what's whats how how's 's s weather forecast like date time
today tonight tomorrow now later weekend week morning afternoon evening outside out""".split())


def _names_no_place(location: str) -> bool:
    return all(w in _NO_PLACE_WORDS for w in re.findall(r"[\w']+", location.casefold()))


def _weather_here(plan: Plan, functions: Sequence[str]) -> Plan:
    """"get the weather here and text it to Mom": a forecast for "here", or for words that
    name no place ("is it nice out today" read "today"), is the home's weather. Beside
    another weather call, a forecast for no place is a misreading and is dropped ("the
    forecast in Denver, and any news" read "'s" as a second place)."""
    if "home.get_weather" not in functions:
        return plan

    def location(c: PlannedCall) -> str | None:
        value = c.args.get("location")
        return value if c.function == "phone.get_weather_forecast" and isinstance(value, str) else None

    nowhere = {c.id for c in plan.calls if (where := location(c)) is not None and _names_no_place(where)
               and not _HERE_WEATHER.search(where)}  # "for here and for Denver": here is the home
    weather = [c for c in plan.calls if c.function in ("phone.get_weather_forecast", "home.get_weather")]
    if nowhere and len(weather) > len(nowhere):
        kept = _without(plan, nowhere)
        if kept.calls:
            plan = kept
    calls = [c.model_copy(update={"function": "home.get_weather", "args": {}})
             if (where := location(c)) is not None and (_HERE_WEATHER.fullmatch(where.strip()) or _names_no_place(where))
             else c for c in plan.calls]
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


def _without_repeats(plan: Plan) -> Plan:
    """A call planned twice, word for word, is made once ("what's the weather in Santa Fe and
    how's the car's battery" planned Santa Fe twice), unless a later call takes its result;
    a look-up that later calls take is looked up once, and they all take that one ("get the
    forecast for Whistler, email it ..., and text it to Björn")."""
    lookups = [json.dumps([c.function, c.args], sort_keys=True) for c in plan.calls if _LOOKS_UP.search(c.function)
               and not any(is_ref(v) for v in c.args.values())]
    if len(lookups) != len(set(lookups)):
        firsts: dict[str, str] = {}
        alias = {c.id: firsts.setdefault(key, c.id) for c in plan.calls
                 if _LOOKS_UP.search(c.function) and not any(is_ref(v) for v in c.args.values())
                 and (key := json.dumps([c.function, c.args], sort_keys=True))}
        calls = [c.model_copy(update={"args": {k: {"$ref": alias.get(v["$ref"], v["$ref"])} if is_ref(v) else v
                                               for k, v in c.args.items()}})
                 for c in plan.calls if alias.get(c.id, c.id) == c.id]
        plan = Plan(calls=_numbered(calls))
    used = {v["$ref"] for c in plan.calls for v in c.args.values() if is_ref(v)}
    seen: set[str] = set()
    repeats = set()
    for c in plan.calls:
        key = json.dumps([c.function, c.args], sort_keys=True)
        if key in seen and c.id not in used:
            repeats.add(c.id)
        seen.add(key)
    return _without(plan, repeats)


# "give the roast timer ten more minutes", "another 30 seconds on the timer", "an extra
# minute": time added to a timer that runs; "set another timer", "a timer for 5 more
# minutes" start one
_UNIT = r"(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b"
_MORE_TIME = re.compile(rf"\b(?:another|an\s+extra|extra)\s+(?:[\w-]+\s+){{0,2}}?{_UNIT}"
                        rf"|\b[\w-]+\s+(?:more|extra)\s+{_UNIT}|\b{_UNIT}\s+more\b", re.I)
_TIMER_WORD = re.compile(r"\btimers?\b", re.I)
_NEW_TIMER = re.compile(r"\b(?:a|an|another|new|second|one more|two|three)\s+(?:[\w-]+\s+){0,2}timers?\b", re.I)


def _without_repeated_chains(query: str, plan: Plan) -> Plan:
    """"look up the forecast for Flagstaff and announce it to the house" planned the chain
    twice, the second time with a forecast for "the house"; "get the forecast for Boise and
    email it ..." also planned a forecast for "Boise and email it to sam.ortiz" that nothing
    takes. A call that takes a result and repeats an earlier such call but for that result
    (made by the same function) is dropped, with the calls only it took from; so is a call nothing takes whose function
    another call makes with a part of its words, and whose result is taken."""
    function = {c.id: c.function for c in plan.calls}

    def plain(c: PlannedCall) -> str:  # the call, its results said by the functions that make them
        return json.dumps([c.function, {k: function.get(v["$ref"]) if is_ref(v) else v for k, v in c.args.items()}],
                          sort_keys=True)

    takers: dict[str, set[str]] = {}
    for c in plan.calls:
        for v in c.args.values():
            if is_ref(v):
                takers.setdefault(v["$ref"], set()).add(c.id)
    by_id = {c.id: c for c in plan.calls}

    def said_at(c: PlannedCall) -> list[int]:  # where the request says the calls it takes from
        return [query.lower().find(v.lower()) for r in c.args.values() if is_ref(r) and r["$ref"] in by_id
                for v in by_id[r["$ref"]].args.values() if isinstance(v, str)]

    dropped: set[str] = set()
    seen: dict[str, PlannedCall] = {}
    for c in plan.calls:
        if any(is_ref(v) for v in c.args.values()):
            first = seen.get(plain(c))
            # the repeat's own look-up is said after the first look-up, in the clause of a word that
            # refers back to it ("Flagstaff and announce it to the house"); not beside it ("in Paris
            # and in Rome"), nor in a clause of its own ("..., then get the weather for Rome")
            if first is not None and (before := [a for a in said_at(first) if a >= 0]) and (after := said_at(c)) \
                    and all(a > max(before) and (back := list(_BACK.finditer(query, max(before), a)))
                            and not CLAUSE_BREAK.search(query, back[-1].end(), a) for a in after):
                dropped.add(c.id)
            seen.setdefault(plain(c), c)
    for c in plan.calls:  # the calls only a dropped call took from
        if c.id in takers and takers[c.id] <= dropped:
            dropped.add(c.id)
    for c in plan.calls:
        if c.id in takers or not c.args or any(is_ref(v) for v in c.args.values()):
            continue
        if any(o.id in takers and o.id not in dropped and o.function == c.function and o.args.keys() == c.args.keys()
               and all(isinstance(v, str) and isinstance(o.args[k], str) and o.args[k] != v
                       and re.search(rf"(?<!\w){re.escape(o.args[k])}(?!\w)", v) for k, v in c.args.items())
               for o in plan.calls):
            dropped.add(c.id)
    return _without(plan, dropped)


def _set_once(query: str, plan: Plan) -> Plan:
    """One thing said once is set once: "set the Bedroom Lamp to 4000 K at 65% brightness"
    is one light_set of both (not one of each); "an alarm at 5:15am, label it airport" is
    one alarm, the labelled one (not one more without its label)."""
    calls = list(plan.calls)
    referred = {v["$ref"] for c in calls for v in c.args.values() if is_ref(v)}
    for n, c in enumerate(calls):
        if c is None or c.id in referred:
            continue
        for m in range(n + 1, len(calls)):
            o = calls[m]
            if o is None or o.function != c.function or o.id in referred:
                continue
            if c.function == "home.light_set" and c.args.get("name") is not None and c.args.get("name") == o.args.get("name") \
                    and not (set(c.args) & set(o.args)) - {"name", "area", "domain"}:
                calls[n] = c = c.model_copy(update={"args": {**c.args, **o.args}})
                calls[m] = None
            elif c.function in _SAID_ONCE and len(re.findall(_SAID_ONCE[c.function], query, re.I)) == 1 \
                    and not _MORE_THAN_ONE.search(query) \
                    and (c.args.items() < o.args.items() or o.args.items() < c.args.items()):
                calls[n] = c = c if o.args.items() < c.args.items() else o
                calls[m] = None
    kept = [c for c in calls if c is not None]
    return plan if len(kept) == len(plan.calls) and kept == plan.calls else Plan(calls=_numbered(kept))


def _no_word_is_a_contact(plan: Plan) -> Plan:
    """"... and text it to Björn too" had texted "too" as well: a text to a word like "to",
    "too" or "it", which no one is saved as, that nothing takes the result of, is dropped;
    so is a text to "my friend" beside the same text to a name ("my friend Beryl")."""
    referred = {v["$ref"] for c in plan.calls for v in c.args.values() if is_ref(v)}
    named = {json.dumps(c.args.get("message"), sort_keys=True) for c in plan.calls if c.function == _TEXT
             and not _RELATION_ONLY.fullmatch(str(c.args.get("contact_name")))}
    return _without(plan, {c.id for c in plan.calls if c.function == _TEXT and c.id not in referred
                           and isinstance(name := c.args.get("contact_name"), str)
                           and (name.casefold() in _NO_CONTACT_WORDS
                                or (_RELATION_ONLY.fullmatch(name)
                                    and json.dumps(c.args.get("message"), sort_keys=True) in named))})


_NAME_WORD = r"[^\W\d_][\w'’.-]*"
_NAMES_BEFORE = re.compile(rf"\b(?i:text|txt|message|sms|to|both)\s+(?P<names>(?:{_NAME_WORD}\s*,\s*)*{_NAME_WORD}"
                           r"\s*,?\s+(?:and|&)\s+)$")
_NAMES_AFTER = re.compile(rf"(?P<names>(?:\s*,\s*{_NAME_WORD})*\s*,?\s+(?:and|&)\s+{_NAME_WORD})(?=[\s,.!?]|$)")
_TEXT_OR_TO = re.compile(r"\b(?i:text|txt|message|sms|to|both)\s+$")
_NAMES_SPLIT = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")


def _texted_each(query: str, plan: Plan) -> Plan:
    """"send the forecast for Oslo to Ida and Lars", "text jake and emma im on my way", a
    look-up sent "to both léa and hugo": one text to each person named together, where the
    plan texted only one of them, or all of them as one contact."""
    not_a_name = spoken.FUNCTION_WORDS | spoken.IMPERATIVE_VERBS | set(spoken.COMMAND_WORDS) \
        | set(spoken.QUESTION_WORDS) | _NO_CONTACT_WORDS | spoken.SAYING_WORDS

    def names_of(text: str) -> list[str] | None:
        names = [n.strip(" .!?") for n in _NAMES_SPLIT.split(text.strip(" ,.!?")) if n.strip(" .!?")]
        return names if len(names) > 1 and not any(n.casefold() in not_a_name for n in names) else None

    calls: list[PlannedCall] = []
    for call in plan.calls:
        calls.append(call)
        name = call.args.get("contact_name")
        if call.function != _TEXT or not isinstance(name, str):
            continue
        names = names_of(re.sub(r"^(?i:both)\s+", "", name)) if len(name.split()) > 2 else None
        if names is None and (at := re.search(rf"(?<!\w){re.escape(name)}(?!\w)", query, re.I)):
            if before := _NAMES_BEFORE.search(query[:at.start()]):
                names = names_of(before.group("names") + name)
            elif _TEXT_OR_TO.search(query[:at.start()]) and (after := _NAMES_AFTER.match(query, at.end())):
                names = names_of(name + after.group("names"))
        texted = {str(c.args.get("contact_name")).casefold() for c in plan.calls + calls
                  if c.function == _TEXT and c is not call}
        names = [n for n in names or () if n.casefold() not in texted]
        if not names or names == [name]:
            continue
        calls[-1] = call.model_copy(update={"args": {**call.args, "contact_name": names[0]}})
        calls += [call.model_copy(update={"id": f"c{9000 + len(calls) + n}", "args": {**call.args, "contact_name": other}})
                  for n, other in enumerate(names[1:])]
    return plan if calls == plan.calls else Plan(calls=_numbered(calls))


_DIGITS_SAID = re.compile(r"(?:\+\s*|\bplus\s+)?(?:(?:[0-9]+|zero|oh|one|two|three|four|five|six|seven|eight|nine)"
                          r"(?:[\s().,/-]+(?=[0-9(]|zero|oh|one|two|three|four|five|six|seven|eight|nine)|\b))+", re.I)


def _whole_phone_numbers(query: str, plan: Plan) -> Plan:
    """"call plus three three six one two three four five six seven eight" had called
    +3361234: a phone number is every digit said in its run, not the first few."""
    def whole(value: Any) -> Any:
        if not (isinstance(value, str) and value.startswith("+")):
            return value
        longer = [number for m in _DIGITS_SAID.finditer(query) if not re.search(r"[0-9]", m.group())  # said in words
                  and (number := spoken.parse_phone(m.group().strip(" .,-/")))
                  and len(number) > len(value) and number.startswith(value)]
        return longer[0] if len(longer) == 1 else value
    calls = [c.model_copy(update={"args": {k: whole(v) if k == "phone_number" else v for k, v in c.args.items()}})
             for c in plan.calls]
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


_SENT_TO = re.compile(r"\b(?:send|text|txt|forward|shoot)\s+(?:it|that|this|them|the\s+(?:results?|answer))\s+to\s+"
                      r"(?P<name>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)(?=\s+(?:he|she|they|i|i'm|im|we|it's|its|cause|because|so"
                      r"|and|please|thanks)\b|[\s,.!?]*$)", re.I)


def _sent_to_whom_said(query: str, plan: Plan) -> Plan:
    """"... send it to dad he thinks im lying" had texted "thinks im lying": a result sent
    "to <name>" goes to the name, not to the remark said after it."""
    said = [m for m in _SENT_TO.finditer(query) if m.group("name").split()[0].lower() not in spoken.FUNCTION_WORDS]
    texts = [c for c in plan.calls if c.function == _TEXT and is_ref(c.args.get("message"))]
    if len(said) != 1 or len(texts) != 1 or not isinstance(name := texts[0].args.get("contact_name"), str) \
            or re.search(rf"\bto\s+{re.escape(name)}\b", query, re.I):
        return plan
    return Plan(calls=[c.model_copy(update={"args": {**c.args, "contact_name": said[0].group("name")}})
                       if c is texts[0] else c for c in plan.calls])


def _nothing_unasked_looked_up(query: str, plan: Plan) -> Plan:
    """"this room's too warm, set it to eighteen" asks nothing: beside a call that acts, a
    look-up of the home that nothing takes, in a request that asks nothing (no question
    word, no "?", no "check"), is the remark's words read as a question."""
    if len(plan.calls) < 2 or _ASKING.search(query):
        return plan
    referred = {v["$ref"] for c in plan.calls for v in c.args.values() if is_ref(v)}
    return _without(plan, {c.id for c in plan.calls if c.id not in referred
                           and c.function in ("home.get_state", "home.climate_get_temperature", "home.get_weather")})


def _not_the_car_in_here(query: str, plan: Plan, context: dict[str, str]) -> Plan:
    """"turn on the heater in here", asked from the garage, heats no car: "in here" is the
    room the request comes from, so a request that says it and never the car acts on no car."""
    if not context.get("area") or not _IN_HERE.search(query) or spoken.says(query, _CAR_WORDS) or _CAR_ONLY.search(query):
        return plan
    return _without(plan, {c.id for c in plan.calls if c.function.startswith("car.")})


def _not_served_by_any(query: str, plan: Plan) -> Plan:
    """What no function does, though its words are near one's: silencing a smoke alarm is no
    phone alarm's volume; a new list is made by no list call; the Nest Hub's music is paused
    by no home player that the request does not name."""
    dropped = set()
    for c in plan.calls:
        if (c.function == "phone.set_volume" and c.args.get("volume_type") == "alarm" and _SMOKE.search(query)) \
                or (c.function.endswith("_item") and _NEW_LIST.search(query)) \
                or (c.function.startswith("home.media") and not {"name", "area"} & set(c.args) and _NEST_HUB.search(query)):
            dropped.add(c.id)
    return _without(plan, dropped)


def _lights_said(query: str, plan: Plan) -> Plan:
    """"kill the kitchen lights" had turned off the whole kitchen: a room or a floor
    switched without a name or a class, where the request says lights, is its lights."""
    if not _LIGHTS.search(query):
        return plan
    calls = [c.model_copy(update={"args": {**c.args, "domain": "light"}})
             if c.function in ("home.turn_on", "home.turn_off") and not {"name", "domain", "device_class"} & set(c.args)
             and {"area", "floor"} & set(c.args) else c for c in plan.calls]
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


def _asked_not_done(query: str, plan: Plan, functions: Sequence[str]) -> Plan:
    """"what's the robot vacuum doing", "what's the mower up to?": a question about what a
    named device is doing asks its state (Home Assistant's HassGetState), and starts nothing.
    A home call on that device that does something is that question instead."""
    asked = [m for m in _DOING.finditer(query)]
    if not asked or _GET_STATE not in functions:
        return plan
    calls = []
    for call in plan.calls:
        name = call.args.get("name")
        if call.function.startswith("home.") and not _LOOKS_UP.search(call.function) and isinstance(name, str) \
                and any(spoken.says_whole(m.group("what"), name) for m in asked):
            call = call.model_copy(update={"function": _GET_STATE, "args": {"name": name}})
        calls.append(call)
    return plan.model_copy(update={"calls": calls})


def _rooms_cleaned(query: str, plan: Plan, functions: Sequence[str]) -> Plan:
    """A vacuum started in a room the request names is that room cleaned: "have the robot
    clean the office" is Home Assistant's vacuum_clean_area(area="Office"), not a start of
    the vacuum that stands there. A room only from the asking device's context stays a start."""
    if "home.vacuum_clean_area" not in functions:
        return plan
    calls = []
    for call in plan.calls:
        area = call.args.get("area")
        if call.function == "home.vacuum_start" and isinstance(area, str) and spoken.mentions(query, area):
            call = call.model_copy(update={"function": "home.vacuum_clean_area",
                                           "args": {k: v for k, v in call.args.items() if k in ("name", "area")}})
        calls.append(call)
    return plan.model_copy(update={"calls": calls})


_GO_HOME = re.compile(r"\b(?:send|go|return|head|come|get|take|bring)\b.*\b(?:home|back|base|dock|charger|station)\b"
                      r"|\b(?:bring|call|get)\s+(?:the\s+|my\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:in|inside)\b(?!\s+(?!(?:please|now|pls)\b)\w)", re.I)
_AT_WORK = re.compile(r"\b(?:mow|mows|mowing|mowed|cut|trim|clean|cleaning|sweep|hoover|start|started|begin|run"
                      r"|out|going|vacuuming)\b|^\s*(?:please\s+)?vacuum\s+(?!go\b|return\b|head\b)", re.I)
# The person, not the device, goes or comes home ("vacuum before I get home").
_PERSON_MOVES = re.compile(r"\b(?:i|we|i'll|we'll|i'm|we're|you)\s+(?:\w+\s+)?(?:get|go|come|head|return|be|am|are)\b",
                           re.I)
_HOME_OF = {"home.vacuum_start": "home.vacuum_return_to_base", "home.lawn_mower_start_mowing": "home.lawn_mower_dock"}


def _sent_home(query: str, plan: Plan, functions: Sequence[str]) -> Plan:
    """A vacuum or a mower sent home ("send the lawn mower home", "vacuum, go home") docks;
    it does not start, unless the one-clause request also says work ("send the mower out to
    cut the grass")."""
    if not spoken.one_clause(query) or not _GO_HOME.search(query) or _AT_WORK.search(query) \
            or _PERSON_MOVES.search(query):
        return plan
    calls = []
    for call in plan.calls:
        if (home := _HOME_OF.get(call.function)) and home in functions:
            call = call.model_copy(update={"function": home, "args": {k: v for k, v in call.args.items()
                                                                     if k in ("name", "area")}})
        calls.append(call)
    return plan.model_copy(update={"calls": calls})


_TITLES = r"Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Doctor|Coach|Aunt|Uncle|Grandma|Grandpa|Nurse|Officer"
_PERSON_NAMES = {"phone.create_contact": "name", "phone.send_text_message": "contact_name"}


def _whole_names(query: str, plan: Plan) -> Plan:
    """A contact's name the model started inside a run of capitalized words is the whole
    run: "save a new contact called Mechanic Steve" had saved "Steve"; a title said before
    it is part of it ("Dr. Halvorsen")."""
    runs = spoken.capitalized_runs(query)
    calls = []
    for call in plan.calls:
        param = _PERSON_NAMES.get(call.function)
        name = call.args.get(param) if param else None
        if isinstance(name, str) and name:
            for a, b in runs:
                at = query.find(name, a, b)
                lead = query[a:at].split()
                if a < at and at + len(name) == b and query[at - 1] == " " \
                        and not any(w.lower() in spoken.IMPERATIVE_VERBS | spoken.FUNCTION_WORDS for w in lead):
                    # "Please Text Anna hi": "Text" is the verb, no part of her name
                    call = call.model_copy(update={"args": {**call.args, param: query[a:b]}})
                    break
            name = call.args[param]
            if (title := re.search(rf"\b(?P<t>{_TITLES})\s+{re.escape(name)}\b", query)) and not name.startswith(title["t"]):
                call = call.model_copy(update={"args": {**call.args, param: f"{title['t']} {name}"}})  # "Dr. Halvorsen"
        calls.append(call)
    return plan.model_copy(update={"calls": calls})


# What may lead a request before its command ("hey google, can you ...").
_REQUEST_LEAD = r"^(?i:(?:please|hey|ok|okay|so|um|uh|pls|plz|google|siri|alexa|hub|octohub|(?:can|could|would) you)[\s,]+)*"
# A request that starts by texting a capitalized name something ("text Mom see you soon").
_TEXTS_SOMEONE = re.compile(_REQUEST_LEAD +
                            r"(?i:text|txt|sms|msg|message)\s+(?:(?i:my|our)\s+[a-z]+\s+)?(?!(?i:me|us|back|it|that|this)\b)"
                            r"[A-Z][\w.'-]*(?:\s+[A-Z][\w'-]*)?:?\s+\w+")
_TEXTS_SOMEONE_LOWER = re.compile(_REQUEST_LEAD + r"(?i:text|txt|sms|msg|message)\s+(?:(?:my|our)\s+[a-z]+\s+)?"
                                  + spoken.LOWER_CONTACT + r"\s+(?!(?:is|are|was|were|has|have)\b)\S+\s+\S+")  # "text mom ill be late", in lowercase
# A request that starts by asking for the news ("show me the top stories on ...")
_ASKS_NEWS = re.compile(_REQUEST_LEAD + r"(?i:(?:(?:show|give|get|read|tell)\s+(?:me\s+)?|what(?:'s|\s+is|\s+are)\s+)(?:the\s+)?"
                        r"(?:top|latest|trending|breaking)\s+(?:news|headlines|stories)\b)")
# A request that starts by asking to be taken somewhere ("take me to ...", "set the nav for ...").
_GOES_SOMEWHERE = re.compile(_REQUEST_LEAD +
                             r"(?i:(?:take|drive|bring|get)\s+(?:me|us)\s+to|navigate\s+(?:me\s+|us\s+)?to"
                             r"|set\s+(?:the|my|up\s+the)\s+(?:(?:car'?s?|vehicle'?s?)\s+)?(?:nav|navigation|gps|sat\s*nav)(?:\s+system)?\s+(?:for|to)"
                             r"|(?:give\s+me\s+|get\s+me\s+)?directions\s+to)\s+\w")
_NAMES_AN_ANSWER = re.compile(r"\b(?:the\s+(?:answer|results?|status|reading|readings|info|details))\s*[.!?]*$", re.I)
_TEXT_VERB = re.compile(r"\b(?:text|txt|sms|msg|message)\s+", re.I)
_RELATION = re.compile(spoken.RELATION)  # "my sister Claire": the relation before the name


def _longer_message(query: str, start: int, message: str) -> str | None:
    """The message said from `start` to the clause's end, where it is longer than the
    model's and holds it whole (None otherwise: a message is only lengthened)."""
    rest = spoken.message_after(query, start)
    said = query[rest[0]:rest[1]] if rest else ""
    if len(said) > len(message) and re.search(rf"(?<!\w){re.escape(message.strip())}(?!\w)", said, re.I):
        return said
    return None


def _answer_passed_on(plan: Plan) -> Plan:
    """"is the kitchen light on? text the answer to Lucía": a message that ends by naming an
    answer ("... text the answer", "the results") passes on the result of the last look-up
    before it, not the words of the request."""
    calls: list[PlannedCall] = []
    for call in plan.calls:
        lookup = next((c for c in reversed(calls) if _LOOKS_UP.search(c.function)), None)
        message = call.args.get("message") if call.function == _TEXT else call.args.get("content") \
            if call.function == "phone.send_email" else None
        if lookup is not None and isinstance(message, str) and _NAMES_AN_ANSWER.search(message):
            call = call.model_copy(update={"args": {**call.args, "message" if call.function == _TEXT else "content":
                                                    {"$ref": lookup.id}}})
        calls.append(call)
    return plan.model_copy(update={"calls": calls})


def _whole_messages(query: str, plan: Plan) -> Plan:
    """A text's message the model cut short is the rest of the clause after the contact,
    where the contact is written right after the verb, also in lowercase ("txt ollie the
    wifi password is on the fridge" had the message "wifi"). Only lengthened, never
    replaced: a message that is no part of that rest stays."""
    calls = []
    for call in plan.calls:
        contact, message = call.args.get("contact_name"), call.args.get("message")
        if call.function == "phone.send_text_message" and isinstance(contact, str) and isinstance(message, str):
            for verb in _TEXT_VERB.finditer(query):
                at = verb.end() + (m.end() if (m := _RELATION.match(query[verb.end():])) and m.end() and
                                   query[verb.end() + m.end():].startswith(contact) else 0)  # "text my sister Claire"
                if query[at:at + len(contact)].casefold() != contact.casefold():
                    continue
                if said := _longer_message(query, at + len(contact), message):
                    call = call.model_copy(update={"args": {**call.args, "message": said}})
                break
        calls.append(call)
    return plan.model_copy(update={"calls": calls})


_QUOTED = re.compile(r"(?P<q>['\"‘“])(?P<text>.+)(?P=q)|‘(?P<t2>.+)’|“(?P<t3>.+)”", re.S)
_THE_SAME = re.compile(r"(?:the\s+)?same(?:\s+(?:thing|message|text|words))?(?:\s+too|\s+as\s+well)?[.!]*", re.I)
_FORECAST_OF = re.compile(r"(?:the\s+|a\s+)?(?:weather|forecast|weather\s+forecast|weather\s+report)\s+(?:for|in|at)\s+", re.I)
_OWNED = re.compile(r"^(?:my|our)\s+(?=[A-Z])")  # "my Chill Vibes playlist"; not "My Way", nor "my chemical romance"
_OWNED_ANY = re.compile(r"^(?:my|our)\s+", re.I)  # "my workout playlist": the playlist is "workout"
_A_VIDEO = re.compile(r"\b(?:a|an|some|one)\s+(?P<what>.+?)\s+(?:videos?|clips?|tutorials?)\b", re.I)
_FILLER_END = re.compile(r"\s*,\s*(?:oh|um|uh|er|erm)$", re.I)
_INSTEAD_END = re.compile(r"[\s,]+(?:instead|too|as\s+well|also)[\s.!]*$", re.I)
_NOT_A_LABEL = "(?:" + "|".join(sorted(spoken.NUMBER_WORDS | {
    "at", "for", "on", "in", "tomorrow", "tonight", "today", "every", "and", "then", "please", "thanks", "thank", "am", "pm",
    "with", "so", "because", "weekdays", "weekends", "daily", "each", "to"},
    key=len, reverse=True)) + r")\b"
_NAMED_ONLY = {"name", "item", "label"}  # a timer's or an item's name, an alarm's label
_POLITE_END = re.compile(r"[\s,]+(?:please|pls|plz|thanks|thank\s+you|thx|ty)[\s.!]*$", re.I)
_ANNOUNCE = re.compile(r"\b(?:announce|broadcast)\s+(?:(?:it\s+)?(?:to|on|through|over)\s+(?:the\s+|my\s+|our\s+)?"
                       r"(?:whole\s+|entire\s+)?(?:house|home|family|everyone|everybody|speakers)\s*[:,]?\s*)?(?:that\s+)?", re.I)


def _whole_announcements(query: str, plan: Plan) -> Plan:
    """An announcement the model cut short is the rest of the clause after "announce"
    ("announce the car leaves in five minutes and unlock the car" had the message
    "five"). Only lengthened, never replaced: a message that is no part of that rest stays."""
    calls = []
    for call in plan.calls:
        message = call.args.get("message")
        if call.function == "home.broadcast" and isinstance(message, str):
            for verb in _ANNOUNCE.finditer(query):
                if said := _longer_message(query, verb.end(), message):
                    call = call.model_copy(update={"args": {**call.args, "message": said}})
                    break
        calls.append(call)
    return plan.model_copy(update={"calls": calls})


_SEND_A_TEXT = re.compile(r"\b(?i:send|shoot|drop|fire\s+off)\s+(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'-]*){0,2})\s+"
                          r"(?i:a\s+(?:quick\s+)?(?:text|message|msg|sms|txt))\b"
                          r"(?i:\s+(?:that\s+(?:reads|says)|saying|reading|which\s+says)\b|\s*:)\s*")


def _sent_a_text(query: str, plan: Plan) -> Plan:
    """"send Hannah Lindqvist a text that reads congrats on the new job, drinks on me": the
    name after "send" is the contact, and the rest of the clause after "a text (that
    reads)" the message (the model had texted "drinks"). A text to a word of that message
    is dropped; a plan with two other texts is left alone."""
    said = _SEND_A_TEXT.search(query)
    rest = spoken.message_after(query, said.end()) if said else None
    if said is None or rest is None:
        return plan
    message = query[rest[0]:rest[1]]
    texts = [c for c in plan.calls if c.function == _TEXT and isinstance(c.args.get("message"), str)
             and isinstance(c.args.get("contact_name"), str)]
    # the texts the model made of that message's words ("drinks" of "..., drinks on me")
    made_up = {c.id for c in texts if c.args["contact_name"] != said.group("name")
               and re.search(rf"(?<!\w){re.escape(c.args['contact_name'])}(?!\w)", message)}
    kept = [c for c in texts if c.id not in made_up]
    if len(kept) > 1 or (not kept and not made_up):
        return plan
    text = (kept or texts)[0]
    text = text.model_copy(update={"args": {**text.args, "contact_name": said.group("name"), "message": message}})
    return _without(plan.model_copy(update={"calls": [text if c.id == text.id else c for c in plan.calls]}),
                    made_up - {text.id})


_LEVEL_SAID = re.compile(r"\b(?:(?:volume\s+)?(?:to|at)|volume)\s+(?P<n>[0-9]{1,3}|[a-z]+(?:[\s-][a-z]+)?)"
                         r"(?:\s*(?:%|percent))?\b|\b(?P<n2>[0-9]{1,3})\s*(?:%|percent)", re.I)
_ALL_THE_WAY_DOWN = re.compile(r"\b(?:all\s+the\s+way\s+down|completely|entirely|to\s+zero|mute|silence|silent)\b", re.I)
_OUTSIDE = re.compile(r"\b(?:outside|outdoors|out\s+there|out(?=\s*(?:today|now|right\s+now)?\s*[?.!]*$))", re.I)
_WEATHER_WORD = re.compile(r"\b(?:weather|sunny|sun|rain\w*|snow\w*|hot|cold|warm|chilly|freezing|windy|humid|cloudy"
                           r"|temperature|temp|degrees|nice|like(?=\s+out))\b", re.I)
_GOT_IT = re.compile(r"\W*(?:(?:ok|okay|so|hey|well)\W+)*(?:(?:i|we)(?:'ve|\s+have)?\s+|i'm\s+|we're\s+)?"
                     r"(?:got|grabbed|bought|picked\s+up|finished|did|completed|done\s+with)\s+(?P<item>[^,;.]+?)\s*[,;.]\s*"
                     r"(?:so\s+|now\s+)?(?:please\s+)?(?:cross|check|tick|mark|strike|scratch)\b.*\b(?:it|that|them)\b", re.I)
_SENSES = re.compile(r"\b(?:leak\w*|detect\w*|picking\s+(?:\w+\s+)?up|sens(?:e|es|ing)|triggered|tripped|wet|moving"
                     r"|movement|seeing)\b", re.I)
_NOT_SENSED = re.compile(r"\b(?:not|no|nothing|nobody|dry|clear|quiet|off|inactive|idle|stop\w*|no\s+longer|anymore"
                         r"|finished|done)\b|n't\b", re.I)
_A_SENTENCE = re.compile(r"(?:it|it's|its|it\s+is|i'm|im|i\s+am|we're|we\s+are|there's|there\s+is)\s", re.I)
_ASKED = re.compile(r"\W*(?:(?:hey|ok|okay|so|um|uh)\W+)*(?:is|are|was|will|does|do|how|how's|hows|what|what's|whats"
                    r"|should|can|could|any)\b", re.I)  # a question, not "I like being outside"
_VACUUM_SAID = re.compile(r"\b(?:vacuum\w*|roomba|robot)\b(?!\s+mower)", re.I)
_PREVIOUS_ASKED = re.compile(r"\b(?:previous|last|song|track|tune|episode|replay|rewind)\b", re.I)
_MOWER_SAID = re.compile(r"\b(?:mower|mowing|mow)\b", re.I)
_ROBOT_WORDS = {"home.lawn_mower_start_mowing": re.compile(r"\b(?:mow\w*|\w*mower\w*|lawn\w*|grass|yard)\b", re.I),
                "home.vacuum_start": re.compile(r"\b(?:\w*vac\w*|hoover\w*|roomba|roborock|robot\w*|clean\w*|sweep\w*|dust\w*"
                                                r"|floors?|carpets?|crumbs|dirt|mess|mop\w*)\b", re.I)}
_GO_BACK_TO_BASE = re.compile(r"\b(?:go|head|return|get)\s+(?:back\s+)?(?:to\s+(?:the\s+|its\s+|your\s+)?)?"
                              r"(?:base|dock|charger|home|station)\b", re.I)
_BY_AMOUNT = re.compile(r"\bby\s+(?P<amount>[\w-]+(?:\s+[\w-]+)?)", re.I)
_LOWER = re.compile(r"\b(?:down|lower|quieter|softer|decrease|reduce|drop)\b", re.I)
_RAISE = re.compile(r"\b(?:up|louder|raise|increase|crank|higher)\b", re.I)


def _volume_by_steps(query: str, plan: Plan, functions: Sequence[str]) -> Plan:
    """A volume turned up or down "by 10" is a step, not a level: "go to the previous track
    and turn it up by 10" had set the volume to 10 (Home Assistant's set_volume_relative,
    negative going down). Only where the request says one direction."""
    if "home.set_volume_relative" not in functions:
        return plan
    up, down = bool(_RAISE.search(query)), bool(_LOWER.search(query))
    if up == down:
        return plan
    amounts = set()
    for match in _BY_AMOUNT.finditer(query):
        words = match.group("amount").split()
        if len(words) > 1 and re.match(r"(?:minutes?|mins?|hours?|seconds?|secs?|degrees?)\b", words[1], re.I):
            continue  # "extend the timer by 5 minutes" is no volume step
        for n in (2, 1):  # "by twenty five", "by 10 please"
            if (value := spoken.parse_number(" ".join(words[:n]))) is not None:
                amounts.add(value)
                break
    calls = []
    for call in plan.calls:
        level = call.args.get("volume_level")
        if call.function == "home.set_volume" and isinstance(level, (int, float)) and float(level) in amounts \
                and not re.search(rf"\b(?:to|at)\s+{int(level)}\b", query, re.I):  # "... up to 20": a level
            step = -int(level) if down else int(level)
            args = {"volume_step": step, **{k: v for k, v in call.args.items() if k in ("name", "area")}}
            call = call.model_copy(update={"function": "home.set_volume_relative", "args": args})
        calls.append(call)
    return plan.model_copy(update={"calls": calls})


def _volume_levels(query: str, plan: Plan, functions: Sequence[str]) -> Plan:
    """"volume to 10 in the bedroom", "kitchen speaker volume 25 percent": a level said in a
    request that says no direction is that level (set_volume), not a step the request never
    says (the model had stepped it by 5)."""
    if "home.set_volume" not in functions or _RAISE.search(query) or _LOWER.search(query) or _BY_AMOUNT.search(query):
        return plan
    levels = {int(v) for m in _LEVEL_SAID.finditer(query)
              if (v := spoken.parse_number(m.group("n") or m.group("n2"))) is not None
              and 0 <= v <= 100 and float(v).is_integer()}
    if len(levels) != 1 or sum(c.function == "home.set_volume_relative" for c in plan.calls) != 1:
        return plan
    calls = []
    for call in plan.calls:
        step = call.args.get("volume_step")
        if call.function == "home.set_volume_relative" and isinstance(step, int) and not isinstance(step, bool) \
                and not re.search(rf"\b{abs(step)}\b", query):
            args = {"volume_level": next(iter(levels)), **{k: v for k, v in call.args.items() if k in ("name", "area")}}
            call = call.model_copy(update={"function": "home.set_volume", "args": args})
        calls.append(call)
    return plan.model_copy(update={"calls": calls})


def _turned_off_not_paused(query: str, plan: Plan, functions: Sequence[str]) -> Plan:
    """"switch off the TV" turns the player off (Home Assistant's HassTurnOff), it does not
    pause it; "turn the music off" without a player's name stays a pause."""
    if "home.turn_off" not in functions or not spoken.one_clause(query):
        return plan

    def switched_off(name: str) -> bool:  # "switch off the TV", "turn the tv off": the player, not the lights
        words = "|".join(re.escape(w) for w in {name.lower(), *name.lower().split()[-1:], "it"} if w)
        return bool(re.search(rf"\b(?:turn|switch|shut|power)\s+(?:off\s+(?:the\s+|my\s+)?(?:{words})\b"
                              rf"|(?:the\s+|my\s+)?(?:{words})\s+off\b)", query, re.I))

    calls = [c.model_copy(update={"function": "home.turn_off", "args": {"name": c.args["name"]}})
             if c.function == "home.media_pause" and isinstance(c.args.get("name"), str) and switched_off(c.args["name"])
             else c for c in plan.calls]
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


def _car_silenced(query: str, plan: Plan) -> Plan:
    """"silence the car speakers completely", "turn the car audio all the way down": the car's
    volume set to 0, not changed by 0 or by one step."""
    if not _ALL_THE_WAY_DOWN.search(_clause_of(query, "car")):
        return plan  # "mute the tv and lower the car volume by 3" silences no car
    calls = [c.model_copy(update={"args": {"set_value": 0}})
             if c.function == "car.adjust_volume" and isinstance(c.args.get("volume_diff"), int)
             and c.args["volume_diff"] <= 0 else c for c in plan.calls]
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


def _clause_of(query: str, word: str) -> str:
    """The clause that says this word (the whole request when none does)."""
    at = re.search(rf"\b{re.escape(word)}\b", query, re.I)
    if at is None:
        return query
    starts = [m.end() for m in CLAUSE_BREAK.finditer(query) if m.end() <= at.start()]
    return _clause_from(query, starts[-1] if starts else 0)


def _outside_is_weather(query: str, plan: Plan, functions: Sequence[str]) -> Plan:
    """"is it sunny out", "how hot is it outside today": the weather at home (Home
    Assistant's HassGetWeather), not a thermostat's temperature nor nothing."""
    if "home.get_weather" not in functions or not _OUTSIDE.search(query) or not _WEATHER_WORD.search(query) \
            or not _ASKED.match(query) \
            or not _one_clause(query) \
            or not all((c.function == "home.climate_get_temperature" and not c.args)
                       or (c.function == "phone.get_weather_forecast" and _A_SENTENCE.match(str(c.args.get("location"))))
                       for c in plan.calls):
        return plan
    return Plan(calls=[PlannedCall(id="c1", function="home.get_weather", args={})])


def _no_sentence_is_a_place(query: str, plan: Plan) -> Plan:
    """"it's kind of chilly in here" is said, not asked: a forecast for a "place" that is a
    sentence ("it's ...", "I'm ...") of a request that asks nothing is no forecast, nor is
    the home's weather for such a request of one clause."""
    if _ASKED.match(query):
        return plan
    remark = _A_SENTENCE.match(query.strip()) is not None and _one_clause(query)
    return _without(plan, {c.id for c in plan.calls if (c.function == "phone.get_weather_forecast"
                                                         and _A_SENTENCE.match(str(c.args.get("location"))))
                           or (c.function == "home.get_weather" and remark)})


def _back_to_base(query: str, plan: Plan, functions: Sequence[str]) -> Plan:
    """"stop vacuuming and go back to base": the vacuum (or mower) the request names goes
    home, once; "go back" there is no previous track."""
    device = "home.vacuum_return_to_base" if _VACUUM_SAID.search(query) else \
        "home.lawn_mower_dock" if _MOWER_SAID.search(query) else None
    if device is None or device not in functions or not _GO_BACK_TO_BASE.search(query) \
            or (_VACUUM_SAID.search(query) and _MOWER_SAID.search(query)):
        return plan
    homes = ("home.vacuum_return_to_base", "home.lawn_mower_dock")
    docks = [c for c in plan.calls if c.function in homes]
    asked_previous = bool(_PREVIOUS_ASKED.search(query))
    if not docks or any(c.function == device for c in docks) and len(docks) == 1 \
            and (asked_previous or not any(c.function == "home.media_previous" for c in plan.calls)):
        return plan
    args = next((c.args for c in docks if c.function == device), {})
    calls: list[PlannedCall] = []
    for c in plan.calls:
        if c.function in homes:
            if not any(k.function == device for k in calls):  # the first dock's place
                calls.append(PlannedCall(id=c.id, function=device, args=args))
        elif c.function != "home.media_previous" or asked_previous:
            calls.append(c)
    return Plan(calls=_numbered(calls))


def _the_item_done(query: str, plan: Plan) -> Plan:
    """"got the bread flour, cross it off the shopping list", "I finished fix the fence, mark
    it done": the item is all that was got or finished before the comma (the model had
    "flour", "fix")."""
    said = _GOT_IT.match(query)
    if said is None:
        return plan
    whole = re.sub(r"^(?:the|my|our|some)\s+", "", said.group("item").strip(), flags=re.I)
    calls = [c.model_copy(update={"args": {**c.args, "item": whole}})
             if c.function.endswith("_complete_item") and isinstance(c.args.get("item"), str)
             and c.args["item"] != whole and re.search(rf"(?<!\w){re.escape(c.args['item'])}(?!\w)", whole, re.I)
             else c for c in plan.calls]
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


def _sensed(query: str, plan: Plan) -> Plan:
    """"is the washing machine leaking", "is the hallway motion sensor picking anything up":
    a sensor asked whether it senses something is asked whether it is on."""
    if _NOT_SENSED.search(query):
        return plan

    def senses(c: PlannedCall) -> bool:  # said outside the sensor's name ("the leak sensor" says no leak)
        name = c.args.get("name")
        said = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", query, flags=re.I) if isinstance(name, str) else query
        return bool(_SENSES.search(re.sub(r"\b(?:leak|motion|smoke|moisture)\s+(?:sensor|detector)\b", " ", said, flags=re.I)))

    calls = [c.model_copy(update={"args": {**c.args, "state": "on"}})
             if c.function == _GET_STATE and c.args.get("domain") == "binary_sensor" and c.args.get("state") == "off"
             and senses(c) else c for c in plan.calls]
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


def _area_said(query: str, plan: Plan) -> Plan:
    """"close the curtains in here and turn on the bedroom lamp" (asked in the bedroom): a
    named entity's call carries an area only where the request says it ("the ceiling light
    in the living room"); the asking room's context names no entity's area."""
    def elsewhere(name: str) -> str:  # the request without the entity's name ("the bedroom lamp" says no area)
        return re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", query, flags=re.I)

    calls = [c.model_copy(update={"args": {k: v for k, v in c.args.items() if k != "area"}})
             if c.function.startswith("home.") and isinstance(c.args.get("name"), str) and isinstance(c.args.get("area"), str)
             and not spoken.says_whole(elsewhere(c.args["name"]), c.args["area"])
             and not spoken.HERE.search(_clause_of(query, (c.args["name"].split() or [""])[-1]))  # "the ceiling light in here"
             else c for c in plan.calls]
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


def _more_time(query: str, plan: Plan, functions: Sequence[str]) -> Plan:
    """Time said as more for the timer ("ten more minutes", "another 30 seconds") adds to a
    timer that runs, as Home Assistant's increase_timer does, not a new one: the timer
    call of that amount only ("give the pasta timer 5 more minutes and set a 10 minute
    timer" starts the second)."""
    if "home.increase_timer" not in functions or _NEW_TIMER.search(query):
        return plan
    more = [parts for m in _MORE_TIME.finditer(query) if (parts := spoken.duration_parts(m.group()))]
    calls = [c.model_copy(update={"function": "home.increase_timer",
                                  "args": {k: v for k, v in c.args.items() if k != "conversation_command"}})
             if c.function == "home.start_timer" and {k: v for k, v in c.args.items() if k in DURATION_SLOTS} in more
             else c for c in plan.calls]
    plan = plan if calls == plan.calls else plan.model_copy(update={"calls": calls})
    # "add 10 minutes to the lasagna timer": a new timer of the time added is that time said again
    added = [{k: v for k, v in c.args.items() if k in DURATION_SLOTS} for c in plan.calls
             if c.function in ("home.increase_timer", "home.decrease_timer")]
    return _without(plan, {c.id for c in plan.calls if c.function == "home.start_timer"
                           and {k: v for k, v in c.args.items() if k in DURATION_SLOTS} in added
                           and len(_TIMER_WORD.findall(query)) <= 1})


_CHANGED_BY = [re.compile(r"\b(?:add|put|take|knock|shave|cut|remove|subtract|give\s+(?:it|the\s+\w+\s+timer))\s+"
                         r"(?P<amount>.+?)\s+(?:more\s+|extra\s+)?(?:to|on|onto|off|from|of)\s+(?:the|my|that)\s+"
                         r"(?P<timer>.+?)\s*\btimer\b", re.I),
               re.compile(r"\b(?:extend|lengthen|shorten|reduce|cut|increase|decrease)\s+(?:the|my|that)\s+(?P<timer>.+?)"
                          r"\s*\btimer\s+by\s+(?P<amount>.+?)(?=$|[,.;!?]|\s+(?:and|then|please)\b)", re.I)]


def _timer_changed_by(query: str, plan: Plan) -> Plan:
    """"take an hour off the three hour timer", "add half an hour to the two hour timer":
    the time said first is the change, the timer's own length names which timer (its
    start_* slots), as Home Assistant's timer intents read them."""
    changes = [c for c in plan.calls if c.function in ("home.increase_timer", "home.decrease_timer")]
    said = [(amount, start) for rule in _CHANGED_BY for m in rule.finditer(query)
            if (amount := spoken.duration_parts(m.group("amount"))) and (start := spoken.duration_parts(m.group("timer")))]
    if len(changes) != 1 or len(said) != 1:
        return plan
    amount, start = said[0]
    kept = {k: v for k, v in changes[0].args.items() if k not in DURATION_SLOTS and k not in START_SLOTS}
    args = {**amount, **{f"start_{k}": v for k, v in start.items()}, **kept}
    return Plan(calls=[c.model_copy(update={"args": args}) if c is changes[0] else c for c in plan.calls])


# "both front seats", "both of the rear windows", "both back seat heaters"
_BOTH = re.compile(r"\bboth\s+(?:of\s+)?(?:the\s+|my\s+)?(?P<row>front|rear|back)?\s*(?:passenger\s+|heated\s+)?"
                   r"(?P<what>seat|window)s?\b", re.I)


def _without_unsaid_numbers(query: str, plan: Plan) -> Plan:
    """A call that repeats an earlier one but for a number the request never says, where
    the earlier one's number is said, is that call made up again: "set the rear climate to
    73" planned 73 and then 74, "media volume at three, this video is loud" 3 and then 10.
    Two numbers said ("timers for 5 and for 10 minutes") are two calls, and a duration is
    never judged so ("half an hour" says no number the reader reads)."""
    said = set(spoken.number_spans(query, spoken.word_offsets(query)).values())
    used = {v["$ref"] for c in plan.calls for v in c.args.values() if is_ref(v)}

    def number(v: Any) -> bool:
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    echoes = set()
    for n, c in enumerate(plan.calls):
        for e in plan.calls[:n]:
            differ = [k for k in c.args if c.args[k] != e.args.get(k)]
            if (c.id not in used and e.function == c.function and set(e.args) == set(c.args) and differ
                    and not (DURATION_SLOTS | START_SLOTS) & set(differ)
                    and all(number(c.args[k]) and number(e.args[k]) and c.args[k] not in said
                            and e.args[k] in said for k in differ)):
                echoes.add(c.id)
    return _without(plan, echoes)


# Services that only stream music, or only video: what the nest hub plays follows the service.
_MUSIC_ONLY = re.compile(r"spotify|pandora|soundcloud|deezer|tidal|(?:youtube|apple|amazon)\s*music|iheart\s*radio|tunein",
                         re.I)
_VIDEO_ONLY = re.compile(r"netflix|hulu|disney\s*(?:\+|plus)|hbo|prime\s*video|peacock|paramount|youtube\s*tv|twitch|vimeo",
                         re.I)
_PLAYS_AS = {"phone.play_video_on_nest_hub": ("phone.play_music_on_nest_hub", "music", _MUSIC_ONLY),
             "phone.play_music_on_nest_hub": ("phone.play_video_on_nest_hub", "video", _VIDEO_ONLY)}


def _played_as_its_service_streams(plan: Plan, functions: Sequence[str]) -> Plan:
    """"Can the Nest Hub play Lose Yourself on YouTube Music?": a video from a music-only
    service is music, and music from Netflix a video."""
    calls = []
    for call in plan.calls:
        other, kind, only = _PLAYS_AS.get(call.function, (None, "", None))
        own = "video" if kind == "music" else "music"
        service, name = call.args.get(f"{own}_service"), call.args.get(f"{own}_name")
        if other in functions and only is not None and isinstance(service, str) and only.search(service):
            args = {k.replace(f"{own}_", f"{kind}_", 1): v for k, v in call.args.items()}
            call = call.model_copy(update={"function": other, "args": args})
        calls.append(call)
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


def _plays_what_was_found(query: str, plan: Plan) -> Plan:
    """"search youtube for a guided meditation and play it on the nest hub": the video the
    nest hub plays is the search's result, from YouTube. The model names it with the
    clause's own words ("it", "whatever") or plays it as music; its search may run on
    into the play clause ("... fitted sheet and cast it to the nest hub")."""
    said = _PLAY_FOUND.search(query)
    search = next((c for c in plan.calls if c.function == _SEARCH and isinstance(c.args.get("query"), str)), None)
    if said is not None and search is None and _SEARCHED.search(query[:said.start()]):
        # no search planned, only the playing of its words ("search youtube for a sleep
        # meditation and play it ..." played the music "a sleep meditation"): the words are searched
        play = next((c for c in plan.calls if c.function in _PLAYS and any(
            isinstance(v := c.args.get(k), str) and 0 <= query.lower().find(v.lower()) < said.start()
            for k in ("video_name", "music_name"))), None)
        if play is not None:
            words = next(v for k in ("video_name", "music_name") if isinstance(v := play.args.get(k), str))
            if (whole := _SEARCHED_FOR.search(query[:said.start()])) and words.lower() in whole.group("what").lower():
                words = whole.group("what")  # "pull up relaxing rain sounds on youtube" played "rain"
                words = _VIDEO_ON_YOUTUBE.sub("", words)  # "find a video on youtube of how to make pho"
            search = PlannedCall(id=play.id, function=_SEARCH, args={"query": words})
            plan = Plan(calls=[search if c is play else c for c in plan.calls])
    if said is None or search is None or query.lower().find(search.args["query"].lower()) > said.start() \
            or any(c.function in _PLAYS and any(is_ref(v) for v in c.args.values()) for c in plan.calls):
        return plan
    topic = search.args["query"]
    if (cut := _PLAY_FOUND.search(topic)) is not None:
        topic = topic[:cut.start()].strip()
    dropped = {c.id for c in plan.calls if c.function in _PLAYS}
    if any(is_ref(v) and v["$ref"] in dropped for c in plan.calls if c.id not in dropped for v in c.args.values()):
        return plan  # another call took the played one's result: leave the plan as it is
    calls = [c.model_copy(update={"args": {**c.args, "query": topic}}) if c is search else c for c in plan.calls
             if c.function not in _PLAYS]
    unused = f"c{1 + max(int(c.id[1:]) for c in plan.calls)}"
    play = PlannedCall(id=unused, function=_PLAYS[0], args={"video_service": "youtube", "video_name": {"$ref": search.id}})
    at = calls.index(next(c for c in calls if c.id == search.id)) + 1
    calls = [*calls[:at], play, *calls[at:]]
    return Plan(calls=_numbered(calls))


_ITEM_BREAK = re.compile(r"\s*(?<![0-9]),(?![0-9])\s*(?:and\s+)?|\s+and\s+", re.I)  # not "1,000 napkins"
_ONE_DEED = re.compile(r"[a-z]+\s+and\s+[a-z]+\s+(?:the|my|our|a|an|all|some)\b", re.I)  # "wash and dry the dishes"


_LOUDER = re.compile(r"\s*(?:please\s+)?(?:turn|crank|bump|pump|dial)\s+(?P<it>it)\s+(?:up|down|louder|quieter)\b", re.I)
_THERE = re.compile(r"\bin\s+there\b", re.I)  # the place a clause before said
_ITS_SETTING = re.compile(r"\bits(?=\s+(?:volume|brightness|temperature|temp|speed|position|color|colour|mode)\b)", re.I)
_MESSAGE = re.compile(r"\b(?:text|txt|tell|e-?mail|message|say|saying|says|announce|broadcast|remind|note)\b", re.I)


# The item between the verb and the list, as Home Assistant's templates read it: "add
# {item} to my shopping list", "cross {item} off the list", "check off {item} on chores".
_ITEM_SAID = re.compile(r"\b(?P<verb>add|put|stick|throw|pop|cross|check\s+off|tick\s+off|mark|remove|take|delete)\s+"
                        r"(?P<item>[\w'-]+(?:\s+[\w'-]+){0,4}?)\s+(?:to|on|onto|off|from|in|as)\s+"
                        r"(?:(?:the|my|our)\s+)?(?:[\w'-]+\s+)?list\b", re.I)


_ITEM_VERBS = {"add": ("add", "put", "stick", "throw", "pop"), "complete": ("cross", "check", "tick", "mark"),
               "remove": ("remove", "take", "delete")}


def _whole_items(query: str, plan: Plan) -> Plan:
    """"add baking soda to the grocery list" planned the item "soda": the model's pointer
    cut a name of several words. An item that is the start or the end of the words said
    between the verb and the list is those words."""
    said = [(m.group("verb").split()[0].lower(), m.group("item")) for m in _ITEM_SAID.finditer(query)]
    calls = []
    bare = re.compile(r"^(?:the|my|our|some)\s+", re.I)  # "take the milk off": milk
    for call in plan.calls:
        item = call.args.get("item")
        if call.function.endswith("_item") and isinstance(item, str):
            verbs = _ITEM_VERBS.get(call.function.rsplit("_", 2)[-2], ())  # add, complete, remove
            whole = [s for verb, s in said if verb in verbs and len(s) > len(item)
                     and not re.search(r",|\b(?:and|or|as)\b", s, re.I)  # several items, or "milk as bought"
                     and re.match(rf"(?i:{re.escape(item)}\b|.*\b{re.escape(item)}$)", s)]
            if len(whole) == 1:
                kept = whole[0] if bare.match(item) else bare.sub("", whole[0])
                if kept != item:
                    call = call.model_copy(update={"args": {**call.args, "item": kept}})
        calls.append(call)
    return plan if calls == plan.calls else plan.model_copy(update={"calls": calls})


def _each_item(plan: Plan) -> Plan:
    """"add eggs and butter to the shopping list": two items, as a shopping list keeps them
    (and as the recognizer's one item "eggs and butter" would not), unless the "and" is part
    of one thing's name ("mac and cheese", "half and half")."""
    calls: list[PlannedCall] = []
    used = {v["$ref"] for c in plan.calls for v in c.args.values() if is_ref(v)}
    for call in plan.calls:
        item = call.args.get("item")
        if not call.function.endswith("_item") or not isinstance(item, str) or call.id in used:
            calls.append(call)
            continue
        kept = spoken.ONE_THING.sub(lambda m: re.sub(r"\s+and\s+", " \x01 ", m.group(), flags=re.I), item)
        parts = [p.replace(" \x01 ", " and ").strip() for p in _ITEM_BREAK.split(kept)]
        if len(parts) < 2 or not all(parts) or any(p.lower() in ("and", "also", "then", "too") for p in parts) \
                or _ONE_DEED.match(item) or any(p[:1].isupper() and " " not in p for p in parts):
            # "wash and dry the dishes" is one chore; "call Mom and Dad", "Ben and Jerry's" one each
            calls.append(call)
            continue
        calls += [call.model_copy(update={"id": f"{call.id}.{n}", "args": {**call.args, "item": p}})
                  for n, p in enumerate(parts)]
    if len(calls) == len(plan.calls):
        return plan
    return plan.model_copy(update={"calls": _numbered(calls)})


# A value that only names how a message goes ("an email", "text"): the verb of another call, no content.
_CAR_WORDS = ["car", "vehicle"]
_DOOR = "phone.open_or_lock_door"
_OPENS_THE_DOOR = re.compile(_REQUEST_LEAD + r"(?i:open)\s+(?i:the|my|our)\s+(?i:front|back)\s+(?i:door)\b(?![\s-]+(?i:lock|sensor|cam|camera|feed|bell))")
# parts only a car has: "the trunk", "the sunroof", "the driver's seat"
_CAR_ONLY = re.compile(r"\b(?:trunk|boot|sunroof|moonroof|horn|honk|seat|seats|driver|driver's|passenger|windshield|"
                       r"charge\s+port|charging|charge|ev|tesla|nav|navigation|gps|headlights?|high\s+beams|cabin|battery"
                       r"|range|roll\s+(?:up|down))\b", re.I)
_CAR_PARTS = {"seat", "seats", "driver", "driver's", "passenger", "passenger's", "front", "rear", "back", "left", "right",
              "side", "window", "windows", "steering", "wheel", "sunroof", "trunk", "cabin"}
# calls whose words may be about the car: announcements, lists, the time, timers, the weather
_SAYS_ANYWHERE = re.compile(r"\.(?:broadcast|.*_item|get_current_|.*timer|get_weather)")
_WHAT_IS_SAID = {"message", "destination", "location", "query", "search_query", "content"}  # not a list's "item"
_OBJECT_AFTER_VERB = {"it", "up", "them", "the", "my", "our", "this", "that", "all", "everything"}
_MEDIUM_ONLY = re.compile(r"(?:(?:a|an|the|my|this|that)\s+)?(?:e-?mails?|texts?|messages?|sms)", re.I)


def _without_medium_calls(plan: Plan) -> Plan:
    """"send lisa@x.com an email ... that says bring chips": the model may add a call that
    carries the words "an email" (a broadcast, a navigation) beside the e-mail itself. In a
    plan of several calls, a call whose text argument is only such a word is dropped,
    unless another call takes its result."""
    if len(plan.calls) < 2:
        return plan
    used = {v["$ref"] for c in plan.calls for v in c.args.values() if is_ref(v)}
    kept = [c for c in plan.calls if c.id in used or not any(
        k in _WHAT_IS_SAID and isinstance(v, str) and _MEDIUM_ONLY.fullmatch(v.strip()) for k, v in c.args.items())]
    return plan if len(kept) == len(plan.calls) or not kept else Plan(calls=_numbered(kept))


_PERSON_PRONOUNS = {"her", "him", "them"}
_SCALE_WORD = re.compile(r"\b(?:max|maximum|full|fully|highest|high|lowest|low|min|minimum|top|bottom|half|halfway|"
                         r"all\s+the\s+way|medium|mid|middle)\b", re.I)
_PARTS = {"seat", "window", "zone"}  # choices of which part a call acts on (not how: a direction, a state)
_ASKED_WITH = re.compile(r"(?:please\s+)?(?:can|could|would|will)\s+(?:you|u)(?:\s+please)?", re.I)
_FILLERS = {"oh", "uh", "um", "umm", "er", "erm", "hmm", "ah"}
# a message of only these says nothing ("text Sam you up?" and "text Mom here" do)
_EMPTY_MESSAGE = frozenset("it its the a an to of for with and or by from at in on am pm this that".split()) | _FILLERS
# words that say nothing on their own: a copied text of only these is no value
_EMPTY_WORDS = frozenset("""the a an my our your his her their this that these those it its them him me us you i we
on off in at of to up down for from with by and or then also now just there here am pm is are was were be""".split()) \
    | _FILLERS


def _find(text: str, value: str) -> int | None:
    """Where the text says this value, case-insensitively (None where it does not)."""
    found = re.search(re.escape(value), text, re.I)
    return found.start() if found else None


def _empty(value: str) -> bool:
    """Only words that say nothing on their own ("am", "it", "with"), none capitalized
    (the movie "Up"), a clipped "'s ...", or the "can you" a request was asked with."""
    words = spoken.words_of(value)
    return bool(re.match(r"\s*['’]s\b", value)) or bool(_ASKED_WITH.fullmatch(value.strip(" ,.!?"))) or (
        bool(words) and all(w in _EMPTY_WORDS for w in words) and not any(ch.isupper() for ch in value))


def _without(plan: Plan, dropped: set[str]) -> Plan:
    """The plan without these calls; a plan whose other calls took a dropped call's result
    plans nothing."""
    if not dropped:
        return plan
    if any(is_ref(v) and v["$ref"] in dropped for c in plan.calls if c.id not in dropped for v in c.args.values()):
        return Plan(calls=[])
    return Plan(calls=_numbered([c for c in plan.calls if c.id not in dropped]))


def _one_clause(query: str) -> bool:
    """No "and", "then", ... and no comma or stop before a command ("turn off the lights, lock the car")."""
    return spoken.one_clause(query) and len(_clauses(query, Plan(calls=[]))) == 1


def _only_the_chain(query: str, plan: Plan) -> Plan:
    """"text Carlos which lights are still on": a one-clause request whose plan passes a
    result on is that chain; a call beside it that neither passes nor takes a result (the
    lights turned on) was made of the message's words, and is dropped."""
    used = {v["$ref"] for c in plan.calls for v in c.args.values() if is_ref(v)}
    if not used or not _one_clause(query):
        return plan
    kept = [c for c in plan.calls if c.id in used or any(is_ref(v) for v in c.args.values())]
    return plan if len(kept) == len(plan.calls) else Plan(calls=_numbered(kept))


def _clause_from(query: str, at: int) -> str:
    """The request from `at` to the end of its clause."""
    end = CLAUSE_BREAK.search(query, at)
    return query[at:end.start() if end else len(query)].strip()


def _words_used(manifests: list[DeviceManifest]) -> set[str]:
    """The words of the live devices' function names, cue words, and the home's entity,
    area and floor names and aliases."""
    texts = [f"{f.name} {' '.join(f.cues or [])}" for m in manifests for f in m.functions]
    for m in manifests:
        for places in ("entities", "areas", "floors"):
            texts += [f"{p.get('name', '')} {' '.join(map(str, p.get('aliases') or []))}"
                      for p in (m.inventory or {}).get(places) or []]
    return {w for text in texts for w in re.findall(r"[a-z]+", text.replace("_", " ").lower()) if len(w) >= 5}


def _clean(query: str) -> str:
    """Odd Unicode is fine; control characters and runs of spaces are not meaningful."""
    query = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", "", query)
    query = _TURN_OF.sub(r"\1 off", query)  # a common slip: "turn of the light"
    query = _READ_OUT.sub(r"announce \1", query)  # what the model knows as an announcement
    query = _OFF_MUTE.sub(r"unmute \1", query)  # "take the kitchen speaker off mute" was heard as "mute"
    return " ".join(query.split())[:500]


# "... and read it out to everyone at home", "read that aloud": a result passed on to the house
_READ_OUT = re.compile(r"(?:(?<=\band\s)|(?<=,\s)|(?<=\bthen\s))read\s+(it|that|this|them)\s+(?:out(?:\s+loud)?|aloud)\b"
                       r"(?=\s+to\b(?!\s+me\b)|[\s.!?]*$)", re.I)
_OFF_MUTE = re.compile(r"\b(?:take|get|bring)\s+((?:the|my|it)\b(?:(?!\s(?:and|then)\b)[\w' ]){0,40}?)\s+off\s+"
                       r"(?:of\s+)?mute\b", re.I)
_TURN_OF = re.compile(r"(?<!\bthe\s)(?<!\ba\s)\b(turn|switch|shut)\s+of\b(?!\s+(?:phrase|events?|the\s+(?:century|year|tide)))", re.I)


def _prompt(text: str, context: dict[str, str]) -> tuple[str, str | None]:
    """The model's prompt. Today's date is for the readers (a calendar event's day), never
    the model: only generated calendar requests carried it, so it swayed the model to them."""
    return render_prompt(text, {k: v for k, v in context.items() if k != "today"})
