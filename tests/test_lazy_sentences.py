"""Lazy, block-by-block sentences give exactly what splitting the whole text gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coopatlas.doc import Doc, FixedSentences
from coopatlas.model import Document, Segment, Span
from coopatlas.text.lazy_sentences import LazySentences, opens_block
from coopatlas.text.sentences import sentences_stage, split_sentences

PIECES = [
    "Trade grew by 34 percent.", "Mr. Smith arrived.", "K. Tokayev spoke", "and then left.",
    "Omsk hosted the forum!", "Why?", "the talks went on", "President of Russia Vladimir Putin:",
    "Anna Ivanova", ": thank you.", "See the U.S. data.", "“Quoted.”", "12 regions signed.",
    "", "Events", "(laughter)", "It is so…", "Forum in Pavlodar, Kazakhstan.",
]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map(
    lambda parts: "".join(p + sep for p, sep in zip(parts, ["\n", " ", "\n\n", " "] * 7,
                                                    strict=False)))


def _segments(text: str, cut: float) -> list[Segment]:
    at = text.find("\n", int(len(text) * cut))
    if at < 0:
        return [Segment(0, Span(0, len(text)))]
    return [Segment(0, Span(0, at + 1)), Segment(1, Span(at + 1, len(text)))]


@settings(max_examples=300)
@given(TEXTS, st.floats(0, 1), st.data())
def test_lazy_sentences_equal_the_whole_split(text: str, cut: float, data: st.DataObject
                                              ) -> None:
    segments = _segments(text, cut)
    full = split_sentences(text, segments)
    lazy = LazySentences(text, segments)
    for _ in range(5):  # point queries first, in any order, before the whole list
        offset = data.draw(st.integers(0, max(0, len(text) - 1)))
        expected = next((s for s in full if s.span.start <= offset < s.span.end), None)
        assert lazy.at(offset) == expected
    a, b = sorted(data.draw(st.integers(0, len(text))) for _ in range(2))
    assert lazy.starts_between(a, b, 3) == FixedSentences(full).starts_between(a, b, 3)
    assert lazy.all() == full


def test_a_block_starts_only_where_a_sentence_must_end() -> None:
    text = "He said\nthat it grew.\nOmsk agreed\n: yes.\n\nlower after a blank line"
    assert not opens_block(text, text.index("that"))  # a line that goes on in lower case
    assert opens_block(text, text.index("Omsk"))
    assert not opens_block(text, text.index(": yes"))  # a label on its own line
    assert opens_block(text, text.index("lower"))


def test_the_stage_splits_nothing_until_asked() -> None:
    text = "Vladimir Putin: Trade grew.\nIt doubled in Omsk.\n"
    doc = sentences_stage(Doc(Document("d", "x.txt", text, "h")))
    assert isinstance(doc.index, LazySentences) and doc.index._blocks == {}
    sentence = doc.sentence_at(text.index("Omsk"))
    assert sentence is not None and sentence.span.of(text) == "It doubled in Omsk."
    assert sentence.speaker == "Vladimir Putin"
    assert len(doc.index._blocks) == 1
    assert doc.sentence_before(sentence) is None  # another paragraph


LINES = st.lists(st.sampled_from([
    "Vladimir Putin: Good afternoon.", "Anna Ivanova", ": thank you.", "Note: see below.",
    "A", "10:30", "President of Kazakhstan Kassym-Jomart Tokayev: Thank you.", "lower: case",
    "Ж: ответ.", "Ёлкин Иван: да.", "", "Q:", ":", "Mr Smith (speaking Kazakh): Yes.",
]), max_size=20).map("\n".join)


def _turns_by_patterns(text: str, start: int, end: int) -> dict[int, tuple[str, int, int]]:
    """The definition: both candidate patterns tried at every line start."""
    from coopatlas.text.sentences import LABEL_LINE_CANDIDATE_RE, TURN_CANDIDATE_RE
    from coopatlas.text.speakers import label_line, turn_at

    turns = {}
    for m in TURN_CANDIDATE_RE.finditer(text, start, end):
        turn = turn_at(text[m.start():m.end() + 1])
        if turn is not None:
            turns[m.start()] = (turn[0], m.start() + len(turn[0]), m.start() + turn[1])
    for m in LABEL_LINE_CANDIDATE_RE.finditer(text, start, end):
        label = label_line(text[m.start():m.end() - 2])
        if label is not None:
            turns[m.start()] = (label, m.start() + len(label), m.end())
    return turns


@given(LINES, st.integers(0, 40), st.integers(0, 40))
def test_turns_found_from_colons_equal_the_patterns(text: str, cut_a: int, cut_b: int) -> None:
    from coopatlas.text.sentences import find_turns

    start, end = min(cut_a, len(text)), max(min(cut_a, len(text)), len(text) - cut_b)
    assert find_turns(text, start, end) == _turns_by_patterns(text, start, end)
