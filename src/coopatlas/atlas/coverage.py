"""Coverage: which regions have partners across the border, which have none, how fresh.

One :class:`RegionCoverage` per region of the reference gazetteer (both countries), with its
centroid for maps, its partner regions, how each tie is known and the last date a text
stated one (freshness).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from coopatlas.model import Partnership


@dataclass(frozen=True, slots=True)
class RegionCoverage:
    code: str
    country: str
    name: str
    lat: float
    lon: float
    border: bool
    partners: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    last_seen: date | None = None

    @property
    def partner_count(self) -> int:
        return len(self.partners)


def load_gazetteer() -> Any:
    """The bundled gazetteer (its package entry point once there, its loader meanwhile)."""
    try:
        from coopatlas.gazetteer import load_gazetteer as load  # type: ignore[attr-defined]
    except ImportError:
        from coopatlas.gazetteer.load import load_gazetteer as load
    return load()


def coverage(partnerships: Iterable[Partnership], regions: Iterable[Any] | None = None
             ) -> list[RegionCoverage]:
    """Every region with its partners (an empty tuple: none yet), RU first, by code."""
    partnerships = list(partnerships)
    regions = list(regions if regions is not None else load_gazetteer().regions())
    out = []
    for r in regions:
        mine = [p for p in partnerships if r.code in (p.ru_region, p.kz_region)]
        partners = tuple(sorted({p.kz_region if p.ru_region == r.code else p.ru_region
                                 for p in mine}))
        via = tuple(sorted({v for p in mine for v in p.via}))
        seen = [p.last_seen for p in mine if p.last_seen]
        out.append(RegionCoverage(r.code, r.country, r.name_en, r.lat, r.lon, bool(r.border),
                                  partners, via, max(seen) if seen else None))
    return sorted(out, key=lambda c: (c.country != "RU", c.code))


def without_partners(rows: Iterable[RegionCoverage]) -> list[str]:
    """Codes of the regions no text ties to a region across the border."""
    return [c.code for c in rows if not c.partners]
