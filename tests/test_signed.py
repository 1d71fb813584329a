"""The documents-signed stage: which sentences sign what, in the text's words."""

from __future__ import annotations

import pytest

from coopatlas.extract.signed import signed_stage
from test_forums_support import make_doc


def titles(text: str) -> list[tuple[str, str, str]]:
    doc = signed_stage(make_doc(text))
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
    ("The presidents will sign today.", []),
])
def test_titles(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert titles(text) == expected


def test_same_document_twice_is_listed_once() -> None:
    text = ("A joint action programme for border crossing points was signed. "
            "The Joint Action Programme on Border Crossing Points to be signed is ambitious.")
    assert [t for t, _, _ in titles(text)] == ["joint action programme for border crossing points"]


def test_parties_are_the_regions_named_in_the_title() -> None:
    doc = signed_stage(make_doc(
        "The governors signed an agreement between the Omsk Region and the Pavlodar Region on "
        "grain trade."))
    (claim,) = doc.claims
    assert claim.fact.parties == ("RU-OMS", "KZ-55")
    assert claim.span.of(doc.text) == claim.fact.title
