"""Layouts beyond the corpus: three columns with a framed sidebar, a single column, a grid
poster. The rules are general; these check that they hold on layouts not tuned for."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.model import Document
from ingest.pipeline import read_pdf
from tests.ingest import synthetic
from tests.ingest.matching import contains


def _context(doc: Document) -> str:
    return "\n".join(f"{s.heading}\n{s.text}" for s in doc.context)


@pytest.fixture(scope="module")
def three_columns(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = synthetic.three_column_newsletter(tmp_path_factory.mktemp("syn") / "brev.pdf")
    return read_pdf(path)


def test_three_columns_examples(three_columns: Document) -> None:
    doc = three_columns
    assert doc.kind == "newsletter"
    assert doc.date == "2024-11"
    assert doc.title == "Nyhetsbrev Bästa platsen"
    assert [e.title for e in doc.examples] == [
        "Cykeldagar i Skillingaryd",
        "Läxhjälp i Reftele",
        "Föräldracafé på Hovslätt",
        "Simskola för nyanlända i Värnamo",
    ]
    cafe = doc.examples[2]
    assert [s.heading for s in cafe.sections] == ["Nuläge", "Utmaningar på vägen", "Nästa steg"]
    assert contains(cafe.text, "Teamet ska pröva en pappagrupp på lördagar under våren")
    assert cafe.sections[2].text.startswith("Teamet ska pröva")


def test_three_columns_context(three_columns: Document) -> None:
    doc = three_columns
    context = _context(doc)
    for phrase in (
        synthetic.SIDEBAR_PHRASE,
        synthetic.INTRO_PHRASE,
        synthetic.MEETING_PHRASE,
        "sara.lind@rjl.se",
    ):
        assert contains(context, phrase)
        assert not any(contains(e.text, phrase) for e in doc.examples), phrase
    assert not any("Sida" in e.text for e in doc.examples)


def test_example_over_page_break(three_columns: Document) -> None:
    pages = {e.title: e.pages for e in three_columns.examples}
    assert pages["Cykeldagar i Skillingaryd"] == [1]
    assert len(pages["Föräldracafé på Hovslätt"]) >= 1
    last = three_columns.examples[-1]
    assert last.pages == [1, 2]
    assert contains(last.text, "gått en kurs i att möta barn som inte har badat förut")


def test_single_column(tmp_path: Path) -> None:
    doc = read_pdf(synthetic.single_column_report(tmp_path / "dokument.pdf"))
    assert doc.kind == "newsletter"
    assert doc.date == "2025-03"
    assert [e.title for e in doc.examples] == [
        "Närvaroteam på Ljungarumsskolan",
        "Rörelsepass i Habo",
    ]
    assert [s.heading for s in doc.examples[1].sections] == ["Resultat"]
    assert contains(_context(doc), "träffades lärandenätverket digitalt")
    assert contains(_context(doc), "Med vänliga hälsningar")


def test_grid_poster(tmp_path: Path) -> None:
    doc = read_pdf(synthetic.grid_poster(tmp_path / "affisch.pdf"))
    assert doc.kind == "poster"
    assert doc.date == "2024-06-03"
    assert len(doc.examples) == 1
    poster = doc.examples[0]
    assert poster.title == "Utecafé för familjer i Bottnaryd"
    assert [s.heading for s in poster.sections] == [
        "Bakgrund",
        "Syfte",
        "Metod",
        "Resultat",
        "Nästa steg",
    ]
    assert contains(poster.text, "Trettio familjer kom minst en gång till utecaféet")
    assert not contains(poster.text, "mira.nilsson@jonkoping.se")
    assert contains(_context(doc), "mira.nilsson@jonkoping.se")


def test_framed_example_cards(tmp_path: Path) -> None:
    doc = read_pdf(synthetic.card_newsletter(tmp_path / "kort.pdf"))
    assert [e.title for e in doc.examples] == [
        "Mötesplats i Gislaved",
        "Närvarolyftet i Eksjö",
        "Kamratstöd i Mullsjö",
    ]
    eksjo = doc.examples[1]
    assert contains(eksjo.text, synthetic.TABLE_PHRASE)
    assert contains(eksjo.text, "Nästa steg är att låta eleverna själva föreslå förändringar")
    assert contains(_context(doc), "Tretton kommuner och regionen arbetar tillsammans")
    assert not any(contains(e.text, "Tretton kommuner") for e in doc.examples)


def test_blank_page_has_no_examples_and_a_warning(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    path = tmp_path / "tom-sida.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    doc = read_pdf(path)
    assert doc.pages == 1 and doc.examples == [] and doc.kind == "document"
    assert doc.warnings == ["PDF-filen innehåller ingen läsbar text."]


def test_html_newsletter(tmp_path: Path) -> None:
    doc = read_pdf(synthetic.html_newsletter(tmp_path / "vinter.pdf"))
    assert (doc.kind, doc.date, doc.title) == (
        "newsletter",
        "2025-12-03",
        "Nyhetsbrev för Bästa platsen",
    )
    assert [e.title for e in doc.examples] == [
        "Läsfrämjande i Ekenässjön",
        "Öppen idrottshall i Stockaryd",
        "Föräldrastöd på arabiska i Tranås",
    ]
    tranas = doc.examples[2]
    assert [s.heading for s in tranas.sections] == ["Lärdomar", "Nästa steg"]
    assert contains(tranas.text, "Grupperna fylls snabbt när inbjudan sprids muntligt")
    assert contains(tranas.text, "utvärderingen som görs tillsammans med föräldrarna")
    context = _context(doc)
    for phrase in (
        "Satsningen drivs gemensamt av regionen",
        "lisa.berg@rjl.se",
        "Välkomna till vinterns nyhetsbrev",
        "träffas lärandenätverket i Aneby",
    ):
        assert contains(context, phrase)
        assert not any(contains(e.text, phrase) for e in doc.examples)


def test_bold_run_subheadings(tmp_path: Path) -> None:
    from reportlab.platypus import SimpleDocTemplate

    path = tmp_path / "rubriker.pdf"
    f = synthetic.FILLER
    SimpleDocTemplate(str(path)).build(
        [
            synthetic.Paragraph("Nyhetsbrev Bästa platsen", synthetic.TITLE),
            synthetic.Paragraph("April 2026", synthetic.SUB),
            synthetic.Paragraph("Familjelördagar i Bankeryd", synthetic.H1),
            synthetic.Paragraph(
                "Fritidsgården i Bankeryd bjuder in familjer. " + f, synthetic.BODY
            ),
            synthetic.Paragraph(
                "<b>Nuläge:</b> Tjugo familjer kom första gången. " + f, synthetic.BODY
            ),
            synthetic.Paragraph(
                "<b>Nästa steg:</b> Teamet vill fråga barnen vad de önskar. " + f, synthetic.BODY
            ),
        ]
    )
    doc = read_pdf(path)
    assert [e.title for e in doc.examples] == ["Familjelördagar i Bankeryd"]
    example = doc.examples[0]
    assert [s.heading for s in example.sections] == ["Nuläge", "Nästa steg"]
    assert example.sections[1].text.startswith("Nästa steg: Teamet vill fråga barnen")
    assert example.text.count("Nuläge") == 1


def test_heading_over_two_of_three_columns(tmp_path: Path) -> None:
    doc = read_pdf(synthetic.spanning_heading_newsletter(tmp_path / "maj.pdf"))
    assert [e.title for e in doc.examples] == [
        "Kvällsöppet i Tenhult",
        "Simskola för alla barn i Hestra",
    ]
    tenhult, hestra = doc.examples
    assert contains(tenhult.text, "hur kvällarna ska utvärderas tillsammans med eleverna")
    assert not contains(tenhult.text, "Hestra")
    assert [s.heading for s in hestra.sections] == ["Nästa steg"]
    assert contains(hestra.text, "Simskolan ska erbjudas även under sommarlovet")


def test_text_as_outlines_is_read_with_ocr(tmp_path: Path) -> None:
    doc = read_pdf(synthetic.outlined_poster(tmp_path / "konturer.pdf"))
    assert doc.ocr_pages == [1]
    text = "\n".join(e.text for e in doc.examples) + _context(doc)
    for line in synthetic.OUTLINE_LINES:
        assert contains(text, line), line
