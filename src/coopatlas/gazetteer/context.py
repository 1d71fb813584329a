"""Context rules applied only around gazetteer hits: designators, lists, institutions, cues.

Each function looks at a short window of text next to a hit; none scans the document.
"""

from __future__ import annotations

import re

from coopatlas.gazetteer.names import DESIGNATORS, PLURALS

WINDOW = 160

_ALT = "|".join(re.escape(k) for k in sorted(DESIGNATORS | PLURALS, key=len, reverse=True))
_DESIGNATOR_AFTER = re.compile(rf"(?:\s+|-)(?P<d>{_ALT})\b", re.IGNORECASE)
# "Valdai, Novgorod Region": the region a town's name is followed by (datelines, "the town of X,
# Y Region"), one or two capitalised words and a singular designator; not a list's next item
# ("in Moscow, the Krasnodar Territory", "Volgograd, Belgorod Region, and Riga")
_SINGULAR = "|".join(re.escape(k) for k in sorted(DESIGNATORS, key=len, reverse=True))
_REGION_AFTER = re.compile(
    r",[ \t]+(?P<stem>[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?)[ \t-]"
    rf"(?P<d>(?i:{_SINGULAR}))\b(?!,?\s+(?:and|or|as\s+well\s+as)\s)")
_REPUBLIC_OF = re.compile(r"\brepublic\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_REGIONS_OF = re.compile(
    r"\b(?P<d>regions|oblasts|provinces|territories|republics)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE)
_GOVERNOR = re.compile(r"(?:'s)?\s+governor\b", re.IGNORECASE)
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s*&\s*|\s+or\s+)"
                       r"(?:the\s+)?", re.IGNORECASE)
_PLACE_CUE = re.compile(
    r"\b(?:in|to|from|near|at|via|outside|city\s+of|town\s+of|cities\s+of)\s+$", re.IGNORECASE)

INSTITUTION_HEADS = (
    r"universit(?:y|ies)|institutes?|academ(?:y|ies)|colleges?|conservator(?:y|ies)|schools?|"
    r"lyceums?|museums?|theat(?:re|er)s?|philharmonic|librar(?:y|ies)|hospitals?|clinics?|"
    r"plants?|factor(?:y|ies)|works|mills?|refiner(?:y|ies)|combines?|GRES(?:-\d+)?|TPP|CHPP?|"
    r"HPP|NPP|power\s+(?:plant|station)s?|stations?|cosmodrome|airports?|airlines|banks?|"
    r"railways?|exchanges?|stadiums?|arenas?|mines?|deposits?|fields?|nature\s+reserves?|"
    r"test\s+site|testing\s+ground|polygon|(?:space\s+)?launch\s+(?:centre|center|site)|"
    r"centres?|centers?|cathedral|mosque|monastery|seminary|FC|club|tractor|metallurgical|"
    r"steel|aluminium|aluminum|pipeline|gazette|newspaper"
)
# a name followed by capitalised words and an institution's head ("Chelyabinsk State University")
_INSTITUTION = re.compile(rf"(?:(?:\s+|-)[A-Z][\w'’.-]*)*?(?:\s+|-)(?i:{INSTITUTION_HEADS})\b")
# a list of names ending in a plural head ("the Chelyabinsk, South Ural and other universities")
_INSTITUTIONS = re.compile(
    r"(?:(?:,\s*|\s+and\s+|\s+|-)(?:other\s+)?[A-Z][\w'’.-]*)*?"
    r"(?:,\s*|\s+and\s+|\s+)(?:other\s+)?"
    r"(?i:universities|institutes|academies|colleges|schools|plants|factories|refineries)\b")


def designator_after(text: str, end: int) -> tuple[str, bool, int] | None:
    """(class, plural, end) of "Region"/"territories"/... right after a name."""
    m = _DESIGNATOR_AFTER.match(text, end, min(len(text), end + 40))
    if not m:
        return None
    word = re.sub(r"\s+", " ", m["d"].lower())
    if word in PLURALS:
        return PLURALS[word], True, m.end()
    return DESIGNATORS[word], False, m.end()


def region_after(text: str, end: int) -> tuple[str, str] | None:
    """(stem, designator class) of ", Novgorod Region" right after a town's name."""
    m = _REGION_AFTER.match(text, end, min(len(text), end + 50))
    if not m:
        return None
    return m["stem"], DESIGNATORS[re.sub(r"\s+", " ", m["d"].lower())]


def republic_of_before(text: str, start: int) -> int | None:
    """Where "Republic of" starts, when it stands right before a name."""
    m = _REPUBLIC_OF.search(text, max(0, start - 30), start)
    return m.start() if m else None


def regions_of_before(text: str, start: int) -> str | None:
    """The designator class of "the regions of" / "the republics of" right before a name."""
    m = _REGIONS_OF.search(text, max(0, start - 30), start)
    return PLURALS[m["d"].lower()] if m else None


def governor_after(text: str, end: int) -> bool:
    return _GOVERNOR.match(text, end, min(len(text), end + 20)) is not None


def institution_after(text: str, end: int) -> bool:
    """True when the name opens an institution's name ("Chelyabinsk State University")."""
    stop = min(len(text), end + WINDOW)
    m = _INSTITUTION.match(text, end, stop) or _INSTITUTIONS.match(text, end, stop)
    return m is not None and "\n" not in text[end:m.end()]


def list_separator(text: str, end: int, start: int) -> bool:
    """True when only a list separator (", ", " and ", ", and the ") lies between two names."""
    return start - end < 20 and _LIST_SEP.fullmatch(text, end, start) is not None


def place_cue_before(text: str, start: int, end: int) -> bool:
    """A preposition of place before a name that is also a person's name ("in Vladimir")."""
    if _PLACE_CUE.search(text, max(0, start - 20), start) is None:
        return False
    nxt = re.match(r"\s+([A-Z])", text[end:end + 3])
    return nxt is None  # "in Vladimir Putin's ..." is a person
