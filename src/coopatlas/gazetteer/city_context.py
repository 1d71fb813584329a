"""Whether a city's name, found by the matcher, stands for the city there.

Rules for every city: a lake's or a river's name is not the city ("Lake Balkhash"); a name that
usually stands for a site needs "the city of" ("at Baikonur" is the cosmodrome). Rules for
the world layer, whose names are also words, persons, firms and things: the checks in
:func:`not_the_city` (what is around the name says it is something else) and
:func:`place_shown` (what is around the name says it is a place). Each looks at a short window
next to the hit; none scans the document.
"""

from __future__ import annotations

import re

from coopatlas.gazetteer.context import INSTITUTION_HEADS, list_separator, place_cue_before

_S = r"[\s\u200b]"  # a space, or the zero-width space pages leave in "Sea of \u200bAzov"
_WATER_BEFORE = re.compile(rf"\b(?:lake|(?:sea|gulf|bay|strait){_S}+of){_S}+(?:the{_S}+)?$",
                           re.IGNORECASE)
_WATER_AFTER = re.compile(
    r"\s+(?:river|lake|sea|bay|gulf|strait|canal|reservoir|peninsula|islands?|mountains|"
    r"valley|basin|delta)\b", re.IGNORECASE)
_CITY_OF = re.compile(r"\b(?:city|town)\s+of\s+$", re.IGNORECASE)
_CITY_AFTER = re.compile(r"\s+(?:city|town)\b(?!\s+(?:hall|council|court|day)\b)",
                         re.IGNORECASE)
_COUNTRY_AFTER = re.compile(r",\s*(?:Kazakhstan|Russia)\b(?!['’])")
_CAPITAL_BEFORE = re.compile(r"\bcapital(?:\s+city)?(?:\s+of\s+[A-Z][\w’'-]*)?,?\s+$")
_WORD_BEFORE = re.compile(r"([A-Z][\w'’.-]*) $")
# capitalised words that may stand right before a city's name: a cue, not a first name
_OPENERS = frozenset(
    "in at to from of the and near via for with by on outside into across between both "
    "visit visiting welcome while after before during when where since until like".split())
_SENTENCE_END = ".!?:;\n•"
# "the Donetsk and Lugansk regions", "the Lugansk and Donetsk people's republics"
_LIST_DESIGNATOR = re.compile(
    r"(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?[A-Z][\w'’-]*)*\s+(?:people['’]s\s+)?"
    r"(?:regions|republics|oblasts|provinces|territories|states|counties)\b", re.IGNORECASE)
# what a name modifies when it names a thing: an accord, a format, a site, a vehicle, a
# residence ("the Minsk agreements", "the Druzhba oil pipeline", "the Lensk district")
_THING_HEADS = (
    rf"{INSTITUTION_HEADS}|agreements?|accords?|formats?|process|protocols?|conventions?|"
    r"declarations?|treat(?:y|ies)|talks|group|residences?|shuttles?|tragedy|disaster|ports?|"
    r"sloops?|systems?|basins?|seas|rivers|lakes|battles?|battlefronts?|fronts?|lines?|"
    r"pipelines|stations|centres|centers|zones?|areas?|districts?|provinces?|governorates?|"
    r"army|forces|bases?|facilit(?:y|ies)|hotels?|decisions|roads|highways|motorways|routes|"
    r"submarines?|cruisers?|frigates?|icebreakers?|ships?|vessels?|"
    r"rally|strategy|spirit|initiatives?|charter|communiqu[eé]")
_THING_AFTER = re.compile(rf"(?:\s+[a-z][\w-]*){{0,2}}?(?:\s+|-)(?:{_THING_HEADS})\b")
# ... or ends a list of names that does ("the Barents and Kara seas", "Tor and Osa systems")
_THING_AFTER_LIST = re.compile(
    r"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)+"
    rf"(?:\s+[a-z][\w-]*){{0,2}}?\s+(?:{_THING_HEADS})\b")
# a place that is not a city, an institution or a vessel named after one ("the village of
# Ivanovka", "the University of Tokai", "the space shuttle Columbia", "fields such as Suzun")
_NOT_CITY_BEFORE = re.compile(
    r"\b(?:(?:village|settlement|district|stanitsa|province|governorate|area|region|republic|"
    r"university|institute|academy|college|school|conservatory|battle)\s+of|"
    r"shuttle|ship|vessel|cruiser|submarine|icebreaker|frigate|destroyer|carrier|yacht|train|"
    r"fields\s+such\s+as)\s+$", re.IGNORECASE)
# a title ("Patriarch John X of Antioch", "Metropolitan Philaret of Minsk and Slutsk",
# "Crown Prince Mohammed Al Nahyan of Abu Dhabi", "St Clement of Rome")
_TITLE_OF_BEFORE = re.compile(
    r"\b(?i:patriarch|metropolitan|archbishop|bishop|exarch|prince|princess|duke|duchess|earl|"
    r"emir|sheikh|sultan|saint|st\.?)(?:\s+[A-Z][\w.’'-]*){0,4}\s+of\s+"
    r"(?:[A-Z][\w’'-]*(?:\s*,\s*|\s+and\s+))?$")
_LIST_SEP_BEFORE = re.compile(r"(?:,|\band|\bor|\bas|&)\s+(?:the\s+)?$")
_LINE_REST = re.compile(r"[ \t]*(?:\n|\Z)")
_ROUTE_BEFORE = re.compile(r"[A-Z][\w’'.-]*(?:[-–—]| [-–—] )$")
_ROUTE_AFTER = re.compile(r"(?:[-–—]| [-–—] )(?:[A-Z]|\d)")


def water_around(text: str, start: int, end: int) -> bool:
    """A lake's or river's name, not the city's ("Lake Balkhash", "the Ishim River")."""
    return (_WATER_BEFORE.search(text, max(0, start - 16), start) is not None
            or _WATER_AFTER.match(text, end, min(len(text), end + 16)) is not None)


def city_cue(text: str, start: int, end: int) -> bool:
    """"the city of X", "X city", "X, Kazakhstan", a dateline: the city's name, not a site's."""
    return (_CITY_OF.search(text, max(0, start - 16), start) is not None
            or _CITY_AFTER.match(text, end, min(len(text), end + 20)) is not None
            or _COUNTRY_AFTER.match(text, end, min(len(text), end + 16)) is not None
            or dateline(text, start, end))


def dateline(text: str, start: int, end: int) -> bool:
    """The name fills its line ("Bishkek") or ends a venue's line ("Ducal Palace, Genoa")."""
    after = _LINE_REST.match(text, end)
    if after is None:
        return False
    head = text.rfind("\n", max(0, start - 80), start) + 1
    if head == 0 and start > 80:
        return False  # no line break near: running text
    before = text[head:start].rstrip()
    return not before or before.endswith(",")


def place_shown(text: str, start: int, end: int, country: str = "") -> bool:
    """What is around a name says it is a place: a preposition ("in Geneva"), "the city of",
    "the capital, X", a dateline, or its country after it ("Rimini, Italy")."""
    return (place_cue_before(text, start, end) or city_cue(text, start, end)
            or _CAPITAL_BEFORE.search(text, max(0, start - 40), start) is not None
            or bool(country) and _of_country(text, end, country))


def _of_country(text: str, end: int, country: str) -> bool:
    """"X, Italy" or "X (Italy)", not "X, Italy's ..." (a list that goes on)."""
    for head in (f", {country}", f" ({country})"):
        if text.startswith(head, end):
            nxt = text[end + len(head):end + len(head) + 1]
            return not (nxt.isalnum() or nxt in "'’")
    return False


def not_the_city(text: str, start: int, end: int) -> bool:
    """What is around a world name says it is not the city: a capitalised word stands right
    after or before it ("the Geneva Convention", "George Washington"); it opens a sentence
    (unless it is a dateline); it names a thing, a route, a village or a title. The cheap
    looks come first: most hits fail one of them."""
    if _capitalised_after(text, end):
        return True
    if _sentence_initial(text, start):
        if not dateline(text, start, end):
            return True
    elif _capitalised_before(text, start):
        return True
    return _thing_or_title(text, start, end)


def may_be_cued(text: str, start: int, end: int, country: str = "") -> bool:
    """A cue shows the place, or a list separator stands before the name (a list that a
    cued city may open: "in Astana, Nice and Geneva"); ``False`` rules out a name that
    needs a cue."""
    return (place_shown(text, start, end, country)
            or _LIST_SEP_BEFORE.search(text, max(0, start - 12), start) is not None)


def _thing_or_title(text: str, start: int, end: int) -> bool:
    stop = min(len(text), end + 120)
    return (_LIST_DESIGNATOR.match(text, end, min(len(text), end + 80)) is not None
            or _THING_AFTER.match(text, end, min(len(text), end + 48)) is not None
            or _THING_AFTER_LIST.match(text, end, stop) is not None
            or _NOT_CITY_BEFORE.search(text, max(0, start - 24), start) is not None
            or _TITLE_OF_BEFORE.search(text, max(0, start - 80), start) is not None
            or _ROUTE_BEFORE.search(text, max(0, start - 30), start) is not None
            or _ROUTE_AFTER.match(text, end, min(len(text), end + 4)) is not None)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(«[":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _capitalised_before(text: str, start: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m[1].lower().rstrip(".") not in _OPENERS


def _capitalised_after(text: str, end: int) -> bool:
    return text[end:end + 1] == " " and text[end + 1:end + 2].isupper()


def list_goes_on(text: str, prev_end: int, start: int, end: int) -> bool:
    """The name continues a list after a city ("in Astana, Nice and Geneva")."""
    return list_separator(text, prev_end, start) and not _capitalised_after(text, end)
