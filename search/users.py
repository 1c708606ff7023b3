"""Coordinator accounts with hashed passwords, stored in the catalogue.

Each user also has a session token: a random value the web puts in the session at login and
checks on every request. Logging out or setting a new password replaces it, which ends every
session of that user on the server side (a copied session cookie stops working).
"""

from __future__ import annotations

import secrets
import weakref

from search.catalogue import Catalogue, now
from search.errors import InvalidRequestError

ROLES = ("coordinator", "admin")
TOKEN_COLUMN = "session_token"

_migrated: weakref.WeakSet[Catalogue] = weakref.WeakSet()


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def ensure_schema(catalogue: Catalogue) -> None:
    """Add the session token column to a users table from before it (once per catalogue
    object; safe when several processes open the same catalogue)."""
    if catalogue in _migrated:
        return
    with catalogue.transaction() as con:
        columns = {row[1] for row in con.execute("PRAGMA table_info(users)")}
        if TOKEN_COLUMN not in columns:
            con.execute(f"ALTER TABLE users ADD COLUMN {TOKEN_COLUMN} TEXT")
    _migrated.add(catalogue)


def add_user(catalogue: Catalogue, name: str, password: str, role: str = "coordinator") -> None:
    """Create a user or set a new password for an existing one."""
    name = (name or "").strip()
    if not name:
        raise InvalidRequestError("Användarnamnet får inte vara tomt.")
    if len(password or "") < 8:
        raise InvalidRequestError("Lösenordet måste ha minst 8 tecken.")
    if role not in ROLES:
        raise InvalidRequestError(f"Okänd roll: {role}.")
    from werkzeug.security import generate_password_hash  # not on a search's path

    ensure_schema(catalogue)
    with catalogue.transaction() as con:
        # a new password also ends every session of the user
        con.execute(
            "INSERT INTO users (name, password_hash, role, created_at, session_token) "
            "VALUES (?,?,?,?,?) "
            "ON CONFLICT(name) DO UPDATE SET password_hash=excluded.password_hash, "
            "role=excluded.role, session_token=excluded.session_token",
            (name, generate_password_hash(password), role, now(), _new_token()),
        )


def session_token(catalogue: Catalogue, name: str) -> str | None:
    """The user's current session token (made if the user has none yet); None when there is
    no such user."""
    ensure_schema(catalogue)
    name = (name or "").strip()
    query = f"SELECT {TOKEN_COLUMN} FROM users WHERE name=?"
    row = catalogue.conn().execute(query, (name,)).fetchone()
    if row is None:
        return None
    if row[0]:
        return str(row[0])
    with catalogue.transaction() as con:
        con.execute(f"UPDATE users SET {TOKEN_COLUMN}=? WHERE name=? AND {TOKEN_COLUMN} IS NULL",
                    (_new_token(), name))
        row = con.execute(query, (name,)).fetchone()
    return str(row[0]) if row and row[0] else None


def end_sessions(catalogue: Catalogue, name: str) -> None:
    """End every session of the user: the token kept in them no longer matches."""
    ensure_schema(catalogue)
    with catalogue.transaction() as con:
        con.execute(f"UPDATE users SET {TOKEN_COLUMN}=? WHERE name=?",
                    (_new_token(), (name or "").strip()))


def check_user(catalogue: Catalogue, name: str, password: str) -> bool:
    from werkzeug.security import check_password_hash, generate_password_hash

    row = catalogue.conn().execute(
        "SELECT password_hash FROM users WHERE name=?", ((name or "").strip(),)
    ).fetchone()
    if row is None:
        # Spend the same time as a real check so that names cannot be probed by timing.
        check_password_hash(generate_password_hash("x"), password or "")
        return False
    return check_password_hash(row[0], password or "")
