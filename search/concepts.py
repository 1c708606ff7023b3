"""From single good examples to concepts: interventions across the county's municipalities."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Any

from ingest.model import INSPIRED_BY, INTERVENTION, MUNICIPALITY, STAGE
from ingest.tagging import home_municipalities
from ingest.tagging import taxonomy as load_taxonomy
from search.catalogue import Catalogue
from search.records import (
    Concept,
    ConceptBrief,
    ConceptItem,
    DocumentRef,
    Edge,
    ExampleSummary,
    Inspiration,
    InspirationSource,
    Municipality,
    MunicipalityItem,
    Status,
    UntriedConcept,
)

COUNTY = tuple(home_municipalities())
PLANNED = "planerad"


def slugify(name: str) -> str:
    text = name.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def taxonomy() -> list[dict[str, Any]]:
    """Interventions as dicts: slug, name, focus_areas, description."""
    return [
        {"slug": item.slug, "name": item.name, "focus_areas": list(item.focus_areas),
         "description": item.description}
        for item in load_taxonomy().interventions
    ]


class ConceptView:
    """Reads the catalogue into per-example facts and answers concept questions."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.examples: dict[str, ExampleSummary] = _summaries(catalogue)
        self.taxonomy = taxonomy()
        known = {c["name"].lower() for c in self.taxonomy}
        for ex in self.examples.values():
            for name in ex.interventions:
                if name.lower() not in known:
                    known.add(name.lower())
                    self.taxonomy.append({"slug": slugify(name), "name": name,
                                          "focus_areas": [], "description": ""})

    def _examples_of(self, name: str) -> list[ExampleSummary]:
        low = name.lower()
        found = [ex for ex in self.examples.values()
                 if any(i.lower() == low for i in ex.interventions)]
        return sorted(found, key=lambda e: (e.date or "", e.id))

    def concept(self, slug: str) -> Concept | None:
        info = next((c for c in self.taxonomy if c["slug"] == slug), None)
        if info is None:
            return None
        examples = self._examples_of(info["name"])
        status: dict[str, Status] = {m: "none" for m in COUNTY}
        first_year: dict[str, int] = {}
        by_municipality: dict[str, list[str]] = defaultdict(list)
        edges: list[Edge] = []
        for ex in examples:
            planned = (ex.stage or "").lower() == PLANNED
            for m in ex.municipalities:
                by_municipality[m].append(ex.id)
                if m in status:
                    if not planned:
                        status[m] = "practised"
                    elif status[m] == "none":
                        status[m] = "planned"
                if not planned and ex.year is not None:
                    first_year[m] = min(first_year.get(m, ex.year), ex.year)
                edges += [Edge(source=source, target=m, example_id=ex.id, year=ex.year)
                          for source in ex.inspired_by if source != m]
        return Concept(
            **info, examples=examples, status=status, first_year=first_year,
            municipalities=dict(sorted(by_municipality.items())),
            practised=[m for m in COUNTY if status[m] == "practised"],
            planned=[m for m in COUNTY if status[m] == "planned"],
            inspiration=edges)

    def _all_concepts(self) -> list[Concept]:
        return [c for c in (self.concept(info["slug"]) for info in self.taxonomy) if c]

    def concepts(self) -> list[ConceptItem]:
        out = [ConceptItem(slug=c.slug, name=c.name, focus_areas=c.focus_areas,
                           description=c.description, examples=len(c.examples),
                           practised=c.practised, planned=c.planned, status=c.status,
                           first_year=c.first_year)
               for c in self._all_concepts()]
        return sorted(out, key=lambda c: (-c.examples, c.name.lower()))

    def municipalities(self) -> list[MunicipalityItem]:
        counts: dict[str, int] = defaultdict(int)
        for ex in self.examples.values():
            for m in ex.municipalities:
                counts[m] += 1
        concepts = self.concepts()
        names = list(COUNTY) + sorted(m for m in counts if m not in COUNTY)
        return [MunicipalityItem(
            name=name, county=name in COUNTY, examples=counts.get(name, 0),
            practised=[c.slug for c in concepts if name in c.practised],
            planned=[c.slug for c in concepts if name in c.planned]) for name in names]

    def _known_municipality(self, name: str) -> str | None:
        wanted = (name or "").strip().lower()
        candidates = list(COUNTY) + [m for ex in self.examples.values()
                                     for m in ex.municipalities]
        return next((m for m in candidates if m.lower() == wanted), None)

    def municipality(self, name: str) -> Municipality | None:
        match = self._known_municipality(name)
        if match is None:
            return None
        examples = sorted((ex for ex in self.examples.values() if match in ex.municipalities),
                          key=lambda e: (e.date or "", e.id), reverse=True)
        practised: list[ConceptBrief] = []
        planned: list[ConceptBrief] = []
        not_tried: list[UntriedConcept] = []
        for c in self._all_concepts():
            brief = ConceptBrief(slug=c.slug, name=c.name, focus_areas=c.focus_areas)
            if match in c.practised or (match not in COUNTY and match in c.municipalities):
                practised.append(brief)
            elif match in c.planned:
                planned.append(brief)
            if match not in c.practised and c.practised:
                not_tried.append(UntriedConcept(**brief.model_dump(), practised_in=c.practised))
        inspired_by = sorted({s for ex in examples for s in ex.inspired_by if s != match})
        inspired = sorted({m for ex in self.examples.values() if match in ex.inspired_by
                           for m in ex.municipalities if m != match})
        return Municipality(name=match, county=match in COUNTY, examples=examples,
                            practised=practised, planned=planned, not_tried=not_tried,
                            inspired_by=inspired_by, inspired=inspired)

    def inspired(self, example_id: str) -> Inspiration | None:
        ex = self.examples.get(example_id)
        if ex is None:
            return None
        shared = {i.lower() for i in ex.interventions}

        def related(other: ExampleSummary) -> bool:
            return not shared or bool(shared & {i.lower() for i in other.interventions})

        sources = [
            InspirationSource(municipality=m, examples=[
                o for o in self.examples.values()
                if m in o.municipalities and o.id != ex.id and related(o)])
            for m in ex.inspired_by]
        followers = [o for o in self.examples.values()
                     if o.id != ex.id and related(o)
                     and set(o.inspired_by) & set(ex.municipalities)]
        return Inspiration(example_id=example_id, inspired_by=sources, inspired=followers)


def _summaries(catalogue: Catalogue) -> dict[str, ExampleSummary]:
    """Every stored example with the tags concepts are made of, by id."""
    tags: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for ex_id, kind, value in catalogue.tag_rows(
            (MUNICIPALITY, INTERVENTION, INSPIRED_BY, STAGE)):
        values = tags[ex_id][kind]
        if value not in values:
            values.append(value)
    out: dict[str, ExampleSummary] = {}
    for row in catalogue.example_summaries():
        date = row["date"] or ""
        found = tags.get(row["id"], {})
        out[row["id"]] = ExampleSummary(
            id=row["id"], title=row["title"], team=row["team"], date=row["date"],
            year=int(date[:4]) if date[:4].isdigit() else None,
            stage=next(iter(found.get(STAGE, [])), None),
            municipalities=found.get(MUNICIPALITY, []),
            interventions=found.get(INTERVENTION, []),
            inspired_by=found.get(INSPIRED_BY, []),
            document=DocumentRef(id=row["doc_id"], title=row["doc_title"],
                                 filename=row["filename"]))
    return out
