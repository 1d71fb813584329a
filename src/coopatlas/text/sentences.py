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

import bisect
import re
from collections.abc import Iterator

from coopatlas.doc import Doc
from coopatlas.model import Sentence, Span
from coopatlas.text.speakers import label_line, turn_at

BOUNDARY_RE = re.compile(r"[.!?…]+[\"”’»)\]]*[ \t\u00a0]+(?=[\"“‘«(\[]?[A-ZА-ЯЁ0-9])")
WORD_BEFORE_RE = re.compile(r"([\w.’'-]+)\.$")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr prof gen col lt sgt capt gov sen rep mt ft vs e.g i.e inc ltd co"
    " corp jan feb mar apr aug sep sept oct nov dec no nos art para pp vol ed approx fig"
    " г гг т тыс млн млрд руб им ул д т.е т.д т.п см стр".split()
)
LINE_RE = re.compile(r"[^\n]+")
TERMINAL = ".!?…:;\"”’»)"


def _is_abbreviation(text: str, stop: int, floor: int) -> bool:
    """Whether the single point at ``text[stop]`` ends an abbreviation or an initial."""
    match = WORD_BEFORE_RE.search(text, max(floor, stop - 24), stop + 1)
    if match is None:
        return False
    word = match.group(1).lstrip("(\"“‘«")
    if len(word) == 1 and word.isalpha():
        return True  # an initial
    low = word.lower()
    return low in ABBREVIATIONS or bool(re.fullmatch(r"(?:\w\.)+\w", word))


def split_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence ``(start, end)`` pairs inside ``text[start:end]`` (one paragraph)."""
    begin = start
    for match in BOUNDARY_RE.finditer(text, start, end):
        stop = match.end() - len(match.group()) + len(match.group().rstrip(" \t\u00a0"))
        if match.group().startswith(".") and not match.group().startswith("..") and (
            _is_abbreviation(text, match.start(), begin)
        ):
            continue
        yield begin, stop
        begin = match.end()
    if begin < end:
        yield begin, end


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Lines of ``text[start:end]``, a line joined to the next when the sentence runs on."""
    open_at: int | None = None
    for match in LINE_RE.finditer(text, start, end):
        a, b = match.span()
        if open_at is None:
            open_at = a
        runs_on = (
            text[b - 1] not in TERMINAL and b + 1 < end and text[b + 1].islower()
        )
        if not runs_on:
            yield open_at, b
            open_at = None
    if open_at is not None:
        yield open_at, end


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def segment_sentences(text: str, start: int, end: int, index: int) -> Iterator[Sentence]:
    """Sentences of one segment, with the speaker tracked across its paragraphs."""
    speaker: str | None = None
    pending_colon = False
    for a, b in _paragraphs(text, start, end):
        line = text[a:b]
        if pending_colon and line.startswith(":"):
            a += 1
        pending_colon = False
        turn = turn_at(text[a:b])
        if turn is not None:
            speaker, skip = turn
            yield Sentence(Span(a, a + len(speaker)), index, speaker)
            a += skip
        elif (label := label_line(line)) is not None and text[b + 1:b + 2] == ":":
            speaker, pending_colon = label, True
            yield Sentence(Span(a, b), index, speaker)
            continue
        for s, e in split_paragraph(text, a, b):
            s, e = _strip(text, s, e)
            if s < e:
                yield Sentence(Span(s, e), index, speaker)


def split_sentences(text: str, segment_starts: list[int] | None = None) -> list[Sentence]:
    """All sentences of ``text``, sorted; segments begin at ``segment_starts`` (0 implied)."""
    starts = sorted({0, *(segment_starts or [])})
    edges = [*starts, len(text)]
    out: list[Sentence] = []
    for index, (a, b) in enumerate(zip(edges, edges[1:], strict=False)):
        out.extend(segment_sentences(text, a, b, index))
    return out


def segment_of(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def sentences_stage(doc: Doc) -> Doc:
    """Pipeline stage: fill ``doc.sentences`` (sorted) from the document's text and segments."""
    segments = doc.document.segments
    starts = [s.span.start for s in segments] if segments else [0]
    doc.sentences = split_sentences(doc.text, starts)
    return doc
