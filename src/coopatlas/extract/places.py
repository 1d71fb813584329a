"""The places stage: name regions, cities and macro-regions, each linked to the gazetteer.

English text: one Aho–Corasick pass finds candidate names (coopatlas.gazetteer.matcher);
context rules decide, per hit, what the name denotes:

* a designator makes a region ("Omsk Region", "Republic of Altai", "the Altai Territory"),
  and a plural one at the end of a list makes every name of the list a region
  ("the Chelyabinsk, Sverdlovsk and Omsk regions");
* a name that denotes a region on its own stays a region ("Bashkortostan", "East Kazakhstan");
* otherwise a city ("in Omsk"), former names resolved to the current city ("Uralsk" -> Oral),
  with a place cue required for names that are also persons' names ("Vladimir");
* a name opening an institution's name is left alone ("Chelyabinsk State University");
* macro-regions ("the Urals", "Siberian Federal District") are their own kind, never regions.

Russian text goes through lemmas (coopatlas.gazetteer.russian_match).
"""

from __future__ import annotations

from dataclasses import dataclass

from coopatlas.doc import Doc
from coopatlas.gazetteer import context as ctx
from coopatlas.gazetteer.matcher import Hit, english_matcher
from coopatlas.gazetteer.model import City, Place
from coopatlas.gazetteer.russian import CYRILLIC
from coopatlas.model import Mention, Span


@dataclass
class _Reading:
    hit: Hit
    designator: str | None = None  # class of an own designator
    plural: bool = False
    end: int = 0  # end of the name plus its singular designator
    start: int = 0
    rule: str = ""


def _year(doc: Doc) -> int | None:
    published = doc.document.published
    return published.year if published else None


def _live(places: tuple[Place, ...], year: int | None) -> list[Place]:
    return [p for p in places if p.former is None or p.former.coined_by(year)]


def _annotate(text: str, hit: Hit) -> _Reading:
    r = _Reading(hit, start=hit.start, end=hit.end)
    found = ctx.designator_after(text, hit.end)
    if found:
        r.designator, r.plural, end = found
        r.rule = "region.designator"
        if not r.plural:
            r.end = end
    prefix = ctx.republic_of_before(text, hit.start)
    if prefix is not None:
        r.designator, r.start, r.rule = "republic", prefix, "region.republic_of"
    return r


def _chains(text: str, readings: list[_Reading]) -> list[list[_Reading]]:
    """Runs of names joined by list separators; a run ends at a name with a designator."""
    chains: list[list[_Reading]] = []
    for r in readings:
        prev = chains[-1][-1] if chains else None
        if (prev is not None and prev.designator is None
                and ctx.list_separator(text, prev.hit.end, r.hit.start)):
            chains[-1].append(r)
        else:
            chains.append([r])
    return chains


def _spread(text: str, chain: list[_Reading]) -> None:
    """A plural designator after a list, or "the regions of" before it, covers every name."""
    last = chain[-1]
    shared = last.designator if last.plural else None
    if shared is None:
        shared = ctx.regions_of_before(text, chain[0].hit.start)
    if shared is None:
        return
    for r in chain:
        if r.designator is None:
            r.designator, r.rule = shared, "region.list"


def _region(r: _Reading, places: list[Place], text: str) -> Mention | None:
    from coopatlas.gazetteer import load_gazetteer

    regions = [p for p in places if p.kind == "region"]
    if r.designator is None and regions and ctx.governor_after(text, r.hit.end):
        r.designator, r.rule = "region", "region.governor"
    if r.designator is None or not regions:
        return None
    gaz = load_gazetteer()
    stem = text[r.hit.start:r.hit.end]
    cands = {p.key for p in gaz.resolve_stem(stem, r.designator)} or {p.key for p in regions}
    if len(cands) != 1:
        return None
    end = r.end if r.rule != "region.list" else r.hit.end
    return Mention("region", cands.pop(), text[r.start:end], Span(r.start, end), r.rule)


def _bare(r: _Reading, places: list[Place], text: str) -> Mention | None:
    span = Span(r.hit.start, r.hit.end)
    surface = span.of(text)
    alone = [p for p in places if p.kind == "region" and p.via == "alias"]
    cities = sorted((p for p in places if p.kind == "city"), key=lambda p: p.via == "former")
    if alone and not any(p.via != "former" for p in cities):
        return Mention("region", alone[0].key, surface, span, "region.alias")
    if cities:
        best = cities[0]
        city: City = best.entity  # type: ignore[assignment]
        person = best.former.person_like if best.former else city.person_like
        if person and not ctx.place_cue_before(text, r.hit.start, r.hit.end):
            return None
        return Mention("city", best.key, surface, span, f"city.{best.via}")
    macros = [p for p in places if p.kind == "macro_region"]
    if macros:
        return Mention("macro_region", macros[0].key, surface, span, "macro.alias")
    return None


def _persons_name_only(place: Place) -> bool:
    """A place its name alone never makes: a region that needs a designator, or a city
    whose name is also a person's ("Vladimir", "Nursultan")."""
    if place.kind == "region":
        return place.via == "stem"
    if place.kind != "city":
        return False
    former = place.former
    return former.person_like if former else bool(getattr(place.entity, "person_like", False))


def _persons_name(text: str, hit: Hit) -> bool:
    """"Vladimir Putin": a person-like name followed by a capitalised word and no designator.

    Half the hits of a Kremlin page are the President's first name; the full context rules
    would reject each of them, this test does so with a character look and three patterns.
    """
    after = text[hit.end:hit.end + 2]
    if len(after) < 2 or after[0] != " " or not after[1].isupper():
        return False
    if not all(_persons_name_only(p) for p in hit.places):
        return False
    return (ctx.designator_after(text, hit.end) is None
            and not ctx.governor_after(text, hit.end)
            and ctx.republic_of_before(text, hit.start) is None)


def english_mentions(text: str, year: int | None = None, low: str | None = None
                     ) -> list[Mention]:
    hits = [h for h in english_matcher().find(text, low) if not _persons_name(text, h)]
    readings = [_annotate(text, h) for h in hits]
    for chain in _chains(text, readings):
        _spread(text, chain)
    out = []
    for r in readings:
        if ctx.institution_after(text, r.hit.end):
            continue
        places = _live(r.hit.places, year)
        mention = _region(r, places, text) or _bare(r, places, text)
        if mention is not None:
            out.append(mention)
    return out


def find_mentions(text: str, year: int | None = None, language: str | None = None,
                  low: str | None = None) -> list[Mention]:
    """Every place mention in ``text``, in text order (``low``: its same-length lower case)."""
    russian = language == "ru" or language is None and _mostly_cyrillic(text)
    if russian:
        from coopatlas.gazetteer.russian_match import russian_mentions

        return russian_mentions(text, year)
    return english_mentions(text, year, low)


def _mostly_cyrillic(text: str) -> bool:
    sample = text[:5000]
    if sample.isascii():
        return False
    cyrillic = len(CYRILLIC.findall(sample))
    if not cyrillic:  # an English text: no need to count its letters one by one
        return False
    letters = sum(c.isalpha() for c in sample)
    return letters > 0 and cyrillic > letters / 2


def places_stage(doc: Doc) -> Doc:
    language = doc.document.language if doc.document.language in ("en", "ru") else None
    for mention in find_mentions(doc.text, _year(doc), language, doc.lower):
        doc.mentions.append(mention)
        if mention.kind in ("region", "city"):
            doc.claims.append(doc.claim(mention.kind, mention.span, mention, mention.rule))
    return doc
