"""Entry point of the ``coopatlas`` console script: the root group plus every command module."""

from __future__ import annotations

from coopatlas.commands import atlas, extracting, reference, web  # noqa: F401  (registration)
from coopatlas.commands.base import cli


def main() -> None:
    cli(prog_name="coopatlas")


__all__ = ["cli", "main"]
