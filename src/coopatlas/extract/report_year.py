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
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import regex

from coopatlas.extract.periods import PAST, PRESENT, time_expressions
from coopatlas.text.speakers import turn_at

#: How far back the year may be named (about two paragraphs of a report).
LOOK_BACK = 1000
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


def _turn_start(text: str, at: int) -> int:
    """Where the speaker's turn holding ``at`` begins, looking back at most LOOK_BACK; a
    short interjection by another speaker ("Vladimir Putin: Good.") does not end it."""
    floor = max(0, at - LOOK_BACK)
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


def _clause(sentence: str, start: int) -> str:
    """The part of the sentence between semicolons that holds ``start``."""
    a = sentence.rfind(";", 0, start) + 1
    b = sentence.find(";", start)
    return sentence[a:] if b < 0 else sentence[a:b]


def report_year(text: str, sentence_start: int, sentence: str, start: int,
                on: date | None) -> str | None:
    """The year of the report the figure at ``sentence[start:]`` belongs to, or None when
    its clause is not a past result of one."""
    if on is None or on.month > LAST_REPORT_MONTH:
        return None
    clause = _clause(sentence, start).lower()
    if time_expressions(clause, on) or not PAST.search(clause) \
            or PRESENT.search(ASIDE.sub("", clause)) or NOW_VERB.search(clause) \
            or STOCK.search(clause) or OTHER_TIME.search(clause):
        return None
    return _named_year(text, sentence_start, on)


def _named_year(text: str, at: int, on: date) -> str | None:
    """The text's previous year, when it is the last time named before ``at`` in the turn."""
    before = text[_turn_start(text, at):at].lower()
    exprs = time_expressions(before, on)
    if not exprs:
        return None
    last = exprs[-1]
    return last.period if last.kind in REPORTED and last.period == str(on.year - 1) else None
