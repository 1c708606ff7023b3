"""Searching a real Whoosh index: Swedish matching, facets, filters, snippets, paging."""

from __future__ import annotations

import pytest


def titles(result) -> list[str]:
    return [h["title"] for h in result.hits]


def test_hit_has_contract_fields(small_library) -> None:
    result = small_library.search("hembesök")
    assert result.total >= 2
    hit = result.hits[0]
    for key in ("id", "title", "document", "municipalities", "focus_areas", "interventions",
                "score", "snippet", "date", "kind"):
        assert key in hit
    assert set(hit["document"]) == {"id", "title", "filename"}
    assert hit["kind"] == "newsletter"


def test_definite_form_query_finds_base_form(small_library) -> None:
    assert "Närvaro i skolan på Attarpsskolan" in titles(small_library.search("närvaron"))


def test_question_with_stopwords(small_library) -> None:
    result = small_library.search("hur ökar vi närvaron i skolan")
    assert titles(result)[0] == "Närvaro i skolan på Attarpsskolan"


def test_compound_query_finds_phrase(small_library) -> None:
    found = titles(small_library.search("skolnärvaro"))
    assert "Skolnärvaro i Vrigstad" in found
    assert "Närvaro i skolan på Attarpsskolan" in found


def test_phrase_finds_compound(small_library) -> None:
    found = titles(small_library.search("stöd till föräldrar"))
    assert "Föräldrastöd i grupp i Habo" in found


def test_query_without_swedish_letters(small_library) -> None:
    assert titles(small_library.search("nassjo"))[0] == "Gemensamma hembesök i Nässjö"
    assert "Närvaro i skolan på Attarpsskolan" in titles(small_library.search("narvaro"))
    assert small_library.search("vardnadshavare").total >= 1


def test_typo_gives_suggestion_and_results(small_library) -> None:
    result = small_library.search("hembesk")
    assert result.suggestion == "hembesök"
    assert result.total >= 2


def test_facets_count_matches(small_library) -> None:
    result = small_library.search("hembesök")
    assert result.facets["kommun"]["Nässjö"] == 1
    assert result.facets["kommun"]["Gnosjö"] == 1
    assert result.facets["fokus"] == {"Psykisk hälsa": 2}
    assert set(result.facets) == {"kommun", "fokus", "insats", "aktor", "alder", "skede", "ar",
                                  "dokumenttyp"}
    assert result.facets["dokumenttyp"] == {"Nyhetsbrev": 2}


def test_filters_or_within_and_across(small_library) -> None:
    both = small_library.search("", {"kommun": ["Nässjö", "Habo"]})
    assert both.total == 2
    one = small_library.search(
        "", {"kommun": ["Nässjö", "Habo"], "insats": ["gemensamma hembesök"]})
    assert titles(one) == ["Gemensamma hembesök i Nässjö"]
    year = small_library.search("", {"ar": ["2023"]})
    assert year.total == 3


def test_snippet_marks_and_escapes(small_library) -> None:
    hit = small_library.search("socialtjänsten")
    snippet = hit.hits[0]["snippet"]
    assert "<mark>" in snippet and "</mark>" in snippet
    assert "<script" not in snippet


def test_browse_all_sorted_by_date(small_library) -> None:
    result = small_library.search("")
    assert result.total == 6
    dates = [h["date"] for h in result.hits]
    assert dates == sorted(dates, reverse=True)


def test_pagination(small_library) -> None:
    first = small_library.search("", per_page=4, page=1)
    second = small_library.search("", per_page=4, page=2)
    assert first.pages == 2 and len(first.hits) == 4 and len(second.hits) == 2
    assert not {h["id"] for h in first.hits} & {h["id"] for h in second.hits}
    assert small_library.search("", per_page=4, page=9).hits == []


def test_sort_by_date(small_library) -> None:
    result = small_library.search("hembesök", sort="date")
    assert [h["date"] for h in result.hits] == ["2023-05", "2022-10"]


@pytest.mark.parametrize("odd", ['"hembesök', "*", "AND OR", "hembesök AND", "(((", "x" * 10000,
                                 "i och att", "", "   ", "a:b c^2 [1 TO 3]", "'", "NOT",
                                 "hem* OR", "\\", "<script>alert(1)</script>"])
def test_odd_queries_never_fail(small_library, odd: str) -> None:
    result = small_library.search(odd)
    assert result.total >= 0
    assert result.total > 0 or result.message


def test_unbalanced_quote_still_finds(small_library) -> None:
    assert small_library.search('"gemensamma hembesök').total >= 2


def test_nonsense_gives_swedish_message(small_library) -> None:
    result = small_library.search("qqqzzzxxy")
    assert result.total == 0
    assert "Inga exempel" in result.message


def test_similar_examples(small_library) -> None:
    hits = small_library.search("Gemensamma hembesök i Nässjö").hits
    source = next(h for h in hits if h["title"] == "Gemensamma hembesök i Nässjö")
    similar = small_library.similar(source["id"], limit=3)
    assert similar and similar[0]["title"] == "Gemensamma hembesök startar i Gnosjö"
    assert all(h["id"] != source["id"] for h in similar)


def test_query_with_filters(small_library) -> None:
    result = small_library.search("hembesök", {"kommun": ["Gnosjö"]})
    assert titles(result) == ["Gemensamma hembesök startar i Gnosjö"]
    assert result.facets["kommun"] == {"Gnosjö": 1}
    none = small_library.search("hembesök", {"kommun": ["Habo"]})
    assert none.total == 0 and none.hits == []


def test_query_pagination_is_stable(small_library) -> None:
    all_hits = [h["id"] for h in small_library.search("skolan", per_page=50).hits]
    paged = []
    for page in (1, 2, 3):
        paged += [h["id"] for h in small_library.search("skolan", per_page=1, page=page).hits]
    assert paged == all_hits[:3]


def test_search_result_to_dict(small_library) -> None:
    data = small_library.search("hembesök").to_dict()
    assert {"query", "total", "results", "facets", "suggestion", "page", "pages"} <= set(data)


def test_age_group_and_stage_are_facets_and_filters(small_library) -> None:
    result = small_library.search("hembesök")
    assert result.facets["skede"] == {"pågående": 1, "planerad": 1}
    planned = small_library.search("hembesök", filters={"skede": ["planerad"]})
    assert titles(planned) == ["Gemensamma hembesök startar i Gnosjö"]


def test_ties_order_by_example_id_across_segments_and_replaced_examples(
        tmp_path, reader, add_docs) -> None:
    """The place of each example id (``query.id_ranks``) follows the stored ids also when
    the index has several segments and examples replaced in place (a corrected tag rewrites
    its document: the old copies are deleted, not yet merged away)."""
    from search import query
    from search.library import Library

    from .conftest import EXAMPLES_A, EXAMPLES_B, make_document

    with Library(tmp_path / "data", reader=reader) as library:
        add_docs(library, reader, tmp_path / "in", [make_document("b.pdf", EXAMPLES_B)])
        add_docs(library, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
        first = library.search("", per_page=10).hits[-1]["id"]
        library.correct_tag(first, "focus_area", "Fysisk aktivitet")

        def check(searcher) -> tuple[list[str], list[str], int]:
            reader_ = searcher.reader()
            live = [d for d in range(reader_.doc_count_all()) if not reader_.is_deleted(d)]
            ranks = query.id_ranks(searcher)
            by_rank = [searcher.stored_fields(d)["id"]
                       for d in sorted(live, key=lambda d: int(ranks[d]))]
            return by_rank, sorted(by_rank), reader_.doc_count_all() - len(live)

        by_rank, by_id, deleted = library.index.run(check)
    assert deleted >= 1 and len(by_rank) == 6
    assert by_rank == by_id


@pytest.mark.parametrize("word", ["trygghetscirkeln", "cykelbuss", "knattegympa"])
def test_a_quoted_compound_finds_the_examples_that_write_it(corpus_library, word) -> None:
    # the analyser gives a compound its parts at its own position: read as words after it,
    # they made the quoted compound a phrase no example has
    quoted = corpus_library.search(f'"{word}"', per_page=100)
    assert quoted.total > 0 and quoted.message is None
    assert all(word[:-2] in corpus_library.example(h.id).text.lower() for h in quoted.hits)
    # in a phrase of several words too
    assert corpus_library.search('"knattegympan i Rydaholm"').total >= 1
