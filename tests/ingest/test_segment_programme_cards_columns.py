"""Newsletters made the real way (Writer → LibreOffice, Word → LibreOffice, an HTML e-mail
printed by Chromium), read by the real pipeline:

1. A section that reports the day itself (a lecture, group work at the network meeting, a
   speaker's talk) is context, even under a heading shaped like a team's title and however
   much its topic speaks of schools and parents; so is such a paragraph after a team's text
   or under a team's sub-heading, without taking the team's text along.
2. A framed card (one team's example) cut by a page break goes on on the next page: the part
   after the break belongs to the same example.
3. In a two-column section, a bold title alone on its line opens an example of its own, in
   the column read first as in the other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.model import Document
from ingest.pipeline import read_pdf
from ingest.text import normalize
from tests.ingest.office_newsletters import (
    Card,
    Heading,
    NewsColumns,
    Para,
    Part,
    Title,
    chromium_newsletter_pdf,
    newsletter_pdf,
    odt_newsletter_pdf,
)

pytestmark = pytest.mark.slow

MAKERS: dict[str, Callable[[list[Part], Path, str], Path]] = {
    "odt": odt_newsletter_pdf, "docx": newsletter_pdf, "mail": chromium_newsletter_pdf,
}

LIBRARY = (
    "Biblioteket i Skillingaryd och Östra skolan har sedan i höstas läxhjälp två eftermiddagar "
    "i veckan. Vi har haft 26 elever som kommit minst fem gånger, och bibliotekarien Sara Holm "
    "märker att fler elever stannar kvar och läser."
)
LIBRARY_2 = (
    "Till våren vill vi bjuda in seniorer från PRO som läxhjälpare och mäta hur många som "
    "lämnar in sina läxor i tid."
)
VISITS = (
    "Barnhälsovården och socialtjänsten i Gnosjö erbjuder sedan ett år gemensamma hembesök till "
    "alla förstagångsföräldrar. Av 38 familjer har 30 tackat ja och elva har efteråt tagit "
    "kontakt med familjebehandlarna."
)
LECTURE = (
    "Årets föreläsare var Helena Strand, docent i pedagogik vid Jönköping University. Hon "
    "berättade om hur sömnbrist påverkar elevernas koncentration och varför skolan ofta ser "
    "problemen först. Enligt hennes studier sover var tredje elev i årskurs nio mindre än sju "
    "timmar en vanlig skolnatt."
)
LECTURE_2 = (
    "Föreläsaren lyfte också att rektorn och elevhälsan kan göra mycket genom att prata med "
    "vårdnadshavare om skärmar på kvällen. Hon visade exempel från skolor i Göteborg där "
    "elevhälsoteamet har haft sömnskola för hela klasser."
)
GROUP_WORK = (
    "I grupparbetet diskuterade vi hur teamen kan sprida sina arbetssätt till fler skolor och "
    "förskolor. Vi fick jämföra våra mätningar och ge varandra tips om hur man når "
    "vårdnadshavare som sällan kommer till skolan. Många grupper tog upp att kuratorn och "
    "skolsköterskan behöver mer tid för uppföljning."
)
SPEAKER = (
    "Maja Lindqvist, leg. psykolog och forskare vid Barnafrid, talade om barn som växer upp med "
    "en förälder som mår psykiskt dåligt. Hon berättade att förskolan och barnhälsovården ofta "
    "är de första som märker att något är fel. Hon menade att socialtjänsten och skolan behöver "
    "fråga barnen själva oftare."
)
AFTER_LUNCH = (
    "Efter lunch föreläste Helena Strand, docent i pedagogik, om sömn och skolnärvaro. Hon "
    "berättade att skolan och elevhälsan ofta ser tröttheten först."
)
DAY = (LECTURE, LECTURE_2, GROUP_WORK, SPEAKER, AFTER_LUNCH)


def _holding(doc: Document, phrase: str) -> list[str]:
    return [e.title for e in doc.examples if normalize(phrase) in normalize(e.text)]


def _context(doc: Document) -> str:
    return normalize(" ".join(f"{s.heading} {s.text}" for s in doc.context))


def _head(month: str) -> list[Part]:
    return [Title("Nyhetsbrev Bästa platsen"), Para(f"{month} – lärandenätverket barn och unga")]


def day_newsletter() -> list[Part]:
    """Team sections and the day's lecture, group work and speaker under team-like headings."""
    return [
        *_head("Mars 2026"),
        Heading("Läxhjälp på biblioteket i Skillingaryd"), Para(LIBRARY), Para(LIBRARY_2),
        Heading("Föreläsning: Sömnen och skoldagen"), Para(LECTURE), Para(LECTURE_2),
        Heading("Grupparbete om nästa steg"), Para(GROUP_WORK),
        Heading("Barnen som inte syns"), Para(SPEAKER),
        Heading("Hembesök i Gnosjö"), Para(VISITS),
    ]


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    out = tmp_path_factory.mktemp("dagen")
    return {name: read_pdf(make(day_newsletter(), out, f"dagen-{name}"))
            for name, make in MAKERS.items()}


@pytest.mark.parametrize("name", list(MAKERS))
def test_talks_and_group_work_are_context(day: dict[str, Document], name: str) -> None:
    doc = day[name]
    assert [e.title for e in doc.examples] == [
        "Läxhjälp på biblioteket i Skillingaryd", "Hembesök i Gnosjö"
    ]
    for phrase in (LECTURE, LECTURE_2, GROUP_WORK, SPEAKER):
        assert not _holding(doc, phrase[:60]), phrase
        assert normalize(phrase[:60]) in _context(doc), phrase
    assert normalize(LIBRARY_2) in normalize(doc.examples[0].text)


@pytest.mark.parametrize(
    "parts",
    [
        [Heading("Läxhjälp på biblioteket i Skillingaryd"), Para(LIBRARY), Para(AFTER_LUNCH),
         Para(LECTURE_2)],
        [Heading("Läxhjälp på biblioteket i Skillingaryd", 1), Para(LIBRARY),
         Heading("Årets föreläsare", 2), Para(LECTURE)],
        [Heading("Läxhjälp på biblioteket i Skillingaryd"), Para(LIBRARY), Para(GROUP_WORK)],
    ],
    ids=["paragraph-after", "sub-heading", "group-work-after"],
)
def test_the_day_after_a_team_leaves_the_team_whole(tmp_path: Path, parts: list[Part]) -> None:
    made = [*_head("April 2026"), *parts, Heading("Hembesök i Gnosjö", parts[0].level),
            Para(VISITS)]
    doc = read_pdf(newsletter_pdf(made, tmp_path, "efter-teamet"))
    assert [e.title for e in doc.examples] == [
        "Läxhjälp på biblioteket i Skillingaryd", "Hembesök i Gnosjö"
    ]
    assert normalize(LIBRARY) in normalize(doc.examples[0].text)
    for phrase in DAY:
        assert not _holding(doc, phrase[:60]), phrase


GROUP_TASK = (
    "I grupparbetet fick varje team skriva ner en fråga som de vill ställa till eleverna innan "
    "nästa mätning. Flera grupper valde att fråga om rasterna och om tryggheten i skolan."
)
NEXT_MEETING = "Nästa nätverksträff blir i Eksjö den 3 december. Inbjudan kommer från coacherna."


@pytest.mark.parametrize("name", ["odt", "docx"])
def test_group_work_told_of_the_teams_is_context(tmp_path: Path, name: str) -> None:
    """Group work where the teams are told of in the third person ("varje team fick …",
    "flera grupper valde …"), under its own heading after the teams' sections, though its
    topic names a unit ("tryggheten i skolan")."""
    made = [*_head("Oktober 2026"), Heading("Läxhjälp på biblioteket i Skillingaryd"),
            Para(LIBRARY), Heading("Hembesök i Gnosjö"), Para(VISITS),
            Heading("Grupparbete: frågor till eleverna"), Para(GROUP_TASK),
            Heading("Nästa träff"), Para(NEXT_MEETING)]
    doc = read_pdf(MAKERS[name](made, tmp_path, f"grupparbete-{name}"))
    assert [e.title for e in doc.examples] == [
        "Läxhjälp på biblioteket i Skillingaryd", "Hembesök i Gnosjö"
    ]
    assert not _holding(doc, GROUP_TASK[:60])
    assert normalize(GROUP_TASK[:60]) in _context(doc)


def test_a_team_presenting_at_the_meeting_stays_an_example(tmp_path: Path) -> None:
    """A team's own text that tells how it presented at the network is still the team's."""
    presented = (
        "På nätverksträffen berättade kuratorn Anna Svensson om Hagaskolans närvaroarbete. Hon "
        "berättade att skolan sedan i höstas ringer hem vid första frånvaron. Av 42 elever med "
        "hög frånvaro har 30 kommit tillbaka, och vi har lärt oss att relationen är viktigast."
    )
    made = [*_head("Maj 2026"), Heading("Närvaroteamet på Hagaskolan"), Para(presented),
            Heading("Hembesök i Gnosjö"), Para(VISITS)]
    doc = read_pdf(odt_newsletter_pdf(made, tmp_path, "teamet-berattade"))
    assert [e.title for e in doc.examples] == ["Närvaroteamet på Hagaskolan", "Hembesök i Gnosjö"]
    assert normalize(presented) in normalize(doc.examples[0].text)


FILLER = (
    "Skolan har arbetat med rutiner för frånvaro och mentorerna ringer hem samma dag när en "
    "elev saknas. Vi har följt upp varje vecka och elevhälsan bjuder in till samtal när "
    "frånvaron blir hög. "
) * 3
CARD_TITLE = "Familjecentralen i Mullsjö frågar föräldrarna först"
CARD = [
    "Familjecentralen i Mullsjö har under hösten gjort en enkät bland föräldrar som besöker den "
    "öppna förskolan. Vi ville veta vilka tider och vilka aktiviteter som passar dem. Av 64 svar "
    "ville 40 ha en träff på lördagar och 22 önskade stöd om sömn och mat.",
    "Barnmorskan Lina Berg och förskolläraren Omar Haddad har därför startat en lördagsträff "
    "varannan vecka med fika och lek. Hittills har 18 familjer kommit minst två gånger, och "
    "flera pappor har kommit för första gången.",
    "Nästa steg är att bjuda in barnhälsovårdens dietist till en av träffarna och att fråga "
    "föräldrarna igen i maj om vad som har fungerat.",
]
# full filler paragraphs, then characters of one more: the card begins low on page 1 (in Word
# its title alone, or its title and one line, before the break)
CUT_AT = {"odt": (8, 300), "docx": (6, 0), "docx-one-line": (5, 400), "mail": (5, 200)}


def card_newsletter(fill: int, rest: int) -> list[Part]:
    return [
        *_head("Mars 2026"), Heading("Närvaroteamet på Hagaskolan"),
        *[Para(FILLER) for _ in range(fill)], *([Para(FILLER[:rest])] if rest else []),
        Card(CARD_TITLE, CARD),
        Heading("Läxhjälp på biblioteket i Skillingaryd"), Para(LIBRARY), Para(LIBRARY_2),
    ]


@pytest.mark.parametrize("name", list(CUT_AT))
def test_card_cut_by_a_page_break_goes_on(tmp_path: Path, name: str) -> None:
    make = MAKERS[name.split("-")[0]]
    doc = read_pdf(make(card_newsletter(*CUT_AT[name]), tmp_path, f"kort-{name}"))
    assert [e.title for e in doc.examples] == [
        "Närvaroteamet på Hagaskolan", CARD_TITLE, "Läxhjälp på biblioteket i Skillingaryd"
    ]
    card = doc.examples[1]
    assert card.pages == [1, 2], "the card must be cut by the page break"
    for text in CARD:
        assert normalize(text) in normalize(card.text), text
        assert normalize(text[-50:]) not in _context(doc)
    assert normalize(FILLER[:60]) not in normalize(card.text)


NEWS = [
    ("Cykeldag i Aneby", "Idrottslärarna på Furuhagsskolan ordnade en cykeldag för årskurs 4 och "
     "5 med besiktning av cyklarna. Av 88 elever cyklar nu 41 till skolan minst tre dagar i "
     "veckan."),
    ("Sagostund på arabiska", "Biblioteket i Bodafors har börjat med sagostund på arabiska och "
     "somaliska varannan fredag. Fjorton familjer har varit där minst tre gånger och flera "
     "pappor kommer."),
    ("Rastaktiviteter i Sävsjö", "Fritidsledarna på Vallsjöskolan leder lekar på lunchrasten "
     "fyra dagar i veckan. Eleverna röstar själva fram veckans lek, och färre elever står "
     "ensamma på skolgården."),
    ("Läxcafé i Tranås", "Ungdomsmottagningen och Holavedsgymnasiet har öppnat ett läxcafé på "
     "onsdagar där seniorer hjälper till. Tjugo elever kommer varje vecka, de flesta från år "
     "ett."),
]


@pytest.mark.parametrize("name", list(MAKERS))
def test_bold_titles_in_two_columns_open_examples(tmp_path: Path, name: str) -> None:
    parts = [
        *_head("Mars 2026"),
        Heading("Läxhjälp på biblioteket i Skillingaryd"), Para(LIBRARY), Para(LIBRARY_2),
        Heading("Kort nytt från teamen"), NewsColumns(NEWS),
        Heading("Kommande datum"), Para("Nästa nätverksträff är den 12 maj i Värnamo."),
    ]
    doc = read_pdf(MAKERS[name](parts, tmp_path, f"spalter-{name}"))
    assert [e.title for e in doc.examples] == [
        "Läxhjälp på biblioteket i Skillingaryd", *[title for title, _ in NEWS]
    ]
    for (title, text), example in zip(NEWS, doc.examples[1:], strict=True):
        assert normalize(text) in normalize(example.text), title
    assert "Kort nytt från teamen" in [s.heading for s in doc.context]


def test_short_cards_in_an_e_mail_are_examples_a_speakers_card_is_not(tmp_path: Path) -> None:
    """An e-mail of short framed cards: each team's card is an example however short; a card
    about the day's speaker is context."""
    walk = ("Föräldrar och lärare på Hoks skola har startat en gående skolbuss. Varje morgon går "
            "vuxna med barnen från busshållplatsen, och 23 barn går nu till skolan.")
    talk = ("Föreläsaren Sofia Hedlund, forskare vid Barnafrid, talade om att fråga barn direkt. "
            "Hon berättade att barn ofta vet vad som skulle hjälpa dem.")
    parts = [*_head("Oktober 2026"), Card("Gå till skolan i Hok", [walk]),
             Card("Barnen vet vad de behöver", [talk]), Card("Hembesök i Gnosjö", [VISITS])]
    doc = read_pdf(chromium_newsletter_pdf(parts, tmp_path, "korta-kort"))
    assert [e.title for e in doc.examples] == ["Gå till skolan i Hok", "Hembesök i Gnosjö"]
    assert normalize(walk) in normalize(doc.examples[0].text)
    assert normalize(talk[:60]) in _context(doc)


PARENT = (
    "Efter lunch berättade Lena, mamma till tre barn, om hur det är att leva med psykisk ohälsa "
    "i familjen. Hon berättade att skolan, socialtjänsten och vården sällan pratade med "
    "varandra, och att hon fick berätta sin historia om och om igen."
)
NEW_TEAMS = (
    "Två nya team har anslutit till lärandenätverket: elevhälsan i Habo och fritidsgården i "
    "Sävsjö."
)


@pytest.mark.parametrize(
    "parts",
    [
        [Heading("Läxhjälp på biblioteket i Skillingaryd"), Para(LIBRARY),
         Heading("En mammas berättelse"), Para(PARENT)],
        [Para(LIBRARY, bold="Läxhjälp på biblioteket i Skillingaryd –"), Para(PARENT)],
        [Heading("Läxhjälp på biblioteket i Skillingaryd"), Para(LIBRARY), Para(NEW_TEAMS)],
    ],
    ids=["parent-heading", "parent-after-run-in", "new-teams-after"],
)
def test_a_parents_story_and_new_teams_are_the_programmes(
    tmp_path: Path, parts: list[Part]
) -> None:
    """A parent with lived experience telling at the meeting, new teams joining: context."""
    made = [*_head("Januari 2027"), *parts, Heading("Hembesök i Gnosjö"), Para(VISITS)]
    doc = read_pdf(newsletter_pdf(made, tmp_path, "berattelse"))
    assert [e.title for e in doc.examples] == [
        "Läxhjälp på biblioteket i Skillingaryd", "Hembesök i Gnosjö"
    ]
    for phrase in (PARENT, NEW_TEAMS):
        assert not _holding(doc, phrase[:50]), phrase
    assert normalize(LIBRARY) in normalize(doc.examples[0].text)
