"""Settings read from the command line or the environment."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB_FILE = "coopatlas.db"
DB_ENV = "COOPATLAS_DB"
MAX_SOURCE_BYTES = 64 * 1024 * 1024  # larger files are refused with SourceTooLarge


def store_url(explicit: str | None = None) -> str:
    """The store URL: ``--db``, else ``$COOPATLAS_DB``, else ``sqlite:///coopatlas.db``.

    A bare path (no ``://``) is taken as a SQLite file.
    """
    value = explicit or os.environ.get(DB_ENV) or DEFAULT_DB_FILE
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser()}"
    return value
