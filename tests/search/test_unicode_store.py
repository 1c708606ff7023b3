"""Text outside the Basic Multilingual Plane in the store: a real emoji newsletter is stored
and found; text that is not valid Unicode (a lone surrogate half) is refused with a clear
error and leaves nothing behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ingest.model import Tag
from search.errors import InvalidTextError, LibraryError
from search.library import Library
from tests.ingest.astral import PARTY, SEARCH_WORD, SMILE, THUMBS_UP, emoji_newsletter

from .conftest import EXAMPLES_A, EXAMPLES_B, FakeReader, make_document

STRAY = "\ud83d"  # the high half of 👍 without its partner


def _snapshot(lib: Library) -> dict[str, Any]:
    """Everything stored: catalogue rows, original files and what the index holds."""
    con = sqlite3.connect(lib.data_dir / "catalogue.sqlite3")
    try:
        rows = {
            table: con.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("documents", "examples", "tags", "corrections")
        }
    finally:
        con.close()
    originals = sorted(p.name for p in (lib.data_dir / "originals").rglob("*") if p.is_file())
    return {"rows": rows, "originals": originals, "index": lib.index.indexed_ids(),
            "total": lib.search("").total}


def test_emoji_newsletter_is_stored_and_searchable(tmp_path: Path) -> None:
    """The real reader in its child process (where the halves used to crash tagging)."""
    pdf = emoji_newsletter(tmp_path / "nyhetsbrev-emoji.pdf")
    with Library(tmp_path / "data") as lib:
        doc = lib.add_upload(pdf.name, pdf.read_bytes())
        assert PARTY in doc.title
        result = lib.search(SEARCH_WORD)
        assert result.total == 1
        example = lib.example(result.hits[0]["id"])
        assert example is not None and "Ekenässjön" in example.title
        assert f"tummen upp {THUMBS_UP} och läser mer {SMILE}" in example.text
        stored = lib.document(doc.id)
        assert stored is not None and PARTY in stored.title
        assert any(f"lärandenätverket {PARTY}" in s.text for s in stored.context)
        assert lib.original(doc.id) == pdf.read_bytes()


def test_lone_surrogate_is_refused_and_nothing_is_stored(tmp_path: Path,
                                                         reader: FakeReader) -> None:
    with Library(tmp_path / "data", reader=reader) as lib:
        good, good_data = make_document("nyhetsbrev-a.pdf", EXAMPLES_A)
        reader.add(good, good_data)
        lib.add_upload(good.filename, good_data)
        before = _snapshot(lib)

        bad, bad_data = make_document("nyhetsbrev-b.pdf", EXAMPLES_B)
        bad.examples[1].text += f" Tummen upp {STRAY}"
        reader.add(bad, bad_data)
        with pytest.raises(InvalidTextError) as err:
            lib.add_upload(bad.filename, bad_data)
        assert isinstance(err.value, LibraryError) and err.value.status == 422
        assert "ogiltigt tecken" in err.value.message and "U+D83D" in err.value.message
        assert _snapshot(lib) == before  # no orphan original, catalogue and index unchanged


def test_refused_new_version_keeps_the_old_one(tmp_path: Path, reader: FakeReader) -> None:
    """A new version (same file name, new bytes) with invalid text replaces nothing."""
    with Library(tmp_path / "data", reader=reader) as lib:
        old, old_data = make_document("nyhetsbrev.pdf", EXAMPLES_A)
        reader.add(old, old_data)
        lib.add_upload(old.filename, old_data)
        ex_id = old.examples[2].id
        lib.correct_tag(ex_id, "municipality", "Eksjö", "add", user="anna")
        before = _snapshot(lib)

        new, new_data = make_document("nyhetsbrev.pdf", EXAMPLES_A, salt="v2")
        new.title += STRAY
        reader.add(new, new_data)
        with pytest.raises(InvalidTextError):
            lib.add_upload(new.filename, new_data)
        assert _snapshot(lib) == before
        assert lib.original(old.id) == old_data
        assert "Eksjö" in lib.example(ex_id).municipalities


def test_refused_rereading_keeps_the_shared_original(tmp_path: Path,
                                                     reader: FakeReader) -> None:
    """Reading the same bytes again (replace_id) fails: the original still belongs to the
    stored document and stays."""
    with Library(tmp_path / "data", reader=reader) as lib:
        doc, data = make_document("nb.pdf", EXAMPLES_A)
        reader.add(doc, data)
        lib.add_upload(doc.filename, data)
        before = _snapshot(lib)

        broken, _ = make_document("nb.pdf", EXAMPLES_A)
        broken.examples[0].tags.append(Tag("place", f"Ekenässjön{STRAY}"))
        reader.add(broken, data)
        with pytest.raises(InvalidTextError):
            lib.add_upload(doc.filename, data, replace_id=doc.id)
        assert _snapshot(lib) == before
        assert lib.original(doc.id) == data


def test_correction_with_lone_surrogate_is_refused(tmp_path: Path, reader: FakeReader) -> None:
    with Library(tmp_path / "data", reader=reader) as lib:
        doc, data = make_document("nb.pdf", EXAMPLES_A)
        reader.add(doc, data)
        lib.add_upload(doc.filename, data)
        before = _snapshot(lib)
        with pytest.raises(InvalidTextError):
            lib.correct_tag(doc.examples[0].id, "place", f"Torget {STRAY}", user="anna")
        assert _snapshot(lib) == before
