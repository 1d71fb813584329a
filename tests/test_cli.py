"""The `coopatlas` command as a user meets it: help, output, and one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopatlas.cli import main  # noqa: F401  (registers every command)
from coopatlas.commands.base import cli

README = Path(__file__).resolve().parents[1] / "README.md"

FIXTURE = """Events
Meeting of the heads of the border regions
May 14, 2019
Samara
1 of 3
President of Russia Vladimir Putin: Good afternoon, colleagues.
Trade between Samara Region and West Kazakhstan Region grew by 12 percent last year.
The twin cities of Omsk and Pavlodar will host the next meeting.
"""


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def _commands() -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for name, command in cli.commands.items():
        out.append((name,))
        for sub in getattr(command, "commands", {}):
            out.append((name, sub))
    return out


@pytest.mark.parametrize("path", _commands(), ids=" ".join)
def test_every_command_has_help_and_is_in_the_readme(path: tuple[str, ...]) -> None:
    result = run(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert f"coopatlas {path[0]}" in README.read_text(encoding="utf-8")


def test_regions_json_lists_both_countries_with_codes_and_names() -> None:
    rows = json.loads(run("regions", "--json").output)
    codes = {r["code"] for r in rows}
    assert {"RU-OMS", "RU-ALT", "RU-AL", "KZ-55", "KZ-10", "KZ-33", "KZ-62", "KZ-71"} <= codes
    kz = json.loads(run("regions", "--country", "KZ", "--json").output)
    assert len(kz) == 20 and all(r["code"].startswith("KZ-") for r in kz)


def test_extract_json_and_human_view(tmp_path: Path) -> None:
    source = tmp_path / "meeting.txt"
    source.write_text(FIXTURE, encoding="utf-8")
    out = json.loads(run("extract", str(source), "--json").output)
    assert out["published"] == "2019-05-14"
    assert {"RU-SAM", "KZ-27"} <= set(out["regions"])
    assert [12, "percent", "trade_growth", "2018"] in [
        [f["value"], f["unit"], f["indicator"], f["period"]] for f in out["figures"]]
    assert ["Omsk", "Pavlodar"] in out["twin_pairs"]
    human = run("extract", str(source)).output
    assert re.search(r"\^+ figure 12 percent trade_growth 2018", human)


@pytest.mark.parametrize("args,message", [
    (("extract", "no/such/file.txt"), "no/such/file.txt"),
    (("--db", "nosuchdriver://x", "regions"), None),
    (("--db", "nosuchdriver://x/y", "assemble"), "nosuchdriver"),
    (("--db", "postgresql+psycopg://nobody@127.0.0.1:1/x", "assemble"), "127.0.0.1"),
    (("--db", "sqlite:////no/such/folder/x.db", "assemble"), "/no/such/folder"),
])
def test_user_mistakes_give_one_line_and_nonzero_exit(args: tuple[str, ...],
                                                     message: str | None) -> None:
    result = run(*args)
    if message is None:  # regions needs no store: a bad URL there is harmless
        assert result.exit_code == 0
        return
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:") and message in lines[0], lines
    assert "Traceback" not in result.output


def test_empty_and_binary_files_are_named_in_the_error(tmp_path: Path) -> None:
    empty, binary = tmp_path / "empty.txt", tmp_path / "blob.txt"
    empty.write_bytes(b"")
    binary.write_bytes(bytes(range(256)) * 40)
    for path in (empty, binary):
        result = run("extract", str(path), "--json")
        assert result.exit_code == 1 and str(path) in result.output, result.output
