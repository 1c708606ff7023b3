"""A poster's blocks → its one example; contact details, the programme's kicker line and the
coach's line stay in the context."""

from __future__ import annotations

import re

from ingest.layout import Block
from ingest.lexicon import COACH_LINE_LABELS, CONTACT_HEADINGS
from ingest.segment.blocks import block_text
from ingest.segment.doubts import REVIEW_UNCLEAR_TITLE, block_doubts
from ingest.segment.drafts import Context, Draft, Segmented
from ingest.segment.programme import (
    contact_count,
    is_context_heading,
    is_subheading,
    norm_key,
    starts_with,
    who_acts,
)
from ingest.text import join_lines

COACH_LINE = re.compile(
    r"^(?:(?:vår|våra|teamets|vårt teams) )?"
    rf"(?:{'|'.join(re.escape(w) for w in sorted(COACH_LINE_LABELS, key=len, reverse=True))})"
    r"(?:er|na)?\s*[:–—-]\s*\S",
    re.IGNORECASE,
)
# a contact a panel's running text ends with: "… under höstlovet. Kontakt: Eva Ek, 070-…"
INLINE_CONTACT = re.compile(
    rf"(?<=[.!?])\s+(?=(?:{'|'.join(re.escape(w) for w in CONTACT_HEADINGS)})\s*:)",
    re.IGNORECASE,
)
PROGRAMME_PANELS = (*CONTACT_HEADINGS, *COACH_LINE_LABELS)  # panels that are context
KICKER_WORDS = 14  # a programme line above or beside the title is a few words, not a sentence
KICKER_ITEMS = 4  # or a few such items strung together ("Region Jönköpings län · Bästa …")
# what strings a programme line's items together, as printed ("·", "|", a dash) and as OCR
# reads a centred dot (":", "+", "*", "-")
ITEM_SEPARATOR = re.compile(r"\s[·•|:+*–—-]\s")


def segment_poster(blocks: list[Block], title_block: Block | None, title: str) -> Segmented:
    """A poster is one example; only contact details and the programme's lines stay in the
    context.

    Its panels' headings become sections: known ones (Bakgrund, Syfte, Resultat …) and those
    of the size most panels use; other large lines (a subtitle with team and place) stay text.
    A Kontakt panel (or the coach's) holds only its own box or column: the next panel ends it,
    headed or not.
    """
    ctx = Context()
    draft = Draft(title=title, level=None)
    panel_level = _panel_level(blocks, title_block)
    contact: Block | None = None
    prev: Block | None = None
    seen_title = title_block is None
    for block in blocks:
        text = block_text(block)
        if not text:
            continue
        if contact is not None and not _same_panel(contact, prev, block):
            contact = None
        prev = block
        if block is title_block:
            seen_title = True
            draft.add(text, block.pages, body=False)
            continue
        if _programme_line(block, text, panel_level) and (
            not block.heading_level or not seen_title or _in_banner(block, title_block)
        ):
            ctx.heading("")
            ctx.add(text)
            continue
        text = _without_coach_lines(block, ctx) if contact is None else text
        if not text:
            continue
        if _is_panel_heading(block, text, title_block, panel_level):
            contact = block if starts_with(norm_key(text), PROGRAMME_PANELS) else None
            if contact is not None:
                ctx.heading(text)
            else:
                draft.section(text, block.pages)
            continue
        text = _without_inline_contact(text, ctx) if contact is None else text
        if contact is not None or (contact_count(text) and len(text.split()) < 30):
            ctx.add(text)
            continue
        draft.add(text, block.pages, body=not block.heading_level)
        for reason in block_doubts(block, None):
            draft.flag(reason)
    if title_block is None:
        draft.flag(REVIEW_UNCLEAR_TITLE)  # no banner: the title is the file's name
    examples = [draft] if draft.body_chars else []
    return Segmented(examples, [s for s in ctx.sections if s.heading or s.text])


def _panel_level(blocks: list[Block], title_block: Block | None) -> int | None:
    """The heading level most panels use."""
    levels: dict[int, int] = {}
    for block in blocks:
        if block.heading_level and block is not title_block:
            levels[block.heading_level] = levels.get(block.heading_level, 0) + 1
    return max(levels.items(), key=lambda kv: (kv[1], kv[0]))[0] if levels else None


def _in_banner(block: Block, title_block: Block | None) -> bool:
    return (
        title_block is not None
        and block.box is not None
        and (block.page, block.box) == (title_block.page, title_block.box)
    )


def _is_panel_heading(
    block: Block, text: str, title_block: Block | None, panel_level: int | None
) -> bool:
    panel_heading = block.heading_level == panel_level and len(block.words) <= 8
    return bool(
        block.heading_level
        and not _in_banner(block, title_block)
        and (is_subheading(text) or panel_heading or is_context_heading(text))
    )


def _programme_line(block: Block, text: str, panel_level: int | None) -> bool:
    """A kicker or footer naming the programme or the network ("Bästa platsen att växa upp … ·
    Lärandenätverk 2024", "Ett exempel från lärandenätverket", "Region Jönköpings län · Bästa
    platsen … · Folkhälsa …"): a few words or a few items of a few words, not a sentence, not
    a panel's heading, with the programme's words and none of a team's."""
    items = ITEM_SEPARATOR.split(text)
    if len(items) > KICKER_ITEMS or any(len(item.split()) > KICKER_WORDS for item in items):
        return False
    if text.rstrip().endswith((".", "?", "!")):
        return False
    if panel_level is not None and block.heading_level == panel_level:
        return False
    programme, team = who_acts(text)
    return programme >= 1 and team == 0


def _without_coach_lines(block: Block, ctx: Context) -> str:
    """The block's text without the coach's line and what follows it in the block (her
    organisation, her e-mail), which go to the context; the whole text when there is none."""
    for n, line in enumerate(block.lines):
        if COACH_LINE.match(line.text.strip()):
            tail = join_lines([x.text for x in block.lines[n:]])
            if len(tail.split()) >= 30:
                break
            ctx.heading("")
            ctx.add(tail)
            return join_lines([x.text for x in block.lines[:n]])
    return block_text(block)


def _without_inline_contact(text: str, ctx: Context) -> str:
    """A panel's running text without the contact it ends with ("Kontakt: …" after the last
    sentence), which goes to the context; the whole text when there is none."""
    parts = INLINE_CONTACT.split(text, maxsplit=1)
    if len(parts) < 2 or contact_count(parts[0]) or not contact_count(parts[1]):
        return text
    ctx.heading("")
    ctx.add(parts[1])
    return parts[0]


def _same_panel(contact: Block, prev: Block | None, block: Block) -> bool:
    """Whether ``block`` still stands in the Kontakt panel headed by ``contact``: the same
    frame, or (no frame) the same column read on without a panel's gap; a line the layout read
    apart from the heading's column (a wide line, or OCR's overlapping line boxes on a scan)
    counts as the column's when it starts at the heading's left edge."""
    if block.page != contact.page or block.box != contact.box:
        return False
    if block.box is not None:
        return True
    first = block.lines[0]
    aligned = abs(first.x0 - contact.lines[0].x0) < first.size
    if (first.region != contact.lines[-1].region and not aligned) or prev is None:
        return False
    gap = first.top - prev.lines[-1].bottom
    return gap < 1.5 * max(first.size, prev.lines[-1].size)
