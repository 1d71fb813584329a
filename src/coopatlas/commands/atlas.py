"""Building and keeping the atlas: ingest, reextract, assemble, export, curate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from coopatlas.commands.base import cli, db_url, echo_json


def open_current_store(ctx: click.Context) -> Any:
    from coopatlas.store import open_store

    return open_store(db_url(ctx))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable summary.")
@click.option("--workers", default=2, show_default=True, help="Extraction processes.")
@click.option("--no-assemble", is_flag=True, help="Store documents and claims only.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], as_json: bool, workers: int,
           no_assemble: bool) -> None:
    """Store files, folders, .tar.gz/.zip archives or - (stdin) with their facts.

    Idempotent by content hash; a broken file is recorded as failed and the others go on.
    Afterwards the atlas (forums, partnerships, series, conflicts) is assembled again.
    """
    from coopatlas.atlas.assemble import assemble
    from coopatlas.ingest.run import ingest as run_ingest

    store = open_current_store(ctx)
    summary = run_ingest(paths, store=store, progress=not as_json, workers=workers,
                         stdin=sys.stdin.buffer)
    counts = {} if no_assemble else assemble(store).counts()
    _report(summary, counts, as_json)
    if summary.failed and not summary.ingested and not summary.unchanged:
        ctx.exit(1)


def _report(summary: Any, counts: dict[str, int], as_json: bool) -> None:
    """An ingest's or a reextract's summary and the assembled atlas's counts."""
    if as_json:
        echo_json({**summary.to_json(), "atlas": counts})
    else:
        click.echo(summary.text())
        if counts:
            click.echo("atlas: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@cli.command()
@click.option("--only-older", is_flag=True, help="Only documents of an older extractor version.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable summary.")
@click.option("--workers", default=2, show_default=True, help="Extraction processes.")
@click.option("--no-assemble", is_flag=True, help="Rewrite claims only.")
@click.pass_context
def reextract(ctx: click.Context, only_older: bool, as_json: bool, workers: int,
              no_assemble: bool) -> None:
    """Re-derive the claims of stored documents with this extractor; curated values stay.

    Documents stream from the store in pages, so any store size runs in bounded memory.
    Afterwards the atlas is assembled again from the new claims.
    """
    from coopatlas.atlas.assemble import assemble
    from coopatlas.ingest.reextract import reextract as run_reextract

    store = open_current_store(ctx)
    summary = run_reextract(store, only_older=only_older, workers_count=workers,
                            progress=not as_json)
    counts = {} if no_assemble else assemble(store).counts()
    _report(summary, counts, as_json)


@cli.command()
@click.pass_context
def assemble(ctx: click.Context) -> None:
    """Rebuild the atlas records from the stored claims (ingest does this already)."""
    from coopatlas.atlas.assemble import assemble as run_assemble

    echo_json(run_assemble(open_current_store(ctx)).counts())


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "geojson", "parquet"]),
              required=True)
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="A folder (csv, geojson, parquet) or a .json file.")
@click.pass_context
def export(ctx: click.Context, fmt: str, out: Path) -> None:
    """Write forums, regions, partnerships, agreements, indicators, conflicts and claims."""
    from coopatlas.export import export as run_export

    for path in run_export(open_current_store(ctx), fmt, out):
        click.echo(str(path))


# ---------------------------------------------------------------- curation


@cli.group()
def curate() -> None:
    """Correct, retract and revert atlas records; every edit keeps who, when, what and why."""


AUTHOR = click.option("--author", required=True, help="Who makes the edit.")
REASON = click.option("--reason", required=True, help="Why (kept in the history).")
RECORD_TYPES = click.Choice(["forum_edition", "twin_pair", "partnership", "agreement",
                             "indicator_observation", "conflict"])


@curate.command(name="set")
@click.argument("record_type", type=RECORD_TYPES)
@click.argument("key")
@click.argument("field")
@click.argument("value")
@AUTHOR
@REASON
@click.pass_context
def curate_set(ctx: click.Context, record_type: str, key: str, field: str, value: str,
               author: str, reason: str) -> None:
    """Set FIELD of the record KEY (e.g. forum_edition 16 theme "Cross-border cooperation").

    VALUE is read as JSON when it parses (numbers, null, lists), else as text.
    """
    from coopatlas.atlas.curation import correct

    edit = correct(open_current_store(ctx), record_type, key, field, _value(value),
                   author=author, reason=reason)
    click.echo(f"edit {edit.edit_id}: {record_type} {key} {field}: {edit.old_value!r} -> "
               f"{edit.new_value!r}")


@curate.command(name="retract")
@click.argument("record_type", type=RECORD_TYPES)
@click.argument("key")
@AUTHOR
@REASON
@click.pass_context
def curate_retract(ctx: click.Context, record_type: str, key: str, author: str,
                   reason: str) -> None:
    """Hide a wrong record from the atlas; its history stays and it can be reverted."""
    from coopatlas.atlas.curation import retract

    edit = retract(open_current_store(ctx), record_type, key, author=author, reason=reason)
    click.echo(f"edit {edit.edit_id}: retracted {record_type} {key}")


@curate.command(name="revert")
@click.argument("edit_id", type=int)
@AUTHOR
@REASON
@click.pass_context
def curate_revert(ctx: click.Context, edit_id: int, author: str, reason: str) -> None:
    """Undo edit EDIT_ID (the revert is itself recorded)."""
    from coopatlas.atlas.curation import revert

    edit = revert(open_current_store(ctx), edit_id, author=author, reason=reason)
    click.echo(f"edit {edit.edit_id}: reverted edit {edit_id}")


@curate.command(name="history")
@click.option("--type", "record_type", type=RECORD_TYPES, default=None)
@click.option("--key", default=None)
@click.pass_context
def curate_history(ctx: click.Context, record_type: str | None, key: str | None) -> None:
    """Every edit, oldest first: when, who, what, why."""
    from coopatlas.atlas.curation import history

    for e in history(open_current_store(ctx), record_type, key):
        click.echo(f"{e.edit_id:>4} {e.at:%Y-%m-%d %H:%M} {e.author:<12} {e.action:<8} "
                   f"{e.record_type} {e.record_key} {e.field}: {e.old_value!r} -> "
                   f"{e.new_value!r}  ({e.reason})")


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def forums(ctx: click.Context, as_json: bool) -> None:
    """Every forum edition, from the texts and the curated reference, field by field.

    A field both state differently is marked '≠' with both values; nothing is resolved.
    """
    from coopatlas.atlas.reference_check import stored_timeline

    timeline = stored_timeline(open_current_store(ctx))
    if as_json:
        echo_json([e.to_json() for e in timeline])
        return
    for entry in timeline:
        where = "texts+ref" if entry.in_texts and entry.in_reference else (
            "texts" if entry.in_texts else "ref")
        cells = []
        for f in entry.fields:
            value = f.extracted if f.extracted is not None else f.reference
            if f.status == "differ":
                cells.append(f"{f.field}={f.extracted}≠{f.reference}")
            elif value is not None and f.field != "theme":
                cells.append(f"{f.field}={value}")
        click.echo(f"{entry.edition:>3} [{where:<9}] " + " ".join(cells))
