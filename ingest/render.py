"""Drawing one PDF page as a PNG in a child process that can be killed: time, memory and pixel
limits (the same sandbox approach as ``ingest.sandbox``, for page pictures).

The page is drawn at most ``width`` pixels wide and at most ``max_pixels`` pixels in all, so a
page of 4 × 14,400 pt becomes a narrow strip of a few million pixels rather than a 6 GB bitmap.
The child writes the PNG itself (atomically); the caller gets the file or a ``RenderError``.
pebble and the sandbox are imported when a page is drawn: the search side imports this module
for its limits, and a search from the command line draws nothing.
"""

from __future__ import annotations

import concurrent.futures
import math
import os
import signal
from pathlib import Path

TIMEOUT = 15.0  # seconds to draw one page
MEMORY_LIMIT = 512 * 1024 * 1024  # address space the child may add beyond its start size
MAX_PIXELS = 4_000_000  # width × height of one picture (16 MB as RGBA)
PART_SUFFIX = ".part"  # a picture being written: <target>.<pid>.part


class RenderError(Exception):
    """The page could not be drawn (bad page, too slow, too much memory, crashed)."""


class RenderTimeout(RenderError):
    """Drawing the page took longer than the time limit."""


def page_scale(width_pt: float, height_pt: float, width_px: int, max_pixels: int) -> float:
    """The scale (pixels per point) for a page: ``width_px`` wide, or less when that would
    make more than ``max_pixels`` pixels (pypdfium2 rounds each side up)."""
    width_pt, height_pt = max(width_pt, 1e-3), max(height_pt, 1e-3)
    scale = min(width_px / width_pt, math.sqrt(max_pixels / (width_pt * height_pt)))
    for _ in range(100):
        if math.ceil(width_pt * scale) * math.ceil(height_pt * scale) <= max_pixels:
            break
        scale *= 0.99
    return scale


def _limit_memory(memory_limit: int | None) -> None:
    from ingest.sandbox import limit_address_space

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_address_space(memory_limit)


def _draw(pdf: str, page: int, width: int, max_pixels: int, target: str) -> tuple[int, int]:
    """In the child: draw the page and write the PNG; returns its size in pixels."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        if page < 1 or page > len(document):
            raise RenderError(f"no page {page}")
        pdf_page = document[page - 1]
        try:
            scale = page_scale(*pdf_page.get_size(), width, max_pixels)
            image = pdf_page.render(scale=scale).to_pil()
        finally:
            pdf_page.close()
    finally:
        document.close()
    part = f"{target}.{os.getpid()}{PART_SUFFIX}"
    try:
        with open(part, "wb") as handle:
            image.save(handle, format="PNG", optimize=True)
        os.replace(part, target)
    finally:
        Path(part).unlink(missing_ok=True)
    return image.size


def render_page(
    pdf: Path,
    page: int,
    width: int,
    target: Path,
    *,
    max_pixels: int = MAX_PIXELS,
    timeout: float = TIMEOUT,
    memory_limit: int | None = MEMORY_LIMIT,
) -> tuple[int, int]:
    """Draw page ``page`` (from 1) of ``pdf`` into the PNG file ``target`` in a one-off child
    process; returns the picture's size. Raises RenderError (RenderTimeout) on any failure."""
    from pebble import ProcessPool

    from ingest.sandbox import _context

    target.parent.mkdir(parents=True, exist_ok=True)
    pool = ProcessPool(
        max_workers=1, max_tasks=1, initializer=_limit_memory, initargs=(memory_limit,),
        context=_context(),
    )
    try:
        future = pool.schedule(
            _draw, args=(str(pdf), page, width, max_pixels, str(target)), timeout=timeout
        )
        return future.result()
    except Exception as exc:  # noqa: BLE001 - whatever happened, the page was not drawn
        _drop_parts(target)
        raise _failure(exc, timeout) from None
    finally:
        pool.stop()
        pool.join(timeout=5)


def _failure(exc: Exception, timeout: float) -> RenderError:
    from pebble import ProcessExpired

    if isinstance(exc, RenderError):
        return exc
    if isinstance(exc, concurrent.futures.TimeoutError):
        return RenderTimeout(f"drawing took more than {timeout:g} s")
    if isinstance(exc, ProcessExpired):
        return RenderError(f"the drawing process ended with {exc.exitcode}")
    return RenderError(f"{type(exc).__name__}: {exc}")  # MemoryError, pdfium's errors


def _drop_parts(target: Path) -> None:
    """Half-written pictures of a child that was killed."""
    for part in target.parent.glob(f"{target.name}.*{PART_SUFFIX}"):
        part.unlink(missing_ok=True)
