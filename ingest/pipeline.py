"""The whole ingestion of one PDF, in process: checks, layout, OCR, segmentation, metadata, tags."""

from __future__ import annotations

import hashlib
import io
import logging
import re
import threading
from pathlib import Path

import pypdfium2 as pdfium

from ingest import checks, formats, meta, ocr, office, progress
from ingest.errors import (
    CorruptPdfError,
    EncryptedPdfError,
    IngestError,
    NoPagesError,
    TooManyPagesError,
)
from ingest.extract import PageContent, read_pages
from ingest.footnotes import drop_note_calls, footnotes
from ingest.headings import assign_levels
from ingest.ids import document_id_for
from ingest.layout import Block, Line, blocks_from_lines, body_size, page_lines
from ingest.model import Document, Example, Section
from ingest.running import drop_running
from ingest.segment import (
    Segmented,
    block_text,
    is_meeting_list,
    join_heading_fragments,
    segment_newsletter,
    segment_poster,
    side_by_side_columns,
    stack_title_lines,
    table_heads_as_text,
)
from ingest.segment.programme import line_signs
from ingest.tables import cells_from_rules, rows_read_across
from ingest.tagging import tag_document
from ingest.tagging.language import with_language_warning
from ingest.tagging.pipeline import forget_short_texts
from ingest.text import join_lines, set_vocabulary

MAX_PAGES = 200
MAX_OCR_PAGES = 20
# Share of the page height at the top of the first page and at the foot of every page where a
# masthead or footer line may state the document's date.
EDGE_TOP = 0.2
EDGE_FOOT = 0.12
# The blocks at the end of the text that may be its footer.
LAST_BLOCKS = 3
_PDFIUM_LOCK = threading.Lock()


ENCRYPTED_MESSAGE = (
    "PDF-filen är lösenordsskyddad och kan inte läsas. Ta bort lösenordet och ladda upp filen igen."
)
CORRUPT_MESSAGE = "PDF-filen är skadad eller ofullständig och kan inte läsas."
NO_PAGES_MESSAGE = "PDF-filen innehåller inga sidor."


def open_pdf(data: bytes, max_pages: int = MAX_PAGES) -> pdfium.PdfDocument:
    """Open PDF bytes with pdfium, translating its failures into ingest errors."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # pdfium's error code can be stale (a previous file's), so ask a second parser why
        raise _diagnose(data, max_pages) from exc


def _diagnose(data: bytes, max_pages: int) -> IngestError:
    """Why pdfium refused a file, according to pdfminer."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings are ours to give
    declared: object = None
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        pages_node = resolve1(document.catalog.get("Pages"))
        declared = resolve1(pages_node.get("Count")) if isinstance(pages_node, dict) else None
        count = 0
        for _ in PDFPage.create_pages(document):
            count += 1
            if count > max_pages:
                return TooManyPagesError(
                    f"PDF-filen har fler än {max_pages} sidor; "
                    f"högst {max_pages} sidor kan läsas in."
                )
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return EncryptedPdfError(ENCRYPTED_MESSAGE)
    except Exception:  # noqa: BLE001 - pdfminer's syntax errors and everything else
        return _encrypted_or_corrupt(data)
    if count == 0 and declared == 0:
        return NoPagesError(NO_PAGES_MESSAGE)
    return _encrypted_or_corrupt(data)


# an encryption dictionary referenced from a trailer or cross-reference stream: pdfminer may
# rebuild a broken xref table without it, pdfium then (rightly) asks for a password
_ENCRYPT_REF = re.compile(rb"/Encrypt\s*\d+\s+\d+\s+R")


def _encrypted_or_corrupt(data: bytes) -> IngestError:
    if _ENCRYPT_REF.search(data) or re.search(rb"/Encrypt\s", data[-4096:]) \
            or b"/Encrypt" in data[:4096]:
        return EncryptedPdfError(ENCRYPTED_MESSAGE)
    return CorruptPdfError(CORRUPT_MESSAGE)


def _export_days(pdf: pdfium.PdfDocument) -> set[str]:
    """The days the PDF was made and last changed, from its metadata ("YYYY-MM-DD"). They say
    when it was exported, never what it is about: only a date field that printed that moment
    into the text is recognised by them."""
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - metadata is only a hint
        return set()
    days: set[str] = set()
    for key in ("CreationDate", "ModDate"):
        m = re.search(r"((?:19|20)\d{2})(\d{2})(\d{2})", info.get(key, ""))
        if m:
            days.add(f"{m[1]}-{m[2]}-{m[3]}")
    return days


def _unbox_heading_bars(blocks: list[Block]) -> None:
    """A frame around nothing but a heading is a coloured heading bar, not a sidebar."""
    by_box: dict[tuple[int, int], list[Block]] = {}
    for block in blocks:
        if block.box is not None:
            by_box.setdefault((block.page, block.box), []).append(block)
    for members in by_box.values():
        if len(members) == 1 and members[0].heading_level and len(members[0].words) <= 20:
            members[0].box = None


def _title_block(blocks: list[Block]) -> Block | None:
    """The largest text on the first page (the banner title)."""
    first = [b for b in blocks if b.page == blocks[0].page and b.heading_level] if blocks else []
    if not first:
        return None
    top = max(first, key=lambda b: (round(b.size, 1), -b.lines[0].top))
    return top if top.heading_level == 1 else None


MASTHEAD_BODIES = 1.5  # a masthead's type is at least this many times the body's


def _masthead(
    furniture: list[Line], pages: list[PageContent], title_block: Block | None, body: float
) -> str:
    """The newsletter's name set in the page header, repeated on every page (so split off as a
    running header) and larger than any heading of the first page: the document's title."""
    first = pages[0] if pages else None
    heads = [line for line in furniture if first and line.page == first.number
             and line.bottom < 0.5 * first.height and line.size >= MASTHEAD_BODIES * body
             and (title_block is None or line.size > 1.05 * title_block.size)]
    return join_lines([max(heads, key=lambda line: line.size).text]) if heads else ""


def forget_texts() -> None:
    """Drop what is kept between documents about texts already read (the signs of a line, parsed
    titles and hints), for benchmarks that read the same files again: a real ingest sees each
    document once."""
    line_signs.cache_clear()
    forget_short_texts()


def read_pdf(path: Path, filename: str | None = None, max_pages: int = MAX_PAGES) -> Document:
    """Read one PDF into a Document (examples, context, kind, date) and tag its examples."""
    path = Path(path)
    checks.check_file(path)
    data = path.read_bytes()
    checks.check_bytes(data)
    return read_bytes(data, filename or path.name, max_pages=max_pages)


def read_bytes(data: bytes, filename: str, max_pages: int = MAX_PAGES) -> Document:
    """Read a PDF or an office file (DOCX, PPTX, ODT, ODP: turned into PDF by LibreOffice first)
    into a tagged Document (``filename`` is kept and used as a hint)."""
    fmt = formats.detect(data)
    if not fmt.is_office:
        return _read_pdf_bytes(data, filename, hashlib.sha256(data).hexdigest(), max_pages)
    progress.report(progress.CONVERTING)
    pdf = office.to_pdf(data, fmt)
    doc = _read_pdf_bytes(pdf, filename, hashlib.sha256(data).hexdigest(), max_pages)
    doc.source_format = fmt.name
    doc.rendition = pdf
    return doc


def _read_pdf_bytes(data: bytes, filename: str, sha: str, max_pages: int) -> Document:
    with _PDFIUM_LOCK:  # pdfium is not thread-safe
        pdf = open_pdf(data, max_pages)
        try:
            count = len(pdf)
            if count == 0:
                raise NoPagesError(NO_PAGES_MESSAGE)
            if count > max_pages:
                raise TooManyPagesError(
                    f"PDF-filen har {count} sidor; högst {max_pages} sidor kan läsas in."
                )
            try:
                pages = read_pages(pdf)
            except pdfium.PdfiumError as exc:
                raise CorruptPdfError("En sida i PDF-filen är skadad och kan inte läsas.") from exc
            pages, skipped = _readable(pages)
            ocr_pages, warnings = _ocr_scans(pdf, pages)
            if _read_title_picture(pdf, pages[0]):
                warnings.append(TITLE_PICTURE_WARNING)
            warnings = skipped + warnings
            exported = _export_days(pdf)
        finally:
            pdf.close()
    doc = build_document(pages, filename, sha, exported)
    doc.ocr_pages = ocr_pages
    doc.warnings.extend(warnings)
    progress.report(progress.TAGGING)
    tag_document(doc)
    doc.warnings = with_language_warning(doc.warnings, doc.language)
    return doc


def _readable(pages: list[PageContent]) -> tuple[list[PageContent], list[str]]:
    """The pages pdfium could load, and a warning for each one it could not; a file with no
    readable page at all is corrupt."""
    readable = [p for p in pages if not p.unreadable]
    if not readable:
        raise CorruptPdfError("Ingen sida i PDF-filen kan läsas; filen är skadad.")
    warnings = [f"Sida {p.number} är skadad och kunde inte läsas; resten av filen lästes in."
                for p in pages if p.unreadable]
    return readable, warnings


def _ocr_scans(pdf: pdfium.PdfDocument, pages: list[PageContent]) -> tuple[list[int], list[str]]:
    """Read image-only pages with OCR (at most MAX_OCR_PAGES); returns pages and warnings."""
    done: list[int] = []
    skipped: list[int] = []
    for content in pages:
        if not ocr.needs_ocr(content.char_count, content.image_area, content.small_paths):
            continue
        if len(done) >= MAX_OCR_PAGES:
            skipped.append(content.number)
            continue
        progress.report(progress.OCR, content.number, len(pages))
        page = pdf[content.number - 1]
        try:
            content.words = ocr.page_words(page, content.number)
        finally:
            page.close()
        content.boxes = content.rules = []
        content.ocr = True
        done.append(content.number)
    warnings = []
    if done:
        warnings.append(
            f"{_pages_sv(done).capitalize()} saknade textlager och lästes med textigenkänning "
            "(OCR); texten kan innehålla fel."
        )
    if skipped:
        warnings.append(
            f"{_pages_sv(skipped).capitalize()} saknar textlager och lästes inte: högst "
            f"{MAX_OCR_PAGES} sidor per fil läses med textigenkänning."
        )
    return done, warnings


TITLE_PICTURE_TOP = 0.3  # a title picture stands in this top share of the first page
TITLE_PICTURE_WIDTH = 0.4  # spans at least this share of its width
BIG_TYPE = 1.5  # type this many times the text's usual size is a title's


TITLE_PICTURE_WARNING = (
    "Rubriken på första sidan är en bild och lästes med textigenkänning (OCR); den kan "
    "innehålla fel."
)


def _read_title_picture(pdf: pdfium.PdfDocument, content: PageContent) -> bool:
    """A first page whose text layer has no title (nothing in big type) but a wide picture at
    its top with no text over it: the picture is a title exported as an image, and OCR's
    words of it join the page's words (as a scan's would). Whether it was read."""
    sizes = sorted(w.size for w in content.words)
    if content.ocr or not sizes or sizes[-1] >= BIG_TYPE * sizes[len(sizes) // 2]:
        return False
    pictures = [p for p in content.pictures
                if p.top < TITLE_PICTURE_TOP * content.height
                and p.x1 - p.x0 >= TITLE_PICTURE_WIDTH * content.width
                and not any(p.contains((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2)
                            for w in content.words)]
    if not pictures:
        return False
    page = pdf[content.number - 1]
    try:
        title = min(pictures, key=lambda p: p.top)
        words = ocr.picture_words(page, content.number, title)
    finally:
        page.close()
    content.words = [*words, *content.words]
    return bool(words)


def _pages_sv(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"sidan {numbers[0]}"
    shown = ", ".join(str(n) for n in numbers[:10]) + (" …" if len(numbers) > 10 else "")
    return f"sidorna {shown}"


def build_document(
    pages: list[PageContent], filename: str, sha: str, exported: set[str] | None = None
) -> Document:
    """Words of every page → lines in reading order → blocks → examples, context, metadata."""
    lines, furniture, body = _reading_lines(pages)
    blocks = side_by_side_columns(table_heads_as_text(
        stack_title_lines(join_heading_fragments(_blocks(lines, body)), body)))
    title_block = _title_block(blocks)
    title = block_text(title_block) if title_block else ""
    notes = footnotes(blocks, {p.number: p.height for p in pages}, body)
    text_blocks = [b for b in blocks if all(b is not n for n in notes)]
    drop_note_calls(text_blocks, notes)
    seg, kind = _segment(text_blocks, title_block, title, pages, filename)
    if notes:
        seg.context.append(Section("Fotnoter", "\n".join(block_text(b) for b in notes)))
    if furniture:
        text = "\n".join(join_lines([line.text]) for line in furniture)
        seg.context.append(Section(heading="Sidhuvud och sidfot", text=text))
    doc_id = document_id_for(sha)
    title = _masthead(furniture, pages, title_block, body) or title
    if not title:
        title = seg.examples[0].title if kind == "poster" and seg.examples else Path(filename).stem
    upcoming = [s.text for s in seg.context if is_meeting_list(s.text)]
    edges = _edge_texts(blocks, pages, furniture, body)
    date = meta.find_date(_head_texts(title, blocks), edges, filename, upcoming, exported,
                          _opening_texts(blocks, title_block), _first_texts(blocks))
    examples = _examples(seg, doc_id)
    return Document(
        warnings=_warnings(lines, examples),
        id=doc_id,
        filename=filename,
        title=title,
        kind=kind,  # type: ignore[arg-type]
        date=date,
        pages=len(pages),
        sha256=sha,
        context=seg.context,
        examples=examples,
    )


def _reading_lines(pages: list[PageContent]) -> tuple[list[Line], list[Line], float]:
    """Every page's lines in reading order without running headers and footers; those, and the
    body text size."""
    per_page: list[list[Line]] = []
    region = 0
    for content in pages:
        cells_from_rules(content)
        lines = rows_read_across(page_lines(content, start_region=region))
        region = max((line.region for line in lines), default=region) + 1
        per_page.append(lines)
    body = body_size([line for page in per_page for line in page])
    per_page, furniture = drop_running(per_page, [p.height for p in pages], body)
    return [line for page in per_page for line in page], furniture, body


def _blocks(lines: list[Line], body: float) -> list[Block]:
    """Paragraphs and headings with their levels (the document's words decide hyphens)."""
    set_vocabulary(line.text for line in lines)
    blocks = blocks_from_lines(lines, body)
    assign_levels(blocks, body)
    _unbox_heading_bars(blocks)
    return blocks


def _segment(
    blocks: list[Block],
    title_block: Block | None,
    title: str,
    pages: list[PageContent],
    filename: str,
) -> tuple[Segmented, str]:
    """Examples and context, cut by the document's kind; a document with two examples or more
    is a newsletter."""
    first_text = " ".join(block_text(b) for b in blocks if b.page == 1)
    headings = [block_text(b) for b in blocks if b.heading_level]
    size = (pages[0].width, pages[0].height) if pages else (595.0, 842.0)
    kind = meta.guess_kind(first_text, headings, len(pages), filename, size)
    if kind == "poster":
        return segment_poster(blocks, title_block, title or Path(filename).stem), kind
    seg = segment_newsletter(blocks, title_block)
    if kind == "document" and len(seg.examples) >= 2:
        kind = "newsletter"
    return seg, kind


def _head_texts(title: str, blocks: list[Block]) -> list[str]:
    """The title and the texts of the title area, where a date is looked for first."""
    head_texts = [title]
    for block in blocks[:8]:
        if not block.heading_level and len(block.words) > 25:
            break  # the title area ends where running text begins
        head_texts.append(block_text(block))
    return head_texts


OPENING_BLOCKS = 2


def _opening_texts(blocks: list[Block], title_block: Block | None) -> list[str]:
    """The running text that opens the document: the first paragraphs of the first page, not
    framed, before the first heading that follows them (a poster's panels, a newsletter's
    sections)."""
    texts: list[str] = []
    for block in blocks:
        if block.page != blocks[0].page or len(texts) >= OPENING_BLOCKS:
            break
        if block.heading_level or block is title_block:
            if texts:
                break
            continue
        if block.box is None:
            texts.append(block_text(block))
    return texts


MAIL_HEADER_BLOCKS = 16


def _first_texts(blocks: list[Block]) -> list[str]:
    """The first blocks of the first page, where a mail client prints an e-mail's header
    ("Från:", "Skickat:", "Till:", "Ämne:"), its labels and values maybe in cells of their own."""
    first = [b for b in blocks if b.page == blocks[0].page] if blocks else []
    return [block_text(b) for b in first[:MAIL_HEADER_BLOCKS]]


def _edge_texts(
    blocks: list[Block], pages: list[PageContent], furniture: list[Line], body: float
) -> list[str]:
    """Where a masthead or a footer states the date: the running headers and footers, the blocks
    at the top of the first page and those at the foot of every page, and small print among the
    last blocks of the text (an e-mail's footer ends the text, wherever the page ends)."""
    heights = {p.number: p.height for p in pages}
    first = pages[0].number if pages else 1
    texts = [line.text for line in furniture]
    texts += [block_text(b) for b in blocks[-LAST_BLOCKS:] if b.size < 0.95 * body]
    for block in blocks:
        height = heights.get(block.page) or 0.0
        at_top = block.page == first and block.lines[0].top < EDGE_TOP * height
        at_foot = block.lines[-1].bottom > (1 - EDGE_FOOT) * height
        if height and (at_top or at_foot):
            texts.append(block_text(block))
    return texts


def _examples(seg: Segmented, doc_id: str) -> list[Example]:
    return [
        Example(
            id=f"{doc_id}-{n}",
            document_id=doc_id,
            title=draft.title,
            text="\n\n".join(draft.parts),
            sections=draft.sections,
            pages=sorted(draft.pages),
            review_reasons=list(draft.review),
        )
        for n, draft in enumerate(seg.examples, start=1)
    ]


def _warnings(lines: list[Line], examples: list[Example]) -> list[str]:
    if not lines:
        return ["PDF-filen innehåller ingen läsbar text."]
    if not examples:
        return ["Inga exempel hittades i dokumentet; texten finns under sammanhang."]
    unsure = [e for e in examples if e.review_reasons]
    if not unsure:
        return []
    which = "; ".join(f"{e.title} ({', '.join(e.review_reasons)})" for e in unsure[:5])
    more = " …" if len(unsure) > 5 else ""
    count = "Ett exempel" if len(unsure) == 1 else f"{len(unsure)} exempel"
    return [f"{count} kan vara fel avgränsade och bör granskas: {which}{more}."]
