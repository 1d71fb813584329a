"""Twin pairs: twinned, sister or partner cities the text names as pairs.

Requires city mentions (``doc.mentions`` of kind ``"city"``, keyed by current English
name) and sentences (or the fallback split); assigns claims of kind ``"twin_pair"``
whose fact is a :class:`TwinPairFact`.

In a sentence that speaks of twinning ("twin cities", "sister cities", "partner cities",
"twinned with"), two city mentions joined by "and", a dash or "with" form a pair:
"Moscow and Astana", "Omsk–Pavlodar", "X and Y, Z and W", "Omsk is twinned with Pavlodar".
"""

from __future__ import annotations

import re

from coopatlas.doc import Doc
from coopatlas.extract.eventtext import sentence_spans, sentences_around, word_hits
from coopatlas.model import Mention, Span, TwinPairFact

CUE_RE = re.compile(
    r"\btwin(?:ned|ning|s)?\b|\bsister[\s-]+cit|\bpartner[\s-]+cit|\bsister[\s-]+towns?"
    r"|\bfraternal\s+cit", re.IGNORECASE)
CUE_WORDS = ("twin", "sister", "partner", "fraternal")  # each CUE_RE match spells one
JOINER_RE = re.compile(
    r"\s*(?:and|&|–|—|-|with|(?:is|are|was|were|has\s+been|have\s+been)\s+(?:twinned|"
    r"partnered|a\s+(?:twin|sister|partner)\s+(?:city|town))\s+with)\s*", re.IGNORECASE)


def _cities(doc: Doc, sentence: Span) -> list[Mention]:
    return sorted((m for m in doc.mentions_in(sentence) if m.kind == "city"),
                  key=lambda m: m.span.start)


def pairs_in(doc: Doc, sentence: Span) -> list[tuple[Mention, Mention]]:
    """Adjacent city mentions joined by a pairing word, in a sentence about twinning."""
    if not CUE_RE.search(doc.text, sentence.start, sentence.end):
        return []
    cities, pairs, i = _cities(doc, sentence), [], 0
    while i + 1 < len(cities):
        a, b = cities[i], cities[i + 1]
        between = doc.text[a.span.end:b.span.start]
        after_pair = bool(pairs) and pairs[-1][1] is cities[i - 1]
        listed = _in_list(doc, cities, i) and not after_pair
        if a.key != b.key and JOINER_RE.fullmatch(between) and not listed:
            pairs.append((a, b))
            i += 2
        else:
            i += 1
    return pairs


def _in_list(doc: Doc, cities: list[Mention], i: int) -> bool:
    """True when city ``i`` ends a plain list ("Omsk, Pavlodar and Samara"): no pair."""
    return i > 0 and bool(re.fullmatch(r"\s*,\s*", doc.text[cities[i - 1].span.end:
                                                             cities[i].span.start]))


def twins_stage(doc: Doc) -> Doc:
    """Append one ``twin_pair`` claim per pair of twinned cities."""
    hits = word_hits(doc, CUE_WORDS)
    if hits == []:  # most texts: no cue word, nothing to read
        return doc
    spans = sentence_spans(doc)
    for sentence in spans if hits is None else sentences_around(spans, hits):
        for a, b in pairs_in(doc, sentence):
            span = Span(a.span.start, b.span.end)
            doc.claims.append(doc.claim("twin_pair", span, TwinPairFact(a.key, b.key),
                                        "twins:pair-in-twinning-sentence"))
    return doc
