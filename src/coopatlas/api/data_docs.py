"""The data behind the overview, indicators, documents, search, conflicts and curation pages."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from coopatlas.api import data_atlas
from coopatlas.api.deps import Paging, listing
from coopatlas.api.links import claim_url, evidence_url, obs_anchor, record_url
from coopatlas.errors import NotFound
from coopatlas.model import INDICATORS
from coopatlas.store import records, views
from coopatlas.store.search import search_documents

CHART_POINTS = 2000
LATEST = 8


def overview(db: Session) -> dict[str, Any]:
    latest, _ = views.list_documents(db, limit=LATEST, offset=0)
    return {"ok": True, "counts": views.counts(db), "latest_documents": latest,
            "map": data_atlas.map_data(db)}


# ---------------------------------------------------------------- indicators


def _point(o: dict[str, Any], conflicted: set[str]) -> dict[str, Any]:
    return {"key": o["key"], "value": o["value"], "unit": o["unit"], "period": o.get("period"),
            "published": o.get("published"), "quote": o.get("quote"),
            "speaker": o.get("speaker"), "doc_id": o["doc_id"], "qualifier": o.get("qualifier"),
            "anchor": obs_anchor(o["doc_id"], o["span_start"], o["span_end"]),
            "url": evidence_url(o["doc_id"], o["span_start"], o["span_end"]),
            "conflict": o["key"] in conflicted}


def _conflicted_keys(db: Session, indicator: str) -> tuple[list[dict[str, Any]], set[str]]:
    conflicts = views.conflicts_matching(db, f"indicator:{indicator}:")
    data_atlas.attach_evidence(db, "conflict", conflicts)
    spans = [(e["doc_id"], e["span_start"], e["span_end"])
             for c in conflicts if c.get("kind", "disagreement") == "disagreement"
             for e in c["evidence"] if e.get("span_start") is not None]
    rows, _ = _observations(db, indicator, CHART_POINTS)
    keys = {o["key"] for o in rows
            if any(d == o["doc_id"] and s <= o["span_start"] and o["span_end"] <= e
                   for d, s, e in spans)}
    return conflicts, keys


def _observations(db: Session, indicator: str, limit: int, offset: int = 0):
    table = views.RECORD_TABLES["indicator_observation"]
    return views.list_records(db, "indicator_observation", filters=[table.indicator == indicator],
                              order=[table.published, table.period], limit=limit, offset=offset)


def indicators(db: Session, paging: Paging) -> dict[str, Any]:
    summaries = views.indicator_summary(db)
    items = []
    for summary in summaries[paging.offset:paging.offset + paging.limit]:
        name = summary["indicator"]
        rows, _ = _observations(db, name, CHART_POINTS)
        conflicts, keys = _conflicted_keys(db, name)
        items.append({**summary, "conflicts": len(conflicts),
                      "points": [_point(o, keys) for o in rows]})
    return listing(items, len(summaries), paging, {}, known=list(INDICATORS))


def indicator(db: Session, name: str, paging: Paging) -> dict[str, Any]:
    rows, total = _observations(db, name, paging.limit, paging.offset)
    if total == 0 and name not in INDICATORS:
        raise NotFound(f"no indicator {name!r} (known: {', '.join(INDICATORS[:6])}...)")
    conflicts, keys = _conflicted_keys(db, name)
    chart, _ = _observations(db, name, CHART_POINTS)
    return listing([_point(o, keys) for o in rows], total, paging, {}, indicator=name,
                   points=[_point(o, keys) for o in chart], conflicts=conflicts)


# ---------------------------------------------------------------- documents and search


def documents(db: Session, paging: Paging, **filters: Any) -> dict[str, Any]:
    rows, total = views.list_documents(db, limit=paging.limit, offset=paging.offset, **filters)
    return listing(rows, total, paging, filters)


def document(db: Session, doc_id: str) -> dict[str, Any]:
    doc = views.document(db, doc_id)
    if doc is None or doc.get("status") == "failed":
        raise NotFound(f"no document {doc_id!r}")
    facts = []
    for c in views.claims_of(db, doc_id):
        facts.append({"id": c["id"], "kind": c["kind"], "start": c["span_start"],
                      "end": c["span_end"], "sentence_start": c["sentence_start"],
                      "sentence_end": c["sentence_end"], "speaker": c["speaker"],
                      "rule": c["rule"], "key": c["key"], "fact": c["fact"],
                      "url": claim_url(c)})
    links = [{"record_type": rt, "key": key, "url": record_url(rt, key),
              "start": ev.span.start if ev.span else None,
              "end": ev.span.end if ev.span else None}
             for rt, key, ev in records.evidence_in_document(session=db, doc_id=doc_id)]
    return {"ok": True, "document": doc, "facts": facts, "records": links}


def search(db: Session, q: str, paging: Paging, **filters: Any) -> dict[str, Any]:
    result = search_documents(session=db, q=q, limit=paging.limit, offset=paging.offset,
                              **filters)
    hits = [{"doc_id": h.doc_id, "title": h.title, "source": h.source,
             "published": views.plain(h.published), "language": h.language, "kind": h.kind,
             "score": h.score, "snippet": h.snippet, "marks": [list(m) for m in h.marks]}
            for h in result.hits]
    facets = {name: [{"value": views.plain(v), "count": n} for v, n in counts.items()]
              for name, counts in result.facets.items()}
    return listing(hits, result.total, paging, {"q": q, **filters}, facets=facets)


def conflicts(db: Session, paging: Paging, *, kind: str | None = None,
              subject: str | None = None) -> dict[str, Any]:
    rows, total = views.list_conflicts(db, kind=kind, subject=subject, limit=paging.limit,
                                       offset=paging.offset)
    data_atlas.attach_evidence(db, "conflict", rows)
    for c in rows:
        c["url"] = _subject_url(c["subject"])
    return listing(rows, total, paging, {"kind": kind, "subject": subject})


def _subject_url(subject: str) -> str | None:
    kind, _, rest = subject.partition(":")
    head = rest.partition(":")[0]
    if kind == "indicator" and head:
        return f"/indicators/{head}"
    if kind == "forum" and head.isdigit():
        return f"/forums/{head}"
    return None


def history(db: Session, paging: Paging, *, record_type: str | None = None,
            record_key: str | None = None) -> dict[str, Any]:
    rows, total = views.history(db, record_type=record_type, record_key=record_key,
                                limit=paging.limit, offset=paging.offset)
    for r in rows:
        r["url"] = record_url(r["record_type"], r["record_key"])
    return listing(rows, total, paging, {"record_type": record_type, "record_key": record_key},
                   record_types=sorted(records.TABLES))
