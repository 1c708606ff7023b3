"""search.fastrank ranks as Whoosh does: on the index of the real corpus, for varied queries
with and without filters, its top 10 equals Whoosh's own BM25F ranking (with the average
length the index's searchers use, ``fastrank.weighting``) with the same coordination bonus.
It reads private members of Whoosh's matcher, so it is tied to the Whoosh version pinned in
pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh.query import Or, Phrase, Term
from whoosh.searching import Searcher

from search import fastrank, query, query_facets, query_parse, query_plan
from search.index import IndexStore
from search.schema import RANK_FIELD, SEARCH_FIELD

ROOT = Path(__file__).resolve().parents[2]
PRIVATE_MEMBERS = ("_read_ids", "_read_weights", "_ids", "_weights", "_next_block")
TOP = 10

WORDS = [
    "skolnärvaro", "hembesök", "trygghetscirkeln", "läxhjälp", "kamratstödjare",
    "familjecentralen", "föräldrar", "socialtjänsten", "Nässjö", "rörelse",
    "hur ökar vi närvaron i skolan", "föräldrastöd i grupp", "tidig upptäckt psykisk ohälsa",
    "fysisk aktivitet på rasten", "överlämning förskola skola",
    "samverkan skola socialtjänst", "öppen förskola för nyanlända", "få barn att röra på sig",
    "skol*", "familj* socialtjänst", "närvar*", "hembes* föräldrar",
]
FILTERED = [
    ("skolnärvaro", {"kommun": ["Jönköping"]}),
    ("föräldrastöd", {"fokus": ["Psykisk hälsa"]}),
    ("barn familj", {"ar": ["2024"], "dokumenttyp": ["Nyhetsbrev"]}),
    ("fysisk aktivitet", {"fokus": ["Fysisk aktivitet"], "kommun": ["Eksjö"]}),
    ("skol*", {"aktor": ["elevhälsa"]}),
    ("samverkan", {"insats": ["tidig upptäckt"]}),
]
CASES = [(text, {}) for text in WORDS] + FILTERED
# Quoted phrases are not ranked by fastrank: Whoosh ranks them by itself.
PHRASES = ['"öppen förskola"', '"tidig upptäckt"', '"föräldrastöd i grupp" skola']


@pytest.fixture(scope="module")
def store(corpus_store: Path) -> Iterator[IndexStore]:
    index = IndexStore(corpus_store / "index")
    yield index
    index.close()


@pytest.fixture(scope="module")
def searcher(store: IndexStore) -> Iterator[Searcher]:
    with store.ix.searcher(weighting=fastrank.weighting()) as s:
        yield s


def _ordered(ranked: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """Best first; equal scores by document number, as search.query orders them."""
    return sorted(ranked, key=lambda sd: (-round(sd[0], 9), sd[1]))


def _whoosh_ranking(searcher: Searcher, words: list[list[str]], fq: Any
                    ) -> list[tuple[float, int]]:
    """Whoosh's BM25F over the same terms, times fastrank's bonus for the words matched."""
    q = Or([Or([Term(query.RANK_FIELD, t) for t in dict.fromkeys(terms)]) for terms in words])
    out = []
    for hit in searcher.search(q, limit=None, filter=fq, terms=True, optimize=False):
        matched = {t.decode("utf-8") for _, t in hit.matched_terms()}
        n = sum(1 for terms in words if matched.intersection(terms))
        out.append((hit.score * (1 + fastrank.COORD * (n - 1)), hit.docnum))
    return _ordered(out)


def _fast_ranking(searcher: Searcher, words: list[list[str]], fq: Any
                  ) -> tuple[set[int], list[tuple[float, int]]]:
    allowed = set(searcher.docs_for_query(fq)) if fq is not None else None
    matched, best, _ = fastrank.rank(searcher, query.RANK_FIELD, words, allowed,
                                  top=TOP + query.CANDIDATES)
    return matched, _ordered(best)


def _ids(searcher: Searcher, ranked: list[tuple[float, int]]) -> list[str]:
    return [searcher.stored_fields(d)["id"] for _, d in ranked[:TOP]]


@pytest.mark.parametrize(("text", "filters"), CASES, ids=[f"{t} {f}" for t, f in CASES])
def test_fastrank_ranks_as_whoosh(store: IndexStore, searcher: Searcher, text: str,
                                  filters: dict[str, list[str]]) -> None:
    q, _, _, _ = query._user_query(store.schema, text)
    words = query_plan.word_terms(searcher, text, q)
    assert words, f"{text!r} should take the fast path"
    fq = query_parse.filter_query(filters)
    matched, fast = _fast_ranking(searcher, words, fq)
    slow = _whoosh_ranking(searcher, words, fq)
    assert fast and len(matched) == len(slow)
    assert _ids(searcher, fast) == _ids(searcher, slow)
    for (a, _), (b, _) in zip(fast[:TOP], slow[:TOP], strict=True):
        assert a == pytest.approx(b, rel=1e-9)


def test_the_cases_really_differ(searcher: Searcher, store: IndexStore) -> None:
    """The queries find different things: the comparison is not of one ranking 30 times."""
    tops = set()
    for text, filters in CASES:
        q, _, _, _ = query._user_query(store.schema, text)
        fq = query_parse.filter_query(filters)
        words = query_plan.word_terms(searcher, text, q)
        tops.add(tuple(_ids(searcher, _fast_ranking(searcher, words, fq)[1])))
    assert len(tops) >= len(CASES) - 3


@pytest.mark.parametrize("text", PHRASES)
def test_phrases_are_ranked_by_whoosh(store: IndexStore, searcher: Searcher, text: str) -> None:
    q, _, _, _ = query._user_query(store.schema, text)
    assert query_plan.word_terms(searcher, text, q) is None


def test_fastrank_reads_whoosh_block_postings(searcher: Searcher) -> None:
    """The on-disk matcher still has the members fastrank reads (else it falls back to the
    slow, public way without saying so)."""
    sub, _ = searcher.leaf_searchers()[0]
    matcher = sub.reader().postings(query.RANK_FIELD, "skola")
    missing = [name for name in PRIVATE_MEMBERS if not hasattr(matcher, name)]
    assert not missing, f"Whoosh's matcher lacks {missing}: re-check search/fastrank.py"


def test_whoosh_is_the_version_fastrank_was_checked_against() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [d for d in deps["project"]["dependencies"] if d.lower().startswith("whoosh-reloaded")]
    assert len(pins) == 1
    match = re.fullmatch(r"whoosh-reloaded==([\w.]+)", pins[0].replace(" ", ""), re.I)
    assert match, f"pin Whoosh-Reloaded exactly in pyproject.toml (now {pins[0]!r})"
    pinned, installed = match.group(1), version("Whoosh-Reloaded")
    assert installed == pinned, (
        f"Whoosh-Reloaded {installed} is installed, pyproject.toml pins {pinned}: "
        f"search/fastrank.py reads private members of Whoosh's matcher "
        f"({', '.join(PRIVATE_MEMBERS)}) and must be re-checked against {installed} "
        f"(run tests/search/test_fastrank.py) before the pin is moved.")


def test_phrase_scores_are_whooshs_phrase_scores(searcher: Searcher) -> None:
    everyone = set(range(searcher.doc_count_all()))
    for words in (["gemensam", "hembesök"], ["aktiv", "skolväg"], ["läxhjälp", "bibliotek"]):
        phrase = Phrase("title", words, slop=2, boost=3.0)
        expected = fastrank.bonus(searcher, phrase, everyone)
        found = fastrank.phrase_scores(searcher, "title", words, 2, 3.0, everyone)
        assert expected, words
        assert found.keys() == expected.keys()
        assert all(found[d] == pytest.approx(expected[d]) for d in expected)


def test_phrase_positions_are_read_for_the_candidates_only(searcher: Searcher) -> None:
    """In a field with positions, a phrase is scored as Whoosh scores it, reading the
    positions of the candidates alone (skipping through the postings to them)."""
    words = ["gemensam", "hembesök"]
    everyone = set(range(searcher.doc_count_all()))
    expected = fastrank.bonus(searcher, Phrase(SEARCH_FIELD, words, slop=2, boost=3.0),
                              everyone)
    assert len(expected) >= 2
    candidates = set(sorted(expected)[1:]) | set(sorted(everyone - expected.keys())[:2])
    read = fastrank._POSITIONS.get(searcher, "positions", dict)
    read.clear()  # (the index is shared: other tests' searches read positions too)
    found = fastrank.phrase_scores(searcher, SEARCH_FIELD, words, 2, 3.0, candidates)
    assert found.keys() == expected.keys() & candidates
    assert all(found[d] == pytest.approx(expected[d]) for d in found)
    assert read and {d for _, _, d in read} <= candidates


def test_ties_are_kept_whole_and_ordered_by_example_id(searcher: Searcher) -> None:
    """Examples found through one practice alone score the same: the best hold every one of
    them (not the first few by document number), and a page lists them by example id."""
    tagged = query_facets.facet_postings(searcher)["insats"]["närvaroarbete"]
    assert len(tagged) > 3
    _, best, _ = fastrank.rank(searcher, query.RANK_FIELD, [["zzzzordsomintefinns"]], None,
                               top=2, expansions=[(tagged, 5.0)])
    assert {d for _, d in best} == set(tagged)
    ordered = query._ordered(searcher, {d: sc for sc, d in best})
    ids = [searcher.stored_fields(d)["id"] for d, _ in ordered]
    assert ids == sorted(ids)


def test_id_ranks_order_documents_as_their_example_ids(searcher: Searcher) -> None:
    """Ties are ordered by each document's place among the example ids, read from the index's
    id terms once per searcher: the same order as the stored ids, for every document."""
    reader = searcher.reader()
    live = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
    assert len(live) > 100
    ranks = query.id_ranks(searcher)
    stored = {d: searcher.stored_fields(d)["id"] for d in live}
    assert sorted(live, key=lambda d: int(ranks[d])) == sorted(live, key=stored.__getitem__)
    assert len({int(ranks[d]) for d in live}) == len(set(stored.values()))


def test_common_words_alone_rank_below_every_word_that_counts(searcher: Searcher) -> None:
    """When too few examples have a word that counts, those with only a common word match
    too, and all of them below every example that has the counting word, whatever BM25 says."""
    words = query_parse.plain_terms("trygghetscirkeln barnen")
    rare = set(searcher.docs_for_query(Or([Term(query.RANK_FIELD, t) for t in words[0]])))
    assert 0 < len(rare) < 40
    # the counting word weighs little here, so that BM25 alone would mix the two
    found = fastrank.rank_words(searcher, query.RANK_FIELD, words, None, top=200,
                                enough=1000, counts=[True, False], weights=[0.05, 1.0])
    assert found.needed == 0 and len(found.matched) > len(rare)
    order = [d for _, d in found.best]
    last_rare = max(order.index(d) for d in rare if d in order)
    assert last_rare == len(rare & set(order)) - 1  # the rare word's examples come first
    scores = [sc for sc, _ in found.best]
    assert scores == sorted(scores, reverse=True) and min(scores) > 0


def _postings(searcher: Searcher, fieldname: str, term: str) -> list[tuple[int, float]]:
    m = searcher.reader().postings(fieldname, term)
    out = []
    while m.is_active():
        out.append((m.id(), m.weight()))
        m.next()
    return out


def test_a_field_and_its_copy_without_positions_share_one_read(searcher: Searcher) -> None:
    """Scores of "all" come from the postings of "rank", the same words without positions
    (the same documents and frequencies), read once for both fields."""
    norms = fastrank.field_norms(searcher, SEARCH_FIELD)
    assert np.array_equal(norms, fastrank.field_norms(searcher, RANK_FIELD))
    for term in ("skola", "hembesök", "förälder", "nässjö"):
        postings = _postings(searcher, SEARCH_FIELD, term)
        assert len(postings) > 3 and postings == _postings(searcher, RANK_FIELD, term)
        found = fastrank.term_scores(searcher, SEARCH_FIELD, term, norms)
        assert found is fastrank.term_scores(searcher, RANK_FIELD, term, norms)
        assert found[0].tolist() == [docnum for docnum, _ in postings]


def test_documents_with_every_word_are_whooshs_term_matches(searcher: Searcher) -> None:
    """Each word is any of its terms; a document must have one of every word's terms."""
    reader = searcher.reader()

    def having(term: str) -> set[int]:
        if (RANK_FIELD, term) not in reader:
            return set()
        return set(reader.postings(RANK_FIELD, term).all_ids())

    cases = [[["skola"], ["förälder"]], [["hembesök", "närvaro"]],
             [["familjecentral"], ["socialtjänst", "skola"], ["barn"]], [["finnsinte"]],
             [["skola"], ["finnsinte", "förälder"]]]
    for words in cases:
        expected = set.intersection(*(set().union(*map(having, terms)) for terms in words))
        found = fastrank.with_every_word(searcher, RANK_FIELD, words)
        assert found.tolist() == sorted(expected), words
        assert fastrank.count_every_word(searcher, RANK_FIELD, words) == len(expected)
    assert len(fastrank.with_every_word(searcher, RANK_FIELD, cases[0])) > 0
