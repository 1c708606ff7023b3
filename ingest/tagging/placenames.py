"""The context rules for place names, on plain token lists: names that are also common words
("i Mark", "Vara kommun"), counties ("Jönköpings län"), units named after a place
("Rydaholmsskolan")."""

from __future__ import annotations

from functools import lru_cache

from ingest.tagging.gazetteer import home_municipalities, names
from ingest.tagging.lemmas import is_known, lemmatize

PLACE_PREPOSITIONS = frozenset({"i", "från", "till", "inom", "utanför", "kring", "runt", "mot"})
MUNICIPALITY_WORDS = frozenset({"kommun", "kommuns", "kommunen", "kommunens", "stad"})
COUNTY_WORDS = frozenset({"län", "läns", "länet", "region"})


def context_ok(text: list[str], lower: list[str], start: int, end: int) -> bool:
    """An ambiguous name is a place after "i/från/till …", before "kommun", or in a list
    right after another place ("i Ingatorp och Hult")."""
    prev = lower[start - 1] if start > 0 else ""
    nxt = lower[end] if end < len(lower) else ""
    if prev in PLACE_PREPOSITIONS or nxt in MUNICIPALITY_WORDS:
        return True
    if prev in ("och", ",") and start >= 2:
        before = text[start - 2]
        place = names().get(before)
        return place is not None and not place.ambiguous
    return False


def county_use(lower: list[str], start: int, end: int) -> bool:
    """"Jönköpings län", "Region Jönköpings län", "Kalmar läns" are counties, not municipalities."""
    nxt = lower[end] if end < len(lower) else ""
    prev = lower[start - 1] if start > 0 else ""
    return nxt in COUNTY_WORDS or prev == "region"


@lru_cache(maxsize=1)
def _home() -> frozenset[str]:
    return frozenset(home_municipalities())


@lru_cache(maxsize=50_000)
def compound_prefix(text: str) -> str | None:
    """"Rydaholmsskolan" → "Rydaholm" when the rest is a plain word (skolan, familjecentralen)
    and the place is in the county: a unit named after a municipality elsewhere in Sweden
    ("Nykvarnsskolan", "Kungsbackaskolan") is named after a local place, not that one."""
    gaz = names()
    home = _home()
    for k in range(len(text) - 3, 2, -1):
        pre, rest = text[:k], text[k:]
        if not rest.islower() or not is_known(lemmatize(rest)):
            continue
        for cand in (pre, pre[:-1] if pre.endswith("s") else None):
            if cand and cand in gaz and not gaz[cand].ambiguous \
                    and gaz[cand].municipality in home:
                return cand
    return None
