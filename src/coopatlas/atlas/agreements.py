"""The registry of agreements and programmes the texts say were signed, adopted or planned.

Claims are merged by normalised title; parties are the union of those stated; the date is
the earliest text that reports the document signed; the forum is the edition the reporting
text covers (see :mod:`coopatlas.atlas.forums`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import regex

from coopatlas.atlas.sourced import Sourced, of_kind, unique_evidence
from coopatlas.model import Agreement, SignedDocument

_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def agreement_key(title: str) -> str:
    """A title's identity: case, punctuation and a leading article ignored.

    >>> agreement_key("The Joint Action Programme — on Border Crossing Points")
    'joint action programme on border crossing points'
    """
    words = _NON_WORD.sub(" ", title.casefold()).split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def assemble_agreements(
    items: Iterable[Sourced], edition_of_doc: dict[str, int] | None = None
) -> list[Agreement]:
    """One registry entry per distinct title, oldest first."""
    groups: dict[str, list[Sourced]] = defaultdict(list)
    for s in of_kind(items, "document_signed"):
        if isinstance(s.claim.fact, SignedDocument):
            groups[agreement_key(s.claim.fact.title)].append(s)
    editions = edition_of_doc or {}
    out = []
    for group in groups.values():
        group.sort(key=lambda s: (s.published is None, s.published, s.doc_id, s.claim.span))
        facts: list[SignedDocument] = [s.claim.fact for s in group]
        signed = [s for s in group if s.claim.fact.status in ("signed", "adopted")]
        parties = tuple(dict.fromkeys(p for f in facts for p in f.parties))
        out.append(Agreement(
            title=facts[0].title, kind=facts[0].kind, parties=parties,
            signed_on=signed[0].published if signed else None,
            forum_edition=next((editions[s.doc_id] for s in group if s.doc_id in editions), None),
            status=facts[-1].status, evidence=unique_evidence(group)))
    return sorted(out, key=lambda a: (a.signed_on is None, a.signed_on, agreement_key(a.title)))
