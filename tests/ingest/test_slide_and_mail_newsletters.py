"""Two ways coordinators send a newsletter, made as they make them and read by the real pipeline.

A deck of A4-landscape slides (python-pptx, exported by LibreOffice as "Exportera som PDF"
does), one team per slide, with a slide that sums up the day's meeting ("Dagens träff i
korthet"): that slide is the meeting's, the context, however its bullets read, and the teams'
slides stay examples. An e-mail printed from a web mail client (Chromium), its header lines
("Från:", "Skickat:"/"Datum:", "Till:", "Ämne:") above the newsletter: the day it was sent dates
the document, also when the subject names only the month."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Cm, Pt

from ingest.model import Document
from ingest.pipeline import read_pdf

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice"),
    pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Chromium"),
]

# each slide: title, lines under it (team, municipality), bullets
Slide = tuple[str, list[str], list[str]]
COVER: Slide = ("Nyhetsbrev Lärandenätverket Bästa platsen", ["Hösten 2025"], [])
TEAMS: list[Slide] = [
    ("Läxhjälp med seniorer i Anderstorp", ["Team Läxhjälp · Gislaveds kommun"], [
        "Vi startade läxhjälp två kvällar i veckan på biblioteket tillsammans med seniorer.",
        "Eleverna kommer när de vill och får hjälp med det de behöver.",
        "Antalet besök ökade från 12 till 31 per vecka under terminen.",
    ]),
    ("Närvaro från första dagen", ["Björkhagaskolan · Gnosjö kommun"], [
        "Skolan ringer hem samma morgon som en elev är borta.",
        "Vi bjuder in till samtal om vad som skulle göra det lättare att komma till skolan.",
        "Frånvaron i årskurs 7 minskade från 14 till 9 procent.",
    ]),
]
# the day summed up, in words a team's slide also uses ("team", "resultat", "vi")
SUMMARIES: dict[str, Slide] = {
    "korthet": ("Dagens träff i korthet", [], [
        "Elva team och ett trettiotal deltagare på plats i Värnamo",
        "Tre team visade sina resultat och fick frågor",
        "Samtal i grupper om hur vi mäter och följer upp",
        "Vi ses igen den 12 februari 2026 i Jönköping",
    ]),
    "fran": ("Från dagens nätverksträff", [], [
        "Förmiddag: korta presentationer, fem minuter per team",
        "Eftermiddag: samtal om mätning i tre blandade grupper",
        "Till nästa gång: ta med en egen mätning",
    ]),
    "traffen": ("Träffen i korthet", [], [
        "Vi var 32 deltagare från 11 team",
        "Tre team berättade om sina resultat",
        "Nästa möte: 12 februari 2026 i Jönköping",
    ]),
}


def _deck(path: Path, slides: list[Slide]) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Cm(29.7), Cm(21)  # A4 landscape
    for title, lines, bullets in slides:
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        frame = slide.shapes.add_textbox(Cm(1.5), Cm(1.2), Cm(26.7), Cm(2.5)).text_frame
        frame.word_wrap = True
        frame.text = title
        frame.paragraphs[0].runs[0].font.size, frame.paragraphs[0].runs[0].font.bold = Pt(32), True
        top = 4.0
        for line in lines:
            box = slide.shapes.add_textbox(Cm(1.5), Cm(top), Cm(26.7), Cm(1.2)).text_frame
            box.text = line
            box.paragraphs[0].runs[0].font.size = Pt(18)
            top += 1.4
        if bullets:
            box = slide.shapes.add_textbox(Cm(1.5), Cm(top + 0.5), Cm(26.7), Cm(12)).text_frame
            box.word_wrap = True
            for i, item in enumerate(bullets):
                para = box.paragraphs[0] if i == 0 else box.add_paragraph()
                para.text = "• " + item
                para.runs[0].font.size, para.space_after = Pt(18), Pt(8)
    prs.save(str(path))
    return path


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    """Each summary slide after the cover and, in a second deck, after the teams."""
    out = tmp_path_factory.mktemp("bildspel")
    sources = []
    for name, summary in SUMMARIES.items():
        sources.append(_deck(out / f"bildspel-{name}-forst.pptx", [COVER, summary, *TEAMS]))
        sources.append(_deck(out / f"bildspel-{name}-sist.pptx", [COVER, *TEAMS, summary]))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out), *map(str, sources)],
            check=True, capture_output=True, timeout=300,
        )
    return {s.stem: read_pdf(s.with_suffix(".pdf")) for s in sources}


def test_the_slide_summing_up_the_day_is_context(decks: dict[str, Document]) -> None:
    for name, doc in decks.items():
        heading = SUMMARIES[name.split("-")[1]][0]
        assert heading in [s.heading for s in doc.context], name
        assert all(heading not in e.text and "Värnamo" not in e.text for e in doc.examples), name


def test_the_teams_slides_stay_examples(decks: dict[str, Document]) -> None:
    for name, doc in decks.items():
        assert doc.kind == "newsletter", name
        assert [e.title for e in doc.examples] == [t[0] for t in TEAMS], name
        team = doc.examples[0].text
        assert "Gislaveds kommun" in team and "från 12 till 31 per vecka" in team, name


# name → (the header's date label, what it says, header as lines or as cells, the subject)
MAILS: dict[str, tuple[str, str, str, str]] = {
    "den": ("Skickat", "den 20 november 2025 09:14", "lines", "Nyhetsbrev november 2025"),
    "forkortad": ("Datum", "20 nov. 2025 09:14", "cells", "Nyhetsbrev november 2025"),
    "iso": ("Skickat", "2025-11-20 09:14", "cells", "Nyhetsbrev hösten 2025"),
    "veckodag": ("Datum", "torsdag 20 november 2025 09:14", "lines", "Nyhetsbrev 2025"),
}
MAIL_BODY = [
    ("h", "Läxhjälp med seniorer i Anderstorp"),
    ("p", "Teamet i Anderstorp har startat läxhjälp två kvällar i veckan på biblioteket. "
          "Antalet besök ökade från 12 till 31 per vecka och fler elever lämnade in i tid."),
    ("h", "Närvaro från första dagen i Gnosjö"),
    ("p", "Björkhagaskolan ringer hem samma morgon som en elev är borta. Vi har mätt "
          "frånvaron varje vecka och den minskade från 14 till 9 procent bland 120 elever."),
    ("p", "Vänliga hälsningar, Anna Svensson, processledare"),
]


def _mail_html(label: str, sent: str, layout: str, subject: str) -> str:
    fields = [("Från", "Anna Svensson <anna.svensson@rjl.se>"), (label, sent),
              ("Till", "Lärandenätverket Bästa platsen"), ("Ämne", subject)]
    if layout == "cells":
        header = "<table>" + "".join(
            f"<tr><td style='padding-right:24px'><b>{escape(k)}:</b></td><td>{escape(v)}</td></tr>"
            for k, v in fields) + "</table>"
    else:
        header = "".join(f"<div><b>{escape(k)}:</b> {escape(v)}</div>" for k, v in fields)
    body = "".join(f"<h2 style='font-size:18px'>{escape(t)}</h2>" if kind == "h"
                   else f"<p>{escape(t)}</p>" for kind, t in MAIL_BODY)
    return ("<!DOCTYPE html><html lang='sv'><head><meta charset='utf-8'></head>"
            f"<body style='font-family:Arial;font-size:14px'><h1 style='font-size:26px'>"
            f"{escape(subject)}</h1>{header}<hr>{body}</body></html>")


def _print(html: str, out: Path, name: str) -> Path:
    page, pdf = out / f"{name}.html", out / f"{name}.pdf"
    page.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.resolve().as_uri()],
            check=True, capture_output=True, timeout=180,
        )
    return pdf


@pytest.mark.parametrize("name", MAILS)
def test_the_mail_header_dates_the_newsletter(name: str, tmp_path: Path) -> None:
    doc = read_pdf(_print(_mail_html(*MAILS[name]), tmp_path, f"epost-{name}"))
    assert doc.date == "2025-11-20"
    assert [e.title for e in doc.examples] == [MAIL_BODY[0][1], MAIL_BODY[2][1]]


def test_a_sent_day_in_another_month_leaves_the_subjects_month(tmp_path: Path) -> None:
    """A newsletter for October sent on 3 November is October's."""
    html = _mail_html("Skickat", "den 3 november 2025 09:14", "lines", "Nyhetsbrev oktober 2025")
    assert read_pdf(_print(html, tmp_path, "epost-oktober")).date == "2025-10"


def test_a_meetings_date_line_is_no_mail_header(tmp_path: Path) -> None:
    """"Datum:" of the next meeting, with no "Från:" or "Till:" beside it, dates nothing."""
    html = _mail_html("Skickat", "", "lines", "Nyhetsbrev november 2025")
    head = html.index("<div><b>Från:"), html.index("<hr>")
    meeting = "<h2>Nästa träff</h2><p><b>Datum:</b> 20 november 2025 kl. 9–12, Jönköping</p>"
    html = html[: head[0]] + html[head[1] :].replace("</body>", meeting + "</body>")
    assert read_pdf(_print(html, tmp_path, "epost-nasta-traff")).date == "2025-11"
