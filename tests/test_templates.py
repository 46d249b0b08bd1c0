"""The phone and car request generator: templates, slot values and noise.

The spoken forms of times, dates, phone numbers and quantities are checked by parsing them
back with small parsers written here, independently of the generator."""
from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta

import jsonschema
import pytest

from devices.car import Car
from devices.phone import Phone
from hub.planner import values
from hub.planner.templates import (
    augment,
    expand,
    fallback_templates,
    function_examples,
    split_fixed,
    template_problems,
    template_slots,
)
from protocols import FunctionSpec

ADAPTERS = [Phone("phone-1"), Car("car-1")]
SPECS = {(a.kind, name): a.functions[name].spec for a in ADAPTERS for name in a.function_order()}
FREE_TEXT = values.FREE_TEXT_PARAMS


def spec_ids() -> list[str]:
    return [f"{k}.{n}" for k, n in SPECS]


# ---- independent parsers of spoken forms ---------------------------------------------------

WORD_NUM = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
WORD_NUM.update({w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
            "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "thirtieth": 30}


def words_to_int(text: str) -> int:
    """"two hundred seventy-four" -> 274, "21" -> 21, "thirty first" -> 31."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for word in text.replace("-", " ").split():
        if word == "hundred":
            current *= 100
        elif word in WORD_NUM:
            current += WORD_NUM[word]
        elif word in ORDINALS:
            current += ORDINALS[word]
        elif word == "and":
            continue
        else:
            raise ValueError(f"not a number word: {word!r} in {text!r}")
    return total + current


def parse_time(text: str) -> str:
    """Spoken time of day -> "HH:MM"."""
    t = text.lower().strip()
    t = re.sub(r"\ba\.m\.|\ba m$", "am", t)
    t = re.sub(r"\bp\.m\.|\bp m$", "pm", t)
    if t in ("noon", "midday", "12 noon", "twelve noon"):
        return "12:00"
    if t in ("midnight", "12 midnight"):
        return "00:00"
    if m := re.fullmatch(r"(\d{2})(\d{2}) hours", t):
        return f"{m[1]}:{m[2]}"
    if m := re.fullmatch(r"(\d{2}):(\d{2})", t):
        return t
    suffix = None
    for s in ("am", "pm", "in the morning", "in the afternoon", "in the evening", "tonight",
              "at night"):
        if t.endswith(s):
            suffix, t = s, t[: -len(s)].strip()
            break
    if m := re.fullmatch(r"(?:a )?(quarter|half|[a-z -]+?) (past|to) (noon|midnight|\w+)", t):
        amount = {"quarter": 15, "half": 30}.get(m[1]) or words_to_int(m[1])
        if m[3] in ("noon", "midnight"):
            base = 12 if m[3] == "noon" else 0
            total = base * 60 + (amount if m[2] == "past" else -amount)
            total %= 24 * 60
            return f"{total // 60:02d}:{total % 60:02d}"
        hour = words_to_int(m[3])
        h, mins = (hour, amount) if m[2] == "past" else (hour - 1 or 12, 60 - amount)
    elif m := re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(?: o'clock)?", t):
        h, mins = int(m[1]), int(m[2] or 0)
    else:
        words = t.replace("o'clock", "").replace("-", " ").split()
        h = words_to_int(words[0])
        rest = words[1:]
        if rest and rest[0] in ("oh", "o"):
            rest = rest[1:]
        mins = words_to_int(" ".join(rest)) if rest else 0
    assert suffix is not None, f"ambiguous time {text!r}"
    h12 = h % 12
    if suffix in ("am", "in the morning"):
        h = h12
    elif suffix in ("pm", "in the afternoon", "in the evening", "tonight"):
        h = h12 + 12
    else:  # at night: 9-11 pm, 12-4 am
        h = h12 + 12 if h12 >= 5 else h12
    return f"{h:02d}:{mins:02d}"


DIGITS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
          "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "plus": "+"}


def parse_phone(text: str) -> str:
    """Written or spoken number -> E.164 (US numbers without a country code get +1)."""
    t = text.lower().replace("(0)", "")
    t = " ".join(DIGITS.get(w, w) for w in re.split(r"[\s,]+", t))
    digits = re.sub(r"[^\d+]", "", t)
    if digits.startswith("+"):
        return digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if len(digits) == 11 and digits.startswith("1"):
        return "+" + digits
    assert len(digits) == 10, text
    return "+1" + digits


MONTH_NUM = {m.lower(): i + 1 for i, m in enumerate(values.MONTHS)}
MONTH_NUM.update({m.lower(): i + 1 for i, m in enumerate(values.MONTH_ABBR)})


def _day(token: str) -> int:
    token = token.strip().lower()
    if m := re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", token):
        return int(m[1])
    return words_to_int(token)


def _year(token: str) -> int:
    token = token.strip()
    if token.isdigit():
        return int(token)
    assert token.startswith("twenty "), token
    return 2000 + words_to_int(token[len("twenty "):])


def parse_date(text: str, today: date | None) -> date:
    """Spoken day -> date; without a year, the next such day on or after `today`."""
    t = text.strip().lower().replace(",", "")
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t):
        return date(int(m[3]), int(m[1]), int(m[2]))
    weekday = None
    first = t.split()[0]
    if first in [w.lower() for w in values.WEEKDAYS]:
        weekday = [w.lower() for w in values.WEEKDAYS].index(first)
        t = t[len(first):].strip()
    t = t.replace(".", "")
    month_re = "|".join(sorted(MONTH_NUM, key=len, reverse=True))
    year_re = r"(\d{4}|twenty [a-z -]+)"
    day_re = r"([a-z0-9 -]+?)"
    patterns = [rf"(?:the )?{day_re} of ({month_re})(?: {year_re})?",
                rf"({month_re}) {day_re}(?: {year_re})?",
                rf"(\d{{1,2}}) ({month_re})(?: {year_re})?"]
    for i, pattern in enumerate(patterns):
        if m := re.fullmatch(pattern, t):
            if i == 1:
                month, day, year = m[1], m[2], m[3]
            else:
                day, month, year = m[1], m[2], m[3]
            if year is None and i == 1 and re.fullmatch(r"(.+) (\d{4})", day or ""):
                day, year = day.rsplit(" ", 1)
            d_num, m_num = _day(day), MONTH_NUM[month]
            if year is not None:
                found = date(_year(year), m_num, d_num)
            else:
                assert today is not None, f"{text!r} has no year and there is no today"
                found = date(today.year, m_num, d_num)
                if found < today:
                    found = date(today.year + 1, m_num, d_num)
            if weekday is not None:
                assert found.weekday() == weekday, f"{text!r} names the wrong weekday"
            return found
    raise AssertionError(f"unparsed date {text!r}")


def parse_datetime(text: str, today: date | None, same_day: date | None = None) -> datetime:
    """"March 3rd at 2 pm", "2 pm on March 3rd", "March 3, 2 pm", "2027-03-03 14:00", or a
    bare time (on `same_day`)."""
    t = text.strip().replace(" at night", " @night")  # not the " at " before a time
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})", t):
        return datetime.strptime(f"{m[1]} {m[2]}", "%Y-%m-%d %H:%M")
    for sep, date_first in ((" at ", True), (" on ", False)):
        if sep in t:
            a, b = t.rsplit(sep, 1) if date_first else t.split(sep, 1)
            d, clock = (a, b) if date_first else (b, a)
            clock = clock.replace("@night", "at night")
            return datetime.combine(parse_date(d, today),
                                    datetime.strptime(parse_time(clock), "%H:%M").time())
    t = t.replace("@night", "at night")
    if ", " in t:
        d, clock = t.rsplit(", ", 1)
        try:
            return datetime.combine(parse_date(d, today),
                                    datetime.strptime(parse_time(clock), "%H:%M").time())
        except (AssertionError, ValueError):
            pass
    assert same_day is not None, f"no date in {text!r}"
    return datetime.combine(same_day, datetime.strptime(parse_time(t), "%H:%M").time())


def parse_minutes(text: str) -> int:
    t = text.lower()
    fixed = {"half an hour": 30, "an hour": 60, "an hour and a half": 90,
             "one and a half hours": 90, "an hour and thirty minutes": 90}
    if t in fixed:
        return fixed[t]
    if m := re.fullmatch(r"(\d+)h(\d{2})", t):
        return int(m[1]) * 60 + int(m[2])
    if m := re.fullmatch(r"(.+?) and a half hours", t):
        return words_to_int(m[1]) * 60 + 30
    if m := re.fullmatch(r"(\d+(?:\.5)?) (hours|hrs|hour|hr)", t):
        return int(float(m[1]) * 60)
    if m := re.fullmatch(r"(an hour|[a-z ]+ hours) and ([a-z -]+) minutes", t):
        hours = 1 if m[1] == "an hour" else words_to_int(m[1][: -len(" hours")])
        return hours * 60 + words_to_int(m[2])
    if m := re.fullmatch(r"([a-z0-9 -]+) (hours|hour|hrs|hr|minutes|min|mins)", t):
        n = words_to_int(m[1])
        return n * 60 if m[2].startswith("h") else n
    raise AssertionError(f"unparsed duration {text!r}")


def parse_quantity(param: str, text: str) -> float:
    """A spoken number with its unit -> the argument's unit (mm, seconds, percent, level)."""
    t = text.lower().strip()
    heat = {"off": 0, "low": 1, "medium": 2, "mid": 2, "high": 3, "max": 3,
            "the highest setting": 3}
    if param == "level" and t in heat:
        return heat[t]
    if t in ("half a minute",):
        return 30
    if t in ("a minute",):
        return 60
    if t in ("a minute and a half", "one and a half minutes"):
        return 90
    if m := re.fullmatch(r"(\d+)/10", t):
        return int(m[1])
    m = re.fullmatch(r"(?:level )?([a-z0-9 .-]+?)(?: and a half| point five)?"
                     r"(?: ?(%|percent|per cent|out of 10|degrees fahrenheit|degrees f|degrees|°f|°"
                     r"|f|deg|mm|millimeters?|millimetres?|cm|centimeters?|centimetres?|seconds?"
                     r"|secs|sec|s"
                     r"|minutes?|notch(?:es)?|steps?|points?|levels?|clicks?))?", t)
    assert m, f"unparsed {param} {text!r}"
    number, unit = m[1].strip(), m[2] or ""
    value = float(number) if re.fullmatch(r"\d+\.\d", number) else float(words_to_int(number))
    if "and a half" in t or "point five" in t:
        value += 0.5
    if unit.startswith(("cm", "centi")):
        value *= 10
    if unit.startswith("minute"):
        value *= 60
    if param == "level" and unit in ("%", "percent"):
        value /= 10
    return value


# ---- the parsers themselves ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("seven thirty pm", "19:30"), ("7:30 pm", "19:30"), ("7:30pm", "19:30"),
    ("half past seven in the evening", "19:30"), ("19:30", "19:30"),
    ("quarter to six am", "05:45"), ("noon", "12:00"), ("midnight", "00:00"), ("6 am", "06:00"),
    ("six in the morning", "06:00"), ("twelve oh five am", "00:05"), ("a quarter to noon", "11:45"),
    ("ten past midnight", "00:10"), ("eleven forty-five at night", "23:45"),
    ("1930 hours", "19:30"), ("12:30 pm", "12:30"), ("twelve thirty in the afternoon", "12:30"),
])
def test_parse_time_known_forms(text: str, expected: str) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("+1 415 555 0199", "+14155550199"), ("415-555-0199", "+14155550199"),
    ("(415) 555 0199", "+14155550199"), ("(415) 555-0199", "+14155550199"),
    ("4155550199", "+14155550199"), ("four one five five five five zero one nine nine",
                                     "+14155550199"),
    ("four one five, five five five, oh one nine nine", "+14155550199"),
    ("+44 20 7946 0958", "+442079460958"), ("+44 (0)20 7946 0958", "+442079460958"),
    ("0044 20 7946 0958", "+442079460958"), ("1-415-555-0199", "+14155550199"),
])
def test_parse_phone_known_forms(text: str, expected: str) -> None:
    assert parse_phone(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("March 3rd 2027", date(2027, 3, 3)), ("march third, 2027", date(2027, 3, 3)),
    ("2027-03-03", date(2027, 3, 3)), ("the 5th of December 2027", date(2027, 12, 5)),
    ("Wednesday, March 3, 2027", date(2027, 3, 3)), ("3 Mar 2027", date(2027, 3, 3)),
    ("december fifth", date(2026, 12, 5)), ("Feb 2", date(2027, 2, 2)),
    ("3/21/2027", date(2027, 3, 21)), ("March 3 twenty twenty seven", date(2027, 3, 3)),
])
def test_parse_date_known_forms(text: str, expected: date) -> None:
    assert parse_date(text, today=date(2026, 6, 1)) == expected


# ---- the generator's spoken forms round-trip -------------------------------------------------

def test_spoken_times_round_trip_and_cover_the_usual_forms() -> None:
    rng = random.Random(7)
    for h in range(24):
        for m in (0, 5, 15, 30, 45, 50, 7, 59):
            for _ in range(12):
                text = values.say_time(rng, h, m)
                assert parse_time(text) == f"{h:02d}:{m:02d}", text
    said = {values.say_time(rng, 19, 30) for _ in range(600)}
    for form in ("seven thirty pm", "half past seven in the evening", "7:30 pm", "7:30pm",
                 "19:30"):
        assert form in said, sorted(said)
    said = {values.say_time(rng, 5, 45) for _ in range(600)}
    assert "quarter to six am" in said or "a quarter to six am" in said
    assert {"noon", "midnight"} <= ({values.say_time(rng, 12, 0) for _ in range(50)}
                                    | {values.say_time(rng, 0, 0) for _ in range(50)})


def test_phone_numbers_round_trip() -> None:
    rng = random.Random(11)
    seen_formats = set()
    for _ in range(3000):
        text, e164 = values.phone_number(rng)
        assert re.fullmatch(values.E164_PATTERN, e164)
        assert parse_phone(text) == e164, text
        seen_formats.add(re.sub(r"\d", "9", text) if text[0] in "+(0123456789" else "spoken")
    assert {"(999) 999-9999", "999-999-9999", "+9 999 999 9999", "9999999999",
            "spoken"} <= seen_formats
    assert any(e.startswith("+44") for _, e in (values.phone_number(rng) for _ in range(500)))


def test_calendar_slots_round_trip() -> None:
    rng = random.Random(3)
    combos = [["date", "start_clock", "end_clock"], ["date", "start_clock", "duration"],
              ["start_time", "end_time"], ["start_time", "duration"]]
    yearless = 0
    for i in range(2000):
        slots = combos[i % len(combos)]
        texts, args, context = values.sample_slots(
            rng, "create_calendar_event", slots, SPECS["phone", "create_calendar_event"].parameters)
        start = datetime.strptime(args["start_time"], "%Y-%m-%d-%H-%M")
        end = datetime.strptime(args["end_time"], "%Y-%m-%d-%H-%M")
        assert end > start
        today = date.fromisoformat(context["today"]) if "today" in context else None
        yearless += today is not None
        if "date" in texts:
            assert parse_date(texts["date"], today) == start.date(), texts
            assert parse_time(texts["start_clock"]) == f"{start:%H:%M}", texts
        if "start_time" in texts:
            assert parse_datetime(texts["start_time"], today) == start, texts
        if "end_clock" in texts:
            assert parse_time(texts["end_clock"]) == f"{end:%H:%M}", texts
        if "end_time" in texts:
            assert parse_datetime(texts["end_time"], today, start.date()) == end, texts
        if "duration" in texts:
            assert start + timedelta(minutes=parse_minutes(texts["duration"])) == end, texts
    assert 400 < yearless < 1600  # both with and without the year


QUANTITIES = [("phone", "change_screen_brightness", "level"), ("phone", "set_volume", "level"),
              ("phone", "set_nest_temperature", "target_temperature"),
              ("phone", "connect_to_bluetooth_device", "timeout"),
              ("car", "set_climate_temperature", "temperature"),
              ("car", "adjust_seat_position", "distance"), ("car", "control_window", "distance"),
              ("car", "operate_sunroof", "intensity"), ("car", "set_seat_heating", "level"),
              ("car", "set_charge_limit", "percent"), ("car", "adjust_volume", "set_value"),
              ("car", "adjust_volume", "volume_diff"), ("car", "honk_horn", "times")]


@pytest.mark.parametrize(("kind", "function", "param"), QUANTITIES)
def test_spoken_quantities_round_trip(kind: str, function: str, param: str) -> None:
    rng = random.Random(5)
    schema = SPECS[kind, function].parameters["properties"][param]
    seen = set()
    for _ in range(500):
        text, value = values.sample_value(rng, function, param, schema)
        assert parse_quantity(param, text) == value, (text, value)
        jsonschema.validate({param: value}, {"properties": {param: schema}})
        seen.add(text)
    assert len(seen) > 3
    assert any(not t[0].isdigit() for t in seen) or param == "level"  # words, not only digits


def test_volume_down_is_negative() -> None:
    rng = random.Random(1)
    schema = SPECS["car", "adjust_volume"].parameters["properties"]["volume_diff"]
    for _ in range(200):
        text, value = values.sample_value(rng, "adjust_volume", "volume_down", schema)
        assert value < 0 and parse_quantity("volume_diff", text) == -value
        text, value = values.sample_value(rng, "adjust_volume", "volume_diff", schema)
        assert value > 0


@pytest.mark.parametrize(("function", "param", "said", "canonical"), [
    ("set_volume", "volume_type", "ringer", "ring"),
    ("set_volume", "volume_type", "ringtone", "ring"),
    ("take_a_photo", "camera", "selfie", "front"), ("find_route_google_maps", "mode_by", "by bus",
                                                    "transit"),
    ("find_route_google_maps", "mode", "public transport", "transit"),
    ("control_window", "window", "driver's", "front left"),
    ("set_climate_temperature", "zone", "back seat", "rear"),
])
def test_enum_synonyms(function: str, param: str, said: str, canonical: str) -> None:
    spec = next(s for (k, n), s in SPECS.items() if n == function)
    real = values.slot_params(param, spec.parameters)[0]
    schema = spec.parameters["properties"][real]
    rng = random.Random(0)
    pairs = {values.sample_value(rng, function, param, schema) for _ in range(400)}
    assert (said, canonical) in pairs
    assert all(c in schema["enum"] for _, c in pairs)


@pytest.mark.parametrize("param", sorted(FREE_TEXT - {"music_service", "video_service"}))
def test_free_text_banks_are_large(param: str) -> None:
    rng = random.Random(2)
    function = {"title": "create_calendar_event", "query": "get_trending_news"}.get(param, "f")
    drawn = [values.sample_value(rng, function, param, {"type": "string"}) for _ in range(1000)]
    assert all(text == value and text.strip() == text and text for text, value in drawn)
    assert len({t for t, _ in drawn}) >= 150, param


def test_free_text_title_and_query_depend_on_the_function() -> None:
    rng = random.Random(4)
    subjects = {values.free_text(rng, "send_email", "title") for _ in range(300)}
    events = {values.free_text(rng, "create_calendar_event", "title") for _ in range(300)}
    assert len(subjects & events) < 20
    videos = {values.free_text(rng, "search_youtube_videos", "query") for _ in range(300)}
    assert any(v.startswith("how to ") for v in videos)


# ---- templates -------------------------------------------------------------------------------

@pytest.mark.parametrize("key", list(SPECS), ids=spec_ids())
def test_every_function_has_12_to_40_valid_templates(key: tuple[str, str]) -> None:
    spec = SPECS[key]
    assert 12 <= len(spec.examples) <= 40, (key, len(spec.examples))
    assert template_problems(spec) == []
    assert len(set(spec.examples)) == len(spec.examples)


@pytest.mark.parametrize("key", list(SPECS), ids=spec_ids())
def test_generated_examples_validate_and_copy_spans(key: tuple[str, str]) -> None:
    kind, name = key
    spec = SPECS[key]
    examples = function_examples(random.Random(sum(map(ord, name))), kind, spec, 200)
    assert len(examples) == 200
    props = spec.parameters.get("properties", {})
    used_templates = set()
    for example in examples:
        assert example.query.strip() == example.query and example.query
        assert "{" not in example.query or "{" in str(example.calls), example.query
        (call,) = example.calls
        assert call["id"] == "c1" and call["function"] == f"{kind}.{name}"
        args = call["args"]
        jsonschema.validate(args, spec.parameters)
        for param, value in args.items():
            if param in FREE_TEXT and isinstance(value, str):
                assert value.lower() in example.query.lower(), (param, value, example.query)
        if name == "create_calendar_event":
            assert args["end_time"] > args["start_time"]
        if name == "adjust_volume":
            assert ("volume_diff" in args) != ("set_value" in args)
        assert set(args) <= set(props)
        used_templates.add(example.source)
    # Most templates are drawn in 200 examples; optional parameters both said and not.
    assert len(used_templates) >= 0.8 * len(spec.examples)
    required = set(spec.parameters.get("required", []))
    for optional in set(props) - required:
        said = sum(optional in e.calls[0]["args"] for e in examples)
        if name != "adjust_volume":
            assert 0 < said < 200, (optional, said)


def test_pseudo_slot_examples_are_right() -> None:
    rng = random.Random(9)
    spec = SPECS["car", "adjust_volume"]
    downs = [e for e in function_examples(rng, "car", spec, 400)
             if re.search(r"\b(down|lower|decrease|reduce|quieter|softer|drop)\b", e.query)]
    assert downs
    for e in downs:
        args = e.calls[0]["args"]
        assert "set_value" in args or args["volume_diff"] < 0, e.query
    route = function_examples(rng, "phone", SPECS["phone", "find_route_google_maps"], 300)
    modes = {e.calls[0]["args"].get("mode") for e in route}
    assert {"driving", "walking", "bicycling", "transit", None} <= modes


def test_expansions_cover_alternatives_and_optionals() -> None:
    rng = random.Random(0)
    template = "(take|snap) a [nice] (photo|picture) [with the {camera} camera]"
    seen = [expand(rng, template) for _ in range(50)]
    assert any(s.startswith("take ") for s in seen) and any(s.startswith("snap ") for s in seen)
    assert any("nice" in s for s in seen) and any("nice" not in s for s in seen)
    assert any("{camera}" in s for s in seen) and any("{camera}" not in s for s in seen)
    assert all("  " not in s and s == s.strip() for s in seen)
    perm = {expand(rng, "(turn on;the lights)") for _ in range(50)}
    assert perm == {"turn on the lights", "the lights turn on"}


def test_fixed_args_and_slots_of_a_template() -> None:
    assert split_fixed("(take|snap) a selfie => camera=front") == ("(take|snap) a selfie",
                                                                  {"camera": "front"})
    assert split_fixed("x => enabled=true, level=0, window=front left")[1] == {
        "enabled": True, "level": 0, "window": "front left"}
    assert template_slots("set {a} [to {b}] (or {a}|{c})") == ["a", "b", "c"]


def test_same_seed_same_examples() -> None:
    spec = SPECS["phone", "send_text_message"]
    a = function_examples(random.Random(42), "phone", spec, 50)
    b = function_examples(random.Random(42), "phone", spec, 50)
    c = function_examples(random.Random(43), "phone", spec, 50)
    assert [(e.query, e.calls, e.context) for e in a] == [(e.query, e.calls, e.context) for e in b]
    assert [e.query for e in a] != [e.query for e in c]


def test_augment_keeps_protected_spans() -> None:
    text = "text Mom I'm running late, don't wait up."
    protected = ["Mom", "I'm running late, don't wait up."]
    outputs = {augment(random.Random(i), text, protected) for i in range(400)}
    assert len(outputs) > 20
    for out in outputs:
        assert "I'm running late, don't wait up." in out and "Mom" in out, out
    assert any(o.lower().startswith(("hey", "please", "can you", "could you", "ok", "um", "uh",
                                     "so", "hi", "yo")) for o in outputs)
    plain = "I do not want to be disturbed, what is the weather in Paris"
    noisy = {augment(random.Random(i), plain, ["Paris"]) for i in range(400)}
    assert any("don't" in o or "dont" in o for o in noisy)
    assert any("what's" in o or "whats" in o for o in noisy)
    assert any(o == o.lower().replace("paris", "Paris") and o != plain for o in noisy)
    assert all("Paris" in o for o in noisy)
    assert any(o.endswith(("?", "!", ".")) for o in noisy)


def test_augment_typos_stay_outside_protected_spans() -> None:
    words = "please send the quarterly report to Priya Raghunathan tomorrow morning"
    for i in range(300):
        out = augment(random.Random(i), words, ["Priya Raghunathan", "quarterly report"])
        assert "Priya Raghunathan" in out and "quarterly report" in out


def test_do_not_disturb_is_never_contracted() -> None:
    for i in range(300):
        out = augment(random.Random(i), "turn on do not disturb", [])
        assert "don't disturb" not in out.lower() and "dont disturb" not in out.lower()


def test_specs_without_templates_fall_back_to_the_description() -> None:
    spec = FunctionSpec(
        name="set_fan_speed", description="Sets the fan speed (0 to 5) of a room.",
        parameters={"type": "object", "additionalProperties": False,
                    "properties": {"speed": {"type": "integer", "minimum": 0, "maximum": 5},
                                   "room": {"type": "string", "minLength": 1},
                                   "oscillate": {"type": "boolean"}},
                    "required": ["speed", "room"]})
    assert any("set the fan speed" in t for t in fallback_templates(spec))
    examples = function_examples(random.Random(0), "fan", spec, 100)
    for e in examples:
        jsonschema.validate(e.calls[0]["args"], spec.parameters)
        assert e.calls[0]["args"]["room"].lower() in e.query.lower()
        assert e.calls[0]["function"] == "fan.set_fan_speed"
    assert any("oscillate" in e.calls[0]["args"] for e in examples)
    assert any("oscillate" not in e.calls[0]["args"] for e in examples)
    bare = FunctionSpec(name="ping", description="Pings the device.")
    assert all(e.calls[0]["args"] == {} for e in function_examples(random.Random(0), "x", bare, 5))


def test_unusable_templates_are_skipped() -> None:
    spec = FunctionSpec(
        name="dim", description="Dims the lamp.",
        parameters={"type": "object", "properties": {"level": {"type": "integer", "minimum": 0,
                                                               "maximum": 10}},
                    "required": ["level"]},
        examples=["dim the lamp to {level}", "dim the lamp to {brightness}", "(broken"])
    examples = function_examples(random.Random(0), "lamp", spec, 20)
    assert all(e.source.endswith("#0") for e in examples)
    assert all(isinstance(e.calls[0]["args"]["level"], int) for e in examples)


def test_a_template_that_misses_a_required_argument_is_dropped() -> None:
    spec = FunctionSpec(
        name="heat", description="Heats a seat.",
        parameters={"type": "object", "additionalProperties": False,
                    "properties": {"seat": {"type": "string", "enum": ["driver", "passenger"]},
                                   "level": {"type": "integer", "minimum": 1, "maximum": 3}},
                    "required": ["seat", "level"]},
        examples=["heat the {seat} seat to {level}", "heat my seat [to {level}] => seat=driver"])
    examples = function_examples(random.Random(0), "car", spec, 300)
    assert len(examples) == 300
    for e in examples:
        jsonschema.validate(e.calls[0]["args"], spec.parameters)
