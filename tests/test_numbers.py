"""The number grammar: values, units, ranges, qualifiers and what is not a quantity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopatlas.extract.numbers import MEASURE, digits_value, find_quantities, word_value

# (text, [(value, unit, value_max, qualifier), ...])
CASES = [
    # a smaller unit than the contract's is converted: kilograms to tonnes
    ("Officers seized 1,209 kilograms of hashish and 15 kg of explosives.",
     [(1.209, "tonnes", None, None), (0.015, "tonnes", None, None)]),
    ("reached $14 billion", [(14e9, "USD", None, None)]),
    ("about US$3 bn in all", [(3e9, "USD", None, "about")]),
    ("worth more than $ 18 billion", [(18e9, "USD", None, "more than")]),
    ("18.2 billion dollars", [(18.2e9, "USD", None, None)]),
    ("1.5 trillion roubles", [(1.5e12, "RUB", None, None)]),
    ("500 million tenge", [(5e8, "KZT", None, None)]),
    ("€40 million and 12 million euros", [(4e7, "EUR", None, None), (1.2e7, "EUR", None, None)]),
    ("grew by 34 percent", [(34, "percent", None, None)]),
    ("up 4.5% on the year", [(4.5, "percent", None, None)]),
    ("around 30–35 percent", [(30, "percent", 35, "around")]),
    ("between 10-12 per cent", [(10, "percent", 12, None)]),
    ("over 7,500 kilometres", [(7500, "km", None, "over")]),
    ("1.2 million tonnes of grain", [(1.2e6, "tonnes", None, None)]),
    ("12–14 million metric tons of wheat", [(12e6, "tonnes", 14e6, None)]),
    ("about 32 million people", [(32e6, "people", None, "about")]),
    ("165 million consumers", [(165e6, "people", None, None)]),
    ("2,000 children", [(2000, "people", None, None)]),
    ("families with six or more children", [(6, "people", None, "at least")]),
    ("some 3 billion Kazakh tenge", [(3e9, "KZT", None, "some")]),  # a currency's adjective
    ("over 20,000 Uzbeks", [(20000, "people", None, "over")]),  # a country's people
    # a count whose noun is a participle, listed after people, counts people too
    ("12 people were hurt, 30 rescued and 4 evacuated",
     [(12, "people", None, None), (30, "people", None, None), (4, "people", None, None)]),
    ("12 people and 30 trucks", [(12, "people", None, None), (30, "count", None, None)]),
    ("900 people fell ill, of whom 300 have recovered",
     [(900, "people", None, None), (300, "people", None, None)]),
    # bare numbers listed before a measured one share its unit; "between" makes a range
    ("up 12 and 8 percent", [(12, "percent", None, None), (8, "percent", None, None)]),
    ("between 2.5 and 4 percent", [(2.5, "percent", 4, None)]),
    ("2 and 3 million tonnes", [(2, "count", None, None), (3e6, "tonnes", None, None)]),
    # a preposition before the people: the count is of the thing before it
    ("some 40,000 letters from citizens", [(40000, "count", None, "some")]),
    ("over 400 agreements", [(400, "count", None, "over")]),
    ("Seventy six of Russia's 83 regions", [(76, "count", None, None), (83, "count", None, None)]),
    ("Seventy-six regions", [(76, "count", None, None)]),
    ("Twelve documents were signed", [(12, "count", None, None)]),
    ("one-third more than a year ago", [(33.33, "percent", None, None)]),
    ("two-thirds of the goods", [(66.67, "percent", None, None)]),
    ("trade grew fourfold", [(4, "times", None, None)]),
    ("a forty-fold rise in freight", [(40, "times", None, None)]),
    ("five times more", [(5, "times", None, None)]),
    ("hosted the event five times", [(5, "count", None, None)]),
    ("three thermal power plants", [(3, "count", None, None)]),
    ("almost 2 thousand students", [(2000, "count", None, "almost")]),
    ("Over a thousand graduates", [(1000, "count", None, "Over")]),
    ("around half a billion US dollars", [(5e8, "USD", None, "around")]),
    ("a million tonnes of coal", [(1e6, "tonnes", None, None)]),
    ("a third of the exports", [(33.33, "percent", None, None)]),
    ("half of all the freight", [(50, "percent", None, None)]),
    ("the 200-odd clinics", [(200, "count", None, "odd")]),
    ("some 40,000 Kazakh citizens", [(40000, "people", None, "some")]),
    ("on 3−5 June", []),
    ("5–7 companies", [(5, "count", 7, None)]),
    ("it grew by 12.4 or 12.3 percent", [(12.3, "percent", 12.4, None)]),
    ("some 1.1 million Germans lived there", [(1.1e6, "people", None, "some")]),
    # "N times" is a ratio after a change or before what is multiplied, not how often
    ("exports went up by almost 1.8 times", [(1.8, "times", None, "almost")]),
    ("the harvest rose 3.3 times last year", [(3.3, "times", None, None)]),
    ("wages are 1.5 times the regional minimum", [(1.5, "times", None, None)]),
    ("they met five times over the summer", [(5, "count", None, None)]),
    ("we have said it a hundred times that", [(100, "count", None, None)]),
    # ratio words carry their number
    ("the fleet has almost doubled", [(2, "times", None, "almost")]),
    ("output tripled in a decade", [(3, "times", None, None)]),
    ("the new line carries twice as many wagons", [(2, "times", None, None)]),
    ("the plan is to double grain sales", [(2, "times", None, None)]),
    ("they visited us twice in May", []),
    ("a treaty on avoiding double taxation", []),
    ("we must double our efforts", []),
    # a range in words, its scale shared ("eight or nine thousand")
    ("reduced three or four times over", [(3, "times", 4, None)]),
    ("some eight or nine thousand visitors", [(8000, "count", 9000, "some")]),
    ("five to six billion roubles", [(5e9, "RUB", 6e9, None)]),
    # a hyphenated amount before its noun ("a 270-billion-ruble programme")
    ("a 40-billion-ruble programme", [(4e10, "RUB", None, None)]),
    ("the $20-billion mark", [(2e10, "USD", None, None)]),
    ("monthly 3,000-ruble payments", [(3000, "RUB", None, None)]),
    # one amount told in two scales; two amounts of one scale stay two
    ("debt came to 3 trillion 250 billion rubles", [(3.25e12, "RUB", None, None)]),
    ("output of two trillion and 17 billion rubles", [(2.017e12, "RUB", None, None)]),
    ("we got 1.5 billion and 2.5 billion in grants", [(1.5e9, "count", None, None),
                                                     (2.5e9, "count", None, None)]),
    # a number word "and a half"; a scale phrase and a half is one and a half of it
    ("sales grew by almost four and a half percent", [(4.5, "percent", None, "almost")]),
    ("one and a half billion roubles", [(1.5e9, "RUB", None, None)]),
    ("a thousand and a half volunteers", [(1500, "count", None, None)]),
    # workers, employees, migrants and professionals are people, as the gold sets count them
    ("18,000 employees work there", [(18000, "people", None, None)]),
    ("up to a million labour migrants", [(1e6, "people", None, "up to")]),
    ("over 60,000 professionals", [(60000, "people", None, "over")]),
]
NOT_FIGURES = [
    "November 9, 2017", "on 27 November 2024", "at 18:40", "in 2003", "the 16th forum",
    "the 25th anniversary", "Ka-226T helicopters", "the G20 summit", "COVID-19",
    "10 years ago", "over seven months", "ten years old", "a five-year plan",
    "the programme for 2018–2023", "up to 2023", "3 of 5", "the two countries",
    "one of the best", "Article 5 of the treaty", "2021-09-30", "the fourth time",
    "the XVI forum", "Hundreds of thousands of families", "several times",
    "from May 11–14 onwards", "in the first half of the year", "half an hour later",
    "for over 15 years now", "a half of the day", "the film Panfilov's Twenty-Eight Guardsmen",
    "a summit of the Group of Eight", "a 9.5 sq m room", "200 hectares of orchards",
    "the first quarter of the century", "the club Dynamo 04 won", "agent 007",
    # a number in a name
    "work on the Soyuz 5 rocket", "the Nord Stream 2 project", "the age of Industry 4.0",
    # a count pointing back to parties just named, or listing them at once
    "these four countries agreed", "the three of us met", "all three parties signed",
    "the formula suits three countries – Russia, Kazakhstan and Kyrgyzstan",
    # a span of time in a range or with a half
    "over the past five or six years", "Five and a half years later", "in three to five years",
    # a part of a year is a time
    "over the three quarters of this year", "in half of 2019", "a flat of 50 square metres",
]
#: What those rules leave a figure.
STILL_FIGURES = [
    ("In St Petersburg 420 people were registered.", [(420, "people", None, None)]),
    ("In Omsk 300 companies work with Kazakhstan.", [(300, "count", None, None)]),
    ("Some 20 companies came.", [(20, "count", None, "Some")]),
    ("The forum brought together 27 countries.", [(27, "count", None, None)]),
    ("the 85 regions of Russia", [(85, "count", None, None)]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quantities(text: str, expected: list[tuple]) -> None:
    found = [(q.value, q.unit, q.value_max, q.qualifier) for q in find_quantities(text)]
    assert [(pytest.approx(v), u, m, q) for v, u, m, q in expected] == found


@pytest.mark.parametrize("text,expected", STILL_FIGURES)
def test_still_figures(text: str, expected: list[tuple]) -> None:
    test_quantities(text, expected)


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str) -> None:
    assert list(find_quantities(text)) == []


@pytest.mark.parametrize("text", [
    "the well is 300 metres deep", "a 1.5 metre wall", "210 trillion cubic metres of gas",
    "a 1,200 MW plant",
])
def test_units_outside_the_contract_are_measures(text: str) -> None:
    """The figures stage drops them: the contract has no unit for them."""
    assert [q.unit for q in find_quantities(text)] == [MEASURE]


@pytest.mark.parametrize("token,value", [
    ("twelve", 12), ("Seventy six", 76), ("seventy-six", 76), ("forty", 40), ("two", 2),
    ("eleven twenty", None), ("dozen", None),
])
def test_word_value(token: str, value: int | None) -> None:
    assert word_value(token) == value


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_render_back(n: int) -> None:
    rendered = f"{n:,}"
    assert digits_value(rendered) == n
    found = list(find_quantities(f"some {rendered} companies"))
    assert [q.value for q in found] == [n]


@given(st.text(alphabet=st.sampled_from(list("0123456789,.$% -–abkmnot\n")), max_size=60))
def test_spans_lie_inside_text(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start <= q.number_start < q.end <= len(text)
        assert q.start <= q.noun_start <= len(text)
