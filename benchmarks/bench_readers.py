"""Throughput of the readers (HTML -> Document) and of the sentence stage.

    .venv/bin/python benchmarks/bench_readers.py [--limit N] [--archive PATH] [--generic N]

Loads the Kremlin HTML pages of ../shared/corpus/kremlin-en-2020/pages.tar.gz into memory
(untimed), then times, single process:
  1. `len(text.split())` over the extracted body texts (the floor of any Python pass);
  2. the HTML reader on every page (structural path), as MB/s of HTML, MB/s of text, docs/s;
  3. the sentence stage over the Documents (MB/s of text);
  4. the plain-text reader over the seeds (and the same texts repeated), MB/s;
  5. trafilatura's generic path on the first N pages (``--generic``), for comparison.
"""

from __future__ import annotations

import argparse
import tarfile
import time
from pathlib import Path

from coopatlas.doc import Doc
from coopatlas.errors import AtlasError
from coopatlas.sources import read_bytes
from coopatlas.text.sentences import sentences_stage

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARCHIVE = SHARED / "corpus/kremlin-en-2020/pages.tar.gz"
SEEDS = SHARED / "corpus/seeds"


def load_pages(archive: Path, limit: int | None) -> list[tuple[str, bytes]]:
    pages: list[tuple[str, bytes]] = []
    with tarfile.open(archive) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".html"):
                handle = tar.extractfile(member)
                if handle is not None:
                    pages.append((member.name, handle.read()))
                if limit and len(pages) >= limit:
                    break
    return pages


def mbps(nbytes: int, seconds: float) -> float:
    return nbytes / 1e6 / max(seconds, 1e-9)


def bench_html(pages: list[tuple[str, bytes]]) -> list:
    docs, failed = [], 0
    t0 = time.perf_counter()
    for name, data in pages:
        try:
            docs.append(read_bytes(data, name, ".html"))
        except AtlasError:
            failed += 1
    seconds = time.perf_counter() - t0
    html_bytes = sum(len(d) for _, d in pages)
    text_bytes = sum(len(d.text.encode()) for d in docs)
    print(f"html reader: {len(pages)} pages, {failed} failed, {seconds:.1f} s, "
          f"{mbps(html_bytes, seconds):.1f} MB/s of HTML, {mbps(text_bytes, seconds):.2f} MB/s "
          f"of text, {len(pages) / seconds:.0f} docs/s")
    return docs


def bench_split(texts: list[str]) -> float:
    size = sum(len(t.encode()) for t in texts)
    t0 = time.perf_counter()
    for text in texts:
        len(text.split())
    rate = mbps(size, time.perf_counter() - t0)
    print(f"str.split baseline: {rate:.1f} MB/s of text")
    return rate


def bench_sentences(docs: list) -> None:
    size = sum(len(d.text.encode()) for d in docs)
    t0 = time.perf_counter()
    count = sum(len(sentences_stage(Doc(d)).sentences) for d in docs)
    seconds = time.perf_counter() - t0
    print(f"sentences: {count} sentences, {mbps(size, seconds):.1f} MB/s of text")


def bench_plain(repeat: int = 50) -> None:
    seeds = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    size = sum(len(d) for _, d in seeds) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for name, data in seeds:
            read_bytes(data, name, ".txt")
    print(f"txt reader (seeds x{repeat}): {mbps(size, time.perf_counter() - t0):.1f} MB/s")


def bench_generic(pages: list[tuple[str, bytes]]) -> None:
    import trafilatura

    t0 = time.perf_counter()
    for _, data in pages:
        trafilatura.extract(data.decode("utf-8", "replace"))
    seconds = time.perf_counter() - t0
    size = sum(len(d) for _, d in pages)
    print(f"trafilatura on {len(pages)} pages: {mbps(size, seconds):.1f} MB/s of HTML, "
          f"{len(pages) / seconds:.0f} docs/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--generic", type=int, default=200)
    args = parser.parse_args()
    pages = load_pages(args.archive, args.limit)
    docs = bench_html(pages)
    split_rate = bench_split([d.text for d in docs])
    print(f"goal: >= {split_rate / 10:.1f} MB/s of text (1/10 of split)")
    bench_sentences(docs)
    if SEEDS.exists():
        bench_plain()
    if args.generic:
        bench_generic(pages[: args.generic])


if __name__ == "__main__":
    main()
