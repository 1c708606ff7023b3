"""Words of a query that an example writes near each other.

Two words of a query that an example writes within a few words of each other, in either
order, are likely said of one thing there ("ingen ska behöva vara ensam" on the breaks), not
in two unrelated paragraphs. Each such pair adds its two words' BM25 once more, at a share
(WORDS_NEAR_BOOST), to the ten best candidates: it reorders the first page, it neither finds
nor drops an example, and later pages are as they were.

Nearness is read from the candidates' stored title and text, not from the index's postings:
the postings of a common word hold its positions in every example, in blocks that cost more
to decode than a handful of texts cost to scan (benchmarks/search.py: at 10k examples, reading
the candidates' positions from the postings added 12–18 ms to the 95th percentile of first
searches). The words that may make a query term are found as the snippets find them
(``snippets.term_matches``, one scan of the text for their first letters), a word form's
terms decided once per query (``analysis.variants``), and the words between two of them
counted as the analyser counts positions: stopwords and one-letter words left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from whoosh.searching import Searcher

from search import fastrank
from search.analysis import MAX_TOKEN, MIN_TOKEN, STOPWORDS, TOKEN_PATTERN
from search.schema import RANK_FIELD
from search.snippets import Match, WordTerms, term_matches

WORDS_NEAR_SLOP = 3  # positions apart at most: two words between, stopwords not counted
WORDS_NEAR_BOOST = 0.5
NEAR_CANDIDATES = 10  # the best candidates by score that are reordered: a first page
GAP_CHARS = 200  # two matches further apart than this are never near

_WORD = re.compile(TOKEN_PATTERN)


def _counted_between(text: str, start: int, end: int) -> int:
    """How many words of text[start:end] the analyser gives a position."""
    return sum(1 for m in _WORD.finditer(text, start, end)
               if MIN_TOKEN <= len(m.group()) <= MAX_TOKEN and m.group().lower() not in STOPWORDS)


def near_pairs(text: str, found: list[Match], slop: int = WORDS_NEAR_SLOP
               ) -> set[frozenset[str]]:
    """The pairs of different terms whose words stand within ``slop`` positions."""
    out: set[frozenset[str]] = set()
    for i, (_, end, first) in enumerate(found):
        for start, _, second in found[i + 1:]:
            if start - end > GAP_CHARS or _counted_between(text, end, start) >= slop:
                break
            out.update(frozenset((a, b)) for a in first for b in second if a != b)
    return out


def near_scores(searcher: Searcher, terms: Sequence[str], docnums: Sequence[int],
                stored_fields: Callable[[int], dict[str, Any]]) -> dict[int, float]:
    """What the candidates (the first NEAR_CANDIDATES, best first) get for each pair of
    ``terms`` (the query's words that count, as index terms) they write within
    WORDS_NEAR_SLOP positions of each other: the pair's BM25 (as ranked), × WORDS_NEAR_BOOST.
    ``stored_fields`` reads a candidate's stored fields (the page's snippets read them too)."""
    wanted = frozenset(terms)
    if len(wanted) < 2:
        return {}
    norms = fastrank.field_norms(searcher, RANK_FIELD)
    bm25 = {t: fastrank.term_scores(searcher, RANK_FIELD, t, norms) for t in wanted}
    memo: WordTerms = {}
    out: dict[int, float] = {}
    for docnum in docnums:
        # the index says which of the terms the example has: its text is read only for two
        present = frozenset(t for t in wanted if fastrank.score_of(bm25[t], docnum))
        if len(present) < 2:
            continue
        stored = stored_fields(docnum)
        text = f"{stored.get('title') or ''} \n {stored.get('text') or ''}"
        for pair in near_pairs(text, term_matches(text, present, memo)):
            score = sum(fastrank.score_of(bm25[t], docnum) for t in pair)
            out[docnum] = out.get(docnum, 0.0) + WORDS_NEAR_BOOST * score
    return out
