"""What a new team gets when it says where it is and what it wants to improve.

A team writes its municipality and, in its own words, what it wants to change ("fler elever
ska komma till skolan"). It gets, from what the bank already holds:

- the concepts that fit: published concept sheets that hold one of the best hits, those its
  words name through the thesaurus, then those most common among the examples its words find
  (the best hits counting most), each with how far it has come in the team's own
  municipality and, when a coordinator has published its sheet, its first steps;
- the nearest examples: the search's good hits (RELEVANT_SHARE) grouped as the team's own
  municipality, the neighbouring ones (sharing a border, ingest.lexicon.COUNTY_NEIGHBOURS),
  the rest of the county and outside it, each group in the search's order;
- whom to contact: the people named in those examples, nearest first (those with contact
  details first at each distance), each once.

It only reads: the search, the concept pages and the examples, so it is as fresh as they are.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ingest.lexicon import COUNTY_MUNICIPALITIES, COUNTY_NEIGHBOURS
from search.concepts import slugify
from search.errors import InvalidRequestError
from search.query_plan import named_concepts
from search.records import (
    Concept,
    ConceptSheet,
    Hit,
    StartConcept,
    StartContact,
    StartGroup,
    StartPlan,
)
from search.spread import PRACTISED

if TYPE_CHECKING:
    from search.library import Library

HITS_READ = 40  # hits of the team's words that the plan is made from
# Of those, the ones scoring at least this share of the best: a long text also finds examples
# through one common word ("skola" in "simskola"), far below those about what it asks, and
# grouping by distance must not lift them above better ones a municipality away.
RELEVANT_SHARE = 0.4
PER_GROUP = 4
MAX_CONCEPTS = 4
MAX_CONTACTS = 8
MAX_TEXT = 500


def _distance(hit: Hit, home: str) -> int:
    """0 own municipality, 1 a neighbour, 2 elsewhere in the county, 3 outside it."""
    places = set(hit.municipalities)
    if home in places:
        return 0
    if places & set(COUNTY_NEIGHBOURS.get(home, ())):
        return 1
    return 2 if places & set(COUNTY_MUNICIPALITIES) or not places else 3


def _groups(hits: list[Hit], home: str) -> list[StartGroup]:
    neighbours = ", ".join(COUNTY_NEIGHBOURS.get(home, ()))
    labels = (f"I {home}", f"I grannkommunerna ({neighbours})", "I resten av länet",
              "Utanför länet")
    groups = []
    for distance, label in enumerate(labels):
        members = [h for h in hits if _distance(h, home) == distance]
        if members:
            groups.append(StartGroup(label=label, distance=distance, total=len(members),
                                     hits=members[:PER_GROUP]))
    return groups


def _concept_names(library: Library, text: str, hits: list[Hit]) -> list[tuple[str, str]]:
    """(name, why) of the fitting interventions, named ones first, then by weighted hits."""
    named = [value for kind, value, _ in named_concepts(text, library.thesaurus.current())
             if kind == "intervention"]
    counts: Counter[str] = Counter()
    for rank, hit in enumerate(hits[:15]):
        for value in hit.interventions:
            counts[value] += 1.0 / (1 + rank / 3)
    chosen = [(name, "Era ord nämner det") for name in named]
    chosen += [(name, "Vanligt bland exemplen som era ord hittar")
               for name, _ in counts.most_common() if name not in named]
    return chosen[:MAX_CONCEPTS]


def _concepts(library: Library, text: str, hits: list[Hit], home: str) -> list[StartConcept]:
    sheets = library.sheets.published()
    out = []
    for name, why in _concept_names(library, text, hits):
        concept = library.concept(slugify(name))
        if concept is None:
            continue
        cell = concept.spread.get(home)
        tried = sorted(m for m, c in concept.spread.items()
                       if c.status in PRACTISED and m != home)
        out.append(_with_sheet(StartConcept(
            slug=concept.slug, name=concept.name, description=concept.description, why=why,
            examples=len(concept.examples), status_here=cell.label if cell else "Inte prövad",
            practised_in=tried, coach=_coach_line(concept)), sheets.get(concept.slug)))
    return _own_sheets(sheets, hits, home, {c.slug for c in out}) + out


def _coach_line(concept: Concept) -> str | None:
    """The coach the concept's examples name most often, with role and organisation."""
    if not concept.coaches:
        return None
    coach = concept.coaches[0]
    return ", ".join(x for x in (coach.name, coach.role, coach.organisation) if x)


def _with_sheet(concept: StartConcept, sheet: ConceptSheet | None) -> StartConcept:
    """The concept with its published sheet's description, first steps and coach, if it has
    one."""
    if sheet is None:
        return concept
    return concept.model_copy(update={
        "sheet": sheet.slug, "first_steps": sheet.fields.first_steps,
        "description": sheet.fields.description or concept.description,
        "coach": sheet.fields.coach or concept.coach})


def _own_sheets(sheets: dict[str, ConceptSheet], hits: list[Hit], home: str,
                taken: set[str]) -> list[StartConcept]:
    """Published sheets made of examples of their own (no intervention) that hold one of the
    best hits: a coordinator has already made those examples into something to copy."""
    best = {h.id for h in hits[:15]}
    out = []
    for sheet in sheets.values():
        ids = {e.id for e in sheet.examples}
        if sheet.slug in taken or not ids & best:
            continue
        places = {m for e in sheet.examples for m in e.municipalities}
        out.append(_with_sheet(StartConcept(
            slug=sheet.slug, name=sheet.fields.name, why="Exempel som era ord hittar ingår",
            examples=len(ids), status_here="Pågående" if home in places else "Inte prövad",
            practised_in=sorted(places - {home})), sheet))
    return out


def _contacts(library: Library, groups: list[StartGroup]) -> list[StartContact]:
    """The people of the shown examples, each once: nearest first, and within one distance
    those with an e-mail address or phone number first."""
    seen: set[str] = set()
    found: list[tuple[int, bool, StartContact]] = []
    for group in groups:
        for hit in group.hits:
            example = library.example(hit.id)
            for person in example.persons if example else ():
                if person.name.casefold() in seen:
                    continue
                seen.add(person.name.casefold())
                found.append((group.distance, not (person.email or person.phone), StartContact(
                    name=person.name, role=person.role, organisation=person.organisation,
                    email=person.email, phone=person.phone, team=hit.team, example_id=hit.id,
                    example_title=hit.title, municipalities=hit.municipalities)))
    found.sort(key=lambda item: item[:2])  # stable: the search's order within each
    return [contact for _, _, contact in found[:MAX_CONTACTS]]


def start_plan(library: Library, municipality: str, text: str) -> StartPlan:
    """The concepts, nearest examples and people for a team in ``municipality`` that wants
    to improve what ``text`` says."""
    if municipality not in COUNTY_MUNICIPALITIES:
        raise InvalidRequestError("Välj en av länets 13 kommuner.")
    text = " ".join((text or "").split())[:MAX_TEXT]
    if not any(ch.isalpha() for ch in text):
        raise InvalidRequestError("Skriv med några ord vad ni vill förbättra.")
    result = library.search(text, per_page=HITS_READ)
    best = result.hits[0].score if result.hits else 0.0
    hits = [h for h in result.hits if h.score >= RELEVANT_SHARE * best]
    groups = _groups(hits, municipality)
    return StartPlan(municipality=municipality, text=text,
                     neighbours=list(COUNTY_NEIGHBOURS[municipality]),
                     total=result.total, message=result.message,
                     concepts=_concepts(library, text, hits, municipality)[:MAX_CONCEPTS],
                     groups=groups, contacts=_contacts(library, groups))
