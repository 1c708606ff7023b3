"""The lemma table and the hunspell word list as one read-only SQLite file, for fast starts.

Reading spaCy's Swedish lookup table (660,000 forms, gzipped JSON) and the hunspell word list
into memory takes about two seconds, which a search from the command line or a server's first
search pays for a handful of words. ``python -m ingest.tagging.lemma_tables`` (run by ``make``)
writes the same tables to ``ingest/data/lemmas.sqlite3``, stamped with the fingerprint of the
files they came from; ``open_tables`` then answers lookups from it word by word, with a cache,
as long as the stamp matches the installed files (else it gives None and the tables are read
whole, as before). Processes that look up every word of every document (the readers, the
tagger) still read the tables whole: an in-memory dict is faster than SQLite per word.

Hand-written on top of sqlite3 because the tables must answer ``in`` and ``get`` like the
in-memory ones (``lemmas._Tables``), which no key-value library does without loading it all.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from ingest.tagging.resources import DATA_DIR

TABLE_FILE = DATA_DIR / "lemmas.sqlite3"
FORMAT = "1"
# the word flags: a base form of the lemma table, a hunspell stem, a hunspell compound start
# word, a hunspell compound end word
LEMMA, STEM, BEGIN, END = 1, 2, 4, 8
CACHE_WORDS = 100_000


def fingerprint(sources: Iterable[Path | None]) -> str:
    """The version of the tables: this format and each source file's path, size and time."""
    parts = [FORMAT]
    for path in sources:
        if path is not None and path.exists():
            stat = path.stat()
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
        else:
            parts.append("-")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]


def write_tables(path: Path, stamp: str, forms: dict[str, str],
                 words: dict[str, int]) -> None:
    """Write the tables to ``path`` (through a temporary file, so a reader never sees half)."""
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
            "CREATE TABLE forms (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE words (word TEXT PRIMARY KEY, flags INTEGER NOT NULL) WITHOUT ROWID;")
        con.executemany("INSERT INTO forms VALUES (?,?)", sorted(forms.items()))
        con.executemany("INSERT INTO words VALUES (?,?)", sorted(words.items()))
        con.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp,))
        con.commit()
    finally:
        con.close()
    tmp.replace(path)


class _Lookup:
    """One table of the file, read by key; results are cached per process."""

    def __init__(self, read: Callable[[str], object]) -> None:
        self._read = lru_cache(maxsize=CACHE_WORDS)(read)

    def get(self, key: str, default: object = None) -> object:
        value = self._read(key)
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._read(key) is not None


class _Flagged:
    """The words of the file with one flag: answers ``in``."""

    def __init__(self, flags: Callable[[str], int], flag: int) -> None:
        self._flags = flags
        self._flag = flag

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self._flags(key) & self._flag)


class SqliteTables:
    """The tables of ``lemmas._Tables`` answered from the SQLite file."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con
        self._lock = threading.Lock()
        self.forms = _Lookup(lambda key: self._one("SELECT lemma FROM forms WHERE form=?", key))
        flags = lru_cache(maxsize=CACHE_WORDS)(
            lambda key: self._one("SELECT flags FROM words WHERE word=?", key) or 0)
        self.lemmas = _Flagged(flags, LEMMA)
        self.stems = _Flagged(flags, STEM)
        self.strict_begin = _Flagged(flags, BEGIN)
        self.end = _Flagged(flags, END)

    def forms_of(self, lemmas: set[str]) -> list[str]:
        """The forms of the file whose lemma is one of ``lemmas``, read in one pass (about
        0.3 s for its 660,000 forms; other lookups wait meanwhile)."""
        with self._lock:
            rows = self._con.execute("SELECT form, lemma FROM forms")
            return [form for form, lemma in rows if lemma in lemmas]

    def _one(self, sql: str, key: str) -> object:
        with self._lock:  # one connection shared by a server's threads
            row = self._con.execute(sql, (key,)).fetchone()
        return row[0] if row else None


def open_tables(path: Path, stamp: str) -> SqliteTables | None:
    """The tables of the file when it exists and was made from the installed sources."""
    if not path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                              check_same_thread=False)
        row = con.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] != stamp:
        con.close()
        return None
    return SqliteTables(con)


def main() -> int:
    """Write the tables file when it is missing or made from other sources than installed."""
    from ingest.tagging import lemmas

    stamp = lemmas.sources_stamp()
    if open_tables(TABLE_FILE, stamp) is not None:
        print(f"{TABLE_FILE.name}: up to date")
        return 0
    forms, words = lemmas.read_sources()
    write_tables(TABLE_FILE, stamp, forms, words)
    print(f"{TABLE_FILE.name}: {len(forms)} forms, {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
