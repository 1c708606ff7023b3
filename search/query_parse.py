"""A query's text as Whoosh queries: its words as parsed, the concepts and the title phrase
that rank among them (``build_queries``), and the filters (``filter_query``,
``public_filter``)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from whoosh.qparser import BoostPlugin, FieldsPlugin, OrGroup, QueryParser, RangePlugin
from whoosh.query import And, AndMaybe, NullQuery, Or, Phrase, Query, Term
from whoosh.searching import Searcher

from ingest.tagging import query_terms
from ingest.tagging.gazetteer import municipalities
from ingest.tagging.lemmas import is_known
from search.analysis import place_of, query_words, variants
from search.query_facets import FACET_CACHE
from search.query_limits import MAX_QUERY_CHARS, MAX_WORDS
from search.schema import FACETS, SEARCH_FIELD

# Words of a query looked up as a phrase in the titles: a longer question is never a title's
# phrase, and its phrase would cost a walk over every word's positions.
MAX_TITLE_PHRASE = 4


_PARSER: list[tuple[Any, QueryParser]] = []  # the last schema's parser
OR_SCALE = 0.9  # the scale of the Or the parser puts a query's words in (its group)


def _parser(schema: Any) -> QueryParser:
    """The query parser of ``schema``, made once (a parser keeps no state between parses;
    making one was a fifth of parsing a short query)."""
    if _PARSER and _PARSER[0][0] is schema:
        return _PARSER[0][1]
    parser = QueryParser(SEARCH_FIELD, schema, group=OrGroup.factory(OR_SCALE))
    parser.remove_plugin_class(FieldsPlugin)
    parser.remove_plugin_class(RangePlugin)
    parser.remove_plugin_class(BoostPlugin)
    parser.phraseclass = word_phrase
    _PARSER[:] = [(schema, parser)]
    return parser


def word_phrase(fieldname: str, words: list[str], slop: int = 1, boost: float = 1.0,
                char_ranges: list[tuple[int | None, int | None]] | None = None) -> Phrase:
    """A quoted phrase with one term per word written: the analyser gives a compound its
    parts at the compound's own position and characters ("trygghetscirkeln": trygghetscirkel,
    trygghet, cirkel), which Whoosh's parser took as words after it, so that a quoted compound
    found nothing. The first term of each word (its lemma) is kept."""
    if char_ranges and all(start is not None for start, _ in char_ranges):
        first: dict[tuple[int | None, int | None], str] = {}
        for word, span in zip(words, char_ranges, strict=True):
            first.setdefault(span, word)
        words, char_ranges = list(first.values()), list(first)
    return Phrase(fieldname, words, slop=slop, boost=boost, char_ranges=char_ranges)


_SPECIAL = re.compile(r"[\"'()\[\]{}^~:*?\\/+<>=!]")



# Text the parser reads as words and nothing else (no quotes, wildcards, groups, fields or
# operators): such a query is made here as the parser would make it.
_WORDS_ONLY = re.compile(r"[\w\s.,;!–—-]*")
_OPERATOR = re.compile(r"\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b")


def parse(schema: Any, text: str) -> Query:
    """Parse a query string; on any syntax trouble, fall back to plain words."""
    if _WORDS_ONLY.fullmatch(text) and not _OPERATOR.search(text):
        return _words_query(schema, text)
    parser = _parser(schema)
    try:
        q = parser.parse(text)
        # Whoosh turns a lone operator word into nothing or into an error query.
        if q is not None and "Error" not in type(q).__name__:
            return q
    except Exception:  # noqa: BLE001 - any odd input must give a plain-word query
        pass
    plain = _SPECIAL.sub(" ", text)
    plain = re.sub(r"\b(AND|OR|NOT|ANDNOT|ANDMAYBE)\b", " ", plain)
    try:
        return parser.parse(plain)
    except Exception:  # noqa: BLE001
        return NullQuery


def _words_query(schema: Any, text: str) -> Query:
    """What the parser makes of words only, made without it (the parser took a quarter of a
    millisecond for a question of ten words, this a tenth; the same queries, compared for
    11,594 texts): each whitespace-separated word's terms as the search field analyses it, an
    Or of them when several, all the words' in an Or scaled as the parser's group is."""
    field = schema[SEARCH_FIELD]
    words: list[Query] = []
    for word in text.split():
        terms = list(field.process_text(word, mode="query", tokenize=True, removestops=True))
        if len(terms) > 1:
            words.append(Or([Term(SEARCH_FIELD, term) for term in terms]))
        elif terms:
            words.append(Term(SEARCH_FIELD, terms[0]))
    return Or(words, scale=OR_SCALE).normalize() if words else NullQuery


def lemma_words(text: str) -> list[str]:
    """The lemma of each query word (one term per position, for phrases)."""
    out = []
    for word in query_words(text)[:MAX_WORDS]:
        terms = variants(word, False)
        if terms:
            out.append(terms[0])
    return out


# Tag kinds recognised in a query → facet field and boost.
QUERY_TAGS = {"intervention": ("insats", 3.0), "focus_area": ("fokus", 0.5),
               "municipality": ("kommun", 2.0)}


@lru_cache(maxsize=2048)
def tagged_terms(text: str) -> tuple[tuple[str, str], ...]:
    """ingest.tagging's ``query_terms`` (a pure function of the text) of the text with its
    municipalities named as documents write them (``municipalities_capitalised``), once per
    text: a search asks it for its concept terms and again for the concepts it names."""
    return tuple(query_terms(municipalities_capitalised(text)))


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def municipality_names() -> frozenset[str]:
    """The names of Sweden's municipalities, lowercase."""
    return frozenset(name.lower() for name, _ in municipalities())


def municipalities_capitalised(text: str) -> str:
    """The text with each municipality's name written in lowercase (or without its å/ä/ö)
    capitalised, and no Swedish word ("vara", "mark" stay words): the tagger reads a place by
    its capital letter, as documents write it, and people type queries in lowercase ("hembesök
    nässjö" ranked otherwise than "hembesök Nässjö"). A village's name stays as typed:
    capitalised, it ranks its whole municipality's examples higher ("Bankeryd": Jönköping),
    and typed in lowercase it asks for the village's own."""
    def named(m: re.Match[str]) -> str:
        word = m.group(0)
        if not word.islower() or is_known(word):
            return word
        # the name as written before another's without å/ä/ö ("habo" is Habo, not Håbo)
        place = word if word in municipality_names() else place_of(word)
        if place not in municipality_names():
            return word
        return place[:1].upper() + place[1:]
    return _WORD.sub(named, text)


def concept_terms(text: str) -> list[Query]:
    """Interventions, focus areas and municipalities the query text names ("hur ökar vi
    närvaron" → närvaroarbete) as boosted facet terms (the tagger's rules, without spaCy)."""
    out: list[Query] = []
    for kind, value in tagged_terms(text[:MAX_QUERY_CHARS]):
        boost = QUERY_TAGS[kind][1]
        words = lemma_words(value)
        if len(words) == 1:
            kind_of = PlaceTerm if kind == "municipality" else Term
            out.append(kind_of("tags", words[0], boost=boost))
        elif words:
            out.append(TagPhrase("tags", words, slop=2, boost=boost,
                                 facet=QUERY_TAGS[kind][0], value=value))
    return out


class PlaceTerm(Term):
    """A municipality the query names, as a boosted term of the tags field: its examples rank
    higher, but none that has no word of the query above one that has (search.query)."""


class TagPhrase(Phrase):
    """The words of a tag value the query names, as a phrase in the tags field; ranking
    scores it for the examples with that tag (``facet``, ``value``), not by positions."""

    def __init__(self, fieldname: str, words: list[str], slop: int, boost: float, facet: str,
                 value: str) -> None:
        super().__init__(fieldname, words, slop=slop, boost=boost)
        self.facet = facet
        self.value = value

    def __eq__(self, other: object) -> bool:  # as the phrase it stands for
        return (isinstance(other, Phrase) and self.fieldname == other.fieldname
                and self.words == other.words and self.slop == other.slop
                and self.boost == other.boost)

    __hash__ = Phrase.__hash__


# a colon inside a word is Swedish spelling ("sms:et", "BVC:n"), not query syntax
_WORD_COLON = re.compile(r"(?<=\w):(?=\w)")


def is_plain(text: str) -> bool:
    """Words only: no quotes, wildcards or operators."""
    text = _WORD_COLON.sub("", text)
    return not (any(c in text for c in '"*?()[]{}^~:\\') or re.search(r"\b(AND|OR|NOT)\b", text))


def build_queries(schema: Any, text: str) -> tuple[Query, Query, Query | None]:
    """(matching, ranking) queries. Any word may match (OR); among the matches, documents with
    the words next to each other and documents tagged with an intervention the query describes
    rank higher (the ranking query matches exactly the same documents)."""
    base = parse(schema, text)
    if base is NullQuery or isinstance(base, type(NullQuery)):
        return base, base, None
    if not is_plain(text):
        return base, base, None  # the user wrote query syntax: respect it
    words = lemma_words(text)
    extras: list[Query] = concept_terms(text)
    if 2 <= len(words) <= MAX_TITLE_PHRASE:
        extras.append(Phrase("title", words, slop=2, boost=3.0))
    if not extras:
        return base, base, None
    extra = Or(extras) if len(extras) > 1 else extras[0]
    return base, AndMaybe(base, extra), extra


def plain_terms(text: str) -> list[list[str]]:
    """The terms of each query word, as the parser makes them for a plain query."""
    return [list(variants(w, False)) for w in query_words(text)[:MAX_WORDS]]


def filter_query(filters: dict[str, list[str]] | None) -> Query | None:
    """AND across facets, OR within one facet."""
    parts: list[Query] = []
    for name, values in (filters or {}).items():
        if name not in FACETS:
            continue
        values = [v for v in values if v]
        if values:
            parts.append(Or([Term(name, v) for v in values]) if len(values) > 1
                         else Term(name, values[0]))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


PUBLISHED_ONLY = Term("published", "1")


def public_filter(searcher: Searcher, fq: Query | None) -> Query | None:
    """``fq`` limited to the examples of published documents: the one place public searches
    leave out what waits for review. No extra filter while every example is published."""
    if not FACET_CACHE.get(searcher, "unpublished",
                       lambda: searcher.reader().doc_frequency("published", "0")):
        return fq
    return PUBLISHED_ONLY if fq is None else And([fq, PUBLISHED_ONLY])

