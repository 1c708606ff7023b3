"""Build the blind set 4 (blind4-*): a three-column newsletter with picture placeholders, a
newsletter made as A4-landscape slides, a joint poster of two teams with a quote and a QR box,
an e-mail newsletter printed from a web mail client, and a Word newsletter with the examples in
framed cells beside a sidebar of programme news; with their gold files.

Run from the repository root:
    .venv/bin/python benchmarks/blind/extraction/build_set4.py [stem ...]

Texts and hand-written annotations are in set4_data.py. The script writes the originals
(HTML, PPTX, DOCX), exports them to PDF (Chromium for HTML, LibreOffice for PPTX/DOCX), checks
the gold against the PDF text and writes gold/<stem>.json. The PDF text functions, exporters and
checks are those of build_set3.py (see there); in addition it checks word counts:
newsletter examples 60-350 words, posters 150-450 words of PDF text.
"""
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
import build_set3 as b3  # noqa: E402
import set4_data  # noqa: E402

FILES, GOLD = b3.FILES, b3.GOLD
ACCENT = "3B5B2E"


# --------------------------------------------------------------------------------------------
# PPTX (python-pptx): one slide per example, A4 landscape


def build_pptx(doc, path):
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Cm, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Cm(29.7), Cm(21.0)
    W = prs.slide_width

    def band(slide):
        from pptx.enum.shapes import MSO_SHAPE
        s = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Cm(19.6), W, Cm(1.4))
        s.fill.solid()
        s.fill.fore_color.rgb = RGBColor.from_string(ACCENT)
        s.line.fill.background()
        tf = s.text_frame
        tf.text = "Bästa platsen – barn och unga"
        tf.paragraphs[0].runs[0].font.size = Pt(11)
        tf.paragraphs[0].runs[0].font.color.rgb = RGBColor(255, 255, 255)

    title, sub = doc["cover"]
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = title
    s.shapes.title.left, s.shapes.title.top = Cm(2), Cm(5)
    s.shapes.title.width, s.shapes.title.height = Cm(25.7), Cm(4)
    s.shapes.title.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string(ACCENT)
    ph = s.placeholders[1]
    ph.text = sub
    ph.left, ph.top, ph.width, ph.height = Cm(2), Cm(10), Cm(25.7), Cm(3)
    band(s)
    for sl in doc["slides"]:
        s = prs.slides.add_slide(prs.slide_layouts[1])
        t = s.shapes.title
        t.text = sl["title"]
        t.left, t.top, t.width, t.height = Cm(1.5), Cm(0.8), Cm(26.7), Cm(2.6)
        r = t.text_frame.paragraphs[0].runs[0]
        r.font.size, r.font.bold = Pt(32), True
        r.font.color.rgb = RGBColor.from_string(ACCENT)
        body = s.placeholders[1]
        body.left, body.top, body.width, body.height = Cm(1.5), Cm(3.6), Cm(26.7), Cm(13.6)
        tf = body.text_frame
        for i, b in enumerate(sl["bullets"]):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.text = b
            p.runs[0].font.size = Pt(17)
        if sl.get("note"):
            tb = s.shapes.add_textbox(Cm(1.5), Cm(17.6), Cm(26.7), Cm(1.4))
            tb.text_frame.text = sl["note"]
            tb.text_frame.paragraphs[0].runs[0].font.size = Pt(13)
            tb.text_frame.paragraphs[0].runs[0].font.italic = True
        band(s)
    prs.core_properties.title = title
    prs.save(path)


def slides_example_texts(doc):
    texts = {}
    for sl in doc["slides"]:
        if sl["ex"]:
            texts[sl["ex"]] = " ".join([sl["title"]] + sl["bullets"] + [sl.get("note", "")]).strip()
    return texts, [sl["ex"] for sl in doc["slides"] if sl["ex"]]


# --------------------------------------------------------------------------------------------
# DOCX (python-docx): a layout table, examples in framed cells left, programme news right


def build_docx_frames(doc, path):
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10)
    st.paragraph_format.space_after = Pt(4)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(1.8)
    sec.top_margin, sec.bottom_margin = Cm(1.6), Cm(1.8)
    fp = sec.footer.paragraphs[0]
    fp.alignment = 1
    r = fp.add_run(doc["footer_text"])
    r.font.size = Pt(8.5)
    r.font.color.rgb = RGBColor.from_string("666666")

    def shade(cell, fill):
        tcPr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tcPr.append(shd)

    def borders(cell, colour, size):
        tcPr = cell._tc.get_or_add_tcPr()
        b = OxmlElement("w:tcBorders")
        for side in ("top", "left", "bottom", "right"):
            e = OxmlElement(f"w:{side}")
            e.set(qn("w:val"), "single" if size else "nil")
            e.set(qn("w:sz"), str(size))
            e.set(qn("w:color"), colour)
            b.append(e)
        tcPr.append(b)

    head, sub = doc["masthead"]
    m = d.add_table(rows=1, cols=1)
    c = m.cell(0, 0)
    shade(c, ACCENT)
    p = c.paragraphs[0]
    r = p.add_run(head)
    r.bold, r.font.size = True, Pt(24)
    r.font.color.rgb = RGBColor(255, 255, 255)
    r = c.add_paragraph().add_run(sub)
    r.font.size = Pt(12)
    r.font.color.rgb = RGBColor(255, 255, 255)
    d.add_paragraph(doc["intro"])

    lay = d.add_table(rows=1, cols=2)
    lay.autofit = False
    left, right = lay.cell(0, 0), lay.cell(0, 1)
    widths = (Cm(12.2), Cm(5.2))
    for i, col in enumerate(lay.columns):
        col.width = widths[i]
    left.width, right.width = widths
    borders(left, "FFFFFF", 0)
    borders(right, "FFFFFF", 0)
    shade(right, "E8EFE3")
    first = True
    for _key, title, paras in doc["boxes"]:
        if first:
            p = left.paragraphs[0]
            first = False
        else:
            p = left.add_paragraph()
        box = left.add_table(rows=1, cols=1)
        bc = box.cell(0, 0)
        bc.width = Cm(11.8)
        borders(bc, ACCENT, 12)
        bp = bc.paragraphs[0]
        r = bp.add_run(title)
        r.bold, r.font.size = True, Pt(13)
        r.font.color.rgb = RGBColor.from_string(ACCENT)
        for t in paras:
            bc.add_paragraph(t)
    rp = right.paragraphs[0]
    for i, (k, t) in enumerate(doc["sidebar"]):
        p = rp if i == 0 else right.add_paragraph()
        r = p.add_run(t)
        r.font.size = Pt(9)
        if k == "h":
            r.bold = True
            r.font.color.rgb = RGBColor.from_string(ACCENT)
    d.core_properties.title = head
    d.save(path)


def frames_example_texts(doc):
    texts = {k: re.sub(r"\s+", " ", " ".join([t] + paras)).strip() for k, t, paras in doc["boxes"]}
    return texts, [k for k, _t, _p in doc["boxes"]]


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
    elif "slides" in doc:
        src = FILES / f"{stem}.pptx"
        build_pptx(doc, src)
        b3.soffice_pdf(src, FILES)
        gen = "libreoffice"
        ex_text, order = slides_example_texts(doc)
    else:
        src = FILES / f"{stem}.docx"
        build_docx_frames(doc, src)
        b3.soffice_pdf(src, FILES)
        gen = "libreoffice"
        ex_text, order = frames_example_texts(doc)
    gold, errors = b3.check_and_gold(doc, pdf, src, gen, False, ex_text, order)
    words = {k: len(v.split()) for k, v in ex_text.items()}
    if doc["kind"] == "newsletter":
        for k, n in words.items():
            if not 60 <= n <= 350:
                errors.append(f"example {k} has {n} words")
    else:
        n = len(b3.pdftext(pdf, False).split())
        if not 150 <= n <= 450:
            errors.append(f"poster text has {n} words")
    return b3.write_gold(stem, pdf, gold, errors, words)


def main():
    b3.build_all(set4_data.DOCS, build_one)


if __name__ == "__main__":
    main()
