"""Visits and projects in the atlas: records merged across texts, partnerships through them,
stored with their evidence on both engines, curated values kept over re-assembly."""

from __future__ import annotations

import hashlib
import re
from datetime import date

import pytest

from coopatlas.atlas import curation
from coopatlas.atlas.assemble import assemble
from coopatlas.atlas.partnerships import assemble_partnerships
from coopatlas.atlas.projects import assemble_projects
from coopatlas.atlas.sourced import Sourced
from coopatlas.atlas.visits import assemble_visits, visit_date
from coopatlas.model import Claim, Document, ProjectFact, Span, VisitFact
from coopatlas.pipeline import Pipeline
from coopatlas.store import records, repo, views

_pos = iter(range(0, 10**6, 10))
D21, D22, D23 = date(2021, 10, 1), date(2022, 5, 4), date(2023, 3, 20)


def _item(kind: str, doc: str, fact: object, published: date | None) -> Sourced:
    start = next(_pos)
    claim = Claim(kind=kind, doc_id=doc, span=Span(start, start + 5), fact=fact, rule="test",  # type: ignore[arg-type]
                  sentence=Span(start, start + 9))
    return Sourced(claim, published=published, quote=f"sentence of {doc}")


def _visit(doc: str, published: date | None, region: str = "RU-OMS",
           host: str | None = "KZ-55", **kw: object) -> Sourced:
    kw.setdefault("description", f"visit told in {doc}")
    country = host.split("-")[0] if host else "KZ"
    return _item("visit", doc, VisitFact(region, host, country, **kw), published)  # type: ignore[arg-type]


def _project(doc: str, published: date | None, name: str, regions: tuple[str, ...],
             **kw: object) -> Sourced:
    return _item("project", doc, ProjectFact(name, regions, **kw), published)  # type: ignore[arg-type]


def test_visits_merge_by_visitor_host_and_stated_time() -> None:
    items = [
        _visit("a", D23, period="2023-03..2023-03", status="planned"),
        _visit("b", D23, period="2023-03..2023-03", description="the held one"),
        _visit("c", D22, on=date(2022, 4, 30)),
        _visit("d", D21, host=None, period="2021-07..2021-09"),  # a visit to the country
        _visit("e", D21, region="KZ-55", host="RU-OMS"),  # no time: one per text
        _visit("f", D22, region="KZ-55", host="RU-OMS"),
    ]
    found = assemble_visits(items)
    assert [(v.region, v.host_region, v.on) for v in found] == [
        ("RU-OMS", "KZ-55", date(2022, 4, 30)), ("RU-OMS", "KZ-55", date(2023, 3, 1)),
        ("KZ-55", "RU-OMS", None), ("KZ-55", "RU-OMS", None), ("RU-OMS", None, None)]
    march = found[1]
    assert march.description == "the held one" and len(march.evidence) == 2
    assert [(v.status, v.period) for v in found] == [
        ("held", None), ("held", None),  # a day, a month: the date says it
        ("held", None), ("held", None), ("held", "2021-07..2021-09")]


def test_a_visit_only_announced_is_planned() -> None:
    [visit] = assemble_visits([
        _visit("a", D23, period="2023", status="planned"),
        _visit("b", D23, period="2023", status="planned", description="the second notice"),
    ])
    assert (visit.status, visit.on, visit.period) == ("planned", None, "2023")


@pytest.mark.parametrize("fact,expected", [
    (VisitFact("RU-OMS", "KZ-55", "KZ", "", on=date(2023, 3, 9)), date(2023, 3, 9)),
    (VisitFact("RU-OMS", "KZ-55", "KZ", "", period="2023-03..2023-03"), date(2023, 3, 1)),
    (VisitFact("RU-OMS", "KZ-55", "KZ", "", period="2021"), None),
    (VisitFact("RU-OMS", "KZ-55", "KZ", ""), None),
])
def test_visit_date_is_the_stated_day_or_month(fact: VisitFact, expected: date | None) -> None:
    assert visit_date(fact) == expected


def test_projects_merge_by_name_among_shared_regions() -> None:
    items = [
        _project("a", D21, "The oil refinery in the Orenburg Region", ("RU-ORE",),
                 status="planned", value=1e9, unit="USD"),
        _project("b", D23, "oil refinery in the Orenburg region", ("RU-ORE", "KZ-27"),
                 status="under_construction", value=1.2e9, unit="USD"),
        _project("c", D22, "joint venture", ("RU-OMS", "KZ-55"), value=5e9, unit="KZT"),
        _project("d", D23, "joint venture", ("RU-KGN", "KZ-39")),
    ]
    found = {p.name: p for p in assemble_projects(items)}
    assert set(found) == {"The oil refinery in the Orenburg Region", "joint venture",
                          "joint venture [RU-KGN, KZ-39]"}
    refinery = found["The oil refinery in the Orenburg Region"]
    assert refinery.regions == ("RU-ORE", "KZ-27")
    assert (refinery.status, refinery.value_usd) == ("under_construction", 1.2e9)
    assert len(refinery.evidence) == 2
    assert found["joint venture"].value_usd is None  # tenge are not converted


def test_partnerships_through_visits_and_projects() -> None:
    items = [
        _visit("a", D21, period="2021-07..2021-09"),
        _visit("b", D23, region="KZ-55", host="RU-OMS"),
        _visit("c", D22, host=None),  # to the country only: no partner region
        _project("d", D22, "joint bus plant", ("RU-OMS", "KZ-55", "KZ-59")),
        _project("e", D22, "gas plant in Pavlodar Region", ("KZ-55",)),  # one side only
    ]
    found = {(p.ru_region, p.kz_region): p for p in assemble_partnerships(items, lambda n: None)}
    assert set(found) == {("RU-OMS", "KZ-55"), ("RU-OMS", "KZ-59")}
    omsk = found[("RU-OMS", "KZ-55")]
    assert omsk.via == ("visit", "project")
    assert (omsk.first_seen, omsk.last_seen) == (D21, D23)
    assert len(omsk.evidence) == 3
    assert found[("RU-OMS", "KZ-59")].via == ("project",)


# ---------------------------------------------------------------- through a real store

TEXTS = {
    "spring": (date(2023, 5, 10),
               "A delegation of the Omsk Region headed by the governor visited Pavlodar Region "
               "in March to discuss grain supplies.\n"
               "Omsk Region and Pavlodar Region are building a joint bus plant worth "
               "$30 million.\n"),
    "autumn": (date(2023, 10, 2),
               "The joint bus plant of Omsk Region and Pavlodar Region was launched in "
               "September.\n"),
}


@pytest.fixture
def atlas_store(store):
    pipeline = Pipeline()
    with store.session() as session:
        for name, (published, text) in TEXTS.items():
            digest = hashlib.sha256(text.encode()).hexdigest()
            document = Document(doc_id=digest[:16], source=f"{name}.txt", text=text,
                                content_hash=digest, title=name, published=published)
            repo.save_document(session=session, document=document,
                               claims=pipeline(document).claims)
    assemble(store)
    return store


def test_claims_round_trip_through_the_store(atlas_store) -> None:
    with atlas_store.session() as session:
        stored = repo.find_claims(session=session, kinds=("visit", "project"))
    assert {type(c.fact) for c in stored} == {VisitFact, ProjectFact}
    visit = next(c.fact for c in stored if c.kind == "visit")
    assert (visit.region, visit.host_region, visit.period) == ("RU-OMS", "KZ-55",
                                                               "2023-03..2023-03")


def test_records_are_listed_with_evidence(atlas_store) -> None:
    with atlas_store.session() as session:
        visits, total = views.list_records(session, "visit")
        projects = records.list_records(session=session, record_type="project")
        evidence = views.evidence_for(session, "visit", [v["key"] for v in visits])
    assert total == 1
    assert (visits[0]["region"], visits[0]["host_region"], visits[0]["on"]) == (
        "RU-OMS", "KZ-55", "2023-03-01")
    assert (visits[0]["status"], visits[0]["period"]) == ("held", None)
    assert evidence[visits[0]["key"]][0]["quote"].startswith("A delegation of the Omsk Region")
    [plant] = projects
    assert (plant.name, plant.regions, plant.value_usd, plant.status) == (
        "joint bus plant", ("RU-OMS", "KZ-55"), 30e6, "launched")
    assert len(plant.evidence) == 2


def test_partnership_shows_visit_and_project_with_dates(atlas_store) -> None:
    with atlas_store.session() as session:
        partnership = records.load_record(session=session, record_type="partnership",
                                          key="RU-OMS|KZ-55")
    assert set(partnership.via) >= {"visit", "project"}
    assert (partnership.first_seen, partnership.last_seen) == (date(2023, 5, 10),
                                                               date(2023, 10, 2))


def test_curated_values_survive_reassembly(atlas_store) -> None:
    with atlas_store.session() as session:
        [(visit_key, _)] = records.keyed_records(session=session, record_type="visit")
        [(project_key, _)] = records.keyed_records(session=session, record_type="project")
    curation.correct(atlas_store, "visit", visit_key, "description",
                     "Omsk governor's delegation in Pavlodar (grain)", author="analyst",
                     reason="shorter")
    curation.correct(atlas_store, "project", project_key, "status", "completed",
                     author="analyst", reason="ministry release")
    assemble(atlas_store)
    assert curation.current(atlas_store, "visit", visit_key).description == (
        "Omsk governor's delegation in Pavlodar (grain)")
    shown = curation.current(atlas_store, "project", project_key)
    assert (shown.status, shown.value_usd) == ("completed", 30e6)


def test_a_planned_visit_round_trips_and_shows_as_planned(store) -> None:
    from fastapi.testclient import TestClient

    from coopatlas.api import create_app
    from coopatlas.model import Visit

    visit = Visit("RU-OMS", "KZ-55", None, "An Omsk delegation is to come to Pavlodar",
                  period="2024-05..2024-06", status="planned")
    with store.session() as session:
        key = records.save_record(session=session, record=visit)
        session.commit()
    with store.session() as session:
        assert records.load_record(session=session, record_type="visit", key=key) == visit
    with TestClient(create_app(store.url)) as client:
        html = client.get("/regions/RU-OMS").text
        assert client.get("/api/regions/KZ-55").json()["visits"][0]["status"] == "planned"
    assert re.search(r"<time>2024-05\.\.2024-06</time> <span class=\"tag planned\">planned</span>"
                     r" An Omsk delegation", html)
