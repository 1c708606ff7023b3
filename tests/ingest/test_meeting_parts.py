"""Minutes of a network meeting: the notes of its discussion groups, under sub-headings of a
heading such as "Gruppdiskussioner", are the meeting's own, however much they tell of what a
team does; the teams' presentations under "Teamen presenterar" are the examples. Made the way a
coordinator writes them (Word → LibreOffice, or a web page printed by Chromium) and read by the
real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.model import Document
from ingest.pipeline import read_pdf
from ingest.text import normalize
from tests.ingest.office_newsletters import (
    Heading,
    Para,
    Title,
    chromium_newsletter_pdf,
    newsletter_pdf,
)

pytestmark = pytest.mark.slow

SWIM = (
    "Simskolan på badhuset i Vetlanda har sedan augusti en grupp för nyanlända familjer på "
    "lördagar. Vi bjuder in föräldrar och barn tillsammans och två simlärare håller i passen. "
    "Av 26 anmälda barn kom 21 till minst fem av sex tillfällen, och sju föräldrar har själva "
    "börjat simma."
)
DADS = (
    "Familjecentralen i Gislaved startade i september en pappagrupp som träffas varannan "
    "tisdag kväll. Barnmorskan och en familjebehandlare leder samtalen om sömn, lek och "
    "föräldraledighet. Elva pappor har kommit minst tre gånger och vi ska fråga dem i december "
    "vad de vill ändra."
)
PRESCHOOL_GROUP = (
    "Förskolorna från Sävsjö och Eksjö jämförde hur de följer upp utevistelsen. Sävsjö "
    "berättade att deras förskola nu har en utedag varje vecka och räknar hur många barn som "
    "är med, och Eksjö ville prova samma lista."
)
SCHOOL_GROUP = (
    "Skolorna från Tranås och Mullsjö talade om hur man får med vårdnadshavare. Mullsjö "
    "skickar sedan i våras ett kort brev hem varje fredag och mäter hur många som svarar."
)
OTHER = "Vetlanda bjuder in till studiebesök på badhuset i januari för den som vill se passen."
TEAMS = ["Simskola för nyanlända familjer i Vetlanda", "Pappagrupp på familjecentralen i Gislaved"]
GROUPS = ["Förskolornas bord", "Skolornas bord"]


def minutes() -> list:
    return [
        Title("Anteckningar från länsträffen"),
        Para("Onsdag 8 oktober 2025 i Folkets hus, Vetlanda. Närvarande var tolv team och två "
             "processledare."),
        Heading("1. Teamen presenterar", 1),
        Heading(TEAMS[0], 2),
        Para(SWIM),
        Heading(TEAMS[1], 2),
        Para(DADS),
        Heading("2. Gruppdiskussioner", 1),
        Heading(GROUPS[0], 2),
        Para(PRESCHOOL_GROUP),
        Heading(GROUPS[1], 2),
        Para(SCHOOL_GROUP),
        Heading("3. Övrigt", 1),
        Para(OTHER),
    ]


@pytest.fixture(scope="module", params=["word", "chromium"])
def doc(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Document:
    out = tmp_path_factory.mktemp("anteckningar")
    make = newsletter_pdf if request.param == "word" else chromium_newsletter_pdf
    return read_pdf(make(minutes(), out, f"anteckningar-{request.param}"))


def test_the_teams_presentations_are_the_examples(doc: Document) -> None:
    assert [e.title for e in doc.examples] == TEAMS
    assert normalize(SWIM) in normalize(doc.examples[0].text)
    assert normalize(DADS) in normalize(doc.examples[1].text)


def test_the_discussion_groups_notes_are_the_meetings(doc: Document) -> None:
    context = normalize(" ".join(f"{s.heading} {s.text}" for s in doc.context))
    for phrase in (*GROUPS, PRESCHOOL_GROUP, SCHOOL_GROUP, OTHER):
        assert normalize(phrase) in context, phrase
        assert not [e.title for e in doc.examples if normalize(phrase) in normalize(e.text)]


def test_groups_named_by_number_are_the_meetings_under_any_heading(tmp_path: Path) -> None:
    """A discussion group named by a number or letter ("Bord 1" as a heading, "Bord 2:" as a
    run-in label) is the meeting's, under a heading the lexicon does not know."""
    parts = [
        Title("Minnesanteckningar från vårträffen"),
        Heading("Teamen presenterar", 1),
        Heading(TEAMS[0], 2),
        Para(SWIM),
        Heading("Samtal vid borden", 1),
        Heading("Bord 1", 2),
        Para(PRESCHOOL_GROUP),
        Para(SCHOOL_GROUP, bold="Bord 2:"),
        Heading("Övrigt", 1),
        Para(OTHER),
    ]
    doc = read_pdf(newsletter_pdf(parts, tmp_path, "bordssamtal"))
    assert [e.title for e in doc.examples] == TEAMS[:1]
    context = normalize(" ".join(f"{s.heading} {s.text}" for s in doc.context))
    for phrase in (PRESCHOOL_GROUP, SCHOOL_GROUP, OTHER):
        assert normalize(phrase) in context, phrase
