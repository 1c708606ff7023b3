"""Writers of the office originals for corpus/build_office.py: PPTX and ODP posters, DOCX, ODT
and HTML e-mail newsletters, each from one source dict (see corpus/sources/office/README.md).

The files carry fixed metadata (author, dates) so that a rebuild gives the same text.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

AUTHOR = "Region Jönköpings län – Bästa platsen"
FIXED = dt.datetime(2025, 1, 1, 12, 0, 0)
SIZES_MM = {"A4": (210, 297), "A3": (297, 420)}
COLOR = "1F5C8B"
TINT = "E8F0F7"


def page_mm(src: dict[str, Any]) -> tuple[float, float]:
    short, long = SIZES_MM[src["page_size"]]
    return (long, short) if src["orientation"] == "landscape" else (short, long)


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in str(text).split("\n\n") if p.strip()]


# ---------------------------------------------------------------- PPTX poster


def _pptx_text(frame: Any, heading: str | None, text: str, size: float) -> None:
    from pptx.util import Pt

    frame.word_wrap = True
    first = True
    lines = ([(True, heading)] if heading else []) + [(False, p) for p in paragraphs(text)]
    for bold, line in lines:
        para = frame.paragraphs[0] if first else frame.add_paragraph()
        first = False
        run = para.add_run()
        run.text = line
        run.font.bold = bold
        run.font.size = Pt(size + (3 if bold else 0))
        para.space_after = Pt(4)


def _pptx_box(slide: Any, box: dict[str, Any], w: float, h: float, size: float) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Mm

    geom = [Mm(box[k] * (w if k in "xw" else h)) for k in ("x", "y", "w", "h")]
    if box.get("shape"):
        shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *geom)
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(TINT)
        shape.line.color.rgb = RGBColor.from_string(COLOR)
    else:
        shape = slide.shapes.add_textbox(*geom)
    _pptx_text(shape.text_frame, box.get("heading"), box["text"], size)
    shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    for para in shape.text_frame.paragraphs:
        para.alignment = PP_ALIGN.LEFT
        for run in para.runs:
            run.font.color.rgb = RGBColor(0x20, 0x20, 0x20)


def write_pptx(src: dict[str, Any], out: Path) -> None:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Mm, Pt

    w, h = page_mm(src)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Mm(w), Mm(h)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    size = src.get("font_size", 11)
    banner = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Mm(w), Mm(h * src["banner"]["h"]))
    banner.fill.solid()
    banner.fill.fore_color.rgb = RGBColor.from_string(COLOR)
    frame = banner.text_frame
    frame.word_wrap = True
    frame.text = src["banner"]["title"]
    frame.paragraphs[0].runs[0].font.size = Pt(size * 2.4)
    frame.paragraphs[0].runs[0].font.bold = True
    sub = frame.add_paragraph()
    sub.text = src["banner"]["subtitle"]
    sub.runs[0].font.size = Pt(size * 1.4)
    for box in src["boxes"]:
        _pptx_box(slide, box, w, h, size)
    if src.get("table"):
        _pptx_table(slide, src["table"], w, h, size)
    if src.get("picture"):
        _pptx_picture(slide, src["picture"], w, h, out)
    _pptx_box(slide, {**src["footer"], "text": src["footer"]["text"]}, w, h, size - 2)
    props = prs.core_properties
    props.author, props.title = AUTHOR, src["title"]
    props.created = props.modified = FIXED
    props.last_modified_by, props.revision = AUTHOR, 1
    prs.save(str(out))


def _pptx_table(slide: Any, table: dict[str, Any], w: float, h: float, size: float) -> None:
    from pptx.util import Mm, Pt

    rows = table["rows"]
    geom = [Mm(table[k] * (w if k in "xw" else h)) for k in ("x", "y", "w", "h")]
    if table.get("heading"):
        head = slide.shapes.add_textbox(geom[0], geom[1] - Mm(12), geom[2], Mm(10))
        _pptx_text(head.text_frame, table["heading"], "", size)
    shape = slide.shapes.add_table(len(rows), len(rows[0]), *geom)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = str(value)
            for para in cell.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(size)
                    run.font.bold = r == 0


def _picture_png(path: Path, px: tuple[int, int]) -> None:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", px, (214, 228, 240))
    draw = ImageDraw.Draw(img)
    for i in range(0, px[0], 40):
        draw.line([(i, px[1]), (i + px[1] // 2, 0)], fill=(170, 196, 220), width=8)
    draw.ellipse([px[0] // 3, px[1] // 4, px[0] // 3 + px[1] // 2, px[1] // 4 + px[1] // 2],
                 fill=(242, 180, 70))
    img.save(path, format="PNG", optimize=False)


def _pptx_picture(slide: Any, pic: dict[str, Any], w: float, h: float, out: Path) -> None:
    from pptx.util import Mm

    png = out.with_suffix(".picture.png")
    _picture_png(png, (800, 500))
    x, y, pw, ph = (Mm(pic[k] * (w if k in "xw" else h)) for k in ("x", "y", "w", "h"))
    slide.shapes.add_picture(str(png), x, y, pw, ph)
    png.unlink()
    if pic.get("caption"):
        cap = slide.shapes.add_textbox(x, y + ph, pw, Mm(10))
        _pptx_text(cap.text_frame, None, pic["caption"], 9)


# ---------------------------------------------------------------- ODP poster


def _odp_styles(doc: Any, size: float) -> dict[str, Any]:
    from odf.style import GraphicProperties, ParagraphProperties, Style, TextProperties

    def graphic(name: str, fill: str, stroke: str, **extra: str) -> Style:
        style = Style(name=name, family="graphic")
        style.addElement(GraphicProperties(
            fill=fill, fillcolor=f"#{TINT}" if fill == "solid" else None, stroke=stroke,
            strokecolor=f"#{COLOR}", autogrowheight="false", textareaverticalalign="top",
            paddingtop="0.3cm", paddingleft="0.3cm", paddingright="0.3cm", **extra))
        doc.automaticstyles.addElement(style)
        return style

    styles = {"box": graphic("gbox", "solid", "solid"), "free": graphic("gfree", "none", "none")}
    banner = Style(name="gbanner", family="graphic")
    banner.addElement(GraphicProperties(fill="solid", fillcolor=f"#{COLOR}", stroke="none",
                                        textareaverticalalign="middle"))
    doc.automaticstyles.addElement(banner)
    styles["banner"] = banner
    for name, pt, bold, color in (("ph", size + 3, "bold", "#202020"), ("pt", size, "normal",
                                  "#202020"), ("pb", size * 2.4, "bold", "#ffffff"),
                                  ("ps", size * 1.4, "normal", "#ffffff"), ("pf", size - 2,
                                  "normal", "#404040")):
        style = Style(name=name, family="paragraph")
        style.addElement(ParagraphProperties(marginbottom="0.15cm"))
        style.addElement(TextProperties(fontsize=f"{pt:.1f}pt", fontweight=bold, color=color))
        doc.automaticstyles.addElement(style)
        styles[name] = style
    return styles


def _odp_frame(page: Any, st: dict[str, Any], box: dict[str, Any], w: float, h: float,
               pstyle: str = "pt") -> None:
    from odf.draw import Frame, TextBox
    from odf.text import P

    frame = Frame(stylename=st["box" if box.get("shape") else "free"],
                  x=f"{box['x'] * w / 10:.2f}cm", y=f"{box['y'] * h / 10:.2f}cm",
                  width=f"{box['w'] * w / 10:.2f}cm", height=f"{box['h'] * h / 10:.2f}cm")
    textbox = TextBox()
    frame.addElement(textbox)
    if box.get("heading"):
        textbox.addElement(P(stylename=st["ph"], text=box["heading"]))
    for para in paragraphs(box["text"]):
        textbox.addElement(P(stylename=st[pstyle], text=para))
    page.addElement(frame)


def _odp_table(doc: Any, page: Any, st: dict[str, Any], table: dict[str, Any], w: float,
               h: float) -> None:
    from odf.draw import Frame
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    frame = Frame(x=f"{table['x'] * w / 10:.2f}cm", y=f"{table['y'] * h / 10:.2f}cm",
                  width=f"{table['w'] * w / 10:.2f}cm", height=f"{table['h'] * h / 10:.2f}cm")
    grid = Table()
    for _ in table["rows"][0]:
        grid.addElement(TableColumn())
    for r, row in enumerate(table["rows"]):
        tr = TableRow()
        for value in row:
            cell = TableCell()
            cell.addElement(P(stylename=st["ph" if r == 0 else "pt"], text=str(value)))
            tr.addElement(cell)
        grid.addElement(tr)
    frame.addElement(grid)
    page.addElement(frame)


def write_odp(src: dict[str, Any], out: Path) -> None:
    from odf.draw import Page, Rect
    from odf.opendocument import OpenDocumentPresentation
    from odf.style import MasterPage, PageLayout, PageLayoutProperties
    from odf.text import P

    w, h = page_mm(src)
    doc = OpenDocumentPresentation()
    _fixed_odf_meta(doc, src["title"])
    layout = PageLayout(name="poster")
    layout.addElement(PageLayoutProperties(
        pagewidth=f"{w / 10}cm", pageheight=f"{h / 10}cm", printorientation=src["orientation"],
        margintop="0cm", marginbottom="0cm", marginleft="0cm", marginright="0cm"))
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    doc.masterstyles.addElement(master)
    st = _odp_styles(doc, src.get("font_size", 11))
    page = Page(name="Affisch", masterpagename=master)
    doc.presentation.addElement(page)
    banner = Rect(stylename=st["banner"], x="0cm", y="0cm", width=f"{w / 10}cm",
                  height=f"{h * src['banner']['h'] / 10:.2f}cm")
    banner.addElement(P(stylename=st["pb"], text=src["banner"]["title"]))
    banner.addElement(P(stylename=st["ps"], text=src["banner"]["subtitle"]))
    page.addElement(banner)
    for box in src["boxes"]:
        _odp_frame(page, st, box, w, h)
    if src.get("table"):
        _odp_table(doc, page, st, src["table"], w, h)
    _odp_frame(page, st, src["footer"], w, h, "pf")
    doc.save(str(out))


def _fixed_odf_meta(doc: Any, title: str) -> None:
    from odf import dc, meta

    doc.meta.addElement(dc.Title(text=title))
    doc.meta.addElement(dc.Creator(text=AUTHOR))
    doc.meta.addElement(dc.Date(text=FIXED.isoformat()))
    doc.meta.addElement(meta.CreationDate(text=FIXED.isoformat()))


# ---------------------------------------------------------------- DOCX newsletter


def _docx_field(par: Any, instr: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    par._p.append(fld)


def _docx_frame_par(par: Any, width_mm: float) -> None:
    """Make a paragraph part of a floating text frame at the right margin (w:framePr)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = par._p.get_or_add_pPr()
    frame = OxmlElement("w:framePr")
    for key, value in (("w", str(int(width_mm * 56.7))), ("hSpace", "284"), ("wrap", "around"),
                       ("vAnchor", "text"), ("hAnchor", "margin"), ("xAlign", "right"),
                       ("y", "1")):
        frame.set(qn(f"w:{key}"), value)
    ppr.insert(0, frame)
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "8"), ("space", "4"), ("color", COLOR)):
            edge.set(qn(f"w:{key}"), value)
        borders.append(edge)
    ppr.append(borders)
    shade = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", TINT)):
        shade.set(qn(f"w:{key}"), value)
    ppr.append(shade)


def _docx_columns(section: Any, count: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), "567")


def _docx_cell_box(cell: Any, box: dict[str, Any]) -> None:
    cell.paragraphs[0].add_run(box["heading"]).bold = True
    for item in box.get("items", []):
        cell.add_paragraph("• " + item)
    for para in paragraphs(box.get("text", "")):
        cell.add_paragraph(para)


def _docx_block(doc: Any, block: dict[str, Any]) -> None:
    from docx.enum.section import WD_SECTION
    from docx.shared import Pt, RGBColor

    kind = block["type"]
    if kind == "masthead":
        par = doc.add_paragraph()
        run = par.add_run(block["title"])
        run.bold, run.font.size = True, Pt(26)
        run.font.color.rgb = RGBColor.from_string(COLOR)
        for line in block.get("lines", []):
            doc.add_paragraph(line).runs[0].font.size = Pt(12)
    elif kind == "heading":
        doc.add_heading(block["text"], level=block.get("level", 1))
    elif kind == "para":
        par = doc.add_paragraph()
        if block.get("bold"):
            par.add_run(block["bold"]).bold = True
        par.add_run(" ".join(block["text"].split()))
    elif kind == "sidebar":
        for box in block["boxes"]:
            head = doc.add_paragraph()
            head.add_run(box["heading"]).bold = True
            _docx_frame_par(head, block.get("width_mm", 60))
            for text in paragraphs(box["text"]):
                _docx_frame_par(doc.add_paragraph(text), block.get("width_mm", 60))
    elif kind == "two_boxes":
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        _docx_cell_box(table.cell(0, 0), block["left"])
        _docx_cell_box(table.cell(0, 1), block["right"])
    elif kind == "columns":
        _docx_columns(doc.add_section(WD_SECTION.CONTINUOUS), 1)
        for text in block["paras"]:
            doc.add_paragraph(" ".join(text.split()))
        _docx_columns(doc.sections[-1], 2)
        _docx_columns(doc.add_section(WD_SECTION.CONTINUOUS), 1)
    elif kind == "contacts":
        _docx_contacts(doc, block)
    elif kind == "pagebreak":
        doc.add_page_break()
    elif kind in EXTRA_DOCX:
        EXTRA_DOCX[kind](doc, block)


def _docx_contacts(doc: Any, block: dict[str, Any]) -> None:
    rows = [block["header"], *block["rows"]]
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = str(value)
            if r == 0:
                cell.paragraphs[0].runs[0].bold = True


def write_docx(src: dict[str, Any], out: Path) -> None:
    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document()
    doc.styles["Normal"].font.size = Pt(src.get("font_size", 11))
    section = doc.sections[0]
    section.page_width, section.page_height = (Mm(v) for v in page_mm(src))
    for side in ("left", "right", "top", "bottom"):
        setattr(section, f"{side}_margin", Mm(20))
    section.header.paragraphs[0].text = src["header"]
    footer = section.footer.paragraphs[0]
    footer.text = src["footer"] + " · Sida "
    _docx_field(footer, "PAGE")
    footer.add_run(" av ")
    _docx_field(footer, "NUMPAGES")
    for block in src["blocks"]:
        _docx_block(doc, block)
    props = doc.core_properties
    props.author, props.title, props.last_modified_by = AUTHOR, src["title"], AUTHOR
    props.created = props.modified = FIXED
    props.revision = 1
    doc.save(str(out))


# ---------------------------------------------------------------- ODT newsletter


def _odt_styles(doc: Any, size: float) -> dict[str, Any]:
    from odf.style import (
        Columns,
        GraphicProperties,
        ParagraphProperties,
        SectionProperties,
        Style,
        TableColumnProperties,
        TableProperties,
        TextProperties,
    )

    st: dict[str, Any] = {}

    def para(name: str, pt: float, bold: str = "normal", **pp: str) -> None:
        style = Style(name=name, family="paragraph")
        style.addElement(ParagraphProperties(marginbottom="0.2cm", **pp))
        style.addElement(TextProperties(fontsize=f"{pt}pt", fontweight=bold))
        doc.automaticstyles.addElement(style)
        st[name] = style

    para("Body", size)
    para("Mast", size * 2.4, "bold")
    para("H1", size + 5, "bold", margintop="0.4cm")
    para("H2", size + 2, "bold", margintop="0.2cm")
    para("Break", size, breakbefore="page")
    para("Small", size - 1.5)
    bold = Style(name="Bold", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    st["Bold"] = bold
    frame = Style(name="Side", family="graphic")
    frame.addElement(GraphicProperties(
        wrap="parallel", horizontalpos="right", horizontalrel="paragraph", verticalpos="top",
        verticalrel="paragraph", border=f"0.06pt solid #{COLOR}", backgroundcolor=f"#{TINT}",
        padding="0.2cm", marginleft="0.3cm"))
    doc.automaticstyles.addElement(frame)
    st["Side"] = frame
    sect = Style(name="TwoCols", family="section")
    props = SectionProperties()
    props.addElement(Columns(columncount="2", columngap="0.6cm"))
    sect.addElement(props)
    doc.automaticstyles.addElement(sect)
    st["TwoCols"] = sect
    table = Style(name="Tab", family="table")
    table.addElement(TableProperties(width="17cm", align="left"))
    doc.automaticstyles.addElement(table)
    st["Tab"] = table
    col = Style(name="TabCol", family="table-column")
    col.addElement(TableColumnProperties(columnwidth="4cm"))
    doc.automaticstyles.addElement(col)
    st["TabCol"] = col
    return st


def _odt_table(st: dict[str, Any], rows: list[list[Any]], bold_first: bool = True) -> Any:
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    table = Table(stylename=st["Tab"])
    table.addElement(TableColumn(numbercolumnsrepeated=len(rows[0])))
    for r, row in enumerate(rows):
        tr = TableRow()
        for value in row:
            cell = TableCell()
            for n, line in enumerate(value if isinstance(value, list) else [str(value)]):
                head = (bold_first and r == 0) or (n == 0 and isinstance(value, list))
                style = st["H2"] if head else st["Body"]
                cell.addElement(P(stylename=style, text=line))
            tr.addElement(cell)
        table.addElement(tr)
    return table


def _odt_box_lines(box: dict[str, Any]) -> list[str]:
    items = ["• " + i for i in box.get("items", [])]
    return [box["heading"], *items, *paragraphs(box.get("text", ""))]


def _odt_block(doc: Any, st: dict[str, Any], block: dict[str, Any]) -> None:
    from odf.draw import Frame, TextBox
    from odf.text import H, P, Section, Span

    body, kind = doc.text, block["type"]
    if kind == "masthead":
        body.addElement(P(stylename=st["Mast"], text=block["title"]))
        for line in block.get("lines", []):
            body.addElement(P(stylename=st["Body"], text=line))
    elif kind == "heading":
        level = block.get("level", 1)
        body.addElement(H(outlinelevel=level, stylename=st[f"H{level}"], text=block["text"]))
    elif kind == "para":
        par = P(stylename=st["Body"])
        if block.get("bold"):
            par.addElement(Span(stylename=st["Bold"], text=block["bold"]))
        par.addText(" ".join(block["text"].split()))
        body.addElement(par)
    elif kind == "sidebar":
        anchor = P(stylename=st["Body"])
        frame = Frame(stylename=st["Side"], anchortype="paragraph",
                      width=f"{block.get('width_mm', 60) / 10}cm", zindex="0")
        box = TextBox(minheight="2cm")
        for item in block["boxes"]:
            box.addElement(P(stylename=st["H2"], text=item["heading"]))
            for text in paragraphs(item["text"]):
                box.addElement(P(stylename=st["Small"], text=text))
        frame.addElement(box)
        anchor.addElement(frame)
        body.addElement(anchor)
    elif kind == "two_boxes":
        body.addElement(_odt_table(st, [[_odt_box_lines(block["left"]),
                                         _odt_box_lines(block["right"])]], bold_first=False))
    elif kind == "columns":
        section = Section(name=f"Spalter{len(body.childNodes)}", stylename=st["TwoCols"])
        for text in block["paras"]:
            section.addElement(P(stylename=st["Body"], text=" ".join(text.split())))
        body.addElement(section)
    elif kind == "contacts":
        body.addElement(_odt_table(st, [block["header"], *block["rows"]]))
    elif kind == "pagebreak":
        body.addElement(P(stylename=st["Break"]))
    elif kind in EXTRA_ODT:
        EXTRA_ODT[kind](doc, st, block)


def write_odt(src: dict[str, Any], out: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.style import Footer, Header, MasterPage, PageLayout, PageLayoutProperties
    from odf.text import P, PageCount, PageNumber

    w, h = page_mm(src)
    doc = OpenDocumentText()
    _fixed_odf_meta(doc, src["title"])
    layout = PageLayout(name="Sida")
    layout.addElement(PageLayoutProperties(
        pagewidth=f"{w / 10}cm", pageheight=f"{h / 10}cm", printorientation=src["orientation"],
        margintop="1.5cm", marginbottom="1.5cm", marginleft="2cm", marginright="2cm"))
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header, footer = Header(), Footer()
    header.addElement(P(text=src["header"]))
    foot = P(text=src["footer"] + " · Sida ")
    foot.addElement(PageNumber(selectpage="current", text="1"))
    foot.addText(" av ")
    foot.addElement(PageCount(text="1"))
    footer.addElement(foot)
    master.addElement(header)
    master.addElement(footer)
    doc.masterstyles.addElement(master)
    st = _odt_styles(doc, src.get("font_size", 11))
    for block in src["blocks"]:
        _odt_block(doc, st, block)
    doc.save(str(out))


# ---------------------------------------------------------------- HTML e-mail newsletter

_TD = "padding:10px 16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;"


def _html_box(box: dict[str, Any]) -> str:
    items = "".join(f"<li>{html.escape(i)}</li>" for i in box.get("items", []))
    text = "".join(f"<p style=\"margin:0 0 6px\">{html.escape(p)}</p>"
                   for p in paragraphs(box.get("text", "")))
    return (f"<p style=\"margin:0 0 6px;font-weight:bold;\">{html.escape(box['heading'])}</p>"
            + (f"<ul style=\"margin:0;padding-left:18px\">{items}</ul>" if items else "") + text)


def _html_block(block: dict[str, Any]) -> str:
    kind, esc = block["type"], html.escape
    if kind == "masthead":
        lines = "".join(
            f"<div style=\"font-size:14px\">{esc(x)}</div>" for x in block.get("lines", []))
        return (f"<tr><td style=\"{_TD}background:#{COLOR};color:#fff;padding:24px 16px;\">"
                f"<div style=\"font-size:30px;font-weight:bold\">{esc(block['title'])}</div>"
                f"{lines}</td></tr>")
    if kind == "heading":
        size = 22 if block.get("level", 1) == 1 else 17
        return (f"<tr><td style=\"{_TD}padding-top:16px;\"><h{block.get('level', 1)} style=\""
                f"margin:0;font-size:{size}px;color:#{COLOR}\">{esc(block['text'])}</h"
                f"{block.get('level', 1)}></td></tr>")
    if kind == "para":
        bold = f"<strong>{esc(block['bold'])}</strong>" if block.get("bold") else ""
        return f"<tr><td style=\"{_TD}\">{bold}{esc(' '.join(block['text'].split()))}</td></tr>"
    if kind in ("sidebar", "two_boxes"):
        boxes = block["boxes"] if kind == "sidebar" else [block["left"], block["right"]]
        cells = "".join(f"<td width=\"50%\" valign=\"top\" style=\"{_TD}background:#{TINT};"
                        f"border:1px solid #{COLOR};\">{_html_box(b)}</td>" for b in boxes)
        return (f"<tr><td style=\"padding:8px 16px\"><table role=\"presentation\" width=\"100%\""
                f" cellspacing=\"8\" cellpadding=\"0\"><tr>{cells}</tr></table></td></tr>")
    if kind == "contacts":
        rows = [block["header"], *block["rows"]]
        body = "".join("<tr>" + "".join(
            f"<td style=\"{_TD}border-bottom:1px solid #ccc;"
            f"{'font-weight:bold;' if n == 0 else ''}\">"
            f"{esc(str(v))}</td>" for v in row) + "</tr>" for n, row in enumerate(rows))
        return (f"<tr><td style=\"padding:8px 16px\"><table role=\"presentation\" width=\"100%\" "
                f"cellspacing=\"0\" cellpadding=\"0\">{body}</table></td></tr>")
    if kind in EXTRA_HTML:
        return EXTRA_HTML[kind](block)
    return ""


def write_html(src: dict[str, Any], out: Path) -> None:
    rows = "\n".join(_html_block(b) for b in src["blocks"])
    foot = html.escape(src["footer"])
    out.write_text(
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(src['title'])}</title>"
        "<style>@page { size: A4; margin: 12mm; }</style></head>\n"
        "<body style=\"margin:0;background:#f2f2f2;\">\n"
        "<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" "
        "style=\"background:#f2f2f2;\"><tr><td align=\"center\">\n"
        "<table role=\"presentation\" width=\"640\" cellspacing=\"0\" cellpadding=\"0\" "
        "style=\"background:#ffffff;\">\n"
        f"{rows}\n<tr><td style=\"{_TD}font-size:12px;color:#666;\">{foot}</td></tr>\n"
        "</table></td></tr></table>\n</body></html>\n",
        encoding="utf-8",
    )


WRITERS: dict[str, Callable[[dict[str, Any], Path], None]] = {
    "pptx": write_pptx,
    "odp": write_odp,
    "docx": write_docx,
    "odt": write_odt,
    "html": write_html,
}


# ---------------------------------------------------------------- poster banner lines
# Optional fields of a poster's banner: `kicker` (a small line above the title naming the
# programme or the network) and `lines` (small lines under the subtitle, e.g. the coach's).
# A poster without them is written exactly as before.


def _pptx_banner_extras(src: dict[str, Any], out: Path) -> None:
    import copy

    from pptx import Presentation
    from pptx.text.text import _Paragraph
    from pptx.util import Pt

    prs = Presentation(str(out))
    frame = prs.slides[0].shapes[0].text_frame  # the banner is the first shape
    size = src.get("font_size", 11)
    if src["banner"].get("kicker"):
        title = frame.paragraphs[0]
        element = copy.deepcopy(title._p)
        title._p.addprevious(element)
        kicker = _Paragraph(element, frame)
        kicker.runs[0].text = src["banner"]["kicker"]
        kicker.runs[0].font.size = Pt(size)
        kicker.runs[0].font.bold = False
    for line in src["banner"].get("lines", []):
        para = frame.add_paragraph()
        para.text = line
        para.runs[0].font.size = Pt(size)
    prs.save(str(out))


def _odp_banner_extras(src: dict[str, Any], out: Path) -> None:
    from odf.draw import Rect
    from odf.opendocument import load
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.text import P

    doc = load(str(out))
    small = Style(name="pk", family="paragraph")
    small.addElement(ParagraphProperties(marginbottom="0.1cm"))
    small.addElement(TextProperties(fontsize=f"{src.get('font_size', 11):.1f}pt",
                                    color="#ffffff"))
    doc.automaticstyles.addElement(small)
    banner = doc.getElementsByType(Rect)[0]
    if src["banner"].get("kicker"):
        first = banner.getElementsByType(P)[0]
        banner.insertBefore(P(stylename=small, text=src["banner"]["kicker"]), first)
    for line in src["banner"].get("lines", []):
        banner.addElement(P(stylename=small, text=line))
    doc.save(str(out))


def _with_banner_extras(
    write: Callable[[dict[str, Any], Path], None],
    extras: Callable[[dict[str, Any], Path], None],
) -> Callable[[dict[str, Any], Path], None]:
    def writer(src: dict[str, Any], out: Path) -> None:
        write(src, out)
        if src.get("banner", {}).get("kicker") or src.get("banner", {}).get("lines"):
            extras(src, out)

    return writer


WRITERS["pptx"] = _with_banner_extras(write_pptx, _pptx_banner_extras)
WRITERS["odp"] = _with_banner_extras(write_odp, _odp_banner_extras)

# ---------------------------------------------------------------- cards and news columns
# Block types of the newsletters about a network day and short news (see the README):
# `card` (ODT: one team's example in paragraphs sharing one border and background, which a
# page break may cut), `cards` (HTML: short framed cards, one a row), `news_columns` (DOCX: a
# two-column section of short news, each a bold line alone, then its text).


def _odt_card(doc: Any, st: dict[str, Any], block: dict[str, Any]) -> None:
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.text import P, Span

    if "Card" not in st:
        style = Style(name="Card", family="paragraph")
        style.addElement(ParagraphProperties(
            marginbottom="0cm", padding="0.25cm", border=f"0.06pt solid #{COLOR}",
            backgroundcolor=f"#{TINT}"))
        style.addElement(TextProperties(fontsize=st["Body"].getElementsByType(TextProperties)[0]
                                        .getAttribute("fontsize")))
        doc.automaticstyles.addElement(style)
        st["Card"] = style
    head = P(stylename=st["Card"])
    head.addElement(Span(stylename=st["Bold"], text=block["title"]))
    doc.text.addElement(head)
    for text in paragraphs(block["text"]):
        doc.text.addElement(P(stylename=st["Card"], text=text))
    doc.text.addElement(P(stylename=st["Body"]))


def _html_cards(block: dict[str, Any]) -> str:
    esc = html.escape
    rows = "".join(
        f"<tr><td style=\"{_TD}background:#{TINT};border:1px solid #{COLOR};\">"
        f"<p style=\"margin:0 0 6px;font-weight:bold;\">{esc(card['title'])}</p>"
        + "".join(f"<p style=\"margin:0 0 6px\">{esc(p)}</p>" for p in paragraphs(card["text"]))
        + "</td></tr>"
        for card in block["cards"])
    return (f"<tr><td style=\"padding:8px 16px\"><table role=\"presentation\" width=\"100%\" "
            f"cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:separate;"
            f"border-spacing:0 10px\">{rows}</table></td></tr>")


def _docx_news_columns(doc: Any, block: dict[str, Any]) -> None:
    from docx.enum.section import WD_SECTION

    _docx_columns(doc.add_section(WD_SECTION.CONTINUOUS), 1)
    for item in block["items"]:
        doc.add_paragraph().add_run(item["title"]).bold = True
        for text in paragraphs(item["text"]):
            doc.add_paragraph(text)
    _docx_columns(doc.sections[-1], 2)
    _docx_columns(doc.add_section(WD_SECTION.CONTINUOUS), 1)


EXTRA_DOCX: dict[str, Callable[[Any, dict[str, Any]], None]] = {
    "news_columns": _docx_news_columns,
}
EXTRA_ODT: dict[str, Callable[[Any, dict[str, Any], dict[str, Any]], None]] = {
    "card": _odt_card,
}
EXTRA_HTML: dict[str, Callable[[dict[str, Any]], str]] = {"cards": _html_cards}
