"""The places stage: tricky phrases, golden fixtures, span property, seed scores."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopatlas.doc import Doc
from coopatlas.extract.places import find_mentions, places_stage
from coopatlas.model import Document

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "places"
SHARED = ROOT.parent / "shared"


def keys(text: str, year: int | None = 2021) -> list[tuple[str, str]]:
    return [(m.kind, m.key) for m in find_mentions(text, year)]


@pytest.mark.parametrize(("text", "expected"), [
    ("the Chelyabinsk, Sverdlovsk and Omsk regions",
     [("region", "RU-CHE"), ("region", "RU-SVE"), ("region", "RU-OMS")]),
    ("Bashkortostan and Astrakhan and Ryazan Regions",
     [("region", "RU-BA"), ("region", "RU-AST"), ("region", "RU-RYA")]),
    ("posts in Dagestan and Karachaevo-Cherkesia",  # a transliteration with one "s"
     [("region", "RU-DA"), ("region", "RU-KC")]),
    ("Altai and Krasnoyarsk territories", [("region", "RU-ALT"), ("region", "RU-KYA")]),
    ("the Pavlodar, North Kazakhstan, West Kazakhstan and Kostanay regions",
     [("region", "KZ-55"), ("region", "KZ-59"), ("region", "KZ-27"), ("region", "KZ-39")]),
    ("Moscow, Moscow Region, Kurgan and Orenburg regions",
     [("city", "Moscow"), ("region", "RU-MOS"), ("region", "RU-KGN"), ("region", "RU-ORE")]),
    ("He flew to Omsk.", [("city", "Omsk")]),
    ("He flew to the Omsk Region.", [("region", "RU-OMS")]),
    ("in Russia's Republic of Altai", [("region", "RU-AL")]),
    ("a reserve in Eastern Kazakhstan", [("region", "KZ-63")]),
    ("twin cities Moscow and Nur-Sultan, St Petersburg and Almaty",
     [("city", "Moscow"), ("city", "Astana"), ("city", "Saint Petersburg"), ("city", "Almaty")]),
    ("Rostov-on-Don and Uralsk", [("city", "Rostov-on-Don"), ("city", "Oral")]),
    ("Chelyabinsk State University opened a branch in Kostanay", [("city", "Kostanay")]),
    ("the Ural Federal University and al-Farabi Kazakh National University", []),
    ("the Moscow State Institute of International Relations will open a campus in Astana",
     [("city", "Astana")]),
    ("the modernisation of the Ekibastuz GRES", []),
    ("the world-famous Baikonur space launch centre", []),
    ("universities in the Volga Region, Siberia and the Urals",
     [("macro_region", "volga"), ("macro_region", "siberia"), ("macro_region", "urals")]),
    ("from Petropavlovsk to Petropavlovsk-Kamchatsky",
     [("city", "Petropavl"), ("city", "Petropavlovsk-Kamchatsky")]),
    ("President Nursultan Nazarbayev met Vladimir Putin", []),
    ("the opera Abai was staged; the Abai Region was created", [("region", "KZ-10")]),
    ("the Altai Golden Ring project", []),
    ("the Ural and Irtysh rivers", []),
    ("Komsomolsk-on-Amur and Ust-Kamenogorsk", [("city", "Komsomolsk-on-Amur"),
                                                ("city", "Oskemen")]),
])
def test_phrases(text: str, expected: list[tuple[str, str]]) -> None:
    assert keys(text) == expected


# the world layer: foreign cities and small towns, only where the text shows a city
@pytest.mark.parametrize(("text", "expected"), [
    ("The ministers met in Geneva on Monday.", [("city", "Geneva")]),
    ("Flights from Bishkek to Omsk resume.", [("city", "Bishkek"), ("city", "Omsk")]),
    ("A statue was unveiled in the Kyrgyz town of Cholpon-Ata.", [("city", "Cholpon-Ata")]),
    ("Spas in Yessentuki and Zheleznovodsk grew.", [("city", "Yessentuki"),
                                                    ("city", "Zheleznovodsk")]),
    ("The fair moved to Zurich and then to Poznan.", [("city", "Zürich"), ("city", "Poznań")]),
    ("Delegates came from Astana, Nice and Geneva.", [("city", "Astana"), ("city", "Nice"),
                                                      ("city", "Geneva")]),
    ("The partners toured Paris and Berlin.", [("city", "Paris"), ("city", "Berlin")]),
    ("the Scottish capital Edinburgh", [("city", "Edinburgh")]),
    ("a congress in the city of Rimini, Italy", [("city", "Rimini")]),
    ("Sochi\nThe leaders met.", [("city", "Sochi")]),
    ("Bishkek\nThe leaders met.", [("city", "Bishkek")]),
    # Russian spellings of neighbours' cities, and a town shown by its region after it
    ("Talks in Kiev and Kharkov went on.", [("city", "Kyiv"), ("city", "Kharkiv")]),
    ("May 5, 2004\nValdai, Novgorod Region\nThe talks began.", [("city", "Valday"),
                                                                ("region", "RU-NGR")]),
    ("a museum in Ivanovka, Tambov Region, opened", [("region", "RU-TAM")]),  # not Kyrgyz
    # words, persons, firms and things that share a city's name
    ("Reading matters. Mobile networks grow.", []),
    ("The Commonwealth of Independent States met.", []),
    ("Victoria Nuland and George Washington were named.", []),
    ("Mr Korsakov spoke; Gagarin flew first.", []),
    ("the Geneva Convention and the Minsk agreements", []),
    ("the Druzhba oil pipeline and the Bishkek–Osh motorway", []),
    ("the Barents and Kara seas", []),
    ("the Donetsk and Lugansk regions", []),
    ("Patriarch John X of Antioch and St Clement of Rome", []),
    ("the village of Ivanovka and the University of Tokai", []),
    ("the space shuttle Columbia", []),
    ("the Duma passed it; President Bush called", []),
    ("Toyota and Hitachi invest.", []),
    ("the Sirius educational centre", []),
    # sites, lakes and rivers
    ("Our cooperation at Baikonur grows; the Baikonur Cosmodrome is leased.", []),
    ("a hotel in the town of Baikonur", [("city", "Baikonur")]),
    ("Zvyozdny Hotel, Baikonur, Kazakhstan", [("city", "Baikonur")]),
    ("a plant near Lake Balkhash; the Kerch Strait; the Ishim River", []),
    ("the port of Balkhash", [("city", "Balkhash")]),
])
def test_world_and_context(text: str, expected: list[tuple[str, str]]) -> None:
    assert keys(text) == expected


def test_each_list_item_has_its_own_span() -> None:
    text = "the Chelyabinsk, Sverdlovsk and Omsk regions"
    assert [m.surface for m in find_mentions(text)] == ["Chelyabinsk", "Sverdlovsk", "Omsk"]


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.txt")), ids=lambda p: p.stem)
def test_golden(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    got = [{"kind": m.kind, "key": m.key, "surface": m.surface, "start": m.span.start,
            "end": m.span.end} for m in find_mentions(text, expected["year"])]
    assert got == expected["mentions"]


def _doc(text: str, published: date | None = None) -> Doc:
    return Doc(Document(doc_id="t", source="t.txt", text=text, content_hash="0",
                        published=published))


def test_stage_appends_mentions_and_claims() -> None:
    doc = places_stage(_doc("Omsk and the Omsk Region, Siberia.", date(2019, 11, 7)))
    assert [(m.kind, m.key) for m in doc.mentions] == [
        ("city", "Omsk"), ("region", "RU-OMS"), ("macro_region", "siberia")]
    assert [(c.kind, c.fact.key, c.rule) for c in doc.claims] == [
        ("city", "Omsk", "city.name"), ("region", "RU-OMS", "region.designator")]


NAMES = ["Omsk", "Omsk Region", "Bashkortostan", "Uralsk", "Nur-Sultan", "the Urals", "Moscow",
         "Altai Territory", "East Kazakhstan", "Омской области", "Алматы", "Petropavlovsk"]
FILLER = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(FILLER, st.sampled_from(NAMES)), min_size=1, max_size=6), FILLER)
def test_spans_point_at_their_surface(parts: list[tuple[str, str]], tail: str) -> None:
    text = "".join(f + " " + n + " " for f, n in parts) + tail
    for m in find_mentions(text):
        assert m.span.of(text) == m.surface
        assert m.surface.strip() == m.surface and m.surface


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "corpus" / "seeds").exists(),
                    reason="../shared/corpus/seeds is not available")
def test_seed_scores(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("measure", ROOT / "tools" / "measure_places.py")
    assert spec and spec.loader
    measure = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(measure)
    assert measure.main([]) == 0
    out = capsys.readouterr().out
    for line in out.splitlines():
        assert float(line.rsplit("F1=", 1)[1]) >= 0.95, line
