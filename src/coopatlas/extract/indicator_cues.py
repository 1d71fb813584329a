"""The word cues the indicator rules read (:mod:`coopatlas.extract.indicators`): compiled
patterns for trade, investment, targets, growth, gatherings, countries and the like."""

from __future__ import annotations

import regex

from coopatlas.extract.indicator_nouns import NOUN_INDICATORS

TRADE = regex.compile(r"\b(?:trade|turnover|deliveries|exports?|imports?|commerce)\b")
INVEST = regex.compile(r"\binvest")
TARGET = regex.compile(
    r"\b(?:are to|is to|will|should|aim\w*|target\w*|goal|plan\w*|expect\w*|intend\w*)\b"
    r"|by the end of|by (?:19|20)\d\d"
)
GROWTH = regex.compile(
    r"(?:\b(?:grew|grown|grow|increased?|expanded|rose|risen|went up|up|down|fell|fallen|"
    r"decreased?|declined?|dropped|contracted|shrank|growth of|increase of|decrease of)"
    r"(?:\s+by)?|\bby)\s*$"
)
COMPARED = regex.compile(r"^\s*(?:more|less|higher|lower|up|down)\b")
SHARE = regex.compile(r"^\s*of\b|\bshare\b|\baccount")
INTERREGIONAL = regex.compile(r"interregional|inter-regional|between (?:the )?regions")
PARTICIPANTS = regex.compile(
    r"representatives|participants|delegat|guests|attendees|members|heads of"
)
COOPERATION = regex.compile(
    r"cooperat|ties|contacts|relations|partners|agreements|collaborat|interact"
    r"|\bwork\w*\s+(?:\w+\s+)?with\b"
)
#: A gathering: people and members counted at it take part in it.
GATHERING = regex.compile(
    r"\b(?:delegations?|forum|meet|meeting|visit\w*|conference|congress|exhibition|fair"
    r"|summit|hall|audience|attend\w*|gathered|took part|taking part|have come|came)\b"
)
#: Counted people who are participants when a gathering is named around them.
GATHERED_NOUNS = regex.compile(
    r"^(?:members|business\s+(?:leaders|people|representatives)|businessmen|entrepreneurs"
    r"|executives|experts|people|persons)\b"
)
JOINTLY = regex.compile(
    r"\b(?:together|jointly)\b[^.;]{0,30}\b(?:created|set up|established|founded|registered)"
    r"\b|\b(?:created|set up|established|founded|registered)\s+(?:together|jointly)\b"
)
#: A count whose noun is left out ("Over a thousand were trained"): it counts the noun of
#: the sentence before.
ELLIPSIS = regex.compile(r"^(?:were|are|was|is|have|has|had|will|of them|of whom)\b")
#: Countries other than Russia and Kazakhstan, and their adjectives, and blocs: investment
#: between Russia and one of them, or a bloc's trade, is no indicator of the Russia–Kazakhstan
#: list.
THIRD_COUNTRY = regex.compile(
    r"\b(?:azerbaijan|belarus|uzbek|kyrgyz|tajik|turkmen|armenia|georgia|ukrain|moldov"
    r"|mongolia|china|chinese|india|iran|turk(?:ey|ish|iye)|german|france|french|ital"
    r"|japan|korea|vietnam|egypt|syria|serbia|cuba|finland|finnish|poland|polish|american"
    r"|united states|british|britain)\w*"
    # a bloc's own trade ("the Union's foreign trade", "trade between the member states")
    r"|\b(?:eaeu|eurasian economic|the union|member states|member countries|third countries"
    r"|the commonwealth|cis|sco|brics)\b"
)
#: Trade that is a bloc's with outsiders or among its members, named without the bloc's
#: name ("trade with third countries", "between the member states").
BLOC_TRADE = regex.compile(r"\b(?:third countries|member states|member countries)\b")
KAZAKHSTAN = regex.compile(r"\bkazakh")
#: A word for signing: documents counted beside it are signed documents, not papers.
SIGNING = regex.compile(r"\b(?:sign\w*|conclu\w*|adopt\w*|ink\w*|approv\w*|initial\w*)\b")
STUDY = regex.compile(r"\b(?:study|studying|studies|enrolled|students)\b")
INHERIT = regex.compile(r"(?:including|of which|of whom|of them|among them)\s*$")
FORUM_COUNT = regex.compile(r"\b(?:host\w*|held|organi[sz]ed)\b.*\b(?:forum|event)s?\b"
                            r"|\b(?:forum|event)s?\b.*\b(?:host\w*|held)\b")
NOUN_HEAD = regex.compile(
    "|".join(f"(?P<n{i}>(?:{pattern})\\b)" for i, (pattern, _) in enumerate(NOUN_INDICATORS))
)
CLAUSE_BEFORE = regex.compile(r"[,;:–—]")
CLAUSE_AFTER = regex.compile(r"[,;:–—.]")
DISTANCE = regex.compile(r"\s*(?:away|from|off|to|north|south|east|west)\b")
BORDER = regex.compile(r"\bborder|\bfrontier")
PROJECT_VALUE = regex.compile(r"\bprojects?\b[^,;.]{0,40}$")
#: A clause that only comments on the one before it ("..., which is one-third more").
BACK_REFERENCE = regex.compile(
    r"^\s*(?:which|that is|an increase|a rise|a growth|a fall|up|down)\b"
)
#: Other things money measures; named after "trade", they take the figure away from it.
OTHER_MONEY = regex.compile(
    r"\b(?:contract|budget|fund|loan|credit|grant|cost|price|capital|allocat|spen[dt]|financ"
    r"|invest|project|worth|support)"
)
OF_THEM = regex.compile(r"^(?:of|among) (?:them|these|those|which|whom)\b")
COUNTRY_IN = regex.compile(
    r"\b(?:in|into)\s+(?:the\s+)?(?:(?:economy|economies|industry|industries|companies"
    r"|enterprises|assets|projects?|regions?)\s+of\s+(?:the\s+)?)?"
    r"(?:(?P<ru>russia|russian)|(?P<kz>kazakhstan|kazakh))"
)
#: "$300 million in 40 projects": money put into projects is their value.
PROJECTS_AFTER = regex.compile(r"^\s+(?:in|into|for)\s+(?:[\w,-]+\s+){0,5}?projects?\b")
#: "Our trade is growing. Last year it grew by 12 percent": a pronoun for the trade just named.
PRONOUN_GROWTH = regex.compile(
    r"\b(?:it|this)\s+(?:has\s+|had\s+)?(?:grew|grown|increased|rose|risen|expanded|went up"
    r"|fell|fallen|decreased|declined|dropped)(?:\s+by)?\s*$")
#: Indicators of Russia–Kazakhstan trade, investment and border: in a text that never
#: names Kazakhstan they measure some other partnership, so they are ``other`` there.
PARTNER_INDICATORS = frozenset({
    "trade_turnover", "trade_growth", "trade_target", "trade_share_interregional",
    "investment_ru_in_kz", "investment_kz_in_ru", "investment_mutual", "border_length",
    "population_border",
})
#: The investor's nationality right after the figure ("holds $9 billion of Russian capital").
ORIGIN = regex.compile(
    r"^\s*(?:of|in)\s+(?:the\s+)?(?:(?P<ru>russian)|(?P<kz>kazakh\w*))\s+"
    r"(?:capital|investments?|investors|funds|money|assets)\b"
)
SUBJECT = regex.compile(
    r"\b(?:(?P<mutual>mutual|bilateral|reciprocal)|(?P<ru>russian)|(?P<kz>kazakh\w*))"
    r"\s+invest"
)
