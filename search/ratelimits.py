"""Request counts per client and time window, shared by every process serving one data directory.

``exempelbanken serve`` answers from more than one process; a limit of searches or login
attempts per client must count the requests of all of them, so the counts live in a small
SQLite file in the data directory (``ratelimits.sqlite3``), not in a process's memory. A count
is a fixed window: it starts with a client's first request and is forgotten when it expires.
Nothing here is precious: the file is written without syncing, and a lost count only forgives
a few requests.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

FILE = "ratelimits.sqlite3"
PURGE_EVERY = 1000  # increments between sweeps of expired counts

_SCHEMA = "CREATE TABLE IF NOT EXISTS counts (key TEXT PRIMARY KEY, n INTEGER NOT NULL, " \
          "expires REAL NOT NULL) WITHOUT ROWID"
_INCR = (
    "INSERT INTO counts (key, n, expires) VALUES (:key, :amount, :expires) "
    "ON CONFLICT (key) DO UPDATE SET "
    "n = CASE WHEN counts.expires <= :now THEN :amount ELSE counts.n + :amount END, "
    "expires = CASE WHEN counts.expires <= :now THEN :expires ELSE counts.expires END "
    "RETURNING n"
)


class Counters:
    """Windowed counters in ``path`` (one connection per process, used under a lock)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._since_purge = 0

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute(_SCHEMA)
            self._conn = conn
        return self._conn

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        """Add ``amount`` to ``key``'s count (a new window of ``expiry`` seconds when there is
        none) and return the count."""
        now = time.time()
        with self._lock:
            db = self._db()
            (count,) = db.execute(_INCR, {"key": key, "amount": amount, "now": now,
                                          "expires": now + expiry}).fetchone()
            self._since_purge += 1
            if self._since_purge >= PURGE_EVERY:
                self._since_purge = 0
                db.execute("DELETE FROM counts WHERE expires <= ?", (now,))
        return int(count)

    def get(self, key: str) -> int:
        """``key``'s count in its current window (0 when none)."""
        with self._lock:
            row = self._db().execute("SELECT n FROM counts WHERE key = ? AND expires > ?",
                                     (key, time.time())).fetchone()
        return int(row[0]) if row else 0

    def expiry(self, key: str) -> float:
        """When ``key``'s window ends (epoch seconds; now when there is none)."""
        now = time.time()
        with self._lock:
            row = self._db().execute("SELECT expires FROM counts WHERE key = ? AND expires > ?",
                                     (key, now)).fetchone()
        return float(row[0]) if row else now

    def clear(self, key: str) -> None:
        with self._lock:
            self._db().execute("DELETE FROM counts WHERE key = ?", (key,))

    def reset(self) -> int:
        """Forget every count; how many there were."""
        with self._lock:
            return self._db().execute("DELETE FROM counts").rowcount

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def counters(data_dir: Path | str) -> Counters:
    """The counters of the data directory ``data_dir``."""
    return Counters(Path(data_dir) / FILE)
