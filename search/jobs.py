"""Upload jobs: one row per uploaded file in the catalogue's ``jobs`` table, and its bytes under
the data directory's ``uploads/`` until it is stored.

A job goes queued → reading (stage and page n of N from the worker's heartbeat) → tagging →
storing → done (the document, its examples' titles and the reading's warnings) or failed (a
Swedish message; a failed job whose file is kept can be queued again). The rows are what the
progress page and ``GET /api/jobs`` show; ``search.job_writer`` moves them along.

Only files waiting for a reading or a retry are kept: a done job's file is removed once the
document is stored (``originals/`` has its copy), a failed job that cannot be tried again keeps
none, and a failed job that can keeps its file for ``FAILED_DAYS`` days (the app's
``FAILED_UPLOAD_DAYS``); ``tidy`` removes the rest when the job writer starts and every
``TIDY_SECONDS`` while it runs. A coordinator may also remove a failed job (``remove``); both
are recorded in the audit log. Nothing here touches a stored document.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import time
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from search import audit
from search.catalogue import Catalogue, check_text, now
from search.datadir import ensure_private_dir
from search.records import Job

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    batch TEXT NOT NULL,
    filename TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    state TEXT NOT NULL,
    stage TEXT,
    page INTEGER NOT NULL DEFAULT 0,
    pages INTEGER NOT NULL DEFAULT 0,
    attempt INTEGER NOT NULL DEFAULT 1,
    task_id TEXT,
    document_id TEXT,
    replaces TEXT,
    titles TEXT NOT NULL DEFAULT '[]',
    warnings TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    code TEXT,
    status INTEGER,
    retryable INTEGER NOT NULL DEFAULT 0,
    review INTEGER NOT NULL DEFAULT 0,  -- the document waits for a coordinator's review
    user TEXT,
    file_removed_at TEXT,  -- a failed job's file was removed (kept FAILED_DAYS days)
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_batch ON jobs(batch);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state);
"""

FINISHED = ("done", "failed")
MAX_LIST = 500
FAILED_DAYS = 30.0  # a failed job's file is kept this long for a retry
STRAY_SECONDS = 24 * 3600.0  # a file without a job (a crash mid-upload) is removed after this
_COLUMNS = {"state", "stage", "page", "pages", "attempt", "task_id", "document_id", "titles",
            "warnings", "error", "code", "status", "retryable"}


def new_id() -> str:
    return secrets.token_hex(8)


def _job(row: sqlite3.Row) -> Job:
    return Job(id=row["id"], batch=row["batch"], filename=row["filename"], state=row["state"],
               stage=row["stage"], page=row["page"], pages=row["pages"],
               attempt=row["attempt"], document_id=row["document_id"],
               replaces=row["replaces"], titles=json.loads(row["titles"]),
               warnings=json.loads(row["warnings"]), error=row["error"], code=row["code"],
               status=row["status"], retryable=bool(row["retryable"]), user=row["user"],
               file_removed_at=row["file_removed_at"], created_at=row["created_at"],
               updated_at=row["updated_at"])


class JobStore:
    """The jobs table and the uploaded files waiting to be stored."""

    def __init__(self, catalogue: Catalogue, data_dir: Path) -> None:
        self.catalogue = catalogue
        self.dir = data_dir / "uploads"
        self.dir.mkdir(exist_ok=True)
        ensure_private_dir(self.dir)
        con = catalogue.conn()
        con.executescript(SCHEMA)
        if "file_removed_at" not in {r[1] for r in con.execute("PRAGMA table_info(jobs)")}:
            with catalogue.transaction() as tx:  # a catalogue from before the retention
                tx.execute("ALTER TABLE jobs ADD COLUMN file_removed_at TEXT")

    def file(self, job_id: str) -> Path:
        return self.dir / job_id

    def create(self, batch: str, filename: str, data: bytes, user: str | None = None,
               replaces: str | None = None, keep_file: bool = True,
               review: bool = False) -> Job:
        """Add a queued job and keep the file's bytes for it (``search.job_writer`` checks
        and queues it; ``keep_file=False`` for a file that fails at once)."""
        check_text((filename, user), "Filnamnet")
        job_id = new_id()
        if keep_file:
            path = self.file(job_id)
            tmp = path.with_suffix(".part")
            with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
                           "wb") as fh:  # private, whatever the umask: uploads are unpublished
                fh.write(data)
            os.replace(tmp, path)
        stamp = now()
        with self.catalogue.transaction() as con:
            con.execute(
                "INSERT INTO jobs (id, batch, filename, sha256, size, state, replaces, user, "
                "review, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)",
                (job_id, batch, filename, hashlib.sha256(data).hexdigest(), len(data),
                 replaces, user, int(review), stamp, stamp))
        job = self.get(job_id)
        assert job is not None
        return job

    def row(self, job_id: str) -> sqlite3.Row | None:
        return self.catalogue.conn().execute(
            "SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()

    def get(self, job_id: str) -> Job | None:
        row = self.row(job_id)
        return _job(row) if row is not None else None

    def batch(self, batch: str) -> list[Job]:
        rows = self.catalogue.conn().execute(
            "SELECT * FROM jobs WHERE batch = ? ORDER BY rowid LIMIT ?", (batch, MAX_LIST))
        return [_job(r) for r in rows]

    def active(self) -> list[sqlite3.Row]:
        """Jobs not yet done or failed, oldest first."""
        return list(self.catalogue.conn().execute(
            "SELECT * FROM jobs WHERE state NOT IN ('done', 'failed') ORDER BY rowid"))

    def recent(self, limit: int = 50) -> list[Job]:
        rows = self.catalogue.conn().execute(
            "SELECT * FROM jobs ORDER BY rowid DESC LIMIT ?", (min(limit, MAX_LIST),))
        return [_job(r) for r in rows]

    def update(self, job_id: str, only_if: str | None = None, **changes: Any) -> bool:
        """Change a job's columns; with ``only_if`` only while its task id is that one (a
        late answer from an attempt given up on changes nothing). True if it changed."""
        unknown = set(changes) - _COLUMNS
        if unknown:
            raise ValueError(f"unknown job columns {unknown}")
        values = {k: json.dumps(v, ensure_ascii=False) if k in ("titles", "warnings") else v
                  for k, v in changes.items()}
        sets = ", ".join(f"{k} = ?" for k in values)
        sql = f"UPDATE jobs SET {sets}, updated_at = ? WHERE id = ?"  # noqa: S608 - known names
        args: list[Any] = [*values.values(), now(), job_id]
        if only_if is not None:
            sql += " AND task_id = ?"
            args.append(only_if)
        with self.catalogue.transaction() as con:
            return con.execute(sql, args).rowcount > 0

    def fail(self, job_id: str, error: str, code: str | None, status: int = 422,
             retryable: bool = True, document_id: str | None = None,
             only_if: str | None = None) -> bool:
        """Mark the job failed; a job that cannot be tried again keeps no file."""
        keep = retryable and self.file(job_id).is_file()
        changed = self.update(job_id, only_if=only_if, state="failed", stage=None, error=error,
                              code=code, status=status, retryable=keep,
                              document_id=document_id)
        if changed and not keep:
            self.drop_file(job_id)
        return changed

    def keep_no_file(self, job_id: str) -> None:
        """A failed job that will not be tried again (its uploader got the answer)."""
        self.drop_file(job_id)
        self.update(job_id, retryable=False)

    def drop_file(self, job_id: str) -> None:
        with suppress(OSError):
            self.file(job_id).unlink()

    def remove(self, job_id: str, user: str | None = None) -> bool:
        """Remove a failed job and its file (a coordinator's choice, in the audit log);
        False when there is no such failed job."""
        with self.catalogue.transaction() as con:
            row = con.execute("SELECT * FROM jobs WHERE id = ? AND state = 'failed'",
                              (job_id,)).fetchone()
            if row is None:
                return False
            audit.record(con, "upload.remove",
                         f"tog bort den misslyckade uppladdningen {row['filename']}", user=user,
                         data={"job": job_id, "filename": row["filename"],
                               "error": row["error"], "uploaded_by": row["user"]})
            con.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
        self.drop_file(job_id)
        return True

    def tidy(self, failed_days: float = FAILED_DAYS) -> list[str]:
        """Remove the files no job needs any more: those of failed jobs older than
        ``failed_days`` (recorded in the audit log; they cannot be retried now), of finished
        jobs that keep none, and stray ones. The ids of the expired jobs."""
        cutoff = (datetime.now(UTC) - timedelta(days=failed_days)).isoformat(
            timespec="seconds")
        expired = []
        for row in self.catalogue.conn().execute(
                "SELECT id, filename FROM jobs WHERE state = 'failed' AND retryable = 1 "
                "AND file_removed_at IS NULL AND updated_at < ?", (cutoff,)).fetchall():
            if self._expire(row["id"], row["filename"], failed_days, cutoff):
                expired.append(row["id"])
        self._drop_unneeded()
        return expired

    def _expire(self, job_id: str, filename: str, days: float, cutoff: str) -> bool:
        with self.catalogue.transaction() as con:
            changed = con.execute(
                "UPDATE jobs SET retryable = 0, file_removed_at = ? WHERE id = ? "
                "AND state = 'failed' AND retryable = 1 AND updated_at < ?",
                (now(), job_id, cutoff)).rowcount
            if changed:
                audit.record(con, "upload.expire",
                             f"tog bort filen {filename} till en uppladdning som misslyckades "
                             f"för mer än {days:g} dagar sedan", data={"job": job_id})
        if changed:
            self.drop_file(job_id)
        return bool(changed)

    def _drop_unneeded(self) -> None:
        """Files of jobs that are done or cannot be retried, and old files without a job.

        One read of the table decides: an upload writes its file before its row, so a file
        whose row arrives while this runs is either unknown here (and new, so kept) or needed."""
        needed_by = dict(self.catalogue.conn().execute(
            "SELECT id, state NOT IN ('done', 'failed') OR retryable = 1 FROM jobs").fetchall())
        stray_before = time.time() - STRAY_SECONDS
        for path in self.dir.iterdir():
            name = path.name.removesuffix(".part")
            if needed_by.get(name):
                continue
            with suppress(OSError):
                if name in needed_by or path.stat().st_mtime < stray_before:
                    path.unlink()
