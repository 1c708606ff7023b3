"""Characters, words and boxes of one PDF page, read through pdfium.

Coordinates are PDF points measured from the top-left corner of the page (``top`` grows
downwards), like most layout code expects.
"""

from __future__ import annotations

import array
import ctypes
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest import progress
from ingest.structure import Cell, table_cells
from ingest.unicode import clean_word, is_noncharacter

BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demibold", "extrabold", "ultrabold")
FORCE_BOLD_FLAG = 1 << 18
LIGATURES = {
    0xFB00: "ff",
    0xFB01: "fi",
    0xFB02: "fl",
    0xFB03: "ffi",
    0xFB04: "ffl",
    0xFB05: "st",
    0xFB06: "st",
}
# code units that separate words
SPACES = frozenset((32, 13, 10, 9, 0, 0xA0, 0xFFFE, 0x2002, 0x2003, 0x2009))
# code units that are no text: zero-width characters, control codes (pdfium's 2 is a hyphen)
# and the noncharacters of the Basic Multilingual Plane
DROPPED = frozenset(
    (0x200B, 0xFEFF, 0xFFFF, 1, *range(3, 32), *range(0xFDD0, 0xFDF0))
) - SPACES


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    page: int
    # where the glyphs stand (their origin): boxes vary with the glyphs, all the more where a
    # font's descriptor gives no ascent and descent (LibreOffice); None when unknown (OCR)
    baseline: float | None = None
    # the page's text objects (one per text-showing operator, in content-stream order) that
    # hold the word's first and last character; -1 when unknown
    run: int = -1
    run_end: int = -1
    # (table, row, column) of the table cell a tagged PDF puts the word in (ingest/structure.py)
    cell: tuple[int, int, int] | None = None


@dataclass(slots=True)
class Box:
    """A filled or stroked rectangle that frames text (sidebar, poster panel, banner)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def area(self) -> float:
        return (self.x1 - self.x0) * (self.bottom - self.top)

    def contains(self, x: float, y: float, pad: float = 1.0) -> bool:
        return self.x0 - pad <= x <= self.x1 + pad and self.top - pad <= y <= self.bottom + pad


@dataclass(slots=True)
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    # thin stroked or filled lines (a table's ruling): horizontal ones and vertical ones
    rules: list[Box] = field(default_factory=list)
    image_area: float = 0.0  # share of the page covered by images (0..1)
    pictures: list[Box] = field(default_factory=list)  # where the images stand
    small_paths: int = 0  # glyph-sized vector shapes (text converted to outlines)
    ocr: bool = False
    unreadable: bool = False  # pdfium could not load the page: it is left out

    @property
    def char_count(self) -> int:
        return sum(len(w.text) for w in self.words)


def _untyped(function: object, restype: type) -> Callable[..., object]:
    """A pdfium function without argument types, called per character with the text page as a
    ``c_void_p``, the index as an int and a rectangle's address as a ``c_void_p``: the typed
    binding checks and converts its arguments on every call, which costs more than the call."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


# each character's code unit, loose box (into an FS_RECTF) and text object, as a plain address
# (None for characters pdfium made up), which tells text objects apart faster than pointers
_unicode = _untyped(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_loose_box = _untyped(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_text_object = _untyped(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_RECT = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom
# Code units pdfium's whole-text call does not give as the per-character call does (a hyphen
# that ends a line comes as 0xFFFE, characters beyond U+FFFF as surrogates): asked for again.
_ASK_AGAIN = frozenset({0, 0xFFFE, *range(0xD800, 0xE000)})


def _page_codes(raw: pdfium_c.FPDF_TEXTPAGE, count: int) -> array.array:
    """Every character's code unit from one call; all 0 (to be asked for character by
    character) when the text does not come out as one unit per character."""
    buffer = (ctypes.c_ushort * (count + 1))()
    if count == 0 or pdfium_c.FPDFText_GetText(raw, 0, count, buffer) != count + 1:
        return array.array("H", bytes(2 * count))
    return array.array("H", bytes(buffer))[:count]
# the character each plain code unit reads as (filled as the codes are met)
_PLAIN: dict[int, str] = {}


class _FontCache:
    def __init__(self) -> None:
        self.buf = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()
        self.bold: dict[bytes, bool] = {}

    def is_bold(self, textpage: pdfium_c.FPDF_TEXTPAGE, index: int) -> bool:
        pdfium_c.FPDFText_GetFontInfo(textpage, index, self.buf, 256, self.flags)
        name = self.buf.value
        bold = self.bold.get(name)
        if bold is None:
            lower = name.decode("latin-1").lower()
            bold = any(marker in lower for marker in BOLD_MARKERS)
            if not bold:
                bold = bool(self.flags.value & FORCE_BOLD_FLAG)
            if not bold:
                weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
                bold = weight >= 600
            self.bold[name] = bold
        return bold


def _starts_char(code: int, chars: list[str], spaced: bool) -> bool:
    """Whether a surrogate or astral code unit starts a character of its own (with its own
    box). pdfium gives an emoji as two entries, its UTF-16 halves, with the same box: the
    high half starts the character, the low half right after it completes it in place.
    Unpaired halves, noncharacters and codes beyond Unicode are dropped (a high half whose
    partner never comes is removed from its word by ``clean_word``)."""
    if code < 0xDC00:
        return True  # a high half
    if code < 0xE000:  # a low half
        if chars and not spaced and "\ud800" <= chars[-1] <= "\udbff":
            joined = 0x10000 + ((ord(chars[-1]) - 0xD800) << 10) + (code - 0xDC00)
            if is_noncharacter(joined):
                chars.pop()
            else:
                chars[-1] = chr(joined)
        return False
    return code <= 0x10FFFF and not is_noncharacter(code)


class _Runs:
    """The text objects of one text page, one per text-showing operator: for each, its number
    in content-stream order, font size, boldness and baseline (None where the text is turned).

    Font size and font are the same for every character of a text object, so they are asked
    for once per object instead of once per character."""

    def __init__(self, raw: pdfium_c.FPDF_TEXTPAGE, height: float, fonts: _FontCache) -> None:
        self.raw = raw
        self.height = height
        self.fonts = fonts
        self.seen: dict[int, tuple[int, float, bool, float | None]] = {}
        self.objects: list[int] = []  # each text object's address, by its number
        self.x = ctypes.c_double()
        self.y = ctypes.c_double()
        self.matrix = pdfium_c.FS_MATRIX()

    def of(self, address: int | None, index: int) -> tuple[int, float, bool, float | None]:
        """Number, size, boldness and baseline of the text object at ``address`` (None for a
        character pdfium made up), which holds character ``index``."""
        info = self.seen.get(address) if address else None
        if info is None:
            raw = self.raw
            size = pdfium_c.FPDFText_GetFontSize(raw, index)
            bold = self.fonts.is_bold(raw, index)
            baseline: float | None = None
            pdfium_c.FPDFText_GetMatrix(raw, index, self.matrix)
            if abs(self.matrix.b) < 1e-6 and abs(self.matrix.c) < 1e-6:
                pdfium_c.FPDFText_GetCharOrigin(raw, index, self.x, self.y)
                baseline = self.height - self.y.value
            info = (len(self.seen) if address else -1, size, bold, baseline)
            if address:
                self.seen[address] = info
                self.objects.append(address)
        return info


def _page_words(page: pdfium.PdfPage, number: int, height: float, fonts: _FontCache) -> list[Word]:
    """The page's words: characters that sit close together on one line, between spaces; in a
    tagged PDF's table, each with its cell."""
    textpage = page.get_textpage()
    try:
        runs = _Runs(textpage.raw, height, fonts)
        words = _read_words(textpage.raw, number, height, runs)
    finally:
        textpage.close()
    cells = table_cells(page)
    if cells:
        _place_in_cells(words, runs.objects, cells)
    return words


def _read_words(raw: pdfium_c.FPDF_TEXTPAGE, number: int, height: float, runs: _Runs) -> list[Word]:
    """The words of a text page, character by character (ingestion's hot loop: the word being
    read is kept in local variables, a text object is looked up only when it changes)."""
    textpage, rect = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value), pdfium_c.FS_RECTF()
    rect_address, read_rect = ctypes.c_void_p(ctypes.addressof(rect)), _RECT.unpack_from
    words: list[Word] = []
    chars: list[str] = []  # the word being read; its box, size, baseline and runs:
    x0 = top = x1 = bottom = size = fsize = 0.0
    base, c_base = None, None  # the word's baseline and the character's: None where turned
    first_run = run = run_end = -1
    # spaced: a space since the word's last character; last_object: the text object read last
    bold_chars, bold, spaced, last_object = 0, False, False, 0
    codes = _page_codes(raw, pdfium_c.FPDFText_CountChars(raw))
    for i, code in enumerate(codes):
        if code in _ASK_AGAIN:
            code = _unicode(textpage, i)
        char = _PLAIN.get(code)
        if char is None:
            char, spaced = _unusual_char(code, chars, spaced)
            if char is None:
                continue
        _loose_box(textpage, i, rect_address)
        left, c_top, right, c_bottom = read_rect(rect)
        c_top, c_bottom = height - c_top, height - c_bottom
        address = _text_object(textpage, i)
        if address != last_object or not address:
            run, fsize, bold, c_base = runs.of(address, i)
            last_object = address
        height_box = c_bottom - c_top
        c_size = fsize
        if c_size <= 0 or height_box > 2.5 * c_size or height_box < 0.4 * c_size:
            c_size = height_box / 1.15 if height_box > 0 else c_size
        if chars:
            gap = left - x1
            limit = 0.35 * (c_size if c_size > size else size)
            if c_base is not None and base is not None:
                same_line = abs(c_base - base) < limit
            else:
                same_line = abs(c_top - top) < limit
            # another line, a gap, or a real space (punctuation set in another font stays)
            if (not same_line or gap > 0.25 * c_size or gap < -2.0 * c_size) or (
                spaced and not (char in ",.;:!?)" and gap < 0.12 * c_size)
            ):
                _end_word(words, chars, bold_chars, Word(
                    "", x0, top, x1, bottom, size, False, number, base, first_run, run_end))
        if not chars:
            x0, top, x1, bottom, size = left, c_top, right, c_bottom, c_size
            base, first_run, bold_chars = c_base, run, 0
        else:
            x1 = right if right > x1 else x1
            top = c_top if c_top < top else top
            bottom = c_bottom if c_bottom > bottom else bottom
            size = c_size if c_size > size else size
        run_end = run
        bold_chars += bold
        chars.append(char)
        spaced = False
    _end_word(words, chars, bold_chars, Word(
        "", x0, top, x1, bottom, size, False, number, base, first_run, run_end))
    return words


def _place_in_cells(words: list[Word], objects: list[int], cells: dict[int, Cell]) -> None:
    """Each word's table cell, from the marked-content id of its first text object."""
    of_run = [cells.get(pdfium_c.FPDFPageObj_GetMarkedContentID(
        ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT))) for address in objects]
    for word in words:
        if 0 <= word.run < len(of_run):
            word.cell = of_run[word.run]


def _unusual_char(code: int, chars: list[str], spaced: bool) -> tuple[str | None, bool]:
    """What a code unit not (yet) in ``_PLAIN`` reads as, None for nothing (a space, a dropped
    code, a low surrogate half that completes the last character of ``chars`` in place), and
    whether a space has come since the last character. Plain characters are added to
    ``_PLAIN``; pdfium reports a hyphen that ends a line as 0x02."""
    if code in SPACES:
        return None, True
    if code in DROPPED:
        return None, spaced
    if 0xD800 <= code < 0xE000 or code > 0xFFFF:
        return (chr(code) if _starts_char(code, chars, spaced) else None), spaced
    char = "-" if code == 2 else LIGATURES.get(code) or chr(code)
    _PLAIN[code] = char
    return char, spaced


def _end_word(words: list[Word], chars: list[str], bold_chars: int, word: Word) -> None:
    """Add the word being read (``chars``, with the box, size and runs of ``word``) to
    ``words``, and empty ``chars`` for the next one."""
    if chars:
        text = "".join(chars)
        if not text.isascii():
            text = clean_word(text)
        if text:
            word.text = text
            # half of it is enough: a number ending a bold run-in title, its full stop set in
            # normal weight ("i årskurs 7."), is bold
            word.bold = bold_chars * 2 >= len(chars)
            words.append(word)
        chars.clear()


def _merge_boxes(rects: list[Box]) -> list[Box]:
    """Union rectangles that touch (several paragraph backgrounds make one sidebar)."""
    boxes = sorted(rects, key=lambda b: (b.top, b.x0))
    merged = True
    while merged:
        merged = False
        out: list[Box] = []
        for box in boxes:
            for other in out:
                if (
                    box.x0 <= other.x1 + 3
                    and other.x0 <= box.x1 + 3
                    and box.top <= other.bottom + 3
                    and other.top <= box.bottom + 3
                    and abs(box.x0 - other.x0) < 3
                    and abs(box.x1 - other.x1) < 3
                ):
                    other.x0 = min(other.x0, box.x0)
                    other.x1 = max(other.x1, box.x1)
                    other.top = min(other.top, box.top)
                    other.bottom = max(other.bottom, box.bottom)
                    merged = True
                    break
            else:
                out.append(Box(box.x0, box.top, box.x1, box.bottom))
        boxes = out
    return boxes


_KINDS = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE)
FORM_DEPTH = 3  # forms within forms are opened this deep


def _paths_and_images(
    parent: pdfium_c.FPDF_PAGE | pdfium_c.FPDF_PAGEOBJECT, form: bool = False, level: int = 0
) -> Iterator[tuple[int, pdfium_c.FPDF_PAGEOBJECT, tuple[float, float, float, float]]]:
    """(type, object, (left, bottom, right, top)) of the paths and images of a page (or of a form
    object, ``form``) in content-stream order, those of its forms where they stand (what
    pypdfium2's ``get_objects`` gives, without a wrapper per object)."""
    count_objects = pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects
    get_object = pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject
    count = count_objects(parent)
    if count < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    bounds = [ctypes.c_float() for _ in range(4)]
    for i in range(count):
        obj = get_object(parent, i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind in _KINDS:
            if not pdfium_c.FPDFPageObj_GetBounds(obj, *bounds):
                raise pdfium.PdfiumError("Failed to locate pageobject.")
            yield kind, obj, (bounds[0].value, bounds[1].value, bounds[2].value, bounds[3].value)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < FORM_DEPTH - 1:
            yield from _paths_and_images(obj, True, level + 1)


RULE_WIDTH = 2.5  # points: a line no thicker is a rule
RULE_LENGTH = 8.0  # points: and at least this long


def _page_boxes(
    page: pdfium.PdfPage, width: float, height: float, pictures: list[Box]
) -> tuple[list[Box], list[Box], float, int]:
    """The page's frames, its rules (thin lines), the share of it covered by images and the
    count of glyph-sized shapes; the images' rectangles are added to ``pictures``."""
    rects: list[Box] = []
    rules: list[Box] = []
    image_area = 0.0
    small = 0
    page_area = width * height
    fill_mode = ctypes.c_int()
    stroke = ctypes.c_int()
    for kind, obj, (left, bottom, right, top) in _paths_and_images(page.raw):
        w, h = right - left, top - bottom
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            image_area += max(w, 0) * max(h, 0) / page_area
            pictures.append(Box(left, height - top, right, height - bottom))
            continue
        box = Box(left, height - top, right, height - bottom)
        if min(w, h) <= RULE_WIDTH and max(w, h) >= RULE_LENGTH and _drawn(obj, fill_mode, stroke):
            rules.append(box)
        if w < 40 or h < 14 or w * h > 0.6 * page_area:
            small += w < 40 and h < 40
            continue
        if _drawn(obj, fill_mode, stroke):
            rects.append(box)
    return _drop_table_cells(_merge_boxes(rects)), rules, min(image_area, 1.0), small


def _drawn(obj: pdfium_c.FPDF_PAGEOBJECT, fill_mode: ctypes.c_int, stroke: ctypes.c_int) -> bool:
    pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
    return bool(fill_mode.value or stroke.value)


def _drop_table_cells(boxes: list[Box]) -> list[Box]:
    """Rectangles that sit edge to edge beside each other are table cells, not frames."""
    cells: set[int] = set()
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
            side_by_side = abs(a.x1 - b.x0) < 2 or abs(b.x1 - a.x0) < 2
            if side_by_side and overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top):
                cells.update((i, j))
    return [box for i, box in enumerate(boxes) if i not in cells]


def read_pages(pdf: pdfium.PdfDocument) -> list[PageContent]:
    """Words (with font size and boldness) and framing boxes of every page. A page pdfium
    cannot load is marked ``unreadable`` and the others are still read."""
    fonts = _FontCache()
    pages: list[PageContent] = []
    for index in range(len(pdf)):
        progress.report(progress.PAGES, index + 1, len(pdf))
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            pages.append(PageContent(index + 1, 0.0, 0.0, unreadable=True))
            continue
        try:
            width, height = page.get_size()
            content = PageContent(index + 1, width, height)
            content.words = _page_words(page, index + 1, height, fonts)
            content.boxes, content.rules, content.image_area, content.small_paths = _page_boxes(
                page, width, height, content.pictures
            )
        finally:
            page.close()
        pages.append(content)
    return pages
