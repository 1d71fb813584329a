"""Cut a document's text into pieces for the reader: plain runs and runs covered by facts.

Facts may overlap (a region named inside a figure's sentence) or nest; the text is cut at
every fact boundary and each piece carries the facts that cover it, innermost (shortest)
first, so the template can colour it by kind and link it to the innermost fact's record.
Pieces are plain strings: the template escapes them (a text holding ``<script>`` shows as
text). A ``target`` span (from ``?at=start-end``) marks the sentence a record points at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Piece:
    text: str
    start: int
    facts: list[dict[str, Any]] = field(default_factory=list)
    target: bool = False
    anchors: list[str] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({f["kind"] for f in self.facts})

    @property
    def lead(self) -> dict[str, Any] | None:
        return self.facts[0] if self.facts else None


def _cuts(length: int, spans: list[tuple[int, int]]) -> list[int]:
    points = {0, length}
    for start, end in spans:
        points.add(max(0, min(start, length)))
        points.add(max(0, min(end, length)))
    return sorted(points)


def pieces(text: str, facts: list[dict[str, Any]],
           target: tuple[int, int] | None = None) -> list[Piece]:
    """The text as consecutive pieces; each fact dict needs ``kind``, ``start``, ``end``, ``id``."""
    shown = [f for f in facts if f["end"] > f["start"]]
    spans = [(f["start"], f["end"]) for f in shown]
    if target:
        spans.append(target)
    ordered = sorted(shown, key=lambda f: (f["end"] - f["start"], f["start"]))
    first_piece: dict[int, list[str]] = {}
    for f in shown:
        first_piece.setdefault(f["start"], []).append(f"f{f['id']}")
    out: list[Piece] = []
    cuts = _cuts(len(text), spans)
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        covering = [f for f in ordered if f["start"] <= a and b <= f["end"]]
        hit = bool(target) and target[0] <= a and b <= target[1]  # type: ignore[index]
        out.append(Piece(text[a:b], a, covering, hit, first_piece.pop(a, [])))
    return out
