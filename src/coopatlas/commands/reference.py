"""``coopatlas regions``: the reference gazetteer's regions."""

from __future__ import annotations

import click

from coopatlas.commands.base import cli, echo_json


@cli.command()
@click.option("--country", type=click.Choice(["RU", "KZ"], case_sensitive=False), default=None,
              help="Only the regions of one country.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def regions(country: str | None, as_json: bool) -> None:
    """List the reference regions: ISO 3166-2 code, type, names, centre, border flag."""
    from coopatlas.gazetteer import load_gazetteer

    rows = load_gazetteer().regions(country.upper() if country else None)
    if as_json:
        echo_json([r.to_json() for r in rows])
        return
    for r in rows:
        border = "border" if r.border else ""
        click.echo(f"{r.code:<7} {r.type:<18} {r.name_en:<34} {r.name_ru:<34} {border}")
    click.echo(f"{len(rows)} regions")
