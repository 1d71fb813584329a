"""Readers: a file (or bytes) -> :class:`~coopatlas.model.Document`.

``read_path`` checks the path and the size before reading; ``read_bytes`` picks a reader
by suffix. Every failure is a :class:`~coopatlas.errors.SourceError` naming the source.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from coopatlas import config
from coopatlas.errors import SourceTooLarge, UnreadableSource, UnsupportedFormat
from coopatlas.model import Document

Reader = Callable[[bytes, str], Document]


def _read_txt(data: bytes, source: str) -> Document:
    from coopatlas.sources.document import from_text
    from coopatlas.sources.plain import decode_text

    text, encoding = decode_text(data, source)
    return from_text(data, source, text, {"encoding": encoding, "format": "txt"})


def _read_html(data: bytes, source: str) -> Document:
    from coopatlas.sources.html import read_html

    return read_html(data, source)


def _read_pdf(data: bytes, source: str) -> Document:
    from coopatlas.sources.pdf import read_pdf

    return read_pdf(data, source)


def _read_docx(data: bytes, source: str) -> Document:
    from coopatlas.sources.docx import read_docx

    return read_docx(data, source)


READERS: dict[str, Reader] = {
    ".txt": _read_txt, ".text": _read_txt, ".md": _read_txt,
    ".html": _read_html, ".htm": _read_html, ".xhtml": _read_html,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
}
SUFFIXES = tuple(READERS)


def _reader(suffix: str, source: str) -> Reader:
    reader = READERS.get(suffix.lower())
    if reader is None:
        known = ", ".join(SUFFIXES)
        raise UnsupportedFormat(
            f"unsupported format {suffix or '(no extension)'!r}; known: {known}", source=source
        )
    return reader


def _too_large(size: int, source: str) -> SourceTooLarge:
    limit = config.MAX_SOURCE_BYTES
    return SourceTooLarge(f"{size} bytes is over the {limit}-byte limit", source=source)


def read_bytes(data: bytes, source: str, suffix: str) -> Document:
    """Read ``data`` as a file named ``source`` with extension ``suffix`` (".txt", ".html"...)."""
    reader = _reader(suffix, source)
    if len(data) > config.MAX_SOURCE_BYTES:
        raise _too_large(len(data), source)
    return reader(data, source)


def read_path(path: Path) -> Document:
    """Read one file into a Document."""
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise UnreadableSource("no such file", source=source)
    if not path.is_file():
        raise UnreadableSource("not a file (a folder?)", source=source)
    reader = _reader(path.suffix, source)
    try:
        size = path.stat().st_size
        if size > config.MAX_SOURCE_BYTES:
            raise _too_large(size, source)
        with path.open("rb") as handle:
            data = handle.read(config.MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise UnreadableSource(f"cannot read it: {exc.strerror or exc}", source=source) from exc
    if len(data) > config.MAX_SOURCE_BYTES:
        raise _too_large(len(data), source)
    return reader(data, source)


__all__ = ["read_bytes", "read_path", "READERS", "SUFFIXES"]
