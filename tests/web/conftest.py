"""Fixtures for the web tests: a data directory with the corpus ingested, Flask apps on it, a
coordinator account, and helpers for logging in and reading CSRF tokens."""

from __future__ import annotations

import io
import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from web import create_app

USER = "samordnare"
PASSWORD = "hemligt-losenord-1"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_app(data_dir: Path, **overrides: object) -> Flask:
    config: dict[str, object] = {
        "TESTING": True,
        "DATA_DIR": str(data_dir),
        "SECRET_KEY": "test-secret",
        "LOGIN_RATE_LIMIT": "1000/minute",
        "SEARCH_RATE_LIMIT": "100000/minute",
        # the pages read what was uploaded at once; the review tests turn this off
        "PUBLISH_UPLOADS": True,
    }
    config.update(overrides)
    return create_app(config)


def close_app(app: Flask) -> None:
    app.extensions["exempelbanken"].close()


@pytest.fixture(scope="session")
def web_store(corpus_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the ingested corpus with one coordinator account (for read-mostly tests)."""
    from search.library import Library

    target = tmp_path_factory.mktemp("web-store") / "data"
    shutil.copytree(corpus_store, target)
    with Library(target) as library:
        library.add_user(USER, PASSWORD)
    return target


@pytest.fixture(scope="session")
def app(web_store: Path) -> Iterator[Flask]:
    application = make_app(web_store)
    yield application
    close_app(application)


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture()
def writable_store(web_store: Path, tmp_path: Path) -> Path:
    """A private copy of the store for tests that upload, correct or remove."""
    target = tmp_path / "data"
    shutil.copytree(web_store, target, ignore=shutil.ignore_patterns("thumbs"))
    return target


@pytest.fixture()
def writable_app(writable_store: Path) -> Iterator[Flask]:
    application = make_app(writable_store)
    yield application
    close_app(application)


@pytest.fixture()
def writable_client(writable_app: Flask) -> FlaskClient:
    return writable_app.test_client()


def csrf_token(client: FlaskClient, url: str = "/logga-in") -> str:
    page = client.get(url).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, f"no CSRF token on {url}"
    return match.group(1)


def login(client: FlaskClient, user: str = USER, password: str = PASSWORD) -> str:
    """Log in through the form; returns a CSRF token valid for the session."""
    token = csrf_token(client)
    response = client.post(
        "/logga-in", data={"namn": user, "losenord": password, "csrf_token": token}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return csrf_token(client, "/samordnare/ladda-upp")


def renamed_pdf(path: Path) -> bytes:
    """The same PDF with different bytes (new metadata), so it is a new document."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(path))
    writer.add_metadata({"/Subject": "Ny version för test"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def finished_upload_page(client: FlaskClient, response, timeout: float = 300.0) -> str:  # noqa: ANN001
    """The progress page the upload redirected to, once every file is done or failed."""
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    url = response.headers["Location"]
    deadline = time.monotonic() + timeout
    while True:
        body = unescape(client.get(url).get_data(as_text=True))
        if 'class="upload-done"' in body:
            return body
        assert time.monotonic() < deadline, "the upload did not finish"
        time.sleep(0.2)


@contextmanager
def served(data_dir: Path, **overrides: object) -> Iterator[str]:
    """The app on ``data_dir`` under a real threaded HTTP server on a free port: its address."""
    app = make_app(data_dir, **overrides)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        close_app(app)
