"""Posters exported by LibreOffice are read word for word in order.

LibreOffice writes every line of a text box as a text object of its own, spaces justified words
by kerning inside it and gives its fonts no ascent or descent, so pdfium's glyph boxes vary by
letter (an "i" ends higher than a "g"). Lines cut by glyph boxes or by wide justified spaces
came out with phrases rotated and words from the next line inserted mid-sentence."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pptx.enum.text import PP_ALIGN

from ingest.extract import Word, read_pages
from ingest.model import Document
from ingest.pipeline import read_pdf
from ingest.text import normalize
from tests.ingest import office_posters as office

pytestmark = pytest.mark.slow  # LibreOffice exports five posters

STYLES = {
    # A3 portrait, two columns of text boxes, left aligned
    "a3-staende": office.PptxStyle(),
    # A4 landscape, three narrow justified columns close together, small type, tight lines
    "a4-liggande-marginaljusterad": office.PptxStyle(
        width_mm=297.0,
        height_mm=210.0,
        columns=3,
        gutter_mm=5.0,
        align=PP_ALIGN.JUSTIFY,
        body_pt=9.0,
        line_spacing=0.9,
    ),
    # A3 landscape, justified serif text in filled shapes
    "a3-liggande-serif": office.PptxStyle(
        width_mm=420.0,
        height_mm=297.0,
        columns=3,
        align=PP_ALIGN.JUSTIFY,
        body_pt=13.0,
        font="Liberation Serif",
        panel_fill=(0xDD, 0xEE, 0xFF),
    ),
    # A3 portrait, three columns of text boxes without insets, 2 mm apart: line ends of one
    # box stand closer to the next box's lines than a word space
    "a3-tata-textrutor": office.PptxStyle(columns=3, gutter_mm=2.0, body_pt=12.0, inset_mm=0.0),
}


@pytest.fixture(scope="module")
def posters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("office")
    sources = [office.pptx_poster(folder / f"{name}.pptx", s) for name, s in STYLES.items()]
    sources.append(office.odp_poster(folder / "impress-marginaljusterad.odp"))
    return {pdf.stem: pdf for pdf in office.to_pdf(sources, folder)}


@pytest.fixture(scope="module")
def documents(posters: dict[str, Path]) -> dict[str, Document]:
    return {name: read_pdf(path) for name, path in posters.items()}


def _all_text(doc: Document) -> str:
    parts = [f"{e.title}\n{e.text}" for e in doc.examples]
    parts += [f"{s.heading}\n{s.text}" for s in doc.context]
    return normalize("\n".join(parts))


def _first_divergence(text: str, paragraph: str) -> str:
    """The longest run of the paragraph's words found in the text, and the words after it."""
    want, have = paragraph.split(), text.split()
    best = 0
    for i in range(len(have)):
        n = 0
        while n < len(want) and i + n < len(have) and have[i + n] == want[n]:
            n += 1
        best = max(best, n)
    return f"{best}/{len(want)} words in order, then {' '.join(want[best:best + 5])!r}"


@pytest.mark.parametrize("name", [*STYLES, "impress-marginaljusterad"])
def test_paragraphs_word_for_word_in_order(documents: dict[str, Document], name: str) -> None:
    text = _all_text(documents[name])
    for paragraph in office.paragraphs():
        want = normalize(paragraph)
        assert want in text, f"{name}: {_first_divergence(text, want)}"


@pytest.mark.parametrize("name", [*STYLES, "impress-marginaljusterad"])
def test_one_poster_example(documents: dict[str, Document], name: str) -> None:
    doc = documents[name]
    assert doc.kind == "poster"
    assert len(doc.examples) == 1
    assert doc.title == office.TITLE


def _words(path: Path) -> list[Word]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [w for page in read_pages(pdf) for w in page.words]
    finally:
        pdf.close()


def test_words_carry_baselines_and_text_objects(posters: dict[str, Path]) -> None:
    """The premise: the subtitle is one text object whose words' glyph boxes end at different
    heights while they share one baseline."""
    words = _words(posters["a3-staende"])
    team = next(w for w in words if w.text == "Team")
    line = [w for w in words if w.run == team.run]
    assert " ".join(w.text for w in line) == office.SUBTITLE
    assert len({round(w.baseline or 0.0, 2) for w in line}) == 1
    assert len({round(w.bottom, 1) for w in line}) > 1
