"""Jinja filters and globals: Swedish dates and labels, URLs that toggle search filters."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, request, url_for
from markupsafe import Markup

from ingest.formats import FORMATS
from ingest.lexicon import MONTHS
from ingest.tagging.language import language_name
from web.params import FACET_NAMES, FACETS

KINDS = {"newsletter": "Nyhetsbrev", "poster": "Poster", "document": "Dokument"}
TAG_KINDS = {
    "municipality": "Kommun",
    "place": "Plats",
    "team": "Team",
    "person": "Person",
    "focus_area": "Fokusområde",
    "intervention": "Insats",
    "actor": "Aktör",
    "inspired_by": "Inspirerad av",
    "age_group": "Åldersgrupp",
    "stage": "Skede",
    "coach": "Programmets coach",
}
FACET_LABELS = dict(FACETS)


def swedish_date(value: str | None) -> str:
    """'2023-01' -> 'januari 2023', '2023-09-21' -> '21 september 2023'."""
    if not value:
        return "okänt datum"
    parts = str(value).split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return str(value)
    return str(value)


def capfirst(value: str | None) -> str:
    """'gemensamma hembesök' -> 'Gemensamma hembesök' (the rest as it is)."""
    text = str(value or "")
    return text[:1].upper() + text[1:]


def kind_label(value: str | None) -> str:
    return KINDS.get(value or "", value or "")


def facet_value_label(name: str, value: str) -> str:
    if name == "dokumenttyp":
        return KINDS.get(value, value)
    if name == "alder":
        return f"{value} år"
    return value


def search_url(**changes: Any) -> str:
    """The search page URL for the current query string with some parameters replaced."""
    args = request.args.to_dict(flat=False) if request else {}
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value if isinstance(value, list) else [value]
    args = {k: v for k, v in args.items() if v and v != [""]}
    return url_for("search.index", **args)


def toggle_filter_url(name: str, value: str) -> str:
    """Add or remove one facet value; goes back to page 1."""
    current = [v for v in request.args.getlist(name) if v]
    new = [v for v in current if v != value] if value in current else [*current, value]
    return search_url(**{name: new or None, "page": None})


def filter_url(name: str, value: str) -> str:
    """A fresh search with just one filter (used for tag links on example pages)."""
    return url_for("search.index", **{name: value})


def concept_url(name: str) -> str:
    """The concept page of an intervention."""
    from search.concepts import slugify

    return url_for("concepts.concept", slug=slugify(name))


def highlight(snippet: str | None) -> Markup:
    """Snippets come from the Library already escaped with <mark> around matches."""
    return Markup(snippet or "")


# what a file picker offers: every readable format, by MIME type and by ending
UPLOAD_ACCEPT = ",".join([f.mimetype for f in FORMATS.values()]
                         + [f.suffix for f in FORMATS.values()])


URLS_KEPT = 4096  # addresses kept by ``kept_url_for`` (then it starts over)


# A list item's mark in a text read from a file: the file's lines are joined into paragraphs,
# so a bulleted list arrives as one paragraph ("• 18 utbildade • 41 hänvisade") or as one
# paragraph per item. "·" is no bullet here: it separates names ("Anna, kurator · Bo, rektor").
_BULLET = re.compile(r"(?:^|\s)[•▪◦‣●]\s+")


def text_blocks(text: str | None) -> list[tuple[str, list[str]]]:
    """A stored text as blocks to show: ("p", [paragraph]) and ("ul", [item, …]), a list
    where paragraphs begin with a bullet or one holds several (the text before the first
    bullet stays a paragraph)."""
    out: list[tuple[str, list[str]]] = []
    for para in (text or "").split("\n\n"):
        para = para.strip()
        if not para:
            continue
        lead, *items = (part.strip() for part in _BULLET.split(para))
        items = [item for item in items if item]
        if not items or (len(items) == 1 and lead):  # "Sävsjö • 2024": a separator
            out.append(("p", [para]))
            continue
        if lead:
            out.append(("p", [lead]))
        if out and out[-1][0] == "ul" and not lead:
            out[-1][1].extend(items)
        else:
            out.append(("ul", items))
    return out


def kept_url_for(app: Flask) -> Any:
    """``url_for`` for templates: an address of an endpoint with plain string arguments (the
    menu's, the stylesheet's, a hit's example page) is built once per application root, not
    on every page (a page has dozens). Anything else, and every address in debug mode (static
    files' versions change there), is built each time."""
    kept: dict[tuple[Any, ...], str] = {}

    def url_for_kept(endpoint: str, **values: Any) -> str:
        plain = all(isinstance(v, str) and not k.startswith("_") for k, v in values.items())
        if app.debug or endpoint.startswith(".") or not plain:
            return url_for(endpoint, **values)
        key = (request.script_root, endpoint, *sorted(values.items()))
        found = kept.get(key)
        if found is None:
            if len(kept) >= URLS_KEPT:
                kept.clear()
            found = kept[key] = url_for(endpoint, **values)
        return found

    return url_for_kept


def init_app(app: Flask) -> None:
    app.jinja_env.globals["url_for"] = kept_url_for(app)
    app.jinja_env.filters.update(
        swedish_date=swedish_date, kind_label=kind_label, highlight=highlight, capfirst=capfirst,
        text_blocks=text_blocks, language_name=language_name,
    )
    app.jinja_env.globals.update(
        search_url=search_url,
        toggle_filter_url=toggle_filter_url,
        filter_url=filter_url,
        concept_url=concept_url,
        facet_value_label=facet_value_label,
        FACETS=FACETS,
        FACET_NAMES=FACET_NAMES,
        FACET_LABELS=FACET_LABELS,
        TAG_KINDS=TAG_KINDS,
        UPLOAD_ACCEPT=UPLOAD_ACCEPT,
    )

    from web.security import current_user

    @app.context_processor
    def _user() -> dict[str, Any]:
        return {"current_user": current_user()}
