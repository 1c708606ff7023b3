"""Words of a query written near each other in an example (search.query_near): counted as the
analyser counts positions, read from real texts, reordering the first page only."""

from __future__ import annotations

from search import query_near
from search.analysis import lemma
from search.query_near import near_pairs
from search.snippets import term_matches


def _pairs(text: str, *words: str) -> set[frozenset[str]]:
    terms = frozenset(lemma(w) for w in words)
    return near_pairs(text, term_matches(text, terms, {}))


def test_two_words_within_three_positions_either_order_are_near() -> None:
    pair = {frozenset(("ensam", "rast"))}
    assert _pairs("röra sig på rasterna och att ingen ska behöva vara ensam", "ensam",
                  "rasten") == pair  # "och att" are stopwords: rast, ingen, behöva, ensam
    assert _pairs("ensam på rasten", "rasten", "ensam") == pair
    # three words with positions between them: four apart
    assert _pairs("ensam elev söker ofta vuxna under rasten", "ensam", "rasten") == set()
    # the same word's two terms are not two words near each other
    assert _pairs("lunchrasten", "rast", "lunch") == set()


def test_a_word_form_is_matched_by_its_terms_and_marks_ignored() -> None:
    # "Föräldrarna" makes the term förälder; "kvällstid" itself; case and inflection aside
    assert _pairs("Kursen för Föräldrarna hölls på kvällstid", "föräldrar",
                  "kvällstid") == {frozenset(("förälder", "kvällstid"))}


def test_only_the_first_page_is_reordered(corpus_library, monkeypatch) -> None:
    # a long question: its first ten are the same examples with or without nearness, in
    # another order; the second page is the same
    text = ("kommer fler föräldrar om kursen hålls på barnens skola eller förskola på "
            "kvällstid, vi är i Gnosjö")
    with_near = [corpus_library.search(text, page=p).hits for p in (1, 2)]
    monkeypatch.setattr(query_near, "WORDS_NEAR_BOOST", 0.0)
    without = [corpus_library.search(text, page=p).hits for p in (1, 2)]
    first = [[h["id"] for h in hits] for hits in (with_near[0], without[0])]
    assert set(first[0]) == set(first[1]) and first[0] != first[1]
    assert [h["id"] for h in with_near[1]] == [h["id"] for h in without[1]]
