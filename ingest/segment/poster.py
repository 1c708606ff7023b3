"""A poster's blocks → its one example; only contact details stay in the context."""

from __future__ import annotations

from ingest.layout import Block
from ingest.lexicon import CONTACT_HEADINGS
from ingest.segment.blocks import block_text
from ingest.segment.doubts import REVIEW_UNCLEAR_TITLE, block_doubts
from ingest.segment.drafts import Context, Draft, Segmented
from ingest.segment.programme import (
    contact_count,
    is_context_heading,
    is_subheading,
    norm_key,
    starts_with,
)


def segment_poster(blocks: list[Block], title_block: Block | None, title: str) -> Segmented:
    """A poster is one example; only contact details stay in the context.

    Its panels' headings become sections: known ones (Bakgrund, Syfte, Resultat …) and those
    of the size most panels use; other large lines (a subtitle with team and place) stay text.
    """
    ctx = Context()
    draft = Draft(title=title, level=None)
    levels: dict[int, int] = {}
    for block in blocks:
        if block.heading_level and block is not title_block:
            levels[block.heading_level] = levels.get(block.heading_level, 0) + 1
    panel_level = max(levels.items(), key=lambda kv: (kv[1], kv[0]))[0] if levels else None
    in_contact = False
    for block in blocks:
        text = block_text(block)
        if not text:
            continue
        if block is title_block:
            draft.add(text, block.pages, body=False)
            continue
        in_banner = (
            title_block is not None
            and block.box is not None
            and (block.page, block.box) == (title_block.page, title_block.box)
        )
        panel_heading = block.heading_level == panel_level and len(block.words) <= 8
        if (
            block.heading_level
            and not in_banner
            and (is_subheading(text) or panel_heading or is_context_heading(text))
        ):
            in_contact = starts_with(norm_key(text), CONTACT_HEADINGS)
            if in_contact:
                ctx.heading(text)
            else:
                draft.section(text, block.pages)
            continue
        if in_contact or (contact_count(text) and len(text.split()) < 30):
            ctx.add(text)
            continue
        draft.add(text, block.pages, body=not block.heading_level)
        for reason in block_doubts(block, None):
            draft.flag(reason)
    if title_block is None:
        draft.flag(REVIEW_UNCLEAR_TITLE)  # no banner: the title is the file's name
    examples = [draft] if draft.body_chars else []
    return Segmented(examples, [s for s in ctx.sections if s.heading or s.text])
