from datetime import date

import pytest

from coopatlas.model import INDICATORS, UNITS, Claim, Figure, Span


@pytest.mark.parametrize("start,end", [(-1, 2), (5, 4)])
def test_span_rejects_bad_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="bad span"):
        Span(start, end)


def test_span_relations() -> None:
    outer, inner, apart = Span(0, 10), Span(2, 5), Span(10, 12)
    assert outer.contains(inner) and not inner.contains(outer)
    assert outer.overlaps(inner) and not outer.overlaps(apart)
    assert len(inner) == 3 and inner.of("abcdefgh") == "cde"


def test_records_are_frozen_and_hashable() -> None:
    claim = Claim("figure", "d1", Span(0, 3), Figure("34%", 34, "percent"), "r")
    with pytest.raises(AttributeError):
        claim.rule = "other"  # type: ignore[misc]
    assert hash(claim) == hash(Claim("figure", "d1", Span(0, 3), Figure("34%", 34, "percent"), "r"))
    assert date(2021, 1, 1) and claim.extractor_version


def test_closed_lists_match_the_contract() -> None:
    assert len(INDICATORS) == 24 and INDICATORS[-1] == "other"
    assert "times" in UNITS and "people" in UNITS
