"""Writers of the export tables: CSV, JSON, GeoJSON and Parquet (pyarrow)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coopatlas.errors import ConfigError
from coopatlas.export.tables import COLUMNS, Row

Tables = dict[str, list[Row]]
JSON_KEYS = ("forums", "regions", "partnerships", "agreements", "indicators", "conflicts",
             "claims")


def _folder(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out}: exists and is not a folder (this format writes several files)")
    out.mkdir(parents=True, exist_ok=True)
    return out


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def write_csv(tables: Tables, out: Path) -> list[Path]:
    paths = []
    for name, rows in tables.items():
        path = _folder(out) / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[name])
            writer.writeheader()
            writer.writerows({k: _flat(r.get(k)) for k in COLUMNS[name]} for r in rows)
        paths.append(path)
    return paths


def write_json(tables: Tables, out: Path) -> list[Path]:
    path = out if out.suffix.lower() == ".json" else _folder(out) / "atlas.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {key: tables[key] for key in JSON_KEYS}
    path.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]


def write_parquet(tables: Tables, out: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = []
    for name, rows in tables.items():
        columns = {c: [_flat(r.get(c)) for r in rows] for c in COLUMNS[name]}
        arrays = {c: pa.array(v) if any(x is not None for x in v) else pa.array(v, pa.string())
                  for c, v in columns.items()}
        path = _folder(out) / f"{name}.parquet"
        pq.write_table(pa.table(arrays), path)
        paths.append(path)
    return paths


def _feature(geometry: dict[str, Any], properties: Row) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def region_features(rows: list[Row]) -> list[dict[str, Any]]:
    return [_feature({"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                     {k: _flat(v) for k, v in r.items() if k not in ("lat", "lon")})
            for r in rows if r["lat"] is not None and r["lon"] is not None]


def partnership_features(rows: list[Row]) -> list[dict[str, Any]]:
    coords = ("ru_lat", "ru_lon", "kz_lat", "kz_lon")
    return [_feature({"type": "LineString",
                      "coordinates": [[r["ru_lon"], r["ru_lat"]], [r["kz_lon"], r["kz_lat"]]]},
                     {k: _flat(v) for k, v in r.items() if k not in coords})
            for r in rows if all(r[c] is not None for c in coords)]


def write_geojson(tables: Tables, out: Path) -> list[Path]:
    paths = []
    for name, features in (("regions", region_features(tables["regions"])),
                           ("partnerships", partnership_features(tables["partnerships"]))):
        path = _folder(out) / f"{name}.geojson"
        body = {"type": "FeatureCollection", "features": features}
        path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


WRITERS: dict[str, Callable[[Tables, Path], list[Path]]] = {
    "csv": write_csv, "json": write_json, "geojson": write_geojson, "parquet": write_parquet,
}
