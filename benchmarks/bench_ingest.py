"""Ingest all pages of ../shared/corpus/kremlin-en-2020/pages.tar.gz into SQLite and PostgreSQL.

Prints documents/s and MB/s per engine (a fresh store each). Usage:

    .venv/bin/python benchmarks/bench_ingest.py [--engines sqlite,postgresql] [--workers 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from pathlib import Path

from coopatlas.ingest.run import ingest
from coopatlas.store import open_store
from coopatlas.store.engine import create_engine

SHARED = Path(__file__).resolve().parents[2] / "shared"
PAGES = SHARED / "corpus" / "kremlin-en-2020" / "pages.tar.gz"
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _pg_url() -> tuple[str, str]:
    name = f"coopatlas_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return admin.url.set(database=name).render_as_string(hide_password=False), name


def _drop(name: str) -> None:
    admin = create_engine(PG_ADMIN).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def run(engine: str, workers: int, folder: Path) -> None:
    pg_name = None
    if engine == "sqlite":
        url = f"sqlite:///{folder / 'bench.db'}"
    else:
        url, pg_name = _pg_url()
    store = open_store(url)
    try:
        summary = ingest([PAGES], store=store, progress=sys.stderr.isatty(), workers=workers)
    finally:
        store.close()
        if pg_name:
            _drop(pg_name)
    s = summary.to_json()
    print(f"{engine:10s} docs={s['documents']} ingested={s['ingested']} failed={s['failed']} "
          f"MB={summary.bytes / 1e6:.1f} seconds={summary.seconds:.1f} "
          f"docs/s={s['docs_per_s']} MB/s={s['mb_per_s']}", flush=True)
    for failure in summary.failures[:5]:
        print("  failed:", failure["reason"][:200])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not PAGES.exists():
        sys.exit(f"{PAGES} is absent")
    with tempfile.TemporaryDirectory() as folder:
        for engine in args.engines.split(","):
            run(engine, args.workers, Path(folder))


if __name__ == "__main__":
    main()
