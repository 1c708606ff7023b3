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
from typing import Any

import numpy as np
from whoosh.searching import Searcher

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
    """The matching documents (any word) and the ``top`` best (score, docnum), best first."""
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
