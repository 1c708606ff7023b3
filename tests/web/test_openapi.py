"""Property-based run over the OpenAPI description against the WSGI app: no 5xx anywhere,
documented status codes, responses that match the described schemas."""

from __future__ import annotations

import re
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from search.query_limits import MAX_PER_PAGE
from web.apidoc import operation_of
from web.openapi import build_spec
from web.params import SearchQuery

OPERATIONS = [
    f"{method.upper()} {path}"
    for path, methods in build_spec()["paths"].items()
    for method in methods
    if path != "/api/openapi.json"  # the description itself is not an operation to fuzz
]


@pytest.fixture(scope="module")
def api_schema(app: Flask):  # noqa: ANN201
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


@pytest.mark.parametrize("label", OPERATIONS)
def test_operation_never_fails(api_schema, label: str) -> None:  # noqa: ANN001
    operation = next(
        op.ok() for op in api_schema.get_all_operations() if op.ok().label == label
    )

    @settings(
        max_examples=12,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    @given(case=operation.as_strategy())
    def run(case) -> None:  # noqa: ANN001
        case.call_and_validate(
            checks=[not_a_server_error, status_code_conformance, response_schema_conformance]
        )

    run()


def test_every_api_route_is_an_operation(app: Flask) -> None:
    routes = {
        (method.lower(), re.sub(r"<[^>]+>", "{}", rule.rule))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}
    }
    described = {
        (method, re.sub(r"{[^}]+}", "{}", path))
        for path, methods in build_spec()["paths"].items()
        for method in methods
    }
    assert described == routes


def search_parameter(spec: dict[str, Any], name: str) -> dict[str, Any]:
    parameters = spec["paths"]["/api/search"]["get"]["parameters"]
    return next(param for param in parameters if param["name"] == name)


def test_search_parameters_are_the_query_model() -> None:
    spec = build_spec()
    model = SearchQuery.model_json_schema()["properties"]
    for name, field in model.items():
        param = search_parameter(spec, name)
        assert param["in"] == "query" and not param["required"]
        assert param["schema"]["type"] == field["type"]
        if field["type"] == "array":
            assert (param["style"], param["explode"]) == ("form", True)
            assert param["schema"]["maxItems"] == field["maxItems"]
    assert search_parameter(spec, "q")["schema"]["maxLength"] == model["q"]["maxLength"]
    assert search_parameter(spec, "sort")["schema"]["enum"] == ["relevance", "date"]


def test_per_page_follows_the_app_settings() -> None:
    assert search_parameter(build_spec(per_page=7, max_per_page=30), "per_page")["schema"] == {
        "type": "integer", "minimum": 1, "maximum": 30, "default": 7}
    capped = search_parameter(build_spec(max_per_page=MAX_PER_PAGE + 1), "per_page")
    assert capped["schema"]["maximum"] == MAX_PER_PAGE


def test_upload_is_a_multipart_form_with_a_pdf_file() -> None:
    operation = build_spec()["paths"]["/api/documents"]["post"]
    form = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form["required"] == ["file"]
    assert form["properties"]["file"] == {"type": "string", "format": "binary"}
    assert set(form["properties"]) == {"file", "replace"}
    assert operation["security"] == [{"basicAuth": []}, {"sessionCsrf": []}]
    assert {"201", "400", "401", "403", "409", "413", "415"} <= set(operation["responses"])


def test_an_api_view_must_be_described() -> None:
    def plain() -> None: ...

    with pytest.raises(LookupError, match="plain"):
        operation_of(plain)
