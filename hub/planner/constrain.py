"""Constrained decoding: a token-level grammar built from the live FunctionSpecs.

The grammar is a Python generator: it yields the set of token ids allowed next and is
sent the token that was chosen. `yield from` composes it (plan -> call -> argument ->
value), and each piece returns what it parsed, so when decoding ends the Plan is
already built, with canonical values:
- an enum (entity names, areas, floors, schema enums) is a trie over the tokenized
  values the live manifests list, and returns the manifest's own spelling;
- free text is a span copied from the request, returned with the request's casing;
- a number, phone number or time the request says is a span too, read back by
  spoken.py ("seventy seven" -> 77, "half past six pm" -> "18:30");
- otherwise a patterned string (E.164, HH:MM, dates) is checked by partial regex
  matching, and integers and numbers are digit tokens, held to the schema's range;
- a string argument may instead be a nested call, whose result feeds it.
So every answer parses and every argument validates. Tokens that the grammar forces
(a single allowed token) need no model step; the decoder feeds them in one batch.
"""
from __future__ import annotations

import functools
import math
import json
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import regex

from hub.planner import spoken
from hub.planner.syntax import FN_END, FN_NONE, FunctionTable
from protocols import FunctionSpec
from protocols.plan import Plan, PlannedCall

MAX_CALLS = 4
MAX_DEPTH = 1  # a nested call may not itself nest
MAX_VALUE_TOKENS = 48

Grammar = Generator[frozenset[int], int, Any]


class Vocab:
    """What the grammar needs to know about a tokenizer, computed once per tokenizer."""

    def __init__(self, tokenizer: Any, table: FunctionTable) -> None:
        self.tokenizer = tokenizer
        self.table = table
        self.uncased = bool(getattr(tokenizer, "do_lower_case", False)) or \
            tokenizer.tokenize("ABC") == tokenizer.tokenize("abc")
        self.fn_ids = [tokenizer.convert_tokens_to_ids(t) for t in table.tokens[:-2]]
        self.fn_none = tokenizer.convert_tokens_to_ids(FN_NONE)
        self.fn_end = tokenizer.convert_tokens_to_ids(FN_END)
        self.fn_index = {tid: i for i, tid in enumerate(self.fn_ids)}
        self.lparen, self.rparen, self.comma, self.eq, self.semi, self.quote, self.minus, self.dot = (
            self.single(c) for c in '(),=;"-.')
        pieces = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
        self.text = [self._clean(p) for p in pieces]
        self.continuation = [p.startswith("##") for p in pieces]
        digits = [i for i, t in enumerate(self.text) if t.isdigit() and t.isascii()]
        self.digit_ids = frozenset(digits)
        self.digit_start_ids = frozenset(i for i in digits if not self.continuation[i])
        # WordPiece marks a digit run's continuation ("##7"); other tokenizers don't.
        self.digit_more_ids = (frozenset(i for i in digits if self.continuation[i])
                               if any(self.continuation) else self.digit_ids)
        self.format_ids = frozenset(i for i, t in enumerate(self.text)
                                    if t and all(c in "0123456789:+-./" for c in t))
        self._cache: dict[str, tuple[int, ...]] = {}

    @staticmethod
    def _clean(piece: str) -> str:
        return piece[2:] if piece.startswith("##") else piece.replace("▁", "").replace("Ġ", "")

    def single(self, char: str) -> int:
        ids = self.tokenizer.encode(char, add_special_tokens=False)
        if len(ids) != 1:
            raise ValueError(f"tokenizer splits {char!r} into {len(ids)} tokens")
        return int(ids[0])

    def encode(self, text: str) -> tuple[int, ...]:
        if text not in self._cache:
            self._cache[text] = tuple(self.tokenizer.encode(text, add_special_tokens=False))
        return self._cache[text]

    def join(self, ids: Iterable[int]) -> str:
        return "".join(self.text[i] for i in ids)


_MAY_OPEN = "\"'“‘«#$@+(¿¡£€"  # punctuation a copied text may start with


@dataclass
class Request:
    """One request's view: its query tokens (for span copies) and the live functions."""

    query: str
    query_ids: list[int]
    offsets: list[tuple[int, int]]
    specs: dict[int, FunctionSpec]  # functional-token index -> live spec
    calls: list[PlannedCall] = field(default_factory=list)
    pointer: bool = False  # the model points at span ends instead of spelling spans out
    feed: list[int] = field(default_factory=list)  # request positions a pointer choice stands for
    taken: set[int] = field(default_factory=set)  # request positions already copied into args
    context: dict[str, str] = field(default_factory=dict)  # e.g. the asking device's area
    _unnamed: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def bounds(self) -> tuple[list[bool], list[bool]]:
        """May a free-text span start / end at each token (whole words only)? Not inside a
        run of capitalized words either: "Lake Placid" is one place, not "Lake"."""
        starts, ends = spoken.word_bounds(self.query, self.offsets)
        runs = spoken.capitalized_runs(self.query)
        for p, (a, b) in enumerate(self.offsets):
            if any(a < b < e for a, e in runs):
                ends[p] = False
            piece = self.query[a:b]
            if not any(ch.isalnum() for ch in piece):  # no text starts at "," nor ends at one
                starts[p] = starts[p] and piece[:1] in _MAY_OPEN
                ends[p] = ends[p] and piece[-1:] not in ",;:"
        return starts, ends

    @functools.cached_property
    def numbers(self) -> dict[tuple[int, int], float]:
        """(start, end) token spans that read as numbers ("seventy seven", "21.5")."""
        return spoken.number_spans(self.query, self.offsets)

    @functools.cached_property
    def phones(self) -> dict[tuple[int, int], str]:
        """(start, end) token spans that read as phone numbers, in E.164."""
        return spoken.phone_spans(self.query, self.offsets)

    @functools.cached_property
    def times(self) -> dict[tuple[int, int], str]:
        """(start, end) token spans that read as times of day, as "HH:MM", and hours said
        alone after "at" or "for" where no other time is said."""
        times = spoken.whole_spans(spoken.time_spans(self.query, self.offsets))  # "half past seven pm", whole
        return times or spoken.bare_hour_spans(self.query, self.offsets)

    @functools.cached_property
    def emails(self) -> dict[tuple[int, int], str]:
        """(start, end) token spans that are e-mail addresses."""
        return spoken.email_spans(self.query, self.offsets)

    def said(self, pattern: str) -> dict[tuple[int, int], str]:
        """Spans that read as a value of this pattern (phone numbers, times, e-mail
        addresses), if we parse it."""
        return {spoken.E164_PATTERN: self.phones, spoken.HHMM_PATTERN: self.times,
                spoken.EMAIL_PATTERN: self.emails}.get(pattern, {})

    def unnamed_query(self, properties: dict[str, Any]) -> str:
        """The query without the entity names (of this function's name enum) it says in
        full: what may name an area or floor."""
        areas = set(properties.get("area", {}).get("enum") or [])
        names = tuple(n for n in properties.get("name", {}).get("enum") or [] if n not in areas)
        if names not in self._unnamed:
            self._unnamed[names] = spoken.without_names(self.query, list(names))
        return self._unnamed[names]

    @functools.cached_property
    def event(self) -> tuple[str, str] | None:
        """The (start, end) stamps of a calendar event the request says, if it says one plainly."""
        today = self.context.get("today")
        return spoken.event_times(self.query, date.fromisoformat(today) if today else date.today())

    def untaken_query(self) -> str:
        """The query with the words earlier arguments took blanked ("from the train
        station" says no travel mode once it is the origin)."""
        chars = list(self.query)
        for p in self.taken:
            if p < len(self.offsets):
                start, end = self.offsets[p]
                chars[start:end] = " " * (end - start)
        return "".join(chars)

    def offers(self, spec: FunctionSpec) -> bool:
        """May the plan call this function? Not when the spec has cue words the request
        does not say (the phone's door app without "phone"), nor when a required value
        can only come from the request and it says none (send_email with no address)."""
        if spec.cues and not spoken.says(self.query, spec.cues, plural=True):
            return False
        for verb in spec.name.split("_") if "_or_" not in spec.name else ():  # not open_or_lock_door
            if (opposites := spoken.OPPOSITE_VERBS.get(verb)) and spoken.starts_with(self.query, opposites) \
                    and not spoken.says(self.query, [verb]):  # the request's own verb ("a timer to stop the ..." is none)
                return False  # "close the trunk" is no open_trunk, "dock the vacuum" no vacuum_start
        props = spec.parameters.get("properties", {})
        stamped = any(_pattern_of(props.get(name, {})) == spoken.STAMP_PATTERN
                      for name in spec.parameters.get("required", []))
        if stamped and self.event is None:
            return False  # an event on no day it can read ("invite Priya to the lunch event") would be made up
        if any(_pattern_of(props.get(name, {})) == spoken.HHMM_PATTERN for name in spec.parameters.get("required", [])) \
                and not self.free(self.times):
            return False  # an alarm at a time the request does not say would be made up
        if any(name in NAMED_SLOTS and props.get(name, {}).get("enum") and not self._names_one(name, props)
               for name in spec.parameters.get("required", [])):
            return False  # a list or room it must name, and the request names none: it would be made up
        if spoken.starts_with(self.query, spoken.SCHEDULE_WORDS) and spoken.one_clause(self.query) and not any(
                _pattern_of(p) in (spoken.STAMP_PATTERN, spoken.HHMM_PATTERN) for p in props.values()):
            return False  # "schedule the mower for saturdays": only what takes a day or a time can be scheduled
        if any(props.get(name, {}).get("x-said") and not self.says_value(props[name])
               for name in spec.parameters.get("required", [])):
            return False  # "switch to sport mode": a fan mode it must say, and it says none
        groups = [g.get("required", []) for g in spec.parameters.get("anyOf", [])]
        if groups and not any(all(self.says_value(props.get(name, {})) for name in g) for g in groups):
            return False  # "it's dark, turn the lights on" says no brightness, colour or temperature to set
        if DURATION_SLOTS <= set(props) and not spoken.says_duration(self.query):
            return False  # a timer of no length said (Home Assistant's need one): its length would be made up
        return all(self.said(pattern) for name in spec.parameters.get("required", [])
                   if (pattern := _pattern_of(props.get(name, {}))) in spoken.ONLY_POINTED)

    def says_value(self, schema: dict[str, Any]) -> bool:
        """Could the request's own words fill a slot of this schema? A worded enum needs one
        of its values said, a number that must be said ("x-said") a number or a number word;
        anything else may be filled."""
        if "anyOf" in schema and schema.get("x-said"):  # a step said as a number, or as "up"/"down"
            return any(self.says_value({**option, "x-said": True}) for option in schema["anyOf"])
        if "x-words" in schema:
            return bool(spoken.said_values(self.query, schema))
        if schema.get("x-said") and schema.get("type") in ("integer", "number"):
            low, high = schema.get("minimum", -math.inf), schema.get("maximum", math.inf)
            found = {**self.free(self.numbers), **self.free(spoken.named_number_spans(
                self.query, self.offsets, schema.get("x-number-words", {})))}
            return any(low <= v <= high for v in found.values())  # "brightness to 2000" says no brightness
        return True

    def _names_one(self, slot: str, props: dict[str, Any]) -> bool:
        """Does the request name a value of this slot? The asking device's area counts only
        when it says "here" ("start the vacuum" names no room)."""
        found = named_values(self, slot, props[slot]["enum"], props)
        if slot == "area" and not spoken.HERE.search(self.query):
            found = [v for v in found if v != self.context.get("area")
                     or spoken.mentions(self.unnamed_query(props), v)]
        return bool(found)

    def free(self, spans: dict[tuple[int, int], Any]) -> dict[tuple[int, int], Any]:
        """The spans none of whose words an earlier argument took."""
        return {k: v for k, v in spans.items() if not self.taken.intersection(range(k[0], k[1] + 1))}

    def take_feed(self) -> list[int]:
        feed, self.feed = self.feed, []
        return feed

    def next_positions(self, positions: Iterable[int]) -> set[int]:
        return {p + 1 for p in positions if p + 1 < len(self.query_ids)}


# ---- grammar pieces ------------------------------------------------------------------------

def trie_choice(vocab: Vocab, options: dict[tuple[int, ...], Any]) -> Grammar:
    """Pick one of several token sequences (none a prefix of another); returns its value."""
    keys = sorted(options, key=len)
    for i, short in enumerate(keys):
        if any(long[:len(short)] == short for long in keys[i + 1:]):
            raise ValueError(f"option {short} is a prefix of another; add a closing token")
    prefix: tuple[int, ...] = ()
    live = list(options)
    while prefix not in options:
        token = yield frozenset(k[len(prefix)] for k in live)
        prefix = (*prefix, token)
        live = [k for k in live if k[:len(prefix)] == prefix]
    return options[prefix]


def quoted_enum(vocab: Vocab, values: list[Any]) -> Grammar:
    options: dict[tuple[int, ...], Any] = {}
    for value in values:
        ids = vocab.encode(str(value).lower() if vocab.uncased else str(value))
        options.setdefault(ids, value)
    yield frozenset({vocab.quote})
    closed = {(*ids, vocab.quote): value for ids, value in options.items()}
    return (yield from trie_choice(vocab, closed))


# Pseudo-tokens for pointer choices: "the span starts / ends at query position p".
SPAN_START = 10_000_000
SPAN_END = 20_000_000


def is_pointer(token: int) -> bool:
    return token >= SPAN_START


def span_copy(vocab: Vocab, request: Request) -> Grammar:
    """A quoted span of the request, returned as the request spells it."""
    if request.pointer:
        return (yield from pointed_span(vocab, request))
    yield frozenset({vocab.quote})
    by_token: dict[int, set[int]] = {}
    for pos, tid in enumerate(request.query_ids):
        by_token.setdefault(tid, set()).add(pos)
    token = yield frozenset(by_token)
    starts = positions = by_token[token]
    length = 1
    while True:
        follow = {request.query_ids[p] for p in request.next_positions(positions)}
        if length >= MAX_VALUE_TOKENS:
            follow = set()
        token = yield frozenset(follow | {vocab.quote})
        if token == vocab.quote:
            break
        moved = {p + 1 for p in positions if p + 1 < len(request.query_ids)
                 and request.query_ids[p + 1] == token}
        starts = {s for s in starts if s + length in moved}
        positions, length = moved, length + 1
    start = min(starts)
    return request.query[request.offsets[start][0]:request.offsets[start + length - 1][1]]


def pointed_span(vocab: Vocab, request: Request) -> Grammar:
    """Two decisions instead of one per token: where the span starts, where it ends.
    The decoder still reads the span's tokens, which the choices stand for."""
    yield frozenset({vocab.quote})
    n = len(request.query_ids)
    # A word of the request fills one argument at most: spans never overlap.
    free = [p for p in range(n) if p not in request.taken] or list(range(n))
    starts, ends = request.bounds
    start = (yield frozenset(SPAN_START + p for p in [p for p in free if starts[p]] or free)) - SPAN_START
    request.feed = [start]
    last = start
    while last + 1 < min(n, start + MAX_VALUE_TOKENS) and last + 1 not in request.taken:
        last += 1
    reach = range(start, last + 1)
    end = (yield frozenset(SPAN_END + p for p in [p for p in reach if ends[p]] or reach)) - SPAN_END
    request.feed = list(range(start + 1, end + 1))
    request.taken |= set(range(start, end + 1))
    yield frozenset({vocab.quote})
    return request.query[request.offsets[start][0]:request.offsets[end][1]]


def point_at(vocab: Vocab, request: Request, spans: dict[tuple[int, int], Any]) -> Grammar:
    """Point at one of these spans (its opening quote already chosen); returns its value."""
    start = (yield frozenset(SPAN_START + s for s, _ in spans)) - SPAN_START
    request.feed = [start]
    end = (yield frozenset(SPAN_END + e for s, e in spans if s == start)) - SPAN_END
    request.feed = list(range(start + 1, end + 1))
    request.taken |= set(range(start, end + 1))
    yield frozenset({vocab.quote})
    return spans[(start, end)]


def pointed_number(vocab: Vocab, request: Request, schema: dict[str, Any], follow: frozenset[int],
                   integer: bool) -> Grammar:
    """A number spelled in digits, or (after an opening quote) the request's own words for
    it, read by spoken.parse_number: "seventy seven" -> 77. A minus may precede either
    ("turn it down by two" -> -2). Returns (value, pending token or None)."""
    low, high = schema.get("minimum", -10**9), schema.get("maximum", 10**9)

    def fits(value: float) -> bool:
        return low <= value <= high and (not integer or float(value).is_integer())

    found = request.free(request.numbers)
    plus = {k: _canonical(v) for k, v in found.items() if fits(v)}
    minus = {k: _canonical(-v) for k, v in found.items() if v and fits(-v)}
    spelled = number(vocab, schema, follow, integer)
    named = {k: _canonical(v) for k, v in request.free(spoken.named_number_spans(
        request.query, request.offsets, schema.get("x-number-words", {}))).items() if fits(v)}
    if (named or plus) and schema.get("x-said"):  # only a number said ("brightness" is never guessed)
        yield frozenset({vocab.quote})
        return (yield from point_at(vocab, request, plus | named)), None
    if named and not plus:  # "lights to half brightness": no number is said, so none is made up
        yield frozenset({vocab.quote})
        return (yield from point_at(vocab, request, named)), None
    plus |= named
    token = yield next(spelled) | ({vocab.quote} if plus else set())
    if token == vocab.minus:
        allowed = spelled.send(token)
        token = yield allowed | ({vocab.quote} if minus else set())
        if token == vocab.quote:
            return (yield from point_at(vocab, request, minus)), None
    elif token == vocab.quote:
        return (yield from point_at(vocab, request, plus)), None
    return (yield from _resume(spelled, token))


def _pattern_of(schema: dict[str, Any]) -> str | None:
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return (options[0] if len(options) == 1 else schema).get("pattern")


def pointed_pattern(vocab: Vocab, request: Request, pattern: str) -> Grammar:
    """A phone number, time or e-mail address the request says is pointed at and read back
    ("917 555 0108" -> "+19175550108", "half past six pm" -> "18:30"); a phone number or
    time it does not say is spelled (and checked by the pattern)."""
    compiled = regex.compile(pattern)
    said = {k: v for k, v in request.said(pattern).items() if compiled.fullmatch(v)}
    found = request.free(said) or (said if pattern in spoken.ONLY_POINTED else {})
    if not found:
        return (yield from patterned(vocab, pattern))
    yield frozenset({vocab.quote})
    return (yield from point_at(vocab, request, found))


def _canonical(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def patterned(vocab: Vocab, pattern: str) -> Grammar:
    """A quoted string whose characters must keep matching `pattern`."""
    compiled = regex.compile(pattern)
    yield frozenset({vocab.quote})
    text = ""
    for _ in range(MAX_VALUE_TOKENS):
        allowed = {t for t in vocab.format_ids
                   if compiled.fullmatch(text + vocab.text[t], partial=True)}
        if text and compiled.fullmatch(text):
            allowed.add(vocab.quote)
        token = yield frozenset(allowed)
        if token == vocab.quote:
            return text
        text += vocab.text[token]
    raise ValueError("patterned value too long")


def number(vocab: Vocab, schema: dict[str, Any], follow: frozenset[int], integer: bool) -> Grammar:
    """Digits (and sign/point) held to the schema's range. Returns (value, next token):
    a number has no closing mark, so the token after it belongs to the caller."""
    low, high = schema.get("minimum", -10**9), schema.get("maximum", 10**9)
    width = len(str(int(max(abs(low), abs(high)))))
    text = ""
    while True:
        digits = len(text.replace("-", "").replace(".", ""))
        allowed: set[int] = set()
        if not text and low < 0:
            allowed.add(vocab.minus)
        if digits < width + (0 if integer else 3):
            starts = not text or text == "-" or text.endswith(".")
            pool = vocab.digit_start_ids if starts else vocab.digit_more_ids
            allowed |= {t for t in pool if _feasible(text + vocab.text[t], low, high, width)}
        if not integer and text and "." not in text and text[-1].isdigit() and _decimals_fit(text, low, high):
            allowed.add(vocab.dot)  # not "5." where 50 to 90 is asked: no decimal of 5 fits
        value = _as_number(text, integer)
        if value is not None and low <= value <= high:
            allowed |= follow
        token = yield frozenset(allowed)
        if token in follow and value is not None:
            return value, token
        text += "-" if token == vocab.minus else "." if token == vocab.dot else vocab.text[token]


def _feasible(text: str, low: float, high: float, width: int) -> bool:
    """Can this prefix still grow into a number within [low, high]?"""
    negative = text.startswith("-")
    whole, _, decimals = text.lstrip("-").partition(".")
    if not whole.isdigit():
        return True
    prefix = int(whole)
    for extra in range(0 if decimals else 0, max(0, width - len(whole)) + 1):
        if decimals and extra:
            break
        lo, hi = prefix * 10**extra, (prefix + 1) * 10**extra - (1 if not decimals else 0)
        lo, hi = (-hi, -lo) if negative else (lo, hi)
        if hi >= low and lo <= high:
            return True
    return False


def _decimals_fit(whole: str, low: float, high: float) -> bool:
    """Does some number with this whole part and a fraction lie within [low, high]?"""
    value = int(whole)
    lo, hi = (value - 1, value) if whole.startswith("-") else (value, value + 1)
    return hi > low and lo < high


def _as_number(text: str, integer: bool) -> float | int | None:
    try:
        return int(text) if integer else (int(text) if text.lstrip("-").isdigit() else float(text))
    except ValueError:
        return None


def boolean(vocab: Vocab, only: list[bool] | None = None) -> Grammar:
    options = {vocab.encode("true" if v else "false"): v for v in (only or [True, False])}
    return (yield from trie_choice(vocab, options))


# ---- values by schema ------------------------------------------------------------------------

def value_grammar(vocab: Vocab, request: Request, schema: dict[str, Any], follow: frozenset[int],
                  depth: int, alternative: bool = False) -> Grammar:
    """Any value for `schema`. Returns (value, pending token or None). An `alternative`
    of a union spells numbers: its quote would be ambiguous."""
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        if len(options) == 1:  # Optional[X] is X
            return (yield from value_grammar(vocab, request, options[0], follow, depth, alternative))
        return (yield from union(vocab, request, options, follow, depth))
    kind = schema.get("type")
    if "enum" in schema:
        if kind == "string" or all(isinstance(v, str) for v in schema["enum"]):
            return (yield from quoted_enum(vocab, schema["enum"])), None
        options = {(*vocab.encode(str(v).lower()), vocab.quote): v for v in schema["enum"]}
        yield frozenset({vocab.quote})  # non-string enums are quoted too, so none is a prefix
        return (yield from trie_choice(vocab, options)), None
    if kind in ("integer", "number"):
        if request.pointer and not alternative and "enum" not in schema:
            return (yield from pointed_number(vocab, request, schema, follow, kind == "integer"))
        return (yield from number(vocab, schema, follow, integer=kind == "integer"))
    if kind == "boolean":
        return (yield from boolean(vocab, schema.get("x-only"))), None
    if "pattern" in schema:
        if request.pointer and schema["pattern"] in spoken.POINTED_PATTERNS:
            return (yield from pointed_pattern(vocab, request, schema["pattern"])), None
        return (yield from patterned(vocab, schema["pattern"])), None
    # Free text: a span of the request, or (at the top level) a nested call's result.
    nestable = depth < MAX_DEPTH and len(request.calls) < MAX_CALLS - 1
    inner = [vocab.fn_ids[i] for i, spec in request.specs.items()
             if spec.returns.get("type") not in (None, "null") and request.offers(spec)] if nestable else []
    if "x-spans" in schema:  # read from the request ("subject ...", "text Dan ..."): pointed at, not chosen
        spans = {(start, end): request.query[request.offsets[start][0]:request.offsets[end][1]]
                 for start, end in schema["x-spans"]}
        token = yield frozenset({vocab.quote} | (set(inner) if schema.get("x-nestable") else set()))
        if token in vocab.fn_index:  # "text Alex the time": the message is a call's result after all
            return {"$ref": (yield from call_grammar(vocab, request, token, depth + 1))}, None
        return (yield from point_at(vocab, request, spans)), None
    span = span_copy(vocab, request)
    first = next(span)
    token = yield first | frozenset(inner)
    if token in vocab.fn_index:
        call_id = yield from call_grammar(vocab, request, token, depth + 1)
        return {"$ref": call_id}, None
    return (yield from _resume(span, token)), None


def union(vocab: Vocab, request: Request, schemas: list[dict[str, Any]], follow: frozenset[int],
          depth: int) -> Grammar:
    """The first token picks the alternative (e.g. volume_step: a number or "up"/"down")."""
    grammars = [value_grammar(vocab, request, s, follow, depth, alternative=True) for s in schemas]
    firsts = [next(g) for g in grammars]
    token = yield frozenset().union(*firsts)
    chosen = next(g for g, f in zip(grammars, firsts) if token in f)
    return (yield from _resume(chosen, token))


def _resume(grammar: Grammar, token: int) -> Grammar:
    """Continue a started sub-grammar with a token that was already chosen."""
    try:
        allowed = grammar.send(token)
        while True:
            allowed = grammar.send((yield allowed))
    except StopIteration as stop:
        return stop.value


# ---- calls and plans ------------------------------------------------------------------------

# Enum slots that name something in the home: filled only with what the request names.
NAMED_SLOTS = ("name", "area", "floor")


# Home Assistant prefers a match on an entity's whole name over an area and a class
# (its recognizer ranks the name slot first): "turn on the bedroom lamp" is that lamp, not
# the bedroom's lights. A named entity carries no domain or device class, except in a state
# question, whose class says what "open" means ("is the front door open": binary_sensor).
CLASS_SLOTS = ("domain", "device_class")
DURATION_SLOTS = {"hours", "minutes", "seconds"}
START_SLOTS = {"start_hours", "start_minutes", "start_seconds"}  # which timer: "the 10 minute timer"
COMMAND_SLOT = "conversation_command"  # a timer's command to run when it ends (spoken.timer_command)
KEEPS_CLASS_WITH_NAME = ("get_state",)


# A place said after a name, as Home Assistant's "<name> in <area>" templates fill both.
_SAID_AFTER_A_NAME = regex.compile(r"\|\s+(?:on\s+|off\s+)?(?:in|on)\s+(?:the|my|our)\s+\w", regex.I)


def named_values(request: Request, param: str, values: list[Any],
                 properties: dict[str, Any] | None = None) -> list[Any]:
    """The values of a name/area/floor enum the request can mean: those it mentions by
    name or alias ("upstairs"), and the context's area ("in here")."""
    # "the bedroom lamp" names the lamp, not the Bedroom (as Home Assistant ranks a name first)
    if param == "name":
        areas = (properties or {}).get("area", {}).get("enum") or []
        return [v for v in values if spoken.mentions(request.query, str(v), entity=True, areas=areas)]
    said = request.unnamed_query(properties or {})
    aliases = (properties or {}).get(param, {}).get("x-aliases") or {}
    return [v for v in values if spoken.mentions(said, str(v), aliases=aliases.get(v, ()))
            or (param == "area" and request.context.get("area") == v)]


def _keyword(schema: dict[str, Any], key: str) -> Any:
    """A schema keyword, also where an optional argument's schema holds it in an anyOf branch."""
    return schema.get(key) or next((b[key] for b in schema.get("anyOf", []) if key in b), None)


def _as_filled(props: list[tuple[str, dict[str, Any]]], fills: dict[str, Any],
               required: set[str]) -> list[tuple[str, dict[str, Any]]]:
    """The class and state slots after a name, as the entity's "x-slots" say Home Assistant
    fills them: a binary sensor's domain and class (required), its states on/off only."""
    out = []
    for param, schema in props:
        if param in (*CLASS_SLOTS, "state"):
            allowed = fills.get(param)
            if not allowed:  # a slot the entity never fills: not required either ("say it on ...": no state)
                required.discard(param)
                continue
            schema = {**schema, "enum": [v for v in schema.get("enum", []) if v in (
                allowed if isinstance(allowed, list) else [allowed])]}
            if not schema["enum"]:  # "if nobody is home" said a state the Home Forecast never has
                required.discard(param)
                continue
            if param in CLASS_SLOTS:
                required.add(param)
        out.append((param, schema))
    return out


def _contacts(request: Request, properties: dict[str, Any], marked: dict[str, tuple[str, int, int, int]]
              ) -> tuple[dict[str, list[list[int]]], set[str]]:
    """The token spans a contact argument ("x-name-after") may be: the capitalized names
    after its cue words, none of whose words another argument took. Where exactly one is
    said right after the verb, an unmarked message ("x-follows-name") is what follows it,
    up to the clause's end ("text Dan see you soon"), unless the model makes it a call's
    result ("text Alex the time"). Also adds those messages to `marked`; returns the
    spans, and which of those messages may be a call's result instead."""
    if not request.pointer:
        return {}, set()

    def tokens(begin: int, end: int) -> list[int]:
        return [p for p, (a, b) in enumerate(request.offsets) if a < end and b > begin]

    named: dict[str, list[list[int]]] = {}
    read: set[str] = set()
    for param, schema in properties.items():
        cues = _keyword(schema, "x-name-after")
        if not cues or param in marked:
            continue
        spans = [(a, b, direct) for a, b, direct in spoken.contact_spans(request.query, cues)
                 if (t := tokens(a, b)) and not request.taken.intersection(t)]
        if not spans:
            continue
        named[param] = [[(t := tokens(a, b))[0], t[-1]] for a, b, _ in spans]
        message = next((p for p, s in properties.items() if _keyword(s, "x-follows-name") == param), None)
        if message and message not in marked and len(spans) == 1 and spans[0][2] \
                and (rest := spoken.message_after(request.query, spans[0][1])):
            marked[message] = (request.query[rest[0]:rest[1]], rest[0], *rest)
            if spoken.ASKED.match(request.query, rest[0]):  # "text Alex the time": maybe a call's result
                read.add(message)
    return named, read


def follows_name_rule(query: str, calls: list[dict[str, Any]], names: dict[str, list[str]],
                      areas: list[str], context: dict[str, str] | None = None,
                      aliases: dict[str, list[str]] | None = None) -> bool:
    """Would the decode-time grammar allow these home calls' areas and floors, and their
    classes beside a name, and the one entity said by its whole name (see named_values,
    call_grammar)? For training data: a target
    the grammar forbids teaches the model nothing it may say. `names`: kind.function ->
    its name enum; `areas`: the home's area names; `aliases`: an area's or a floor's."""
    for call in calls:
        args = call.get("args", {})
        if not call["function"].startswith("home."):
            continue
        whole = [n for n in names.get(call["function"], []) if spoken.says_whole(query, n)]
        if (call["function"].split(".", 1)[1] not in KEEPS_CLASS_WITH_NAME and len(whole) == 1
                and spoken.one_clause(query) and args.get("name") != whole[0]):
            return False  # "turn off the porch light" is that light, as Home Assistant ranks a whole name first
        unnamed = spoken.without_names(query, [n for n in names.get(call["function"], []) if n not in areas])
        for slot in ("area", "floor"):
            value = args.get(slot)
            if isinstance(value, str) and not (
                    spoken.mentions(unnamed, value, aliases=(aliases or {}).get(value, ()))
                    or (slot == "area" and (context or {}).get("area") == value)):
                return False
        if ("name" in args and set(CLASS_SLOTS) & set(args)
                and call["function"].split(".", 1)[1] not in KEEPS_CLASS_WITH_NAME):
            return False
    return True


def call_grammar(vocab: Vocab, request: Request, fn_token: int, depth: int) -> Grammar:
    """`(name=value, ...)` for one call, in schema order; returns the call's id."""
    spec = request.specs[vocab.fn_index[fn_token]]
    required = set(spec.parameters.get("required", []))
    properties = spec.parameters.get("properties", {})
    keeps_class = spec.name in KEEPS_CLASS_WITH_NAME
    props = []
    stamps = list(request.event or ())  # a calendar event's start and end, read from the request
    marked = spoken.marked_spans(request.query, *spoken.marks_of(properties))
    timer = bool((DURATION_SLOTS | START_SLOTS) & set(properties))
    if COMMAND_SLOT in properties and (command := spoken.timer_command(request.query)):
        begin, end = command  # "turn off the lights in 10 minutes": Home Assistant's delayed command
        marked[COMMAND_SLOT] = (request.query[begin:end], begin, begin, end)
    if timer and "name" in properties and (named := spoken.timer_name(
            request.query, properties.get("area", {}).get("enum") or [])):
        begin, end = named  # "the pizza timer", "a timer for bedtime"
        marked["name"] = (request.query[begin:end], begin, begin, end)
    media = spoken.media_spans(request.query, rooms=properties.get("area", {}).get("enum") or ()) \
        if any(_keyword(s, "x-media") for s in properties.values()) else {}  # "in the bedroom" is a room's
    for param, schema in properties.items():
        if param in marked:
            continue
        if _keyword(schema, "x-event-title") and (at := spoken.event_title(request.query)):
            marked[param] = (request.query[at[0]:at[1]], at[0], *at)  # "put Dentist on my calendar on April 9"
        elif (role := _keyword(schema, "x-media")) and (at := media.get(role)):
            marked[param] = (request.query[at[0]:at[1]], at[0], *at)  # "put The Office on the nest hub from peacock"
    function = vocab.table.functions[vocab.fn_index[fn_token]]
    if not any(c.function == function for c in request.calls):  # "text Jun and Mina: ..." shares its message
        # "email Lisa ... that says bring chips": no other function's call reads those words again
        marked = {p: m for p, m in marked.items() if not request.taken.issuperset(
            t for t, (a, b) in enumerate(request.offsets) if a < m[3] and b > m[2])}
    for _, marker, _, end in marked.values():  # "Leo saying don't wait up" is no contact name
        request.taken |= {p for p, (a, b) in enumerate(request.offsets) if a < end and b > marker}
    contacts, read = _contacts(request, properties, marked)
    # a duration said plainly fills the timer slots as Home Assistant splits it
    parts = spoken.duration_parts(request.query) if DURATION_SLOTS <= set(properties) else None
    # "volume to 20" sets it, "down by 5" changes it: the number a word introduces, and where
    counted = {p: _keyword(s, "x-number-after") for p, s in properties.items() if _keyword(s, "x-number-after")}
    numbers = spoken.numbers_after(request.query, counted, {p: _keyword(properties[p], "x-negative") or []
                                                            for p in counted}) if counted else {}
    # "up by 5 to 20": which one is not for a reader; nor "mute the car and raise the windows to 90%"
    numbers = numbers if len(numbers) == 1 and spoken.one_clause(request.query) else {}
    worded: set[str] = set()
    placed = False  # the area or floor is required because the request says it
    for param, schema in properties.items():
        if numbers and param in counted:
            if param not in numbers:
                continue  # the number said is another argument's
            schema = {"type": "integer", "minimum": numbers[param], "maximum": numbers[param]}
            required.add(param)
        elif parts is not None and param in DURATION_SLOTS | START_SLOTS:
            if param not in parts:  # the one duration said is the amount, not which timer
                continue
            schema = {**schema, "minimum": parts[param], "maximum": parts[param]}
            required.add(param)
        elif param in marked:  # introduced by its marker ("subject ...", "saying ..."): read, not guessed
            value, _, begin, end = marked[param]
            tokens = [p for p, (a, b) in enumerate(request.offsets) if a < end and b > begin]
            schema = ({"type": "string", "x-spans": [[tokens[0], tokens[-1]]], "x-nestable": param in read}
                      if request.pointer and tokens else {"type": "string", "enum": [value]})
            if param == COMMAND_SLOT or (timer and param == "name"):  # Home Assistant fills it whenever said
                required.add(param)
        elif param in contacts:  # "text Ray the garage is shut": Ray, as written
            schema = {"type": "string", "x-spans": contacts[param]}
        elif param == COMMAND_SLOT or (timer and param == "name"):
            continue  # no "<command> in <duration>", no "the pizza timer": the request says none
        elif param in START_SLOTS and not spoken.says_duration(request.query):
            continue  # "my timer": no duration tells which timer
        elif "x-units" in schema and (amount := spoken.measured(request.query, schema["x-units"])) is not None \
                and schema.get("minimum", amount) <= amount <= schema.get("maximum", amount):
            schema = {**schema, "minimum": amount, "maximum": amount}  # "3 centimeters" is 30 (mm)
            required.add(param)
        elif "x-units" in schema and amount is not None and param not in spec.parameters.get("required", []):
            continue  # "wait up to 3 minutes" where 2 is the most: left to its default, not read as 3
        elif schema.get("x-said") and not request.says_value(schema):
            continue  # no number said: none is made up
        elif "x-words" in schema:
            worded.add(param)  # resolved once reachable, against the words no span took
        elif any("x-words" in option for option in schema.get("anyOf", [])):
            # "turn up the speaker": of a union's worded values (volume_step "up"/"down"), those
            # said; and no number where the request says none
            schema = {**schema, "anyOf": [{**o, "enum": spoken.said_values(request.query, o) or o["enum"]}
                                          if "x-words" in o else o for o in schema["anyOf"]
                                          if "x-words" in o or request.numbers or o.get("type") not in ("integer", "number")]}
        elif _pattern_of(schema) == spoken.STAMP_PATTERN and stamps:
            schema = {"type": "string", "enum": [stamps.pop(0)]}
        elif param in NAMED_SLOTS and schema.get("enum"):
            named = named_values(request, param, schema["enum"], properties)
            if param == "area" and request.context.get("area") in named and spoken.HERE.search(request.query):
                named = [request.context["area"]]  # "in here": the asking device's area, as Home Assistant fills it
                required.add(param)
                placed = True
            elif param in ("area", "floor") and len(named) == 1 and spoken.one_clause(request.query) and not (
                    named[0] == request.context.get("area") and not spoken.mentions(request.unnamed_query(properties),
                                                                                    named[0])):
                required.add(param)  # "the lights in the kids room": Home Assistant fills the place said, not the context's
                # "the night light in the kids room": with a name too, when said after it
                placed = placed or not _SAID_AFTER_A_NAME.search(request.unnamed_query(properties))
            if not named and param not in required:
                continue  # the request names none: the argument is left out
            # "is the front door open", "turn off the porch light": Home Assistant ranks the one
            # entity said by its whole name first (in a clause of its own: clause planning splits the rest)
            if param == "name" and (len(named) == 1 if keeps_class else spoken.one_clause(request.query)) \
                    and len(whole := [n for n in named if spoken.says_whole(request.query, n)]) == 1:
                required.add(param)
                named = whole
            schema = {**schema, "enum": named or schema["enum"]}
        props.append((param, schema))
    one_of = [g.get("required", []) for g in spec.parameters.get("anyOf", [])]
    args: dict[str, Any] = {}
    yield frozenset({vocab.lparen})
    index = 0
    token: int | None = None
    while True:
        reachable: list[int] = []  # params that may come next: up to the next required one
        j = index
        while j < len(props):
            param, schema = props[j]
            if param in worded:  # said in words ("selfie", "on foot"): then it must be one of
                worded.discard(param)  # those; if none is said, its default applies
                said = spoken.said_values(request.untaken_query(), schema)
                if said and schema.get("type") == "boolean":
                    props[j] = (param, {**schema, "x-only": said})  # "turn do not disturb on": true
                    required.add(param)
                elif said:
                    props[j] = (param, {**schema, "enum": said})
                    required.add(param)
                elif "default" in schema:
                    del props[j]
                    continue
            reachable.append(j)
            if param in required:
                break
            j += 1
        # of "one of these" groups (light_set: brightness, colour or temperature), one still possible is filled
        groups = [g for g in one_of if all(name in args or any(p == name for p, _ in props[index:]) for name in g)]
        can_close = all(name in args for name in required) and \
            (not groups or any(all(name in args for name in g) for g in groups))
        if args:  # after a value: "," or ")"
            allowed = ({vocab.comma} if reachable else set()) | ({vocab.rparen} if can_close else set())
            token = token if token is not None else (yield frozenset(allowed))
            if token == vocab.rparen:
                break
            token = None
        names = {(*vocab.encode(props[j][0]), vocab.eq): j for j in reachable}
        if not args and can_close:
            names[(vocab.rparen,)] = -1
        if not names:
            raise ValueError(f"{spec.name}: no argument can follow")
        j = yield from trie_choice(vocab, names)
        if j == -1:
            break
        name, schema = props[j]
        more = j + 1 < len(props)
        closes = all(r in args or r == name for r in required)
        follow = frozenset(({vocab.comma} if more else set()) | ({vocab.rparen} if closes else set()))
        value, token = yield from value_grammar(vocab, request, schema, follow, depth)
        args[name] = value
        index = j + 1
        if name == "name" and placed:  # "the tv in here" is named: the place may stay unsaid
            required -= {"area", "floor"}
        if name == "name" and not keeps_class:  # a named entity needs no class
            props = props[:index] + [p for p in props[index:] if p[0] not in CLASS_SLOTS]
        elif name == "name" and (fills := schema.get("x-slots", {}).get(value)) is not None:
            props = props[:index] + _as_filled(props[index:], fills, required)  # "is the front door open"
    if "name" in args and not keeps_class:  # a class chosen before the name (light_set's domain)
        args = {k: v for k, v in args.items() if k not in CLASS_SLOTS}
    call_id = f"c{len(request.calls) + 1}"
    request.calls.append(PlannedCall(id=call_id, function=vocab.table.functions[vocab.fn_index[fn_token]],
                                     args=args))
    return call_id


def plan_grammar(vocab: Vocab, request: Request) -> Grammar:
    """A whole answer: no call, or calls separated by ';', then <fn_end>. Returns a Plan."""
    live = frozenset(vocab.fn_ids[i] for i, spec in request.specs.items() if request.offers(spec))
    token = yield live | {vocab.fn_none}
    if token == vocab.fn_none:
        yield frozenset({vocab.fn_end})
        return Plan(calls=[])
    while True:
        yield from call_grammar(vocab, request, token, depth=0)
        more = {vocab.semi} if len(request.calls) < MAX_CALLS else set()
        token = yield frozenset(more | {vocab.fn_end})
        if token == vocab.fn_end:
            return Plan(calls=without_repeats(request.calls))
        # asked again: a value an earlier call took may have been the only one (an alarm's time)
        token = yield frozenset(vocab.fn_ids[i] for i, spec in request.specs.items() if request.offers(spec))


def without_repeats(calls: list[PlannedCall]) -> list[PlannedCall]:
    """A call the same as an earlier one (function and arguments, refs resolved) is
    dropped: doing a thing twice is never what a request means, and a small model
    sometimes writes one call twice. Refs to a dropped call go to the one kept."""
    kept: list[PlannedCall] = []
    seen: dict[str, str] = {}  # identity -> kept id
    alias: dict[str, str] = {}  # dropped or renumbered id -> new id
    for call in calls:
        args = {k: ({"$ref": alias[v["$ref"]]} if isinstance(v, dict) and "$ref" in v else v)
                for k, v in call.args.items()}
        identity = json.dumps([call.function, args], sort_keys=True, default=str)
        if identity in seen:
            alias[call.id] = seen[identity]
            continue
        new_id = f"c{len(kept) + 1}"
        alias[call.id] = seen[identity] = new_id
        kept.append(PlannedCall(id=new_id, function=call.function, args=args))
    return kept


# ---- training targets --------------------------------------------------------------------------

def free_text_params(specs: dict[str, FunctionSpec]) -> set[tuple[str, str]]:
    """(kind.function, param) pairs whose values are spans copied from the request."""
    out = set()
    for name, spec in specs.items():
        for param, schema in spec.parameters.get("properties", {}).items():
            if schema.get("type") == "string" and "enum" not in schema and "pattern" not in schema:
                out.add((name, param))
    return out


NUMBER = "number"


def pointed_params(specs: dict[str, FunctionSpec]) -> dict[tuple[str, str], str]:
    """(kind.function, param) -> NUMBER or a pattern (phone numbers, times): the values
    pointed at in the request when it says them. A number that is one alternative of
    several (volume_step: a number or "up"/"down") is always spelled."""
    out = {}
    for name, spec in specs.items():
        for param, schema in spec.parameters.get("properties", {}).items():
            options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
            schema = options[0] if len(options) == 1 else schema
            if schema.get("type") in ("integer", "number") and "enum" not in schema:
                out[(name, param)] = NUMBER
            elif schema.get("pattern") in spoken.POINTED_PATTERNS:
                out[(name, param)] = schema["pattern"]
    return out


def _number_words(request: Request, index: int, param: str) -> dict[str, float]:
    """A number parameter's "x-number-words" in the request's live spec, if any."""
    spec = request.specs.get(index)
    schema = spec.parameters.get("properties", {}).get(param, {}) if spec else {}
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return (options[0] if len(options) == 1 else schema).get("x-number-words") or {}


def answer_ids(vocab: Vocab, calls: list[dict[str, Any]], table: FunctionTable,
               spans: list[tuple[int, list[int], tuple[int, int] | None]] | None = None,
               free_text: set[tuple[str, str]] | None = None,
               request: Request | None = None,
               pointed_kinds: dict[tuple[str, str], str] | None = None) -> list[int]:
    """The token ids the grammar accepts for these Plan calls (the training target).

    When `spans` is given, each free-text value is recorded in it as (index of its first
    token in the answer, its tokens, its request position if known), so training can
    teach the pointer where it is. With the `request`, a number or phone number that the
    request says is pointed at too, for the parameters in `pointed_kinds` (see
    pointed_params): "seventy seven" for 77, "(917) 555-0108" for "+19175550108"."""
    taken: set[int] = set()  # request positions already pointed at: as the grammar's Request.taken
    pointing = request is not None and spans is not None

    def said(found: dict[tuple[int, int], Any], value: Any) -> tuple[int, int] | None:
        """The request's words for this value: the earliest, longest free span."""
        matches = [k for k, v in found.items() if v == value and not taken.intersection(range(k[0], k[1] + 1))]
        return min(matches, key=lambda k: (k[0], -k[1])) if pointing and matches else None

    def copied(tokens: list[int]) -> tuple[int, int] | None:
        """Where the request says this free text: its first occurrence in free positions."""
        assert request is not None
        ids = request.query_ids
        for p in range(len(ids) - len(tokens) + 1):
            if tokens and ids[p:p + len(tokens)] == tokens and not taken.intersection(range(p, p + len(tokens))):
                return p, p + len(tokens) - 1
        return None

    def pointed(at: int, where: tuple[int, int]) -> list[int]:
        assert request is not None and spans is not None
        tokens = request.query_ids[where[0]:where[1] + 1]
        spans.append((at + 1, tokens, where))
        taken.update(range(where[0], where[1] + 1))
        return [vocab.quote, *tokens, vocab.quote]

    if not calls:
        return [vocab.fn_none, vocab.fn_end]
    by_id = {c["id"]: c for c in calls}
    inner = {v["$ref"] for c in calls for v in c["args"].values() if isinstance(v, dict) and "$ref" in v}
    pointed_kinds = pointed_kinds or {}

    def one(call: dict[str, Any], at: int) -> list[int]:
        """The call's tokens, which will start at index `at` of the answer."""
        index = table.index(call["function"])
        out = [vocab.fn_ids[index], vocab.lparen]
        for n, name in enumerate(p for p in table.parameters[index] if p in call["args"]):
            value = call["args"][name]
            kind = pointed_kinds.get((call["function"], name))
            out += ([vocab.comma] if n else []) + list(vocab.encode(name)) + [vocab.eq]
            if isinstance(value, dict) and "$ref" in value:
                out += one(by_id[value["$ref"]], at + len(out))
            elif isinstance(value, bool):
                out += list(vocab.encode("true" if value else "false"))
            elif isinstance(value, (int, float)):
                where = said(request.numbers, abs(value)) if request and kind == NUMBER else None
                if where is None and request and kind == NUMBER and (words := _number_words(request, index, name)):
                    # "honk twice", "brightness to max": the words the grammar points at for it
                    where = said(spoken.named_number_spans(request.query, request.offsets, words), value)
                sign = [vocab.minus] if where and value < 0 else []
                out += sign + (pointed(at + len(out) + len(sign), where) if where
                               else list(vocab.encode(_number_text(value))))
            elif request and kind and kind != NUMBER and (where := said(request.said(kind), value)):
                out += pointed(at + len(out), where)
            else:
                tokens = list(vocab.encode(str(value)))
                if spans is not None and free_text is not None and (call["function"], name) in free_text:
                    where = copied(tokens) if pointing else None
                    if where is not None:
                        taken.update(range(where[0], where[1] + 1))
                    spans.append((at + len(out) + 1, tokens, where))
                out += [vocab.quote, *tokens, vocab.quote]
        return out + [vocab.rparen]

    ids: list[int] = []
    for call in (c for c in calls if c["id"] not in inner):
        if ids:
            ids.append(vocab.semi)
        ids += one(call, len(ids))
    return ids + [vocab.fn_end]


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
