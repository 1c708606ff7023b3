"""Coordinator accounts with hashed passwords, stored in the catalogue."""

from __future__ import annotations

from werkzeug.security import check_password_hash, generate_password_hash

from search.catalogue import Catalogue, now
from search.errors import InvalidRequestError

ROLES = ("coordinator", "admin")


def add_user(catalogue: Catalogue, name: str, password: str, role: str = "coordinator") -> None:
    """Create a user or set a new password for an existing one."""
    name = (name or "").strip()
    if not name:
        raise InvalidRequestError("Användarnamnet får inte vara tomt.")
    if len(password or "") < 8:
        raise InvalidRequestError("Lösenordet måste ha minst 8 tecken.")
    if role not in ROLES:
        raise InvalidRequestError(f"Okänd roll: {role}.")
    with catalogue.transaction() as con:
        con.execute(
            "INSERT INTO users (name, password_hash, role, created_at) VALUES (?,?,?,?) "
            "ON CONFLICT(name) DO UPDATE SET password_hash=excluded.password_hash, "
            "role=excluded.role",
            (name, generate_password_hash(password), role, now()),
        )


def check_user(catalogue: Catalogue, name: str, password: str) -> bool:
    row = catalogue.conn().execute(
        "SELECT password_hash FROM users WHERE name=?", ((name or "").strip(),)
    ).fetchone()
    if row is None:
        # Spend the same time as a real check so that names cannot be probed by timing.
        check_password_hash(generate_password_hash("x"), password or "")
        return False
    return check_password_hash(row[0], password or "")


def get_user(catalogue: Catalogue, name: str) -> dict[str, str] | None:
    row = catalogue.conn().execute(
        "SELECT name, role, created_at FROM users WHERE name=?", ((name or "").strip(),)
    ).fetchone()
    return dict(row) if row else None


def list_users(catalogue: Catalogue) -> list[dict[str, str]]:
    return [dict(r) for r in catalogue.conn().execute(
        "SELECT name, role, created_at FROM users ORDER BY name")]


def remove_user(catalogue: Catalogue, name: str) -> bool:
    with catalogue.transaction() as con:
        cur = con.execute("DELETE FROM users WHERE name=?", (name,))
    return cur.rowcount > 0
