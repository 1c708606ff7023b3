"""Interventions a team describes instead of naming them: early detection ("upptäcks tidigt",
"hitta … tidigt", "tidigt fångar upp"), try-out activities ("prova på-aktiviteter"), an sms to
guardians at the first absence, a nurse and a counsellor visiting the family together. Texts
written for these tests."""

from __future__ import annotations

import pytest

from ingest.tagging import tag_text

CASES = [
    ("tidig upptäckt", "Målet är att problem upptäcks tidigt så att familjen får stöd."),
    ("tidig upptäckt", "Vi vill hitta de barn som behöver stöd tidigt, redan i förskolan."),
    ("tidig upptäckt", "Pedagogerna ska uppmärksamma tidigt när ett barn inte mår bra."),
    # a present tense the lemma table reads as the plural of a noun ("fångar": fånge)
    ("tidig upptäckt", "Skolsköterskan berättar hur teamet tidigt fångar upp barn som oroar sig."),
    ("prova-på-aktiviteter",
     "På sportlovet ordnade föreningarna prova på-aktiviteter för alla barn."),
    # a hyphenated trigger as the first part of a longer hyphenated word
    ("prova-på-aktiviteter", "Fritidsenheten erbjöd gratis prova-på-veckor för barn i 8–14 år."),
    ("närvaroarbete", "Vårdnadshavare får ett sms redan vid första frånvarotillfället."),
    ("närvaroarbete", "Vid första frånvaron skickas ett sms till vårdnadshavarna."),
    ("gemensamma hembesök", "BVC-sköterskan och familjebehandlaren gör hembesöket ihop."),
    ("gemensamma hembesök",
     "Sjuksköterskan och kuratorn besöker familjen tillsammans när barnet är fyra veckor."),
    ("brukarmedverkan",
     "Två pappor som själva har erfarenhet av socialtjänsten läste rutinerna och gav råd."),
]


@pytest.mark.parametrize(("intervention", "text"), CASES)
def test_a_described_practice_is_its_intervention(intervention: str, text: str) -> None:
    assert intervention in [t.value for t in tag_text(text) if t.kind == "intervention"]
