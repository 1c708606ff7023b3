"""Example pages, document pages, page thumbnails and original PDFs."""

from __future__ import annotations

import logging

from flask import Blueprint, abort, current_app, render_template, request, send_file
from werkzeug.exceptions import RequestedRangeNotSatisfiable
from werkzeug.wrappers import Response

from search import pages
from search.files import StoredFile
from search.library import Library
from search.records import Document, Example, ExampleSummary, Hit, Tag
from web.errors import error_response
from web.library import document_or_404, example_or_404, get_library
from web.pagecache import kept_page
from web.security import current_user
from web.views.people import example_people, hidden_rows

bp = Blueprint("examples", __name__)
# related examples an example page lists of each kind (the team's others before and after it,
# those it inspired): at 10k examples there may be hundreds, which the search lists in full
MAX_RELATED = 10
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
) -> tuple[list[ExampleSummary], list[ExampleSummary], int]:
    """The team's other appearances nearest this one, earlier and later (at most MAX_RELATED
    each), and how many examples the team has in all (this one too)."""
    if not example.team_key:
        return [], [], 0
    own_date = (document.date if document else None) or ""
    earlier, later = [], []
    for row in library.team_history(example.team_key):
        if row.id != example.id:
            (earlier if (row.date or "") <= own_date else later).append(row)
    return earlier[-MAX_RELATED:], later[:MAX_RELATED], len(earlier) + len(later) + 1


def _elsewhere(hits: list[Hit], example: Example) -> list[Hit]:
    """Similar examples from other municipalities first, then the rest, never itself."""
    own = set(example.municipalities)
    hits = [h for h in hits if h.id != example.id]
    other = [h for h in hits if not own & set(h.municipalities)]
    return other + [h for h in hits if h not in other]


@bp.get("/exempel/<example_id>")
@kept_page
def example(example_id: str) -> str:
    library = get_library()
    item = example_or_404(example_id)
    document = library.document(item.document_id)
    earlier, later, team_total = _team_history(library, item, document)
    inspiration = library.inspired(item.id)
    followers = inspiration.inspired if inspiration else []
    return render_template(
        "example.html",
        example=item,
        document=document,
        tags=_tags_by_kind(item),
        earlier=earlier,
        later=later,
        team_total=team_total,
        inspired_by=inspiration.inspired_by if inspiration else [],
        has_inspired=followers[:MAX_RELATED],
        inspired_total=len(followers),
        similar=_elsewhere(library.similar(item.id, limit=10), item)[:5],
        people=example_people(library, item),
        hidden=hidden_rows(library, item) if current_user() else [],
    )


@bp.get("/dokument/<document_id>")
@kept_page
def document(document_id: str) -> str:
    doc = document_or_404(document_id)
    return render_template("document.html", document=doc)


@bp.get("/dokument/<document_id>/sida/<int:page>.png")
def page_image(document_id: str, page: int) -> Response:
    """The page's picture, drawn outside the web process and cached; 404 when the page cannot
    be drawn (remembered), 503 when too many pages are being drawn."""
    doc = document_or_404(document_id)
    width = int(current_app.config["THUMB_WIDTH"])
    limits = pages.RenderLimits.from_config(current_app.config)
    try:
        picture = get_library().page_image(doc.id, page, width, limits)
    except pages.Busy:
        response = error_response(503, "Sidbilden kan inte visas just nu. Försök igen om en stund.")
        response.headers["Retry-After"] = "10"
        return response
    if picture is None:
        abort(404)
    return _send(picture, "image/png", 86400, f"{doc.id}-{page}-{width}.png")


@bp.get("/dokument/<document_id>/original.pdf")
def original(document_id: str) -> Response:
    doc = document_or_404(document_id)
    stored = get_library().open_original(doc.id)
    if stored is None:
        abort(404)
    name = doc.filename if doc.filename.lower().endswith(".pdf") else f"{doc.id}.pdf"
    return _send(stored, "application/pdf", 3600, name)


@bp.get("/dokument/<document_id>/originalfil")
def source_file(document_id: str) -> Response:
    """The office file (DOCX, PPTX, ODT, ODP) a document was read from, as it was uploaded."""
    doc = document_or_404(document_id)
    found = get_library().open_source(doc.id)
    if found is None:
        abort(404)
    stored, fmt = found
    name = doc.filename if doc.filename.lower().endswith(fmt.suffix) else f"{doc.id}{fmt.suffix}"
    return _send(stored, fmt.mimetype, 3600, name, attachment=True)


def _send(stored: StoredFile, mimetype: str, max_age: int, name: str,
          attachment: bool = False) -> Response:
    """``send_file`` for a file the library opened, shown inline (or downloaded, with
    ``attachment``): Content-Length, ETag, Last-Modified, ranges and 304 answers as for a file
    sent from disk."""
    response = send_file(stored.stream, mimetype=mimetype, download_name=name, max_age=max_age,
                         as_attachment=attachment,
                         etag=stored.etag, last_modified=stored.modified, conditional=False)
    response.content_length = stored.size
    try:
        return response.make_conditional(request, accept_ranges=True,
                                         complete_length=stored.size)
    except RequestedRangeNotSatisfiable:
        stored.close()
        raise
