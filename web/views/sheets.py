"""Coordinator pages for concept sheets: make one from examples (or from an automatic
concept), edit it with proposals from its examples beside each field, publish or unpublish it,
and read its history. Each page is also JSON (``.json``), from the same view."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from search.concept_sheets import AGE_GROUPS, FIELD_LABELS, PUBLISHED
from search.errors import InvalidRequestError, LibraryError, NotFoundError
from search.records import SHEET_STATE_LABELS, ConceptSheet, Proposal, SheetFields
from search.sheet_proposals import accept
from web import library as web_library
from web.library import get_library, writing
from web.security import current_user, login_required

bp = Blueprint("sheets", __name__)

CHECK_LABELS = {"ok": "Uppfyllt", "partial": "Delvis", "missing": "Saknas"}
TEXT_FIELDS = [key for key in SheetFields.model_fields if key != "age_groups"]
MAX_QUERY = 200
SEARCH_HITS = 20


@bp.app_context_processor
def _labels() -> dict[str, Any]:
    return {"FIELD_LABELS": FIELD_LABELS, "CHECK_LABELS": CHECK_LABELS,
            "STATE_LABELS": SHEET_STATE_LABELS, "AGE_GROUPS": AGE_GROUPS}


def _sheet_or_404(slug: str) -> ConceptSheet:
    sheet = get_library().sheets.get(slug)
    if sheet is None:
        abort(404)
    return sheet


def _hits(q: str) -> list[Any]:
    """Examples for a search typed on a sheet page (the search's own rules apply)."""
    q = " ".join(q.split())[:MAX_QUERY]
    if not q:
        return []
    return web_library.search(q, {}, 1, SEARCH_HITS, "relevance").hits


@bp.get("/samordnare/koncept", defaults={"fmt": "html"})
@bp.get("/samordnare/koncept.<any(json):fmt>")
@login_required
def index(fmt: str) -> Response | str:
    """Every sheet (drafts too), and the form that makes a new one from examples."""
    library = get_library()
    sheets = library.sheets.all()
    if fmt == "json":
        return jsonify({"sheets": [s.model_dump() for s in sheets]})
    q = request.args.get("q", "")
    taken = {s.slug for s in sheets}
    concepts = [c for c in library.concepts() if c.slug not in taken and c.examples]
    return render_template("sheets.html", sheets=sheets, q=q, hits=_hits(q),
                           concepts=concepts)


@bp.post("/samordnare/koncept")
@login_required
def create() -> Response:
    """A new draft from the chosen examples, or from an automatic concept (``koncept``)."""
    ids = request.form.getlist("exempel")
    concept = request.form.get("koncept") or None
    if concept and not ids:
        found = get_library().concept(concept)
        ids = [ex.id for ex in found.examples][:50] if found else []
    if not ids:
        flash("Välj minst ett exempel att göra ett koncept av.", "error")
        return redirect(url_for("sheets.index"))
    try:
        with writing() as library:
            sheet = library.sheets.create(request.form.get("namn", ""), ids, current_user(),
                                          concept=concept)
    except LibraryError as exc:
        flash(str(exc), "error")
        return redirect(url_for("sheets.index", q=request.form.get("q", "")))
    flash(f"Konceptbladet {sheet.fields.name} är skapat som utkast. Förslagen bredvid "
          "fälten kommer från exemplen.", "ok")
    return redirect(url_for("sheets.edit", slug=sheet.slug))


@bp.get("/samordnare/koncept/<slug>", defaults={"fmt": "html"})
@bp.get("/samordnare/koncept/<slug>.<any(json):fmt>")
@login_required
def edit(slug: str, fmt: str) -> Response | str:
    """The editor: each field with the proposals drawn from the linked examples."""
    sheet = _sheet_or_404(slug)
    proposals = get_library().sheets.proposals(slug)
    if fmt == "json":
        return jsonify({"sheet": sheet.model_dump(), "proposals": {
            key: [p.model_dump() for p in items] for key, items in proposals.items()}})
    q = request.args.get("q", "")
    linked = {ex.id for ex in sheet.examples}
    hits = [h for h in _hits(q) if h.id not in linked]
    return render_template("sheet_edit.html", s=sheet, proposals=proposals, q=q, hits=hits,
                           text_fields=TEXT_FIELDS)


def _form_fields() -> dict[str, Any]:
    raw: dict[str, Any] = {key: request.form.get(key, "") for key in TEXT_FIELDS}
    raw["age_groups"] = request.form.getlist("age_groups")
    return raw


def _accepted(slug: str, raw: dict[str, Any], choice: str) -> dict[str, Any]:
    """The form's fields with the proposal ``field:number`` copied in (the editor without
    its script: the proposal's button posts the form)."""
    key, _, number = choice.partition(":")
    items: list[Proposal] = get_library().sheets.proposals(slug).get(key, [])
    if not number.isdigit() or int(number) >= len(items):
        raise InvalidRequestError("Förslaget finns inte längre.")
    fields = SheetFields.model_validate({**raw, "name": raw.get("name") or "-"})
    return accept(fields, items[int(number)]).model_dump()


@bp.post("/samordnare/koncept/<slug>")
@login_required
def save(slug: str) -> Response:
    """Keep the form as a new version (the linked examples are the ticked ones)."""
    _sheet_or_404(slug)
    raw, choice = _form_fields(), request.form.get("anvand", "")
    ids = request.form.getlist("exempel")
    based_on = request.form.get("version", "")
    try:
        if choice:
            raw = _accepted(slug, raw, choice)
        with writing() as library:
            sheet = library.sheets.save(slug, raw, current_user(), ids,
                                        int(based_on) if based_on.isdigit() else None)
    except NotFoundError:
        abort(404)
    except LibraryError as exc:
        flash(str(exc), "error")
        return redirect(url_for("sheets.edit", slug=slug))
    anchor = "falt-" + choice.partition(":")[0] if choice else None
    flash("Förslaget är infört och sparat." if choice else
          f"Sparat som version {sheet.version}.", "ok")
    return redirect(url_for("sheets.edit", slug=slug, _anchor=anchor))


@bp.post("/samordnare/koncept/<slug>/status")
@login_required
def state(slug: str) -> Response:
    """Publish or unpublish (``status``: publicerad or utkast)."""
    _sheet_or_404(slug)
    wanted = request.form.get("status", "")
    try:
        with writing() as library:
            sheet = library.sheets.set_state(slug, wanted, current_user())
    except LibraryError as exc:
        flash(str(exc), "error")
        return redirect(url_for("sheets.edit", slug=slug))
    if sheet.state == PUBLISHED:
        flash(f"{sheet.fields.name} är publicerat.", "ok")
        return redirect(url_for("concepts.concept", slug=slug))
    flash(f"{sheet.fields.name} är ett utkast igen och syns inte längre för alla.", "ok")
    return redirect(url_for("sheets.edit", slug=slug))


@bp.get("/samordnare/koncept/<slug>/historik", defaults={"fmt": "html"})
@bp.get("/samordnare/koncept/<slug>/historik.<any(json):fmt>")
@login_required
def history(slug: str, fmt: str) -> Response | str:
    """Every save of the sheet: who, when, which fields changed, and what they said."""
    sheet = _sheet_or_404(slug)
    versions = get_library().sheets.history(slug)
    if fmt == "json":
        return jsonify({"slug": slug, "versions": [v.model_dump() for v in versions]})
    before = [older.fields for older in versions[1:]] + [None]  # newest first
    return render_template("sheet_history.html", s=sheet,
                           versions=list(zip(versions, before, strict=True)))
