"""Segments: the separate publications one file holds, each with its title and date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from coopatlas.model import Segment, Span
from coopatlas.sources.dates import find_dates, iso_date, line_date, parse_date

DATELINE_WINDOW = 8  # a dateline sits among the first lines of a publication
TITLE_MAX = 200
PUBLISHED_RE = re.compile(r"\b(?:originally )?published\b[^\n]{0,80}", re.IGNORECASE)


def _lines(text: str, start: int, end: int) -> list[str]:
    return text[start:end].split("\n")


def dateline(text: str, start: int, end: int) -> date | None:
    """The date of a line that holds only a date, near the top of ``text[start:end]``."""
    for line in _lines(text, start, end)[:DATELINE_WINDOW]:
        value = line_date(line)
        if value is not None:
            return value
    return None


def published_phrase(text: str, start: int, end: int) -> date | None:
    """A date stated next to "published" ("originally published on ..., 27 November 2024")."""
    for match in PUBLISHED_RE.finditer(text, start, end):
        for _, value in find_dates(match.group()):
            return value
    return None


def furniture_date(furniture: dict[str, list[str]]) -> date | None:
    for key in ("publication_date", "header_date"):
        for value in furniture.get(key, ()):
            found = iso_date(value) or next((d for _, d in find_dates(value)), None)
            if found is not None:
                return found
    return None


def segment_date(text: str, start: int, end: int, furniture: dict[str, list[str]]) -> date | None:
    """Dateline first, then the page's own header/status lines, then a "published" phrase."""
    return (
        dateline(text, start, end)
        or furniture_date(furniture)
        or published_phrase(text, start, end)
    )


def segment_title(text: str, start: int, end: int) -> str | None:
    first = text[start:end].split("\n", 1)[0].strip()
    if not first or len(first) > TITLE_MAX or parse_date(first):
        return None
    return first


def build_segments(
    text: str, starts: Sequence[int], furniture: Sequence[dict[str, list[str]]],
    title: str | None = None, published: date | None = None,
) -> tuple[Segment, ...]:
    """One Segment per publication start; always at least one, covering the whole text.
    ``title`` and ``published``, where the reader knows them (an HTML page's headline and
    date), are the first segment's, and are not looked for in its text."""
    bounds = [s for s in starts if 0 < s < len(text)]
    edges = [0, *bounds, len(text)]
    segments = []
    for index, (start, end) in enumerate(zip(edges, edges[1:], strict=False)):
        furn = furniture[index] if index < len(furniture) else {}
        known_title, known_date = (title, published) if index == 0 else (None, None)
        segments.append(
            Segment(
                index=index,
                span=Span(start, end),
                title=known_title or segment_title(text, start, end),
                published=known_date or segment_date(text, start, end, furn),
            )
        )
    return tuple(segments)
