"""Fixtures shared by every test area: the bundled corpus and one store ingested from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# fails the session when a test opens a system file from a package the Makefile does not install
pytest_plugins = ["pytester", "tests.system_files"]

ROOT = Path(__file__).resolve().parent.parent
CORPUS_PDF = ROOT / "corpus" / "pdf"
CORPUS_GOLD = ROOT / "corpus" / "gold"


@pytest.fixture(scope="session")
def corpus_pdfs() -> list[Path]:
    pdfs = sorted(CORPUS_PDF.glob("*.pdf"))
    assert pdfs, "corpus/pdf is empty"
    return pdfs


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    """Gold annotations by PDF file name."""
    return {
        data["file"]: data
        for data in (json.loads(p.read_text(encoding="utf-8")) for p in CORPUS_GOLD.glob("*.json"))
    }


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with the whole corpus ingested once per test run (read-only for tests)."""
    from search.library import Library

    data_dir = tmp_path_factory.mktemp("corpus-store")
    with Library(data_dir) as library:
        report = library.ingest_paths([CORPUS_PDF])
    assert not report.errors, report.errors
    return data_dir
