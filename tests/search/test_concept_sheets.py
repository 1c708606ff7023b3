"""Concept sheets in the catalogue: versions, states, audit rows, links that survive a new
version of a document, proposals from the examples' sections, the transferability checklist."""

from __future__ import annotations

import pytest

from ingest.model import Section, Tag
from search.concept_sheets import changed_fields
from search.errors import InvalidRequestError, NotFoundError
from search.library import Library
from search.records import Example, SheetFields
from search.sheet_checklist import checklist
from search.sheet_proposals import accept, proposals, section_fields, sentences
from search.spread_overrides import change_count

from .conftest import EXAMPLES_A, EXAMPLES_B, make_document


@pytest.fixture
def library(tmp_path, reader):
    lib = Library(tmp_path / "data", reader=reader)
    yield lib
    lib.close()


def _upload(lib: Library, reader, filename: str, specs: list, salt: str = "",
            replace: str | None = None):
    doc, data = make_document(filename, specs, salt=salt)
    reader.add(doc, data)
    lib.add_upload(filename, data, replace_id=replace)
    return doc


def test_a_sheet_keeps_every_save_with_who_and_what(library, reader) -> None:
    doc = _upload(library, reader, "nb.pdf", EXAMPLES_A)
    ids = [doc.examples[1].id, doc.examples[0].id]
    before = change_count(library.catalogue)
    sheet = library.sheets.create("Hembesök och närvaro", ids, "anna")
    assert change_count(library.catalogue) > before  # the concept pages are built anew
    assert (sheet.slug, sheet.state, sheet.version) == ("hembesok-och-narvaro", "utkast", 1)
    assert [ex.id for ex in sheet.examples] == ids and all(ex.found for ex in sheet.examples)

    saved = library.sheets.save(sheet.slug, {**sheet.fields.model_dump(),
                                             "first_steps": "Boka ett möte med BVC."}, "bertil")
    assert saved.version == 2 and saved.fields.first_steps == "Boka ett möte med BVC."
    same = library.sheets.save(sheet.slug, saved.fields.model_dump(), "bertil")
    assert same.version == 2  # nothing changed: no new version
    with pytest.raises(InvalidRequestError, match="bertil sparade version 2"):
        library.sheets.save(sheet.slug, {"name": "Annat"}, "anna", based_on=1)

    with pytest.raises(InvalidRequestError):  # a description is needed to publish
        library.sheets.set_state(sheet.slug, "publicerad", "anna")
    library.sheets.save(sheet.slug, {**saved.fields.model_dump(), "description": "Kort."},
                        "anna", example_ids=ids[:1])
    before = change_count(library.catalogue)
    published = library.sheets.set_state(sheet.slug, "publicerad", "anna")
    assert change_count(library.catalogue) > before
    assert published.state == "publicerad" and [e.id for e in published.examples] == ids[:1]
    assert sheet.slug in library.sheets.published()

    history = library.sheets.history(sheet.slug)
    assert [(v.version, v.user, v.state) for v in history] == [
        (4, "anna", "publicerad"), (3, "anna", "utkast"), (2, "bertil", "utkast"),
        (1, "anna", "utkast")]
    assert history[0].changed == ["state"]
    assert history[1].changed == ["description", "examples"]
    assert history[2].changed == ["first_steps"] and history[3].fields.first_steps == ""
    audit = library.audit_entries(action="sheet")
    assert [a.action for a in audit] == ["sheet.publish", "sheet.save", "sheet.save",
                                         "sheet.create"]
    assert audit[0].data == {"slug": sheet.slug, "version": 4, "state": "publicerad",
                             "changed": ["state"]}

    library.sheets.set_state(sheet.slug, "utkast", "anna")
    assert sheet.slug not in library.sheets.published()
    assert library.audit_entries(action="sheet")[0].action == "sheet.unpublish"


def test_refusals(library, reader) -> None:
    doc = _upload(library, reader, "nb.pdf", EXAMPLES_A)
    with pytest.raises(InvalidRequestError):
        library.sheets.create("Något", ["0000000000000000-9"], "anna")
    with pytest.raises(InvalidRequestError):
        library.sheets.create("Spridning", [doc.examples[0].id], "anna")  # a page's name
    library.sheets.create("Något", [doc.examples[0].id], "anna")
    with pytest.raises(InvalidRequestError):
        library.sheets.create("något", [doc.examples[1].id], "anna")  # same slug
    with pytest.raises(NotFoundError):
        library.sheets.save("finns-inte", {"name": "x"}, "anna")
    with pytest.raises(InvalidRequestError):
        library.sheets.save("nagot", {"name": "x", "lessons": "x" * 5001}, "anna")
    with pytest.raises(InvalidRequestError):
        library.sheets.set_state("nagot", "arkiverad", "anna")


def test_curating_an_automatic_concept_takes_its_name_and_description(library, reader) -> None:
    doc = _upload(library, reader, "nb.pdf", EXAMPLES_A)
    sheet = library.sheets.create("", [doc.examples[1].id], "anna",
                                  concept="gemensamma-hembesok")
    assert sheet.slug == sheet.concept == "gemensamma-hembesok"
    assert sheet.fields.name == "Gemensamma hembesök" and sheet.fields.description
    # a name that is an intervention's curates that intervention
    other = library.sheets.create("Närvaroarbete", [doc.examples[0].id], "anna")
    assert other.concept == "narvaroarbete"


def test_links_find_their_examples_in_a_new_version_of_the_document(library, reader) -> None:
    old = _upload(library, reader, "nb.pdf", EXAMPLES_A)
    sheet = library.sheets.create("Hembesök", [old.examples[1].id], "anna")
    new = _upload(library, reader, "nb.pdf", list(reversed(EXAMPLES_A)), salt="v2",
                  replace=old.id)
    assert new.id != old.id
    found = library.sheets.get(sheet.slug).examples
    moved = next(e for e in new.examples if e.title == old.examples[1].title)
    assert [(e.id, e.found) for e in found] == [(moved.id, True)]
    assert moved.id != old.examples[1].id

    library.remove_document(new.id, user="anna")
    gone = library.sheets.get(sheet.slug).examples
    assert [(e.title, e.found) for e in gone] == [(old.examples[1].title, False)]
    # a save keeps a link whose example is gone for now
    kept = library.sheets.save(sheet.slug, {"name": "Hembesök", "lessons": "Ny lärdom."},
                               "anna", example_ids=[gone[0].id])
    assert [e.title for e in kept.examples] == [old.examples[1].title]


def _example(sections: list[Section], **tags: list[str]) -> Example:
    from ingest.model import Example as ExampleModel

    text = " ".join(s.text for s in sections)
    model = ExampleModel(id="abc-1", document_id="abc", title="Hembesök i Tranås", text=text,
                         sections=sections, team="BVC Tranås",
                         tags=[Tag(kind, v) for kind, values in tags.items() for v in values])
    return Example.of(model)


def test_proposals_come_from_the_sections_named_for_each_field() -> None:
    ex = _example([
        Section("Nuläge", "Förstagångsföräldrar i Tranås får ett gemensamt hembesök. "
                          "Det började i januari."),
        Section("Positiva lärdomar", "Föräldrarna tar emot besöket väl."),
        Section("Utmaningar på vägen", "Det tar tid att samordna två kalendrar."),
        Section("Mätningar", "Vi mäter andelen gemensamma besök. Andelen ökade till 80 procent."),
        Section("Nästa steg", "Teamet bokar ett möte med socialtjänsten varje vecka."),
    ], age_group=["0–6"], actor=["barnhälsovård", "socialtjänst"])
    found = proposals(SheetFields(name="Hembesök"), [ex])
    texts = {key: [p.text for p in items] for key, items in found.items()}
    assert "Föräldrarna tar emot besöket väl." in texts["lessons"]
    assert "Det tar tid att samordna två kalendrar." in texts["lessons"]
    assert "Andelen ökade till 80 procent." in texts["results"]
    assert "Vi mäter andelen gemensamma besök." in texts["measurement"]
    assert texts["first_steps"] == ["Teamet bokar ett möte med socialtjänsten varje vecka."]
    assert "Teamet bokar ett möte med socialtjänsten varje vecka." in texts["time_needed"]
    assert texts["description"][0].startswith("Förstagångsföräldrar i Tranås")
    assert texts["target_group"][0].startswith("Förstagångsföräldrar")
    assert texts["age_groups"] == ["0–6"] and texts["owner_team"] == ["BVC Tranås"]
    first = found["lessons"][0]
    assert (first.example_id, first.section) == ("abc-1", "Positiva lärdomar")

    fields = accept(SheetFields(name="Hembesök", lessons="Egen rad."), first)
    assert fields.lessons == "Egen rad.\nFöräldrarna tar emot besöket väl."
    assert accept(fields, first) == fields  # accepted once
    assert proposals(fields, [ex])["lessons"][0].used


def test_section_mapping_and_sentences() -> None:
    assert section_fields("Utmaningar och nästa steg") == ("first_steps", "lessons")
    assert section_fields("Mätningar och resultat") == ("results", "measurement")
    assert section_fields("Kontakt") == ("roles",) and section_fields("Grattis") == ()
    assert sentences("Ett. Två meningar här. Den tredje meningen är här.\n• en punkt i listan") \
        == ["Två meningar här.", "Den tredje meningen är här.", "en punkt i listan"]


def test_checklist_says_what_is_known_and_what_is_missing() -> None:
    ex = _example([Section("Nuläge", "Nyanlända familjer når vi sällan."),
                   Section("Mätningar", "Vi frågade föräldrarna i en enkät.")],
                  actor=["barnhälsovård", "socialtjänst", "vårdnadshavare"],
                  municipality=["Tranås"], stage=["pågående"])
    empty = {c.key: c for c in checklist(SheetFields(name="X"), [ex])}
    assert len(empty) == 8
    assert empty["effekt"].status == "missing" and empty["effekt"].missing == ["Resultat"]
    assert empty["samverkan"].status == "ok"
    assert "barnhälsovård" in empty["samverkan"].known[0]
    assert empty["utvardering"].status == "partial"
    assert "Hembesök i Tranås" in empty["utvardering"].known[0]
    assert "Prövat i fler än en kommun (bara Tranås)" in empty["overforbarhet"].missing
    assert any("Hembesök i Tranås" in k for k in empty["jamlikhet"].known)

    full = SheetFields(name="X", description="Hembesök för alla barn.", target_group="Familjer",
                       results="Andelen ökade från 20 till 80 procent.", measurement="Enkät",
                       core_components="Två yrken", first_steps="Boka", roles="BVC",
                       time_needed="En timme", costs="Inga", lessons="Barnens röst",
                       owner_team="BVC")
    items = {c.key: c for c in checklist(full, [ex], {"abc-1": 2022})}
    assert items["effekt"].status == "ok" and items["relevans"].status == "ok"
    assert items["jamlikhet"].status == "ok" and items["delaktighet"].status == "ok"
    assert items["overforbarhet"].status == "partial"  # still one municipality only


def test_changed_fields() -> None:
    a = SheetFields(name="A", lessons="x")
    assert changed_fields(None, a) == ["name", "lessons"]
    assert changed_fields(a, a.model_copy(update={"costs": "10 kr"})) == ["costs"]


def test_two_documents_two_examples(library, reader) -> None:
    a = _upload(library, reader, "a.pdf", EXAMPLES_A)
    b = _upload(library, reader, "b.pdf", EXAMPLES_B)
    ids = [a.examples[1].id, b.examples[0].id]
    sheet = library.sheets.create("Gemensamma hembesök i länet", ids, "anna")
    towns = {m for ex in sheet.examples for m in ex.municipalities}
    assert towns == {"Nässjö", "Gnosjö"}
    found = library.sheets.proposals(sheet.slug)
    assert {p.example_id for items in found.values() for p in items} == set(ids)
    transfer = next(c for c in sheet.checklist if c.key == "overforbarhet")
    assert "Prövat i 2 kommuner: Gnosjö, Nässjö" in transfer.known


def test_forgetting_a_name_rewrites_sheets_and_their_versions(library, reader) -> None:
    from search.concept_sheets import forget_name

    doc = _upload(library, reader, "nb.pdf", EXAMPLES_A)
    sheet = library.sheets.create("Hembesök", [doc.examples[1].id], "anna")
    library.sheets.save(sheet.slug, {"name": "Hembesök", "coach": "Kim Lindqvist, Qulturum"},
                        "anna")
    library.sheets.save(sheet.slug, {"name": "Hembesök", "coach": "Kim Lindqvist"}, "anna")
    with library.catalogue.transaction() as con:
        assert forget_name(con, "Kim Lindqvist") == 3  # the sheet and two versions
    assert library.sheets.get(sheet.slug).fields.coach == "[raderad person]"
    assert all("Kim" not in v.fields.coach for v in library.sheets.history(sheet.slug))


def test_an_example_without_sections_offers_its_opening_and_cued_sentences() -> None:
    from ingest.model import Example as ExampleModel

    text = ("Fritidsgården öppnar på lördagar för unga i årskurs 7–9. Ungdomarna valde själva "
            "aktiviteterna. Det kostar 2000 kronor i månaden för hyran. Besöken ökade med 40 "
            "procent.")
    ex = Example.of(ExampleModel(id="x-1", document_id="x", title="Lördagsöppet", text=text))
    found = proposals(SheetFields(name="Lördagsöppet"), [ex])
    assert [p.text for p in found["description"]] == [
        "Fritidsgården öppnar på lördagar för unga i årskurs 7–9.",
        "Ungdomarna valde själva aktiviteterna."]
    assert [p.text for p in found["costs"]] == [
        "Det kostar 2000 kronor i månaden för hyran."]
    assert [p.text for p in found["results"]] == ["Besöken ökade med 40 procent."]
    assert found["costs"][0].section == "Text"
