"""The table cells a tagged PDF declares: which marked content belongs to which row and cell.

A tagged PDF (Word's "Save as PDF", LibreOffice with tagging on, as ``ingest.office`` asks for)
carries the document's own structure beside its layout: Table → TR → TD/TH, each cell holding
marked-content ids that the page's text objects refer to. Where a table has no rules and its
cells wrap, geometry alone reads it line by line across the cells; the structure says exactly
which words form a row. pdfium exposes the structure tree, so this module only walks it.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Cell = tuple[int, int, int]  # (table, row, column) on the page, each counted from 0
MAX_ELEMENTS = 20_000  # a hostile tree is not walked without end
_ROWS = ("TR",)
_CELLS = ("TD", "TH")


def _type(element: pdfium_c.FPDF_STRUCTELEMENT, buf: ctypes.Array) -> str:
    size = pdfium_c.FPDF_StructElement_GetType(element, buf, len(buf))
    return buf.raw[: max(size - 2, 0)].decode("utf-16-le", "replace") if size else ""


def _children(element: pdfium_c.FPDF_STRUCTELEMENT) -> list[pdfium_c.FPDF_STRUCTELEMENT]:
    out = []
    for i in range(pdfium_c.FPDF_StructElement_CountChildren(element)):
        child = pdfium_c.FPDF_StructElement_GetChildAtIndex(element, i)
        if child:
            out.append(child)
    return out


def _marked_ids(element: pdfium_c.FPDF_STRUCTELEMENT, budget: list[int]) -> list[int]:
    """Every marked-content id on this page under ``element`` (its own and its descendants').
    Ids are counted per page: a cell cut by a page break lists the ids of both pages, and only
    the kids pdfium loaded for this page are this page's (the raw id list would give the next
    page's ids to this page's other text, a title above the table)."""
    ids: list[int] = []
    stack = [element]
    while stack and budget[0] > 0:
        budget[0] -= 1
        node = stack.pop()
        for i in range(pdfium_c.FPDF_StructElement_CountChildren(node)):
            mcid = pdfium_c.FPDF_StructElement_GetChildMarkedContentID(node, i)
            if mcid >= 0:
                ids.append(mcid)
        stack.extend(_children(node))
    return ids


def table_cells(page: pdfium.PdfPage) -> dict[int, Cell]:
    """Marked-content id → (table, row, column) for the text in the page's table cells; empty
    for an untagged page or one without tables."""
    tree = pdfium_c.FPDF_StructTree_GetForPage(page.raw)
    if not tree:
        return {}
    try:
        return _walk(tree)
    finally:
        pdfium_c.FPDF_StructTree_Close(tree)


def _walk(tree: pdfium_c.FPDF_STRUCTTREE) -> dict[int, Cell]:
    buf = ctypes.create_string_buffer(64)
    budget = [MAX_ELEMENTS]
    cells: dict[int, Cell] = {}
    tables = 0
    stack = [pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, i)
             for i in reversed(range(pdfium_c.FPDF_StructTree_CountChildren(tree)))]
    while stack and budget[0] > 0:
        budget[0] -= 1
        element = stack.pop()
        if not element:
            continue
        if _type(element, buf) != "Table":
            stack.extend(reversed(_children(element)))  # tables numbered in document order
            continue
        rows = [r for r in _rows(element, buf) if r]
        for row_no, row in enumerate(rows):
            for col_no, cell in row:
                for mcid in _marked_ids(cell, budget):
                    cells[mcid] = (tables, row_no, col_no)
        tables += 1
    return cells


def _rows(table: pdfium_c.FPDF_STRUCTELEMENT, buf: ctypes.Array) -> list[list]:
    """The table's rows (directly under it or under THead/TBody/TFoot), each its cells with
    their column: a row cut by a page break holds on each page only the cells with text
    there, each in its own column."""
    rows = []
    for child in _children(table):
        kind = _type(child, buf)
        if kind in _ROWS:  # a cell with nothing on this page keeps its place: None
            kids = [pdfium_c.FPDF_StructElement_GetChildAtIndex(child, i)
                    for i in range(pdfium_c.FPDF_StructElement_CountChildren(child))]
            rows.append([(n, c) for n, c in enumerate(kids) if c and _type(c, buf) in _CELLS])
        elif kind in ("THead", "TBody", "TFoot"):
            rows.extend(_rows(child, buf))
    return rows
