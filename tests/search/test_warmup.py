"""A library warms each new index state in the background (search.warmup): after an upload
the first search finds the shared tables built and the frequent words' postings read."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from search import fastrank, query_own, spelling, warmup
from search.analysis import variants
from search.library import Library
from search.schema import RANK_FIELD, SEARCH_FIELD
from tests.search.conftest import EXAMPLES_A, EXAMPLES_B, FakeReader, make_document


class WarmingLibrary(Library):
    """The library as the web opens it, as far as warming goes."""

    warm_in_background = True


@pytest.fixture
def library(tmp_path: Path, reader: FakeReader, add_docs: Callable,
            monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(warmup, "WARM_MIN_DF", 1)  # every word of the small index
    lib = WarmingLibrary(tmp_path / "data", reader=reader)
    add_docs(lib, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
    yield lib
    lib.close()


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each build of the own-practice names and each postings read, as they happen (a
    word of the ranking field as it is, another field's as "field:word")."""
    built: list[str] = []
    of, blocks = query_own.OwnNames.of.__func__, fastrank._blocks

    def counted_of(cls: type, practices: dict) -> query_own.OwnNames:
        built.append("own-names")
        return of(cls, practices)

    def counted_blocks(searcher: object, fieldname: str, term: str) -> list:
        built.append(term if fieldname == RANK_FIELD else f"{fieldname}:{term}")
        return blocks(searcher, fieldname, term)

    monkeypatch.setattr(query_own.OwnNames, "of", classmethod(counted_of))
    monkeypatch.setattr(fastrank, "_blocks", counted_blocks)
    return built


def _assert_warmed(library: Library, built: list[str]) -> None:
    """The live state's tables and frequent words were read before the search below, which
    builds no names and reads no word's postings again (a concept's tags are read by the
    searches that name it)."""
    assert library.index.warmer.wait(30)
    warmed = [b for b in built if ":" not in b]
    assert "own-names" in warmed
    with library.index.reading() as searcher:
        frequent = warmup.frequent_terms(searcher)
    assert frequent and set(frequent) <= set(warmed)
    assert library.search("gemensamma hembesök föräldrar").total > 0
    assert [b for b in built if ":" not in b] == warmed


def test_own_upload_is_warmed_before_any_search(
        library: Library, reader: FakeReader, add_docs: Callable, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert library.index.warmer.wait(30)
    built = _count_builds(monkeypatch)
    add_docs(library, reader, tmp_path / "in", [make_document("b.pdf", EXAMPLES_B, "2023-05")])
    _assert_warmed(library, built)  # warmed after the commit, no search asked for it


def test_another_process_upload_is_warmed_when_first_opened(
        library: Library, reader: FakeReader, add_docs: Callable, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert library.search("hembesök").total > 0
    assert library.index.warmer.wait(30)
    other = Library(library.data_dir, reader=reader)  # as `ingest` run beside the server
    try:
        add_docs(other, reader, tmp_path / "in", [make_document("b.pdf", EXAMPLES_B, "2023-05")])
    finally:
        other.close()
    built = _count_builds(monkeypatch)
    library.index.run(lambda s: None)  # a request's thread opens the new state first
    _assert_warmed(library, built)


def test_frequent_terms_most_frequent_first_within_budget(library: Library) -> None:
    with library.index.reading() as searcher:
        reader = searcher.reader()
        everything = warmup.frequent_terms(searcher, budget=10**9, most=10**6)
        df = {t: reader.doc_frequency(RANK_FIELD, t) for t in everything}
        assert len(everything) == len(list(reader.lexicon(RANK_FIELD)))
        assert [df[t] for t in everything] == sorted(df.values(), reverse=True)
        some = warmup.frequent_terms(searcher, budget=10)
    assert some == everything[:len(some)] and sum(df[t] for t in some) <= 10
    assert sum(df[t] for t in everything[:len(some) + 1]) > 10


def test_words_of_few_examples_are_not_warmed(library: Library,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warmup, "WARM_MIN_DF", 2)
    with library.index.reading() as searcher:
        reader = searcher.reader()
        found = warmup.frequent_terms(searcher)
        assert found and all(reader.doc_frequency(RANK_FIELD, t) >= 2 for t in found)
        assert len(found) < len(list(reader.lexicon(RANK_FIELD)))
    monkeypatch.setattr(warmup, "WARM_MIN_DF", 10**6)
    with library.index.reading() as searcher:
        assert warmup.frequent_terms(searcher) == []


def test_the_web_library_warms_when_it_opens(tmp_path: Path, reader: FakeReader,
                                             add_docs: Callable,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from web.library import WebLibrary

    command_line = Library(tmp_path / "data", reader=reader)
    add_docs(command_line, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
    assert command_line.index.warmer is None  # (and no search: the tables are not built)
    command_line.close()
    built = _count_builds(monkeypatch)
    warms: list[object] = []
    warm = warmup.warm
    monkeypatch.setattr(warmup, "warm", lambda *a, **k: warms.append(a) or warm(*a, **k))
    web = WebLibrary(tmp_path / "data")
    try:
        assert web.index.warmer is not None
        assert web.index.warmer.wait(30)
        assert "own-names" in built and "skola" in built  # before any search
        assert web.search("hembesök").total > 0
        assert web.index.warmer.wait(30)
        assert len(warms) == 1  # once: neither its own opening nor the search warm it again
    finally:
        web.close()


def test_a_failing_warm_up_leaves_searches_alone(tmp_path: Path) -> None:
    library = WarmingLibrary(tmp_path / "data")
    try:
        calls: list[int] = []

        def failing(searcher: object, stop: threading.Event) -> None:
            calls.append(1)
            raise OSError("disk gone")

        library.index.warmer = warmup.Warmer(library.index, failing)
        assert library.search("skola").total == 0
        assert library.index.warmer.wait(30) and calls == [1]
        assert library.search("skola").total == 0
    finally:
        library.close()


def test_closing_stops_a_long_warm_up(tmp_path: Path) -> None:
    library = WarmingLibrary(tmp_path / "data")
    started = threading.Event()

    def endless(searcher: object, stop: threading.Event) -> None:
        started.set()
        while not stop.is_set():
            time.sleep(0.01)

    library.index.warmer = warmup.Warmer(library.index, endless)
    library.search("skola")
    assert started.wait(30)
    t0 = time.monotonic()
    library.close()
    assert time.monotonic() - t0 < warmup.STOP_SECONDS


def test_warming_analyses_the_vocabulary(library: Library) -> None:
    assert library.index.warmer.wait(30)  # the library's own warming analyses words too
    variants.cache_clear()  # (kept for the process: other tests' words too)
    with library.index.reading() as searcher:
        count = warmup.analyse_vocabulary(searcher, threading.Event())
        words = [w for w in (raw.decode() for raw in searcher.reader().lexicon(SEARCH_FIELD))
                 if w.isalpha()]
    misses = variants.cache_info().misses
    for word in words:
        variants(word, True)
        variants(word, False)
    assert count == len(words) > 0
    assert variants.cache_info().misses == misses  # each one analysed already


def test_the_first_warm_up_freezes_what_it_filled(
        tmp_path: Path, reader: FakeReader, add_docs: Callable,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """After the process's first warm-up, the analysis caches it filled are outside the
    cycle collector's generations: a full collection no longer walks them."""
    gc.unfreeze()  # as in a process that has not warmed yet
    monkeypatch.setattr(warmup, "_frozen", [])
    analyses = variants  # the cache of every index word's analysis
    assert any(o is analyses for o in gc.get_objects())
    library = WarmingLibrary(tmp_path / "data", reader=reader)
    try:
        add_docs(library, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
        assert library.index.warmer.wait(30)
        assert variants.cache_info().currsize > 0
        assert gc.get_freeze_count() > 0
        assert not any(o is analyses for o in gc.get_objects())
        assert library.search("gemensamma hembesök").total > 0
        assert warmup.freeze_heap_once() is False  # once per process
    finally:
        library.close()


def test_a_word_nothing_is_spelled_like_finds_the_spelling_tables_built(
        library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tables a "menade du" lookup reads (words by first letter, without marks, by all but
    their first letter) are built by the warm-up, not by the first search that needs one."""
    assert library.index.warmer.wait(30)
    built: list[object] = []
    get = spelling._TABLES.get

    def counted(searcher: object, key: object, build: Callable) -> object:
        return get(searcher, key, lambda: built.append(key) or build())

    monkeypatch.setattr(spelling._TABLES, "get", counted)
    for text in ("gnattegympa föräldrar", "narvaro", "xskolnärvaro"):
        library.search(text)
    assert built == []


def test_frequent_terms_of_several_segments_sum_each_segments_counts(
        library: Library, reader: FakeReader, add_docs: Callable, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The counts are the segments' summed, each segment's word table read by itself: a
    reader of several segments merging them word by word took 3.4 s at 10k examples."""
    add_docs(library, reader, tmp_path / "in", [make_document("b.pdf", EXAMPLES_B, "2023-05")])
    with library.index.reading() as searcher:
        index_reader = searcher.reader()
        assert len(index_reader.leaf_readers()) >= 2
        df = {t.decode(): index_reader.doc_frequency(RANK_FIELD, t)
              for t in index_reader.lexicon(RANK_FIELD)}
        monkeypatch.setattr(type(index_reader), "iter_field", None)  # the merged table
        found = warmup.frequent_terms(searcher, budget=10**9, most=10**6)
    assert sorted(found) == sorted(df)
    assert [df[t] for t in found] == sorted(df.values(), reverse=True)
    assert max(df.values()) > 1  # words of both segments counted together
