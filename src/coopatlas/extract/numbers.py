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

from coopatlas.extract.indicators import head_noun

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
#: "a thousand", "half a billion": a scale word with an article (or "half a") for its number.
SCALE_PHRASES: dict[str, float] = {
    f"{head} {scale}": mult * SCALES[scale]
    for head, mult in (("a", 1.0), ("half a", 0.5))
    for scale in ("hundred", "thousand", "million", "billion", "trillion")
}
#: A fraction with an article, or "half" alone: a share when "of", "more", "by" go with it.
ARTICLE_FRACTIONS = ("a third", "a quarter", "half")

#: The pattern set, run once over the text: digits (and "the same amount") by one regex,
#: number words by an Aho–Corasick automaton (a regex alternation of words is 5x slower).
DIGIT_CANDIDATES = regex.compile(_DIGITS)
ANAPHORS = ("the same amount", "the same sum")
WORD_LIST = sorted(
    {v for w in [*UNITS_WORDS, *TENS_WORDS, *(f"{m}fold" for m in MULTIPLES), *ANAPHORS,
                 *SCALE_PHRASES, *ARTICLE_FRACTIONS]
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
_DASH = "[-–—−]"
_SCALE = r"(?i:hundred|thousand|million|mln|mn|m|billion|bln|bn|trillion|trn|tn)\b"
_CURRENCY_WORD = r"(?i:(?:US |American )?dollars?|roubles?|rubles?|tenge|euros?)\b"
_MEASURE = (
    r"(?:%|(?i:percent|per cent|percentage points?|km\b|kilomet(?:re|er)s?|tonnes?\b|tons?\b"
    r"|times\b|-fold\b))"
)
MONTH_NAMES = frozenset(m.capitalize() for m in MONTHS)
_MONTH = "(?:" + "|".join(m.capitalize() for m in MONTHS) + ")"
_NOUN = r"(?P<noun>(?:\s+(?:more|of|[A-Za-z][\w’'-]*)){1,5})?"
_UNIT = rf"(?:\s*(?P<cur>{_CURRENCY_WORD})|\s*(?P<measure>{_MEASURE}))"
#: Everything right of a number in one match, tried in order: a date ("12 March"); a unit,
#: with its range and scale ("30–35 percent", "14 billion dollars"); what makes it no
#: quantity (ordinals, "5:30", names, durations, year spans); else a plain count.
RIGHT = regex.compile(
    rf"(?P<date>(?:\s*{_DASH}\s*\d{{1,2}})?\s+{_MONTH}\b)"
    rf"|(?P<body>(?P<odd>-odd\b)?(?P<range>\s*(?:{_DASH}|to|or)\s*(?P<max>{_NUM}))?"
    rf"(?:\s*(?P<scale>{_SCALE}){_UNIT}?|{_UNIT})){_NOUN}"
    rf"|(?P<reject>(?:st|nd|rd|th)\b|[:/-]\d|[A-Za-z]|-(?i:year|month|day|week|hour)"
    rf"|\s*-?\s*(?i:{DURATIONS})\b|\s*{_DASH}\s*(?:1[89]|20)\d\d\b)"
    rf"|(?P<body>(?P<odd>-odd\b)?(?P<range>\s*[–—−]\s*(?P<max>{_NUM}))?){_NOUN}"
)
QUALIFIERS = (
    "about", "around", "approximately", "roughly", "some", "nearly", "almost", "over", "under",
    "exceeding", "more than", "less than", "at least", "up to", "just over", "well over",
    "close to", "as many as", "upwards of",
)
_QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_CUR = r"(?:US\$|\$|€|₽|₸|(?i:usd|eur|rub|kzt)\b)"
#: Everything left of a number in one match, read backwards from it: what makes it no
#: quantity ("Mi-", "5:", "Article ", a day range "17–"), a date ("March 12, "), else a
#: qualifier and currency ("more than $ ", "about ", "US$").
LEFT = regex.compile(
    rf"(?P<reject>[A-Za-z]-|\d[:/]|\d{_DASH}\s*|(?i:no\.|nos\.|article|part|chapter|section"
    r"|paragraph|clause|decree|resolution|number|page|item|point|volume)\s)"
    rf"|(?P<date>\b{_MONTH}\s+(?:\d{{1,2}},?\s+)?)"
    rf"|\b(?P<qual>(?i:{_QUAL}))\s+(?:(?P<cur>{_CUR})\s?)?|(?P<cur>{_CUR})\s?",
    regex.REVERSE,
)
NOUN = regex.compile(_NOUN)
DETERMINER = regex.compile(
    r"\b(?i:the|these|those|both|our|their|its|his|her|all|of|my|your)\s+", regex.REVERSE
)
#: Characters after which no unit can follow a number.
NO_UNIT_AFTER = frozenset(",.;:)/-–—\n")
COUNTER_LINE = regex.compile(r"^\s*\d+ of \d+\s*$")
FRACTION_FOLLOW = regex.compile(
    r"\s+(?i:more|less|higher|lower|larger|greater|of|up|down)\b"
)
FRACTION_NOT = regex.compile(r"(?i:first|second|latter|other|one and)\s+$")
WORD_SEPARATOR = regex.compile(r"[-\s]+")
BY = regex.compile(r"\bby\s+$")
COMPARATIVES = frozenset("more less higher lower larger greater bigger smaller as".split())
DURATION_WORDS = frozenset(
    "year years month months week weeks day days hour hours minute minutes decade decades"
    " century centuries".split()
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


def _unit_of(scale_word: str | None, word: str | None, measure: str | None,
             currency: str | None) -> tuple[str, float]:
    scale = SCALES.get(scale_word.lower(), 1.0) if scale_word else 1.0
    if currency:
        return CURRENCY_SYMBOLS[currency.lower()], scale
    if word:
        return CURRENCY_WORDS[word.lower().rsplit(None, 1)[-1].rstrip("s")], scale
    if measure:
        measure = measure.lower().lstrip("-")
        for key, unit in MEASURE_WORDS.items():
            if measure.startswith(key):
                return unit, scale
    return "count", scale


def _noun(text: str, pos: int) -> tuple[str | None, int]:
    """The up-to-five words after a number, lower case, and where they start."""
    m = NOUN.match(text, pos, min(len(text), pos + 90))
    if not m or not m.group("noun"):
        return None, pos
    return m.group("noun").strip().lower(), pos


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
    if token in SCALE_PHRASES:
        return Hit(start, end, "scale")
    if token in ARTICLE_FRACTIONS:
        return Hit(start, end, "frac")
    if token.endswith("fold"):
        return Hit(start, end, "mult")
    tail = WORD_TAIL.match(text, end, min(len(text), end + 12))
    if tail is None:
        return Hit(start, end, "word")
    if tail.group("frac") and token in FRACTION_HEADS:
        return Hit(start, tail.end(), "frac")
    if tail.group("fold"):
        return Hit(start, tail.end(), "mult")
    if tail.group("unit") and token in TENS_WORDS:
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


def _fraction(text: str, hit: Hit) -> float | None:
    """"one-third more", "half of", "by a quarter": a share; "the first half of" is not."""
    before = text[max(0, hit.start - 10):hit.start]
    if FRACTION_NOT.search(before):
        return None
    if not (FRACTION_FOLLOW.match(text, hit.end) or BY.search(before)):
        return None
    words = WORD_SEPARATOR.split(text[hit.start:hit.end].lower())
    share = FRACTIONS[words[-1]]
    return share * 2 if words[0] == "two" and words[-1] == "third" else share


def _number(text: str, hit: Hit) -> tuple[float, str, bool] | None:
    token = text[hit.start:hit.end]
    if hit.kind == "num":
        return digits_value(token), "number", True
    if hit.kind == "word":
        value = word_value(token)
        return (float(value), "number", False) if value is not None else None
    if hit.kind == "scale":
        return SCALE_PHRASES[token.lower()], "number", False
    if hit.kind == "frac":
        share = _fraction(text, hit)
        return None if share is None else (share, "fraction", False)
    if hit.kind == "mult":
        head = token.lower().split("fold")[0].rstrip("-")
        times = MULTIPLES.get(head) or word_value(head)  # "fourfold", "sixty-fold"
        return (float(times), "multiple", False) if times else None
    return 0.0, "anaphor", False


def parse_hit(text: str, hit: Hit) -> Quantity | None:
    """Read the quantity around one candidate hit, or ``None`` if it is not one."""
    parsed = _number(text, hit)
    if parsed is None:
        return None
    value, kind, digits = parsed
    start, end = hit.start, hit.end
    if kind == "number":
        return _measured(text, hit, value, digits)
    left = LEFT.match(text, max(0, start - 24), start)
    if left is not None and (left.group("reject") or left.group("date")):
        return None
    unit = {"fraction": "percent", "multiple": "times", "anaphor": "same"}[kind]
    noun, noun_start = _noun(text, end)
    if kind == "fraction" and noun and _is_duration(noun.removeprefix("of ").removeprefix("the ")):
        return None
    qualifier = left.group("qual") if left else None
    return Quantity(start, end, value, unit, qualifier=qualifier, noun=noun,
                    noun_start=noun_start, number_start=start, kind=kind)


def _is_duration(noun: str) -> bool:
    return noun.split(None, 1)[0].strip(".,;:") in DURATION_WORDS


def _left_start(left: regex.Match[str] | None, start: int) -> int:
    if left is None:
        return start
    for group in ("qual", "cur"):
        if left.group(group):
            return left.start(group)
    return start


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1800 <= int(token) <= 2100


def _after_month(text: str, start: int) -> bool:
    """Whether a month name and white space stand right before ``start`` ("March 12")."""
    space = start
    while space > 0 and text[space - 1].isspace():
        space -= 1
    word = space
    while word > 0 and text[word - 1].isalpha():
        word -= 1
    return (space < start and text[word:space] in MONTH_NAMES
            and (word == 0 or not text[word - 1].isalnum()))


def _measured(text: str, hit: Hit, value: float, digits: bool) -> Quantity | None:
    """A number with what is right of it: dates, years, names, durations are rejected."""
    start, end = hit.start, hit.end
    after = text[end:end + 2]
    if after[:1] in NO_UNIT_AFTER and (digits and _is_year(text[start:end])
                                       or after[1:].isdigit() and after[0] in ":/"):
        return None  # fast path: "in 2019," and "10:30" need no pattern
    if digits and _after_month(text, start):
        return None  # fast path: "December 25, 2003" is a date (LEFT's date rule says so too)
    right = RIGHT.match(text, end, min(len(text), end + 120))
    date, reject, scale_word, word, measure, vmax, odd, noun = right.group(
        "date", "reject", "scale", "cur", "measure", "max", "odd", "noun")
    if date or reject:
        return None
    if digits and not (scale_word or word or measure) and _is_year(text[start:end]):
        return None
    left = LEFT.match(text, max(0, start - 24), start)
    reject, date, qual, currency = left.group("reject", "date", "qual", "cur") if left else (
        None, None, None, None)
    if reject or date:
        return None
    unit, scale = _unit_of(scale_word, word, measure, currency)
    token = text[start:end]
    noun = noun.strip().lower() if noun else None
    if (unit == "count" and scale == 1.0 and not digits and token.lower() in PAIR_WORDS
            and not _counts_indicator(text, start, noun)):
        return None
    first = noun.split(None, 1)[0] if noun else ""
    if unit == "times" and measure.lower() == "times" and first not in COMPARATIVES:
        unit = "count"  # "hosted the event five times": how often, not a ratio
    if unit == "count":
        if noun and _is_duration(first):
            return None
        if noun and (first in PEOPLE_NOUNS or _people_after_adjective(noun)):
            unit = "people"
        if digits and (first in ("of", "") or text.startswith("\n", end)) \
                and COUNTER_LINE.match(_line_of(text, start)):
            return None
    stop = right.end("body")
    high = digits_value(vmax) * scale if vmax else None
    low = value * scale
    if high is not None and high < low:  # "19.7 or 19.6 percent": the lower bound first
        low, high = high, low
    return Quantity(
        _left_start(left, start), stop, low, unit,
        value_max=high,
        qualifier="odd" if odd else qual, noun=noun, noun_start=stop, number_start=start,
    )


def _counts_indicator(text: str, start: int, noun: str | None) -> bool:
    """"one"/"two" counts only what an indicator counts, and not after a determiner:
    "two branches of universities" is a figure, "the two countries", "one of them" are not."""
    if not noun or noun.startswith("of ") or DETERMINER.match(text, max(0, start - 8), start):
        return False
    return head_noun(noun) is not None


def _people_after_adjective(noun: str) -> bool:
    """"700,000 Russian citizens": people named after one or two adjectives."""
    words = noun.split()
    return any(w in PEOPLE_NOUNS for w in words[1:3]) and words[0] not in ("of", "more")


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
