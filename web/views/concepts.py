"""Concept pages (an intervention across the county) and municipality pages."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from flask import Blueprint, abort, render_template

from search.records import Concept, ExampleSummary
from web import tilemap
from web.library import get_library

bp = Blueprint("concepts", __name__)

UNKNOWN_YEAR = "Okänt år"


def _timeline(examples: list[ExampleSummary]) -> list[tuple[int | str, list[ExampleSummary]]]:
    """The examples by year, oldest first; those without a year last."""
    by_year: dict[int | str, list[ExampleSummary]] = defaultdict(list)
    for ex in examples:
        by_year[ex.year if ex.year is not None else UNKNOWN_YEAR].append(ex)
    return sorted(by_year.items(), key=lambda kv: (isinstance(kv[0], str), kv[0]))


def concept_view(concept: Concept) -> dict[str, Any]:
    """The concept with what its page draws: the tile map, the timeline, who is outside."""
    tiles, width, height = tilemap.tiles(dict(concept.status), dict(concept.first_year))
    return {
        "slug": concept.slug,
        "name": concept.name,
        "description": concept.description,
        "focus_areas": concept.focus_areas,
        "examples": concept.examples,
        "timeline": _timeline(concept.examples),
        "edges": concept.inspiration,
        "tiles": tiles,
        "width": width,
        "height": height,
        "outside": sorted({m for ex in concept.examples for m in ex.municipalities
                           if m not in tilemap.POSITIONS}),
        "counts": {
            s: sum(1 for t in tiles if t.status == s) for s in ("practised", "planned", "none")
        },
    }


@bp.get("/koncept")
def concept_list() -> str:
    concepts = sorted(get_library().concepts(),
                      key=lambda c: (-(len(c.practised) + len(c.planned)), c.name.casefold()))
    return render_template("concepts.html", concepts=concepts)


@bp.get("/koncept/<slug>")
def concept(slug: str) -> str:
    data = get_library().concept(slug)
    if data is None:
        abort(404)
    return render_template("concept.html", c=concept_view(data))


@bp.get("/kommun")
def municipality_list() -> str:
    rows = get_library().municipalities()
    by_name = {r.name: r for r in rows}
    county = [by_name[name] for name in tilemap.COUNTY_SORTED if name in by_name]
    others = [r for r in rows if r.name not in tilemap.POSITIONS]
    return render_template("municipalities.html", county=county, others=others)


@bp.get("/kommun/<name>")
def municipality(name: str) -> str:
    data = get_library().municipality(name)
    if data is None:
        abort(404)
    return render_template("municipality.html", m=data)
