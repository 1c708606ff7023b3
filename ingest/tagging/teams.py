"""Team identity: the unit an example is about and a normalised key for it.

"Attarpsskolan" and "Attarpskolan" share a key; so do "Familjecentralen i Rydaholm" and
"Rydaholms familjecentral".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.lexicon import FUNCTION_WORDS
from ingest.tagging.compounds import split_compound
from ingest.tagging.gazetteer import names
from ingest.tagging.lemmas import is_known, lemmatize

if TYPE_CHECKING:  # spaCy is loaded by the tagger, not by team_key's users (search/)
    from spacy.tokens import Doc

    from ingest.tagging.nlp import TokenView

# Lemmas of words that name a unit a team can belong to (longest first for suffix tests).
UNIT_HEADS = tuple(sorted((
    "skola", "förskola", "familjecentral", "fritidsgård", "vårdcentral", "gymnasium",
    "elevhälsocentral", "bibliotek", "allaktivitetshus", "ungdomsmottagning", "hälsocentral",
    "träffpunkt", "mötesplats", "kulturskola", "fritidshem", "gård", "centrum",
), key=len, reverse=True))
STANDALONE_UNITS = frozenset({
    "familjecentral", "fritidsgård", "vårdcentral", "elevhälsocentral", "förskola", "skola",
    "öppen förskola", "bibliotek", "allaktivitetshus", "ungdomsmottagning", "hälsocentral",
    "kulturskola", "mötesplats", "träffpunkt",
})
# Units that are places in their own right when named ("Familjecentralen Ljuset", "Gnosjö
# vårdcentral", "Attarpsskolan"): a school, a family centre, a youth centre, a library …
PLACE_UNITS = frozenset({
    "skola", "gymnasium", "förskola", "familjecentral", "fritidsgård", "ungdomsgård",
    "vårdcentral", "hälsocentral", "bibliotek", "elevhälsocentral", "allaktivitetshus",
})
_WORD = re.compile(r"[\wåäöÅÄÖéü-]+")


@lru_cache(maxsize=50_000)
def _unit_of(lemma: str) -> tuple[str, str] | None:
    """(prefix, unit) when the lemma ends with a unit word: attarpsskola → (attarps, skola)."""
    for head in UNIT_HEADS:
        if lemma.endswith(head) and len(lemma) > len(head):
            return lemma[: -len(head)].rstrip("-"), head
    return None


def _strip_s(word: str) -> str:
    word = word.rstrip("-")
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


_PLACE_PREPS = ("i", "på", "vid")


def _place_unit(lemma: str) -> bool:
    """Whether the lemma is a unit that is a place, or a compound ending in one
    ("stadsbibliotek", "gymnasieskola")."""
    unit = lemma if lemma in PLACE_UNITS else (_unit_of(lemma) or ("", ""))[1]
    return unit in PLACE_UNITS


def is_named_place(name: str) -> bool:
    """Whether a unit name is a place in its own right: a named school, family centre, youth
    centre, health centre or library ("Attarpsskolan", "Vrigstad skola", "Gnosjö vårdcentral",
    "Familjecentralen Ljuset"), not a unit word alone ("förskolan"), a unit where a place is
    ("familjecentralen i Landsbro": the place is Landsbro) or a team."""
    words = name.split()
    lemmas = [lemmatize(w) for w in words]
    if len(words) == 1:
        unit = _unit_of(lemmas[0])
        own = name[:1].isupper() and not is_known(lemmas[0]) and lemmas[0] not in UNIT_HEADS
        return own and bool(unit and len(unit[0]) >= 3 and unit[1] in PLACE_UNITS)
    if len(words) == 2 and words[0][:1].isupper() and _place_unit(lemmas[1]):
        return not _place_unit(lemmas[0])  # "Vrigstad skola", "Eksjö stadsbibliotek"
    # "Familjecentralen Ljuset", "Förskolan Lärkan"
    return len(words) == 2 and words[1][:1].isupper() and _place_unit(lemmas[0])


@lru_cache(maxsize=20_000)
def team_key(name: str) -> str:
    """Normalised identity of a team or unit name (lowercase, "unit:place" when possible).

    "Attarpsskolan"/"Attarpskolan" → "skola:attarp"; "Familjecentralen i Rydaholm",
    "Rydaholms familjecentral" and "Familjecentralen Rydaholm" → "familjecentral:rydaholm";
    for "A och B i X" the first unit counts ("Förskolan och familjecentralen i Anderstorp" →
    "förskola:anderstorp").
    """
    words = [w for w in _WORD.findall(name.replace("kommun", " ")) if w]
    if len(words) > 1 and words[0].lower() == "team":
        words = words[1:]
    if "och" in (w.lower() for w in words[1:]):
        cut = [w.lower() for w in words].index("och", 1)
        first, rest = words[:cut], words[cut + 1:]
        place = rest[-2:] if len(rest) >= 2 and rest[-2].lower() in _PLACE_PREPS else []
        if not any(w.lower() in _PLACE_PREPS for w in first):
            first = first + place
        words = first
    lemmas = [lemmatize(w) for w in words]
    if not lemmas:
        return ""
    # "Familjecentralen Rydaholm", "Hembesöksteamet Bodafors"
    if len(words) == 2 and words[1][:1].isupper() and (
        lemmas[0] in STANDALONE_UNITS or lemmas[0].endswith(("team", "grupp"))
    ):
        return f"{lemmas[0]}:{_strip_s(lemmas[1])}"
    # "Familjecentralen i Rydaholm", "Samverkansteamet i Eksjö", "Elevhälsan i Aneby"
    for n in range(len(lemmas) - 2):
        if lemmas[n + 1] in _PLACE_PREPS and words[n + 2][:1].isupper():
            return f"{lemmas[n]}:{_strip_s(lemmas[n + 2])}"
    # "Rydaholms familjecentral", "Landsbro skola"
    if len(lemmas) >= 2 and lemmas[-1] in STANDALONE_UNITS:
        return f"{lemmas[-1]}:{_strip_s(words[-2].lower())}"
    # "Attarpsskolan"
    if len(lemmas) == 1 and lemmas[0] not in STANDALONE_UNITS:
        unit = _unit_of(lemmas[0])
        if unit and unit[0] and not is_known(lemmas[0]):
            return f"{unit[1]}:{_strip_s(unit[0])}"
    return " ".join(lemmas)


_BYLINE_SEP = re.compile(r"\s+[·•|]\s+")


def byline_team(line: str) -> str | None:
    """Team from a poster byline "Hembesöksteamet Nässjö · Nässjö kommun"."""
    if not _BYLINE_SEP.search(line):
        return None
    first = _BYLINE_SEP.split(line.strip(), maxsplit=1)[0].strip(" ,")
    first = first.split(",")[0].strip()
    words = first.split()
    if not 1 <= len(words) <= 8 or not first[:1].isupper():
        return None
    if words[0].lower() == "team" and len(words) > 1:
        first = " ".join(words[1:])
    if first.lower().endswith(" kommun") and len(words) <= 3:
        return first
    return first


def team_word_names(doc: Doc) -> list[tuple[str, int, int]]:
    """"Närvaroteamet Kvarnskolan", "Samverkansteamet i Eksjö": a -teamet word with its place."""
    from ingest.tagging.nlp import view

    tv = view(doc)
    out: list[tuple[str, int, int]] = []
    n = len(tv.text)
    for i in tv.caps:
        low = tv.lower[i]
        if len(low) < 8:
            continue
        definite = low.endswith(("teamet", "gruppen"))
        j = i + 1
        # "Samverkansteam i Stockaryd": an indefinite team word needs "i/på <Place>"
        if not definite and (not low.endswith(("team", "grupp")) or j >= n
                             or tv.lower[j] not in ("i", "på")):
            continue
        if j < n and tv.lower[j] in ("i", "på", "vid"):
            j += 1
        if j < n and tv.text[j][:1].isupper() and tv.text[j].isalpha():
            end = tv.idx[j] + len(tv.text[j])
            out.append((tv.src[tv.idx[i]:end], tv.idx[i], end))
    return out


def _is_named(text: str, before: str) -> bool:
    """A place or a name-like word ("Rydaholms", "Runnebo") that can name the unit after it."""
    gaz = names()
    return text in gaz or (text.endswith("s") and text[:-1] in gaz) or (
        text[0].isupper() and text.isalpha() and before[:1].islower()
        and before.isalpha() and not is_known(text.lower())
    )


def capitalised(text: str) -> str:
    """The name with its first letter in capital ("familjecentralen Ljuset" as a place)."""
    return text[:1].upper() + text[1:]


def find_teams(doc: Doc) -> list[tuple[str, int, int]]:
    """Unit names in the text: (name as written, start char, end char), in order."""
    found = doc.user_data.get("teams")
    if found is None:
        found = doc.user_data["teams"] = _find_teams(doc)
    return list(found)


def _named_after(tv: TokenView, i: int) -> bool:
    """Whether a unit word that is a place is followed, on its line, by the unit's own name
    ("Familjecentralen Ljuset", "fritidsgården Gnistan"): a capitalised word that is not a
    place, a function word or the start of a sentence."""
    j = i + 1
    if j >= len(tv.text) or not _place_unit(tv.lemma[i]) or "\n" in tv.ws[i]:
        return False
    name = tv.text[j]
    return name[:1].isupper() and name.isalpha() and len(name) > 2 and not name.isupper() \
        and name not in names() and name.lower() not in FUNCTION_WORDS \
        and (tv.text[i][:1].isupper() or tv.lemma[i] != tv.lower[i])


def _team_candidates(tv: TokenView) -> list[int]:
    """Tokens that may start a unit name: a unit word, the word before one, or a long
    capitalised word (in order)."""
    units = [i for i, lemma in enumerate(tv.lemma) if lemma in STANDALONE_UNITS
             or lemma in PLACE_UNITS or (len(lemma) > 8 and _place_unit(lemma))]
    before = [i - 1 for i in units if i > 0]
    long_caps = [i for i in tv.caps if len(tv.text[i]) > 6]
    return sorted({*units, *before, *long_caps})


def _find_teams(doc: Doc) -> list[tuple[str, int, int]]:
    gaz = names()
    from ingest.tagging.nlp import view

    tv = view(doc)
    out: list[tuple[str, int, int]] = []
    n = len(tv.text)
    for i in _team_candidates(tv):
        text = tv.text[i]
        if not text[:1].isalpha():
            continue
        lemma = tv.lemma[i]
        start = tv.idx[i]
        # "Familjecentralen i Rydaholm"
        if lemma in STANDALONE_UNITS and i + 2 < n and tv.lower[i + 1] in ("i", "på") \
                and tv.text[i + 2] in gaz and (text[0].isupper() or text.lower() != lemma):
            end = tv.idx[i + 2] + len(tv.text[i + 2])
            out.append((capitalised(tv.src[start:end]), start, end))
            continue
        # "Familjecentralen Ljuset", "fritidsgården Kompassen", "Gymnasieskolan Nova"
        if _named_after(tv, i):
            end = tv.idx[i + 1] + len(tv.text[i + 1])
            out.append((capitalised(tv.src[start:end]), start, end))
            continue
        # "Rydaholms familjecentral", "Vrigstad skola", "Runnebo skola"
        unit_next = i + 1 < n and (tv.lemma[i + 1] in STANDALONE_UNITS or _place_unit(
            tv.lemma[i + 1])) and tv.text[i + 1].islower()
        if unit_next and _is_named(text, tv.text[i - 1] if i > 0 else ""):
            end = tv.idx[i + 1] + len(tv.text[i + 1])
            out.append((tv.src[start:end], start, end))
            continue
        # "Attarpsskolan", "Sandagymnasiet"
        if text[0].isupper() and len(text) > 6:
            unit = _unit_of(lemma)
            if not unit or not unit[0] or len(unit[0]) < 3:
                continue
            sentence_start = i == 0 or tv.text[i - 1] in (".", "!", "?", ":") \
                or "\n" in tv.text[i - 1] or "\n" in tv.ws[i - 1]
            if sentence_start and (is_known(lemma) or len(split_compound(lemma)) > 1):
                continue
            if is_known(lemma):
                continue
            out.append((text, start, start + len(text)))
    return out
