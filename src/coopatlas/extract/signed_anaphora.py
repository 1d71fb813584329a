"""A document named in full once, then signed as "the Agreement".

News of a ratification names the document in full ("the Federal Law On Ratifying the
Agreement between A and B on Military Cooperation") and then says when it was signed
with a bare definite noun, capitalised as an official title is ("The Agreement was signed
in Moscow in 2013"). The bare noun is that document: its title is the last capitalised
full title of the same kind named before it in the publication, taken where it is named
(so the claim's span holds the title's words).
"""

from __future__ import annotations

import re

from coopatlas.extract.signed_clauses import object_end
from coopatlas.extract.signed_filters import KIND_RE, bare, kind_of, plural_head
from coopatlas.extract.signed_titles import Title, make_title

#: "the Agreement", "this protocol": a definite singular that points back.
DEFINITE_RE = re.compile(r"\b(?:the|this)\s+$", re.IGNORECASE)
#: what a full title has after its noun: a complement ("between ...", "on ...").
COMPLEMENT_RE = re.compile(r"\s+(?:between|on|of|to|for|concerning|regarding)\s+",
                           re.IGNORECASE)
#: where a title named in running text ends at the latest: its sentence or line, or the
#: parliament it goes to ("submitted the Agreement on ... to the State Duma").
STOP_RE = re.compile(
    r"\.(?:\s|$)|[\n“”\";]|\s(?:before|to|in)\s+the\s+(?:State\s+Duma|Federation\s+Council"
    r"|Parliament|Mazhilis|Senate)\b", re.IGNORECASE)


def antecedent(text: str, title: Title, floor: int) -> Title | None:
    """The full title a bare "the Agreement" at ``title`` points back to, searched from
    ``floor`` (the publication's start); None when ``title`` is not such an anaphor or
    nothing of its kind was named before."""
    start = title.span.start
    if not bare(title.text) or not title.text[:1].isupper() \
            or plural_head(title.text) is not None \
            or not DEFINITE_RE.search(text, max(floor, start - 6), start):
        return None  # only an official title's capital ("the Agreement") points back
    kind = kind_of(title.text)
    named = [m for m in KIND_RE.finditer(text, floor, start)
             if m.group(0)[:1].isupper() and kind_of(m.group(0)) == kind
             and COMPLEMENT_RE.match(text, m.end()) and plural_head(m.group(0)) is None]
    if not named:
        return None
    head = named[-1]
    stop = STOP_RE.search(text, head.end())
    end = object_end(text, head.start(), stop.start() if stop else len(text))
    return make_title(text, head.start(), end, title.status)
