"""Tagging of examples: places and municipalities, focus areas, interventions, actors, persons,
inspiration, age groups, stage and team identity, each tag with its evidence.

Public API: tag_document, tag_text, tag_example, team_key, new_phrases, taxonomy,
municipalities (all 290 as (name, county)), home_municipalities (the 13 of Jönköpings län),
lemmatize, split_compound, query_terms (the taxonomy terms and municipalities of a short text,
without spaCy), load (warm-up for worker processes).

The names are imported from their modules on first use, so that the word tables
(``lemmatize``, ``query_terms``) can be used without importing spaCy.
"""

from __future__ import annotations

import importlib
from typing import Any

# bound here: the module of the same name would otherwise shadow the function once imported
from ingest.tagging.taxonomy import taxonomy as taxonomy

_MODULE_OF = {
    "home_municipalities": "gazetteer",
    "lemmatize": "lemmas",
    "load": "nlp",
    "municipalities": "gazetteer",
    "new_phrases": "phrases",
    "query_terms": "query",
    "split_compound": "compounds",
    "tag_document": "pipeline",
    "tag_example": "pipeline",
    "tag_text": "pipeline",
    "team_key": "teams",
}

__all__ = sorted([*_MODULE_OF, "taxonomy"])


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
