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


def _surely_not_a_date(parser: du_parser.parser, surface: str) -> bool:
    """True when dateutil (not fuzzy) must fail on ``surface``: decided without its lexer.

    With no digit there is no number, so no hour: every word must then be one dateutil
    knows (a weekday, a month, a jump word like "of"), and only a month can make it skip
    a word ("May of X"). So a digit-free string with an unknown word and no month name
    cannot parse ("Meeting with the Governor of Omsk Region").
    """
    if any(c.isdigit() for c in surface):
        return False
    info, unknown = parser.info, False
    for word in _LETTER_RUN.findall(surface):
        if not word.isalpha():
            return False
        if info.month(word) is not None or word.lower() in _FLOATS:
            return False
        unknown = unknown or not (info.jump(word) or info.weekday(word) is not None
                                  or info.ampm(word) is not None)
    return unknown


_FLOATS = frozenset({"nan", "inf", "infinity"})  # words float() reads as numbers


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
    return parse_date(match.group(1)) if match else None
