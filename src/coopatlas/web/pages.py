"""Pages that are not plain twins: log in/out and the curation desk (HTML forms)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from coopatlas.api import curation as cur
from coopatlas.api import data_docs
from coopatlas.api.auth import authenticate, sign_in
from coopatlas.api.deps import DB, check_csrf, current_user, paging, require_role
from coopatlas.errors import AuthError
from coopatlas.web.render import render

router = APIRouter(include_in_schema=False)
Field = Annotated[str, Form()]


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/curation") -> HTMLResponse:
    return render(request, "login.html", {"ok": True, "next": _safe_next(next), "error": None})


@router.post("/login", response_class=HTMLResponse)
def login_form(request: Request, db: DB, username: Field, password: Field,
               csrf: Field = "", next: Field = "/curation") -> Any:
    check_csrf(request, csrf)
    try:
        user = authenticate(db, username, password)
    except AuthError as exc:
        data = {"ok": False, "next": _safe_next(next), "error": str(exc), "status": 401}
        return render(request, "login.html", data, status_code=401)
    sign_in(request, user)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout_form(request: Request, csrf: Field = "") -> RedirectResponse:
    check_csrf(request, csrf)
    request.session.clear()
    return RedirectResponse("/", status_code=303)


@router.get("/curation", response_class=HTMLResponse)
def curation_page(request: Request, db: DB, record_type: str | None = None,
                  record_key: str | None = None) -> Any:
    if current_user(request) is None:
        return RedirectResponse("/login?next=/curation", status_code=303)
    data = data_docs.history(db, paging(limit=100, offset=0), record_type=record_type,
                             record_key=record_key)
    data["prefill"] = {"record_type": record_type or "", "record_key": record_key or ""}
    return render(request, "curation.html", data)


def _curator(request: Request, csrf: str) -> dict[str, str]:
    check_csrf(request, csrf)
    return require_role("curator")(request)


@router.post("/curation/edit")
def edit_form(request: Request, db: DB, record_type: Field, record_key: Field, field: Field,
              reason: Field, value: Annotated[str, Form()] = "", csrf: Field = ""
              ) -> RedirectResponse:
    user = _curator(request, csrf)
    body = cur.EditIn(record_type=record_type, record_key=record_key, field=field, value=value,
                      reason=reason)
    cur.set_field(db, user, body)
    return RedirectResponse("/curation", status_code=303)


@router.post("/curation/retract")
def retract_form(request: Request, db: DB, record_type: Field, record_key: Field,
                 reason: Field, csrf: Field = "") -> RedirectResponse:
    user = _curator(request, csrf)
    cur.retract(db, user, cur.RetractIn(record_type=record_type, record_key=record_key,
                                        reason=reason))
    return RedirectResponse("/curation", status_code=303)


@router.post("/curation/revert/{edit_id}")
def revert_form(request: Request, db: DB, edit_id: int, reason: Field,
                csrf: Field = "") -> RedirectResponse:
    user = _curator(request, csrf)
    cur.revert(db, user, edit_id, reason)
    return RedirectResponse("/curation", status_code=303)
