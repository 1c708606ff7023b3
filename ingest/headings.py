"""Heading levels from font size and weight relative to the body font."""

from __future__ import annotations

from ingest.layout import Block

MAX_HEADING_WORDS = 16


def is_heading_block(block: Block, body: float) -> bool:
    words = block.words
    if not words or len(words) > MAX_HEADING_WORDS or len(block.lines) > 3:
        return False
    text = " ".join(w.text for w in words)
    if not any(c.isalnum() for c in text):
        return False  # a lone bullet or rule
    if block.size > body * 1.12:
        return True
    if block.bold:
        return not text.endswith((".", ",", ";")) or len(words) <= 4
    letters = [c for c in text if c.isalpha()]
    # short all-caps label such as "BAKGRUND" or "SYFTE OCH MÅL"
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(words) <= 6


def assign_levels(blocks: list[Block], body: float) -> None:
    """Set ``heading_level`` (1 = largest) on heading blocks; body text keeps 0."""
    heads = [b for b in blocks if is_heading_block(b, body)]
    sizes = sorted({round(b.size * 2) / 2 for b in heads if b.size > body * 1.12}, reverse=True)
    # collapse sizes closer than half a point
    levels: list[float] = []
    for s in sizes:
        if not levels or levels[-1] - s > 0.6:
            levels.append(s)
    for b in heads:
        if b.size > body * 1.12:
            s = round(b.size * 2) / 2
            b.heading_level = 1 + min(range(len(levels)), key=lambda i: abs(levels[i] - s))
        elif b.bold:
            b.heading_level = len(levels) + 1
        else:
            b.heading_level = len(levels) + 2
