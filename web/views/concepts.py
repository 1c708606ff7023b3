"""Concept pages (an intervention across the county) and municipality pages."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from flask import Blueprint, abort, render_template

from web import refs, tilemap
from web.library import get_library

bp = Blueprint("concepts", __name__)


def _year(value: Any) -> int | None:
    if value is None:
        return None
    text = str(value)
    return int(text[:4]) if text[:4].isdigit() else None


def _statuses(concept: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """Status and first year per county municipality, whatever shape the Library used."""
    statuses: dict[str, str] = {}
    years: dict[str, Any] = {}
    raw = concept.get("status") or concept.get("statuses") or concept.get("county") or {}
    if isinstance(raw, list):
        raw = {row.get("municipality") or row.get("name"): row for row in raw}
    for name, value in raw.items():
        if isinstance(value, dict):
            statuses[name] = value.get("status", "none")
            years[name] = value.get("first_year") or value.get("year")
        else:
            statuses[name] = str(value)
    first = concept.get("first_year") or concept.get("first_years")
    if isinstance(first, dict):
        for name, year in first.items():
            years.setdefault(name, year)
            if years.get(name) is None:
                years[name] = year
    return statuses, years


def _edges(concept: dict[str, Any]) -> list[dict[str, Any]]:
    edges = concept.get("edges") or concept.get("inspiration") or concept.get("inspired") or []
    result = []
    for edge in edges:
        if isinstance(edge, dict):
            source = edge.get("from") or edge.get("source") or edge.get("inspired_by")
            target = edge.get("to") or edge.get("target") or edge.get("municipality")
            result.append({"from": source, "to": target, "example": edge.get("example_id"),
                           "year": _year(edge.get("year") or edge.get("date"))})
        elif isinstance(edge, list | tuple) and len(edge) >= 2:
            result.append({"from": edge[0], "to": edge[1], "example": None, "year": None})
    return [e for e in result if e["from"] and e["to"]]


def _count(value: Any) -> int:
    if isinstance(value, int):
        return value
    return len(value or [])


def concept_view(concept: dict[str, Any]) -> dict[str, Any]:
    """The concept dict from the Library, shaped for the template."""
    statuses, years = _statuses(concept)
    examples = concept.get("examples") or []
    if isinstance(examples, dict):  # {municipality: [examples]}
        flat: list[Any] = []
        for rows in examples.values():
            flat.extend(rows)
        examples = flat
    rows = refs.refs(examples)
    unique: dict[Any, dict[str, Any]] = {}
    for row in rows:
        unique.setdefault(row["id"] or row["title"], row)
    rows = list(unique.values())
    for row in rows:
        row["year"] = row.get("year") or _year(row.get("date"))
    by_year: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_year[row["year"] or "Okänt år"].append(row)
    timeline = sorted(by_year.items(), key=lambda kv: (isinstance(kv[0], str), kv[0]))
    tiles, width, height = tilemap.tiles(statuses, years)
    outside = sorted(
        {m for row in rows for m in row["municipalities"] if m not in tilemap.POSITIONS}
    )
    return {
        "slug": concept.get("slug"),
        "name": concept.get("name") or concept.get("slug"),
        "description": concept.get("description"),
        "focus_areas": concept.get("focus_areas") or [],
        "examples": rows,
        "timeline": timeline,
        "edges": _edges(concept),
        "tiles": tiles,
        "width": width,
        "height": height,
        "statuses": statuses,
        "years": years,
        "outside": outside,
        "counts": {
            s: sum(1 for t in tiles if t.status == s) for s in ("practised", "planned", "none")
        },
    }


@bp.get("/koncept")
def concept_list() -> str:
    concepts = get_library().concepts()
    rows = []
    for concept in concepts:
        statuses, _ = _statuses(concept)
        rows.append(
            {
                "slug": concept.get("slug"),
                "name": concept.get("name") or concept.get("slug"),
                "description": concept.get("description"),
                "focus_areas": concept.get("focus_areas") or [],
                "practised": sum(1 for s in statuses.values() if s == "practised"),
                "planned": sum(1 for s in statuses.values() if s == "planned"),
                "examples": _count(concept.get("examples")),
            }
        )
    rows.sort(key=lambda r: (-(r["practised"] + r["planned"]), str(r["name"]).casefold()))
    return render_template("concepts.html", concepts=rows)


@bp.get("/koncept/<slug>")
def concept(slug: str) -> str:
    data = get_library().concept(slug)
    if data is None:
        abort(404)
    return render_template("concept.html", c=concept_view(data))


@bp.get("/kommun")
def municipality_list() -> str:
    rows = get_library().municipalities()
    by_name = {r.get("name"): r for r in rows}
    county = []
    for name in tilemap.COUNTY_SORTED:
        row = by_name.get(name) or {}
        county.append({
            "name": name,
            "examples": _count(row.get("examples")),
            "practised": len(row.get("practised") or []),
            "planned": len(row.get("planned") or []),
        })
    others = [
        {"name": n, "examples": _count(r.get("examples"))}
        for n, r in by_name.items()
        if n and n not in tilemap.POSITIONS
    ]
    return render_template("municipalities.html", county=county, others=others)


@bp.get("/kommun/<name>")
def municipality(name: str) -> str:
    data = get_library().municipality(name)
    if data is None:
        abort(404)
    examples = refs.refs(data.get("examples") or [])
    return render_template(
        "municipality.html",
        name=data.get("name") or name,
        data=data,
        examples=examples,
        practised=data.get("practised") or [],
        planned=data.get("planned") or [],
        untried=data.get("not_tried") or [],
        inspired_by=data.get("inspired_by") or [],
        inspired=data.get("inspired") or [],
    )
