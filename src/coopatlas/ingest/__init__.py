"""Ingest: walk inputs, extract in worker processes, store documents with their claims.

Library entry points (the CLI is a thin layer over them): :func:`ingest`,
:func:`reextract`, :func:`walk`. Importing this package loads neither the store nor the
extraction pipeline; they load when a run starts.
"""

from __future__ import annotations

from coopatlas.ingest.reextract import ReextractSummary, reextract
from coopatlas.ingest.run import IngestSummary, ingest
from coopatlas.ingest.walk import walk

__all__ = ["IngestSummary", "ReextractSummary", "ingest", "reextract", "walk"]
