"""Data tables of a tagged PDF read row by row (ingest/tables.py): a contact table without
rules whose cells wrap, made by Word's format and exported by LibreOffice, read through the real
office path; a one-row table of two lists keeps the column-by-column reading."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ingest.extract import read_pages
from ingest.model import Document
from ingest.pipeline import read_bytes
from ingest.sandbox import Reader
from tests import office_files as make


def _all_text(doc: Document) -> str:
    return "\n".join([*(s.text for s in doc.context), *(e.text for e in doc.examples)])


@pytest.fixture(scope="module")
def tables_doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("tabeller") / "tabeller.docx"
    path.write_bytes(make.docx_tables())
    with Reader(timeout=120) as reader:
        return reader.read(path)


def test_each_contact_row_is_read_as_one_line(tables_doc: Document) -> None:
    text = _all_text(tables_doc)
    for row in make.CONTACT_ROWS:
        assert " ".join(row) in text, text


def test_a_broken_address_is_joined_but_wrapped_words_are_not(tables_doc: Document) -> None:
    text = _all_text(tables_doc)
    assert "karin.holmqvist.andersson@nassjo.se" in text
    assert "Biträdande rektor på Skogsbyskolan" in text  # wrapped at spaces, kept apart


def test_lists_side_by_side_are_read_column_by_column(tables_doc: Document) -> None:
    text = " ".join(_all_text(tables_doc).split())
    for head, *items in make.LISTS_SIDE_BY_SIDE:
        assert " ".join([head, *items]) in text, text


def test_words_know_their_cells_only_in_a_tagged_pdf(tables_doc: Document, tmp_path: Path) -> None:
    tagged = read_pages(pdfium.PdfDocument(tables_doc.rendition))[0].words
    assert {w.cell[:2] for w in tagged if w.cell} == {(0, 0), (0, 1), (0, 2), (1, 0)}
    source = tmp_path / "otaggad.docx"
    source.write_bytes(make.docx_tables())
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120)
    plain = (tmp_path / "otaggad.pdf").read_bytes()
    assert not [w for w in read_pages(pdfium.PdfDocument(plain))[0].words if w.cell]
    assert "Karin Holmqvist Andersson Biträdande" not in _all_text(read_bytes(plain, "x.pdf"))
