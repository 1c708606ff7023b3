"""A query naming who works with the children (an agency, a profession, by its short form)
finds the examples those actors take part in, led by the practices they mostly run, on the
real corpus; and a short word no example has is no misspelling of another short word."""

from __future__ import annotations

from collections import Counter

import numpy as np

from search import query, query_parse, query_plan
from search.analysis import query_words, variants
from search.library import Library
from search.query_actors import ACTOR_WORD_WEIGHT, TOGETHER_SHARE, named_actors
from search.schema import facet_values


def _tags(library: Library, example_id: str, kind: str) -> set[str]:
    example = library.example(example_id)
    return {t.value for t in example.tags if t.kind == kind and not t.proposed}


def _run_mostly_by(library: Library, actors: set[str]) -> set[str]:
    """The practices most of whose examples have all of ``actors``."""
    total, shared = Counter(), Counter()
    for doc in library.documents():
        for ex in doc.examples:
            practices = {t.value for t in ex.tags if t.kind == "intervention" and not t.proposed}
            total.update(practices)
            if actors <= {t.value for t in ex.tags if t.kind == "actor"}:
                shared.update(practices)
    return {p for p, n in shared.items() if n >= 2 and n / total[p] >= TOGETHER_SHARE}


def test_actor_terms_are_named_by_lemma_and_position() -> None:
    found = {a.value: a.words for a in named_actors(query_words("EHT och socialtjänsten"))}
    assert found == {"elevhälsa": frozenset({0}), "socialtjänst": frozenset({1})}
    found = {a.value: a.words for a in named_actors(query_words("vad gör skolkuratorn"))}
    assert found == {"elevhälsa": frozenset({0})}
    assert named_actors(query_words("rastaktiviteter")) == ()


def test_a_profession_written_as_a_compound_names_the_actor_of_its_last_part() -> None:
    def named(text: str) -> dict[str, frozenset[int]]:
        return {a.value: a.words for a in named_actors(query_words(text))}

    # no term of its own: "lärare", "tränare", "mamma" are the last parts
    assert named("idrottslärare och fotbollstränare") == {"skola": frozenset({0}),
                                                          "förening": frozenset({1})}
    assert named("stöd till tonårsmammor") == {"vårdnadshavare": frozenset({1})}
    # a word's own term wins ("förskola" is not skola); a short last part names nothing
    assert named("förskola") == {"förskola": frozenset({0})}
    assert named("barnsoc") == {}


def test_an_abbreviation_no_example_writes_finds_the_actors_examples(corpus_library) -> None:
    # "EHT" (elevhälsoteam) is written in no example: it is a term of the actor elevhälsa
    result = corpus_library.search("EHT", per_page=10)
    assert result.suggestion is None and result.total >= 10
    for hit in result.hits:
        assert "elevhälsa" in _tags(corpus_library, hit["id"], "actor")
        assert "elevhälsa" in hit["via"]
    # led by the practices school health mostly runs, not by where it is merely mentioned
    mostly = _run_mostly_by(corpus_library, {"elevhälsa"})
    for hit in result.hits[:5]:
        assert _tags(corpus_library, hit["id"], "intervention") & mostly, hit["title"]


def test_two_actors_ask_how_they_work_together(corpus_library) -> None:
    result = corpus_library.search("EHT och socialtjänsten", per_page=10)
    mostly = _run_mostly_by(corpus_library, {"elevhälsa", "socialtjänst"})
    assert mostly
    for hit in result.hits[:5]:
        assert {"elevhälsa", "socialtjänst"} <= _tags(corpus_library, hit["id"], "actor")
        assert _tags(corpus_library, hit["id"], "intervention") & mostly, hit["title"]


def test_a_practice_the_query_names_leads_over_its_actors(corpus_library) -> None:
    # "läxhjälp" names a practice; "bibliotekarie" (bibliotek) only adds to it
    result = corpus_library.search("läxhjälp bibliotekarie", per_page=5)
    for hit in result.hits:
        assert "läxhjälp" in hit["interventions"], hit["title"]


def test_a_short_word_no_example_has_is_not_read_as_another(corpus_library) -> None:
    # three letters, one edit from "son" and "sms", which examples do write
    result = corpus_library.search("sxn")
    assert result.total == 0
    assert corpus_library.search("sms").total > 0


BOTH = {"socialtjänst", "vårdnadshavare"}


def test_a_common_actor_beside_another_says_with_whom(corpus_library) -> None:
    """"föräldrarna" (vårdnadshavare) is in most examples and counts as no word of its own;
    beside the social worker it still says whom the practices raised are run with."""
    text = "socialsekreteraren och föräldrarna"
    thesaurus = corpus_library.thesaurus.current()

    def raised(searcher) -> set[int]:
        q = query_parse.parse(searcher.schema, text)
        plan = query_plan.word_plan(searcher, text, q, thesaurus)
        assert plan is not None and not all(plan.counts)  # the parents are a common word
        expansions = query._expansions(searcher, plan)
        assert {e.concept for e in expansions if e.kind == "actor"} == BOTH
        boosts = query._boosts(plan, expansions, searcher)
        return {int(d) for ids, _ in boosts for d in np.asarray(ids)}

    docnums = corpus_library.index.run(raised)
    assert docnums
    with_both = corpus_library.index.run(lambda s: {
        d for d in docnums
        if set(facet_values(s.stored_fields(d), "aktor")) >= BOTH})
    assert with_both == docnums


def test_an_actor_named_by_another_term_names_what_its_own_name_names() -> None:
    # "skolläkare" is a term of the actor elevhälsa and no label of the thesaurus; with the
    # actor's own name in its place the query labels the student health topic, and names its
    # practices a little less closely than a label of the topic ("skolsköterska") does
    from ingest.tagging.thesaurus import seed

    thesaurus = seed()
    own = {v: w for k, v, w in query_plan.named_concepts("skolsköterska", thesaurus)}
    assert not thesaurus.labelled("skolläkare")
    other = {v: w for k, v, w in query_plan.named_concepts("skolläkare", thesaurus)}
    assert set(other) == set(own)
    assert other["elevhälsocentral"] == query_plan.ACTOR_NAMING_WEIGHT * own["elevhälsocentral"]
    assert query_plan.named_concepts("syster", thesaurus) == ()


def _writes_the_actors_name(library: Library, example_id: str, name: str) -> bool:
    example = library.example(example_id)
    term = variants(name, False)[0]  # the name itself, not its parts ("social", "tjänst")
    return any(term in variants(w, True) for w in query_words(f"{example.title} {example.text}"))


def test_an_actors_everyday_short_form_adds_its_own_name_as_a_weak_word(corpus_library
                                                                         ) -> None:
    # "ifo" and "fältare" are terms of the actor socialtjänst the lemma table does not know:
    # the actor's own name is a weak word of the query, so the examples that write
    # "socialtjänsten" rank above those only tagged with the actor (which all tied)
    thesaurus = corpus_library.thesaurus.current()
    for text in ("ifo", "fältare"):
        plan = corpus_library.index.run(lambda s, text=text: query_plan.word_plan(
            s, text, query_parse.parse(s.schema, text), thesaurus))
        assert plan is not None
        weak = [t for terms, counts in zip(plan.words, plan.counts, strict=False)
                if not counts for t in terms]
        assert "socialtjänst" in weak, text
        hits = corpus_library.search(text, per_page=100).hits
        writes = [_writes_the_actors_name(corpus_library, h["id"], "socialtjänst") for h in hits]
        assert all("socialtjänst" in _tags(corpus_library, h["id"], "actor") for h in hits)
        # the examples that write the name come first: the first one that does not comes
        # after at least three in five of those that do (on the parent, after fewer than half)
        assert 10 <= writes.count(True) < len(writes), text
        assert writes.index(False) >= 0.6 * writes.count(True), (text, writes.index(False))
    # a word of the language that names a member of the actor adds nothing
    plan = corpus_library.index.run(lambda s: query_plan.word_plan(
        s, "socialsekreterare", query_parse.parse(s.schema, "socialsekreterare"), thesaurus))
    assert "socialtjänst" not in [t for terms in plan.words for t in terms]


def test_a_school_named_by_its_last_part_still_pins_its_examples(corpus_library) -> None:
    # "Furulidskolan" names the actor skola by its last part, yet is no term of that actor:
    # it is a school's name, which one example writes, and the other examples of that
    # example's practice (rastaktiviteter) follow it before the hits of "elever"
    result = corpus_library.search("elever på Furulidskolan", per_page=10)
    first, *rest = result.hits[:5]
    assert "furulidskolan" in corpus_library.example(first["id"]).text.lower() + \
        first["title"].lower()
    for hit in rest:
        assert "rastaktiviteter" in _tags(corpus_library, hit["id"], "intervention"), hit["title"]


def test_a_school_stage_beside_what_is_done_says_for_whom(corpus_library) -> None:
    """"lågstadiet" names the school as an actor; beside "trafikträning" (a word for the cycling
    courses) it says for whom, so the examples that only write the school stage (attendance
    work at a junior school) do not outrank the cycling ones."""
    text = "trafikträning lågstadiet"
    thesaurus = corpus_library.thesaurus.current()

    def weights(searcher) -> tuple[float, ...]:
        q = query_parse.parse(searcher.schema, text)
        plan = query_plan.word_plan(searcher, text, q, thesaurus)
        assert plan is not None
        return plan.weights[:2]

    assert corpus_library.index.run(weights) == (1.0, ACTOR_WORD_WEIGHT)
    result = corpus_library.search(text, per_page=3)
    cycling = [h for h in result.hits
               if {"cykelskola", "aktiv skolväg"} & set(h["interventions"])]
    assert len(cycling) >= 2, [h["title"] for h in result.hits]


def test_an_actor_alone_scores_as_a_whole_word(corpus_library) -> None:
    thesaurus = corpus_library.thesaurus.current()

    def weights(searcher) -> tuple[float, ...]:
        q = query_parse.parse(searcher.schema, "lågstadiet")
        plan = query_plan.word_plan(searcher, "lågstadiet", q, thesaurus)
        assert plan is not None
        return plan.weights[:1]

    assert corpus_library.index.run(weights) == (1.0,)
