"""The query-string parser refuses exactly what the published model of the parameters
(``SearchQuery``, the source of /api/openapi.json) does not allow."""

from __future__ import annotations

from typing import Any

import pytest
from werkzeug.datastructures import MultiDict

from web.params import FACET_NAMES, ParamError, SearchParams, SearchQuery, parse

SCHEMA = SearchQuery.model_json_schema()["properties"]
MAX_PER_PAGE = SCHEMA["per_page"]["maximum"]
FREE_FACETS = [name for name in FACET_NAMES if "enum" not in SCHEMA[name]["items"]]


def strict(**args: Any) -> SearchParams:
    return parse(MultiDict(args), 10, MAX_PER_PAGE, strict=True)


def refused(**args: Any) -> bool:
    try:
        strict(**args)
    except ParamError:
        return True
    return False


def test_the_model_has_a_list_for_each_facet() -> None:
    assert [name for name in SCHEMA if SCHEMA[name]["type"] == "array"] == list(FACET_NAMES)


def test_query_up_to_its_max_length() -> None:
    longest = SCHEMA["q"]["maxLength"]
    assert strict(q="a" * longest).q == "a" * longest
    assert refused(q="a" * (longest + 1))


@pytest.mark.parametrize("name", ["page", "per_page"])
def test_numbers_within_minimum_and_maximum(name: str) -> None:
    low, high = SCHEMA[name]["minimum"], SCHEMA[name]["maximum"]
    assert getattr(strict(**{name: str(low)}), name) == low
    assert getattr(strict(**{name: str(high)}), name) == high
    assert refused(**{name: str(low - 1)})
    assert refused(**{name: str(high + 1)})


def test_sort_is_one_of_its_enum() -> None:
    for value in SCHEMA["sort"]["enum"]:
        assert strict(sort=value).sort == value
    assert refused(sort="best")


@pytest.mark.parametrize("name", FREE_FACETS)
def test_filter_values_up_to_max_items_and_max_length(name: str) -> None:
    most, longest = SCHEMA[name]["maxItems"], SCHEMA[name]["items"]["maxLength"]
    values = [f"v{n}" for n in range(most)]
    assert strict(**{name: values}).filters[name] == values
    assert refused(**{name: [*values, "en till"]})
    assert strict(**{name: "x" * longest}).filters[name] == ["x" * longest]
    assert refused(**{name: "x" * (longest + 1)})
