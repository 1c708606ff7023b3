"""Uploading a document in English over HTTP: stored and found as any other, its language in
the API, a Swedish warning, and its pages saying which language their text is in (``lang``)."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from flask.testing import FlaskClient

from tests.ingest.foreign import ENGLISH, report

from .conftest import PASSWORD, USER, login


def _basic() -> dict[str, str]:
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_an_english_upload_says_its_language(writable_client: FlaskClient,
                                             tmp_path: Path) -> None:
    pdf = report(tmp_path / "network-report.pdf", "Newsletter of the school network", ENGLISH,
                 "en")
    data = {"file": (io.BytesIO(pdf.read_bytes()), pdf.name)}
    created = writable_client.post("/api/documents", data=data, headers=_basic(),
                                   content_type="multipart/form-data")
    assert created.status_code == 201, created.json
    document = created.json
    assert document["language"] == "en"
    assert any("engelska" in w for w in document["warnings"])
    assert not any(t["proposed"] for e in document["examples"] for t in e["tags"])

    page = writable_client.get(f"/dokument/{document['id']}").get_data(as_text=True)
    assert ", på engelska." in page
    assert '<ol class="ref-list" lang="en">' in page

    example_id = document["examples"][0]["id"]
    page = writable_client.get(f"/exempel/{example_id}").get_data(as_text=True)
    assert '<h1 lang="en">' in page
    assert "<dt>Språk</dt><dd>Engelska (taggningen läser svenska)</dd>" in page
    assert '<div class="example-text" lang="en">' in page

    found = writable_client.get("/api/search?q=librarian").json
    assert found["results"][0]["document"]["id"] == document["id"]

    # an example without a single tag (Whoosh gives no length for an empty field): the tags'
    # average length, and every score it enters, stay numbers
    assert any(not e["tags"] for e in document["examples"])
    municipal = writable_client.get("/api/search?q=Gnosjö").json["results"]
    assert municipal and all(r["score"] > 0 for r in municipal)
    assert "Gnosjö" in municipal[0]["municipalities"]

    login(writable_client)
    page = writable_client.get(f"/samordnare/dokument/{document['id']}").get_data(as_text=True)
    assert '<h1>Granska: <span lang="en">' in page
    assert "Texten verkar vara på engelska" in page


def test_a_swedish_document_says_nothing_of_its_language(client: FlaskClient) -> None:
    document = client.get("/api/documents").json[0]
    assert client.get(f"/api/documents/{document['id']}").json["language"] == "sv"
    page = client.get(f"/dokument/{document['id']}").get_data(as_text=True)
    assert 'lang="' not in page.split("<body", 1)[1]
