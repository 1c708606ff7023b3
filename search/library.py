"""The library facade: everything stored, and the way to search it.

Writes go catalogue first (one SQLite transaction, documents flagged ``indexed=0``), then the
Whoosh index, then the flag. Opening a library reconciles the index with the catalogue, so a
crash at any point leaves a usable, consistent store.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeVar

from whoosh.searching import Searcher

from ingest.errors import IngestError
from ingest.formats import FORMATS, PDF, UPLOAD_SUFFIXES, FileFormat
from ingest.ids import document_id_for, is_document_id
from ingest.model import Document
from ingest.tagging.thesaurus import Thesaurus, clean_label, use
from search import (
    audit,
    edits,
    gdpr,
    pages,
    persons,
    search_log,
    spelling,
    users,
    vocabulary,
    warmup,
)
from search import query as squery
from search.catalogue import PUBLISHED, REVIEW, Catalogue, check_text, title_key
from search.concept_sheets import SheetStore
from search.concepts import COUNTY, ConceptView
from search.consistency import (
    CheckReport,
    MissingOriginal,
    duplicates,
    original_name,
    orphan_files,
    stored_names,
)
from search.datadir import ensure_private_dir, resolve_data_dir
from search.errors import (
    FULL_MESSAGE,
    DuplicateError,
    InvalidRequestError,
    LibraryError,
    NotFoundError,
    StorageFullError,
    storage_error,
)
from search.fallback import catalogue_search
from search.files import StoredFile, open_stored
from search.index import IndexFault, IndexStore, is_disk_full, is_index_error
from search.jobs import JobStore
from search.records import (
    AuditEntry,
    Concept,
    ConceptItem,
    ExampleSummary,
    HiddenDetail,
    Hit,
    IngestEvent,
    IngestOutcome,
    IngestReport,
    Inspiration,
    Municipality,
    MunicipalityItem,
    Rereading,
    ReviewItem,
    SearchResult,
    Spread,
    SpreadOverride,
    SpreadStatus,
    StartPlan,
    WeakSearch,
)
from search.records import Document as DocumentRecord
from search.records import Example as ExampleRecord
from search.search_log import SearchLog, search_key
from search.spread import STATUSES
from search.spread_overrides import MAX_REASON, change_count, remove_override, set_override
from search.start_tables import StartTables
from search.thesaurus_edits import ThesaurusStore

__all__ = ["CheckReport", "DocumentReader", "IngestEvent", "IngestReport", "Library",
           "SearchResult"]

log = logging.getLogger(__name__)
T = TypeVar("T")

RESERVE_BYTES = 2 * 1024 * 1024  # disk kept free for taking back a failed write
MIN_FREE_BYTES = 32 * 1024 * 1024  # uploads are refused (507) below this much free space

def upload_name(filename: str | None) -> str:
    """The last component of an uploaded file's name."""
    return Path((filename or "").replace("\\", "/")).name or "dokument.pdf"


class DocumentReader(Protocol):
    """Reads a PDF into a Document (``ingest.sandbox.Reader``, or a stand-in in tests)."""

    def read(self, path: Path, filename: str, thesaurus: Thesaurus | None = None
             ) -> Document: ...


def _collect_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The files to ingest (folders recursively, hidden files left out) and the missing paths."""
    files: list[Path] = []
    missing: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*")
                                if f.is_file() and not f.name.startswith(".")))
        elif p.exists():
            files.append(p)
        else:
            missing.append(p)
    return files, missing


def _finished_event(report: IngestReport, outcome: IngestOutcome, index: int, total: int,
                    path: Path, seconds: float) -> IngestEvent:
    """The event for a file just done, from the entry ``ingest_paths`` added to ``report``."""
    done = {"index": index, "total": total, "path": str(path), "outcome": outcome,
            "seconds": seconds}
    if outcome == "read":
        doc = report.documents[-1]
        return IngestEvent(**done, pages=doc.pages, examples=len(doc.examples),
                           message=doc.title)
    if outcome == "skipped":
        return IngestEvent(**done, message=report.skipped[-1].reason)
    error = report.errors[-1]
    return IngestEvent(**done, message=error.error, code=error.code)


def _source_format(row: sqlite3.Row) -> str:
    """The format a stored document was uploaded in (documents stored before office files
    were read have none: PDF)."""
    return json.loads(row["data"] or "{}").get("source_format", "pdf")


def _write_once(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole (a temporary file, synced, then renamed), unless the
    file is already there: files are named by their content's hash."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


class Library:
    def __init__(self, data_dir: Path | str, reader: DocumentReader | None = None) -> None:
        self.data_dir = resolve_data_dir(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        (self.data_dir / "originals").mkdir(exist_ok=True)
        ensure_private_dir(self.data_dir)  # 0700/0600: the catalogue holds password hashes
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._lock_file: Any = None
        self._reader = reader
        self._own_reader: Any = None  # an ingest.sandbox.Reader once a file is read
        self.reader_niceness: int | None = None  # its CPU priority (None: the reader's default)
        self.reader_cores: int | None = None  # the cores it may use (None: the reader's default)
        self.min_free_bytes = MIN_FREE_BYTES
        self.catalogue = Catalogue(self.data_dir / "catalogue.sqlite3")
        self._concept_view: tuple[int, ConceptView] | None = None
        self.thesaurus = ThesaurusStore(self.catalogue, self._writing)
        self._start_tables = StartTables(self.data_dir)
        self._start_tables.preset()  # before the index (its version reads the taxonomy)
        self.sheets = SheetStore(self.catalogue, self._writing)
        persons.ensure_table(self.catalogue)
        self.jobs = JobStore(self.catalogue, self.data_dir)
        self.searches = SearchLog(self.data_dir / search_log.FILE)
        with self._writing():
            self.index = IndexStore(self.data_dir / "index")
            self.reconcile()
            self._keep_reserve()
        if self.warm_in_background:
            self.index.warmer = warmup.Warmer(self.index, self._warm)
            self.index.warmer.request()  # the state it opened, before the first search

    # --- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._own_reader is not None:
            self._own_reader.close()
            self._own_reader = None
        self.index.close()
        self.searches.close()
        self.catalogue.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One writer at a time: a thread lock plus an fcntl lock on data_dir/write.lock."""
        with self._thread_lock:
            if self._depth == 0:
                fh = open(self.data_dir / "write.lock", "a+")  # noqa: SIM115
                fcntl.flock(fh, fcntl.LOCK_EX)
                self._lock_file = fh
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    fcntl.flock(self._lock_file, fcntl.LOCK_UN)
                    self._lock_file.close()
                    self._lock_file = None

    # --- consistency -----------------------------------------------------------------------

    def reconcile(self) -> dict[str, int]:
        """Repair the index from the catalogue: a missing or broken index is rebuilt (in the
        background when ``heal_in_background``), unflagged documents are indexed, missing or
        extra entries added or removed. Never fails for the index's sake: a rebuild that
        cannot be done now is logged and tried again on the next fault."""
        report = {"reindexed_documents": 0, "added": 0, "removed": 0}
        if not self.repair_index:
            return report
        with self._writing():
            self.index.on_fault = self._on_index_fault
            if not self.index.usable:
                if self.heal_index("opened") and not self.heal_in_background:
                    report["added"] = self.catalogue.example_count()
                return report
            try:
                self._reconcile_entries(report)
            except IndexFault as exc:
                self.heal_index(str(exc))
            self.index.collect_garbage()
            return report

    def _index_document(self, doc_id: str, remove: list[str] | tuple[str, ...] = ()) -> None:
        meta = self.catalogue.doc_meta(doc_id)
        doc = self.catalogue.load_document(doc_id)
        rows = [(ex, meta) for ex in doc.examples] if doc and meta else []
        self.index.replace([doc_id, *remove], [], rows)
        if doc is not None:
            self.catalogue.set_indexed([doc_id])

    # --- originals -------------------------------------------------------------------------

    def _original_file(self, sha: str) -> Path:
        """The PDF of the document whose file has this SHA-256: the file itself, or for an
        office file the PDF LibreOffice made of it."""
        return self.data_dir / original_name(sha)

    def _source_file(self, sha: str, fmt: FileFormat) -> Path:
        """The uploaded office file itself (``fmt`` not PDF)."""
        return self.data_dir / original_name(sha, fmt.suffix)

    def _store_original(self, sha: str, data: bytes, doc: Document) -> None:
        """Keep ``data`` by its hash (and an office file's PDF beside it); pages of these bytes
        are drawn afresh from now on."""
        pages.drop_pictures(self.data_dir, document_id_for(sha))
        fmt = FORMATS.get(doc.source_format, PDF)
        if fmt.is_office:
            _write_once(self._source_file(sha, fmt), data)
        _write_once(self._original_file(sha), doc.rendition if fmt.is_office and doc.rendition
                    else data)

    def _drop_original(self, sha: str) -> None:
        """Delete the files of ``sha`` and its page pictures, unless a document still uses
        them."""
        if self.catalogue.document_by_sha(sha) is None:
            for suffix in UPLOAD_SUFFIXES:
                with suppress(OSError):
                    (self.data_dir / original_name(sha, suffix)).unlink()
            pages.drop_pictures(self.data_dir, document_id_for(sha))

    def _stored_as(self, sha: str) -> sqlite3.Row | None:
        """The stored document of a file with this SHA-256: by its bytes, or by the id those
        bytes give, for a document whose stored file was redacted since (search/gdpr.py)."""
        return self.catalogue.document_by_sha(sha) or self.catalogue.document_row(
            document_id_for(sha))

    def _document_row(self, document_id: str) -> sqlite3.Row | None:
        """The catalogue row of a document; None for no such document or no document id."""
        if not is_document_id(document_id):
            return None
        return self.catalogue.document_row(document_id)

    def original(self, document_id: str) -> bytes | None:
        """The stored PDF of a document; None when there is no such document or its file is
        missing."""
        stored = self.open_original(document_id)
        return stored.read() if stored is not None else None

    def open_original(self, document_id: str) -> StoredFile | None:
        """The stored PDF of a document opened for reading (its ETag is the file's SHA-256);
        None when there is no such document or its file is missing."""
        row = self._document_row(document_id)
        if row is None:
            return None
        return open_stored(self._original_file(row["sha256"]), etag=row["sha256"])

    def open_source(self, document_id: str) -> tuple[StoredFile, FileFormat] | None:
        """The office file a document was read from (DOCX, PPTX, ODT, ODP) and its format;
        None for a document read from a PDF, no such document, or a missing file."""
        row = self._document_row(document_id)
        fmt = FORMATS.get(_source_format(row)) if row is not None else None
        if row is None or fmt is None or not fmt.is_office:
            return None
        stored = open_stored(self._source_file(row["sha256"], fmt), etag=row["sha256"])
        return (stored, fmt) if stored is not None else None

    def page_image(self, document_id: str, page: int, width: int,
                   limits: pages.RenderLimits | None = None) -> StoredFile | None:
        """The PNG picture of page ``page`` (from 1) of a document, ``width`` pixels wide: drawn
        once, then kept. None when there is no such document or page, its original is missing
        or the page cannot be drawn; ``pages.Busy`` when too many pages are being drawn."""
        row = self._document_row(document_id)
        if row is None or not 1 <= page <= max(row["pages"], 1):
            return None
        original = self._original_file(row["sha256"])
        if not original.is_file():
            return None
        target = pages.picture_path(self.data_dir, row["id"], page, width)
        picture = pages.page_picture(original, page, width, target,
                                     limits or pages.RenderLimits())
        return open_stored(picture) if picture is not None else None

    # --- ingestion ---------------------------------------------------------------------------

    def reader(self) -> DocumentReader:
        """The reader this library reads files with (the queue's local workers share it)."""
        return self._get_reader()

    def _get_reader(self) -> DocumentReader:
        if self._reader is not None:
            return self._reader
        if self._own_reader is None:
            from ingest.sandbox import Reader  # child processes: only when reading files

            self._own_reader = Reader(niceness=self.reader_niceness, cores=self.reader_cores)
        return self._own_reader

    def _store(self, doc: Document, data: bytes, replace_id: str | None = None,
               review: bool = False) -> Document:
        """Store a freshly read document: a new one, or the new version of ``replace_id``
        (which keeps that document's corrections); ``review``: it waits for a coordinator's
        review before it is published.

        All or nothing: when a write fails (a full disk, say), catalogue, index and originals
        are left as they were and a ``StorageError`` says why; a retry later can succeed.
        """
        sha = hashlib.sha256(data).hexdigest()
        doc.sha256 = sha
        if not doc.id:
            doc.id = document_id_for(sha)
        old = self.catalogue.load_document(replace_id) if replace_id else None
        old_row = self.catalogue.document_row(old.id) if old else None
        lineage = old_row["lineage"] if old_row else doc.id
        edits.reapply(doc, self.catalogue.corrections_for(lineage))
        terms = persons.erased_terms(doc, self.erasure_key(),
                                     persons.erased_hashes(self.catalogue))
        if terms:  # an erased person in a file read again: out of its texts and its PDF
            data = gdpr.redact_read_file(doc, data, terms)
            sha = doc.sha256
        self._keep_reserve()
        try:
            self._store_original(sha, data, doc)
            with self.catalogue.transaction() as con:
                if old is not None:
                    self.catalogue.delete_document(con, old.id)
                self.catalogue.insert_document(con, doc, lineage, review)
        except Exception as exc:
            self._drop_original(sha)  # unless a stored document has these bytes
            raise storage_error(exc) from exc
        try:
            self._index_document(doc.id, remove=[old.id] if old else [])
        except Exception as exc:
            self._undo_store(doc, old, lineage,
                             old_row is not None and old_row["review"] == REVIEW)
            raise storage_error(exc) from exc
        if old is not None and old.sha256 != sha:
            self._drop_original(old.sha256)
        return doc

    def _undo_store(self, doc: Document, old: Document | None, lineage: str,
                    old_review: bool = False) -> None:
        """Take back a document whose indexing failed, restoring the version it replaced (the
        index still has that one: a failed index write is cancelled). Best effort: if even this
        fails, the document stays flagged as unindexed and ``reconcile`` indexes it later."""
        with suppress(OSError):
            self._reserve_file().unlink()  # room for the rollback on a full disk
        try:
            with self.catalogue.transaction() as con:
                self.catalogue.delete_document(con, doc.id)
                if old is not None:
                    self.catalogue.insert_document(con, old, lineage, old_review)
            if old is not None:
                self.catalogue.set_indexed([old.id])
            self._drop_original(doc.sha256)
        except Exception:  # noqa: BLE001 - the original error is what the caller reports
            log.warning("could not take back %s after a failed index write", doc.id,
                        exc_info=True)
        self._keep_reserve()

    # --- free space ----------------------------------------------------------------------------

    def _reserve_file(self) -> Path:
        return self.data_dir / "reserve"

    def _keep_reserve(self) -> None:
        """Keep RESERVE_BYTES of disk in a file of our own, given up when a failed write must
        be taken back on a full disk (even a SQLite delete needs room). Best effort."""
        path = self._reserve_file()
        if path.exists() and path.stat().st_size >= RESERVE_BYTES:
            return
        try:
            with open(path, "wb") as fh:
                fh.write(b"\0" * RESERVE_BYTES)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError:
            with suppress(OSError):
                path.unlink()

    def _check_free_space(self, size: int) -> None:
        """Refuse early, before reading, when the disk has too little room for a file of
        ``size`` bytes (the original, its catalogue rows and index entries, with a margin)."""
        if self.min_free_bytes <= 0:
            return
        try:
            free = shutil.disk_usage(self.data_dir).free
        except OSError:
            return
        if free < self.min_free_bytes + 3 * size:
            raise StorageFullError(FULL_MESSAGE)

    def _read(self, reader: DocumentReader, path: Path, filename: str) -> Document:
        doc = reader.read(path, filename, thesaurus=self.thesaurus.current())
        doc.filename = filename
        return doc

    def ingest_paths(self, paths: list[Path], reader: DocumentReader | None = None,
                     progress: Callable[[IngestEvent], None] | None = None,
                     review: bool = False) -> IngestReport:
        """Read and store PDFs (files or folders, recursively), one file at a time: published
        at once, or with ``review`` waiting for a coordinator's review.

        A file that cannot be found, read or stored becomes an entry in ``errors`` and the batch
        goes on. ``progress``, if given, is called as the files are processed (IngestEvent).
        """
        started = time.perf_counter()
        report = IngestReport()
        files, missing = _collect_files(paths)
        total = len(missing) + len(files)
        notify = progress or (lambda event: None)
        for index, path in enumerate(missing, start=1):
            report.add_error(path, "Filen finns inte.", "missing")
            notify(IngestEvent(index=index, total=total, path=str(path), outcome="error",
                               message="Filen finns inte.", code="missing"))
        for index, path in enumerate(files, start=len(missing) + 1):
            notify(IngestEvent(index=index, total=total, path=str(path), outcome="started"))
            file_started = time.perf_counter()
            outcome = self._ingest_file(path, reader, report, review)
            notify(_finished_event(report, outcome, index, total, path,
                                   time.perf_counter() - file_started))
        report.seconds = time.perf_counter() - started
        return report

    def _ingest_file(self, path: Path, reader: DocumentReader | None,
                     report: IngestReport, review: bool = False) -> IngestOutcome:
        """Read and store one file, recording the result in ``report``."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            report.add_error(path, f"Filen kunde inte läsas: {exc.strerror or exc}",
                             "unreadable")
            return "error"
        sha = hashlib.sha256(data).hexdigest()
        existing = self._stored_as(sha)
        if existing is not None:
            report.add_skipped(path, existing["filename"], existing["id"])
            return "skipped"
        try:
            doc = self._read(reader or self._get_reader(), path, path.name)
        except IngestError as exc:
            report.add_error(path, exc.message, exc.code)
            return "error"
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the rest
            report.add_error(path, f"Filen kunde inte läsas in: {exc}", "unreadable")
            return "error"
        return self._store_read_file(path, doc, data, sha, report, review)

    def _store_read_file(self, path: Path, doc: Document, data: bytes, sha: str,
                         report: IngestReport, review: bool = False) -> IngestOutcome:
        """Store one document read by ``ingest_paths``; a failure is an error for that file."""
        with self._writing():
            existing = self._stored_as(sha)
            if existing is not None:  # stored by another writer while this file was read
                report.add_skipped(path, existing["filename"], existing["id"])
                return "skipped"
            try:
                stored = self._store(doc, data, review=review)
            except LibraryError as exc:  # one file that cannot be stored, not the batch
                report.add_error(path, exc.message, exc.code)
                return "error"
        report.documents.append(DocumentRecord.of(stored))
        return "read"

    def add_upload(self, filename: str, data: bytes, replace_id: str | None = None,
                   review: bool = False) -> DocumentRecord:
        """Read and store an uploaded PDF as a new document, whatever its name: file names may
        repeat. With ``replace_id`` it takes that document's place, keeping its corrections
        (the same bytes are read again: a way to re-run ingestion). ``review``: it waits for
        a coordinator's review before it is published."""
        filename = upload_name(filename)
        finished = self.check_upload(data, replace_id)
        if finished is not None:
            return finished
        doc = self._read_upload(data, filename)
        return self.store_upload(filename, data, doc, replace_id, review)

    def check_upload(self, data: bytes, replace_id: str | None = None) -> DocumentRecord | None:
        """What can be known about an upload before reading it: raises DuplicateError for
        stored bytes, NotFoundError for an unknown ``replace_id``, StorageFullError when the
        disk is nearly full. A document of these bytes whose indexing failed earlier is
        indexed now and returned (the upload was a retry)."""
        sha = hashlib.sha256(data).hexdigest()
        existing = self._stored_as(sha)
        if existing is not None and not existing["indexed"] and existing["id"] != replace_id:
            # a retry after a failed write
            return DocumentRecord.of(self._finish_indexing(existing["id"]))
        if existing is not None and existing["id"] != replace_id:
            raise DuplicateError(
                f"Filen finns redan i exempelbanken som {existing['filename']}.", existing["id"])
        if replace_id is not None and self.catalogue.document_row(replace_id) is None:
            raise NotFoundError("Dokumentet som skulle ersättas finns inte.")
        self._check_free_space(len(data))
        return None

    def store_upload(self, filename: str, data: bytes, doc: Document,
                     replace_id: str | None = None, review: bool = False) -> DocumentRecord:
        """Store an upload read elsewhere (a queue worker): ``doc`` is the reading of
        ``data``; with ``review`` it waits for a coordinator's review. Raises DuplicateError
        when the same bytes were stored meanwhile."""
        doc.filename = upload_name(filename)
        sha = hashlib.sha256(data).hexdigest()
        with self._writing():
            existing = self._stored_as(sha)
            if existing is not None and existing["id"] != replace_id:
                raise DuplicateError("Filen finns redan i exempelbanken.", existing["id"])
            if replace_id is not None and self.catalogue.document_row(replace_id) is None:
                raise NotFoundError("Dokumentet som skulle ersättas finns inte.")
            return DocumentRecord.of(self._store(doc, data, replace_id, review))

    def _read_upload(self, data: bytes, filename: str) -> Document:
        """Read uploaded bytes through a temporary file (the reader's child process opens it
        rather than receiving the bytes); a failure to write it is a storage error."""
        tmp_dir = self.data_dir / "tmp"
        tmp: str | None = None
        try:
            tmp_dir.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=tmp_dir, suffix=".upload")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            if tmp is not None:
                with suppress(OSError):
                    os.unlink(tmp)
            raise storage_error(exc) from exc
        try:
            return self._read(self._get_reader(), Path(tmp), filename)
        finally:
            with suppress(OSError):
                os.unlink(tmp)

    def _finish_indexing(self, doc_id: str) -> Document:
        """Index a stored document whose indexing failed earlier (it is flagged unindexed)."""
        with self._writing():
            try:
                self._index_document(doc_id)
            except Exception as exc:
                raise storage_error(exc) from exc
            doc = self.catalogue.load_document(doc_id)
            if doc is None:
                raise NotFoundError("Dokumentet finns inte.")
            return doc

    def remove_document(self, document_id: str, user: str | None = None) -> bool:
        with self._writing():
            row = self.catalogue.document_row(document_id)
            if row is None:
                return False
            with self.catalogue.transaction() as con:
                audit.record(con, "document.remove",
                             f"tog bort {row['filename']} ({row['title']})", user=user,
                             document_id=document_id)
                self.catalogue.delete_document(con, document_id)
            self.index.replace([document_id], [], [])
            self._drop_original(row["sha256"])
            return True

    # --- review: a document waits for a coordinator, then is published -------------------------

    def is_published(self, document_id: str) -> bool:
        """The document is published (public pages, search and API show it)."""
        return is_document_id(document_id) and self.catalogue.is_published(document_id)

    def review_items(self, waiting_only: bool = False) -> list[ReviewItem]:
        """The documents, newest upload first, with their review state; ``waiting_only``: the
        ones waiting for review (the coordinators' inbox)."""
        items = []
        for row in self.catalogue.review_rows(REVIEW if waiting_only else None):
            data = json.loads(row["data"] or "{}")
            items.append(ReviewItem(
                id=row["id"], title=row["title"], filename=row["filename"], kind=row["kind"],
                date=row["date"], pages=row["pages"], examples=row["example_count"],
                ocr_pages=data.get("ocr_pages") or [], warnings=data.get("warnings") or [],
                review=row["review"], added_at=row["added_at"]))
        return items

    def publish(self, document_ids: list[str], user: str | None = None) -> list[str]:
        """Publish these documents (an audit row each); the ids that were waiting."""
        return self.set_review(document_ids, False, user)

    def set_review(self, document_ids: list[str], review: bool, user: str | None = None
                   ) -> list[str]:
        """Set documents to wait for review (``review``) or to be published, writing an
        audit row for each that changed and indexing them again; the changed ids."""
        ids = [d for d in dict.fromkeys(document_ids) if is_document_id(d)]
        if not ids:
            return []
        state, action = (REVIEW, "document.review") if review else (PUBLISHED,
                                                                      "document.publish")
        verb = "satte att granska" if review else "publicerade"
        with self._writing():
            with self.catalogue.transaction() as con:
                changed = self.catalogue.set_review(con, ids, state)
                for doc_id in changed:
                    row = self.catalogue.document_row(doc_id)
                    audit.record(con, action, f"{verb} {row['filename']} ({row['title']})",
                                 user=user, document_id=doc_id)
            for doc_id in changed:
                self._index_document(doc_id)
            return changed

    def reindex(self, retag: bool = False) -> int:
        """Rebuild the index from the catalogue into a new directory and swap it in. With
        ``retag``, run the tagger again on every document and re-apply corrections."""
        with self._writing():
            if retag:
                self._retag_all()
            return self._rebuild_index()

    def _retag_all(self) -> None:
        from ingest.tagging import tag_document  # spaCy: loaded only when retagging
        from ingest.tagging.language import with_language_warning

        use(self.thesaurus.current())  # the tagger reads the library's thesaurus
        key, erased = self.erasure_key(), persons.erased_hashes(self.catalogue)
        for row in self.catalogue.document_rows():
            doc = self.catalogue.load_document(row["id"])
            if doc is None:
                continue
            for ex in doc.examples:
                ex.tags, ex.team, ex.team_key = [], None, None
            tag_document(doc)
            doc.warnings = with_language_warning(doc.warnings, doc.language)
            edits.reapply(doc, self.catalogue.corrections_for(row["lineage"]))
            persons.apply_erasures(doc, key, erased)
            self._rewrite_document_texts(doc)  # its language, read again
            self._rewrite(doc, index=False)

    # --- edits ---------------------------------------------------------------------------------

    def _rewrite(self, doc: Document, index: bool = True) -> None:
        """Replace a document's examples in the catalogue (flagged), then in the index."""
        with self.catalogue.transaction() as con:
            con.execute("DELETE FROM examples WHERE document_id=?", (doc.id,))
            for seq, ex in enumerate(doc.examples, start=1):
                self.catalogue.insert_example(con, ex, seq)
            con.execute("UPDATE documents SET indexed=0 WHERE id=?", (doc.id,))
        if index:
            self._index_document(doc.id)

    def _doc_of(self, example_id: str) -> Document:
        ex = self.catalogue.example(example_id)
        doc = self.catalogue.load_document(ex.document_id) if ex else None
        if doc is None:
            raise NotFoundError("Exemplet finns inte.")
        return doc

    def vocabulary(self) -> vocabulary.Vocabulary:
        """The values a coordinator's tag may take (gazetteer, thesaurus, taxonomy)."""
        return vocabulary.vocabulary(self.thesaurus.current())

    def _checked_tag(self, kind: str, value: str, action: str, role: str | None) -> str:
        """The tag's value as stored: refused (``InvalidRequestError``) for a bad kind, action
        or value, or (added) a value the vocabulary does not know (``UnknownTerm``)."""
        from ingest.model import TAG_KINDS

        value = " ".join((value or "").split())
        if kind not in TAG_KINDS:
            raise InvalidRequestError(f"Okänd taggtyp: {kind}.")
        if action not in ("add", "remove"):
            raise InvalidRequestError("Åtgärden måste vara add eller remove.")
        if not value:
            raise InvalidRequestError("Taggen saknar värde.")
        check_text((value, role), "Taggen")
        return self.vocabulary().check(kind, value) if action == "add" else value

    def correct_tag(self, example_id: str, kind: str, value: str, action: str = "add",
                    user: str | None = None, role: str | None = None,
                    new_term: bool = False) -> ExampleRecord:
        """Add or remove a tag of an example, kept across re-ingestion. An added value must
        be known to the vocabulary (``vocabulary``): else it is refused, or with ``new_term``
        kept as a proposed term (``propose_term``) and the example left as it is."""
        try:
            value = self._checked_tag(kind, value, action, role)
        except vocabulary.UnknownTerm as exc:
            if not new_term:
                raise InvalidRequestError(str(exc)) from None
            self.propose_term(example_id, kind, value, user)  # NotFoundError for no example
            record = self.example(example_id)
            if record is None:
                raise NotFoundError("Exemplet finns inte.") from None
            return record
        with self._writing():
            doc = self._doc_of(example_id)
            ex = next(e for e in doc.examples if e.id == example_id)
            edits.apply_tag(ex, kind, value, action, role)
            with self.catalogue.transaction() as con:
                self.catalogue.add_correction(con, doc.id, ex.title, kind, value, role,
                                              action, user)
                verb = "lade till" if action == "add" else "tog bort"
                audit.record(con, f"tag.{action}", f"{verb} {kind} {value!r} på {ex.title!r}",
                             user=user, document_id=doc.id, example_id=ex.id,
                             data={"kind": kind, "value": value, "role": role})
            self._rewrite(doc)
            return ExampleRecord.of(ex)

    def propose_term(self, example_id: str, kind: str, value: str,
                     user: str | None = None) -> None:
        """Keep a value the vocabulary does not know as a proposed new term for it (shown to
        coordinators), never as a tag: it makes no facet, page or spread."""
        value = " ".join((value or "").split())
        if not value:
            raise InvalidRequestError("Taggen saknar värde.")
        with self._writing():
            ex = self.catalogue.example(example_id)
            if ex is None:
                raise NotFoundError("Exemplet finns inte.")
            with self.catalogue.transaction() as con:
                row = self.catalogue.document_row(ex.document_id)
                vocabulary.propose(con, kind, value, ex.id, row["lineage"] if row else None,
                                   user)
                audit.record(con, "term.propose", f"föreslog {kind} {value!r} som ny term",
                             user=user, document_id=ex.document_id, example_id=ex.id,
                             data={"kind": kind, "value": value})

    def term_proposals(self, limit: int = 200) -> list[dict[str, Any]]:
        """The proposed new terms, newest first."""
        return vocabulary.proposals(self.catalogue, limit)

    def accept_proposal(self, proposal_id: int, concept_key: str,
                        user: str | None = None) -> tuple[str, int]:
        """Make a proposed value a term of a thesaurus concept of its tag kind (a focus area
        or an intervention) and tag the examples it was proposed for with that concept; the
        proposals of the value are then done. The concept's preferred label and the number
        of examples tagged."""
        with self._writing():
            row = vocabulary.proposal(self.catalogue, proposal_id)
            if row is None:
                raise NotFoundError("Förslaget finns inte (längre).")
            concept = self.thesaurus.current().concept(concept_key)
            if concept is None or concept.kind != row["kind"]:
                raise InvalidRequestError("Välj ett begrepp av samma slag som förslaget.")
            kind, value = row["kind"], row["value"]
            if not concept.has_label(value):
                self.thesaurus.add_label(concept_key, value, user=user)
            examples = vocabulary.proposing_examples(self.catalogue, kind, value)
            tagged = self.tag_examples(examples, kind, concept.pref, user) if examples else 0
            with self.catalogue.transaction() as con:
                vocabulary.drop_proposals(con, kind, value)
                audit.record(con, "term.accept", f"godtog {value!r} som term för "
                             f"{concept.pref} ({tagged} exempel taggade)", user=user,
                             data={"kind": kind, "value": value, "concept": concept_key})
            return concept.pref, tagged

    def reject_proposal(self, proposal_id: int, user: str | None = None) -> None:
        """Set a proposed term aside: every proposal of its value as that kind is forgotten."""
        with self._writing():
            row = vocabulary.proposal(self.catalogue, proposal_id)
            if row is None:
                raise NotFoundError("Förslaget finns inte (längre).")
            with self.catalogue.transaction() as con:
                vocabulary.drop_proposals(con, row["kind"], row["value"])
                audit.record(con, "term.reject", f"avvisade {row['value']!r} som ny term",
                             user=user, data={"kind": row["kind"], "value": row["value"]})

    def tag_examples(self, example_ids: list[str], kind: str, value: str,
                     user: str | None = None, role: str | None = None) -> int:
        """Add one tag (known to the vocabulary) to many examples, kept across re-ingestion
        like a single correction; one audit row per document. The number of examples."""
        try:
            value = self._checked_tag(kind, value, "add", role)
        except vocabulary.UnknownTerm as exc:
            raise InvalidRequestError(str(exc)) from None
        wanted = set(example_ids)
        with self._writing():
            docs = {ex.document_id for ex in map(self.catalogue.example, wanted) if ex}
            count = 0
            for doc_id in sorted(docs):
                doc = self.catalogue.load_document(doc_id)
                chosen = [e for e in doc.examples if e.id in wanted] if doc else []
                for ex in chosen:
                    edits.apply_tag(ex, kind, value, "add", role)
                with self.catalogue.transaction() as con:
                    for ex in chosen:
                        self.catalogue.add_correction(con, doc_id, ex.title, kind, value, role,
                                                      "add", user)
                    audit.record(con, "tag.bulk", f"lade till {kind} {value!r} på "
                                 f"{len(chosen)} exempel", user=user, document_id=doc_id,
                                 data={"kind": kind, "value": value, "role": role,
                                       "examples": [e.id for e in chosen]})
                self._rewrite(doc)
                count += len(chosen)
            return count

    def merge_examples(self, ids: list[str], user: str | None = None) -> ExampleRecord:
        if len(ids) < 2:
            raise InvalidRequestError("Välj minst två exempel att slå ihop.")
        with self._writing():
            doc = self._doc_of(ids[0])
            if any(i not in {e.id for e in doc.examples} for i in ids):
                raise InvalidRequestError("Bara exempel ur samma dokument kan slås ihop.")
            keys = [title_key(e.title) for e in doc.examples if e.id in set(ids)]
            merged = edits.merge(doc, ids)
            with self.catalogue.transaction() as con:
                self.catalogue.add_correction(con, doc.id, merged.title, edits.MERGE,
                                              json.dumps(keys, ensure_ascii=False), None,
                                              "add", user)
                audit.record(con, "example.merge",
                             f"slog ihop {len(ids)} exempel till {merged.title!r}", user=user,
                             document_id=doc.id, example_id=merged.id, data={"examples": ids})
            self._rewrite(doc)
            return ExampleRecord.of(merged)

    def split_example(self, id: str, section_index: int, user: str | None = None  # noqa: A002
                      ) -> list[ExampleRecord]:
        with self._writing():
            doc = self._doc_of(id)
            ex = next(e for e in doc.examples if e.id == id)
            title = ex.title
            try:
                parts = edits.split(doc, id, int(section_index))
            except ValueError as exc:
                raise InvalidRequestError(str(exc)) from exc
            with self.catalogue.transaction() as con:
                self.catalogue.add_correction(con, doc.id, title, edits.SPLIT,
                                              str(int(section_index)), None, "add", user)
                audit.record(con, "example.split",
                             f"delade {title!r} vid avsnitt {int(section_index)}", user=user,
                             document_id=doc.id, example_id=id,
                             data={"section": int(section_index)})
            self._rewrite(doc)
            return [ExampleRecord.of(part) for part in parts]

    # --- people: contacts, hiding, GDPR (search/persons.py, search/gdpr.py) ------------------

    def erasure_key(self) -> str:
        """The key of the erasure list's hashes."""
        if getattr(self, "_erasure_key", None) is None:
            self._erasure_key = persons.erasure_key(self.catalogue)
        return self._erasure_key

    def hide_person(self, example_id: str, name: str, detail: str | None = None,
                    user: str | None = None) -> ExampleRecord:
        """Hide a person (``detail`` None) or one of their details (email, phone,
        organisation) on an example, for every later version and tagging of its document."""
        if detail is not None and detail not in persons.FIELDS:
            raise InvalidRequestError("Okänd kontaktuppgift.")
        with self._writing():
            doc = self._doc_of(example_id)
            ex = next(e for e in doc.examples if e.id == example_id)
            title = ex.title
            if not any(p["name"] == name for p in (*ex.persons(), *ex.coaches())):
                raise NotFoundError("Personen finns inte på exemplet.")
            persons.hide(doc, ex, name, detail)
            kind = persons.HIDE_PERSON if detail is None else persons.HIDE_CONTACT
            what = name if detail is None else f"{persons.DETAIL_WORDS[detail]} för {name}"
            with self.catalogue.transaction() as con:
                self.catalogue.add_correction(con, doc.id, title, kind,
                                              persons.hide_value(name, detail), None, "add",
                                              user)
                audit.record(con, "person.hide", f"dolde {what} på {title!r}", user=user,
                             document_id=doc.id, example_id=ex.id,
                             data={"name": name, "detail": detail})
            self._rewrite_document_texts(doc)
            self._rewrite(doc)
            return ExampleRecord.of(ex)

    def _hide_rows(self, example_id: str) -> tuple[Document, list[sqlite3.Row]]:
        """An example's document and the hiding corrections of the example."""
        doc = self._doc_of(example_id)
        ex = next(e for e in doc.examples if e.id == example_id)
        lineage = self.catalogue.document_row(doc.id)["lineage"]
        return doc, [r for r in self.catalogue.corrections_for(lineage)
                     if r["kind"] in persons.HIDE_KINDS and r["title_key"] == title_key(ex.title)
                     and r["action"] == "add"]

    def hidden(self, example_id: str) -> list[HiddenDetail]:
        """What coordinators hid on an example, oldest first."""
        _, rows = self._hide_rows(example_id)
        found = [persons.hidden_of(r["kind"], r["value"]) for r in rows]
        return [HiddenDetail(name=name, detail=detail) for name, detail in dict.fromkeys(found)]

    def show_hidden(self, example_id: str, name: str, detail: str | None = None,
                    user: str | None = None) -> Rereading:
        """Take back a hiding: its correction is removed (audited). The words were taken out
        of the stored texts, so they come back only when the document is read again from its
        own file (``read_again``, or a replacement job) with its other corrections."""
        with self._writing():
            doc, rows = self._hide_rows(example_id)
            ids = [r["id"] for r in rows if persons.hidden_of(r["kind"], r["value"])
                   == (name, detail)]
            if not ids:
                raise NotFoundError("Det finns inget sådant dolt på exemplet.")
            source = self.open_source(doc.id)
            stored = source[0] if source is not None else self.open_original(doc.id)
            if stored is None:
                raise NotFoundError("Dokumentets fil finns inte kvar; den kan inte läsas om.")
            what = name if detail is None else f"{persons.DETAIL_WORDS[detail]} för {name}"
            with self.catalogue.transaction() as con:
                con.execute(f"DELETE FROM corrections WHERE id IN ({','.join('?' * len(ids))})",
                            ids)
                audit.record(con, "person.show", f"visar {what} igen på {doc.title!r}",
                             user=user, document_id=doc.id, example_id=example_id,
                             data={"name": name, "detail": detail})
            with stored:
                data = stored.read()
            return Rereading(document_id=doc.id, filename=doc.filename, data=data,
                             review=not self.is_published(doc.id))

    def read_again(self, again: Rereading) -> DocumentRecord:
        """Read a stored document again from its own file, as a replacement of itself."""
        return self.add_upload(again.filename, again.data, replace_id=again.document_id,
                               review=again.review)

    def _rewrite_document_texts(self, doc: Document) -> None:
        """Store a document's own record again: its title and context after hiding words in
        them, its language and warnings after tagging it again."""
        from ingest.records import Document as IngestDocument

        data = IngestDocument.of(doc).model_dump(exclude={"examples"})
        with self.catalogue.transaction() as con:
            con.execute("UPDATE documents SET title=?, data=? WHERE id=?",
                        (doc.title, json.dumps(data, ensure_ascii=False), doc.id))

    def people(self) -> dict[str, persons.Person]:
        """Every person of the examples by key, as of the catalogue's last change."""
        count = change_count(self.catalogue)
        cached = getattr(self, "_people", None)
        if cached is None or cached[0] != count:
            cached = (count, persons.directory(self.catalogue.iter_examples()))
            self._people = cached
        return cached[1]

    def person(self, key: str) -> persons.Person | None:
        return self.people().get(key)

    def person_export(self, name: str, user: str | None = None) -> dict[str, Any]:
        """Everything stored about a named person as JSON (GDPR art. 15), audited."""
        return gdpr.export(self, name, user)

    def erase_person(self, name: str, user: str | None = None) -> gdpr.Erasure:
        """Erase everything stored about a named person (GDPR art. 17), audited without the
        name; the person stays erased when documents are read or tagged again."""
        return gdpr.erase(self, name, user)

    # --- reading -------------------------------------------------------------------------------

    def search(self, q: str | None = "", filters: dict[str, list[str]] | None = None,
               page: int = 1, per_page: int = 10, sort: str = "relevance") -> SearchResult:
        """Search the examples; an empty query browses all of them, newest first. While the
        index is rebuilt the catalogue answers (see ``_search_healing``)."""
        return self._search_healing(q, filters or {}, page, per_page, sort)

    def similar(self, example_id: str, limit: int = 5) -> list[Hit]:
        return self._similar_healing(example_id, limit)

    def example(self, id: str) -> ExampleRecord | None:  # noqa: A002
        return self.catalogue.example_record(id)

    def document(self, id: str) -> DocumentRecord | None:  # noqa: A002
        return self.catalogue.document_record(id)

    def documents(self) -> list[DocumentRecord]:
        records = (self.catalogue.document_record(row["id"])
                   for row in self.catalogue.document_rows())
        return [record for record in records if record is not None]

    def example_count(self) -> int:
        return self.catalogue.example_count()

    def document_count(self) -> int:
        return self.catalogue.document_count()

    def team_history(self, team_key: str) -> list[ExampleSummary]:
        """The published examples of a team, oldest first (from the concept view: made once
        per catalogue change, not per page)."""
        return self.concept_view().team(team_key)

    def concept_view(self) -> ConceptView:
        """The concepts as of the catalogue's last change: built once per change (in any
        process: ``spread_changes`` is bumped by triggers), then shared by every request."""
        count = change_count(self.catalogue)
        cached = self._concept_view
        if cached is None or cached[0] != count:
            cached = (count, ConceptView(self.catalogue))
            self._concept_view = cached
        return cached[1]

    def inspired(self, example_id: str) -> Inspiration | None:
        return self.concept_view().inspired(example_id)

    def concepts(self) -> list[ConceptItem]:
        return self.concept_view().concepts()

    def concept(self, slug: str) -> Concept | None:
        return self.concept_view().concept(slug)

    def municipalities(self) -> list[MunicipalityItem]:
        return self.concept_view().municipalities()

    def municipality(self, name: str) -> Municipality | None:
        return self.concept_view().municipality(name)

    def spread(self, focus_area: str | None = None, year: int | None = None) -> Spread:
        """Concepts × the county's municipalities, one status per cell (search/spread.py)."""
        return self.concept_view().spread(focus_area, year)

    def set_spread_override(self, slug: str, municipality: str, status: SpreadStatus,
                            reason: str, user: str | None = None) -> SpreadOverride:
        """A coordinator's status for one cell, with a reason; kept across reindexing."""
        view = self.concept_view()
        if view.concept(slug) is None or municipality not in COUNTY:
            raise KeyError(f"{slug} / {municipality}")
        reason = " ".join(reason.split())
        if status not in STATUSES or not reason or len(reason) > MAX_REASON:
            raise ValueError("En status och ett skäl (högst 1000 tecken) behövs.")
        with self._writing():
            return set_override(self.catalogue, slug, municipality, status, reason, user)

    def remove_spread_override(self, slug: str, municipality: str) -> bool:
        with self._writing():
            return remove_override(self.catalogue, slug, municipality)

    def audit_entries(self, document_id: str | None = None, action: str | None = None,
                      user: str | None = None, before: int | None = None,
                      limit: int = 100) -> list[AuditEntry]:
        """The audit log, newest first; with ``document_id``, that document's versions only."""
        lineage = audit.lineage_of(self.catalogue.conn(), document_id)
        return audit.entries(self.catalogue, lineage=lineage, action=action, user=user,
                             before=before, limit=limit)

    def start_plan(self, municipality: str, text: str) -> StartPlan:
        """For a new team: the concepts, nearest examples and people (search/newcomer.py)."""
        from search.newcomer import start_plan

        return start_plan(self, municipality, text)

    def new_phrases(self, limit: int = 30) -> list[tuple[str, int]]:
        """Frequent phrases of the stored examples that neither the taxonomy nor the thesaurus
        knows yet: candidates for new terms, as (phrase, number of examples)."""
        from ingest.tagging import new_phrases  # spaCy's stop words: loaded only for this

        return new_phrases([ex.text for ex, _ in self.catalogue.iter_examples()], limit=limit,
                           thesaurus=self.thesaurus.current())

    def weak_searches(self, limit: int = 30) -> list[WeakSearch]:
        """The searches made in the web with a word no example has, or that found no example
        with a word that counts, most made first (``search.search_log``); not those that are
        now terms of the thesaurus. Each with the key of the concept its hits point to."""
        thesaurus = self.thesaurus.current()
        terms = {search_key(clean_label(label)) for concept in thesaurus.concepts
                 for label in concept.labels()}
        found = self.searches.weak(limit, known=terms.__contains__)
        for search in found:
            concept = thesaurus.find(search.practice) if search.practice else None
            search.concept = concept.key if concept else None
        return found

    def count_search(self, result: SearchResult) -> None:
        """Count a search made in the web by its words alone, with what it found and its
        words no example has (``search.search_log``)."""
        thesaurus = self.thesaurus.current()
        unwritten = self._with_index(
            lambda s: spelling.unwritten_words(s, result.query, thesaurus), list)
        self.searches.note(result, unwritten)

    def dismiss_search(self, query: str) -> bool:
        """Hide a search from ``weak_searches``; False when no such search is kept."""
        return self.searches.dismiss(query)

    # --- users ---------------------------------------------------------------------------------

    def add_user(self, name: str, password: str, role: str = "coordinator") -> None:
        users.add_user(self.catalogue, name, password, role)

    def check_user(self, name: str, password: str) -> bool:
        return users.check_user(self.catalogue, name, password)

    def session_token(self, name: str) -> str | None:
        """The user's current session token (see ``search.users``); None for no such user."""
        return users.session_token(self.catalogue, name)

    def end_sessions(self, name: str) -> None:
        """End every session of the user (a new session token)."""
        users.end_sessions(self.catalogue, name)

    # --- index faults: the index heals itself from the catalogue -----------------------------

    # The web keeps answering while a broken index is rebuilt in a background thread (its
    # LibraryHolder opens a subclass with this set); the command line rebuilds at once.
    heal_in_background: ClassVar[bool] = False
    # The web also warms each new index state in the background (search.warmup); a command
    # runs a search or two and ends.
    warm_in_background: ClassVar[bool] = False
    # False: opened to inspect only (``check``): reconcile leaves everything as it finds it.
    repair_index: ClassVar[bool] = True
    HEAL_RETRY_SECONDS: ClassVar[float] = 5.0  # after a failed rebuild, before the next try
    HEAL_WAIT_SECONDS: ClassVar[float] = 0.25  # a search waits this long for a rebuild

    def _reconcile_entries(self, report: dict[str, int]) -> None:
        """Index unflagged documents; add missing and remove extra index entries."""
        pending = self.catalogue.unindexed()
        for doc_id in pending:
            self._index_document(doc_id)
        report["reindexed_documents"] = len(pending)
        if self.index.doc_count() != self.catalogue.example_count():
            in_index = self.index.indexed_ids()
            in_catalogue = self.catalogue.example_ids()
            extra = in_index - in_catalogue
            missing = in_catalogue - in_index
            rows = [(ex, meta) for ex, meta in self.catalogue.iter_examples()
                    if ex.id in missing]
            self.index.replace([], extra, rows)
            report["added"], report["removed"] = len(rows), len(extra)

    def _rebuild_index(self) -> int:
        """Rebuild the index from the catalogue (write lock held) and flag every document
        indexed; once more when the new generation vanished while it was written."""
        for attempt in (1, 2):
            try:
                count = self.index.rebuild(self.catalogue.iter_examples())
                break
            except Exception as exc:
                if attempt == 2 or not is_index_error(exc) or is_disk_full(exc):
                    raise
                log.info("index rebuild failed, trying once more: %s", exc)
        self.catalogue.set_indexed([r["id"] for r in self.catalogue.document_rows()])
        return count

    def _on_index_fault(self, exc: BaseException) -> None:
        """An index write met a broken index (``IndexStore.on_fault``): rebuild it from the
        catalogue, which already holds the change being written."""
        self.heal_index(str(exc))

    def heal_index(self, reason: str = "", wait: bool | None = None) -> bool:
        """Rebuild a missing or broken index from the catalogue, once: while a rebuild runs,
        or for a few seconds after one failed, no other starts. In a background thread when
        ``heal_in_background`` (unless ``wait``), else at once. True when one was started."""
        index = self.index
        if not index.heal_lock.acquire(blocking=False):
            return False
        if time.monotonic() - index.heal_failed_at < self.HEAL_RETRY_SECONDS:
            index.heal_lock.release()
            return False
        log.info("rebuilding the search index from the catalogue: %s", reason)
        if not (self.heal_in_background if wait is None else not wait):
            self._heal_and_release()
            return True
        thread = threading.Thread(target=self._heal_and_release, name="exempelbanken-heal",
                                  daemon=True)
        thread.start()
        index.heal_thread = thread  # once started: others may join it
        return True

    def _heal_and_release(self) -> None:
        try:
            with self._writing():
                if not self.index.usable:  # else another process rebuilt it meanwhile
                    count = self._rebuild_index()
                    log.info("search index rebuilt from the catalogue: %d examples", count)
        except Exception:  # noqa: BLE001 - logged; the next fault tries again
            self.index.heal_failed_at = time.monotonic()
            log.exception("the search index could not be rebuilt")
        finally:
            self.index.heal_lock.release()

    def index_rebuilding(self) -> bool:
        """The index is unusable or being rebuilt: searches are answered from the catalogue."""
        return self.index.heal_lock.locked() or not self.index.usable

    def wait_for_index(self, timeout: float = 60.0) -> bool:
        """Wait for a background rebuild to end; True when the index is usable."""
        thread = self.index.heal_thread
        if thread is not None:
            thread.join(timeout)
        return self.index.usable

    def _with_index(self, run: Callable[[Searcher], T], fallback: Callable[[], T]) -> T:
        """``run`` with a searcher. When the index fails it is rebuilt and ``fallback``
        answers meanwhile; on the command line the rebuild is waited for and ``run`` repeated.
        In the background a search first waits a moment: a small index is back by then, and
        searches that wait leave the processor to the rebuild."""
        try:
            return self.index.run(run)
        except IndexFault as exc:
            started = self.heal_index(str(exc))
            back = (self.wait_for_index(self.HEAL_WAIT_SECONDS) if self.heal_in_background
                    else started)
            if back:
                with suppress(IndexFault):
                    return self.index.run(run)
        return fallback()

    def _query_thesaurus(self) -> Thesaurus:
        """The thesaurus searches read, with the label index the start tables keep."""
        return self._start_tables.thesaurus(self.thesaurus.current())

    def _warm(self, searcher: Searcher, stop: threading.Event) -> None:
        """Warm a new index state with this library's thesaurus (search.warmup)."""
        warmup.warm(searcher, self.index.schema, self._query_thesaurus(), stop)

    def _search_healing(self, q: str | None, filters: dict[str, list[str]], page: int,
                        per_page: int, sort: str) -> SearchResult:
        thesaurus = self._query_thesaurus()
        result = self._with_index(
            lambda s: squery.search(s, self.index.schema, q, filters, page, per_page, sort,
                                    thesaurus),
            lambda: catalogue_search(self.catalogue, q, filters, page, per_page, sort))
        self._start_tables.save(thesaurus)
        return result

    def _similar_healing(self, example_id: str, limit: int) -> list[Hit]:
        return self._with_index(lambda s: squery.similar(s, example_id, limit), list)

    # --- check: do catalogue, index and originals agree? --------------------------------------

    def check(self, repair: bool = False) -> CheckReport:
        """Compare catalogue, index and original files (see ``search.consistency``). With
        ``repair``, when something was found: rebuild the index and delete orphan files, then
        check again (``remaining``); a missing original cannot be recreated: it stays."""
        with self._writing():
            report = self._find_problems()
            if repair:
                report.repaired = self._repair(report) if not report.ok else []
                report.remaining = self._find_problems().problems() if not report.ok else []
            return report

    def _find_problems(self) -> CheckReport:
        rows = self.catalogue.document_rows()
        report = CheckReport(documents=len(rows), examples=self.catalogue.example_count())
        stored = {r["id"]: stored_names(r["sha256"], _source_format(r)) for r in rows}
        report.missing_originals = [
            MissingOriginal(r["id"], r["filename"], r["sha256"]) for r in rows
            if not all((self.data_dir / name).is_file() for name in stored[r["id"]])]
        report.orphan_files = orphan_files(self.data_dir,
                                           [n for names in stored.values() for n in names])
        report.unindexed_documents = sorted(self.catalogue.unindexed())
        report.index_problem = self.index.verify_on_disk(deep=True)
        if report.index_problem is not None:
            return report
        try:
            ids = self.index.run(
                lambda s: [s.stored_fields(n)["id"] for n in s.reader().all_doc_ids()])
        except IndexFault as exc:
            report.index_problem = str(exc)
            return report
        in_catalogue = self.catalogue.example_ids()
        report.index_entries = len(ids)
        report.missing_from_index = sorted(in_catalogue - set(ids))
        report.extra_in_index = sorted(set(ids) - in_catalogue)
        report.duplicates_in_index = duplicates(ids)
        return report

    def _repair(self, report: CheckReport) -> list[str]:
        """Fix what the catalogue can fix; what was done, in Swedish. The index is rebuilt
        whatever was found (cheap, and it then surely matches the catalogue)."""
        count = self._rebuild_index()
        done = [f"Sökindexet byggdes om från katalogen ({count} exempel)."]
        removed = 0
        for name in report.orphan_files:
            with suppress(OSError):
                (self.data_dir / name).unlink()
                removed += 1
        if removed:
            done.append(f"{removed} fil(er) som inget dokument använder togs bort.")
        return done
