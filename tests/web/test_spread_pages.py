"""The spread overview (concepts × municipalities), its downloads and the concept page's cells."""

from __future__ import annotations

import base64
import csv
import io
import re
from html import unescape

from flask.testing import FlaskClient
from openpyxl import load_workbook

from search.concepts import COUNTY
from search.library import Library

from .conftest import PASSWORD, USER, close_app, login, make_app

LABELS = {"Planerad", "Pågående", "Etablerad", "Avslutad", "Inte prövad"}


def test_the_matrix_has_every_county_municipality_and_links_cells(client: FlaskClient) -> None:
    page = client.get("/koncept/spridning")
    assert page.status_code == 200
    html = unescape(page.get_data(as_text=True))
    head = html[html.index("<thead>"):html.index("</thead>")]
    assert re.findall(r">([^<]+)</a></th>", head) == list(COUNTY)
    assert 'href="/koncept/kamratstod#kommun-gislaved"' in html
    assert "/koncept/spridning.xlsx" in html and "/koncept/spridning.csv" in html
    listing = client.get("/koncept").get_data(as_text=True)
    assert 'href="/koncept/spridning"' in listing


def test_csv_download(client: FlaskClient) -> None:
    response = client.get("/koncept/spridning.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Koncept", "Fokusområden", *COUNTY]
    assert len(rows) - 1 == len(client.get("/api/concepts").get_json())
    assert {value for row in rows[1:] for value in row[2:]} <= LABELS
    kamrat = next(row for row in rows if row[0] == "kamratstöd")
    assert kamrat[2 + COUNTY.index("Gislaved")] in {"Planerad", "Pågående", "Etablerad"}


def test_xlsx_download(client: FlaskClient) -> None:
    response = client.get("/koncept/spridning.xlsx")
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["Spridning", "Underlag"]
    matrix, evidence = book["Spridning"], book["Underlag"]
    assert [c.value for c in matrix[1]] == ["Koncept", "Fokusområden", *COUNTY]
    assert matrix.freeze_panes == "B2" and matrix["A1"].font.bold
    words = {c.value for row in matrix.iter_rows(min_row=2, min_col=3) for c in row}
    assert words <= LABELS and {"Pågående", "Inte prövad"} <= words
    head = [c.value for c in evidence[1]]
    assert head[:5] == ["Koncept", "Kommun", "Status", "Härledd status", "Exempel"]
    lines = [[c.value for c in row] for row in evidence.iter_rows(min_row=2)]
    assert lines and all(line[2] in LABELS for line in lines)
    gislaved = [line for line in lines if line[:2] == ["kamratstöd", "Gislaved"]]
    assert gislaved and sum(line[8] == "ja" for line in gislaved) == 1


def test_filter_by_focus_area_and_year(client: FlaskClient) -> None:
    everything = client.get("/api/spread").get_json()
    focus = client.get("/api/spread", query_string={"fokus": "Fysisk aktivitet"}).get_json()
    assert 0 < len(focus["rows"]) < len(everything["rows"])
    assert all("Fysisk aktivitet" in row["focus_areas"] for row in focus["rows"])
    early = client.get("/api/spread", query_string={"ar": 2021}).get_json()
    assert early["year"] == 2021 and 2021 in everything["years"]
    assert early["counts"]["not_tried"] > everything["counts"]["not_tried"]
    assert all(ev["year"] <= 2021 for row in early["rows"] for cell in row["cells"].values()
               for ev in cell["evidence"])
    page = client.get("/koncept/spridning?fokus=Fysisk+aktivitet&ar=2021")
    html = unescape(page.get_data(as_text=True))
    assert page.status_code == 200 and "slutet av 2021" in html
    rows = list(csv.reader(io.StringIO(client.get(
        "/koncept/spridning.csv?fokus=Fysisk+aktivitet").data.decode("utf-8-sig")),
        delimiter=";"))
    assert len(rows) - 1 == len(focus["rows"])
    assert client.get("/api/spread?ar=tjugo").status_code == 400
    assert client.get("/koncept/spridning?fokus=Okänt").status_code == 400
    assert client.get("/koncept/spridning.pdf").status_code == 404


def test_concept_page_shows_each_cell_with_its_evidence(client: FlaskClient) -> None:
    html = unescape(client.get("/koncept/kamratstod").get_data(as_text=True))
    section = html[html.index('id="kommun-gislaved"'):]
    section = section[:section.index("</section>")]
    assert "avgjorde" in section and 'data-status="not_tried"' not in section
    narvaro = unescape(client.get("/koncept/narvaroarbete").get_data(as_text=True))
    edges = narvaro[narvaro.index('<ul class="edges">'):]
    edges = re.findall(r"<li>(.*?)</li>", edges[:edges.index("</ul>")], re.S)
    pairs = [re.sub(r"<[^>]+>|\(\d{4}\)", "", e.split(" – ")[0]).split() for e in edges]
    assert len(pairs) == len({tuple(p) for p in pairs}) >= 2
    assert any(e.count("/exempel/") >= 2 for e in edges)
    gislaved = unescape(client.get("/kommun/Gislaved").get_data(as_text=True))
    untried = gislaved[gislaved.index('id="prova-rubrik"'):]
    assert ">kamratstöd<" not in untried


def test_override_with_reason_is_shown_and_kept_after_reindex(writable_client: FlaskClient,
                                                              writable_store) -> None:
    token = login(writable_client)
    url = "/koncept/kamratstod/kommun/Gislaved/status"
    assert writable_client.post(url, data={"status": "ended", "skal": "",
                                           "csrf_token": token}).status_code == 302
    page = unescape(writable_client.get("/koncept/kamratstod").get_data(as_text=True))
    assert "Ändrad av" not in page
    response = writable_client.post(url, data={
        "status": "ended", "skal": "Skolan lade ner kamratstödet i juni.", "csrf_token": token})
    assert response.status_code == 302 and response.location.endswith("#kommun-gislaved")
    cell = writable_client.get("/api/concepts/kamratstod").get_json()["spread"]["Gislaved"]
    assert cell["status"] == "ended" and cell["override"]["user"] == "samordnare"
    with Library(writable_store) as library:
        library.reindex()
    app = make_app(writable_store)
    try:
        fresh = app.test_client()
        page = unescape(fresh.get("/koncept/kamratstod").get_data(as_text=True))
        section = page[page.index('id="kommun-gislaved"'):]
        assert "Skolan lade ner kamratstödet i juni." in section
        assert 'data-status="ended"' in section and "Ändrad av samordnare" in section
        matrix = unescape(fresh.get("/koncept/spridning").get_data(as_text=True))
        assert "ändrad: Skolan lade ner kamratstödet i juni." in matrix
        token = login(fresh)
        fresh.post(url, data={"action": "remove", "csrf_token": token})
        cell = fresh.get("/api/concepts/kamratstod").get_json()["spread"]["Gislaved"]
        assert cell["override"] is None and cell["status"] == cell["derived"]
    finally:
        close_app(app)


def test_override_needs_a_coordinator(client: FlaskClient) -> None:
    response = client.post("/koncept/kamratstod/kommun/Gislaved/status",
                           data={"status": "ended", "skal": "x"})
    assert response.status_code in (302, 400, 401, 403)
    cell = client.get("/api/concepts/kamratstod").get_json()["spread"]["Gislaved"]
    assert cell["override"] is None


def test_override_through_the_api(writable_client: FlaskClient) -> None:
    url = "/api/spread/aktiv-skolvag/Eksjö"
    assert writable_client.put(url, data={"status": "planned", "reason": "x"}).status_code == 401
    auth = {"Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}
    bad = writable_client.put(url, data={"status": "kanske", "reason": "x"}, headers=auth)
    assert bad.status_code == 400
    assert writable_client.put("/api/spread/aktiv-skolvag/Borås", headers=auth,
                               data={"status": "planned", "reason": "x"}).status_code == 404
    cell = writable_client.put(url, headers=auth, data={
        "status": "planned", "reason": "Beslut i nämnden i maj"}).get_json()
    assert cell["status"] == "planned" and cell["override"]["reason"] == "Beslut i nämnden i maj"
    assert cell["override"]["user"] == USER
    row = next(r for r in writable_client.get("/api/spread").get_json()["rows"]
               if r["slug"] == "aktiv-skolvag")
    assert row["cells"]["Eksjö"]["status"] == "planned"
    cleared = writable_client.delete(url, headers=auth).get_json()
    assert cleared["override"] is None and cleared["status"] == cleared["derived"]
