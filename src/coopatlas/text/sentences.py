"""Sentences over ``Document.text``, each with its segment and speaker.

Lines are paragraphs (the readers put one paragraph per line). A paragraph is cut after
``. ! ? …`` (and closing quotes) followed by a space and a capital, a digit or an opening
quote, unless the word before the point is an abbreviation ("Mr", "St", "U.S.") or an
initial ("K. Tokayev"). A line that ends without a stop and is followed by one that starts
in lower case continues the same sentence (a line break inside a paragraph).
A speaker label ("President of Russia Vladimir Putin:") is a sentence of its own, and
its speaker holds until the next label or the end of the segment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from coopatlas.doc import Doc
from coopatlas.model import Segment, Sentence, Span
from coopatlas.text.speakers import label_line, turn_at

CUT_RE = re.compile(  # a first-character class lets `re` skip ahead fast
    r"[\n.!?…](?:(?<=\n)\n*"
    r"|(?<=[.!?…])[.!?…]*[\"”’»)\]]*[ \t\u00a0]+(?=[\"“‘«(\[]?[A-ZА-ЯЁ0-9]))"
)
DOTTED_RE = re.compile(r"(?:\w\.)+\w")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr prof gen col lt sgt capt gov sen rep mt ft vs e.g i.e inc ltd co"
    " corp jan feb mar apr aug sep sept oct nov dec no nos art para pp vol ed approx fig"
    " г гг т тыс млн млрд руб им ул д т.е т.д т.п см стр".split()
)
TERMINAL = frozenset(".!?…:;\"”’»)")
#: The lines that may open a turn, by definition; ``_colon_lines`` finds the same lines
#: faster, from the colons (a property test holds the two together).
TURN_CANDIDATE_RE = re.compile(r"(?m)^[A-ZА-ЯЁ][^\n:]{0,95}:")
LABEL_LINE_CANDIDATE_RE = re.compile(r"(?m)^[A-ZА-ЯЁ][^\n:]{1,95}\n:")


def _is_abbreviation(text: str, stop: int, floor: int) -> bool:
    """Whether the single point at ``text[stop]`` ends an abbreviation or an initial."""
    space = max(text.rfind(" ", floor, stop), text.rfind("\u00a0", floor, stop), floor - 1)
    word = text[space + 1:stop].lstrip("(\"“‘«")
    if len(word) == 1:
        return word.isalpha()  # an initial
    return word.lower() in ABBREVIATIONS or bool(DOTTED_RE.fullmatch(word))


def _capital(c: str) -> bool:
    return "A" <= c <= "Z" or "А" <= c <= "Я" or c == "Ё"


def _colon_lines(text: str, start: int, end: int) -> Iterator[tuple[bool, int, int]]:
    """``(on its own line, line start, colon)`` for each line in the range that may open a
    turn: a capital, then up to 95 characters without a colon, then a colon on the same
    line (``TURN_CANDIDATE_RE``) or at the start of the next (``LABEL_LINE_CANDIDATE_RE``).
    Colons are rare, so looking from each colon back to its line start is cheaper than
    trying the patterns at every line start."""
    colon = text.find(":", start, end)
    while colon >= 0:
        own_line = colon > 0 and text[colon - 1] == "\n"
        stop = colon - 1 if own_line else colon
        line = text.rfind("\n", 0, stop) + 1
        if (line >= start and 0 < stop - line <= 96 and _capital(text[line])
                and text.find(":", line, stop) < 0 and (stop - line >= 2 or not own_line)):
            yield own_line, line, colon
        colon = text.find(":", colon + 1, end)


def find_turns(text: str, start: int, end: int) -> dict[int, tuple[str, int, int]]:
    """Line start -> ``(speaker, label end, content start)`` for each turn in the range."""
    turns: dict[int, tuple[str, int, int]] = {}
    labels: list[tuple[int, int]] = []
    for own_line, a, colon in _colon_lines(text, start, end):
        if own_line:
            labels.append((a, colon))
            continue
        turn = turn_at(text[a:colon + 2])
        if turn is not None:
            turns[a] = (turn[0], a + len(turn[0]), a + turn[1])
    for a, colon in labels:  # a label on its own line wins over a turn on the same line
        label = label_line(text[a:colon - 1])
        if label is not None:
            turns[a] = (label, a + len(label), colon + 1)
    return turns


def _is_cut(text: str, cut: str, at: int, begin: int, end: int) -> bool:
    """Whether the candidate ``cut`` at ``at`` ends a sentence."""
    if cut[0] == "\n":  # a line break inside a sentence: no stop before, lower case after
        return at == 0 or text[at - 1] in TERMINAL or not text[at + 1:at + 2].islower()
    if cut[0] == "." and cut[1:2] != ".":
        return not _is_abbreviation(text, at, begin)
    return True


def _bounds(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without surrounding white space."""
    if text[a:a + 1].isspace() or text[b - 1:b].isspace():
        stripped = text[a:b].strip()
        a = text.find(stripped, a, b) if stripped else b
        b = a + len(stripped)
    return a, b


Turns = dict[int, tuple[str, int, int]]


def sentences_in(text: str, start: int, end: int, index: int, turns: Turns,
                 speaker: str | None = None) -> Iterator[Sentence]:
    """Sentences of ``text[start:end]``, which starts a sentence; ``turns`` (consumed) are
    the speaker turns that start in the range, ``speaker`` the one speaking at its start."""
    begin = line_start = start
    for match in CUT_RE.finditer(text, start, end):
        if line_start in turns:
            speaker, label_end, begin = turns.pop(line_start)
            yield Sentence(Span(line_start, label_end), index, speaker)
        cut, at = match.group(), match.start()
        if at < begin or not _is_cut(text, cut, at, begin, end):
            continue
        a, b = _bounds(text, begin, at if cut[0] == "\n" else at + len(cut.rstrip()))
        if a < b:
            yield Sentence(Span(a, b), index, speaker)
        begin = match.end()
        if cut[0] == "\n":
            line_start = begin
    if line_start in turns:
        speaker, label_end, begin = turns.pop(line_start)
        yield Sentence(Span(line_start, label_end), index, speaker)
    a, b = _bounds(text, begin, end)
    if a < b:
        yield Sentence(Span(a, b), index, speaker)


def segment_sentences(text: str, start: int, end: int, index: int) -> Iterator[Sentence]:
    """Sentences of one segment, with the speaker tracked across its paragraphs."""
    return sentences_in(text, start, end, index, find_turns(text, start, end))


def split_sentences(text: str, segments: Sequence[Segment] = ()) -> list[Sentence]:
    """All sentences of ``text``, sorted; one segment over the whole text when none given."""
    if not segments:
        segments = (Segment(0, Span(0, len(text))),)
    out: list[Sentence] = []
    for segment in sorted(segments, key=lambda s: (s.span.start, s.span.end)):
        end = min(segment.span.end, len(text))
        out.extend(segment_sentences(text, segment.span.start, end, segment.index))
    return out


def sentences_stage(doc: Doc) -> Doc:
    """Pipeline stage: give the Doc its sentences, split lazily as stages ask for them."""
    from coopatlas.text.lazy_sentences import LazySentences

    doc.index = LazySentences(doc.text, doc.document.segments)
    return doc
