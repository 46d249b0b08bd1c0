"""Generated irrelevant (no-call) requests: reproducible, varied, sized sensibly, with a
solid share of near-misses, and clear of phrasings a served function would handle."""
from __future__ import annotations

import random
import re

import pytest

from hub.planner.negatives import (
    CATEGORY_WEIGHTS,
    GENERAL_BANKS,
    NEAR_MISS_BANKS,
    NEAR_MISS_MARKERS,
    has_near_miss_marker,
    irrelevant_queries,
    near_miss_query,
)

# Phrasings that would be served (weather, news, timers, media control, named switches...).
SERVED_PATTERNS = [
    r"\bweather\b", r"\bnews\b", r"\bheadlines?\b", r"\btimer\b", r"\bvolume\b",
    r"\bbrightness\b", r"\bplay (some|me|my|a|an|the|music|songs?)\b", r"\bpause\b(?! the internet)", r"\bskip (this|the|to|ahead)\b",
    r"shopping list", r"to-?do list", r"coffee maker", r"sprinkler", r"thermostat",
    r"\bnavigate\b", r"directions to", r"what time is it", r"what'?s the date",
    r"turn (on|off) the (lights?|lamp|fan|tv|heater)\b", r"\bvacuum\b", r"\bmow",
    r"set an alarm", r"\bbluetooth\b", r"do not disturb", r"take a (photo|picture)",
    r"\bcall (mom|dad|bob)\b", r"\bsmoke\b", r"\bgarage door\b", r"\bblinds\b",
    r"\bseat heat", r"\bsunroof\b", r"\bhonk\b", r"\btrunk\b", r"\bhumidity\b",
]


@pytest.fixture(scope="module")
def draws() -> list[str]:
    return irrelevant_queries(random.Random(1234), 5000)


def test_reproducible_with_a_seed() -> None:
    assert irrelevant_queries(random.Random(7), 300) == irrelevant_queries(random.Random(7), 300)
    assert irrelevant_queries(random.Random(7), 300) != irrelevant_queries(random.Random(8), 300)


def test_returns_n(draws: list[str]) -> None:
    assert len(draws) == 5000
    assert irrelevant_queries(random.Random(0), 0) == []


def test_varied(draws: list[str]) -> None:
    assert len(set(draws)) >= 3500


def test_sizes(draws: list[str]) -> None:
    for q in draws:
        assert q.strip(), repr(q)
        assert len(q) <= 200, q
        assert 2 <= len(q.split()) <= 25, q


def test_near_miss_share(draws: list[str]) -> None:
    share = sum(has_near_miss_marker(q) for q in draws) / len(draws)
    assert share >= 0.25, share
    # And the marker words are plain strings others can reuse.
    assert all(isinstance(m, str) and m for m in NEAR_MISS_MARKERS)
    lowered = [q.lower() for q in draws]
    plain = sum(any(m.lower() in q for m in NEAR_MISS_MARKERS) for q in lowered)
    assert plain / len(draws) >= 0.25


def test_every_near_miss_names_a_marker() -> None:
    rng = random.Random(99)
    for _ in range(2000):
        q = near_miss_query(rng)
        assert has_near_miss_marker(q), q


def test_categories_weighted_and_near_misses_about_forty_percent() -> None:
    assert set(CATEGORY_WEIGHTS) == set(NEAR_MISS_BANKS) | set(GENERAL_BANKS)
    near = sum(CATEGORY_WEIGHTS[c] for c in NEAR_MISS_BANKS)
    assert 0.3 <= near / sum(CATEGORY_WEIGHTS.values()) <= 0.5


def test_avoids_served_phrasings() -> None:
    pattern = re.compile("|".join(SERVED_PATTERNS), re.IGNORECASE)
    for q in irrelevant_queries(random.Random(5), 20000):
        assert not pattern.search(q.replace("’", "'")), q


def test_mixed_casing_and_punctuation(draws: list[str]) -> None:
    assert any(q[0].isupper() for q in draws)
    assert any(q[0].islower() for q in draws)
    assert any(q.isupper() for q in draws)
    assert any(q.endswith("?") for q in draws)
    assert any(q[-1].isalnum() for q in draws)
