"""Extraction beside the curated reference: the forum timeline complete, agreement made visible.

For every edition in either the atlas (what the ingested texts say) or the reference table
(``coopatlas.reference``, compiled from public sources with a URL per fact), each field is
marked ``agree``, ``differ`` (both state it, differently), ``texts_only`` or ``reference_only``.
Nothing is resolved: both values are kept, the reference's sources beside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from coopatlas.model import ForumEdition
from coopatlas.reference.editions import ReferenceEdition, load_forum_reference

FIELDS = ("year", "date", "city", "host_country", "theme", "format")


@dataclass(frozen=True, slots=True)
class FieldCheck:
    field: str
    status: str  # agree | differ | texts_only | reference_only | unknown
    extracted: Any
    reference: Any
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    edition: int
    in_texts: bool
    in_reference: bool
    fields: tuple[FieldCheck, ...] = field(default_factory=tuple)

    @property
    def differs(self) -> bool:
        return any(f.status == "differ" for f in self.fields)

    def to_json(self) -> dict[str, Any]:
        return {"edition": self.edition, "in_texts": self.in_texts,
                "in_reference": self.in_reference, "differs": self.differs,
                "fields": {f.field: {"status": f.status, "extracted": f.extracted,
                                     "reference": f.reference, "sources": list(f.sources)}
                           for f in self.fields}}


def _same(field_name: str, extracted: Any, reference: Any) -> bool:
    if field_name == "theme":
        return str(extracted).casefold().strip(" .") == str(reference).casefold().strip(" .")
    if field_name == "date":  # a stated day agrees with a reference span that holds it
        start, _, end = str(reference).partition("/")
        return start <= str(extracted).partition("/")[0] <= (end or start)
    return bool(extracted == reference)


def check_field(name: str, extracted: Any, ref: ReferenceEdition | None) -> FieldCheck:
    reference = getattr(ref, name) if ref else None
    sources = ref.sources_for(name) if ref else ()
    if extracted is None and reference is None:
        status = "unknown"
    elif reference is None:
        status = "texts_only"
    elif extracted is None:
        status = "reference_only"
    else:
        status = "agree" if _same(name, extracted, reference) else "differ"
    return FieldCheck(name, status, extracted, reference, sources)


def forum_timeline(forums: Iterable[ForumEdition],
                   reference: Iterable[ReferenceEdition] | None = None) -> list[TimelineEntry]:
    """Every edition known to the texts or the reference, oldest first, field by field."""
    extracted = {f.edition: f for f in forums}
    refs = {r.edition: r for r in (load_forum_reference() if reference is None else reference)}
    out = []
    for number in sorted(extracted.keys() | refs.keys()):
        found, ref = extracted.get(number), refs.get(number)
        checks = tuple(check_field(name, getattr(found, name) if found else None, ref)
                       for name in FIELDS)
        out.append(TimelineEntry(number, found is not None, ref is not None, checks))
    return out


def stored_timeline(store: Any) -> list[TimelineEntry]:
    """The timeline for the forums in ``store`` (curated values applied)."""
    from coopatlas.store.curation import curated_records

    with store.session() as session:
        forums = [r for _, r in curated_records(session=session, record_type="forum_edition")]
    return forum_timeline(forums)
