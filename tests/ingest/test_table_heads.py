"""A table's head row ("Namn | Roll | E-post | Telefon") labels columns: it opens no sections, so
a coaches' contact table under its heading stays one piece of context and no column becomes a
"team example"; section headings side by side stay headings."""

from __future__ import annotations

import io

import docx
import pytest

from ingest.layout import Block, Line
from ingest.model import Document
from ingest.pipeline import read_bytes
from ingest.segment import table_heads_as_text

TEAMS = {
    "Frukostklubben på Fågelforsskolan": (
        "Fågelforsskolan i Vaggeryd har öppnat en frukostklubb varje morgon klockan sju. "
        "Fritidspedagogen Lisa Holm och kuratorn Emil Strand tar emot eleverna. Sedan starten "
        "kommer fler elever i tid till första lektionen och närvaron har ökat i årskurs åtta."),
    "Familjecentralen i Skillingaryd bjuder in pappor": (
        "Familjecentralen i Skillingaryd har startat en pappagrupp som träffas varannan lördag. "
        "Barnsjuksköterskan Omar Said leder träffarna tillsammans med en familjebehandlare från "
        "socialtjänsten. Tolv pappor har varit med hittills och flera har fått nya vänner."),
}
COACHES = [["Namn", "Roll", "E-post", "Telefon"],
           ["Karin Ek", "Förbättringscoach", "karin.ek@rjl.exempel.se", "010-000 11 22"],
           ["Jonas Berg", "Utvecklingsledare", "jonas.berg@rjl.exempel.se", "010-000 11 33"]]


@pytest.fixture(scope="module")
def newsletter() -> Document:
    doc = docx.Document()
    doc.add_heading("Nyhetsbrev mars 2025", 0)
    doc.add_paragraph("Nätverket samlades i Vaggeryd. Här berättar två team om vinterns arbete.")
    for title, text in TEAMS.items():
        doc.add_heading(title, 1)
        doc.add_paragraph(text)
    doc.add_heading("Kontakt till coacherna", 1)
    table = doc.add_table(rows=len(COACHES), cols=4)
    for row, values in zip(table.rows, COACHES, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.paragraphs[0].add_run(value).bold = values is COACHES[0]
    data = io.BytesIO()
    doc.save(data)
    return read_bytes(data.getvalue(), "nyhetsbrev.docx")


def test_head_row_opens_no_example(newsletter: Document) -> None:
    assert [e.title for e in newsletter.examples] == list(TEAMS)


def test_contact_table_is_context_under_its_heading(newsletter: Document) -> None:
    coaches = [s for s in newsletter.context if s.heading == "Kontakt till coacherna"]
    assert len(coaches) == 1
    for name in ("Namn", "Telefon", "Karin Ek", "Jonas Berg", "010-000 11 33"):
        assert name in coaches[0].text
    assert not any(s.heading in {"Namn", "Roll", "E-post", "Telefon"} for s in newsletter.context)


def _heading(text: str, x0: float, top: float = 100.0) -> Block:
    line = Line(words=[], page=1, x0=x0, top=top, x1=x0 + 60, bottom=top + 12, size=12)
    block = Block([line], page=1, heading_level=2)
    block.meta["text"] = text
    return block


def test_section_headings_side_by_side_stay_headings(monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.segment.blocks as segment

    monkeypatch.setattr(segment, "block_text", lambda b: b.meta["text"])
    poster = [_heading("Bakgrund", 40), _heading("Syfte", 240), _heading("Metod", 440)]
    table = [_heading(text, x0, top=300.0) for text, x0 in (("Namn", 40), ("Roll", 240),
                                                              ("Telefon", 440))]
    table_heads_as_text(poster + table)
    assert [b.heading_level for b in poster] == [2, 2, 2]
    assert [b.heading_level for b in table] == [0, 0, 0]

