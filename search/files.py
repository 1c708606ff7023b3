"""Files the library hands out for reading (originals, page pictures): opened, with what an HTTP
response needs to know about them. Where they lie on disk stays the library's business."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


@dataclass
class StoredFile:
    """An open file: ``size`` in bytes, ``modified`` in seconds since the epoch and an ``etag``
    that changes whenever the content does. Close it when done (``with``, or hand ``stream`` to
    ``flask.send_file``, which closes it once sent)."""

    stream: BinaryIO
    size: int
    modified: float
    etag: str

    def read(self) -> bytes:
        """The whole content; closes the file."""
        with self:
            return self.stream.read()

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> StoredFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_stored(path: Path, etag: str | None = None) -> StoredFile | None:
    """``path`` opened for reading, or None when it is not there (or not a regular file).
    Without ``etag`` the file's modification time and size make one."""
    try:
        stream = path.open("rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    info = os.fstat(stream.fileno())
    if not stat.S_ISREG(info.st_mode):
        stream.close()
        return None
    tag = etag or f"{info.st_mtime_ns:x}-{info.st_size:x}"
    return StoredFile(stream, info.st_size, info.st_mtime, tag)
