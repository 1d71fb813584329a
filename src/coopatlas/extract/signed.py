"""Documents signed: agreements, programmes, concepts, memoranda, protocols, statements.

Requires sentences (or the fallback split) and region mentions; assigns claims of kind
``"document_signed"`` whose fact is a :class:`SignedDocument`.

Gates first: a publication that never names Kazakhstan holds no Russia–Kazakhstan document,
and only sentences holding a signing/drafting verb stem and a document noun are parsed.
Three grammars then read one sentence each:

* passive — ``<subject list> (were|have been|is being|will be) (signed|adopted|drafted|
  prepared|submitted for signing)``;
* active — ``(signed|will sign|plans to sign|adopted) <object list>`` and the drafting
  forms ``(are drafting|worked on|instructed ... to prepare) <object list>``;
* infinitive — ``<noun phrase> to be signed``.

A list ("A, B; C as well as D, and E") is cut into one title per document noun; a piece
without a document noun is a modifier of the next title ("interstate, regional and
commercial agreements") or, when long or after "of"/"between", the tail of the previous one
("regulation of companies, establishments and organisations"). A title is the text's own
words without leading articles, quantifiers or praise. A count of documents already signed
("over 400 agreements") is a figure, not a title; a count to be signed or drafted names the
batch ("another ten agreements" -> "agreements"). Parties, duplicates and summary phrases
are settled by :mod:`coopatlas.extract.signed_filters`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick_rs

from coopatlas.doc import Doc
from coopatlas.extract.eventtext import segment_spans, sentence_spans, sentences_around
from coopatlas.extract.signed_filters import (
    KIND_RE,
    TRAILING_RE,
    about_ru_kz,
    dedupe,
    kind_of,
    plausible,
)
from coopatlas.model import SignedDocument, Span

#: the cheap pre-check: a signing or drafting verb stem; sentences without one are skipped.
GATE = ahocorasick_rs.AhoCorasick(
    ["sign", "adopt", "conclu", "approv", "draft", "prepar", "submit", "worked ", "working "])
KAZAKH = "Kazakh"
VERB_STATUS = {"sign": "signed", "conclude": "signed", "exchange": "signed",
               "adopt": "adopted", "approve": "adopted", "draft": "drafted",
               "prepare": "drafted", "submit": "drafted", "draw": "drafted"}
PASSIVE_RE = re.compile(
    r"\s+(?P<aux>was|were|(?:has|have|had)\s+(?:also\s+)?been|will\s+(?:also\s+)?be"
    r"|(?:is|are)\s+(?:also\s+)?being|(?:is|are)\s+(?:also\s+)?to\s+be)\s+(?:also\s+)?"
    r"(?P<verb>signed|concluded|adopted|approved|drafted|prepared|drawn\s+up"
    r"|submitted\s+for\s+sign(?:ing|ature))\b", re.IGNORECASE)
ACTIVE_RE = re.compile(
    r"\b(?P<aux>will\s+(?:also\s+)?|plans?\s+to\s+|to\s+)?(?:also\s+)?"
    r"(?P<verb>signed|sign|adopted|adopt|concluded|conclude)"
    r"(?:\s+or\s+(?:will\s+)?(?:sign|adopt|conclude)\b)?\s+(?P<obj>[^()]+)", re.IGNORECASE)
DRAFT_RE = re.compile(
    r"\b(?:(?:is|are|was|were|been)\s+(?:\w+\s+)?(?:drafting|preparing|finali[sz]ing)"
    r"|(?:worked|working)\s+(?:\w+\s+)?on|(?:drafted|prepared)(?=\s+(?:a|an|the)\s)"
    r"|(?:instructed|asked|tasked|ordered|charged|commissioned)\b[^.;]{0,80}?\bto\s+"
    r"(?:prepare|draft|draw\s+up|work\s+out))\s+(?P<obj>[^()]+)", re.IGNORECASE)
TO_BE_RE = re.compile(r"\s+to\s+be\s+(?P<verb>signed|adopted|concluded)\b", re.IGNORECASE)
OBJECT_END_RE = re.compile(
    r"\s+(?:in\s+the\s+presence|during\s|at\s+(?:the|this)\s|within\s+the\s+framework"
    r"|(?:today|tonight|tomorrow|yesterday|soon|shortly|later)\b"
    r"|(?:next|this|last)\s+(?:year|month|week|spring|summer|autumn|winter)\b"
    r"|which\s|that\s|is\s|are\s|was\s|were\s|will\s|would\s|by\s+the\s+end)"
    r"|\s*[,;:]\s*(?:but|which|who)\s|\s*[,;]\s*and\s+(?=(?:we|they|he|she|it|i|this|there)\s)",
    re.IGNORECASE)
CLAUSE_RE = re.compile(r"\s+(?:that|which)\s+(?:would|will|should|could|can|is\s+to)\s+[^;]+",
                       re.IGNORECASE)
LEADING_RE = re.compile(
    r"(?:(?:a|an|the|quite\s+a\s+few|(?:a\s+)?number\s+of|a\s+series\s+of|several|some|many|also"
    r"|solid|large|important|major|significant|substantial|whole|rather|in\s+particular|all"
    r"|as\s+well\s+as|and|or)[\s,]+)+", re.IGNORECASE)
_NUMBER = (r"(?:\d[\d,.]*|a\s+dozen|dozens|hundreds|one|two|three|four|five|six|seven|eight"
           r"|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty"
           r"|forty|fifty|sixty|seventy|eighty|ninety|hundred)")
COUNT_RE = re.compile(
    r"(?:(?:over|more\s+than|about|almost|some|nearly|around|another|approximately|roughly"
    r"|up\s+to|as\s+many\s+as|at\s+least)\s+)?" + _NUMBER + r"\b(?:\s+more\b)?\s*",
    re.IGNORECASE)
PARTICULAR_RE = re.compile(r",?\s+in\s+particular,?\s+(?P<items>[^.]+)", re.IGNORECASE)
ALONG_WITH_RE = re.compile(r"^\s+(?:along\s+with|together\s+with)\s+(?P<np>[^.;]+)",
                           re.IGNORECASE)
EXTENSION_RE = re.compile(r"^\s+(?P<ext>(?:for|on)\s+the\s+[^.,;]+)", re.IGNORECASE)
CHUNK_SPLIT_RE = re.compile(r"[,;](?!\s*\d{4}\b)\s+(?:and\s+)?(?:as\s+well\s+as\s+)?"
                            r"|\s+as\s+well\s+as\s+")
PREPOSITION_RE = re.compile(r"\b(of|on|for|in|between|with|among|to|from|about)\b", re.I)
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
    stem = re.sub(r"(?:ed|d)$", "", verb.split()[0].lower())
    return VERB_STATUS.get(stem, VERB_STATUS.get(stem + "e", "signed"))


def _title(text: str, start: int, end: int, status: str) -> Title | None:
    """The title in ``text[start:end]``, trimmed; None when it names no document."""
    for _ in range(2):
        lead = LEADING_RE.match(text, start, end)
        start = lead.end() if lead else start
        count = COUNT_RE.match(text, start, end)
        if count:
            if status in ("signed", "adopted"):
                return None  # a tally of documents is a figure
            start = count.end()
    while end > start and text[end - 1] in " ,;:.–-\n":
        end -= 1
    trailing = TRAILING_RE.search(text, start, end)
    end = trailing.start() if trailing else end
    phrase = text[start:end]
    if not plausible(phrase) or len(phrase) > 300:
        return None
    return Title(phrase, Span(start, end), status)


def _last_preposition(text: str, start: int, end: int) -> str:
    found = PREPOSITION_RE.findall(text, start, end)
    return found[-1].lower() if found else ""


def _chunks(text: str, start: int, end: int, split_and: bool = True) -> list[tuple[int, int]]:
    """List pieces of a subject or object, one per document noun (see the module notes)."""
    quoted = [(q.start(), q.end()) for q in QUOTED_RE.finditer(text, start, end)]
    cuts = [(start, start)] + [
        (m.start(), m.end()) for m in CHUNK_SPLIT_RE.finditer(text, start, end)
        if not any(a < m.start() < b for a, b in quoted)
    ]
    pieces = [(cuts[i][1], cuts[i + 1][0] if i + 1 < len(cuts) else end) for i in range(len(cuts))]
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in pieces:
        if KIND_RE.search(text, s, e):
            out.append((pending if pending is not None else s, e))
            pending = None
        elif out and pending is None and (
                len(text[s:e].split()) > 2
                or _last_preposition(text, *out[-1]) in ("of", "between", "with", "among")):
            out[-1] = (out[-1][0], e)
        else:
            pending = pending if pending is not None else s
    if split_and:
        return [piece for s, e in out for piece in _split_and(text, s, e)]
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


def _passive(text: str, sentence: Span) -> list[Title]:
    out, floor = [], sentence.start
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
    """"Twelve documents ... were signed, in particular on A, B and C": one title per item.

    An item continues the previous one when it follows an "of" complement without a
    preposition of its own ("on prevention of accidents, disasters and fires")."""
    head = KIND_RE.search(text, start, m.start())
    items = PARTICULAR_RE.search(text, m.end(), sentence.end)
    if not head or not items or not COUNT_RE.match(text[start:head.start()].strip() or "x"):
        return []
    spans: list[list[int]] = []
    for piece in re.finditer(r"[^,]+", items.group("items")):
        s, e = items.start("items") + piece.start(), items.start("items") + piece.end()
        bare = not re.match(r"\s*(?:and\b|\w+ing\b|" + PREPOSITION_RE.pattern + ")",
                            piece.group(0), re.IGNORECASE)
        if spans and bare and _last_preposition(text, *spans[-1]) == "of":
            spans[-1][1] = e
        else:
            spans.append([s, e])
    noun, out = head.group(1).lower(), []
    for s, e in spans:
        words = re.sub(r"^\s*(?:and\s+)?(?:on\s+)?", "", text[s:e]).strip()
        if words:
            out.append(Title(f"{noun} on {words}", Span(s, e), status))
    return out


def _objects(text: str, obj_start: int, obj_end: int, status: str) -> list[Title]:
    """Titles in the object of an active verb: a list, or one generic noun and its clause."""
    stop = OBJECT_END_RE.search(text, obj_start, obj_end)
    end = stop.start() if stop else obj_end
    titles = [t for s, e in _chunks(text, obj_start, end, split_and=False)
              if (t := _title(text, s, e, status))]
    clause = CLAUSE_RE.match(text, end, obj_end)
    if len(titles) == 1 and " " not in titles[0].text and clause:
        titles = [t for t in [_title(text, titles[0].span.start, clause.end(), status)] if t]
    return titles


def _active(text: str, sentence: Span) -> list[Title]:
    out = []
    for m in ACTIVE_RE.finditer(text, sentence.start, sentence.end):
        if PASSIVE_RE.search(text, max(sentence.start, m.start() - 20), m.end("verb")):
            continue
        status = _status(m.group("aux"), m.group("verb"))
        out += _objects(text, m.start("obj"), m.end("obj"), status)
    for m in DRAFT_RE.finditer(text, sentence.start, sentence.end):
        out += _objects(text, m.start("obj"), m.end("obj"), "drafted")
    return out


def _to_be(text: str, sentence: Span) -> list[Title]:
    out = []
    for m in TO_BE_RE.finditer(text, sentence.start, sentence.end):
        start = _subject_start(text, sentence, m.start())
        title = _title(text, start, m.start(), "planned")
        if title:
            out.append(title)
    return out


def _candidates(doc: Doc) -> list[Span]:
    """Sentences in a publication naming Kazakhstan that hold a verb stem and a document noun."""
    text = doc.text
    segments = [s for s in segment_spans(doc) if text.find(KAZAKH, s.start, s.end) >= 0]
    hits = sorted(hit for _, hit, _ in GATE.find_matches_as_indexes(text.lower())
                  if not (hit and text[hit - 1].isalpha()))
    return [s for s in sentences_around(sentence_spans(doc), hits)
            if KIND_RE.search(text, s.start, s.end)
            and any(g.start <= s.start < g.end for g in segments)]


def _parties(doc: Doc, span: Span) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.key for m in doc.mentions_in(span) if m.kind == "region"))


def signed_stage(doc: Doc) -> Doc:
    """Append one ``document_signed`` claim per document the text says is signed or planned."""
    text = doc.text
    if KAZAKH not in text:
        return doc
    found: list[tuple[Title, Span]] = []
    for sentence in _candidates(doc):
        for title in _passive(text, sentence) + _active(text, sentence) + _to_be(text, sentence):
            if about_ru_kz(title.text, text[sentence.start:sentence.end]):
                found.append((title, sentence))
    for t in dedupe([t for t, _ in found], lambda t: t.text):
        fact = SignedDocument(t.text, kind_of(t.text), t.status, _parties(doc, t.span))
        doc.claims.append(doc.claim("document_signed", t.span, fact, f"signed:{t.status}"))
    return doc
