"""Assemble a Document from text a reader produced: identity, segments, language, kind."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from coopatlas.errors import EmptySource
from coopatlas.model import Document
from coopatlas.sources.furniture import clean
from coopatlas.sources.segments import build_segments
from coopatlas.text.speakers import has_turns

DOC_ID_CHARS = 16
LANGUAGE_SAMPLE = 5_000
CYRILLIC_SHARE_RU = 0.3
_CYRILLIC = re.compile(r"[А-Яа-яЁё]+")
_LATIN = re.compile(r"[A-Za-z]+")
_ARTICLE_CUES = re.compile(r"\b(?:article|newspaper|op-ed|column|статья)\b", re.IGNORECASE)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def detect_language(text: str) -> str:
    """"ru" when Cyrillic letters make up a good share of the letters, else "en"."""
    sample = text[:LANGUAGE_SAMPLE]
    cyr = sum(map(len, _CYRILLIC.findall(sample)))
    lat = sum(map(len, _LATIN.findall(sample)))
    return "ru" if cyr and cyr >= CYRILLIC_SHARE_RU * (cyr + lat) else "en"


def detect_kind(text: str, title: str | None, furniture: Sequence[dict[str, list[str]]]) -> str:
    """"transcript" (speaker turns), "article" (article cues), else "news"."""
    sections = " ".join(v for f in furniture for v in f.get("sections", ()))
    if "Transcript" in sections or has_turns(text):
        return "transcript"
    head = (title or "") + " " + text[:300]
    if _ARTICLE_CUES.search(head):
        return "article"
    return "news"


def assemble(
    data: bytes,
    source: str,
    text: str,
    *,
    starts: Sequence[int] = (0,),
    furniture: Sequence[dict[str, list[str]]] = ({},),
    title: str | None = None,
    published: date | None = None,
    language: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Document:
    """A Document over ``text``; ``published``/``title`` given by a reader win over found ones."""
    if not text.strip():
        raise EmptySource("no text found in it", source=source)
    segments = build_segments(text, starts, furniture, title, published)
    digest = content_hash(data)
    meta = dict(meta or {})
    meta["furniture"] = [dict(f) for f in furniture]
    return Document(
        doc_id=digest[:DOC_ID_CHARS],
        source=source,
        text=text,
        content_hash=digest,
        title=segments[0].title,
        published=segments[0].published,
        language=language or detect_language(text),
        kind=detect_kind(text, segments[0].title, furniture),
        segments=segments,
        meta=meta,
    )


def from_text(data: bytes, source: str, raw: str, meta: dict[str, Any] | None = None) -> Document:
    """A Document from decoded plain text: furniture cleaned out, with an offset map."""
    cleaned = clean(raw)
    meta = dict(meta or {})
    meta["offset_map"] = cleaned.pieces
    return assemble(
        data, source, cleaned.text,
        starts=cleaned.starts, furniture=cleaned.furniture, meta=meta,
    )
