"""Whose voice a passage is: the programme telling of itself (its meeting, speakers, coaches,
coming dates, greetings) or a team telling of its work, and which headings are known sections.

Hand-written rules over the one lexicon (ingest/lexicon.py): the signs are Swedish words and
patterns of these documents, which no general model here knows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.lexicon import (
    CONTACT_COLUMNS,
    CONTEXT_HEADINGS,
    DISCUSSION_GROUPS,
    MEETING_MOMENTS,
    MEETING_NOUNS,
    MEETING_NOUNS_DEFINITE,
    MEETING_PART_HEADINGS,
    MONTH_STEMS,
    NETWORK_TASK_VERBS,
    NETWORK_TEAM_SUBJECTS,
    NETWORK_WE_VERBS,
    NEW_TEAM_NOUNS,
    NEW_TEAM_VERBS,
    PERIOD_GENITIVES,
    PROGRAMME_VOICE,
    PROGRAMME_WORDS,
    SEASONS_DEFINITE,
    SECTION_HEADINGS,
    SPEAKER_SUBJECTS,
    SPEAKER_TITLES,
    SPEAKER_VERBS,
    SUMMARY_WORDS,
    TALK_EVENTS,
    TEAM_AUXILIARIES,
    TEAM_COUNTED,
    TEAM_ROLES,
    TEAM_UNITS,
    TEAM_VERBS,
)

GREETINGS = re.compile(
    r"^(?:varma |vänliga |många |bästa )?hälsning(?:ar)?\b|^med vänlig(?:a)? hälsning|^vi ses\b"
    r"|^välkomn[ae]\b|^välkommen\b|^hjärtligt välkomn|^trevlig (?:sommar|jul|helg|höst|vår)"
    r"|^ha en (?:skön|trevlig|fin|god|riktigt) "
    r"|^god jul|^boka (?:in|redan)|^save the date|^nästa (?:träff|lärandeseminarium|nätverksträff"
    r"|tillfälle|lärande)|^kommande (?:träff|datum|lärande)|^tack (?:alla|till alla|för i ?dag)",
    re.IGNORECASE,
)
INTRO_HEADING = re.compile(
    r"lärandenätverk|nätverksträff|lärandeseminari|nyhetsbrev|välkommen|välkomna|inledning"
    r"|^om bästa platsen|^hej\b",
    re.IGNORECASE,
)
INTRO_TEXT = re.compile(
    r"\b(?:träffades|samlades|träffas) (?:\w+ )?(?:lärandenätverket|nätverket|teamen)"
    r"|\blärandenätverket (?:träffades|samlades)|\bårets första nyhetsbrev",
    re.IGNORECASE,
)
GROUP_LABEL = re.compile(rf"^(?:{'|'.join(DISCUSSION_GROUPS)}) (?:\d{{1,2}}|[a-h])$")
SEASON_HEADING = re.compile(
    rf"^(?:{'|'.join((*SEASONS_DEFINITE, *PERIOD_GENITIVES))})"
    r"(?: \d{4})?(?: (?:träffar|datum|lärandeseminarier|nätverksträffar))?(?: \d{4})?$"
)
DATE_MENTION = re.compile(
    rf"\b\d{{1,2}} (?:{'|'.join(MONTH_STEMS)})[a-zä]*\b", re.IGNORECASE
)


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


PROGRAMME = re.compile(rf"\b(?:{_alternatives(PROGRAMME_WORDS)})", re.IGNORECASE)
TEAM_VOICE = re.compile(
    rf"\b(?:vi|vårt|vår|våra)(?: (?:{_alternatives(TEAM_AUXILIARIES)}))?"
    rf" (?!(?:{_alternatives(PROGRAMME_VOICE)})\b)(?:{_alternatives(TEAM_VERBS)})",
    re.IGNORECASE,
)
TEAM_UNIT = re.compile(rf"(?:\b|\w)(?:{_alternatives(TEAM_UNITS)})\b", re.IGNORECASE)
NAMED_UNIT = re.compile(
    r"\b[A-ZÅÄÖ]\w+(?:skola|skolan|gården|centralen)\b"
    r"|\b[A-ZÅÄÖ]\w+ (?:skola|förskola|familjecentral|vårdcentral|fritidsgård)\b"
)
TEAM_ROLE = re.compile(rf"\b(?:{_alternatives(TEAM_ROLES)})", re.IGNORECASE)
TEAM_COUNT = re.compile(
    rf"\b\d+ (?:av \d+ )?(?:{_alternatives(TEAM_COUNTED)})\b", re.IGNORECASE
)
FIRST_PERSON = re.compile(r"\b(?:vi|vår|vårt|våra|oss)\b", re.IGNORECASE)
CLOCK = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d.:])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+46|0)\d{1,3}[- ]?\d{2,3}[ ]?\d{2}[ ]?\d{2,3}(?!\d)")


def norm_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s/–-]", " ", text.lower()).split())


def starts_with(key: str, prefixes: tuple[str, ...]) -> bool:
    return key in prefixes or key.startswith(_continued(prefixes))


@lru_cache(maxsize=32)
def _continued(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """Each prefix followed by a space or a slash (one ``startswith`` for them all)."""
    return tuple(p + sep for p in prefixes for sep in (" ", "/"))


def is_subheading(text: str) -> bool:
    key = norm_key(text)
    return len(key.split()) <= 6 and starts_with(key, SECTION_HEADINGS)


_SUMMED = rf"(?:(?:{_alternatives(SUMMARY_WORDS)}) (?:av|från|om) |från |om )"
_MEETING_DEFINITE = rf"(?:{_alternatives(MEETING_NOUNS_DEFINITE)})"
# "Dagens träff i korthet", "Från dagens nätverksträff", "Vad hände på dagens träff",
# "Sammanfattning av dagen", "Från träffen", "Nätverksträffen 20 november i korthet" (the key
# of ``norm_key``: lowercase, no punctuation).
DAY_SUMMARY = re.compile(
    rf"\bdagens (?:{_alternatives(MEETING_NOUNS)})\b"
    rf"|\b(?:{_alternatives(MEETING_MOMENTS)})\b"
    rf"|^{_SUMMED}{_MEETING_DEFINITE}\b"
    rf"|^{_MEETING_DEFINITE}\b.* i (?:korthet|sammandrag|siffror|bilder)$"
)


def is_context_heading(text: str) -> bool:
    """A heading of the document's own parts (meetings, contacts, greetings, a season's dates,
    the day's meeting summed up), never a team's title."""
    key = norm_key(text)
    return len(key.split()) <= 8 and (
        starts_with(key, CONTEXT_HEADINGS) or bool(SEASON_HEADING.match(key))
        or bool(DAY_SUMMARY.search(key)) or bool(GREETINGS.search(key))
    )


QUOTE_MARKS = "”“\"«»„'’"


def is_quote(text: str) -> bool:
    """A line that is a quotation and nothing else ("”Jag vågar fråga nu.”"): a pull quote,
    the words of someone in the text, never a title."""
    text = text.strip()
    return len(text) > 2 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS \
        and not any(mark in text[1:-1] for mark in QUOTE_MARKS)


def is_group_label(text: str) -> bool:
    """A discussion group's name ("Grupp 2", "Bikupa B"): its notes are the meeting's."""
    return bool(GROUP_LABEL.match(norm_key(text)))


def is_meeting_part(text: str) -> bool:
    """A heading of a part of the meeting ("Diskussion i smågrupper", "Övrigt") whose
    sub-headings are the meeting's too (not a heading over the teams' sections)."""
    key = norm_key(text)
    return len(key.split()) <= 8 and starts_with(key, MEETING_PART_HEADINGS)


def is_meeting_list(text: str) -> bool:
    """Dates of coming meetings: several dated lines or bullets."""
    dates = DATE_MENTION.findall(text)
    return len(dates) >= 2 and len(text.split()) <= 15 * len(dates)


def who_acts(text: str) -> tuple[int, int]:
    """Signs that the programme tells about itself (its network, meetings, coaches, speakers,
    greetings) and signs that a team tells about its work (first-person team verbs, a named
    unit or school, what it counted)."""
    programme = team = 0
    for line in text.split("\n"):
        signs = line_signs(line)
        programme += signs[0]
        team += signs[1]
    return programme, team


@lru_cache(maxsize=4096)
def line_signs(text: str) -> tuple[int, int]:
    """``who_acts`` of one line. No sign spans a line break, and a passage is weighed again
    each time it grows, so each line is counted once (``line_signs.cache_clear()`` forgets)."""
    programme = len(PROGRAMME.findall(text))
    team = (
        len(TEAM_VOICE.findall(text))
        + len(TEAM_UNIT.findall(text))
        + len(NAMED_UNIT.findall(text))
        + len(TEAM_ROLE.findall(text))
        + len(TEAM_COUNT.findall(text))
    )
    return programme, team


def team_voiced(text: str) -> bool:
    """Clearly a team telling of its work: several team signs and more than programme words."""
    programme, team = who_acts(text)
    return team >= 3 and team > programme


def is_contact_table(parts: list[str]) -> bool:
    """A table of names, roles, e-mail and phone read cell by cell: two column heads or more."""
    return sum(norm_key(part) in CONTACT_COLUMNS for part in parts) >= 2


def reads_as_programme(text: str) -> bool:
    """A section about the programme itself (a meeting, a speaker, new teams, coaches), whatever
    its heading looks like: programme words outweigh a team's voice two to one."""
    programme, team = who_acts(text)
    return programme >= 2 and programme > 2 * team



def is_agenda(text: str) -> bool:
    """The meeting's programme: several clock times with a few words each ("09.30 Kaffe")."""
    times = CLOCK.findall(text)
    return len(times) >= 3 and len(text.split()) <= 10 * len(times)


def contact_count(text: str) -> int:
    return len(EMAIL.findall(text)) + len(PHONE.findall(text))


TALK_EVENT = re.compile(rf"\b(?:{_alternatives(TALK_EVENTS)})", re.IGNORECASE)
SPEAKER_VOICE = re.compile(
    rf"\b(?:{_alternatives(SPEAKER_SUBJECTS)}) (?:(?:också|även|sedan|då|vidare) )?"
    rf"(?:{_alternatives(SPEAKER_VERBS)})\b"
    r"|\benligt (?:henne|honom|föreläsaren|forskaren|talaren)\b",
    re.IGNORECASE,
)
_NAME = r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)? [A-ZÅÄÖ][a-zåäöéü]+"
_TITLE = rf"(?:{_alternatives(SPEAKER_TITLES)})"
SPEAKER_NAMED = re.compile(  # the name's capitals count: "forskare vid Barnafrid" is no name
    rf"{_NAME},? (?i:\w+ )?(?i:{_TITLE})(?!\w)|(?<!\w)(?i:{_TITLE}),? {_NAME}"
)
_TOGETHER = rf"(?:{_alternatives(NETWORK_WE_VERBS)})"
_TEAMS_TOLD_OF = rf"(?:{_alternatives(NETWORK_TEAM_SUBJECTS)})"
_TASK = rf"(?:{_alternatives(NETWORK_TASK_VERBS)})"
NETWORK_WE = re.compile(
    rf"\b{_TOGETHER} (?:vi|deltagarna|grupperna|teamen)\b"
    rf"|\b(?:vi|deltagarna|grupperna|teamen) (?:(?:sedan|också|även|då) )?{_TOGETHER}\b"
    # the teams told of in the third person: "fick varje team …", "flera grupper valde …"
    rf"|\b{_TASK} {_TEAMS_TOLD_OF}\b|\b{_TEAMS_TOLD_OF} (?:(?:sedan|också|även|då) )?{_TASK}\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÅÄÖ0-9\"”])|\n+")


def reports_the_day(text: str) -> bool:
    """A report of the meeting's talk or group work, not of a team's work: the part of the day
    is named (a lecture, group work, a workshop) or a speaker with a title ("docent Karin
    Berg"), someone is reported speaking ("Hon berättade", "föreläsaren lyfte", "diskuterade
    vi"), and what a team tells of its own work (first-person team verbs, named units, what
    it counted) stays in a minority outside the sentences of the talk. The topic of a talk
    (school, parents, pupil health) is no sign of a team, nor is "vi" where the network
    speaks as "vi" ("I grupparbetet diskuterade vi … Vi fick jämföra …")."""
    speakers = len(SPEAKER_NAMED.findall(text))
    voice = len(SPEAKER_VOICE.findall(text)) + len(NETWORK_WE.findall(text)) + speakers
    if not voice or not (speakers or TALK_EVENT.search(text)):
        return False
    team_own = 0
    network_we = bool(NETWORK_WE.search(text))  # "diskuterade vi": its "vi" is the network's
    for sentence in SENTENCE_END.split(text):
        if PROGRAMME.search(sentence) or TALK_EVENT.search(sentence) \
                or SPEAKER_VOICE.search(sentence) or NETWORK_WE.search(sentence) \
                or SPEAKER_NAMED.search(sentence):
            continue
        we = 0 if network_we else len(TEAM_VOICE.findall(sentence))
        team_own += we + len(NAMED_UNIT.findall(sentence)) + len(TEAM_COUNT.findall(sentence))
    programme = len(PROGRAMME.findall(text)) + len(TALK_EVENT.findall(text))
    return team_own <= 2 and 2 * team_own < voice + programme


NEW_TEAMS = re.compile(
    rf"\b(?:{_alternatives(NEW_TEAM_NOUNS)})\b[^.!?]*\b(?:{_alternatives(NEW_TEAM_VERBS)})\b"
    rf"|\b(?:{_alternatives(NEW_TEAM_VERBS)})\b[^.!?]*\b(?:{_alternatives(NEW_TEAM_NOUNS)})\b",
    re.IGNORECASE,
)


def announces_teams(text: str) -> bool:
    """New teams joining the network announced ("Två nya team har anslutit: elevhälsan i Habo
    …"): the programme's news, though it names the teams' units."""
    return bool(NEW_TEAMS.search(text)) and bool(PROGRAMME.search(text))
