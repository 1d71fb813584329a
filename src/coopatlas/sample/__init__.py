"""The sample corpus the project ships for ``coopatlas demo``.

Short texts written by the project in the genre of official transcripts, press releases
and news about the Russia–Kazakhstan Interregional Cooperation Forum; see ``README.md``.
"""

from __future__ import annotations

from pathlib import Path

CORPUS_DIR = Path(__file__).with_name("corpus")


def sample_paths() -> list[Path]:
    """The sample texts, in file-name order (roughly chronological)."""
    return sorted(CORPUS_DIR.glob("*.txt"))
