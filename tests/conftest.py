"""Shared fixtures: a fresh ``store`` on every engine.

``store`` is parametrised over SQLite (a temporary file) and PostgreSQL (the server at
``$COOPATLAS_TEST_PG``, default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``). The
PostgreSQL runs create a database ``coopatlas_test_<random>`` once per test session, empty its
tables before each test and drop it at the end; when no server answers they skip, saying so.
``store_url`` gives a URL to an *empty* database on each engine (for migration tests).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from coopatlas.errors import StoreError
from coopatlas.store import Store, open_store
from coopatlas.store.engine import create_engine
from coopatlas.store.tables import Base

PG_ADMIN_URL = os.environ.get(
    "COOPATLAS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ENGINES = [pytest.param("sqlite", id="sqlite"),
           pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres)]


class PgServer:
    """Creates and drops scratch databases on the test server."""

    def __init__(self, admin_url: str) -> None:
        self.admin = create_engine(admin_url).execution_options(isolation_level="AUTOCOMMIT")
        self.created: list[str] = []

    def create(self) -> str:
        name = f"coopatlas_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return self.admin.url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in self.created:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer(PG_ADMIN_URL)
    try:
        with server.admin.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except sa.exc.OperationalError as exc:
        server.admin.dispose()
        reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN_URL}: {reason}")
    yield server
    server.drop_all()


@pytest.fixture(scope="session")
def pg_store_url(pg_server: PgServer) -> str:
    """One migrated scratch database for the whole session (tables emptied per test)."""
    url = pg_server.create()
    open_store(url).close()
    return url


@pytest.fixture(params=ENGINES)
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A URL to an empty database (nothing migrated yet) on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_server").create()


@pytest.fixture(params=ENGINES)
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    """An opened, migrated, empty store on each engine."""
    if request.param == "sqlite":
        opened = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    else:
        opened = open_store(request.getfixturevalue("pg_store_url"))
        _empty(opened)
    yield opened
    opened.close()


def _empty(store: Store) -> None:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    try:
        with store.engine.begin() as conn:
            conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot empty the test database: {exc}") from exc
