"""The single writer: items written in batches, one transaction per batch, one savepoint each.

A batch is one database transaction (SQLite: ``BEGIN IMMEDIATE``, so a concurrent writer
waits instead of failing half way) and each item inside it a savepoint. An item the store
refuses is rolled back alone, handed to ``refused`` (in a savepoint of its own, e.g. to
record the failure) and the batch goes on; the outcome of each item is ``report``-ed only
once its batch is committed. A ``kill -9`` loses at most the batch in flight: the store
never holds half an item, and rerunning the same work redoes that batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Write = Callable[[Any, T], "str | None"]  # (session, item) -> None when stored, else why not
Refused = Callable[[Any, T, Exception], str]  # (session, item, error) -> the reason to report
Report = Callable[[T, "str | None"], None]  # (item, None or the reason it failed)

BATCH_ITEMS = 64
BATCH_SECONDS = 2.0


class BatchWriter(Generic[T]):
    """Collects items and writes them ``size`` at a time (or every ``seconds``)."""

    def __init__(self, store: Any, *, write: Write[T], refused: Refused[T], report: Report[T],
                 size: int = BATCH_ITEMS, seconds: float = BATCH_SECONDS) -> None:
        self.store = store
        self.write, self.refused, self.report = write, refused, report
        self.size, self.seconds = max(1, size), seconds
        self.batch: list[T] = []
        self.started = time.monotonic()
        self.batches = 0

    def add(self, item: T) -> None:
        self.batch.append(item)
        if len(self.batch) >= self.size or time.monotonic() - self.started > self.seconds:
            self.flush()

    def flush(self) -> None:
        """Write the collected items in one transaction, then report their outcomes."""
        if not self.batch:
            return
        with self.store.session(write=True) as session:
            outcomes = [self._one(session, item) for item in self.batch]
        self.batches += 1
        batch, self.batch, self.started = self.batch, [], time.monotonic()
        for item, reason in zip(batch, outcomes, strict=True):
            self.report(item, reason)

    def _one(self, session: Any, item: T) -> str | None:
        try:
            with session.begin_nested():
                return self.write(session, item)
        except Exception as exc:  # the store refused this one item: roll it back alone, go on
            with session.begin_nested():
                return self.refused(session, item, exc)
