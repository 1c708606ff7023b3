"""The upload queue: Huey, with its storage in SQLite (default) or Redis.

A task reads one uploaded file into a Document and returns it; it never opens the catalogue.
Workers therefore only compute (``ingest`` does the reading, in its sandbox) and can run on
other machines when the queue is in Redis (``EXEMPELBANKEN_QUEUE=redis://host:6379/0``). The
Document goes back as the task's result (Huey's result store, pickled); the one process that
stores results (``search.job_writer``) picks it up, so the catalogue never has two writers.

While a task runs, a thread of the worker puts a heartbeat under ``progress:<job id>`` every
``BEAT_SECONDS``: the stage and page the reader's child process has reached
(``ingest.progress``) and a counter. Huey removes a task from the queue when a worker takes it,
so a worker that dies mid-task would lose it; the writer sees the counter stop and queues the
job again (``job_writer``). Huey's own retries cover a task that raised (the reader processes
could not start, say). With SQLite storage the task carries the path of the saved file (the
worker shares the machine); with Redis it carries the bytes.

Hand-written rather than ``huey_consumer``'s thread workers in the web process:
``Consumer.start`` installs signal handlers, which only the main thread may do, so the web
runs Huey's own ``Worker`` loop in threads of its own (``LocalWorkers``). ``exempelbanken
worker`` runs the real consumer.
"""

from __future__ import annotations

import datetime
import importlib
import inspect
import logging
import os
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey
from huey.consumer import Worker
from huey.exceptions import TaskException
from huey.storage import RedisStorage
from redis import exceptions as redis_errors

from ingest import progress, scratch
from ingest.errors import IngestError, ReaderUnavailableError
from ingest.model import Document
from ingest.tagging.thesaurus import Thesaurus

log = logging.getLogger(__name__)

QUEUE_ENV = "EXEMPELBANKEN_QUEUE"  # redis://host:port/db; empty: SQLite in the data directory
READER_ENV = "EXEMPELBANKEN_READER"  # module:callable giving a reader (tests make it slow)
QUEUE_FILE = "queue.sqlite3"
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
NAME = "exempelbanken"
BEAT_SECONDS = 0.5
POLL_SECONDS = 0.5  # a local worker's longest wait between looks at a SQLite queue
REDIS_RETRY_SECONDS = 10.0  # a worker's longest wait before trying an unreachable Redis again
TASK_RETRIES = 2  # Huey's retries of a task that raised
READER_FAILED = ("Filen kunde inte läsas in eftersom läsaren fick ett fel. "
                 "Försök igen om en stund.")


@dataclass
class ReadResult:
    """What a task returns: the Document, or why there is none."""

    document: Document | None = None
    error: str | None = None
    code: str | None = None
    status: int = 422
    retryable: bool = True


@dataclass
class Queue:
    """A Huey instance with the read task registered on it."""

    huey: Huey
    remote: bool  # Redis: workers may be elsewhere, so tasks carry the file's bytes
    read: Any = field(repr=False)

    def enqueue(self, job_id: str, attempt: int, filename: str, path: Path,
                words: Thesaurus | None) -> str:
        """Queue the reading of the saved file at ``path``; returns the task id."""
        data = path.read_bytes() if self.remote else None
        result = self.read(job_id, attempt, filename, data, None if self.remote else str(path),
                           words)
        return str(result.id)

    def result(self, task_id: str) -> ReadResult | None:
        """The task's result when it has one, left in the store until ``forget``."""
        try:
            value = self.huey.result(task_id, preserve=True)
        except TaskException as exc:
            log.warning("read task %s failed: %s", task_id, exc.metadata.get("error"))
            return ReadResult(error=READER_FAILED, code="reader_unavailable", status=500)
        return value if isinstance(value, ReadResult) else None

    def progress(self, job_id: str) -> dict[str, Any] | None:
        value = self.huey.get(progress_key(job_id), peek=True)
        return value if isinstance(value, dict) else None

    def forget(self, task_id: str | None, job_id: str) -> None:
        """Drop a finished task's result and the job's heartbeat."""
        with suppress(Exception):
            if task_id:
                self.huey.delete(task_id)
            self.huey.delete(progress_key(job_id))

    def revoke(self, task_id: str | None) -> None:
        """A task that was given up on is not run if it is still waiting in the queue."""
        if task_id:
            with suppress(Exception):
                self.huey.revoke_by_id(task_id, revoke_once=True)


def progress_key(job_id: str) -> str:
    return f"progress:{job_id}"


def queue_url(url: str | None = None) -> str:
    return (url if url is not None else os.environ.get(QUEUE_ENV, "")).strip()


def check_queue_url(url: str | None = None) -> str:
    """``url`` (default ``$EXEMPELBANKEN_QUEUE``) when it is a redis:// URL or empty; else
    ValueError (before anything is opened)."""
    url = queue_url(url)
    if url and not url.startswith(REDIS_SCHEMES):
        raise ValueError(f"{QUEUE_ENV} ska vara en redis://-adress eller tom, inte {url!r}.")
    return url


class _RedisStorage(RedisStorage):
    """Huey's Redis storage, except that a blocking read which cannot reach Redis raises.
    Huey's own answers "nothing queued", and its worker loop, which waits only after an error
    when the storage blocks, then tries again at once: a core kept busy for as long as Redis
    is away. Raised, the error is logged and the loop waits, longer each time up to its
    ``max_delay``, and reads again as soon as Redis is back.

    The consumer's scheduler reads the schedule every second and logged a traceback each time
    Redis was away; here a lost connection is one warning, and Redis back one line more."""

    away = False

    def read_schedule(self, timestamp: datetime.datetime) -> list[bytes]:
        try:
            found = super().read_schedule(timestamp)
        except redis_errors.ConnectionError as exc:
            if not self.away:
                log.warning("the queue's Redis does not answer (%s); waiting for it", exc)
            self.away = True
            return []
        if self.away:
            log.warning("the queue's Redis answers again")
            self.away = False
        return found

    def dequeue(self) -> bytes | None:
        if not self.blocking:
            return super().dequeue()
        try:
            found = self.conn.brpop(self.queue_key, timeout=self.read_timeout)
        except redis_errors.TimeoutError:  # a slow answer, not a lost connection
            return None
        return found[1] if found else None


def open_queue(data_dir: Path, url: str | None = None) -> Queue:
    """The queue: Redis when ``url`` (default ``$EXEMPELBANKEN_QUEUE``) is a redis:// URL,
    else SQLite in the data directory."""
    url = check_queue_url(url)
    if url:
        huey: Huey = RedisHuey(NAME, url=url, storage_class=_RedisStorage)
        remote = True
    else:
        huey = SqliteHuey(NAME, filename=str(Path(data_dir) / QUEUE_FILE))
        remote = False

    def read_upload(job_id: str, attempt: int, filename: str, data: bytes | None,
                    path: str | None, words: Thesaurus | None) -> ReadResult:
        return run_read(huey, job_id, attempt, filename, data, path, words)

    task = huey.task(retries=TASK_RETRIES, name="read_upload")(read_upload)
    return Queue(huey, remote, task)


# --- the worker side ---------------------------------------------------------------------------

_readers = threading.local()


def _reader(niceness: int | None = None, cores: int | None = None) -> Any:
    """This thread's reader: ``ingest.sandbox.Reader`` at ``niceness`` on ``cores`` cores
    (None: its defaults), or
    what ``$EXEMPELBANKEN_READER`` names (``module:callable``, for tests that need a slow or
    failing reader)."""
    reader = getattr(_readers, "reader", None)
    if reader is None:
        spec = os.environ.get(READER_ENV, "")
        if spec:
            module, _, name = spec.partition(":")
            reader = getattr(importlib.import_module(module), name)()
        else:
            from ingest.sandbox import Reader

            reader = Reader(niceness=niceness, cores=cores)
        _readers.reader = reader
    return reader


def _reports_progress(reader: Any) -> bool:
    """Whether ``reader.read`` takes ``progress_file`` (a stand-in reader may not)."""
    try:
        return "progress_file" in inspect.signature(reader.read).parameters
    except (TypeError, ValueError):
        return False


class Heartbeat:
    """Puts the job's progress and a growing counter into the queue's store while it runs."""

    def __init__(self, huey: Huey, job_id: str, attempt: int, workdir: Path) -> None:
        self.huey, self.job_id, self.attempt = huey, job_id, attempt
        self.file = workdir / "progress.json"
        self.beat = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name=f"beat-{job_id}")

    def __enter__(self) -> Heartbeat:
        self.put()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)

    def put(self) -> None:
        self.beat += 1
        state = progress.read_file(self.file) or {"stage": None, "page": 0, "pages": 0}
        state.update(beat=self.beat, attempt=self.attempt, worker=_worker_name())
        with suppress(Exception):  # a missed beat is made up by the next one
            self.huey.put(progress_key(self.job_id), state)

    def _run(self) -> None:
        while not self._stop.wait(BEAT_SECONDS):
            self.put()


def _worker_name() -> str:
    return f"{os.uname().nodename}:{os.getpid()}"


def run_read(huey: Huey, job_id: str, attempt: int, filename: str, data: bytes | None,
             path: str | None, words: Thesaurus | None) -> ReadResult:
    """The task: read the file into a Document, with heartbeats while it runs."""
    # a folder of this process's: if the process dies, the next one to read clears it
    with scratch.folder("exempelbanken-job-") as workdir:
        if data is not None:
            path = str(workdir / "upload")
            Path(path).write_bytes(data)
        assert path is not None
        with Heartbeat(huey, job_id, attempt, workdir):
            reader = _reader()
            options: dict[str, Any] = {"thesaurus": words}
            if _reports_progress(reader):
                options["progress_file"] = str(workdir / "progress.json")
            try:
                doc = reader.read(Path(path), filename, **options)
            except ReaderUnavailableError:
                raise  # Huey retries the task
            except IngestError as exc:
                # the file is kept for another try unless its bytes are the reason
                return ReadResult(error=exc.message, code=exc.code, status=exc.status,
                                  retryable=exc.retryable)
        doc.filename = filename
        return ReadResult(document=doc)


class LocalWorkers:
    """Huey's worker loop in threads of this process (the reading itself happens in the
    reader's child processes)."""

    def __init__(self, queue: Queue, count: int = 1,
                 reader: Callable[[], Any] | None = None, niceness: int | None = None,
                 cores: int | None = None) -> None:
        self.queue = queue
        self.count = count
        self.reader = reader  # the reader to use (the Library's); else one per thread
        self.niceness = niceness  # of the readers made here
        self.cores = cores  # the cores the readers made here may use
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for n in range(self.count):
            thread = threading.Thread(target=self._run, daemon=True, name=f"huey-worker-{n}")
            thread.start()
            self._threads.append(thread)

    def _run(self) -> None:
        _readers.reader = (self.reader() if self.reader is not None
                           else _reader(self.niceness, self.cores))
        longest = REDIS_RETRY_SECONDS if self.queue.remote else POLL_SECONDS
        worker = Worker(self.queue.huey, default_delay=0.1, max_delay=longest, backoff=1.15)
        worker.initialize()
        while not self._stop.is_set():
            worker.loop()
        reader = getattr(_readers, "reader", None)
        if self.reader is None and reader is not None and hasattr(reader, "close"):
            reader.close()  # this thread's own

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()


def run_consumer(queue: Queue, workers: int = 1,
                 on_start: Callable[[], None] | None = None) -> None:
    """Huey's consumer (``exempelbanken worker``): thread workers, until SIGTERM or SIGINT."""
    consumer = queue.huey.create_consumer(workers=workers, worker_type="thread",
                                          periodic=False, check_worker_health=True)
    if on_start is not None:
        on_start()
    consumer.run()
