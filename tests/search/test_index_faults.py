"""The index is derived from the catalogue and heals itself: a deleted, truncated or swapped
index never makes a search, a show or a reindex fail, and is rebuilt once, by itself.

Every test works on a private copy of the real corpus store (corpus PDFs really ingested).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from search.fallback import NOTICE
from search.library import Library

QUERIES = ["skolnärvaro", "hembesök socialtjänst", "föräldrastöd", "", "trygghetscirkeln"]


class BackgroundLibrary(Library):
    """Heals like the web does: in a background thread, the catalogue answering meanwhile."""

    heal_in_background = True


@pytest.fixture
def store(corpus_store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(corpus_store, target)
    return target


@pytest.fixture
def library(store: Path) -> Iterator[Library]:
    lib = Library(store)
    yield lib
    lib.close()


def live_generation(data_dir: Path) -> Path:
    root = data_dir / "index"
    return root / (root / "CURRENT").read_text(encoding="utf-8").strip()


def truncate_segments(data_dir: Path) -> int:
    segments = list(live_generation(data_dir).glob("*.seg"))
    for segment in segments:
        os.truncate(segment, 0)
    return len(segments)


def healthy(library: Library) -> bool:
    """The index answers by itself again (no catalogue fallback) and holds every example."""
    result = library.search("skolnärvaro")
    return (result.message != NOTICE and library.index.usable
            and library.index.verify_on_disk() is None
            and library.index.indexed_ids() == library.catalogue.example_ids())


def heals_by_searching(library: Library, seconds: float = 10.0) -> bool:
    """Search on until the index on disk is whole again (a search notices damage on disk
    within a second, even while its readers still work from memory)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert library.search("närvaro").total > 0
        library.wait_for_index(5)
        if library.index.verify_on_disk() is None and library.index.usable:
            return True
        time.sleep(0.2)
    return False


def test_search_answers_after_the_index_directory_is_deleted(library: Library,
                                                              store: Path) -> None:
    before = library.search("skolnärvaro")
    assert before.total > 0
    shutil.rmtree(store / "index")
    after = library.search("skolnärvaro")
    assert after.total == before.total
    assert [h["id"] for h in after.hits] == [h["id"] for h in before.hits]
    assert healthy(library)
    assert live_generation(store).is_dir()


def test_truncated_segment_search_show_and_reindex_work(library: Library, store: Path) -> None:
    before = library.search("hembesök socialtjänst")
    example_id = before.hits[0]["id"]
    assert truncate_segments(store) > 0  # while the library has its segments open
    result = library.search("hembesök socialtjänst")
    assert result.total == before.total
    assert library.example(example_id).id == example_id
    assert library.similar(example_id)
    assert heals_by_searching(library)  # no reindex needed
    assert library.search("hembesök socialtjänst").total == before.total
    truncate_segments(store)
    assert library.reindex() == library.catalogue.example_count()
    assert healthy(library)


def test_truncated_segment_found_when_opened(store: Path) -> None:
    with Library(store) as lib:
        expected = lib.search("föräldrastöd").total
    truncate_segments(store)
    with Library(store) as lib:  # reconcile at open rebuilds it
        assert healthy(lib)
        assert lib.search("föräldrastöd").total == expected
    truncate_segments(store)
    with Library(store) as lib:
        assert lib.reindex() == lib.catalogue.example_count()


def test_background_heal_serves_from_the_catalogue_then_heals(store: Path) -> None:
    lib = BackgroundLibrary(store)
    try:
        expected = lib.search("skolnärvaro")
        shutil.rmtree(store / "index")
        during = lib.search("skolnärvaro")
        assert during.total > 0
        if during.message == NOTICE:  # answered while the rebuild runs
            assert {h["id"] for h in during.hits} <= lib.catalogue.example_ids()
            assert during.facets["kommun"]
        assert lib.wait_for_index(60)
        assert healthy(lib)
        assert lib.search("skolnärvaro").total == expected.total
    finally:
        lib.close()


def test_fallback_search_filters_and_pages(library: Library) -> None:
    from search.fallback import catalogue_search

    everything = catalogue_search(library.catalogue, "", {}, 1, 5)
    assert everything.total == library.catalogue.example_count() and len(everything.hits) == 5
    assert everything.message == NOTICE
    kommun = next(iter(everything.facets["kommun"]))
    filtered = catalogue_search(library.catalogue, "", {"kommun": [kommun]}, 1, 100)
    assert filtered.total == everything.facets["kommun"][kommun]
    assert all(kommun in h["municipalities"] for h in filtered.hits)
    words = catalogue_search(library.catalogue, "närvaro", {}, 1, 10)
    assert 0 < words.total < everything.total
    assert any("<mark>" in h["snippet"] for h in words.hits)


def test_concurrent_failing_searches_start_one_rebuild(store: Path) -> None:
    lib = BackgroundLibrary(store)
    rebuilds: list[int] = []
    original = lib.index.rebuild

    def counting(examples):  # noqa: ANN001, ANN202
        rebuilds.append(1)
        time.sleep(0.5)  # long enough for every thread to meet the broken index
        return original(examples)

    lib.index.rebuild = counting  # type: ignore[method-assign]
    try:
        lib.search("skola")
        shutil.rmtree(store / "index")
        errors: list[BaseException] = []
        barrier = threading.Barrier(8)

        def search() -> None:
            barrier.wait()
            try:
                for _ in range(5):
                    assert lib.search("närvaro").total > 0
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=search) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert lib.wait_for_index(60)
        assert len(rebuilds) == 1
        assert healthy(lib)
    finally:
        lib.close()


def _search_loop(lib: Library, stop: threading.Event, errors: list[BaseException],
                 counts: list[int]) -> None:
    """Search until stopped (at most 3000 times); every failure is recorded, none stops it."""
    n = 0
    while not stop.is_set() and n < 3000:
        try:
            result = lib.search(QUERIES[n % len(QUERIES)])
            assert result.total > 0 and result.message != NOTICE, result.message
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        n += 1
    counts.append(n)


def _reindex_in_another_process(store: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "web.cli", "reindex", "--data-dir", str(store)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.slow
@pytest.mark.parametrize("where", ["same-library", "other-library", "other-process"])
def test_reindex_never_breaks_running_searches(store: Path, where: str) -> None:
    """3 reindexes while 4 threads search in a loop: no search fails or falls back. The
    reindex runs in the searching Library, in a second one, or (as ``exempelbanken reindex``
    does) in another process, which deletes the old generation while it is searched here."""
    lib = Library(store)
    other = Library(store) if where == "other-library" else lib
    stop, errors, counts = threading.Event(), [], []
    threads = [threading.Thread(target=_search_loop, args=(lib, stop, errors, counts))
               for _ in range(4)]
    try:
        for t in threads:
            t.start()
        for _ in range(3):
            if where == "other-process":
                _reindex_in_another_process(store)
            else:
                assert other.reindex() == lib.catalogue.example_count()
            time.sleep(0.05)
    finally:
        stop.set()
        for t in threads:
            t.join()
        if other is not lib:
            other.close()
    try:
        assert not errors, errors[:3]
        assert sum(counts) > 0
        assert healthy(lib)
        assert len(lib.index.generations()) == 1  # old generations are gone once unused
    finally:
        lib.close()


def test_old_generation_kept_while_a_search_uses_it(library: Library, store: Path) -> None:
    old = live_generation(store)
    with library.index.reading() as searcher:
        library.reindex()
        assert live_generation(store) != old
        assert old.is_dir()  # still in use here
        # the searcher still reads the old generation, stored fields included
        assert searcher.doc_count() == library.catalogue.example_count()
        assert sum(1 for _ in searcher.documents()) == library.catalogue.example_count()
    assert not old.exists()
    assert healthy(library)


def test_document_stored_while_the_index_is_missing_is_found_after_healing(
        store: Path, corpus_pdfs: list[Path], tmp_path: Path) -> None:
    pdf = tmp_path / "inbox" / "trasigt-index.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(corpus_pdfs[0].read_bytes() + b"\n%index borta\n")
    lib = BackgroundLibrary(store)
    try:
        shutil.rmtree(store / "index")
        report = lib.ingest_paths([pdf])
        assert not report.errors, report.errors
        doc = report.documents[0]
        assert lib.wait_for_index(60)
        hits = lib.search(doc.examples[0].title, per_page=100).hits
        assert doc.id in {h["document"]["id"] for h in hits}
        assert healthy(lib)
    finally:
        lib.close()


def _point_to_missing(store: Path) -> None:
    (store / "index" / "CURRENT").write_text("gen-1", encoding="utf-8")


def _half_written(store: Path) -> None:
    for toc in live_generation(store).glob("*.toc"):
        toc.unlink()


def _old_version(store: Path) -> None:
    (live_generation(store) / "SCHEMA_VERSION").write_text("0", encoding="utf-8")


@pytest.mark.parametrize("damage", [_point_to_missing, _half_written, _old_version],
                         ids=["pointer-to-missing", "half-written", "old-version"])
def test_damaged_index_is_rebuilt_when_opened(store: Path, damage) -> None:  # noqa: ANN001
    with Library(store) as lib:
        expected = lib.search("föräldrastöd").total
    leftover = store / "index" / "gen-2"  # a rebuild that crashed half-way
    leftover.mkdir()
    damage(store)
    with Library(store) as lib:
        assert lib.search("föräldrastöd").total == expected
        assert healthy(lib)
        assert lib.index.generations() == [live_generation(store).name]
