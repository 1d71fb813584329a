"""Users, passwords (argon2) and the session cookie: log in, log out, who am I, add a user.

Passwords are hashed with argon2id (argon2-cffi); the session is a signed cookie
(Starlette's SessionMiddleware, itsdangerous) holding the user name and role only.
"""

from __future__ import annotations

from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from coopatlas.api.deps import DB, Admin, current_user
from coopatlas.errors import AuthError
from coopatlas.store import users
from coopatlas.store.views import Session

HASHER = PasswordHasher()
router = APIRouter(prefix="/api", tags=["auth"])


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def add_user(db: Session, username: str, password: str, role: str = "reader") -> dict:
    """Create a user with a hashed password (Conflict if the name is taken)."""
    if role not in users.ROLES:
        raise AuthError(f"unknown role {role!r} (use one of {', '.join(users.ROLES)})")
    made = users.create_user(session=db, username=username, password_hash=hash_password(password),
                             role=role)
    return {"username": made.username, "role": made.role}


def authenticate(db: Session, username: str, password: str) -> dict[str, str]:
    """The user's public record when the password matches; AuthError otherwise."""
    found = users.get_user(session=db, username=username)
    if found is None or not verify_password(found.password_hash, password):
        raise AuthError("wrong user name or password")
    return {"username": found.username, "role": found.role}


def sign_in(request: Request, user: dict[str, str]) -> None:
    request.session.clear()
    request.session["user"] = user


class Credentials(BaseModel):
    username: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=1, max_length=1000)


class NewUser(Credentials):
    role: str = Field(default="reader", pattern="^(reader|curator|admin)$")


@router.post("/login", summary="Log in; sets the session cookie")
def login(body: Credentials, request: Request, db: DB) -> dict[str, Any]:
    user = authenticate(db, body.username, body.password)
    sign_in(request, user)
    return {"ok": True, "user": user}


@router.post("/logout", summary="Log out; clears the session cookie")
def logout(request: Request) -> dict[str, Any]:
    request.session.clear()
    return {"ok": True, "user": None}


@router.get("/me", summary="The signed-in user, or null")
def me(request: Request) -> dict[str, Any]:
    return {"ok": True, "user": current_user(request)}


@router.post("/users", summary="Add a user (admin only)", status_code=201)
def create(body: NewUser, db: DB, _admin: Admin) -> dict[str, Any]:
    return {"ok": True, "user": add_user(db, body.username, body.password, body.role)}
