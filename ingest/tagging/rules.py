"""The taxonomy's matching rules as plain data (no spaCy): trigger phrases as lemma and
lowercase word sequences, compound heads and parts, co-occurrences, prefixed and ignored words.

``rules()`` is the one source of these tables: the spaCy engine (nlp.py) builds its phrase
matchers and compound rules from them, and ``query.py`` matches them on short texts directly.
Trigger texts are split into words by ``words.tokenize``, as spaCy's Swedish tokenizer splits
them (tests/tagging/test_words.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, TypeVar

from ingest.lexicon import RULE_LEMMAS
from ingest.tagging.compounds import split_compound
from ingest.tagging.lemmas import lemmatize, verb_reading
from ingest.tagging.taxonomy import taxonomy
from ingest.tagging.thesaurus import ALT, Concept, Thesaurus, current
from ingest.tagging.words import tokenize

# A word written with a hyphen between two parts of a compound: a first part of three letters
# or more, later parts in lowercase ("närvaro-teamet", "SMS-rutin", "hembesöks-programmet"; not
# "e-post", "Ann-Sofie" or the "på-veckor" of "prova på-veckor").
_HYPHENATED = re.compile(r"^[^\W\d_]{3,}(?:-[a-zåäöéü][^\W\d_]*)+$")


@lru_cache(maxsize=100_000)
def match_lemma(word: str) -> str:
    """The lemma the taxonomy's rules compare a word by: its lemma, and for a compound written
    with a hyphen the lemma of the joined word, so that "rörelse-pass" triggers what
    "rörelsepass" does. The tagger's tokens and the rules' triggers both go through it."""
    if "-" in word and _HYPHENATED.match(word):
        return lemmatize(word.replace("-", ""))
    return RULE_LEMMAS.get(word.lower()) or lemmatize(word)


class Hit(NamedTuple):
    """A taxonomy term found at tokens ``start:end`` (the spaCy engine and the plain query
    analysis both report these)."""

    kind: str
    value: str
    start: int  # token index
    end: int  # token index (exclusive)
    via: str = "phrase"  # phrase | head | part | near | near3

# Rule kinds besides the Tag kinds: inspiration expressions.
INSP_FROM = "insp_from"
INSP_TO = "insp_to"
INSP_BEFORE = "insp_before"
INSPIRATION = (INSP_FROM, INSP_TO, INSP_BEFORE)

NEAR_SPAN = 25  # tokens from the first to the last word of a co-occurrence
# kind, value, words: each word a tuple of alternative lemmas ("*x": any lemma ending in x)
NearRule = tuple[str, str, tuple[tuple[str, ...], ...]]
HitT = TypeVar("HitT", bound=Hit)


@dataclass(frozen=True)
class Phrase:
    kind: str
    value: str
    trigger: str  # the text as written in the taxonomy (without a leading "*")
    lemmas: tuple[str, ...]  # () for inspiration expressions (matched on lowercase only)
    lower: tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    phrases: tuple[Phrase, ...]
    heads: dict[str, list[tuple[str, str]]]  # single-word trigger lemma → (kind, value)
    parts: dict[str, list[tuple[str, str]]]  # "*"-trigger lemma → (kind, value)
    near: list[NearRule]  # words in one sentence
    ignore: frozenset[str]  # lemmas that never trigger anything
    prefixed: list[tuple[str, str, tuple[str, ...], str]]  # kind, value, lemmas, last prefix
    stages: dict[str, tuple[str, ...]]  # stage → triggers (matched on lowercase)
    weak: frozenset[tuple[str, str]] = frozenset()  # (intervention, lemma) of weak words
    # lowercase words of the phrases inside which nothing triggers ("prova på att")
    ignore_phrases: tuple[tuple[str, ...], ...] = ()


def _triggers() -> list[tuple[str, str, str]]:
    """(kind, value, trigger) for every taxonomy trigger."""
    tax = taxonomy()
    out: list[tuple[str, str, str]] = []
    for area in tax.focus_areas:
        out += [("focus_area", area.name, t) for t in area.triggers]
    for item in tax.interventions:
        out += [("intervention", item.name, t) for t in (*item.triggers, item.name)]
    for value, triggers in tax.actors.items():
        out += [("actor", value, t) for t in triggers]
    for value, triggers in tax.age_groups.items():
        out += [("age_group", value, t) for t in triggers]
    out += [(INSP_FROM, "", t) for t in tax.inspiration_from]
    out += [(INSP_TO, "", t) for t in tax.inspiration_to]
    out += [(INSP_BEFORE, "", t) for t in tax.inspiration_from_before]
    return out


_preset: list[Rules] = []


def preset(value: Rules) -> None:
    """Use ``value``, the rules as built from the same taxonomy and tables earlier (stored by
    search/start_tables.py), instead of building them (no effect once ``rules()`` answered)."""
    _preset[:] = [value]


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The matching rules of the taxonomy (built once per process, or preset)."""
    return _preset[0] if _preset else build_rules()


def build_rules() -> Rules:
    """The matching rules of the taxonomy, every trigger word lemmatised."""
    phrases: list[Phrase] = []
    heads: dict[str, list[tuple[str, str]]] = {}
    parts: dict[str, list[tuple[str, str]]] = {}
    prefixed: list[tuple[str, str, tuple[str, ...], str]] = []
    for kind, value, trigger in _triggers():
        if trigger.endswith("-") and " " in trigger:
            *first, last = trigger.split()
            prefixed.append((kind, value, tuple(match_lemma(w) for w in first), last.lower()))
            continue
        text = trigger.lstrip("*")
        tokens = [t.text for t in tokenize(text)]
        lemmas = tuple(match_lemma(t) for t in tokens)
        if len(tokens) == 1 and "-" in text:  # also the first part of a longer hyphenated word
            prefixed.append((kind, value, (), text.lower() + "-"))  # ("prova-på-veckor")
        if trigger.startswith("*") and len(tokens) == 1:
            parts.setdefault(lemmas[0], []).append((kind, value))
        elif len(tokens) == 1 and kind not in INSPIRATION:
            heads.setdefault(lemmas[0], []).append((kind, value))
        lower = tuple(t.lower() for t in tokens)
        phrases.append(Phrase(kind, value, text, () if kind in INSPIRATION else lemmas, lower))
    tax = taxonomy()
    near: list[NearRule] = [
        ("intervention", item.name,
         tuple(tuple(dict.fromkeys(form for alt in word.split("|") for form in _near_forms(alt)))
               for word in words))
        for item in tax.interventions
        for words in item.near
        if len(words) >= 2
    ]
    near.sort(key=lambda rule: -len(rule[2]))  # a longer rule first: its span is the stronger
    ignore = frozenset(match_lemma(w) for w in tax.ignore if " " not in w.strip())
    ignore_phrases = tuple(tuple(t.text.lower() for t in tokenize(w)) for w in tax.ignore
                           if " " in w.strip())
    weak = frozenset((item.name, match_lemma(w)) for item in tax.interventions for w in item.weak)
    return Rules(tuple(phrases), heads, parts, near, ignore, prefixed, dict(tax.stages), weak,
                 ignore_phrases)


def screened(hits: list[HitT], lemmas: list[str], lower: list[str]) -> list[HitT]:
    """The hits as the tagger counts them: without those inside a longer phrase that means
    something else (``outside_long_labels``, ``outside_ignored_phrases``), the weak ones
    marked (``weakened``)."""
    hits = outside_ignored_phrases(outside_long_labels(hits, lemmas, lower), lower)
    return weakened(hits, lemmas)


def outside_ignored_phrases(hits: list[HitT], lower: list[str]) -> list[HitT]:
    """The hits without those inside one of the taxonomy's ignored phrases ("prova på att
    vara rastvärd": trying something, not a prova-på activity)."""
    spans = [(i, i + len(p)) for p in rules().ignore_phrases for i in range(len(lower))
             if lower[i] == p[0] and tuple(lower[i:i + len(p)]) == p]
    if not spans:
        return hits
    return [h for h in hits if not any(s <= h.start and h.end <= e for s, e in spans)]


def outside_long_labels(hits: list[HitT], lemmas: list[str], lower: list[str]) -> list[HitT]:
    """The hits without the interventions and focus areas found inside a label of four words
    or more of the installed thesaurus ("inte vill gå till skolan", a topic's label): such a
    phrase says what it means as a whole, and a trigger inside it ("gå till skolan") is not
    what the text speaks of, unless it is the label's own concept, one of its related
    interventions or one of its focus areas ("inte kommer till skolan" still names
    närvaroarbete, the absence's closest practice)."""
    labels = current().long_labels(lower, lemmas)
    if not labels:
        return hits
    return [h for h in hits if not any(
        start <= h.start and h.end <= end and not _belongs(h.kind, h.value, concept)
        for start, end, concept in labels)]


def _belongs(kind: str, value: str, concept: Concept) -> bool:
    """Whether a hit of (kind, value) is what the concept's label may name."""
    if kind == "intervention":
        return value in (concept.pref, *concept.related)
    if kind == "focus_area":
        return value in (concept.pref, *concept.focus_areas)
    return True


def weakened(hits: list[HitT], lemmas: list[str]) -> list[HitT]:
    """The hits with those of an intervention's weak words ("närvaro", also as the head of
    "elevnärvaron") marked ``via="weak"``: alone they do not make a tag (scoring.py)."""
    weak = rules().weak
    if not weak:
        return hits
    out: list[HitT] = []
    for h in hits:
        if h.kind == "intervention" and h.via in ("phrase", "head") and h.end - h.start == 1:
            lemma = lemmas[h.start]
            word = (_compound_parts(lemma) or (lemma,))[-1] if h.via == "head" else lemma
            if (h.value, word) in weak:
                h = h._replace(via="weak")
        out.append(h)
    return out


@lru_cache(maxsize=100_000)
def _compound_parts(lemma: str) -> tuple[str, ...]:
    parts = split_compound(lemma)
    if len(parts) < 2:
        return ()
    return tuple(lemmatize(p) for p in parts)


def compound_rules(
    lemma: str,
    heads: dict[str, list[tuple[str, str]]],
    parts_rules: dict[str, list[tuple[str, str]]],
) -> list[tuple[str, str, str]]:
    """(kind, value, "head" | "part") of the rules a compound word triggers by its parts."""
    parts = _compound_parts(lemma)
    if not parts:
        return []
    out = [(k, v, "head") for k, v in heads.get(parts[-1], ())]
    for part in parts:
        out.extend((k, v, "part") for k, v in parts_rules.get(part, ()))
    return out


def _near_forms(word: str) -> tuple[str, ...]:
    """The lemmas a co-occurrence word is compared with: its lemma and the word itself, as
    written in base form ("stötta": the table reads it as a form of "stött"); only the first
    word of "fånga upp"; "*sköterska" for any lemma ending so."""
    word = word.strip()
    star = "*" if word.startswith("*") else ""
    first = word.lstrip("*").split()[0].lower()
    return tuple(dict.fromkeys(star + form for form in (match_lemma(first), first)))


@lru_cache(maxsize=1)
def _near_index() -> tuple[frozenset[str], tuple[str, ...]]:
    """The exact lemmas and the endings ("*x" without the star) of the co-occurrence rules."""
    words = {alt for *_, rule_words in rules().near for word in rule_words for alt in word}
    return (frozenset(w for w in words if not w.startswith("*")),
            tuple(sorted(w[1:] for w in words if w.startswith("*"))))


@lru_cache(maxsize=100_000)
def _near_keys(lemma: str) -> tuple[str, ...]:
    """The co-occurrence words a lemma is: itself, and "*x" for each ending x it has."""
    exact, endings = _near_index()
    keys = (lemma,) if lemma in exact else ()
    return keys + tuple("*" + e for e in endings if lemma.endswith(e))


def prefixed_hits(
    lemmas: list[str], lower: list[str], seen: set[tuple[str, str, int, int]],
    where: dict[str, list[int]] | None = None,
    table: list[tuple[str, str, tuple[str, ...], str]] | None = None,
) -> list[tuple[str, str, int, int]]:
    """(kind, value, start, end) of the triggers like "prova på-" that end inside a hyphenated
    word ("på-veckor"), and of a hyphenated trigger that begins one ("prova-på-veckor"), not
    already in ``seen``. ``where``: the token indices of each rule's first lemma (made here when
    None); ``table``: the rules (``rules().prefixed`` when None). Shared by the tagger and the
    query analysis, so that both find the same."""
    table = rules().prefixed if table is None else table
    if where is None:
        firsts = {rule[2][0] for rule in table if rule[2]}
        where = {}
        for i, lemma in enumerate(lemmas):
            if lemma in firsts:
                where.setdefault(lemma, []).append(i)
    out: list[tuple[str, str, int, int]] = []
    hyphenated = [i for i, word in enumerate(lower) if "-" in word]
    for kind, value, words, prefix in table:
        n = len(words)
        for i in where.get(words[0], ()) if words else hyphenated:
            if i >= len(lower) - n:
                break
            if lower[i + n].startswith(prefix) and all(
                lemmas[i + k] == lem for k, lem in enumerate(words)
            ):
                key = (kind, value, i, i + n + 1)
                if key not in seen:
                    seen.add(key)
                    out.append(key)
    return out


def near_hits(
    lemmas: list[str], sent: list[int], seen: set[tuple[str, str, int, int]],
    lower: list[str] | None = None,
) -> list[tuple[str, str, int, int, str]]:
    """(kind, value, start, end, via) of the co-occurrence rules: all their words in one
    sentence within NEAR_SPAN tokens ("upptäcka … tidigt", "besöker familjen … tillsammans").
    Every pair of the first two words counts; further words are the nearest ones. ``via`` is
    "near", or "near3" for a rule of three or more words. A word (``lower``, the tokens in
    lowercase) is also its verb when the lemma table reads it as a noun ("fångar": fånga as
    well as fånge, ``lemmas.verb_reading``). Shared by the tagger and the query analysis, so
    that both find the same."""
    where: dict[str, list[int]] = {}
    for i, lemma in enumerate(lemmas):
        verb = verb_reading(lower[i]) if lower is not None else None
        for key in dict.fromkeys((*_near_keys(lemma), *(_near_keys(verb) if verb else ()))):
            where.setdefault(key, []).append(i)
    out: list[tuple[str, str, int, int, str]] = []
    if not where:
        return out
    for kind, value, words in rules().near:
        via = "near" if len(words) == 2 else "near3"
        firsts = _places(where, words[0])
        if not firsts:
            continue
        seconds = _places(where, words[1])
        for i in firsts:
            for j in seconds:
                if i == j or sent[i] != sent[j]:
                    continue
                span = _with_rest(i, j, words[2:], where, sent)
                if span is None:
                    continue
                key = (kind, value, *span)
                if key not in seen and span[1] - span[0] <= NEAR_SPAN:
                    seen.add(key)
                    out.append((*key, via))
    return out


def _places(where: dict[str, list[int]], word: tuple[str, ...]) -> list[int]:
    if len(word) == 1:
        return where.get(word[0], [])
    return sorted({i for alt in word for i in where.get(alt, ())})


def _with_rest(
    i: int, j: int, rest: tuple[tuple[str, ...], ...], where: dict[str, list[int]],
    sent: list[int],
) -> tuple[int, int] | None:
    """The span of words i, j and the nearest occurrence of each further word in their
    sentence, None when one is missing."""
    used = [i, j]
    for word in rest:
        found = [k for k in _places(where, word) if sent[k] == sent[i] and k not in used]
        if not found:
            return None
        used.append(min(found, key=lambda k: abs(k - i) + abs(k - j)))
    return min(used), max(used) + 1


LabelIndex = dict[str, list[tuple[tuple[str, ...], str]]]


@lru_cache(maxsize=4)
def _label_index(thesaurus: Thesaurus) -> tuple[LabelIndex, LabelIndex]:
    """First lemma → (lemmas, intervention) and first lowercase word → (words, …) of the
    thesaurus's alternative and hidden labels of interventions. A hidden label (a misspelling)
    is matched as written only, and so is a word the lemma table reads as another word
    ("komet" is no form of "komma"). A label is a weak word: the thesaurus's labels are
    written for finding, and a broad one ("fånga upp") names the intervention only with a
    second hit (scoring.py), which keeps the tagger's precision on the corpus and blind set."""
    by_lemma: LabelIndex = {}
    by_lower: LabelIndex = {}
    for value, label, label_type in thesaurus.trigger_labels():
        words = [t.text for t in tokenize(label)]
        if not words:
            continue
        lower = tuple(w.lower() for w in words)
        by_lower.setdefault(lower[0], []).append((lower, value))
        lemmas = tuple(match_lemma(w) for w in words)
        if label_type == ALT and (len(words) > 1 or lemmas[0] == lower[0]):
            by_lemma.setdefault(lemmas[0], []).append((lemmas, value))
    return by_lemma, by_lower


def label_hits(lemmas: list[str], lower: list[str], seen: set[tuple[str, str, int, int]]
               ) -> list[tuple[str, str, int, int, str]]:
    """(kind, value, start, end, via) of the installed thesaurus's labels of interventions
    ("samordnat hembesök" → gemensamma hembesök), on lemmas or as written."""
    by_lemma, by_lower = _label_index(current())
    out: list[tuple[str, str, int, int, str]] = []
    for seq, index in ((lemmas, by_lemma), (lower, by_lower)):
        for i, word in enumerate(seq):
            for words, value in index.get(word, ()):
                key = ("intervention", value, i, i + len(words))
                if key not in seen and tuple(seq[i:i + len(words)]) == words:
                    seen.add(key)
                    out.append((*key, "weak"))
    return out
