"""The atlas: claims of all documents merged into forums, partnerships, agreements,
indicator series, conflicts and coverage; curation on top.

Library entry points: :func:`assemble` (rebuild the records in a store), :func:`build_atlas`
(the same from in-memory claims), and :mod:`coopatlas.atlas.curation` (correct, add,
retract, revert, history).
"""

from __future__ import annotations

from coopatlas.atlas.assemble import Atlas, assemble, build_atlas

__all__ = ["Atlas", "assemble", "build_atlas"]
