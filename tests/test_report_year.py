"""The year a report is about: past results after the speaker named last year (own fixtures)."""

from __future__ import annotations

from datetime import date

import pytest

from coopatlas.extract.report_year import report_year
from test_figures import run

SPRING, AUTUMN = "2020-03-16", "2020-09-16"

REPORT = (
    "Minister of Roads Oleg Varlamov: Mr President, the ministry met all of its plans in 2019 "
    "and did better than in 2018.\n"
    "Toll revenue rose to 52 billion rubles, and the new ferries carried 12 million "
    "passengers.\n"
)


def periods(text: str, published: str = SPRING) -> list[str | None]:
    return [c.fact.period for c in run(text, published).claims]


def test_past_results_after_the_named_year_are_that_years() -> None:
    assert periods(REPORT) == ["2019", "2019"]
    claims = run(REPORT, SPRING).claims
    assert all(c.rule.endswith("+report_year") for c in claims)


def test_outside_the_report_season_they_stay_the_texts() -> None:
    # the change with no time is the text's year, the count a stock of its date
    assert periods(REPORT, AUTUMN) == ["2020", "asof:2020-09-16"]


def test_a_year_other_than_the_last_one_is_not_carried() -> None:
    text = REPORT.replace("in 2019 and did better than in 2018", "in 2017")
    assert periods(text) == ["2020", "asof:2020-03-16"]


@pytest.mark.parametrize("sentence", [
    "Accumulated investment in the roads amounted to 80 billion rubles.",  # accumulation
    "Our fleet now has 40 ferries.",  # present tense
    "Toll revenue amounts to 52 billion rubles.",  # a present verb
    "When the programme began, only 30 percent of roads met the standard.",  # another time
    "Back in 2005, the ferries carried 2 million passengers.",  # a year of its own
])
def test_stocks_and_other_times_are_not_the_reports(sentence: str) -> None:
    text = REPORT.split("\n")[0] + "\n" + sentence + "\n"
    assert "2019" not in periods(text)


def test_a_change_with_no_time_is_the_reports_year_not_the_texts() -> None:
    text = REPORT.split("\n")[0] + "\nFreight on the toll roads was up by 7 percent.\n"
    assert periods(text) == ["2019"]
    assert periods(text, AUTUMN) == ["2020"]


def test_a_short_interjection_does_not_end_the_report() -> None:
    text = (REPORT.split("\n")[0] + "\nVladimir Putin: Good.\n"
            "Oleg Varlamov: We also repaired 140 bridges.\n")
    assert periods(text) == ["2019"]


def test_another_speakers_turn_is_not_the_report() -> None:
    text = (REPORT.split("\n")[0] + "\nVladimir Putin: Thank you. I know that many drivers "
            "complained about the new tolls on the southern routes, and the regional "
            "governors have written to me about this more than once over the winter.\n"
            "Anna Kozlova: Our office received 3,000 complaints.\n")
    assert periods(text) == ["asof:2020-03-16"]


def test_the_year_may_be_named_at_most_two_paragraphs_back() -> None:
    filler = "We discussed many matters of road safety with the regions at length. " * 20
    text = REPORT.split("\n")[0] + "\n" + filler + "\nThe ferries carried 9 million people.\n"
    assert periods(text) == ["asof:2020-03-16"]


def test_no_date_no_report_year() -> None:
    assert report_year(REPORT, 0, REPORT, 10, None) is None
    assert report_year(REPORT, 0, REPORT, 10, date(2020, 3, 16)) is None  # holds a time


def test_irregular_past_verbs_are_past() -> None:
    text = REPORT.split("\n")[0] + "\nExports of road machinery grew by 11 percent.\n"
    assert periods(text) == ["2019"]


def test_in_total_after_the_figure_sums_the_years_parts() -> None:
    text = (REPORT.split("\n")[0] + "\nThe ferries carried 3 million passengers on the river "
            "routes, out of 12 million passengers in total.\n")
    assert periods(text) == ["2019", "2019"]
    text = REPORT.split("\n")[0] + "\nIn total, we spent 80 billion rubles on bridges.\n"
    assert periods(text) == ["asof:2020-03-16"]


def test_an_interjection_after_a_long_report_does_not_end_it() -> None:
    filler = "We discussed road safety with the regions. " * 24  # the report's start: far back
    text = (REPORT.split("\n")[0] + "\n" + filler + "\nVladimir Putin: And the ferries?\n"
            "Oleg Varlamov: They carried 12 million passengers.\n")
    assert periods(text) == ["asof:2020-03-16"]  # the year is named too far back
    text = (filler + "\n" + REPORT.split("\n")[0] + "\nVladimir Putin: And the ferries?\n"
            "Oleg Varlamov: They carried 12 million passengers.\n")
    assert periods(text) == ["2019"]


# ---------------------------------------------------------------- the months so far

DECEMBER = "2019-12-10"
AUTUMN_REPORT = (
    "Governor Pavel Sokolov: Over these ten months the region did well in farming.\n"
    "Vladimir Putin: By how much?\n"
    "Pavel Sokolov: Farm output rose by 6 percent, and unemployment has fallen by 4 percent.\n"
)


def test_changes_after_the_months_so_far_are_those_months() -> None:
    assert periods(AUTUMN_REPORT, DECEMBER) == ["2019-01..2019-10"] * 2
    first, second = run(AUTUMN_REPORT, DECEMBER).claims
    assert first.rule.endswith("+report_span")  # the second shares it, coordinated
    assert "+report_span" not in second.rule


@pytest.mark.parametrize("sentence", [
    "Exports will grow by 3 percent.",  # expected, not so far
    "Starting in September, sales have grown by 2 percent.",  # since a month
    "Accumulated investment grew by 9 percent.",  # a total of all years
    "Our fleet has 40 ferries.",  # a stock keeps the text's date
    "Back in 2005, farm output rose by 5 percent.",  # a time of its own
])
def test_what_the_months_so_far_do_not_date(sentence: str) -> None:
    text = AUTUMN_REPORT.split("\n")[0] + "\n" + sentence + "\n"
    assert periods(text, DECEMBER) != ["2019-01..2019-10"]
    assert "+report_span" not in run(text, DECEMBER).claims[0].rule


def test_a_span_that_is_not_the_years_so_far_is_not_carried() -> None:
    text = AUTUMN_REPORT.replace("Over these ten months", "In the third quarter")
    assert periods(text, DECEMBER)[1] == "2019"


def test_a_later_items_time_does_not_stop_the_span() -> None:
    text = (AUTUMN_REPORT.split("\n")[0] + "\nFarm output rose by 6 percent, which is above "
            "wage growth of about 2 percent in January and February.\n")
    assert periods(text, DECEMBER) == ["2019-01..2019-10", "2019-01..2019-02"]


def test_a_time_of_the_figures_own_clause_stops_the_span() -> None:
    text = AUTUMN_REPORT.split("\n")[0] + "\nThe loan limit was raised by 5 percent this year.\n"
    assert periods(text, DECEMBER) == ["2019"]
