"""Reading PDFs in child processes that can be killed: time and memory limits.

``Reader`` owns a pebble process pool. Its workers load the tagger once, then read one PDF per
task under an address-space limit; a task that runs too long is killed and its worker replaced.
Whatever happens in the child, the caller gets a Document or an ``ingest.errors`` exception.

The workers run at a lower CPU priority (niceness ``NICENESS``, or
``$EXEMPELBANKEN_READER_NICENESS``), and so do the Tesseract and soffice processes they start
(a child inherits it): reading is background work, and on a machine that also serves searches
the web's threads get the cores first. On an otherwise idle machine it costs nothing. They may
also be kept to fewer cores than the machine has (``cores``, ``$EXEMPELBANKEN_READER_CORES``):
``serve`` leaves one to the web. At IDLE_NICENESS they also take Linux's idle scheduling class;
not the default, since the time limit counts wall time and a machine kept busy would starve a
reading into it.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import faulthandler
import gc
import logging
import multiprocessing
import multiprocessing.util
import os
import resource
import shutil
import signal
import tempfile
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import TracebackType

from pebble import ProcessExpired, ProcessPool

from ingest import checks, progress, scratch
from ingest.errors import (
    CorruptPdfError,
    IngestError,
    ParseTimeoutError,
    ReaderUnavailableError,
    ResourceLimitError,
)
from ingest.model import Document
from ingest.tagging import thesaurus
from ingest.tagging.thesaurus import Thesaurus

log = logging.getLogger(__name__)

TIMEOUT = 120.0  # seconds for one PDF (OCR of a scanned page takes a few seconds)
MEMORY_LIMIT = 1536 * 1024 * 1024  # address space a worker may add beyond its start size
MAX_TASKS = 200  # recycle a worker after this many files
NICENESS = 10  # the workers' CPU priority (0 normal, 19 lowest)
NICENESS_ENV = "EXEMPELBANKEN_READER_NICENESS"
CORES_ENV = "EXEMPELBANKEN_READER_CORES"
IDLE_NICENESS = 19  # the lowest: reading takes only otherwise idle CPU time
SCRATCH_PREFIX = "exempelbanken-lasare-"  # a worker's folder in the temporary directory


def reader_niceness(value: int | str | None = None) -> int:
    """The niceness to read at: ``value``, else ``$EXEMPELBANKEN_READER_NICENESS``, else
    NICENESS; between 0 and 19."""
    if value is None or value == "":
        value = os.environ.get(NICENESS_ENV, "").strip() or NICENESS
    return max(0, min(19, int(value)))


def reader_cores(value: int | str | None = None, spare: int = 0) -> int:
    """How many cores the reading processes may use: ``value``, else
    ``$EXEMPELBANKEN_READER_CORES``, else all this process may use but ``spare``; at least 1."""
    if value is None or value == "":
        value = os.environ.get(CORES_ENV, "").strip() or len(os.sched_getaffinity(0)) - spare
    return max(1, int(value))


def keep_to_cores(cores: int) -> None:
    """Run this process (its threads and children from now on) on the last ``cores`` of the
    cores it may use: the others stay free for the web's threads (OCR then cuts a page into
    as many strips as it has cores)."""
    allowed = sorted(os.sched_getaffinity(0))
    if cores < len(allowed):
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, allowed[-cores:])


def lower_priority(niceness: int) -> None:
    """Run this process (its threads and children from now on) at ``niceness`` at least; at
    IDLE_NICENESS also in Linux's idle scheduling class, where it runs only on a core nothing
    else wants (a waking search thread takes the core at once instead of sharing it)."""
    if niceness <= 0:
        return
    current = os.getpriority(os.PRIO_PROCESS, 0)
    if current < niceness:
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, 0, niceness)
    if niceness >= IDLE_NICENESS and hasattr(os, "SCHED_IDLE"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))


def _vm_size() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def limit_address_space(extra: int | None) -> None:
    """Let this (child) process grow by at most ``extra`` bytes beyond its size now."""
    if not extra:
        return
    limit = _vm_size() + extra
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _init_worker(memory_limit: int | None, niceness: int = 0, cores: int | None = None) -> None:
    lower_priority(niceness)  # first: threads the tagger's libraries start inherit it
    if cores is not None:
        keep_to_cores(cores)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a hostile file may crash the parser: that is reported to the caller, not dumped to stderr
    faulthandler.disable()
    from ingest.tagging import load

    load()  # the spaCy pipeline and tables, once per worker
    limit_address_space(memory_limit)
    _own_scratch()
    gc.collect()
    gc.freeze()


def _own_scratch() -> None:
    """Everything the worker and the programs it starts write to the temporary directory
    (Tesseract's and LibreOffice's files, their work folders) goes into one folder of this
    worker's: removed when the worker ends, or by the next worker when this one was killed."""
    folder = str(scratch.make(SCRATCH_PREFIX))
    tempfile.tempdir = folder
    os.environ["TMPDIR"] = folder
    multiprocessing.util.Finalize(None, shutil.rmtree, args=(folder, True), exitpriority=0)


def _read_in_worker(
    path: str | None, data: bytes | None, filename: str, max_pages: int,
    words: Thesaurus | None = None, progress_file: str | None = None,
) -> Document:
    from ingest import pipeline

    if words is not None and thesaurus.current().version != words.version:
        thesaurus.use(words)  # the library's thesaurus, for the tagger

    try:
        with progress.to_file(progress_file):
            if data is None:
                assert path is not None
                return pipeline.read_pdf(Path(path), filename, max_pages=max_pages)
            return pipeline.read_bytes(data, filename, max_pages=max_pages)
    except IngestError:
        raise
    except MemoryError:
        raise ResourceLimitError(
            "PDF-filen kräver för mycket minne för att läsas (den kan vara en så kallad "
            "komprimeringsbomb eller vara onormalt uppbyggd)."
        ) from None
    except RecursionError:
        raise CorruptPdfError("PDF-filen är onormalt uppbyggd och kan inte läsas.") from None
    except Exception as exc:  # noqa: BLE001 - anything else from the parser means a bad file
        log.warning("could not read %s: %r", filename, exc)
        raise CorruptPdfError(
            "PDF-filen är skadad eller har ett format som inte kan läsas."
        ) from None


def _context() -> multiprocessing.context.BaseContext:
    """Workers start from a clean forkserver: forking a threaded web server is unsafe, and
    spawning afresh for every worker would re-import everything."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["ingest.pipeline"])
    return context


class Reader:
    """A pool of PDF-reading child processes; use as a context manager."""

    def __init__(
        self,
        workers: int = 1,
        timeout: float = TIMEOUT,
        memory_limit: int | None = MEMORY_LIMIT,
        max_pages: int = 200,
        max_bytes: int = checks.MAX_BYTES,
        max_tasks: int = MAX_TASKS,
        niceness: int | None = None,
        cores: int | str | None = None,
    ) -> None:
        self.workers = workers
        self.niceness = reader_niceness(niceness)
        self.cores = reader_cores(cores)
        self.timeout = timeout
        self.memory_limit = memory_limit
        self.max_pages = max_pages
        self.max_bytes = max_bytes
        self.max_tasks = max_tasks
        self._pool: ProcessPool | None = None

    def __enter__(self) -> Reader:
        self._ensure_pool()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _ensure_pool(self) -> ProcessPool:
        if self._pool is None or not self._pool.active:
            self._pool = ProcessPool(
                max_workers=self.workers,
                max_tasks=self.max_tasks,
                initializer=_init_worker,
                initargs=(self.memory_limit, self.niceness, self.cores),
                context=_context(),
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool.join(timeout=10)
            self._pool = None
            scratch.sweep(SCRATCH_PREFIX)  # the stopped workers' folders

    def read(self, path: Path | str, filename: str | None = None,
             thesaurus: Thesaurus | None = None, progress_file: str | None = None) -> Document:
        """Read one PDF file in a child process, tagged with ``thesaurus`` (the seed when
        None); raises only ``ingest.errors`` exceptions. With ``progress_file`` the child
        writes how far it has come there (``ingest.progress``)."""
        path = Path(path)
        checks.check_file(path, self.max_bytes)
        return self._run(str(path), None, filename or path.name, thesaurus, progress_file)

    def read_bytes(self, data: bytes, filename: str,
                   thesaurus: Thesaurus | None = None) -> Document:
        """Read an uploaded PDF given as bytes."""
        checks.check_bytes(data, self.max_bytes)
        return self._run(None, data, filename, thesaurus)

    def _run(self, path: str | None, data: bytes | None, filename: str,
             words: Thesaurus | None = None, progress_file: str | None = None) -> Document:
        pool = self._ensure_pool()
        future = pool.schedule(
            _read_in_worker,
            args=(path, data, filename, self.max_pages, words, progress_file),
            timeout=self.timeout,
        )
        try:
            return future.result()
        except IngestError:
            raise
        except concurrent.futures.TimeoutError:
            raise ParseTimeoutError(
                f"Det tog för lång tid att läsa PDF-filen (mer än {self.timeout:.0f} sekunder). "
                "Filen kan vara skadad eller onormalt uppbyggd."
            ) from None
        except ProcessExpired as exc:
            log.warning("reader process for %s ended with %s", filename, exc.exitcode)
            if exc.exitcode in (-signal.SIGSEGV, -signal.SIGBUS, -signal.SIGILL):
                raise CorruptPdfError(
                    "PDF-filen fick läsaren att krascha; filen är troligen skadad."
                ) from None
            raise ResourceLimitError(
                "PDF-filen kräver för mycket minne eller resurser för att läsas."
            ) from None
        except MemoryError:
            raise ResourceLimitError("PDF-filen kräver för mycket minne för att läsas.") from None
        except BrokenProcessPool as exc:  # the workers could not start: not the file's fault
            log.warning("reader pool broken while reading %s: %r", filename, exc)
            self.close()  # the next file gets a fresh pool
            raise ReaderUnavailableError(
                "Läsaren kunde inte starta just nu; filen lästes inte. Försök igen om en stund."
            ) from None
        except Exception as exc:  # noqa: BLE001 - the contract: only ingest errors leave here
            log.warning("reader failed for %s: %r", filename, exc)
            raise CorruptPdfError("PDF-filen kunde inte läsas.") from None
