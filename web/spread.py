"""The spread overview's query (focus area, year) and its downloads as CSV and XLSX.

The spreadsheet is written with openpyxl: a first sheet with one row per concept and the status
word in each municipality's column (header row, frozen panes), a second with the evidence: one
row per cell and example, marking the example that decided the status and any override.
openpyxl is imported when a workbook is written, not when the app starts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field
from werkzeug.datastructures import MultiDict

if TYPE_CHECKING:
    from openpyxl import Workbook

from ingest.records import FOCUS_AREAS
from search.records import SPREAD_LABELS, Spread

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILENAME = "exempelbanken-spridning"
EVIDENCE_HEADER = ("Koncept", "Kommun", "Status", "Härledd status", "Exempel", "Titel",
                   "Datum", "Skede", "Avgjorde", "Ändrad av", "Skäl")
MIN_YEAR, MAX_YEAR = 1900, 2100


class SpreadQuery(BaseModel):
    """The query string of the spread overview (page, downloads and GET /api/spread)."""

    fokus: str | None = Field(None, description="Fokusområde, t.ex. Psykisk hälsa: bara dess "
                              "koncept.", json_schema_extra={"enum": list(FOCUS_AREAS)})
    ar: int | None = Field(None, ge=MIN_YEAR, le=MAX_YEAR,
                           description="År: läget vid årets slut, av exempel daterade senast "
                           "det året (samordnarnas ändringar gäller bara nuläget).")


def parse(args: MultiDict[str, str]) -> tuple[str | None, int | None]:
    """(focus area, year) from the query string; ValueError with a Swedish message."""
    focus = (args.get("fokus") or "").strip() or None
    if focus is not None and focus not in FOCUS_AREAS:
        raise ValueError(f"Okänt fokusområde: {focus[:80]}")
    raw = (args.get("ar") or "").strip()
    if not raw:
        return focus, None
    if not raw.isdigit() or not MIN_YEAR <= int(raw) <= MAX_YEAR:
        raise ValueError("Året ska vara ett årtal, t.ex. 2024.")
    return focus, int(raw)


def _matrix_rows(spread: Spread) -> Iterator[list[Any]]:
    yield ["Koncept", "Fokusområden", *spread.municipalities]
    for row in spread.rows:
        yield [row.name, ", ".join(row.focus_areas),
               *(SPREAD_LABELS[row.cells[m].status] for m in spread.municipalities)]


def _evidence_rows(spread: Spread) -> Iterator[list[Any]]:
    yield list(EVIDENCE_HEADER)
    for row in spread.rows:
        for m in spread.municipalities:
            cell = row.cells[m]
            if not cell.evidence and cell.override is None:
                continue
            ov = cell.override
            done_by = [ov.user or "", ov.reason] if ov else ["", ""]
            head = [row.name, m, cell.label, SPREAD_LABELS[cell.derived]]
            for ev in cell.evidence or [None]:
                yield [*head, ev.example_id if ev else "", ev.title if ev else "",
                       (ev.date or "") if ev else "", (ev.stage or "") if ev else "",
                       "ja" if ev and ev.decisive else "", *done_by]


def to_csv(spread: Spread) -> bytes:
    """The matrix as CSV (UTF-8 with BOM so that spreadsheet programs read å, ä, ö)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerows(_matrix_rows(spread))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _sheet(book: Workbook, title: str, rows: Iterator[list[Any]], first: bool) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.active if first else book.create_sheet()
    assert sheet is not None
    sheet.title = title
    for values in rows:
        sheet.append(values)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    for index, column in enumerate(sheet.iter_cols(max_row=min(sheet.max_row, 200)), start=1):
        width = max((len(str(c.value or "")) for c in column), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)


def to_xlsx(spread: Spread) -> bytes:
    """The matrix and its evidence as an Excel workbook."""
    from openpyxl import Workbook

    book = Workbook()
    _sheet(book, "Spridning", _matrix_rows(spread), first=True)
    _sheet(book, "Underlag", _evidence_rows(spread), first=False)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def filename(focus: str | None, year: int | None, ext: str) -> str:
    parts = [FILENAME] + ([str(year)] if year else [])
    if focus:
        parts.append(focus.lower().replace(" ", "-").replace("ä", "a").replace("å", "a")
                     .replace("ö", "o"))
    return "-".join(parts) + "." + ext
