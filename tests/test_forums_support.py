"""Builders shared by the event-stage tests: a Doc with hand-made place mentions.

The places stage is another part's work; these tests give the event stages the mentions
it would assign, so that they test only their own rules.
"""

from __future__ import annotations

import re
from datetime import date

from coopatlas.doc import Doc
from coopatlas.model import Document, Mention, Span

#: surface -> (kind, key): what the places stage assigns for the names in our fixtures.
PLACES: dict[str, tuple[str, str]] = {
    "Orenburg Region": ("region", "RU-ORE"), "Aktobe Region": ("region", "KZ-15"),
    "Omsk Region": ("region", "RU-OMS"), "Pavlodar Region": ("region", "KZ-55"),
    "Orenburg": ("city", "Orenburg"), "Aktobe": ("city", "Aktobe"), "Omsk": ("city", "Omsk"),
    "Pavlodar": ("city", "Pavlodar"), "Samara": ("city", "Samara"), "Oral": ("city", "Oral"),
    "Uralsk": ("city", "Oral"), "Nur-Sultan": ("city", "Astana"), "Moscow": ("city", "Moscow"),
    "Astana": ("city", "Astana"),
}
COUNTRY = {"Orenburg": "RU", "Aktobe": "KZ", "Omsk": "RU", "Pavlodar": "KZ", "Samara": "RU",
           "Oral": "KZ", "Moscow": "RU", "Astana": "KZ"}
_NAMES = re.compile(r"\b(" + "|".join(sorted(map(re.escape, PLACES), key=len, reverse=True))
                    + r")\b")


def make_doc(text: str, published: str | None = None) -> Doc:
    doc = Doc(Document("t", "test", text, "h",
                       published=date.fromisoformat(published) if published else None))
    for m in _NAMES.finditer(text):
        kind, key = PLACES[m.group(1)]
        doc.mentions.append(Mention(kind, key, m.group(1), Span(m.start(), m.end()), "test"))
    return doc


def test_make_doc_marks_regions_before_their_city_names() -> None:
    doc = make_doc("the Omsk Region and Omsk")
    assert [(m.kind, m.key) for m in doc.mentions] == [("region", "RU-OMS"), ("city", "Omsk")]
