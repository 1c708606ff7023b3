"""A newsletter's name set in the page header, in the largest type of the page: it repeats on
every page, so it is a running header (context), yet it is the document's title, not the first
heading of the text under it. A small running header stays furniture and the first page's own
big title stays the title. Newsletters made in Word (python-docx), exported by LibreOffice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.shared import Pt

from ingest.model import Document
from ingest.pipeline import read_pdf
from tests.ingest.office_newsletters import to_pdf

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice"),
]

MASTHEAD = "Lärandeposten 4/2024"
TITLE = "Nyheter från teamen i Tranås"
SECTIONS = (
    ("1 Välkommen", "Höstens träff samlade teamen från fem kommuner i Tranås. " * 3),
    ("2 Läsgrupper i Gripenberg", "Skolan i Gripenberg har startat läsgrupper med föräldrar "
     "och elever i årskurs två. Läraren Anna Berg leder grupperna varje torsdag. " * 16),
    ("3 Rörelse på fritids i Sommen", "Fritidshemmet i Sommen har infört ett pass med lekar "
     "varje eftermiddag och räknar hur många barn som är med. " * 16),
    ("4 Nästa träff", "Nästa träff hålls i Eksjö i februari."),
)


def _newsletter(path: Path, header: str, header_size: int, title: str | None) -> Path:
    doc = WordDocument()
    run = doc.sections[0].header.paragraphs[0].add_run(header)
    run.font.size, run.font.bold = Pt(header_size), True
    if title:
        doc.add_heading(title, level=0)
    for heading, text in SECTIONS:
        doc.add_heading(heading, level=1)
        doc.add_paragraph(text)
    doc.save(str(path))
    return to_pdf(path, path.parent)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    folder = tmp_path_factory.mktemp("mastheads")
    return {
        "masthead": read_pdf(_newsletter(folder / "nyhetsbrev-a.docx", MASTHEAD, 26, None)),
        "small-header": read_pdf(_newsletter(folder / "nyhetsbrev-b.docx", "Bästa platsen – "
                                             "nyhetsbrev för teamen", 9, TITLE)),
    }


def test_a_big_running_masthead_is_the_title(documents: dict[str, Document]) -> None:
    doc = documents["masthead"]
    assert doc.pages >= 2
    assert doc.title == MASTHEAD
    assert "Läsgrupper i Gripenberg" in [e.title for e in doc.examples]


def test_a_small_running_header_is_no_title(documents: dict[str, Document]) -> None:
    assert documents["small-header"].title == TITLE
