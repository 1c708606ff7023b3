#!/usr/bin/env python3
"""Build the blind poster set (blind-affisch-*): 4 PPTX + 2 ODP posters, exported to PDF
with LibreOffice, plus one gold JSON per PDF.

Texts and gold live in posters.yaml next to this script; the layouts are below.
Run from the repository root:

    .venv/bin/python benchmarks/blind/extraction/build_posters.py

The script fails loudly when an export is missing, when a page is not the size the gold says,
or when an anchor / context phrase is not in the PDF text (pdftotext, raw and -layout).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
GOLD = HERE / "gold"

FONT_PPTX = "Arial"            # rendered by LibreOffice as Liberation Sans
FONT_ODP = "Liberation Sans"

SIZES_MM = {("A3", "portrait"): (297, 420), ("A3", "landscape"): (420, 297),
            ("A4", "portrait"): (210, 297), ("A4", "landscape"): (297, 210)}


# --------------------------------------------------------------------------------------------
# PPTX helpers
# --------------------------------------------------------------------------------------------
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Mm, Pt


def rgb(h: str) -> RGBColor:
    return RGBColor.from_string(h.lstrip("#"))


def _bullet(p, size_pt: float, char: str = "•"):
    pPr = p._p.get_or_add_pPr()
    ind = int(Pt(size_pt * 1.1))
    pPr.set("marL", str(ind))
    pPr.set("indent", str(-ind))
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum"):
        for el in pPr.findall(qn(tag)):
            pPr.remove(el)
    font = pPr.makeelement(qn("a:buFont"), {"typeface": FONT_PPTX})
    bu = pPr.makeelement(qn("a:buChar"), {"char": char})
    pPr.append(font)
    pPr.append(bu)


def fill_tf(tf, paras, size=14, color="222222", head=None, head_size=None, head_color=None,
            align=None, space=6, bullets="real", font=FONT_PPTX):
    """Write paragraphs into a text frame. '- x' is a bullet, '**x**' is bold."""
    tf.word_wrap = True
    items = []
    if head:
        items.append(("head", head))
    items += [("p", x) for x in paras]
    first = True
    for kind, text in items:
        p = tf.paragraphs[0] if first else tf.add_paragraph()
        first = False
        bold = False
        bullet = False
        if kind == "head":
            bold, sz, col = True, head_size or size * 1.35, head_color or color
        else:
            sz, col = size, color
            if text.startswith("- "):
                bullet = True
                text = text[2:]
            if text.startswith("**") and text.endswith("**"):
                bold, text = True, text[2:-2]
        p.space_after = Pt(space if kind == "p" else space * 0.7)
        if align is not None:
            p.alignment = align
        if bullet:
            if bullets == "real":
                _bullet(p, sz)
            else:                      # typed bullet, as many people do
                text = "• " + text
        r = p.add_run()
        r.text = text
        r.font.size = Pt(sz)
        r.font.bold = bold
        r.font.name = font
        r.font.color.rgb = rgb(col)
    return tf


def textbox(slide, x, y, w, h, paras, margin=2.0, **kw):
    tb = slide.shapes.add_textbox(Mm(x), Mm(y), Mm(w), Mm(h))
    tf = tb.text_frame
    tf.margin_left = tf.margin_right = Mm(margin)
    tf.margin_top = tf.margin_bottom = Mm(margin * 0.6)
    tf.vertical_anchor = MSO_ANCHOR.TOP
    fill_tf(tf, paras, **kw)
    return tb


def shape(slide, kind, x, y, w, h, fill=None, line=None, line_w=1.0, paras=None,
          anchor=MSO_ANCHOR.TOP, margin=4.0, **kw):
    sp = slide.shapes.add_shape(kind, Mm(x), Mm(y), Mm(w), Mm(h))
    if fill:
        sp.fill.solid()
        sp.fill.fore_color.rgb = rgb(fill)
    else:
        sp.fill.background()
    if line:
        sp.line.color.rgb = rgb(line)
        sp.line.width = Pt(line_w)
    else:
        sp.line.fill.background()
    style = sp._element.find(qn("p:style"))      # drop the theme style (its text shadow)
    if style is not None:
        sp._element.remove(style)
    tf = sp.text_frame
    tf.margin_left = tf.margin_right = Mm(margin)
    tf.margin_top = tf.margin_bottom = Mm(margin * 0.7)
    tf.vertical_anchor = anchor
    if paras is not None:
        fill_tf(tf, paras, **kw)
    if kind == MSO_SHAPE.ROUNDED_RECTANGLE:
        sp.adjustments[0] = 0.06
    return sp


def new_pres(size, orient):
    w, h = SIZES_MM[(size, orient)]
    prs = Presentation()
    prs.slide_width, prs.slide_height = Mm(w), Mm(h)
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    return prs, slide


# --------------------------------------------------------------------------------------------
# PPTX posters
# --------------------------------------------------------------------------------------------
def pptx_narvaro(t, out):
    """A3 portrait. Banner, boxes of different widths, a table, real bullets, a date box
    lying across the banner's edge."""
    prs, s = new_pres("A3", "portrait")
    NAVY, TEAL, LIGHT, SAND = "1F3A5F", "2A9D8F", "E8F1F8", "FFF4E0"
    textbox(s, 12, 4, 200, 10, [t["programme"]], size=13, color="555555")
    shape(s, MSO_SHAPE.RECTANGLE, 0, 15, 297, 58, fill=NAVY,
          paras=[t["team_line"]], head=t["title"], head_size=40, size=20, color="FFFFFF",
          head_color="FFFFFF", anchor=MSO_ANCHOR.MIDDLE, margin=12)
    # date box overlapping the banner's lower edge
    shape(s, MSO_SHAPE.ROUNDED_RECTANGLE, 222, 64, 62, 16, fill=TEAL,
          paras=[t["date_line"]], size=20, color="FFFFFF", anchor=MSO_ANCHOR.MIDDLE,
          align=PP_ALIGN.CENTER, margin=2)
    # Bakgrund: light box with the text box put on it, a little off its edge
    shape(s, MSO_SHAPE.RECTANGLE, 12, 88, 150, 78, fill=LIGHT)
    textbox(s, 16, 84, 144, 80, t["bakgrund"], head="Bakgrund", size=15, head_color=NAVY,
            space=8)
    # Syfte/Mål: narrower, outlined
    shape(s, MSO_SHAPE.ROUNDED_RECTANGLE, 170, 88, 115, 78, line=TEAL, line_w=2.5,
          paras=t["syfte"], head="Syfte/Mål", size=15, head_color=TEAL, space=8)
    # Vad gjorde vi: full width
    textbox(s, 12, 174, 273, 100, t["metod"], head="Vad gjorde vi?", size=15,
            head_color=NAVY, space=8, margin=3)
    # Mätningar: heading + table + note
    textbox(s, 12, 274, 165, 12, [], head="Mätningar", size=15, head_color=NAVY)
    rows, cols = len(t["table"]), len(t["table"][0])
    tbl = s.shapes.add_table(rows, cols, Mm(14), Mm(288), Mm(160), Mm(8 * rows)).table
    for c, wmm in enumerate([28, 52, 36, 44]):
        tbl.columns[c].width = Mm(wmm)
    for r, row in enumerate(t["table"]):
        for c, val in enumerate(row):
            cell = tbl.cell(r, c)
            cell.text = ""
            p = cell.text_frame.paragraphs[0]
            run = p.add_run()
            run.text = val
            run.font.size = Pt(13)
            run.font.name = FONT_PPTX
            run.font.bold = r == 0
            if r == 0:
                run.font.color.rgb = rgb("FFFFFF")
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(NAVY)
            else:
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb("FFFFFF" if r % 2 else LIGHT)
                run.font.color.rgb = rgb("222222")
    textbox(s, 12, 288 + 8 * rows + 10, 165, 12, [t["table_note"]], size=12, color="555555")
    # Lärdomar: narrow box on the right, coloured
    shape(s, MSO_SHAPE.RECTANGLE, 185, 280, 100, 86, fill=SAND,
          paras=t["lardomar"], head="Lärdomar", size=14, head_color="A0522D", space=7)
    # Nästa steg + Kontakt
    shape(s, MSO_SHAPE.RECTANGLE, 12, 348, 165, 44, fill=LIGHT,
          paras=t["nasta"], head="Nästa steg", size=14, head_color=NAVY)
    textbox(s, 185, 368, 100, 30, t["kontakt"], head="Kontakt", size=12, head_color=NAVY,
            space=2)
    # footer / logo line
    shape(s, MSO_SHAPE.RECTANGLE, 0, 402, 297, 18, fill=NAVY)
    textbox(s, 10, 405, 150, 10, [t["footer_left"]], size=12, color="FFFFFF")
    textbox(s, 160, 405, 127, 10, [t["footer_right"]], size=12, color="FFFFFF",
            align=PP_ALIGN.RIGHT)
    prs.save(out)


def pptx_hembesok(t, out):
    """A3 landscape. Title in a shape, a grey picture placeholder, three columns of unequal
    width, a coach line that is context, typed bullets."""
    prs, s = new_pres("A3", "landscape")
    PLUM, ROSE, PALE = "6A2C70", "B83B5E", "FBEFF3"
    shape(s, MSO_SHAPE.RECTANGLE, 0, 0, 420, 52, fill=PLUM,
          paras=[t["subtitle"], t["team_line"]], head=t["title"], head_size=40, size=18,
          color="FFFFFF", head_color="FFFFFF", anchor=MSO_ANCHOR.MIDDLE, margin=14, space=3)
    textbox(s, 300, 2, 118, 9, [t["programme"]], size=11, color="F3D9E6",
            align=PP_ALIGN.RIGHT)
    # column 1 (wide)
    shape(s, MSO_SHAPE.ROUNDED_RECTANGLE, 12, 62, 150, 92, fill=PALE,
          paras=t["bakgrund"], head="Bakgrund", size=15, head_color=PLUM, space=6)
    shape(s, MSO_SHAPE.ROUNDED_RECTANGLE, 12, 160, 150, 52, line=ROSE, line_w=2,
          paras=t["syfte"], head="Syfte och mål", size=15, head_color=ROSE, space=6)
    # contact band in column 1, the text box lying across its upper edge
    shape(s, MSO_SHAPE.RECTANGLE, 12, 220, 150, 54, fill=PLUM)
    textbox(s, 16, 223, 142, 48, t["kontakt"], head="Kontakt", size=13,
            head_color="FFFFFF", color="FFFFFF", space=2)
    # column 2 (narrow): what we did, as running text, and the picture placeholder
    shape(s, MSO_SHAPE.RECTANGLE, 170, 62, 118, 6, fill=ROSE)
    textbox(s, 170, 70, 118, 140, t["metod"], head="Så gör vi", size=16,
            head_color=PLUM, space=8)
    shape(s, MSO_SHAPE.RECTANGLE, 170, 212, 118, 62, fill="BFBFBF", paras=[t["bild"]],
          size=20, color="595959", anchor=MSO_ANCHOR.MIDDLE, align=PP_ALIGN.CENTER)
    # column 3
    shape(s, MSO_SHAPE.ROUNDED_RECTANGLE, 296, 62, 112, 80, fill=PALE,
          paras=t["matning"], head="Mätningar", size=14, head_color=PLUM, space=5,
          bullets="typed")
    textbox(s, 296, 148, 112, 52, t["lardomar"], head="Lärdomar", size=14,
            head_color=ROSE, space=5)
    textbox(s, 296, 204, 112, 50, t["nasta"], head="Nästa steg", size=14,
            head_color=ROSE, space=5)
    textbox(s, 296, 258, 112, 12, [t["coach"]], size=11, color="555555")
    textbox(s, 12, 281, 396, 10, [t["footer"]], size=11, color="6A2C70",
            align=PP_ALIGN.CENTER)
    prs.save(out)


def make_png(path):
    """A small generated illustration: a table with books and a cup."""
    from PIL import Image, ImageDraw
    im = Image.new("RGB", (640, 400), "#F6E9D7")
    d = ImageDraw.Draw(im)
    d.rectangle([0, 280, 640, 400], fill="#B08968")
    colours = ["#2A9D8F", "#E76F51", "#264653", "#E9C46A", "#8AB17D"]
    x = 70
    for i, c in enumerate(colours):
        h = 150 + (i * 37) % 70
        d.rectangle([x, 280 - h, x + 42, 280], fill=c, outline="#333333", width=3)
        d.line([x + 8, 280 - h + 20, x + 34, 280 - h + 20], fill="#FFFFFF", width=4)
        x += 48
    d.ellipse([430, 190, 540, 215], fill="#FFFFFF", outline="#333333", width=3)
    d.rectangle([435, 200, 535, 280], fill="#FFFFFF", outline="#333333", width=3)
    d.arc([520, 215, 575, 260], -90, 90, fill="#333333", width=6)
    for k in range(3):
        d.arc([455 + 20 * k, 120, 480 + 20 * k, 185], 200, 340, fill="#9C6644", width=4)
    im.save(path)


def pptx_laxcafe(t, out):
    """A4 portrait. Banner, a generated picture, boxes of different widths, a Kontakt box
    with e-mail and phone, footer 'Region Jönköpings län · 2022' is the only date."""
    prs, s = new_pres("A4", "portrait")
    GREEN, DARK, CREAM = "3A7D44", "1E3F24", "F1F7EE"
    shape(s, MSO_SHAPE.RECTANGLE, 0, 0, 210, 36, fill=GREEN, paras=[t["team_line"]],
          head=t["title"], head_size=26, size=12, color="FFFFFF", head_color="FFFFFF",
          anchor=MSO_ANCHOR.MIDDLE, margin=8, space=2)
    # picture on the right, overlapping the banner a little
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "laxcafe.png"
        make_png(png)
        s.shapes.add_picture(str(png), Mm(128), Mm(30), Mm(72), Mm(45))
    textbox(s, 8, 42, 116, 50, t["bakgrund"], head="Bakgrund", size=10,
            head_color=GREEN, space=4)
    shape(s, MSO_SHAPE.ROUNDED_RECTANGLE, 8, 96, 194, 62, fill=CREAM,
          paras=t["metod"], head="Så gick det till", size=10.5, head_color=DARK, space=5)
    shape(s, MSO_SHAPE.ROUNDED_RECTANGLE, 8, 163, 92, 40, line=GREEN, line_w=1.5,
          paras=t["resultat"], head="Resultat", size=10, head_color=GREEN, space=3)
    textbox(s, 106, 163, 96, 42, t["lardomar"], head="Lärdomar", size=10,
            head_color=GREEN, space=4)
    shape(s, MSO_SHAPE.RECTANGLE, 8, 210, 120, 40, fill=CREAM, paras=t["nasta"],
          head="Nästa steg", size=10, head_color=DARK, space=4)
    shape(s, MSO_SHAPE.RECTANGLE, 134, 210, 68, 62, fill=GREEN, paras=t["kontakt"],
          head="Kontakt", size=9.5, color="FFFFFF", head_color="FFFFFF", space=1)
    shape(s, MSO_SHAPE.RECTANGLE, 0, 280, 210, 17, fill="EEEEEE")
    textbox(s, 6, 283, 120, 8, [t["footer_left"]], size=9, color="3A7D44")
    textbox(s, 130, 283, 76, 8, [t["footer_right"]], size=9, color="555555",
            align=PP_ALIGN.RIGHT)
    prs.save(out)


def pptx_rastkompisar(t, out):
    """A4 landscape, no date anywhere. Title banner on the left, a round badge overlapping
    the banner, free boxes, Kontakt with e-mail and phone."""
    prs, s = new_pres("A4", "landscape")
    ORANGE, BLUE, PALE = "E76F51", "264653", "FDF0EA"
    shape(s, MSO_SHAPE.RECTANGLE, 0, 0, 297, 30, fill=ORANGE, paras=[t["team_line"]],
          head=t["title"], head_size=24, size=13, color="FFFFFF", head_color="FFFFFF",
          anchor=MSO_ANCHOR.MIDDLE, margin=8, space=2)
    shape(s, MSO_SHAPE.OVAL, 250, 16, 38, 24, fill=BLUE, paras=[t["badge"]], size=10,
          color="FFFFFF", anchor=MSO_ANCHOR.MIDDLE, align=PP_ALIGN.CENTER, margin=1)
    shape(s, MSO_SHAPE.ROUNDED_RECTANGLE, 8, 38, 110, 62, fill=PALE, paras=t["bakgrund"],
          head="Bakgrund", size=10, head_color=ORANGE, space=4)
    textbox(s, 8, 104, 110, 36, t["syfte"], head="Syfte", size=10, head_color=ORANGE,
            space=4)
    shape(s, MSO_SHAPE.RECTANGLE, 124, 44, 88, 96, line=BLUE, line_w=1.5, paras=t["metod"],
          head="Så ska vi göra", size=10, head_color=BLUE, space=5)
    textbox(s, 218, 44, 72, 62, t["matning"], head="Så mäter vi", size=10,
            head_color=ORANGE, space=3)
    shape(s, MSO_SHAPE.ROUNDED_RECTANGLE, 8, 146, 140, 36, fill=PALE, paras=t["nasta"],
          head="Nästa steg", size=10, head_color=ORANGE, space=4)
    shape(s, MSO_SHAPE.RECTANGLE, 156, 146, 134, 36, fill=BLUE, paras=t["kontakt"],
          head="Kontakt", size=9.5, color="FFFFFF", head_color="FFFFFF", space=1)
    textbox(s, 8, 192, 282, 8, [t["footer"]], size=8.5, color="777777",
            align=PP_ALIGN.CENTER)
    prs.save(out)


# --------------------------------------------------------------------------------------------
# ODP helpers (odfpy)
# --------------------------------------------------------------------------------------------
from odf.draw import CustomShape, EnhancedGeometry, Frame, Page, TextBox
from odf.opendocument import OpenDocumentPresentation
from odf.style import (DrawingPageProperties, GraphicProperties, ListLevelProperties,
                       MasterPage, PageLayout, PageLayoutProperties, ParagraphProperties,
                       Style, TextProperties)
from odf.text import List, ListItem, ListLevelStyleBullet, ListStyle, P


class OdpPoster:
    def __init__(self, size, orient):
        w, h = SIZES_MM[(size, orient)]
        self.doc = OpenDocumentPresentation()
        pl = PageLayout(name="PM1")
        pl.addElement(PageLayoutProperties(pagewidth=f"{w / 10}cm", pageheight=f"{h / 10}cm",
                                           printorientation=orient, margin="0cm"))
        self.doc.automaticstyles.addElement(pl)
        dp = Style(name="dp1", family="drawing-page")
        dp.addElement(DrawingPageProperties(fill="solid", fillcolor="#FFFFFF",
                                            backgroundsize="full"))
        self.doc.automaticstyles.addElement(dp)
        mp = MasterPage(name="Poster", pagelayoutname=pl)
        self.doc.masterstyles.addElement(mp)
        self.page = Page(name="Affisch", masterpagename=mp, stylename=dp)
        self.doc.presentation.addElement(self.page)
        self._n = 0
        self._cache = {}
        ls = ListStyle(name="LB")
        lvl = ListLevelStyleBullet(level="1", bulletchar="•")
        lvl.addElement(ListLevelProperties(spacebefore="0cm", minlabelwidth="0.55cm"))
        lvl.addElement(TextProperties(fontfamily=FONT_ODP))
        ls.addElement(lvl)
        self.doc.automaticstyles.addElement(ls)
        self.list_style = ls

    def _style(self, key, family, *props):
        if key in self._cache:
            return self._cache[key]
        self._n += 1
        st = Style(name=f"s{self._n}", family=family)
        for pr in props:
            st.addElement(pr)
        self.doc.automaticstyles.addElement(st)
        self._cache[key] = st
        return st

    def gstyle(self, fill=None, stroke=None, stroke_w="0.08cm", valign="top", pad="0.3cm"):
        kw = dict(textareaverticalalign=valign, paddingtop=pad, paddingbottom=pad,
                  paddingleft=pad, paddingright=pad, autogrowheight="false",
                  autogrowwidth="false", wrapoption="wrap",
                  shadow="hidden")
        kw.update(fill="solid", fillcolor=fill) if fill else kw.update(fill="none")
        kw.update(stroke="solid", strokecolor=stroke, strokewidth=stroke_w) \
            if stroke else kw.update(stroke="none")
        return self._style(("g", fill, stroke, stroke_w, valign, pad), "graphic",
                           GraphicProperties(**kw))

    def pstyle(self, size, color="#222222", bold=False, align="start", after="0.2cm"):
        return self._style(("p", size, color, bold, align, after), "paragraph",
                           ParagraphProperties(textalign=align, marginbottom=after,
                                               margintop="0cm"),
                           TextProperties(fontfamily=FONT_ODP, fontsize=f"{size}pt",
                                          color=color,
                                          fontweight="bold" if bold else "normal"))

    def _fill(self, el, paras, size, color, head, head_size, head_color, align, after):
        if head:
            el.addElement(P(stylename=self.pstyle(head_size or round(size * 1.35, 1),
                                                  head_color or color, True, align, after),
                            text=head))
        lst = None
        for text in paras:
            bold = False
            if text.startswith("**") and text.endswith("**"):
                bold, text = True, text[2:-2]
            st = self.pstyle(size, color, bold, align, after)
            if text.startswith("- "):
                if lst is None:
                    lst = List(stylename=self.list_style)
                    el.addElement(lst)
                li = ListItem()
                li.addElement(P(stylename=st, text=text[2:]))
                lst.addElement(li)
            else:
                lst = None
                el.addElement(P(stylename=st, text=text))

    def rect(self, x, y, w, h, fill=None, stroke=None, paras=(), size=14, color="#222222",
             head=None, head_size=None, head_color=None, align="start", after="0.2cm",
             valign="top", ellipse=False, corner=None):
        # LibreOffice writes drawn rectangles and ellipses as custom shapes
        kw = dict(stylename=self.gstyle(fill, stroke, valign=valign), x=f"{x / 10}cm",
                  y=f"{y / 10}cm", width=f"{w / 10}cm", height=f"{h / 10}cm")
        el = CustomShape(**kw)
        self._fill(el, list(paras), size, color, head, head_size, head_color, align, after)
        if ellipse:
            geo = EnhancedGeometry(type="ellipse", viewbox="0 0 21600 21600")
        elif corner:
            geo = EnhancedGeometry(type="round-rectangle", viewbox="0 0 21600 21600",
                                   modifiers="1800")
        else:
            geo = EnhancedGeometry(type="rectangle", viewbox="0 0 21600 21600")
        el.addElement(geo)
        self.page.addElement(el)
        return el

    def text(self, x, y, w, h, paras, size=14, color="#222222", head=None, head_size=None,
             head_color=None, align="start", after="0.2cm"):
        fr = Frame(stylename=self.gstyle(pad="0.15cm"), x=f"{x / 10}cm", y=f"{y / 10}cm",
                   width=f"{w / 10}cm", height=f"{h / 10}cm")
        tb = TextBox()
        fr.addElement(tb)
        self._fill(tb, list(paras), size, color, head, head_size, head_color, align, after)
        self.page.addElement(fr)
        return fr

    def save(self, path):
        self.doc.save(str(path))


# --------------------------------------------------------------------------------------------
# ODP posters
# --------------------------------------------------------------------------------------------
def odp_foraldrakvall(t, out):
    """A3 portrait. Programme banner on top, title banner, a round 'five languages' badge
    overlapping the banner, boxes of different widths, list bullets."""
    d = OdpPoster("A3", "portrait")
    BLUE, YEL, PALE, GREY = "#0B5394", "#F1C232", "#EAF2FB", "#F3F3F3"
    d.rect(0, 0, 297, 14, fill="#073763", paras=[t["programme"]], size=13, color="#FFFFFF",
           align="center", valign="middle")
    d.rect(0, 14, 297, 56, fill=BLUE, paras=[t["team_line"], t["date_line"]], size=20,
           color="#FFFFFF", head=t["title"], head_size=38, valign="middle", after="0.25cm")
    d.rect(236, 52, 48, 32, fill=YEL, ellipse=True,
           paras=["arabiska · dari · somaliska · tigrinja · svenska"], size=14,
           color="#222222", align="center", valign="middle")
    d.rect(12, 80, 170, 66, fill=PALE, paras=t["bakgrund"], head="Bakgrund", size=17,
           head_color=BLUE, corner="0.4cm")
    d.rect(190, 92, 95, 66, stroke=BLUE, paras=t["syfte"], head="Syfte", size=17,
           head_color=BLUE)
    d.text(12, 154, 172, 126, t["metod"], head="Vad gjorde vi?", size=17, head_color=BLUE,
           after="0.3cm")
    d.rect(192, 166, 93, 112, fill=GREY, paras=t["resultat"], head="Resultat", size=16,
           head_color=BLUE, after="0.25cm")
    d.rect(12, 286, 130, 66, fill="#FFF8E1", paras=t["lardomar"], head="Lärdomar", size=16,
           head_color="#B45F06", after="0.25cm")
    d.text(150, 286, 135, 58, t["nasta"], head="Nästa steg", size=16, head_color=BLUE)
    d.rect(150, 346, 135, 50, stroke="#B7B7B7", paras=t["kontakt"], head="Kontakt",
           size=14, head_color=BLUE, after="0.1cm")
    d.rect(0, 404, 297, 16, fill="#073763", paras=[t["footer"]], size=12, color="#FFFFFF",
           align="end", valign="middle")
    d.save(out)


def odp_prova_pa(t, out):
    """A4 landscape. Title banner, a side column, 'vt 2024' in the team line."""
    d = OdpPoster("A4", "landscape")
    RED, NAVY, PALE = "#C0392B", "#1B2631", "#FDEDEC"
    d.rect(0, 0, 297, 28, fill=RED, paras=[t["team_line"]], size=13, color="#FFFFFF",
           head=t["title"], head_size=26, valign="middle", after="0.1cm")
    d.rect(8, 34, 96, 58, fill=PALE, paras=t["bakgrund"], head="Bakgrund", size=10,
           head_color=RED, corner="0.3cm", after="0.15cm")
    d.rect(8, 96, 96, 36, stroke=RED, paras=t["syfte"], head="Mål", size=10,
           head_color=RED, after="0.15cm")
    d.text(110, 34, 104, 98, t["metod"], head="Vad gör vi?", size=12, head_color=NAVY,
           after="0.25cm")
    d.rect(220, 34, 70, 58, fill="#EAECEE", paras=t["resultat"], head="Hittills",
           size=10, head_color=NAVY, after="0.15cm")
    d.text(220, 96, 70, 44, t["lardomar"], head="Lärdomar", size=10, head_color=RED,
           after="0.15cm")
    d.rect(8, 140, 150, 28, fill=PALE, paras=t["nasta"], head="Nästa steg", size=10,
           head_color=RED, after="0.15cm")
    d.rect(166, 142, 124, 36, fill=NAVY, paras=t["kontakt"], head="Kontakt", size=10,
           color="#FFFFFF", head_color="#FFFFFF", after="0.05cm")
    d.text(8, 186, 180, 9, [t["footer"]], size=9, color="#C0392B")
    d.text(8, 194, 180, 9, [t["footer2"]], size=9, color="#555555")
    d.save(out)


BUILDERS = {
    "blind-affisch-narvaro-anderstorp": pptx_narvaro,
    "blind-affisch-hembesok-skillingaryd": pptx_hembesok,
    "blind-affisch-laxcafe-eksjo": pptx_laxcafe,
    "blind-affisch-rastkompisar-habo": pptx_rastkompisar,
    "blind-affisch-foraldrakvall-savsjo": odp_foraldrakvall,
    "blind-affisch-prova-pa-mullsjo": odp_prova_pa,
}


# --------------------------------------------------------------------------------------------
# export and checks
# --------------------------------------------------------------------------------------------
def export_pdf(src: Path) -> Path:
    pdf = src.with_suffix(".pdf")
    if pdf.exists():
        pdf.unlink()
    profile = Path(tempfile.mkdtemp(prefix="lo-blindposter-"))
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(src.parent), str(src)],
                       check=False, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise SystemExit(f"FAIL: LibreOffice did not produce {pdf.name}")
    return pdf


def pdftotext(pdf: Path, layout: bool) -> str:
    cmd = ["pdftotext"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def variants(text: str) -> list[str]:
    """The text with line breaks ignored: hyphen at line end dropped, or kept."""
    text = text.replace("\u00ad", "").replace("\u00a0", " ")
    out = []
    for joined in (re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text),
                   re.sub(r"-\s*\n\s*", "-", text)):
        out.append(re.sub(r"\s+", " ", joined))
    return out


def contains(text_variants, phrase) -> bool:
    p = re.sub(r"\s+", " ", phrase.replace("\u00a0", " ")).strip()
    return any(p in v for v in text_variants)


def pdf_info(pdf: Path) -> dict:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                         text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    w, h = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", out, re.M).groups())
    return {"pages": pages, "w_mm": w * 25.4 / 72, "h_mm": h * 25.4 / 72}


MUNICIPALITIES = {"Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping", "Mullsjö",
                  "Nässjö", "Sävsjö", "Tranås", "Vaggeryd", "Vetlanda", "Värnamo"}
FOCUS = {"Fullföljda studier", "Psykisk hälsa", "Fysisk aktivitet"}
ACTORS = {"skola", "förskola", "socialtjänst", "fritid", "barnhälsovård", "mödrahälsovård",
          "familjecentral", "elevhälsa", "vårdcentral", "habilitering", "förening",
          "civilsamhälle", "barn och unga", "vårdnadshavare", "region", "bibliotek",
          "barn- och ungdomspsykiatri", "ungdomsmottagning", "polis", "öppen förskola"}
STAGES = {"planerad", "startad", "pågående", "avslutad"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_vocabulary(g) -> list[str]:
    errors = []
    for key, allowed in (("municipalities", MUNICIPALITIES), ("focus_areas", FOCUS),
                         ("actors", ACTORS)):
        for v in g[key]:
            if v not in allowed:
                errors.append(f"{key}: {v!r} is not in the gold vocabulary")
    if g["stage"] not in STAGES:
        errors.append(f"stage {g['stage']!r}")
    if g["date"] is not None and not DATE_RE.match(g["date"]):
        errors.append(f"date {g['date']!r}")
    for p in g["persons"]:
        if set(p) != {"name", "role"} or p["role"] != p["role"].lower():
            errors.append(f"person {p!r}")
    for v in g["interventions"]:
        if v != v.lower():
            errors.append(f"intervention not lowercase: {v!r}")
    return errors


def check(poster, pdf: Path) -> list[str]:
    g = poster["gold"]
    errors = check_vocabulary(g)
    info = pdf_info(pdf)
    if info["pages"] != 1:
        errors.append(f"pages {info['pages']} != 1")
    w, h = SIZES_MM[(poster["page_size"], poster["orientation"])]
    if abs(info["w_mm"] - w) > 2 or abs(info["h_mm"] - h) > 2:
        errors.append(f"page {info['w_mm']:.0f}x{info['h_mm']:.0f} mm, expected {w}x{h}")
    raw, lay = variants(pdftotext(pdf, False)), variants(pdftotext(pdf, True))
    words = len(pdftotext(pdf, False).split())
    if not 200 <= words <= 420:
        errors.append(f"{words} words in the PDF text, expected about 200-400")
    anchors = g["anchors"]
    if not 3 <= len(anchors) <= 5:
        errors.append(f"{len(anchors)} anchors")
    for a in anchors:
        n = len(a.split())
        if not 4 <= n <= 10:
            errors.append(f"anchor has {n} words: {a!r}")
    if not 2 <= len(g["context_phrases"]) <= 4:
        errors.append(f"{len(g['context_phrases'])} context phrases")
    for kind, phrases in (("anchor", anchors), ("context", g["context_phrases"]),
                          ("title", [g["title"]])):
        for ph in phrases:
            for name, tv in (("raw", raw), ("layout", lay)):
                if not contains(tv, ph):
                    errors.append(f"{kind} not in pdftotext {name}: {ph!r}")
    # anchors are spread: the first comes from the first box, the last from the last box
    body = " ".join(x if isinstance(x, str) else " ".join(x)
                    for k, v in poster["texts"].items() if isinstance(v, list) for x in v)
    pos = [body.find(a) for a in anchors]
    if -1 in pos:
        errors.append("anchor not in the poster's own box texts: "
                      + repr(anchors[pos.index(-1)]))
    for cp in g["context_phrases"]:
        if cp in body:
            errors.append(f"context phrase inside the example's boxes: {cp!r}")
    return errors


def gold_json(poster, pdf: Path) -> dict:
    g = poster["gold"]
    src = pdf.with_suffix("." + poster["producer"])
    ex = {k: g[k] for k in ("title", "team", "municipalities", "places", "focus_areas",
                            "interventions", "actors", "persons", "inspired_by", "stage",
                            "anchors")}
    ex["pages"] = [1]
    return {
        "file": pdf.name,
        "source": src.name,
        "kind": "poster",
        "title": g["title"],
        "date": g["date"],
        "pages": 1,
        "generator": "libreoffice",
        "page_size": poster["page_size"],
        "orientation": poster["orientation"],
        "scanned": False,
        "examples": [ex],
        "context_phrases": g["context_phrases"],
    }


def main(argv):
    only = set(argv[1:])
    posters = yaml.safe_load((HERE / "posters.yaml").read_text(encoding="utf-8"))
    FILES.mkdir(exist_ok=True)
    GOLD.mkdir(exist_ok=True)
    failed = False
    for poster in posters:
        stem = poster["stem"]
        if only and stem not in only:
            continue
        src = FILES / f"{stem}.{poster['producer']}"
        BUILDERS[stem](poster["texts"], src)
        pdf = export_pdf(src)
        errors = check(poster, pdf)
        if errors:
            failed = True
            (GOLD / f"{stem}.json").unlink(missing_ok=True)   # no stale gold
            print(f"FAIL {pdf.name}")
            for e in errors:
                print("   ", e)
            continue
        gold = gold_json(poster, pdf)
        (GOLD / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2)
                                           + "\n", encoding="utf-8")
        print(f"ok   {pdf.name}  ({poster['page_size']} {poster['orientation']}, "
              f"date {gold['date']})")
    if failed:
        raise SystemExit("FAIL: some posters did not pass the checks (see above)")


if __name__ == "__main__":
    main(sys.argv)
