"""Kremlin-style page furniture in plain text, kept out of the text facts come from.

A page copied from en.kremlin.ru reads::

    Events                          <- section header            (furniture)
    <headline> / <lead>
    November 7, 2019 / Omsk         <- dateline and place        (kept)
    17:00                           <- clock time                (furniture, in meta)
    3 of 5                          <- photo counter             (furniture)
    <body>
    See also / Geography / Topics / Persons / Publication status  (furniture blocks)
    Published in sections: ... / Publication date: ...           (furniture)
    Text version                    <- end of one publication; "Text versionEvents"
                                       glues the next publication on

kremlin.ru pages in Russian carry the same furniture in Russian ("События", "3 из 5",
"География", "Текстовая версия", ...).

:func:`clean` drops furniture lines, records their content per publication, notes where
each further publication starts, and keeps a map from cleaned offsets back to the original.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

#: The same furniture on en.kremlin.ru and kremlin.ru (English, then Russian).
SECTION_HEADERS = frozenset({"Events", "События"})
END_MARKS = ("Text version", "Текстовая версия")
BLOCK_HEADERS = {
    "See also": "see_also", "Смотрите также": "see_also",
    "Geography": "geography", "География": "geography",
    "Topics": "topics", "Темы": "topics",
    "Persons": "persons", "Персоны": "persons",
    "Publication status": "status", "Статус публикации": "status",
}
PHOTO_COUNTER = re.compile(r"\d{1,3} (?:of|из) \d{1,3}")
TIME_LINE = re.compile(r"\d{1,2}:\d{2}")  # the dateline's clock time, alone on its line
LABELLED = {"Published in sections:": "sections", "Published in section:": "sections",
            "Publication date:": "publication_date",
            "Опубликован в разделах:": "sections", "Опубликован в разделе:": "sections",
            "Дата публикации:": "publication_date"}
SOURCE_HEADER = re.compile(r"date (\d{4}-\d{2}-\d{2})\b\s*")
BLOCK_ITEM_MAX = 100


@dataclass
class Cleaned:
    """Cleaned text, where each publication starts in it, and what was taken out."""

    text: str
    pieces: list[tuple[int, int]]  # (cleaned offset, original offset) at each kept run
    starts: list[int] = field(default_factory=lambda: [0])
    furniture: list[dict[str, list[str]]] = field(default_factory=lambda: [{}])

    def to_original(self, offset: int) -> int:
        """The original offset of cleaned ``offset``."""
        i = bisect.bisect_right(self.pieces, (offset, float("inf"))) - 1
        if i < 0:
            return offset
        clean_at, orig_at = self.pieces[i]
        return orig_at + offset - clean_at


def _lines(text: str) -> list[tuple[int, str]]:
    """Lines with their original offsets; a glued "Text versionXxx" becomes two lines."""
    out: list[tuple[int, str]] = []
    for match in re.finditer(r"[^\n]+", text):
        line, at = match.group(), match.start()
        for mark in END_MARKS:
            if line.startswith(mark) and line.strip() != mark:
                out.append((at, mark))
                line, at = line[len(mark):], at + len(mark)
        out.append((at, line))
    return out


class _Cleaner:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.pieces: list[tuple[int, int]] = []
        self.starts = [0]
        self.furniture: list[dict[str, list[str]]] = [{}]
        self.block: str | None = None  # inside a furniture block (its key)
        self.at_top = True  # no content yet in the current publication
        self.ended = False  # the current publication's footer has closed

    def keep(self, at: int, line: str) -> None:
        stripped = line.strip()
        if not stripped:
            return
        if self.ended:
            self.new_publication()
        self.pieces.append((self.size, at + len(line) - len(line.lstrip())))
        self.parts.append(stripped + "\n")
        self.size += len(stripped) + 1
        self.at_top = False

    def new_publication(self) -> None:
        if self.size:
            self.starts.append(self.size)
            self.furniture.append({})
        self.ended = False
        self.block = None
        self.at_top = True

    def note(self, key: str, value: str) -> None:
        self.furniture[-1].setdefault(key, []).append(value)

    def feed(self, at: int, line: str) -> None:
        stripped = line.strip()
        if not stripped:
            return
        if stripped in END_MARKS:
            self.block, self.ended = None, True
        elif stripped in SECTION_HEADERS and (self.at_top or self.block or self.ended):
            self.new_publication()
        elif stripped in BLOCK_HEADERS:
            self.block = BLOCK_HEADERS[stripped]
        elif self.labelled(stripped) or PHOTO_COUNTER.fullmatch(stripped):
            pass
        elif TIME_LINE.fullmatch(stripped):
            self.note("time", stripped)
        elif self.block and self.is_block_item(stripped):
            self.note(self.block, stripped)
        elif self.at_top and SOURCE_HEADER.match(stripped):
            self.source_header(at + len(line) - len(line.lstrip()), stripped)
        else:
            self.block = None
            self.keep(at, line)

    def labelled(self, stripped: str) -> bool:
        for label, key in LABELLED.items():
            if stripped.startswith(label):
                self.note(key, stripped[len(label):].strip())
                self.block = self.block or "status"
                return True
        return False

    def is_block_item(self, stripped: str) -> bool:
        return len(stripped) <= BLOCK_ITEM_MAX and stripped[-1] not in ".!?:;"

    def source_header(self, at: int, stripped: str) -> None:
        """A scraper's header line: "date 2021-09-30 <title>" or "... Source: <site>"."""
        match = SOURCE_HEADER.match(stripped)
        assert match is not None
        self.note("header_date", match.group(1))
        rest = stripped[match.end():]
        if rest and not rest.startswith("Source:"):
            self.keep(at + match.end(), rest)
            self.note("header_title", rest)

    def result(self) -> Cleaned:
        return Cleaned("".join(self.parts), self.pieces, self.starts, self.furniture)


def clean(text: str) -> Cleaned:
    """Drop furniture lines from ``text`` and blank lines; one kept line per paragraph."""
    cleaner = _Cleaner()
    for at, line in _lines(text):
        cleaner.feed(at, line)
    return cleaner.result()
