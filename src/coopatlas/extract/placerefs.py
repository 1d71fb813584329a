"""Places as the visit and project stages see them: regions of mentions, chains, countries.

Requires the places stage (``doc.mentions``). A city mention stands for the region it lies
in (the gazetteer's city -> region); a region mention for itself. Mentions joined by list
separators ("Udmurtia and Sverdlovsk Region", "Omsk, Tomsk and Novosibirsk") form a chain
that shares one role. Country words ("Kazakhstan", "Kazakhstani", "Russia", "Russian") are
read from the Doc's lower-cased text, where offsets are those of the text.

>>> country_of("KZ-55"), country_of("RU-OMS"), country_of(None)
('KZ', 'RU', None)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from coopatlas.doc import Doc
from coopatlas.gazetteer import context as ctx
from coopatlas.model import Mention, Span

#: Country words in lower case.
COUNTRY_RE = re.compile(
    r"\b(?:the\s+)?(?:republic\s+of\s+)?(?P<kz>kazakhstan)\b"
    r"|\b(?P<ru>russia|the\s+russian\s+federation)\b"
)
#: Adjectives of the two countries ("Kazakhstani colleagues", "Russian partners").
ADJECTIVE_RE = re.compile(r"\b(?:(?P<kz>kazakhstani|kazakh)|(?P<ru>russian))\b")


def country_of(code: str | None) -> str | None:
    """The country of an ISO 3166-2 region code (its prefix)."""
    return code.split("-", 1)[0] if code and "-" in code else None


@cache
def _city_regions() -> dict[str, str]:
    from coopatlas.gazetteer import load_gazetteer

    return {c.name: c.region for c in load_gazetteer().cities()}


def region_of(mention: Mention) -> str | None:
    """The region code a region or city mention stands for (``None`` for macro-regions)."""
    if mention.kind == "region":
        return mention.key
    if mention.kind == "city":
        return _city_regions().get(mention.key)
    return None


@cache
def _plain_city_regions() -> dict[str, str]:
    from coopatlas.gazetteer import load_gazetteer

    return {name: c.region for c in load_gazetteer().cities() if not c.person_like
            for name in (c.name, *c.aliases, *(f.name for f in c.former))}


def city_region(word: str) -> str | None:
    """The region of the city a capitalised word names (any English variant), through the
    gazetteer; ``None`` for names that are also persons' ("Vladimir", "Kirov")."""
    return _plain_city_regions().get(word)


@dataclass(frozen=True, slots=True)
class Place:
    """A region or city mention with the region it stands for and its chain."""

    mention: Mention
    region: str
    chain: int  # index of the list chain the mention belongs to

    @property
    def span(self) -> Span:
        return self.mention.span

    @property
    def country(self) -> str | None:
        return country_of(self.region)


#: A name that is a lake's or river's, not the city's ("Lake Balkhash", "the Ishim River").
WATER_BEFORE = re.compile(r"\blake\s+$")
WATER_AFTER = re.compile(r"\s+(?:river|lake)\b")


class PlaceIndex:
    """The Doc's region and city mentions, sorted, looked up by range in O(log n)."""

    def __init__(self, doc: Doc) -> None:
        mentions = sorted((m for m in doc.mentions if m.kind in ("region", "city")),
                          key=lambda m: m.span.start)
        self.places: list[Place] = []
        chain = -1
        for m in mentions:
            region = region_of(m)
            if region is None or m.kind == "city" and _water(doc.lower, m.span):
                continue
            prev = self.places[-1] if self.places else None
            if prev is None or not ctx.list_separator(doc.text, prev.span.end, m.span.start):
                chain += 1
            self.places.append(Place(m, region, chain))
        self._starts = [p.span.start for p in self.places]

    def within(self, span: Span) -> list[Place]:
        """The places inside ``span``, in text order."""
        lo = bisect.bisect_left(self._starts, span.start)
        hi = bisect.bisect_left(self._starts, span.end)
        return [p for p in self.places[lo:hi] if p.span.end <= span.end]

    def any_within(self, span: Span) -> bool:
        lo = bisect.bisect_left(self._starts, span.start)
        return lo < len(self._starts) and self._starts[lo] < span.end


def crosses_border(doc: Doc) -> bool:
    """Whether the text names both sides at all (a place, or the country by name or
    adjective): a text about one country alone holds no cross-border visit or project."""
    low = doc.lower
    kz, ru = low.find("kazakh") >= 0, low.find("russia") >= 0
    for m in doc.mentions:
        if kz and ru:
            break
        country = country_of(region_of(m))
        kz, ru = kz or country == "KZ", ru or country == "RU"
    return kz and ru


def _water(low: str, span: Span) -> bool:
    return bool(WATER_BEFORE.search(low, max(0, span.start - 6), span.start)
                or WATER_AFTER.match(low, span.end, span.end + 8))


def countries_named(low: str, span: Span) -> set[str]:
    """The countries ("RU", "KZ") a sentence names by name or adjective."""
    found = set()
    for pattern in (COUNTRY_RE, ADJECTIVE_RE):
        for m in pattern.finditer(low, span.start, span.end):
            found.add("KZ" if m.group("kz") else "RU")
    return found
