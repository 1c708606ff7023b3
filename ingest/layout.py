"""Reading order: words → line fragments → ordered lines → blocks (paragraphs and headings).

A page is laid out from one word list. Framed boxes (sidebars, poster panels) are kept as
units of their own; column gutters are found from the x-coverage of narrow fragments, so that
full-width title and footer lines do not hide them. Order: full-width parts top to bottom,
between them columns left to right, recursively.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.extract import Box, PageContent, Word

RUN_IN_ENDS = ("–", "—", "-", ":")
BULLETS = {"•", "·", "◦", "▪", "■", "●", "○", "-", "–", "*", "»", "›", "✓", "✔"}



def median(values: Iterable[float]) -> float:
    """The median, as ``statistics.median`` gives it (the mean of the middle two for an even
    count), without its generality: called for every line and band of every page."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2

@dataclass(slots=True)
class Line:
    words: list[Word]
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    box: int | None = None  # index of the framing box on its page, if any
    region: int = 0  # leaf region (column/box) the line was read in
    baseline: float = 0.0  # where its first word stands
    # the cell (table, row, column) of a table whose rows are examples (ingest/tables.py)
    cell: tuple[int, int, int] | None = None

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold or not any(c.isalnum() for c in w.text) for w in self.words)


@dataclass
class Block:
    lines: list[Line]
    box: int | None = None
    page: int = 0
    heading_level: int = 0  # 0 = body text, 1 = largest heading
    meta: dict = field(default_factory=dict)

    @property
    def pages(self) -> list[int]:
        return sorted({line.page for line in self.lines})

    @property
    def size(self) -> float:
        return median(line.size for line in self.lines)

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line.words]


def _base(word: Word) -> float:
    return word.bottom if word.baseline is None else word.baseline


def _same_baseline(prev: Word, word: Word) -> bool:
    """``word`` stands on the baseline of ``prev`` and not to the left of it."""
    if prev.baseline is None or word.baseline is None:
        return False
    small = min(prev.size, word.size)
    return abs(word.baseline - prev.baseline) <= 0.2 * small and word.x0 - prev.x1 > -0.5 * small


def _chains(words: list[Word], rows: bool = False) -> list[Line]:
    """Lines as the content stream shows them: words that one text object shows one after
    another on its baseline, however widely justified text spaces them (a text object is one
    text-showing operator, so it does not jump to another column); then such chains of
    successive text objects (a line in two fonts) where the gap between them is no wider than
    the gaps between their words; with ``rows`` (where text objects hold whole lines) three or
    more successive ones on one baseline however far apart are the cells of a table row, read
    across (two such are more often two boxes or two lists side by side)."""
    groups: list[list[Word]] = []
    prev: Word | None = None
    for word in words:
        if prev is not None and word.run == prev.run_end >= 0 and _same_baseline(prev, word):
            groups[-1].append(word)
        else:
            groups.append([word])
        prev = word
    joined = _join_runs(groups)
    return [_line_of(group) for group in (_table_rows(joined) if rows else joined)]


TABLE_ROW_CELLS = 3


def _follows(prev: list[Word], group: list[Word]) -> bool:
    """``group`` is the text object right after ``prev``'s last one, on its baseline."""
    last, first = prev[-1], group[0]
    return first.run == last.run_end + 1 >= 1 and _same_baseline(last, first)


def _table_rows(chains: list[list[Word]]) -> list[list[Word]]:
    """Runs of at least TABLE_ROW_CELLS chains written one after another on one baseline,
    joined into one row however wide their gaps."""
    out: list[list[Word]] = []
    run: list[list[Word]] = []
    for chain in [*chains, []]:
        if run and chain and _follows(run[-1], chain):
            run.append(chain)
            continue
        if len(run) >= TABLE_ROW_CELLS:
            out.append([w for cell in run for w in cell])
        else:
            out.extend(run)
        run = [chain] if chain else []
    return out


def _join_runs(groups: list[list[Word]]) -> list[list[Word]]:
    out: list[list[Word]] = []
    widest: list[float] = []  # the widest gap between words of each chain in ``out``
    for group in groups:
        inner = max((b.x0 - a.x1 for a, b in zip(group, group[1:], strict=False)), default=0.0)
        if out:
            prev, first = out[-1][-1], group[0]
            small = min(prev.size, first.size)
            gap = first.x0 - prev.x1
            limit = min(2.0 * small, max(0.8 * small, 1.25 * max(widest[-1], inner)))
            if _follows(out[-1], group) and gap < limit:
                out[-1].extend(group)
                widest[-1] = max(widest[-1], inner, gap)
                continue
        out.append(group)
        widest.append(inner)
    return out


def _line_of(words: list[Word]) -> Line:
    line = Line(
        words,
        words[0].page,
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
        max(w.size for w in words),
    )
    line.baseline = _base(words[0])
    return line


def _extend(line: Line, words: list[Word], x1: float) -> None:
    line.words.extend(words)
    line.x1 = max(line.x1, x1)
    line.top = min(line.top, min(w.top for w in words))
    line.bottom = max(line.bottom, max(w.bottom for w in words))
    line.size = max(line.size, max(w.size for w in words))


def _fragments(words: list[Word]) -> list[Line]:
    """Line fragments: the chains of words the content stream shows on one line, joined with
    those on the same baseline close beside them. Where the page's text objects hold whole
    lines, two chains of text objects written apart are not joined: they are lines of two
    text boxes side by side, however close."""
    lines: list[Line] = []
    apart = _objects_hold_lines(words)
    for row in _baseline_rows(_chains(words, rows=apart)):
        row.sort(key=lambda c: c.x0)
        current = row[0]
        lines.append(current)
        for chain in row[1:]:
            small = min(current.size, chain.size)
            if -0.5 * small < chain.x0 - current.x1 < _join_gap(current, chain) * small and not (
                apart and _written_apart(current, chain)
            ):
                _extend(current, chain.words, chain.x1)
            else:
                current = chain
                lines.append(current)
    for line in lines:
        sizes = sorted(w.size for w in line.words)
        line.size = sizes[len(sizes) // 2]
    return lines


OCR_LINE_GAP = 1.5  # the widest gap (in font sizes) between words of one line OCR read as one


def _join_gap(left: Line, right: Line) -> float:
    """How wide a gap, in font sizes, two fragments side by side on one row are joined across:
    wider between words OCR read as one line (the line's box is every word's), whose sizes
    are estimated and whose spaces in small print come out wide."""
    last, first = left.words[-1], right.words[0]
    one_ocr_line = last.baseline is None and first.baseline is None and last.run < 0 \
        and (last.top, last.bottom) == (first.top, first.bottom)
    return OCR_LINE_GAP if one_ocr_line else 0.8


def _objects_hold_lines(words: list[Word]) -> bool:
    """Whether most words go on in the text object of the word before them (a text object
    per line, as LibreOffice and most office programs write), not one object per word."""
    known = [w for w in words if w.run >= 0]
    if len(known) < 20:
        return False
    going_on = sum(1 for a, b in zip(known, known[1:], strict=False) if b.run == a.run_end)
    return going_on >= 0.5 * len(known)


def _written_apart(left: Line, right: Line) -> bool:
    first, last = right.words[0], left.words[-1]
    return first.run >= 0 and last.run_end >= 0 and first.run != last.run_end + 1


def _baseline_rows(chains: list[Line]) -> list[list[Line]]:
    """Chains grouped by baseline, top to bottom: a row holds those within 0.4 font sizes of
    its first one's baseline (glyph boxes vary, baselines do not)."""
    rows: list[list[Line]] = []
    first: Line | None = None
    for chain in sorted(chains, key=lambda c: c.baseline):
        if first is None or chain.baseline - first.baseline >= 0.4 * max(first.size, chain.size):
            rows.append([chain])
            first = chain
        else:
            rows[-1].append(chain)
    return rows


@dataclass(slots=True)
class _Unit:
    """A fragment or a whole framed box, as one rectangle for the page-level ordering."""

    x0: float
    top: float
    x1: float
    bottom: float
    line: Line | None = None
    box: int | None = None
    size: float = 10.0
    weight: int = 1  # lines it stands for (a box counts its lines)
    run: int = -1  # the first text object of its text in the content stream (-1: unknown)


def _gutters(units: list[_Unit]) -> list[tuple[float, float]]:
    if len(units) < 4:
        return []
    left = min(u.x0 for u in units)
    right = max(u.x1 for u in units)
    width = right - left
    if width <= 0:
        return []
    typical = median(u.size for u in units)
    # large titles may straddle the gutter of the columns below them: they do not count
    narrow = [u for u in units if u.x1 - u.x0 < 0.62 * width and u.size <= 1.25 * typical]
    if len(narrow) < 4:
        return []
    min_gap = max(3.0, 0.3 * median(u.size for u in narrow))
    # x-ranges that (almost) no line covers: a footer or one odd line may bridge a gutter
    total = sum(u.weight for u in narrow)
    thresh = max(1, int(0.03 * total))
    events = sorted([(u.x0, u.weight) for u in narrow] + [(u.x1, -u.weight) for u in narrow])
    gaps: list[tuple[float, float]] = []
    cover = 0
    low_start: float | None = None
    seen_text = False
    for x, delta in events:
        before = cover
        cover += delta
        if before > thresh and cover <= thresh and seen_text:
            low_start = x
        elif before <= thresh and cover > thresh:
            if low_start is not None and x - low_start > min_gap:
                gaps.append((low_start, x))
            low_start = None
        if cover > thresh:
            seen_text = True
    out = []
    for g0, g1 in gaps:
        lhs = sum(u.weight for u in narrow if u.x1 <= g0 + 0.5)
        rhs = sum(u.weight for u in narrow if u.x0 >= g1 - 0.5)
        crossing = sum(u.weight for u in units if u.x0 < g0 and u.x1 > g1)
        # a real column gutter: text on both sides, few units bridging it
        if (
            lhs >= 2
            and rhs >= 2
            and (g0 - left) > 0.12 * width
            and (right - g1) > 0.12 * width
            and crossing <= max(lhs, rhs)
        ):
            out.append((g0, g1))
    return out


def _order(units: list[_Unit], depth: int = 0) -> list[list[_Unit]]:
    """Units in reading order, grouped by leaf region (a column run or a box)."""
    units = sorted(units, key=lambda u: (u.top, u.x0))
    if depth > 6 or len(units) <= 1:
        return [units] if units else []
    gutters = _gutters(units)
    clean = [g for g in gutters if not any(_bridges(u, g) for u in units)]
    if clean:
        # gutters nothing bridges split the region into strips read left to right (a column
        # beside a heading that spans only the other columns stays whole)
        strips = _split_at(units, [g[0] for g in clean])
        if all(len(strip) < len(units) for strip in strips):
            columns = [region for strip in strips if strip for region in _order(strip, depth + 1)]
            return _rows_if_written_so(units, columns, depth)
    if gutters:
        return _order_bands(units, gutters, depth)
    return _order_rows(units, depth)


def _rows_if_written_so(
    units: list[_Unit], columns: list[list[_Unit]], depth: int
) -> list[list[_Unit]]:
    """Panels staggered over two columns (a poster whose column tops do not line up) read
    column by column or row by row, at whitespace across the whole region: the order the
    content stream shows them in decides, and columns stay unless rows agree with it better."""
    rows = _split_at_whitespace(units)
    if len(rows) < 2 or all(u.run < 0 for u in units) or _cuts_a_text_box(rows):
        return columns
    by_rows = [region for row in rows for region in _order(row, depth + 1)]
    return by_rows if _inversions(by_rows) < _inversions(columns) else columns


def _cuts_a_text_box(rows: list[list[_Unit]]) -> bool:
    """Whether whitespace between two rows falls inside one text box: a line above it and a
    line below it stand left-aligned in one column and are successive text objects (blank
    lines in a tall box leave whitespace across the page that is no row of panels)."""
    for upper, lower in zip(rows, rows[1:], strict=False):
        ends = {
            (u.line.words[-1].run_end, round(u.x0)): u.size
            for u in upper
            if u.line is not None and u.line.words[-1].run_end >= 0
        }
        for below in lower:
            if below.line is None or below.run < 1:
                continue
            for (end, x0), size in ends.items():
                if below.run == end + 1 and abs(below.x0 - x0) < 0.5 * size:
                    return True
    return False


def _inversions(groups: list[list[_Unit]]) -> int:
    """How often reading the groups goes back in the content stream: a jump back from one
    column or panel to one written earlier."""
    runs = [u.run for group in groups for u in _rows(group) if u.run >= 0]
    return sum(1 for a, b in zip(runs, runs[1:], strict=False) if b < a)


def _bridges(unit: _Unit, gutter: tuple[float, float]) -> bool:
    return unit.x0 < gutter[0] - 0.5 and unit.x1 > gutter[1] + 0.5


def _split_at(units: list[_Unit], bounds: list[float]) -> list[list[_Unit]]:
    """Units by the strip between left bounds their centre falls into."""
    strips: list[list[_Unit]] = [[] for _ in range(len(bounds) + 1)]
    for u in units:
        centre = (u.x0 + u.x1) / 2
        strips[sum(1 for b in bounds if centre > b)].append(u)
    return strips


def _order_bands(
    units: list[_Unit], gutters: list[tuple[float, float]], depth: int
) -> list[list[_Unit]]:
    """Units that span the gutters cut the region into bands, each read column by column."""
    spanning = _spanning(units, gutters)
    span_ids = {id(u) for u in spanning}
    bounds = [g[0] for g in gutters]
    out: list[list[_Unit]] = []
    band: list[_Unit] = []
    for u in units:
        if id(u) not in span_ids:
            band.append(u)
            continue
        out.extend(_order_band(band, bounds, len(units), depth))
        band = []
        if out and out[-1] and id(out[-1][-1]) in span_ids and u.box is None:
            out[-1].append(u)
        else:
            out.append([u])
    out.extend(_order_band(band, bounds, len(units), depth))
    return out


def _spanning(units: list[_Unit], gutters: list[tuple[float, float]]) -> list[_Unit]:
    """Units that bridge a gutter, the short last lines of full-width paragraphs and the
    short headings right above them."""
    spanning: list[_Unit] = []
    for i, u in enumerate(units):
        crosses = any(_bridges(u, g) for g in gutters)
        if not crosses and spanning and u.line is not None and spanning[-1].line is not None:
            crosses = _ends_paragraph(u, spanning[-1])
        if not crosses and i + 1 < len(units) and any(_bridges(units[i + 1], g) for g in gutters):
            crosses = _heads_paragraph(u, units[i + 1])
        if crosses:
            spanning.append(u)
    return spanning


def _heads_paragraph(unit: _Unit, below: _Unit) -> bool:
    """A heading (larger or bold) right above a full-width paragraph, aligned with it (OCR's
    boxes hug the ink: the gap between them looks wider)."""
    if unit.line is None or below.line is None:
        return False
    ocr = _read_by_ocr(unit) and _read_by_ocr(below)
    return (
        abs(unit.x0 - below.x0) < 2
        and 0 <= below.top - unit.bottom < (1.5 if ocr else 0.8) * below.size
        and (unit.size > 1.1 * below.size or (unit.line.bold and not below.line.bold))
    )


def _ends_paragraph(unit: _Unit, prev: _Unit) -> bool:
    """The short last line of a full-width paragraph, right under it (OCR's box of a line
    with descenders may overlap the next line's)."""
    low = -0.3 * unit.size if _read_by_ocr(unit) and _read_by_ocr(prev) else 0.0
    return (
        abs(unit.x0 - prev.x0) < 2
        and low <= unit.top - prev.bottom < 0.6 * unit.size
        and abs(unit.size - prev.size) < 0.5
    )


def _read_by_ocr(unit: _Unit) -> bool:
    """Words OCR read: no baseline, no text object."""
    return unit.line is not None and all(
        w.baseline is None and w.run < 0 for w in unit.line.words)


def _order_band(
    band: list[_Unit], bounds: list[float], region_size: int, depth: int
) -> list[list[_Unit]]:
    """A band between spanning units, column by column (or row by row, see
    ``_rows_if_written_so``)."""
    out: list[list[_Unit]] = []
    for col_units in _split_at(band, bounds):
        if not col_units:
            continue
        if len(col_units) == region_size:  # no progress: avoid endless recursion
            out.append(sorted(col_units, key=lambda u: (u.top, u.x0)))
        else:
            out.extend(_order(col_units, depth + 1))
    return _rows_if_written_so(band, out, depth) if band else out


def _order_rows(units: list[_Unit], depth: int) -> list[list[_Unit]]:
    """No gutter: cut at horizontal whitespace running across the whole region."""
    rows = _split_at_whitespace(units)
    if len(rows) == 1:
        return [units]
    out: list[list[_Unit]] = []
    for row in rows:
        out.extend(_order(row, depth + 1) if _gutters(row) else [row])
    return out


def _split_at_whitespace(units: list[_Unit]) -> list[list[_Unit]]:
    rows: list[list[_Unit]] = [[units[0]]]
    reach = units[0].bottom
    for u in units[1:]:
        if u.top > reach + 0.8 * u.size:
            rows.append([u])
        else:
            rows[-1].append(u)
        reach = max(reach, u.bottom)
    return rows


def _rows(units: list[_Unit]) -> list[_Unit]:
    """Units sorted top to bottom, those on one baseline left to right."""
    units = sorted(units, key=lambda u: u.bottom)
    out: list[_Unit] = []
    row: list[_Unit] = []
    for u in units:
        if row and abs(u.bottom - row[0].bottom) > 0.4 * max(u.size, row[0].size):
            out.extend(sorted(row, key=lambda x: x.x0))
            row = []
        row.append(u)
    out.extend(sorted(row, key=lambda x: x.x0))
    return out


def _merge_rows(lines: list[Line]) -> list[Line]:
    """Join fragments of one region that sit on the same baseline (justified headings)."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.region == line.region
            and prev.box == line.box
            and abs(prev.bottom - line.bottom) < 0.4 * max(prev.size, line.size)
            and line.x0 > prev.x1
            and (abs(prev.size - line.size) < 1.0 or prev.text in BULLETS)
        ):
            prev.words.extend(line.words)
            prev.x1 = line.x1
            prev.top = min(prev.top, line.top)
            prev.bottom = max(prev.bottom, line.bottom)
            continue
        out.append(line)
    return out


def page_lines(page: PageContent, start_region: int = 0) -> list[Line]:
    """The page's line fragments in reading order, tagged with their box and region."""
    fragments = _fragments(page.words)
    boxes = _frames(page, fragments)
    units, in_box = _units(fragments, boxes)
    units, head, foot = _split_off_margin_print(units, page)
    return _merge_rows(_read_regions(head + _order(units) + foot, in_box, start_region))


def _frames(page: PageContent, fragments: list[Line]) -> list[Box]:
    """The frames that may hold a sidebar or a panel."""
    boxes = [b for b in page.boxes if b.area < 0.6 * page.width * page.height]
    if len(fragments) >= 15:
        # a frame around (nearly) all the page's text is decoration, not a sidebar
        boxes = [
            b
            for b in boxes
            if sum(b.contains((f.x0 + f.x1) / 2, (f.top + f.bottom) / 2) for f in fragments)
            < 0.7 * len(fragments)
        ]
    return boxes


def _innermost_box(line: Line, boxes: list[Box]) -> int | None:
    """The index of the smallest frame the line lies in, if any."""
    cy = (line.top + line.bottom) / 2
    best: int | None = None
    for i, box in enumerate(boxes):
        inside = box.contains(line.x0, cy, pad=3.0) and box.contains(line.x1, cy, pad=3.0)
        if inside and (best is None or box.area < boxes[best].area):
            best = i
    return best


def _units(fragments: list[Line], boxes: list[Box]) -> tuple[list[_Unit], dict[int, list[Line]]]:
    """A unit for each fragment outside the frames and one for each frame, and the frames'
    lines by frame."""
    in_box: dict[int, list[Line]] = {}
    units: list[_Unit] = []
    for line in fragments:
        best = _innermost_box(line, boxes)
        if best is None:
            units.append(
                _Unit(line.x0, line.top, line.x1, line.bottom, line, size=line.size, run=_run(line))
            )
        else:
            line.box = best
            in_box.setdefault(best, []).append(line)
    for i, lines in in_box.items():
        box: Box = boxes[i]
        size = median(line.size for line in lines)
        runs = [r for r in map(_run, lines) if r >= 0]
        unit = _Unit(box.x0, box.top, box.x1, box.bottom, box=i, size=size, weight=len(lines))
        unit.run = min(runs, default=-1)
        units.append(unit)
    return units, in_box


def _run(line: Line) -> int:
    return line.words[0].run


def _split_off_margin_print(
    units: list[_Unit], page: PageContent
) -> tuple[list[_Unit], list[list[_Unit]], list[list[_Unit]]]:
    """Page numbers and similar small print in the margins would bridge column gutters: the
    other units, and those at the head and at the foot of the page, one region each."""
    margin = 0.06 * page.height
    furniture = [
        u
        for u in units
        if u.line is not None
        and ((u.bottom < margin) or (u.top > page.height - margin))
        and u.x1 - u.x0 < 0.35 * page.width
    ]
    if furniture:
        ids = {id(u) for u in furniture}
        units = [u for u in units if id(u) not in ids]
    head = [[u] for u in furniture if u.top < margin]
    foot = [[u] for u in furniture if u.top >= margin]
    return units, head, foot


def _read_regions(
    groups: list[list[_Unit]], in_box: dict[int, list[Line]], start_region: int
) -> list[Line]:
    """The lines of the ordered groups, each numbered with its region (a frame's columns are
    regions of their own)."""
    ordered: list[Line] = []
    region = start_region
    for group in groups:
        for unit in _rows(group):
            if unit.line is not None:
                unit.line.region = region
                ordered.append(unit.line)
            elif unit.box is not None:
                box_lines, region = _read_box(in_box[unit.box], region)
                ordered.extend(box_lines)
        region += 1
    return ordered


def _read_box(lines: list[Line], region: int) -> tuple[list[Line], int]:
    """A frame's lines in reading order, numbered with regions after ``region``; the number
    after the last one used."""
    ordered: list[Line] = []
    box_units = [_Unit(x.x0, x.top, x.x1, x.bottom, line=x, size=x.size) for x in lines]
    for sub in _order(box_units):
        region += 1
        for u in _rows(sub):
            assert u.line is not None
            u.line.region = region
            ordered.append(u.line)
    return ordered, region + 1


def body_size(lines: list[Line]) -> float:
    """The font size carrying most characters."""
    weight: dict[float, int] = {}
    for line in lines:
        for w in line.words:
            key = round(w.size * 2) / 2
            weight[key] = weight.get(key, 0) + len(w.text)
    if not weight:
        return 10.0
    return max(weight.items(), key=lambda kv: kv[1])[0]


def _run_in_sentence(prev: Line, block: Block) -> bool:
    """A bold title ending in a full stop that fills a paragraph's first line ("Knattegympan
    är tillbaka i Skillingaryd."), the paragraph going on below in normal text."""
    return len(block.lines) == 1 and block.lines[0] is prev and prev.words[-1].text.endswith(".")


def blocks_from_lines(lines: list[Line], body: float) -> list[Block]:
    """Paragraph blocks: a new block at a region change, a wide gap or a change of style."""
    blocks: list[Block] = []
    prev: Line | None = None
    pitch = 1.25 * body
    for line in lines:
        heading_like = line.size > body * 1.12 or (line.bold and len(line.words) <= 14)
        new = prev is None or line.region != prev.region or line.page != prev.page
        if not new and prev is not None:
            gap = line.top - prev.bottom
            prev_heading = prev.size > body * 1.12 or prev.bold
            if (
                gap > 0.45 * max(line.size, prev.size) + max(0.0, pitch - 1.2 * body)
                or abs(line.size - prev.size) > 0.8
                or prev_heading != heading_like
                and not (
                    prev.bold
                    and not line.bold
                    and (line.words[0].bold or prev.words[-1].text.endswith(RUN_IN_ENDS)
                         or _run_in_sentence(prev, blocks[-1]))
                    and abs(line.size - prev.size) < 0.5
                )
            ):
                new = True
            elif line.x0 - prev.x0 > 1.5 * body and len(blocks[-1].lines) > 1:
                new = True  # indented first line
        if new:
            meta = {"cell": line.cell} if line.cell is not None else {}
            blocks.append(Block([line], box=line.box, page=line.page, meta=meta))
        else:
            blocks[-1].lines.append(line)
        prev = line
    return blocks
