"""DOCX: paragraphs and table cells (python-docx), then the plain-text path."""

from __future__ import annotations

import io
import zipfile

from coopatlas.errors import EmptySource, UndecodableText
from coopatlas.model import Document
from coopatlas.sources.document import from_text


def docx_text(data: bytes, source: str) -> str:
    """The document's paragraphs, one a line; tables cell by cell after them."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UndecodableText(f"not a readable DOCX ({exc})", source=source) from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def read_docx(data: bytes, source: str) -> Document:
    if not data.strip():
        raise EmptySource("the file is empty", source=source)
    text = docx_text(data, source)
    if not text.strip():
        raise EmptySource("the document holds no text", source=source)
    return from_text(data, source, text, {"format": "docx"})
