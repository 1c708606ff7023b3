"""The facet values of the examples, per index state: the examples of each value as postings
and sorted arrays, and the counts shown beside the hits (``facet_counts``)."""

from __future__ import annotations

import numpy as np
from whoosh.searching import Searcher

from search.schema import FACETS
from search.searcher_cache import SearcherCache

# facet postings and their arrays, per index state
FACET_CACHE = SearcherCache()


def facet_postings(searcher: Searcher) -> dict[str, dict[str, frozenset[int]]]:
    """Per facet and value, the live examples that have it."""
    return FACET_CACHE.get(searcher, "postings", lambda: _read_facet_postings(searcher))


def _read_facet_postings(searcher: Searcher) -> dict[str, dict[str, frozenset[int]]]:
    reader = searcher.reader()
    out: dict[str, dict[str, frozenset[int]]] = {}
    for name in FACETS:
        values: dict[str, frozenset[int]] = {}
        for btext in reader.lexicon(name):
            value = btext.decode("utf-8")
            ids = frozenset(
                d for d in reader.postings(name, btext).all_ids() if not reader.is_deleted(d)
            ) if reader.has_deletions() else frozenset(reader.postings(name, btext).all_ids())
            if ids:
                values[value] = ids
        out[name] = values
    return out


def named_once(searcher: Searcher) -> dict[str, np.ndarray]:
    """Per intervention, the examples that name it in one place only (sorted arrays)."""
    def build() -> dict[str, np.ndarray]:
        reader = searcher.reader()
        if "insats_once" not in reader.indexed_field_names():
            return {}
        return {b.decode("utf-8"): np.fromiter(sorted(reader.postings("insats_once", b)
                                                      .all_ids()), dtype=np.int64)
                for b in reader.lexicon("insats_once")}
    return FACET_CACHE.get(searcher, "once", build)


def facet_arrays(searcher: Searcher, postings: dict[str, dict[str, frozenset[int]]]
                 ) -> dict[str, dict[str, np.ndarray]]:
    """``facet_postings`` as sorted arrays."""
    return FACET_CACHE.get(searcher, "arrays", lambda: {
        name: {value: np.fromiter(sorted(ids), dtype=np.int64, count=len(ids))
               for value, ids in values.items()}
        for name, values in postings.items()})


def facet_counts(searcher: Searcher, docs: set[int] | None) -> dict[str, dict[str, int]]:
    """Counts per facet value over the matched documents (None: every document)."""
    postings = facet_postings(searcher)
    arrays = facet_arrays(searcher, postings)
    mask = None
    if docs is not None:
        mask = np.zeros(searcher.reader().doc_count_all(), dtype=bool)
        if docs:
            mask[np.fromiter(docs, dtype=np.int64, count=len(docs))] = True
    result: dict[str, dict[str, int]] = {}
    for name in FACETS:
        counts: dict[str, int] = {}
        for value, ids in postings[name].items():
            n = len(ids) if mask is None else int(np.count_nonzero(mask[arrays[name][value]]))
            if n:
                counts[value] = n
        if name == "ar":
            result[name] = dict(sorted(counts.items(), reverse=True))
        else:
            result[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return result

