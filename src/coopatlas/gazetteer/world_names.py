"""What a GeoNames city name is besides a city's: a first name or surname, an English word.

Used by ``world_build`` when it writes the world layer (never at extraction time):

    >>> title_cased("Rostov-on-Don"), title_cased("les Escaldes")
    (True, False)
    >>> folded("Zürich")
    'Zurich'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_LOWER_WORDS = frozenset({"al", "am", "an", "and", "da", "das", "de", "del", "della", "der",
                          "des", "di", "do", "dos", "du", "el", "en", "es", "im", "la", "las",
                          "le", "les", "los", "of", "on", "upon", "sur", "y", "e", "in", "ob"})
_WORD = re.compile(r"[^\s-]+")
_CYRILLIC_WORD = re.compile(r"^[А-Яа-яЁё]+$")
_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                  ("a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya"
                   ).split(" "), strict=True))


# Letters that English spellings of Russian names write more than one way ("Kiev", "Valdai",
# "Zaporozhye", "Kishinev"): every choice is tried, the others take ``_LATIN``'s one spelling.
_LATIN_CHOICES = {"е": ("e", "ye"), "ё": ("e", "yo"), "й": ("y", "i"), "ь": ("", "'"),
                  "ъ": ("",), "ы": ("y",), "э": ("e",), "ю": ("yu", "iu"), "я": ("ya", "ia")}
_MAX_SPELLINGS = 256  # a name with more ambiguous letters than this spells too many ways


def title_cased(name: str) -> bool:
    """Every word capitalised but connectors ("Rostov-on-Don", "Santa Cruz de la Sierra"),
    no digits or brackets: a name the matcher can ask to be spelt exactly."""
    if not name[:1].isupper() or any(c.isdigit() or c in "(),/" for c in name):
        return False
    return all(w[0].isupper() or w.lower() in _LOWER_WORDS for w in _WORD.findall(name))


def folded(name: str) -> str:
    """The name without diacritics ("Zürich" -> "Zurich"), when that leaves plain ASCII."""
    out = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return out if out != name and out.isascii() else ""


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _dictionary_tags(word: str) -> set[str] | None:
    """Grammemes of the dictionary's nominative readings of ``word`` (None: a word the
    dictionary lacks; guessed readings say nothing: "Абакалики" guesses a first name)."""
    morph = _morph()
    if not morph.word_is_known(word):
        return None
    return {g for p in morph.parse(word)
            if len(p.methods_stack) == 1 and "nomn" in p.tag
            for g in str(p.tag).replace(" ", ",").split(",")}


def _latin(word: str) -> str:
    return "".join(_LATIN.get(c, c) for c in word.lower())


def latin_spellings(cyrillic: str) -> set[str]:
    """The English spellings of a Cyrillic name ("Киев" -> Kiev, Kiyev; "Валдай" -> Valday,
    Valdai), capitalised like the name; an empty set for a name with other letters (the
    Ukrainian "Київ") or with too many ambiguous ones."""
    spellings = [""]
    for char in cyrillic.lower():
        choices = _LATIN_CHOICES.get(char) or (_LATIN.get(char, char if char in " -" else None),)
        if choices[0] is None:
            return set()
        spellings = [s + c for s in spellings for c in choices]  # type: ignore[operator]
        if len(spellings) > _MAX_SPELLINGS:
            return set()
    return {"-".join(" ".join(w.capitalize() for w in part.split(" "))
                     for part in s.split("-")) for s in spellings}


def russian_spellings(alternates: Iterable[str]) -> set[str]:
    """Of a GeoNames row's Latin alternate names, those that spell one of its Cyrillic names
    ("Kiev", "Lugansk", "Valdai"): the names English texts translated from Russian use, kept
    apart from the other languages' forms in the same list ("Kijów", "Kiova", "Genf"). Only a
    one-word Cyrillic name the Russian dictionary knows as a place's counts."""
    names = set(alternates)
    from_russian: set[str] = set()
    for name in names:
        if _CYRILLIC_WORD.match(name) and _russian_place_name(name):
            from_russian |= latin_spellings(name)
    return names & from_russian


def _russian_place_name(word: str) -> bool:
    """In pymorphy3's dictionary a place name in the nominative and never a person's ("Киев",
    "Валдай"; not the Tatar "Азак", the case form "Киевом" or the surname "Львов")."""
    tags = _dictionary_tags(word)
    return bool(tags and "Geox" in tags and not {"Name", "Surn", "Patr"} & tags)


def russian_form(name: str, alternates: Iterable[str]) -> str | None:
    """Of the name's one-word Cyrillic forms, the one that spells most like it ("Минск", not
    the Belarusian "Мінскай" or an old name, for Minsk)."""
    from rapidfuzz.fuzz import ratio

    forms = sorted(a for a in set(alternates) if _CYRILLIC_WORD.match(a))
    if not forms:
        return None
    target = folded(name).lower() or name.lower()
    return max(forms, key=lambda f: ratio(_latin(f), target))


def person_like(name: str, alternates: Iterable[str]) -> bool:
    """The Russian form of the name is, in pymorphy3's dictionary, a first name or surname
    ("Чехов", "Виктория", "Линкольн"); a word the dictionary lacks says nothing."""
    form = russian_form(name, alternates)
    tags = _dictionary_tags(form) if form else None
    return bool(tags and {"Name", "Surn"} & tags)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case entries of Webster's Second International (1934, public domain, through the
    ``english-words`` package): "reading", "mobile", "nice", "commonwealth", "bush"."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())
