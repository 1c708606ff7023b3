"""The Whoosh index, derived from the catalogue and always rebuildable.

Layout: ``data_dir/index/CURRENT`` names the live generation directory
(``data_dir/index/gen-<time>``). A rebuild writes a new generation and swaps the pointer with
``os.replace``, so readers always see a complete index.

Faults. The index is only a copy of the catalogue, so it may be missing, stale, half-written
or corrupt at any time (a deleted directory, a truncated segment). ``run`` gives a function a
searcher on the live generation; a generation that vanished underneath (another process
swapped in a rebuild) is retried on the newest one transparently, and a generation that cannot
be read is marked broken and reported as ``IndexFault``: the owner (``search.library``)
rebuilds it from the catalogue. Files are read without mmap: a segment truncated while it is
mapped would kill the process with SIGBUS instead of raising an error (``_SegmentCache``).

Generations in use are never closed under a reader: each counts the searches running on it;
a generation swapped out is closed, and its directory deleted, when its last search here
ends (``grace`` can keep the directory longer). A search in another process that meets a
vanished generation retries on the newest one.
"""

from __future__ import annotations

import errno
import logging
import os
import pickle
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from whoosh.filedb.filestore import FileStorage, StorageError
from whoosh.filedb.structfile import BufferFile
from whoosh.index import FileIndex, LockError
from whoosh.index import IndexError as WhooshIndexError
from whoosh.query import Term
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from ingest.model import Example
from search import fastrank
from search.bulk import write_examples
from search.schema import build_schema, index_fields
from search.searcher_cache import state_of
from search.version import index_version

if TYPE_CHECKING:
    from search.warmup import Warmer

log = logging.getLogger(__name__)

POINTER = "CURRENT"
POINTER_SETTLE_NS = 2_000_000_000  # a pointer changed this recently is always read again
VERSION_FILE = "SCHEMA_VERSION"
RETIRED_FILE = "RETIRED"
INDEX_NAME = "MAIN"
# A retired generation's directory is deleted when no search here uses it any more; a grace
# period keeps it that much longer for searches in other processes (which retry otherwise).
GRACE_SECONDS = 0.0
MISSING = "Sökindexet saknas."
RUN_ATTEMPTS = 4
RECHECK_SECONDS = 60.0
FILE_CHECK_SECONDS = 1.0  # how often a search looks whether the files are still whole

# What reading a missing, truncated or corrupt index raises (Whoosh's storage reads pickles,
# zlib-compressed blocks and struct-packed numbers straight from the segment files).
INDEX_ERRORS: tuple[type[BaseException], ...] = (
    WhooshIndexError, StorageError, struct.error, OSError, EOFError, zlib.error,
    pickle.UnpicklingError,
)

T = TypeVar("T")


class IndexFault(Exception):
    """The index cannot be used; it must be rebuilt from the catalogue."""


def is_index_error(exc: BaseException) -> bool:
    """An error of reading or writing the index files. Whoosh signals some corrupt blocks
    with a bare ``Exception`` ("Block tag error"), which no code of ours raises."""
    return isinstance(exc, (IndexFault, *INDEX_ERRORS)) or type(exc) is Exception


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


class _Generation:
    """One opened generation: the Whoosh index, its searchers and the searches running."""

    def __init__(self, name: str, ix: FileIndex) -> None:
        self.name = name
        self.ix = ix
        self.users = 0
        self.retired = False
        self.searchers: list[Searcher] = []
        self.checked_at = float("-inf")  # last full read after an unexpected error
        self.files_checked_at = time.monotonic()  # last look at its files on disk

    def dispose(self) -> None:
        for searcher in self.searchers:
            _close_quietly(searcher)
        self.searchers.clear()
        with suppress(Exception):
            self.ix.close()
        _SEGMENTS.forget(self.ix.storage.folder)


class _SegmentCache:
    """Compound segment files (``*.seg``, written once, never changed) read whole into memory
    and shared by the readers of all threads. Not mmap: a segment truncated while it is mapped
    kills the process with SIGBUS; bytes in memory stay valid, and the next open of a changed
    file (other size or time) reads it again and meets the damage as an error."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._files: dict[str, tuple[int, int, bytes]] = {}

    def read(self, path: str) -> bytes:
        stat = os.stat(path)
        key = (stat.st_size, stat.st_mtime_ns)
        with self._lock:
            cached = self._files.get(path)
            if cached is not None and cached[:2] == key:
                return cached[2]
        with open(path, "rb") as fh:
            data = fh.read()
        with self._lock:
            self._files[path] = (*key, data)
            for gone in [p for p in self._files if not os.path.exists(p)]:
                del self._files[gone]  # merged away or deleted with their generation
        return data

    def unchanged(self, path: str) -> bool:
        """The file still has the size and time it had when it was read (or was not read)."""
        with self._lock:
            cached = self._files.get(path)
        if cached is None:
            return True
        try:
            stat = os.stat(path)
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == cached[:2]

    def forget(self, folder: str) -> None:
        with self._lock:
            for path in [p for p in self._files if os.path.dirname(p) == folder]:
                del self._files[path]


_SEGMENTS = _SegmentCache()


class _Storage(FileStorage):
    """A generation directory; segment files are served from ``_SEGMENTS``."""

    supports_mmap = False

    def open_file(self, name: str, **kwargs: Any) -> Any:
        if name.endswith(".seg"):
            return BufferFile(_SEGMENTS.read(self._fpath(name)), name=name)
        return super().open_file(name, **kwargs)


def _storage(path: Path) -> FileStorage:
    return _Storage(str(path), supports_mmap=False)


def damage_on_disk(ix: FileIndex) -> str | None:
    """Why the segment files the index's latest commit names are not as they were read
    (missing, emptied, rewritten), or None. A few stat calls."""
    try:
        segments = ix._segments()  # noqa: SLF001 - the latest TOC, read from disk
    except INDEX_ERRORS as exc:
        return _why(exc)
    for segment in segments:
        if not segment.is_compound():
            continue
        path = os.path.join(ix.storage.folder, segment.make_filename(segment.COMPOUND_EXT))
        try:
            empty = os.stat(path).st_size == 0
        except OSError:
            return MISSING
        if empty or not _SEGMENTS.unchanged(path):
            return "Sökindexet har skadats på disken."
    return None


def verify(reader: Any, deep: bool = False) -> int:
    """Read an index reader enough to know the index is whole; the number of documents.
    ``deep`` reads every stored document and every term list too. Raises one of INDEX_ERRORS
    when it is not whole."""
    count = reader.doc_count_all()
    for sub, _ in reader.leaf_readers():
        ids = list(sub.all_doc_ids())
        for docnum in ids if deep else ids[:1] + ids[-1:]:
            sub.stored_fields(docnum)
        if deep:
            for fieldname in sub.indexed_field_names():
                for term in sub.lexicon(fieldname):
                    for _ in sub.postings(fieldname, term).all_ids():
                        pass
    return count


class IndexStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self.schema = build_schema()
        self._lock = threading.RLock()
        self._current: _Generation | None = None
        self._retired: list[_Generation] = []
        self._local = threading.local()
        self.broken: tuple[str | None, str] | None = None  # (generation, why) while unusable
        self.grace = GRACE_SECONDS
        # called when a write meets a broken index (the owner schedules a rebuild)
        self.on_fault: Callable[[BaseException], None] | None = None
        self.heal_lock = threading.Lock()  # held while a rebuild after a fault runs
        self.heal_thread: threading.Thread | None = None
        self.heal_failed_at = float("-inf")  # monotonic time of the last failed rebuild
        # warms new states (search.warmup): told when a thread opens one and after each commit
        self.warmer: Warmer | None = None
        # CURRENT as last read: its stat and the name in it
        self._pointer: tuple[tuple[int, int, int, int], str | None] | None = None
        with self._lock:
            self._follow_pointer()

    # --- generations -----------------------------------------------------------------------

    def _read_pointer(self) -> str | None:
        """The generation CURRENT names. Every kept page asks whether the index is usable: the
        file is read again only when a ``stat`` shows another file (a pointer is swapped by
        ``os.replace``: a new inode) or a change, or when it changed within the last
        POINTER_SETTLE seconds (a file system's clock may not tell two quick writes apart)."""
        path = self.root / POINTER
        try:
            st = os.stat(path)
            stamp = (st.st_ino, st.st_mtime_ns, st.st_size, st.st_ctime_ns)
            kept = self._pointer
            if kept is not None and kept[0] == stamp and \
                    time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > POINTER_SETTLE_NS:
                return kept[1]
            name = path.read_text(encoding="utf-8").strip() or None
        except OSError:
            self._pointer = None
            return None
        self._pointer = (stamp, name)
        return name

    def _write_pointer(self, name: str) -> None:
        tmp = self.root / f"{POINTER}.{os.getpid()}.{threading.get_ident()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(name)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.root / POINTER)
        dir_fd = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def _new_generation(self) -> tuple[str, FileIndex]:
        self.root.mkdir(parents=True, exist_ok=True)
        name = f"gen-{time.time_ns()}"
        path = self.root / name
        path.mkdir()
        (path / VERSION_FILE).write_text(index_version(), encoding="utf-8")
        return name, _storage(path).create_index(self.schema, indexname=INDEX_NAME)

    def _open_generation(self, name: str) -> _Generation:
        """Open and verify a generation; raises IndexFault (or an index error) when unusable."""
        path = self.root / name
        try:
            version = (path / VERSION_FILE).read_text(encoding="utf-8")
        except OSError as exc:
            raise IndexFault(MISSING) from exc
        if version != index_version():
            raise IndexFault("Sökindexet är av en äldre version.")
        ix = FileIndex(_storage(path), schema=self.schema, indexname=INDEX_NAME)
        try:
            with ix.reader() as reader:
                verify(reader)
        except BaseException:
            with suppress(Exception):
                ix.close()
            raise
        return _Generation(name, ix)

    def _install(self, gen: _Generation) -> None:
        """Make ``gen`` the live generation; the old one retires (closed when unused)."""
        old, self._current, self.broken = self._current, gen, None
        if old is not None and old is not gen:
            old.retired = True
            if old.users:
                self._retired.append(old)
            else:
                old.dispose()

    def _follow_pointer(self) -> None:
        """Open the generation CURRENT names if it is not the live one (caller holds _lock).
        An unusable generation marks the store broken; its name is remembered so that it is
        not opened again on every search."""
        name = self._read_pointer()
        if self._current is not None and name == self._current.name:
            return
        if self.broken is not None and self.broken[0] == name:
            return
        for _ in range(RUN_ATTEMPTS):
            if name is None:
                self._mark_broken(None, MISSING)
                return
            try:
                self._install(self._open_generation(name))
                return
            except (IndexFault, *INDEX_ERRORS) as exc:
                moved = self._read_pointer()
                if moved != name:  # swapped again while it was opened: follow
                    name = moved
                    continue
                log.info("index generation %s cannot be opened: %s", name, exc)
                self._mark_broken(name, _why(exc))
                return

    def _mark_broken(self, name: str | None, why: str) -> None:
        self.broken = (name, why)
        current, self._current = self._current, None
        if current is not None:
            current.retired = True
            if current.users:
                self._retired.append(current)
            else:
                current.dispose()

    @property
    def usable(self) -> bool:
        """The pointer names a generation that opened and verified."""
        with self._lock:
            self._follow_pointer()
            return self._current is not None

    @property
    def ix(self) -> FileIndex:
        with self._lock:
            self._follow_pointer()
            if self._current is None:
                raise IndexFault(self.broken[1] if self.broken else MISSING)
            return self._current.ix

    def generation(self) -> str | None:
        """The name of the live generation (None while the index is unusable)."""
        with self._lock:
            self._follow_pointer()
            return self._current.name if self._current else None

    def generations(self) -> list[str]:
        """Every generation directory on disk, oldest first."""
        try:
            return sorted(p.name for p in self.root.iterdir()
                          if p.is_dir() and p.name.startswith("gen-"))
        except OSError:
            return []

    # --- reading ---------------------------------------------------------------------------

    def _acquire(self) -> _Generation:
        with self._lock:
            self._follow_pointer()
            gen = self._current
            if gen is not None and time.monotonic() - gen.files_checked_at > FILE_CHECK_SECONDS:
                gen.files_checked_at = time.monotonic()
                damage = damage_on_disk(gen.ix)
                if damage:  # the readers here may still work from memory; a new one would not
                    log.info("index generation %s damaged on disk: %s", gen.name, damage)
                    self._mark_broken(gen.name, damage)
                    gen = None
            if gen is None:
                raise IndexFault(self.broken[1] if self.broken else MISSING)
            gen.users += 1
            return gen

    def _release(self, gen: _Generation) -> None:
        with self._lock:
            gen.users -= 1
            if not gen.retired or gen.users:
                return
            gen.dispose()
            with suppress(ValueError):
                self._retired.remove(gen)
            done = self.grace <= 0 and gen.name != self._read_pointer()
        if done:  # the last search on a generation swapped out: its files go now
            shutil.rmtree(self.root / gen.name, ignore_errors=True)

    def _searcher_for(self, gen: _Generation) -> Searcher:
        """This thread's searcher on ``gen`` (refreshed when the generation has new commits)."""
        cached = getattr(self._local, "cached", None)
        if cached is not None and cached[0] is gen:
            searcher = cached[1]
            if searcher.up_to_date():
                return searcher
            self._forget(gen, searcher)  # a refresh would share (and this close) its readers
        fresh = gen.ix.searcher(weighting=fastrank.weighting())
        with self._lock:
            gen.searchers.append(fresh)
        self._local.cached = (gen, fresh)
        if self.warmer is not None:
            self.warmer.request(state_of(fresh))
        return fresh

    def _forget(self, gen: _Generation, searcher: Searcher) -> None:
        """Close one of this thread's searchers (replaced by a refresh, or failed)."""
        with self._lock, suppress(ValueError):
            gen.searchers.remove(searcher)
        _close_quietly(searcher)

    def drop_thread_searcher(self) -> None:
        """Close this thread's cached searcher: the next search opens a fresh one."""
        cached = getattr(self._local, "cached", None)
        self._local.cached = None
        if cached is not None:
            self._forget(*cached)

    def run(self, fn: Callable[[Searcher], T]) -> T:
        """``fn`` with a searcher on the live generation, which stays open until ``fn`` returns.

        An index error on a generation that was swapped out meanwhile is retried on the new
        one, a failure of a cached searcher once more with a fresh searcher; when the
        generation itself cannot be read it is marked broken and IndexFault is raised."""
        fresh_tried = False
        for _ in range(RUN_ATTEMPTS):
            gen = self._acquire()
            try:
                return fn(self._searcher_for(gen))
            except Exception as exc:
                if not is_index_error(exc):
                    if not self._corrupt(gen):
                        raise
                    self._fault(gen, exc)
                    raise IndexFault(_why(exc)) from exc
                self.drop_thread_searcher()
                if self._moved_on(gen):
                    continue
                if not fresh_tried:
                    fresh_tried = True
                    continue
                self._fault(gen, exc)
                raise IndexFault(_why(exc)) from exc
            finally:
                self._release(gen)
        raise IndexFault("Sökindexet byts ut hela tiden; försök igen.")

    @contextmanager
    def reading(self) -> Iterator[Searcher]:
        """A searcher on the live generation, kept open for the block (no retries)."""
        gen = self._acquire()
        try:
            yield self._searcher_for(gen)
        finally:
            self._release(gen)

    def _moved_on(self, gen: _Generation) -> bool:
        """Another generation is live now (the pointer moved, or this one was replaced)."""
        with self._lock:
            name = self._read_pointer()
            return (name is not None and name != gen.name) or (
                self._current is not None and self._current is not gen)

    def _corrupt(self, gen: _Generation) -> bool:
        """After an unexpected error: does the generation on disk fail a full read? (At most
        one full read per generation a minute; any other error is a bug to report.)"""
        with self._lock:
            if time.monotonic() - gen.checked_at < RECHECK_SECONDS:
                return False
            gen.checked_at = time.monotonic()
        problem = self.verify_on_disk(gen.name)
        if problem:
            log.info("index generation %s is corrupt: %s", gen.name, problem)
        return problem is not None

    def verify_on_disk(self, name: str | None = None, deep: bool = True) -> str | None:
        """Open generation ``name`` (default: the one CURRENT names) afresh and read it whole:
        None when it reads, else why not. Does not change the store."""
        name = name or self._read_pointer()
        if name is None:
            return MISSING
        _SEGMENTS.forget(str(self.root / name))  # read the files, not what was read before
        try:
            gen = self._open_generation(name)
        except (IndexFault, *INDEX_ERRORS) as exc:
            return _why(exc)
        try:
            with gen.ix.reader() as reader:
                verify(reader, deep)
        except Exception as exc:  # noqa: BLE001 - any failure to read means corrupt
            return _why(exc)
        finally:
            gen.dispose()
        return None

    def _fault(self, gen: _Generation, exc: BaseException) -> None:
        log.info("index generation %s failed: %s: %s", gen.name, type(exc).__name__, exc)
        with self._lock:
            if self._current is gen:
                self._mark_broken(gen.name, _why(exc))

    def searcher(self) -> Searcher:
        """This thread's searcher on the live generation, without protection against a swap
        (for benchmarks and tools; the library uses ``run``)."""
        gen = self._acquire()
        try:
            return self._searcher_for(gen)
        finally:
            self._release(gen)

    def doc_count(self) -> int:
        return self.run(lambda s: s.doc_count())

    def indexed_ids(self) -> set[str]:
        return self.run(lambda s: {s.stored_fields(n)["id"] for n in s.reader().all_doc_ids()})

    # --- writing ---------------------------------------------------------------------------

    def writer(self, ix: FileIndex | None = None, attempts: int = 60) -> IndexWriter:
        ix = ix or self.ix
        for _ in range(attempts):
            try:
                return ix.writer()
            except LockError:
                time.sleep(0.25)
        raise TimeoutError("Sökindexet är låst av en annan skrivning.")

    def replace(self, remove_document_ids: Iterable[str], remove_example_ids: Iterable[str],
                examples: Iterable[tuple[Example, dict[str, Any]]]) -> None:
        """Delete the entries of some documents/examples and add examples, in one commit.

        A broken index is not written to: ``on_fault`` is told (the owner rebuilds the index
        from the catalogue, which already holds this change). A full disk is raised."""
        gen: _Generation | None = None
        try:
            gen = self._acquire()
            self._write(gen, remove_document_ids, remove_example_ids, examples)
            self._warm_soon()
        except Exception as exc:
            if is_disk_full(exc) or not is_index_error(exc) or self.on_fault is None:
                raise
            if gen is not None:
                self._fault(gen, exc)
            self.on_fault(exc)
        finally:
            if gen is not None:
                self._release(gen)

    def _write(self, gen: _Generation, remove_document_ids: Iterable[str],
               remove_example_ids: Iterable[str],
               examples: Iterable[tuple[Example, dict[str, Any]]]) -> None:
        w = self.writer(gen.ix)
        try:
            for doc_id in remove_document_ids:
                w.delete_by_term("document_id", doc_id)
            for ex_id in remove_example_ids:
                w.delete_by_term("id", ex_id)
            for ex, meta in examples:
                w.delete_by_term("id", ex.id)
                w.add_document(**index_fields(ex, meta))
        except BaseException:
            w.cancel()
            raise
        w.commit()

    def rebuild(self, examples: Iterable[tuple[Example, dict[str, Any]]]) -> int:
        """Build a fresh generation from ``examples`` and swap it in atomically."""
        name, ix = self._new_generation()
        count = 0
        try:
            w = self.writer(ix)
            try:
                count = write_examples(w, examples)
            except BaseException:
                if not w.is_closed:
                    w.cancel()
                raise
            ix.close()
            gen = self._open_generation(name)
        except BaseException:
            with suppress(Exception):
                ix.close()
            shutil.rmtree(self.root / name, ignore_errors=True)
            raise
        self._write_pointer(name)
        with self._lock:
            self._install(gen)
        self.collect_garbage()
        self._warm_soon()
        return count

    def _warm_soon(self) -> None:
        """After a commit: the warmer (if any) warms the new state before searches ask."""
        if self.warmer is not None:
            self.warmer.request()

    def collect_garbage(self) -> list[str]:
        """Delete the generations neither live nor in use here; with a ``grace`` period, only
        those retired (first seen here not live) that long ago. Call with the library's write
        lock held (no rebuild running). Returns the names deleted."""
        with self._lock:
            keep = {g.name for g in self._retired if g.users}
            live = self._read_pointer()
            if self._current is not None:
                keep.add(self._current.name)
        deleted = []
        for name in self.generations():
            if name not in keep and name != live and self._expired(name):
                shutil.rmtree(self.root / name, ignore_errors=True)
                deleted.append(name)
        return deleted

    def _expired(self, name: str) -> bool:
        if self.grace <= 0:
            return True
        marker = self.root / name / RETIRED_FILE
        try:
            return time.time() - marker.stat().st_mtime >= self.grace
        except OSError:
            with suppress(OSError):
                marker.write_text(str(time.time()), encoding="utf-8")
            return False

    def close(self) -> None:
        if self.warmer is not None:
            self.warmer.stop()
        thread = self.heal_thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=120)
        cached = getattr(self._local, "cached", None)
        if cached is not None:
            self._local.cached = None
        with self._lock:
            for gen in [*self._retired, self._current]:
                if gen is not None:
                    gen.dispose()
            self._retired.clear()
            self._current = None


def _why(exc: BaseException) -> str:
    if isinstance(exc, IndexFault):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return MISSING
    return f"Sökindexet är skadat ({type(exc).__name__}: {exc})."


def _close_quietly(searcher: Searcher) -> None:
    with suppress(Exception):
        searcher.close()


__all__ = ["INDEX_ERRORS", "IndexFault", "IndexStore", "Term", "is_index_error", "verify"]
