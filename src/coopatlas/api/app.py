"""The application factory: the JSON API under /api, the portal pages, static files, docs.

    app = create_app("sqlite:///coopatlas.db")
    uvicorn.run(app, host="127.0.0.1", port=8000)

Interactive API docs are Swagger UI served from the vendored ``swagger-ui-dist`` files
(``/api/docs``); nothing is loaded from outside. The session cookie is signed with
``$COOPATLAS_SECRET`` (a random key per process when unset: sessions end on restart).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from coopatlas.api import auth, curation, routes  # noqa: F401 - routes registers the twins
from coopatlas.api.errors import install_error_handlers
from coopatlas.api.twins import api, pages
from coopatlas.store.engine import open_store
from coopatlas.web import pages as web_pages
from coopatlas.web.render import render_error

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
SECRET_ENV = "COOPATLAS_SECRET"
SESSION_COOKIE = "coopatlas_session"


def create_app(store_url: str) -> FastAPI:
    """The portal and API over the store at ``store_url`` (opened, and migrated, at once)."""
    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="coopatlas", version="1", lifespan=lifespan, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json",
                  description="Russia–Kazakhstan interregional cooperation: forums, regions, "
                              "partnerships, agreements and figures, each with its sources.")
    app.state.store = store
    app.add_middleware(SessionMiddleware, secret_key=os.environ.get(SECRET_ENV)
                       or secrets.token_urlsafe(32), session_cookie=SESSION_COOKIE,
                       same_site="lax", max_age=14 * 24 * 3600)
    install_error_handlers(app, render_error)
    for router in (auth.router, curation.router, api, web_pages.router, pages):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route("/api/docs", _docs, include_in_schema=False, response_class=HTMLResponse)
    return app


def _docs() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json", title="coopatlas API",
        swagger_js_url="/static/vendor/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
        swagger_ui_parameters={"validatorUrl": None})
