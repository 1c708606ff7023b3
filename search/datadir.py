"""Where Exempelbanken keeps its data: one absolute directory, decided once.

The directory may come from a command-line flag, the environment (``EXEMPELBANKEN_DATA_DIR``)
or the default (``instance`` in the working directory). Whatever the source, it is made
absolute here, against the working directory at start, so no later code (Flask resolves
relative paths against its package folder, a worker may change directory) can read it
differently.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

ENV_VAR = "EXEMPELBANKEN_DATA_DIR"
DEFAULT = "instance"

log = logging.getLogger(__name__)


def resolve_data_dir(value: str | os.PathLike[str] | None = None) -> Path:
    """The data directory as an absolute path: ``value``, else the environment, else
    ``./instance``. ``~`` is expanded; symlinks are kept as given."""
    raw = os.fspath(value) if value not in (None, "") else os.environ.get(ENV_VAR) or DEFAULT
    return Path(os.path.abspath(os.path.expanduser(raw)))


PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_GROUP_OTHER = 0o077


def _tighten(path: Path) -> None:
    """Take every group and other permission off ``path`` (never follows a symlink)."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            return
        mode = stat.S_IMODE(info.st_mode)
        if mode & _GROUP_OTHER:
            os.chmod(path, mode & ~_GROUP_OTHER)
    except FileNotFoundError:
        return  # removed meanwhile (a temporary file, an index segment)
    except OSError as exc:
        log.warning("could not make %s private: %s", path, exc)


def ensure_private_dir(path: Path) -> None:
    """Create the data directory ``path`` if missing (0700) and make it and everything in it
    private to the owner: directories 0700, files 0600 (an owner's execute bit is kept).
    Run at open, so a directory made with looser modes (an older version, a copy, a restore
    from backup) is tightened too. Parents of ``path`` are left as they are."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    _tighten(path)
    for root, dirs, files in os.walk(path):  # does not descend into symlinked directories
        for name in (*dirs, *files):
            _tighten(Path(root, name))


def ensure_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if missing, else take group/other permissions off
    it; for files that hold secrets (the catalogue with its password hashes)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        _tighten(path)
        return
    os.close(fd)
