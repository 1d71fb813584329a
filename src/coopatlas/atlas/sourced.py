"""A claim together with what the atlas needs from its document: date, source and quote.

Assembly works on :class:`Sourced` claims so that the record builders (forums,
partnerships, indicators...) never touch the store and can be tested on hand-made lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from coopatlas.gazetteer.names import names_kazakhstan as mentions
from coopatlas.model import Claim, Evidence


@dataclass(frozen=True, slots=True)
class Sourced:
    """A claim, its document's date and source, and the evidence sentence it sits in."""

    claim: Claim
    published: date | None = None
    quote: str = ""
    source: str | None = None
    on_topic: bool = True  # the document names Kazakhstan (see names_kazakhstan)

    @property
    def doc_id(self) -> str:
        return self.claim.doc_id

    def evidence(self) -> Evidence:
        return Evidence(
            doc_id=self.claim.doc_id, span=self.claim.span, quote=self.quote,
            published=self.published,
        )


def names_kazakhstan(text: str) -> bool:
    """Whether a text names Kazakhstan at all: the atlas's indicator series are about
    Russia–Kazakhstan cooperation, so figures of a text that never does stay out of them
    (a domestic "31 regions" is no count of regions cooperating with Kazakhstan)."""
    return mentions(text.lower())


def quote_of(claim: Claim, text: str) -> str:
    """The evidence text of a claim: its sentence where known, else its own span."""
    span = claim.sentence or claim.span
    return " ".join(span.of(text).split())


def of_kind(items: Iterable[Sourced], *kinds: str) -> list[Sourced]:
    return [s for s in items if s.claim.kind in kinds]


def date_range(items: Iterable[Sourced]) -> tuple[date | None, date | None]:
    """First and last publication date among the items (``None`` when none is dated)."""
    dates = [s.published for s in items if s.published is not None]
    return (min(dates), max(dates)) if dates else (None, None)


def unique_evidence(items: Iterable[Sourced]) -> tuple[Evidence, ...]:
    """Evidence of the items in (date, document, offset) order, one per claim span."""
    ordered = sorted(items, key=lambda s: (s.published or date.min, s.doc_id, s.claim.span))
    seen: dict[tuple[str, int, int], Evidence] = {}
    for item in ordered:
        key = (item.doc_id, item.claim.span.start, item.claim.span.end)
        seen.setdefault(key, item.evidence())
    return tuple(seen.values())
