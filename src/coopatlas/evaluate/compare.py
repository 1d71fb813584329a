"""Compare one extraction (contract JSON) with its gold, field by field.

Set fields (regions, cities, twin pairs) score by exact membership; forums match by
edition and then score each field right or wrong; figures match one-to-one by
(value, unit) with a small tolerance (33.33 matches one third) and then score indicator
and period; documents signed match one-to-one by fuzzy title. Per the gold README,
regions that are cities of their own (Moscow, Saint Petersburg, Sevastopol, Astana,
Almaty, Shymkent) are scored under cities only, on both sides.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from coopatlas.evaluate.metrics import Accuracy, SetScore

CITY_REGIONS: dict[str, str] = {
    "RU-MOW": "Moscow", "RU-SPE": "Saint Petersburg", "RU-SEV": "Sevastopol",
    "KZ-71": "Astana", "KZ-75": "Almaty", "KZ-79": "Shymkent",
}
FORUM_FIELDS = ("year", "date", "city", "host_country", "theme", "format")
SET_FIELDS = ("regions", "cities", "forums", "figures", "documents_signed", "twin_pairs")
TITLE_THRESHOLD = 80.0
#: The parties' official and short names say the same: "between the Russian Federation and
#: the Republic of Kazakhstan" = "between Russia and Kazakhstan" = "Russian-Kazakh".
PARTY_WORDS = re.compile(
    r"\b(?:the )?(?:government|governments|republic|federation|russian|russia|kazakh\w*"
    r"|two|countries|states|both)\b")
TITLE_STOPWORDS = frozenset(
    "the a an of on in for to and between with its their our by at as from that which would"
    " will could can may this these those such".split())
DOCUMENT_KINDS = frozenset(
    "agreement memorandum protocol programme program statement declaration treaty concept"
    " plan roadmap contract convention charter resolution decision".split())
GENERIC_KIND = frozenset({"document", "documents"})  # names no kind: "documents on energy"
WORD_LIKENESS = 75  # "delimiting" and "delimitation" are one word spelled two ways
MIN_CONTAINED = 3  # content words a shorter title needs before containment counts


@dataclass
class DocResult:
    """One text's scores and its one-line findings (MISS, FALSE, WRONG)."""

    name: str
    sets: dict[str, SetScore] = field(default_factory=lambda: {f: SetScore() for f in SET_FIELDS})
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def acc(self, name: str) -> Accuracy:
        return self.accuracy.setdefault(name, Accuracy())

    def note(self, tag: str, fld: str, what: str) -> None:
        self.lines.append(f"{tag} {fld} {self.name}: {what}")


def _places(data: dict[str, Any]) -> tuple[set[str], set[str]]:
    regions = {str(r) for r in data.get("regions") or []}
    cities = {str(c).strip() for c in data.get("cities") or []}
    cities |= {CITY_REGIONS[r] for r in regions if r in CITY_REGIONS}
    return regions - set(CITY_REGIONS), cities


def _score_sets(res: DocResult, fld: str, found: set[Any], gold: set[Any],
                show: Callable[[Any], str] = str) -> None:
    res.sets[fld].add(SetScore(len(found & gold), len(found - gold), len(gold - found)))
    for item in sorted(gold - found, key=show):
        res.note("MISS", fld, show(item))
    for item in sorted(found - gold, key=show):
        res.note("FALSE", fld, show(item))


def _norm_text(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = value.replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", re.sub(r"[“”\"'’«».]", "", value)).strip().casefold()


def _forums(res: DocResult, found: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    by_found = {f.get("edition"): f for f in found}
    by_gold = {g.get("edition"): g for g in gold}
    _score_sets(res, "forums", set(by_found), set(by_gold), lambda e: f"edition {e}")
    for edition in sorted(set(by_found) & set(by_gold), key=str):
        f, g = by_found[edition], by_gold[edition]
        for name in FORUM_FIELDS:
            ok = _norm_text(f.get(name)) == _norm_text(g.get(name))
            res.acc(f"forum.{name}").count(ok)
            if not ok:
                res.note("WRONG", f"forum.{name}", f"edition {edition}: got {f.get(name)!r}, "
                                                   f"gold {g.get(name)!r}")


def same_value(a: float, b: float) -> bool:
    """Equal up to rounding: 33.33 vs 33.333..., 1.0e10 vs 10000000000."""
    return math.isclose(a, b, rel_tol=2e-4, abs_tol=0.01)


def _figure_text(fig: dict[str, Any]) -> str:
    value = fig.get("value")
    shown = int(value) if isinstance(value, float) and value.is_integer() else value
    return f"{shown} {fig.get('unit')} {fig.get('indicator')} {fig.get('period')}"


def match_figures(found: list[dict[str, Any]], gold: list[dict[str, Any]]
                  ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """One-to-one pairs with the same (value, unit), closest indicator and period first."""
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    left_found, left_gold = list(found), list(gold)
    for keys in (("indicator", "period"), ("indicator",), ("period",), ()):
        for g in list(left_gold):
            for f in left_found:
                if f.get("unit") == g.get("unit") and \
                        same_value(float(f.get("value", math.nan)), float(g["value"])) and \
                        all(f.get(k) == g.get(k) for k in keys):
                    pairs.append((f, g))
                    left_found.remove(f)
                    left_gold.remove(g)
                    break
    return pairs


def _figures(res: DocResult, found: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    pairs = match_figures(found, gold)
    matched_f = [id(f) for f, _ in pairs]
    matched_g = [id(g) for _, g in pairs]
    res.sets["figures"].add(SetScore(len(pairs), len(found) - len(pairs), len(gold) - len(pairs)))
    for g in gold:
        if id(g) not in matched_g:
            res.note("MISS", "figures", _figure_text(g))
    for f in found:
        if id(f) not in matched_f:
            res.note("FALSE", "figures", _figure_text(f))
    for f, g in pairs:
        for name in ("indicator", "period"):
            ok = f.get(name) == g.get(name)
            res.acc(f"figure.{name}").count(ok)
            if not ok:
                res.note("WRONG", f"figure.{name}", f"{g.get('text', g['value'])}: got "
                                                    f"{f.get(name)!r}, gold {g.get(name)!r}")


def content_words(title: str) -> list[str]:
    """A title's words that name the document: no parties, no function words."""
    text = PARTY_WORDS.sub(" ", re.sub(r"[-,;:()]", " ", _norm_text(title)))
    return [w for w in text.split() if w not in TITLE_STOPWORDS]


def _contained(x: str, y: str) -> bool:
    """Whether the shorter title's every content word (at least three, the first one,
    its kind, included) is in the longer one: the same document named shorter ("Joint
    Statement on the 25th anniversary of diplomatic relations between Russia and
    Kazakhstan" in "... marking the 25th anniversary of the establishment of ...")."""
    short, long = sorted((content_words(x), content_words(y)), key=len)
    return len(short) >= MIN_CONTAINED and short[0] in long and set(short) <= set(long)


def _kind(words: list[str]) -> str | None:
    return next((w.rstrip("s") for w in words if w.rstrip("s") in DOCUMENT_KINDS), None)


def _same_word(a: str, b: str) -> bool:
    return a[:5] == b[:5] or fuzz.ratio(a, b) >= WORD_LIKENESS  # "enable" and "enabling"


def _each_has_its_own(x: list[str], y: list[str]) -> bool:
    """Whether both titles hold a subject word the other lacks (spelling and the kind of
    document aside): two documents on different subjects ("... in education", "... in
    culture")."""
    def subject(words: list[str]) -> list[str]:
        return [w for w in words if w.rstrip("s") not in DOCUMENT_KINDS | GENERIC_KIND]

    def lacks(words: list[str], other: list[str]) -> bool:
        return any(not any(_same_word(w, o) for o in other) for w in words)
    sx, sy = subject(x), subject(y)
    return lacks(sx, sy) and lacks(sy, sx)


def title_score(a: str, b: str) -> float:
    """Fuzzy likeness of two titles, 0-100; a longer title containing the other scores high.
    Titles of two kinds of document, or each with a subject word of its own, are two
    documents however alike their wording."""
    x, y = _norm_text(a), _norm_text(b)
    wx, wy = content_words(x), content_words(y)
    kx, ky = _kind(wx), _kind(wy)
    if (kx and ky and kx != ky) or _each_has_its_own(wx, wy):
        return float(min(fuzz.token_sort_ratio(x, y), TITLE_THRESHOLD - 1))
    score = fuzz.token_sort_ratio(x, y)
    if min(len(x), len(y)) >= 0.5 * max(len(x), len(y)):
        score = max(score, fuzz.partial_ratio(x, y))
    if score < TITLE_THRESHOLD and _contained(x, y):
        score = TITLE_THRESHOLD  # a match, but below any likeness the wording itself earns
    return float(score)


def match_titles(found: Iterable[str], gold: Iterable[str],
                 threshold: float = TITLE_THRESHOLD) -> list[tuple[str, str]]:
    """One-to-one title pairs, best scores first, each at least ``threshold``."""
    scored = sorted(((title_score(f, g), i, j, f, g)
                     for i, f in enumerate(found) for j, g in enumerate(gold)), reverse=True)
    used_f: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j, f, g in scored:
        if score >= threshold and i not in used_f and j not in used_g:
            used_f.add(i)
            used_g.add(j)
            pairs.append((f, g))
    return pairs


def _titles(res: DocResult, found: list[str], gold: list[str]) -> None:
    pairs = match_titles(found, gold)
    res.sets["documents_signed"].add(
        SetScore(len(pairs), len(found) - len(pairs), len(gold) - len(pairs)))
    for g in [g for g in gold if g not in {p[1] for p in pairs}]:
        res.note("MISS", "documents_signed", g)
    for f in [f for f in found if f not in {p[0] for p in pairs}]:
        res.note("FALSE", "documents_signed", f)


def _pairs(data: dict[str, Any]) -> set[frozenset[str]]:
    return {frozenset(p) for p in data.get("twin_pairs") or [] if len(p) == 2}


def compare(found: dict[str, Any], gold: dict[str, Any], name: str | None = None) -> DocResult:
    """Score one extraction against its gold."""
    res = DocResult(name or str(gold.get("doc", "?")))
    for fld in ("published", "segments"):
        ok = found.get(fld) == gold.get(fld)
        res.acc(fld).count(ok)
        if not ok:
            res.note("WRONG", fld, f"got {found.get(fld)!r}, gold {gold.get(fld)!r}")
    (f_regions, f_cities), (g_regions, g_cities) = _places(found), _places(gold)
    _score_sets(res, "regions", f_regions, g_regions)
    _score_sets(res, "cities", f_cities, g_cities)
    _forums(res, found.get("forums") or [], gold.get("forums") or [])
    _figures(res, found.get("figures") or [], gold.get("figures") or [])
    _titles(res, found.get("documents_signed") or [], gold.get("documents_signed") or [])
    _score_sets(res, "twin_pairs", _pairs(found), _pairs(gold),
                lambda p: " – ".join(sorted(p)))
    return res
