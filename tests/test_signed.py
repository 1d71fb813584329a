"""The documents-signed stage: which sentences sign what, in the text's words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopatlas.extract.contract import to_contract
from coopatlas.extract.signed import signed_stage
from coopatlas.extract.signed_filters import (
    about_ru_kz,
    foreign_countries,
    plausible,
    same_document,
)
from test_forums_support import make_doc

GOLDEN = Path(__file__).parent / "golden" / "events"
KZ = "Russia and Kazakhstan held talks. "


def titles(text: str, prefix: str = KZ) -> list[tuple[str, str, str]]:
    doc = signed_stage(make_doc(prefix + text))
    return [(c.fact.title, c.fact.kind, c.fact.status) for c in doc.claims]


@pytest.mark.parametrize("text,expected", [
    ("The ministers signed a memorandum of understanding on tourism.",
     [("memorandum of understanding on tourism", "memorandum", "signed")]),
    ("An agreement on water use was adopted.",
     [("agreement on water use", "agreement", "adopted")]),
    ("A joint statement on energy, an agreement on rail transit and a protocol on customs "
     "will be signed tomorrow.",
     [("joint statement on energy", "statement", "planned"),
      ("agreement on rail transit", "agreement", "planned"),
      ("protocol on customs", "protocol", "planned")]),
    ("A treaty on fisheries or, rather, a framework programme on fisheries is being drafted.",
     [("framework programme on fisheries", "programme", "drafted")]),
    ("A concept of the tourism programme was drafted and will be adopted today.",
     [("concept of the tourism programme", "concept", "drafted")]),
    ("The Customs Declaration to be signed at the summit is ready.",
     [("Customs Declaration", "declaration", "planned")]),
    ("Eight documents were signed at the forum, in particular on energy, education, health.",
     [("documents on energy", "document", "signed"),
      ("documents on education", "document", "signed"),
      ("documents on health", "document", "signed")]),
    ("A roadmap for the two programmes was proposed.", []),
    ("We support the plans for the new reserve.", []),
    ("Over 300 agreements have been signed between the regions.", []),
    ("Fourteen documents were signed during the visit.", []),
    ("The presidents will sign today.", []),
])
def test_titles(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert titles(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a semicolon list keeps its last item
    ("The ministers signed a treaty on river navigation; a protocol on veterinary checks; "
     "and a memorandum on grain exports.",
     ["treaty on river navigation", "protocol on veterinary checks",
      "memorandum on grain exports"]),
    # a long comma list: a date's comma and an inner "of" list do not cut it
    ("The sides signed a plan of joint events for 2025–2027, an agreement on the protection "
     "of lakes, wetlands and forests, a protocol on customs data dated March 3, 2001, as well "
     "as a memorandum on credit lines between two banks.",
     ["plan of joint events for 2025–2027",
      "agreement on the protection of lakes, wetlands and forests",
      "protocol on customs data dated March 3, 2001",
      "memorandum on credit lines between two banks"]),
    # coordinated modifiers belong to the one noun after them
    ("The delegations will sign interstate, municipal and private agreements.",
     ["interstate, municipal and private agreements"]),
    ("We have signed or will sign several bilateral treaties and trade contracts.",
     ["bilateral treaties and trade contracts"]),
    # a topic list inside "documents on X, Y and Z" is one title per outer item
    ("Nine documents were signed, in particular on prevention of floods, fires and droughts, "
     "on tourism, health, and road building.",
     ["documents on prevention of floods, fires and droughts", "documents on tourism",
      "documents on health", "documents on road building"]),
])
def test_lists(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The governors worked yesterday on five inter-regional agreements.",
     [("inter-regional agreements", "drafted")]),
    ("The president instructed the government to prepare a treaty that would simplify border "
     "crossings for students.",
     [("treaty that would simplify border crossings for students", "drafted")]),
    ("The ministries are drafting a programme of joint geological surveys.",
     [("programme of joint geological surveys", "drafted")]),
    ("A customs protocol will be submitted for signing next month.",
     [("customs protocol", "planned")]),
    ("The regions will sign another six cooperation agreements.",
     [("cooperation agreements", "planned")]),
    ("Business leaders are expected to sign about 25 joint contracts.",
     [("joint contracts", "planned")]),
])
def test_drafting_and_planned_counts(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, s) for t, _, s in titles(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Russian regions have signed agreements with Armenia.", []),
    ("An Armenian-Russian treaty on science was signed.", []),
    ("Russia and Uzbekistan signed a treaty on water.", []),
    ("Russia and Kazakhstan signed a treaty on transit to China.",
     ["treaty on transit to China"]),
])
def test_third_country_documents_are_left_out(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in titles(text)] == expected


def test_a_publication_not_naming_kazakhstan_has_no_documents() -> None:
    assert titles("Russia and Armenia signed a treaty on energy.", prefix="") == []


@pytest.mark.parametrize("text,country", [
    ("talks with Azerbaijan", ["Azerbaijan"]),
    ("Syrian and Chinese firms", ["Syrian", "Chinese"]),
    ("Uzbek and Belarusian regions", ["Uzbek", "Belarusian"]),
    ("the United States", ["United States"]),
    ("the Omsk Region and North Kazakhstan", []), ("Russian and Kazakh citizens", []),
])
def test_foreign_countries(text: str, country: list[str]) -> None:
    assert foreign_countries(text) == country


def test_sentence_about_another_country_only() -> None:
    assert not about_ru_kz("agreement on gas", "Russia and Georgia signed an agreement on gas.")
    assert about_ru_kz("agreement on gas", "Kazakhstan and Russia signed an agreement on gas.")


@pytest.mark.parametrize("phrase,ok", [
    ("interstate, inter-governmental, regional and commercial agreements", True),
    ("agreement that would let students travel", True),
    ("in spring we set out our plans", False),
    ("each of us will then move on to the documents", False),
    ("documents have been drafted and initialled", False),
    ("leaders of the five states met, although no final declaration", False),
])
def test_plausible_titles(phrase: str, ok: bool) -> None:
    assert plausible(phrase) is ok


def test_a_clause_is_not_a_title() -> None:
    text = "All the documents have been drafted and initialled to be signed next week."
    assert [(t, s) for t, _, s in titles(text)] == [("documents", "drafted")]


def test_same_document_twice_is_listed_once() -> None:
    text = ("A joint action programme for border crossing points was signed. "
            "The Joint Action Programme on Border Crossing Points to be signed is ambitious.")
    assert [t for t, _, _ in titles(text)] == ["joint action programme for border crossing points"]


def test_a_concept_renamed_is_listed_once() -> None:
    text = ("A Concept for the Russia-Kazakhstan Cross-Border Fisheries Programme was adopted. "
            "A concept of the programme for bilateral cross-border fisheries will be adopted "
            "today.")
    assert [t for t, _, _ in titles(text)] == [
        "Concept for the Russia-Kazakhstan Cross-Border Fisheries Programme"]


@pytest.mark.parametrize("a,b,same", [
    ("concept of the programme for bilateral cross-border fisheries",
     "Concept for the Russia-Kazakhstan Cross-Border Fisheries Programme", True),
    ("documents on energy", "documents on the environment", False),
    ("agreement on school exchanges", "programme of school exchanges", False),
])
def test_same_document(a: str, b: str, same: bool) -> None:
    assert same_document(a, b) is same


def test_summary_phrase_restating_listed_documents_is_dropped() -> None:
    text = ("An agreement on school exchanges and a plan of museum exhibitions were signed. "
            "A large package of school and museum agreements will be signed as well.")
    assert [t for t, _, _ in titles(text)] == [
        "agreement on school exchanges", "plan of museum exhibitions"]


def test_package_naming_new_parties_is_kept() -> None:
    text = ("An agreement on school exchanges was signed. A package of agreements between the "
            "Omsk Region and the Pavlodar Region will be signed as well.")
    assert len(titles(text)) == 2


def test_parties_are_the_regions_named_in_the_title() -> None:
    doc = signed_stage(make_doc(
        KZ + "The governors signed an agreement between the Omsk Region and the Pavlodar Region "
        "on grain trade."))
    (claim,) = doc.claims
    assert claim.fact.parties == ("RU-OMS", "KZ-55")
    assert claim.span.of(doc.text) == claim.fact.title


@pytest.mark.parametrize("case", sorted(p.stem for p in GOLDEN.glob("signed_*.txt")))
def test_golden(case: str) -> None:
    expected = json.loads((GOLDEN / f"{case}.json").read_text())
    doc = signed_stage(make_doc((GOLDEN / f"{case}.txt").read_text(), expected["published"]))
    assert to_contract(doc)["documents_signed"] == expected["documents_signed"]
