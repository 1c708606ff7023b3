"""Example pages, document pages, page thumbnails and original PDFs."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, send_file
from werkzeug.wrappers import Response

from search.library import Library
from search.records import Document, Example, ExampleSummary, Hit, Tag
from web import thumbs
from web.errors import error_response
from web.library import document_or_404, get_library

bp = Blueprint("examples", __name__)
log = logging.getLogger(__name__)


def _tags_by_kind(example: Example) -> dict[str, list[Tag]]:
    """One tag per (kind, value) with the evidence of all its occurrences."""
    grouped: dict[str, dict[str, Tag]] = {}
    for tag in example.tags:
        seen = grouped.setdefault(tag.kind, {})
        if tag.value in seen:
            seen[tag.value].evidence.extend(tag.evidence)
            seen[tag.value].role = seen[tag.value].role or tag.role
        else:
            seen[tag.value] = tag.model_copy(update={"evidence": list(tag.evidence)})
    return {kind: list(values.values()) for kind, values in grouped.items()}


def _team_history(
    library: Library, example: Example, document: Document | None
) -> tuple[list[ExampleSummary], list[ExampleSummary]]:
    """The team's other appearances, split into earlier and later than this one."""
    if not example.team_key:
        return [], []
    own_date = (document.date if document else None) or ""
    documents: dict[str, Document | None] = {}
    earlier, later = [], []
    for other in library.team_history(example.team_key):
        if other.id == example.id:
            continue
        if other.document_id not in documents:
            documents[other.document_id] = library.document(other.document_id)
        row = ExampleSummary.of(other, documents[other.document_id])
        (earlier if (row.date or "") <= own_date else later).append(row)
    earlier.sort(key=lambda r: r.date or "")
    later.sort(key=lambda r: r.date or "")
    return earlier, later


def _elsewhere(hits: list[Hit], example: Example) -> list[Hit]:
    """Similar examples from other municipalities first, then the rest, never itself."""
    own = set(example.municipalities)
    hits = [h for h in hits if h.id != example.id]
    other = [h for h in hits if not own & set(h.municipalities)]
    return other + [h for h in hits if h not in other]


@bp.get("/exempel/<example_id>")
def example(example_id: str) -> str:
    library = get_library()
    item = library.example(example_id)
    if item is None:
        abort(404)
    document = library.document(item.document_id)
    earlier, later = _team_history(library, item, document)
    inspiration = library.inspired(item.id)
    return render_template(
        "example.html",
        example=item,
        document=document,
        tags=_tags_by_kind(item),
        earlier=earlier,
        later=later,
        inspired_by=inspiration.inspired_by if inspiration else [],
        has_inspired=inspiration.inspired if inspiration else [],
        similar=_elsewhere(library.similar(item.id, limit=10), item)[:5],
    )


@bp.get("/dokument/<document_id>")
def document(document_id: str) -> str:
    doc = document_or_404(document_id)
    return render_template("document.html", document=doc)


@bp.get("/dokument/<document_id>/sida/<int:page>.png")
def page_image(document_id: str, page: int) -> Response:
    """The page's picture, drawn outside the web process and cached; 404 when the page cannot
    be drawn (remembered), 503 when too many pages are being drawn."""
    doc = document_or_404(document_id)
    if page < 1 or page > max(doc.pages, 1):
        abort(404)
    original = get_library().original_path(doc.id)
    if original is None or not Path(original).is_file():
        abort(404)
    data_dir = Path(current_app.config["DATA_DIR"])
    width = int(current_app.config["THUMB_WIDTH"])
    target = thumbs.thumb_path(data_dir, doc.id, page, width)
    limits = thumbs.RenderLimits.from_config(current_app.config)
    try:
        picture = thumbs.page_picture(Path(original), page, width, target, limits)
    except thumbs.Busy:
        response = error_response(503, "Sidbilden kan inte visas just nu. Försök igen om en stund.")
        response.headers["Retry-After"] = "10"
        return response
    if picture is None:
        abort(404)
    return send_file(picture, mimetype="image/png", max_age=86400)


@bp.get("/dokument/<document_id>/original.pdf")
def original(document_id: str) -> Response:
    doc = document_or_404(document_id)
    path = get_library().original_path(doc.id)
    if path is None or not Path(path).is_file():
        abort(404)
    name = doc.filename if doc.filename.lower().endswith(".pdf") else f"{doc.id}.pdf"
    return send_file(
        path, mimetype="application/pdf", as_attachment=False, download_name=name, max_age=3600
    )
