"""The forums stage on our own fixture texts (golden files) and on short table cases."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from coopatlas.extract.contract import to_contract
from coopatlas.extract.forums import make_forums_stage
from coopatlas.extract.signed import signed_stage
from coopatlas.extract.twins import twins_stage
from coopatlas.model import Mention, Span
from test_forums_support import COUNTRY, make_doc

GOLDEN = Path(__file__).parent / "golden" / "events"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))
forums = make_forums_stage(COUNTRY.get)


def run(text: str, published: str | None = "2022-11-28") -> list[dict]:
    return to_contract(forums(make_doc(text, published)))["forums"]


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    expected = json.loads((GOLDEN / f"{case}.json").read_text())
    doc = make_doc((GOLDEN / f"{case}.txt").read_text(), expected["published"])
    found = to_contract(twins_stage(signed_stage(forums(doc))))
    for fld in ("forums", "documents_signed", "twin_pairs"):
        assert found[fld] == expected[fld], fld


KZ = "Russia and Kazakhstan meet again. "


@pytest.mark.parametrize("text,editions", [
    (KZ + "Welcome to the 14th Russia-Kazakhstan Interregional Cooperation Forum.", [14]),
    (KZ + "They will attend the XX Forum of Interregional Cooperation.", [20]),
    (KZ + "This is the 16th meeting of Russian and Kazakhstani regions.", [16]),
    (KZ + "Our first interregional meeting took place in Omsk in 2003.", [1]),
    (KZ + "The Interregional Cooperation Forum started with the first meeting in Omsk.", [1]),
    (KZ + "The first forum of youth leaders of Russia and Kazakhstan opened.", []),
    (KZ + "The second forum of universities from the border regions was held.", []),
    (KZ + "The 10th Russia-China Interregional Forum opened.", []),
    (KZ + "The 7th Forum of Regions of Russia and Belarus opened.", []),
    (KZ + "Next year we will meet in Kazakhstan for the forum.", []),
    (KZ + "At our first meeting today we spoke about trade.", []),
    ("Welcome to the 14th Russia-Belarus Interregional Cooperation Forum.", []),
    (KZ + "Kazakhstan is hosting the Forum for the fourth time.", []),
])
def test_which_phrases_are_editions(text: str, editions: list[int]) -> None:
    assert [f["edition"] for f in run(text)] == editions


def test_year_resolves_against_the_text_date_for_an_upcoming_forum() -> None:
    text = (KZ + "The state visit of the President to Kazakhstan is planned. Part of the "
            "visit will be the upcoming 21st Forum of Interregional Cooperation.")
    (forum,) = run(text, "2025-03-01")
    assert (forum["year"], forum["date"], forum["host_country"], forum["format"]) == \
        (2025, None, "KZ", "in-person")


def test_stated_span_of_days_and_past_year() -> None:
    text = KZ + "The 15th Russia-Kazakhstan Interregional Cooperation Forum was held on " \
        "7–8 November 2019 in Omsk."
    (forum,) = run(text, "2020-01-10")
    assert forum["date"] == "2019-11-07/2019-11-08" and forum["city"] == "Omsk"
    assert forum["year"] == 2019 and forum["host_country"] == "RU"


def test_former_city_names_come_out_current() -> None:
    text = KZ + "The 12th Russia-Kazakhstan Interregional Cooperation Forum took place in " \
        "Uralsk in 2005."
    (forum,) = run(text)
    assert (forum["city"], forum["host_country"], forum["year"]) == ("Oral", "KZ", 2005)


def test_claims_carry_spans_on_the_ordinal_phrase() -> None:
    doc = forums(make_doc(KZ + "Welcome to the IX Russia-Kazakhstan Interregional "
                          "Cooperation Forum.", "2012-09-19"))
    (claim,) = doc.claims
    assert claim.span.of(doc.text).startswith("IX Russia-Kazakhstan")
    assert asdict(claim.fact)["edition"] == 9 and claim.kind == "forum"


def test_an_announcement_gives_the_hosting_city_and_the_day_in_the_texts_year() -> None:
    text = ("Announcement\nOn October 3 Omsk will host the 18th Russia-Kazakhstan Interregional "
            "Cooperation Forum. Both presidents will attend.")
    (forum,) = run(text, "2023-10-02")
    assert (forum["edition"], forum["date"], forum["city"], forum["host_country"],
            forum["format"]) == (18, "2023-10-03", "Omsk", "RU", "in-person")


def test_the_previous_forum_is_the_edition_before_the_current_one() -> None:
    text = ("Omsk hosts the 18th Russia-Kazakhstan Interregional Cooperation Forum today. "
            "The previous forum took place in Pavlodar in September 2022.")
    forums_found = {f["edition"]: f for f in run(text, "2023-10-03")}
    assert sorted(forums_found) == [17, 18]
    previous = forums_found[17]
    assert (previous["year"], previous["date"], previous["city"], previous["host_country"]) == \
        (2022, None, "Pavlodar", "KZ")


def test_a_relative_forum_needs_a_numbered_current_one() -> None:
    text = (KZ + "The previous Interregional Cooperation Forum took place in Pavlodar.")
    assert run(text, "2023-10-03") == []


def test_a_theme_after_a_lead_in_and_a_dash_loses_the_lead_in_and_the_article() -> None:
    text = (KZ + "Welcome to the 18th Russia-Kazakhstan Interregional Cooperation Forum. "
            "This forum is devoted to a pressing topic – the digital economy of border areas.")
    (forum,) = run(text, "2023-10-03")
    assert forum["theme"] == "digital economy of border areas"


def test_a_date_far_after_the_forum_phrase_belongs_to_something_else() -> None:
    text = ("October 3, 2023\nOmsk\nAfter the 18th Russia-Kazakhstan Interregional Cooperation "
            "Forum the sides amended the intergovernmental agreement on border checkpoints "
            "of March 12, 1999.")
    (forum,) = run(text, "2023-10-03")
    assert (forum["year"], forum["date"]) == (2023, "2023-10-03")


def test_a_theme_the_forum_will_focus_on() -> None:
    text = (KZ + "They will attend the 18th Russia-Kazakhstan Interregional Cooperation "
            "Forum, which will focus on water management in border basins.")
    (forum,) = run(text, "2023-10-03")
    assert forum["theme"] == "water management in border basins"


def test_a_city_abroad_is_never_the_forums_city() -> None:
    text = (KZ + "The 18th Russia-Kazakhstan Interregional Cooperation Forum was discussed "
            "in Geneva.")
    doc = make_doc(text, "2023-10-03")
    at = text.index("Geneva")
    doc.mentions.append(Mention("city", "Geneva", "Geneva", Span(at, at + 6), "test"))
    (forum,) = to_contract(make_forums_stage({"Geneva": "CH"}.get)(doc))["forums"]
    assert (forum["city"], forum["host_country"]) == (None, None)


def test_a_forum_ahead_in_another_city_is_not_on_the_datelines_date() -> None:
    text = ("October 12, 2023\nSamara\n" + KZ + "We will meet in Omsk at the 18th Russia-"
            "Kazakhstan Interregional Cooperation Forum.")
    (forum,) = run(text, "2023-10-12")
    assert (forum["city"], forum["date"]) == ("Omsk", None)


def test_later_the_same_day_in_the_datelines_city_is_on_its_date() -> None:
    text = ("October 12, 2023\nOmsk\n" + KZ + "Later they will take part in the 18th "
            "Russia-Kazakhstan Interregional Cooperation Forum.")
    (forum,) = run(text, "2023-10-12")
    assert (forum["city"], forum["date"]) == ("Omsk", "2023-10-12")
