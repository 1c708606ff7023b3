"""The progress page of an upload: one row per file, followed live by static/jobs.js through
GET /api/jobs?batch= (the page itself shows the state it was loaded in, for readers
without JavaScript)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from web import uploads
from web.security import login_required

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
    found = uploads.job(job_id)
    if found is None:
        abort(404)
    if uploads.retry(job_id) is None:
        flash(f"{found.filename} kan inte läsas in igen.", "fel")
    return redirect(url_for("jobs.batch", batch_id=found.batch))
