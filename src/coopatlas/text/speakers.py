"""Speaker turns in transcripts: who speaks from a paragraph on.

Two shapes open a turn:

* a paragraph that begins with a name-shaped label and a colon:
  ``President of Russia Vladimir Putin: Colleagues, ...``
* a label alone on its line, the next line beginning with the colon:
  ``President of Kazakhstan Kassym-Jomart Tokayev`` / ``: Thank you.``

A label is a run of capitalised words joined by a few lower-case connectives ("of",
"the", "and"...), two words at least, or one of a few role words ("Question", "Answer").
"""

from __future__ import annotations

import re

_CAP = r"[A-ZА-ЯЁ][\w'’.\-]*"
_CONN = r"(?:of|the|and|for|on|at|de|da|von|van|der|al|bin|и|по)"
_WORD = rf"(?:{_CAP}|{_CONN})"
LABEL = rf"{_CAP}(?:,?[ \u00a0]{_WORD}){{0,11}}"
TURN_RE = re.compile(rf"({LABEL}):[ \u00a0]*")
LABEL_LINE_RE = re.compile(rf"{LABEL}")
ROLES = frozenset(
    {"Question", "Answer", "Remark", "Reply", "Response", "Вопрос", "Ответ", "Реплика"}
)
NOT_FIRST = frozenset({
    "In", "On", "At", "For", "From", "As", "To", "By", "With", "This", "That", "These",
    "Those", "We", "Our", "It", "Its", "Note", "See", "Source", "Published", "Publication",
    "Subject", "Re", "The", "Today", "Here", "There", "And", "But", "Also", "So", "Thus",
})
LABEL_MAX = 90


def _is_label(label: str) -> bool:
    words = label.replace("\u00a0", " ").split(" ")
    if len(label) > LABEL_MAX or words[0].rstrip(",") in NOT_FIRST:
        return False
    if len(words) >= 2:
        return words[-1][:1].isupper()  # ends on a name, not on "of"
    word = words[0]
    return word in ROLES or bool(re.fullmatch(r"[A-ZА-ЯЁ]\.[ ]?[A-ZА-ЯЁ]\w+", word))


def turn_at(line: str) -> tuple[str, int] | None:
    """``(speaker, content offset)`` when ``line`` opens with "Label: ", else None."""
    match = TURN_RE.match(line)
    if match is None or not _is_label(match.group(1)):
        return None
    return match.group(1), match.end()


def label_line(line: str) -> str | None:
    """The speaker when ``line`` is a label alone (its colon opens the next line)."""
    stripped = line.strip()
    if LABEL_LINE_RE.fullmatch(stripped) and _is_label(stripped):
        return stripped
    return None


def has_turns(text: str, limit: int = 200_000) -> bool:
    """Whether ``text`` reads as a transcript (a turn opens some paragraph)."""
    for match in re.finditer(r"(?m)^[^\n]{2,95}:", text[:limit]):
        if turn_at(text[match.start():match.end() + 1]):
            return True
    return False
