"""The atlas from ../shared/corpus/seeds: forums, trade series, conflicts, twin partnerships."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopatlas.atlas.assemble import assemble
from coopatlas.ingest.run import ingest
from coopatlas.store import open_store

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not SEEDS.exists(), reason=f"{SEEDS} is absent")]


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'atlas.db'}")
    summary = ingest([SEEDS], store=store, progress=False)
    assert summary.failed == 0, summary.failures
    yield assemble(store)
    store.close()


@pytest.mark.parametrize("edition,year,city", [
    (9, 2012, "Pavlodar"), (14, 2017, "Chelyabinsk"), (16, 2019, "Omsk"), (17, 2021, None),
])
def test_forum_editions_with_years_and_stated_cities(atlas, edition, year, city):
    forums = {f.edition: f for f in atlas.forums}
    assert (forums[edition].year, forums[edition].city) == (year, city)


def test_trade_turnover_series_with_values_and_sources(atlas):
    trade = {(o.period, o.value) for o in atlas.observations if o.indicator == "trade_turnover"}
    assert {("2017-01..2017-08", 11e9), ("2018", 18.2e9), ("2021-01..2021-07", 14e9)} <= trade
    assert all(o.quote and o.doc_id for o in atlas.observations)


def test_regions_total_is_change_over_time_and_border_length_a_disagreement(atlas):
    kinds = {c.subject: c for c in atlas.conflicts}
    assert kinds["indicator:regions_total"].kind == "change_over_time"
    assert {"83 count (asof:2012-09-19)", "85 count (asof:2019-11-07)"} <= set(
        kinds["indicator:regions_total"].values)
    border = kinds["indicator:border_length:-"]
    assert border.kind == "disagreement" and set(border.values) == {"7000 km", "7500 km"}


@pytest.mark.parametrize("ru,kz", [("RU-MOW", "KZ-71"), ("RU-OMS", "KZ-55")])
def test_twin_cities_become_partnerships(atlas, ru, kz):
    found = {(p.ru_region, p.kz_region): p for p in atlas.partnerships}
    assert "twin_cities" in found[(ru, kz)].via
    assert found[(ru, kz)].evidence
