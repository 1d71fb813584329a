"""Jinja2 rendering: every page gets the data dict its JSON twin returns, plus the UI context.

Autoescaping is on for every template, so document text and quotes always show as text.
The same dict is embedded in the page as JSON (``<script type="application/json">``, with
``<``, ``>`` and ``&`` escaped by ``tojson``) for the map and chart scripts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from coopatlas.api import geo
from coopatlas.api.links import anchor
from coopatlas.web import i18n
from coopatlas.web.highlight import pieces

TEMPLATES = Path(__file__).with_name("templates")
NAV = ("overview", "forums", "regions", "partnerships", "agreements", "indicators",
       "documents", "search", "conflicts", "curation")
NAV_PATHS = {"overview": "/"}


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), trim_blocks=True, lstrip_blocks=True,
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(nav=NAV, nav_paths=NAV_PATHS, region_name=geo.name, pieces=pieces,
                       anchor=anchor, parse_at=parse_at)
    env.filters["num"] = _number
    return env


def parse_at(value: str | None) -> tuple[int, int] | None:
    """``"120-180"`` -> ``(120, 180)``; anything else -> ``None``."""
    start, _, end = (value or "").partition("-")
    if start.isdigit() and end.isdigit() and int(start) <= int(end):
        return int(start), int(end)
    return None


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def language(request: Request) -> str:
    return i18n.pick(request.query_params.get("lang") or request.cookies.get(i18n.COOKIE))


def page_url(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (``None`` removes one)."""
    params = dict(request.query_params)
    params.update({k: v for k, v in changes.items() if v is not None})
    for k in [k for k, v in changes.items() if v is None]:
        params.pop(k, None)
    return f"{request.url.path}?{urlencode(params)}" if params else request.url.path


def context(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    from coopatlas.api.deps import csrf_token, current_user

    lang = language(request)
    return {"data": data, "lang": lang, "t": lambda key: i18n.translate(key, lang),
            "user": current_user(request), "csrf": csrf_token(request), "request": request,
            "path": request.url.path, "url": lambda **kw: page_url(request, **kw),
            "languages": i18n.LANGUAGES}


def render(request: Request, template: str, data: dict[str, Any],
           status_code: int = 200) -> HTMLResponse:
    html = environment().get_template(template).render(context(request, data))
    response = HTMLResponse(html, status_code=status_code)
    chosen = request.query_params.get("lang")
    if chosen in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, chosen, max_age=365 * 24 * 3600, samesite="lax")
    return response


def render_error(request: Request, body: dict[str, Any]) -> HTMLResponse:
    return render(request, "error.html", body, status_code=body.get("status", 500))
