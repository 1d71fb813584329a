"""``reextract(store)``: re-derive the claims of stored documents under the current extractor.

The stored documents (their normalised text and segments) are streamed from the store a
page at a time (keyset paging, :func:`coopatlas.store.repo.document_page`), run through the
pipeline in worker processes and their claims replaced by the batched single writer (one
transaction per batch, one savepoint per document). Memory holds one page plus the
documents in flight, however large the store. A document whose extraction fails keeps its
old claims and is reported. Curated values live apart (the curation overlay) and are never
touched; run ``assemble`` afterwards to rebuild the atlas records from the new claims.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from coopatlas.ingest import workers
from coopatlas.ingest.progress import Progress
from coopatlas.ingest.writer import BatchWriter
from coopatlas.model import EXTRACTOR_VERSION, Claim, Document

PAGE_DOCS = 200


@dataclass
class ReextractSummary:
    """What a run did: documents re-derived, claims written, failures with their reasons."""

    documents: int = 0
    claims: int = 0
    failed: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    bytes: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The machine-readable form (``coopatlas reextract --json``)."""
        out = asdict(self)
        done = self.documents + self.failed
        out["docs_per_s"] = round(done / self.seconds, 2) if self.seconds else None
        return out

    def text(self) -> str:
        """A short human summary, one line per failure."""
        lines = [f"re-extracted {self.documents} documents ({self.claims} claims), "
                 f"failed {self.failed} ({self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s)"]
        lines += [f"  failed: {f['reason']}" for f in self.failures]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Rederived:
    """One document's new claims, or why they could not be derived."""

    doc_id: str
    source: str
    size: int
    claims: tuple[Claim, ...] = ()
    error: str | None = None


def rederive(document: Document) -> Rederived:
    """Run the worker's pipeline over one stored document (in a worker process)."""
    size = len(document.text.encode())
    try:
        assert workers._PIPELINE is not None, "worker not initialised"
        claims = tuple(workers._PIPELINE(document))
    except Exception as exc:  # recorded, the run goes on
        error = f"{document.source}: {type(exc).__name__}: {exc}"
        return Rederived(document.doc_id, document.source, size, error=error)
    return Rederived(document.doc_id, document.source, size, claims)


def _documents(store: Any, not_version: str | None, page_docs: int) -> Iterator[Document]:
    """Every stored document (of another version than ``not_version``), a page at a time."""
    from coopatlas.store import repo

    after = 0
    while True:
        with store.session() as session:
            page = repo.document_page(session=session, after=after, limit=page_docs,
                                      not_version=not_version)
        if not page.documents:
            return
        yield from page.documents
        after = page.after


def _writer(store: Any, summary: ReextractSummary, version: str,
            batch_docs: int) -> BatchWriter[Rederived]:
    from coopatlas.store import repo

    def write(session: Any, result: Rederived) -> str | None:
        if result.error is not None:
            return result.error  # the old claims stay
        repo.replace_claims(session=session, doc_id=result.doc_id, claims=result.claims,
                            extractor_version=version)
        return None

    def refused(session: Any, result: Rederived, exc: Exception) -> str:
        return f"{result.source}: cannot store ({type(exc).__name__}: {exc})"

    def report(result: Rederived, reason: str | None) -> None:
        if reason is None:
            summary.documents += 1
            summary.claims += len(result.claims)
        else:
            summary.failed += 1
            summary.failures.append({"doc_id": result.doc_id, "reason": reason})

    return BatchWriter(store, write=write, refused=refused, report=report, size=batch_docs)


def _count(store: Any, not_version: str | None) -> int:
    from coopatlas.store import repo

    with store.session() as session:
        return repo.count_documents(session=session, not_version=not_version)


def reextract(store: Any, *, workers_count: int = 2, only_older: bool = False,
              extractor: Callable[[], workers.Extractor] | None = None,
              version: str = EXTRACTOR_VERSION, progress: bool = False,
              page_docs: int = PAGE_DOCS) -> ReextractSummary:
    """Replace the claims of every stored document with a fresh extraction.

    Each document is stamped ``version`` (the current extractor's); with ``only_older``
    documents already at that version are skipped, so an interrupted run resumes where it
    stopped. ``progress`` shows a bar on a terminal (stderr). Documents are read and written
    ``page_docs`` at a time.
    """
    summary = ReextractSummary()
    started = time.monotonic()
    not_version = version if only_older else None
    show = progress and sys.stderr.isatty()
    bar = Progress(enabled=show, total=_count(store, not_version) if show else None,
                   desc="reextract")
    writer = _writer(store, summary, version, page_docs)
    documents = _documents(store, not_version, page_docs)
    try:
        for result in workers.run_pool(documents, rederive, workers=workers_count,
                                       factory=extractor or workers.default_extractor):
            writer.add(result)
            summary.bytes += result.size
            bar.step(result.size)
        writer.flush()
    finally:
        bar.close()
    summary.seconds = time.monotonic() - started
    return summary
