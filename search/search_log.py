"""The searches that found little, kept for the coordinators who keep the thesaurus.

New teams type words the thesaurus does not know ("bokstart", "växelvis boende"). Such a search
finds nothing, or examples that share only a common word or a part of a compound with it, and
nobody learns of it. So every search made in the web without filters (its first page, in order
of relevance) is counted here by its words (case and spacing folded), with what it found the
last time: how many examples, how many of them have a word that counts
(``SearchResult.strong``), the suggestion offered, its words that no example has and the
thesaurus does not know (``search.spelling.unwritten_words``), and the practice most of its
first hits have (the concept chosen beforehand in the list's form). The coordinator page lists the
searches that had such a word, or whose last answer had no example with a word that counts,
most searched first; a coordinator adds one as a term of the concept it means in one step
(``search.thesaurus_edits``), or dismisses it. A search that has since become a term of the
thesaurus is not listed.

Searches are anonymous: no user, address or session is stored, only the words, counts and
dates. A search not made again in RETENTION_DAYS is forgotten, at most MAX_SEARCHES are kept
(the least recently made go first), and erasing a person (``search.gdpr``) removes every search
that names them. The searches live in a SQLite file of their own (``searches.sqlite3``,
private to the owner, written without syncing): a lost count costs nothing, a search never
waits on the catalogue's writers, and a failure to count is logged, never shown to the one
searching.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from search.datadir import ensure_private_file
from search.records import SearchResult, WeakSearch

FILE = "searches.sqlite3"
RETENTION_DAYS = 90
MAX_SEARCHES = 20_000
MAX_QUERY = 200  # characters of a search kept (the query's own limit is higher)
PURGE_EVERY = 500  # searches counted between sweeps of the old ones
WAIT_SECONDS = 0.5  # a search waits at most this long to be counted

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS searches (
    key TEXT PRIMARY KEY,  -- the words, case and spacing folded
    query TEXT NOT NULL,  -- as last typed
    times INTEGER NOT NULL,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    total INTEGER NOT NULL,  -- examples found the last time
    strong INTEGER,  -- of them, with a word that counts (NULL: not known)
    suggestion TEXT,
    unwritten TEXT NOT NULL DEFAULT '',  -- its words no example has, space-separated
    practice TEXT,  -- the practice most of its first hits have (leading_practice)
    dismissed INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS searches_last ON searches(last_at);
"""
_NOTE = (
    "INSERT INTO searches (key, query, times, first_at, last_at, total, strong, suggestion, "
    "unwritten, practice) VALUES (:key, :query, 1, :now, :now, :total, :strong, :suggestion, "
    ":unwritten, :practice) ON CONFLICT (key) DO UPDATE SET query = :query, "
    "times = times + 1, last_at = :now, total = :total, strong = :strong, "
    "suggestion = :suggestion, unwritten = :unwritten, practice = :practice"
)
FIRST_HITS = 5  # the hits whose practices say what a search may mean …
HELD_BY = 2  # … when at least this many of them have one
# the last answer had no example with a word that counts (or none at all), or the search has
# a word no example has
_WEAK = "NOT dismissed AND (total = 0 OR strong = 0 OR unwritten != '')"


def search_key(query: str) -> str:
    """The words of a search as it is counted: case and spacing folded."""
    return " ".join(query.casefold().split())[:MAX_QUERY]


def leading_practice(result: SearchResult) -> str | None:
    """The practice most of the first FIRST_HITS hits have (HELD_BY of them at least; on a
    tie the one the higher hit has first): the concept a coordinator most likely adds the
    search's words to."""
    held: Counter[str] = Counter(value for hit in result.hits[:FIRST_HITS]
                                 for value in dict.fromkeys(hit.interventions))
    best = max(held.values(), default=0)
    return next((value for hit in result.hits[:FIRST_HITS] for value in hit.interventions
                 if held[value] == best), None) if best >= HELD_BY else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SearchLog:
    """The counted searches in ``path`` (one connection per process, used under a lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self._since_purge = 0

    def _db(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():  # a forked server process
            ensure_private_file(self.path)  # the words may name a person
            conn = sqlite3.connect(self.path, timeout=WAIT_SECONDS, isolation_level=None,
                                   check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")
            conn.executescript(_SCHEMA)
            _add_columns(conn)
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    def _run(self, work: Callable[[sqlite3.Connection], object], what: str) -> object:
        """``work`` on the connection; None (logged) when the file cannot be used now."""
        try:
            with self._lock:
                return work(self._db())
        except (sqlite3.Error, OSError, UnicodeError) as exc:  # UnicodeError: a lone surrogate
            log.warning("sökloggen: kunde inte %s: %s", what, exc)
            return None

    def note(self, result: SearchResult, unwritten: Iterable[str] = ()) -> None:
        """Count a search (the words of ``result.query``) and keep what it found, and its
        words no example has (``unwritten``)."""
        key = search_key(result.query)
        if not key:
            return
        row = {"key": key, "query": " ".join(result.query.split())[:MAX_QUERY], "now": _now(),
               "total": result.total, "strong": result.strong,
               "suggestion": result.suggestion, "unwritten": " ".join(unwritten),
               "practice": leading_practice(result)}

        def write(db: sqlite3.Connection) -> None:
            db.execute(_NOTE, row)
            self._since_purge += 1
            if self._since_purge >= PURGE_EVERY:
                self._since_purge = 0
                _purge(db)

        self._run(write, "räkna en sökning")

    def weak(self, limit: int = 30, known: Callable[[str], bool] | None = None
             ) -> list[WeakSearch]:
        """The searches with a word no example has, or whose last answer had no example with
        a word that counts, most made first, then the latest; without those ``known`` says the
        thesaurus now has."""
        def read(db: sqlite3.Connection) -> list[sqlite3.Row]:
            _purge(db)
            return db.execute(
                f"SELECT * FROM searches WHERE {_WEAK} ORDER BY times DESC, last_at DESC, key "
                "LIMIT ?", (limit * 2 + 20,)).fetchall()  # room for those now known

        rows = self._run(read, "läsa sökningarna")
        found = [WeakSearch(query=r["query"], times=r["times"], last_at=r["last_at"],
                            total=r["total"], strong=r["strong"], suggestion=r["suggestion"],
                            unwritten=r["unwritten"].split(), practice=r["practice"])
                 for r in (rows if isinstance(rows, list) else [])
                 if known is None or not known(r["key"])]
        return found[:limit]

    def dismiss(self, query: str) -> bool:
        """Hide a search from the list (it is still counted); False when it is not kept."""
        changed = self._run(lambda db: db.execute(
            "UPDATE searches SET dismissed = 1 WHERE key = ?", (search_key(query),)).rowcount,
            "dölja en sökning")
        return bool(changed)

    def forget_words(self, words: Iterable[str]) -> int:
        """Remove every search that has one of ``words`` as a word of its own, or in the
        genitive (a person's name, when the person is erased); how many were removed."""
        patterns = [re.compile(rf"(?<!\w){re.escape(w.casefold())}s?(?!\w)")
                    for w in words if w.strip()]
        if not patterns:
            return 0

        def forget(db: sqlite3.Connection) -> int:
            keys = [r[0] for r in db.execute("SELECT key FROM searches")
                    if any(p.search(r[0]) for p in patterns)]
            db.executemany("DELETE FROM searches WHERE key = ?", [(k,) for k in keys])
            return len(keys)

        removed = self._run(forget, "ta bort sökningar")
        return removed if isinstance(removed, int) else 0

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None


# columns a file made by an earlier version lacks, with their definitions
_LATER_COLUMNS = {"unwritten": "TEXT NOT NULL DEFAULT ''", "practice": "TEXT"}


def _add_columns(db: sqlite3.Connection) -> None:
    have = {row[1] for row in db.execute("PRAGMA table_info(searches)")}
    for name, definition in _LATER_COLUMNS.items():
        if name not in have:
            db.execute(f"ALTER TABLE searches ADD COLUMN {name} {definition}")


def _purge(db: sqlite3.Connection) -> None:
    """Forget the searches not made in RETENTION_DAYS, and all but the MAX_SEARCHES latest."""
    since = (datetime.now(UTC) - timedelta(days=RETENTION_DAYS)).isoformat(timespec="seconds")
    db.execute("DELETE FROM searches WHERE last_at < ?", (since,))
    db.execute("DELETE FROM searches WHERE key NOT IN "
               "(SELECT key FROM searches ORDER BY last_at DESC LIMIT ?)", (MAX_SEARCHES,))
