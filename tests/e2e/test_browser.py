"""The portal in a real headless Chromium (Debian's ``chromium`` driven by Playwright).

The app runs under uvicorn on 127.0.0.1 (a free port, in a thread) over the hand-built
fixture atlas. Every page is opened; the map and charts must draw; no console error; no
request may leave 127.0.0.1; a screenshot of each page goes to ``test-artifacts/``.

The store is SQLite unless a test asks for both engines (``ON_BOTH``): every page is opened,
searched and curated over PostgreSQL too, while the purely front-end checks (map, charts,
links, language, phone width) run once.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn

from conftest import ENGINES
from coopatlas.api import create_app
from fixtures_atlas import USERS, build

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
VENDOR = ROOT / "src" / "coopatlas" / "web" / "static" / "vendor" / "manifest.json"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="no /usr/bin/chromium (apt-get install -y chromium)"),
    pytest.mark.skipif(not VENDOR.exists(), reason="front-end libraries not installed "
                       "(python tools/install_assets.py)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ON_BOTH = pytest.mark.parametrize("base_url", ENGINES, indirect=True)


@pytest.fixture(scope="module")
def base_url(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The portal over the fixture atlas in SQLite, or in PostgreSQL when a test's
    ``base_url`` parameter says so."""
    engine = getattr(request, "param", "sqlite")
    if engine == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'atlas.db'}"
    else:
        url = request.getfixturevalue("pg_server").create()
    build(url).close()
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


class Watch:
    """Console errors and requests that left 127.0.0.1, gathered over a page's life."""

    def __init__(self, page) -> None:  # noqa: ANN001 - a Playwright page
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", self._request)

    def _request(self, request) -> None:  # noqa: ANN001
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host != "127.0.0.1":
            self.outside.append(request.url)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(request: pytest.FixtureRequest, browser, base_url: str):
    context = browser.new_context(base_url=base_url, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.watch = Watch(page)
    callspec = getattr(request.node, "callspec", None)
    page.engine = callspec.params.get("base_url", "sqlite") if callspec else "sqlite"
    yield page
    assert page.watch.errors == [], page.watch.errors
    assert page.watch.outside == [], page.watch.outside
    context.close()


def shot(page, name: str) -> None:  # noqa: ANN001
    """A full-page screenshot (of the SQLite run: the PostgreSQL pages look the same)."""
    if getattr(page, "engine", "sqlite") != "sqlite":
        return
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def target_text(page) -> str:  # noqa: ANN001
    """The highlighted sentence (cut into pieces where facts sit inside it)."""
    return "".join(page.locator(".doc-text .target").all_inner_texts())


PAGES = [("overview", "/"), ("forums", "/forums"), ("forum", "/forums/15"),
         ("regions", "/regions?limit=200"), ("region", "/regions/RU-OMS"),
         ("partnerships", "/partnerships"), ("agreements", "/agreements"),
         ("indicators", "/indicators"), ("indicator", "/indicators/border_length"),
         ("documents", "/documents"), ("document", "/documents/doc-forum"),
         ("search", "/search?q=region"), ("conflicts", "/conflicts"),
         ("history", "/curation/history"), ("login", "/login"), ("api-docs", "/api/docs")]


@ON_BOTH
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[n for n, _ in PAGES])
def test_every_page_opens_cleanly(page, name: str, path: str) -> None:  # noqa: ANN001
    response = page.goto(path)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    if name == "api-docs":
        page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    shot(page, name)


@pytest.mark.parametrize("path", ["/", "/regions"])
def test_the_map_draws_outlines_points_and_lines(page, path: str) -> None:  # noqa: ANN001
    page.goto(path)
    page.wait_for_selector("#map[data-drawn]", timeout=15000)
    assert page.locator("#map svg path.country").count() == 2
    assert page.locator("#map svg circle.region").count() >= 100
    assert page.locator("#map svg path.link").count() == 2


@pytest.mark.parametrize(("path", "charts"), [("/indicators", 3),
                                              ("/indicators/border_length", 1)])
def test_charts_draw_a_dot_per_statement(page, path: str, charts: int) -> None:  # noqa: ANN001
    page.goto(path)
    page.wait_for_selector("canvas.chart[data-drawn]", timeout=15000)
    canvases = page.locator("canvas.chart")
    assert canvases.count() == charts
    drawn = page.evaluate("""() => Array.from(document.querySelectorAll('canvas.chart')).map(c => {
        const ctx = c.getContext('2d'); const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let ink = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++; return ink; })""")
    assert all(ink > 500 for ink in drawn), drawn


def test_forum_to_document_to_sentence_and_back(page) -> None:  # noqa: ANN001
    page.goto("/forums")
    page.click("text=Forum 15")
    page.wait_for_url("**/forums/15")
    page.click("ol.sources a.ev-link")
    page.wait_for_url("**/documents/doc-forum?at=*")
    assert "Fifteenth Interregional Cooperation Forum" in target_text(page)
    assert page.evaluate("location.hash") == "#at"
    shot(page, "document-highlighted")
    page.click(".doc-text a.fact.k-forum")
    page.wait_for_url("**/forums/15")
    assert page.locator("h1").inner_text().startswith("Forum 15")


def test_a_figure_leads_to_its_indicator_row(page) -> None:  # noqa: ANN001
    page.goto("/documents/doc-forum")
    page.click(".doc-text a.fact.k-figure >> text=7,500 km")
    page.wait_for_url("**/indicators/border_length#obs-*")
    row = page.locator("tr:target")
    assert "7,500 km" in row.inner_text() and "conflict" in row.get_attribute("class")
    row.locator("a.ev-link").click()
    page.wait_for_url("**/documents/doc-forum?at=*")
    assert "7,500 km" in target_text(page)


def test_document_text_is_escaped(page) -> None:  # noqa: ANN001
    page.goto("/documents/doc-evil")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.locator("#doc-text").inner_text()
    assert page.locator("#doc-text script, #doc-text b").count() == 0


@ON_BOTH
def test_search_with_a_facet(page) -> None:  # noqa: ANN001
    page.goto("/search")
    page.fill("input[name=q]", "region")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=region*")
    before = page.locator("ol.hits > li").count()
    page.click(".facets a.facet >> text=2020")
    page.wait_for_url("**year=2020*")
    assert page.locator("ol.hits > li").count() < before
    assert "Border and trade" in page.locator("ol.hits").inner_text()


@ON_BOTH
def test_log_in_curate_and_revert(page) -> None:  # noqa: ANN001
    page.goto("/curation")
    page.wait_for_url("**/login?next=/curation")
    name, password = USERS["curator"]
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", password)
    page.click("#login-form button")
    page.wait_for_url("**/curation")
    form = page.locator("#edit-form")
    form.locator("select[name=record_type]").select_option("forum_edition")
    form.locator("input[name=record_key]").fill("15")
    form.locator("input[name=field]").fill("theme")
    form.locator("input[name=value]").fill("ecology and green growth")
    form.locator("input[name=reason]").fill("the programme says so")
    with page.expect_navigation():
        form.locator("button").click()
    assert "ecology and green growth" in page.locator("table.history").inner_text()
    shot(page, "curation")
    page.goto("/forums/15")
    assert "ecology and green growth" in page.locator("dl.record").inner_text()
    page.goto("/curation")
    page.locator("table.history tbody tr").first.locator("input[name=reason]").fill("undo")
    with page.expect_navigation():
        page.locator("table.history tbody tr").first.locator("button").click()
    page.goto("/forums/15")
    assert "development of human capital" in page.locator("dl.record").inner_text()


def test_switch_language(page) -> None:  # noqa: ANN001
    page.goto("/forums")
    page.click("a.lang >> text=RU")
    assert page.locator("h1").inner_text() == "Форумы"
    page.goto("/regions/RU-OMS")  # the choice is remembered
    assert page.locator("h1").inner_text().startswith("Омская область")
    shot(page, "region-ru")
    page.click("a.lang >> text=EN")
    assert page.locator("h1").inner_text().startswith("Omsk Region")


def test_phone_width_menu(browser, base_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("/forums")
    assert not page.locator("nav#nav").is_visible()
    page.click("button.menu")
    assert page.locator("nav#nav").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1
    shot(page, "forums-phone")
    context.close()


@pytest.fixture(scope="module", autouse=True)
def _clean_artifacts() -> None:
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
