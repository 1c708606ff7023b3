"""OCR of scanned pages: the resolution chosen per page and line sizes from Tesseract's hOCR."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from ingest import ocr

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


def test_a_page_in_strips_reads_the_same_words_as_whole() -> None:
    doc = pdfium.PdfDocument(str(SCANNED))
    page = doc[0]
    scale = ocr.render_dpi(page) / 72
    image = page.render(scale=scale, grayscale=True).to_pil()
    tops = ocr.strip_tops(image, 2, round(ocr.BLANK_BAND_POINTS * scale))
    assert len(tops) == 2 and image.height / 4 <= tops[1] <= image.height * 3 / 4
    pixels = image.load()
    specks = sum(pixels[x, tops[1]] < ocr.INK_LEVEL for x in range(image.width))
    assert specks <= max(2, image.width // 500)  # a blank row, but for scanner noise
    whole = ocr.page_words(page, 1, parts=1)
    strips = ocr.page_words(page, 1, parts=2)
    doc.close()

    def key(words: list) -> list[tuple[str, int, int]]:
        return sorted((w.text, round(w.x0 / 4), round(w.top / 4)) for w in words)

    same = set(key(whole)) & set(key(strips))
    assert len(same) >= 0.97 * len(whole) and len(strips) <= 1.03 * len(whole)


def test_no_cut_without_a_blank_band() -> None:
    striped = Image.new("L", (800, 1200), 255)
    for y in range(0, 1200, 6):  # a line of ink every 6 rows: no band of 8 blank rows
        striped.paste(0, (0, y, 800, y + 1))
    assert ocr.strip_tops(striped, 2, 8) == [0]
    assert ocr.strip_tops(striped, 2, 4) != [0]
