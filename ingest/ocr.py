"""Image-only pages: render with pdfium and read words with boxes via Tesseract.

A page is rendered at the resolution of its scanned image (a 200 dpi scan drawn at 300 dpi
gives Tesseract 2.25 times the pixels and no more detail), between MIN_DPI and DPI; a page
without one (letters turned into outlines) at DPI. Words come with their line's size estimate
(hOCR ``x_size``), so the same layout code that reads text-layer PDFs finds headings and
columns in scans too.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.extract import Word

DPI = 300
MIN_DPI = 150
MAX_PIXELS = 40_000_000  # a huge page is rendered at a lower resolution instead
LANG = "swe"
MIN_CONFIDENCE = 30
LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_textfloat", "ocr_caption"}
_BBOX = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
_XSIZE = re.compile(r"x_size ([\d.]+)")
_ASCENDERS = re.compile(r"x_ascenders ([\d.]+)")
_DESCENDERS = re.compile(r"x_descenders ([\d.]+)")
# Tesseract's x_size spans ascenders to descenders, about 1.2 times the font size; its x-height
# (x_size less both) about 0.72 times it. The x-height is the steadier: a line without
# descenders gets a guessed x_size ("Gemensamma hembesök för" read 20 % smaller than the next
# title line at 200 dpi) but the same x-height.
X_SIZE_PER_POINT, X_HEIGHT_PER_POINT = 1.2, 0.72
_CONF = re.compile(r"x_wconf (\d+)")

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def needs_ocr(char_count: int, image_area: float, small_paths: int = 0) -> bool:
    """A page with (almost) no text layer but a large picture is a scan; one with hundreds of
    glyph-sized shapes instead of text has its letters converted to outlines."""
    return char_count < 20 and (image_area > 0.25 or small_paths > 100)


def image_dpi(page: pdfium.PdfPage) -> float | None:
    """The resolution of the page's largest image as drawn on the page, None without one."""
    best: tuple[float, float] | None = None  # (area in points, dots per inch)
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = image.get_bounds()
        px_width, _ = image.get_px_size()
        if right - left <= 0 or px_width <= 0:
            continue
        area = (right - left) * (top - bottom)
        if best is None or area > best[0]:
            best = (area, px_width / ((right - left) / 72.0))
    return best[1] if best else None


def render_dpi(page: pdfium.PdfPage) -> float:
    """The resolution to read a page at: its image's, between MIN_DPI and DPI."""
    found = image_dpi(page)
    return DPI if found is None else max(MIN_DPI, min(DPI, found))


def page_words(page: pdfium.PdfPage, number: int, dpi: float | None = None) -> list[Word]:
    """Words of a rendered page in PDF points (top-left origin), sized by their line."""
    import pytesseract

    width, height = page.get_size()
    dpi = dpi or render_dpi(page)
    scale = min(dpi / 72.0, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
    image = page.render(scale=scale, grayscale=True).to_pil()
    hocr = pytesseract.image_to_pdf_or_hocr(image, lang=LANG, extension="hocr", config="--psm 3")
    return words_from_hocr(hocr, number, scale)


def _font_size(title: str, line_height: float) -> float:
    """A line's font size in pixels, from its hOCR title (see X_HEIGHT_PER_POINT)."""
    found = [m and float(m.group(1)) for m in
             (_XSIZE.search(title), _ASCENDERS.search(title), _DESCENDERS.search(title))]
    x_size, ascenders, descenders = found
    if x_size is None:
        return line_height / X_SIZE_PER_POINT
    if ascenders is not None and descenders is not None and x_size - ascenders - descenders > 0:
        return (x_size - ascenders - descenders) / X_HEIGHT_PER_POINT
    return x_size / X_SIZE_PER_POINT


def words_from_hocr(hocr: bytes, number: int, scale: float) -> list[Word]:
    root = ET.fromstring(hocr)
    words: list[Word] = []
    for element in root.iter():
        classes = set(element.get("class", "").split())
        if not classes & LINE_CLASSES:
            continue
        title = element.get("title", "")
        line_box = _BBOX.search(title)
        if not line_box:
            continue
        top = int(line_box.group(2)) / scale
        bottom = int(line_box.group(4)) / scale
        size = round(_font_size(title, (bottom - top) * scale) / scale * 2) / 2  # half points
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
