"""The curated table of forum editions: load ``forum_editions.json`` and check it.

The table is compiled by the project from public pages (see ``SOURCES.md``); every fact
carries the URLs that state it, and a row is ``verified`` only when its edition number,
year and city each have one and the edition has taken place. The atlas shows it next to
what extraction found, so the forums timeline is complete where the texts are silent.

>>> editions = load_forum_reference()
>>> editions[0].edition, editions[0].year, editions[0].city
(1, 2003, 'Omsk')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coopatlas.errors import ConfigError

DATA_FILE = Path(__file__).with_name("forum_editions.json")
COUNTRIES = ("RU", "KZ")
FORMATS = ("in-person", "video")
STATUSES = ("verified", "unverified")
FACT_FIELDS = ("edition", "year", "date", "city", "theme", "format", "heads_of_state")
REQUIRED_FOR_VERIFIED = ("edition", "year", "city")
DATE_RE = re.compile(r"^(\d{4})-\d{2}(-\d{2}(/\d{4}-\d{2}-\d{2})?)?$")
URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s/]+\S*$")


class ReferenceDataError(ConfigError):
    """The bundled reference table breaks one of its rules."""


@dataclass(frozen=True, slots=True)
class ReferenceEdition:
    """One edition of the forum as the curated table records it."""

    edition: int
    year: int
    date: str | None
    city: str | None
    city_then: str | None
    host_country: str | None
    theme: str | None
    format: str | None
    heads_of_state: tuple[str, ...]
    held: bool | None
    status: str
    note: str | None
    name_then: str | None
    sources: dict[str, tuple[str, ...]]

    @property
    def verified(self) -> bool:
        return self.status == "verified"

    def sources_for(self, field: str) -> tuple[str, ...]:
        """URLs that state ``field`` for this edition (empty when none was found)."""
        return self.sources.get(field, ())


@dataclass(frozen=True, slots=True)
class SkippedYear:
    year: int
    reason: str
    sources: tuple[str, ...]


def load_forum_reference(path: Path | None = None) -> list[ReferenceEdition]:
    """Every edition of the forum, ordered by edition number, checked against the rules."""
    file = path or DATA_FILE
    editions = [_edition(row, file) for row in _list(_read(file), "editions", file)]
    validate_editions(editions, exceptions=alternation_exceptions(file), source=str(file))
    return editions


def load_skipped_years(path: Path | None = None) -> list[SkippedYear]:
    """Years without a forum (2004, 2020), each with its reason and sources."""
    raw = _read(path or DATA_FILE)
    return [
        SkippedYear(int(r["year"]), str(r["reason"]), tuple(r.get("sources", ())))
        for r in _list(raw, "skipped_years", path)
    ]


def alternation_exceptions(path: Path | None = None) -> frozenset[tuple[int, int]]:
    """Pairs of consecutive editions documented as both held in the same country."""
    raw = _read(path or DATA_FILE)
    return frozenset(
        (int(e["editions"][0]), int(e["editions"][1]))
        for e in _list(raw, "alternation_exceptions", path)
    )


def validate_editions(
    editions: list[ReferenceEdition],
    *,
    exceptions: frozenset[tuple[int, int]] = frozenset(),
    source: str = "forum reference",
) -> None:
    """Raise :class:`ReferenceDataError` naming the first edition that breaks a rule."""
    for ed in editions:
        _check_row(ed, source)
    _check_order(editions, source)
    _check_alternation(editions, exceptions, source)


def _check_row(ed: ReferenceEdition, source: str) -> None:
    problems = _row_problems(ed)
    if problems:
        raise ReferenceDataError(f"edition {ed.edition}: {problems[0]}", source=source)


def _row_problems(ed: ReferenceEdition) -> list[str]:
    problems: list[str] = []
    if ed.edition < 1:
        problems.append("edition number must be a positive integer")
    if ed.host_country not in (*COUNTRIES, None):
        problems.append(f"host_country {ed.host_country!r} is not RU or KZ")
    if ed.format not in (*FORMATS, None):
        problems.append(f"format {ed.format!r} is not in-person or video")
    if ed.status not in STATUSES:
        problems.append(f"status {ed.status!r} is not verified or unverified")
    problems += _date_problems(ed) + _source_problems(ed)
    if not ed.city and not ed.note:
        problems.append("an edition without a city needs a note saying why")
    if ed.status == "unverified" and not ed.note:
        problems.append("an unverified edition needs a note")
    return problems


def _date_problems(ed: ReferenceEdition) -> list[str]:
    if ed.date is None:
        return []
    match = DATE_RE.match(ed.date)
    if not match:
        return [f"date {ed.date!r} is not YYYY-MM-DD, YYYY-MM-DD/YYYY-MM-DD or YYYY-MM"]
    if int(match.group(1)) != ed.year:
        return [f"date {ed.date!r} is not in year {ed.year}"]
    return []


def _source_problems(ed: ReferenceEdition) -> list[str]:
    problems = [f"unknown source field {f!r}" for f in ed.sources if f not in FACT_FIELDS]
    problems += [
        f"source {url!r} for {field} is not an http(s) URL"
        for field, urls in ed.sources.items()
        for url in urls
        if not URL_RE.match(url)
    ]
    if ed.verified:
        missing = [f for f in REQUIRED_FOR_VERIFIED if not ed.sources_for(f)]
        if missing:
            problems.append(f"verified but no source for {', '.join(missing)}")
        if ed.held is not True:
            problems.append("verified but not known to have taken place")
    return problems


def _check_order(editions: list[ReferenceEdition], source: str) -> None:
    for before, after in zip(editions, editions[1:], strict=False):
        if after.edition <= before.edition:
            raise ReferenceDataError(
                f"edition {after.edition} follows {before.edition}: numbers must be unique "
                "and increasing",
                source=source,
            )
        if after.year <= before.year:
            raise ReferenceDataError(
                f"edition {after.edition} ({after.year}) is not later than edition "
                f"{before.edition} ({before.year})",
                source=source,
            )


def _check_alternation(
    editions: list[ReferenceEdition], exceptions: frozenset[tuple[int, int]], source: str
) -> None:
    for before, after in zip(editions, editions[1:], strict=False):
        if before.host_country is None or after.host_country is None:
            continue
        same = before.host_country == after.host_country
        if same and (before.edition, after.edition) not in exceptions:
            raise ReferenceDataError(
                f"editions {before.edition} and {after.edition} are both hosted by "
                f"{after.host_country}; hosts alternate unless an exception is documented",
                source=source,
            )


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        message = f"cannot read the reference table: {exc}"
        raise ReferenceDataError(message, source=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise ReferenceDataError(f"not valid JSON: {exc}", source=str(path)) from exc
    if not isinstance(raw, dict):
        raise ReferenceDataError("top level must be an object", source=str(path))
    return raw


def _list(raw: dict[str, Any], key: str, path: Path | None) -> list[dict[str, Any]]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        message = f"{key!r} must be a list of objects"
        raise ReferenceDataError(message, source=str(path or DATA_FILE))
    return value


def _edition(row: dict[str, Any], path: Path) -> ReferenceEdition:
    try:
        return ReferenceEdition(
            edition=_int(row["edition"]),
            year=_int(row["year"]),
            date=row.get("date"),
            city=row.get("city") or None,
            city_then=row.get("city_then") or None,
            host_country=row.get("host_country"),
            theme=row.get("theme"),
            format=row.get("format"),
            heads_of_state=tuple(row.get("heads_of_state") or ()),
            held=row.get("held", True),
            status=str(row.get("status", "unverified")),
            note=row.get("note"),
            name_then=row.get("name_then"),
            sources={str(k): tuple(v) for k, v in (row.get("sources") or {}).items()},
        )
    except (KeyError, TypeError, ValueError) as exc:
        label = row.get("edition", "?")
        raise ReferenceDataError(f"edition {label}: bad row ({exc!r})", source=str(path)) from exc


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {value!r}")
    return value
