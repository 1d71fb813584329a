"""Measure the places stage on the seed texts: regions and cities precision / recall / F1.

    .venv/bin/python tools/measure_places.py [--corpus ../shared/corpus/seeds]
                                             [--gold ../shared/gold/seeds] [-v]

Until the readers land, a Document is built here from the raw file text. Gold regions that
are cities of their own (RU-MOW, RU-SPE, RU-SEV, KZ-71, KZ-75, KZ-79) are scored as cities,
as the contract says (gold/seeds/003 lists RU-MOW under regions).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path

from coopatlas.doc import Doc
from coopatlas.extract.places import places_stage
from coopatlas.gazetteer import load_gazetteer
from coopatlas.model import Document

ROOT = Path(__file__).resolve().parents[1]
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LONG = re.compile(r"\b([A-Z][a-z]+ \d{1,2}, \d{4})\b")


def first_date(text: str) -> date | None:
    m = _ISO.search(text)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    for m in _LONG.finditer(text):
        try:
            return datetime.strptime(m[1], "%B %d, %Y").date()
        except ValueError:
            continue
    return None


def document_of(path: Path) -> Document:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    return Document(doc_id=path.stem, source=str(path), text=text,
                    content_hash=hashlib.sha256(raw).hexdigest(), published=first_date(text))


def gold_sets(gold: dict) -> tuple[set[str], set[str]]:
    gaz = load_gazetteer()
    regions, cities = set(), set(gold["cities"])
    for code in gold["regions"]:
        region = gaz.region(code)
        if region.is_city_region:
            cities.add(gaz.city(region.name_en).name)  # type: ignore[union-attr]
        else:
            regions.add(code)
    return regions, cities


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/seeds")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared/gold/seeds")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    totals = {"regions": [0, 0, 0], "cities": [0, 0, 0]}
    for path in sorted(args.corpus.glob("*.txt")):
        gold = json.loads((args.gold / f"{path.stem}.json").read_text(encoding="utf-8"))
        doc = places_stage(Doc(document_of(path)))
        got = {"regions": {c.fact.key for c in doc.claims if c.kind == "region"},
               "cities": {c.fact.key for c in doc.claims if c.kind == "city"}}
        want = dict(zip(("regions", "cities"), gold_sets(gold), strict=True))
        for kind in totals:
            tp, fp, fn = (len(got[kind] & want[kind]), len(got[kind] - want[kind]),
                          len(want[kind] - got[kind]))
            totals[kind] = [a + b for a, b in zip(totals[kind], (tp, fp, fn), strict=True)]
            if args.verbose and (fp or fn):
                print(f"{path.stem} {kind}: extra {sorted(got[kind] - want[kind])} "
                      f"missing {sorted(want[kind] - got[kind])}")
    for kind, (tp, fp, fn) in totals.items():
        p, r, f = prf(tp, fp, fn)
        print(f"{kind:8s} tp={tp:3d} fp={fp:3d} fn={fn:3d}  P={p:.3f} R={r:.3f} F1={f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
