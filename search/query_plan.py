"""How a query of plain words is matched (``word_plan``): each word's index terms, the
concepts the query names and by which of its words, how many words an example needs and how
much each word weighs."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from whoosh.query import Every, MultiTerm, Or, Query, Term
from whoosh.searching import Searcher

from ingest.tagging.lemmas import is_known
from ingest.tagging.thesaurus import Concept, Thesaurus
from search import query_ages
from search.analysis import (
    compound_parts,
    infinitives,
    known_compound_parts,
    lemma,
    pair_spans,
    query_words,
    variants,
    verb_base,
    word_parts,
)
from search.query_actors import ACTOR_WORD_WEIGHT, NamedActor, named_actors
from search.query_asker import ASKER_PLACE_WEIGHT, askers_places
from search.query_compounds import joined_at, written_apart
from search.query_feedback import INTERVENTION
from search.query_labels import LABEL_WEIGHT, label_terms, ring_labels, ring_terms
from search.query_limits import MAX_EXPANSIONS, MAX_QUERY_CHARS, MAX_WORDS
from search.query_parse import is_plain, plain_terms, tagged_terms
from search.schema import RANK_FIELD, SEARCH_FIELD
from search.searcher_cache import doc_frequency

# A query that names a concept (by any of its terms: "skolk" → närvaroarbete) also finds the
# examples tagged with it, as one more word weighted this much below a literal word.
EXPANSION_WEIGHTS = {"intervention": ("insats", 2.0), "focus_area": ("fokus", 0.15)}
# A query that names a focus area and no practice ("motion för barn", "klara skolan") asks for
# the area: its examples then get this weight, above the query's common words.
AREA_ONLY_WEIGHT = 2.0
Concepts = tuple[tuple[str, str, float], ...]  # (tag kind, value, weight) named by a query
# A long query (LONG_QUERY content words or more) finds the examples that have at least this
# share of its content words that count (not a common word, not the asker's own place), a word
# counting also when the example is tagged with a concept the word names; when fewer than
# ENOUGH_HITS examples have that many, one word less is needed, down to one (and the message
# says so). A long question of which only one or two words count needs them all: "vi är en
# skola och undrar hur fler elever kan komma till skolan" needs "komma" and "skolan", not
# either (105 of 128 examples).
MIN_SHOULD_MATCH = 0.6
LONG_QUERY = 3
ENOUGH_HITS = 10  # a page
# A word naming a concept counts fully for the concept's examples when it names it this
# closely (itself, or a topic's closest practice), in proportion below.
FULL_CREDIT = 0.8
COMMON_SHARE = 0.5  # a word in more than this share of the examples is a common word
PART_WEIGHT = 0.3  # the parts of a compound no example writes, when it names a concept
GENERIC_SHARE = 0.15  # a word in this share of the examples or more: a generic compound head


def required_words(n: int, written: int) -> int:
    """How many of the ``n`` content words that count an example needs, in a query of
    ``written`` content words."""
    return 1 if written < LONG_QUERY else max(1, math.ceil(MIN_SHOULD_MATCH * n))


def named_concepts(text: str, thesaurus: Thesaurus) -> Concepts:
    """The interventions and focus areas a plain query names: by the tagger's rules (weight
    1), or by the thesaurus's other terms ("mobbning" → kamratstöd, rastaktiviteter …), in
    the query as written or in its content words alone ("hur stödjer vi föräldrar" names
    what "stödja föräldrar" names). The tagger's rules do not look inside the thesaurus's
    long labels ("inte vill gå till skolan" is absence, not a way to school)."""
    text = text[:MAX_QUERY_CHARS]
    weights = {(kind, value): 1.0
               for kind, value in tagged_terms(thesaurus.without_long_labels(text))
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
    words = word_terms(searcher, text, q)
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
    counts = [i in naming or doc_frequency(reader, RANK_FIELD, terms[0]) <= common
              for i, terms in enumerate(words)]
    if not any(counts):
        counts = [True] * len(words)
    # a word no example writes that names a concept ("föräldrataxi") is the concept; its
    # compound parts ("förälder", "taxi") still score, as a word of their own that does not count
    weights = [1.0] * len(words)
    own_count = len(words)
    for i, terms in enumerate(list(words)):
        if i in naming and len(terms) > 1 and not doc_frequency(reader, RANK_FIELD, terms[0]):
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
    _generic_heads_apart(reader, written, words, counts, weights)
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
        i in naming or any(doc_frequency(reader, RANK_FIELD, t) for t in terms)))
    return WordPlan(words, concepts, tuple(named.items()), required_words(present, len(written)),
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


def _generic_heads_apart(reader: Any, written: list[str], words: list[list[str]],
                         counts: list[bool], weights: list[float]) -> None:
    """A compound no example writes, of which no example writes the first part either
    ("juniorledare", "stämpelkort"), has only its last part to go by; when that is a word
    many examples write (GENERIC_SHARE: "ledare", 28 of 128), an example that writes it says
    nothing of the compound: the last part becomes a word of its own that scores as before
    and counts for nothing, as a common word (in place). A last part few write still counts:
    a "minigympa" is "gympa"."""
    generic = GENERIC_SHARE * reader.doc_count_all()
    for i, word in enumerate(written[:len(counts)]):
        terms = words[i]
        if not counts[i] or len(terms) < 2 or doc_frequency(reader, RANK_FIELD, terms[0]):
            continue
        parts = word_parts(word)
        head = [t for t in parts[-1] if t in terms] if len(parts) > 1 else []
        rest = [t for t in terms if t not in head]
        if not head or any(doc_frequency(reader, RANK_FIELD, t) for group in parts[:-1]
                           for t in group) \
                or max(doc_frequency(reader, RANK_FIELD, t) for t in head) < generic:
            continue
        words[i] = rest
        words.append(head)
        counts.append(False)
        weights.append(weights[i])


def known_word(reader: Any, thesaurus: Thesaurus) -> Callable[[str], bool]:
    """Whether a word is one that some example writes (as its lemma) or a one-word label of
    the thesaurus."""
    labels = thesaurus.one_word_labels
    return lambda word: bool(doc_frequency(reader, RANK_FIELD, lemma(word))) or word in labels


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
        if i not in naming and len(terms) == 1 and not doc_frequency(reader, RANK_FIELD, terms[0]) \
                and not thesaurus.labelled(word):
            parts = [written_terms(reader, part) for part in known_compound_parts(word)]
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
        terms = written_terms(reader, ring_labels(value, thesaurus) if kind == INTERVENTION else ())
        if terms:
            out.append((value, tuple(terms)))
    return tuple(out)


def written_terms(reader: Any, terms: Iterable[str]) -> list[str]:
    """The terms some example has."""
    return [t for t in terms if doc_frequency(reader, RANK_FIELD, t)]


def _with_joined_rings(reader: Any, text: str, words: list[list[str]], thesaurus: Thesaurus
                       ) -> list[list[str]]:
    """Each word's terms; the two words of a compound the query writes apart that labels a
    synonym ring and that no example writes ("fråge låda": frågelåda) also have the ring's
    other one-word labels that examples write ("brevlåda"), as ``_with_rings`` gives them to
    the compound written whole."""
    out = [list(terms) for terms in words]
    for label, i, j in joined_at(text, thesaurus):
        if j >= len(out) or doc_frequency(reader, RANK_FIELD, lemma(label)):
            continue
        ring = written_terms(reader, ring_terms(label, thesaurus))
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
        if i < len(written) and not doc_frequency(reader, RANK_FIELD, terms[0]):
            terms = [*terms, *(t for t in written_terms(reader, ring_terms(written[i], thesaurus))
                               if t not in terms)]
        out.append(terms)
    return out


def _label_words(reader: Any, text: str, words: list[list[str]], thesaurus: Thesaurus
                 ) -> list[str]:
    """The index terms of the other one-word labels of the concepts the query labels
    (search.query_labels), that some example has."""
    own = {t for terms in words for t in terms}
    return [t for t in label_terms(text, own, thesaurus) if doc_frequency(reader, RANK_FIELD, t)]


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
                    and 0 < doc_frequency(reader, RANK_FIELD, term) <= common:
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


def word_terms(searcher: Searcher, text: str, q: Query) -> list[list[str]] | None:
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
    another word's form ("strand" as a form of the verb "stranda") that no example has, or when
    it is a verb's base form after an infinitive marker that the table reads as another word
    ("att klara": klar, "kan vi träna": träd): the index keeps every written form and its lemma,
    so the word as written finds the examples that write it or one of its own forms ("klarade",
    "tränar")."""
    reader = searcher.reader()
    verbs = infinitives(text)
    out = []
    for word, terms in zip(query_words(text)[:MAX_WORDS], words, strict=False):
        if terms and word != terms[0] and word not in terms and word.isalpha() \
                and doc_frequency(reader, RANK_FIELD, word) \
                and (not doc_frequency(reader, RANK_FIELD, terms[0])
                     or word in verbs and verb_base(word)):
            terms = [*terms, word]
        out.append(terms)
    return out

