"""E-mail addresses and Swedish phone numbers split over two lines by a narrow column, as the
corpus's PDFs break them, read whole; words on the next line are never glued on."""

from __future__ import annotations

import pytest

from ingest.tagging.addresses import emails, organisation_of_email, phones, tel_uri, valid_email


@pytest.mark.parametrize("text", [
    "Kontakt: anna.svensson@\njonkoping.se",
    "Kontakt: anna.svensson@jonko-\nping.se",
    "Kontakt: anna.svens\nson@jonkoping.se",
    "Kontakt: anna.svensson\n@jonkoping.se",
    "Kontakt: anna.svensson@jonkoping.s\ne",
    "Kontakt: anna.svensson@jonko\nping.se",
])
def test_an_address_split_over_two_lines_is_read_whole(text: str) -> None:
    assert [f.value for f in emails(text)] == ["anna.svensson@jonkoping.se"]


def test_words_on_the_next_line_are_not_glued_on() -> None:
    text = "Kontakt\nanna.berg@eksjo.se\nNästa träff\nper.lund@eksjo.se\nmejla oss"
    assert [f.value for f in emails(text)] == ["anna.berg@eksjo.se", "per.lund@eksjo.se"]


def test_invalid_addresses_are_left_out() -> None:
    assert not valid_email("anna..berg@eksjo.se")
    assert not valid_email("anna@eksjo")
    assert not valid_email("anna@-eksjo.se")
    assert valid_email("anna-karin.berg+bp@region.jonkoping.se")
    assert [f.value for f in emails("skriv till @Bästaplatsen eller info@x.c")] == []


def test_swedish_phone_numbers_and_a_tail_on_the_next_line() -> None:
    text = ("Ring 036-10 20 30 eller 070-123 45 67, växel +46 36 10 50 00.\n"
            "Tobias: 010-241 47\n02\nSanna: 010-241\n32 18\nÅr 2023 kom 12 barn.")
    assert [f.value for f in phones(text)] == [
        "036-10 20 30", "070-123 45 67", "+46 36 10 50 00", "010-241 47 02", "010-241 32 18"]
    assert tel_uri("036-10 20 30") == "tel:+4636102030"
    assert tel_uri("+46 70 123 45 67") == "tel:+46701234567"


def test_the_organisation_a_domain_names() -> None:
    assert organisation_of_email("anna@jonkoping.se") == "Jönköpings kommun"
    assert organisation_of_email("eva@eksjo.example.se") == "Eksjö kommun"
    assert organisation_of_email("helena.strom@rjl.se") == "Region Jönköpings län"
    assert organisation_of_email("anna@gmail.com") is None


def test_a_break_that_reflowing_made_a_space() -> None:
    text = "Maria Lindqvist, rektor, maria.lin dqvist@huskvarna.se. Mejla anna@eksjo.se"
    assert [f.value for f in emails(text)] == ["maria.lindqvist@huskvarna.se", "anna@eksjo.se"]
    assert organisation_of_email("maria.lindqvist@huskvarna.se") == "Jönköpings kommun"
