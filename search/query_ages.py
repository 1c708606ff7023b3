"""The ages a query names ("tonåringar", "små barn", "bebisar").

Every example is tagged with the age groups it is for (the taxonomy's ``age_groups``). A query
word naming an age counts for the examples of that age group: an example for the age asked about
has the word, in a sense. A word names an age when it is one of the taxonomy's age words (one
word or two: "tonåringar", "unga vuxna") that labels no practice, focus area or actor
("familjecentral" and "förskola" are age words for the tagger, and name what they are), or when
it labels a topic whose preferred label is an age word ("de minsta" labels småbarn). A compound
whose first part is an age word is about that age ("tonårsföräldrar": 13–18).

A topic's labels still name its practices: "bebisar" (nyblivna föräldrar) names the home
visits as well as 0–6. Naming no closer than half a topic's practices where only an age word
labels the topic ("tonåringar": stöd i föräldraskapet) was tried and lost recall on the blind
queries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.tagging.taxonomy import taxonomy
from ingest.tagging.thesaurus import TOPIC, Thesaurus
from search.analysis import fold, lemma, pair_spans, part_lemmas, query_words
from search.query_actors import actor_terms

AGE = "age_group"
# A query word naming an age counts for the examples of that age group, and they score as for
# a word with as many examples, × AGE_WEIGHT.
AGE_WEIGHT = 1.0


def _key(term: str) -> tuple[str, ...]:
    return tuple(lemma(w) for w in query_words(term))


@lru_cache(maxsize=16)
def age_topics(thesaurus: Thesaurus) -> dict[str, str]:
    """Topic key → age group, for the topics whose preferred label is one of the taxonomy's
    age-group words ("småbarn", "nyblivna föräldrar"): an age, whose broader concept is the
    age group."""
    ages = {_key(term): value
            for value, terms in taxonomy().age_groups.items() for term in terms}
    return {c.key: ages[key] for c in thesaurus.concepts if c.kind == TOPIC
            and (key := _key(c.pref)) in ages}


# An age word matches a query word of the same lemma that begins as it does: "unga" and
# "ungdomar" are young people, "yngre" (lemma ung) only younger than someone.
SAME_START = 3


def _start(word: str) -> str:
    return fold(word)[:SAME_START]


@lru_cache(maxsize=16)
def _age_words(thesaurus: Thesaurus) -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    """The taxonomy's age words of one or two words, as lemmas → (age group, how each word
    begins), without those that label a practice, a focus area or an actor ("familjecentral",
    "förskola" are in the list for the tagger, and name what they are, not an age)."""
    taken = _taken(thesaurus)
    out: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
    for value, terms in taxonomy().age_groups.items():
        for term in terms:
            key = _key(term)
            if 0 < len(key) <= 2 and key not in taken:
                out.setdefault(key, (value, tuple(_start(w) for w in query_words(term))))
    return out


@lru_cache(maxsize=16)
def _taken(thesaurus: Thesaurus) -> frozenset[tuple[str, ...]]:
    """The lemmas of the labels of practices, focus areas and actors: words that name what
    they are, not an age."""
    taken = {_key(label) for c in thesaurus.concepts if c.kind != TOPIC for label in c.labels()}
    return frozenset(taken | set(actor_terms()))


@lru_cache(maxsize=256)
def named_ages(text: str, words: tuple[str, ...], thesaurus: Thesaurus
               ) -> tuple[tuple[str, frozenset[int]], ...]:
    """The age groups a plain query (``words``: its ``query_words``) names, with the
    positions of the words that name each: an age word, alone or two after one another, or a
    label of an age topic ("hur stödjer vi föräldrar till små barn": 0–6, words 2 and 3)."""
    out = _word_ages(words, thesaurus)
    for value, found in _topic_ages(text, list(words), thesaurus).items():
        out.setdefault(value, set()).update(found)
    return tuple((value, frozenset(found)) for value, found in out.items())


def _word_ages(words: tuple[str, ...], thesaurus: Thesaurus) -> dict[str, set[int]]:
    """The age groups the query's age words name, alone or two after one another."""
    out: dict[str, set[int]] = {}
    ages = _age_words(thesaurus)
    lemmas = [lemma(w) for w in words]
    starts = [_start(w) for w in words]
    for size in (1, 2):
        for i in range(len(words) - size + 1):
            value, begins = ages.get(tuple(lemmas[i:i + size]), ("", ()))
            if value and begins == tuple(starts[i:i + size]):
                out.setdefault(value, set()).update(range(i, i + size))
    named = {i for found in out.values() for i in found}
    for i, word in enumerate(words):
        if i not in named and (lemma(word),) not in _taken(thesaurus) \
                and (value := _modifier_age(word, ages)):
            out.setdefault(value, set()).add(i)
    return out


def _modifier_age(word: str, ages: dict[tuple[str, ...], tuple[str, tuple[str, ...]]]
                  ) -> str:
    """The age group a compound's first part names ("tonårsföräldrar": 13–18,
    "småbarnsgrupp": 0–6), or ""."""
    parts = part_lemmas(word)
    if not parts:
        return ""
    for first in parts[0]:
        value, begins = ages.get((first,), ("", ()))
        if value and begins == (_start(word),):
            return value
    return ""


def _topic_ages(text: str, words: list[str], thesaurus: Thesaurus) -> dict[str, set[int]]:
    """The age groups the query names by a label of an age topic, with the positions of the
    words that label it: alone, two after one another, else (a label with small words, "de
    minsta") each word without which the query no longer labels it."""
    topics = age_topics(thesaurus)
    found = [c for c in thesaurus.labelled(text, True) if c.key in topics]
    if not found:
        return {}
    out: dict[str, set[int]] = {}
    alone = [[c for c in thesaurus.labelled(word, True) if c in found] for word in words]
    for i, concepts in enumerate(alone):
        for concept in concepts:
            out.setdefault(topics[concept.key], set()).add(i)
    for i, span in enumerate(pair_spans(text, words)):
        for concept in thesaurus.labelled(span, True):
            if concept in found and concept not in (*alone[i], *alone[i + 1]):
                out.setdefault(topics[concept.key], set()).update((i, i + 1))
    for concept in (c for c in found if topics[c.key] not in out):
        for i, word in enumerate(words):  # a label with small words ("de minsta")
            rest = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, count=1,
                          flags=re.IGNORECASE)
            if concept not in thesaurus.labelled(rest, True):
                out.setdefault(topics[concept.key], set()).add(i)
    return out
