"""Concepts across municipalities, team history, inspiration and users."""

from __future__ import annotations


def test_concept_status_per_municipality(small_library) -> None:
    concept = small_library.concept("gemensamma-hembesok")
    assert concept is not None
    assert concept["status"]["Nässjö"] == "practised"
    assert concept["status"]["Gnosjö"] == "planned"
    assert concept["status"]["Aneby"] == "none"
    assert len(concept["status"]) == 13
    assert concept["first_year"] == {"Nässjö": 2022}
    assert {"from": "Nässjö", "to": "Gnosjö"} in [
        {"from": e["from"], "to": e["to"]} for e in concept["inspiration"]]


def test_concepts_list(small_library) -> None:
    concepts = small_library.concepts()
    slugs = {c["slug"] for c in concepts}
    assert {"gemensamma-hembesok", "narvaroarbete"} <= slugs
    narvaro = next(c for c in concepts if c["slug"] == "narvaroarbete")
    assert narvaro["examples"] == 2 and set(narvaro["practised"]) == {"Jönköping", "Sävsjö"}
    assert small_library.concept("finns-inte") is None


def test_municipality_view(small_library) -> None:
    view = small_library.municipality("nässjö")
    assert view["name"] == "Nässjö"
    assert [e["title"] for e in view["examples"]] == ["Gemensamma hembesök i Nässjö"]
    assert "gemensamma-hembesok" in [c["slug"] for c in view["practised"]]
    not_tried = {c["slug"] for c in view["not_tried"]}
    assert "narvaroarbete" in not_tried and "gemensamma-hembesok" not in not_tried
    assert view["inspired"] == ["Gnosjö"]
    assert len([m for m in small_library.municipalities() if m["county"]]) == 13
    assert small_library.municipality("Atlantis") is None


def test_inspired(small_library) -> None:
    gnosjo = small_library.search("", {"kommun": ["Gnosjö"]}).hits[0]
    info = small_library.inspired(gnosjo["id"])
    assert info["inspired_by"][0]["municipality"] == "Nässjö"
    assert [e["title"] for e in info["inspired_by"][0]["examples"]] == [
        "Gemensamma hembesök i Nässjö"]
    nassjo = small_library.search("", {"kommun": ["Nässjö"]}).hits[0]
    assert [e["title"] for e in small_library.inspired(nassjo["id"])["inspired"]] == [
        "Gemensamma hembesök startar i Gnosjö"]


def test_team_history(small_library) -> None:
    history = small_library.team_history("attarpsskolan")
    assert [e.title for e in history] == ["Närvaro i skolan på Attarpsskolan"]


def test_users(tmp_path) -> None:
    import pytest

    from search.errors import InvalidRequestError
    from search.library import Library

    with Library(tmp_path / "data") as lib:
        lib.add_user("samordnare", "hemligt-lösen-1")
        assert lib.check_user("samordnare", "hemligt-lösen-1")
        assert not lib.check_user("samordnare", "fel")
        assert not lib.check_user("okänd", "hemligt-lösen-1")
        row = lib.catalogue.conn().execute("SELECT password_hash FROM users").fetchone()[0]
        assert "hemligt" not in row
        with pytest.raises(InvalidRequestError):
            lib.add_user("x", "kort")
