"""``ingest``: sources -> stored documents with their claims.

The parent process walks the inputs, skips content already stored (by content hash), hands
the rest to extraction workers and is the only writer (:mod:`coopatlas.ingest.writer`).
Writes are batched: a batch is one database transaction and each document inside it a
savepoint, so a document is stored whole or not at all, a failing one is rolled back alone
and recorded with its reason, and a ``kill -9`` loses at most the batch in flight, which
the next run redoes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from coopatlas.errors import AtlasError
from coopatlas.ingest.progress import Progress
from coopatlas.ingest.walk import count_sources, walk
from coopatlas.ingest.workers import Extracted, Extractor, Task, content_hash, run_tasks
from coopatlas.ingest.writer import BatchWriter

BATCH_DOCS = 64


@dataclass
class IngestSummary:
    """What a run did: counts, bytes, time, and every failure with its reason."""

    ingested: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    bytes: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return self.ingested + self.unchanged + self.failed

    def to_json(self) -> dict[str, Any]:
        """The machine-readable form (``coopatlas ingest --json``)."""
        out = asdict(self)
        out["documents"] = self.documents
        out["docs_per_s"] = round(self.documents / self.seconds, 2) if self.seconds else None
        out["mb_per_s"] = round(self.bytes / 1e6 / self.seconds, 3) if self.seconds else None
        return out

    def text(self) -> str:
        """A short human summary, one line per failure."""
        lines = [f"ingested {self.ingested}, unchanged {self.unchanged}, failed {self.failed} "
                 f"({self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s)"]
        lines += [f"  failed: {f['reason']}" for f in self.failures]
        return "\n".join(lines)

    def fail(self, source: str, reason: str) -> None:
        self.failed += 1
        self.failures.append({"source": source, "reason": reason})


def _write(session: Any, result: Extracted) -> str | None:
    from coopatlas.store import repo

    if result.document is None:
        reason = result.error or f"{result.source}: unknown error"
        repo.record_failure(session=session, source=result.source, reason=reason)
        return reason
    repo.save_document(session=session, document=result.document, claims=result.claims)
    return None


def _refused(session: Any, result: Extracted, exc: Exception) -> str:
    from coopatlas.store import repo

    reason = f"{result.source}: cannot store ({type(exc).__name__}: {exc})"
    repo.record_failure(session=session, source=result.source, reason=reason)
    return reason


def _writer(store: Any, summary: IngestSummary, batch_docs: int) -> BatchWriter[Extracted]:
    def report(result: Extracted, reason: str | None) -> None:
        if reason is None:
            summary.ingested += 1
        else:
            summary.fail(result.source, reason)

    return BatchWriter(store, write=_write, refused=_refused, report=report, size=batch_docs)


def _stored_hashes(store: Any) -> set[str]:
    from coopatlas.store import repo

    with store.session() as session:
        return repo.content_hashes(session=session)


def _tasks(sources: Iterable[tuple[str, bytes]], known: set[str], summary: IngestSummary,
           progress: Progress) -> Iterator[Task]:
    for source, data in sources:
        digest = content_hash(data)
        summary.bytes += len(data)
        if digest in known:
            summary.unchanged += 1
            progress.step(len(data))
            continue
        known.add(digest)
        yield Task(source, data, digest)


def ingest(paths: Iterable[str | Path], *, store: Any, progress: bool = True,
           workers: int = 2, extractor: Callable[[], Extractor] | None = None,
           stdin: BinaryIO | None = None, batch_docs: int = BATCH_DOCS) -> IngestSummary:
    """Store every source under ``paths`` (files, folders, archives, ``"-"``) with its claims.

    Idempotent: content already stored (same bytes) is counted ``unchanged`` and not
    extracted again. A source that cannot be read or extracted is recorded as failed with
    its reason and the run goes on. ``progress`` shows a bar on a terminal (stderr).
    ``extractor`` is a zero-argument factory of ``document -> claims`` (default: the full
    pipeline), built once per worker process. Writes go in transactions of ``batch_docs``
    documents (or of two seconds' worth), one savepoint per document.
    """
    summary = IngestSummary()
    started = time.monotonic()
    paths = list(paths)
    show = progress and sys.stderr.isatty()
    bar = Progress(enabled=show, total=count_sources(paths) if show else None)
    writer = _writer(store, summary, batch_docs)
    sources = walk(paths, on_error=lambda name, exc: _walk_failure(writer, name, exc),
                   stdin=stdin)
    tasks = _tasks(sources, _stored_hashes(store), summary, bar)
    factory = extractor or _default_factory()
    try:
        for result in run_tasks(tasks, workers=workers, factory=factory):
            writer.add(result)
            bar.step(result.size)
        writer.flush()
    finally:
        bar.close()
    summary.seconds = time.monotonic() - started
    return summary


def _default_factory() -> Callable[[], Extractor]:
    from coopatlas.ingest.workers import default_extractor

    return default_extractor


def _walk_failure(writer: BatchWriter[Extracted], name: str, exc: AtlasError) -> None:
    writer.add(Extracted(source=name, content_hash="", size=0, error=str(exc)))
