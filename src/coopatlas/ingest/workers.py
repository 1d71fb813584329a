"""Extraction in worker processes: bytes in, a document with its claims (or a failure) out.

Each worker builds the pipeline once (:func:`_init`) and turns ``(source, bytes)`` into an
:class:`Extracted` result; the parent process is the single writer. Results travel back as
pickled frozen dataclasses. ``workers=0`` runs everything in the calling process (tests,
debugging, tiny inputs).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from typing import TypeVar

from coopatlas.errors import AtlasError
from coopatlas.ingest.walk import suffix_of
from coopatlas.model import Claim, Document

Extractor = Callable[[Document], list[Claim]]
In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(frozen=True, slots=True)
class Task:
    source: str
    data: bytes
    content_hash: str


@dataclass(frozen=True, slots=True)
class Extracted:
    """What one source became: a document with claims, or the reason it failed."""

    source: str
    content_hash: str
    size: int
    document: Document | None = None
    claims: tuple[Claim, ...] = ()
    error: str | None = None


def content_hash(data: bytes) -> str:
    """The hash the readers give a document (SHA-256 of the raw bytes)."""
    return hashlib.sha256(data).hexdigest()


def sniff_suffix(data: bytes) -> str:
    """A suffix for bytes with no name to tell (stdin): PDF, DOCX, HTML or plain text."""
    head = data[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return ".pdf"
    if head.startswith(b"pk\x03\x04"):
        return ".docx"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return ".html"
    return ".txt"


_PIPELINE: Extractor | None = None


def default_extractor() -> Extractor:
    """The full extraction pipeline as ``document -> claims``."""
    from coopatlas.pipeline import Pipeline

    pipeline = Pipeline()
    return lambda document: list(pipeline(document).claims)


def _init(factory: Callable[[], Extractor]) -> None:
    global _PIPELINE
    _PIPELINE = factory()


def extract_one(task: Task) -> Extracted:
    """Read and extract one source; every error becomes a recorded reason, never a crash."""
    from coopatlas.sources import read_bytes

    size = len(task.data)
    try:
        suffix = suffix_of(task.source) or sniff_suffix(task.data)
        document = read_bytes(task.data, task.source, suffix)
        assert _PIPELINE is not None, "worker not initialised"
        claims = tuple(_PIPELINE(document))
    except AtlasError as exc:
        return Extracted(task.source, task.content_hash, size, error=str(exc))
    except Exception as exc:  # a reader or stage bug must not stop the run
        return Extracted(task.source, task.content_hash, size,
                         error=f"{task.source}: {type(exc).__name__}: {exc}")
    return Extracted(task.source, task.content_hash, size, document, claims)


def run_tasks(tasks: Iterable[Task], *, workers: int = 2,
              factory: Callable[[], Extractor] = default_extractor) -> Iterator[Extracted]:
    """Extract ``tasks`` over ``workers`` processes, yielding results as they finish."""
    return run_pool(tasks, extract_one, workers=workers, factory=factory)


def run_pool(items: Iterable[In], work: Callable[[In], Out], *, workers: int = 2,
             factory: Callable[[], Extractor] = default_extractor) -> Iterator[Out]:
    """``work(item)`` for every item over ``workers`` processes, yielding results as they finish.

    ``work`` must be a module-level function (it is pickled by name) that uses the
    pipeline :func:`_init` built. At most a few items per worker are in flight and
    ``items`` is read lazily, so memory stays bounded on large inputs.
    """
    _init(factory)  # fails fast here (a stage not built) and forked workers inherit it
    if workers <= 0:
        yield from map(work, items)
        return
    window = 4 * workers
    forked = os.name == "posix"
    context = get_context("fork" if forked else "spawn")
    init_args = {} if forked else {"initializer": _init, "initargs": (factory,)}
    with ProcessPoolExecutor(workers, mp_context=context, **init_args) as pool:
        pending: set[Future[Out]] = set()
        for item in items:
            if len(pending) >= window:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
            pending.add(pool.submit(work, item))
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in done)
