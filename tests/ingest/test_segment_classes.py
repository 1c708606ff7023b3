"""Segmentation failure classes seen on newsletters the corpus did not have, each reproduced with
a newsletter made the real way (Word → LibreOffice, or an HTML newsletter → WeasyPrint) and read
by the real pipeline.

1. Sections that report the programme itself (a meeting, a speaker, new teams, coaches) are
   context, even under a heading shaped like a team title.
2. Small boxes side by side inside a team's section, and the paragraph after them, belong to
   that team's example.
3. An example that was hard to cut says so (``review_reasons``) instead of being silently wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extract import Word
from ingest.layout import Block, Line
from ingest.model import Document
from ingest.pipeline import read_pdf
from ingest.segment import block_doubts, block_text, join_heading_fragments
from ingest.text import normalize
from tests.ingest.office_newsletters import (
    Boxes,
    Bullets,
    Heading,
    Para,
    Title,
    html_newsletter_pdf,
    newsletter_pdf,
)

pytestmark = pytest.mark.slow

INTRO = (
    "Den 9 oktober träffades lärandenätverket på biblioteket i Vaggeryd. Drygt femtio deltagare "
    "från tolv kommuner delade lärdomar från höstens tester."
)
SCHOOL = (
    "Vi på Hagaskolan i Tranås har sedan augusti skickat sms till vårdnadshavare redan vid "
    "första frånvarotimmen. Mentorerna ringer hem samma dag och elevhälsan bjuder in till samtal "
    "när frånvaron når tio procent."
)
SCHOOL_2 = (
    "Hittills har 42 elever fått ett samtal och frånvaron i årskurs 8 har minskat från 14 till 9 "
    "procent. Teamet berättade om resultaten på lärandenätverket och vill prova samma rutin på "
    "mellanstadiet."
)
OVERVIEW = (
    "På nätverksträffen presenterade coacherna en sammanställning av hur kommunerna arbetar med "
    "övergången från förskola till skola. Lärandenätverket diskuterade sedan i blandade grupper "
    "vilka mått som är rimliga att följa upp."
)
OVERVIEW_2 = "Sammanställningen skickas till alla team och tas upp igen på nästa nätverksträff."
SPEAKER = (
    "Dagens föreläsning hölls av Karin Lund, forskare vid Linnéuniversitetet, som berättade om "
    "hur föräldrars delaktighet påverkar barns skolgång. Efter föreläsningen samtalade alla "
    "team om vad de tar med sig hem."
)
AFTER_TEAM = (
    "Efter lunch fortsatte nätverksträffen med en workshop om mätning som coacherna ledde i "
    "mindre grupper."
)
NEW_TEAMS = (
    "Vi välkomnar två nya team till lärandenätverket: elevhälsan i Habo och socialtjänsten i "
    "Sävsjö. De börjar med en nulägesanalys tillsammans med sina coacher under november."
)
HOME_VISITS = (
    "Barnhälsovården och socialtjänsten i Gnosjö erbjuder sedan ett år gemensamma hembesök till "
    "alla förstagångsföräldrar. Av 38 familjer har 30 tackat ja och elva har efteråt tagit "
    "kontakt med familjebehandlarna."
)
CLOSING = "Tack för i dag och varmt välkomna till nästa nätverksträff i februari!"

PROGRAMME_PASSAGES = (
    INTRO[:60], OVERVIEW[:60], OVERVIEW_2, SPEAKER[:60], AFTER_TEAM[:60], NEW_TEAMS[:60],
)


def programme_newsletter() -> list:
    """Team sections and programme sections under headings of the same shape."""
    return [
        Title("Nyhetsbrev Bästa platsen"),
        Para("Oktober 2025 – lärandenätverket barn och unga i Jönköpings län"),
        Heading("Höstens nätverksträff", 1),
        Para(INTRO),
        Heading("Närvaroteamet på Hagaskolan"),
        Para(SCHOOL),
        Para(SCHOOL_2),
        Para(AFTER_TEAM),
        Heading("Trygga övergångar i hela länet"),
        Para(OVERVIEW),
        Para(OVERVIEW_2),
        Heading("Föräldrar som resurs"),
        Para(SPEAKER),
        Heading("Gemensamma hembesök i Gnosjö"),
        Para(HOME_VISITS),
        Heading("Nya team i Habo och Sävsjö"),
        Para(NEW_TEAMS),
        Heading("Kommande datum"),
        Bullets(["12 februari 2026, lärandenätverk i Jönköping",
                 "14 maj 2026, lärandenätverk i Värnamo"]),
        Para(CLOSING),
    ]


CYCLING = (
    "Idrottslärarna på Furuhagsskolan har tillsammans med föräldraföreningen ordnat "
    "cykelbesiktning och en cykeldag för alla i årskurs 4 och 5. Andelen som cyklar har ökat från "
    "31 till 48 procent sedan hösten."
)
MEETING = (
    "Den 12 mars samlades lärandenätverket i Eksjö stadshotell. Förmiddagen ägnades åt "
    "grupparbete där teamen fick jämföra sina mätningar med varandra."
)
STORIES = (
    "Öppna förskolan i Bodafors har börjat med sagostund på arabiska och somaliska varannan "
    "fredag. Vi märker att fler pappor kommer och 14 familjer har varit där minst tre gånger."
)
GUEST = (
    "Efter lunch gästades vi av Johan Berg från Rädda Barnen som talade om barns rätt att bli "
    "lyssnade på. Han gav många exempel från sitt arbete i Malmö."
)
COACHES = (
    "Anna Ek, processledare, Qulturum. Per Holm, utvecklingsledare, Kommunal utveckling. Lena "
    "Sjö, folkhälsostrateg, Folkhälsa och sjukvård."
)
LECTURE = (
    "Maria Lind, doktorand vid Jönköping University, berättade om hur man når pappor i "
    "föräldrastödet och vilka hinder forskningen ser."
)
AGENDA = ["09.30 Kaffe och inledning", "10.00 Grupparbete i team", "12.00 Lunch",
          "13.00 Johan Berg, Rädda Barnen", "15.00 Avslutning"]
HOK = (
    "Öppna förskolan i Hok har i vinter börjat med babymassage och sångstund på tisdagar. "
    "Förskollärarna märker att 12 familjer kommer varje vecka och att fler pappor hittat dit."
)
SUMMER = "Ha en skön sommar och tack för allt ni gör för barnen i länet!"


def run_in_newsletter() -> list:
    """Bold run-in titles for teams and for the meeting alike; an agenda, a coach list without
    e-mail addresses, a speaker under a heading of its own, a team under a greeting's heading,
    closing words."""
    return [
        Title("Nyhetsbrev Bästa platsen"),
        Para("Våren 2026"),
        Para("Välkommen till vårens nyhetsbrev! Här kan du läsa om vad teamen berättade när vi "
             "sågs i Eksjö i mars."),
        Para(CYCLING, bold="Aneby i rörelse:"),
        Para(MEETING, bold="Nätverksträffen i Eksjö"),
        Para(STORIES, bold="Sagostund på flera språk"),
        Para(GUEST),
        Heading("Så såg dagen ut"),
        Bullets(AGENDA),
        Heading("Vilka är vi?"),
        Para(COACHES),
        Heading("Inspirationsföreläsning om pappor"),
        Para(LECTURE),
        Heading("Välkommen till öppna förskolan i Hok!"),
        Para(HOK),
        Heading("Spara datumen"),
        Para("Höstens träffar blir den 17 september i Gislaved och den 19 november i Tranås."),
        Para(SUMMER),
    ]


FAMILY = (
    "Familjecentralen i Rydaholm har under hösten startat om knattegympan i idrottshallen och "
    "öppnat ett café för nyanlända mammor varannan torsdag."
)
FAMILY_AFTER = (
    "Till våren vill vi mäta hur många familjer som kommer tillbaka efter första besöket och "
    "bjuda in biblioteket till caféet."
)
DONE = ["Knattegympa varje tisdag", "Café med tolk", "Affischer på fyra språk"]
NEXT = ["Bjuda in papporna", "Räkna återbesöken", "Samarbeta med biblioteket"]
LONG_DONE = [
    "Knattegympa varje tisdag med två ledare från gymnastikföreningen",
    "Café med tolk för mammor som nyss kommit till Sverige",
    "Affischer på fyra språk i affären, på vårdcentralen och i kyrkan",
]
LONG_NEXT = [
    "Bjuda in papporna till en egen kväll med fika och lek",
    "Räkna återbesöken varje månad och visa siffrorna för teamet",
    "Samarbeta med biblioteket om sagostunder på flera språk",
]


def boxes_newsletter(done: list[str], next_: list[str], shaded: bool = False) -> list:
    """A team's section with two boxes side by side under its heading, then a paragraph."""
    return [
        Title("Nyhetsbrev Bästa platsen"),
        Para("November 2025 – lärandenätverket barn och unga"),
        Heading("Närvaroteamet på Hagaskolan"),
        Para(SCHOOL),
        Para(SCHOOL_2),
        Heading("Familjecentralen i Rydaholm"),
        Para(FAMILY),
        Boxes([("Det här har vi gjort", done), ("Det här vill vi göra", next_)], shaded=shaded),
        Para(FAMILY_AFTER),
        Heading("Kommande datum"),
        Bullets(["12 februari 2026, lärandenätverk i Jönköping",
                 "14 maj 2026, lärandenätverk i Värnamo"]),
    ]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    out = tmp_path_factory.mktemp("made")
    return {
        "word": read_pdf(newsletter_pdf(programme_newsletter(), out, "program-word")),
        "html": read_pdf(html_newsletter_pdf(programme_newsletter(), out, "program-html")),
        "boxes": read_pdf(html_newsletter_pdf(boxes_newsletter(DONE, NEXT), out, "rutor")),
        "cards": read_pdf(
            html_newsletter_pdf(boxes_newsletter(LONG_DONE, LONG_NEXT), out, "stora-rutor")
        ),
        "run-in word": read_pdf(newsletter_pdf(run_in_newsletter(), out, "inlopp-word")),
        "run-in html": read_pdf(html_newsletter_pdf(run_in_newsletter(), out, "inlopp-html")),
        "boxes word": read_pdf(
            newsletter_pdf(boxes_newsletter(DONE, NEXT, shaded=True), out, "rutor-word")
        ),
        "table": read_pdf(newsletter_pdf(boxes_newsletter(DONE, NEXT), out, "tabell-word")),
    }


def _holding(doc: Document, phrase: str) -> list[str]:
    return [e.title for e in doc.examples if normalize(phrase) in normalize(e.text)]


def _context(doc: Document) -> str:
    return normalize(" ".join(f"{s.heading} {s.text}" for s in doc.context))


@pytest.mark.parametrize("name", ["word", "html"])
def test_programme_sections_are_context(made: dict[str, Document], name: str) -> None:
    doc = made[name]
    assert [e.title for e in doc.examples] == [
        "Närvaroteamet på Hagaskolan", "Gemensamma hembesök i Gnosjö"
    ]
    for phrase in PROGRAMME_PASSAGES:
        assert not _holding(doc, phrase), phrase
        assert normalize(phrase) in _context(doc), phrase
    for heading in ("Trygga övergångar i hela länet", "Föräldrar som resurs",
                    "Nya team i Habo och Sävsjö"):
        assert heading in [s.heading for s in doc.context]


@pytest.mark.parametrize("name", ["word", "html"])
def test_team_sections_stay_whole(made: dict[str, Document], name: str) -> None:
    """A team that mentions the network once is still a team."""
    doc = made[name]
    assert _holding(doc, SCHOOL[:50]) == _holding(doc, SCHOOL_2[-50:]) == [
        "Närvaroteamet på Hagaskolan"
    ]
    assert _holding(doc, HOME_VISITS[-60:]) == ["Gemensamma hembesök i Gnosjö"]


@pytest.mark.parametrize("name", ["run-in word", "run-in html"])
def test_programme_run_ins_agenda_coaches_and_speakers_are_context(
    made: dict[str, Document], name: str
) -> None:
    doc = made[name]
    assert [e.title for e in doc.examples] == [
        "Aneby i rörelse", "Sagostund på flera språk", "Välkommen till öppna förskolan i Hok!"
    ]
    for example, text in zip(doc.examples, (CYCLING, STORIES, HOK), strict=True):
        assert normalize(text) in normalize(example.text)
    for phrase in (MEETING, GUEST, COACHES, LECTURE, AGENDA[1], SUMMER):
        assert not _holding(doc, phrase[:40]), phrase
        assert normalize(phrase[:40]) in _context(doc), phrase


@pytest.mark.parametrize("name", ["boxes", "cards", "boxes word"])
def test_boxes_side_by_side_belong_to_the_team(made: dict[str, Document], name: str) -> None:
    doc = made[name]
    assert [e.title for e in doc.examples] == [
        "Närvaroteamet på Hagaskolan", "Familjecentralen i Rydaholm"
    ]
    family = doc.examples[1]
    items = LONG_DONE + LONG_NEXT if name == "cards" else DONE + NEXT
    for phrase in [FAMILY[-50:], *items, FAMILY_AFTER[-50:]]:
        assert normalize(phrase) in normalize(family.text), phrase
    assert [s.heading for s in family.sections][:2] == [
        "Det här har vi gjort", "Det här vill vi göra"
    ]
    assert "12 februari 2026" not in family.text


def test_table_of_two_lists_is_read_list_by_list_and_flagged(made: dict[str, Document]) -> None:
    """A Word table of two lists: LibreOffice draws no frames, so the two headings stand side
    by side on one line. Each list goes under its own heading, and the example asks for a
    review since its text order is a guess."""
    doc = made["table"]
    family = next(e for e in doc.examples if e.title == "Familjecentralen i Rydaholm")
    sections = {s.heading: normalize(s.text) for s in family.sections}
    assert all(normalize(item) in sections["Det här har vi gjort"] for item in DONE)
    assert all(normalize(item) in sections["Det här vill vi göra"] for item in NEXT)
    assert normalize(FAMILY_AFTER[-50:]) in normalize(family.text)
    assert "osäker textordning" in family.review_reasons
    assert any("bör granskas" in w and "Familjecentralen i Rydaholm" in w for w in doc.warnings)


def test_columns_read_across_as_one_line_are_flagged() -> None:
    """Two columns' words on one line with a wide gap between them: "sammanslagna spalter"."""
    merged = Block([_line([("Det", 90), ("här", 112), ("har", 134), ("vi", 156), ("gjort", 170),
                           ("Det", 306), ("här", 328), ("vill", 350), ("vi", 378)], 297, 10,
                          True)], page=1, heading_level=3)
    assert block_doubts(merged, None) == ["sammanslagna spalter"]
    single = Block([_line([("Det", 90), ("här", 112), ("har", 134)], 297, 10, True)], page=1)
    assert block_doubts(single, None) == []


@pytest.mark.parametrize("name", ["html", "run-in html", "boxes", "cards", "boxes word"])
def test_clean_cuts_are_not_flagged(made: dict[str, Document], name: str) -> None:
    doc = made[name]
    assert [e.review_reasons for e in doc.examples] == [[] for _ in doc.examples]
    assert not any("bör granskas" in w for w in doc.warnings)


def test_unclear_title_is_flagged(tmp_path: Path) -> None:
    """A team's text under nothing but a sub-heading: the example is kept, its title flagged."""
    parts = [
        Title("Nyhetsbrev Bästa platsen"),
        Para("December 2025"),
        Heading("Nuläge"),
        Para(SCHOOL),
        Para(SCHOOL_2),
    ]
    doc = read_pdf(html_newsletter_pdf(parts, tmp_path, "oklar-rubrik"))
    assert [e.title for e in doc.examples] == ["Nuläge"]
    assert doc.examples[0].review_reasons == ["oklar rubrik"]


def test_review_reasons_survive_storage(made: dict[str, Document]) -> None:
    from search.catalogue import dump_example, load_example

    example = next(e for e in made["table"].examples if e.review_reasons)
    assert load_example(dump_example(example)).review_reasons == example.review_reasons
    again = Document.from_dict(made["table"].to_dict())
    assert [e.review_reasons for e in again.examples] == [
        e.review_reasons for e in made["table"].examples
    ]


def _line(words: list[tuple[str, float]], top: float, size: float, bold: bool) -> Line:
    placed = [Word(text, x, top, x + 6 * len(text), top + size, size, bold, 1)
              for text, x in words]
    return Line(placed, 1, placed[0].x0, top, placed[-1].x1, top + size, size)


def test_heading_read_in_pieces_is_joined_and_flagged() -> None:
    """The layout cut one heading into pieces out of order: joined in the order of the line."""
    pieces = [
        Block([_line([("i", 160), ("Mullsjö", 172), ("frågar", 220)], 619, 14, True)], page=1,
              heading_level=2),
        Block([_line([("Familjecentralen", 57)], 621, 14, True)], page=1, heading_level=2),
        Block([_line([("Teamet", 57), ("frågar", 99), ("alla", 141), ("föräldrar.", 171)],
                     640, 11, False)], page=1),
    ]
    joined = join_heading_fragments(pieces)
    assert [block_text(b) for b in joined] == [
        "Familjecentralen i Mullsjö frågar", "Teamet frågar alla föräldrar."
    ]
    assert joined[0].meta.get("joined")


def test_run_in_title_cut_from_its_paragraph_is_joined() -> None:
    pieces = [
        Block([_line([("på", 148), ("Grennaskolan", 166), ("–", 244)], 111, 11, True)], page=1),
        Block([_line([("Kamratstödjare", 57)], 113, 11, True)], page=1, heading_level=4),
    ]
    pieces[0].lines[0].words.append(Word("eleverna", 256, 111, 308, 122, 11, False, 1))
    joined = join_heading_fragments(pieces)
    assert len(joined) == 1 and not joined[0].heading_level
    assert block_text(joined[0]) == "Kamratstödjare på Grennaskolan – eleverna"


def test_team_contacts_stay_with_the_team_coaches_go_to_the_context(tmp_path: Path) -> None:
    team_contact = "Sanna Holm, förskolechef, sanna.holm@tranas.example.se"
    coach_contact = "Anna Ek, coach, Qulturum, anna.ek@rjl.example.se, 010-242 10 00"
    parts = [
        Title("Nyhetsbrev Bästa platsen"),
        Para("Mars 2026"),
        Heading("Närvaroteamet på Hagaskolan"),
        Para(SCHOOL),
        Heading("Kontakt", 3),
        Para(team_contact),
        Heading("Kontakt"),
        Para(coach_contact),
    ]
    doc = read_pdf(html_newsletter_pdf(parts, tmp_path, "kontakter"))
    assert [e.title for e in doc.examples] == ["Närvaroteamet på Hagaskolan"]
    assert normalize(team_contact) in normalize(doc.examples[0].text)
    assert normalize(coach_contact) in _context(doc)
    assert not _holding(doc, coach_contact)


def test_paragraph_cut_lengthwise_is_flagged_column_flow_is_not() -> None:
    def para(x: float, rows: int, first: str, last: str) -> Block:
        lines = [_line([(first if r == 0 else "och", x), ("så", x + 60),
                        (last if r == rows - 1 else "vidare", x + 80)], 100 + 13 * r, 10, False)
                 for r in range(rows)]
        return Block(lines, page=1)

    left, right = para(57, 3, "Barnhälsovården", "med"), para(251, 3, "i", "kontakt")
    assert block_doubts(right, left) == ["osäker textordning"]
    column_end, next_column = para(57, 3, "Öppna", "gång,"), para(312, 1, "och", "regelbundet.")
    assert block_doubts(next_column, column_end) == []


def test_a_passing_programme_remark_stays_with_the_team(tmp_path: Path) -> None:
    """A short remark about the network between a team's paragraphs (where its idea came from)
    is the team's own text; the example goes on after it."""
    remark = "Idén kom från en föreläsning på lärandenätverket i våras."
    parts = [
        Title("Nyhetsbrev Bästa platsen"),
        Para("April 2026"),
        Heading("Närvaroteamet på Hagaskolan"),
        Para(SCHOOL),
        Para(remark),
        Para(SCHOOL_2),
    ]
    doc = read_pdf(html_newsletter_pdf(parts, tmp_path, "anmarkning"))
    assert [e.title for e in doc.examples] == ["Närvaroteamet på Hagaskolan"]
    for text in (SCHOOL, remark, SCHOOL_2):
        assert normalize(text) in normalize(doc.examples[0].text)


def test_a_run_in_title_on_a_line_of_its_own_loses_its_full_stop() -> None:
    """A bold run-in title ("Kamratstödjare på Eksjö gymnasium.") that filled its line is read
    as a heading of its own; the example's title is the words, not the sentence's full stop.
    An ellipsis or a question stays."""
    from ingest.segment.newsletter import segment_newsletter

    sentence = ("Elevhälsan har utbildat tolv elever till kamratstödjare som finns i "
                "uppehållsrummet två luncher i veckan och bjuder in till spelkvällar.")
    body = sentence.split(" ")
    titles = []
    for title in ("Kamratstödjare på Eksjö gymnasium.", "Vem tar hand om rasten?",
                  "Läxhjälp i Bankeryd..."):
        words = [(w, 57 + 40 * n) for n, w in enumerate(title.split())]
        blocks = [Block([_line(words, 100, 11, True)], page=1, heading_level=3),
                  Block([_line([(w, 57 + 30 * n) for n, w in enumerate(body[:10])], 114, 11,
                               False),
                         _line([(w, 57 + 30 * n) for n, w in enumerate(body[10:])], 128, 11,
                               False)], page=1)]
        titles += [d.title for d in segment_newsletter(blocks, None).examples]
    assert titles == ["Kamratstödjare på Eksjö gymnasium", "Vem tar hand om rasten?",
                      "Läxhjälp i Bankeryd..."]


def _heading(text: str, top: float, level: int) -> Block:
    words = [(w, 57 + 45 * n) for n, w in enumerate(text.split())]
    return Block([_line(words, top, 13 if level == 1 else 11.5, True)], page=1,
                 heading_level=level)


def _paragraph(text: str, top: float) -> Block:
    words = text.split(" ")
    lines = [_line([(w, 57 + 30 * n) for n, w in enumerate(words[i:i + 12])], top + 14 * k,
                   10, False) for k, i in enumerate(range(0, len(words), 12))]
    return Block(lines, page=1)


TEAM_TEXT = ("Teamet har under året prövat en ny arbetsform och vi har mätt hur många familjer som "
             "kommer tillbaka, och nu vill vi fortsätta med fler träffar under hösten.")


@pytest.mark.parametrize("numbers", [("1", "2", "2.1", "2.2", "3"),
                                     ("1.", "2.", "", "", "3.")])
def test_numbered_headings_and_a_heading_over_the_teams_presentations(numbers) -> None:
    """Headings numbered as a word processor numbers them ("2", "2.1", "3.") are read by their
    words: "Inledning" is the meeting's, "Exempel från teamen" / "Presentationer" groups the
    teams' sections, and each team's heading under it starts an example, titled without its
    number; a discussion in groups and "Övrigt" are the meeting's."""
    from ingest.segment.newsletter import segment_newsletter

    intro, group, first, second, talk = numbers
    group_heading = "Exempel från teamen" if first else "Presentationer"
    blocks = [
        _heading(f"{intro} Inledning".strip(), 100, 1),
        _paragraph("Träffen samlade deltagare från tolv av länets kommuner och temat var "
                   "spridning.", 120),
        _heading(f"{group} {group_heading}".strip(), 160, 1),
        _heading(f"{first} Familjecentralen i Mariannelund".strip(), 180, 2),
        _paragraph(TEAM_TEXT, 200),
        _heading(f"{second} Elevhälsan i Sävsjö".strip(), 250, 2),
        _paragraph(TEAM_TEXT, 270),
        _heading(f"{talk} Diskussion i smågrupper".strip(), 320, 1),
        _paragraph("Grupperna diskuterade vilka arbetssätt som är mogna att spridas och flest "
                   "röster fick lördagsöppna hallar.", 340),
        _heading("Övrigt", 380, 1),
        _paragraph("Habo har fått en ny samordnare som börjar i mars och presenterar sig "
                   "nästa gång.", 400),
    ]
    found = segment_newsletter(blocks, None)
    assert [d.title for d in found.examples] == ["Familjecentralen i Mariannelund",
                                                 "Elevhälsan i Sävsjö"]
    context = [s.heading for s in found.context]
    assert {"Inledning", group_heading, "Diskussion i smågrupper", "Övrigt"} <= set(context)


def test_a_bold_title_filling_a_paragraphs_first_line_starts_an_example() -> None:
    """In a column, a team's bold run-in title that ends in a full stop fills the line, and
    its text goes on below in normal weight: it is the next example's title, not a bold
    sentence of the example before ("Knattegympan är tillbaka i Skillingaryd.")."""
    from ingest.headings import assign_levels
    from ingest.layout import blocks_from_lines
    from ingest.segment.newsletter import segment_newsletter

    def line(text: str, top: float, bold: bool) -> Line:
        return _line([(w, 57 + 30 * n) for n, w in enumerate(text.split())], top, 10, bold)

    first = [line("Läxcafé med seniorer i Anneberg.", 100, True)]
    first[0].words += [Word(w, 300 + 30 * n, 100, 330 + 30 * n, 110, 10, False, 1)
                       for n, w in enumerate(["Lena", "Forsberg", "berättade", "om",
                                              "caféet."])]
    lines = [*first,
             line("Varje tisdag kommer elever i årskurs fyra till nio till biblioteket", 112,
                  False),
             line("och får hjälp av pensionerade lärare med matematik och svenska.", 124, False),
             line("Knattegympan är tillbaka i Skillingaryd.", 136, True),
             line("Under pandemin låg familjecentralens knattegympa nere men nu är den", 148,
                  False),
             line("igång igen och varje fredag kommer barn mellan ett och fyra år.", 160, False)]
    blocks = blocks_from_lines(lines, 10)
    assign_levels(blocks, 10)
    titles = [d.title for d in segment_newsletter(blocks, None).examples]
    assert titles == ["Läxcafé med seniorer i Anneberg", "Knattegympan är tillbaka i Skillingaryd"]
