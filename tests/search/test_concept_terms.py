"""The query's concept terms (interventions, focus areas, municipalities) come from the
taxonomy's rules without spaCy, and are exactly those the full tagger finds in the same text:
every relevance benchmark query, every example title and anchor of the corpus gold, and
sentences cut from the corpus example texts."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from whoosh.query import Phrase, Query, Term

from ingest.tagging import query_terms, tag_text
from search.query_limits import MAX_QUERY_CHARS
from search.query_parse import (
    QUERY_TAGS,
    PlaceTerm,
    concept_terms,
    lemma_words,
    municipalities_capitalised,
)
from tests.gold import gold_texts

ROOT = Path(__file__).resolve().parents[2]
SENTENCE_STEP = 5  # every 5th sentence of the corpus texts (about 380 of them)


def _tagger_concept_terms(text: str) -> list[Query]:
    """The concept terms as found by running the full tagger on the query, its
    municipalities' names capitalised as a document writes them."""
    out: list[Query] = []
    seen: set[tuple[str, str]] = set()
    for tag in tag_text(municipalities_capitalised(text[:MAX_QUERY_CHARS])):
        if tag.kind in QUERY_TAGS and (tag.kind, tag.value) not in seen:
            seen.add((tag.kind, tag.value))
            boost = QUERY_TAGS[tag.kind][1]
            words = lemma_words(tag.value)
            if len(words) == 1:  # a municipality's term is the one its bonus is told by
                kind_of = PlaceTerm if tag.kind == "municipality" else Term
                out.append(kind_of("tags", words[0], boost=boost))
            elif words:
                out.append(Phrase("tags", words, slop=2, boost=boost))
    return out


def _relevance_queries() -> list[str]:
    spec = importlib.util.spec_from_file_location("benchmarks_relevance",
                                                  ROOT / "benchmarks" / "relevance.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [text for text, _ in module.QUERIES]


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def _corpus_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted((ROOT / "corpus" / "sources").glob("*/*.yaml")):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 20]
    return sentences[::SENTENCE_STEP]


def test_the_texts_cover_the_corpus() -> None:
    assert len(_relevance_queries()) >= 20
    assert len(gold_texts()) >= 400
    assert len(_corpus_sentences()) >= 300


def test_concept_terms_equal_the_taggers_on_real_texts() -> None:
    texts = _relevance_queries() + gold_texts() + _corpus_sentences()
    differing = [(text, concept_terms(text), _tagger_concept_terms(text)) for text in texts
                 if concept_terms(text) != _tagger_concept_terms(text)]
    assert differing == []
    assert sum(bool(concept_terms(text)) for text in texts) > len(texts) // 4


@pytest.mark.parametrize(("text", "expected"), [
    ("hur ökar vi närvaron i skolan", ("intervention", "närvaroarbete")),
    ("närvaroarbete Gnosjö", ("municipality", "Gnosjö")),
    ("allaktivitetshus i Araby Växjö", ("intervention", "allaktivitetshus")),
    ("Trygghetscirkeln Eksjö", ("intervention", "Trygghetscirkeln")),
])
def test_query_terms_name_the_concepts(text: str, expected: tuple[str, str]) -> None:
    assert expected in query_terms(text)


def test_a_municipality_typed_in_lowercase_is_named() -> None:
    # the tagger reads a place by its capital letter; a query typed in lowercase names
    # the municipality all the same ("hembesök nässjö" ranked otherwise than "… Nässjö")
    assert municipalities_capitalised("hembesok nassjo och habo, vara med") == \
        "hembesok Nässjö och Habo, vara med"
    for typed in ("hembesök nässjö", "hembesök nassjo"):
        assert concept_terms(typed) == concept_terms("hembesök Nässjö")
    assert concept_terms("simskola habo") == concept_terms("simskola Habo")
    # a village's name stays as typed: no municipality for "bankeryd"
    assert concept_terms("bankeryd") == []


def test_lowercase_and_capitalised_municipalities_rank_alike(corpus_library) -> None:
    for text in ("hembesök nässjö", "aktiv skolväg aneby", "simskola gislaved"):
        typed = corpus_library.search(text)
        named = corpus_library.search(text.rsplit(" ", 1)[0] + " " + text.split()[-1].title())
        assert [h["id"] for h in typed.hits] == [h["id"] for h in named.hits], text


def test_query_terms_leave_the_source_of_inspiration_out() -> None:
    assert query_terms("Vaggeryds kommun har startat läxhjälp, inspirerade av Gnosjö") == [
        ("municipality", "Vaggeryd"), ("focus_area", "Fullföljda studier"),
        ("intervention", "läxhjälp")]


def test_a_search_query_needs_no_spacy() -> None:
    code = ("import sys; from search.query_parse import concept_terms; "
            "assert concept_terms('närvaro i Gnosjö'); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_schemas_parser_is_made_once_and_parses_as_a_new_one() -> None:
    from whoosh.qparser import OrGroup, QueryParser

    from search.query_parse import _parser, parse
    from search.schema import SEARCH_FIELD, build_schema

    schema, other = build_schema(), build_schema()
    assert _parser(schema) is _parser(schema)
    assert _parser(other) is not _parser(schema)
    fresh = QueryParser(SEARCH_FIELD, schema, group=OrGroup.factory(0.9))
    for text in ("hur får vi fler elever att klara skolan", "läxhjälp OR fritidsgård",
                 "\"trygg på rasten\"", "BVC-sköterskan i Gnosjö"):
        assert parse(schema, text) == parse(other, text)
        if "\"" not in text:
            assert parse(schema, text) == fresh.parse(text), text


def _shape(q: object) -> tuple:
    """A query as its classes, fields, texts, boosts and an Or's scale, nested."""
    if hasattr(q, "subqueries"):
        return (type(q).__name__, q.boost, getattr(q, "scale", None),
                tuple(_shape(s) for s in q.subqueries))
    return (type(q).__name__, getattr(q, "fieldname", None), getattr(q, "text", None),
            getattr(q, "boost", None))


@pytest.mark.parametrize("text", [
    "hur får vi fler elever att klara skolan, vi är i Gnosjö",
    "PSF-elever och BVC-sköterskan", "e-post till föräldrar", "föräldrar 7–9 år 2024",
    "hembesök!", "skola; närvaro. hälsa", "och", "", "   ", "- —", "-skola skola-",
    "ÅÄÖ åäö Hur FÅR vi", "skolnärvaro skolnärvaro", "x " * 40,
])
def test_a_query_of_words_only_is_made_as_the_parser_makes_it(text: str) -> None:
    # such a query is made without the parser (search.query_parse._words_query)
    from whoosh.qparser import OrGroup, QueryParser

    from search.query_parse import _WORDS_ONLY, parse
    from search.schema import SEARCH_FIELD, build_schema

    schema = build_schema()
    assert _WORDS_ONLY.fullmatch(text)
    fresh = QueryParser(SEARCH_FIELD, schema, group=OrGroup.factory(0.9)).parse(text)
    made = parse(schema, text)
    assert made == fresh and _shape(made) == _shape(fresh)
