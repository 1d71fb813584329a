"""A small atlas built by hand through the store's own functions, for API, page and browser tests.

The texts are written for these tests (no corpus sentence). Spans are found with
``text.index`` so they always point at the words they claim.
"""

from __future__ import annotations

import hashlib
from datetime import date

from coopatlas.model import (
    Agreement,
    Claim,
    Conflict,
    Document,
    Evidence,
    Figure,
    ForumEdition,
    ForumMention,
    IndicatorObservation,
    Mention,
    Partnership,
    SignedDocument,
    Span,
    TwinPair,
    TwinPairFact,
)
from coopatlas.store import open_store, records, repo
from coopatlas.store.engine import Store

FORUM_TEXT = (
    "The Fifteenth Interregional Cooperation Forum opened in Omsk on 8 June 2019.\n"
    "Trade turnover reached $18.2 billion in 2018, the governor of Omsk Region said.\n"
    "A memorandum on youth exchanges was signed by Omsk Region and Pavlodar Region.\n"
    "The border between Russia and Kazakhstan is 7,500 km long.\n"
    "Omsk and Pavlodar have been twin cities for many years.\n"
)
NEWS_TEXT = (
    "Officials noted that the border is about 7,000 km long.\n"
    "Trade turnover between the countries may reach $20 billion in 2021.\n"
    "Orenburg Region and West Kazakhstan Region discussed the Ural river.\n"
)
EVIL_TEXT = (
    "A text that quotes markup: <script>window.__pwned = 1</script> and <b>bold</b> & more.\n"
    "Pavlodar Region was named here.\n"
)
RU_TEXT = "Форум прошёл в Омской области. Товарооборот вырос.\n"

USERS = {"reader": ("reader1", "reader-pass"), "curator": ("curator1", "curator-pass"),
         "admin": ("admin1", "admin-pass")}


def _doc(doc_id: str, text: str, title: str, published: date, language: str = "en") -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(doc_id=doc_id, source=f"fixtures/{doc_id}.txt", text=text,
                    content_hash=digest, title=title, published=published, language=language)


def _span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start, start + len(needle))


def _sentence(text: str, span: Span) -> Span:
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return Span(start, end if end >= 0 else len(text))


def _claim(doc: Document, kind: str, needle: str, fact: object, rule: str = "test") -> Claim:
    span = _span(doc.text, needle)
    return Claim(kind=kind, doc_id=doc.doc_id, span=span, fact=fact, rule=rule,  # type: ignore[arg-type]
                 sentence=_sentence(doc.text, span))


def _evidence(doc: Document, needle: str) -> Evidence:
    span = _sentence(doc.text, _span(doc.text, needle))
    return Evidence(doc_id=doc.doc_id, span=span, quote=span.of(doc.text),
                    published=doc.published)


def documents() -> dict[str, tuple[Document, list[Claim]]]:
    forum = _doc("doc-forum", FORUM_TEXT, "Forum opens in Omsk", date(2019, 6, 8))
    news = _doc("doc-news", NEWS_TEXT, "Border and trade", date(2020, 3, 1))
    evil = _doc("doc-evil", EVIL_TEXT, "A <script> in the title", date(2018, 1, 5))
    ru = _doc("doc-ru", RU_TEXT, "Форум в Омске", date(2019, 6, 9), language="ru")
    return {
        "forum": (forum, [
            _claim(forum, "forum", "Fifteenth Interregional Cooperation Forum",
                   ForumMention(edition=15, year=2019, city="Omsk", host_country="RU")),
            _claim(forum, "region", "Omsk Region", Mention("region", "RU-OMS", "Omsk Region",
                                                           _span(FORUM_TEXT, "Omsk Region"), "t")),
            _claim(forum, "figure", "$18.2 billion",
                   Figure("$18.2 billion", 18.2e9, "USD", "trade_turnover", "2018")),
            _claim(forum, "document_signed", "memorandum on youth exchanges",
                   SignedDocument("memorandum on youth exchanges", "memorandum")),
            _claim(forum, "region", "Pavlodar Region",
                   Mention("region", "KZ-55", "Pavlodar Region",
                           _span(FORUM_TEXT, "Pavlodar Region"), "t")),
            _claim(forum, "figure", "7,500 km",
                   Figure("7,500 km", 7500.0, "km", "border_length")),
            _claim(forum, "twin_pair", "Omsk and Pavlodar", TwinPairFact("Omsk", "Pavlodar")),
        ]),
        "news": (news, [
            _claim(news, "figure", "7,000 km", Figure("7,000 km", 7000.0, "km", "border_length",
                                                      qualifier="about")),
            _claim(news, "figure", "$20 billion",
                   Figure("$20 billion", 20e9, "USD", "trade_target", "2021", kind="target")),
            _claim(news, "region", "Orenburg Region",
                   Mention("region", "RU-ORE", "Orenburg Region",
                           _span(NEWS_TEXT, "Orenburg Region"), "t")),
        ]),
        "evil": (evil, [
            _claim(evil, "region", "Pavlodar Region",
                   Mention("region", "KZ-55", "Pavlodar Region",
                           _span(EVIL_TEXT, "Pavlodar Region"), "t")),
        ]),
        "ru": (ru, []),
    }


def atlas_records(docs: dict[str, tuple[Document, list[Claim]]]) -> list[object]:
    forum, news = docs["forum"][0], docs["news"][0]

    def obs(doc: Document, needle: str, indicator: str, value: float, unit: str,
            period: str | None) -> IndicatorObservation:
        span = _span(doc.text, needle)
        return IndicatorObservation(indicator, value, unit, period, doc.doc_id, span,
                                    _sentence(doc.text, span).of(doc.text),
                                    published=doc.published)

    border = [_evidence(forum, "7,500 km"), _evidence(news, "7,000 km")]
    return [
        ForumEdition(15, 2019, "2019-06-08", "Omsk", "RU", "development of human capital",
                     "in-person", ("memorandum on youth exchanges",),
                     (_evidence(forum, "Fifteenth"),)),
        ForumEdition(16, 2019, "2019-11-07", "Petropavl", "KZ", "cross-border cooperation",
                     "in-person", (), ()),
        Agreement("Memorandum on youth exchanges", "memorandum", ("RU-OMS", "KZ-55"),
                  date(2019, 6, 8), 15, "signed", (_evidence(forum, "memorandum"),)),
        Partnership("RU-OMS", "KZ-55", ("agreement", "twin_cities"), date(2019, 6, 8),
                    date(2019, 6, 8), (_evidence(forum, "memorandum"),)),
        Partnership("RU-ORE", "KZ-27", ("visit",), date(2020, 3, 1), date(2020, 3, 1),
                    (_evidence(news, "Orenburg"),)),
        TwinPair("Omsk", "Pavlodar", (_evidence(forum, "twin cities"),)),
        obs(forum, "$18.2 billion", "trade_turnover", 18.2e9, "USD", "2018"),
        obs(forum, "7,500 km", "border_length", 7500.0, "km", None),
        obs(news, "7,000 km", "border_length", 7000.0, "km", None),
        obs(news, "$20 billion", "trade_target", 20e9, "USD", "2021"),
        Conflict("indicator:border_length:-", ("7000 km", "7500 km"), "disagreement",
                 tuple(border)),
    ]


def build(url: str) -> Store:
    """Open the store at ``url`` and fill it with the fixture atlas and three users."""
    from coopatlas.api.auth import add_user

    store = open_store(url)
    docs = documents()
    with store.session() as session:
        for doc, claims in docs.values():
            repo.save_document(session=session, document=doc, claims=claims)
        records.save_records(session=session, records=atlas_records(docs))  # type: ignore[arg-type]
        for role, (name, password) in USERS.items():
            add_user(session, name, password, role)
    return store
