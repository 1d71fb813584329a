"""Agreement between two annotators of one text: a second, blind annotation of a page that
turned out to be a seed text, scored against the seed's gold as if it were an extraction.

    .venv/bin/python benchmarks/heldout/agreement.py

The figures say how far two careful people differ on the contract (the ceiling any
extractor's score is read against); each file in ``agreement/`` names its seed in
``same_text_as``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from coopatlas.evaluate import Report, compare, load_gold, render_report

HERE = Path(__file__).resolve().parent
SEED_GOLD = HERE.parents[2] / "shared" / "gold"


def main() -> None:
    if not SEED_GOLD.is_dir():
        sys.exit(f"error: {SEED_GOLD} not found (needs ../shared/gold)")
    report = Report()
    for path in sorted((HERE / "agreement").glob("*.json")):
        second = json.loads(path.read_text(encoding="utf-8"))
        first = load_gold(SEED_GOLD / f"{second['same_text_as']}.json")
        report.add(compare(second, first, path.stem))
    print(render_report(report))


if __name__ == "__main__":
    main()
