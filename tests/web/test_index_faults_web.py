"""The web keeps answering while its index is deleted or corrupted, and the index heals by
itself: the search page and the API answer 200 (from the catalogue while the index is rebuilt
in the background, with a notice), the example page never depends on the index."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from search.fallback import NOTICE
from web.library import INDEX_STATUS_HEADER

from .conftest import close_app, make_app


@pytest.fixture
def app(writable_store: Path) -> Iterator[Flask]:
    application = make_app(writable_store, SEARCH_CACHE_SECONDS=0,
                           SEARCH_RATE_LIMIT="10000/minute")
    yield application
    close_app(application)


def library(app: Flask):  # noqa: ANN201 - search.library.Library
    return app.extensions["exempelbanken"].get()


def api_total(client, q: str) -> tuple[int, dict]:  # noqa: ANN001
    response = client.get("/api/search", query_string={"q": q})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.json["total"], dict(response.headers)


def assert_healed(app: Flask, client, q: str, total: int) -> None:  # noqa: ANN001
    """Searching on, the index heals by itself: whole on disk, every example in it."""
    lib = library(app)
    deadline = time.monotonic() + 30
    while lib.index.verify_on_disk() is not None or not lib.wait_for_index(5):
        assert time.monotonic() < deadline, "the index did not heal"
        api_total(client, q)
        time.sleep(0.2)
    assert lib.index.indexed_ids() == lib.catalogue.example_ids()
    healed, headers = api_total(client, q)
    assert healed == total and INDEX_STATUS_HEADER not in headers
    page = client.get("/", query_string={"q": q})
    assert page.status_code == 200 and NOTICE not in page.get_data(as_text=True)


def test_deleted_index_directory_search_answers_then_heals(app: Flask,
                                                          writable_store: Path) -> None:
    client = app.test_client()
    total, _ = api_total(client, "skolnärvaro")
    assert client.get("/").status_code == 200
    shutil.rmtree(writable_store / "index")
    with library(app)._writing():  # holds the rebuild back: the catalogue answers meanwhile
        home = client.get("/")
        assert home.status_code == 200 and "Sökindexet byggs om" in home.get_data(as_text=True)
        page = client.get("/", query_string={"q": "skolnärvaro"})
        assert page.status_code == 200 and "Sökindexet byggs om" in page.get_data(as_text=True)
        during, headers = api_total(client, "skolnärvaro")
        assert during > 0 and headers[INDEX_STATUS_HEADER] == "rebuilding"
        assert library(app).index_rebuilding()
    assert_healed(app, client, "skolnärvaro", total)


def test_truncated_segment_search_and_example_page_answer_then_heal(
        app: Flask, writable_store: Path) -> None:
    client = app.test_client()
    total, _ = api_total(client, "hembesök")
    example_id = client.get("/api/search", query_string={"q": "hembesök"}).json[
        "results"][0]["id"]
    root = writable_store / "index"
    generation = root / (root / "CURRENT").read_text(encoding="utf-8").strip()
    for segment in generation.glob("*.seg"):
        os.truncate(segment, 0)
    assert client.get("/", query_string={"q": "hembesök"}).status_code == 200
    during, _ = api_total(client, "hembesök")
    assert during > 0
    assert client.get(f"/api/examples/{example_id}").status_code == 200
    assert client.get(f"/exempel/{example_id}").status_code == 200
    assert_healed(app, client, "hembesök", total)


def test_example_page_does_not_need_the_index(app: Flask, writable_store: Path) -> None:
    client = app.test_client()
    hit = client.get("/api/search", query_string={"q": "föräldrastöd"}).json["results"][0]
    page_url = f"/exempel/{hit['id']}"
    assert client.get(page_url).status_code == 200
    shutil.rmtree(writable_store / "index")
    response = client.get(page_url)
    assert response.status_code == 200
    assert hit["title"].split()[0] in response.get_data(as_text=True)
    assert library(app).wait_for_index(60)
