"""Curation on real stores: edits with who/when/why, history, revert, survival of reextract."""

from __future__ import annotations

from datetime import date

import pytest

from coopatlas.atlas import curation
from coopatlas.atlas.assemble import assemble
from coopatlas.errors import NotFound
from coopatlas.ingest.reextract import reextract
from coopatlas.model import Agreement, Claim, Document, ForumMention, Span
from coopatlas.store import repo

TEXT = "The 16th forum opened in Omsk on 7 November 2019. Its theme was cross-border ties."


def forum_only_extractor():
    """A real, tiny extractor: the forum the text above states (used by reextract)."""
    def extract(document: Document) -> list[Claim]:
        start = document.text.find("16th forum")
        if start < 0:
            return []
        fact = ForumMention(16, year=2019, city="Omsk", theme="cross-border ties")
        return [Claim("forum", document.doc_id, Span(start, start + 10), fact, "test.forum",
                      sentence=Span(0, TEXT.index(".") + 1))]
    return extract


@pytest.fixture
def atlas_store(store):
    document = Document(doc_id="d1", source="d1.txt", text=TEXT, content_hash="h1",
                        published=date(2019, 11, 7))
    with store.session() as session:
        repo.save_document(session=session, document=document,
                           claims=forum_only_extractor()(document))
    assemble(store, city_region=lambda name: None)
    return store


def test_correct_records_who_when_what_why_and_survives_reextract(atlas_store):
    edit = curation.correct(atlas_store, "forum_edition", "16", "theme",
                            "Hot Topics of Cross-Border Cooperation",
                            author="analyst", reason="official programme title")
    assert (edit.old_value, edit.author, edit.reason) == (
        "cross-border ties", "analyst", "official programme title")
    assert edit.at is not None and edit.edit_id is not None
    reextract(atlas_store, workers_count=0, extractor=forum_only_extractor)
    assemble(atlas_store, city_region=lambda name: None)
    shown = curation.current(atlas_store, "forum_edition", "16")
    assert shown.theme == "Hot Topics of Cross-Border Cooperation"
    assert shown.city == "Omsk"  # extracted fields still come through


def test_revert_restores_the_previous_value_and_keeps_history(atlas_store):
    first = curation.correct(atlas_store, "forum_edition", "16", "city", "Petropavl",
                             author="a", reason="typo?")
    curation.correct(atlas_store, "forum_edition", "16", "city", "Pavlodar",
                     author="b", reason="second guess")
    curation.revert(atlas_store, first.edit_id, author="c", reason="both wrong")
    assert curation.current(atlas_store, "forum_edition", "16").city == "Omsk"
    log = curation.history(atlas_store, "forum_edition", "16")
    assert [(e.author, e.action) for e in log] == [("a", "set"), ("b", "set"), ("c", "revert")]


def test_add_retract_and_revert_a_whole_record(atlas_store):
    agreement = Agreement("Memorandum on river monitoring", "memorandum",
                          parties=("RU-ORE", "KZ-27"), signed_on=date(2019, 11, 7))
    curation.add(atlas_store, agreement, author="a", reason="from the ministry's release")
    key = curation.record_key(agreement)
    assert curation.current(atlas_store, "agreement", key).parties == ("RU-ORE", "KZ-27")
    retraction = curation.retract(atlas_store, "forum_edition", "16", author="a",
                                  reason="duplicate")
    with pytest.raises(NotFound):
        curation.current(atlas_store, "forum_edition", "16")
    curation.revert(atlas_store, retraction.edit_id, author="a", reason="not a duplicate")
    assert curation.current(atlas_store, "forum_edition", "16").edition == 16


def test_correcting_an_unknown_field_is_refused(atlas_store):
    with pytest.raises(ValueError, match="no field"):
        curation.correct(atlas_store, "forum_edition", "16", "colour", "red",
                         author="a", reason="x")
