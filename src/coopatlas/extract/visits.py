"""Visits: a delegation, governor, akim or mission of one region visiting across the border.

Requires ``doc.mentions`` (regions and cities, from the places stage) and sentences (or the
fallback split). Assigns claims of kind ``"visit"`` whose fact is a :class:`VisitFact`.

Three roles are read from the places of one sentence:

* a **visitor** is a place an agent phrase ties to: "a delegation of the Omsk Region",
  "the heads of Bashkortostan and Ryazan Region", "the Orenburg delegation", "Omsk
  Governor", "a business mission from Kostanay" (a chain of places shares the agent);
* a **host** is a place, or a country word, right after a movement cue: "visited Pavlodar
  Region", "a visit to Kazakhstan", "arrived in Oral", "will visit their Kazakhstani
  colleagues", "was received in Aktobe";
* or a host that **receives**: "the akim of Pavlodar received a business mission from Omsk".

A visit pairs a visitor with the host of the nearest cue after it (or, for "received",
the visitor after the cue) when the two lie in different countries: a visit to Germany,
a governor touring his own region, a president's trip are no interregional visits.
The date is the stated time nearest to the cue (:mod:`coopatlas.extract.eventtime`);
a modal before the cue ("will", "set to", "upcoming") makes the visit planned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from coopatlas.doc import Doc
from coopatlas.extract.eventtext import sentence_spans, sentences_around, word_hits
from coopatlas.extract.eventtime import when
from coopatlas.extract.placerefs import (
    ADJECTIVE_RE,
    COUNTRY_RE,
    Place,
    PlaceIndex,
    country_of,
    crosses_border,
)
from coopatlas.model import Span, VisitFact

#: Trigger words of a visit (lower case); a sentence without one is not read.
CUE_WORDS = ("visit", "trip", "travel", "arriv", "came to", "come to", "coming to",
             "went to", "toured", "received", "hosted", "welcomed", "mission to",
             "delegation to")
AGENT = (
    r"(?:(?:large|big|massive|official|high-level|representative|government|governmental"
    r"|regional|parliamentary|business|trade|economic|joint)\s+)*"
    r"(?P<agent>delegations?|missions?|(?:deputy\s+|acting\s+|vice-)?governors?"
    r"|(?:deputy\s+)?akims?|heads?|leaders(?:hip)?|presidents?|mayors?|officials"
    r"|representatives|authorities|businessm[ae]n|business\s+people|businesspeople"
    r"|entrepreneurs|investors)"
)
#: An agent phrase before a place: "a delegation of the", "governor of", "heads of".
AGENT_BEFORE = re.compile(rf"\b{AGENT}\s+(?:(?:led|headed)\s+by\s+the\s+\w+\s+)?"
                          r"(?:of|from)\s+(?:the\s+)?$")
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
#: An agent word after a place: "Omsk Region delegation", "Pavlodar Region's akim".
AGENT_AFTER = re.compile(rf"(?:'s)?\s+(?:(?:region|oblast|regional|city)\s+)?{AGENT}\b")
_FILLER = (r"(?:(?:the|a|an|its|their|our|neighbouring|neighboring|partner|fraternal|sister"
           r"|kazakhstan's|russia's|city\s+of|town\s+of|capital\s+of|regional\s+centre\s+of)\s+)*")
#: A cue whose host follows it: the host place must start right where the match ends.
OUTBOUND = re.compile(
    r"\b(?P<cue>visit(?:ed|ing|s)?(?:\s+to)?|toured|tour\s+of|trips?\s+to|journey\s+to"
    r"|travel(?:l?ed|l?ing|s)?\s+to|arriv(?:ed|es|ing|e)\s+(?:in|at)"
    r"|(?:came|come|coming|went|go|going|returned)\s+to"
    r"|(?:missions?|delegations?)\s+to"
    r"|(?:was|were|been|be)\s+(?:received|welcomed|hosted)\s+(?:in|at))\s+"
    + _FILLER
)
#: "to" after a nominal visit and its visitor ("the visit of the Omsk delegation to ...").
NOMINAL_TO = re.compile(r"(?:of|by)\s[^,;.]*?\bto\s+" + _FILLER)
#: A cue whose subject is the host and whose object the visitor: "Pavlodar hosted ...".
INBOUND = re.compile(r"\b(?:received|hosted|welcomed|receives|hosts|welcomes"
                     r"|will\s+(?:receive|host|welcome))\b")
#: A modal or attribute before a cue that makes the visit one still to come.
PLANNED = re.compile(
    r"\b(?:will|shall|to|upcoming|forthcoming|planned|future|next|expected|due|invited)\s+"
    r"(?:(?:also|soon|shortly|again|be|pay|make|a|an|the|official|working|return"
    r"|reciprocal|their|his|her)\s+){0,3}$")
#: What joins two agent phrases of one subject (", ", " and ", ", and ").
COORDINATION = re.compile(r"(?:'s)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)")
DESCRIPTION_MAX = 200
_CLAUSE_END = re.compile(r"[;]|\.\s|\.$")


@dataclass(frozen=True, slots=True)
class Host:
    """Where a visit goes: a region (via a place) or only a country."""

    start: int
    end: int
    country: str
    region: str | None = None
    city: str | None = None


@dataclass(frozen=True, slots=True)
class Visitor:
    """A place an agent phrase ties to; ``group``: the places that share the phrase."""

    place: Place
    agent: str
    start: int  # where the agent phrase starts (the description starts there)
    group: int


def _segments(doc: Doc, places: list[Place]) -> list[list[int]]:
    """Chains of places, cut before a place with an agent of its own after it when the chain
    opened with an agent phrase ("the akim of Pavlodar Region, and the Kurgan delegation")."""
    low, out = doc.lower, []
    chains: dict[int, list[int]] = {}
    for i, p in enumerate(places):
        chains.setdefault(p.chain, []).append(i)
    for members in chains.values():
        opened = AGENT_BEFORE.search(low, max(0, places[members[0]].span.start - 70),
                                     places[members[0]].span.start) is not None
        segment = [members[0]]
        for i in members[1:]:
            end = places[i].span.end
            if opened and AGENT_AFTER.match(low, end, min(len(low), end + 50)):
                out.append(segment)
                segment, opened = [], False
            segment.append(i)
        out.append(segment)
    return out


def visitors(doc: Doc, places: list[Place]) -> dict[int, Visitor]:
    """``{index in places: Visitor}`` for the places an agent phrase ties to."""
    low = doc.lower
    linked: dict[int, Visitor] = {}
    for group, members in enumerate(_segments(doc, places)):
        first, last = places[members[0]], places[members[-1]]
        before = AGENT_BEFORE.search(low, max(0, first.span.start - 70), first.span.start)
        after = AGENT_AFTER.match(low, last.span.end, min(len(low), last.span.end + 50))
        found = before or after
        if found is None:
            continue
        start = before.start() if before else first.span.start
        article = ARTICLE_BEFORE.search(low, max(0, start - 4), start)
        start = article.start() if article else start
        for i in members:
            linked[i] = Visitor(places[i], _agent_word(found.group("agent")), start, group)
    return linked


def _agent_word(word: str) -> str:
    word = re.sub(r"\s+", " ", word)
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _host_at(doc: Doc, at: int, end: int, places: list[Place]) -> list[Host]:
    """The host(s) starting right at offset ``at``: a place chain or a country word."""
    for p in places:
        if p.span.start == at:
            return [Host(q.span.start, q.span.end, country_of(q.region) or "", q.region,
                         q.mention.key if q.mention.kind == "city" else None)
                    for q in places if q.chain == p.chain and q.span.start >= at]
    m = COUNTRY_RE.match(doc.lower, at, end)
    if m and not doc.lower.startswith("'s ", m.end()):  # "Kazakhstan's Pavlodar": no host
        return [Host(m.start(), m.end(), "KZ" if m.group("kz") else "RU")]
    m = ADJECTIVE_RE.match(doc.lower, at, end)
    if m and re.match(r"\s+(?:colleagues|partners|counterparts|neighbou?rs|regions?|cities)\b",
                      doc.lower[m.end():m.end() + 20]):
        return [Host(m.start(), m.end(), "KZ" if m.group("kz") else "RU")]
    return []


def _host_after_to(doc: Doc, cue: re.Match[str], sentence: Span,
                   places: list[Place]) -> list[Host]:
    """The host of "the visit of X to Y" / "a trip by X to Y": after "to", in the clause."""
    if not cue.group("cue").startswith("visit"):
        return []
    stop = min(sentence.end, cue.end() + 100)
    m = NOMINAL_TO.match(doc.lower, cue.end(), stop)
    return _host_at(doc, m.end(), sentence.end, places) if m else []


def _description(doc: Doc, start: int, sentence: Span) -> Span:
    """From the start of the visit's phrase to the end of its clause, at most 200 characters."""
    m = _CLAUSE_END.search(doc.text, start, sentence.end)
    end = m.start() if m else sentence.end
    if end - start > DESCRIPTION_MAX:
        cut = doc.text.rfind(" ", start, start + DESCRIPTION_MAX)
        end = cut if cut > start else start + DESCRIPTION_MAX
    while end > start and doc.text[end - 1] in " ,:":
        end -= 1
    return Span(start, end)


def _planned(doc: Doc, cue_start: int) -> bool:
    return PLANNED.search(doc.lower, max(0, cue_start - 40), cue_start) is not None


def _visit(doc: Doc, sentence: Span, visitor: Visitor, host: Host, cue: int
           ) -> VisitFact | None:
    place = visitor.place
    if host.region == place.region or host.country == place.country or not host.country:
        return None  # same region, same country: no cross-border visit
    text = sentence.of(doc.text)
    day, period = when(text, cue - sentence.start, doc.document.published)
    return VisitFact(
        region=place.region, host_region=host.region, host_country=host.country,
        description="", host_city=host.city, visitor=visitor.agent, on=day, period=period,
        status="planned" if _planned(doc, cue) else "held")


def visits_in(doc: Doc, sentence: Span, index: PlaceIndex) -> list[tuple[Span, VisitFact]]:
    """Every cross-border visit one sentence states, with its description span."""
    places = index.within(sentence)
    if not places:
        return []
    linked = visitors(doc, places)
    if not linked:
        return []
    found: list[tuple[Span, VisitFact, int]] = []
    low = doc.lower
    for m in OUTBOUND.finditer(low, sentence.start, sentence.end):
        hosts = _host_at(doc, m.end(), sentence.end, places) or _host_after_to(
            doc, m, sentence, places)
        before = [v for v in linked.values() if v.place.span.end <= m.start()]
        between = [v for v in linked.values() if m.start() <= v.place.span.start
                   and all(v.place.span.end <= h.start for h in hosts)]
        group = _nearest_group(doc, before) if before else between
        start = min((v.start for v in group), default=m.start())
        for visitor in group:
            for host in hosts:
                found += _claimed(doc, sentence, visitor, host, m.start(), min(start, m.start()))
    for m in INBOUND.finditer(low, sentence.start, sentence.end):
        hosts = [(i, p) for i, p in enumerate(places) if p.span.end <= m.start()]
        after = [v for v in linked.values() if v.place.span.start >= m.end()]
        if not hosts or not after:
            continue
        i, host = hosts[-1]
        target = Host(host.span.start, host.span.end, host.country or "", host.region,
                      host.mention.key if host.mention.kind == "city" else None)
        start = linked[i].start if i in linked else host.span.start
        first = min(v.group for v in after)
        for visitor in after:
            if visitor.group == first:
                found += _claimed(doc, sentence, visitor, target, m.start(), start)
    return _unique(found)


def _claimed(doc: Doc, sentence: Span, visitor: Visitor, host: Host, cue: int,
             start: int) -> list[tuple[Span, VisitFact, int]]:
    fact = _visit(doc, sentence, visitor, host, cue)
    if fact is None:
        return []
    return [(_description(doc, start, sentence), fact, cue)]


def _nearest_group(doc: Doc, before: list[Visitor]) -> list[Visitor]:
    """The visitors nearest before a cue, with agent phrases coordinated before them:
    "the head of Bashkortostan, the governor of the Astrakhan Region and ... visited"
    (coordinated phrases of the same country only)."""
    last = max(v.group for v in before)
    group = [v for v in before if v.group == last]
    while True:
        earlier = [v for v in before if v.group < group[0].group]
        if not earlier:
            return group
        prev = max(earlier, key=lambda v: v.place.span.start)
        gap = doc.lower[prev.place.span.end:group[0].start]
        if prev.place.country != group[0].place.country or not COORDINATION.fullmatch(gap):
            return group  # one side's delegations travel together
        group = [v for v in earlier if v.group == prev.group] + group


def _unique(found: list[tuple[Span, VisitFact, int]]) -> list[tuple[Span, VisitFact]]:
    """One visit per (visitor, host) in a sentence: the first cue that states it."""
    out: dict[tuple[str, str | None, str], tuple[Span, VisitFact]] = {}
    for span, fact, _ in found:
        out.setdefault((fact.region, fact.host_region, fact.host_country), (span, fact))
    return list(out.values())


def visits_stage(doc: Doc) -> Doc:
    """Append one ``visit`` claim per cross-border visit stated in the text."""
    if not crosses_border(doc):  # one country only: nothing crosses the border
        return doc
    hits = word_hits(doc, CUE_WORDS)
    if hits == []:  # most texts: no cue word, nothing to read
        return doc
    index = PlaceIndex(doc)
    if not index.places:
        return doc
    spans = sentence_spans(doc)
    for sentence in spans if hits is None else sentences_around(spans, hits):
        if not index.any_within(sentence):
            continue
        for span, fact in visits_in(doc, sentence, index):
            described = replace(fact, description=" ".join(span.of(doc.text).split()))
            doc.claims.append(doc.claim("visit", span, described, "visits:agent-cue-host"))
    return doc
