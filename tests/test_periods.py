"""Period arithmetic against the text's date."""

from __future__ import annotations

from datetime import date

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from coopatlas.extract.periods import past_twelve_months, resolve, time_expressions

ON_2021 = date(2021, 9, 30)
ON_2024 = date(2024, 11, 27)

# (sentence, figure, indicator, text date, period)
CASES = [
    ("Over seven months of 2021 trade grew by 34 percent.", "34 percent", "trade_growth",
     ON_2021, "2021-01..2021-07"),
    ("In January-August, deliveries reached $11 billion.", "$11 billion", "trade_turnover",
     date(2017, 11, 9), "2017-01..2017-08"),
    ("In January-August, deliveries reached $11 billion, one-third more than in the same "
     "months of the previous year.", "one-third", "trade_growth", date(2017, 11, 9),
     "2017-01..2017-08"),
    ("Last year, trade grew to $18.2 billion.", "$18.2 billion", "trade_turnover",
     date(2019, 11, 7), "2018"),
    ("This year over 20 delegations came.", "20", "delegations", date(2017, 11, 9), "2017"),
    ("In May this year 25 universities took part.", "25", "universities", date(2012, 9, 19),
     "2012-05..2012-05"),
    ("Trade is to reach $20 billion by the end of the year.", "$20 billion", "trade_target",
     ON_2021, "2021"),
    ("Trade should reach $30 billion by 2025.", "$30 billion", "trade_target", ON_2021, "2025"),
    # "N years ago" counts back from the text's year, unless it dates a founding
    ("20 years ago, 85 percent of the grain was imported.", "85 percent", "other",
     ON_2021, "2001"),
    ("A decade ago the share was 30 percent.", "30 percent", "other", ON_2021, "2011"),
    ("A year ago there were 200 refugee camps.", "200", "other", ON_2021, "2020"),
    ("The plant, founded 40 years ago, employs 900 people.", "900", "other", ON_2021,
     "asof:2021-09-30"),
    ("Over the past year the leaders met four times.", "four", "other", ON_2024,
     "2023-12..2024-11"),
    ("Currently 23,000 companies work here, of which 4,000 opened in the last year.", "4,000",
     "companies", ON_2024, "2023-12..2024-11"),
    ("Currently 23,000 companies work here, of which 4,000 opened in the last year.", "23,000",
     "companies", ON_2024, "asof:2024-11-27"),
    ("In the third quarter of 2021 exports rose 5 percent.", "5 percent", "trade_growth",
     ON_2024, "2021-07..2021-09"),
    ("In the first half of this year trade fell 2 percent.", "2 percent", "trade_growth",
     ON_2024, "2024-01..2024-06"),
    ("Accumulated investment amounts to $13 billion.", "$13 billion", "investment_ru_in_kz",
     date(2019, 11, 7), "asof:2019-11-07"),
    ("The border is over 7,500 kilometres long.", "7,500", "border_length", ON_2021, None),
    ("More than 1,600 representatives have come.", "1,600", "participants", ON_2021, "2021"),
    ("A meeting was held with the participation of over 80 universities.", "80",
     "universities", date(2017, 11, 9), "2017"),
    ("In 2023, companies invested more than $3 billion.", "$3 billion",
     "investment_ru_in_kz", ON_2024, "2023"),
    ("Trade reached $5 billion last year.", "$5 billion", "trade_turnover", None, None),
    ("Trade reached $5 billion in 2015.", "$5 billion", "trade_turnover", None, "2015"),
    ("Trade reached $5 billion.", "$5 billion", "trade_turnover", None, None),
    ("Last autumn the regions signed 12 contracts.", "12", "agreements", ON_2024, "2023"),
    ("This spring 300 students arrived.", "300", "students", ON_2024, "2024"),
    ("In the first nine months of the year trade grew 8 percent.", "8 percent",
     "trade_growth", ON_2024, "2024-01..2024-09"),
    ("Today, 5,000 joint ventures are registered in the border regions.", "5,000",
     "joint_ventures", ON_2024, "asof:2024-11-27"),
    ("Today 900 companies are represented at the forum.", "900", "companies", ON_2024,
     "2024"),
    ("Today they are set to sign 12 agreements with partners.", "12", "agreements", ON_2024,
     "2024"),
    ("There are now over 40 flights a week between the regions.", "40", "other", ON_2024,
     "asof:2024-11-27"),
    ("The new plant will make up to 400 tractors a year.", "400", "other", ON_2024, None),
    ("Trade grew by three percent per year on average.", "three percent", "trade_growth",
     ON_2024, None),
    ("In 2019 the plant made 400 tractors a year.", "400", "other", ON_2024, "2019"),
    ("In the past five years 19 projects were carried out.", "19", "projects",
     date(2017, 10, 12), "2012-11..2017-10"),
    ("In its first quarter investment reached $300 million.", "$300 million",
     "investment_mutual", date(2017, 10, 12), "2017-01..2017-03"),
    ("The corridor works: today five railways pass through the region.", "five", "other",
     ON_2024, "asof:2024-11-27"),
    ("Today there are 4,100 registered firms in the region.", "4,100", "other", ON_2024,
     "asof:2024-11-27"),
    ("Today we signed 12 agreements.", "12", "agreements", ON_2024, "2024"),
    ("Output may rise to 70 million tonnes in a year or two.", "70 million tonnes", "other",
     ON_2024, "asof:2024-11-27"),
    # months listed one after the other are their span; listed apart, no one period
    ("Sales rose 6 percent in January and February.", "6 percent", "other",
     date(2019, 5, 6), "2019-01..2019-02"),
    ("Families get 7,000 rubles in April, May and June.", "7,000 rubles", "other",
     date(2020, 4, 2), "2020-04..2020-06"),
    ("Auctions in December and March brought 9 billion rubles.", "9 billion rubles", "other",
     date(2016, 4, 1), "asof:2016-04-01"),
    # the time after "compared with" is the base, not the figure's; a figure after it keeps
    # the time that follows it
    ("Revenue grew by 11 percent compared with the first quarter of 2018.", "11 percent",
     "other", date(2019, 5, 6), "2019"),
    ("Output fell 4 percent from the same period of 2018.", "4 percent", "other",
     date(2019, 5, 6), "2019"),
    ("In the first quarter it reached $90 million as compared to $70 in the whole of last "
     "year.", "$70", "other", date(2017, 10, 12), "2016"),
    ("Exports dropped by 9 percent during the same period last year.", "9 percent", "other",
     date(2017, 10, 12), "2016"),
    # a span of months as "between ... and ...", and the same months a year before
    ("Between January and August of this year, retail sales grew by 3 percent.", "3 percent",
     "other", date(2010, 10, 11), "2010-01..2010-08"),
    ("Exports grew by 6 percent in January–May, after a 4 percent fall during the same "
     "period last year.", "4 percent", "other", date(2015, 7, 1), "2014-01..2014-05"),
    ("Prices rose by 2 percent during the same period last year.", "2 percent", "other",
     date(2015, 7, 1), "2014"),
    ("In these nine months, wages rose by 5 percent.", "5 percent", "other",
     date(2017, 12, 4), "2017-01..2017-09"),
    # "as of today" states a stock; a present verb does not continue the year before
    ("As of today, the region has recorded 1,200 cases.", "1,200", "other",
     date(2020, 6, 11), "asof:2020-06-11"),
    # since the start of a year: to the text's month
    ("Gas exports have increased by 30 percent since the start of 2016.", "30 percent",
     "other", date(2016, 2, 15), "2016-01..2016-02"),
    ("Since the beginning of 2015, we carried 4.5 million passengers.", "4.5 million",
     "other", date(2017, 12, 1), "2015-01..2017-12"),
    # the first quarters of a year, and "of last year"
    ("In the first three quarters of last year, sales rose by 9 percent.", "9 percent",
     "other", date(2018, 2, 1), "2017-01..2017-09"),
    ("Over the three quarters of this year, loans rose by 8 percent.", "8 percent",
     "other", date(2018, 11, 1), "2018-01..2018-09"),
    ("In the first quarter of last year, milk output fell by 1 percent.", "1 percent",
     "other", date(2018, 2, 1), "2017-01..2017-03"),
]


@pytest.mark.parametrize("sentence,figure,indicator,on,period", CASES)
def test_resolve(sentence: str, figure: str, indicator: str, on: date | None,
                 period: str | None) -> None:
    start = sentence.index(figure)
    assert resolve(sentence, start, start + len(figure), indicator, on) == period


@pytest.mark.parametrize("on,period", [
    (date(2024, 11, 27), "2023-12..2024-11"), (date(2020, 12, 1), "2020-01..2020-12"),
    (date(2019, 1, 15), "2018-02..2019-01"),
])
def test_past_twelve_months(on: date, period: str) -> None:
    assert past_twelve_months(on) == period


def test_comparison_base_is_no_period() -> None:
    assert time_expressions("more than in the relevant period of the past year", ON_2024) == []


def test_programme_years_are_no_period() -> None:
    assert time_expressions("a programme for 2018–2023", ON_2024) == []
    assert time_expressions("veterans of the war of 1941–1945", ON_2024) == []


@pytest.mark.parametrize("sentence,periods", [
    ("in late 2018 the mill made 4,000 tonnes", ["2018"]),
    ("exports rose 3 percent in early 2019", ["2019"]),
    # a level of a year is a base to compare with, not the figure's time
    ("reserves have recovered to the level of 2014 and stand at $400 billion", []),
])
def test_parts_of_years_and_levels(sentence: str, periods: list[str]) -> None:
    assert [e.period for e in time_expressions(sentence, ON_2024)] == periods


@pytest.mark.parametrize("sentence,periods", [
    # a month of this year needs no "in" before it
    ("this february the ferry carried 9 percent more cars", ["2024-02..2024-02"]),
    ("sales for march of this year rose by 4 percent", ["2024-03..2024-03"]),
    # "may" is a verb far more often than a month; "since march" is no single month
    ("exports may this year exceed 20 tonnes", ["2024"]),
    ("since march this year cases fell 5 times", ["2024"]),
])
def test_a_month_of_this_year(sentence: str, periods: list[str]) -> None:
    assert [e.period for e in time_expressions(sentence, ON_2024)] == periods


@pytest.mark.parametrize("sentence,period", [
    # a realised figure compared with one of the last two years is the year after it
    ("output was 97.9 percent of the figure for 2022", "2023"),
    ("the harvest grew by 12 percent compared to 2023", "2024"),
    ("the mill made 9 tonnes, 4 percent more than in 2022", "2023"),
    ("fares rose by 6 percent on 2022", "2023"),
    # "of that in 2022" is the base, the year of the sentence is the figure's
    ("in 2023, the index came in at 88.9 percent of that in 2022", "2023"),
    # an older base says nothing of the figure's year; a plan is no result
    ("the fleet is 30 percent bigger than in 2010", "asof:2024-11-27"),
    ("the rate will be cut to 4 percent compared to 2023", None),
])
def test_a_figure_compared_with_a_recent_year(sentence: str, period: str | None) -> None:
    figure = regex.search(r"[\d.]+ (?:percent|tonnes)", sentence)
    assert figure is not None
    assert resolve(sentence, figure.start(), figure.end(), "other", ON_2024) == period


def test_a_years_results_are_that_year() -> None:
    assert [e.period for e in time_expressions(
        "based on the 2016 results, the plant made 900 buses", ON_2024)] == ["2016"]


@pytest.mark.parametrize("sentence", [
    "the ministry spent 3 billion rubles over the 2014–2017 period",
    "in 2014–2017, the ministry spent 3 billion rubles",
    "the ministry spent 3 billion rubles over 2014–2017",
    "the ministry spent 3 billion rubles during 2014-2017",
])
def test_a_span_of_years_in_which_figures_happen_is_their_period(sentence: str) -> None:
    assert [e.period for e in time_expressions(sentence, ON_2024)] == ["2014-01..2017-12"]


# (sentence, figure, indicator, unit, prior sentence, text date, period)
MORE_CASES = [
    # "past N months": the year so far when that ends near the text's month, else the
    # months up to the text's
    ("In the past five months exports rose 12 percent.", "12 percent", "trade_growth",
     "percent", None, date(2019, 10, 2), "2019-06..2019-10"),
    ("In the past nine months exports rose 12 percent.", "12 percent", "trade_growth",
     "percent", None, date(2019, 11, 2), "2019-01..2019-09"),
    ("In the first three months exports rose 12 percent.", "12 percent", "trade_growth",
     "percent", None, date(2019, 11, 2), "2019-01..2019-03"),
    ("In less than four months some 9,000 tourists came.", "9,000", "other", "people", None,
     date(2019, 10, 2), "2019-01..2019-04"),
    ("The depot is only 40 km from the town.", "40 km", "other", "km", None, ON_2021, None),
    ("Back then the mill made 3 million tonnes of iron a year.", "3 million tonnes", "other",
     "tonnes", None, ON_2021, None),
    ("Quite recently a bank funded a dam worth $200 million.", "$200 million", "other", "USD",
     None, ON_2021, None),
    ("A ferry is planned with a capacity of 5,000 passengers a day.", "5,000", "other",
     "count", None, ON_2021, None),
    ("Some 50 firms came to the fair in early May.", "50", "companies", "count", None,
     date(2020, 6, 1), "2020-05..2020-05"),
    ("Some 50 firms exhibited at the show on May 11–14.", "50", "companies", "count", None,
     date(2020, 6, 1), "2020-05..2020-05"),
    ("Their value hit $2 billion.", "$2 billion", "other", "USD",
     "In 2015 grain exports jumped.", ON_2021, "2015"),
    ("Their value is $2 billion.", "$2 billion", "other", "USD",
     "In 2015 grain exports jumped.", ON_2021, "asof:2021-09-30"),
    ("We will also sign eight more protocols.", "eight", "documents_signed", "count", None,
     ON_2021, "2021"),
    # a change is over a time, never a stock: the time of the sentence before, else the year
    ("Exports have grown by 14 percent.", "14 percent", "other", "percent",
     "In the first half of the year the fleet grew.", ON_2021, "2021-01..2021-06"),
    ("Exports have grown by 14 percent.", "14 percent", "other", "percent", None, ON_2021,
     "2021"),
    ("Farming saw 3.1 percent growth.", "3.1 percent", "other", "percent", None, ON_2021,
     "2021"),
    ("Exports stand at 14 percent of output.", "14 percent", "other", "percent", None,
     ON_2021, "asof:2021-09-30"),
    # a stated day: "as of" it, in the text's year or, if later than the text, the year before
    ("As of April 13, there were 9,120 cases.", "9,120", "other", "count", None,
     date(2020, 4, 14), "asof:2020-04-13"),
    ("As of December 1, 300 firms were registered.", "300", "companies", "count", None,
     date(2020, 4, 14), "asof:2019-12-01"),
    # ... and the sentence after it, with no time of its own, continues that day
    ("Sadly, 90 people have died.", "90 people", "other", "people",
     "As of May 4, there were 7,000 cases.", date(2020, 5, 6), "asof:2020-05-04"),
    ("Sadly, 90 people have died.", "90 people", "other", "people",
     "There were 7,000 cases.", date(2020, 5, 6), "asof:2020-05-06"),
    # a comparison with last year measures this year
    ("The harvest reached 90 million tonnes, 4 percent more than last year.",
     "90 million tonnes", "other", "tonnes", None, ON_2021, "2021"),
    ("Exports are up 7 percent compared with last year.", "7 percent", "other", "percent",
     None, ON_2021, "2021"),
    # "since 2011": a change runs from then to the text's month; a total is a stock now
    ("Output has almost doubled since 2011.", "doubled", "other", "times", None, ON_2021,
     "2011-01..2021-09"),
    ("Since 2012 exports grew by 40 percent.", "40 percent", "other", "percent", None,
     ON_2021, "2012-01..2021-09"),
    ("Since 2012 the fund has given $255 million in grants.", "$255 million", "other", "USD",
     None, ON_2021, "asof:2021-09-30"),
    # a yearly rate, a property, a past before something untold: no period
    ("The state annually gives the theatre 90 million rubles.", "90 million rubles", "other",
     "RUB", None, ON_2021, None),
    ("We check 4 million passengers at the airport every year.", "4 million", "other",
     "people", None, ON_2021, None),
    ("The resort has total funding of 3 billion rubles.", "3 billion rubles", "other", "RUB",
     None, ON_2021, None),
    ("A hotel with capacity for 400 guests is planned.", "400", "other", "count", None,
     ON_2021, None),
    ("There were 7,000 of them before the reform.", "7,000", "other", "count", None, ON_2021,
     None),
    # a planned, proposed or required figure states no time; "now" in its clause does
    ("The new bridge will cost about 2 billion rubles.", "2 billion rubles", "other", "RUB",
     None, ON_2021, None),
    ("I propose raising the grant from 1 million rubles to 2 million.", "2 million", "other",
     "RUB", None, ON_2021, None),
    ("I suggest paying families 300,000 rubles.", "300,000 rubles", "other", "RUB", None,
     ON_2021, None),
    ("It is necessary to have at least 30 percent of one's own funds.", "30 percent", "other",
     "percent", None, ON_2021, None),
    ("The two banks agreed to create a fund with capital of $1 billion.", "$1 billion",
     "other", "USD", None, ON_2021, None),
    ("In particular, I propose raising the grant for farms from 10 million rubles to 20 "
     "million rubles and the grant for dairies by a third.", "20 million rubles", "other",
     "RUB", None, ON_2021, None),
    ("We must treble our exports of grain.", "treble", "other", "times", None, ON_2021, None),
    ("The mill will now employ 900 people.", "900 people", "other", "people", None, ON_2021,
     "asof:2021-09-30"),
    ("The plan will succeed, and the mill employs 900 people.", "900 people", "other",
     "people", None, ON_2021, "asof:2021-09-30"),
    ("I would like to note 900 new jobs in the town.", "900", "other", "count", None,
     ON_2021, "asof:2021-09-30"),
    # a present verb states a stock: the year of the sentence before is not continued
    ("The holding ranks among the ten largest producers.", "ten", "other", "count",
     "In 2019, farm output topped 90 billion rubles.", date(2020, 6, 11), "asof:2020-06-11"),
    ("The new holding supplied meat to 30 countries.", "30", "other", "count",
     "In 2019, farm output topped 90 billion rubles.", date(2020, 6, 11), "2019"),
]


@pytest.mark.parametrize("sentence,figure,indicator,unit,prior,on,period", MORE_CASES)
def test_resolve_with_unit_and_prior(sentence: str, figure: str, indicator: str, unit: str,
                                     prior: str | None, on: date, period: str | None) -> None:
    start = sentence.index(figure)
    assert resolve(sentence, start, start + len(figure), indicator, on, unit, prior) == period


# ---------------------------------------------------------------- anchored search

_TIME_WORDS = [
    "in", "over", "the", "first", "seven", "12", "months", "of", "2021", "this", "year",
    "last", "next", "january", "–", "august", "quarter", "half", "since", "start", "by",
    "end", "so", "far", "today", "currently", "recently", "relatively", "at", "present",
    "trade", "grew", "34%", "$14", "billion", "than", "2019-2020", "may", "early", "mid",
    "27", ",", "during", "past", "twelve", "those", "days", "back", "then", "until", "1998",
]


@given(st.lists(st.sampled_from(_TIME_WORDS), max_size=60))
def test_anchored_time_search_finds_what_a_full_scan_finds(words: list[str]) -> None:
    from coopatlas.extract.periods import TIME, _time_matches

    sentence = " ".join(words)
    full = [(m.start(), m.end(), m.lastgroup) for m in TIME.finditer(sentence)]
    assert [(m.start(), m.end(), m.lastgroup) for m in _time_matches(sentence)] == full
