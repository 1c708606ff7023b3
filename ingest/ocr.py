"""Image-only pages: render with pdfium at 300 dpi and read words with boxes via Tesseract."""

from __future__ import annotations

import os

import pypdfium2 as pdfium

from ingest.extract import Word

DPI = 300
LANG = "swe"
MIN_CONFIDENCE = 30

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def needs_ocr(char_count: int, image_area: float) -> bool:
    """A page with (almost) no text layer but a large picture is a scan."""
    return char_count < 20 and image_area > 0.25


def page_words(page: pdfium.PdfPage, number: int, dpi: int = DPI) -> list[Word]:
    """Words of a rendered page in PDF points (top-left origin), with sizes from line heights."""
    import pytesseract

    scale = dpi / 72.0
    image = page.render(scale=scale, grayscale=True).to_pil()
    data = pytesseract.image_to_data(
        image, lang=LANG, config="--psm 3", output_type=pytesseract.Output.DICT
    )
    rows: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if not text.strip() or float(data["conf"][i]) < MIN_CONFIDENCE:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        rows.setdefault(key, []).append(i)
    words: list[Word] = []
    for indices in rows.values():
        line_height = max(data["height"][i] for i in indices) / scale
        size = line_height / 1.1  # cap height + descender of a line ≈ the font size
        line_top = min(data["top"][i] for i in indices) / scale
        line_bottom = max(data["top"][i] + data["height"][i] for i in indices) / scale
        for i in indices:
            x0 = data["left"][i] / scale
            words.append(
                Word(
                    data["text"][i].strip(),
                    x0,
                    line_top,
                    x0 + data["width"][i] / scale,
                    line_bottom,
                    round(size * 2) / 2,
                    False,
                    number,
                )
            )
    return words
