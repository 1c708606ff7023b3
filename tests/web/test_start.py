"""The new team's page: concepts that fit, the nearest examples first, and whom to contact."""

from __future__ import annotations

from ingest.lexicon import COUNTY_MUNICIPALITIES, COUNTY_NEIGHBOURS


def test_neighbours_are_symmetric_and_within_the_county() -> None:
    assert set(COUNTY_NEIGHBOURS) == set(COUNTY_MUNICIPALITIES)
    for name, neighbours in COUNTY_NEIGHBOURS.items():
        assert neighbours and name not in neighbours
        assert all(name in COUNTY_NEIGHBOURS[other] for other in neighbours)


def test_a_team_in_gislaved_gets_concepts_near_examples_and_contacts(client) -> None:
    r = client.get("/api/start", query_string={"kommun": "Gislaved",
                                                "text": "hur minskar vi skolfrånvaron"})
    assert r.status_code == 200
    plan = r.get_json()
    assert plan["concepts"][0]["name"] == "närvaroarbete"
    assert plan["concepts"][0]["why"] == "Era ord nämner det"
    distances = [g["distance"] for g in plan["groups"]]
    assert distances == sorted(distances) and len(set(distances)) == len(distances)
    for group in plan["groups"]:
        for hit in group["hits"]:
            if group["distance"] == 0:
                assert "Gislaved" in hit["municipalities"]
            elif group["distance"] == 1:
                assert not {"Gnosjö", "Värnamo"}.isdisjoint(hit["municipalities"])
                assert "Gislaved" not in hit["municipalities"]
    firsts = [g["hits"][0] for g in plan["groups"]]
    assert any("närvaroarbete" in hit["interventions"] for hit in firsts)
    shown = {h["id"] for g in plan["groups"] for h in g["hits"]}
    assert plan["contacts"] and all(c["example_id"] in shown for c in plan["contacts"])
    names = [c["name"].casefold() for c in plan["contacts"]]
    assert len(names) == len(set(names))


def test_the_page_shows_the_plan_and_refuses_unknown_municipalities(client) -> None:
    page = client.get("/starta", query_string={"kommun": "Tranås",
                                               "text": "rörelse varje dag i förskolan"})
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    for heading in ("Koncept som passar", "De närmaste exemplen", "Vilka ni kan kontakta",
                    "I Tranås", "I grannkommunerna (Aneby, Eksjö)"):
        assert heading in text
    assert client.get("/starta").status_code == 200
    bad = client.get("/starta", query_string={"kommun": "Gotham", "text": "skolk"})
    assert bad.status_code == 400 and "Välj en av länets 13 kommuner" in bad.get_data(True)
    empty = client.get("/api/start", query_string={"kommun": "Habo", "text": " ?! "})
    assert empty.status_code == 400 and "vad ni vill förbättra" in empty.get_json()["error"]
