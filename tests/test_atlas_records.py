"""Atlas record builders over hand-made claims: indicators, forums, partnerships, agreements."""

from __future__ import annotations

from datetime import date

import pytest

from coopatlas.atlas.agreements import agreement_key, assemble_agreements
from coopatlas.atlas.forums import assemble_forums, edition_of_docs, forum_conflicts
from coopatlas.atlas.indicators import conflicts, observations, series
from coopatlas.atlas.partnerships import assemble_partnerships
from coopatlas.atlas.sourced import Sourced
from coopatlas.model import (
    Claim,
    Figure,
    ForumMention,
    Mention,
    SignedDocument,
    Span,
    TwinPairFact,
)

_pos = iter(range(0, 10**6, 10))


def _item(kind, doc, fact, published, sentence=None, speaker=None):
    start = next(_pos)
    claim = Claim(kind=kind, doc_id=doc, span=Span(start, start + 5), fact=fact, rule="test",
                  sentence=sentence, speaker=speaker)
    return Sourced(claim, published=published, quote=f"sentence of {doc}")


D12, D19, D21 = date(2012, 9, 19), date(2019, 11, 7), date(2021, 9, 30)


def _fig(doc, published, value, unit, indicator, period, speaker=None):
    return _item("figure", doc, Figure(str(value), value, unit, indicator, period), published,
                 speaker=speaker)


FIGURES = [
    _fig("a", D12, 83, "count", "regions_total", "asof:2012-09-19"),
    _fig("a", D12, 7000, "km", "border_length", None),
    _fig("b", D19, 85, "count", "regions_total", "asof:2019-11-07"),
    _fig("b", D19, 7500, "km", "border_length", None),
    _fig("b", D19, 18.2e9, "USD", "trade_turnover", "2018", speaker="Putin"),
    _fig("c", D21, 14e9, "USD", "trade_turnover", "2021-01..2021-07"),
    _fig("c", D21, 85, "count", "regions_total", "asof:2021-09-30"),
    _fig("d", D21, 18.25e9, "USD", "trade_turnover", "2018"),  # rounding of the same value
    _fig("d", D21, 3, "count", "other", None),
]


def test_observations_keep_value_source_speaker_and_date():
    obs = observations(FIGURES)
    assert "other" not in {o.indicator for o in obs}
    trade = [o for o in obs if o.indicator == "trade_turnover" and o.period == "2018"]
    assert {(o.doc_id, o.value, o.speaker, o.published) for o in trade} == {
        ("b", 18.2e9, "Putin", D19), ("d", 18.25e9, None, D21)}
    assert all(o.quote for o in obs)


def test_figures_of_a_text_that_never_names_kazakhstan_stay_out_of_the_series():
    from dataclasses import replace

    from coopatlas.atlas.sourced import names_kazakhstan

    domestic = replace(_fig("e", D21, 31, "count", "regions_cooperating", "2021"),
                       on_topic=False)
    assert [o.doc_id for o in observations([*FIGURES[:2], domestic])] == ["a", "a"]
    assert names_kazakhstan("Talks in Astana with Kazakh partners")
    assert names_kazakhstan("Переговоры с Казахстаном")
    assert not names_kazakhstan("Gas pipelines reached 31 regions this year.")


def test_series_has_one_point_per_period_in_time_order():
    points = [p for p in series(observations(FIGURES)) if p.indicator == "trade_turnover"]
    assert [p.period for p in points] == ["2018", "2021-01..2021-07"]
    assert len(points[0].observations) == 2 and points[0].values == (18.2e9,)


@pytest.mark.parametrize("subject,kind,values", [
    ("indicator:border_length:-", "disagreement", ("7000 km", "7500 km")),
    ("indicator:regions_total", "change_over_time",
     ("83 count (asof:2012-09-19)", "85 count (asof:2019-11-07)", "85 count (asof:2021-09-30)")),
])
def test_conflicts_are_told_apart_by_period(subject, kind, values):
    found = {c.subject: c for c in conflicts(observations(FIGURES))}
    assert found[subject].kind == kind
    assert found[subject].values == values
    assert len(found[subject].evidence) == len(values)


def test_rounding_and_different_periods_are_not_disagreements():
    found = conflicts(observations(FIGURES))
    disagreements = [c.subject for c in found if c.kind == "disagreement"]
    assert disagreements == ["indicator:border_length:-"]


def _forum(doc, published, **kw):
    return _item("forum", doc, ForumMention(**kw), published)


FORUMS = [
    _forum("a", D12, edition=9, year=2012, city="Pavlodar", host_country="KZ"),
    _forum("a", D12, edition=1, year=2003, city="Omsk"),
    _forum("b", D19, edition=16, year=2019, city="Omsk", theme="Cross-Border Cooperation"),
    _forum("b", D19, edition=1, year=2003, city="Omsk"),
    _forum("c", D21, edition=16, year=2019, city="Petropavl",
           theme="the cross-border  cooperation"),
    _forum("e", D21, edition=16, year=2019, city="Omsk"),
    _item("document_signed", "b", SignedDocument("Joint Action Programme"), D19),
]


def test_forums_merge_by_edition_with_support_and_conflicts():
    assembled = {a.edition.edition: a for a in assemble_forums(FORUMS)}
    assert sorted(assembled) == [1, 9, 16]
    sixteen = assembled[16]
    assert (sixteen.edition.year, sixteen.edition.city) == (2019, "Omsk")
    assert [(v.value, v.documents) for v in sixteen.support["city"]] == [
        ("Omsk", 2), ("Petropavl", 1)]
    assert len(sixteen.support["theme"]) == 1  # case, article and spacing ignored
    assert sixteen.edition.documents_signed == ("Joint Action Programme",)
    assert assembled[1].edition.documents_signed == ()
    found = {c.subject: c for c in forum_conflicts(assembled.values())}
    assert list(found) == ["forum:16:city"]
    assert found["forum:16:city"].values == ("Omsk", "Petropavl")


def test_edition_of_docs_is_the_edition_of_the_texts_year():
    # c and e (2021) recall edition 16 (2019) but do not report on it
    assert edition_of_docs(FORUMS) == {"a": 9, "b": 16}


CITY_REGIONS = {"Moscow": "RU-MOW", "Astana": "KZ-71", "Omsk": "RU-OMS", "Pavlodar": "KZ-55",
                "Saint Petersburg": "RU-SPE", "Kazan": "RU-TA"}


def test_partnerships_from_twins_parties_and_signing_sentences():
    sentence = Span(0, 10_000_000)
    items = [
        _item("twin_pair", "a", TwinPairFact("Moscow", "Astana"), D12),
        _item("twin_pair", "c", TwinPairFact("Omsk", "Pavlodar"), D21),
        _item("twin_pair", "c", TwinPairFact("Saint Petersburg", "Kazan"), D21),  # both RU
        _item("document_signed", "b", SignedDocument("x", parties=("RU-OMS", "KZ-55")), D19),
        _item("document_signed", "b", SignedDocument("y"), D19, sentence=sentence),
        _item("region", "b", Mention("region", "RU-CHE", "Chelyabinsk", Span(1, 2), "t"), D19,
              sentence=sentence),
        _item("region", "b", Mention("region", "KZ-39", "Kostanay", Span(3, 4), "t"), D19,
              sentence=sentence),
        _item("region", "c", Mention("region", "KZ-63", "East", Span(3, 4), "t"), D21,
              sentence=sentence),  # another document's sentence: no link
    ]
    found = {(p.ru_region, p.kz_region): p for p in
             assemble_partnerships(items, city_region=CITY_REGIONS.get)}
    assert set(found) == {("RU-MOW", "KZ-71"), ("RU-OMS", "KZ-55"), ("RU-CHE", "KZ-39")}
    omsk = found[("RU-OMS", "KZ-55")]
    assert set(omsk.via) == {"twin_cities", "agreement"}
    assert (omsk.first_seen, omsk.last_seen) == (D19, D21)
    assert len(omsk.evidence) == 2
    assert found[("RU-CHE", "KZ-39")].via == ("signing",)


def test_agreements_registry_merges_titles():
    items = [
        _item("forum", "b", ForumMention(16, year=2019), D19),
        _item("document_signed", "b", SignedDocument("The Concept of X", "concept"), D19),
        _item("document_signed", "c", SignedDocument("concept of x", "concept",
                                                     parties=("RU-OMS",)), D21),
        _item("document_signed", "c", SignedDocument("Programme Y", "programme",
                                                     status="planned"), D21),
    ]
    registry = assemble_agreements(items, edition_of_docs(items))
    assert [(a.title, a.signed_on, a.forum_edition, a.parties) for a in registry] == [
        ("The Concept of X", D19, 16, ("RU-OMS",)),
        ("Programme Y", None, None, ()),
    ]
    assert agreement_key("A  Programme, for 2018–2023") == "programme for 2018 2023"
