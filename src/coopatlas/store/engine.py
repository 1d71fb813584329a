"""Opening a store: URL checks, engine set-up, migrations, and transactional sessions.

>>> store = open_store("sqlite://")          # in memory; a file: "sqlite:///atlas.db"
>>> with store.session() as session:        # one transaction: committed or rolled back
...     pass
>>> store.close()

SQLite (the embedded default) runs in WAL mode with foreign keys on and a busy timeout,
and every transaction opens with an explicit ``BEGIN`` (savepoints nest inside it);
PostgreSQL is reached through ``postgresql+psycopg://user@host:port/db`` (plain
``postgresql://`` and ``postgres://`` URLs are read the same way). Problems surface as one
readable line: :class:`~coopatlas.errors.BadStoreURL` (a URL that cannot be used),
:class:`~coopatlas.errors.StoreUnavailable` (no server answers at host:port) or
:class:`~coopatlas.errors.StoreError` (e.g. an SQLite path that cannot be written).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from coopatlas.errors import BadStoreURL, Conflict, StoreError, StoreUnavailable

SQLITE_BUSY_MS = 10_000
PG_CONNECT_TIMEOUT_S = 5
_DRIVERS = {"sqlite": "sqlite+pysqlite", "sqlite+pysqlite": "sqlite+pysqlite",
            "postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg",
            "postgresql+psycopg": "postgresql+psycopg"}
_UNREACHABLE = ("connection refused", "timeout", "timed out", "could not translate host",
                "no route to host", "name or service not known", "network is unreachable",
                "server closed the connection", "temporary failure in name resolution")


@dataclass
class Store:
    """An open store: the engine plus a session factory. Close it when done."""

    url: str
    engine: sa.Engine
    factory: sessionmaker[Session]
    writer: sessionmaker[Session] | None = None

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error.

        ``write=True`` takes SQLite's write lock when the transaction begins (``BEGIN
        IMMEDIATE``), so concurrent writers wait for each other (up to the busy timeout)
        instead of failing half way; use it for ingest and curation. Database errors leave
        as :class:`StoreError` (:class:`Conflict` for a broken uniqueness or reference rule).
        """
        factory = self.writer if write and self.writer is not None else self.factory
        with factory() as session:
            try:
                with session.begin():
                    yield session
            except sa_exc.IntegrityError as exc:
                raise Conflict(_first_line(exc), source=self.url) from exc
            except sa_exc.SQLAlchemyError as exc:
                raise StoreError(_first_line(exc), source=self.url) from exc

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str) -> Store:
    """Open the store at ``url`` and upgrade its schema to the newest migration."""
    from coopatlas.store.migrate import upgrade

    engine = create_engine(url)
    shown = _shown(engine.url)
    try:
        with engine.begin() as conn:
            upgrade(conn)
    except StoreError:
        engine.dispose()
        raise
    except sa_exc.OperationalError as exc:
        engine.dispose()
        raise _connect_error(engine.url, exc) from exc
    except sa_exc.SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot prepare the store: {_first_line(exc)}", source=shown) from exc
    writer = None
    if engine.dialect.name == "sqlite":
        immediate = engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        writer = sessionmaker(immediate, expire_on_commit=False)
    return Store(url=shown, engine=engine, factory=sessionmaker(engine, expire_on_commit=False),
                 writer=writer)


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url`` (SQLite pragmas set on every connection); no connection yet."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    args = {"connect_timeout": PG_CONNECT_TIMEOUT_S}
    return sa.create_engine(parsed, connect_args=args, pool_pre_ping=True)


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL for ``url``, with the driver this package uses, or BadStoreURL."""
    try:
        parsed = make_url(url)
    except (sa_exc.ArgumentError, ValueError) as exc:
        raise BadStoreURL(f"not a store URL: {url!r} (use sqlite:///path.db or "
                          "postgresql+psycopg://user@host:port/db)") from exc
    driver = _DRIVERS.get(parsed.drivername)
    if driver is None:
        raise BadStoreURL(f"unsupported database {parsed.drivername!r} in store URL "
                          f"{_shown(parsed)!r} (use sqlite or postgresql+psycopg)")
    parsed = parsed.set(drivername=driver)
    if driver.startswith("postgresql") and not parsed.database:
        raise BadStoreURL(f"store URL {_shown(parsed)!r} names no database")
    return parsed


def _sqlite_engine(parsed: URL) -> sa.Engine:
    path = parsed.database or ""
    memory = path in ("", ":memory:") or path.startswith("file::memory:")
    if memory:
        engine = sa.create_engine(parsed, poolclass=StaticPool,
                                  connect_args={"check_same_thread": False})
    else:
        _check_sqlite_path(Path(path))
        engine = sa.create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_MS / 1000})

    # SQLAlchemy's recipe for pysqlite ("Serializable isolation / Savepoints / Transactional
    # DDL", SQLite dialect docs): the driver's legacy transaction control emits BEGIN only
    # before INSERT/UPDATE/DELETE, so reads are not repeatable, DDL autocommits, and a
    # SAVEPOINT issued first opens a transaction of its own that its RELEASE commits. Turn
    # the driver's BEGIN off at connect and emit BEGIN ourselves when SQLAlchemy begins:
    # then a batch is one transaction and each savepoint lives inside it.
    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: object, _record: object) -> None:
        dbapi_conn.isolation_level = None  # type: ignore[attr-defined]  # no driver BEGIN
        cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:  # BEGIN, or BEGIN IMMEDIATE for a writer
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

    return engine


def _check_sqlite_path(path: Path) -> None:
    """Refuse, naming the path, a SQLite file that cannot be created or written."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise StoreError("is a folder, not a SQLite file", source=str(path))
    if not parent.is_dir():
        raise StoreError(f"cannot create the SQLite store: folder {parent} does not exist",
                         source=str(path))
    target = path if path.exists() else parent
    if not os.access(target, os.W_OK):
        raise StoreError(f"cannot write the SQLite store: {target} is not writable",
                         source=str(path))


def _connect_error(url: URL, exc: sa_exc.OperationalError) -> StoreError:
    reason = _first_line(exc)
    if url.get_backend_name() == "sqlite":
        return StoreError(f"cannot open the SQLite store: {reason}", source=url.database)
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    if "FATAL:" in reason:  # the server answered and refused
        reason = reason.split("FATAL:", 1)[1].strip()
        return StoreError(f"PostgreSQL at {where}, database {url.database!r}: {reason}")
    if any(marker in reason.lower() for marker in _UNREACHABLE):
        reason = reason.rsplit("failed: ", 1)[-1]
        return StoreUnavailable(f"PostgreSQL server at {where} does not answer: {reason}")
    return StoreError(f"PostgreSQL at {where}, database {url.database!r}: {reason}")


def _first_line(exc: BaseException) -> str:
    inner = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(inner).splitlines() if line.strip()]
    return lines[0] if lines else type(inner).__name__


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)
