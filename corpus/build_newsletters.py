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
from pathlib import Path
from typing import Any

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

SOURCES = HERE / "sources" / "newsletters"
PDF_DIR = HERE / "pdf"
GOLD_DIR = HERE / "gold"
FIXED_DATE = dt.datetime(2025, 1, 1, 12, 0, 0)
AUTHOR = "Region Jönköpings län – Bästa platsen"

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


def render_reportlab(src: dict[str, Any], out: Path) -> None:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A3, A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Frame,
        FrameBreak,
        KeepTogether,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
        Spacer,
    )

    rl_config.invariant = 1
    lay = src.get("layout") or {}
    font_dir = Path("/usr/share/fonts/truetype")
    family = lay.get("font", "liberation")
    faces = {
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
    }[family]
    reg, bold, ital = (f"NB-{family}", f"NB-{family}-Bold", f"NB-{family}-Italic")
    for name, file in zip((reg, bold, ital), faces, strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(font_dir / file)))
    pdfmetrics.registerFontFamily(reg, normal=reg, bold=bold, italic=ital, boldItalic=bold)
    # Headings and banner use the same family's bold face.

    accent = colors.HexColor(lay.get("accent", "#1f5c7a"))
    box_bg = colors.HexColor(lay.get("sidebar_bg", "#e4eef2"))
    size = A3 if lay.get("page_size", "A4") == "A3" else A4
    width, height = size
    margin = 15 * mm
    gap = 6 * mm
    banner_h = lay.get("banner_mm", 34) * mm
    footer_h = 12 * mm
    header_h = 12 * mm
    base = lay.get("font_size", 9.6 if size == A4 else 10.5)
    lead = base * 1.32

    body = ParagraphStyle(
        "body",
        fontName=reg,
        fontSize=base,
        leading=lead,
        spaceAfter=base * 0.55,
        alignment=TA_LEFT,
        hyphenationLang="sv",
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
    )
    if lay.get("justify"):
        body.alignment = 4
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
    )
    h_sub = ParagraphStyle(
        "hsub",
        parent=body,
        fontName=bold,
        fontSize=base * 1.02,
        leading=lead,
        spaceBefore=base * 0.2,
        spaceAfter=base * 0.1,
        hyphenationLang="",
    )
    h_sec = ParagraphStyle(
        "hsec", parent=h_ex, fontSize=base * 1.15, textColor=colors.black, keepWithNext=1
    )
    h_ex.keepWithNext = 1
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

    def esc(text: str) -> str:
        return html.escape(text, quote=False)

    n_first = int(lay.get("columns_first", 2))
    n_later = int(lay.get("columns", 2))
    side_w = lay.get("sidebar_mm", 55) * mm
    side_pos = lay.get("sidebar", "right")
    top_first = height - margin - banner_h - 4 * mm
    bottom = margin + footer_h
    top_later = height - margin - header_h

    def columns(x0: float, x1: float, n: int, top: float, prefix: str) -> list[Frame]:
        w = (x1 - x0 - gap * (n - 1)) / n
        return [
            Frame(
                x0 + i * (w + gap),
                bottom,
                w,
                top - bottom,
                id=f"{prefix}{i}",
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
            for i in range(n)
        ]

    if side_pos == "left":
        side_x = margin
        body_x0, body_x1 = margin + side_w + gap, width - margin
    else:
        side_x = width - margin - side_w
        body_x0, body_x1 = margin, width - margin - side_w - gap
    pad = 4 * mm
    side_frame = Frame(
        side_x,
        bottom,
        side_w,
        top_first - bottom,
        id="sidebar",
        leftPadding=pad,
        rightPadding=pad,
        topPadding=pad,
        bottomPadding=pad,
    )
    first_frames = [side_frame] + columns(body_x0, body_x1, n_first, top_first, "c")
    later_frames = columns(margin, width - margin, n_later, top_later, "l")

    def footer(canvas: Any, page: int) -> None:
        canvas.setFont(reg, base * 0.85)
        canvas.setFillColor(colors.HexColor("#555555"))
        foot = src.get("footer", "Bästa platsen – barn och unga")
        canvas.drawString(margin, margin + 3 * mm, foot)
        canvas.drawRightString(width - margin, margin + 3 * mm, f"Sida {page}")
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(0.6)
        canvas.line(margin, margin + 8 * mm, width - margin, margin + 8 * mm)

    def on_first(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(accent)
        canvas.rect(
            margin, height - margin - banner_h, width - 2 * margin, banner_h, stroke=0, fill=1
        )
        canvas.setFillColor(colors.white)
        title_size = base * 2.1
        while canvas.stringWidth(src["title"], bold, title_size) > width - 2 * margin - 12 * mm:
            title_size -= 0.5
        canvas.setFont(bold, title_size)
        canvas.drawString(margin + 6 * mm, height - margin - 13 * mm, src["title"])
        canvas.setFont(reg, base * 1.25)
        if src.get("subtitle"):
            canvas.drawString(margin + 6 * mm, height - margin - 21 * mm, src["subtitle"])
        canvas.setFont(bold, base * 1.25)
        canvas.drawString(margin + 6 * mm, height - margin - 29 * mm, src["date_text"])
        canvas.setFillColor(box_bg)
        canvas.rect(side_x, bottom, side_w, top_first - bottom, stroke=0, fill=1)
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(1.2)
        canvas.line(side_x, top_first, side_x + side_w, top_first)
        footer(canvas, doc.page)
        canvas.restoreState()

    def on_later(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(bold, base * 0.9)
        canvas.setFillColor(accent)
        canvas.drawString(margin, height - margin - 5 * mm, src.get("header", src["title"]))
        canvas.setFont(reg, base * 0.9)
        canvas.drawRightString(width - margin, height - margin - 5 * mm, src["date_text"])
        canvas.setStrokeColor(accent)
        canvas.line(margin, height - margin - 8 * mm, width - margin, height - margin - 8 * mm)
        footer(canvas, doc.page)
        canvas.restoreState()

    story: list[Any] = [NextPageTemplate("later")]
    side_story: list[Any] = []
    for box in src.get("sidebar") or []:
        side_story.append(Paragraph(esc(box["heading"]), box_h))
        side_story += [Paragraph(esc(t), box_p) for t in as_list(box.get("text"))]
    inner_w, inner_h = side_w - 2 * pad, top_first - bottom - 2 * pad
    needed = sum(
        f.wrap(inner_w, inner_h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in side_story
    )
    if needed > inner_h:
        raise ValueError(f"sidebar text needs {needed:.0f} pt, the box holds {inner_h:.0f} pt")
    story += side_story
    story.append(FrameBreak())
    if src.get("intro_heading"):
        story.append(Paragraph(esc(src["intro_heading"]), h_sec))
    story += [Paragraph(esc(t), body) for t in as_list(src.get("intro"))]
    for ex in src["examples"]:
        if ex.get("style", "inline") == "inline":
            paras = as_list(ex.get("paragraphs"))
            first = f"<b>{esc(ex['title'])}</b> – {esc(paras[0])}"
            story.append(Spacer(1, base * 0.4))
            story.append(Paragraph(first, body))
            story += [Paragraph(esc(t), body) for t in paras[1:]]
        else:
            story.append(CondPageBreak(base * 8))
            story.append(Paragraph(esc(ex["title"]), h_ex))
            story += [Paragraph(esc(t), body) for t in as_list(ex.get("paragraphs"))]
            for sec in ex.get("sections") or []:
                texts = as_list(sec.get("text"))
                story.append(
                    KeepTogether(
                        [Paragraph(esc(sec["heading"]), h_sub), Paragraph(esc(texts[0]), body)]
                    )
                )
                story += [Paragraph(esc(t), body) for t in texts[1:]]
    if src.get("contacts"):
        story.append(Paragraph(esc(src.get("contacts_heading", "Kontakt")), h_sec))
        for c in src["contacts"]:
            line = (
                f"<b>{esc(c['name'])}</b>, {esc(c['role'])}<br/>"
                f"{esc(c['email'])}, {esc(c['phone'])}"
            )
            story.append(Paragraph(line, small))
    if src.get("meetings"):
        story.append(Paragraph(esc(src.get("meetings_heading", "Kommande träffar")), h_sec))
        story += [Paragraph("• " + esc(t), small) for t in as_list(src["meetings"])]
    story += [Paragraph(esc(t), body) for t in as_list(src.get("closing"))]

    doc = BaseDocTemplate(
        str(out),
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=src["title"] + " – " + src["date_text"],
        author=AUTHOR,
        subject=src.get("subtitle", ""),
        creator="Bästa platsen",
        producer="reportlab",
        lang="sv-SE",
    )
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


def render_weasyprint(src: dict[str, Any], out: Path) -> None:
    from weasyprint import HTML

    lay = src.get("layout") or {}
    variant = lay.get("variant", "columns")
    page_size = lay.get("page_size", "A4")
    side_pos = lay.get("sidebar", "right")
    params = {
        "size": page_size,
        "header": css_string(src.get("header", src["title"])),
        "footer": css_string(src.get("footer", "Bästa platsen – barn och unga")),
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
    css = (WP_BASE_CSS + WP_VARIANT_CSS[variant]) % params
    css += lay.get("extra_css", "")

    def e(text: str) -> str:
        return html.escape(text, quote=False)

    parts = [
        f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
        f"<title>{e(src['title'])} – {e(src['date_text'])}</title>"
        f'<meta name="author" content="{html.escape(AUTHOR)}">'
        f'<meta name="generator" content="Bästa platsen">'
        f"<style>{css}</style></head><body>"
    ]
    parts.append(f'<div class="banner"><h1>{e(src["title"])}</h1>')
    if src.get("subtitle"):
        parts.append(f'<p class="sub">{e(src["subtitle"])}</p>')
    parts.append(f'<p class="date">{e(src["date_text"])}</p></div>')
    parts.append('<div class="flow">')
    aside = ["<aside>"]
    for box in src.get("sidebar") or []:
        aside.append(f"<h3>{e(box['heading'])}</h3>")
        aside += [f"<p>{e(t)}</p>" for t in as_list(box.get("text"))]
    aside.append("</aside>")
    parts += aside
    if src.get("intro_heading"):
        parts.append(f'<h2 class="plain">{e(src["intro_heading"])}</h2>')
    parts += [f"<p>{e(t)}</p>" for t in as_list(src.get("intro"))]
    for ex in src["examples"]:
        parts.append('<section class="example">')
        if ex.get("style", "inline") == "inline":
            paras = as_list(ex.get("paragraphs"))
            parts.append(f'<p class="ex"><b>{e(ex["title"])}</b> – {e(paras[0])}</p>')
            parts += [f"<p>{e(t)}</p>" for t in paras[1:]]
        else:
            parts.append(f"<h2>{e(ex['title'])}</h2>")
            parts += [f"<p>{e(t)}</p>" for t in as_list(ex.get("paragraphs"))]
            for sec in ex.get("sections") or []:
                parts.append(f"<h4>{e(sec['heading'])}</h4>")
                parts += [f"<p>{e(t)}</p>" for t in as_list(sec.get("text"))]
        parts.append("</section>")
    if src.get("contacts"):
        parts.append(
            f'<div class="contacts"><h2 class="plain">'
            f"{e(src.get('contacts_heading', 'Kontakt'))}</h2>"
        )
        for c in src["contacts"]:
            parts.append(
                f"<p><b>{e(c['name'])}</b>, {e(c['role'])}<br>{e(c['email'])}, {e(c['phone'])}</p>"
            )
        parts.append("</div>")
    if src.get("meetings"):
        parts.append(
            f'<div class="meetings"><h2 class="plain">'
            f"{e(src.get('meetings_heading', 'Kommande träffar'))}</h2>"
        )
        parts += [f"<p>• {e(t)}</p>" for t in as_list(src["meetings"])]
        parts.append("</div>")
    parts += [f"<p>{e(t)}</p>" for t in as_list(src.get("closing"))]
    parts.append("</div></body></html>")
    document = HTML(string="".join(parts), base_url=str(HERE)).render()
    document.metadata.created = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
    document.metadata.modified = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
    document.write_pdf(str(out), identifier=b"bastaplatsen-" + out.stem.encode())


def css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


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
