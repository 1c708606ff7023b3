"""Synonym rings: topics of the thesaurus with no related practice (related: []).

Many practices teams run are not practices of the taxonomy (a parents' coffee, a digital parent
evening, an evening group, a family swimming school); the examples only name them in their own
words. A query that writes an everyday name of such a practice names the ring, and the ring's
other one-word labels count as weaker query words, so the example that is exactly that practice
comes among the first hits, without routing the query to any practice.
"""

from __future__ import annotations

import pytest

from ingest.tagging.thesaurus import seed


@pytest.mark.parametrize(("query", "title"), [
    # a digital parent evening: the examples write "digital föräldrakväll"
    ("webbinarium", "Digital föräldrakväll på fem språk i Värnamo"),
    # an evening parent group: the example writes "föräldragrupperna på kvällstid"
    ("kvällsträffar för föräldrar", "Kvällsgrupperna i Habo fortsätter"),
    # a talking group for parents of teenagers
    ("tonårsgrupp för föräldrar", "Samtalsgrupp för tonårsföräldrar"),
    # a swimming school for families: the example writes "simkravet", "simlärare"
    ("familjesim", "Simskola för familjer i Gislaved"),
    # school transport to sport tasters on the holidays: the example writes "skolskjutsen"
    ("fritidsbuss", "Skolskjuts till prova på i Skillingaryd"),
    ("buss till aktiviteterna", "Skolskjuts till prova på i Skillingaryd"),
    # parents as sponsors of newly arrived families: the example writes "fadderföräldrarna"
    ("föräldramentor", "Trygg skolstart för nyanlända familjer"),
    ("kontaktförälder för nyanlända", "Trygg skolstart för nyanlända familjer"),
    # a parents' coffee with the school counsellor: the example's title is "Föräldrakaffe"
    ("kaffe med kuratorn", "Föräldrakaffe på Tallbackaskolan"),
])
def test_an_everyday_name_of_a_teams_own_practice_finds_it(corpus_library, query: str,
                                                             title: str) -> None:
    titles = [hit["title"] for hit in corpus_library.search(query, per_page=10).hits]
    assert title in titles[:5], titles


@pytest.mark.parametrize("slug", [
    "foraldrakaffe", "digital-foraldrakvall", "kvallsgrupp", "foraldraroster", "samtalsgrupp",
    "simskola-for-familjer", "cykelkurs", "skjuts-till-aktiviteter", "fadderforaldrar",
    "helgoppet"])
def test_a_synonym_ring_routes_to_no_practice(slug: str) -> None:
    concept = seed().concept(slug)
    assert concept is not None and concept.kind == "topic"
    assert concept.related == ()


def test_a_word_no_example_writes_stands_for_its_rings_other_names(corpus_library) -> None:
    # "föräldrafika" is in no text; the ring's "föräldrakaffe" is. The example that writes it
    # has the query's word, not only a weaker extra word: before, the meeting places that the
    # compound's parts ("förälder", "fika") name buried it below the first ten
    from search import query_parse, query_plan

    thesaurus = corpus_library.thesaurus.current()
    plan = corpus_library.index.run(lambda s: query_plan.word_plan(
        s, "föräldrafika", query_parse.parse(s.schema, "föräldrafika"), thesaurus))
    assert "föräldrakaffe" in plan.words[0]
    titles = [hit["title"] for hit in corpus_library.search("föräldrafika", per_page=10).hits]
    assert "Föräldrakaffe på Tallbackaskolan" in titles[:3], titles


def test_a_ring_about_how_the_work_is_organised_has_no_focus_area(corpus_library) -> None:
    # consent is no matter of mental health: as a focus area it made every preschool example on
    # mental health as good an answer as the ones that write consent
    assert seed().concept("samtycke").focus_areas == ()
    for hit in corpus_library.search("samtycke förskola", per_page=3).hits:
        example = corpus_library.example(hit["id"])
        assert "samtyck" in f"{example.title} {example.text}".lower(), hit["title"]


def test_a_rural_setting_is_a_ring_and_families_out_there_a_topic() -> None:
    # "på landet" says where, not what: it routes to no practice and names no area, so a
    # question about children out in the villages is not read as one about small children
    from search.query_plan import named_concepts

    thesaurus = seed()
    assert thesaurus.concept("glesbygd").related == ()
    assert thesaurus.concept("glesbygd").focus_areas == ()
    assert not any(kind == "intervention" for kind, _, _ in named_concepts(
        "idrott för barn som bor på landet", thesaurus))
    # families with small children in the countryside are still what the family centre's
    # outreach is for
    assert ("intervention", "öppen förskola") in {
        (kind, value) for kind, value, _ in named_concepts("familjer på landsbygden", thesaurus)}


def test_only_labels_of_one_word_as_written_are_a_rings_other_words() -> None:
    # of "har ingen bil" and "kan inte sova" the query's words are "bil" and "sova": words of
    # a phrase, not names of the ring
    from search.query_labels import label_terms

    thesaurus = seed()
    assert "landsbygd" in label_terms("glesbygd", set(), thesaurus)
    assert "bil" not in label_terms("glesbygd", set(), thesaurus)
    assert "sömn" in label_terms("sömnproblem", set(), thesaurus)
    assert "sova" not in label_terms("sömnproblem", set(), thesaurus)


def test_a_topic_may_lead_to_a_ring_the_examples_that_write_it(corpus_library) -> None:
    # a team's own practice (a parents' coffee) is a ring, not a tag: a problem it answers
    # ("svårnådda familjer") may list it among its related practices, and the examples that
    # write the ring's labels are then found through it, as a practice's examples are
    import dataclasses

    from search import query

    current = corpus_library.thesaurus.current()
    topic = current.concept("na-foraldrar")
    assert "föräldrakaffe" not in topic.related
    edited = current.edited(
        [dataclasses.replace(topic, related=(*topic.related, "föräldrakaffe"))], "test")

    def hits(thesaurus) -> list[str]:
        result = corpus_library.index.run(lambda s: query.search(
            s, s.schema, "svårnådda föräldrar", per_page=100, thesaurus=thesaurus))
        return [h["title"] for h in result.hits]

    coffee = "Föräldrakaffe på Tallbackaskolan"
    assert coffee not in hits(current)
    assert coffee in hits(edited)


def test_a_topics_related_rings_resolve_from_the_seed() -> None:
    thesaurus = seed()
    rings = {c.pref for c in thesaurus.concepts if c.kind == "topic" and not c.related}
    practices = {c.pref for c in thesaurus.concepts if c.kind == "intervention"}
    for concept in thesaurus.concepts:
        assert set(concept.related) <= practices | rings, concept.pref
