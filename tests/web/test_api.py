"""The JSON API under /api, per the contract."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from .conftest import PASSWORD, USER, login, renamed_pdf

HIT_KEYS = {
    "id", "title", "document", "municipalities", "focus_areas", "interventions", "score",
    "snippet",
}
EXAMPLE_KEYS = {
    "id", "document_id", "title", "team", "municipalities", "places", "focus_areas",
    "interventions", "actors", "persons", "inspired_by", "sections", "text", "pages",
}
DOCUMENT_KEYS = {"id", "filename", "title", "kind", "date", "pages", "context", "examples"}


def basic(user: str = USER, password: str = PASSWORD) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_search_shape(client: FlaskClient) -> None:
    response = client.get("/api/search?q=hembesök&per_page=5")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    data = response.json
    assert {"query", "total", "results", "facets", "page", "pages", "per_page"} <= set(data)
    assert data["query"] == "hembesök"
    assert data["total"] >= 1
    assert len(data["results"]) <= 5
    for hit in data["results"]:
        assert set(hit) >= HIT_KEYS
        assert {"id", "title", "filename"} <= set(hit["document"])
    assert {"kommun", "fokus", "insats"} <= set(data["facets"])


def test_search_filters_and_paging(client: FlaskClient) -> None:
    everything = client.get("/api/search").json
    kind = next(iter(everything["facets"]["dokumenttyp"]))
    filtered = client.get("/api/search", query_string={"dokumenttyp": kind}).json
    assert filtered["total"] == everything["facets"]["dokumenttyp"][kind]
    page2 = client.get("/api/search?per_page=3&page=2").json
    page1 = client.get("/api/search?per_page=3&page=1").json
    assert page2["page"] == 2
    assert {h["id"] for h in page1["results"]}.isdisjoint({h["id"] for h in page2["results"]})


def test_filtered_search_without_hits_says_what_each_filter_holds_back(
        client: FlaskClient) -> None:
    everything = client.get("/api/search", query_string={"q": "hembesök"}).json
    municipalities = everything["facets"]["kommun"]
    kind = next(k for k, n in everything["facets"]["dokumenttyp"].items()
                if n < everything["total"])
    # a municipality without hembesök examples of that kind is enough for zero hits
    none = None
    for name in municipalities:
        args = {"q": "hembesök", "kommun": name, "dokumenttyp": kind}
        if client.get("/api/search", query_string=args).json["total"] == 0:
            none = (name, args)
            break
    assert none is not None
    name, args = none
    data = client.get("/api/search", query_string=args).json
    dropped = {(d["facet"], d["value"]): d["total"] for d in data["without_filter"]}
    assert dropped[("kommun", name)] == everything["facets"]["dokumenttyp"][kind]
    assert dropped[("dokumenttyp", kind)] == municipalities[name]
    page = client.get("/", query_string=args).get_data(as_text=True)
    assert f"Utan filtret Kommun: {name}" in page
    assert client.get("/api/search", query_string={"q": "hembesök"}).json["without_filter"] == []


def test_filtered_hits_without_the_querys_words_offer_to_drop_the_filter(
        client: FlaskClient) -> None:
    # no example in Habo writes "simskola": the page shows Habo's examples near it, says so,
    # and links to the search without the filter
    args = {"q": "simskola", "kommun": "Habo"}
    data = client.get("/api/search", query_string=args).json
    assert data["total"] > 0 and data["without_filter"]
    page = client.get("/", query_string=args).get_data(as_text=True)
    assert "Inget exempel med de valda filtren innehåller sökorden" in page
    assert "Utan filtret Kommun: Habo" in page and 'class="hits"' in page


@pytest.mark.parametrize(
    "query", ["page=0", "page=x", "per_page=1000", "per_page=0", "sort=best", "q=" + "a" * 600]
)
def test_search_bad_parameters_are_400(client: FlaskClient, query: str) -> None:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    assert "error" in response.json


def test_example_and_documents(client: FlaskClient) -> None:
    hit = client.get("/api/search?q=närvaro").json["results"][0]
    example = client.get(f"/api/examples/{hit['id']}").json
    assert set(example) >= EXAMPLE_KEYS
    documents = client.get("/api/documents").json
    assert isinstance(documents, list) and documents
    assert set(documents[0]) >= DOCUMENT_KEYS
    one = client.get(f"/api/documents/{example['document_id']}").json
    assert set(one) >= DOCUMENT_KEYS
    assert example["id"] in {e["id"] for e in one["examples"]}


def test_concepts_and_municipalities(client: FlaskClient) -> None:
    concepts = client.get("/api/concepts").json
    assert isinstance(concepts, list) and concepts
    slug = concepts[0]["slug"]
    concept = client.get(f"/api/concepts/{slug}").json
    assert len(concept["status"]) == 13
    assert set(concept["status"].values()) <= {"practised", "planned", "none"}
    municipalities = client.get("/api/municipalities").json
    assert {"Aneby", "Värnamo"} <= {m["name"] for m in municipalities}
    assert client.get("/api/municipalities/Nässjö").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/examples/nope-1",
        "/api/documents/nope",
        "/api/documents/0000000000000000",
        "/api/concepts/nope",
        "/api/municipalities/Ingenstans",
        "/api/finns-inte",
    ],
)
def test_missing_is_json_404(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    assert "error" in response.json


def test_wrong_method_is_json_405(client: FlaskClient) -> None:
    response = client.delete("/api/search")
    assert response.status_code == 405
    assert response.json["error"]
    assert "GET" in response.headers["Allow"]


def test_upload_requires_credentials(client: FlaskClient, corpus_pdfs: list[Path]) -> None:
    data = {"file": (io.BytesIO(corpus_pdfs[0].read_bytes()), corpus_pdfs[0].name)}
    response = client.post("/api/documents", data=data, content_type="multipart/form-data")
    assert response.status_code == 401
    assert response.json["error"]
    assert response.headers["WWW-Authenticate"].startswith("Basic")


def test_upload_wrong_password_is_401(client: FlaskClient, corpus_pdfs: list[Path]) -> None:
    data = {"file": (io.BytesIO(b"%PDF-1.4"), "x.pdf")}
    response = client.post(
        "/api/documents", data=data, headers=basic(password="fel"),
        content_type="multipart/form-data",
    )
    assert response.status_code == 401


def test_session_upload_without_csrf_header_is_403(client: FlaskClient) -> None:
    login(client)
    data = {"file": (io.BytesIO(b"%PDF-1.4"), "x.pdf")}
    response = client.post("/api/documents", data=data, content_type="multipart/form-data")
    assert response.status_code == 403


def test_upload_good_duplicate_and_bad(
    writable_client: FlaskClient, corpus_pdfs: list[Path]
) -> None:
    source = next(p for p in corpus_pdfs if p.name.startswith("poster-"))
    data = {"file": (io.BytesIO(renamed_pdf(source)), "ny-affisch.pdf")}
    created = writable_client.post(
        "/api/documents", data=data, headers=basic(), content_type="multipart/form-data"
    )
    assert created.status_code == 201, created.json
    document = created.json
    assert set(document) >= DOCUMENT_KEYS
    assert document["filename"] == "ny-affisch.pdf"
    assert document["examples"]
    assert created.headers["Location"].endswith(f"/api/documents/{document['id']}")
    assert writable_client.get(f"/api/documents/{document['id']}").status_code == 200

    again = {"file": (io.BytesIO(source.read_bytes()), source.name)}
    duplicate = writable_client.post(
        "/api/documents", data=again, headers=basic(), content_type="multipart/form-data"
    )
    assert duplicate.status_code == 409
    assert duplicate.json["error"]

    cases = [
        (b"", "tom.pdf", 400),
        (b"hej, det har ar ingen pdf\n" * 10, "text.pdf", 415),
        (b"%PDF-1.7\n" + b"\x00trasig" * 200, "trasig.pdf", 422),
    ]
    for content, name, status in cases:
        bad = {"file": (io.BytesIO(content), name)}
        response = writable_client.post(
            "/api/documents", data=bad, headers=basic(), content_type="multipart/form-data"
        )
        assert response.status_code == status, (name, response.json)
        assert response.json["error"]
    missing = writable_client.post(
        "/api/documents", data={}, headers=basic(), content_type="multipart/form-data"
    )
    assert missing.status_code == 400


def test_session_upload_with_csrf_header(
    writable_client: FlaskClient, corpus_pdfs: list[Path]
) -> None:
    token = login(writable_client)
    source = next(p for p in corpus_pdfs if p.name.startswith("nyhetsbrev-"))
    data = {"file": (io.BytesIO(renamed_pdf(source)), "nytt-nyhetsbrev.pdf")}
    response = writable_client.post(
        "/api/documents", data=data, headers={"X-CSRFToken": token},
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.json


def test_too_large_upload_is_413_json(web_store: Path) -> None:
    from .conftest import close_app, make_app

    small: Flask = make_app(web_store, MAX_CONTENT_LENGTH=2048)
    try:
        client = small.test_client()
        data = {"file": (io.BytesIO(b"%PDF-1.4\n" + b"0" * 10_000), "stor.pdf")}
        response = client.post(
            "/api/documents", data=data, headers=basic(), content_type="multipart/form-data"
        )
        assert response.status_code == 413
        assert response.json["error"]
        data = {"file": (io.BytesIO(b"%PDF-1.4\n" + b"0" * 10_000), "stor.pdf")}
        html = client.post("/samordnare/ladda-upp", data=data, content_type="multipart/form-data")
        assert html.status_code == 413
        assert "text/html" in html.content_type
    finally:
        close_app(small)


def test_openapi_document(client: FlaskClient) -> None:
    spec = client.get("/api/openapi.json").json
    assert spec["openapi"].startswith("3.0")
    for name in ("Document", "Example", "Hit", "SearchResponse", "Error"):
        assert name in spec["components"]["schemas"]
    for path in ("/api/search", "/api/examples/{id}", "/api/documents", "/api/concepts"):
        assert path in spec["paths"]


def test_failed_basic_logins_are_rate_limited(web_store: Path) -> None:
    from .conftest import close_app, make_app

    limited: Flask = make_app(web_store, LOGIN_RATE_LIMIT="2/minute")
    try:
        client = limited.test_client()

        def post(headers: dict[str, str]) -> int:
            data = {"file": (io.BytesIO(b""), "tom.pdf")}
            return client.post(
                "/api/documents", data=data, headers=headers, content_type="multipart/form-data"
            ).status_code

        assert post(basic()) == 400  # right password: not counted
        assert [post(basic(password="fel")) for _ in range(3)] == [401, 401, 429]
    finally:
        close_app(limited)


def test_login_form_and_basic_logins_share_one_budget(web_store: Path) -> None:
    from .conftest import close_app, csrf_token, make_app

    limited: Flask = make_app(web_store, LOGIN_RATE_LIMIT="3/minute")
    try:
        client = limited.test_client()
        token = csrf_token(client)

        def form() -> int:
            data = {"namn": USER, "losenord": "fel", "csrf_token": token}
            return client.post("/logga-in", data=data).status_code

        def api() -> int:
            data = {"file": (io.BytesIO(b""), "tom.pdf")}
            return client.post("/api/documents", data=data, headers=basic(password="fel"),
                               content_type="multipart/form-data").status_code

        assert [form(), api(), api(), api()] == [401, 401, 401, 429]
        assert form() == 429
        other = client.post("/api/documents", headers=basic(password="fel"),
                            environ_base={"REMOTE_ADDR": "10.1.2.3"})
        assert other.status_code == 401  # another client has its own budget
    finally:
        close_app(limited)


def test_a_quoted_querys_heading_keeps_its_own_quotes(client: FlaskClient) -> None:
    page = client.get("/", query_string={"q": '"trygghetscirkeln"'}).get_data(as_text=True)
    # "8 exempel för "trygghetscirkeln"", not ”"trygghetscirkeln"”
    assert "för &#34;trygghetscirkeln&#34;" in page
    assert "”&#34;" not in page
