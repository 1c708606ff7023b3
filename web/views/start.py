"""The page for a new team: where it is, what it wants to improve, and what the bank offers."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from pydantic import BaseModel, Field

from ingest.lexicon import COUNTY_MUNICIPALITIES
from search.errors import InvalidRequestError
from search.newcomer import MAX_TEXT
from search.records import StartPlan
from web.library import get_library

bp = Blueprint("start", __name__)


class StartQuery(BaseModel):
    """The query string of the new team's page and GET /api/start."""

    kommun: str = Field(description="Teamets kommun, en av länets 13.",
                        json_schema_extra={"enum": list(COUNTY_MUNICIPALITIES)})
    text: str = Field(max_length=MAX_TEXT, description="Med egna ord: vad teamet vill "
                      "förbättra, t.ex. \"fler elever ska komma till skolan\".")


def plan_for(args: dict[str, str]) -> StartPlan:
    """The plan for a query string; InvalidRequestError with a Swedish message."""
    return get_library().start_plan((args.get("kommun") or "").strip(), args.get("text") or "")


@bp.get("/starta")
def start() -> tuple[str, int] | str:
    municipality = (request.args.get("kommun") or "").strip()
    text = request.args.get("text") or ""
    plan, error = None, None
    if municipality or text.strip():
        try:
            plan = plan_for(request.args)
        except InvalidRequestError as exc:
            error = str(exc)
    page = render_template("start.html", plan=plan, error=error, municipality=municipality,
                           text=text, municipalities=COUNTY_MUNICIPALITIES, max_text=MAX_TEXT)
    return (page, 400) if error else page
