"""Documents listed on the lines after an announcing sentence.

Press releases end a visit with "The following documents were signed:" (or "Signed were
the following:", "Documents to be signed:") and then one document per line or paragraph,
each with its parties and subject ("A memorandum on grain exports between the ministry of
... and ...;"). Each line that holds a document noun near its start is one title, the
whole line less its list mark, article and closing punctuation; the list ends at the first
line that is not such an item. The announcing verb gives the status ("will be signed" ->
planned).
"""

from __future__ import annotations

import re

from coopatlas.extract.signed_filters import KIND_RE
from coopatlas.extract.signed_titles import Title, make_title, status_of
from coopatlas.model import Span

#: a sentence announcing a list: a signing verb and "following" (or a bare "Documents
#: signed"), ending with a colon.
ANNOUNCE_RE = re.compile(
    r"(?:\bfollowing\b[^:\n]{0,80}?|^\s*(?:documents|agreements)\s+)"
    r"(?P<aux>\b(?:were|have\s+been|had\s+been|will\s+be|are\s+to\s+be|to\s+be)\s+)?"
    r"(?P<verb>signed|adopted|concluded|approved)\b[^:\n]{0,60}:\s*$"
    r"|\b(?P<aux2>will\s+)?(?P<verb2>sign(?:ed)?|adopt(?:ed)?|conclud(?:e|ed)|approv(?:e|ed))"
    r"\s+(?:were\s+)?the\s+following\b[^:\n]{0,40}:\s*$",
    re.IGNORECASE | re.MULTILINE)
#: a list mark and article before an item: "– ", "• ", "3) ", "a ".
ITEM_LEAD_RE = re.compile(r"[ \t]*(?:[-–—•*·]|\(?\d{1,2}[.)])?[ \t]*")
#: how far into a line its document noun may stand ("A production-sharing agreement").
NOUN_REACH = 60
MAX_ITEMS = 40


def _status(m: re.Match[str]) -> str:
    if m.group("verb"):
        return status_of(m.group("aux"), m.group("verb"))
    verb = m.group("verb2").lower()
    return "planned" if m.group("aux2") or not verb.endswith("ed") else status_of(None, verb)


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """The non-empty lines from ``start`` on, as spans, at most ``MAX_ITEMS``."""
    spans: list[tuple[int, int]] = []
    pos = text.find("\n", start)
    while pos >= 0 and len(spans) < MAX_ITEMS:
        end = text.find("\n", pos + 1)
        end = len(text) if end < 0 else end
        if text[pos + 1:end].strip():
            spans.append((pos + 1, end))
        pos = end if end < len(text) else -1
    return spans


def announced_list(text: str, sentence: Span) -> list[Title]:
    """One title per item line after an announcing sentence, or []."""
    m = ANNOUNCE_RE.search(text, sentence.start, sentence.end)
    if m is None:
        return []
    status = _status(m)
    out: list[Title] = []
    for a, b in _lines(text, sentence.end):
        start = ITEM_LEAD_RE.match(text, a, b).end()  # type: ignore[union-attr]
        noun = KIND_RE.search(text, start, min(b, start + NOUN_REACH))
        if noun is None or re.search(r"[.:;!?]", text[start:noun.start()]):
            break
        title = make_title(text, start, b, status)
        if title is None:
            break
        out.append(title)
    return out
