"""Render the sample newsletters of corpus/sources/newsletters/*.yaml into PDFs plus gold JSON.

Usage: .venv/bin/python corpus/build_newsletters.py [NAME ...]

Each YAML source holds the newsletter's texts (banner, intro, sidebar box, team examples,
contacts, coming meetings), its layout and, per example, the gold annotations. The script
renders the PDF with reportlab or WeasyPrint (as the source says), then derives the gold JSON:
the example pages are found in the rendered text and every anchor and context phrase is checked
against both the source text and the PDF. Any mismatch stops the build.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import (  # noqa: E402
    TAG_KEYS,
    check_gold_against_text,
    find_phrase_pages,
    pdf_page_count,
    pdf_page_texts,
    phrase_key,
    write_gold,
)

if TYPE_CHECKING:
    from reportlab.lib.colors import Color
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Flowable, Frame

SOURCES = HERE / "sources" / "newsletters"
PDF_DIR = HERE / "pdf"
GOLD_DIR = HERE / "gold"
FIXED_DATE = dt.datetime(2025, 1, 1, 12, 0, 0)
AUTHOR = "Region Jönköpings län – Bästa platsen"
DEFAULT_FOOTER = "Bästa platsen – barn och unga"

GOLD_KEYS = (*TAG_KEYS, "anchors")


# --------------------------------------------------------------------------- source helpers


def as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def load_source(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def example_source_text(ex: dict[str, Any]) -> str:
    """The example's whole text in reading order, as written in the source."""
    parts = [ex["title"]]
    parts += as_list(ex.get("paragraphs"))
    for sec in ex.get("sections") or []:
        parts.append(sec["heading"])
        parts += as_list(sec.get("text"))
    return "\n".join(parts)


def context_source_text(src: dict[str, Any]) -> str:
    """Everything of the newsletter that is not an example."""
    parts = [src["title"], src.get("subtitle", ""), src["date_text"], src.get("header", "")]
    parts.append(src.get("intro_heading", ""))
    parts += as_list(src.get("intro"))
    for box in src.get("sidebar") or []:
        parts.append(box["heading"])
        parts += as_list(box.get("text"))
    parts.append(src.get("contacts_heading", ""))
    for c in src.get("contacts") or []:
        parts.append(f"{c['name']}, {c['role']} {c['email']}, {c['phone']}")
    parts.append(src.get("meetings_heading", ""))
    parts += as_list(src.get("meetings"))
    parts += as_list(src.get("closing"))
    return "\n".join(p for p in parts if p)


def last_words(text: str, n: int = 7) -> str:
    return " ".join(text.split()[-n:])


# --------------------------------------------------------------------------- reportlab

RL_FONT_DIR = Path("/usr/share/fonts/truetype")
# Regular, bold and italic face of each font family a layout may name (layout.font).
RL_FONT_FILES = {
    "liberation": (
        "liberation/LiberationSans-Regular.ttf",
        "liberation/LiberationSans-Bold.ttf",
        "liberation/LiberationSans-Italic.ttf",
    ),
    "serif": (
        "liberation/LiberationSerif-Regular.ttf",
        "liberation/LiberationSerif-Bold.ttf",
        "liberation/LiberationSerif-Italic.ttf",
    ),
    "dejavu": (
        "dejavu/DejaVuSans.ttf",
        "dejavu/DejaVuSans-Bold.ttf",
        "dejavu/DejaVuSans-Oblique.ttf",
    ),
}

# The records below are NamedTuples, not dataclasses: the tests load this file through importlib
# without registering it in sys.modules, and @dataclass looks its module up there.


class RLPage(NamedTuple):
    """Where things go on a reportlab newsletter page, in points."""

    size: tuple[float, float]
    width: float
    height: float
    margin: float
    gap: float  # between columns
    banner_h: float
    bottom: float  # bottom of the text frames, above the footer
    top_first: float  # top of page 1's frames, under the banner
    top_later: float  # top of the later pages' frames, under the running header
    side_x: float
    side_w: float
    side_pad: float  # padding inside the sidebar box
    body_x0: float  # page 1's body columns run from body_x0 to body_x1
    body_x1: float


class RLStyles(NamedTuple):
    """Fonts, colours and paragraph styles of a reportlab newsletter."""

    regular: str  # font names
    bold: str
    base: float  # body font size
    accent: Color
    box_bg: Color
    body: ParagraphStyle
    h_ex: ParagraphStyle  # example title
    h_sub: ParagraphStyle  # section heading inside an example
    h_sec: ParagraphStyle  # newsletter section heading (intro, contacts, meetings)
    box_h: ParagraphStyle  # sidebar heading
    box_p: ParagraphStyle  # sidebar text
    small: ParagraphStyle  # contacts and meetings


def esc(text: str) -> str:
    """Escape text for reportlab paragraph markup and for HTML element content."""
    return html.escape(text, quote=False)


def rl_register_fonts(family: str) -> tuple[str, str]:
    """Register a font family once per process; return its regular and bold font names."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    faces = RL_FONT_FILES[family]
    reg, bold, ital = (f"NB-{family}", f"NB-{family}-Bold", f"NB-{family}-Italic")
    for name, file in zip((reg, bold, ital), faces, strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(RL_FONT_DIR / file)))
    pdfmetrics.registerFontFamily(reg, normal=reg, bold=bold, italic=ital, boldItalic=bold)
    # Headings and banner use the same family's bold face.
    return reg, bold


def rl_page(lay: dict[str, Any]) -> RLPage:
    """The page geometry the layout asks for (page size, banner height, sidebar side and width)."""
    from reportlab.lib.pagesizes import A3, A4
    from reportlab.lib.units import mm

    size = A3 if lay.get("page_size", "A4") == "A3" else A4
    width, height = size
    margin = 15 * mm
    gap = 6 * mm
    banner_h = lay.get("banner_mm", 34) * mm
    footer_h = 12 * mm
    header_h = 12 * mm
    side_w = lay.get("sidebar_mm", 55) * mm
    if lay.get("sidebar", "right") == "left":
        side_x = margin
        body_x0, body_x1 = margin + side_w + gap, width - margin
    else:
        side_x = width - margin - side_w
        body_x0, body_x1 = margin, width - margin - side_w - gap
    return RLPage(
        size=size,
        width=width,
        height=height,
        margin=margin,
        gap=gap,
        banner_h=banner_h,
        bottom=margin + footer_h,
        top_first=height - margin - banner_h - 4 * mm,
        top_later=height - margin - header_h,
        side_x=side_x,
        side_w=side_w,
        side_pad=4 * mm,
        body_x0=body_x0,
        body_x1=body_x1,
    )


def rl_styles(lay: dict[str, Any], size: tuple[float, float], regular: str, bold: str) -> RLStyles:
    """Colours and paragraph styles; the font size defaults by page size."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4

    accent = colors.HexColor(lay.get("accent", "#1f5c7a"))
    box_bg = colors.HexColor(lay.get("sidebar_bg", "#e4eef2"))
    base = lay.get("font_size", 9.6 if size == A4 else 10.5)
    body = rl_body_style(lay, regular, base)
    h_ex, h_sub, h_sec = rl_heading_styles(body, bold, base, accent)
    box_h, box_p, small = rl_small_styles(body, bold, base, accent)
    return RLStyles(
        regular, bold, base, accent, box_bg, body, h_ex, h_sub, h_sec, box_h, box_p, small
    )


def rl_body_style(lay: dict[str, Any], regular: str, base: float) -> ParagraphStyle:
    """Body text: hyphenated Swedish, left-aligned or (layout.justify) justified."""
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=base,
        leading=base * 1.32,
        spaceAfter=base * 0.55,
        alignment=TA_JUSTIFY if lay.get("justify") else TA_LEFT,
        hyphenationLang="sv",
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
    )


def rl_heading_styles(
    body: ParagraphStyle, bold: str, base: float, accent: Color
) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """Example title, heading inside an example, newsletter section heading (not hyphenated)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    h_ex = ParagraphStyle(
        "hex",
        parent=body,
        fontName=bold,
        fontSize=base * 1.3,
        leading=base * 1.6,
        textColor=accent,
        spaceBefore=base * 0.8,
        spaceAfter=base * 0.3,
        hyphenationLang="",
        keepWithNext=1,
    )
    h_sub = ParagraphStyle(
        "hsub",
        parent=body,
        fontName=bold,
        fontSize=base * 1.02,
        leading=base * 1.32,
        spaceBefore=base * 0.2,
        spaceAfter=base * 0.1,
        hyphenationLang="",
    )
    h_sec = ParagraphStyle("hsec", parent=h_ex, fontSize=base * 1.15, textColor=colors.black)
    return h_ex, h_sub, h_sec


def rl_small_styles(
    body: ParagraphStyle, bold: str, base: float, accent: Color
) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """Sidebar heading, sidebar text, and the small text of contacts and meetings."""
    from reportlab.lib.styles import ParagraphStyle

    box_h = ParagraphStyle(
        "boxh",
        parent=body,
        fontName=bold,
        fontSize=base * 1.02,
        textColor=accent,
        spaceBefore=base * 0.5,
        spaceAfter=base * 0.2,
        hyphenationLang="",
    )
    box_p = ParagraphStyle("boxp", parent=body, fontSize=base * 0.93, leading=base * 1.25)
    small = ParagraphStyle(
        "small",
        parent=body,
        fontSize=base * 0.9,
        leading=base * 1.2,
        spaceAfter=base * 0.35,
        hyphenationLang="",
    )
    return box_h, box_p, small


def rl_columns(page: RLPage, x0: float, x1: float, n: int, top: float, prefix: str) -> list[Frame]:
    """n unpadded column frames between x0 and x1, from top down to the footer."""
    from reportlab.platypus import Frame

    w = (x1 - x0 - page.gap * (n - 1)) / n
    return [
        Frame(
            x0 + i * (w + page.gap),
            page.bottom,
            w,
            top - page.bottom,
            id=f"{prefix}{i}",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        for i in range(n)
    ]


def rl_frames(page: RLPage, lay: dict[str, Any]) -> tuple[list[Frame], list[Frame]]:
    """The frames of page 1 (sidebar, then body columns) and of the later pages."""
    from reportlab.platypus import Frame

    pad = page.side_pad
    side_frame = Frame(
        page.side_x,
        page.bottom,
        page.side_w,
        page.top_first - page.bottom,
        id="sidebar",
        leftPadding=pad,
        rightPadding=pad,
        topPadding=pad,
        bottomPadding=pad,
    )
    n_first = int(lay.get("columns_first", 2))
    n_later = int(lay.get("columns", 2))
    body = rl_columns(page, page.body_x0, page.body_x1, n_first, page.top_first, "c")
    later = rl_columns(page, page.margin, page.width - page.margin, n_later, page.top_later, "l")
    return [side_frame, *body], later


def rl_footer(
    canvas: Canvas, page_no: int, src: dict[str, Any], page: RLPage, st: RLStyles
) -> None:
    """Every page's footer: footer text, page number and a rule above them."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    width, margin = page.width, page.margin
    canvas.setFont(st.regular, st.base * 0.85)
    canvas.setFillColor(colors.HexColor("#555555"))
    foot = src.get("footer", DEFAULT_FOOTER)
    canvas.drawString(margin, margin + 3 * mm, foot)
    canvas.drawRightString(width - margin, margin + 3 * mm, f"Sida {page_no}")
    canvas.setStrokeColor(st.accent)
    canvas.setLineWidth(0.6)
    canvas.line(margin, margin + 8 * mm, width - margin, margin + 8 * mm)


def rl_banner(canvas: Canvas, src: dict[str, Any], page: RLPage, st: RLStyles) -> None:
    """Page 1's banner: title (shrunk until it fits), subtitle and date on the accent colour."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    width, height, margin, banner_h = page.width, page.height, page.margin, page.banner_h
    canvas.setFillColor(st.accent)
    canvas.rect(margin, height - margin - banner_h, width - 2 * margin, banner_h, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    title_size = st.base * 2.1
    while canvas.stringWidth(src["title"], st.bold, title_size) > width - 2 * margin - 12 * mm:
        title_size -= 0.5
    canvas.setFont(st.bold, title_size)
    canvas.drawString(margin + 6 * mm, height - margin - 13 * mm, src["title"])
    canvas.setFont(st.regular, st.base * 1.25)
    if src.get("subtitle"):
        canvas.drawString(margin + 6 * mm, height - margin - 21 * mm, src["subtitle"])
    canvas.setFont(st.bold, st.base * 1.25)
    canvas.drawString(margin + 6 * mm, height - margin - 29 * mm, src["date_text"])


def rl_first_page(
    canvas: Canvas, doc: BaseDocTemplate, src: dict[str, Any], page: RLPage, st: RLStyles
) -> None:
    """Draw page 1's fixed parts: banner, sidebar background and footer."""
    canvas.saveState()
    rl_banner(canvas, src, page, st)
    canvas.setFillColor(st.box_bg)
    canvas.rect(
        page.side_x, page.bottom, page.side_w, page.top_first - page.bottom, stroke=0, fill=1
    )
    canvas.setStrokeColor(st.accent)
    canvas.setLineWidth(1.2)
    canvas.line(page.side_x, page.top_first, page.side_x + page.side_w, page.top_first)
    rl_footer(canvas, doc.page, src, page, st)
    canvas.restoreState()


def rl_later_page(
    canvas: Canvas, doc: BaseDocTemplate, src: dict[str, Any], page: RLPage, st: RLStyles
) -> None:
    """Draw a later page's fixed parts: running header (title and date) and footer."""
    from reportlab.lib.units import mm

    width, height, margin = page.width, page.height, page.margin
    canvas.saveState()
    canvas.setFont(st.bold, st.base * 0.9)
    canvas.setFillColor(st.accent)
    canvas.drawString(margin, height - margin - 5 * mm, src.get("header", src["title"]))
    canvas.setFont(st.regular, st.base * 0.9)
    canvas.drawRightString(width - margin, height - margin - 5 * mm, src["date_text"])
    canvas.setStrokeColor(st.accent)
    canvas.line(margin, height - margin - 8 * mm, width - margin, height - margin - 8 * mm)
    rl_footer(canvas, doc.page, src, page, st)
    canvas.restoreState()


def rl_sidebar(src: dict[str, Any], page: RLPage, st: RLStyles) -> list[Flowable]:
    """The sidebar boxes' paragraphs; raises ValueError if they overflow page 1's sidebar."""
    from reportlab.platypus import Paragraph

    story: list[Flowable] = []
    for box in src.get("sidebar") or []:
        story.append(Paragraph(esc(box["heading"]), st.box_h))
        story += [Paragraph(esc(t), st.box_p) for t in as_list(box.get("text"))]
    inner_w = page.side_w - 2 * page.side_pad
    inner_h = page.top_first - page.bottom - 2 * page.side_pad
    needed = sum(
        f.wrap(inner_w, inner_h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story
    )
    if needed > inner_h:
        raise ValueError(f"sidebar text needs {needed:.0f} pt, the box holds {inner_h:.0f} pt")
    return story


def rl_example(ex: dict[str, Any], st: RLStyles) -> list[Flowable]:
    """One example: 'inline' runs the bold title into its first paragraph, else headings."""
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

    if ex.get("style", "inline") == "inline":
        paras = as_list(ex.get("paragraphs"))
        first = f"<b>{esc(ex['title'])}</b> – {esc(paras[0])}"
        story: list[Flowable] = [Spacer(1, st.base * 0.4), Paragraph(first, st.body)]
        return story + [Paragraph(esc(t), st.body) for t in paras[1:]]
    story = [CondPageBreak(st.base * 8), Paragraph(esc(ex["title"]), st.h_ex)]
    story += [Paragraph(esc(t), st.body) for t in as_list(ex.get("paragraphs"))]
    for sec in ex.get("sections") or []:
        texts = as_list(sec.get("text"))
        story.append(
            KeepTogether(
                [Paragraph(esc(sec["heading"]), st.h_sub), Paragraph(esc(texts[0]), st.body)]
            )
        )
        story += [Paragraph(esc(t), st.body) for t in texts[1:]]
    return story


def rl_contacts_and_meetings(src: dict[str, Any], st: RLStyles) -> list[Flowable]:
    """The contact list and the coming meetings, each under its heading, if the source has them."""
    from reportlab.platypus import Paragraph

    story: list[Flowable] = []
    if src.get("contacts"):
        story.append(Paragraph(esc(src.get("contacts_heading", "Kontakt")), st.h_sec))
        for c in src["contacts"]:
            line = (
                f"<b>{esc(c['name'])}</b>, {esc(c['role'])}<br/>"
                f"{esc(c['email'])}, {esc(c['phone'])}"
            )
            story.append(Paragraph(line, st.small))
    if src.get("meetings"):
        story.append(Paragraph(esc(src.get("meetings_heading", "Kommande träffar")), st.h_sec))
        story += [Paragraph("• " + esc(t), st.small) for t in as_list(src["meetings"])]
    return story


def rl_story(src: dict[str, Any], page: RLPage, st: RLStyles) -> list[Flowable]:
    """All flowing text in order: sidebar, then intro, examples, contacts, meetings, closing."""
    from reportlab.platypus import FrameBreak, NextPageTemplate, Paragraph

    story = [NextPageTemplate("later"), *rl_sidebar(src, page, st), FrameBreak()]
    if src.get("intro_heading"):
        story.append(Paragraph(esc(src["intro_heading"]), st.h_sec))
    story += [Paragraph(esc(t), st.body) for t in as_list(src.get("intro"))]
    for ex in src["examples"]:
        story += rl_example(ex, st)
    story += rl_contacts_and_meetings(src, st)
    story += [Paragraph(esc(t), st.body) for t in as_list(src.get("closing"))]
    return story


def rl_document(src: dict[str, Any], out: Path, page: RLPage) -> BaseDocTemplate:
    """The document with its PDF metadata; the page templates are added by the caller."""
    from reportlab.platypus import BaseDocTemplate

    return BaseDocTemplate(
        str(out),
        pagesize=page.size,
        leftMargin=page.margin,
        rightMargin=page.margin,
        topMargin=page.margin,
        bottomMargin=page.margin,
        title=src["title"] + " – " + src["date_text"],
        author=AUTHOR,
        subject=src.get("subtitle", ""),
        creator="Bästa platsen",
        producer="reportlab",
        lang="sv-SE",
    )


def render_reportlab(src: dict[str, Any], out: Path) -> None:
    """Render the newsletter with reportlab: banner and sidebar on page 1, columns throughout."""
    from reportlab import rl_config
    from reportlab.platypus import PageTemplate

    rl_config.invariant = 1
    lay = src.get("layout") or {}
    regular, bold = rl_register_fonts(lay.get("font", "liberation"))
    page = rl_page(lay)
    st = rl_styles(lay, page.size, regular, bold)
    first_frames, later_frames = rl_frames(page, lay)
    story = rl_story(src, page, st)
    doc = rl_document(src, out, page)
    on_first = partial(rl_first_page, src=src, page=page, st=st)
    on_later = partial(rl_later_page, src=src, page=page, st=st)
    doc.addPageTemplates(
        [
            PageTemplate("first", frames=first_frames, onPage=on_first),
            PageTemplate("later", frames=later_frames, onPage=on_later),
        ]
    )
    doc.build(story)


# --------------------------------------------------------------------------- WeasyPrint

WP_BASE_CSS = """
@page {
  size: %(size)s; margin: 20mm 16mm 20mm 16mm;
  @top-left { content: "%(header)s"; font: bold 8pt %(font)s; color: %(accent)s;
              vertical-align: bottom; padding-bottom: 2mm; }
  @top-right { content: "%(date)s"; font: 8pt %(font)s; color: #555;
               vertical-align: bottom; padding-bottom: 2mm; }
  @bottom-center { content: "Sida " counter(page) " av " counter(pages);
                   font: 8pt %(font)s; color: #555; }
  @bottom-left { content: "%(footer)s"; font: 8pt %(font)s; color: #555; }
}
@page :first { @top-left { content: none } @top-right { content: none } }
html { font-family: %(font)s; font-size: %(fs)spt; line-height: 1.35; }
p { margin: 0 0 0.55em 0; hyphens: auto; orphans: 2; widows: 2; }
p.ex { margin-top: 0.7em; }
.banner { background: %(accent)s; color: white; padding: 5mm 6mm; margin-bottom: 5mm; }
.banner h1 { font-size: 19pt; margin: 0 0 1.5mm 0; line-height: 1.15; }
.banner .sub { font-size: 11pt; margin: 0; }
.banner .date { font-size: 11pt; font-weight: bold; margin: 1.5mm 0 0 0; }
aside { background: %(box)s; padding: 4mm; border-top: 1.2mm solid %(accent)s; }
aside h3 { font-size: 1em; color: %(accent)s; margin: 0.6em 0 0.2em 0; letter-spacing: 0.04em; }
aside h3:first-child { margin-top: 0; }
aside p { font-size: 0.93em; }
h2 { font-size: 1.3em; color: %(accent)s; margin: 0.9em 0 0.3em 0; break-after: avoid;
     line-height: 1.2; }
h2.plain { color: #222; }
h4 { font-size: 1.02em; margin: 0.4em 0 0.1em 0; break-after: avoid; }
.contacts p, .meetings p { hyphens: manual; font-size: 0.92em; margin-bottom: 0.35em; }
"""

WP_VARIANT_CSS = {
    # The sidebar fills the first column of page 1; the body flows through the other columns.
    "columns": """
.flow { column-count: %(cols)s; column-gap: 6mm; column-fill: auto; }
aside { break-after: column; min-height: %(side_h)smm; box-sizing: border-box; }
""",
    # A full-height box floated beside a single body column on page 1.
    "float": """
aside { float: %(side_pos)s; width: %(side_w)smm; min-height: %(side_h)smm;
        margin-%(side_gap)s: 6mm; box-sizing: border-box; }
aside p { font-size: 0.88em; }
.flow { text-align: justify; }
.flow h2, .flow h4, aside p { text-align: left; }
""",
}


def wp_css(src: dict[str, Any], lay: dict[str, Any]) -> str:
    """The style sheet: base rules, the layout variant's rules, then layout.extra_css."""
    side_pos = lay.get("sidebar", "right")
    params = {
        "size": lay.get("page_size", "A4"),
        "header": css_string(src.get("header", src["title"])),
        "footer": css_string(src.get("footer", DEFAULT_FOOTER)),
        "date": css_string(src["date_text"]),
        "font": lay.get("font", "'Liberation Sans', sans-serif"),
        "fs": lay.get("font_size", 9.5),
        "accent": lay.get("accent", "#6b2d5c"),
        "box": lay.get("sidebar_bg", "#f3e9f0"),
        "cols": lay.get("columns", 3),
        "side_h": lay.get("sidebar_height_mm", 205),
        "side_w": lay.get("sidebar_mm", 60),
        "side_pos": side_pos,
        "side_gap": "left" if side_pos == "right" else "right",
    }
    css = (WP_BASE_CSS + WP_VARIANT_CSS[lay.get("variant", "columns")]) % params
    return css + lay.get("extra_css", "")


def css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def wp_head(src: dict[str, Any], css: str) -> str:
    """The document up to <body>: title, author, generator and the style sheet."""
    return (
        f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
        f"<title>{esc(src['title'])} – {esc(src['date_text'])}</title>"
        f'<meta name="author" content="{html.escape(AUTHOR)}">'
        f'<meta name="generator" content="Bästa platsen">'
        f"<style>{css}</style></head><body>"
    )


def wp_banner(src: dict[str, Any]) -> list[str]:
    """The banner: title, subtitle (if any) and date."""
    parts = [f'<div class="banner"><h1>{esc(src["title"])}</h1>']
    if src.get("subtitle"):
        parts.append(f'<p class="sub">{esc(src["subtitle"])}</p>')
    parts.append(f'<p class="date">{esc(src["date_text"])}</p></div>')
    return parts


def wp_headed(tag: str, heading: str, texts: list[str]) -> list[str]:
    """A heading in ``tag`` and a <p> per text under it."""
    return [f"<{tag}>{esc(heading)}</{tag}>", *(f"<p>{esc(t)}</p>" for t in texts)]


def wp_aside(src: dict[str, Any]) -> list[str]:
    """The sidebar boxes as one <aside>."""
    parts = ["<aside>"]
    for box in src.get("sidebar") or []:
        parts += wp_headed("h3", box["heading"], as_list(box.get("text")))
    parts.append("</aside>")
    return parts


def wp_example(ex: dict[str, Any]) -> list[str]:
    """One example as a <section>: 'inline' runs the bold title into its first paragraph."""
    parts = ['<section class="example">']
    if ex.get("style", "inline") == "inline":
        paras = as_list(ex.get("paragraphs"))
        parts.append(f'<p class="ex"><b>{esc(ex["title"])}</b> – {esc(paras[0])}</p>')
        parts += [f"<p>{esc(t)}</p>" for t in paras[1:]]
    else:
        parts += wp_headed("h2", ex["title"], as_list(ex.get("paragraphs")))
        for sec in ex.get("sections") or []:
            parts += wp_headed("h4", sec["heading"], as_list(sec.get("text")))
    parts.append("</section>")
    return parts


def wp_contacts_and_meetings(src: dict[str, Any]) -> list[str]:
    """The contact list and the coming meetings, each under its heading, if the source has them."""
    parts: list[str] = []
    if src.get("contacts"):
        parts.append(
            f'<div class="contacts"><h2 class="plain">'
            f"{esc(src.get('contacts_heading', 'Kontakt'))}</h2>"
        )
        for c in src["contacts"]:
            parts.append(
                f"<p><b>{esc(c['name'])}</b>, {esc(c['role'])}<br>"
                f"{esc(c['email'])}, {esc(c['phone'])}</p>"
            )
        parts.append("</div>")
    if src.get("meetings"):
        parts.append(
            f'<div class="meetings"><h2 class="plain">'
            f"{esc(src.get('meetings_heading', 'Kommande träffar'))}</h2>"
        )
        parts += [f"<p>• {esc(t)}</p>" for t in as_list(src["meetings"])]
        parts.append("</div>")
    return parts


def wp_html(src: dict[str, Any], css: str) -> str:
    """The newsletter as HTML: the banner, then one flow from the sidebar to the closing words."""
    parts = [wp_head(src, css), *wp_banner(src), '<div class="flow">', *wp_aside(src)]
    if src.get("intro_heading"):
        parts.append(f'<h2 class="plain">{esc(src["intro_heading"])}</h2>')
    parts += [f"<p>{esc(t)}</p>" for t in as_list(src.get("intro"))]
    for ex in src["examples"]:
        parts += wp_example(ex)
    parts += wp_contacts_and_meetings(src)
    parts += [f"<p>{esc(t)}</p>" for t in as_list(src.get("closing"))]
    parts.append("</div></body></html>")
    return "".join(parts)


def render_weasyprint(src: dict[str, Any], out: Path) -> None:
    """Render the newsletter with WeasyPrint, with fixed dates and identifier."""
    from weasyprint import HTML

    css = wp_css(src, src.get("layout") or {})
    document = HTML(string=wp_html(src, css), base_url=str(HERE)).render()
    document.metadata.created = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
    document.metadata.modified = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
    document.write_pdf(str(out), identifier=b"bastaplatsen-" + out.stem.encode())


# --------------------------------------------------------------------------- gold


def example_pages(src: dict[str, Any], page_keys: list[str]) -> list[list[int]]:
    """Pages of every example, found by locating its title and its last words in order."""
    joined = ""
    starts: list[int] = []
    for key in page_keys:
        starts.append(len(joined))
        joined += key + " "

    def page_of(pos: int) -> int:
        page = 1
        for n, start in enumerate(starts, start=1):
            if pos >= start:
                page = n
        return page

    cursor = 0
    result = []
    for ex in src["examples"]:
        title_key = phrase_key(ex["title"])
        begin = joined.find(title_key, cursor)
        if begin < 0:
            raise ValueError(f"{src['file']}: title not found in PDF: {ex['title']!r}")
        text = example_source_text(ex)
        end_key = phrase_key(last_words(text))
        end = joined.find(end_key, begin)
        if end < 0:
            raise ValueError(f"{src['file']}: end of example not found: {end_key!r}")
        result.append(list(range(page_of(begin), page_of(end + len(end_key) - 1) + 1)))
        cursor = end + len(end_key)
    return result


def build_gold(src: dict[str, Any], pdf: Path) -> dict[str, Any]:
    page_keys = [phrase_key(t) for t in pdf_page_texts(pdf)]
    pages = example_pages(src, page_keys)
    context = phrase_key(context_source_text(src))
    ex_texts = [phrase_key(example_source_text(ex)) for ex in src["examples"]]
    examples = []
    for n, (ex, ex_pages) in enumerate(zip(src["examples"], pages, strict=True), start=1):
        gold = ex["gold"]
        for phrase in gold["anchors"]:
            key = phrase_key(phrase)
            if key not in ex_texts[n - 1]:
                raise ValueError(f"{src['file']} example {n}: anchor not in source: {phrase!r}")
            others = [i for i, t in enumerate(ex_texts, start=1) if key in t and i != n]
            if others or key in context:
                raise ValueError(f"{src['file']} example {n}: anchor not unique: {phrase!r}")
        record = {"title": ex["title"]}
        for k in GOLD_KEYS:
            record[k] = gold.get(k, [] if k not in ("team", "stage") else None)
        record["persons"] = [{"name": p["name"], "role": p.get("role")} for p in record["persons"]]
        record["pages"] = ex_pages
        examples.append(record)
    for phrase in src["context_phrases"]:
        key = phrase_key(phrase)
        if key not in context:
            raise ValueError(f"{src['file']}: context phrase not in source: {phrase!r}")
        if any(key in t for t in ex_texts):
            raise ValueError(f"{src['file']}: context phrase inside an example: {phrase!r}")
    lay = src.get("layout") or {}
    return {
        "file": src["file"],
        "kind": "newsletter",
        "title": src["title"],
        "date": str(src["date"]),
        "pages": pdf_page_count(pdf),
        "generator": src["generator"],
        "page_size": lay.get("page_size", "A4"),
        "scanned": False,
        "examples": examples,
        "context_phrases": list(src["context_phrases"]),
    }


def check_later_anchor(gold: dict[str, Any], pdf: Path) -> list[str]:
    """Examples that run over a page break need an anchor from after the break."""
    page_keys = [phrase_key(t) for t in pdf_page_texts(pdf)]
    problems = []
    for ex in gold["examples"]:
        if len(ex["pages"]) < 2:
            continue
        found = {n for phrase in ex["anchors"] for n in find_phrase_pages(phrase, page_keys)}
        if not any(n > ex["pages"][0] for n in found):
            problems.append(f"{ex['title']!r}: no anchor after its page break")
    return problems


def build_one(path: Path, pdf_dir: Path = PDF_DIR, gold_dir: Path = GOLD_DIR) -> dict[str, Any]:
    """Render one source into ``pdf_dir``, check it and write its gold JSON into ``gold_dir``."""
    src = load_source(path)
    pdf = pdf_dir / src["file"]
    pdf_dir.mkdir(parents=True, exist_ok=True)
    if src["generator"] == "reportlab":
        render_reportlab(src, pdf)
    elif src["generator"] == "weasyprint":
        render_weasyprint(src, pdf)
    else:
        raise ValueError(f"unknown generator {src['generator']}")
    first_page = phrase_key(pdf_page_texts(pdf)[0])
    for box in src.get("sidebar") or []:
        for text in as_list(box.get("text")):
            if phrase_key(last_words(text, 5)) not in first_page:
                raise ValueError(f"{src['file']}: sidebar text runs off page 1: {text[:40]!r}")
    gold = build_gold(src, pdf)
    problems = check_gold_against_text(gold, pdf)
    problems += check_later_anchor(gold, pdf)
    if problems:
        raise ValueError(f"{src['file']}: " + "; ".join(problems))
    pages = gold["pages"]
    if not 2 <= pages <= 6:
        raise ValueError(f"{src['file']}: {pages} pages, expected 2–6")
    write_gold(gold_dir / (pdf.stem + ".json"), gold)
    return gold


def main(argv: list[str]) -> int:
    paths = sorted(SOURCES.glob("*.yaml"))
    if argv:
        paths = [p for p in paths if any(a in p.name for a in argv)]
    failed = 0
    for path in paths:
        try:
            gold = build_one(path)
        except Exception as exc:  # report every broken source, then fail
            failed += 1
            print(f"FAIL {path.name}: {exc}", file=sys.stderr)
            continue
        size = (PDF_DIR / gold["file"]).stat().st_size
        print(
            f"{gold['file']}: {gold['generator']}, {gold['page_size']}, {gold['pages']} pages, "
            f"{len(gold['examples'])} examples, {size // 1024} kB"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
