"""Fast path for plain word queries: BM25 straight from the posting blocks.

Whoosh scores every matching document through a tree of matcher objects, which costs
milliseconds per thousand matches. For a plain query (words, no syntax) the matching set is
the union of the words' term postings, so this module reads those postings block by block,
computes BM25 (same k1/b as Whoosh) with a bonus for documents matching more of the words, and
returns the matching set (for facets) plus the best candidates (to be re-ranked with the
phrase and concept clauses by Whoosh on that small set).
"""

from __future__ import annotations

import heapq
import math
from typing import Any

from whoosh.searching import Searcher

try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy comes with spaCy
    np = None  # type: ignore[assignment]

K1 = 1.2
B = 0.75
COORD = 0.25  # score × (1 + COORD × (words matched − 1))


def _norms(searcher: Searcher, fieldname: str) -> list[float]:
    """K1 × (1 − B + B × length / average length) per document (cached per searcher)."""
    cached = getattr(searcher, "_eb_norms", None)
    if cached is not None:
        return cached
    reader = searcher.reader()
    lengths = [float(reader.doc_field_length(i, fieldname, 0) or 0)
               for i in range(reader.doc_count_all())]
    avg = (sum(lengths) / len(lengths)) if lengths else 1.0
    avg = avg or 1.0
    norms = [K1 * (1 - B + B * length / avg) for length in lengths]
    searcher._eb_norms = norms  # type: ignore[attr-defined]
    return norms


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


def rank(searcher: Searcher, fieldname: str, words: list[list[str]], allowed: set[int] | None,
         top: int) -> tuple[set[int], list[tuple[float, int]]]:
    """Match and score (numpy when available, else plain Python)."""
    if np is not None:
        return _rank_numpy(searcher, fieldname, words, allowed, top)
    return _rank_python(searcher, fieldname, words, allowed, top)


def _rank_numpy(searcher: Searcher, fieldname: str, words: list[list[str]],
                allowed: set[int] | None, top: int
                ) -> tuple[set[int], list[tuple[float, int]]]:
    reader = searcher.reader()
    n_docs = max(1, searcher.doc_count())
    norms = getattr(searcher, "_eb_norms_np", None)
    if norms is None:
        norms = np.asarray(_norms(searcher, fieldname), dtype=np.float64)
        searcher._eb_norms_np = norms  # type: ignore[attr-defined]
    size = len(norms)
    scores = np.zeros(size, dtype=np.float64)
    coord = np.zeros(size, dtype=np.int32)
    for terms in words:
        seen = np.zeros(size, dtype=bool)
        for term in dict.fromkeys(terms):
            df = reader.doc_frequency(fieldname, term)
            if not df:
                continue
            c = (math.log(n_docs / (df + 1)) + 1.0) * (K1 + 1)
            for ids, weights in _blocks(searcher, fieldname, term):
                idx = np.asarray(ids, dtype=np.int64)
                tf = np.asarray(weights, dtype=np.float64)
                scores[idx] += c * tf / (tf + norms[idx])
                seen[idx] = True
        coord += seen
    matched_idx = np.flatnonzero(coord)
    if reader.has_deletions() and len(matched_idx):
        matched_idx = np.array([d for d in matched_idx.tolist() if not reader.is_deleted(d)],
                               dtype=np.int64)
    if allowed is not None and len(matched_idx):
        keep = np.zeros(size, dtype=bool)
        keep[np.fromiter(allowed, dtype=np.int64, count=len(allowed))] = True
        matched_idx = matched_idx[keep[matched_idx]]
    if not len(matched_idx):
        return set(), []
    final = scores[matched_idx] * (1 + COORD * (coord[matched_idx] - 1))
    k = min(top, len(matched_idx))
    part = np.argpartition(-final, k - 1)[:k]
    order = part[np.argsort(-final[part], kind="stable")]
    best = [(float(final[i]), int(matched_idx[i])) for i in order]
    return set(matched_idx.tolist()), best


def _rank_python(searcher: Searcher, fieldname: str, words: list[list[str]],
                 allowed: set[int] | None, top: int
                 ) -> tuple[set[int], list[tuple[float, int]]]:
    """Match and score. ``words``: the terms of each query word (any of them matches the word).
    Returns (matching document numbers, best ``top`` (score, docnum) pairs, best first)."""
    reader = searcher.reader()
    n_docs = max(1, searcher.doc_count())
    norms = _norms(searcher, fieldname)
    size = len(norms)
    scores = [0.0] * size
    mask = [0] * size
    matched: set[int] = set()
    for w_index, terms in enumerate(words):
        bit = 1 << min(w_index, 30)
        for term in dict.fromkeys(terms):
            df = reader.doc_frequency(fieldname, term)
            if not df:
                continue
            c = (math.log(n_docs / (df + 1)) + 1.0) * (K1 + 1)
            for ids, weights in _blocks(searcher, fieldname, term):
                matched.update(ids)
                for d, tf in zip(ids, weights, strict=False):
                    scores[d] += c * tf / (tf + norms[d])
                    mask[d] |= bit
    if reader.has_deletions():
        matched = {d for d in matched if not reader.is_deleted(d)}
    if allowed is not None:
        matched &= allowed
    best = heapq.nlargest(
        top,
        ((scores[d] * (1 + COORD * (mask[d].bit_count() - 1)), d) for d in matched),
    )
    return matched, best


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
