"""Robustness sweep: real-world PDFs from other projects' test suites through the real Library.

    .venv/bin/python benchmarks/realworld.py [--folder DIR] [--limit N] [--files PATTERN]
        [--timeout SECONDS] [--json OUT] [--no-probe] [--quiet]

The folder (pdf.js, pdfminer.six and pdfplumber test PDFs, see its README.md) is
``../shared/realworld-pdfs`` next to the repository unless ``--folder`` or the environment
variable EXEMPELBANKEN_REALWORLD_PDFS says otherwise; the sweep is skipped when it is absent.
The files are read from there, never copied into the repository.

Every file goes through ``Library.ingest_paths`` on its own (a fresh temporary data directory,
the real sandboxed ``Reader``), so an exception escaping ``ingest_paths`` is caught per file.
The report: files read, skipped and refused (by error code); crashes; refusals caused by an
internal error rather than by the file; time per file and the slowest files; the reader
workers' peak resident memory; the validity of every stored text (no lone surrogates, NFC);
catalogue, index and stored originals agreeing afterwards; a few searches.

Suspicious refusals are examined in a separate Python process (``--probe``), so that a file
that makes pdfium crash cannot take the sweep with it: pypdfium2 alone opens the file and
extracts the text of every page, then ``ingest.pipeline.read_pdf`` runs outside the sandbox
(in a worker-like set-up: tagger loaded, same memory limit) to show the real exception.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import logging
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.model import Document  # noqa: E402
from ingest.sandbox import TIMEOUT  # noqa: E402

ENV_FOLDER = "EXEMPELBANKEN_REALWORLD_PDFS"
DEFAULT_FOLDER = ROOT.parent / "shared" / "realworld-pdfs"
CONTRACT_CODES = frozenset((
    "missing", "unreadable", "not_pdf", "empty", "too_large", "too_many_pages", "encrypted",
    "corrupt", "no_pages", "timeout", "resource_limit", "store_failed",
))
# refusals worth a second look in a probe process: pdfium alone, then read_pdf unsandboxed
PROBED_CODES = frozenset(("corrupt", "resource_limit", "unreadable", "store_failed"))
# refusals checked against pdfium's own verdict only
CHECKED_CODES = frozenset(("encrypted", "not_pdf", "no_pages", "too_many_pages"))
SEARCHES = ("skola", "the", "data", "", "förskola", "😀")
# what the sandbox logs when the pipeline raised something else than an ingest error
WORKER_WARNINGS = ("could not read ", "reader failed for ", "reader process for ")
TRACEBACK_MARKERS = ("Traceback (most recent call last)", "Fatal Python error")
# C0 controls other than tab and newline, and the BMP noncharacters (ingest/unicode.py drops
# them; reported, not counted as invalid text)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\ufdd0-\ufdef\ufffe\uffff]")
_INVALID_KINDS = ("lone surrogate", "not NFC")


# --- files -----------------------------------------------------------------------------------


def resolve_folder(option: str | None = None) -> Path:
    """The folder of real-world PDFs: the option, else the environment variable, else the
    default next to the repository."""
    return Path(option or os.environ.get(ENV_FOLDER) or DEFAULT_FOLDER)


def list_pdfs(folder: Path, pattern: str | None = None, limit: int | None = None) -> list[Path]:
    """The PDFs of ``folder`` sorted by name; ``pattern`` is a glob on the file name (a plain
    word matches anywhere in it)."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".pdf")
    if pattern:
        glob = pattern if any(c in pattern for c in "*?[") else f"*{pattern}*"
        files = [p for p in files if fnmatch.fnmatch(p.name, glob)]
    return files[:limit] if limit else files


def source_fingerprint() -> dict[str, str]:
    """Which code was measured: a hash of ingest/ and search/ and their newest file."""
    files = sorted([*ROOT.glob("ingest/**/*.py"), *ROOT.glob("search/*.py")])
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    newest = max(files, key=lambda p: p.stat().st_mtime)
    stamp = datetime.fromtimestamp(newest.stat().st_mtime, UTC).isoformat(timespec="seconds")
    return {"sha256": digest.hexdigest()[:16],
            "newest": f"{newest.relative_to(ROOT).as_posix()} {stamp}"}


# --- one file --------------------------------------------------------------------------------


@dataclass
class FileResult:
    name: str
    outcome: str = "crash"  # read, skipped, error or crash
    code: str = ""  # the error code when refused
    message: str = ""  # the error text, the skip reason, the title, or the escaped exception
    seconds: float = 0.0  # the whole ingest_paths call
    read_seconds: float = 0.0  # of which in the sandboxed reader (the rest: checks, storing)
    pages: int | None = None
    ocr_pages: int = 0
    examples: int = 0
    peak_rss_mb: float | None = None  # the reader workers' peak while this file was read
    new_worker: bool = False  # the reader process was (re)started for this file
    log: list[str] = field(default_factory=list)  # stderr of the workers, parent warnings
    traceback: str | None = None  # of an exception that escaped ingest_paths
    text_issues: list[dict[str, str]] = field(default_factory=list)
    internal: str | None = None  # why the refusal is an internal error, not the file's fault
    doubtful: str | None = None  # why the refusal's kind disagrees with pdfium's verdict
    probe: dict[str, Any] | None = None


class TimedReader:
    """The real Reader, with the time of its last ``read`` kept apart from storing."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.seconds = 0.0

    def read(self, path: Path | str, filename: str | None = None,
             thesaurus: Any = None) -> Document:
        started = time.perf_counter()
        try:
            return self.reader.read(path, filename, thesaurus)
        finally:
            self.seconds = time.perf_counter() - started

    def take(self) -> float:
        seconds, self.seconds = self.seconds, 0.0
        return seconds


def ingest_one(library: Any, path: Path) -> FileResult:
    """Ingest one file through ``library.ingest_paths``; an escaping exception is recorded."""
    result = FileResult(path.name)
    started = time.perf_counter()
    try:
        report = library.ingest_paths([path])
    except Exception as exc:  # noqa: BLE001 - exactly what the sweep looks for
        result.seconds = time.perf_counter() - started
        result.message = f"{type(exc).__name__}: {exc}"
        result.traceback = traceback.format_exc()
        return result
    result.seconds = time.perf_counter() - started
    _fill_outcome(result, report)
    return result


def _fill_outcome(result: FileResult, report: Any) -> None:
    entries = len(report.documents) + len(report.skipped) + len(report.errors)
    if entries != 1:
        result.message = f"ingest_paths gave {entries} outcomes for one file"
    elif report.documents:
        doc = report.documents[0]
        result.outcome, result.message = "read", doc.title
        result.pages, result.examples = doc.pages, len(doc.examples)
        result.ocr_pages = len(doc.ocr_pages)
        result.text_issues = text_issues(doc)
    elif report.skipped:
        result.outcome, result.message = "skipped", report.skipped[0]["reason"]
    else:
        error = report.errors[0]
        result.outcome, result.code, result.message = "error", error["code"], error["error"]


def internal_reason(result: FileResult) -> str | None:
    """Why a refusal reveals an internal error (from its code, message and logs alone)."""
    if result.outcome != "error":
        return None
    if result.code not in CONTRACT_CODES:
        return f"error code {result.code!r} is not in the contract"
    if result.code == "store_failed":
        return "the file was read but the document could not be stored"
    if result.code == "unreadable" and result.message.startswith("Filen kunde inte läsas in:"):
        return "a non-ingest exception escaped the reader"
    if any(marker in result.message for marker in TRACEBACK_MARKERS):
        return "the error message holds a traceback"
    if any(line.startswith("reader failed for ") for line in result.log):
        return "the reader's result could not be delivered (Reader._run fallback)"
    return None


def probed_reason(result: FileResult) -> str | None:
    """Why a refusal is internal according to the probe (pdfium reads what we refused)."""
    probe = result.probe or {}
    pdfium, read = probe.get("pdfium", {}), probe.get("read", {})
    if result.code != "corrupt" or not pdfium.get("ok"):
        return None
    if read.get("status") == "exception":
        return f"pdfium reads the file, read_pdf raises {read.get('exception')}"
    if read.get("status") == "died":
        return f"pdfium reads the file, read_pdf kills its process ({read.get('returncode')})"
    if read.get("status") == "read":
        return "pdfium reads the file and read_pdf reads it outside the sandbox"
    if read.get("status") == "refused" and read.get("code") == "corrupt":
        return "pdfium reads the file and every page's text, read_pdf refuses it as corrupt"
    return None


def doubtful_reason(result: FileResult) -> str | None:
    """Why the kind of a refusal disagrees with what pdfium alone says about the file."""
    pdfium = (result.probe or {}).get("pdfium", {})
    error = pdfium.get("error", "")
    if result.code in ("encrypted", "not_pdf", "no_pages") and pdfium.get("ok"):
        return f"pdfium opens it ({pdfium.get('pages')} pages, {pdfium.get('chars')} characters)"
    if result.code == "encrypted" and error and "password" not in error.lower():
        return f"pdfium: {error}"
    if result.code != "encrypted" and "password" in error.lower():
        return f"pdfium: {error}"
    return None


# --- text validity ---------------------------------------------------------------------------


def _document_strings(doc: Document) -> Iterator[tuple[str, str]]:
    yield "title", doc.title
    for warning in doc.warnings:
        yield "warning", warning
    for section in doc.context:
        yield "context.heading", section.heading
        yield "context.text", section.text
    for ex in doc.examples:
        yield "example.title", ex.title
        yield "example.text", ex.text
        for section in ex.sections:
            yield "section.heading", section.heading
            yield "section.text", section.text
        for name, value in (("team", ex.team), ("team_key", ex.team_key)):
            if value:
                yield f"example.{name}", value
        for tag in ex.tags:
            yield "tag.value", tag.value
            if tag.role:
                yield "tag.role", tag.role


def _text_problem(value: str) -> tuple[str, int] | None:
    """The first problem of one string (kind, position), or None."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return "lone surrogate", exc.start
    if not unicodedata.is_normalized("NFC", value):
        bad = next((i for i, c in enumerate(value)
                    if not unicodedata.is_normalized("NFC", value[max(0, i - 1):i + 2])), 0)
        return "not NFC", bad
    control = _CONTROL.search(value)
    return ("control or noncharacter", control.start()) if control else None


def text_issues(doc: Document) -> list[dict[str, str]]:
    """Invalid strings of a document (lone surrogates, not NFC, control characters) and
    evidence that does not equal ``example.text[start:end]``."""
    issues = []
    for where, value in _document_strings(doc):
        problem = _text_problem(value)
        if problem:
            kind, pos = problem
            sample = value[max(0, pos - 20):pos + 20]
            issues.append({"kind": kind, "field": where, "sample": ascii(sample)})
    for ex in doc.examples:
        for tag in ex.tags:
            for ev in tag.evidence:
                if ex.text[ev.start:ev.end] != ev.text:
                    issues.append({"kind": "evidence mismatch", "field": f"{ex.id} {tag.kind}",
                                   "sample": ascii(ev.text[:40])})
    return issues


def text_summary(issues_by_doc: dict[str, list[dict[str, str]]], checked: int) -> dict[str, Any]:
    kinds = Counter(issue["kind"] for issues in issues_by_doc.values() for issue in issues)
    invalid = sorted(name for name, issues in issues_by_doc.items()
                     if any(i["kind"] in _INVALID_KINDS for i in issues))
    return {"documents_checked": checked, "invalid_documents": len(invalid),
            "invalid_files": invalid, "violations": dict(kinds),
            "files_with_issues": {n: i[:5] for n, i in issues_by_doc.items() if i}}


# --- what the reader processes write and use -------------------------------------------------


class StderrCapture:
    """File descriptor 2 of this process, and so of the forkserver and the reader workers
    started while it is active, goes to a file; ``take()`` returns the new lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pos = 0
        self._saved = -1

    def __enter__(self) -> StderrCapture:
        sys.stderr.flush()
        self._saved = os.dup(2)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)
        os.dup2(fd, 2)
        os.close(fd)
        return self

    def take(self) -> list[str]:
        sys.stderr.flush()
        with open(self.path, "rb") as fh:
            fh.seek(self._pos)
            data = fh.read()
        self._pos += len(data)
        return [line for line in data.decode("utf-8", "replace").splitlines() if line.strip()]

    def __exit__(self, *exc: object) -> None:
        sys.stderr.flush()
        os.dup2(self._saved, 2)
        os.close(self._saved)


class WarningRecords(logging.Handler):
    """Warnings logged in this process by ingest/ and search/ (the Reader's own)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def take(self) -> list[str]:
        lines, self.lines = self.lines, []
        return lines


def _process_tree() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    return children


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (the forkserver and the reader workers), Linux only."""
    try:
        tree = _process_tree()
    except OSError:
        return []
    out, todo = [], list(tree.get(pid, []))
    while todo:
        child = todo.pop()
        out.append(child)
        todo.extend(tree.get(child, []))
    return out


def _peak_rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def sample_workers() -> tuple[float | None, frozenset[int]]:
    """The largest peak RSS (MB) among the reader processes since the last sample, and their
    pids. Each peak is reset afterwards (clear_refs 5), so the next sample is per file."""
    pids = frozenset(descendants(os.getpid()))
    peaks = [kb for kb in map(_peak_rss_kb, pids) if kb is not None]
    for pid in pids:
        with suppress(OSError):
            Path(f"/proc/{pid}/clear_refs").write_text("5")
    return (max(peaks) / 1024 if peaks else None), pids


# --- probing a refusal in a separate process -------------------------------------------------


def run_probe(path: Path, step: str, timeout: float) -> dict[str, Any]:
    """Run ``--probe STEP PATH`` in a fresh Python process and return its JSON answer."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--probe", step, str(path)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"step": step, "status": "timeout"}
    lines = proc.stdout.strip().splitlines()
    if proc.returncode == 0 and lines:
        return json.loads(lines[-1])
    return {"step": step, "status": "died", "returncode": proc.returncode,
            "stderr": proc.stderr[-2000:]}


def probe_file(path: Path, timeout: float) -> dict[str, Any]:
    return {"pdfium": run_probe(path, "pdfium", timeout), "read": run_probe(path, "read", timeout)}


def _where(exc: BaseException) -> dict[str, str]:
    """module:function:line of the innermost frame, and of the innermost frame of our code."""
    frames = list(traceback.walk_tb(exc.__traceback__))
    out = {}
    for key, own in (("where", False), ("where_ours", True)):
        for frame, line in reversed(frames):
            module = frame.f_globals.get("__name__", "?")
            if not own or module.split(".")[0] in ("ingest", "search"):
                out[key] = f"{module}:{frame.f_code.co_name}:{line}"
                break
    return out


def _probe_pdfium(path: Path) -> dict[str, Any]:
    """pypdfium2 alone: open the bytes and extract the text of every page."""
    import pypdfium2 as pdfium

    out: dict[str, Any] = {"step": "pdfium", "opened": False, "pages": 0, "chars": 0,
                           "page_errors": [], "ok": False}
    try:
        pdf = pdfium.PdfDocument(path.read_bytes())
    except Exception as exc:  # noqa: BLE001 - the answer is whether it opens
        out["error"] = f"{type(exc).__name__}: {exc}"
        return out
    out["opened"], out["pages"] = True, len(pdf)
    for index in range(min(len(pdf), 200)):
        try:
            page = pdf[index]
            textpage = page.get_textpage()
            out["chars"] += len(textpage.get_text_range())
            textpage.close()
            page.close()
        except Exception as exc:  # noqa: BLE001
            out["page_errors"].append(f"page {index + 1}: {type(exc).__name__}: {exc}")
    pdf.close()
    out["ok"] = not out["page_errors"]
    return out


def _probe_read(path: Path) -> dict[str, Any]:
    """``read_pdf`` as a reader worker runs it, but with every exception shown."""
    import faulthandler

    from ingest import pipeline, sandbox
    from ingest.errors import IngestError

    sandbox._init_worker(sandbox.MEMORY_LIMIT)  # tagger loaded, same memory limit
    faulthandler.enable()  # a crash in pdfium shows the Python stack on stderr
    try:
        doc = pipeline.read_pdf(path, path.name)
    except IngestError as exc:
        return {"step": "read", "status": "refused", "code": exc.code, "message": exc.message,
                "cause": repr(exc.__cause__) if exc.__cause__ else None, **_where(exc)}
    except BaseException as exc:  # noqa: BLE001 - the point of the probe
        return {"step": "read", "status": "exception", "exception": type(exc).__name__,
                "message": str(exc)[:300], "traceback": traceback.format_exc(), **_where(exc)}
    return {"step": "read", "status": "read", "pages": doc.pages, "examples": len(doc.examples),
            "text_issues": text_issues(doc)[:5]}


def probe_main(step: str, path: Path) -> None:
    result = _probe_pdfium(path) if step == "pdfium" else _probe_read(path)
    print(json.dumps(result, ensure_ascii=True))


# --- after the sweep -------------------------------------------------------------------------


def _originals_on_disk(data_dir: Path) -> tuple[dict[str, Path], list[str]]:
    """Stored originals by the sha256 in their name, and stray files (temporary leftovers)."""
    found: dict[str, Path] = {}
    stray = []
    for path in sorted((data_dir / "originals").rglob("*")):
        if path.is_file() and path.suffix == ".pdf" and len(path.stem) == 64:
            found[path.stem] = path
        elif path.is_file():
            stray.append(str(path.relative_to(data_dir)))
    return found, stray


def check_consistency(library: Any) -> dict[str, Any]:
    """Catalogue documents = originals on disk (by sha256), catalogue examples = index."""
    rows = library.catalogue.document_rows()
    by_sha = {row["sha256"]: row["filename"] for row in rows}
    disk, stray = _originals_on_disk(library.data_dir)
    damaged = [sha for sha, path in disk.items()
               if hashlib.sha256(path.read_bytes()).hexdigest() != sha]
    in_catalogue = library.catalogue.example_ids()
    in_index = library.index.indexed_ids()
    out = {
        "documents": len(rows), "originals": len(disk), "stray_files": stray,
        "missing_originals": sorted(by_sha[s] for s in set(by_sha) - set(disk)),
        "orphan_originals": sorted(set(disk) - set(by_sha)), "damaged_originals": damaged,
        "catalogue_examples": len(in_catalogue), "index_entries": library.index.doc_count(),
        "missing_in_index": sorted(in_catalogue - in_index)[:20],
        "extra_in_index": sorted(in_index - in_catalogue)[:20],
        "unindexed_documents": library.catalogue.unindexed(),
    }
    out["consistent"] = not (stray or out["missing_originals"] or out["orphan_originals"]
                             or damaged or in_catalogue != in_index or out["unindexed_documents"]
                             or out["index_entries"] != len(in_index))
    return out


def run_searches(library: Any) -> list[dict[str, Any]]:
    """A few searches and the concept views: each answers, or its exception is recorded."""
    def search(q: str) -> dict[str, Any]:
        result = library.search(q)
        return {"total": result.total, "message": result.message,
                "suggestion": result.suggestion}

    calls: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        (f"search {q!r}", lambda q=q: search(q)) for q in SEARCHES
    ]
    calls += [("concepts", lambda: {"total": len(library.concepts())}),
              ("municipalities", lambda: {"total": len(library.municipalities())})]
    out = []
    for name, call in calls:
        started = time.perf_counter()
        try:
            answer: dict[str, Any] = {"call": name, **call()}
        except Exception as exc:  # noqa: BLE001
            answer = {"call": name, "error": f"{type(exc).__name__}: {exc}",
                      "traceback": traceback.format_exc()}
        answer["seconds"] = round(time.perf_counter() - started, 3)
        out.append(answer)
    return out


# --- the sweep -------------------------------------------------------------------------------


def _progress_line(index: int, total: int, result: FileResult) -> str:
    what = result.outcome if result.outcome != "error" else f"refused ({result.code})"
    flag = " INTERNAL" if result.internal else ""
    return f"[{index}/{total}] {result.seconds:6.2f}s {what}{flag}  {result.name}"


def _sweep_files(library: Any, files: list[Path], capture: StderrCapture,
                 warnings: WarningRecords, quiet: bool) -> list[FileResult]:
    results = []
    workers = frozenset(descendants(os.getpid()))
    for index, path in enumerate(files, start=1):
        result = ingest_one(library, path)
        result.read_seconds = library._reader.take()
        result.log = capture.take() + warnings.take()
        result.peak_rss_mb, pids = sample_workers()
        result.new_worker = bool(pids - workers)
        workers = pids
        result.internal = internal_reason(result)
        results.append(result)
        if not quiet:
            print(_progress_line(index, len(files), result), flush=True)
    return results


def _probe_refusals(results: list[FileResult], folder: Path, timeout: float,
                    quiet: bool) -> None:
    for result in results:
        suspicious = any(line.startswith(WORKER_WARNINGS) for line in result.log)
        if result.outcome != "error":
            continue
        if result.code in PROBED_CODES or suspicious:
            result.probe = probe_file(folder / result.name, timeout + 30)
        elif result.code in CHECKED_CODES:
            result.probe = {"pdfium": run_probe(folder / result.name, "pdfium", 60)}
        else:
            continue
        result.internal = result.internal or probed_reason(result)
        result.doubtful = doubtful_reason(result)
        if not quiet:
            pdfium, read = result.probe["pdfium"], result.probe.get("read", {})
            print(f"probed {result.name} ({result.code}): pdfium ok={pdfium.get('ok')} "
                  f"{pdfium.get('error', '')} read_pdf {read.get('status', '-')} "
                  f"{read.get('exception', '')}", flush=True)


def _fill_missing_pages(results: list[FileResult], folder: Path) -> None:
    """Page counts (from pdfium in a probe process) for the slowest files that were not read."""
    for result in sorted(results, key=lambda r: -r.seconds)[:10]:
        if result.pages is None:
            info = (result.probe or {}).get("pdfium") or run_probe(folder / result.name,
                                                                    "pdfium", 60)
            result.pages = info.get("pages") if info.get("opened") else None


def run_sweep(files: list[Path], timeout: float = TIMEOUT, probe: bool = True,
              quiet: bool = False) -> dict[str, Any]:
    """Ingest ``files`` one at a time into a fresh temporary library; the whole report."""
    from ingest.sandbox import Reader
    from search.library import Library

    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    warnings = WarningRecords()
    loggers = [logging.getLogger(name) for name in ("ingest", "search")]
    for logger in loggers:
        logger.addHandler(warnings)
    with tempfile.TemporaryDirectory(prefix="realworld-") as tmp, \
            StderrCapture(Path(tmp) / "stderr.log") as capture:
        try:
            with Reader(timeout=timeout) as reader, \
                    Library(Path(tmp) / "data", reader=TimedReader(reader)) as library:
                warmup = _warm_up(reader)
                startup_log = capture.take() + warnings.take()
                sweep_started = time.perf_counter()
                results = _sweep_files(library, files, capture, warnings, quiet)
                sweep_seconds = time.perf_counter() - sweep_started
                after = _after_sweep(library)
        finally:
            for logger in loggers:
                logger.removeHandler(warnings)
    folder = files[0].parent if files else Path()
    if probe:
        _probe_refusals(results, folder, timeout, quiet)
    _fill_missing_pages(results, folder)
    report = summarize(results, timeout, sweep_seconds, after)
    report.update(started=started_at, folder=str(folder), warmup_seconds=round(warmup, 2),
                  startup_log=startup_log, source=source_fingerprint())
    return report


def _warm_up(reader: Any) -> float:
    """Start the reader worker (tagger loading) on a bundled PDF, outside the measurements."""
    started = time.perf_counter()
    sample = next(iter(sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))), None)
    if sample is not None:
        reader.read(sample)
    return time.perf_counter() - started


def _after_sweep(library: Any) -> dict[str, Any]:
    documents = library.documents()
    stored = {doc.filename: text_issues(doc) for doc in documents}
    languages = Counter(doc.language for doc in documents)
    return {"stored_text": text_summary(stored, len(stored)),
            "languages": dict(languages.most_common()),
            "consistency": check_consistency(library),
            "searches": run_searches(library),
            "reconcile": library.reconcile()}


# --- the report ------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def _counts(results: list[FileResult]) -> dict[str, Any]:
    refused = Counter(r.code for r in results if r.outcome == "error" and not r.internal)
    tracebacks = [r.name for r in results if r.traceback
                  or any(m in line for line in [r.message, *r.log] for m in TRACEBACK_MARKERS)]
    return {
        "files": len(results),
        "read": sum(r.outcome == "read" for r in results),
        "skipped": sum(r.outcome == "skipped" for r in results),
        "refused": dict(sorted(refused.items(), key=lambda kv: -kv[1])),
        "internal": sum(bool(r.internal) for r in results),
        "crashed": sum(r.outcome == "crash" for r in results),
        "tracebacks": len(tracebacks),
        "traceback_files": tracebacks,
    }


def _timing(results: list[FileResult], timeout: float, sweep_seconds: float) -> dict[str, Any]:
    seconds = [r.seconds for r in results]
    reading = [r.read_seconds for r in results]
    storing = [r.seconds - r.read_seconds for r in results]
    slowest = sorted(results, key=lambda r: -r.seconds)[:10]
    over = [r.name for r in results if r.code == "timeout" or r.seconds > timeout]
    peaks = [r for r in results if r.peak_rss_mb is not None]
    top = max(peaks, key=lambda r: r.peak_rss_mb or 0.0, default=None)
    return {
        "total_seconds": round(sweep_seconds, 1), "files_seconds": round(sum(seconds), 1),
        "p50": round(percentile(seconds, 0.5), 3), "p95": round(percentile(seconds, 0.95), 3),
        "max": round(max(seconds, default=0.0), 3), "timeout": timeout,
        "read_p50": round(percentile(reading, 0.5), 3),
        "read_p95": round(percentile(reading, 0.95), 3),
        "read_max": round(max(reading, default=0.0), 3),
        "rest_p50": round(percentile(storing, 0.5), 3),
        "rest_p95": round(percentile(storing, 0.95), 3),
        "rest_max": round(max(storing, default=0.0), 3),
        "over_time_limit": over,
        "slowest": [{"file": r.name, "seconds": round(r.seconds, 2),
                     "read_seconds": round(r.read_seconds, 2), "pages": r.pages,
                     "ocr_pages": r.ocr_pages, "outcome": r.code or r.outcome,
                     "new_worker": r.new_worker} for r in slowest],
        "worker_peak_rss_mb": round(top.peak_rss_mb, 1) if top and top.peak_rss_mb else None,
        "worker_peak_rss_file": top.name if top else None,
        "worker_restarts": [r.name for r in results if r.new_worker],
    }


def _problem_entry(result: FileResult) -> dict[str, Any]:
    entry = {"file": result.name, "code": result.code, "message": result.message,
             "reason": result.internal or result.doubtful, "log": result.log[:10]}
    if result.traceback:
        entry["traceback"] = result.traceback
    if result.probe:
        entry["probe"] = result.probe
    return entry


def summarize(results: list[FileResult], timeout: float, sweep_seconds: float,
              after: dict[str, Any]) -> dict[str, Any]:
    read_issues = {r.name: r.text_issues for r in results if r.outcome == "read"}
    return {
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "counts": _counts(results),
        "time": _timing(results, timeout, sweep_seconds),
        "text": text_summary(read_issues, len(read_issues)),
        **after,
        "crashes": [_problem_entry(r) for r in results if r.outcome == "crash"],
        "internal_errors": [_problem_entry(r) for r in results if r.internal],
        "doubtful_refusals": [_problem_entry(r) for r in results if r.doubtful],
        "probed": [_problem_entry(r) for r in results if r.probe and not r.internal],
        "files": [asdict(r) for r in results],
    }


def _print_counts(report: dict[str, Any]) -> None:
    counts, timing = report["counts"], report["time"]
    print(f"\nrealworld sweep: {counts['files']} files from {report['folder']}, "
          f"started {report['started']}, code {report['source']['sha256']} "
          f"(newest {report['source']['newest']})")
    rows = [("read (documents stored)", counts["read"]),
            ("skipped (identical bytes)", counts["skipped"])]
    rows += [(f"refused: {code}", n) for code, n in counts["refused"].items()]
    rows += [("refused by an internal error", counts["internal"]),
             ("crashed (exception escaped ingest_paths)", counts["crashed"]),
             ("files with a traceback", counts["tracebacks"]),
             ("over the time limit", len(timing["over_time_limit"]))]
    print(f"{'outcome':44} {'files':>6}")
    for label, n in rows:
        print(f"{label:44} {n:6d}")


def _print_details(report: dict[str, Any]) -> None:
    timing, text, cons = report["time"], report["text"], report["consistency"]
    print(f"\ntime: sweep {timing['total_seconds']} s (warm-up {report['warmup_seconds']} s), "
          f"per file p50 {timing['p50']} s, p95 {timing['p95']} s, max {timing['max']} s; "
          f"limit {timing['timeout']:.0f} s")
    print(f"  of which in the reader: p50 {timing['read_p50']} s, p95 {timing['read_p95']} s, "
          f"max {timing['read_max']} s; checks and storing: p50 {timing['rest_p50']} s, "
          f"p95 {timing['rest_p95']} s, max {timing['rest_max']} s")
    print(f"worker peak RSS: {timing['worker_peak_rss_mb']} MB ({timing['worker_peak_rss_file']})"
          f"; worker (re)starts during the sweep: {len(timing['worker_restarts'])}")
    stored = report["stored_text"]
    print(f"text: {text['documents_checked']} documents read, {text['invalid_documents']} "
          f"invalid; stored {stored['documents_checked']}, {stored['invalid_documents']} "
          f"invalid; violations {text['violations'] or 'none'}")
    print(f"consistency: catalogue {cons['documents']} documents, originals {cons['originals']} "
          f"(missing {len(cons['missing_originals'])}, orphan {len(cons['orphan_originals'])}, "
          f"stray {len(cons['stray_files'])}); examples {cons['catalogue_examples']}, index "
          f"{cons['index_entries']}; unindexed {len(cons['unindexed_documents'])}: "
          f"{'OK' if cons['consistent'] else 'INCONSISTENT'}; reconcile {report['reconcile']}")
    answers = [f"{s['call']}={s.get('total', s.get('error'))}" for s in report["searches"]]
    print("searches: " + ", ".join(answers))
    print("languages of the stored documents: " + ", ".join(
        f"{code} {n}" for code, n in report.get("languages", {}).items()))
    print(f"\n{'slowest files':60} {'seconds':>8} {'reader':>7} {'pages':>6} {'OCR':>4}  "
          "outcome")
    for row in timing["slowest"]:
        pages = "?" if row["pages"] is None else str(row["pages"])
        restart = " (new worker)" if row["new_worker"] else ""
        print(f"{row['file'][:60]:60} {row['seconds']:8.2f} {row['read_seconds']:7.2f} "
              f"{pages:>6} {row['ocr_pages']:4d}  {row['outcome']}{restart}")


def _print_problems(report: dict[str, Any]) -> None:
    sections = (("crashed", "crashes"), ("refused by an internal error", "internal_errors"),
                ("refused, but pdfium disagrees about why", "doubtful_refusals"))
    for title, key in sections:
        if report[key]:
            print(f"\n{title}:")
        for entry in report[key]:
            read = (entry.get("probe") or {}).get("read", {})
            detail = read.get("exception") or read.get("code") or ""
            where = read.get("where_ours") or read.get("where") or ""
            print(f"  {entry['file']}: [{entry['code'] or 'crash'}] {entry['message'][:100]}")
            print(f"    {entry['reason']}; {detail} {read.get('message', '')[:100]} {where}")
            for line in entry["log"][:2]:
                print(f"    log: {line[:150]}")


def print_report(report: dict[str, Any]) -> None:
    _print_counts(report)
    _print_details(report)
    _print_problems(report)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", help=f"default: ${ENV_FOLDER} or {DEFAULT_FOLDER}")
    parser.add_argument("--limit", type=int, help="only the first N files, by name")
    parser.add_argument("--files", metavar="PATTERN", help="glob (or word) on the file name")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per file")
    parser.add_argument("--json", metavar="OUT", help="write the full report there")
    parser.add_argument("--no-probe", action="store_true", help="do not examine refusals")
    parser.add_argument("--quiet", action="store_true", help="no line per file")
    parser.add_argument("--probe", nargs=2, metavar=("STEP", "PDF"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[attr-defined]
    if args.probe:
        probe_main(args.probe[0], Path(args.probe[1]))
        return
    folder = resolve_folder(args.folder)
    if not folder.is_dir():
        print(f"skipped: no folder {folder} (set --folder or {ENV_FOLDER})")
        return
    files = list_pdfs(folder, args.files, args.limit)
    if not files:
        print(f"no PDF in {folder} matches")
        return
    report = run_sweep(files, args.timeout, probe=not args.no_probe, quiet=args.quiet)
    print_report(report)
    if args.json:
        text = json.dumps(report, ensure_ascii=False, indent=1)
        # a lone surrogate in a title or message stays visible as its JSON escape
        Path(args.json).write_bytes(text.encode("utf-8", "backslashreplace"))
        print(f"\nreport written to {args.json}")


if __name__ == "__main__":
    main()
