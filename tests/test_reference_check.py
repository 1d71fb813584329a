from dataclasses import replace

from coopatlas.atlas.reference_check import check_field, forum_timeline
from coopatlas.model import ForumEdition
from coopatlas.reference.editions import load_forum_reference


def _ref(edition: int):
    return next(r for r in load_forum_reference() if r.edition == edition)


def test_timeline_is_complete_even_where_texts_are_silent() -> None:
    timeline = forum_timeline([ForumEdition(16, year=2019, city="Omsk", host_country="RU")])
    numbers = [e.edition for e in timeline]
    assert numbers == sorted(numbers) and numbers[0] == 1 and 16 in numbers
    assert len(numbers) == len(load_forum_reference())
    sixteen = next(e for e in timeline if e.edition == 16)
    status = {f.field: f.status for f in sixteen.fields}
    assert sixteen.in_texts and sixteen.in_reference and not sixteen.differs
    assert status["year"] == status["city"] == status["host_country"] == "agree"
    silent = next(e for e in timeline if e.edition == 1)
    assert not silent.in_texts and {f.status for f in silent.fields} <= {
        "reference_only", "unknown"}


def test_a_disagreement_is_kept_with_both_values_and_the_sources() -> None:
    check = check_field("city", "Petropavl", _ref(16))
    assert check.status == "differ" and check.extracted == "Petropavl"
    assert check.reference == "Omsk" and check.sources


def test_texts_only_editions_and_fields_are_marked() -> None:
    entry = forum_timeline([ForumEdition(99, year=2080, city="Omsk")], reference=[])[0]
    assert entry.in_texts and not entry.in_reference
    assert {f.field: f.status for f in entry.fields}["city"] == "texts_only"
    assert entry.to_json()["fields"]["theme"]["status"] == "unknown"


def test_a_stated_day_agrees_with_a_reference_span_holding_it() -> None:
    ref = replace(_ref(16), date="2019-11-06/2019-11-07")
    assert check_field("date", "2019-11-07", ref).status == "agree"
    assert check_field("date", "2019-11-08", ref).status == "differ"
