"""The persons of an example on its page (mailto:, tel:, the person's page with their other
examples), a coordinator hiding a detail, and the GDPR page's export and erasure: each checked
in the pages and the API, on posters drawn for the test and read by the real reader."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from search.library import Library
from tests.search.people_files import EMAIL, NAME, poster_with_split_address, second_poster
from tests.web.conftest import PASSWORD, USER, close_app, login, make_app


@pytest.fixture(scope="module")
def people_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("people-web")
    posters = [poster_with_split_address(folder / "laxcafe-huskvarna.pdf"),
               second_poster(folder / "laxhjalp-bankeryd.pdf")]
    data_dir = folder / "data"
    with Library(data_dir) as library:
        assert not library.ingest_paths(posters).errors
        library.add_user(USER, PASSWORD)
    return data_dir


@pytest.fixture()
def app(people_store: Path, tmp_path: Path) -> Iterator[Flask]:
    target = tmp_path / "data"
    shutil.copytree(people_store, target)
    application = make_app(target)
    yield application
    close_app(application)


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _example_id(client: FlaskClient, word: str) -> str:
    hits = client.get("/api/search?q=&per_page=50").get_json()["results"]
    return next(h["id"] for h in hits if word in h["title"])


def _all_responses(client: FlaskClient) -> str:
    """The search page, every example and document page and their API answers."""
    texts = [client.get("/?q=").get_data(as_text=True)]
    hits = client.get("/api/search?q=&per_page=50").get_json()["results"]
    for h in hits:
        texts += [client.get(f"/exempel/{h['id']}").get_data(as_text=True),
                  client.get(f"/api/examples/{h['id']}").get_data(as_text=True),
                  client.get(f"/dokument/{h['document']['id']}").get_data(as_text=True),
                  client.get(f"/api/documents/{h['document']['id']}").get_data(as_text=True)]
    texts.append(client.get("/api/documents").get_data(as_text=True))
    return "\n".join(texts).lower()


def test_example_page_lists_persons_with_links(client: FlaskClient) -> None:
    page = client.get(f"/exempel/{_example_id(client, 'Huskvarna')}").get_data(as_text=True)
    assert f'href="mailto:{EMAIL}"' in page
    assert 'href="tel:+4636102030"' in page
    assert 'href="/person/anna-svensson"' in page
    assert "Jönköpings kommun" in page
    assert "Läxhjälp på biblioteket i Bankeryd" in page  # Anna's other example
    person = client.get("/person/anna-svensson")
    assert person.status_code == 200
    text = person.get_data(as_text=True)
    assert "Läxcafé med seniorer i Huskvarna" in text and "Bankeryd" in text
    assert client.get("/person/ingen-alls").status_code == 404


def test_coordinator_hides_a_phone_number(client: FlaskClient) -> None:
    ex_id = _example_id(client, "Huskvarna")
    token = login(client)
    response = client.post(f"/samordnare/exempel/{ex_id}/dolj",
                           data={"namn": NAME, "uppgift": "phone", "csrf_token": token})
    assert response.status_code == 302
    assert "036-10 20 30" not in _all_responses(client)
    assert EMAIL in _all_responses(client)
    api = client.get(f"/api/examples/{ex_id}").get_json()
    anna = next(p for p in api["persons"] if p["name"] == NAME)
    assert anna["phone"] is None


def test_a_hidden_phone_number_is_shown_again(client: FlaskClient) -> None:
    """"Visa igen" takes the hiding back: the document is read again from its file in a job,
    the number is back everywhere, and the document stays published."""
    ex_id = _example_id(client, "Huskvarna")
    token = login(client)
    client.post(f"/samordnare/exempel/{ex_id}/dolj",
                data={"namn": NAME, "uppgift": "phone", "csrf_token": token})
    page = client.get(f"/exempel/{ex_id}").get_data(as_text=True)
    assert "Dolt på exemplet" in page and "Visa igen" in page
    response = client.post(f"/samordnare/exempel/{ex_id}/visa",
                           data={"namn": NAME, "uppgift": "phone", "csrf_token": token})
    assert response.status_code == 303
    batch = response.headers["Location"].rsplit("/", 1)[1]
    deadline = time.monotonic() + 60
    while (jobs := client.get(f"/api/jobs?batch={batch}").get_json())[0]["state"] not in (
            "done", "failed") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert jobs[0]["state"] == "done", jobs
    assert "036-10 20 30" in _all_responses(client)
    assert "Dolt på exemplet" not in client.get(f"/exempel/{ex_id}").get_data(as_text=True)
    client.post("/logga-ut", data={"csrf_token": token})
    anonymous = client.application.test_client()
    anna = next(p for p in anonymous.get(f"/api/examples/{ex_id}").get_json()["persons"]
                if p["name"] == NAME)
    assert anna["phone"] == "036-10 20 30"


def test_hiding_needs_a_coordinator(client: FlaskClient) -> None:
    ex_id = _example_id(client, "Huskvarna")
    response = client.post(f"/samordnare/exempel/{ex_id}/dolj", data={"namn": NAME})
    assert response.status_code in (302, 400)
    assert "036-10 20 30" in _all_responses(client)


def test_export_and_erasure_through_the_pages(client: FlaskClient) -> None:
    token = login(client)
    export = client.get("/samordnare/personer/export", query_string={"namn": NAME})
    assert export.status_code == 200
    data = json.loads(export.get_data(as_text=True))
    assert len(data["examples"]) == 2 and data["person"] == NAME
    refused = client.post("/samordnare/personer/radera", data={"namn": NAME,
                                                               "csrf_token": token})
    assert refused.status_code == 302 and "svensson" in _all_responses(client)
    erased = client.post("/samordnare/personer/radera",
                         data={"namn": NAME, "bekrafta": "ja", "csrf_token": token})
    assert erased.status_code == 302
    assert "svensson" not in _all_responses(client)
    assert client.get("/api/search?q=Svensson").get_json()["total"] == 0
    assert client.get("/person/anna-svensson").status_code == 404
    assert client.get("/person/per-lund").status_code == 200
