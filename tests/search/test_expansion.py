"""A query word that names a concept finds the concept's examples, on a real index."""

from __future__ import annotations

from ingest.tagging.thesaurus import seed
from search.query_plan import named_concepts


def titles(result) -> list[str]:
    return [h["title"] for h in result.hits]


def test_everyday_word_finds_the_concepts_examples(small_library) -> None:
    # no example says "skolk"; the taxonomy knows it as a term of närvaroarbete
    assert ("intervention", "närvaroarbete", 1.0) in named_concepts("skolk", seed())
    result = small_library.search("skolk")
    assert result.suggestion is None and not result.corrected
    assert set(titles(result)) >= {"Närvaro i skolan på Attarpsskolan", "Skolnärvaro i Vrigstad"}
    assert result.hits[0]["interventions"].count("närvaroarbete") == 1


def test_literal_words_rank_above_the_expansion(small_library) -> None:
    # "sms" is written in the Attarpsskolan example only; both are närvaroarbete examples
    result = small_library.search("skolk sms")
    assert titles(result)[0] == "Närvaro i skolan på Attarpsskolan"
    assert "Skolnärvaro i Vrigstad" in titles(result)


def test_an_unknown_word_still_gets_a_suggestion(small_library) -> None:
    assert named_concepts("hembesk", seed()) == ()
    assert small_library.search("hembesk").suggestion == "hembesök"


def test_hits_say_which_concept_found_them(small_library) -> None:
    result = small_library.search("skolk sms")
    via = {h["title"]: h["via"] for h in result.hits}
    # it writes "sms" itself, and has "skolk" through närvaroarbete
    assert via["Närvaro i skolan på Attarpsskolan"] == ["närvaroarbete"]
    assert "närvaroarbete" in via["Skolnärvaro i Vrigstad"]
    assert all(h["missing"] == [] for h in result.hits)
    assert all(h["via"] == [] for h in small_library.search("hembesök").hits)


def test_a_thesaurus_term_finds_the_concepts_examples(small_library) -> None:
    # "cosp" is an abbreviation the thesaurus gives Trygghetscirkeln; no example writes it
    result = small_library.search("cosp")
    assert result.suggestion is None
    assert titles(result)[0] == "Föräldrastöd i grupp i Habo"
    assert result.hits[0]["via"][0] == "Trygghetscirkeln"
