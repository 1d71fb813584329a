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
from dataclasses import dataclass, replace

import regex

from coopatlas.extract.indicators import head_noun
from coopatlas.extract.not_counts import in_a_name, points_back, spans_time
from coopatlas.extract.number_patterns import (
    ANAPHORS,
    ARTICLE_FRACTIONS,
    BY,
    COUNTER_LINE,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DETERMINER,
    DIGIT_CANDIDATES,
    DURATION_WORDS,
    FRACTION_FOLLOW,
    FRACTION_HEADS,
    FRACTION_NOT,
    FRACTIONS,
    LEFT,
    MEASURE_WORDS,
    MONEY_UNITS,
    MONTH_NAMES,
    MULTIPLES,
    NO_UNIT_AFTER,
    NOUN,
    OUTSIDE_MEASURE,
    PAIR_WORDS,
    PEOPLE_NOUNS,
    PER_CONTRACT_UNIT,
    PREPOSITIONS,
    RIGHT,
    SCALE_PHRASES,
    SCALES,
    TENS_WORDS,
    WORD_CANDIDATES,
    WORD_SEPARATOR,
    WORD_TAIL,
    digits_value,
    word_value,
)
from coopatlas.extract.ratios import RATIO_WORDS, ratio_word_at, times_is_ratio
from coopatlas.gazetteer.countries import country_words


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


#: The unit of a quantity in a measure outside the contract's units (volume, energy, power,
#: area): found so that a bare number beside it shares it, then left out of the figures.
MEASURE = "measure"


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
        measure = " ".join(measure.lower().lstrip("-").split())  # "metric\ntons"
        for key, unit in MEASURE_WORDS.items():
            if measure.startswith(key):
                return unit, scale / PER_CONTRACT_UNIT.get(key, 1.0)  # "1,209 kg" = 1.209 t
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


def _inside_a_name(text: str, start: int) -> bool:
    """A capitalised number word in mid-sentence is part of a name ("Panfilov's
    Twenty-Eight Guardsmen", "the Group of Eight"); at a sentence's start it is a number."""
    if not text[start].isupper():
        return False
    at = start - 1
    while at >= 0 and text[at] in " \t\u00a0\"“‘«([":
        at -= 1
    return at >= 0 and text[at] not in ".!?:;\n–—-"


def _word_hit(text: str, start: int, end: int) -> Hit | None:
    if (start and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha()):
        return None
    if _inside_a_name(text, start):
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
    if token in RATIO_WORDS:
        return Hit(start, end, "mult") if ratio_word_at(text, start, end) else None
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
    if FRACTION_NOT.search(before) or OF_A_YEAR.match(text, hit.end):
        return None
    if not (FRACTION_FOLLOW.match(text, hit.end) or BY.search(before)):
        return None
    words = WORD_SEPARATOR.split(text[hit.start:hit.end].lower())
    share = FRACTIONS[words[-1]]
    return share * 2 if words[0] == "two" and words[-1] == "third" else share


def _number(text: str, hit: Hit) -> tuple[float, str, bool] | None:
    token = text[hit.start:hit.end]
    if hit.kind == "num":
        if token[0] == "0" and token[1:2].isdigit():
            return None  # "Schalke 04", "007": a code, no quantity
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
        # "doubled", "fourfold", "sixty-fold"
        times = RATIO_WORDS.get(head) or MULTIPLES.get(head) or word_value(head)
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


#: "three quarters of this year", "half of 2019": a part of a year is a time, not a share.
OF_A_YEAR = regex.compile(
    r"\s+of\s+(?:(?:this|the\s+current|last|the\s+past|the\s+previous)\s+year|(?:19|20)\d\d)\b"
    r"(?!['’])", regex.IGNORECASE)
#: "four and a half": a number word and a half.
AND_A_HALF = regex.compile(r"\s+and\s+a\s+half\b", regex.IGNORECASE)


def _measured(text: str, hit: Hit, value: float, digits: bool) -> Quantity | None:
    """A number with what is right of it: dates, years, names, durations are rejected."""
    start, end = hit.start, hit.end
    after = text[end:end + 2]
    if after[:1] in NO_UNIT_AFTER and (digits and _is_year(text[start:end])
                                       or after[1:].isdigit() and after[0] in ":/"):
        return None  # fast path: "in 2019," and "10:30" need no pattern
    if digits and _after_month(text, start):
        return None  # fast path: "December 25, 2003" is a date (LEFT's date rule says so too)
    half = None if digits else AND_A_HALF.match(text, end)
    if half is not None:  # "four and a half percent", "a thousand and a half"
        value, end = value * 1.5 if hit.kind == "scale" else value + 0.5, half.end()
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
    open_end = OPEN_END.match(noun) if noun else None
    if open_end:  # "seven or more children": at least seven children
        noun, qual = noun[open_end.end():] or None, qual or OPEN_ENDS[open_end.group(1)]
    if (unit == "count" and scale == 1.0 and not digits and token.lower() in PAIR_WORDS
            and not _counts_indicator(text, start, noun)):
        return None
    first = noun.split(None, 1)[0] if noun else ""
    if (unit == "times" and measure.lower() == "times"
            and not times_is_ratio(text, start, right.end("measure"))):
        unit = "count"  # "hosted the event five times": how often, not a ratio
    if unit == "count":
        if noun and spans_time(noun):
            return None
        if digits and scale == 1.0 and not (first.endswith("s") or first in PEOPLE_NOUNS) \
                and in_a_name(text, start):
            return None  # "Soyuz 5", "Nord Stream 2"
        if points_back(text, start, right.end("body"), value * scale, noun):
            return None  # "the four countries", "three countries – Russia, ..."
        if noun and (first in PEOPLE_NOUNS or _nationals(first)
                     or _people_after_adjective(noun)):
            unit = "people"
        if digits and (first in ("of", "") or text.startswith("\n", end)) \
                and COUNTER_LINE.match(_line_of(text, start)):
            return None
    stop = right.end("body")
    if unit == "count" and OUTSIDE_MEASURE.match(text, stop, min(len(text), stop + 40)):
        unit = MEASURE  # "500.1 billion cubic metres": no unit of the contract
    high = digits_value(vmax) * scale if vmax else None
    low = value * scale
    if high is not None and high < low:  # "19.7 or 19.6 percent": the lower bound first
        low, high = high, low
    return Quantity(
        _left_start(left, start), stop, low, unit,
        value_max=high,
        qualifier="odd" if odd else qual, noun=noun, noun_start=stop, number_start=start,
    )


#: "N or more X", "N or fewer X": the noun after the open end, and the qualifier it means.
OPEN_ENDS = {"more": "at least", "over": "at least", "fewer": "up to", "less": "up to"}
OPEN_END = regex.compile(r"or (more|over|fewer|less)\b ?")


def _counts_indicator(text: str, start: int, noun: str | None) -> bool:
    """"one"/"two" counts only what an indicator counts, and not after a determiner:
    "two branches of universities" is a figure, "the two countries", "one of them" are not."""
    if not noun or noun.startswith("of ") or DETERMINER.match(text, max(0, start - 8), start):
        return False
    return head_noun(noun) is not None


def _nationals(word: str) -> bool:
    """"Georgians", "Uzbeks": a country's people, by the plural of its adjective."""
    return word.endswith("s") and word[:-1] in country_words()


def _people_after_adjective(noun: str) -> bool:
    """"700,000 Russian citizens": people named after one or two adjectives ("90,000
    appeals from citizens" counts appeals: a preposition stands before the people)."""
    words = noun.split()
    for at, word in enumerate(words[1:3], start=1):
        if word in PEOPLE_NOUNS:
            return not any(w in PREPOSITIONS or w == "more" for w in words[:at])
    return False


def find_quantities(text: str, start: int = 0, end: int | None = None) -> Iterator[Quantity]:
    """Every quantity stated in ``text[start:end]``, left to right, none overlapping."""
    last, previous = start, None
    found: list[Quantity] = []
    for hit in candidates(text, start, end):
        if hit.start < last:
            continue
        quantity = parse_hit(text, hit)
        if quantity is not None:
            if previous is not None and _same_people(text, previous, quantity):
                quantity = replace(quantity, unit="people")
            last, previous = quantity.end, quantity
            found.append(quantity)
    return iter(_shared_units(text, found))


#: Bare numbers listed before a measured one: "41 and 21 percent", "5, 6 or 7 percent".
LIST_JOINT = regex.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
BETWEEN = regex.compile(r"\bbetween\s+$", regex.IGNORECASE)
SCALED = regex.compile(r"(?i:hundred|thousand|million|billion|trillion|mln|bln|bn|trn)\b")
LISTED_UNITS = MONEY_UNITS | {"percent", "km", "tonnes"}


#: Two numbers of one range in words: "three or four times", "five to six times".
RANGE_JOINT = regex.compile(r"\s*(?:or|to|[-–—])\s*")
FROM = regex.compile(r"\bfrom\s+$", regex.IGNORECASE)
RANGE_UNITS = LISTED_UNITS | {"times", "people", "count"}


def _word_range(text: str, q: Quantity, after: Quantity) -> Quantity | None:
    """"three or four times" as one range from 3 to 4 times (digits have theirs in RIGHT);
    not "from five to six" (a change from one to the other)."""
    if (q.unit != "count" or q.value_max is not None or after.value_max is not None
            or q.kind != "number" or after.unit not in RANGE_UNITS
            or text[q.number_start].isdigit()
            or not RANGE_JOINT.fullmatch(text, q.end, after.number_start)
            or FROM.search(text, max(0, q.start - 8), q.start)):
        return None
    low = q.value
    scale = SCALED.search(text, after.number_start, after.end)
    if scale and not SCALED.search(text, q.number_start, q.end):  # "eight or nine thousand"
        low *= SCALES[scale.group().lower()]
    if low >= after.value:
        return None
    return replace(after, start=q.start, value=low, value_max=after.value,
                   number_start=q.number_start, qualifier=q.qualifier or after.qualifier)


COMPOUND_JOINT = regex.compile(r"\s+(?:and\s+)?")


def _compound(text: str, q: Quantity, after: Quantity) -> Quantity | None:
    """"2 trillion 141 billion rubles", "two trillion and 818 million": one amount, the
    larger scale's whole count plus the smaller scale's part."""
    scale = SCALED.search(text, q.number_start, q.end)
    if (q.unit != "count" or q.value_max is not None or after.value_max is not None
            or scale is None or not COMPOUND_JOINT.fullmatch(text, q.end, after.number_start)):
        return None
    unit_of_q = SCALES[scale.group().lower()]
    if q.value % unit_of_q or after.value >= unit_of_q \
            or not SCALED.search(text, after.number_start, after.end):
        return None
    return replace(after, start=q.start, value=q.value + after.value,
                   number_start=q.number_start, qualifier=q.qualifier or after.qualifier)


def _shared_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """A bare number listed before a measured one shares its unit ("41 and 21 percent");
    "between 1.5 and 6.5 percent" and "three or four times" are one range; "1 trillion 80
    billion rubles" is one amount."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        q, after = out[i], out[i + 1]
        joined = _word_range(text, q, after) or _compound(text, q, after)
        if joined is not None:
            out[i:i + 2] = [joined]
            continue
        if (q.unit != "count" or q.noun not in (None, "and", "or") or q.value_max is not None
                or after.unit not in LISTED_UNITS
                or not LIST_JOINT.fullmatch(text, q.end, after.number_start)
                or SCALED.search(text, after.number_start, after.end)):
            continue  # "5 and 6 billion dollars": the scale is shared too; left alone
        if BETWEEN.search(text, max(0, q.start - 12), q.start):
            out[i:i + 2] = [replace(q, unit=after.unit, end=after.end, value_max=after.value,
                                    noun=after.noun, noun_start=after.noun_start)]
        else:
            out[i] = replace(q, unit=after.unit, noun=None)
    return out


#: Between two members of one list: no sentence or clause end.
LIST_GAP = regex.compile(r"[^.;:!?\n]{0,80}")


def _same_people(text: str, previous: Quantity, q: Quantity) -> bool:
    """"69 people were killed, nearly a thousand injured and over 500 hospitalised", "over
    a million came, of whom 650,000 were granted citizenship": a count whose noun is a
    participle (after an auxiliary or not), after people in one sentence, counts people."""
    if q.unit != "count" or previous.unit != "people" or not q.noun:
        return False
    words = q.noun.split()
    verb = words[1] if words[0] in AUXILIARIES and len(words) > 1 else words[0]
    return verb.endswith("ed") and bool(LIST_GAP.fullmatch(text, previous.end, q.start))


AUXILIARIES = frozenset({"were", "was", "have", "had", "are", "is", "been", "got"})
