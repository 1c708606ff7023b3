"""Concept sheets through the Flask app: a coordinator makes one from examples, accepts
proposals (the form without its script), publishes it; the public concept page, its JSON, the
history and the printable PDF."""

from __future__ import annotations

import io
import re
import time

from flask.testing import FlaskClient
from pypdf import PdfReader

from tests.test_contract import assert_fields

from .conftest import login

HEMBESOK = "gemensamma-hembesok"


def _two_examples(client: FlaskClient) -> list[str]:
    page = client.get("/samordnare/koncept?q=hembesök").get_data(as_text=True)
    ids = re.findall(r'name="exempel" value="([^"]+)"', page)
    assert len(ids) >= 2, page[:2000]
    return ids[:2]


def _create(client: FlaskClient, token: str, name: str = "Hembesök tillsammans") -> str:
    ids = _two_examples(client)
    response = client.post("/samordnare/koncept",
                           data={"csrf_token": token, "exempel": ids, "namn": name})
    assert response.status_code == 302
    return response.headers["Location"]


def test_sheet_pages_need_a_coordinator(client: FlaskClient) -> None:
    assert client.get("/samordnare/koncept").status_code in (302, 401)
    assert client.get("/samordnare/koncept/x.json").status_code in (302, 401)
    assert client.get("/koncept/finns-inte").status_code == 404
    assert client.get("/koncept/finns-inte/blad.pdf").status_code == 404


def test_create_accept_publish_and_history(writable_client: FlaskClient) -> None:
    client = writable_client
    token = login(client)
    edit = _create(client, token)
    assert edit.endswith("/samordnare/koncept/hembesok-tillsammans")
    data = client.get(edit + ".json").get_json()
    sheet, proposals = data["sheet"], data["proposals"]
    assert sheet["state"] == "utkast" and len(sheet["examples"]) == 2
    effect = {c["key"]: c for c in sheet["checklist"]}["effekt"]
    assert (effect["status"], effect["missing"]) == ("missing", ["Resultat"])
    assert_fields("Concept sheet", sheet)  # docs/CONTRACT.md lists the fields
    assert_fields("Sheet fields", sheet["fields"])
    assert [c["key"] for c in sheet["checklist"]][:3] == ["relevans", "utvardering", "effekt"]
    assert proposals["lessons"], proposals  # the examples have Lärdomar/Utmaningar sections
    lesson = proposals["lessons"][0]
    assert lesson["example_id"] in {e["id"] for e in sheet["examples"]}
    assert lesson["section"] and lesson["text"]

    page = client.get(edit).get_data(as_text=True)
    assert 'value="lessons:0"' in page and lesson["section"] in page
    # not published yet: the public page is the intervention's or nothing
    assert client.get("/koncept/hembesok-tillsammans").status_code == 404

    ids = [e["id"] for e in sheet["examples"]]
    form = {"csrf_token": token, "name": "Hembesök tillsammans", "exempel": ids,
            "description": "BVC och socialtjänsten gör hembesök tillsammans.",
            "first_steps": "Boka ett första möte mellan BVC och socialtjänsten.",
            "results": "Andelen gemensamma besök ökade till 80 procent.",
            "anvand": "lessons:0"}
    response = client.post(edit, data=form)
    assert response.status_code == 302 and "#falt-lessons" in response.headers["Location"]
    saved = client.get(edit + ".json").get_json()
    assert lesson["text"] in saved["sheet"]["fields"]["lessons"]
    assert saved["proposals"]["lessons"][0]["used"] is True
    checklist = {c["key"]: c for c in saved["sheet"]["checklist"]}
    assert checklist["effekt"]["status"] == "ok"
    assert "Kort beskrivning" in checklist["relevans"]["known"]

    response = client.post(edit + "/status", data={"csrf_token": token, "status": "publicerad"})
    assert response.headers["Location"].endswith("/koncept/hembesok-tillsammans")
    public = client.get("/koncept/hembesok-tillsammans").get_data(as_text=True)
    assert public.index("Så kommer ni igång") < public.index("Exemplen bakom konceptet")
    assert "Boka ett första möte mellan BVC och socialtjänsten." in public
    assert lesson["text"] in public
    listed = client.get("/koncept").get_data(as_text=True)
    assert "Hembesök tillsammans" in listed
    body = client.get("/koncept/hembesok-tillsammans.json").get_json()
    assert body["sheet"]["state"] == "publicerad" and body["concept"] is None

    history = client.get(edit + "/historik.json").get_json()["versions"]
    assert [v["version"] for v in history] == [3, 2, 1]
    assert history[0]["changed"] == ["state"] and history[0]["user"] == "samordnare"
    assert set(history[1]["changed"]) == {"description", "first_steps", "lessons", "results"}
    page = client.get(edit + "/historik").get_data(as_text=True)
    assert "Lärdomar och fallgropar" in page and "Version 2" in page

    client.post(edit + "/status", data={"csrf_token": token, "status": "utkast"})
    assert client.get("/koncept/hembesok-tillsammans").status_code == 404


def test_curated_intervention_shows_its_sheet_first(writable_client: FlaskClient) -> None:
    client = writable_client
    token = login(client)
    before = client.get(f"/koncept/{HEMBESOK}").get_data(as_text=True)
    assert "Så kommer ni igång" not in before and "Gör ett konceptblad" in before
    response = client.post("/samordnare/koncept", data={
        "csrf_token": token, "koncept": HEMBESOK, "namn": "Gemensamma hembesök"})
    edit = response.headers["Location"]
    assert edit.endswith(f"/samordnare/koncept/{HEMBESOK}")
    sheet = client.get(edit + ".json").get_json()["sheet"]
    concept = client.get(f"/api/concepts/{HEMBESOK}").get_json()
    assert {e["id"] for e in sheet["examples"]} == {e["id"] for e in concept["examples"]}
    client.post(edit, data={"csrf_token": token, "name": "Gemensamma hembesök",
                            "description": sheet["fields"]["description"],
                            "first_steps": "Ring familjecentralen.", "costs": "Två timmar",
                            "exempel": [e["id"] for e in sheet["examples"]]})
    client.post(edit + "/status", data={"csrf_token": token, "status": "publicerad"})
    page = client.get(f"/koncept/{HEMBESOK}").get_data(as_text=True)
    assert page.index("Så kommer ni igång") < page.index("I länet")  # the sheet first
    assert "Ring familjecentralen." in page and "Redigera konceptbladet" in page
    # the concept list marks it
    assert "Konceptblad" in client.get("/koncept").get_data(as_text=True)


def test_printable_sheet_is_an_a4_pdf_with_the_fields(writable_client: FlaskClient) -> None:
    client = writable_client
    token = login(client)
    edit = _create(client, token, "Trygga hembesök")
    ids = [e["id"] for e in client.get(edit + ".json").get_json()["sheet"]["examples"]]
    client.post(edit, data={
        "csrf_token": token, "name": "Trygga hembesök", "exempel": ids,
        "description": "Hembesök av BVC och socialtjänst tillsammans.",
        "first_steps": "Bjud in socialtjänsten till BVC-teamets möte.",
        "costs": "Ingen extra kostnad utöver arbetstid.", "owner_team": "BVC Öxnehaga",
        "coach": "Programmets coach på Qulturum", "results": "Elva av fjorton besök gemensamma."})
    client.post(edit + "/status", data={"csrf_token": token, "status": "publicerad"})
    started = time.monotonic()
    response = client.get("/koncept/trygga-hembesok/blad.pdf")
    seconds = time.monotonic() - started
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert seconds < 30
    reader = PdfReader(io.BytesIO(response.data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for expected in ("Trygga hembesök", "Så kommer ni igång",
                     "Bjud in socialtjänsten till BVC-teamets möte.",
                     "Ingen extra kostnad utöver arbetstid.", "BVC Öxnehaga",
                     "Programmets coach på Qulturum", "Elva av fjorton besök gemensamma.",
                     "Överförbarhet", "Jämlikhet", "Samverkan"):
        assert expected in text, expected
    titles = client.get("/koncept/trygga-hembesok.json").get_json()["sheet"]["examples"]
    for example in titles:
        assert " ".join(example["title"].split()[:3]) in text
    again = client.get("/koncept/trygga-hembesok/blad.pdf")
    assert again.data == response.data  # kept, not made again


def test_bad_input_is_refused_with_a_message(writable_client: FlaskClient) -> None:
    client = writable_client
    token = login(client)
    response = client.post("/samordnare/koncept", data={"csrf_token": token, "namn": "X"},
                           follow_redirects=True)
    assert "Välj minst ett exempel" in response.get_data(as_text=True)
    edit = _create(client, token, "Ett till")
    response = client.post(edit + "/status", data={"csrf_token": token,
                                                   "status": "publicerad"},
                           follow_redirects=True)
    assert "kort beskrivning" in response.get_data(as_text=True)
    response = client.post(edit, data={"csrf_token": token, "name": "Ett till",
                                       "anvand": "lessons:999"}, follow_redirects=True)
    assert "Förslaget finns inte längre" in response.get_data(as_text=True)
    assert client.post(edit, data={"name": "utan token"}).status_code == 400
    client.post(edit, data={"csrf_token": token, "name": "Ett till", "costs": "Inga",
                            "version": "1"})
    response = client.post(edit, data={"csrf_token": token, "name": "Ett till",
                                       "costs": "Gammal", "version": "1"},
                           follow_redirects=True)
    assert "sparade version 2 medan du skrev" in response.get_data(as_text=True)
    assert client.get(edit + ".json").get_json()["sheet"]["fields"]["costs"] == "Inga"
