"""Measure the event stages (forums, documents signed, twin pairs) against a corpus's gold.

    .venv/bin/python tools/measure_events.py [--corpus seeds] [--verbose]

Builds a Document from each text (published = the gold date), runs the sentences and
places stages when they are built, then forums, documents_signed and twin_pairs, and
scores those three fields with coopatlas.evaluate. While the places stage is not built,
city mentions come from a plain scan of the gazetteer's city names (marked in the output:
"places: gazetteer scan"), so the forum and twin figures are then an upper bound.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from coopatlas.doc import Doc
from coopatlas.errors import NotReady
from coopatlas.evaluate import Report, compare, render_report
from coopatlas.extract.contract import to_contract
from coopatlas.extract.forums import forums_stage
from coopatlas.extract.signed import signed_stage
from coopatlas.extract.twins import twins_stage
from coopatlas.model import Document, Mention, Span
from coopatlas.pipeline import load_stage

SHARED = Path(__file__).resolve().parents[2] / "shared"
FIELDS = ("forums", "documents_signed", "twin_pairs")


def _stage(target: str) -> Any:
    try:
        return load_stage(target)
    except (NotReady, AttributeError):
        return None


def _scan_cities(doc: Doc) -> None:
    from coopatlas.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    names: dict[str, str] = {}
    for city in gaz.cities():
        for name in (city.name, *city.aliases, *(f.name for f in city.former)):
            names[name] = city.name
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len,
                                                  reverse=True)) + r")\b")
    for m in pattern.finditer(doc.text):
        doc.mentions.append(Mention("city", names[m.group(1)], m.group(1),
                                    Span(m.start(), m.end()), "measure:scan"))


def build_doc(path: Path, published: str | None) -> tuple[Doc, str]:
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    doc = Doc(Document(
        doc_id=digest[:16], source=str(path), text=raw.decode("utf-8"), content_hash=digest,
        published=date.fromisoformat(published) if published else None,
    ))
    sentences = _stage("coopatlas.text.sentences:sentences_stage")
    if sentences:
        doc = sentences(doc)
    places = _stage("coopatlas.extract.places:places_stage")
    if places:
        return places(doc), "places stage"
    _scan_cities(doc)
    return doc, "gazetteer scan"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", default="seeds")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    report, how = Report(), ""
    for gold_path in sorted((SHARED / "gold" / args.corpus).glob("*.json")):
        gold = json.loads(gold_path.read_text())
        doc, how = build_doc(SHARED / "corpus" / args.corpus / f"{gold_path.stem}.txt",
                             gold["published"])
        found = to_contract(twins_stage(signed_stage(forums_stage(doc))), gold_path.stem)
        subset = {k: gold[k] for k in FIELDS} | {"doc": gold["doc"]}
        result = compare({k: found[k] for k in FIELDS}, subset, gold_path.stem)
        result.lines = [line for line in result.lines
                        if line.split()[1].split(".")[0] in ("forums", "forum", *FIELDS)]
        report.add(result)
    for name in [n for n in report.sets if n not in FIELDS]:
        del report.sets[name]
    for name in [n for n in report.accuracy if not n.startswith("forum.")]:
        del report.accuracy[name]
    print(f"places: {how}")
    text = render_report(report)
    print(text if args.verbose else text.split("\n\n")[0] + "\n\n" + text.split("\n\n")[1])


if __name__ == "__main__":
    main()
