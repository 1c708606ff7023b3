"""Persons with roles; no false persons from headings."""

from __future__ import annotations

from ingest.tagging import tag_text


def persons(text: str) -> list[tuple[str, str | None]]:
    return [(t.value, t.role) for t in tag_text(text) if t.kind == "person"]


def test_name_comma_role() -> None:
    text = "Anna Andersson, biträdande rektor på Attarpsskolan, berättade om närvaron."
    assert persons(text) == [("Anna Andersson", "biträdande rektor")]


def test_role_before_name() -> None:
    text = "Vi träffade kuratorn Eva Ek och rektor Per Olsson på skolan."
    assert persons(text) == [("Eva Ek", "kurator"), ("Per Olsson", "rektor")]


def test_shared_surname() -> None:
    text = "Kurt och Lisa Berg presenterade familjecentralens arbete."
    assert persons(text) == [("Kurt Berg", None), ("Lisa Berg", None)]


def test_compound_role_keeps_writers_case() -> None:
    text = "BVC-sjuksköterskan Sara Holm och socialsekreteraren Ali Hassan gör besöken."
    assert persons(text) == [("Sara Holm", "BVC-sjuksköterska"),
                             ("Ali Hassan", "socialsekreterare")]


def test_no_persons_from_headings() -> None:
    text = (
        "Positiva lärdomar\nFöräldrarna uppskattar besöken.\n\nNästa steg\n"
        "Region Jönköpings län bjuder in till nästa träff. Utmaningar på vägen\nTiden räcker inte."
    )
    assert persons(text) == []


def test_surname_that_is_a_municipality_stays_a_person() -> None:
    tags = tag_text("Lisa Berg, familjebehandlare, leder gruppen i Eksjö.")
    assert [(t.value, t.role) for t in tags if t.kind == "person"] == [
        ("Lisa Berg", "familjebehandlare")
    ]
    assert [t.value for t in tags if t.kind == "municipality"] == ["Eksjö"]


def test_unlisted_first_name_needs_a_role() -> None:
    assert persons("Xiomara Lindqvist, rektor på Tallbacken, berättade.") == [
        ("Xiomara Lindqvist", "rektor")
    ]
    assert persons("Vi åkte till Xiomara Lindqvist och åt lunch.") == []


def test_roles_at_sentence_start_and_with_copula() -> None:
    text = ("Rektor Linnea Hall och fritidsledaren Jonas Berglund berättade. Petra Olsson är "
            "enhetschef på socialtjänsten i Tranås. Med biträdande rektor Anna Lind, kuratorn "
            "Johan Ek och två mentorer.")
    assert persons(text) == [
        ("Linnea Hall", "rektor"), ("Jonas Berglund", "fritidsledare"),
        ("Petra Olsson", "enhetschef på socialtjänsten"),
        ("Anna Lind", "biträdande rektor"), ("Johan Ek", "kurator"),
    ]


def test_an_organisation_named_like_a_person_is_none() -> None:
    # a first name before an organisation's word: "Victoria University", "Linnea Högskolan"
    text = ("Forskare från Viktoria Institute och Jönköping University deltog. Kontakt: Robert "
            "Mason, Victoria University. Anna Berg, kurator, och Linnea Högskolan i Jönköping.")
    assert persons(text) == [("Robert Mason", None), ("Anna Berg", "kurator")]
