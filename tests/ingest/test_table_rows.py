"""A newsletter that gives the teams' examples as the rows of a ruled table (team | what it does |
contact): each row is one example, titled by the bold title its text opens with (a number
ending it bold though its full stop is not), holding the team's name and contact; the head row
and the cells are no examples. Made in Word and exported by LibreOffice (untagged, as "Spara som
PDF" without tags, and tagged, as uploaded) and as an e-mail printed by Chromium or WeasyPrint,
and read by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.lexicon import COUNTY_MUNICIPALITIES
from ingest.model import Document
from ingest.pipeline import read_bytes, read_pdf
from ingest.text import normalize
from tests.ingest.office_newsletters import (
    Bullets,
    Heading,
    Para,
    SectionTable,
    TableRows,
    Title,
    chromium_newsletter_pdf,
    html_newsletter_pdf,
    newsletter_pdf,
    write_docx,
)

pytestmark = pytest.mark.slow

HEAD = ("Verksamhet", "Det här gör vi", "Kontaktperson")
ROWS = [
    ("Fritidsgården Tornet, Vetlanda", "Lördagsöppen idrottshall",
     "Sedan oktober håller vi idrottshallen i Holsby öppen varje lördag kväll för unga mellan "
     "tolv och sexton år. Två fritidsledare och en tränare från innebandyklubben finns på plats "
     "och lånar ut utrustning. I november kom i snitt 34 ungdomar per kväll, och polisen "
     "rapporterar färre anmälningar om skadegörelse i centrum.",
     ("Jonas Ekdahl, fritidsledare", "jonas.ekdahl@tornet.example")),
    ("Elevhälsan på Furuskolan, Värnamo", "Samtalsgrupp i årskurs 7",
     "Kuratorn och skolsköterskan leder en grupp för elever i årskurs sju som oroar sig mycket "
     "inför prov. Gruppen träffas sex gånger under lunchen och övar på att sätta ord på oron. "
     "Nio av elva elever säger efteråt att de sover bättre, och vi vill erbjuda gruppen även "
     "i årskurs åtta till hösten.",
     ("Sanna Pettersson, kurator", "036-555 12 34")),
    ("Öppna förskolan i Mullsjö", "Babyrytmik på biblioteket",
     "Varannan torsdag sjunger och ramsar vi med föräldrar och barn under ett år i bibliotekets "
     "sagorum. Bibliotekarien visar pekböcker på flera språk och vi bjuder på kaffe efteråt. "
     "Första terminen kom 19 familjer, varav åtta aldrig hade besökt öppna förskolan tidigare.",
     ("Petra Lundin, förskollärare", "petra.lundin@mullsjo.example")),
]
INTRO = ("Här berättar tre verksamheter kort om vad de har kommit igång med under hösten. Fler "
         "rapporter kommer i nästa nummer.")


def newsletter(title_apart: bool = False) -> list:
    return [
        Title("Nytt från förbättringsteamen"),
        Para(INTRO),
        Heading("Så går det för teamen", 1),
        TableRows(HEAD, ROWS, title_apart=title_apart),
        Heading("Kommande träffar", 1),
        Bullets(["4 mars – lärandeträff i Eksjö", "6 maj – digital träff om uppföljning"]),
    ]


@pytest.fixture(scope="module",
                params=["word", "word tagged", "chromium", "weasyprint", "word title apart"])
def doc(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Document:
    out = tmp_path_factory.mktemp("tabellrader")
    if request.param == "word":
        return read_pdf(newsletter_pdf(newsletter(), out, "tabellrader"))
    if request.param == "chromium":
        return read_pdf(chromium_newsletter_pdf(newsletter(), out, "tabellrader-epost"))
    if request.param == "weasyprint":
        return read_pdf(html_newsletter_pdf(newsletter(), out, "tabellrader-html"))
    if request.param == "word title apart":  # the title a bold line over the text in its cell
        return read_pdf(newsletter_pdf(newsletter(title_apart=True), out, "tabellrader-rubrik"))
    source = write_docx(newsletter(), out / "tabellrader.docx")
    return read_bytes(Path(source).read_bytes(), source.name)


def test_each_row_is_one_example_titled_by_its_bold_title(doc: Document) -> None:
    assert [e.title for e in doc.examples] == [title for _team, title, _text, _c in ROWS]
    for example, (team, _title, text, contact) in zip(doc.examples, ROWS, strict=True):
        held = normalize(example.text)
        assert normalize(text) in held
        assert normalize(team) in held
        assert normalize(contact[0]) in held


def test_the_head_row_and_what_is_around_the_table_are_context(doc: Document) -> None:
    context = normalize(" ".join(f"{s.heading} {s.text}" for s in doc.context))
    for phrase in (*HEAD, INTRO, "4 mars – lärandeträff i Eksjö"):
        assert normalize(phrase) in context, phrase
        assert not [e.title for e in doc.examples if normalize(phrase) in normalize(e.text)]


REPORT = [
    ("Nuläge", "På Skogsbackens skola läser var tredje elev i årskurs tre under den nivå som "
               "skolan satt som mål. Vi har sett att eleverna läser mindre hemma än för fem år "
               "sedan och att få vårdnadshavare vet hur de kan hjälpa till."),
    ("Det här har vi gjort", "Sedan januari träffar läsfixarna, elever i årskurs fem, de yngre "
                             "två gånger i veckan och läser högt för dem i tjugo minuter. "
                             "Bibliotekarien väljer böckerna och lärarna följer upp."),
    ("Nästa steg", "Vi ska mäta läshastigheten igen i maj och vill bjuda in vårdnadshavare "
                   "till en kväll om högläsning innan sommarlovet börjar."),
]
COACHES = ("Elevcoacher på Vätterskolan i Habo",
           "Vi har anställt två elevcoacher som möter elever med hög frånvaro redan vid "
           "skolstarten. Coacherna ringer hem samma dag och bokar ett möte med eleven och "
           "vårdnadshavare inom en vecka, och hittills har 17 elever fått stöd.")


def test_one_teams_report_laid_out_as_a_table_is_one_example(tmp_path: Path) -> None:
    """A table of sub-headings beside their text is one team's example, its rows sections."""
    parts = [Title("Nyheter från nätverket"), Heading("Läsfixarna på Skogsbackens skola", 1),
             SectionTable(REPORT), Heading(COACHES[0], 1), Para(COACHES[1])]
    doc = read_pdf(newsletter_pdf(parts, tmp_path, "tabellrapport"))
    assert [e.title for e in doc.examples] == ["Läsfixarna på Skogsbackens skola", COACHES[0]]
    first = doc.examples[0]
    for heading, text in REPORT:
        assert normalize(text) in normalize(first.text)
        assert heading in [s.heading for s in first.sections]
    assert normalize(COACHES[1]) in normalize(doc.examples[1].text)


PLACES = COUNTY_MUNICIPALITIES[:8]


def _long_row(n: int, place: str) -> tuple[str, str, str, tuple[str, ...]]:
    text = (f"Familjecentralen i {place} har sedan i höstas en öppen träff varje vecka för "
            f"föräldrar med barn under två år. Barnmorskan, socionomen och förskolläraren turas "
            f"om att leda samtalen om sömn, mat och lek. Under terminen kom {20 + n} familjer "
            f"minst tre gånger och {n + 3} av dem hade aldrig varit på familjecentralen förut. "
            f"Vi frågar föräldrarna efter varje träff vad de vill prata om nästa gång, och till "
            f"våren vill vi prova en kvällsträff för föräldrar som arbetar dagtid.")
    return (f"Familjecentralen i {place}", f"Föräldraträff nummer {n + 1} i {place}", text,
            (f"Kontaktperson {n + 1}, samordnare",))


@pytest.mark.parametrize("repeat_head", [False, True])
@pytest.mark.parametrize("tagged", [False, True])
def test_a_row_cut_by_a_page_break_stays_one_example(
    tmp_path: Path, tagged: bool, repeat_head: bool
) -> None:
    """Also where a tagged PDF's cell lists its ids on both pages (each page's own count), the
    page after the break holds only some of the row's cells, or the head row is repeated on
    every page (untagged in a tagged PDF)."""
    rows = [_long_row(n, place) for n, place in enumerate(PLACES)]
    parts = [Title("Familjecentralerna berättar"), Para(INTRO),
             TableRows(HEAD, rows, repeat_head=repeat_head)]
    if tagged:
        source = write_docx(parts, tmp_path / "lang-tabell.docx")
        doc = read_bytes(source.read_bytes(), source.name)
        assert "Familjecentralerna berättar" not in " ".join(e.text for e in doc.examples)
    else:
        doc = read_pdf(newsletter_pdf(parts, tmp_path, "lang-tabell"))
    assert [e.title for e in doc.examples] == [title for _team, title, _text, _c in rows]
    for example, (_team, _title, text, _contact) in zip(doc.examples, rows, strict=True):
        assert normalize(text) in normalize(example.text)
    assert [1, 2] in [e.pages for e in doc.examples]  # one row goes on over the page break
    assert not [e.title for e in doc.examples if normalize(" ".join(HEAD)) in normalize(e.text)]
