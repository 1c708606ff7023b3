"""Snippets: the words that make a query's terms are marked whole, once, in their text."""

from search.snippets import candidate_words, make_snippet


def test_a_joined_word_is_one_candidate_even_with_two_heads() -> None:
    text = "Skol-närvaron och BVC:s lokaler, skolgården"
    found = [m.group() for m in candidate_words(text, frozenset({"skola", "närvaro", "bvc"}))]
    assert found == ["Skol-närvaron", "BVC:s", "skolgården"]


def test_marks_words_by_their_terms_and_escapes_the_rest() -> None:
    text = "Föräldrar <b>möts</b> när närvaron på skol-gården sjunker."
    snippet = make_snippet(text, frozenset({"närvaro", "skola"}))
    assert "<mark>närvaron</mark>" in snippet
    assert "<mark>skol-gården</mark>" in snippet
    assert "&lt;b&gt;möts&lt;/b&gt;" in snippet
    assert snippet.count("<mark>") == 2


def test_no_matching_word_gives_no_snippet() -> None:
    assert make_snippet("Cykeltåget rullar i Skillingaryd.", frozenset({"närvaro"})) == ""


def test_heads_are_found_in_any_case_and_without_marks() -> None:
    text = "NÄRVARON, Narvaro-listan och _närvaro-x; x--skola"
    found = [m.group() for m in candidate_words(text, frozenset({"närvaro", "skola"}))]
    assert found == ["NÄRVARON", "Narvaro-listan", "_närvaro-x", "skola"]


def test_a_text_whose_lower_case_is_longer_still_marks_its_words() -> None:
    text = "İzmir-gruppen träffas och närvaron ökar i skolan."  # "İ".lower() is two letters
    snippet = make_snippet(text, frozenset({"närvaro", "skola"}))
    assert "<mark>närvaron</mark>" in snippet and "<mark>skolan</mark>" in snippet
    assert snippet.count("<mark>") == 2
