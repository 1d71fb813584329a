"""The evaluation library: metric arithmetic on small hand-made JSON pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopatlas.errors import ConfigError, NotReady, UnreadableSource
from coopatlas.evaluate import (
    SetScore,
    compare,
    evaluate_corpus,
    match_titles,
    render_report,
    title_score,
)


def doc(**fields: object) -> dict:
    base = {"doc": "d1", "published": "2019-11-07", "segments": 1, "regions": [], "cities": [],
            "forums": [], "figures": [], "documents_signed": [], "twin_pairs": []}
    return base | fields


def fig(value: float, unit: str = "percent", indicator: str = "trade_growth",
        period: str | None = "2018") -> dict:
    return {"text": str(value), "value": value, "unit": unit, "indicator": indicator,
            "period": period}


@pytest.mark.parametrize("tp,fp,fn,p,r,f1", [
    (2, 1, 1, 2 / 3, 2 / 3, 2 / 3), (0, 0, 0, 1.0, 1.0, 1.0), (0, 2, 0, 0.0, 1.0, 0.0),
    (3, 0, 1, 1.0, 0.75, 6 / 7),
])
def test_set_score_arithmetic(tp: int, fp: int, fn: int, p: float, r: float, f1: float) -> None:
    s = SetScore(tp, fp, fn)
    assert (s.precision, s.recall, s.f1) == pytest.approx((p, r, f1))


def test_regions_and_cities_with_city_regions_scored_as_cities() -> None:
    gold = doc(regions=["RU-MOW", "RU-OMS", "KZ-55"], cities=["Omsk"])
    found = doc(regions=["RU-OMS", "RU-ORE"], cities=["Moscow", "Omsk"])
    res = compare(found, gold)
    assert (res.sets["regions"].tp, res.sets["regions"].fp, res.sets["regions"].fn) == (1, 1, 1)
    assert (res.sets["cities"].tp, res.sets["cities"].fp, res.sets["cities"].fn) == (2, 0, 0)
    assert "MISS regions d1: KZ-55" in res.lines and "FALSE regions d1: RU-ORE" in res.lines


def test_figures_match_by_value_and_unit_with_rounding_tolerance() -> None:
    gold = doc(figures=[fig(33.33, period="2017-01..2017-08"), fig(4.5), fig(18.2e9, "USD")])
    found = doc(figures=[fig(100 / 3, period="2017"), fig(4.5, indicator="other"),
                         fig(34)])
    res = compare(found, gold)
    s = res.sets["figures"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert (res.accuracy["figure.indicator"].right, res.accuracy["figure.indicator"].total) == \
        (1, 2)
    assert res.accuracy["figure.period"].right == 1
    assert "MISS figures d1: 18200000000 USD trade_growth 2018" in res.lines
    assert "FALSE figures d1: 34 percent trade_growth 2018" in res.lines


def test_forums_match_by_edition_then_fields() -> None:
    g16 = {"edition": 16, "year": 2019, "date": "2019-11-07", "city": "Omsk",
           "host_country": "RU", "theme": "Cross-Border Cooperation", "format": "in-person"}
    found = doc(forums=[g16 | {"city": None, "theme": "cross-border cooperation."},
                        {"edition": 3}])
    res = compare(found, doc(forums=[g16, {"edition": 1, "year": 2003}]))
    s = res.sets["forums"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert res.accuracy["forum.city"].right == 0 and res.accuracy["forum.theme"].right == 1
    assert "WRONG forum.city d1: edition 16: got None, gold 'Omsk'" in res.lines


def test_documents_signed_fuzzy_one_to_one() -> None:
    gold = ["Joint Action Programme on the State Border Crossing Points", "commercial contracts"]
    found = ["joint action programme for state border crossing points",
             "joint action programme on state border crossing points", "memorandum on tourism"]
    assert len(match_titles(found, gold)) == 1
    assert title_score("commercial contracts", "memorandum on tourism") < 80
    res = compare(doc(documents_signed=found), doc(documents_signed=gold))
    s = res.sets["documents_signed"]
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)


def test_a_longer_title_holding_the_gold_one_matches() -> None:
    assert title_score("protocol on the seabed of the Caspian Sea for the purposes of use",
                       "protocol on the seabed of the Caspian Sea") >= 80


@pytest.mark.parametrize("a,b", [
    # the same document, named shorter, with short party names
    ("Joint Statement on the tenth anniversary of the partnership between Russia and Kazakhstan",
     "Joint Statement marking the tenth anniversary of the establishment of the partnership"
     " between the Russian Federation and the Republic of Kazakhstan"),
    ("protocol to the agreement on fishing quotas in the Ural river",
     "Protocol to the Agreement between the Government of the Russian Federation and the"
     " Government of the Republic of Kazakhstan on Fishing Quotas in the Ural River Basin"),
])
def test_a_shorter_title_of_the_same_document_matches(a: str, b: str) -> None:
    assert title_score(a, b) >= 80 and title_score(b, a) >= 80


@pytest.mark.parametrize("a,b", [
    ("Agreement", "agreement between Russia and Kazakhstan on customs cooperation"),  # too short
    ("memorandum on fishing quotas in the Ural river basin",  # another kind of document
     "agreement on fishing quotas in the Ural river basin and the Caspian Sea"),
    ("programme of rail freight and passenger transport",  # a word the longer one lacks
     "programme of rail freight transport development and modernisation"),
])
def test_containment_needs_three_words_the_kind_and_every_word(a: str, b: str) -> None:
    assert title_score(a, b) < 80


def test_twin_pairs_are_unordered_and_published_is_exact() -> None:
    res = compare(doc(twin_pairs=[["Astana", "Moscow"]], published="2019-11-08"),
                  doc(twin_pairs=[["Moscow", "Astana"], ["Omsk", "Pavlodar"]]))
    s = res.sets["twin_pairs"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)
    assert res.accuracy["published"].right == 0 and res.accuracy["segments"].right == 1


def _corpus(tmp_path: Path, golds: dict[str, dict]) -> tuple[Path, Path]:
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    for name, data in golds.items():
        (gold / f"{name}.json").write_text(json.dumps(data))
    return corpus, gold


def test_evaluate_corpus_sums_documents_and_reports_failures(tmp_path: Path) -> None:
    corpus, gold = _corpus(tmp_path, {"a": doc(cities=["Omsk"]), "b": doc(cities=["Kazan"]),
                                      "c": doc(cities=["Aktau"])})
    (corpus / "a.txt").write_text("text a")
    (corpus / "b.html").write_text("text b")

    def extract(path: Path) -> dict:
        if path.stem == "b":
            raise NotReady("stage not built")
        return doc(cities=["Omsk", "Oral"])

    report = evaluate_corpus(corpus, gold, extract)
    s = report.sets["cities"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 2)
    assert any(e.startswith("ERROR b:") for e in report.errors)
    assert any(e.startswith("ERROR c: no text") for e in report.errors)
    text = render_report(report)
    assert "cities" in text and "FALSE cities a: Oral" in text and "MISS cities c: Aktau" in text


def test_bad_gold_and_missing_folders_are_clear_errors(tmp_path: Path) -> None:
    corpus, gold = _corpus(tmp_path, {})
    with pytest.raises(ConfigError, match="no gold"):
        evaluate_corpus(corpus, gold, lambda p: {})
    with pytest.raises(ConfigError, match="corpus folder not found"):
        evaluate_corpus(tmp_path / "nope", gold, lambda p: {})
    (gold / "x.json").write_text("{broken")
    with pytest.raises(UnreadableSource, match="x.json"):
        evaluate_corpus(corpus, gold, lambda p: {})
