"""The Gazetteer: indices over regions, cities and macro-regions, and name lookup."""

from __future__ import annotations

import re
from collections import defaultdict

from coopatlas.errors import NotFound
from coopatlas.gazetteer.model import City, MacroRegion, Place, Region
from coopatlas.gazetteer.names import COMPATIBLE, DESIGNATORS, PLURALS, TYPE_DESIGNATORS, norm

_DESIGNATOR_TAIL = re.compile(
    r"^(?P<stem>.+?)[ -](?P<d>" + "|".join(sorted(DESIGNATORS | PLURALS, key=len, reverse=True))
    + r")$")
_REPUBLIC_OF = re.compile(r"^republic of (?P<stem>.+)$")


class Gazetteer:
    def __init__(self, regions: list[Region], cities: list[City],
                 macros: list[MacroRegion], world: list[City] | None = None) -> None:
        self._regions = {r.code: r for r in regions}
        self._cities = {c.name: c for c in cities}
        self._macros = {m.id: m for m in macros}
        # the GeoNames layer: only names the bundled tables do not know
        self._world = {c.name: c for c in world or () if c.name not in self._cities}
        # core names found in running text -> candidate readings
        self.cores: dict[str, list[Place]] = defaultdict(list)
        # whole names (with designators, Russian, Kazakh) -> candidates, for lookup()
        self._full: dict[str, list[Place]] = defaultdict(list)
        self._index()

    # ------------------------------------------------------------------ building
    def _add(self, table: dict[str, list[Place]], name: str, place: Place) -> None:
        key = norm(name)
        if key and all((p.kind, p.key, p.via) != (place.kind, place.key, place.via)
                       for p in table[key]):
            table[key].append(place)

    def _index(self) -> None:
        for r in self._regions.values():
            self._index_region(r)
        for c in self._cities.values():
            for name in (c.name, *c.aliases):
                self._add(self.cores, name, Place("city", c.name, c, "name"))
            for f in c.former:
                self._add(self.cores, f.name, Place("city", c.name, c, "former", f))
            for name in (c.name_ru, *c.ru_aliases, c.name_kk):
                self._add(self._full, name, Place("city", c.name, c, "ru"))
        for m in self._macros.values():
            for name in (m.name_en, *m.aliases):
                self._add(self.cores, name, Place("macro_region", m.id, m, "alias"))
            self._add(self._full, m.name_ru, Place("macro_region", m.id, m, "ru"))
        self._index_world()

    def _index_world(self) -> None:
        """World names after every bundled one: a name the bundled tables know keeps only
        its bundled readings (they are authoritative for Russia and Kazakhstan)."""
        known = set(self.cores) | set(self._full)
        for c in self._world.values():
            for name in (c.name, *c.aliases):
                if norm(name) not in known:
                    self._add(self.cores, name, Place("city", c.name, c, "world"))

    def _index_region(self, r: Region) -> None:
        if r.is_city_region:
            return  # named in text as a city: the cities table carries it
        for name in r.aliases:
            self._add(self.cores, name, Place("region", r.code, r, "alias"))
        for stem in r.stems:
            self._add(self.cores, stem, Place("region", r.code, r, "stem"))
            for d in TYPE_DESIGNATORS.get(r.type, ()):
                self._add(self._full, f"{stem} {d}", Place("region", r.code, r, "name"))
            if r.type == "republic":
                self._add(self._full, f"Republic of {stem}", Place("region", r.code, r, "name"))
        for name in (r.name_en, r.name_ru, *r.ru_aliases, r.name_kk):
            self._add(self._full, name, Place("region", r.code, r, "name"))
        for f in r.former:
            self._add(self._full, f.name, Place("region", r.code, r, "former", f))
            stem = _DESIGNATOR_TAIL.match(norm(f.name))
            if stem:  # "Tselinograd Region" -> the stem "Tselinograd" with any designator
                self._add(self.cores, stem["stem"], Place("region", r.code, r, "stem", f))
            else:  # "South Kazakhstan" stands on its own
                self._add(self.cores, f.name, Place("region", r.code, r, "alias", f))

    # ------------------------------------------------------------------ queries
    def regions(self, country: str | None = None) -> list[Region]:
        c = country.upper() if country else None
        return [r for r in self._regions.values() if c is None or r.country == c]

    def region(self, code: str) -> Region:
        try:
            return self._regions[code.upper()]
        except KeyError:
            raise NotFound(f"no region with code {code!r}", source="gazetteer") from None

    def cities(self, country: str | None = None) -> list[City]:
        """The bundled cities (Russia, Kazakhstan), each with its region."""
        return [c for c in self._cities.values() if country is None or c.country == country]

    def world_cities(self, country: str | None = None) -> list[City]:
        """The GeoNames layer: foreign cities, and Russian and Kazakhstani towns the bundled
        table lacks (``region`` "" where unknown)."""
        return [c for c in self._world.values() if country is None or c.country == country]

    def macro_regions(self) -> list[MacroRegion]:
        return list(self._macros.values())

    def city(self, name: str) -> City | None:
        """The current city a name (any variant, former or Russian name) denotes; a bundled
        city first, then one of the world layer (whose ``region`` may be "")."""
        found = [p for p in self.lookup(name) if p.kind == "city"]
        found.sort(key=lambda p: (p.via == "world", p.via == "former"))
        return found[0].entity if found else None  # type: ignore[return-value]

    def lookup(self, name: str, year: int | None = None) -> list[Place]:
        """Every reading of ``name``: regions, cities, macro-regions (current entities)."""
        key = norm(name)
        if key.upper() in self._regions:
            return [Place("region", key.upper(), self._regions[key.upper()], "name")]
        out = list(self._full.get(key, ()))
        out += [p for p in self.cores.get(key, ()) if p.via != "stem"]
        out += self._designated(key)
        if not out:
            out = self._russian(key)
        # a bare stem last: "Altai" may be either region, "Omsk" the region as well as the city
        out += [p for p in self.cores.get(key, ()) if p.via == "stem"]
        out = [p for p in out if p.former is None or p.former.coined_by(year)]
        return list({(p.kind, p.key): p for p in out}.values())

    def _designated(self, key: str) -> list[Place]:
        m = _DESIGNATOR_TAIL.match(key)
        if m:
            d = DESIGNATORS.get(m["d"]) or PLURALS[m["d"]]
            return self.resolve_stem(m["stem"], d)
        m = _REPUBLIC_OF.match(key)
        return self.resolve_stem(m["stem"], "republic") if m else []

    def resolve_stem(self, stem: str, designator: str) -> list[Place]:
        """The region(s) a stem names with a designator class ("region", "krai", ...)."""
        cands = [p for p in self.cores.get(norm(stem), ()) if p.kind == "region"]
        if len({p.key for p in cands}) > 1:
            cands = [p for p in cands
                     if p.entity.type in COMPATIBLE[designator]] or cands  # type: ignore[union-attr]
        return cands

    def _russian(self, key: str) -> list[Place]:
        from coopatlas.gazetteer.russian import lemma_key

        return list(self._full.get(lemma_key(key), ())) + list(
            self._full_lemmas().get(lemma_key(key), ()))

    def _full_lemmas(self) -> dict[str, list[Place]]:
        from coopatlas.gazetteer.russian import lemma_index

        return lemma_index(self)

    def full_names(self) -> dict[str, list[Place]]:
        return self._full
