"""The search page: one box, combinable facet filters, highlighted snippets, pagination."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from web import library, params
from web.extensions import search_limit
from web.pagecache import kept_page

bp = Blueprint("search", __name__)


def sorted_facet(counts: dict[str, int] | None, name: str) -> list[tuple[str, int]]:
    """Facet values, most frequent first; years newest first."""
    items = list((counts or {}).items())
    if name == "ar":
        return sorted(items, key=lambda kv: str(kv[0]), reverse=True)
    return sorted(items, key=lambda kv: (-kv[1], str(kv[0]).casefold()))


def canonical_url(p: params.SearchParams) -> str:
    """The search page for exactly these parameters (a changed query starts on page 1)."""
    args: dict[str, object] = dict(p.filters)
    if p.q:
        args["q"] = p.q
    if p.page > 1 and not p.notice:
        args["page"] = p.page
    if p.sort != "relevance":
        args["sort"] = p.sort
    return url_for("search.index", **args)


@bp.get("/")
@search_limit
def index() -> str | Response:
    # the start page (no query string) is the same for every visitor until the catalogue
    # changes: kept rendered (web.pagecache)
    return _start_page() if not request.args else _results()


def _results() -> str | Response:
    p = params.parse(
        request.args, current_app.config["SEARCH_PER_PAGE"], current_app.config["API_MAX_PER_PAGE"]
    )
    if p.notice or p.dropped:
        # Over the limits: search what is within them, under a URL (and links, search box,
        # headings) that repeat only that, with a note on what was shortened.
        if p.notice:
            flash(p.notice, "info")
        return redirect(canonical_url(p))
    result = library.search(p.q, p.filters, p.page, p.per_page, p.sort)
    facets = {name: sorted_facet(result.facets.get(name), name) for name in params.FACET_NAMES}
    # keep selected values visible even when they have no hits with the other filters
    for name, values in p.filters.items():
        shown = {value for value, _ in facets[name]}
        facets[name] = [(v, 0) for v in values if v not in shown] + facets[name]
    return render_template(
        "search.html", p=p, result=result, facets=facets, has_filters=bool(p.filters)
    )


_start_page = kept_page(_results)
