"""The counted nouns that name an indicator ("400 cooperation agreements" -> agreements)."""

from __future__ import annotations

MONEY = frozenset({"USD", "RUB", "KZT", "EUR"})
#: Head words of the counted noun and the indicator each names, first match wins.
NOUN_INDICATORS: tuple[tuple[str, str], ...] = (
    (r"joint\s+(?:ventures?|compan(?:y|ies)|enterprises?|firms?)", "joint_ventures"),
    (r"delegations?", "delegations"),
    (r"agreements?|treaties|contracts?", "agreements"),
    (r"documents?|memorand\w*|protocols?", "documents_signed"),
    (r"compan(?:y|ies)|enterprises?|firms?|businesses|legal\s+entit(?:y|ies)", "companies"),
    (r"universit(?:y|ies)|institutes?", "universities"), (r"schools?", "schools"),
    (r"students?", "students"), (r"projects?", "projects"),
    (r"representatives?|participants?|delegates?|guests?|attendees?", "participants"),
    (r"regions?|territor(?:y|ies)|constituent|subjects?|oblasts?", "region"),
)
NOUN_STOP = frozenset(
    "are is were was have has had will would that which who to in from at on with for by"
    " and or".split()
)
