"""Uploads as background jobs (shared by the coordinator pages and the API).

An upload keeps each file's bytes under the data directory and queues one job per file
(``search.job_writer.queue_file``); the request answers at once and the progress page follows
the jobs. Reading happens in the queue's workers; storing in the app's one ``JobWriter``,
started with the first upload or progress look-up (``runtime``) and stopped with the app.
``store`` queues one file and waits for it: the API's ``POST /api/documents`` and the review
page's replace keep their answer (the stored document) that way.

Settings (app config, else environment): ``QUEUE_URL`` / ``EXEMPELBANKEN_QUEUE`` (a redis://
URL; empty: SQLite in the data directory), ``QUEUE_WORKERS`` /
``EXEMPELBANKEN_QUEUE_WORKERS`` (queue workers in the web process, default 1; 0 when other
machines do the reading), ``READER_NICENESS`` / ``EXEMPELBANKEN_READER_NICENESS`` (the CPU
priority of the reader processes, default 10: searches get the cores first while a file is
read; the web's own threads keep the normal priority), ``READER_CORES`` /
``EXEMPELBANKEN_READER_CORES`` (how many cores the reader processes may use, default all but
one: while a scanned page is read with OCR the web keeps a core of its own),
``FAILED_UPLOAD_DAYS`` / ``EXEMPELBANKEN_FAILED_UPLOAD_DAYS`` (how long a failed job keeps its
file for a retry, default 30; the job writer removes it then).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from flask import Flask, current_app
from werkzeug.datastructures import FileStorage

from search import job_writer
from search.errors import StorageFullError, storage_error
from search.jobs import FAILED_DAYS, new_id
from search.library import Library
from search.queue import Queue, open_queue
from search.records import Document, ErrorBody, Job, JobBatch, Rereading, Upload
from web.library import get_library, holder

WORKERS_ENV = "EXEMPELBANKEN_QUEUE_WORKERS"
EXTENSION = "exempelbanken-jobs"
WAIT_SECONDS = 600.0  # how long ``store`` waits for its job before answering 202


@dataclass
class UploadOutcome:
    filename: str
    status: int
    document: Document | None = None
    error: str | None = None
    existing_id: str | None = None
    replaced_id: str | None = None  # the document this upload took the place of
    job: Job | None = None  # still being read when the wait ended (202)


@dataclass
class JobRuntime:
    queue: Queue
    writer: job_writer.JobWriter


_start_lock = threading.Lock()


def clean_filename(name: str | None) -> str:
    """Only the last path component of what the browser sent, never a path."""
    base = PurePath((name or "").replace("\\", "/")).name.strip()
    base = "".join(ch for ch in base if ch.isprintable())
    return base[:200] or "uppladdad.pdf"


def _setting(app: Flask, key: str, env: str, default: str) -> str:
    value = app.config.get(key)
    return str(value) if value is not None else os.environ.get(env, default)


def _reader_cores(app: Flask) -> int:
    """The cores the web's own readers may use: ``READER_CORES``, else
    ``$EXEMPELBANKEN_READER_CORES``, else all but one, which stays the web's."""
    from ingest.sandbox import reader_cores

    return reader_cores(app.config.get("READER_CORES"), spare=1)


def runtime(app: Flask | None = None) -> JobRuntime:
    """The app's queue and job writer, started on first use."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    found = app.extensions.get(EXTENSION)
    if found is not None:
        return found
    with _start_lock:
        found = app.extensions.get(EXTENSION)
        if found is None:
            found = _start(app)
            app.extensions[EXTENSION] = found
    return found


def _start(app: Flask) -> JobRuntime:
    library_holder = app.extensions["exempelbanken"]
    library = library_holder.get()
    queue = open_queue(library.data_dir, _setting(app, "QUEUE_URL", "EXEMPELBANKEN_QUEUE", ""))
    if app.config.get("READER_NICENESS") is not None:
        library.reader_niceness = int(app.config["READER_NICENESS"])
    library.reader_cores = _reader_cores(app)

    @contextmanager
    def writing() -> Iterator[Library]:
        with library_holder.write_lock:
            try:
                yield library_holder.get()
            finally:
                library_holder.cache.clear()

    writer = job_writer.JobWriter(
        library, queue, writing,
        workers=int(_setting(app, "QUEUE_WORKERS", WORKERS_ENV, "1")),
        stale_after=float(app.config.get("QUEUE_STALE_SECONDS", job_writer.STALE_SECONDS)),
        failed_days=float(_setting(app, "FAILED_UPLOAD_DAYS", "EXEMPELBANKEN_FAILED_UPLOAD_DAYS",
                                   str(FAILED_DAYS))),
    ).start()
    library_holder.on_close.append(lambda: stop(app))
    return JobRuntime(queue, writer)


def stop(app: Flask) -> None:
    found = app.extensions.pop(EXTENSION, None)
    if found is not None:
        found.writer.stop()


def queue_files(files: list[FileStorage], user: str | None,
                replace_id: str | None = None) -> JobBatch:
    """One job per file, all in one batch; raises StorageError when a file cannot be kept."""
    rt = runtime()
    library = get_library()
    batch = new_id()
    jobs = []
    for file in files:
        filename = clean_filename(file.filename)
        data = file.read()
        try:
            jobs.append(job_writer.queue_file(
                library, rt.queue, batch, filename, data, user, replace_id,
                review=not current_app.config.get("PUBLISH_UPLOADS")))
        except OSError as exc:
            raise storage_error(exc) from exc
    return JobBatch(batch=batch, jobs=jobs)


def queue_again(again: Rereading, user: str | None) -> Job:
    """A job that reads a stored document again from its own file, as a replacement of
    itself (a hiding taken back); the document keeps its review state."""
    return job_writer.queue_file(get_library(), runtime().queue, new_id(), again.filename,
                                 again.data, user, again.document_id, review=again.review)


def retry(job_id: str) -> Job | None:
    return job_writer.retry(get_library(), runtime().queue, job_id)


def remove(job_id: str, user: str | None) -> bool:
    """Remove a failed job and its file (in the audit log); False if there is none."""
    return get_library().jobs.remove(job_id, user) if len(job_id) <= 32 else False


def job(job_id: str) -> Job | None:
    runtime()  # a restarted server picks up the jobs it left
    return get_library().jobs.get(job_id) if len(job_id) <= 32 else None


def recent() -> list[Job]:
    runtime()
    return get_library().jobs.recent()


def batch(batch_id: str) -> list[Job]:
    runtime()
    return get_library().jobs.batch(batch_id) if len(batch_id) <= 32 else []


def store(file: FileStorage, replace_id: str | None = None,
          user: str | None = None) -> UploadOutcome:
    """Queue one uploaded file and wait for it; never raises for bad input (the outcome says
    what happened)."""
    filename = clean_filename(file.filename)
    try:
        queued = queue_files([file], user, replace_id).jobs[0]
    except StorageFullError as exc:
        return UploadOutcome(filename, exc.status, error=exc.message)
    except Exception as exc:  # noqa: BLE001 - the file could not be kept
        error = storage_error(exc)
        return UploadOutcome(filename, error.status, error=error.message)
    found = job_writer.wait(get_library(), queued.id, WAIT_SECONDS)
    if found.state == "failed":
        get_library().jobs.keep_no_file(found.id)  # nothing of a refused file is kept
    return outcome_of(found)


def outcome_of(found: Job) -> UploadOutcome:
    if found.state == "done" and found.document_id:
        holder().cache.clear()
        document = get_library().document(found.document_id)
        return UploadOutcome(found.filename, 201, document=document,
                             replaced_id=found.replaces)
    if found.state == "failed":
        existing = found.document_id if found.code == "duplicate" else None
        return UploadOutcome(found.filename, found.status or 422, error=found.error,
                             existing_id=existing)
    return UploadOutcome(found.filename, 202, job=found)


def outcome_json(outcome: UploadOutcome) -> dict[str, Any]:
    """The API's answer: the stored document (``Upload``), the job still being read (``Job``)
    or the error (``ErrorBody``)."""
    if outcome.document is not None:
        return Upload.model_construct(
            **outcome.document.__dict__, replaces=outcome.replaced_id,
            stored_as="replacement" if outcome.replaced_id else "new").model_dump()
    if outcome.job is not None:
        return outcome.job.model_dump()
    return ErrorBody(error=outcome.error or "", document_id=outcome.existing_id
                     ).model_dump(exclude_none=True)
