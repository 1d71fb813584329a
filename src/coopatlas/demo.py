"""``build_demo``: the atlas over the bundled sample corpus (or a folder of the user's texts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coopatlas.errors import Conflict


def build_demo(url: str, corpus: Path | None, *, user: tuple[str, str] | None = None
               ) -> dict[str, Any]:
    """Ingest the sample (idempotent), assemble the atlas, make a curator account; report."""
    from coopatlas.atlas.assemble import assemble
    from coopatlas.ingest.run import ingest
    from coopatlas.sample import CORPUS_DIR
    from coopatlas.store import open_store

    store = open_store(url)
    summary = ingest([corpus or CORPUS_DIR], store=store, progress=False)
    atlas = assemble(store)
    if user:
        _ensure_user(store, *user)
    return {"store": url, "corpus": str(corpus or CORPUS_DIR), "ingest": summary.to_json(),
            "atlas": atlas.counts()}


def _ensure_user(store: Any, username: str, password: str) -> None:
    from coopatlas.api.auth import add_user

    try:
        with store.session(write=True) as session:
            add_user(session, username, password, "admin")
    except Conflict:
        pass  # made by an earlier demo run
