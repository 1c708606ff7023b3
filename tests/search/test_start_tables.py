"""The tables a search needs are stored in the data directory (search/start_tables.py): a
fresh process searches from them with the same results, a thesaurus change is stored at the
next search, and a damaged file is made again."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from search.library import Library
from search.start_tables import FILE_NAME, fingerprint
from tests.search.conftest import EXAMPLES_A, EXAMPLES_B, FakeReader, make_document

ROOT = Path(__file__).resolve().parents[2]
QUERY = "hembesök hos familjer i Nässjö"

# what a search has no need of: spaCy, PDF, picture and OCR libraries, the web's, and YAML
# (the taxonomy comes from the stored tables)
NOT_NEEDED = ("spacy", "thinc", "srsly", "pypdfium2", "PIL", "pebble", "pytesseract", "yaml",
              "flask", "werkzeug", "huey", "rdflib", "weasyprint")
# a fresh process: the hits of a search, and which of those modules it imported
FRESH = f"""
import json, sys
from search.library import Library
with Library(sys.argv[1]) as library:
    result = library.search(sys.argv[2])
imported = [name for name in {NOT_NEEDED!r} if name in sys.modules]
print(json.dumps({{"ids": [h.id for h in result.hits], "imported": imported}}))
"""


def _fresh_search(data_dir: Path, query: str) -> dict:
    out = subprocess.run([sys.executable, "-c", FRESH, str(data_dir), query], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _stored(data_dir: Path) -> dict:
    return pickle.loads((data_dir / FILE_NAME).read_bytes())  # noqa: S301


@pytest.fixture
def library(tmp_path: Path, reader: FakeReader, add_docs: Callable) -> Library:
    lib = Library(tmp_path / "data")
    docs = [make_document("a.pdf", EXAMPLES_A, "2022-10"),
            make_document("b.pdf", EXAMPLES_B, "2023-05")]
    assert not add_docs(lib, reader, tmp_path / "in", docs).errors
    yield lib
    lib.close()


def test_a_fresh_process_searches_from_the_stored_tables(library: Library) -> None:
    expected = [h.id for h in library.search(QUERY).hits]
    stored = _stored(library.data_dir)
    assert stored["fingerprint"] == fingerprint()
    assert stored["labels"][0] == library.thesaurus.current().version
    fresh = _fresh_search(library.data_dir, QUERY)
    assert expected and fresh["ids"] == expected
    assert fresh["imported"] == []


def test_a_thesaurus_change_is_stored_at_the_next_search(library: Library) -> None:
    library.search(QUERY)
    assert not _fresh_search(library.data_dir, "qqbesöksteam")["ids"]
    library.thesaurus.add_label("gemensamma-hembesok", "qqbesöksteam")
    version = library.thesaurus.current().version
    found = [h.id for h in library.search("qqbesöksteam").hits]
    assert found
    assert _stored(library.data_dir)["labels"][0] == version
    assert _fresh_search(library.data_dir, "qqbesöksteam")["ids"] == found


def test_a_damaged_file_is_made_again(library: Library) -> None:
    expected = [h.id for h in library.search(QUERY).hits]
    (library.data_dir / FILE_NAME).write_bytes(b"not a pickle")
    assert _fresh_search(library.data_dir, QUERY)["ids"] == expected
    assert _stored(library.data_dir)["fingerprint"] == fingerprint()
