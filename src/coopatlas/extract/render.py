"""A human view of one extraction: the text, with every fact marked under the line it sits on.

    Trade grew by 34 percent over seven months.
                  ^^^^^^^^^^ figure 34 percent trade_growth 2021-01..2021-07  [figure.percent]
"""

from __future__ import annotations

from coopatlas.doc import Doc
from coopatlas.model import (
    Claim,
    Figure,
    ForumMention,
    Mention,
    ProjectFact,
    SignedDocument,
    TwinPairFact,
    VisitFact,
)


def describe(claim: Claim) -> str:
    fact = claim.fact
    if isinstance(fact, Mention):
        return f"{claim.kind} {fact.key}"
    if isinstance(fact, Figure):
        value = f"{int(fact.value):,}" if float(fact.value).is_integer() else f"{fact.value:g}"
        return f"figure {value} {fact.unit} {fact.indicator} {fact.period or '-'}"
    if isinstance(fact, ForumMention):
        parts = [f"forum #{fact.edition}"] + [
            f"{k}={v}" for k, v in (("year", fact.year), ("city", fact.city),
                                    ("host", fact.host_country), ("format", fact.format),
                                    ("theme", fact.theme)) if v
        ]
        return " ".join(parts)
    if isinstance(fact, SignedDocument):
        return f"signed {fact.kind}: {fact.title}"
    if isinstance(fact, TwinPairFact):
        return f"twin pair {fact.city_a} – {fact.city_b}"
    if isinstance(fact, VisitFact):
        return describe_visit(fact)
    if isinstance(fact, ProjectFact):
        return describe_project(fact)
    return f"{claim.kind} {fact}"


def describe_visit(fact: VisitFact) -> str:
    host = fact.host_region or fact.host_country
    if fact.host_city:
        host += f" ({fact.host_city})"
    when = fact.on.isoformat() if fact.on else fact.period or "-"
    return f"visit {fact.visitor} {fact.region} -> {host} {when} {fact.status}"


def describe_project(fact: ProjectFact) -> str:
    parts = [f"project {fact.name!r}", "regions=" + ",".join(fact.regions)]
    if fact.value is not None:
        parts.append(f"value={fact.value:,.0f} {fact.unit}")
    if fact.status:
        parts.append(f"status={fact.status}")
    return " ".join(parts)


def _marks(line_start: int, line: str, claims: list[Claim]) -> list[str]:
    out = []
    for claim in claims:
        left = claim.span.start - line_start
        width = max(1, min(claim.span.end, line_start + len(line)) - claim.span.start)
        speaker = f" ({claim.speaker})" if claim.speaker else ""
        out.append(" " * left + "^" * width + f" {describe(claim)}  [{claim.rule}]{speaker}")
    return out


def render(doc: Doc) -> str:
    """The document text, line by line, with the claims that start on each line under it."""
    claims = sorted(doc.claims, key=lambda c: (c.span.start, c.span.end))
    lines: list[str] = []
    offset = 0
    i = 0
    for line in doc.text.split("\n"):
        end = offset + len(line)
        here: list[Claim] = []
        while i < len(claims) and claims[i].span.start <= end:
            here.append(claims[i])
            i += 1
        lines.append(line)
        lines.extend(_marks(offset, line, here))
        offset = end + 1
    header = (f"# {doc.document.source}  published={doc.document.published}  "
              f"segments={max(1, len(doc.document.segments))}  facts={len(doc.claims)}")
    return "\n".join([header, *lines])
