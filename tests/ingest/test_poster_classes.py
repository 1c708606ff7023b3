"""Team posters made the real way (PowerPoint and Impress, exported by LibreOffice, or uploaded
as they are): one example per poster, the programme's kicker line, the coach's line and the
Kontakt panel in the context, panels headed in the team's own words sections of the example,
and panels in columns of different heights read column by column."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.model import Document
from ingest.pipeline import read_pdf
from ingest.sandbox import Reader
from ingest.text import normalize
from tests.ingest import office_posters as office

pytestmark = pytest.mark.slow  # LibreOffice exports the posters

POSTERS: dict[str, tuple[office.FreePoster, str]] = {
    "tranas-a4.pptx": (office.kicker_poster(), "pptx"),
    "tranas-a3.odp": (office.kicker_poster(297.0, 420.0), "odp"),
    "vetlanda-a4-liggande.odp": (office.contact_middle_poster(), "odp"),
    "vetlanda-a4-liggande.pptx": (office.contact_middle_poster(), "pptx"),
    "vetlanda-processledare.pptx": (office.coach_panel_poster(), "pptx"),
    "tranas-tomrader-a3.odp": (office.blank_lines_poster(), "odp"),
    "tranas-tomrader-a3.pptx": (office.blank_lines_poster(), "pptx"),
    "tranas-tomrader-a3-liggande.odp": (office.blank_lines_poster(420.0, 297.0), "odp"),
}
BLANK_LINES = ("tranas-tomrader-a3.odp", "tranas-tomrader-a3.pptx",
               "tranas-tomrader-a3-liggande.odp")
KICKERS = ("Lärandenätverk 2024", "Ett exempel från lärandenätverket")
COACHES = ("Coach: Helena Strand", "Processledare: Jonas Berg", "Jonas Berg, Kommunal")


def _source(folder: Path, name: str) -> Path:
    poster, fmt = POSTERS[name]
    path = folder / name
    return office.pptx_free_poster(path, poster) if fmt == "pptx" else office.odp_free_poster(
        path, poster)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("posters")
    return {name: _source(folder, name) for name in POSTERS}


@pytest.fixture(scope="module")
def documents(sources: dict[str, Path]) -> dict[str, Document]:
    folder = next(iter(sources.values())).parent / "pdf"
    folder.mkdir()
    made = {}
    for name, path in sources.items():  # one export each: two sources share a stem
        (pdf,) = office.to_pdf([path], folder / name.replace(".", "-"))
        made[name] = read_pdf(pdf)
    return made


def _context(doc: Document) -> str:
    return normalize("\n".join(f"{s.heading}\n{s.text}" for s in doc.context))


def _team_texts(poster: office.FreePoster) -> list[str]:
    return [t for box in poster.boxes if box.heading not in ("Kontakt", "Processledare") and not (
        box.heading is None and box.paras[0].startswith((*COACHES, *KICKERS)))
        for t in box.paras]


@pytest.mark.parametrize("name", sorted(POSTERS))
def test_one_example_titled_by_the_banner(documents: dict[str, Document], name: str) -> None:
    doc, (poster, _) = documents[name], POSTERS[name]
    assert doc.kind == "poster"
    assert [e.title for e in doc.examples] == [poster.title]
    assert doc.title == poster.title


@pytest.mark.parametrize("name", sorted(POSTERS))
def test_kicker_and_coach_lines_are_context(documents: dict[str, Document], name: str) -> None:
    doc = documents[name]
    example = normalize(doc.examples[0].text).lower()
    for line in (*KICKERS, *COACHES):
        assert line.lower() not in example, line
    assert any(line in _context(doc) for line in KICKERS)


@pytest.mark.parametrize("name", sorted(POSTERS))
def test_kontakt_panel_holds_only_its_own_panel(documents: dict[str, Document], name: str) -> None:
    doc, (poster, _) = documents[name], POSTERS[name]
    example = normalize(doc.examples[0].text)
    for text in _team_texts(poster):
        assert normalize(text) in example, text
    (contact,) = [box for box in poster.boxes if box.heading == "Kontakt"]
    for text in contact.paras:
        assert normalize(text) not in example
        assert normalize(text) in _context(doc)


@pytest.mark.parametrize("name", sorted(POSTERS))
def test_team_worded_headings_are_sections(documents: dict[str, Document], name: str) -> None:
    doc, (poster, _) = documents[name], POSTERS[name]
    headings = [s.heading for s in doc.examples[0].sections]
    wanted = [b.heading for b in poster.boxes
              if b.heading and b.heading not in ("Kontakt", "Processledare")]
    assert sorted(headings) == sorted(wanted)


@pytest.mark.parametrize("name", BLANK_LINES)
def test_a_tall_box_is_read_whole_before_the_columns_beside_it(
    documents: dict[str, Document], name: str
) -> None:
    """Blank lines in a tall box leave whitespace across the page: the boxes that start lower
    in the neighbouring columns are not read before the tall box ends."""
    example = documents[name].examples[0]
    (done,) = [s for s in example.sections if s.heading == "Så gör vi"]
    for para in POSTERS[name][0].boxes[0].paras:
        assert normalize(para) in normalize(done.text), para
    for box in POSTERS[name][0].boxes[1:]:
        assert normalize(box.paras[0]) not in normalize(done.text), box.heading


def test_uploaded_pptx_reads_as_its_pdf(sources: dict[str, Path]) -> None:
    with Reader(timeout=120) as reader:
        doc = reader.read(sources["tranas-a4.pptx"])
    poster = POSTERS["tranas-a4.pptx"][0]
    assert doc.kind == "poster" and [e.title for e in doc.examples] == [poster.title]
    assert KICKERS[0] not in normalize(doc.examples[0].text)
    assert COACHES[0] not in normalize(doc.examples[0].text)
