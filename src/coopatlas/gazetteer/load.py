"""Read the bundled TSV tables into a :class:`Gazetteer` (once per process)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

from coopatlas.errors import ConfigError
from coopatlas.gazetteer.model import City, FormerName, MacroRegion, Region

DATA = resources.files("coopatlas.gazetteer") / "data"


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _former(cell: str) -> tuple[FormerName, ...]:
    out = []
    for item in _split(cell):
        name, _, years = item.partition("@")
        person = years.endswith("!")
        start, _, end = years.rstrip("!").partition("-")
        out.append(FormerName(name, int(start) if start else None, int(end) if end else None,
                              person))
    return tuple(out)


def _rows(name: str, width: int) -> list[list[str]]:
    path = DATA / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"gazetteer table missing: {exc}", source=str(path)) from exc
    rows = []
    for lineno, row in enumerate(csv.reader(text.splitlines(), delimiter="\t",
                                            quoting=csv.QUOTE_NONE), 1):
        if not row or row[0].startswith("#"):
            continue
        if len(row) != width:
            raise ConfigError(f"line {lineno}: {len(row)} columns, expected {width}",
                              source=str(Path(str(path))))
        rows.append(row)
    return rows


def read_regions() -> list[Region]:
    out = []
    for (code, typ, en, ru, kk, centre, lat, lon, border, alone, stems,
         former) in _rows("regions.tsv", 12):
        ru_names = _split(ru)
        out.append(Region(
            code=code, country=code[:2], type=typ, name_en=en, name_ru=ru_names[0],
            name_kk=kk, centre=centre, lat=float(lat), lon=float(lon), border=border == "1",
            aliases=_split(alone), stems=_split(stems), ru_aliases=ru_names[1:],
            former=_former(former),
        ))
    return out


def read_cities() -> list[City]:
    out = []
    for (name, country, region, ru, kk, lat, lon, aliases, former,
         flags) in _rows("cities.tsv", 10):
        ru_names = _split(ru)
        out.append(City(
            name=name, country=country, region=region, name_ru=ru_names[0], name_kk=kk,
            lat=float(lat), lon=float(lon), aliases=_split(aliases), ru_aliases=ru_names[1:],
            former=_former(former), person_like="person" in _split(flags),
        ))
    return out


def read_macro_regions() -> list[MacroRegion]:
    return [MacroRegion(id=i, kind=k, name_en=en, name_ru=ru, aliases=_split(al))
            for i, k, en, ru, al in _rows("macro_regions.tsv", 5)]


@lru_cache(maxsize=1)
def load_gazetteer():  # -> Gazetteer (import kept local: gazetteer.py imports this module)
    """The bundled gazetteer, built once per process."""
    from coopatlas.gazetteer.gazetteer import Gazetteer

    return Gazetteer(read_regions(), read_cities(), read_macro_regions())
