"""The number grammar: every stated quantity in a text, with its value, unit and noun.

One pattern set finds candidate numbers in a single pass over the text: one compiled
``regex`` for digits ("7,500", "18.2") and the anaphor "the same amount", one Aho–Corasick
automaton for number words ("Seventy six", "Twelve", "one-third", "fourfold"). Only around
each hit do small anchored patterns read the rest: a qualifier and currency on the left;
a range, scale word, unit and counted noun on the right. Rejection rules drop what is not a
quantity: dates, years, times of day, ordinals, numbers inside names ("Ka-226T", "G20"),
durations ("10 years ago", "seven months"), photo counters ("3 of 5").

>>> [(q.value, q.unit) for q in find_quantities("over $14 billion and 30–35 percent")]
[(14000000000.0, 'USD'), (30.0, 'percent')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick_rs
import regex

UNITS_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Word numbers that alone restate a pair or a unit ("the two countries", "one of them").
PAIR_WORDS = frozenset({"one", "two"})
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
FRACTIONS: dict[str, float] = {
    "half": 50.0, "third": 33.33, "thirds": 66.67, "quarter": 25.0, "quarters": 75.0,
}
FRACTION_HEADS = frozenset({"one", "two", "three"})
MULTIPLES: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "hundred": 100,
}
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "₽": "RUB",
    "rub": "RUB", "₸": "KZT", "kzt": "KZT",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "rouble": "RUB", "ruble": "RUB", "tenge": "KZT", "euro": "EUR",
}
MEASURE_WORDS: dict[str, str] = {
    "percent": "percent", "per cent": "percent", "%": "percent", "percentage point": "percent",
    "km": "km", "kilometre": "km", "kilometer": "km", "tonne": "tonnes", "ton": "tonnes",
    "times": "times", "fold": "times",
}
PEOPLE_NOUNS = frozenset({
    "people", "persons", "inhabitants", "residents", "consumers", "citizens", "population",
})
MONTHS = (
    "january february march april may june july august september october november december"
).split()
DURATIONS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies))"

_DIGITS = r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|(?<![\w.,])\d+(?:\.\d+)?"
_UNIT_WORD = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))

#: The pattern set, run once over the text: digits (and "the same amount") by one regex,
#: number words by an Aho–Corasick automaton (a regex alternation of words is 5x slower).
DIGIT_CANDIDATES = regex.compile(_DIGITS)
ANAPHORS = ("the same amount", "the same sum")
WORD_LIST = sorted(
    {v for w in [*UNITS_WORDS, *TENS_WORDS, *(f"{m}fold" for m in MULTIPLES), *ANAPHORS]
     for v in (w, w.capitalize())}
)
WORD_CANDIDATES = ahocorasick_rs.AhoCorasick(
    WORD_LIST, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
)
WORD_TAIL = regex.compile(
    rf"[- ](?P<unit>{_UNIT_WORD})\b|[- ](?P<frac>half|thirds?|quarters?)\b|(?P<fold>-fold)\b"
    r"|(?P<compound>-[A-Za-z])",
    regex.IGNORECASE,
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?i:hundred|thousand|million|mln|mn|m|billion|bln|bn|trillion|trn|tn)\b"
_CURRENCY_WORD = r"(?i:(?:US |American )?dollars?|roubles?|rubles?|tenge|euros?)\b"
_MEASURE = (
    r"(?:%|(?i:percent|per cent|percentage points?|km\b|kilomet(?:re|er)s?|tonnes?\b|tons?\b"
    r"|times\b|-fold\b))"
)
RIGHT = regex.compile(
    rf"(?P<range>\s*(?:–|—|-|to)\s*(?P<max>{_NUM}))?"
    rf"(?:\s*(?P<scale>{_SCALE}))?"
    rf"(?:\s*(?P<cur>{_CURRENCY_WORD})|\s*(?P<measure>{_MEASURE}))?"
)
QUALIFIERS = (
    "about", "around", "approximately", "roughly", "some", "nearly", "almost", "over", "under",
    "exceeding", "more than", "less than", "at least", "up to", "just over", "well over",
    "close to", "as many as", "upwards of",
)
_QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_CUR = r"(?:US\$|\$|€|₽|₸|(?i:usd|eur|rub|kzt)\b)"
#: Matched backwards (REVERSE) from the number: "more than $ ", "about ", "US$".
LEFT = regex.compile(
    rf"(?:\b(?P<qual>(?i:{_QUAL}))\s+(?:(?P<cur>{_CUR})\s?)?|(?P<cur>{_CUR})\s?)",
    regex.REVERSE,
)
NOUN = regex.compile(r"(?:\s+(?:more|of|[A-Za-z][\w’'-]*)){1,4}")
REJECT_RIGHT = regex.compile(
    rf"(?:st|nd|rd|th)\b|[:/-]\d|[A-Za-z]|-(?:year|month|day|week|hour)|\s*-?\s*{DURATIONS}\b"
    rf"|\s*[–—-]\s*(?:1[89]|20)\d\d\b",
    regex.IGNORECASE,
)
REJECT_LEFT = regex.compile(
    r"[A-Za-z]-|\d[:/-]|(?i:no\.|nos\.|article|part|chapter|section|paragraph|clause|decree|"
    r"resolution|number|page|item|point|volume)\s",
    regex.REVERSE,
)
COUNTER_LINE = regex.compile(r"^\s*\d+ of \d+\s*$")
_MONTH = "(?:" + "|".join(m.capitalize() for m in MONTHS) + ")"
DATE_LEFT = regex.compile(rf"\b{_MONTH}\s+(?:\d{{1,2}},?\s+)?", regex.REVERSE)
DATE_RIGHT = regex.compile(rf"\s+{_MONTH}\b")
FRACTION_FOLLOW = regex.compile(
    r"\s+(?i:more|less|higher|lower|larger|greater|of|up|down)\b"
)
SEPARATOR = regex.compile(r"[- ]")
WORD_SEPARATOR = regex.compile(r"[-\s]+")
DURATION_NOUN = regex.compile(rf"{DURATIONS}\b")
BY = regex.compile(r"\bby\s+$")
COMPARATIVE = regex.compile(
    r"\s+(?i:more|less|higher|lower|larger|greater|bigger|smaller|as\s)", regex.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One stated quantity: ``[start, end)`` covers qualifier to unit (and counted noun)."""

    start: int
    end: int
    value: float
    unit: str
    value_max: float | None = None
    qualifier: str | None = None
    noun: str | None = None  # the words after the number, lower case ("russian regions")
    noun_start: int = 0
    number_start: int = 0
    kind: str = "number"  # number, fraction, multiple, anaphor


def word_value(token: str) -> int | None:
    """The value of "seventy six", "Seventy-six" or "twelve"; ``None`` if not a number word."""
    parts = WORD_SEPARATOR.split(token.strip().lower())
    if len(parts) == 1:
        return UNITS_WORDS.get(parts[0], TENS_WORDS.get(parts[0]))
    if len(parts) == 2 and parts[0] in TENS_WORDS and UNITS_WORDS.get(parts[1], 10) < 10:
        return TENS_WORDS[parts[0]] + UNITS_WORDS[parts[1]]
    return None


def digits_value(token: str) -> float:
    """``"7,500"`` -> 7500.0, ``"18.2"`` -> 18.2."""
    return float(token.replace(",", ""))


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _has_unit(text: str, end: int) -> bool:
    right = RIGHT.match(text, end, min(len(text), end + 40))
    return any(right.group(g) for g in ("scale", "cur", "measure"))


def _rejected(text: str, start: int, end: int, token: str, digits: bool) -> bool:
    """Dates, years, times, ordinals, names, durations and counters are not quantities."""
    lo = max(0, start - 24)
    if (REJECT_LEFT.match(text, lo, start) or DATE_LEFT.match(text, lo, start)
            or DATE_RIGHT.match(text, end)):
        return True
    if _has_unit(text, end):
        return False
    if REJECT_RIGHT.match(text, end, min(len(text), end + 24)):
        return True
    if digits and len(token) == 4 and token.isdigit() and 1800 <= int(token) <= 2100:
        return True  # a year
    return digits and bool(COUNTER_LINE.match(_line_of(text, start)))


def _unit_of(right: regex.Match[str], currency: str | None) -> tuple[str, float]:
    scale = SCALES.get((right.group("scale") or "").lower().rstrip("."), 1.0)
    if currency:
        return CURRENCY_SYMBOLS[currency.lower()], scale
    if right.group("cur"):
        word = right.group("cur").lower().split()[-1].rstrip("s")
        return CURRENCY_WORDS[word], scale
    measure = (right.group("measure") or "").lower().lstrip("-")
    for key, unit in MEASURE_WORDS.items():
        if measure.startswith(key):
            return unit, scale
    return "count", scale


def _noun(text: str, pos: int) -> tuple[str | None, int]:
    """The up-to-four words after a number, lower case, and where they start."""
    m = NOUN.match(text, pos, min(len(text), pos + 80))
    if not m:
        return None, pos
    return m.group().strip().lower(), pos


@dataclass(frozen=True, slots=True)
class Hit:
    """A candidate number: ``text[start:end]`` and what found it."""

    start: int
    end: int
    kind: str  # num, word, frac, mult, same


def _word_hit(text: str, start: int, end: int) -> Hit | None:
    if (start and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha()):
        return None
    token = text[start:end].lower()
    if token in ANAPHORS:
        return Hit(start, end, "same")
    if token.endswith("fold"):
        return Hit(start, end, "mult")
    tail = WORD_TAIL.match(text, end, min(len(text), end + 12))
    if tail is None:
        return Hit(start, end, "word")
    if tail.group("frac") and text[start:end].lower() in FRACTION_HEADS:
        return Hit(start, tail.end(), "frac")
    if tail.group("fold"):
        return Hit(start, tail.end(), "mult")
    if tail.group("unit") and text[start:end].lower() in TENS_WORDS:
        return Hit(start, tail.end(), "word")
    return None if tail.group("compound") else Hit(start, end, "word")


def candidates(text: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Every candidate number in ``text[start:end]``, sorted by position."""
    stop = len(text) if end is None else end
    hits = [Hit(*m.span(), "num") for m in DIGIT_CANDIDATES.finditer(text, start, stop)]
    for _, a, b in WORD_CANDIDATES.find_matches_as_indexes(text[start:stop]):
        hit = _word_hit(text, a + start, b + start)
        if hit is not None:
            hits.append(hit)
    hits.sort(key=lambda h: h.start)
    return hits


def _number(text: str, hit: Hit) -> tuple[float, str, bool] | None:
    token = text[hit.start:hit.end]
    if hit.kind == "num":
        return digits_value(token), "number", True
    if hit.kind == "word":
        value = word_value(token)
        return (float(value), "number", False) if value is not None else None
    if hit.kind == "frac":
        before = text[max(0, hit.start - 6):hit.start]
        if not (FRACTION_FOLLOW.match(text, hit.end) or BY.search(before)):
            return None
        head, tail = SEPARATOR.split(token.lower(), maxsplit=1)
        share = FRACTIONS[tail] * (2 if head == "two" and tail == "third" else 1)
        return share, "fraction", False
    if hit.kind == "mult":
        return float(MULTIPLES[token.lower().split("fold")[0].rstrip("-")]), "multiple", False
    return 0.0, "anaphor", False


def parse_hit(text: str, hit: Hit) -> Quantity | None:
    """Read the quantity around one candidate hit, or ``None`` if it is not one."""
    parsed = _number(text, hit)
    if parsed is None:
        return None
    value, kind, digits = parsed
    start, end = hit.start, hit.end
    if kind == "number":
        if _rejected(text, start, end, text[start:end], digits):
            return None
        return _measured(text, hit, value, digits)
    unit = {"fraction": "percent", "multiple": "times", "anaphor": "same"}[kind]
    noun, noun_start = _noun(text, end)
    left = LEFT.match(text, max(0, start - 24), start)
    qualifier = left.group("qual") if left else None
    return Quantity(start, end, value, unit, qualifier=qualifier, noun=noun,
                    noun_start=noun_start, number_start=start, kind=kind)


def _left_start(left: regex.Match[str] | None, start: int) -> int:
    if left is None:
        return start
    for group in ("qual", "cur"):
        if left.group(group):
            return left.start(group)
    return start


def _measured(text: str, hit: Hit, value: float, digits: bool) -> Quantity | None:
    start, end = hit.start, hit.end
    right = RIGHT.match(text, end, min(len(text), end + 60))
    left = LEFT.match(text, max(0, start - 24), start)
    unit, scale = _unit_of(right, left.group("cur") if left else None)
    if not digits and text[start:end].lower() in PAIR_WORDS and unit == "count" and scale == 1.0:
        return None
    stop = right.end()
    if unit == "times" and (right.group("measure") or "").lower() == "times":
        if not COMPARATIVE.match(text, stop, stop + 12):
            unit = "count"  # "hosted the event five times": how often, not a ratio
    noun, noun_start = _noun(text, stop)
    if noun and unit == "count" and DURATION_NOUN.match(noun):
        return None
    if noun and unit == "count" and noun.split()[0] in PEOPLE_NOUNS:
        unit = "people"
    vmax = digits_value(right.group("max")) * scale if right.group("max") else None
    return Quantity(
        _left_start(left, start), stop, value * scale, unit, value_max=vmax,
        qualifier=left.group("qual") if left else None, noun=noun, noun_start=noun_start,
        number_start=start,
    )


def find_quantities(text: str, start: int = 0, end: int | None = None) -> Iterator[Quantity]:
    """Every quantity stated in ``text[start:end]``, left to right, none overlapping."""
    last = start
    for hit in candidates(text, start, end):
        if hit.start < last:
            continue
        quantity = parse_hit(text, hit)
        if quantity is not None:
            last = quantity.end
            yield quantity
