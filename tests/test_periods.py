"""Period arithmetic against the text's date."""

from __future__ import annotations

from datetime import date

import pytest

from coopatlas.extract.periods import past_twelve_months, resolve, time_expressions

ON_2021 = date(2021, 9, 30)
ON_2024 = date(2024, 11, 27)

# (sentence, figure, indicator, text date, period)
CASES = [
    ("Over seven months of 2021 trade grew by 34 percent.", "34 percent", "trade_growth",
     ON_2021, "2021-01..2021-07"),
    ("In January-August, deliveries reached $11 billion.", "$11 billion", "trade_turnover",
     date(2017, 11, 9), "2017-01..2017-08"),
    ("In January-August, deliveries reached $11 billion, one-third more than in the relevant "
     "period of the past year.", "one-third", "trade_growth", date(2017, 11, 9),
     "2017-01..2017-08"),
    ("Last year, trade grew to $18.2 billion.", "$18.2 billion", "trade_turnover",
     date(2019, 11, 7), "2018"),
    ("This year over 20 delegations came.", "20", "delegations", date(2017, 11, 9), "2017"),
    ("In May this year 25 universities took part.", "25", "universities", date(2012, 9, 19),
     "2012-05..2012-05"),
    ("Trade is to reach $20 billion by the end of the year.", "$20 billion", "trade_target",
     ON_2021, "2021"),
    ("Trade should reach $30 billion by 2025.", "$30 billion", "trade_target", ON_2021, "2025"),
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
