"""One error hierarchy for the whole package.

    AtlasError                      status
    ├── SourceError                 400   a file or stream that cannot be read
    │   ├── UnreadableSource              missing, a folder where a file was expected, no permission
    │   ├── UnsupportedFormat             an extension or content no reader handles
    │   ├── UndecodableText               bytes in no encoding we recognise (binary data)
    │   ├── CorruptSource                 a PDF/DOCX/archive whose structure is broken
│   ├── EmptySource                   nothing to read
    │   └── SourceTooLarge                over the configured size limit
    ├── ExtractionError             500   a pipeline stage failed on one document
    ├── StoreError                  500   the store cannot be opened or written
    │   ├── BadStoreURL             400   a URL SQLAlchemy cannot use
    │   ├── StoreUnavailable        503   the server does not answer
    │   ├── NotFound                404   no such record
    │   └── Conflict                409   the change clashes with the stored state
    ├── AuthError                   401   not logged in / bad credentials
    │   └── Forbidden               403   logged in without the needed role
    ├── ConfigError                 400   a setting that cannot be used
    └── NotReady                    501   a part of coopatlas that is not built yet

Every error carries a one-line message naming the input and the problem; the CLI prints
it as ``Error: <message>`` with a non-zero exit, the API as ``{"ok": false, ...}``.
"""

from __future__ import annotations


class AtlasError(Exception):
    """Base of every error coopatlas raises on purpose."""

    status: int = 500

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class SourceError(AtlasError):
    status = 400


class UnreadableSource(SourceError):
    pass


class UnsupportedFormat(SourceError):
    pass


class UndecodableText(SourceError):
    pass


class CorruptSource(SourceError):
    pass


class EmptySource(SourceError):
    pass


class SourceTooLarge(SourceError):
    status = 413


class ExtractionError(AtlasError):
    def __init__(self, message: str, *, source: str | None = None, stage: str = "") -> None:
        self.stage = stage
        super().__init__(f"stage {stage!r}: {message}" if stage else message, source=source)


class StoreError(AtlasError):
    pass


class BadStoreURL(StoreError):
    status = 400


class StoreUnavailable(StoreError):
    status = 503


class NotFound(StoreError):
    status = 404


class Conflict(StoreError):
    status = 409


class AuthError(AtlasError):
    status = 401


class Forbidden(AuthError):
    status = 403


class ConfigError(AtlasError):
    status = 400


class NotReady(AtlasError):
    status = 501
