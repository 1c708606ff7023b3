"""A file name that is already stored never replaces anything by itself: only an explicit
replace does (common names like nyhetsbrev.pdf come from several municipalities)."""

from __future__ import annotations

import base64
import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from flask import Flask

from tests.web.conftest import PASSWORD, USER

AUTH = {"Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}


def variant(pdf: Path, n: int) -> bytes:
    """The same PDF with other bytes (a trailing comment), as a re-export would give."""
    return pdf.read_bytes() + f"\n%variant {n}\n".encode()


def upload(app: Flask, data: bytes, name: str, replace: str | None = None):  # noqa: ANN201
    form = {"file": (io.BytesIO(data), name)}
    if replace:
        form["replace"] = replace
    return app.test_client().post("/api/documents", data=form, headers=AUTH,
                                  content_type="multipart/form-data")


def test_same_name_other_bytes_is_a_new_document(
    writable_app: Flask, corpus_pdfs: list[Path]
) -> None:
    posters = [p for p in corpus_pdfs if p.name.startswith("poster-")]
    first = upload(writable_app, variant(posters[0], 1), "poster.pdf")
    second = upload(writable_app, variant(posters[1], 1), "poster.pdf")
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json["stored_as"] == second.json["stored_as"] == "new"
    assert first.json["replaces"] is None
    client = writable_app.test_client()
    for doc in (first.json, second.json):
        assert client.get(f"/api/documents/{doc['id']}").status_code == 200
    names = [d["filename"] for d in client.get("/api/documents").json]
    assert names.count("poster.pdf") == 2


def test_parallel_uploads_with_one_name_keep_every_document(
    writable_app: Flask, corpus_pdfs: list[Path]
) -> None:
    posters = [p for p in corpus_pdfs if p.name.startswith("poster-")][:4]
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(
            lambda p: upload(writable_app, variant(p, 2), "poster.pdf"), posters))
    assert [a.status_code for a in answers] == [201] * 4
    ids = {a.json["id"] for a in answers}
    listed = writable_app.test_client().get("/api/documents").json
    assert ids <= {d["id"] for d in listed}
    assert sum(d["filename"] == "poster.pdf" for d in listed) == 4


def test_only_an_explicit_replace_replaces(writable_app: Flask, corpus_pdfs: list[Path]) -> None:
    poster = next(p for p in corpus_pdfs if p.name.startswith("poster-"))
    first = upload(writable_app, variant(poster, 3), "affisch.pdf").json
    newer = upload(writable_app, variant(poster, 4), "affisch-v2.pdf", replace=first["id"])
    assert newer.status_code == 201
    assert newer.json["stored_as"] == "replacement"
    assert newer.json["replaces"] == first["id"]
    client = writable_app.test_client()
    assert client.get(f"/api/documents/{first['id']}").status_code == 404
    assert client.get(f"/api/documents/{newer.json['id']}").status_code == 200
