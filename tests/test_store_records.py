"""Atlas records with evidence, curation edits with their overlay, and users, on every engine."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from coopatlas.errors import Conflict, NotFound
from coopatlas.model import (
    Agreement,
    CurationEdit,
    Evidence,
    ForumEdition,
    IndicatorObservation,
    Partnership,
    Programme,
    Project,
    Span,
    TwinPair,
    Visit,
)
from coopatlas.model import (
    Conflict as ConflictRecord,
)
from coopatlas.store import curation, records, users

EV = (Evidence("d1", Span(3, 40), "The forum met in Omsk.", None, date(2019, 11, 7)),
      Evidence(None, None, "Reference table", "https://example.org/ref", None))

RECORDS = [
    ForumEdition(16, 2019, "2019-11-07/2019-11-08", "Omsk", "RU", "Digital era", "in-person",
                 ("plan", "memo"), EV),
    ForumEdition(1),
    Agreement("Plan of cooperation", "programme", ("RU-OMS", "KZ-PAV"), date(2019, 11, 7), 16,
              "signed", EV[:1]),
    Agreement("Memo", "memorandum"),
    Partnership("RU-OMS", "KZ-PAV", ("twin_cities", "agreement"), date(2015, 1, 1),
                date(2019, 11, 7), EV),
    TwinPair("Omsk", "Pavlodar", EV[1:]),
    Visit("RU-OMS", "KZ-PAV", date(2018, 5, 2), "A delegation visited the port.", EV),
    Visit("RU-OMS", None, None, "A visit"),
    Project("Grain terminal", ("RU-OMS",), 1.5e7, "planned", EV),
    Project("Bridge"),
    Programme("Programme of interregional cooperation", "2018..2023", ("RU", "KZ"), EV),
    IndicatorObservation("trade_turnover", 1.2e9, "USD", "2019", "d1", Span(60, 90),
                         "reached 1.2 billion dollars", "Lead", date(2019, 9, 7), "about"),
    IndicatorObservation("border_length", 7500, "km", None, "d2", Span(0, 5), "7,500 km"),
    ConflictRecord("indicator:border_length:-", ("7500", "7598.6"), "disagreement", EV),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_every_record_round_trips_with_evidence(store, record):
    kind = records.record_type(record)
    with store.session() as s:
        key = records.save_record(session=s, record=record)
    with store.session() as s:
        assert records.load_record(session=s, record_type=kind, key=key) == record
        assert records.list_records(session=s, record_type=kind) == [record]
        assert records.load_evidence(session=s, record_type=kind, record_key=key) == \
            getattr(record, "evidence", ())


def test_saving_again_updates_values_and_evidence(store):
    with store.session() as s:
        key = records.save_record(session=s, record=RECORDS[0])
        records.save_record(session=s, record=ForumEdition(16, 2019, city="Omsk"))
    with store.session() as s:
        stored = records.load_record(session=s, record_type="forum_edition", key=key)
        assert stored == ForumEdition(16, 2019, city="Omsk")
        assert records.evidence_in_document(session=s, doc_id="d1") == []


def test_evidence_in_document_lists_links_by_position(store):
    with store.session() as s:
        records.save_records(session=s, records=RECORDS)
    with store.session() as s:
        links = records.evidence_in_document(session=s, doc_id="d1")
        kinds = sorted(kind for kind, _, _ in links)
        assert kinds == ["agreement", "conflict", "forum_edition", "partnership", "programme",
                         "project", "visit"]
        assert {e for _, _, e in links} == {EV[0]}


def test_clear_records_keeps_other_types(store):
    with store.session() as s:
        records.save_records(session=s, records=RECORDS)
        assert records.clear_records(session=s, record_type="visit") == 2
    with store.session() as s:
        assert records.list_records(session=s, record_type="visit") == []
        assert len(records.list_records(session=s, record_type="project")) == 2


def test_missing_record_is_not_found(store):
    with store.session() as s, pytest.raises(NotFound, match="forum_edition '99'"):
        records.load_record(session=s, record_type="forum_edition", key="99")


# ---------------------------------------------------------------- curation


AT = datetime(2024, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)


def edit(field: str, old: object, new: object, action: str = "set", key: str = "16",
         record_type: str = "forum_edition", minutes: int = 0) -> CurationEdit:
    return CurationEdit(record_type, key, field, old, new, "ann", f"checked {field}",
                        AT + timedelta(minutes=minutes), action)  # type: ignore[arg-type]


def test_curated_value_survives_reextraction_and_reverts(store):
    with store.session() as s:
        records.save_record(session=s, record=RECORDS[0])
        first = curation.apply_edit(session=s, edit=edit("city", "Omsk", "Petropavlovsk"))
        second = curation.apply_edit(session=s, edit=edit("city", "Petropavlovsk", "Kostanay",
                                                          minutes=1))
    with store.session() as s:  # re-extraction rewrites the extracted row
        records.save_record(session=s, record=RECORDS[0])
        shown = curation.curated_record(session=s, record_type="forum_edition", key="16")
        assert shown.city == "Kostanay" and shown.theme == "Digital era"
        back = curation.revert_edit(session=s, edit_id=second.edit_id, author="bob",
                                    reason="wrong city", at=AT)
        assert back.action == "revert" and back.new_value == "Petropavlovsk"
    with store.session() as s:
        assert curation.curated_record(session=s, record_type="forum_edition",
                                       key="16").city == "Petropavlovsk"
        curation.revert_edit(session=s, edit_id=first.edit_id, author="bob", reason="", at=AT)
    with store.session() as s:
        assert curation.curated_record(session=s, record_type="forum_edition",
                                       key="16") == RECORDS[0]
        history = curation.edit_history(session=s, record_type="forum_edition", record_key="16")
        assert [e.action for e in history] == ["set", "set", "revert", "revert"]
        assert curation.load_edit(session=s, edit_id=first.edit_id) == first


def test_edits_round_trip_typed_values_and_time(store):
    pacific = datetime(2024, 3, 1, 4, 30, 15, 123456, tzinfo=timezone(timedelta(hours=-8)))
    typed = CurationEdit("agreement", "k", "parties", ("RU-OMS",), ("RU-OMS", "KZ-PAV"), "ann",
                         "why", pacific, "set")
    dated = CurationEdit("agreement", "k", "signed_on", None, date(2019, 1, 2), "ann", "why",
                         AT, "set")
    with store.session() as s:
        saved = [curation.apply_edit(session=s, edit=e) for e in (typed, dated)]
    with store.session() as s:
        loaded = [curation.load_edit(session=s, edit_id=e.edit_id) for e in saved]
    assert loaded == saved and loaded[0].at == AT and loaded[0].at.tzinfo is not None


def test_records_added_and_retracted_by_curators(store):
    added = Project("Logistics hub", ("KZ-PAV",), 2.0e6, "planned", EV[:1])
    with store.session() as s:
        records.save_records(session=s, records=RECORDS)
        bridge = records.record_key(Project("Bridge"))
        curation.apply_edit(session=s, edit=edit("*", None, added, "add", "hub", "project"))
        curation.apply_edit(session=s, edit=edit("*", None, None, "retract", bridge, "project"))
    with store.session() as s:
        shown = [r for _, r in curation.curated_records(session=s, record_type="project")]
        assert sorted(p.name for p in shown) == ["Grain terminal", "Logistics hub"]
        assert added in shown
        assert curation.curated_record(session=s, record_type="project", key=bridge) is None
        with pytest.raises(NotFound):
            curation.curated_record(session=s, record_type="project", key="nothing")


@pytest.mark.parametrize("bad", [
    edit("city", None, "x", action="revert"),
    edit("city", None, "x", action="delete"),
    edit("city", None, "x", record_type="spaceship"),
])
def test_bad_edits_are_refused(store, bad):
    with store.session() as s, pytest.raises(ValueError):
        curation.apply_edit(session=s, edit=bad)


# ---------------------------------------------------------------- users


def test_users_with_roles(store):
    with store.session() as s:
        users.create_user(session=s, username="ann", password_hash="$argon2$x", role="curator")
        users.create_user(session=s, username="bob", password_hash="$argon2$y")
    with store.session() as s:
        assert [(u.username, u.role) for u in users.list_users(session=s)] == [
            ("ann", "curator"), ("bob", "reader")]
        changed = users.update_user(session=s, username="bob", role="admin", password_hash="h")
        assert (changed.role, changed.password_hash) == ("admin", "h")
        with pytest.raises(Conflict):
            users.create_user(session=s, username="ann", password_hash="z")
        with pytest.raises(ValueError, match="role"):
            users.update_user(session=s, username="ann", role="owner")
        with pytest.raises(NotFound):
            users.update_user(session=s, username="eve", role="admin")
        users.delete_user(session=s, username="bob")
        assert users.get_user(session=s, username="bob") is None
        assert users.get_user(session=s, username="ann").created_at.tzinfo is not None
