"""Newsletters made the way coordinators make them: a Word file exported to PDF by LibreOffice,
or an e-mail style HTML newsletter printed to PDF.

A newsletter is written as a list of parts (``Title``, ``Heading``, ``Para``, ``Boxes``,
``Bullets``, ``Card``, ``NewsColumns``, ``TableRows``, ``SectionTable``); ``write_docx`` lays
them out with python-docx and ``to_pdf`` exports the file with LibreOffice, as "Spara som PDF"
does; ``html_newsletter_pdf`` prints them with WeasyPrint. ``odt_newsletter_pdf`` writes them with
odfpy (LibreOffice Writer's format) and ``chromium_newsletter_pdf`` lays them out as an e-mail
(tables, inline styles) that Chromium prints, as a coordinator does from the browser.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from docx import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor


@dataclass
class Title:
    text: str


@dataclass
class Heading:
    text: str
    level: int = 2


@dataclass
class Para:
    """A paragraph; ``bold`` words open it in bold (a run-in title)."""

    text: str
    bold: str = ""


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Boxes:
    """Framed boxes side by side: (heading, bullet items). In Word a one-row table, its cells
    with borders, or ``shaded`` with a background and an empty column between them."""

    boxes: list[tuple[str, list[str]]] = field(default_factory=list)
    shaded: bool = False


@dataclass
class Card:
    """One team's example in a framed, shaded card: a bold title, then its paragraphs. In Word
    and in HTML a one-cell table, in Writer paragraphs sharing one border and background; a
    card longer than what is left of the page goes on on the next one."""

    title: str
    paras: list[str] = field(default_factory=list)


@dataclass
class NewsColumns:
    """Short news in two columns: each a bold title alone on its line (a bold run, no heading
    style), then its text."""

    news: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class TableRows:
    """A ruled table whose rows are the teams' examples: a head row of column labels, then for
    each team its name (bold), what it does (a bold title run in, its full stop in normal
    weight, then the text) and its contact lines. In Word a table with grid lines, in an e-mail
    an HTML table with borders."""

    head: tuple[str, str, str]
    rows: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)
    repeat_head: bool = False  # Word's "Upprepa som rubrikrad": the head row on every page
    title_apart: bool = False  # the title a bold line of its own over the text, in its cell


@dataclass
class SectionTable:
    """One team's report as a ruled table of two columns: a sub-heading ("Nuläge") beside its
    text on each row."""

    rows: list[tuple[str, str]] = field(default_factory=list)


Part = Title | Heading | Para | Bullets | Boxes | Card | NewsColumns | TableRows | SectionTable


def _borders(cell) -> None:  # noqa: ANN001 - python-docx's cell
    props = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "8")
        line.set(qn("w:color"), "3A6EA5")
        borders.append(line)
    props.append(borders)


def _shade(cell) -> None:  # noqa: ANN001 - python-docx's cell
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:fill"), "E4EEF2")
    cell._tc.get_or_add_tcPr().append(fill)


def _boxes(doc, part: Boxes) -> None:  # noqa: ANN001 - python-docx's document
    """A one-row table; shaded boxes get an empty column between them."""
    step = 2 if part.shaded else 1
    table = doc.add_table(rows=1, cols=step * len(part.boxes) - (step - 1))
    cells = table.rows[0].cells[::step]
    for cell, (heading, items) in zip(cells, part.boxes, strict=True):
        _shade(cell) if part.shaded else _borders(cell)
        cell.paragraphs[0].add_run(heading).bold = True
        for item in items:
            cell.add_paragraph(item, style="List Bullet")
    doc.add_paragraph()


def write_docx(parts: list[Part], path: Path) -> Path:
    """A Word file with the parts in order, in Word's own styles."""
    doc = DocxDocument()
    doc.styles["Normal"].font.name = "Liberation Sans"
    doc.styles["Normal"].font.size = Pt(10)
    for part in parts:
        if isinstance(part, Title):
            run = doc.add_paragraph().add_run(part.text)
            run.bold, run.font.size = True, Pt(24)
            run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
        elif isinstance(part, Heading):
            doc.add_heading(part.text, level=part.level)
        elif isinstance(part, Para):
            para = doc.add_paragraph()
            if part.bold:
                para.add_run(part.bold + " ").bold = True
            para.add_run(part.text)
        elif isinstance(part, Bullets):
            for item in part.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(part, Card):
            _docx_card(doc, part)
        elif isinstance(part, NewsColumns):
            _docx_news_columns(doc, part)
        elif isinstance(part, TableRows):
            _docx_table_rows(doc, part)
        elif isinstance(part, SectionTable):
            _docx_section_table(doc, part)
        else:
            _boxes(doc, part)
    doc.save(str(path))
    return path


def _docx_card(doc, part: Card) -> None:  # noqa: ANN001 - python-docx's document
    """A one-cell table, bordered and shaded; its row may break across pages."""
    cell = doc.add_table(rows=1, cols=1).rows[0].cells[0]
    _borders(cell)
    _shade(cell)
    cell.paragraphs[0].add_run(part.title).bold = True
    for text in part.paras:
        cell.add_paragraph(text)
    doc.add_paragraph()


def _docx_table_rows(doc, part: TableRows) -> None:  # noqa: ANN001 - python-docx's document
    """A table with grid lines: a narrow team column, a wide text column, a contact column."""
    from docx.shared import Cm

    table = doc.add_table(rows=1 + len(part.rows), cols=3)
    table.style = "Table Grid"
    widths = (Cm(3.6), Cm(8.6), Cm(4.4))
    if part.repeat_head:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(header)
    for cell, label, width in zip(table.rows[0].cells, part.head, widths, strict=True):
        _shade(cell)
        cell.width = width
        cell.paragraphs[0].add_run(label).bold = True
    for row, (team, title, text, contact) in zip(table.rows[1:], part.rows, strict=True):
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
        row.cells[0].paragraphs[0].add_run(team).bold = True
        row.cells[1].paragraphs[0].add_run(title).bold = True
        if part.title_apart:
            row.cells[1].add_paragraph(text)
        else:
            row.cells[1].paragraphs[0].add_run(". " + text)
        row.cells[2].paragraphs[0].add_run(contact[0])
        for line in contact[1:]:
            row.cells[2].add_paragraph(line)
    doc.add_paragraph()


def _docx_section_table(doc, part: SectionTable) -> None:  # noqa: ANN001 - python-docx's document
    from docx.shared import Cm

    table = doc.add_table(rows=len(part.rows), cols=2)
    table.style = "Table Grid"
    for row, (heading, text) in zip(table.rows, part.rows, strict=True):
        row.cells[0].width, row.cells[1].width = Cm(3.5), Cm(13)
        row.cells[0].paragraphs[0].add_run(heading).bold = True
        row.cells[1].paragraphs[0].add_run(text)
    doc.add_paragraph()


def _docx_section_columns(section, count: int) -> None:  # noqa: ANN001 - a docx section
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), "567")


def _docx_news_columns(doc, part: NewsColumns) -> None:  # noqa: ANN001 - python-docx's document
    """A continuous section in two columns: a bold line, then the text, for each news."""
    from docx.enum.section import WD_SECTION

    _docx_section_columns(doc.add_section(WD_SECTION.CONTINUOUS), 1)
    for title, text in part.news:
        doc.add_paragraph().add_run(title).bold = True
        doc.add_paragraph(text)
    _docx_section_columns(doc.sections[-1], 2)
    _docx_section_columns(doc.add_section(WD_SECTION.CONTINUOUS), 1)


def to_pdf(source: Path, out_dir: Path) -> Path:
    """``source`` exported to PDF by LibreOffice (which exits 0 even when it fails)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out_dir), str(source)],
            check=True, capture_output=True, timeout=180,
        )
    pdf = out_dir / (source.stem + ".pdf")
    if not pdf.exists() or not pdf.read_bytes().startswith(b"%PDF"):
        raise RuntimeError(f"LibreOffice made no PDF of {source.name}")
    return pdf


def newsletter_pdf(parts: list[Part], out_dir: Path, name: str) -> Path:
    """The parts as a Word newsletter exported to PDF."""
    return to_pdf(write_docx(parts, out_dir / f"{name}.docx"), out_dir)


CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'Liberation Sans'; font-size: 10pt; line-height: 1.3; }
h1.banner { font-size: 24pt; color: #1f4e79; margin: 0 0 4mm; }
h1 { font-size: 15pt; color: #1f4e79; margin: 5mm 0 1mm; }
h2 { font-size: 13pt; color: #1f4e79; margin: 4mm 0 1mm; }
p { margin: 0 0 2.5mm; }
.boxes { display: flex; gap: 6mm; margin: 2mm 0 3mm; }
.boxes > div { flex: 1; border: 0.8pt solid #3a6ea5; background: #eef4fa; padding: 2.5mm; }
.boxes b { display: block; margin-bottom: 1mm; }
ul { margin: 0 0 2mm; padding-left: 5mm; }
"""


def _html_part(part: Part) -> str:
    if isinstance(part, Title):
        return f"<h1 class='banner'>{escape(part.text)}</h1>"
    if isinstance(part, Heading):
        return f"<h{part.level}>{escape(part.text)}</h{part.level}>"
    if isinstance(part, Para):
        bold = f"<b>{escape(part.bold)}</b> " if part.bold else ""
        return f"<p>{bold}{escape(part.text)}</p>"
    if isinstance(part, Bullets):
        return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in part.items) + "</ul>"
    if isinstance(part, TableRows):
        return _mail_table_rows(part)
    boxes = "".join(
        f"<div><b>{escape(h)}</b><ul>{''.join(f'<li>{escape(i)}</li>' for i in items)}</ul></div>"
        for h, items in part.boxes
    )
    return f"<div class='boxes'>{boxes}</div>"


def html_newsletter_pdf(parts: list[Part], out_dir: Path, name: str) -> Path:
    """The parts as an e-mail style newsletter (HTML) printed to PDF by WeasyPrint."""
    from weasyprint import HTML

    body = "".join(_html_part(p) for p in parts)
    pdf = out_dir / f"{name}.pdf"
    HTML(string=f"<html lang='sv'><style>{CSS}</style><body>{body}</body></html>").write_pdf(pdf)
    return pdf


# ---------------------------------------------------------------- LibreOffice Writer (ODT)


def _odt_styles(doc) -> dict:  # noqa: ANN001 - an odfpy document
    from odf.style import (
        Columns,
        ParagraphProperties,
        SectionProperties,
        Style,
        TextProperties,
    )

    styles = {}

    def add(name: str, family: str, *props) -> None:  # noqa: ANN002 - odfpy elements
        style = Style(name=name, family=family)
        for prop in props:
            style.addElement(prop)
        doc.automaticstyles.addElement(style)
        styles[name] = style

    add("Body", "paragraph", ParagraphProperties(marginbottom="0.2cm"),
        TextProperties(fontsize="10pt", fontname="Liberation Sans"))
    add("Title", "paragraph", ParagraphProperties(marginbottom="0.3cm"),
        TextProperties(fontsize="24pt", fontweight="bold"))
    for level, size in ((1, "16pt"), (2, "13pt"), (3, "11pt")):
        add(f"H{level}", "paragraph", ParagraphProperties(margintop="0.3cm", marginbottom="0.1cm"),
            TextProperties(fontsize=size, fontweight="bold"))
    add("Card", "paragraph", ParagraphProperties(
        marginbottom="0cm", padding="0.2cm", border="0.06pt solid #3A6EA5",
        backgroundcolor="#E4EEF2"), TextProperties(fontsize="10pt"))
    add("Bold", "text", TextProperties(fontweight="bold"))
    cols = SectionProperties()
    cols.addElement(Columns(columncount="2", columngap="0.6cm"))
    add("TwoCols", "section", cols)
    return styles


def _odt_part(doc, st: dict, part: Part) -> None:  # noqa: ANN001 - an odfpy document
    from odf.text import H, P, Section, Span

    body = doc.text
    if isinstance(part, Title):
        body.addElement(P(stylename=st["Title"], text=part.text))
    elif isinstance(part, Heading):
        body.addElement(H(outlinelevel=part.level, stylename=st[f"H{part.level}"], text=part.text))
    elif isinstance(part, Para):
        par = P(stylename=st["Body"])
        if part.bold:
            par.addElement(Span(stylename=st["Bold"], text=part.bold + " "))
        par.addText(part.text)
        body.addElement(par)
    elif isinstance(part, Bullets):
        for item in part.items:
            body.addElement(P(stylename=st["Body"], text="• " + item))
    elif isinstance(part, Card):
        head = P(stylename=st["Card"])
        head.addElement(Span(stylename=st["Bold"], text=part.title))
        body.addElement(head)
        for text in part.paras:
            body.addElement(P(stylename=st["Card"], text=text))
        body.addElement(P(stylename=st["Body"]))
    elif isinstance(part, NewsColumns):
        section = Section(name=f"Spalter{len(body.childNodes)}", stylename=st["TwoCols"])
        for title, text in part.news:
            line = P(stylename=st["Body"])
            line.addElement(Span(stylename=st["Bold"], text=title))
            section.addElement(line)
            section.addElement(P(stylename=st["Body"], text=text))
        body.addElement(section)
    else:
        for heading, items in part.boxes:
            body.addElement(P(stylename=st["H3"], text=heading))
            for item in items:
                body.addElement(P(stylename=st["Body"], text="• " + item))


def write_odt(parts: list[Part], path: Path) -> Path:
    """A Writer file with the parts in order (cards as bordered, shaded paragraphs)."""
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    st = _odt_styles(doc)
    for part in parts:
        _odt_part(doc, st, part)
    doc.save(str(path))
    return path


def odt_newsletter_pdf(parts: list[Part], out_dir: Path, name: str) -> Path:
    """The parts as a Writer newsletter exported to PDF."""
    return to_pdf(write_odt(parts, out_dir / f"{name}.odt"), out_dir)


# ---------------------------------------------------------------- HTML e-mail printed by Chromium

_TD = "padding:8px 16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;"


def _mail_part(part: Part) -> str:
    if isinstance(part, Title):
        return (f"<tr><td style='{_TD}background:#1f5c8b;color:#fff;font-size:30px;"
                f"font-weight:bold;padding:22px 16px'>{escape(part.text)}</td></tr>")
    if isinstance(part, Heading):
        size = 22 if part.level == 1 else 18
        return (f"<tr><td style='{_TD}padding-top:14px'><h{part.level} style='margin:0;"
                f"font-size:{size}px;color:#1f5c8b'>{escape(part.text)}</h{part.level}></td></tr>")
    if isinstance(part, Card):
        paras = "".join(f"<p style='margin:0 0 6px'>{escape(t)}</p>" for t in part.paras)
        return (f"<tr><td style='padding:6px 16px'><table role='presentation' width='100%'><tr>"
                f"<td style='{_TD}background:#e4eef2;border:1px solid #3a6ea5'>"
                f"<p style='margin:0 0 6px;font-weight:bold'>{escape(part.title)}</p>{paras}"
                "</td></tr></table></td></tr>")
    if isinstance(part, NewsColumns):
        half = (len(part.news) + 1) // 2
        cols = "".join(
            f"<td width='50%' valign='top' style='{_TD}'>" + "".join(
                f"<p style='margin:0;font-weight:bold'>{escape(t)}</p>"
                f"<p style='margin:0 0 10px'>{escape(x)}</p>" for t, x in news) + "</td>"
            for news in (part.news[:half], part.news[half:]))
        return f"<tr><td><table role='presentation' width='100%'><tr>{cols}</tr></table></td></tr>"
    if isinstance(part, TableRows):
        return f"<tr><td style='{_TD}'>{_mail_table_rows(part)}</td></tr>"
    return f"<tr><td style='{_TD}'>{_html_part(part)}</td></tr>"


def _mail_table_rows(part: TableRows) -> str:
    cell = "border:1px solid #555;padding:4px;vertical-align:top;"
    head = "".join(f"<th style='{cell}background:#dde8f0;text-align:left'>{escape(h)}</th>"
                   for h in part.head)
    rows = "".join(
        f"<tr><td style='{cell}width:25%'><b>{escape(team)}</b></td>"
        f"<td style='{cell}width:50%'><b>{escape(title)}</b>. {escape(text)}</td>"
        f"<td style='{cell}'>{'<br>'.join(escape(c) for c in contact)}</td></tr>"
        for team, title, text, contact in part.rows)
    return (f"<table style='border-collapse:collapse;width:100%;font-size:13px'>"
            f"<tr>{head}</tr>{rows}</table>")


def chromium_newsletter_pdf(parts: list[Part], out_dir: Path, name: str) -> Path:
    """The parts as an HTML e-mail (a 640 px table, inline styles) printed by Chromium."""
    page = out_dir / f"{name}.html"
    rows = "".join(_mail_part(p) for p in parts)
    page.write_text(
        "<!DOCTYPE html><html lang='sv'><head><meta charset='utf-8'>"
        "<style>@page { size: A4; margin: 12mm; }</style></head><body style='margin:0'>"
        "<table role='presentation' width='640' align='center' cellspacing='0' cellpadding='0'>"
        f"{rows}</table></body></html>", encoding="utf-8")
    pdf = out_dir / f"{name}.pdf"
    chromium = shutil.which("chromium")  # Debian's package (make test installs it)
    if chromium is None:
        raise RuntimeError("Chromium is not installed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
             page.resolve().as_uri()],
            check=True, capture_output=True, timeout=180,
        )
    if not pdf.exists():
        raise RuntimeError(f"Chromium made no PDF of {name}")
    return pdf
