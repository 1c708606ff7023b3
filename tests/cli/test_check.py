"""``exempelbanken check [--repair] [--json]``: catalogue, index and originals compared, and
the command line working on a store whose index is truncated (it heals when opened)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from search.library import Library
from web.cli import main


@pytest.fixture
def store(corpus_store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(corpus_store, target)
    return target


def run(store: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--data-dir", str(store)],
                                catch_exceptions=False)
    return result.exit_code, result.output


def check_json(store: Path, *args: str) -> tuple[int, dict]:
    code, output = run(store, "check", "--json", *args)
    return code, json.loads(output)


def truncate_segments(store: Path) -> None:
    root = store / "index"
    generation = root / (root / "CURRENT").read_text(encoding="utf-8").strip()
    segments = list(generation.glob("*.seg"))
    assert segments
    for segment in segments:
        os.truncate(segment, 0)


def some_original(store: Path) -> tuple[str, Path]:
    with Library(store) as library:
        row = library.catalogue.document_rows()[0]
        sha = row["sha256"]
        return row["id"], store / "originals" / sha[:2] / f"{sha}.pdf"


def test_check_on_a_consistent_store(store: Path) -> None:
    code, output = run(store, "check")
    assert code == 0, output
    assert "stämmer överens" in output
    code, report = check_json(store)
    assert code == 0 and report["ok"] and report["problems"] == []
    assert report["index_entries"] == report["examples"] > 0
    assert report["remaining"] is None


def test_check_finds_orphan_and_missing_original_and_repair_removes_the_orphan(
        store: Path) -> None:
    document_id, original = some_original(store)
    original.unlink()  # a document without its file
    orphan = store / "originals" / "ab" / ("ab" + "0" * 62 + ".pdf")
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"%PDF-1.4 ingen anvander mig\n")
    leftover = store / "tmp" / "tmpupload.pdf"
    leftover.parent.mkdir(exist_ok=True)
    leftover.write_bytes(b"%PDF-1.4 halvfardig uppladdning\n")
    old = time.time() - 3600
    os.utime(leftover, (old, old))
    fresh = store / "tmp" / "pagaende.pdf"  # an upload being read right now: not an orphan
    fresh.write_bytes(b"%PDF-1.4\n")

    code, output = run(store, "check")
    assert code == 1
    assert document_id in output and "originals/ab/" in output

    code, report = check_json(store)
    assert code == 1 and not report["ok"]
    assert [m["document_id"] for m in report["missing_originals"]] == [document_id]
    assert report["orphan_files"] == [f"originals/ab/{orphan.name}", "tmp/tmpupload.pdf"]
    assert orphan.exists() and leftover.exists()  # check alone changes nothing

    generation = (store / "index" / "CURRENT").read_text(encoding="utf-8")
    code, report = check_json(store, "--repair")
    assert code == 1  # the missing original cannot be recreated
    assert not orphan.exists() and not leftover.exists() and fresh.exists()
    assert len(report["remaining"]) == 1 and document_id in report["remaining"][0]
    assert any("byggdes om" in line for line in report["repaired"])
    assert (store / "index" / "CURRENT").read_text(encoding="utf-8") != generation


def test_repair_fixes_everything_the_catalogue_can(store: Path) -> None:
    orphan = store / "originals" / "cd" / "kvarglomd.pdf.tmp"
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"rest")
    with Library(store) as library:  # an example missing from the index, one flagged
        example_id = next(iter(library.catalogue.example_ids()))
        library.index.replace([], [example_id], [])
        library.catalogue.set_indexed([library.catalogue.document_rows()[0]["id"]], 0)
    code, report = check_json(store)
    assert code == 1
    assert report["missing_from_index"] == [example_id]
    assert len(report["unindexed_documents"]) == 1
    assert report["orphan_files"] == ["originals/cd/kvarglomd.pdf.tmp"]
    code, report = check_json(store, "--repair")
    assert code == 0 and report["remaining"] == []
    code, output = run(store, "check")
    assert code == 0, output


def garbage_in_segments(store: Path) -> None:
    """Bytes overwritten in the middle: opening the index still works, reading it does not."""
    root = store / "index"
    generation = root / (root / "CURRENT").read_text(encoding="utf-8").strip()
    for segment in generation.glob("*.seg"):
        with open(segment, "r+b") as fh:
            fh.seek(segment.stat().st_size // 2)
            fh.write(b"\x00" * 4096)


@pytest.mark.parametrize("damage", [truncate_segments, garbage_in_segments],
                         ids=["truncated", "garbage"])
def test_check_reports_a_corrupt_index_and_repair_rebuilds_it(store: Path, damage) -> None:  # noqa: ANN001
    damage(store)
    code, report = check_json(store)
    assert code == 1 and report["index_problem"]
    assert report["index_entries"] is None
    code, again = check_json(store)  # check did not repair it behind our back
    assert code == 1 and again["index_problem"]
    code, output = run(store, "check", "--repair")
    assert code == 0, output
    assert "Allt är rättat" in output
    assert run(store, "check")[0] == 0


def test_search_show_and_reindex_work_on_a_truncated_index(store: Path) -> None:
    code, output = run(store, "search", "hembesök", "--json")
    assert code == 0
    before = json.loads(output)
    example_id = before["results"][0]["id"]

    truncate_segments(store)
    code, output = run(store, "search", "hembesök", "--json")
    assert code == 0, output
    assert json.loads(output)["total"] == before["total"]

    truncate_segments(store)
    code, output = run(store, "show", example_id, "--json")
    assert code == 0, output
    assert json.loads(output)["id"] == example_id

    truncate_segments(store)
    code, output = run(store, "reindex")
    assert code == 0, output
    assert run(store, "check")[0] == 0
