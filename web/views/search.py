"""The search page: one box, combinable facet filters, highlighted snippets, pagination."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from web import library, params

bp = Blueprint("search", __name__)


def sorted_facet(counts: dict[str, int] | None, name: str) -> list[tuple[str, int]]:
    """Facet values, most frequent first; years newest first."""
    items = list((counts or {}).items())
    if name == "ar":
        return sorted(items, key=lambda kv: str(kv[0]), reverse=True)
    return sorted(items, key=lambda kv: (-kv[1], str(kv[0]).casefold()))


@bp.get("/")
def index() -> str:
    p = params.parse(
        request.args, current_app.config["SEARCH_PER_PAGE"], current_app.config["API_MAX_PER_PAGE"]
    )
    result = library.search(p.q, p.filters, p.page, p.per_page, p.sort)
    facets = {name: sorted_facet(result.facets.get(name), name) for name in params.FACET_NAMES}
    # keep selected values visible even when they have no hits with the other filters
    for name, values in p.filters.items():
        shown = {value for value, _ in facets[name]}
        facets[name] = [(v, 0) for v in values if v not in shown] + facets[name]
    return render_template(
        "search.html", p=p, result=result, facets=facets, has_filters=bool(p.filters)
    )
