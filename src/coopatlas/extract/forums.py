"""Forum editions: each edition of the Russia–Kazakhstan Interregional Cooperation Forum.

Requires ``doc.mentions`` (cities, from the places stage) and, when assigned, sentences and
segments. Assigns claims of kind ``"forum"`` whose fact is a :class:`ForumMention`.

An edition is an ordinal ("IX", "14th", "the first", "twentieth") directly before a forum
head ("forum", "meeting") whose modifiers and complement name the interregional forum
of Russia and Kazakhstan: "the 17th Russia-Kazakhstan Interregional Cooperation Forum",
"the XX Forum of Interregional Cooperation", "the 16th meeting of Russian and Kazakhstani
regions", "our first interregional meeting". A bare "the first meeting" counts only in a
sentence that names the forum. Forums of other participants ("forum of youth leaders",
"forum of universities") and of other countries are rejected; unnumbered future meetings
are not editions. Context lives in :mod:`coopatlas.extract.forum_context`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as date_cls

from coopatlas.doc import Doc
from coopatlas.extract.eventtext import (
    dates_in,
    segment_spans,
    sentence_spans,
    sentences_around,
    word_hits,
)
from coopatlas.extract.forum_context import (
    Context,
    CountryOf,
    gazetteer_country_of,
    read_context,
)
from coopatlas.extract.ordinals import ORDINAL_PATTERN, parse_ordinal
from coopatlas.model import ForumMention, Span

MENTION_RE = re.compile(
    rf"(?P<ord>{ORDINAL_PATTERN})\s+(?P<mods>(?:[\w’'–-]+\s+){{0,5}}?)"
    r"(?P<head>forum|meeting)\b(?:\s+of\s+(?P<compl>[^.,;:()\n]{1,80}))?",
    re.IGNORECASE,
)
RU_KZ = {"russia", "russian", "kazakhstan", "kazakh", "kazakhstani", "russia's",
         "kazakhstan's", "russia’s", "kazakhstan’s"}
MODIFIERS = {"interregional", "inter-regional", "cooperation", "such", "regional", "annual",
             "traditional", "jubilee"}
CAPITALISED_OK = RU_KZ | MODIFIERS | {"regions", "forum", "border", "cross-border",
                                      "federation", "republic", "the", "of", "and"}
COMPLEMENT_STOP = {"in", "at", "on", "from", "with", "to", "held", "which", "that", "was",
                   "is", "were", "will", "took", "for", "has", "had", "be"}
FORUM_NAMED_RE = re.compile(  # each match spells "regional"
    r"interregional\s+(?:cooperation\s+)?forum|forum\s+of\s+interregional|"
    r"inter-regional\s+(?:cooperation\s+)?forum", re.IGNORECASE)
HEAD_WORDS = ("forum", "meeting")  # every MENTION_RE match spells one
INTERREGIONAL_RE = re.compile(r"^inter-?regional$", re.IGNORECASE)
KAZAKH_RE = re.compile(r"\bKazakh", re.IGNORECASE)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November"
           "|December")
YEAR_RE = re.compile(rf"\b(?:in|since|of)\s+(?:(?:early|mid|late)[- ])?(?:(?:{_MONTHS})\s+)?"
                     r"((?:19|20)\d\d)\b")
#: "On November 9": a day and month without a year, read in the publication's year.
DAY_MONTH_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS}))\b"
    r"(?!,?\s+\d{4})(?![-–—:]\d)")
#: "the previous forum", "the next meeting": an edition counted from the current one.
RELATIVE_RE = re.compile(
    r"\b(?P<rel>previous|preceding|last|next)\s+(?P<mods>(?:[\w’'–-]+\s+){0,5}?)"
    r"(?P<head>forum|meeting)\b(?:\s+of\s+(?P<compl>[^.,;:()\n]{1,80}))?",
    re.IGNORECASE,
)
DATE_REACH = 60  # characters after a forum phrase within which a stated date is its date
RELATIVE_STEP = {"previous": -1, "preceding": -1, "last": -1, "next": 1}
#: "Chelyabinsk will host the 14th Forum": the city that hosts it, named before it.
HOSTS_AFTER_RE = re.compile(
    r"^\s+(?:will\s+(?:host|welcome)|is\s+hosting|hosts|hosted|has\s+hosted|welcomed)\b")
RELATIVE_YEAR_RE = re.compile(r"\b(last|next|this|previous)\s+year", re.IGNORECASE)
RELATIVE_OFFSET = {"last": -1, "previous": -1, "next": 1, "this": 0}
CITY_BEFORE_RE = re.compile(r"\b(?:in|to|at)\s+(?:the\s+city\s+of\s+)?$", re.IGNORECASE)
COUNTRY_AFTER_RE = re.compile(r"^\s*\((Russia|Kazakhstan)\)")
COUNTRY_CODE = {"russia": "RU", "kazakhstan": "KZ", "the russian federation": "RU"}


@dataclass(frozen=True, slots=True)
class Found:
    """One numbered forum phrase and where it sits."""

    edition: int
    span: Span
    sentence: Span
    head: str
    rule: str = "forum:ordinal"


def _norm(word: str) -> str:
    return word.lower().replace("–", "-").strip("’'")


def _allowed_modifier(word: str) -> bool:
    w = _norm(word)
    return w in MODIFIERS or all(part in RU_KZ for part in w.split("-") if part)


def _complement_words(compl: str | None) -> list[str]:
    out: list[str] = []
    for word in (compl or "").split():
        if word.lower() in COMPLEMENT_STOP:
            break
        out.append(word)
    return out


def _qualifies(mods: list[str], compl: list[str]) -> bool | None:
    """True: names the interregional forum; None: a bare head; False: another forum."""
    if not all(_allowed_modifier(w) for w in mods):
        return False
    if any(w[0].isupper() and _norm(w) not in CAPITALISED_OK for w in compl):
        return False
    head_of_compl = " ".join(compl).lower().split(" of ")[0]
    if compl and not re.search(r"region|cooperation", head_of_compl):
        return False
    if "region" in head_of_compl or any(INTERREGIONAL_RE.search(w) for w in mods + compl):
        return True
    return None


def _names_the_forum(m: re.Match[str], named_here: bool, segment_named: bool) -> bool:
    verdict = _qualifies(m.group("mods").split(), _complement_words(m.group("compl")))
    if verdict is False:
        return False
    return verdict or (named_here if m.group("head").lower() == "meeting" else segment_named)


def _span(m: re.Match[str]) -> Span:
    return Span(m.start(), m.end("compl") if m.group("compl") else m.end("head"))


def find_mentions(doc: Doc, sentence: Span, segment_named: bool) -> list[Found]:
    text = doc.text
    named_here = bool(FORUM_NAMED_RE.search(text, sentence.start, sentence.end))
    found = []
    for m in MENTION_RE.finditer(text, sentence.start, sentence.end):
        edition = parse_ordinal(m.group("ord"))
        if edition is not None and _names_the_forum(m, named_here, segment_named):
            found.append(Found(edition, _span(m), sentence, m.group("head").lower()))
    return found


def relative_mentions(doc: Doc, sentences: Sequence[Span], current: int,
                      segment_named: bool) -> list[Found]:
    """"The previous forum took place in Astana": edition ``current - 1`` (``+ 1`` for the
    next one), only in a publication that names the forum and reports a numbered edition."""
    text = doc.text
    found = []
    for sentence in sentences:
        named_here = bool(FORUM_NAMED_RE.search(text, sentence.start, sentence.end))
        for m in RELATIVE_RE.finditer(text, sentence.start, sentence.end):
            edition = current + RELATIVE_STEP[m.group("rel").lower()]
            if edition >= 1 and _names_the_forum(m, named_here, segment_named):
                found.append(Found(edition, _span(m), sentence, m.group("head").lower(),
                                   "forum:relative"))
    return found


def _clause(found: list[Found], i: int) -> Span:
    start = found[i - 1].span.end if i > 0 and found[i - 1].sentence == found[i].sentence \
        else found[i].sentence.start
    nxt = found[i + 1] if i + 1 < len(found) else None
    end = nxt.span.start if nxt and nxt.sentence == found[i].sentence else found[i].sentence.end
    return Span(start, end)


def _explicit_year(text: str, clause: Span, seg_year: int | None) -> int | None:
    years = YEAR_RE.findall(text, clause.start, clause.end)
    if years:
        return int(years[0])
    rel = RELATIVE_YEAR_RE.search(text, clause.start, clause.end)
    if rel and seg_year and rel.group(1).lower() != "this":
        return seg_year + RELATIVE_OFFSET[rel.group(1).lower()]
    return None


def _clause_place(doc: Doc, clause: Span) -> tuple[str | None, str | None]:
    """A city named after "in/to/at" in the clause, or as the one that hosts the forum
    ("Omsk will host ..."), and a "(Russia)" right after it."""
    text = doc.text
    for mention in doc.mentions:
        if mention.kind != "city" or not clause.contains(mention.span):
            continue
        start, end = mention.span.start, mention.span.end
        if (CITY_BEFORE_RE.search(text[max(0, start - 30):start])
                or HOSTS_AFTER_RE.match(text[end:end + 24])):
            after = COUNTRY_AFTER_RE.match(text[end:end + 20])
            return mention.key, COUNTRY_CODE[after.group(1).lower()] if after else None
    return None, None


def _day_month(text: str, clause: Span, year: int | None) -> str | None:
    """A day and month stated without a year ("On November 9"), in ``year``."""
    m = DAY_MONTH_RE.search(text, clause.start, clause.end)
    if m is None or year is None:
        return None
    month = _MONTHS.split("|").index(m.group("m1") or m.group("m2")) + 1
    try:
        return date_cls(year, month, int(m.group("d1") or m.group("d2"))).isoformat()
    except ValueError:
        return None


def _resolve(doc: Doc, f: Found, clause: Span, ctx: Context, current: bool,
             country_of: CountryOf) -> ForumMention:
    city, host = _clause_place(doc, clause)
    if city and country_of(city) not in (None, "RU", "KZ"):
        city, host = None, None  # the forum is held in Russia or Kazakhstan, never abroad
    stated = [d for d in dates_in(doc.text, clause)  # far after it, a date is another thing's
              if d.span.start < f.span.start or d.span.start - f.span.end <= DATE_REACH]
    year = _explicit_year(doc.text, clause, ctx.year)
    date = stated[0].iso() if stated else None
    fmt = "in-person" if city else None
    if current:
        date = date or ctx.event_date(doc.text, f.sentence, city) or \
            _day_month(doc.text, clause, year or ctx.year)
        city = city or (None if ctx.video else ctx.dateline_city or ctx.welcome_city)
        fmt = ctx.format_for(doc.text, f.sentence, city)
    if year is None:
        year = int(date[:4]) if date else (ctx.year if current else None)
    host = host or (country_of(city) if city else None)
    if current and host is None:
        host = ctx.host_for(doc.text, f.sentence)
    return ForumMention(f.edition, year, date, city, host, ctx.theme if current else None, fmt)


def _current_edition(doc: Doc, found: list[Found], ctx: Context) -> int | None:
    editions = [
        f.edition for i, f in enumerate(found)
        if _explicit_year(doc.text, _clause(found, i), ctx.year) in (None, ctx.year)
    ]
    return max(editions) if editions else None


def _segment_claims(doc: Doc, segment: Span, sentences: Callable[[], Sequence[Span]],
                    country_of: CountryOf) -> None:
    text = doc.text
    kazakh = word_hits(doc, ("kazakh",), segment.start, segment.end)
    heads = word_hits(doc, HEAD_WORDS, segment.start, segment.end)
    if kazakh == [] or heads == []:  # most texts: nothing to read
        return
    if not KAZAKH_RE.search(text, kazakh[0] if kazakh else segment.start, segment.end):
        return
    named = word_hits(doc, ("regional",), segment.start, segment.end) != [] and \
        bool(FORUM_NAMED_RE.search(text, segment.start, segment.end))
    candidates = sentences() if heads is None else sentences_around(sentences(), heads)
    found = [f for s in candidates if segment.contains(s) for f in find_mentions(doc, s, named)]
    if not found:
        return
    ctx = read_context(doc, segment, country_of)
    current = _current_edition(doc, found, ctx)
    if current is not None and named:
        found = sorted(found + relative_mentions(doc, candidates, current, named),
                       key=lambda f: f.span.start)
    for i, f in enumerate(found):
        clause = _clause(found, i)
        is_current = f.edition == current and \
            _explicit_year(text, clause, ctx.year) in (None, ctx.year)
        fact = _resolve(doc, f, clause, ctx, is_current, country_of)
        rule = "forum:ordinal+context" if is_current else f.rule
        doc.claims.append(doc.claim("forum", f.span, fact, rule))


def make_forums_stage(country_of: CountryOf | None = None) -> Callable[[Doc], Doc]:
    """A forums stage that asks ``country_of(city)`` for a host city's country."""

    def forums_stage(doc: Doc) -> Doc:
        resolve = country_of or gazetteer_country_of()
        spans = sentence_spans(doc)  # split only where a segment passes the gates

        def sentences() -> Sequence[Span]:
            return spans

        for segment in segment_spans(doc):
            _segment_claims(doc, segment, sentences, resolve)
        return doc

    return forums_stage


def forums_stage(doc: Doc) -> Doc:
    """The pipeline's forums stage, with host countries from the bundled gazetteer."""
    return make_forums_stage()(doc)
