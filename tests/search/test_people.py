"""Contacts, one person across examples, hiding and erasure, on posters drawn for the test and
read by the real reader into a real library (catalogue, index, stored originals)."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader, PdfWriter

from search import search_log
from search.errors import NotFoundError
from search.library import Library
from tests.search.people_files import EMAIL, NAME, poster_with_split_address, second_poster


def _renamed(data: bytes) -> bytes:
    """The same PDF with other bytes (new metadata): a new version of the document."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Subject": "Ny version"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def posters(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("posters")
    return [poster_with_split_address(folder / "laxcafe-huskvarna.pdf"),
            second_poster(folder / "laxhjalp-bankeryd.pdf")]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, posters: list[Path]) -> Path:
    """The two posters read once; each test gets a copy."""
    data_dir = tmp_path_factory.mktemp("people-store") / "data"
    with Library(data_dir) as lib:
        report = lib.ingest_paths(posters)
        assert not report.errors and len(report.documents) == 2
    return data_dir


@pytest.fixture()
def library(tmp_path: Path, store: Path) -> Iterator[Library]:
    shutil.copytree(store, tmp_path / "data")
    with Library(tmp_path / "data") as lib:
        yield lib


def _everything(library: Library) -> str:
    """Every example and document as the API gives them, and every search hit, as one text."""
    docs = [d.model_dump() for d in library.documents()]
    hits = library.search("", per_page=50).model_dump()
    return json.dumps([docs, hits], ensure_ascii=False).lower()


def _pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    return "".join(page.get_textpage().get_text_range() for page in pdf).lower()


def _example_of(library: Library, title_word: str):  # noqa: ANN202
    return next(ex for d in library.documents() for ex in d.examples if title_word in ex.title)


def test_contacts_with_split_address_and_table_rows(library: Library) -> None:
    ex = _example_of(library, "Huskvarna")
    persons = {p.name: p for p in ex.persons}
    assert persons[NAME].email == EMAIL  # "anna.svensson@⏎jonkoping.se" in the PDF
    assert persons[NAME].phone == "036-10 20 30"
    assert persons[NAME].organisation == "Jönköpings kommun"
    assert (persons["Per Lund"].role, persons["Per Lund"].email, persons["Per Lund"].phone) == (
        "rektor", "per.lund@jonkoping.se", "036-10 20 40")
    assert persons["Eva Ek"].phone == "070-123 45 67"


def test_one_person_on_two_examples(library: Library) -> None:
    person = library.person("anna-svensson")
    assert person is not None
    assert len({m.example_id for m in person.mentions}) == 2
    assert {m.email for m in person.mentions} == {EMAIL}
    assert library.person("per-lund") is not None


def test_hidden_detail_stays_hidden_after_replace_and_retag(library: Library,
                                                            posters: list[Path]) -> None:
    ex = _example_of(library, "Huskvarna")
    library.hide_person(ex.id, NAME, "phone", user="samordnare")
    assert "036-10 20 30" not in _everything(library)
    stored = library.documents()[0] if library.documents()[0].id == ex.document_id else \
        library.documents()[1]
    new = library.add_upload("laxcafe-huskvarna.pdf", _renamed(posters[0].read_bytes()),
                             replace_id=stored.id)
    again = next(e for e in new.examples if "Huskvarna" in e.title)
    anna = next(p for p in again.persons if p.name == NAME)
    assert anna.phone is None and anna.email == EMAIL
    assert "036-10 20 30" not in _everything(library)
    assert "036-10 20 40" in _everything(library)  # Per Lund's number is not hidden
    library.reindex(retag=True)
    assert "036-10 20 30" not in _everything(library)
    rows = library.audit_entries(action="person.hide")
    assert rows and rows[0].user == "samordnare"


def test_hidden_person_is_gone_from_text_index_and_api(library: Library) -> None:
    ex = _example_of(library, "Bankeryd")
    library.hide_person(ex.id, "Omar Said")
    assert "omar" not in _everything(library)
    assert library.search("Omar Said").total == 0
    assert library.person("omar-said") is None


def test_export_lists_the_persons_examples_and_audit_rows(library: Library) -> None:
    ex = _example_of(library, "Huskvarna")
    library.hide_person(ex.id, NAME, "organisation")
    data = library.person_export(NAME, user="samordnare")
    assert len(data["examples"]) == 2
    assert {d["email"] for d in data["contact_details"]} == {EMAIL}
    assert len(data["documents"]) == 2
    assert any(row["action"] == "person.hide" for row in data["audit"])
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert library.audit_entries(action="person.export")


def test_erasure_everywhere_and_for_good(library: Library, posters: list[Path]) -> None:
    ex = _example_of(library, "Huskvarna")
    library.hide_person(ex.id, NAME, "phone", user="samordnare")
    report = library.erase_person(NAME, user="samordnare")
    assert (report.examples, report.documents, report.originals_redacted) == (2, 2, 2)
    assert "svensson" not in _everything(library)
    assert library.search("Svensson").total == 0
    found = library.search("anna.svensson@jonkoping.se").model_dump()
    # a hit names the query's words it lacks (the query's own words, not stored text)
    stored = [{k: v for k, v in hit.items() if k != "missing"} for hit in found["results"]]
    assert "svensson" not in json.dumps(stored, ensure_ascii=False).lower()
    assert all("svensson" in hit["missing"] for hit in found["results"])
    assert library.person("anna-svensson") is None
    assert library.person("per-lund") is not None  # others are kept
    for doc in library.documents():
        assert "svensson" not in _pdf_text(library.original(doc.id))
    log = json.dumps([e.model_dump() for e in library.audit_entries(limit=500)],
                     ensure_ascii=False).lower()
    assert "svensson" not in log
    erased = library.audit_entries(action="person.erase")
    assert erased[0].summary == "raderade uppgifter om en person (2 exempel)"
    library.reindex(retag=True)
    assert "svensson" not in _everything(library)
    assert library.search("Svensson").total == 0
    # the same file read again: known as the stored (redacted) document, and when it replaces
    # that document the person is erased from the new reading
    assert len(library.ingest_paths([posters[0]]).skipped) == 1
    doc_id = _example_of(library, "Huskvarna").document_id
    library.add_upload(posters[0].name, posters[0].read_bytes(), replace_id=doc_id)
    assert len(library.documents()) == 2
    assert "svensson" not in _everything(library)
    assert library.search("Svensson").total == 0
    assert "per lund" in _everything(library)
    assert "svensson" not in _pdf_text(library.original(doc_id))


def test_erasure_forgets_the_searches_that_named_the_person(library: Library) -> None:
    surname = NAME.split()[-1]
    for text in (f"läxcafé {NAME}", f"{surname}s telefon", "läxcafé"):
        library.count_search(library.search(text))
    report = library.erase_person(NAME, user="samordnare")
    assert report.searches == 2
    with sqlite3.connect(library.data_dir / search_log.FILE) as db:
        assert db.execute("SELECT key FROM searches").fetchall() == [("läxcafé",)]


def test_a_name_typed_into_a_concept_sheet_is_exported_and_erased(library: Library) -> None:
    ex = _example_of(library, "Huskvarna")
    sheet = library.sheets.create("Närvaroteam", [ex.id], user="samordnare")
    library.sheets.save(sheet.slug, {**sheet.fields.model_dump(),
                                     "coach": f"{NAME}, {EMAIL}"}, user="samordnare")
    exported = library.person_export(NAME)
    assert [s["slug"] for s in exported["concept_sheets"]] == [sheet.slug]
    report = library.erase_person(NAME, user="samordnare")
    assert report.sheet_rows >= 2  # the sheet and its kept versions
    kept = library.sheets.get(sheet.slug)
    assert NAME not in kept.fields.coach and EMAIL not in kept.fields.coach
    assert all(NAME not in repr(v) for v in library.sheets.history(sheet.slug))


def test_erasure_takes_the_name_out_of_file_names(library: Library, posters: list[Path]) -> None:
    """A file named after the person is found by its name alone and renamed, its original
    kept; the upload jobs, corrections and audit rows that quote file names lose it too."""
    other = Path(__file__).resolve().parents[2] / "corpus" / "pdf"
    source = sorted(other.glob("poster-*.pdf"))[0]
    named = library.add_upload("Intervju_ANNA-svensson_2024.pdf", source.read_bytes())
    huskvarna = _example_of(library, "Huskvarna")
    library.add_upload("laxcafe-annasvensson.pdf", _renamed(posters[0].read_bytes()),
                       replace_id=huskvarna.document_id)
    library.jobs.create("parti", "anna svensson inbjudan.pdf", b"%PDF-1.4 x", user="samordnare")
    original = library.original(named.id)
    assert "annasvensson" in _everything(library).replace("-", "").replace("_", "")

    exported = library.person_export(NAME)
    by_file = {d["filename"]: d for d in exported["documents"]}
    assert by_file["Intervju_ANNA-svensson_2024.pdf"]["named_in_filename"] is True
    assert by_file["Intervju_ANNA-svensson_2024.pdf"]["named_in_context"] is False

    report = library.erase_person(NAME, user="samordnare")
    assert report.file_names >= 3
    names = {d.filename for d in library.documents()}
    assert "Intervju_raderad-person_2024.pdf" in names
    assert "laxcafe-raderad-person.pdf" in names
    assert library.original(named.id) == original  # its pages never named her
    con = library.catalogue.conn()
    kept = [r[0] for r in con.execute("SELECT filename FROM jobs")]
    kept += [r[0] for r in con.execute("SELECT filename FROM corrections")]
    kept += [r[0] + (r[1] or "") for r in con.execute("SELECT summary, data FROM audit_log")]
    assert "raderad-person inbjudan.pdf" in kept
    assert not any("svensson" in k.lower() for k in kept)
    assert "svensson" not in _everything(library)
    assert library.search("svensson").total == 0


def test_a_hidden_detail_is_shown_again_after_reading_again(library: Library) -> None:
    ex = _example_of(library, "Huskvarna")
    anna = next(p for p in ex.persons if p.name == NAME)
    phone, organisation = anna.phone, anna.organisation
    assert phone and organisation
    library.hide_person(ex.id, NAME, "phone", user="samordnare")
    library.hide_person(ex.id, NAME, "organisation", user="samordnare")
    assert [(h.name, h.detail) for h in library.hidden(ex.id)] == [
        (NAME, "phone"), (NAME, "organisation")]
    assert phone not in _everything(library)

    again = library.show_hidden(ex.id, NAME, "phone", user="samordnare")
    assert (again.document_id, again.review) == (ex.document_id, False)
    library.read_again(again)
    shown = _example_of(library, "Huskvarna")
    assert shown.id == ex.id
    person = next(p for p in shown.persons if p.name == NAME)
    assert person.phone == phone  # back
    assert person.organisation is None  # still hidden
    assert [(h.name, h.detail) for h in library.hidden(ex.id)] == [(NAME, "organisation")]
    assert phone in _everything(library)
    logged = library.audit_entries(action="person.show")
    assert logged[0].summary.startswith("visar telefonnumret för Anna Svensson igen")
    with pytest.raises(NotFoundError):
        library.show_hidden(ex.id, NAME, "phone")
