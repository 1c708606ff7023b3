"""The audit log records coordinators' changes with who and when, per document and for the bank."""

from __future__ import annotations

import csv
import io

from search import audit
from search.library import Library

from .conftest import EXAMPLES_A, make_document


def test_changes_are_logged_per_document_and_survive_replacement(tmp_path, reader) -> None:
    lib = Library(tmp_path / "data", reader=reader)
    doc, data = make_document("nb.pdf", EXAMPLES_A)
    reader.add(doc, data)
    lib.add_upload("nb.pdf", data)
    ex = next(e for e in doc.examples if e.title == "Sätt Aneby i rörelse")
    lib.correct_tag(ex.id, "municipality", "Eksjö", "add", user="anna")
    lib.correct_tag(ex.id, "intervention", "aktiv skolväg", "remove", user="bertil")
    lib.merge_examples([doc.examples[0].id, doc.examples[1].id], user="anna")

    rows = lib.audit_entries(document_id=doc.id)
    assert [r.action for r in rows] == ["example.merge", "tag.remove", "tag.add"]
    assert [r.user for r in rows] == ["anna", "bertil", "anna"]
    assert rows[2].example_id == ex.id and rows[2].data["value"] == "Eksjö"
    assert "Eksjö" in rows[2].summary and rows[2].created_at
    assert [r.action for r in lib.audit_entries(user="bertil")] == ["tag.remove"]
    assert len(lib.audit_entries(action="tag")) == 2
    assert [r.action for r in lib.audit_entries(before=rows[0].id, limit=1)] == ["tag.remove"]

    lib.add_upload("nb.pdf", data, replace_id=doc.id)  # a new version keeps its history
    assert len(lib.audit_entries(document_id=doc.id)) == 3

    lib.remove_document(doc.id, user="anna")
    newest = lib.audit_entries()[0]
    assert newest.action == "document.remove" and newest.user == "anna"
    assert "nb.pdf" in newest.summary
    table = list(csv.reader(io.StringIO(audit.as_csv(lib.audit_entries())[1:]), delimiter=";"))
    assert table[0][:4] == ["id", "tid", "användare", "åtgärd"] and len(table) == 5
    lib.close()


def test_forgetting_a_name_rewrites_the_log(tmp_path, reader) -> None:
    lib = Library(tmp_path / "data", reader=reader)
    with lib.catalogue.transaction() as con:
        audit.record(con, "person.hide", "dolde Kim Lindqvist på ett exempel", user="anna",
                     data={"person": "Kim Lindqvist"})
        audit.record(con, "tag.add", "lade till municipality 'Habo'", user="anna")
    with lib.catalogue.transaction() as con:
        assert audit.forget_name(con, "Kim Lindqvist") == 1
    text = repr([r.model_dump() for r in lib.audit_entries()])
    assert "Kim Lindqvist" not in text and "[raderad person]" in text
    lib.close()
