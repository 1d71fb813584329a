"""The store: SQLite (default) or PostgreSQL behind small keyword-only ``session`` functions.

Only this package imports SQLAlchemy. Open a store (its schema is migrated to the newest
revision), then work inside one transaction per unit of work::

    from coopatlas.config import store_url
    from coopatlas.store import open_store, repo

    store = open_store(store_url())
    with store.session() as session:
        repo.save_document(session=session, document=doc, claims=claims)

Modules: :mod:`~coopatlas.store.repo` (documents, segments, claims, failures),
:mod:`~coopatlas.store.records` (atlas records and evidence),
:mod:`~coopatlas.store.curation` (edit history and the curated overlay),
:mod:`~coopatlas.store.users`, :mod:`~coopatlas.store.search` (full text),
:mod:`~coopatlas.store.engine` (opening), :mod:`~coopatlas.store.migrate` (Alembic),
:mod:`~coopatlas.store.tables` (the ORM models), :mod:`~coopatlas.store.codec` (tagged JSON).
"""

from coopatlas.store.engine import Store, open_store

__all__ = ["Store", "open_store"]
