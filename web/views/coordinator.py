"""Coordinator pages: login, upload, and reviewing/correcting how a document was read."""

from __future__ import annotations

import math
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.wrappers import Response

from ingest.model import TAG_KINDS
from search.errors import InvalidRequestError, LibraryError
from search.records import ReviewItem
from search.search_log import RETENTION_DAYS
from web import uploads
from web.extensions import login_limit
from web.library import document_or_404, example_or_404, get_library, writing
from web.security import current_user, log_in, log_out, login_required, safe_next
from web.views.thesaurus import KIND_HEADINGS

bp = Blueprint("coordinator", __name__)

MAX_NAME = 100
MAX_PASSWORD = 200
MAX_TAG_VALUE = 200
HISTORY = 200  # audit rows on a document's review page
MAX_SEARCHES_JSON = 200  # searches that found little in /samordnare/sokningar.json


@bp.route("/logga-in", methods=["GET", "POST"])
@login_limit
def login() -> Response | tuple[str, int]:
    error = None
    next_url = request.values.get("nasta", "")
    if request.method == "POST":
        name = request.form.get("namn", "").strip()[:MAX_NAME]
        password = request.form.get("losenord", "")[:MAX_PASSWORD]
        if name and password and get_library().check_user(name, password) and log_in(name):
            flash(f"Inloggad som {name}.", "ok")
            return redirect(safe_next(next_url))
        error = "Fel användarnamn eller lösenord."
    status = 401 if error else 200
    return render_template("login.html", error=error, next_url=next_url), status


@bp.post("/logga-ut")
def logout() -> Response:
    log_out()
    flash("Du är utloggad.", "ok")
    return redirect(url_for("search.index"))


DOCUMENTS_PER_PAGE = 50  # rows of the documents table on the coordinator page


def _documents_page(items: list[ReviewItem], text: str, page: int) -> dict[str, Any]:
    """One page of the stored documents, newest first, those whose title, file name or date
    has ``text`` (any case) when given: a region's thousands of documents in one table made
    a page of megabytes."""
    wanted = text.casefold()
    found = [d for d in items if not wanted or wanted in
             f"{d.title}\n{d.filename}\n{d.date or ''}".casefold()]
    found.sort(key=lambda d: (d.date or "", d.title, d.filename), reverse=True)
    pages = max(1, math.ceil(len(found) / DOCUMENTS_PER_PAGE))
    page = min(max(page, 1), pages)
    start = (page - 1) * DOCUMENTS_PER_PAGE
    return {"documents": found[start:start + DOCUMENTS_PER_PAGE], "found": len(found),
            "stored": len(items), "page": page, "pages": pages, "text": text}


@bp.get("/samordnare")
@login_required
def home() -> str:
    library = get_library()
    items = library.review_items()
    text = (request.args.get("dokument") or "").strip()[:MAX_NAME]
    try:
        page = int(request.args.get("sida") or 1)
    except ValueError:
        page = 1
    return render_template(
        "coordinator.html", listing=_documents_page(items, text, page),
        waiting=[i for i in items if i.review == "review"],
        proposals=library.term_proposals(limit=50), phrases=library.new_phrases(limit=25),
        searches=library.weak_searches(limit=25), search_days=RETENTION_DAYS,
        concepts=library.thesaurus.current().concepts, concept_kinds=KIND_HEADINGS,
    )


@bp.get("/samordnare/sokningar.json")
@login_required
def weak_searches() -> Response:
    """The searches that found little, as the coordinator page lists them (at most 200)."""
    searches = get_library().weak_searches(limit=MAX_SEARCHES_JSON)
    return jsonify({"searches": [s.model_dump() for s in searches],
                    "days_kept": RETENTION_DAYS})


@bp.post("/samordnare/sokningar/dolj")
@login_required
def dismiss_search() -> Response:
    """Hide a search from the list of those that found little (it is not a missing term)."""
    query = request.form.get("sokning", "")
    if get_library().dismiss_search(query):
        flash(f"Sökningen ”{query}” visas inte längre i listan.", "ok")
    else:
        flash("Sökningen finns inte i listan.", "fel")
    return redirect(url_for("coordinator.home", _anchor="sokningar"))


@bp.post("/samordnare/forslag/<int:proposal_id>/godta")
@login_required
def accept_proposal(proposal_id: int) -> Response:
    """A proposed value becomes a term of the chosen concept; its examples get the tag."""
    key = request.form.get("begrepp", "")
    try:
        with writing() as library:
            pref, tagged = library.accept_proposal(proposal_id, key, current_user())
    except LibraryError as exc:
        flash(exc.message, "fel")
    else:
        flash(f"Förslaget är en term för {pref}; {tagged} exempel fick taggen.", "ok")
    return redirect(url_for("coordinator.home", _anchor="foreslagna-termer"))


@bp.post("/samordnare/forslag/<int:proposal_id>/avvisa")
@login_required
def reject_proposal(proposal_id: int) -> Response:
    try:
        with writing() as library:
            library.reject_proposal(proposal_id, current_user())
    except LibraryError as exc:
        flash(exc.message, "fel")
    else:
        flash("Förslaget är avvisat.", "ok")
    return redirect(url_for("coordinator.home", _anchor="foreslagna-termer"))


@bp.route("/samordnare/ladda-upp", methods=["GET", "POST"])
@login_required
def upload() -> str | tuple[str, int] | Response:
    """Files are kept and queued at once; the progress page follows them (web.uploads)."""
    if request.method == "GET":
        return render_template("upload.html")
    files = [f for f in request.files.getlist("file") if f and (f.filename or "")]
    if not files:
        return render_template("upload.html", error="Välj minst en fil."), 400
    try:
        queued = uploads.queue_files(files, current_user())
    except LibraryError as exc:
        return render_template("upload.html", error=exc.message), exc.status
    return redirect(url_for("jobs.batch", batch_id=queued.batch), 303)


@bp.get("/samordnare/dokument/<document_id>")
@login_required
def review(document_id: str) -> str:
    document = document_or_404(document_id)
    library = get_library()
    return render_template(
        "review.html", document=document, tag_kinds=TAG_KINDS,
        published=library.is_published(document.id), vocabulary=library.vocabulary(),
        history=library.audit_entries(document_id=document.id, limit=HISTORY))


@bp.post("/samordnare/exempel/<example_id>/taggar")
@login_required
def correct_tag(example_id: str) -> Response:
    """Add or remove a tag; an added value must be in the vocabulary, or be confirmed as a
    new term (``ny_term``), which is then kept as a proposal and not as a tag."""
    example = example_or_404(example_id)
    kind = request.form.get("kind", "")
    value = " ".join(request.form.get("value", "").split())
    action = request.form.get("action", "")
    if kind not in TAG_KINDS or action not in ("add", "remove") or not value:
        abort(400)
    if len(value) > MAX_TAG_VALUE:
        abort(400)
    role = " ".join(request.form.get("role", "").split())[:MAX_NAME] or None
    if kind != "person":
        role = None
    back = url_for("coordinator.review", document_id=example.document_id,
                   _anchor=f"ex-{example_id}")
    if kind == "person" and action == "add" and not role:
        flash("Ange personens roll, till exempel rektor eller kurator.", "fel")
        return redirect(back)
    new_term = request.form.get("ny_term") == "ja"
    with writing() as library:
        known = library.vocabulary().known(kind, value) if action == "add" else value
        try:
            library.correct_tag(example_id, kind, value, action, current_user(), role=role,
                                new_term=new_term)
        except InvalidRequestError as exc:
            flash(exc.message, "fel")
            return redirect(back)
    if known is None:
        flash(f"{value} sparades som förslag till ny term. Det blir en tagg först när "
              "vokabulären har termen.", "ok")
    else:
        verb = "lades till" if action == "add" else "togs bort"
        flash(f"Taggen {known} {verb}.", "ok")
    return redirect(back)


@bp.post("/samordnare/dokument/<document_id>/sla-ihop")
@login_required
def merge(document_id: str) -> Response:
    document = document_or_404(document_id)
    own = {e.id for e in document.examples}
    ids = [i for i in request.form.getlist("ids") if i in own]
    if len(ids) < 2:
        flash("Välj minst två exempel att slå ihop.", "fel")
        return redirect(url_for("coordinator.review", document_id=document_id))
    with writing() as library:
        merged = library.merge_examples(ids)
    flash(f"Exemplen slogs ihop till {merged.title}.", "ok")
    return redirect(url_for("coordinator.review", document_id=document_id))


@bp.post("/samordnare/exempel/<example_id>/dela")
@login_required
def split(example_id: str) -> Response:
    example = example_or_404(example_id)
    try:
        index = int(request.form.get("section", ""))
    except ValueError:
        abort(400)
    if index < 1 or index >= len(example.sections):
        abort(400)
    with writing() as library:
        parts = library.split_example(example_id, index)
    flash(f"Exemplet delades i {len(parts)} delar.", "ok")
    return redirect(url_for("coordinator.review", document_id=example.document_id))


@bp.post("/samordnare/dokument/<document_id>/ersatt")
@login_required
def replace(document_id: str) -> str | tuple[str, int] | Response:
    document = document_or_404(document_id)
    file = request.files.get("file")
    if file is None or not file.filename:
        flash("Välj en fil som ska ersätta dokumentet.", "fel")
        return redirect(url_for("coordinator.review", document_id=document_id))
    outcome = uploads.store(file, replace_id=document.id)
    if outcome.document is None:
        flash(f"Dokumentet kunde inte ersättas: {outcome.error}", "fel")
        return redirect(url_for("coordinator.review", document_id=document_id))
    flash(f"Dokumentet ersattes av {outcome.filename}.", "ok")
    return redirect(url_for("coordinator.review", document_id=outcome.document.id))


@bp.post("/samordnare/dokument/<document_id>/ta-bort")
@login_required
def remove(document_id: str) -> Response:
    document = document_or_404(document_id)
    if request.form.get("bekrafta") != "ja":
        flash("Kryssa i rutan för att bekräfta borttagningen.", "fel")
        return redirect(url_for("coordinator.review", document_id=document_id))
    with writing() as library:
        library.remove_document(document.id, user=current_user())
    flash(f"Dokumentet {document.title} togs bort.", "ok")
    return redirect(url_for("coordinator.home"))
