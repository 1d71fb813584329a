"""The single writer on real stores: one transaction per batch, one savepoint per document."""

from __future__ import annotations

import sqlalchemy as sa

from coopatlas.ingest.run import ingest
from coopatlas.model import Claim, Document, Span
from coopatlas.store import repo
from test_ingest_run import _corpus, available_pipeline

WRITES = ("INSERT", "UPDATE", "DELETE")


class Transactions:
    """Counts, on the real engine, commits that wrote something and savepoint outcomes."""

    def __init__(self, engine: sa.Engine) -> None:
        self.writing_commits = self.savepoints = self.rolled_back = 0
        self._wrote = False
        sa.event.listen(engine, "before_cursor_execute", self._statement)
        sa.event.listen(engine, "commit", self._commit)
        sa.event.listen(engine, "savepoint", self._savepoint)
        sa.event.listen(engine, "rollback_savepoint", self._rollback_savepoint)

    def _statement(self, conn, cursor, statement: str, *args: object) -> None:
        self._wrote = self._wrote or statement.lstrip().upper().startswith(WRITES)

    def _commit(self, conn) -> None:
        self.writing_commits += self._wrote
        self._wrote = False

    def _savepoint(self, conn, name) -> None:
        self.savepoints += 1

    def _rollback_savepoint(self, conn, name, context) -> None:
        self.rolled_back += 1


def refusing_third():
    """The real pipeline, plus a claim the store refuses (no rule: NOT NULL) for doc 3."""
    extract = available_pipeline()

    def run(document: Document) -> list[Claim]:
        claims = extract(document)
        if document.source.endswith("doc_0002.txt"):
            claims.append(Claim("city", document.doc_id, Span(0, 4), "Omsk", None))  # type: ignore[arg-type]
        return claims
    return run


def test_document_3_of_5_refused_by_the_store_the_others_kept_in_one_commit(store, tmp_path):
    root = _corpus(tmp_path / "in", 5)
    counted = Transactions(store.engine)
    summary = ingest([root], store=store, progress=False, workers=0, extractor=refusing_third)
    assert (summary.ingested, summary.failed) == (4, 1)
    third = str(root / "doc_0002.txt")
    assert summary.failures[0]["source"] == third
    assert "cannot store" in summary.failures[0]["reason"]
    assert counted.writing_commits == 1  # the whole batch, not one commit per document
    assert (counted.savepoints, counted.rolled_back) == (6, 1)  # 5 documents + the failure
    with store.session() as session:
        kept = {d.source for d in repo.list_documents(session=session)}
        failed = repo.list_documents(session=session, status="failed")
        claimed = {c.doc_id for c in repo.find_claims(session=session)}
    assert kept == {str(root / f"doc_{i:04d}.txt") for i in (0, 1, 3, 4)}
    assert [(d.source, "cannot store" in (d.failure or "")) for d in failed] == [(third, True)]
    assert len(claimed) == 4  # no claim of the refused document survived its rollback


def test_one_commit_per_batch_not_per_document(store, tmp_path):
    root = _corpus(tmp_path / "in", 10)
    counted = Transactions(store.engine)
    summary = ingest([root], store=store, progress=False, workers=0, batch_docs=4,
                     extractor=available_pipeline)
    assert summary.ingested == 10
    assert counted.writing_commits == 3 and counted.savepoints == 10  # batches of 4, 4, 2


def test_a_source_failing_again_after_success_elsewhere_is_recorded_once(store, tmp_path):
    root = _corpus(tmp_path / "in", 2)
    bad = root / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02" * 200)
    ingest([root], store=store, progress=False, workers=0, extractor=available_pipeline)
    bad.write_text("Omsk, 1 March 2021. Now a readable report.", encoding="utf-8")
    again = ingest([root], store=store, progress=False, workers=0, extractor=available_pipeline)
    assert (again.ingested, again.unchanged, again.failed) == (1, 2, 0)
    with store.session() as session:
        assert repo.count_documents(session=session, status="failed") == 0
        assert str(bad) in {d.source for d in repo.list_documents(session=session)}

