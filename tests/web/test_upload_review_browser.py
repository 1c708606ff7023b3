"""A coordinator's whole round in a real Chromium: five files dropped at once (one scanned, one
broken) are read in the background with their progress shown per file; the four that could be
read wait in the inbox, one tag is corrected through the pick-list, they are published, and
only then does public search find them."""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, renamed_pdf, served
from .test_browser import (  # noqa: F401 - the Chromium fixtures
    browser_context_args,
    browser_type_launch_args,
    log_in,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods"),
]

SCANNED = "poster-2024-gnosjo-hembesok-skannad.pdf"
FILES = (SCANNED, "poster-2024-habo-rastaktiviteter.pdf", "nyhetsbrev-2022-05.pdf",
         "poster-2020-ht-eksjo-sms-franvaro.pdf")


@pytest.fixture(scope="module")
def waiting_server(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server on a copy of the corpus where web uploads wait for review."""
    data_dir = tmp_path_factory.mktemp("upload-review") / "data"
    shutil.copytree(web_store, data_dir)
    with served(data_dir, PUBLISH_UPLOADS=False) as base:
        yield base


def _public_search(base: str, query: str) -> list[dict]:
    """What an anonymous visitor's API search finds (no session, no cookies)."""
    url = base + "/api/search?" + urllib.parse.urlencode({"q": query, "per_page": 50})
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
        return json.load(response)["results"]


def _follow_progress(page, timeout: float = 300.0) -> list[str]:  # noqa: ANN001
    """Every status text the progress page showed until all files ended."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while page.locator(".upload-done").count() == 0:
        assert time.monotonic() < deadline, "the upload did not finish"
        seen += page.locator(".upload-results li").all_inner_texts()
        time.sleep(0.1)
    return seen


def test_five_files_read_in_the_background_reviewed_and_published(
        page, waiting_server: str, corpus_pdfs: list[Path]) -> None:  # noqa: ANN001
    base = waiting_server
    by_name = {p.name: p for p in corpus_pdfs}
    files = [{"name": f"ny-{name}", "mimeType": "application/pdf",
              "buffer": renamed_pdf(by_name[name])} for name in FILES]
    files.append({"name": "trasig.pdf", "mimeType": "application/pdf",
                  "buffer": b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"})
    log_in(page, base)
    page.goto(base + "/samordnare/ladda-upp")
    page.locator("#filer").set_input_files(files)
    started = time.monotonic()
    page.get_by_role("button", name="Ladda upp").click()
    page.wait_for_url(re.compile(r"/samordnare/uppladdningar/"))
    assert time.monotonic() - started < 10  # the request answers before anything is read
    seen = _follow_progress(page)
    assert any(f"ny-{SCANNED}" in text and re.search(r"sida \d+ av \d+", text) and "OCR" in text
               for text in seen), "the scanned file's page and OCR stage were never shown"
    assert page.locator(".upload-results li.upload-ok").count() == 4
    failed = page.locator(".upload-results li.upload-error")
    assert failed.count() == 1 and "trasig.pdf" in failed.inner_text()
    assert re.search(r"[åäö]", failed.locator(".upload-status").inner_text())  # Swedish
    page.screenshot(path=str(ARTIFACTS / "web-upload-jobs.png"), full_page=True)

    page.goto(base + "/samordnare/inkorg")
    items = page.locator(".inbox-item")
    names = " ".join(items.all_inner_texts())
    assert all(f"ny-{name}" in names for name in FILES) and "trasig.pdf" not in names
    item = items.filter(has_text=f"ny-{FILES[1]}")
    item.locator("a").first.click()
    page.wait_for_url(re.compile(r"/samordnare/dokument/"))
    card = page.locator("article.review-example").first
    title = card.locator("h3").first.inner_text().strip()
    assert not any(hit["title"] == title and "ny-" in hit["document"]["filename"]
                   for hit in _public_search(base, title))  # waiting: not public
    card.locator(".add-tag > summary").click()
    card.get_by_label("Typ").select_option("place")
    value = card.get_by_label("Värde")
    assert value.get_attribute("list") == "vokabular-place"
    value.fill("Rydaholm")
    card.get_by_role("button", name="Lägg till").click()
    page.wait_for_url(re.compile(r"/samordnare/dokument/"))
    assert "Taggen Rydaholm lades till" in page.locator(".flashes").inner_text()

    page.goto(base + "/samordnare/inkorg")
    for box in page.locator(".inbox-item input[name=dokument]").all():
        box.check()
    page.get_by_role("button", name="Publicera valda").click()
    page.wait_for_url(re.compile(r"/samordnare/inkorg"))
    assert "4 dokument publicerades" in page.locator(".flashes").inner_text()
    hits = _public_search(base, "Rydaholm")
    assert any(hit["title"] == title and hit["document"]["filename"] == f"ny-{FILES[1]}"
               for hit in hits)
