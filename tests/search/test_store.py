"""The stored library: duplicates, replacement, corrections, removal, crash consistency."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from search.errors import DuplicateError
from search.library import Library

from .conftest import EXAMPLES_A, EXAMPLES_B, FakeReader, make_document


def _library(tmp_path: Path, reader: FakeReader) -> Library:
    return Library(tmp_path / "data", reader=reader)


def test_identical_bytes_skipped(tmp_path, reader, add_docs) -> None:
    lib = _library(tmp_path, reader)
    docs = [make_document("a.pdf", EXAMPLES_A)]
    first = add_docs(lib, reader, tmp_path / "in", docs)
    assert len(first.documents) == 1
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "kopia.pdf").write_bytes(docs[0][1])
    second = lib.ingest_paths([tmp_path / "copy"], reader=reader)
    assert second.documents == [] and len(second.skipped) == 1
    assert "Identisk" in second.skipped[0]["reason"]
    assert lib.search("").total == 3
    lib.close()


def test_non_pdf_errors_and_keeps_store(tmp_path, reader, add_docs) -> None:
    lib = _library(tmp_path, reader)
    add_docs(lib, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "anteckning.txt").write_text("inte en pdf")
    report = lib.ingest_paths([bad, tmp_path / "saknas.pdf"], reader=reader)
    assert len(report.errors) == 2 and report.documents == []
    assert all(e["error"] for e in report.errors)
    assert lib.search("").total == 3
    lib.close()


def test_upload_duplicate_raises(tmp_path, reader) -> None:
    lib = _library(tmp_path, reader)
    doc, data = make_document("a.pdf", EXAMPLES_A)
    reader.add(doc, data)
    stored = lib.add_upload("a.pdf", data)
    assert stored.id == doc.id and lib.original(doc.id) == data
    with pytest.raises(DuplicateError) as err:
        lib.add_upload("annat-namn.pdf", data)
    assert err.value.status == 409
    lib.close()


def test_correction_survives_replacement(tmp_path, reader) -> None:
    lib = _library(tmp_path, reader)
    doc, data = make_document("nyhetsbrev.pdf", EXAMPLES_A)
    reader.add(doc, data)
    lib.add_upload("nyhetsbrev.pdf", data)
    ex_id = next(e.id for e in doc.examples if e.title == "Sätt Aneby i rörelse")
    lib.correct_tag(ex_id, "municipality", "Eksjö", "add", user="anna")
    lib.correct_tag(ex_id, "intervention", "aktiv skolväg", "remove", user="anna")
    assert "Eksjö" in lib.example(ex_id).municipalities
    assert lib.search("", {"kommun": ["Eksjö"]}).total == 1

    # Another newsletter with the same file name (another municipality's "nyhetsbrev.pdf")
    # is a new document: the first one and its corrections stay, nothing carries over.
    other, other_data = make_document("nyhetsbrev.pdf", EXAMPLES_A, salt="annan")
    reader.add(other, other_data)
    second = lib.add_upload("nyhetsbrev.pdf", other_data)
    assert second.id != doc.id and lib.document(doc.id) is not None
    assert lib.original(doc.id) is not None
    other_aneby = next(e for e in second.examples if e.title == "Sätt Aneby i rörelse")
    assert "Eksjö" not in other_aneby.municipalities
    assert lib.search("", {"kommun": ["Eksjö"]}).total == 1
    assert lib.search("").total == 6

    # A new version chosen explicitly (replace_id) takes the first one's place, keeping its
    # corrections.
    new_doc, new_data = make_document("nyhetsbrev.pdf", EXAMPLES_A, salt="v2")
    reader.add(new_doc, new_data)
    replaced = lib.add_upload("nyhetsbrev.pdf", new_data, replace_id=doc.id)
    assert lib.document(doc.id) is None and lib.original(doc.id) is None
    aneby = next(e for e in replaced.examples if e.title == "Sätt Aneby i rörelse")
    assert "Eksjö" in aneby.municipalities
    assert "aktiv skolväg" not in aneby.interventions
    assert lib.search("", {"kommun": ["Eksjö"]}).total == 1
    assert lib.search("").total == 6

    # Replacing again under another file name keeps them too.
    third, third_data = make_document("nyhetsbrev-ny.pdf", EXAMPLES_A, salt="v3")
    reader.add(third, third_data)
    lib.add_upload("nyhetsbrev-ny.pdf", third_data, replace_id=replaced.id)
    hits = lib.search("", {"kommun": ["Eksjö"]}).hits
    assert [h["document"]["filename"] for h in hits] == ["nyhetsbrev-ny.pdf"]
    lib.close()


def test_replacing_with_the_same_bytes_reads_again_and_keeps_corrections(tmp_path, reader):
    lib = _library(tmp_path, reader)
    doc, data = make_document("nb.pdf", EXAMPLES_A)
    reader.add(doc, data)
    lib.add_upload("nb.pdf", data)
    ex_id = next(e.id for e in doc.examples if e.title == "Sätt Aneby i rörelse")
    lib.correct_tag(ex_id, "municipality", "Eksjö", "add", user="anna")

    again = lib.add_upload("nb.pdf", data, replace_id=doc.id)
    assert again.id == doc.id
    assert "Eksjö" in lib.example(ex_id).municipalities
    assert lib.original(doc.id) == data
    assert lib.search("").total == 3
    with pytest.raises(DuplicateError):  # without replace_id the same bytes stay a duplicate
        lib.add_upload("nb.pdf", data)
    lib.close()


def test_correction_survives_reindex_with_retag(tmp_path, reader) -> None:
    pytest.importorskip("ingest.tagging", reason="tagging not available")
    from ingest import tagging

    if not hasattr(tagging, "tag_document"):
        pytest.skip("ingest.tagging.tag_document not available yet")
    lib = _library(tmp_path, reader)
    doc, data = make_document("nb.pdf", EXAMPLES_A)
    reader.add(doc, data)
    lib.add_upload("nb.pdf", data)
    ex_id = doc.examples[0].id
    lib.correct_tag(ex_id, "municipality", "Habo", "add")
    lib.reindex(retag=True)
    assert "Habo" in lib.example(ex_id).municipalities
    assert lib.search("", {"kommun": ["Habo"]}).total == 1
    lib.close()


def test_merge_and_split_survive_replacement(tmp_path, reader) -> None:
    lib = _library(tmp_path, reader)
    doc, data = make_document("nb.pdf", EXAMPLES_A)
    reader.add(doc, data)
    lib.add_upload("nb.pdf", data)
    ids = [e.id for e in doc.examples]
    merged = lib.merge_examples(ids[:2])
    assert "hembesök" in merged.text and lib.example(ids[1]) is None
    assert lib.search("").total == 2
    parts = lib.split_example(ids[2], 1)
    assert len(parts) == 2 and lib.search("").total == 3
    new_doc, new_data = make_document("nb.pdf", EXAMPLES_A, salt="v2")
    reader.add(new_doc, new_data)
    again = lib.add_upload("nb.pdf", new_data, replace_id=doc.id)
    assert len(again.examples) == 3
    assert "hembesök" in again.examples[0].text
    lib.close()


def test_remove_document(tmp_path, reader, add_docs) -> None:
    lib = _library(tmp_path, reader)
    docs = [make_document("a.pdf", EXAMPLES_A), make_document("b.pdf", EXAMPLES_B)]
    add_docs(lib, reader, tmp_path / "in", docs)
    assert lib.remove_document(docs[0][0].id)
    assert lib.search("").total == 3 and lib.document(docs[0][0].id) is None
    assert not lib.remove_document("finnsinte")
    lib.close()


def test_reconcile_repairs_unindexed_document(tmp_path, reader) -> None:
    data_dir = tmp_path / "data"
    lib = Library(data_dir, reader=reader)
    doc, data = make_document("a.pdf", EXAMPLES_A)
    # Simulate a crash after the catalogue commit but before the index was written.
    with lib.catalogue.transaction() as con:
        lib.catalogue.insert_document(con, doc)
    assert lib.search("").total == 0
    lib.close()
    reopened = Library(data_dir, reader=reader)
    assert reopened.search("").total == 3
    assert reopened.catalogue.unindexed() == []
    reopened.close()


def test_reconcile_removes_extra_index_entries(tmp_path, reader, add_docs) -> None:
    data_dir = tmp_path / "data"
    lib = Library(data_dir, reader=reader)
    docs = [make_document("a.pdf", EXAMPLES_A)]
    add_docs(lib, reader, tmp_path / "in", docs)
    # Crash after deleting from the catalogue, before the index delete.
    with lib.catalogue.transaction() as con:
        lib.catalogue.delete_document(con, docs[0][0].id)
    lib.close()
    reopened = Library(data_dir, reader=reader)
    assert reopened.search("").total == 0
    reopened.close()


def test_reindex_swaps_generation(tmp_path, reader, add_docs) -> None:
    lib = _library(tmp_path, reader)
    add_docs(lib, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
    root = tmp_path / "data" / "index"
    before = (root / "CURRENT").read_text()
    assert lib.reindex() == 3
    after = (root / "CURRENT").read_text()
    assert before != after and (root / after).is_dir() and not (root / before).exists()
    assert lib.search("hembesök").total == 1
    # A second library instance (another process) follows the pointer.
    other = Library(tmp_path / "data", reader=reader)
    lib.reindex()
    assert other.search("hembesök").total == 1
    other.close()
    lib.close()


def test_lost_index_is_rebuilt(tmp_path, reader, add_docs) -> None:
    import shutil

    lib = _library(tmp_path, reader)
    add_docs(lib, reader, tmp_path / "in", [make_document("a.pdf", EXAMPLES_A)])
    lib.close()
    shutil.rmtree(tmp_path / "data" / "index")
    again = _library(tmp_path, reader)
    assert again.search("").total == 3
    again.close()


def _slow_ingest(data_dir: str, folder: str) -> None:
    """Child: ingest many documents one by one (killed midway by the parent)."""
    specs = EXAMPLES_A + EXAMPLES_B
    fake = FakeReader()
    paths = []
    for n in range(200):
        doc, data = make_document(f"nb-{n:03d}.pdf", specs, salt=str(n))
        fake.add(doc, data)
        path = Path(folder) / doc.filename
        path.write_bytes(data)
        paths.append(path)
    lib = Library(Path(data_dir), reader=fake)
    for path in paths:
        lib.ingest_paths([path])


def test_kill_during_ingest_leaves_usable_store(tmp_path) -> None:
    data_dir = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    ctx = multiprocessing.get_context("fork")
    child = ctx.Process(target=_slow_ingest, args=(str(data_dir), str(folder)))
    child.start()
    deadline = time.time() + 60
    while time.time() < deadline:
        db = data_dir / "catalogue.sqlite3"
        if db.exists() and db.stat().st_size > 40_000:
            break
        time.sleep(0.05)
    time.sleep(0.3)
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    lib = Library(data_dir)
    stored = lib.catalogue.example_count()
    assert stored > 0
    assert lib.search("").total == stored
    assert lib.catalogue.unindexed() == []
    assert lib.search("hembesök").total > 0
    lib.close()
