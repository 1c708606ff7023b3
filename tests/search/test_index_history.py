"""The same examples rank the same whatever the index's history: grown one file at a time
(Whoosh merges its segments on the way) or rebuilt at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.library import Library
from search.query import RANK_FIELD

QUERIES = ["hembesök", "föräldrar som inte kommer på möten", "läxhjälp på biblioteket",
           "psykisk ohälsa", "Nässjö"]


def _scores(library: Library) -> dict[str, list[tuple[str, float]]]:
    return {text: [(h["id"], h["score"]) for h in library.search(text, per_page=10).hits]
            for text in QUERIES}


def _total_length(library: Library) -> int:
    return library.index.searcher().reader().field_length(RANK_FIELD)


def test_an_index_grown_file_by_file_ranks_as_one_rebuilt_at_once(
        tmp_path: Path, corpus_pdfs: list[Path]) -> None:
    with Library(tmp_path / "data") as library:
        for pdf in corpus_pdfs[:8]:
            library.ingest_paths([pdf])
        grown, grown_total = _scores(library), _total_length(library)
        library.reindex()
        rebuilt, rebuilt_total = _scores(library), _total_length(library)
    # Whoosh's own total of the lengths differs between the two: it sums approximate
    # lengths when it merges segments, exact ones when it writes a segment
    assert grown_total != rebuilt_total
    for text in QUERIES:
        assert grown[text], text
        assert [i for i, _ in grown[text]] == [i for i, _ in rebuilt[text]], text
        for (_, a), (_, b) in zip(grown[text], rebuilt[text], strict=True):
            assert a == pytest.approx(b, rel=1e-9), text
