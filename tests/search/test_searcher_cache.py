"""What is derived from the index is built once per index state and shared by every thread's
searcher on it; an upload or a removal is a new state, whose values are built again."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from ingest.model import Tag
from search import query, searcher_cache, spelling
from search.library import Library
from search.schema import RANK_FIELD, SEARCH_FIELD, facet_values
from search.searcher_cache import MAX_STATES, SearcherCache, SegmentCache, doc_frequency, state_of
from tests.search.conftest import EXAMPLES_A, EXAMPLES_B, FakeReader, make_document

THREADS = 4


def _in_threads(library: Library, fn: Callable) -> list:
    """``fn(searcher)`` in THREADS threads at once, each with its own searcher."""
    results: list = [None] * THREADS
    start = threading.Barrier(THREADS)

    def work(i: int) -> None:
        start.wait()
        results[i] = library.index.run(fn)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_threads_share_one_build_per_state(tmp_path: Path, reader: FakeReader,
                                           add_docs: Callable) -> None:
    library = Library(tmp_path / "data", reader=reader)
    try:
        add_docs(library, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
        cache = SearcherCache()
        builds: list[object] = []

        def slow_build() -> int:
            builds.append(object())
            time.sleep(0.2)  # the other threads ask while this one builds
            return len(builds)

        def value_and_searcher(searcher: object) -> tuple[int, int, object]:
            return cache.get(searcher, "key", slow_build), id(searcher), state_of(searcher)

        first = _in_threads(library, value_and_searcher)
        assert len({searcher for _, searcher, _ in first}) == THREADS  # own searchers
        assert len({state for _, _, state in first}) == 1
        assert [value for value, _, _ in first] == [1] * THREADS
        assert len(builds) == 1

        doc, data = make_document("b.pdf", EXAMPLES_B, "2023-05")
        add_docs(library, reader, tmp_path / "in", [(doc, data)])
        second = _in_threads(library, value_and_searcher)
        assert [value for value, _, _ in second] == [2] * THREADS
        assert second[0][2] != first[0][2]

        assert library.remove_document(doc.id)
        third = _in_threads(library, value_and_searcher)
        assert [value for value, _, _ in third] == [3] * THREADS
        assert len({state for _, _, state in first + second + third}) == 3
    finally:
        library.close()


def test_searches_see_each_state(tmp_path: Path, reader: FakeReader,
                                 add_docs: Callable) -> None:
    """The values a search builds (norms, postings, facets) follow uploads and removals."""
    library = Library(tmp_path / "data", reader=reader)
    try:
        add_docs(library, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
        assert library.search("läxhjälp").total == 0
        assert library.search("hembesök").facets["kommun"] == {"Nässjö": 1}
        doc, data = make_document("b.pdf", EXAMPLES_B, "2023-05")
        add_docs(library, reader, tmp_path / "in", [(doc, data)])
        found = _in_threads(library, lambda s: library.search("läxhjälp").total)
        assert found[0] > 0 and found == found[:1] * THREADS
        assert library.search("hembesök").facets["kommun"] == {"Nässjö": 1, "Gnosjö": 1}
        assert library.remove_document(doc.id)
        assert _in_threads(library, lambda s: library.search("läxhjälp").total) == [0] * THREADS
        assert library.search("hembesök").facets["kommun"] == {"Nässjö": 1}
    finally:
        library.close()


def test_word_counts_are_read_once_per_reader_and_again_after_an_upload(
        tmp_path: Path, reader: FakeReader, add_docs: Callable) -> None:
    library = Library(tmp_path / "data", reader=reader)
    try:
        add_docs(library, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
        with library.index.reading() as searcher:
            index_reader = searcher.reader()
            read = index_reader.doc_frequency
            asked: list[str] = []
            index_reader.doc_frequency = lambda field, term: asked.append(term) or read(field, term)
            assert doc_frequency(index_reader, RANK_FIELD, "habo") == 0
            assert doc_frequency(index_reader, RANK_FIELD, "habo") == 0
            assert doc_frequency(index_reader, RANK_FIELD, "skola") > 0
            assert asked == ["habo", "skola"]  # each word's segments read once
        add_docs(library, reader, tmp_path / "in",
                 [make_document("b.pdf", EXAMPLES_B, "2023-05")])
        with library.index.reading() as searcher:
            assert doc_frequency(searcher.reader(), RANK_FIELD, "habo") == 1
        assert library.search("Habo").total == 1
    finally:
        library.close()


def _segment_ids(searcher: object) -> set[str]:
    return {sub.segment().segment_id() for sub, _ in searcher.reader().leaf_readers()}


def _own_by_walk(searcher: object) -> dict[str, list[int]]:
    """The own practices as a walk over every live example finds them."""
    out: dict[str, list[int]] = {}
    for docnum, fields in searcher.reader().iter_docs():
        public = set(facet_values(fields, "insats"))
        for value in (fields.get("doc") or {}).get("interventions") or []:
            if value not in public:
                out.setdefault(value, []).append(docnum)
    return out


def _frequencies_by_walk(searcher: object) -> dict[str, int]:
    reader = searcher.reader()
    words = (raw.decode() for raw in reader.lexicon(SEARCH_FIELD))
    return {w: reader.doc_frequency(SEARCH_FIELD, w) for w in words if w.isalpha()}


def test_a_new_state_reads_only_its_new_segments_for_the_tables(
        tmp_path: Path, reader: FakeReader, add_docs: Callable, monkeypatch) -> None:
    """The own practices and the spelling tables of a state are put together from each
    segment's, and a segment is read once: after an upload only the new one is read, and
    removed examples are left out as a walk over every example leaves them out."""
    read: list[str] = []
    own_of, frequencies_of = query._segment_own, searcher_cache.segment_frequencies
    monkeypatch.setattr(query, "_segment_own", lambda sub: (
        read.append(sub.segment().segment_id()), own_of(sub))[1])
    monkeypatch.setattr(searcher_cache, "segment_frequencies", lambda sub, field: (
        read.append(sub.segment().segment_id()), frequencies_of(sub, field))[1])
    library = Library(tmp_path / "data", reader=reader)
    try:
        seen: set[str] = set()
        docs = [make_document("a.pdf", EXAMPLES_A), make_document("b.pdf", EXAMPLES_B, "2023-05")]
        for (doc, _), own_practice in zip(docs, ("läsfika med morfar", "pulsgympa på lovet"),
                                          strict=True):
            doc.examples[0].tags.append(Tag("intervention", own_practice, proposed=True))
        for doc in docs:
            add_docs(library, reader, tmp_path / "in", [doc])
            with library.index.reading() as searcher:
                new = _segment_ids(searcher) - seen
                read.clear()
                own = {k: v.tolist() for k, v in query._own_practices(searcher).items()}
                assert own == _own_by_walk(searcher)
                assert spelling._word_frequencies(searcher) == _frequencies_by_walk(searcher)
                assert sorted(read) == sorted(new) * 2  # each new segment, once per table
                seen |= _segment_ids(searcher)
        assert sorted(own) == ["läsfika med morfar", "pulsgympa på lovet"]
        assert library.remove_document(docs[0][0].id)
        with library.index.reading() as searcher:
            read.clear()
            own = {k: v.tolist() for k, v in query._own_practices(searcher).items()}
            assert own == _own_by_walk(searcher)
            assert spelling._word_frequencies(searcher) == _frequencies_by_walk(searcher)
            assert sorted(read) == sorted(_segment_ids(searcher) - seen) * 2
            assert list(own) == ["pulsgympa på lovet"]
    finally:
        library.close()


def test_a_segment_merged_away_loses_its_values(tmp_path: Path, reader: FakeReader,
                                                add_docs: Callable) -> None:
    """Once none of the last MAX_STATES states holds a segment (a reindex writes new ones),
    its values are dropped: the cache holds the segments of states in use, not every one
    ever read."""
    cache = SegmentCache()
    library = Library(tmp_path / "data", reader=reader)

    def values_of_every_segment(searcher: object) -> set[str]:
        for sub, _ in searcher.reader().leaf_readers():
            cache.get(searcher, sub, "n", sub.doc_count_all)
        return _segment_ids(searcher)

    try:
        add_docs(library, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
        first = library.index.run(values_of_every_segment)
        assert library.reindex() > 0
        later: set[str] = set()
        for n in range(MAX_STATES):
            add_docs(library, reader, tmp_path / "in",
                     [make_document(f"b{n}.pdf", EXAMPLES_B, f"2023-0{n + 2}")])
            later |= library.index.run(values_of_every_segment)
        assert first and not first & later
        kept = {ident[2] for ident, _ in cache._values}
        assert kept and not kept & first
        assert kept <= later
    finally:
        library.close()
