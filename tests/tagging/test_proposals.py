"""New practices the taxonomy does not know: an example always gets its own interventions, as
key phrases of its text marked as proposals, and its focus area follows from what it does.
Texts written for these tests."""

from __future__ import annotations

from ingest.model import FOCUS_AREA, INTERVENTION, Example, Section
from ingest.records import Example as ExampleRecord
from ingest.tagging import tag_example


def _example(title: str, body: str, sections: list[Section] | None = None) -> Example:
    text = f"{title}\n\n{body}"
    for section in sections or []:
        text += f"\n\n{section.heading}\n{section.text}"
    ex = Example(id="d-1", document_id="d", title=title, text=text, sections=sections or [])
    tag_example(ex)
    return ex


def _interventions(ex: Example) -> list[tuple[str, bool]]:
    return [(t.value, t.proposed) for t in ex.tags if t.kind == INTERVENTION]


def test_digital_parents_evening_is_proposed() -> None:
    ex = _example(
        "Digital föräldrakväll på flera språk",
        "Familjecentralen i Tranås bjuder in till en digital föräldrakväll en gång i månaden. "
        "Kvällen tolkas till arabiska, somaliska och tigrinja så att fler kan delta hemifrån.",
        [Section("Metod", "Vi sänder via Teams och tolkarna sitter i var sin kanal. "
                          "Föräldrarna kan ställa frågor i chatten.")])
    # the family centre that invites is the team's own (tests/tagging/test_acting_units.py)
    assert _interventions(ex) == [("digital föräldrakväll", True), ("familjecentral", False)]
    assert ex.proposed_interventions() == ["digital föräldrakväll"]
    assert ex.focus_areas == ["Psykisk hälsa"]  # föräldra-: parents, parental support
    tag = next(t for t in ex.tags if t.kind == INTERVENTION)
    assert tag.evidence and all(ex.text[e.start:e.end] == e.text for e in tag.evidence)
    assert any("bjuder in till en digital föräldrakväll" in e.text for e in tag.evidence)


def test_a_practice_named_in_the_method_section() -> None:
    ex = _example(
        "Morgonstart på Hagaskolan",
        "Många elever i årskurs 8 kom för sent och hungriga till första lektionen.",
        [Section("Vad gjorde vi", "Vi startade en frukostklubb i matsalen klockan 7.30. "
                                  "Frukostklubben drivs av fritidspedagoger.")])
    assert ("frukostklubb", True) in _interventions(ex)
    assert ex.focus_areas  # always at least one: here from the school and its pupils


def test_the_kind_of_practice_a_title_names_besides_the_taxonomy_term() -> None:
    ex = _example(
        "Läxcafé med pensionerade lärare",
        "På biblioteket i Vaggeryd har vi startat ett läxcafé där pensionerade lärare hjälper "
        "eleverna med läxorna två eftermiddagar i veckan.")
    assert _interventions(ex) == [("läxhjälp", False), ("läxcafé", True)]
    assert ex.focus_areas == ["Fullföljda studier"]
    ex = _example("Sms vid första frånvaron",
                  "Vårdnadshavare får ett sms redan första dagen eleven är borta från skolan.")
    assert set(_interventions(ex)) == {("närvaroarbete", False), ("sms", True)}


def test_taxonomy_term_in_a_title_with_a_place_only_is_no_proposal() -> None:
    for title in ("Mammacafé i Gislaved", "Läxhjälp på biblioteket i Anderstorp",
                  "Cykelbuss på Lunnaskolan"):
        ex = _example(title, "Varje vecka träffas nyanlända mammor och barn. Eleverna får hjälp "
                             "med läxorna. Barnen cyklar till skolan i en cykelbuss.")
        assert all(not proposed for _, proposed in _interventions(ex)), title


def test_at_most_three_proposals_without_names_or_roles() -> None:
    ex = _example(
        "Samtalspromenader för unga i Eksjö",
        "Fritidsgården i Eksjö erbjuder samtalspromenader där en ungdom och fritidsledaren "
        "Omar Said går en runda och pratar. Promenaderna bokas i en app och är gratis.")
    found = _interventions(ex)
    assert 1 <= len(found) <= 3 and all(proposed for _, proposed in found)
    assert found[0][0] == "samtalspromenad"
    assert not {"omar", "said", "fritidsledare", "eksjö", "ungdom"} & {v for v, _ in found}
    assert ex.focus_areas == ["Fysisk aktivitet"]  # promenad


def test_proposal_flag_survives_the_record() -> None:
    ex = _example("Frukostklubb på Hagaskolan",
                  "Vi har startat en frukostklubb för eleverna i årskurs 7.")
    back = ExampleRecord.of(ex).to_model()
    assert [(t.value, t.proposed) for t in back.tags if t.kind == INTERVENTION] == [
        ("frukostklubb", True)]
    assert ExampleRecord.of(ex).model_dump()["interventions"] == ["frukostklubb"]


def test_focus_follows_the_interventions_not_stray_words() -> None:
    ex = _example(
        "Cykelbuss till Lunnaskolan",
        "Föräldrar turas om att leda en cykelbuss till skolan varje morgon. Barnen känner sig "
        "trygga i gruppen och tycker att det är roligt.")
    assert [t.value for t in ex.tags if t.kind == INTERVENTION] == ["aktiv skolväg"]
    assert [t.value for t in ex.tags if t.kind == FOCUS_AREA] == ["Fysisk aktivitet"]


def test_the_title_head_is_proposed_besides_the_taxonomy_terms() -> None:
    """A title that names the practice in the team's own words ("Ett sms redan första
    frånvarodagen") gives a proposal even when the text also triggers taxonomy terms; a title
    headed by a taxonomy word or by a verb gives none."""
    ex = _example("Ett sms redan första frånvarodagen",
                  "Skolan i Eksjö skickar ett sms till vårdnadshavare redan första dagen en elev "
                  "är frånvarande. Mentorn följer upp frånvaron samma vecka.")
    assert ("närvaroarbete", False) in _interventions(ex)
    assert ("sms", True) in _interventions(ex)
    ex = _example("Trepartssamtal varje termin",
                  "Mentorn bjuder in elev och vårdnadshavare till trepartssamtal. Vid upprepad "
                  "frånvaro hålls samtalet direkt och närvaron följs upp varje vecka.")
    assert ("trepartssamtal", True) in _interventions(ex)
    ex = _example("Läxhjälpen i Värnamo ger resultat",
                  "Läxhjälpen på biblioteket har nu femtio elever i veckan och fler klarar "
                  "godkända betyg i matematik.")
    assert _interventions(ex) == [("läxhjälp", False)]


def test_a_course_called_school_is_no_school_work() -> None:
    """A proposal's compound head "skola" names a course ("cykelskola", "simskola"), not a
    school: the focus area follows the course's own word, not the school actor."""
    ex = _example(
        "Cykelskola på Ängsskolan",
        "Idrottslärarna på Ängsskolan ordnar cykelskola på skolgården för barn i årskurs två "
        "som ännu inte kan cykla. Efter fem veckor kunde femton av sjutton barn cykla själva.")
    assert ("cykelskola", True) in _interventions(ex)
    assert ex.focus_areas == ["Fysisk aktivitet"]
    ex = _example(
        "Simskola för hela familjen",
        "Badhuset i Tranås har simskola på söndagar där barn och föräldrar är i vattnet "
        "tillsammans. Tio familjer har gått kursen i höst.")
    assert ("simskola", True) in _interventions(ex)
    assert ex.focus_areas == ["Fysisk aktivitet"]


def test_whom_and_when_and_a_title_verb_are_no_practice() -> None:
    # girls, a school year by its number, a holiday and "trodde" (the past of "tro") name
    # whom and when the team worked, not what it did
    ex = _example(
        "Tjejgympan på Björken blev större än vi trodde",
        "Under sportlovet har fritidsgården Björken i Eksjö haft tjejgympa varje förmiddag för "
        "tjejer i trean och fyran. Tjejerna valde själva musiken, och tjejer som aldrig varit på "
        "gården kom tillbaka. Nästa lov vill tjejerna ha gympa igen, och fler tjejer har anmält "
        "sig.",
    )
    proposed = [value for value, is_proposed in _interventions(ex) if is_proposed]
    assert "tjejgympa" in proposed
    assert not {"tjej", "tro", "trea", "fyra", "sportlov", "lov"} & set(proposed), proposed


def test_an_english_function_word_is_no_proposal() -> None:
    # an English report: its title's "the" was proposed as the example's practice
    ex = _example(
        "Overview of the Technology Acceptance Model",
        "The model explains how users come to accept and use a technology. The model has been "
        "extended with the theory of planned behaviour and with the social influence of peers.")
    assert not {"the", "with", "of", "and", "how"} & {v for v, _ in _interventions(ex)}
