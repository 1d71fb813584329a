"""The data behind the atlas pages and their JSON twins: forums, regions, partnerships, agreements.

Each function takes a session and the request's filters and returns the one dict that the
API answers and the page renders.
"""

from __future__ import annotations

from typing import Any

from coopatlas.api import geo
from coopatlas.api.deps import Paging, listing
from coopatlas.api.links import evidence_url
from coopatlas.errors import NotFound
from coopatlas.store import lists, views
from coopatlas.store.lists import asc, either, eq, has, same
from coopatlas.store.views import Session

ALL = lists.ALL
AGREEMENT_ORDER = (asc("signed_on", nulls_first=True), asc("title"))


def with_links(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for ev in evidence:
        ev["url"] = evidence_url(ev.get("doc_id"), ev.get("span_start"), ev.get("span_end"))
    return evidence


def attach_evidence(db: Session, record_type: str, rows: list[dict[str, Any]]) -> None:
    """Each row's evidence, in one query (a curated whole record keeps its own)."""
    found = views.evidence_for(db, record_type, [r["key"] for r in rows])
    for r in rows:
        r["evidence"] = with_links(found.get(r["key"]) or r.get("evidence") or [])


def _conds(filters: dict[str, Any], **named: tuple[Any, str]) -> list[lists.Cond]:
    """One condition per request filter given: ``name=(condition, column)``."""
    return [make(column, filters[name]) for name, (make, column) in named.items()
            if filters[name] is not None]


def _window(rows: list[dict[str, Any]], paging: Paging) -> list[dict[str, Any]]:
    return rows[paging.offset:paging.offset + paging.limit]


# ---------------------------------------------------------------- forums


def forums(db: Session, paging: Paging, *, year: int | None = None, city: str | None = None,
           country: str | None = None, format: str | None = None) -> dict[str, Any]:
    filters = {"year": year, "city": city, "country": country, "format": format}
    where = _conds(filters, year=(eq, "year"), city=(same, "city"),
                   country=(eq, "host_country"), format=(eq, "format"))
    shown, total = lists.select(db, "forum_edition", where=where, order=[asc("edition")],
                                limit=paging.limit, offset=paging.offset)
    attach_evidence(db, "forum_edition", shown)
    conflicts = views.conflicts_matching(db, "forum:")
    for r in shown:
        r["conflicts"] = [c for c in conflicts if c["subject"].startswith(f"forum:{r['edition']}:")]
    out = listing(shown, total, paging, filters)
    everything, _ = lists.select(db, "forum_edition", limit=ALL)
    _beside_reference(everything, shown, out)
    return out
def _beside_reference(rows: list[dict[str, Any]], shown: list[dict[str, Any]],
                      out: dict[str, Any]) -> None:
    """Each shown edition's fields checked against the curated reference table, and the
    reference editions the texts are silent on (so the timeline is complete)."""
    from coopatlas.atlas.reference_check import FIELDS, forum_timeline
    from coopatlas.model import ForumEdition

    timeline = forum_timeline(
        ForumEdition(r["edition"], **{f: r.get(f) for f in FIELDS}) for r in rows)
    checks = {e.edition: e.to_json() for e in timeline}
    for r in shown:
        r["reference"] = checks[r["edition"]]["fields"]
    out["reference_only"] = [e for e in checks.values() if not e["in_texts"]]


def forum(db: Session, edition: int) -> dict[str, Any]:
    found = lists.one(db, "forum_edition", str(edition))
    if found is None:
        raise NotFound(f"no forum edition {edition} in the atlas")
    attach_evidence(db, "forum_edition", [found])
    found["conflicts"] = views.conflicts_matching(db, f"forum:{edition}:")
    signed, _ = lists.select(db, "agreement", where=[eq("forum_edition", edition)],
                             order=AGREEMENT_ORDER, limit=ALL)
    attach_evidence(db, "agreement", signed)
    return {"ok": True, "forum": found, "agreements": signed,
            "documents": views.forum_documents(db, edition)}


# ---------------------------------------------------------------- regions


def map_data(db: Session) -> dict[str, Any]:
    """Points for every reference region (with activity) and lines for partnerships."""
    activity = views.region_activity(db)
    points = []
    for code, r in geo.regions().items():
        act = activity.get(code, {"mentions": 0, "partners": 0})
        points.append({**r, **act})
    links = [{"ru": ru, "kz": kz, "via": via or []} for ru, kz, via in
             lists.columns(db, "partnership", ("ru_region", "kz_region", "via"))]
    return {"regions": points, "links": links}


SORTS = ("code", "name", "mentions", "partners")


def regions(db: Session, paging: Paging, *, country: str | None = None,
            border: bool | None = None, q: str | None = None,
            sort: str = "code") -> dict[str, Any]:
    points = map_data(db)
    rows = [r for r in points["regions"]
            if (country is None or r["country"] == country)
            and (border is None or r["border"] == border)
            and (q is None or q.casefold() in f"{r['name_en']} {r['name_ru']} {r['code']}"
                 .casefold())]
    field = "name_en" if sort == "name" else sort
    rows.sort(key=lambda r: (-(r[field]) if field in ("mentions", "partners") else r[field],
                             r["code"]))
    filters = {"country": country, "border": border, "q": q, "sort": sort}
    return listing(_window(rows, paging), len(rows), paging, filters, map=points)


def region(db: Session, code: str) -> dict[str, Any]:
    ref = geo.region(code)
    if ref is None:
        raise NotFound(f"no region with ISO code {code!r} (try RU-OMS or KZ-55)")
    mine, _ = lists.select(db, "partnership", limit=ALL,
                           where=[either(eq("ru_region", code), eq("kz_region", code))])
    attach_evidence(db, "partnership", mine)
    for p in mine:
        other = p["kz_region"] if p["ru_region"] == code else p["ru_region"]
        p["partner"] = other
        p["partner_name"] = geo.name(other)
    return {"ok": True, "region": {**ref, **views.region_activity(db, code).get(code, {})},
            "partners": mine, **_region_records(db, code, ref),
            "figures": _figures(db, code),
            "mentions_over_time": [{"year": y, "count": n}
                                   for y, n in views.region_mentions_by_year(db, code)]}


def _region_records(db: Session, code: str, ref: dict[str, Any]) -> dict[str, Any]:
    centre = ref.get("centre") or ""
    asks = {"agreements": ("agreement", [has("parties", code)], AGREEMENT_ORDER),
            "visits": ("visit", [either(eq("region", code), eq("host_region", code))],
                       [asc("on", nulls_first=True)]),
            "projects": ("project", [has("regions", code)], [asc("name")]),
            "twin_cities": ("twin_pair", [either(same("city_a", centre),
                                                 same("city_b", centre))], [])}
    out: dict[str, Any] = {}
    for name, (record_type, where, order) in asks.items():
        rows = [] if name == "twin_cities" and not centre else lists.select(
            db, record_type, where=where, order=order, limit=ALL)[0]
        attach_evidence(db, record_type, rows)
        out[name] = rows
    return out


def _figures(db: Session, code: str) -> list[dict[str, Any]]:
    out = []
    for c in views.figures_about(db, code):
        fact = c.get("fact") or {}
        out.append({"doc_id": c["doc_id"], "title": c.get("title"), "published": c["published"],
                    "indicator": c.get("indicator"), "text": fact.get("text"),
                    "value": fact.get("value"), "unit": fact.get("unit"),
                    "period": fact.get("period"), "speaker": c.get("speaker"),
                    "url": evidence_url(c["doc_id"], c.get("sentence_start") or c["span_start"],
                                        c.get("sentence_end") or c["span_end"])})
    return out


# ---------------------------------------------------------------- partnerships, agreements


def partnerships(db: Session, paging: Paging, *, ru: str | None = None, kz: str | None = None,
                 via: str | None = None) -> dict[str, Any]:
    """A page of region pairs, and the matrix of every pair matching the filters (pairs of
    regions are few: at most Russia's border regions times Kazakhstan's)."""
    filters = {"ru": ru, "kz": kz, "via": via}
    where = _conds(filters, ru=(eq, "ru_region"), kz=(eq, "kz_region"), via=(has, "via"))
    keep, total = lists.select(db, "partnership", where=where, limit=ALL)
    for p in keep:
        p["ru_name"], p["kz_name"] = geo.name(p["ru_region"]), geo.name(p["kz_region"])
    shown = _window(keep, paging)
    attach_evidence(db, "partnership", shown)
    twins, _ = lists.select(db, "twin_pair", limit=ALL)
    attach_evidence(db, "twin_pair", twins)
    matrix = {"ru": sorted({p["ru_region"] for p in keep}),
              "kz": sorted({p["kz_region"] for p in keep}),
              "cells": {f"{p['ru_region']}|{p['kz_region']}": p.get("via") or [] for p in keep},
              "names": {c: geo.name(c) for p in keep for c in (p["ru_region"], p["kz_region"])}}
    return listing(shown, total, paging, filters, matrix=matrix, twin_cities=twins)


def agreements(db: Session, paging: Paging, *, kind: str | None = None,
               status: str | None = None, edition: int | None = None,
               party: str | None = None, year: int | None = None,
               q: str | None = None) -> dict[str, Any]:
    filters = {"kind": kind, "status": status, "edition": edition, "party": party,
               "year": year, "q": q}
    where = _conds(filters, kind=(eq, "kind"), status=(eq, "status"),
                   edition=(eq, "forum_edition"), party=(has, "parties"),
                   year=(lists.year, "signed_on"), q=(lists.contains, "title"))
    shown, total = lists.select(db, "agreement", where=where, order=AGREEMENT_ORDER,
                                limit=paging.limit, offset=paging.offset)
    attach_evidence(db, "agreement", shown)
    return listing(shown, total, paging, filters)


def agreement(db: Session, key: str) -> dict[str, Any]:
    found = lists.one(db, "agreement", key)
    if found is None:
        raise NotFound(f"no agreement with key {key!r}")
    attach_evidence(db, "agreement", [found])
    found["party_names"] = [geo.name(c) for c in found.get("parties") or []]
    return {"ok": True, "agreement": found}
