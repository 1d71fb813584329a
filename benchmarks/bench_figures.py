"""Throughput of the figures stage over the five seed texts repeated, beside `str.split()`.

    .venv/bin/python benchmarks/bench_figures.py [--repeat N]

Builds one Document per seed text repeated N times (sentences split once, untimed), then
times `len(text.split())` and `figures_stage` over the same texts and prints MB/s.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from coopatlas.doc import Doc
from coopatlas.extract.figures import figures_stage
from coopatlas.model import Document
from coopatlas.text.sentences import sentences_stage

SEEDS = Path(__file__).resolve().parents[2] / "shared/corpus/seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    texts = ["\n".join([p.read_text()] * args.repeat) for p in sorted(SEEDS.glob("*.txt"))]
    nbytes = sum(len(t.encode()) for t in texts)
    docs = [sentences_stage(Doc(Document(f"d{i}", "bench", t, f"h{i}"))) for i, t in
            enumerate(texts)]
    start = time.perf_counter()
    for t in texts:
        len(t.split())
    split_s = time.perf_counter() - start
    start = time.perf_counter()
    claims = 0
    for doc in docs:
        doc.claims.clear()
        claims += len(figures_stage(doc).claims)
    stage_s = time.perf_counter() - start
    print(f"{nbytes / 1e6:.2f} MB, {claims} figure claims")
    print(f"split():       {nbytes / 1e6 / split_s:8.2f} MB/s")
    print(f"figures_stage: {nbytes / 1e6 / stage_s:8.2f} MB/s "
          f"({split_s / stage_s:.3f} of split)")


if __name__ == "__main__":
    main()
