"""Ratios: when "N times" is one ("grew 1.8 times", "1.5 times the minimum", "five times
more") rather than how often something happened ("we met five times"), and the ratio words
that carry their number themselves ("doubled", "tripled", "twice as much", "to double
exports"). The contract's unit for both is ``times``."""

from __future__ import annotations

import regex

#: Words that state a ratio without a number before them, and the ratio they state.
#: The past forms, changes by their own word ("has more than doubled").
RATIO_VERBS = ("doubled", "tripled", "trebled", "quadrupled")
RATIO_WORDS: dict[str, int] = {
    "doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "twice": 2, "double": 2,
    "triple": 3,
}
_QUALIFIER = r"(?:(?:almost|nearly|about|around|roughly|some|over|more than|less than|at least"
_QUALIFIER += r"|just over|approximately|virtually|practically|by)\s+)*"
#: A change in the clause before the number ("exports increased 1.7 times", "prices rose
#: not by a few percent but 3.3 times", "production went up by almost three times").
_CHANGE = (r"increas|grow|grew|rose|rise|risen|rais|reduc|decreas|drop|fell|fall|declin"
           r"|expand|boost|jump|multipl|surg|shrank|shrunk|soar|slash|lower|higher")
CHANGE_BEFORE = regex.compile(
    rf"(?i:\b(?:{_CHANGE})\w*\b[^.;:!?\n]{{0,70}}|\bby\s+{_QUALIFIER})$"
)
#: "exports are up 1.8 times": a change, after a number only ("stood up twice" is none).
UP_OR_DOWN_BEFORE = regex.compile(rf"(?i:\b(?:up|down)\s+{_QUALIFIER})$")
#: What after "times" (or "twice") makes it a ratio: a comparative, or what is multiplied.
RATIO_AFTER = regex.compile(
    r"\s+(?i:more|less|fewer|higher|lower|larger|greater|bigger|smaller|faster|slower|cheaper"
    r"|as|the|its|their|our|his|her|what|that\s+(?:of|number|amount|level|figure))\b"
    r"|\s+over\b(?!\s+\w)"
)
#: "double" and "triple" as verbs ("to double trade", "we can almost double deliveries") or
#: as ratios ("is double the figure for 2010").
VERB_BEFORE = regex.compile(
    rf"(?i:\b(?:to|can|could|will|would|should|must|may|might|shall)\s+{_QUALIFIER})$"
)
COPULA_BEFORE = regex.compile(rf"(?i:\b(?:is|was|are|were|be|been)\s+{_QUALIFIER})$")
THE_AFTER = regex.compile(r"\s+the\b")
#: "double-digit", "double standards", "double taxation", "double our efforts": no ratio.
NOT_AFTER = regex.compile(
    r"[-‑]|\s+(?i:standards?|taxation|digits?|check|(?:our|their|your|its|the)\s+efforts)\b"
)


def _clause_before(text: str, start: int) -> str:
    return text[max(0, start - 80):start]


def _ratio_around(text: str, start: int, after: int) -> bool:
    return bool(RATIO_AFTER.match(text, after)) or bool(
        CHANGE_BEFORE.search(_clause_before(text, start)))


def times_is_ratio(text: str, start: int, after: int) -> bool:
    """Whether "N times" (the number at ``start``, "times" ending at ``after``) is a ratio."""
    return _ratio_around(text, start, after) or bool(
        UP_OR_DOWN_BEFORE.search(_clause_before(text, start)))


def ratio_word_at(text: str, start: int, end: int) -> bool:
    """Whether the ratio word at ``text[start:end]`` states a ratio here: "doubled" always;
    "twice" before a comparative or after a change ("twice as many", "twice the average",
    "increased twice"), not "met twice"; "double" and "triple" as verbs or before "the"."""
    word = text[start:end].lower()
    if NOT_AFTER.match(text, end):
        return False
    if word in RATIO_VERBS:
        return True
    if word == "twice":
        return _ratio_around(text, start, end)
    before = _clause_before(text, start)
    return bool(VERB_BEFORE.search(before)) or bool(
        COPULA_BEFORE.search(before) and THE_AFTER.match(text, end))
