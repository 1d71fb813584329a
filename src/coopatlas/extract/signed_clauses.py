"""Where a title may start and end: the clause around a signing verb.

* The subject of a passive ("... were signed") runs back from the auxiliary over list
  pieces, and stops at an introductory phrase ("At the end of the forum,"), a phrase
  opened by a preposition ("By then,"), or a piece that is a clause of its own ("relations
  are well established, many documents have been signed" starts at "many").
* The object of an active verb ("signed ...") runs on until the clause ends: a time or
  place adjunct ("during the visit", "in the presence of", "in 2019"), a relative, reduced
  relative or new clause ("the treaty signed in 2010",
  (", which", "that is", ", and since then Russia has been"), a second verb of the same
  subject ("... and adopted a communique"), or the deal's value ("for a total of $3
  billion"), which belongs to a figure, not to the title.
"""

from __future__ import annotations

import re

from coopatlas.extract.signed_filters import KIND_RE
from coopatlas.model import Span

#: a list cut: a comma or semicolon (not the one before a date's year), or "as well as".
CHUNK_SPLIT_RE = re.compile(r"[,;](?!\s*\d{4}\b)\s+(?:and\s+)?(?:as\s+well\s+as\s+)?"
                            r"|\s+as\s+well\s+as\s+")
QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")
INTRO_RE = re.compile(
    r"(?:in|at|on|by|under|during|following|after|before|upon|through|thanks|despite|for"
    r"|according|as|since|when|while|if|although|though|because|this|it|there|besides"
    r"|moreover|furthermore|additionally|meanwhile|finally|however|also|then)\b",
    re.IGNORECASE)
#: a word that makes a piece a clause of its own: a finite auxiliary or a subject pronoun.
CLAUSE_WORD_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|shall|should|can|could|may|might|must"
    r"|do|does|did|i|we|you|he|she|they|because|although|though|whereas|unless|if|but)\b",
    re.IGNORECASE)
LEAD_CONJUNCTION_RE = re.compile(r"[\s,;:]*(?:(?:and|but|while|whereas)\s+)?", re.I)
BOUNDARY_RE = re.compile(r"\b(?:that|which|what|is|are|following)\s+", re.IGNORECASE)
#: a time adjunct opening the sentence with no comma: "By December 2025 ten documents ...".
TIME_ADJUNCT_RE = re.compile(
    r"(?:(?:by|in|on|until|before|after|since|from)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+(?:\d{1,2},?\s+)?)?\d{4}|today|yesterday|(?:last|this|next)\s+"
    r"(?:year|month|week))\s+(?=\S)", re.IGNORECASE)
RATHER_RE = re.compile(r".*\bor,?\s+rather,?\s+", re.IGNORECASE)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October"
          r"|November|December)")
_OBJECT_END = (
    r"\s+(?:in\s+the\s+presence|during\s|at\s+(?:the|this|that)\s|within\s+the\s+framework"
    r"|(?:today|tonight|tomorrow|yesterday|soon|shortly|later)\b"
    r"|(?:next|this|last)\s+(?:year|month|week|spring|summer|autumn|winter)\b"
    r"|which\s|is\s|are\s|was\s|were\s|will\s|would\s|by\s+the\s+end"
    r"|(?:by|after|before|upon|through|when|while)\s+[a-z]+ing\b"
    r"|(?:if|because|although|though|unless|whereas|so\s+that)\s"
    r"|(?:in|on|since)\s+(?:(?:early|late)\s+)?(?:\d{4}\b|(?:\d{1,2}\s+)?" + _MONTH + r"\b))"
    # "that" opens a clause, but not as a determiner after a preposition ("with that country")
    r"|(?<!\bwith)(?<!\bof)(?<!\bin)(?<!\bto)(?<!\bfor)(?<!\bon)(?<!\bby)(?<!\bat)"
    r"(?<!\bfrom)\s+that\s"
    r"|(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bnewly)\s+(?:signed|adopted|concluded|approved"
    r"|initialled|ratified)\b"
    r"|\s*[,;:]\s*(?:but|which|who)\s|\s*[,;]\s*and\s+(?=(?:we|they|he|she|it|i|this|there)\s)"
    r"|\s*,\s*(?:for\s+example|for\s+instance|e\.g\.|too|not\s+now)\b"
    # a participle clause after a comma: ", highlighting common approaches"
    r"|\s*,\s*(?!including\b)[a-z]+ing\s+(?:the|a|an|our|their|its|common|new|all)\b")
#: a second verb of the same subject: "signed a memorandum and adopted a communique".
_COORDINATED_VERB = (
    r"|,?\s+and\s+(?:also\s+|then\s+|later\s+)?(?:(?:held|met|took|made|gave|had|discussed"
    r"|visited|agreed|noted|stressed|said|created|established|launched|opened|approved"
    r"|adopted|signed|concluded|exchanged|initialled|ratified|did|does|do|will|would|can"
    r"|could|should|must|have|has|had)\b|[a-z]+ed\s+(?:a|an|the"
    r"|its|their|his|her|our|it|them|with|on|to)\b)")
#: the value of a deal: "for a total of", "worth", "valued at", "for $3 billion".
_VALUE = (r"|\s+(?:(?:for|with)\s+a\s+total(?:\s+value)?\s+of|worth|totall?ing|valued\s+at"
          r"|amounting\s+to|with\s+a\s+(?:total\s+)?value\s+of"
          r"|for\s+(?:(?:over|more\s+than|about|almost|nearly|some|around|up\s+to)\s+)?"
          r"(?:[$€£₽]|\d[\d.,]*\s*(?:(?:b|m|tr)illion\s+|bn\s+|mn\s+)?(?:roubles|rubles"
          r"|dollars|tenge|euros|yuan)\b))")
OBJECT_END_RE = re.compile(_OBJECT_END + _COORDINATED_VERB + _VALUE, re.IGNORECASE)


def pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at list commas, semicolons and "as well as" (not in quotes)."""
    quoted = [(q.start(), q.end()) for q in QUOTED_RE.finditer(text, start, end)]
    cuts = [(start, start)] + [
        (m.start(), m.end()) for m in CHUNK_SPLIT_RE.finditer(text, start, end)
        if not any(a < m.start() < b for a, b in quoted)
    ]
    return [(cuts[i][1], cuts[i + 1][0] if i + 1 < len(cuts) else end)
            for i in range(len(cuts))]


def is_clause(text: str, start: int, end: int) -> bool:
    """A piece with no document noun that holds a finite verb or a subject pronoun."""
    return not KIND_RE.search(text, start, end) and bool(CLAUSE_WORD_RE.search(text, start, end))


def subject_start(text: str, sentence: Span, verb_start: int) -> int:
    """Where the subject before ``verb_start`` begins (see the module notes)."""
    found = pieces(text, sentence.start, verb_start)
    first = 0
    for i, (s, e) in enumerate(found[:-1]):
        if KIND_RE.search(text, s, e):
            break
        if INTRO_RE.match(text, s, e) or is_clause(text, s, e):
            first = i + 1
    start = found[first][0]
    lead = LEAD_CONJUNCTION_RE.match(text, start, verb_start)
    start = lead.end() if lead else start
    rather = RATHER_RE.match(text, start, verb_start)
    if rather:
        start = rather.end()
    adjunct = TIME_ADJUNCT_RE.match(text, start, verb_start)
    if adjunct:
        start = adjunct.end()
    first_kind = KIND_RE.search(text, start, verb_start)
    limit = first_kind.start() if first_kind else verb_start
    for b in BOUNDARY_RE.finditer(text, start, limit):
        start = max(start, b.end())
    return start


def object_end(text: str, start: int, end: int) -> int:
    """Where the object starting at ``start`` ends, at most ``end``."""
    stop = OBJECT_END_RE.search(text, start, end)
    end = stop.start() if stop else end
    found = pieces(text, start, end)
    for (_, prev_end), (s, e) in zip(found, found[1:], strict=False):
        if is_clause(text, s, e):
            return prev_end
    return end
