"""The taxonomy's matching rules as plain data (no spaCy): trigger phrases as lemma and
lowercase word sequences, compound heads and parts, co-occurrences, prefixed and ignored words.

``rules()`` is the one source of these tables: the spaCy engine (nlp.py) builds its phrase
matchers and compound rules from them, and ``query.py`` matches them on short texts directly.
Trigger texts are split into words by ``words.tokenize``, as spaCy's Swedish tokenizer splits
them (tests/tagging/test_words.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ingest.tagging.compounds import split_compound
from ingest.tagging.lemmas import lemmatize
from ingest.tagging.taxonomy import taxonomy
from ingest.tagging.words import tokenize

# Rule kinds besides the Tag kinds: inspiration expressions.
INSP_FROM = "insp_from"
INSP_TO = "insp_to"
INSP_BEFORE = "insp_before"
INSPIRATION = (INSP_FROM, INSP_TO, INSP_BEFORE)

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
    near: list[tuple[str, str, str, str]]  # kind, value, lemma a, lemma b (same sentence)
    ignore: frozenset[str]  # lemmas that never trigger anything
    prefixed: list[tuple[str, str, tuple[str, ...], str]]  # kind, value, lemmas, last prefix
    stages: dict[str, tuple[str, ...]]  # stage → triggers (matched on lowercase)


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


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The matching rules of the taxonomy (built once per process)."""
    phrases: list[Phrase] = []
    heads: dict[str, list[tuple[str, str]]] = {}
    parts: dict[str, list[tuple[str, str]]] = {}
    prefixed: list[tuple[str, str, tuple[str, ...], str]] = []
    for kind, value, trigger in _triggers():
        if trigger.endswith("-") and " " in trigger:
            *first, last = trigger.split()
            prefixed.append((kind, value, tuple(lemmatize(w) for w in first), last.lower()))
            continue
        text = trigger.lstrip("*")
        tokens = [t.text for t in tokenize(text)]
        lemmas = tuple(lemmatize(t) for t in tokens)
        if trigger.startswith("*") and len(tokens) == 1:
            parts.setdefault(lemmas[0], []).append((kind, value))
        elif len(tokens) == 1 and kind not in INSPIRATION:
            heads.setdefault(lemmas[0], []).append((kind, value))
        lower = tuple(t.lower() for t in tokens)
        phrases.append(Phrase(kind, value, text, () if kind in INSPIRATION else lemmas, lower))
    tax = taxonomy()
    near = [
        ("intervention", item.name, lemmatize(a.split()[0]), lemmatize(b.split()[0]))
        for item in tax.interventions
        for a, b in item.near
    ]
    ignore = frozenset(lemmatize(w) for w in tax.ignore)
    return Rules(tuple(phrases), heads, parts, near, ignore, prefixed, dict(tax.stages))


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
