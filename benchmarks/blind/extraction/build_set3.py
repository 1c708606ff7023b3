"""Build the blind set 3 (blind3-*): scanned, Canva-like, picture-heading, interview, table,
footnote and Google-Docs-like documents, with their gold files.

Run from the repository root:
    .venv/bin/python benchmarks/blind/extraction/build_set3.py [stem ...]

Texts and hand-written annotations are in set3_data.py. The script writes the originals
(HTML, DOCX, ODT), exports them to PDF (Chromium for HTML, LibreOffice for DOCX/ODT), makes
the two scanned documents into image-only PDFs (200 dpi greyscale, slightly rotated, noisy,
grey paper), checks the gold against the PDF text and writes gold/<stem>.json.

Checks (the script fails loudly and writes no gold file for a document that fails one):
- text PDFs: every anchor, context phrase and the title occur in `pdftotext` raw and
  `pdftotext -layout` (line breaks, line-end hyphens and repeated spaces ignored);
- scanned PDFs: the PDF has no text layer, and every anchor, context phrase and the title are
  found in `tesseract -l swe` output of each page with a tolerant comparison (case, punctuation
  and spacing ignored, edit distance at most 15 % of the phrase);
- the picture-heading poster: the title is NOT in the text layer, and is found by tesseract;
- 3-5 anchors of 4-10 words per example, each inside the example's own source text; persons
  named in the example; context phrases outside every example's text;
- pages of an example = pages on which its anchors and sentence starts/ends are found, equal
  to the annotated pages when those are given; page count, size and orientation.
"""
import base64
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
import set3_data  # noqa: E402

FILES = HERE / "files"
GOLD = HERE / "gold"
ACCENT = "2E4A7D"
LIGHT = "E3EAF5"
DPI = 200
IDLE = ["chrt", "--idle", "0"]
MUNIS = {"Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping", "Mullsjö", "Nässjö",
         "Sävsjö", "Tranås", "Vaggeryd", "Vetlanda", "Värnamo"}
FOCUS = {"Fullföljda studier", "Psykisk hälsa", "Fysisk aktivitet"}
ACTORS = {"skola", "förskola", "socialtjänst", "fritid", "barnhälsovård", "mödrahälsovård",
          "familjecentral", "elevhälsa", "vårdcentral", "habilitering", "förening", "civilsamhälle",
          "barn och unga", "vårdnadshavare", "region", "bibliotek", "barn- och ungdomspsykiatri",
          "ungdomsmottagning", "polis", "öppen förskola"}
STAGES = {"planerad", "startad", "pågående", "avslutad"}
SIZES = {("A4", "portrait"): (595, 842), ("A4", "landscape"): (842, 595),
         ("A3", "portrait"): (842, 1191), ("A3", "landscape"): (1191, 842)}

# --------------------------------------------------------------------------------------------
# Exporters


def soffice_pdf(src, outdir):
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(IDLE + ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                               "--convert-to", "pdf", "--outdir", str(outdir), str(src)],
                       check=True, capture_output=True, timeout=240)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = outdir / (src.stem + ".pdf")
    if not pdf.exists() or pdf.stat().st_size < 1000:
        sys.exit(f"FAIL: LibreOffice did not produce {pdf}")
    return pdf


def chromium_pdf(src, pdf):
    profile = Path(tempfile.mkdtemp(prefix="chromium-blind3-"))
    try:
        subprocess.run(IDLE + ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                               "--no-first-run", "--disable-background-networking",
                               "--disable-component-update", "--disable-sync",
                               f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                               "--no-pdf-header-footer", src.resolve().as_uri()],
                       check=True, capture_output=True, timeout=240)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if not pdf.exists() or pdf.stat().st_size < 1000:
        sys.exit(f"FAIL: Chromium did not produce {pdf}")
    return pdf


def render_pages(pdf, dpi=DPI):
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    out = [doc[i].render(scale=dpi / 72).to_pil() for i in range(len(doc))]
    doc.close()
    return out


def scan_pdf(text_pdf, out_pdf, rotation, seed):
    """Turn a text PDF into what an office scanner makes of its printout: greyscale pictures
    at 200 dpi, slightly rotated, grey paper, speckle noise; no text layer."""
    from PIL import Image, ImageFilter
    rnd = random.Random(seed)
    pages = []
    for n, im in enumerate(render_pages(text_pdf)):
        g = im.convert("L")
        # grey paper and slightly faded ink
        g = g.point(lambda v: int(38 + v * (226 - 38) / 255))
        g = g.rotate(rotation + (0.3 if n % 2 else 0.0), resample=Image.BICUBIC, expand=False,
                     fillcolor=200)
        g = g.filter(ImageFilter.GaussianBlur(0.6))
        px = g.load()
        w, h = g.size
        for _ in range(w * h // 180):
            x, y = rnd.randrange(w), rnd.randrange(h)
            px[x, y] = max(0, min(255, px[x, y] + rnd.choice((-90, -60, 45))))
        pages.append(g)
    pages[0].save(out_pdf, save_all=True, append_images=pages[1:], resolution=DPI)


def draw_text_png(text, size, colour, w, h, bg):
    """A heading drawn as a picture, as when a designer converts text to outlines."""
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", size)
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    d.text((6, (h - size) // 2 - 4), text, font=font, fill=colour)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


# --------------------------------------------------------------------------------------------
# DOCX (python-docx)


def build_docx(doc, path):
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10.5)
    st.paragraph_format.space_after = Pt(5)
    for name, size in (("Heading 1", 15), ("Heading 2", 12)):
        h = d.styles[name]
        h.font.name = "Liberation Sans"
        h.font.size = Pt(size)
        h.font.color.rgb = RGBColor.from_string(ACCENT)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
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

    for b in doc["blocks"]:
        k = b[0]
        if k in ("ex", "endex"):
            continue
        if k == "masthead":
            t = d.add_table(rows=1, cols=1)
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            c = t.cell(0, 0)
            shade(c, ACCENT)
            p = c.paragraphs[0]
            r = p.add_run(b[1])
            r.bold = True
            r.font.size = Pt(22)
            r.font.color.rgb = RGBColor(255, 255, 255)
            p2 = c.add_paragraph()
            r = p2.add_run(b[2])
            r.font.size = Pt(11)
            r.font.color.rgb = RGBColor(255, 255, 255)
            d.add_paragraph()
        elif k == "p":
            d.add_paragraph(b[1])
        elif k == "h1":
            d.add_heading(b[1], level=1)
        elif k == "q":
            p = d.add_paragraph()
            p.paragraph_format.space_after = Pt(1)
            p.paragraph_format.keep_with_next = True
            r = p.add_run(b[1])
            r.bold = True
            r.font.color.rgb = RGBColor.from_string(ACCENT)
        elif k == "a":
            p = d.add_paragraph(b[1])
            p.paragraph_format.left_indent = Cm(0.6)
        elif k == "bullets":
            for it in b[1]:
                d.add_paragraph(it, style="List Bullet")
        elif k == "extable":
            head, rows = b[1], b[2]
            t = d.add_table(rows=1 + len(rows), cols=3)
            t.style = d.styles["Table Grid"]
            widths = (Cm(4.0), Cm(8.4), Cm(4.2))
            for i, txt in enumerate(head):
                c = t.cell(0, i)
                shade(c, LIGHT)
                c.paragraphs[0].add_run(txt).bold = True
            for ri, (_key, team, what, contact) in enumerate(rows, start=1):
                t.cell(ri, 0).paragraphs[0].add_run(team).bold = True
                first, rest = what.split(". ", 1)
                p = t.cell(ri, 1).paragraphs[0]
                p.add_run(first).bold = True
                p.add_run(". " + rest)
                lines = contact.split("\n")
                t.cell(ri, 2).paragraphs[0].add_run(lines[0])
                for ln in lines[1:]:
                    t.cell(ri, 2).add_paragraph(ln)
            t.autofit = False
            for i, col in enumerate(t.columns):
                col.width = widths[i]
            for row in t.rows:
                for i, c in enumerate(row.cells):
                    c.width = widths[i]
                    for p in c.paragraphs:
                        p.paragraph_format.space_after = Pt(2)
                        for r in p.runs:
                            r.font.size = Pt(10)
            d.add_paragraph()
        else:
            raise ValueError(k)
    d.core_properties.title = doc["title"]
    d.save(path)


# --------------------------------------------------------------------------------------------
# ODT (odfpy): outline-numbered headings, footnotes, numbered agenda


def build_odt(doc, path):
    from odf.opendocument import OpenDocumentText
    from odf.style import (FontFace, Footer, ListLevelProperties, MasterPage, PageLayout,
                           PageLayoutProperties, ParagraphProperties, Style, TextProperties)
    from odf.text import (H, List, ListItem, ListLevelStyleNumber, ListStyle, Note, NoteBody,
                          NoteCitation, OutlineLevelStyle, OutlineStyle, P)

    od = OpenDocumentText()
    S, A = od.styles, od.automaticstyles
    od.fontfacedecls.addElement(FontFace(name="Liberation Serif", fontfamily="'Liberation Serif'",
                                         fontfamilygeneric="roman", fontpitch="variable"))
    od.fontfacedecls.addElement(FontFace(name="Liberation Sans", fontfamily="'Liberation Sans'",
                                         fontfamilygeneric="swiss", fontpitch="variable"))
    std = Style(name="Standard", family="paragraph")
    std.addElement(TextProperties(fontname="Liberation Serif", fontsize="11.5pt"))
    std.addElement(ParagraphProperties(marginbottom="0.18cm"))
    S.addElement(std)
    body = Style(name="Text_20_body", displayname="Text body", family="paragraph",
                 parentstylename="Standard")
    S.addElement(body)
    title = Style(name="Title", family="paragraph", parentstylename="Standard")
    title.addElement(TextProperties(fontname="Liberation Sans", fontsize="24pt", fontweight="bold",
                                    color="#" + ACCENT))
    title.addElement(ParagraphProperties(marginbottom="0.3cm"))
    S.addElement(title)
    hst = {}
    for lvl, size in ((1, "16pt"), (2, "13pt")):
        h = Style(name=f"Heading_20_{lvl}", displayname=f"Heading {lvl}", family="paragraph",
                  parentstylename="Standard", defaultoutlinelevel=str(lvl))
        h.addElement(TextProperties(fontname="Liberation Sans", fontsize=size, fontweight="bold",
                                    color="#" + ACCENT))
        h.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.15cm", keepwithnext="always"))
        S.addElement(h)
        hst[lvl] = h
    fn = Style(name="Footnote", family="paragraph", parentstylename="Standard")
    fn.addElement(TextProperties(fontsize="9pt"))
    S.addElement(fn)
    small = Style(name="FooterP", family="paragraph", parentstylename="Standard")
    small.addElement(TextProperties(fontsize="8.5pt", color="#666666"))
    small.addElement(ParagraphProperties(textalign="center"))
    S.addElement(small)
    # outline numbering: "1", "1.1"
    ol = OutlineStyle(name="Outline")
    for lvl in (1, 2):
        ols = OutlineLevelStyle(level=str(lvl), numformat="1", numsuffix=" ", displaylevels=str(lvl))
        ols.addElement(ListLevelProperties(listlevelpositionandspacemode="label-alignment"))
        ol.addElement(ols)
    S.addElement(ol)
    numl = ListStyle(name="Agenda")
    lls = ListLevelStyleNumber(level="1", numformat="1", numsuffix=".")
    lls.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.7cm"))
    numl.addElement(lls)
    A.addElement(numl)
    tight = Style(name="Tight", family="paragraph", parentstylename="Standard")
    tight.addElement(ParagraphProperties(marginbottom="0.02cm"))
    A.addElement(tight)

    pl = PageLayout(name="PL")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="2cm",
                                       marginbottom="1.6cm", marginleft="2.3cm", marginright="2.3cm"))
    A.addElement(pl)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    f = Footer()
    f.addElement(P(stylename=small, text=doc["footer_text"]))
    mp.addElement(f)
    od.masterstyles.addElement(mp)

    t = od.text
    nfn = 0
    for b in doc["blocks"]:
        k = b[0]
        if k in ("ex", "endex"):
            continue
        if k == "title":
            t.addElement(P(stylename=title, text=b[1]))
        elif k == "p":
            t.addElement(P(stylename=body, text=b[1]))
        elif k == "h":
            t.addElement(H(outlinelevel=b[1], stylename=hst[b[1]], text=b[2]))
        elif k == "pn":
            nfn += 1
            p = P(stylename=body, text=b[1])
            note = Note(id=f"ftn{nfn}", noteclass="footnote")
            note.addElement(NoteCitation(text=str(nfn)))
            nb = NoteBody()
            nb.addElement(P(stylename=fn, text=b[2]))
            note.addElement(nb)
            p.addElement(note)
            p.addText(b[3])
            t.addElement(p)
        elif k == "numlist":
            lst = List(stylename=numl)
            for it in b[1]:
                li = ListItem()
                li.addElement(P(stylename=tight, text=it))
                lst.addElement(li)
            t.addElement(lst)
        else:
            raise ValueError(k)
    od.save(str(path))


# --------------------------------------------------------------------------------------------
# Example texts


class ExParser(HTMLParser):
    """Collect the text inside each element with data-ex="key"."""

    def __init__(self):
        super().__init__()
        self.stack, self.texts = [], {}

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "meta"):
            return
        key = dict(attrs).get("data-ex")
        self.stack.append(key)
        if key:
            self.texts.setdefault(key, [])

    def handle_endtag(self, tag):
        if tag in ("br", "img", "meta"):
            return
        self.stack.pop()

    def handle_data(self, data):
        keys = [k for k in self.stack if k]
        if keys:
            self.texts[keys[-1]].append(data)


def html_example_texts(html):
    p = ExParser()
    p.feed(html)
    return {k: re.sub(r"\s+", " ", " ".join(v)).strip() for k, v in p.texts.items()}


def block_example_texts(doc):
    texts, cur = {}, None
    for b in doc["blocks"]:
        if b[0] == "ex":
            cur = b[1]
            texts[cur] = []
        elif b[0] == "endex":
            cur = None
        elif b[0] == "extable":
            for key, team, what, contact in b[2]:
                texts[key] = [team, what, contact.replace("\n", " ")]
        elif cur:
            if b[0] == "pn":
                texts[cur].append(b[1] + b[3])      # the footnote body is not the example's text
            elif b[0] == "h":
                texts[cur].append(b[2])
            else:
                texts[cur].extend(x for x in b[1:] if isinstance(x, str))
    return {k: re.sub(r"\s+", " ", " ".join(v)).strip() for k, v in texts.items()}


def html_source(doc):
    html = doc["html"]
    for name, spec in doc.get("images", {}).items():
        html = html.replace(f'src="{name}"', f'src="{draw_text_png(*spec)}"')
    return html


# --------------------------------------------------------------------------------------------
# Text of the PDF


def pdftext(pdf, layout, page=None):
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        cmd.append("-layout")
    if page:
        cmd += ["-f", str(page), "-l", str(page)]
    cmd += [str(pdf), "-"]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def norm_variants(t):
    t = t.replace("\u00ad", "").replace("\u00a0", " ").replace("\u2011", "-")
    joined = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", t)
    return [re.sub(r"\s+", " ", x) for x in (t, joined)]


def found_exact(phrase, variants):
    p = re.sub(r"\s+", " ", phrase)
    return any(p in v for v in variants)


def ocr_pages(pdf):
    out = []
    with tempfile.TemporaryDirectory(prefix="blind3-ocr-") as td:
        for i, im in enumerate(render_pages(pdf, 300)):
            png = Path(td) / f"p{i}.png"
            im.convert("L").save(png)
            txt = subprocess.run(IDLE + ["tesseract", str(png), "-", "-l", "swe"], check=True,
                                 capture_output=True, text=True).stdout
            out.append(txt)
    return out


def loose(s):
    s = unicodedata.normalize("NFC", s.lower())
    s = re.sub(r"-\s*\n\s*", "", s)
    s = re.sub(r"[^\wåäöé0-9]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def fuzzy_in(phrase, text, tol=0.15):
    """Approximate substring search (Sellers): edit distance of phrase to some part of text."""
    p, t = loose(phrase), loose(text)
    if p in t:
        return True
    m = len(p)
    prev = list(range(m + 1))
    best = m
    for ch in t:
        cur = [0]
        for j in range(1, m + 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (p[j - 1] != ch)))
        best = min(best, cur[m])
        prev = cur
    return best <= max(1, int(tol * m))


# --------------------------------------------------------------------------------------------
# Checks and gold


def check_values(meta, errors):
    k = meta["title"]
    for m in meta["municipalities"] + [x for x in meta["inspired_by"] if x in MUNIS]:
        if m not in MUNIS:
            errors.append(f"{k}: municipality {m!r} not in the county")
    for f in meta["focus_areas"]:
        if f not in FOCUS:
            errors.append(f"{k}: focus area {f!r}")
    for a in meta["actors"]:
        if a not in ACTORS:
            errors.append(f"{k}: actor {a!r}")
    if meta["stage"] not in STAGES:
        errors.append(f"{k}: stage {meta['stage']!r}")
    for p in meta["persons"]:
        if p["role"] != p["role"].lower() and not p["role"].startswith("BVC"):
            errors.append(f"{k}: role not lowercase {p['role']!r}")


def check_and_gold(doc, pdf, src, generator, scanned, ex_text, order):
    import pypdfium2 as pdfium
    errors = []
    P = pdfium.PdfDocument(str(pdf))
    npages = len(P)
    w, h = P[0].get_size()
    P.close()
    doc.setdefault("page_size", "A4")
    doc.setdefault("orientation", "portrait")
    ew, eh = SIZES[(doc["page_size"], doc["orientation"])]
    if abs(w - ew) > 6 or abs(h - eh) > 6:
        errors.append(f"page size {w:.0f}x{h:.0f}, expected {doc['page_size']} {doc['orientation']}")
    if doc["kind"] == "poster" and npages != 1:
        errors.append(f"poster has {npages} pages")
    if not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", doc["date"] or "0000"):
        errors.append(f"date form {doc['date']!r}")

    if scanned:
        layer = pdftext(pdf, False)
        if layer.strip():
            errors.append("scanned PDF has a text layer")
        ocr = ocr_pages(pdf)
        whole_ocr = "\n".join(ocr)

        def in_doc(phrase):
            return [] if fuzzy_in(phrase, whole_ocr) else ["tesseract"]

        def pages_of(phrase):
            return {i + 1 for i, t in enumerate(ocr) if fuzzy_in(phrase, t)}
    else:
        whole = {m: norm_variants(pdftext(pdf, m)) for m in (False, True)}
        per_page = {i: norm_variants(pdftext(pdf, False, i)) + norm_variants(pdftext(pdf, True, i))
                    for i in range(1, npages + 1)}

        def in_doc(phrase):
            return [("pdftotext -layout" if m else "pdftotext") for m, v in whole.items()
                    if not found_exact(phrase, v)]

        def pages_of(phrase):
            return {i for i, v in per_page.items() if found_exact(phrase, v)}

    # title
    if doc.get("title_in_text_layer", True):
        # the title must be readable in reading order (raw pdftotext or OCR); a decorative title
        # may share -layout lines with a badge, which is what some documents test
        miss = in_doc(doc["title"])
        if miss and (scanned or "pdftotext" in miss):
            errors.append(f"title {doc['title']!r} not in {miss}")
    else:
        if found_exact(doc["title"], norm_variants(pdftext(pdf, False))):
            errors.append("title is in the text layer, but should be a picture only")
        if not fuzzy_in(doc["title"], "\n".join(ocr_pages(pdf))):
            errors.append("title picture not readable by tesseract")

    n_ctx = len(doc["context_phrases"])
    if not (2 if doc["kind"] == "poster" else 3) <= n_ctx <= 6:
        errors.append(f"{n_ctx} context phrases")
    for phrase in doc["context_phrases"]:
        miss = in_doc(phrase)
        if miss:
            errors.append(f"context phrase not in {miss}: {phrase!r}")
        for k, t in ex_text.items():
            if phrase in t:
                errors.append(f"context phrase {phrase!r} is inside example {k}")

    gold_examples = []
    for k in order:
        meta = dict(doc["examples"][k])
        check_values(meta, errors)
        t = ex_text[k]
        if not 3 <= len(meta["anchors"]) <= 5:
            errors.append(f"example {k}: {len(meta['anchors'])} anchors")
        on = set()
        for a in meta["anchors"]:
            n = len(a.split())
            if not 4 <= n <= 10:
                errors.append(f"anchor of {n} words: {a!r}")
            if a not in t:
                errors.append(f"anchor not in example {k} source text: {a!r}")
            miss = in_doc(a)
            if miss:
                errors.append(f"anchor not in {miss}: {a!r}")
            on |= pages_of(a)
        if not scanned:
            for x in re.split(r"(?<=[.!?:])\s+", t):
                ws = x.split()
                if len(ws) >= 5:
                    for probe in (" ".join(ws[:5]), " ".join(ws[-5:])):
                        on |= pages_of(probe)
        for p in meta["persons"]:
            if p["name"] not in t:
                errors.append(f"person {p['name']} not in example {k}")
        span = list(range(min(on), max(on) + 1)) if on else []
        if not span:
            errors.append(f"example {k}: no page found")
        if meta["pages"] and span != meta["pages"]:
            errors.append(f"example {k}: found on pages {span}, annotated {meta['pages']}")
        g = {key: meta[key] for key in ("title", "team", "municipalities", "places", "focus_areas",
                                        "interventions", "actors", "persons", "inspired_by",
                                        "stage", "anchors")}
        g["pages"] = meta["pages"] or span
        gold_examples.append(g)
    gold = {"file": pdf.name}
    if src is not None:
        gold["source"] = src.name
    gold.update({"kind": doc["kind"], "title": doc["title"], "date": doc["date"], "pages": npages,
                 "generator": generator, "page_size": doc["page_size"],
                 "orientation": doc["orientation"], "scanned": scanned,
                 "examples": gold_examples, "context_phrases": doc["context_phrases"]})
    return gold, errors


# --------------------------------------------------------------------------------------------


def build_one(doc):
    stem = doc["stem"]
    pdf = FILES / f"{stem}.pdf"
    if pdf.exists():
        pdf.unlink()
    scanned = "rotation" in doc
    if "html" in doc:
        html = html_source(doc)
        ex_text = html_example_texts(html)
        order = list(dict.fromkeys(re.findall(r'data-ex="([^"]+)"', doc["html"])))
        if scanned:
            with tempfile.TemporaryDirectory(prefix="blind3-scan-") as td:
                src_tmp = Path(td) / f"{stem}.html"
                src_tmp.write_text(html, encoding="utf-8")
                text_pdf = chromium_pdf(src_tmp, Path(td) / f"{stem}-text.pdf")
                scan_pdf(text_pdf, pdf, doc["rotation"], doc["seed"])
            src, gen = None, "scan"
        else:
            src = FILES / f"{stem}.html"
            src.write_text(html, encoding="utf-8")
            chromium_pdf(src, pdf)
            gen = "chromium"
    else:
        src = FILES / f"{stem}.{doc['producer']}"
        (build_docx if doc["producer"] == "docx" else build_odt)(doc, src)
        soffice_pdf(src, FILES)
        gen = "libreoffice"
        ex_text = block_example_texts(doc)
        order = []
        for b in doc["blocks"]:
            if b[0] == "ex":
                order.append(b[1])
            elif b[0] == "extable":
                order += [r[0] for r in b[2]]
    gold, errors = check_and_gold(doc, pdf, src, gen, scanned, ex_text, order)
    words = {k: len(v.split()) for k, v in ex_text.items()}
    return write_gold(stem, pdf, gold, errors, words)


def write_gold(stem, pdf, gold, errors, words):
    """Writes the gold file when every check passed (else removes a stale one), reports."""
    gpath = GOLD / f"{stem}.json"
    if errors:
        if gpath.exists():
            gpath.unlink()
    else:
        gpath.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{pdf.name}: {gold['pages']} p., {len(gold['examples'])} examples, words {words}, "
          f"pages {[e['pages'] for e in gold['examples']]} -> "
          f"{'ok' if not errors else str(len(errors)) + ' PROBLEM(S)'}")
    for e in errors:
        print("   FAIL:", e)
    return errors


def build_all(docs, build_one):
    """Builds the documents named on the command line (all when none), exits on a problem."""
    FILES.mkdir(exist_ok=True)
    GOLD.mkdir(exist_ok=True)
    want = set(sys.argv[1:])
    all_errors = []
    for doc in docs:
        if want and doc["stem"] not in want:
            continue
        all_errors += build_one(doc)
    if all_errors:
        sys.exit(f"FAILED: {len(all_errors)} problem(s)")
    print("all gold checks passed")


def main():
    build_all(set3_data.DOCS, build_one)


if __name__ == "__main__":
    main()
