"""Concept sheets in a real Chromium: the coordinator makes a concept of two examples, accepts
proposals and publishes it; the programme lead downloads the spread matrix (CSV, XLSX) and
opens the printable sheet."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from .conftest import served
from .test_browser import (  # noqa: F401 - fixtures: Chromium as the other browser tests use it
    artifacts_dir,
    browser_context_args,
    browser_type_launch_args,
    log_in,
    shot,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods"),
]

PUBLISHED = "narvaro-steg-for-steg"


@pytest.fixture(scope="module")
def sheet_server(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on a copy of the corpus with one published sheet already there."""
    from search.library import Library

    data_dir = tmp_path_factory.mktemp("browser-sheets") / "data"
    shutil.copytree(web_store, data_dir)
    with Library(data_dir) as library:
        examples = library.concept("narvaroarbete").examples[:2]
        sheet = library.sheets.create("Närvaro steg för steg", [e.id for e in examples], "lena")
        library.sheets.save(sheet.slug, {
            **sheet.fields.model_dump(), "description": "Skolan och hemmet följer närvaron.",
            "first_steps": "Ta fram en rutin för sms vid frånvaro."}, "lena")
        library.sheets.set_state(sheet.slug, "publicerad", "lena")
    with served(data_dir) as base:
        yield base


def test_coordinator_makes_a_concept_of_two_examples(page, sheet_server: str) -> None:  # noqa: ANN001
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    log_in(page, sheet_server)
    page.goto(sheet_server + "/koncept")
    page.get_by_role("link", name="Konceptblad: gör ett koncept av exempel").click()
    page.wait_for_url(re.compile(r"/samordnare/koncept$"))
    page.get_by_label("Sök exempel").fill("hembesök")
    page.get_by_role("button", name="Sök", exact=True).click()
    boxes = page.locator(".pick-list input[type=checkbox]")
    assert boxes.count() >= 2
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_label("Konceptets namn").fill("Hembesök i team")
    page.get_by_role("button", name="Skapa konceptblad").click()
    page.wait_for_url(re.compile(r"/samordnare/koncept/hembesok-i-team$"))
    assert "utkast" in page.locator(".flashes").inner_text()

    # accept the first proposal of two fields: the script copies it into the field
    for key in ("lessons", "first_steps"):
        row = page.locator(f"#falt-{key}")
        button = row.locator("button.use-proposal").first
        quoted = row.locator(".proposal q").first.inner_text()
        button.click()
        assert quoted in page.locator(f"#f-{key}").input_value()
        assert button.is_disabled()
    page.locator("#f-description").fill("Två yrken gör hembesöket tillsammans.")
    shot(page, "sheet-edit")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url(re.compile(r"/samordnare/koncept/hembesok-i-team"))
    assert "Sparat som version 2" in page.locator(".flashes").inner_text()
    lessons = page.locator("#f-lessons").input_value()
    assert lessons

    page.get_by_role("button", name="Publicera").click()
    page.wait_for_url(re.compile(r"/koncept/hembesok-i-team$"))
    start = page.locator(".get-started")
    assert start.locator("h2").inner_text() == "Så kommer ni igång"
    assert start.is_visible()
    assert lessons.splitlines()[0] in page.locator(".sheet").inner_text()
    assert page.locator("section[aria-labelledby=bladexempel-rubrik] li").count() == 2
    shot(page, "sheet-public")
    page.goto(sheet_server + "/samordnare/koncept/hembesok-i-team/historik")
    assert page.locator(".sheet-history > li").count() == 3
    assert not errors, errors


def test_programme_lead_downloads_the_matrix_and_opens_the_sheet(
        page, sheet_server: str) -> None:  # noqa: ANN001
    page.goto(sheet_server + "/koncept/spridning")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    assert info.value.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(
        Path(info.value.path()).read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Koncept" and "Nässjö" in rows[0] and len(rows) > 5
    with page.expect_download() as info:
        page.get_by_role("link", name="Excel (XLSX, med underlag)").click()
    assert info.value.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert book.sheetnames == ["Spridning", "Underlag"]

    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(sheet_server + f"/koncept/{PUBLISHED}")
    assert page.locator(".get-started").is_visible()
    page.locator(".sheet-checklist > summary").click()
    assert page.locator(".checklist tbody tr").count() == 8
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 380
    shot(page, "sheet-phone")
    link = page.get_by_role("link", name="Utskriftsvänligt konceptblad (PDF)")
    response = page.request.get(sheet_server + link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    text = " ".join(PdfReader(io.BytesIO(response.body())).pages[0].extract_text().split())
    assert "Närvaro steg för steg" in text
    assert "Ta fram en rutin för sms vid frånvaro." in text
    shot(page, "sheet-lead")


def test_newcomer_finds_examples_people_and_first_steps(page, sheet_server: str) -> None:  # noqa: ANN001
    """A new team in Eksjö, not logged in, says in its own words what it wants to improve."""
    page.goto(sheet_server + "/")
    page.get_by_role("link", name="Starta team").click()
    page.get_by_label("Er kommun").select_option("Eksjö")
    page.get_by_label("Vad vill ni förbättra?").fill("fler elever ska komma till skolan varje dag")
    page.get_by_role("button", name="Visa förslag").click()
    page.wait_for_url(re.compile(r"/starta\?"))
    steps = page.locator(".start-steps").first.inner_text()
    assert "Ta fram en rutin för sms vid frånvaro." in steps
    assert page.locator(".concept-list").get_by_role("link", name="Närvaroarbete").count() == 1
    assert page.locator("ol.hits li.hit").count() >= 3
    assert page.get_by_role("heading", name=re.compile(r"^I Eksjö \(\d+\)$")).count() == 1
    contacts = page.locator(".contact-list li")
    linked = {contacts.nth(i).locator("a[href*='/exempel/']").get_attribute("href")
              for i in range(contacts.count())}
    assert len(linked) >= 3  # people from three examples or more
    mail = page.locator(".contact-list a[href^='mailto:']").first
    assert mail.get_attribute("href").endswith("@eksjo.example.se")  # nearest first
    shot(page, "newcomer")
    page.locator(".concept-list").get_by_role("link", name="Konceptbladet").first.click()
    page.wait_for_url(re.compile(rf"/koncept/{PUBLISHED}$"))
    assert "Så kommer ni igång" in page.content()
