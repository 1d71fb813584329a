"""The export tables as plain rows (dicts of JSON-ready values), curated values applied.

Tables: forums, regions (with centroids and partner counts), partnerships (with both
centroids), agreements, indicators (observations), conflicts and claims (with evidence text).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from coopatlas.atlas.coverage import coverage, load_gazetteer
from coopatlas.atlas.sourced import quote_of

Row = dict[str, Any]

COLUMNS: dict[str, tuple[str, ...]] = {
    "forums": ("edition", "year", "date", "city", "host_country", "theme", "format",
               "documents_signed", "sources", "evidence"),
    "regions": ("code", "country", "name", "lat", "lon", "border", "partner_count", "partners",
                "via", "last_seen"),
    "partnerships": ("ru_region", "kz_region", "via", "first_seen", "last_seen", "sources",
                     "evidence", "ru_lat", "ru_lon", "kz_lat", "kz_lon"),
    "agreements": ("title", "kind", "parties", "signed_on", "forum_edition", "status",
                   "sources", "evidence"),
    "indicators": ("indicator", "value", "unit", "period", "qualifier", "doc_id", "span_start",
                   "span_end", "speaker", "published", "quote"),
    "conflicts": ("subject", "kind", "values", "sources", "evidence"),
    "claims": ("doc_id", "source", "kind", "span_start", "span_end", "rule",
               "extractor_version", "speaker", "fact", "evidence"),
}


def plain(value: Any) -> Any:
    """JSON-ready: dates as ISO strings, tuples as lists, dataclasses as dicts."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return plain(asdict(value))
    return value


def _with_evidence(record: Any, row: Row) -> Row:
    row["sources"] = len({e.doc_id or e.source_url for e in record.evidence})
    row["evidence"] = record.evidence[0].quote if record.evidence else None
    return {k: plain(v) for k, v in row.items()}


def _curated(session: Any, record_type: str) -> list[Any]:
    from coopatlas.store import curation

    return [r for _, r in curation.curated_records(session=session, record_type=record_type)]


def forums(session: Any) -> list[Row]:
    rows = [_with_evidence(f, {c: getattr(f, c) for c in COLUMNS["forums"][:8]})
            for f in _curated(session, "forum_edition")]
    return sorted(rows, key=lambda r: r["edition"])


def partnerships(session: Any, gaz: Any) -> list[Row]:
    out = []
    for p in _curated(session, "partnership"):
        ru, kz = _centroid(gaz, p.ru_region), _centroid(gaz, p.kz_region)
        row = {"ru_region": p.ru_region, "kz_region": p.kz_region, "via": p.via,
               "first_seen": p.first_seen, "last_seen": p.last_seen,
               "ru_lat": ru[0], "ru_lon": ru[1], "kz_lat": kz[0], "kz_lon": kz[1]}
        out.append(_with_evidence(p, row))
    return out


def _centroid(gaz: Any, code: str) -> tuple[float | None, float | None]:
    try:
        region = gaz.region(code)
    except Exception:  # a code the gazetteer lacks: no coordinates, the row stays
        return None, None
    return region.lat, region.lon


def regions(session: Any, gaz: Any) -> list[Row]:
    rows = coverage(_curated(session, "partnership"), gaz.regions())
    return [{**plain(asdict(r)), "partner_count": r.partner_count} for r in rows]


def agreements(session: Any) -> list[Row]:
    return [_with_evidence(a, {c: getattr(a, c) for c in COLUMNS["agreements"][:6]})
            for a in _curated(session, "agreement")]


def indicators(session: Any) -> list[Row]:
    rows = []
    for o in _curated(session, "indicator_observation"):
        row = {c: getattr(o, c) for c in COLUMNS["indicators"] if hasattr(o, c)}
        row |= {"span_start": o.span.start, "span_end": o.span.end}
        rows.append(plain(row))
    return sorted(rows, key=lambda r: (r["indicator"], r["published"] or "", r["doc_id"]))


def conflicts(session: Any) -> list[Row]:
    return [_with_evidence(c, {"subject": c.subject, "kind": c.kind, "values": c.values})
            for c in _curated(session, "conflict")]


def claims(session: Any) -> list[Row]:
    from coopatlas.store import codec, repo

    out = []
    by_doc: dict[str, list[Any]] = {}
    for c in repo.find_claims(session=session):
        by_doc.setdefault(c.doc_id, []).append(c)
    for doc_id, group in by_doc.items():
        document = repo.load_document(session=session, doc_id=doc_id)
        out += [{"doc_id": doc_id, "source": document.source, "kind": c.kind,
                 "span_start": c.span.start, "span_end": c.span.end, "rule": c.rule,
                 "extractor_version": c.extractor_version, "speaker": c.speaker,
                 "fact": plain(codec.encode(c.fact)), "evidence": quote_of(c, document.text)}
                for c in group]
    return out


def all_tables(store: Any) -> dict[str, list[Row]]:
    """Every export table, read in one transaction."""
    gaz = load_gazetteer()
    with store.session() as session:
        return {"forums": forums(session), "regions": regions(session, gaz),
                "partnerships": partnerships(session, gaz), "agreements": agreements(session),
                "indicators": indicators(session), "conflicts": conflicts(session),
                "claims": claims(session)}
