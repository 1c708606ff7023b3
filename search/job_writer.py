"""Queueing uploads, and the one writer that stores what the queue's workers read.

Workers only compute (``search.queue``): file in, Document out, as the task's result. Storing
is done here, by one ``JobWriter`` per data directory: a thread that holds the lock file
``jobs-writer.lock`` (another process that starts one waits for that lock), follows every
active job's heartbeat into the jobs table, takes each finished task's Document and stores it
through ``Library.store_upload``, so catalogue and index never have two writers.

Nothing is lost and nothing stored twice: a job whose heartbeat stops for ``stale_after``
seconds (its worker died) is queued again, and an answer from an attempt given up on is
ignored (the job's ``task_id`` is the current attempt's); a result is removed from the queue
only after its job is marked done, and a writer that stopped in between finds the document
stored (the same bytes) and marks the job done with it (``Library`` refuses a second copy of
the same bytes).

The writer also keeps ``uploads/`` tidy (``JobStore.tidy``) when it starts writing and every
``TIDY_SECONDS``: a failed job's file goes after ``failed_days``, and no file outlives its job.
"""

from __future__ import annotations

import fcntl
import logging
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext, suppress
from typing import TYPE_CHECKING, Any

from ingest.errors import EmptyFileError, IngestError
from ingest.model import Document
from search.errors import DuplicateError, LibraryError
from search.jobs import FAILED_DAYS
from search.queue import LocalWorkers, Queue, ReadResult
from search.records import Job

if TYPE_CHECKING:
    import sqlite3

    from search.library import Library

log = logging.getLogger(__name__)

LOCK_FILE = "jobs-writer.lock"
STALE_SECONDS = 10.0  # no heartbeat for this long: the worker is gone, the job runs again
STOP_SECONDS = 10.0  # how long stopping waits for the writer thread
MAX_ATTEMPTS = 3
TIDY_SECONDS = 3600.0  # how often a running writer removes the files no job needs
QUEUE_DOWN = ("Kön kan inte nås just nu, så filen har inte börjat läsas in. Filen är sparad: "
              "försök igen om en stund.")
FILE_GONE = "Den uppladdade filen finns inte längre; ladda upp den igen."

Writing = Callable[[], AbstractContextManager["Library"]]


def queue_file(library: Library, queue: Queue, batch: str, filename: str, data: bytes,
               user: str | None = None, replaces: str | None = None,
               review: bool = False) -> Job:
    """A job for one uploaded file: queued, or failed at once when it cannot be stored
    (empty, the same bytes already stored, an unknown document to replace, a full disk).
    With ``review`` the stored document waits for a coordinator's review."""
    try:
        if not data:
            raise EmptyFileError("Filen är tom.")
        finished = library.check_upload(data, replaces)
    except (IngestError, LibraryError) as exc:
        job = library.jobs.create(batch, filename, data, user, replaces, keep_file=False)
        library.jobs.fail(job.id, exc.message, exc.code, exc.status, retryable=False,
                          document_id=getattr(exc, "existing_id", None))
        return _get(library, job.id)
    job = library.jobs.create(batch, filename, data, user, replaces, review=review)
    if finished is not None:
        _done(library, job.id, None, finished)
    else:
        enqueue(library, queue, job.id, 1)
    return _get(library, job.id)


def retry(library: Library, queue: Queue, job_id: str) -> Job | None:
    """Queue a failed job again (its file is kept); None when it cannot be."""
    row = library.jobs.row(job_id)
    if row is None or row["state"] != "failed" or not row["retryable"]:
        return None
    try:
        data = library.jobs.file(job_id).read_bytes()
        library.check_upload(data, row["replaces"])
    except OSError:
        library.jobs.fail(job_id, FILE_GONE, "missing", 410, retryable=False)
        return _get(library, job_id)
    except LibraryError as exc:
        library.jobs.fail(job_id, exc.message, exc.code, exc.status, retryable=False,
                          document_id=getattr(exc, "existing_id", None))
        library.jobs.drop_file(job_id)
        return _get(library, job_id)
    enqueue(library, queue, job_id, row["attempt"] + 1)
    return _get(library, job_id)


def enqueue(library: Library, queue: Queue, job_id: str, attempt: int) -> None:
    row = library.jobs.row(job_id)
    assert row is not None
    library.jobs.update(job_id, state="queued", attempt=attempt, task_id=None, stage=None,
                        page=0, pages=0, error=None, code=None, status=None, retryable=False)
    try:
        task_id = queue.enqueue(job_id, attempt, row["filename"], library.jobs.file(job_id),
                                library.thesaurus.current())
    except Exception:  # noqa: BLE001 - Redis unreachable, say: the file stays for a retry
        log.warning("could not queue job %s", job_id, exc_info=True)
        library.jobs.fail(job_id, QUEUE_DOWN, "queue_unavailable", 503)
        return
    library.jobs.update(job_id, task_id=task_id)


def wait(library: Library, job_id: str, timeout: float, interval: float = 0.1) -> Job:
    """The job once it is done or failed, or as it is after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    job = _get(library, job_id)
    while not job.finished and time.monotonic() < deadline:
        time.sleep(interval)
        job = _get(library, job_id)
    return job


def _get(library: Library, job_id: str) -> Job:
    job = library.jobs.get(job_id)
    assert job is not None
    return job


def _done(library: Library, job_id: str, task_id: str | None, doc: Any) -> None:
    library.jobs.update(job_id, only_if=task_id, state="done", stage=None,
                        document_id=doc.id, titles=[e.title for e in doc.examples],
                        warnings=list(doc.warnings), error=None, code=None, status=None,
                        retryable=False)
    library.jobs.drop_file(job_id)


class JobWriter:
    """The writer thread: progress into the jobs table, results into the Library. With
    ``workers`` > 0 it also runs that many queue workers in this process while it writes."""

    def __init__(self, library: Library, queue: Queue, writing: Writing | None = None,
                 workers: int = 1, stale_after: float = STALE_SECONDS,
                 interval: float = 0.2, failed_days: float = FAILED_DAYS) -> None:
        self.library = library
        self.failed_days = failed_days  # how long a failed job's file is kept for a retry
        self._tidied: float | None = None  # when the files were last tidied (monotonic)
        self.queue = queue
        self.writing: Writing = writing or (lambda: nullcontext(library))
        self.stale_after = stale_after
        self.interval = interval
        # one local worker shares the library's reader; more get a reader (process) each
        shared = library.reader if workers == 1 else None
        self.local = (LocalWorkers(queue, workers, shared, library.reader_niceness,
                                   library.reader_cores) if workers > 0 else None)
        self._beats: dict[tuple[str, int], tuple[int, float]] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock_file: Any = None

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> JobWriter:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, daemon=True, name="job-writer")
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the writer and the local workers; bounded (both are daemon threads, and a
        store cut short is a transaction not committed: the job is taken up at next start),
        so Ctrl-C ends `serve` within seconds (STOP_SECONDS + the workers' own bound)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(STOP_SECONDS)
            self._thread = None
        if self.local is not None:
            self.local.stop()
        if self._lock_file is not None:
            with suppress(OSError):
                fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None

    @property
    def writing_now(self) -> bool:
        """True while this writer holds the data directory's writer lock."""
        return self._lock_file is not None

    def _take_lock(self) -> bool:
        if self._lock_file is not None:
            return True
        fh = open(self.library.data_dir / LOCK_FILE, "a+")  # noqa: SIM115 - held while writing
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._lock_file = fh
        if self.local is not None:
            self.local.start()
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self._take_lock():
                self._stop.wait(1.0)
                continue
            try:
                self.tidy()
                self.step()
            except Exception:  # noqa: BLE001 - the writer must outlive one bad round
                log.exception("job writer round failed")
            self._stop.wait(self.interval)

    # --- one round -----------------------------------------------------------------------------

    def tidy(self) -> None:
        """Remove the upload files no job needs, at the first round and every TIDY_SECONDS."""
        now = time.monotonic()
        if self._tidied is not None and now - self._tidied < TIDY_SECONDS:
            return
        self._tidied = now
        expired = self.library.jobs.tidy(self.failed_days)
        if expired:
            log.info("removed the files of %d failed jobs older than %g days", len(expired),
                     self.failed_days)

    def step(self) -> None:
        """Move every active job along once."""
        for row in self.library.jobs.active():
            if self._stop.is_set():
                return
            self._advance(row)

    def _advance(self, row: sqlite3.Row) -> None:
        task_id = row["task_id"]
        if task_id is None:
            return  # being queued right now
        result = self.queue.result(task_id)
        if result is not None:
            self._finish(row, result)
            return
        beat = self.queue.progress(row["id"])
        if beat is None or beat.get("attempt") != row["attempt"]:
            return  # still waiting in the queue
        self._show(row, beat)
        self._watch(row, int(beat.get("beat") or 0))

    def _show(self, row: sqlite3.Row, beat: dict[str, Any]) -> None:
        stage = beat.get("stage")
        state = "tagging" if stage == "tagging" else "reading"
        page, pages = int(beat.get("page") or 0), int(beat.get("pages") or 0)
        if (row["state"], row["stage"], row["page"], row["pages"]) != (state, stage, page, pages):
            self.library.jobs.update(row["id"], only_if=row["task_id"], state=state,
                                     stage=stage, page=page, pages=pages)

    def _watch(self, row: sqlite3.Row, counter: int) -> None:
        """Queue the job again when its heartbeat has not moved for ``stale_after``."""
        key = (row["id"], row["attempt"])
        now = time.monotonic()
        seen = self._beats.get(key)
        if seen is None or seen[0] != counter:
            self._beats[key] = (counter, now)
            return
        if now - seen[1] < self.stale_after:
            return
        del self._beats[key]
        self.queue.revoke(row["task_id"])
        if row["attempt"] >= MAX_ATTEMPTS:
            self.library.jobs.fail(
                row["id"], f"Inläsningen avbröts {row['attempt']} gånger eftersom läsaren "
                "slutade svara. Filen är sparad: försök igen.", "worker_lost", 503)
            return
        log.warning("job %s: no heartbeat for %.0f s, queued again", row["id"], self.stale_after)
        enqueue(self.library, self.queue, row["id"], row["attempt"] + 1)

    def _finish(self, row: sqlite3.Row, result: ReadResult) -> None:
        job_id, task_id = row["id"], row["task_id"]
        if result.document is None:
            self.library.jobs.fail(job_id, result.error or "Filen kunde inte läsas in.",
                                   result.code, result.status, result.retryable,
                                   only_if=task_id)
        else:
            self._store(row, result.document)
        self.queue.forget(task_id, job_id)
        self._beats.pop((job_id, row["attempt"]), None)

    def _store(self, row: sqlite3.Row, doc: Document) -> None:
        job_id, task_id, jobs = row["id"], row["task_id"], self.library.jobs
        jobs.update(job_id, only_if=task_id, state="storing", stage=None, document_id=doc.id)
        try:
            data = jobs.file(job_id).read_bytes()
        except OSError:
            jobs.fail(job_id, FILE_GONE, "missing", 410, retryable=False, only_if=task_id)
            return
        try:
            with self.writing() as library:
                stored: Any = library.store_upload(row["filename"], data, doc, row["replaces"],
                                                   bool(row["review"]))
        except DuplicateError as exc:
            if row["state"] == "storing" and row["document_id"] == exc.existing_id:
                stored = self.library.document(exc.existing_id)  # stored before a restart
            else:
                jobs.fail(job_id, exc.message, exc.code, exc.status, retryable=False,
                          document_id=exc.existing_id, only_if=task_id)
                jobs.drop_file(job_id)
                return
        except LibraryError as exc:
            jobs.fail(job_id, exc.message, exc.code, exc.status, only_if=task_id)
            return
        _done(self.library, job_id, task_id, stored)
