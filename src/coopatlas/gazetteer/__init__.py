"""The reference gazetteer: Russian federal subjects, Kazakhstani regions, cities, macro-regions.

    >>> gaz = load_gazetteer()
    >>> gaz.city("Uralsk").name
    'Oral'
"""

from __future__ import annotations

from typing import Any

from coopatlas.gazetteer.gazetteer import Gazetteer
from coopatlas.gazetteer.load import load_gazetteer
from coopatlas.gazetteer.model import City, FormerName, MacroRegion, Place, Region

__all__ = ["City", "FormerName", "Gazetteer", "MacroRegion", "Place", "Region", "cli_rows",
           "load_gazetteer"]

CLI_COLUMNS = ("code", "country", "type", "name_en", "name_ru", "name_kk", "centre", "border")


def cli_rows(country: str | None = None) -> list[dict[str, Any]]:
    """One row per region for ``coopatlas regions [--country RU|KZ] [--json]``."""
    rows = []
    for r in load_gazetteer().regions(country):
        rows.append({"code": r.code, "country": r.country, "type": r.type,
                     "name_en": r.name_en, "name_ru": r.name_ru, "name_kk": r.name_kk,
                     "centre": r.centre, "border": r.border,
                     "former": [f.name for f in r.former]})
    return rows
