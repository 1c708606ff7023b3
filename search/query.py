"""Running a search: parsing, filters, facet counts, snippets, spelling suggestions."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np
from whoosh.qparser import (
    BoostPlugin,
    FieldsPlugin,
    OrGroup,
    QueryParser,
    RangePlugin,
)
from whoosh.query import (
    And,
    AndMaybe,
    Every,
    MultiTerm,
    NullQuery,
    Or,
    Phrase,
    Query,
    Term,
)
from whoosh.searching import Searcher

from ingest.tagging import query_terms
from ingest.tagging.lemmas import is_known
from ingest.tagging.thesaurus import Concept, Thesaurus, seed
from search import fastrank, query_ages
from search.analysis import (
    compound_parts,
    is_place,
    known_compound_parts,
    lemma,
    pair_spans,
    part_lemmas,
    place_of,
    query_words,
    variants,
)
from search.query_actors import (
    ACTOR,
    ACTOR_CREDIT,
    ACTOR_WEIGHT,
    ACTOR_WORD_WEIGHT,
    NamedActor,
    actor_terms,
    named_actors,
    run_together,
)
from search.query_ages import AGE, AGE_WEIGHT
from search.query_asker import ASKER_PLACE_WEIGHT, askers_places
from search.query_compounds import joined_at, written_apart, written_together
from search.query_feedback import (
    DESCRIBED,
    FEEDBACK_TOP,
    FEEDBACK_WORDS,
    INTERVENTION,
    below_best,
    below_pinned,
    described_practices,
    filling_practices,
)
from search.query_labels import LABEL_WEIGHT, label_terms, ring_labels, ring_terms
from search.query_near import NEAR_CANDIDATES, near_scores
from search.query_own import OwnNames
from search.records import DocumentRef, DroppedFilter, Hit, SearchResult
from search.schema import FACETS, RANK_FIELD, SEARCH_FIELD, facet_values
from search.snippets import make_snippet, plain_snippet
from search.spelling import fuzzy_words, suggest, with_marks

# Limits on a query: what it may cost is bounded by these, whatever a client sends.
MAX_QUERY_CHARS = 200  # after whitespace is collapsed
MAX_INPUT_CHARS = 100 * MAX_QUERY_CHARS  # read of a longer query before it is cut
MAX_WORDS = 32  # words and operators, phrase words included
MAX_PHRASE_WORDS = 10  # words inside one pair of quotes
MAX_WILDCARD_TERMS = 2  # terms with * or ?
MIN_WILDCARD_PREFIX = 3  # letters before the first * or ?: "skol*", never "*a" or "sk*"
MAX_EXPANSIONS = 1000  # index words one wildcard term may stand for
MAX_PER_PAGE = 100  # hits on one page
# Words of a query looked up as a phrase in the titles: a longer question is never a title's
# phrase, and its phrase would cost a walk over every word's positions.
MAX_TITLE_PHRASE = 4


def _parser(schema: Any) -> QueryParser:
    parser = QueryParser(SEARCH_FIELD, schema, group=OrGroup.factory(0.9))
    parser.remove_plugin_class(FieldsPlugin)
    parser.remove_plugin_class(RangePlugin)
    parser.remove_plugin_class(BoostPlugin)
    return parser


_SPECIAL = re.compile(r"[\"'()\[\]{}^~:*?\\/+<>=!]")


# --- limits ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LimitedQuery:
    """A query within the limits, and the limits the original broke (Swedish)."""

    text: str
    broken: tuple[tuple[str, str], ...] = ()  # (the rule, what was done about it)

    @property
    def rule(self) -> str | None:
        """The rules the query broke: the API's 400 message."""
        return " ".join(rule for rule, _ in self.broken) or None

    @property
    def message(self) -> str | None:
        """The rules and what was done: the notice shown with the results."""
        return " ".join(f"{rule} {done}" for rule, done in self.broken) or None


TOO_LONG = (f"Sökfrågan får vara högst {MAX_QUERY_CHARS} tecken.", "Den har kortats.")
TOO_MANY_WORDS = (f"Sökfrågan får ha högst {MAX_WORDS} ord.",
                  f"Bara de första {MAX_WORDS} orden söks.")
LONG_PHRASE = (f"En fras inom citattecken får ha högst {MAX_PHRASE_WORDS} ord.",
               f"Bara frasens första {MAX_PHRASE_WORDS} ord söks.")
SHORT_WILDCARD = (f"Jokertecken (* och ?) fungerar bara efter minst {MIN_WILDCARD_PREFIX} "
                  "bokstäver, till exempel skol*.", "Jokertecknen har tagits bort.")
MANY_WILDCARDS = (f"Högst {MAX_WILDCARD_TERMS} ord med jokertecken per sökning.",
                  "De övriga söks som vanliga ord.")

# a phrase (its closing quote may be missing) or a run of anything else
_TOKEN = re.compile(r'"[^"]*(?:"|$)|[^\s"]+')
_WILDCARD = re.compile(r"[*?]")
# a question mark ending a word is punctuation ("hur ökar vi närvaron?"), not a wildcard
_QUESTION_MARK = re.compile(r"(?<=\w)\?+(?=[\s)]|$)")


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut before a word when there is a space to cut at."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if text[limit] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip()


def _phrase_words(token: str) -> list[str] | None:
    """The words of a quoted phrase token, None for any other token."""
    return token.strip('"').split() if token.startswith('"') else None


def _limit_phrases(tokens: list[str]) -> bool:
    changed = False
    for i, token in enumerate(tokens):
        words = _phrase_words(token)
        if words is not None and len(words) > MAX_PHRASE_WORDS:
            tokens[i] = '"' + " ".join(words[:MAX_PHRASE_WORDS]) + '"'
            changed = True
    return changed


def _limit_words(tokens: list[str]) -> bool:
    budget, kept = MAX_WORDS, []
    for token in tokens:
        words = _phrase_words(token)
        size = len(words) if words is not None else 1
        if size <= budget:
            kept.append(token)
            budget -= size
        elif words is not None and budget > 0:
            kept.append('"' + " ".join(words[:budget]) + '"')
            budget = 0
    changed = kept != tokens
    tokens[:] = kept
    return changed


def _wildcard_prefix_ok(token: str) -> bool:
    core = token.lstrip("(+-'")
    literal = re.match(r"\w*", core)
    return literal is not None and len(literal.group()) >= MIN_WILDCARD_PREFIX


def _limit_wildcards(tokens: list[str]) -> list[tuple[str, str]]:
    broken: list[tuple[str, str]] = []
    allowed = MAX_WILDCARD_TERMS
    for i, token in enumerate(tokens):
        if token.startswith('"') or not _WILDCARD.search(_QUESTION_MARK.sub("", token)):
            continue
        if not _wildcard_prefix_ok(token):
            problem = SHORT_WILDCARD
        elif allowed > 0:
            allowed -= 1
            continue
        else:
            problem = MANY_WILDCARDS
        tokens[i] = _WILDCARD.sub("", token)
        if problem not in broken:
            broken.append(problem)
    return broken


def limit_query(original: str) -> LimitedQuery:
    """The query within MAX_QUERY_CHARS, MAX_WORDS, MAX_PHRASE_WORDS and the wildcard rules
    (whitespace collapsed), and the rules it broke. A query within the limits comes back as
    it was; one over them is cut (at a word), its phrases shortened and its bad wildcards
    taken out, so a query never costs more than the limits allow."""
    text = " ".join(original[:MAX_INPUT_CHARS].split())
    tokens = _TOKEN.findall(text)
    broken = [LONG_PHRASE] if _limit_phrases(tokens) else []
    if _limit_words(tokens):
        broken.append(TOO_MANY_WORDS)
    broken += _limit_wildcards(tokens)
    if broken:
        text = " ".join(t for t in tokens if t)
    if len(text) > MAX_QUERY_CHARS or len(original) > MAX_INPUT_CHARS:
        text = _cut(text, MAX_QUERY_CHARS)
        # one note for a long text: cut to its first words
        broken = [TOO_LONG, *(b for b in broken if b != TOO_MANY_WORDS)]
    return LimitedQuery(text, tuple(broken))


def parse(schema: Any, text: str) -> Query:
    """Parse a query string; on any syntax trouble, fall back to plain words."""
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


def _lemma_words(text: str) -> list[str]:
    """The lemma of each query word (one term per position, for phrases)."""
    out = []
    for word in query_words(text)[:MAX_WORDS]:
        terms = variants(word, False)
        if terms:
            out.append(terms[0])
    return out


# Tag kinds recognised in a query → facet field and boost.
_QUERY_TAGS = {"intervention": ("insats", 3.0), "focus_area": ("fokus", 0.5),
               "municipality": ("kommun", 2.0)}


@lru_cache(maxsize=256)
def _query_terms(text: str) -> tuple[tuple[str, str], ...]:
    """ingest.tagging's ``query_terms`` (a pure function of the text), once per text: a search
    asks it for its concept terms and again for the concepts it names."""
    return tuple(query_terms(text))


def concept_terms(text: str) -> list[Query]:
    """Interventions, focus areas and municipalities the query text names ("hur ökar vi
    närvaron" → närvaroarbete) as boosted facet terms (the tagger's rules, without spaCy)."""
    out: list[Query] = []
    for kind, value in _query_terms(text[:MAX_QUERY_CHARS]):
        boost = _QUERY_TAGS[kind][1]
        words = _lemma_words(value)
        if len(words) == 1:
            out.append(Term("tags", words[0], boost=boost))
        elif words:
            out.append(TagPhrase("tags", words, slop=2, boost=boost,
                                 facet=_QUERY_TAGS[kind][0], value=value))
    return out


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


def is_plain(text: str) -> bool:
    """Words only: no quotes, wildcards or operators."""
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
    words = _lemma_words(text)
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
    if not _FACETS.get(searcher, "unpublished",
                       lambda: searcher.reader().doc_frequency("published", "0")):
        return fq
    return PUBLISHED_ONLY if fq is None else And([fq, PUBLISHED_ONLY])


# --- facets ----------------------------------------------------------------------------------


# facet postings and their arrays, per searcher
_FACETS = fastrank.SearcherCache()


def _facet_postings(searcher: Searcher) -> dict[str, dict[str, frozenset[int]]]:
    return _FACETS.get(searcher, "postings", lambda: _read_facet_postings(searcher))


def _read_facet_postings(searcher: Searcher) -> dict[str, dict[str, frozenset[int]]]:
    reader = searcher.reader()
    out: dict[str, dict[str, frozenset[int]]] = {}
    for name in FACETS:
        values: dict[str, frozenset[int]] = {}
        for btext in reader.lexicon(name):
            value = btext.decode("utf-8")
            ids = frozenset(
                d for d in reader.postings(name, btext).all_ids() if not reader.is_deleted(d)
            ) if reader.has_deletions() else frozenset(reader.postings(name, btext).all_ids())
            if ids:
                values[value] = ids
        out[name] = values
    return out


def _named_once(searcher: Searcher) -> dict[str, np.ndarray]:
    """Per intervention, the examples that name it in one place only (sorted arrays)."""
    def build() -> dict[str, np.ndarray]:
        reader = searcher.reader()
        if "insats_once" not in reader.indexed_field_names():
            return {}
        return {b.decode("utf-8"): np.fromiter(sorted(reader.postings("insats_once", b)
                                                      .all_ids()), dtype=np.int64)
                for b in reader.lexicon("insats_once")}
    return _FACETS.get(searcher, "once", build)


def _facet_arrays(searcher: Searcher, postings: dict[str, dict[str, frozenset[int]]]
                  ) -> dict[str, dict[str, np.ndarray]]:
    return _FACETS.get(searcher, "arrays", lambda: {
        name: {value: np.fromiter(sorted(ids), dtype=np.int64, count=len(ids))
               for value, ids in values.items()}
        for name, values in postings.items()})


def facet_counts(searcher: Searcher, docs: set[int] | None) -> dict[str, dict[str, int]]:
    """Counts per facet value over the matched documents (None: every document)."""
    postings = _facet_postings(searcher)
    arrays = _facet_arrays(searcher, postings)
    mask = None
    if docs is not None:
        mask = np.zeros(searcher.reader().doc_count_all(), dtype=bool)
        if docs:
            mask[np.fromiter(docs, dtype=np.int64, count=len(docs))] = True
    result: dict[str, dict[str, int]] = {}
    for name in FACETS:
        counts: dict[str, int] = {}
        for value, ids in postings[name].items():
            n = len(ids) if mask is None else int(np.count_nonzero(mask[arrays[name][value]]))
            if n:
                counts[value] = n
        if name == "ar":
            result[name] = dict(sorted(counts.items(), reverse=True))
        else:
            result[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return result


# --- hits ------------------------------------------------------------------------------------


def make_hit(stored: dict[str, Any], score: float | None, snippet: str,
             via: list[str] | None = None) -> Hit:
    """A hit from an example's stored index fields (``search.schema.index_fields``), which
    were written from validated records: constructed without validating them again (on every
    search, for every hit)."""
    doc = stored.get("doc") or {}
    return Hit.model_construct(
        id=stored["id"],
        title=stored.get("title", ""),
        team=stored.get("team") or None,
        document=DocumentRef.model_construct(id=doc.get("id") or "",
                                             title=doc.get("title") or "",
                                             filename=doc.get("filename") or ""),
        municipalities=list(doc.get("municipalities", [])),
        focus_areas=list(doc.get("focus_areas", [])),
        interventions=list(doc.get("interventions", [])),
        score=round(float(score), 4) if score is not None and math.isfinite(score) else 0.0,
        snippet=snippet,
        date=doc.get("date"),
        kind=doc.get("kind"),
        via=via or [],
    )


def _highlight_terms(searcher: Searcher, q: Query) -> frozenset[str]:
    if isinstance(q, Every):
        return frozenset()
    try:
        pairs = q.existing_terms(searcher.reader(), expand=True)
    except Exception:  # noqa: BLE001
        pairs = q.all_terms()
    out = set()
    for fieldname, text in pairs:
        if fieldname in (SEARCH_FIELD, "title", "tags", "text"):
            out.add(text.decode("utf-8") if isinstance(text, bytes) else text)
    return frozenset(out)


# --- the search itself -----------------------------------------------------------------------


CANDIDATES = 30
# A query that names a concept (by any of its terms: "skolk" → närvaroarbete) also finds the
# examples tagged with it, as one more word weighted this much below a literal word.
EXPANSION_WEIGHTS = {"intervention": ("insats", 2.0), "focus_area": ("fokus", 0.15)}
# A query that names a focus area and no practice ("motion för barn", "klara skolan") asks for
# the area: its examples then get this weight, above the query's common words.
AREA_ONLY_WEIGHT = 2.0
Concepts = tuple[tuple[str, str, float], ...]  # (tag kind, value, weight) named by a query
# A long query (LONG_QUERY content words or more) finds the examples that have at least this
# share of its content words, a word counting also when the example is tagged with a concept
# the word names; when fewer than ENOUGH_HITS examples have that many, one word less is
# needed, down to one (and the message says so).
MIN_SHOULD_MATCH = 0.6
LONG_QUERY = 3
ENOUGH_HITS = 10  # a page
# A word naming a concept counts fully for the concept's examples when it names it this
# closely (itself, or a topic's closest practice), in proportion below.
FULL_CREDIT = 0.8
COMMON_SHARE = 0.5  # a word in more than this share of the examples is a common word
PART_WEIGHT = 0.3  # the parts of a compound no example writes, when it names a concept


def required_words(n: int) -> int:
    """How many of a query's ``n`` content words an example needs."""
    return 1 if n < LONG_QUERY else max(1, math.ceil(MIN_SHOULD_MATCH * n))


def named_concepts(text: str, thesaurus: Thesaurus) -> Concepts:
    """The interventions and focus areas a plain query names: by the tagger's rules (weight
    1), or by the thesaurus's other terms ("mobbning" → kamratstöd, rastaktiviteter …), in
    the query as written or in its content words alone ("hur stödjer vi föräldrar" names
    what "stödja föräldrar" names). The tagger's rules do not look inside the thesaurus's
    long labels ("inte vill gå till skolan" is absence, not a way to school)."""
    text = text[:MAX_QUERY_CHARS]
    weights = {(kind, value): 1.0
               for kind, value in _query_terms(thesaurus.without_long_labels(text))
               if kind in EXPANSION_WEIGHTS}
    content = " ".join(query_words(text))
    for kind, value, weight in _named_in(text, thesaurus):
        if kind in EXPANSION_WEIGHTS:
            weights[kind, value] = max(weight, weights.get((kind, value), 0.0))
    for value in defined(text, thesaurus):
        weights["intervention", value] = 1.0
    for label in written_apart(text, thesaurus):
        for kind, value, weight in thesaurus.named(label):
            if kind in EXPANSION_WEIGHTS:
                weights[kind, value] = max(weight, weights.get((kind, value), 0.0))
    for kind, value, weight in _named_as_actors(text, thesaurus):
        if kind in EXPANSION_WEIGHTS and (kind, value) not in weights:
            weights[kind, value] = ACTOR_NAMING_WEIGHT * weight
    if not any(kind == "intervention" for kind, _ in weights):
        for kind, value, weight in _named_by_parts(content, thesaurus):
            weights[kind, value] = max(PARTS_WEIGHT * weight, weights.get((kind, value), 0.0))
    for value in _for_an_age(text, thesaurus):
        if weights.get(("intervention", value), 1.0) < 1.0:
            weights["intervention", value] *= AGE_BESIDE
    return tuple((kind, value, weight) for (kind, value), weight in weights.items())


# An age the query names beside something else ("simskola för små barn") is whom that is for:
# the practices the age's topic stands for alone are named this much less closely.
AGE_BESIDE = 0.5


def _for_an_age(text: str, thesaurus: Thesaurus) -> set[str]:
    """The interventions only an age topic the query labels stands for, when it labels another
    topic or practice too (as ``query_labels`` leaves such an age's labels out)."""
    ages = query_ages.age_topics(thesaurus)
    labelled = _labelled_in(text, thesaurus)
    # an age of children ("små barn", "treåringar"); a stage of parenthood ("nyblivna
    # föräldrar") is itself whom the practices for parents are for
    age = [c for c in labelled if c.key in ages
           and "förälder" not in {lemma(w) for w in query_words(c.pref)}]
    other = [c for c in labelled if c.key not in ages and c.kind != "focus_area"]
    if not age or not other:
        return set()
    by_other = {v for k, v, _ in thesaurus.stands_for(other) if k == "intervention"}
    return {v for k, v, _ in thesaurus.stands_for(age) if k == "intervention"} - by_other


# A word naming an actor by another of its terms ("fältarbetare" for socialtjänst) names, in
# a label of the thesaurus, what the actor's own name names there, less closely.
ACTOR_NAMING_WEIGHT = 0.9


def _named_as_actors(text: str, thesaurus: Thesaurus) -> list[tuple[str, str, float]]:
    """What the query names with each word naming an actor written as the actor's one-word
    name."""
    words = query_words(text)[:MAX_WORDS]
    renamed = text
    for actor in named_actors(words):
        if " " not in actor.value and len(actor.words) == 1:
            (i,) = actor.words
            if lemma(words[i]) != lemma(actor.value):
                renamed = re.sub(rf"(?<!\w){re.escape(words[i])}(?!\w)", actor.value, renamed,
                                 count=1, flags=re.IGNORECASE)
    return [] if renamed == text else _named_in(renamed, thesaurus)


def _named_in(text: str, thesaurus: Thesaurus) -> list[tuple[str, str, float]]:
    """What the thesaurus says a query names (``_labelled_in``)."""
    return thesaurus.stands_for(_labelled_in(text, thesaurus))


_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


@lru_cache(maxsize=1024)
def _labelled_in(text: str, thesaurus: Thesaurus) -> tuple[Concept, ...]:
    """The concepts a query labels, as written (a label may have a word inside it), in its
    content words alone, and with what a relative clause says of a word put before it
    ("föräldrar som är trötta": "trötta föräldrar"). Once per text: the concepts it names and
    the ages beside them both ask."""
    out = [*thesaurus.labelled(text, True),
           *thesaurus.labelled(" ".join(query_words(text)))]
    apart = _HYPHEN.sub(" ", text)
    if apart != text:  # "PSF-elever", "BVC-sköterskan": the abbreviation is a label
        out += thesaurus.labelled(apart, True)
    before = attributive(text)
    if before != text:
        out += thesaurus.labelled(before, True)
    return tuple(out)


# "X som är Y" (and "blir", "känner sig", "verkar" …) says of X what "Y X" says: a label
# written as an adjective before its noun ("trötta föräldrar") is the same label.
_RELATIVE = re.compile(r"(?<!\w)(\w+)\s+som\s+(?:är|var|blir|blev|har\s+blivit|känner\s+sig|"
                       r"kände\s+sig|verkar)\s+(\w+)(?!\w)", re.IGNORECASE)


def attributive(text: str) -> str:
    """``text`` with each "X som är Y" written "Y X"."""
    return _RELATIVE.sub(lambda m: f"{m.group(2)} {m.group(1)}", text)


# A compound in a query that names no practice names what its parts name ("invandrarföräldrar":
# "invandrare förälder"), less closely than the words written apart. A named focus area does not
# stop that ("motion invandrarföräldrar").
PARTS_WEIGHT = 0.8


def _named_by_parts(content: str, thesaurus: Thesaurus) -> list[tuple[str, str, float]]:
    """What the query's words name with each compound written as its parts."""
    words = content.split()
    parted = " ".join(" ".join(compound_parts(w)) or w for w in words)
    if parted == " ".join(words):
        return []
    return [c for c in thesaurus.named(parted) if c[0] in EXPANSION_WEIGHTS]


# A question that says most of what a practice's definition says names the practice ("vad
# händer när familjecentralens uppdrag tar slut vid skolstart": elevhälsocentral, "samlad
# elevhälsa som tar vid när familjecentralens uppdrag slutar vid skolstart"): at least this
# many of its content words, and this share of them, are words of the definition.
DEFINED_WORDS = 4
DEFINED_SHARE = 2 / 3


@lru_cache(maxsize=16)
def _definitions(thesaurus: Thesaurus) -> tuple[tuple[str, frozenset[str]], ...]:
    """(intervention, the lemmas of its definition's content words)."""
    return tuple((c.pref, frozenset(lemma(w) for w in query_words(c.definition)))
                 for c in thesaurus.concepts if c.kind == "intervention" and c.definition)


def defined(text: str, thesaurus: Thesaurus) -> dict[str, frozenset[int]]:
    """The interventions whose definitions the query says (DEFINED_WORDS, DEFINED_SHARE),
    each with the positions (in ``query_words``) of the words it shares with them."""
    return dict(_defined(text[:MAX_QUERY_CHARS], thesaurus))


@lru_cache(maxsize=256)
def _defined(text: str, thesaurus: Thesaurus) -> tuple[tuple[str, frozenset[int]], ...]:
    """``defined``, once per query (the concepts a query names and the words naming each
    both ask for it)."""
    words = [lemma(w) for w in query_words(text)[:MAX_WORDS]]
    if len(words) < DEFINED_WORDS:
        return ()
    out = []
    for value, lemmas in _definitions(thesaurus):
        shared = frozenset(i for i, w in enumerate(words) if w in lemmas)
        if len(shared) >= max(DEFINED_WORDS, DEFINED_SHARE * len(words)):
            out.append((value, shared))
    return tuple(out)


@lru_cache(maxsize=4096)
def _word_interventions(word: str, thesaurus: Thesaurus) -> dict[str, float]:
    """The interventions a word (or a few words) names, and how closely."""
    return {v: w for k, v, w in named_concepts(word, thesaurus) if k == "intervention"}


@lru_cache(maxsize=4096)
def _pair_concepts(span: str, first: str, second: str, thesaurus: Thesaurus
                   ) -> dict[str, float]:
    """The interventions named by the concepts two words label together and neither alone
    ("barn utan förening": meningsfull fritid, whose closest practice is prova-på)."""
    alone = {*thesaurus.labelled(first, True), *thesaurus.labelled(second, True)}
    own = [c for c in thesaurus.labelled(span, True) if c not in alone]
    return {v: w for k, v, w in thesaurus.stands_for(own) if k == "intervention"}


def _pairs(text: str, words: list[str], thesaurus: Thesaurus
           ) -> list[tuple[dict[str, float], dict[str, float], dict[str, float],
                           dict[str, float]]]:
    """For each two query words after one another: the interventions their span names, those
    the first and the second name alone, and those only the two together label."""
    return [(_word_interventions(span, thesaurus), _word_interventions(words[i], thesaurus),
             _word_interventions(words[i + 1], thesaurus),
             _pair_concepts(span, words[i], words[i + 1], thesaurus))
            for i, span in enumerate(pair_spans(text, words))]


def named_by(text: str, concepts: Concepts, thesaurus: Thesaurus) -> dict[str, frozenset[int]]:
    """For each intervention the query names, the positions (in ``query_words``) of the
    words that name it: a word naming it alone, two words naming it together or more closely
    than either alone ("prova idrott", "mötesplats för småbarnsföräldrar"), else (a label with
    small words, "oro för barn") each word without which the query no longer names it."""
    words = query_words(text)[:MAX_WORDS]
    out: dict[str, set[int]] = {v: set() for k, v, _ in concepts if k == "intervention"}
    for i, word in enumerate(words):
        for value in _word_interventions(word, thesaurus).keys() & out.keys():
            out[value].add(i)
    for value, found in defined(text, thesaurus).items():
        out[value] |= found
    for i, (pair, first, second, together) in enumerate(_pairs(text, words, thesaurus)):
        for value in pair.keys() & out.keys():
            alone = max(first.get(value, 0.0), second.get(value, 0.0))
            if pair[value] > alone or together.get(value, 0.0) >= max(alone, FULL_CREDIT):
                out[value] |= {i, i + 1}
    missing = [value for value, found in out.items() if not found]
    for i, word in enumerate(words if missing else []):
        rest = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, count=1,
                      flags=re.IGNORECASE)
        still = {value for _, value, _ in named_concepts(rest, thesaurus)}
        for value in missing:
            if value not in still:
                out[value].add(i)
    return {value: frozenset(found) for value, found in out.items()}


@dataclass(frozen=True)
class WordPlan:
    """How a query of plain words is matched: each word's terms, the concepts the query
    names and which of its words name each, and how many words an example needs."""

    words: list[list[str]]
    concepts: Concepts = ()
    named: tuple[tuple[str, frozenset[int]], ...] = ()
    required: int = 1
    counts: tuple[bool, ...] = ()  # per word: does it count as a word an example has
    weights: tuple[float, ...] = ()  # per word: its share of its BM25 score
    # per intervention: how closely each of its naming words names it (by position; a word
    # not listed names it as closely as the query does)
    closeness: tuple[tuple[str, tuple[tuple[int, float], ...]], ...] = ()
    # the age groups the query names ("små barn": 0–6) and the positions of their words
    ages: tuple[tuple[str, frozenset[int]], ...] = ()
    actors: tuple[NamedActor, ...] = ()  # the actors it names ("EHT", "socialtjänsten")
    own: int | None = None  # its own words come first; after them, words its concepts add
    written: tuple[str, ...] = ()  # its words as written (``query_words``)
    # the synonym rings among the practices it names (a topic's related ring), each with the
    # index terms of its one-word labels: the examples that write one are that practice
    rings: tuple[tuple[str, tuple[str, ...]], ...] = ()


def counted_words(plan: WordPlan) -> list[int]:
    """The positions of the plan's words that count as words an example has."""
    return [i for i in range(len(plan.words)) if i >= len(plan.counts) or plan.counts[i]]


def word_plan(searcher: Searcher, text: str, q: Query, thesaurus: Thesaurus) -> WordPlan | None:
    """The plan for a query of words (None for any other query). Query syntax (wildcards)
    matches any of its words and names no concepts."""
    words = _words(searcher, text, q)
    if words is None:
        return None
    if not is_plain(text):
        return WordPlan(words)
    concepts = named_concepts(text, thesaurus)
    named = named_by(text, concepts, thesaurus)
    reader = searcher.reader()
    naming = {i for found in named.values() for i in found}
    # a word most examples have ("barn", "skolan") tells little: it scores, but counts
    # neither towards the words required nor towards how many an example has
    common = COMMON_SHARE * searcher.doc_count_all()
    counts = [i in naming or reader.doc_frequency(RANK_FIELD, terms[0]) <= common
              for i, terms in enumerate(words)]
    if not any(counts):
        counts = [True] * len(words)
    # a word no example writes that names a concept ("föräldrataxi") is the concept; its
    # compound parts ("förälder", "taxi") still score, as a word of their own that does not count
    weights = [1.0] * len(words)
    own_count = len(words)
    for i, terms in enumerate(list(words)):
        if i in naming and len(terms) > 1 and not reader.doc_frequency(RANK_FIELD, terms[0]):
            words[i] = terms[:1]
            words.append(terms[1:])
            counts.append(False)
            weights.append(PART_WEIGHT)
    written = query_words(text)[:MAX_WORDS]
    _weaken_askers_places(text, written, naming, counts, weights)
    words[:len(written)] = _with_parts(reader, written, words[:len(written)], naming,
                                       thesaurus)
    words[:own_count] = _with_rings(reader, words[:own_count], written, thesaurus)
    words[:own_count] = _with_joined_rings(reader, text, words[:own_count], thesaurus)
    own = len(words)
    labels = _label_words(reader, text, words, thesaurus)
    labels += [t for t in _actor_words(reader, text, words, common) if t not in labels]
    if labels:  # the other words of the concepts the query labels, weakly
        words.append(labels)
        counts.append(False)
        weights.append(LABEL_WEIGHT)
    # a word no example has and that names no concept cannot be required
    actors = named_actors(written)
    _weaken_actors(actors, naming, counts, weights)
    naming |= {i for actor in actors for i in actor.words}
    present = sum(1 for i, terms in enumerate(words) if counts[i] and (
        i in naming or any(reader.doc_frequency(RANK_FIELD, t) for t in terms)))
    return WordPlan(words, concepts, tuple(named.items()), required_words(present),
                    tuple(counts), tuple(weights), _closeness(text, named, thesaurus),
                    named_ages(text, thesaurus), actors, own, tuple(written),
                    _named_rings(reader, concepts, thesaurus))


def _weaken_askers_places(text: str, written: list[str], naming: set[int], counts: list[bool],
                          weights: list[float]) -> None:
    """The asker's own places (query_asker) score weakly and count for nothing, unless they
    are all the query says (in place)."""
    places = askers_places(text)
    at = [i for i, word in enumerate(written[:len(counts)])
          if word in places and i not in naming]
    if at and any(counts[i] for i in range(len(counts)) if i not in at):
        for i in at:
            counts[i] = False
            weights[i] = ASKER_PLACE_WEIGHT


def known_word(reader: Any, thesaurus: Thesaurus) -> Callable[[str], bool]:
    """Whether a word is one that some example writes (as its lemma) or a one-word label of
    the thesaurus."""
    labels = thesaurus.one_word_labels
    return lambda word: bool(reader.doc_frequency(RANK_FIELD, lemma(word))) or word in labels


def _weaken_actors(actors: tuple[NamedActor, ...], naming: set[int], counts: list[bool],
                   weights: list[float]) -> None:
    """The words that only name an actor ("lågstadiet", "mentorn") score ACTOR_WORD_WEIGHT of a
    word (in place) when another word of the query counts: beside what is done, they say who
    does it or for whom ("trafikträning lågstadiet": traffic training, not any example of a
    junior school). They still count as words an example has."""
    by_actor = {i for actor in actors for i in actor.words} - naming
    if by_actor and any(counts[i] for i in range(len(counts)) if i not in by_actor):
        for i in by_actor:
            if i < len(weights):
                weights[i] *= ACTOR_WORD_WEIGHT


def _with_parts(reader: Any, written: list[str], words: list[list[str]], naming: set[int],
                thesaurus: Thesaurus) -> list[list[str]]:
    """Each word's terms, with the parts of a compound the lemma table knows whole after them
    when no example writes it, it is no label of the thesaurus, and examples write every part
    ("fredagsmorgnarna": fredag, morgon): the analyser keeps such a word whole, so a query
    for it found only itself. A compound labelling a concept ("orosanmälan") or a ring
    ("frågelåda") is what the thesaurus says it is."""
    out = []
    for i, (word, terms) in enumerate(zip(written, words, strict=False)):
        if i not in naming and len(terms) == 1 and not reader.doc_frequency(RANK_FIELD, terms[0]) \
                and not thesaurus.labelled(word):
            parts = [_written(reader, part) for part in known_compound_parts(word)]
            if parts and all(parts):
                terms = [*terms, *dict.fromkeys(t for part in parts for t in part)]
        out.append(terms)
    return out


def _named_rings(reader: Any, concepts: Concepts, thesaurus: Thesaurus
                 ) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The synonym rings among the practices the query names, with their labels' index terms
    that examples have."""
    out = []
    for kind, value, _ in concepts:
        terms = _written(reader, ring_labels(value, thesaurus) if kind == INTERVENTION else ())
        if terms:
            out.append((value, tuple(terms)))
    return tuple(out)


def _written(reader: Any, terms: Iterable[str]) -> list[str]:
    """The terms some example has."""
    return [t for t in terms if reader.doc_frequency(RANK_FIELD, t)]


def _with_joined_rings(reader: Any, text: str, words: list[list[str]], thesaurus: Thesaurus
                       ) -> list[list[str]]:
    """Each word's terms; the two words of a compound the query writes apart that labels a
    synonym ring and that no example writes ("fråge låda": frågelåda) also have the ring's
    other one-word labels that examples write ("brevlåda"), as ``_with_rings`` gives them to
    the compound written whole."""
    out = [list(terms) for terms in words]
    for label, i, j in joined_at(text, thesaurus):
        if j >= len(out) or reader.doc_frequency(RANK_FIELD, lemma(label)):
            continue
        ring = _written(reader, ring_terms(label, thesaurus))
        for k in (i, j):
            out[k] += [t for t in ring if t not in out[k]]
    return out


def _with_rings(reader: Any, words: list[list[str]], written: list[str], thesaurus: Thesaurus
                ) -> list[list[str]]:
    """Each word's terms; a word no example writes that labels a synonym ring ("föräldrafika")
    also has the ring's other one-word labels that examples write ("föräldrakaffe"), as
    itself: the same practice under the name teams gave it."""
    out = []
    for i, terms in enumerate(words):
        if i < len(written) and not reader.doc_frequency(RANK_FIELD, terms[0]):
            terms = [*terms, *(t for t in _written(reader, ring_terms(written[i], thesaurus))
                               if t not in terms)]
        out.append(terms)
    return out


def _label_words(reader: Any, text: str, words: list[list[str]], thesaurus: Thesaurus
                 ) -> list[str]:
    """The index terms of the other one-word labels of the concepts the query labels
    (search.query_labels), that some example has."""
    own = {t for terms in words for t in terms}
    return [t for t in label_terms(text, own, thesaurus) if reader.doc_frequency(RANK_FIELD, t)]


def _actor_words(reader: Any, text: str, words: list[list[str]], common: float) -> list[str]:
    """The index terms of the names of the actors the query names by another of their terms
    (a nickname of the library, an agency by its initials), that some example has and most do not:
    an example that writes the actor's own name is about it in so many words."""
    own = {t for terms in words for t in terms}
    written = query_words(text)[:MAX_WORDS]
    out: list[str] = []
    for actor in named_actors(written):
        if any(lemma(written[i]) == lemma(actor.value) for i in actor.words):
            continue
        # a short or everyday form (a nickname, initials) is the actor by another name; a word of
        # the language ("socialsekreterare", "elever") is a member of it, and says only that
        if len(actor.words) != 1 or any(is_known(written[i]) or is_known(lemma(written[i]))
                                        for i in actor.words):
            continue
        for word in query_words(actor.value):
            term = variants(word, False)[0]
            if term not in own and term not in out \
                    and 0 < reader.doc_frequency(RANK_FIELD, term) <= common:
                out.append(term)
    return out


def named_ages(text: str, thesaurus: Thesaurus) -> tuple[tuple[str, frozenset[int]], ...]:
    """The age groups a plain query names (search.query_ages), with the positions (in
    ``query_words``) of the words that name each."""
    text = text[:MAX_QUERY_CHARS]
    return query_ages.named_ages(text, tuple(query_words(text)[:MAX_WORDS]), thesaurus)


def _closeness(text: str, named: dict[str, frozenset[int]], thesaurus: Thesaurus
               ) -> tuple[tuple[str, tuple[tuple[int, float], ...]], ...]:
    """For each intervention, how closely each word that names it does so, alone or with
    the word next to it ("frånvaro" names närvaroarbete at 0.8 and tidig upptäckt at 0.5)."""
    words = query_words(text)[:MAX_WORDS]
    alone = [_word_interventions(word, thesaurus) for word in words]
    # what two words after one another name together, closer than either alone
    pairs = [{v: w for v, w in pair.items()
              if v in together or w > max(first.get(v, 0.0), second.get(v, 0.0))}
             for pair, first, second, together in _pairs(text, words, thesaurus)]
    out = []
    for value, found in named.items():
        weights = {i: alone[i][value] for i in sorted(found) if value in alone[i]}
        for i, pair in enumerate(pairs):
            if {i, i + 1} <= found and value in pair:
                for j in (i, i + 1):
                    weights[j] = max(weights.get(j, 0.0), pair[value])
        out.append((value, tuple(sorted(weights.items()))))
    return tuple(out)


@dataclass(frozen=True)
class Expansion:
    """The examples tagged with a concept the query names, what each one scores, and the
    query's words that name it (by position; none for a focus area)."""

    kind: str
    concept: str
    docs: frozenset[int]
    ids: np.ndarray  # the same, as a sorted array
    score: float
    weight: float = 1.0  # how closely the query names it (Thesaurus.named)
    words: frozenset[int] = frozenset()


def _expansions(searcher: Searcher, plan: WordPlan) -> list[Expansion]:
    postings = _facet_postings(searcher)
    arrays = _facet_arrays(searcher, postings)
    n_docs = searcher.doc_count_all()
    named = dict(plan.named)
    rings = dict(plan.rings)
    areas_only = all(kind != "intervention" for kind, _, _ in plan.concepts)
    out = []
    for kind, value, weight in sorted(plan.concepts, key=lambda c: c[0] != "intervention"):
        facet, kind_weight = EXPANSION_WEIGHTS[kind]
        if areas_only:
            kind_weight = AREA_ONLY_WEIGHT
        docs = postings.get(facet, {}).get(value)
        ids = arrays[facet][value] if docs else None
        if not docs and value in rings:  # a ring: the examples that write its labels
            ids = fastrank.with_every_word(searcher, RANK_FIELD, [rings[value]])
            docs = frozenset(ids.tolist())
        if docs:
            score = fastrank.expansion_score(n_docs, len(docs), kind_weight * weight)
            out.append(Expansion(kind, value, docs, ids, score, weight,
                                 named.get(value, frozenset())))
    out += _written_own(searcher, plan, {e.concept for e in out})
    for value, words in plan.ages:
        docs = postings.get("alder", {}).get(value)
        if docs:
            score = fastrank.expansion_score(n_docs, len(docs), AGE_WEIGHT)
            out.append(Expansion(AGE, value, docs, arrays["alder"][value], score, 1.0, words))
    for actor in plan.actors:
        docs = postings.get("aktor", {}).get(actor.value)
        if docs:
            score = fastrank.expansion_score(n_docs, len(docs), ACTOR_WEIGHT)
            out.append(Expansion(ACTOR, actor.value, docs, arrays["aktor"][actor.value], score,
                                 1.0, actor.words))
    return out


def _written_own(searcher: Searcher, plan: WordPlan, named: set[str]) -> list[Expansion]:
    """The practices examples proposed as their own (no taxonomy term, so no concept a query
    can name) whose name of several parts the query writes in full ("cykel och skola" for a
    "cykelskola"): the query names them outright, by the words that write them
    (search.query_own)."""
    if not plan.written or not any(kind == INTERVENTION for kind, _, _ in plan.concepts):
        return []
    n_docs = searcher.doc_count_all()
    _, kind_weight = EXPANSION_WEIGHTS[INTERVENTION]
    own = _FACETS.get(searcher, "own-names", lambda: OwnNames.of(_own_practices(searcher)))
    return [Expansion(INTERVENTION, value, frozenset(ids.tolist()), ids,
                      fastrank.expansion_score(n_docs, len(ids), kind_weight), FULL_CREDIT, words)
            for value, ids, words in own.written(plan.written) if value not in named]


def _credit(expansion: Expansion) -> float:
    """How much of a query word an example of the expansion has when it lacks the word."""
    if expansion.kind == ACTOR:
        return ACTOR_CREDIT
    return min(1.0, expansion.weight / FULL_CREDIT)


def _via(docnum: int, literal: set[int], expansions: list[Expansion]) -> list[str]:
    """The concepts an example was found through, when it has none of the query's words."""
    if docnum in literal:
        return []
    return list(dict.fromkeys(e.concept for e in expansions if docnum in e.docs and e.kind != AGE))


RELAXED = ("Få exempel innehöll de flesta orden i sökningen – därför visas även exempel "
           "med färre av dem.")


@dataclass(frozen=True)
class Found:
    """One page of hits, the total and the facets over all matches, and a note for the user
    on how they were found (None: as asked)."""

    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    note: str | None = None
    strong: int | None = None  # of the total, how many have a word that counts (None: unknown)


def _rank(searcher: Searcher, plan: WordPlan, allowed: set[int] | None, top: int
          ) -> tuple[fastrank.Ranked, list[Expansion]]:
    expansions = _expansions(searcher, plan)
    covers = [[(e.ids, _credit(e)) for e in expansions if i in e.words]
              for i in range(len(plan.words))]
    # a concept no single word names counts as one more word; a focus area scores but is no
    # word of the query, unless the query names areas only ("klara skolan"): then its
    # examples that write one of the query's words have what was asked
    areas_only = all(e.kind != "intervention" for e in expansions)
    counted = [(e.ids, e.score, _counted(e, areas_only), e.words or e.concept)
               for e in expansions]
    found = fastrank.rank_words(searcher, RANK_FIELD, plan.words, allowed, top, counted,
                                covers, plan.required, ENOUGH_HITS, plan.counts,
                                plan.weights, _boosts(plan, expansions, searcher),
                                [e.ids for e in expansions if qualifies(e)], plan.own,
                                _singled(searcher, plan, expansions))
    pinned, described = _pinned(searcher, plan, expansions, found)
    by_name = bool(pinned)  # a rare name's examples: their practice's nearest follow first
    if not described:
        described = _described(searcher, plan, expansions, found)
    if not described:
        pinned, described = _filled(searcher, plan, found)
    if not described:
        return found, expansions
    ids = fastrank.live(searcher, np.unique(np.concatenate([e.ids for e in described])),
                        allowed)
    best = below_pinned(found.best, ids, pinned,
                        _where(searcher, pinned, ids) if by_name else frozenset()) if pinned \
        else below_best(found.best, ids)
    return replace(found, matched=found.matched | set(ids.tolist()),
                   best=best), [*expansions, *described]


# A known word that at most this many examples write, in a query of at most SINGLE_WORDS
# words that count ("oasen fritidsgård": a youth centre's name that is a word too), singles
# out those of them that have the query's other words: they come first. Alone, such a word is
# often one written in passing, so it does not pin its examples as a name does (PIN_MAX).
SINGLE_MAX = 3
SINGLE_WORDS = 3


def _singled(searcher: Searcher, plan: WordPlan, expansions: list[Expansion]) -> np.ndarray:
    """The examples a rare word of a short query singles out (SINGLE_MAX), without those that
    have another word read with its compound parts by a part only ("barn" of
    "barnpsykiatri"). A rare word counts, names no concept, is read as itself, alone or with
    its compound parts ("skolskjuts"), not with a ring's labels ("fråge låda" is the ring of
    "brevlåda"), and is the query's own.
    Of these, ranking lifts those that have every word (fastrank.rank_words)."""
    none = np.empty(0, dtype=np.int64)
    own = [i for i in counted_words(plan) if plan.own is None or i < plan.own]
    if not 2 <= len(own) <= SINGLE_WORDS:
        return none
    naming = {i for e in expansions for i in e.words}
    reader = searcher.reader()
    rare = [i for i in own if i not in naming
            and 0 < reader.doc_frequency(RANK_FIELD, _own_term(plan, i)) <= SINGLE_MAX
            and (_as_itself(plan.words[i]) or _place(plan, i))]
    if not rare:
        return none
    found = np.unique(np.concatenate([_having(searcher, plan, expansions, i) for i in rare]))
    for i in own:
        if len(plan.words[i]) > 1:
            found = np.intersect1d(found, _having(searcher, plan, expansions, i))
    return found


def _place(plan: WordPlan, i: int) -> str | None:
    """The place the query's ``i``th word names, as written, without its å/ä/ö or in the
    genitive ("granna": gränna, whatever else the word may be read as)."""
    return place_of(plan.written[i]) if i < len(plan.written) else None


def _own_term(plan: WordPlan, i: int) -> str:
    """The index term the query's ``i``th word is first read as: the place it names, else its
    first term."""
    return _place(plan, i) or plan.words[i][0]


def _as_itself(terms: list[str]) -> bool:
    """Whether a word's terms are the word alone, or with its compound parts only."""
    return set(terms[1:]) <= {t for part in part_lemmas(terms[0], True) for t in part}


def _having(searcher: Searcher, plan: WordPlan, expansions: list[Expansion], i: int
            ) -> np.ndarray:
    """The examples that have the query's ``i``th word as read first, or a concept it names."""
    ids = [fastrank.with_every_word(searcher, RANK_FIELD, [[_own_term(plan, i)]]),
           *(e.ids for e in expansions if i in e.words)]
    return np.unique(np.concatenate(ids))


# A word of the query that at most this many examples write (a school's or a village's name,
# "Ekbyskolan", "Lillgärdet") singles those examples out: what they are about is what the query
# is about, whatever its other, common words ("skola", "elever") match.
PIN_MAX = 2


def is_name(word: str) -> bool:
    """Whether a query word is a name (a place, a school): a place of the gazetteer, or a word
    the lemma table does not know."""
    if is_place(word):
        return True
    try:
        return not is_known(word)
    except Exception:  # noqa: BLE001
        return False


def _where(searcher: Searcher, pinned: set[int], ids: np.ndarray) -> frozenset[int]:
    """The examples of ``ids`` in a municipality of the ``pinned`` examples."""
    places = {m for d in pinned for m in facet_values(searcher.stored_fields(d), "kommun")}
    by_place = _facet_postings(searcher).get("kommun", {})
    there = frozenset().union(*(by_place.get(m, frozenset()) for m in places))
    return there.intersection(ids.tolist())


def _pinned(searcher: Searcher, plan: WordPlan, expansions: list[Expansion],
            found: fastrank.Ranked) -> tuple[set[int], list[Expansion]]:
    """The examples a rare word of the query (PIN_MAX) singles out, and the practice most of
    them have as their own (not named in passing): when the query names no practice, or, in a
    query of several content words, of the practices it names the one they have ("elever på
    Vrigstadskolan som mår dåligt" names four; the school's example says kamratstöd)."""
    named = {e.concept for e in expansions if e.kind == INTERVENTION}
    content = len(counted_words(plan))
    if named and content < FEEDBACK_WORDS or not found.best:
        return set(), []
    reader = searcher.reader()
    own = plan.own if plan.own is not None else len(plan.words)
    written = plan.written
    # a word that is an actor's term (an agency's initials) is no name of a place; one that
    # names an actor only by its last part ("Ekbyskolan": skola) is
    terms = actor_terms()
    not_names = {i for i, w in enumerate(written)
                 if (w,) in terms or (lemma(w),) in terms}
    # nor is a word that names a concept ("föräldraträffar"): it is a word of the language
    not_names |= {i for _, found_at in plan.named for i in found_at}
    pinned: set[int] = set()
    for i in range(min(own, len(plan.words), len(written))):
        if i < len(plan.counts) and not plan.counts[i]:
            continue
        if not is_name(written[i]) or i in not_names:
            continue
        # a place by any of its forms is the place ("Stockaryds": all that name Stockaryd)
        term = _own_term(plan, i)
        if 0 < reader.doc_frequency(RANK_FIELD, term) <= PIN_MAX:
            pinned |= set(fastrank.with_every_word(searcher, RANK_FIELD, [[term]]).tolist())
    pinned &= {d for _, d in found.best[:FEEDBACK_TOP]}  # and ranked among the first
    if not pinned:
        return set(), []
    scores = {d: s for s, d in found.best}
    first = [(scores.get(d, 0.0), _held(searcher, d))
             for d in sorted(pinned, key=lambda d: -scores.get(d, 0.0))]
    held: dict[str, tuple[int, float, int]] = {}
    for score, practices in first:
        for rank, value in enumerate(practices):
            n, total, _ = held.get(value, (0, 0.0, 0))
            held[value] = (n + 1, total + score, -rank)
    if named:
        held = {v: n for v, n in held.items() if v in named}
    if not held:
        return (set(), []) if named else (pinned, [])
    value = max(held, key=lambda v: held[v])
    postings = _facet_postings(searcher).get("insats", {})
    arrays = _facet_arrays(searcher, _facet_postings(searcher)).get("insats", {})
    if value not in postings:
        return pinned, []
    return pinned, [Expansion(DESCRIBED, value, postings[value], arrays[value], 0.0)]


def _reads_hits(plan: WordPlan) -> bool:
    """Whether the query says enough to read its best hits for the practice it means: it
    has FEEDBACK_WORDS content words, or one that names no place ("klättring": the sport
    tasters that offer it; "Rydaholm" asks for the village's examples, whatever they do)."""
    content = len(counted_words(plan))
    if content >= FEEDBACK_WORDS:
        return True
    return content == 1 and not any(is_place(word) for word in plan.written)


def _described(searcher: Searcher, plan: WordPlan, expansions: list[Expansion],
               found: fastrank.Ranked) -> list[Expansion]:
    """The practices the best hits share, when no word of the query names one and it says
    enough (``_reads_hits``; search.query_feedback)."""
    if not _reads_hits(plan) or any(e.kind == INTERVENTION for e in expansions):
        return []
    first = [(score, _held(searcher, docnum))
             for docnum, score in _ordered(searcher, {d: s for s, d in found.best})[:FEEDBACK_TOP]]
    return _described_as(searcher, described_practices(first))


def _held(searcher: Searcher, docnum: int) -> list[str]:
    """The practices an example has as its own: not those it names in passing, in one place."""
    passing = _named_once(searcher)
    return [v for v in facet_values(searcher.stored_fields(docnum), "insats")
            if v not in passing or not fastrank.has(passing[v], docnum)]


def _described_as(searcher: Searcher, values: Iterable[str]) -> list[Expansion]:
    """The practices read from the hits, as expansions."""
    postings = _facet_postings(searcher)
    arrays = _facet_arrays(searcher, postings).get("insats", {})
    practices = postings.get("insats", {})
    return [Expansion(DESCRIBED, value, practices[value], arrays[value], 0.0)
            for value in values if value in practices]


def _filled(searcher: Searcher, plan: WordPlan, found: fastrank.Ranked
            ) -> tuple[set[int], list[Expansion]]:
    """The examples that have a word of the query that counts, when they are fewer than a
    page and the query says enough to read them (``_reads_hits``: a place alone asks for
    what is done there), and the practices they hold (query_feedback.filling_practices)."""
    if not 0 < found.strong < ENOUGH_HITS or not _reads_hits(plan):
        return set(), []
    strong = [d for _, d in found.best[:found.strong]]  # they rank first (common words last)
    held = filling_practices([_held(searcher, d) for d in strong])
    return (set(strong), _described_as(searcher, held)) if held else (set(), [])


def _boosts(plan: WordPlan, expansions: list[Expansion], searcher: Searcher
            ) -> list[tuple[np.ndarray, float]]:
    """The practices the query names, and those the actors it names run together."""
    # the actors tell which practice is meant when no word names one; an actor most
    # examples have ("föräldrar", "skolan") says little about it
    named = any(e.kind == "intervention" and e.words for e in expansions)
    # a common actor ("föräldrar") says little alone, but beside another it says with whom
    actors_named = [e for e in expansions if e.kind == ACTOR]
    actors = [] if named else [e.ids for e in actors_named if len(actors_named) > 1 or any(
        i >= len(plan.counts) or plan.counts[i] for i in e.words)]
    practices = _facet_arrays(searcher, _facet_postings(searcher)).get("insats", {})
    return [*concept_boosts(plan, expansions, searcher), *run_together(actors, practices)]


def _own_practices(searcher: Searcher) -> dict[str, np.ndarray]:
    """Per practice an example proposed as its own (a key phrase no taxonomy term names, kept
    out of ``insats``), the examples that have it (sorted arrays)."""
    def build() -> dict[str, np.ndarray]:
        out: dict[str, list[int]] = {}
        reader = searcher.reader()
        for docnum, fields in reader.iter_docs():
            doc = fields.get("doc") or {}
            public = set(facet_values(fields, "insats"))
            for value in doc.get("interventions") or []:
                if value not in public:
                    out.setdefault(value, []).append(docnum)
        return {value: np.array(sorted(set(ids)), dtype=np.int64) for value, ids in out.items()}
    return _FACETS.get(searcher, "own", build)


def _counted(expansion: Expansion, areas_only: bool) -> int:
    """Whether an expansion counts as a word of the query (``fastrank.rank_words``)."""
    if expansion.words or expansion.kind == AGE:
        return 0
    if expansion.kind == INTERVENTION:
        return 1
    return fastrank.WHERE_WRITTEN if areas_only else 0


def qualifies(expansion: Expansion) -> bool:
    """Whether the examples of an expansion match a long query whatever its other words: a
    practice its words name outright or as a topic's closest practice ("hög frånvaro" →
    närvaroarbete). Examples that share only the concept are still what was asked for."""
    return (expansion.kind == "intervention" and bool(expansion.words)
            and expansion.weight >= FULL_CREDIT)


# The examples of an intervention the query names score up to 1 + CONCEPT_BOOST times as
# much: in proportion to the share of the query's counted words that name it, and to how
# closely they name it (its weight over FULL_CREDIT, to the power CONCEPT_STEEPNESS: a topic's
# closest practice is raised much more than its further ones).
CONCEPT_BOOST = 2.0
CONCEPT_STEEPNESS = 3
# A word of the query counts for the share by how closely it names the practice, relative to
# the closest word, to this power ("frånvaro och ångest": "frånvaro" names närvaroarbete
# closest, tidig upptäckt only as ångest's closest does, and counts little for it).
WORD_STEEPNESS = 2
# An example that names the practice in one place only (a passing mention, an outcome) is
# raised by this share of the boost.
ONCE_SHARE = 0.85


def concept_boosts(plan: WordPlan, expansions: list[Expansion], searcher: Searcher | None = None
                   ) -> list[tuple[np.ndarray, float]]:
    """How much the examples of each intervention the query names are raised: in
    proportion to the share of the query's words that name it (each word weighted by how
    closely it names it, relative to the closest) and how closely the query names it."""
    counted = counted_words(plan)
    if not counted:
        return []
    out = []
    closeness = dict(plan.closeness)
    once = _named_once(searcher) if searcher is not None else {}
    for e in expansions:
        if e.kind != "intervention" or not e.words:
            continue
        by_word = dict(closeness.get(e.concept, ()))
        share = sum(min(1.0, by_word.get(i, e.weight) / e.weight) ** WORD_STEEPNESS
                    for i in e.words & set(counted)) / len(counted)
        boost = CONCEPT_BOOST * share * _closer(e.weight)
        written = _written_naming(plan, e, searcher)
        if len(written):
            out.append((written, boost))
        passing = once.get(e.concept)
        if passing is None or not len(passing):
            out.append((e.ids, boost))
            continue
        out.append((np.setdiff1d(e.ids, passing, assume_unique=True), boost))
        out.append((np.intersect1d(e.ids, passing, assume_unique=True), boost * ONCE_SHARE))
    return out


# A compound written in this share of as many examples as the practice has or more is a word
# in its own right ("fritidsgård" beside allaktivitetshus), not a sign of the practice.
WRITTEN_SHARE = 0.5


def _written_naming(plan: WordPlan, expansion: Expansion, searcher: Searcher | None
                    ) -> np.ndarray:
    """The examples that write a compound of the query that names the practice, whole
    ("tonårsföräldrar"): for this query they are about it, tagged or not."""
    if searcher is None:
        return np.empty(0, dtype=np.int64)
    words = [plan.words[i][:1] for i in expansion.words
             if i < len(plan.words) and len(plan.words[i]) > 1]
    found = [fastrank.with_every_word(searcher, RANK_FIELD, [w]) for w in words]
    found = [f for f in found if len(f) < WRITTEN_SHARE * len(expansion.docs)]
    return np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)


def _closer(weight: float) -> float:
    """What naming a practice this closely counts for (1 at FULL_CREDIT and above)."""
    return min(1.0, weight / FULL_CREDIT) ** CONCEPT_STEEPNESS


def _bonus(searcher: Searcher, extra: Query | None, docnums: set[int]) -> dict[int, float]:
    """What the ranking clauses add to the candidates, as Whoosh scores them: a term from
    its cached postings, a phrase per candidate (a phrase query would walk its words'
    positions)."""
    if extra is None:
        return {}
    clauses = extra.subqueries if type(extra) is Or else [extra]
    others = [c for c in clauses if not isinstance(c, Phrase | Term)]
    out: dict[int, float] = {}
    if others:
        out = fastrank.bonus(searcher, Or(others) if len(others) > 1 else others[0], docnums)
    for term in (c for c in clauses if isinstance(c, Term)):
        for docnum, score in fastrank.terms_score(searcher, term.fieldname, [term.text],
                                                  term.boost, docnums).items():
            if score:
                out[docnum] = out.get(docnum, 0.0) + score
    postings = _facet_postings(searcher)
    for phrase in (c for c in clauses if isinstance(c, Phrase)):
        if isinstance(phrase, TagPhrase):
            tagged = docnums & postings.get(phrase.facet, {}).get(phrase.value, frozenset())
            found = fastrank.terms_score(searcher, phrase.fieldname, phrase.words,
                                         phrase.boost, tagged)
        else:
            found = fastrank.phrase_scores(searcher, phrase.fieldname, phrase.words,
                                           phrase.slop, phrase.boost, docnums)
        for docnum, score in found.items():
            out[docnum] = out.get(docnum, 0.0) + score
    return out


def _run_fast(searcher: Searcher, q: Query, fq: Query | None, page: int, per_page: int,
              plan: WordPlan, extra: Query | None) -> Found:
    allowed = set(searcher.docs_for_query(fq)) if fq is not None else None
    start = (page - 1) * per_page
    ranked, expansions = _rank(searcher, plan, allowed, start + per_page + CANDIDATES)
    facets = facet_counts(searcher, ranked.matched)
    total = len(ranked.matched)
    note = RELAXED if ranked.relaxed and total else None
    if not ranked.best or start >= total:
        return Found(total, [], facets, note, ranked.strong)
    scores = {d: sc for sc, d in ranked.best}
    for docnum, extra_score in _bonus(searcher, extra, set(scores)).items():
        scores[docnum] += extra_score
    for docnum, extra_score in _concept_words(searcher, expansions,
                                              set(scores) - ranked.literal).items():
        scores[docnum] += extra_score
    for docnum, extra_score in _parts_near(searcher, plan, set(scores)).items():
        scores[docnum] += extra_score
    stored = _StoredFields(searcher)  # the first page's, read once for nearness and snippets
    first = [docnum for docnum, _ in _ordered(searcher, scores)[:NEAR_CANDIDATES]]
    for docnum, extra_score in near_scores(searcher, _near_terms(searcher, plan), first,
                                           stored).items():
        scores[docnum] += extra_score
    order = _ordered(searcher, scores)[start:start + per_page]
    terms = _highlight_terms(searcher, q)
    memo: dict[str, bool] = {}
    hits = []
    for docnum, score in order:
        hits.append(_snipped_hit(stored(docnum), score, terms, memo,
                                 _via(docnum, ranked.literal, expansions)))
    return Found(total, hits, facets, note, ranked.strong)


# A compound no example writes ("läxbråk", "fredagsmorgnarna") is found by its parts; an example
# that writes them within this many words of each other, in either order ("bråk om läxor",
# "fredag morgon"), says what the compound says: its parts' BM25 is added once more, times
# PARTS_NEAR_BOOST.
PARTS_NEAR_SLOP = 3
PARTS_NEAR_BOOST = 1.0


def _parts_near(searcher: Searcher, plan: WordPlan, docnums: set[int]) -> dict[int, float]:
    """What the candidates that write an unwritten compound's first and last part near each
    other get on top (PARTS_NEAR_SLOP). A proximity score over the positions of the "all"
    field, per candidate (``fastrank.phrase_scores``, both orders): Whoosh has no unordered
    proximity query."""
    reader = searcher.reader()
    out: dict[int, float] = {}
    for terms in plan.words[:len(plan.written)]:
        if len(terms) < 3 or reader.doc_frequency(RANK_FIELD, terms[0]):
            continue
        parts = _written(reader, terms[1:])
        if len(parts) < 2:
            continue
        near: dict[int, float] = {}
        for pair in ([parts[0], parts[-1]], [parts[-1], parts[0]]):
            found = fastrank.phrase_scores(searcher, SEARCH_FIELD, pair, PARTS_NEAR_SLOP,
                                           PARTS_NEAR_BOOST, docnums)
            for docnum, score in found.items():
                near[docnum] = max(near.get(docnum, 0.0), score)
        for docnum, score in near.items():
            out[docnum] = out.get(docnum, 0.0) + score
    return out


class _StoredFields:
    """An example's stored fields by document number, each read once per search."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.read: dict[int, dict[str, Any]] = {}

    def __call__(self, docnum: int) -> dict[str, Any]:
        if docnum not in self.read:
            self.read[docnum] = self.searcher.stored_fields(docnum)
        return self.read[docnum]


def _near_terms(searcher: Searcher, plan: WordPlan) -> list[str]:
    """The query's own words that count and that examples write, as index terms (their
    lemma): those whose nearness in an example counts (search.query_near)."""
    reader = searcher.reader()
    counted = set(counted_words(plan))
    return list(dict.fromkeys(
        terms[0] for i, terms in enumerate(plan.words[:len(plan.written)])
        if i in counted and reader.doc_frequency(RANK_FIELD, terms[0])))


# An example found only through the practices the query names (none of its words) scores the
# same as every other such example; it gets this share of the BM25 of the practices' own
# words in it on top: the more it speaks of them, the higher it ranks among them.
CONCEPT_WORDS_WEIGHT = 0.1


def _concept_words(searcher: Searcher, expansions: list[Expansion], docnums: set[int]
                   ) -> dict[int, float]:
    """What the names of the interventions the query names add to ``docnums`` (examples
    tagged with them), by how often the examples use those words."""
    out: dict[int, float] = {}
    for e in expansions:
        docs = docnums & e.docs if e.kind == INTERVENTION else set()
        if not docs:
            continue
        found = fastrank.terms_score(searcher, RANK_FIELD, _lemma_words(e.concept),
                                     CONCEPT_WORDS_WEIGHT * e.weight, docs)
        for docnum, score in found.items():
            out[docnum] = out.get(docnum, 0.0) + score
    return out


TIE_DIGITS = 6  # scores equal to this many decimals are a tie


def id_ranks(searcher: Searcher) -> np.ndarray:
    """Per document number, the place of its example id among all ids in order (per
    searcher, as the facet arrays): ties are ordered by it without reading stored fields. The
    ids are the index's terms, sorted as their UTF-8 bytes, which is the order of the
    strings."""
    def build() -> np.ndarray:
        pairs = [(btext, docnum) for sub, offset in searcher.leaf_searchers()
                 for btext, docnum in _id_terms(sub.reader(), offset)]
        places = {btext: place for place, btext in enumerate(sorted({b for b, _ in pairs}))}
        ranks = np.zeros(searcher.reader().doc_count_all(), dtype=np.int64)
        for btext, docnum in pairs:
            ranks[docnum] = places[btext]
        return ranks
    return _FACETS.get(searcher, "id_ranks", build)


def _id_terms(reader: Any, offset: int) -> Iterator[tuple[bytes, int]]:
    """(id term, document number + offset) of one segment: an id of one document is its
    term's first document (no postings read), one of several (a replaced example not yet
    merged away) is read from its postings."""
    for btext, info in reader.iter_field("id"):
        if info.doc_frequency() == 1 and info.min_id() == info.max_id():
            yield btext, info.min_id() + offset
            continue
        for docnum in reader.postings("id", btext).all_ids():
            yield btext, docnum + offset


def _ordered(searcher: Searcher, scores: dict[int, float]) -> list[tuple[int, float]]:
    """(docnum, score) best first; equal scores by example id, so that the order does not
    depend on the order the examples were indexed in (their document numbers)."""
    ranks = id_ranks(searcher)
    return sorted(scores.items(), key=lambda kv: (-round(kv[1], TIE_DIGITS), int(ranks[kv[0]]),
                                                  kv[0]))


def _snipped_hit(stored: dict[str, Any], score: float | None, terms: frozenset[str],
                 memo: dict[str, bool], via: list[str] | None = None) -> Hit:
    """A hit with its snippet: around the query's words, else the text's beginning."""
    snippet = make_snippet(stored.get("text", ""), terms, memo) if terms else ""
    return make_hit(stored, score, snippet or plain_snippet(stored.get("text", "")), via)


def _run(searcher: Searcher, q: Query, fq: Query | None, page: int, per_page: int,
         sort: str, rank: Query | None = None, plan: WordPlan | None = None,
         extra: Query | None = None) -> Found:
    if plan is not None and plan.words and not isinstance(q, Every):
        if sort != "date":
            return _run_fast(searcher, q, fq, page, per_page, plan, extra)
        return _run_fast_by_date(searcher, q, fq, page, per_page, plan)
    if isinstance(q, Every):
        docs = None if fq is None else set(searcher.docs_for_query(fq))
        total = searcher.doc_count() if docs is None else len(docs)
    else:
        full = And([q, fq]) if fq is not None else q
        docs = set(searcher.docs_for_query(full))
        total = len(docs)
    facets = facet_counts(searcher, docs)
    start = (page - 1) * per_page
    if total == 0 or start >= total:
        return Found(total, [], facets)
    if sort == "date" or isinstance(q, Every):
        return Found(total, _by_date(searcher, q, docs, start, per_page), facets)
    # optimize=False: Whoosh's block-quality skipping can loop forever on some OR queries.
    results = searcher.search(rank if rank is not None else q, limit=start + per_page,
                              filter=fq, terms=True, optimize=False)
    terms = _highlight_terms(searcher, q)
    memo: dict[str, bool] = {}
    hits = []
    for hit in results[start:start + per_page]:
        hits.append(_snipped_hit(hit.fields(), hit.score, terms, memo))
    return Found(total, hits, facets)


def _run_fast_by_date(searcher: Searcher, q: Query, fq: Query | None, page: int,
                      per_page: int, plan: WordPlan) -> Found:
    """Newest first among the examples the fast ranking matches (the same as by relevance)."""
    allowed = set(searcher.docs_for_query(fq)) if fq is not None else None
    ranked, _ = _rank(searcher, plan, allowed, 1)
    docs = set(ranked.matched)
    total = len(docs)
    facets = facet_counts(searcher, docs)
    note = RELAXED if ranked.relaxed and total else None
    start = (page - 1) * per_page
    if start >= total:
        return Found(total, [], facets, note)
    return Found(total, _by_date(searcher, q, docs, start, per_page), facets, note)


_DATES = fastrank.SearcherCache()


def _date_order(searcher: Searcher) -> list[int]:
    """Every live document, newest first (the same date: last indexed first, as Whoosh's
    reversed sort), per searcher."""
    def build() -> list[int]:
        reader = searcher.reader()
        dates = reader.column_reader("date")
        live = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
        return sorted(live, key=lambda d: (dates[d], d), reverse=True)

    return _DATES.get(searcher, "order", build)


def _by_date(searcher: Searcher, q: Query, docs: set[int] | None, start: int,
             per_page: int) -> list[Hit]:
    """The hits ``start``… of ``docs`` (None: every document) newest first, undated last."""
    order = _date_order(searcher)
    picked = order[start:start + per_page] if docs is None else \
        list(itertools.islice((d for d in order if d in docs), start, start + per_page))
    terms = _highlight_terms(searcher, q)
    memo: dict[str, bool] = {}
    hits = []
    for docnum in picked:
        hits.append(_snipped_hit(searcher.stored_fields(docnum), None, terms, memo))
    return hits


def _paging(page: Any, per_page: Any, sort: Any) -> tuple[int, int, str]:
    try:
        page = max(1, int(page))
    except (TypeError, ValueError):
        page = 1
    try:
        per_page = min(MAX_PER_PAGE, max(1, int(per_page)))
    except (TypeError, ValueError):
        per_page = 10
    return page, per_page, sort if sort in ("relevance", "date") else "relevance"


def _clean_filters(filters: dict[str, Any] | None) -> dict[str, list[str]]:
    cleaned = {k: [v for v in (vals if isinstance(vals, list | tuple) else [vals]) if v]
               for k, vals in (filters or {}).items() if k in FACETS}
    return {k: v for k, v in cleaned.items() if v}


NO_WORDS = "Sökningen innehöll inga ord. Alla exempel visas."
ONLY_STOPWORDS = ("Sökningen innehöll bara vanliga småord. Alla exempel visas – "
                  "prova med ord som beskriver arbetet, till exempel skolnärvaro.")
FUZZY_HITS = "Inga exakta träffar – visar exempel med liknande ord."
NO_HITS = ("Inga exempel matchade sökningen. Prova färre eller andra ord, "
           "eller ta bort något filter.")


def _user_query(schema: Any, text: str) -> tuple[Query, Query | None, Query | None, str | None]:
    """(matching, ranking, extra) queries for the text, and a note when it has no words."""
    if not text:
        return Every(), None, None, None
    if not any(c.isalnum() for c in text):
        return Every(), None, None, NO_WORDS
    q, rank, extra = build_queries(schema, text)
    if q is NullQuery or isinstance(q, type(NullQuery)):
        return Every(), None, None, ONLY_STOPWORDS
    return q, rank, extra, None


def _term_texts(searcher: Searcher, q: Query) -> list[str] | None:
    """The index words a word of the query stands for: a term, its variants (an OR of terms)
    or a wildcard's expansion; None for anything else (phrases, AND, NOT, other fields)."""
    if isinstance(q, Term) and q.fieldname == SEARCH_FIELD:
        return [q.text]
    if isinstance(q, MultiTerm) and q.field() == SEARCH_FIELD:
        found = itertools.islice(q.expanded_terms(searcher.reader()), MAX_EXPANSIONS)
        return [t.decode("utf-8") if isinstance(t, bytes) else t for _, t in found]
    if type(q) is Or:
        texts = [_term_texts(searcher, sub) for sub in q.subqueries]
        return None if None in texts else [t for sub in texts for t in sub or []]
    return None


def _words(searcher: Searcher, text: str, q: Query) -> list[list[str]] | None:
    """The terms of each word of a query that is words OR-ed together (plain words, or words
    with wildcards: their index words), for the fast ranking; None for any other query."""
    if not text or isinstance(q, Every):
        return None
    if is_plain(text):
        return _with_written(searcher, text, plain_terms(text))
    parts = q.subqueries if type(q) is Or else [q]
    groups = [_term_texts(searcher, part) for part in parts]
    if None in groups:
        return None
    return [g for g in groups if g] or None


def _with_written(searcher: Searcher, text: str, words: list[list[str]]) -> list[list[str]]:
    """Each word's terms, with the word as written after them when the lemma table reads it as
    another word's form ("strand" as a form of the verb "stranda") that no example has: the
    index keeps every written form and its lemma, so the word as written finds the examples
    that write it or one of its own forms."""
    reader = searcher.reader()
    out = []
    for word, terms in zip(query_words(text)[:MAX_WORDS], words, strict=False):
        if terms and word != terms[0] and word not in terms and word.isalpha() \
                and reader.doc_frequency(RANK_FIELD, word) \
                and not reader.doc_frequency(RANK_FIELD, terms[0]):
            terms = [*terms, word]
        out.append(terms)
    return out


def _run_fuzzy(searcher: Searcher, text: str, fq: Query | None, page: int, per_page: int,
               sort: str) -> Found:
    """The search again with words spelled like the query's (when it found nothing)."""
    groups = fuzzy_words(searcher, text)
    if not groups:
        return Found(0, [], {})
    q = Or([Term(SEARCH_FIELD, term) for terms in groups for term in terms])
    return _run(searcher, q, fq, page, per_page, sort, None, WordPlan(groups))


@dataclass(frozen=True)
class _Page:
    """Which hits to fetch: the filter query and the page, its size and order."""

    fq: Query | None
    page: int
    per_page: int
    sort: str

    def run(self, searcher: Searcher, q: Query, rank: Query | None, plan: WordPlan | None,
            extra: Query | None) -> Found:
        return _run(searcher, q, self.fq, self.page, self.per_page, self.sort, rank, plan,
                    extra)


def _run_suggestion(searcher: Searcher, schema: Any, suggestion: str, at: _Page,
                    thesaurus: Thesaurus) -> Found:
    """The hits of the "menade du" suggestion."""
    q, rank, extra = build_queries(schema, suggestion)
    return at.run(searcher, q, rank, word_plan(searcher, suggestion, q, thesaurus), extra)


def _run_query(searcher: Searcher, text: str, queries: tuple[Query, Query | None, Query | None],
               at: _Page, thesaurus: Thesaurus, fuzzy: bool = True) -> Found:
    """The hits of the query; when it finds nothing (and ``fuzzy``), those of similarly
    spelled words (and a note saying so)."""
    q, rank, extra = queries
    found = at.run(searcher, q, rank, word_plan(searcher, text, q, thesaurus), extra)
    if fuzzy and found.total == 0 and not isinstance(q, Every):
        return _fuzzy_fallback(searcher, text, at)
    return found


def _fuzzy_fallback(searcher: Searcher, text: str, at: _Page) -> Found:
    """The words spelled like the query's (none of its hits has a word of its own)."""
    found = _run_fuzzy(searcher, text, at.fq, at.page, at.per_page, at.sort)
    return replace(found, note=FUZZY_HITS, strong=0) if found.total else found


MAX_RELATED = 4  # related concepts named when a search finds nothing


def related_concepts(text: str, thesaurus: Thesaurus) -> list[str]:
    """Concepts of the thesaurus near what the query names: the related interventions of the
    concepts it names, then their broader focus areas (for a search that found nothing)."""
    out: list[str] = []
    for concept in thesaurus.labelled(text[:MAX_QUERY_CHARS]):
        for name in (*concept.related, *concept.focus_areas):
            if name not in out and name != concept.pref:
                out.append(name)
    return out[:MAX_RELATED]


def _message(limited: LimitedQuery, note: str | None, total: int,
             related: list[str] | None = None) -> str | None:
    """The notes for the user: what was cut from the query, and why the hits are what they
    are (no words, similar words, fewer of the words, nothing found and what is near)."""
    if total == 0 and not (note or limited.message):
        note = NO_HITS
        if related:
            note += " Närliggande begrepp: " + ", ".join(related) + "."
    return " ".join(m for m in (limited.message, note) if m) or None


MAX_DROPPED = 5  # filter values tried one at a time when a filtered search finds nothing


def without_each_filter(searcher: Searcher, schema: Any, text: str,
                        filters: dict[str, list[str]], thesaurus: Thesaurus
                        ) -> list[DroppedFilter]:
    """For a search that found nothing with its filters: how many it finds without each of the
    first MAX_DROPPED filter values (only those that find something)."""
    out = []
    q, rank, extra, _ = _user_query(schema, text)
    pairs = [(name, value) for name, values in filters.items() for value in values]
    for name, value in pairs[:MAX_DROPPED]:
        rest = {k: [v for v in vs if (k, v) != (name, value)] for k, vs in filters.items()}
        at = _Page(public_filter(searcher, filter_query({k: v for k, v in rest.items() if v})),
                   1, 1, "relevance")
        total = _run_query(searcher, text, (q, rank, extra), at, thesaurus).total
        if total:
            out.append(DroppedFilter.model_construct(facet=name, value=value, total=total))
    return out


def _corrected(searcher: Searcher, schema: Any, text: str, q: Query, found: Found, at: _Page,
               thesaurus: Thesaurus) -> tuple[str | None, Found | None]:
    """The "menade du" suggestion for the query's unknown words, and its hits, offered only
    when it finds more: more examples than the query's known words alone (an unknown word
    finds nothing as itself, only through its parts or similar spellings), or more examples
    with every one of its words (beside a common known word, "föräldrar hembesk", the known
    word alone finds as many examples as the suggestion, but none of them has both), or, when
    no hit of the query has a word that counts (all found by common words: "anknytninen och
    skolan"), some hits of the suggestion do."""
    if isinstance(q, Every):
        return None, None
    suggestion = suggest(searcher, text, thesaurus)
    if not suggestion:
        return None, None
    better = _run_suggestion(searcher, schema, suggestion, at, thesaurus)
    replaced = set(query_words(text)) - set(query_words(suggestion))
    known = " ".join(w for w in query_words(text) if w not in replaced)
    if _only_split(text, suggestion):  # the query already found the word by its parts
        return (suggestion, better) if better.total > found.total else (None, None)
    baseline = 0 if not known or found.total == 0 else \
        _run_suggestion(searcher, schema, known, at, thesaurus).total
    if better.total > baseline or better.total and _more_with_every_word(
            searcher, text, suggestion, thesaurus) or found.strong == 0 and better.strong:
        return suggestion, better
    return None, None


def _only_split(text: str, suggestion: str) -> bool:
    """Whether the suggestion only writes a compound of the query apart ("helg öppet")."""
    before, after = query_words(text), query_words(suggestion)
    return len(after) > len(before) and "".join(before) == "".join(after)


def _more_with_every_word(searcher: Searcher, text: str, suggestion: str,
                          thesaurus: Thesaurus) -> bool:
    """Whether more examples have every word of the suggestion than of the query, the words
    it changes taken as written (a misspelled compound's parts, "hem" of "hembesk", are no
    reason to keep it), or, when no example writes such a word, as its synonym ring's labels
    that examples write ("vaccinering": "vaccination"), as the query matches it; the
    suggestion's words also by their parts, as the query finds a compound no example writes
    ("cykelvänlig": cykel, vänlig)."""
    before, after = query_words(text)[:MAX_WORDS], query_words(suggestion)[:MAX_WORDS]
    reader = searcher.reader()

    def as_written(word: str) -> list[str]:
        term = variants(word, False)[0]
        if reader.doc_frequency(RANK_FIELD, term):
            return [term]
        return [term, *_written(reader, ring_terms(word, thesaurus))]

    def group(word: str, changed: set[str], parts: bool) -> list[str]:
        if word not in changed:
            return list(variants(word, False))
        return [*as_written(word), *(variants(word, False) if parts else ())]

    def every(words: list[str], changed: set[str], parts: bool) -> int:
        groups = [group(w, changed, parts) for w in words]
        return fastrank.count_every_word(searcher, RANK_FIELD, groups)

    return every(after, set(after) - set(before), True) > \
        every(before, set(before) - set(after), False)


def search(searcher: Searcher, schema: Any, text: str | None,
           filters: dict[str, list[str]] | None = None, page: int = 1, per_page: int = 10,
           sort: str = "relevance", thesaurus: Thesaurus | None = None) -> SearchResult:
    """One page of results for a query within the limits (``limit_query``: a query over
    them is cut and the result's message says so), the facets over all of them, and a
    "menade du" suggestion when words are unknown and the suggestion finds more. A long
    query finds the examples with most of its content words (``required_words``). A query's
    terms are also looked up in ``thesaurus`` (the library's; the seed when None). Two words
    side by side that are one word examples write or the thesaurus labels ("tema dag") are
    read as that word, so they find what it finds, in the same order."""
    thesaurus = thesaurus or seed()
    limited = limit_query(text or "")
    words_text = _QUESTION_MARK.sub("", limited.text)  # the text the query is built from
    page, per_page, sort = _paging(page, per_page, sort)
    filters = _clean_filters(filters)
    at = _Page(public_filter(searcher, filter_query(filters)), page, per_page, sort)
    joined = None
    if is_plain(words_text):  # read as meant: marks put back, a word written apart whole
        words_text = with_marks(searcher, words_text, thesaurus)
        together = written_together(words_text, known_word(searcher.reader(), thesaurus))
        joined, words_text = (together if together != words_text else None), together
    q, rank, extra, note = _user_query(schema, words_text)
    found = _run_query(searcher, words_text, (q, rank, extra), at, thesaurus, fuzzy=False)
    suggestion, better = _corrected(searcher, schema, words_text, q, found, at, thesaurus)
    if joined and suggestion is None:  # the hits are for the word: say so, as for a typo
        suggestion, better = joined, found
    found = better or found
    if better is None and found.total == 0 and not isinstance(q, Every):
        found = _fuzzy_fallback(searcher, words_text, at)
    note = found.note or note
    dropped = without_each_filter(searcher, schema, words_text, filters, thesaurus) \
        if found.total == 0 and filters else []
    total = found.total
    # made here from typed parts: not validated again on every search
    return SearchResult.model_construct(
        query=limited.text, total=total, hits=found.hits, facets=found.facets,
        suggestion=suggestion, page=page, pages=math.ceil(total / per_page) if total else 0,
        per_page=per_page, sort=sort, filters=filters, corrected=better is not None,
        strong=found.strong, message=_message(limited, note, total,
                         related_concepts(words_text, thesaurus) if total == 0 else None),
        without_filter=dropped)


def similar(searcher: Searcher, example_id: str, limit: int = 5) -> list[Hit]:
    docnum = searcher.document_number(id=example_id)
    if docnum is None:
        return []
    stored = searcher.stored_fields(docnum)
    text = " ".join([stored.get("title", ""), stored.get("text", "")])
    try:
        results = searcher.more_like(docnum, "text", text=text, top=limit, numterms=20,
                                     filter=public_filter(searcher, None))
    except Exception:  # noqa: BLE001
        return []
    return [make_hit(h.fields(), h.score, plain_snippet(h.fields().get("text", "")))
            for h in results]
