"""Persons with their role before or after the name, in contact lines and tables, with e-mail
and phone; the meeting's coaches and speakers are not an example's persons. Texts written for
these tests."""

from __future__ import annotations

from ingest.tagging import tag_text
from ingest.tagging.contacts import email_names, phones


def people(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(t.value, t.role, t.email, t.phone) for t in tag_text(text) if t.kind == "person"]


def names_and_roles(text: str) -> list[tuple[str, str | None]]:
    return [(name, role) for name, role, _, _ in people(text)]


def test_role_after_and_before_the_name() -> None:
    text = ("Anna Berg, kurator, och rektor Per Lund berättade om läxcaféet. "
            "Rektor Sara Nyholm var också med.")
    assert names_and_roles(text) == [
        ("Anna Berg", "kurator"), ("Per Lund", "rektor"), ("Sara Nyholm", "rektor")]


def test_table_rows_with_bars() -> None:
    text = ("Kontakt\n"
            "Anna Berg | kurator | anna.berg@gislaved.se | 070-123 45 67\n"
            "Per Lund | rektor | per.lund@gislaved.se | 0371-812 34\n")
    assert people(text) == [
        ("Anna Berg", "kurator", "anna.berg@gislaved.se", "070-123 45 67"),
        ("Per Lund", "rektor", "per.lund@gislaved.se", "0371-812 34"),
    ]


def test_table_rows_with_tabs_and_gaps() -> None:
    text = ("Kontaktpersoner\n"
            "Lina Ågren\tskolsköterska\tlina.agren@habo.se\t036-44 22 10\n"
            "Omar Said    fritidsledare    omar.said@habo.se\n")
    assert people(text) == [
        ("Lina Ågren", "skolsköterska", "lina.agren@habo.se", "036-44 22 10"),
        ("Omar Said", "fritidsledare", "omar.said@habo.se", None),
    ]


def test_contact_card_on_lines_of_its_own() -> None:
    text = "Kontakt\nMaja Rundqvist\nKurator\nmaja.rundqvist@eksjo.se\n0381-361 00\n"
    assert people(text) == [("Maja Rundqvist", "kurator", "maja.rundqvist@eksjo.se",
                             "0381-361 00")]


def test_contact_list_role_that_is_no_known_title() -> None:
    text = ("Kontakt\n- Leyla Amin, brobyggare\n- Jonas Wik, enhetschef barn och familj\n"
            "- Ida Strand, föräldrarepresentant, Sävsjö kommun\n")
    assert names_and_roles(text) == [
        ("Leyla Amin", "brobyggare"), ("Jonas Wik", "enhetschef barn och familj"),
        ("Ida Strand", "föräldrarepresentant")]


def test_email_address_confirms_an_unlisted_first_name() -> None:
    text = "Frågor om läxcaféet? Kontakta Zlatko Hrnic, zlatko.hrnic@vaggeryd.se, 0393-780 00."
    assert people(text) == [("Zlatko Hrnic", None, "zlatko.hrnic@vaggeryd.se", "0393-780 00")]
    assert names_and_roles("Vi åkte förbi Zlatko Hrnic på vägen hem.") == []


def test_email_elsewhere_in_the_text_that_spells_the_name() -> None:
    text = ("Skolsköterskan Eva Ek ringer hem första frånvarodagen.\n\n"
            "Kontakt: eva.ek@nassjo.se")
    assert people(text) == [("Eva Ek", "skolsköterska", "eva.ek@nassjo.se", None)]


def test_another_persons_address_is_not_taken() -> None:
    text = "Anna Berg berättade. Skriv till per.lund@tranas.se om du vill veta mer."
    assert people(text) == [("Anna Berg", None, None, None)]


def test_coaches_and_speakers_of_the_meeting_are_left_out() -> None:
    text = ("Coachen Helena Ström från Qulturum höll i dagen och Magnus Falk föreläste om "
            "anknytning. Sedan berättade kuratorn Eva Ek och Jonas Lind, föreläsare, om "
            "gruppen. Ungdomscoachen Ali Noor på fritidsgården är med i teamet.")
    assert names_and_roles(text) == [("Eva Ek", "kurator"), ("Ali Noor", "ungdomscoach")]


def test_speaker_named_after_the_talk() -> None:
    text = ("Dagens föreläsare var Magnus Falk från Linköping. Föreläsningen hölls av Eva Ek. "
            "Sedan berättade Anna Berg, kurator, om gruppen.")
    assert names_and_roles(text) == [("Anna Berg", "kurator")]


def test_phone_numbers_and_addresses() -> None:
    found = [m.value for m in phones("Ring 070-123 45 67, 036-10 10 10 eller +46 70 123 45 67. "
                                       "År 2024-02-14, 0–6 år, 1 200 elever.")]
    assert found == ["070-123 45 67", "036-10 10 10", "+46 70 123 45 67"]
    assert email_names("anna-karin.berg@x.se, info@skolan.se") == {
        "anna-karin berg": "anna-karin.berg@x.se"}


def test_plural_role_after_two_names() -> None:
    text = ("Åsa Falk och Jessica Holmberg, barnsjuksköterskor, presenterade. Anna Berg och "
            "Per Lund, rektor, kom också.")
    assert names_and_roles(text) == [
        ("Åsa Falk", "barnsjuksköterska"), ("Jessica Holmberg", "barnsjuksköterska"),
        ("Anna Berg", None), ("Per Lund", "rektor")]


def test_roles_shared_split_and_cut() -> None:
    text = ("Kamratstödjare – eleverna Linnea Karlsson och Omar Abdi i årskurs åtta berättade. "
            "Familjebehandlaren Kristoffer Nyberg säger att det går bra. Rektor Helena Vik och "
            "skolsköterskan\n\nFredrik Olausson berättade. Teamet består av Anna-Karin Borg, "
            "förskollärare på öppna förskolan.")
    assert names_and_roles(text) == [
        ("Linnea Karlsson", "elev"), ("Omar Abdi", "elev"),
        ("Kristoffer Nyberg", "familjebehandlare"), ("Helena Vik", "rektor"),
        ("Fredrik Olausson", "skolsköterska"), ("Anna-Karin Borg", "förskollärare")]
