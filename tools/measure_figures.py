"""Measure the figures stage against the gold of a corpus (default: ../shared seeds).

    .venv/bin/python tools/measure_figures.py [--corpus seeds | --golden DIR] [--verbose]

Builds a Document from each text (published = the gold date; furniture is left in),
runs the sentences stage when it is built, then the figures stage, and compares the
contract's ``figures`` list with the gold: precision/recall/F1 matched by (value, unit),
then indicator and period accuracy on the matched figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from coopatlas.doc import Doc
from coopatlas.errors import NotReady
from coopatlas.extract.contract import to_contract
from coopatlas.extract.figures import figures_stage
from coopatlas.model import Document
from coopatlas.pipeline import load_stage

SHARED = Path(__file__).resolve().parents[2] / "shared"


def build_doc(path: Path, published: str | None) -> Doc:
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    document = Document(
        doc_id=digest[:16], source=str(path), text=raw.decode("utf-8"), content_hash=digest,
        published=date.fromisoformat(published) if published else None,
    )
    doc = Doc(document)
    try:
        doc = load_stage("coopatlas.text.sentences:sentences_stage")(doc)
    except (NotReady, AttributeError):
        pass
    return doc


def _key(fig: dict[str, Any]) -> tuple[float, str]:
    return round(float(fig["value"]), 2), fig["unit"]


def match(found: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[dict, dict]]:
    """Pairs (found, gold) with equal (value, unit), the closest indicator/period first."""
    pairs, left = [], list(found)
    for strictness in (("indicator", "period"), ("indicator",), ()):
        for g in [g for g in gold if all(g is not p[1] for p in pairs)]:
            for f in left:
                if _key(f) == _key(g) and all(f[k] == g[k] for k in strictness):
                    pairs.append((f, g))
                    left.remove(f)
                    break
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="seeds")
    parser.add_argument("--golden", type=Path, help="a folder of NAME.txt + NAME.json pairs")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    totals = {"found": 0, "gold": 0, "matched": 0, "indicator": 0, "period": 0}
    gold_dir = args.golden or SHARED / "gold" / args.corpus
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text())
        texts = args.golden or SHARED / "corpus" / args.corpus
        text_path = texts / f"{gold_path.stem}.txt"
        found = to_contract(figures_stage(build_doc(text_path, gold["published"])))["figures"]
        pairs = match(found, gold["figures"])
        totals["found"] += len(found)
        totals["gold"] += len(gold["figures"])
        totals["matched"] += len(pairs)
        totals["indicator"] += sum(f["indicator"] == g["indicator"] for f, g in pairs)
        totals["period"] += sum(f["period"] == g["period"] for f, g in pairs)
        if args.verbose:
            report(gold_path.stem, found, gold["figures"], pairs)
    summary(totals)


def report(name: str, found: list[dict], gold: list[dict], pairs: list[tuple[dict, dict]]) -> None:
    print(f"== {name}")
    for f, g in pairs:
        marks = [k for k in ("indicator", "period") if f[k] != g[k]]
        if marks:
            print(f"  ~ {g['text']!r}: " + ", ".join(f"{k} {f[k]} != {g[k]}" for k in marks))
    for f in found:
        if all(f is not p[0] for p in pairs):
            print(f"  + {f['text']!r} {f['value']} {f['unit']} {f['indicator']} {f['period']}")
    for g in gold:
        if all(g is not p[1] for p in pairs):
            print(f"  - {g['text']!r} {g['value']} {g['unit']} {g['indicator']} {g['period']}")


def summary(t: dict[str, int]) -> None:
    precision = t["matched"] / t["found"] if t["found"] else 0.0
    recall = t["matched"] / t["gold"] if t["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    m = max(1, t["matched"])
    print(f"figures: found {t['found']}, gold {t['gold']}, matched {t['matched']}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"indicator accuracy {t['indicator'] / m:.3f}  period accuracy {t['period'] / m:.3f}")


if __name__ == "__main__":
    main()
