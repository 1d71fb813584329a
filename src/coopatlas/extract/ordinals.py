"""Ordinal numbers in every form English texts write them.

``parse_ordinal`` reads one token ("IX", "XVI", "14th", "seventeenth", "twenty-first",
"first") and returns its value or ``None``; ``ORDINAL_PATTERN`` is a regex fragment that
matches any of those forms, for use inside larger patterns.

>>> [parse_ordinal(t) for t in ("IX", "14th", "seventeenth", "twenty-first", "first")]
[9, 14, 17, 21, 1]
"""

from __future__ import annotations

import re

UNIT_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
TENS_ORDINALS: dict[str, int] = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
}
TENS_CARDINALS: dict[str, int] = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_ROMAN = r"(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_UNITS = "|".join(sorted(UNIT_ORDINALS, key=len, reverse=True))
_TENS_ORD = "|".join(TENS_ORDINALS)
_TENS_CARD = "|".join(TENS_CARDINALS)
_WORDS = rf"(?:(?:{_TENS_CARD})[-\s](?:{_UNITS})|{_TENS_ORD}|{_UNITS})"

#: Any ordinal: digits with a suffix, words, or an upper-case Roman numeral.
ORDINAL_PATTERN = (
    rf"(?:\d{{1,3}}(?:st|nd|rd|th)\b|\b(?i:{_WORDS})\b|\b(?-i:(?=[IVXL]){_ROMAN})\b)"
)
_DIGITS_RE = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")
_ROMAN_RE = re.compile(rf"(?=[IVXL]){_ROMAN}")


def roman_value(token: str) -> int | None:
    """The value of a well-formed upper-case Roman numeral, else ``None``."""
    if not token or not _ROMAN_RE.fullmatch(token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = ROMAN_VALUES[ch]
        nxt = ROMAN_VALUES[token[i + 1]] if i + 1 < len(token) else 0
        total += -value if value < nxt else value
    return total


def _word_value(token: str) -> int | None:
    word = token.lower()
    if word in UNIT_ORDINALS:
        return UNIT_ORDINALS[word]
    if word in TENS_ORDINALS:
        return TENS_ORDINALS[word]
    head, _, tail = re.sub(r"\s+", "-", word).partition("-")
    if head in TENS_CARDINALS and tail in UNIT_ORDINALS and UNIT_ORDINALS[tail] < 10:
        return TENS_CARDINALS[head] + UNIT_ORDINALS[tail]
    return None


def parse_ordinal(token: str) -> int | None:
    """The value of one ordinal written in any form, else ``None``."""
    token = token.strip()
    match = _DIGITS_RE.fullmatch(token)
    if match:
        value = int(match.group(1))
        return value if value > 0 else None
    return roman_value(token) if token.isupper() else _word_value(token)
