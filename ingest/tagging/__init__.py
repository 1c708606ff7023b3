"""Tagging of examples: places and municipalities, focus areas, interventions, actors, persons,
inspiration, age groups, stage and team identity, each tag with its evidence.

Public API: tag_document, tag_text, tag_example, team_key, new_phrases, taxonomy,
municipalities (all 290 as (name, county)), home_municipalities (the 13 of Jönköpings län),
lemmatize, split_compound, load (warm-up for worker processes).
"""

from __future__ import annotations

from ingest.tagging.compounds import split_compound
from ingest.tagging.gazetteer import home_municipalities, municipalities
from ingest.tagging.lemmas import lemmatize
from ingest.tagging.nlp import load
from ingest.tagging.phrases import new_phrases
from ingest.tagging.pipeline import tag_document, tag_example, tag_text
from ingest.tagging.taxonomy import taxonomy
from ingest.tagging.teams import team_key

__all__ = [
    "home_municipalities",
    "lemmatize",
    "load",
    "municipalities",
    "new_phrases",
    "split_compound",
    "tag_document",
    "tag_example",
    "tag_text",
    "taxonomy",
    "team_key",
]
