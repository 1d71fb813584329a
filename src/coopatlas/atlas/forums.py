"""Forum editions merged across documents by edition number.

Each field (year, date, city, host country, theme, format) keeps every value a text states,
with the claims that support it. The record shows the best-supported value (most documents,
then the earliest statement); when texts disagree, a :class:`Conflict` names the field and
every value, and nothing is silently dropped.

Signed documents are attached to the edition a text reports on: the one edition it places
in the text's own year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from coopatlas.atlas.sourced import Sourced, of_kind, unique_evidence
from coopatlas.model import Conflict, Evidence, ForumEdition, ForumMention, SignedDocument

FIELDS = ("year", "date", "city", "host_country", "theme", "format")


@dataclass(frozen=True, slots=True)
class FieldValue:
    """One value of one field, with the claims (as evidence) that state it."""

    value: object
    evidence: tuple[Evidence, ...]

    @property
    def documents(self) -> int:
        return len({e.doc_id for e in self.evidence})


@dataclass(slots=True)
class ForumAssembly:
    """An edition's record plus, per field, every stated value with its support."""

    edition: ForumEdition
    support: dict[str, list[FieldValue]] = field(default_factory=dict)


def _norm(value: object) -> object:
    if isinstance(value, str):
        return " ".join(value.casefold().removeprefix("the ").split())
    return value


def _field_values(items: list[Sourced], name: str) -> list[FieldValue]:
    groups: dict[object, list[Sourced]] = defaultdict(list)
    first_form: dict[object, object] = {}
    for item in items:
        value = getattr(item.claim.fact, name)
        if value is not None:
            groups[_norm(value)].append(item)
            first_form.setdefault(_norm(value), value)
    values = [FieldValue(first_form[k], unique_evidence(v)) for k, v in groups.items()]
    return sorted(values, key=lambda fv: (-fv.documents, _first_date(fv)))


def _first_date(fv: FieldValue) -> date:
    return min((e.published or date.max for e in fv.evidence), default=date.max)


def _main_edition(items: list[Sourced]) -> int | None:
    """The edition a document reports on: the only one placed in the text's own year."""
    if not items or items[0].published is None:
        return None
    year = items[0].published.year
    found = {s.claim.fact.edition for s in items if s.claim.fact.year == year}
    return found.pop() if len(found) == 1 else None


def edition_of_docs(items: Iterable[Sourced]) -> dict[str, int]:
    """Document id -> the edition that document reports on, where one stands out."""
    forums_by_doc: dict[str, list[Sourced]] = defaultdict(list)
    for s in of_kind(items, "forum"):
        if isinstance(s.claim.fact, ForumMention):
            forums_by_doc[s.doc_id].append(s)
    found = {doc: _main_edition(group) for doc, group in forums_by_doc.items()}
    return {doc: edition for doc, edition in found.items() if edition is not None}


def _signed_by_edition(items: list[Sourced]) -> dict[int, list[str]]:
    editions = edition_of_docs(items)
    out: dict[int, list[str]] = defaultdict(list)
    for s in of_kind(items, "document_signed"):
        edition = editions.get(s.doc_id)
        fact: SignedDocument = s.claim.fact
        if edition is not None and fact.title not in out[edition]:
            out[edition].append(fact.title)
    return out


def assemble_forums(items: Iterable[Sourced]) -> list[ForumAssembly]:
    """One assembly per edition number, in edition order."""
    items = list(items)
    by_edition: dict[int, list[Sourced]] = defaultdict(list)
    for s in of_kind(items, "forum"):
        if isinstance(s.claim.fact, ForumMention):
            by_edition[s.claim.fact.edition].append(s)
    signed = _signed_by_edition(items)
    out = []
    for edition in sorted(by_edition):
        group = by_edition[edition]
        support = {name: _field_values(group, name) for name in FIELDS}
        chosen = {name: (vals[0].value if vals else None) for name, vals in support.items()}
        record = ForumEdition(edition=edition, documents_signed=tuple(signed.get(edition, ())),
                              evidence=unique_evidence(group), **chosen)  # type: ignore[arg-type]
        out.append(ForumAssembly(record, support))
    return out


def forum_conflicts(assemblies: Iterable[ForumAssembly]) -> list[Conflict]:
    """A disagreement per field where texts state more than one value for an edition."""
    out = []
    for a in assemblies:
        for name, values in a.support.items():
            if len(values) > 1:
                out.append(Conflict(
                    subject=f"forum:{a.edition.edition}:{name}",
                    values=tuple(str(v.value) for v in values), kind="disagreement",
                    evidence=tuple(e for v in values for e in v.evidence)))
    return out
