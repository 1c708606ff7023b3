"""Cheap checks before a file is parsed: size, emptiness, a PDF or office-file signature (the
format itself is decided from the whole file by ``ingest.formats``)."""

from __future__ import annotations

from pathlib import Path

from ingest.errors import EmptyFileError, NotPdfError, TooLargeError
from ingest.formats import ACCEPTED_SV, OLE_MAGIC

MAX_BYTES = 50 * 1024 * 1024
MAGIC_WINDOW = 1024
OFFICE_MAGIC = (b"PK\x03\x04", OLE_MAGIC)  # ZIP (DOCX, PPTX, ODT, ODP); old or locked Office


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def check_head(head: bytes, size: int, max_bytes: int = MAX_BYTES) -> None:
    if size == 0 or not head.strip(b" \t\r\n\x00"):
        raise EmptyFileError("Filen är tom och innehåller inget dokument att läsa in.")
    if size > max_bytes:
        raise TooLargeError(
            f"Filen är för stor ({_mb(size)}); största tillåtna storlek är {_mb(max_bytes)}."
        )
    if b"%PDF-" not in head[:MAGIC_WINDOW] and not head.startswith(OFFICE_MAGIC):
        start = head[:MAGIC_WINDOW].lstrip().lower()
        if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
            raise NotPdfError("Filen är en webbsida (HTML), inte en PDF eller ett Office-dokument.")
        raise NotPdfError(f"Filen är varken PDF eller ett Office-dokument som kan läsas "
                          f"({ACCEPTED_SV}).")


def check_bytes(data: bytes, max_bytes: int = MAX_BYTES) -> None:
    """Raise EmptyFileError, TooLargeError or NotPdfError for data that cannot be a document to
    read."""
    check_head(data[:MAGIC_WINDOW], len(data), max_bytes)


def check_file(path: Path, max_bytes: int = MAX_BYTES) -> None:
    """The same checks on a file, reading only its first kilobyte."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(MAGIC_WINDOW)
    except IsADirectoryError as exc:
        raise NotPdfError("Sökvägen är en mapp, inte en PDF-fil.") from exc
    except OSError as exc:
        raise NotPdfError(f"Filen kunde inte öppnas: {exc.strerror or exc}.") from exc
    check_head(head, size, max_bytes)
