"""Users of the portal: username, password hash (hashed by the caller) and role.

Roles, each allowing what the one before allows: ``reader`` < ``curator`` < ``admin``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coopatlas.errors import Conflict, NotFound
from coopatlas.store.tables import UserRow

ROLES = ("reader", "curator", "admin")


@dataclass(frozen=True, slots=True)
class User:
    username: str
    password_hash: str
    role: str
    created_at: datetime


def create_user(*, session: Session, username: str, password_hash: str,
                role: str = "reader") -> User:
    """Add a user; Conflict if the name is taken, ValueError for an unknown role."""
    _check_role(role)
    if session.get(UserRow, username) is not None:
        raise Conflict(f"user {username!r} exists already")
    row = UserRow(username=username, password_hash=password_hash, role=role)
    session.add(row)
    session.flush()
    return _user(row)


def get_user(*, session: Session, username: str) -> User | None:
    """The user called ``username``, or ``None``."""
    row = session.get(UserRow, username)
    return _user(row) if row is not None else None


def list_users(*, session: Session) -> list[User]:
    """Every user, by name."""
    return [_user(r) for r in session.scalars(sa.select(UserRow).order_by(UserRow.username))]


def update_user(*, session: Session, username: str, role: str | None = None,
                password_hash: str | None = None) -> User:
    """Change a user's role and/or password hash; NotFound if there is no such user."""
    row = session.get(UserRow, username)
    if row is None:
        raise NotFound(f"no user {username!r}")
    if role is not None:
        _check_role(role)
        row.role = role
    if password_hash is not None:
        row.password_hash = password_hash
    session.flush()
    return _user(row)


def delete_user(*, session: Session, username: str) -> None:
    """Remove a user (their curation edits stay in the history under their name)."""
    session.execute(sa.delete(UserRow).where(UserRow.username == username))


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r} (use one of {', '.join(ROLES)})")


def _user(row: UserRow) -> User:
    return User(username=row.username, password_hash=row.password_hash, role=row.role,
                created_at=row.created_at)
