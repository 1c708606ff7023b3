"""Data tables read row by row where a tagged PDF names their cells.

A contact table without rules ("Namn | Roll | E-post | Telefon") whose cells wrap is read by
geometry line by line across the cells: "Karin Wallin Processtöd-" then "Qulturum jare". The
words of a tagged PDF know their cell (``ingest.structure``), so each row becomes one line:
its cells one after another, each cell's words in the order they were read. Only data tables
are read so: every cell short. A table used to lay out a page (long paragraphs side by side)
keeps the layout's reading.

A table whose rows are the teams' examples (a team | what it does | contact, the middle
column running text) is read row by row, cell by cell, each cell's lines as they are: every
line knows its cell, so that each row is segmented as one example (``ingest.segment``).

An untagged PDF knows no cells, but a ruled table shows them: the rules (thin lines) that meet
make a grid, whose row and column bounds place each word in its cell (``cells_from_rules``).

An e-mail or web address too long for its cell is broken by the producer without a hyphen
("karin.holmqvist.anders" / "son@nassjo.se"): a piece of an address alone on its line, reaching
the column's right edge, is joined to the next line's first word. Ordinary words are never
joined so: a name or role wraps at a space.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from itertools import count
from statistics import median

from ingest.extract import RULE_WIDTH, Box, PageContent, Word
from ingest.layout import Line

MAX_CELL_WORDS = 20  # more in one cell: a layout table of paragraphs, not a data table
EDGE = 1.5  # points: how near the column's right edge a force-broken word ends
MAX_RULES = 1500  # more thin lines on a page: a drawing (a chart, hatching), not a table's

Key = tuple[int, int]  # (table, row)


def rows_read_across(lines: list[Line]) -> list[Line]:
    """The page's lines with each data-table row as one line, and the rows of a table of
    examples cell by cell, placed where the table's first line was read; other lines
    unchanged."""
    tables, by_row = _data_tables(lines)
    if not tables:
        return lines
    rows: dict[Key, list[tuple[int, Word, int]]] = defaultdict(list)
    out: list[Line] = []
    placed: set[int] = set()
    for line_no, line in enumerate(lines):
        kept = [w for w in line.words if not _in(w, tables)]
        for w in line.words:
            if _in(w, tables):
                rows[(w.cell[0], w.cell[1])].append((w.cell[2], w, line_no))
        table = next((w.cell[0] for w in line.words if _in(w, tables)), None)
        if table is not None and table not in placed:
            placed.add(table)
            out.append(_Placeholder(table, line))
        if kept:
            line.words = kept
            out.append(line)
    regions = count(max(line.region for line in lines) + 1)
    return [row for item in out for row in _expand(item, rows, by_row, regions)]


class _Placeholder:
    """Where a table's rows go in the page's reading order."""

    def __init__(self, table: int, first: Line) -> None:
        self.table = table
        self.first = first


def _expand(
    item: Line | _Placeholder,
    rows: dict[Key, list[tuple[int, Word, int]]],
    by_row: set[int],
    regions: count,
) -> list[Line]:
    if isinstance(item, Line):
        return [item]
    keys = sorted(k for k in rows if k[0] == item.table)
    if item.table in by_row:
        return [line for k in keys for line in _cell_lines(k, rows[k], item.first, regions)]
    right = _column_edges(rows, item.table)
    return [_row_line([(c, w, n) for c, w, n in rows[k]], item.first, right) for k in keys]


def _cell_lines(
    key: Key, cells: list[tuple[int, Word, int]], first: Line, regions: count
) -> list[Line]:
    """A row of a table of examples: each cell's lines top to bottom, cell after cell, each
    cell a region of its own, every line knowing its cell."""
    out: list[Line] = []
    for col in sorted({c for c, _w, _n in cells}):
        by_line: dict[int, list[Word]] = defaultdict(list)
        for c, w, n in cells:
            if c == col:
                by_line[n].append(w)
        region = next(regions)
        pieces = sorted(by_line.values(), key=lambda ws: min(w.top for w in ws))
        for words in pieces:
            line = _line(words, first, region)
            line.cell = (key[0], key[1], col)
            out.append(line)
    return out


def _data_tables(lines: list[Line]) -> tuple[set[int], set[int]]:
    """The tables read by their cells, and those of them whose rows are examples. A data
    table has two rows and two columns or more, its every cell short; one row of cells is
    columns side by side (two lists under their headings), read as the layout reads columns.
    A table of examples has two columns or more and running text in one column only, in two
    rows or more; a table of long text in several columns lays out a page."""
    counts: dict[tuple[int, int, int], int] = defaultdict(int)
    for line in lines:
        for w in line.words:
            if w.cell is not None:
                counts[w.cell] += 1
    columns: dict[int, set[int]] = defaultdict(set)
    rows: dict[int, set[int]] = defaultdict(set)
    long_rows: dict[int, set[int]] = defaultdict(set)
    long_cols: dict[int, set[int]] = defaultdict(set)
    for (table, row, col), n in counts.items():
        columns[table].add(col)
        rows[table].add(row)
        if n > MAX_CELL_WORDS:
            long_rows[table].add(row)
            long_cols[table].add(col)
    grids = {t for t, cols in columns.items() if len(cols) >= 2 and len(rows[t]) >= 2}
    by_row = {t for t in grids if len(long_rows[t]) >= 2 and len(long_cols[t]) == 1}
    return {t for t in grids if not long_rows[t]} | by_row, by_row


def _in(word: Word, tables: set[int]) -> bool:
    return word.cell is not None and word.cell[0] in tables


def _column_edges(rows: dict[Key, list[tuple[int, Word, int]]], table: int) -> dict[int, float]:
    right: dict[int, float] = {}
    for (t, _row), cells in rows.items():
        if t == table:
            for col, w, _n in cells:
                right[col] = max(right.get(col, 0.0), w.x1)
    return right


def _row_line(cells: list[tuple[int, Word, int]], first: Line, right: dict[int, float]) -> Line:
    """One line of a row's words, cell after cell; words broken by the cell's edge joined."""
    words: list[Word] = []
    for col in sorted({c for c, _w, _n in cells}):
        in_cell = [(n, w) for c, w, n in cells if c == col]
        words.extend(_joined_broken(in_cell, right[col]))
    return _line(words, first, first.region)


def _line(words: list[Word], first: Line, region: int) -> Line:
    line = Line(
        words, first.page, min(w.x0 for w in words), min(w.top for w in words),
        max(w.x1 for w in words), max(w.bottom for w in words),
        median(w.size for w in words), first.box, region)
    line.baseline = words[0].baseline if words[0].baseline is not None else words[0].bottom
    return line


def _joined_broken(in_cell: list[tuple[int, Word]], right: float) -> list[Word]:
    """A cell's words in reading order; a word alone on its line up to the column's edge is
    joined with the first word of the next line."""
    by_line: dict[int, list[Word]] = defaultdict(list)
    for line_no, w in in_cell:
        by_line[line_no].append(w)
    out: list[Word] = []
    carry: Word | None = None
    for line_no in sorted(by_line):
        words = list(by_line[line_no])
        if carry is not None:
            words[0] = _glued(carry, words[0])
            carry = None
        if len(words) == 1 and _broken_address(words[0], right) and line_no != max(by_line):
            carry = words[0]
            continue
        out.extend(words)
    if carry is not None:
        out.append(carry)
    return out


def _broken_address(word: Word, right: float) -> bool:
    """A piece of an e-mail address or web address (dots or @ inside) filling its line to the
    column's edge: the producer broke it there, not at a space."""
    inner = word.text[1:-1]
    return word.x1 >= right - EDGE and any(c in inner for c in "@./")


def _glued(head: Word, tail: Word) -> Word:
    return Word(head.text + tail.text, head.x0, head.top, max(head.x1, tail.x1),
                max(head.bottom, tail.bottom), max(head.size, tail.size), head.bold and tail.bold,
                head.page, head.baseline, head.run, tail.run_end, head.cell)


def cells_from_rules(page: PageContent) -> None:
    """The words of an untagged page placed in the cells of its ruled tables: rules that meet
    make a grid of two rows and two columns or more, whose horizontal rules bound its rows and
    vertical rules its columns. A tagged page's cells are its own."""
    if not page.rules or len(page.rules) > MAX_RULES or any(w.cell is not None for w in page.words):
        return
    grids = [g for g in _grids(page.rules) if len(g[0]) >= 3 and len(g[1]) >= 3]
    for table, (ys, xs) in enumerate(grids):
        for w in page.words:
            cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
            row, col = bisect_right(ys, cy) - 1, bisect_right(xs, cx) - 1
            if w.cell is None and 0 <= row < len(ys) - 1 and 0 <= col < len(xs) - 1:
                w.cell = (table, row, col)


def _grids(rules: list[Box]) -> list[tuple[list[float], list[float]]]:
    """The rules that meet, grouped, as (row bounds, column bounds), top to bottom."""
    group = list(range(len(rules)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, a in enumerate(rules):
        for j in range(i + 1, len(rules)):
            b = rules[j]
            if a.x0 - 2 <= b.x1 and b.x0 - 2 <= a.x1 and a.top - 2 <= b.bottom \
                    and b.top - 2 <= a.bottom:
                group[root(i)] = root(j)
    members: dict[int, list[Box]] = defaultdict(list)
    for i, rule in enumerate(rules):
        members[root(i)].append(rule)
    grids = []
    for found in members.values():
        ys = _bounds([(r.top + r.bottom) / 2 for r in found if r.bottom - r.top <= RULE_WIDTH])
        xs = _bounds([(r.x0 + r.x1) / 2 for r in found if r.x1 - r.x0 <= RULE_WIDTH])
        grids.append((ys, xs))
    return sorted(grids, key=lambda g: g[0][0] if g[0] else 0.0)


def _bounds(values: list[float]) -> list[float]:
    """Positions of rules, those within two points of each other as one."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 2:
            out.append(v)
    return out
