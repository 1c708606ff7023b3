"""Reading search parameters from the query string (shared by the search page and the API).

``SearchQuery`` and ``UploadForm`` are the API's parameters as types, with the limits ``parse``
checks (the same constants); /api/openapi.json describes the parameters from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints
from werkzeug.datastructures import MultiDict

from search import query_limits
from search.schema import KIND_LABELS

FACETS: tuple[tuple[str, str], ...] = (
    ("kommun", "Kommun"),
    ("fokus", "Fokusområde"),
    ("insats", "Insats"),
    ("aktor", "Aktör"),
    ("alder", "Åldersgrupp"),
    ("skede", "Skede"),
    ("ar", "År"),
    ("dokumenttyp", "Dokumenttyp"),
)
FACET_NAMES = tuple(name for name, _ in FACETS)
SORTS = ("relevance", "date")
MAX_QUERY = query_limits.MAX_QUERY_CHARS
MAX_VALUES = 20
MAX_VALUE_LENGTH = 200
MAX_PAGE = 1000
DEFAULT_PER_PAGE = 10


# --- the parameters as types -------------------------------------------------------------------

Value = Annotated[str, StringConstraints(max_length=MAX_VALUE_LENGTH)]
Kind = Annotated[Literal[tuple(sorted(KIND_LABELS.values()))],  # type: ignore[valid-type]
                 Field(json_schema_extra={"maxLength": MAX_VALUE_LENGTH})]
REPEATED = "(kan upprepas; värdena kombineras)."


def _filter(example: str) -> Any:
    return Field(default_factory=list, max_length=MAX_VALUES,
                 description=f"{example} {REPEATED}")


class SearchQuery(BaseModel):
    """The query string of GET /api/search; one list per facet in ``FACETS``."""

    q: str = Field("", max_length=MAX_QUERY,
                   description="Sökord (svenska, böjningsformer och sammansättningar matchas).")
    kommun: list[Value] = _filter("Kommun, t.ex. Nässjö")
    fokus: list[Value] = _filter("Fokusområde, t.ex. Psykisk hälsa")
    insats: list[Value] = _filter("Insats, t.ex. gemensamma hembesök")
    aktor: list[Value] = _filter("Aktör, t.ex. socialtjänst")
    alder: list[Value] = _filter("Åldersgrupp (år), t.ex. 0–6")
    skede: list[Value] = _filter("Skede, t.ex. pågående")
    ar: list[Value] = _filter("År, t.ex. 2023")
    dokumenttyp: list[Kind] = _filter("Dokumenttyp")
    page: int = Field(1, ge=1, le=MAX_PAGE)
    # and API_MAX_PER_PAGE
    per_page: int = Field(DEFAULT_PER_PAGE, ge=1, le=query_limits.MAX_PER_PAGE)
    sort: Literal[SORTS] = SORTS[0]  # type: ignore[valid-type]


class UploadForm(BaseModel):
    """The multipart form of POST /api/documents."""

    file: bytes
    replace: str = Field("", description="Id för ett dokument som ersätts.")


class ParamError(ValueError):
    """A query-string parameter that cannot be used (the API answers 400)."""


@dataclass
class SearchParams:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    sort: str = SORTS[0]
    notice: str | None = None  # the query was over the limits and has been shortened
    dropped: bool = False  # filter values were left out (too long or too many)


def _int(args: MultiDict, name: str, default: int, low: int, high: int, strict: bool) -> int:
    raw = args.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        if strict:
            raise ParamError(f"{name} måste vara ett heltal.") from None
        return default
    if value < low or value > high:
        if strict:
            raise ParamError(f"{name} måste vara mellan {low} och {high}.")
        return min(max(value, low), high)
    return value


def parse(args: MultiDict, per_page: int, max_per_page: int, strict: bool = False) -> SearchParams:
    """Parse q, the facet filters, page, per_page and sort. ``strict`` raises ParamError instead
    of silently correcting (the API is strict, the HTML page forgiving)."""
    limited = query_limits.limit_query(args.get("q", ""))
    if strict and limited.rule:
        raise ParamError(limited.rule)
    filters, dropped = _filters(args, strict)
    page = _int(args, "page", 1, 1, MAX_PAGE, strict)
    size = _int(args, "per_page", per_page, 1, max_per_page, strict) if strict else per_page
    sort = args.get("sort", "") or SORTS[0]
    if sort not in SORTS:
        if strict:
            raise ParamError(f"sort måste vara {' eller '.join(SORTS)}.")
        sort = SORTS[0]
    return SearchParams(q=limited.text, filters=filters, page=page, per_page=size, sort=sort,
                        notice=limited.message, dropped=dropped)


def _filters(args: MultiDict, strict: bool) -> tuple[dict[str, list[str]], bool]:
    """The facet filters, and whether any value was left out."""
    filters: dict[str, list[str]] = {}
    dropped = False
    for name in FACET_NAMES:
        values: dict[str, None] = {}  # in order, without repeats
        for raw in args.getlist(name):
            value = raw.strip()
            if not value or value in values:
                continue
            if len(value) > MAX_VALUE_LENGTH:
                if strict:
                    raise ParamError(f"{name} är för långt.")
                dropped = True
                continue
            if len(values) == MAX_VALUES:
                if strict:
                    raise ParamError(f"Högst {MAX_VALUES} värden för {name}.")
                dropped = True
                break
            values[value] = None
        if values:
            filters[name] = list(values)
    return filters, dropped
