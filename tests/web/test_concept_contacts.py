"""A concept page names who to ask, also for an automatic concept: "Ägare" (the teams behind its
examples) and "Programmets coach" (the coaches the examples' posters name: "Processtöd: Karin
Falk, Folkhälsa och sjukvård" on the Hillerstorp poster of the bundled corpus). A coach is no
person of the example's team; hiding or erasing her takes her off the concept; a published
sheet's own contact fields win."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.web.conftest import login

RAST = "rastaktiviteter"  # the Hillerstorp poster names its coach; two more teams practise it
FAMILY = "familjecentral"  # the Kompassen poster: "Processledare: Jonas Berg, Kommunal utveckling"
COACH = "Karin Falk"


def _contacts(client: FlaskClient, slug: str) -> dict:
    response = client.get(f"/koncept/{slug}.json")
    assert response.status_code == 200
    return response.get_json()


def _coach_example(client: FlaskClient, slug: str, name: str) -> str:
    coach = next(c for c in _contacts(client, slug)["contacts"]["coaches"] if c["name"] == name)
    return coach["example_ids"][0]


def test_concept_names_its_coach_and_owners(client: FlaskClient) -> None:
    data = _contacts(client, RAST)
    coaches = data["contacts"]["coaches"]
    assert [c["name"] for c in coaches] == [COACH]
    assert coaches[0]["role"] == "processtöd"
    assert coaches[0]["organisation"] == "Folkhälsa och sjukvård"
    assert data["concept"]["coaches"] == coaches
    owners = data["contacts"]["owners"]
    assert owners and owners[0]["team"] == "Hillerstorpsskolan och Hillerstorps IK"
    assert owners[0]["municipalities"] == ["Gnosjö"] and owners[0]["since"] == 2021
    assert {o["team"] for o in owners} >= {"Furulidskolan"}
    page = client.get(f"/koncept/{RAST}").get_data(as_text=True)
    assert "Ägare" in page and "Programmets coach" in page
    assert COACH in page and "Folkhälsa och sjukvård" in page
    assert f'href="/exempel/{owners[0]["example_id"]}"' in page
    assert "Jonas Berg" in _contacts(client, FAMILY)["contacts"]["coaches"][0]["name"]


def test_a_coach_is_not_one_of_the_teams_persons(client: FlaskClient) -> None:
    ex_id = _coach_example(client, RAST, COACH)
    example = client.get(f"/api/examples/{ex_id}").get_json()
    assert [c["name"] for c in example["coaches"]] == [COACH]
    assert COACH not in [p["name"] for p in example["persons"]]
    assert example["persons"]  # the team's own people are still there
    other = client.get(f"/api/examples/{_coach_example(client, FAMILY, 'Jonas Berg')}")
    assert "Jonas Berg" not in [p["name"] for p in other.get_json()["persons"]]
    assert client.get("/person/karin-falk").status_code == 404


def test_erasing_a_coach_takes_her_off_the_concept(writable_client: FlaskClient) -> None:
    client = writable_client
    ex_id = _coach_example(client, RAST, COACH)
    token = login(client)
    export = client.get("/samordnare/personer/export", query_string={"namn": COACH}).get_json()
    assert ex_id in {e["id"] for e in export["examples"]}
    erased = client.post("/samordnare/personer/radera",
                         data={"namn": COACH, "bekrafta": "ja", "csrf_token": token})
    assert erased.status_code == 302
    assert _contacts(client, RAST)["contacts"]["coaches"] == []
    client.post("/logga-ut", data={"csrf_token": token})
    assert COACH not in client.get(f"/koncept/{RAST}").get_data(as_text=True)
    assert client.get(f"/api/examples/{ex_id}").get_json()["coaches"] == []


def test_hiding_a_coach_takes_her_off_the_concept(writable_client: FlaskClient) -> None:
    client = writable_client
    ex_id = _coach_example(client, FAMILY, "Jonas Berg")
    token = login(client)
    response = client.post(f"/samordnare/exempel/{ex_id}/dolj",
                           data={"namn": "Jonas Berg", "csrf_token": token})
    assert response.status_code == 302
    assert "Jonas Berg" not in [c["name"] for c in
                                _contacts(client, FAMILY)["contacts"]["coaches"]]
    client.get(f"/koncept/{FAMILY}")  # shows the message "Jonas Berg är dold på exemplet."
    assert "Jonas Berg" not in client.get(f"/koncept/{FAMILY}").get_data(as_text=True)


def test_a_published_sheets_contacts_win(writable_client: FlaskClient) -> None:
    client = writable_client
    token = login(client)
    edit = client.post("/samordnare/koncept", data={
        "csrf_token": token, "koncept": RAST, "namn": "Rastaktiviteter"}).headers["Location"]
    sheet = client.get(edit + ".json").get_json()["sheet"]
    client.post(edit, data={"csrf_token": token, "name": "Rastaktiviteter",
                            "description": "Lekar och spel på rasten, ledda av äldre elever.",
                            "coach": "Eva Ek, Qulturum",
                            "exempel": [e["id"] for e in sheet["examples"]]})
    client.post(edit + "/status", data={"csrf_token": token, "status": "publicerad"})
    contacts = _contacts(client, RAST)["contacts"]
    assert contacts["coach"] == "Eva Ek, Qulturum" and contacts["coaches"] == []
    assert contacts["owner_team"] is None and contacts["owners"]  # the sheet gives no team
    page = client.get(f"/koncept/{RAST}").get_data(as_text=True)
    assert "Eva Ek, Qulturum" in page and COACH not in page


def test_the_newcomers_plan_names_the_concepts_coach(client: FlaskClient) -> None:
    plan = client.get("/api/start", query_string={
        "kommun": "Vaggeryd", "text": "rastaktiviteter så att ingen står ensam på rasten"})
    assert plan.status_code == 200
    data = plan.get_json()
    rast = next(c for c in data["concepts"] if c["slug"] == RAST)
    assert rast["coach"] == "Karin Falk, processtöd, Folkhälsa och sjukvård"
    assert COACH not in [c["name"] for c in data["contacts"]]
    page = client.get("/starta", query_string={
        "kommun": "Vaggeryd", "text": "rastaktiviteter så att ingen står ensam på rasten"})
    assert f"Programmets coach: {rast['coach']}" in page.get_data(as_text=True)


def test_an_examples_page_lists_its_coach_for_a_coordinator_to_hide(
        writable_client: FlaskClient) -> None:
    client = writable_client
    ex_id = _coach_example(client, FAMILY, "Jonas Berg")
    page = client.get(f"/exempel/{ex_id}").get_data(as_text=True)
    contact = page[page.index('id="personer-rubrik"'):page.index('id="taggar-rubrik"')]
    assert "Jonas Berg" in contact and "(programmets coach)" in contact
    token = login(client)
    page = client.get(f"/exempel/{ex_id}").get_data(as_text=True)
    contact = page[page.index('id="personer-rubrik"'):page.index('id="taggar-rubrik"')]
    assert '<input type="hidden" name="namn" value="Jonas Berg">' in contact
    response = client.post(f"/samordnare/exempel/{ex_id}/dolj",
                           data={"namn": "Jonas Berg", "csrf_token": token})
    assert response.status_code == 302
    client.post("/logga-ut", data={"csrf_token": token})
    assert "Jonas Berg" not in client.get(f"/exempel/{ex_id}").get_data(as_text=True)
