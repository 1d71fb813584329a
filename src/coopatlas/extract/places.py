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
* macro-regions ("the Urals", "Siberian Federal District") are their own kind, never regions;
* a lake's or river's name is no city ("Lake Balkhash"), nor is a site's ("at Baikonur");
* cities of the world layer (GeoNames: foreign cities, small Russian and Kazakhstani towns)
  count only where the text shows a city and nothing makes the name something else
  (coopatlas.gazetteer.city_context): "talks in Geneva", not "the Geneva Convention".

Russian text goes through lemmas (coopatlas.gazetteer.russian_match).
"""

from __future__ import annotations

from dataclasses import dataclass

from coopatlas.doc import Doc
from coopatlas.gazetteer import city_context as cc
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


def _bare(r: _Reading, places: list[Place], text: str,
          prev: Mention | None = None) -> Mention | None:
    span = Span(r.hit.start, r.hit.end)
    surface = span.of(text)
    alone = [p for p in places if p.kind == "region" and p.via == "alias"]
    cities = sorted((p for p in places if p.kind == "city"), key=lambda p: p.via == "former")
    if alone and not any(p.via != "former" for p in cities):
        return Mention("region", alone[0].key, surface, span, "region.alias")
    if cities:
        best = cities[0]
        city: City = best.entity  # type: ignore[assignment]
        if not _city_in_context(r, city, text):
            return None
        in_region = town_of_region(text, r.hit.end, city)
        if in_region is False:
            return None
        if _needs_cue(best, city) and not in_region and not _cued(r, city, text, prev):
            return None
        return Mention("city", best.key, surface, span, f"city.{best.via}")
    macros = [p for p in places if p.kind == "macro_region"]
    if macros:
        return Mention("macro_region", macros[0].key, surface, span, "macro.alias")
    return None


def _cued(r: _Reading, city: City, text: str, prev: Mention | None) -> bool:
    """The text shows the name is a place ("in Vladimir", "Rimini, Italy", a dateline), or
    the name continues a list of cities ("in Astana, Nice and Geneva")."""
    start, end = r.hit.start, r.hit.end
    if cc.place_shown(text, start, end, city.country_name):
        return True
    return prev is not None and prev.kind == "city" and cc.list_goes_on(text, prev.span.end,
                                                                        start, end)


def _city_in_context(r: _Reading, city: City, text: str) -> bool:
    """What the text around a city's name must show before it counts as the city.

    Not a lake's or river's name ("Lake Balkhash"); a name that usually stands for a site
    ("at Baikonur" is the cosmodrome) only with "the city of" or "X city". (Hits of the world
    layer were screened before, by ``_not_a_world_city``.)
    """
    start, end = r.hit.start, r.hit.end
    if cc.water_around(text, start, end):
        return False
    return not city.site_like or cc.city_cue(text, start, end)


def town_of_region(text: str, end: int, city: City) -> bool | None:
    """What the region named right after a town's name ("Valdai, Novgorod Region") says: True,
    the town is in it (the text shows a place); False, the region is another country's and the
    town one of the world layer (this "Gorki, Moscow Region" is not Horki in Belarus); None when
    no known region follows, or it is another region of the town's country (a namesake: the
    name is still a town's)."""
    from coopatlas.gazetteer import load_gazetteer

    named = ctx.region_after(text, end)
    if named is None:
        return None
    regions = {p.key: p.entity for p in load_gazetteer().resolve_stem(*named)}
    if len(regions) != 1:
        return None
    key, region = regions.popitem()
    if region.country != city.country:  # type: ignore[union-attr]
        return False if city.world else None
    return True if city.region in ("", key) else None


def _needs_cue(best: Place, city: City) -> bool:
    """A name that is also a person's or a word, and any city of the world layer but a
    capital (a town's name alone is as often a firm's, a field's or a battle's)."""
    person = best.former.person_like if best.former else city.person_like
    return person or city.common_word or city.world and not city.capital


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


def _not_a_world_city(text: str, hit: Hit) -> bool:
    """A hit of the world layer that the text around it rules out, before any context rule
    runs (most of the layer's hits are words, persons and things): the spelling is not the
    city's, a name that needs a cue has none (nor a list it may continue), a designator
    follows ("the Donetsk Region"), or ``city_context.not_the_city``
    ("Victoria Nuland", "the Minsk agreements", "Bishkek–Osh", "Patriarch John X of Antioch").
    """
    first = hit.places[0]
    if first.via != "world":
        return False
    city: City = first.entity  # type: ignore[assignment]
    start, end = hit.start, hit.end
    in_region = town_of_region(text, end, city)
    return (text[start:end] not in (city.name, *city.aliases)
            or in_region is False
            or _needs_cue(first, city) and not in_region
            and not cc.may_be_cued(text, start, end, city.country_name)
            or not in_region and cc.not_the_city(text, start, end)
            or ctx.designator_after(text, end) is not None
            or ctx.republic_of_before(text, start) is not None)


def english_mentions(text: str, year: int | None = None, low: str | None = None
                     ) -> list[Mention]:
    hits = [h for h in english_matcher().find(text, low)
            if not (_persons_name(text, h) or _not_a_world_city(text, h))]
    readings = [_annotate(text, h) for h in hits]
    for chain in _chains(text, readings):
        _spread(text, chain)
    out: list[Mention] = []
    for r in readings:
        if ctx.institution_after(text, r.hit.end):
            continue
        places = _live(r.hit.places, year)
        mention = _region(r, places, text) or _bare(r, places, text, out[-1] if out else None)
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
