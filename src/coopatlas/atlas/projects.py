"""Joint projects named in the texts, merged across texts.

Claims are merged by normalised name (case, punctuation and a leading article ignored)
among those sharing a region: "the oil refinery in the Orenburg Region" said in two texts
is one project, while two different "joint venture"s in unrelated regions stay apart (the
later one named with its regions, so that every record keeps its own key). Regions are
the union of those stated; the status is the latest text's, where one states it; the
value is the latest stated one in US dollars (a value in another currency is kept in the
evidence only: nothing is converted).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from coopatlas.atlas.agreements import agreement_key
from coopatlas.atlas.sourced import Sourced, of_kind, unique_evidence
from coopatlas.model import Project, ProjectFact


def _clusters(group: list[Sourced]) -> list[list[Sourced]]:
    """Claims of one name split into sets that share a region (transitively)."""
    clusters: list[tuple[set[str], list[Sourced]]] = []
    for s in group:
        regions, members = set(s.claim.fact.regions), [s]
        kept = []
        for cluster_regions, cluster in clusters:
            if cluster_regions & regions:
                regions |= cluster_regions
                members = cluster + members
            else:
                kept.append((cluster_regions, cluster))
        clusters = [*kept, (regions, members)]
    return [sorted(c, key=lambda s: (s.published or date.min, s.doc_id, s.claim.span))
            for _, c in clusters]


def _record(group: list[Sourced], name: str) -> Project:
    group.sort(key=lambda s: (s.published or date.min, s.doc_id, s.claim.span))
    facts: list[ProjectFact] = [s.claim.fact for s in group]
    statuses = [f.status for f in facts if f.status]
    values = [f.value for f in facts if f.value is not None and f.unit == "USD"]
    return Project(
        name=name, regions=tuple(dict.fromkeys(r for f in facts for r in f.regions)),
        value_usd=values[-1] if values else None, status=statuses[-1] if statuses else None,
        evidence=unique_evidence(group))


def assemble_projects(items: Iterable[Sourced]) -> list[Project]:
    """One record per project, ordered by name."""
    by_name: dict[str, list[Sourced]] = defaultdict(list)
    for s in of_kind(items, "project"):
        if isinstance(s.claim.fact, ProjectFact):
            by_name[agreement_key(s.claim.fact.name)].append(s)
    out = []
    for group in by_name.values():
        group.sort(key=lambda s: (s.published or date.min, s.doc_id, s.claim.span))
        for i, cluster in enumerate(_clusters(group)):
            record = _record(cluster, cluster[0].claim.fact.name)
            if i:  # the same name for another project: its regions tell it apart
                record = _record(cluster, f"{record.name} [{', '.join(record.regions)}]")
            out.append(record)
    return sorted(out, key=lambda p: (agreement_key(p.name), p.regions))
