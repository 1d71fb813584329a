"""Where things live in the portal: record pages and evidence anchors (one place for URLs)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlencode

SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def anchor(*parts: object) -> str:
    """An HTML id made of ``parts`` (characters outside [A-Za-z0-9_-] become ``-``)."""
    return SAFE.sub("-", "-".join(str(p) for p in parts))


def obs_anchor(doc_id: str, start: int, end: int) -> str:
    return anchor("obs", doc_id, start, end)


def evidence_url(doc_id: str | None, start: int | None, end: int | None) -> str | None:
    """The document reader at the highlighted sentence."""
    if not doc_id:
        return None
    if start is None or end is None:
        return f"/documents/{quote(doc_id)}"
    return f"/documents/{quote(doc_id)}?{urlencode({'at': f'{start}-{end}'})}#at"


def record_url(record_type: str, key: str, row: dict[str, Any] | None = None) -> str:
    """The page of an atlas record (``row``: its values, where the URL needs them)."""
    row = row or {}
    if record_type == "forum_edition":
        return f"/forums/{key}"
    if record_type == "agreement":
        return f"/agreements/{quote(key)}"
    if record_type == "partnership":
        ru, _, kz = key.partition("|")
        return f"/regions/{ru}#{anchor('partner', kz)}"
    if record_type == "indicator_observation":
        doc_id, _, rest = key.partition(":")
        span, _, indicator = rest.partition(":")
        start, _, end = span.partition("-")
        return f"/indicators/{indicator}#{obs_anchor(doc_id, int(start), int(end))}"
    if record_type == "conflict":
        return f"/conflicts#{anchor('c', key)}"
    if record_type == "twin_pair":
        return f"/partnerships#{anchor('twin', key)}"
    return f"/search?{urlencode({'q': row.get('title') or key})}"


def claim_url(claim: dict[str, Any]) -> str | None:
    """Where a fact found in a text leads: the record it feeds."""
    fact = claim.get("fact") or {}
    kind = claim["kind"]
    if kind == "region" and claim.get("key"):
        return f"/regions/{claim['key']}"
    if kind == "forum" and claim.get("edition") is not None:
        return f"/forums/{claim['edition']}"
    if kind == "figure" and claim.get("indicator"):
        anchor_id = obs_anchor(claim["doc_id"], claim["span_start"], claim["span_end"])
        return f"/indicators/{claim['indicator']}#{anchor_id}"
    if kind == "twin_pair":
        return f"/partnerships#{anchor('twin', claim.get('key') or '')}"
    if kind == "document_signed":
        return f"/agreements?{urlencode({'q': fact.get('title', '')})}"
    if kind == "city":
        return f"/search?{urlencode({'q': fact.get('surface') or claim.get('key') or ''})}"
    return None
