"""Counting primitives: set scores (precision, recall, F1) and accuracies, summed over texts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SetScore:
    """True positives, false alarms and misses of one field; adds up over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: SetScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        found = self.tp + self.fp
        return self.tp / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.tp + self.fn
        return self.tp / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    """How many compared values were right out of how many were compared."""

    right: int = 0
    total: int = 0

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.total += other.total

    def count(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0
