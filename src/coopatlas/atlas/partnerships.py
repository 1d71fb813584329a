"""Partnerships between a Russian and a Kazakhstani region, with how each is known.

- ``twin_cities``: a twin-city pair whose cities lie in a Russian and a Kazakhstani region
  (city -> region through the gazetteer);
- ``agreement``: a signed document whose parties name regions of both countries;
- ``signing``: regions of both countries named in one sentence that reports a signing;
- ``visit``: a delegation, governor or akim of one region visiting a region of the other
  country (a visit to the country alone names no partner region);
- ``project``: a joint project whose stated regions lie in both countries.

Each partnership keeps its evidence and the first and last date a text stated it.
Region codes are ISO 3166-2, so the country is the code's prefix.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import product

from coopatlas.atlas.sourced import Sourced, date_range, of_kind, unique_evidence
from coopatlas.model import (
    Mention,
    Partnership,
    ProjectFact,
    SignedDocument,
    TwinPairFact,
    VisitFact,
)

CityRegion = Callable[[str], str | None]
Pair = tuple[str, str]


def partnership_key(ru: str, kz: str) -> str:
    return f"{ru}|{kz}"


def country(code: str | None) -> str | None:
    return code.split("-", 1)[0] if code and "-" in code else None


def cross_pairs(codes: Iterable[str]) -> list[Pair]:
    """Every (Russian, Kazakhstani) pair among region codes.

    >>> cross_pairs(["RU-OMS", "KZ-55", "RU-CHE"])
    [('RU-OMS', 'KZ-55'), ('RU-CHE', 'KZ-55')]
    """
    codes = list(dict.fromkeys(codes))
    ru = [c for c in codes if country(c) == "RU"]
    kz = [c for c in codes if country(c) == "KZ"]
    return list(product(ru, kz))


def gazetteer_city_region() -> CityRegion:
    """City name -> region code through the bundled gazetteer."""
    from coopatlas.gazetteer import load_gazetteer

    gaz = load_gazetteer()

    def lookup(name: str) -> str | None:
        city = gaz.city(name)
        return getattr(city, "region", None) if city is not None else None

    return lookup


def _twin_links(items: list[Sourced], city_region: CityRegion) -> Iterable[tuple[Pair, Sourced]]:
    for s in of_kind(items, "twin_pair"):
        fact: TwinPairFact = s.claim.fact
        for pair in cross_pairs(r for r in (city_region(fact.city_a),
                                            city_region(fact.city_b)) if r):
            yield pair, s


def _agreement_links(items: list[Sourced]) -> Iterable[tuple[Pair, Sourced]]:
    for s in of_kind(items, "document_signed"):
        fact: SignedDocument = s.claim.fact
        for pair in cross_pairs(fact.parties):
            yield pair, s


def _signing_links(items: list[Sourced]) -> Iterable[tuple[Pair, Sourced]]:
    regions: dict[tuple[str, object], list[str]] = defaultdict(list)
    for s in of_kind(items, "region"):
        fact: Mention = s.claim.fact
        if s.claim.sentence is not None:
            regions[(s.doc_id, s.claim.sentence)].append(fact.key)
    for s in of_kind(items, "document_signed"):
        if s.claim.sentence is None:
            continue
        for pair in cross_pairs(regions.get((s.doc_id, s.claim.sentence), [])):
            yield pair, s


def _visit_links(items: list[Sourced]) -> Iterable[tuple[Pair, Sourced]]:
    for s in of_kind(items, "visit"):
        fact: VisitFact = s.claim.fact
        if fact.host_region:
            for pair in cross_pairs((fact.region, fact.host_region)):
                yield pair, s


def _project_links(items: list[Sourced]) -> Iterable[tuple[Pair, Sourced]]:
    for s in of_kind(items, "project"):
        fact: ProjectFact = s.claim.fact
        for pair in cross_pairs(fact.regions):
            yield pair, s


def assemble_partnerships(
    items: Iterable[Sourced], city_region: CityRegion | None = None
) -> list[Partnership]:
    """Partnerships from twin cities, named parties, signing mentions, visits and projects."""
    items = list(items)
    resolve = city_region or gazetteer_city_region()
    links: dict[Pair, dict[str, list[Sourced]]] = defaultdict(lambda: defaultdict(list))
    for via, found in (("twin_cities", _twin_links(items, resolve)),
                       ("agreement", _agreement_links(items)),
                       ("signing", _signing_links(items)),
                       ("visit", _visit_links(items)),
                       ("project", _project_links(items))):
        for pair, s in found:
            links[pair][via].append(s)
    out = []
    for (ru, kz), by_via in sorted(links.items()):
        support = [s for group in by_via.values() for s in group]
        first, last = date_range(support)
        out.append(Partnership(ru, kz, via=tuple(by_via), first_seen=first, last_seen=last,
                               evidence=unique_evidence(support)))
    return out
