"""What an API view answers, recorded on the view where it is defined (read by web.openapi).

A decorator of our own rather than apispec's FlaskPlugin with YAML in the docstrings: the
answer, query and form are named as Python types (checked by the linters, renamed with the
records), not as schema text that drifts from them, and the views need nothing but the types
they already use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel

View = TypeVar("View", bound=Callable[..., Any])

ATTRIBUTE = "api_operation"


class PathParam(NamedTuple):
    """A route variable as the description names it, e.g. ``<example_id>`` as ``{id}``."""

    name: str
    description: str
    kind: type = str  # what the route's converter gives the view


@dataclass(frozen=True)
class Operation:
    operation_id: str
    summary: str
    answer: Any  # a record, ``list[record]`` or ``dict[str, Any]``
    description: str  # of the successful answer
    status: int = 200
    errors: dict[int, str] = field(default_factory=dict)  # status → Swedish description
    path: dict[str, PathParam] = field(default_factory=dict)  # by route variable
    query: type[BaseModel] | None = None
    form: type[BaseModel] | None = None  # multipart/form-data
    security: tuple[str, ...] = ()  # alternative security schemes
    media_type: str = "application/json"  # of the successful answer


def described(operation_id: str, summary: str, answer: Any, description: str,
              **details: Any) -> Callable[[View], View]:
    """Record the operation on the view; put it right below the route decorator."""
    operation = Operation(operation_id, summary, answer, description, **details)

    def record(view: View) -> View:
        setattr(view, ATTRIBUTE, operation)
        return view

    return record


def operation_of(view: Callable[..., Any]) -> Operation:
    found = getattr(view, ATTRIBUTE, None)
    if found is None:
        raise LookupError(f"API-vyn {view.__name__} saknar @described.")
    return found
