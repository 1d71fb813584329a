"""Alembic environment: runs over the connection the store hands in, or the configured URL.

For development, ``alembic -x url=sqlite:///dev.db -c <ini> revision --autogenerate`` works
with an ini whose ``script_location`` points here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from coopatlas.store.tables import Base

TARGET = Base.metadata


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=TARGET,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url")
    url = url or context.config.get_main_option("sqlalchemy.url")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


main()
