"""Documents signed: agreements, programmes, concepts, memoranda, protocols, statements.

Requires sentences (or the fallback split) and region mentions; assigns claims of kind
``"document_signed"`` whose fact is a :class:`SignedDocument`.

Gates first: a publication that never names Kazakhstan holds no Russia–Kazakhstan document,
and only the sentences around a signing/drafting verb stem that also hold a document noun
are read. The parts, one job each:

* :mod:`signed_grammars` — the passive, active, gerund, drafting and infinitive clauses;
* :mod:`signed_nominal` — "the signing of A", and "A signed in 1994" (reduced relatives);
* :mod:`signed_anaphora` — "The Agreement was signed in 2013" after its full title;
* :mod:`signed_announced` — "The following documents were signed:" and one per line after;
* :mod:`signed_clauses` — where a subject starts and an object ends (clause structure);
* :mod:`signed_lists` — coordination: one title per document in a list, list markers;
* :mod:`signed_titles` — trimming a stretch to a title; counts as batches or figures;
* :mod:`signed_filters` — parties, near-duplicates, summary phrases, "agreement" as consent,
  anaphors ("sign the documents").
"""

from __future__ import annotations

import ahocorasick_rs

from coopatlas.doc import Doc
from coopatlas.extract.eventtext import segment_spans, sentence_spans, sentences_around
from coopatlas.extract.signed_anaphora import antecedent
from coopatlas.extract.signed_announced import ANNOUNCE_RE, announced_list
from coopatlas.extract.signed_filters import (
    KAZAKHSTAN_BLOCS,
    KIND_RE,
    about_ru_kz,
    bare_beside_named,
    dedupe,
    kind_of,
    unnamed_others,
)
from coopatlas.extract.signed_grammars import active, passive, to_be
from coopatlas.extract.signed_lists import per_topic
from coopatlas.extract.signed_nominal import nominal, reduced_relative
from coopatlas.extract.signed_titles import Title
from coopatlas.gazetteer.countries import about_another_country
from coopatlas.model import SignedDocument, Span

#: the cheap pre-check: a signing or drafting verb stem; sentences without one are skipped.
GATE = ahocorasick_rs.AhoCorasick(
    ["sign", "adopt", "conclu", "approv", "endors", "draft", "prepar", "elaborat", "submit",
     "worked ",
     "working "])
KAZAKH = "Kazakh"
GRAMMARS = (passive, active, to_be, nominal, reduced_relative)


def _candidates(doc: Doc) -> list[Span]:
    """Sentences in a publication naming Kazakhstan that hold a verb stem and a document noun."""
    text = doc.text
    segments = [s for s in segment_spans(doc) if text.find(KAZAKH, s.start, s.end) >= 0]
    hits = sorted(hit for _, hit, _ in GATE.find_matches_as_indexes(text.lower())
                  if not (hit and text[hit - 1].isalpha()))
    return [s for s in sentences_around(sentence_spans(doc), hits)
            if (KIND_RE.search(text, s.start, s.end) or ANNOUNCE_RE.search(text, s.start, s.end))
            and any(g.start <= s.start < g.end for g in segments)]


def _parties(doc: Doc, span: Span) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.key for m in doc.mentions_in(span) if m.kind == "region"))


def _russia_kazakhstan(text: str, sentence: Span, title: Title) -> list[Title]:
    """The documents of ``title`` (one per topic) whose parties may be Russia and Kazakhstan:
    a topic naming a third country (and the sentence outside the list not naming
    Kazakhstan) is that country's ("documents signed concern transit with China; ...")."""
    items = per_topic(title)
    if len(items) == 1:
        return items if about_ru_kz(title.text, text[sentence.start:sentence.end]) else []
    outside = text[sentence.start:title.span.start] + " " + text[title.span.end:sentence.end]
    return [t for t in items if about_ru_kz(t.text, f"{outside} {t.text}")]


def _another_countrys(doc: Doc, title: Title, sentence: Span) -> bool:
    """A document whose title and sentence name neither Kazakhstan nor a grouping it belongs
    to, in a publication about another country ("Today we signed documents on oil and gas"
    after talks with Azerbaijan)."""
    said = doc.text[sentence.start:sentence.end]
    if KAZAKH in said or KAZAKH in title.text or KAZAKHSTAN_BLOCS.search(said):
        return False
    return about_another_country(doc.title_at(sentence.start))


def _full(text: str, segments: list[Span], title: Title, sentence: Span) -> Title:
    """A bare "the Agreement" as the full title named before it in its publication."""
    floor = next((s.start for s in segments if s.start <= sentence.start < s.end), 0)
    return antecedent(text, title, floor) or title


def signed_stage(doc: Doc) -> Doc:
    """Append one ``document_signed`` claim per document the text says is signed or planned."""
    text = doc.text
    if KAZAKH not in text:
        return doc
    found: list[tuple[Title, Span]] = []
    for sentence in _candidates(doc):
        listed = announced_list(text, sentence)  # the sentence only heads the list
        for title in listed or [t for grammar in GRAMMARS for t in grammar(text, sentence)]:
            found += [(t, sentence) for t in _russia_kazakhstan(text, sentence, title)]
    found = [(t, s) for t, s in found if not _another_countrys(doc, t, s)]
    segments = segment_spans(doc) if found else []
    found = [(_full(text, segments, t, sentence), sentence) for t, sentence in found]
    titles = dedupe([t for t, _ in found], lambda t: t.text)
    for t in [t for t in titles
              if not bare_beside_named(t, titles) and not unnamed_others(t.text)]:
        fact = SignedDocument(t.text, kind_of(t.text), t.status, _parties(doc, t.span))
        doc.claims.append(doc.claim("document_signed", t.span, fact, f"signed:{t.status}"))
    return doc
