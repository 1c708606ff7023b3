"""The public HTML pages, on the real corpus ingested into a real store."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

import pytest
from flask import Flask
from flask.testing import FlaskClient

from ingest.lexicon import COUNTY_MUNICIPALITIES


def text(response) -> str:  # noqa: ANN001
    return unescape(response.get_data(as_text=True))


@pytest.fixture(scope="module")
def library(app: Flask):  # noqa: ANN201
    return app.extensions["exempelbanken"].get()


def test_search_page_lists_examples_with_facets(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    body = text(response)
    assert '<html lang="sv">' in body
    assert 'href="#innehall"' in body  # skip link
    assert 'role="search"' in body
    assert "Filtrera" in body and "Dokumenttyp" in body
    assert re.search(r"\d+ exempel", body)


def test_search_query_highlights_matches(client: FlaskClient) -> None:
    body = client.get("/?q=hembesök").get_data(as_text=True)
    assert "<mark>" in body
    assert "hembesök" in unescape(body).lower()


def test_search_snippets_are_escaped(client: FlaskClient) -> None:
    body = client.get("/?q=<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_facet_filter_narrows_results(client: FlaskClient, library) -> None:  # noqa: ANN001
    everything = library.search("", {}, 1, 10)
    kind, count = next(iter(everything.facets["dokumenttyp"].items()))
    body = text(client.get("/", query_string={"dokumenttyp": kind}))
    assert f"{count} exempel" in body
    assert "Valda filter" in body
    assert "checked" in body


def test_filters_combine(client: FlaskClient, library) -> None:  # noqa: ANN001
    base = library.search("", {}, 1, 10)
    year = next(iter(base.facets["ar"]))
    kind = next(iter(base.facets["dokumenttyp"]))
    both = library.search("", {"ar": [year], "dokumenttyp": [kind]}, 1, 10)
    body = text(client.get("/", query_string={"ar": year, "dokumenttyp": kind}))
    assert f"{both.total} exempel" in body


def test_pagination_and_sort(client: FlaskClient, library) -> None:  # noqa: ANN001
    total = library.search("", {}, 1, 10).total
    assert total > 10, "the corpus should need more than one page"
    first = text(client.get("/"))
    assert 'rel="next"' in first
    second = text(client.get("/?page=2&sort=date"))
    assert 'aria-current="page" href="/?page=2&amp;sort=date"' in client.get(
        "/?page=2&sort=date"
    ).get_data(as_text=True)
    assert 'rel="prev"' in second
    # nonsense parameters are corrected, not errors
    assert client.get("/?page=-4&sort=nonsense").status_code == 200
    assert client.get("/?page=abc").status_code == 200


def test_did_you_mean(client: FlaskClient, library) -> None:  # noqa: ANN001
    result = library.search("hembesk", {}, 1, 10)
    assert result.suggestion == "hembesök" and result.corrected
    def words(response) -> str:  # noqa: ANN001
        return " ".join(re.sub(r"<[^>]+>", " ", text(response)).split()).replace(" ?", "?")

    body = words(client.get("/?q=hembesk"))
    # the hits are the suggestion's, and the page says so
    assert "Menade du hembesök?" in body
    assert "Exemplen nedan är för ”hembesök”" in body
    assert f"{result.total} exempel för ”hembesök”" in body
    assert "där fler exempel har orden" in body
    body = words(client.get("/?q=hembesök"))
    assert "Menade du" not in body and "exempel för ”hembesök”" in body


def test_a_corrected_misspelling_is_named(client: FlaskClient) -> None:
    body = " ".join(re.sub(r"<[^>]+>", " ", text(
        client.get("/", query_string={"q": "akuta ärenfen går före hembesöken"}))).split())
    assert "Menade du akuta ärenden går före hembesöken ?" in body
    assert ("Exemplen nedan är för ”akuta ärenden går före hembesöken”: inget exempel "
            "skriver ”ärenfen”.") in body
    assert "där fler exempel har orden" not in body


def test_two_words_read_as_one_say_so(client: FlaskClient, library) -> None:  # noqa: ANN001
    # "föräldra grupper" is read as the word examples write, "föräldragrupper": its hits are
    # that word's own, so the page says how the query was read, not that more examples have
    # the words (as it says of a misspelling)
    result = library.search("föräldra grupper", {}, 1, 10)
    assert result.suggestion == "föräldragrupper" and result.joined and result.corrected
    assert [h["id"] for h in result.hits] == \
        [h["id"] for h in library.search("föräldragrupper", {}, 1, 10).hits]
    assert not library.search("hembesk", {}, 1, 10).joined
    body = " ".join(re.sub(r"<[^>]+>", " ", text(client.get("/?q=föräldra+grupper"))).split())
    assert "Exemplen nedan är för ”föräldragrupper”, skrivet i ett ord." in body
    assert "där fler exempel har orden" not in body


def test_example_page(client: FlaskClient, library) -> None:  # noqa: ANN001
    hit = library.search("hembesök", {}, 1, 1).hits[0]
    example = library.example(hit["id"])
    response = client.get(f"/exempel/{hit['id']}")
    assert response.status_code == 200
    body = text(response)
    assert example.title in body
    assert f"/dokument/{example.document_id}/sida/" in body
    assert f"/dokument/{example.document_id}/original.pdf" in body
    assert "Liknande exempel" in body and "Teamets resa" in body and "Inspirerad av" in body
    for section in example.sections:
        if section.heading:
            assert section.heading in body
    proposed = {t.value for t in example.tags if t.kind == "intervention" and t.proposed}
    for name in example.interventions:
        link = re.search(rf'href="(/koncept/[^"]+)"[^>]*>{re.escape(name)}</a>', body)
        if name in proposed:  # the example's own words, proposed as a term: no concept yet
            assert link is None and f">{name}</span>" in body, name
        else:
            assert link and client.get(link[1]).status_code == 200, name
    for tag in example.tags:
        assert tag.value in body
        for evidence in tag.evidence[:1]:
            assert evidence.text in body


def test_example_missing_is_404(client: FlaskClient) -> None:
    response = client.get("/exempel/finnsinte-1")
    assert response.status_code == 404
    assert "Sidan finns inte" in text(response)


def test_document_page_thumbnail_and_pdf(client: FlaskClient, library, app: Flask) -> None:  # noqa: ANN001
    from pathlib import Path

    doc = library.documents()[0]
    page = client.get(f"/dokument/{doc.id}")
    assert page.status_code == 200 and doc.title in text(page)
    png = client.get(f"/dokument/{doc.id}/sida/1.png")
    assert png.status_code == 200
    assert png.mimetype == "image/png"
    assert png.data[:8] == b"\x89PNG\r\n\x1a\n"
    cached = list((Path(app.config["DATA_DIR"]) / "thumbs").glob(f"{doc.id}-1-*.png"))
    assert cached, "thumbnail is cached on disk"
    assert client.get(f"/dokument/{doc.id}/sida/{doc.pages + 1}.png").status_code == 404
    assert client.get(f"/dokument/{doc.id}/sida/0.png").status_code == 404
    pdf = client.get(f"/dokument/{doc.id}/original.pdf")
    assert pdf.status_code == 200
    assert pdf.mimetype == "application/pdf"
    assert pdf.headers["Content-Disposition"].startswith("inline")
    assert pdf.data.startswith(b"%PDF")


@pytest.mark.parametrize(
    "url",
    [
        "/dokument/../../etc/passwd/original.pdf",
        "/dokument/..%2f..%2fetc%2fpasswd/original.pdf",
        "/dokument/0000000000000000/original.pdf",
        "/dokument/ZZZ/sida/1.png",
        "/dokument/0000000000000000",
    ],
)
def test_documents_only_by_catalogue_id(client: FlaskClient, url: str) -> None:
    assert client.get(url).status_code == 404


def test_concept_list_and_page(client: FlaskClient, library) -> None:  # noqa: ANN001
    concepts = library.concepts()
    assert concepts
    body = text(client.get("/koncept"))
    name = concepts[0]["name"]
    assert name[:1].upper() + name[1:] in body
    slug = concepts[0]["slug"]
    response = client.get(f"/koncept/{slug}")
    assert response.status_code == 200
    page = text(response)
    assert "<svg" in page and 'role="group"' in page
    assert re.search(r'aria-label="Nässjö: (planerad|pågående|etablerad|avslutad|inte prövad)',
                     page)
    assert page.count('class="tile status-') == 13
    for name in COUNTY_MUNICIPALITIES:
        assert f">{name}</text>" in page
    assert "Kartan som tabell" in page and "Teckenförklaring" in page
    assert "Tidslinje" in page and "Vem inspirerade vem" in page
    assert client.get("/koncept/finns-inte").status_code == 404


def test_concept_status_colours_match_library(client: FlaskClient, library) -> None:  # noqa: ANN001
    concept = max(library.concepts(), key=lambda c: len(c.get("practised") or []))
    full = library.concept(concept["slug"])
    page = client.get(f"/koncept/{concept['slug']}").get_data(as_text=True)
    for name, cell in full["spread"].items():
        status = cell["status"]
        tile = (
            rf'class="tile status-{status}"[^>]*>\s*'
            rf"<polygon[^>]*></polygon>\s*<text[^>]*>{name}</text>"
        )
        assert re.search(tile, page), (name, status)


def test_municipality_pages(client: FlaskClient) -> None:
    body = text(client.get("/kommun"))
    for name in COUNTY_MUNICIPALITIES:
        assert name in body
    page = client.get("/kommun/Nässjö")
    assert page.status_code == 200
    assert "Inte prövat här än" in text(page)
    assert client.get("/kommun/Ingenstans").status_code == 404


def test_static_assets_served_locally(client: FlaskClient) -> None:
    body = client.get("/").get_data(as_text=True)
    assert "http://" not in body.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in body
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200


def test_phone_viewport_and_focus_styles(client: FlaskClient) -> None:
    body = client.get("/").get_data(as_text=True)
    assert 'name="viewport"' in body
    css = client.get("/static/style.css").get_data(as_text=True)
    assert ":focus-visible" in css and "@media (max-width" in css
    assert ".skip-link:focus" in css


def test_example_page_shows_team_history(client: FlaskClient, library) -> None:  # noqa: ANN001
    by_team: dict[str, list] = {}
    for doc in library.documents():
        for example in doc.examples:
            if example.team_key:
                by_team.setdefault(example.team_key, []).append(example)
    team = max(by_team.values(), key=len)
    if len(team) < 2:
        pytest.skip("no team appears twice in the corpus")
    example = team[0]
    body = text(client.get(f"/exempel/{example.id}"))
    assert "Tidigare" in body or "Senare" in body
    others = [e for e in library.team_history(example.team_key) if e.id != example.id]
    for other in others:
        assert other.title in body


def test_unexpected_errors_are_500_pages(app: Flask, monkeypatch) -> None:  # noqa: ANN001
    holder = app.extensions["exempelbanken"]
    library = holder.get()

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("index trasigt")

    monkeypatch.setattr(library, "search", broken)
    holder.cache.clear()
    client = app.test_client()
    api = client.get("/api/search?q=fel-test")
    assert api.status_code == 500
    assert api.json == {"error": "Något gick fel på servern."}
    page = client.get("/?q=fel-test")
    assert page.status_code == 500
    assert "Något gick fel" in text(page)
    assert "index trasigt" not in text(page)


def test_pages_work_on_an_empty_library(tmp_path) -> None:  # noqa: ANN001
    from .conftest import close_app, make_app

    empty = make_app(tmp_path / "tom")
    try:
        client = empty.test_client()
        for url in ("/", "/?q=hembesök", "/koncept", "/kommun", "/kommun/Aneby", "/api/search"):
            assert client.get(url).status_code == 200, url
        assert "0 exempel" in text(client.get("/"))
        assert client.get("/api/documents").json == []
    finally:
        close_app(empty)


@pytest.mark.parametrize("kind", ["sida/1.png", "original.pdf"])
def test_page_image_and_pdf_answer_conditional_and_range_requests(
    client: FlaskClient, library, kind: str  # noqa: ANN001
) -> None:
    doc = library.documents()[0]
    url = f"/dokument/{doc.id}/{kind}"
    full = client.get(url)
    assert full.status_code == 200
    headers = full.headers
    assert int(headers["Content-Length"]) == len(full.data)
    assert headers["ETag"] and headers["Last-Modified"] and headers["Expires"]
    assert "public" in headers["Cache-Control"] and "max-age=" in headers["Cache-Control"]
    assert headers["Accept-Ranges"] == "bytes"
    assert headers["Content-Disposition"].startswith("inline; filename=")
    assert client.get(url, headers={"If-None-Match": headers["ETag"]}).status_code == 304
    since = client.get(url, headers={"If-Modified-Since": headers["Last-Modified"]})
    assert since.status_code == 304
    part = client.get(url, headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and part.data == full.data[:100]
    too_far = client.get(url, headers={"Range": f"bytes={len(full.data) + 10}-"})
    assert too_far.status_code == 416


def test_original_pdf_etag_is_its_sha256(client: FlaskClient, library) -> None:  # noqa: ANN001
    doc = library.documents()[0]
    response = client.get(f"/dokument/{doc.id}/original.pdf")
    assert response.headers["ETag"] == f'"{doc.sha256}"'
    assert response.headers["Cache-Control"] == "public, max-age=3600"


def test_big_lists_are_cut_with_a_way_to_all(web_store, monkeypatch) -> None:  # noqa: ANN001
    """At 10k examples a municipality has hundreds and a team many: the municipality page lists
    the newest, an example page the team's nearest, each with a link to them all."""
    from tests.web.conftest import close_app, make_app
    from web.views import concepts as concept_views
    from web.views import examples as example_views

    monkeypatch.setattr(concept_views, "MAX_MUNICIPALITY_EXAMPLES", 2)
    monkeypatch.setattr(example_views, "MAX_RELATED", 1)
    app = make_app(web_store)
    try:
        client = app.test_client()
        library = app.extensions["exempelbanken"].get()
        name, total = max(((m.name, m.examples) for m in library.municipalities()),
                          key=lambda kv: kv[1])
        assert total > 2
        newest = library.municipality(name).examples
        page = client.get(f"/kommun/{name}").get_data(as_text=True)
        assert f"Alla {total} exempel från {name}" in page
        listed = page[page.index('id="gor-rubrik"'):]
        listed = listed[:listed.index("</ul>")]
        assert re.findall(r'href="/exempel/([^"]+)"', listed) == [e.id for e in newest[:2]]
        assert len(client.get(f"/api/municipalities/{name}").get_json()["examples"]) == total
        teams: dict[str, list] = {}
        for ex in library.concept_view().examples.values():
            teams.setdefault(library.example(ex.id).team_key or "", []).append(ex)
        team = max((v for k, v in teams.items() if k), key=len)
        assert len(team) >= 3
        first = min(team, key=lambda e: (e.date or "", e.id))
        body = client.get(f"/exempel/{first.id}").get_data(as_text=True)
        assert f"Alla {len(team)} exempel från teamet" in body
    finally:
        close_app(app)


def test_a_concepts_timeline_lists_a_few_a_year_and_searches_the_rest(  # noqa: ANN001
        web_store, monkeypatch) -> None:
    """At 10k examples a concept has thousands: its timeline lists a few a year and links a
    search for that year's all, which finds just as many."""
    from tests.web.conftest import close_app, make_app
    from web.views import concepts as concept_views

    monkeypatch.setattr(concept_views, "MAX_TIMELINE_PER_YEAR", 1)
    app = make_app(web_store)
    try:
        client = app.test_client()
        library = app.extensions["exempelbanken"].get()
        counts = [(item.slug, year, n) for item in library.concepts()
                  for year, n in Counter(ex.year for ex in library.concept(item.slug).examples
                                         if ex.year is not None).items()]
        slug, year, total = max(counts, key=lambda row: row[2])
        assert total >= 2
        page = client.get(f"/koncept/{slug}").get_data(as_text=True)
        timeline = page[page.index('id="tid-rubrik"'):page.index("Vem inspirerade vem")]
        assert f"Alla {total} exempel från {year}" in timeline
        link = unescape(re.search(rf'href="([^"]+)">Alla {total} exempel från {year}',
                                  timeline).group(1))
        this_year = timeline[timeline.index(f"<h3>{year}</h3>"):]
        this_year = this_year[:this_year.index("Alla")]
        assert len(re.findall(r'href="/exempel/', this_year)) == 1
        assert client.get(link).status_code == 200
        found = client.get("/api/search?" + link.split("?", 1)[1]).get_json()
        assert found["total"] == total
    finally:
        close_app(app)


def test_search_page_names_the_words_a_hit_lacks(client: FlaskClient) -> None:
    body = client.get("/?q=växelvis+boende").get_data(as_text=True)
    assert '<p class="hit-missing">Saknas: <s>boende</s></p>' in body
    assert "<s>växelvis</s>" not in body


def test_a_search_that_finds_nothing_says_so_once_and_offers_ways_on(client: FlaskClient) -> None:
    page = client.get("/?q=xylofonorkester")
    assert page.status_code == 200
    body = text(page)
    assert "0 exempel" in body
    assert body.count("Inga exempel matchade") == 1, body
    assert 'class="facets"' not in page.get_data(as_text=True)  # no filters to offer
    assert "bläddra bland koncepten" in body and "/koncept" in page.get_data(as_text=True)
    # with a filter chosen, the filter stays on the page, to be taken away
    page = client.get("/?q=xylofonorkester&kommun=Aneby")
    assert text(page).count("Inga exempel matchade") == 1
    assert 'class="facets"' in page.get_data(as_text=True)


def test_a_cut_query_that_finds_nothing_says_both(library) -> None:  # noqa: ANN001
    from search.query_limits import MAX_WORDS

    result = library.search(" ".join(["xylofonorkester"] * (MAX_WORDS + 5)))
    assert result.total == 0
    assert "Inga exempel matchade" in result.message and "Sökfrågan får" in result.message, \
        result.message


def test_a_bulleted_list_read_from_a_file_is_shown_as_a_list(client: FlaskClient, library
                                                              ) -> None:  # noqa: ANN001
    # the poster's results are three bullets; reading joins them into one paragraph
    hit = library.search("kamratstödjare Vrigstadskolan", {}, 1, 1).hits[0]
    example = library.example(hit["id"])
    results = next(s for s in example.sections if s.heading == "Resultat")
    assert results.text.count("• ") == 3
    html = client.get(f"/exempel/{hit['id']}").get_data(as_text=True)
    listed = re.search(r"<h2[^>]*>Resultat</h2>\s*<ul class=\"text-list\">(.*?)</ul>", html, re.S)
    assert listed, html
    items = re.findall(r"<li>(.*?)</li>", listed[1])
    assert len(items) == 3 and items[0].startswith("18 kamratstödjare"), items
    assert "•" not in listed[1]


@pytest.mark.parametrize(("text", "blocks"), [
    ("Syfte. • Alla x. • Vård y.", [("p", ["Syfte."]), ("ul", ["Alla x.", "Vård y."])]),
    ("Mål\n\n• x\n\n• y\n\n12% 11%", [("p", ["Mål"]), ("ul", ["x", "y"]), ("p", ["12% 11%"])]),
    ("Sävsjö • 2024", [("p", ["Sävsjö • 2024"])]),  # one mark between words: a separator
    ("Anna, kurator · Bo, rektor", [("p", ["Anna, kurator · Bo, rektor"])]),
])
def test_text_blocks(text: str, blocks: list) -> None:
    from web.filters import text_blocks

    assert text_blocks(text) == blocks
