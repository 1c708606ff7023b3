"""Costly public requests (bug report): a page image of a 4 × 14,400 pt page, hostile queries,
a client searching without pause and a 100k-character query echoed back. Every test goes
through the real app with real files: a generated PDF uploaded over HTTP, the corpus index."""

from __future__ import annotations

import base64
import io
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image

from search import query_limits
from web import create_app

from .conftest import PASSWORD, USER, close_app, make_app

HUGE_PAGE = (4, 14_400)  # points: 1.4 mm wide, 5 m tall
MAX_SECONDS = 5.0  # the request takes well under a second; generous for a busy test machine
# An answer that reads a marker, a cache or refuses at once: milliseconds when quiet. The bound
# only catches real work being done (a render, a search over an unbounded query), which takes
# seconds to minutes; it is generous because the test machine is shared and noisy.
QUICK_SECONDS = 3.0
MAX_GROWTH = 200 * 1024 * 1024  # bytes the web process may grow while answering


def _basic() -> dict[str, str]:
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def huge_page_pdf() -> bytes:
    """A small valid PDF: one ordinary page of Swedish text, then a 4 × 14,400 pt page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setTitle("Nyhetsbrev med en mycket lång sida")
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(72, 760, "Läxhjälp på biblioteket i Eksjö")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 735, "Eleverna får läxhjälp två kvällar i veckan tillsammans med")
    pdf.drawString(72, 720, "fritidsgården och biblioteket. Närvaron i skolan har ökat.")
    pdf.showPage()
    pdf.setPageSize(HUGE_PAGE)
    pdf.setFont("Helvetica", 2)
    for y in range(100, 14_400, 1_000):
        pdf.drawString(0.5, y, "x")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def upload(client: FlaskClient, data: bytes, name: str) -> dict:
    response = client.post(
        "/api/documents",
        data={"file": (io.BytesIO(data), name)},
        headers=_basic(),
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.json
    return response.json


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise AssertionError(field)


def reset_peak_memory() -> int:
    """Start a new peak (VmHWM) measurement of this process; returns the current RSS."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_kb("VmRSS")


def thumbs_dir(app: Flask) -> Path:
    return Path(app.config["DATA_DIR"]) / "thumbs"


@pytest.fixture()
def huge_document(writable_client: FlaskClient) -> dict:
    data = huge_page_pdf()
    assert len(data) < 8_000
    document = upload(writable_client, data, "lang-sida.pdf")
    assert document["pages"] == 2
    return document


def test_huge_page_image_is_capped_and_rendered_outside(
    writable_client: FlaskClient, writable_app: Flask, huge_document: dict
) -> None:
    url = f"/dokument/{huge_document['id']}/sida/2.png"
    rss = reset_peak_memory()
    start = time.perf_counter()
    response = writable_client.get(url)
    seconds = time.perf_counter() - start
    peak = _status_kb("VmHWM")
    assert response.status_code == 200
    assert seconds < MAX_SECONDS, f"page image took {seconds:.1f} s"
    assert peak - rss < MAX_GROWTH, f"web process grew by {(peak - rss) >> 20} MB"
    image = Image.open(io.BytesIO(response.data))
    width, height = image.size
    assert width <= writable_app.config["THUMB_WIDTH"]
    assert width * height <= 4_000_000 + width + height  # the pixel cap, not 600 × 2,160,000
    assert height > 10 * width  # still the page's shape: a narrow strip

    cached = next(thumbs_dir(writable_app).glob(f"{huge_document['id']}-2-*.png"))
    before = cached.stat()
    start = time.perf_counter()
    again = writable_client.get(url)
    assert again.status_code == 200 and again.data == response.data
    assert time.perf_counter() - start < QUICK_SECONDS
    after = cached.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_ordinary_page_image_still_full_width(client: FlaskClient, app: Flask) -> None:
    library = app.extensions["exempelbanken"].get()
    doc = library.documents()[0]
    response = client.get(f"/dokument/{doc.id}/sida/1.png")
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.data)).size[0] == app.config["THUMB_WIDTH"]


@pytest.fixture()
def starved_app(writable_store: Path) -> Iterator[Flask]:
    """The app with too little memory for the renderer: every page fails to render."""
    application = make_app(writable_store, THUMB_RENDER_MEMORY=1024 * 1024)
    yield application
    close_app(application)


def test_failed_page_answers_404_from_a_marker(starved_app: Flask) -> None:
    client = starved_app.test_client()
    document = upload(client, huge_page_pdf(), "lang-sida.pdf")
    url = f"/dokument/{document['id']}/sida/1.png"
    start = time.perf_counter()
    assert client.get(url).status_code == 404
    assert time.perf_counter() - start < MAX_SECONDS
    markers = list(thumbs_dir(starved_app).glob(f"{document['id']}-1-*.failed"))
    assert len(markers) == 1
    before = markers[0].stat()
    assert not list(thumbs_dir(starved_app).glob(f"{document['id']}-1-*.png"))

    start = time.perf_counter()
    assert client.get(url).status_code == 404
    assert time.perf_counter() - start < QUICK_SECONDS
    after = markers[0].stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert not [p for p in thumbs_dir(starved_app).iterdir() if p.suffix == ".part"]


def slow_page_pdf() -> bytes:
    """A small PDF whose page takes seconds to draw: one form of 2,000 circles, drawn 60 times."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(595, 842))
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 780, "Ringar i skolans konstprojekt om trygghet på rasten i Habo.")
    pdf.beginForm("ringar")
    for i in range(2000):
        pdf.circle((i * 37) % 595, (i * 53) % 842, 5 + i % 30, fill=0)
    pdf.endForm()
    for _ in range(60):
        pdf.doForm("ringar")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_timed_out_page_answers_404_from_a_marker(writable_store: Path) -> None:
    app = make_app(writable_store, THUMB_RENDER_TIMEOUT=0.2)
    try:
        client = app.test_client()
        document = upload(client, slow_page_pdf(), "langsam-sida.pdf")
        url = f"/dokument/{document['id']}/sida/1.png"
        assert client.get(url).status_code == 404
        marker = next(thumbs_dir(app).glob(f"{document['id']}-1-*.failed"))
        before = marker.stat()
        start = time.perf_counter()
        assert client.get(url).status_code == 404
        assert time.perf_counter() - start < QUICK_SECONDS
        after = marker.stat()  # answered from the marker, not drawn (and timed out) again
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    finally:
        close_app(app)


# --- queries ---------------------------------------------------------------------------------

WORDS = ["skola", "närvaro", "elever", "föräldrar", "hembesök", "socialtjänst", "samverkan",
         "trygghet", "fritidsgård", "läxhjälp"]
HOSTILE = {
    "500 tecken": " ".join(f"{WORDS[i % len(WORDS)]}{i}" for i in range(100))[:500],
    "fras med 50 ord": '"' + " ".join(WORDS[(i * 7) % len(WORDS)] for i in range(50)) + '"',
    "*a*": "*a*",
    "?a": "?a",
    "tre jokertecken": "skol* elev* föräld*",
    "100 000 tecken": " ".join(f"ord{i}" for i in range(20_000))[:100_000],
}
NOTICE = {
    "500 tecken": "tecken",
    "fras med 50 ord": "citattecken",
    "*a*": "Jokertecken",
    "?a": "Jokertecken",
    "tre jokertecken": "jokertecken",
    "100 000 tecken": "tecken",
}


def _timed_get(client: FlaskClient, url: str, **kwargs: object):  # noqa: ANN202
    start = time.perf_counter()
    response = client.get(url, **kwargs)
    return response, time.perf_counter() - start


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_query_html_is_quick_with_a_notice(client: FlaskClient, name: str) -> None:
    response, seconds = _timed_get(client, "/?q=" + quote(HOSTILE[name]), follow_redirects=True)
    assert response.status_code == 200
    assert seconds < QUICK_SECONDS, f"{name}: {seconds:.2f} s"
    body = response.get_data(as_text=True)
    assert NOTICE[name] in body
    box = body.split('id="q" name="q" value="', 1)[1].split('"', 1)[0]
    assert len(box) <= query_limits.MAX_QUERY_CHARS * 6  # escaped characters count several


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_query_api_is_quick_400(client: FlaskClient, name: str) -> None:
    response, seconds = _timed_get(client, "/api/search?q=" + quote(HOSTILE[name]))
    assert response.status_code == 400
    assert seconds < QUICK_SECONDS, f"{name}: {seconds:.2f} s"
    assert NOTICE[name].lower() in response.json["error"].lower()


@pytest.mark.parametrize("ok", ["skolnärvaro", "skol* närvar*", '"gemensamma hembesök"',
                                "hembesök NOT Nässjö"])
def test_queries_within_limits_are_untouched(client: FlaskClient, ok: str) -> None:
    api = client.get("/api/search?q=" + quote(ok))
    assert api.status_code == 200 and api.json["query"] == ok
    page = client.get("/?q=" + quote(ok))
    assert page.status_code == 200


def test_long_query_echo_is_no_larger_than_a_normal_page(client: FlaskClient) -> None:
    words = " ".join(f"ord{i}" for i in range(20_000))
    huge, _ = _timed_get(client, "/?q=" + quote(words[:100_000]), follow_redirects=True)
    assert huge.status_code == 200
    capped = query_limits.limit_query(words).text
    normal = client.get("/?q=" + quote(capped))
    assert normal.status_code == 200
    total = sum(len(r.data) for r in [*huge.history, huge])
    assert total <= len(normal.data) + 2_000, (total, len(normal.data))
    assert words[: query_limits.MAX_QUERY_CHARS + 20] not in huge.get_data(as_text=True)


# --- rate limit ------------------------------------------------------------------------------


def test_search_rate_limit_per_client(web_store: Path) -> None:
    app = make_app(web_store, SEARCH_RATE_LIMIT="3/minute")
    try:
        client = app.test_client()
        assert client.get("/?q=skola").status_code == 200
        assert client.get("/api/search?q=skola").status_code == 200
        assert client.get("/api/search?q=elever").status_code == 200
        blocked = client.get("/api/search?q=skola")
        assert blocked.status_code == 429
        assert "Vänta" in blocked.json["error"]
        assert blocked.headers.get("Retry-After")
        page = client.get("/?q=närvaro")
        assert page.status_code == 429
        assert "Vänta" in page.get_data(as_text=True)
        other = client.get("/api/search?q=skola", environ_base={"REMOTE_ADDR": "10.1.2.3"})
        assert other.status_code == 200
    finally:
        close_app(app)


def test_search_rate_limit_default_is_generous(
    web_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EXEMPELBANKEN_SEARCH_RATE_LIMIT", raising=False)
    app = create_app({"TESTING": True, "DATA_DIR": str(web_store), "SECRET_KEY": "x"})
    try:
        assert app.config["SEARCH_RATE_LIMIT"] == "120/minute"
    finally:
        close_app(app)


# --- drawing pages at the same time ----------------------------------------------------------


def pages_pdf(count: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for n in range(1, count + 1):
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 760, f"Sida {n}: läxhjälp på biblioteket i Eksjö, närvaron har ökat.")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


class RenderSpy:
    """Wraps the real ingest.render.render_page and counts calls, at most how many at once."""

    def __init__(self, real) -> None:  # noqa: ANN001
        self.real = real
        self.calls = 0
        self.running = 0
        self.most = 0
        self.lock = threading.Lock()

    def __call__(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN204
        with self.lock:
            self.calls += 1
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            return self.real(*args, **kwargs)
        finally:
            with self.lock:
                self.running -= 1


@pytest.fixture()
def render_spy(monkeypatch: pytest.MonkeyPatch) -> RenderSpy:
    from ingest import render

    spy = RenderSpy(render.render_page)
    monkeypatch.setattr(render, "render_page", spy)
    return spy


def _get_all(app: Flask, urls: list[str]) -> list[int]:
    def get(url: str) -> int:
        return app.test_client().get(url).status_code

    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        return list(pool.map(get, urls))


def test_one_drawing_per_page_at_a_time(writable_app: Flask, render_spy: RenderSpy) -> None:
    document = upload(writable_app.test_client(), huge_page_pdf(), "lang-sida.pdf")
    url = f"/dokument/{document['id']}/sida/2.png"
    assert _get_all(writable_app, [url] * 6) == [200] * 6
    assert render_spy.calls == 1


def test_drawings_in_all_are_bounded(writable_app: Flask, render_spy: RenderSpy) -> None:
    from search import pages

    document = upload(writable_app.test_client(), pages_pdf(8), "atta-sidor.pdf")
    urls = [f"/dokument/{document['id']}/sida/{n}.png" for n in range(1, 9)]
    assert _get_all(writable_app, urls) == [200] * 8
    assert render_spy.calls == 8
    assert render_spy.most <= pages.MAX_RENDERS


def test_search_rate_limit_from_the_environment(
    web_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXEMPELBANKEN_SEARCH_RATE_LIMIT", "1/minute")
    app = create_app({"TESTING": True, "DATA_DIR": str(web_store), "SECRET_KEY": "x"})
    try:
        client = app.test_client()
        assert client.get("/api/search?q=skola").status_code == 200
        assert client.get("/api/search?q=skola").status_code == 429
    finally:
        close_app(app)


def test_filter_values_over_the_limits_are_not_echoed(client: FlaskClient) -> None:
    junk = "x" * 50_000
    many = "&".join(f"kommun=k{i}" for i in range(5_000))
    start = time.perf_counter()
    response = client.get(f"/?q=skola&kommun={junk}&kommun=Eksjö&{many}")
    assert time.perf_counter() - start < QUICK_SECONDS
    assert response.status_code == 302
    assert len(response.headers["Location"]) < 2_000 and junk not in response.headers["Location"]
    page = client.get(response.headers["Location"])
    assert page.status_code == 200 and junk not in page.get_data(as_text=True)
    api = client.get(f"/api/search?q=skola&{many}")
    assert api.status_code == 400 and "Högst" in api.json["error"]
