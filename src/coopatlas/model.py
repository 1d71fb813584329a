"""The domain model: frozen dataclasses that every layer speaks, importing nothing of the package.

Text positions are half-open ``[start, end)`` character offsets into a document's
*normalised* text (``Document.text``); a span never copies text.

Extraction produces :class:`Claim` objects (a typed fact plus its provenance); the atlas
merges claims into the records below them (forums, agreements, partnerships, indicator
observations, conflicts) and analysts change those records through :class:`CurationEdit`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

EXTRACTOR_VERSION = "1.9.0"

Country = Literal["RU", "KZ"]
PlaceKind = Literal["region", "city", "macro_region"]
ClaimKind = Literal[
    "published", "segment", "region", "city", "figure", "forum", "document_signed", "twin_pair",
    "visit", "project",
]
Unit = Literal["USD", "RUB", "KZT", "EUR", "percent", "count", "km", "people", "tonnes", "times"]

INDICATORS: tuple[str, ...] = (
    "trade_turnover", "trade_growth", "trade_target", "trade_share_interregional",
    "investment_ru_in_kz", "investment_kz_in_ru", "investment_mutual", "joint_ventures",
    "companies", "agreements", "regions_cooperating", "regions_total", "projects",
    "projects_value", "border_length", "population_border", "students", "schools",
    "universities", "participants", "delegations", "documents_signed", "forum_count", "other",
)
UNITS: tuple[str, ...] = (
    "USD", "RUB", "KZT", "EUR", "percent", "count", "km", "people", "tonnes", "times",
)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's normalised text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def of(self, text: str) -> str:
        return text[self.start:self.end]


# ---------------------------------------------------------------- documents and text


@dataclass(frozen=True, slots=True)
class Segment:
    """One publication inside a file (a page can carry two transcripts one after another)."""

    index: int
    span: Span
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A read source: its normalised text (furniture removed), metadata and segments.

    ``doc_id`` is derived from ``content_hash`` (the hash of the raw bytes), so reading
    the same content twice gives the same identifier.
    """

    doc_id: str
    source: str
    text: str
    content_hash: str
    title: str | None = None
    published: date | None = None
    language: str = "en"
    kind: str = "text"
    segments: tuple[Segment, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with the segment it belongs to and who said it, where the text tells."""

    span: Span
    segment: int = 0
    speaker: str | None = None


# ---------------------------------------------------------------- facts


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in the text and linked to the gazetteer.

    ``key`` is an ISO 3166-2 code for regions, the current English name for cities and
    the macro-region's identifier for macro-regions; ``surface`` is the name as written.
    """

    kind: PlaceKind
    key: str
    surface: str
    span: Span
    rule: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with a meaning (money, percent, count, length, people...)."""

    text: str
    value: float
    unit: str
    indicator: str = "other"
    period: str | None = None
    value_max: float | None = None
    qualifier: str | None = None  # "about", "over", "almost", "more than"...
    kind: Literal["result", "growth", "target", "stock"] = "result"


@dataclass(frozen=True, slots=True)
class ForumMention:
    """An edition of the Interregional Cooperation Forum as one text places it."""

    edition: int
    year: int | None = None
    date: str | None = None  # "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD"
    city: str | None = None
    host_country: str | None = None
    theme: str | None = None
    format: str | None = None  # "in-person" | "video"


@dataclass(frozen=True, slots=True)
class SignedDocument:
    """A document the text says was signed, adopted or is being drafted for signing."""

    title: str
    kind: str = "agreement"  # agreement, programme, concept, memorandum, protocol, statement...
    status: str = "signed"  # signed, adopted, planned, drafted
    parties: tuple[str, ...] = ()  # ISO region codes named as parties


@dataclass(frozen=True, slots=True)
class TwinPairFact:
    """Two twinned or partner cities, in the order the text names them."""

    city_a: str
    city_b: str


@dataclass(frozen=True, slots=True)
class VisitFact:
    """A delegation, governor, akim or mission of one region visiting a place across the border.

    ``host_region`` is the ISO code of the host region (a host city's region); it is
    ``None`` when the text names only the host country (``host_country``). ``on`` is a day
    the text states, ``period`` the stated time in the figures' notation ("2023-03..2023-03",
    "2021"); both resolved against the text's date, both ``None`` where the text is silent.
    """

    region: str
    host_region: str | None
    host_country: str
    description: str
    host_city: str | None = None
    visitor: str = "delegation"  # delegation, governor, akim, head, mission...
    on: date | None = None
    period: str | None = None
    status: Literal["held", "planned"] = "held"


@dataclass(frozen=True, slots=True)
class ProjectFact:
    """A joint project, plant, enterprise, logistics centre... the text ties to regions.

    ``value`` and ``unit`` are the stated cost or investment (``unit`` one of the money
    units); ``status`` is "planned", "under_construction", "launched" or "completed" where
    the text says so.
    """

    name: str
    regions: tuple[str, ...] = ()
    value: float | None = None
    unit: str | None = None
    status: str | None = None


Fact = (Mention | Figure | ForumMention | SignedDocument | TwinPairFact | VisitFact
        | ProjectFact | date | int)


@dataclass(frozen=True, slots=True)
class Claim:
    """A typed fact with its provenance: document, span, sentence, speaker, rule, version."""

    kind: ClaimKind
    doc_id: str
    span: Span
    fact: Any
    rule: str
    sentence: Span | None = None
    segment: int = 0
    speaker: str | None = None
    extractor_version: str = EXTRACTOR_VERSION


# ---------------------------------------------------------------- atlas records


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an atlas value comes from: a claim's document and span, or a reference source."""

    doc_id: str | None
    span: Span | None
    quote: str
    source_url: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class ForumEdition:
    edition: int
    year: int | None = None
    date: str | None = None
    city: str | None = None
    host_country: str | None = None
    theme: str | None = None
    format: str | None = None
    documents_signed: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Agreement:
    title: str
    kind: str
    parties: tuple[str, ...] = ()
    signed_on: date | None = None
    forum_edition: int | None = None
    status: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Partnership:
    """A tie between a Russian and a Kazakhstani region, with how it is known."""

    ru_region: str
    kz_region: str
    via: tuple[str, ...] = ()  # "twin_cities", "agreement", "visit", "project", "signing"
    first_seen: date | None = None
    last_seen: date | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class TwinPair:
    city_a: str
    city_b: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Visit:
    """One visit across the border, merged from every text that tells of it. ``on`` is the
    stated day (or the first of a stated single month); ``period`` the stated time in the
    figures' notation where no day is stated ("2021-07..2021-09"); ``status`` "held" once any
    text reports it held, "planned" while texts only announce it."""

    region: str
    host_region: str | None
    on: date | None
    description: str
    evidence: tuple[Evidence, ...] = ()
    period: str | None = None
    status: Literal["held", "planned"] = "held"


@dataclass(frozen=True, slots=True)
class Project:
    name: str
    regions: tuple[str, ...] = ()
    value_usd: float | None = None
    status: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Programme:
    title: str
    period: str | None = None  # "2018..2023"
    parties: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class IndicatorObservation:
    """One stated value of an indicator, with its source, speaker and date."""

    indicator: str
    value: float
    unit: str
    period: str | None
    doc_id: str
    span: Span
    quote: str
    speaker: str | None = None
    published: date | None = None
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Claims that disagree about one thing (same indicator and period, same forum field)."""

    subject: str  # "indicator:border_length:-", "forum:16:city"
    values: tuple[str, ...]
    kind: Literal["disagreement", "change_over_time"] = "disagreement"
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class CurationEdit:
    """An analyst's change to an atlas record: who, when, what and why."""

    record_type: str
    record_key: str
    field: str
    old_value: Any
    new_value: Any
    author: str
    reason: str
    at: datetime
    action: Literal["set", "add", "retract", "revert"] = "set"
    edit_id: int | None = None
