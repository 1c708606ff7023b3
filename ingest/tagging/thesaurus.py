"""The thesaurus: the taxonomy's concepts with their other terms, in the SKOS sense.

Every focus area and intervention of ingest/data/taxonomy.yaml is a concept (its name the
preferred label); the file's ``thesaurus`` section adds alternative labels (everyday words,
synonyms, abbreviations), hidden labels (misspellings, spellings without å/ä/ö) and related
interventions, and concepts of their own that are no practice but a problem or need a team
works on ("mobbning", "ensamhet": topics), each with its related interventions, best first.

``named(text)`` finds the concepts a short text (a search query) names by any of these labels,
compared word by word on lemmas or as written, and says what each stands for: an intervention
or focus area itself, or, for a topic, its related interventions (weighted by their order) and
its focus areas. The taxonomy's own trigger words are the tagger's business (``query_terms``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.model import FOCUS_AREA, INTERVENTION
from ingest.tagging.lemmas import lemmatize
from ingest.tagging.taxonomy import taxonomy

TOPIC = "topic"
MAX_LABEL_WORDS = 5
# What a topic's related interventions count for, by their order (the first is the closest).
RELATED_WEIGHTS = (0.8, 0.6, 0.5)
_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Concept:
    """One concept: its kind, preferred label and other labels, relations and focus areas."""

    kind: str  # intervention | focus_area | topic
    pref: str
    alt: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # intervention names
    focus_areas: tuple[str, ...] = ()

    def labels(self) -> tuple[str, ...]:
        return (self.pref, *self.alt, *self.hidden)


def _strs(items: object) -> tuple[str, ...]:
    return tuple(str(x) for x in items or ()) if isinstance(items, list | tuple) else ()


@lru_cache(maxsize=1)
def concepts() -> tuple[Concept, ...]:
    """Every concept of the thesaurus: focus areas, interventions, then topics."""
    tax = taxonomy()
    extra = tax.thesaurus
    by_slug = {i.slug: i.name for i in tax.interventions}
    areas = extra.get("focus_areas") or {}
    items = extra.get("interventions") or {}
    out = [Concept(FOCUS_AREA, a.name, _strs((areas.get(a.name) or {}).get("alt")),
                   _strs((areas.get(a.name) or {}).get("hidden")), (), (a.name,))
           for a in tax.focus_areas]
    for i in tax.interventions:
        entry = items.get(i.slug) or {}
        out.append(Concept(INTERVENTION, i.name, _strs(entry.get("alt")),
                           _strs(entry.get("hidden")),
                           tuple(by_slug[s] for s in _strs(entry.get("related")) if s in by_slug),
                           i.focus_areas))
    for topic in extra.get("topics") or []:
        out.append(Concept(TOPIC, str(topic["pref"]), _strs(topic.get("alt")),
                           _strs(topic.get("hidden")),
                           tuple(by_slug[s] for s in _strs(topic.get("related")) if s in by_slug),
                           _strs(topic.get("focus_areas"))))
    return tuple(out)


def _keys(label: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(label)]
    return {tuple(words), tuple(lemmatize(w) for w in words)} if words else set()


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, ...], tuple[Concept, ...]]:
    """Label words (as written, and as lemmas) → the concepts with that label."""
    index: dict[tuple[str, ...], list[Concept]] = {}
    for concept in concepts():
        for label in concept.labels():
            for key in _keys(label):
                if 0 < len(key) <= MAX_LABEL_WORDS and concept not in index.get(key, []):
                    index.setdefault(key, []).append(concept)
    return {key: tuple(found) for key, found in index.items()}


def labelled(text: str) -> list[Concept]:
    """The concepts whose labels the text contains, longest labels first, each word used once."""
    words = [w.lower() for w in _WORD.findall(text)]
    lemmas = [lemmatize(w) for w in words]
    index = _index()
    used = [False] * len(words)
    found: list[Concept] = []
    for n in range(min(MAX_LABEL_WORDS, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            if any(used[i:i + n]):
                continue
            hits = index.get(tuple(words[i:i + n])) or index.get(tuple(lemmas[i:i + n]))
            if hits:
                used[i:i + n] = [True] * n
                found.extend(c for c in hits if c not in found)
    return found


def named(text: str) -> list[tuple[str, str, float]]:
    """(kind, value, weight) of the interventions and focus areas the text names through the
    thesaurus: a concept itself with weight 1, a topic's related interventions with
    RELATED_WEIGHTS by their order, and its focus areas with weight 1."""
    weights: dict[tuple[str, str], float] = {}

    def add(kind: str, value: str, weight: float) -> None:
        weights[kind, value] = max(weight, weights.get((kind, value), 0.0))

    for concept in labelled(text):
        if concept.kind == TOPIC:
            for rank, name in enumerate(concept.related):
                add(INTERVENTION, name, RELATED_WEIGHTS[min(rank, len(RELATED_WEIGHTS) - 1)])
            for area in concept.focus_areas:
                add(FOCUS_AREA, area, 1.0)
        else:
            add(concept.kind, concept.pref, 1.0)
    return [(kind, value, weight) for (kind, value), weight in weights.items()]
