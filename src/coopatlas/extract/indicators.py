"""Classify a quantity into the contract's closed indicator list by the words around it.

Rules are data: ``RULES`` is an ordered list of ``(rule_id, rule)``; a rule reads a
:class:`Context` (the sentence split at the figure, its unit, the words after it) and
returns an indicator or ``None``. The first decisive rule wins and its id is kept on the
claim, so every classification can be traced.

>>> classify(Context("bilateral trade expanded by ", " to reach", "percent")).indicator
'trade_growth'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from coopatlas.extract.indicator_cues import (
    BACK_REFERENCE,
    BORDER,
    CLAUSE_AFTER,
    CLAUSE_BEFORE,
    COOPERATION,
    COUNTRY_IN,
    DISTANCE,
    ELLIPSIS,
    FORUM_COUNT,
    GATHERED_NOUNS,
    GATHERING,
    GROWTH,
    INHERIT,
    INTERREGIONAL,
    INVEST,
    JOINTLY,
    KAZAKHSTAN,
    NOUN_HEAD,
    OF_THEM,
    ORIGIN,
    OTHER_MONEY,
    PARTICIPANTS,
    PROJECT_VALUE,
    PROJECTS_AFTER,
    PRONOUN_GROWTH,
    SHARE,
    SIGNING,
    STUDY,
    SUBJECT,
    TARGET,
    THIRD_COUNTRY,
    TRADE,
)
from coopatlas.extract.indicator_nouns import MONEY, NOUN_INDICATORS, NOUN_STOP
from coopatlas.extract.number_patterns import PEOPLE_NOUNS


@dataclass(frozen=True, slots=True)
class Context:
    """A figure in its sentence: the (lower-case) text before and after it, its unit."""

    before: str
    after: str
    unit: str
    noun: str = ""
    role: str | None = None  # "part" / "whole" in "76 of 85 regions"
    previous: str | None = None  # indicator of the previous figure in the sentence
    prior: str = ""  # the sentence before, in the same paragraph (lower case)
    prior_indicator: str | None = None  # indicator of the last figure of that sentence

    @property
    def sentence(self) -> str:
        return self.before + self.after

    @property
    def clause_before(self) -> str:
        return CLAUSE_BEFORE.split(self.before)[-1]

    @property
    def clause_after(self) -> str:
        return CLAUSE_AFTER.split(self.after, maxsplit=1)[0]


@dataclass(frozen=True, slots=True)
class Decision:
    indicator: str
    rule: str


Rule = Callable[[Context], str | None]


COORDINATORS = frozenset({"and", "or"})


def head_noun(noun: str) -> str | None:
    """The indicator the counted noun names ("400 cooperation agreements" -> agreements,
    "1,500 large and small projects" -> projects)."""
    words = noun.split()
    for at, word in enumerate(words):
        if word in COORDINATORS and at == 1 and _adjective_pair(words):
            continue
        if word in NOUN_STOP:
            return None
        m = NOUN_HEAD.match(" ".join(words[at:]))
        if m:
            return NOUN_INDICATORS[int(m.lastgroup[1:])][1]
    return None


def _adjective_pair(words: list[str]) -> bool:
    """"large and small projects": two modifiers joined before one head noun."""
    return (len(words) >= 4 and NOUN_HEAD.match(words[0]) is None
            and NOUN_HEAD.match(words[2]) is None and NOUN_HEAD.match(words[3]) is not None)


def rule_border_length(c: Context) -> str | None:
    if c.unit != "km" or DISTANCE.match(c.after):
        return None  # "120 km from the border": a distance, not the border's length
    return "border_length" if BORDER.search(c.sentence) else None


def rule_population_border(c: Context) -> str | None:
    return "population_border" if c.unit == "people" and BORDER.search(c.sentence) else None


def rule_projects_value(c: Context) -> str | None:
    if c.unit not in MONEY:
        return None
    if PROJECT_VALUE.search(c.before[-80:]):
        return "projects_value"
    if PROJECTS_AFTER.match(c.after) and not (THIRD_COUNTRY.search(c.sentence)
                                              and not KAZAKHSTAN.search(c.sentence)):
        return "projects_value"  # "$300 million in 40 projects" (not a third country's)
    return None


def _direction(c: Context) -> str | None:
    origin = ORIGIN.match(c.after)
    if origin:
        return "investment_ru_in_kz" if origin.group("ru") else "investment_kz_in_ru"
    for m in reversed(list(COUNTRY_IN.finditer(c.clause_before))):
        return "investment_ru_in_kz" if m.group("kz") else "investment_kz_in_ru"
    m = COUNTRY_IN.search(c.clause_after)
    if m:
        return "investment_ru_in_kz" if m.group("kz") else "investment_kz_in_ru"
    subject = SUBJECT.search(c.clause_before) or SUBJECT.search(c.sentence)
    if subject and subject.group("mutual"):
        return "investment_mutual"
    if subject:
        return "investment_ru_in_kz" if subject.group("ru") else "investment_kz_in_ru"
    return None


def _about_investment(c: Context) -> bool:
    """Investment named in the figure's clause, or earlier in the sentence with no trade since."""
    if INVEST.search(c.clause_before + c.clause_after):
        return True
    mentions = list(INVEST.finditer(c.before))
    return bool(mentions) and not TRADE.search(c.before, mentions[-1].end())


def rule_investment(c: Context) -> str | None:
    if c.unit in MONEY | {"same"} and _about_investment(c):
        if THIRD_COUNTRY.search(c.sentence) and not KAZAKHSTAN.search(c.sentence):
            return "other"  # Russia and a third country
        return _direction(c) or "investment_mutual"
    return None


def rule_trade_target(c: Context) -> str | None:
    """A money target: about trade, or about nothing else named (the topic of the text)."""
    if c.unit not in MONEY or not TARGET.search(c.sentence):
        return None
    clause = c.clause_before + c.clause_after
    if OTHER_MONEY.search(clause) and not TRADE.search(clause):
        return None  # a fund, a credit line, a budget: money for something else
    if TRADE.search(c.sentence) or not (INVEST.search(c.sentence) or "project" in c.sentence):
        return "trade_target"
    return None


def rule_trade_share(c: Context) -> str | None:
    if c.unit == "percent" and TRADE.search(c.sentence) and INTERREGIONAL.search(c.sentence):
        return "trade_share_interregional" if SHARE.search(c.after[:30]) else None
    return None


def _topic_clause(c: Context) -> str:
    """The figure's clause, widened to the sentence when it refers back ("which is ...")."""
    if BACK_REFERENCE.search(c.clause_before):
        return c.before
    return c.clause_before + c.clause_after


def rule_trade_growth(c: Context) -> str | None:
    if not TRADE.search(_topic_clause(c)):
        return None
    if c.unit in ("percent", "times") or GROWTH.search(c.before[-40:]):
        return "trade_growth" if c.unit != "count" else None
    return None


def _about_trade(c: Context) -> bool:
    """Trade is the last money topic named before the figure, or it follows in the clause."""
    mentions = list(TRADE.finditer(c.before))
    if mentions:
        return not OTHER_MONEY.search(c.before, mentions[-1].end())
    return bool(TRADE.search(c.clause_after))


def rule_trade_turnover(c: Context) -> str | None:
    return "trade_turnover" if c.unit in MONEY and _about_trade(c) else None


def rule_pronoun_trade_growth(c: Context) -> str | None:
    if c.unit in ("percent", "times") and PRONOUN_GROWTH.search(c.before[-40:]) \
            and TRADE.search(c.prior) and not TRADE.search(c.before):
        return "trade_growth"
    return None


def rule_third_country_trade(c: Context) -> str | None:
    """Trade with a third country named in the sentence (and not Kazakhstan) is other."""
    if THIRD_COUNTRY.search(c.sentence) and not KAZAKHSTAN.search(c.sentence) \
            and TRADE.search(c.sentence) and (c.unit in MONEY or c.unit == "percent"):
        return "other"
    return None


def rule_regions(c: Context) -> str | None:
    if head_noun(c.noun) != "region" or c.unit != "count":
        return None
    if PARTICIPANTS.search(c.before):
        return "participants"
    if c.role == "whole":
        return "regions_total"
    if c.role == "part" or COOPERATION.search(c.sentence):
        return "regions_cooperating"
    return None


SHARE_UNITS = frozenset({"percent", "times"})


def rule_noun(c: Context) -> str | None:
    if c.unit in SHARE_UNITS:
        return None  # "17 percent of the businesses": a share of them, no count
    if c.noun and c.noun.split(None, 1)[0] in PEOPLE_NOUNS:
        return None  # "100 workers of the enterprise" counts people, not enterprises
    indicator = head_noun(c.noun)
    if indicator == "companies" and JOINTLY.search(c.sentence):
        return "joint_ventures"
    if indicator == "documents_signed" and not SIGNING.search(c.sentence):
        return None  # "collect 16 documents to get a payment": papers, not signed documents
    return indicator if indicator and indicator != "region" else None


def rule_gathered(c: Context) -> str | None:
    """Members, business people, people at a forum, a meeting, a delegation, a hall."""
    if c.unit not in ("count", "people") or not GATHERED_NOUNS.match(c.noun):
        return None
    return "participants" if GATHERING.search(c.sentence + " " + c.prior) else None


def rule_ellipsis(c: Context) -> str | None:
    if c.unit in ("count", "people") and c.prior_indicator and ELLIPSIS.match(c.noun):
        return c.prior_indicator
    return None


def rule_students_verb(c: Context) -> str | None:
    return "students" if c.unit in ("count", "people") and STUDY.search(c.noun) else None


def rule_inherit(c: Context) -> str | None:
    if c.previous and (INHERIT.search(c.before) or OF_THEM.match(c.noun)):
        return c.previous
    return None


def rule_forum_count(c: Context) -> str | None:
    if c.unit == "count" and c.noun == "" and FORUM_COUNT.search(c.clause_before):
        return "forum_count"
    return None


RULES: tuple[tuple[str, Rule], ...] = (
    ("border_length", rule_border_length),
    ("population_border", rule_population_border),
    ("projects_value", rule_projects_value),
    ("investment", rule_investment),
    ("third_country_trade", rule_third_country_trade),
    ("trade_target", rule_trade_target),
    ("trade_share", rule_trade_share),
    ("trade_growth", rule_trade_growth),
    ("pronoun_trade_growth", rule_pronoun_trade_growth),
    ("trade_turnover", rule_trade_turnover),
    ("regions", rule_regions),
    ("noun", rule_noun),
    ("gathered", rule_gathered),
    ("students_verb", rule_students_verb),
    ("inherit", rule_inherit),
    ("forum_count", rule_forum_count),
    ("ellipsis", rule_ellipsis),
)


def classify(context: Context, rules: tuple[tuple[str, Rule], ...] = RULES) -> Decision:
    """The first decisive rule's indicator, else ``other``."""
    for rule_id, rule in rules:
        indicator = rule(context)
        if indicator:
            return Decision(indicator, rule_id)
    return Decision("other", "default")
