"""Redacting a stored PDF: every page that shows an erased name, address or number is replaced
by a picture of itself with black boxes over those words; other pages are kept as they are.

A picture, because taking words out of a PDF's content streams is not something pypdfium2 (or
any installed tool) does safely: a text object may hold a whole line, fonts may be subset, and
text hidden under a box is still text. A page made a picture has no text left to find: the
words are gone, not covered. The words are found in the page's text, read with spaces and line
breaks left out, so "anna.svens⏎son@…" and "Anna⏎Berg" are found too.

pypdfium2 and Pillow are imported when a PDF is redacted, not with the library (a search from
the command line needs neither).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium

SCALE = 2.0  # 144 dpi: readable, and the boxes cover whole letters
MARGIN = 1.5  # points around each letter's box
JPEG_QUALITY = 75  # quicker to write than raw pixels, text still sharp


def _squash(text: str) -> tuple[str, list[int]]:
    """The text without spaces, lowercase, and the index of each kept character."""
    kept = [(i, c.lower()) for i, c in enumerate(text) if not c.isspace()]
    return "".join(c for _, c in kept), [i for i, _ in kept]


def _hits(text: str, terms: Iterable[str]) -> list[list[int]]:
    """Character indices of each occurrence of a term (terms compared without spaces)."""
    squashed, index = _squash(text)
    out = []
    for term in terms:
        needle = "".join(term.lower().split())
        if not needle:
            continue
        start = squashed.find(needle)
        while start >= 0:
            first, last = index[start], index[start + len(needle) - 1]
            before = text[first - 1] if first > 0 else " "
            after = text[last + 1] if last + 1 < len(text) else " "
            if not before.isalnum() and not (after.isalnum() and after != "s"):
                out.append(index[start:start + len(needle)])
            start = squashed.find(needle, start + 1)
    return out


def _picture_page(page: pdfium.PdfPage, boxes: list[tuple[float, float, float, float]]
                  ) -> object:
    """The page drawn with black boxes (PDF coordinates) painted over."""
    from PIL import ImageDraw

    picture = page.render(scale=SCALE).to_pil().convert("RGB")
    height = page.get_height()
    draw = ImageDraw.Draw(picture)
    for left, bottom, right, top in boxes:
        draw.rectangle([(left - MARGIN) * SCALE, (height - top - MARGIN) * SCALE,
                        (right + MARGIN) * SCALE, (height - bottom + MARGIN) * SCALE],
                       fill="black")
    return picture


def redact_pdf(data: bytes, terms: Iterable[str]) -> tuple[bytes, int]:
    """The PDF with every page showing one of ``terms`` made a redacted picture, and the
    number of such pages (0: the bytes are returned unchanged)."""
    import pypdfium2 as pdfium

    terms = [t for t in terms if t.strip()]
    src = pdfium.PdfDocument(data)
    out = pdfium.PdfDocument.new()
    redacted = 0
    try:
        for n in range(len(src)):
            page = src[n]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            hits = _hits(text, terms)
            if not hits:
                out.import_pages(src, [n])
                continue
            boxes = [textpage.get_charbox(i) for hit in hits for i in hit]
            picture = _picture_page(page, boxes)
            width, height = page.get_size()
            new = out.new_page(width, height)
            image = pdfium.PdfImage.new(out)
            jpeg = io.BytesIO()
            picture.save(jpeg, format="JPEG", quality=JPEG_QUALITY)  # type: ignore[attr-defined]
            jpeg.seek(0)
            image.load_jpeg(jpeg, inline=True)
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            new.insert_obj(image)
            new.gen_content()
            redacted += 1
        if not redacted:
            return data, 0
        buffer = io.BytesIO()
        out.save(buffer)
        return buffer.getvalue(), redacted
    finally:
        out.close()
        src.close()
