"""Russian names: match inflected forms through pymorphy3 lemmas (cached per word)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coopatlas.gazetteer.gazetteer import Gazetteer
    from coopatlas.gazetteer.model import Place

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@lru_cache(maxsize=1)
def _morph():  # noqa: ANN202 - pymorphy3 has no type stubs
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if not CYRILLIC.search(word):
        return word
    parses = _morph().parse(word)
    geo = [p for p in parses if "Geox" in p.tag]  # a place-name reading wins
    return (geo or parses)[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[str, ...]:
    """Every normal form pymorphy3 offers for ``word``, and the word itself."""
    low = word.lower().replace("ё", "е")
    if not CYRILLIC.search(low):
        return (low,)
    forms = dict.fromkeys([lemma(low), low, *(p.normal_form.replace("ё", "е")
                                               for p in _morph().parse(low))])
    return tuple(forms)


def lemma_key(text: str) -> str:
    """Space-joined lemmas of the words of ``text``: "Омской области" -> "омский область"."""
    return " ".join(lemma(w) for w in WORD.findall(text))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lemma) of every word of ``text``."""
    return [(m.start(), m.end(), lemma(m.group())) for m in WORD.finditer(text)]


_INDEX: dict[int, dict[str, list[Place]]] = {}


def lemma_index(gaz: Gazetteer) -> dict[str, list[Place]]:
    """Lemma keys of every Cyrillic name in the gazetteer -> its readings."""
    if id(gaz) not in _INDEX:
        out: dict[str, list[Place]] = {}
        for name, places in gaz.full_names().items():
            if CYRILLIC.search(name):
                out.setdefault(lemma_key(name), []).extend(places)
                if " " not in name:  # unknown to the dictionary: keep the name as written too
                    out.setdefault(name.lower().replace("ё", "е"), []).extend(places)
        _INDEX[id(gaz)] = out
    return _INDEX[id(gaz)]
