"""A family centre that acts ("Familjecentralen i Gislaved har startat …") or is the workplace
of the example's people ("kurator på Habo familjecentral", "arbetar på familjecentralen") is
the team's own practice: its intervention and actor with one mention, like a school. A family
centre only mentioned ("när familjecentralens uppdrag slutar") stays context. Texts written for
these tests."""

from __future__ import annotations

import pytest

from ingest.tagging import tag_text


def _tags(text: str, kind: str) -> list[str]:
    return [t.value for t in tag_text(text) if t.kind == kind and not t.proposed]


@pytest.mark.parametrize("text", [
    "Familjecentralen i Gislaved har startat ett kafé för nyanlända föräldrar.",
    "Mammacafé i Gislaved – Familjecentralen i Gislaved bjuder in till fika varje torsdag.",
    "Förskolan och familjecentralen vill erbjuda föräldrar Trygghetscirkeln.",
    "Per är kurator på Habo familjecentral och leder föräldragrupperna.",
    "Emma Karlsson arbetar på familjecentralen i Mullsjö och leder pappagruppen.",
    "Emma Karlsson, samordnare för familjecentralen i Mullsjö, berättade om pappagruppen.",
])
def test_a_family_centre_that_acts_is_the_teams_own(text: str) -> None:
    assert "familjecentral" in _tags(text, "intervention")
    assert "familjecentral" in _tags(text, "actor")


@pytest.mark.parametrize("text", [
    "När barnen börjar förskoleklass upphör familjecentralens uppdrag. Skolan tar vid.",
    "Familjer som fått stöd på familjecentralen ska inte tappas bort i skolan.",
])
def test_a_family_centre_mentioned_in_passing_is_context(text: str) -> None:
    assert "familjecentral" not in _tags(text, "intervention")


def test_the_pupil_health_centre_that_takes_over_is_not_a_family_centre() -> None:
    text = ("Elevhälsocentralen tar vid efter familjecentralen. I dag har familjecentralen god "
            "kontakt med familjerna fram till skolstarten, men sedan tappas många bort. "
            "Teamet har startat en elevhälsocentral på Norrskolan.")
    found = _tags(text, "intervention")
    assert "elevhälsocentral" in found
    assert "familjecentral" not in found


def test_an_open_preschool_that_acts_is_an_actor() -> None:
    text = ("Den öppna förskolan i Hestra har startat sångstunder för nyanlända familjer. "
            "Öppna förskolans pedagoger leder stunderna varje onsdag.")
    assert "öppen förskola" in _tags(text, "actor")
