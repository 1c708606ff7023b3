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
    for concept in found:
        assert set(concept.related) <= names, concept.pref
        assert set(concept.focus_areas) <= set(FOCUS_AREAS), concept.pref
    assert all(t.related or t.focus_areas for t in topics)


def test_a_topic_names_its_related_interventions_first_strongest() -> None:
    named = thesaurus.seed().named("mobbning")
    interventions = [(v, w) for k, v, w in named if k == INTERVENTION]
    assert interventions[0][1] > interventions[-1][1]
    assert (FOCUS_AREA, "Psykisk hälsa", 1.0) in named


def test_misspelled_and_inflected_labels_name_the_same_concept() -> None:
    assert thesaurus.seed().named("mobbing") == thesaurus.seed().named("mobbning")
    assert [c.pref for c in thesaurus.seed().labelled("ensamhet")] == ["ensamhet"]
    assert "ensamhet" in [c.pref for c in thesaurus.seed().labelled("hon är ensam på rasten")]


def test_common_words_name_nothing() -> None:
    for word in ("skola", "barn", "föräldrar", "elever", "och"):
        assert thesaurus.seed().named(word) == [], word


def test_an_alternative_label_names_the_intervention_itself() -> None:
    alt = next(c for c in thesaurus.seed().concepts
               if c.kind == INTERVENTION and c.alt and " " not in c.alt[0])
    assert (INTERVENTION, alt.pref, 1.0) in thesaurus.seed().named(alt.alt[0])
