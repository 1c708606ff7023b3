"""The words a coordinator's tag may take, so that a correction cannot make a public facet
out of a typing error or an unknown name.

Municipalities (and the municipalities an example was inspired by) come from the gazetteer of
all 290 Swedish municipalities, places from its list of villages, districts and schools, focus
areas and interventions from the library's thesaurus (a label names its concept: the tag gets
the preferred label), actors, age groups and stages from the taxonomy. Teams and persons are
names: any value, a person with a role. A value the vocabulary does not know is refused unless
the coordinator confirms it as a new term; it is then kept as a proposal for the vocabulary
(the catalogue's ``term_proposals``), never as a tag.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ingest.model import (
    ACTOR,
    AGE_GROUP,
    FOCUS_AREA,
    INSPIRED_BY,
    INTERVENTION,
    MUNICIPALITY,
    PLACE,
    STAGE,
)
from ingest.tagging.resources import MUNICIPALITIES_FILE, PLACES_FILE, read_tsv
from ingest.tagging.taxonomy import taxonomy
from ingest.tagging.thesaurus import Thesaurus, clean_label
from search.catalogue import Catalogue, check_text, now

# the tag kinds whose values come from a vocabulary; the others are names
CHECKED = (MUNICIPALITY, PLACE, INSPIRED_BY, FOCUS_AREA, INTERVENTION, ACTOR, AGE_GROUP, STAGE)

# what the refusal says the vocabulary is, per kind
SOURCES_SV = {
    MUNICIPALITY: "Sveriges kommuner", PLACE: "ortregistret", INSPIRED_BY: "Sveriges kommuner",
    FOCUS_AREA: "fokusområdena", INTERVENTION: "tesaurusens insatser",
    ACTOR: "aktörerna i taxonomin", AGE_GROUP: "åldersgrupperna", STAGE: "skedena",
}



class UnknownTerm(ValueError):
    """A value the vocabulary of its tag kind does not know."""


@dataclass(frozen=True)
class Vocabulary:
    """The allowed values of each checked tag kind, and the labels that name them."""

    choices: dict[str, tuple[str, ...]]
    _names: dict[str, dict[str, str]] = field(default_factory=dict)

    def known(self, kind: str, value: str) -> str | None:
        """The vocabulary's value for ``value`` (spelled as the vocabulary spells it); the
        value itself for a kind that is not checked; None when it is unknown."""
        if kind not in CHECKED:
            return value
        return self._names.get(kind, {}).get(clean_label(value).casefold())

    def check(self, kind: str, value: str) -> str:
        """The vocabulary's value, or ``UnknownTerm`` with a Swedish message."""
        found = self.known(kind, value)
        if found is None:
            raise UnknownTerm(
                f"”{value}” finns inte bland {SOURCES_SV.get(kind, 'de kända värdena')}. "
                "Välj ett värde ur listan, eller kryssa i ”Ny term” för att föreslå det som "
                "en ny term (det blir då ingen tagg förrän vokabulären har det).")
        return found


def _gazetteer() -> tuple[tuple[str, ...], tuple[str, ...]]:
    municipalities = tuple(r["kommun"] for r in read_tsv(MUNICIPALITIES_FILE) if r.get("kommun"))
    places = tuple(r["namn"] for r in read_tsv(PLACES_FILE) if r.get("namn"))
    return municipalities, places


@lru_cache(maxsize=4)
def vocabulary(thesaurus: Thesaurus) -> Vocabulary:
    """The vocabulary with this thesaurus (built once per thesaurus version)."""
    municipalities, places = _gazetteer()
    tax = taxonomy()
    labelled: dict[str, list[tuple[str, tuple[str, ...]]]] = {
        kind: [(c.pref, c.labels()) for c in thesaurus.concepts if c.kind == kind]
        for kind in (FOCUS_AREA, INTERVENTION)}
    plain = {MUNICIPALITY: municipalities, INSPIRED_BY: municipalities, PLACE: places,
             ACTOR: tuple(tax.actors), AGE_GROUP: tuple(tax.age_groups),
             STAGE: tuple(tax.stages)}
    choices: dict[str, tuple[str, ...]] = {k: tuple(sorted(v)) for k, v in plain.items()}
    names: dict[str, dict[str, str]] = {
        k: {clean_label(v).casefold(): v for v in values} for k, values in plain.items()}
    for kind, concepts in labelled.items():
        choices[kind] = tuple(sorted(pref for pref, _ in concepts))
        names[kind] = {clean_label(label).casefold(): pref
                       for pref, labels in concepts for label in labels}
        for pref, _ in concepts:  # the preferred label wins over another's alternative
            names[kind][clean_label(pref).casefold()] = pref
    return Vocabulary(choices, names)


# --- proposals ------------------------------------------------------------------------------


def propose(con: sqlite3.Connection, kind: str, value: str, example_id: str | None,
            lineage: str | None, user: str | None) -> None:
    """Keep ``value`` as a proposed new term of ``kind`` (once per kind, value and example)."""
    check_text((kind, value, example_id, user), "Förslaget")
    con.execute("DELETE FROM term_proposals WHERE kind=? AND value=? AND example_id IS ?",
                (kind, value, example_id))
    con.execute("INSERT INTO term_proposals (kind, value, example_id, lineage, user, created_at)"
                " VALUES (?,?,?,?,?,?)", (kind, value, example_id, lineage, user, now()))


def proposals(catalogue: Catalogue, limit: int = 200) -> list[dict[str, Any]]:
    """The proposed terms, newest first, with the example they were meant for."""
    rows = catalogue.conn().execute(
        "SELECT p.*, e.title AS example_title, e.document_id FROM term_proposals p "
        "LEFT JOIN examples e ON e.id = p.example_id ORDER BY p.id DESC LIMIT ?", (limit,))
    return [dict(r) for r in rows]


def proposal(catalogue: Catalogue, proposal_id: int) -> sqlite3.Row | None:
    return catalogue.conn().execute("SELECT * FROM term_proposals WHERE id=?",
                                    (proposal_id,)).fetchone()


def proposing_examples(catalogue: Catalogue, kind: str, value: str) -> list[str]:
    """The examples a value was proposed for (as a term of ``kind``) that still exist."""
    rows = catalogue.conn().execute(
        "SELECT DISTINCT p.example_id FROM term_proposals p JOIN examples e "
        "ON e.id = p.example_id WHERE p.kind=? AND p.value=? ORDER BY p.example_id",
        (kind, value))
    return [r[0] for r in rows]


def drop_proposals(con: sqlite3.Connection, kind: str, value: str) -> int:
    """Forget every proposal of ``value`` as a term of ``kind``; how many there were."""
    return con.execute("DELETE FROM term_proposals WHERE kind=? AND value=?",
                       (kind, value)).rowcount
