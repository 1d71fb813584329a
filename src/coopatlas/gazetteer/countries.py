"""Countries other than Russia and Kazakhstan, as a text names them.

Names come from the CLDR English territory names that babel ships ("Netherlands",
"Azerbaijan"), with the adjective forms that follow from them ("Azerbaijani", "Armenian",
"Chinese", "Uzbek") and the irregular ones that do not ("Dutch", "French", "Turkish").
Only capitalised words are read, so "china" in "fine china" or "turkey" the bird at the start
of no sentence are no countries.
"""

from __future__ import annotations

import re
from functools import cache

OWN_COUNTRIES = frozenset({"RU", "KZ"})
NOT_COUNTRIES = frozenset({"UN", "EZ", "QO", "XA", "XB", "ZZ"})
CAPITALISED_RE = re.compile(r"[A-Z][\w’'.&-]*(?:\s+(?:&\s+)?[A-Z][\w’'.-]*)*")
ALIASES = {"US": "United States", "USA": "United States", "UK": "United Kingdom", "EU": "EU"}
#: Adjectives no suffix rule derives from the country's name.
IRREGULAR_ADJECTIVES = frozenset({
    "dutch", "french", "british", "english", "scottish", "welsh", "irish", "spanish",
    "portuguese", "swedish", "danish", "finnish", "norwegian", "polish", "czech", "slovak",
    "swiss", "greek", "turkish", "thai", "filipino", "saudi", "emirati", "lebanese",
    "sudanese", "maltese", "cypriot", "burmese",
})


@cache
def country_words() -> frozenset[str]:
    """Lower-cased country names and adjective forms ("azerbaijan", "azerbaijani")."""
    from babel import Locale

    names: set[str] = set(IRREGULAR_ADJECTIVES)
    for code, name in Locale("en").territories.items():
        if len(code) != 2 or not code.isalpha() or code in OWN_COUNTRIES | NOT_COUNTRIES:
            continue
        name = name.lower()
        names.add(name)
        if " " not in name:
            names.update({name + "n", name + "i", name + "ian", name[:-1] + "ian",
                          name[:-1] + "ese", name + "ese", name.removesuffix("stan"),
                          name.removesuffix("istan"),
                          name.removesuffix("y")})
    return frozenset(n for n in names if len(n) >= 4)


def foreign_countries(text: str) -> list[str]:
    """Countries other than Russia and Kazakhstan that ``text`` names, in their own words."""
    words = country_words()
    out = []
    for m in CAPITALISED_RE.finditer(text):
        tokens = re.split(r"[\s-]+", m.group(0).rstrip(".’'"))
        out += [ALIASES[t] for t in tokens if t in ALIASES]
        for i in range(len(tokens)):
            for j in range(len(tokens), i, -1):
                if " ".join(tokens[i:j]).lower().removesuffix("s") in words or \
                        " ".join(tokens[i:j]).lower() in words:
                    out.append(" ".join(tokens[i:j]))
                    break
    return out


def about_another_country(title: str | None) -> bool:
    """Whether a publication's title names another country and not Kazakhstan ("Talks with
    President of Azerbaijan", "Meeting with Russian and Dutch business"): what it states
    with no partner named is that country's business."""
    return bool(title) and "Kazakh" not in title and bool(foreign_countries(title))
