"""Build the blind newsletter set: blind-nyhetsbrev-*.{docx,odt,html,pdf} and their gold files.

Run from the repository root:
    .venv/bin/python benchmarks/blind/extraction/build_newsletters.py

Texts and hand-written annotations are in newsletters_data.py. The script writes the office /
HTML originals, exports them to PDF (LibreOffice or Chromium), and writes gold/<stem>.json.
It checks every anchor and context phrase against pdftotext (raw and -layout) and fails loudly
when one is missing. Example pages are read from the PDF.
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
from newsletters_data import NEWSLETTERS  # noqa: E402

FILES = HERE / "files"
GOLD = HERE / "gold"
ACCENT = "1F5C4A"      # dark green used for banners and headings
LIGHT = "E6F0EC"

# --------------------------------------------------------------------------------------------
# DOCX (python-docx)


def build_docx(nl, path):
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10.5)
    st.paragraph_format.space_after = Pt(6)
    for name, size in (("Heading 1", 15), ("Heading 2", 11.5)):
        h = d.styles[name]
        h.font.name = "Liberation Sans"
        h.font.size = Pt(size)
        h.font.color.rgb = RGBColor.from_string(ACCENT)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)

    def fld(par, instr, placeholder):
        f = OxmlElement("w:fldSimple")
        f.set(qn("w:instr"), instr)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = placeholder
        r.append(t)
        f.append(r)
        par._p.append(f)

    if nl.get("header"):
        hp = sec.header.paragraphs[0]
        hp.text = nl["header"]
        hp.runs[0].font.size = Pt(8.5)
        hp.runs[0].font.color.rgb = RGBColor.from_string("666666")
    fp = sec.footer.paragraphs[0]
    fp.alignment = 2  # right
    if nl.get("footer_text"):
        fp.add_run(nl["footer_text"] + "    ")
    if nl.get("footer_pages"):
        fp.add_run("Sida ")
        fld(fp, " PAGE ", "1")
        fp.add_run(" av ")
        fld(fp, " NUMPAGES ", "1")
    for r in fp.runs:
        r.font.size = Pt(8.5)

    def shade(cell, fill):
        tcPr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tcPr.append(shd)

    def set_cols(section, n):
        sectPr = section._sectPr
        for c in sectPr.findall(qn("w:cols")):
            sectPr.remove(c)
        cols = OxmlElement("w:cols")
        cols.set(qn("w:num"), str(n))
        cols.set(qn("w:space"), "567")
        sectPr.append(cols)

    for b in nl["blocks"]:
        kind = b[0]
        if kind in ("ex", "endex"):
            continue
        if kind == "masthead":
            _, small, big, sub = b
            t = d.add_table(rows=1, cols=1)
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            c = t.cell(0, 0)
            shade(c, ACCENT)
            p = c.paragraphs[0]
            if small:
                r = p.add_run(small)
                r.font.size = Pt(10)
                r.font.color.rgb = RGBColor(255, 255, 255)
                p = c.add_paragraph()
            r = p.add_run(big)
            r.bold = True
            r.font.size = Pt(20)
            r.font.color.rgb = RGBColor(255, 255, 255)
            if sub:
                p2 = c.add_paragraph()
                r = p2.add_run(sub)
                r.font.size = Pt(11)
                r.font.color.rgb = RGBColor(255, 255, 255)
            d.add_paragraph()
        elif kind == "h1":
            d.add_heading(b[1], level=1)
        elif kind == "h2":
            d.add_heading(b[1], level=2)
        elif kind in ("p", "p_small"):
            d.add_paragraph(b[1])
        elif kind == "runin":
            p = d.add_paragraph()
            p.add_run(b[1]).bold = True
            p.add_run(" " + b[2])
        elif kind == "bullets":
            for it in b[1]:
                d.add_paragraph(it, style="List Bullet")
        elif kind == "table":
            _, head, rows = b
            t = d.add_table(rows=1, cols=len(head))
            t.style = "Table Grid"
            for i, h in enumerate(head):
                t.rows[0].cells[i].text = h
                t.rows[0].cells[i].paragraphs[0].runs[0].bold = True
                shade(t.rows[0].cells[i], LIGHT)
            for row in rows:
                cells = t.add_row().cells
                for i, v in enumerate(row):
                    cells[i].text = v
            t.autofit = False
            widths = [Cm(x) for x in (3.8, 4.2, 6.2, 2.8)][:len(head)]
            for row in t.rows:
                for c, wd in zip(row.cells, widths):
                    c.width = wd
            for gc, wd in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths):
                gc.set(qn("w:w"), str(int(wd.twips)))
                for c in row.cells:
                    for p in c.paragraphs:
                        for r in p.runs:
                            r.font.size = Pt(8.5)
            for row in t.rows:
                trPr = row._tr.get_or_add_trPr()
                trPr.append(OxmlElement("w:cantSplit"))
        elif kind == "sidebar":
            # A floating table at the right margin: body text wraps on its left (Word's usual
            # way of making a fact box beside the text).
            t = d.add_table(rows=1, cols=1)
            tblPr = t._tbl.tblPr
            pp = OxmlElement("w:tblpPr")
            for k, v in (("leftFromText", "284"), ("rightFromText", "0"), ("topFromText", "0"),
                         ("bottomFromText", "284"), ("vertAnchor", "text"),
                         ("horzAnchor", "margin"), ("tblpXSpec", "right"), ("tblpY", "1")):
                pp.set(qn("w:" + k), v)
            style_el = tblPr.find(qn("w:tblStyle"))
            if style_el is not None:
                style_el.addnext(pp)
            else:
                tblPr.insert(0, pp)
            tw = tblPr.find(qn("w:tblW"))
            if tw is None:
                tw = OxmlElement("w:tblW")
                tblPr.append(tw)
            tw.set(qn("w:w"), "3402")
            tw.set(qn("w:type"), "dxa")
            c = t.cell(0, 0)
            c.width = Cm(6)
            shade(c, LIGHT)
            first = True
            for head, text in b[1]:
                p = c.paragraphs[0] if first else c.add_paragraph()
                first = False
                r = p.add_run(head)
                r.bold = True
                r.font.size = Pt(9.5)
                r.font.color.rgb = RGBColor.from_string(ACCENT)
                p2 = c.add_paragraph()
                r = p2.add_run(text)
                r.font.size = Pt(9)
        elif kind == "cols":
            ns = d.add_section(WD_SECTION.CONTINUOUS)
            set_cols(ns, b[1])
        else:
            raise ValueError(f"docx: unknown block {kind}")
    d.core_properties.title = nl["title"]
    d.core_properties.author = "Bästa platsen"
    d.save(path)


# --------------------------------------------------------------------------------------------
# ODT (odfpy)


def build_odt(nl, path):
    from odf.draw import Frame, TextBox
    from odf.opendocument import OpenDocumentText
    from odf.style import (Footer, GraphicProperties, Header, ListLevelProperties, MasterPage,
                           PageLayout, PageLayoutProperties, ParagraphProperties, Style,
                           TableCellProperties, TableColumnProperties, TableProperties,
                           TextProperties)
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, ListLevelStyleBullet, ListStyle, P, PageCount, PageNumber, Span

    from odf.style import FontFace

    doc = OpenDocumentText()
    S, A = doc.styles, doc.automaticstyles
    doc.fontfacedecls.addElement(FontFace(name="Liberation Sans", fontfamily="'Liberation Sans'",
                                          fontfamilygeneric="swiss", fontpitch="variable"))
    frame_parent = Style(name="Frame", family="graphic")
    frame_parent.addElement(GraphicProperties(anchortype="paragraph"))
    S.addElement(frame_parent)

    std = Style(name="Standard", family="paragraph")
    std.addElement(TextProperties(fontname="Liberation Sans", fontsize="11pt"))
    std.addElement(ParagraphProperties(marginbottom="0.2cm"))
    S.addElement(std)
    body = Style(name="Text_20_body", displayname="Text body", family="paragraph", parentstylename="Standard")
    body.addElement(ParagraphProperties(marginbottom="0.2cm", margintop="0cm"))
    S.addElement(body)
    hstyles = {}
    for lvl, size, top in ((1, "15pt", "0.45cm"), (2, "11.5pt", "0.25cm")):
        hs = Style(name=f"Heading_20_{lvl}", displayname=f"Heading {lvl}", family="paragraph",
                   parentstylename="Standard", defaultoutlinelevel=str(lvl))
        hs.addElement(TextProperties(fontsize=size, fontweight="bold", color="#" + ACCENT,
                                     fontname="Liberation Sans"))
        hs.addElement(ParagraphProperties(margintop=top, marginbottom="0.12cm", keepwithnext="always"))
        S.addElement(hs)
        hstyles[lvl] = hs
    bold = Style(name="Strong_20_Emphasis", displayname="Strong Emphasis", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    S.addElement(bold)
    small = Style(name="Footer", family="paragraph", parentstylename="Standard")
    small.addElement(TextProperties(fontsize="8.5pt", color="#555555"))
    small.addElement(ParagraphProperties(textalign="end"))
    S.addElement(small)
    hdr = Style(name="Header", family="paragraph", parentstylename="Standard")
    hdr.addElement(TextProperties(fontsize="8.5pt", color="#555555"))
    S.addElement(hdr)

    banner = Style(name="Banner", family="paragraph", parentstylename="Standard")
    banner.addElement(TextProperties(fontsize="21pt", fontweight="bold", color="#FFFFFF"))
    banner.addElement(ParagraphProperties(backgroundcolor="#" + ACCENT, padding="0.2cm", marginbottom="0cm"))
    S.addElement(banner)
    bannersub = Style(name="Banner_20_sub", displayname="Banner sub", family="paragraph", parentstylename="Standard")
    bannersub.addElement(TextProperties(fontsize="11pt", color="#FFFFFF"))
    bannersub.addElement(ParagraphProperties(backgroundcolor="#" + ACCENT, padding="0.2cm", marginbottom="0.4cm"))
    S.addElement(bannersub)
    bannersmall = Style(name="Banner_20_small", displayname="Banner small", family="paragraph", parentstylename="Standard")
    bannersmall.addElement(TextProperties(fontsize="10pt", color="#FFFFFF"))
    bannersmall.addElement(ParagraphProperties(backgroundcolor="#" + ACCENT, padding="0.2cm", marginbottom="0cm"))
    S.addElement(bannersmall)
    boxhead = Style(name="Box_20_heading", displayname="Box heading", family="paragraph", parentstylename="Standard")
    boxhead.addElement(TextProperties(fontsize="9.5pt", fontweight="bold", color="#" + ACCENT))
    boxhead.addElement(ParagraphProperties(margintop="0.15cm", marginbottom="0.05cm"))
    S.addElement(boxhead)
    boxtext = Style(name="Box_20_text", displayname="Box text", family="paragraph", parentstylename="Standard")
    boxtext.addElement(TextProperties(fontsize="9pt"))
    S.addElement(boxtext)
    cellp = Style(name="Table_20_Contents", displayname="Table Contents", family="paragraph", parentstylename="Standard")
    cellp.addElement(TextProperties(fontsize="9pt"))
    cellp.addElement(ParagraphProperties(marginbottom="0.05cm"))
    S.addElement(cellp)

    bl = ListStyle(name="Bullets")
    lv = ListLevelStyleBullet(level=1, bulletchar="•")
    lv.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.4cm"))
    bl.addElement(lv)
    S.addElement(bl)

    pl = PageLayout(name="pm1")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
                                       margintop="1.5cm", marginbottom="1.5cm", marginleft="2cm",
                                       marginright="2cm"))
    A.addElement(pl)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    if nl.get("header"):
        h = Header()
        h.addElement(P(stylename=hdr, text=nl["header"]))
        mp.addElement(h)
    f = Footer()
    fpar = P(stylename=small)
    if nl.get("footer_text"):
        fpar.addText(nl["footer_text"] + "      ")
    if nl.get("footer_pages"):
        fpar.addText("Sida ")
        fpar.addElement(PageNumber(selectpage="current", text="1"))
        fpar.addText(" av ")
        fpar.addElement(PageCount(text="1"))
    f.addElement(fpar)
    mp.addElement(f)
    doc.masterstyles.addElement(mp)

    frame_style = Style(name="Sidebar", family="graphic", parentstylename=frame_parent)
    frame_style.addElement(GraphicProperties(
        wrap="parallel", runthrough="foreground", horizontalpos="right", horizontalrel="paragraph",
        verticalpos="top", verticalrel="paragraph", backgroundcolor="#" + LIGHT, fill="solid",
        fillcolor="#" + LIGHT,
        border="0.06pt solid #" + ACCENT, padding="0.25cm", marginleft="0.4cm", marginbottom="0.2cm"))
    A.addElement(frame_style)
    tstyle = Style(name="Tbl", family="table")
    tstyle.addElement(TableProperties(width="17cm", align="margins"))
    A.addElement(tstyle)
    cstyle = Style(name="TblCell", family="table-cell")
    cstyle.addElement(TableCellProperties(border="0.5pt solid #999999", padding="0.08cm"))
    A.addElement(cstyle)
    hcstyle = Style(name="TblHeadCell", family="table-cell")
    hcstyle.addElement(TableCellProperties(border="0.5pt solid #999999", padding="0.08cm", backgroundcolor="#" + LIGHT))
    A.addElement(hcstyle)
    ncstyle = Style(name="NoBorderCell", family="table-cell")
    ncstyle.addElement(TableCellProperties(border="none", padding="0.1cm"))
    A.addElement(ncstyle)
    bcell_b = Style(name="CellBold", family="paragraph", parentstylename=cellp)
    bcell_b.addElement(TextProperties(fontweight="bold"))
    A.addElement(bcell_b)

    text = doc.text
    pending_sidebar = None

    def add_bullets(parent, items, pstyle=body):
        lst = List(stylename=bl)
        for it in items:
            li = ListItem()
            li.addElement(P(stylename=pstyle, text=it))
            lst.addElement(li)
        parent.addElement(lst)

    for b in nl["blocks"]:
        kind = b[0]
        if kind in ("ex", "endex"):
            continue
        if kind == "masthead":
            _, sm, big, sub = b
            if sm:
                text.addElement(P(stylename=bannersmall, text=sm))
            text.addElement(P(stylename=banner, text=big))
            text.addElement(P(stylename=bannersub, text=sub or " "))
        elif kind == "sidebar":
            pending_sidebar = b[1]
        elif kind in ("h1", "h2"):
            lvl = 1 if kind == "h1" else 2
            text.addElement(H(outlinelevel=lvl, stylename=hstyles[lvl], text=b[1]))
        elif kind in ("p", "p_small", "runin"):
            p = P(stylename=body)
            if pending_sidebar:
                fr = Frame(stylename=frame_style, width="6cm", anchortype="paragraph", name="Faktaruta",
                           zindex="0")
                tb = TextBox(minheight="4cm")
                for head, t in pending_sidebar:
                    tb.addElement(P(stylename=boxhead, text=head))
                    tb.addElement(P(stylename=boxtext, text=t))
                fr.addElement(tb)
                p.addElement(fr)
                pending_sidebar = None
            if kind == "runin":
                p.addElement(Span(stylename=bold, text=b[1]))
                p.addText(" " + b[2])
            else:
                p.addText(b[1])
            text.addElement(p)
        elif kind == "bullets":
            add_bullets(text, b[1])
        elif kind == "twolists":
            _, hl, il, hr, ir = b
            t = Table(name="Tvalistor", stylename=tstyle)
            for _ in range(2):
                cs = Style(name=f"col{id(t)}{_}", family="table-column")
                cs.addElement(TableColumnProperties(columnwidth="8.5cm"))
                A.addElement(cs)
                t.addElement(TableColumn(stylename=cs))
            tr = TableRow()
            for head, items in ((hl, il), (hr, ir)):
                c = TableCell(stylename=ncstyle, valuetype="string")
                c.addElement(P(stylename=bcell_b, text=head))
                add_bullets(c, items, cellp)
                tr.addElement(c)
            t.addElement(tr)
            text.addElement(t)
        elif kind == "table":
            _, head, rows = b
            t = Table(name="Kontakter", stylename=tstyle)
            t.addElement(TableColumn(numbercolumnsrepeated=len(head)))
            tr = TableRow()
            for h in head:
                c = TableCell(stylename=hcstyle, valuetype="string")
                c.addElement(P(stylename=bcell_b, text=h))
                tr.addElement(c)
            t.addElement(tr)
            for row in rows:
                tr = TableRow()
                for v in row:
                    c = TableCell(stylename=cstyle, valuetype="string")
                    c.addElement(P(stylename=cellp, text=v))
                    tr.addElement(c)
                t.addElement(tr)
            text.addElement(t)
        else:
            raise ValueError(f"odt: unknown block {kind}")
    doc.meta.addElement(__import__("odf.dc", fromlist=["Title"]).Title(text=nl["title"]))
    doc.save(str(path))


# --------------------------------------------------------------------------------------------
# HTML e-mail (table layout, inline CSS, like e-mail newsletter tools produce)


def build_html(nl, path):
    F = "font-family:Arial,Helvetica,sans-serif;"
    out = []
    w = out.append
    w('<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
      f'<title>{escape(nl["title"])}</title>'
      '<style>@page { size: A4; margin: 12mm; }</style></head>'
      '<body style="margin:0;padding:0;background:#eef2f0;">')
    w('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
      'style="background:#eef2f0;"><tr><td align="center" style="padding:16px 0;">')
    w('<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" '
      'style="width:640px;background:#ffffff;border-collapse:collapse;">')

    def row(inner, style="padding:8px 28px;"):
        w(f'<tr><td style="{F}{style}font-size:14px;line-height:1.5;color:#222222;">{inner}</td></tr>')

    for b in nl["blocks"]:
        kind = b[0]
        if kind in ("ex",):
            w('<tr><td style="padding:6px 20px;"><table role="presentation" width="100%" cellpadding="0" '
              'cellspacing="0" border="0" style="border:1px solid #cfe0d8;border-radius:4px;">')
            continue
        if kind == "endex":
            w('</table></td></tr>')
            continue
        if kind == "masthead":
            _, sm, big, sub = b
            w(f'<tr><td style="{F}padding:6px 28px;font-size:11px;color:#666666;background:#eef2f0;">'
              f'{escape(sm)} &nbsp;|&nbsp; <a href="#" style="color:#1F5C4A;">Visa i webbläsaren</a></td></tr>')
            w(f'<tr><td style="{F}background:#{ACCENT};padding:26px 28px;color:#ffffff;">'
              f'<div style="font-size:26px;font-weight:bold;line-height:1.2;">{escape(big)}</div>'
              f'<div style="font-size:13px;margin-top:8px;">{escape(sub)}</div></td></tr>')
        elif kind == "toc":
            _, paras, boxtitle, items = b
            left = "".join(f'<p style="margin:0 0 10px 0;">{escape(p)}</p>' for p in paras)
            lis = "".join(f'<li style="margin:0 0 4px 0;">{escape(i)}</li>' for i in items)
            w(f'<tr><td style="padding:18px 28px 6px 28px;"><table role="presentation" width="100%" '
              f'cellpadding="0" cellspacing="0" border="0"><tr>'
              f'<td valign="top" width="62%" style="{F}font-size:14px;line-height:1.5;color:#222;padding-right:18px;">{left}</td>'
              f'<td valign="top" width="38%" style="{F}font-size:12.5px;line-height:1.4;background:#{LIGHT};padding:12px 14px;">'
              f'<div style="font-weight:bold;color:#{ACCENT};margin-bottom:6px;">{escape(boxtitle)}</div>'
              f'<ul style="margin:0;padding-left:16px;">{lis}</ul></td></tr></table></td></tr>')
        elif kind == "h1":
            w(f'<tr><td style="{F}padding:14px 28px 4px 28px;font-size:19px;font-weight:bold;color:#{ACCENT};">'
              f'{escape(b[1])}</td></tr>')
        elif kind == "h2":
            w(f'<tr><td style="{F}padding:8px 28px 2px 28px;font-size:15px;font-weight:bold;color:#{ACCENT};">'
              f'{escape(b[1])}</td></tr>')
        elif kind == "p":
            row(escape(b[1]))
        elif kind == "p_small":
            w(f'<tr><td style="{F}padding:18px 28px;font-size:11px;color:#777777;background:#eef2f0;">'
              f'{escape(b[1])}</td></tr>')
        elif kind == "bullets":
            lis = "".join(f'<li>{escape(i)}</li>' for i in b[1])
            row(f'<ul style="margin:0;padding-left:20px;">{lis}</ul>')
        elif kind == "contact":
            trs = "".join(
                f'<tr><td style="{F}font-size:12.5px;padding:3px 8px 3px 0;">{escape(n)}</td>'
                f'<td style="{F}font-size:12.5px;padding:3px 8px;">{escape(r)}</td>'
                f'<td style="{F}font-size:12.5px;padding:3px 0 3px 8px;"><a href="mailto:{escape(e)}" '
                f'style="color:#{ACCENT};">{escape(e)}</a></td></tr>' for n, r, e in b[1])
            w(f'<tr><td style="padding:4px 28px 14px 28px;"><div style="{F}font-size:12.5px;font-weight:bold;'
              f'color:#{ACCENT};margin-bottom:2px;">Kontakt</div><table role="presentation" cellpadding="0" '
              f'cellspacing="0" border="0">{trs}</table></td></tr>')
        elif kind == "table":
            _, head, rows = b
            th = "".join(f'<td style="{F}font-size:12.5px;font-weight:bold;padding:5px 8px;background:#{LIGHT};'
                         f'border:1px solid #cccccc;">{escape(h)}</td>' for h in head)
            trs = "".join("<tr>" + "".join(f'<td style="{F}font-size:12.5px;padding:5px 8px;border:1px solid #cccccc;'
                                           f'white-space:nowrap;">{escape(v)}</td>' for v in r) + "</tr>"
                          for r in rows)
            w(f'<tr><td style="padding:6px 28px 12px 28px;"><table role="presentation" width="100%" cellpadding="0" '
              f'cellspacing="0" border="0" style="border-collapse:collapse;"><tr>{th}</tr>{trs}</table></td></tr>')
        else:
            raise ValueError(f"html: unknown block {kind}")
    w('</table></td></tr></table></body></html>')
    path.write_text("\n".join(out), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# PDF export


def soffice_pdf(src, outdir):
    profile = Path(tempfile.mkdtemp(prefix="lo-blindnews-"))
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(outdir), str(src)],
                       check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = outdir / (src.stem + ".pdf")
    if not pdf.exists() or pdf.stat().st_size < 1000:
        sys.exit(f"FAIL: LibreOffice did not produce {pdf}")
    return pdf


def chromium_pdf(src, pdf):
    profile = Path(tempfile.mkdtemp(prefix="chromium-blindnews-"))
    try:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                        src.resolve().as_uri()], check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if not pdf.exists() or pdf.stat().st_size < 1000:
        sys.exit(f"FAIL: Chromium did not produce {pdf}")
    return pdf


# --------------------------------------------------------------------------------------------
# Checks


def pdftext(pdf, layout, first=None, last=None):
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        cmd.append("-layout")
    if first:
        cmd += ["-f", str(first), "-l", str(last)]
    cmd += [str(pdf), "-"]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def norm_variants(t):
    """The text with whitespace collapsed, once as is and once with line-end hyphens joined."""
    t = t.replace("\u00ad", "").replace("\u00a0", " ")
    joined = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", t)
    return [re.sub(r"\s+", " ", x) for x in (t, joined)]


def found(phrase, variants):
    p = re.sub(r"\s+", " ", phrase)
    return any(p in v for v in variants)


def example_texts(nl):
    texts, cur = {}, None
    for b in nl["blocks"]:
        if b[0] == "ex":
            cur = b[1]
            texts[cur] = []
        elif b[0] == "endex":
            cur = None
        elif cur:
            for part in b[1:]:
                if isinstance(part, str):
                    texts[cur].append(part)
                elif isinstance(part, list):
                    for x in part:
                        texts[cur].extend(x if isinstance(x, list) else [x])
    return {k: " ".join(v) for k, v in texts.items()}


def check_and_gold(nl, pdf, src, generator):
    import pdfplumber
    errors = []
    with pdfplumber.open(pdf) as P:
        npages = len(P.pages)
        w, h = P.pages[0].width, P.pages[0].height
    if not (abs(w - 595) < 4 and abs(h - 842) < 4):
        errors.append(f"page size {w}x{h} is not A4 portrait")
    whole = {m: norm_variants(pdftext(pdf, m)) for m in (False, True)}
    pages = {i: norm_variants(pdftext(pdf, False, i, i)) + norm_variants(pdftext(pdf, True, i, i))
             for i in range(1, npages + 1)}
    ex_text = example_texts(nl)

    for phrase in nl["context_phrases"]:
        for mode, var in whole.items():
            if not found(phrase, var):
                errors.append(f"context phrase not in pdftotext{' -layout' if mode else ''}: {phrase!r}")
        for k, t in ex_text.items():
            if phrase in t:
                errors.append(f"context phrase {phrase!r} is inside example {k}")

    gold_examples = []
    order = [b[1] for b in nl["blocks"] if b[0] == "ex"]
    for k in order:
        meta = dict(nl["examples"][k])
        t = ex_text[k]
        words = len(t.split())
        if not 120 <= words <= 350:
            errors.append(f"example {k} has {words} words")
        if not 3 <= len(meta["anchors"]) <= 5:
            errors.append(f"example {k}: {len(meta['anchors'])} anchors")
        for a in meta["anchors"]:
            n = len(a.split())
            if not 4 <= n <= 10:
                errors.append(f"anchor of {n} words: {a!r}")
            if a not in t:
                errors.append(f"anchor not in example {k} source text: {a!r}")
            for mode, var in whole.items():
                if not found(a, var):
                    errors.append(f"anchor not in pdftotext{' -layout' if mode else ''}: {a!r}")
        for p in meta["persons"]:
            if p["name"] not in t:
                errors.append(f"person {p['name']} not in example {k}")
        # pages: every page on which the start or the end of a sentence of the example is found
        sentences = [x for x in re.split(r"(?<=[.!?:])\s+", t) if len(x.split()) >= 5]
        on = set()
        for x in sentences:
            ws = x.split()
            for probe in (" ".join(ws[:5]), " ".join(ws[-5:])):
                for i, var in pages.items():
                    if found(probe, var):
                        on.add(i)
        if not on:
            errors.append(f"example {k}: no page found")
            span = []
        else:
            span = list(range(min(on), max(on) + 1))
        if span != meta["pages"]:
            errors.append(f"example {k}: found on pages {span}, annotated {meta['pages']}")
        g = {"title": meta["title"], "team": meta["team"], "municipalities": meta["municipalities"],
             "places": meta["places"], "focus_areas": meta["focus_areas"],
             "interventions": meta["interventions"], "actors": meta["actors"],
             "persons": meta["persons"], "inspired_by": meta["inspired_by"], "stage": meta["stage"],
             "anchors": meta["anchors"], "pages": span}
        gold_examples.append(g)
    if not found(nl["title"], whole[False]):
        errors.append(f"title not in PDF: {nl['title']!r}")
    gold = {"file": pdf.name, "source": src.name, "kind": "newsletter", "title": nl["title"],
            "date": nl["date"], "pages": npages, "generator": generator, "page_size": "A4",
            "orientation": "portrait", "scanned": False, "examples": gold_examples,
            "context_phrases": nl["context_phrases"]}
    return gold, errors


def main():
    FILES.mkdir(exist_ok=True)
    GOLD.mkdir(exist_ok=True)
    all_errors = []
    for nl in NEWSLETTERS:
        stem = nl["stem"]
        prod = nl["producer"]
        src = FILES / f"{stem}.{prod}"
        pdf = FILES / f"{stem}.pdf"
        if pdf.exists():
            pdf.unlink()
        if prod == "docx":
            build_docx(nl, src)
        elif prod == "odt":
            build_odt(nl, src)
        else:
            build_html(nl, src)
        if prod == "html":
            chromium_pdf(src, pdf)
            gen = "chromium"
        else:
            soffice_pdf(src, FILES)
            gen = "libreoffice"
        gold, errors = check_and_gold(nl, pdf, src, gen)
        (GOLD / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
        status = "ok" if not errors else f"{len(errors)} PROBLEM(S)"
        print(f"{pdf.name}: {gold['pages']} pages, {len(gold['examples'])} examples, "
              f"pages per example {[e['pages'] for e in gold['examples']]} -> {status}")
        for e in errors:
            print("   FAIL:", e)
        all_errors += errors
    if all_errors:
        sys.exit(f"FAILED: {len(all_errors)} problem(s)")
    print("all anchors and context phrases found")


if __name__ == "__main__":
    main()
