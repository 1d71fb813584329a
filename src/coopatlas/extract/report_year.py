"""The year a report is about: results told in the past tense after the speaker named it.

A governor or a company head reporting in spring names the year once ("the company improved
all its indicators in 2019", "as of the end of last year, we met our targets") and then
goes on with its results, one paragraph after another, in the past tense and with no time
of their own ("Revenue exceeded 1 trillion rubles", "We carried 56 million passengers").
Those figures are that year's results, not stocks held on the text's date.

The discriminator between such results and the stocks a text also tells in the past tense
("accumulated investment amounted to $13 billion") is narrow on purpose:
- the year named last before the figure, within the same speaker's turn and at most
  ``LOOK_BACK`` characters back, is the text's previous calendar year;
- the text is from the first half of its year (the season of annual reports);
- the figure's clause has no time of its own, a past verb, no present one, no accumulation
  word ("accumulated", "In total, ...") and no word that points at another time ("when",
  "initially", "ago", a year).
The figures stage asks only for figures it dated by the text alone: a stock of the text's
date, or a change with no time (the text's year).

A report later in the year names the months so far instead ("In these nine months the
economy did well. ... Real incomes increased by 3.3 percent"): ``report_span`` dates the
changes that follow with no time of their own by that span. It only narrows the text's year
to the part of it already over, so it reaches farther back (``SPAN_LOOK_BACK``) and asks
less of the clause than ``report_year``; stocks keep the text's date (dating past-tense
stocks by the span was wrong about as often as right over the corpus).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import regex

from coopatlas.extract.periods import PAST, PRESENT, TimeExpr, time_expressions
from coopatlas.text.speakers import turn_at

#: How far back the year may be named (about two paragraphs of a report).
LOOK_BACK = 1000
#: How far back the months so far may be named: a governor's whole report.
SPAN_LOOK_BACK = 3000
#: Times that name the months of a year so far ("nine months", "January to August").
SO_FAR = frozenset({"months_of", "mrange", "between", "nmonths", "quarter", "quarters",
                    "half"})
#: A word every time in SO_FAR holds: without one in the look-back, there is no span to find.
SPAN_WORD = regex.compile(r"months?\b|quarters?\b|half\b|january|february|march|april|may\b"
                          r"|june|july|august|september|october|november|december",
                          regex.IGNORECASE)
#: Where the words that go with a figure end, after it.
AFTER_BREAK = regex.compile(r"[,;:–—()]")
#: A change that is not one of the months so far: expected, yearly, or since a month.
NOT_SO_FAR = regex.compile(
    r"\b(?:will|would|expect\w*|forecast\w*|plan\w*|since|starting|annual\w*)\b")
#: The last month of the report season: a text from later in the year reports this year's
#: events, which its own sentences date.
LAST_REPORT_MONTH = 6
#: The longest turn of another speaker that only interrupts a report.
INTERJECTION = 200
#: How far back a turn's speaker is looked for, to tell an interjection from a new turn.
SPEAKER_REACH = 5000
#: Times that name a whole year a report can be about.
REPORTED = frozenset({"year", "last", "results"})
#: A present verb that makes the clause a stock ("amounts to", "exceeds", "accounts for").
NOW_VERB = regex.compile(
    r"\b(?:amounts?\s+to|exceeds?|totals|stands?\s+at|reaches|employs|operates|comprises?"
    r"|includes|accounts?\s+for|makes?\s+up)\b")
#: A relative aside in the present ("…, which is 87 percent of output") leaves the tense alone.
ASIDE = regex.compile(r"\b(?:which|that) is\b")
#: A total of all years so far ("In total, we spent ...", "accumulated investment"); "in
#: total" after the figure ("88 million passengers in total") sums the year's parts.
STOCK = regex.compile(r"\b(?:accumulated|cumulative|overall|in all)\b|^\W*in total\b")
#: A clause that points at a time other than the report's ("when the programme began").
OTHER_TIME = regex.compile(
    r"\b(?:when|then|initially|at first|previously|ago)\b|\b(?:19|20)\d\ds?\b")


def _turn_start(text: str, at: int, look_back: int = LOOK_BACK) -> int:
    """Where the speaker's turn holding ``at`` begins, looking back at most ``look_back``; a
    short interjection by another speaker ("Vladimir Putin: Good.") does not end it."""
    floor = max(0, at - look_back)
    labels = _labels_back(text, at, max(0, at - SPEAKER_REACH))
    first = next(labels, None)
    if first is None:
        return floor
    start, speaker = first
    while start > floor:
        other = next(labels, None)
        if other is None or _surname(other[1]) == _surname(speaker) \
                or start - other[0] > INTERJECTION:
            break
        same = next(labels, None)  # the turn before the interjection: the same speaker's?
        if same is None or _surname(same[1]) != _surname(speaker):
            break
        start = same[0]
    return max(start, floor)


def _labels_back(text: str, at: int, floor: int) -> Iterator[tuple[int, str]]:
    """``(line start, speaker)`` of every line opening with a speaker's label, from ``at``
    back to ``floor``."""
    end = at
    while end > floor:
        start = text.rfind("\n", floor, end - 1) + 1
        if start < floor:
            return  # the line begins outside the window
        turn = turn_at(text[start:end])
        if turn is not None:
            yield start, turn[0]
        if start <= floor:
            return
        end = start - 1


def _surname(label: str) -> str:
    return label.rsplit(" ", 1)[-1]


def _own_part(sentence: str, start: int) -> str:
    """What may hold the figure's own time: its clause up to it, and on to the next comma or
    dash (a time after those is a later item's: "grew by 14 percent, ... in January")."""
    a = sentence.rfind(";", 0, start) + 1
    after = AFTER_BREAK.search(sentence, start)
    return sentence[a:after.start() if after else len(sentence)].lower()


def _clause(sentence: str, start: int) -> str:
    """The part of the sentence between semicolons that holds ``start``."""
    a = sentence.rfind(";", 0, start) + 1
    b = sentence.find(";", start)
    return sentence[a:] if b < 0 else sentence[a:b]


def _past_result(clause: str, on: date) -> bool:
    """Whether the clause tells a past result with no time of its own (see the module)."""
    return not (time_expressions(clause, on) or not PAST.search(clause)
                or PRESENT.search(ASIDE.sub("", clause)) or NOW_VERB.search(clause)
                or STOCK.search(clause) or OTHER_TIME.search(clause))


def report_year(text: str, sentence_start: int, sentence: str, start: int,
                on: date | None) -> str | None:
    """The year of the report the figure at ``sentence[start:]`` belongs to, or None when
    its clause is not a past result of one."""
    if on is None or on.month > LAST_REPORT_MONTH \
            or not _past_result(_clause(sentence, start).lower(), on):
        return None
    last = _last_named(text, sentence_start, on, LOOK_BACK)
    return last.period if last is not None and last.kind in REPORTED \
        and last.period == str(on.year - 1) else None


def report_span(text: str, sentence_start: int, sentence: str, start: int,
                on: date | None) -> str | None:
    """The months so far of the text's year that the report the change at
    ``sentence[start:]`` (dated the text's year for want of a time) belongs to, or None."""
    if on is None or not SPAN_WORD.search(text, max(0, sentence_start - SPAN_LOOK_BACK),
                                          sentence_start):
        return None  # no word of a span of months anywhere it could be named: the usual case
    clause = _clause(sentence, start).lower()
    if STOCK.search(clause) or NOT_SO_FAR.search(clause):
        return None
    last = _last_named(text, sentence_start, on, SPAN_LOOK_BACK)
    if last is None or last.kind not in SO_FAR or not _so_far(last.period, on):
        return None
    own = {e.period for e in time_expressions(_own_part(sentence, start), on)}
    return last.period if own <= {last.period} else None


def _so_far(period: str | None, on: date) -> bool:
    """Whether ``period`` runs from January of the text's year to at most its month."""
    return period is not None and period.startswith(f"{on.year:04d}-01..{on.year:04d}-") \
        and int(period[-2:]) <= on.month


def _last_named(text: str, at: int, on: date, look_back: int) -> TimeExpr | None:
    """The last time named before ``at`` in the speaker's turn."""
    exprs = time_expressions(text[_turn_start(text, at, look_back):at].lower(), on)
    return exprs[-1] if exprs else None
