"""The clause grammars that find signed, adopted, planned and drafted documents.

Each reads one sentence and returns titles (see :mod:`signed_titles`), cut into one per
document by :mod:`signed_lists` within the bounds :mod:`signed_clauses` sets:

* passive — ``<subject list> (were|have been|is being|will be) (signed|adopted|drafted|
  prepared|submitted for signing) [complement] [, including <items>]``; a bare subject
  takes its complement after the verb ("A protocol was signed to open a branch" ->
  "protocol to open a branch");
* active — ``(signed|will sign|plans to sign|adopted) <object list>``, each verb of a
  coordination on its own ("signed A and adopted B"), and the gerund after a preposition
  ("by signing an agreement"; "the groundwork for signing in 2027 a treaty": planned);
* drafting — ``(are drafting|worked on|instructed ... to prepare) <object list>``;
* infinitive — ``<noun phrase> to be signed``.
"""

from __future__ import annotations

import re

from coopatlas.extract.signed_clauses import object_end, subject_start
from coopatlas.extract.signed_filters import plural_head, refers_back
from coopatlas.extract.signed_lists import (
    LIST_MARK_RE,
    collective,
    last_preposition,
    tail_items,
    titles_in,
)
from coopatlas.extract.signed_titles import (
    PERFECT_RE,
    Title,
    joined,
    make_title,
    running_total,
    status_of,
)
from coopatlas.model import Span

PASSIVE_RE = re.compile(
    r"\s+(?P<aux>was|were|(?:has|have|had)\s+(?:also\s+)?been|will\s+(?:also\s+)?be"
    r"|(?:is|are)\s+(?:also\s+)?being|(?:is|are)\s+(?:also\s+)?to\s+be)\s+(?:also\s+)?"
    r"(?P<verb>signed|concluded|adopted|approved|endorsed|drafted|prepared|drawn\s+up"
    r"|submitted\s+for\s+sign(?:ing|ature))\b", re.IGNORECASE)
ACTIVE_RE = re.compile(
    r"\b(?P<aux>will\s+(?:also\s+)?|plans?\s+to\s+|to\s+)?(?:also\s+)?"
    r"(?P<verb>signed|sign|adopted|adopt|concluded|conclude|approved|approve|endorsed|endorse)"
    r"(?:\s+or\s+(?:will\s+)?(?:sign|adopt|conclude|approve)\b)?\s+"
    r"(?:(?:today|yesterday|also|now|here)\s+)?", re.IGNORECASE)
#: "sign" as a noun: "a good sign", "the first sign of".
NOUN_SIGN_RE = re.compile(
    r"\b(?:a|an|the|good|positive|clear|this|that|sure|another|every|no|any|first"
    r"|encouraging|important|hopeful|promising|welcome|bad|telling|visible)\s+$", re.IGNORECASE)
NEGATION_RE = re.compile(r"\b(?:not|never|n[’']t|no\s+longer)\s+(?:\w+\s+){0,3}$", re.I)
#: a modal of ability or chance: "countries can conclude agreements" says what may be done,
#: not what was or will be signed.
ABILITY_RE = re.compile(r"\b(?:can|could|may|might|cannot|able\s+to)\s+(?:also\s+)?$", re.I)
#: a participle used as an adjective: "the adopted documents", "a newly signed treaty".
ADJECTIVE_USE_RE = re.compile(
    r"\b(?:a|an|the|this|that|these|those|its|their|our|all|newly)\s+$", re.IGNORECASE)
#: "the documents signed include A", "also signed were A": the list follows the verb.
REDUCED_RE = re.compile(r"(?:include[sd]?|comprised?|are|were|was|is)\s+(?:also\s+)?", re.I)
GERUND_RE = re.compile(
    r"\b(?P<prep>by|after|before|upon|on|through|when|while|following|for|towards?)\s+"
    r"(?:also\s+)?(?P<verb>signing|adopting|concluding)\s+(?!of\b|ceremon)"
    r"(?:(?:in\s+(?:19|20)\d\d|(?:next|this)\s+(?:year|month))\s+)?", re.IGNORECASE)
#: where the main clause begins after a fronted gerund phrase: a comma, then its subject.
MAIN_CLAUSE_RE = re.compile(
    r",\s+(?:the|we|they|he|she|it|i|both|our|their|his|her|this|these|[A-Z][a-z]+\s+[a-z]+)\b")
#: a signing that a preparation leads to: "the groundwork for signing", "towards concluding".
AHEAD_PREPOSITIONS = frozenset({"for", "toward", "towards"})
GERUND_STATUS = {"signing": "signed", "adopting": "adopted", "concluding": "signed"}
FUTURE_RE = re.compile(r"\b(?:will|shall|going\s+to|plans?|intends?|expects?|hopes?)\b", re.I)
DRAFT_RE = re.compile(
    r"\b(?:(?:is|are|was|were|been)\s+(?:\w+\s+)?(?:drafting|preparing|finali[sz]ing)"
    r"|(?:worked|working)\s+(?:\w+\s+)?on|(?:drafted|prepared)(?=\s+(?:a|an|the)\s)"
    r"|(?:instructed|asked|tasked|ordered|charged|commissioned)\b[^.;]{0,80}?\bto\s+"
    r"(?:prepare|draft|draw\s+up|work\s+out)"
    r"|(?:entrusted|tasked|charged)\s+with\s+(?:drafting|preparing|drawing\s+up))\s+",
    re.IGNORECASE)
#: A programme or plan worked on with no word of a document between parties: an activity.
ACTIVITY_RE = re.compile(
    r"(?!.*\b(?:cooperation|joint|bilateral|interregional|intergovernmental|roadmap|draft)\b)"
    r".*\b(?:programmes?|programs?|plans?|projects?)\b.*", re.IGNORECASE)
AUX_BEFORE_RE = re.compile(r"\b(?:is|are|was|were)(?:\s+also)?$", re.IGNORECASE)
TO_BE_RE = re.compile(r"\s+to\s+be\s+(?P<verb>signed|adopted|concluded)\b", re.IGNORECASE)
CLAUSE_RE = re.compile(r"\s+(?:that|which)\s+(?:would|will|should|could|can|is\s+to)\s+[^;]+",
                       re.IGNORECASE)
ALONG_WITH_RE = re.compile(r"\s+(?:along\s+with|together\s+with)\s+(?P<np>[^.;]+)",
                           re.IGNORECASE)
#: what a bare subject's document is about, said after the verb.
COMPLEMENT_RE = re.compile(
    r"\s+(?!(?:on|for)\s+(?:the\s+)?(?:first|second|same|eve|sidelines|spot|behalf|\d"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
    r"|april|may|june|july|august|september|october|november|december)\b)"
    r"(?!for\s+(?:signing|signature|approval|adoption)\b)"
    r"(?P<ext>(?:for|on|about|concerning|regarding|between)\s"
    r"|to\s+(?!(?:the|a|an|this|that|its|their|be)\b)[a-z]+\b)", re.IGNORECASE)


TOPIC_PREPOSITION_RE = re.compile(r"(on|about|concerning|regarding)\s", re.IGNORECASE)


def _object_end(text: str, start: int, end: int) -> int:
    paren = text.find("(", start, end)
    return object_end(text, start, paren if paren >= 0 else end)


def passive(text: str, sentence: Span) -> list[Title]:
    out, floor = [], sentence.start
    clause = text[sentence.start:sentence.end]
    for m in PASSIVE_RE.finditer(text, sentence.start, sentence.end):
        status = status_of(m.group("aux"), m.group("verb"))
        start = subject_start(text, Span(floor, sentence.end), m.start())
        floor = m.end()
        total = running_total(clause, "been" in m.group("aux").lower()
                              and "being" not in m.group("aux").lower())
        titles = titles_in(text, start, m.start(), status, total)
        items = tail_items(text, m.end(), sentence.end, status, titles)
        if items:
            out += [t for t in titles if not collective(t, text)] + items
            continue
        out += _with_complement(text, titles, m.end(), sentence.end)
    return out


def _with_complement(text: str, titles: list[Title], start: int, end: int) -> list[Title]:
    """A bare subject takes the complement after the verb; "along with X" adds X."""
    ext = COMPLEMENT_RE.match(text, start, end)
    if len(titles) == 1 and ext and not last_preposition(titles[0].text, 0, len(titles[0].text)):
        stop = _object_end(text, ext.start("ext"), end)
        topics = _topic_list(text, ext.start("ext"), stop)
        if topics:  # "Agreements were signed on A, on B and on C": one title per topic
            return [joined(titles[0], text[a:b], b) for a, b in topics]
        comma = re.search(r"[,;]", text[ext.start("ext"):stop])
        mark = LIST_MARK_RE.search(text, ext.start("ext"), stop)
        if comma and plural_head(titles[0].text) is None:
            stop = ext.start("ext") + comma.start()
        elif mark:  # a plural's topic list is split per topic later, up to "including"
            stop = mark.start()
        while stop > ext.end("ext") and text[stop - 1] in " .;:!?":
            stop -= 1
        if stop > ext.end("ext"):
            titles = [joined(titles[0], text[ext.start("ext"):stop], stop)]
    along = ALONG_WITH_RE.match(text, start, end)
    if along and titles:
        np_end = _object_end(text, along.start("np"), along.end("np"))
        titles += titles_in(text, along.start("np"), np_end, titles[0].status)
    return titles


def _topic_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[(start, end)]`` of each item of "on A, on B and on C" (every item opening with the
    same preposition, at least two), else nothing."""
    m = TOPIC_PREPOSITION_RE.match(text, start, end)
    if m is None:
        return []
    sep = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?={re.escape(m.group(1))}\s)",
                     re.IGNORECASE)
    items, at = [], start
    for cut in sep.finditer(text, start, end):
        items.append((at, cut.start()))
        at = cut.end()
    stop = end
    while stop > at and text[stop - 1] in " .;:!?,":
        stop -= 1
    items.append((at, stop))
    return items if len(items) >= 2 and all(b > a for a, b in items) else []


def objects(text: str, start: int, end: int, status: str, total: bool = False
             ) -> list[Title]:
    """Titles in the object of an active verb: a list, or one generic noun and its clause."""
    stop = _object_end(text, start, end)
    titles = titles_in(text, start, stop, status, total, split_and=False)
    clause = CLAUSE_RE.match(text, stop, end)
    if len(titles) == 1 and " " not in titles[0].text and clause:
        titles = [t for t in [make_title(text, titles[0].span.start, clause.end(), status)] if t]
    return titles


def _not_a_verb(text: str, sentence: Span, m: re.Match[str]) -> bool:
    """"a good sign", "the adopted documents", "did not sign", "can sign": no signing
    is told."""
    if NEGATION_RE.search(text, max(sentence.start, m.start() - 40), m.start("verb")) \
            or ABILITY_RE.search(text, max(sentence.start, m.start() - 20), m.start("verb")):
        return True
    if m.group("aux"):
        return False
    verb = m.group("verb").lower()
    if verb.endswith("ed"):
        return ADJECTIVE_USE_RE.search(text, sentence.start, m.start("verb")) is not None
    before = NOUN_SIGN_RE.search(text, sentence.start, m.start("verb"))
    return verb == "sign" and (before is not None or text.startswith("of ", m.end()))


def active(text: str, sentence: Span) -> list[Title]:
    out: list[Title] = []
    clause = text[sentence.start:sentence.end]
    for m in ACTIVE_RE.finditer(text, sentence.start, sentence.end):
        if PASSIVE_RE.search(text, max(sentence.start, m.start() - 20), m.end("verb")) \
                or _not_a_verb(text, sentence, m):
            continue
        perfect = PERFECT_RE.search(text, max(sentence.start, m.start() - 30), m.start())
        status = status_of(m.group("aux"), m.group("verb"))
        reduced = REDUCED_RE.match(text, m.end(), sentence.end)
        found = objects(text, reduced.end() if reduced else m.end(), sentence.end, status,
                        running_total(clause, perfect is not None))
        out += [t for t in found if not refers_back(text, t)]  # "let us sign the documents"
    for m in GERUND_RE.finditer(text, sentence.start, sentence.end):
        future = FUTURE_RE.search(text, sentence.start, m.start()) \
            or m.group("prep").lower() in AHEAD_PREPOSITIONS
        status = "planned" if future else GERUND_STATUS[m.group("verb").lower()]
        end = sentence.end
        if not text[sentence.start:m.start()].strip(" \"“‘«("):
            main = MAIN_CLAUSE_RE.search(text, m.end(), end)  # "After signing A, they met"
            end = main.start() if main else end
        out += objects(text, m.end(), end, status)
    for m in DRAFT_RE.finditer(text, sentence.start, sentence.end):
        found = objects(text, m.end(), sentence.end, "drafted")
        if m.group().lower().startswith("work"):  # "working on the lunar programme": an
            found = [t for t in found if not ACTIVITY_RE.fullmatch(t.text)]  # activity
        out += found
    return out


def to_be(text: str, sentence: Span) -> list[Title]:
    out = []
    for m in TO_BE_RE.finditer(text, sentence.start, sentence.end):
        if AUX_BEFORE_RE.search(text, sentence.start, m.start()):
            continue  # "are to be signed" is the passive's
        start = subject_start(text, sentence, m.start())
        title = make_title(text, start, m.start(), "planned")
        if title:
            out.append(title)
    return out
