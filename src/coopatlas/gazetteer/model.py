"""Frozen records of the reference gazetteer: regions, cities, macro-regions, lookup results."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class FormerName:
    """A name an entity carried, with the years it was in use (``None``: open)."""

    name: str
    start: int | None = None
    end: int | None = None
    person_like: bool = False  # also a person's name (Gorky, Kalinin): needs a place cue

    def coined_by(self, year: int | None) -> bool:
        """False when the name did not yet exist in ``year`` (an anachronism)."""
        return year is None or self.start is None or self.start <= year


@dataclass(frozen=True, slots=True)
class Region:
    """A Russian federal subject or a Kazakhstani region / city of republican significance."""

    code: str
    country: str
    type: str  # republic krai oblast autonomous_okrug autonomous_oblast federal_city oblys city
    name_en: str
    name_ru: str
    name_kk: str
    centre: str
    lat: float
    lon: float
    border: bool
    aliases: tuple[str, ...] = ()  # names that denote the region on their own ("Bashkortostan")
    stems: tuple[str, ...] = ()  # names that need a designator ("Omsk" + "Region")
    ru_aliases: tuple[str, ...] = ()
    former: tuple[FormerName, ...] = ()

    @property
    def is_city_region(self) -> bool:
        return self.type in ("federal_city", "city")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class City:
    """A city. ``world``: from the GeoNames layer (``world_cities.tsv``), not the bundled
    table; a foreign one has no ``region`` (""), nor does a Russian or Kazakhstani town whose
    region the layer could not tell."""

    name: str  # current English name
    country: str
    region: str  # ISO code of the region it lies in ("" where none is known)
    name_ru: str
    name_kk: str
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    ru_aliases: tuple[str, ...] = ()
    former: tuple[FormerName, ...] = ()
    person_like: bool = False  # also a person's name (Vladimir, Engels): needs a place cue
    site_like: bool = False  # usually names a site after it (Baikonur): needs "city of"
    world: bool = False
    population: int = 0
    capital: bool = False
    common_word: bool = False  # also an English word (Reading, Nice): needs a place cue
    country_name: str = ""  # English name of the country (world layer: "Rimini, Italy")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class MacroRegion:
    """A federal district or a loose macro-region ("the Urals"); never a federal subject."""

    id: str
    kind: str  # federal_district | macro
    name_en: str
    name_ru: str
    aliases: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


PlaceKind = Literal["region", "city", "macro_region"]


@dataclass(frozen=True, slots=True)
class Place:
    """One candidate reading of a name: what it is, its key, and how the name matched it."""

    kind: PlaceKind
    key: str  # ISO code, current English city name, or macro id
    entity: Region | City | MacroRegion
    via: str  # "name", "alias", "stem", "former", "ru"
    former: FormerName | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "via": self.via,
                "former": asdict(self.former) if self.former else None}
