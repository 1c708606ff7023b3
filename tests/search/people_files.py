"""Posters with contact boxes and contact tables, drawn with reportlab for the tests of
persons, hiding and erasure: an address split over two lines, a contact table with e-mail and
phone, and one person (Anna Svensson) on two posters of different teams."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tests.ingest.synthetic import BODY, FILLER, H1, SUB, TITLE

NAME = "Anna Svensson"
EMAIL = "anna.svensson@jonkoping.se"


def _box(heading: str, body: list, width: float) -> Table:
    return Table([[Paragraph(heading, H1)], *[[b] for b in body]], colWidths=[width - 6],
                 style=TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#2b5d34")),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d8ecd9"))]))


def contact_poster(path: Path, title: str, byline: str, place: str, contact: list) -> Path:
    """An A3 poster about a homework café in ``place``; ``contact`` fills its contact box."""
    width, height = A3
    doc = BaseDocTemplate(str(path), pagesize=A3, title=title)
    col_w = (width - 100) / 2
    frames = [Frame(40, height - 170, width - 80, 130, id="banner")] + [
        Frame(40 + i * (col_w + 20), 40, col_w, height - 230, id=f"c{i}") for i in range(2)]
    doc.addPageTemplates([PageTemplate("p", frames)])
    story = [
        Paragraph(title, TITLE), Paragraph(byline, SUB), FrameBreak(),
        _box("Bakgrund", [Paragraph(f"Många elever i {place} behöver läxhjälp efter skolan. "
                                    + FILLER * 2, BODY)], col_w),
        Spacer(1, 12),
        _box("Metod", [Paragraph(f"Läxcafé på biblioteket i {place} varje tisdag med "
                                 "seniorer som läxhjälpare. " + FILLER * 2, BODY)], col_w),
        FrameBreak(),
        _box("Resultat", [Paragraph("Trettio elever kom minst en gång till läxcaféet. "
                                    + FILLER, BODY)], col_w),
        Spacer(1, 12),
        _box("Kontakt", contact, col_w),
    ]
    doc.build(story)
    return path


def contact_table(rows: list[tuple[str, str, str, str]]) -> Table:
    """A contact table without rules: Namn, Roll, E-post, Telefon."""
    head = ("Namn", "Roll", "E-post", "Telefon")
    return Table([head, *rows], colWidths=[90, 80, 150, 80],
                 style=TableStyle([("FONTSIZE", (0, 0), (-1, -1), 8)]))


def poster_with_split_address(path: Path) -> Path:
    """Anna Svensson's address split over two lines, and a contact table."""
    return contact_poster(
        path, "Läxcafé med seniorer i Huskvarna",
        "Läxcaféteamet Huskvarna · Jönköpings kommun · Lärandeseminarium 3 juni 2024",
        "Huskvarna",
        [Paragraph("Anna Svensson, kurator, anna.svensson@<br/>jonkoping.se, 036-10 20 30",
                   BODY),
         contact_table([("Per Lund", "rektor", "per.lund@jonkoping.se", "036-10 20 40"),
                        ("Eva Ek", "lärare", "eva.ek@jonkoping.se", "070-123 45 67")])])


def second_poster(path: Path) -> Path:
    """Anna Svensson again, with the same address, on another team's poster."""
    return contact_poster(
        path, "Läxhjälp på biblioteket i Bankeryd",
        "Biblioteksteamet Bankeryd · Jönköpings kommun · Lärandeseminarium 4 juni 2024",
        "Bankeryd",
        [Paragraph(f"Anna Svensson, kurator, {EMAIL}", BODY),
         Paragraph("Omar Said, bibliotekarie, omar.said@jonkoping.se", BODY)])
