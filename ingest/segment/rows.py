"""The rows of a table whose rows are the teams' examples (``ingest.tables`` marks each line of
such a table with its cell): what each row is to the newsletter reader.

- a row with running text is an example, titled by a heading over that text in its cell, or
  by the bold run-in title of that text, else by its first cell (the team's name);
- a row whose first cell is a known sub-heading ("Nuläge", "Nästa steg") is a section of the
  example being read (one team's report laid out as a table of two columns);
- a row cut by a page break goes on at the top of the next page with some of its cells empty:
  it is the same example, each cell's text going on with the text above it in its column;
- a row without running text (the head row of column labels) is context; repeated on a new
  page, it is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.layout import Block
from ingest.segment.blocks import block_text, bold_run, title_from_run
from ingest.segment.programme import is_subheading
from ingest.tables import MAX_CELL_WORDS

Row = tuple[int, int, int]  # (page, table, row)
TITLE_WORDS = 12  # a first cell longer than this titles its row with its first words


def row_of(block: Block) -> Row | None:
    cell = block.meta.get("cell")
    return (block.page, cell[0], cell[1]) if cell is not None else None


@dataclass
class TableRows:
    titles: dict[Row, str] = field(default_factory=dict)  # rows that are examples
    sections: dict[Row, str] = field(default_factory=dict)  # rows that are sections: heading
    continued: dict[Row, Row] = field(default_factory=dict)  # row → the row it goes on
    repeated: set[int] = field(default_factory=set)  # ids of a head row's blocks on a new page


def table_rows(blocks: list[Block]) -> TableRows:
    """What each row of the document's tables of examples is (see the module's docstring)."""
    rows: dict[Row, list[Block]] = {}
    at: dict[Row, tuple[int, int]] = {}  # where each row's first and last block stand
    for n, block in enumerate(blocks):
        key = row_of(block)
        if key is not None:
            rows.setdefault(key, []).append(block)
            at[key] = (at.get(key, (n, n))[0], n)
    found = TableRows()
    previous: Row | None = None
    heads: set[str] = set()  # the texts of rows without running text
    for key, cells in rows.items():
        longest = max(cells, key=lambda b: len(b.words))
        short = len(longest.words) <= MAX_CELL_WORDS
        text = " ".join(" ".join(block_text(b) for b in cells).split())
        first_column = [b for b in cells if b.meta["cell"][2] == 0]
        if short and text in heads and previous is not None:
            found.repeated.update(id(b) for b in cells)
            continue
        between = blocks[at[previous][1] + 1:at[key][0]] if previous is not None else []
        if previous is not None and _goes_on(key, previous, between, heads, found) \
                and (not first_column or _columns(cells) < _columns(rows[previous])):
            # over the page break, some of its cells empty (a tagged page numbers the cells
            # it holds from 0)
            found.continued[key] = found.continued.get(previous, previous)
        elif first_column and is_subheading(block_text(first_column[0])):
            found.sections[key] = block_text(first_column[0])
        elif short:
            heads.add(text)
            continue
        else:
            found.titles[key] = _title(cells, longest, first_column)
        previous = key
    return found


def _title(cells: list[Block], longest: Block, first_column: list[Block]) -> str:
    """A row's title: a heading over its running text in its cell, else the bold run-in title
    of that text, else its first cell (the first words of a long one)."""
    column = longest.meta["cell"][2]
    head = next(b for b in cells if b.meta["cell"][2] == column)
    if head is not longest and head.heading_level and len(head.words) <= TITLE_WORDS:
        text = block_text(head)
        return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text
    run = bold_run(longest)
    if run:
        return title_from_run(run)
    first = block_text(first_column[0]) if first_column else block_text(longest)
    return " ".join(first.split()[:TITLE_WORDS])


def _goes_on(key: Row, previous: Row, between: list[Block], heads: set[str],
             found: TableRows) -> bool:
    """A row on the page after ``previous``'s with nothing between them but the table's head
    row repeated (its cells, or read as one line where a tagged PDF leaves it untagged)."""
    if key[0] != previous[0] + 1 or any(
        id(b) not in found.repeated and " ".join(block_text(b).split()) not in heads
        for b in between
    ):
        return False
    found.repeated.update(id(b) for b in between)
    return True


def _columns(cells: list[Block]) -> int:
    return len({b.meta["cell"][2] for b in cells})
