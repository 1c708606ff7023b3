"""Build the sample posters: corpus/sources/posters/*.yaml -> corpus/pdf/poster-*.pdf + gold JSON.

Each YAML source holds one poster: its layout (generator, page size, columns), its texts (banner
and boxed sections) and the gold annotation of the single example it describes. The build renders
every poster with reportlab or WeasyPrint, checks that every gold anchor and context phrase is
present both in the source text and in the text extracted from the rendered page, and writes
corpus/gold/<stem>.json. A poster marked ``scanned: true`` is rendered, rasterised and degraded
into an image-only PDF.

Run: .venv/bin/python corpus/build_posters.py [--only STEM] [--ocr-check]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from reportlab.lib.colors import Color
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable

ROOT = Path(__file__).resolve().parent
SOURCES = ROOT / "sources" / "posters"
PDF_DIR = ROOT / "pdf"
GOLD_DIR = ROOT / "gold"

FOCUS_AREAS = ("Fullföljda studier", "Psykisk hälsa", "Fysisk aktivitet")
INTERVENTIONS = (
    "gemensamma hembesök", "utökat hembesöksprogram", "närvaroarbete", "föräldrastöd i grupp",
    "Trygghetscirkeln", "öppen förskola", "familjecentral", "allaktivitetshus",
    "elevhälsocentral", "prova-på-aktiviteter", "aktiv skolväg", "knattegympa",
    "samverkansteam", "tidig upptäckt", "brukarmedverkan", "läxhjälp",
    "mötesplats för nyanlända föräldrar", "rastaktiviteter", "överlämning förskola–skola",
    "kamratstöd",
)
STAGES = ("planerad", "startad", "pågående", "avslutad")
# Words in the poster text that justify the gold stage.
STAGE_CUES = {
    "planerad": r"\b(planerat|planerad|planerar)\b",
    "startad": r"\b(startad|startade|har startat)\b",
    "pågående": r"\bpågående\b",
    "avslutad": r"\b(avslutad|avslutades)\b",
}
# Villages, districts and schools named on the posters -> municipality (for validating gold).
PLACE_MUNICIPALITY = {
    "Huskvarna": "Jönköping", "Öxnehaga": "Jönköping", "Råslätt": "Jönköping",
    "Rydaholm": "Värnamo", "Bodafors": "Nässjö", "Anderstorp": "Gislaved",
    "Skillingaryd": "Vaggeryd", "Landsbro": "Vetlanda", "Hok": "Vaggeryd",
    "Hillerstorp": "Gnosjö", "Sandhem": "Mullsjö", "Bruneflod": "Mullsjö",
    "Mariannelund": "Eksjö", "Ingatorp": "Eksjö", "Frinnaryd": "Aneby", "Reftele": "Gislaved",
    "Hestra": "Gislaved", "Furusand": "Habo", "Vrigstad": "Sävsjö", "Stockaryd": "Sävsjö",
    "Gripenberg": "Tranås", "Sommen": "Tranås", "Araby": "Växjö", "Lagan": "Ljungby",
    "Smålandsstenar": "Gislaved", "Anneberg": "Nässjö", "Bondstorp": "Vaggeryd",
    "Hult": "Eksjö", "Kulltorp": "Gnosjö", "Åsenhöga": "Gnosjö",
}
META_AUTHOR = "Bästa platsen att växa upp, leva och bo på"
META_CREATOR = "Exempelbanken exempelkorpus"
FONT_DIR = Path("/usr/share/fonts/truetype/liberation")


class BuildError(Exception):
    """A poster source is inconsistent or its rendering does not fit one page."""


# ---------------------------------------------------------------------------------------------
# Source model


@dataclass
class Block:
    """One paragraph or bullet of a box; ``bullet`` is True for list items."""

    text: str
    bullet: bool = False


@dataclass
class Box:
    heading: str
    blocks: list[Block]
    col: int | None = None  # 1-based column, None = automatic
    wide: bool = False  # full-width box under the columns
    chart: dict[str, Any] | None = None  # {"title", "unit", "bars": [[label, value], ...]}


@dataclass
class Poster:
    stem: str
    data: dict[str, Any]
    boxes: list[Box] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        if name == "data" or name.startswith("__"):  # not yet set (copy, pickle): no field
            raise AttributeError(name)
        try:
            return self.data[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


def parse_blocks(text: str) -> list[Block]:
    """Paragraphs separated by blank lines; lines starting with '- ' are bullets."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block(" ".join(para)))
            para.clear()

    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("- "):
            flush()
            blocks.append(Block(line[2:].strip(), bullet=True))
        elif blocks and blocks[-1].bullet and not para and raw.startswith("  "):
            blocks[-1].text += " " + line  # continuation of a bullet
        else:
            para.append(line)
    flush()
    return blocks


def load_poster(path: Path) -> Poster:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    stem = data["file"]
    if stem != path.stem:
        raise BuildError(f"{path.name}: 'file' must equal the YAML file name stem")
    poster = Poster(stem=stem, data=data)
    for sec in data["sections"]:
        poster.boxes.append(
            Box(sec["heading"], parse_blocks(sec["text"]), sec.get("col"), bool(sec.get("wide")),
                sec.get("chart"))
        )
    return poster


def banner_lines(p: Poster) -> list[str]:
    """The banner's text lines below the title."""
    lines = [p.subtitle]
    if p.get("date_line"):
        lines.append(p.date_line)
    return lines


def source_text(p: Poster) -> str:
    """All visible text of the poster, whitespace-normalised, for anchor checks."""
    parts = [p.title, *banner_lines(p)]
    for box in p.boxes:
        parts.append(box.heading)
        parts.extend(b.text for b in box.blocks)
    if p.get("footer"):
        parts.append(p.footer)
    return norm(" ".join(parts))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------------------------------------
# Validation of the gold annotation


def validate_gold(p: Poster) -> None:
    g = p.gold
    where = p.stem
    if set(g["focus_areas"]) - set(FOCUS_AREAS) or not g["focus_areas"]:
        raise BuildError(f"{where}: bad focus_areas {g['focus_areas']}")
    if set(g["interventions"]) - set(INTERVENTIONS):
        unknown = set(g["interventions"]) - set(INTERVENTIONS)
        raise BuildError(f"{where}: unknown interventions {unknown}")
    if g.get("stage") not in (*STAGES, None):
        raise BuildError(f"{where}: bad stage {g.get('stage')}")
    anchors = g["anchors"]
    if not 3 <= len(anchors) <= 5:
        raise BuildError(f"{where}: needs 3-5 anchors, has {len(anchors)}")
    src = source_text(p)
    boxes_hit: set[int] = set()
    for phrase in [*anchors, *g.get("context_phrases", [])]:
        words = phrase.split()
        if not 4 <= len(words) <= 10:
            raise BuildError(f"{where}: phrase must have 4-10 words: {phrase!r}")
        if "-" in phrase or "–" in phrase:
            raise BuildError(f"{where}: phrase must not contain dashes: {phrase!r}")
        if phrase not in src:
            raise BuildError(f"{where}: phrase not in source text: {phrase!r}")
    for phrase in anchors:
        for i, box in enumerate(p.boxes):
            if phrase in norm(" ".join(b.text for b in box.blocks)):
                boxes_hit.add(i)
                break
        else:
            raise BuildError(f"{where}: anchor not inside a box: {phrase!r}")
    if len(boxes_hit) < min(3, len(anchors)):
        raise BuildError(f"{where}: anchors must be spread over at least 3 boxes")
    for phrase in g.get("context_phrases", []):
        if any(phrase in norm(" ".join(b.text for b in box.blocks)) for box in p.boxes):
            raise BuildError(f"{where}: context phrase inside an example box: {phrase!r}")
    mapped = {PLACE_MUNICIPALITY.get(x) for x in re.findall(r"\w+", src)}
    for name in [*g["municipalities"], *g.get("inspired_by", [])]:
        if name not in src and name[:-1] not in src and name not in mapped:
            raise BuildError(f"{where}: municipality {name!r} not named in the text")
    for place in g.get("places", []):
        if place not in src:
            raise BuildError(f"{where}: place {place!r} not in the text")
    for person in g.get("persons", []):
        if person["name"] not in src:
            raise BuildError(f"{where}: person {person['name']!r} not in the text")
        if person.get("role") and person["role"] not in src:
            raise BuildError(f"{where}: role {person['role']!r} not in the text")
    if g.get("stage") and not re.search(STAGE_CUES[g["stage"]], src):
        raise BuildError(f"{where}: nothing in the text says the work is {g['stage']}")
    if g.get("team") and g["team"] not in src:
        raise BuildError(f"{where}: team {g['team']!r} not in the text")


# ---------------------------------------------------------------------------------------------
# reportlab renderer

_RL_FONTS = False


def _rl_fonts() -> None:
    global _RL_FONTS
    if _RL_FONTS:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Sans", str(FONT_DIR / "LiberationSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("Sans-Bold", str(FONT_DIR / "LiberationSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("Sans-Italic", str(FONT_DIR / "LiberationSans-Italic.ttf")))
    pdfmetrics.registerFontFamily(
        "Sans", normal="Sans", bold="Sans-Bold", italic="Sans-Italic", boldItalic="Sans-Bold"
    )
    _RL_FONTS = True


def _page_size(p: Poster) -> tuple[float, float]:
    from reportlab.lib.pagesizes import A3, A4, landscape

    size = {"A4": A4, "A3": A3}[p.page_size]
    return landscape(size) if p.get("orientation") == "landscape" else size


def _markup(text: str) -> str:
    """Escape text for reportlab Paragraph; **x** becomes bold."""
    out = html.escape(text, quote=False)
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)


def plain(text: str) -> str:
    return text.replace("**", "")


def _partition(heights: list[float], ncols: int) -> list[list[int]]:
    """Split box indexes, in order, into ncols contiguous runs with the smallest tallest run."""
    n = len(heights)
    best: tuple[float, list[list[int]]] | None = None

    def rec(start: int, cols_left: int, acc: list[list[int]]) -> None:
        nonlocal best
        if cols_left == 1:
            runs = [*acc, list(range(start, n))]
            if not runs[-1]:
                return
            worst = max(sum(heights[i] for i in r) for r in runs)
            if best is None or worst < best[0]:
                best = (worst, runs)
            return
        for end in range(start + 1, n - cols_left + 2):
            rec(end, cols_left - 1, [*acc, list(range(start, end))])

    rec(0, ncols, [])
    assert best is not None
    return best[1]


def _columns_for(p: Poster, heights: list[float]) -> tuple[list[list[int]], list[int]]:
    ncols = p.columns
    wide = [i for i, b in enumerate(p.boxes) if b.wide]
    narrow = [i for i, b in enumerate(p.boxes) if not b.wide]
    if all(p.boxes[i].col for i in narrow):
        cols: list[list[int]] = [[] for _ in range(ncols)]
        for i in narrow:
            cols[p.boxes[i].col - 1].append(i)
        return cols, wide
    runs = _partition([heights[i] for i in narrow], ncols)
    return [[narrow[j] for j in run] for run in runs], wide


def _rl_chart(chart: dict[str, Any], base: float, color: Any, width: float) -> Any:
    """A small bar chart (a Drawing flowable) with a caption, values and labels."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String

    bars = chart["bars"]
    unit = chart.get("unit", "")
    slot = min(width / len(bars), base * 4)
    bar_w, gap = slot * 0.68, slot * 0.32
    plot_h = base * 6
    width = len(bars) * slot
    height = plot_h + base * 4.2
    d = Drawing(width, height)
    top = max(v for _, v in bars) or 1
    y0 = base * 1.4
    d.add(String(0, height - base, chart["title"], fontName="Sans-Bold", fontSize=base * 0.85))
    d.add(Line(0, y0, width, y0, strokeWidth=base * 0.05))
    for k, (label, value) in enumerate(bars):
        x = k * (bar_w + gap) + gap / 2
        h = plot_h * value / top
        d.add(Rect(x, y0, bar_w, h, fillColor=color, strokeWidth=0))
        d.add(String(x + bar_w / 2, y0 + h + base * 0.3, f"{value}{unit}", fontName="Sans",
                     fontSize=base * 0.8, textAnchor="middle"))
        d.add(String(x + bar_w / 2, y0 - base * 1.0, str(label), fontName="Sans",
                     fontSize=base * 0.8, textAnchor="middle"))
    return d


@dataclass
class RLLook:
    """Sizes, colours and paragraph styles of a reportlab poster, in points."""

    base: float  # body font size
    theme: Color  # banner, headings and box edges
    tint: Color  # box background
    margin: float
    gutter: float  # between columns and between boxes
    pad: float  # inside the banner and the boxes
    body: ParagraphStyle
    bullet: ParagraphStyle
    head: ParagraphStyle
    title: ParagraphStyle
    sub: ParagraphStyle


@dataclass
class RLLayout:
    """Where a reportlab poster's boxes go, in points."""

    flows: list[list[Flowable]]  # each box's flowables, in the order of p.boxes
    heights: list[float]  # each box's natural height, padding included
    cols: list[list[int]]  # the box indexes of each column, top down
    wide: list[int]  # the full-width boxes under the columns
    inner_w: float  # width inside the page margins
    col_w: float
    area_top: float  # top of the columns
    col_bottom: float  # bottom of the columns, above the wide boxes


def _rl_styles(base: float, theme: Color) -> dict[str, ParagraphStyle]:
    """The paragraph styles of RLLook: body, bullet, box heading, banner title and lines."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "body",
        fontName="Sans",
        fontSize=base,
        leading=base * 1.28,
        alignment=TA_LEFT,
        spaceAfter=base * 0.45,
    )
    bullet = ParagraphStyle(
        "bullet", parent=body, leftIndent=base * 1.1, bulletIndent=base * 0.2, spaceAfter=base * 0.2
    )
    head = ParagraphStyle(
        "head",
        fontName="Sans-Bold",
        fontSize=base * 1.25,
        leading=base * 1.5,
        textColor=theme,
        spaceAfter=base * 0.35,
    )
    title = ParagraphStyle(
        "title",
        fontName="Sans-Bold",
        fontSize=base * 2.6,
        leading=base * 3.0,
        textColor=colors.white,
    )
    sub = ParagraphStyle(
        "sub", fontName="Sans", fontSize=base * 1.3, leading=base * 1.6, textColor=colors.white
    )
    return {"body": body, "bullet": bullet, "head": head, "title": title, "sub": sub}


def _rl_look(p: Poster, width: float) -> RLLook:
    """The poster's look; the font size defaults by page size, the margin by page width."""
    from reportlab.lib import colors

    base = float(p.get("font_size", 13 if p.page_size == "A3" else 9.5))
    theme = colors.HexColor(p.get("color", "#1f5f8b"))
    return RLLook(
        base=base,
        theme=theme,
        tint=colors.HexColor(p.get("tint", "#eef4f8")),
        margin=width * 0.04,
        gutter=base * 1.3,
        pad=base * 0.9,
        **_rl_styles(base, theme),
    )


def _rl_metadata(c: Canvas, p: Poster) -> None:
    """The PDF's title, author, creator, producer and subject."""
    c.setTitle(p.title)
    c.setAuthor(META_AUTHOR)
    c.setCreator(META_CREATOR)
    c.setProducer(META_CREATOR)
    c.setSubject(p.subtitle)


def _rl_banner(c: Canvas, p: Poster, look: RLLook, width: float, height: float) -> float:
    """Draw the banner (title, then the lines below it) at the top; return its height."""
    from reportlab.platypus import Paragraph

    margin, pad = look.margin, look.pad
    inner_w = width - 2 * margin
    tpar = Paragraph(_markup(p.title), look.title)
    _, th = tpar.wrap(inner_w - 2 * pad, 10_000)
    subs = [Paragraph(_markup(s), look.sub) for s in banner_lines(p)]
    sh = sum(s.wrap(inner_w - 2 * pad, 10_000)[1] for s in subs)
    banner_h = th + sh + 2.4 * pad
    top = height - margin
    c.setFillColor(look.theme)
    c.rect(margin, top - banner_h, inner_w, banner_h, stroke=0, fill=1)
    y = top - pad
    tpar.drawOn(c, margin + pad, y - th)
    y -= th + 0.4 * pad
    for s in subs:
        sh_i = s.wrap(inner_w - 2 * pad, 10_000)[1]
        s.drawOn(c, margin + pad, y - sh_i)
        y -= sh_i
    return banner_h


def _rl_footer(c: Canvas, p: Poster, look: RLLook) -> float:
    """Draw the footer line, if any; return the bottom of the area left for the boxes."""
    from reportlab.lib import colors

    if not p.get("footer"):
        return look.margin
    c.setFont("Sans", look.base * 0.9)
    c.setFillColor(colors.HexColor("#444444"))
    c.drawString(look.margin, look.margin, p.footer)
    return look.margin + look.base * 1.8


def _rl_flow(box: Box, w: float, look: RLLook) -> list[Flowable]:
    """A box's flowables: heading, paragraphs and bullets, then its chart if it has one."""
    from reportlab.platypus import Paragraph

    items: list[Flowable] = [Paragraph(_markup(box.heading), look.head)]
    for b in box.blocks:
        if b.bullet:
            items.append(Paragraph(_markup(b.text), look.bullet, bulletText="•"))
        else:
            items.append(Paragraph(_markup(b.text), look.body))
    if box.chart:
        items.append(_rl_chart(box.chart, look.base, look.theme, w))
    return items


def _rl_measure(items: list[Flowable], w: float) -> float:
    """Height of the flowables stacked at width w (no space after the last one)."""
    total = 0.0
    for i, it in enumerate(items):
        _, h = it.wrap(w, 10_000)
        after = getattr(getattr(it, "style", None), "spaceAfter", 0)
        total += h + (after if i < len(items) - 1 else 0)
    return total


def _rl_layout(p: Poster, look: RLLook, width: float, area_top: float, bottom: float) -> RLLayout:
    """Build and measure every box, and share the narrow ones out over the columns."""
    inner_w = width - 2 * look.margin
    col_w = (inner_w - (p.columns - 1) * look.gutter) / p.columns
    flows = [_rl_flow(b, (inner_w if b.wide else col_w) - 2 * look.pad, look) for b in p.boxes]
    heights = [
        _rl_measure(f, (inner_w if b.wide else col_w) - 2 * look.pad) + 2 * look.pad
        for f, b in zip(flows, p.boxes, strict=True)
    ]
    cols, wide = _columns_for(p, heights)
    wide_h = sum(heights[i] + look.gutter for i in wide)
    return RLLayout(flows, heights, cols, wide, inner_w, col_w, area_top, bottom + wide_h)


def _rl_draw_box(
    c: Canvas,
    p: Poster,
    look: RLLook,
    lay: RLLayout,
    i: int,
    x: float,
    y_top: float,
    w: float,
    h: float,
) -> None:
    """Draw box i (tinted, a theme bar on top) and its text; raise if the text overflows."""
    from reportlab.platypus import Frame

    pad = look.pad
    c.setFillColor(look.tint)
    c.setStrokeColor(look.theme)
    c.setLineWidth(look.base * 0.08)
    c.rect(x, y_top - h, w, h, stroke=1, fill=1)
    c.setFillColor(look.theme)
    c.rect(x, y_top - look.base * 0.35, w, look.base * 0.35, stroke=0, fill=1)
    frame = Frame(x + pad, y_top - h + pad, w - 2 * pad, h - 2 * pad, 0, 0, 0, 0, showBoundary=0)
    items = list(lay.flows[i])
    frame.addFromList(items, c)
    if items:
        raise BuildError(f"{p.stem}: box {p.boxes[i].heading!r} overflows")


def _rl_draw_columns(c: Canvas, p: Poster, look: RLLook, lay: RLLayout) -> None:
    """Draw each column's boxes top down, filling the column to its bottom.

    With ``fill: even`` every box of a column grows by the same amount; otherwise the last box
    stretches down to the bottom.
    """
    for ci, run in enumerate(lay.cols):
        x = look.margin + ci * (lay.col_w + look.gutter)
        y_top = lay.area_top
        needed = sum(lay.heights[i] for i in run) + look.gutter * (len(run) - 1)
        if needed > lay.area_top - lay.col_bottom + 0.01:
            raise BuildError(
                f"{p.stem}: column {ci + 1} too tall ({needed:.0f} > "
                f"{lay.area_top - lay.col_bottom:.0f} pt)"
            )
        spare = (lay.area_top - lay.col_bottom) - needed
        for k, i in enumerate(run):
            h = lay.heights[i]
            if p.get("fill") == "even":
                h += spare / len(run)  # every box grows a little
            elif k == len(run) - 1:
                h = y_top - lay.col_bottom  # last box stretches to the bottom
            _rl_draw_box(c, p, look, lay, i, x, y_top, lay.col_w, h)
            y_top -= h + look.gutter


def _rl_draw_wide_boxes(c: Canvas, p: Poster, look: RLLook, lay: RLLayout) -> None:
    """Draw the full-width boxes one under the other, below the columns."""
    y_top = lay.col_bottom - look.gutter
    for i in lay.wide:
        _rl_draw_box(c, p, look, lay, i, look.margin, y_top, lay.inner_w, lay.heights[i])
        y_top -= lay.heights[i] + look.gutter


def render_reportlab(p: Poster, out: Path) -> None:
    """Draw the poster on one reportlab page: banner, footer, boxes in columns, wide boxes."""
    from reportlab.pdfgen import canvas

    _rl_fonts()
    width, height = _page_size(p)
    look = _rl_look(p, width)
    c = canvas.Canvas(str(out), pagesize=(width, height), invariant=1)
    _rl_metadata(c, p)
    banner_h = _rl_banner(c, p, look, width, height)
    bottom = _rl_footer(c, p, look)
    area_top = height - look.margin - banner_h - look.gutter
    lay = _rl_layout(p, look, width, area_top, bottom)
    _rl_draw_columns(c, p, look, lay)
    _rl_draw_wide_boxes(c, p, look, lay)
    c.showPage()
    c.save()


# ---------------------------------------------------------------------------------------------
# WeasyPrint renderer

CSS = """
@page {{ size: {size}; margin: {margin}mm; }}
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: {base}pt;
        line-height: 1.3; color: #1d1d1d; }}
.page {{ height: {content_h}mm; display: flex; flex-direction: column; }}
header {{ background: {color}; color: white; padding: {pad}pt {pad2}pt; }}
header h1 {{ font-size: {title}pt; line-height: 1.15; margin: 0 0 {half}pt 0; }}
header p {{ font-size: {sub}pt; margin: 0; }}
.grid {{ flex: 1; display: grid; grid-template-columns: {template};
         column-gap: {gap}pt; margin-top: {gap}pt; }}
.col {{ display: flex; flex-direction: column; }}
.box {{ background: {tint}; border-top: {bar}pt solid {color}; padding: {pad}pt;
        margin-bottom: {gap}pt; }}
.col .box:last-child {{ flex-grow: 1; margin-bottom: 0; }}
{fill_rule}
.wide {{ margin-top: {gap}pt; margin-bottom: 0; }}
.box h2 {{ font-size: {h2}pt; color: {color}; margin: 0 0 {half}pt 0; }}
.box p {{ margin: 0 0 {half}pt 0; }}
.box ul {{ margin: 0 0 {half}pt 0; padding-left: {indent}pt; }}
.box li {{ margin-bottom: {quarter}pt; }}
footer {{ font-size: {foot}pt; color: #444; margin-top: {half}pt; }}
.chart {{ margin: {half}pt 0 0 0; }}
.chart figcaption {{ font-weight: bold; font-size: {small}pt; margin-bottom: {half}pt; }}
.bars {{ display: flex; align-items: flex-end; border-bottom: 0.6pt solid #333; }}
.bar {{ display: flex; flex-direction: column; align-items: center; margin-right: {gap}pt;
        font-size: {small}pt; }}
.bar .fill {{ width: {barw}pt; background: {color}; }}
"""


def _html_inline(text: str) -> str:
    out = html.escape(text, quote=False)
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)


def _html_box(box: Box, extra: str = "") -> str:
    parts = [f'<section class="box{extra}"><h2>{_html_inline(box.heading)}</h2>']
    items: list[str] = []
    for b in box.blocks:
        if b.bullet:
            items.append(f"<li>{_html_inline(b.text)}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        parts.append(f"<p>{_html_inline(b.text)}</p>")
    if items:
        parts.append("<ul>" + "".join(items) + "</ul>")
    if box.chart:
        parts.append(_html_chart(box.chart))
    parts.append("</section>")
    return "".join(parts)


def _html_chart(chart: dict[str, Any]) -> str:
    top = max(v for _, v in chart["bars"]) or 1
    unit = html.escape(chart.get("unit", ""))
    bars = "".join(
        f'<div class="bar"><span>{value}{unit}</span>'
        f'<div class="fill" style="height: {60 * value / top:.1f}pt"></div>'
        f"<span>{html.escape(str(label))}</span></div>"
        for label, value in chart["bars"]
    )
    return (f'<figure class="chart"><figcaption>{html.escape(chart["title"])}</figcaption>'
            f'<div class="bars">{bars}</div></figure>')


def poster_html(p: Poster) -> str:
    ncols = p.columns
    landscape = p.get("orientation") == "landscape"
    w_mm, h_mm = {"A4": (210, 297), "A3": (297, 420)}[p.page_size]
    if landscape:
        w_mm, h_mm = h_mm, w_mm
    margin = 10 if p.page_size == "A4" else 14
    base = float(p.get("font_size", 13 if p.page_size == "A3" else 9.5))
    # Columns: explicit placement, else a balanced split by text length.
    narrow = [i for i, b in enumerate(p.boxes) if not b.wide]
    if all(p.boxes[i].col for i in narrow):
        cols: list[list[int]] = [[] for _ in range(ncols)]
        for i in narrow:
            cols[p.boxes[i].col - 1].append(i)
    else:
        weights = [
            60 + sum(len(b.text) for b in p.boxes[i].blocks) + 40 * len(p.boxes[i].blocks)
            for i in narrow
        ]
        cols = [[narrow[j] for j in run] for run in _partition(weights, ncols)]
    widths = p.get("column_widths") or [1] * ncols
    css = CSS.format(
        size=f"{p.page_size} {'landscape' if landscape else 'portrait'}",
        margin=margin, content_h=h_mm - 2 * margin - 0.5, base=base,
        color=p.get("color", "#1f5f8b"), tint=p.get("tint", "#eef4f8"), pad=base * 0.9,
        pad2=base * 1.2, title=base * 2.5,
        sub=base * 1.25, half=base * 0.45, quarter=base * 0.2, gap=base * 1.2, bar=base * 0.35,
        h2=base * 1.25, indent=base * 1.3, foot=base * 0.85, small=base * 0.85,
        barw=base * 2.4,
        template=" ".join(f"{w}fr" for w in widths),
        fill_rule=".col .box { flex-grow: 1; }" if p.get("fill") == "even" else "",
    )
    subs = "".join(f"<p>{_html_inline(s)}</p>" for s in banner_lines(p))
    columns = "".join(
        '<div class="col">' + "".join(_html_box(p.boxes[i]) for i in run) + "</div>"
        for run in cols
    )
    wides = "".join(_html_box(b, " wide") for b in p.boxes if b.wide)
    footer = f"<footer>{_html_inline(p.footer)}</footer>" if p.get("footer") else ""
    return (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
        f"<title>{html.escape(p.title)}</title>"
        f'<meta name="author" content="{html.escape(META_AUTHOR)}">'
        f'<meta name="generator" content="{META_CREATOR}">'
        f"<style>{css}</style></head><body><div class=\"page\">"
        f"<header><h1>{_html_inline(p.title)}</h1>{subs}</header>"
        f'<div class="grid">{columns}</div>{wides}{footer}</div></body></html>'
    )


def render_weasyprint(p: Poster, out: Path) -> None:
    from weasyprint import HTML

    doc = HTML(string=poster_html(p), base_url=str(ROOT)).render()
    if len(doc.pages) != 1:
        raise BuildError(f"{p.stem}: WeasyPrint produced {len(doc.pages)} pages")
    doc.metadata.created = None
    doc.metadata.modified = None
    doc.write_pdf(out)


# ---------------------------------------------------------------------------------------------
# Checking the rendered text


def box_texts(pdf: Path) -> list[str]:
    """Text inside each filled rectangle (boxes and banner) plus the whole page, normalised."""
    import pdfplumber

    texts: list[str] = []
    with pdfplumber.open(pdf) as doc:
        if len(doc.pages) != 1:
            raise BuildError(f"{pdf.name}: {len(doc.pages)} pages")
        page = doc.pages[0]
        for r in page.rects:
            if r["width"] < 40 or r["height"] < 20:
                continue
            bbox = (max(r["x0"], 0), max(r["top"], 0), min(r["x1"], page.width),
                    min(r["bottom"], page.height))
            text = page.within_bbox(bbox).extract_text() or ""
            texts.append(dehyphen(text))
        texts.append(dehyphen(page.extract_text() or ""))
    return texts


def dehyphen(text: str) -> str:
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    return norm(text)


def check_rendered(p: Poster, pdf: Path) -> None:
    texts = box_texts(pdf)
    for phrase in [*p.gold["anchors"], *p.gold.get("context_phrases", [])]:
        if not any(phrase in t for t in texts):
            raise BuildError(f"{p.stem}: phrase not found in rendered PDF: {phrase!r}")


def check_with_common(p: Poster, pdf: Path) -> None:
    """Run the shared corpus check (pdftotext -raw) when corpus/common.py is available."""
    common = _shared_common()
    if common is None:
        return
    problems = common.check_gold_against_text(gold_record(p), pdf)
    if problems:
        raise BuildError(f"{p.stem}: " + "; ".join(problems))


# ---------------------------------------------------------------------------------------------
# Scanned poster


def scan(vector_pdf: Path, out: Path, seed: int) -> None:
    """Rasterise at 200 dpi, degrade a little, and write an image-only PDF."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    doc = pdfium.PdfDocument(str(vector_pdf))
    page = doc[0]
    w_pt, h_pt = page.get_size()
    img = page.render(scale=200 / 72).to_pil().convert("L")
    doc.close()
    img = img.rotate(0.35, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=250)
    img = img.filter(ImageFilter.GaussianBlur(0.5))
    rng = np.random.default_rng(seed)
    arr = np.asarray(img, dtype=np.int16)
    arr = arr + rng.normal(0, 7, arr.shape).round().astype(np.int16)
    arr = np.clip(arr * 0.94 + 8, 0, 255).astype(np.uint8)  # slightly greyer paper, lighter ink
    img = Image.fromarray(arr, mode="L")
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=82, optimize=False)
    buf.seek(0)
    c = canvas.Canvas(str(out), pagesize=(w_pt, h_pt), invariant=1)
    c.setAuthor(META_AUTHOR)
    c.setCreator("Skanner")
    c.setProducer("Skanner")
    c.drawImage(ImageReader(buf), 0, 0, width=w_pt, height=h_pt)
    c.showPage()
    c.save()


def ocr_check(p: Poster, pdf: Path) -> list[str]:
    """OCR the scanned PDF with Tesseract (swe); return the anchors it does not find."""
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory() as tmp:
        doc = pdfium.PdfDocument(str(pdf))
        png = Path(tmp) / "page.png"
        doc[0].render(scale=200 / 72).to_pil().save(png)
        doc.close()
        res = subprocess.run(
            ["tesseract", str(png), "-", "-l", "swe"], capture_output=True, text=True,
            check=True, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
        )
    text = dehyphen(res.stdout)
    return [a for a in p.gold["anchors"] if a not in text]


# ---------------------------------------------------------------------------------------------
# Gold


def gold_record(p: Poster) -> dict[str, Any]:
    g = p.gold
    example = {
        "title": p.title,
        "team": g.get("team"),
        "municipalities": g["municipalities"],
        "places": g.get("places", []),
        "focus_areas": g["focus_areas"],
        "interventions": g["interventions"],
        "actors": g.get("actors", []),
        "persons": [{"name": x["name"], "role": x.get("role")} for x in g.get("persons", [])],
        "inspired_by": g.get("inspired_by", []),
        "stage": g.get("stage"),
        "anchors": g["anchors"],
        "pages": [1],
    }
    return {
        "file": f"{p.stem}.pdf",
        "kind": "poster",
        "title": p.title,
        "date": str(p.date),
        "pages": 1,
        "generator": p.generator,
        "page_size": p.page_size,
        "orientation": p.get("orientation", "portrait"),
        "scanned": bool(p.get("scanned")),
        "examples": [example],
        "context_phrases": g.get("context_phrases", []),
    }


def write_gold_file(path: Path, data: dict[str, Any]) -> None:
    common = _shared_common()
    if common is None:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        common.write_gold(path, data)


def _shared_common() -> Any:
    """corpus/common.py, or None where it is not there (this script also runs on its own);
    its parent is put on the import path once."""
    if str(ROOT.parent) not in sys.path:
        sys.path.insert(0, str(ROOT.parent))
    try:
        from corpus import common  # type: ignore[import-not-found]
    except ImportError:
        return None
    return common


# ---------------------------------------------------------------------------------------------


def build(p: Poster, ocr: bool = False) -> Path:
    validate_gold(p)
    out = PDF_DIR / f"{p.stem}.pdf"
    render = {"reportlab": render_reportlab, "weasyprint": render_weasyprint}[p.generator]
    if p.get("scanned"):
        with tempfile.TemporaryDirectory() as tmp:
            vector = Path(tmp) / "vector.pdf"
            render(p, vector)
            check_rendered(p, vector)
            scan(vector, out, seed=sum(map(ord, p.stem)))
        if ocr:
            missing = ocr_check(p, out)
            if missing:
                raise BuildError(f"{p.stem}: OCR misses anchors {missing}")
    else:
        render(p, out)
        check_rendered(p, out)
        check_with_common(p, out)
    write_gold_file(GOLD_DIR / f"{p.stem}.json", gold_record(p))
    return out


def load_all() -> list[Poster]:
    return [load_poster(path) for path in sorted(SOURCES.glob("*.yaml"))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Bygg exempelaffischerna i corpus/pdf/.")
    ap.add_argument("--only", action="append", help="bygg bara denna stam (kan upprepas)")
    ap.add_argument("--ocr-check", action="store_true", help="kontrollera skannade med Tesseract")
    args = ap.parse_args(argv)
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    GOLD_DIR.mkdir(parents=True, exist_ok=True)
    posters = load_all()
    if args.only:
        posters = [p for p in posters if p.stem in args.only]
    failed = 0
    for p in posters:
        try:
            out = build(p, ocr=args.ocr_check)
        except BuildError as exc:
            print(f"FEL {exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"{out.relative_to(ROOT.parent)}  {p.generator} {p.page_size}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
