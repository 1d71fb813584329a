"""The twin-pairs stage: pairs of city mentions in sentences about twinning."""

from __future__ import annotations

import pytest

from coopatlas.extract.twins import twins_stage
from test_forums_support import make_doc


def pairs(text: str) -> list[tuple[str, str]]:
    doc = twins_stage(make_doc(text))
    return [(c.fact.city_a, c.fact.city_b) for c in doc.claims]


@pytest.mark.parametrize("text,expected", [
    ("Twin cities include Omsk and Pavlodar, Orenburg and Aktobe.",
     [("Omsk", "Pavlodar"), ("Orenburg", "Aktobe")]),
    ("Omsk is twinned with Pavlodar.", [("Omsk", "Pavlodar")]),
    ("Sister cities Samara–Oral and Moscow – Nur-Sultan exchange delegations.",
     [("Samara", "Oral"), ("Moscow", "Astana")]),
    ("Work is underway with partner cities, namely Moscow and Astana, Samara and Uralsk.",
     [("Moscow", "Astana"), ("Samara", "Oral")]),
    ("Omsk and Pavlodar signed a trade deal.", []),
    ("Twin cities programmes were discussed in Omsk, Pavlodar and Samara.", []),
])
def test_pairs(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected
