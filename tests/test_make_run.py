"""The product run the way the README runs it: ``make run`` from the repository root.

``make run`` installs (already done by ``make test``), ingests the bundled corpus and serves it.
Its data directory is relative, as the default ``instance`` is; here it points into a temporary
folder so the test leaves the checkout alone. Pages are reached by following the links a user
would follow, and the server is stopped with Ctrl-C, as in a terminal.
"""

from __future__ import annotations

import base64
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "ett-langt-losenord"
SEARCH = "/?q=" + urllib.parse.quote("läxhjälp")
START_TIMEOUT = 240  # ingesting the corpus (one OCR poster) and starting the server

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("make") is None, reason="needs make"),
]


@dataclass
class Page:
    status: int
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class Browser:
    """Follows links and submits forms with cookies, like a person with a browser."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, url: str, data: dict[str, str] | None = None) -> Page:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(urllib.parse.urljoin(self.base, url), body, timeout=30) as r:
                return Page(r.status, r.headers.get_content_type(), r.read())
        except urllib.error.HTTPError as exc:
            return Page(exc.code, exc.headers.get_content_type(), exc.read())


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []  # (tag, url)
        self.inputs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for name in ("href", "src"):
            if a.get(name):
                self.found.append((tag, a[name] or ""))
        if tag == "input" and a.get("name"):
            self.inputs[a["name"] or ""] = a.get("value") or ""


def parse(page: Page) -> Links:
    links = Links()
    links.feed(page.text)
    return links


def link(page: Page, pattern: str, tag: str = "a") -> str:
    for found_tag, url in parse(page).found:
        if found_tag == tag and re.search(pattern, url):
            return url
    raise AssertionError(f"no <{tag}> link matching {pattern!r}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    browser: Browser
    data_dir: Path
    log: Path
    proc: subprocess.Popen

    def stop(self) -> int:
        """Ctrl-C in the terminal: SIGINT to make and the server it started."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        return self.proc.returncode


def _wait_for(base: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"make run ended early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(base, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"make run did not serve within {START_TIMEOUT} s:\n{log.read_text()}")


def _as_in_a_terminal() -> None:
    """Ctrl-C's default action, as a command typed in a terminal has it: a test run started in
    the background of a shell without job control inherits SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    data_dir = tmp_path_factory.mktemp("make-run") / "instance"
    relative = os.path.relpath(data_dir, ROOT)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("EXEMPELBANKEN_", "MAKE", "MFLAGS"))}
    subprocess.run(
        [str(ROOT / ".venv/bin/exempelbanken"), "add-user", "anna", "--password-stdin",
         "--data-dir", relative],
        cwd=ROOT, env=env, input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    port = free_port()
    log = data_dir.parent / "make-run.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "run", f"PORT={port}", f"DATA_DIR={relative}"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=_as_in_a_terminal)
    base = f"http://127.0.0.1:{port}/"
    served = Served(Browser(base), data_dir, log, proc)
    try:
        _wait_for(base, proc, log)
        yield served
    finally:
        served.stop()


@pytest.fixture(scope="module")
def example_page(served: Served) -> Page:
    home = served.browser.get(SEARCH)
    return served.browser.get(link(home, r"^/exempel/"))


def test_the_data_dir_is_the_relative_one_given(served: Served) -> None:
    assert (served.data_dir / "catalogue.sqlite3").is_file()
    assert list((served.data_dir / "originals").rglob("*.pdf"))


def test_home_and_search(served: Served) -> None:
    home = served.browser.get("/")
    assert (home.status, home.content_type) == (200, "text/html")
    hits = served.browser.get(SEARCH)
    assert hits.status == 200
    assert link(hits, r"^/exempel/")


def test_example_page_image_and_original(served: Served, example_page: Page) -> None:
    assert (example_page.status, example_page.content_type) == (200, "text/html")
    image = served.browser.get(link(example_page, r"/sida/\d+\.png", tag="img"))
    assert (image.status, image.content_type) == (200, "image/png")
    assert image.body.startswith(b"\x89PNG\r\n\x1a\n")
    original = served.browser.get(link(example_page, r"/original\.pdf"))
    assert (original.status, original.content_type) == (200, "application/pdf")
    bundled = {p.read_bytes() for p in (ROOT / "corpus" / "pdf").glob("*.pdf")}
    assert original.body in bundled


def test_document_page(served: Served, example_page: Page) -> None:
    document = served.browser.get(link(example_page, r"^/dokument/[0-9a-f]+$"))
    assert (document.status, document.content_type) == (200, "text/html")


def test_coordinator_review_page(served: Served, example_page: Page) -> None:
    browser = served.browser
    form = browser.get("/logga-in")
    token = parse(form).inputs["csrf_token"]
    start = browser.get("/logga-in", {"csrf_token": token, "namn": "anna", "losenord": PASSWORD})
    assert start.status == 200
    document_url = link(example_page, r"^/dokument/[0-9a-f]+$")
    review = browser.get(document_url.replace("/dokument/", "/samordnare/dokument/"))
    assert (review.status, review.content_type) == (200, "text/html")
    original = browser.get(link(review, r"/original\.pdf"))
    assert (original.status, original.content_type) == (200, "application/pdf")


def test_an_upload_is_read_and_served(served: Served) -> None:
    """A coordinator's upload starts the PDF reader's child processes in the server."""
    pdf = sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))[0].read_bytes() + b"\n%uppladdad\n"
    boundary = "exempelbanken-test"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"uppladdad.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").encode()
    body += pdf + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        served.browser.base + "api/documents", data=body, method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}",
                 "Authorization": "Basic " + base64.b64encode(
                     f"anna:{PASSWORD}".encode()).decode()})
    with urllib.request.urlopen(request, timeout=120) as response:
        assert response.status == 201
        document = json.loads(response.read())
    original = served.browser.get(f"/dokument/{document['id']}/original.pdf")
    assert original.body == pdf


def test_ctrl_c_stops_the_server_cleanly(served: Served) -> None:
    """Last in this module: Ctrl-C ends `make run` without tracebacks or warnings."""
    assert served.stop() == 0 or served.stop() == -signal.SIGINT
    log = served.log.read_text(errors="replace")
    assert "Traceback" not in log
    assert "Warning" not in log and "leaked" not in log, log
