"""An office file uploaded over HTTP: read through LibreOffice, kept as uploaded beside the PDF
made of it, its pages drawn from that PDF, and both files gone when the document is removed."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from flask.testing import FlaskClient

from search.library import Library
from tests import office_files as make

from .conftest import PASSWORD, USER


def _basic() -> dict[str, str]:
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def _upload(client: FlaskClient, data: bytes, name: str):  # noqa: ANN202
    return client.post("/api/documents", data={"file": (io.BytesIO(data), name)},
                       headers=_basic(), content_type="multipart/form-data")


def test_pptx_upload_keeps_the_original_and_draws_pages(
    writable_client: FlaskClient, writable_store: Path
) -> None:
    pptx = make.pptx_poster()
    created = _upload(writable_client, pptx, "rastaffisch.pptx")
    assert created.status_code == 201, created.json
    doc = created.json
    assert doc["source_format"] == "pptx" and doc["pages"] == 1

    source = writable_client.get(f"/dokument/{doc['id']}/originalfil")
    assert source.status_code == 200
    assert source.data == pptx
    assert source.mimetype == make_mimetype("pptx")
    assert source.headers["Content-Disposition"].startswith("attachment")
    assert "rastaffisch.pptx" in source.headers["Content-Disposition"]

    pdf = writable_client.get(f"/dokument/{doc['id']}/original.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF-")
    picture = writable_client.get(f"/dokument/{doc['id']}/sida/1.png")
    assert picture.status_code == 200 and picture.data.startswith(b"\x89PNG")

    page = writable_client.get(f"/dokument/{doc['id']}").get_data(as_text=True)
    assert "Ladda ned originalfilen (PPTX)" in page

    with Library(writable_store) as library:
        assert library.check().ok
        assert library.remove_document(doc["id"])
        assert library.check().ok
    files = list((writable_store / "originals").rglob(f"{doc['sha256']}*"))
    assert files == []


def test_pdf_document_has_no_office_original(writable_client: FlaskClient) -> None:
    listing = writable_client.get("/api/documents").json
    first = listing["documents"][0] if isinstance(listing, dict) else listing[0]
    assert writable_client.get(f"/dokument/{first['id']}/originalfil").status_code == 404


def test_broken_office_file_is_a_clear_422(writable_client: FlaskClient) -> None:
    answer = _upload(writable_client, make.broken_docx(), "trasig.docx")
    assert answer.status_code == 422
    assert answer.json["error"].startswith("Word-dokumentet kunde inte öppnas")


def test_spreadsheet_is_refused_as_415(writable_client: FlaskClient) -> None:
    sheet = make.zip_with({"[Content_Types].xml": b"<Types>spreadsheetml.sheet.main+xml</Types>"})
    answer = _upload(writable_client, sheet, "siffror.xlsx")
    assert answer.status_code == 415
    assert "Kalkylblad" in answer.json["error"]


def make_mimetype(name: str) -> str:
    from ingest.formats import FORMATS

    return FORMATS[name].mimetype
