"""Newsletters and posters in layouts the corpus does not have, drawn with reportlab."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12.5, spaceAfter=6)
H1 = ParagraphStyle(
    "h1", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=8, spaceAfter=3
)
H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=10, leading=13, spaceAfter=1)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=24, leading=28)
SUB = ParagraphStyle("sub", fontName="Helvetica", fontSize=12, leading=15)
SIDE = ParagraphStyle("side", fontName="Helvetica", fontSize=8.5, leading=11, spaceAfter=4)
SIDE_HEAD = ParagraphStyle("sidehead", fontName="Helvetica-Bold", fontSize=9, leading=12)

FILLER = (
    "Arbetet följs upp varje månad i teamet och resultaten delas med ledningen för att "
    "se vad som behöver justeras innan nästa test. "
)
SIDEBAR_PHRASE = "Lärandenätverket samlar förbättringsteam från hela länet"
INTRO_PHRASE = "Höstens andra träff hölls i Gislaved med sextio deltagare"
MEETING_PHRASE = "lärandenätverket i Habo med tema mätning"


def _footer(canvas, doc) -> None:  # noqa: ANN001
    width, _ = doc.pagesize
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(40, 25, "Bästa platsen – barn och unga")
    canvas.drawRightString(width - 40, 25, f"Sida {doc.page}")


def three_column_newsletter(path: Path) -> Path:
    """Full-width banner and intro, a framed sidebar, three columns, bold-run paragraphs, a
    headed report that runs over a page break, contacts and meeting dates at the end."""
    width, height = A4
    doc = BaseDocTemplate(str(path), pagesize=A4, title="Nyhetsbrev")
    col_w = (width - 80 - 24) / 3
    top = Frame(40, height - 170, width - 80, 130, id="top")
    cols = [Frame(40 + i * (col_w + 12), 50, col_w, height - 230, id=f"c{i}") for i in range(3)]
    later = [Frame(40 + i * (col_w + 12), 50, col_w, height - 100, id=f"l{i}") for i in range(3)]
    doc.addPageTemplates(
        [
            PageTemplate("first", [top, *cols], onPage=_footer, autoNextPageTemplate="later"),
            PageTemplate("later", later, onPage=_footer),
        ]
    )
    doc.build([*_banner_and_sidebar(col_w), *_three_column_reports()])
    return path


def _banner_and_sidebar(col_w: float) -> list:
    """The first page's banner and intro, then the framed sidebar at the top of column one."""
    sidebar = Table(
        [
            [Paragraph("OM NÄTVERKET", SIDE_HEAD)],
            [
                Paragraph(
                    SIDEBAR_PHRASE + " fyra gånger per år. " + "Coacher stöttar teamen. " * 4, SIDE
                )
            ],
            [Paragraph("SYFTE", SIDE_HEAD)],
            [Paragraph("Bättre hälsa för barn och unga i alla kommuner. " * 3, SIDE)],
        ],
        colWidths=[col_w - 4],
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e6f0f7")),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#3a6ea5")),
            ]
        ),
    )
    return [
        Paragraph("Nyhetsbrev Bästa platsen", TITLE),
        Spacer(1, 4),
        Paragraph("November 2024", SUB),
        Spacer(1, 6),
        Paragraph(INTRO_PHRASE + ". Teamen berättade om sina tester och mätningar. " * 2, BODY),
        FrameBreak(),
        sidebar,
        Spacer(1, 8),
    ]


def _three_column_reports() -> list:
    """Two bold-run items, two headed reports (one runs over the page break), the meeting
    dates and the contacts."""
    return [
        Paragraph(
            "<b>Cykeldagar i Skillingaryd –</b> Fritidsgården och skolan ordnade cykeldagar där "
            "eleverna fick laga sina cyklar och cykla tillsammans till skolan. " + FILLER * 3,
            BODY,
        ),
        Paragraph(
            "<b>Läxhjälp i Reftele:</b> Biblioteket i Reftele erbjuder läxhjälp två kvällar i "
            "veckan med volontärer från föreningslivet. " + FILLER * 4,
            BODY,
        ),
        Paragraph("Föräldracafé på Hovslätt", H1),
        Paragraph(
            "Familjecentralen på Hovslätt har startat ett föräldracafé på fredagar dit nyblivna "
            "föräldrar kan komma utan anmälan. " + FILLER * 2,
            BODY,
        ),
        Paragraph("Nuläge", H2),
        Paragraph("Tolv familjer kommer till caféet varje vecka. " + FILLER * 3, BODY),
        Paragraph("Utmaningar på vägen", H2),
        Paragraph("Det är svårt att nå pappor med små barn. " + FILLER * 4, BODY),
        Paragraph("Nästa steg", H2),
        Paragraph("Teamet ska pröva en pappagrupp på lördagar under våren. " + FILLER * 6, BODY),
        Paragraph("Simskola för nyanlända i Värnamo", H1),
        Paragraph(
            "Värnamo kommun erbjuder simskola för nyanlända barn i samarbete med simklubben. "
            + FILLER * 8,
            BODY,
        ),
        Paragraph(
            "Simklubbens ledare har gått en kurs i att möta barn som inte har badat förut. "
            + FILLER * 8,
            BODY,
        ),
        KeepTogether(
            [
                Paragraph("Kommande träffar", H1),
                Paragraph("• Den 4 februari 2025, " + MEETING_PHRASE, BODY),
                Paragraph("• Den 10 april 2025, lärandenätverket i Vaggeryd", BODY),
            ]
        ),
        Paragraph("Kontakt", H1),
        Paragraph("Sara Lind, processledare, sara.lind@rjl.se, 010-241 00 01", BODY),
        Paragraph("Omar Haddad, coach, omar.haddad@rjl.se, 010-241 00 02", BODY),
    ]


def single_column_report(path: Path) -> Path:
    """One column, headings only, no frames, no date in the file name."""
    doc = BaseDocTemplate(str(path), pagesize=A4)
    width, height = A4
    doc.addPageTemplates(
        [PageTemplate("p", [Frame(60, 60, width - 120, height - 120)], onPage=_footer)]
    )
    story = [
        Paragraph("Nyhetsbrev från lärandenätverket", TITLE),
        Paragraph("Mars 2025", SUB),
        Spacer(1, 10),
        Paragraph("Läsårets första mätningar", H1),
        Paragraph(
            "Den 12 mars träffades lärandenätverket digitalt för att gå igenom läsårets "
            "första mätningar. " + FILLER,
            BODY,
        ),
        Paragraph("Närvaroteam på Ljungarumsskolan", H1),
        Paragraph("Ljungarumsskolan i Jönköping har bildat närvaroteam. " + FILLER * 3, BODY),
        Paragraph("Lärdomar", H2),
        Paragraph("Tidiga samtal med vårdnadshavare gav mest effekt. " + FILLER * 2, BODY),
        Paragraph("Rörelsepass i Habo", H1),
        Paragraph("Alla klasser i Habo har fått korta rörelsepass varje dag. " + FILLER * 3, BODY),
        Paragraph("Resultat", H2),
        Paragraph("Andelen elever som rör sig en timme om dagen ökade. " + FILLER, BODY),
        Paragraph("Med vänliga hälsningar, processledningen", BODY),
    ]
    doc.build(story)
    return path


def grid_poster(path: Path) -> Path:
    """An A3 poster: banner, then framed boxes in a two-column grid, a contact box last."""
    width, height = A3
    doc = BaseDocTemplate(str(path), pagesize=A3)
    col_w = (width - 100) / 2
    frames = [Frame(40, height - 170, width - 80, 130, id="banner")] + [
        Frame(40 + i * (col_w + 20), 40, col_w, height - 230, id=f"c{i}") for i in range(2)
    ]
    doc.addPageTemplates([PageTemplate("p", frames)])

    def box(heading: str, text: str) -> Table:
        return Table(
            [[Paragraph(heading, H1)], [Paragraph(text, BODY)]],
            colWidths=[col_w - 6],
            style=TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#2b5d34")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d8ecd9")),
                ]
            ),
        )

    story = [
        Paragraph("Utecafé för familjer i Bottnaryd", TITLE),
        Paragraph("Team Bottnaryd · Jönköpings kommun · Lärandeseminarium 3 juni 2024", SUB),
        FrameBreak(),
        box("Bakgrund", "Många familjer i Bottnaryd saknar en mötesplats. " + FILLER * 2),
        Spacer(1, 12),
        box("Syfte", "Att fler föräldrar ska lära känna varandra och personalen. " + FILLER),
        Spacer(1, 12),
        box("Metod", "Ett utecafé vid skolan varje onsdag under maj och juni. " + FILLER * 2),
        FrameBreak(),
        box("Resultat", "Trettio familjer kom minst en gång till utecaféet. " + FILLER * 2),
        Spacer(1, 12),
        box("Nästa steg", "Caféet flyttar in i församlingshemmet under hösten. " + FILLER),
        Spacer(1, 12),
        box("Kontakt", "Mira Nilsson, mira.nilsson@jonkoping.se, 036-10 20 30"),
    ]
    doc.build(story)
    return path


TABLE_PHRASE = "Andel elever med hög frånvaro"


def card_newsletter(path: Path) -> Path:
    """Two columns of framed example cards, a capitals-headed fact box, and a bordered
    measurement table inside one example."""
    width, height = A4
    doc = BaseDocTemplate(str(path), pagesize=A4)
    col_w = (width - 100) / 2
    frames = [Frame(40, height - 130, width - 80, 90, id="top")] + [
        Frame(40 + i * (col_w + 20), 50, col_w, height - 190, id=f"c{i}") for i in range(2)
    ]
    doc.addPageTemplates([PageTemplate("p", frames, onPage=_footer)])
    framed = TableStyle(
        [
            ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#7a4b94")),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f4eef8")),
        ]
    )

    def card(*flowables) -> Table:  # noqa: ANN002
        return Table([[f] for f in flowables], colWidths=[col_w - 4], style=framed)

    story = [
        Paragraph("Nyhetsbrev Bästa platsen", TITLE),
        Paragraph("Oktober 2025", SUB),
        FrameBreak(),
        card(
            Paragraph("FAKTA OM SATSNINGEN", SIDE_HEAD),
            Paragraph("Tretton kommuner och regionen arbetar tillsammans sedan 2019. " * 3, SIDE),
        ),
        Spacer(1, 10),
        card(
            Paragraph("Mötesplats i Gislaved", H1),
            Paragraph(
                "Fritidsgården i Gislaved har öppnat en mötesplats för nyanlända "
                "föräldrar varje tisdag. " + FILLER * 3,
                BODY,
            ),
        ),
        Spacer(1, 10),
        Paragraph("Närvarolyftet i Eksjö", H1),
        Paragraph(
            "Skolorna i Eksjö följer frånvaron varje vecka och ringer hem samma dag. " + FILLER * 2,
            BODY,
        ),
        _measurements(col_w),
        Paragraph("Nästa steg är att låta eleverna själva föreslå förändringar. " + FILLER, BODY),
        FrameBreak(),
        card(
            Paragraph("Kamratstöd i Mullsjö", H1),
            Paragraph(
                "Högstadiet i Mullsjö utbildar elever till kamratstödjare som finns på "
                "rasterna. " + FILLER * 3,
                BODY,
            ),
        ),
    ]
    doc.build(story)
    return path


def _measurements(col_w: float) -> Table:
    """The bordered measurement table inside one card newsletter example."""
    return Table(
        [["Mätning", "Augusti", "December"], [TABLE_PHRASE, "14 %", "9 %"]],
        colWidths=[(col_w - 20) / 2, (col_w - 20) / 4, (col_w - 20) / 4],
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
                ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#f2f2f2")),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
            ]
        ),
    )


WEASY_FILLER = (
    "Arbetet följs upp varje månad i teamet och resultaten delas med ledningen för att se vad "
    "som behöver justeras innan nästa test. "
)


def html_newsletter(path: Path) -> Path:
    """Made with WeasyPrint from HTML: CSS columns, automatic hyphenation, justified text, a
    floated fact box, a page-number footer and a date with a day."""
    from weasyprint import HTML

    f = WEASY_FILLER
    html = f"""<html lang="sv"><head><style>
    @page {{ size: A4; margin: 18mm 15mm;
             @bottom-center {{ content: "Bästa platsen – sida " counter(page); font-size: 8pt }} }}
    body {{ font-family: DejaVu Sans, sans-serif; font-size: 9.5pt; line-height: 1.35;
            hyphens: auto; text-align: justify }}
    h1 {{ font-size: 22pt; margin: 0 }} .date {{ font-size: 12pt; margin-bottom: 6mm }}
    aside {{ float: right; width: 60mm; background: #eef3e2; padding: 3mm; margin: 0 0 4mm 5mm;
             font-size: 8.5pt }}
    .cols {{ clear: both; column-count: 2; column-gap: 8mm }}
    h2 {{ font-size: 13pt; margin: 4mm 0 1mm }} h3 {{ font-size: 10pt; margin: 2mm 0 0.5mm }}
    </style></head><body>
    <h1>Nyhetsbrev för Bästa platsen</h1><div class="date">Den 3 december 2025</div>
    <aside><b>OM SATSNINGEN</b><p>Satsningen drivs gemensamt av regionen och kommunerna. {f}</p>
    <b>KONTAKT</b><p>Lisa Berg, lisa.berg@rjl.se</p></aside>
    <p>Välkomna till vinterns nyhetsbrev! Här berättar vi om vad teamen presenterade på träffen
    i Vetlanda. {f * 2}</p>
    <div class="cols">
    <p><strong>Läsfrämjande i Ekenässjön –</strong> Skolbiblioteket i Ekenässjön har startat
    bokcirklar för elever i årskurs fyra som läser lite på fritiden. {f * 3}</p>
    <p><strong>Öppen idrottshall i Stockaryd:</strong> Varje fredagskväll är idrottshallen i
    Stockaryd öppen för ungdomar med vuxna från föreningarna. {f * 3}</p>
    <h2>Föräldrastöd på arabiska i Tranås</h2>
    <p>Familjecentralen i Tranås erbjuder föräldragrupper på arabiska med en kulturtolk som
    samtalsledare. {f * 2}</p>
    <h3>Lärdomar</h3><p>Grupperna fylls snabbt när inbjudan sprids muntligt genom föräldrar.
    {f * 2}</p>
    <h3>Nästa steg</h3><p>Nästa termin startar en grupp på somaliska med samma upplägg. {f * 8}
    Det sista stycket handlar om utvärderingen som görs tillsammans med föräldrarna.</p>
    <h2>Kommande träffar</h2><p>Den 12 februari 2026 träffas lärandenätverket i Aneby.</p>
    <p>Den 23 april 2026 träffas lärandenätverket i Habo.</p>
    </div></body></html>"""
    HTML(string=html).write_pdf(str(path))
    return path


def spanning_heading_newsletter(path: Path) -> Path:
    """Three columns: the first holds one example from top to bottom, the other two share an
    example whose heading spans just those two columns."""
    width, height = A4
    col_w = (width - 80 - 24) / 3
    x2 = 40 + col_w + 12
    frames = [
        Frame(40, height - 110, width - 80, 70, id="banner"),
        Frame(40, 50, col_w, height - 170, id="c1"),
        Frame(x2, height - 160, 2 * col_w + 12, 40, id="heading"),
        Frame(x2, 50, col_w, height - 220, id="c2"),
        Frame(x2 + col_w + 12, 50, col_w, height - 220, id="c3"),
    ]
    doc = BaseDocTemplate(str(path), pagesize=A4)
    doc.addPageTemplates([PageTemplate("p", frames, onPage=_footer)])
    story = [
        Paragraph("Nyhetsbrev Bästa platsen", TITLE),
        Paragraph("Maj 2026", SUB),
        FrameBreak(),
        Paragraph(
            "<b>Kvällsöppet i Tenhult –</b> Skolan i Tenhult håller öppet två kvällar i veckan "
            "för läxläsning och spel. " + FILLER * 5 + "Sista raden om Tenhult handlar om "
            "hur kvällarna ska utvärderas tillsammans med eleverna.",
            BODY,
        ),
        FrameBreak(),
        Paragraph("Simskola för alla barn i Hestra", H1),
        FrameBreak(),
        Paragraph(
            "Hestra har ordnat simskola för barn som inte lärt sig simma i skolan. " + FILLER * 6,
            BODY,
        ),
        Paragraph("Nästa steg", H2),
        Paragraph("Simskolan ska erbjudas även under sommarlovet. " + FILLER * 4, BODY),
    ]
    doc.build(story)
    return path


OUTLINE_LINES = [
    "Bakgrund",
    "Familjerna i Gällaryd saknade en mötesplats",
    "Syfte",
    "Fler föräldrar ska träffa varandra varje vecka",
    "Resultat",
    "Tjugo familjer kom till den öppna förskolan",
]


def outlined_poster(path: Path) -> Path:
    """A poster whose letters are vector outlines, not text (as some design tools export)."""
    from fontTools.pens.basePen import BasePen
    from fontTools.ttLib import TTFont
    from reportlab.pdfgen.canvas import Canvas

    font = TTFont("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    units = font["head"].unitsPerEm

    class Pen(BasePen):
        def __init__(self, path, x: float, y: float, scale: float) -> None:  # noqa: ANN001
            super().__init__(glyphs)
            self.p, self.x, self.y, self.s = path, x, y, scale

        def _pt(self, pt):  # noqa: ANN001, ANN202
            return self.x + pt[0] * self.s, self.y + pt[1] * self.s

        def _moveTo(self, pt) -> None:  # noqa: ANN001, N802
            self.p.moveTo(*self._pt(pt))

        def _lineTo(self, pt) -> None:  # noqa: ANN001, N802
            self.p.lineTo(*self._pt(pt))

        def _curveToOne(self, a, b, c) -> None:  # noqa: ANN001, N802
            self.p.curveTo(*self._pt(a), *self._pt(b), *self._pt(c))

        def _closePath(self) -> None:  # noqa: N802
            self.p.close()

    width, height = A4
    canvas = Canvas(str(path), pagesize=A4)
    y = height - 80
    for line in ["Utomhuscafé i Gällaryd", *OUTLINE_LINES]:
        size = 26 if y == height - 80 else (15 if line in ("Bakgrund", "Syfte", "Resultat") else 11)
        x = 60.0
        scale = size / units
        for char in line:
            name = cmap.get(ord(char))
            if name is None:
                continue
            path_obj = canvas.beginPath()
            glyphs[name].draw(Pen(path_obj, x, y, scale))
            canvas.drawPath(path_obj, stroke=0, fill=1)
            x += glyphs[name].width * scale
        y -= size * 2.2
    canvas.save()
    return path
