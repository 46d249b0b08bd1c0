"""Numbers and phone numbers as people say them, read back into canonical values.

The planner points at the words ("seventy seven", "917 555 0108") instead of spelling a
value digit by digit: WordPiece splits digit runs unpredictably, and a small decoder
turns "seventy seven" into 71 as easily as into 77. These parsers give the value.

A span is a run of request tokens (start, end inclusive) that begins and ends on a
word boundary, so "5cm" offers no "5" and "20%" offers "20".
"""
from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta
from collections.abc import Callable, Sequence
from typing import Any

from text_to_num import text2num

E164_PATTERN = r"^\+[1-9]\d{6,14}$"
HHMM_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"
EMAIL_PATTERN = r"^[\w.+'-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}$"
POINTED_PATTERNS = (E164_PATTERN, HHMM_PATTERN, EMAIL_PATTERN)  # string formats we read from the request
ONLY_POINTED = (EMAIL_PATTERN, E164_PATTERN)  # never spelled: a request that says none cannot fill it
MAX_NUMBER_TOKENS = 8
MAX_PHONE_TOKENS = 24

DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
               "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
NUMBER_WORDS = {*DIGIT_WORDS, "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
                "seventy", "eighty", "ninety", "hundred", "thousand", "and", "point", "minus"}
_NUMBERISH = re.compile(r"^([0-9]+|[.,\-]|[a-z]+)$", re.I)


def _foreign_digits(text: str) -> bool:
    """Digits of other scripts ("٥", "²") are not read as values: say no rather than guess."""
    return any(c.isdigit() and not c.isascii() for c in text)


def parse_number(text: str) -> float | None:
    """"77", "21.5", "1,000", "seventy seven", "twenty-one", "two hundred and five",
    "nineteen and a half"."""
    text = text.strip()
    if _foreign_digits(text):
        return None
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?|[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", text):  # commas only between thousands
        return float(text.replace(",", ""))
    words = text.lower().replace("-", " ").split()
    if len(words) > 3 and words[-3:] == ["and", "a", "half"]:  # "nineteen and a half"
        whole = parse_number(" ".join(words[:-3]))
        return None if whole is None else whole + 0.5
    if not words or any(w not in NUMBER_WORDS for w in words) or words[0] in ("and", "oh", "o"):
        return None
    if "point" in words:  # "twenty one point five"
        at = words.index("point")
        whole, decimals = words[:at], words[at + 1:]
        if not whole or not decimals or any(w not in DIGIT_WORDS for w in decimals):
            return None
        head = _words_value(whole)
        return None if head is None else float(f"{int(head)}.{''.join(DIGIT_WORDS[w] for w in decimals)}")
    return _words_value(words)


def _words_value(words: list[str]) -> float | None:
    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def parse_phone(text: str) -> str | None:
    """E.164 from a written or spoken number: "(917) 555-0108", "+44 (0)20 7946 0018",
    "0044 20 ...", "seven five four two oh ..."; ten digits without a country code are
    North American (+1), as a US phone would dial them."""
    if _foreign_digits(text):
        return None
    text = text.lower().replace("(0)", " ")
    plus = text.lstrip().startswith(("+", "plus"))
    digits = ""
    for word in re.findall(r"[0-9]+|[a-z]+|\+", text):
        if word.isdigit():
            digits += word
        elif word in DIGIT_WORDS and word != "o":
            digits += DIGIT_WORDS[word]
        elif word not in ("+", "plus"):
            return None
    if not plus and digits.startswith("00"):
        digits, plus = digits[2:], True
    if not plus:
        if len(digits) == 10:
            digits = "1" + digits
        elif not (len(digits) == 11 and digits.startswith("1")):
            return None
    if not re.fullmatch(r"[1-9][0-9]{6,14}", digits):
        return None
    return "+" + digits


APOSTROPHES = "'\u2019"


_CAPITALIZED = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)+")


def capitalized_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of two or more capitalized words mid-sentence ("Lake
    Placid", "Bose SoundLink Flex"), without a possessive's "'s" at its end, and cut
    before "I" forms and the words that open a message ("Maya I'm home", "Olga Hi")."""
    runs = []
    for m in _CAPITALIZED.finditer(text):
        words = list(re.finditer(r"\S+", m.group()))
        end = m.end()
        for w in words[1:]:
            word = w.group().lower().replace("’", "'")
            if word in ("i", "i'm", "i'll", "i've", "i'd") or word in _OPENERS:
                end = m.start() + w.start() - 1
                break
        end -= 2 if text[end - 2:end] in ("'s", "’s") else 0
        if len(text[m.start():end].split()) >= 2:
            runs.append((m.start(), end))
    return runs


def word_bounds(text: str, offsets: Sequence[tuple[int, int]]) -> tuple[list[bool], list[bool]]:
    """May a span start / end at each token? Not inside a word ("5cm", "##7", "don't")."""
    def glued(at: int) -> bool:
        if not 0 < at < len(text):
            return False
        before, after = text[at - 1], text[at]
        if before.isalnum() and after.isalnum():
            return True
        # an apostrophe between letters joins them ("don|'t", "mother'|s"), but a span may
        # end before a possessive: "save Layla Stewart|'s number"
        if after in APOSTROPHES:
            possessive = text[at + 1:at + 2] in ("s", "S") and not text[at + 2:at + 3].isalnum()
            return before.isalnum() and text[at + 1:at + 2].isalnum() and not possessive
        return before in APOSTROPHES and after.isalnum() and text[at - 2:at - 1].isalnum()

    return [not glued(a) for a, _ in offsets], [not glued(b) for _, b in offsets]


def _spans(text: str, offsets: Sequence[tuple[int, int]], parse: Callable[[str], Any],
           may_start: Callable[[list[str], int], bool], may_hold: Callable[[str], bool], max_tokens: int,
           may_end: Callable[[str], bool] = lambda piece: piece[-1:].isalnum()) -> dict[tuple[int, int], Any]:
    """Every span (start, end) on word bounds that `parse` reads, with its value. A span
    starts where `may_start(pieces, s)`, and grows only over pieces that `may_hold`."""
    starts, ends = word_bounds(text, offsets)
    pieces = [text[a:b] for a, b in offsets]
    found: dict[tuple[int, int], Any] = {}
    for s in range(len(offsets)):
        if not starts[s] or not may_start(pieces, s):
            continue
        for e in range(s, min(len(offsets), s + max_tokens)):
            if not may_hold(pieces[e]):
                break
            if ends[e] and may_end(pieces[e]):
                value = parse(text[offsets[s][0]:offsets[e][1]])
                if value is not None:
                    found[(s, e)] = value
    return found


def _number_piece(piece: str) -> bool:
    return piece[:1].isdigit() or piece.lower() in NUMBER_WORDS


def number_spans(text: str, offsets: Sequence[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """Every span that reads as a number, with its value."""
    def may_start(pieces: list[str], s: int) -> bool:
        # not inside a longer number: "hundred twenty" of "two hundred twenty"
        return _number_piece(pieces[s]) and not (
            s and (pieces[s - 1].isdigit() or pieces[s - 1].lower() in NUMBER_WORDS - {"and"}))

    def may_hold(piece: str) -> bool:  # "a half" of "nineteen and a half" too
        return bool(_NUMBERISH.match(piece)) and not (piece.isalpha() and piece.lower() not in NUMBER_WORDS | {"a", "half"})

    found = _spans(text, offsets, parse_number, may_start, may_hold, MAX_NUMBER_TOKENS)
    # "twenty one and a half" is never twenty, nor twenty one
    halves = [(s, e) for s, e in found if text[offsets[s][0]:offsets[e][1]].lower().endswith("and a half")]
    return {(s, e): v for (s, e), v in found.items() if not any(s2 == s and e2 > e for s2, e2 in halves)}


def named_number_spans(text: str, offsets: Sequence[tuple[int, int]],
                       names: dict[str, float]) -> dict[tuple[int, int], float]:
    """Spans that say one of a schema's `x-number-words` ("half" -> 50 for a percentage),
    except where a duration or a clock time follows ("half an hour", "half past six")."""
    def read(span: str) -> float | None:
        return names.get(" ".join(span.lower().split()))

    longest = max((len(name.split()) for name in names), default=1)  # "as bright as possible"
    found = _spans(text, offsets, read, lambda pieces, s: pieces[s].isalpha(), str.isalpha, max(3, longest))
    return {(s, e): v for (s, e), v in found.items()
            if not re.match(r"\s*(?:an?\s+|the\s+)?(?:hours?|minutes?|seconds?|past|dozen|inch(?:es)?|of|lights?|the)\b",
                            text[offsets[e][1]:], re.I)
            and not re.search(r"\bby\s+$", text[:offsets[s][0]], re.I)}  # "dim it by half" is a change


_PHONE_MARKS = {"+", "(", ")", "-", ".", ",", "/"}


def phone_spans(text: str, offsets: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """Every span that reads as a phone number, with its E.164 form."""
    def may_start(pieces: list[str], s: int) -> bool:
        first, before = pieces[s].lower(), pieces[s - 1].lower() if s else ""
        # not inside a longer number: "20 7946 0018" of "+44 20 7946 0018"
        return (first[:1].isdigit() or first in ("+", "(", "plus") or first in DIGIT_WORDS) and not (
            before.isdigit() or before in DIGIT_WORDS or before in ("+", "plus", "-", "("))

    def may_hold(piece: str) -> bool:
        piece = piece.lower()
        return piece.isdigit() or piece in DIGIT_WORDS or piece in _PHONE_MARKS or piece == "plus"

    return _spans(text, offsets, parse_phone, may_start, may_hold, MAX_PHONE_TOKENS)


# ---- times of day ----------------------------------------------------------------------------

MAX_TIME_TOKENS = 10
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_EVENING = ("in the afternoon", "in the evening", "tonight", "this evening", "this afternoon")
_MORNING = ("in the morning", "this morning")


def _small_number(words: list[str]) -> int | None:
    """"7", "seven", "thirty five", "thirty-five" (already split) -> int, else None."""
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if len(words) == 1 and words[0] in _SMALL:
        return _SMALL[words[0]]
    if words and words[0] in _TENS and len(words) <= 2:
        ones = _SMALL.get(words[1], 99) if len(words) == 2 else 0
        return _TENS[words[0]] + ones if ones < 10 else None
    return None


def parse_time(text: str) -> str | None:
    """A time of day as people say it -> "HH:MM": "6:15 am", "6am", "18:30", "0615 hours",
    "six fifteen pm", "seven oh five in the evening", "half past seven", "quarter to six am",
    "noon", "midnight", "ten o'clock at night". A bare hour ("7") is not a time."""
    if _foreign_digits(text):
        return None
    t = " " + text.lower().replace("a.m.", "am").replace("p.m.", "pm").replace("o'clock", "oclock") + " "
    t = re.sub(r"([0-9])(am|pm)\b", r"\1 \2", t).replace(" a m ", " am ").replace(" p m ", " pm ")
    t = " ".join(t.replace("-", " ").split())
    if t in ("noon", "midday", "12 noon", "twelve noon"):
        return "12:00"
    if t in ("midnight", "12 midnight", "twelve midnight"):
        return "00:00"
    half = None  # None: no am/pm said; "am" / "pm"
    night = False
    for tail, which in [(" am", "am"), (" pm", "pm"), *((" " + p, "pm") for p in _EVENING),
                        *((" " + p, "am") for p in _MORNING), (" at night", "night")]:
        if t.endswith(tail):
            t, half = t[: -len(tail)].strip(), which
            break
    if half == "night":
        half, night = None, True
    marked = half is not None or night
    m = re.fullmatch(r"([0-9]{1,2}):([0-9]{2})", t) or re.fullmatch(r"([0-9]{2})([0-9]{2}) hours", t)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2))
    else:
        words = t.split()
        rel = re.fullmatch(r"(?:a )?(quarter|half|[a-z]+(?: [a-z]+)?) (past|to) ([a-z]+|[0-9]+)", t)
        if rel:
            amount = {"quarter": 15, "half": 30}.get(rel.group(1)) or _small_number(rel.group(1).split())
            target = {"noon": 12, "midnight": 0}.get(rel.group(3))
            base = target if target is not None else _small_number([rel.group(3)])
            if amount is None or base is None or not 0 < amount < 60 or (rel.group(2) == "to" and amount % 5):
                return None
            if rel.group(2) == "past":
                hour, minute = base, amount
            else:
                hour, minute = (base - 1) % 24 if target is not None else (base - 1 or 12), 60 - amount
                if target == 12:
                    return f"11:{minute:02d}"
                if target == 0:
                    return f"23:{minute:02d}"
            marked = marked or target is not None
            if target is not None:
                return f"{hour:02d}:{minute:02d}"
        elif words and words[-1] == "oclock":
            hour, minute = _small_number(words[:-1]) or -1, 0
            marked = True
        elif words:
            hour = _small_number(words[:1]) if not words[0].isdigit() else None
            rest = words[1:]
            if hour is None:
                if words[0].isdigit() and len(words) == 1 and marked:
                    hour, rest = int(words[0]), []
                else:
                    return None
            if rest and rest[0] in ("oh", "o") and len(rest) == 2:
                minute = _SMALL.get(rest[1], 99)
            elif rest:
                minute = _small_number(rest)
                if minute is not None and minute < 10 and not marked:
                    return None  # "one two" is not 01:02
            else:
                if not marked:
                    return None
                minute = 0
            if minute is None or minute > 59:
                return None
        else:
            return None
    if not 0 <= hour <= 23 or not 0 <= minute <= 59:
        return None
    if half or night:
        if hour > 12 or hour == 0:
            return None
        if half == "pm" or (night and 6 <= hour <= 11):  # "8 at night" is 20:00, "2 at night" 02:00
            hour = hour % 12 + 12
        elif half == "am" or night:
            hour = hour % 12
    return f"{hour:02d}:{minute:02d}"


_TIME_STARTS = {*_SMALL, *_TENS, "a", "quarter", "half", "noon", "midday", "midnight"}
_TIME_WORDS = _TIME_STARTS | {"am", "pm", "a", "p", "m", "oh", "o", "clock", "oclock", "past", "to", "in", "the",
                              "morning", "afternoon", "evening", "tonight", "this", "at", "night", "hours"}


_TIME_MARKS = {":", ".", "'", "-"}


def time_spans(text: str, offsets: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """Every span that reads as a time of day, as "HH:MM"."""
    return _spans(text, offsets, parse_time,
                  may_start=lambda pieces, s: pieces[s].isdigit() or pieces[s].lower() in _TIME_STARTS,
                  may_hold=lambda piece: piece.isdigit() or piece.lower() in _TIME_WORDS or piece in _TIME_MARKS,
                  max_tokens=MAX_TIME_TOKENS,
                  may_end=lambda piece: piece[-1:].isalnum() or piece == ".")  # "p.m." ends in "."


def whole_spans(found: dict[tuple[int, int], Any]) -> dict[tuple[int, int], Any]:
    """The spans that are no part of a longer one starting or ending with them ("seven
    pm" of "half past seven pm")."""
    return {(s, e): v for (s, e), v in found.items()
            if not any((s2, e2) != (s, e) and s2 <= s and e <= e2 and (s2 == s or e2 == e) for s2, e2 in found)}


_ALARM_WORD = re.compile(r"\b(?:alarms?|wake)\b", re.I)


def bare_hour_spans(text: str, offsets: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """"set my alarm for 6", "wake me up at seven": an hour said alone after "at" or "for",
    which parse_time does not read. It is the morning from 5 to 11, the afternoon from 1 to
    4, and 12 is noon: the hours people set alarms for, and no clock to say which is next."""
    pieces = [text[a:b].lower() for a, b in offsets]
    found: dict[tuple[int, int], str] = {}
    for at, piece in enumerate(pieces):
        hour = int(piece) if piece.isascii() and piece.isdigit() and len(piece) <= 2 else _SMALL.get(piece)
        if not at or pieces[at - 1] not in ("at", "for") or hour is None or not 1 <= hour <= 12:
            continue
        # only in the clause that asks for the alarm: "set an alarm for 6 and text Ann at 4"
        asked = list(_ALARM_WORD.finditer(text[:offsets[at][0]]))
        if not asked or _NEXT_COMMAND.search(text[asked[-1].end():offsets[at][0]]) or ";" in text[asked[-1].end():offsets[at][0]]:
            continue
        after = text[offsets[at][1]:]
        if re.match(r"\s*(?:[:.,]?[0-9]|[a-z]+\s+(?:minutes?|hours?)|and\s+a\s+half|(?:minutes?|mins?|hours?|hrs?|"
                    r"seconds?|secs?|days?|weeks?|percent|degrees?|%|am|pm|a\.m|p\.m|o'?clock|thirty|fifteen|forty|oh)\b)",
                    after, re.I):
            continue
        found[(at, at)] = f"{hour + 12 if hour <= 4 else hour:02d}:00"
    return found


# ---- e-mail addresses ---------------------------------------------------------------------------

_EMAIL = re.compile(EMAIL_PATTERN[1:-1])


def email_spans(text: str, offsets: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """Every e-mail address the request writes, as written ("dad.miller@yahoo.com")."""
    starts = {a: i for i, (a, _) in enumerate(offsets)}
    ends = {b: i for i, (_, b) in enumerate(offsets)}
    return {(starts[m.start()], ends[m.end()]): m.group() for m in _EMAIL.finditer(text)
            if m.start() in starts and m.end() in ends}


# ---- names the request mentions ---------------------------------------------------------------

# Words for a class of devices: "the kitchen lights" is an area and a class.
CLASS_WORDS = {"light", "lights", "lamp", "lamps", "fan", "fans", "blind", "blinds", "shade", "shades",
               "curtain", "curtains", "speaker", "speakers", "switch", "switches", "lock", "locks",
               "door", "doors", "window", "windows", "tv", "tvs", "heater", "heaters"}
# How a request says a class of devices, as Home Assistant's templates fill domain and
# device_class from it ("close the blinds": cover, blind). A class none of whose words is
# said was made up ("switch on the dehumidifier" is no curtain). Classes not listed here
# are not checked.
CLASS_SAID: dict[tuple[str, str | None], list[str]] = {
    ("light", None): ["light", "lamp", "lighting", "bulb", "brightness", "bright", "brighten", "dim"],
    ("fan", None): ["fan"],
    ("cover", "blind"): ["blind"],
    ("cover", "curtain"): ["curtain", "drape"],
    ("cover", "shade"): ["shade"],
    ("cover", "shutter"): ["shutter"],
    ("cover", "awning"): ["awning"],
    ("cover", "window"): ["window"],
    ("cover", "garage"): ["garage"],
    ("cover", "gate"): ["gate"],
}


def says_class(query: str, domain: str, device_class: str | None) -> bool:
    """Does the request say this class of devices (True for a class with no words listed)?"""
    words = CLASS_SAID.get((domain, device_class))
    return words is None or says(query, words, plural=True)


# Words shared by many names: on their own they do not single a name out. "the vacuum" and
# "mow the lawn" mean the only vacuum or mower, which Home Assistant's "default"
# combination leaves unnamed ("start vacuuming", "stop mowing").
GENERIC_WORDS = {"the", "and", "room", "floor", "level", "light", "lights", "lamp", "door", "sensor", "switch", "list",
                 "speaker", "main", "first", "second", "upper", "lower", "ground", "front", "back", "left",
                 "right", "vacuum", "robot", "cleaner", "mower", "lawn"}


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.removesuffix("'s") for w in re.findall(r"[a-z0-9']+", text.lower()))


def words_of(text: str) -> tuple[str, ...]:
    """The text's lowercase words, possessives dropped ("the car's" -> "car")."""
    return _words(text)


def home_words(home: dict[str, Any]) -> set[str]:
    """Every word of the home's entity, area and floor names and aliases."""
    names = [e.get("name") for e in home.get("entities") or []] + [
        n for kind in ("areas", "floors") for p in home.get(kind) or [] for n in (p.get("name"), *(p.get("aliases") or []))]
    return {w for n in names if n for w in _words(str(n))}


# Words that modify no device: "turn on the fan", "all of the lights", "both fans", "my lamp".
FUNCTION_WORDS = set("""the a an my our your his her their this that these those all both every each any some
on off in at of to up down for from with by and or then also please now just too all whole other
turn switch set put make get start stop open close shut lock unlock dim raise lower is are was were
it you i we can could would will locked unlocked opened closed called named
current indoor outdoor main same new old big small little entire usual actual present real overall average""".split())


def says_whole(query: str, value: str, plural: bool = False) -> bool:
    """Does the request say this whole name ("turn on the bedroom lamp": Bedroom Lamp)?
    "the kitchen lights" says Kitchen Light only as a `plural`: as Home Assistant reads
    it, that is the kitchen's lights."""
    said = f" {' '.join(_words(query))} "
    name = " ".join(_words(value))
    return bool(name) and (f" {name} " in said or (plural and f" {name}s " in said))


# A function named for a verb ("open_trunk", "vacuum_start") does not do its opposite: a request that says
# an opposite and not the verb is not offered it.
OPPOSITE_VERBS = {"open": ["close", "closed", "shut"], "close": ["open"], "lock": ["unlock"], "unlock": ["lock"],
                  "start": ["stop", "dock"], "stop": ["start", "resume"], "photo": ["record", "film", "video"],
                  "connect": ["disconnect", "unpair", "forget"]}


_LEAD = r"\W*(?:(?:hey|ok|okay|so|um|uh|please|can\s+you|could\s+you|would\s+you|will\s+you|go\s+ahead\s+and)\W+)*"


def lead_of(query: str) -> str:
    """The greeting or "please" a request starts with, if any ("can you ")."""
    found = re.match(_LEAD, query, re.I)
    return found.group() if found else ""


def starts_with(query: str, phrases: list[str]) -> bool:
    """Does the request start with one of these words, after a greeting or "please"
    ("can you close the trunk")? That word is its verb."""
    return bool(re.match(_LEAD + "(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", query, re.I))


def says(query: str, phrases: list[str], plural: bool = False) -> bool:
    """Does the request say one of these words or phrases, as whole words (or, with
    `plural`, with an "s" added)? A word of five letters or more also counts with one
    slip of the keyboard ("pasue" for "pause")."""
    return _says(query, tuple(phrases), plural)


@functools.lru_cache(maxsize=8192)  # asked of every function's cue words, clause by clause
def _says(query: str, phrases: tuple[str, ...], plural: bool) -> bool:
    words = _words(query)
    said = f" {' '.join(words)} "
    by_length: dict[int, list[str]] = {}  # a slip changes a word's length by one at most
    for word in words:
        by_length.setdefault(len(word), []).append(word)
    for phrase in map(_phrase, phrases):
        if phrase and (f" {phrase} " in said or (plural and f" {phrase}s " in said)):
            return True
        if " " not in phrase and len(phrase) >= 5 and any(
                _one_slip(w, phrase) for n in (len(phrase) - 1, len(phrase), len(phrase) + 1)
                for w in by_length.get(n, ())):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _phrase(text: str) -> str:
    return " ".join(_words(text))


# A question about how or why, which no device answers by acting ("how do I descale the
# coffee maker", "why won't my car charge past 80 percent"); the way somewhere is a route.
_HOW_OR_WHY = re.compile(r"(?:(?:hey|ok|okay|so|um)[\s,]+)*(?:why\b(?!\s+(?:don't|dont|not)\b)|what\s+does\b.*\bmean\b"
                         r"|how\s+(?:do|can|should|would)\s+(?:i|you|we)\s+(?!(?:get|go|walk|drive|bike|cycle|ride|reach|head)"
                         r"\s+(?:from|to|home|there)\b|(?:walk|drive|bike|cycle|ride)\s))", re.I)


def asks_how_or_why(query: str) -> bool:
    return bool(_HOW_OR_WHY.match(query.strip()))


# Something to do again and again, or on its own when a thing happens: an automation, which
# no function sets up ("every weekday at 6:30 turn on the coffee maker"). Lowercase only.
_RECURRING = re.compile(r"\bevery\s+(?:(?:other|single)\s+)?(?:day|night|morning|evening|afternoon|week|weekday|weekend|hour"
                        r"|month|year|(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\b|\bautomatically\b|\bautomations?\b"
                        r"|\bwhenever\b|\brecurring\b")


# A room said after "in the" at a clause's end ("turn off the lights in the guest room").
_ROOM_SAID = re.compile(r"\b(?:in|at|from)\s+(?:the|my|our)\s+((?:(?!(?:in|on|at|the|and|this|your|my)\b)[a-z']+\s+){0,2}"
                        r"(?:room|bedroom|bathroom|kitchen|office|garage|basement|attic|nursery|den|hallway|closet|loft"
                        r"|study|pantry|porch|patio|yard|backyard|playroom|sunroom|mudroom|foyer|cellar|shed|balcony|lounge))"
                        r"(?=\s*(?:$|[,.!?;]|\band\b|\bthen\b|\bplease\b|\btoo\b))", re.I)


def rooms_unknown(query: str, places: list[str]) -> list[str]:
    """The rooms the request says that are none of the home's areas, floors or aliases:
    Home Assistant matches no sentence with an area it does not know."""
    known = {p.lower() for p in places}
    said = [m.group(1) for m in _ROOM_SAID.finditer(query)]
    # "my room" is the asking device's; "the upstairs living room" ends with a known place
    return [r for r in said if r.lower() != "room"
            and not any(r.lower() == k or r.lower().endswith(" " + k) for k in known)]


def asks_to_repeat(query: str) -> bool:
    return bool(_RECURRING.search(query))


def mend_slips(query: str, targets: set[str], known: Callable[[str], bool]) -> str:
    """"turn off the coffe maker" -> "coffee maker": a word of five letters or more that is
    no known word and one slip from exactly one of the `targets` (the words the live
    devices' names and functions use) is that word. A capitalized word inside the request
    is a name, and left alone."""
    def mend(m: re.Match[str]) -> str:
        word = m.group()
        lower = word.lower()
        if len(word) < 5 or lower in targets or known(lower) or (m.start() and word[:1].isupper()) \
                or (lower.endswith("s") and lower[:-1] in targets):  # a plural is no slip
            return word
        near = [t for t in targets if len(t) >= 5 and _one_slip(lower, t)]
        return near[0] if len(near) == 1 else word

    return re.sub(r"(?<![\w@./'’-])[A-Za-z]+(?![\w@/'’-]|\.\w)", mend, query)  # not in "gmail.com"


# Texting shorthand, each said as one word, so a copied text can be given back as written.
SHORTHAND = {"n": "and", "u": "you", "r": "are", "ur": "your", "pls": "please", "plz": "please", "rn": "now",
             "tmrw": "tomorrow", "tmr": "tomorrow", "tmrrw": "tomorrow", "2moro": "tomorrow", "tonite": "tonight",
             "2nite": "tonight", "txt": "text", "msg": "message", "thx": "thanks", "abt": "about", "cuz": "because",
             "yt": "youtube",
             # an apostrophe a recognizer or a hurried thumb leaves out ("dont" is read as well as it is)
             "im": "i'm", "ive": "i've",
             # and words for a device that the names in an inventory do not use
             "television": "tv", "telly": "tv"}
_SHORTHAND = re.compile(r"(?<![\w'’/@.&-])(?:" + "|".join(re.escape(w) for w in sorted(SHORTHAND, key=len, reverse=True))
                        + r")(?![\w'’/@&-]|\.\w)")  # not in "r.okafor@outlook.com", "r&b"


# How a request is framed politely, ahead of what it asks: "would you be so kind as to",
# "I wonder if you could", "I'd be ever so grateful if you would", "would you kindly".
_FRAMED = re.compile(
    r"^(?:(?:please|oh|hello|hi|hey)[\s,]+)*(?:"
    r"(?:would|could|can|will)\s+you\s+(?:please\s+|kindly\s+|possibly\s+|perhaps\s+)*be\s+(?:so\s+|ever\s+so\s+)?"
    r"(?:kind|good)\s+(?:enough\s+)?(?:as\s+)?to"
    r"|(?:would|could|will)\s+you\s+(?:please\s+)?kindly"
    r"|i\s+wonder\s+if\s+you\s+(?:could|would|might)(?:\s+please)?"
    r"|i'?d\s+be\s+(?:ever\s+so\s+|very\s+|most\s+|so\s+|really\s+)?(?:grateful|glad|obliged)\s+if\s+you\s+(?:would|could)"
    r"(?:\s+please)?)\s+(?=\w)", re.I)




def plainly(query: str) -> str:
    """The request without the polite frame it is asked in ("would you be so kind as to
    close the blinds?" asks "close the blinds?"), as the model plans such requests best (a
    plain "could you ..." it read in training, and keeps), nor the sentences before it that
    only say how things are ("My eyes are not what they used to be. Could you ..."), unless
    the request refers back to them ("... Would you please cancel it?")."""
    if (told := _TOLD_FIRST.match(query)) and _ASKS_AFTER.match(query, told.end()) \
            and not _REFERS_BACK.search(query, told.end()) \
            and not re.search(r"\b(?:in|at|on)\s+the\b", told.group(), re.I):  # "I'm in the garage. ..." says where
        query = query[told.end():]
    if (framed := _FRAMED.match(query)) is None:
        return query
    return query[framed.end():]


# "I'm rather worried about the laundry room. Could you ...": sentences that say how things are
_N_IN_A_NAME = re.compile(r"\b(?:mac|salt|rock|fish|black|sweet|hide|pb|r|m|b|fast|lock|surf|turf|wash|drag)\s+$", re.I)
_TOLD_FIRST = re.compile(r"(?:(?-i:I|I'm|I've|I'd|I'll|My|It|It's|The|We|We're|Our|There|There's|He|She|They|This)\b"
                         r"[^.!?]*[.!?]\s+)+")
_ASKS_AFTER = re.compile(r"(?i:please|could|would|can|will|kindly)\b")
_REFERS_BACK = re.compile(r"\b(?:it|its|them|that|this|those|there|him|her|his|their|they)\b", re.I)


# An e-mail address as a speech recognizer writes it: "lena dot weber at posteo dot de".
_TLDS = ("com|org|net|edu|gov|mil|int|info|biz|io|co|ai|app|dev|me|tv|us|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|"
         "pl|pt|ie|gr|cz|hu|ro|ru|ua|tr|il|in|jp|cn|kr|tw|hk|sg|my|th|vn|id|ph|au|nz|ca|mx|br|ar|cl|za|ke|ng|eg|ma")
_JOINS = {"dot": ".", "underscore": "_", "dash": "-", "hyphen": "-"}
_SPOKEN_WORD = r"[^\W_][\w'-]*"
_SPOKEN_ADDRESS = re.compile(
    rf"(?:(?<=\bto\s)|(?<=\bmail\s)|(?<=\bemail\s)|(?<=\be-mail\s)|(?<=\bcc\s)|(?<=\bis\s)|(?<=\baddress\s))"
    rf"\b(?P<local>{_SPOKEN_WORD}(?:\s+(?:dot|underscore|dash|hyphen)\s+{_SPOKEN_WORD})*)\s+at\s+"
    rf"(?P<domain>(?:[a-z0-9-]+(?:\s+(?:dash|hyphen)\s+[a-z0-9-]+)*\s+dot\s+)+(?:{_TLDS}))\b", re.I)
_NOT_A_MAILBOX = {"look", "looking", "arrive", "arriving", "me", "us", "him", "her", "them", "it", "is", "be", "stay",
                  "meet", "home", "work", "are", "were", "was", "am", "i'm", "im", "we're", "leave", "left"}


def spelled_addresses(query: str) -> str:
    """"email it to lena dot weber at posteo dot de": a spoken e-mail address, as written
    (lena.weber@posteo.de); not "look at google dot com"."""
    def written(m: re.Match[str]) -> str:
        local = m.group("local")
        if local.lower() in _NOT_A_MAILBOX | FUNCTION_WORDS:
            return m.group()
        join = lambda text: re.sub(r"\s+(dot|underscore|dash|hyphen)\s+", lambda j: _JOINS[j.group(1).lower()], text,
                                   flags=re.I)
        return f"{join(local)}@{join(m.group('domain'))}".lower()
    if " at " not in query.lower() or not re.search(r"\b(?:e-?mail|mail)", query, re.I):
        return query  # "check out the recipe at bonappetit dot com" names a site, not a mailbox
    return _SPOKEN_ADDRESS.sub(written, query)


_NUMBER_SAID = r"(?:[0-9]+(?:[.:][0-9]+)?|" + "|".join(sorted(NUMBER_WORDS - {"and", "point", "minus"}, key=len, reverse=True)) + r")"
_NUMBERS_SAID = rf"{_NUMBER_SAID}(?:[\s-]+{_NUMBER_SAID})*"
_CORRECTED = re.compile(rf"\b(?!one\b){_NUMBERS_SAID}(?:\s+(?:hours?|minutes?|mins?|seconds?|secs?|degrees|percent))?"
                        rf"[\s,]+(?:(?:no|nope|sorry|oops|uh|um|er)[\s,]+)*"
                        rf"(?:(?:wait|i\s+mean|make\s+(?:it|that)|actually|scratch\s+that)[\s,]+)+(?P<new>{_NUMBERS_SAID})\b", re.I)


_FILLER = re.compile(r"(?<![\w'’-])(?:um+|uh+m*|erm+|hmm+)(?![\w'’-])(?![\s,]+oh\b)[,.]?\s*")


def without_fillers(query: str) -> str:
    """"put uh two bags of basmati rice on my groceries": a hesitation is no word of the
    request (nor of a message copied from it); a capitalized "Uh" may be a title's."""
    return _FILLER.sub("", query).strip() if _FILLER.search(query) else query


def as_question(text: str) -> str:
    """"whether the front door is locked" asked as the model reads a question: "is the
    front door locked"."""
    if m := re.match(r"(?:whether|if)\s+(?P<what>.+?)\s+(?P<verb>is|are)\s+(?P<rest>\S.*)$", text, re.I):
        return f"{m.group('verb')} {m.group('what')} {m.group('rest')}"
    return text


def corrected(query: str) -> str:
    """"set the thermostat to twenty no wait twenty one": a number said again in its
    place is the one meant."""
    return _CORRECTED.sub(lambda m: m.group("new"), query)


# Words a speech recognizer writes for the number said: "a timer for too minutes",
# "take for minutes off", "wake me at for thirty" (one word for one, as expand_shorthand).
_UNIT_NEXT = r"(?=\s+(?:hours?|minutes?|mins?|seconds?|secs?)\b)"
_MISHEARD = [(re.compile(rf"\b(?:too|to){_UNIT_NEXT}", re.I), "two"),
             (re.compile(rf"\bfor{_UNIT_NEXT}", re.I), "four"),
             (re.compile(r"(?<=\bat\s)for(?=\s+(?:fifteen|thirty|forty(?:[\s-]+five)?|o'?clock|oh\s+[a-z]+|am|pm|a\s+m|p\s+m)\b)",
                         re.I), "four"),
             # "text dana weather the front door is locked": whether, as a clause follows
             (re.compile(r"\bweather(?=\s+(?:the|my|our|your|i|we|you|it|its|there|he|she|they)\b(?:\s+[\w'’]+){0,3}?"
                         r"\s+(?:is|are|was|were|has|have|did|does|will|can)\b)", re.I), "whether")]


def heard_as_meant(query: str) -> str:
    for misheard, meant in _MISHEARD:
        query = misheard.sub(meant, query)
    return query


def expand_shorthand(query: str) -> str:
    """"txt maya im outside n flash the car lights": texting shorthand, in lowercase, said
    as the words the model read in training."""
    def said_as(m: re.Match[str]) -> str:  # "n" joins, but not in "mac n cheese"
        if m.group() == "n" and _N_IN_A_NAME.search(query, 0, m.start()):
            return m.group()
        return SHORTHAND[m.group()]
    return _SHORTHAND.sub(said_as, query)


def _one_slip(word: str, target: str) -> bool:
    """One letter changed, added, dropped, or two neighbours swapped."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]])
    short, long = sorted((word, target), key=len)
    i = 0  # past the common start, dropping one letter of the longer must leave the shorter
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1:]


def said_values(query: str, schema: dict[str, Any]) -> list[Any] | None:
    """For an enum whose schema lists how each value is said ("x-words"): the values the
    request says, in enum order; None for an enum without such words."""
    words = schema.get("x-words")
    if not words:
        return None
    if schema.get("type") == "boolean":  # a switch's word counts only near the switch ("x-near")
        near = _near(query, schema.get("x-near") or [])
        return [v for v in (True, False) if any(w in words.get(str(v).lower(), ()) for w in near)]
    return [v for v in schema.get("enum", []) if says(query, words.get(str(v), [str(v)]))]


def _near(query: str, nouns: Sequence[str], reach: int = 3) -> set[str]:
    """The words within `reach` words of any of these nouns ("turn on do not disturb":
    "turn", "on"; "turn off my notifications" says none near "do not disturb")."""
    said = _words(query)
    out: set[str] = set()
    for noun in nouns:
        phrase = _words(noun)
        for i in range(len(said) - len(phrase) + 1):
            if said[i:i + len(phrase)] == phrase:
                out |= set(said[max(0, i - reach):i]) | set(said[i + len(phrase):i + len(phrase) + reach])
    return out


def without_names(query: str, names: list[str]) -> str:
    """The request with each entity name it says in full blanked out, so that "turn on
    the bedroom lamp" no longer mentions the area Bedroom (Home Assistant reads a name
    first). Callers leave out names that are also area names."""
    said = " ".join(_words(query))
    for name in sorted({" ".join(_words(n)) for n in names}, key=len, reverse=True):
        if name:
            said = re.sub(rf"(?<![\w']){re.escape(name)}(?![\w'])", " | ", said)
    return said


# Home Assistant's <here>: the asking device's area, filled from the request's context.
HERE = re.compile(r"\b(?:in\s+here|(?:in\s+)?(?:this|the|my|our)\s+(?:room|area|space))\b(?!\s*'?s\b)", re.I)


_MORE_THAN_ONE_WORDS = r"\b(?:and|then|also|plus|after\s+that|as\s+well\s+as)\b|;|[.?!]\s+\w"


def one_clause(query: str) -> bool:
    """Does the request hold one clause only (no "and", "then", ";", second sentence)?"""
    return not _MORE_THAN_ONE.search(query)


def mentions(query: str, value: str, entity: bool = False, areas: Sequence[str] = (),
             aliases: Sequence[str] = ()) -> bool:
    """Does the request name this entity, area or floor? Home Assistant fills a name slot
    only from what the sentence says: the whole name ("the floor lamp"), or one of its
    distinctive words ("the tree" for Christmas Tree, "unlock the back door" for Back Door
    Lock), so "pause" names no area and "floor lamp" no First Floor. An `entity` name is
    not said by its plural, nor by an area's word before a class word: "the kitchen
    lights" are the Kitchen's lights, not the Kitchen Light, as Home Assistant reads them
    ("close the garage" still says the Garage Door). Any of its `aliases` said whole
    names it too ("upstairs" for First Floor)."""
    if says_whole(query, value, plural=not entity) or any(says_whole(query, a) for a in aliases):
        return True
    said = _words(query)
    name = _words(value)
    if entity:
        area_words = {w for area in areas for w in _words(area)}
        free = {w for w, after in zip(said, [*said[1:], ""]) if after not in CLASS_WORDS}
        name = [w for w in name if w not in area_words or w in free]

    known = (set(_words(value)) | area_words | _PLAIN_MODIFIERS | FUNCTION_WORDS) if entity else set()

    def heard(word: str) -> bool:
        return any((w == word or w.rstrip("s") == word.rstrip("s") or (len(word) >= 4 and word in w))
                   and not (entity and _names_another(said, i, known)) for i, w in enumerate(said))

    return any((len(w) >= 3 or w == "tv") and w not in GENERIC_WORDS and heard(w) for w in name)


# Words that may stand before a part of an entity's name without naming another device.
_PLAIN_MODIFIERS = {"only", "usual", "smart", "upstairs", "downstairs", "kids", "kid", "which", "what", "any"}
DETERMINERS = {"the", "my", "our", "a", "an", "this", "that", "your", "his", "her", "their"}


def one_of(word: str, words: set[str]) -> bool:
    """Is the word one of these, or one slip of the keyboard from one?"""
    return word in words or any(_one_slip(word, w) for w in words)


def _names_another(said: tuple[str, ...], at: int, known: set[str]) -> bool:
    """Is the word at `at` the head of another device's name? "set the water heater to 120"
    names a heater the home lacks, not the Bedroom Heater: between a determiner and the word
    stands a word that neither the name nor a room says (nor a slip of one: "the ofice shades")."""
    if at < 2 or said[at - 2] not in DETERMINERS:
        return False
    modifier = said[at - 1]
    return modifier.isalpha() and not one_of(modifier, known)


# ---- calendar events ---------------------------------------------------------------------------
# A calendar event's start and end ('YYYY-MM-DD-HH-MM') are read from the request's days,
# times and duration rather than spelled digit by digit: a stamp joins words from several
# places ("on March 3rd from 2 to 3 pm"), which a pointer cannot point at.

STAMP_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])-([01]\d|2[0-3])-[0-5]\d$"
# Words that ask for a calendar entry even when its day and time are not read plainly.
SCHEDULE_WORDS = ["schedule", "scheduled", "schedules", "scheduling"]
CALENDAR_WORDS = ["calendar", "event", "meeting", "appointment", "agenda", "diary", "schedule"]
_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"]
_MONTHS = {**{m: i + 1 for i, m in enumerate(_MONTH_NAMES)},
           **{m[:3]: i + 1 for i, m in enumerate(_MONTH_NAMES)}, "sept": 9}
_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_ORDINALS |= {"thirtieth": 30, **{f"{tens} {w}": base + n for tens, base in (("twenty", 20), ("thirty", 30))
                                   for w, n in _ORDINALS.items() if n < 10}}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-9]{1,2}(?:st|nd|rd|th)?|" + "|".join(
    w.replace(" ", r"[\s-]") for w in sorted(_ORDINALS, key=len, reverse=True)) + ")"
_ORDINAL_DAY = r"(?P<month_day>[0-9]{1,2}(?:st|nd|rd|th)|" + "|".join(
    w.replace(" ", r"[\s-]") for w in sorted(_ORDINALS, key=len, reverse=True)) + ")"
_YEAR = r"(?:,?\s+(?P<year>[0-9]{4}|twenty[\s-][a-z]+(?:[\s-][a-z]+)?))?"
_DATES = [re.compile(p) for p in (
    r"\b(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})\b",
    r"\b(?P<month>[0-9]{1,2})/(?P<day>[0-9]{1,2})/(?P<year>[0-9]{4})\b",
    r"\b(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR + r"\b",  # before "oct 7" in "12 oct 7 pm"
    r"\b" + _MONTH + r"\s+" + _DAY + r"\b" + _YEAR + r"\b",
    # "Monday the 7th", "on the 7th at 3": a day of the month said outright, its month the next that has it
    r"\b(?:(?P<on_weekday>" + "|".join(_WEEKDAYS) + r"),?\s+|on\s+)the\s+" + _ORDINAL_DAY
    + r"(?=\s*(?:$|[,.;!?]|(?:at|from|for|between|until|with)\b))",
    # "Friday next week", "next week on Friday": that weekday in the week after this one
    r"\b(?P<week_weekday>" + "|".join(_WEEKDAYS) + r")\s+(?:of\s+)?next\s+week\b",
    r"\bnext\s+week\s+(?:on\s+)?(?P<week_weekday>" + "|".join(_WEEKDAYS) + r")\b",
    r"\b(?:(?P<next>next|this|coming|this\s+coming)\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b",
    r"\b(?P<ahead>(?:the\s+)?day\s+after\s+tomorrow|in\s+(?:[a-z0-9]+\s+){1,2}?(?:days?|weeks?)|"
    r"(?:a|one)\s+week\s+from\s+(?:today|now))\b",
    r"\b(?P<relative>today|tonight|tomorrow)\b")]
# The words a command or a question starts with: where a new clause begins ("... and turn
# off the lights"), for the calendar reader, the marked-value reader and clause planning.
COMMAND_WORDS = ("set", "turn", "switch", "text", "call", "send", "play", "pause", "email", "navigate",
                 "start", "stop", "open", "close", "shut", "lock", "unlock", "take", "find", "search",
                 "get", "make", "dim", "raise", "lower", "put", "add", "remove", "mute", "skip", "check",
                 "show", "remind", "tell", "announce", "broadcast", "enable", "disable", "activate", "deactivate",
                 "cancel", "unmute", "connect", "honk")  # not "flash", "dock": "flash cards", "dock shoes"
QUESTION_WORDS = ("what", "whats", "how", "hows", "is", "are")
# "... & raise the windows" joins two clauses; "Simon & Garfunkel" does not (one_clause)
_MORE_THAN_ONE = re.compile(_MORE_THAN_ONE_WORDS + r"|\s&\s+(?:" + "|".join(COMMAND_WORDS) + r")\b", re.I)
# Verbs a request can start with and still take "can you ..." in front.
IMPERATIVE_VERBS = set("""
    take snap grab capture shoot open show give get search look find send write email compose
    mail draft text message tell let reply drop call dial make place phone ring start begin add
    create save store put remember set wake change adjust dim brighten turn lower raise mute
    max silence connect pair hook link switch bring try enable activate disable deactivate go
    exit leave allow crank heat cool warm bump play queue throw stream use listen cast watch
    pull lock unlock secure buzz move slide push shift lift scoot roll crack close vent tilt
    shut navigate route plan check run do test honk beep sound toot blast hit blow flash blink
    flick light pop unlatch release charge top kick stop end pause halt cancel quit limit cap
    keep precondition kill schedule book block catch brief read increase decrease reduce
    quickly
""".split())
_NEXT_COMMAND = re.compile(r"(?:;|(?<!\b[ap]\.m)(?<!\b[a-z]{3})(?<!\bsept)[.?!]\s|,?\s\b(?:and|then|also)\s+(?:then\s+)?(?:"
                           + "|".join(COMMAND_WORDS + QUESTION_WORDS) + r")\b)")
_CONNECTOR = r"\s*(?:to|until|till|and|through|-|–)\s*"
_BARE_HOUR = r"(?P<hour>[0-9]{1,2}(?::[0-9]{2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_MARKED = re.compile(r"\b(am|pm|a\.m|p\.m|a m|p m|morning|afternoon|evening|night|tonight|noon|midday|"
                     r"midnight|hours)\b|^[0-9]{2}:|^0")


# An event said with a start and no end or length lasts an hour, as calendar apps make it.
DEFAULT_EVENT_MINUTES = 60
# An hour said alone after "at" in a calendar request ("dentist Friday at 10"): 8 to 11 is
# the morning, 12 noon, 1 to 7 the afternoon or evening. Not before minutes or a half of the day.
_EVENT_HOUR = re.compile(r"\bat\s+(?P<hour>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
                         r"(?![0-9:.]|\s+(?:st|nd|rd|th)\b|\s*(?:[0-9]|am\b|pm\b|a\.m|p\.m|o'?clock|thirty|fifteen|forty|oh\b|and\s+a\s+half"
                         r"|in\s+the|tonight|(?:minutes?|mins?|hours?|hrs?|days?|weeks?|percent|degrees?)\b))")
# Any hint of a time of day or a length, which the readers could not read: then no all-day event.
_SAYS_A_TIME = re.compile(r"[0-9]|\b(?:at|from|between|until|till|o'?clock|half|quarter|am|pm|a\.m|p\.m|"
                          r"morning|afternoon|evening|night|tonight|noon|midday|midnight|hours?|minutes?|"
                          r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b")


def _year(text: str | None, default: int) -> int | None:
    if not text:
        return default
    if text.isdigit():
        return int(text)
    words = text.replace("-", " ").split()
    rest = parse_number(" ".join(words[1:])) if words[0] == "twenty" and len(words) > 1 else None
    return 2000 + int(rest) if rest is not None and 10 <= rest <= 99 else None


def _date_of(m: re.Match[str], today: date) -> date | None:
    found = m.groupdict()
    if found.get("relative"):
        return today + timedelta(days=1 if found["relative"] == "tomorrow" else 0)
    if found.get("week_weekday"):  # "Friday next week": Monday of next week, then on to Friday
        return today + timedelta(days=7 - today.weekday() + _WEEKDAYS.index(found["week_weekday"]))
    if found.get("month_day"):
        text = found["month_day"].replace("-", " ")
        day = int(text[:-2]) if text[0].isdigit() else _ORDINALS.get(" ".join(text.split()))
        return _next_month_day(today, day, found.get("on_weekday")) if day else None
    if found.get("weekday"):  # the next such day, today included; "next Friday" is never today
        ahead = (_WEEKDAYS.index(found["weekday"]) - today.weekday()) % 7
        return today + timedelta(days=ahead or (7 if found.get("next") == "next" else 0))
    if found.get("ahead"):  # "the day after tomorrow", "in three days", "in 2 weeks", "a week from today"
        words = found["ahead"].split()
        if words[-1] == "tomorrow":
            return today + timedelta(days=2)
        if words[0] != "in":
            return today + timedelta(days=7)
        count = 1 if words[1:-1] in (["a"], ["an"]) else parse_number(" ".join(words[1:-1]))
        if count is None or count != int(count) or not 0 < count <= 366:
            return None
        return today + timedelta(days=int(count) * (7 if words[-1].startswith("week") else 1))
    month = int(found["month"]) if found["month"].isdigit() else _MONTHS[found["month"]]
    day_text = found["day"].replace("-", " ")
    day = int(re.sub(r"\D", "", day_text)) if day_text[0].isdigit() else _ORDINALS.get(" ".join(day_text.split()))
    year = _year(found.get("year"), today.year)
    if day is None or year is None:
        return None
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    if not found.get("year") and when < today:  # a day said without its year is the next such day
        when = date(year + 1, month, day)
    return when


def _next_month_day(today: date, day: int, weekday: str | None) -> date | None:
    """The next date (today included) on this day of the month; with a weekday said, the
    next one that falls on that weekday ("Monday the 7th") within six weeks, else none:
    "Monday the 8th" when the 8th is a Tuesday is a slip, not a date months ahead."""
    for ahead in range(13):
        year, month = today.year + (today.month - 1 + ahead) // 12, (today.month - 1 + ahead) % 12 + 1
        try:
            when = date(year, month, day)
        except ValueError:  # "the 31st" of a short month
            continue
        if when < today:
            continue
        if weekday is not None and (when - today).days > 42:
            return None
        if weekday is None or _WEEKDAYS[when.weekday()] == weekday:
            return when
    return None


def says_a_day(query: str) -> bool:
    """Does the request name a day ("on March 3", "Friday", "tomorrow"), with or without a time?"""
    text = " ".join(query.lower().split())
    return any(pattern.search(text) for pattern in _DATES)


def parse_duration(text: str) -> int | None:
    """Minutes: "half an hour", "an hour and a half", "90 minutes", "1.5 hours", "2 hrs",
    "two hours and fifteen minutes", "1h30"."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in ("half an hour", "a half hour", "half hour"):
        return 30
    if m := re.fullmatch(r"([0-9]+)h([0-9]{2})", t):
        return int(m.group(1)) * 60 + int(m.group(2))
    t = re.sub(r"^an? (hour|minute)", r"one \1", t)
    m = re.fullmatch(r"(?:(.+?) (?:and a half )?(?:hours?|hrs?)(?: and a half)?)?(?: and)?\s*(?:(.+?) (?:minutes?|mins?))?", t)
    if not m or not (m.group(1) or m.group(2)):
        return None
    total = 0.0
    if m.group(1):
        hours = parse_number(m.group(1).removesuffix(" and a half"))
        if hours is None:
            return None
        total += hours * 60 + (30 if "a half" in t else 0)
    if m.group(2):
        minutes = parse_number(m.group(2))
        if minutes is None:
            return None
        total += minutes
    return int(total) if 0 < total <= 24 * 60 and total == int(total) else None


_DURATION = re.compile(r"\b(?:for|lasting|lasts|last|take|takes)\s+(?P<d>half an hour|[0-9]+h[0-9]{2}|"
                       r"(?:[a-z0-9.]+[\s-]){1,4}?(?:hours?|hrs?|minutes?|mins?)"
                       r"(?:\s+and\s+(?:a\s+half|(?:[a-z0-9]+[\s-]){1,3}?(?:minutes?|mins?)))?)\b")


def word_offsets(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[A-Za-z]+|[0-9]+|[^\sA-Za-z0-9]", text)]


def _clock(hour: int, minute: int) -> str:
    return f"{hour:02d}:{minute:02d}"


def _bare(hour_text: str) -> str | None:
    """"2", "11:30", "four" -> "HH:MM" as said (no half of the day yet)."""
    hour_part, _, minute_part = hour_text.strip().partition(":")
    hour = int(hour_part) if hour_part.isdigit() else _SMALL.get(hour_part)
    return _clock(hour, int(minute_part or 0)) if hour is not None and 1 <= hour <= 12 else None


def _nearest(said: str | None, other: str, before: bool) -> str | None:
    """A time said without its half of the day ("from 2 to 3 pm"): the reading closest
    before (or after) the other end of the range, within 12 hours."""
    if said is None:
        return None
    hour, minute = int(said[:2]), int(said[3:])
    pivot = int(other[:2]) * 60 + int(other[3:])
    readings = [(hour % 12) * 60 + minute, (hour % 12 + 12) * 60 + minute] if hour <= 12 else [hour * 60 + minute]
    gaps = {r: (pivot - r if before else r - pivot) for r in readings}
    fitting = [r for r, gap in gaps.items() if 0 < gap <= 12 * 60]
    return _clock(*divmod(min(fitting, key=gaps.__getitem__), 60)) if fitting else None


def event_times(query: str, today: date) -> tuple[str, str] | None:
    """(start, end) stamps of the one calendar event a request describes: one or two days
    ("on March 3rd 2027", "2027-03-03", "tomorrow"; a day without a year is the next such
    day), a start time and an end time or a duration ("from 2 to 3 pm", "at 9 for an hour").
    None when the request does not say them plainly; the planner then spells them."""
    if _foreign_digits(query):
        return None
    text = " ".join(query.lower().split())
    found: list[tuple[int, date, int]] = []  # (position, day, how plainly: 0 a date, 1 a weekday, 2 "today")
    for pattern in _DATES:
        for m in pattern.finditer(text):
            when = _date_of(m, today)
            if when is None and m.groupdict().get("month_day"):  # "Wednesday the 31st": no such day near,
                return None  # and not the next Wednesday either
            if when is not None:
                groups = m.groupdict()
                plain = 2 if groups.get("relative") else \
                    1 if groups.get("weekday") or groups.get("ahead") or groups.get("week_weekday") else 0
                found.append((m.start(), when, plain))
                if plain < 2:  # "tonight" also says the half of the day: the time reader needs it
                    text = text[:m.start()] + "\x00" * (m.end() - m.start()) + text[m.end():]
    # "what's the date today, and put Dentist on April 9", "Friday drinks on Dec 4": a day
    # said outright wins
    plainest = min((plain for _, _, plain in found), default=0)
    dates = [(p, d) for p, d, plain in found if plain == plainest]
    masked = text.replace("\x00", " ")
    # Other commands in the request ("... and set an alarm at 2:45") say times of their own.
    first = min((p for p, _ in dates), default=0)
    cut = [m.start() for m in _NEXT_COMMAND.finditer(masked) if m.start() > first]
    masked = masked[:cut[0]] if cut else masked
    offsets = word_offsets(masked)
    spans = time_spans(masked, offsets)
    times: list[tuple[int, int, str]] = []
    for (s, e), value in sorted(spans.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        a, b = offsets[s][0], offsets[e][1]
        if all(b <= x or a >= y for x, y, _ in times):
            times.append((a, b, value))
    times.sort()
    if not times and (m := _EVENT_HOUR.search(masked)):  # "at 10": a working day's hour
        hour = int(m.group("hour")) if m.group("hour").isdigit() else _SMALL[m.group("hour")]
        times = [(m.start("hour"), m.end("hour"), f"{hour + 12 if hour <= 7 else hour:02d}:00")]
    days_said = sorted({d for _, d in dates})
    if not times and len(days_said) == 1 and not _SAYS_A_TIME.search(masked) and not _DURATION.search(masked):
        start = datetime.combine(days_said[0], datetime.min.time())  # "on August 2": all day
        return start.strftime("%Y-%m-%d-%H-%M"), (start + timedelta(days=1)).strftime("%Y-%m-%d-%H-%M")
    if not times or len(times) > 2 or len({d for _, d in dates}) > 2 or not dates:
        return None
    said = [masked[a:b] for a, b, _ in times]
    values = [v for _, _, v in times]
    if len(times) == 2 and not _MARKED.search(said[0]) and _MARKED.search(said[1]):
        values[0] = _nearest(values[0], values[1], before=True) or values[0]
    if len(times) == 1:  # a bare hour next to the time: "from 2 to 3 pm", "from 7 pm to 9"
        a, b, value = times[0]
        if m := re.search(r"\b" + _BARE_HOUR + _CONNECTOR + r"$", masked[:a]):
            start = _nearest(_bare(m.group("hour")), value, before=True)
            values = [start, value] if start else values
        elif m := re.match(_CONNECTOR + _BARE_HOUR + r"\b(?!\s*(?:minutes?|mins?|hours?|hrs?))", masked[b:]):
            end = _nearest(_bare(m.group("hour")), value, before=False)
            values = [value, end] if end else values
    if len(values) == 1 and not _MARKED.search(said[0]) and 1 <= int(values[0][:2]) <= 7:
        values[0] = f"{int(values[0][:2]) + 12:02d}{values[0][2:]}"  # "lunch at 1:30", "dinner at 7 o'clock"
    days = [d for _, d in sorted(dates)]
    start = datetime.combine(days[0], datetime.strptime(values[0], "%H:%M").time())
    if len(values) == 2:
        end = datetime.combine(days[-1] if len(set(days)) == 2 else days[0],
                               datetime.strptime(values[1], "%H:%M").time())
    else:
        m = _DURATION.search(masked)
        minutes = parse_duration(m.group("d")) if m else DEFAULT_EVENT_MINUTES if len(set(days)) == 1 else None
        if minutes is None:
            return None
        end = start + timedelta(minutes=minutes)
    if end <= start and len(set(days)) == 1 and len(values) == 2 and end + timedelta(days=1) - start <= timedelta(hours=12):
        end += timedelta(days=1)  # "from 8 pm to midnight", "10 pm to 1 am"
    if end <= start:
        return None
    return start.strftime("%Y-%m-%d-%H-%M"), end.strftime("%Y-%m-%d-%H-%M")


# ---- values a request introduces with a marker ("subject ...", "saying ...") ----------------

_OPENING = r"\s*(?:(?:is|should\s+be)\s+)?[:\-]?\s*"
_COMMAND = r"(?:" + "|".join(COMMAND_WORDS) + r")\b"
# Where a marked value ends: a ";", a new command ("... and navigate to", ". Lock the car"),
# "then", ", and". A "." or "?" alone does not end it: a message may hold sentences.
# A result sent on, said without a comma: "how long on the turkey timer text that to carlos"
PASSED_ON = (r"(?<=\w)(?<!\bto)(?<!\bvia)(?<!\bby)(?<!\ba)(?<!\bi)(?<!\bill)(?<!\bi'll)(?<!\byou)(?<!\bwe)(?<!\bthey)"
             r"(?<!\bhe)(?<!\bshe)(?<!\bwill)(?<!\bcan)(?<!\bdid)(?<!\bplease)\s+"
             r"(?=(?:(?:text|txt|send|email|e-mail|forward)\s+{passed}\s+to(?!\s+(?:me|you|him|her|them|us)\b)"
             r"|(?:broadcast|announce)\s+{passed})\b)").format(
    passed=r"(?:it|that|them|this|the\s+(?:results?|answer|status|reading))")
_CLAUSE_END = re.compile(r"\s*(?:;|[.?!]\s+(?=" + _COMMAND + r")|,?\s+(?:and\s+then|then)\b|,\s+and\b|\s+and\s+(?="
                         + _COMMAND + r"))|" + PASSED_ON, re.I)
_PREPOSITIONS = ("by", "via", "using", "on", "in", "with", "taking")
_VERB_NEXT = re.compile(r"(?:" + "|".join(sorted(IMPERATIVE_VERBS | {"walk", "drive", "ride", "fly", "be"}))
                        + r")\b", re.I)
_QUOTED = re.compile(r'"[^"]+"|“[^”]+”')
_TO_ADDRESS = re.compile(r"\s*\b(?:to\s+)?" + _EMAIL.pattern)
MAX_MARKED_WORDS = 40


def marks_of(properties: dict[str, Any]) -> tuple[dict[str, list[str]], list[str], list[str]]:
    """A function's marked arguments (their "x-marked" words), the phrases that end a
    marked value (its "x-ends"), and how the other arguments' values are said ("by bike")."""
    markers = {p: s["x-marked"] for p, s in properties.items() if "x-marked" in s}
    ends = [phrase for p, s in properties.items() for phrase in s.get("x-ends", [])]
    words = [phrase for p, s in properties.items() if markers and p not in markers
             for phrases in (s.get("x-words") or {}).values() for phrase in phrases]
    return markers, ends, words


def marked_values(query: str, markers: dict[str, list[str]], ends: Sequence[str] = (),
                  words: Sequence[str] = ()) -> dict[str, str]:
    """The values a request introduces with a marker word (see marked_spans)."""
    return {param: value for param, (value, *_) in marked_spans(query, markers, ends, words).items()}


def _pattern(marks: Sequence[str]) -> str:
    return "|".join((r"\b" if w[0].isalnum() else "") + re.escape(w).replace(r"\ ", r"\s+")
                    + (r"\b" if w[-1].isalnum() else r"(?=\s)") for w in sorted(marks, key=len, reverse=True))


def marked_spans(query: str, markers: dict[str, list[str]], ends: Sequence[str] = (),
                 words: Sequence[str] = ()) -> dict[str, tuple[str, int, int, int]]:
    """The values a request introduces with a marker word, per argument ("subject" for an
    e-mail's title, "saying" for its body, "from" and "to" for a route): each runs from its
    marker to the next other argument's marker, an e-mail address, a clause end ("and
    navigate to ...", "; ..."), one of `ends` after a preposition or at the very end
    ("on google maps", "please"), one of the other arguments' `words` after a preposition
    ("by bike") or ending the request or its clause ("in German", "in Hindi, email it ..."), or the end. A quoted value is its
    quote. An argument whose marker is not said, or whose value reads oddly, is not
    returned. Each is (value, where its marker starts, where the value starts, where it ends).
    """
    quoted = [m.span() for m in _QUOTED.finditer(query)]  # a marker inside quotes is the value's own
    place = bool(ends or words)  # a place or a topic, not a message

    def said(marks: list[str]) -> list[re.Match[str]]:
        return [m for m in re.finditer(f"(?:{_pattern(marks)})" + _OPENING, query, re.I) if marks
                and not any(a < m.start() < b for a, b in quoted)
                and not (place and _VERB_NEXT.match(query, m.end()))] if marks else []  # "to get to the airport"

    seen_by = {param: said([w for w in marks if w[0].isalnum()]) for param, marks in markers.items()}
    worded = [m.span() for ms in seen_by.values() for m in ms]
    for param, marks in markers.items():  # a ":" counts only where no word marks the argument
        if not seen_by[param]:  # ("text Dr. Patel: I need ..."), and not as a word's ("subject: lunch")
            seen_by[param] = [m for m in said([w for w in marks if not w[0].isalnum()])
                              if not any(a <= m.start() <= b + 1 for a, b in worded)]
    found: list[tuple[int, int, str]] = []  # (marker start, value start, argument)
    address = None if place else _EMAIL.search(query)  # a message's markers follow its address; a place's need not
    for param, seen in seen_by.items():
        # after the address if one is said there: "go ahead and write an email ... that says hi";
        # a marker said twice counts after another argument's ("takes to drive from home to Tahoe")
        others = [m.start() for p, ms in seen_by.items() if p != param for m in ms[:1]]
        after = ([m for m in seen if address and m.start() >= address.end()]
                 or ([m for m in seen if m.start() > min(others)] if len(seen) > 1 and others else []))
        if m := (after or seen or [None])[0]:
            for later in seen if place else ():  # "look up youtube videos on tiling": the nearer marker says it
                if later.start() > m.start() and len(query[m.end():later.start()].split()) <= 3:
                    m = later
            found.append((m.start(), m.end(), param))
    found.sort()
    own = "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in sorted(ends, key=len, reverse=True)) or "(?!)"
    other = "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in sorted(words, key=len, reverse=True)) or "(?!)"
    # at the end, a word that needs no preposition to be said there ("... to the park cycling")
    introduced = "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in sorted(words, key=len, reverse=True)
                          if e.split()[0].lower() in _PREPOSITIONS or re.fullmatch(r"[a-z]+ing", e)) or "(?!)"
    # ", <a new command>" (a place or a topic holds none; a message may: "sorry, call me later"),
    # a label (", mode: transit"), "... by bike", "... on google maps", "... in German please",
    # a bare "... please" at the very end
    ending = re.compile(rf"\s*,\s*(?={_COMMAND}|[a-z]+(?:\s+[a-z]+)?\s*:\s)|[\s,]+(?:(?:{'|'.join(_PREPOSITIONS)})\s+(?:(?:a|the)\s+)?(?:{own}|{other})\b"
                        rf"|(?:{introduced})(?=[\s,]*(?:please|thanks|if possible|only)?(?:[\s.!?]*$|\s*[,;]|\s+and\b))"
                        rf"|(?<!\ba )(?<!\ban )(?<!\bthe )(?:{own})[\s.!?]*$)", re.I) if place else None
    values: dict[str, tuple[str, int, int, int]] = {}
    for n, (marker, begin, param) in enumerate(found):
        later = [s for s, _, _ in found[n + 1:]]
        text = query[begin:later[0] if later else len(query)]
        quote = _QUOTED.match(text)  # 'saying "kids are asleep"!': up to the closing quote
        if quote and re.match(r"[\s!?.,]*(?:$|(?:to|and|then|please|thanks|thx|thank you|now|right now|if you can)\b)",
                              text[quote.end():], re.I):
            text = quote.group()
        for end in (_CLAUSE_END, _TO_ADDRESS, ending):  # an address is the recipient's, not in a subject or body
            if end and (cut := end.search(text)):
                text = text[:cut.start()]
        text = re.sub(r"[\s,]+(?:and|with)$", "", text.strip())
        while text != (text := text.strip(" \"'“”‘’.,;:" + ("?!" if place else ""))):  # a place ends no question
            pass
        if text and len(text.split()) <= MAX_MARKED_WORDS:
            at = query.find(text, begin)
            values[param] = (text, marker, at, at + len(text))
    return values


# ---- a contact's name ("text Dr. Patel ...") ----------------------------------------------
# A text's contact is free text, yet people write it capitalized right after the verb
# ("text Ray the garage is shut", "let my wife Anna know"): read there, it is not guessed,
# and the message is what follows it. A lowercase request is left to the model.

# Capitalized words that open a message rather than continue a name ("tell Grandma Hi! ...").
_OPENERS = set("""hi hey hello yo good morning evening night did do does is are was were can could will would
should shall may might sorry fyi btw quick ok okay meet meeting leaving leave the a an what when where why who
how happy thanks thank love yes no yeah yep nope please don't dont just running omw see call i'm im we we're
be hope miss remember congrats congratulations welcome dinner lunch breakfast on in at my your our it its
it's that this there here let's lets any have has had get got go going come coming back home all""".split())
_NAME_WORD = (r"(?:(?:Mrs|Mr|Ms|Mx|Dr|Prof|St)(?:\.|\b)|(?!I(?:'[a-z]+)?\b)(?!(?i:" + "|".join(
    re.escape(w) for w in sorted(_OPENERS, key=len, reverse=True)) + r")\b)[A-Z][\w]*(?:[-'’][A-Z]?[a-z]+)*"
    r"(?<!'s)(?<!’s))")
_NAMED = re.compile(rf"{_NAME_WORD}(?:\s+(?:(?:de|da|di|del|van|von|der|den|la|le|al|bin|ibn)\s+)*{_NAME_WORD}){{0,2}}")
RELATION = r"(?:(?:my|our)\s+[a-z]+\s+)?"  # "my wife Anna", "my landlord Mr. Haddad"
_MORE_NAMES = re.compile(rf"(?:\s*,\s*(?:and\s+(?:to\s+)?)?|\s+and\s+(?:to\s+)?)(?P<name>{_NAMED.pattern})")
_PASS_ON = r"\b(?:text|txt|message|sms|send|forward|shoot|reply|write|drop|ping)\b"


def contact_spans(query: str, cues: Sequence[str]) -> list[tuple[int, int, bool]]:
    """(start, end, direct) of each capitalized name right after one of `cues` ("text",
    "tell", "let", ...; "to" only after a word that passes something on: "send that to
    Kayla", not "navigate to Lincoln Elementary"). `direct`: the cue is the verb, so the
    message may follow the name ("text Dan see you soon")."""
    found = []
    cue = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
    lower = in_lowercase(query)  # typed or transcribed in lowercase: "text mom running late" names mom
    named, more_names = (_LOWER_TITLED, _MORE_LOWER_NAMES) if lower else (_NAMED.pattern, _MORE_NAMES)
    for m in re.finditer(rf"\b(?i:{cue})\s+{'' if lower else RELATION}(?P<name>{named})(?![\w@'’-]|\.\w)", query):
        word = m.group().split()[0].lower()
        if lower and word != "to" and m.group("name").split()[0] in _GREETINGS:
            continue  # "text good morning to my wife": a message first, its contact after it
        if word == "to" and (not re.search(_PASS_ON + r"(?:\s+\S+){0,5}\s*$", query[:m.start()], re.I)
                             or _A_DAY.fullmatch(m.group("name"))):  # "... is moved to Thursday"
            continue
        found.append((m.start("name"), m.end("name"), word != "to" and not m.group().lower().split()[1:2] == ["my"]))
        at = m.end("name")
        while more := more_names.match(query, at):  # "text Jun, Mina and Callum: ..."
            found.append((more.start("name"), more.end("name"), False))
            at = more.end("name")
    return found


_GREETINGS = {"good", "happy", "merry", "congrats", "congratulations", "thanks", "thank", "hi", "hello", "hey", "love",
              "sorry", "welcome", "bye", "goodnight", "morning", "night", "cheers", "greetings", "best"}
_A_DAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|tomorrow|noon|midnight"
                    r"|january|february|march|july|september|october|november|december", re.I)  # not April, May, June
_NOT_A_MESSAGE = re.compile(r"(?:by|via|with|know|a|an|and|to|about|on|over|when|if|please|saying|that|:)\b|[:,]",
                            re.I)


# Words a said sentence starts with after "that" ("... that the flight landed", "... that I'm late").
# "that practice is moved to Thursday": a subject and its verb follow "that"
_THAT_CLAUSE = re.compile(r"that\s+(?:[\w'-]+\s+){1,3}?(?:is|are|was|were|will|won't|isn't|aren't|wasn't|has|have|had"
                          r"|hasn't|haven't|can|can't|got|gets|needs|wants|says|starts|ends|moved|changed|arrived"
                          r"|landed|left|finished|broke)\b", re.I)
_SUBJECTS = {"the", "i", "i'm", "im", "i'll", "we", "we're", "we'll", "you", "you're", "he", "he's", "she", "she's",
             "they", "they're", "it", "it's", "its", "my", "our", "your", "his", "her", "their", "there", "there's",
             "everything", "everyone", "nobody", "someone"}
_SAYING = re.compile(r"(?:and\s+)?(?:say|saying|tell\s+(?:him|her|them)(?:\s+that)?)\s+(?!(?:that|it|this)\b)", re.I)
# "text Mike running late, oh and also navigate to ...": a message goes on into no device's command
DEVICE_COMMAND = (r"(?:set|turn|navigate|lock|unlock|start|play|enable|disable|put|add|open|close|dim|mute|switch)\b")
# after a comma only "also" (", then open the window" may be the message's); after a sentence "also" or "then"
_THEN_DEVICE = re.compile(r"(?:,\s*(?:oh\s+)?(?:and\s+)?|\s+and\s+)also\s+(?=" + DEVICE_COMMAND + r")"
                          r"|[.;]\s*(?:and\s+)?(?:also|then)\s+(?=" + DEVICE_COMMAND + r")", re.I)
_AND_DO = re.compile(r",?\s+and\s+(?:" + "|".join(sorted(IMPERATIVE_VERBS)) + r")\s+(?:the|my|a|an|on|off|up|down)\b",
                     re.I)  # "I'm outside and flash the headlights", not "... and take care"


# What a message said after a name starts with when it may be something to look up and
# pass on ("text Alex the time", "text Carlos which lights are on"), not a message as said.
_KIN = r"(?i:mom|mum|mommy|dad|daddy|mama|papa|grandma|grandpa|nana|granny)\b"
_CONTACT = rf"(?:{_NAMED.pattern}|{_KIN})"
_TEXT_EACH = re.compile(r"^(?i:(?:please|hey|ok|okay|so|can you|could you)[\s,]+)*(?i:text|txt|message|sms)\s+"
                        rf"(?P<names>{_CONTACT}(?:\s*,\s*{_CONTACT})*\s*,?\s+(?:and|&)\s+{_CONTACT})(?=\s)")

SAYING_WORDS = {"say", "saying", "says", "tell", "telling", "ask", "asking", "let", "know", "that", "and", "n"}
_NOT_A_NAME = r"(?!(?i:" + "|".join(sorted(map(re.escape, FUNCTION_WORDS | IMPERATIVE_VERBS | set(COMMAND_WORDS)
                                                      | set(QUESTION_WORDS) | SAYING_WORDS | _SUBJECTS
                                                      | {"me", "us", "him", "them", "myself", "everyone"}), key=len, reverse=True)) + r")(?![\w'’]))"
LOWER_CONTACT = rf"{_NOT_A_NAME}[^\W\d_][\w'’-]*(?:(?<=['’]s)\s+[a-z]+)?"  # "jake's mom"
# "coach hernandez", "uncle tomasz", "mr patel": a title and the name it goes with
_LOWER_TITLED = (r"(?:(?:coach|uncle|aunt|auntie|mr|mrs|ms|miss|dr|professor|prof"
                 rf"|cousin|nurse|pastor|officer|captain|judge|rabbi|imam|reverend)\.?\s+)?{LOWER_CONTACT}")
_MORE_LOWER_NAMES = re.compile(rf"(?:\s*,\s*(?:and\s+(?:to\s+)?)?|\s+and\s+(?:to\s+)?)(?P<name>{_LOWER_TITLED})(?=[\s,:]|$)")
_TEXT_EACH_LOWER = re.compile(r"^(?i:(?:please|hey|ok|okay|so|can you|could you|can u|pls|plz)[\s,]+)*(?i:text|txt|message|msg|sms)\s+"
                              rf"(?P<names>{LOWER_CONTACT}(?:\s*,\s*{LOWER_CONTACT})*\s*,?\s+(?:and|&)\s+{LOWER_CONTACT})(?=\s)")


def in_lowercase(text: str) -> bool:
    """Typed or transcribed in lowercase: no capital but a phone's first letter and "I"
    ("Text mom I'm here" is as lowercase as "text mom im here")."""
    rest = re.sub(r"^\W*[A-Z]|\bI(?=\b|['’])", "", text)
    return rest == rest.lower()


def each_contact(query: str) -> tuple[list[str], tuple[int, int] | None] | None:
    """"text Mom and Dad I got the job!": the contacts a text goes to, each by name, and
    where the message they all get is said (None where it asks for something: "text Ana
    and Bo the weather"). None where the request is not one text to several people. In a
    request typed all in lowercase a name is any word that is no function or command word
    ("txt jake, emma and mia im on my way")."""
    said = (_TEXT_EACH_LOWER if in_lowercase(query) else _TEXT_EACH).match(query)
    if said is None:
        return None
    message = message_after(query, said.end("names"))
    if message is not None and ASKED.match(query, message[0]):
        message = None
    names = [n.strip() for n in re.split(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+", said.group("names")) if n.strip()]
    return names, message


ASKED = re.compile(r"(?:the|today's|tomorrow's|my|our|what|how|which|whether|where|when|if)\b", re.I)


def message_after(query: str, name_end: int) -> tuple[int, int] | None:
    """The message said right after a contact's name, up to the clause's end ("text Dan
    see you soon and call ..."); None where what follows is no message ("by text", "a
    text saying", "know that")."""
    rest = query[name_end:]
    start = name_end + len(rest) - len(rest.lstrip(" "))
    if said := _SAYING.match(query, start):  # "text Benji and say thanks for the ride"
        start = said.end()
    elif (that := re.match(r"that\s+(?=(\S+)(?:\s+\S+){2})", query[start:], re.I)) \
            and (that.group(1).lower() in _SUBJECTS or (that.group(1)[0].isupper() and re.match(
                r"that\s+\S+\s+[a-z]", query[start:])) or _THAT_CLAUSE.match(query, start)):
        # "that Bob is late", "that practice is moved", not "that Taylor Swift video"
        start += that.end()  # "text Claire that the flight landed"; "text Jess that" passes a result on
    text = query[start:]
    if not text or _NOT_A_MESSAGE.match(text):
        return None
    cuts = [m.start() for m in (_CLAUSE_END.search(text), _AND_DO.search(text), _THEN_DEVICE.search(text)) if m]
    if cuts:
        text = text[:min(cuts)]
    text = re.sub(r"[,.!?]\s*(?:please|thanks|thank you|thx|ty)[\s.!?]*$", "", text, flags=re.I)  # to us, not them
    text = text.rstrip(" .,;")
    return (start, start + len(text)) if text else None


# ---- a calendar event's title ("put Dentist on my calendar on April 9 ...") ----------------
# Said right after the verb that creates the event, up to the calendar, the day or the
# time; or after "for" at the end of "block off 1 to 2 pm on July 4th for Lunch with Priya".

_TITLE_LEAD = re.compile(
    r"(?:^|[,;:.]\s+|\band\s+|\bthen\s+)(?:(?:hey|ok|okay|please|so|also)[\s,]+)*"
    r"(?:(?:can|could|would) you\s+|i (?:need|want) to\s+|please\s+)?"
    r"(?:(?:schedule|add|create|put|book|set up|make|new)\s+(?:(?:a|an|the|new|my)\s+)*"
    r"(?:(?:calendar\s+)?(?:ev+e*n+t|evnt|entry|appointment|meeting)\s*)?(?:(?:in|on|to|into)\s+(?:my|the)\s+cal[a-z]*\s+)?"
    r"(?:(?:called|named|titled|for)\s+)?:?"
    r"|calendar(?:\s+event)?\s*:)\s*", re.I)
_TITLE_FOR = re.compile(r"^(?:(?:can|could) you\s+|please\s+)?(?:block|book)\b.*\bfor\s+(?=\S+(?:\s+\S+){0,7}[.!?]*$)", re.I)
_TITLE_STOP = re.compile(r"\s+(?:on|to|in|into)\s+(?:my|the)\s+cal[a-z]*\b|\s*[,;]|\s+(?:on|for|from|at|starting|between"
                         r"|this|next|tomorrow|today|tonight)\b|,?\s+and\s+(?=" + _COMMAND + r")|[.!?]*$", re.I)
_DATED = re.compile(r"\d|\b(?:" + "|".join(_MONTHS) + r")\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
                    r"|\b(?:calendar|event|tomorrow|today|tonight|noon|midnight)\b", re.I)


def event_title(query: str) -> tuple[int, int] | None:
    """Where a calendar event's title is said, as (start, end); None when no creating verb
    introduces it, or what follows reads as a day or a time rather than a title."""
    for lead in [*_TITLE_LEAD.finditer(query), *[m for m in [_TITLE_FOR.match(query)] if m]]:
        if lead.start() and re.search(r"[A-Z]", query[lead.start():lead.end()]):
            continue  # "...: Book club" is the title itself, not a verb
        rest = query[lead.end():]
        text = rest[:_TITLE_STOP.search(rest).start()].rstrip(" \"'”’")
        start = lead.end() + len(text) - len(text.lstrip(" \"'“‘"))
        text = text.lstrip(" \"'“‘")
        if text and not _DATED.search(text) and len(text.split()) <= 8 \
                and text.lower() not in ("it", "that", "this", "them", "one"):
            return start, start + len(text)
    return None


# ---- what to play on a screen or speaker, and from which service ------------------------
# "put The Office on the nest hub from peacock", "play the album Rumours on pandora": the
# title follows the verb, the service follows "on/from/via/using/with", and the device
# itself ("on the nest hub") is neither.

_PLAY = re.compile(r"\b(?:play|put on|put|throw on|queue up|stream|cast|show|watch|start|pull up|listen to|hear|see)\s+"
                   r"(?:some\s+|(?:the\s+)?(?:album|song|track|playlist|movie|tv\s+show|show|video|film|series|podcast|artist)\s+)?", re.I)
_DEVICE_SAID = r"(?:(?:the|my|our)\s+)?(?:nest\s+hub|nst\s+hub|hub|screen|nest)\b"
_SERVICE_SAID = re.compile(r"\s+(?:on|from|form|via|using|with)\s+|\s+(?:to|onto)\s+(?=" + _DEVICE_SAID + ")", re.I)
_CLASS_AFTER = re.compile(r"\s+(?:track|song|album|playlist|podcast|movie|show|tv show|artist)$", re.I)  # "Take Five track"
_USE_SERVICE = re.compile(r"\b(?:use|open|put)\s+(?P<service>\w[\w+ ]{0,25}?)\s+(?:on\s+" + _DEVICE_SAID
                          + r"\s+)?(?:to|and)\s+(?:play|put|stream|start)\b", re.I)
_CALLED_SERVICE = re.compile(  # "Spotify, play ...", not "Hey, play ..." nor "nest hub, play ..."
    r"(?!(?i:hey|hi|hello|ok|okay|alright|so|please|yo|uh|um|hmm|quick|now|nest|hub)\b)"
    r"(?P<service>[A-Z][\w+]*(?:\s+[A-Z][\w+]*){0,2}),\s*(?=(?i:play|put|stream|start|show)\b)")
_NOT_A_TITLE = re.compile(r"(?:it|that|this|them|those|the\s+(?:first\s+|top\s+)?(?:result|video|one)s?|whatever\b.*)$", re.I)


def media_spans(query: str, device: str = _DEVICE_SAID, rooms: Sequence[str] = ()) -> dict[str, tuple[int, int]]:
    """{"name": (start, end), "service": (start, end)} of what a request plays and from
    where, each where it is said plainly; a pronoun or "the first result" is no title.
    "in" one of `rooms` (a home's areas) or "in here" ends the title too, and a class word
    after it is no part of it ("Take Five track")."""
    found: dict[str, tuple[int, int]] = {}
    ends = sorted([m.start() for m in _NEXT_COMMAND.finditer(query)]
                  + [m.start() for m in re.finditer(r",\s*(?=" + _COMMAND + ")", query, re.I)] + [len(query)])
    use = _USE_SERVICE.search(query) or _CALLED_SERVICE.match(query)
    if use:
        found["service"] = use.span("service")
    plays = [m for m in _PLAY.finditer(query) if not (use and m.start() < use.end("service"))]  # "use spotify to play"

    def clause_end(at: int) -> int:
        return min(e for e in ends if e >= at)

    # the verb whose clause names the device, if one does: "pull up rain sounds on youtube, play it on the hub"
    plays = [m for m in plays if re.search(device, query[m.start():clause_end(m.end())], re.I)] or plays[:1]
    for play in plays:
        end = clause_end(play.end())
        pieces = [(play.end(), None)]  # (where a piece starts, what introduced it)
        said = _SERVICE_SAID if not rooms else re.compile(_SERVICE_SAID.pattern + r"|\s+in\s+(?:(?:the|my|our)\s+)?(?=(?:"
                                                          + "|".join(map(re.escape, rooms)) + r"|here|this)\b)", re.I)
        for m in said.finditer(query, play.end(), end):
            pieces.append((m.end(), m))
        spans = []
        for n, (start, by) in enumerate(pieces):
            stop = pieces[n + 1][1].start() if n + 1 < len(pieces) else end
            stop = min(stop, query.find(",", start, stop) % (len(query) + 1))  # "..., thx"
            spans.append((start, stop, by))
        title = spans[0]
        rest = [(a, b) for a, b, by in spans[1:] if not re.match(device, query[a:b], re.I)]
        name = _CLASS_AFTER.sub("", query[title[0]:title[1]].strip(" ?.!,"))
        if not name or _NOT_A_TITLE.match(name) or re.match(device + r"[\s?.!,]*$", name, re.I):
            break
        found["name"] = (title[0], title[0] + len(name))
        if rest and "service" not in found:
            a, b = rest[0]
            service = query[a:b].strip(" ?.!,")
            found["service"] = (a, a + len(service))
        break
    return found


# ---- a duration in parts ("an hour and fifteen minutes" -> hours 1, minutes 15) ------------

_UNITS = {"hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "minute": "minutes",
          "minutes": "minutes", "min": "minutes", "mins": "minutes", "minuets": "minutes", "minuet": "minutes",
          "second": "seconds", "seconds": "seconds", "sec": "seconds", "secs": "seconds"}
_NEXT_UNIT = {"hours": ("minutes", 30), "minutes": ("seconds", 30)}  # what "and a half" adds
_AMOUNT = (r"(?P<n>[0-9]+|an?|another|(?:(?:" + "|".join(sorted(NUMBER_WORDS - {"and", "point", "minus", "o", "oh"}, key=len,
                                                    reverse=True)) + r")[\s-]*)+?)")
_HALF = r"(?:half|1/2)"
_PART = re.compile(r"(?:\b(?P<half>" + _HALF + r"\s+an?\s+(?P<hu>hour|minute))|\b" + _AMOUNT
                   + r"(?:\s+(?:more|extra|additional))?"  # "give the timer 29 more seconds"
                   + r"(?P<andhalf>\s+and\s+(?:a\s+)?" + _HALF + r")?[\s-]*"
                   r"(?P<unit>" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\b(?P<half2>\s+and\s+(?:a\s+)?"
                   + _HALF + r")?)", re.I)


def duration_parts(text: str) -> dict[str, int] | None:
    """The duration a request says, split as Home Assistant's timer slots are: "two and a
    half minute timer" -> minutes 2, seconds 30; "an hour and fifteen minutes" -> hours 1,
    minutes 15. None when it says none, or two durations ("add 5 minutes to the 1 hour
    timer": which is the amount is not for a reader to guess)."""
    parts: dict[str, int] = {}
    end = None
    for m in _PART.finditer(text):
        if end is not None and not re.fullmatch(r"[\s,]*(?:and)?\s*", text[end:m.start()]):
            return None
        end = m.end()
        if m.group("half"):
            unit = _UNITS[m.group("hu").lower()]
            add = [_NEXT_UNIT[unit]]
        else:
            amount = m.group("n").strip(" -").lower()
            value = 1 if amount in ("a", "an", "another") else parse_number(amount)
            if value is None or value != int(value):
                return None
            unit = _UNITS[m.group("unit").lower()]
            add = [(unit, int(value))] + ([_NEXT_UNIT[unit]] if (m.group("andhalf") or m.group("half2"))
                                          and unit in _NEXT_UNIT else [])
        for name, value in add:
            if name in parts:
                return None
            parts[name] = value
    return parts or None


_CLOSER = re.compile(r"[\s,]*\b(?:please|thanks|thank you|for me|for us|now)[\s.!?]*$", re.I)


def timer_command(text: str) -> tuple[int, int] | None:
    """Where the command a delayed command runs is said ("turn off the lights in 10 minutes",
    "in an hour remind me to stretch"), as Home Assistant's timer templates read it: the
    words before "in/after <duration>" or after it. None when the request says "timer"
    (then it is a timer, and none of its words is a command) or no such duration."""
    if re.search(r"\btimers?\b", text, re.I):
        return None
    for m in re.finditer(r"\b(?:in|after)\s+", text, re.I):
        end = m.end()
        for part in _PART.finditer(text, m.end()):
            if not re.fullmatch(r"[\s,]*(?:and\s+)?", text[end:part.start()]):
                break
            end = part.end()
        if end == m.end():
            continue
        before, after = text[:m.start()].rstrip(" ,"), _CLOSER.sub("", text[end:]).rstrip(" .!?")
        lead = len(after) - len(after.lstrip(" ,"))
        if before and not after[lead:]:
            please = re.match(r"(?:please|can you|could you)\s+", before, re.I)
            return (please.end() if please else 0), len(before)
        if after[lead:] and not before:
            return end + lead, end + len(after)
    return None


# Words that never name a timer: "my timer", "a 10 minute timer", "decrease the timer".
_NOT_A_TIMER_NAME = {"a", "an", "the", "my", "our", "your", "this", "that", "these", "those", "another", "new", "one",
                     "all", "both", "each", "every", "current", "running", "existing", "other", "and", "of", "for",
                     "to", "on", "off", "from", "by", "in", "create", "increase", "decrease", "extend", "shorten",
                     "cancel", "pause", "hold", "resume", "continue", "unpause", "restart", "delete",
                     "which", "any", "many", "there", "list", "reset", "dismiss", "clear", "running", "active",
                     "paused", "stopped", "held", "finished", "expired", "remaining", "same", "only", "previous",
                     # a timer's state, no name ("frozen pizza" and "first rise" are names)
                     *QUESTION_WORDS,
                     *_UNITS, *NUMBER_WORDS, *COMMAND_WORDS}
_NAME_END = re.compile(r"\s+(?:for|by|in|with|to)\s+|[,;.!?]")


_PRONOUNS = {"me", "us", "you", "him", "her", "them", "it"}


_SHORT_DURATION = re.compile(r"\b[0-9]+\s*(?:h|hr|m|min|s|sec)\b|\b[0-9]+h[0-9]+\b|\bquarter\s+(?:of\s+an\s+)?hour\b"
                             r"|\bcouple\s+(?:of\s+)?(?:hours|minutes|seconds)\b", re.I)


@functools.lru_cache(maxsize=1024)  # asked for every timer function, clause by clause
def says_duration(text: str) -> bool:
    return _PART.search(text) is not None or _SHORT_DURATION.search(text) is not None


def timer_name(text: str, areas: Sequence[str] = ()) -> tuple[int, int] | None:
    """Where a timer's name is said, as Home Assistant's timer templates place it: "a timer
    named pizza", "a 20 minute timer for bedtime" (not "a timer for 5 minutes"), "the
    pizza timer" (not "the kitchen timer" where Kitchen is one of `areas`). None for "my
    timer", "a 10 minute timer", "the timer"."""
    said = re.search(r"\btimers?\b", text, re.I)
    if said is None:
        return None
    for m in (*re.finditer(r"\b(?:named|called|name\s*:)\s+(?:the\s+|my\s+)?", text[said.end():], re.I),
              *re.finditer(r"^\s+(?:for|of)\s+(?:the\s+|my\s+)?", text[said.end():], re.I),
              # "timer 20 minutes for the lasagna": its name after its duration
              *re.finditer(r"^\s+(?:for\s+)?(?:[\w.-]+\s+(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\s+(?:and\s+)?)+"
                           r"for\s+(?:the\s+|my\s+)?", text[said.end():], re.I)):
        begin = said.end() + m.end()
        if _PART.match(text, begin):
            continue  # "timer for 5 minutes": that is its duration
        stop = _NAME_END.search(text, begin)
        clause = _CLAUSE_END.search(text, begin)
        counted = re.compile(r"\s+(?:\d+|(?:" + "|".join(NUMBER_WORDS) + r"))[\s-]*(?:" + "|".join(_UNITS) + r")\b", re.I)
        end = min(x.start() if x else len(text) for x in (stop, clause, counted.search(text, begin)))  # "my ramen 3 min"
        if tail := re.search(r"(?:\s+(?:and|or|then|with|a|an|the|another))+$", text[begin:end], re.I):
            end = begin + tail.start()  # "named eggs and a 3-minute timer ..."
        while end > begin and text[begin] in "\"“'":  # 'a timer for "pizza"'
            begin += 1
        while end > begin and text[end - 1] in "\"”'":
            end -= 1
        name = text[begin:end]
        if end > begin and not _CLOSER.fullmatch(name) and name.lower() not in _PRONOUNS and not re.match(
                r"(?:[0-9]|an?\b|(?:a\s+)?(?:few|couple)\b)", name, re.I) and not re.search(
                r"\b(?:" + "|".join(_UNITS) + r"|am|pm|tomorrow|tonight|morning|evening)\b", name, re.I):
            return begin, end  # not "a timer for me", "for 1.5 hours", "for a few minutes", "for 3pm"
    for m in re.finditer(r"\btimers?\b", text, re.I):
        named: list[re.Match[str]] = []
        for word in reversed(list(re.finditer(r"[\w']+(?:-[\w']+)*", text[:m.start()]))[-2:]):
            parts = word.group().lower().split("-")
            if any(p in _NOT_A_TIMER_NAME or any(ch.isdigit() for ch in p) for p in parts):
                break
            named.insert(0, word)
        said_name = text[named[0].start():named[-1].end()] if named else ""
        if said_name and not any(says_whole(said_name, a) for a in areas):
            return named[0].start(), named[-1].end()  # not "the kitchen timer": that is an area's
    return None


# ---- coordinated objects ("add eggs and butter to the list") --------------------------------

_JOINING = {"to", "in", "on", "at", "from", "for", "into", "onto", "of", "with", "by", "off", "up", "down",
            "both", "all", "each", "every", "any", "and", "or", "as", "that", "saying", *COMMAND_WORDS,
            *QUESTION_WORDS}
_ARTICLES = {"the", "a", "an", "my", "our", "your", "some"}
_WORD = re.compile(r"[\w'’.@+-]+")


# Things sold or done under one name with an "and" in it: one object, not two.
ONE_THING = re.compile(r"\b(?:mac(?:aroni)?\s+and\s+cheese|half\s+and\s+half|fish\s+and\s+chips|salt\s+and\s+(?:vinegar|pepper\s+chips)"
                       r"|peanut\s+butter\s+and\s+jelly|pb\s*(?:and|&)\s*j|sweet\s+and\s+sour|bread\s+and\s+butter\s+pickles"
                       r"|m\s*(?:and|&)\s*ms|r\s+and\s+b|rock\s+and\s+roll|black\s+and\s+white|hide\s+and\s+seek"
                       r"|pots\s+and\s+pans|odds\s+and\s+ends|arts\s+and\s+crafts|shampoo\s+and\s+conditioner)\b", re.I)


_MEASURED = re.compile(r"\b(?:[0-9]+(?:\.[0-9]+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\s*"
                     r"(?:mm|millimet(?:er|re)s?|cm|centimet(?:er|re)s?|inch(?:es)?|%|percent|degrees?|minutes?|seconds?"
                     r"|hours?)(?![\w])", re.I)


_SET_TO = re.compile(r"\s(?:on|off|red|blue|green|white|yellow|orange|purple|pink)$", re.I)


def coordinated(text: str) -> list[str] | None:
    """The requests a coordination of objects stands for: "add eggs and butter to the
    shopping list" -> "add eggs to the shopping list", "add butter to the shopping list";
    "turn off the tv, the lamp and the tree"; "the weather in Boston and in New York";
    "open the curtains and the shades upstairs" (what follows the last object is shared).
    An object runs back to a verb, a preposition or "both"; the last one runs to a
    preposition, or as far as the one before it does. None when the "and" joins no
    objects ("lights on and music off", "... and turn on the fan")."""
    # "mac and cheese" is one object: its "and" is masked as part of one word
    text = ONE_THING.sub(lambda m: re.sub(r"\s+and\s+", "_and_", m.group(), flags=re.I), text)
    joint = list(re.finditer(r"(?:\s*,\s*and|\s+and)\s+", text, re.I))
    if not joint:
        return None
    last = joint[-1]
    left_text, right_text = text[:last.start()], text[last.end():]
    # the objects before "and": ", "-separated ("milk and eggs and bread" too), the first back to a joining word
    separators = list(re.finditer(r",|\s+and\s+", left_text))
    chunks = list(zip([0] + [m.end() for m in separators], [m.start() for m in separators] + [len(left_text)]))
    elements: list[tuple[int, int]] = []
    for n, (start, stop) in enumerate(reversed(chunks)):
        words = list(_WORD.finditer(left_text[start:stop]))
        kept = []
        for w in reversed(words):
            if w.group().lower() in _JOINING:
                break
            kept.insert(0, w)
        if n + 1 == len(chunks) and len(kept) == len(words) and len(kept) > 1:
            kept = kept[1:]  # the request's first word is its verb ("dock the vacuum and the mower")
        if not kept:
            return None
        elements.insert(0, (start + kept[0].start(), start + kept[-1].end()))
        if len(kept) < len(words) or len(kept) > 4:
            break  # this chunk holds the verb: the list starts here
        if n + 1 == len(chunks):
            return None  # no verb before the objects
    if any(re.fullmatch(r"[0-9%.,]+|" + "|".join(NUMBER_WORDS), text[a:b].strip(), re.I) for a, b in elements):
        return None  # "dim the lamp to 30% and the ceiling light": a value is not an object
    if any(_MEASURED.search(text[a:b]) for a, b in elements):
        return None  # "the driver seat forward 30 mm and the passenger seat up 10 mm": each has its own
    if any(_SET_TO.search(text[a:b]) for a, b in elements):
        return None  # "night light blue and desk lamp off": each has its own setting
    first_begin = elements[0][0]
    before = text[:first_begin].split()
    if not before:
        return None
    shared_preposition = before[-1].lower() if before[-1].lower() in _JOINING - set(COMMAND_WORDS) else None
    # the last object: after "and" (and a repeated preposition), up to a joining word, or as
    # long as the one before it (a run of capitalised words is one name)
    words = list(_WORD.finditer(right_text))
    if words and shared_preposition and words[0].group().lower() == shared_preposition:
        words = words[1:]
    right: list[re.Match[str]] = []
    for w in words:
        if w.group().lower() in _JOINING:
            if w.group().lower() == shared_preposition:
                return None  # "the living room to 21 and the bedroom to 18": each has its own value
            break
        right.append(w)
    # what all the objects share trails the last one: "... and the shades upstairs",
    # "the kitchen and living room lights", "rear left and rear right windows 200 mm each"
    ends = {_tail_kind(text[a:b].split()[-1]) for a, b in elements}
    while (len(_content(" ".join(w.group() for w in right))) > 1
           and (kind := _tail_kind(right[-1].group())) is not None and kind not in ends):
        right.pop()
    if not right or right[0].group().lower() in IMPERATIVE_VERBS:
        return None  # "... and roll the window up": a clause, not an object
    prefix = re.sub(r"\bboth\s+$", "", text[:first_begin], flags=re.I)
    suffix = right_text[right[-1].end():]
    last = right_text[right[0].start():right[-1].end()]
    article = text[elements[0][0]:elements[0][1]].split()[0]
    if article.lower() in _ARTICLES and right[0].group().lower() not in _ARTICLES:
        last = f"{article} {last}"  # "the kitchen and living room lights": the living room's too
    objects = [text[a:b] for a, b in elements] + [last]
    return [f"{prefix}{o}{suffix}".replace("_and_", " and ") for o in objects]


def _content(text: str) -> list[str]:
    return [w for w in text.split() if w.lower() not in _ARTICLES]


# Words that may trail the last object for all of them, by kind: what a thing is, where, how much.
_TAIL_KINDS = ({*CLASS_WORDS, "side", "sides", "seat", "seats"}, {"upstairs", "downstairs"},
               {"each", "please", "too", "now", *_UNITS, "mm", "cm", "millimeters", "centimeters", "percent",
                "%", "degrees"})


def _tail_kind(word: str) -> int | None:
    word = word.lower()
    if word.isdigit() or word in NUMBER_WORDS:
        return 2
    return next((n for n, kind in enumerate(_TAIL_KINDS) if word in kind), None)


# ---- a measurement in a unit ("3 centimeters" -> 30 for a value in millimetres) -------------

def measured(text: str, units: dict[str, float]) -> int | None:
    """The one amount the request gives in one of `units` (how each is said -> its factor
    to the value's own unit), converted: "back 3 centimeters" -> 30 with {"cm": 10, ...}.
    None when it gives none, or two different ones."""
    said = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    found = set()
    for m in re.finditer(r"(?<![\d.,/])(?:(?P<decimal>[0-9]+\.[0-9]+)|\b" + _AMOUNT + r")[\s-]*(?P<unit>" + said + r")\b",
                         text, re.I):
        if re.search(r"\b(?:half|quarter|a\s+third)\s*(?:of\s+)?$|/\s*$", text[:m.start()], re.I):
            return None  # "half an inch": not for a reader of whole amounts
        amount = (m.group("decimal") or m.group("n")).strip(" -").lower()
        value = 1 if amount in ("a", "an") else parse_number(amount)
        if value is None:
            return None
        found.add(round(value * units[m.group("unit").lower()]))
    return found.pop() if len(found) == 1 else None


# ---- a number a word introduces ("volume to 20", "down by 5") ----------------------------------

def numbers_after(text: str, words: dict[str, list[str]], negative: dict[str, list[str]]) -> dict[str, int]:
    """For each argument, the whole number one of its words introduces ("to 20", "by
    five", "down 8"), negated when the request says one of the argument's `negative`
    words ("down", "lower"). An argument whose words introduce no number, or two
    different ones, is left out."""
    found: dict[str, int] = {}
    for param, marks in words.items():
        # the whole amount ("to thirty-nine", not "to thirty"): the duration reader's is lazy
        pattern = r"\b(?:" + "|".join(re.escape(w) for w in sorted(marks, key=len, reverse=True)) + r")\s+" \
            + _AMOUNT.replace(")+?)", ")+)") + r"\b"
        values = set()
        for m in re.finditer(pattern, text, re.I):
            amount = m.group("n").strip(" -").lower()
            value = None if amount in ("a", "an") else parse_number(amount)
            if value is not None and value == int(value):
                values.add(int(value))
        if len(values) == 1:
            value = values.pop()
            found[param] = -value if negative.get(param) and says(text, negative[param]) else value
    return found
