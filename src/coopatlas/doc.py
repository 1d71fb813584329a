"""Doc: the working container one document passes through the extraction stages.

A stage is a plain callable ``(doc) -> doc`` that reads what earlier stages assigned
(sentences, mentions) and appends what it finds (mentions, claims, warnings).

Sentences come from a :class:`SentenceIndex`: the sentences stage installs one that splits
the text lazily, one block of lines at a time, so that a stage asking for the sentence
around a hit pays only for that block (``coopatlas.text.sentences.LazySentences``).
``doc.sentences`` (every sentence) splits the rest when something asks for all of them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from coopatlas.model import Claim, Document, Mention, Sentence, Span


class SentenceIndex(Protocol):
    """Where a document's sentences come from."""

    def all(self) -> list[Sentence]:
        """Every sentence, sorted by start."""
        ...

    def at(self, offset: int) -> Sentence | None:
        """The sentence holding character ``offset``."""
        ...

    def before(self, sentence: Sentence) -> Sentence | None:
        """The sentence right before ``sentence`` in its paragraph block, if any."""
        ...

    def starts_between(self, a: int, b: int, limit: int) -> int:
        """How many sentences start in ``(a, b]``, counted up to ``limit``."""
        ...


class FixedSentences:
    """A sentence index over a list that is already known (sorted on creation)."""

    def __init__(self, sentences: Iterable[Sentence] = ()) -> None:
        self._sentences = sorted(sentences, key=lambda s: (s.span.start, s.span.end))
        self._starts = [s.span.start for s in self._sentences]

    def all(self) -> list[Sentence]:
        return self._sentences

    def at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._sentences[i].span.end:
            return self._sentences[i]
        return None

    def before(self, sentence: Sentence) -> Sentence | None:
        i = bisect.bisect_left(self._starts, sentence.span.start)
        return self._sentences[i - 1] if i > 0 else None

    def starts_between(self, a: int, b: int, limit: int) -> int:
        found = bisect.bisect_right(self._starts, b) - bisect.bisect_right(self._starts, a)
        return min(max(0, found), limit)


@dataclass
class Doc:
    document: Document
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    index: SentenceIndex = field(default_factory=FixedSentences, repr=False, compare=False)
    _lower: str | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def sentences(self) -> list[Sentence]:
        """Every sentence, sorted (a lazy index splits whatever it has not split yet)."""
        return self.index.all()

    @sentences.setter
    def sentences(self, sentences: Sequence[Sentence]) -> None:
        self.index = FixedSentences(sentences)

    @property
    def has_sentences(self) -> bool:
        """Whether a sentences stage (or a caller) gave this Doc its sentences; stages fall
        back to their own line split when not."""
        return not isinstance(self.index, FixedSentences) or bool(self.index.all())

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
        """The sentence holding character ``offset``."""
        return self.index.at(offset)

    def sentence_before(self, sentence: Sentence) -> Sentence | None:
        """The sentence before ``sentence`` in the same block of lines, if any."""
        return self.index.before(sentence)

    def title_at(self, offset: int) -> str:
        """The title of the publication (segment) holding ``offset``, else the document's."""
        segment = next((s for s in self.document.segments
                        if s.span.start <= offset < s.span.end), None)
        return (segment.title if segment else self.document.title) or ""

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
