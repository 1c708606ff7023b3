"""Whole texts: focus areas, interventions, actors, ages, stage, evidence offsets."""

from __future__ import annotations

from ingest.model import FOCUS_AREAS, TAG_KINDS, Document, Example
from ingest.tagging import new_phrases, tag_document, tag_text, taxonomy

TEXT = (
    "Närvaroarbete på Attarpsskolan\n\n"
    "Anna Lind, biträdande rektor på Attarpsskolan i Huskvarna, och skolkuratorn Johan Ek "
    "beskrev hur skolan arbetar för att fler elever ska vara i skolan varje dag. Nu skickas ett "
    "sms till vårdnadshavare redan samma förmiddag när en elev inte kommit. Skolnärvaron i "
    "årskurs 7–9 har ökat. Gnosjö har tagit inspiration från Jönköping och startade i höstas.\n\n"
    "Nästa steg\nTeamet har startat läxhjälp på biblioteket två eftermiddagar i veckan."
)


def test_evidence_offsets_are_exact() -> None:
    tags = tag_text(TEXT)
    assert tags
    for tag in tags:
        for ev in tag.evidence:
            assert TEXT[ev.start:ev.end] == ev.text, tag


def test_tags_of_a_school_attendance_example() -> None:
    tags = tag_text(TEXT)
    by_kind: dict[str, list[str]] = {}
    for t in tags:
        by_kind.setdefault(t.kind, []).append(t.value)
    assert by_kind["municipality"] == ["Jönköping"]
    assert "Huskvarna" in by_kind["place"]
    assert "Fullföljda studier" in by_kind["focus_area"]
    assert {"närvaroarbete", "läxhjälp"} <= set(by_kind["intervention"])
    assert {"skola", "elevhälsa", "vårdnadshavare", "bibliotek"} <= set(by_kind["actor"])
    assert by_kind["age_group"] == ["13–18"]
    assert by_kind["stage"] == ["startad"]
    assert ("Anna Lind", "biträdande rektor") in [(t.value, t.role) for t in tags
                                                 if t.kind == "person"]


def test_tags_are_sorted_by_kind_then_position() -> None:
    tags = tag_text(TEXT)
    order = [TAG_KINDS.index(t.kind) for t in tags]
    assert order == sorted(order)
    assert tag_text(TEXT) == tags


def test_focus_areas_from_words_and_interventions() -> None:
    text = ("Barnen i Aneby uppmanas att cykla till skolan. Efter skolan får elever i "
            "årskurs 4–5 prova på olika idrotter.")
    tags = tag_text(text)
    assert [t.value for t in tags if t.kind == "focus_area"] == ["Fysisk aktivitet"]
    assert {"aktiv skolväg", "prova-på-aktiviteter"} <= {t.value for t in tags
                                                         if t.kind == "intervention"}
    assert "6–12" in [t.value for t in tags if t.kind == "age_group"]


def test_parenting_support_example() -> None:
    text = ("Familjecentralen i Habo erbjuder Trygghetscirkeln, ett föräldrastöd i grupp. "
            "BVC-sjuksköterskan och familjebehandlaren leder träffarna på familjecentralen.")
    tags = tag_text(text)
    interventions = {t.value for t in tags if t.kind == "intervention"}
    assert {"Trygghetscirkeln", "föräldrastöd i grupp", "familjecentral"} <= interventions
    assert [t.value for t in tags if t.kind == "focus_area"] == ["Psykisk hälsa"]
    assert "0–6" in [t.value for t in tags if t.kind == "age_group"]


def test_taxonomy_lists_the_programme() -> None:
    tax = taxonomy()
    assert tuple(a.name for a in tax.focus_areas) == FOCUS_AREAS
    assert len(tax.interventions) == 20
    for item in tax.interventions:
        assert item.slug and item.description and item.triggers
        assert set(item.focus_areas) <= set(FOCUS_AREAS)


def test_tag_document_uses_the_title_as_weak_hint() -> None:
    doc = Document(id="d", filename="poster.pdf", title="Poster från Vaggeryds kommun",
                   kind="poster", date="2024", pages=1)
    doc.examples = [Example(id="d-1", document_id="d", title="Fler cyklar vid skolan",
                            text="Fler elever ska cykla till skolan i vår.")]
    tag_document(doc)
    example = doc.examples[0]
    assert example.municipalities == ["Vaggeryd"]
    assert "aktiv skolväg" in example.interventions


def test_new_phrases_surface_unknown_work() -> None:
    texts = [
        "Skolan har infört digitala frånvarokort och en ny språkvänsträff för elever.",
        "Biblioteket ordnar en språkvänsträff och testar digitala frånvarokort.",
        "I år startar en språkvänsträff igen.",
    ]
    phrases = dict(new_phrases(texts))
    assert phrases.get("språkvänsträff") == 3
    assert all("närvaro" not in p for p in phrases)


def test_new_phrases_leave_out_time_fragments_headings_and_verbs() -> None:
    texts = [
        "Arbetssätt: under vårterminen ville vi erbjuda låneutrustning på prova på-veckorna.",
        "Arbetssätt: klubben fortsatte erbjuda låneutrustning under vårterminen och på "
        "prova på-veckorna, och räknade frånvarodagen.",
        "Vi ska erbjuda låneutrustning igen; frånvarodagen följs upp.",
    ]
    phrases = dict(new_phrases(texts))
    assert phrases.get("låneutrustning") == 3
    noise = ("vårterminen", "på-veckorna", "arbetssätt", "erbjuda låneutrustning", "frånvarodagen")
    assert not [p for p in phrases if p in noise], phrases


def test_new_phrases_leave_out_conjunctions_adverbs_and_modal_verbs() -> None:
    texts = [
        "Vi gav föräldrastöd medan barnen lekte. Alla ville nästan vara med i rörelsegruppen.",
        "Familjen fick föräldrastöd medan syskonen väntade; några ville nästan sluta i "
        "rörelsegruppen.",
    ]
    phrases = dict(new_phrases(texts))
    assert phrases.get("rörelsegruppen") == 2, phrases
    assert not [p for p in phrases if {"medan", "nästan", "ville"} & set(p.split())], phrases


def test_new_phrases_leave_out_the_programmes_own_meetings() -> None:
    # where the teams present their work, not work of their own
    meetings = ("lärandeseminariet", "nätverksträffen", "lärandedagen")
    texts = [f"Teamet visade sin föräldrarådgivning på {m} i {when}." for m in meetings
             for when in ("våras", "höstas")]
    phrases = dict(new_phrases(texts))
    assert phrases.get("föräldrarådgivning") == len(texts), phrases
    assert not [p for p in phrases if any(m[:-2] in p for m in meetings)], phrases


def test_poster_contacts_are_the_examples_persons() -> None:
    from ingest.model import Section

    doc = Document(id="p", filename="poster.pdf", title="Knattegympa i Anneberg", kind="poster",
                   date="2024", pages=1)
    doc.context = [Section("Kontakt", "Therése Lundgren, förskollärare, 070-111 22 33\n"
                                      "Jonna Ek, barnmorska, jonna.ek@nassjo.se")]
    doc.examples = [Example(id="p-1", document_id="p", title="Knattegympa i Anneberg",
                            text="Knattegympa i Anneberg\n\nBarnen rör på sig varje vecka.")]
    tag_document(doc)
    assert doc.examples[0].persons() == [
        {"name": "Therése Lundgren", "role": "förskollärare", "organisation": None,
         "email": None, "phone": "070-111 22 33"},
        {"name": "Jonna Ek", "role": "barnmorska", "organisation": "Nässjö kommun",
         "email": "jonna.ek@nassjo.se", "phone": None},
    ]
    assert doc.examples[0].municipalities == ["Nässjö"]


def test_empty_and_odd_texts() -> None:
    assert tag_text("") == []
    assert tag_text(" \n\n ") == []
    assert tag_text("x" * 50_000) == []
    tags = tag_text("ÅÄÖ 0–6 år!!! –– ... 036-10 10 10 anna@example.se")
    assert [t.value for t in tags if t.kind == "age_group"] == ["0–6"]
