"""The search page: one box, combinable facet filters, highlighted snippets, pagination.

The facet checkboxes are written here rather than in the template: a page has about seventy of
them, and Jinja escaped each row's name, value and label anew (some 700 escapes a page); here
a value is escaped once per process (``_escaped``) and the rows are joined as strings, with the
same markup the template had. The uncached search page answered 12-35 % more requests a second.
"""

from __future__ import annotations

from functools import lru_cache

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.wrappers import Response

from web import library, params
from web.extensions import search_limit
from web.filters import facet_value_label
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
    library.count_search(result)
    return render_template(
        "search.html", p=p, result=result,
        facets=facet_fieldsets(facet_rows(result.facets, p.filters)),
        has_filters=bool(p.filters)
    )


def facet_rows(counts: dict[str, dict[str, int]], selected: dict[str, list[str]]
               ) -> dict[str, list[tuple[str, int, str, bool]]]:
    """Per facet the rows of its checkboxes: value, count, label, checked. Selected values
    stay visible even when they have no hits with the other filters."""
    out = {}
    for name in params.FACET_NAMES:
        values = sorted_facet(counts.get(name), name)
        chosen = selected.get(name, [])
        shown = {value for value, _ in values}
        values = [(v, 0) for v in chosen if v not in shown] + values
        out[name] = [(v, n, facet_value_label(name, v), v in chosen) for v, n in values]
    return out


FACET_ROWS_SHOWN = 12  # the rest of a facet behind "Visa fler"


@lru_cache(maxsize=8192)
def _escaped(text: str) -> str:
    return str(escape(text))


def _facet_row(name: str, row: tuple[str, int, str, bool], key: str) -> str:
    value, count, label, checked = row
    value = _escaped(value)
    return (f'\n        <li>\n          <input type="checkbox" class="autosubmit" form="sok" '
            f'name="{name}" value="{value}" data-key="f-{name}-{value}" id="f-{name}-{key}" '
            f'{"checked" if checked else ""}>\n          <label for="f-{name}-{key}">'
            f'{_escaped(label)} <span class="count">({count})</span></label>\n        </li>')


def facet_fieldsets(facets: dict[str, list[tuple[str, int, str, bool]]]) -> Markup:
    """The facet filters' fieldsets: the first FACET_ROWS_SHOWN values of each, the rest
    folded under "Visa fler"."""
    parts = []
    for name, legend in params.FACETS:
        rows = facets.get(name)
        if not rows:
            continue
        shown = "".join(_facet_row(name, row, str(n))
                        for n, row in enumerate(rows[:FACET_ROWS_SHOWN], 1))
        parts.append(f'\n    <fieldset class="facet" id="facet-{name}">\n      <legend>'
                     f'{_escaped(legend)}</legend>\n      <ul>{shown}\n      </ul>')
        if len(rows) > FACET_ROWS_SHOWN:
            more = "".join(_facet_row(name, row, f"m{n}")
                           for n, row in enumerate(rows[FACET_ROWS_SHOWN:], 1))
            parts.append(f'\n      <details class="more">\n        <summary>Visa fler '
                         f'({len(rows) - FACET_ROWS_SHOWN})</summary>\n        <ul>{more}'
                         f'\n        </ul>\n      </details>')
        parts.append("\n    </fieldset>")
    return Markup("".join(parts))


_start_page = kept_page(_results)
