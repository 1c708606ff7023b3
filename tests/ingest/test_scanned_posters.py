"""A poster printed and scanned, read through OCR by the real pipeline (and its vector original,
read from its text layer): the programme's lines above the banner and at the foot are context,
as on a poster with a text layer, however OCR reads their separators ("·" as "-" or "—") and
however many items the footer strings together; the Kontakt panel's second line is context too,
though a scan has no frames to hold a panel together.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ingest.extract import PageContent, Word
from ingest.layout import Block, Line, page_lines
from ingest.model import Document
from ingest.pipeline import read_pdf
from ingest.segment import segment_poster
from ingest.text import normalize

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract"),
]

KICKER = "Bästa platsen att växa upp, leva och bo på · Lärandenätverk 2024"
TITLE = "Läxhjälp i biblioteket"
TEAM = "Biblioteket i Landsbro, Vetlanda kommun · Våren 2024"
PANELS = (
    ("Bakgrund", "Flera elever i årskurs 7 lämnade in få läxor och sa att de inte hade någon "
     "lugn plats att plugga på hemma."),
    ("Syfte", "Att alla elever som vill ska få hjälp med läxorna två eftermiddagar i veckan."),
    ("Vad gjorde vi?", "Biblioteket öppnade ett läxrum med två volontärer från pensionärernas "
     "förening och en bibliotekarie som hjälper till med sökningar."),
    ("Resultat", "Sjutton elever kom regelbundet under våren och tolv av dem höjde sina betyg "
     "i minst ett ämne."),
)
CONTACT = ("Maja Holm, bibliotekarie och samordnare, maja.holm@landsbro-bibliotek.se, "
           "0383-77 41 20 · Oskar Ek, rektor")
SECOND_CONTACT = "Oskar Ek, rektor"
FOOTER = ("Region Jönköpings län · Bästa platsen att växa upp, leva och bo på · Folkhälsa och "
          "lärande för barn och unga")


def _vector(path: Path) -> Path:
    from weasyprint import HTML

    panels = "".join(f'<div class="panel"><h2>{h}</h2><p>{t}</p></div>' for h, t in PANELS)
    HTML(string=f"""<html lang="sv"><head><style>
    @page {{ size: A4; margin: 16mm }} body {{ font-family: DejaVu Sans; font-size: 10pt }}
    .kicker {{ font-size: 8.5pt; margin-bottom: 2mm }}
    .banner {{ border: 1px solid #444; background: #ddd; padding: 4mm 8mm; margin-bottom: 6mm }}
    h1 {{ font-size: 26pt; margin: 0 }} .team {{ font-size: 12pt }}
    .grid {{ display: flex; flex-wrap: wrap; justify-content: space-between }}
    .panel {{ width: 44%; border: 1px solid #444; padding: 3mm 4mm; margin-bottom: 6mm }}
    .contact {{ border: 1px solid #444; padding: 3mm 4mm }} h2 {{ font-size: 13pt; margin: 0 }}
    .foot {{ font-size: 8pt; text-align: center; margin-top: 6mm }}
    </style></head><body><div class="kicker">{KICKER}</div>
    <div class="banner"><h1>{TITLE}</h1><div class="team">{TEAM}</div></div>
    <div class="grid">{panels}</div>
    <div class="contact"><h2>Kontakt</h2><p>{CONTACT}</p></div>
    <div class="foot">{FOOTER}</div></body></html>""").write_pdf(str(path))
    return path


def _scanned(vector: Path, path: Path) -> Path:
    """The poster as a 200 dpi grey scan: one image per page, no text layer."""
    doc = pdfium.PdfDocument(str(vector))
    image = doc[0].render(scale=200 / 72, grayscale=True).to_pil()
    doc.close()
    image.save(path, resolution=200)
    return path


@pytest.fixture(scope="module")
def posters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    folder = tmp_path_factory.mktemp("scanned")
    vector = _vector(folder / "affisch-laxhjalp.pdf")
    scan = _scanned(vector, folder / "affisch-laxhjalp-skannad.pdf")
    return {"vector": read_pdf(vector), "scan": read_pdf(scan)}


def test_the_scan_is_read_by_ocr(posters: dict[str, Document]) -> None:
    assert posters["scan"].ocr_pages == [1] and posters["vector"].ocr_pages == []


@pytest.mark.parametrize("name", ["vector", "scan"])
def test_programme_lines_and_contacts_are_context(
    posters: dict[str, Document], name: str
) -> None:
    doc = posters[name]
    (example,) = doc.examples
    assert example.title == TITLE
    text = normalize(example.text).lower()
    for _, body in PANELS:
        assert normalize(body).lower()[:40] in text
    for line in ("Region Jönköpings", "Bästa platsen att växa upp", "Folkhälsa och lärande",
                 "Lärandenätverk 2024", SECOND_CONTACT, "maja.holm"):
        assert line.lower() not in text, line
    context = normalize(" ".join(s.text for s in doc.context)).lower()
    for line in ("Region Jönköpings län", "Folkhälsa och lärande", SECOND_CONTACT):
        assert line.lower() in context, line


def _block(text: str, x0: float, top: float, size: float, region: int, level: int = 0) -> Block:
    words, x = [], x0
    for word in text.split():
        words.append(Word(word, x, top, x + 0.5 * size * len(word), top + size, size, False, 1))
        x = words[-1].x1 + 0.3 * size
    line = Line(words, 1, x0, top, x, top + size, size, region=region)
    return Block([line], page=1, heading_level=level)


def test_a_kontakt_panels_lines_in_regions_of_their_own_stay_in_the_panel() -> None:
    """A scan has no frames: the layout may read the Kontakt heading in its column, the panel's
    wide first line as a band of its own and the short line under it as another (as OCR gives
    their boxes, overlapping). Lines right under each other at the heading's left edge are
    still the panel's."""
    title = _block(TITLE, 70, 60, 23, 0, level=1)
    blocks = [
        title,
        _block("Bakgrund", 58, 160, 11, 1, level=2),
        _block(PANELS[0][1], 57, 180, 9.5, 2),
        _block("Kontakt", 50, 547, 11, 7, level=2),
        _block("Maja Holm, bibliotekarie, maja.holm@landsbro-bibliotek.se, 0383-77 41 20 · "
               "Oskar", 50, 570, 9.5, 14),
        _block("Ek, rektor", 49, 586, 9.5, 15),
    ]
    seg = segment_poster(blocks, title, TITLE)
    (example,) = seg.examples
    text = " ".join(example.parts)
    assert PANELS[0][1] in text and "rektor" not in text
    assert "Ek, rektor" in " ".join(s.text for s in seg.context)


def _ocr_line(text: str, x0: float, top: float, bottom: float, size: float) -> list[Word]:
    """Words as OCR gives them: every word the line's box, no baseline, no text object."""
    words, x = [], x0
    for word in text.split():
        words.append(Word(word, x, top, x + 0.5 * size * len(word), bottom, size, False, 1))
        x = words[-1].x1 + 0.3 * size
    return words


def test_a_scanned_kontakt_heading_is_read_with_the_wide_lines_under_it() -> None:
    """Two columns of panels, then at the foot of the left one a Kontakt heading over lines
    wider than the column; OCR's boxes hug the ink, so the heading stands further above its
    first line, and that line's box overlaps the next. The heading is read right before its
    lines, not before the right column."""
    text = "Barnen leker ute varje dag och vi mäter hur länge"
    words: list[Word] = []
    for x0 in (55, 320):
        for n, top in enumerate((160, 300, 430)):
            words += _ocr_line(f"Rubrik{n}", x0, top, top + 12, 11)
            for k in range(3):
                line_top = top + 22 + 16 * k
                words += _ocr_line(text, x0, line_top, line_top + 13, 9.5)
    words += _ocr_line("Kontakt", 55, 547, 558, 11)
    words += _ocr_line("Maja Holm, bibliotekarie, maja.holm@landsbro-bibliotek.se, 0383-77 41 20 ·"
                       " Oskar", 55, 570, 587, 9.5)
    words += _ocr_line("Ek, rektor", 54, 586, 597, 9.5)
    page = PageContent(1, 595.0, 842.0, words=words, ocr=True)
    texts = [line.text for line in page_lines(page)]
    at = texts.index("Kontakt")
    assert texts[at + 1].startswith("Maja Holm") and texts[at + 2] == "Ek, rektor"
