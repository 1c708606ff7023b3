"""The interventions, focus areas and municipalities a short text names (a search query),
found with the taxonomy's rules and the gazetteer on plain tokens, without spaCy.

The same rules and decisions as the full tagger (``tag_text``), restricted to these three
kinds: trigger phrases on lemmas and lowercase words, compound heads and parts, words close
together, ignored words; gazetteer names with their context rules, inspiration expressions
and the choice of the text's own municipality. Persons are not looked for (a query names
none), so a surname that is also a place name counts as the place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ingest.model import FOCUS_AREA, INTERVENTION, MUNICIPALITY
from ingest.tagging.acting import acting_units
from ingest.tagging.gazetteer import names, surface_forms
from ingest.tagging.placenames import compound_prefix, context_ok, county_use
from ingest.tagging.rules import (
    INSPIRATION,
    Hit,
    compound_rules,
    match_lemma,
    near_hits,
    prefixed_hits,
    rules,
    screened,
)
from ingest.tagging.scoring import (
    FOCUS_THRESHOLD,
    context_mentions,
    count_acting,
    counts_as_tag,
    hit_counts,
    inspiration,
    select_own,
)
from ingest.tagging.taxonomy import taxonomy
from ingest.tagging.words import tokenize

_KINDS = (FOCUS_AREA, INTERVENTION)
_SENT_END = frozenset({".", "!", "?"})


@dataclass(frozen=True)
class Mention:
    municipality: str
    kind: str
    start: int
    end: int
    char_start: int


@dataclass
class Tokens:
    text: list[str]
    lower: list[str]
    lemma: list[str]
    idx: list[int]
    sent: list[int]


def _tokens(text: str) -> Tokens:
    toks = tokenize(text)
    words = [t.text for t in toks]
    ends = [w in _SENT_END or ("\n" in w and not w.strip()) for w in words]
    sent = list(accumulate(ends[:-1], initial=0)) if words else []
    return Tokens(words, [w.lower() for w in words], [match_lemma(w) for w in words],
                  [t.idx for t in toks], sent)


PhraseIndex = dict[str, list[tuple[tuple[str, ...], str, str]]]


@lru_cache(maxsize=1)
def _phrase_index() -> tuple[PhraseIndex, PhraseIndex]:
    """First lemma → (lemmas, kind, value) and first lowercase word → (words, kind, value)."""
    by_lemma: PhraseIndex = defaultdict(list)
    by_lower: PhraseIndex = defaultdict(list)
    for p in rules().phrases:
        if p.kind not in _KINDS and p.kind not in INSPIRATION:
            continue
        if p.lemmas:
            by_lemma[p.lemmas[0]].append((p.lemmas, p.kind, p.value))
        by_lower[p.lower[0]].append((p.lower, p.kind, p.value))
    return dict(by_lemma), dict(by_lower)


def _phrase_hits(seq: list[str], index: PhraseIndex) -> list[Hit]:
    out: list[Hit] = []
    for i, word in enumerate(seq):
        for words, kind, value in index.get(word, ()):
            if tuple(seq[i:i + len(words)]) == words:
                out.append(Hit(kind, value, i, i + len(words)))
    return sorted(out, key=lambda h: (h.start, h.end))


def _rule_hits(tv: Tokens) -> list[Hit]:
    """Phrases, prefixed triggers and co-occurrences, without those on ignored words."""
    by_lemma, by_lower = _phrase_index()
    found = [*_phrase_hits(tv.lemma, by_lemma), *_phrase_hits(tv.lower, by_lower)]
    hits = list(dict.fromkeys(found))  # both sequences mostly find the same phrases
    seen = {h[:4] for h in hits}
    hits += _prefixed_hits(tv, seen)
    hits += _near_hits(tv, seen)
    ignored = {i for i, lemma in enumerate(tv.lemma) if lemma in rules().ignore}
    return [h for h in hits if ignored.isdisjoint(range(h.start, h.end))]


def _prefixed_hits(tv: Tokens, seen: set[tuple[str, str, int, int]]) -> list[Hit]:
    """Triggers that end or begin inside a hyphenated word (``rules.prefixed_hits``)."""
    return [Hit(*key) for key in prefixed_hits(tv.lemma, tv.lower, seen)]


def _near_hits(tv: Tokens, seen: set[tuple[str, str, int, int]]) -> list[Hit]:
    """Co-occurring trigger words in one sentence ("upptäcka … tidigt")."""
    return [Hit(*key) for key in near_hits(tv.lemma, tv.sent, seen, tv.lower)]


def _taxonomy_hits(tv: Tokens) -> list[Hit]:
    """Every hit of the text (as the tagger's ``Engine.match``), compound rules included."""
    hits = _rule_hits(tv)
    table = rules()
    exact = {(h.kind, i) for h in hits for i in range(h.start, h.end)}
    seen = {h[:4] for h in hits}
    for i, (text, lemma) in enumerate(zip(tv.text, tv.lemma, strict=True)):
        if len(text) < 6 or not text[0].isalpha() or lemma in table.ignore:
            continue
        for kind, value, via in compound_rules(lemma, table.heads, table.parts):
            key = (kind, value, i, i + 1)
            if (kind, i) not in exact and key not in seen:
                seen.add(key)
                hits.append(Hit(kind, value, i, i + 1, via))
    return screened(hits, tv.lemma, tv.lower)


def _concepts(tv: Tokens, hits: list[Hit]) -> list[tuple[str, str, int]]:
    """(kind, value, first character) of the interventions and focus areas that are tags."""
    tax = taxonomy()
    counts, strong = hit_counts(hits)
    acting = count_acting(acting_units(tv), hits, tax, counts, strong)
    context = context_mentions(hits, acting, tax, counts, strong)
    first: dict[tuple[str, str], int] = {}
    focus_score: dict[str, int] = defaultdict(int)
    focus_start: dict[str, int] = {}
    for h in hits:
        if h.kind not in _KINDS or not counts_as_tag(h, tax, counts, strong) \
                or (h.kind, h.value) in context:
            continue
        start = tv.idx[h.start]
        if h.kind == FOCUS_AREA:
            focus_score[h.value] += 2 if h.end - h.start > 1 else 1
            focus_start[h.value] = min(start, focus_start.get(h.value, start))
            continue
        key = (INTERVENTION, h.value)
        first[key] = min(start, first.get(key, start))
        item = tax.intervention(h.value)
        for area in item.focus_areas if item else ():
            focus_score[area] += FOCUS_THRESHOLD
            focus_start[area] = min(start, focus_start.get(area, start))
    areas = [(FOCUS_AREA, a.name, focus_start[a.name]) for a in tax.focus_areas
             if focus_score[a.name] >= FOCUS_THRESHOLD]
    return areas + [(kind, value, start) for (kind, value), start in first.items()]


PlaceForms = dict[str, list[tuple[tuple[str, ...], str]]]
_preset: list[PlaceForms] = []


def preset_place_forms(value: PlaceForms) -> None:
    """Use ``value``, ``place_forms()`` as made earlier from the same gazetteer (stored by
    search/start_tables.py), instead of tokenising every place name (no effect once made)."""
    _preset[:] = [value]


@lru_cache(maxsize=1)
def place_forms() -> PlaceForms:
    """First token → (tokens, canonical name) of every gazetteer surface form."""
    if _preset:
        return _preset[0]
    out: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for form, name in surface_forms().items():
        words = tuple(t.text for t in tokenize(form))
        out[words[0]].append((words, name))
    return dict(out)


def _mentions(tv: Tokens) -> list[Mention]:
    """Place mentions (as the tagger's ``find_mentions``, without persons to skip)."""
    forms = place_forms()
    found = [(i, i + len(words), name) for i, word in enumerate(tv.text)
             for words, name in forms.get(word, ()) if tuple(tv.text[i:i + len(words)]) == words]
    gaz = names()
    out: list[Mention] = []
    used: set[int] = set()
    for start, end, name in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        place = gaz[name]
        if not used.isdisjoint(range(start, end)) or county_use(tv.lower, start, end):
            continue
        if place.ambiguous and not context_ok(tv.text, tv.lower, start, end):
            continue
        used.update(range(start, end))
        out.append(Mention(place.municipality, place.kind, start, end, tv.idx[start]))
    for i, text in enumerate(tv.text):
        if text[:1].isupper() and len(text) >= 7 and i not in used and text.isalpha():
            name = compound_prefix(text)
            if name:
                out.append(Mention(gaz[name].municipality, "enhet", i, i + 1, tv.idx[i]))
    out.sort(key=lambda m: m.start)
    return out


def _municipalities(tv: Tokens, hits: list[Hit]) -> list[tuple[str, str, int]]:
    """(kind, value, first character) of the text's own municipalities."""
    mentions = _mentions(tv)
    inspired, followers = inspiration(tv.sent, hits, mentions, tv.lower)
    own = [n for n in range(len(mentions)) if n not in inspired and n not in followers]
    if not own:
        own = sorted(followers)
    selected = select_own(mentions, own, ())
    first: dict[str, int] = {}
    for n in own:
        m = mentions[n]
        if m.municipality in selected:
            first[m.municipality] = min(m.char_start, first.get(m.municipality, m.char_start))
    return [(MUNICIPALITY, muni, start) for muni, start in first.items()]


def query_terms(text: str) -> list[tuple[str, str]]:
    """(kind, value) of the municipalities, focus areas and interventions ``text`` names, in
    the order of ``tag_text``'s tags of these kinds ("hur ökar vi närvaron" →
    [("focus_area", …), ("intervention", "närvaroarbete")])."""
    tv = _tokens(text)
    hits = _taxonomy_hits(tv)
    found = _municipalities(tv, hits) + _concepts(tv, hits)
    order = {MUNICIPALITY: 0, FOCUS_AREA: 1, INTERVENTION: 2}
    found.sort(key=lambda f: (order[f[0]], f[2]))
    return [(kind, value) for kind, value, _ in found]
