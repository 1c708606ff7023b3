"""People behind the examples: a person's page, and the coordinators' hiding of a person or a
detail on an example and their GDPR page (export and erasure of a named person)."""

from __future__ import annotations

import json

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from search import persons
from search.errors import LibraryError
from search.library import Library
from search.records import Example
from web import uploads
from web.library import example_or_404, get_library, writing
from web.security import current_user, login_required

bp = Blueprint("people", __name__)

MAX_NAME = 200


def example_people(library: Library, example: Example) -> list[dict[str, object]]:
    """The example's persons for its page, then the programme's coaches it names: details,
    the key of their page and the other examples they appear on."""
    people = library.people()
    rows = []
    for coach, group in ((False, example.persons), (True, example.coaches)):
        for p in group:
            key = persons.key_of(people, example.id, p.name)
            others = ([m for m in people[key].mentions if m.example_id != example.id]
                      if key else [])
            rows.append({"person": p, "key": key, "tel": _tel(p.phone), "others": others,
                         "coach": coach})
    return rows


def _tel(phone: str | None) -> str | None:
    from ingest.tagging.addresses import tel_uri

    return tel_uri(phone) if phone else None


@bp.get("/person/<key>")
def person(key: str) -> str:
    found = get_library().person(key)
    if found is None:
        abort(404)
    return render_template("person.html", person=found, tel=_tel(found.first("phone")))


@bp.post("/samordnare/exempel/<example_id>/dolj")
@login_required
def hide(example_id: str) -> Response:
    """Hide a person (no ``detail``) or their e-mail, phone or organisation on an example."""
    example_or_404(example_id)
    name, detail = _person_form()
    try:
        with writing() as library:
            library.hide_person(example_id, name, detail, user=current_user())
    except LibraryError as exc:
        flash(exc.message, "fel")
        return redirect(url_for("examples.example", example_id=example_id))
    flash(f"{name} är dold på exemplet." if detail is None else
          f"{persons.DETAIL_WORDS[detail].capitalize()} för {name} är dold.", "ok")
    return redirect(url_for("examples.example", example_id=example_id))


@bp.post("/samordnare/exempel/<example_id>/visa")
@login_required
def show(example_id: str) -> Response:
    """Show a hidden person or detail again: the hiding is taken back and the document read
    again from its own file, as an upload job whose progress page follows."""
    example_or_404(example_id)
    name, detail = _person_form()
    try:
        with writing() as library:
            again = library.show_hidden(example_id, name, detail, user=current_user())
    except LibraryError as exc:
        flash(exc.message, "fel")
        return redirect(url_for("examples.example", example_id=example_id))
    job = uploads.queue_again(again, current_user())
    what = name if detail is None else f"{persons.DETAIL_WORDS[detail]} för {name}"
    flash(f"Dokumentet läses om; {what} visas igen när det är klart.", "ok")
    return redirect(url_for("jobs.batch", batch_id=job.batch), 303)


def _person_form() -> tuple[str, str | None]:
    """The person (``namn``) and detail (``uppgift``, empty for the whole person) posted."""
    name = " ".join(request.form.get("namn", "").split())[:MAX_NAME]
    detail = request.form.get("uppgift") or None
    if not name or (detail is not None and detail not in persons.FIELDS):
        abort(400)
    return name, detail


def hidden_rows(library: Library, example: Example) -> list[dict[str, str | None]]:
    """What coordinators hid on the example, for its page: name, detail and its words."""
    return [{"name": h.name, "detail": h.detail,
             "what": persons.DETAIL_WORDS[h.detail] if h.detail else "hela personen"}
            for h in library.hidden(example.id)]


@bp.get("/samordnare/personer")
@login_required
def gdpr() -> str:
    return render_template("people_gdpr.html", name=request.args.get("namn", ""))


@bp.get("/samordnare/personer/export")
@login_required
def export() -> Response:
    name = " ".join(request.args.get("namn", "").split())[:MAX_NAME]
    try:
        with writing() as library:
            data = library.person_export(name, user=current_user())
    except LibraryError as exc:
        flash(exc.message, "fel")
        return redirect(url_for("people.gdpr"))
    body = json.dumps(data, ensure_ascii=False, indent=2)
    response = Response(body, mimetype="application/json")
    slug = persons.slug(name)
    response.headers["Content-Disposition"] = f'attachment; filename="utdrag-{slug}.json"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/samordnare/personer/radera")
@login_required
def erase() -> Response:
    name = " ".join(request.form.get("namn", "").split())[:MAX_NAME]
    if request.form.get("bekrafta") != "ja":
        flash("Kryssa i rutan för att bekräfta raderingen.", "fel")
        return redirect(url_for("people.gdpr", namn=name))
    try:
        with writing() as library:
            report = library.erase_person(name, user=current_user())
    except LibraryError as exc:
        flash(exc.message, "fel")
        return redirect(url_for("people.gdpr"))
    flash(f"Uppgifterna om personen är raderade: {report.examples} exempel i "
          f"{report.documents} dokument.", "ok")
    return redirect(url_for("people.gdpr"))
