"""The progress page of an upload: one row per file, followed live by static/jobs.js through
GET /api/jobs?batch= (the page itself shows the state it was loaded in, for readers
without JavaScript). A failed file can be tried again or removed ("Ta bort", in the audit
log)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from search.records import Job
from web import uploads
from web.security import current_user, login_required

bp = Blueprint("jobs", __name__)


@bp.get("/samordnare/uppladdningar/<batch_id>")
@login_required
def batch(batch_id: str) -> str:
    found = uploads.batch(batch_id)
    if not found:
        abort(404)
    return render_template("jobs.html", batch_id=batch_id, jobs=found)


@bp.post("/samordnare/uppladdningar/jobb/<job_id>/forsok-igen")
@login_required
def retry(job_id: str) -> Response:
    found = _job(job_id)
    if uploads.retry(job_id) is None:
        flash(f"{found.filename} kan inte läsas in igen.", "fel")
    return redirect(url_for("jobs.batch", batch_id=found.batch))


@bp.post("/samordnare/uppladdningar/jobb/<job_id>/ta-bort")
@login_required
def remove(job_id: str) -> Response:
    found = _job(job_id)
    if not uploads.remove(job_id, current_user()):
        flash(f"{found.filename} kan inte tas bort: bara en misslyckad uppladdning kan det.",
              "fel")
        return redirect(url_for("jobs.batch", batch_id=found.batch))
    flash(f"Den misslyckade uppladdningen {found.filename} är borttagen.", "ok")
    if uploads.batch(found.batch):
        return redirect(url_for("jobs.batch", batch_id=found.batch))
    return redirect(url_for("coordinator.upload"))


def _job(job_id: str) -> Job:
    found = uploads.job(job_id)
    if found is None:
        abort(404)
    return found
