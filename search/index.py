"""The Whoosh index, derived from the catalogue and always rebuildable.

Layout: ``data_dir/index/CURRENT`` names the live generation directory
(``data_dir/index/gen-<time>``). A rebuild writes a new generation and swaps the pointer with
``os.replace``, so readers always see a complete index.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.index import LockError
from whoosh.query import Term
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from ingest.model import Example
from search.schema import SCHEMA_VERSION, build_schema, index_fields

POINTER = "CURRENT"
VERSION_FILE = "SCHEMA_VERSION"


class IndexStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self.schema = build_schema()
        self._lock = threading.Lock()
        self._ix: windex.Index | None = None
        self._gen: str | None = None
        self._local = threading.local()
        self._epoch = 0
        self.created = False
        self._open()

    # --- generations -----------------------------------------------------------------------

    def _read_pointer(self) -> str | None:
        try:
            name = (self.root / POINTER).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return name or None

    def _write_pointer(self, name: str) -> None:
        tmp = self.root / f"{POINTER}.{os.getpid()}.tmp"
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

    def _new_generation(self) -> tuple[str, windex.Index]:
        name = f"gen-{time.time_ns()}"
        path = self.root / name
        path.mkdir()
        (path / VERSION_FILE).write_text(SCHEMA_VERSION, encoding="utf-8")
        return name, windex.create_in(str(path), self.schema)

    def _version_ok(self, name: str) -> bool:
        try:
            return (self.root / name / VERSION_FILE).read_text(encoding="utf-8") == SCHEMA_VERSION
        except OSError:
            return False

    def _open(self) -> None:
        name = self._read_pointer()
        ix = None
        if name and windex.exists_in(str(self.root / name)) and self._version_ok(name):
            try:
                ix = windex.open_dir(str(self.root / name), schema=self.schema)
            except (windex.EmptyIndexError, OSError, ValueError):
                ix = None
        if ix is None:
            name, ix = self._new_generation()
            self._write_pointer(name)
            self.created = True
        old = self._ix
        self._ix, self._gen = ix, name
        self._epoch += 1
        if old is not None:
            old.close()

    def _check_pointer(self) -> None:
        """Reopen if another process swapped in a rebuilt generation."""
        name = self._read_pointer()
        if name != self._gen:
            self._open()

    @property
    def ix(self) -> windex.Index:
        assert self._ix is not None
        return self._ix

    # --- reading ---------------------------------------------------------------------------

    def searcher(self) -> Searcher:
        """A searcher over the newest committed state (one per thread, refreshed when stale)."""
        with self._lock:
            self._check_pointer()
            epoch, ix = self._epoch, self.ix
        cached = getattr(self._local, "cached", None)
        if cached is None or cached[0] != epoch:
            if cached is not None:
                _close_quietly(cached[1])
            searcher = ix.searcher()
        else:
            searcher = cached[1]
            if not searcher.up_to_date():
                _close_quietly(searcher)
                searcher = ix.searcher()
        self._local.cached = (epoch, searcher)
        return searcher

    def doc_count(self) -> int:
        return self.searcher().doc_count()

    def indexed_ids(self) -> set[str]:
        s = self.searcher()
        return {s.stored_fields(n)["id"] for n in s.reader().all_doc_ids()}

    # --- writing ---------------------------------------------------------------------------

    def writer(self, ix: windex.Index | None = None, attempts: int = 60) -> IndexWriter:
        ix = ix or self.ix
        for _ in range(attempts):
            try:
                return ix.writer()
            except LockError:
                time.sleep(0.25)
        raise TimeoutError("Sökindexet är låst av en annan skrivning.")

    def replace(self, remove_document_ids: Iterable[str], remove_example_ids: Iterable[str],
                examples: Iterable[tuple[Example, dict[str, Any]]]) -> None:
        """Delete the entries of some documents/examples and add examples, in one commit."""
        with self._lock:
            self._check_pointer()
        w = self.writer()
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
        try:
            w.commit()
        except BaseException:
            abandon(w)
            raise

    def rebuild(self, examples: Iterable[tuple[Example, dict[str, Any]]]) -> int:
        """Build a fresh generation from ``examples`` and swap it in atomically."""
        name, ix = self._new_generation()
        count = 0
        w = self.writer(ix)
        try:
            for ex, meta in examples:
                w.add_document(**index_fields(ex, meta))
                count += 1
        except BaseException:
            w.cancel()
            ix.close()
            shutil.rmtree(self.root / name, ignore_errors=True)
            raise
        w.commit(optimize=True)
        ix.close()
        self._write_pointer(name)
        with self._lock:
            self._open()
        self._remove_old(keep=name)
        return count

    def _remove_old(self, keep: str) -> None:
        for child in self.root.iterdir():
            if child.is_dir() and child.name.startswith("gen-") and child.name != keep:
                shutil.rmtree(child, ignore_errors=True)

    def close(self) -> None:
        cached = getattr(self._local, "cached", None)
        if cached is not None:
            _close_quietly(cached[1])
            self._local.cached = None
        with self._lock:
            if self._ix is not None:
                self._ix.close()
                self._ix = None


def _close_quietly(searcher: Searcher) -> None:
    with suppress(Exception):
        searcher.close()


__all__ = ["IndexStore", "Term"]


def abandon(writer: Any) -> None:
    """After a failed commit (a full disk, say): unlock the index and delete the files of the
    unfinished segment, which Whoosh would otherwise keep (and their space) until the next
    commit. The index stays as it was before the writer started."""
    segment = getattr(writer, "newsegment", None)
    try:
        writer.cancel()
    except Exception:  # noqa: BLE001 - the segment files may be half-closed
        with suppress(Exception):
            writer._finish()  # what cancel() ends with: temp files gone, lock released
    if segment is None:
        return
    for name in segment.list_files(writer.storage):
        with suppress(OSError):
            writer.storage.delete_file(name)
