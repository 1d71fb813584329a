"""The data behind the atlas pages and their JSON twins: forums, regions, partnerships, agreements.

Each function takes a session and the request's filters and returns the one dict that the
API answers and the page renders.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from coopatlas.api import geo
from coopatlas.api.deps import Paging, listing
from coopatlas.api.links import evidence_url
from coopatlas.errors import NotFound
from coopatlas.store import views

ALL = 100_000


def with_links(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for ev in evidence:
        ev["url"] = evidence_url(ev.get("doc_id"), ev.get("span_start"), ev.get("span_end"))
    return evidence


def attach_evidence(db: Session, record_type: str, rows: list[dict[str, Any]]) -> None:
    found = views.evidence_for(db, record_type, [r["key"] for r in rows])
    for r in rows:
        r["evidence"] = with_links(found.get(r["key"], []))


def _window(rows: list[dict[str, Any]], paging: Paging) -> list[dict[str, Any]]:
    return rows[paging.offset:paging.offset + paging.limit]


# ---------------------------------------------------------------- forums


def forums(db: Session, paging: Paging, *, year: int | None = None, city: str | None = None,
           country: str | None = None, format: str | None = None) -> dict[str, Any]:
    rows, _ = views.list_records(db, "forum_edition", limit=ALL)
    keep = [r for r in rows
            if (year is None or r.get("year") == year)
            and (city is None or (r.get("city") or "").casefold() == city.casefold())
            and (country is None or r.get("host_country") == country)
            and (format is None or r.get("format") == format)]
    keep.sort(key=lambda r: r["edition"])
    shown = _window(keep, paging)
    attach_evidence(db, "forum_edition", shown)
    conflicts = views.conflicts_matching(db, "forum:")
    for r in shown:
        r["conflicts"] = [c for c in conflicts if c["subject"].startswith(f"forum:{r['edition']}:")]
    filters = {"year": year, "city": city, "country": country, "format": format}
    out = listing(shown, len(keep), paging, filters)
    _beside_reference(rows, shown, out)
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
    found = views.record(db, "forum_edition", str(edition))
    if found is None:
        raise NotFound(f"no forum edition {edition} in the atlas")
    attach_evidence(db, "forum_edition", [found])
    found["conflicts"] = views.conflicts_matching(db, f"forum:{edition}:")
    agreements, _ = views.list_records(db, "agreement", limit=ALL)
    signed = [a for a in agreements if a.get("forum_edition") == edition]
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
    partnerships, _ = views.list_records(db, "partnership", limit=ALL)
    links = [{"ru": p["ru_region"], "kz": p["kz_region"], "via": p.get("via") or []}
             for p in partnerships]
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
    partners, _ = views.list_records(db, "partnership", limit=ALL)
    mine = [p for p in partners if code in (p["ru_region"], p["kz_region"])]
    attach_evidence(db, "partnership", mine)
    for p in mine:
        other = p["kz_region"] if p["ru_region"] == code else p["ru_region"]
        p["partner"] = other
        p["partner_name"] = geo.name(other)
    return {"ok": True, "region": {**ref, **views.region_activity(db).get(code, {})},
            "partners": mine, **_region_records(db, code, ref),
            "figures": _figures(db, code),
            "mentions_over_time": [{"year": y, "count": n}
                                   for y, n in views.region_mentions_by_year(db, code)]}


def _region_records(db: Session, code: str, ref: dict[str, Any]) -> dict[str, Any]:
    agreements = [a for a in views.list_records(db, "agreement", limit=ALL)[0]
                  if code in (a.get("parties") or [])]
    visits = [v for v in views.list_records(db, "visit", limit=ALL)[0]
              if code in (v.get("region"), v.get("host_region"))]
    projects = [p for p in views.list_records(db, "project", limit=ALL)[0]
                if code in (p.get("regions") or [])]
    centre = (ref.get("centre") or "").casefold()
    twins = [p for p in views.list_records(db, "twin_pair", limit=ALL)[0]
             if centre and centre in (p["city_a"].casefold(), p["city_b"].casefold())]
    out = {"agreements": agreements, "visits": visits, "projects": projects, "twin_cities": twins}
    for record_type, rows in (("agreement", agreements), ("visit", visits),
                              ("project", projects), ("twin_pair", twins)):
        attach_evidence(db, record_type, rows)
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
    rows, _ = views.list_records(db, "partnership", limit=ALL)
    keep = [p for p in rows if (ru is None or p["ru_region"] == ru)
            and (kz is None or p["kz_region"] == kz)
            and (via is None or via in (p.get("via") or []))]
    for p in keep:
        p["ru_name"], p["kz_name"] = geo.name(p["ru_region"]), geo.name(p["kz_region"])
    shown = _window(keep, paging)
    attach_evidence(db, "partnership", shown)
    twins = views.list_records(db, "twin_pair", limit=ALL)[0]
    attach_evidence(db, "twin_pair", twins)
    matrix = {"ru": sorted({p["ru_region"] for p in keep}),
              "kz": sorted({p["kz_region"] for p in keep}),
              "cells": {f"{p['ru_region']}|{p['kz_region']}": p.get("via") or [] for p in keep},
              "names": {c: geo.name(c) for p in keep for c in (p["ru_region"], p["kz_region"])}}
    return listing(shown, len(keep), paging, {"ru": ru, "kz": kz, "via": via},
                   matrix=matrix, twin_cities=twins)


def agreements(db: Session, paging: Paging, *, kind: str | None = None,
               status: str | None = None, edition: int | None = None,
               party: str | None = None, year: int | None = None,
               q: str | None = None) -> dict[str, Any]:
    rows, _ = views.list_records(db, "agreement", limit=ALL)
    keep = [a for a in rows if (kind is None or a.get("kind") == kind)
            and (status is None or a.get("status") == status)
            and (edition is None or a.get("forum_edition") == edition)
            and (party is None or party in (a.get("parties") or []))
            and (year is None or str(a.get("signed_on") or "").startswith(str(year)))
            and (q is None or q.casefold() in (a.get("title") or "").casefold())]
    keep.sort(key=lambda a: (str(a.get("signed_on") or ""), a["title"]))
    shown = _window(keep, paging)
    attach_evidence(db, "agreement", shown)
    filters = {"kind": kind, "status": status, "edition": edition, "party": party,
               "year": year, "q": q}
    return listing(shown, len(keep), paging, filters)


def agreement(db: Session, key: str) -> dict[str, Any]:
    found = views.record(db, "agreement", key)
    if found is None:
        raise NotFound(f"no agreement with key {key!r}")
    attach_evidence(db, "agreement", [found])
    found["party_names"] = [geo.name(c) for c in found.get("parties") or []]
    return {"ok": True, "agreement": found}
