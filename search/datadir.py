"""Where Exempelbanken keeps its data: one absolute directory, decided once.

The directory may come from a command-line flag, the environment (``EXEMPELBANKEN_DATA_DIR``)
or the default (``instance`` in the working directory). Whatever the source, it is made
absolute here, against the working directory at start, so no later code (Flask resolves
relative paths against its package folder, a worker may change directory) can read it
differently.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "EXEMPELBANKEN_DATA_DIR"
DEFAULT = "instance"


def resolve_data_dir(value: str | os.PathLike[str] | None = None) -> Path:
    """The data directory as an absolute path: ``value``, else the environment, else
    ``./instance``. ``~`` is expanded; symlinks are kept as given."""
    raw = os.fspath(value) if value not in (None, "") else os.environ.get(ENV_VAR) or DEFAULT
    return Path(os.path.abspath(os.path.expanduser(raw)))
