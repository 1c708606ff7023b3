"""Uploading a real newsletter with emoji over HTTP: read, stored and found (it used to be
refused as a damaged PDF). Text that is still not valid Unicode when it reaches the store is a
clear 422, not a 500 with an orphan original left on disk."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from tests.ingest.astral import PARTY, SEARCH_WORD, SMILE, THUMBS_UP, emoji_newsletter
from tests.search.conftest import EXAMPLES_A, FakeReader, make_document

from .conftest import PASSWORD, USER


def _basic() -> dict[str, str]:
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_emoji_newsletter_upload_is_201(writable_client: FlaskClient, tmp_path: Path) -> None:
    pdf = emoji_newsletter(tmp_path / "nyhetsbrev-emoji.pdf")
    data = {"file": (io.BytesIO(pdf.read_bytes()), pdf.name)}
    created = writable_client.post(
        "/api/documents", data=data, headers=_basic(), content_type="multipart/form-data"
    )
    assert created.status_code == 201, created.json
    document = created.json
    assert PARTY in document["title"]
    texts = [e["text"] for e in document["examples"]]
    assert any(f"tummen upp {THUMBS_UP} och läser mer {SMILE}" in t for t in texts), texts

    found = writable_client.get(f"/api/search?q={SEARCH_WORD}")
    assert found.status_code == 200
    top = found.json["results"][0]
    assert top["document"]["id"] == document["id"]
    example = writable_client.get(f"/api/examples/{top['id']}")
    assert example.status_code == 200
    assert THUMBS_UP in example.json["text"]
    page = writable_client.get(f"/exempel/{top['id']}")
    assert page.status_code == 200
    assert SMILE in page.get_data(as_text=True)


def test_text_the_store_refuses_is_422_without_leftovers(writable_app: Flask) -> None:
    """A reader that still let a lone surrogate half through (stand-in for a future bug)."""
    library = writable_app.extensions["exempelbanken"].get()
    reader = FakeReader()
    doc, data = make_document("trasig-text.pdf", EXAMPLES_A)
    doc.examples[0].text += " tummen upp \ud83d"
    reader.add(doc, data)
    library._reader = reader
    documents = len(library.documents())
    originals = sorted((library.data_dir / "originals").rglob("*.pdf"))

    upload = {"file": (io.BytesIO(data), "trasig-text.pdf")}
    response = writable_app.test_client().post(
        "/api/documents", data=upload, headers=_basic(), content_type="multipart/form-data"
    )
    assert response.status_code == 422, response.json
    assert "ogiltigt tecken" in response.json["error"]
    assert len(library.documents()) == documents
    assert sorted((library.data_dir / "originals").rglob("*.pdf")) == originals
