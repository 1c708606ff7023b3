"""Municipalities and places: genitives, localities, ambiguous names, county vs municipality."""

from __future__ import annotations

from ingest.lexicon import COUNTY, COUNTY_MUNICIPALITIES
from ingest.tagging import municipalities, tag_text


def values(text: str, kind: str) -> list[str]:
    return [t.value for t in tag_text(text) if t.kind == kind]


def test_all_290_municipalities_with_county() -> None:
    munis = municipalities()
    assert len(munis) == 290
    assert len({name for name, _ in munis}) == 290
    home = [name for name, county in munis if county == COUNTY]
    assert sorted(home) == sorted(COUNTY_MUNICIPALITIES)
    assert ("Växjö", "Kronobergs län") in munis


def test_genitive_and_kommun() -> None:
    assert values("Nässjös familjecentraler har börjat med gemensamma hembesök.",
                  "municipality") == ["Nässjö"]
    assert values("Arbetet sker i Jönköpings kommun sedan i höstas.",
                  "municipality") == ["Jönköping"]


def test_county_is_not_a_municipality() -> None:
    text = "Region Jönköpings län stöttar teamen. Alla kommuner i Jönköpings län deltar."
    assert values(text, "municipality") == []


def test_localities_map_to_their_municipality() -> None:
    text = "Familjecentralen i Rydaholm har öppnat igen. Även i Rydaholm kommer fler familjer."
    assert values(text, "municipality") == ["Värnamo"]
    assert values(text, "place") == ["Rydaholm"]
    assert values("Skolorna i Huskvarna och på Öxnehaga deltar.", "municipality") == ["Jönköping"]


def test_ambiguous_names_need_context() -> None:
    assert values("Barnen ska vara med och bestämma. Mark och berg är fina.",
                  "municipality") == []
    assert values("Vara med på träffen i Skara!", "municipality") == ["Skara"]
    assert values("Ett team i Mark har provat samma sak. I Mark fortsätter arbetet.",
                  "municipality") == ["Mark"]


def test_inspiration_is_not_the_own_municipality() -> None:
    text = (
        "Gemensamma hembesök startar i Gnosjö. Teamet i Gnosjö tog inspiration från Nässjö "
        "men anpassade arbetet. Barnhälsovården i Gnosjö gör besöken."
    )
    tags = tag_text(text)
    assert [t.value for t in tags if t.kind == "municipality"] == ["Gnosjö"]
    assert [t.value for t in tags if t.kind == "inspired_by"] == ["Nässjö"]


def test_inspiration_from_a_district_outside_the_county() -> None:
    text = (
        "I Landsbro har skolan och fritidsgården slagit sig samman. Idén kommer från en skola "
        "i Araby i Växjö som teamet besökte under hösten."
    )
    tags = tag_text(text)
    assert [t.value for t in tags if t.kind == "municipality"] == ["Vetlanda"]
    assert [t.value for t in tags if t.kind == "inspired_by"] == ["Växjö"]


def test_a_follower_is_not_the_own_municipality() -> None:
    text = (
        "Attarpsskolan i Jönköping skickar sms vid frånvaro. Skolan i Jönköping har mätt "
        "närvaron varje vecka. Gnosjö har nu kopierat konceptet."
    )
    assert values(text, "municipality") == ["Jönköping"]


def test_model_named_before_the_expression() -> None:
    text = ("Läxhjälpen på biblioteket i Värnamo startades med Borås stadsbibliotek som förebild. "
            "I Värnamo kommer nu tjugo elever varje vecka.")
    tags = tag_text(text)
    assert [t.value for t in tags if t.kind == "municipality"] == ["Värnamo"]
    assert [t.value for t in tags if t.kind == "inspired_by"] == ["Borås"]


def test_ambiguous_locality_in_a_list_of_places() -> None:
    text = "Förskolorna i Ingatorp och Hult arbetar med tidig upptäckt."
    assert values(text, "place") == ["Ingatorp", "Hult"]
    assert values(text, "municipality") == ["Eksjö"]


def test_a_locality_named_with_its_municipality_counts_once() -> None:
    """"Sunhultsbrunn i Aneby kommun", "Stensjön, Nässjö kommun": the locality is a place, its
    municipality the example's one municipality; localities of the gazetteer outside the
    county resolve to theirs."""
    text = "Förskolan i Sunhultsbrunn i Aneby kommun har startat rörelselekar varje morgon."
    assert values(text, "municipality") == ["Aneby"]
    assert values(text, "place") == ["Sunhultsbrunn"]
    text = "Skolan i Stensjön, Nässjö kommun, har läxhjälp. I Stensjön går fyrtio elever."
    assert values(text, "municipality") == ["Nässjö"]
    assert values(text, "place") == ["Stensjön"]
    text = "Skillingaryd, Vaggeryds kommun, har en cykelbuss. Skolan i Skillingaryd är med."
    assert values(text, "municipality") == ["Vaggeryd"]
    text = ("Familjecentralen i Hässleby i Eksjö har startat en pappagrupp efter ett "
            "studiebesök i Lammhult.")
    tags = tag_text(text)
    assert [t.value for t in tags if t.kind == "municipality"] == ["Eksjö"]
    assert [t.value for t in tags if t.kind == "inspired_by"] == ["Växjö"]


def test_a_unit_named_like_a_municipality_elsewhere_is_a_local_name() -> None:
    # "Nykvarn" and "Kungsbacka" are municipalities outside the county; the schools are local
    text = ("Specialpedagogen på Nykvarnsskolan i Mullsjö träffar alla nya familjer. "
            "Kungsbackaskolan ska göra likadant.")
    assert values(text, "municipality") == ["Mullsjö"]
    assert values("Personalen på Rydaholmsskolan har startat rastaktiviteter.",
                  "municipality") == ["Värnamo"]


NAMED_UNITS = [
    ("Föräldragruppen träffas på Familjecentralen Solbacken varje tisdag.",
     "Familjecentralen Solbacken"),
    ("Efter skolan går eleverna till fritidsgården Fyren, som ligger vägg i vägg.",
     "Fritidsgården Fyren"),
    ("Sjuksköterskan Lina Berg på Mullsjö vårdcentral leder samtalen.", "Mullsjö vårdcentral"),
    ("Läxhjälpen hålls på Tranås stadsbibliotek två kvällar i veckan.", "Tranås stadsbibliotek"),
    ("Kuratorerna på Nässjö gymnasium har utbildat tio kamratstödjare.", "Nässjö gymnasium"),
    ("Rektorn på Gymnasieskolan Polaris berättar om närvaron.", "Gymnasieskolan Polaris"),
]


def test_a_named_unit_is_a_place() -> None:
    for text, place in NAMED_UNITS:
        assert place in values(text, "place"), text


def test_a_unit_word_alone_or_at_a_line_end_is_no_place() -> None:
    assert values("Förskolan och elevhälsocentralen delar lokal.", "place") == []
    assert values("Vi träffas på familjecentralen.\nNästa gång bjuder vi in fler.",
                  "place") == []
    assert values("Elevhälsocentral Råslätt tar vid efter familjecentralen.",
                  "place") == ["Råslätt"]
