"""``assemble(store)``: rebuild the atlas records from every stored claim.

Claims are read with their documents' dates and evidence sentences, turned into forum
editions, twin pairs, partnerships, agreements, visits, projects, indicator observations
and conflicts, and
written back in one transaction, replacing the extracted records. Curated values live in
their own overlay (:mod:`coopatlas.store.curation`) and are never touched here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from coopatlas.atlas.agreements import assemble_agreements
from coopatlas.atlas.forums import assemble_forums, edition_of_docs, forum_conflicts
from coopatlas.atlas.indicators import conflicts as indicator_conflicts
from coopatlas.atlas.indicators import observations
from coopatlas.atlas.partnerships import CityRegion, assemble_partnerships
from coopatlas.atlas.projects import assemble_projects
from coopatlas.atlas.sourced import Sourced, names_kazakhstan, of_kind, quote_of, unique_evidence
from coopatlas.atlas.visits import assemble_visits
from coopatlas.model import Claim, Project, TwinPair, TwinPairFact, Visit

KINDS = ("figure", "forum", "document_signed", "twin_pair", "visit", "project")
RECORD_TYPES = ("forum_edition", "twin_pair", "partnership", "agreement", "visit", "project",
                "indicator_observation", "conflict")


@dataclass
class Atlas:
    """The assembled records, as written to the store."""

    forums: list[Any]
    twin_pairs: list[TwinPair]
    partnerships: list[Any]
    agreements: list[Any]
    observations: list[Any]
    conflicts: list[Any]
    visits: list[Visit] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)

    def records(self) -> list[Any]:
        return [r for group in (self.forums, self.twin_pairs, self.partnerships,
                                self.agreements, self.visits, self.projects,
                                self.observations, self.conflicts)
                for r in group]

    def counts(self) -> dict[str, int]:
        return {"forums": len(self.forums), "twin_pairs": len(self.twin_pairs),
                "partnerships": len(self.partnerships), "agreements": len(self.agreements),
                "visits": len(self.visits), "projects": len(self.projects),
                "indicators": len(self.observations), "conflicts": len(self.conflicts)}


def load_sourced(store: Any) -> list[Sourced]:
    """The claims assembly needs, each with its document's date, source and quote.

    Region mentions are read only for documents that report a signing (for joint mentions).
    """
    from coopatlas.store import repo

    with store.session() as session:
        claims = repo.find_claims(session=session, kinds=KINDS)
        signing_docs = {c.doc_id for c in claims if c.kind == "document_signed"}
        for doc_id in sorted(signing_docs):
            claims += repo.find_claims(session=session, doc_id=doc_id, kinds=("region",))
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in claims:
            by_doc[c.doc_id].append(c)
        out = []
        for doc_id, group in by_doc.items():
            document = repo.load_document(session=session, doc_id=doc_id)
            on_topic = names_kazakhstan(document.text)
            out += [Sourced(c, document.published, quote_of(c, document.text), document.source,
                            on_topic) for c in group]
    return out


def twin_pairs(items: Iterable[Sourced]) -> list[TwinPair]:
    """One record per unordered city pair, in the order first stated."""
    groups: dict[frozenset[str], list[Sourced]] = defaultdict(list)
    for s in of_kind(items, "twin_pair"):
        fact: TwinPairFact = s.claim.fact
        groups[frozenset((fact.city_a, fact.city_b))].append(s)
    out = []
    for group in groups.values():
        first: TwinPairFact = group[0].claim.fact
        out.append(TwinPair(first.city_a, first.city_b, unique_evidence(group)))
    return out


def build_atlas(items: list[Sourced], city_region: CityRegion | None = None) -> Atlas:
    """The atlas records from sourced claims (no store needed)."""
    forums = assemble_forums(items)
    obs = observations(items)
    return Atlas(
        forums=[f.edition for f in forums],
        twin_pairs=twin_pairs(items),
        partnerships=assemble_partnerships(items, city_region),
        agreements=assemble_agreements(items, edition_of_docs(items)),
        observations=obs,
        conflicts=forum_conflicts(forums) + indicator_conflicts(obs),
        visits=assemble_visits(items),
        projects=assemble_projects(items),
    )


def assemble(store: Any, *, city_region: CityRegion | None = None) -> Atlas:
    """Rebuild every extracted atlas record in ``store`` from its claims; returns them.

    Runs in one transaction: readers see the old atlas or the new one, never a mix.
    Curated values and edit history are left as they are.
    """
    from coopatlas.store import records

    atlas = build_atlas(load_sourced(store), city_region)
    with store.session() as session:
        for record_type in RECORD_TYPES:
            records.clear_records(session=session, record_type=record_type)
        records.save_records(session=session, records=atlas.records())
    return atlas
