"""Place and municipality mentions in a parsed text, with the context rules for names that
are also common words ("i Mark", "Vara kommun") and without "Region Jönköpings län"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ingest.tagging.gazetteer import names
from ingest.tagging.nlp import Engine, view
from ingest.tagging.placenames import compound_prefix, context_ok, county_use


@dataclass(frozen=True)
class Mention:
    name: str  # canonical gazetteer name ("Rydaholm", "Nässjö")
    municipality: str
    kind: str  # kommun | ort | stadsdel | skola | enhet
    start: int  # token index
    end: int  # token index (exclusive)
    char_start: int
    char_end: int


def find_mentions(engine: Engine, doc: Doc, skip_tokens: set[int]) -> list[Mention]:
    gaz = names()
    out: list[Mention] = []
    used: set[int] = set()
    tv = view(doc)
    hits = sorted(engine.places(doc), key=lambda h: (h.start, -(h.end - h.start)))
    for hit in hits:
        toks = range(hit.start, hit.end)
        if any(t in skip_tokens or t in used for t in toks):
            continue
        place = gaz[hit.value]
        if county_use(tv.lower, hit.start, hit.end):
            continue
        if place.ambiguous and not context_ok(tv.text, tv.lower, hit.start, hit.end):
            continue
        used.update(toks)
        cs, ce = hit.span(doc)
        out.append(Mention(place.name, place.municipality, place.kind, hit.start, hit.end, cs, ce))
    for i in tv.caps:
        text = tv.text[i]
        if len(text) < 7 or i in used or i in skip_tokens:
            continue
        if not text.isalpha():
            continue
        name = compound_prefix(text)
        if name:
            # "Öxnehagaskolan": the unit itself is the place, in the prefix's municipality
            place = gaz[name]
            out.append(Mention(text, place.municipality, "enhet", i, i + 1,
                               tv.idx[i], tv.idx[i] + len(text)))
    out.sort(key=lambda m: m.start)
    return out
