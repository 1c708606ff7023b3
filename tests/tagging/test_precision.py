"""An intervention needs more than a word in passing: "närvaro" named once in a sentence
about something else is no attendance work, and home visits to first-time parents are the
extended home-visit programme only when there are more visits than usual. Texts written for
these tests."""

from __future__ import annotations

import pytest

from ingest.tagging import query_terms, tag_text


def _interventions(text: str) -> list[str]:
    return [t.value for t in tag_text(text) if t.kind == "intervention" and not t.proposed]


@pytest.mark.parametrize("text", [
    "Skolans mål är god närvaro, men teamet arbetar med läsning. Eleverna läser högt för "
    "varandra i biblioteket varje vecka.",
    "Fritidsgården har öppet direkt efter sista lektionen och erbjuder pingis och musik. "
    "Personalen ser att de som kommer har bättre närvaro.",
])
def test_a_passing_mention_of_attendance_is_not_attendance_work(text: str) -> None:
    assert "närvaroarbete" not in _interventions(text)


def test_a_query_of_one_word_still_names_attendance_work() -> None:
    assert ("intervention", "närvaroarbete") in query_terms("hur ökar vi närvaron i skolan")


@pytest.mark.parametrize("text", [
    "Vid första frånvaron skickas ett sms till vårdnadshavarna.",
    "Närvaron följs upp varje vecka och vid frånvaro ringer mentorn hem samma dag.",
    "Skolan har infört en sms-rutin vid frånvaro.",
])
def test_attendance_work_named_twice_or_with_what_is_done(text: str) -> None:
    assert "närvaroarbete" in _interventions(text)


def test_joint_visits_to_first_time_parents_are_not_the_extended_programme() -> None:
    text = ("BVC-sjuksköterskan och socialsekreteraren gör gemensamma hembesök hos alla "
            "förstagångsföräldrar i Gnosjö. Teamet vill erbjuda hembesöken till alla "
            "förstagångsföräldrar nästa år och följa upp hur många som hör av sig.")
    found = _interventions(text)
    assert "gemensamma hembesök" in found
    assert "utökat hembesöksprogram" not in found


def test_a_school_home_visit_is_not_the_extended_programme() -> None:
    text = "Kuratorn gör fler hembesök hemma hos elever som har svårt att komma till skolan."
    assert "utökat hembesöksprogram" not in _interventions(text)


def test_the_extended_programme_is_still_found() -> None:
    text = ("Alla förstagångsföräldrar på Råslätt erbjuds sex hembesök under barnets första "
            "femton månader i stället för två.")
    assert "utökat hembesöksprogram" in _interventions(text)
    text = "Familjer med nyfödda barn får extra besök av barnsjuksköterskan under första året."
    assert "utökat hembesöksprogram" in _interventions(text)


def test_a_refusal_to_go_to_school_is_no_way_to_school() -> None:
    """"inte vill gå till skolan" is absence as a whole (a label of the thesaurus): the
    shorter trigger inside it ("gå till skolan") names neither aktiv skolväg nor movement."""
    text = ("Temat för föräldrakvällen var skolans närvaroregler och vart man vänder sig när "
            "ett barn inte vill gå till skolan. Mentorerna följer upp frånvaron varje vecka.")
    tags = tag_text(text)
    assert "aktiv skolväg" not in [t.value for t in tags if t.kind == "intervention"]
    assert "Fysisk aktivitet" not in [t.value for t in tags if t.kind == "focus_area"]
    assert "närvaroarbete" in _interventions(text)


def test_walking_to_school_is_still_a_way_to_school() -> None:
    text = "Fler barn ska gå till skolan. Varje morgon går en vuxen med barnen till skolan."
    assert "aktiv skolväg" in _interventions(text)


def test_parents_with_own_experience_shaping_the_work_is_user_involvement_at_once() -> None:
    text = ("Samordnaren berättade om det första året med samverkansteamet, där föräldrar med "
            "egen erfarenhet varit med och utformat arbetet.")
    assert "brukarmedverkan" in _interventions(text)


def test_asking_the_parents_once_afterwards_is_no_user_involvement() -> None:
    text = ("Teamet ska räkna deltagarna varje gång och fråga föräldrarna om aktiviteten har "
            "fått dem att röra sig mer.")
    assert "brukarmedverkan" not in _interventions(text)


def test_trying_something_is_no_try_out_activity() -> None:
    """"prova på att vara rastvärd" is an ignored phrase of the taxonomy: trying a task."""
    text = "Till hösten ska fler elever i årskurs fem få prova på att vara rastvärd en vecka."
    assert "prova-på-aktiviteter" not in _interventions(text)
    text = "Barnen fick prova på olika idrotter under prova på-veckan med föreningarna."
    assert "prova-på-aktiviteter" in _interventions(text)


def test_two_triggers_in_one_place_are_one_mention() -> None:
    """"fråga föräldrarna själva" holds two triggers of brukarmedverkan, which needs two
    mentions: one place is one mention, and asking afterwards is no involvement."""
    text = ("Teamet har tagit fram en checklista för besöket. Under våren vill de också fråga "
            "föräldrarna själva hur besöket upplevdes.")
    assert "brukarmedverkan" not in _interventions(text)


def test_children_coming_to_school_is_attendance_not_attendance_work() -> None:
    text = ("Föräldrarna fick gå runt i klassrummen med tolk. I september hade alla barnen utom "
            "ett kommit till skolan varje dag de första tre veckorna.")
    assert "närvaroarbete" not in _interventions(text)


def test_asking_the_parents_before_the_work_is_built_is_user_involvement() -> None:
    text = ("Att fråga föräldrarna innan verksamheten byggdes upp har varit avgörande. "
            "Kartläggningen med lappar har upprepats varje år.")
    assert "brukarmedverkan" in _interventions(text)


def test_an_idea_grown_from_talks_with_a_parent_is_user_involvement() -> None:
    text = ("Teamet vill öppna ett kafé en förmiddag i veckan. Idén har vuxit fram i samtal med "
            "en mamma som själv kom till orten för fyra år sedan.")
    assert "brukarmedverkan" in _interventions(text)
