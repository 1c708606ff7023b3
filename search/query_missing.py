"""The words of a query that a hit lacks ("Saknas: växelvis").

A query of several words finds examples with most of them, and one of a single compound may
find examples by a part of it ("skolfrånvaro" finds examples that write "skolan"). Under such
a hit the page names the words it lacks, as web search engines do, so that a reader sees
that "47 exempel för ”växelvis boende”" are examples that write "bor" and not examples about
living in two homes.

A word counts here when it counts for the ranking (``query_plan.counted_words``: not a word
most examples have, not the asker's own place). An example has it when it writes one of the
word's own terms (its lemma, its forms, the synonyms the plan adds), or the last part of the
compound the word is (the head: "frånvaro" for "skolfrånvaro"; a first part alone, "skola",
is not the word), or when a concept the word names holds the example (then the example was
found through the concept: "skolk" and närvaroarbete).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from whoosh.searching import Searcher

from search import fastrank
from search.analysis import lemma, part_lemmas
from search.query_plan import WordPlan, counted_words
from search.schema import RANK_FIELD


class Named(Protocol):
    """A concept the query names (search.query.Expansion): its examples and naming words."""

    docs: frozenset[int]
    words: frozenset[int]


def missing_words(searcher: Searcher, plan: WordPlan, expansions: Sequence[Named],
                  docnums: Sequence[int]) -> dict[int, list[str]]:
    """Per document of ``docnums``, the counted words of the query (as written) it lacks."""
    written = plan.written
    counted = [i for i in counted_words(plan) if i < len(written)]
    if len(counted) < 1:
        return {}
    has = _term_lookup(searcher)
    out: dict[int, list[str]] = {}
    for docnum in docnums:
        lacking = [written[i] for i in counted
                   if not _has_word(has, docnum, written[i], plan.words[i])
                   and not any(i in e.words and docnum in e.docs for e in expansions)]
        if lacking:
            out[docnum] = lacking
    return out


def _term_lookup(searcher: Searcher) -> Callable[[str, int], bool]:
    """Whether a document has an index term, from the ranking's cached postings."""
    norms = fastrank.field_norms(searcher, RANK_FIELD)

    def has(term: str, docnum: int) -> bool:
        found = fastrank.term_scores(searcher, RANK_FIELD, term, norms)
        return fastrank.score_of(found, docnum) > 0.0
    return has


def _has_word(has: Callable[[str, int], bool], docnum: int, word: str,
              terms: list[str]) -> bool:
    """Whether the document has the word: one of its own terms, or its compound's head."""
    parts = part_lemmas(word) or part_lemmas(lemma(word))
    in_parts = {t for group in parts for t in group}
    head = parts[-1] if parts else ()
    return any(has(t, docnum) for t in terms if t not in in_parts) or \
        any(has(t, docnum) for t in head)
