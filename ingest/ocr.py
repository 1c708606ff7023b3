"""Image-only pages: render with pdfium at 300 dpi and read words with boxes via Tesseract.

Words come with their line's size estimate (hOCR ``x_size``), so the same layout code that
reads text-layer PDFs finds headings and columns in scans too.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

import pypdfium2 as pdfium

from ingest.extract import Word

DPI = 300
MAX_PIXELS = 40_000_000  # a huge page is rendered at a lower resolution instead
LANG = "swe"
MIN_CONFIDENCE = 30
LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_textfloat", "ocr_caption"}
_BBOX = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
_XSIZE = re.compile(r"x_size ([\d.]+)")
_CONF = re.compile(r"x_wconf (\d+)")

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def needs_ocr(char_count: int, image_area: float, small_paths: int = 0) -> bool:
    """A page with (almost) no text layer but a large picture is a scan; one with hundreds of
    glyph-sized shapes instead of text has its letters converted to outlines."""
    return char_count < 20 and (image_area > 0.25 or small_paths > 100)


def page_words(page: pdfium.PdfPage, number: int, dpi: int = DPI) -> list[Word]:
    """Words of a rendered page in PDF points (top-left origin), sized by their line."""
    import pytesseract

    width, height = page.get_size()
    scale = min(dpi / 72.0, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
    image = page.render(scale=scale, grayscale=True).to_pil()
    hocr = pytesseract.image_to_pdf_or_hocr(image, lang=LANG, extension="hocr", config="--psm 3")
    return words_from_hocr(hocr, number, scale)


def words_from_hocr(hocr: bytes, number: int, scale: float) -> list[Word]:
    root = ET.fromstring(hocr)
    words: list[Word] = []
    for element in root.iter():
        classes = set(element.get("class", "").split())
        if not classes & LINE_CLASSES:
            continue
        title = element.get("title", "")
        line_box = _BBOX.search(title)
        size_match = _XSIZE.search(title)
        if not line_box:
            continue
        top = int(line_box.group(2)) / scale
        bottom = int(line_box.group(4)) / scale
        x_size = float(size_match.group(1)) if size_match else (bottom - top) * scale
        # x_size spans ascenders to descenders, about 1.2 times the font size
        size = round(x_size / scale / 1.2 * 2) / 2
        for child in element:
            if "ocrx_word" not in child.get("class", ""):
                continue
            text = "".join(child.itertext()).strip()
            box = _BBOX.search(child.get("title", ""))
            conf = _CONF.search(child.get("title", ""))
            if not text or not box or (conf and int(conf.group(1)) < MIN_CONFIDENCE):
                continue
            x0 = int(box.group(1)) / scale
            x1 = int(box.group(3)) / scale
            words.append(Word(text, x0, top, x1, bottom, size, False, number))
    return words
