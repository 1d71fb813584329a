"""Documents signed: agreements, programmes, concepts, memoranda, protocols, statements.

Requires sentences (or the fallback split) and region mentions; assigns claims of kind
``"document_signed"`` whose fact is a :class:`SignedDocument`.

Three grammars, each on one sentence:

* passive — ``<subject list> (were|have been|is being|will be) (signed|adopted|drafted|
  prepared)``; the subject is a coordinated list ("a Concept ..., agreements on ..., as
  well as a joint action programme ...") cut into one title per document noun;
* active — ``(signed|will sign|plans to sign|adopted) <object>``;
* infinitive — ``<noun phrase> to be signed``.

A title is the text's own words without leading articles, quantifiers ("a number of",
"quite a few") or praise ("solid", "important"). A count ("over 400 agreements") is a
figure, not a title; a count with "in particular on A, B and C" lists "<noun> on A" for
each item. Things only proposed, supported or discussed are not signed documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from coopatlas.doc import Doc
from coopatlas.extract.eventtext import sentence_spans
from coopatlas.model import SignedDocument, Span

KINDS: dict[str, str] = {
    "agreement": "agreement", "accord": "agreement", "treaty": "agreement",
    "treaties": "agreement", "programme": "programme", "program": "programme",
    "concept": "concept", "memorandum": "memorandum", "memoranda": "memorandum",
    "protocol": "protocol", "statement": "statement", "declaration": "declaration",
    "contract": "contract", "document": "document", "roadmap": "roadmap", "plan": "plan",
}
KIND_RE = re.compile(
    r"\b(agreements?|accords?|treaty|treaties|programmes?|programs?|concepts?|memorand(?:um|a)"
    r"|protocols?|statements?|declarations?|contracts?|documents?|roadmaps?|plans?)\b",
    re.IGNORECASE)
VERB_STATUS = {"signed": "signed", "concluded": "signed", "exchanged": "signed",
               "adopted": "adopted", "approved": "adopted", "drafted": "drafted",
               "prepared": "drafted"}
PASSIVE_RE = re.compile(
    r"\s+(?P<aux>was|were|(?:has|have|had)\s+(?:also\s+)?been|will\s+(?:also\s+)?be"
    r"|(?:is|are)\s+(?:also\s+)?being|(?:is|are)\s+(?:also\s+)?to\s+be)\s+(?:also\s+)?"
    r"(?P<verb>signed|concluded|adopted|approved|drafted|prepared)\b", re.IGNORECASE)
ACTIVE_RE = re.compile(
    r"\b(?P<aux>will\s+(?:also\s+)?|plans?\s+to\s+|to\s+)?(?:also\s+)?"
    r"(?P<verb>signed|sign|adopted|adopt|concluded|conclude)\s+(?P<obj>[^.;()]+)",
    re.IGNORECASE)
TO_BE_RE = re.compile(r"\s+to\s+be\s+(?P<verb>signed|adopted|concluded)\b", re.IGNORECASE)
OBJECT_END_RE = re.compile(
    r"\s+(?:in\s+the\s+presence|during\s|at\s+(?:the|this)\s|today|within\s+the\s+framework"
    r"|which\s|that\s|is\s|are\s|was\s|were\s|will\s|by\s+the\s+end)|\s*[,;:]\s*(?:and|but|which)\s",
    re.IGNORECASE)
LEADING_RE = re.compile(
    r"^(?:(?:a|an|the|quite\s+a\s+few|(?:a\s+)?number\s+of|a\s+series\s+of|several|some|many|also"
    r"|solid|large|important|major|significant|whole|rather|in\s+particular|as\s+well\s+as"
    r"|and|or)[\s,]+)+", re.IGNORECASE)
COUNT_RE = re.compile(
    r"^(?:over|more\s+than|about|almost|some|nearly)?\s*(?:\d[\d,.]*|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?)\b",
    re.IGNORECASE)
PARTICULAR_RE = re.compile(r",?\s+in\s+particular,?\s+(?P<items>[^.]+)", re.IGNORECASE)
ALONG_WITH_RE = re.compile(r"^\s+(?:along\s+with|together\s+with)\s+(?P<np>[^.;]+)",
                           re.IGNORECASE)
EXTENSION_RE = re.compile(r"^\s+(?P<ext>(?:for|on)\s+the\s+[^.,;]+)", re.IGNORECASE)
CHUNK_SPLIT_RE = re.compile(r",\s+(?:as\s+well\s+as\s+)?|\s+as\s+well\s+as\s+")
INTRO_RE = re.compile(r"^(?:in|at|on|during|following|after|as|this|it|there)\b",
                      re.IGNORECASE)
BOUNDARY_RE = re.compile(r"\b(?:that|which|what|is|are|following)\s+", re.IGNORECASE)
QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")
RATHER_RE = re.compile(r".*\bor,?\s+rather,?\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    span: Span
    status: str


def _status(aux: str | None, verb: str) -> str:
    aux = (aux or "").lower()
    if "will" in aux or "plan" in aux or aux.strip() in ("to", "is to be", "are to be"):
        return "planned"
    return VERB_STATUS.get(verb.lower().rstrip("e") + "ed", VERB_STATUS.get(verb.lower(), "signed"))


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim articles, quantifiers and praise at the left and punctuation at the right."""
    piece = text[start:end]
    lead = LEADING_RE.match(piece)
    if lead:
        start += lead.end()
    while end > start and text[end - 1] in " ,;:–-\n":
        end -= 1
    return start, end


def _title(text: str, start: int, end: int, status: str) -> Title | None:
    start, end = _clean(text, start, end)
    phrase = text[start:end]
    if not KIND_RE.search(phrase) or COUNT_RE.match(phrase) or len(phrase) > 300:
        return None
    return Title(phrase, Span(start, end), status)


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma/'as well as' pieces of a subject list, adjectives merged into the next piece."""
    quoted = [(q.start(), q.end()) for q in QUOTED_RE.finditer(text, start, end)]
    cuts = [(start, start)] + [
        (m.start(), m.end()) for m in CHUNK_SPLIT_RE.finditer(text, start, end)
        if not any(a < m.start() < b for a, b in quoted)
    ]
    pieces = [(cuts[i][1], cuts[i + 1][0] if i + 1 < len(cuts) else end) for i in range(len(cuts))]
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in pieces:
        if not KIND_RE.search(text, s, e):
            pending = pending if pending is not None else s
            continue
        out += _split_and(text, pending if pending is not None else s, e)
        pending = None
    return out


def _split_and(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"agreements and commercial contracts": two documents when each side names one."""
    for m in re.finditer(r"\s+and\s+", text[start:end]):
        left, right = (start, start + m.start()), (start + m.end(), end)
        if KIND_RE.search(text, *left) and KIND_RE.search(text, *right):
            return [left, *_split_and(text, *right)]
    return [(start, end)]


def _subject_start(text: str, sentence: Span, verb_start: int) -> int:
    """Walk left over list pieces until an introductory phrase or the sentence start."""
    start = sentence.start
    for m in CHUNK_SPLIT_RE.finditer(text, sentence.start, verb_start):
        piece = text[start:m.start()]
        if INTRO_RE.match(piece.strip()) and not KIND_RE.search(piece):
            start = m.end()
    rather = RATHER_RE.match(text, start, verb_start)
    if rather:
        start = rather.end()
    first_kind = KIND_RE.search(text, start, verb_start)
    limit = first_kind.start() if first_kind else verb_start
    for b in BOUNDARY_RE.finditer(text, start, limit):
        start = max(start, b.end())
    return start


def _passive(doc: Doc, sentence: Span) -> list[Title]:
    text, out = doc.text, []
    floor = sentence.start
    for m in PASSIVE_RE.finditer(text, sentence.start, sentence.end):
        status = _status(m.group("aux"), m.group("verb"))
        start = _subject_start(text, Span(floor, sentence.end), m.start())
        floor = m.end()
        titles = [t for s, e in _chunks(text, start, m.start())
                  if (t := _title(text, s, e, status))]
        tail = text[m.end():sentence.end]
        ext, along = EXTENSION_RE.match(tail), ALONG_WITH_RE.match(tail)
        if len(titles) == 1 and ext and not re.search(r"\b(?:of|on|for)\b", titles[0].text):
            t = titles[0]
            titles = [Title(f"{t.text} {ext.group('ext').strip()}",
                            Span(t.span.start, m.end() + ext.end()), status)]
        if along:
            np_end = m.end() + along.end("np")
            titles += [t for t in [_title(text, m.end() + along.start("np"), np_end, status)] if t]
        if not titles:
            titles = _particular(text, start, m, sentence, status)
        out += titles
    return out


def _particular(text: str, start: int, m: re.Match[str], sentence: Span,
                status: str) -> list[Title]:
    """"Twelve documents ... were signed, in particular on A, B and C": one title per item."""
    head = KIND_RE.search(text, start, m.start())
    items = PARTICULAR_RE.search(text, m.end(), sentence.end)
    if not head or not items or not COUNT_RE.match(text[start:head.start()].strip() or "x"):
        return []
    noun, out = head.group(1).lower(), []
    base = items.start("items")
    for piece in re.finditer(r"[^,]+", items.group("items")):
        s, e = base + piece.start(), base + piece.end()
        words = re.sub(r"^\s*(?:and\s+)?(?:on\s+)?", "", piece.group(0)).strip()
        if words:
            out.append(Title(f"{noun} on {words}", Span(s, e), status))
    return out


def _active(doc: Doc, sentence: Span) -> list[Title]:
    text, out = doc.text, []
    for m in ACTIVE_RE.finditer(text, sentence.start, sentence.end):
        if PASSIVE_RE.search(text, max(sentence.start, m.start() - 20), m.end("verb")):
            continue
        obj_start, obj_end = m.start("obj"), m.end("obj")
        stop = OBJECT_END_RE.search(text, obj_start, obj_end)
        title = _title(text, obj_start, stop.start() if stop else obj_end,
                       _status(m.group("aux"), m.group("verb")))
        if title:
            out.append(title)
    return out


def _to_be(doc: Doc, sentence: Span) -> list[Title]:
    text, out = doc.text, []
    for m in TO_BE_RE.finditer(text, sentence.start, sentence.end):
        start = _subject_start(text, sentence, m.start())
        title = _title(text, start, m.start(), "planned")
        if title:
            out.append(title)
    return out


def _same(a: str, b: str) -> bool:
    return fuzz.token_sort_ratio(a.lower(), b.lower()) >= 88


def _kind(title: str) -> str:
    head = KIND_RE.search(title)
    word = head.group(1).lower() if head else "document"
    return KINDS.get(word, KINDS.get(word.removesuffix("s"), "document"))


def _parties(doc: Doc, span: Span) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.key for m in doc.mentions_in(span) if m.kind == "region"))


def signed_stage(doc: Doc) -> Doc:
    """Append one ``document_signed`` claim per document the text says is signed or planned."""
    kept: list[Title] = []
    for sentence in sentence_spans(doc):
        for title in _passive(doc, sentence) + _active(doc, sentence) + _to_be(doc, sentence):
            if not any(_same(title.text, k.text) for k in kept):
                kept.append(title)
    for t in kept:
        fact = SignedDocument(t.text, _kind(t.text), t.status, _parties(doc, t.span))
        doc.claims.append(doc.claim("document_signed", t.span, fact, f"signed:{t.status}"))
    return doc
