"""OCR of scanned pages: the resolution chosen per page and line sizes from Tesseract's hOCR."""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image

from ingest import ocr
from tests.corpus.test_poster_gold import _builder

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "pdf"
SCANNED = CORPUS / "poster-2024-gnosjo-hembesok-skannad.pdf"  # scanned at 200 dpi

# Two title lines of one size as Tesseract 5 reads them at 200 dpi: the first has no letter
# with a descender, and its x_size is a guess (62 against 79).
HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body><div class='ocr_page'>
<span class='ocr_line' title="bbox 89 112 1121 173; x_size 62.4; x_descenders 6.4; x_ascenders 14">
<span class='ocrx_word' title='bbox 89 112 500 173; x_wconf 96'>Gemensamma</span></span>
<span class='ocr_line' title="bbox 88 196 1153 275; x_size 79; x_descenders 16; x_ascenders 21">
<span class='ocrx_word' title='bbox 88 196 900 275; x_wconf 95'>förstagångsföräldrar</span></span>
<span class='ocr_line' title="bbox 90 289 839 326; x_size 36">
<span class='ocrx_word' title='bbox 90 289 300 326; x_wconf 91'>Hembesöksteamet</span></span>
</div></body></html>""".encode()


def test_lines_of_one_size_get_one_size_with_or_without_descenders() -> None:
    scale = 200 / 72
    first, second, third = ocr.words_from_hocr(HOCR, 1, scale)
    assert first.size == second.size == 21.0
    assert third.size == 11.0  # no ascender and descender heights: from x_size


def test_a_scan_is_read_at_its_own_resolution(tmp_path: Path) -> None:
    doc = pdfium.PdfDocument(str(SCANNED))
    assert round(ocr.render_dpi(doc[0])) == 200
    doc.close()
    text_page = pdfium.PdfDocument(str(CORPUS / "poster-2024-gnosjo-narvaro.pdf"))
    assert ocr.render_dpi(text_page[0]) == ocr.DPI  # no image: letters as outlines, say
    text_page.close()
    fine = tmp_path / "fine.pdf"
    Image.new("L", (2480 * 2, 3508 * 2), 255).save(fine, resolution=600)  # a 600 dpi scan
    doc = pdfium.PdfDocument(str(fine))
    assert ocr.render_dpi(doc[0]) == ocr.DPI  # never finer than DPI
    doc.close()


def test_a_page_in_strips_reads_the_same_words_in_their_places(tmp_path: Path) -> None:
    """Cut between two boxes' texts (crossing only their borders), the scanned poster's strips
    give the words of the whole page, each at least as near its place on the original."""
    doc = pdfium.PdfDocument(str(SCANNED))
    page = doc[0]
    survey = page.render(scale=ocr.SURVEY_DPI / 72, grayscale=True).to_pil()
    scale = ocr.render_dpi(page) / 72  # the scan's own resolution
    image = page.render(scale=scale, grayscale=True).to_pil()
    tops = ocr.strip_rows(survey, ocr.SURVEY_DPI / 72, image, scale, 2)  # as page_words cuts
    assert len(tops) == 2 and image.height / 4 <= tops[1] <= image.height * 3 / 4
    cut = tops[1]
    pixels = image.load()
    ink = [x for x in range(image.width) if pixels[x, cut] < ocr.INK_LEVEL]
    tall = round(36 * scale)  # no letter is 36 points tall; a box border is
    borders = [x for x in ink if _ink_run(pixels, x, cut, image.height) >= tall]
    assert len(ink) - len(borders) <= max(2, image.width // 500)  # box borders, scanner noise
    whole = ocr.page_words(page, 1, parts=1)
    strips = ocr.page_words(page, 1, parts=2)
    doc.close()
    shared = Counter(w.text for w in whole) & Counter(w.text for w in strips)
    assert sum(shared.values()) >= 0.97 * len(whole) and len(strips) <= 1.03 * len(whole)

    original = _original_words(tmp_path)
    whole_errors, strip_errors = _top_errors(whole, original), _top_errors(strips, original)
    assert len(strip_errors) >= 100
    assert sum(e <= 6 for e in strip_errors) >= 0.95 * len(strip_errors)
    assert statistics.mean(strip_errors) <= statistics.mean(whole_errors) + 0.5


def _ink_run(pixels, x: int, row: int, height: int) -> int:  # noqa: ANN001
    """How many rows of ink run through (x, row), a pixel either side counted (a scanned
    border leans)."""
    columns = [c for c in (x - 1, x, x + 1) if c >= 0]

    def inked(y: int) -> bool:
        return any(pixels[c, y] < ocr.INK_LEVEL for c in columns)

    top = bottom = row
    while top > 0 and inked(top - 1):
        top -= 1
    while bottom < height - 1 and inked(bottom + 1):
        bottom += 1
    return bottom - top + 1


def _original_words(tmp_path: Path) -> dict[str, float]:
    """The top (points) of each word the scanned poster's vector original holds only once."""
    builder = _builder()
    poster = builder.load_poster(builder.SOURCES / f"{SCANNED.stem}.yaml")
    vector = tmp_path / "original.pdf"
    {"reportlab": builder.render_reportlab,
     "weasyprint": builder.render_weasyprint}[poster.generator](poster, vector)
    with pdfplumber.open(vector) as pdf:
        words = pdf.pages[0].extract_words()
    counts = Counter(w["text"] for w in words)
    return {w["text"]: w["top"] for w in words if counts[w["text"]] == 1}


def _top_errors(found: list, original: dict[str, float]) -> list[float]:
    counts = Counter(w.text for w in found)
    return [abs(w.top - original[w.text]) for w in found
            if w.text in original and counts[w.text] == 1]


def test_no_cut_without_a_band_free_of_text() -> None:
    striped = Image.new("L", (800, 1200), 255)
    for y in range(0, 1200, 4):  # a row of letter-like strokes every 4 rows: no 4 blank rows
        for x in range(20, 780, 12):  # (a band of 8 that crosses no letter, or of 4 blank)
            striped.paste(0, (x, y, x + 5, y + 1))
    assert ocr.strip_tops(striped, 2, 8) == [0]
    assert ocr.strip_tops(striped, 2, 6) != [0]


def test_a_cut_may_cross_box_borders_but_no_letter() -> None:
    """Two columns of boxes whose gaps never line up leave no white row across the page; the
    cut goes where only the boxes' borders are crossed, and shares the text evenly."""
    page = Image.new("L", (1000, 1400), 255)
    for x in (40, 480, 520, 960):  # the columns' box borders run down the whole page
        page.paste(0, (x, 0, x + 3, 1400))
    for top in [*range(100, 500, 21), *range(800, 1200, 21)]:  # text lines, 3 rows apart
        for x in [*range(60, 460, 14), *range(540, 940, 14)]:
            page.paste(0, (x, top, x + 6, top + 18))
    tops = ocr.strip_tops(page, 2, 8)
    assert len(tops) == 2 and 500 <= tops[1] <= 800
    column = [page.getpixel((x, tops[1])) for x in range(1000)]
    assert sum(v < ocr.INK_LEVEL for v in column) == 12  # only the four borders


def test_a_scan_of_large_text_is_read_at_a_lower_resolution_with_every_word(
        tmp_path: Path) -> None:
    """Lines are measured alike at any resolution; a 200 dpi scan of 16-point text is read at
    the resolution that makes its lines TARGET_LINE_PIXELS tall (fewer pixels, the same
    words), while the scanned poster, whose smaller lines are 5-8 points, keeps its 200 dpi
    (a narrow band holds part of a line: "in" has neither ascender nor descender)."""
    from reportlab.pdfgen import canvas

    lines = ["Familjecentralen i Nässjö bjuder in till öppen förskola varje tisdag",
             "Skolsköterskan och kuratorn träffar eleverna i årskurs sju tillsammans",
             "Fritidsgården håller öppet på lördagar med idrott och läxhjälp"] * 4
    vector, scanned = tmp_path / "stor.pdf", tmp_path / "stor-skannad.pdf"
    pdf = canvas.Canvas(str(vector), pagesize=(595, 842))
    pdf.setFont("Helvetica", 16)
    for n, line in enumerate(lines):
        pdf.drawString(50, 780 - n * 40, line)
    pdf.save()
    _builder().scan(vector, scanned, seed=3)

    poster, large = pdfium.PdfDocument(str(SCANNED)), pdfium.PdfDocument(str(scanned))
    sizes = {}
    for name, doc in (("poster", poster), ("large", large)):
        survey = np.asarray(doc[0].render(scale=ocr.SURVEY_DPI / 72, grayscale=True).to_pil())
        fine = np.asarray(doc[0].render(scale=200 / 72, grayscale=True).to_pil())
        sizes[name] = ocr.small_line_points(survey < ocr.INK_LEVEL, ocr.SURVEY_DPI)
        assert sizes[name] == pytest.approx(
            ocr.small_line_points(fine < ocr.INK_LEVEL, 200), rel=0.15)
    assert 4 <= sizes["poster"] <= 9 and 9 <= sizes["large"] <= 16  # parts of lines in a band
    assert ocr.reading_dpi(200, sizes["poster"]) == 200
    lower = ocr.reading_dpi(200, sizes["large"])
    assert ocr.MIN_DPI <= lower <= 0.8 * 200
    read = Counter(w.text.strip(".,") for w in ocr.page_words(large[0], 1))
    wanted = Counter(word for line in lines for word in line.split())
    assert sum((read & wanted).values()) >= 0.98 * sum(wanted.values())
    poster.close()
    large.close()


def test_a_huge_page_is_surveyed_at_a_bounded_size() -> None:
    a3 = ocr.survey_scale_of(842, 1191)
    assert a3 == ocr.SURVEY_DPI / 72  # an A3 poster at the survey's resolution
    huge = ocr.survey_scale_of(14_400, 14_400)  # the largest page a PDF may have: 200 inches
    assert (14_400 * huge) ** 2 <= ocr.SURVEY_PIXELS * 1.001
