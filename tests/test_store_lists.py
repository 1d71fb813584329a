"""Atlas lists paged in SQL agree with the library's curated overlay, on every engine.

The oracle is :func:`coopatlas.store.curation.curated_records` (every record after
curation, read whole in Python); :mod:`coopatlas.store.lists` must give the same records
through SQL filters, orders, counts and pages: curated values override, retracted records
vanish, added ones appear, totals count them all.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from coopatlas.model import Agreement, CurationEdit, IndicatorObservation, Span
from coopatlas.store import curation, lists, records, views
from coopatlas.store.lists import asc, contains, either, eq, has, year
from coopatlas.store.views import plain

KINDS = ("memorandum", "agreement", "programme")
PARTIES = (("RU-OMS", "KZ-55"), ("RU-ORE", "KZ-27"), ("RU-AST",), ())


def agreement(i: int) -> Agreement:
    return Agreement(title=f"Accord number {i} on {'grain' if i % 3 else 'rail'} transit",
                     kind=KINDS[i % 3], parties=PARTIES[i % 4],
                     signed_on=None if i % 5 == 0 else date(2015 + i % 6, 1 + i % 12, 1),
                     forum_edition=10 + i % 4)


def observation(i: int, indicator: str) -> IndicatorObservation:
    return IndicatorObservation(indicator, float(i), "USD", None, f"doc{i}", Span(i, i + 5),
                                f"quote {i}", published=date(2016 + i % 4, 6, 1))


def edit(session, record_type: str, key: str, field: str, value, action: str = "set"):
    curation.apply_edit(session=session, edit=CurationEdit(
        record_type=record_type, record_key=key, field=field, old_value=None,
        new_value=value, author="tester", reason="test", at=datetime.now(UTC),
        action=action))


@pytest.fixture
def curated(store):
    """25 agreements and 12 observations; then fields set, records retracted and added."""
    with store.session() as s:
        keys = records.save_records(session=s, records=[agreement(i) for i in range(25)])
        records.save_records(session=s, records=[observation(i, ("trade", "schools")[i % 2])
                                                 for i in range(12)])
        edit(s, "agreement", keys[1], "signed_on", date(2021, 3, 3))
        edit(s, "agreement", keys[2], "parties", ("RU-OMS", "KZ-55"))
        edit(s, "agreement", keys[3], "title", "Renamed rail accord")
        edit(s, "agreement", keys[4], "*", None, action="retract")
        edit(s, "agreement", keys[6], "*", Agreement("Wholly replaced", "treaty", ("RU-OMS",),
                                                     date(2021, 1, 1)), action="add")
        edit(s, "agreement", "added-1", "*", Agreement("Added by hand", "memorandum",
                                                       ("RU-OMS", "KZ-10"), None), action="add")
        edit(s, "agreement", "added-2", "*", Agreement("Added then retracted", "memorandum"),
             action="add")
        edit(s, "agreement", "added-2", "*", None, action="retract")
        edit(s, "agreement", "orphan", "title", "a field of no record")
        obs = records.record_key(observation(0, "trade"))
        edit(s, "indicator_observation", obs, "*", None, action="retract")
        edit(s, "indicator_observation", "extra", "*", observation(40, "trade"), action="add")
    return store


def oracle(store, record_type: str) -> dict[str, dict]:
    with store.session() as s:
        found = curation.curated_records(session=s, record_type=record_type)
    return {key: {**plain(records.to_columns(r)), "key": key} for key, r in found}


def columns_of(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("curated", "evidence")}


CASES = [
    ([], lambda a: True),
    ([has("parties", "RU-OMS")], lambda a: "RU-OMS" in a["parties"]),
    ([year("signed_on", 2021)], lambda a: (a["signed_on"] or "").startswith("2021")),
    ([eq("kind", "memorandum")], lambda a: a["kind"] == "memorandum"),
    ([contains("title", "RAIL")], lambda a: "rail" in a["title"].lower()),
    ([either(eq("kind", "treaty"), has("parties", "KZ-27"))],
     lambda a: a["kind"] == "treaty" or "KZ-27" in a["parties"]),
]


@pytest.mark.parametrize(("where", "keep"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_filtered_pages_hold_exactly_the_curated_records(curated, where, keep) -> None:
    expected = {k: a for k, a in oracle(curated, "agreement").items() if keep(a)}
    order = [asc("signed_on", nulls_first=True)]
    with curated.session() as s:
        pages = [lists.select(s, "agreement", where=where, order=order, limit=4, offset=o)
                 for o in range(0, 40, 4)]
    assert {total for _, total in pages} == {len(expected)}
    rows = [r for page, _ in pages for r in page]
    assert [columns_of(r) for r in rows] == sorted(
        expected.values(), key=lambda a: (a["signed_on"] is not None, a["signed_on"] or "",
                                          a["key"]))


def test_curated_rows_say_which_fields_analysts_set(curated) -> None:
    with curated.session() as s:
        rows, _ = lists.select(s, "agreement", limit=lists.ALL)
    marks = {r["key"]: r["curated"] for r in rows if r["curated"]}
    assert sorted(marks.values()) == [["*"], ["*"], ["parties"], ["signed_on"], ["title"]]
    assert "orphan" not in {r["key"] for r in rows}
    assert {"Wholly replaced", "Added by hand", "Renamed rail accord"} <= {
        r["title"] for r in rows}
    assert "Added then retracted" not in {r["title"] for r in rows}


def test_one_record_through_the_overlay(curated) -> None:
    expected = oracle(curated, "agreement")
    with curated.session() as s:
        for key in [*expected, "added-2", "orphan", "no-such-key"]:
            found = lists.one(s, "agreement", key)
            assert (columns_of(found) if found else None) == expected.get(key)


def test_counts_groups_and_series_through_the_overlay(curated) -> None:
    expected = oracle(curated, "indicator_observation")
    trade = sorted((o for o in expected.values() if o["indicator"] == "trade"),
                   key=lambda o: (o["published"], o["key"]))
    with curated.session() as s:
        assert lists.count(s, "indicator_observation") == len(expected)
        groups = lists.group(s, "indicator_observation", "indicator", span="published")
        series = lists.top(s, "indicator_observation", "indicator", ["trade", "schools"],
                           order=[asc("published")], limit=3)
        values = lists.columns(s, "indicator_observation", ["value"],
                               where=[eq("indicator", "trade")])
    assert {g["value"]: g["count"] for g in groups} == {"schools": 6, "trade": 6}
    assert next(g for g in groups if g["value"] == "trade")["first"] == trade[0]["published"]
    assert [columns_of(o) for o in series["trade"]] == trade[:3]
    assert len(series["schools"]) == 3
    assert sorted(v for (v,) in values) == sorted(o["value"] for o in trade)


def test_without_curation_the_table_is_read_directly(store) -> None:
    with store.session() as s:
        records.save_records(session=s, records=[agreement(i) for i in range(5)])
        rows, total = lists.select(s, "agreement", where=[has("parties", "RU-AST")])
    assert total == 1 and rows[0]["parties"] == ["RU-AST"] and rows[0]["curated"] == []


def test_overview_counts_go_through_the_overlay(curated) -> None:
    with curated.session() as s:
        shown = views.counts(s)
    assert shown["agreement"] == len(oracle(curated, "agreement"))
    assert shown["indicator_observation"] == len(oracle(curated, "indicator_observation"))
    assert (shown["documents"], shown["claims"], shown["forum_edition"]) == (0, 0, 0)
