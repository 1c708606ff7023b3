"""Real PDFs whose text layer holds characters outside the Basic Multilingual Plane (emoji),
made in the test rather than committed: WeasyPrint keeps their code points in the ToUnicode
map even where DejaVu Sans has no glyph for them, and pdfium reports each one as two UTF-16
halves."""

from __future__ import annotations

from pathlib import Path

PARTY, THUMBS_UP, SMILE = "\U0001f389", "\U0001f44d", "\U0001f60a"  # 🎉 👍 😊
EMOJI = (PARTY, THUMBS_UP, SMILE)
# a word of the first example (with emoji), to find it by search
SEARCH_WORD = "bokcirklar"

FILLER = (
    "Arbetet följs upp varje månad i teamet och resultaten delas med ledningen för att se vad "
    "som behöver justeras innan nästa test. "
)


def emoji_newsletter(path: Path) -> Path:
    """A one-page newsletter with a title, an introduction (context) and two headed team
    examples; emoji in the title, the introduction and the first example."""
    from weasyprint import HTML

    f = FILLER
    html = f"""<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><style>
    @page {{ size: A4; margin: 18mm 15mm }}
    body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; line-height: 1.35 }}
    h1 {{ font-size: 22pt; margin: 0 }} .date {{ font-size: 12pt; margin-bottom: 6mm }}
    h2 {{ font-size: 13pt; margin: 4mm 0 1mm }}
    </style></head><body>
    <h1>Nyhetsbrev för Bästa platsen {PARTY}</h1><div class="date">Den 3 december 2025</div>
    <p>Välkomna till vinterns nyhetsbrev! Vi firar ett år med lärandenätverket {PARTY} {f}</p>
    <h2>Läsfrämjande i Ekenässjön</h2>
    <p>Skolbiblioteket i Ekenässjön har startat {SEARCH_WORD} för elever i årskurs fyra som
    läser lite på fritiden. Eleverna ger tummen upp {THUMBS_UP} och läser mer {SMILE}
    {f * 3}</p>
    <h2>Öppen idrottshall i Stockaryd</h2>
    <p>Varje fredagskväll är idrottshallen i Stockaryd öppen för ungdomar med vuxna från
    föreningarna. {f * 3}</p>
    </body></html>"""
    HTML(string=html).write_pdf(str(path))
    return path


def decomposed_pdf(path: Path) -> Path:
    """A line drawn with reportlab from decomposed (NFD) text: pdfium reports each combining
    mark as a character of its own."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
        pdfmetrics.registerFont(TTFont("DejaVuSans", font))
    pdf = canvas.Canvas(str(path))
    pdf.setFont("DejaVuSans", 12)
    pdf.drawString(72, 700, "Cafe\u0301 i A\u030angermanland")
    pdf.save()
    return path
