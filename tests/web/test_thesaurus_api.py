"""The thesaurus in the JSON API: the concepts, SKOS downloads, and a coordinator's import."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import SKOS, Graph

from ingest.tagging.thesaurus import seed
from search.library import Library
from search.skos import MAX_BYTES
from tests.search.test_skos import FOREIGN_TURTLE
from web.openapi import build_spec

from .conftest import PASSWORD, USER, close_app, login, make_app


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    data_dir = tmp_path / "data"
    with Library(data_dir) as library:
        library.add_user(USER, PASSWORD)
    application = make_app(data_dir)
    yield application
    close_app(application)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def basic(user: str = USER, password: str = PASSWORD) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def upload(client: FlaskClient, data: bytes, name: str, headers: dict[str, str] | None = None):  # noqa: ANN201
    return client.post("/api/tesaurus/import", headers=headers or basic(),
                       data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def concepts(client: FlaskClient) -> dict[str, dict]:
    response = client.get("/api/tesaurus")
    assert response.status_code == 200
    return {c["key"]: c for c in response.json}


def test_the_thesaurus_is_public_json(client: FlaskClient) -> None:
    found = concepts(client)
    assert len(found) == len(seed().concepts)
    mobbning = found["mobbning"]
    assert set(mobbning) == {"key", "kind", "pref", "alt", "hidden", "related", "focus_areas",
                             "definition"}
    assert mobbning["kind"] == "topic" and "nätmobbning" in mobbning["alt"]
    assert mobbning["related"][0] == "kamratstöd"  # closest first
    assert found["psykisk-halsa"]["kind"] == "focus_area"


def test_turtle_download(client: FlaskClient) -> None:
    response = client.get("/api/tesaurus.ttl")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="exempelbanken-tesaurus.ttl"')
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert len(set(graph.subjects(SKOS.prefLabel, None))) == len(seed().concepts) + 1


def test_jsonld_download(client: FlaskClient) -> None:
    response = client.get("/api/tesaurus.jsonld")
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    assert "exempelbanken-tesaurus.jsonld" in response.headers["Content-Disposition"]
    body = json.loads(response.get_data())
    assert body["@context"]["skos"] == str(SKOS) and len(body["@graph"]) > len(seed().concepts)


def test_the_base_uri_follows_the_app_setting(tmp_path: Path) -> None:
    application = make_app(tmp_path / "other", THESAURUS_BASE_URI="https://region.example/t/")
    try:
        text = application.test_client().get("/api/tesaurus.ttl").get_data(as_text=True)
        assert "<https://region.example/t/mobbning>" in text
    finally:
        close_app(application)


@pytest.mark.parametrize("path", ["/api/tesaurus.ttl", "/api/tesaurus.jsonld"])
def test_a_download_imported_again_changes_nothing(client: FlaskClient, path: str) -> None:
    data = client.get(path).get_data()
    response = upload(client, data, path.rsplit("/", 1)[-1])
    assert response.status_code == 200, response.json
    assert (response.json["matched"], response.json["labels_added"],
            response.json["concepts_added"]) == (len(seed().concepts), 0, 0)


def test_a_coordinator_imports_a_foreign_file(client: FlaskClient, app: Flask) -> None:
    response = upload(client, FOREIGN_TURTLE.encode(), "region.ttl")
    assert response.status_code == 200, response.json
    report = response.json
    assert set(report) == {"filename", "format", "concepts", "matched", "labels_added",
                           "concepts_added", "skipped", "user"}
    assert (report["filename"], report["format"], report["user"]) == (
        "region.ttl", "turtle", USER)
    assert (report["labels_added"], report["concepts_added"], len(report["skipped"])) == (
        5, 1, 4)
    assert concepts(client)["digital-utsatthet"]["alt"] == ["sextortion"]
    library = app.extensions["exempelbanken"].get()
    assert {e.user for e in library.thesaurus.history()} == {USER}


def test_a_logged_in_session_imports_with_its_csrf_token(client: FlaskClient) -> None:
    token = login(client)
    response = upload(client, FOREIGN_TURTLE.encode(), "region.ttl", {"X-CSRFToken": token})
    assert response.status_code == 200, response.json
    assert response.json["user"] == USER


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401), (basic(password="fel-losenord-123"), 401)])
def test_an_import_needs_a_coordinator(client: FlaskClient, headers: dict, status: int) -> None:
    response = client.post("/api/tesaurus/import", headers=headers,
                           data={"file": (io.BytesIO(FOREIGN_TURTLE.encode()), "r.ttl")},
                           content_type="multipart/form-data")
    assert response.status_code == status
    assert "digital-utsatthet" not in concepts(client)


def test_a_session_without_csrf_token_is_refused(client: FlaskClient) -> None:
    login(client)
    response = upload(client, FOREIGN_TURTLE.encode(), "r.ttl", {"X-Other": "1"})
    assert response.status_code == 403
    assert "digital-utsatthet" not in concepts(client)


def test_bad_files_get_swedish_errors_and_change_nothing(client: FlaskClient) -> None:
    cases = [(b"inte alls rdf {", "t.ttl", 400, "kunde inte läsas"),
             (b"x" * (MAX_BYTES + 10), "t.ttl", 413, "högst 5 MB"),
             (json.dumps({"@context": "http://127.0.0.1:9/k", "@id": "urn:a"}).encode(),
              "t.jsonld", 400, "hämtar aldrig")]
    for data, name, status, message in cases:
        response = upload(client, data, name)
        assert response.status_code == status
        assert message in response.json["error"]
    missing = client.post("/api/tesaurus/import", headers=basic(), data={},
                          content_type="multipart/form-data")
    assert missing.status_code == 400 and "file" in missing.json["error"]
    assert len(concepts(client)) == len(seed().concepts)


def test_the_openapi_description_has_the_thesaurus() -> None:
    paths = build_spec()["paths"]
    turtle = paths["/api/tesaurus.ttl"]["get"]["responses"]["200"]["content"]
    assert turtle == {"text/turtle": {"schema": {"type": "string"}}}
    assert "application/ld+json" in paths["/api/tesaurus.jsonld"]["get"]["responses"]["200"][
        "content"]
    listed = paths["/api/tesaurus"]["get"]["responses"]["200"]["content"]["application/json"]
    assert listed["schema"]["items"] == {"$ref": "#/components/schemas/ThesaurusConcept"}
    post = paths["/api/tesaurus/import"]["post"]
    form = post["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form["properties"]["file"]["format"] == "binary"
    assert {"200", "400", "401", "403", "413"} <= set(post["responses"])
