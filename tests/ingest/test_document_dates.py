"""The document's date as people write it, read from real files: posters made in PowerPoint
(python-pptx) and newsletters made in Word (python-docx), exported to PDF by LibreOffice, and
PDFs drawn with reportlab whose metadata says when they were exported.

Seasons and terms give the year, a month with a year gives the month, a year alone in a masthead
or footer gives the year; years in the body text and the PDF's own metadata dates never do, and
no date is better than a wrong one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.shared import Pt as WordPt
from pptx import Presentation
from pptx.util import Cm, Pt
from reportlab.lib.pagesizes import A3
from reportlab.pdfgen.canvas import Canvas

from ingest.pipeline import read_pdf

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")

TITLE = "Läxhjälp med seniorer på biblioteket i Anderstorp"
TEAM = "Team Läxhjälp Anderstorp · Gislaveds kommun"
# Years every document has in its running text: a start, a citation, a building, a count.
BODY_YEARS = (
    "Sedan 2019 följer vi resultaten varje termin, och en rapport från Skolverket (2017) visar "
    "att läxhjälp ger effekt. Biblioteket byggdes år 2000 och har gott om plats för alla."
)
COUNT = "Mål: 25 elever varje vecka och 2000 besök på ett år."
POSTER_PANELS = (
    ("Bakgrund", "På skolan saknade var fjärde elev behörighet till gymnasiet. " + BODY_YEARS),
    ("Syfte och mål", "Att fler elever ska klara sina ämnen. " + COUNT),
    ("Vad gjorde vi?", "Vi startade läxhjälp två kvällar i veckan med seniorer från "
     "föreningen. Eleverna kommer när de vill och får hjälp med det de behöver."),
    ("Resultat", "Antalet besök ökade från 12 till 31 per vecka. Fler elever lämnade in sina "
     "uppgifter i tid."),
    ("Lärdomar", "Seniorerna är en stor tillgång och eleverna uppskattar lugnet i biblioteket."),
)
NEWSLETTER_SECTIONS = (
    ("Lärandenätverket samlades i Gislaved", "Ett sextiotal deltagare från länets team "
     "träffades för att dela erfarenheter. " + BODY_YEARS),
    ("Läxhjälp i Anderstorp", "Teamet i Anderstorp berättade om läxhjälpen på biblioteket. "
     + COUNT + " Seniorer från föreningen hjälper eleverna två kvällar i veckan."),
    ("Närvaro i Gnosjö", "Björkhagaskolan ringer hem samma morgon som en elev är borta och "
     "bjuder in till ett samtal om vad som skulle göra det lättare att komma till skolan."),
)

# name → (what the poster says at its top and at its foot, the date a reader writes down)
POSTERS: dict[str, tuple[str | None, str | None, str | None]] = {
    "season-foot": (None, "Hösten 2020", "2020"),
    "season-top": ("Våren 2024", None, "2024"),
    "term-top": ("vt 2024", None, "2024"),
    "month-top": ("Juli 2024", None, "2024-07"),
    "year-foot": (None, "Region Jönköpings län · 2022", "2022"),
    "body-only": (None, None, None),
    "conflict": ("Hösten 2020", "Region Jönköpings län · 2022", None),
}
# name → (the date line under the banner, the page footer, the date a reader writes down)
NEWSLETTERS: dict[str, tuple[str | None, str | None, str | None]] = {
    "term-line": ("Höstterminen 2023", None, "2023"),
    "month-line": ("December 2020", None, "2020-12"),
    "year-footer": (None, "Region Jönköpings län · 2022", "2022"),
    "body-only": (None, None, None),
    "day-without-year": ("Träffen den 21 september", None, None),
    "coming-meetings": ("November 2024", None, "2024-11"),
}
# name → (the date line under the banner, the paragraph that opens the newsletter, the page
# footer, the date a reader writes down); each also tells in a later section when a team started
OPENINGS: dict[str, tuple[str | None, str, str | None, str | None]] = {
    "opening-day": (None, "Här kommer anteckningarna från lärandeträffen den 14 mars 2024 på "
                    "Folkets hus i Vetlanda. Tack till alla som kom!", "Region Jönköpings län · "
                    "2024", "2024-03-14"),
    "opening-day-alone": (None, "Tack för senast! Lärandeträffen hölls den 14 mars 2024 på "
                          "Folkets hus i Vetlanda.", None, "2024-03-14"),
    "opening-coming": (None, "Tack för en fin termin med många goda exempel. Nästa träff hålls "
                       "den 5 februari 2025 i Eksjö.", "Region Jönköpings län · 2024", "2024"),
    "opening-since": (None, "Sedan den 14 mars 2019 arbetar teamen i Gislaved med läxhjälp.",
                      None, None),
    "opening-two-days": (None, "Vi träffades den 14 mars 2024 i Vetlanda och den 11 april 2024 "
                         "i Tranås.", None, None),
    "opening-under-a-term": ("Vårterminen 2024", "Lärandeträffen hölls den 14 mars 2024 på "
                             "Folkets hus i Vetlanda.", None, "2024"),
    "opening-under-a-bare-year": ("Nummer 2 · 2024", "Lärandeträffen hölls den 14 mars 2024 "
                                  "på Folkets hus i Vetlanda.", None, "2024-03-14"),
    "opening-none": (None, "", None, None),
}
STARTED = "Läxhjälpen i Anderstorp startade den 3 februari 2019 med två seniorer."
# The last lines of the "coming-meetings" newsletter: dates of next year's meetings.
COMING = ("5 februari 2025, digital träff", "27 mars 2025, Vetlanda")


def _text_box(slide, x: float, y: float, size: int, text: str, bold: bool = False) -> None:  # noqa: ANN001
    frame = slide.shapes.add_textbox(Cm(x), Cm(y), Cm(26), Cm(1.5)).text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text, run.font.size, run.font.bold = text, Pt(size), bold


def _poster(path: Path, top: str | None, foot: str | None) -> None:
    """An A3 poster in PowerPoint: title, team line, five panels, maybe a footer line."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Cm(29.7), Cm(42.0)
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _text_box(slide, 1.5, 1.5, 36, TITLE, bold=True)
    _text_box(slide, 1.5, 5.0, 16, TEAM + (f" · {top}" if top else ""))
    for n, (heading, text) in enumerate(POSTER_PANELS):
        _text_box(slide, 1.5, 8.0 + 6 * n, 20, heading, bold=True)
        _text_box(slide, 1.5, 9.3 + 6 * n, 14, text)
    if foot:
        _text_box(slide, 1.5, 39.5, 11, foot)
    deck.save(str(path))


def _newsletter(
    path: Path, date_line: str | None, footer: str | None, opening: str | None = None
) -> None:
    """A two-page newsletter in Word: banner, maybe a date line, maybe an opening paragraph
    (and then a team's start date in its section), sections, maybe a footer."""
    doc = WordDocument()
    doc.add_heading("Nyhetsbrev – Bästa platsen att växa upp, leva och bo på", level=0)
    if date_line:
        doc.add_paragraph(date_line).runs[0].font.size = WordPt(14)
    if opening:
        doc.add_paragraph(opening)
    for n in range(3):
        for heading, text in NEWSLETTER_SECTIONS:
            doc.add_heading(heading, level=1)
            started = f" {STARTED}" if opening is not None and n == 0 else ""
            doc.add_paragraph(text + started + " " + text)
    if footer:
        doc.sections[0].footer.paragraphs[0].text = footer
    if date_line == NEWSLETTERS["coming-meetings"][0]:
        doc.add_heading("Kommande träffar", level=1)
        for line in COMING:
            doc.add_paragraph(line)
    doc.save(str(path))


def _email(path: Path) -> None:
    """An e-mail newsletter in HTML whose small-print footer ends the text: "Region Jönköpings
    län · 2022 · Du får det här utskicket …"."""
    sections = "".join(
        f"<h2>{heading}</h2><p>{text} {text}</p>" for heading, text in NEWSLETTER_SECTIONS
    )
    path.write_text(
        "<html><body><h1>Bästa platsen – nytt från nätverket</h1>"
        f"<p>Hej alla i lärandenätverket!</p>{sections}"
        '<p style="font-size:9pt">Region Jönköpings län · 2022 · Du får det här utskicket '
        "eftersom du deltar i lärandenätverket Bästa platsen.</p></body></html>",
        encoding="utf-8",
    )


def _reportlab_poster(path: Path, lines: list[str], exported: str | None) -> None:
    """A poster drawn with reportlab; ``exported`` is its metadata CreationDate and ModDate
    (None: reportlab's fixed 2000-01-01 of invariant mode)."""
    canvas = Canvas(str(path), pagesize=A3, invariant=exported is None)
    if exported:
        canvas.setDateFormatter(lambda *_: exported)
    width, height = A3
    y = height - 80
    canvas.setFont("Helvetica-Bold", 30)
    canvas.drawString(50, y, TITLE)
    canvas.setFont("Helvetica", 14)
    for line in lines:
        y -= 30
        canvas.drawString(50, y, line)
    for heading, text in POSTER_PANELS:
        y -= 50
        canvas.setFont("Helvetica-Bold", 18)
        canvas.drawString(50, y, heading)
        canvas.setFont("Helvetica", 11)
        words = text.split()
        for start in range(0, len(words), 14):
            y -= 16
            canvas.drawString(50, y, " ".join(words[start : start + 14]))
    canvas.save()


@pytest.fixture(scope="module")
def office_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every poster and newsletter above, exported to PDF by LibreOffice in one run."""
    out = tmp_path_factory.mktemp("office")
    for name, (top, foot, _) in POSTERS.items():
        _poster(out / f"poster-{name}.pptx", top, foot)
    for name, (line, footer, _) in NEWSLETTERS.items():
        _newsletter(out / f"nyhetsbrev-{name}.docx", line, footer)
    for name, (line, opening, footer, _) in OPENINGS.items():
        _newsletter(out / f"nyhetsbrev-{name}.docx", line, footer, opening)
    _email(out / "epost.html")
    sources = sorted(str(p) for p in out.iterdir())
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *sources],
        check=True, capture_output=True, timeout=300,
    )
    return out


def _office_date(folder: Path, name: str) -> str | None:
    return read_pdf(folder / f"{name}.pdf", filename="dokument.pdf").date


@pytest.mark.parametrize("name", ["season-foot", "season-top"])
def test_season_gives_the_year(office_pdfs: Path, name: str) -> None:
    assert _office_date(office_pdfs, f"poster-{name}") == POSTERS[name][2]


def test_school_term_gives_the_year(office_pdfs: Path) -> None:
    assert _office_date(office_pdfs, "poster-term-top") == "2024"  # "vt 2024"
    assert _office_date(office_pdfs, "nyhetsbrev-term-line") == "2023"  # "Höstterminen 2023"


def test_month_with_year_gives_the_month(office_pdfs: Path) -> None:
    assert _office_date(office_pdfs, "nyhetsbrev-month-line") == "2020-12"
    assert _office_date(office_pdfs, "poster-month-top") == "2024-07"


def test_year_alone_in_a_footer(office_pdfs: Path) -> None:
    """"Region Jönköpings län · 2022" in a text box at the foot of a poster."""
    assert _office_date(office_pdfs, "poster-year-foot") == "2022"


def test_year_alone_in_a_page_footer(office_pdfs: Path) -> None:
    """The same line in the page footer of a two-page Word newsletter (a running footer)."""
    assert _office_date(office_pdfs, "nyhetsbrev-year-footer") == "2022"


def test_year_in_an_email_footer(office_pdfs: Path) -> None:
    """An e-mail's footer ends the text, wherever the page ends."""
    assert _office_date(office_pdfs, "epost") == "2022"


def test_body_years_never_win(office_pdfs: Path) -> None:
    """"Sedan 2019", "(2017)", "år 2000" and "2000 besök" are no date; nor is LibreOffice's
    export date in the metadata."""
    assert _office_date(office_pdfs, "poster-body-only") is None
    assert _office_date(office_pdfs, "nyhetsbrev-body-only") is None


def test_coming_meetings_are_not_the_date(office_pdfs: Path) -> None:
    """Next year's meeting dates at the end of a newsletter neither win nor contradict."""
    assert _office_date(office_pdfs, "nyhetsbrev-coming-meetings") == "2024-11"


@pytest.mark.parametrize("name", sorted(OPENINGS))
def test_the_opening_paragraphs_full_date(office_pdfs: Path, name: str) -> None:
    """"Anteckningarna från lärandeträffen den 14 mars 2024" opening the newsletter dates it
    when no date line does, or one gives only its year ("Nummer 2 · 2024"): not a coming
    meeting, not "sedan den …", not one of two days, not over a term in the title area (the
    coarser), never a team's start date in its section."""
    assert _office_date(office_pdfs, f"nyhetsbrev-{name}") == OPENINGS[name][3]


def test_conflicting_dates_give_none(office_pdfs: Path) -> None:
    """"Hösten 2020" at the top and "· 2022" at the foot: no date rather than a wrong one."""
    assert _office_date(office_pdfs, "poster-conflict") is None


def test_day_without_a_year_takes_no_year_from_the_export(office_pdfs: Path) -> None:
    """"Träffen den 21 september" exported today is not a meeting of this year."""
    assert _office_date(office_pdfs, "nyhetsbrev-day-without-year") is None


@pytest.mark.parametrize(
    ("lines", "exported", "expected"),
    [
        ([TEAM, "Hösten 2013"], "D:20260315120000+00'00'", "2013"),
        ([TEAM], "D:20260315120000+00'00'", None),
        ([TEAM], None, None),  # reportlab's invariant CreationDate: 2000-01-01
        ([TEAM, "Träffen den 21 september"], "D:20260315120000+00'00'", None),
        ([TEAM, "2013-05-14"], "D:20260315120000+00'00'", "2013-05-14"),
        ([TEAM, "2026-03-15"], "D:20260315120000+00'00'", None),  # a date field: the export
    ],
)
def test_metadata_year_is_not_the_date(
    tmp_path: Path, lines: list[str], exported: str | None, expected: str | None
) -> None:
    """A poster exported in 2026 about work in 2013 is dated 2013, or not at all."""
    path = tmp_path / "poster.pdf"
    _reportlab_poster(path, lines, exported)
    assert (b"2026" in path.read_bytes()) == bool(exported)
    assert read_pdf(path, filename="dokument.pdf").date == expected
