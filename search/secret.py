"""The web's key for signing sessions, kept in the data directory when the environment gives
none: a random key in ``secret_key`` (mode 0600), made once and then the same for every process
and every restart on that directory."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from search.datadir import PRIVATE_DIR_MODE

KEY_FILE = "secret_key"


def _read_key(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return ""


def _publish(tmp: str, key_file: Path) -> None:
    """Put the written key file ``tmp`` in place, unless another process put a key there
    first (an empty file left from before is replaced)."""
    try:
        os.link(tmp, key_file)  # fails when the file exists: the first key made wins
    except FileExistsError:
        if not _read_key(key_file):
            os.replace(tmp, key_file)
    except OSError:  # a file system without hard links
        os.replace(tmp, key_file)


def stored_secret_key(data_dir: Path) -> str:
    """The key kept in ``data_dir``, made there first when there is none."""
    key_file = data_dir / KEY_FILE
    key = _read_key(key_file)
    if key:
        return key
    data_dir.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{KEY_FILE}-", dir=data_dir)  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_hex(32))
            handle.flush()
            os.fsync(handle.fileno())
        _publish(tmp, key_file)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return _read_key(key_file)
