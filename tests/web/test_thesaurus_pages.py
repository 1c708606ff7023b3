"""The thesaurus pages: coordinators see the concepts, add and remove terms and topics (with
who and when), and the next search uses the change. A real app over the corpus store."""

from __future__ import annotations

from html import unescape

from flask.testing import FlaskClient

from ingest.lexicon import MONTH_ABBREVIATIONS, MONTHS

from .conftest import USER, login

NEW_WORD = "lufsa"  # a word no corpus example has


def api_search(client: FlaskClient, q: str) -> dict:
    response = client.get("/api/search", query_string={"q": q})
    assert response.status_code == 200
    return response.get_json()


def add_term(client: FlaskClient, token: str, key: str, term: str, typ: str = "alt",
             nasta: str = "") -> str:
    response = client.post("/samordnare/tesaurus/termer", follow_redirects=True, data={
        "csrf_token": token, "begrepp": key, "term": term, "typ": typ, "nasta": nasta})
    assert response.status_code == 200
    return unescape(response.get_data(as_text=True))


def test_pages_need_a_coordinator(client: FlaskClient) -> None:
    for url in ("/samordnare/tesaurus", "/samordnare/tesaurus/narvaroarbete"):
        response = client.get(url)
        assert response.status_code == 302 and "/logga-in" in response.headers["Location"]


def test_list_finds_concepts_by_any_term(client: FlaskClient) -> None:
    login(client)
    page = unescape(client.get("/samordnare/tesaurus").get_data(as_text=True))
    for heading in ("Fokusområden", "Insatser", "Ämnen (problem och behov)"):
        assert heading in page
    found = unescape(client.get("/samordnare/tesaurus?q=hembesök").get_data(as_text=True))
    assert "gemensamma hembesök" in found and "läxhjälp</a>" not in found
    assert client.get("/samordnare/tesaurus/finns-inte").status_code == 404
    assert client.get("/samordnare/tesaurus/..%2Fetc").status_code == 404


def test_added_term_is_used_by_the_next_search_and_kept_in_history(
        writable_client: FlaskClient) -> None:
    client = writable_client
    before = api_search(client, NEW_WORD)
    assert not any("närvaroarbete" in h["interventions"] for h in before["results"])
    token = login(client)
    page = add_term(client, token, "narvaroarbete", NEW_WORD)
    assert f"Termen {NEW_WORD} lades till hos närvaroarbete" in page
    assert NEW_WORD in page and f"{USER}" in page  # the chip and the change with its author
    after = api_search(client, NEW_WORD)
    assert after["total"] > 0 and after["suggestion"] is None
    first = after["results"][0]
    assert "närvaroarbete" in first["interventions"] and first["via"] == ["närvaroarbete"]
    history = unescape(client.get("/samordnare/tesaurus").get_data(as_text=True))
    assert f"lade till synonymen <q>{NEW_WORD}</q> hos <a" in history

    page = unescape(client.post("/samordnare/tesaurus/narvaroarbete/termer/ta-bort",
                                data={"csrf_token": token, "term": NEW_WORD},
                                follow_redirects=True).get_data(as_text=True))
    assert f"Termen {NEW_WORD} togs bort från närvaroarbete" in page
    assert f"tog bort termen <q>{NEW_WORD}</q>" in page
    assert api_search(client, NEW_WORD)["total"] == before["total"]


def test_bad_terms_are_refused_with_a_reason(writable_client: FlaskClient) -> None:
    client = writable_client
    token = login(client)
    assert "Skriv en term med minst en bokstav." in add_term(client, token, "narvaroarbete", "  ")
    assert "har redan termen" in add_term(client, token, "narvaroarbete", "frånvaroarbete")
    assert "är redan namnet på begreppet läxhjälp" in add_term(
        client, token, "narvaroarbete", "Läxhjälp")
    assert "högst 5 ord" in add_term(client, token, "narvaroarbete", "ett två tre fyra fem sex")
    missing = client.post("/samordnare/tesaurus/termer",
                          data={"csrf_token": token, "begrepp": "finns-inte", "term": "x"})
    assert missing.status_code == 404
    no_token = client.post("/samordnare/tesaurus/termer",
                           data={"begrepp": "narvaroarbete", "term": "skolkare"})
    assert no_token.status_code == 400
    assert "skolkare" not in [e.label for e in _library(client).thesaurus.history()]


def _library(client: FlaskClient):  # noqa: ANN202
    return client.application.extensions["exempelbanken"].get()


def test_a_new_phrase_becomes_a_term_in_one_step(writable_client: FlaskClient) -> None:
    client = writable_client
    token = login(client)
    home = unescape(client.get("/samordnare").get_data(as_text=True))
    phrases = _library(client).new_phrases(limit=25)
    calendar = {*MONTHS, *MONTH_ABBREVIATIONS}  # "aug sep" in a table of dates is no phrase
    assert phrases and not any(set(p.split()) <= calendar for p, _ in phrases)
    phrase = phrases[0][0]
    assert f'name="term" value="{phrase}"' in home and "Lägg till som term" in home
    page = add_term(client, token, "rastaktiviteter", phrase, nasta="/samordnare#nya-fraser")
    assert f"Termen {phrase} lades till hos rastaktiviteter" in page
    assert phrase not in [p for p, _ in _library(client).new_phrases(limit=25)]


def test_a_new_topic_leads_to_its_interventions(writable_client: FlaskClient) -> None:
    client = writable_client
    token = login(client)
    assert api_search(client, "sorgbearbetning")["total"] == 0
    response = client.post("/samordnare/tesaurus/nytt-amne", follow_redirects=True, data={
        "csrf_token": token, "namn": "sorgbearbetning", "fokus": ["Psykisk hälsa"],
        "insats": ["föräldrastöd i grupp", "finns inte"],
        "beskrivning": "Familjer som har förlorat en närstående."})
    page = unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and "Ämnet sorgbearbetning lades till" in page
    assert "Familjer som har förlorat en närstående." in page and "föräldrastöd i grupp</a>" in page
    first = api_search(client, "sorgbearbetning")["results"][0]
    assert "föräldrastöd i grupp" in first["interventions"]
    assert "föräldrastöd i grupp" in first["via"]
    again = client.post("/samordnare/tesaurus/nytt-amne", follow_redirects=True,
                        data={"csrf_token": token, "namn": "Sorgbearbetning"})
    assert "finns redan" in unescape(again.get_data(as_text=True))


def test_a_skos_file_is_imported_from_the_page(writable_client: FlaskClient) -> None:
    import io

    client = writable_client
    token = login(client)
    turtle = client.get("/api/tesaurus.ttl").get_data().replace(
        b'skos:prefLabel "n\xc3\xa4rvaroarbete"@sv',
        b'skos:prefLabel "n\xc3\xa4rvaroarbete"@sv ; skos:altLabel "skolkjakt"@sv')
    assert b"skolkjakt" in turtle
    response = client.post("/samordnare/tesaurus/importera", follow_redirects=True, data={
        "csrf_token": token, "fil": (io.BytesIO(turtle), "annan-region.ttl")})
    page = unescape(response.get_data(as_text=True))
    n = len(_library(client).thesaurus.current().concepts)
    assert f"annan-region.ttl: {n} begrepp i filen, {n} fanns redan, 1 nya termer" in page
    assert "lade till synonymen <q>skolkjakt</q>" in page
    broken = client.post("/samordnare/tesaurus/importera", follow_redirects=True, data={
        "csrf_token": token, "fil": (io.BytesIO(b"inte rdf alls {"), "fel.ttl")})
    assert 'class="flash flash-fel"' in broken.get_data(as_text=True)
    assert [e.label for e in _library(client).thesaurus.history()] == ["skolkjakt"]
