"""Which found document titles to keep: the parties, near-duplicates and summary phrases.

* Parties — the contract records Russia–Kazakhstan documents only. A title that names
  another country as a party and not Kazakhstan ("agreements with Azerbaijan", "an
  Armenian-Russian treaty"),
  or one whose sentence names another country but not Kazakhstan, is left out (countries
  as :mod:`coopatlas.gazetteer.countries` finds them).
* Near-duplicates — the same document named twice in other words ("a Concept for the
  Cross-Border Cooperation Programme" / "a concept of the programme for bilateral cross-border
  cooperation"): same document kind and the same key words, or a close fuzzy match.
* Summary phrases — "a package of interdepartmental and interregional agreements" restating
  titles listed elsewhere: a collective title whose every key word another title covers.
* Anaphors — "let us sign the documents", "the approved documents": a verb's bare plural
  object after "the" points back to documents named before; a bare "agreement" beside a
  named agreement of the text is that agreement again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from rapidfuzz import fuzz

from coopatlas.gazetteer.countries import foreign_countries

if TYPE_CHECKING:
    from coopatlas.extract.signed_titles import Title

T = TypeVar("T")

KINDS: dict[str, str] = {
    "agreement": "agreement", "accord": "agreement", "treaty": "agreement",
    "treaties": "agreement", "programme": "programme", "program": "programme",
    "concept": "concept", "memorandum": "memorandum", "memoranda": "memorandum",
    "protocol": "protocol", "statement": "statement", "declaration": "declaration",
    "contract": "contract", "document": "document", "roadmap": "roadmap", "plan": "plan",
    "communique": "statement", "communiqué": "statement", "resolution": "resolution",
    "convention": "agreement", "charter": "document", "instruction": "document",
}
KIND_RE = re.compile(
    r"\b(agreements?|accords?|treaty|treaties|programmes?|programs?|concepts?|memorand(?:um|a)"
    r"|protocols?|statements?|declarations?|contracts?|documents?|roadmaps?|plans?"
    r"|communiqu[eé]s?|conventions?|charters?|statutes?"
    # a resolution or instruction only by its official title ("the Resolution On ...")
    r"|(?:resolutions?|instructions?)(?=(?-i:\s+On\s)))\b", re.IGNORECASE)
#: "agreement" meaning consent, not a document: "by agreement", "reached an agreement".
CONSENT_RE = re.compile(
    r"\b(?:(?:by|in)\s+(?:mutual\s+|full\s+|common\s+)?|(?:reach|reached|reaching|reaches)\s+"
    r"(?:an?\s+|the\s+|mutual\s+|full\s+)*|(?:mutual|full|complete|general|broad|tacit)\s+"
    r"|there\s+(?:is|was)\s+(?:an?\s+|full\s+|general\s+)*|no\s+)agreement\b(?!s)",
    re.IGNORECASE)
COLLECTIVE_RE = re.compile(r"\b(?:package|set|series|range|batch|bundle|number)\s+of\s+",
                           re.IGNORECASE)
#: words that do not tell two Russia–Kazakhstan documents apart.
STOP = frozenset(
    "a an the of on for in to and or with between by at from its their our this these that "
    "bilateral joint russia russian kazakhstan kazakh kazakhstani federation republic two "
    "country state relevant".split())


#: words that never stand before a title's document noun: it is a clause, not a title.
CLAUSE_WORDS = frozenset(
    "i we you he she they it us them each their our his her who which that this these those "
    "such will would can "
    "could should must is are was were been be has have had made set want said no not".split())
TRAILING_RE = re.compile(r"(?:\s+(?:that|which|who|aimed|to|and|or|of|the|a|an|with|for|on))+$",
                         re.IGNORECASE)
PASSIVE_CLAUSE_RE = re.compile(
    r"\b(?:has|have|had)\s+been\b|\b(?:is|are|was|were)\s+(?:being\s+)?\w+ed\b", re.I)
MAX_WORDS_BEFORE_HEAD = 5
#: a subject pronoun, or one governed by a verb, makes a phrase a clause ("documents to
#: include him in ..."); "agreements with four of them" stays a title.
PERSONAL_RE = re.compile(r"\b(?:I|me|he|him|she|we|they)\b")
#: a preposition before the document noun puts it inside another phrase ("approach towards
#: concluding contracts", "meeting by signing agreements"), but for collectives ("package of").
PREP_BEFORE_HEAD_RE = re.compile(
    r"\b(?:by|towards?|of|on|for|in|at|with|about|after|before|from)\s", re.IGNORECASE)
#: a verb before the document noun makes it that verb's object ("a law ratifying the treaty").
GOVERNED_RE = re.compile(r"\b[a-z]+ing\s+(?:the|a|an)\s", re.IGNORECASE)
COLLECTIVE_OF_RE = re.compile(
    r"\b(?:package|set|series|range|batch|bundle|number|host|variety|text|draft|copy|copies"
    r"|signing|exchange|understanding)\s+of\s", re.IGNORECASE)


def plausible(phrase: str) -> bool:
    """Whether a trimmed phrase reads as a document title: its document noun comes early and
    no pronoun, auxiliary or negation stands before it."""
    head = KIND_RE.search(phrase)
    if not head:
        return False
    before = [w.strip(",;:’'") for w in phrase[:head.start()].lower().split()]
    lead = COLLECTIVE_OF_RE.sub(" ", phrase[:head.start()])
    # "package of interstate, intergovernmental, interregional and commercial documents":
    # the collective is no modifier of the document noun
    modifiers = [w for w in (w.strip(",;:’'") for w in lead.lower().split())
                 if w not in ("and", "or")]
    return (len(modifiers) <= MAX_WORDS_BEFORE_HEAD and not CLAUSE_WORDS.intersection(before)
            and not PASSIVE_CLAUSE_RE.search(phrase) and not PERSONAL_RE.search(phrase)
            and not PREP_BEFORE_HEAD_RE.search(lead) and not GOVERNED_RE.search(lead))


def consent_use(phrase: str) -> bool:
    """Whether the phrase's first document noun is "agreement" in the sense of consent."""
    head = KIND_RE.search(phrase)
    return bool(head) and any(m.start() <= head.start() < m.end()
                              for m in CONSENT_RE.finditer(phrase, 0, head.end()))


def kind_of(title: str) -> str:
    head = KIND_RE.search(title)
    word = head.group(1).lower() if head else "document"
    return KINDS.get(word, KINDS.get(word.removesuffix("s"), "document"))


#: Groupings Kazakhstan belongs to: their documents have it among the parties.
KAZAKHSTAN_BLOCS = re.compile(
    r"\b(?:CIS|Commonwealth of Independent States|Common Economic Space|Customs Union"
    r"|Eurasian|EAEU|EurAsEC|CSTO|Collective Security|SCO|Shanghai Cooperation|Caspian)\b"
)


def _bloc_before(title: str, sentence: str) -> bool:
    """Whether a grouping Kazakhstan belongs to is named before the title: its subject
    ("The EAEU signed agreements with Vietnam and Serbia")."""
    at = sentence.find(title)
    return bool(KAZAKHSTAN_BLOCS.search(sentence, 0, at if at >= 0 else len(sentence)))


def about_ru_kz(title: str, sentence: str) -> bool:
    """Whether a document is a Russia–Kazakhstan one as far as its title and sentence tell:
    a grouping's agreements with third countries have Kazakhstan among the parties."""
    bloc = _bloc_before(title, sentence)
    if re.search(r"\b(?:with|between)\b", title) and foreign_countries(title) \
            and "Kazakh" not in title and not bloc:
        return False  # "agreements with Azerbaijan"; "between Russia, Kazakhstan and Belarus"

    if any(re.search(re.escape(c) + r"[-–](?:Russian|Kazakh)", title)
           for c in foreign_countries(title)):
        return False
    return "Kazakh" in sentence or not foreign_countries(sentence) or bloc


def _stem(word: str) -> str:
    word = re.sub(r"^inter-?", "", word)
    word = re.sub(r"ies$", "y", word)
    word = re.sub(r"(?<=[a-z]{4})(?:al|s)$", "", word)
    return re.sub(r"(?<=[a-z]{4})(?:al|s)$", "", word)


def key_words(title: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in STOP}


#: "a document called Main Areas of ...": a generic noun before the name it is given.
CALLED_RE = re.compile(r"^.*?\b(?:called|entitled|titled|named)\s+", re.IGNORECASE)


def same_document(a: str, b: str) -> bool:
    """Two titles naming one document: a close fuzzy match, or same kind and key words (a
    generic "document called ..." is of any kind, and its key words are the name's)."""
    if fuzz.token_sort_ratio(a.lower(), b.lower()) >= 88:
        return True
    kinds = {kind_of(a), kind_of(b)}
    if len(kinds) > 1 and "document" in kinds:
        a, b = CALLED_RE.sub("", a), CALLED_RE.sub("", b)
    elif len(kinds) > 1:
        return False
    ka, kb = key_words(a), key_words(b)
    small = min(len(ka), len(kb))
    return small >= 3 and len(ka & kb) >= 0.8 * small


def _restates(title: str, others: list[str]) -> bool:
    collective = COLLECTIVE_RE.search(title)
    if not collective or not others:
        return False
    covered = set().union(*(key_words(o) for o in others))
    own = {w for w in key_words(title[collective.end():]) if not KIND_RE.fullmatch(w)}
    return own <= covered


#: "other important documents", "other agreements": documents left unnamed.
OTHERS_RE = re.compile(r"other\s+(?:\w+\s+){0,2}?(?:documents|agreements|papers)\s*$",
                       re.IGNORECASE)


def unnamed_others(title: str) -> bool:
    """Whether the title only says there were other documents ("other important documents");
    with its topics it names them ("other documents on customs")."""
    return bool(OTHERS_RE.match(title))


def dedupe(items: Iterable[T], text_of: Callable[[T], str]) -> list[T]:
    """Items in order, without near-duplicates and summary phrases of the others."""
    kept: list[T] = []
    for item in items:
        twin = next((i for i, k in enumerate(kept) if same_document(text_of(item), text_of(k))),
                    None)
        if twin is None:
            kept.append(item)
        elif kind_of(text_of(kept[twin])) == "document" != kind_of(text_of(item)):
            kept[twin] = item  # the named kind over "a document called ..."
    titles = [text_of(k) for k in kept]
    return [k for i, k in enumerate(kept)
            if not _restates(titles[i], titles[:i] + titles[i + 1:])]


#: endings of a plural document noun ("agreements", "memoranda").
PLURAL_HEADS = ("s", "memoranda")


def plural_head(title: str) -> re.Match[str] | None:
    """The document noun of ``title`` when it is plural, else None."""
    head = KIND_RE.search(title)
    return head if head is not None and head.group(1).lower().endswith(PLURAL_HEADS) else None


ANAPHOR_BEFORE_RE = re.compile(r"\b(?:the|these|those|this|that|such)\s+$", re.IGNORECASE)
PARTICIPLES = frozenset("approved signed adopted above relevant said respective".split())


def bare(title: str) -> bool:
    """"documents", "approved documents": the document noun with at most a participle."""
    words = title.lower().split()
    return bool(words) and len(words) <= 2 and KIND_RE.fullmatch(words[-1]) is not None \
        and (len(words) == 1 or words[0] in PARTICIPLES)


def refers_back(text: str, title: Title) -> bool:
    """A verb's object that is a bare plural or participle noun after "the", "these" ("sign
    the documents", "the approved documents"): documents the text has named before. ("All
    the documents were drafted", a subject, is the event's batch.)"""
    start = title.span.start
    words = title.text.lower().split()
    return bare(title.text) and (plural_head(words[-1]) is not None or len(words) == 2) \
        and ANAPHOR_BEFORE_RE.search(text, max(0, start - 8), start) is not None


def bare_beside_named(title: Title, titles: list[Title]) -> bool:
    """A bare noun ("agreement") when the text names a document of that kind."""
    return bare(title.text) and any(
        t is not title and not bare(t.text) and kind_of(t.text) == kind_of(title.text)
        for t in titles)
