"""The UI in a real Chromium: search, filters, an example with its source page, and the
coordinator's upload → review → correction → replace round trip."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, PASSWORD, USER, renamed_pdf, served

pytestmark = [
    pytest.mark.browser,
    # pytest-playwright's own base_url fixture trips a pytest 9 deprecation warning
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods"),
]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "locale": "sv-SE"}


@pytest.fixture(scope="module")
def live_server(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("browser") / "data"
    shutil.copytree(web_store, data_dir)
    with served(data_dir) as base:
        yield base


@pytest.fixture(scope="module", autouse=True)
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def shot(page, name: str) -> None:  # noqa: ANN001
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def search_box(page, live_server: str, text: str) -> None:  # noqa: ANN001
    """A visitor types ``text`` into the search box of the start page and searches."""
    page.goto(live_server + "/")
    page.get_by_label("Vad vill ni arbeta med?").fill(text)
    page.get_by_role("button", name="Sök", exact=True).click()
    page.wait_for_url(re.compile(r"q="))


def test_search_and_filter(page, live_server: str) -> None:  # noqa: ANN001
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    search_box(page, live_server, "hembesök")
    hits = page.locator("ol.hits > li")
    assert hits.count() >= 1
    assert page.locator("ol.hits mark").count() >= 1
    total_before = int(re.search(r"(\d+) exempel", page.locator("#traffar").inner_text())[1])
    shot(page, "search")

    checkbox = page.locator("#facet-dokumenttyp input[type=checkbox]").first
    value = checkbox.get_attribute("value")
    checkbox.check()  # the script submits the form on change
    page.wait_for_url(re.compile(r"dokumenttyp="))
    assert page.locator("#facet-dokumenttyp input[type=checkbox]:checked").count() == 1
    # keyboard focus comes back to the checkbox that was changed
    assert page.evaluate("() => document.activeElement.value") == value
    assert value in page.locator(".active-filters").inner_text()
    total_after = int(re.search(r"(\d+) exempel", page.locator("#traffar").inner_text())[1])
    assert total_after <= total_before
    shot(page, "search-filtered")
    assert not errors, errors  # no CSP violations or script errors


def test_a_hit_shows_the_words_it_lacks_struck_through(page, live_server: str) -> None:  # noqa: ANN001
    search_box(page, live_server, "växelvis boende")
    lacking = page.locator("ol.hits > li .hit-missing")
    assert lacking.count() >= 1
    assert lacking.first.inner_text() == "Saknas: boende"
    word = lacking.first.locator("s")
    assert "line-through" in word.evaluate("e => getComputedStyle(e).textDecorationLine")
    # a hit that writes "bor" says which practice stands in for "växelvis" instead
    writing = page.locator("ol.hits > li", has=page.locator("mark", has_text="bor")).first
    assert writing.locator(".hit-missing").count() == 0
    assert "föräldrastöd i grupp" in writing.locator(".hit-via").inner_text()
    shot(page, "search-missing")


def test_example_with_source_thumbnail(page, live_server: str) -> None:  # noqa: ANN001
    page.goto(live_server + "/?q=närvaro")
    page.locator("ol.hits h3 a").first.click()
    page.wait_for_url(re.compile(r"/exempel/"))
    assert page.locator("h1").inner_text()
    thumb = page.locator("img.thumb")
    thumb.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const i = document.querySelector('img.thumb'); "
        "return i && i.complete && i.naturalWidth > 0; }"
    )
    assert thumb.evaluate("i => i.naturalWidth") >= 300
    shot(page, "example")


def test_keyboard_skip_link_and_phone_layout(page, live_server: str) -> None:  # noqa: ANN001
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent")
    assert "Hoppa till innehållet" in focused
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 380
    # filters are folded away above the results and open on demand
    assert page.locator(".facet-toggle").evaluate("d => d.open") is False
    page.locator(".facet-toggle > summary").click()
    assert page.locator("#facet-dokumenttyp input[type=checkbox]").first.is_visible()
    # filters apply on change: the form's own button is for pages without the script
    assert page.locator(".filter-submit").count() == 1
    assert not page.locator(".filter-submit").is_visible()
    shot(page, "phone")
    page.goto(live_server + "/koncept")
    page.locator(".concept-list h2 a").first.click()
    page.wait_for_url(re.compile(r"/koncept/"))
    assert page.locator("svg.tilemap-svg .tile").count() == 13
    shot(page, "concept-phone")


def log_in(page, live_server: str) -> None:  # noqa: ANN001
    """The coordinator logs in through the form and lands on the coordinator's page."""
    page.goto(live_server + "/logga-in")
    page.get_by_label("Användarnamn").fill(USER)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(r"/samordnare$"))


def test_coordinator_upload_review_correct_replace(
    page, live_server: str, corpus_pdfs: list[Path]  # noqa: ANN001
) -> None:
    log_in(page, live_server)

    page.goto(live_server + "/samordnare/ladda-upp")
    # the file control speaks Swedish, not the browser's language ("Choose files")
    picker = page.locator(".file-picker")
    assert picker.locator("label").inner_text() == "Välj filer …"
    assert picker.locator(".file-chosen").inner_text() == "Ingen fil vald"
    assert page.locator("#filer").bounding_box()["width"] <= 1
    page.get_by_role("button", name="Ladda upp").click()
    assert picker.locator(".file-chosen").inner_text() == "Välj minst en fil först."
    source = next(p for p in corpus_pdfs if p.name.startswith("poster-"))
    content = renamed_pdf(source)
    page.locator("#filer").set_input_files(
        [
            {"name": "ny-affisch.pdf", "mimeType": "application/pdf", "buffer": content},
            {"name": "inte-pdf.pdf", "mimeType": "application/pdf", "buffer": b"hej hej"},
        ]
    )
    assert picker.locator(".file-chosen").inner_text() == "2 filer valda"
    page.get_by_role("button", name="Ladda upp").click()
    page.locator(".upload-done").wait_for(timeout=120_000)
    results = page.locator(".upload-results li")
    assert results.count() == 2
    assert page.locator(".upload-results li.upload-ok").count() == 1
    assert page.locator(".upload-results li.upload-error").count() == 1
    assert page.locator("progress").first.evaluate("p => p.value") == 100
    shot(page, "upload")

    page.locator(".upload-results li.upload-ok a").click()
    page.wait_for_url(re.compile(r"/samordnare/dokument/"))
    review_url = page.url
    first = page.locator("article.review-example").first
    first.locator(".add-tag > summary").click()
    first.get_by_label("Typ").select_option("place")
    first.get_by_label("Värde").fill("Frinnaryd")
    first.get_by_role("button", name="Lägg till").click()
    page.wait_for_url(re.compile(r"/samordnare/dokument/"))
    first = page.locator("article.review-example").first
    corrected = first.locator(".tag-chip", has_text="Frinnaryd")
    assert corrected.locator(".badge").inner_text() == "rättad"
    shot(page, "review")

    # read the same file again: the correction is applied to the new reading
    page.locator(".danger-zone > summary").click()
    page.locator("#ersatt-fil").set_input_files(
        {"name": "ny-affisch.pdf", "mimeType": "application/pdf", "buffer": content}
    )
    page.get_by_role("button", name="Ersätt dokumentet").click()
    page.wait_for_load_state()
    assert page.url.split("#")[0] == review_url.split("#")[0]
    assert "ersattes" in page.locator(".flashes").inner_text()
    first = page.locator("article.review-example").first
    assert first.locator(".tag-chip", has_text="Frinnaryd").count() == 1
    shot(page, "review-after-replace")


def test_office_files_upload_to_examples_and_page_pictures(
    page, live_server: str  # noqa: ANN001
) -> None:
    from ingest.formats import FORMATS
    from tests import office_files as make

    log_in(page, live_server)
    page.goto(live_server + "/samordnare/ladda-upp")
    files = {"nyhetsbrev.docx": make.docx_newsletter(), "affisch.pptx": make.pptx_poster(),
             "nyhetsbrev.odt": make.odt_newsletter(), "affisch.odp": make.odp_poster(),
             "trasig.docx": make.broken_docx()}
    page.locator("#filer").set_input_files([
        {"name": name, "mimeType": FORMATS[name.rsplit(".", 1)[1]].mimetype, "buffer": data}
        for name, data in files.items()])
    page.get_by_role("button", name="Ladda upp").click()
    page.locator(".upload-done").wait_for(timeout=300_000)
    assert page.locator(".upload-results li.upload-ok").count() == 4
    failed = page.locator(".upload-results li.upload-error")
    assert failed.count() == 1
    assert "trasig.docx" in failed.inner_text()
    assert "Word-dokumentet kunde inte öppnas" in failed.inner_text()
    shot(page, "upload-office")

    page.locator(".upload-results li.upload-ok", has_text="affisch.pptx").locator("a").click()
    page.wait_for_url(re.compile(r"/samordnare/dokument/"))
    assert page.locator("article.review-example").count() >= 1
    document_id = page.url.rstrip("/").split("/")[-1].split("#")[0]
    page.goto(f"{live_server}/dokument/{document_id}")
    assert page.get_by_role("link", name="Ladda ned originalfilen (PPTX)").count() == 1
    page.wait_for_function(
        "() => { const i = document.querySelector('img.thumb'); "
        "return i && i.complete && i.naturalWidth > 0; }"
    )
    shot(page, "document-office")


def test_coordinator_adds_a_synonym_and_the_next_search_uses_it(
    page, live_server: str  # noqa: ANN001
) -> None:
    page.goto(live_server + "/?q=lufsa")
    assert page.locator("ol.hits > li").count() == 0
    log_in(page, live_server)
    page.get_by_role("link", name="Tesaurus").first.click()
    page.wait_for_url(re.compile(r"/samordnare/tesaurus$"))
    page.get_by_label("Hitta begrepp med termen").fill("närvaro")
    page.get_by_role("button", name="Hitta").click()
    page.get_by_role("link", name="närvaroarbete", exact=True).click()
    page.wait_for_url(re.compile(r"/samordnare/tesaurus/narvaroarbete$"))
    page.get_by_label("Ny term").fill("lufsa")
    page.get_by_label("som").select_option(label="synonym eller vardagsord")
    page.get_by_role("button", name="Lägg till", exact=True).click()
    page.wait_for_url(re.compile(r"/samordnare/tesaurus/narvaroarbete$"))
    assert "lades till hos närvaroarbete" in page.locator(".flashes").inner_text()
    assert page.locator(".labels .chip", has_text="lufsa").count() == 1
    assert "lade till synonymen lufsa" in page.locator(".changes").inner_text()
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    shot(page, "thesaurus-concept-phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    search_box(page, live_server, "lufsa")
    first = page.locator("ol.hits > li").first
    assert "Träff via: närvaroarbete" in first.locator(".hit-via").inner_text()
    shot(page, "search-via-new-synonym")


def test_a_search_that_found_little_becomes_a_term_from_the_coordinator_page(
    page, live_server: str  # noqa: ANN001
) -> None:
    search_box(page, live_server, "padelbana")
    assert page.locator("ol.hits > li").count() == 0
    log_in(page, live_server)
    page.goto(live_server + "/samordnare#sokningar")
    item = page.locator("#sokningar + p + ul.searches > li", has_text="padelbana")
    assert "inget exempel har ordet ”padelbana”" in item.inner_text()
    shot(page, "coordinator-searches")
    item.get_by_label("Begrepp för padelbana").fill("prova-på-aktiviteter")
    item.get_by_role("button", name="Lägg till som term").click()
    page.wait_for_url(re.compile(r"/samordnare#sokningar$"))
    assert "Termen padelbana lades till hos prova-på-aktiviteter" in \
        page.locator(".flashes").inner_text()
    assert page.locator("ul.searches > li", has_text="padelbana").count() == 0

    search_box(page, live_server, "padelbana")
    first = page.locator("ol.hits > li").first
    assert "Träff via: prova-på-aktiviteter" in first.locator(".hit-via").inner_text()
