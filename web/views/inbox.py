"""The coordinators' review workflow: the inbox of documents waiting for review, publishing
them, tagging many examples at once, the audit log and the vocabulary the tag forms offer."""

from __future__ import annotations

from flask import Blueprint, Response, flash, jsonify, redirect, render_template, request, url_for

from ingest.ids import is_document_id
from search import audit
from search.errors import InvalidRequestError
from search.records import AuditEntry
from web.library import get_library, writing
from web.security import current_user, login_required

bp = Blueprint("inbox", __name__)

MAX_IDS = 500  # documents or examples one bulk action takes
MAX_VALUE = 200
MAX_SUGGESTIONS = 50
LOG_PAGE = 100
LOG_CSV_ROWS = 5000


def _ids(field: str) -> list[str]:
    return list(dict.fromkeys(v for v in request.form.getlist(field) if v))[:MAX_IDS]


def _back(default: str) -> Response:
    """To the page the form was on (a coordinator page), else ``default``."""
    target = request.form.get("nasta", "")
    if not target.startswith("/samordnare") or target.startswith("//"):
        target = default
    return redirect(target)


@bp.get("/samordnare/inkorg")
@login_required
def inbox() -> str:
    library = get_library()
    return render_template("inbox.html", items=library.review_items(waiting_only=True),
                           examples=_examples_of, vocabulary=library.vocabulary())


def _examples_of(document_id: str) -> list[tuple[str, str]]:
    """(id, title) of a document's examples, for the inbox's tag selection."""
    document = get_library().document(document_id)
    return [(e.id, e.title) for e in document.examples] if document else []


@bp.post("/samordnare/inkorg/publicera")
@login_required
def publish() -> Response:
    ids = [i for i in _ids("dokument") if is_document_id(i)]
    if not ids:
        flash("Välj minst ett dokument att publicera.", "fel")
        return _back(url_for("inbox.inbox"))
    with writing() as library:
        done = library.publish(ids, user=current_user())
    flash(f"{len(done)} dokument publicerades." if done else "Inget dokument behövde "
          "publiceras.", "ok")
    return _back(url_for("inbox.inbox"))


@bp.post("/samordnare/dokument/<document_id>/status")
@login_required
def set_review(document_id: str) -> Response:
    """Publish one document, or send it back to the inbox (``status=granska``)."""
    back = url_for("coordinator.review", document_id=document_id)
    review = request.form.get("status") == "granska"
    with writing() as library:
        done = library.set_review([document_id], review, user=current_user())
    if done:
        flash("Dokumentet ligger nu i inkorgen." if review else "Dokumentet publicerades.",
              "ok")
    return redirect(back)


@bp.post("/samordnare/inkorg/tagga")
@login_required
def tag_selected() -> Response:
    ids = _ids("exempel")
    kind = request.form.get("kind", "")
    value = " ".join(request.form.get("value", "").split())[:MAX_VALUE]
    if not ids:
        flash("Välj minst ett exempel att tagga.", "fel")
        return _back(url_for("inbox.inbox"))
    try:
        with writing() as library:
            count = library.tag_examples(ids, kind, value, user=current_user())
    except InvalidRequestError as exc:
        flash(exc.message, "fel")
        return _back(url_for("inbox.inbox"))
    flash(f"Taggen {value} lades till på {count} exempel.", "ok")
    return _back(url_for("inbox.inbox"))


@bp.get("/samordnare/vokabular/<kind>")
@login_required
def vocabulary(kind: str) -> Response:
    """The vocabulary's values of a tag kind starting with (or containing) ``q``, as JSON."""
    words = get_library().vocabulary().choices.get(kind, ())
    wanted = request.args.get("q", "").strip().casefold()[:MAX_VALUE]
    first = [w for w in words if w.casefold().startswith(wanted)]
    rest = [w for w in words if wanted and wanted in w.casefold() and w not in first]
    return jsonify((first + rest)[:MAX_SUGGESTIONS])


@bp.get("/samordnare/logg")
@login_required
def log() -> Response | str:
    """The whole bank's audit log, filtered by user and action; as CSV with format=csv."""
    user = request.args.get("anvandare", "").strip()[:100] or None
    action = request.args.get("atgard", "").strip()[:50] or None
    library = get_library()
    if request.args.get("format") == "csv":
        rows = _all_entries(user, action)
        return Response(audit.as_csv(rows), mimetype="text/csv; charset=utf-8", headers={
            "Content-Disposition": 'attachment; filename="exempelbanken-logg.csv"'})
    before = request.args.get("fore", type=int)
    rows = library.audit_entries(user=user, action=action, before=before, limit=LOG_PAGE)
    return render_template("log.html", rows=rows, user=user or "", action=action or "",
                           more=len(rows) == LOG_PAGE, actions=ACTIONS)


def _all_entries(user: str | None, action: str | None) -> list[AuditEntry]:
    """Every row of the log that passes the filters (up to LOG_CSV_ROWS), newest first."""
    rows: list[AuditEntry] = []
    while len(rows) < LOG_CSV_ROWS:
        page = get_library().audit_entries(user=user, action=action, limit=audit.MAX_PAGE,
                                           before=rows[-1].id if rows else None)
        rows += page
        if len(page) < audit.MAX_PAGE:
            break
    return rows[:LOG_CSV_ROWS]


# the actions the log's filter offers (a prefix finds its dotted sub-actions)
ACTIONS = {
    "document": "Dokument", "document.publish": "Publicering", "document.review":
    "Tillbaka till inkorgen", "document.remove": "Borttagning", "tag": "Taggar",
    "tag.bulk": "Taggar på flera exempel", "term.propose": "Föreslagna termer",
    "example": "Sammanslagning och delning",
}
