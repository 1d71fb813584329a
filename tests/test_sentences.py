"""Sentences and speaker turns over Document.text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopatlas.doc import Doc
from coopatlas.model import Document, Segment, Span
from coopatlas.sources import read_path
from coopatlas.text.sentences import sentences_stage, split_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def texts(text: str) -> list[str]:
    return [s.span.of(text) for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trade grew. It reached $1.5 billion.", ["Trade grew.", "It reached $1.5 billion."]),
        ("Mr Tokayev arrived. Welcome.", ["Mr Tokayev arrived.", "Welcome."]),
        ("Mr. Tokayev arrived in St. Petersburg today.",
         ["Mr. Tokayev arrived in St. Petersburg today."]),
        ("Trade with the U.S. Congress was not discussed. Fine.",
         ["Trade with the U.S. Congress was not discussed.", "Fine."]),
        ("K. Tokayev and V. Putin met. They talked.",
         ["K. Tokayev and V. Putin met.", "They talked."]),
        ("It rose by 18.2 percent. Good!", ["It rose by 18.2 percent.", "Good!"]),
        ("Is it? “Yes,” he said. “Go.” Then left.",
         ["Is it?", "“Yes,” he said.", "“Go.”", "Then left."]),
        ("One line\nsecond line continues it.", ["One line\nsecond line continues it."]),
        ("A headline\nA new paragraph.", ["A headline", "A new paragraph."]),
        ("Wait... Then go.", ["Wait...", "Then go."]),
        ("Товарооборот вырос на 5 млн. руб. В этом году.",
         ["Товарооборот вырос на 5 млн. руб. В этом году."]),
        ("Товарооборот вырос. Это хорошо.", ["Товарооборот вырос.", "Это хорошо."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(s.span.of(text), s.speaker) for s in split_sentences(text)]


def test_label_opening_a_paragraph_sets_the_speaker_until_the_next() -> None:
    text = (
        "Meeting in Omsk\n"
        "President of Russia Vladimir Putin: Good afternoon. Welcome.\n"
        "Trade grew.\n"
        "Governor of Omsk Region Vitaly Khotsenko: Thank you.\n"
    )
    assert speakers(text) == [
        ("Meeting in Omsk", None),
        ("President of Russia Vladimir Putin", "President of Russia Vladimir Putin"),
        ("Good afternoon.", "President of Russia Vladimir Putin"),
        ("Welcome.", "President of Russia Vladimir Putin"),
        ("Trade grew.", "President of Russia Vladimir Putin"),
        ("Governor of Omsk Region Vitaly Khotsenko", "Governor of Omsk Region Vitaly Khotsenko"),
        ("Thank you.", "Governor of Omsk Region Vitaly Khotsenko"),
    ]


def test_name_alone_then_a_line_opening_with_a_colon() -> None:
    text = "Kassym-Jomart Tokayev\n: Thank you. Mr President,\nWe agree.\n"
    assert speakers(text) == [
        ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"),
        ("Thank you.", "Kassym-Jomart Tokayev"),
        ("Mr President,", "Kassym-Jomart Tokayev"),
        ("We agree.", "Kassym-Jomart Tokayev"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "In Omsk Region: trade grew.",
        "Published in sections: News",
        "The result: growth.",
        "Note: the figures are preliminary.",
        "We discussed three things: trade, transport and schools.",
    ],
)
def test_ordinary_colons_are_not_turns(line: str) -> None:
    assert all(speaker is None for _, speaker in speakers(line))


def test_speaker_resets_at_a_segment_and_segment_index_is_set() -> None:
    doc = sentences_stage(Doc(read_path(FIXTURES / "kremlin_two.txt")))
    second = doc.document.segments[1].span.start
    by_segment = {s.segment for s in doc.sentences if s.span.start >= second}
    assert by_segment == {1}
    assert all(s.speaker is None for s in doc.sentences if s.segment == 1)
    spoken = {s.speaker for s in doc.sentences if s.segment == 0 and s.speaker}
    assert spoken == {
        "President of Russia Vladimir Putin",
        "Governor of Kurgan Region Vadim Shumkov",
        "Vladimir Putin",
    }
    quoted = [s.span.of(doc.text) for s in doc.sentences if s.speaker == "Vladimir Putin"]
    assert quoted == ["Vladimir Putin", "Good.", "St Petersburg companies are interested too."]


def test_doc_sentence_at_finds_a_sentence() -> None:
    doc = sentences_stage(Doc(read_path(FIXTURES / "kremlin_two.txt")))
    offset = doc.text.index("18.2 percent")
    sentence = doc.sentence_at(offset)
    assert sentence is not None
    assert sentence.span.of(doc.text).startswith("Mr President, it grew by 18.2 percent")
    assert sentence.speaker == "Governor of Kurgan Region Vadim Shumkov"


ALPHABET = st.sampled_from(list("ab AB.?!:\n\u00a0“”Mr St U.S 1.2 Omsk Putin: \n"))


@settings(max_examples=300, deadline=None)
@given(text=st.text(ALPHABET, max_size=300), cut=st.integers(min_value=0, max_value=300))
def test_sentence_spans_are_ordered_disjoint_and_inside(text: str, cut: int) -> None:
    cut = min(cut, len(text))
    document = Document(
        doc_id="x", source="x", text=text, content_hash="x",
        segments=(Segment(0, Span(0, cut)), Segment(1, Span(cut, len(text)))),
    )
    sentences = sentences_stage(Doc(document)).sentences
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.span.start < sentence.span.end <= len(text)
        assert sentence.span.of(text).strip() == sentence.span.of(text)
        assert sentence.segment == (0 if sentence.span.start < cut else 1)
        previous_end = sentence.span.end
