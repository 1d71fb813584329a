"""The figures stage: every number with a meaning, classified and dated.

Requires: the Doc's sentences (optional; without them each line, cut at sentence-final
punctuation, is the context); it asks only for the sentences that hold a number.
Assigns: claims of kind ``"figure"`` whose fact is a :class:`coopatlas.model.Figure`,
with the indicator rule's id as the claim's rule.

The number grammar runs once over the whole text (:mod:`coopatlas.extract.numbers`);
then, sentence by sentence, pairs like "76 of 85 regions" get their roles, each figure is
classified (:mod:`coopatlas.extract.indicators`), signed (falls are negative) and dated
(:mod:`coopatlas.extract.periods`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from coopatlas.doc import Doc, FixedSentences, SentenceIndex
from coopatlas.extract.indicator_cues import (
    BLOC_TRADE,
    KAZAKHSTAN,
    PARTNER_INDICATORS,
    THIRD_COUNTRY,
)
from coopatlas.extract.indicator_nouns import NOUN_INDICATORS, NOUN_STOP
from coopatlas.extract.indicators import Context, Decision, classify
from coopatlas.extract.number_patterns import COMPARATIVES, MONEY_UNITS, PREPOSITIONS
from coopatlas.extract.numbers import MEASURE, Quantity, find_quantities
from coopatlas.extract.periods import a_change, carried_period, opens_with_time, resolve
from coopatlas.extract.report_year import report_span, report_year
from coopatlas.gazetteer.countries import about_another_country, foreign_countries
from coopatlas.gazetteer.names import names_kazakhstan
from coopatlas.model import Claim, Figure, Sentence, Span

FALLBACK_SENTENCE = regex.compile(r"[^\n]*?(?:[.!?…](?=\s+[A-Z“\"‘(\[])|(?=\n)|$)")
PART_OF = regex.compile(r"^\s+of\s+[^,.;:\d]{0,40}$")
#: A sentence that opens by naming the parts of the figure before it ("Of these, 70 percent
#: ...", "That includes 75 million tonnes of wheat"): its figures share that figure's period.
PARTS_OF = regex.compile(
    r"\W*(?:(?:that|this|it|these)\s+(?:includes?|included)|of\s+(?:this|these|them|that"
    r"|which)\b|including\b)", regex.IGNORECASE)
OF_WHOLE = regex.compile(r"\bof\s*$", regex.IGNORECASE)
WHOLE_THEN_PART = regex.compile(r"^[^.;:\d]{0,40},\s*$")
FALL = regex.compile(
    r"\b(?:down|fell|fallen|decreased?|declined?|dropped|contracted|shrank|reduced|lowered"
    r"|cut|slumped|plunged|decrease of|decline of|reduction of)\b[^,;.]{0,20}$",
    regex.IGNORECASE,
)
#: "fell to 28 percent", "from 30 to 15 percent": a level after the fall, no change.
LEVEL = regex.compile(
    r"\b(?:(?:to|from)\s+(?:(?:about|around|almost|nearly|some|below|under|just|over)\s+)*"
    r"|(?:a|an|the)\s+(?:reduced|lowered|cut)\s+)$",  # "a reduced 6.5 percent rate"
    regex.IGNORECASE)
#: A change stated beside a fall, of the same sign: "lowered by 5 percent (by 10 percent
#: last year)", "fell by 5 percent in May and by 3 percent in June".
SAME_CHANGE = regex.compile(r"[^.;()]{0,60}?(?:\(|\band\b)\s*(?:by\s+)?$", regex.IGNORECASE)
FLOWS = regex.compile(r"\b(?:exports?|imports?|deliveries|exported|imported)\b")
BILATERAL_TRADE = regex.compile(r"\b(?:trade|turnover|commerce|bilateral|mutual)\b")
#: Only a comma or a conjunction between two figures, with at most the first's noun before
#: it and the next item's name after it: the second is coordinated with the first
#: ("increased by 6.9 percent and 7.8 percent, respectively", "potatoes showed a 9 percent
#: growth, vegetables – 20 percent", "profit tax grew by 14 percent, income tax by 8 percent").
COORDINATED = regex.compile(
    r"(?:\s+[\w’'-]+){0,2}?\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)"
    r"(?:[A-Za-z][\w’' -]{0,30}?(?:\s+by\s+|\s*[–—:]\s*))?")
#: "5 percent less", "a 10 percent decline": a fall named after the figure ("1.2 percent
#: falls to federal bodies" is a share).
LESS = regex.compile(r"\s*(?:less|lower|down|fewer|declines?|decreases?|drops?|falls?"
                     r"|reductions?|contractions?)\b(?!\s+to\b)", regex.IGNORECASE)
PEOPLE_AS_COUNT = frozenset({"students", "participants", "delegations"})
PEOPLE_AS_WRITTEN = regex.compile(r"(?:people|persons)\b")
KINDS = {"trade_target": "target", "trade_growth": "growth"}
_WORD = r"(?!(?:" + "|".join(NOUN_STOP) + r")\b)[A-Za-z][\w’'-]*"
_NOUN_HEADS = regex.compile(
    rf"(?:[ \t]+(?:{_WORD}[ \t]+){{0,2}}?)(?:"
    + "|".join(p for p, _ in NOUN_INDICATORS) + r")\b|[ \t]+citizens\b|[ \t]+people\b",
    regex.IGNORECASE,
)


def sentence_index(doc: Doc) -> SentenceIndex:
    """The Doc's sentences, else (no sentences stage ran) lines cut at sentence ends."""
    if doc.has_sentences:
        return doc.index
    return FixedSentences(Sentence(Span(*m.span())) for m in FALLBACK_SENTENCE.finditer(doc.text)
                          if m.end() > m.start())


def _group(index: SentenceIndex, quantities: list[Quantity]
           ) -> list[tuple[Sentence | None, list[Quantity]]]:
    """The quantities sentence by sentence, in text order (None: outside every sentence)."""
    groups: dict[int, tuple[Sentence | None, list[Quantity]]] = {}
    for q in quantities:
        where = index.at(q.number_start)
        key = where.span.start if where is not None else -1
        if key not in groups:
            groups[key] = (where, [])
        groups[key][1].append(q)
    return list(groups.values())


def roles(text: str, sentence_start: int, qs: list[Quantity]) -> dict[int, tuple[str, str]]:
    """``{index: (role, noun)}`` for "76 of 85 regions" and "Of 85 regions, 76" pairs."""
    found: dict[int, tuple[str, str]] = {}
    for i, (a, b) in enumerate(zip(qs, qs[1:], strict=False)):
        if a.unit != "count" or b.unit != "count":
            continue
        between = text[a.end:b.start]
        if PART_OF.match(between):
            found[i], found[i + 1] = ("part", b.noun or ""), ("whole", b.noun or "")
        elif OF_WHOLE.search(text, sentence_start, a.start) and WHOLE_THEN_PART.match(between):
            found[i], found[i + 1] = ("whole", a.noun or ""), ("part", a.noun or "")
    return found


def _end_with_noun(text: str, q: Quantity) -> int:
    if q.unit not in ("count", "people"):
        return q.end
    m = _NOUN_HEADS.match(text, q.end, min(len(text), q.end + 60))
    return m.end() if m else q.end


def _signed(value: float, indicator: str, text: str, q: Quantity, sentence_start: int,
            fall_before: int | None = None) -> float:
    """A fall is negative (the contract's rule, for every change in percent): "fell by 13.7
    percent", "5 percent less"; "fell to 28 percent" is a level."""
    if indicator != "trade_growth" and q.unit != "percent":
        return value
    start = max(sentence_start, q.start - 60)
    if (FALL.search(text, start, q.start) and not LEVEL.search(text, start, q.start)
            or LESS.match(text, q.end)
            or fall_before is not None and SAME_CHANGE.fullmatch(text, fall_before, q.start)):
        return -abs(value)
    return value


def _sector_flow(sentence: str, indicator: str) -> bool:
    """Exports or imports with no partner named and no word for trade between partners
    ("we increased exports to our traditional markets fivefold"): a sector's flows."""
    low = sentence.lower()
    return indicator.startswith("trade_") and bool(FLOWS.search(low)) \
        and not BILATERAL_TRADE.search(low)


def _partner_named(text: str | None, countries_only: bool = False) -> str | None:
    """"kz" when ``text`` names Kazakhstan, "other" when it names only another country or a
    bloc's trade. ``countries_only``: a bloc's name ("within the Eurasian Economic Union")
    is no partner, its trade with "third countries" is."""
    low = (text or "").lower()
    if KAZAKHSTAN.search(low):
        return "kz"
    if countries_only:
        return "other" if text and (foreign_countries(text) or BLOC_TRADE.search(low)) else None
    return "other" if THIRD_COUNTRY.search(low) else None


def _another_partner(doc: Doc, where: Sentence, sentence: str, prior: str | None,
                     indicator: str) -> str | None:
    """Why a partner figure whose sentence names no partner is another partnership's (the
    rule id), or None: the sentence before names another country ("Our trade with China
    grows. Last year it hit $108 billion."); the publication is about another country; or
    the figure is a sector's exports in a publication not about Kazakhstan."""
    before = _partner_named(prior, countries_only=True)
    if before is not None:
        return "partner_before" if before == "other" else None
    title = doc.title_at(where.span.start)
    if about_another_country(title):
        return "foreign_counterpart"
    if _sector_flow(sentence, indicator) and "Kazakh" not in title:
        return "sector_exports"
    return None


SHARED_UNITS = MONEY_UNITS | {"people", "tonnes", MEASURE}  # a bare "2.9 million" may take one
MILLION = 1e6
BILLION = 1e9
#: How far before a sentence a money figure may stand for its bare billions to be that money.
EARLIER_MONEY_WINDOW = 300
#: Words of money: a bare billion in their sentence is the text's money.
MONEY_WORDS = regex.compile(
    r"\b(?:tax(?:es)?|budgets?|revenues?|funds?|funding|financing|allocated|spent|subsid\w+"
    r"|loans?|grants?|profits?|debts?|costs?|invest(?:ed|ment))\b", regex.IGNORECASE)
#: A currency named in words in the sentence, and the unit it is.
CURRENCY_NAMED = regex.compile(r"\b(?:rubles?|roubles?|dollars?|euros?|tenge)\b",
                               regex.IGNORECASE)
CURRENCY_OF = {"ruble": "RUB", "rouble": "RUB", "dollar": "USD", "euro": "EUR", "tenge": "KZT"}
LIKE = 10  # a bare number within this factor of a people figure counts the same people


#: Words after a number that are no counted noun: "six billion more than", "199.3 billion
#: was exported" (prepositions too: "200 million as grants", "3 billion in loans").
NOT_A_NOUN = PREPOSITIONS | COMPARATIVES | frozenset(
    "as in and or but than which that was were is are has have had will would".split())


#: Verbs that may follow a bare number ("60 billion went to new construction").
VERB_AFTER = regex.compile(r"(?:\w+ed|went|goes|came|comes|remains?|stands?|stood)")


def _bare(q: Quantity, least: float = MILLION) -> bool:
    """A count of millions (or more) with no noun of its own: "200 million as grants",
    "60 billion went to new construction"."""
    first = (q.noun or "").split(None, 1)[0] if q.noun else ""
    return q.unit == "count" and q.value >= least \
        and (not first or first in NOT_A_NOUN or bool(VERB_AFTER.fullmatch(first)))


def _money_by_its_neighbours(qs: list[Quantity], earlier: str | None = None
                             ) -> list[Quantity]:
    """"we provided 225 million, 200 million as grant support, ..., overall almost $1
    billion": millions with no noun take the unit of the nearest figure that has one (money,
    people: "three million people, 2.9 million in fact"). With none in the sentence, billions
    take ``earlier``, the money unit of a figure just before it ("we earmarked 23 billion
    rubles. This is three billion more than in 2015")."""
    measured = [(i, q.unit) for i, q in enumerate(qs) if q.unit in SHARED_UNITS]
    if not measured:
        if earlier is None:
            return qs
        return [replace(q, unit=earlier) if _bare(q, BILLION) else q for q in qs]
    out = []
    for i, q in enumerate(qs):
        if _bare(q):
            j, unit = min(measured, key=lambda m: abs(m[0] - i))
            if unit in MONEY_UNITS or qs[j].value / LIKE < q.value < qs[j].value * LIKE:
                q = replace(q, unit=unit)  # people only of their order ("41 billion" is no)
        out.append(q)
    return out


def _figures_in(doc: Doc, where: Sentence, qs: list[Quantity], prior: str | None,
                prior_indicator: str | None, about_kazakhstan: bool,
                earlier_money: str | None = None, time_prior: str | None = None,
                whole_period: str | None = None) -> bool:
    """Claim the figures of one sentence; whether they continued the time of ``time_prior``
    (the sentence before, or the one whose time that sentence continued). In a text that
    never names Kazakhstan, partner indicators measure another partnership, and so do they,
    where no partner is named, after a sentence about another country or in a publication
    about one. ``whole_period`` is the period of the last figure of the sentence before,
    when this one opens by naming its parts ("Of these, ...", "That includes ...")."""
    text, s_start = doc.text, where.span.start
    sentence = where.span.of(text)
    found_roles = roles(text, s_start, qs)
    previous: str | None = None
    last_money: Quantity | None = None
    leader: tuple[Quantity, str, str | None] | None = None  # last figure, indicator, period
    time_prior = prior if time_prior is None else time_prior
    carried = carried_period(sentence, time_prior, doc.document.published)
    # the prior sentence's time, once a figure here took it, or the whole's this one divides
    continues: str | None = whole_period if PARTS_OF.match(sentence) else None
    fall_end: int | None = None  # where the last figure ends, if it was a fall
    qs = [q for q in _money_by_its_neighbours(qs, earlier_money) if q.unit != MEASURE]
    for i, q in enumerate(qs):
        if q.unit == "same":
            if last_money is None:
                continue
            q = replace(q, value=last_money.value, unit=last_money.unit)
        role, noun = found_roles.get(i, (None, q.noun or ""))
        a, b = q.start - s_start, q.end - s_start
        context = Context(sentence[:a].lower(), sentence[b:].lower(), q.unit,
                          (q.noun if role is None or role == "whole" else noun) or "",
                          role, previous, (prior or "").lower(), prior_indicator)
        decision = classify(context)
        if decision.indicator in PARTNER_INDICATORS and not about_kazakhstan:
            decision = Decision("other", "no_kazakhstan")  # another country's partnership
        elif decision.indicator in PARTNER_INDICATORS and _partner_named(sentence) is None:
            rule = _another_partner(doc, where, sentence, prior, decision.indicator)
            decision = Decision("other", rule) if rule else decision
        shared = None
        if leader is not None and leader[1] == decision.indicator \
                and COORDINATED.fullmatch(text, leader[0].end, q.start):
            shared = leader[2]
        period = _claim(doc, q, decision.indicator, decision.rule,
                        (where, sentence, time_prior), shared or continues, fall_end)
        fall_end = q.end if doc.claims[-1].fact.value < 0 else None  # type: ignore[attr-defined]
        if carried is not None and period == carried:
            continues = carried  # "Last year ... . GDP grew by 3 percent and output by 4 percent"
        leader = (q, decision.indicator, period)
        previous = decision.indicator
        if q.unit in MONEY_UNITS:
            last_money = q
    return continues is not None


def _claim(doc: Doc, q: Quantity, indicator: str, rule: str,
           at: tuple[Sentence, str, str | None], leader: str | None = None,
           fall_before: int | None = None) -> str | None:
    """Claim one figure; its period (``leader``: the period of the figure it is
    coordinated with; ``fall_before``: where a fall just before it ends)."""
    where, sentence, prior = at
    text, s_start = doc.text, where.span.start
    unit = q.unit
    if (unit == "people" and indicator in PEOPLE_AS_COUNT
            and not PEOPLE_AS_WRITTEN.match(q.noun or "")):
        unit = "count"  # "74,000 citizens" who study are a count; "1,000 people" stay people
    end = _end_with_noun(text, q)
    on = doc.document.published
    period = resolve(sentence, q.start - s_start, q.end - s_start, indicator, on, q.unit,
                     prior, leader)
    change = on is not None and period == str(on.year) \
        and a_change(sentence.lower(), q.start - s_start, q.end - s_start)
    if on is not None and (period == f"asof:{on.isoformat()}" or change):
        year = report_year(text, s_start, sentence, q.start - s_start, on)
        span = report_span(text, s_start, sentence, q.start - s_start, on) \
            if change and year is None else None
        if year is not None:  # a result of the year a report is about, not a stock
            period, rule = year, f"{rule}+report_year"
        elif span is not None:  # a change over the months of this year the report is about
            period, rule = span, f"{rule}+report_span"
    kind = KINDS.get(indicator) or ("stock" if period and period.startswith("asof:") else "result")
    figure = Figure(
        text=text[q.start:end], value=_signed(q.value, indicator, text, q, s_start, fall_before),
        unit=unit,
        indicator=indicator, period=period, value_max=q.value_max, qualifier=q.qualifier,
        kind=kind,  # type: ignore[arg-type]
    )
    doc.claims.append(Claim(  # built here: Doc.claim looks the sentence up again, in O(n)
        kind="figure", doc_id=doc.doc_id, span=Span(q.start, end), fact=figure,
        rule=f"figures.{rule}", sentence=where.span, segment=where.segment,
        speaker=where.speaker,
    ))
    return period


def _money_before(doc: Doc, first: int, at: int, sentence: str,
                  named: Counter[str]) -> str | None:
    """The money unit of the last figure claimed before ``at``, if it ends within
    EARLIER_MONEY_WINDOW characters of it; when the sentence speaks of money ("1.478
    trillion in minerals extraction tax"), the money the text has named most so far
    (``named``: how often each money unit was claimed before ``at``)."""
    for i in range(len(doc.claims) - 1, first - 1, -1):  # newest first, no copy
        claim = doc.claims[i]
        if claim.span.end <= at:
            fact: Figure = claim.fact  # type: ignore[assignment]
            if fact.unit in MONEY_UNITS and at - claim.span.end <= EARLIER_MONEY_WINDOW:
                return fact.unit
            break
    if not MONEY_WORDS.search(sentence):
        return None
    said = CURRENCY_NAMED.search(sentence)  # "several trillion rubles ..., up to 3 trillion"
    if said is not None:
        return CURRENCY_OF[said.group().lower().rstrip("s")]
    return named.most_common(1)[0][0] if named else None


def figures_stage(doc: Doc) -> Doc:
    """Append one ``figure`` claim per quantity stated in the text."""
    quantities = list(find_quantities(doc.text))
    if not quantities:
        return doc
    index = sentence_index(doc)
    whole = Sentence(Span(0, len(doc.text)))
    first = len(doc.claims)
    last: dict[int, Figure] = {}  # sentence start -> its last figure
    # sentence start -> the sentence whose time its figures continued: a chain of sentences
    # with no time of their own goes on with it ("Last year, ... . GDP grew by 6 percent
    # over 2017. Industry went up by 16 percent.")
    time_source: dict[int, str] = {}
    about_kazakhstan = names_kazakhstan(doc.lower)  # once per text, not per figure
    money_named: Counter[str] = Counter()  # money units claimed so far
    for where, qs in _group(index, quantities):
        before = _prior(doc.text, index, where)
        prior = before.span.of(doc.text) if before is not None else None
        time_prior = time_source.get(before.span.start, prior) if before is not None else None
        key = where.span.start if where is not None else -1
        claimed = len(doc.claims)
        figure_before = last.get(before.span.start) if before is not None else None
        continued = _figures_in(
            doc, where or whole, qs, prior, figure_before.indicator if figure_before else None,
            about_kazakhstan,
            _money_before(doc, first, qs[0].start, where.span.of(doc.text) if where else "",
                          money_named),
            time_prior,
            figure_before.period if figure_before else None)
        if len(doc.claims) > claimed:
            last[key] = doc.claims[-1].fact  # type: ignore[assignment]
            for claim in doc.claims[claimed:]:
                unit: str = claim.fact.unit  # type: ignore[attr-defined]
                if unit in MONEY_UNITS:
                    money_named[unit] += 1
        if continued and time_prior is not None \
                and opens_with_time(time_prior, doc.document.published):
            time_source[key] = time_prior
    doc.claims[first:] = restated(doc.claims[first:], index)
    return doc


def _same(a: Figure, b: Figure) -> bool:
    return a.value == b.value and {a.unit, b.unit} <= {"count", "people"}


def _within_odd(odd: Figure, exact: Figure) -> bool:
    """"300-odd" covers 300 to 399: an exact figure of the same kind there is restated."""
    step = 10 ** (len(str(int(odd.value))) - 1)
    return exact.indicator == odd.indicator and odd.value <= exact.value < odd.value + step


WINDOW = 2  # sentences either side in which a bare count restates a figure


def restated(claims: list[Claim], index: SentenceIndex) -> list[Claim]:
    """A figure stated again is one fact: a bare "400 people" two sentences after "400
    participants" takes that meaning; a "300-odd schools" after "341 schools" is dropped."""
    facts: list[Figure] = [c.fact for c in claims]  # type: ignore[misc]
    kept: list[Claim] = []
    for i, claim in enumerate(claims):
        fact = facts[i]
        if fact.qualifier == "odd" and any(_within_odd(fact, e) for e in facts[:i]):
            continue
        if fact.indicator == "other" and fact.unit in ("count", "people"):
            match = next((f for j, f in enumerate(facts)
                          if f.indicator != "other" and _same(fact, f)
                          and _near(index, claims[i].span.start, claims[j].span.start)), None)
            if match is not None:
                claim = replace(claim, fact=replace(fact, indicator=match.indicator,
                                                    unit=match.unit, period=match.period))
        kept.append(claim)
    return kept


def _near(index: SentenceIndex, a: int, b: int) -> bool:
    """Whether the sentences at offsets ``a`` and ``b`` lie at most WINDOW sentences apart."""
    lo, hi = min(a, b), max(a, b)
    return index.starts_between(lo, hi, WINDOW + 1) <= WINDOW


def _prior(text: str, index: SentenceIndex, sentence: Sentence | None) -> Sentence | None:
    """The sentence before ``sentence`` when both stand in one paragraph."""
    if sentence is None:
        return None
    before = index.before(sentence)
    if before is None or "\n" in text[before.span.start:sentence.span.start]:
        return None
    return before
