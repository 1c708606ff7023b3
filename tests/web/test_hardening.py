"""Hardening against the bug report: sessions end on logout, the data directory is private,
`nasta` never leads off site or to a 500, and every error page (413 and 400 from a real
server, gunicorn or waitress, included) is the app's own Swedish page, and the search limit
counts every serving process together."""

from __future__ import annotations

import base64
import contextlib
import http.client
import io
import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask, abort
from flask.testing import FlaskClient
from werkzeug.security import generate_password_hash

from search.catalogue import SCHEMA
from tests.conftest import CORPUS_PDF
from web import create_app
from web.cli import main as cli_main

from .conftest import (
    PASSWORD,
    USER,
    close_app,
    csrf_token,
    login,
    make_app,
)

COOKIE = "exempelbanken"


# --- 1. logout ends the session on the server ---------------------------------------------


def _stolen_cookie(client: FlaskClient) -> str:
    cookie = client.get_cookie(COOKIE)
    assert cookie is not None and cookie.value
    return cookie.value


def _replay(app: Flask, cookie: str) -> FlaskClient:
    other = app.test_client()
    other.set_cookie(COOKIE, cookie)
    return other


def _assert_logged_out(app: Flask, cookie: str, token: str) -> None:
    replay = _replay(app, cookie)
    page = replay.get("/samordnare")
    assert page.status_code == 302, "a cookie from before logout still opens /samordnare"
    assert "/logga-in" in page.headers["Location"]
    api = _replay(app, cookie).post(
        "/api/documents", headers={"X-CSRFToken": token}, data={},
        content_type="multipart/form-data",
    )
    assert api.status_code == 401, api.get_data(as_text=True)[:300]
    assert "Logga ut" not in _replay(app, cookie).get("/").get_data(as_text=True)


def test_old_cookie_does_not_work_after_logout(
    writable_app: Flask, writable_client: FlaskClient
) -> None:
    token = login(writable_client)
    assert writable_client.get("/samordnare").status_code == 200
    stolen = _stolen_cookie(writable_client)
    assert _replay(writable_app, stolen).get("/samordnare").status_code == 200
    response = writable_client.post("/logga-ut", data={"csrf_token": token})
    assert response.status_code == 302
    _assert_logged_out(writable_app, stolen, token)
    # logging in again works, and the new session is a fresh one
    login(writable_client)
    assert writable_client.get("/samordnare").status_code == 200
    assert _stolen_cookie(writable_client) != stolen


def test_logout_ends_every_session_of_that_user(
    writable_app: Flask, writable_client: FlaskClient
) -> None:
    other = writable_app.test_client()
    login(other)
    token = login(writable_client)
    writable_client.post("/logga-ut", data={"csrf_token": token})
    assert other.get("/samordnare").status_code == 302


def test_password_change_ends_sessions(
    writable_app: Flask, writable_client: FlaskClient, writable_store: Path
) -> None:
    token = login(writable_client)
    stolen = _stolen_cookie(writable_client)
    result = CliRunner().invoke(
        cli_main, ["add-user", USER, "--password-stdin", "--data-dir", str(writable_store)],
        input="ett-nytt-losenord-2\n",
    )
    assert result.exit_code == 0, result.output
    _assert_logged_out(writable_app, stolen, token)
    login(writable_client, password="ett-nytt-losenord-2")
    assert writable_client.get("/samordnare").status_code == 200


def test_sessions_work_on_a_catalogue_from_before_session_tokens(tmp_path: Path) -> None:
    """An existing catalogue (users table without the new column) is migrated on use."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    con = sqlite3.connect(data_dir / "catalogue.sqlite3")
    con.executescript(SCHEMA)
    con.execute("DROP TABLE users")
    con.execute(
        "CREATE TABLE users (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, "
        "role TEXT NOT NULL DEFAULT 'coordinator', created_at TEXT NOT NULL)"
    )
    con.execute("INSERT INTO users VALUES (?,?,?,?)",
                (USER, generate_password_hash(PASSWORD), "coordinator", "2024-01-01"))
    con.commit()
    con.close()
    app = make_app(data_dir)
    try:
        client = app.test_client()
        token = login(client)
        assert client.get("/samordnare").status_code == 200
        stolen = _stolen_cookie(client)
        client.post("/logga-ut", data={"csrf_token": token})
        _assert_logged_out(app, stolen, token)
    finally:
        close_app(app)


# --- 2. a private data directory ------------------------------------------------------------


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _assert_private(data_dir: Path) -> None:
    assert _mode(data_dir) == 0o700, oct(_mode(data_dir))
    for path in data_dir.rglob("*"):
        if path.is_symlink():
            continue
        mode = _mode(path)
        assert not mode & 0o077, f"{path.relative_to(data_dir)} is {oct(mode)}"
        if path.is_dir():
            assert mode == 0o700, f"{path.relative_to(data_dir)} is {oct(mode)}"


def test_new_data_dir_is_private(tmp_path: Path, loose_umask: None,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from search.library import Library

    monkeypatch.delenv("EXEMPELBANKEN_SECRET_KEY", raising=False)
    data_dir = tmp_path / "data"
    app = create_app({"TESTING": True, "DATA_DIR": str(data_dir)})
    try:
        assert app.test_client().get("/").status_code == 200  # opens the library
        assert _mode(data_dir) == 0o700  # nothing inside can be reached by others
        assert _mode(data_dir / "originals") == 0o700
        assert _mode(data_dir / "secret_key") == 0o600
        for name in ("catalogue.sqlite3", "catalogue.sqlite3-wal", "catalogue.sqlite3-shm"):
            if (data_dir / name).exists() or name == "catalogue.sqlite3":
                assert _mode(data_dir / name) == 0o600, name
    finally:
        close_app(app)
    with Library(data_dir):
        _assert_private(data_dir)  # what was made after the first open is tightened at the next


def test_stored_originals_are_private(tmp_path: Path, loose_umask: None) -> None:
    from search.library import Library

    data_dir = tmp_path / "data"
    pdf = sorted(CORPUS_PDF.glob("*.pdf"))[0]
    with Library(data_dir) as library:
        report = library.ingest_paths([pdf])
        assert not report.errors, report.errors
        sha = report.documents[0].sha256
        original = data_dir / "originals" / sha[:2] / f"{sha}.pdf"
        assert original.is_file()
        assert _mode(original) == 0o600
    with Library(data_dir):  # what was created since the last open is tightened at open
        _assert_private(data_dir)


def test_existing_loose_data_dir_is_tightened_at_open(tmp_path: Path, loose_umask: None) -> None:
    from search.library import Library

    data_dir = tmp_path / "data"
    with Library(data_dir):
        pass
    (data_dir / "secret_key").write_text("nyckel", encoding="utf-8")
    shard = data_dir / "originals" / "ab"
    shard.mkdir()
    (shard / ("ab" * 32 + ".pdf")).write_bytes(b"%PDF-1.4\n")
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    with Library(data_dir):
        _assert_private(data_dir)
        assert _mode(data_dir / "catalogue.sqlite3") == 0o600


def test_catalogue_file_is_created_private(tmp_path: Path, loose_umask: None) -> None:
    from search.catalogue import Catalogue

    catalogue = Catalogue(tmp_path / "c.sqlite3")
    try:
        assert _mode(tmp_path / "c.sqlite3") == 0o600
    finally:
        catalogue.close()


# --- 3. `nasta` after login -----------------------------------------------------------------

BAD_TARGETS = [
    "/\r\n//evil.example",
    "/\r\nSet-Cookie: x=1",
    "/\t/evil.example",
    "/\x00",
    "/%0D%0A//evil.example",  # still encoded: refused after decoding
    "/%2F/evil.example",
    "/%5Cevil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
]


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_bad_next_goes_to_the_start_page(client: FlaskClient, target: str) -> None:
    token = csrf_token(client)
    form = {"namn": USER, "losenord": PASSWORD, "csrf_token": token, "nasta": target}
    response = client.post("/logga-in", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    assert response.headers["Location"] == "/samordnare"


@pytest.mark.parametrize("query", [
    "nasta=/%0D%0A//evil.example", "nasta=//evil.example", "nasta=/%5Cevil.example",
    "nasta=https://evil.example", "nasta=/%250D%250A//evil.example",
])
def test_bad_next_in_the_query_string(client: FlaskClient, query: str) -> None:
    page = client.get(f"/logga-in?{query}")
    assert page.status_code == 200  # the form itself renders
    token = csrf_token(client)
    response = client.post(
        f"/logga-in?{query}", data={"namn": USER, "losenord": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    assert response.headers["Location"] == "/samordnare"


@pytest.mark.parametrize("target", [
    "/samordnare/ladda-upp", "/samordnare/dokument/0123456789abcdef", "/?q=hembes%C3%B6k&kommun=N",
])
def test_good_next_is_followed(client: FlaskClient, target: str) -> None:
    token = csrf_token(client)
    response = client.post(
        "/logga-in", data={"namn": USER, "losenord": PASSWORD, "csrf_token": token, "nasta": target}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == target


def test_login_required_round_trip_keeps_the_page(client: FlaskClient) -> None:
    first = client.get("/samordnare/ladda-upp")
    assert first.status_code == 302
    token = csrf_token(client)
    response = client.post(first.headers["Location"], data={
        "namn": USER, "losenord": PASSWORD, "csrf_token": token})
    assert response.headers["Location"] == "/samordnare/ladda-upp"


# --- 4. Swedish error pages -----------------------------------------------------------------

SWEDISH = {
    400: "Felaktig begäran",
    401: "Inloggning krävs",
    403: "Du saknar behörighet",
    404: "Sidan finns inte",
    405: "Metoden är inte tillåten",
    413: "Filen är för stor",
    429: "För många försök",
    500: "Något gick fel på servern",
}
ENGLISH = ("Request Entity Too Large", "Not Found", "Bad Request", "Internal Server Error",
           "Method Not Allowed", "Too Many Requests", "Forbidden", "The server", "requested URL")


def _assert_error_page(body: str, status: int, message: str) -> None:
    text = unescape(body)
    assert '<html lang="sv">' in text, text[:300]
    assert 'class="site-header"' in text and 'class="site-footer"' in text  # the app's layout
    assert f"Felkod {status}." in text
    assert message in text, text[:500]
    for english in ENGLISH:
        assert english not in text, english


@pytest.fixture(scope="module")
def error_app(web_store: Path) -> Iterator[Flask]:
    app = make_app(web_store, MAX_CONTENT_LENGTH=4096, LOGIN_RATE_LIMIT="2/minute")

    @app.get("/test-fel/<int:code>")
    def _fail(code: int) -> str:
        if code == 500:
            raise RuntimeError("boom")
        abort(code)

    yield app
    close_app(app)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 413, 429, 500])
def test_aborts_render_the_swedish_error_page(error_app: Flask, status: int) -> None:
    response = error_app.test_client().get(f"/test-fel/{status}")
    assert response.status_code == status
    assert response.mimetype == "text/html"
    _assert_error_page(response.get_data(as_text=True), status, SWEDISH[status])
    api = error_app.test_client().get(f"/api/finns-inte-{status}")
    assert api.status_code == 404 and api.json == {"error": "Sidan finns inte."}


def test_unusual_statuses_are_swedish_too(error_app: Flask) -> None:
    for status in (408, 410, 411, 414, 415, 416, 422, 431, 501, 503):
        response = error_app.test_client().get(f"/test-fel/{status}")
        assert response.status_code == status
        text = unescape(response.get_data(as_text=True))
        assert f"Felkod {status}." in text
        for english in ENGLISH + ("The ", "the "):
            assert english not in text.split("<main", 1)[1].split("</main>")[0], (status, english)


def test_real_errors_render_the_swedish_error_page(error_app: Flask) -> None:
    client = error_app.test_client()
    big = {"file": (io.BytesIO(b"0" * 10_000), "a.pdf")}
    cases = [
        (400, client.post("/logga-in", data={"namn": "x"})),  # no CSRF token
        (404, client.get("/finns-inte")),
        (404, client.post("/finns-inte")),  # not a CSRF error: there is no such page
        (405, client.post("/koncept")),
        (405, client.delete("/logga-in")),
        (413, client.post("/samordnare/ladda-upp", data=big,
                          content_type="multipart/form-data")),
    ]
    token = csrf_token(client)
    for _ in range(3):
        last = client.post("/logga-in", data={"namn": "x", "losenord": "y", "csrf_token": token})
    cases.append((429, last))
    for status, response in cases:
        assert response.status_code == status, (status, response.status_code)
        message = "saknar säkerhetstoken" if status == 400 else SWEDISH[status]
        _assert_error_page(response.get_data(as_text=True), status, message)


# --- 4b. 413 from a real server (gunicorn, waitress) -----------------------------------------

LIMIT = 1024 * 1024  # waitress itself takes up to LIMIT + 1 MB
SEARCH_LIMIT = 12  # searches per minute for the real server's clients


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module", params=["gunicorn", "waitress"])
def server_url(request: pytest.FixtureRequest,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`exempelbanken serve --server ...` in a child process, uploads limited to LIMIT bytes."""
    from search.library import Library

    data_dir = tmp_path_factory.mktemp(request.param) / "data"
    with Library(data_dir) as library:
        library.add_user(USER, PASSWORD)
    port = _free_port()
    env = {**os.environ, "EXEMPELBANKEN_MAX_UPLOAD": str(LIMIT),
           "EXEMPELBANKEN_SECRET_KEY": "test-secret", "EXEMPELBANKEN_SECURE_COOKIES": "0",
           "EXEMPELBANKEN_SEARCH_RATE_LIMIT": f"{SEARCH_LIMIT}/minute"}
    script = Path(sys.executable).with_name("exempelbanken")
    command = [str(script), "serve", "--host", "127.0.0.1", "--port", str(port),
               "--data-dir", str(data_dir), "--server", request.param]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    sock.sendall(b"GET / HTTP/1.0\r\n\r\n")
                    if sock.recv(12).startswith(b"HTTP/1.0 200"):
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    out = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"the server did not start: {out}")
                time.sleep(0.1)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def _raw_post(address: str, path: str, size: int, send: int | None = None,
              extra: str = "") -> tuple[int, dict, str]:
    """POST a multipart body declared as ``size`` bytes, sending at most ``send`` of them, and
    read the response (status, headers, body) as the server gives it."""
    host, port = address.split(":")
    boundary = "grans"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"stor.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    body = head + b"0" * (size - len(head) - len(tail)) + tail
    request = (f"POST {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n"
               f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
               f"Content-Length: {len(body)}\r\n{extra}\r\n").encode()
    with socket.create_connection((host, int(port)), timeout=20) as sock:
        sock.sendall(request)
        with contextlib.suppress(OSError):  # the server may answer and close before the end
            sock.sendall(body if send is None else body[:send])
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    raw = b"".join(chunks)
    header_block, _, content = raw.partition(b"\r\n\r\n")
    lines = header_block.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    return status, headers, content.decode("utf-8", "replace")


@pytest.mark.parametrize("size,send", [
    (LIMIT + 64 * 1024, None),  # a bit over: waitress takes it, Flask refuses it
    (3 * LIMIT, None),  # far over: waitress (gunicorn: Flask) refuses it by its Content-Length
    (3 * LIMIT, 1024),  # far over, answered before the body has been sent
    (200 * LIMIT, 1024),
])
def test_server_413_is_the_swedish_page(server_url: str, size: int, send: int | None) -> None:
    status, headers, body = _raw_post(server_url, "/samordnare/ladda-upp", size, send)
    assert status == 413, body[:300]
    assert headers["content-type"].startswith("text/html"), headers
    _assert_error_page(body, 413, SWEDISH[413])
    assert "content-security-policy" in headers  # the app's own response headers


@pytest.mark.parametrize("size,send", [
    (LIMIT + 64 * 1024, None), (3 * LIMIT, None), (3 * LIMIT, 1024),
])
def test_server_413_is_swedish_json_for_the_api(
    server_url: str, size: int, send: int | None
) -> None:
    credentials = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    status, headers, body = _raw_post(server_url, "/api/documents", size, send,
                                      extra=f"Authorization: Basic {credentials}\r\n")
    assert status == 413, body[:300]
    assert headers["content-type"].startswith("application/json"), (headers, body[:300])
    assert json.loads(body) == {"error": "Filen är för stor."}


def test_server_bad_request_is_swedish(server_url: str) -> None:
    host, port = server_url.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: tio\r\n\r\n")
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.split()[1] == b"400", raw[:300]
    _assert_error_page(body.decode("utf-8"), 400, SWEDISH[400])


def test_search_limit_counts_every_serving_process(server_url: str) -> None:
    """Each search on a new connection (gunicorn hands them to either process): the limit is
    reached after SEARCH_LIMIT searches in all (the start-up probe's one included), not per
    process."""
    host, port = server_url.split(":")
    statuses = []
    for n in range(SEARCH_LIMIT + 6):
        conn = http.client.HTTPConnection(host, int(port), timeout=20)
        conn.request("GET", f"/api/search?q=grans{n}", headers={"Connection": "close"})
        statuses.append(conn.getresponse().status)
        conn.close()
    assert set(statuses) == {200, 429}, statuses
    assert statuses.count(200) <= SEARCH_LIMIT - 1, statuses
    assert statuses.index(429) == statuses.count(200), statuses  # none answered after the first 429
