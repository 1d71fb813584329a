"""Doc: the working container one document passes through the extraction stages.

A stage is a plain callable ``(doc) -> doc`` that reads what earlier stages assigned
(sentences, mentions) and appends what it finds (mentions, claims, warnings).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from coopatlas.model import Claim, Document, Mention, Sentence, Span


@dataclass
class Doc:
    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _lower: str | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def lower(self) -> str:
        """The text lower-cased with every offset kept, dashes and apostrophes folded (cached).

        Stages scan it for trigger words with plain ``str.find`` or an automaton, far faster
        than a case-ignoring pattern over the text (see ``coopatlas.gazetteer.names``).
        """
        if self._lower is None:
            from coopatlas.gazetteer.names import same_length_lower

            self._lower = same_length_lower(self.text)
        return self._lower

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding character ``offset`` (sentences must be sorted)."""
        if len(self._starts) != len(self.sentences):
            self._starts = [s.span.start for s in self.sentences]
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].span.end:
            return self.sentences[i]
        return None

    def mentions_in(self, span: Span) -> list[Mention]:
        return [m for m in self.mentions if span.contains(m.span)]

    def claim(self, kind: str, span: Span, fact: object, rule: str) -> Claim:
        """Build a claim at ``span`` with this document's provenance filled in."""
        sentence = self.sentence_at(span.start)
        return Claim(
            kind=kind,  # type: ignore[arg-type]
            doc_id=self.doc_id,
            span=span,
            fact=fact,
            rule=rule,
            sentence=sentence.span if sentence else None,
            segment=sentence.segment if sentence else 0,
            speaker=sentence.speaker if sentence else None,
        )
