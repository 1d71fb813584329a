"""Tagged JSON brings every domain value back exactly, through real JSON text."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from coopatlas import model
from coopatlas.model import Span
from coopatlas.store import codec

VALUES = [
    None, 3, 2.5, True, "Омск", date(2020, 1, 2), datetime(2020, 1, 2, 3, 4, 5, 6, tzinfo=UTC),
    (1, (2, "x")), [1, (2,)], {"a": (date(2019, 1, 1),), "b": {"c": None}},
    Span(1, 5),
    model.Mention("region", "RU-OMS", "Omsk", Span(0, 4), "gaz"),
    model.Figure("1.2 bn", 1.2e9, "USD", "trade_turnover", "2019", 1e20, "about", "target"),
    model.ForumMention(16, 2019, "2019-11-07", "Omsk", "RU", "Digital", "video"),
    model.SignedDocument("Plan", "programme", "planned", ("RU-OMS", "KZ-PAV")),
    model.TwinPairFact("Omsk", "Pavlodar"),
    model.Evidence("d1", Span(1, 2), "q", "https://x", date(2019, 1, 1)),
    model.ForumEdition(16, documents_signed=("a",),
                       evidence=(model.Evidence(None, None, "ref"),)),
    model.Claim("figure", "d1", Span(0, 3), model.Figure("3", 3.0, "count"), "r", Span(0, 9)),
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_round_trip_through_json_text(value):
    back = codec.decode(json.loads(json.dumps(codec.encode(value))))
    assert back == value and type(back) is type(value)


def test_integers_in_float_fields_come_back_as_floats():
    data = codec.encode(model.Figure("7", 7.0, "km", value_max=8.0))
    data["value"], data["value_max"] = 7, 8  # as PostgreSQL's JSONB may hand them back
    back = codec.decode(data)
    assert isinstance(back.value, float) and isinstance(back.value_max, float)


def test_values_of_foreign_types_are_refused():
    with pytest.raises(TypeError, match="set"):
        codec.encode({1, 2})
