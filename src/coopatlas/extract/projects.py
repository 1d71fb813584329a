"""Projects: a joint project, plant, enterprise, logistics centre... tied to named regions.

Requires ``doc.mentions`` (regions and cities, from the places stage) and sentences (or the
fallback split). Assigns claims of kind ``"project"`` whose fact is a :class:`ProjectFact`;
the claim's span is the project's name.

A project is a singular head noun ("project", "plant", "refinery", "joint venture",
"logistics centre", "deposit", "corridor"...) with its modifiers and complement as its
name ("a joint project for the assembly of tractors in Kostanay Region", "the
cross-border copper ore deposit"). It is claimed when

* the name says more than the head (a bare "the project" refers back, a plural is a
  category: "joint projects in energy");
* places belong to it: those of its name, else those of its clause (in a clause with
  several projects, a place goes to the project before it). No region, no project;
* it is **cross-border**: its clause names places, or a place and the other country, of
  both countries (a joint venture of a Russian region with a third country is not ours);
* it is **work**: the head is "project" or "joint venture", or the name says "joint",
  "cross-border"..., or a status or a value goes with it ("the Chelyabinsk Tractor Plant
  produced..." names a plant, not a project).

The value is the money figure the name carries ("a $1 billion plant") or the one a value
cue links to it ("worth", "with an investment of"), read by the number grammar
(:mod:`coopatlas.extract.numbers`); the status is the cue nearest to the head ("is under
construction", "was launched", "will build" -> planned).
"""

from __future__ import annotations

import re

from coopatlas.doc import Doc
from coopatlas.extract.eventtext import sentence_spans, sentences_around, word_hits
from coopatlas.extract.numbers import Quantity, find_quantities
from coopatlas.extract.placerefs import (
    Place,
    PlaceIndex,
    city_region,
    countries_named,
    crosses_border,
)
from coopatlas.model import ProjectFact, Span

#: Trigger words of a project (lower case); a sentence without one is not read.
CUE_WORDS = ("project", "plant", "factor", "refiner", "enterprise", "venture", "logistic",
             "terminal", "deposit", "power station", "pipeline", "corridor", "cluster",
             "industrial park", "industrial zone")
HEAD_RE = re.compile(
    r"\b(?P<head>(?:logistics|distribution|trade\s+and\s+logistics|transport\s+and\s+logistics"
    r"|transport-logistics)\s+(?:centres?|centers?|hubs?|terminals?|complex(?:es)?|parks?)"
    r"|industrial\s+(?:parks?|zones?)|power\s+(?:plants?|stations?)|joint\s+ventures?"
    r"|projects?|plants?|factor(?:y|ies)|refiner(?:y|ies)|enterprises?|terminals?"
    r"|deposits?|pipelines?|corridors?|clusters?)\b"
)
PLURAL_HEADS = re.compile(r"(?:s|ies|xes)$")
#: Heads that are a project by themselves; any other head ("plant", "deposit") needs a
#: sign of work on it: a joint word, a status cue or a stated value.
PROJECT_HEADS = re.compile(r"project|joint\s+venture")
#: Words that mark a project as shared by the two sides.
JOINT_RE = re.compile(r"\b(?:joint|cross-border|transborder|trans-border|bilateral"
                      r"|inter-?regional|russian-kazakh\w*|kazakh\w*-russian)\b")
#: Words that end a name on its left: determiners, prepositions, verbs, pronouns.
STOP_LEFT = frozenset((
    "a an the this that these those our their its his her my your of in on at to for with by"
    " from and or but as is are was were be been being will would has have had which who we"
    " they it i you he she not also such some any many several other another each every all"
    " both there here including include includes included like namely new major large big"
    " promising important key successful ambitious huge first second third one two three"
    " within into about between among under over via million billion trillion thousand bn mln"
).split())
EVALUATIVE = frozenset("new major large big promising important key successful ambitious"
                       " huge landmark flagship".split())
#: A complement after the head: "for the production of tractors", "on gas processing".
#: Read in the text as written: a capitalised word (a place, a company) ends it.
COMPLEMENT = re.compile(
    r"\s+(?:for|of|on)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w'-]*\s+){0,5}?[a-z][\w'-]*"
    r"(?=\s*(?:[,.;:()]|$|\s+(?:in|at|near|between|with|worth|by|from|valued|costing|which"
    r"|that|will|is|are|was|were|has|have|and|to|under)\b))"
)
LOCATION = re.compile(r"\s+(?:in|near|at)\s+(?:the\s+)?")
VALUE_CUE = re.compile(
    r"(?:worth|valued\s+at|costing|cost\s+of|costs|budget\s+of|price\s+of|totall?ing"
    r"|(?:investments?|value|cost)\s+(?:of|is|are|was|were|will\s+be|amounts?\s+to|totall?ing)"
    r"|with\s+(?:an?\s+)?(?:total\s+|overall\s+)?(?:investments?|value|cost|budget)\s+of)\s+$"
)
MONEY = frozenset({"USD", "RUB", "KZT", "EUR"})
STATUS_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("planned", re.compile(
        r"\b(?:plan(?:s|ned)?\s+to|will\s+(?:\w+\s+)?(?:build|construct|launch|open|set\s+up"
        r"|create|establish|start|be\s+built|moderni[sz]e|expand|reconstruct)|(?:is|are)\s+to\s+be|to\s+be\s+(?:built|launched"
        r"|opened|constructed|set\s+up|created|completed)|proposed|intends?\s+to"
        r"|agreed\s+to\s+(?:build|launch|set\s+up|create)|would\s+(?:build|launch)"
        r"|potential|prospective|future|planned|plans\s+for)\b")),
    ("under_construction", re.compile(
        r"\b(?:under\s+construction|being\s+(?:built|constructed|erected)"
        r"|(?:is|are)\s+(?:building|constructing)|being\s+moderni[sz]ed|(?:started|began|begun)\s+(?:the\s+)?"
        r"(?:construction|building)|construction\s+(?:is|has)\s+(?:under\s*way|started|begun)"
        r"|(?<!the\s)building)\b")),
    ("launched", re.compile(
        r"\b(?:launched|opened|commissioned|put\s+into\s+(?:operation|service)"
        r"|went\s+into\s+operation|(?:started|began)\s+(?:operations?|production|work)"
        r"|inaugurated|(?:is|are)\s+(?:operating|running)|in\s+operation|up\s+and\s+running)\b")),
    ("completed", re.compile(
        r"\b(?:completed|finished|(?:has|have)\s+been\s+(?:implemented|built|completed)"
        r"|(?:was|were)\s+(?:built|completed|implemented))\b")),
)
CLAUSE_BREAK = re.compile(r"[;:]|\s[–—-]\s")
MODAL_BEFORE = re.compile(r"\b(?:will|shall|would|to\s+be|plan(?:s|ned)?\s+to|(?:is|are)\s+to"
                          r"|going\s+to|expected\s+to)\s+(?:\w+\s+)?$")
_WORD = re.compile(r"[A-Za-z][\w'’-]*$")


def _name_start(doc: Doc, head_start: int, floor: int) -> int:
    """Where the name's modifiers begin, reading words leftwards from the head."""
    text, low, start = doc.text, doc.lower, head_start
    for _ in range(6):
        j = start
        while j > floor and text[j - 1] == " ":
            j -= 1
        m = _WORD.search(text, max(floor, j - 40), j)
        if m is None or m.end() != j or low[m.start():m.end()] in STOP_LEFT:
            break
        start = m.start()
    while True:  # "new", "major" describe the project, they do not name it
        word = re.match(r"[\w'-]+", low[start:head_start])
        if word is None or word.group() not in EVALUATIVE:
            return start
        start = min(head_start, start + word.end() + 1)


def _name_end(doc: Doc, head_end: int, sentence: Span, index: PlaceIndex) -> int:
    """Where the name ends: its complement, then a place right after "in"/"near"/"at"."""
    end = head_end
    m = COMPLEMENT.match(doc.text, end, sentence.end)
    if m:
        end = m.end()
    loc = LOCATION.match(doc.lower, end, sentence.end)
    if loc:
        places = index.within(Span(loc.end(), sentence.end))
        if places and places[0].span.start == loc.end():
            chain = [p for p in places if p.chain == places[0].chain]
            end = chain[-1].span.end
    return end


def _status(doc: Doc, sentence: Span, head: Span) -> str | None:
    low = doc.lower
    best: tuple[int, str] | None = None
    for status, pattern in STATUS_CUES:
        for m in pattern.finditer(low, sentence.start, sentence.end):
            distance = head.start - m.end() if m.end() <= head.start else m.start() - head.end
            if distance < 0 and status != "planned":
                continue  # "the construction plant": the cue is part of the name
            if best is None or abs(distance) < best[0]:
                modal = MODAL_BEFORE.search(low, max(0, m.start() - 25), m.start())
                best = (abs(distance), "planned" if modal else status)
    return best[1] if best else None


def _value(doc: Doc, name: Span, sentence: Span, money: list[Quantity],
           next_head: int) -> Quantity | None:
    for q in money:
        if q.end <= name.start and name.start - q.end <= 2:
            return q  # "a $1 billion plant"
        if name.end <= q.start < next_head and VALUE_CUE.search(
                doc.lower, max(name.end, q.start - 40), q.start):
            return q
    return None


def _named_regions(doc: Doc, name: Span, index: PlaceIndex) -> list[str]:
    """Regions of places in the name, and of city names opening it ("Pavlodar ... Plant")."""
    regions = [p.region for p in index.within(name)]
    for word in re.findall(r"\b[A-Z][a-z][\w-]*", name.of(doc.text)):
        region = city_region(word)
        if region and region not in regions:
            regions.append(region)
    return regions


def clause_of(doc: Doc, sentence: Span, head: Span) -> Span:
    """The stretch of the sentence around ``head`` between clause breaks (; : and dashes)."""
    text = doc.text
    start = max((m.end() for m in CLAUSE_BREAK.finditer(text, sentence.start, head.start)),
                default=sentence.start)
    m = CLAUSE_BREAK.search(text, head.end, sentence.end)
    return Span(start, m.start() if m else sentence.end)


def _owned_places(places: list[Place], heads: list[Span], i: int, clause: Span) -> list[Place]:
    """The places of the head's clause that go to head ``i``: after it, before the next one
    (the first head also takes those before it)."""
    lo = heads[i].start if i > 0 else clause.start
    hi = heads[i + 1].start if i + 1 < len(heads) else clause.end
    return [p for p in places if max(lo, clause.start) <= p.span.start < min(hi, clause.end)]


def projects_in(doc: Doc, sentence: Span, index: PlaceIndex) -> list[tuple[Span, ProjectFact]]:
    """Every cross-border project one sentence names, with its name span."""
    low = doc.lower
    heads = [Span(*m.span("head")) for m in HEAD_RE.finditer(low, sentence.start, sentence.end)]
    places = index.within(sentence)
    money: list[Quantity] | None = None
    out = []
    for i, head in enumerate(heads):
        if PLURAL_HEADS.search(low[head.start:head.end]):
            continue
        name = Span(_name_start(doc, head.start, sentence.start),
                    _name_end(doc, head.end, sentence, index))
        if name == head and " " not in low[head.start:head.end]:
            continue  # "the project", "this plant": a reference back, not a name
        clause = clause_of(doc, sentence, head)
        regions = _named_regions(doc, name, index) or list(dict.fromkeys(
            p.region for p in _owned_places(places, heads, i, clause)))
        countries = {p.country for p in places if clause.contains(p.span)}
        countries |= {r.split("-", 1)[0] for r in regions} | countries_named(low, clause)
        if not regions or not {"RU", "KZ"} <= countries:
            continue  # no region, or nothing across the border
        joint = JOINT_RE.search(low, name.start, name.end) is not None
        if money is None:
            money = [q for q in find_quantities(doc.text, sentence.start, sentence.end)
                     if q.unit in MONEY]
        nxt = heads[i + 1].start if i + 1 < len(heads) else sentence.end
        q = _value(doc, name, sentence, money, nxt)
        status = _status(doc, sentence, head)
        if not (joint or status or q or PROJECT_HEADS.match(low, head.start)):
            continue  # "the Chelyabinsk Tractor Plant produced...": a plant, no project
        out.append((name, ProjectFact(" ".join(name.of(doc.text).split()), tuple(regions),
                                      q.value if q else None, q.unit if q else None, status)))
    return out


def projects_stage(doc: Doc) -> Doc:
    """Append one ``project`` claim per cross-border project named in the text."""
    if not crosses_border(doc):  # one country only: nothing crosses the border
        return doc
    hits = word_hits(doc, CUE_WORDS)
    if hits == []:  # most texts: no cue word, nothing to read
        return doc
    index = PlaceIndex(doc)  # no place at all: a city may still open a name ("Omsk ... Plant")
    spans = sentence_spans(doc)
    for sentence in spans if hits is None else sentences_around(spans, hits):
        for span, fact in projects_in(doc, sentence, index):
            doc.claims.append(doc.claim("project", span, fact, "projects:head-places"))
    return doc
