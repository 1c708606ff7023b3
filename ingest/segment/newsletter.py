"""A newsletter's blocks in reading order → team examples and context.

- a paragraph that opens with a bold run starts an example titled by that run;
- a talk or the group work of the day reported (`programme.reports_the_day`) is context, as a
  section of its own, a paragraph after a team's text or a sub-section of it;
- a heading starts an example; known sub-headings (Nuläge, Nästa steg, Bakgrund …) and
  lower-level headings become sections of it, until a heading of the same or a higher level;
- a framed card holds one team's example: its title opens it whatever its level, and a card
  cut by a page break goes on in the frame at the top of the next page;
- in a two-column section a bold title alone on its line opens an example of its own;
- a table whose rows are the teams' examples (``ingest.tables``) gives one example per row,
  titled by the bold run-in title of its running text (else by its first cell); its head row
  is context;
- framed sidebars, contact lists, coming meetings and greetings go to the context.
"""

from __future__ import annotations

from ingest.layout import Block, Line
from ingest.lexicon import CONTACT_HEADINGS, CONTEXT_LABELS
from ingest.model import Section
from ingest.segment.blocks import (
    block_text,
    bold_run,
    column_titles,
    recurring_labels,
    title_from_run,
    without_heading_number,
)
from ingest.segment.doubts import REVIEW_UNCLEAR_TITLE, block_doubts, draft_doubts
from ingest.segment.drafts import Context, Draft, Segmented, continues
from ingest.segment.programme import (
    FIRST_PERSON,
    GREETINGS,
    INTRO_HEADING,
    INTRO_TEXT,
    announces_teams,
    contact_count,
    is_agenda,
    is_contact_table,
    is_context_heading,
    is_group_label,
    is_meeting_list,
    is_meeting_part,
    is_quote,
    is_subheading,
    norm_key,
    reads_as_programme,
    reports_the_day,
    starts_with,
    team_voiced,
    who_acts,
)
from ingest.segment.rows import row_of, table_rows


def heading_title(text: str) -> str:
    """An example's title from its heading: a bold run-in title that filled its own line is
    read as a heading and keeps its sentence's full stop, which is no part of the title (an
    ellipsis, a question or an exclamation is)."""
    if text.endswith(".") and not text.endswith(".."):
        return text[:-1].rstrip()
    return text


def segment_newsletter(blocks: list[Block], title_block: Block | None) -> Segmented:
    """Team examples and context of a newsletter, block by block in reading order."""
    reader = _NewsletterReader(blocks, title_block)
    for block in blocks:
        reader.read(block)
    reader.close()
    _intro_to_context(reader.drafts, reader.ctx)
    return Segmented(reader.drafts, [s for s in reader.ctx.sections if s.heading or s.text])


class _NewsletterReader:
    """Sorts a newsletter's blocks into the example being read, a new one or the context."""

    def __init__(self, blocks: list[Block], title_block: Block | None) -> None:
        self.drafts: list[Draft] = []
        self.ctx = Context()
        self.cur: Draft | None = None
        self.title_block = title_block
        self.sidebars, self.cards = _framed(blocks, title_block)
        self.carried, card_titles = _continued_cards(blocks, self.cards)
        self.sidebars -= set(self.carried) | self.cards
        self.cards |= set(self.carried)
        self.opens = card_titles | column_titles(blocks)  # headings that open an example
        self.labels = recurring_labels(blocks)  # an interview's speakers: the team's text
        self.in_row = _boxes_in_a_row(blocks, title_block)
        self.absorbed: set[tuple[int, int]] = set()
        self.decided: set[tuple[int, int]] = set()
        self.box_of_previous: tuple[int, int] | None = None
        self.previous: Block | None = None
        self.orphan: tuple[str, Block] | None = None  # a sub-heading read into the context
        self.contact_of: Draft | None = None  # the example whose own contacts are being read
        self.part_level: int | None = None  # the level of the meeting part being read
        self.rows = table_rows(blocks)
        self.row: tuple[int, int, int] | None = None  # the table row being read
        self.row_draft: Draft | None = None  # the example a table row opened
        self.column_parts: dict[float, int] = {}  # where each column's text (by its left edge)

    def read(self, block: Block) -> None:
        text = block_text(block)
        if not text:
            return
        if block is self.title_block:
            self.ctx.heading(text)
            return
        if id(block) in self.rows.repeated:
            return  # a table's head row repeated on a new page
        before = self._progress()
        box_key = self._follow_frame(block)
        self._follow_row(block)
        if self.row is not None:
            self._read_cell(block, text)
        elif box_key in self.carried and self.cur is not None or (
            box_key is not None and self._absorbs(box_key)
        ):
            self._read_team_box(block, text)
        elif box_key is not None and box_key in self.sidebars:
            self._read_sidebar(block, text)
        elif block.heading_level:
            self._read_heading(block, without_heading_number(text))
        elif not self._context_paragraph(text):
            self._read_paragraph(block, text)
        if self.cur is not None and self._progress() != before:
            for reason in block_doubts(block, self.previous):
                self.cur.flag(reason)
        self.previous = block

    def _progress(self) -> tuple[int, int, int] | None:
        """Where the current example stands, to tell whether a block went into it."""
        cur = self.cur
        return None if cur is None else (id(cur), len(cur.parts), cur.body_chars)

    def close(self) -> None:
        """End the current example; a heading with (almost) nothing under it, or a section
        about the programme itself (a meeting, a speaker, new teams), is context."""
        cur = self.cur
        if cur is not None:
            for section in cur.split_off(lambda sec: reports_the_day(f"{sec.heading}\n{sec.text}")):
                self.ctx.heading(section.heading)
                self.ctx.add(section.text)
        if cur is not None and self.drafts and self.drafts[-1] is cur and (
            cur.body_chars < 40
            or reads_as_programme("\n".join(cur.parts))
            or reports_the_day(cur.lead())
            or is_contact_table(cur.parts)
        ):
            self.drafts.pop()
            self._demote(cur)
        elif cur is not None:
            for reason in draft_doubts(cur.title, "\n".join(cur.parts)):
                cur.flag(reason)
        self.cur = None

    def _demote(self, draft: Draft) -> None:
        """An example's heading and text moved to the context (a bold-run title stays in its
        paragraph)."""
        if draft.level is None:
            for part in draft.parts:
                self.ctx.add(part)
            return
        self.ctx.heading(draft.title)
        for part in draft.parts[1:]:
            self.ctx.add(part)

    def _follow_frame(self, block: Block) -> tuple[int, int] | None:
        """The block's frame; a framed example card ends with its frame."""
        box_key = (block.page, block.box) if block.box is not None else None
        previous = self.box_of_previous
        goes_on = box_key in self.carried and self.carried[box_key] in (previous, None)
        if box_key != previous and previous in self.cards and previous not in self.absorbed \
                and not goes_on:
            self.close()
        self.box_of_previous = box_key
        return box_key

    def _follow_row(self, block: Block) -> None:
        """A row of a table of examples opens its example, or a section of the example being
        read, or goes on with the row it continues; leaving the table ends an example a row
        opened."""
        row = row_of(block)
        row = self.rows.continued.get(row, row) if row is not None else None
        if row == self.row:
            return
        self.row = row
        if row is None:
            if self.cur is not None and self.cur is self.row_draft:
                self.close()
            return
        if row in self.rows.sections and self.cur is not None:
            return
        self.close()
        self.column_parts = {}
        title = self.rows.titles.get(row)
        if title:
            self.row_draft = Draft(title=title, level=None)
            self._start(self.row_draft)

    def _read_cell(self, block: Block, text: str) -> None:
        """A cell of a table of examples: the row's text, or its heading when the row is a
        section ("Nuläge | …"); a row that is no example (the head row) is context."""
        assert self.row is not None
        x0 = min(line.x0 for line in block.lines)
        above = min(self.column_parts, key=lambda x: abs(x - x0), default=None)
        if self.cur is None:
            self.ctx.add(text)
        elif self.row in self.rows.sections and block.meta["cell"][2] == 0:
            self.cur.section(text, block.pages)
        elif row_of(block) != self.row and above is not None and abs(above - x0) < block.size:
            self.cur.add_to(self.column_parts[above], text, block.pages)  # over a page break
        else:
            self.cur.add(text, block.pages)
            self.column_parts.setdefault(x0, len(self.cur.parts) - 1)

    def _absorbs(self, box_key: tuple[int, int]) -> bool:
        """Whether a box in a row of small boxes belongs to the team section being read: its
        first block decides, while a team's example is open, unless the box is the programme's
        (context heading, programme words) or a card with a team title of its own."""
        if box_key in self.absorbed:
            return True
        if box_key not in self.in_row or self.cur is None or box_key in self.decided:
            return False
        self.decided.add(box_key)
        group = self.in_row[box_key]
        title = block_text(group[0]) if group[0].heading_level else ""
        text = "\n".join(block_text(b) for b in group)
        own = box_key not in self.cards or is_subheading(title) or bool(FIRST_PERSON.search(title))
        if own and not is_context_heading(title) and not contact_count(text) and not (
            reads_as_programme(text) or reports_the_day(text)
        ):
            self.absorbed.add(box_key)
            return True
        return False

    def _read_team_box(self, block: Block, text: str) -> None:
        """A box of the team's section: its heading is a section, its text the example's."""
        assert self.cur is not None
        if block.heading_level:
            self.cur.section(text, block.pages)
        else:
            self.cur.add(text, block.pages)

    def _read_sidebar(self, block: Block, text: str) -> None:
        """Framed sidebar: background, aims, approach … never a team's example."""
        if block.heading_level:
            self.ctx.heading(text)
        else:
            self.ctx.add(text)

    def _read_heading(self, block: Block, text: str) -> None:
        cur = self.cur
        if cur is not None and is_quote(text):
            cur.add(text, block.pages)  # a quote set large between a team's paragraphs
        elif self._in_meeting_part(block):
            self.ctx.heading(text)  # "Grupp 1" under "Diskussion i smågrupper"
        elif self._team_contact_heading(block, text):
            assert cur is not None
            cur.section(text, block.pages)
            self.contact_of = cur
        elif is_context_heading(text) or is_group_label(text) or (
            not self.drafts and INTRO_HEADING.search(text)
        ):
            self.close()
            self.ctx.heading(text)
            self.part_level = block.heading_level if is_meeting_part(text) else None
            # a greeting or a network heading over a team's own text may still be a team's
            greeting = GREETINGS.search(text) or INTRO_HEADING.search(text)
            self.orphan = (text, block) if greeting else None
        elif id(block) in self.opens:
            self._end_list_heading(block.heading_level)
            self._open_heading(block, text)
        elif is_subheading(text) or (
            cur is not None and cur.level is not None and block.heading_level > cur.level
        ):
            if cur is not None:
                cur.section(text, block.pages)
            else:
                self.ctx.heading(text)
                self.orphan = (text, block) if is_subheading(text) else None
        else:
            self._open_heading(block, text)

    def _in_meeting_part(self, block: Block) -> bool:
        """A heading below a meeting part's heading ("Diskussion i smågrupper" over its groups'
        notes) is the meeting's too, until a heading of that part's level or higher."""
        if self.part_level is None:
            return False
        if block.heading_level > self.part_level:
            return True
        self.part_level = None
        return False

    def _open_heading(self, block: Block, text: str) -> None:
        draft = Draft(title=heading_title(text), level=block.heading_level)
        self._start(draft)
        draft.add(text, block.pages, body=False)
        if block.meta.get("joined"):
            draft.flag(REVIEW_UNCLEAR_TITLE)

    def _start(self, draft: Draft) -> None:
        self.close()
        self.cur = draft
        self.drafts.append(draft)

    def _team_contact_heading(self, block: Block, text: str) -> bool:
        """"Kontakt" under a team's heading, a level below it: the team's own contacts."""
        cur = self.cur
        return (
            cur is not None
            and cur.level is not None
            and block.heading_level > cur.level
            and starts_with(norm_key(text), CONTACT_HEADINGS)
        )

    def _context_paragraph(self, text: str) -> bool:
        """Contact details, greetings and lists of coming meetings go to the context; the
        contacts under a team's own contact heading stay with the team (not the coaches')."""
        if self.cur is not None and self.contact_of is self.cur and not who_acts(text)[0]:
            return False
        contacts = contact_count(text)
        words = len(text.split())
        if contacts and (contacts >= 2 or words < 40 or contacts * 25 >= words):
            if contacts >= 2:
                self.close()  # a contact list ends the team's part
            self.ctx.add(text)
            return True
        if (words <= 60 and GREETINGS.search(text)) or is_meeting_list(text) or is_agenda(text):
            self.close()
            self.ctx.add(text)
            return True
        return False

    def _read_paragraph(self, block: Block, text: str) -> None:
        run = bold_run(block)
        if run is None and self._programme_paragraph(text):
            if who_acts(text)[0] >= 3 or reports_the_day(text):
                self.close()  # the programme's part begins: the team's example ends here
            self.ctx.add(text)
            return
        if run is not None and norm_key(title_from_run(run)) in self.labels:
            run = None
        if run is not None:
            title = title_from_run(run)
            label = norm_key(title)
            if starts_with(label, CONTEXT_LABELS) or is_context_heading(label) \
                    or is_group_label(label):
                self.close()
                self.ctx.add(text)
                return
            self._open_by_bold_run(title, block)
            if self.cur is not None and block.meta.get("joined"):
                self.cur.flag(REVIEW_UNCLEAR_TITLE)
        if self.cur is None:
            self._adopt_orphan(text)
        if self.cur is not None:
            self.cur.add(text, block.pages)
        else:
            self.ctx.add(text)
        self.orphan = None

    def _adopt_orphan(self, text: str) -> None:
        """A team's text under nothing but a sub-heading ("Nuläge") while no example is open:
        the team's own title is missing (a picture, a banner), so the example is opened under
        the sub-heading and flagged rather than lost to the context."""
        if self.orphan is None or not self.ctx.sections:
            return
        heading, block = self.orphan
        programme, team = who_acts(text)
        if programme or team < 3 or self.ctx.sections[-1].heading != heading:
            return
        if self.ctx.sections[-1].text:
            return
        self.ctx.sections.pop()
        draft = Draft(title=heading, level=block.heading_level)
        self._start(draft)
        draft.add(heading, block.pages, body=False)
        if is_subheading(heading):
            draft.section(heading, block.pages, in_text=False)
            draft.flag(REVIEW_UNCLEAR_TITLE)

    def _programme_paragraph(self, text: str) -> bool:
        """A paragraph about the programme after a team's text (the meeting went on, a speaker
        came) is context; with many programme words it also ends the team's example."""
        cur = self.cur
        if cur is None or not cur.body_chars or continues(cur.parts[-1], text):
            return False
        programme, team = who_acts(text)
        # a short remark ("the idea came from a lecture at the network") is the team's own;
        # a talk or group work reported at length is the day's, whatever its topic
        return (not team and (programme >= 3 or (programme == 2 and len(text.split()) >= 15))) \
            or reports_the_day(text) or announces_teams(text)

    def _open_by_bold_run(self, title: str, block: Block) -> None:
        """A bold-titled paragraph starts an example, or a section when its title is one."""
        cur = self.cur
        if is_subheading(title) and cur is not None:
            # "Nuläge: Teamet har …" – the paragraph itself carries its heading
            cur.section(title, block.pages, in_text=False)
            return
        self._end_list_heading()
        self._start(Draft(title=title, level=None))

    def _end_list_heading(self, level: int | None = None) -> None:
        """"Heading, lead text, then titled team items": the heading introduces the list; its
        lead text is context (unless a team tells of its work). An item titled by a heading
        ends only a heading of a higher rank."""
        cur = self.cur
        if cur is not None and cur.level is not None and (level is None or cur.level < level) \
                and not cur.sections and not (
            team_voiced("\n".join(cur.parts))
        ):
            self.drafts[:] = [d for d in self.drafts if d is not cur]
            self._demote(cur)
            self.cur = None


def _has_cell_gap(line: Line) -> bool:
    """Words far apart on one line: cells of a table row."""
    words = line.words
    return any(b.x0 - a.x1 > 1.5 * line.size for a, b in zip(words, words[1:], strict=False))


def _framed(
    blocks: list[Block], title_block: Block | None
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Framed boxes as (sidebars, example cards); other frames (tables) are read in the flow.

    A box is an example card when it reads like one: a heading (or bold run) that is neither
    in capitals nor a known context or sub-heading, followed by some running text (a short
    card, as in an e-mail, when that text is a team's). A box of
    short cell-like lines without a title is a table. Any other box is a sidebar.
    """
    groups: dict[tuple[int, int], list[Block]] = {}
    for block in blocks:
        if block.box is not None:
            groups.setdefault((block.page, block.box), []).append(block)
    sidebars: set[tuple[int, int]] = set()
    cards: set[tuple[int, int]] = set()
    for key, group in groups.items():
        if any(b is title_block for b in group):
            sidebars.add(key)
            continue
        title = _frame_title(group[0])
        card = _card_like(group, title)
        lines = [line for b in group for line in b.lines]
        table = (
            title is None
            and len(lines) >= 2
            and sum(len(line.words) for line in lines) < 8 * len(lines)
            and 2 * sum(_has_cell_gap(line) for line in lines) >= len(lines)
        )
        if card:
            cards.add(key)
        elif not table:
            sidebars.add(key)
    return sidebars, cards


def _frame_title(first: Block) -> str | None:
    """The title a frame's first block gives it: a heading or a bold run."""
    if first.heading_level:
        return block_text(first)
    run = bold_run(first)
    return title_from_run(run) if run else None


def _card_like(group: list[Block], title: str | None) -> bool:
    """A frame's blocks that read as one team's example card (see `_framed`)."""
    body = [b for b in group if not b.heading_level]
    body_words = sum(len(b.words) for b in body)
    letters = [c for c in title or "" if c.isalpha()]
    return (
        title is not None
        and (body_words >= 40 or _short_card(body, body_words))
        and not all(c.isupper() for c in letters)
        and not is_context_heading(title)
        and not is_subheading(title)
        and not INTRO_HEADING.search(title)
    )


def _own_title(block: Block) -> bool:
    """A frame's first block that titles it: a heading or bold run, not a sub-heading."""
    run = bold_run(block)
    title = block_text(block) if block.heading_level else title_from_run(run) if run else None
    return title is not None and not is_subheading(title)


def _short_card(body: list[Block], words: int) -> bool:
    """A few sentences in which a team acts more than the programme: a short example card."""
    programme, team = who_acts("\n".join(block_text(b) for b in body))
    return words >= 15 and team > programme


def _continued_cards(
    blocks: list[Block], cards: set[tuple[int, int]]
) -> tuple[dict[tuple[int, int], tuple[int, int] | None], set[int]]:
    """Framed cards cut by a page break. A frame that opens a page without a title of its own,
    right after a card that ended its page, goes on with that card; right after a heading that
    ended its page (the card's title alone in its piece of frame, read as a heading bar), it
    goes on under that heading. A titled frame too short on its page to read as a card is one
    when it does with what follows the break (``cards`` is completed). Returns {frame: the card
    it continues, None for a heading} and the ids of the headings and card titles that open an
    example whatever their level."""
    groups: dict[tuple[int, int], list[Block]] = {}
    for block in blocks:
        if block.box is not None:
            groups.setdefault((block.page, block.box), []).append(block)
    firsts = {key: group[0] for key, group in groups.items()}
    titles = {id(first) for key, first in firsts.items()  # not a team's own "Så gjorde vi"
              if key in cards and first.heading_level
              and not FIRST_PERSON.search(block_text(first))}
    carried: dict[tuple[int, int], tuple[int, int] | None] = {}
    for prev, block in zip(blocks, blocks[1:], strict=False):
        key = (block.page, block.box) if block.box is not None else None
        if key is None or block.page != prev.page + 1 or firsts[key] is not block \
                or key in cards or _own_title(block):
            continue
        before = (prev.page, prev.box) if prev.box is not None else None
        if before is not None and before not in cards and before not in carried and _card_like(
            groups[before] + groups[key], _frame_title(firsts[before])
        ):  # a card that is too short to tell on its page: with its continuation it is one
            cards.add(before)
            if firsts[before].heading_level:
                titles.add(id(firsts[before]))
        if before in cards or before in carried:
            carried[key] = before
        elif before is None and prev.heading_level and not is_context_heading(block_text(prev)) \
                and not is_subheading(block_text(prev)):
            carried[key] = None
            titles.add(id(prev))
    return carried, titles


def _boxes_in_a_row(
    blocks: list[Block], title_block: Block | None
) -> dict[tuple[int, int], list[Block]]:
    """Framed boxes placed side by side with nothing but each other beside them (two short
    lists under a team's heading), with their blocks; a sidebar has running text beside it."""
    groups: dict[tuple[int, int], list[Block]] = {}
    for block in blocks:
        if block.box is not None and block is not title_block:
            groups.setdefault((block.page, block.box), []).append(block)
    spans = {
        key: (min(ln.top for b in g for ln in b.lines), max(ln.bottom for b in g for ln in b.lines))
        for key, g in groups.items()
    }
    loose = [ln for b in blocks if b.box is None and b is not title_block for ln in b.lines]

    def overlaps(page: int, span: tuple[float, float], top: float, bottom: float) -> bool:
        return min(span[1], bottom) - max(span[0], top) > 0.3 * (bottom - top)

    row: dict[tuple[int, int], list[Block]] = {}
    for key, span in spans.items():
        mates = [k for k, other in spans.items() if k != key and k[0] == key[0]
                 and overlaps(key[0], span, *other)]
        beside = any(ln.page == key[0] and overlaps(key[0], span, ln.top, ln.bottom)
                     for ln in loose)
        if mates and not beside:
            row[key] = groups[key]
    return row


def _intro_to_context(drafts: list[Draft], ctx: Context) -> None:
    """A lead article about the meeting itself, before sectioned team reports, is context."""
    if len(drafts) < 2:
        return
    first = drafts[0]
    if first.level is None or first.sections:
        return
    others = [d for d in drafts[1:] if d.level is not None]
    mostly_sectioned = bool(others) and sum(1 for d in others if d.sections) * 2 > len(others)
    lead = " ".join(first.parts[1:3])[:300]
    programme, team = who_acts("\n".join(first.parts))
    if (mostly_sectioned and team <= programme) or INTRO_TEXT.search(lead):
        drafts.pop(0)
        ctx.sections.insert(
            min(len(ctx.sections), 1),
            Section(heading=first.title, text="\n\n".join(first.parts[1:])),
        )
