"""``reextract(store)``: re-derive the claims of stored documents under the current extractor.

Documents are read back from the store (their normalised text), run through the pipeline in
worker processes and their claims replaced, one document per transaction. Curated values
live apart (the curation overlay) and are never touched; run ``assemble`` afterwards to
rebuild the atlas records from the new claims.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from coopatlas.ingest import workers
from coopatlas.model import EXTRACTOR_VERSION, Claim, Document


@dataclass
class ReextractSummary:
    documents: int = 0
    claims: int = 0
    failed: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)


def _extract(document: Document) -> tuple[str, list[Claim] | str]:
    try:
        assert workers._PIPELINE is not None
        return document.doc_id, workers._PIPELINE(document)
    except Exception as exc:  # recorded, the run goes on
        return document.doc_id, f"{document.source}: {type(exc).__name__}: {exc}"


def _documents(store: Any, only_older: bool) -> Iterator[Document]:
    from coopatlas.store import repo

    with store.session() as session:
        listed = repo.list_documents(session=session, limit=10**9)
    for stored in listed:
        if only_older and stored.extractor_version == EXTRACTOR_VERSION:
            continue
        with store.session() as session:
            yield repo.load_document(session=session, doc_id=stored.doc_id)


def reextract(store: Any, *, workers_count: int = 2, only_older: bool = False,
              extractor: Callable[[], workers.Extractor] | None = None) -> ReextractSummary:
    """Replace the claims of every stored document (or, with ``only_older``, of those
    extracted by an older extractor version) with a fresh extraction."""
    from coopatlas.store import repo

    workers._init(extractor or workers.default_extractor)
    summary = ReextractSummary()
    documents = _documents(store, only_older)
    pool = ProcessPoolExecutor(workers_count) if workers_count > 0 else None
    results = pool.map(_extract, documents, chunksize=4) if pool else map(_extract, documents)
    try:
        for doc_id, claims in results:
            if isinstance(claims, str):
                summary.failed += 1
                summary.failures.append({"doc_id": doc_id, "reason": claims})
                continue
            with store.session() as session:
                summary.claims += repo.replace_claims(session=session, doc_id=doc_id,
                                                      claims=claims)
            summary.documents += 1
    finally:
        if pool:
            pool.shutdown()
    return summary
