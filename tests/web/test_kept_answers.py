"""What the web keeps per catalogue state: the start page, an example's similar examples, the
concept view and its answers. Each is kept while the catalogue stays, made again after a change
(through the web or by another process), and the concept view of a new state is built once
however many requests ask for it at the same time."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from flask import Flask

import search.library
from search.library import Library
from web.library import WebLibrary

from .conftest import close_app, make_app

NEW_PLACE = "Ödeshög"  # a municipality no example of the corpus names


@pytest.fixture()
def uncached_app(writable_store: Path) -> Flask:
    application = make_app(writable_store, SEARCH_CACHE_SECONDS=0)
    yield application
    close_app(application)


def _library(app: Flask) -> WebLibrary:
    library = app.extensions["exempelbanken"].get()
    assert isinstance(library, WebLibrary)
    return library


def test_start_page_is_kept_until_the_catalogue_changes(uncached_app: Flask,
                                                        writable_store: Path) -> None:
    library = _library(uncached_app)
    first = library.search("")
    assert library.search("") is first
    assert library.search("skolnärvaro") is not library.search("skolnärvaro")  # not kept
    assert library.search("", filters={"kommun": ["Värnamo"]}) is not \
        library.search("", filters={"kommun": ["Värnamo"]})
    example_id = first.hits[0].id
    with Library(writable_store) as other:  # another process: the command line
        other.correct_tag(example_id, "municipality", NEW_PLACE)
    again = library.search("")
    assert again is not first
    assert again.facets["kommun"].get(NEW_PLACE) == 1
    client = uncached_app.test_client()
    assert NEW_PLACE in client.get("/").get_data(as_text=True)


def test_similar_examples_are_kept_until_the_catalogue_changes(uncached_app: Flask) -> None:
    library = _library(uncached_app)
    example_id = library.search("").hits[0].id
    first = library.similar(example_id, limit=5)
    assert first and library.similar(example_id, limit=5) is first
    assert library.similar(example_id, limit=3) is not first
    library.correct_tag(example_id, "municipality", NEW_PLACE)
    again = library.similar(example_id, limit=5)
    assert again is not first
    assert [h.id for h in again] == [h.id for h in Library.similar(library, example_id, 5)]


def test_concept_view_of_a_new_state_is_built_once(uncached_app: Flask,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    library = _library(uncached_app)
    before = library.concept_view()
    built: list[object] = []
    real = search.library.ConceptView

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object) -> None:
            built.append(self)
            super().__init__(*args)

    monkeypatch.setattr(search.library, "ConceptView", Counted)
    example_id = library.search("").hits[0].id
    library.correct_tag(example_id, "municipality", NEW_PLACE)
    seen: list[object] = []
    start = threading.Barrier(8)

    def ask() -> None:
        start.wait()
        seen.append(library.concept_view())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1 and all(view is built[0] for view in seen)
    assert seen[0] is not before


def test_concept_view_keeps_its_answers(uncached_app: Flask) -> None:
    library = _library(uncached_app)
    view = library.concept_view()
    example_id = library.search("").hits[0].id
    assert view.municipality("värnamo") is view.municipality("Värnamo")
    assert view.municipalities() is view.municipalities()
    assert view.inspired(example_id) is view.inspired(example_id)
    assert view.municipality("Atlantis") is None and view.inspired("nej") is None
    page = uncached_app.test_client().get("/kommun/Värnamo")
    assert page.status_code == 200 and "Värnamo" in page.get_data(as_text=True)


def test_anonymous_pages_are_kept_until_the_catalogue_changes(
        uncached_app: Flask, writable_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import web.views.examples as views

    rendered: list[str] = []
    real = views.render_template

    def counted(name: str, **context: object) -> str:
        rendered.append(name)
        return real(name, **context)

    monkeypatch.setattr(views, "render_template", counted)
    client = uncached_app.test_client()
    example_id = _library(uncached_app).search("").hits[0].id
    first = client.get(f"/exempel/{example_id}")
    again = client.get(f"/exempel/{example_id}")
    assert first.status_code == again.status_code == 200
    assert again.get_data() == first.get_data() and rendered == ["example.html"]
    assert again.mimetype == first.mimetype == "text/html"
    assert NEW_PLACE not in first.get_data(as_text=True)
    with Library(writable_store) as other:  # another process: the command line
        other.correct_tag(example_id, "municipality", NEW_PLACE)
    changed = client.get(f"/exempel/{example_id}").get_data(as_text=True)
    assert NEW_PLACE in changed and len(rendered) == 2
    assert client.get("/exempel/finns-inte").status_code == 404


def test_a_coordinator_never_gets_a_kept_page(uncached_app: Flask) -> None:
    from .conftest import login

    anonymous, coordinator = uncached_app.test_client(), uncached_app.test_client()
    example_id = _library(uncached_app).search("").hits[0].id
    assert "Logga ut" not in anonymous.get(f"/exempel/{example_id}").get_data(as_text=True)
    login(coordinator)
    for url in (f"/exempel/{example_id}", "/koncept", "/kommun/Värnamo", "/"):
        page = coordinator.get(url)
        assert "Logga ut" in page.get_data(as_text=True), url
        assert page.headers["Cache-Control"] == "no-store"
    assert "Logga ut" not in anonymous.get(f"/exempel/{example_id}").get_data(as_text=True)


def test_kept_answers_are_bounded_and_of_one_catalogue_state() -> None:
    from web.library import KeptPerChange

    pages = KeptPerChange(3, len, budget=10)
    pages.put("/a", 1, "x" * 4)  # no state yet: nothing kept
    assert pages.get("/a", 1) is None
    pages.put("/a", 1, "x" * 4)
    pages.put("/b", 1, "y" * 4)
    assert pages.get("/a", 1) == "x" * 4
    pages.put("/c", 1, "z" * 4)  # 12 characters: the least recently used goes
    assert pages.get("/b", 1) is None and pages.get("/c", 1) == "z" * 4
    assert pages.get("/a", 0) is None  # a request from before a change gets nothing ...
    assert pages.get("/a", 1) == "x" * 4  # ... and takes nothing away
    assert pages.get("/a", 2) is None  # the catalogue changed: all forgotten
    pages.put("/a", 1, "old")
    assert pages.get("/a", 2) is None
