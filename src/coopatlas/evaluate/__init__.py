"""Evaluation: compare extraction JSON with gold JSON field by field (../shared/gold/README.md).

    report = evaluate_corpus(corpus_dir, gold_dir, extract)   # extract: Path -> contract dict
    print(render_report(report))
"""

from __future__ import annotations

from coopatlas.evaluate.compare import DocResult, compare, match_figures, match_titles, title_score
from coopatlas.evaluate.metrics import Accuracy, SetScore
from coopatlas.evaluate.report import Report, evaluate_corpus, load_gold, render_report

__all__ = ["Accuracy", "DocResult", "Report", "SetScore", "compare", "evaluate_corpus",
           "load_gold", "match_figures", "match_titles", "render_report", "title_score"]
