"""Words of a real PDF page as pdfium's characters make them: one word across text objects,
boldness by most of its characters, size, baseline and the text objects it spans."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from ingest.extract import Word, read_pages


def _page(path: Path) -> Path:
    """A bold title line, a line whose first word is set in two fonts by three text objects
    ("Hem" + bold "besök" + ", en gång …"), and a last line."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(72, 760, "Läxcafé på Hagaskolan")
    x = 72.0
    for text, font in (("Hem", "Helvetica"), ("besök", "Helvetica-Bold"),
                       (", en gång i veckan.", "Helvetica")):
        pdf.setFont(font, 10)
        pdf.drawString(x, 730, text)
        x += stringWidth(text, font, 10)
    pdf.drawString(72, 716, "Nästa rad")
    pdf.save()
    return path


@pytest.fixture(scope="module")
def words(tmp_path_factory: pytest.TempPathFactory) -> list[Word]:
    path = _page(tmp_path_factory.mktemp("words") / "words.pdf")
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        return read_pages(pdf)[0].words
    finally:
        pdf.close()


def test_words_between_spaces_across_text_objects(words: list[Word]) -> None:
    assert [w.text for w in words] == [
        "Läxcafé", "på", "Hagaskolan", "Hembesök,", "en", "gång", "i", "veckan.", "Nästa", "rad",
    ]
    joined = words[3]
    assert (joined.run, joined.run_end) == (1, 3)  # three text objects make one word
    assert [(w.run, w.run_end) for w in words[4:]] == [(3, 3)] * 4 + [(4, 4)] * 2


def test_size_boldness_and_baseline(words: list[Word]) -> None:
    title, joined, plain = words[0], words[3], words[4]
    assert (title.size, title.bold, title.baseline) == (14.0, True, 82.0)
    assert joined.bold  # five bold letters of nine characters
    assert (plain.size, plain.bold, plain.baseline) == (10.0, False, 112.0)
    assert words[-1].baseline == 126.0
    assert title.x0 == 72.0 and title.top < title.baseline < title.bottom
    assert joined.x0 == 72.0 and joined.x1 > words[4].x0 - 5 and joined.x1 < words[4].x0
