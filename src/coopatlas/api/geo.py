"""Region reference data for the portal: names, country, centroid, from the gazetteer.

Uses ``coopatlas.gazetteer.load_gazetteer().regions()``; until that module exists the
bundled ``gazetteer/data/regions.tsv`` is read directly. Both come from the gazetteer's own
data files: no geometry or coordinate is written in this package.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

FIELDS = ("code", "name_en", "name_ru", "type", "centre", "lat", "lon", "border")


def _from_gazetteer() -> list[dict[str, Any]] | None:
    try:
        from coopatlas.gazetteer import load_gazetteer  # type: ignore[attr-defined]
    except ImportError:
        return None
    out = []
    for r in load_gazetteer().regions():
        out.append({f: getattr(r, f, None) for f in FIELDS})
    return out


def _from_tsv() -> list[dict[str, Any]]:
    path = resources.files("coopatlas.gazetteer").joinpath("data/regions.tsv")
    if not path.is_file():
        return []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    header = lines[0].lstrip("# ").split("\t")
    out = []
    for row in csv.DictReader(lines[1:], fieldnames=header, delimiter="\t"):
        out.append({"code": row["code"], "name_en": row["name_en"],
                    "name_ru": row["name_ru"].split("|")[0], "type": row["type"],
                    "centre": row["centre"], "lat": float(row["lat"]),
                    "lon": float(row["lon"]), "border": row["border"] == "1"})
    return out


@cache
def regions() -> dict[str, dict[str, Any]]:
    """Every reference region by ISO code, with ``country`` (``RU``/``KZ``)."""
    found = _from_gazetteer()
    rows = found if found is not None else _from_tsv()
    out = {}
    for r in rows:
        r["name_ru"] = (r.get("name_ru") or "").split("|")[0] or None
        r["border"] = bool(r.get("border"))
        r["country"] = str(r["code"])[:2]
        out[r["code"]] = r
    return out


def region(code: str) -> dict[str, Any] | None:
    return regions().get(code)


def name(code: str, lang: str = "en") -> str:
    r = regions().get(code)
    if r is None:
        return code
    return (r.get("name_ru") if lang == "ru" else None) or r["name_en"]
