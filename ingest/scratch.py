"""Scratch folders in the system's temporary directory that outlive no process.

A reading works in temporary folders: an upload's copy, LibreOffice's work folder and profile,
Tesseract's page picture. Python removes a ``TemporaryDirectory`` when the block ends, but not
when the process is killed: a reader worker past its time limit, a worker pool that is stopped,
a server that crashes. What such a process had open stays in /tmp for good, and an upload's
copy may hold personal data.

So every scratch folder is named after the process that made it
(``exempelbanken-job-<pid>-<random>``), and the first folder a process makes with a prefix
clears that prefix's folders whose process is gone: at most one folder per process that still
runs. Only this user's folders are touched. Hand-written: ``tempfile`` knows no owner of a
folder, and the folders of a killed process are exactly what it cannot clean.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

_swept: set[tuple[str, str]] = set()  # (temporary directory, prefix) cleared by this process


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs: a killed process waiting for its parent to collect its
    exit status (a zombie, state Z in /proc) does not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # no /proc: trust the signal
        return True
    return stat.rpartition(")")[2].split()[0] != "Z"


def _owner_pid(name: str, prefix: str) -> int | None:
    head = name[len(prefix):].split("-", 1)[0]
    return int(head) if head.isdigit() else None


def sweep(prefix: str, root: str | None = None) -> int:
    """Remove this user's folders named ``prefix<pid>-…`` in ``root`` (the temporary
    directory) whose process no longer runs; returns how many were removed."""
    root = root or tempfile.gettempdir()
    removed = 0
    with suppress(OSError), os.scandir(root) as entries:
        for entry in entries:
            pid = _owner_pid(entry.name, prefix) if entry.name.startswith(prefix) else None
            if pid is None or pid == os.getpid() or _alive(pid):
                continue
            with suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if info.st_uid != os.getuid() or not entry.is_dir(follow_symlinks=False):
                    continue
                shutil.rmtree(entry.path)
                removed += 1
    return removed


def make(prefix: str) -> Path:
    """A new private folder ``prefix<pid>-<random>`` in the temporary directory; the caller
    removes it. The first one per prefix clears the folders of processes that are gone."""
    root = tempfile.gettempdir()
    if (root, prefix) not in _swept:
        _swept.add((root, prefix))
        sweep(prefix, root)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=root))


@contextmanager
def folder(prefix: str) -> Iterator[Path]:
    """A scratch folder (``make``) removed when the block ends."""
    path = make(prefix)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
