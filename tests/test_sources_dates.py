"""Date spans found by one pattern and parsed by dateutil."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopatlas.sources.dates import (
    _EN,
    _RU,
    _surely_not_a_date,
    find_dates,
    iso_date,
    line_date,
    parse_date,
)


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("November 7, 2019", date(2019, 11, 7)),
        ("7 November 2019", date(2019, 11, 7)),
        ("Nov. 7, 2019", date(2019, 11, 7)),
        ("Sept 19, 2012", date(2012, 9, 19)),
        ("2021-09-30", date(2021, 9, 30)),
        ("7 ноября 2019", date(2019, 11, 7)),
        ("Omsk 12, 2019", None),
        ("February 30, 2020", None),
    ],
)
def test_parse_date(surface: str, expected: date | None) -> None:
    assert parse_date(surface) == expected


def test_find_dates_skips_non_dates() -> None:
    text = "Omsk 12, 2019 was not a date, but the forum opened on 7 November 2019 in Omsk."
    assert [d for _, d in find_dates(text)] == [date(2019, 11, 7)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("November 9, 2017", date(2017, 11, 9)),
        ("September 19, 2012, 18:00", date(2012, 9, 19)),
        ("The forum opened on November 9, 2017 in Chelyabinsk", None),
        ("Chelyabinsk", None),
    ],
)
def test_line_date_only_for_datelines(line: str, expected: date | None) -> None:
    assert line_date(line) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2019-11-07T17:00:00+03:00", date(2019, 11, 7)), ("", None), (None, None)],
)
def test_iso_date(value: str | None, expected: date | None) -> None:
    assert iso_date(value) == expected


# Words the strict parser knows or may take as a zone, words it does not, numbers, marks.
_PIECES = [
    "May", "of", "at", "on", "and", "Tuesday", "pm", "am", "h", "minutes", "s", "th", "UTC",
    "MSK", "Z", "GMT", "ноября", "nan", "Omsk", "Region", "Governor", "talks", "Kazakhstan",
    "5", "12", "2019", "18:00", "3.5", "1,500", ",", ".", "-", "/", "'", "(", ")",
]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=7),
       st.sampled_from([" ", ""]))
def test_surely_not_a_date_only_where_dateutil_fails(pieces: list[str], glue: str) -> None:
    """The shortcut that spares dateutil's lexer never rejects what dateutil would parse."""
    surface = glue.join(pieces)
    for parser in (_EN, _RU):
        if _surely_not_a_date(parser, surface):
            with pytest.raises((ValueError, OverflowError)):
                parser.parse(surface)


def test_a_title_with_a_year_is_not_a_date() -> None:
    assert parse_date("Talks with President of Kazakhstan 2019") is None
    assert parse_date("2019") is not None  # a bare year stays for dateutil to read
