"""The OpenAPI 3.0 description of the JSON API, served at /api/openapi.json.

Built with apispec from types, not from schema text: the components are the pydantic JSON
Schema of the records the API answers with (``search.records``); the paths are the routes of
the API blueprint, each operation what its view is ``@described`` as (``web.apidoc``): the
answer record, the query and form models of ``web.params`` (whose limits ``params.parse``
checks) and the Swedish error descriptions. apispec rather than spectree or flask-openapi3: it
only writes the description, so the views, their Swedish error bodies and status codes stay as
they are (spectree's decorators validate requests with their own 422 answers, flask-openapi3
replaces the app and blueprint classes); it needs no running app (a throw-away one carries the
blueprint); and it writes OpenAPI 3.0.3, the version the contract promises.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from apispec import APISpec
from flask import Flask
from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import models_json_schema

from search import records
from search.query_limits import MAX_PER_PAGE
from web.apidoc import Operation, operation_of
from web.params import DEFAULT_PER_PAGE

REF = "#/components/schemas/{model}"
NULL = {"type": "null"}
NAMED = ("properties", "$defs", "patternProperties")  # keys naming schemas, not keywords
ROUTE_VARIABLE = re.compile(r"<(?:[^<>:]+:)?([^<>]+)>")  # <name> or <converter:name>

# Every record the API answers with, by its name in components/schemas.
MODELS: tuple[type[BaseModel], ...] = (
    records.ErrorBody, records.Example, records.DocumentEntry, records.Upload,
    records.SearchResult, records.ConceptItem, records.Concept, records.MunicipalityItem,
    records.Municipality, records.ThesaurusConcept, records.ThesaurusImport, records.Job,
    records.JobBatch,
)

# Names the published description has always used for some records.
PUBLISHED_NAMES = {"ErrorBody": "Error", "SearchResult": "SearchResponse",
                   "DocumentEntry": "Document"}

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


# --- operations, from the routes of the API blueprint and what each view is @described as -------


def _schema(kind: Any) -> dict[str, Any]:
    """A record, ``list[record]`` or other type as an OpenAPI 3.0 schema (records by $ref)."""
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return _ref_to(kind.__name__)
    schema = TypeAdapter(kind).json_schema(ref_template=REF, mode="serialization")
    schema.pop("$defs", None)  # the records are in components/schemas
    return _openapi30(schema)


def _json(schema: dict[str, Any], description: str,
          media_type: str = "application/json") -> dict[str, Any]:
    return {"description": description, "content": {media_type: {"schema": schema}}}


def _responses(op: Operation) -> dict[str, Any]:
    media_type = op.media_type.split(";")[0].strip()
    answers = {str(op.status): _json(_schema(op.answer), op.description, media_type)}
    answers.update({str(code): _json(_ref_to(records.ErrorBody.__name__), text)
                    for code, text in op.errors.items()})
    return answers


def _query_parameters(model: type[BaseModel], limits: dict[str, Any]) -> list[dict[str, Any]]:
    """One query parameter per field; lists repeat the name (``?kommun=a&kommun=b``)."""
    schema = _openapi30(model.model_json_schema())
    required = set(schema.get("required", ()))
    parameters = []
    for name, field in schema["properties"].items():
        field = {**field, **limits.get(name, {})}
        parameter = {"name": name, "in": "query", "required": name in required}
        if "description" in field:
            parameter["description"] = field.pop("description")
        if field.get("type") == "array":
            parameter.update(style="form", explode=True)
        parameters.append({**parameter, "schema": field})
    return parameters


def _form(model: type[BaseModel]) -> dict[str, Any]:
    schema = _openapi30(model.model_json_schema())
    schema.pop("description", None)  # the docstring, for the code
    return {"required": True, "content": {"multipart/form-data": {"schema": schema}}}


def _operation(op: Operation, limits: dict[str, Any]) -> dict[str, Any]:
    described: dict[str, Any] = {"operationId": op.operation_id, "summary": op.summary}
    parameters = [{"name": param.name, "in": "path", "required": True,
                   "description": param.description, "schema": _schema(param.kind)}
                  for param in op.path.values()]
    if op.query is not None:
        parameters += _query_parameters(op.query, limits)
    if parameters:
        described["parameters"] = parameters
    if op.security:
        described["security"] = [{scheme: []} for scheme in op.security]
    if op.form is not None:
        described["requestBody"] = _form(op.form)
    described["responses"] = _responses(op)
    return described


def _path(rule: str, op: Operation) -> str:
    """``/examples/<example_id>`` as ``/examples/{id}``: each variable by its described name."""
    return ROUTE_VARIABLE.sub(lambda found: "{" + op.path[found[1]].name + "}", rule)


@cache
def _routes() -> tuple[tuple[str, str, Operation], ...]:
    """(path, method, operation) for every route of the API blueprint, in the order defined.
    A throw-away app, so that the description can be built without the running one."""
    from web.views.api import bp  # the views import this module to serve the description

    app = Flask(__name__)
    app.register_blueprint(bp)
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(f"{bp.name}."):
            op = operation_of(app.view_functions[rule.endpoint])
            routes += [(_path(rule.rule, op), method.lower(), op)
                       for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})]
    return tuple(routes)


def paths(per_page: int, max_per_page: int) -> dict[str, dict[str, Any]]:
    """Every route of the API with its parameters and answers; per_page as the app is set up."""
    limits = {"per_page": {"default": per_page, "maximum": max_per_page}}
    described: dict[str, dict[str, Any]] = {}
    for path, method, op in _routes():
        described.setdefault(path, {})[method] = _operation(op, limits)
    return described


def build_spec(server_url: str | None = None, per_page: int = DEFAULT_PER_PAGE,
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
