"""The data behind the overview, indicators, documents, search, conflicts and curation pages."""

from __future__ import annotations

from typing import Any

from coopatlas.api import data_atlas
from coopatlas.api.deps import Paging, listing
from coopatlas.api.links import claim_url, evidence_url, obs_anchor, record_url
from coopatlas.errors import NotFound
from coopatlas.model import INDICATORS
from coopatlas.store import lists, records, views
from coopatlas.store.lists import asc, eq
from coopatlas.store.search import search_documents
from coopatlas.store.views import Session

CHART_POINTS = 2000
LATEST = 8


def overview(db: Session) -> dict[str, Any]:
    latest, _ = views.list_documents(db, limit=LATEST, offset=0)
    return {"ok": True, "counts": views.counts(db), "latest_documents": latest,
            "map": data_atlas.map_data(db)}


# ---------------------------------------------------------------- indicators


OBSERVATIONS = "indicator_observation"
SERIES_ORDER = (asc("published"), asc("period"))
Spans = dict[str, list[tuple[int, int]]]
Rows = list[dict[str, Any]]


def _point(o: dict[str, Any], conflicted: Spans) -> dict[str, Any]:
    inside = any(s <= o["span_start"] and o["span_end"] <= e
                 for s, e in conflicted.get(o["doc_id"], ()))
    return {"key": o["key"], "value": o["value"], "unit": o["unit"], "period": o.get("period"),
            "published": o.get("published"), "quote": o.get("quote"),
            "speaker": o.get("speaker"), "doc_id": o["doc_id"], "qualifier": o.get("qualifier"),
            "anchor": obs_anchor(o["doc_id"], o["span_start"], o["span_end"]),
            "url": evidence_url(o["doc_id"], o["span_start"], o["span_end"]),
            "conflict": inside}


def _by_indicator(conflicts: Rows) -> dict[str, Rows]:
    out: dict[str, Rows] = {}
    for c in conflicts:
        out.setdefault(c["subject"].split(":")[1], []).append(c)
    return out


def _disputed(conflicts: Rows, evidence: dict[str, Rows]) -> Spans:
    """The spans (by document) that disagreements cite: a statement inside one is marked
    as conflicting."""
    spans: Spans = {}
    for c in conflicts:
        if c.get("kind", "disagreement") != "disagreement":
            continue
        for e in evidence.get(c["key"], ()):
            if e.get("span_start") is not None:
                spans.setdefault(e["doc_id"], []).append((e["span_start"], e["span_end"]))
    return spans


def indicators(db: Session, paging: Paging) -> dict[str, Any]:
    summaries = [{"indicator": g["value"], "observations": g["count"], "first": g["first"],
                  "last": g["last"]}
                 for g in lists.group(db, OBSERVATIONS, "indicator", span="published")]
    shown = summaries[paging.offset:paging.offset + paging.limit]
    names = [s["indicator"] for s in shown]
    series = lists.top(db, OBSERVATIONS, "indicator", names, order=SERIES_ORDER,
                       limit=CHART_POINTS)
    conflicts = _by_indicator(views.conflicts_matching(db, "indicator:"))
    shown_conflicts = [c for name in names for c in conflicts.get(name, [])]
    spans = views.evidence_spans(db, "conflict", [c["key"] for c in shown_conflicts])
    items = []
    for summary in shown:
        mine = conflicts.get(summary["indicator"], [])
        disputed = _disputed(mine, spans)
        items.append({**summary, "conflicts": len(mine),
                      "points": [_point(o, disputed) for o in series[summary["indicator"]]]})
    return listing(items, len(summaries), paging, {}, known=list(INDICATORS))


def indicator(db: Session, name: str, paging: Paging) -> dict[str, Any]:
    where = [eq("indicator", name)]
    rows, total = lists.select(db, OBSERVATIONS, where=where, order=SERIES_ORDER,
                               limit=paging.limit, offset=paging.offset)
    if total == 0 and name not in INDICATORS:
        raise NotFound(f"no indicator {name!r} (known: {', '.join(INDICATORS[:6])}...)")
    conflicts = views.conflicts_matching(db, f"indicator:{name}:")
    data_atlas.attach_evidence(db, "conflict", conflicts)
    mine = _disputed(conflicts, {c["key"]: c["evidence"] for c in conflicts})
    chart = rows if paging.offset == 0 and total <= paging.limit else lists.select(
        db, OBSERVATIONS, where=where, order=SERIES_ORDER, limit=CHART_POINTS)[0]
    return listing([_point(o, mine) for o in rows], total, paging, {}, indicator=name,
                   points=[_point(o, mine) for o in chart], conflicts=conflicts)


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
    links = [{"record_type": e["record_type"], "key": e["record_key"],
              "url": record_url(e["record_type"], e["record_key"]),
              "start": e["span_start"], "end": e["span_end"]}
             for e in views.evidence_in_document(db, doc_id)]
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
