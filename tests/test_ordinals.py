import re

import pytest

from coopatlas.extract.ordinals import ORDINAL_PATTERN, parse_ordinal, roman_value

CASES = [
    ("IX", 9), ("XVI", 16), ("XX", 20), ("XIV", 14), ("XL", 40), ("14th", 14), ("1st", 1),
    ("22nd", 22), ("3rd", 3), ("seventeenth", 17), ("Seventeenth", 17), ("first", 1),
    ("twentieth", 20), ("twenty-first", 21), ("twenty first", 21), ("thirtieth", 30),
]


@pytest.mark.parametrize("token,value", CASES)
def test_parse_ordinal(token: str, value: int) -> None:
    assert parse_ordinal(token) == value


@pytest.mark.parametrize("token", ["", "IIII", "VX", "ix", "14", "fourteen", "0th", "twenty"])
def test_not_an_ordinal(token: str) -> None:
    assert parse_ordinal(token) is None


@pytest.mark.parametrize("text,found", [
    ("the XVIII forum", "XVIII"), ("the 14th forum", "14th"), ("the first meeting", "first"),
    ("its twenty-second session", "twenty-second"), ("fix the mix", None),
])
def test_pattern_finds_ordinals_in_text(text: str, found: str | None) -> None:
    match = re.search(ORDINAL_PATTERN, text, re.IGNORECASE)
    assert (match.group(0) if match else None) == found


def test_roman_value_rejects_lower_case_and_junk() -> None:
    assert roman_value("MMX") is None and roman_value("xv") is None and roman_value("IV") == 4
