"""Documents, segments, claims and failures round-trip on every engine; transactions hold."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from coopatlas.errors import Conflict, NotFound
from coopatlas.model import (
    Claim,
    Document,
    Figure,
    ForumMention,
    Mention,
    Segment,
    SignedDocument,
    Span,
    TwinPairFact,
)
from coopatlas.store import repo

TEXT = ("The governors of the Omsk and Pavlodar regions met in Omsk. "
        "Trade between the two regions reached 1.2 billion dollars in 2019. "
        "The sixteenth forum took place in Omsk; twin cities Omsk and Pavlodar signed a plan.")


def make_doc(doc_id: str = "d1", **changes: object) -> Document:
    values = dict(doc_id=doc_id, source=f"corpus/{doc_id}.txt", text=TEXT,
                  content_hash=f"hash-{doc_id}", title="Governors meet", published=date(2019, 9, 7),
                  language="en", kind="transcript",
                  segments=(Segment(0, Span(0, 60), "Part one", date(2019, 9, 7)),
                            Segment(1, Span(60, len(TEXT)))),
                  meta={"url": "https://example.org/a", "tags": ("forum", "trade"), "n": 2})
    values.update(changes)
    return Document(**values)  # type: ignore[arg-type]


def make_claims(doc_id: str = "d1") -> list[Claim]:
    s1, s2 = Span(0, 60), Span(61, 128)
    return [
        Claim("published", doc_id, Span(0, 0), date(2019, 9, 7), "meta.date"),
        Claim("segment", doc_id, Span(0, 60), 0, "segment.split"),
        Claim("region", doc_id, Span(21, 25), Mention("region", "RU-OMS", "Omsk", Span(21, 25),
                                                      "gaz.region"), "gaz.region", s1, 0, "Lead"),
        Claim("figure", doc_id, Span(100, 120),
              Figure("1.2 billion dollars", 1.2e9, "USD", "trade_turnover", "2019",
                     value_max=1e20, qualifier="about"), "fig.money", s2, 1),
        Claim("forum", doc_id, Span(133, 150), ForumMention(16, 2019, "2019-11-07", "Omsk", "RU",
                                                           None, "in-person"), "forum.ordinal"),
        Claim("document_signed", doc_id, Span(190, 196),
              SignedDocument("plan", "programme", "signed", ("RU-OMS", "KZ-PAV")), "sign.verb"),
        Claim("twin_pair", doc_id, Span(152, 180), TwinPairFact("Omsk", "Pavlodar"), "twin.pair",
              extractor_version="0.9.1"),
    ]


def test_document_with_claims_round_trips(store):
    doc, claims = make_doc(), make_claims()
    with store.session() as s:
        repo.save_document(session=s, document=doc, claims=claims)
    with store.session() as s:
        loaded = repo.load_document(session=s, doc_id="d1")
        assert loaded == doc and loaded.meta == doc.meta
        assert repo.load_claims(session=s, doc_id="d1") == claims
        assert repo.document_by_hash(session=s, content_hash="hash-d1") == doc
        assert repo.document_by_hash(session=s, content_hash="nope") is None


@pytest.mark.parametrize("filters,expected", [
    ({"kinds": ["region", "city"]}, ["region"]),
    ({"key": "RU-OMS"}, ["region"]),
    ({"key": "Omsk|Pavlodar"}, ["twin_pair"]),
    ({"indicator": "trade_turnover"}, ["figure"]),
    ({"edition": 16}, ["forum"]),
    ({"doc_id": "other"}, []),
])
def test_find_claims_by_indexed_columns(store, filters, expected):
    with store.session() as s:
        repo.save_document(session=s, document=make_doc(), claims=make_claims())
        assert [c.kind for c in repo.find_claims(session=s, **filters)] == expected


def test_replace_claims_rewrites_only_that_document(store):
    with store.session() as s:
        repo.save_document(session=s, document=make_doc("d1"), claims=make_claims("d1"))
        repo.save_document(session=s, document=make_doc("d2"), claims=make_claims("d2"))
    newer = [Claim("city", "d1", Span(54, 58), Mention("city", "Omsk", "Omsk", Span(54, 58),
                                                       "gaz.city"), "gaz.city",
                   extractor_version="2.0.0")]
    with store.session() as s:
        assert repo.replace_claims(session=s, doc_id="d1", claims=newer) == 1
    with store.session() as s:
        assert repo.load_claims(session=s, doc_id="d1") == newer
        assert len(repo.load_claims(session=s, doc_id="d2")) == len(make_claims())
        listed = {d.doc_id: d for d in repo.list_documents(session=s)}
        assert listed["d1"].extractor_version == "2.0.0"


def test_saving_again_replaces_segments_and_claims(store):
    with store.session() as s:
        repo.save_document(session=s, document=make_doc(), claims=make_claims())
    changed = make_doc(title="New title", segments=(Segment(0, Span(0, 10)),))
    with store.session() as s:
        repo.save_document(session=s, document=changed, claims=make_claims()[:2])
    with store.session() as s:
        assert repo.load_document(session=s, doc_id="d1") == changed
        assert len(repo.load_claims(session=s, doc_id="d1")) == 2


def test_a_failed_transaction_leaves_nothing(store):
    with pytest.raises(RuntimeError), store.session() as s:
        repo.save_document(session=s, document=make_doc(), claims=make_claims())
        raise RuntimeError("the ingest stopped half way")
    bad_claims = make_claims() + [Claim("city", "someone-else", Span(0, 1), 1, "x")]
    with pytest.raises(ValueError), store.session() as s:
        repo.save_document(session=s, document=make_doc(), claims=bad_claims)
    with store.session() as s:
        assert repo.list_documents(session=s, status=None) == []
        assert repo.find_claims(session=s) == []


def test_same_content_twice_is_a_conflict_and_rolls_back(store):
    with store.session() as s:
        repo.save_document(session=s, document=make_doc("d1"))
    with pytest.raises(Conflict), store.session() as s:
        repo.save_document(session=s, document=make_doc("d2", content_hash="hash-d1"),
                           claims=make_claims("d2"))
    with store.session() as s:
        assert [d.doc_id for d in repo.list_documents(session=s)] == ["d1"]
        assert repo.find_claims(session=s, doc_id="d2") == []


def test_failures_are_recorded_replaced_and_cleared_by_success(store):
    with store.session() as s:
        first = repo.record_failure(session=s, source="corpus/d1.txt", reason="undecodable")
        again = repo.record_failure(session=s, source="corpus/d1.txt", reason="empty")
        assert first == again
    with store.session() as s:
        failed = repo.list_documents(session=s, status="failed")
        assert [(d.source, d.failure) for d in failed] == [("corpus/d1.txt", "empty")]
        assert repo.list_documents(session=s) == []
        with pytest.raises(NotFound):
            repo.load_document(session=s, doc_id=first)
        repo.save_document(session=s, document=make_doc("d1"))
    with store.session() as s:
        assert repo.count_documents(session=s, status="failed") == 0


@pytest.mark.parametrize("filters,expected", [
    ({}, ["d3", "d2", "d1"]),
    ({"limit": 2}, ["d3", "d2"]),
    ({"limit": 2, "offset": 2}, ["d1"]),
    ({"language": "ru"}, ["d2"]),
    ({"kind": "news"}, ["d3"]),
    ({"year": 2019}, ["d1"]),
    ({"source_prefix": "corpus/d"}, ["d3", "d2", "d1"]),
    ({"source_prefix": "corpus/d_"}, []),
])
def test_list_documents_filters_and_pages(store, filters, expected):
    docs = [make_doc("d1"), make_doc("d2", language="ru", published=date(2020, 1, 5)),
            make_doc("d3", kind="news", published=date(2021, 3, 1))]
    with store.session() as s:
        for doc in docs:
            repo.save_document(session=s, document=doc)
    with store.session() as s:
        assert [d.doc_id for d in repo.list_documents(session=s, **filters)] == expected
        counted = {k: v for k, v in filters.items() if k not in ("limit", "offset")}
        assert repo.count_documents(session=s, **counted) == len(
            repo.list_documents(session=s, limit=100, **counted))


def test_delete_document_removes_segments_and_claims(store):
    with store.session() as s:
        repo.save_document(session=s, document=make_doc(), claims=make_claims())
    with store.session() as s:
        repo.delete_document(session=s, doc_id="d1")
    with store.session() as s:
        assert repo.find_claims(session=s) == [] and repo.count_documents(session=s) == 0


def test_concurrent_writers_wait_for_each_other(store):
    def writer(prefix: str) -> None:
        for i in range(15):
            with store.session(write=True) as s:
                n = repo.count_documents(session=s)
                doc_id = f"{prefix}{i}"
                repo.save_document(session=s, document=make_doc(doc_id, meta={"seen": n}),
                                   claims=make_claims(doc_id))

    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(writer, ["a", "b", "c"]))
    with store.session() as s:
        assert repo.count_documents(session=s) == 45
        assert len(repo.find_claims(session=s)) == 45 * len(make_claims())


def test_content_hashes_are_those_of_stored_documents_only(store):
    with store.session() as s:
        repo.save_document(session=s, document=make_doc("d1"))
        repo.save_document(session=s, document=make_doc("d2"))
        repo.record_failure(session=s, source="corpus/broken.txt", reason="undecodable")
    with store.session() as s:
        assert repo.content_hashes(session=s) == {"hash-d1", "hash-d2"}


def test_document_pages_walk_every_document_once_in_storage_order(store):
    with store.session() as s:
        for i in range(7):
            repo.save_document(session=s, document=make_doc(f"d{i}"),
                               extractor_version="2.0.0" if i % 2 else "0.9.0")
        repo.record_failure(session=s, source="corpus/broken.txt", reason="empty")
    walked, after, sizes = [], 0, []
    while True:
        with store.session() as s:
            page = repo.document_page(session=s, after=after, limit=3)
        if not page.documents:
            break
        walked += page.documents
        sizes.append(len(page.documents))
        after = page.after
    assert [d.doc_id for d in walked] == [f"d{i}" for i in range(7)] and sizes == [3, 3, 1]
    assert walked[0] == make_doc("d0")  # text, segments and meta come back whole
    with store.session() as s:
        older = repo.document_page(session=s, limit=10, not_version="2.0.0").documents
        assert [d.doc_id for d in older] == ["d0", "d2", "d4", "d6"]
        assert repo.count_documents(session=s, not_version="2.0.0") == 4


def test_replace_claims_stamps_the_version_even_with_no_claims(store):
    with store.session() as s:
        repo.save_document(session=s, document=make_doc(), claims=make_claims(),
                           extractor_version="0.9.1")
    with store.session() as s:
        assert repo.replace_claims(session=s, doc_id="d1", claims=[],
                                   extractor_version="2.0.0") == 0
    with store.session() as s:
        assert repo.list_documents(session=s)[0].extractor_version == "2.0.0"
        assert repo.load_claims(session=s, doc_id="d1") == []


def test_a_replaced_document_keeps_its_place_in_the_walk(store):
    with store.session() as s:
        for doc_id in ("d1", "d2"):
            repo.save_document(session=s, document=make_doc(doc_id))
    with store.session() as s:
        repo.save_document(session=s, document=make_doc("d1", title="Changed"))
        page = repo.document_page(session=s, limit=10)
    assert [(d.doc_id, d.title) for d in page.documents] == [
        ("d1", "Changed"), ("d2", "Governors meet")]
