"""Place mentions in Russian text, matched on lemmas so that every case form is found.

"в Омской области" -> lemmas "омский область" -> RU-OMS; "в Омске" -> "омск" -> the city;
"Челябинской, Свердловской и Омской областей" -> each adjective takes the list's noun.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick_rs

from coopatlas.gazetteer.load import load_gazetteer
from coopatlas.gazetteer.model import Place
from coopatlas.gazetteer.russian import WORD, lemma_index, readings
from coopatlas.model import Mention, Span

_NOUNS = {"область": "region", "край": "krai", "республика": "republic",
          "автономный округ": "ao", "автономный область": "ao"}
_SEPARATORS = {",", "и", ", и"}


@lru_cache(maxsize=1)
def _table() -> tuple[ahocorasick_rs.AhoCorasick, list[str], dict[str, list[Place]]]:
    index: dict[str, list[Place]] = {k: list(v) for k, v in lemma_index(load_gazetteer()).items()}
    for key, places in list(index.items()):
        words = key.split(" ")
        for noun in _NOUNS:  # "омский область" -> the stem "омский"
            n = noun.split(" ")
            if len(words) > len(n) and words[-len(n):] == n:
                stem = " ".join(words[:-len(n)])
                index.setdefault("~" + stem, []).extend(
                    Place("region", p.key, p.entity, "stem") for p in places if p.kind == "region")
    keys = sorted(index)
    patterns = [" " + k.lstrip("~") + " " for k in keys]
    ac = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.Standard)
    return ac, keys, index


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(w for k in _table()[1] for w in k.lstrip("~").split(" "))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lemma) per word; of a word's readings, one the gazetteer knows wins."""
    known = _known()
    out = []
    for m in WORD.finditer(text):
        forms = readings(m.group())
        out.append((m.start(), m.end(), next((f for f in forms if f in known), forms[0])))
    return out


def russian_mentions(text: str, year: int | None = None) -> list[Mention]:
    toks = tokens(text)
    if not toks:
        return []
    lemma_text, starts = " ", {}
    for i, (_, _, lem) in enumerate(toks):
        starts[len(lemma_text)] = i
        lemma_text += lem + " "
    ac, keys, index = _table()
    found = []
    for k, s, _e in ac.find_matches_as_indexes(lemma_text, overlapping=True):
        first = starts.get(s + 1)
        if first is None:
            continue
        n = keys[k].lstrip("~").count(" ") + 1
        found.append((first, first + n, keys[k]))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0]), t[2].startswith("~")))
    chosen, last = [], -1
    for first, stop, key in found:
        if first >= last and text[toks[first][0]].isupper():
            chosen.append((first, stop, key))
            last = stop
    return _resolve(text, toks, chosen, index, year)


def _resolve(text: str, toks: list, chosen: list, index: dict, year: int | None) -> list[Mention]:
    out = []
    for i, (first, stop, key) in enumerate(chosen):
        places = [p for p in index[key] if p.former is None or p.former.coined_by(year)]
        span = Span(toks[first][0], toks[stop - 1][1])
        if key.startswith("~"):  # an adjective: a region only inside a list ending in a noun
            if not _in_list(text, toks, chosen, i):
                continue
            rule = "region.list"
        else:
            rule = "ru.name"
        if not places:
            continue
        p = next((q for q in places if q.kind == "city"), places[0])
        kind = "macro_region" if p.kind == "macro_region" else p.kind
        out.append(Mention(kind, p.key, span.of(text), span, rule))
    return out


def _in_list(text: str, toks: list, chosen: list, i: int) -> bool:
    """The adjective at chosen[i] is followed, through separators, by a full region name."""
    for j in range(i + 1, len(chosen)):
        gap = text[toks[chosen[j - 1][1] - 1][1]:toks[chosen[j][0]][0]]
        if re.sub(r"\s+", " ", gap).strip() not in _SEPARATORS:
            return False
        if not chosen[j][2].startswith("~"):
            return True
    return False
