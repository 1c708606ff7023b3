"""Blocks in reading order → team examples and the document's context.

Rules (general, not tied to one layout):
- a paragraph that opens with a bold run starts an example titled by that run;
- a heading starts an example; known sub-headings (Nuläge, Nästa steg, Bakgrund …) and
  lower-level headings become sections of it, until a heading of the same or a higher level;
- a poster is one example under the poster title;
- framed sidebars, contact lists, coming meetings and greetings go to the context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.layout import Block, Line
from ingest.lexicon import (
    CONTACT_COLUMNS,
    CONTACT_HEADINGS,
    CONTEXT_HEADINGS,
    CONTEXT_LABELS,
    MONTH_STEMS,
    PERIOD_GENITIVES,
    PROGRAMME_VOICE,
    PROGRAMME_WORDS,
    SEASONS_DEFINITE,
    SECTION_HEADINGS,
    TEAM_AUXILIARIES,
    TEAM_COUNTED,
    TEAM_ROLES,
    TEAM_UNITS,
    TEAM_VERBS,
)
from ingest.model import Section
from ingest.text import join_lines

GREETINGS = re.compile(
    r"^(?:varma |vänliga |många |bästa )?hälsning(?:ar)?\b|^med vänlig(?:a)? hälsning|^vi ses\b"
    r"|^välkomn[ae]\b|^välkommen\b|^hjärtligt välkomn|^trevlig (?:sommar|jul|helg|höst|vår)"
    r"|^ha en (?:skön|trevlig|fin|god|riktigt) "
    r"|^god jul|^boka (?:in|redan)|^save the date|^nästa (?:träff|lärandeseminarium|nätverksträff"
    r"|tillfälle|lärande)|^kommande (?:träff|datum|lärande)|^tack (?:alla|till alla|för i ?dag)",
    re.IGNORECASE,
)
INTRO_HEADING = re.compile(
    r"lärandenätverk|nätverksträff|lärandeseminari|nyhetsbrev|välkommen|välkomna|inledning"
    r"|^om bästa platsen|^hej\b",
    re.IGNORECASE,
)
INTRO_TEXT = re.compile(
    r"\b(?:träffades|samlades|träffas) (?:\w+ )?(?:lärandenätverket|nätverket|teamen)"
    r"|\blärandenätverket (?:träffades|samlades)|\bårets första nyhetsbrev",
    re.IGNORECASE,
)
SEASON_HEADING = re.compile(
    rf"^(?:{'|'.join((*SEASONS_DEFINITE, *PERIOD_GENITIVES))})"
    r"(?: \d{4})?(?: (?:träffar|datum|lärandeseminarier|nätverksträffar))?(?: \d{4})?$"
)
DATE_MENTION = re.compile(
    rf"\b\d{{1,2}} (?:{'|'.join(MONTH_STEMS)})[a-zä]*\b", re.IGNORECASE
)


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


PROGRAMME = re.compile(rf"\b(?:{_alternatives(PROGRAMME_WORDS)})", re.IGNORECASE)
TEAM_VOICE = re.compile(
    rf"\b(?:vi|vårt|vår|våra)(?: (?:{_alternatives(TEAM_AUXILIARIES)}))?"
    rf" (?!(?:{_alternatives(PROGRAMME_VOICE)})\b)(?:{_alternatives(TEAM_VERBS)})",
    re.IGNORECASE,
)
TEAM_UNIT = re.compile(rf"(?:\b|\w)(?:{_alternatives(TEAM_UNITS)})\b", re.IGNORECASE)
NAMED_UNIT = re.compile(
    r"\b[A-ZÅÄÖ]\w+(?:skola|skolan|gården|centralen)\b"
    r"|\b[A-ZÅÄÖ]\w+ (?:skola|förskola|familjecentral|vårdcentral|fritidsgård)\b"
)
TEAM_ROLE = re.compile(rf"\b(?:{_alternatives(TEAM_ROLES)})", re.IGNORECASE)
TEAM_COUNT = re.compile(
    rf"\b\d+ (?:av \d+ )?(?:{_alternatives(TEAM_COUNTED)})\b", re.IGNORECASE
)
# Why an example should be checked by a coordinator (shown as written).
REVIEW_UNCLEAR_TITLE = "oklar rubrik"
REVIEW_MERGED_COLUMNS = "sammanslagna spalter"
REVIEW_TEXT_ORDER = "osäker textordning"
REVIEW_MAYBE_PROGRAMME = "kan vara programinformation"
REVIEW_SHORT = "mycket kort text"
FIRST_PERSON = re.compile(r"\b(?:vi|vår|vårt|våra|oss)\b", re.IGNORECASE)
CLOCK = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d.:])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+46|0)\d{1,3}[- ]?\d{2,3}[ ]?\d{2}[ ]?\d{2,3}(?!\d)")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s/–-]", " ", text.lower()).split())


def _starts_with(key: str, prefixes: tuple[str, ...]) -> bool:
    return any(key == p or key.startswith(p + " ") or key.startswith(p + "/") for p in prefixes)


def is_subheading(text: str) -> bool:
    key = _norm(text)
    return len(key.split()) <= 6 and _starts_with(key, SECTION_HEADINGS)


def is_context_heading(text: str) -> bool:
    key = _norm(text)
    return len(key.split()) <= 8 and (
        _starts_with(key, CONTEXT_HEADINGS) or bool(SEASON_HEADING.match(key))
    )


def is_meeting_list(text: str) -> bool:
    """Dates of coming meetings: several dated lines or bullets."""
    dates = DATE_MENTION.findall(text)
    return len(dates) >= 2 and len(text.split()) <= 15 * len(dates)


def who_acts(text: str) -> tuple[int, int]:
    """Signs that the programme tells about itself (its network, meetings, coaches, speakers,
    greetings) and signs that a team tells about its work (first-person team verbs, a named
    unit or school, what it counted)."""
    programme = len(PROGRAMME.findall(text))
    team = (
        len(TEAM_VOICE.findall(text))
        + len(TEAM_UNIT.findall(text))
        + len(NAMED_UNIT.findall(text))
        + len(TEAM_ROLE.findall(text))
        + len(TEAM_COUNT.findall(text))
    )
    return programme, team


def _team_voiced(text: str) -> bool:
    """Clearly a team telling of its work: several team signs and more than programme words."""
    programme, team = who_acts(text)
    return team >= 3 and team > programme


def _contact_table(parts: list[str]) -> bool:
    """A table of names, roles, e-mail and phone read cell by cell: two column heads or more."""
    return sum(_norm(part) in CONTACT_COLUMNS for part in parts) >= 2


def reads_as_programme(text: str) -> bool:
    """A section about the programme itself (a meeting, a speaker, new teams, coaches), whatever
    its heading looks like: programme words outweigh a team's voice two to one."""
    programme, team = who_acts(text)
    return programme >= 2 and programme > 2 * team


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


def is_agenda(text: str) -> bool:
    """The meeting's programme: several clock times with a few words each ("09.30 Kaffe")."""
    times = CLOCK.findall(text)
    return len(times) >= 3 and len(text.split()) <= 10 * len(times)


def contact_count(text: str) -> int:
    return len(EMAIL.findall(text)) + len(PHONE.findall(text))


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


def title_from_run(run: str) -> str:
    """The bold run without the dash or colon that ends it ("Aneby i rörelse – andra året –").
    A run that goes on past a colon into a sentence keeps only what precedes the colon."""
    title = run.strip().rstrip(" –—-:.,")
    head, colon, tail = title.partition(": ")
    if colon and len(tail.split()) > 6:
        title = head
    return title.strip() or run.strip(" –—-:")


def continues(previous: str, text: str) -> bool:
    """A paragraph broken by a column or page end: no closing punctuation, lowercase next."""
    tail = previous.rstrip()
    return (
        bool(tail)
        and not tail.endswith((".", "!", "?", ":", "”", '"', ")"))
        and (text[:1].islower() or tail.endswith(("-", "\u00ad")))
    )


@dataclass
class _Draft:
    title: str
    level: int | None
    parts: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    body_chars: int = 0
    review: list[str] = field(default_factory=list)  # why the cut is unsure (Swedish)

    def flag(self, reason: str) -> None:
        if reason not in self.review:
            self.review.append(reason)

    def add(self, text: str, pages: list[int], body: bool = True) -> None:
        self.pages.update(pages)
        if body and self.parts and self.body_chars and continues(self.parts[-1], text):
            self.parts[-1] = join_lines([self.parts[-1], text])
            if self.sections and self.sections[-1].text:
                self.sections[-1].text = join_lines([self.sections[-1].text, text])
            self.body_chars += len(text)
            return
        self.parts.append(text)
        if body:
            self.body_chars += len(text)
            if self.sections:
                sec = self.sections[-1]
                sec.text = f"{sec.text}\n\n{text}" if sec.text else text

    def section(self, heading: str, pages: list[int], in_text: bool = True) -> None:
        if in_text:
            self.parts.append(heading)
        self.pages.update(pages)
        self.sections.append(Section(heading=heading, text=""))


@dataclass
class Segmented:
    examples: list[_Draft]
    context: list[Section]


class _Context:
    def __init__(self) -> None:
        self.sections: list[Section] = []

    def heading(self, text: str) -> None:
        self.sections.append(Section(heading=text, text=""))

    def add(self, text: str) -> None:
        if not self.sections:
            self.sections.append(Section(heading="", text=""))
        sec = self.sections[-1]
        if sec.text and continues(sec.text, text):
            sec.text = join_lines([sec.text, text])
        else:
            sec.text = f"{sec.text}\n\n{text}" if sec.text else text


def join_heading_fragments(blocks: list[Block]) -> list[Block]:
    """A heading the layout read as pieces of one line ("i Mullsjö frågar", "föräldrarna
    först", "Familjecentralen"), consecutive and nearly touching, is joined again in the order
    of the line; the joined heading is marked, its cut being a guess."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
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
    if left.page != right.page or left.box != right.box:
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
        self.drafts: list[_Draft] = []
        self.ctx = _Context()
        self.cur: _Draft | None = None
        self.title_block = title_block
        self.sidebars, self.cards = _framed(blocks, title_block)
        self.in_row = _boxes_in_a_row(blocks, title_block)
        self.absorbed: set[tuple[int, int]] = set()
        self.decided: set[tuple[int, int]] = set()
        self.box_of_previous: tuple[int, int] | None = None
        self.previous: Block | None = None
        self.orphan: tuple[str, Block] | None = None  # a sub-heading read into the context
        self.contact_of: _Draft | None = None  # the example whose own contacts are being read

    def read(self, block: Block) -> None:
        text = block_text(block)
        if not text:
            return
        if block is self.title_block:
            self.ctx.heading(text)
            return
        before = self._progress()
        box_key = self._follow_frame(block)
        if box_key is not None and self._absorbs(box_key):
            self._read_team_box(block, text)
        elif box_key is not None and box_key in self.sidebars:
            self._read_sidebar(block, text)
        elif block.heading_level:
            self._read_heading(block, text)
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
        if cur is not None and self.drafts and self.drafts[-1] is cur and (
            cur.body_chars < 40
            or reads_as_programme("\n".join(cur.parts))
            or _contact_table(cur.parts)
        ):
            self.drafts.pop()
            self._demote(cur)
        elif cur is not None:
            for reason in draft_doubts(cur.title, "\n".join(cur.parts)):
                cur.flag(reason)
        self.cur = None

    def _demote(self, draft: _Draft) -> None:
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
        if box_key != previous and previous in self.cards and previous not in self.absorbed:
            self.close()
        self.box_of_previous = box_key
        return box_key

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
            reads_as_programme(text)
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
        if self._team_contact_heading(block, text):
            assert cur is not None
            cur.section(text, block.pages)
            self.contact_of = cur
        elif is_context_heading(text) or (not self.drafts and INTRO_HEADING.search(text)):
            self.close()
            self.ctx.heading(text)
            # a greeting or a network heading over a team's own text may still be a team's
            greeting = GREETINGS.search(text) or INTRO_HEADING.search(text)
            self.orphan = (text, block) if greeting else None
        elif is_subheading(text) or (
            cur is not None and cur.level is not None and block.heading_level > cur.level
        ):
            if cur is not None:
                cur.section(text, block.pages)
            else:
                self.ctx.heading(text)
                self.orphan = (text, block) if is_subheading(text) else None
        else:
            draft = _Draft(title=text, level=block.heading_level)
            self._start(draft)
            draft.add(text, block.pages, body=False)
            if block.meta.get("joined"):
                draft.flag(REVIEW_UNCLEAR_TITLE)

    def _start(self, draft: _Draft) -> None:
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
            and _starts_with(_norm(text), CONTACT_HEADINGS)
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
            if who_acts(text)[0] >= 3:
                self.close()  # the programme's part begins: the team's example ends here
            self.ctx.add(text)
            return
        if run is not None:
            title = title_from_run(run)
            label = _norm(title)
            if _starts_with(label, CONTEXT_LABELS) or is_context_heading(label):
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
        draft = _Draft(title=heading, level=block.heading_level)
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
        # a short remark ("the idea came from a lecture at the network") is the team's own
        return not team and (programme >= 3 or (programme == 2 and len(text.split()) >= 15))

    def _open_by_bold_run(self, title: str, block: Block) -> None:
        """A bold-titled paragraph starts an example, or a section when its title is one."""
        cur = self.cur
        if is_subheading(title) and cur is not None:
            # "Nuläge: Teamet har …" – the paragraph itself carries its heading
            cur.section(title, block.pages, in_text=False)
            return
        if cur is not None and cur.level is not None and not cur.sections and not (
            _team_voiced("\n".join(cur.parts))
        ):
            # "heading, lead text, then bold-titled team paragraphs": the heading
            # introduces the list; its lead text is context (unless a team tells of its work)
            self.drafts[:] = [d for d in self.drafts if d is not cur]
            self._demote(cur)
            self.cur = None
        self._start(_Draft(title=title, level=None))


def _has_cell_gap(line: Line) -> bool:
    """Words far apart on one line: cells of a table row."""
    words = line.words
    return any(b.x0 - a.x1 > 1.5 * line.size for a, b in zip(words, words[1:], strict=False))


def _framed(
    blocks: list[Block], title_block: Block | None
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Framed boxes as (sidebars, example cards); other frames (tables) are read in the flow.

    A box is an example card when it reads like one: a heading (or bold run) that is neither
    in capitals nor a known context or sub-heading, followed by some running text. A box of
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
        first = group[0]
        title = block_text(first) if first.heading_level else None
        if title is None:
            run = bold_run(first)
            title = title_from_run(run) if run else None
        body_words = sum(len(b.words) for b in group if not b.heading_level)
        letters = [c for c in title or "" if c.isalpha()]
        card = (
            title is not None
            and body_words >= 40
            and not all(c.isupper() for c in letters)
            and not is_context_heading(title)
            and not is_subheading(title)
            and not INTRO_HEADING.search(title)
        )
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


def _intro_to_context(drafts: list[_Draft], ctx: _Context) -> None:
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


def segment_poster(blocks: list[Block], title_block: Block | None, title: str) -> Segmented:
    """A poster is one example; only contact details stay in the context.

    Its panels' headings become sections: known ones (Bakgrund, Syfte, Resultat …) and those
    of the size most panels use; other large lines (a subtitle with team and place) stay text.
    """
    ctx = _Context()
    draft = _Draft(title=title, level=None)
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
            in_contact = _starts_with(_norm(text), CONTACT_HEADINGS)
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
