"""Find gazetteer names in running text with one compiled Aho–Corasick automaton.

The automaton reports every occurrence of every core name (overlapping); we keep those on
whole-word boundaries that start with a capital letter, then the leftmost-longest of any
overlapping set. Context rules (designators, lists, institutions) run only around these hits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from coopatlas.gazetteer.load import load_gazetteer
from coopatlas.gazetteer.model import Place
from coopatlas.gazetteer.names import same_length_lower


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    places: tuple[Place, ...]


class Matcher:
    def __init__(self, cores: dict[str, list[Place]]) -> None:
        self._keys = sorted(k for k in cores if k)
        self._places = [tuple(cores[k]) for k in self._keys]
        self._ac = ahocorasick_rs.AhoCorasick(self._keys,
                                               matchkind=ahocorasick_rs.MatchKind.Standard)

    def find(self, text: str, low: str | None = None) -> list[Hit]:
        """Hits in ``text``; ``low`` is its ``same_length_lower`` when the caller has it."""
        low = same_length_lower(text) if low is None else low
        spans = [(s, e, i) for i, s, e in self._ac.find_matches_as_indexes(low, overlapping=True)
                 if text[s].isupper() and _whole_word(text, s, e)]
        spans.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        hits: list[Hit] = []
        last_end = -1
        for s, e, i in spans:
            if s >= last_end:
                hits.append(Hit(s, e, self._places[i]))
                last_end = e
        return hits


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum():
        return False
    if before == "-" and start > 1 and text[start - 2].isalpha():
        return False  # the tail of a hyphenated name ("Ust-Kamenogorsk" -> not "Kamenogorsk")
    return not (after == "-" and end + 1 < len(text) and text[end + 1].isupper())


@lru_cache(maxsize=1)
def english_matcher() -> Matcher:
    return Matcher(load_gazetteer().cores)
