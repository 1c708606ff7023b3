"""Running a search: the examples the thesaurus adds, ranking, hits with their facets and
snippets, sorting by date and the "menade du" suggestion. What a query may cost is in
query_limits, its text as Whoosh queries in query_parse, the facet values in query_facets and
how its words are matched in query_plan."""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from whoosh.query import And, Every, NullQuery, Or, Phrase, Query, Term
from whoosh.searching import Searcher

from ingest.tagging.lemmas import is_known
from ingest.tagging.thesaurus import Thesaurus, seed
from search import fastrank
from search.analysis import is_place, lemma, part_lemmas, place_of, query_words, variants
from search.query_actors import ACTOR, ACTOR_CREDIT, ACTOR_WEIGHT, actor_terms, run_together
from search.query_ages import AGE, AGE_WEIGHT
from search.query_compounds import written_together
from search.query_facets import FACET_CACHE, facet_arrays, facet_counts, facet_postings, named_once
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
from search.query_labels import ring_terms
from search.query_limits import (
    MAX_PER_PAGE,
    MAX_QUERY_CHARS,
    MAX_WORDS,
    QUESTION_MARK,
    LimitedQuery,
    limit_query,
)
from search.query_missing import Coverage, coverage
from search.query_near import NEAR_CANDIDATES, near_scores
from search.query_own import OwnNames
from search.query_parse import (
    PlaceTerm,
    TagPhrase,
    build_queries,
    filter_query,
    is_plain,
    lemma_words,
    public_filter,
)
from search.query_plan import (
    AREA_ONLY_WEIGHT,
    ENOUGH_HITS,
    EXPANSION_WEIGHTS,
    FULL_CREDIT,
    WordPlan,
    counted_words,
    known_word,
    word_plan,
    written_terms,
)
from search.records import DocumentRef, DroppedFilter, Hit, SearchResult
from search.schema import FACETS, RANK_FIELD, SEARCH_FIELD, facet_values
from search.searcher_cache import SEGMENT_CACHE, SearcherCache, doc_frequency
from search.snippets import WordTerms, make_snippet, plain_snippet
from search.spelling import fuzzy_words, misspelled, suggest, with_marks

# --- hits ------------------------------------------------------------------------------------


def make_hit(stored: dict[str, Any], score: float | None, snippet: str,
             via: list[str] | None = None, missing: list[str] | None = None) -> Hit:
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
        missing=missing or [],
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
    postings = facet_postings(searcher)
    arrays = facet_arrays(searcher, postings)
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
    own = own_names(searcher)
    return [Expansion(INTERVENTION, value, frozenset(ids.tolist()), ids,
                      fastrank.expansion_score(n_docs, len(ids), kind_weight), FULL_CREDIT, words)
            for value, ids, words in own.written(plan.written) if value not in named]


def _credit(expansion: Expansion) -> float:
    """How much of a query word an example of the expansion has when it lacks the word."""
    if expansion.kind == ACTOR:
        return ACTOR_CREDIT
    return min(1.0, expansion.weight / FULL_CREDIT)


def _via(docnum: int, has: Coverage, expansions: list[Expansion]) -> list[str]:
    """The concepts an example was found through: all that hold it when it has none of the
    query's words, else those that stand in for the counted words it does not write."""
    if has.literal:
        return has.through
    return list(dict.fromkeys(e.concept for e in expansions if docnum in e.docs and e.kind != AGE))


RELAXED = ("Få exempel innehöll sökorden – därför visas även exempel som saknar några av dem "
           "(de står under ”Saknas” vid exemplet).")


@dataclass(frozen=True)
class Found:
    """One page of hits, the total and the facets over all matches, and a note for the user
    on how they were found (None: as asked)."""

    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    note: str | None = None
    strong: int | None = None  # of the total, how many have a word that counts (None: unknown)
    written: int | None = None  # of the total, how many write one of the query's own words


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
            and 0 < doc_frequency(reader, RANK_FIELD, _own_term(plan, i)) <= SINGLE_MAX
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
    by_place = facet_postings(searcher).get("kommun", {})
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
        if 0 < doc_frequency(reader, RANK_FIELD, term) <= PIN_MAX:
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
    postings = facet_postings(searcher).get("insats", {})
    arrays = facet_arrays(searcher, facet_postings(searcher)).get("insats", {})
    if value not in postings:
        return pinned, []
    return pinned, [Expansion(DESCRIBED, value, postings[value], arrays[value], 0.0)]


def _reads_hits(plan: WordPlan) -> bool:
    """Whether the query says enough to read its best hits for the practice it means: it
    has FEEDBACK_WORDS content words, or one that names no place ("klättring": the sport
    tasters that offer it; "Rydaholm" asks for the village's examples, whatever they do).
    Query syntax (quotes, wildcards: a plan without written words) asks for what it writes."""
    if not plan.written:
        return False
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
    passing = named_once(searcher)
    return [v for v in facet_values(searcher.stored_fields(docnum), "insats")
            if v not in passing or not fastrank.has(passing[v], docnum)]


def _described_as(searcher: Searcher, values: Iterable[str]) -> list[Expansion]:
    """The practices read from the hits, as expansions."""
    postings = facet_postings(searcher)
    arrays = facet_arrays(searcher, postings).get("insats", {})
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
    practices = facet_arrays(searcher, facet_postings(searcher)).get("insats", {})
    return [*concept_boosts(plan, expansions, searcher), *run_together(actors, practices)]


def own_names(searcher: Searcher) -> OwnNames:
    """The own practices' names of several parts, for lookup by a query's words."""
    return FACET_CACHE.get(searcher, "own-names", lambda: OwnNames.of(_own_practices(searcher)))


def _own_practices(searcher: Searcher) -> dict[str, np.ndarray]:
    """Per practice an example proposed as its own (a key phrase no taxonomy term names, kept
    out of ``insats``), the examples that have it (sorted arrays): put together from each
    segment's (``_segment_own``) without the deleted examples."""
    def build() -> dict[str, np.ndarray]:
        out: dict[str, list[int]] = {}
        for sub, offset in searcher.reader().leaf_readers():
            table = SEGMENT_CACHE.get(searcher, sub, "own", lambda sub=sub: _segment_own(sub))
            deleted = sub.is_deleted
            for value, local in table.items():
                out.setdefault(value, []).extend(
                    offset + docnum for docnum in local if not deleted(docnum))
        return {value: np.array(sorted(set(ids)), dtype=np.int64)
                for value, ids in out.items() if ids}
    return FACET_CACHE.get(searcher, "own", build)


def _segment_own(reader: Any) -> dict[str, list[int]]:
    """Per own practice, the segment's documents (deleted ones too) that have it."""
    out: dict[str, list[int]] = {}
    for docnum in range(reader.doc_count_all()):
        fields = reader.stored_fields(docnum)
        public = set(facet_values(fields, "insats"))
        for value in (fields.get("doc") or {}).get("interventions") or []:
            if value not in public:
                out.setdefault(value, []).append(docnum)
    return out


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
    once = named_once(searcher) if searcher is not None else {}
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


def _places_apart(extra: Query | None) -> tuple[Query | None, Query | None]:
    """The ranking clauses of the municipalities the query names, and the others."""
    clauses = [] if extra is None else extra.subqueries if type(extra) is Or else [extra]
    places = [c for c in clauses if isinstance(c, PlaceTerm)]
    others = [c for c in clauses if not isinstance(c, PlaceTerm)]
    return _any_of(places), _any_of(others)


def _any_of(clauses: list[Query]) -> Query | None:
    return None if not clauses else clauses[0] if len(clauses) == 1 else Or(clauses)


def _add_place_bonus(scores: dict[int, float], bonus: dict[int, float], literal: set[int]
                     ) -> None:
    """Add what the municipalities the query names give their examples (in place); a hit
    without any of the query's own words (found through a concept) is not lifted above a hit
    with them that it was below ("Bankeryd": Jönköping's examples of the practice of the one
    example that writes it, which is Habo's)."""
    above = sorted(scores[d] for d in literal if d in scores)
    for docnum, extra_score in bonus.items():
        before = scores[docnum]
        scores[docnum] = before + extra_score
        at = bisect.bisect_right(above, before)
        if docnum not in literal and at < len(above):
            scores[docnum] = min(scores[docnum], above[at] * (1 - 1e-6))


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
    postings = facet_postings(searcher)
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


Ranking = tuple[fastrank.Ranked, list[Expansion], str | None]


def _ranked(searcher: Searcher, fq: Query | None, plan: WordPlan, top: int,
            known: dict[int, Ranking] | None = None) -> Ranking:
    """The fast ranking among the examples the filter allows, its expansions, and the note
    when it found its matches with fewer of the words (``_run_fast``, ``_run_fast_by_date``
    and ``_Page.count`` start with it). ``known``: the rankings already made for this plan
    and filter, by ``top`` (a suggestion counted, then run)."""
    if known is not None and top in known:
        return known[top]
    allowed = set(searcher.docs_for_query(fq)) if fq is not None else None
    ranked, expansions = _rank(searcher, plan, allowed, top)
    found = ranked, expansions, RELAXED if ranked.relaxed and len(ranked.matched) else None
    if known is not None:
        known[top] = found
    return found


def _run_fast(searcher: Searcher, q: Query, fq: Query | None, page: int, per_page: int,
              plan: WordPlan, extra: Query | None, known: dict[int, Ranking] | None = None
              ) -> Found:
    start = (page - 1) * per_page
    ranked, expansions, note = _ranked(searcher, fq, plan, start + per_page + CANDIDATES,
                                       known)
    facets = facet_counts(searcher, ranked.matched)
    total = len(ranked.matched)
    if not ranked.best or start >= total:
        return Found(total, [], facets, note, ranked.strong, ranked.written)
    scores = {d: sc for sc, d in ranked.best}
    places, others = _places_apart(extra)
    for docnum, extra_score in _bonus(searcher, others, set(scores)).items():
        scores[docnum] += extra_score
    _add_place_bonus(scores, _bonus(searcher, places, set(scores)), ranked.literal)
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
    memo: WordTerms = {}
    said = _said(searcher, plan, expansions, [docnum for docnum, _ in order])
    hits = [_snipped_hit(stored(docnum), score, terms, memo, *said[docnum])
            for docnum, score in order]
    return Found(total, hits, facets, note, ranked.strong, ranked.written)


def _said(searcher: Searcher, plan: WordPlan, expansions: list[Expansion], docnums: list[int]
          ) -> dict[int, tuple[list[str], list[str]]]:
    """Per hit, the concepts it was found through ("Träff via") and the words it lacks."""
    covered = coverage(searcher, plan, expansions, docnums, frozenset({AGE}))
    return {d: (_via(d, covered[d], expansions), covered[d].missing) for d in docnums}


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
        if len(terms) < 3 or doc_frequency(reader, RANK_FIELD, terms[0]):
            continue
        parts = written_terms(reader, terms[1:])
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
        if i in counted and doc_frequency(reader, RANK_FIELD, terms[0])))


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
        found = fastrank.terms_score(searcher, RANK_FIELD, lemma_words(e.concept),
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
    return FACET_CACHE.get(searcher, "id_ranks", build)


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
    depend on the order the examples were indexed in (their document numbers). One numpy
    sort: a key function per candidate cost a few milliseconds a search."""
    if not scores:
        return []
    docnums = np.fromiter(scores.keys(), dtype=np.int64, count=len(scores))
    values = np.fromiter(scores.values(), dtype=np.float64, count=len(scores))
    order = np.lexsort((docnums, id_ranks(searcher)[docnums], -np.round(values, TIE_DIGITS)))
    return list(zip(docnums[order].tolist(), values[order].tolist(), strict=True))


def _snipped_hit(stored: dict[str, Any], score: float | None, terms: frozenset[str],
                 memo: WordTerms, via: list[str] | None = None,
                 missing: list[str] | None = None) -> Hit:
    """A hit with its snippet: around the query's words, else the text's beginning."""
    snippet = make_snippet(stored.get("text", ""), terms, memo) if terms else ""
    return make_hit(stored, score, snippet or plain_snippet(stored.get("text", "")), via,
                    missing)


def _run(searcher: Searcher, q: Query, fq: Query | None, page: int, per_page: int,
         sort: str, rank: Query | None = None, plan: WordPlan | None = None,
         extra: Query | None = None, known: dict[int, Ranking] | None = None) -> Found:
    if plan is not None and plan.words and not isinstance(q, Every):
        if sort != "date":
            return _run_fast(searcher, q, fq, page, per_page, plan, extra, known)
        return _run_fast_by_date(searcher, q, fq, page, per_page, plan, known)
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
    memo: WordTerms = {}
    hits = []
    for hit in results[start:start + per_page]:
        hits.append(_snipped_hit(hit.fields(), hit.score, terms, memo))
    return Found(total, hits, facets)


def _run_fast_by_date(searcher: Searcher, q: Query, fq: Query | None, page: int,
                      per_page: int, plan: WordPlan, known: dict[int, Ranking] | None = None
                      ) -> Found:
    """Newest first among the examples the fast ranking matches (the same as by relevance)."""
    ranked, expansions, note = _ranked(searcher, fq, plan, 1, known)
    docs = set(ranked.matched)
    total = len(docs)
    facets = facet_counts(searcher, docs)
    start = (page - 1) * per_page
    if start >= total:
        return Found(total, [], facets, note, ranked.strong, ranked.written)
    hits = _by_date(searcher, q, docs, start, per_page, (plan, expansions))
    return Found(total, hits, facets, note, ranked.strong, ranked.written)


_DATES = SearcherCache()


def _date_order(searcher: Searcher) -> list[int]:
    """Every live document, newest first (the same date: last indexed first, as Whoosh's
    reversed sort), per index state."""
    def build() -> list[int]:
        reader = searcher.reader()
        dates = reader.column_reader("date")
        live = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
        return sorted(live, key=lambda d: (dates[d], d), reverse=True)

    return _DATES.get(searcher, "order", build)


def _by_date(searcher: Searcher, q: Query, docs: set[int] | None, start: int,
             per_page: int, matched: tuple[WordPlan, list[Expansion]] | None = None
             ) -> list[Hit]:
    """The hits ``start``… of ``docs`` (None: every document) newest first, undated last;
    with what each says of how it was found when the fast ranking ``matched`` them."""
    order = _date_order(searcher)
    picked = order[start:start + per_page] if docs is None else \
        list(itertools.islice((d for d in order if d in docs), start, start + per_page))
    terms = _highlight_terms(searcher, q)
    memo: WordTerms = {}
    said = _said(searcher, *matched, picked) if matched is not None else {}
    return [_snipped_hit(searcher.stored_fields(docnum), None, terms, memo,
                         *said.get(docnum, ([], []))) for docnum in picked]


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
# a filtered search whose examples have none of the query's words, only concepts near them
NOT_WRITTEN = ("Inget exempel med de valda filtren innehåller sökorden – exemplen nedan "
               "hittades via närliggande begrepp (”Träff via”).")
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



def _run_fuzzy(searcher: Searcher, text: str, at: _Page, thesaurus: Thesaurus) -> Found:
    """The search again with words spelled like the query's (when it found nothing)."""
    groups = fuzzy_words(searcher, text, thesaurus)
    if not groups:
        return Found(0, [], {})
    q = Or([Term(SEARCH_FIELD, term) for terms in groups for term in terms])
    return _run(searcher, q, at.fq, at.page, at.per_page, at.sort, None, WordPlan(groups))


@dataclass(frozen=True)
class _Page:
    """Which hits to fetch: the filter query and the page, its size and order."""

    fq: Query | None
    page: int
    per_page: int
    sort: str

    def run(self, searcher: Searcher, q: Query, rank: Query | None, plan: WordPlan | None,
            extra: Query | None, known: dict[int, Ranking] | None = None) -> Found:
        return _run(searcher, q, self.fq, self.page, self.per_page, self.sort, rank, plan,
                    extra, known)

    def count(self, searcher: Searcher, q: Query, rank: Query | None, plan: WordPlan | None,
              extra: Query | None, known: dict[int, Ranking] | None = None) -> Found:
        """What ``run`` finds without its hits and facets: the total, how many have a word
        that counts and the note, from the ranking alone (``_ranked``, as ``_run_fast`` and
        ``_run_fast_by_date`` start). The hits' scores on top, nearness and snippets were
        most of the cost of a search run only to be compared."""
        if plan is None or not plan.words or isinstance(q, Every):
            return self.run(searcher, q, rank, plan, extra)
        top = 1 if self.sort == "date" else self.page * self.per_page + CANDIDATES
        ranked, _, note = _ranked(searcher, self.fq, plan, top, known)
        return Found(len(ranked.matched), [], {}, note, ranked.strong, ranked.written)


@dataclass
class _Suggested:
    """A "menade du" text's queries and word plan, built once: it is counted first and run
    only when offered, on the same ranking (``known``)."""

    q: Query
    rank: Query | None
    extra: Query | None
    plan: WordPlan | None
    known: dict[int, Ranking]

    @classmethod
    def of(cls, searcher: Searcher, schema: Any, text: str, thesaurus: Thesaurus
           ) -> _Suggested:
        q, rank, extra = build_queries(schema, text)
        return cls(q, rank, extra, word_plan(searcher, text, q, thesaurus), {})

    def count(self, searcher: Searcher, at: _Page) -> Found:
        return at.count(searcher, self.q, self.rank, self.plan, self.extra, self.known)

    def run(self, searcher: Searcher, at: _Page) -> Found:
        return at.run(searcher, self.q, self.rank, self.plan, self.extra, self.known)


def _run_query(searcher: Searcher, text: str, queries: tuple[Query, Query | None, Query | None],
               at: _Page, thesaurus: Thesaurus, fuzzy: bool = True) -> Found:
    """The hits of the query; when it finds nothing (and ``fuzzy``), those of similarly
    spelled words (and a note saying so)."""
    q, rank, extra = queries
    found = at.run(searcher, q, rank, word_plan(searcher, text, q, thesaurus), extra)
    if fuzzy and found.total == 0 and not isinstance(q, Every):
        return _fuzzy_fallback(searcher, text, at, thesaurus)
    return found


def _fuzzy_fallback(searcher: Searcher, text: str, at: _Page, thesaurus: Thesaurus) -> Found:
    """The words spelled like the query's (none of its hits has a word of its own)."""
    found = _run_fuzzy(searcher, text, at, thesaurus)
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
    if total == 0 and not note:  # a query cut to its limits may still find nothing
        note = NO_HITS
        if related:
            note += " Närliggande begrepp: " + ", ".join(related) + "."
    return " ".join(m for m in (limited.message, note) if m) or None


MAX_DROPPED = 5  # filter values tried one at a time when a filtered search finds nothing


def without_each_filter(searcher: Searcher, schema: Any, text: str,
                        filters: dict[str, list[str]], thesaurus: Thesaurus
                        ) -> list[DroppedFilter]:
    """For a search that found nothing with its filters (or only examples through concepts
    near its words): how many it finds without each of the first MAX_DROPPED filter values
    (only those that find something)."""
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


NOT_CORRECTED: tuple[None, None, tuple[str, ...]] = (None, None, ())


def _corrected(searcher: Searcher, schema: Any, text: str, q: Query, found: Found, at: _Page,
               thesaurus: Thesaurus) -> tuple[str | None, Found | None, tuple[str, ...]]:
    """The "menade du" suggestion for the query's unknown words, its hits, and the misspelled
    words it was offered for. Offered when it finds more: more examples than the query's
    known words alone (an unknown word finds nothing as itself, only through its parts or
    similar spellings), or more examples with every one of its words (beside a common known
    word, "föräldrar hembesk", the known word alone finds as many examples as the suggestion,
    but none of them has both), or, when no hit of the query has a word that counts (all found
    by common words: "anknytninen och skolan"), some hits of the suggestion do. Else offered
    when every word it replaces is misspelled (``spelling.misspelled``) and it finds something: the
    query found its hits without that word ("akuta ärenfen går före hembesöken" ranked its 32
    examples by the other words alone); those words are returned, for the page to name."""
    if isinstance(q, Every):
        return NOT_CORRECTED
    suggestion = suggest(searcher, text, thesaurus)
    if not suggestion:
        return NOT_CORRECTED
    suggested = _Suggested.of(searcher, schema, suggestion, thesaurus)
    better = suggested.count(searcher, at)
    replaced = set(query_words(text)) - set(query_words(suggestion))
    known = " ".join(w for w in query_words(text) if w not in replaced)
    if _only_split(text, suggestion):  # the query already found the word by its parts
        offered = better.total > found.total
    else:  # the known words alone are counted last: they need a word plan of their own
        offered = found.strong == 0 and better.strong or better.total and (
            _more_with_every_word(searcher, text, suggestion, thesaurus)
            or better.total > _known_alone(searcher, schema, known, found, at, thesaurus))
    typos: tuple[str, ...] = ()
    if not offered:
        typos = tuple(w for w in query_words(text) if w in replaced)
        if not (better.total and typos
                and all(misspelled(searcher, w, thesaurus) for w in typos)):
            return NOT_CORRECTED
    return suggestion, suggested.run(searcher, at), typos


def _known_alone(searcher: Searcher, schema: Any, known: str, found: Found, at: _Page,
                 thesaurus: Thesaurus) -> int:
    """How many examples the query's known words find alone (none when it found none)."""
    if not known or found.total == 0:
        return 0
    return _Suggested.of(searcher, schema, known, thesaurus).count(searcher, at).total


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
        if doc_frequency(reader, RANK_FIELD, term):
            return [term]
        return [term, *written_terms(reader, ring_terms(word, thesaurus))]

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
    words_text = QUESTION_MARK.sub("", limited.text)  # the text the query is built from
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
    suggestion, better, typos = _corrected(searcher, schema, words_text, q, found, at,
                                           thesaurus)
    read_joined = bool(joined) and suggestion is None
    if read_joined:  # the hits are for the word: say so, as for a typo
        suggestion, better = joined, found
    found = better or found
    if better is None and found.total == 0 and not isinstance(q, Every):
        found = _fuzzy_fallback(searcher, words_text, at, thesaurus)
    note = found.note or note
    total = found.total
    related_only = bool(filters) and total > 0 and found.written == 0
    dropped = without_each_filter(searcher, schema, words_text, filters, thesaurus) \
        if filters and (total == 0 or related_only) else []
    if related_only:  # a note already given (fewer words, similar words) says enough
        note = note or NOT_WRITTEN
        dropped = [d for d in dropped if d.total > total]
    # made here from typed parts: not validated again on every search
    return SearchResult.model_construct(
        query=limited.text, total=total, hits=found.hits, facets=found.facets,
        suggestion=suggestion, page=page, pages=math.ceil(total / per_page) if total else 0,
        per_page=per_page, sort=sort, filters=filters, corrected=better is not None,
        joined=read_joined, misspelled=list(typos),
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
