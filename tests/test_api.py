"""The JSON API over a store seeded by hand: every route, paging, filters, evidence links."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import ENGINES
from coopatlas.api import create_app
from fixtures_atlas import EVIL_TEXT, FORUM_TEXT, build


@pytest.fixture(scope="module", params=ENGINES)
def client(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The API over the fixture atlas, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'atlas.db'}"
    else:
        url = request.getfixturevalue("pg_server").create()
    build(url).close()
    with TestClient(create_app(url)) as c:
        yield c


ROUTES = [
    ("/api/overview", lambda d: d["counts"]["documents"] == 4 and d["map"]["regions"]),
    ("/api/forums", lambda d: [f["edition"] for f in d["items"]] == [15, 16]),
    ("/api/forums/15", lambda d: d["forum"]["city"] == "Omsk" and d["agreements"]
     and d["documents"][0]["id"] == "doc-forum"),
    ("/api/regions", lambda d: d["total"] >= 100 and len(d["items"]) == 50),
    ("/api/regions/RU-OMS", lambda d: d["partners"][0]["partner"] == "KZ-55"
     and d["twin_cities"] and d["figures"] and d["mentions_over_time"] == [
         {"year": 2019, "count": 1}]),
    ("/api/partnerships", lambda d: d["total"] == 2 and "RU-OMS|KZ-55" in d["matrix"]["cells"]),
    ("/api/agreements", lambda d: d["items"][0]["parties"] == ["RU-OMS", "KZ-55"]),
    ("/api/indicators", lambda d: {i["indicator"] for i in d["items"]}
     == {"border_length", "trade_turnover", "trade_target"}),
    ("/api/indicators/border_length", lambda d: d["total"] == 2 and all(
        p["conflict"] for p in d["points"]) and d["conflicts"]),
    ("/api/documents", lambda d: d["total"] == 4),
    ("/api/documents/doc-forum", lambda d: len(d["facts"]) == 7 and d["records"]),
    ("/api/search?q=omsk", lambda d: d["items"][0]["doc_id"] == "doc-forum"
     and set(d["facets"]) == {"year", "language", "kind"}),
    ("/api/conflicts", lambda d: d["items"][0]["values"] == ["7000 km", "7500 km"]),
    ("/api/curation/history", lambda d: "forum_edition" in d["record_types"]),
    ("/api/me", lambda d: d["user"] is None),
]


@pytest.mark.parametrize(("path", "check"), ROUTES, ids=[p for p, _ in ROUTES])
def test_route_answers(client: TestClient, path: str, check) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["ok"] is True
    assert check(data)


@pytest.mark.parametrize(("path", "field", "expected"), [
    ("/api/regions?country=KZ&limit=500", "country", "KZ"),
    ("/api/forums?year=2019&country=KZ", "edition", 16),
    ("/api/agreements?party=KZ-55", "kind", "memorandum"),
    ("/api/documents?language=ru", "id", "doc-ru"),
    ("/api/partnerships?kz=KZ-27", "ru_region", "RU-ORE"),
    ("/api/conflicts?kind=disagreement", "subject", "indicator:border_length:-"),
])
def test_filters_keep_only_matching_rows(client: TestClient, path: str, field: str,
                                         expected: object) -> None:
    items = client.get(path).json()["items"]
    assert items and all(item[field] == expected for item in items)


def test_paging_walks_every_region_once(client: TestClient) -> None:
    total = client.get("/api/regions?limit=1").json()["total"]
    seen = []
    for offset in range(0, total, 40):
        page = client.get(f"/api/regions?limit=40&offset={offset}").json()
        assert (page["limit"], page["offset"]) == (40, offset)
        seen += [r["code"] for r in page["items"]]
    assert len(seen) == len(set(seen)) == total


def test_regions_sort_by_activity(client: TestClient) -> None:
    items = client.get("/api/regions?sort=partners&limit=3").json()["items"]
    assert [r["partners"] for r in items] == sorted((r["partners"] for r in items), reverse=True)
    assert items[0]["partners"] >= 1


def test_document_facts_carry_spans_into_the_text(client: TestClient) -> None:
    data = client.get("/api/documents/doc-forum").json()
    text = data["document"]["text"]
    assert text == FORUM_TEXT
    by_kind = {f["kind"]: text[f["start"]:f["end"]] for f in data["facts"]}
    assert by_kind["figure"] in ("$18.2 billion", "7,500 km")
    assert by_kind["forum"] == "Fifteenth Interregional Cooperation Forum"
    region = next(f for f in data["facts"] if f["key"] == "RU-OMS")
    assert region["url"] == "/regions/RU-OMS"


def test_evidence_links_point_at_the_sentence(client: TestClient) -> None:
    forum = client.get("/api/forums/15").json()["forum"]
    ev = forum["evidence"][0]
    assert ev["url"] == f"/documents/doc-forum?at={ev['span_start']}-{ev['span_end']}#at"
    assert FORUM_TEXT[ev["span_start"]:ev["span_end"]] == ev["quote"]


def test_search_facets_count_matching_documents(client: TestClient) -> None:
    data = client.get("/api/search?q=region").json()
    years = {f["value"]: f["count"] for f in data["facets"]["year"]}
    assert sum(years.values()) == data["total"]
    narrowed = client.get("/api/search?q=region&year=2020").json()
    assert [h["doc_id"] for h in narrowed["items"]] == ["doc-news"]


def test_document_text_is_returned_verbatim_in_json(client: TestClient) -> None:
    assert client.get("/api/documents/doc-evil").json()["document"]["text"] == EVIL_TEXT


PAGE_DATA = re.compile(r'<script type="application/json" id="page-data">(.*?)</script>', re.S)
TWINS = ["/forums", "/forums/15", "/regions/KZ-55", "/partnerships", "/agreements",
         "/indicators", "/indicators/trade_turnover", "/documents", "/documents/doc-evil",
         "/search?q=trade", "/conflicts", "/curation/history", "/regions?country=RU"]


@pytest.mark.parametrize("path", TWINS)
def test_each_page_renders_the_dict_its_json_twin_returns(client: TestClient, path: str) -> None:
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    embedded = json.loads(PAGE_DATA.search(page.text).group(1))
    assert embedded == client.get("/api" + path).json()


def test_overview_page_is_the_overview_json(client: TestClient) -> None:
    page = client.get("/")
    embedded = json.loads(PAGE_DATA.search(page.text).group(1))
    assert embedded == client.get("/api/overview").json()


def test_openapi_lists_every_api_route_with_a_summary(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/forums", "/api/forums/{edition}", "/api/regions/{code}", "/api/search",
                 "/api/documents/{doc_id}", "/api/indicators/{indicator}", "/api/login"):
        assert path in spec["paths"]
    for path, methods in spec["paths"].items():
        assert all(op.get("summary") for op in methods.values()), path
    assert not [p for p in spec["paths"] if not p.startswith("/api/")]


def test_api_docs_load_nothing_from_outside(client: TestClient) -> None:
    html = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in html
    assert not re.search(r"(src|href)=\"https?://", html)


def test_templates_reference_no_outside_asset() -> None:
    web = Path(__file__).parents[1] / "src" / "coopatlas" / "web"
    for path in [*web.glob("templates/*.html"), *web.glob("static/*.js"),
                 *web.glob("static/*.css")]:
        assert not re.search(r"https?://", path.read_text(encoding="utf-8")), path.name


def test_forums_are_checked_against_the_curated_reference(client: TestClient) -> None:
    data = client.get("/api/forums").json()
    sixteen = next(f for f in data["items"] if f["edition"] == 16)
    city = sixteen["reference"]["city"]
    assert (city["status"], city["extracted"], city["reference"]) == ("differ", "Petropavl", "Omsk")
    assert city["sources"] and sixteen["reference"]["year"]["status"] == "agree"
    silent = {e["edition"] for e in data["reference_only"]}
    assert 1 in silent and 16 not in silent
    page = client.get("/forums", headers={"accept": "text/html"}).text
    assert "ref-differs" in page and 'id="reference-1"' in page
