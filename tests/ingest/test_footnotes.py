"""Footnotes in newsletters, read by the real pipeline: small numbered notes at a page's foot
are no example's text, even where a team's section runs on from that page to the next (the
notes then stand between its two halves). They go to the document's context.

Two generators: a Writer document with real footnotes (odfpy, exported by LibreOffice) and an
HTML newsletter with CSS footnotes (``float: footnote``) printed by WeasyPrint.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.model import Document
from ingest.pipeline import read_pdf
from ingest.text import normalize
from tests.ingest.office_newsletters import to_pdf

pytestmark = pytest.mark.slow

TITLE = "Lärandebladet för Höglandet"
INTRO = "Här samlar vi nyheter från teamen i nätverket under våren."
# (heading, paragraphs); a paragraph's "[n]" is where footnote n is called
SECTIONS = (
    ("Läsfrämjande i Bodafors", (
        "Biblioteket i Bodafors lånar ut bokpåsar till alla familjer med barn i förskoleklass.[1] "
        "Personalen på förskolan delar ut påsarna vid utvecklingssamtalet i mars.",
        "Hittills har sextiofyra familjer fått en påse och nästan alla har kommit tillbaka för "
        "att byta böcker. Flera föräldrar säger att de nu läser varje kväll.",
    )),
    ("Närvaroteamet i Vaggeryd", (
        "Skolorna i Vaggeryd har sedan januari ett närvaroteam med kurator, skolsköterska och "
        "en socialsekreterare som träffar familjer när frånvaron börjar öka[2]. Teamet ringer hem "
        "redan den första dagen en elev saknas utan anmälan.",
        "Efter tre månader hade elva av femton elever med hög frånvaro kommit tillbaka till "
        "skolan på heltid. Teamet har också ordnat en föräldraträff om sömn och skärmtid.",
        "Nu vill teamet pröva samma arbetssätt på högstadiet i Skillingaryd och följa upp "
        "frånvaron varje månad tillsammans med rektorerna på skolorna.",
        "Rektorerna har redan avsatt tid på sina ledningsmöten för att gå igenom siffrorna, och "
        "elevhälsan ska rapportera till barn- och utbildningsnämnden i juni.",
    )),
    ("Simskola i Lammhult", (
        "I Lammhult har föreningen och skolan ordnat simskola på lördagar för barn som inte kan "
        "simma. Trettio barn har anmält sig och tolv föräldrar hjälper till i bassängen.",
    )),
)
NOTES = (
    "Påsarna är bekostade av kulturnämnden och innehåller tre böcker på två språk.",
    "Arbetssättet beskrivs närmare i regionens handbok om skolnärvaro från i fjol.",
)
# the lines above the sections that push the second one across the page break
SPACER = ("Om nätverket", "Nätverket har träffats fyra gånger i vår och fler team har "
          "anslutit sig under terminen. " * 6)


def _with_calls(text: str, call: callable) -> str:  # type: ignore[valid-type]
    for n, note in enumerate(NOTES, start=1):
        text = text.replace(f"[{n}]", call(note))
    return text


def _html_pdf(path: Path) -> Path:
    from weasyprint import HTML

    body = "".join(
        f"<h2>{heading}</h2>" + "".join(
            f"<p>{_with_calls(p, lambda note: f'<span class=fn>{note}</span>')}</p>"
            for p in paras)
        for heading, paras in SECTIONS)
    HTML(string=f"""<html lang="sv"><head><style>
    @page {{ size: A4; margin: 25mm 22mm }} body {{ font-family: DejaVu Sans; font-size: 11pt;
    line-height: 1.45 }} h1 {{ font-size: 22pt }} h2 {{ font-size: 14pt; margin: 7mm 0 2mm }}
    .fn {{ float: footnote; font-size: 8.5pt }} p {{ margin: 0 0 3mm }}
    </style></head><body><h1>{TITLE}</h1><p>{INTRO}</p><h2>{SPACER[0]}</h2><p>{SPACER[1]}</p>
    <p>{SPACER[1]}</p>{body}</body></html>""").write_pdf(str(path))
    return path


def _odt_pdf(path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.text import H, Note, NoteBody, NoteCitation, P

    doc = OpenDocumentText()

    def style(name: str, size: str, bold: bool = False) -> Style:
        made = Style(name=name, family="paragraph")
        made.addElement(ParagraphProperties(marginbottom="0.25cm"))
        made.addElement(TextProperties(fontsize=size, fontweight="bold" if bold else "normal"))
        doc.automaticstyles.addElement(made)
        return made

    title, head, body = style("T", "22pt", True), style("H", "14pt", True), style("B", "11pt")
    doc.text.addElement(P(stylename=title, text=TITLE))
    doc.text.addElement(P(stylename=body, text=INTRO))
    doc.text.addElement(H(outlinelevel=1, stylename=head, text=SPACER[0]))
    for _ in range(6):  # Writer sets the text smaller than the browser
        doc.text.addElement(P(stylename=body, text=SPACER[1]))
    for heading, paras in SECTIONS:
        doc.text.addElement(H(outlinelevel=1, stylename=head, text=heading))
        for para in paras:
            par = P(stylename=body)
            for piece in para.replace("[", "\0[").replace("]", "]\0").split("\0"):
                if piece.startswith("[") and piece.endswith("]"):
                    n = int(piece[1:-1])
                    note = Note(id=f"ftn{n}", noteclass="footnote")
                    note.addElement(NoteCitation(text=str(n)))
                    note_body = NoteBody()
                    note_body.addElement(P(text=NOTES[n - 1]))
                    note.addElement(note_body)
                    par.addElement(note)
                else:
                    par.addText(piece)
            doc.text.addElement(par)
    source = path.with_suffix(".odt")
    doc.save(str(source))
    return to_pdf(source, path.parent)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    folder = tmp_path_factory.mktemp("footnotes")
    made = {"html": read_pdf(_html_pdf(folder / "nyhetsbrev-html.pdf"))}
    if shutil.which("soffice"):
        made["odt"] = read_pdf(_odt_pdf(folder / "nyhetsbrev-odt.pdf"))
    return made


@pytest.mark.parametrize("name", ["html", "odt"])
def test_footnotes_are_context_not_example_text(documents: dict[str, Document], name: str) -> None:
    if name not in documents:
        pytest.skip("needs LibreOffice")
    doc = documents[name]
    assert [e.title for e in doc.examples] == [h for h, _ in SECTIONS]
    for example, (_, paras) in zip(doc.examples, SECTIONS, strict=True):
        text = normalize(example.text)
        for para in paras:  # whole, with the footnote's call or without
            plain = normalize(_with_calls(para, lambda note: ""))
            assert plain[:60] in text and plain[-60:] in text, para[:40]
        for note in NOTES:
            assert normalize(note)[:40] not in text, note
    context = normalize(" ".join(s.text for s in doc.context))
    for note in NOTES:
        assert normalize(note) in context


def test_a_footnotes_call_is_no_word_of_the_text(documents: dict[str, Document]) -> None:
    """Writer sets a note's call as a small raised number of its own: it is left out, and
    the full stop after it goes back to its word ("öka 2 ." reads "öka.")."""
    if "odt" not in documents:
        pytest.skip("needs LibreOffice")
    text = normalize(" ".join(e.text for e in documents["odt"].examples))
    assert "i förskoleklass. Personalen på" in text
    assert "börjar öka. Teamet ringer" in text


def test_the_section_runs_across_the_page_break(documents: dict[str, Document]) -> None:
    """The test would prove nothing if the notes did not stand between a section's halves."""
    for doc in documents.values():
        pages = {e.title: e.pages for e in doc.examples}
        assert pages[SECTIONS[1][0]] == [1, 2]
