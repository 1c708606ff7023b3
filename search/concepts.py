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
        self.examples: dict[str, dict[str, Any]] = {}
        for row in catalogue.example_summaries():
            date = row["date"] or ""
            self.examples[row["id"]] = {
                "id": row["id"], "title": row["title"], "team": row["team"],
                "team_key": row["team_key"], "date": row["date"],
                "year": int(date[:4]) if date[:4].isdigit() else None,
                "document": {"id": row["doc_id"], "title": row["doc_title"],
                             "filename": row["filename"]},
                "municipalities": [], "interventions": [], "inspired_by": [], "stage": None,
            }
        for ex_id, kind, value in catalogue.tag_rows(
                (MUNICIPALITY, INTERVENTION, INSPIRED_BY, STAGE)):
            ex = self.examples.get(ex_id)
            if ex is None:
                continue
            if kind == STAGE:
                ex["stage"] = ex["stage"] or value
                continue
            key = {MUNICIPALITY: "municipalities", INTERVENTION: "interventions",
                   INSPIRED_BY: "inspired_by"}[kind]
            if value not in ex[key]:
                ex[key].append(value)
        self.taxonomy = taxonomy()
        known = {c["name"].lower() for c in self.taxonomy}
        for ex in self.examples.values():
            for name in ex["interventions"]:
                if name.lower() not in known:
                    known.add(name.lower())
                    self.taxonomy.append({"slug": slugify(name), "name": name,
                                          "focus_areas": [], "description": ""})

    def _examples_of(self, name: str) -> list[dict[str, Any]]:
        low = name.lower()
        found = [ex for ex in self.examples.values()
                 if any(i.lower() == low for i in ex["interventions"])]
        return sorted(found, key=lambda e: (e["date"] or "", e["id"]))

    def concept(self, slug: str) -> dict[str, Any] | None:
        info = next((c for c in self.taxonomy if c["slug"] == slug), None)
        if info is None:
            return None
        examples = self._examples_of(info["name"])
        status = {m: "none" for m in COUNTY}
        first_year: dict[str, int | None] = {}
        by_municipality: dict[str, list[str]] = defaultdict(list)
        edges: list[dict[str, Any]] = []
        for ex in examples:
            planned = (ex["stage"] or "").lower() == PLANNED
            for m in ex["municipalities"]:
                by_municipality[m].append(ex["id"])
                if m in status:
                    if not planned:
                        status[m] = "practised"
                    elif status[m] == "none":
                        status[m] = "planned"
                if not planned and ex["year"] is not None:
                    prev = first_year.get(m)
                    first_year[m] = ex["year"] if prev is None else min(prev, ex["year"])
                for source in ex["inspired_by"]:
                    if source != m:
                        edges.append({"from": source, "to": m, "example_id": ex["id"],
                                      "year": ex["year"]})
        return {
            **info,
            "examples": [_summary(ex) for ex in examples],
            "status": status,
            "first_year": {m: y for m, y in first_year.items() if y is not None},
            "municipalities": {m: ids for m, ids in sorted(by_municipality.items())},
            "practised": [m for m in COUNTY if status[m] == "practised"],
            "planned": [m for m in COUNTY if status[m] == "planned"],
            "inspiration": edges,
        }

    def concepts(self) -> list[dict[str, Any]]:
        out = []
        for info in self.taxonomy:
            c = self.concept(info["slug"])
            assert c is not None
            out.append({
                "slug": c["slug"], "name": c["name"], "focus_areas": c["focus_areas"],
                "description": c["description"], "examples": len(c["examples"]),
                "practised": c["practised"], "planned": c["planned"],
                "status": c["status"], "first_year": c["first_year"],
            })
        return sorted(out, key=lambda c: (-c["examples"], c["name"].lower()))

    def municipalities(self) -> list[dict[str, Any]]:
        counts: dict[str, int] = defaultdict(int)
        for ex in self.examples.values():
            for m in ex["municipalities"]:
                counts[m] += 1
        concepts = self.concepts()
        out = []
        names = list(COUNTY) + sorted(m for m in counts if m not in COUNTY)
        for name in names:
            out.append({
                "name": name, "county": name in COUNTY, "examples": counts.get(name, 0),
                "practised": [c["slug"] for c in concepts if name in c["practised"]],
                "planned": [c["slug"] for c in concepts if name in c["planned"]],
            })
        return out

    def municipality(self, name: str) -> dict[str, Any] | None:
        match = next((m for m in list(COUNTY) + [
            m for ex in self.examples.values() for m in ex["municipalities"]]
            if m.lower() == (name or "").strip().lower()), None)
        if match is None:
            return None
        examples = sorted((ex for ex in self.examples.values() if match in ex["municipalities"]),
                          key=lambda e: (e["date"] or "", e["id"]), reverse=True)
        concepts = [self.concept(c["slug"]) for c in self.taxonomy]
        practised, planned, not_tried = [], [], []
        for c in concepts:
            assert c is not None
            brief = {"slug": c["slug"], "name": c["name"], "focus_areas": c["focus_areas"]}
            if match in c["practised"] or (match not in COUNTY and match in c["municipalities"]):
                practised.append(brief)
            elif match in c["planned"]:
                planned.append(brief)
            if match not in c["practised"] and c["practised"]:
                not_tried.append({**brief, "practised_in": c["practised"]})
        inspired_by = sorted({s for ex in examples for s in ex["inspired_by"] if s != match})
        inspired = sorted({m for ex in self.examples.values() if match in ex["inspired_by"]
                           for m in ex["municipalities"] if m != match})
        return {
            "name": match, "county": match in COUNTY,
            "examples": [_summary(ex) for ex in examples],
            "practised": practised, "planned": planned, "not_tried": not_tried,
            "inspired_by": inspired_by, "inspired": inspired,
        }

    def inspired(self, example_id: str) -> dict[str, Any] | None:
        ex = self.examples.get(example_id)
        if ex is None:
            return None
        shared = {i.lower() for i in ex["interventions"]}

        def related(other: dict[str, Any]) -> bool:
            return not shared or bool(shared & {i.lower() for i in other["interventions"]})

        sources = []
        for m in ex["inspired_by"]:
            there = [o for o in self.examples.values()
                     if m in o["municipalities"] and o["id"] != ex["id"] and related(o)]
            sources.append({"municipality": m, "examples": [_summary(o) for o in there]})
        followers = [
            o for o in self.examples.values()
            if o["id"] != ex["id"] and related(o)
            and set(o["inspired_by"]) & set(ex["municipalities"])
        ]
        return {"example_id": example_id, "inspired_by": sources,
                "inspired": [_summary(o) for o in followers]}


def _summary(ex: dict[str, Any]) -> dict[str, Any]:
    return {k: ex[k] for k in ("id", "title", "team", "date", "year", "stage", "municipalities",
                               "interventions", "inspired_by", "document")}
