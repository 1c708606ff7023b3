"""Broken and hostile files, built on the fly for the ingestion tests."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from pypdf import PdfWriter


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (object 1 is the catalog), with a correct xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def truncated(good: Path) -> bytes:
    data = good.read_bytes()
    return data[: len(data) // 3]


def encrypted(good: Path, password: str = "hemligt") -> bytes:
    writer = PdfWriter(clone_from=str(good))
    writer.encrypt(password, algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def zero_pages() -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def html_page() -> bytes:
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><title>Nyhetsbrev</title></head>'
        "<body><h1>Nyhetsbrev januari</h1><p>Det här är en webbsida.</p></body></html>\n"
    ).encode()


def flate_bomb(size: int = 1 << 30) -> bytes:
    """One page whose content stream inflates to ``size`` bytes of zeros (~1 MB on disk)."""
    comp = zlib.compressobj(9)
    chunk = b"\0" * (16 << 20)
    parts = []
    left = size
    while left > 0:
        parts.append(comp.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    parts.append(comp.flush())
    stream = b"".join(parts)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream",
        ]
    )


def huge_page_count(count: int = 1_000_000) -> bytes:
    """A 300-byte file whose page tree claims a million pages."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def many_pages(count: int = 250) -> bytes:
    """A plain PDF with more pages than the reader accepts."""
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(595, 842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
