"""``export(store, fmt, out)``: the atlas as CSV, JSON, GeoJSON or Parquet files.

- ``csv`` / ``parquet``: a folder ``out`` with one file per table (forums, regions,
  partnerships, agreements, indicators, conflicts, claims);
- ``json``: one object with keys ``forums``, ``regions``, ``partnerships``, ``agreements``,
  ``indicators``, ``conflicts`` (and ``claims``), written to ``out`` (a ``.json`` file) or to
  ``out/atlas.json``;
- ``geojson``: a folder with ``regions.geojson`` (points at the regions' centroids with
  partner counts) and ``partnerships.geojson`` (lines between the two regions' centroids).

Curated values are applied; retracted records are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coopatlas.errors import ConfigError
from coopatlas.export.writers import WRITERS

FORMATS = tuple(WRITERS)


def export(store: Any, fmt: str, out: str | Path) -> list[Path]:
    """Write the atlas in ``fmt`` (csv, json, geojson, parquet) under ``out``; returns the
    files written."""
    from coopatlas.export.tables import all_tables

    writer = WRITERS.get(fmt)
    if writer is None:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return writer(all_tables(store), Path(out))


__all__ = ["FORMATS", "export"]
