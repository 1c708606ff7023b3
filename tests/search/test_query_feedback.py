"""A question that describes a practice without naming it: its best hits tell which practice
is meant, and that practice's other examples follow them (on the real corpus)."""

from __future__ import annotations

import numpy as np

from search.analysis import query_words, variants
from search.library import Library
from search.query_feedback import (
    FEEDBACK_MIN,
    FEEDBACK_TOP,
    below_best,
    described_practices,
    filling_practices,
)

# Nothing in it names a practice, an actor or a topic; youth centres open in the evenings
DESCRIBED = "ungdomar som inte har något att göra på kvällarna"


def _practices(library: Library, example_id: str) -> set[str]:
    example = library.example(example_id)
    return {t.value for t in example.tags if t.kind == "intervention" and not t.proposed}


def _writes_a_query_word(library: Library, example_id: str, text: str) -> bool:
    example = library.example(example_id)
    wanted = {t for w in query_words(text) for t in variants(w, False)}
    words = query_words(f"{example.title} {example.text}")
    return any(wanted & set(variants(w, True)) for w in words)


def test_the_practice_the_best_hits_share_fills_the_list(corpus_library) -> None:
    result = corpus_library.search(DESCRIBED, per_page=10)
    first = result.hits[:FEEDBACK_TOP]
    shared = [h for h in first if "allaktivitetshus" in _practices(corpus_library, h["id"])]
    assert len(shared) >= FEEDBACK_MIN
    assert all(h["via"] == [] for h in first)  # found by the query's own words
    through = [h for h in result.hits if "allaktivitetshus" in h["via"]]
    assert len(through) >= 2
    for hit in through:
        assert result.hits.index(hit) >= FEEDBACK_TOP
        assert "allaktivitetshus" in _practices(corpus_library, hit["id"])
        assert not _writes_a_query_word(corpus_library, hit["id"], DESCRIBED), hit["title"]


def test_a_query_that_names_a_practice_is_not_read_from_its_hits(corpus_library) -> None:
    result = corpus_library.search("läxhjälp på biblioteket", per_page=10)
    assert result.hits
    for hit in result.hits:
        assert "läxhjälp" in _practices(corpus_library, hit["id"]) or not hit["via"], hit


def test_the_practice_most_of_the_first_hits_have_is_taken() -> None:
    first = [(9.0, ["a", "b"]), (8.0, ["b"]), (7.0, ["a", "c"]), (6.0, ["c"])]
    # a and b are both had by two of the first three: the higher scored is taken
    assert described_practices(first) == ["b"]
    assert described_practices([(9.0, ["a"]), (8.0, ["b"]), (7.0, ["c", "a"])]) == ["a"]
    assert described_practices([(9.0, ["a"]), (8.0, ["b"]), (7.0, ["c"])]) == []
    assert described_practices(first[:2]) == []  # too few hits to tell


def test_a_full_tie_between_practices_goes_by_name_in_every_process() -> None:
    # the same hits hold both practices: the choice must not follow the order of a set,
    # which changes with Python's string hashing from one process to the next
    import os
    import subprocess
    import sys

    code = ("from search.query_feedback import described_practices as d; "
            "print(d([(9.0, ['tidig upptäckt', 'familjecentral', 'läxhjälp']), "
            "(8.0, ['läxhjälp', 'familjecentral', 'tidig upptäckt']), (7.0, ['x'])]))")
    chosen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}
                             ).stdout.strip() for seed in range(6)}
    assert chosen == {"['familjecentral']"}


def test_the_best_hits_keep_their_places() -> None:
    best = [(9.0, 1), (8.0, 2), (7.0, 3), (6.9, 4), (1.0, 5)]
    ranked = below_best(best, np.array([2, 5, 8]))
    assert [d for _, d in ranked[:FEEDBACK_TOP]] == [1, 2, 3]
    assert [d for _, d in ranked[FEEDBACK_TOP:]] == [4, 5, 8]  # 4 scores above 0.9 × 7.0


def test_the_practice_of_pinned_examples_follows_right_below_them() -> None:
    # the examples a rare name singles out (1 and 2) keep their places; the other examples of
    # their practice (5, 8) come right below them, before the hits of the query's common words
    # (3 and 4), which a practice read from the best hits would only follow
    from search.query_feedback import below_pinned

    best = [(9.0, 1), (8.0, 2), (5.0, 3), (4.8, 4), (1.0, 5)]
    ids = np.array([5, 8])
    assert [d for _, d in below_pinned(best, ids, {1, 2})] == [1, 2, 5, 8, 3, 4]
    assert [d for _, d in below_best(best, ids)] == [1, 2, 3, 4, 5, 8]


def test_the_practice_where_the_pinned_examples_are_comes_first_below_them() -> None:
    # of the pinned examples' practice (5, 8, 9), those in the pinned examples' municipality
    # (9) come first, still below the pinned ones and in their own order among themselves
    from search.query_feedback import below_pinned

    best = [(9.0, 1), (8.0, 2), (5.0, 3), (4.8, 4), (2.0, 5), (1.0, 9)]
    ids = np.array([5, 8, 9])
    order = [d for _, d in below_pinned(best, ids, {1, 2}, frozenset({9}))]
    assert order == [1, 2, 9, 5, 8, 3, 4]


def test_a_schools_name_brings_its_municipalitys_examples_of_the_practice_first(
        corpus_library) -> None:
    # one example names a school in Vetlanda; the other examples of its practice in Vetlanda
    # follow it before the practice's examples elsewhere
    hits = corpus_library.search("Östanåskolan", per_page=4).hits
    for hit in hits:
        assert "Vetlanda" in corpus_library.example(hit["id"]).municipalities, hit["title"]


def _writes(library: Library, example_id: str, word: str) -> bool:
    example = library.example(example_id)
    return word in f"{example.title} {example.text}".lower()


def test_a_village_few_examples_name_pins_them_and_their_practice_follows(corpus_library
                                                                          ) -> None:
    # one example writes "Tenhult" (knattegympa there): what it is about is what the query is
    # about, so the other knattegympa examples fill the list right below it, before hits
    # that only share the query's common words ("föräldrar", "barn")
    for text in ("Tenhult", "föräldrar och barn i Tenhult"):
        result = corpus_library.search(text, per_page=10)
        first, *rest = result.hits[:6]
        assert _writes(corpus_library, first["id"], "tenhult"), text
        assert "knattegympa" in _practices(corpus_library, first["id"])
        for hit in rest:
            assert not _writes(corpus_library, hit["id"], "tenhult")
            assert "knattegympa" in _practices(corpus_library, hit["id"]), (text, hit["title"])


def test_a_village_in_another_municipality_still_comes_first(corpus_library) -> None:  # noqa: ANN001
    # the one example that writes "Bankeryd" is Habo's; the village lies in Jönköping, whose
    # examples of the same practice get the place's bonus: they stay below it, as for "bankeryd"
    for text in ("Bankeryd", "bankeryd"):
        hits = corpus_library.search(text, per_page=5).hits
        assert _writes(corpus_library, hits[0]["id"], "bankeryd"), (text, hits[0]["title"])
        assert not any(_writes(corpus_library, h["id"], "bankeryd") for h in hits[1:])


def test_of_the_practices_a_query_names_the_one_its_rare_name_has_follows(corpus_library
                                                                          ) -> None:
    # "mår dåligt" names several practices (early detection, pupil health centres, peer
    # support); the one example that writes "Vrigstadskolan" is about peer support, so that is
    # the one meant: its other examples come right below it, before examples of the others
    result = corpus_library.search("elever på Vrigstadskolan som mår dåligt", per_page=10)
    first, *rest = result.hits[:5]
    assert _writes(corpus_library, first["id"], "vrigstadskolan")
    assert "kamratstöd" in _practices(corpus_library, first["id"])
    for hit in rest:
        assert "kamratstöd" in _practices(corpus_library, hit["id"]), hit["title"]
        assert len(hit["via"]) == len(set(hit["via"])), hit["via"]



def test_a_rare_word_with_the_other_words_singles_its_example_out(corpus_library) -> None:
    # one example (a school's attendance team) writes "omklädningsrummet": a known word, no
    # name, that with "idrotten" is what the query asks; examples that are only about sport
    # come after it. Where the rare word's example lacks the other word ("läxhjälp"), it is
    # not lifted
    for text in ("omklädningsrum idrotten", "rädsla för omklädningsrummet idrott"):
        first = corpus_library.search(text, per_page=5).hits[0]
        assert _writes(corpus_library, first["id"], "omklädningsrum"), (text, first["title"])
    hits = corpus_library.search("omklädningsrum läxhjälp", per_page=5).hits
    assert all("läxhjälp" in _practices(corpus_library, hit["id"]) for hit in hits)


def test_a_rare_compound_read_with_its_parts_singles_its_example_out(corpus_library) -> None:
    # "cykelkurs" (read with "cykel" and "kurs") is written by few examples; the cycle bus's
    # writes it and "cykelbussen" too, so it comes before the walking bus, which writes neither
    first = corpus_library.search("cykelkurs cykelbussen", per_page=3).hits[0]
    assert _writes(corpus_library, first["id"], "cykelkurs"), first["title"]


def test_a_compounds_part_is_not_the_other_word_a_rare_word_needs(corpus_library) -> None:
    # three home-visit examples write "kalendrar" (two calendars to fit together), and
    # "föräldrar" and "grupp", parts of "föräldragruppen", but no parent group: they are not
    # lifted above the parent groups for it, as they are for "kalendrar hembesöken"
    def writing(text: str) -> int:
        hits = corpus_library.search(text, per_page=3).hits
        return sum(_writes(corpus_library, hit["id"], "kalendrar") for hit in hits)

    assert writing("kalendrar hembesöken") == 3
    assert writing("kalendrar föräldragruppen") <= 1


def test_a_place_in_the_genitive_is_the_place(corpus_library) -> None:
    # "stockaryds" is written by two examples only: as a word of its own it pinned them and the
    # practice of one (peer support, elsewhere in the county) followed; the place Stockaryd is
    # written by more and pins nothing, so its examples and those near it come first
    for text in ("stockaryds", "Stockaryds"):
        for hit in corpus_library.search(text, per_page=3).hits:
            assert "Sävsjö" in corpus_library.example(hit["id"]).municipalities, (text, hit)


def test_one_word_no_concept_names_is_read_from_its_hits(corpus_library) -> None:
    # "klättring" names no practice; the examples that write it are sport tasters, so the
    # other sport tasters follow them, found through the practice
    result = corpus_library.search("klättring", per_page=10)
    writing = [h for h in result.hits if _writes(corpus_library, h["id"], "klättring")]
    assert len(writing) >= FEEDBACK_TOP
    assert result.hits[:len(writing)] == writing
    through = result.hits[len(writing):]
    assert len(through) >= 3
    for hit in through:
        assert hit["via"] == ["prova-på-aktiviteter"], hit["title"]
        assert "prova-på-aktiviteter" in _practices(corpus_library, hit["id"])


def test_a_place_alone_is_not_read_from_its_hits(corpus_library) -> None:
    # a village's name asks for what is done there, whatever it is: nothing is found
    # through a practice its examples share
    result = corpus_library.search("Rydaholm", per_page=10)
    assert result.hits
    assert all(h["via"] == [] for h in result.hits)


def test_a_page_few_examples_match_is_filled_with_the_practices_they_hold(corpus_library
                                                                          ) -> None:
    # two examples write of vests (the break-time hosts' own, the cycle train's yellow ones);
    # the rest of the page had examples found by common words only, or nothing: now the
    # practices the two hold follow them, each example found through one of those practices
    result = corpus_library.search("västar", per_page=10)
    writing = [h for h in result.hits if _writes(corpus_library, h["id"], " väst")]
    assert 0 < len(writing) < FEEDBACK_TOP
    assert result.hits[:len(writing)] == writing
    held = set().union(*(_practices(corpus_library, h["id"]) for h in writing))
    through = result.hits[len(writing):]
    assert len(through) >= 5
    for hit in through:
        assert hit["via"] and set(hit["via"]) <= held, hit
        assert set(hit["via"]) & _practices(corpus_library, hit["id"]), hit["title"]
    assert filling_practices([["a", "b"], ["b"], ["c"]]) == ["b"]  # held by two of three
    assert filling_practices([["a", "b"], ["c"]]) == ["a", "b", "c"]  # fewer: each counts
