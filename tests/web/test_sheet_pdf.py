"""The printable sheet's PDF is made in a child process with a time limit."""

from __future__ import annotations

import http.server
import io
import threading

import pytest
from pypdf import PdfReader

from web.sheet_pdf import SheetPdfError, build_pdf


def test_a_pdf_is_made_within_its_time_and_refused_beyond_it() -> None:
    html = "<h1>Närvaro steg för steg</h1><p>Så kommer ni igång: ring rektorn.</p>"
    pdf = build_pdf(html)
    reader = PdfReader(io.BytesIO(pdf))
    assert "ring rektorn" in reader.pages[0].extract_text()
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4
    with pytest.raises(SheetPdfError, match="tog mer än"):
        build_pdf(html * 400, timeout=0.01)
    assert build_pdf(html).startswith(b"%PDF")  # a fresh child after the one that was ended


def test_nothing_is_fetched() -> None:
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    html = (f'<link rel="stylesheet" href="{url}/s.css"><p>Bild:</p><img src="{url}/x.png">'
            '<img src="file:///etc/hostname">')
    try:
        reader = PdfReader(io.BytesIO(build_pdf(html)))
    finally:
        server.shutdown()
        thread.join(5)
    assert "Bild:" in reader.pages[0].extract_text()
    assert asked == []
