"""From single good examples to concepts: interventions across the county's municipalities."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Any

from ingest.model import INSPIRED_BY, INTERVENTION, MUNICIPALITY, STAGE
from ingest.tagging import home_municipalities
from ingest.tagging import taxonomy as load_taxonomy
from search import concept_contacts
from search import spread as rule
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
    Spread,
    SpreadCell,
    SpreadRow,
    SpreadStatus,
    Status,
    UntriedConcept,
)
from search.spread_overrides import inspiration_targets, overrides

COUNTY = tuple(home_municipalities())


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
    """Reads the catalogue once into per-example facts and answers concept questions.

    Built once per catalogue change (``Library`` keeps it while ``change_count`` stays): the
    concepts, their cells and inspiration edges are made here, not per request, from examples
    grouped once by intervention, municipality and inspiring municipality. The answers about
    the whole bank (the lists, a municipality, an example's inspiration) are made on first
    asking and kept with the view: every request after that reads them.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.examples, team_keys = _summaries(catalogue)
        self._by_team: dict[str, list[ExampleSummary]] = defaultdict(list)
        for ex_id, key in team_keys.items():
            self._by_team[key].append(self.examples[ex_id])
        self._by_intervention: dict[str, list[ExampleSummary]] = defaultdict(list)
        self._by_municipality: dict[str, list[ExampleSummary]] = defaultdict(list)
        self._by_source: dict[str, list[ExampleSummary]] = defaultdict(list)
        for ex in self.examples.values():
            for name in {i.lower() for i in ex.interventions}:
                self._by_intervention[name].append(ex)
            for m in ex.municipalities:
                self._by_municipality[m].append(ex)
            for m in ex.inspired_by:
                self._by_source[m].append(ex)
        self._kept: dict[tuple[str, Any], Any] = {}
        self.taxonomy = taxonomy()
        known = {c["name"].lower() for c in self.taxonomy}
        for ex in self.examples.values():
            for name in ex.interventions:
                if name.lower() not in known:
                    known.add(name.lower())
                    self.taxonomy.append({"slug": slugify(name), "name": name,
                                          "focus_areas": [], "description": ""})
        self.overrides = overrides(catalogue)
        self.inspiration_targets = inspiration_targets(catalogue)
        self.coaches: dict[str, list[dict[str, Any]]] = dict(catalogue.coach_rows())
        self._concepts = {info["slug"]: self._build(info) for info in self.taxonomy}
        self._spreads: dict[tuple[str | None, int | None], Spread] = {}

    def team(self, team_key: str) -> list[ExampleSummary]:
        """The published examples of a team (``team_key``), oldest first."""
        found = self._by_team.get(team_key, [])
        return sorted(found, key=lambda e: (e.date or "", e.id))

    def _examples_of(self, name: str) -> list[ExampleSummary]:
        found = self._by_intervention.get(name.lower(), [])
        return sorted(found, key=lambda e: (e.date or "", e.id))

    def _cells(self, slug: str, examples: list[ExampleSummary], upto: int | None = None
               ) -> dict[str, SpreadCell]:
        """The county's cells of a concept; overrides only for the present (no year)."""
        where: dict[str, list[ExampleSummary]] = defaultdict(list)
        for ex in examples:
            for m in ex.municipalities:
                where[m].append(ex)
        return {m: rule.cell(
            m, where.get(m, []),
            self.overrides.get((slug, m)) if upto is None else None, upto) for m in COUNTY}

    def _keep(self, key: tuple[str, Any], make: Any) -> Any:
        """``make()`` once per view and key (two threads may both make it: same answer)."""
        if key not in self._kept:
            self._kept[key] = make()
        return self._kept[key]

    def _edges(self, name: str, examples: list[ExampleSummary]) -> list[Edge]:
        """One edge per source → target, with every example that states it about this concept."""
        low = name.lower()
        edges: dict[tuple[str, str], Edge] = {}
        for ex in examples:
            about = self.inspiration_targets.get(ex.id, {})
            for source in ex.inspired_by:
                if low not in about.get(source, {low}):
                    continue
                for target in ex.municipalities:
                    if target == source:
                        continue
                    edge = edges.setdefault((source, target), Edge(
                        source=source, target=target, example_id=ex.id, year=ex.year))
                    edge.example_ids.append(ex.id)
                    if ex.year is not None and (edge.year is None or ex.year < edge.year):
                        edge.year = ex.year
        return sorted(edges.values(), key=lambda e: (e.year or 0, e.source, e.target))

    def _build(self, info: dict[str, Any]) -> Concept:
        examples = self._examples_of(info["name"])
        cells = self._cells(info["slug"], examples)
        by_municipality: dict[str, list[str]] = defaultdict(list)
        for ex in examples:
            for m in ex.municipalities:
                by_municipality[m].append(ex.id)
        status: dict[str, Status] = {m: rule.coarse(c.status) for m, c in cells.items()}
        return Concept(
            **info, examples=examples, status=status, spread=cells,
            first_year={m: c.since for m, c in cells.items()
                        if c.since is not None and c.status in rule.PRACTISED},
            municipalities=dict(sorted(by_municipality.items())),
            practised=[m for m in COUNTY if status[m] == "practised"],
            planned=[m for m in COUNTY if status[m] == "planned"],
            inspiration=self._edges(info["name"], examples),
            owners=concept_contacts.owners(examples, cells),
            coaches=concept_contacts.coaches(examples, self.coaches))

    def concept(self, slug: str) -> Concept | None:
        return self._concepts.get(slug)

    def _all_concepts(self) -> list[Concept]:
        return list(self._concepts.values())

    def concepts(self) -> list[ConceptItem]:
        return self._keep(("concepts", None), self._make_concepts)

    def _make_concepts(self) -> list[ConceptItem]:
        out = [ConceptItem(slug=c.slug, name=c.name, focus_areas=c.focus_areas,
                           description=c.description, examples=len(c.examples),
                           practised=c.practised, planned=c.planned, status=c.status,
                           first_year=c.first_year)
               for c in self._all_concepts()]
        return sorted(out, key=lambda c: (-c.examples, c.name.lower()))

    def municipalities(self) -> list[MunicipalityItem]:
        return self._keep(("municipalities", None), self._make_municipalities)

    def _make_municipalities(self) -> list[MunicipalityItem]:
        counts = {m: len(found) for m, found in self._by_municipality.items()}
        concepts = self.concepts()
        names = list(COUNTY) + sorted(m for m in counts if m not in COUNTY)
        return [MunicipalityItem(
            name=name, county=name in COUNTY, examples=counts.get(name, 0),
            practised=[c.slug for c in concepts if name in c.practised],
            planned=[c.slug for c in concepts if name in c.planned]) for name in names]

    def _known_municipality(self, name: str) -> str | None:
        wanted = (name or "").strip().lower()
        candidates = list(COUNTY) + list(self._by_municipality)
        return next((m for m in candidates if m.lower() == wanted), None)

    def municipality(self, name: str) -> Municipality | None:
        """A municipality's page: in the county every concept is in exactly one of its lists
        (practised, planned, ended, not tried) by the cell's one status."""
        match = self._known_municipality(name)
        if match is None:
            return None
        return self._keep(("municipality", match), lambda: self._make_municipality(match))

    def _make_municipality(self, match: str) -> Municipality:
        examples = sorted(self._by_municipality.get(match, []),
                          key=lambda e: (e.date or "", e.id), reverse=True)
        lists: dict[str, list[Any]] = defaultdict(list)
        statuses: dict[str, SpreadStatus] = {}
        for c in self._all_concepts():
            brief = ConceptBrief(slug=c.slug, name=c.name, focus_areas=c.focus_areas)
            state = c.spread[match].status if match in c.spread else None
            if state is not None:
                statuses[c.slug] = state
            if state in rule.PRACTISED or (state is None and match in c.municipalities):
                lists["practised"].append(brief)
            elif state in ("planned", "ended"):
                lists[state].append(brief)
            elif state == "not_tried" and c.practised:
                lists["not_tried"].append(
                    UntriedConcept(**brief.model_dump(), practised_in=c.practised))
        inspired_by = sorted({s for ex in examples for s in ex.inspired_by if s != match})
        inspired = sorted({m for ex in self._by_source.get(match, [])
                           for m in ex.municipalities if m != match})
        return Municipality(name=match, county=match in COUNTY, examples=examples,
                            practised=lists["practised"], planned=lists["planned"],
                            ended=lists["ended"], not_tried=lists["not_tried"],
                            statuses=statuses, inspired_by=inspired_by, inspired=inspired)

    def spread(self, focus_area: str | None = None, year: int | None = None) -> Spread:
        """Concepts × the county's municipalities, optionally one focus area's concepts and
        the state at the end of a year (then without overrides)."""
        key = (focus_area, year)
        if key not in self._spreads:
            self._spreads[key] = self._make_spread(focus_area, year)
        return self._spreads[key]

    def _make_spread(self, focus_area: str | None, year: int | None) -> Spread:
        rows = []
        for c in sorted(self._all_concepts(), key=lambda c: c.name.casefold()):
            if focus_area and focus_area not in c.focus_areas:
                continue
            cells = c.spread if year is None else self._cells(c.slug, c.examples, year)
            rows.append(SpreadRow(slug=c.slug, name=c.name, focus_areas=c.focus_areas,
                                  cells=cells))
        counts = dict.fromkeys(rule.STATUSES, 0)
        for row in rows:
            for one in row.cells.values():
                counts[one.status] += 1
        years = sorted({ex.year for ex in self.examples.values() if ex.year is not None})
        return Spread(municipalities=list(COUNTY), focus_area=focus_area, year=year,
                      years=years, counts=counts, rows=rows)

    def inspired(self, example_id: str) -> Inspiration | None:
        ex = self.examples.get(example_id)
        if ex is None:
            return None
        return self._keep(("inspired", example_id), lambda: self._make_inspired(ex))

    def _make_inspired(self, ex: ExampleSummary) -> Inspiration:
        shared = {i.lower() for i in ex.interventions}

        def related(other: ExampleSummary) -> bool:
            return not shared or bool(shared & {i.lower() for i in other.interventions})

        sources = [
            InspirationSource(municipality=m, examples=[
                o for o in self._by_municipality.get(m, []) if o.id != ex.id and related(o)])
            for m in ex.inspired_by]
        # every example inspired by one of this one's municipalities, in catalogue order
        candidates = {o.id for m in ex.municipalities for o in self._by_source.get(m, [])}
        followers = [o for o in self.examples.values()
                     if o.id in candidates and o.id != ex.id and related(o)]
        return Inspiration(example_id=ex.id, inspired_by=sources, inspired=followers)


def _summaries(catalogue: Catalogue) -> tuple[dict[str, ExampleSummary], dict[str, str]]:
    """Every published example with the tags concepts are made of, by id; and the team key
    of each that has one."""
    tags: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for ex_id, kind, value in catalogue.tag_rows(
            (MUNICIPALITY, INTERVENTION, INSPIRED_BY, STAGE)):
        values = tags[ex_id][kind]
        if value not in values:
            values.append(value)
    out: dict[str, ExampleSummary] = {}
    teams: dict[str, str] = {}
    for row in catalogue.example_summaries():
        if row["team_key"]:
            teams[row["id"]] = row["team_key"]
        date = row["date"] or ""
        found = tags.get(row["id"], {})
        # made from the catalogue's own typed columns: not validated again on every change
        out[row["id"]] = ExampleSummary.model_construct(
            id=row["id"], title=row["title"], team=row["team"], date=row["date"],
            year=int(date[:4]) if date[:4].isdigit() else None,
            stage=next(iter(found.get(STAGE, [])), None),
            municipalities=found.get(MUNICIPALITY, []),
            interventions=found.get(INTERVENTION, []),
            inspired_by=found.get(INSPIRED_BY, []),
            document=DocumentRef.model_construct(id=row["doc_id"], title=row["doc_title"],
                                                 filename=row["filename"]))
    return out, teams
