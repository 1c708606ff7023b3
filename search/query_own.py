"""Practices examples proposed as their own, found by a query that writes their names.

A team's own practice that no taxonomy term names ("cykelskola", "digital föräldrakväll") is
kept out of the public ``insats`` facet as a key phrase for coordinators, so no query can name
it as a concept. When a query writes every part of such a name ("skola med cykel"), it names
that practice as closely as a taxonomy term (search.query._written_own). A catalogue holds
thousands of such names: they are looked up by the lemmas of their first part
(``OwnNames``), built once per index state, and only the names a query's words begin are
matched part by part. Hand-written: a lookup of compound parts by lemma over our own analysis
(search.analysis), which no search library offers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from search.analysis import lemma, part_lemmas, query_words

Parts = tuple[frozenset[str], ...]  # per part of a name, the lemmas that write it


@lru_cache(maxsize=100_000)
def name_parts(value: str) -> Parts:
    """A practice name's parts: each word's compound parts, or the word (with its lemma).
    Kept for the process: after an upload most names are those of the state before."""
    return tuple(frozenset(group) for word in query_words(value)
                 for group in (part_lemmas(word) or ((word, lemma(word)),)))


def word_forms(word: str) -> set[str]:
    """A query word's forms for matching a name: as written, its lemma and, for a compound,
    its parts' lemmas."""
    return {word, lemma(word), *(t for group in part_lemmas(word) for t in group)}


def writing(parts: Parts, forms: list[set[str]]) -> frozenset[int]:
    """The positions of the query words (by their ``word_forms``) that write every part of a
    name; empty when some part is not written."""
    found: set[int] = set()
    for group in parts:
        hits = {i for i, f in enumerate(forms) if f & group}
        if not hits:
            return frozenset()
        found |= hits
    return frozenset(found)


def writing_words(value: str, written: Iterable[str]) -> frozenset[int]:
    """The positions of the query words that write a practice's name, every word of it or
    every part of its compounds ("cykelbuss": "buss för cykel", "cykel buss")."""
    return writing(name_parts(value), [word_forms(w) for w in written])


@dataclass
class OwnNames:
    """The names of two parts or more, each with its examples and parts, and per lemma of a
    first part the names it begins (by position)."""

    names: list[tuple[str, np.ndarray, Parts]] = field(default_factory=list)
    by_first: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, practices: dict[str, np.ndarray]) -> OwnNames:
        """From each own practice and the examples that have it."""
        out = cls()
        for value, ids in practices.items():
            parts = name_parts(value)
            if len(parts) < 2:
                continue  # a one-part name is a word the text matches anyway
            for term in parts[0]:
                out.by_first.setdefault(term, []).append(len(out.names))
            out.names.append((value, ids, parts))
        return out

    def written(self, words: Iterable[str]) -> list[tuple[str, np.ndarray, frozenset[int]]]:
        """The names the query's words write, with their examples and the words' positions."""
        forms = [word_forms(w) for w in words]
        tried = sorted({k for f in forms for t in f for k in self.by_first.get(t, ())})
        out = []
        for value, ids, parts in (self.names[k] for k in tried):
            found = writing(parts, forms)
            if found:
                out.append((value, ids, found))
        return out
