"""The read endpoints, each a JSON route under /api and its page twin (see :mod:`twins`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Path, Query

from coopatlas.api import data_atlas, data_docs
from coopatlas.api.deps import DB, Page
from coopatlas.api.twins import twin

Country = Literal["RU", "KZ"]
Code = Annotated[str, Path(pattern=r"^(RU|KZ)-[A-Z0-9]{1,4}$", description="ISO 3166-2 code")]
Edition = Annotated[int, Path(ge=1, le=200, description="the forum's ordinal number")]
Year = Annotated[int | None, Query(ge=1990, le=2100)]
Text = Annotated[str | None, Query(max_length=200)]


@twin("/overview", "overview.html", page_path="/", summary="What the atlas holds")
def overview(db: DB) -> dict[str, Any]:
    return data_docs.overview(db)


@twin("/forums", "forums.html", summary="Every forum edition (timeline)")
def forums(db: DB, paging: Page, year: Year = None, city: Text = None,
           country: Country | None = None,
           format: Literal["in-person", "video"] | None = None) -> dict[str, Any]:
    return data_atlas.forums(db, paging, year=year, city=city, country=country, format=format)


@twin("/forums/{edition}", "forum.html", summary="One forum edition with sources")
def forum(edition: Edition, db: DB) -> dict[str, Any]:
    return data_atlas.forum(db, edition)


@twin("/regions", "regions.html", summary="Regions of both countries with their activity")
def regions(db: DB, paging: Page, country: Country | None = None, border: bool | None = None,
            q: Text = None,
            sort: Literal["code", "name", "mentions", "partners"] = "code") -> dict[str, Any]:
    return data_atlas.regions(db, paging, country=country, border=border, q=q, sort=sort)


@twin("/regions/{code}", "region.html", summary="One region: partners, agreements, figures")
def region(code: Code, db: DB) -> dict[str, Any]:
    return data_atlas.region(db, code)


@twin("/partnerships", "partnerships.html", summary="Russian-Kazakhstani region pairs")
def partnerships(db: DB, paging: Page, ru: Text = None, kz: Text = None,
                 via: Text = None) -> dict[str, Any]:
    return data_atlas.partnerships(db, paging, ru=ru, kz=kz, via=via)


@twin("/agreements", "agreements.html", summary="Agreements, programmes and memoranda")
def agreements(db: DB, paging: Page, kind: Text = None, status: Text = None,
               edition: Annotated[int | None, Query(ge=1, le=200)] = None,
               party: Text = None, year: Year = None, q: Text = None) -> dict[str, Any]:
    return data_atlas.agreements(db, paging, kind=kind, status=status, edition=edition,
                                 party=party, year=year, q=q)


@twin("/agreements/{key}", "agreement.html", summary="One agreement with its sources")
def agreement(key: Annotated[str, Path(max_length=400)], db: DB) -> dict[str, Any]:
    return data_atlas.agreement(db, key)


@twin("/indicators", "indicators.html", summary="Every indicator with its statements")
def indicators(db: DB, paging: Page) -> dict[str, Any]:
    return data_docs.indicators(db, paging)


@twin("/indicators/{indicator}", "indicator.html", summary="One indicator's series")
def indicator(indicator: Annotated[str, Path(pattern=r"^[a-z_]{1,64}$")], db: DB,
              paging: Page) -> dict[str, Any]:
    return data_docs.indicator(db, indicator, paging)


@twin("/documents", "documents.html", summary="Documents, newest first")
def documents(db: DB, paging: Page, language: Text = None, kind: Text = None,
              year: Year = None, source: Text = None) -> dict[str, Any]:
    return data_docs.documents(db, paging, language=language, kind=kind, year=year,
                               source=source)


@twin("/documents/{doc_id}", "document.html", summary="A document's text and every fact")
def document(doc_id: Annotated[str, Path(max_length=80)], db: DB) -> dict[str, Any]:
    return data_docs.document(db, doc_id)


@twin("/search", "search.html", summary="Full-text search with facets")
def search(db: DB, paging: Page, q: Annotated[str, Query(max_length=500)] = "",
           year: Year = None, language: Text = None, kind: Text = None) -> dict[str, Any]:
    return data_docs.search(db, q, paging, year=year, language=language, kind=kind)


@twin("/conflicts", "conflicts.html", summary="Where sources disagree")
def conflicts(db: DB, paging: Page,
              kind: Literal["disagreement", "change_over_time"] | None = None,
              subject: Text = None) -> dict[str, Any]:
    return data_docs.conflicts(db, paging, kind=kind, subject=subject)


@twin("/curation/history", "history.html", summary="Curation edits, newest first")
def history(db: DB, paging: Page, record_type: Text = None,
            record_key: Text = None) -> dict[str, Any]:
    return data_docs.history(db, paging, record_type=record_type, record_key=record_key)
