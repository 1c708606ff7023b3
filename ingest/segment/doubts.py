"""Why a coordinator should check an example: the reasons, in Swedish, shown on its review
page."""

from __future__ import annotations

from ingest.layout import Block, Line
from ingest.segment.blocks import block_text
from ingest.segment.programme import is_subheading, who_acts

REVIEW_UNCLEAR_TITLE = "oklar rubrik"
REVIEW_MERGED_COLUMNS = "sammanslagna spalter"
REVIEW_TEXT_ORDER = "osäker textordning"
REVIEW_MAYBE_PROGRAMME = "kan vara programinformation"
REVIEW_SHORT = "mycket kort text"


def _merged_line(line: Line) -> bool:
    """Words of two columns read as one line: a wide gap with running words on both sides."""
    words = line.words
    return any(
        b.x0 - a.x1 > 1.5 * line.size and 2 <= i <= len(words) - 2
        for i, (a, b) in enumerate(zip(words, words[1:], strict=False), start=1)
    )


def block_doubts(block: Block, previous: Block | None) -> list[str]:
    """What makes a block's place in its example unsure: columns read across as one line
    (a table or boxes side by side without frames), or a paragraph cut into fragments that sit
    side by side on the same lines (the text order is a guess)."""
    doubts: list[str] = []
    if block.meta.get("columns"):
        doubts.append(REVIEW_TEXT_ORDER)
    if block.box is None and any(_merged_line(line) for line in block.lines):
        doubts.append(REVIEW_MERGED_COLUMNS)
    if (
        previous is not None
        and not block.heading_level
        and not previous.heading_level
        and block.box is None
        and previous.box is None
        and block.page == previous.page
        and block.lines[0].x0 > previous.lines[0].x0 + 2 * block.size
        and _same_rows(previous, block)
        and not block_text(previous).endswith((".", "!", "?", ":"))
    ):
        doubts.append(REVIEW_TEXT_ORDER)
    return doubts


def _same_rows(a: Block, b: Block) -> bool:
    """Two blocks on the very same rows, first line to last (one paragraph cut lengthwise), not
    a column's end followed by the next column's start."""
    tol = 0.5 * b.size
    return (
        len(a.lines) == len(b.lines)
        and abs(a.lines[0].top - b.lines[0].top) < tol
        and abs(a.lines[-1].top - b.lines[-1].top) < tol
    )


def draft_doubts(title: str, text: str) -> list[str]:
    """What makes a whole example unsure: a title that does not read as one (too long, lower
    case, capitals only, a sub-heading), nearly as many programme words as signs of a team,
    very little text."""
    doubts: list[str] = []
    letters = [c for c in title if c.isalpha()]
    if (
        len(title.split()) > 14
        or not letters
        or title[:1].islower()
        or (len(letters) >= 4 and all(c.isupper() for c in letters))
        or is_subheading(title)
    ):
        doubts.append(REVIEW_UNCLEAR_TITLE)
    programme, team = who_acts(text)
    if programme >= 2 and 2 * programme >= team:  # kept as a team's, but not by far
        doubts.append(REVIEW_MAYBE_PROGRAMME)
    if len(text.split()) < 30:
        doubts.append(REVIEW_SHORT)
    return doubts
