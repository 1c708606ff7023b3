"""Coordinator pages: login, CSRF, rate limit, upload, review and corrections."""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from .conftest import (
    PASSWORD,
    USER,
    close_app,
    csrf_token,
    finished_upload_page,
    login,
    make_app,
    renamed_pdf,
)


def library_of(app: Flask):  # noqa: ANN201
    return app.extensions["exempelbanken"].get()


def test_pages_need_login(client: FlaskClient) -> None:
    for url in ("/samordnare", "/samordnare/ladda-upp"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/logga-in" in response.headers["Location"]


def test_login_and_logout(client: FlaskClient) -> None:
    token = csrf_token(client)
    bad = client.post("/logga-in", data={"namn": USER, "losenord": "fel", "csrf_token": token})
    assert bad.status_code == 401
    assert "Fel användarnamn eller lösenord" in unescape(bad.get_data(as_text=True))
    ok = client.post(
        "/logga-in",
        data={"namn": USER, "losenord": PASSWORD, "csrf_token": token, "nasta": "/samordnare"},
    )
    assert ok.status_code == 302 and ok.headers["Location"] == "/samordnare"
    cookie = ok.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    home = client.get("/samordnare")
    assert home.status_code == 200
    assert home.headers["Cache-Control"] == "no-store"
    token = csrf_token(client, "/samordnare")
    client.post("/logga-ut", data={"csrf_token": token})
    assert client.get("/samordnare").status_code == 302


def test_home_lists_phrases_missing_from_the_taxonomy(client: FlaskClient) -> None:
    login(client)
    library = library_of(client.application)
    phrases = library.new_phrases(limit=25)
    assert phrases, "the corpus has recurring phrases outside the taxonomy"
    taxonomy_names = {c["name"].lower() for c in library.concepts()}
    assert not {p.lower() for p, _ in phrases} & taxonomy_names
    page = unescape(client.get("/samordnare").get_data(as_text=True))
    assert "Nya fraser som inte finns i tesaurusen" in page
    phrase, count = phrases[0]
    assert f"{phrase}</a>" in page and f"({count} exempel)" in page
    # one list of the concepts for every form on the page, not one per row
    assert page.count('<datalist id="begreppen">') == 1
    assert page.count('<option value="närvaroarbete" label="Insatser">') == 1


def test_login_does_not_redirect_off_site(client: FlaskClient) -> None:
    token = csrf_token(client)
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post(
            "/logga-in",
            data={"namn": USER, "losenord": PASSWORD, "csrf_token": token, "nasta": target},
        )
        assert response.headers["Location"] == "/samordnare"
        token = csrf_token(client)


def test_forms_reject_missing_csrf_token(client: FlaskClient) -> None:
    response = client.post("/logga-in", data={"namn": USER, "losenord": PASSWORD})
    assert response.status_code == 400
    assert "säkerhetstoken" in unescape(response.get_data(as_text=True))
    login(client)
    for url in ("/samordnare/ladda-upp", "/logga-ut"):
        assert client.post(url, data={}).status_code == 400


def test_login_is_rate_limited(web_store: Path) -> None:
    limited = make_app(web_store, LOGIN_RATE_LIMIT="3/minute")
    try:
        client = limited.test_client()
        token = csrf_token(client)
        codes = [
            client.post(
                "/logga-in", data={"namn": USER, "losenord": "fel", "csrf_token": token}
            ).status_code
            for _ in range(5)
        ]
        assert codes[:3] == [401, 401, 401]
        assert codes[3:] == [429, 429]
        assert client.get("/logga-in").status_code == 200  # only POST is limited
    finally:
        close_app(limited)


def test_rate_limit_per_client_behind_proxy(web_store: Path) -> None:
    behind = make_app(web_store, LOGIN_RATE_LIMIT="2/minute", TRUSTED_PROXIES=1)
    try:
        client = behind.test_client()
        token = csrf_token(client)

        def attempt(address: str) -> int:
            return client.post(
                "/logga-in",
                data={"namn": USER, "losenord": "fel", "csrf_token": token},
                headers={"X-Forwarded-For": address},
            ).status_code

        assert [attempt("10.0.0.1") for _ in range(3)] == [401, 401, 429]
        assert attempt("10.0.0.2") == 401  # another client is not punished
    finally:
        close_app(behind)


def test_default_login_limit_is_ten_per_minute(web_store: Path) -> None:
    app = make_app(web_store)
    assert app.config["LOGIN_RATE_LIMIT"] == "1000/minute"
    from web import create_app

    production = create_app({"DATA_DIR": str(web_store), "SECRET_KEY": "x"})
    assert production.config["LOGIN_RATE_LIMIT"] == "10/minute"
    assert production.config["SESSION_COOKIE_SECURE"] is True
    close_app(app)
    close_app(production)


def test_form_upload_of_several_files(
    writable_client: FlaskClient, corpus_pdfs: list[Path]
) -> None:
    token = login(writable_client)
    posters = [p for p in corpus_pdfs if p.name.startswith("poster-")][:2]
    data = {
        "csrf_token": token,
        "file": [
            (io.BytesIO(renamed_pdf(posters[0])), "forsta.pdf"),
            (io.BytesIO(posters[1].read_bytes()), posters[1].name),  # already stored
            (io.BytesIO(b"inte en pdf"), "fel.pdf"),
        ],
    }
    response = writable_client.post(
        "/samordnare/ladda-upp", data=data, content_type="multipart/form-data"
    )
    body = finished_upload_page(writable_client, response)
    assert "forsta.pdf" in body and "inläst" in body
    assert "finns redan" in body
    assert "fel.pdf" in body
    assert body.count('class="upload-error"') == 2
    assert "Granska" in body


def _a_tagged_example(library):  # noqa: ANN001, ANN202
    for doc in library.documents():
        for example in doc.examples:
            if example.sections and len(example.sections) > 1 and example.tags:
                return doc, example
    for doc in library.documents():
        for example in doc.examples:
            if example.tags:
                return doc, example
    doc = library.documents()[0]
    return doc, doc.examples[0]


def test_review_page_shows_split_and_tags(writable_app: Flask) -> None:
    client = writable_app.test_client()
    login(client)
    doc, example = _a_tagged_example(library_of(writable_app))
    response = client.get(f"/samordnare/dokument/{doc.id}")
    assert response.status_code == 200
    body = unescape(response.get_data(as_text=True))
    for item in doc.examples:
        assert item.title in body
    for tag in example.tags:
        assert tag.value in body
    assert "Lägg till tagg" in body and "Ersätt dokumentet" in body and "Ta bort dokumentet" in body
    if doc.context:
        assert "Sammanhang" in body


def test_tag_correction_survives_replacing_with_same_file(writable_app: Flask) -> None:
    client = writable_app.test_client()
    token = login(client)
    library = library_of(writable_app)
    doc, example = _a_tagged_example(library)
    url = f"/samordnare/exempel/{example.id}/taggar"
    added = client.post(
        url,
        data={"csrf_token": token, "kind": "place", "value": "Frinnaryd", "action": "add"},
    )
    assert added.status_code == 302
    assert "Frinnaryd" in library.example(example.id).values("place")
    removed_value = example.tags[0] if example.tags else None
    if removed_value is not None:
        response = client.post(
            url,
            data={"csrf_token": token, "kind": removed_value.kind,
                  "value": removed_value.value, "action": "remove"},
        )
        assert response.status_code == 302
        assert removed_value.value not in library.example(example.id).values(removed_value.kind)

    original = library.original(doc.id)
    replaced = client.post(
        f"/samordnare/dokument/{doc.id}/ersatt",
        data={"csrf_token": token, "file": (io.BytesIO(original), doc.filename)},
        content_type="multipart/form-data",
    )
    assert replaced.status_code == 302
    again = library.document(doc.id)
    assert again is not None
    same = next(e for e in again.examples if e.title == example.title)
    assert "Frinnaryd" in same.values("place")
    if removed_value is not None:
        assert removed_value.value not in same.values(removed_value.kind)
    page = unescape(client.get(f"/exempel/{same.id}").get_data(as_text=True))
    assert "Frinnaryd" in page and "rättad" in page


def test_bad_corrections_are_rejected(writable_app: Flask) -> None:
    client = writable_app.test_client()
    token = login(client)
    _, example = _a_tagged_example(library_of(writable_app))
    url = f"/samordnare/exempel/{example.id}/taggar"
    for data in (
        {"kind": "favoritfärg", "value": "blå", "action": "add"},
        {"kind": "intervention", "value": "", "action": "add"},
        {"kind": "intervention", "value": "x", "action": "explode"},
    ):
        assert client.post(url, data={"csrf_token": token, **data}).status_code == 400
    assert client.post(
        "/samordnare/exempel/finns-inte-1/taggar",
        data={"csrf_token": token, "kind": "intervention", "value": "x", "action": "add"},
    ).status_code == 404


def test_merge_and_split(writable_app: Flask) -> None:
    client = writable_app.test_client()
    token = login(client)
    library = library_of(writable_app)
    doc = next(d for d in library.documents() if len(d.examples) >= 2)
    first, second = doc.examples[0], doc.examples[1]
    response = client.post(
        f"/samordnare/dokument/{doc.id}/sla-ihop",
        data={"csrf_token": token, "ids": [first.id, second.id]},
    )
    assert response.status_code == 302
    merged_doc = library.document(doc.id)
    assert len(merged_doc.examples) == len(doc.examples) - 1
    merged = merged_doc.examples[0]
    assert len(merged.sections) >= 2
    split = client.post(
        f"/samordnare/exempel/{merged.id}/dela",
        data={"csrf_token": token, "section": str(len(merged.sections) - 1)},
    )
    assert split.status_code == 302
    assert len(library.document(doc.id).examples) == len(doc.examples)
    bad = client.post(
        f"/samordnare/exempel/{merged_doc.examples[0].id}/dela",
        data={"csrf_token": token, "section": "0"},
    )
    assert bad.status_code == 400


def test_remove_document(writable_app: Flask) -> None:
    client = writable_app.test_client()
    token = login(client)
    library = library_of(writable_app)
    doc = library.documents()[-1]
    url = f"/samordnare/dokument/{doc.id}/ta-bort"
    listed, before = _all_hits(client)  # now in the search cache
    assert doc.examples[0].id in before
    unconfirmed = client.post(url, data={"csrf_token": token})
    assert unconfirmed.status_code == 302
    assert library.document(doc.id) is not None
    confirmed = client.post(url, data={"csrf_token": token, "bekrafta": "ja"})
    assert confirmed.status_code == 302
    assert library.document(doc.id) is None
    assert client.get(f"/exempel/{doc.examples[0].id}").status_code == 404
    assert client.get(f"/dokument/{doc.id}/original.pdf").status_code == 404
    after, remaining = _all_hits(client)  # the cache was emptied
    assert doc.examples[0].id not in remaining
    assert after == listed - len(doc.examples)


def _all_hits(client: FlaskClient) -> tuple[int, set[str]]:
    """The total of an empty search and every hit's id, page by page."""
    ids: set[str] = set()
    page, total = 1, 1
    while len(ids) < total:
        answer = client.get(f"/api/search?per_page=100&page={page}").json
        total = answer["total"]
        ids |= {h["id"] for h in answer["results"]}
        if not answer["results"]:
            break
        page += 1
    return total, ids


def test_review_page_shows_why_an_example_is_unsure(
    writable_client: FlaskClient, tmp_path: Path
) -> None:
    """A Word newsletter with a table of two lists whose text order is a guess: its example is
    kept and the review page says why it should be checked."""
    from tests.ingest.office_newsletters import newsletter_pdf
    from tests.ingest.test_segment_classes import DONE, NEXT, boxes_newsletter

    pdf = newsletter_pdf(boxes_newsletter(DONE, NEXT), tmp_path, "tabell")
    token = login(writable_client)
    response = writable_client.post(
        "/samordnare/ladda-upp",
        data={"csrf_token": token, "file": [(io.BytesIO(pdf.read_bytes()), "tabell.pdf")]},
        content_type="multipart/form-data",
    )
    finished_upload_page(writable_client, response)
    library = library_of(writable_client.application)
    doc = next(d for d in library.documents() if d.filename == "tabell.pdf")
    unsure = [e for e in doc.examples if e.review_reasons]
    assert [e.title for e in unsure] == ["Familjecentralen i Rydaholm"]
    body = unescape(writable_client.get(f"/samordnare/dokument/{doc.id}").get_data(as_text=True))
    assert "Osäker avgränsning: osäker textordning" in body
    assert "bör granskas" in body


def _searches_section(client: FlaskClient) -> str:
    page = unescape(client.get("/samordnare").get_data(as_text=True))
    return page[page.index('id="sokningar"'):]


def test_home_lists_the_searches_that_found_little(writable_client: FlaskClient) -> None:
    """Searches made on the search page and in the API are counted; a term added from the
    list, with its own form, is used by the next search and leaves the list."""
    client = writable_client
    for _ in range(2):
        assert client.get("/", query_string={"q": "padelbana"}).status_code == 200
    client.get("/api/search", query_string={"q": "Padelbana"})
    client.get("/", query_string={"q": "läxhjälp"})  # found: not listed
    client.get("/", query_string={"q": "xqzvyw", "kommun": "Eksjö"})  # filtered: not counted
    token = login(client)
    section = _searches_section(client)
    assert "Padelbana</a>" in section and "sökt 3 gånger" in section  # as last typed
    assert "inget exempel har ordet ”padelbana”" in section
    assert "läxhjälp</a>" not in section and "xqzvyw" not in section
    listed = client.get("/samordnare/sokningar.json").get_json()
    assert listed["days_kept"] == 90
    assert [(s["query"], s["times"], s["total"], s["unwritten"]) for s in listed["searches"]] \
        == [("Padelbana", 3, 0, ["padelbana"])]
    wrong = client.post("/samordnare/tesaurus/termer", follow_redirects=True, data={
        "csrf_token": token, "begrepp_namn": "padel", "term": "padelbana",
        "typ": "alt", "nasta": "/samordnare#sokningar"})
    assert "”padel” är inget begrepp i tesaurusen. Välj ett ur listan." in \
        unescape(wrong.get_data(as_text=True))
    response = client.post("/samordnare/tesaurus/termer", follow_redirects=True, data={
        "csrf_token": token, "begrepp_namn": "Prova-på-aktiviteter", "term": "padelbana",
        "typ": "alt", "nasta": "/samordnare#sokningar"})  # the list's label, any case
    assert "Termen padelbana lades till" in unescape(response.get_data(as_text=True))
    assert "padelbana</a>" not in _searches_section(client).lower()
    found = client.get("/api/search", query_string={"q": "padelbana"}).get_json()
    assert found["total"] > 0
    assert "prova-på-aktiviteter" in {i for hit in found["results"][:3]
                                       for i in hit["interventions"]}


def test_searches_found_by_their_words_and_sheet_searches_are_not_listed(
        writable_client: FlaskClient) -> None:
    client = writable_client
    login(client)
    client.get("/samordnare/koncept", query_string={"q": "padelbana"})  # building a sheet
    client.get("/", query_string={"q": "padelbana", "page": 2})
    client.get("/", query_string={"q": "padelbana", "sort": "date"})
    assert client.get("/samordnare/sokningar.json").get_json()["searches"] == []
    response = writable_client.application.test_client().get("/samordnare/sokningar.json")
    assert response.status_code == 302  # for coordinators only


def test_the_form_of_a_search_has_the_concept_its_hits_point_to(
        writable_client: FlaskClient) -> None:
    client = writable_client
    client.get("/", query_string={"q": "idrottshalen upptagen av skolan"})
    login(client)
    section = _searches_section(client)
    assert 'name="begrepp_namn" list="begreppen" value="knattegympa"' in section
    # a misspelling, corrected by the search, is offered as a hidden term of the concept
    assert '<input type="hidden" name="typ" value="hidden">' in section
    assert "Lägg till som felstavning" in section


def test_a_dismissed_search_leaves_the_list(writable_client: FlaskClient) -> None:
    client = writable_client
    client.get("/", query_string={"q": "xqzvyw"})
    token = login(client)
    assert "xqzvyw</a>" in _searches_section(client)
    response = client.post("/samordnare/sokningar/dolj", follow_redirects=True,
                           data={"csrf_token": token, "sokning": "xqzvyw"})
    page = unescape(response.get_data(as_text=True))
    assert "Sökningen ”xqzvyw” visas inte längre i listan." in page
    assert "xqzvyw</a>" not in page[page.index('id="sokningar"'):]
    again = client.post("/samordnare/sokningar/dolj", data={"csrf_token": token,
                                                           "sokning": "xqzvyw"})
    assert again.status_code == 302


def test_home_lists_the_documents_a_page_at_a_time_and_finds_them(client: FlaskClient,
                                                                  monkeypatch) -> None:  # noqa: ANN001
    from web.views import coordinator

    login(client)
    library = library_of(client.application)
    stored = library.review_items()
    newest = sorted(stored, key=lambda d: (d.date or "", d.title, d.filename), reverse=True)
    monkeypatch.setattr(coordinator, "DOCUMENTS_PER_PAGE", 20)
    pages = -(-len(stored) // 20)
    assert pages >= 3, len(stored)

    def rows(url: str) -> list[str]:
        page = unescape(client.get(url).get_data(as_text=True))
        table = page[page.index('<table class="documents">'):page.index("</table>")]
        return re.findall(r'<span class="filename">([^<]+)</span>', table)

    first = rows("/samordnare")
    assert first == [d.filename for d in newest[:20]]
    assert rows("/samordnare?sida=2") == [d.filename for d in newest[20:40]]
    last = rows(f"/samordnare?sida={pages + 5}")  # past the end: the last page
    assert last == [d.filename for d in newest[(pages - 1) * 20:]]
    assert rows("/samordnare?sida=x") == first
    page = unescape(client.get("/samordnare").get_data(as_text=True))
    assert f"Inlästa dokument ({len(stored)})" in page
    assert all(f"?sida={n}#dokument" in page for n in range(2, min(pages, 4) + 1))
    assert 'rel="next"' in page and 'rel="prev"' not in page
    later = unescape(client.get(f"/samordnare?sida={pages}").get_data(as_text=True))
    assert 'rel="prev"' in later and 'rel="next"' not in later
    # a part of a file name or title, any case, finds the documents that have it
    wanted = [d for d in newest if "poster" in d.filename.lower()
              and "rast" in (d.title + d.filename).lower()]
    assert wanted
    assert rows("/samordnare?dokument=RAST") == [
        d.filename for d in newest if "rast" in f"{d.title}\n{d.filename}\n{d.date or ''}".lower()]
    page = unescape(client.get("/samordnare?dokument=xylofon").get_data(as_text=True))
    assert f"Inlästa dokument (0 av {len(stored)})" in page
    assert "Inga dokument har ”xylofon”" in page
