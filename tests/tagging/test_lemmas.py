"""The shared Swedish lemma lookup and compound splitting."""

from __future__ import annotations

import pytest

from ingest.tagging import lemmatize, split_compound


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("familjecentralerna", "familjecentral"),
        ("Familjecentralen", "familjecentral"),
        ("skolnärvaron", "skolnärvaro"),
        ("hembesöken", "hembesök"),
        ("vårdnadshavarna", "vårdnadshavare"),
        ("elevhälsocentralen", "elevhälsocentral"),
        ("knattegympan", "knattegympa"),
        ("gemensamma", "gemensam"),
        ("föräldrar", "förälder"),
        ("har", "ha"),
        ("stöd", "stöd"),
        ("Attarpsskolan", "attarpsskola"),
        ("BVC-sjuksköterskan", "bvc-sjuksköterska"),
        ("Rydaholm", "rydaholm"),
        ("komet", "komet"),  # a noun and a parenting programme, no form of "komma"
        # an adult, as "vuxna" is, not a participle of "växa"; "leds" of "leda", not "lida"
        ("vuxen", "vuxen"),
        ("vuxna", "vuxen"),
        ("leds", "leda"),
        # a compound is a noun: its plural shares the lemma of its other forms, even where
        # the head alone is also a verb form ("träffar": träffa)
        ("föräldraträffar", "föräldraträff"),
        ("föräldraträffen", "föräldraträff"),
        ("kvällsträffar", "kvällsträff"),
        ("idrottsföreningar", "idrottsförening"),
    ],
)
def test_lemmatize(word: str, lemma: str) -> None:
    assert lemmatize(word) == lemma


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("skolnärvaron", ["skol", "närvaron"]),
        ("föräldrastödet", ["föräldra", "stödet"]),
        ("hembesöksprogrammet", ["hembesök", "programmet"]),
        ("frånvarorutiner", ["frånvaro", "rutiner"]),
        ("prova-på-aktiviteter", ["prova", "på", "aktiviteter"]),
    ],
)
def test_split_compound(word: str, parts: list[str]) -> None:
    assert split_compound(word) == parts


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("tvåmånadersbesöket", ["två", "månad", "besöket"]),
        ("fyraveckorsbesöket", ["fyra", "vecka", "besöket"]),
        ("sexårsverksamheten", ["sex", "år", "verksamheten"]),
        ("trettonårsdagen", ["tretton", "år", "dagen"]),
    ],
)
def test_a_number_and_a_unit_of_time_start_a_compound(word: str, parts: list[str]) -> None:
    # "månaders" and "veckors" start no compound in the lemma table, which cut
    # "fyraveckorsbesöket" into "fyr", "avec", "kor" and left "tvåmånadersbesöket" whole
    assert split_compound(word) == parts


def test_a_word_that_only_begins_with_a_number_is_no_count_of_time() -> None:
    assert split_compound("sexualundervisning") == ["sexual", "undervisning"]
    assert "år" not in split_compound("trean")


def test_a_form_of_a_word_that_is_no_compound_is_no_compound_either() -> None:
    # "personal" is whole, so "personalen" is no person's "alen" (an alder tree)
    assert split_compound("personalen") == ["personalen"]
    assert split_compound("föräldramötet") == ["föräldra", "mötet"]


def test_everyday_words_are_not_cut_into_unrelated_words() -> None:
    from search.analysis import variants

    assert split_compound("ungdomarna") == ["ungdomarna"]
    assert "domare" not in variants("ungdomarna", False)  # no referees among the young
    assert split_compound("fritidsgården") == ["fritid", "gården"]
    assert split_compound("ungdomsmottagningen") == ["ungdom", "mottagningen"]
    assert split_compound("ordförande") == ["ordförande"]
    assert split_compound("barnmorskan") == ["barnmorskan"]  # no child that is "morsk"
    assert split_compound("hemmasittare") == ["hemmasittare"]  # no "are" (an area unit)


def test_no_linking_s_follows_an_s() -> None:
    from search.analysis import variants

    assert split_compound("klassrummet") == ["klass", "rummet"]  # no "klas"
    assert split_compound("busshållplatsen") == ["buss", "hållplatsen"]
    assert not {"bus", "busa"} & set(variants("busshållplatsen", False))
    assert split_compound("hembesöksprogrammet") == ["hembesök", "programmet"]


def test_plain_words_are_not_split() -> None:
    assert split_compound("kuratorn") == ["kuratorn"]
    assert split_compound("skola") == ["skola"]
    assert split_compound("Huskvarna") == ["huskvarna"]


def test_a_present_tense_read_as_a_noun_plural_has_its_verb_reading() -> None:
    from ingest.tagging.lemmas import verb_reading

    assert lemmatize("fångar") == "fånge"  # the table's one reading: kept for the index
    assert verb_reading("fångar") == "fånga"
    assert verb_reading("hittar") is None  # the table reads it as the verb already
    assert verb_reading("föräldrar") is None


def test_a_noun_in_a_drops_its_a_at_the_start_of_a_compound() -> None:
    # "läxa" (läxan) begins "läxcafé" and "läxbråk" as "läx", "flicka" begins "flickgrupp":
    # words the table does not know are split there; the table's own words keep their
    # well-attested parts ("läxhjälp" is a word of its own), and a stem of no such noun
    # begins nothing ("vitkiga")
    assert split_compound("läxbråk") == ["läx", "bråk"]
    assert split_compound("läxcaféet") == ["läx", "caféet"]
    assert split_compound("flickgrupp") == ["flick", "grupp"]
    assert split_compound("läxhjälp") == ["läxhjälp"]
    assert split_compound("vitkiga") == ["vitkiga"]
