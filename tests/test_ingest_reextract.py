"""Re-extraction on real stores: paged reads, batched writes, versions, failures, the CLI."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from coopatlas.cli import main  # noqa: F401  (registers every command)
from coopatlas.commands.base import cli
from coopatlas.ingest.reextract import reextract
from coopatlas.model import EXTRACTOR_VERSION, Claim, Document, Mention, Segment, Span
from coopatlas.store import repo
from test_ingest_run import available_pipeline
from test_ingest_writer import Transactions

OLD = "0.9.0"
CITIES = ("Omsk", "Pavlodar", "Kurgan", "Kostanay", "Orenburg")


def make_doc(i: int) -> Document:
    city = CITIES[i % len(CITIES)]
    text = f"Report {i}: a delegation from {city} discussed river freight."
    return Document(doc_id=f"d{i:03d}", source=f"reports/{i:03d}.txt", text=text,
                    content_hash=f"hash-{i}", segments=(Segment(0, Span(0, len(text))),))


def city_extractor():
    """A real, tiny extractor: every city of CITIES the text names (none in report 0)."""
    def extract(document: Document) -> list[Claim]:
        claims = []
        for city in CITIES:
            at = document.text.find(city)
            if at >= 0 and not document.text.startswith("Report 0:"):
                span = Span(at, at + len(city))
                claims.append(Claim("city", document.doc_id, span,
                                    Mention("city", city, city, span, "test.city"),
                                    "test.city"))
        return claims
    return extract


def old_claim(doc_id: str, version: str = OLD) -> Claim:
    return Claim("segment", doc_id, Span(0, 6), 0, "old.rule", extractor_version=version)


def fill(store, count: int, version: str = OLD, start: int = 0) -> None:
    with store.session() as session:
        for i in range(start, start + count):
            document = make_doc(i)
            repo.save_document(session=session, document=document,
                               claims=[old_claim(document.doc_id, version)])


def versions(store) -> dict[str, str | None]:
    with store.session() as session:
        listed = repo.list_documents(session=session, limit=10_000)
    return {d.doc_id: d.extractor_version for d in listed}


def test_every_document_past_one_page_gets_the_new_extractor_version(store):
    fill(store, 23)
    counted = Transactions(store.engine)
    summary = reextract(store, workers_count=0, extractor=city_extractor, page_docs=5)
    assert (summary.documents, summary.failed) == (23, 0)
    assert summary.claims == 22  # report 0 now states nothing, and is still re-stamped
    assert set(versions(store).values()) == {EXTRACTOR_VERSION}
    assert counted.writing_commits == 5  # pages of 5, 5, 5, 5, 3: one transaction each
    with store.session() as session:
        claims = repo.find_claims(session=session)
    assert {c.rule for c in claims} == {"test.city"}
    assert len({c.doc_id for c in claims}) == 22


def test_documents_stream_a_page_at_a_time(store):
    fill(store, 12)
    pages_read = 0

    def count_pages(conn, cursor, statement: str, *args: object) -> None:
        nonlocal pages_read
        if statement.lstrip().upper().startswith("SELECT") and "documents.pk >" in statement:
            pages_read += 1

    sa.event.listen(store.engine, "before_cursor_execute", count_pages)
    seen: list[int] = []

    def watching():
        extract = city_extractor()

        def run(document: Document) -> list[Claim]:
            seen.append(pages_read)
            return extract(document)
        return run

    reextract(store, workers_count=0, extractor=watching, page_docs=4)
    assert seen == [1] * 4 + [2] * 4 + [3] * 4  # page n+1 is read once page n is used up
    assert pages_read == 4  # the last, empty page ends the walk


def test_only_older_skips_documents_already_at_this_version_and_resumes(store):
    fill(store, 6)
    fill(store, 3, version=EXTRACTOR_VERSION, start=6)
    summary = reextract(store, workers_count=0, extractor=city_extractor, only_older=True,
                        page_docs=4)
    assert summary.documents == 6
    with store.session() as session:
        untouched = [repo.load_claims(session=session, doc_id=f"d{i:03d}") for i in (6, 7, 8)]
    assert all(c == [old_claim(c[0].doc_id, EXTRACTOR_VERSION)] for c in untouched)
    again = reextract(store, workers_count=0, extractor=city_extractor, only_older=True)
    assert again.documents == 0 and set(versions(store).values()) == {EXTRACTOR_VERSION}


def failing_on_report_3():
    extract = city_extractor()

    def run(document: Document) -> list[Claim]:
        if document.doc_id == "d003":
            raise RuntimeError("stage crashed")
        return extract(document)
    return run


def test_a_failing_document_keeps_its_claims_and_is_reported(store):
    fill(store, 5)
    summary = reextract(store, workers_count=0, extractor=failing_on_report_3, page_docs=2)
    assert (summary.documents, summary.failed) == (4, 1)
    assert summary.failures[0]["doc_id"] == "d003"
    assert "stage crashed" in summary.failures[0]["reason"]
    assert versions(store)["d003"] == OLD
    with store.session() as session:
        assert repo.load_claims(session=session, doc_id="d003") == [old_claim("d003")]


@pytest.mark.parametrize("workers", [0, 2])
def test_reextract_command_prints_a_json_summary(tmp_path, monkeypatch, workers):
    from coopatlas.store import open_store

    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    store = open_store(url)
    fill(store, 3)
    # the real pipeline, with the stages built so far (as the ingest tests run it)
    monkeypatch.setattr("coopatlas.ingest.workers.default_extractor", available_pipeline)
    result = CliRunner().invoke(cli, ["--db", url, "reextract", "--json", "--no-assemble",
                                      "--workers", str(workers)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert (out["documents"], out["failed"], out["atlas"]) == (3, 0, {})
    assert out["claims"] > 0 and out["docs_per_s"] is not None
    assert set(versions(store).values()) == {EXTRACTOR_VERSION}
    store.close()
