"""The words of a query that a hit lacks ("Saknas: boende"), and the concepts that stand in
for the words it does not write ("Träff via: närvaroarbete").

A query of several words finds examples with most of them, and one of a single compound may
find examples by a part of it ("skolfrånvaro" finds examples that write "skolan"). Under each
hit the page says how it has the query's words, as web search engines do: of the 47 examples
for "växelvis boende" (no example writes "växelvis"), the first ten that write "bor" are
examples of the practices the thesaurus reads it as ("Träff via: föräldrastöd i grupp"), and
the others lack "boende" ("Saknas: boende").

A word counts here when it counts for the ranking (``query_plan.counted_words``: not a word
most examples have, not the asker's own place). An example has it when it writes one of the
word's own terms (its lemma, its forms, the synonyms the plan adds), or the last part of the
compound the word is (the head: "frånvaro" for "skolfrånvaro"; a first part alone, "skola",
is not the word; nor is a head most examples write, of a name some write whole: "skola" of
"Kvarnskolan", nor one the ranking counts for nothing: "ledare" of "juniorledare"), or when
a concept the word names holds the example: then the example was found through the concept
("skolk sms": an example that writes "sms" and is närvaroarbete).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from whoosh.searching import Searcher

from ingest.tagging.lemmas import is_known
from search import fastrank
from search.analysis import word_parts
from search.query_plan import COMMON_SHARE, WordPlan, counted_words
from search.schema import RANK_FIELD
from search.searcher_cache import doc_frequency


class Named(Protocol):
    """A concept the query names (search.query.Expansion): its examples and naming words."""

    kind: str
    concept: str
    docs: frozenset[int]
    words: frozenset[int]


@dataclass(frozen=True)
class Coverage:
    """How an example has the query's words."""

    literal: bool  # it has a term of one of the query's own words (as the ranking reads it)
    missing: list[str]  # the counted words (as written) it neither writes nor has by a concept
    through: list[str]  # the concepts it has for counted words it does not write


def coverage(searcher: Searcher, plan: WordPlan, expansions: Sequence[Named],
             docnums: Sequence[int], skip_kinds: frozenset[str] = frozenset()
             ) -> dict[int, Coverage]:
    """Per document of ``docnums``, which counted words of the query it lacks and which
    concepts (not of ``skip_kinds``) stand in for the words it does not write."""
    written = plan.written
    counted = [i for i in counted_words(plan) if i < len(written)]
    page = np.asarray(docnums, dtype=np.int64)
    writes = {i: _writes(searcher, page, written[i], plan.words[i]) for i in counted}
    own = plan.own if plan.own is not None else len(plan.words)
    literal = np.zeros(len(page), dtype=bool)
    for terms in plan.words[:own]:
        literal |= _having(searcher, page, terms)
    out: dict[int, Coverage] = {}
    for k, docnum in enumerate(docnums):
        unwritten = [i for i in counted if not writes[i][k]]
        standing = [e for e in expansions if e.kind not in skip_kinds and docnum in e.docs
                    and e.words.intersection(unwritten)]
        covered = {i for e in standing for i in e.words}
        out[docnum] = Coverage(bool(literal[k]),
                               [written[i] for i in unwritten if i not in covered],
                               list(dict.fromkeys(e.concept for e in standing)))
    return out


def _writes(searcher: Searcher, page: np.ndarray, word: str, terms: list[str]) -> np.ndarray:
    """Per document of ``page``, whether it writes the word: one of its own terms, or the
    last part of the compound it is, unless most examples write that part and some write
    the word whole and the lemma table does not know it (a name: of the 77 examples that
    write "skola" one writes "Kvarnskolan"; "familj" is a "barnfamilj"), or the plan counts
    that part for nothing (query_plan: "ledare" of "juniorledare")."""
    parts = word_parts(word)
    in_parts = {t for group in parts for t in group}
    own = [t for t in terms if t not in in_parts]
    head = [t for t in parts[-1] if t in terms] if parts else []  # as the plan reads it
    if head and own and not is_known(word) and _written(searcher, own[0]) \
            and all(_written(searcher, t) > COMMON_SHARE * searcher.doc_count_all() for t in head):
        head = []
    return _having(searcher, page, [*own, *head])


def _written(searcher: Searcher, term: str) -> int:
    """How many examples have the index term."""
    return doc_frequency(searcher.reader(), RANK_FIELD, term)


def _having(searcher: Searcher, page: np.ndarray, terms: Sequence[str]) -> np.ndarray:
    """Per document of ``page``, whether it has one of the index terms (from the ranking's
    cached postings)."""
    norms = fastrank.field_norms(searcher, RANK_FIELD)
    found = np.zeros(len(page), dtype=bool)
    for term in dict.fromkeys(terms):
        scored = fastrank.term_scores(searcher, RANK_FIELD, term, norms)
        if scored is None or not len(scored[0]):
            continue
        ids = scored[0]
        at = np.minimum(np.searchsorted(ids, page), len(ids) - 1)
        found |= ids[at] == page
    return found
