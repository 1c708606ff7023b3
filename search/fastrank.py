"""Fast path for plain word queries: BM25 straight from the posting blocks.

Whoosh scores every matching document through a tree of matcher objects, which costs
milliseconds per thousand matches. For a plain query (words, no syntax) the matching set is
the union of the words' term postings, so this module reads those postings block by block,
computes BM25 (same k1/b as Whoosh) with a bonus for documents matching more of the words, and
returns the matching set (for facets) plus the best candidates (to be re-ranked with the
phrase and concept clauses by Whoosh on that small set).
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.searching import Searcher

from search.schema import COPIED_FIELDS
from search.searcher_cache import SearcherCache

K1 = 1.2
B = 0.75
COORD = 0.25  # score × (1 + COORD × (words matched − 1))
EPSILON = 1e-9
WHERE_WRITTEN = 2  # an expansion that counts as a word for its documents with a query word
# documents tied with the last of the best kept beyond it (their order is the caller's); a
# bound on what a page costs when thousands of examples score the same
MAX_TIED = 200


# A field whose copy without positions the schema has (search.schema.COPIED_FIELDS): the
# copy's postings hold the same documents and frequencies, in blocks several times cheaper to
# read (a common word's positions at 10k examples cost 18 ms to read, its frequencies 3 ms).
_WITHOUT_POSITIONS = {source: copy for copy, source in COPIED_FIELDS.items()}


def _norms(searcher: Searcher, fieldname: str) -> np.ndarray:
    """K1 × (1 − B + B × length / average length) per document."""
    return K1 * (1 - B + B * _stored_lengths(searcher, fieldname)
                 / average_length(searcher, fieldname))


_NORMS = SearcherCache()
_LENGTHS = SearcherCache()
_AVERAGES = SearcherCache()


def _stored_lengths(searcher: Searcher, fieldname: str) -> np.ndarray:
    """Each document's stored (approximate) length of the field, as Whoosh's BM25F reads it
    (a copy of a field has the same lengths: they are read once for both). Whoosh answers None
    for a document whose field is empty (an example without tags): its length is 0, not a
    NaN that would make the field's average, and every score using it, NaN."""
    fieldname = _WITHOUT_POSITIONS.get(fieldname, fieldname)

    def build() -> np.ndarray:
        reader = searcher.reader()
        return np.fromiter((reader.doc_field_length(i, fieldname, 1) or 0
                            for i in range(reader.doc_count_all())), dtype=np.float64)
    return _LENGTHS.get(searcher, fieldname, build)


def average_length(searcher: Searcher, fieldname: str) -> float:
    """The mean stored (approximate) length of a field over the live documents. Whoosh keeps
    the exact total of the lengths in a segment it writes, but sums the stored, approximate
    lengths when it merges segments: its average depends on how the index grew (one file at a
    time, or rebuilt at once). This one is the same for the same documents, so they rank the
    same whatever the index's history."""
    def build() -> float:
        live = np.fromiter(searcher.reader().all_doc_ids(), dtype=np.int64)
        total = float(_stored_lengths(searcher, fieldname)[live].sum())
        return (total / len(live) if len(live) else 0.0) or 1.0
    return float(_AVERAGES.get(searcher, ("average", fieldname), build))


class StoredLengthBM25F(BM25F):
    """Whoosh's BM25F with the average length of ``average_length``: the weighting of every
    searcher of the index, so Whoosh's scores (phrases, queries with syntax) and this module's
    agree."""

    def scorer(self, searcher: Searcher, fieldname: str, text: Any, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, BM25FScorer):
            scorer.avgfl = average_length(searcher.get_parent(), fieldname)
        return scorer


def weighting() -> StoredLengthBM25F:
    """The weighting searchers of the index use (same k1 and b as this module)."""
    return StoredLengthBM25F(B=B, K1=K1)


def _blocks(searcher: Searcher, fieldname: str, term: str) -> list[tuple[Any, Any]]:
    """(ids, weights) arrays per posting block, ids as top-level document numbers."""
    out: list[tuple[Any, Any]] = []
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if (fieldname, term) not in reader:
            continue
        m = reader.postings(fieldname, term)
        read_ids = getattr(m, "_read_ids", None)
        if read_ids is None:  # not the on-disk matcher: the slow, public way
            ids, weights = [], []
            while m.is_active():
                ids.append(m.id() + offset)
                weights.append(m.weight())
                m.next()
            out.append((ids, weights))
            continue
        while m.is_active():
            m._read_ids()
            m._read_weights()
            ids = m._ids
            if offset:
                ids = [d + offset for d in ids]
            out.append((ids, m._weights))
            m._next_block()
    return out


class TermScores:
    """Each term's documents and BM25 scores (before a word's weight), as read from its
    postings, kept per index state for the most recently used terms up to MAX_CACHED_POSTINGS
    documents in all: a common word is read once, not on every search that has it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.terms: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray] | None] = \
            OrderedDict()
        self.size = 0

    def get(self, key: tuple[str, str]) -> tuple[np.ndarray, np.ndarray] | None | bool:
        with self.lock:
            if key not in self.terms:
                return False
            self.terms.move_to_end(key)
            return self.terms[key]

    def put(self, key: tuple[str, str], value: tuple[np.ndarray, np.ndarray] | None) -> None:
        with self.lock:
            if key in self.terms:
                return
            self.terms[key] = value
            self.size += len(value[0]) if value is not None else 1
            while self.size > MAX_CACHED_POSTINGS and len(self.terms) > 1:
                _, old = self.terms.popitem(last=False)
                self.size -= len(old[0]) if old is not None else 1


MAX_CACHED_POSTINGS = 4_000_000  # documents over all cached terms of one index state (~64 MB)
_TERMS = SearcherCache()


def term_scores(searcher: Searcher, fieldname: str, term: str, norms: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray] | None:
    """The documents with the term and the BM25 score the term gives each (None: none)."""
    fieldname = _WITHOUT_POSITIONS.get(fieldname, fieldname)
    cache: TermScores = _TERMS.get(searcher, fieldname, TermScores)
    found = cache.get((fieldname, term))
    if found is not False:
        return found  # type: ignore[return-value]
    df = searcher.reader().doc_frequency(fieldname, term)
    value = None
    if df:
        c = (math.log(max(1, searcher.doc_count_all()) / (df + 1)) + 1.0) * (K1 + 1)
        blocks = _blocks(searcher, fieldname, term)
        idx = np.concatenate([np.asarray(ids, dtype=np.int64) for ids, _ in blocks])
        tf = np.concatenate([np.asarray(tfs, dtype=np.float64) for _, tfs in blocks])
        value = (idx, c * tf / (tf + norms[idx]))
    cache.put((fieldname, term), value)
    return value


def expansion_score(n_docs: int, df: int, weight: float) -> float:
    """What a document gets for being in an expansion's set of ``df`` documents: the BM25
    score of a term with that document frequency at average length and tf 1, × ``weight``."""
    idf = math.log(max(1, n_docs) / (df + 1)) + 1.0
    return weight * idf * (K1 + 1) / (1 + K1)


Docs = frozenset[int] | np.ndarray  # document numbers, as a set or a sorted array
Covers = Sequence[Sequence[tuple[Docs, float]]]  # per word: (docs, credit)


def _word_scores(searcher: Searcher, fieldname: str, words: list[list[str]],
                 norms: np.ndarray, covers: Covers = (), counts: Sequence[bool] = (),
                 weights: Sequence[float] = (), own: int | None = None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """BM25 per document summed over the words, how many of the words each one has (a word
    also counts, with its credit up to 1, for the documents of its ``covers``: the examples
    of a concept the word names; a word whose ``counts`` is False counts for none, unless no
    other word has the document; ``weights`` scale a word's score), which documents have
    one of the words themselves (of the first ``own`` words, when given: the others are
    words the query's concepts add), and which have one of those that count."""
    size = len(norms)
    scores = np.zeros(size, dtype=np.float64)
    coord = np.zeros(size, dtype=np.float64)
    literal = np.zeros(size, dtype=bool)
    has_own = np.zeros(size, dtype=bool)  # with one of the own words that count
    weak = np.zeros(size, dtype=bool)
    for i, terms in enumerate(words):
        seen = np.zeros(size, dtype=bool)
        for term in dict.fromkeys(terms):
            found = term_scores(searcher, fieldname, term, norms)
            if found is None:
                continue
            idx, part = found
            scores[idx] += part * weights[i] if i < len(weights) else part
            seen[idx] = True
        counted = i >= len(counts) or counts[i]
        if own is None or i < own:
            literal |= seen
            if counted:
                has_own |= seen
        credit = seen.astype(np.float64)
        for docs, share in covers[i] if i < len(covers) else ():
            idx = _doc_array(docs, size)
            credit[idx] = np.maximum(credit[idx], share)
        if counted:
            coord += credit
        else:
            weak |= seen
    coord[weak & (coord == 0)] = EPSILON  # found by common words only: matched, last
    return scores, coord, literal, has_own


def _doc_array(docs: Docs, size: int) -> np.ndarray:
    if isinstance(docs, np.ndarray):
        return docs[docs < size]
    return np.fromiter((d for d in docs if d < size), dtype=np.int64)


def _best_share(boosts: Sequence[tuple[Docs, float]], size: int) -> np.ndarray:
    share = np.zeros(size, dtype=np.float64)
    for docs, value in boosts:
        idx = _doc_array(docs, size)
        share[idx] = np.maximum(share[idx], value)
    return share


def live(searcher: Searcher, matched_idx: np.ndarray, allowed: set[int] | None,
         size: int | None = None) -> np.ndarray:
    """The matched documents that are neither deleted nor filtered out."""
    reader = searcher.reader()
    if reader.has_deletions() and len(matched_idx):
        matched_idx = np.array([d for d in matched_idx.tolist() if not reader.is_deleted(d)],
                               dtype=np.int64)
    if allowed is not None and len(matched_idx):
        size = size or searcher.doc_count_all()
        keep = np.zeros(size, dtype=bool)
        keep[np.fromiter(allowed, dtype=np.int64, count=len(allowed))] = True
        matched_idx = matched_idx[keep[matched_idx]]
    return matched_idx


@dataclass(frozen=True)
class Ranked:
    """What ``rank_words`` found: the matching documents, the best (score, docnum) best
    first, which of the best have one of the words themselves, and how many of the words
    (or of the concepts counted as words) every match has: ``needed`` below ``required``
    means the requirement was relaxed because too few documents met it."""

    matched: set[int]
    best: list[tuple[float, int]]
    literal: set[int]
    required: int = 1
    needed: int = 1
    strong: int = 0  # how many matches have a word that counts (not common words only)
    written: int = 0  # how many write one of the query's own words that count themselves

    @property
    def relaxed(self) -> bool:
        return self.needed < self.required


def rank_words(searcher: Searcher, fieldname: str, words: list[list[str]],
               allowed: set[int] | None, top: int,
               expansions: Sequence[tuple[Docs, float, int, object]] = (),
               covers: Covers = (), required: int = 1, enough: int = 1,
               counts: Sequence[bool] = (), weights: Sequence[float] = (),
               boosts: Sequence[tuple[Docs, float]] = (),
               qualified: Sequence[Docs] = (), own: int | None = None,
               singled: Docs = ()) -> Ranked:
    """Documents with at least ``required`` of the words, ranked. A word counts for a
    document that has one of its terms, or (with a credit up to 1) for one of the word's
    ``covers`` sets. An expansion (docs, score, counted, group) gives each of its documents its
    fixed score (``expansion_score``; of the expansions of one group, the best only: the
    concepts one word names) and, when ``counted`` (a concept no single word names), counts as
    one more word; when ``counted`` is WHERE_WRITTEN, only for its documents that have one of
    the words. When fewer than ``enough`` documents have ``required`` words, one word less
    is required, down to one. A document of a ``boosts`` set (docs, share) has its score
    multiplied by 1 + share (the best share of its sets). A document of a ``qualified`` set
    (the examples of a practice the query names outright) matches whatever its count of words,
    below those with more words, and is no reason not to relax. The best are the ``top`` and
    the documents tied with the last of them, up to MAX_TIED more (so that the caller can
    order ties). Only the first ``own`` words, when given, are the query's own: a document
    with none of them is not among those that have one of the words themselves. The
    ``singled`` documents that have every counted word of the query's own come first."""
    norms = field_norms(searcher, fieldname)
    size = len(norms)
    scores, coord, literal, has_own = _word_scores(searcher, fieldname, words, norms, covers,
                                                   counts, weights, own)
    groups: dict[object, np.ndarray] = {}
    written = coord > 0  # documents with one of the words, common ones too
    for docs, score, counted, group in expansions:
        idx = _doc_array(docs, size)
        best = groups.setdefault(group, np.zeros(size, dtype=np.float64))
        best[idx] = np.maximum(best[idx], score)
        if counted == WHERE_WRITTEN:
            coord[idx[written[idx]]] += 1
        elif counted:
            coord[idx] += 1
    for best in groups.values():
        scores += best
    candidates = live(searcher, np.flatnonzero(coord), allowed, size)
    have = coord[candidates]
    needed = _needed(have, required, enough)
    keep = have >= (needed - EPSILON if needed > 1 else 2 * EPSILON if needed else EPSILON)
    if qualified and needed >= 1:
        keep |= _best_share([(docs, 1.0) for docs in qualified], size)[candidates] > 0
    matched_idx = candidates[keep]
    if not len(matched_idx):
        return Ranked(set(), [], set(), required, needed)
    final = scores[matched_idx] * (1 + COORD * (coord[matched_idx] - 1))
    if boosts:
        final *= 1 + _best_share(boosts, size)[matched_idx]
    _common_last(final, coord[matched_idx])
    if len(singled):
        _complete_first(final, coord[matched_idx], np.isin(matched_idx, _doc_array(singled, size)),
                        _own_counted(len(words), counts, own))
    best = _top(final, matched_idx, top)
    return Ranked(set(matched_idx.tolist()), best, {d for _, d in best if literal[d]},
                  required, needed, int(np.count_nonzero(coord[matched_idx] > 2 * EPSILON)),
                  int(np.count_nonzero(has_own[matched_idx])))


def _common_last(final: np.ndarray, coord: np.ndarray) -> None:
    """Scale the documents found by common words only below all others (in place), in
    their own order: they are there because too few have a word that counts."""
    weak = coord <= 2 * EPSILON
    if weak.any() and not weak.all():
        floor = final[~weak].min()
        top = final[weak].max()
        if top > 0 and top >= floor:
            final[weak] *= floor / (2 * top)


def _top(final: np.ndarray, matched_idx: np.ndarray, top: int) -> list[tuple[float, int]]:
    """The ``top`` best (score, document) and the documents tied with the last, up to
    MAX_TIED more, best first."""
    k = min(top, len(matched_idx))
    kth = -np.partition(-final, k - 1)[k - 1]
    part = np.flatnonzero(final >= kth)  # the top k and the documents tied with the last
    if len(part) > k + MAX_TIED:
        part = np.argpartition(-final, k + MAX_TIED - 1)[:k + MAX_TIED]
    order = part[np.argsort(-final[part], kind="stable")]
    return [(float(final[i]), int(matched_idx[i])) for i in order]


def _own_counted(words: int, counts: Sequence[bool], own: int | None) -> int:
    """How many of the query's own words count."""
    return sum(1 for i in range(words if own is None else min(own, words))
               if i >= len(counts) or counts[i])


def _complete_first(final: np.ndarray, coord: np.ndarray, singled: np.ndarray,
                    words: int) -> None:
    """Raise the ``singled`` documents (a boolean mask) that have all ``words`` above all
    others (in place), in their own order."""
    first = singled & (coord >= words - EPSILON)
    if first.any() and not first.all():
        final[first] += final.max()


def _needed(have: np.ndarray, required: int, enough: int) -> int:
    """How many words a match needs: ``required``, one less at a time while fewer than
    ``enough`` documents have that many, and 0 (common words alone are enough) when fewer
    than ``enough`` have even one word that counts."""
    needed = max(1, required)
    while needed > 1 and np.count_nonzero(have >= needed - EPSILON) < enough:
        needed -= 1
    strong = have > 2 * EPSILON
    if needed == 1 and np.count_nonzero(strong) < enough and not strong.all():
        needed = 0
    return needed


def rank(searcher: Searcher, fieldname: str, words: list[list[str]], allowed: set[int] | None,
         top: int, expansions: Sequence[tuple[frozenset[int], float]] = ()
         ) -> tuple[set[int], list[tuple[float, int]], set[int]]:
    """The matching documents (any word, or any expansion), the ``top`` best (score, docnum),
    best first, and which of the best have one of the words themselves. An expansion is a set
    of documents that match as one more word, with a fixed score (``expansion_score``): the
    examples tagged with a concept the query names."""
    found = rank_words(searcher, fieldname, words, allowed, top,
                       [(docs, score, True, i) for i, (docs, score) in enumerate(expansions)])
    return found.matched, found.best, found.literal


def with_all_terms(searcher: Searcher, fieldname: str, terms: Sequence[str],
                   docnums: set[int]) -> set[int]:
    """The documents of ``docnums`` that have every one of the terms in the field (where a
    phrase of them can be: a phrase query walks positions, this only cached postings)."""
    norms = field_norms(searcher, fieldname)
    out = set(docnums)
    for term in terms:
        found = term_scores(searcher, fieldname, term, norms)
        if found is None:
            return set()
        out.intersection_update(found[0].tolist() if len(found[0]) < len(out) * 8
                                else (d for d in out if has(found[0], d)))
        if not out:
            break
    return out


def count_every_word(searcher: Searcher, fieldname: str, words: Sequence[Sequence[str]]) -> int:
    """How many documents have a term of every one of the words (deleted ones included: a
    comparison of two queries, not a count to show)."""
    return len(with_every_word(searcher, fieldname, words))


def with_every_word(searcher: Searcher, fieldname: str, words: Sequence[Sequence[str]]
                    ) -> np.ndarray:
    """The documents that have a term of every one of the words, sorted (deleted ones
    included)."""
    norms = field_norms(searcher, fieldname)
    out: np.ndarray | None = None  # a flag per document: sets of thousands without sorting
    for terms in words:
        have = np.zeros(searcher.doc_count_all(), dtype=bool)
        for found in (term_scores(searcher, fieldname, t, norms) for t in terms):
            if found is not None:
                have[found[0]] = True
        if out is None:
            out = have
        else:
            out &= have
        if not out.any():
            break
    return np.empty(0, dtype=np.int64) if out is None else np.flatnonzero(out)


def terms_score(searcher: Searcher, fieldname: str, terms: Sequence[str], boost: float,
                docnums: set[int]) -> dict[int, float]:
    """The terms' BM25 in the field summed, × ``boost``, for each of ``docnums``."""
    if not docnums:
        return {}
    norms = field_norms(searcher, fieldname)
    found = [term_scores(searcher, fieldname, term, norms) for term in terms]
    return {d: boost * sum(_score_of(f, d) for f in found if f is not None) for d in docnums}


def phrase_scores(searcher: Searcher, fieldname: str, terms: Sequence[str], slop: int,
                  boost: float, docnums: set[int]) -> dict[int, float]:
    """What Whoosh's ``Phrase(fieldname, terms, slop)`` scores the documents of ``docnums``
    that have the terms in order, each within ``slop`` positions of the one before (its
    terms' BM25 summed, × ``boost``), read per document (no walk over all positions)."""
    docs = with_all_terms(searcher, fieldname, terms, docnums)
    if not docs:
        return {}
    norms = field_norms(searcher, fieldname)
    found = [term_scores(searcher, fieldname, term, norms) for term in terms]
    order = sorted(docs)
    if fieldname in STORED_PHRASE_FIELDS:
        stored = [_stored_positions(searcher, fieldname, d) for d in order]
        positions = [{d: p.get(term, []) for d, p in zip(order, stored, strict=True)}
                     for term in terms]
    else:
        positions = [_positions(searcher, fieldname, term, order) for term in terms]
    out: dict[int, float] = {}
    for docnum in order:
        if _in_order([p.get(docnum, []) for p in positions], slop):
            out[docnum] = boost * sum(_score_of(f, docnum) for f in found if f is not None)
    return out


STORED_PHRASE_FIELDS = ("title",)  # short stored fields: positions from the stored text
_STORED = SearcherCache()


def _stored_positions(searcher: Searcher, fieldname: str, docnum: int) -> dict[str, list[int]]:
    """The positions of each term of a short stored field of one document, from its text
    analysed again (cached per index state): cheaper than skipping through long postings."""
    cache: dict[int, dict[str, list[int]]] = _STORED.get(searcher, fieldname, dict)
    found = cache.get(docnum)
    if found is None:
        found = {}
        text = searcher.stored_fields(docnum).get(fieldname) or ""
        analyzer = searcher.schema[fieldname].analyzer
        for token in analyzer(text, positions=True, mode="index"):
            found.setdefault(token.text, []).append(token.pos)
        cache[docnum] = found
    return found


_POSITIONS = SearcherCache()
MAX_CACHED_POSITIONS = 200_000  # (term, document) pairs kept per index state
_UNREAD: Any = object()  # a (term, document) pair not read yet


def _positions(searcher: Searcher, fieldname: str, term: str, docnums: list[int]
               ) -> dict[int, list[int]]:
    """The term's positions in each of the documents (sorted), read by skipping through its
    postings to them and kept per index state. A phrase is scored for a page's candidates
    only: reading every position of a common word (8,000 postings at 10k examples) took
    30 ms, skipping to 40 of them 3–6 ms."""
    cache: dict[tuple[str, str, int], list[int] | None] = _POSITIONS.get(
        searcher, "positions", dict)
    if len(cache) > MAX_CACHED_POSITIONS:
        cache.clear()
    known = {d: cache.get((fieldname, term, d), _UNREAD) for d in docnums}
    missing = [d for d, found in known.items() if found is _UNREAD]
    if missing:
        m = searcher.reader().postings(fieldname, term)
        for docnum in missing:
            if m.is_active() and m.id() < docnum:
                m.skip_to(docnum)
            found = m.value_as("positions") if m.is_active() and m.id() == docnum else None
            known[docnum] = cache[fieldname, term, docnum] = found
    return {d: found for d, found in known.items() if found is not None}



def _in_order(positions: list[list[int]], slop: int) -> bool:
    """Whether a position of each list follows one of the list before within 1..slop."""
    ends = set(positions[0]) if positions else set()
    for nexts in positions[1:]:
        ends = {p for p in nexts if any(1 <= p - e <= slop for e in ends)}
        if not ends:
            return False
    return bool(ends)


def field_norms(searcher: Searcher, fieldname: str) -> np.ndarray:
    """BM25's length norm per document of the field (``_norms``), kept per index state."""
    return _NORMS.get(searcher, fieldname, lambda: _norms(searcher, fieldname))


def score_of(found: tuple[np.ndarray, np.ndarray] | None, docnum: int) -> float:
    """The score ``term_scores`` gives the document (0 without the term)."""
    return 0.0 if found is None else _score_of(found, docnum)


def _score_of(found: tuple[np.ndarray, np.ndarray], docnum: int) -> float:
    ids, scores = found
    i = int(np.searchsorted(ids, docnum))
    return float(scores[i]) if i < len(ids) and int(ids[i]) == docnum else 0.0


def has(ids: np.ndarray, docnum: int) -> bool:
    """Whether the sorted array ``ids`` holds ``docnum``."""
    i = int(np.searchsorted(ids, docnum))
    return i < len(ids) and int(ids[i]) == docnum


def bonus(searcher: Searcher, q: Any, docnums: set[int]) -> dict[int, float]:
    """Scores of ``q`` for a few documents only (skipping straight to each of them)."""
    out: dict[int, float] = {}
    for sub, offset in searcher.leaf_searchers():
        end = offset + sub.doc_count_all()
        local = sorted(d - offset for d in docnums if offset <= d < end)
        if not local:
            continue
        try:
            m = q.matcher(sub, sub.context())
        except Exception:  # noqa: BLE001 - a bonus is optional
            continue
        for d in local:
            if not m.is_active():
                break
            if m.id() < d:
                m.skip_to(d)
                if not m.is_active():
                    break
            if m.id() == d:
                out[d + offset] = m.score()
    return out
