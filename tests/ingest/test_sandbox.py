"""Broken and hostile files through the sandboxed Reader: each raises its own error class with
a Swedish message, and the Reader keeps working afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest import errors
from ingest.sandbox import Reader
from tests.ingest import badfiles

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "corpus/pdf/nyhetsbrev-2023-01.pdf"
SCANNED = ROOT / "corpus/pdf/poster-2024-gnosjo-hembesok-skannad.pdf"
SWEDISH = set("åäöÅÄÖ")


@pytest.fixture(scope="module")
def reader() -> Iterator[Reader]:
    with Reader(workers=1, timeout=60) as r:
        yield r


CASES = {
    "trunkerad.pdf": (lambda: badfiles.truncated(GOOD), errors.CorruptPdfError),
    "krypterad.pdf": (lambda: badfiles.encrypted(GOOD), errors.EncryptedPdfError),
    "utan-sidor.pdf": (badfiles.zero_pages, errors.NoPagesError),
    "webbsida.pdf": (badfiles.html_page, errors.NotPdfError),
    "tom.pdf": (lambda: b"", errors.EmptyFileError),
    "bomb.pdf": (badfiles.flate_bomb, errors.ResourceLimitError),
    "miljon-sidor.pdf": (badfiles.huge_page_count, errors.TooManyPagesError),
    "for-manga-sidor.pdf": (badfiles.many_pages, errors.TooManyPagesError),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_raises_its_error(reader: Reader, tmp_path: Path, name: str) -> None:
    make, expected = CASES[name]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(expected) as info:
        reader.read(path)
    assert type(info.value) is expected
    message = info.value.message
    assert message.endswith(".") and len(message) > 15
    assert SWEDISH & set(message) or " inte " in message
    # the same pool still reads a good file
    doc = reader.read(GOOD)
    assert len(doc.examples) == 4


def test_bad_bytes_upload(reader: Reader) -> None:
    with pytest.raises(errors.NotPdfError):
        reader.read_bytes(b"PK\x03\x04 not a pdf", "arkiv.pdf")
    doc = reader.read_bytes(GOOD.read_bytes(), "januari.pdf")
    assert doc.filename == "januari.pdf"
    assert doc.date == "2023-01"


def test_too_large_is_refused_before_parsing(tmp_path: Path) -> None:
    with Reader(max_bytes=10_000) as small, pytest.raises(errors.TooLargeError):
        small.read(GOOD)


def test_timeout_kills_the_task_and_the_reader_recovers() -> None:
    with Reader(timeout=0.5) as hasty:
        with pytest.raises(errors.ParseTimeoutError) as info:
            hasty.read(SCANNED)  # OCR takes seconds
        assert "för lång tid" in info.value.message
        hasty.timeout = 60
        assert hasty.read(GOOD).examples


def test_documents_come_back_tagged(reader: Reader) -> None:
    doc = reader.read(GOOD)
    assert doc.id == doc.sha256[:16]
    assert any(e.tags for e in doc.examples)


def test_ocr_runs_inside_the_memory_limit(reader: Reader) -> None:
    doc = reader.read(SCANNED)
    assert doc.ocr_pages == [1]
    assert len(doc.examples) == 1 and doc.examples[0].tags


def test_damaged_bytes_give_documents_or_ingest_errors() -> None:
    """Random byte damage to real PDFs: the pipeline returns a Document or an IngestError."""
    import random

    from ingest.pipeline import read_bytes

    rng = random.Random(7)
    sources = [GOOD, ROOT / "corpus/pdf/nyhetsbrev-2024-02.pdf"]
    outcomes: set[str] = set()
    for _ in range(60):
        data = bytearray(rng.choice(sources).read_bytes())
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data))]
        try:
            read_bytes(bytes(data), "skadad.pdf")
            outcomes.add("document")
        except errors.IngestError as exc:
            outcomes.add(type(exc).__name__)
    assert outcomes <= {"document", "CorruptPdfError"}
