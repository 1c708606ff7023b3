"""Footnotes: the small numbered notes a word processor sets at a page's foot.

They explain or cite ("Deltagarlistan finns hos …", "Se även nyhetsbrev 1/2024") and are no
example's text; read in page order they would stand between the halves of a section that runs
on to the next page. They are told by where they stand and how they look, not by their words:
the last unframed blocks of a page, in smaller type than the body, in the page's lower part,
the first of them opening with its number ("1", "1.", "¹", "*"). The calls of the notes in the
text, set as small raised numbers of their own, are left out of it.
"""

from __future__ import annotations

import re

from ingest.layout import Block, Line

NOTE_SIZE = 0.95  # a footnote is set smaller than the body (Word, Writer: 10 pt under 11)
NOTE_ZONE = 0.55  # and it starts below this share of the page's height
# the note's number (or mark) before its first word, attached or not: "1Deltagarlistan",
# "2. Se även", "¹ Källa"
NOTE_MARK = re.compile(r"^(?:\d{1,2}\.?|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|[*†‡])\s*[A-ZÅÄÖ]")
CALL_SIZE = 0.75  # a call's type is at most this share of the words' beside it
CALL_RISE = 0.15  # and it stands at least this share of their size above their baseline
PUNCTUATION = re.compile(r"^[.,;:!?)]+$")


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


def drop_note_calls(blocks: list[Block], notes: list[Block]) -> None:
    """Leave out of the text the calls of the notes found on each page: a note's number set
    small and raised after a word ("kommuner ¹ ."); a full stop after it goes back to that
    word. Only the numbers of the page's own notes are calls (a footnote stands on the page
    of its call)."""
    marks: dict[int, set[str]] = {}
    for note in notes:
        for line in note.lines:
            m = NOTE_MARK.match(line.text)
            if m:
                marks.setdefault(line.page, set()).add(m.group(0)[:-1].strip().rstrip("."))
    for block in blocks:
        for line in block.lines:
            if line.page in marks:
                _drop_calls(line, marks[line.page])


def _drop_calls(line: Line, marks: set[str]) -> None:
    words = line.words
    n = 1
    while n < len(words):
        prev, word = words[n - 1], words[n]
        if word.text in marks and prev.baseline is not None and word.baseline is not None \
                and word.size <= CALL_SIZE * prev.size \
                and word.baseline < prev.baseline - CALL_RISE * prev.size:
            del words[n]
            if n < len(words) and PUNCTUATION.match(words[n].text):
                prev.text += words[n].text
                prev.x1 = words[n].x1
                del words[n]
            continue
        n += 1
