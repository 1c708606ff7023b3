"""Newsletters made the way coordinators make them: a Word file exported to PDF by LibreOffice,
or an e-mail style HTML newsletter printed to PDF.

A newsletter is written as a list of parts (``Title``, ``Heading``, ``Para``, ``Boxes``,
``Bullets``); ``write_docx`` lays them out with python-docx and ``to_pdf`` exports the file
with LibreOffice, as "Spara som PDF" does; ``html_newsletter_pdf`` prints them with WeasyPrint.
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


Part = Title | Heading | Para | Bullets | Boxes


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
        else:
            _boxes(doc, part)
    doc.save(str(path))
    return path


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
