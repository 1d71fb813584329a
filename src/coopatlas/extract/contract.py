"""Render one extracted Doc in the extraction contract's JSON shape (../shared/gold/README.md).

Only what the claims hold goes out: nothing is filled in from the gazetteer or the atlas.
Claims of kinds the contract has no field for (``visit``, ``project``) are left out: the
human view (:mod:`coopatlas.extract.render`) and the atlas show them.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from coopatlas.doc import Doc
from coopatlas.model import Claim, Figure, ForumMention, Mention, SignedDocument, TwinPairFact


def _unique(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def _of_kind(doc: Doc, kind: str) -> list[Claim]:
    return sorted((c for c in doc.claims if c.kind == kind), key=lambda c: c.span.start)


def merge_forums(forums: list[ForumMention]) -> list[ForumMention]:
    """One entry per edition; a later claim fills only the fields earlier ones left empty."""
    merged: dict[int, dict[str, Any]] = {}
    for forum in forums:
        entry = merged.setdefault(forum.edition, asdict(forum))
        for f in fields(ForumMention):
            if entry[f.name] is None:
                entry[f.name] = getattr(forum, f.name)
    return [ForumMention(**entry) for entry in merged.values()]


def _figure_json(figure: Figure) -> dict[str, Any]:
    value: float | int = int(figure.value) if float(figure.value).is_integer() else figure.value
    out: dict[str, Any] = {
        "text": figure.text, "value": value, "unit": figure.unit,
        "indicator": figure.indicator, "period": figure.period,
    }
    if figure.value_max is not None:
        out["value_max"] = figure.value_max
    return out


def _figures(doc: Doc) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for claim in _of_kind(doc, "figure"):
        fig: Figure = claim.fact
        key = (fig.value, fig.unit, fig.indicator, fig.period)
        if key not in seen:
            seen.add(key)
            out.append(_figure_json(fig))
    return out


def _twin_pairs(doc: Doc) -> list[list[str]]:
    pairs: list[TwinPairFact] = [c.fact for c in _of_kind(doc, "twin_pair")]
    unique = _unique([frozenset((p.city_a, p.city_b)) for p in pairs])
    firsts = {frozenset((p.city_a, p.city_b)): [p.city_a, p.city_b] for p in reversed(pairs)}
    return [firsts[key] for key in unique]


def to_contract(doc: Doc, name: str | None = None) -> dict[str, Any]:
    document = doc.document
    places: list[Mention] = [c.fact for c in doc.claims if c.kind in ("region", "city")]
    places.sort(key=lambda m: m.span.start)
    signed: list[SignedDocument] = [c.fact for c in _of_kind(doc, "document_signed")]
    forums = merge_forums([c.fact for c in _of_kind(doc, "forum")])
    return {
        "doc": name or document.doc_id,
        "published": document.published.isoformat() if document.published else None,
        "segments": max(1, len(document.segments)),
        "regions": _unique([m.key for m in places if m.kind == "region"]),
        "cities": _unique([m.key for m in places if m.kind == "city"]),
        "forums": [asdict(f) for f in forums],
        "figures": _figures(doc),
        "documents_signed": _unique([s.title for s in signed]),
        "twin_pairs": _twin_pairs(doc),
    }
