"""Posters made in a design tool rather than an office program, read by the real pipeline.

A designed poster sets its title in very big type over several lines, each line its own size
and place (one of them often turned a few degrees), with a small badge standing among them: the
lines together are the title, not the largest one alone. Its last card may end its running text
with an inline "Kontakt: …": the text before it is the example's, the contact the context's.
Two generators: HTML with absolute positions and CSS transforms (WeasyPrint), and a reportlab
canvas drawing each line where it wants it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from ingest.model import Document
from ingest.pipeline import read_pdf
from ingest.text import normalize

TITLE_LINES = ("Läs", "för", "livet!")
TITLE = "Läs för livet!"
SUBTITLE = "Läsgruppen på Bodaskolan i Bodafors · Nässjö kommun · Hösten 2024"
BADGE = "FULLFÖLJDA STUDIER"
CARDS = (
    ("HUR BÖRJADE DET?", "I höstas läste hälften av eleverna i årskurs 3 på Bodaskolan under "
     "den nivå de borde ha nått. Skolbiblioteket hade länge varit stängt på eftermiddagarna."),
    ("VAD HAR VI TESTAT?", "Två pensionerade lärare och bibliotekarien läser med små grupper "
     "varje tisdag och torsdag efter lunch. Eleverna väljer själva bok och läser högt för en "
     "vuxen i tjugo minuter."),
    ("RESULTAT", "Tjugotre elever har varit med sedan starten. Nitton av dem läser nu i "
     "den takt läroplanen anger för årskursen."),
)
LAST_CARD = ("VIDARE", "Läsgrupperna fortsätter under våren och ska prövas även i årskurs 2.")
CONTACT = "Kontakt: Elsa Lindqvist, speciallärare, elsa.lindqvist@bodaskolan.se, 0380-51 22 90"
FOOTER = "Ett arbete inom lärandenätverket · Nässjö kommun"


def _html_poster(path: Path) -> Path:
    """Title lines of three sizes placed apart, the middle one turned, a badge among them."""
    from weasyprint import HTML

    cards = "".join(
        f'<div class="card" style="left:{x}mm;top:{y}mm"><h3>{h}</h3>{t}</div>'
        for (h, t), (x, y) in zip(CARDS, ((12, 110), (106, 106), (14, 168)), strict=True))
    html = f"""<html lang="sv"><head><style>
    @page {{ size: A4; margin: 0 }} body {{ margin: 0; font-family: DejaVu Sans }}
    .t {{ position: absolute; font-family: DejaVu Serif; font-weight: bold; line-height: 1 }}
    .card {{ position: absolute; width: 80mm; font-size: 10pt; line-height: 1.35;
             background: #eef; padding: 4mm }}
    .card h3 {{ margin: 0 0 1mm; font-size: 12pt }}
    </style></head><body>
    <div class="t" style="left:16mm;top:10mm;font-size:58pt">{TITLE_LINES[0]}</div>
    <div class="t" style="left:44mm;top:33mm;font-size:42pt;transform:rotate(-5deg)">
      {TITLE_LINES[1]}</div>
    <div class="t" style="left:74mm;top:50mm;font-size:64pt">{TITLE_LINES[2]}</div>
    <div style="position:absolute;left:150mm;top:46mm;font-weight:bold;font-size:11pt;
      transform:rotate(7deg)">{BADGE}</div>
    <div style="position:absolute;left:14mm;top:86mm;font-size:12.5pt">{SUBTITLE}</div>
    {cards}
    <div class="card" style="left:40mm;top:220mm;width:125mm"><h3>{LAST_CARD[0]}</h3>
      {LAST_CARD[1]} {CONTACT}</div>
    <div style="position:absolute;left:0;right:0;top:285mm;text-align:center;font-size:8.5pt">
      {FOOTER}</div>
    </body></html>"""
    HTML(string=html).write_pdf(str(path))
    return path


def _canvas_poster(path: Path) -> Path:
    """The same poster drawn line by line on a reportlab canvas; the first title line turned."""
    width, height = A4
    c = Canvas(str(path), pagesize=A4)
    c.saveState()
    c.translate(40, height - 80)
    c.rotate(4)
    c.setFont("Times-Bold", 56)
    c.drawString(0, 0, TITLE_LINES[0])
    c.restoreState()
    c.setFont("Helvetica-Bold", 11)
    c.drawString(420, height - 110, BADGE)
    for text, size, x, y in ((TITLE_LINES[1], 40, 120, 140), (TITLE_LINES[2], 66, 190, 200)):
        c.setFont("Times-Bold", size)
        c.drawString(x, height - y, text)
    c.setFont("Helvetica", 12.5)
    c.drawString(40, height - 245, SUBTITLE)
    top = 300
    for heading, text in (*CARDS, (LAST_CARD[0], f"{LAST_CARD[1]} {CONTACT}")):
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, height - top, heading)
        top = _wrapped(c, text, 50, top + 18, height)
        top += 26
    c.setFont("Helvetica", 8.5)
    c.drawCentredString(width / 2, 24, FOOTER)
    c.save()
    return path


def _subtitled_poster(path: Path, line: str, font: str) -> Path:
    """A one-line title in very big type over a line nearly as big: a team line with its
    separator, or a municipality in another weight."""
    width, height = A4
    c = Canvas(str(path), pagesize=A4)
    for text, face, size, y in (("Rörelse på rasten", "Helvetica-Bold", 56, 90),
                                (line, font, 36, 135)):
        c.setFont(face, size)
        c.drawString(40, height - y, text)
    top = 240
    for heading, text in CARDS:
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, height - top, heading)
        top = _wrapped(c, text, 50, top + 18, height) + 26
    c.save()
    return path


def _wrapped(c: Canvas, text: str, x: float, top: float, height: float) -> float:
    """Draw ``text`` in 10-point lines of at most 90 characters; the top of the next line."""
    c.setFont("Helvetica", 10)
    line: list[str] = []
    for word in [*text.split(), None]:
        if word is None or len(" ".join([*line, word])) > 90:
            c.drawString(x, height - top, " ".join(line))
            top += 13.5
            line = []
        if word is not None:
            line.append(word)
    return top


@pytest.fixture(scope="module")
def posters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    folder = tmp_path_factory.mktemp("designed")
    return {name: read_pdf(make(folder / f"affisch-lasgrupp-{name}.pdf"))
            for name, make in (("html", _html_poster), ("canvas", _canvas_poster))}


@pytest.mark.parametrize("name", ["html", "canvas"])
def test_title_over_several_big_lines_is_one_title(posters: dict[str, Document], name: str) -> None:
    doc = posters[name]
    assert doc.kind == "poster"
    assert doc.title == TITLE
    assert [e.title for e in doc.examples] == [TITLE]


@pytest.mark.parametrize(("line", "font"), [("Team Rasten · Habo", "Helvetica-Bold"),
                                            ("Habo kommun", "Helvetica")])
def test_a_team_line_in_big_type_is_no_line_of_the_title(
    tmp_path: Path, line: str, font: str
) -> None:
    doc = read_pdf(_subtitled_poster(tmp_path / "affisch-rastaktivitet.pdf", line, font))
    assert doc.title == "Rörelse på rasten"
    assert [e.title for e in doc.examples] == ["Rörelse på rasten"]


@pytest.mark.parametrize("name", ["html", "canvas"])
def test_cards_are_one_example_and_an_inline_contact_is_context(
    posters: dict[str, Document], name: str
) -> None:
    doc = posters[name]
    (example,) = doc.examples
    text = normalize(example.text)
    for heading, body in (*CARDS, LAST_CARD):
        assert normalize(body) in text, heading
    assert "elsa.lindqvist@bodaskolan.se" not in text
    context = normalize(" ".join(s.text for s in doc.context))
    assert "elsa.lindqvist@bodaskolan.se" in context
    assert FOOTER not in text


PICTURE_TITLE = "Fotboll på lovet"


def _picture(text: str, size: int, width: int, height: int) -> str:
    """``text`` drawn in white on a dark strip, as a PNG data URL (a title exported as an
    image from a design tool)."""
    import base64
    import io

    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (width, height), (40, 70, 110))
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", size)
    ImageDraw.Draw(image).text((30, (height - size) // 2 - 8), text, font=font, fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _picture_title_poster(path: Path, title_as_picture: bool) -> Path:
    """A poster whose title is a picture (only the team line and the panels are text), or
    one with a text title and the region's logo as a wide picture above it."""
    from weasyprint import HTML

    if title_as_picture:
        top = f'<img src="{_picture(PICTURE_TITLE, 90, 1600, 170)}" style="width:180mm">'
    else:
        top = (f'<img src="{_picture("Region Jönköpings län", 40, 900, 90)}" style="width:70mm">'
               f'<h1 style="font-size:30pt;margin:2mm 0">{PICTURE_TITLE}</h1>')
    cards = "".join(f"<h3>{h.capitalize()}</h3><p>{t}</p>" for h, t in CARDS)
    HTML(string=f"""<html lang="sv"><head><style>
    @page {{ size: A4; margin: 15mm }} body {{ font-family: DejaVu Sans; font-size: 11pt }}
    h3 {{ font-size: 12pt; margin: 5mm 0 1mm }}
    </style></head><body>{top}
    <p style="font-size:12pt">Fritidsgården i Mariannelund · Eksjö kommun · Sommaren 2024</p>
    {cards}</body></html>""").write_pdf(str(path))
    return path


@pytest.mark.parametrize("as_picture", [True, False])
def test_a_title_set_as_a_picture_is_read(tmp_path: Path, as_picture: bool) -> None:
    """With no title in the text layer, a wide picture at the top of the poster is read by
    OCR for it; a poster with its title in text keeps it (its logo is not read)."""
    doc = read_pdf(_picture_title_poster(tmp_path / "affisch-fotboll.pdf", as_picture))
    assert doc.title == PICTURE_TITLE
    assert [e.title for e in doc.examples] == [PICTURE_TITLE]
    assert "Jönköpings" not in doc.examples[0].text
    assert any("bild" in w and "OCR" in w for w in doc.warnings) == as_picture
