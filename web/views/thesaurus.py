"""Coordinator pages of the thesaurus: its concepts, their terms, and the changes made."""

from __future__ import annotations

import re

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from ingest.model import FOCUS_AREA, INTERVENTION
from ingest.tagging.thesaurus import ALT, HIDDEN, MAX_LABEL_CHARS, TOPIC, Concept
from search.errors import LibraryError
from search.records import ThesaurusImport
from search.skos import MAX_BYTES
from web.library import get_library, writing
from web.security import current_user, login_required, safe_next

bp = Blueprint("thesaurus", __name__, url_prefix="/samordnare/tesaurus")

KIND_HEADINGS = {FOCUS_AREA: "Fokusområden", INTERVENTION: "Insatser",
                 TOPIC: "Ämnen (problem och behov)"}
LABEL_TYPE_NAMES = {ALT: "synonym eller vardagsord", HIDDEN: "felstavning"}
MAX_FIND = 100
_KEY = re.compile(r"[a-z0-9-]{1,80}")


def _grouped(concepts: tuple[Concept, ...], find: str) -> dict[str, list[Concept]]:
    """The concepts by kind, only those with a label containing ``find`` when given."""
    wanted = find.lower()
    groups: dict[str, list[Concept]] = {kind: [] for kind in KIND_HEADINGS}
    for concept in concepts:
        if not wanted or any(wanted in label.lower() for label in concept.labels()):
            groups[concept.kind].append(concept)
    return groups


@bp.get("")
@login_required
def index() -> str:
    library = get_library()
    find = " ".join(request.args.get("q", "").split())[:MAX_FIND]
    current = library.thesaurus.current()
    return render_template(
        "thesaurus.html", groups=_grouped(current.concepts, find), find=find,
        headings=KIND_HEADINGS, history=library.thesaurus.history(limit=20),
        thesaurus=current, concepts=current.concepts)


def _concept_or_404(key: str) -> Concept:
    concept = get_library().thesaurus.current().concept(key) if _KEY.fullmatch(key) else None
    if concept is None:
        abort(404)
    return concept


@bp.get("/<key>")
@login_required
def concept(key: str) -> str:
    item = _concept_or_404(key)
    library = get_library()
    current = library.thesaurus.current()
    return render_template(
        "thesaurus_concept.html", concept=item, headings=KIND_HEADINGS,
        related=[c for name in item.related if (c := current.find(name))],
        broader=[c for name in item.focus_areas if (c := current.find(name))],
        history=library.thesaurus.history(key), label_types=LABEL_TYPE_NAMES)


def _back(key: str) -> Response:
    target = request.form.get("nasta", "")
    if target:
        return redirect(safe_next(target))
    return redirect(url_for("thesaurus.concept", key=key) if key else url_for("thesaurus.index"))


def _chosen_key() -> str | None:
    """The key of the concept the form names: ``begrepp`` (a key), or ``begrepp_namn`` (a
    preferred label or key typed or chosen from a list); None, said to the coordinator, when
    the name is no concept's."""
    named = request.form.get("begrepp_namn")
    if named is None:
        return request.form.get("begrepp", "")
    found = get_library().thesaurus.current().find(named[:MAX_LABEL_CHARS * 2])
    if found is None:
        flash(f"”{named.strip()[:MAX_LABEL_CHARS]}” är inget begrepp i tesaurusen. "
              "Välj ett ur listan.", "fel")
        return None
    return found.key


@bp.post("/termer")
@login_required
def add_label() -> Response:
    """Add a term to the concept the form names: by its key (``begrepp``, from a concept's
    page), or by its preferred label chosen from the coordinator page's list
    (``begrepp_namn``, beside a new phrase or a search that found little) in one step."""
    key = _chosen_key()
    if key is None:
        return _back("")
    item = _concept_or_404(key)
    label = request.form.get("term", "")[:MAX_LABEL_CHARS * 2]
    label_type = request.form.get("typ", ALT)
    try:
        with writing() as library:
            edit = library.thesaurus.add_label(key, label, label_type, current_user())
    except LibraryError as exc:
        flash(exc.message, "fel")
        return _back(key)
    flash(f"Termen {edit.label} lades till hos {item.pref} som "
          f"{LABEL_TYPE_NAMES[label_type]}. Sökningen använder den direkt.", "ok")
    return _back(key)


@bp.post("/<key>/termer/ta-bort")
@login_required
def remove_label(key: str) -> Response:
    item = _concept_or_404(key)
    try:
        with writing() as library:
            edit = library.thesaurus.remove_label(key, request.form.get("term", ""),
                                                  current_user())
    except LibraryError as exc:
        flash(exc.message, "fel")
        return _back(key)
    flash(f"Termen {edit.label} togs bort från {item.pref}.", "ok")
    return _back(key)


@bp.post("/nytt-amne")
@login_required
def add_topic() -> Response:
    form = request.form
    try:
        with writing() as library:
            edit = library.thesaurus.add_concept(
                form.get("namn", "")[:MAX_LABEL_CHARS * 2],
                tuple(form.getlist("fokus")), tuple(form.getlist("insats")),
                form.get("beskrivning", "")[:1000], current_user())
    except LibraryError as exc:
        flash(exc.message, "fel")
        return redirect(url_for("thesaurus.index", _anchor="nytt-amne"))
    flash(f"Ämnet {edit.label} lades till. Lägg till dess synonymer här.", "ok")
    return redirect(url_for("thesaurus.concept", key=edit.concept))


MAX_SKIPS_SHOWN = 5


def _import_summary(report: ThesaurusImport) -> str:
    return (f"{report.filename}: {report.concepts} begrepp i filen, {report.matched} fanns "
            f"redan, {report.labels_added} nya termer och {report.concepts_added} nya ämnen "
            f"lades till, {len(report.skipped)} saker hoppades över.")


@bp.post("/importera")
@login_required
def import_skos() -> Response:
    """Take in another region's SKOS file (Turtle or JSON-LD): new terms and topics only."""
    file = request.files.get("fil")
    if file is None or not file.filename:
        flash("Välj en SKOS-fil (Turtle eller JSON-LD) att importera.", "fel")
        return redirect(url_for("thesaurus.index", _anchor="dela"))
    data = file.stream.read(MAX_BYTES + 1)  # one byte over the limit is enough to refuse
    try:
        with writing() as library:
            report = library.thesaurus.import_skos(data, file.filename, current_user())
    except LibraryError as exc:
        flash(exc.message, "fel")
        return redirect(url_for("thesaurus.index", _anchor="dela"))
    flash(_import_summary(report), "ok")
    for skip in report.skipped[:MAX_SKIPS_SHOWN]:
        flash(f"{skip.concept}{f' – {skip.label}' if skip.label else ''}: {skip.reason}", "fel")
    return redirect(url_for("thesaurus.index", _anchor="andringar"))
