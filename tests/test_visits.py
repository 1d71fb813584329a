"""The visits stage: golden fixture texts (our own), short table cases, negatives, provenance.

Each ``tests/golden/visits/NAME.txt`` has a ``NAME.json`` with the text's date and the
expected visit claims (the claim's text and its fact). The texts run through the real
sentences and places stages. Set ``GOLDEN_UPDATE=1`` to rewrite the expected files from the
current output (review the diff before committing it).
"""

from __future__ import annotations

import doctest
import hashlib
import json
import os
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from coopatlas.doc import Doc
from coopatlas.extract import eventtime
from coopatlas.extract.contract import to_contract
from coopatlas.extract.render import render
from coopatlas.model import Claim, Document, VisitFact
from coopatlas.pipeline import STAGES, Pipeline
from coopatlas.store import codec

GOLDEN = Path(__file__).parent / "golden" / "visits"
CASES = sorted(p.stem for p in GOLDEN.glob("*.json"))
BEFORE = [s for s in STAGES if s[0] in ("sentences", "places")]


def extract(text: str, published: str | None = "2023-09-14", kind: str = "visit",
            stages: list[tuple[str, str]] | None = None) -> tuple[Doc, list[Claim]]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    document = Document(doc_id=digest[:16], source="test", text=text, content_hash=digest,
                        published=date.fromisoformat(published) if published else None)
    doc = Pipeline(stages or STAGES)(document)
    return doc, [c for c in doc.claims if c.kind == kind]


def as_json(claim: Claim, text: str) -> dict[str, Any]:
    fact = {k: v.isoformat() if isinstance(v, date) else list(v) if isinstance(v, tuple) else v
            for k, v in asdict(claim.fact).items()}
    return {"text": claim.span.of(text), "fact": fact}


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    expected = json.loads((GOLDEN / f"{case}.json").read_text(encoding="utf-8"))
    text = (GOLDEN / f"{case}.txt").read_text(encoding="utf-8")
    _, claims = extract(text, expected["published"])
    found = [as_json(c, text) for c in claims]
    if os.environ.get("GOLDEN_UPDATE"):
        expected["visits"] = found
        (GOLDEN / f"{case}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert found == expected["visits"]


def pairs(text: str, published: str | None = "2023-09-14") -> list[tuple[str, str, str]]:
    return [(c.fact.region, c.fact.host_region or c.fact.host_country, c.fact.status)
            for c in extract(text, published)[1]]


@pytest.mark.parametrize("text,expected", [
    ("The Orenburg delegation arrived in Oral.", [("RU-ORE", "KZ-27", "held")]),
    ("Pavlodar Region hosted a trade mission from Omsk Region.",
     [("RU-OMS", "KZ-55", "held")]),
    ("A delegation of Kostanay Region was received in Chelyabinsk.",
     [("KZ-39", "RU-CHE", "held")]),
    ("The governor of the Omsk Region will visit Pavlodar next week.",
     [("RU-OMS", "KZ-55", "planned")]),
    ("The upcoming visit of the Omsk Region delegation to Pavlodar was discussed.",
     [("RU-OMS", "KZ-55", "planned")]),
    ("The akim of Pavlodar Region visited Russia.", [("KZ-55", "RU", "held")]),
    ("The Omsk and Tomsk delegations visited Pavlodar and Ekibastuz.",
     [("RU-OMS", "KZ-55", "held"), ("RU-TOM", "KZ-55", "held")]),
    ("The head of Bashkortostan and the governor of the Kurgan Region visited Kostanay.",
     [("RU-BA", "KZ-39", "held"), ("RU-KGN", "KZ-39", "held")]),
    ("The governor of Omsk Region met the akim of Pavlodar Region, and the Kurgan "
     "delegation visited Kostanay.", [("RU-KGN", "KZ-39", "held")]),
])
def test_visits(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize("text", [
    "A delegation of the Omsk Region visited Germany.",  # a third country
    "The governor of Omsk Region visited Tara in the north of the region.",  # at home
    "The Samara delegation visited Kazan.",  # both Russian
    "Tourist visits to the Omsk Region from Kazakhstan rose by 12 percent.",  # no agent
    "The Pavlodar Region website counts 5,000 visits a day.",  # a visit, not a trip
    "Last year over 20 delegations from Russian regions visited Kazakhstan.",  # no region
    "President Vladimir Putin visited Astana.",  # a head of state, not a region
    "Omsk Region and Pavlodar Region signed a memorandum.",  # no movement
])
def test_not_visits(text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize("text,on,period", [
    ("The Orenburg delegation arrived in Oral on 12 May.", date(2023, 5, 12), "2023-05..2023-05"),
    ("The Orenburg delegation arrived in Oral on May 3, 2021.", date(2021, 5, 3),
     "2021-05..2021-05"),
    ("In the second half of 2022 the Orenburg delegation arrived in Oral.", None,
     "2022-07..2022-12"),
    ("The Orenburg delegation arrived in Oral today.", date(2023, 9, 14), "2023-09..2023-09"),
    ("Between July and September the Orenburg delegation arrived in Oral.", None,
     "2023-07..2023-09"),
    ("The Orenburg delegation will come to Oral before the end of the year.", None, "2023"),
    ("The Orenburg delegation arrived in Oral.", None, None),
])
def test_dates_resolve_against_the_text_date(text: str, on: date | None,
                                             period: str | None) -> None:
    [claim] = extract(text)[1]
    assert (claim.fact.on, claim.fact.period) == (on, period)


def test_claims_keep_provenance_and_a_description_span() -> None:
    text = ("A delegation of the Omsk Region visited Pavlodar Region in March. "
            "It was a good trip.")
    doc, [claim] = extract(text)
    assert claim.rule == "visits:agent-cue-host" and claim.extractor_version
    assert claim.sentence is not None and claim.sentence.contains(claim.span)
    assert claim.span.of(text) == claim.fact.description
    assert claim.fact.description.startswith("A delegation of the Omsk Region visited")


def test_without_places_stage_or_cue_nothing_is_read() -> None:
    text = "A delegation of the Omsk Region visited Pavlodar Region."
    only_visits = [s for s in STAGES if s[0] == "visits"]
    assert extract(text, stages=only_visits)[1] == []  # no mentions: nothing to pair
    assert extract("Omsk Region and Pavlodar Region.", stages=[*BEFORE, *only_visits])[1] == []


def test_fact_round_trips_through_the_store_codec() -> None:
    _, [claim] = extract("The Orenburg delegation arrived in Oral on 12 May.")
    back = codec.decode(json.loads(json.dumps(codec.encode(claim))))
    assert back == claim and isinstance(back.fact, VisitFact)


def test_contract_leaves_visits_out_and_the_human_view_shows_them() -> None:
    doc, claims = extract("A delegation of the Omsk Region visited Pavlodar Region in March.")
    assert claims
    contract = to_contract(doc)
    assert set(contract) == {"doc", "published", "segments", "regions", "cities", "forums",
                             "figures", "documents_signed", "twin_pairs"}
    assert "visit delegation RU-OMS -> KZ-55 2023-03..2023-03 held" in render(doc)


def test_eventtime_doctests() -> None:
    assert doctest.testmod(eventtime).failed == 0
