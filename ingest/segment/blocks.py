"""Blocks made ready for segmenting: a paragraph's bold run-in title, headings the layout cut
into pieces joined again, a table's head row read as text, two columns under two headings read
column by column."""

from __future__ import annotations

import re

from ingest.layout import Block, Line
from ingest.lexicon import CONTACT_COLUMNS
from ingest.segment.programme import FIRST_PERSON, is_subheading, norm_key
from ingest.text import join_lines


def bold_run(block: Block) -> str | None:
    """The leading bold words of a paragraph that goes on in normal text."""
    words = block.words
    if not words or not words[0].bold:
        return None
    n = 0
    while n < len(words) and words[n].bold:
        n += 1
    if n == len(words) or n > 30:
        return None
    rest = words[n:]
    if sum(len(w.text) for w in rest) < 15:
        return None
    run_lines: list[str] = []
    left = n
    for line in block.lines:
        take = line.words[:left]
        left -= len(take)
        run_lines.append(" ".join(w.text for w in take))
        if left <= 0:
            break
    return join_lines(run_lines)


LABEL_WORDS = 3  # a speaker's or a form's label: "Maria:", "Nyhetsbrevet:", "Fråga:"


def recurring_labels(blocks: list[Block]) -> frozenset[str]:
    """The bold run-in labels ending in a colon that a document writes more than once
    ("Maria:", "Nyhetsbrevet:" in an interview), and in such a document every one-word label
    ("Jonas:", who answers once), by ``norm_key``: a speaker or a form's field, never an
    example's title, which a document writes once."""
    seen: dict[str, int] = {}
    for block in blocks:
        run = None if block.heading_level else bold_run(block)
        if run is not None and run.rstrip().endswith(":") and len(run.split()) <= LABEL_WORDS:
            key = norm_key(title_from_run(run))
            seen[key] = seen.get(key, 0) + 1
    if all(count == 1 for count in seen.values()):
        return frozenset()
    return frozenset(key for key, count in seen.items() if count > 1 or " " not in key)


HEADING_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-ZÅÄÖ])")


def without_heading_number(text: str) -> str:
    """A heading without the number a word processor put before it ("2.1 Familjecentralen i
    Mariannelund", "3. Övrigt"); a count in a heading ("3 nya team") stays."""
    return HEADING_NUMBER.sub("", text, count=1)


def title_from_run(run: str) -> str:
    """The bold run without the dash or colon that ends it ("Aneby i rörelse – andra året –").
    A run that goes on past a colon into a sentence keeps only what precedes the colon."""
    title = run.strip().rstrip(" –—-:.,")
    head, colon, tail = title.partition(": ")
    if colon and len(tail.split()) > 6:
        title = head
    return title.strip() or run.strip(" –—-:")



def join_heading_fragments(blocks: list[Block]) -> list[Block]:
    """A heading the layout read as pieces of one line ("i Mullsjö frågar", "föräldrarna
    först", "Familjecentralen"), consecutive and nearly touching, is joined again in the order
    of the line; the joined heading is marked, its cut being a guess."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.meta.get("cell") != block.meta.get("cell"):
            prev = None  # two cells of a table's row are never one heading
        run_in = prev is not None and (_run_in_split(prev, block) or _run_in_split(block, prev))
        if prev is not None and run_in:
            head, para = (prev, block) if prev.heading_level else (block, prev)
            first = para.lines[0]
            words = [*head.lines[0].words, *first.words]
            line = Line(words, first.page, head.lines[0].x0, min(first.top, head.lines[0].top),
                        first.x1, first.bottom, first.size, first.box, first.region)
            out[-1] = Block([line, *para.lines[1:]], para.box, para.page, 0,
                            {**para.meta, "joined": True})
            continue
        if prev is not None and _same_heading_line(prev, block):
            words = sorted([*prev.lines[0].words, *block.lines[0].words], key=lambda w: w.x0)
            first = prev.lines[0]
            line = Line(
                words, first.page, min(w.x0 for w in words), min(first.top, block.lines[0].top),
                max(w.x1 for w in words), max(first.bottom, block.lines[0].bottom), first.size,
                first.box, first.region,
            )
            out[-1] = Block([line], prev.box, prev.page, prev.heading_level,
                            {**prev.meta, "joined": True})
            continue
        out.append(block)
    return out


TITLE_LINE_BODIES = 3.0  # a designed title's lines are set in type this many times the body's
TITLE_LINE_SHARE = 0.6  # and each at least this share of the title's largest line
TITLE_LINE_WORDS = 4
SEPARATED = re.compile(r"\s[·|•]\s|\d")


def stack_title_lines(blocks: list[Block], body: float) -> list[Block]:
    """A title a design tool set over several lines of very big type, each line its own size
    and place (one perhaps turned a few degrees), is one title: the lines stacked on the first
    page right above and below the largest, each short and in type nearly as big, are joined
    into its block, top to bottom, where the first of them stood in reading order. A badge in
    small type standing among them stays where it is. A line in another weight, or with the
    separators of a team line ("Team Eksjö · 2024"), is no piece of the title."""
    big = [b for b in blocks if b.page == blocks[0].page and b.heading_level
           and len(b.lines) == 1 and len(b.words) <= TITLE_LINE_WORDS
           and b.size >= TITLE_LINE_BODIES * body] if blocks else []
    if len(big) < 2:
        return blocks
    seed = max(big, key=lambda b: (round(b.size, 1), -b.lines[0].top))
    stack = [seed]
    rest = [b for b in big if b is not seed and b.box == seed.box and b.bold == seed.bold
            and b.size >= TITLE_LINE_SHARE * seed.size and not SEPARATED.search(block_text(b))]
    grown = True
    while grown:
        grown = False
        for block in rest:
            if all(block is not s for s in stack) and _stacked_on(block, stack):
                stack.append(block)
                grown = True
    if len(stack) < 2:
        return blocks
    lines = sorted((b.lines[0] for b in stack), key=lambda line: line.top)
    title = Block(lines, seed.box, seed.page, seed.heading_level, {**seed.meta, "stacked": True})
    ids = {id(b) for b in stack}
    first = min(n for n, b in enumerate(blocks) if id(b) in ids)
    out = [b for b in blocks if id(b) not in ids]
    out.insert(sum(1 for b in blocks[:first] if id(b) not in ids), title)
    return out


def _stacked_on(block: Block, stack: list[Block]) -> bool:
    """The line stands right above or below the stack's lines (a gap under half its size, or
    an overlap under half its height, as a turned line overlaps the next), not beside them."""
    line = block.lines[0]
    top = min(b.lines[0].top for b in stack)
    bottom = max(b.lines[0].bottom for b in stack)
    height = line.bottom - line.top
    if line.top >= bottom - 0.5 * height:
        return line.top - bottom < 0.5 * line.size
    if line.bottom <= top + 0.5 * height:
        return top - line.bottom < 0.5 * line.size
    return False


TABLE_HEAD_CELLS = 3  # column labels on one row: a table's head, not section headings
TABLE_HEAD_WORDS = 3


def table_heads_as_text(blocks: list[Block]) -> list[Block]:
    """The head row of a table (three or more short one-line headings of one level side by
    side on one row, e.g. "Namn | Roll | E-post | Telefon") labels columns: its cells are read
    as text of the section the table stands in, not as headings that each open a section.
    Section headings side by side (a poster's "Bakgrund", "Syfte", "Metod") stay headings."""
    short = sorted(
        (b for b in blocks
         if b.heading_level and len(b.lines) == 1 and len(b.words) <= TABLE_HEAD_WORDS),
        key=lambda b: (b.page, b.box or -1, b.heading_level, b.lines[0].top))
    for block in blocks:  # a head row read across as one line: "Namn Roll E-post Telefon"
        if block.heading_level and len(block.lines) == 1 and _column_labels(block):
            block.heading_level = 0
            block.meta["table_head"] = True
    row: list[Block] = []
    for block in [*short, None]:
        if row and (block is None or not _same_row(row[0], block)):
            if len(row) >= TABLE_HEAD_CELLS and _apart(row) \
                    and not any(is_subheading(block_text(cell)) for cell in row):
                for cell in row:
                    cell.heading_level = 0
                    cell.meta["table_head"] = True
            row = []
        if block is not None:
            row.append(block)
    return blocks


def _column_labels(block: Block) -> bool:
    words = [w.text.strip(":").lower() for w in block.words]
    return len(words) >= TABLE_HEAD_CELLS and all(w in CONTACT_COLUMNS for w in words)


def _same_row(a: Block, b: Block) -> bool:
    la, lb = a.lines[0], b.lines[0]
    return (a.page, a.box, a.heading_level) == (b.page, b.box, b.heading_level) \
        and abs(la.top - lb.top) < 0.5 * la.size


def _apart(cells: list[Block]) -> bool:
    """Cells side by side, not overlapping: each starts right of the one before ends."""
    lines = sorted((c.lines[0] for c in cells), key=lambda line: line.x0)
    return all(b.x0 > a.x1 for a, b in zip(lines, lines[1:], strict=False))


def side_by_side_columns(blocks: list[Block]) -> list[Block]:
    """Two headings side by side on one line with text under each (a table of two lists
    without frames) are read heading by heading: the text under each goes after its own
    heading, not row by row across both. The blocks so moved are marked."""
    out = list(blocks)
    i = 0
    while i + 1 < len(out):
        left, right = out[i], out[i + 1]
        if not _heading_pair(left, right) or (i and _heading_pair(out[i - 1], left)):
            i += 1  # not two headings alone on their row (a table's head row has more)
            continue
        split = right.lines[0].x0 - 0.5 * right.size
        j = i + 2
        under: list[Block] = []
        while j < len(out) and _under(out[j], left, split):
            under.append(out[j])
            j += 1
        first = [b for b in under if b.lines[0].x0 < split]
        second = [b for b in under if b.lines[0].x0 >= split]
        if first and second:
            for block in (left, right, *under):
                block.meta["columns"] = True
            out[i:j] = [left, *first, right, *second]
        i = j
    return out


def _heading_pair(left: Block, right: Block) -> bool:
    """Two headings of one level on one line, far apart (not the pieces of one heading)."""
    if not (left.heading_level and left.heading_level == right.heading_level):
        return False
    if left.page != right.page or left.box != right.box or left.meta.get("cell"):
        return False
    a, b = left.lines[0], right.lines[0]
    return abs(a.top - b.top) < 0.5 * a.size and b.x0 - a.x1 >= 1.5 * a.size


def _under(block: Block, left: Block, split: float) -> bool:
    """Body text below a heading pair, within one of its two columns."""
    if block.heading_level or block.page != left.page or block.box != left.box:
        return False
    words = [w for w in block.words if any(c.isalnum() for c in w.text)]  # not stray bullets
    if not words:
        return False
    x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
    return block.lines[0].top > left.lines[0].top and (x1 < split or x0 >= split - 2)


def _same_heading_line(a: Block, b: Block) -> bool:
    if not (a.heading_level and a.heading_level == b.heading_level):
        return False
    if len(a.lines) != 1 or len(b.lines) != 1 or a.page != b.page or a.box != b.box:
        return False
    la, lb = a.lines[0], b.lines[0]
    gap = max(lb.x0 - la.x1, la.x0 - lb.x1)
    return abs(la.top - lb.top) < 0.5 * la.size and gap < 1.5 * la.size


def _run_in_split(head: Block, para: Block) -> bool:
    """A bold run-in title cut from its paragraph: a one-line bold heading just left of the
    paragraph's first line, on the same line, the paragraph going on in bold."""
    if not head.heading_level or para.heading_level or len(head.lines) != 1 or not head.bold:
        return False
    if head.page != para.page or head.box != para.box or not para.words[0].bold:
        return False
    lh, lp = head.lines[0], para.lines[0]
    return abs(lh.top - lp.top) < 0.5 * lp.size and 0 <= lp.x0 - lh.x1 < 1.5 * lp.size


def block_text(block: Block) -> str:
    return join_lines([line.text for line in block.lines])



def column_titles(blocks: list[Block]) -> set[int]:
    """Bold titles alone on their line in a column of a two-column section: a bold line (no
    heading style, no larger than the text under it) with its text beside another column's
    text. Each opens an example of its own, whichever column is read first (ids of the
    blocks). Known sub-headings ("Nuläge", "Nästa steg"), a team's own ("Det här testade vi")
    and the heads of lists side by side (bullets under them, not running sentences) stay
    sections."""
    titles: set[int] = set()
    for block, following in zip(blocks, blocks[1:], strict=False):
        if not (block.heading_level and block.bold and len(block.lines) == 1) \
                or block.box is not None or block.meta.get("columns") or following.heading_level \
                or following.page != block.page or following.box is not None \
                or block.size > 1.12 * following.size or is_subheading(block_text(block)) \
                or FIRST_PERSON.search(block_text(block)) or not _running_text(following):
            continue
        if _beside_another(block, blocks) or _beside_another(following, blocks):
            titles.add(id(block))
    return titles


def _running_text(block: Block) -> bool:
    """Sentences, not a list: no bullet first, ten words or more, a full stop."""
    text = block_text(block)
    return not text.startswith(("•", "-", "–", "·", "▪")) and len(text.split()) >= 10 \
        and "." in text


def _beside_another(block: Block, blocks: list[Block]) -> bool:
    """Unframed text on the same page level with the block, wholly left or right of it."""
    x0, x1 = min(ln.x0 for ln in block.lines), max(ln.x1 for ln in block.lines)
    top, bottom = block.lines[0].top, block.lines[-1].bottom
    for other in blocks:
        if other is block or other.page != block.page or other.box is not None:
            continue
        o_top, o_bottom = other.lines[0].top, other.lines[-1].bottom
        if min(bottom, o_bottom) - max(top, o_top) <= 0:
            continue
        if min(ln.x0 for ln in other.lines) >= x1 or max(ln.x1 for ln in other.lines) <= x0:
            return True
    return False
