"""The OpenAPI 3.0 description of the JSON API, served at /api/openapi.json.

Built with apispec from the records the API answers with (``search.records``: their pydantic
JSON Schema) and from the routes below, whose parameter limits and enums are those the code
checks (``web.params``, ``search.schema``). apispec rather than spectree or flask-openapi3: it
only writes the description, so the views, their Swedish error bodies and status codes stay as
they are (spectree's decorators validate requests with their own 422 answers, flask-openapi3
replaces the app and blueprint classes); it needs no running app (the description is also read
without one); and it writes OpenAPI 3.0.3, the version the contract promises.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from apispec import APISpec
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from search import records
from search.query import MAX_PER_PAGE
from search.schema import KIND_LABELS
from web.params import FACETS, MAX_PAGE, MAX_QUERY, MAX_VALUE_LENGTH, MAX_VALUES, SORTS

REF = "#/components/schemas/{model}"
NULL = {"type": "null"}
NAMED = ("properties", "$defs", "patternProperties")  # keys naming schemas, not keywords

# Every record the API answers with, by its name in components/schemas.
MODELS: tuple[type[BaseModel], ...] = (
    records.ErrorBody, records.Example, records.DocumentEntry, records.Upload,
    records.SearchResult, records.ConceptItem, records.Concept, records.MunicipalityItem,
    records.Municipality,
)

# Names the published description has always used for some records.
PUBLISHED_NAMES = {"ErrorBody": "Error", "SearchResult": "SearchResponse",
                   "DocumentEntry": "Document"}

FILTER_EXAMPLES = {
    "kommun": "Kommun, t.ex. Nässjö",
    "fokus": "Fokusområde, t.ex. Psykisk hälsa",
    "insats": "Insats, t.ex. gemensamma hembesök",
    "aktor": "Aktör, t.ex. socialtjänst",
    "ar": "År, t.ex. 2023",
    "dokumenttyp": "Dokumenttyp",
}
FILTER_ENUMS = {"dokumenttyp": sorted(KIND_LABELS.values())}


# --- JSON Schema (2020-12, pydantic) → OpenAPI 3.0 schema --------------------------------------


def _openapi30(node: Any) -> Any:
    """pydantic's JSON Schema as OpenAPI 3.0 has it: ``nullable`` for ``null`` alternatives,
    ``enum`` for ``const``, one ``example`` for ``examples``."""
    if isinstance(node, list):
        return [_openapi30(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _by_name(value) if key in NAMED else _openapi30(value)
            for key, value in node.items()}
    options = node.get("anyOf")
    if options and NULL in options:
        rest = [option for option in options if option != NULL]
        del node["anyOf"]
        if len(rest) > 1:
            node["anyOf"] = rest
        elif "$ref" in rest[0]:
            node["allOf"] = rest  # OpenAPI 3.0 ignores siblings of a $ref
        else:
            node.update(rest[0])
        node["nullable"] = True
    node.pop("title", None)  # pydantic's titles are the English field names
    if "$ref" in node:
        node["$ref"] = _ref_to(node["$ref"].rsplit("/", 1)[-1])["$ref"]
    if "const" in node:
        node["enum"] = [node.pop("const")]
    if "examples" in node:
        node["example"] = node.pop("examples")[0]
    return node


def _by_name(schemas: dict[str, Any]) -> dict[str, Any]:
    return {name: _openapi30(schema) for name, schema in schemas.items()}


def _ref_to(name: str) -> dict[str, str]:
    return {"$ref": REF.format(model=PUBLISHED_NAMES.get(name, name))}


@cache
def schemas() -> dict[str, Any]:
    """components/schemas: every record the API answers with, and the records inside them."""
    _, top = models_json_schema([(m, "serialization") for m in MODELS], ref_template=REF)
    return {PUBLISHED_NAMES.get(name, name): schema
            for name, schema in _by_name(top.get("$defs", {})).items()}


# --- operations --------------------------------------------------------------------------------


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return _ref_to(model.__name__)


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _answers(ok: tuple[int, dict[str, Any], str], errors: dict[int, str]) -> dict[str, Any]:
    status, schema, description = ok
    answers = {str(status): _json(schema, description)}
    answers.update({str(code): _json(_ref(records.ErrorBody), text)
                    for code, text in errors.items()})
    return answers


def _path_param(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": {"type": "string"}}


def _query_param(name: str, schema: dict[str, Any], description: str = "") -> dict[str, Any]:
    param = {"name": name, "in": "query", "required": False, "schema": schema}
    return {**param, "description": description} if description else param


def _filter_param(name: str) -> dict[str, Any]:
    item: dict[str, Any] = {"type": "string", "maxLength": MAX_VALUE_LENGTH}
    if name in FILTER_ENUMS:
        item["enum"] = FILTER_ENUMS[name]
    return {**_query_param(name, {"type": "array", "items": item, "maxItems": MAX_VALUES},
                           f"{FILTER_EXAMPLES[name]} (kan upprepas; värdena kombineras)."),
            "style": "form", "explode": True}


def search_parameters(per_page: int, max_per_page: int) -> list[dict[str, Any]]:
    return [
        _query_param("q", {"type": "string", "maxLength": MAX_QUERY},
                     "Sökord (svenska, böjningsformer och sammansättningar matchas)."),
        *(_filter_param(name) for name, _ in FACETS),
        _query_param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE,
                              "default": 1}),
        _query_param("per_page", {"type": "integer", "minimum": 1,
                                  "maximum": max_per_page, "default": per_page}),
        _query_param("sort", {"type": "string", "enum": list(SORTS), "default": SORTS[0]}),
    ]


UPLOAD_FORM = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"type": "string", "format": "binary"},
        "replace": {"type": "string", "description": "Id för ett dokument som ersätts."},
    },
}

UPLOAD_ERRORS = {
    400: "Ingen fil eller tom fil",
    401: "Inloggning krävs",
    403: "Behörighet eller CSRF-token saknas",
    404: "Dokumentet som ska ersättas finns inte",
    409: "Samma fil finns redan",
    413: "Filen är för stor eller har för många sidor",
    415: "Inte en PDF",
    422: "PDF:en kunde inte läsas",
    429: "För många misslyckade inloggningar",
    500: "Filen kunde inte sparas; ingenting sparades",
    507: "Lagringsutrymmet är fullt; ingenting sparades",
}


def _list_of(model: type[BaseModel]) -> dict[str, Any]:
    return {"type": "array", "items": _ref(model)}


def paths(per_page: int, max_per_page: int) -> dict[str, dict[str, Any]]:
    """Every route of the API (web.views.api) with its parameters and answers."""
    not_found = {404: "Finns inte"}
    return {
        "/api/search": {"get": {
            "operationId": "search", "summary": "Sök bland exemplen",
            "parameters": search_parameters(per_page, max_per_page),
            "responses": _answers((200, _ref(records.SearchResult),
                                   "Träffar, facetter och sidinfo"),
                                  {400: "Ogiltig parameter",
                                   429: "För många sökningar från samma klient"})}},
        "/api/examples/{id}": {"get": {
            "operationId": "getExample", "summary": "Ett exempel",
            "parameters": [_path_param("id", "Exemplets id, t.ex. 3f2a9c0d1e4b5a6c-1")],
            "responses": _answers((200, _ref(records.Example), "Exemplet"), not_found)}},
        "/api/documents": {
            "get": {"operationId": "listDocuments", "summary": "Alla inlästa dokument",
                    "responses": _answers((200, _list_of(records.DocumentEntry),
                                           "Dokumenten"), {})},
            "post": {"operationId": "uploadDocument", "summary": "Ladda upp en PDF (samordnare)",
                     "security": [{"basicAuth": []}, {"sessionCsrf": []}],
                     "requestBody": {"required": True,
                                     "content": {"multipart/form-data": {"schema": UPLOAD_FORM}}},
                     "responses": _answers((201, _ref(records.Upload), "Dokumentet är inläst"),
                                           UPLOAD_ERRORS)}},
        "/api/documents/{id}": {"get": {
            "operationId": "getDocument", "summary": "Ett dokument med dess exempel och sammanhang",
            "parameters": [_path_param("id", "16 hexadecimala tecken")],
            "responses": _answers((200, _ref(records.DocumentEntry), "Dokumentet"), not_found)}},
        "/api/concepts": {"get": {
            "operationId": "listConcepts", "summary": "Alla insatser (koncept)",
            "responses": _answers((200, _list_of(records.ConceptItem), "Koncepten"), {})}},
        "/api/concepts/{slug}": {"get": {
            "operationId": "getConcept",
            "summary": "Ett koncept: status i länets 13 kommuner, tidslinje, inspiration",
            "parameters": [_path_param("slug", "t.ex. gemensamma-hembesok")],
            "responses": _answers((200, _ref(records.Concept), "Konceptet"), not_found)}},
        "/api/municipalities": {"get": {
            "operationId": "listMunicipalities", "summary": "Kommuner med exempel",
            "responses": _answers((200, _list_of(records.MunicipalityItem), "Kommunerna"), {})}},
        "/api/municipalities/{name}": {"get": {
            "operationId": "getMunicipality",
            "summary": "En kommun: dess exempel och koncept den ännu inte prövat",
            "parameters": [_path_param("name", "t.ex. Nässjö")],
            "responses": _answers((200, _ref(records.Municipality), "Kommunen"), not_found)}},
        "/api/openapi.json": {"get": {
            "operationId": "openapi", "summary": "Den här beskrivningen",
            "responses": _answers((200, {"type": "object"}, "OpenAPI 3.0"), {})}},
    }


def build_spec(server_url: str | None = None, per_page: int = 10,
               max_per_page: int = MAX_PER_PAGE) -> dict[str, Any]:
    """The whole OpenAPI document; ``per_page`` and ``max_per_page`` as the app is set up
    (SEARCH_PER_PAGE, API_MAX_PER_PAGE)."""
    spec = APISpec(
        title="Exempelbanken API", version="1.0.0", openapi_version="3.0.3",
        info={"description": (
            "Sökbara exempel från lärandenätverket Bästa platsen att växa upp, leva och bo "
            "på (Region Jönköpings län). Fältnamn på engelska, värden på svenska.")},
        **({"servers": [{"url": server_url}]} if server_url else {}))
    for name, schema in schemas().items():
        spec.components.schema(name, schema)
    spec.components.security_scheme("basicAuth", {"type": "http", "scheme": "basic"})
    spec.components.security_scheme("sessionCsrf", {
        "type": "apiKey", "in": "header", "name": "X-CSRFToken",
        "description": "Inloggad session (cookie) plus CSRF-token från sidorna."})
    for path, operations in paths(per_page, min(max_per_page, MAX_PER_PAGE)).items():
        spec.path(path=path, operations=operations)
    return spec.to_dict()
