"""The JSON API under /api (see docs/CONTRACT.md and /api/openapi.json)."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from ingest.ids import is_document_id
from web import library, params, uploads
from web.errors import error_response
from web.extensions import api_login_limit, search_limit
from web.library import get_library
from web.openapi import build_spec
from web.security import ApiAuthError, api_user
from web.views.concepts import concept_view

bp = Blueprint("api", __name__, url_prefix="/api")


def jsonable(value: Any) -> Any:
    """Library results may hold records (Example, Document): turn them into contract JSON."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value


def search_body(result: Any, p: params.SearchParams) -> dict[str, Any]:
    return {
        "query": result.query,
        "total": result.total,
        "results": result.hits,
        "facets": result.facets,
        "suggestion": result.suggestion,
        "message": result.message,
        "page": result.page,
        "pages": result.pages,
        "per_page": p.per_page,
        "sort": p.sort,
        "filters": p.filters,
    }


@bp.get("/search")
@search_limit
def search() -> Response:
    try:
        p = params.parse(
            request.args,
            current_app.config["SEARCH_PER_PAGE"],
            current_app.config["API_MAX_PER_PAGE"],
            strict=True,
        )
    except params.ParamError as exc:
        return error_response(400, str(exc))
    result = library.search(p.q, p.filters, p.page, p.per_page, p.sort)
    return jsonify(search_body(result, p))


@bp.get("/examples/<example_id>")
def example(example_id: str) -> Response:
    item = get_library().example(example_id)
    if item is None:
        return error_response(404, "Exemplet finns inte.")
    return jsonify(item.to_dict())


def _document_summary(doc: Any) -> dict[str, Any]:
    data = doc.to_dict()
    data["url"] = url_for("api.document", document_id=doc.id)
    data["original_url"] = url_for("examples.original", document_id=doc.id)
    return data


@bp.get("/documents")
def documents() -> Response:
    return jsonify([_document_summary(d) for d in get_library().documents()])


@bp.get("/documents/<document_id>")
def document(document_id: str) -> Response:
    doc = get_library().document(document_id) if is_document_id(document_id) else None
    if doc is None:
        return error_response(404, "Dokumentet finns inte.")
    return jsonify(_document_summary(doc))


@bp.post("/documents")
@api_login_limit
def upload() -> Response:
    try:
        api_user()
    except ApiAuthError as exc:
        return error_response(exc.status, exc.message)
    file = request.files.get("file")
    if file is None or not file.filename:
        return error_response(400, "Fältet file med en PDF-fil saknas.")
    replace_id = request.form.get("replace") or None
    if replace_id is not None and (
        not is_document_id(replace_id) or get_library().document(replace_id) is None
    ):
        return error_response(404, "Dokumentet som ska ersättas finns inte.")
    outcome = uploads.store(file, replace_id=replace_id)
    response = jsonify(uploads.outcome_json(outcome))
    response.status_code = outcome.status
    if outcome.document is not None:
        response.headers["Location"] = url_for("api.document", document_id=outcome.document.id)
    return response


@bp.get("/concepts")
def concepts() -> Response:
    return jsonify(jsonable(get_library().concepts()))


@bp.get("/concepts/<slug>")
def concept(slug: str) -> Response:
    data = get_library().concept(slug)
    if data is None:
        return error_response(404, "Konceptet finns inte.")
    body = jsonable(data)
    body.setdefault("status", concept_view(data)["statuses"])
    return jsonify(body)


@bp.get("/municipalities")
def municipalities() -> Response:
    return jsonify(jsonable(get_library().municipalities()))


@bp.get("/municipalities/<name>")
def municipality(name: str) -> Response:
    data = get_library().municipality(name)
    if data is None:
        return error_response(404, "Kommunen finns inte.")
    return jsonify(jsonable(data))


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(build_spec())
