"""The root ``coopatlas`` group and the helpers every command module shares.

Every AtlasError (and every OSError about a user's path) becomes one ``Error: ...`` line and a
non-zero exit; tracebacks are for bugs only.
"""

from __future__ import annotations

import json
from typing import Any

import click

from coopatlas.config import DB_ENV, store_url
from coopatlas.errors import AtlasError

DB_HELP = (f"Store URL (sqlite:///file.db or postgresql+psycopg://host/db); "
           f"default: ${DB_ENV}, else ./coopatlas.db")


class AtlasGroup(click.Group):
    """A click group that turns library errors into one readable line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AtlasError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            name = getattr(exc, "filename", None)
            where = f"{name}: " if name else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from exc


@click.group(cls=AtlasGroup)
@click.option("--db", "db", metavar="URL", default=None, help=DB_HELP)
@click.version_option(package_name="coopatlas")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """coopatlas — the Cooperation Atlas of Russia–Kazakhstan interregional cooperation."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


def db_url(ctx: click.Context) -> str:
    """The store URL for this invocation: --db, else $COOPATLAS_DB, else ./coopatlas.db."""
    root = ctx.find_root()
    return store_url(root.obj.get("db") if root.obj else None)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
