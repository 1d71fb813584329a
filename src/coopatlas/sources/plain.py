"""Plain text: bytes in an unknown encoding -> str.

UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are recognised directly, and so is UTF-8
with a few stray bytes (each replaced, the encoding says how many); anything else goes to
charset-normalizer (Windows-1251, KOI8-R, ...). Bytes that look binary (NULs
outside UTF-16, too many control characters) are refused with UndecodableText.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from coopatlas.errors import EmptySource, UndecodableText

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
CONTROL_SHARE_MAX = 0.01
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    # in UTF-8 a byte below 0x20 or 0x7F is always that ASCII character: counting bytes
    # in C (bytes.translate) gives the count of _CONTROLS characters, far faster
    raw = sample.encode("utf-8", "surrogatepass")
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    return controls > CONTROL_SHARE_MAX * max(1, len(sample))


#: Valid multi-byte characters per broken byte for UTF-8 with a few stray bytes to be UTF-8.
UTF8_GOOD_PER_BAD = 20


def _mostly_utf8(data: bytes) -> tuple[str | None, str | None]:
    """UTF-8 with a few stray bytes ("de\\xe3lared" in a page of 2,000 UTF-8 characters): the
    text with each bad byte replaced, rather than a whole page guessed as another encoding.
    ``(None, None)`` when the bad bytes are too many for that (Windows-1251, KOI8-R)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    if good < UTF8_GOOD_PER_BAD * bad:
        return None, None
    return text, f"utf-8 ({bad} bad byte{'s' if bad > 1 else ''} replaced)"


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``; raises EmptySource / UndecodableText naming ``source``."""
    if not data or data.isspace():  # data.strip() would copy the whole file
        raise EmptySource("the file is empty", source=source)
    encoding = _bom_encoding(data)
    text: str | None = None
    if encoding:
        text = data.decode(encoding, errors="replace")
    elif b"\x00" not in data:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _mostly_utf8(data)
            if text is None:
                best = from_bytes(data).best()
                if best is not None:
                    text, encoding = str(best), best.encoding
    if text is None or _looks_binary(text):
        raise UndecodableText("binary data or an unknown text encoding", source=source)
    if not text or text.isspace():
        raise EmptySource("the file holds no text", source=source)
    return text, encoding or "utf-8"
