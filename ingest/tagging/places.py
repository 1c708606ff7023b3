"""Place and municipality mentions in a parsed text, with the context rules for names that
are also common words ("i Mark", "Vara kommun") and without "Region Jönköpings län"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ingest.tagging.gazetteer import names
from ingest.tagging.lemmas import is_known, lemmatize
from ingest.tagging.nlp import Engine, view

PLACE_PREPOSITIONS = frozenset({"i", "från", "till", "inom", "utanför", "kring", "runt", "mot"})
MUNICIPALITY_WORDS = frozenset({"kommun", "kommuns", "kommunen", "kommunens", "stad"})
COUNTY_WORDS = frozenset({"län", "läns", "länet", "region"})


@dataclass(frozen=True)
class Mention:
    name: str  # canonical gazetteer name ("Rydaholm", "Nässjö")
    municipality: str
    kind: str  # kommun | ort | stadsdel | skola | enhet
    start: int  # token index
    end: int  # token index (exclusive)
    char_start: int
    char_end: int


def _context_ok(doc: Doc, start: int, end: int) -> bool:
    """An ambiguous name is a place after "i/från/till …", before "kommun", or in a list
    right after another place ("i Ingatorp och Hult")."""
    tv = view(doc)
    prev = tv.lower[start - 1] if start > 0 else ""
    nxt = tv.lower[end] if end < len(tv.lower) else ""
    if prev in PLACE_PREPOSITIONS or nxt in MUNICIPALITY_WORDS:
        return True
    if prev in ("och", ",") and start >= 2:
        before = tv.text[start - 2]
        place = names().get(before)
        return place is not None and not place.ambiguous
    return False


def _county_use(doc: Doc, start: int, end: int) -> bool:
    """"Jönköpings län", "Region Jönköpings län", "Kalmar läns" are counties, not municipalities."""
    tv = view(doc)
    nxt = tv.lower[end] if end < len(tv.lower) else ""
    prev = tv.lower[start - 1] if start > 0 else ""
    return nxt in COUNTY_WORDS or prev == "region"


@lru_cache(maxsize=50_000)
def _compound_prefix(text: str) -> str | None:
    """"Rydaholmsskolan" → "Rydaholm" when the rest is a plain word (skolan, familjecentralen)."""
    gaz = names()
    for k in range(len(text) - 3, 2, -1):
        pre, rest = text[:k], text[k:]
        if not rest.islower() or not is_known(lemmatize(rest)):
            continue
        for cand in (pre, pre[:-1] if pre.endswith("s") else None):
            if cand and cand in gaz and not gaz[cand].ambiguous:
                return cand
    return None


def find_mentions(engine: Engine, doc: Doc, skip_tokens: set[int]) -> list[Mention]:
    gaz = names()
    out: list[Mention] = []
    used: set[int] = set()
    hits = sorted(engine.places(doc), key=lambda h: (h.start, -(h.end - h.start)))
    for hit in hits:
        toks = range(hit.start, hit.end)
        if any(t in skip_tokens or t in used for t in toks):
            continue
        place = gaz[hit.value]
        if _county_use(doc, hit.start, hit.end):
            continue
        if place.ambiguous and not _context_ok(doc, hit.start, hit.end):
            continue
        used.update(toks)
        cs, ce = hit.span(doc)
        out.append(Mention(place.name, place.municipality, place.kind, hit.start, hit.end, cs, ce))
    tv = view(doc)
    for i in tv.caps:
        text = tv.text[i]
        if len(text) < 7 or i in used or i in skip_tokens:
            continue
        if not text.isalpha():
            continue
        name = _compound_prefix(text)
        if name:
            # "Öxnehagaskolan": the unit itself is the place, in the prefix's municipality
            place = gaz[name]
            out.append(Mention(text, place.municipality, "enhet", i, i + 1,
                               tv.idx[i], tv.idx[i] + len(text)))
    out.sort(key=lambda m: m.start)
    return out
