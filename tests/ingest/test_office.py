"""Office files in: DOCX, PPTX, ODT and ODP read through LibreOffice in the sandboxed reader, the
format decided from the bytes, and every bad office file a clear Swedish error."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ingest import errors, formats
from ingest.sandbox import Reader
from tests import office_files as make
from tests.ingest.matching import contains

BUILDERS = {
    "nyhetsbrev.docx": make.docx_newsletter,
    "affisch.pptx": make.pptx_poster,
    "nyhetsbrev.odt": make.odt_newsletter,
    "affisch.odp": make.odp_poster,
}


@pytest.fixture(scope="module")
def reader() -> Reader:
    with Reader(timeout=120) as reader:
        yield reader


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_office_file_is_read_with_its_pdf(reader: Reader, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BUILDERS[name]())
    doc = reader.read(path)
    assert doc.source_format == Path(name).suffix[1:]
    assert doc.rendition is not None and doc.rendition.startswith(b"%PDF-")
    assert len(pdfium.PdfDocument(doc.rendition)) == doc.pages == 1
    words = "\n".join([doc.title, *(e.text for e in doc.examples),
                       *(s.text for s in doc.context)])
    key = "rastvärdar" if "affisch" in name else "pensionerade lärare"
    assert key in words.lower(), words
    assert doc.to_dict()["source_format"] == doc.source_format
    assert "rendition" not in doc.to_dict()


def test_the_bytes_decide_not_the_name(reader: Reader, tmp_path: Path) -> None:
    disguised = tmp_path / "affisch.pdf"
    disguised.write_bytes(make.pptx_poster())
    assert reader.read(disguised).source_format == "pptx"


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (make.zip_with({"a.txt": b"hej"}), errors.NotPdfError, "ZIP-arkiv men inget"),
        (make.zip_with({"[Content_Types].xml": b"<Types>spreadsheetml.sheet.main+xml</Types>"}),
         errors.NotPdfError, "Kalkylblad"),
        (make.zip_with({"[Content_Types].xml":
                        b"<Types>ms-word.document.macroEnabled.main+xml</Types>"}),
         errors.NotPdfError, "makron"),
        (make.zip_with({"mimetype": b"application/vnd.oasis.opendocument.text",
                        "META-INF/manifest.xml": b"<manifest:encryption-data/>"}),
         errors.EncryptedPdfError, "lösenordsskyddat"),
        (make.zip_with({"mimetype": b"application/vnd.oasis.opendocument.graphics"}),
         errors.NotPdfError, "OpenDocument-filen är av ett slag"),
        (formats.OLE_MAGIC + b"\0" * 600, errors.NotPdfError, "äldre Office-format"),
        (make.docx_newsletter()[:2000], errors.CorruptOfficeError, "skadat"),
        (b"PK\x03\x04 inte ett arkiv", errors.NotPdfError, "varken PDF"),
    ],
    ids=["zip", "xlsx", "docm", "encrypted-odt", "odg", "ole", "truncated", "pk-junk"],
)
def test_files_that_are_not_readable_office_documents(
    data: bytes, error: type[errors.IngestError], words: str
) -> None:
    with pytest.raises(error) as caught:
        formats.detect(data)
    assert words in caught.value.message


def test_zip_bomb_is_refused_before_libreoffice_sees_it() -> None:
    huge = b"\0" * (formats.MAX_UNPACKED // 8 + 1)
    bomb = make.zip_with({"[Content_Types].xml": b"wordprocessingml.document.main+xml",
                          **{f"word/media/{n}.bin": huge for n in range(8)}})
    assert len(bomb) < 2 * 1024 * 1024
    with pytest.raises(errors.ResourceLimitError):
        formats.detect(bomb)


def test_a_damaged_document_inside_a_good_archive(reader: Reader, tmp_path: Path) -> None:
    path = tmp_path / "trasig.docx"
    path.write_bytes(make.broken_docx())
    with pytest.raises(errors.CorruptOfficeError) as caught:
        reader.read(path)
    assert caught.value.message.startswith("Word-dokumentet kunde inte öppnas")


def test_no_libreoffice_left_running(reader: Reader, tmp_path: Path) -> None:
    path = tmp_path / "nyhetsbrev.odt"
    path.write_bytes(make.odt_newsletter())
    before = _office_processes()  # another reader on this machine may be converting now
    reader.read(path)
    assert _office_processes() - before == set()


def _office_processes() -> set[tuple[str, bytes]]:
    """(pid, command line) of every LibreOffice started with an Exempelbanken profile."""
    return {(p.parent.name, cmdline) for p in Path("/proc").glob("[0-9]*/cmdline")
            if b"exempelbanken-office-" in (cmdline := _read(p))}


def test_office_newsletter_examples(reader: Reader, tmp_path: Path) -> None:
    path = tmp_path / "nyhetsbrev.odt"
    path.write_bytes(make.odt_newsletter())
    doc = reader.read(path)
    assert doc.date == "2020"
    team = [e for e in doc.examples if e.title == make.TEAM_TITLE]
    assert len(team) == 1 and contains(team[0].text, make.NEXT_STEP)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def test_word_list_bullets_are_read_as_bullets(reader: Reader, tmp_path: Path) -> None:
    """Word's bullets are Symbol-font glyphs with private-use codes in the PDF: read as "•"."""
    path = tmp_path / "lista.docx"
    path.write_bytes(make.docx_bullet_list())
    doc = reader.read(path)
    text = "\n".join(s.text for s in doc.context) + "\n".join(e.text for e in doc.examples)
    assert not [c for c in text if 0xE000 <= ord(c) <= 0xF8FF], text
    for item in make.AGENDA_ITEMS:
        assert f"• {item}" in text, text
