"""The audit log: who changed what in the bank, and when.

One row per change a person (or the command line) made: a tag set or removed, a document
published, replaced or removed, a person hidden, personal data exported or erased. The rows
are for people reading them (a Swedish summary) and for programs (the action and a JSON
detail). A document's rows are found by its lineage, so its history survives a replacement.

The log is written inside the same transaction as the change it records, so a change is never
stored without its row nor a row without its change. It is never rewritten, with one exception:
erasing a person's data (GDPR art. 17) also removes their name from the log's summaries and
details, and leaves a row recording the erasure itself.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from typing import Any

from search.catalogue import Catalogue, check_text, now
from search.records import AuditEntry

MAX_PAGE = 500


def record(con: sqlite3.Connection, action: str, summary: str, *, user: str | None = None,
           document_id: str | None = None, example_id: str | None = None,
           data: dict[str, Any] | None = None) -> None:
    """Add one row through ``con``, inside the writing transaction of the change it records.

    The row is filed under the lineage of ``document_id`` (its own id if it is not stored).
    """
    check_text((action, summary, user, document_id, example_id), "Ändringsloggen")
    lineage = lineage_of(con, document_id)
    con.execute(
        "INSERT INTO audit_log (created_at, user, action, lineage, example_id, summary, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (now(), user, action, lineage, example_id, summary,
         json.dumps(data, ensure_ascii=False) if data else None))


def lineage_of(con: sqlite3.Connection, document_id: str | None) -> str | None:
    """The lineage rows of ``document_id`` are filed under (its own id if it is not stored)."""
    if document_id is None:
        return None
    row = con.execute("SELECT lineage FROM documents WHERE id = ?", (document_id,)).fetchone()
    return (row[0] if row else None) or document_id


def _entry(row: Any) -> AuditEntry:
    return AuditEntry(id=row["id"], created_at=row["created_at"], user=row["user"],
                      action=row["action"], lineage=row["lineage"],
                      example_id=row["example_id"], summary=row["summary"],
                      data=json.loads(row["data"]) if row["data"] else {})


def entries(catalogue: Catalogue, *, lineage: str | None = None, action: str | None = None,
            user: str | None = None, before: int | None = None,
            limit: int = 100) -> list[AuditEntry]:
    """The newest rows first, filtered by document lineage, action prefix or user.

    ``before`` is the id of the last row already shown (for paging).
    """
    where, args = [], []
    if lineage is not None:
        where.append("lineage = ?")
        args.append(lineage)
    if action:
        where.append("(action = ? OR action LIKE ?)")
        args += [action, action + ".%"]
    if user:
        where.append("user = ?")
        args.append(user)
    if before is not None:
        where.append("id < ?")
        args.append(before)
    sql = "SELECT * FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    args.append(max(1, min(limit, MAX_PAGE)))
    return [_entry(row) for row in catalogue.conn().execute(sql, args)]


def as_csv(rows: list[AuditEntry]) -> str:
    """The rows as CSV for a spreadsheet (semicolons and a BOM, as Swedish Excel expects)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["id", "tid", "användare", "åtgärd", "dokument", "exempel", "vad",
                     "detaljer"])
    for e in rows:
        writer.writerow([e.id, e.created_at, e.user or "", e.action, e.lineage or "",
                         e.example_id or "", e.summary,
                         json.dumps(e.data, ensure_ascii=False) if e.data else ""])
    return out.getvalue()


def forget_name(con: sqlite3.Connection, name: str,
                replacement: str = "[raderad person]") -> int:
    """Replace a person's name in every row's summary and detail (GDPR art. 17).

    Returns the number of rows changed. Call it inside the erasure's writing transaction and
    then ``record`` the erasure itself (without the name).
    """
    rows = con.execute(
        "SELECT id, summary, data FROM audit_log WHERE instr(summary, ?) OR instr(data, ?)",
        (name, name)).fetchall()
    for row in rows:
        con.execute("UPDATE audit_log SET summary = ?, data = ? WHERE id = ?",
                     (row["summary"].replace(name, replacement),
                      row["data"].replace(name, replacement) if row["data"] else None,
                      row["id"]))
    return len(rows)
