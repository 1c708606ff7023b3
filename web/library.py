"""One search.library.Library per app, opened on first use and kept in app.extensions."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flask import current_app


class LibraryHolder:
    """Opens the Library lazily; ``write_lock`` serialises every change made through the web."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._library: Any = None
        self._open_lock = threading.Lock()
        self.write_lock = threading.RLock()
        self.render_lock = threading.Lock()

    def get(self) -> Any:
        if self._library is None:
            with self._open_lock:
                if self._library is None:
                    from search.library import Library

                    self.data_dir.mkdir(parents=True, exist_ok=True)
                    self._library = Library(self.data_dir)
        return self._library

    def close(self) -> None:
        with self._open_lock:
            if self._library is not None:
                self._library.close()
                self._library = None


def holder() -> LibraryHolder:
    return current_app.extensions["exempelbanken"]


def get_library() -> Any:
    """The app's search.library.Library."""
    return holder().get()


@contextmanager
def writing() -> Iterator[Any]:
    """The Library, with the app's write lock held (one change at a time)."""
    h = holder()
    with h.write_lock:
        yield h.get()
