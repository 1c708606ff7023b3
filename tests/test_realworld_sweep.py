"""Opt-in robustness sweep over real-world PDFs (benchmarks/realworld.py), as a test.

Runs only with EXEMPELBANKEN_REALWORLD=1 and the folder of real-world PDFs present
(``../shared/realworld-pdfs`` next to the repository, or EXEMPELBANKEN_REALWORLD_PDFS). Every
file is either read or refused for a reason of its own; nothing crashes, nothing hangs past the
time limit, and afterwards catalogue, index and stored originals agree and search answers.

    EXEMPELBANKEN_REALWORLD=1 .venv/bin/python -m pytest tests/test_realworld_sweep.py
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARK = ROOT / "benchmarks" / "realworld.py"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("EXEMPELBANKEN_REALWORLD") != "1",
                       reason="set EXEMPELBANKEN_REALWORLD=1 to sweep the real-world PDFs"),
]


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_realworld", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def realworld() -> ModuleType:
    return _load_benchmark()


@pytest.fixture(scope="module")
def sweep(realworld: ModuleType) -> dict[str, Any]:
    folder = realworld.resolve_folder()
    if not folder.is_dir():
        pytest.skip(f"no real-world PDFs at {folder}")
    files = realworld.list_pdfs(folder)
    if not files:
        pytest.skip(f"no PDF in {folder}")
    return realworld.run_sweep(files, quiet=True)


def _show(entries: list[dict[str, Any]]) -> str:
    lines = []
    for entry in entries:
        read = (entry.get("probe") or {}).get("read", {})
        lines.append(f"{entry['file']}: [{entry['code'] or 'crash'}] {entry['message'][:120]} "
                     f"({entry['reason']}; {read.get('exception', '')} "
                     f"{read.get('where_ours', '')})")
    return "\n".join(lines)


def test_every_file_has_one_outcome(sweep: dict[str, Any]) -> None:
    counts = sweep["counts"]
    refused = sum(counts["refused"].values())
    accounted = counts["read"] + counts["skipped"] + refused + counts["internal"]
    assert accounted + counts["crashed"] == counts["files"]


def test_no_crash_and_no_traceback(sweep: dict[str, Any]) -> None:
    assert sweep["counts"]["crashed"] == 0, _show(sweep["crashes"])
    assert sweep["counts"]["tracebacks"] == 0, sweep["counts"]["traceback_files"]


def test_no_refusal_by_an_internal_error(sweep: dict[str, Any]) -> None:
    assert sweep["counts"]["internal"] == 0, _show(sweep["internal_errors"])


def test_no_file_over_the_time_limit(sweep: dict[str, Any]) -> None:
    assert sweep["time"]["over_time_limit"] == []


def test_catalogue_index_and_originals_agree(sweep: dict[str, Any]) -> None:
    consistency = sweep["consistency"]
    assert consistency["consistent"], consistency
    assert consistency["documents"] == sweep["counts"]["read"]
    assert not any(sweep["reconcile"].values()), sweep["reconcile"]  # nothing to repair


def test_search_answers(sweep: dict[str, Any]) -> None:
    failed = [s for s in sweep["searches"] if "error" in s]
    assert not failed, failed


def test_every_text_is_valid_unicode_in_nfc(sweep: dict[str, Any]) -> None:
    for key in ("text", "stored_text"):
        text = sweep[key]
        assert text["invalid_documents"] == 0, (key, text["files_with_issues"])


def test_pattern_and_limit_select_files(realworld: ModuleType, tmp_path: Path) -> None:
    """The file selection of the benchmark (no real-world PDFs needed)."""
    for name in ("b_poster.pdf", "a_news.pdf", "c_news.PDF", "notes.md"):
        (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    names = [p.name for p in realworld.list_pdfs(tmp_path)]
    assert names == ["a_news.pdf", "b_poster.pdf", "c_news.PDF"]
    assert [p.name for p in realworld.list_pdfs(tmp_path, "news")] == ["a_news.pdf",
                                                                      "c_news.PDF"]
    assert [p.name for p in realworld.list_pdfs(tmp_path, "b_*")] == ["b_poster.pdf"]
    assert len(realworld.list_pdfs(tmp_path, limit=2)) == 2


def test_text_checks_find_surrogates_and_denormalized_text(realworld: ModuleType) -> None:
    from ingest.model import Document, Example

    example = Example(id="d-1", document_id="d", title="Ok\ud83d", text="Cafe\u0301")
    doc = Document(id="d", filename="d.pdf", title="Titel", kind="document", date=None,
                   pages=1, examples=[example])
    kinds = sorted(issue["kind"] for issue in realworld.text_issues(doc))
    assert kinds == ["lone surrogate", "not NFC"]


def test_an_escaping_exception_is_a_crash(realworld: ModuleType, tmp_path: Path) -> None:
    class Broken:
        def ingest_paths(self, paths: list[Path]) -> None:
            raise RuntimeError("boom")

    result = realworld.ingest_one(Broken(), tmp_path / "x.pdf")
    assert result.outcome == "crash"
    assert result.message == "RuntimeError: boom"
    assert "Traceback" in result.traceback


def test_internal_errors_are_told_from_the_files_faults(realworld: ModuleType) -> None:
    def refusal(code: str, message: str = "", **extra: Any) -> Any:
        return realworld.FileResult("f.pdf", outcome="error", code=code, message=message,
                                    **extra)

    assert realworld.internal_reason(refusal("store_failed"))
    assert realworld.internal_reason(refusal("unreadable", "Filen kunde inte läsas in: x"))
    assert realworld.internal_reason(refusal("odd"))
    assert realworld.internal_reason(refusal("corrupt")) is None
    assert realworld.internal_reason(refusal("encrypted")) is None
    readable = {"pdfium": {"ok": True}, "read": {"status": "exception",
                                                 "exception": "ZeroDivisionError"}}
    assert realworld.probed_reason(refusal("corrupt", probe=readable))
    broken = {"pdfium": {"ok": False}, "read": {"status": "refused", "code": "corrupt"}}
    assert realworld.probed_reason(refusal("corrupt", probe=broken)) is None
    locked = {"pdfium": {"ok": False, "error": "PdfiumError: Incorrect password error"}}
    assert realworld.doubtful_reason(refusal("corrupt", probe=locked))
    assert realworld.doubtful_reason(refusal("encrypted", probe=locked)) is None
