"""When an event (a visit, a project step) happened, as its sentence states it.

A stated day ("on 12 May", "March 3, 2023", "today") gives a date; a month, quarter,
year or relative time ("in March", "in the third quarter of 2021", "last year") gives a
period in the notation of :mod:`coopatlas.extract.periods`. Both are resolved against the
text's date; the expression nearest to the event's cue in the sentence wins; with none,
both are ``None`` (nothing is filled in from the text's date).

>>> when("A delegation came to Oral on 12 May.", 13, date(2023, 6, 1))
(datetime.date(2023, 5, 12), '2023-05..2023-05')
>>> when("They visited Pavlodar in the third quarter of 2021.", 5, date(2022, 1, 9))
(None, '2021-07..2021-09')
>>> when("Between July and September they visited Oral.", 36, date(2021, 10, 4))
(None, '2021-07..2021-09')
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from coopatlas.extract.eventtext import MONTHS, dates_in
from coopatlas.extract.periods import months, time_expressions
from coopatlas.model import Span

_MONTH = "|".join(MONTHS)
#: A day and month with no year ("12 May", "May 12"): the text's year.
DAY_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}))\b"
    r"(?!,?\s+\d{4})(?!\s*[-–]\s*\d)(?!:)"
)
#: "between July and September (2021)": a span of months the periods grammar leaves out.
BETWEEN_RE = re.compile(
    rf"\b(?:between|from)\s+(?P<m1>{_MONTH})\s+(?:and|to|till|until)\s+(?P<m2>{_MONTH})"
    r"(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?\b")
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
RELATIVE_RE = re.compile(r"\b(?:today|yesterday|tomorrow)\b")
#: "before the end of the year": the text's year (the periods grammar says "by the end").
YEAR_END_RE = re.compile(
    r"\bbefore\s+(?:the\s+)?(?:end\s+of\s+(?:the|this)\s+)?year(?:'s)?(?:\s+end)?\b")
#: Kinds of time expression that do not date an event (a stock's "currently", a vague past).
UNDATED = frozenset({"asof", "vague", "range", "today"})

Found = tuple[int, date | None, str | None]  # (position, day, period)


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_period(day: date) -> str:
    return months(day.year, day.month, day.month)


def _days(sentence: str, low: str, on: date | None) -> list[Found]:
    found: list[Found] = []
    for stated in dates_in(sentence, Span(0, len(sentence))):
        found.append((stated.span.start, stated.start, _month_period(stated.start)))
    for m in BETWEEN_RE.finditer(low):
        first, last = MONTHS[m["m1"]], MONTHS[m["m2"]]
        if m["y"] or on is not None:
            year = int(m["y"]) if m["y"] else on.year if last <= on.month else on.year - 1
            found.append((m.start(), None, months(year, first, last)))
    if on is not None:
        for m in DAY_RE.finditer(low):
            d, mon = (m["d1"], m["m1"]) if m["d1"] else (m["d2"], m["m2"])
            day = _day(on.year, MONTHS[mon], int(d))
            if day is not None and not any(p == m.start() for p, _, _ in found):
                found.append((m.start(), day, _month_period(day)))
        for m in YEAR_END_RE.finditer(low):
            found.append((m.start(), None, str(on.year)))
        for m in RELATIVE_RE.finditer(low):
            day = on + timedelta(days=RELATIVE_DAYS[m.group()])
            found.append((m.start(), day, _month_period(day)))
    return found


def when(sentence: str, anchor: int, on: date | None) -> tuple[date | None, str | None]:
    """``(day, period)`` of the event whose cue sits at ``sentence[anchor]``."""
    low = sentence.lower()
    found = _days(sentence, low, on)
    covered = [(p, p + 12) for p, _, _ in found]
    for expr in time_expressions(low, on):
        if expr.kind in UNDATED or expr.period is None:
            continue
        if any(a <= expr.start < b or expr.start <= a < expr.end for a, b in covered):
            continue  # "on 12 May" already read as a day
        found.append((expr.start, None, expr.period))
    if not found:
        return None, None
    _, day, period = min(found, key=lambda f: abs(f[0] - anchor))
    return day, period
