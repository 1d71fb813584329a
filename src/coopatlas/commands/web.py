"""``serve``, ``demo`` and ``users``: the portal and API, the bundled sample atlas, accounts."""

from __future__ import annotations

from pathlib import Path

import click

from coopatlas.commands.base import cli, db_url, echo_json

DEMO_DB = "coopatlas-demo.db"
DEMO_USER, DEMO_PASSWORD = "demo", "demo"


def _serve(url: str, host: str, port: int) -> None:
    import uvicorn

    from coopatlas.api.app import create_app

    click.echo(f"coopatlas portal on http://{host}:{port}/  (API docs /api/docs; Ctrl+C stops)")
    uvicorn.run(create_app(url), host=host, port=port, log_level="warning")


HOST = click.option("--host", default="127.0.0.1", show_default=True)
PORT = click.option("--port", default=8000, show_default=True, type=int)


@cli.command()
@HOST
@PORT
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the portal and the JSON API over the store."""
    from coopatlas.store import open_store

    url = db_url(ctx)
    open_store(url)  # fail here, in one line, on a bad URL or an unreachable server
    _serve(url, host, port)


@cli.command()
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Build from your own texts instead of the bundled sample.")
@click.option("--no-serve", is_flag=True, help="Build the atlas and print what it holds; exit.")
@HOST
@PORT
@click.pass_context
def demo(ctx: click.Context, corpus: Path | None, no_serve: bool, host: str, port: int) -> None:
    """Build an atlas from the bundled sample corpus (or --corpus DIR) and serve the portal.

    Without --db it writes ./coopatlas-demo.db, so it never mixes with your own store. A curator
    account demo/demo is created in the demo store for trying curation.
    """
    from coopatlas.demo import build_demo

    root = ctx.find_root()
    url = db_url(ctx) if root.obj.get("db") else f"sqlite:///{Path(DEMO_DB).resolve()}"
    report = build_demo(url, corpus, user=(DEMO_USER, DEMO_PASSWORD))
    echo_json(report)
    if not no_serve:
        click.echo(f"log in as {DEMO_USER}/{DEMO_PASSWORD} to curate")
        _serve(url, host, port)


@cli.group()
def users() -> None:
    """Portal accounts: readers, curators and admins."""


@users.command(name="add")
@click.argument("username")
@click.option("--role", type=click.Choice(["reader", "curator", "admin"]), default="curator",
              show_default=True)
@click.password_option()
@click.pass_context
def users_add(ctx: click.Context, username: str, role: str, password: str) -> None:
    """Create an account (the password is stored hashed with argon2)."""
    from coopatlas.api.auth import add_user
    from coopatlas.store import open_store

    with open_store(db_url(ctx)).session(write=True) as session:
        made = add_user(session, username, password, role)
    click.echo(f"created {made['username']} ({made['role']})")
