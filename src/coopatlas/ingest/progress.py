"""A tqdm progress bar for ingest and reextract: documents, megabytes, rate, ETA (terminal)."""

from __future__ import annotations

from typing import Any


class Progress:
    """Counts documents and bytes; draws a bar on stderr when ``enabled``."""

    def __init__(self, *, enabled: bool, total: int | None = None,
                 desc: str = "ingest") -> None:
        self.docs = 0
        self.bytes = 0
        self.bar: Any = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", desc=desc, dynamic_ncols=True)

    def step(self, size: int) -> None:
        self.docs += 1
        self.bytes += size
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix_str(f"{self.bytes / 1e6:.1f} MB", refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
