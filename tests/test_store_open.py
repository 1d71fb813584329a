"""Opening a store: migrations from empty, and one readable error per bad URL or place."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from coopatlas.config import store_url as configured_url
from coopatlas.errors import BadStoreURL, StoreError, StoreUnavailable
from coopatlas.model import Document
from coopatlas.store import open_store, repo
from coopatlas.store.engine import create_engine
from coopatlas.store.migrate import current, head, upgrade
from coopatlas.store.tables import Base

TABLES = {t.name for t in Base.metadata.sorted_tables}


def test_migrations_upgrade_an_empty_database_to_head(store_url):
    engine = create_engine(store_url)
    with engine.connect() as conn:
        assert current(conn) is None
    store = open_store(store_url)
    with store.engine.connect() as conn:
        assert current(conn) == head() != ""
        assert TABLES <= set(sa.inspect(conn).get_table_names())
    store.close()
    open_store(store_url).close()  # opening again is a no-op upgrade
    engine.dispose()


def test_downgrade_to_base_and_up_again(store_url):
    from alembic import command

    from coopatlas.store.migrate import alembic_config

    open_store(store_url).close()
    engine = create_engine(store_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    with engine.connect() as conn:
        assert not TABLES & set(sa.inspect(conn).get_table_names())
    with engine.begin() as conn:
        upgrade(conn)
    with engine.connect() as conn:
        assert current(conn) == head()
    engine.dispose()


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path):
    store = open_store(configured_url(str(tmp_path / "atlas.db")))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    assert store.dialect == "sqlite"
    store.close()


def test_in_memory_sqlite_opens():
    store = open_store("sqlite://")
    with store.session() as s:
        assert s.execute(sa.text("SELECT count(*) FROM documents")).scalar() == 0
    store.close()


@pytest.mark.parametrize("url,error,named", [
    ("not a url", BadStoreURL, "not a url"),
    ("http://example.org/db", BadStoreURL, "'http'"),
    ("mysql://ann:secret@db.example.org/atlas", BadStoreURL, "mysql://ann:***@db.example.org"),
    ("postgresql+psycopg://ann@127.0.0.1:5432", BadStoreURL, "names no database"),
    ("postgresql+psycopg://ann@127.0.0.1:1/atlas", StoreUnavailable, "127.0.0.1:1"),
])
def test_bad_urls_and_unreachable_servers(url, error, named):
    with pytest.raises(error) as caught:
        open_store(url)
    message = str(caught.value)
    assert named in message and "\n" not in message and "secret" not in message


@pytest.mark.parametrize("where", ["missing/dir/atlas.db", "a_file/atlas.db", "a_dir"])
def test_unwritable_sqlite_paths_name_the_path(tmp_path, where):
    (tmp_path / "a_file").write_text("not a folder")
    (tmp_path / "a_dir").mkdir()
    path = tmp_path / where
    with pytest.raises(StoreError) as caught:
        open_store(f"sqlite:///{path}")
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.postgres
def test_missing_database_on_a_live_server_is_a_store_error(pg_server):
    url = pg_server.admin.url.set(database="coopatlas_no_such_db_x")
    with pytest.raises(StoreError) as caught:
        open_store(url.render_as_string(hide_password=False))
    assert not isinstance(caught.value, StoreUnavailable)
    assert "coopatlas_no_such_db_x" in str(caught.value)


def _doc(doc_id: str) -> Document:
    return Document(doc_id=doc_id, source=f"{doc_id}.txt", text=f"Text of {doc_id}.",
                    content_hash=f"hash-{doc_id}")


def test_sqlite_transactions_begin_before_the_first_read(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'atlas.db'}")
    with store.session() as session:
        session.execute(sa.text("SELECT count(*) FROM documents"))
        dbapi = session.connection().connection.dbapi_connection
        assert dbapi.in_transaction  # a BEGIN went out: reads are repeatable
    with store.session(write=True) as session:
        assert session.connection().connection.dbapi_connection.in_transaction
    store.close()


def test_a_released_savepoint_still_rolls_back_with_its_transaction(store):
    with pytest.raises(RuntimeError), store.session(write=True) as session:
        with session.begin_nested():
            repo.save_document(session=session, document=_doc("a"))
        raise RuntimeError("the batch stops before its commit")
    with store.session() as session:
        assert repo.count_documents(session=session, status=None) == 0


def test_savepoints_keep_the_good_documents_of_a_batch_in_one_commit(store):
    events: list[str] = []
    for name in ("commit", "savepoint", "release_savepoint", "rollback_savepoint"):
        sa.event.listen(store.engine, name, lambda *a, _n=name: events.append(_n))
    with store.session(write=True) as session:
        for doc_id in ("a", "b", "c"):
            try:
                with session.begin_nested():
                    repo.save_document(session=session, document=_doc(doc_id))
                    if doc_id == "b":
                        session.execute(sa.text("SELECT * FROM no_such_table"))
            except sa.exc.SQLAlchemyError:
                pass
    assert events.count("commit") == 1  # the batch: one transaction, not one per document
    assert events.count("savepoint") == 3 and events.count("release_savepoint") == 2
    assert events.count("rollback_savepoint") == 1
    with store.session() as session:
        listed = repo.list_documents(session=session)
    assert sorted(d.doc_id for d in listed) == ["a", "c"]
