"""Inspiration stated in other words than "inspiration från": "hämtat från", "idén kommer
från", "tog idén från", a study visit, a place the team visited ("som teamet besökte"). The
place the idea came from is inspired_by, the team's own municipality stays its own, and an
expression reaches only the places named right after it. Texts written for these tests."""

from __future__ import annotations

import pytest

from ingest.tagging import tag_text


def _kinds(text: str) -> tuple[list[str], list[str]]:
    tags = tag_text(text)
    return ([t.value for t in tags if t.kind == "municipality"],
            [t.value for t in tags if t.kind == "inspired_by"])


@pytest.mark.parametrize(("text", "own", "inspired"), [
    ("Idén med läxcaféet är hämtad från Mullsjö, där biblioteket haft läxhjälp i flera år. "
     "Nu startar vi i Habo.", ["Habo"], ["Mullsjö"]),
    ("Upplägget är hämtat från Eksjö. Familjecentralen i Tranås har startat en pappagrupp.",
     ["Tranås"], ["Eksjö"]),
    ("Idén kommer från Gislaved. Familjecentralen i Tranås har nu startat öppen förskola.",
     ["Tranås"], ["Gislaved"]),
    # the idea by another noun, taken or borrowed from a place
    ("Fritidsgården i Habo har startat ett lovprogram. Tanken kommer från Mullsjö, där "
     "ungdomarna själva planerar loven.", ["Habo"], ["Mullsjö"]),
    ("Läxhjälpen på biblioteket i Sävsjö är igång. Upplägget är taget från Eksjös "
     "läxcafé.", ["Sävsjö"], ["Eksjö"]),
    ("Skolan i Aneby har börjat med rastvärdar. Upplägget lånade vi av Ekhagsskolan i "
     "Vaggeryd.", ["Aneby"], ["Vaggeryd"]),
    ("Rastaktiviteterna i Vetlanda bygger på arbetet som teamet besökte i Växjö förra våren.",
     ["Vetlanda"], ["Växjö"]),
    ("Teamet på Östanåskolan i Vetlanda tog idén från en skola i Jönköping som de besökte "
     "förra våren.", ["Vetlanda"], ["Jönköping"]),
    ("Skolan i Aneby skickar sms vid frånvaro, efter en skola i Linköping som teamet besökte.",
     ["Aneby"], ["Linköping"]),
])
def test_inspiration_in_other_words(text: str, own: list[str], inspired: list[str]) -> None:
    assert _kinds(text) == (own, inspired)


def test_a_study_visit_reaches_only_the_places_named_after_it() -> None:
    text = "Efter ett studiebesök i Linköping startade Norrskolan i Gnosjö ett närvaroteam."
    assert _kinds(text) == (["Gnosjö"], ["Linköping"])
    text = ("Efter ett studiebesök på Araby i Växjö startade skolan i Landsbro i Vetlanda "
            "ett allaktivitetshus.")
    assert _kinds(text) == (["Vetlanda"], ["Växjö"])


def test_places_listed_after_the_expression_are_all_sources() -> None:
    text = "Teamet i Habo har hämtat idéer från Mullsjö och Tranås."
    assert _kinds(text) == (["Habo"], ["Mullsjö", "Tranås"])


def test_a_home_visit_is_not_a_study_visit() -> None:
    text = ("Barnmorskan besökte familjen i Nässjö tillsammans med socialsekreteraren. "
            "Hembesöken i Nässjö fortsätter.")
    assert _kinds(text) == (["Nässjö"], [])


def test_a_second_source_after_and() -> None:
    text = ("Rutinen i Jönköping bygger på det utökade hembesöksprogrammet på Råslätt och på de "
            "gemensamma hembesöken i Nässjö.")
    assert _kinds(text) == (["Jönköping"], ["Nässjö"])
    text = "Idén kommer från Mullsjö, och nu startar vi samma sak i Habo."
    assert _kinds(text) == (["Habo"], ["Mullsjö"])
