"""The review workflow in a real Chromium on a phone: a coordinator opens the inbox, corrects
a tag through the vocabulary's pick-list and publishes; only then does public search find the
example."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, served
from .test_browser import (  # noqa: F401 - the Chromium fixtures
    browser_context_args,
    browser_type_launch_args,
    log_in,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods"),
]

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def waiting(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """A live server (uploads wait for review) whose biggest newsletter waits for review."""
    from search.library import Library

    data_dir = tmp_path_factory.mktemp("review-browser") / "data"
    shutil.copytree(web_store, data_dir)
    with Library(data_dir) as library:
        doc = max(library.documents(), key=lambda d: (len(d.examples), d.filename))
        library.set_review([doc.id], True)
    with served(data_dir, PUBLISH_UPLOADS=False) as base:
        yield base, doc


def _found(page, base: str, example) -> bool:  # noqa: ANN001
    page.goto(base + "/?q=" + example.title)
    return page.locator(f'ol.hits a[href="/exempel/{example.id}"]').count() == 1


def _width(page) -> int:  # noqa: ANN001
    return page.evaluate("() => document.scrollingElement.scrollWidth")


def test_inbox_correct_publish_then_public(browser, waiting: tuple) -> None:  # noqa: ANN001
    base, doc = waiting
    example = doc.examples[0]
    public = browser.new_page(viewport=PHONE, locale="sv-SE")
    assert not _found(public, base, example)

    page = browser.new_page(viewport=PHONE, locale="sv-SE")
    log_in(page, base)
    page.goto(base + "/samordnare/inkorg")
    assert _width(page) <= PHONE["width"]
    item = page.locator(".inbox-item", has_text=doc.filename)
    item.get_by_role("link", name=doc.title).click()
    page.wait_for_url(re.compile(r"/samordnare/dokument/"))
    assert _width(page) <= PHONE["width"]
    height = page.evaluate("() => document.scrollingElement.scrollHeight")
    page.screenshot(path=str(ARTIFACTS / "web-review-phone.png"), full_page=True)

    card = page.locator(f"#ex-{example.id}")
    card.locator(".add-tag > summary").click()
    card.get_by_label("Typ").select_option("place")
    value = card.get_by_label("Värde")
    # the pick-list follows the kind: the places of the gazetteer
    assert value.get_attribute("list") == "vokabular-place"
    assert page.locator('#vokabular-place option[value="Rydaholm"]').count() == 1
    value.fill("Rydaholm")
    card.get_by_role("button", name="Lägg till").click()
    page.wait_for_url(re.compile(r"/samordnare/dokument/"))
    chip = page.locator(f"#ex-{example.id} .tag-chip", has_text="Rydaholm")
    assert chip.locator(".badge").inner_text() == "rättad"
    assert "Taggen Rydaholm lades till" in page.locator(".flashes").inner_text()
    assert "lade till place 'Rydaholm'" in page.locator("#historik + details").inner_text()
    assert _width(page) <= PHONE["width"]
    assert not _found(public, base, example)  # corrected, not yet published

    page.goto(base + "/samordnare/inkorg")
    page.locator(".inbox-item", has_text=doc.filename).locator(
        "input[name=dokument]").check()
    page.get_by_role("button", name="Publicera valda").click()
    page.wait_for_url(re.compile(r"/samordnare/inkorg"))
    assert "1 dokument publicerades" in page.locator(".flashes").inner_text()
    assert _found(public, base, example)
    public.goto(base + f"/exempel/{example.id}")
    assert "Rydaholm" in public.locator("main").inner_text()
    assert height < 6000, height  # the biggest newsletter's review page on a phone
    page.close()
    public.close()


def test_phone_results_start_at_the_top_after_a_filter(browser, waiting: tuple) -> None:  # noqa: ANN001
    base, _ = waiting
    page = browser.new_page(viewport=PHONE, locale="sv-SE")
    page.goto(base + "/?q=hembesök")
    page.locator(".facet-toggle > summary").click()
    page.locator("#facet-kommun input[type=checkbox]").first.check()
    page.wait_for_url(re.compile(r"kommun="))
    page.wait_for_load_state()
    assert page.locator(".facet-toggle").evaluate("d => d.open") is False
    assert "1 valda" in page.locator(".facet-toggle > summary").inner_text()
    top = page.evaluate("() => document.getElementById('traffar').getBoundingClientRect().top")
    assert page.evaluate("() => scrollY") == 0 and top < 400, top
    assert page.evaluate("() => document.activeElement.id") == "traffar"
    assert _width(page) <= PHONE["width"]
    page.close()
