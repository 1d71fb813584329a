"""What a publication says about the forum it reports on, beyond the numbered phrase itself.

Read once per segment and applied to the segment's current edition (the highest edition
named without a year of its own, or with the segment's year): the dateline's date and
city, the stated theme ("the theme of the Forum is X", "the forum is themed X", "the
Forum's main theme this year was X", "devoted to X", "the forum will focus on X"), a
video-link format, presence cues ("welcome you to Omsk", "today's event"), "Kazakhstan is
hosting the Forum", and a state visit to a country that the forum is part of.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from coopatlas.doc import Doc
from coopatlas.extract.eventtext import datelines, segment_date
from coopatlas.model import Span

CountryOf = Callable[[str], str | None]

_END = r"(?P<t>[^\n]+?)(?=[.!?][”\"’»\]]*(?:\s|$)|\n|$)"
_FORUM = r"(?:forum|meeting|event)"
THEME_RES = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b{_FORUM}\s+(?:is|was|will\s+be)\s+themed\s+{_END}",
    rf"\btheme\s+of\s+(?:the|this|this\s+year[’']s)\s+(?:[\w-]+\s+){{0,4}}?{_FORUM}\s+"
    rf"(?:this\s+year\s+)?(?:is|was|will\s+be)[:,]?\s+{_END}",
    rf"\b{_FORUM}[’']s\s+(?:main\s+)?theme\s+(?:(?:for\s+)?this\s+year\s+)?"
    rf"(?:is|was|will\s+be)[:,]?\s+{_END}",
    rf"\b{_FORUM},?\s+(?:which\s+)?(?:will\s+focus|focuse[sd]|(?:is|was|will\s+be)\s+focused)"
    rf"\s+on\s+{_END}",
    rf"\b{_FORUM}\s+(?:is|was|will\s+be)\s+(?:devoted|dedicated)\s+to\s+"
    rf"(?:an?\s+[\w\s]{{0,30}}?(?:subject|topic|issue|theme|question|matter)"
    rf"(?:,\s+namely,?|\s*[–—:]|\s+-)\s+)?{_END}",
)]
VIDEO_RE = re.compile(
    r"video\s*-?\s*conferenc\w*|video\s+link|videoconferenc\w*|online\s+format|via\s+video",
    re.IGNORECASE)
EVENT_WORDS_RE = re.compile(r"forum|event|meeting|take\s+part|hold|held|participat",
                            re.IGNORECASE)
PRESENCE_RE = re.compile(
    r"today[’']s\s+(?:event|forum|meeting|plenary)|\bwelcome\s+(?:you\s+)?"
    r"(?:the\s+participants\s+(?:of|in)\s+[^.\n]{0,80}?)?(?:to|in|at)\b|where\s+we\s+are\s+today"
    r"|\bat\s+(?:this|today[’']s|the\s+current)\s+(?:forum|meeting)"
    r"|\bduring\s+(?:this|the\s+current)\s+forum", re.IGNORECASE)
FUTURE_RE = re.compile(r"\b(?:will|upcoming|forthcoming|next|plan(?:s|ned)?\s+to)\b",
                       re.IGNORECASE)
HOSTING_RE = re.compile(
    r"\b(Kazakhstan|Russia|the\s+Russian\s+Federation)\s+(?:is|will\s+be)\s+hosting\s+"
    r"the\s+(?:forum|event|meeting)", re.IGNORECASE)
VISIT_RE = re.compile(r"\bvisit\b[^.\n]{0,100}?\bto\s+(Kazakhstan|Russia)\b", re.IGNORECASE)
WELCOME_TO_RE = re.compile(r"\bwelcome\b[^.\n]{0,150}?\bto\s+$", re.IGNORECASE)
COUNTRY_CODE = {"kazakhstan": "KZ", "russia": "RU", "the russian federation": "RU"}


def _code(name: str) -> str:
    return COUNTRY_CODE[re.sub(r"\s+", " ", name.lower())]


@dataclass
class Context:
    """The segment-level facts about the forum a publication reports on."""

    year: int | None
    on: date | None
    dateline_date: date | None = None
    dateline_city: str | None = None
    welcome_city: str | None = None
    theme: str | None = None
    video: bool = False
    presence: bool = False
    hosting: str | None = None
    visits: tuple[tuple[int, str], ...] = ()

    def event_date(self, text: str, sentence: Span, city: str | None = None) -> str | None:
        """The dateline's date, or the text's own where presence is told. A forum the
        sentence puts in the future in another city than the dateline's ("We will meet in
        Chelyabinsk at the 15th forum", written in Sochi) is not on that date; "later today
        they will take part" in the dateline's city is."""
        future = FUTURE_RE.search(text, sentence.start, sentence.end)
        elsewhere = city is not None and self.dateline_city is not None \
            and city != self.dateline_city
        if self.dateline_date and not (future and elsewhere):
            return self.dateline_date.isoformat()
        if self.presence and self.on and not future:
            return self.on.isoformat()
        return None

    def _visit_country(self, text: str, sentence: Span) -> str | None:
        if not re.search(r"\bvisit", text[sentence.start:sentence.end], re.IGNORECASE):
            return None
        before = [country for offset, country in self.visits if offset < sentence.end]
        return before[-1] if before else None

    def host_for(self, text: str, sentence: Span) -> str | None:
        return self.hosting or self._visit_country(text, sentence)

    def format_for(self, text: str, sentence: Span, city: str | None) -> str | None:
        if self.video:
            return "video"
        if city or self.welcome_city or self._visit_country(text, sentence):
            return "in-person"
        return None


def clean_theme(raw: str) -> str:
    """The theme without quotes, final stops and the sentence's own lower-case article
    ("devoted to the development of X" -> "development of X"; a title's "The" stays)."""
    theme = raw.strip().strip("“”\"«»[]").strip()
    theme = re.sub(r"[.”\"’»\]]+$", "", theme).strip("“”\"«»[] ")
    return theme.removeprefix("the ")


def _theme(text: str, segment: Span) -> str | None:
    found = [m for rx in THEME_RES if (m := rx.search(text, segment.start, segment.end))]
    if not found:
        return None
    return clean_theme(min(found, key=lambda m: m.start()).group("t")) or None


def _video(text: str, segment: Span) -> bool:
    for m in VIDEO_RE.finditer(text, segment.start, segment.end):
        left = max(segment.start, text.rfind(".", 0, m.start()) + 1)
        if EVENT_WORDS_RE.search(text, left, m.start()):
            return True
    return False


def _welcome_city(doc: Doc, segment: Span) -> str | None:
    for mention in doc.mentions:
        if mention.kind == "city" and segment.contains(mention.span):
            left = doc.text[max(segment.start, mention.span.start - 180):mention.span.start]
            if WELCOME_TO_RE.search(left):
                return mention.key
    return None


def _dateline(doc: Doc, segment: Span) -> tuple[date | None, str | None]:
    for line in datelines(doc, segment):
        cities = [m.key for m in doc.mentions_in(line.place) if m.kind == "city"]
        return line.on, (cities[0] if cities else None)
    return None, None


def read_context(doc: Doc, segment: Span, country_of: CountryOf) -> Context:
    text = doc.text
    on = segment_date(doc, segment)
    dl_date, dl_city = _dateline(doc, segment)
    hosting = HOSTING_RE.search(text, segment.start, segment.end)
    return Context(
        year=on.year if on else None, on=on, dateline_date=dl_date, dateline_city=dl_city,
        welcome_city=_welcome_city(doc, segment), theme=_theme(text, segment),
        video=_video(text, segment),
        presence=bool(PRESENCE_RE.search(text, segment.start, segment.end)),
        hosting=_code(hosting.group(1)) if hosting else None,
        visits=tuple((m.start(), _code(m.group(1)))
                     for m in VISIT_RE.finditer(text, segment.start, segment.end)),
    )


@functools.lru_cache(maxsize=1)
def _gazetteer() -> object | None:
    try:
        from coopatlas.gazetteer import load_gazetteer  # type: ignore[attr-defined]
    except ImportError:
        return None
    return load_gazetteer()


def gazetteer_country_of() -> CountryOf:
    """``country_of(city)`` backed by the bundled gazetteer (None while it is absent)."""
    gaz = _gazetteer()

    def country_of(name: str) -> str | None:
        if gaz is None:
            return None
        try:
            city = gaz.city(name)  # type: ignore[attr-defined]
        except LookupError:
            return None
        return getattr(city, "country", None) if city else None

    return country_of
