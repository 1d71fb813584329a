"""Throughput of the whole `extract` pipeline over the Kremlin HTML pages, beside two baselines.

    .venv/bin/python benchmarks/bench_extract.py [--limit N] [--archive PATH]

Reads every page of ../shared/corpus/kremlin-en-2020/pages.tar.gz once (untimed) into memory,
then times, over the same body texts, in one run (each part the fastest of --repeat runs):
  1. `len(text.split())`            the floor any Python pass over the text pays;
  2. spaCy's blank English tokenizer (when spaCy is installed);
  3. the reader (HTML -> Document) and each extraction stage, single process;
  4. the reader's floor: what any HTML reader pays before its own rules (decode the bytes,
     hash them for the document's identity, parse the article with lexbor and take its text).
Prints MB/s of body text, documents/s, peak memory, each stage's share, and the ratios of the
pipeline to the two baselines. The goal (issue 3): the pipeline at >= 1/10 of the split() rate.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from bench_readers import load_pages  # same folder: one page loader for both benchmarks

from coopatlas.doc import Doc
from coopatlas.errors import AtlasError
from coopatlas.model import Document
from coopatlas.pipeline import Pipeline
from coopatlas.sources import read_bytes
from coopatlas.sources.html import KREMLIN_BODY, _kremlin_fragment

ARCHIVE = Path(__file__).resolve().parents[2] / "shared/corpus/kremlin-en-2020/pages.tar.gz"


def rate(nbytes: int, seconds: float) -> str:
    return f"{nbytes / 1e6 / seconds:8.2f} MB/s"


def best_of(repeat: int, run: Callable[[], float]) -> float:
    """The fastest of ``repeat`` runs (seconds): the least disturbed by other work."""
    return min(run() for _ in range(repeat))


def timed(run: Callable[[], object]) -> Callable[[], float]:
    def once() -> float:
        t0 = time.perf_counter()
        run()
        return time.perf_counter() - t0
    return once


def read_all(pages: list[tuple[str, bytes]]) -> tuple[list[Document], int]:
    documents, failed = [], 0
    for name, data in pages:
        try:
            documents.append(read_bytes(data, name, ".html"))
        except AtlasError:
            failed += 1
    return documents, failed


def read_floor(pages: list[tuple[str, bytes]]) -> None:
    """Decode, hash, parse the article (lexbor, the fastest parser we have) and take the
    body's text: the part of reading that no rule of ours adds to."""
    from selectolax.lexbor import LexborHTMLParser

    for _, data in pages:
        html = data.decode("utf-8", "replace")
        hashlib.sha256(data).hexdigest()
        fragment = _kremlin_fragment(html) or html
        body = LexborHTMLParser(fragment).css_first(KREMLIN_BODY)
        if body is not None:
            body.text(deep=True)


def stage_timings(documents: list[Document], pipeline: Pipeline) -> tuple[dict[str, float], int]:
    timings: dict[str, float] = defaultdict(float)
    claims = 0
    for document in documents:
        doc = Doc(document)
        for stage_name, stage in pipeline.stages:
            t0 = time.perf_counter()
            doc = stage(doc)
            timings[stage_name] += time.perf_counter() - t0
        claims += len(doc.claims)
    return timings, claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each measured part; the fastest counts (default 3)")
    args = parser.parse_args()
    pages = load_pages(args.archive, args.limit)
    pipeline = Pipeline()
    repeat = max(1, args.repeat)

    documents, failed = read_all(pages)
    read_s = best_of(repeat, timed(lambda: read_all(pages)))
    floor_s = best_of(repeat, timed(lambda: read_floor(pages)))
    texts = [d.text for d in documents]
    body = sum(len(t.encode()) for t in texts)
    words = sum(len(t.split()) for t in texts)
    split_s = best_of(repeat, timed(lambda: [len(t.split()) for t in texts]))

    spacy_s = None
    try:
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        spacy_s = best_of(repeat, timed(lambda: [tokenizer(t) for t in texts]))
    except ImportError:
        pass

    runs = [stage_timings(documents, pipeline) for _ in range(repeat)]
    timings, claims = min(runs, key=lambda run: sum(run[0].values()))
    extract_s = sum(timings.values())
    timings["read (HTML -> text)"] = read_s
    total_s = extract_s + read_s
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"pages: {len(pages)} ({failed} unreadable); body text {body / 1e6:.1f} MB, "
          f"{words:,} words; {claims:,} claims; fastest of {repeat} runs each")
    print(f"baseline split():          {rate(body, split_s)}")
    if spacy_s:
        print(f"baseline spaCy blank('en'): {rate(body, spacy_s)}")
    print(f"stages (extract, no read): {rate(body, extract_s)}  "
          f"{len(documents) / extract_s:8.1f} docs/s")
    print(f"whole pipeline (read+all): {rate(body, total_s)}  "
          f"{len(documents) / total_s:8.1f} docs/s")
    print(f"reader floor (decode+hash+lexbor parse+text): {rate(body, floor_s)}  "
          f"= 1/{floor_s / split_s:.1f} of split() before any rule; our reader: "
          f"1/{read_s / split_s:.1f}")
    print(f"ratio stages/split(): 1/{split_s and extract_s / split_s:.1f}; "
          f"whole/split(): 1/{total_s / split_s:.1f}"
          + (f"; whole/spaCy: {spacy_s / total_s:.2f}x" if spacy_s else ""))
    print(f"peak memory: {peak_mb:.0f} MB (pages held in memory included)")
    print("profile:")
    for name, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<24} {seconds:8.2f} s  {100 * seconds / total_s:5.1f}%")


if __name__ == "__main__":
    main()
