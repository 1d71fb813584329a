"""Indicator series and their conflicts, built from figure claims.

Every stated value becomes an :class:`IndicatorObservation` (value, unit, period, source,
speaker, date, quote). A *series* groups observations by indicator and unit, one point per
period with every value stated for it. Conflicts are told apart by period:

- the same indicator, unit and period (a missing period counts as one period, "-") carrying
  different values is a ``disagreement`` (border length 7,000 vs 7,500 km, no period);
- the same indicator carrying different values for different periods is a
  ``change_over_time`` (76 of 83 regions as of 2012, 76 of 85 as of 2019).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from coopatlas.atlas.sourced import Sourced, of_kind
from coopatlas.model import Conflict, Evidence, Figure, IndicatorObservation

NO_PERIOD = "-"
REL_TOLERANCE = 0.005  # values closer than 0.5% are the same statement (rounding)
SKIPPED = frozenset({"other"})


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One period of one indicator: every observation stated for it."""

    indicator: str
    unit: str
    period: str | None
    observations: tuple[IndicatorObservation, ...]

    @property
    def values(self) -> tuple[float, ...]:
        return distinct_values(o.value for o in self.observations)


def observation(item: Sourced) -> IndicatorObservation:
    fig: Figure = item.claim.fact
    return IndicatorObservation(
        indicator=fig.indicator, value=float(fig.value), unit=fig.unit, period=fig.period,
        doc_id=item.claim.doc_id, span=item.claim.span, quote=item.quote,
        speaker=item.claim.speaker, published=item.published, qualifier=fig.qualifier,
    )


def observations(items: Iterable[Sourced]) -> list[IndicatorObservation]:
    """One observation per figure claim with a known indicator, oldest statement first;
    figures of a text that never names Kazakhstan are not about this cooperation."""
    found = [observation(s) for s in of_kind(items, "figure")
             if isinstance(s.claim.fact, Figure) and s.claim.fact.indicator not in SKIPPED
             and s.on_topic]
    return sorted(found, key=_statement_order)


def _statement_order(o: IndicatorObservation) -> tuple[date, str, int]:
    return (o.published or date.min, o.doc_id, o.span.start)


def period_start(period: str | None, published: date | None = None) -> str:
    """A sortable start of a period: ``2017-01..2017-08`` -> ``2017-01``, ``asof:D`` -> ``D``.

    >>> period_start("2017-01..2017-08"), period_start("asof:2019-11-07"), period_start("2018")
    ('2017-01', '2019-11-07', '2018')
    """
    if period is None:
        return published.isoformat() if published else ""
    return period.removeprefix("asof:").split("..")[0]


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= REL_TOLERANCE * max(abs(a), abs(b))


def distinct_values(values: Iterable[float]) -> tuple[float, ...]:
    """Values with near-equal ones (rounding) folded into the first seen."""
    kept: list[float] = []
    for v in values:
        if not any(same_value(v, k) for k in kept):
            kept.append(v)
    return tuple(kept)


def _by(obs: Iterable[IndicatorObservation], key) -> dict:
    groups: dict = defaultdict(list)
    for o in obs:
        groups[key(o)].append(o)
    return groups


def series(obs: Iterable[IndicatorObservation]) -> list[SeriesPoint]:
    """Points per (indicator, unit, period), in indicator then period order."""
    groups = _by(obs, lambda o: (o.indicator, o.unit, o.period))
    points = [SeriesPoint(ind, unit, period, tuple(items))
              for (ind, unit, period), items in groups.items()]
    return sorted(points, key=lambda p: (
        p.indicator, p.unit, period_start(p.period), p.period or NO_PERIOD))


def format_value(value: float, unit: str) -> str:
    """A short human form: ``format_value(1.82e10, "USD")`` is ``'18.2 bn USD'``.

    >>> format_value(1.82e10, "USD"), format_value(7000, "km"), format_value(5e6, "people")
    ('18.2 bn USD', '7000 km', '5 m people')
    """
    for scale, word in ((1e9, " bn"), (1e6, " m")):
        if abs(value) >= scale:
            return f"{value / scale:g}{word} {unit}"
    return f"{value:g} {unit}"


def _evidence(obs: Iterable[IndicatorObservation]) -> tuple[Evidence, ...]:
    return tuple(Evidence(o.doc_id, o.span, o.quote, published=o.published)
                 for o in sorted(obs, key=_statement_order))


def _disagreements(points: list[SeriesPoint]) -> list[Conflict]:
    out = []
    for p in points:
        if len(p.values) > 1:
            out.append(Conflict(
                subject=f"indicator:{p.indicator}:{p.period or NO_PERIOD}",
                values=tuple(format_value(v, p.unit) for v in p.values),
                kind="disagreement", evidence=_evidence(p.observations)))
    return out


def _change_over_time(points: list[SeriesPoint]) -> list[Conflict]:
    dated = [p for p in points if p.period is not None]
    if len(dated) < 2 or len(distinct_values(v for p in dated for v in p.values)) < 2:
        return []
    first = dated[0]
    values = tuple(f"{format_value(v, p.unit)} ({p.period})" for p in dated for v in p.values)
    return [Conflict(
        subject=f"indicator:{first.indicator}", values=values, kind="change_over_time",
        evidence=_evidence(o for p in dated for o in p.observations))]


def conflicts(obs: Iterable[IndicatorObservation]) -> list[Conflict]:
    """Disagreements within a period and changes over time across periods, per indicator."""
    out: list[Conflict] = []
    by_indicator = _by(series(obs), lambda p: (p.indicator, p.unit))
    units = _by(by_indicator, lambda key: key[0])
    for (indicator, unit), points in sorted(by_indicator.items()):
        found = _disagreements(points) + _change_over_time(points)
        if len(units[indicator]) > 1:  # keep subjects unique: one indicator stated in two units
            found = [replace(c, subject=f"{c.subject}@{unit}") for c in found]
        out.extend(found)
    return out
