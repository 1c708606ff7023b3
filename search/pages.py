"""Pictures of document pages: one PNG per page and width, drawn from the stored original in a
child process with time, memory and pixel limits (ingest.render) and kept in the data
directory's ``thumbs/``. A page that could not be drawn is remembered by a marker file next to
where its picture would be, so it is not tried again. ``search.library.Library.page_image`` is
the way in; the library drops a document's pictures with its original.

At most one drawing of the same page at a time, and at most MAX_RENDERS in all per process;
a request that cannot get its turn within WAIT seconds gets ``Busy``."""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest import render
from ingest.ids import is_document_id

FOLDER = "thumbs"
MAX_RENDERS = 2  # pages drawn at the same time by one web process
WAIT = 10.0  # seconds a request waits for a drawing slot before it is told to come back
FAILED_SUFFIX = ".failed"

log = logging.getLogger(__name__)


class Busy(Exception):
    """Too many pages are being drawn: try again in a moment."""


@dataclass(frozen=True)
class RenderLimits:
    max_pixels: int = render.MAX_PIXELS
    timeout: float = render.TIMEOUT
    memory_limit: int | None = render.MEMORY_LIMIT

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> RenderLimits:
        """THUMB_MAX_PIXELS, THUMB_RENDER_TIMEOUT (seconds), THUMB_RENDER_MEMORY (bytes)."""
        memory = config.get("THUMB_RENDER_MEMORY", cls.memory_limit)
        return cls(
            max_pixels=int(config.get("THUMB_MAX_PIXELS", cls.max_pixels)),
            timeout=float(config.get("THUMB_RENDER_TIMEOUT", cls.timeout)),
            memory_limit=int(memory) if memory else None,
        )


class _PageLocks:
    """One lock per picture file, kept only while someone holds or waits for it."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[Path, tuple[threading.Lock, int]] = {}

    @contextmanager
    def hold(self, key: Path, timeout: float) -> Iterator[None]:
        with self._guard:
            lock, users = self._locks.get(key, (threading.Lock(), 0))
            self._locks[key] = (lock, users + 1)
        try:
            if not lock.acquire(timeout=timeout):
                raise Busy(key.name)
            try:
                yield
            finally:
                lock.release()
        finally:
            with self._guard:
                lock, users = self._locks[key]
                if users == 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)


_pages = _PageLocks()
_slots = threading.BoundedSemaphore(MAX_RENDERS)


def picture_path(data_dir: Path, document_id: str, page: int, width: int) -> Path:
    if not is_document_id(document_id):
        raise ValueError("bad document id")
    return data_dir / FOLDER / f"{document_id}-{page}-{width}.png"


def failed_marker(target: Path) -> Path:
    """The file that says the picture ``target`` could not be drawn."""
    return target.with_suffix(FAILED_SUFFIX)


def _write_marker(marker: Path, reason: str) -> None:
    fd, tmp = tempfile.mkstemp(suffix=".tmp", dir=marker.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(reason + "\n")
        os.replace(tmp, marker)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def page_picture(
    pdf: Path, page: int, width: int, target: Path, limits: RenderLimits = RenderLimits()
) -> Path | None:
    """The picture of page ``page`` (from 1) of ``pdf``: ``target`` from the cache, or drawn
    into it first; None when the page cannot be drawn (now or an earlier time)."""
    marker = failed_marker(target)
    if target.exists():
        return target
    if marker.exists():
        return None
    with _pages.hold(target, limits.timeout + 2 * WAIT):
        if target.exists():
            return target
        if marker.exists():
            return None
        if not _slots.acquire(timeout=WAIT):
            raise Busy(target.name)
        try:
            render.render_page(
                pdf, page, width, target, max_pixels=limits.max_pixels,
                timeout=limits.timeout, memory_limit=limits.memory_limit,
            )
        except render.RenderError as exc:
            log.warning("cannot draw page %s of %s: %s", page, pdf.name, exc)
            _write_marker(marker, str(exc))
            return None
        finally:
            _slots.release()
    return target


def drop_pictures(data_dir: Path, document_id: str) -> None:
    """Forget the pictures (and pages that could not be drawn) of a document."""
    if not is_document_id(document_id):
        return
    for pattern in (f"{document_id}-*.png", f"{document_id}-*{FAILED_SUFFIX}"):
        for path in (data_dir / FOLDER).glob(pattern):
            path.unlink(missing_ok=True)
