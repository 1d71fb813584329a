"""Documents named by a noun of the act or by a participle after them, not by a clause.

* nominal — "the signing of A", "the preparation of B", "the adoption of C": the noun's
  "of" object is the title; the act's noun gives the status ("preparation" -> drafted),
  and a signing still ahead ("ahead of the signing of") is planned; an anniversary of a
  signing is a date, not a signing;
* reduced relative — "the memorandum on grain exports signed last month by the ministers",
  "an agreement on the lease, signed in 1994, remains in force": the noun phrase before the
  participle is the title. A bare plural head ("the documents signed during the visit
  include A and B") announces the items after its verb, and gives those instead; after
  "concern", "cover" or "deal with", items without a document noun are its topics
  ("other documents signed concern A; B" -> "documents on A", "documents on B").

Neither takes a bare noun or an anaphor ("under the document signed", "the signing of these
documents"): a document the text has named already.
"""

from __future__ import annotations

import re

from coopatlas.extract.signed_clauses import object_end
from coopatlas.extract.signed_filters import KIND_RE, plural_head
from coopatlas.extract.signed_grammars import objects
from coopatlas.extract.signed_titles import Title, make_title
from coopatlas.model import Span

NOMINAL_RE = re.compile(
    r"\b(?P<act>signing|preparation|drafting|elaboration|adoption|approval|conclusion)"
    r"\s+of\s+(?!(?:this|that|it|them)\b)", re.IGNORECASE)
NOMINAL_STATUS = {"signing": "signed", "conclusion": "signed", "preparation": "drafted",
                  "drafting": "drafted", "elaboration": "drafted", "adoption": "adopted",
                  "approval": "adopted"}
#: words before the act's noun that put it ahead: "ahead of the signing of", "will attend".
AHEAD_RE = re.compile(
    r"\b(?:will|shall|going\s+to|plans?|intends?|expects?|hopes?|ahead|prior|upcoming"
    r"|forthcoming|prepar\w*|ready|look(?:s|ing)?\s+forward|awaiting|await)\b", re.I)
#: "the tenth anniversary of the signing of the Treaty": a date, not a signing told.
ANNIVERSARY_RE = re.compile(r"\b(?:anniversary|day)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
#: words that point back to a document named before ("these documents", "the relevant
#: agreement"): no title of their own.
ANAPHORIC = frozenset(
    "this that these those such said corresponding relevant respective appropriate above "
    "aforementioned same".split())
PARTICIPLE_RE = re.compile(r"(?P<comma>\s*,)?\s+(?P<verb>signed|concluded|adopted|approved)\b",
                           re.IGNORECASE)
PARTICIPLE_STATUS = {"signed": "signed", "concluded": "signed", "adopted": "adopted",
                     "approved": "adopted"}
#: what may stand between a document noun and its participle: the noun's own complement.
COMPLEMENT_RE = re.compile(
    r"(?:\s+(?:on|of|for|about|between|to|in|concerning|regarding|with|amending)\s+"
    r"(?:[^,;:.!?]|,\s+(?:19|20)\d\d\b)*)?",  # "of July 6, 1998": a date's comma
    re.IGNORECASE)
#: a document noun inside another's title: "the Protocol to the Agreement on ...".
NESTED_RE = re.compile(r"\b(?:to|of|amending|under|on)\s+(?:the\s+)?$", re.IGNORECASE)
#: a finite verb, pronoun or clause word inside that complement: no complement.
NOT_COMPLEMENT_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|we|they"
    r"|he|she|it|i|you|which|that|who|did|do|does)\b", re.IGNORECASE)
#: words a noun phrase before a document noun never runs back over.
OPENERS = frozenset(
    "the a an this that these those its their our his her of on in with by for to at from "
    "which said says thinks believes notes noted welcomed about under between and or whether "
    "how why also both all".split())
WORD_RE = re.compile(r"[\w’'-]+")
INCLUDE_RE = re.compile(r"\s+(?:include[sd]?|comprised?|were|are|concern(?:s|ed)?"
                        r"|cover(?:s|ed)?|deal\s+with|dealt\s+with)\s+(?:also\s+)?", re.I)
TOPIC_VERB_RE = re.compile(r"\s+(?:concern|cover|deal)", re.I)


def nominal(text: str, sentence: Span) -> list[Title]:
    out: list[Title] = []
    for m in NOMINAL_RE.finditer(text, sentence.start, sentence.end):
        before = max(sentence.start, m.start() - 60)
        if ANNIVERSARY_RE.search(text, before, m.start()):
            continue
        status = NOMINAL_STATUS[m.group("act").lower()]
        if status != "drafted" and AHEAD_RE.search(text, before, m.start()):
            status = "planned"
        out += [t for t in objects(text, m.end(), sentence.end, status) if _named(t.text)]
    return out


def reduced_relative(text: str, sentence: Span) -> list[Title]:
    out: list[Title] = []
    for m in PARTICIPLE_RE.finditer(text, sentence.start, sentence.end):
        head = _head_before(text, sentence.start, m.start(), bool(m.group("comma")))
        if head is None:
            continue
        start = _phrase_start(text, sentence.start, head.start())
        title = make_title(text, start, m.start(), PARTICIPLE_STATUS[m.group("verb").lower()])
        if title is None:
            continue
        if _bare_plural(title.text):
            out += _announced(text, title, m.end(), sentence.end)
        elif _named(title.text):  # not "the document signed": a document named before
            out.append(title)
    return out


def _head_before(text: str, floor: int, verb: int, comma: bool) -> re.Match[str] | None:
    """The document noun whose complement runs up to the participle at ``verb``."""
    found = list(KIND_RE.finditer(text, max(floor, verb - 320), verb))
    for i in range(len(found) - 1, -1, -1):
        head = found[i]
        tail = text[head.end():verb]
        complement = COMPLEMENT_RE.match(tail)
        if complement is None or complement.end() != len(tail):
            continue
        if comma and not tail:
            return head  # "an agreement, signed in 1994,"
        if NOT_COMPLEMENT_RE.search(tail) or _auxiliary_before(text, head.start()):
            return None
        return _outermost(text, found[:i], head)
    return None


def _outermost(text: str, before: list[re.Match[str]], head: re.Match[str]) -> re.Match[str]:
    """The title a nested document noun belongs to: "Protocol Amending the Protocol to the
    Agreement on X" for "Agreement"."""
    for outer in reversed(before):
        if not NESTED_RE.search(text, max(0, head.start() - 16), head.start()):
            break
        between = text[outer.end():head.start()]
        if COMPLEMENT_RE.match(between).end() != len(between):  # type: ignore[union-attr]
            break
        head = outer
    return head


def _named(title: str) -> bool:
    """Whether a title names a document: more than its noun, and not "these documents"."""
    words = title.lower().split()
    return len(words) > 1 and words[0] not in ANAPHORIC


def _bare_plural(title: str) -> bool:
    """"documents", "bilateral agreements": a plural head with no complement of its own."""
    head = plural_head(title)
    return head is not None and head.end() == len(title)


def _auxiliary_before(text: str, start: int) -> bool:
    """"have agreements signed", "get documents adopted": a causative, not a relative."""
    before = text[max(0, start - 25):start].lower().split()
    return bool(before) and before[-1] in ("have", "has", "had", "get", "got")


def _phrase_start(text: str, floor: int, head: int) -> int:
    """Where the modifiers before the noun at ``head`` begin: up to five words, none an
    article, preposition or clause word, with nothing but spaces between them."""
    start = head
    words = list(WORD_RE.finditer(text, max(floor, head - 80), head))
    for m in reversed(words[-5:]):
        if m.group(0).lower() in OPENERS or text[m.end():start].strip():
            break
        start = m.start()
    return start


def _announced(text: str, head: Title, start: int, end: int) -> list[Title]:
    """"Documents signed during the visit included A and B": the items after the verb;
    "Other documents signed concern A; B" (no document nouns): one title per topic."""
    verb = INCLUDE_RE.search(text, start, end)
    if verb is None or KIND_RE.search(text, start, verb.start()):
        return []
    stop = object_end(text, verb.end(), end)
    if KIND_RE.search(text, verb.end(), stop):
        return objects(text, verb.end(), end, head.status)
    noun = KIND_RE.search(head.text)
    topics = text[verb.end():stop].strip(" .;:")
    if noun is None or not topics or not TOPIC_VERB_RE.match(verb.group(0)):
        return []
    # one title for the list: the stage cuts it per topic (coopatlas.extract.signed_lists)
    return [Title(f"{noun.group(1).lower()} on {topics}", Span(verb.end(), stop), head.status)]
