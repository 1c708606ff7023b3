"""Everyday words and whole questions on the real corpus: question words are no content, a
long query needs most of its content words (a word also counting through the concept it
names), relaxes only when too little is found and says so, and a search that finds nothing
names related concepts."""

from __future__ import annotations

import pytest

from ingest.tagging.thesaurus import seed
from search import query
from search.analysis import query_words
from search.library import Library


@pytest.fixture(scope="module")
def corpus_library(corpus_store):
    library = Library(corpus_store)
    yield library
    library.close()


def ids(result) -> list[str]:
    return [h["id"] for h in result.hits]


def test_question_words_are_no_content() -> None:
    assert query_words("hur får vi fler elever att klara skolan?") == ["elever", "klara",
                                                                       "skolan"]
    assert query_words("finns det någon som jobbar med skolk") == ["skolk"]


def test_required_words_grow_with_the_query() -> None:
    assert [query.required_words(n) for n in (1, 2, 3, 4, 5, 8)] == [1, 1, 2, 3, 3, 5]


def test_a_label_of_several_words_is_named_by_each_of_them() -> None:
    thesaurus = seed()
    text = "barn som mår dåligt"
    named = query.named_by(text, query.named_concepts(text, thesaurus), thesaurus)
    words = query_words(text)
    assert named["tidig upptäckt"] >= {words.index("mår"), words.index("dåligt")}


@pytest.mark.parametrize(("question", "practice"), [
    ("hur ökar vi närvaron i skolan?", "närvaroarbete"),
    ("hur får vi fler barn att cykla till skolan", "aktiv skolväg"),
    ("vad kan vi göra för att förstagångsföräldrar ska få hembesök", "gemensamma hembesök"),
])
def test_a_question_finds_what_its_keywords_find(corpus_library, question, practice) -> None:
    asked = corpus_library.search(question)
    typed = corpus_library.search(" ".join(query_words(question)))  # its content words
    assert asked.hits and ids(asked)[0] == ids(typed)[0]
    assert asked.total == typed.total
    assert practice in asked.hits[0]["interventions"]


def test_a_long_querys_count_is_the_examples_with_most_of_its_words(corpus_library) -> None:
    text = "sjuksköterska socialtjänsten hembesök förstagångsföräldrar"
    long = corpus_library.search(text, per_page=100)
    any_word = corpus_library.search(" OR ".join(text.split()), per_page=100)
    assert 0 < long.total < any_word.total
    assert long.message is None  # enough examples have most of the words: nothing relaxed
    assert all("gemensamma hembesök" in h["interventions"]
               or "utökat hembesöksprogram" in h["interventions"] for h in long.hits[:5])


def test_a_word_counts_through_the_concept_it_names(corpus_library) -> None:
    # no example writes "skolk": its examples are those of närvaroarbete, and with "sms"
    # they have both words of the query
    result = corpus_library.search("skolk sms vårdnadshavare")
    assert result.hits and "närvaroarbete" in result.hits[0]["interventions"]
    assert result.message is None


def test_relaxed_only_when_too_little_is_found_and_then_said(corpus_library) -> None:
    # four practices no example has three of: relaxed, and the message says so
    relaxed = corpus_library.search("knattegympa cykelbuss läxhjälp trygghetscirkeln")
    assert relaxed.total > 0 and relaxed.message == query.RELAXED
    # the same words two at a time are short queries: any word, nothing to relax
    assert corpus_library.search("knattegympa läxhjälp").message is None
    # a question whose content words many examples have: not relaxed
    asked = corpus_library.search("hur får vi fler barn att cykla till skolan")
    assert asked.total > 0 and asked.message is None


def test_a_search_that_finds_nothing_names_related_concepts(corpus_library) -> None:
    # the thesaurus knows "sömnsvårigheter" (a topic with no practice of its own), no example
    # writes it: related concepts are offered
    result = corpus_library.search("sömnsvårigheter", filters={"kommun": ["Aneby"]})
    assert result.total == 0
    assert "Närliggande begrepp: Psykisk hälsa" in (result.message or "")
    assert query.related_concepts("hemmasittare", seed())[:1] == ["närvaroarbete"]


def test_a_misspelled_everyday_word_is_offered_the_thesaurus_term(corpus_library) -> None:
    result = corpus_library.search("skollk")
    assert result.suggestion == "skolk" and result.corrected
    assert result.hits and "närvaroarbete" in result.hits[0]["interventions"]


def test_menade_du_only_when_it_finds_more(corpus_library) -> None:
    # "hembesk" finds nothing as itself: hembesök is offered and its examples shown
    result = corpus_library.search("hembesk")
    assert result.suggestion == "hembesök" and result.corrected
    # a known word is never corrected
    assert corpus_library.search("hembesök").suggestion is None
