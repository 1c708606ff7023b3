"""Searching the catalogue itself while the index is being rebuilt.

Plainer than the index (a query word, or else its lemma or compound parts, is matched as a
folded substring of the title, team, tags and text; ranked by how many words match and where,
then newest first) and slower, but it always answers,
from the source of truth, with the same result shape and facets. Results carry ``NOTICE``.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
import weakref
from collections import Counter
from typing import Any

from search.analysis import query_words, variants
from search.catalogue import PUBLIC, Catalogue
from search.query import make_hit
from search.query_limits import MAX_QUERY_CHARS, MAX_WORDS
from search.query_parse import plain_terms
from search.records import Example as ExampleRecord
from search.records import SearchResult
from search.schema import FACETS, facet_values, index_fields
from search.snippets import WordTerms, make_snippet, plain_snippet

NOTICE = ("Sökindexet byggs om … Under tiden söks exemplen direkt i katalogen, "
          "med enklare sortering. Försök igen om en stund.")
MAX_SCANNED = 5000  # newest examples considered (bounds the cost of one fallback search)
SNAPSHOT_SECONDS = 10.0  # how long the prepared examples are reused
_WEIGHTS = (("title", 3), ("team", 2), ("tags", 2), ("text", 1))


_COMBINING = re.compile(r"[\u0300-\u036f]")


def _folded(text: str) -> str:
    """Lowercase without accents (å → a, é → e), fast on long texts."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", (text or "").lower()))


def _word_groups(raw: str) -> list[list[str]]:
    """Per query word: the word, then its lemma and compound parts (folded, 3+ letters)."""
    groups = []
    for word in dict.fromkeys(query_words(raw)[:MAX_WORDS]):
        forms = [_folded(word)] + [_folded(v) for v in variants(word, False) if len(v) > 2]
        groups.append(list(dict.fromkeys(forms)))
    return groups


class _Prepared:
    """The newest examples as index fields plus folded texts, kept ``SNAPSHOT_SECONDS`` (the
    searches during one rebuild share it; an example stored meanwhile shows up after that)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.made = time.monotonic()
        self.rows: list[tuple[dict[str, str], dict[str, Any]]] = []
        for row in catalogue.conn().execute(
                "SELECT e.data, d.id, d.title, d.filename, d.kind, d.date FROM examples e "
                f"JOIN documents d ON d.id = e.document_id WHERE {PUBLIC} "
                "ORDER BY COALESCE(d.date, '') DESC, d.id, e.seq LIMIT ?", (MAX_SCANNED,)):
            meta = {"id": row[1], "title": row[2], "filename": row[3], "kind": row[4],
                    "date": row[5]}
            fields = index_fields(ExampleRecord.model_validate_json(row[0]).to_model(), meta)
            texts = {name: _folded(str(fields.get(name) or "")) for name, _ in _WEIGHTS}
            self.rows.append((texts, fields))


_snapshots: weakref.WeakKeyDictionary[Catalogue, _Prepared] = weakref.WeakKeyDictionary()
_snapshot_lock = threading.Lock()


def _prepared(catalogue: Catalogue) -> _Prepared:
    with _snapshot_lock:
        snapshot = _snapshots.get(catalogue)
        if snapshot is None or time.monotonic() - snapshot.made > SNAPSHOT_SECONDS:
            snapshot = _snapshots[catalogue] = _Prepared(catalogue)
        return snapshot


def _passes(fields: dict[str, Any], filters: dict[str, list[str]]) -> bool:
    """Any value of one filter, all filters."""
    return all(set(values) & set(facet_values(fields, name))
               for name, values in filters.items() if name in FACETS and values)


def _score(texts: dict[str, str], groups: list[list[str]]) -> int:
    """Matched words, weighted by where they occur; the word itself counts double its parts."""
    total = 0
    for word, *parts in groups:
        score = 2 * sum(weight for name, weight in _WEIGHTS if word in texts[name])
        total += score or sum(weight for name, weight in _WEIGHTS
                              if any(part in texts[name] for part in parts))
    return total


def _facets(matched: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    result: dict[str, dict[str, int]] = {}
    for name in FACETS:
        counts = Counter(v for fields in matched for v in facet_values(fields, name))
        if name == "ar":
            result[name] = dict(sorted(counts.items(), reverse=True))
        else:
            result[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return result


def _matches(catalogue: Catalogue, groups: list[list[str]], filters: dict[str, list[str]]
             ) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for texts, fields in _prepared(catalogue).rows:
        if not _passes(fields, filters):
            continue
        score = _score(texts, groups) if groups else 0
        if groups and not score:
            continue
        out.append((score, fields))
    return out


def catalogue_search(catalogue: Catalogue, text: str | None,
                     filters: dict[str, list[str]] | None = None, page: int = 1,
                     per_page: int = 10, sort: str = "relevance") -> SearchResult:
    """A search answered from the catalogue (the index is being rebuilt)."""
    raw = " ".join((text or "").split())[:MAX_QUERY_CHARS]
    groups = _word_groups(raw)
    filters = {k: [v for v in vals if v] for k, vals in (filters or {}).items() if k in FACETS}
    filters = {k: v for k, v in filters.items() if v}
    page, per_page = max(1, int(page)), min(100, max(1, int(per_page)))
    sort = sort if sort in ("relevance", "date") else "relevance"
    matched = _matches(catalogue, groups, filters)
    matched.sort(key=lambda m: m[1]["date"], reverse=True)  # newest first …
    if sort == "relevance" and groups:
        matched.sort(key=lambda m: -m[0])  # … within the same score
    terms = frozenset(t for ts in plain_terms(raw) for t in ts) if groups else frozenset()
    start = (page - 1) * per_page
    memo: WordTerms = {}
    hits = []
    for _, fields in matched[start:start + per_page]:
        snippet = make_snippet(fields["text"], terms, memo) if terms else ""
        hits.append(make_hit(fields, None, snippet or plain_snippet(fields["text"])))
    total = len(matched)
    return SearchResult(query=text or "", total=total, hits=hits,
                        facets=_facets([f for _, f in matched]), page=page,
                        pages=-(-total // per_page), per_page=per_page, sort=sort,
                        filters=filters, message=NOTICE)
