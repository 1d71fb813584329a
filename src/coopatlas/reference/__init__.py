"""Curated reference data the project ships: the table of forum editions."""

from coopatlas.reference.editions import (
    ReferenceDataError,
    ReferenceEdition,
    SkippedYear,
    load_forum_reference,
    load_skipped_years,
    validate_editions,
)

__all__ = [
    "ReferenceDataError",
    "ReferenceEdition",
    "SkippedYear",
    "load_forum_reference",
    "load_skipped_years",
    "validate_editions",
]
