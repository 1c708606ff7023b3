"""The thesaurus: the taxonomy's concepts with their other terms, in the SKOS sense.

Every focus area and intervention of ingest/data/taxonomy.yaml is a concept (its name the
preferred label); the file's ``thesaurus`` section adds alternative labels (everyday words,
synonyms, abbreviations), hidden labels (misspellings, spellings without å/ä/ö) and related
interventions, and concepts of their own that are no practice but a problem or need a team
works on ("mobbning", "ensamhet": topics), each with its related interventions, best first.
A topic related to nothing is a synonym ring: a practice teams run that the taxonomy does not
name ("föräldrakaffe"), which other topics may list among their related practices. A concept's
focus areas are its broader concepts.

``seed()`` is that file's thesaurus. Coordinators change it (search/thesaurus_edits.py keeps
their changes in the catalogue); ``Thesaurus.edited`` makes the changed value, which is never
changed in place. ``Thesaurus.named(text)`` finds the concepts a short text (a search query)
names by any of their labels, compared word by word on lemmas or as written, and says what
each stands for: an intervention or focus area itself, or, for a topic, its related
interventions (weighted by their order) and its focus areas.

The tagger reads the thesaurus installed with ``use`` (the seed unless a caller installs
another): an intervention's alternative and hidden labels are trigger words of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from ingest.lexicon import FUNCTION_WORDS, NEGATIONS
from ingest.model import FOCUS_AREA, INTERVENTION
from ingest.tagging.compounds import split_compound
from ingest.tagging.lemmas import lemmatize
from ingest.tagging.taxonomy import taxonomy

TOPIC = "topic"
KINDS = (FOCUS_AREA, INTERVENTION, TOPIC)
ALT, HIDDEN = "alt", "hidden"
LABEL_TYPES = (ALT, HIDDEN)
MAX_LABEL_WORDS = 5
MAX_LABEL_CHARS = 60
# What a topic's related interventions count for, by their order (the first is the closest).
RELATED_WEIGHTS = (0.8, 0.6, 0.5)
_WORD = re.compile(r"\w+(?:-\w+)*")
# A compound names the concept of a one-word label it ends with (``Thesaurus.labelled`` with
# gaps): a label of at least MIN_HEAD letters after at least MIN_HEAD_PREFIX letters, that
# begins where one of the compound's parts does ("gemensam" does not end with "ensam").
MIN_HEAD, MIN_HEAD_PREFIX = 5, 3
LONG_LABEL = 4  # words: a label this long is read as a whole (``without_long_labels``)


def slug(name: str) -> str:
    """A concept key made from a name: lower case ASCII letters and digits joined by "-"."""
    folded = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", folded))


def clean_label(label: str) -> str:
    """A label as stored: whitespace collapsed, lower case unless it is an abbreviation."""
    label = " ".join(label.split())
    return label if label.isupper() and len(label) <= 6 else label.lower()


@dataclass(frozen=True)
class Concept:
    """One concept: its key, kind, preferred label and other labels, relations, focus areas."""

    key: str
    kind: str  # intervention | focus_area | topic
    pref: str
    alt: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # practices (interventions, rings) by name, closest first
    focus_areas: tuple[str, ...] = ()  # the broader concepts
    definition: str = ""

    def labels(self) -> tuple[str, ...]:
        return (self.pref, *self.alt, *self.hidden)

    @property
    def is_ring(self) -> bool:
        """A synonym ring: a topic related to nothing (a practice teams run that the taxonomy
        does not name, or a detail examples write in their own words)."""
        return self.kind == TOPIC and not self.related

    def has_label(self, label: str) -> bool:
        wanted = clean_label(label)
        return any(clean_label(x) == wanted for x in self.labels())

    def with_label(self, label: str, label_type: str) -> Concept:
        if self.has_label(label):
            return self
        field_name = HIDDEN if label_type == HIDDEN else ALT
        return replace(self, **{field_name: (*getattr(self, field_name), clean_label(label))})

    def without_label(self, label: str) -> Concept:
        wanted = clean_label(label)
        return replace(self, alt=tuple(x for x in self.alt if clean_label(x) != wanted),
                       hidden=tuple(x for x in self.hidden if clean_label(x) != wanted))


def _lemma(word: str) -> str:
    """A label word as a label is matched by its lemma: a function word as written (the lemma
    table reads the articles and pronouns as one another, "de" and "ett" both "en", so "de
    minsta" would be any "ett litet …")."""
    return word if word in FUNCTION_WORDS else lemmatize(word)


def _negated(words: list[str]) -> tuple[list[int], list[str]]:
    """The positions of the words that say "not" by another word than "inte" ("aldrig",
    "ej"), and the words with those read as "inte" (labels are matched as written first)."""
    at = [j for j, w in enumerate(words) if w in NEGATIONS]
    return at, (["inte" if w in NEGATIONS else w for w in words] if at else words)


def _around(at: list[int], size: int, length: int) -> list[int]:
    """The starts of the windows of ``size`` words that hold one of the positions ``at``."""
    return sorted({i for j in at for i in range(max(0, j - size + 1), min(j, length - size) + 1)})


def _keys(label: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(label)]
    return {tuple(words), tuple(_lemma(w) for w in words)} if words else set()


@dataclass(frozen=True, eq=False)
class Thesaurus:
    """Every concept, focus areas first, then interventions, then topics; compared by
    identity (a changed thesaurus is a new value, see ``edited``)."""

    concepts: tuple[Concept, ...]
    version: str = "seed"
    _by_key: dict[str, Concept] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {c.key: c for c in self.concepts})

    def __reduce__(self) -> tuple:
        return (Thesaurus, (self.concepts, self.version))  # sent to a reader without caches

    def concept(self, key: str) -> Concept | None:
        return self._by_key.get(key)

    def find(self, name: str) -> Concept | None:
        """The concept with this key or preferred label."""
        return self._by_key.get(name) or self._by_pref.get(name.strip().lower())

    @cached_property
    def _by_pref(self) -> dict[str, Concept]:
        """The concepts by preferred label (lowercase), the first of any that share one."""
        out: dict[str, Concept] = {}
        for concept in self.concepts:
            out.setdefault(concept.pref.lower(), concept)
        return out

    @cached_property
    def one_word_labels(self) -> frozenset[str]:
        """The preferred and alternative labels of one word, lowercase (not the hidden ones:
        those are misspellings)."""
        return frozenset(label.lower() for concept in self.concepts
                         for label in (concept.pref, *concept.alt) if label.isalpha())

    def edited(self, concepts: Iterable[Concept], version: str) -> Thesaurus:
        """This thesaurus with these concepts replaced (same key) or added (a new key)."""
        changed = {c.key: c for c in concepts}
        kept = [changed.pop(c.key, c) for c in self.concepts]
        return Thesaurus((*kept, *changed.values()), version)

    @cached_property
    def _index(self) -> dict[tuple[str, ...], tuple[Concept, ...]]:
        """Label words (as written, and as lemmas) → the concepts with that label."""
        index: dict[tuple[str, ...], list[Concept]] = {}
        for concept in self.concepts:
            for label in concept.labels():
                for key in _keys(label):
                    if 0 < len(key) <= MAX_LABEL_WORDS and concept not in index.get(key, []):
                        index.setdefault(key, []).append(concept)
        return {key: tuple(found) for key, found in index.items()}

    @cached_property
    def _lengths(self) -> dict[str, frozenset[int]]:
        """A label's first word (as written, and as lemma) → the lengths in words of the labels
        it begins: a position whose word begins none need not be looked up at all."""
        lengths: dict[str, set[int]] = {}
        for key in self._index:
            lengths.setdefault(key[0], set()).add(len(key))
        return {word: frozenset(found) for word, found in lengths.items()}

    def _starts(self, words: list[str], lemmas: list[str]) -> list[frozenset[int]]:
        """Per position, the lengths of the labels that may begin there (``_take`` looks a
        label up as written and with its words' lemmas)."""
        lengths, none = self._lengths, frozenset()
        return [lengths.get(w, none) | lengths.get(w if w in FUNCTION_WORDS else lemma, none)
                for w, lemma in zip(words, lemmas, strict=True)]

    def label_index(self) -> dict[tuple[str, ...], tuple[Concept, ...]]:
        """Label words (as written, and as lemmas) → the concepts with that label."""
        return self._index

    def use_label_index(self, index: dict[tuple[str, ...], tuple[Concept, ...]]) -> None:
        """Take ``label_index()`` of an equal thesaurus (same version) made earlier, instead
        of lemmatising every label again (no effect once the index is made)."""
        self.__dict__.setdefault("_index", index)

    def labelled(self, text: str, gaps: bool = False) -> list[Concept]:
        """The concepts whose labels the text contains, longest labels first, each word used
        once; with ``gaps`` also a label of two or more words with one other word inside it
        ("borta mycket från skolan" has "borta från skolan"), after the labels as written,
        and then for a word still unused the one-word label it ends with ("skolfrånvaro")."""
        words = [w.lower() for w in _WORD.findall(text)]
        lemmas = [lemmatize(w) for w in words]
        used = [False] * len(words)
        found: list[Concept] = []
        negated, read = _negated(words)
        starts = self._starts(words, lemmas)
        read_starts = self._starts(read, lemmas) if negated else starts
        for n in range(min(MAX_LABEL_WORDS, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                if n in starts[i]:
                    self._take(words, lemmas, list(range(i, i + n)), used, found)
            for i in _around(negated, n, len(words)) if negated else ():
                if n in read_starts[i]:
                    self._take(read, lemmas, list(range(i, i + n)), used, found)
        for n in range(min(MAX_LABEL_WORDS, len(words) - 1), 1, -1) if gaps else ():
            for i in range(len(words) - n):
                if n not in starts[i]:
                    continue
                for skip in range(i + 1, i + n):
                    at = [j for j in range(i, i + n + 1) if j != skip]
                    self._take(words, lemmas, at, used, found)
        for j in range(len(words)) if gaps else ():
            if not used[j]:
                self._take_head(lemmas[j], found)
        return found

    def without_long_labels(self, text: str) -> str:
        """The text's words without those of its labels of LONG_LABEL words or more ("inte
        vill gå till skolan"): such a phrase says what it means as a whole, and the rules
        for shorter phrases inside it ("gå till skolan") do not apply to its words."""
        words = _WORD.findall(text)
        lower = [w.lower() for w in words]
        used = [False] * len(words)
        self.long_labels(lower, [lemmatize(w) for w in lower], used)
        return " ".join(w for w, u in zip(words, used, strict=True) if not u)

    def long_labels(self, lower: list[str], lemmas: list[str], used: list[bool] | None = None
                    ) -> list[tuple[int, int, Concept]]:
        """(start, end, concept) of the labels of LONG_LABEL words or more in a sequence of
        words (lowercase, and their lemmas), longest first, each word used once (``used``
        marks them)."""
        used = [False] * len(lower) if used is None else used
        out: list[tuple[int, int, Concept]] = []
        negated, read = _negated(lower)
        plain = self._starts(lower, lemmas)
        negative = self._starts(read, lemmas) if negated else plain
        for n in range(min(MAX_LABEL_WORDS, len(lower)), LONG_LABEL - 1, -1):
            starts = [(lower, plain, i) for i in range(len(lower) - n + 1)]
            if negated:
                starts += [(read, negative, i) for i in _around(negated, n, len(lower))]
            for words, can, i in starts:
                if n not in can[i]:
                    continue
                found: list[Concept] = []
                self._take(words, lemmas, list(range(i, i + n)), used, found)
                out += [(i, i + n, c) for c in found]
        return out

    def _take_head(self, word: str, found: list[Concept]) -> None:
        """Adds the concepts of a one-word label the word ends with, as a compound's last
        part ("skolfrånvaro" → frånvaro, "kvällsläxhjälp" → läxhjälp): the longest such."""
        index = self._index
        parts = split_compound(word)
        heads = {"".join(parts[m:]) for m in range(1, len(parts))}
        for k in range(MIN_HEAD_PREFIX, len(word) - MIN_HEAD + 1):
            hits = index.get((word[k:],)) if word[k:] in heads else None
            if hits:
                found.extend(c for c in hits if c not in found)
                return

    def _take(self, words: list[str], lemmas: list[str], at: list[int], used: list[bool],
              found: list[Concept]) -> None:
        """Adds the concepts labelled by the words at these positions (none of them used)."""
        for j in at:
            if used[j]:
                return
        index = self._index
        written = tuple([words[j] for j in at])
        # a function word as written, whoever made the lemmas (``_lemma``)
        hits = index.get(written) or index.get(tuple(
            [w if w in FUNCTION_WORDS else lemmas[j] for j, w in zip(at, written, strict=True)]))
        if hits:
            for j in at:
                used[j] = True
            found.extend(c for c in hits if c not in found)

    def named(self, text: str, gaps: bool = False) -> list[tuple[str, str, float]]:
        """(kind, value, weight) of the interventions and focus areas the text names: a
        concept itself with weight 1, a topic's related interventions with RELATED_WEIGHTS by
        their order, and its focus areas with weight 1 (``gaps``: as ``labelled``)."""
        return self.stands_for(self.labelled(text, gaps))

    @staticmethod
    def stands_for(concepts: Iterable[Concept]) -> list[tuple[str, str, float]]:
        """(kind, value, weight) of what the concepts stand for, as ``named`` says."""
        weights: dict[tuple[str, str], float] = {}

        def add(kind: str, value: str, weight: float) -> None:
            weights[kind, value] = max(weight, weights.get((kind, value), 0.0))

        for concept in concepts:
            if concept.kind == TOPIC:
                for rank, name in enumerate(concept.related):
                    add(INTERVENTION, name,
                        RELATED_WEIGHTS[min(rank, len(RELATED_WEIGHTS) - 1)])
                for area in concept.focus_areas:
                    add(FOCUS_AREA, area, 1.0)
            else:
                add(concept.kind, concept.pref, 1.0)
        return [(kind, value, weight) for (kind, value), weight in weights.items()]

    def trigger_labels(self) -> list[tuple[str, str, str]]:
        """(intervention, label, alt | hidden) for the tagger: every alternative and hidden
        label of an intervention."""
        return [(c.pref, label, label_type) for c in self.concepts if c.kind == INTERVENTION
                for label_type in LABEL_TYPES for label in getattr(c, label_type)]


def _strs(items: object) -> tuple[str, ...]:
    return tuple(str(x) for x in items or ()) if isinstance(items, list | tuple) else ()


@lru_cache(maxsize=1)
def seed() -> Thesaurus:
    """The thesaurus of ingest/data/taxonomy.yaml."""
    tax = taxonomy()
    extra = tax.thesaurus
    areas = extra.get("focus_areas") or {}
    items = extra.get("interventions") or {}
    topics = extra.get("topics") or []
    # a topic is related to interventions, and to synonym rings (topics related to nothing:
    # practices teams run that the taxonomy does not name, "föräldrakaffe")
    by_slug = {**{str(t["slug"]): str(t["pref"]) for t in topics if not t.get("related")},
               **{i.slug: i.name for i in tax.interventions}}

    def related(entry: dict) -> tuple[str, ...]:
        return tuple(by_slug[s] for s in _strs(entry.get("related")) if s in by_slug)

    out = [Concept(slug(a.name), FOCUS_AREA, a.name, _strs((areas.get(a.name) or {}).get(ALT)),
                   _strs((areas.get(a.name) or {}).get(HIDDEN)), (), (), a.description)
           for a in tax.focus_areas]
    for i in tax.interventions:
        entry = items.get(i.slug) or {}
        out.append(Concept(i.slug, INTERVENTION, i.name, _strs(entry.get(ALT)),
                           _strs(entry.get(HIDDEN)), related(entry), i.focus_areas,
                           i.description))
    for topic in topics:
        out.append(Concept(str(topic["slug"]), TOPIC, str(topic["pref"]),
                           _strs(topic.get(ALT)), _strs(topic.get(HIDDEN)), related(topic),
                           _strs(topic.get("focus_areas"))))
    return Thesaurus(tuple(out))


_current: list[Thesaurus] = []


def current() -> Thesaurus:
    """The thesaurus the tagger reads: the one installed with ``use``, else the seed."""
    return _current[0] if _current else seed()


def use(thesaurus: Thesaurus | None) -> None:
    """Install the thesaurus the tagger reads in this process (None: the seed)."""
    _current[:] = [thesaurus] if thesaurus is not None else []

