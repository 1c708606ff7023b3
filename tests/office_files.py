"""Small office files made the way coordinators make them (python-docx, python-pptx, odfpy), for
the tests of reading, storing and uploading office documents. Each builder returns the bytes."""

from __future__ import annotations

import io
import zipfile

from docx import Document as WordDocument
from docx.shared import Pt
from odf.draw import Frame, Page, TextBox
from odf.opendocument import OpenDocumentPresentation, OpenDocumentText
from odf.style import (
    GraphicProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    Style,
    TextProperties,
)
from odf.text import H, P
from pptx import Presentation
from pptx.util import Cm
from pptx.util import Pt as PptPt

TEAM_TITLE = "Läxcafé på Hovslättsskolan"
TEAM_TEXT = (
    "Hovslättsskolan i Jönköping har startat ett läxcafé två eftermiddagar i veckan. "
    "Pensionerade lärare hjälper eleverna i årskurs sju till nio med matematik och svenska. "
    "Kuratorn Sara Nilsson berättar att fler elever nu klarar sina prov och att närvaron "
    "på eftermiddagarna har ökat sedan starten."
)
NEXT_STEP = "Till våren vill skolan bjuda in vårdnadshavare till en öppen kväll i caféet."
POSTER_TITLE = "Rörelse varje rast i Habo"
POSTER_BOXES = {
    "Bakgrund": "Många elever på Furulidskolan i Habo satt stilla på rasterna och "
                "kartläggningen visade att rörelsen minskade med åldern.",
    "Vad gjorde vi": "Rastvärdar från årskurs sex leder lekar varje förmiddagsrast och "
                     "fritidspedagogen Jonas Ek planerar aktiviteterna tillsammans med dem.",
    "Resultat": "Efter en termin deltar två av tre elever i någon rastaktivitet varje vecka.",
}


def docx_newsletter() -> bytes:
    """A Word newsletter: masthead, a heading-led team section, a coach line."""
    doc = WordDocument()
    doc.add_heading("Nyhetsbrev Bästa platsen – Hösten 2020", level=0)
    doc.add_paragraph("Lärandenätverket träffades i Jönköping för att dela erfarenheter.")
    doc.add_heading(TEAM_TITLE, level=1)
    doc.add_paragraph(TEAM_TEXT)
    doc.add_heading("Nästa steg", level=2)
    doc.add_paragraph(NEXT_STEP)
    run = doc.add_paragraph().add_run("Region Jönköpings län")
    run.font.size = Pt(9)
    return _saved(doc)


AGENDA_ITEMS = ("Välkomna och fika", "Tre team berättar om sitt arbete", "Planering med coacherna")


def docx_bullet_list() -> bytes:
    """A Word newsletter with a bulleted agenda in Word's own list style (Symbol-font bullets)."""
    doc = WordDocument()
    doc.add_heading("Nyhetsbrev Bästa platsen – Våren 2023", level=0)
    doc.add_paragraph("Dagens program:")
    for item in AGENDA_ITEMS:
        doc.add_paragraph(item, style="List Bullet")
    return _saved(doc)


CONTACT_ROWS = (
    ("Namn", "Roll", "E-post", "Telefon"),
    ("Karin Holmqvist Andersson", "Biträdande rektor på Skogsbyskolan i Bodafors",
     "karin.holmqvist.andersson@nassjo.se", "0380-51 72 40"),
    ("Per Ek", "Kurator", "per.ek@nassjo.se", "0380-51 72 41"),
)
LISTS_SIDE_BY_SIDE = (("Det här fungerade", "Barnpassning under träffarna", "Samma två ledare"),
                      ("Det här ändrar vi", "Kortare teoripass", "Tolk vid varje träff"))


def docx_tables() -> bytes:
    """A Word newsletter with a contact table without rules whose cells wrap, and a one-row
    table that holds two lists side by side."""
    doc = WordDocument()
    doc.add_heading("Nyhetsbrev Bästa platsen – Våren 2023", level=0)
    doc.add_paragraph("Kontakter i de nya teamen:")
    table = doc.add_table(rows=len(CONTACT_ROWS), cols=len(CONTACT_ROWS[0]))
    for r, row in enumerate(CONTACT_ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_paragraph("Utvärdering av föräldragruppen:")
    lists = doc.add_table(rows=1, cols=len(LISTS_SIDE_BY_SIDE))
    for c, (head, *items) in enumerate(LISTS_SIDE_BY_SIDE):
        cell = lists.cell(0, c)
        cell.text = head
        for item in items:
            cell.add_paragraph(item)
    return _saved(doc)


def pptx_poster() -> bytes:
    """A PowerPoint poster on one A4 slide: a title box and free text boxes."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Cm(21), Cm(29.7)
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    title = slide.shapes.add_textbox(Cm(1.5), Cm(1.5), Cm(18), Cm(3)).text_frame
    title.word_wrap = True
    title.text = POSTER_TITLE
    title.paragraphs[0].runs[0].font.size = PptPt(36)
    title.paragraphs[0].runs[0].font.bold = True
    top = 6.0
    for heading, text in POSTER_BOXES.items():
        frame = slide.shapes.add_textbox(Cm(1.5), Cm(top), Cm(18), Cm(6)).text_frame
        frame.word_wrap = True
        frame.text = heading
        frame.paragraphs[0].runs[0].font.size = PptPt(20)
        frame.paragraphs[0].runs[0].font.bold = True
        body = frame.add_paragraph()
        body.text = text
        body.runs[0].font.size = PptPt(14)
        top += 7.0
    return _saved(deck)


def odt_newsletter() -> bytes:
    """The Word newsletter's text as an OpenDocument text."""
    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text="Nyhetsbrev Bästa platsen – Hösten 2020"))
    doc.text.addElement(P(text="Lärandenätverket träffades i Jönköping för att dela erfarenheter."))
    doc.text.addElement(H(outlinelevel=2, text=TEAM_TITLE))
    doc.text.addElement(P(text=TEAM_TEXT))
    doc.text.addElement(H(outlinelevel=3, text="Nästa steg"))
    doc.text.addElement(P(text=NEXT_STEP))
    return _saved(doc)


def odp_poster() -> bytes:
    """The PowerPoint poster's text as an OpenDocument presentation (one A4 page)."""
    doc = OpenDocumentPresentation()
    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm",
                                           printorientation="portrait"))
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Affisch", pagelayoutname=layout)
    doc.masterstyles.addElement(master)
    frame_style = Style(name="ruta", family="graphic")
    frame_style.addElement(GraphicProperties(stroke="none", fill="none"))
    big = Style(name="stor", family="paragraph")
    big.addElement(TextProperties(fontsize="32pt", fontweight="bold"))
    doc.automaticstyles.addElement(frame_style)
    doc.automaticstyles.addElement(big)
    page = Page(masterpagename=master)
    doc.presentation.addElement(page)
    boxes = [(POSTER_TITLE, None), *POSTER_BOXES.items()]
    for n, (heading, text) in enumerate(boxes):
        frame = Frame(stylename=frame_style, width="18cm", height="5cm", x="1.5cm",
                      y=f"{1.5 + n * 6.5}cm")
        box = TextBox()
        box.addElement(P(stylename=big if text is None else None, text=heading))
        if text is not None:
            box.addElement(P(text=text))
        frame.addElement(box)
        page.addElement(frame)
    return _saved(doc)


def _saved(doc: object) -> bytes:
    out = io.BytesIO()
    doc.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def broken_docx() -> bytes:
    """A DOCX whose main part is not XML: the archive is fine, the document is not."""
    good = zipfile.ZipFile(io.BytesIO(docx_newsletter()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as bad:
        for item in good.infolist():
            data = good.read(item)
            if item.filename == "word/document.xml":
                data = b"<w:document>\x00\x01 inte xml" * 50
            bad.writestr(item, data)
    return out.getvalue()


def zip_with(entries: dict[str, bytes]) -> bytes:
    """A ZIP archive holding ``entries`` (name -> content)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()
