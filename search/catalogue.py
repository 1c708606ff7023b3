"""The catalogue: an SQLite database that is the source of truth for everything stored.

Documents, their examples and tags (with evidence), coordinator corrections and users. The
Whoosh index is derived from it (``indexed`` flags a document whose index entries are known to
be written).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.model import Document, Example
from ingest.records import Document as DocumentRecord
from ingest.records import Example as ExampleRecord
from search.datadir import ensure_private_file
from search.errors import InvalidTextError

# documents.review: a document waiting for a coordinator's review is seen on the coordinator
# pages only; a published one everywhere
REVIEW = "review"
PUBLISHED = "published"
REVIEW_STATES = (REVIEW, PUBLISHED)
# the public queries' condition on the documents table (alias d)
PUBLIC = f"d.review = '{PUBLISHED}'"

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    filename TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT,
    pages INTEGER NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL,
    indexed INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    lineage TEXT,  -- the first version's id: a replacement keeps it, and with it corrections
    review TEXT NOT NULL DEFAULT 'published'  -- REVIEW (att granska) or PUBLISHED (publicerad)
);
CREATE INDEX IF NOT EXISTS documents_filename ON documents(filename);
CREATE TABLE IF NOT EXISTS examples (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    team TEXT,
    team_key TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS examples_document ON examples(document_id);
CREATE INDEX IF NOT EXISTS examples_team ON examples(team_key);
CREATE TABLE IF NOT EXISTS tags (
    example_id TEXT NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    role TEXT,
    source TEXT NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tags_example ON tags(example_id);
CREATE INDEX IF NOT EXISTS tags_kind_value ON tags(kind, value);
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lineage TEXT,  -- the document (all its versions) the correction belongs to
    filename TEXT NOT NULL,  -- for people reading the table: the file at correction time
    title_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    role TEXT,
    action TEXT NOT NULL,
    user TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'coordinator',
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS thesaurus_edits (  -- search/thesaurus_edits.py
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    concept TEXT NOT NULL,  -- the concept's key
    action TEXT NOT NULL,  -- add_label | remove_label | add_concept
    label_type TEXT,  -- alt | hidden, for add_label
    label TEXT NOT NULL,  -- the label, or a new concept's preferred label
    data TEXT,  -- a new concept's focus areas, related interventions, definition (JSON)
    user TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS spread_overrides (  -- search/spread_overrides.py
    concept TEXT NOT NULL,  -- the concept's slug
    municipality TEXT NOT NULL,
    status TEXT NOT NULL,  -- a SpreadStatus code
    reason TEXT NOT NULL,
    user TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (concept, municipality)
);
CREATE TABLE IF NOT EXISTS audit_log (  -- search/audit.py
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    user TEXT,  -- the coordinator's name; NULL for the command line
    action TEXT NOT NULL,  -- a dotted code, e.g. tag.add, document.publish, person.erase
    lineage TEXT,  -- the document (all its versions) the change belongs to, if any
    example_id TEXT,
    summary TEXT NOT NULL,  -- one Swedish line for people
    data TEXT  -- JSON detail for programs
);
CREATE INDEX IF NOT EXISTS audit_log_lineage ON audit_log(lineage);
CREATE TABLE IF NOT EXISTS concept_sheets (  -- search/concept_sheets.py
    slug TEXT PRIMARY KEY,
    concept TEXT,  -- the automatic concept (taxonomy intervention) it curates, if any
    state TEXT NOT NULL,  -- utkast | publicerad
    version INTEGER NOT NULL,  -- the newest row of concept_sheet_versions
    fields TEXT NOT NULL,  -- SheetFields as JSON
    links TEXT NOT NULL,  -- linked examples as JSON: lineage, title_key, example_id, title
    created_at TEXT NOT NULL,
    created_by TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT
);
CREATE TABLE IF NOT EXISTS concept_sheet_versions (  -- every save of a sheet, never rewritten
    slug TEXT NOT NULL,
    version INTEGER NOT NULL,
    state TEXT NOT NULL,
    fields TEXT NOT NULL,
    links TEXT NOT NULL,
    changed TEXT NOT NULL,  -- JSON list of the field keys this save changed
    user TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (slug, version)
);
CREATE TABLE IF NOT EXISTS term_proposals (  -- search/vocabulary.py: never a tag
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    example_id TEXT,  -- the example it was meant for
    lineage TEXT,  -- that example's document (all its versions)
    user TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS spread_changes (  -- counts changes the concept pages are made of
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n INTEGER NOT NULL
);
""" + "".join(  # the row is made by the first change: opening the catalogue writes nothing
    f"CREATE TRIGGER IF NOT EXISTS spread_changes_{table}_{event.lower()} AFTER {event} ON "
    f"{table} BEGIN INSERT INTO spread_changes (id, n) VALUES (1, 1) "
    f"ON CONFLICT (id) DO UPDATE SET n = n + 1; END;\n"
    for table in ("documents", "examples", "tags", "spread_overrides", "concept_sheets")
    for event in ("INSERT", "UPDATE", "DELETE"))


def check_text(values: Iterable[object], what: str) -> None:
    """Refuse, with a clear error, strings that SQLite cannot take as UTF-8."""
    for value in values:
        if not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            code = ord(value[exc.start])
            raise InvalidTextError(
                f"{what} kan inte sparas: texten innehåller ett ogiltigt tecken "
                f"(U+{code:04X}, en ensam halva av ett UTF-16-teckenpar)."
            ) from None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def title_key(title: str) -> str:
    """Normalised example title used to find an example again after re-ingestion."""
    return " ".join("".join(c for c in title.lower() if c.isalnum() or c.isspace()).split())


INSERT_EXAMPLE = (
    "INSERT INTO examples (id, document_id, seq, title, team, team_key, data) "
    "VALUES (?,?,?,?,?,?,?)"
)
INSERT_TAG = (
    "INSERT INTO tags (example_id, kind, value, role, source, evidence) VALUES (?,?,?,?,?,?)"
)


def dump_example(ex: Example) -> str:
    """The stored JSON of an example: its contract shape (``ingest.records.Example``)."""
    return json.dumps(ExampleRecord.of(ex).model_dump(), ensure_ascii=False)


def load_example(data: str | bytes) -> Example:
    return ExampleRecord.model_validate_json(data).to_model()


def _example_row(ex: Example, seq: int = 0) -> tuple[Any, ...]:
    """The examples row of ``ex`` (id, document_id, seq, title, team, team_key, data), checked."""
    row = (ex.id, ex.document_id, seq, ex.title, ex.team, ex.team_key, dump_example(ex))
    check_text(row, "Exemplet")
    return row


# the tags table's source for an intervention proposed as a new term (Tag.proposed): kept out of
# concepts, which are the taxonomy's interventions and the coordinators' own
PROPOSAL = "proposal"


def _tag_rows(ex: Example) -> list[tuple[Any, ...]]:
    """The tags rows of ``ex``, checked."""
    rows = [
        (ex.id, t.kind, t.value, t.role, PROPOSAL if t.proposed else t.source,
         json.dumps([asdict(e) for e in t.evidence], ensure_ascii=False))
        for t in ex.tags
    ]
    for row in rows:
        check_text(row, "En tagg")
    return rows


class Catalogue:
    """Thread-safe access to the SQLite catalogue (one connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        ensure_private_file(path)  # 0600: it holds the password hashes
        self.conn().executescript(SCHEMA)
        self._migrate()

    def _migrate(self) -> None:
        """Catalogues from before document lineages: every document starts its own lineage,
        and a correction belongs to the newest document that had its file name."""
        con = self.conn()
        for table in ("documents", "corrections"):
            columns = {r["name"] for r in con.execute(f"PRAGMA table_info({table})")}
            if "lineage" not in columns:
                con.execute(f"ALTER TABLE {table} ADD COLUMN lineage TEXT")
        columns = {r["name"] for r in con.execute("PRAGMA table_info(documents)")}
        if "review" not in columns:  # catalogues from before the review: all published
            con.execute("ALTER TABLE documents ADD COLUMN review TEXT NOT NULL "
                        f"DEFAULT '{PUBLISHED}'")
        with self.transaction() as tx:
            tx.execute("UPDATE documents SET lineage=id WHERE lineage IS NULL")
            tx.execute(
                "UPDATE corrections SET lineage=(SELECT d.lineage FROM documents d "
                "WHERE d.filename=corrections.filename ORDER BY d.added_at DESC LIMIT 1) "
                "WHERE lineage IS NULL")
        con.execute("DROP INDEX IF EXISTS corrections_file")
        con.execute("CREATE INDEX IF NOT EXISTS corrections_lineage ON corrections(lineage)")

    # --- connections ---------------------------------------------------------------------

    def conn(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            con.row_factory = sqlite3.Row
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            con.execute("PRAGMA foreign_keys=ON")
            self._local.con = con
            with self._all_lock:
                self._all.append(con)
        return con

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        con = self.conn()
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    def close(self) -> None:
        with self._all_lock:
            for con in self._all:
                with suppress(sqlite3.Error):
                    con.close()
            self._all.clear()
        self._local = threading.local()

    # --- documents -------------------------------------------------------------------------

    def insert_document(self, con: sqlite3.Connection, doc: Document,
                        lineage: str | None = None, review: bool = False) -> None:
        """Insert a document with its examples and tags, flagged as not yet indexed; a new
        version of a document passes the ``lineage`` of the one it replaces; ``review``: it
        waits for a coordinator's review before it is published. Every string is checked
        before anything is written (``InvalidTextError``)."""
        data = DocumentRecord.of(doc).model_dump(exclude={"examples"})
        row = (doc.id, doc.filename, doc.title, doc.kind, doc.date, doc.pages, doc.sha256,
               json.dumps(data, ensure_ascii=False), now(), lineage or doc.id,
               REVIEW if review else PUBLISHED)
        check_text(row, "Dokumentet")
        examples = [_example_row(ex, seq) for seq, ex in enumerate(doc.examples, start=1)]
        tags = [tag for ex in doc.examples for tag in _tag_rows(ex)]
        con.execute(
            "INSERT INTO documents (id, filename, title, kind, date, pages, sha256, data, "
            "indexed, added_at, lineage, review) VALUES (?,?,?,?,?,?,?,?,0,?,?,?)",
            row,
        )
        con.executemany(INSERT_EXAMPLE, examples)
        con.executemany(INSERT_TAG, tags)

    def insert_example(self, con: sqlite3.Connection, ex: Example, seq: int) -> None:
        row, tags = _example_row(ex, seq), _tag_rows(ex)
        con.execute(INSERT_EXAMPLE, row)
        con.executemany(INSERT_TAG, tags)

    def delete_document(self, con: sqlite3.Connection, doc_id: str) -> None:
        con.execute("DELETE FROM documents WHERE id=?", (doc_id,))

    def set_indexed(self, doc_ids: list[str], value: int = 1) -> None:
        with self.transaction() as con:
            con.executemany("UPDATE documents SET indexed=? WHERE id=?",
                            [(value, d) for d in doc_ids])

    def document_row(self, doc_id: str) -> sqlite3.Row | None:
        return self.conn().execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()

    def document_by_sha(self, sha: str) -> sqlite3.Row | None:
        return self.conn().execute("SELECT * FROM documents WHERE sha256=?", (sha,)).fetchone()

    def document_rows(self) -> list[sqlite3.Row]:
        return self.conn().execute(
            "SELECT * FROM documents ORDER BY COALESCE(date, '') DESC, filename"
        ).fetchall()

    def set_review(self, con: sqlite3.Connection, doc_ids: list[str], state: str) -> list[str]:
        """Set the review state of these documents, flagged for indexing again (the index keeps
        whether an example is published); the ids whose state changed."""
        changed = [r[0] for r in con.execute(
            f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(doc_ids))}) "
            "AND review != ?", (*doc_ids, state))]
        con.executemany("UPDATE documents SET review=?, indexed=0 WHERE id=?",
                        [(state, d) for d in changed])
        return changed

    def review_rows(self, state: str | None = None) -> list[sqlite3.Row]:
        """Documents (newest upload first) with their number of examples; ``state``: only
        those in that review state."""
        where = "WHERE d.review = ?" if state else ""
        return self.conn().execute(
            "SELECT d.*, (SELECT COUNT(*) FROM examples e WHERE e.document_id = d.id) "
            f"AS example_count FROM documents d {where} ORDER BY d.added_at DESC, d.filename",
            (state,) if state else ()).fetchall()

    def is_published(self, doc_id: str) -> bool:
        row = self.conn().execute("SELECT review FROM documents WHERE id=?",
                                  (doc_id,)).fetchone()
        return row is not None and row[0] == PUBLISHED

    def unindexed(self) -> list[str]:
        return [r[0] for r in self.conn().execute("SELECT id FROM documents WHERE indexed=0")]

    def load_document(self, doc_id: str, with_examples: bool = True) -> Document | None:
        row = self.document_row(doc_id)
        if row is None:
            return None
        doc = DocumentRecord.model_validate_json(row["data"]).to_model()
        if with_examples:
            doc.examples = self.examples_of(doc_id)
        return doc

    def document_record(self, doc_id: str) -> DocumentRecord | None:
        """The stored document with its examples, as the records they were stored as."""
        row = self.document_row(doc_id)
        if row is None:
            return None
        record = DocumentRecord.model_validate_json(row["data"])
        record.examples = [ExampleRecord.model_validate_json(r[0]) for r in self.conn().execute(
            "SELECT data FROM examples WHERE document_id=? ORDER BY seq", (doc_id,))]
        return record

    def document_count(self) -> int:
        return self.conn().execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def doc_meta(self, doc_id: str) -> dict[str, Any] | None:
        row = self.document_row(doc_id)
        if row is None:
            return None
        meta = {k: row[k] for k in ("id", "title", "filename", "kind", "date", "pages")}
        return {**meta, "published": row["review"] == PUBLISHED}

    # --- examples --------------------------------------------------------------------------

    def examples_of(self, doc_id: str) -> list[Example]:
        return [
            load_example(r[0]) for r in self.conn().execute(
                "SELECT data FROM examples WHERE document_id=? ORDER BY seq", (doc_id,)
            )
        ]

    def example(self, ex_id: str) -> Example | None:
        row = self.conn().execute("SELECT data FROM examples WHERE id=?", (ex_id,)).fetchone()
        return load_example(row[0]) if row else None

    def example_record(self, ex_id: str) -> ExampleRecord | None:
        """The stored example as the record it was stored as."""
        row = self.conn().execute("SELECT data FROM examples WHERE id=?", (ex_id,)).fetchone()
        return ExampleRecord.model_validate_json(row[0]) if row else None

    def iter_examples(self) -> Iterator[tuple[Example, dict[str, Any]]]:
        """Every example with its document's metadata, in document order."""
        cur = self.conn().execute(
            "SELECT e.data, d.id, d.title, d.filename, d.kind, d.date, d.review FROM examples e "
            "JOIN documents d ON d.id = e.document_id ORDER BY d.id, e.seq"
        )
        for row in cur:
            meta = {"id": row[1], "title": row[2], "filename": row[3], "kind": row[4],
                    "date": row[5], "published": row[6] == PUBLISHED}
            yield load_example(row[0]), meta

    def example_count(self) -> int:
        return self.conn().execute("SELECT COUNT(*) FROM examples").fetchone()[0]

    def example_ids(self) -> set[str]:
        return {r[0] for r in self.conn().execute("SELECT id FROM examples")}

    def examples_by_team(self, team_key: str) -> list[tuple[Example, dict[str, Any]]]:
        """The published examples of a team, oldest first."""
        rows = self.conn().execute(
            "SELECT e.data, d.id, d.title, d.filename, d.kind, d.date FROM examples e "
            f"JOIN documents d ON d.id = e.document_id WHERE e.team_key=? AND {PUBLIC} "
            "ORDER BY COALESCE(d.date, ''), e.seq", (team_key,)
        ).fetchall()
        return [
            (load_example(r[0]),
             {"id": r[1], "title": r[2], "filename": r[3], "kind": r[4], "date": r[5]})
            for r in rows
        ]

    def tag_rows(self, kinds: tuple[str, ...]) -> list[sqlite3.Row]:
        """(example id, kind, value) of the published examples' tags of these kinds,
        proposals left out."""
        marks = ",".join("?" * len(kinds))
        return self.conn().execute(
            "SELECT t.example_id, t.kind, t.value FROM tags t JOIN examples e ON "
            "e.id = t.example_id JOIN documents d ON d.id = e.document_id "
            f"WHERE t.kind IN ({marks}) AND t.source != ? AND {PUBLIC}",
            (*kinds, PROPOSAL),
        ).fetchall()

    def coach_rows(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """(example id, its coaches as ``ingest.records.Person`` dicts) of the published
        examples that name a coach."""
        rows = self.conn().execute(
            "SELECT e.id, e.data FROM examples e JOIN documents d ON d.id = e.document_id "
            f"WHERE {PUBLIC} AND e.id IN (SELECT example_id FROM tags WHERE kind = 'coach' "
            "AND source != ?)", (PROPOSAL,)).fetchall()
        return [(r[0], json.loads(r[1]).get("coaches") or []) for r in rows]

    def example_summaries(self) -> list[dict[str, Any]]:
        """id, title, team, document date and the document of every published example (no
        text)."""
        rows = self.conn().execute(
            "SELECT e.id, e.title, e.team, e.team_key, d.id AS doc_id, d.title AS doc_title, "
            "d.filename, d.date, d.kind FROM examples e JOIN documents d ON d.id=e.document_id "
            f"WHERE {PUBLIC}"
        ).fetchall()
        return [dict(r) for r in rows]

    # --- corrections -----------------------------------------------------------------------

    def add_correction(self, con: sqlite3.Connection, doc_id: str, title: str, kind: str,
                       value: str, role: str | None, action: str, user: str | None) -> None:
        """A coordinator's correction of an example of ``doc_id``, kept for every later
        version of that document (its lineage)."""
        doc = con.execute("SELECT lineage, filename FROM documents WHERE id=?",
                          (doc_id,)).fetchone()
        lineage, filename = (doc["lineage"], doc["filename"]) if doc else (doc_id, "")
        key = title_key(title)
        check_text((filename, key, kind, value, role, action, user), "Rättelsen")
        # A new correction of the same tag replaces the earlier one.
        con.execute(
            "DELETE FROM corrections WHERE lineage=? AND title_key=? AND kind=? AND value=?",
            (lineage, key, kind, value),
        )
        con.execute(
            "INSERT INTO corrections (lineage, filename, title_key, kind, value, role, action, "
            "user, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (lineage, filename, key, kind, value, role, action, user, now()),
        )

    def corrections_for(self, lineage: str) -> list[sqlite3.Row]:
        """The corrections of a document lineage (``documents.lineage``), oldest first."""
        return self.conn().execute(
            "SELECT * FROM corrections WHERE lineage=? ORDER BY id", (lineage,)
        ).fetchall()
