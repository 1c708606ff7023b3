"""What is derived from the index is built once per index state and shared by every thread's
searcher on it; an upload or a removal is a new state, whose values are built again."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from search.library import Library
from search.schema import RANK_FIELD
from search.searcher_cache import SearcherCache, doc_frequency, state_of
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
