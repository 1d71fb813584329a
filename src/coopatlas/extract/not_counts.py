"""Plain counts that state no quantity of the contract: a number in a name ("Soyuz 5",
"Industry 4.0", "Power of Siberia 2 pipeline"), a count that points back to parties just
named ("the four countries' leaders", "all three parties", "three countries – Russia,
Kazakhstan and Kyrgyzstan"), and a span of time in a range or with a half ("five or six
years", "Five and a half years")."""

from __future__ import annotations

import regex

from coopatlas.extract.number_patterns import DURATION_WORDS

#: Capitalised words that stand before a number without making it part of a name.
NOT_NAMES = frozenset(
    "A An The Some About Over Around Almost Nearly Only All Just Up Under By In Of And To From"
    " With For At On Until Since Than Another Every Each Top No Nos Mr Ms Mrs Dr".split()
)
_WORD_BEFORE = regex.compile(r"(?:^|(?<=[\s(“\"]))([A-Z][\w’'-]*)\s$")
#: What ends a sentence or clause before a word, so the word starts it ("Only 5 ...").
_STARTS = frozenset(".!?:;\n–—\"“‘([")

#: Parties a small count points back to, after "the", "these", "all", "our".
PARTY_NOUNS = frozenset(
    "countries states nations parties sides leaders presidents heads republics members"
    " partners governments".split()
)
MAX_ANAPHORIC = 12
DETERMINED = regex.compile(r"\b(?i:the|these|those|all|our|their|both|your)\s+$")
OF_US = regex.compile(r"of\s+(?:us|them|you)\b")
#: The parties listed right after the count: "three countries – Russia, Kazakhstan, ...".
ENUMERATED = regex.compile(
    rf"\s+(?:[\w’'-]+\s+){{0,2}}?(?:{'|'.join(sorted(PARTY_NOUNS))})\s*[–—:]\s*(?:the\s+)?[A-Z]"
)


def in_a_name(text: str, start: int) -> bool:
    """Whether the digits at ``start`` follow a capitalised word inside a sentence: a model,
    a programme or a pipeline's number ("Soyuz 5", "Nord Stream 2"), not a quantity."""
    found = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if found is None or found.group(1) in NOT_NAMES:
        return False
    at = found.start(1) - 1
    while at >= 0 and text[at] in " \t\u00a0":
        at -= 1
    return at >= 0 and text[at] not in _STARTS


def _party_noun(noun: str) -> bool:
    words = noun.split()[:3]
    for word in words:
        word = word.strip(".,;:’'")
        if word in PARTY_NOUNS:
            return True
        if word in ("of", "in", "for", "with"):
            return False
    return False


def points_back(text: str, start: int, stop: int, value: float, noun: str | None) -> bool:
    """Whether a small count of parties names parties already (or just about to be) named:
    "the four countries", "all three parties", "the three of us", "three countries –
    Russia, Kazakhstan and Kyrgyzstan". ``stop`` is where the number (and unit) ends."""
    if not noun or value > MAX_ANAPHORIC:
        return False
    if OF_US.match(noun):
        return DETERMINED.search(text, max(0, start - 8), start) is not None
    if not _party_noun(noun):
        return False
    return (DETERMINED.search(text, max(0, start - 8), start) is not None
            or ENUMERATED.match(text, stop) is not None)


def spans_time(noun: str) -> bool:
    """Whether the words after a number make it a span of time: "years", "or six years",
    "and a half years", "to ten days"."""
    words = [w.strip(".,;:") for w in noun.split()[:5]]
    if not words:
        return False
    if words[0] in DURATION_WORDS:
        return True
    if words[0] not in ("or", "to", "and"):
        return False
    rest = words[1:]
    if rest[:2] == ["a", "half"]:
        rest = rest[2:]
    elif rest:
        rest = rest[1:]  # the range's other number ("or six years")
    return bool(rest) and rest[0] in DURATION_WORDS
