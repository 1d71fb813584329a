"""Full-text search gives the same hits, snippets and facets on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from coopatlas.model import Document
from coopatlas.store import repo
from coopatlas.store.search import parse_query, search_documents, split_marks

DOCS = [
    Document("e1", "a.txt", "Governors discussed the grain corridor and a new bridge over the "
             "Irtysh. Trade grew by ten percent.", "h1", "Grain corridor talks",
             date(2019, 5, 1), "en", "news"),
    Document("e2", "b.txt", "The forum of interregional cooperation opened in Omsk region with "
             "two hundred delegates; the grain harvest was also mentioned.", "h2",
             "Forum opens", date(2020, 11, 7), "en", "transcript"),
    Document("r1", "c.txt", "Губернаторы обсудили зерновой коридор. Форум межрегионального "
             "сотрудничества прошёл в Омске.", "h3", "Форум в Омске", date(2020, 11, 8),
             "ru", "transcript"),
    Document("n1", "d.txt", "A text with no date about the Omsk region and grain.", "h4", None,
             None, "en", "news"),
]


@pytest.fixture
def filled(store):
    with store.session() as s:
        for doc in DOCS:
            repo.save_document(session=s, document=doc)
        repo.record_failure(session=s, source="grain.txt", reason="grain failure")
    return store


def ids(result) -> list[str]:
    return sorted(h.doc_id for h in result.hits)


@pytest.mark.parametrize("q,expected", [
    ("grain", ["e1", "e2", "n1"]),
    ("GRAIN corridor", ["e1"]),
    ('"Omsk region"', ["e2", "n1"]),
    ('"region Omsk"', []),
    ("форум", ["r1"]),
    ("ФОРУМ омске", ["r1"]),
    ("Irtysh.", ["e1"]),
    ('grain (bridge) "', ["e1"]),
    ("nothing-here", []),
    ("-- ** ::", ["e1", "e2", "n1", "r1"]),
])
def test_queries_match_the_same_documents_on_every_engine(filled, q, expected):
    with filled.session() as s:
        assert ids(search_documents(session=s, q=q)) == expected


def test_hits_carry_snippets_with_marks_and_title_words_rank_first(filled):
    with filled.session() as s:
        result = search_documents(session=s, q="corridor")
    hit = result.hits[0]
    assert (result.total, hit.doc_id, hit.title) == (1, "e1", "Grain corridor talks")
    assert [hit.snippet[a:b].lower() for a, b in hit.marks] == ["corridor"]
    assert "\x02" not in hit.snippet and hit.score > 0
    with filled.session() as s:
        ranked = search_documents(session=s, q="forum")
    assert [h.doc_id for h in ranked.hits] == ["e2"]


@pytest.mark.parametrize("filters,expected_ids,facets", [
    ({}, ["e1", "e2", "n1"],
     {"year": {2019: 1, 2020: 1}, "language": {"en": 3}, "kind": {"news": 2, "transcript": 1}}),
    ({"kind": "news"}, ["e1", "n1"],
     {"year": {2019: 1}, "language": {"en": 2}, "kind": {"news": 2, "transcript": 1}}),
    ({"year": 2020}, ["e2"],
     {"year": {2019: 1, 2020: 1}, "language": {"en": 1}, "kind": {"transcript": 1}}),
])
def test_facets_count_matches_under_the_other_filters(filled, filters, expected_ids, facets):
    with filled.session() as s:
        result = search_documents(session=s, q="grain", **filters)
    assert ids(result) == expected_ids and result.total == len(expected_ids)
    assert result.facets == facets


def test_empty_query_lists_newest_first_with_paging(filled):
    with filled.session() as s:
        page1 = search_documents(session=s, q="", limit=2)
        page2 = search_documents(session=s, q="  ", limit=2, offset=2)
    assert page1.total == 4 and [h.doc_id for h in page1.hits] == ["r1", "e2"]
    assert [h.doc_id for h in page2.hits] == ["e1", "n1"]
    assert page1.hits[0].snippet.startswith("Губернаторы") and page1.hits[0].marks == ()
    assert page1.facets["language"] == {"en": 3, "ru": 1}


def test_index_follows_updates_and_deletes(filled):
    with filled.session() as s:
        repo.save_document(session=s, document=replace(DOCS[0], text="Only steel now."))
        repo.delete_document(session=s, doc_id="n1")
    with filled.session() as s:
        assert ids(search_documents(session=s, q="Irtysh")) == []
        assert ids(search_documents(session=s, q="steel")) == ["e1"]
        assert ids(search_documents(session=s, q="grain")) == ["e1", "e2"]  # e1 by its title


@pytest.mark.parametrize("q,groups", [
    ('a "b c" d', [["a"], ["b", "c"], ["d"]]),
    ('Omsk-Pavlodar', [["omsk"], ["pavlodar"]]),
    ('"" snake_case', [["snake"], ["case"]]),
])
def test_parse_query(q, groups):
    assert parse_query(q) == groups


def test_split_marks():
    assert split_marks("a \x02bc\x03\n\n d") == ("a bc d", ((2, 4),))
