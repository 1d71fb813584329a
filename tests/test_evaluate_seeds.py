"""The event stages and the evaluation library on the shared seed corpus (skips without it)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from coopatlas.evaluate import Report, compare

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "gold" / "seeds"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not SEEDS.exists(), reason="../shared/gold/seeds is not present"),
]


def _golds() -> list[Path]:
    return sorted(SEEDS.glob("*.json"))


def test_gold_against_itself_scores_full_marks() -> None:
    report = Report()
    for path in _golds():
        gold = json.loads(path.read_text())
        report.add(compare(gold, gold, path.stem))
    assert all(s.f1 == 1.0 for s in report.sets.values())
    assert all(a.value == 1.0 for a in report.accuracy.values()) and not report.lines


def test_event_stages_reach_their_targets_on_the_seeds() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from measure_events import FIELDS, build_doc

    from coopatlas.extract.contract import to_contract
    from coopatlas.extract.forums import forums_stage
    from coopatlas.extract.signed import signed_stage
    from coopatlas.extract.twins import twins_stage

    report = Report()
    for path in _golds():
        gold = json.loads(path.read_text())
        doc, _ = build_doc(SHARED / "corpus" / "seeds" / f"{path.stem}.txt", gold["published"])
        found = to_contract(twins_stage(signed_stage(forums_stage(doc))))
        report.add(compare({k: found[k] for k in FIELDS}, gold, path.stem))
    assert report.sets["forums"].f1 >= 0.95
    assert all(report.accuracy[f"forum.{f}"].value >= 0.85
               for f in ("year", "date", "city", "host_country", "theme", "format"))
    assert report.sets["documents_signed"].f1 >= 0.75
    assert report.sets["twin_pairs"].f1 >= 0.9
