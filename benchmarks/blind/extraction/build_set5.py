"""Build the blind set 5 (blind5-*): a newsletter written in Google Docs with a two-level
numbered outline, a PowerPoint poster with six coloured boxes in a 2 x 3 grid and a bar chart
drawn as a table, a Word newsletter whose examples are interviews of three kinds, a short
bulletin with six very short examples in a row, and a family-centre poster with a photo
placeholder and a long contact box; with their gold files.

Run from the repository root:
    .venv/bin/python benchmarks/blind/extraction/build_set5.py [stem ...]

Texts and hand-written annotations are in set5_data.py. The script writes the originals
(HTML, PPTX, DOCX), exports them to PDF (Chromium for HTML, LibreOffice for PPTX/DOCX), checks
the gold against the PDF text and writes gold/<stem>.json. The PDF text functions, exporters and
checks are those of build_set3.py (see there); in addition, as build_set4.py, it checks word
counts: newsletter examples 60-350 words (the short bulletin's 60-120), posters 150-450 words
of PDF text.
"""
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
import build_set3 as b3  # noqa: E402
import set5_data  # noqa: E402

FILES, GOLD = b3.FILES, b3.GOLD


# --------------------------------------------------------------------------------------------
# PPTX (python-pptx): poster with a banner, six coloured boxes in a 2 x 3 grid, and a bar
# chart drawn as a table whose shaded cells are the bars


def build_grid_pptx(doc, path):
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Cm, Pt

    DARK = "23415F"
    FONT = "Liberation Sans"
    BAR = "6B4C9A"
    prs = Presentation()
    prs.slide_width, prs.slide_height = Cm(29.7), Cm(42.0)
    s = prs.slides.add_slide(prs.slide_layouts[6])
    sh = s.shapes

    def textbox(x, y, w, h, paras, size, colour="222222", bold=False, align=None, italic=False):
        tb = sh.add_textbox(Cm(x), Cm(y), Cm(w), Cm(h))
        tf = tb.text_frame
        tf.word_wrap = True
        for i, t in enumerate(paras):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            r = p.add_run()
            r.text = t
            r.font.size, r.font.bold, r.font.italic = Pt(size), bold, italic
            r.font.name = FONT
            r.font.color.rgb = RGBColor.from_string(colour)
            if align:
                p.alignment = align
        return tb

    # programme line above the banner
    textbox(1.5, 0.6, 26.7, 1.0, [doc["programme"]], 13, "666666", align=PP_ALIGN.RIGHT)
    # banner
    title, team = doc["banner"]
    b = sh.add_shape(MSO_SHAPE.RECTANGLE, Cm(0), Cm(1.8), Cm(29.7), Cm(6.6))
    b.fill.solid()
    b.fill.fore_color.rgb = RGBColor.from_string(DARK)
    b.line.fill.background()
    tf = b.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    tf.margin_left = tf.margin_right = Cm(1.5)
    p = tf.paragraphs[0]
    r = p.add_run()
    p.alignment = PP_ALIGN.LEFT
    r.text = title
    r.font.size, r.font.bold, r.font.name = Pt(44), True, FONT
    r.font.color.rgb = RGBColor(255, 255, 255)
    p = tf.add_paragraph()
    r = p.add_run()
    p.alignment = PP_ALIGN.LEFT
    r.text = team
    r.font.size, r.font.name = Pt(20), FONT
    r.font.color.rgb = RGBColor(255, 255, 255)

    # the grid: 2 columns x 3 rows, the middle row taller (the chart sits in it)
    left, gap, top = 1.3, 0.9, 9.4
    colw = (29.7 - 2 * left - gap) / 2
    rows_h = (7.6, 11.6, 7.6)
    ys = [top, top + rows_h[0] + gap, top + rows_h[0] + rows_h[1] + 2 * gap]
    for i, (head, fill, paras) in enumerate(doc["boxes"]):
        row, col = divmod(i, 2)
        x, y, h = left + col * (colw + gap), ys[row], rows_h[row]
        box = sh.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Cm(x), Cm(y), Cm(colw), Cm(h))
        box.adjustments[0] = 0.06
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string(fill)
        box.line.fill.background()
        tf = box.text_frame
        tf.word_wrap = True
        tf.vertical_anchor = MSO_ANCHOR.TOP
        tf.margin_left = tf.margin_right = Cm(0.7)
        tf.margin_top = Cm(0.5)
        p = tf.paragraphs[0]
        r = p.add_run()
        r.text = head
        r.font.size, r.font.bold, r.font.name = Pt(22), True, FONT
        r.font.color.rgb = RGBColor.from_string(DARK)
        for t in paras:
            p = tf.add_paragraph()
            p.space_before = Pt(6)
            r = p.add_run()
            p.alignment = PP_ALIGN.LEFT
            r.text = t
            r.font.size, r.font.name = Pt(16), FONT
            r.font.color.rgb = RGBColor.from_string("222222")
        if head == "Mätningar":
            cx, cy = x + 0.7, y + 4.6
            textbox(cx - 0.1, cy, colw - 1.2, 0.9, [doc["chart_title"]], 13, DARK, bold=True)
            n = len(doc["chart"])
            ncell = 20
            labw, valw, cellw = 2.2, 1.9, (colw - 1.4 - 2.2 - 1.9) / ncell
            gf = sh.add_table(n, ncell + 2, Cm(cx), Cm(cy + 1.5), Cm(colw - 1.4), Cm(0.85 * n))
            tbl = gf.table
            tbl.first_row = False
            tbl.horz_banding = False
            tbl.columns[0].width = Cm(labw)
            for j in range(ncell):
                tbl.columns[j + 1].width = Cm(cellw)
            tbl.columns[ncell + 1].width = Cm(valw)
            for ri, (lab, val) in enumerate(doc["chart"]):
                tbl.rows[ri].height = Cm(0.85)
                filled = round(val / 100 * ncell)
                for cj in range(ncell + 2):
                    c = tbl.cell(ri, cj)
                    c.fill.solid()
                    c.margin_left = c.margin_right = Cm(0.1)
                    c.margin_top = c.margin_bottom = Cm(0.05)
                    if cj == 0 or cj == ncell + 1:
                        c.fill.fore_color.rgb = RGBColor.from_string(fill)
                        c.text = lab if cj == 0 else f"{val} %"
                        run = c.text_frame.paragraphs[0].runs[0]
                        run.font.size, run.font.name = Pt(13), FONT
                        run.font.color.rgb = RGBColor.from_string("222222")
                        if cj == ncell + 1:
                            run.font.bold = True
                    else:
                        colour = BAR if cj <= filled else "FFFFFF"
                        c.fill.fore_color.rgb = RGBColor.from_string(colour)
            textbox(cx - 0.1, cy + 1.8 + 0.85 * n, colw - 1.2, 1.0, [doc["chart_note"]], 14,
                    "222222", italic=True)

    # footer
    textbox(1.3, 40.2, 27.1, 1.0, [doc["footer"]], 12, "666666", align=PP_ALIGN.CENTER)
    prs.core_properties.title = title
    prs.save(path)


def grid_example_texts(doc):
    parts = list(doc["banner"])
    for head, _fill, paras in doc["boxes"]:
        parts += [head] + paras
        if head == "Mätningar":
            parts.append(doc["chart_title"])
            for lab, val in doc["chart"]:
                parts += [lab, f"{val} %"]
            parts.append(doc["chart_note"])
    key = next(iter(doc["examples"]))
    return {key: re.sub(r"\s+", " ", " ".join(parts)).strip()}, [key]


# --------------------------------------------------------------------------------------------
# DOCX (python-docx): masthead, headings, speaker-labelled answers, name-and-role voices,
# a pull quote, place labels in capitals, rules, a footer with page numbers


def build_blocks_docx(doc, path):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    accent = doc.get("accent", "8A3B12")
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Liberation Serif" if doc.get("serif") else "Liberation Sans"
    st.font.size = Pt(10.5)
    st.paragraph_format.space_after = Pt(5)
    for name, size in (("Heading 1", 16), ("Heading 2", 12.5)):
        h = d.styles[name]
        h.font.name = "Liberation Sans"
        h.font.size = Pt(size)
        h.font.bold = True
        h.font.color.rgb = RGBColor.from_string(accent)
        h.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 2)
        h.paragraph_format.space_after = Pt(4)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.3)
    sec.top_margin, sec.bottom_margin = Cm(1.8), Cm(2.0)

    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def small(p, text):
        r = p.add_run(text)
        r.font.size = Pt(8.5)
        r.font.color.rgb = RGBColor.from_string("666666")
        return r

    def field(p, instr):
        f = OxmlElement("w:fldSimple")
        f.set(qn("w:instr"), instr)
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), "17")
        rpr.append(sz)
        r.append(rpr)
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        f.append(r)
        p._p.append(f)

    small(fp, doc["footer_text"])
    if doc.get("page_numbers"):
        small(fp, " · Sida ")
        field(fp, "PAGE")
        small(fp, " av ")
        field(fp, "NUMPAGES")

    def shade(cell, fill):
        tcPr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tcPr.append(shd)

    def border(p, sides, colour, size=8):
        pPr = p._p.get_or_add_pPr()
        b = OxmlElement("w:pBdr")
        for side in sides:
            e = OxmlElement(f"w:{side}")
            e.set(qn("w:val"), "single")
            e.set(qn("w:sz"), str(size))
            e.set(qn("w:space"), "4")
            e.set(qn("w:color"), colour)
            b.append(e)
        pPr.append(b)

    for b in doc["blocks"]:
        k = b[0]
        if k in ("ex", "endex"):
            continue
        if k == "masthead":
            t = d.add_table(rows=1, cols=1)
            c = t.cell(0, 0)
            shade(c, accent)
            p = c.paragraphs[0]
            r = p.add_run(b[1])
            r.bold = True
            r.font.size = Pt(24)
            r.font.color.rgb = RGBColor(255, 255, 255)
            r = c.add_paragraph().add_run(b[2])
            r.font.size = Pt(10.5)
            r.font.color.rgb = RGBColor(255, 255, 255)
            d.add_paragraph()
        elif k == "p":
            d.add_paragraph(b[1])
        elif k == "h1":
            d.add_heading(b[1], level=1)
        elif k == "h2":
            d.add_heading(b[1], level=2)
        elif k == "kicker":
            p = d.add_paragraph()
            p.paragraph_format.space_before = Pt(8)
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.keep_with_next = True
            r = p.add_run(b[1])
            r.bold = True
            r.font.size = Pt(8.5)
            r.font.color.rgb = RGBColor.from_string("888888")
        elif k == "q":
            p = d.add_paragraph()
            p.paragraph_format.space_after = Pt(1)
            p.paragraph_format.keep_with_next = True
            r = p.add_run(b[1])
            r.bold = True
            r.font.color.rgb = RGBColor.from_string(accent)
        elif k == "a":
            p = d.add_paragraph(b[1])
            p.paragraph_format.left_indent = Cm(0.6)
        elif k == "qa":
            p = d.add_paragraph()
            r = p.add_run(b[1] + " ")
            r.bold = True
            if b[1] == "Nyhetsbrevet:":
                r.font.color.rgb = RGBColor.from_string(accent)
                p.add_run(b[2]).italic = True
                p.paragraph_format.space_after = Pt(2)
                p.paragraph_format.keep_with_next = True
            else:
                p.add_run(b[2])
        elif k == "voice":
            p = d.add_paragraph()
            p.paragraph_format.space_after = Pt(1)
            p.paragraph_format.keep_with_next = True
            r = p.add_run(b[1])
            r.bold = True
            p = d.add_paragraph()
            p.paragraph_format.left_indent = Cm(0.6)
            border(p, ("left",), accent, 12)
            p.add_run(b[2]).italic = True
        elif k == "pull":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.left_indent = p.paragraph_format.right_indent = Cm(1.0)
            p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(8)
            border(p, ("top", "bottom"), accent, 8)
            r = p.add_run(b[1])
            r.italic = True
            r.font.size = Pt(16)
            r.font.color.rgb = RGBColor.from_string(accent)
        elif k == "contact":
            p = d.add_paragraph()
            r = p.add_run(b[1])
            r.font.size = Pt(9)
            r.font.color.rgb = RGBColor.from_string("555555")
        elif k == "rule":
            p = d.add_paragraph()
            p.paragraph_format.space_after = Pt(2)
            r = p.add_run()
            r.font.size = Pt(4)
            border(p, ("bottom",), "BBBBBB", 6)
        elif k == "bullets":
            for it in b[1]:
                d.add_paragraph(it, style="List Bullet")
        else:
            raise ValueError(k)
    d.core_properties.title = doc["title"]
    d.save(path)


def blocks_example_texts(doc):
    texts, order, cur = {}, [], None
    for b in doc["blocks"]:
        if b[0] == "ex":
            cur = b[1]
            texts[cur] = []
            order.append(cur)
        elif b[0] == "endex":
            cur = None
        elif cur:
            for x in b[1:]:
                if isinstance(x, str):
                    texts[cur].append(x)
                elif isinstance(x, list):
                    texts[cur].extend(x)
    return {k: re.sub(r"\s+", " ", " ".join(v)).strip() for k, v in texts.items()}, order


# --------------------------------------------------------------------------------------------


def build_one(doc):
    stem = doc["stem"]
    pdf = FILES / f"{stem}.pdf"
    if pdf.exists():
        pdf.unlink()
    if "html" in doc:
        src = FILES / f"{stem}.html"
        src.write_text(doc["html"], encoding="utf-8")
        b3.chromium_pdf(src, pdf)
        gen = "chromium"
        ex_text = b3.html_example_texts(doc["html"])
        order = list(dict.fromkeys(re.findall(r'data-ex="([^"]+)"', doc["html"])))
    elif "boxes" in doc:
        src = FILES / f"{stem}.pptx"
        build_grid_pptx(doc, src)
        b3.soffice_pdf(src, FILES)
        gen = "libreoffice"
        ex_text, order = grid_example_texts(doc)
    else:
        src = FILES / f"{stem}.docx"
        build_blocks_docx(doc, src)
        b3.soffice_pdf(src, FILES)
        gen = "libreoffice"
        ex_text, order = blocks_example_texts(doc)
    gold, errors = b3.check_and_gold(doc, pdf, src, gen, False, ex_text, order)
    words = {k: len(v.split()) for k, v in ex_text.items()}
    if doc["kind"] == "newsletter":
        lo, hi = doc.get("short_words", (60, 350))
        for k, n in words.items():
            if not lo <= n <= hi:
                errors.append(f"example {k} has {n} words, wanted {lo}-{hi}")
    else:
        n = len(b3.pdftext(pdf, False).split())
        if not 150 <= n <= 450:
            errors.append(f"poster text has {n} words")
    return b3.write_gold(stem, pdf, gold, errors, words)


def main():
    b3.build_all(set5_data.DOCS, build_one)


if __name__ == "__main__":
    main()
