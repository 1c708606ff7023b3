"""Interventions proposed from an example's own words (key phrases, ``Tag.proposed``) are shown
with the example, but they are neither concepts nor values of the public intervention facet
until a coordinator makes them terms."""

from __future__ import annotations

from pathlib import Path

from ingest.tagging.taxonomy import taxonomy
from search.library import Library


def test_proposals_are_no_concepts_or_facets(corpus_store: Path) -> None:
    terms = {item.name.lower() for item in taxonomy().interventions}
    with Library(corpus_store) as library:
        proposals = {
            value.lower()
            for doc in library.documents() for ex in doc.examples
            for value in ex.to_model().proposed_interventions()}
        assert proposals - terms, "the corpus has examples with proposed interventions"
        concepts = {c.name.lower() for c in library.concepts()}
        assert concepts <= terms
        facet = library.search("", per_page=1).facets["insats"]
        assert {str(v[0] if isinstance(v, (list, tuple)) else v).lower() for v in facet} <= terms
