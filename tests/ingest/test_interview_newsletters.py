"""A newsletter that tells its teams' work as interviews: the speakers' bold labels ("Maria:",
"Nyhetsbrevet:") and a quote set large between the paragraphs are the team's text, not titles
of examples of their own; a table of contents, the talks after the presentations and a season's
greeting are the newsletter's own parts. Made the real way (Word → LibreOffice, HTML →
WeasyPrint) and read by the real pipeline; the texts are written for this test."""

from __future__ import annotations

import pytest

from ingest.model import Document
from ingest.pipeline import read_pdf
from ingest.text import normalize
from tests.ingest.office_newsletters import (
    Bullets,
    Heading,
    Para,
    Title,
    html_newsletter_pdf,
    newsletter_pdf,
)

pytestmark = pytest.mark.slow

BUS = "Lekbussen kör ut till byarna"
HOMEWORK = "Läxhjälp med gymnasieelever i Anneberg"
BUS_INTRO = (
    "Sedan i våras kör familjecentralen i Aneby ut Lekbussen till tre byar varje vecka. Vi "
    "pratade med förskolläraren Maria Ek och familjebehandlaren Jonas Berg om hur det har gått."
)
QUESTIONS = (
    "Hur började det hela, och varför just en buss?",
    "Vilka familjer kommer till bussen?",
    "Hur vet ni att bussen gör skillnad för familjerna?",
)
ANSWERS = (
    ("Maria:", "Många familjer i byarna har långt till familjecentralen och ingen bil. Vi lånade "
     "en gammal biblioteksbuss av kommunen och byggde om den med lekhörna och sagohylla."),
    ("Jonas:", "Mest föräldrar som är hemma med sitt första barn, men också mor- och "
     "farföräldrar. Flera av dem hade aldrig varit på familjecentralen förut."),
    ("Maria:", "Vi räknar besöken vid varje hållplats. I april kom fyra familjer per tur, nu "
     "kommer nio, och sex familjer har bokat tid hos Jonas efter ett samtal i bussen."),
)
HOMEWORK_TEXT = (
    "På Annebergsskolan i Nässjö hjälper gymnasieelever från Nässjö gymnasium mellanstadiets "
    "elever med läxorna två eftermiddagar i veckan. Läraren Karin Sand samordnar läxhjälpen och "
    "matchar eleverna efter ämne."
)
QUOTE = "”Jag vågar fråga nu, för det är inte en lärare som sitter bredvid mig.”"
HOMEWORK_AFTER = (
    "– Jag vågar fråga nu, för det är inte en lärare som sitter bredvid mig, säger Elsa i "
    "årskurs 5. Av de 24 elever som kommit regelbundet har 18 lämnat in fler läxor i tid än "
    "under hösten, och skolan vill nu prova samma upplägg i årskurs 7."
)
AFTER_TALKS = "Samtalen efter presentationerna"
TALKS = (
    "I smågrupperna pratade vi om hur ett arbetssätt lever kvar när en eldsjäl slutar. Flera "
    "grupper lyfte att rutinen måste vara skriven, och Gnosjö vill prova Anebys lekbuss."
)
GREETING = "God jul och tack för i år!"
THANKS = ("Tack för allt arbete ni har lagt ner under året. Vi ses igen på nätverksträffen i "
          "februari!")


def interview_newsletter() -> list:
    """Two teams told as interviews, under a table of contents and above a greeting."""
    qa: list[Para] = []
    for question, (speaker, answer) in zip(QUESTIONS, ANSWERS, strict=True):
        qa += [Para(question, bold="Nyhetsbrevet:"), Para(answer, bold=speaker)]
    return [
        Title("Röster från nätverket"),
        Para("December 2025 – lärandenätverket barn och unga i Jönköpings län"),
        Heading("Innehåll"),
        Bullets([BUS, HOMEWORK]),
        Heading(BUS),
        Para(BUS_INTRO),
        *qa,
        Heading(HOMEWORK),
        Para(HOMEWORK_TEXT),
        Heading(QUOTE, 1),
        Para(HOMEWORK_AFTER),
        Heading(AFTER_TALKS),
        Para(TALKS),
        Heading(GREETING),
        Para(THANKS),
    ]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    out = tmp_path_factory.mktemp("intervjuer")
    return {
        "word": read_pdf(newsletter_pdf(interview_newsletter(), out, "intervjuer-word")),
        "html": read_pdf(html_newsletter_pdf(interview_newsletter(), out, "intervjuer-html")),
    }


def _holding(doc: Document, phrase: str) -> list[str]:
    return [e.title for e in doc.examples if normalize(phrase) in normalize(e.text)]


@pytest.mark.parametrize("name", ["word", "html"])
def test_an_interview_is_one_example_with_its_questions_and_answers(
        made: dict[str, Document], name: str) -> None:
    doc = made[name]
    assert [e.title for e in doc.examples] == [BUS, HOMEWORK]
    for phrase in (BUS_INTRO, *QUESTIONS, *(answer for _, answer in ANSWERS)):
        assert _holding(doc, phrase[-50:]) == [BUS], phrase


@pytest.mark.parametrize("name", ["word", "html"])
def test_a_quote_set_large_is_the_teams_text(made: dict[str, Document], name: str) -> None:
    doc = made[name]
    assert _holding(doc, HOMEWORK_AFTER[-50:]) == [HOMEWORK]
    assert _holding(doc, "Jag vågar fråga nu, för det är inte en lärare") == [HOMEWORK]


@pytest.mark.parametrize("name", ["word", "html"])
def test_contents_talks_and_greeting_are_the_newsletters_own(
        made: dict[str, Document], name: str) -> None:
    doc = made[name]
    headings = [s.heading for s in doc.context]
    assert {"Innehåll", AFTER_TALKS, GREETING} <= set(headings)
    assert not _holding(doc, THANKS[:40]) and not _holding(doc, TALKS[:40])
