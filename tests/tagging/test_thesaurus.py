"""The thesaurus: concepts, their other terms and relations, and what a query names by them."""

from __future__ import annotations

from ingest.model import FOCUS_AREA, FOCUS_AREAS, INTERVENTION
from ingest.tagging import taxonomy, thesaurus


def test_every_taxonomy_concept_is_in_the_thesaurus_and_relations_resolve() -> None:
    found = thesaurus.seed().concepts
    names = {i.name for i in taxonomy().interventions}
    assert {c.pref for c in found if c.kind == INTERVENTION} == names
    assert {c.pref for c in found if c.kind == FOCUS_AREA} == set(FOCUS_AREAS)
    topics = [c for c in found if c.kind == thesaurus.TOPIC]
    assert len(topics) >= 15
    # a topic leads to practices: interventions, and synonym rings (topics related to nothing)
    rings = {c.pref for c in topics if not c.related}
    for concept in found:
        assert set(concept.related) <= names | rings, concept.pref
        assert set(concept.focus_areas) <= set(FOCUS_AREAS), concept.pref
    # a problem or need leads to practices; a synonym ring (no related practice) may name a
    # focus area, but one about how the work is organised (consent, records) names none
    assert sum(1 for t in topics if t.related) >= 15
    assert any(not t.related and t.focus_areas for t in topics)
    for concept in found:  # a label once per concept: a SKOS file can hold it only once
        labels = [label.lower() for label in concept.labels()]
        assert len(labels) == len(set(labels)), concept.pref


def test_a_topic_names_its_related_interventions_first_strongest() -> None:
    named = thesaurus.seed().named("mobbning")
    interventions = [(v, w) for k, v, w in named if k == INTERVENTION]
    assert interventions[0][1] > interventions[-1][1]
    assert (FOCUS_AREA, "Psykisk hälsa", 1.0) in named


def test_misspelled_and_inflected_labels_name_the_same_concept() -> None:
    assert thesaurus.seed().named("mobbing") == thesaurus.seed().named("mobbning")
    assert [c.pref for c in thesaurus.seed().labelled("ensamhet")] == ["ensamhet"]
    assert "ensamhet" in [c.pref for c in thesaurus.seed().labelled("hon är ensam på rasten")]


def test_a_theme_evening_is_parenting_support_not_an_activity_day() -> None:
    assert [c.pref for c in thesaurus.seed().labelled("temakväll")] == ["stöd i föräldraskapet"]
    assert [c.pref for c in thesaurus.seed().labelled("temakvällar")] == ["stöd i föräldraskapet"]


def test_children_alone_after_school_are_the_after_school_topic() -> None:
    # latchkey children need somewhere to be after school (an extended school day) more
    # than a taster of a sport
    for text in ("nyckelbarn", "barn som går hem till tomma hus"):
        named = [v for k, v, _ in thesaurus.seed().named(text) if k == INTERVENTION]
        assert named[0] == "allaktivitetshus", text


def test_a_meeting_on_a_video_link_is_the_digital_parent_evening() -> None:
    # "zoom", "teams" and "via länk" name digital meetings; what teams hold that way for
    # parents is the digital parent evening
    for text in ("föräldragrupp på zoom", "träff med föräldrarna via länk"):
        named = [v for k, v, _ in thesaurus.seed().named(text) if k == INTERVENTION]
        assert "digital föräldrakväll" in named, text


def test_preschool_and_child_health_care_together_are_a_joint_team() -> None:
    # the two who meet about the youngest children, as school and social services do
    for text in ("förskolan och BVC träffas regelbundet", "barnhälsovården och förskolan"):
        named = [v for k, v, _ in thesaurus.seed().named(text) if k == INTERVENTION]
        assert named[:1] == ["samverkansteam"], text


def test_a_new_sport_to_try_is_a_taster() -> None:
    # "a new sport every week" is what sport tasters offer children outside the clubs
    for text in ("ny idrott varje vecka", "barnen får prova många olika idrotter"):
        named = [v for k, v, _ in thesaurus.seed().named(text) if k == INTERVENTION]
        assert named[:1] == ["prova-på-aktiviteter"], text


def test_the_end_of_the_school_day_is_after_school() -> None:
    for text in ("mellan skolslut och middag", "när skoldagen slutar"):
        assert "efter skolan" in [c.pref for c in thesaurus.seed().labelled(text)], text


def test_common_words_name_nothing() -> None:
    for word in ("skola", "barn", "föräldrar", "elever", "och"):
        assert thesaurus.seed().named(word) == [], word


def test_an_alternative_label_names_the_intervention_itself() -> None:
    alt = next(c for c in thesaurus.seed().concepts
               if c.kind == INTERVENTION and c.alt and " " not in c.alt[0])
    assert (INTERVENTION, alt.pref, 1.0) in thesaurus.seed().named(alt.alt[0])


LABEL_TEXT = ("Skolkpatrullen på Södra skolan\n\nEn skolkpatrull går runt på morgonen. "
              "Varje skolkpatrull har två vuxna som ringer hem samma dag.")


def _with_label(label: str, label_type: str = thesaurus.ALT) -> thesaurus.Thesaurus:
    seed = thesaurus.seed()
    concept = seed.concept("narvaroarbete").with_label(label, label_type)
    return seed.edited([concept], "test-" + label)


def _interventions(text: str) -> set[str]:
    from ingest.tagging import tag_text

    return {t.value for t in tag_text(text) if t.kind == INTERVENTION}


def test_the_tagger_reads_the_installed_thesaurus_labels_as_weak_words() -> None:
    assert "närvaroarbete" not in _interventions(LABEL_TEXT)
    thesaurus.use(_with_label("skolkpatrull"))
    try:
        assert "närvaroarbete" in _interventions(LABEL_TEXT)  # two mentions
        once = "Morgonen på Södra skolan\n\nEn skolkpatrull går runt på morgonen."
        assert "närvaroarbete" not in _interventions(once)  # one weak word is not enough
    finally:
        thesaurus.use(None)
    assert "närvaroarbete" not in _interventions(LABEL_TEXT)


def test_a_hidden_label_is_matched_as_written_only() -> None:
    thesaurus.use(_with_label("skolkpatrul", thesaurus.HIDDEN))  # a misspelling
    try:
        assert "närvaroarbete" in _interventions(LABEL_TEXT.replace("patrull", "patrul"))
        assert "närvaroarbete" not in _interventions(LABEL_TEXT)
    finally:
        thesaurus.use(None)


def test_a_thesaurus_survives_the_trip_to_a_reader_process() -> None:
    import pickle

    edited = _with_label("skolkpatrull")
    edited.labelled("skolkpatrull")  # fills the label index, which is not sent
    copy = pickle.loads(pickle.dumps(edited))
    assert copy.version == edited.version and copy.concepts == edited.concepts
    assert "_index" not in copy.__dict__


def test_a_compound_names_the_concept_of_the_label_it_ends_with() -> None:
    seed = thesaurus.seed()
    # no label says "skolfrånvaro"; it ends with "frånvaro", a label of the absence topic
    assert [c.pref for c in seed.labelled("skolfrånvaron", gaps=True)] == [
        "problematisk skolfrånvaro"]
    assert not seed.labelled("skolfrånvaron")  # only in the lenient pass of a query
    # a label as written comes first, and a short word is no head ("kontrast" has no "rast")
    assert [c.pref for c in seed.labelled("ströfrånvaro", gaps=True)] == [
        "problematisk skolfrånvaro"]
    assert not seed.labelled("kontrast", gaps=True)
    # the head begins where a part of the compound does: "gemensam" does not end with "ensam"
    assert not seed.labelled("ett gemensamt baspaket", gaps=True)
    assert [c.pref for c in seed.labelled("kvällsläxhjälp", gaps=True)] == ["läxhjälp"]


def test_a_labels_function_words_match_as_written_not_by_lemma() -> None:
    # the lemma table reads "de" and "ett"/"en" alike and "minsta" as "liten": the label
    # "de minsta" (small children) must not name them for "en liten skola" or "ett litet samhälle"
    seed = thesaurus.seed()
    for text in ("en liten skola på landet", "ett litet samhälle"):
        assert "småbarn" not in [c.pref for c in seed.labelled(text)], text
        assert "småbarn" not in [c.pref for c in seed.labelled(text, gaps=True)], text
    assert "småbarn" in [c.pref for c in seed.labelled("gympa för de minsta")]


def test_labels_are_found_however_they_begin() -> None:
    """A label is looked up only where its first word stands (as written, as lemma, or as
    "inte" for another word for not): each way a label may begin still finds it."""
    seed = thesaurus.seed()

    def prefs(text: str, gaps: bool = False) -> list[str]:
        return [c.pref for c in seed.labelled(text, gaps)]

    assert "gemensamma hembesök" in prefs("Gemensamma hembesöken i Gnosjö")  # by lemma
    assert "problematisk skolfrånvaro" in prefs("han vill aldrig gå till skolan")  # negated
    assert seed.without_long_labels("han vill aldrig gå till skolan") == "han"
    assert "Fysisk aktivitet" in prefs("att få verkligen upp pulsen", gaps=True)  # a gap
    assert "Fysisk aktivitet" not in prefs("att få verkligen upp pulsen")
