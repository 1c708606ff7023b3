"""Uploads as background jobs through the real app: the upload answers at once with the jobs,
the progress endpoint follows a scanned poster through OCR to done, and a broken file ends
failed with a Swedish message, keeps no green bar and can be tried again."""

from __future__ import annotations

import base64
import io
import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import PASSWORD, USER, login, renamed_pdf

AUTH = {"Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}
SCANNED = "poster-2024-gnosjo-hembesok-skannad.pdf"
CORRUPT = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrasigt" * 20


def follow(client: FlaskClient, batch: str, timeout: float = 300.0) -> tuple[
        list[dict[str, Any]], list[tuple[str, str, Any, Any]]]:
    """Poll GET /api/jobs?batch= until every job is finished; the jobs and every
    (filename, state, stage, page of pages) seen on the way."""
    seen: list[tuple[str, str, Any, Any]] = []
    deadline = time.monotonic() + timeout
    while True:
        answer = client.get(f"/api/jobs?batch={batch}", headers=AUTH)
        assert answer.status_code == 200
        jobs = answer.json
        for job in jobs:
            step = (job["filename"], job["state"], job["stage"], (job["page"], job["pages"]))
            if step not in seen:
                seen.append(step)
        if all(job["state"] in ("done", "failed") for job in jobs):
            return jobs, seen
        assert time.monotonic() < deadline, f"jobs not finished: {jobs}"
        time.sleep(0.1)


def test_form_upload_answers_at_once_and_the_jobs_finish(
    writable_app: Flask, corpus_pdfs: list[Path]
) -> None:
    client = writable_app.test_client()
    token = login(client)
    scanned = next(p for p in corpus_pdfs if p.name == SCANNED)
    response = client.post(
        "/samordnare/ladda-upp",
        data={"csrf_token": token, "file": [
            (io.BytesIO(renamed_pdf(scanned)), "skannad-affisch.pdf"),
            (io.BytesIO(CORRUPT), "trasig.pdf"),
        ]},
        content_type="multipart/form-data")
    assert response.status_code == 303
    page_url = response.headers["Location"]
    assert "/samordnare/uppladdningar/" in page_url
    batch = page_url.rsplit("/", 1)[1]
    # nothing is read in the request: the scanned page (seconds of OCR) is not read yet
    first = client.get(f"/api/jobs?batch={batch}", headers=AUTH).json
    scan = next(job for job in first if job["filename"] == "skannad-affisch.pdf")
    assert scan["state"] in ("queued", "reading") and not scan["document_id"]
    waiting = client.get(page_url).get_data(as_text=True)
    assert "skannad-affisch.pdf" in waiting and "trasig.pdf" in waiting

    jobs, seen = follow(client, batch)
    good, bad = jobs
    assert ("skannad-affisch.pdf", "reading", "ocr", (1, 1)) in seen
    assert good["state"] == "done" and good["percent"] == 100
    assert good["titles"] and any("OCR" in w for w in good["warnings"])
    review = client.get(f"/samordnare/dokument/{good['document_id']}")
    assert review.status_code == 200
    assert bad["state"] == "failed" and bad["code"] == "corrupt"
    assert "skadad" in bad["error"] and bad["retryable"] and bad["percent"] == 0

    page = unescape(client.get(page_url).get_data(as_text=True))
    assert 'class="upload-done"' in page
    assert page.count("<progress") == 1  # the failed file has no bar
    assert "Försök igen" in page and "Granska och rätta" in page
    assert good["titles"][0] in page and bad["error"] in page


def test_api_queues_many_files_and_a_failed_one_is_retried(
    writable_app: Flask, corpus_pdfs: list[Path]
) -> None:
    client = writable_app.test_client()
    posters = [p for p in corpus_pdfs if p.name.startswith("poster-2023")][:2]
    files = [(io.BytesIO(renamed_pdf(p)), p.name) for p in posters]
    files.append((io.BytesIO(b"inte en pdf"), "anteckning.pdf"))
    files.append((io.BytesIO(posters[0].read_bytes()), "samma.pdf"))  # stored already
    files.append((io.BytesIO(CORRUPT), "trasig.pdf"))
    answer = client.post("/api/jobs", data={"file": files}, headers=AUTH,
                         content_type="multipart/form-data")
    assert answer.status_code == 202, answer.json
    queued = answer.json["jobs"]
    assert [j["filename"] for j in queued] == [posters[0].name, posters[1].name,
                                               "anteckning.pdf", "samma.pdf", "trasig.pdf"]
    assert [j["state"] for j in queued] == ["queued", "queued", "queued", "failed", "queued"]
    assert queued[3]["code"] == "duplicate" and queued[3]["status"] == 409
    assert "finns redan" in queued[3]["error"] and not queued[3]["retryable"]

    jobs, _ = follow(client, answer.json["batch"])
    assert [j["state"] for j in jobs] == ["done", "done", "failed", "failed", "failed"]
    ids = {j["document_id"] for j in jobs[:2]}
    listed = {d["id"] for d in client.get("/api/documents").json}
    assert ids <= listed
    not_pdf, corrupt = jobs[2], jobs[4]
    assert not_pdf["status"] == 415 and "PDF" in not_pdf["error"]
    # the bytes are no PDF: the same bytes never will be, so no retry and no file kept
    assert not not_pdf["retryable"]
    assert client.post(f"/api/jobs/{not_pdf['id']}/retry", headers=AUTH).status_code == 409
    assert corrupt["code"] == "corrupt" and corrupt["retryable"]

    again = client.post(f"/api/jobs/{corrupt['id']}/retry", headers=AUTH)
    assert again.status_code == 202
    assert again.json["state"] == "queued" and again.json["attempt"] == 2
    jobs, _ = follow(client, answer.json["batch"])
    assert jobs[4]["state"] == "failed" and jobs[4]["attempt"] == 2
    assert client.post(f"/api/jobs/{jobs[0]['id']}/retry", headers=AUTH).status_code == 409
    assert client.post(f"/api/jobs/{jobs[3]['id']}/retry", headers=AUTH).status_code == 409
    assert client.post("/api/jobs/0000/retry", headers=AUTH).status_code == 404


def test_jobs_are_for_coordinators(writable_client: FlaskClient) -> None:
    assert writable_client.get("/api/jobs").status_code == 401
    assert writable_client.get("/api/jobs/abc").status_code == 401
    assert writable_client.post("/api/jobs").status_code == 401
    assert writable_client.get("/samordnare/uppladdningar/abc").status_code == 302
    assert writable_client.get("/api/jobs", headers=AUTH).status_code == 200
    answer = writable_client.post("/api/jobs", headers=AUTH, data={},
                                  content_type="multipart/form-data")
    assert answer.status_code == 400 and "file" in answer.json["error"]


def _failed_upload(client: FlaskClient, token: str, name: str) -> dict[str, Any]:
    response = client.post("/samordnare/ladda-upp", data={
        "csrf_token": token, "file": [(io.BytesIO(CORRUPT + name.encode()), name)]},
        content_type="multipart/form-data")
    assert response.status_code == 303
    [job], _ = follow(client, response.headers["Location"].rsplit("/", 1)[1])
    assert job["state"] == "failed" and job["retryable"]
    return job


def _wait_for(client: FlaskClient, job_id: str, key: str, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(f"/api/jobs/{job_id}", headers=AUTH).json
        if job[key] or time.monotonic() > deadline:
            return job
        time.sleep(0.1)


def test_a_failed_uploads_file_is_removed_after_the_retention(writable_store: Path) -> None:
    from tests.web.conftest import close_app, make_app

    app = make_app(writable_store)
    client = app.test_client()
    token = login(client)
    old = _failed_upload(client, token, "gammal.pdf")
    recent = _failed_upload(client, token, "ny.pdf")
    documents = client.get("/api/documents").json
    close_app(app)
    uploads = writable_store / "uploads"
    assert (uploads / old["id"]).is_file() and (uploads / recent["id"]).is_file()
    stamp = (datetime.now(UTC) - timedelta(days=31)).isoformat(timespec="seconds")
    with sqlite3.connect(writable_store / "catalogue.sqlite3") as con:  # a month goes by
        con.execute("UPDATE jobs SET updated_at = ? WHERE id = ?", (stamp, old["id"]))

    app = make_app(writable_store)  # the writer tidies when it starts
    try:
        client = app.test_client()
        login(client)
        gone = _wait_for(client, old["id"], "file_removed_at")
        assert gone["file_removed_at"] and not gone["retryable"]
        assert not (uploads / old["id"]).exists() and (uploads / recent["id"]).is_file()
        assert client.post(f"/api/jobs/{old['id']}/retry", headers=AUTH).status_code == 409
        page = unescape(client.get(f"/samordnare/uppladdningar/{old['batch']}")
                        .get_data(as_text=True))
        assert "Filen sparas inte längre" in page and "Försök igen" not in page
        kept = unescape(client.get(f"/samordnare/uppladdningar/{recent['batch']}")
                        .get_data(as_text=True))
        assert "Försök igen" in kept and "sparas inte längre" not in kept
        assert client.get("/api/documents").json == documents  # nothing stored is touched
        library = app.extensions["exempelbanken"].get()
        [entry] = library.audit_entries(action="upload.expire")
        assert "gammal.pdf" in entry.summary
    finally:
        close_app(app)


def test_a_coordinator_removes_a_failed_upload(writable_app: Flask) -> None:
    client = writable_app.test_client()
    token = login(client)
    failed = _failed_upload(client, token, "trasig.pdf")
    page_url = f"/samordnare/uppladdningar/{failed['batch']}"
    assert "Ta bort" in client.get(page_url).get_data(as_text=True)
    stored = client.get("/api/documents").json[0]
    refused = client.post(f"/samordnare/uppladdningar/jobb/{failed['id']}/ta-bort")
    assert refused.status_code in (400, 403)  # no CSRF token
    assert client.get(f"/api/jobs/{failed['id']}", headers=AUTH).status_code == 200

    answer = client.post(f"/samordnare/uppladdningar/jobb/{failed['id']}/ta-bort",
                         data={"csrf_token": token})
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/ladda-upp")
    assert client.get(f"/api/jobs/{failed['id']}", headers=AUTH).status_code == 404
    assert client.get(page_url).status_code == 404
    assert not (Path(writable_app.config["DATA_DIR"]) / "uploads" / failed["id"]).exists()
    library = writable_app.extensions["exempelbanken"].get()
    [entry] = library.audit_entries(action="upload.remove")
    assert entry.user == USER and "trasig.pdf" in entry.summary
    assert client.get(f"/api/documents/{stored['id']}").status_code == 200
    missing = client.post(f"/samordnare/uppladdningar/jobb/{failed['id']}/ta-bort",
                          data={"csrf_token": token})
    assert missing.status_code == 404


def test_the_webs_readers_leave_it_a_core(writable_app: Flask, monkeypatch) -> None:  # noqa: ANN001
    """Reading in the web's own worker keeps to all cores but one (at least one), unless the
    setting says otherwise."""
    from web import uploads

    monkeypatch.delenv("EXEMPELBANKEN_READER_CORES", raising=False)
    cores = len(os.sched_getaffinity(0))
    runtime = uploads.runtime(writable_app)
    assert runtime.writer.library.reader_cores == max(1, cores - 1)
    writable_app.config["READER_CORES"] = 3
    assert uploads._reader_cores(writable_app) == 3
    monkeypatch.setenv("EXEMPELBANKEN_READER_CORES", "2")
    del writable_app.config["READER_CORES"]
    assert uploads._reader_cores(writable_app) == 2
