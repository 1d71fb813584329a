"""Server-rendered pages: escaping, fact highlighting, language switch, login forms with CSRF."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from coopatlas.api import create_app
from coopatlas.web.highlight import pieces
from fixtures_atlas import USERS, build


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'atlas.db'}"
    build(url).close()
    with TestClient(create_app(url)) as c:
        yield c


FACTS = [{"id": 1, "kind": "figure", "start": 0, "end": 11},
         {"id": 2, "kind": "region", "start": 4, "end": 8}]


@pytest.mark.parametrize(("text", "facts", "target", "expected"), [
    ("plain text", [], None, [("plain text", [], False)]),
    ("abcdefghijklmn", FACTS, None, [("abcd", [1], False), ("efgh", [2, 1], False),
                                     ("ijk", [1], False), ("lmn", [], False)]),
    ("abcdefghijklmn", [], (2, 5), [("ab", [], False), ("cde", [], True),
                                    ("fghijklmn", [], False)]),
])
def test_pieces_cut_at_every_boundary_innermost_first(text, facts, target, expected) -> None:
    got = [(p.text, [f["id"] for f in p.facts], p.target) for p in pieces(text, facts, target)]
    assert got == expected
    assert "".join(p.text for p in pieces(text, facts, target)) == text


def test_document_text_and_title_are_escaped(client: TestClient) -> None:
    html = client.get("/documents/doc-evil").text
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "A &lt;script&gt; in the title" in html
    embedded = re.search(r'id="page-data">(.*?)</script>', html, re.S).group(1)
    assert "<script>" not in embedded and "</script" not in embedded


def test_reader_links_each_fact_to_its_record(client: TestClient) -> None:
    html = client.get("/documents/doc-forum").text
    assert re.search(r'<a class="fact k-region[^"]*" href="/regions/RU-OMS"', html)
    assert re.search(r'<a class="fact k-forum[^"]*" href="/forums/15"', html)
    assert 'href="/indicators/border_length#obs-doc-forum-' in html


def test_language_switch_is_remembered(client: TestClient) -> None:
    assert "<h1>Форумы</h1>" in client.get("/forums?lang=ru").text
    assert "<h1>Форумы</h1>" in client.get("/forums").text
    assert "<h1>Forums</h1>" in client.get("/forums?lang=en").text


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_login_form_needs_its_csrf_token(client: TestClient) -> None:
    name, password = USERS["curator"]
    refused = client.post("/login", data={"username": name, "password": password,
                                          "csrf": "forged"}, follow_redirects=False)
    assert refused.status_code == 403
    token = _csrf(client.get("/login").text)
    done = client.post("/login", data={"username": name, "password": password, "csrf": token,
                                       "next": "https://elsewhere.example/"},
                       follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/"
    page = client.get("/curation")
    assert page.status_code == 200 and "curator1" in page.text
    client.post("/logout", data={"csrf": _csrf(page.text)})
    assert client.get("/curation", follow_redirects=False).status_code == 303
