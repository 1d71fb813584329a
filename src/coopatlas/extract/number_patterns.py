"""The vocabulary and compiled patterns of the number grammar (:mod:`coopatlas.extract.numbers`).

Number words, scales, units, currencies and qualifiers; the candidate finders (one
``regex`` for digits, one Aho–Corasick automaton for number words) and the anchored
patterns read left and right of each candidate.
"""

from __future__ import annotations

import ahocorasick_rs
import regex

from coopatlas.extract.ratios import RATIO_WORDS

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
MONEY_UNITS = frozenset(CURRENCY_WORDS.values())
#: Measures stated in a smaller unit than the contract's: value divided by the factor.
PER_CONTRACT_UNIT: dict[str, float] = {"kg": 1000.0, "kilogram": 1000.0}
MEASURE_WORDS: dict[str, str] = {
    "percent": "percent", "per cent": "percent", "%": "percent", "percentage point": "percent",
    "km": "km", "kilometre": "km", "kilometer": "km", "tonne": "tonnes", "ton": "tonnes",
    "metric ton": "tonnes", "kg": "tonnes", "kilogram": "tonnes",
    "times": "times", "fold": "times",
}
PEOPLE_NOUNS = frozenset({
    "people", "persons", "inhabitants", "residents", "consumers", "citizens", "population",
    "children", "passengers", "tourists", "employees", "workers", "migrants", "professionals",
    # nationals counted as people ("1.1 million Germans lived there")
    "russians", "kazakhs", "kazakhstanis", "germans", "ukrainians", "belarusians", "uzbeks",
    "tatars", "koreans", "poles", "americans", "tajiks", "armenians", "azerbaijanis",
})
#: An area is no quantity of the contract ("a 9.5 sq m room", "200 hectares").
_AREA = (r"(?i:sq\.?\s*(?:m|km)|square\s+(?:metres?|meters?|kilometres?|kilometers?|km|m)"
         r"|hectares?)\b")
#: Measures outside the contract's units: volumes, energy and power ("500 billion cubic metres
#: of gas", "a 1,200 MW plant"), and areas after a scale word ("12 million hectares"). A number
#: in one is no figure of the contract, nor is a bare number that shares its unit.
OUTSIDE_MEASURE = regex.compile(
    rf"\s*[\[(]?\s*(?:{_AREA}|(?i:cubic\s+(?:metres?|meters?)|(?:square\s+|centi|milli)?(?:metres?|meters?)|cu\.?\s*m|m3|bcm|litres?|liters?"
    r"|barrels?|(?:kilo|mega|giga)watt(?:[- ]hours?|s)?|[kmg]wh?))\b")
PREPOSITIONS = frozenset(
    "of from for by to with in on at about among between into over under per".split()
)
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
                 *SCALE_PHRASES, *ARTICLE_FRACTIONS, *RATIO_WORDS]
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
_CURRENCY_WORD = (
    r"(?i:(?:US |American )?dollars?|(?:Russian |Kazakh |Kazakhstani |Belarusian )?"
    r"(?:roubles?|rubles?|tenge)|euros?)\b"
)
_MEASURE = (
    r"(?:%|(?i:percent|per cent|percentage points?|km\b|kilomet(?:re|er)s?"
    r"|(?:metric\s+)?(?:tonnes?|tons?)\b|kg\b|kilogram(?:me)?s?\b"
    r"|times\b|-fold\b))"
)
MONTH_NAMES = frozenset(m.capitalize() for m in MONTHS)
_MONTH = "(?:" + "|".join(m.capitalize() for m in MONTHS) + ")"
_NOUN = r"(?P<noun>(?:\s+(?:more|of|[A-Za-z][\w’'-]*)){1,5})?"
_UNIT = rf"(?:(?:\s*|-)(?P<cur>{_CURRENCY_WORD})|\s*(?P<measure>{_MEASURE}))"
#: Everything right of a number in one match, tried in order: a date ("12 March"); a unit,
#: with its range and scale ("30–35 percent", "14 billion dollars", "a 270-billion-ruble
#: programme"); what makes it no
#: quantity (ordinals, "5:30", names, durations, year spans); else a plain count.
RIGHT = regex.compile(
    rf"(?P<date>(?:\s*{_DASH}\s*\d{{1,2}})?\s+{_MONTH}\b)"
    rf"|(?P<body>(?P<odd>-odd\b)?(?P<range>\s*(?:{_DASH}|to|or)\s*(?P<max>{_NUM}))?"
    rf"(?:(?:\s*|-)(?P<scale>{_SCALE}){_UNIT}?|{_UNIT})){_NOUN}"
    rf"|(?P<reject>(?:st|nd|rd|th)\b|[:/-]\d|[A-Za-z]|-(?i:year|month|day|week|hour)"
    rf"|\s*-?\s*(?i:{DURATIONS})\b|\s*{_DASH}\s*(?:1[89]|20)\d\d\b|\s*{_AREA})"
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
