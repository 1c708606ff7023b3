"""Concept pages (an intervention across the county) and municipality pages."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from ingest.records import FOCUS_AREAS
from search.concepts import slugify
from search.records import SPREAD_LABELS, Concept, ExampleSummary, Spread
from search.spread import STATUSES
from search.spread_overrides import change_count
from web import spread as spread_files
from web import tilemap
from web.errors import error_response
from web.library import get_library, writing
from web.pagecache import kept_page
from web.security import current_user, login_required
from web.sheet_pdf import PdfCache, SheetPdfError, build_pdf

bp = Blueprint("concepts", __name__)

UNKNOWN_YEAR = "Okänt år"
# a municipality's page lists its newest examples, the search all of them: at 10k examples a
# municipality has hundreds, and a page of them all is slow to send and to read
MAX_MUNICIPALITY_EXAMPLES = 50
# a concept's timeline lists this many examples a year, with a search for the rest: at 10k
# examples one concept has thousands, and its page ran to megabytes
MAX_TIMELINE_PER_YEAR = 10


def _timeline(examples: list[ExampleSummary]) -> list[tuple[int | str, list[ExampleSummary]]]:
    """The examples by year, oldest first; those without a year last."""
    by_year: dict[int | str, list[ExampleSummary]] = defaultdict(list)
    for ex in examples:
        by_year[ex.year if ex.year is not None else UNKNOWN_YEAR].append(ex)
    return sorted(by_year.items(), key=lambda kv: (isinstance(kv[0], str), kv[0]))


SPREAD_MARK = {"planned": "…", "ongoing": "✓", "established": "✓✓", "ended": "×",
               "not_tried": "–"}


def anchor(municipality: str) -> str:
    """The id of a municipality's section of a concept page."""
    return "kommun-" + slugify(municipality)


def _spread_tiles(concept: Concept) -> tuple[list[tilemap.Tile], float, float]:
    """The county's tiles with the concept's one status per municipality (an overridden one
    marked "*"), and the map's width and height."""
    cells = {name: concept.spread.get(name) for name in tilemap.POSITIONS}
    statuses = {name: cell.status if cell else "not_tried" for name, cell in cells.items()}
    marks = {name: SPREAD_MARK[status] + ("*" if cells[name] and cells[name].override else "")
             for name, status in statuses.items()}
    return tilemap.tiles(statuses, marks, dict(concept.first_year))


def concept_view(concept: Concept) -> dict[str, Any]:
    """The concept with what its page draws: the tile map, the timeline, who is outside."""
    tiles, width, height = _spread_tiles(concept)
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
        "counts": {s: sum(1 for t in tiles if t.status == s) for s in STATUSES},
        "cells": [concept.spread[m] for m in tilemap.COUNTY_SORTED if m in concept.spread],
        "by_id": {ex.id: ex for ex in concept.examples},
    }


def contacts(concept: Concept | None, sheet: Any) -> dict[str, Any]:
    """Who to ask: a published sheet's own "Team som äger konceptet" and "Programmets coach"
    win; a field the sheet leaves empty (or no sheet) is derived from the examples."""
    fields = sheet.fields if sheet is not None else None
    owner_team = fields.owner_team if fields is not None and fields.owner_team else None
    coach = fields.coach if fields is not None and fields.coach else None
    return {
        "owner_team": owner_team,
        "owners": [] if owner_team or concept is None else
        [o.model_dump() for o in concept.owners],
        "coach": coach,
        "coaches": [] if coach or concept is None else
        [c.model_dump() for c in concept.coaches],
    }


@bp.get("/koncept", defaults={"fmt": "html"})
@bp.get("/koncept.<any(json):fmt>")
@kept_page
def concept_list(fmt: str) -> Response | str:
    """Every concept, and the published sheets (a sheet of its own examples first)."""
    library = get_library()
    concepts = sorted(library.concepts(),
                      key=lambda c: (-(len(c.practised) + len(c.planned)), c.name.casefold()))
    sheets = library.sheets.published()
    known = {c.slug for c in concepts}
    own = [s for s in sheets.values() if s.slug not in known]
    if fmt == "json":
        return jsonify({"concepts": [c.model_dump() for c in concepts],
                        "sheets": [s.model_dump() for s in sheets.values()]})
    return render_template("concepts.html", concepts=concepts, sheets=sheets, own_sheets=own)


@bp.get("/koncept/<slug>", defaults={"fmt": "html"})
@bp.get("/koncept/<slug>.<any(json):fmt>")
@kept_page
def concept(slug: str, fmt: str) -> Response | str:
    """A concept: its published sheet first ("Så kommer ni igång"), then its examples and
    spread; a sheet made of examples of its own has a page even without an intervention."""
    library = get_library()
    data = library.concept(slug)
    sheet = library.sheets.published().get(slug)
    if data is None and sheet is None:
        abort(404)
    if fmt == "json":
        return jsonify({"slug": slug, "sheet": sheet.model_dump() if sheet else None,
                        "concept": data.model_dump() if data else None,
                        "contacts": contacts(data, sheet)})
    own_sheet = library.sheets.get(slug) if current_user() else None
    return render_template(
        "concept.html", c=concept_view(data) if data else None, sheet=sheet,
        contacts=contacts(data, sheet),
        own_sheet=own_sheet, title=sheet.fields.name if sheet else data.name,  # type: ignore[union-attr]
        STATUSES=STATUSES, LABELS=SPREAD_LABELS, MARKS=SPREAD_MARK, anchor=anchor,
        PER_YEAR=MAX_TIMELINE_PER_YEAR)


@bp.get("/koncept/<slug>/blad.pdf")
def sheet_pdf(slug: str) -> Response:
    """The published sheet on A4 (web/sheet_pdf.py), made once per version and change."""
    library = get_library()
    sheet = library.sheets.published().get(slug)
    if sheet is None:
        abort(404)
    key = (slug, sheet.version, change_count(library.catalogue))
    pdfs = current_app.extensions.setdefault("sheet_pdfs", PdfCache())
    data = pdfs.get(key)
    if data is None:
        html = render_template("sheet_print.html", s=sheet, concept=library.concept(slug))
        try:
            data = build_pdf(html)
        except SheetPdfError as exc:
            return error_response(503, str(exc))
        pdfs.put(key, data)
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="konceptblad-{slug}.pdf"'
    return response


@bp.post("/koncept/<slug>/kommun/<name>/status")
@login_required
def override(slug: str, name: str) -> Response:
    """A coordinator sets (with a reason) or removes the status of one cell."""
    if get_library().concept(slug) is None or name not in tilemap.POSITIONS:
        abort(404)
    back = url_for("concepts.concept", slug=slug, _anchor=anchor(name))
    if request.form.get("action") == "remove":
        with writing() as library:
            library.remove_spread_override(slug, name)
        flash(f"Statusen för {name} härleds åter ur exemplen.", "ok")
        return redirect(back)
    status = request.form.get("status", "")
    try:
        with writing() as library:
            library.set_spread_override(slug, name, status,  # type: ignore[arg-type]
                                        request.form.get("skal", ""), current_user())
    except ValueError:
        flash("Välj en status och skriv ett skäl (högst 1000 tecken).", "error")
        return redirect(back)
    flash(f"{name}: statusen är nu {SPREAD_LABELS[status].lower()}.", "ok")
    return redirect(back)


FORMATS = {"html", "csv", "xlsx", "json"}


def spread_of(args: Any) -> Spread:
    """The overview for a query string (ValueError for a bad focus area or year)."""
    focus, year = spread_files.parse(args)
    return get_library().spread(focus, year)


@bp.get("/koncept/spridning", defaults={"fmt": "html"})
@bp.get("/koncept/spridning.<fmt>")
@kept_page
def spread(fmt: str) -> Response | str:
    """Concepts × the county's municipalities: the page and its CSV and XLSX downloads."""
    if fmt not in FORMATS:
        abort(404)
    try:
        data = spread_of(request.args)
    except ValueError as exc:
        return error_response(400, str(exc))
    if fmt == "json":
        return jsonify(data.model_dump())
    if fmt == "html":
        return render_template("concept_spread.html", s=data, focus_areas=FOCUS_AREAS,
                               LABELS=SPREAD_LABELS, MARKS=SPREAD_MARK, STATUSES=STATUSES,
                               anchor=anchor)
    body, mimetype = ((spread_files.to_csv(data), spread_files.CSV_TYPE) if fmt == "csv"
                      else (spread_files.to_xlsx(data), spread_files.XLSX_TYPE))
    response = Response(body, mimetype=mimetype)
    name = spread_files.filename(data.focus_area, data.year, fmt)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.get("/kommun")
@kept_page
def municipality_list() -> str:
    rows = get_library().municipalities()
    by_name = {r.name: r for r in rows}
    county = [by_name[name] for name in tilemap.COUNTY_SORTED if name in by_name]
    others = [r for r in rows if r.name not in tilemap.POSITIONS]
    return render_template("municipalities.html", county=county, others=others)


@bp.get("/kommun/<name>")
@kept_page
def municipality(name: str) -> str:
    data = get_library().municipality(name)
    if data is None:
        abort(404)
    return render_template("municipality.html", m=data, anchor=anchor,
                           MAX_EXAMPLES=MAX_MUNICIPALITY_EXAMPLES)
