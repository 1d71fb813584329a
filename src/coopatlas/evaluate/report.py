"""Evaluate a corpus: extract each text, compare it with its gold, sum and render the scores."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coopatlas.errors import AtlasError, ConfigError, UnreadableSource
from coopatlas.evaluate.compare import SET_FIELDS, DocResult, compare
from coopatlas.evaluate.metrics import Accuracy, SetScore

Extract = Callable[[Path], dict[str, Any]]


@dataclass
class Report:
    """Scores summed over a corpus, each document's result, and texts that failed."""

    docs: list[DocResult] = field(default_factory=list)
    sets: dict[str, SetScore] = field(default_factory=lambda: {f: SetScore() for f in SET_FIELDS})
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, result: DocResult) -> None:
        self.docs.append(result)
        for name, score in result.sets.items():
            self.sets.setdefault(name, SetScore()).add(score)
        for name, acc in result.accuracy.items():
            self.accuracy.setdefault(name, Accuracy()).add(acc)

    @property
    def lines(self) -> list[str]:
        return [line for doc in self.docs for line in doc.lines]

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": len(self.docs),
            "fields": {n: {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                           "tp": s.tp, "fp": s.fp, "fn": s.fn} for n, s in self.sets.items()},
            "accuracy": {n: {"value": a.value, "right": a.right, "total": a.total}
                         for n, a in sorted(self.accuracy.items())},
            "findings": self.lines,
            "errors": self.errors,
        }


def load_gold(path: Path) -> dict[str, Any]:
    """One gold file, or a clear error naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableSource(f"cannot read gold JSON: {exc}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise UnreadableSource("gold JSON must be one object per text", source=str(path))
    return data


def _text_for(corpus_dir: Path, stem: str) -> Path | None:
    found = sorted(p for p in corpus_dir.glob(f"{stem}.*") if p.is_file())
    return found[0] if found else None


def _gold_files(corpus_dir: Path, gold_dir: Path) -> list[Path]:
    for folder, what in ((corpus_dir, "corpus"), (gold_dir, "gold")):
        if not folder.is_dir():
            raise ConfigError(f"{what} folder not found: {folder}")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise ConfigError(f"no gold *.json files in {gold_dir}")
    return files


def evaluate_corpus(corpus_dir: Path, gold_dir: Path, extract: Extract) -> Report:
    """Extract every text that has a gold file and score it; failures count as all-missed."""
    report = Report()
    for gold_path in _gold_files(Path(corpus_dir), Path(gold_dir)):
        gold = load_gold(gold_path)
        name = gold_path.stem
        text = _text_for(Path(corpus_dir), name)
        found: dict[str, Any] = {}
        if text is None:
            report.errors.append(f"ERROR {name}: no text for this gold file in {corpus_dir}")
        else:
            try:
                found = extract(text)
            except AtlasError as exc:
                report.errors.append(f"ERROR {name}: {exc}")
        report.add(compare(found, gold, name))
    return report


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def render_report(report: Report) -> str:
    """A plain-text report: one row per field, then every finding one line each."""
    out = [f"documents: {len(report.docs)}", "",
           f"{'field':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, s in report.sets.items():
        out.append(f"{name:<22}{_pct(s.precision):>7}{_pct(s.recall):>7}{_pct(s.f1):>7}"
                   f"{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    out += ["", f"{'accuracy':<22}{'%':>7}{'right':>7}{'of':>6}"]
    for name, a in sorted(report.accuracy.items()):
        out.append(f"{name:<22}{_pct(a.value):>7}{a.right:>7}{a.total:>6}")
    if report.errors or report.lines:
        out.append("")
    out += report.errors + report.lines
    return "\n".join(out) + "\n"
