"""Sentences split one block of lines at a time, only where a stage asks.

Most of a text holds nothing to extract, so splitting all of it into sentences is wasted
work: stages find their candidates with automata over the whole text and need only the
sentences around the hits. A **block** starts right after a line break that always ends a
sentence in :func:`coopatlas.text.sentences.sentences_in` — a blank line, or a line that
starts with neither a lower-case letter nor a colon — so a block split on its own gives
exactly the sentences that splitting its whole segment gives there. The speaker at a
block's start is the one of the segment's last turn label before it.

>>> from coopatlas.model import Segment, Span
>>> text = "Trade grew. It doubled.\\nOmsk hosted it.\\n"
>>> lazy = LazySentences(text, [Segment(0, Span(0, len(text)))])
>>> lazy.at(30).span.of(text)
'Omsk hosted it.'
>>> [s.span.of(text) for s in lazy.all()]
['Trade grew.', 'It doubled.', 'Omsk hosted it.']
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from coopatlas.model import Segment, Sentence, Span
from coopatlas.text.sentences import TERMINAL, Turns, find_turns, sentences_in


def opens_block(text: str, at: int) -> bool:
    """Whether ``at``, right after a line break, starts a block (see the module docstring)."""
    c = text[at:at + 1]
    if not c or c == "\n" or c == ":":
        return False
    nl = at - 1
    if nl > 0 and text[nl - 1] == "\n":
        return True  # a blank line
    return nl == 0 or text[nl - 1] in TERMINAL or not c.islower()


class LazySentences:
    """A document's sentences, split block by block on demand and kept."""

    def __init__(self, text: str, segments: Sequence[Segment] = ()) -> None:
        self.text = text
        whole = (Segment(0, Span(0, len(text))),)
        self.segments = sorted(segments or whole, key=lambda s: (s.span.start, s.span.end))
        self._segment_starts = [s.span.start for s in self.segments]
        self._turns: dict[int, tuple[list[int], Turns]] = {}
        self._blocks: dict[int, tuple[list[int], list[Sentence], int]] = {}
        self._all: list[Sentence] | None = None

    # ------------------------------------------------------------ queries

    def at(self, offset: int) -> Sentence | None:
        found = self._block_of(offset)
        if found is None:
            return None
        starts, sentences, _ = found
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < sentences[i].span.end:
            return sentences[i]
        return None

    def before(self, sentence: Sentence) -> Sentence | None:
        found = self._block_of(sentence.span.start)
        if found is None:
            return None
        starts, sentences, _ = found
        i = bisect.bisect_left(starts, sentence.span.start)
        return sentences[i - 1] if i > 0 else None

    def starts_between(self, a: int, b: int, limit: int) -> int:
        """How many sentences start in ``(a, b]``, counted up to ``limit`` (blocks past
        the limit are never split)."""
        count, at = 0, a
        while at <= b and count < limit:
            found = self._block_of(at)
            if found is None:
                following = bisect.bisect_right(self._segment_starts, at)
                if following >= len(self.segments):
                    break
                at = self.segments[following].span.start
                continue
            starts, _, end = found
            count += max(0, bisect.bisect_right(starts, b) - bisect.bisect_right(starts, a))
            at = end
        return min(count, limit)

    def all(self) -> list[Sentence]:
        if self._all is None:
            out: list[Sentence] = []
            for number, segment in enumerate(self.segments):
                start, end = segment.span.start, self._end(segment)
                while start < end:
                    stop = self._block_end(start, end)
                    out.extend(self._split(number, start, stop)[1])
                    start = stop
            self._all = out
        return self._all

    # ------------------------------------------------------------ blocks

    def _end(self, segment: Segment) -> int:
        return min(segment.span.end, len(self.text))

    def _block_of(self, offset: int) -> tuple[list[int], list[Sentence], int] | None:
        number = bisect.bisect_right(self._segment_starts, offset) - 1
        if number < 0 or offset >= self._end(self.segments[number]):
            return None
        floor = self.segments[number].span.start
        start = self._block_start(offset, floor)
        if start in self._blocks:
            return self._blocks[start]
        return self._split(number, start, self._block_end(start, self._end(self.segments[number])))

    def _block_start(self, offset: int, floor: int) -> int:
        text, at = self.text, offset
        while True:
            nl = text.rfind("\n", floor, at)
            if nl < 0:
                return floor
            if opens_block(text, nl + 1):
                return nl + 1
            at = nl

    def _block_end(self, start: int, ceiling: int) -> int:
        text, at = self.text, start
        while True:
            nl = text.find("\n", at, ceiling)
            if nl < 0:
                return ceiling
            after = nl + 1
            while after < ceiling and text[after] == "\n":
                after += 1
            if after >= ceiling or opens_block(text, after):
                return after if after < ceiling else ceiling
            at = after

    def _split(self, number: int, start: int, end: int
               ) -> tuple[list[int], list[Sentence], int]:
        if start in self._blocks:
            return self._blocks[start]
        starts, turns = self._segment_turns(number)
        i = bisect.bisect_left(starts, start)
        speaker = turns[starts[i - 1]][0] if i > 0 else None
        inside = {a: turns[a] for a in starts[i:bisect.bisect_left(starts, end)]}
        sentences = list(sentences_in(self.text, start, end, self.segments[number].index,
                                      inside, speaker))
        block = ([s.span.start for s in sentences], sentences, end)
        self._blocks[start] = block
        return block

    def _segment_turns(self, number: int) -> tuple[list[int], Turns]:
        if number not in self._turns:
            segment = self.segments[number]
            turns = find_turns(self.text, segment.span.start, self._end(segment))
            self._turns[number] = (sorted(turns), turns)
        return self._turns[number]
