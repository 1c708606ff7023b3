"""Interventions described in running text rather than named with the taxonomy's words: words
of one sentence (lemmas, alternatives, compound endings) recognise the practice. Texts written
for these tests."""

from __future__ import annotations

import pytest

from ingest.tagging import query_terms, tag_text

CASES = [
    ("närvaroarbete",
     "När en elev inte kommer till första lektionen skickas ett sms till vårdnadshavaren "
     "samma morgon. Mentorn ringer hem om eleven är borta två dagar i rad."),
    ("gemensamma hembesök",
     "Barnsjuksköterskan och kuratorn besöker familjen tillsammans när barnet är åtta "
     "veckor. Då kan föräldrarna ställa frågor till båda på en gång."),
    ("gemensamma hembesök",
     "BVC-sjuksköterskan och socialsekreteraren åker hem till nyblivna föräldrar ihop."),
    ("läxhjälp",
     "Pensionerade lärare hjälper eleverna med läxorna två eftermiddagar i veckan i "
     "bibliotekets café."),
    ("prova-på-aktiviteter",
     "Under sportlovet fick barn som inte är med i någon förening testa fotboll, innebandy"
     " och klättring."),
    ("rastaktiviteter",
     "Elever i årskurs sex leder lekar på rasterna för de yngre barnen."),
    ("kamratstöd",
     "Äldre elever stöttar de yngre och hjälper varandra när någon står ensam."),
    ("aktiv skolväg",
     "Färre föräldrar skjutsar nu barnen till skolan sedan vi startade en cykelbuss."),
    ("knattegympa",
     "Varje fredag gympar föräldrar och deras småbarn tillsammans i idrottshallen."),
    ("allaktivitetshus",
     "Skoldagen blir längre: fritidsgården öppnar i skolans lokaler direkt efter sista "
     "lektionen."),
    ("överlämning förskola–skola",
     "Inför starten i förskoleklass träffar förskollärarna lärarna och berättar om varje "
     "barn."),
    ("utökat hembesöksprogram",
     "Alla förstagångsföräldrar erbjuds sex besök i hemmet i stället för två under barnets"
     " första år."),
    ("föräldrastöd i grupp",
     "Föräldrar till tonåringar träffas i grupp fem kvällar och pratar om konflikter."),
    ("mötesplats för nyanlända föräldrar",
     "Varje torsdag träffas utrikesfödda mammor på familjecentralen för att fika och prata"
     " svenska."),
    ("närvaroarbete",
     "Om en elev saknas vid morgonens första lektion får vårdnadshavarna ett sms direkt."),
    ("närvaroarbete",
     "Skolan följer upp varje elev som är borta mycket och mentorn kontaktar hemmet samma "
     "dag."),
    ("gemensamma hembesök",
     "Skolsköterskan och socialsekreteraren gör besöket i familjens hem tillsammans."),
    ("läxhjälp",
     "Volontärer från kyrkan stöttar barnen med skolarbetet på fritidsgården varje tisdag."),
    ("prova-på-aktiviteter",
     "Föreningarna bjuder in barn som aldrig idrottat att prova på badminton och dans."),
    ("rastaktiviteter",
     "På lunchrasten ordnar rastvärdarna bollekar och hopprep."),
    ("kamratstöd",
     "Eleverna i nian tar hand om sjuorna och hjälper varandra under första terminen."),
    ("aktiv skolväg",
     "Barnen uppmuntras att gå eller cykla i stället för att bli skjutsade av föräldrarna."),
    ("knattegympa",
     "Gympa för de minsta: barn 1–3 år rör sig tillsammans med en förälder i gympasalen."),
    ("överlämning förskola–skola",
     "Förskolan och skolan har samtal om varje barn innan barnen börjar i förskoleklass."),
    ("överlämning förskola–skola",
     "Öppna förskolan lämnar över sina barn till skolans team innan de börjar förskoleklass."),
    ("föräldrastöd i grupp",
     "Sex föräldrar träffas vid fyra tillfällen i en grupp med två ledare."),
    ("utökat hembesöksprogram",
     "Familjer med sitt första barn får fler hembesök än tidigare."),
]


@pytest.mark.parametrize(("intervention", "text"), CASES)
def test_intervention_described_in_running_text(intervention: str, text: str) -> None:
    tags = tag_text(text)
    assert intervention in [t.value for t in tags if t.kind == "intervention"]
    assert not any(t.proposed for t in tags)
    # the query analysis finds the same taxonomy terms without spaCy
    assert ("intervention", intervention) in query_terms(text)


@pytest.mark.parametrize("text", [
    "Teamet besökte Linköping och träffade elevhälsan, socialtjänsten och barnhälsovården.",
    "Barnen leker ute tillsammans med sina föräldrar nära hemmet.",
    "Föräldrarna vill veta hur de kan hjälpa barnen med läxor.",
    "Vi provade en ny mätning i PDSA-cykler och lärde oss mycket.",
    "Rektorn lämnar över ordet till förskolans personal.",
])
def test_words_of_other_contexts_are_no_intervention(text: str) -> None:
    assert [t.value for t in tag_text(text) if t.kind == "intervention"] == []
