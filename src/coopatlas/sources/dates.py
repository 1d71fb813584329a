"""Publication dates: find date-shaped spans with one pattern, let dateutil parse them.

The pattern only decides *where* a date may be ("November 7, 2019", "7 November 2019",
"2019-11-07", "7 ноября 2019"); python-dateutil decides whether the words really are a
month and gives the value, so "Omsk 12, 2019" is found and then rejected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from dateutil import parser as du_parser

_WORD = r"[A-Za-z]{3,9}\.?"
_RU_WORD = r"[а-яё]{3,8}"
DATE_RE = re.compile(
    rf"\b(?:{_WORD} \d{{1,2}},? \d{{4}}"  # November 7, 2019
    rf"|\d{{1,2}} {_WORD},? \d{{4}}"  # 7 November 2019
    rf"|\d{{1,2}} {_RU_WORD} \d{{4}}"  # 7 ноября 2019
    r"|\d{4}-\d{2}-\d{2})\b"  # 2019-11-07
)


class _RussianMonths(du_parser.parserinfo):
    """dateutil knows English month names only; Russian ones (genitive and nominative)."""

    MONTHS = [
        ("января", "январь"), ("февраля", "февраль"), ("марта", "март"),
        ("апреля", "апрель"), ("мая", "май"), ("июня", "июнь"), ("июля", "июль"),
        ("августа", "август"), ("сентября", "сентябрь"), ("октября", "октябрь"),
        ("ноября", "ноябрь"), ("декабря", "декабрь"),
    ]


_EN = du_parser.parser()
_RU = du_parser.parser(_RussianMonths())
_MIN_YEAR, _MAX_YEAR = 1900, 2100


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _words(*groups: list[str] | list[tuple[str, ...]]) -> frozenset[str]:
    """The lower-cased words of parserinfo lists (each entry a word or a tuple of words)."""
    return frozenset(
        word.lower() for group in groups for entry in group
        for word in (entry if isinstance(entry, tuple) else (entry,))
    )


def _vocabulary(info: du_parser.parserinfo) -> tuple[frozenset[str], frozenset[str]]:
    """(month names, every other word dateutil's strict parse accepts) of one parserinfo."""
    months = _words(info.MONTHS)
    return months, _words(info.JUMP, info.WEEKDAYS, info.HMS, info.AMPM, info.UTCZONE,
                          info.PERTAIN)


def _surely_not_a_date(parser: du_parser.parser, surface: str) -> bool:
    """True when dateutil (not fuzzy) must fail on ``surface``: decided without its lexer.

    dateutil's lexer cuts words at letter runs, and its strict parse raises on a word it
    does not know (a weekday, a month, a jump word like "of", am/pm, an h/m/s word) unless
    the word could be a time-zone name (five capitals at most, after an hour). Only a
    month makes it skip a word ("May of X"), so with a month the lexer decides. A digit-free
    float word ("nan") parses as a number. So "Meeting with the Governor of Omsk Region"
    and "Talks with President of Kazakhstan 2019" cannot parse.
    """
    months, known = _VOCABULARY[parser]
    unknown = False
    for word in _LETTER_RUN.findall(surface):
        lower = word.lower()
        if lower in months or lower in _FLOATS or not word.isalpha():
            return False
        unknown = unknown or not (
            lower in known or (len(word) <= _TZ_LETTERS and word.isascii() and word.isupper())
        )
    return unknown


_TZ_LETTERS = 5  # dateutil takes an all-capitals word this short after an hour as a zone
_FLOATS = frozenset({"nan", "inf", "infinity"})  # words float() reads as numbers
_VOCABULARY = {parser: _vocabulary(parser.info) for parser in (_EN, _RU)}


@lru_cache(maxsize=4096)
def parse_date(surface: str) -> date | None:
    """The date a matched span states, or None when it is not a calendar date."""
    parser = _RU if re.search("[а-яё]", surface) else _EN
    if _surely_not_a_date(parser, surface):
        return None
    try:
        value = parser.parse(surface).date()
    except (ValueError, OverflowError, du_parser.ParserError):
        return None
    return value if _MIN_YEAR <= value.year <= _MAX_YEAR else None


def find_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, date]]:
    """Each ``(offset, date)`` stated in ``text[start:end]``, in order."""
    for match in DATE_RE.finditer(text, start, len(text) if end is None else end):
        value = parse_date(match.group())
        if value is not None:
            yield match.start(), value


def first_date(text: str) -> date | None:
    return next((d for _, d in find_dates(text)), None)


def line_date(line: str) -> date | None:
    """The date of a line that is a dateline: the date and little else ("May 5, 2020, 18:00")."""
    stripped = line.strip()
    match = DATE_RE.match(stripped)
    if not match or len(stripped) - match.end() > 8:
        return None
    return parse_date(match.group())


ISO_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def iso_date(value: str | None) -> date | None:
    """A date from an attribute value such as ``2019-11-07`` or ``2019-11-07T17:00:00+03:00``."""
    if not value:
        return None
    match = ISO_RE.search(value)
    if match is None:
        return None
    try:
        found = date.fromisoformat(match.group(1))
    except ValueError:
        return None
    return found if _MIN_YEAR <= found.year <= _MAX_YEAR else None
