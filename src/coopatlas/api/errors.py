"""The one translator from failures to responses: ``{"ok": false, "error": ..., "status": ...}``.

Every failure goes through :func:`error_response`: coopatlas errors (with their ``status``),
Starlette/FastAPI HTTP errors (404 for an unknown path, 405), request validation (422, with
the per-field ``errors`` list) and unexpected exceptions (500, message without internals).
A page request (``Accept: text/html`` outside ``/api``) gets the same dict rendered as HTML.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from coopatlas.errors import AtlasError

log = logging.getLogger("coopatlas.api")

HtmlRenderer = Callable[[Request, dict[str, Any]], Response]


def error_body(status: int, message: str, errors: list[dict[str, Any]] | None = None) -> dict:
    body: dict[str, Any] = {"ok": False, "error": message, "status": status}
    if errors:
        body["errors"] = errors
    return body


def wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def _validation_errors(exc: RequestValidationError | ValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()))
        out.append({"where": where, "message": str(err.get("msg", "invalid"))})
    return out


def _describe(exc: Exception) -> tuple[int, str, list[dict[str, Any]] | None]:
    if isinstance(exc, AtlasError):
        return exc.status, str(exc), None
    if isinstance(exc, RequestValidationError | ValidationError):
        errors = _validation_errors(exc)
        first = errors[0] if errors else {"where": "request", "message": "invalid"}
        return 422, f"invalid {first['where']}: {first['message']}", errors
    if isinstance(exc, StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        return exc.status_code, detail, None
    log.exception("unexpected error", exc_info=exc)
    return 500, f"internal error ({type(exc).__name__})", None


def install_error_handlers(app: FastAPI, render_html: HtmlRenderer | None = None) -> None:
    """Route every kind of failure through one response builder."""

    async def handle(request: Request, exc: Exception) -> Response:
        status, message, errors = _describe(exc)
        body = error_body(status, message, errors)
        if render_html is not None and wants_html(request):
            response = render_html(request, body)
            response.status_code = status
            return response
        headers = getattr(exc, "headers", None) if isinstance(exc, StarletteHTTPException) else None
        return JSONResponse(body, status_code=status, headers=headers)

    for kind in (AtlasError, RequestValidationError, ValidationError, StarletteHTTPException,
                 Exception):
        app.add_exception_handler(kind, handle)
