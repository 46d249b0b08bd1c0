"""Numbers and phone numbers as people say them, read back into canonical values.

The planner points at the words ("seventy seven", "917 555 0108") instead of spelling a
value digit by digit: WordPiece splits digit runs unpredictably, and a small decoder
turns "seventy seven" into 71 as easily as into 77. These parsers give the value.

A span is a run of request tokens (start, end inclusive) that begins and ends on a
word boundary, so "5cm" offers no "5" and "20%" offers "20".
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from text_to_num import text2num

E164_PATTERN = r"^\+[1-9]\d{6,14}$"
MAX_NUMBER_TOKENS = 8
MAX_PHONE_TOKENS = 24

DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
               "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
NUMBER_WORDS = {*DIGIT_WORDS, "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
                "seventy", "eighty", "ninety", "hundred", "thousand", "and", "point", "minus"}
_NUMBERISH = re.compile(r"^(\d+|[.,\-]|[a-z]+)$", re.I)


def parse_number(text: str) -> float | None:
    """"77", "21.5", "1,000", "seventy seven", "twenty-one", "two hundred and five"."""
    text = text.strip()
    plain = text.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", plain):
        return float(plain)
    words = text.lower().replace("-", " ").split()
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
    text = text.lower().replace("(0)", " ")
    plus = text.lstrip().startswith(("+", "plus"))
    digits = ""
    for word in re.findall(r"\d+|[a-z]+|\+", text):
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
    if not re.fullmatch(r"[1-9]\d{6,14}", digits):
        return None
    return "+" + digits


def word_bounds(text: str, offsets: Sequence[tuple[int, int]]) -> tuple[list[bool], list[bool]]:
    """May a span start / end at each token? Not inside a word ("5cm", "##7")."""
    def glued(at: int) -> bool:
        return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()

    return [not glued(a) for a, _ in offsets], [not glued(b) for _, b in offsets]


def number_spans(text: str, offsets: Sequence[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """Every span that reads as a number, with its value."""
    starts, ends = word_bounds(text, offsets)
    pieces = [text[a:b] for a, b in offsets]
    found: dict[tuple[int, int], float] = {}
    for s in range(len(offsets)):
        if not starts[s] or not (pieces[s][:1].isdigit() or pieces[s].lower() in NUMBER_WORDS):
            continue
        for e in range(s, min(len(offsets), s + MAX_NUMBER_TOKENS)):
            if not _NUMBERISH.match(pieces[e]) or (pieces[e].isalpha() and pieces[e].lower() not in NUMBER_WORDS):
                break
            if ends[e] and pieces[e][-1:].isalnum():
                value = parse_number(text[offsets[s][0]:offsets[e][1]])
                if value is not None:
                    found[(s, e)] = value
    return found


def phone_spans(text: str, offsets: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """Every span that reads as a phone number, with its E.164 form."""
    starts, ends = word_bounds(text, offsets)
    pieces = [text[a:b] for a, b in offsets]
    found: dict[tuple[int, int], str] = {}
    for s in range(len(offsets)):
        first = pieces[s].lower()
        if not starts[s] or not (first[:1].isdigit() or first in ("+", "(", "plus") or first in DIGIT_WORDS):
            continue
        for e in range(s, min(len(offsets), s + MAX_PHONE_TOKENS)):
            piece = pieces[e].lower()
            if not (piece.isdigit() or piece in DIGIT_WORDS or piece in "+()-.,/" or piece == "plus"):
                break
            if ends[e] and pieces[e][-1:].isalnum():
                value = parse_phone(text[offsets[s][0]:offsets[e][1]])
                if value is not None:
                    found[(s, e)] = value
    return found
