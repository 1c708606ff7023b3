"""Texts written for these tests (not from the corpus), each with the tags a reader expects."""

from __future__ import annotations

import pytest

from ingest.tagging import tag_text

CASES = [
    (
        "Skolsköterskan Malin Ekström på Hovslättskolan berättade att elevhälsoteamet i höstas "
        "började ringa hem redan första dagen en elev är borta. Den ogiltiga frånvaron i "
        "årskurs 7–9 har minskat från sju till fyra procent.",
        {"municipality": ["Jönköping"], "focus_area": ["Fullföljda studier"],
         "intervention": ["närvaroarbete"], "person": ["Malin Ekström"],
         "age_group": ["13–18"]},
    ),
    (
        "I Bodafors har barnhälsovården och socialtjänsten sedan i våras gjort gemensamma "
        "hembesök hos alla förstagångsföräldrar. Föräldrarådgivaren Amir Haddad säger att "
        "familjerna oftare hör av sig när de redan träffat honom hemma.",
        {"municipality": ["Nässjö"], "focus_area": ["Psykisk hälsa"],
         "intervention": ["gemensamma hembesök"], "person": ["Amir Haddad"],
         "actor": ["barnhälsovård", "socialtjänst"]},
    ),
    (
        "Fritidsgården i Gislaved ordnar prova på-kvällar i badminton, klättring och dans för "
        "högstadieelever som inte är med i någon förening. Upplägget har de hämtat idéer från "
        "Ljungby, där kommunen har gjort samma sak i flera år.",
        {"municipality": ["Gislaved"], "focus_area": ["Fysisk aktivitet"],
         "intervention": ["prova-på-aktiviteter"], "inspired_by": ["Ljungby"]},
    ),
    (
        "På familjecentralen i Tranås träffas föräldrar till barn upp till ett år i en grupp "
        "om sex träffar. Barnmorskan Elin Åberg och familjebehandlaren Jonas Wik leder "
        "gruppen, som bygger på Trygghetscirkeln.",
        {"municipality": ["Tranås"], "focus_area": ["Psykisk hälsa"],
         "intervention": ["Trygghetscirkeln"],
         "person": ["Elin Åberg", "Jonas Wik"], "age_group": ["0–6"]},
    ),
    (
        "Eleverna på Vallsjöskolan i Sävsjö har fått rastvärdar som ordnar lekar varje "
        "lunchrast. Äldre elever utbildas till kamratstödjare och håller koll på den som "
        "står ensam.",
        {"municipality": ["Sävsjö"], "focus_area": ["Fysisk aktivitet", "Psykisk hälsa"],
         "intervention": ["rastaktiviteter", "kamratstöd"]},
    ),
    (
        "Utmaningar på vägen\nDet har varit svårt att få tag på lokaler i Smålandsstenar. "
        "Nästa steg\nTeamet vill bjuda in Region Jönköpings län och föreningarna till ett "
        "gemensamt möte om läxhjälp på biblioteket.",
        {"municipality": ["Gislaved"], "person": [], "intervention": ["läxhjälp"],
         "focus_area": ["Fullföljda studier"]},
    ),
    (
        "Habo kommun har efter ett studiebesök i Umeå infört cykelpass för elever i årskurs "
        "4–6. Folkhälsosamordnaren Karin Lund räknar cyklarna vid skolorna varje fredag.",
        {"municipality": ["Habo"], "inspired_by": ["Umeå"], "person": ["Karin Lund"],
         "focus_area": ["Fysisk aktivitet"], "intervention": ["aktiv skolväg"],
         "age_group": ["6–12"]},
    ),
    (
        "Öppna förskolan i Mariannelund har startat babysång varje tisdag. Många nyanlända "
        "mammor kommer, och BVC-sjuksköterskan Sofia Nyberg finns på plats för frågor.",
        {"municipality": ["Eksjö"], "intervention": ["öppen förskola"],
         "person": ["Sofia Nyberg"], "age_group": ["0–6"], "actor": ["barnhälsovård"]},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_unseen_text(text: str, expected: dict[str, list[str]]) -> None:
    tags = tag_text(text)
    for kind, values in expected.items():
        got = [t.value for t in tags if t.kind == kind]
        if kind in ("municipality", "inspired_by", "person"):
            assert got == values, (kind, got)
        else:
            assert set(values) <= set(got), (kind, got)
    for tag in tags:
        for ev in tag.evidence:
            assert text[ev.start:ev.end] == ev.text
