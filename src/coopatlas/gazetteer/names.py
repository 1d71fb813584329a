"""Name normalisation and the designator words that turn a stem into a region name."""

from __future__ import annotations

import re

_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "‐": "-", "’": "'", "ʼ": "'",
                         "\u00a0": " ", "ё": "е", "Ё": "Е"})
_FOLD = tuple((chr(k), v) for k, v in _DASHES.items())
_SPACES = re.compile(r"\s+")

# designator word (lower case) -> class; plural forms mark coordinated lists
DESIGNATORS: dict[str, str] = {
    "region": "region", "oblast": "region", "oblys": "region", "province": "region",
    "regional": "region", "territory": "krai", "krai": "krai", "kray": "krai",
    "republic": "republic", "autonomous okrug": "ao", "autonomous district": "ao",
    "autonomous area": "ao", "autonomous region": "ao", "autonomous oblast": "ao",
    "okrug": "ao",
}
PLURALS: dict[str, str] = {
    "regions": "region", "oblasts": "region", "provinces": "region", "territories": "krai",
    "krais": "krai", "republics": "republic", "autonomous okrugs": "ao", "okrugs": "ao",
    "autonomous districts": "ao",
}
# which region types a designator class may name when a stem is shared
COMPATIBLE: dict[str, frozenset[str]] = {
    "region": frozenset({"oblast", "oblys", "krai", "autonomous_oblast"}),
    "krai": frozenset({"krai"}),
    "republic": frozenset({"republic"}),
    "ao": frozenset({"autonomous_okrug", "autonomous_oblast"}),
}
# the designators that name each region type in generated variants
TYPE_DESIGNATORS: dict[str, tuple[str, ...]] = {
    "oblast": ("Region", "Oblast", "Province"),
    "oblys": ("Region", "Oblast", "Oblys", "Province"),
    "krai": ("Territory", "Krai", "Kray", "Region"),
    "republic": ("Republic",),
    "autonomous_okrug": ("Autonomous Okrug", "Autonomous District", "Autonomous Area", "Okrug"),
    "autonomous_oblast": ("Autonomous Region", "Autonomous Oblast"),
}


def norm(name: str) -> str:
    """Lower-case key of a name: one kind of dash and apostrophe, single spaces, no 'the'."""
    key = _SPACES.sub(" ", name.translate(_DASHES)).strip().lower()
    key = re.sub(r"\s*-\s*", "-", key)
    return key[4:] if key.startswith("the ") else key


def same_length_lower(text: str) -> str:
    """``text.lower()`` with every offset kept (a few characters change length when lowered)."""
    low = text.lower()
    for src, dst in _FOLD:  # str.replace runs in C; a translate table is slow on long text
        if src in low:
            low = low.replace(src, dst)
    if len(low) == len(text):
        return low
    return "".join(c if len(c) == 1 else o for c, o in
                   zip((ch.translate(_DASHES).lower() for ch in text), text, strict=True))


def names_kazakhstan(low: str) -> bool:
    """Whether a lower-cased text names Kazakhstan at all, in English or Russian: the one
    test of "is this text about the cooperation" that figures and the atlas share."""
    return "kazakh" in low or "казах" in low
