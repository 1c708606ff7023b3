"""Files that are only partly damaged: read what can be read, name what cannot."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen import canvas

from ingest.errors import CorruptPdfError, EncryptedPdfError
from ingest.pipeline import _diagnose, read_bytes


def two_pages(first: str, second: str) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pageCompression=0, invariant=1)
    for text in (first, second):
        pdf.setFont("Helvetica-Bold", 20)
        pdf.drawString(72, 760, "Rastaktiviteter i Habo")
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 700, text)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_a_page_pdfium_cannot_load_is_skipped_with_a_warning() -> None:
    data = two_pages("Eleverna leder lekar på rasten varje dag.", "Andra sidan.")
    # page 2 of the page tree points at the catalogue: a page no reader can load
    broken = data.replace(b"/Kids [ 4 0 R 5 0 R ]", b"/Kids [ 4 0 R 6 0 R ]")
    assert broken != data
    doc = read_bytes(broken, "delvis-skadad.pdf")
    text = " ".join([s.text for s in doc.context] + [e.text for e in doc.examples])
    assert "leder lekar" in text
    assert any("Sida 2" in w and "skadad" in w for w in doc.warnings)


def test_a_file_with_no_loadable_page_is_corrupt() -> None:
    data = two_pages("Ett.", "Två.")
    broken = data.replace(b"/Kids [ 4 0 R 5 0 R ]", b"/Kids [ 6 0 R 6 0 R ]")
    with pytest.raises(CorruptPdfError):
        read_bytes(broken, "helt-skadad.pdf")


def test_an_encryption_reference_in_an_earlier_trailer_means_encrypted() -> None:
    """pdfminer may rebuild a file without its /Encrypt; the reference still tells."""
    data = two_pages("Ett.", "Två.")
    first = data.replace(b"trailer\n<<", b"trailer\n<< /Encrypt 99 0 R", 1)
    padded = first[: first.index(b"trailer")] + b"%" + b"x" * 6000 + b"\n" + \
        first[first.index(b"trailer"):].replace(b"/Encrypt 99 0 R", b"") + b"%" + b"y" * 6000
    assert isinstance(_diagnose(first + b"\n" + b"%" + b"z" * 6000 + b"\n", 200),
                      EncryptedPdfError)
    assert isinstance(_diagnose(padded, 200), CorruptPdfError)
