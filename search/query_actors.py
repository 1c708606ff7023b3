"""The actors a query names ("EHT och socialtjänsten", "bvc", "bibliotekarie") and the
practices they run together.

A new team often names who it works with, not what it does: an agency, a profession, a team,
often by its short form. The tagger already knows each example's actors (the taxonomy's
``actors`` terms), so a query word naming an actor counts, in part, for the examples that actor
takes part in, also when they never write the word ("EHT" is written nowhere, the examples say
"elevhälsoteamet" or "kuratorn").

When no word of the query names a practice, the actors it names say which are meant: of the
examples tagged with all of them, those of a practice the actors mostly run (together) are
raised (a practice most of whose examples have all of them: samverkansteam for school health
and social services), the more the larger that share. This is a co-occurrence count over the
index's own tags, made per search; no library offers it over Whoosh facets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ingest.tagging.taxonomy import taxonomy
from search.analysis import lemma, query_words

ACTOR = "actor"
# An example the query's actor takes part in has, in a sense, the word naming it: this much of
# a word (an example that writes the word has all of it, and ranks above).
ACTOR_CREDIT = 0.5
# ... and scores as for a word with as many examples, × ACTOR_WEIGHT.
ACTOR_WEIGHT = 0.5
# Beside a word of the query that counts and names no actor, a word naming only an actor says
# who does the work or for whom: it scores this share of a word (search.query_plan._weaken_actors).
ACTOR_WORD_WEIGHT = 0.5
# The examples of a practice the named actors run together score up to 1 + TOGETHER_BOOST
# times as much, by the share of the practice's examples that have all the actors, when at
# least TOGETHER_MIN of them have and the share is at least TOGETHER_SHARE.
TOGETHER_BOOST = 1.0
TOGETHER_MIN = 2
TOGETHER_SHARE = 0.5
MAX_SPAN = 3  # words of the longest actor term looked for
# A compound names the actor of a term it ends with ("idrottslärare": lärare), when the term
# has MIN_HEAD letters or more and something MIN_HEAD_PREFIX letters or more stands before it.
MIN_HEAD = 5
MIN_HEAD_PREFIX = 3


@dataclass(frozen=True)
class NamedActor:
    """An actor the query names, and the positions (in ``query_words``) of its words."""

    value: str
    words: frozenset[int]


@lru_cache(maxsize=1)
def actor_terms() -> dict[tuple[str, ...], str]:
    """Each actor term as lemmas → its actor ("skolkuratorn" and "skolkurator" alike)."""
    out: dict[tuple[str, ...], str] = {}
    for actor, terms in taxonomy().actors.items():
        for term in (actor, *terms):
            key = tuple(lemma(w) for w in query_words(term))
            if key:
                out.setdefault(key, actor)
    return out


def named_actors(words: list[str]) -> tuple[NamedActor, ...]:
    """The actors the query's words (``query_words``) name, longest terms first; a word is
    part of one actor's term at most."""
    lemmas = [lemma(w) for w in words]
    terms = actor_terms()
    used: set[int] = set()
    found: dict[str, set[int]] = {}
    for size in range(min(MAX_SPAN, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            span = set(range(i, i + size))
            key = tuple(lemmas[i:i + size])
            actor = terms.get(key) or (terms.get(tuple(words[i:i + size])) or _by_head(
                lemmas[i], terms) if size == 1 else None)
            if actor and used.isdisjoint(span):
                used |= span
                found.setdefault(actor, set()).update(span)
    return tuple(NamedActor(v, frozenset(p)) for v, p in found.items())


def _by_head(word: str, terms: dict[tuple[str, ...], str]) -> str | None:
    """The actor of the longest one-word term the word ends with, as a compound's last part
    ("idrottslärare" → lärare → skola, "fotbollstränare" → tränare → förening): a profession
    is written with what it works with in front of it."""
    for k in range(MIN_HEAD_PREFIX, len(word) - MIN_HEAD + 1):
        actor = terms.get((word[k:],))
        if actor:
            return actor
    return None


def run_together(actor_ids: list[np.ndarray], practices: dict[str, np.ndarray]
                 ) -> list[tuple[np.ndarray, float]]:
    """(examples, boost) for the practices the actors run together: of the examples tagged
    with every actor, those of each practice most of whose examples are."""
    if not actor_ids:
        return []
    shared = actor_ids[0]
    for ids in actor_ids[1:]:
        shared = np.intersect1d(shared, ids, assume_unique=True)
    out = []
    for ids in practices.values():
        if len(ids) < TOGETHER_MIN:  # most proposed practices have one example
            continue
        both = np.intersect1d(ids, shared, assume_unique=True)
        share = len(both) / len(ids)
        if len(both) >= TOGETHER_MIN and share >= TOGETHER_SHARE:
            out.append((both, TOGETHER_BOOST * share))
    return out
