"""The coordinators' review workflow: uploads wait in the inbox until published, tags are
checked against the vocabulary, and every change is in the audit log."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from .conftest import close_app, finished_upload_page, login, make_app, renamed_pdf


def library_of(app: Flask):  # noqa: ANN201
    return app.extensions["exempelbanken"].get()


@pytest.fixture()
def review_app(writable_store: Path) -> Iterator[Flask]:
    """The corpus store with uploads waiting for review (the production setting)."""
    application = make_app(writable_store, PUBLISH_UPLOADS=False)
    yield application
    close_app(application)


def _upload(client: FlaskClient, token: str, pdf: Path, name: str) -> None:
    response = client.post("/samordnare/ladda-upp", content_type="multipart/form-data",
                           data={"csrf_token": token,
                                 "file": [(io.BytesIO(renamed_pdf(pdf)), name)]})
    finished_upload_page(client, response)


def test_an_upload_waits_in_the_inbox_until_published(
        review_app: Flask, corpus_pdfs: list[Path]) -> None:
    coordinator, public = review_app.test_client(), review_app.test_client()
    token = login(coordinator)
    poster = next(p for p in corpus_pdfs if p.name.startswith("poster-"))
    _upload(coordinator, token, poster, "ny-poster.pdf")
    library = library_of(review_app)
    doc = next(d for d in library.documents() if d.filename == "ny-poster.pdf")
    example = doc.examples[0]

    inbox = unescape(coordinator.get("/samordnare/inkorg").get_data(as_text=True))
    assert "ny-poster.pdf" in inbox and f"/dokument/{doc.id}/sida/1.png" in inbox
    assert f"{len(doc.examples)} exempel" in inbox
    home = unescape(coordinator.get("/samordnare").get_data(as_text=True))
    assert home.index("Att granska (1)") < home.index("Inlästa dokument")
    for url in (f"/exempel/{example.id}", f"/dokument/{doc.id}", f"/api/examples/{example.id}",
                f"/api/documents/{doc.id}", f"/dokument/{doc.id}/original.pdf"):
        assert public.get(url).status_code == 404, url
    assert doc.id not in {d["id"] for d in public.get("/api/documents").get_json()}
    assert coordinator.get(f"/exempel/{example.id}").status_code == 200  # a preview
    thumbnail = coordinator.get(f"/dokument/{doc.id}/sida/1.png")
    assert thumbnail.status_code == 200 and thumbnail.mimetype == "image/png"
    assert public.get(f"/dokument/{doc.id}/sida/1.png").status_code == 404

    response = coordinator.post("/samordnare/inkorg/publicera",
                                data={"csrf_token": token, "dokument": [doc.id]})
    assert response.status_code == 302
    assert public.get(f"/exempel/{example.id}").status_code == 200
    assert public.get(f"/api/examples/{example.id}").status_code == 200
    assert "Inget väntar på granskning" in coordinator.get(
        "/samordnare/inkorg").get_data(as_text=True)
    log = coordinator.get("/samordnare/logg?atgard=document.publish").get_data(as_text=True)
    assert "publicerade ny-poster.pdf" in unescape(log)
    history = unescape(coordinator.get(f"/samordnare/dokument/{doc.id}").get_data(as_text=True))
    assert "Historik" in history and "publicerade ny-poster.pdf" in history


def test_a_published_document_can_go_back_to_the_inbox(review_app: Flask) -> None:
    coordinator, public = review_app.test_client(), review_app.test_client()
    token = login(coordinator)
    doc = library_of(review_app).documents()[0]
    example = doc.examples[0]
    assert public.get(f"/exempel/{example.id}").status_code == 200
    coordinator.post(f"/samordnare/dokument/{doc.id}/status",
                     data={"csrf_token": token, "status": "granska"})
    assert public.get(f"/exempel/{example.id}").status_code == 404
    hits = public.get("/api/search", query_string={"q": example.title}).get_json()
    assert example.id not in {h["id"] for h in hits["results"]}
    assert doc.filename in unescape(coordinator.get("/samordnare/inkorg").get_data(as_text=True))


def test_the_document_list_shows_status_flags_date_and_file(client: FlaskClient) -> None:
    login(client)
    library = client.application.extensions["exempelbanken"].get()
    items = library.review_items()
    tables = ""
    for page in range(1, len(items) // 50 + 2):  # 50 documents to a page
        body = unescape(client.get(f"/samordnare?sida={page}").get_data(as_text=True))
        tables += body[body.index("Inlästa dokument"):body.index('id="foreslagna-termer"')]
    for item in items:
        assert tables.count(item.filename) == 1, item.filename
    assert tables.count('class="status status-published"') == len(items)
    assert "OCR s." in tables or not any(i.ocr_pages for i in items)


def test_an_unknown_municipality_is_refused_then_only_proposed(review_app: Flask) -> None:
    coordinator, public = review_app.test_client(), review_app.test_client()
    token = login(coordinator)
    library = library_of(review_app)
    doc = library.documents()[0]
    example = doc.examples[0]
    url = f"/samordnare/exempel/{example.id}/taggar"
    form = {"csrf_token": token, "kind": "municipality", "value": "Gotham", "action": "add"}

    refused = coordinator.post(url, data=form, follow_redirects=True)
    assert "”Gotham” finns inte bland Sveriges kommuner" in unescape(
        refused.get_data(as_text=True))
    assert "Gotham" not in library.example(example.id).municipalities

    coordinator.post(url, data={**form, "ny_term": "ja"})
    assert "Gotham" not in library.example(example.id).municipalities
    home = unescape(coordinator.get("/samordnare").get_data(as_text=True))
    proposals = home[home.index("Föreslagna nya termer"):home.index("Nya fraser")]
    assert "Gotham" in proposals and example.title in proposals
    assert "Gotham" not in public.get("/api/search").get_json()["facets"]["kommun"]
    assert public.get("/kommun/Gotham").status_code == 404
    assert "Gotham" not in public.get("/kommun").get_data(as_text=True)
    assert "Gotham" not in {m["name"] for m in public.get("/api/municipalities").get_json()}
    assert library.audit_entries(document_id=doc.id)[0].action == "term.propose"


def test_a_known_value_takes_the_vocabulary_spelling(review_app: Flask) -> None:
    coordinator = review_app.test_client()
    token = login(coordinator)
    library = library_of(review_app)
    example = library.documents()[0].examples[0]
    url = f"/samordnare/exempel/{example.id}/taggar"
    for kind, typed, stored in (("focus_area", "psykisk  hälsa", "Psykisk hälsa"),
                                ("place", "rydaholm", "Rydaholm"),
                                ("actor", "Socialtjänst", "socialtjänst")):
        coordinator.post(url, data={"csrf_token": token, "kind": kind, "value": typed,
                                    "action": "add"})
        assert stored in library.example(example.id).values(kind)
    person = {"csrf_token": token, "kind": "person", "value": "Kim Berg", "action": "add"}
    coordinator.post(url, data=person)
    assert "Kim Berg" not in library.example(example.id).values("person")
    coordinator.post(url, data={**person, "role": "rektor"})
    assert "Kim Berg" in library.example(example.id).values("person")
    page = unescape(coordinator.get(f"/samordnare/dokument/{example.document_id}")
                    .get_data(as_text=True))
    assert '<datalist id="vokabular-municipality">' in page and '<option value="Aneby">' in page
    words = coordinator.get("/samordnare/vokabular/municipality?q=jön").get_json()
    assert words[0] == "Jönköping"


def test_a_tag_set_on_several_examples_at_once(review_app: Flask) -> None:
    coordinator = review_app.test_client()
    token = login(coordinator)
    library = library_of(review_app)
    first, second = library.documents()[:2]
    ids = [first.examples[0].id, second.examples[0].id]
    response = coordinator.post("/samordnare/inkorg/tagga", data={
        "csrf_token": token, "exempel": ids, "kind": "actor", "value": "bibliotek"})
    assert response.status_code == 302
    assert all("bibliotek" in library.example(i).values("actor") for i in ids)
    rows = library.audit_entries(action="tag.bulk")
    assert len(rows) == 2 and {r.lineage for r in rows} == {first.id, second.id}
    refused = coordinator.post("/samordnare/inkorg/tagga", follow_redirects=True, data={
        "csrf_token": token, "exempel": ids, "kind": "municipality", "value": "Gotham"})
    assert "finns inte bland Sveriges kommuner" in unescape(refused.get_data(as_text=True))


def test_the_audit_log_filters_and_exports(review_app: Flask) -> None:
    coordinator = review_app.test_client()
    token = login(coordinator)
    library = library_of(review_app)
    example = library.documents()[0].examples[0]
    coordinator.post(f"/samordnare/exempel/{example.id}/taggar", data={
        "csrf_token": token, "kind": "municipality", "value": "Habo", "action": "add"})
    library.set_review([example.document_id], True, user="bertil")
    page = unescape(coordinator.get("/samordnare/logg?anvandare=samordnare")
                    .get_data(as_text=True))
    assert "lade till municipality 'Habo'" in page and "bertil" not in page
    only = unescape(coordinator.get("/samordnare/logg?atgard=document").get_data(as_text=True))
    assert "satte att granska" in only and "'Habo'" not in only
    response = coordinator.get("/samordnare/logg?format=csv")
    assert response.mimetype == "text/csv"
    table = list(csv.reader(io.StringIO(response.get_data(as_text=True)[1:]), delimiter=";"))
    assert table[0][:4] == ["id", "tid", "användare", "åtgärd"]
    assert [r[3] for r in table[1:]] == ["document.review", "tag.add"]
    assert review_app.test_client().get("/samordnare/logg").status_code == 302  # login first


def test_a_proposed_intervention_becomes_a_term_and_a_tag(review_app: Flask) -> None:
    """A coordinator proposes "lekombud" for two examples; on the coordinator page it is
    added as a term of rastaktiviteter: both examples get the tag and search finds them by
    the new word. A proposed municipality can only be set aside."""
    coordinator, public = review_app.test_client(), review_app.test_client()
    token = login(coordinator)
    library = library_of(review_app)
    first, second = [d.examples[0] for d in library.documents()[:2]]
    # a word the thesaurus does not know yet, or it would be a tag, not a proposal
    assert not library.thesaurus.current().labelled("lekombud")
    for example in (first, second):
        coordinator.post(f"/samordnare/exempel/{example.id}/taggar", data={
            "csrf_token": token, "kind": "intervention", "value": "lekombud",
            "action": "add", "ny_term": "ja"})
        coordinator.post(f"/samordnare/exempel/{example.id}/taggar", data={
            "csrf_token": token, "kind": "municipality", "value": "Gotham",
            "action": "add", "ny_term": "ja"})
    home = coordinator.get("/samordnare").get_data(as_text=True)
    proposals = {p["value"]: p["id"] for p in library.term_proposals()}
    assert f"/samordnare/forslag/{proposals['lekombud']}/godta" in home
    assert f"/samordnare/forslag/{proposals['Gotham']}/godta" not in home  # the gazetteer

    done = coordinator.post(f"/samordnare/forslag/{proposals['lekombud']}/godta",
                            data={"csrf_token": token, "begrepp": "rastaktiviteter"},
                            follow_redirects=True)
    page = unescape(done.get_data(as_text=True))
    assert "Förslaget är en term för rastaktiviteter; 2 exempel fick taggen." in page, \
        page[page.find('class="flash'):][:300]
    for example in (first, second):
        assert "rastaktiviteter" in library.example(example.id).interventions
    hits = public.get("/api/search?q=lekombud&per_page=50").get_json()["results"]
    assert {first.id, second.id} <= {h["id"] for h in hits}
    assert "lekombud" not in {p["value"] for p in library.term_proposals()}

    coordinator.post(f"/samordnare/forslag/{proposals['Gotham']}/avvisa",
                     data={"csrf_token": token})
    assert library.term_proposals() == []
    assert [e.action for e in library.audit_entries(limit=2)] == ["term.reject", "term.accept"]
