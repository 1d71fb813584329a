"""Text helpers shared by the event stages (forums, documents signed, twin pairs).

Sentences and segments come from the Doc when earlier stages assigned them; otherwise a
plain fallback splits the text, so each stage also runs on a bare Doc in tests. Dates are
read in the forms English official texts write them ("November 9, 2017", "9 November
2017", "24–25 October 2018", "2021-09-30"), and Kremlin-style datelines (a date line, an
optional time line, then a place line) give an event's date and place.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import overload

from coopatlas.doc import Doc
from coopatlas.model import Span

MONTHS: dict[str, int] = {
    m: i + 1 for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december")
    )
}
_MONTH = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)"
)
_DASH = r"\s*[-–—]\s*"
DATE_RE = re.compile(
    rf"\b(?P<y1>\d{{4}})-(?P<m1>\d\d)-(?P<d1>\d\d)\b"
    rf"|\b(?P<mon2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:{_DASH}(?P<e2>\d{{1,2}}))?,?\s+(?P<y2>\d{{4}})\b"
    rf"|\b(?P<d3>\d{{1,2}})(?:{_DASH}(?P<e3>\d{{1,2}}))?\s+(?P<mon3>{_MONTH}),?\s+(?P<y3>\d{{4}})\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’)\]]*\s+(?=[“\"(\[]?[A-Z0-9])|\n+")
DATELINE_RE = re.compile(
    rf"^[ \t]*(?P<date>{_MONTH}\s+\d{{1,2}},\s+\d{{4}})[ \t]*\n"
    r"(?:[ \t]*\d{1,2}:\d\d[ \t]*\n)?"
    r"[ \t]*(?P<place>[^\n]{2,60}?)[ \t]*$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class StatedDate:
    """A date the text states: one day, or a span of days."""

    start: date
    end: date | None
    span: Span

    def iso(self) -> str:
        if self.end and self.end != self.start:
            return f"{self.start.isoformat()}/{self.end.isoformat()}"
        return self.start.isoformat()


@dataclass(frozen=True, slots=True)
class Dateline:
    on: date
    place: Span
    span: Span


class SentenceSpans(Sequence[Span]):
    """The Doc's sentence spans, split only when read as a whole.

    :func:`sentences_around` asks the Doc for just the sentences that hold the hits, so a
    stage gated by trigger words splits only those blocks of the text.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._spans: list[Span] | None = None
        self.has_index = doc.has_sentences

    def spans(self) -> list[Span]:
        if self._spans is None:
            self._spans = ([s.span for s in self.doc.sentences] if self.has_index
                           else _fallback_spans(self.doc.text))
        return self._spans

    def __len__(self) -> int:
        return len(self.spans())

    @overload
    def __getitem__(self, i: int) -> Span: ...

    @overload
    def __getitem__(self, i: slice) -> list[Span]: ...

    def __getitem__(self, i: int | slice) -> Span | list[Span]:
        return self.spans()[i]

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans())


def sentence_spans(doc: Doc) -> SentenceSpans:
    """The Doc's sentences, or a fallback split on sentence ends and line breaks."""
    return SentenceSpans(doc)


def _fallback_spans(text: str) -> list[Span]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            spans.append(_trim(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


# letters that re.IGNORECASE matches to ASCII ones while lower() keeps them apart (İ ı ſ K)
_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")


def word_hits(doc: Doc, words: tuple[str, ...], start: int = 0, end: int | None = None
              ) -> list[int] | None:
    """Sorted offsets in ``[start, end)`` where one of ``words`` (lower-case ASCII) occurs,
    case ignored: ``str.find`` over the Doc's lower-cased text, the cheap gate of a stage.

    Every match of a case-ignoring pattern that spells one of the words holds a hit, so a
    stage reads only the sentences around the hits. None when the text holds a letter
    that case-ignoring patterns and ``lower()`` treat apart: the caller then reads it all.
    """
    text = doc.text
    if any(c in text for c in _ODD_CASE):
        return None
    low, stop = doc.lower, len(text) if end is None else end
    hits: list[int] = []
    for word in words:
        at = low.find(word, start, stop)
        while at >= 0:
            hits.append(at)
            at = low.find(word, at + 1, stop)
    return sorted(hits)


def sentences_around(spans: Sequence[Span], hits: list[int]) -> list[Span]:
    """The sentences (sorted, disjoint) that hold one of the ``hits`` offsets, in order.

    Stages that concern few documents find their trigger words over the whole text first
    and look only at these sentences: the rest cannot match (nor need splitting).
    """
    if isinstance(spans, SentenceSpans) and spans.has_index:
        out: list[Span] = []
        for hit in hits:
            sentence = spans.doc.sentence_at(hit)
            if sentence is not None and (not out or out[-1] != sentence.span):
                out.append(sentence.span)
        return out
    starts = [s.start for s in spans]
    chosen: list[int] = []
    for hit in hits:
        i = bisect.bisect_right(starts, hit) - 1
        if i >= 0 and hit < spans[i].end and (not chosen or chosen[-1] != i):
            chosen.append(i)
    return [spans[i] for i in chosen]


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def segment_spans(doc: Doc) -> list[Span]:
    """The document's publications, or the whole text as one."""
    spans = [s.span for s in doc.document.segments]
    return spans or [Span(0, len(doc.text))]


def _make_date(year: str, month: int, day: str) -> date | None:
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def parse_date(match: re.Match[str]) -> tuple[date, date | None] | None:
    g = match.groupdict()
    if g["y1"]:
        start = _make_date(g["y1"], int(g["m1"]), g["d1"])
        return (start, None) if start else None
    if g["y2"]:
        year, month, day, end = g["y2"], MONTHS[g["mon2"].lower()], g["d2"], g["e2"]
    else:
        year, month, day, end = g["y3"], MONTHS[g["mon3"].lower()], g["d3"], g["e3"]
    start = _make_date(year, month, day)
    if start is None:
        return None
    return start, (_make_date(year, month, end) if end else None)


def dates_in(text: str, span: Span) -> list[StatedDate]:
    out = []
    for match in DATE_RE.finditer(text, span.start, span.end):
        parsed = parse_date(match)
        if parsed:
            out.append(StatedDate(parsed[0], parsed[1], Span(match.start(), match.end())))
    return out


def datelines(doc: Doc, span: Span) -> list[Dateline]:
    """Kremlin-style datelines inside ``span``: date line, optional time line, place line."""
    out = []
    for match in DATELINE_RE.finditer(doc.text, span.start, span.end):
        found = dates_in(doc.text, Span(match.start("date"), match.end("date")))
        if found:
            place = Span(match.start("place"), match.end("place"))
            out.append(Dateline(found[0].start, place, Span(match.start(), match.end())))
    return out


def segment_date(doc: Doc, span: Span) -> date | None:
    """The date of one publication: its first dateline, else its own or the document's date."""
    lines = datelines(doc, span)
    if lines:
        return lines[0].on
    for segment in doc.document.segments:
        if segment.span == span and segment.published:
            return segment.published
    return doc.document.published


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)
