"""The index version is derived from the tables and settings of the analysis: changing one of
them makes an existing index stale, and opening the data directory rebuilds it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.tagging import compounds, lemmas
from search import analysis, version
from search.index import VERSION_FILE
from search.library import Library

ROOT = Path(__file__).resolve().parents[2]
NEW_LEMMA = "qqtrygghet"  # a word no text contains


def _forget_lemmas() -> None:
    for cached in (lemmas.lemmatize, compounds.split_compound, compounds._segment,
                   analysis.lemma, analysis.compound_parts, analysis.variants,
                   version.index_version):
        cached.cache_clear()


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    _forget_lemmas()
    yield
    _forget_lemmas()


def _stored_version(data_dir: Path) -> str:
    root = data_dir / "index"
    live = (root / "CURRENT").read_text(encoding="utf-8").strip()
    return (root / live / VERSION_FILE).read_text(encoding="utf-8")


def test_version_follows_a_lemma_table_entry(fresh_caches: None,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    before = version.index_version()
    monkeypatch.setitem(lemmas.OVERRIDES, "trygghetscirkeln", NEW_LEMMA)
    version.index_version.cache_clear()
    assert version.index_version() != before


def test_version_follows_an_analyzer_setting(fresh_caches: None,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    before = version.index_version()
    monkeypatch.setattr(analysis, "STOPWORDS", analysis.STOPWORDS | {"skola"})
    version.index_version.cache_clear()
    assert version.index_version() != before


def test_changed_table_rebuilds_the_index_when_opened(
        corpus_store: Path, tmp_path: Path, fresh_caches: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "data"
    shutil.copytree(corpus_store, store)
    old_version = _stored_version(store)
    assert old_version == version.index_version()
    with Library(store) as lib:
        assert lib.search(NEW_LEMMA).hits == [] or lib.search(NEW_LEMMA).corrected
        found = {h["id"] for h in lib.search('"trygghetscirkeln"').hits}
    assert found

    monkeypatch.setitem(lemmas.OVERRIDES, "trygghetscirkeln", NEW_LEMMA)
    _forget_lemmas()
    with Library(store) as lib:
        new_version = _stored_version(store)
        result = lib.search(NEW_LEMMA)
    assert new_version == version.index_version() != old_version
    assert not result.corrected and {h["id"] for h in result.hits} == found


def test_version_is_the_same_in_fresh_processes(fresh_caches: None) -> None:
    code = "from search.version import index_version; print(index_version())"
    seen = set()
    for seed in ("1", "2"):  # set order differs between these: the version must not
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                             capture_output=True, text=True, timeout=120)
        seen.add(out.stdout.strip())
    assert seen == {version.index_version()}
