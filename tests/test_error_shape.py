"""Every failure on every route answers ``{"ok": false, "error": ..., "status": ...}``."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from coopatlas.api import create_app
from fixtures_atlas import build


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('errors') / 'atlas.db'}"
    build(url).close()
    with TestClient(create_app(url), raise_server_exceptions=False) as c:
        yield c


# (method, path, expected status): a failing request for every API route
FAILURES = [
    ("GET", "/api/overview?limit=x", 200),  # unknown params are ignored: not a failure
    ("GET", "/api/forums?limit=0", 422),
    ("GET", "/api/forums?format=hologram", 422),
    ("GET", "/api/forums/abc", 422),
    ("GET", "/api/forums/99", 404),
    ("GET", "/api/regions?offset=-1", 422),
    ("GET", "/api/regions?country=FR", 422),
    ("GET", "/api/regions/RU-XXXXX", 422),
    ("GET", "/api/regions/RU-ZZZ", 404),
    ("GET", "/api/partnerships?limit=501", 422),
    ("GET", "/api/agreements?edition=0", 422),
    ("GET", "/api/agreements/no-such-key", 404),
    ("GET", "/api/indicators?offset=x", 422),
    ("GET", "/api/indicators/NOT-AN-ID", 422),
    ("GET", "/api/indicators/no_such_indicator", 404),
    ("GET", "/api/documents?year=12", 422),
    ("GET", "/api/documents/no-such-doc", 404),
    ("GET", "/api/search?year=abc", 422),
    ("GET", "/api/conflicts?kind=argument", 422),
    ("GET", "/api/curation/history?limit=-5", 422),
    ("GET", "/api/no/such/route", 404),
    ("DELETE", "/api/forums", 405),
    ("POST", "/api/login", 422),
    ("POST", "/api/logout?x=1", 200),
    ("GET", "/api/me", 200),
    ("POST", "/api/users", 401),
    ("POST", "/api/curation/edits", 401),
    ("POST", "/api/curation/retract", 401),
    ("POST", "/api/curation/edits/1/revert", 401),
]
BODIES = {"/api/users": {"username": "x", "password": "y"},
          "/api/curation/edits": {"record_type": "forum_edition", "record_key": "15",
                                  "field": "theme", "value": "x", "reason": "r"},
          "/api/curation/retract": {"record_type": "forum_edition", "record_key": "15",
                                    "reason": "r"},
          "/api/curation/edits/1/revert": {"reason": "r"}}


@pytest.mark.parametrize(("method", "path", "status"), FAILURES,
                         ids=[f"{m} {p}" for m, p, _ in FAILURES])
def test_failure_has_the_one_shape(client: TestClient, method: str, path: str,
                                   status: int) -> None:
    response = client.request(method, path, json=BODIES.get(path.split("?")[0]))
    assert response.status_code == status
    body = response.json()
    if status >= 400:
        assert body["ok"] is False
        assert body["status"] == status
        assert isinstance(body["error"], str) and body["error"]
        assert set(body) <= {"ok", "error", "status", "errors"}


def test_every_api_route_is_covered(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    covered = {p.split("?")[0] for _, p, _ in FAILURES}
    templated = {p for p in spec["paths"] if "{" not in p}
    assert templated <= covered
    for path in (p for p in spec["paths"] if "{" in p):
        pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/?]+", path) + "(\\?|$)")
        assert any(pattern.match(p) for _, p, _ in FAILURES), path


def test_validation_errors_name_the_field(client: TestClient) -> None:
    body = client.get("/api/forums?limit=0").json()
    assert body["errors"][0]["where"] == "query.limit"
    assert "limit" in body["error"]


def test_a_page_failure_renders_the_same_dict_as_html(client: TestClient) -> None:
    page = client.get("/forums/99", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert "no forum edition 99" in page.text
    as_json = client.get("/forums/99", headers={"accept": "application/json"})
    assert as_json.json() == {"ok": False, "error": "no forum edition 99 in the atlas",
                              "status": 404}
