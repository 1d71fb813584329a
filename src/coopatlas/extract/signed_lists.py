"""Coordination: one title per document in a list of document noun phrases.

* A list ("A, B; C as well as D, and E") is cut into one title per document noun. A
  piece without one is either a modifier of the next title ("interstate, regional and
  commercial agreements": short, or a run of adjectives) or the tail of the previous one
  ("regulation of companies, establishments and organisations": after an open complement
  such as "of", "on", "between"), or the name of a bare "document" before it ("a document,
  the Basic Principles of ..."). Anything else (an aside, a clause) is left out.
* "X and Y" is two titles when each side names a document and the right one opens with a
  determiner ("a memorandum on A and an agreement on B"); bare plurals joined by "and"
  name one batch ("bilateral agreements and commercial contracts") unless ``split_and``;
  nouns that are objects of a verb ("a law ratifying the agreement on A and a protocol")
  are not split.
* A collective head followed by a list marker ("a number of documents, including A, B
  and C"; "... were signed: A; B"; "in particular on X, Y") gives the items, not the head.
  Items without a document noun of their own are topics of the head's noun ("documents,
  in particular on energy and health" -> "documents on energy", "documents on health").
* A plural head with a list of topics ("agreements on energy, in the banking sector and on
  health") is one document per topic; an item without a preposition takes the one before
  it, and a few bare words after an inner complement continue it ("on the prevention of
  floods, fires"; "on trade between Russia, Belarus"), and one opened by an article is an
  aside ("on gas, a traditional sphere"). A singular head keeps its list ("a memorandum
  on trade, investment and farming").
"""

from __future__ import annotations

import re

from coopatlas.extract.signed_clauses import is_clause, object_end, pieces
from coopatlas.extract.signed_filters import GOVERNED_RE, KIND_RE, plural_head
from coopatlas.extract.signed_titles import COUNT_RE, Title, make_title
from coopatlas.model import Span

PREPOSITION_RE = re.compile(r"\b(of|on|for|in|between|with|among|to|from|about|at)\b", re.I)
OPEN = ("of", "on", "for", "between", "with", "among", "about", "in", "to", "from", "at")
ADJECTIVE_RE = re.compile(
    r"(?:[\w-]+(?:al|ic|ian|ive|ary|ory|ern|ate|ish|ese|ous|ful|less|ed)|and|or)",
    re.IGNORECASE)
GENERIC_RE = re.compile(r"\bdocuments?\s*$", re.IGNORECASE)
NAME_RE = re.compile(r"(?:the\s+)?[A-Z][\w’'-]*\s+(?:[A-Z]|of\b|on\b|for\b)")
AND_RE = re.compile(r"\s+and\s+")
DETERMINED_RE = re.compile(
    r"(?:also\s+)?(?:a|an|the|another|its|their|our|this|these|those|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|several)\s", re.IGNORECASE)
LIST_MARK_RE = re.compile(
    r",?\s+(?:including|in\s+particular|among\s+them|among\s+which|among\s+others|such\s+as"
    r"|namely)\b[,:]?\s*|\s*:\s+|\s+[–—]\s+(?=(?:a|an|the)\s)", re.IGNORECASE)
TOPIC_SPLIT_RE = re.compile(r"(?:[^,\s]|\s(?!and\s+(?:on|about|in|for)\s))+")
#: items that are topics of the head's documents: "in particular on energy, health".
TOPIC_RE = re.compile(r"(?:on|about|concerning|regarding|in\s+the\s+(?:fields?|areas?|spheres?)"
                      r"\s+of)\s", re.IGNORECASE)
COLLECTIVE_RE = re.compile(
    r"\b(?:number|series|package|set|range|batch|host|variety)\s+of\b|\b(?:several|many"
    r"|other|various|some)\s", re.IGNORECASE)


def last_preposition(text: str, start: int, end: int) -> str:
    found = PREPOSITION_RE.findall(text, start, end)
    return found[-1].lower() if found else ""


def _modifiers(phrase: str) -> bool:
    words = phrase.split()
    return len(words) <= 3 and all(ADJECTIVE_RE.fullmatch(w) for w in words)


def _names(text: str, title: tuple[int, int], start: int) -> bool:
    """"a document, the Basic Aspects of ...": a name in apposition to a bare "document"."""
    return bool(GENERIC_RE.search(text, *title)) and bool(NAME_RE.match(text, start))


def chunks(text: str, start: int, end: int, split_and: bool = True) -> list[tuple[int, int]]:
    """List pieces of a subject or object, one per document noun (see the module notes)."""
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in pieces(text, start, end):
        if is_clause(text, s, e):
            continue  # "an agreement on X, which we discussed, was signed"
        if KIND_RE.search(text, s, e):
            out.append((pending if pending is not None else s, e))
            pending = None
        elif out and pending is None and not _modifiers(text[s:e]) \
                and (last_preposition(text, *out[-1]) in OPEN or _names(text, out[-1], s)):
            out[-1] = (out[-1][0], e)
        elif pending is None and (not out or _modifiers(text[s:e])):
            pending = s
    return [piece for s, e in out for piece in split_coordination(text, s, e, split_and)]


def split_coordination(text: str, start: int, end: int, split_and: bool = True
                       ) -> list[tuple[int, int]]:
    """"A and B": two documents when each side names one (see the module notes)."""
    head = KIND_RE.search(text, start, end)
    if head and GOVERNED_RE.search(text, start, head.start()):
        return [(start, end)]  # "a law ratifying the agreement on X and a protocol to it"
    for m in AND_RE.finditer(text, start, end):
        left, right = (start, m.start()), (m.end(), end)
        if not (KIND_RE.search(text, *left) and KIND_RE.search(text, *right)):
            continue
        if split_and or DETERMINED_RE.match(text, m.end(), end):
            return [left, *split_coordination(text, *right, split_and=split_and)]
    return [(start, end)]


def titles_in(text: str, start: int, end: int, status: str, total: bool = False,
              split_and: bool = True) -> list[Title]:
    """The titles of a noun-phrase list, a head with a list of items counted as one list."""
    mark = _list_mark(text, start, end)
    if mark:
        head = titles_in(text, start, mark.start(), status, total, split_and)
        items = _items(text, mark.end(), end, status, head)
        if items:
            return [*[h for h in head if not collective(h, text)], *items]
    return [t for s, e in chunks(text, start, end, split_and)
            if (t := make_title(text, s, e, status, total))]


def _list_mark(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first list marker after a document noun, or None."""
    kind = KIND_RE.search(text, start, end)
    return LIST_MARK_RE.search(text, kind.end(), end) if kind else None


def collective(title: Title, text: str, counted: bool = False) -> bool:
    """A head that only announces the items after it: plural, or (``counted``) with a count
    or a word such as "a number of", "a package of"."""
    head = KIND_RE.search(title.text)
    if head is None:
        return False
    before = text[max(0, title.span.start - 30):title.span.start] + title.text[:head.start()]
    if COLLECTIVE_RE.search(before) or COUNT_RE.search(before):
        return True
    return not counted and head.group(1).lower().endswith(("s", "a", "ies"))


def tail_items(text: str, start: int, end: int, status: str, head: list[Title]
               ) -> list[Title]:
    """Items listed after the verb ("... were signed, including A and B"), or []."""
    mark = LIST_MARK_RE.search(text, start, end)
    if not mark or KIND_RE.search(text, start, mark.start()) \
            or is_clause(text, start, mark.start()):
        return []
    return _items(text, mark.end(), end, status, head)


def _items(text: str, start: int, end: int, status: str, head: list[Title]) -> list[Title]:
    end = object_end(text, start, end)
    if KIND_RE.search(text, start, end):
        return titles_in(text, start, end, status)
    if len(head) == 1 and collective(head[0], text, counted=True) \
            and TOPIC_RE.match(text, start, end):
        return topics(text, start, end, head[0])
    return []


def topics(text: str, start: int, end: int, head: Title) -> list[Title]:
    """"Twelve documents ..., in particular on A, B and C": one title per item.

    An item continues the previous one when it follows an "of" complement without a
    preposition of its own ("on prevention of accidents, disasters and fires")."""
    spans: list[list[int]] = []
    for piece in TOPIC_SPLIT_RE.finditer(text[start:end]):
        s, e = start + piece.start(), start + len(piece.group(0).rstrip(" .;:")) + piece.start()
        bare = not re.match(r"\s*(?:and\b|\w+ing\b|" + PREPOSITION_RE.pattern + ")",
                            piece.group(0), re.IGNORECASE)
        if spans and bare and last_preposition(text, *spans[-1]) == "of":
            spans[-1][1] = e
        else:
            spans.append([s, e])
    noun = KIND_RE.search(head.text)
    out = []
    for s, e in spans:
        words = re.sub(r"^\s*(?:and\s+)?(?:on\s+)?", "", text[s:e]).strip(" .;:")
        if noun and words:
            out.append(Title(f"{noun.group(1).lower()} on {words}", Span(s, e), head.status))
    return out


TOPIC_OPEN_RE = re.compile(r"\s+(on|in|for|about|concerning|regarding)\s", re.IGNORECASE)
ITEM_PREPOSITION_RE = re.compile(r"(on|in|for|about|concerning|regarding)\s", re.IGNORECASE)
COMMA_ITEM_RE = re.compile(r"\s*[,;]\s*(?:and\s+|as\s+well\s+as\s+)?")
LAST_AND_RE = re.compile(r"\s+and\s+")
AND_PREPOSITION_RE = re.compile(r"\s+and\s+(?=(?:on|in|for|about)\s)", re.IGNORECASE)
APPOSITION_RE = re.compile(r"(?:a|an|the|one|our|its|their)\s", re.IGNORECASE)


def per_topic(title: Title) -> list[Title]:
    """One title per topic of a plural head's topic list (see the module notes)."""
    head = plural_head(title.text)
    if head is None:
        return [title]
    opener = TOPIC_OPEN_RE.match(title.text, head.end())
    if opener is None:
        return [title]
    items = _topic_items(title.text[head.end():].strip())
    if len(items) < 2 and items == [title.text[head.end():].strip()]:
        return [title]
    out, preposition = [], opener.group(1)
    for item in items:
        own = ITEM_PREPOSITION_RE.match(item)
        preposition = own.group(1) if own else preposition
        words = item if own else f"{preposition} {item}"
        out.append(Title(f"{title.text[:head.end()]} {words}", title.span, title.status))
    return out


def _topic_items(rest: str) -> list[str]:
    """"on A, B and C" -> ["on A", "B", "C"]; "on A and on B" -> ["on A", "on B"]."""
    cuts = list(COMMA_ITEM_RE.finditer(rest))
    if not cuts:
        return AND_PREPOSITION_RE.split(rest)
    last = LAST_AND_RE.search(rest, cuts[-1].end())
    if last and not _modifiers(rest[cuts[-1].end():last.start()]):
        cuts.append(last)
    bounds = [0, *[x for c in cuts for x in (c.start(), c.end())], len(rest)]
    items: list[list[int]] = []
    for s, e in zip(bounds[::2], bounds[1::2], strict=True):
        part = rest[s:e].strip(" .;:")
        after_comma = s > 0 and ";" not in rest[bounds[bounds.index(s) - 1]:s]
        if not part or items and after_comma and APPOSITION_RE.match(part):
            continue  # "on oil and gas, a traditional sphere of our cooperation"
        if items and _continues(rest[items[-1][0]:items[-1][1]], part):
            items[-1][1] = e  # "the prevention of floods, fires": the inner list goes on
        else:
            items.append([s, e])
    return [rest[s:e].strip(" .;:") for s, e in items]


def _continues(previous: str, part: str) -> bool:
    """Whether a list piece goes on with the previous item rather than naming a topic:
    adjectives ("economic and cultural cooperation"), or a few bare words after an inner
    complement ("the prevention of floods, fires"; "cooperation between Russia, Belarus")."""
    if ITEM_PREPOSITION_RE.match(part):
        return False
    if _modifiers(part):
        return True
    opening = previous.split(None, 1)[0].lower()
    inner = last_preposition(previous, 0, len(previous))
    return inner not in ("", opening) and len(part.split()) <= 3 \
        and not PREPOSITION_RE.search(part)
