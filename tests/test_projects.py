"""The projects stage: golden fixture texts (our own), short table cases, negatives, provenance.

Each ``tests/golden/projects/NAME.txt`` has a ``NAME.json`` with the text's date and the
expected project claims (the name span's text and the fact). The texts run through the
real sentences and places stages. ``GOLDEN_UPDATE=1`` rewrites the expected files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from coopatlas.extract.contract import to_contract
from coopatlas.extract.render import render
from coopatlas.model import ProjectFact
from coopatlas.store import codec
from test_visits import as_json, extract

GOLDEN = Path(__file__).parent / "golden" / "projects"
CASES = sorted(p.stem for p in GOLDEN.glob("*.json"))


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    expected = json.loads((GOLDEN / f"{case}.json").read_text(encoding="utf-8"))
    text = (GOLDEN / f"{case}.txt").read_text(encoding="utf-8")
    _, claims = extract(text, expected["published"], kind="project")
    found = [as_json(c, text) for c in claims]
    if os.environ.get("GOLDEN_UPDATE"):
        expected["projects"] = found
        (GOLDEN / f"{case}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert found == expected["projects"]


def projects(text: str) -> list[ProjectFact]:
    return [c.fact for c in extract(text, kind="project")[1]]


@pytest.mark.parametrize("text,name,regions", [
    ("A joint venture of Omsk Region and Pavlodar Region makes buses.", "joint venture",
     ("RU-OMS", "KZ-55")),
    ("One good case is building an oil refinery in the Orenburg Region, which is to "
     "process crude from Kazakhstan.", "oil refinery in the Orenburg Region", ("RU-ORE",)),
    ("A car assembly plant in Kostanay was opened in 2019 by a Russian investor.",
     "car assembly plant in Kostanay", ("KZ-39",)),
    ("A Russian company will modernise the Pavlodar Petrochemical Plant in Kazakhstan.",
     "Pavlodar Petrochemical Plant", ("KZ-55",)),
])
def test_names_and_regions(text: str, name: str, regions: tuple[str, ...]) -> None:
    [fact] = projects(text)
    assert (fact.name, fact.regions) == (name, regions)


@pytest.mark.parametrize("text,status", [
    ("Omsk Region and Pavlodar Region will build a joint bus plant.", "planned"),
    ("Omsk Region and Pavlodar Region plan to open a joint bus plant.", "planned"),
    ("The joint bus plant of Omsk Region and Pavlodar Region is under construction.",
     "under_construction"),
    ("The joint bus plant of Omsk Region and Pavlodar Region was launched in May.", "launched"),
    ("The joint bus plant of Omsk Region and Pavlodar Region will be launched in May.",
     "planned"),
    ("The joint bus plant of Omsk Region and Pavlodar Region was completed in May.",
     "completed"),
    ("The joint bus plant of Omsk Region and Pavlodar Region makes buses.", None),
])
def test_status(text: str, status: str | None) -> None:
    [fact] = projects(text)
    assert fact.status == status


@pytest.mark.parametrize("text,value,unit", [
    ("Omsk Region and Pavlodar Region opened a joint bus plant worth $30 million.", 30e6, "USD"),
    ("Omsk Region and Pavlodar Region opened a $30 million joint bus plant.", 30e6, "USD"),
    ("Omsk Region and Pavlodar Region opened a joint bus plant with an investment of "
     "5 billion tenge.", 5e9, "KZT"),
    ("Omsk Region and Pavlodar Region opened a joint bus plant for 300 workers.", None, None),
])
def test_value(text: str, value: float | None, unit: str | None) -> None:
    [fact] = projects(text)
    assert (fact.value, fact.unit) == (value, unit)


@pytest.mark.parametrize("text", [
    "We have joint projects in mining and agriculture with Omsk Region.",  # a category
    "The Chelyabinsk Tractor Plant produced tractors for Kazakhstani farmers.",  # no work
    "Russia and Kazakhstan will build a nuclear power plant near Lake Balkhash.",  # no region
    "The project could be really outstanding for Omsk and Pavlodar.",  # a reference back
    "Tula Region and a Japanese company launched a joint venture in 2019.",  # third country
    "Kazakhstan and Russia agreed to build a new plant for railway cars.",  # no region
    "Omsk Region launched a joint venture with Tomsk Region.",  # both Russian
])
def test_not_projects(text: str) -> None:
    assert projects(text) == []


def test_claims_keep_provenance_and_the_name_span() -> None:
    text = "Kostanay Region and Chelyabinsk Region launched a joint logistics centre."
    _, [claim] = extract(text, kind="project")
    assert claim.rule == "projects:head-places"
    assert claim.span.of(text) == claim.fact.name == "joint logistics centre"
    assert claim.sentence is not None and claim.sentence.contains(claim.span)


def test_fact_round_trips_through_the_store_codec() -> None:
    _, [claim] = extract("Omsk Region and Pavlodar Region opened a joint bus plant worth "
                         "$30 million.", kind="project")
    back = codec.decode(json.loads(json.dumps(codec.encode(claim))))
    assert back == claim and isinstance(back.fact, ProjectFact)


def test_contract_leaves_projects_out_and_the_human_view_shows_them() -> None:
    doc, claims = extract("Omsk Region and Pavlodar Region opened a joint bus plant worth "
                          "$30 million.", kind="project")
    assert claims and "project" not in json.dumps(to_contract(doc))
    assert ("project 'joint bus plant' regions=RU-OMS,KZ-55 value=30,000,000 USD "
            "status=launched") in render(doc)
