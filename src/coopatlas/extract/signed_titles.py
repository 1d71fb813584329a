"""Document titles: a stretch of text trimmed to the title a reader would write down.

A title is the text's own words from its first modifier to the end of its complement,
without leading articles, quantifiers or praise ("a solid package of documents" ->
"package of documents") and without a dangling last word ("agreement on" -> "agreement").

A count before the document noun says how many were signed. Stated about one event
("Nine documents were signed", "we signed 41 contracts") it names the batch: the title is
the noun phrase without the count ("documents", "contracts"). Stated as an approximate
or running total ("over 400 agreements", "27 documents have been adopted over the past
years") it is a figure, not a title. A count still to be signed or drafted always names
the batch ("another ten agreements" -> "agreements").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopatlas.extract.signed_filters import TRAILING_RE, consent_use, plausible
from coopatlas.model import Span

VERB_STATUS = {"sign": "signed", "conclude": "signed", "exchange": "signed",
               "adopt": "adopted", "approve": "adopted", "endorse": "adopted", "draft": "drafted",
               "prepare": "drafted", "submit": "drafted", "draw": "drafted"}
LEADING_RE = re.compile(
    r"(?:(?:a|an|the|quite\s+a\s+few|(?:a\s+)?number\s+of|a\s+series\s+of|several|some|many|also"
    r"|solid|large|important|major|significant|substantial|whole|rather|in\s+particular|all"
    r"|as\s+well\s+as|and|or|where|when|whereby|extremely|very|highly|truly|most)[\s,]+)+",
    re.IGNORECASE)
_NUMBER = (r"(?:\d[\d,.]*|a\s+dozen|dozens|hundreds|thousands|one|two|three|four|five|six"
           r"|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
           r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)")
_APPROX = (r"over|more\s+than|about|almost|some|nearly|around|approximately|roughly|up\s+to"
           r"|as\s+many\s+as|at\s+least|in\s+excess\s+of")
COUNT_RE = re.compile(
    rf"(?:(?P<approx>{_APPROX})\s+|another\s+)?(?P<number>{_NUMBER})\b(?:\s+more\b)?\s*",
    re.IGNORECASE)
#: words that make a count a running total rather than one event's batch.
CUMULATIVE_RE = re.compile(
    r"\b(?:already|so\s+far|to\s+date|over\s+the\s+(?:past|last)?\s*(?:\w+\s+)?years"
    r"|in\s+(?:recent|the\s+past|the\s+last)\s+(?:\w+\s+)?years|in\s+total|altogether"
    r"|in\s+all|since\s+(?:\d{4}|then))\b", re.IGNORECASE)
PERFECT_RE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    span: Span
    status: str


def status_of(aux: str | None, verb: str) -> str:
    """"will be signed" -> planned, "adopted" -> adopted, "drawn up" -> drafted."""
    aux = (aux or "").lower()
    if "will" in aux or "plan" in aux or aux.strip() == "to" or re.search(r"\bto\s+be\b", aux):
        return "planned"
    stem = re.sub(r"(?:ed|d)$", "", verb.split()[0].lower())
    return VERB_STATUS.get(stem, VERB_STATUS.get(stem + "e", "signed"))


def running_total(clause: str, perfect: bool) -> bool:
    """Whether a count of documents in this clause is a tally (see the module notes)."""
    return perfect or bool(CUMULATIVE_RE.search(clause))


def make_title(text: str, start: int, end: int, status: str,
               total: bool = False) -> Title | None:
    """The title in ``text[start:end]``, trimmed; None when it names no document.

    ``total`` says the clause states a running total, so a count there is a figure."""
    for _ in range(2):
        lead = LEADING_RE.match(text, start, end)
        start = lead.end() if lead else start
        count = COUNT_RE.match(text, start, end)
        if count:
            tally = bool(count.group("approx")) or total or \
                count.group("number").lower() in ("dozens", "hundreds", "thousands")
            if status in ("signed", "adopted") and tally:
                return None
            start = count.end()
    while end > start and text[end - 1] in " ,;:.–-\n":
        end -= 1
    trailing = TRAILING_RE.search(text, start, end)
    end = trailing.start() if trailing else end
    phrase = text[start:end]
    if not plausible(phrase) or len(phrase) > 300 or consent_use(phrase):
        return None
    return Title(phrase, Span(start, end), status)


def joined(first: Title, extra: str, end: int) -> Title:
    """``first`` extended by words after the verb ("protocol" + "to open a branch")."""
    return Title(f"{first.text} {extra.strip()}", Span(first.span.start, end), first.status)
