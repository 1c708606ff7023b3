"""A document waits for review or is published; only published examples are public."""

from __future__ import annotations

import sqlite3

from search.catalogue import Catalogue
from search.fallback import catalogue_search
from search.library import Library

from .conftest import EXAMPLES_A, EXAMPLES_B, make_document


def _store(tmp_path, reader) -> tuple[Library, str, str]:
    lib = Library(tmp_path / "data", reader=reader)
    doc_a, data_a = make_document("a.pdf", EXAMPLES_A)
    doc_b, data_b = make_document("b.pdf", EXAMPLES_B, date="2024-02")
    reader.add(doc_a, data_a)
    reader.add(doc_b, data_b)
    lib.add_upload("a.pdf", data_a)  # published at once (the library's default)
    lib.add_upload("b.pdf", data_b, review=True)
    return lib, doc_a.id, doc_b.id


def test_waiting_documents_stay_out_of_every_public_view(tmp_path, reader) -> None:
    lib, published, waiting = _store(tmp_path, reader)
    assert lib.is_published(published) and not lib.is_published(waiting)
    assert lib.search("").total == 3
    assert lib.search("Habo").total == 0  # only in the waiting document
    assert "Habo" not in lib.search("").facets["kommun"]
    assert lib.search("", {"kommun": ["Gnosjö"]}).total == 0
    counts = {m.name: m.examples for m in lib.municipalities()}
    assert counts["Gnosjö"] == 0 and counts["Aneby"] == 1
    assert all(h.document.id == published for h in lib.similar(f"{published}-2", 10))
    assert catalogue_search(lib.catalogue, "Habo", {}, 1, 10, "relevance").total == 0
    items = lib.review_items(waiting_only=True)
    assert [(i.id, i.examples, i.review) for i in items] == [(waiting, 3, "review")]

    assert lib.publish([waiting, published], user="anna") == [waiting]
    assert lib.search("Habo").total == 1
    assert {m.name: m.examples for m in lib.municipalities()}["Gnosjö"] == 1
    assert lib.review_items(waiting_only=True) == []
    rows = lib.audit_entries(document_id=waiting)
    assert [(r.action, r.user) for r in rows] == [("document.publish", "anna")]
    assert "b.pdf" in rows[0].summary

    assert lib.set_review([waiting], True, user="bertil") == [waiting]
    assert lib.search("Habo").total == 0
    assert lib.audit_entries(document_id=waiting)[0].action == "document.review"
    lib.close()


def test_reindexing_keeps_the_review_state(tmp_path, reader) -> None:
    lib, _, _ = _store(tmp_path, reader)
    lib.reindex()
    assert lib.search("Habo").total == 0 and lib.search("").total == 3
    lib.close()


def test_ingest_paths_publishes_unless_asked_to_wait(tmp_path, reader) -> None:
    doc, data = make_document("c.pdf", EXAMPLES_A)
    reader.add(doc, data)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "c.pdf").write_bytes(data)
    lib = Library(tmp_path / "data", reader=reader)
    lib.ingest_paths([tmp_path / "in"], review=True)
    assert not lib.is_published(doc.id) and lib.search("").total == 0
    lib.close()


def test_catalogues_from_before_the_review_state_are_published(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, filename TEXT NOT NULL, "
                "title TEXT NOT NULL, kind TEXT NOT NULL, date TEXT, pages INTEGER NOT NULL, "
                "sha256 TEXT NOT NULL UNIQUE, data TEXT NOT NULL, indexed INTEGER NOT NULL "
                "DEFAULT 0, added_at TEXT NOT NULL)")
    con.execute("INSERT INTO documents VALUES ('0123456789abcdef', 'x.pdf', 'X', 'poster', "
                "NULL, 1, 'ff', '{}', 1, '2020-01-01')")
    con.commit()
    con.close()
    catalogue = Catalogue(path)
    assert catalogue.is_published("0123456789abcdef")
    catalogue.close()


def test_added_tags_come_from_the_vocabulary(tmp_path, reader) -> None:
    import pytest

    from search.errors import InvalidRequestError

    lib, published, _ = _store(tmp_path, reader)
    ex_id = f"{published}-1"
    with pytest.raises(InvalidRequestError, match="Gotham"):
        lib.correct_tag(ex_id, "municipality", "Gotham", "add", user="anna")
    lib.correct_tag(ex_id, "municipality", "Gotham", "add", user="anna", new_term=True)
    assert "Gotham" not in lib.example(ex_id).municipalities
    assert "Gotham" not in lib.search("").facets["kommun"]
    assert lib.municipality("Gotham") is None
    assert [(p["kind"], p["value"], p["example_id"]) for p in lib.term_proposals()] == [
        ("municipality", "Gotham", ex_id)]
    lib.correct_tag(ex_id, "intervention", "GEMENSAMMA  hembesök", "add", user="anna")
    assert "gemensamma hembesök" in lib.example(ex_id).interventions
    assert lib.tag_examples([ex_id, f"{published}-2"], "actor", "Skola", user="anna") == 2
    assert lib.audit_entries(action="tag.bulk")[0].data["value"] == "skola"
    with pytest.raises(InvalidRequestError):
        lib.tag_examples([ex_id], "place", "Metropolis")
    lib.correct_tag(ex_id, "team", "Vilket namn som helst", "add")  # names are free
    lib.close()
