"""The other one-word labels of the concepts a query labels, as weak words of the query.

A query that labels a concept ("skolk" labels problematisk skolfrånvaro) finds the examples
tagged with the practices the concept stands for (search.query's expansions). Among those, and
among examples the tagger missed, the ones that write one of the concept's other words
("hemmasittare", "ströfrånvaro") are about what was asked in so many words: the concept's
one-word preferred and alternative labels score as one more word of the query, LABEL_WEIGHT
of a literal word, that no example needs. Hidden labels are misspellings and are left out;
labels of several words ("kommer inte till skolan") are made of words that say little alone,
and so are the words of a focus area or an age ("förskolebarn"): all their examples have them.
A synonym ring (a topic that leads to no practice) is one thing under many names: a word no
example writes that labels one stands for its other one-word labels as the word itself
(``ring_terms``; search.query_plan._with_rings).
"""

from __future__ import annotations

from functools import lru_cache

from ingest.model import FOCUS_AREA
from ingest.tagging.thesaurus import Concept, Thesaurus
from search.analysis import query_words, variants
from search.query_ages import age_topics
from search.query_compounds import joined_labels

LABEL_WEIGHT = 0.5
MAX_LABEL_TERMS = 24  # terms added for one query (bounds the cost of the scoring)


@lru_cache(maxsize=4096)
def _one_word_labels(concept: Concept) -> tuple[str, ...]:
    """The lemmas of a concept's one-word preferred and alternative labels (one word as
    written: of "har ingen bil" the query's words are only "bil", which is no label)."""
    out = []
    for label in (concept.pref, *concept.alt):
        words = query_words(label)
        if len(words) == 1 and words[0].isalpha() and len(label.split()) == 1:
            out.append(variants(words[0], False)[0])
    return tuple(dict.fromkeys(out))


def label_terms(text: str, query_terms: set[str], thesaurus: Thesaurus) -> list[str]:
    """The index terms of the other one-word labels of the concepts the query labels, without
    the query's own terms (``query_terms``), at most MAX_LABEL_TERMS; also of the concepts a
    compound labels that the query writes apart (``query_compounds``). An age's labels are
    left out when the query labels something else: the age is then whom that is for."""
    ages = age_topics(thesaurus)
    joined = thesaurus.labelled(" ".join(joined_labels(text, thesaurus)))
    concepts = [c for c in dict.fromkeys((*thesaurus.labelled(text, True), *joined))
                if c.kind != FOCUS_AREA]
    if any(c.key not in ages for c in concepts):
        concepts = [c for c in concepts if c.key not in ages]
    out: list[str] = []
    for concept in concepts:
        for term in _one_word_labels(concept):
            if term not in query_terms and term not in out:
                out.append(term)
    return out[:MAX_LABEL_TERMS]


def ring_labels(name: str, thesaurus: Thesaurus) -> tuple[str, ...]:
    """The lemmas of the one-word labels of the synonym ring named ``name`` (a topic's
    related ring: the examples that write them are that practice); empty for anything else."""
    concept = thesaurus.find(name)
    return _one_word_labels(concept) if concept is not None and concept.is_ring else ()


def ring_terms(word: str, thesaurus: Thesaurus) -> tuple[str, ...]:
    """The index terms of the one-word labels of the synonym rings a word labels (topics that
    lead to no practice, for practices teams run that the taxonomy does not name:
    "föräldrafika" → föräldrakaffe, …)."""
    rings = [c for c in thesaurus.labelled(word) if c.is_ring]
    return tuple(dict.fromkeys(t for c in rings for t in _one_word_labels(c)))
