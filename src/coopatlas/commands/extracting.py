"""``coopatlas extract`` and ``coopatlas eval``: one text to facts, and facts against the gold."""

from __future__ import annotations

from pathlib import Path

import click

from coopatlas.commands.base import cli, echo_json


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the contract's JSON object.")
def extract(file: Path, as_json: bool) -> None:
    """Extract every fact FILE states, each with its span and rule.

    Without --json, print the text with every fact marked under its line.
    """
    from coopatlas.extract.contract import to_contract
    from coopatlas.extract.render import render
    from coopatlas.pipeline import extract_path

    doc = extract_path(file)
    for warning in doc.warnings:
        click.echo(f"Warning: {file}: {warning}", err=True)
    if as_json:
        echo_json(to_contract(doc, name=file.stem))
    else:
        click.echo(render(doc))


@cli.command(name="eval")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              required=True, help="Folder of texts.")
@click.option("--gold", type=click.Path(exists=True, file_okay=False, path_type=Path),
              required=True, help="Folder of gold JSON files named like the texts.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(corpus: Path, gold: Path, as_json: bool) -> None:
    """Score extraction against hand annotations: P/R/F1 per field, then every miss."""
    from coopatlas.evaluate import evaluate_corpus, render_report
    from coopatlas.extract.contract import to_contract
    from coopatlas.pipeline import Pipeline, extract_path

    pipeline = Pipeline()
    report = evaluate_corpus(
        corpus, gold, lambda path: to_contract(extract_path(path, pipeline), name=path.stem)
    )
    if as_json:
        echo_json(report.to_json())
    else:
        click.echo(render_report(report))
