"""Exports from a real store: CSV, JSON, GeoJSON and Parquet open in pandas and DuckDB."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pandas as pd
import pytest

from coopatlas.atlas import curation
from coopatlas.atlas.assemble import assemble
from coopatlas.errors import ConfigError
from coopatlas.export import export
from coopatlas.model import (
    Claim,
    Document,
    Figure,
    ForumMention,
    SignedDocument,
    Span,
    TwinPairFact,
)
from coopatlas.store import repo

TEXT = ("The 16th forum met in Omsk. Omsk and Pavlodar are twin cities. "
        "The border with Kazakhstan is over 7,500 kilometres long. A programme was signed.")
OTHER = "Officials said the border with Kazakhstan runs almost 7,000 kilometres."


def _claim(doc, kind, text, phrase, fact):
    start = text.index(phrase)
    end = text.index(".", start) + 1
    sentence_start = text.rfind(". ", 0, start)
    sentence = Span(0 if sentence_start < 0 else sentence_start + 2, end)
    return Claim(kind, doc, Span(start, start + len(phrase)), fact, "test", sentence=sentence)


@pytest.fixture
def exported_store(store):
    docs = [
        (Document("d1", "d1.txt", TEXT, "h1", published=date(2019, 11, 7)), [
            ("forum", "16th forum", ForumMention(16, year=2019, city="Omsk", host_country="RU")),
            ("twin_pair", "Omsk and Pavlodar", TwinPairFact("Omsk", "Pavlodar")),
            ("figure", "7,500 kilometres", Figure("over 7,500 kilometres", 7500, "km",
                                                   "border_length")),
            ("document_signed", "A programme", SignedDocument("programme", "programme")),
        ]),
        (Document("d2", "d2.txt", OTHER, "h2", published=date(2012, 9, 19)), [
            ("figure", "7,000 kilometres", Figure("almost 7,000 kilometres", 7000, "km",
                                                   "border_length")),
        ]),
    ]
    with store.session() as session:
        for document, specs in docs:
            claims = [_claim(document.doc_id, k, document.text, p, f) for k, p, f in specs]
            repo.save_document(session=session, document=document, claims=claims)
    assemble(store)
    return store


def test_json_export_is_one_object_with_the_atlas_keys(exported_store, tmp_path):
    [path] = export(exported_store, "json", tmp_path / "atlas.json")
    body = json.loads(path.read_text())
    assert {"forums", "regions", "partnerships", "agreements", "indicators",
            "conflicts"} <= set(body)
    assert [f["edition"] for f in body["forums"]] == [16]
    assert [(p["ru_region"], p["kz_region"]) for p in body["partnerships"]] == [
        ("RU-OMS", "KZ-55")]
    assert {c["subject"]: c["kind"] for c in body["conflicts"]} == {
        "indicator:border_length:-": "disagreement"}
    assert all(c["evidence"] for c in body["claims"])


def test_csv_and_parquet_open_in_pandas_and_duckdb(exported_store, tmp_path):
    csv_files = export(exported_store, "csv", tmp_path / "csv")
    parquet_files = export(exported_store, "parquet", tmp_path / "pq")
    assert {p.stem for p in csv_files} == {p.stem for p in parquet_files} == {
        "forums", "regions", "partnerships", "agreements", "indicators", "conflicts", "claims"}
    for path in csv_files + parquet_files:
        frame = pd.read_csv(path) if path.suffix == ".csv" else pd.read_parquet(path)
        reader = "read_csv_auto" if path.suffix == ".csv" else "read_parquet"
        rows = duckdb.sql(f"select count(*) from {reader}('{path}')").fetchall()[0][0]
        assert rows == len(frame), path
    regions = pd.read_parquet(tmp_path / "pq" / "regions.parquet").set_index("code")
    assert regions.loc["RU-OMS", "partner_count"] == 1
    assert regions.loc["RU-MOW", "partner_count"] == 0  # a region with no partner is listed
    indicators = duckdb.sql(
        f"select value from read_csv_auto('{tmp_path / 'csv' / 'indicators.csv'}') "
        "order by value").fetchall()
    assert indicators == [(7000.0,), (7500.0,)]


def _valid_position(position) -> bool:
    lon, lat = position
    return -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_are_valid_feature_collections(exported_store, tmp_path):
    paths = {p.stem: json.loads(p.read_text()) for p in export(exported_store, "geojson",
                                                               tmp_path / "geo")}
    for collection in paths.values():
        assert collection["type"] == "FeatureCollection"
        for feature in collection["features"]:
            assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
    points = paths["regions"]["features"]
    assert all(f["geometry"]["type"] == "Point" and _valid_position(f["geometry"]["coordinates"])
               for f in points)
    [line] = paths["partnerships"]["features"]
    assert line["geometry"]["type"] == "LineString"
    assert len(line["geometry"]["coordinates"]) == 2
    assert all(_valid_position(p) for p in line["geometry"]["coordinates"])


def test_retracted_partnership_leaves_the_export(exported_store, tmp_path):
    curation.retract(exported_store, "partnership", "RU-OMS|KZ-55", author="a", reason="test")
    [path] = export(exported_store, "json", tmp_path / "atlas.json")
    assert json.loads(path.read_text())["partnerships"] == []


def test_unknown_format_is_a_clear_error(exported_store, tmp_path):
    with pytest.raises(ConfigError, match="unknown export format 'xlsx'"):
        export(exported_store, "xlsx", tmp_path / "x")
