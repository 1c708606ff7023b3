"""Team identity: one key for the variants of a team's name."""

from __future__ import annotations

from ingest.model import Example
from ingest.tagging import team_key
from ingest.tagging.pipeline import tag_example


def test_school_spelling_variants_share_a_key() -> None:
    assert team_key("Attarpsskolan") == team_key("Attarpskolan") == team_key("ATTARPSSKOLAN")


def test_unit_in_place_and_genitive_share_a_key() -> None:
    assert team_key("Familjecentralen i Rydaholm") == team_key("Rydaholms familjecentral")
    assert team_key("Elevhälsocentralen i Vetlanda") == team_key("Vetlandas elevhälsocentral")


def test_different_teams_differ() -> None:
    assert team_key("Familjecentralen i Rydaholm") != team_key("Familjecentralen i Mullsjö")
    assert team_key("Attarpsskolan") != team_key("Runnskolan")


def test_tag_example_sets_team_and_key() -> None:
    example = Example(
        id="d-1", document_id="d", title="Närvaroarbete på Attarpsskolan",
        text="Attarpsskolan i Huskvarna skickar sms till vårdnadshavare vid frånvaro.",
    )
    tag_example(example)
    assert example.team == "Attarpsskolan"
    assert example.team_key == team_key("Attarpskolan")
    assert example.municipalities == ["Jönköping"]


def test_unit_and_place_without_preposition() -> None:
    assert team_key("Familjecentralen Rydaholm") == team_key("Familjecentralen i Rydaholm")
    assert team_key("Team Familjecentralen Mullsjö") == team_key("Familjecentralen i Mullsjö")


def test_team_from_a_poster_byline() -> None:
    example = Example(
        id="d-1", document_id="d", title="Varje dag räknas",
        text="Varje dag räknas\nNärvaroteamet Kvarnskolan · Vetlanda kommun\n\nBakgrund\n"
             "Frånvaron ökade bland eleverna i årskurs 7.",
    )
    tag_example(example)
    assert example.team == "Närvaroteamet Kvarnskolan"
    assert example.municipalities == ["Vetlanda"]


def test_joint_units_and_units_with_team_words() -> None:
    assert team_key("Landsbro skola och fritidsgård") == team_key("Landsbro skola")
    assert team_key("Samverkansteamet i Eksjö") == team_key("Samverkansteamet Eksjö")
    assert team_key("Elevhälsocentralen") != team_key("Vårdcentralen")
