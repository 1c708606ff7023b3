"""The printable concept sheet: HTML made by the app, turned into an A4 PDF by WeasyPrint.

WeasyPrint runs in a child process with a time limit (as page pictures are drawn,
``ingest.render``), so a sheet that takes too long never holds a web worker; it fetches
nothing (every URL is refused: the HTML carries its text only, the print stylesheet is passed
in). A built PDF is kept per sheet version and catalogue change, so printing the same sheet
again costs nothing. pebble is imported when the first sheet is printed, not when the app
starts.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import multiprocessing
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pebble import ProcessPool

TIMEOUT = 30.0  # seconds to lay out one sheet (a sheet is two or three pages)
STYLESHEET = Path(__file__).parent / "static" / "sheet_print.css"
KEPT = 32  # PDFs kept in memory


class SheetPdfError(Exception):
    """The PDF could not be made (too slow, or WeasyPrint failed)."""


def _no_fetch() -> object:
    """A URL fetcher that allows no protocol at all (WeasyPrint warns and goes on)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=(), fail_on_errors=False)


def _warm_up() -> None:
    """In the child, once: import WeasyPrint and lay out a line (fonts found, caches filled)."""
    from weasyprint import HTML

    HTML(string="<p>Å</p>", url_fetcher=_no_fetch()).write_pdf()


def _build(html: str, css: str) -> bytes:
    """In the child: lay the sheet out on A4."""
    from weasyprint import CSS, HTML

    fetcher = _no_fetch()
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(string=css, url_fetcher=fetcher)])


class _Worker:
    """One child process kept for every PDF (WeasyPrint is imported once, 2 s); pebble ends
    a child that runs over its time and starts a fresh one for the next PDF. It is spawned,
    not forked: the web server has threads, and the child needs nothing of its memory."""

    def __init__(self) -> None:
        self._pool: ProcessPool | None = None
        self._lock = threading.Lock()

    def pool(self) -> ProcessPool:
        from pebble import ProcessPool

        with self._lock:
            if self._pool is None or not self._pool.active:
                self._pool = ProcessPool(max_workers=1, initializer=_warm_up,
                                         context=multiprocessing.get_context("spawn"))
            return self._pool

    def stop(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.stop()
                self._pool.join(timeout=5)
                self._pool = None


WORKER = _Worker()
atexit.register(WORKER.stop)


def build_pdf(html: str, timeout: float = TIMEOUT) -> bytes:
    """The PDF of ``html`` with the print stylesheet, made in the child process."""
    css = STYLESHEET.read_text(encoding="utf-8")
    try:
        return WORKER.pool().schedule(_build, args=(html, css), timeout=timeout).result()
    except concurrent.futures.TimeoutError:
        raise SheetPdfError(f"PDF:en tog mer än {timeout:g} s att göra.") from None
    except Exception as exc:  # noqa: BLE001 - whatever failed, there is no PDF
        raise SheetPdfError(f"PDF:en kunde inte göras ({type(exc).__name__}).") from None


class PdfCache:
    """The last PDFs made, by (slug, sheet version, catalogue change)."""

    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, int, int], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, int, int]) -> bytes | None:
        with self._lock:
            data = self._items.get(key)
            if data is not None:
                self._items.move_to_end(key)
            return data

    def put(self, key: tuple[str, int, int], data: bytes) -> None:
        with self._lock:
            self._items[key] = data
            while len(self._items) > self.size:
                self._items.popitem(last=False)
