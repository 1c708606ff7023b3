"""The people behind the examples: one person across examples, hidden persons and details, and
the list of erased persons.

- **One person**: person tags with the same name (compared lowercase) are one person, unless
  they give different e-mail addresses: then each address is a person of its own, and a mention
  without an address belongs to the name's only address, if it has one. The person's key (for
  /person/<key>) is the name in URL form ("anna-berg"), with a short hash of the address when
  one name has several ("anna-berg-3f2a9c").
- **Coaches**: the programme's coaches named on examples are no persons of the examples (not
  in the directory), but hiding and erasing cover them as persons.
- **Hidden**: a coordinator hides a person, or one of their details, on an example. The choice
  is a correction (``corrections`` rows of kind ``_hide_person`` / ``_hide_contact``), so it is
  applied again whenever the document is read or tagged again; hiding takes the name or detail
  out of the example's texts too (``search.redaction``), so neither index nor pages nor API
  have it.
- **Erased**: a person erased under GDPR art. 17 is kept only as keyed hashes (HMAC-SHA-256
  with the library's secret key) of their normalised name, e-mail address and phone number, in
  ``erased_persons``; every document stored or tagged again is redacted of any name, address or
  number whose hash is listed, so an erased person does not come back.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.model import Document, Example
from ingest.tagging.addresses import emails, national_digits, phones
from ingest.tagging.contacts import plain
from search.catalogue import Catalogue, now
from search.redaction import PEOPLE, Terms, normal_name, redact_document

HIDE_PERSON = "_hide_person"
HIDE_CONTACT = "_hide_contact"
HIDE_KINDS = (HIDE_PERSON, HIDE_CONTACT)
FIELDS = ("email", "phone", "organisation")
DETAIL_WORDS = {"email": "e-postadressen", "phone": "telefonnumret",
                "organisation": "organisationen"}
HIDDEN_PERSON = "[dold person]"
HIDDEN = {"email": "[dold e-post]", "phone": "[dolt telefonnummer]"}
ERASED = "[raderad person]"

ERASURE_TABLE = """
CREATE TABLE IF NOT EXISTS erased_persons (  -- search/persons.py: keyed hashes, never names
    hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
"""


# --- hiding ----------------------------------------------------------------------------------

def hide_value(name: str, detail: str | None) -> str:
    """The correction value of a hidden person (the name) or detail ("name<TAB>email")."""
    return name if detail is None else f"{name}\t{detail}"


def hide(doc: Document, ex: Example, name: str, detail: str | None = None) -> bool:
    """Hide a person (``detail`` None) or one of their details on an example of ``doc``, in
    place: out of the example and out of the document's own texts (a poster's contact box)."""
    own = [t for t in ex.tags if t.kind in PEOPLE and normal_name(t.value) == normal_name(name)]
    terms = Terms()
    if detail is None:
        terms.add_person(name, HIDDEN_PERSON)
        for t in own:
            terms.add_person(None, HIDDEN["email"], email=t.email)
            terms.add_person(None, HIDDEN["phone"], phone=t.phone)
    elif detail == "organisation":
        for t in own:
            t.organisation = None
    else:
        for t in own:
            value = getattr(t, detail, None)
            if value:
                terms.add_person(None, HIDDEN[detail], **{detail: value})
                setattr(t, detail, None)
    if terms:
        part = Document(id=doc.id, filename=doc.filename, title=doc.title, kind=doc.kind,
                        date=doc.date, pages=doc.pages, context=doc.context, examples=[ex])
        redact_document(part, terms)
        doc.title, doc.context = part.title, part.context
    return bool(own)


def hidden_of(kind: str, value: str) -> tuple[str, str | None]:
    """The person and detail (None: the whole person) of a stored hiding correction."""
    name, _, detail = value.partition("\t")
    return name, detail if kind == HIDE_CONTACT and detail in FIELDS else None


def reapply_hide(doc: Document, examples: Iterable[Example], kind: str, value: str) -> None:
    """Apply a stored hiding correction again (``edits.reapply``)."""
    name, detail = hidden_of(kind, value)
    for ex in examples:
        hide(doc, ex, name, detail)


# --- one person across examples ----------------------------------------------------------------

def slug(name: str) -> str:
    """A name in URL form: "Åsa Öberg-Lind" → "asa-oberg-lind"."""
    return re.sub(r"[^a-z0-9]+", "-", plain(name)).strip("-") or "person"


@dataclass
class Mention:
    example_id: str
    title: str
    document_id: str
    document_title: str
    date: str | None
    name: str
    role: str | None
    organisation: str | None
    email: str | None
    phone: str | None


@dataclass
class Person:
    key: str
    mentions: list[Mention] = field(default_factory=list)

    def first(self, attr: str) -> str | None:
        return next((getattr(m, attr) for m in self.mentions if getattr(m, attr)), None)


def _mentions(rows: Iterable[tuple[Example, dict[str, object]]],
              coaches: bool = False) -> list[Mention]:
    out = []
    for ex, meta in rows:
        for p in ex.coaches() if coaches else ex.persons():
            out.append(Mention(ex.id, ex.title, str(meta["id"]), str(meta["title"]),
                               meta.get("date"),  # type: ignore[arg-type]
                               str(p["name"]), p["role"], p["organisation"], p["email"],
                               p["phone"]))
    return out


def directory(rows: Iterable[tuple[Example, dict[str, object]]]) -> dict[str, Person]:
    """Every person of the examples by key (see the module's docstring)."""
    groups: dict[str, list[Mention]] = {}
    for m in _mentions(rows):
        groups.setdefault(normal_name(m.name), []).append(m)
    out: dict[str, Person] = {}
    for mentions in groups.values():
        addresses = sorted({(m.email or "").lower() for m in mentions if m.email})
        for m in mentions:
            address = (m.email or "").lower() or (addresses[0] if len(addresses) == 1 else "")
            key = slug(m.name)
            if len(addresses) > 1:
                digest = hashlib.sha256(address.encode()).hexdigest()[:6] if address else "okand"
                key = f"{key}-{digest}"
            out.setdefault(key, Person(key)).mentions.append(m)
    return out


def coach_mentions(rows: Iterable[tuple[Example, dict[str, object]]]) -> list[Mention]:
    """Every coach named on the examples, one mention per example (not in the directory of
    the teams' persons: a coach is no person of an example)."""
    return _mentions(rows, coaches=True)


def key_of(people: dict[str, Person], example_id: str, name: str) -> str | None:
    """The key of the person named ``name`` on an example."""
    for person in people.values():
        if any(m.example_id == example_id and m.name == name for m in person.mentions):
            return person.key
    return None


# --- the erasure list ------------------------------------------------------------------------

def _digest(secret: str, kind: str, value: str) -> str:
    return hmac.new(secret.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def erasure_hashes(secret: str, names: Iterable[str], addresses: Iterable[str],
                   numbers: Iterable[str]) -> set[str]:
    return ({_digest(secret, "name", normal_name(n)) for n in names}
            | {_digest(secret, "email", a.lower()) for a in addresses}
            | {_digest(secret, "phone", national_digits(p)) for p in numbers})


def ensure_table(catalogue: Catalogue) -> None:
    """Make the erasure list's table (outside any transaction: ``executescript`` commits)."""
    catalogue.conn().executescript(ERASURE_TABLE)


def erasure_key(catalogue: Catalogue) -> str:
    """The key of the erasure list's hashes, made once per catalogue (its ``meta`` table)."""
    con = catalogue.conn()
    con.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('erasure_key', ?)",
                (secrets.token_hex(32),))
    return str(con.execute("SELECT value FROM meta WHERE key='erasure_key'").fetchone()[0])


def add_erased(con: sqlite3.Connection, hashes: set[str]) -> None:
    """List hashes as erased, inside the erasure's writing transaction."""
    con.executemany("INSERT OR IGNORE INTO erased_persons (hash, created_at) VALUES (?, ?)",
                    [(h, now()) for h in sorted(hashes)])


def erased_hashes(catalogue: Catalogue) -> set[str]:
    return {r[0] for r in catalogue.conn().execute("SELECT hash FROM erased_persons")}


_NAME_WORDS = re.compile(r"[A-ZÅÄÖÉ][\w-]+(?:[ \t]*\n?[ \t]*[A-ZÅÄÖÉ][\w-]+){1,2}")


def _candidate_names(text: str) -> set[str]:
    """Runs of two or three capitalised words (a genitive s also taken off)."""
    out: set[str] = set()
    for m in _NAME_WORDS.finditer(text):
        words = m.group().split()
        for i in range(len(words)):
            for j in range(i + 2, min(len(words), i + 3) + 1):
                name = " ".join(words[i:j])
                out.add(name)
                if name.endswith("s"):
                    out.add(name[:-1])
    return out


def erased_terms(doc: Document, secret: str, hashes: set[str]) -> Terms:
    """The names, addresses and numbers of erased persons that the document holds."""
    terms = Terms()
    if not hashes:
        return terms
    texts = doc.texts()
    names = {t.value for ex in doc.examples for t in ex.tags if t.kind in PEOPLE}
    for text in texts:
        names |= _candidate_names(text)
        for f in emails(text):
            if _digest(secret, "email", f.value.lower()) in hashes:
                terms.emails[f.value.lower()] = ERASED
        for f in phones(text):
            if _digest(secret, "phone", national_digits(f.value)) in hashes:
                terms.phones[national_digits(f.value)] = ERASED
    for name in names:
        if _digest(secret, "name", normal_name(name)) in hashes:
            terms.names[" ".join(name.split())] = ERASED
    return terms


def apply_erasures(doc: Document, secret: str, hashes: set[str]) -> bool:
    """Redact erased persons from a document read or tagged again; True when any was there."""
    terms = erased_terms(doc, secret, hashes)
    if not terms:
        return False
    redact_document(doc, terms)
    return True
