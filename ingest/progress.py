"""How far the reading of one file has come: a stage and page n of N.

The pipeline calls ``report`` as it goes; nothing happens unless a sink is set. The sandbox's
child process sets a file sink (``to_file``): the child cannot call back into the process
that waits for it, so it overwrites a small JSON file that the waiting side reads
(``read_file``) whenever it wants to show progress.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

CONVERTING = "converting"  # an office file turned into PDF
PAGES = "pages"  # words and layout of page n of N
OCR = "ocr"  # text recognition of page n of N
TAGGING = "tagging"  # examples cut out and tagged

Sink = Callable[[str, int, int], None]
_sink: Sink | None = None


def report(stage: str, page: int = 0, pages: int = 0) -> None:
    """Tell whoever listens that reading is at ``stage``, page ``page`` of ``pages``."""
    if _sink is not None:
        with suppress(OSError):
            _sink(stage, page, pages)


def _write(path: Path, stage: str, page: int, pages: int) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"stage": stage, "page": page, "pages": pages}),
                   encoding="utf-8")
    os.replace(tmp, path)


@contextmanager
def to_file(path: str | Path | None) -> Iterator[None]:
    """Within the block, ``report`` overwrites the JSON file at ``path`` (None: no sink)."""
    global _sink
    if path is None:
        yield
        return
    target = Path(path)
    previous = _sink
    _sink = lambda stage, page, pages: _write(target, stage, page, pages)  # noqa: E731
    try:
        yield
    finally:
        _sink = previous


def read_file(path: str | Path) -> dict[str, Any] | None:
    """The last report written by ``to_file``, or None before the first one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
