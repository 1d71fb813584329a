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


def visitors(doc: Doc, places: list[Place]) -> dict[int, tuple[str, int]]:
    """``{index in places: (agent word, phrase start)}`` of the places an agent phrase ties to."""
    low = doc.lower
    linked: dict[int, tuple[str, int]] = {}
    chains: dict[int, list[int]] = {}
    for i, p in enumerate(places):
        chains.setdefault(p.chain, []).append(i)
    for members in chains.values():
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
            linked[i] = (_agent_word(found.group("agent")), start)
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


def _visit(doc: Doc, sentence: Span, visitor: tuple[Place, str, int], host: Host,
           cue: int) -> VisitFact | None:
    place, agent, _ = visitor
    if host.region == place.region or host.country == place.country or not host.country:
        return None  # same region, same country: no cross-border visit
    text = sentence.of(doc.text)
    day, period = when(text, cue - sentence.start, doc.document.published)
    return VisitFact(
        region=place.region, host_region=host.region, host_country=host.country,
        description="", host_city=host.city, visitor=agent, on=day, period=period,
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
        before = [i for i in linked if places[i].span.end <= m.start()]
        between = [i for i in linked if m.start() <= places[i].span.start
                   and all(places[i].span.end <= h.start for h in hosts)]
        group = _nearest_chain(places, before) if before else between
        for i in group:
            for host in hosts:
                found += _claimed(doc, sentence, (places[i], *linked[i]), host, m.start())
    for m in INBOUND.finditer(low, sentence.start, sentence.end):
        hosts = [p for p in places if p.span.end <= m.start()]
        after = [i for i in linked if places[i].span.start >= m.end()]
        if not hosts or not after:
            continue
        host = hosts[-1]
        target = Host(host.span.start, host.span.end, host.country or "", host.region,
                      host.mention.key if host.mention.kind == "city" else None)
        start = next((linked[i][1] for i, p in enumerate(places) if p is host and i in linked),
                     host.span.start)
        for i in _first_chain(places, after):
            found += _claimed(doc, sentence, (places[i], *linked[i]), target, m.start(),
                              start=start)
    return _unique(found)


def _claimed(doc: Doc, sentence: Span, visitor: tuple[Place, str, int], host: Host, cue: int,
             start: int | None = None) -> list[tuple[Span, VisitFact, int]]:
    fact = _visit(doc, sentence, visitor, host, cue)
    if fact is None:
        return []
    span = _description(doc, min(visitor[2], cue) if start is None else start, sentence)
    return [(span, fact, cue)]


def _nearest_chain(places: list[Place], indices: list[int]) -> list[int]:
    chain = places[max(indices)].chain
    return [i for i in indices if places[i].chain == chain]


def _first_chain(places: list[Place], indices: list[int]) -> list[int]:
    chain = places[min(indices)].chain
    return [i for i in indices if places[i].chain == chain]


def _unique(found: list[tuple[Span, VisitFact, int]]) -> list[tuple[Span, VisitFact]]:
    """One visit per (visitor, host) in a sentence: the first cue that states it."""
    out: dict[tuple[str, str | None, str], tuple[Span, VisitFact]] = {}
    for span, fact, _ in found:
        out.setdefault((fact.region, fact.host_region, fact.host_country), (span, fact))
    return list(out.values())


def visits_stage(doc: Doc) -> Doc:
    """Append one ``visit`` claim per cross-border visit stated in the text."""
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
