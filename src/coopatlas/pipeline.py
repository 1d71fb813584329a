"""The extraction pipeline: an ordered list of named stages, folded over one Doc.

Stages are looked up lazily by dotted path so that a part not built yet fails with a
clear NotReady error instead of an import error at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path

from coopatlas.doc import Doc
from coopatlas.errors import AtlasError, ExtractionError, NotReady
from coopatlas.model import Document

Stage = Callable[[Doc], Doc]

STAGES: tuple[tuple[str, str], ...] = (
    ("sentences", "coopatlas.text.sentences:sentences_stage"),
    ("places", "coopatlas.extract.places:places_stage"),
    ("figures", "coopatlas.extract.figures:figures_stage"),
    ("forums", "coopatlas.extract.forums:forums_stage"),
    ("documents_signed", "coopatlas.extract.signed:signed_stage"),
    ("twin_pairs", "coopatlas.extract.twins:twins_stage"),
    ("visits", "coopatlas.extract.visits:visits_stage"),
    ("projects", "coopatlas.extract.projects:projects_stage"),
)


def load_stage(target: str) -> Stage:
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise NotReady(f"pipeline stage {target} is not built yet") from exc
    stage: Stage = getattr(module, attr)
    return stage


class Pipeline:
    def __init__(self, stages: Iterable[tuple[str, str | Stage]] = STAGES) -> None:
        self.stages = [
            (name, load_stage(s) if isinstance(s, str) else s) for name, s in stages
        ]

    def __call__(self, document: Document) -> Doc:
        doc = Doc(document)
        for name, stage in self.stages:
            try:
                doc = stage(doc)
            except AtlasError:
                raise
            except Exception as exc:  # a bug in one stage must name the stage and the file
                raise ExtractionError(
                    f"{type(exc).__name__}: {exc}", source=document.source, stage=name
                ) from exc
        return doc


def extract_path(path: str | Path, pipeline: Pipeline | None = None) -> Doc:
    """Read one file and run the pipeline over it."""
    from coopatlas.sources import read_path

    return (pipeline or Pipeline())(read_path(Path(path)))
