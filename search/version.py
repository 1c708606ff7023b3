"""The index version: a hash of everything that decides what goes into the index and how a
query is analysed. An index written under another version is rebuilt when it is opened
(``search.index``), so a changed lemma table, stopword or analyzer setting can never leave an
old index disagreeing with new queries.

Inputs: the hand-set ``FORMAT_VERSION`` (for changes no table shows), the schema's field
definitions with their analyzers, the constants of the analysis and of ``index_fields``, the
small tables by value (stopwords, lemma overrides, place names, taxonomy) and the two big word
lists (spaCy's lemma lookup table, the hunspell dictionary) by the bytes of their files:
hashing those as loaded would cost about a second, their bytes a few milliseconds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.tagging import compounds, lemmas
from ingest.tagging.gazetteer import surface_forms
from ingest.tagging.resources import hunspell_dic
from ingest.tagging.taxonomy import taxonomy
from search import analysis, schema

CHUNK = 1 << 20


def describe(value: Any) -> Any:
    """A JSON-able description of a value that is the same in every process: sets sorted,
    objects as their class name and attributes, compiled patterns as their source."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, re.Pattern):
        return {"pattern": value.pattern, "flags": value.flags}
    if isinstance(value, dict):
        return sorted([str(k), describe(v)] for k, v in value.items())
    if isinstance(value, set | frozenset):
        return sorted(describe(v) for v in value)
    if isinstance(value, list | tuple):
        return [describe(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"class": type(value).__qualname__,
                "fields": describe({f.name: getattr(value, f.name)
                                    for f in dataclasses.fields(value)})}
    if isinstance(value, type):
        return value.__qualname__
    attrs = getattr(value, "__dict__", None)
    return {"class": type(value).__qualname__, "attrs": describe(attrs) if attrs else None}


def _file_digest(path: Path | None) -> str:
    """sha256 of a file's bytes ("" when it is absent: the tables are then empty)."""
    if path is None:
        return ""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def version_inputs() -> dict[str, Any]:
    """Everything the version is a hash of, by name."""
    index_schema = schema.build_schema()
    return {
        "format": schema.FORMAT_VERSION,
        "fields": {name: describe(field) for name, field in index_schema.items()},
        "index_fields": [schema.TITLE_REPEAT, schema.TAG_REPEAT, describe(schema.KIND_LABELS)],
        "analysis": [analysis.TOKEN_PATTERN, analysis.MIN_PART, describe(analysis._FOLD),
                     describe(analysis.STOPWORDS)],
        "lemma_overrides": describe(lemmas.OVERRIDES),
        "lemma_rules": [describe(lemmas._DEFINITE), describe(lemmas._VOWELS),
                        compounds.MIN_PART, describe(compounds.NUMBER_WORDS),
                        describe(compounds.TIME_UNITS), describe(compounds.WHOLE_WORDS),
                        describe(compounds.SUFFIXES)],
        "places": describe(surface_forms()),
        "taxonomy": describe(taxonomy()),
        "lemma_table": _file_digest(lemmas._lookup_path()),
        "hunspell": _file_digest(hunspell_dic()),
    }


@lru_cache(maxsize=1)
def index_version() -> str:
    """The version an index is written with and must have to be used (computed once)."""
    text = json.dumps(version_inputs(), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return f"{schema.FORMAT_VERSION}-{hashlib.sha256(text.encode()).hexdigest()[:16]}"
