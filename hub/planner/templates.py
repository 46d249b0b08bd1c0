"""Training examples from the hassil-style templates adapters put in `@function(examples=...)`.

Template syntax (Home Assistant's hassil): `(a|b)` alternatives, `[optional words]`,
`a;b` permutations, `{param}` slots (a parameter name or a pseudo-slot that
hub/planner/values.py documents). A template may end in ` => key=value, key=value` to fix
arguments the words imply but no slot carries (values parsed as JSON where possible,
else kept as strings): `"(take|snap) a selfie => camera=front"`.

    expand(rng, template)                    one random wording, slots kept as "{slot}"
    function_examples(rng, kind, spec, n)    n Examples for one function
    augment(rng, text, protected)            typing noise that never touches `protected`

Everything random comes from the `rng` passed in, so a seed reproduces the data.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jsonschema
import structlog
from hassil.expression import (
    Alternative,
    Expression,
    Group,
    ListReference,
    Permutation,
    RuleReference,
    TextChunk,
)
from hassil.parse_expression import parse_sentence

from hub.planner import values
from hub.planner.spoken import IMPERATIVE_VERBS
from hub.planner.examples import Example
from protocols import FunctionSpec

log = structlog.get_logger("octohub.planner.templates")

SLOT_RE = re.compile(r"\{(\w+)\}")
OPTIONAL_P = 0.5  # chance an [optional] part is said
LOWERCASE_ALL_P = 0.12  # chance a whole request (and the spans it carries) is lower case
MAX_REDRAWS = 50


# ---- parsing ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Template:
    source: str  # the template as written
    body: str  # without the "=> ..." part
    expression: Expression
    fixed: dict[str, Any] = field(default_factory=dict)


def _fixed_value(raw: str) -> Any:
    raw = raw.strip()
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def split_fixed(template: str) -> tuple[str, dict[str, Any]]:
    """"take a selfie => camera=front" -> ("take a selfie", {"camera": "front"})."""
    body, arrow, tail = template.partition("=>")
    fixed: dict[str, Any] = {}
    if arrow:
        for part in tail.split(","):
            if not part.strip():
                continue
            key, eq, raw = part.partition("=")
            if not eq or not key.strip():
                raise ValueError(f"bad fixed argument {part.strip()!r} in {template!r}")
            fixed[key.strip()] = _fixed_value(raw)
    return body.strip(), fixed


@lru_cache(maxsize=4096)
def parse_template(template: str) -> Template:
    body, fixed = split_fixed(template)
    sentence = parse_sentence(body)
    return Template(source=template, body=body, expression=sentence.expression, fixed=fixed)


# ---- expansion -------------------------------------------------------------------------------

def _walk(rng: random.Random, expr: Expression, out: list[str]) -> None:
    if isinstance(expr, TextChunk):
        out.append(expr.original_text)
    elif isinstance(expr, ListReference):
        out.append("{" + expr.slot_name + "}")
    elif isinstance(expr, Alternative):
        if expr.is_optional:
            said = [item for item in expr.items
                    if not (isinstance(item, TextChunk) and item.is_empty)]
            if said and rng.random() < OPTIONAL_P:
                _walk(rng, rng.choice(said), out)
        elif expr.items:
            _walk(rng, rng.choice(expr.items), out)
    elif isinstance(expr, Permutation):
        items = list(expr.items)
        rng.shuffle(items)
        for item in items:
            _walk(rng, item, out)
    elif isinstance(expr, Group):  # Sequence
        for item in expr.items:
            _walk(rng, item, out)
    elif isinstance(expr, RuleReference):
        raise ValueError(f"<{expr.rule_name}> rules are not supported in device templates")
    else:  # pragma: no cover - hassil added a node type
        raise TypeError(f"unknown template node {type(expr).__name__}")


def tidy(text: str) -> str:
    """Collapse the spaces that skipped optionals leave, and none before punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ([,.?!:;])", r"\1", text)
    return re.sub(r"([,:])(?=[,.?!])", "", text)


def expand(rng: random.Random, template: str) -> str:
    """One random wording of a template; slots stay as "{slot}" placeholders.

    The "=> key=value" part, if any, is not part of the wording (see split_fixed)."""
    out: list[str] = []
    _walk(rng, parse_template(template).expression, out)
    return tidy("".join(out))


def template_slots(template: str) -> list[str]:
    """Every slot a template can use, in order of first appearance."""
    names: list[str] = []

    def visit(expr: Expression) -> None:
        if isinstance(expr, ListReference):
            if expr.slot_name not in names:
                names.append(expr.slot_name)
        elif isinstance(expr, Group):
            for item in expr.items:
                visit(item)

    visit(parse_template(template).expression)
    return names


# ---- fallback templates ----------------------------------------------------------------------

def _imperative(verb: str) -> str:
    """"Sets" -> "set", "Checks" -> "check", "Carries" -> "carry", "Passes" -> "pass"."""
    v = verb.lower()
    if v.endswith("ies") and len(v) > 4:
        return v[:-3] + "y"
    if re.search(r"(ches|shes|sses|xes|zzes)$", v):
        return v[:-2]
    if v.endswith("s") and not v.endswith("ss"):
        return v[:-1]
    return v


def fallback_templates(spec: FunctionSpec) -> list[str]:
    """Plain templates from the description, for an adapter that wrote none."""
    desc = re.sub(r"[()\[\]{}<>|;=]", " ", spec.description).strip().rstrip(".").strip()
    desc = desc or spec.name.replace("_", " ")
    verb, _, rest = desc.partition(" ")
    phrase = f"{_imperative(verb)} {rest}".strip().lower()
    props = spec.parameters.get("properties", {})
    required = set(spec.parameters.get("required", []))
    parts = []
    for param, schema in props.items():
        words = param.replace("_", " ")
        kind = values._non_null(schema).get("type")
        piece = f"with {words} set to {{{param}}}" if kind == "boolean" \
            else f"(with|and) {words} {{{param}}}"
        parts.append(f" {piece}" if param in required else f" [{piece}]")
    slots = "".join(parts)
    return [f"[please|can you|could you] {phrase}{slots}",
            f"I (want|need) to {phrase}{slots}",
            f"{phrase}{slots} [please]"]


def template_problems(spec: FunctionSpec) -> list[str]:
    """Static checks of a spec's templates: parse errors, unknown slots or fixed keys."""
    problems: list[str] = []
    props = spec.parameters.get("properties", {})
    for template in spec.examples:
        try:
            parsed = parse_template(template)
            for slot in template_slots(template):
                values.slot_params(slot, spec.parameters)
        except Exception as exc:  # noqa: BLE001 - report every kind of template error
            problems.append(f"{spec.name}: {template!r}: {exc}")
            continue
        for key in parsed.fixed:
            if key not in props:
                problems.append(f"{spec.name}: {template!r}: fixed {key!r} is no parameter")
    return problems


# ---- examples --------------------------------------------------------------------------------

def _lowercase_all(query: str, args: dict[str, Any], texts: dict[str, str],
                   slot_to_param: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """Lower-case the request and, so the planner can still copy them, the spans it carries."""
    args = dict(args)
    for slot, text in texts.items():
        param = slot_to_param.get(slot)
        if param and isinstance(args.get(param), str) and args[param] == text:
            args[param] = text.lower()
    return query.lower(), args


def fill(skeleton: str, texts: dict[str, str]) -> str:
    """Put slot texts in; a value that ends a sentence ("Dinner on Friday?") swallows the
    template's own "." or "," right after it."""
    out: list[str] = []
    last = 0
    for m in SLOT_RE.finditer(skeleton):
        out.append(skeleton[last:m.start()])
        value = texts[m.group(1)]
        out.append(value)
        last = m.end()
        if value and value[-1] in ".?!" and skeleton[last:last + 1] in (".", ","):
            last += 1
    out.append(skeleton[last:])
    return "".join(out)


def function_examples(rng: random.Random, kind: str, spec: FunctionSpec,
                      n: int) -> list[Example]:
    """n examples of `kind.spec.name`, each one request and the single call that serves it.

    Args carry only what the request states (template slots and `=>` fixed values); what it
    leaves out is left to the function's defaults."""
    function = f"{kind}.{spec.name}"
    templates = _usable(spec)
    validator = jsonschema.Draft202012Validator(spec.parameters)
    examples: list[Example] = []
    redraws = 0
    while len(examples) < n:
        index, template = templates[rng.randrange(len(templates))]
        skeleton = expand(rng, template.source)
        slots = list(dict.fromkeys(SLOT_RE.findall(skeleton)))
        texts, args, context = values.sample_slots(rng, spec.name, slots, spec.parameters)
        args = {**template.fixed, **args}
        errors = list(validator.iter_errors(args))
        if errors:  # a template that cannot say everything the function needs: drop it
            redraws += 1
            log.warning("templates.invalid_args", function=function, template=template.source,
                        error=errors[0].message)
            if redraws > MAX_REDRAWS:
                raise ValueError(f"{function}: templates keep producing invalid args: "
                                 f"{template.source!r}: {errors[0].message}")
            templates = [t for t in templates if t[1] is not template] or [
                (-1 - i, parse_template(t)) for i, t in enumerate(fallback_templates(spec))]
            continue
        query = fill(skeleton, texts)
        query = augment(rng, query, [texts[s] for s in slots])
        if rng.random() < LOWERCASE_ALL_P:
            slot_to_param = {s: values.slot_params(s, spec.parameters)[0] for s in slots}
            query, args = _lowercase_all(query, args, texts, slot_to_param)
        examples.append(Example(
            query=query, calls=[{"id": "c1", "function": function, "args": args}],
            context=dict(context), source=f"template:{function}#{index}"))
    return examples


def _usable(spec: FunctionSpec) -> list[tuple[int, Template]]:
    """(index in spec.examples, parsed template) of each template that can be used."""
    usable: list[tuple[int, Template]] = []
    for index, template in enumerate(spec.examples):
        try:
            parsed = parse_template(template)
            for slot in template_slots(template):
                values.slot_params(slot, spec.parameters)
        except Exception as exc:  # noqa: BLE001 - skip it, say why
            log.warning("templates.unusable", function=spec.name, template=template,
                        error=str(exc))
            continue
        usable.append((index, parsed))
    if not usable:
        usable = [(-1 - i, parse_template(t)) for i, t in enumerate(fallback_templates(spec))]
    return usable


# ---- augmentation ----------------------------------------------------------------------------

PREFIXES = ["hey", "hey,", "hey there,", "ok", "okay,", "ok so", "so", "um", "uh", "um,",
            "hi", "yo", "alright,", "quick one,", "oh and", "hmm,"]
POLITE_PREFIXES = ["please", "please,", "hey, please", "ok please"]  # before imperatives only
MODAL_PREFIXES = ["can you", "could you", "would you", "can you please", "could you please",
                  "will you", "please", "I need you to", "go ahead and"]
SUFFIXES = ["please", "thanks", "thank you", "for me", "real quick", "now", "right now",
            "asap", "thx", "pls", "if you can", "when you get a chance"]
TAIL_SUFFIXES = [", please", ", thanks", ", thank you", ". thanks", ", thx"]
QUESTION_STARTS = {"can", "could", "would", "will", "what", "what's", "whats", "how", "how's",
                   "is", "are", "do", "does", "did", "where", "when", "who", "any", "should",
                   "may", "was", "which", "hows"}
CONTRACTIONS = [
    (r"\bI am\b", "I'm"), (r"\bI would\b", "I'd"), (r"\bI will\b", "I'll"),
    (r"\bI have\b(?= been)", "I've"), (r"\bdo not\b(?! disturb)", "don't"),
    (r"\bdoes not\b", "doesn't"),
    (r"\bis not\b", "isn't"), (r"\bcannot\b", "can't"), (r"\bcan not\b", "can't"),
    (r"\bit is\b", "it's"), (r"\bwhat is\b", "what's"), (r"\bthat is\b", "that's"),
    (r"\blet us\b", "let's"), (r"\byou are\b", "you're"), (r"\bwe are\b", "we're"),
    (r"\bthere is\b", "there's"), (r"\bhow is\b", "how's"), (r"\bwhere is\b", "where's"),
    (r"\bwill not\b", "won't"), (r"\bgoing to\b", "gonna"), (r"\bwant to\b", "wanna"),
]
EXPANSIONS = [
    (r"\bI'm\b", "I am"), (r"\bI'd\b", "I would"), (r"\bwhat's\b", "what is"),
    (r"\bit's\b", "it is"), (r"\bdon't\b", "do not"), (r"\bhow's\b", "how is"),
    (r"\bcan't\b", "cannot"),
]
SLOPPY = [  # apostrophes dropped while typing
    (r"\bI'm\b", "im"), (r"\bdon't\b", "dont"), (r"\bwhat's\b", "whats"), (r"\bcan't\b", "cant"),
    (r"\bit's\b", "its"), (r"\bI'd\b", "id"), (r"\bhow's\b", "hows"), (r"\bthat's\b", "thats"),
    (r"\bdoesn't\b", "doesnt"), (r"\bI'll\b", "ill"),
]


def _spans(text: str, protected: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for p in protected:
        if p:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(p), text, re.I)]
    return spans


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in spans)


def _match_case(found: str, repl: str) -> str:
    if found[:1].isupper() and repl[:1].islower():
        return repl[0].upper() + repl[1:]
    if found[:1].islower() and repl[:1].isupper() and not repl.startswith("I"):
        return repl[0].lower() + repl[1:]
    return repl


def _rewrite(rng: random.Random, text: str, protected: list[str],
             rules: list[tuple[str, str]], p: float) -> str:
    """Apply each rule's replacement with probability p at each unprotected match."""
    for pattern, repl in rules:
        spans = _spans(text, protected)
        pieces: list[str] = []
        last = 0
        for m in re.finditer(pattern, text, re.I):
            if _free(spans, m.start(), m.end()) and rng.random() < p:
                pieces += [text[last:m.start()], _match_case(m.group(0), repl)]
                last = m.end()
        if pieces:
            text = "".join(pieces) + text[last:]
    return text


def _typo(rng: random.Random, text: str, protected: list[str]) -> str:
    spans = _spans(text, protected)
    words = [m for m in re.finditer(r"\b[a-zA-Z]{4,}\b", text) if _free(spans, m.start(), m.end())]
    if not words:
        return text
    m = rng.choice(words)
    w = m.group(0)
    i = rng.randrange(1, len(w) - 1)
    op = rng.choice(["swap", "drop", "double"])
    if op == "swap":
        typo = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif op == "drop":
        typo = w[:i] + w[i + 1:]
    else:
        typo = w[:i] + w[i] + w[i:]
    return text[:m.start()] + typo + text[m.end():]


def _first_word(text: str) -> str:
    m = re.match(r"[\w']+", text)
    return m.group(0).lower() if m else ""


def _ends_protected(text: str, protected: list[str]) -> bool:
    return any(end >= len(text.rstrip()) for _, end in _spans(text, protected))


def _starts_protected(text: str, protected: list[str]) -> bool:
    return any(start == 0 for start, _ in _spans(text, protected))


def _lower_outside(text: str, protected: list[str]) -> str:
    spans = sorted(_spans(text, protected))
    out, last = [], 0
    for a, b in spans:
        if a < last:
            continue
        out += [text[last:a].lower(), text[a:b]]
        last = b
    return "".join(out) + text[last:].lower()


def augment(rng: random.Random, text: str, protected: list[str]) -> str:
    """Realistic noise, each kind with modest probability; `protected` spans stay verbatim.

    Fillers and politeness before or after, contractions (and their undoing, and dropped
    apostrophes), one typo outside the protected spans, lower case, final punctuation
    dropped or "?"/"!"/"." added."""
    protected = [p for p in protected if p]
    first = _first_word(text)
    question = first in QUESTION_STARTS
    imperative = first in IMPERATIVE_VERBS \
        and not _starts_protected(text, protected)

    r = rng.random()
    if r < 0.25:
        text = _rewrite(rng, text, protected, CONTRACTIONS, 0.7)
    elif r < 0.32:
        text = _rewrite(rng, text, protected, EXPANSIONS, 0.7)
    if rng.random() < 0.08:
        text = _rewrite(rng, text, protected, SLOPPY, 0.8)
    if rng.random() < 0.08:
        text = _typo(rng, text, protected)

    # A trailing punctuation mark that is ours (not the end of a message) moves to the end.
    punct = ""
    if text and text[-1] in ".?!" and not _ends_protected(text, protected):
        punct, text = text[-1], text[:-1].rstrip()

    r = rng.random()
    if r < 0.12 and imperative:
        text = f"{rng.choice(MODAL_PREFIXES)} {text[0].lower()}{text[1:]}"
        question = not text.startswith(("please", "I need", "go ahead"))
    elif r < 0.3:
        prefix = rng.choice(PREFIXES + POLITE_PREFIXES if imperative else PREFIXES)
        if _first_word(prefix) != first:  # no "please please ..."
            head = text if _starts_protected(text, protected) or text.startswith("I ") \
                else text[0].lower() + text[1:]
            text = f"{prefix} {head}"
    if rng.random() < 0.15:
        if _ends_protected(text, protected):
            tail = rng.choice(TAIL_SUFFIXES)
            text += " " + tail.lstrip(",. ") if text[-1] in ".?!" else tail
        else:
            suffix = rng.choice(SUFFIXES)
            last = re.findall(r"[\w']+", text.lower())[-1:]
            if last != [_first_word(suffix)]:  # no "... please please"
                text += rng.choice([" ", " ", ", "]) + suffix

    r = rng.random()
    if r < 0.12:
        text = _lower_outside(text, protected)
    elif r < 0.5 and text[:1].islower() and not _starts_protected(text, protected):
        text = text[0].upper() + text[1:]

    if punct and rng.random() < 0.7:
        text += punct
    elif not punct and not (text and text[-1] in ".?!"):
        r = rng.random()
        if r < 0.3:
            text += "?" if question else "."
        elif r < 0.36:
            text += "!"
        elif r < 0.38 and question:
            text += "??"
    return text
