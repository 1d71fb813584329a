"""Visits of delegations, governors and akims across the border, merged across texts.

Claims of one visit are merged by visiting region, host (region, or country where the
text names only the country) and the stated time (a day, else a period). A visit whose
texts state no time is one per text. The record's date is the stated day, else the first
day of a stated single month; a wider stated time is the record's period. Planned and held
reports of one visit merge: the description of a held report wins, and the visit is "held"
once one text reports it held, "planned" while every text only announces it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from coopatlas.atlas.sourced import Sourced, of_kind, unique_evidence
from coopatlas.model import Visit, VisitFact


def visit_date(fact: VisitFact) -> date | None:
    """The stated day, or the first day of a stated single month; else ``None``.

    >>> visit_date(VisitFact("RU-OMS", "KZ-55", "KZ", "", period="2023-03..2023-03"))
    datetime.date(2023, 3, 1)
    >>> visit_date(VisitFact("RU-OMS", "KZ-55", "KZ", "", period="2021-07..2021-09")) is None
    True
    """
    if fact.on is not None:
        return fact.on
    period = fact.period or ""
    first, _, last = period.partition("..")
    if first and first == last and len(first) == 7:
        return date(int(first[:4]), int(first[5:]), 1)
    return None


def _group_key(s: Sourced) -> tuple[str, str, str]:
    fact: VisitFact = s.claim.fact
    host = fact.host_region or f"country:{fact.host_country}"
    when = fact.on.isoformat() if fact.on else fact.period or f"text:{s.doc_id}"
    return fact.region, host, when


def assemble_visits(items: Iterable[Sourced]) -> list[Visit]:
    """One record per visit (visitor, host, stated time), oldest first."""
    groups: dict[tuple[str, str, str], list[Sourced]] = defaultdict(list)
    for s in of_kind(items, "visit"):
        if isinstance(s.claim.fact, VisitFact):
            groups[_group_key(s)].append(s)
    out = []
    for group in groups.values():
        group.sort(key=lambda s: (s.claim.fact.status != "held", s.published or date.min,
                                  s.doc_id, s.claim.span))
        fact: VisitFact = group[0].claim.fact
        on = visit_date(fact)
        out.append(Visit(region=fact.region, host_region=fact.host_region,
                         on=on, description=fact.description,
                         evidence=unique_evidence(group),
                         period=None if on else next(
                             (s.claim.fact.period for s in group if s.claim.fact.period), None),
                         status=fact.status))
    return sorted(out, key=lambda v: (v.on is None, v.on or date.min, v.region,
                                      v.host_region or "", v.description))
