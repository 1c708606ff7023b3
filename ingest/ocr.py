"""Image-only pages: render with pdfium and read words with boxes via Tesseract.

A page is first drawn small (SURVEY_DPI) to see how large its text is and where it may be cut.
It is then read at the resolution its text needs: Tesseract's line recogniser scales every line
to one fixed height, so pixels beyond what makes the page's smaller lines TARGET_LINE_PIXELS
tall only cost layout-analysis time (an A3 poster of 9-point text read alike at 200 and 150 dpi,
in three quarters of the time). That resolution is never finer than the scanned image's own (a
200 dpi scan drawn at 300 dpi gives 2.25 times the pixels and no more detail), nor outside
MIN_DPI..DPI; a page without an image (letters turned into outlines) starts from DPI. Words come
with their line's size estimate (hOCR ``x_size``), so the same layout code that reads text-layer
PDFs finds headings and columns in scans too. A large page (an A3 poster) is cut into strips
with about the same amount of text, between lines, which separate Tesseract processes read at
the same time: Tesseract's own threads gave no steady gain here, while two processes on two
cores nearly halve the time of a page.
"""

from __future__ import annotations

import os
import re
import tempfile
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.extract import Box, Word

if TYPE_CHECKING:
    from PIL import Image

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
# A large page is read in strips at once, one Tesseract each, cut only where a band at least
# BLANK_BAND_POINTS tall crosses no letter (white, rules and box borders: no line of text is cut),
# or a band half as tall crosses nothing but them (the gap between two lines that run across the
# page); the cut row is then the emptiest of the band at the reading resolution.
MAX_PARTS = 2
MIN_SPLIT_PIXELS = 1_500_000  # an A4 page at 200 dpi is 3.9 million, at 150 dpi 2.2
SURVEY_DPI = 100  # where text sizes are measured and strips are cut: a few milliseconds
SURVEY_PIXELS = 10_000_000  # a huge page is surveyed at a lower resolution
# Lines (ascenders to descenders) this many pixels tall read as well as larger ones; the
# smaller lines of a page (the quarter with the least height) are given at least this.
TARGET_LINE_PIXELS = 16
SMALL_LINES_PERCENTILE = 25
COLUMN_BANDS = 12  # lines are measured in narrow bands: neighbouring columns' lines do not merge
BLANK_BAND_POINTS = 6
INK_LEVEL = 128  # grey below this is ink
TEXT_EDGES = 4  # a row with no more ink edges than this (borders left out) crosses no letter
BORDER_ROWS_PER_BAND = 6  # a vertical line 6 blank bands (36 pt) long is no letter
STRIP_MARGIN = 40  # white rows around each strip

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


def page_words(page: pdfium.PdfPage, number: int, dpi: float | None = None,
               parts: int | None = None) -> list[Word]:
    """Words of a rendered page in PDF points (top-left origin), sized by their line.

    A large page is cut at blank bands into up to ``parts`` strips (default: the cores this
    process may use, at most MAX_PARTS) read by Tesseract at the same time. ``dpi`` overrides
    the resolution chosen from the page's text.
    """
    width, height = page.get_size()
    survey_scale = survey_scale_of(width, height)
    survey = page.render(scale=survey_scale, grayscale=True).to_pil()
    dark = np.asarray(survey) < INK_LEVEL
    dpi = dpi or reading_dpi(render_dpi(page), small_line_points(dark, survey_scale * 72))
    scale = min(dpi / 72.0, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
    image = page.render(scale=scale, grayscale=True).to_pil()
    if parts is None:
        parts = min(MAX_PARTS, len(os.sched_getaffinity(0)))
    big = image.width * image.height >= MIN_SPLIT_PIXELS
    tops = strip_rows(survey, survey_scale, image, scale, parts) if big else [0]
    strips = [(top - STRIP_MARGIN, _with_margin(image.crop((0, top, image.width, bottom))))
              for top, bottom in zip(tops, [*tops[1:], image.height], strict=True)]
    if len(strips) == 1:
        return words_from_hocr(_hocr(image), number, scale)
    with ThreadPoolExecutor(len(strips)) as pool:  # each thread waits on its own tesseract
        hocrs = list(pool.map(_hocr, [strip for _, strip in strips]))
    return [word for (top, _), hocr in zip(strips, hocrs, strict=True)
            for word in words_from_hocr(hocr, number, scale, top)]


def picture_words(page: pdfium.PdfPage, number: int, box: Box) -> list[Word]:
    """The words of the text a picture on a page shows (a title exported as an image), read
    at DPI, in PDF points of the page (top-left origin)."""
    width, height = page.get_size()
    scale = DPI / 72.0
    crop = (max(box.x0, 0.0), max(height - box.bottom, 0.0), max(width - box.x1, 0.0),
            max(box.top, 0.0))
    if width - crop[0] - crop[2] < 8 or height - crop[1] - crop[3] < 8:
        return []  # the picture stands (almost) outside the page
    image = page.render(scale=scale, grayscale=True, crop=crop).to_pil()
    words = words_from_hocr(_hocr(image), number, scale, round(crop[3] * scale))
    for word in words:
        word.x0 += crop[0]
        word.x1 += crop[0]
    return words


def survey_scale_of(width: float, height: float) -> float:
    """Pixels per point of a page's survey: SURVEY_DPI, or less on a page so large that its
    survey would pass SURVEY_PIXELS."""
    return min(SURVEY_DPI / 72.0, (SURVEY_PIXELS / max(width * height, 1.0)) ** 0.5)


def strip_rows(survey: Image.Image, survey_scale: float, image: Image.Image, scale: float,
               parts: int) -> list[int]:
    """The first row of each strip of ``image`` (drawn at ``scale``), cut where ``survey`` (the
    same page at ``survey_scale``) has blank bands, each cut moved to the emptiest row near it."""
    cuts = strip_tops(survey, parts, round(BLANK_BAND_POINTS * survey_scale))
    reach = round(BLANK_BAND_POINTS / 4 * scale)
    border_rows = round(BORDER_ROWS_PER_BAND * BLANK_BAND_POINTS * scale)
    return [0, *(emptiest_row(image, round(top * scale / survey_scale), reach, border_rows)
                 for top in cuts[1:])]


def small_line_points(dark: np.ndarray, dpi: float) -> float | None:
    """How tall (in points) the page's smaller lines of text are: runs of inked rows within
    narrow column bands, between 3 and 40 points (rules, specks and pictures left out), at
    their SMALL_LINES_PERCENTILE. None on a page with too few lines to tell."""
    band = dark.shape[1] // COLUMN_BANDS
    if band == 0:
        return None
    dark = dark & ~_vertical_lines(dark, round(BORDER_ROWS_PER_BAND * BLANK_BAND_POINTS
                                               * dpi / 72))
    bands = dark[:, :band * COLUMN_BANDS].reshape(dark.shape[0], COLUMN_BANDS, band)
    inked = np.count_nonzero(bands, axis=2) > 1
    edges = np.diff(np.vstack([np.zeros((1, COLUMN_BANDS), np.int8), inked.astype(np.int8),
                               np.zeros((1, COLUMN_BANDS), np.int8)]), axis=0)
    starts, ends = np.nonzero(edges.T == 1)[1], np.nonzero(edges.T == -1)[1]
    points = (ends - starts) * 72.0 / dpi
    lines = points[(points >= 3) & (points <= 40)]
    return float(np.percentile(lines, SMALL_LINES_PERCENTILE)) if len(lines) >= 10 else None


def reading_dpi(most: float, line_points: float | None) -> float:
    """The resolution that makes lines of ``line_points`` TARGET_LINE_PIXELS tall, within
    MIN_DPI and ``most`` (the page's own resolution)."""
    if line_points is None:
        return most
    return max(min(MIN_DPI, most), min(most, TARGET_LINE_PIXELS * 72.0 / line_points))


def _with_margin(strip: Image.Image) -> Image.Image:
    """The strip on white with STRIP_MARGIN rows above and below: Tesseract misreads a line
    that starts right at the image's edge ("K ontakt")."""
    from PIL import Image as PILImage

    framed = PILImage.new(strip.mode, (strip.width, strip.height + 2 * STRIP_MARGIN), 255)
    framed.paste(strip, (0, STRIP_MARGIN))
    return framed


def _hocr(image: Image.Image) -> bytes:
    """Tesseract's hOCR of ``image``, handed over as an uncompressed PGM file: pytesseract on
    its own writes a PNG, and compressing an A3 page at 200 dpi cost 0.6 s of this process's
    time before Tesseract could start (a PGM is written in milliseconds and read as fast)."""
    import pytesseract

    with tempfile.NamedTemporaryFile(prefix="exempelbanken-ocr-", suffix=".pgm") as pgm:
        image.save(pgm, format="PPM")  # a greyscale image is written as PGM
        pgm.flush()
        return pytesseract.image_to_pdf_or_hocr(pgm.name, lang=LANG, extension="hocr",
                                                config="--psm 3")


def strip_tops(image: Image.Image, parts: int, min_rows: int) -> list[int]:
    """Where to cut a page into about ``parts`` strips of similar reading work: the middle of
    the band without text (``min_rows`` rows or more that cross no letter, only white, rules
    and box borders) nearest each cut that shares the page's text evenly, searched within a
    quarter page of it. Without such a band, no cut: a cut through a line would lose it.

    Tesseract's time goes with the letters read, not the page's height: cut at the middle, a
    poster's top half (title, team, two text columns) took 2.1 s and its bottom half (contacts
    and empty boxes) 0.4 s; and boxed text in two columns leaves no white row across the page,
    only rows that cross the boxes' borders."""
    if parts < 2:
        return [0]
    text = _text_per_row(np.asarray(image) < INK_LEVEL, BORDER_ROWS_PER_BAND * min_rows)
    work = np.cumsum(text)
    tops = [0]
    for k in range(1, parts):
        share = work[-1] * k / parts
        target = int(np.searchsorted(work, share)) if share else len(text) * k // parts
        reach = len(text) // 4
        cuts = [cut for cut in (_blank_middle(text > TEXT_EDGES, target, reach, min_rows),
                                _blank_middle(text > 0, target, reach, max(2, min_rows // 2)))
                if cut is not None and cut > tops[-1]]
        if cuts:
            tops.append(min(cuts, key=lambda cut: abs(cut - target)))
    return tops


def emptiest_row(image: Image.Image, row: int, reach: int, border_rows: int) -> int:
    """The row within ``reach`` of ``row`` that crosses the least text (the nearest of equals):
    a cut found on the survey, drawn at a lower resolution, may be a row or two off a gap."""
    low = max(0, row - reach - border_rows)
    high = min(image.height, row + reach + border_rows + 1)
    dark = np.asarray(image.crop((0, low, image.width, high))) < INK_LEVEL
    text = _text_per_row(dark, border_rows)
    first, last = max(0, row - reach), min(image.height - 1, row + reach)
    window = text[first - low:last - low + 1]
    distance = np.abs(np.arange(first, last + 1) - row)
    return first + int(np.lexsort((distance, window))[0])


def _text_per_row(dark: np.ndarray, border_rows: int) -> np.ndarray:
    """How much text each row crosses: its ink edges (light to dark and back, a pair per stroke
    of a letter), leaving out vertical lines longer than ``border_rows`` (box borders, rules:
    no letter is that tall) and rows with only a few specks of scanner noise."""
    dark = dark & ~_vertical_lines(dark, border_rows)
    edges = np.count_nonzero(dark[:, 1:] != dark[:, :-1], axis=1)
    inked = dark.sum(axis=1) > max(2, dark.shape[1] // 500)
    return np.where(inked, edges, 0).astype(float)


def _vertical_lines(dark: np.ndarray, length: int) -> np.ndarray:
    """The pixels of vertical runs of ink at least ``length`` rows long, a pixel's neighbours
    to the left and right counted as its own (a scanned page's borders lean a little)."""
    if length >= dark.shape[0]:
        return np.zeros_like(dark)
    wide = dark.copy()
    wide[:, 1:] |= dark[:, :-1]
    wide[:, :-1] |= dark[:, 1:]
    counts = np.cumsum(wide, axis=0, dtype=np.int32)
    counts = np.vstack([np.zeros((1, dark.shape[1]), np.int32), counts])
    full = (counts[length:] - counts[:-length]) == length  # window [r, r + length) all ink
    covered = np.cumsum(full, axis=0, dtype=np.int32)  # pixel r is in a full window starting
    covered = np.vstack([np.zeros((1, dark.shape[1]), np.int32), covered])  # in r-length+1..r
    ends = np.minimum(np.arange(dark.shape[0]) + 1, full.shape[0])
    starts = np.maximum(np.arange(dark.shape[0]) - length + 1, 0)
    return dark & ((covered[ends] - covered[starts]) > 0)


def _blank_middle(written: np.ndarray, target: int, reach: int, min_rows: int) -> int | None:
    """The middle row of the run of at least ``min_rows`` rows without text nearest
    ``target``, within ``reach`` rows of it."""
    best: tuple[int, int] | None = None  # (distance, middle)
    start = None
    low, high = max(0, target - reach), min(len(written), target + reach)
    for row in range(low, high + 1):
        blank = row < high and not written[row]
        if blank and start is None:
            start = row
        elif not blank and start is not None:
            if row - start >= min_rows:
                middle = (start + row) // 2
                if best is None or abs(middle - target) < best[0]:
                    best = (abs(middle - target), middle)
            start = None
    return best[1] if best else None


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


def words_from_hocr(hocr: bytes, number: int, scale: float, offset: int = 0) -> list[Word]:
    """The words of an hOCR page; ``offset`` is the pixel row the read image starts at."""
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
        top = (int(line_box.group(2)) + offset) / scale
        bottom = (int(line_box.group(4)) + offset) / scale
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
