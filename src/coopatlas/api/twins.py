"""Register a read endpoint twice: JSON under ``/api`` and the page that renders the same dict.

    @twin("/forums/{edition}", "forum.html", summary="One forum edition")
    def forum(edition: int, db: DB) -> dict: ...

gives ``GET /api/forums/{edition}`` (in the OpenAPI schema) and ``GET /forums/{edition}``
(HTML, left out of the schema); both validate the same parameters and call the same function.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from coopatlas.web.render import render

api = APIRouter(prefix="/api")
pages = APIRouter(include_in_schema=False)

DataFn = Callable[..., dict[str, Any]]


def _with_request(fn: DataFn) -> inspect.Signature:
    sig = inspect.signature(fn)
    hints = typing.get_type_hints(fn, include_extras=True)
    params = [inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)]
    params += [p.replace(kind=inspect.Parameter.KEYWORD_ONLY,
                         annotation=hints.get(p.name, p.annotation))
               for p in sig.parameters.values()]
    return sig.replace(parameters=params, return_annotation=HTMLResponse)


def twin(path: str, template: str, *, page_path: str | None = None,
         **route: Any) -> Callable[[DataFn], DataFn]:
    def register(fn: DataFn) -> DataFn:
        api.get(path, **route)(fn)

        @functools.wraps(fn)
        def page(request: Request, **kwargs: Any) -> HTMLResponse:
            return render(request, template, fn(**kwargs))

        page.__signature__ = _with_request(fn)  # type: ignore[attr-defined]
        del page.__wrapped__  # type: ignore[attr-defined]
        pages.get(page_path or path, response_class=HTMLResponse)(page)
        return fn

    return register
