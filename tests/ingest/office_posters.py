"""Posters made the way teams make them: PowerPoint (python-pptx) or Impress (odfpy) slides with
a banner shape, free text boxes of long paragraphs, bullet lists and a table, exported to PDF
by LibreOffice. LibreOffice writes one text object per line, spaces justified words by
kerning inside it and gives its fonts no ascent or descent, so glyph boxes vary by letter."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Mm, Pt

# each panel: heading, paragraph as runs of (text, bold), bullet items
Panel = tuple[str, list[tuple[str, bool]], list[str]]

PANELS: list[Panel] = [
    (
        "Bakgrund",
        [
            (
                "På skolan i Skillingaryd märkte elevhälsan att allt fler elever i årskurs sju "
                "kom sent eller inte alls på måndagar, och att frånvaron ofta började långt "
                "innan någon vuxen reagerade. Rektor, kurator och fritidsgården bestämde sig "
                "därför för att pröva ett gemensamt arbetssätt under hela läsåret.",
                False,
            )
        ],
        [],
    ),
    (
        "Syfte och mål",
        [
            ("Syftet", False),
            (" är att ", False),
            ("fler elever", True),
            (
                " ska fullfölja sina studier och att frånvaro ska upptäckas redan första dagen, "
                "så att skolan och vårdnadshavarna kan agera tillsammans i tid.",
                False,
            ),
        ],
        [],
    ),
    (
        "Vad gjorde vi?",
        [
            (
                "Vi skickade sms till vårdnadshavare vid första frånvarotimmen, bildade team "
                "runt elever med hög frånvaro och frågade varje elev vad som skulle få hen att "
                "komma till skolan. Varje vecka räknade vi hur många elever som hade mer än tio "
                "procents frånvaro.",
                False,
            )
        ],
        [
            "Sms till vårdnadshavare redan första lektionen",
            "Samtal med eleven om vad som skulle få hen att komma",
            "Fritidsgården öppen efter skoldagens slut",
        ],
    ),
    (
        "Resultat",
        [
            ("Efter en termin hade ", False),
            ("andelen elever med hög frånvaro", True),
            (
                " minskat från fjorton till nio procent, och lärarna berättade att stämningen "
                "i klasserna blivit lugnare på måndagsmorgnarna.",
                False,
            ),
        ],
        [],
    ),
    (
        "Lärdomar",
        [
            (
                "Det tar tid att bygga relationer med de elever som varit borta länge, och det "
                "behövs en vuxen som tar ansvar för att följa upp varje elev vecka för vecka.",
                False,
            )
        ],
        [],
    ),
    (
        "Nästa steg",
        [
            (
                "Till hösten sprider vi arbetssättet till högstadiet i Vaggeryd och bjuder in "
                "socialtjänsten till teamen runt de elever som har störst frånvaro.",
                False,
            )
        ],
        [],
    ),
]
TITLE = "Närvaroteam på Skillingaryds skola"
SUBTITLE = "Team Vaggeryds kommun – elevhälsan, fritidsgården och socialtjänsten i samverkan"
TABLE = [
    ["Mätning", "Hösten 2023", "Våren 2024"],
    ["Elever med hög frånvaro", "fjorton procent", "nio procent"],
]


def paragraphs() -> list[str]:
    """Every text the posters hold, as one string each: title, subtitle, paragraphs, bullets."""
    out = [TITLE, SUBTITLE]
    for heading, runs, bullets in PANELS:
        out.append(heading)
        out.append("".join(text for text, _ in runs))
        out.extend(bullets)
    return out


@dataclass
class PptxStyle:
    """How one PowerPoint poster is set: paper, columns, alignment, sizes, spacing."""

    width_mm: float = 297.0
    height_mm: float = 420.0
    columns: int = 2
    gutter_mm: float = 8.0
    align: PP_ALIGN = PP_ALIGN.LEFT
    body_pt: float = 14.0
    font: str = "Liberation Sans"
    line_spacing: float = 1.0
    panel_fill: tuple[int, int, int] | None = None
    inset_mm: float | None = None  # the text boxes' left and right insets (2.5 mm if None)


def _banner(slide, width: float, text: str, size: float) -> None:  # noqa: ANN001
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Mm(10), Mm(8), Mm(width - 20), Mm(30))
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    frame = shape.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = True
    run.font.color.rgb = RGBColor(255, 255, 255)


def _bullet(paragraph) -> None:  # noqa: ANN001
    """A real bullet (buChar), not a typed one."""
    props = paragraph._p.get_or_add_pPr()
    props.set("marL", "285750")
    props.set("indent", "-285750")
    etree.SubElement(props, qn("a:buChar")).set("char", "•")


def _run(paragraph, text: str, size: float, bold: bool, style: PptxStyle) -> None:  # noqa: ANN001
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = style.font
    if style.panel_fill is not None:
        run.font.color.rgb = RGBColor(0, 0, 0)


def _panel(
    slide,  # noqa: ANN001
    box: tuple[float, float, float, float],
    panel: Panel,
    style: PptxStyle,
) -> None:
    heading, runs, bullets = panel
    x, y, w, h = (Mm(v) for v in box)
    if style.panel_fill is None:
        shape = slide.shapes.add_textbox(x, y, w, h)
    else:
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, y, w, h)
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor(*style.panel_fill)
    frame = shape.text_frame
    frame.word_wrap = True
    if style.inset_mm is not None:
        frame.margin_left = frame.margin_right = Mm(style.inset_mm)
    _run(frame.paragraphs[0], heading, style.body_pt + 6, True, style)
    para = frame.add_paragraph()
    para.alignment = style.align
    para.line_spacing = style.line_spacing
    for text, bold in runs:
        _run(para, text, style.body_pt, bold, style)
    for item in bullets:
        para = frame.add_paragraph()
        _bullet(para)
        para.alignment = style.align
        _run(para, item, style.body_pt, False, style)


def pptx_poster(path: Path, style: PptxStyle) -> Path:
    """A one-slide poster: banner, subtitle, panels in columns, a table at the foot."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Mm(style.width_mm), Mm(style.height_mm)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    width, height = style.width_mm, style.height_mm
    _banner(slide, width, TITLE, 32)
    subtitle = slide.shapes.add_textbox(Mm(10), Mm(42), Mm(width - 20), Mm(12))
    subtitle.text_frame.word_wrap = True
    _run(subtitle.text_frame.paragraphs[0], SUBTITLE, style.body_pt + 2, False, style)
    cols = style.columns
    col_w = (width - 20 - (cols - 1) * style.gutter_mm) / cols
    rows = -(-len(PANELS) // cols)
    row_h = (height - 60 - 45) / rows
    for i, panel in enumerate(PANELS):
        col, row = i % cols, i // cols
        box = (10 + col * (col_w + style.gutter_mm), 60 + row * row_h, col_w, row_h - 6)
        _panel(slide, box, panel, style)
    table = slide.shapes.add_table(2, 3, Mm(10), Mm(height - 40), Mm(width - 20), Mm(25)).table
    for r, cells in enumerate(TABLE):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    prs.save(str(path))
    return path


def _odp_styles(doc, justify: bool, body_pt: int) -> dict[str, object]:  # noqa: ANN001
    """Frame, banner, text and paragraph styles of the Impress poster, by short name."""
    from odf.style import GraphicProperties, ParagraphProperties, Style, TextProperties

    def style(name: str, family: str, props: object) -> Style:
        made = Style(name=name, family=family)
        made.addElement(props)
        doc.automaticstyles.addElement(made)
        return made

    styles: dict[str, object] = {
        "frame": style("fr", "graphic", GraphicProperties(stroke="none", fill="none")),
        "banner": style("bn", "graphic", GraphicProperties(fill="solid", fillcolor="#1f4e79")),
        "para": style(
            "pj", "paragraph", ParagraphProperties(textalign="justify" if justify else "start")
        ),
    }
    sizes = {"h": "22pt", "b": f"{body_pt}pt", "bb": f"{body_pt}pt", "w": "36pt"}
    for name, size in sizes.items():
        props = TextProperties(
            fontsize=size,
            fontfamily="Liberation Sans",
            fontweight="normal" if name == "b" else "bold",
            color="#ffffff" if name == "w" else "#000000",
        )
        styles[name] = style(name, "text", props)
    return styles


def odp_poster(path: Path, justify: bool = True, body_pt: int = 15) -> Path:
    """An A3 Impress poster: a banner shape and text frames of paragraphs and bullets."""
    from odf.draw import CustomShape, EnhancedGeometry, Frame, Page, TextBox
    from odf.opendocument import OpenDocumentPresentation
    from odf.style import MasterPage, PageLayout, PageLayoutProperties
    from odf.text import P, Span

    doc = OpenDocumentPresentation()
    layout = PageLayout(name="A3")
    layout.addElement(PageLayoutProperties(pagewidth="29.7cm", pageheight="42cm", margin="0cm"))
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    doc.masterstyles.addElement(master)
    styles = _odp_styles(doc, justify, body_pt)
    page = Page(masterpagename=master)
    doc.presentation.addElement(page)
    banner = CustomShape(
        stylename=styles["banner"], x="1cm", y="1cm", width="27.7cm", height="3.5cm"
    )
    title = P()
    title.addElement(Span(stylename=styles["w"], text=TITLE))
    banner.addElement(title)
    banner.addElement(EnhancedGeometry(viewbox="0 0 21600 21600", type="rectangle"))
    page.addElement(banner)
    for i, (heading, runs, bullets) in enumerate(PANELS):
        x, y = 1 + (i % 2) * 14.2, 6 + (i // 2) * 11.5
        frame = Frame(
            stylename=styles["frame"], x=f"{x}cm", y=f"{y}cm", width="13.5cm", height="11cm"
        )
        box = TextBox()
        lines = [[(heading, "h")], [(t, "bb" if b else "b") for t, b in runs]]
        lines += [[("• " + item, "b")] for item in bullets]
        if i == 0:
            lines.insert(0, [(SUBTITLE, "b")])
        for spans in lines:
            para = P(stylename=styles["para"])
            for text, name in spans:
                para.addElement(Span(stylename=styles[name], text=text))
            box.addElement(para)
        frame.addElement(box)
        page.addElement(frame)
    doc.save(str(path))
    return path


def to_pdf(sources: list[Path], out: Path) -> list[Path]:
    """The files exported to PDF by LibreOffice in one run, with a profile of its own (it
    exits 0 even when it fails, so each PDF is looked for)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed to make the office posters"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out), *map(str, sources)],
            check=True, capture_output=True, timeout=300,
        )
    pdfs = [out / f"{source.stem}.pdf" for source in sources]
    missing = [p.name for p in pdfs if not p.exists()]
    assert not missing, f"LibreOffice made no PDF of {missing}"
    return pdfs


# ---------------------------------------------------------------- posters laid out freely
# Team posters as coordinators make them: a banner with a small programme line (kicker) above
# the title, a coach line, panels placed freely in columns of different heights, a Kontakt
# panel in the middle of the page and panel headings of the team's own wording.


@dataclass
class FreeBox:
    """A text box: its heading, its paragraphs, its place as fractions of the page."""

    heading: str | None
    paras: list[str]
    x: float
    y: float
    w: float
    h: float
    shape: bool = False  # a tinted rounded shape instead of a bare text box


@dataclass
class FreePoster:
    """A poster of free boxes under a banner (kicker, title, subtitle, small lines)."""

    title: str
    subtitle: str
    boxes: list[FreeBox]
    kicker: str | None = None
    banner_lines: list[str] | None = None  # small lines under the subtitle (a coach line)
    width_mm: float = 297.0
    height_mm: float = 420.0
    body_pt: float = 12.0
    banner_h: float = 0.12

    def texts(self) -> list[str]:
        """The team's paragraphs: every box's heading and paragraphs."""
        return [t for box in self.boxes for t in [box.heading or "", *box.paras] if t]


def _pptx_free_banner(slide, poster: FreePoster) -> None:  # noqa: ANN001
    shape = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, 0, 0, Mm(poster.width_mm), Mm(poster.height_mm * poster.banner_h)
    )
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor(0x1F, 0x5C, 0x8B)
    frame = shape.text_frame
    frame.word_wrap = True
    size = poster.body_pt
    lines = [(poster.kicker, 0.9, False)] if poster.kicker else []
    lines += [(poster.title, 2.4, True), (poster.subtitle, 1.3, False)]
    lines += [(line, 0.9, False) for line in poster.banner_lines or []]
    for n, (text, scale, bold) in enumerate(lines):
        para = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = text
        run.font.size = Pt(size * scale)
        run.font.bold = bold
        run.font.color.rgb = RGBColor(255, 255, 255)


def pptx_free_poster(path: Path, poster: FreePoster) -> Path:
    """The poster as one PowerPoint slide of free text boxes and shapes."""
    prs = Presentation()
    w, h = poster.width_mm, poster.height_mm
    prs.slide_width, prs.slide_height = Mm(w), Mm(h)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _pptx_free_banner(slide, poster)
    style = PptxStyle(body_pt=poster.body_pt)
    for box in poster.boxes:
        geom = (Mm(box.x * w), Mm(box.y * h), Mm(box.w * w), Mm(box.h * h))
        if box.shape:
            shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *geom)
            shape.fill.solid()
            shape.fill.fore_color.rgb = RGBColor(0xE8, 0xF0, 0xF7)
        else:
            shape = slide.shapes.add_textbox(*geom)
        frame = shape.text_frame
        frame.word_wrap = True
        lines = ([(box.heading, True)] if box.heading else []) + [(p, False) for p in box.paras]
        for n, (text, bold) in enumerate(lines):
            para = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            para.alignment = PP_ALIGN.LEFT
            _run(para, text, poster.body_pt + (3 if bold else 0), bold, style)
            run = para.runs[-1]
            run.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    prs.save(str(path))
    return path


def _odp_free_styles(doc, size: float) -> dict[str, object]:  # noqa: ANN001
    from odf.style import GraphicProperties, ParagraphProperties, Style, TextProperties

    def add(name: str, family: str, *props: object) -> Style:
        made = Style(name=name, family=family)
        for prop in props:
            made.addElement(prop)
        doc.automaticstyles.addElement(made)
        return made

    st: dict[str, object] = {
        "free": add("gfree", "graphic", GraphicProperties(
            stroke="none", fill="none", autogrowheight="false", textareaverticalalign="top")),
        "box": add("gbox", "graphic", GraphicProperties(
            stroke="solid", fill="solid", fillcolor="#e8f0f7", autogrowheight="false",
            textareaverticalalign="top")),
        "banner": add("gbanner", "graphic", GraphicProperties(
            stroke="none", fill="solid", fillcolor="#1f5c8b", textareaverticalalign="middle")),
    }
    for name, scale, bold, color in (("h", 1.25, "bold", "#202020"), ("t", 1, "normal",
                                     "#202020"), ("k", 0.9, "normal", "#ffffff"), ("b", 2.4,
                                     "bold", "#ffffff"), ("s", 1.3, "normal", "#ffffff")):
        st[name] = add(name, "paragraph", ParagraphProperties(marginbottom="0.15cm"),
                       TextProperties(fontsize=f"{size * scale:.1f}pt", fontweight=bold,
                                      color=color, fontfamily="Liberation Sans"))
    return st


def odp_free_poster(path: Path, poster: FreePoster) -> Path:
    """The poster as one Impress page: a banner rectangle and free text frames."""
    from odf.draw import Frame, Page, Rect, TextBox
    from odf.opendocument import OpenDocumentPresentation
    from odf.style import MasterPage, PageLayout, PageLayoutProperties
    from odf.text import P

    w, h = poster.width_mm / 10, poster.height_mm / 10
    doc = OpenDocumentPresentation()
    layout = PageLayout(name="poster")
    layout.addElement(PageLayoutProperties(pagewidth=f"{w}cm", pageheight=f"{h}cm", margin="0cm"))
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    doc.masterstyles.addElement(master)
    st = _odp_free_styles(doc, poster.body_pt)
    page = Page(masterpagename=master)
    doc.presentation.addElement(page)
    banner = Rect(stylename=st["banner"], x="0cm", y="0cm", width=f"{w}cm",
                  height=f"{h * poster.banner_h:.2f}cm")
    if poster.kicker:
        banner.addElement(P(stylename=st["k"], text=poster.kicker))
    banner.addElement(P(stylename=st["b"], text=poster.title))
    banner.addElement(P(stylename=st["s"], text=poster.subtitle))
    for line in poster.banner_lines or []:
        banner.addElement(P(stylename=st["k"], text=line))
    page.addElement(banner)
    for box in poster.boxes:
        frame = Frame(stylename=st["box" if box.shape else "free"], x=f"{box.x * w:.2f}cm",
                      y=f"{box.y * h:.2f}cm", width=f"{box.w * w:.2f}cm",
                      height=f"{box.h * h:.2f}cm")
        text = TextBox()
        if box.heading:
            text.addElement(P(stylename=st["h"], text=box.heading))
        for para in box.paras:
            text.addElement(P(stylename=st["t"], text=para))
        frame.addElement(text)
        page.addElement(frame)
    doc.save(str(path))
    return path


def kicker_poster(width_mm: float = 210.0, height_mm: float = 297.0) -> FreePoster:
    """A preschool's poster in three columns: a kicker and a coach line in the banner, panel
    headings in the team's words, a Kontakt panel in the middle column above another panel."""
    return FreePoster(
        title="Rörelsepass varje förmiddag",
        subtitle="Förskolan Solrosen och barnhälsovården · Tranås kommun",
        kicker="Bästa platsen att växa upp, leva och bo på · Lärandenätverk 2024",
        banner_lines=["Coach: Helena Strand, Qulturum"],
        width_mm=width_mm, height_mm=height_mm, body_pt=9.0 if width_mm < 290 else 12.0,
        boxes=[
            FreeBox("Så gör vi", [
                "Varje förmiddag klockan tio samlas alla barn på gården eller i rörelserummet "
                "för ett pass på tjugo minuter. Pedagogerna turas om att leda och barnen får "
                "själva välja en lek varje fredag.",
                "Vi lånar bollar och rockringar från idrottsföreningen i Tranås."],
                0.04, 0.15, 0.29, 0.28),
            FreeBox("Det här har vi gjort", [
                "Under hösten utbildade sjuksköterskan på barnavårdscentralen hela "
                "personalgruppen i hur små barn utvecklar sin motorik. Sedan dess har vi byggt "
                "en hinderbana som flyttas mellan avdelningarna varje månad."],
                0.04, 0.46, 0.29, 0.30),
            FreeBox("Bakgrund", [
                "Vid fyraårsbesöket såg barnhälsovården att allt fler barn i Tranås hade svårt "
                "att hoppa jämfota och att balansera på ett ben."],
                0.355, 0.15, 0.29, 0.16),
            FreeBox("Kontakt", [
                "Förskollärare Sanna Lindqvist, sanna.lindqvist@tranas.example.se",
                "Barnsjuksköterska Oskar Nyberg"], 0.355, 0.33, 0.29, 0.11, shape=True),
            FreeBox("Framåt", [
                "Till våren bjuder vi in vårdnadshavarna till ett eget rörelsepass en lördag i "
                "månaden och prövar samma upplägg på Förskolan Lärkan."],
                0.355, 0.47, 0.29, 0.20),
            FreeBox("Så här gick det", [
                "Efter en termin klarade sjutton av tjugotvå barn att balansera på ett ben i tio "
                "sekunder, mot nio barn i augusti. Pedagogerna säger att barnen är lugnare vid "
                "samlingen efter passet."], 0.67, 0.15, 0.29, 0.36),
            FreeBox("Vad vi lärt oss", [
                "Det räcker inte att ha ett schema; någon måste äga passet varje dag och ha ett "
                "reservförslag när det regnar."], 0.67, 0.54, 0.29, 0.22),
        ],
    )


def contact_middle_poster() -> FreePoster:
    """A family centre's A4 landscape poster: a network kicker, a Kontakt panel at the top of
    the middle column with an unheaded quote box below it, a process lead's line at the foot."""
    return FreePoster(
        title="Samtalsgrupp för tonårsföräldrar",
        subtitle="Familjecentralen Kompassen och socialtjänsten · Vetlanda kommun",
        kicker="Ett exempel från lärandenätverket",
        width_mm=297.0, height_mm=210.0, body_pt=10.0, banner_h=0.16,
        boxes=[
            FreeBox("Så gör vi", [
                "Sex kvällar under en termin träffas åtta till tio föräldrar med en "
                "familjebehandlare och en kurator från Withalaskolan. Varje kväll har ett tema, "
                "till exempel skärmtid, sömn och bråk om läxor.",
                "Barnvakt och fika ingår så att fler kan komma."], 0.03, 0.19, 0.30, 0.50),
            FreeBox("Det här har vi gjort", [
                "Hittills har tre grupper gått klart, sammanlagt tjugoåtta föräldrar. Två av "
                "grupperna har fortsatt att träffas på egen hand."], 0.03, 0.72, 0.30, 0.20),
            FreeBox("Kontakt", [
                "Familjebehandlare Amira Haddad, amira.haddad@vetlanda.example.se"],
                0.355, 0.19, 0.30, 0.14, shape=True),
            FreeBox(None, [
                "”Jag trodde att det bara var vi som hade det så här hemma” – en pappa i "
                "vårens grupp"], 0.355, 0.36, 0.30, 0.12),
            FreeBox("Så här gick det", [
                "Föräldrarna skattade sin oro på en skala från ett till tio. Före första "
                "kvällen var medelvärdet sju och efter sista kvällen fyra."],
                0.355, 0.50, 0.30, 0.22),
            FreeBox("Vad vi lärt oss", [
                "Inbjudan måste komma från någon föräldrarna redan känner, annars kommer "
                "ingen. Mentorerna på skolan är bäst på att fråga."], 0.68, 0.19, 0.29, 0.30),
            FreeBox("Framåt", [
                "Nästa läsår startar vi en grupp på arabiska tillsammans med studieförbundet i "
                "Vetlanda."], 0.68, 0.52, 0.29, 0.18),
            FreeBox(None, ["Processledare: Jonas Berg, Kommunal utveckling"],
                    0.68, 0.90, 0.29, 0.05),
        ],
    )


def coach_panel_poster() -> FreePoster:
    """The family centre's poster with the kicker in a text box of its own under the banner,
    "Vår coach: …" in the banner and a panel headed Processledare at the foot of a column."""
    poster = contact_middle_poster()
    poster.kicker = None
    poster.banner_lines = ["Vår coach: Helena Strand, Qulturum"]
    boxes = [box for box in poster.boxes if box.heading is not None or box.paras[0][0] == "”"]
    poster.boxes = [
        FreeBox(None, ["Ett exempel från lärandenätverket"], 0.03, 0.165, 0.5, 0.025),
        *boxes,
        FreeBox("Processledare", ["Jonas Berg, Kommunal utveckling"], 0.68, 0.78, 0.29, 0.12),
    ]
    return poster


def blank_lines_poster(width_mm: float = 297.0, height_mm: float = 420.0) -> FreePoster:
    """The preschool's poster with columns of different heights, drawn top row first: the left
    column's first box is tall and holds two blank lines between its paragraphs, beside two
    short boxes stacked in each neighbouring column. The blank lines leave whitespace across
    the page; the box's text after them is still its own, read before the panels beside it."""
    poster = kicker_poster(width_mm, height_mm)
    by_heading = {box.heading: box for box in poster.boxes}
    first = by_heading["Så gör vi"]
    paras = [first.paras[0].split(". ")[0] + ".", "", "",
             first.paras[0].split(". ", 1)[1], *first.paras[1:]]
    places = [  # heading, x, top, height; in the order they are drawn
        ("Så gör vi", 0.04, 0.15, 0.35), ("Bakgrund", 0.355, 0.15, 0.08),
        ("Så här gick det", 0.67, 0.15, 0.10), ("Framåt", 0.355, 0.26, 0.12),
        ("Vad vi lärt oss", 0.67, 0.27, 0.12), ("Det här har vi gjort", 0.04, 0.52, 0.20),
        ("Kontakt", 0.355, 0.52, 0.10),
    ]
    poster.boxes = [
        FreeBox(heading, paras if heading == "Så gör vi" else by_heading[heading].paras,
                x, top, by_heading[heading].w, height, by_heading[heading].shape)
        for heading, x, top, height in places
    ]
    return poster
