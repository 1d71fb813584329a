"""Request dependencies: a store session per request, paging, the signed-in user and roles."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from coopatlas.errors import AuthError, Forbidden
from coopatlas.store.views import Session

ROLES = ("reader", "curator", "admin")
MAX_LIMIT = 500


def get_db(request: Request) -> Iterator[Session]:
    """A session in one transaction for this request, committed when the handler returns
    and before the response leaves (``scope="function"``): a client that follows a
    redirect after a form, or reads after a 201, sees what it wrote, and a failed commit
    answers as an error instead of a success."""
    with request.app.state.store.session() as session:
        yield session


DB = Annotated[Session, Depends(get_db, scope="function")]


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")] = 50,
           offset: Annotated[int, Query(ge=0, description="rows to skip")] = 0) -> Paging:
    return Paging(limit, offset)


Page = Annotated[Paging, Depends(paging)]


def listing(items: list[dict[str, Any]], total: int, paging: Paging,
            filters: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """The one shape of every list answer."""
    return {"ok": True, "items": items, "total": total, "limit": paging.limit,
            "offset": paging.offset,
            "filters": {k: v for k, v in (filters or {}).items() if v is not None}, **extra}


def current_user(request: Request) -> dict[str, str] | None:
    user = request.session.get("user")
    return user if isinstance(user, dict) else None


def require_role(role: str):  # noqa: ANN201 - a FastAPI dependency factory
    """A dependency admitting users whose role ranks at least ``role``."""

    def check(request: Request) -> dict[str, str]:
        user = current_user(request)
        if user is None:
            raise AuthError("log in first: this action needs a signed-in user")
        if ROLES.index(user.get("role", "reader")) < ROLES.index(role):
            raise Forbidden(f"user {user['username']!r} is a {user['role']}; "
                            f"this action needs the {role} role")
        return user

    return check


Curator = Annotated[dict[str, str], Depends(require_role("curator"))]
Admin = Annotated[dict[str, str], Depends(require_role("admin"))]


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, token: str | None) -> None:
    if not token or not secrets.compare_digest(token, request.session.get("csrf", "")):
        raise Forbidden("the form is stale or came from elsewhere; reload the page")
