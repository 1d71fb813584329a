"""PDF: the text layer of every page (pypdf), then the plain-text path."""

from __future__ import annotations

import io
import logging

from coopatlas.errors import EmptySource, UndecodableText
from coopatlas.model import Document
from coopatlas.sources.document import from_text


def pdf_text(data: bytes, source: str) -> tuple[str, int]:
    """``(text, pages)``; a file pypdf cannot open is UndecodableText naming ``source``."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UndecodableText("the PDF is encrypted", source=source)
        pages = [page.extract_text() or "" for page in reader.pages]
    except UndecodableText:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise UndecodableText(f"not a readable PDF ({exc})", source=source) from exc
    return "\n".join(pages), len(pages)


def read_pdf(data: bytes, source: str) -> Document:
    if not data.strip():
        raise EmptySource("the file is empty", source=source)
    text, pages = pdf_text(data, source)
    if not text.strip():
        raise EmptySource("the PDF has no text layer (a scan?)", source=source)
    return from_text(data, source, text, {"format": "pdf", "pages": pages})
