"""Property-based run over the OpenAPI description against the WSGI app: no 5xx anywhere,
documented status codes, responses that match the described schemas."""

from __future__ import annotations

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from web.openapi import build_spec

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
