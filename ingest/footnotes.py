"""Footnotes: the small numbered notes a word processor sets at a page's foot.

They explain or cite ("Deltagarlistan finns hos …", "Se även nyhetsbrev 1/2024") and are no
example's text; read in page order they would stand between the halves of a section that runs
on to the next page. They are told by where they stand and how they look, not by their words:
the last unframed blocks of a page, in smaller type than the body, in the page's lower part,
the first of them opening with its number ("1", "1.", "¹", "*").
"""

from __future__ import annotations

import re

from ingest.layout import Block

NOTE_SIZE = 0.95  # a footnote is set smaller than the body (Word, Writer: 10 pt under 11)
NOTE_ZONE = 0.55  # and it starts below this share of the page's height
# the note's number (or mark) before its first word, attached or not: "1Deltagarlistan",
# "2. Se även", "¹ Källa"
NOTE_MARK = re.compile(r"^(?:\d{1,2}\.?|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|[*†‡])\s*[A-ZÅÄÖ]")


def footnotes(blocks: list[Block], heights: dict[int, float], body: float) -> list[Block]:
    """The blocks that are footnotes, page by page in reading order."""
    by_page: dict[int, list[Block]] = {}
    for block in blocks:
        by_page.setdefault(block.page, []).append(block)
    notes: list[Block] = []
    for page, members in by_page.items():
        height = heights.get(page, 0.0)
        foot: list[Block] = []
        for block in reversed(members):
            if block.box is not None or block.heading_level or block.size > NOTE_SIZE * body:
                break
            foot.insert(0, block)
        first = next((n for n, b in enumerate(foot) if _opens_a_note(b, height)), None)
        if first is not None:
            notes.extend(foot[first:])
    return notes


def _opens_a_note(block: Block, height: float) -> bool:
    text = " ".join(line.text for line in block.lines)
    return bool(height) and block.lines[0].top > NOTE_ZONE * height and bool(NOTE_MARK.match(text))
