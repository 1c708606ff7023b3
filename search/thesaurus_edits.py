"""The coordinators' changes to the thesaurus, kept in the catalogue with who made them when.

The thesaurus in use is the seed (ingest/data/taxonomy.yaml, see ingest.tagging.thesaurus)
with every change applied in order: a label added to or removed from a concept, a new concept
(a topic, added by a coordinator or an import). Keeping the changes rather than a copy of the
whole thesaurus means a newer taxonomy file's terms arrive with an upgrade while nothing a
coordinator did is lost, and the list of changes is the thesaurus's history.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from ingest.model import FOCUS_AREA, INTERVENTION
from ingest.tagging.thesaurus import (
    ALT,
    HIDDEN,
    LABEL_TYPES,
    MAX_LABEL_CHARS,
    MAX_LABEL_WORDS,
    TOPIC,
    Concept,
    Thesaurus,
    clean_label,
    seed,
    slug,
)
from search.catalogue import Catalogue, check_text, now
from search.errors import InvalidRequestError, NotFoundError
from search.records import ThesaurusEdit, ThesaurusImport, ThesaurusImportSkip

if TYPE_CHECKING:
    from search.skos import SkosFile

ADD_LABEL, REMOVE_LABEL, ADD_CONCEPT = "add_label", "remove_label", "add_concept"
ACTIONS = (ADD_LABEL, REMOVE_LABEL, ADD_CONCEPT)


def last_edit(catalogue: Catalogue) -> int:
    """The number of the last change (0 before any)."""
    return catalogue.conn().execute("SELECT MAX(id) FROM thesaurus_edits").fetchone()[0] or 0


def _apply(concepts: dict[str, Concept], row: sqlite3.Row) -> None:
    key, action = row["concept"], row["action"]
    if action == ADD_CONCEPT:
        data = json.loads(row["data"] or "{}")
        concepts.setdefault(key, Concept(
            key, TOPIC, row["label"], related=tuple(data.get("related", ())),
            focus_areas=tuple(data.get("focus_areas", ())),
            definition=data.get("definition", "")))
    elif key in concepts and action == ADD_LABEL:
        concepts[key] = concepts[key].with_label(row["label"], row["label_type"])
    elif key in concepts and action == REMOVE_LABEL:
        concepts[key] = concepts[key].without_label(row["label"])


def load(catalogue: Catalogue) -> Thesaurus:
    """The seed with every change of the catalogue applied, oldest first."""
    rows = catalogue.conn().execute("SELECT * FROM thesaurus_edits ORDER BY id").fetchall()
    if not rows:
        return seed()
    concepts = {c.key: c for c in seed().concepts}
    for row in rows:
        _apply(concepts, row)
    values = tuple(concepts.values())
    return Thesaurus(values, hashlib.sha1(repr(values).encode()).hexdigest()[:16])


def _checked_label(label: str) -> str:
    label = clean_label(label)
    if not label or not any(ch.isalpha() for ch in label):
        raise InvalidRequestError("Skriv en term med minst en bokstav.")
    if len(label) > MAX_LABEL_CHARS or len(label.split()) > MAX_LABEL_WORDS:
        raise InvalidRequestError(
            f"En term får vara högst {MAX_LABEL_WORDS} ord och {MAX_LABEL_CHARS} tecken.")
    check_text((label,), "Termen")
    return label


def _concept(thesaurus: Thesaurus, key: str) -> Concept:
    concept = thesaurus.concept(key)
    if concept is None:
        raise NotFoundError(f"Begreppet {key!r} finns inte i tesaurusen.")
    return concept


def _insert(con: sqlite3.Connection, key: str, action: str, label: str, user: str | None,
            label_type: str | None = None, data: dict | None = None) -> ThesaurusEdit:
    created = now()
    cur = con.execute(
        "INSERT INTO thesaurus_edits (concept, action, label_type, label, data, user, "
        "created_at) VALUES (?,?,?,?,?,?,?)",
        (key, action, label_type, label,
         json.dumps(data, ensure_ascii=False) if data else None, user, created))
    return ThesaurusEdit(id=cur.lastrowid, concept=key, action=action, label_type=label_type,
                         label=label, user=user, created_at=created)


def add_label(con: sqlite3.Connection, thesaurus: Thesaurus, key: str, label: str,
              label_type: str = ALT, user: str | None = None) -> ThesaurusEdit:
    """Add a label to a concept; refused when the concept already has it or it is another
    concept's preferred label."""
    if label_type not in LABEL_TYPES:
        raise InvalidRequestError("Termtypen ska vara alt (synonym) eller hidden (felstavning).")
    concept, label = _concept(thesaurus, key), _checked_label(label)
    if concept.has_label(label):
        raise InvalidRequestError(f"{concept.pref} har redan termen {label!r}.")
    owner = next((c for c in thesaurus.concepts if c.pref.lower() == label.lower()), None)
    if owner is not None:
        raise InvalidRequestError(
            f"{label!r} är redan namnet på begreppet {owner.pref} och kan inte vara en "
            "term för ett annat.")
    return _insert(con, key, ADD_LABEL, label, user, label_type)


def remove_label(con: sqlite3.Connection, thesaurus: Thesaurus, key: str, label: str,
                 user: str | None = None) -> ThesaurusEdit:
    """Remove an alternative or hidden label from a concept (never its preferred label)."""
    concept = _concept(thesaurus, key)
    label = clean_label(label)
    if clean_label(concept.pref) == label:
        raise InvalidRequestError("Begreppets namn kan inte tas bort, bara dess andra termer.")
    if not concept.has_label(label):
        raise NotFoundError(f"{concept.pref} har ingen term {label!r}.")
    return _insert(con, key, REMOVE_LABEL, label, user)


def add_concept(con: sqlite3.Connection, thesaurus: Thesaurus, pref: str,
                focus_areas: tuple[str, ...] = (), related: tuple[str, ...] = (),
                definition: str = "", user: str | None = None) -> ThesaurusEdit:
    """Add a topic: a problem or need teams work on, related to practices (interventions and
    synonym rings)."""
    pref = _checked_label(pref)
    key = slug(pref)
    if not key or thesaurus.concept(key) or thesaurus.find(pref):
        raise InvalidRequestError(f"Begreppet {pref!r} finns redan i tesaurusen.")
    areas = {c.pref for c in thesaurus.concepts if c.kind == FOCUS_AREA}
    practices = {c.pref for c in thesaurus.concepts if _is_practice(c)}
    data = {"focus_areas": [a for a in focus_areas if a in areas],
            "related": [r for r in related if r in practices],
            "definition": " ".join(definition.split())[:500]}
    check_text((data["definition"],), "Beskrivningen")
    return _insert(con, key, ADD_CONCEPT, pref, user, data=data)


def history(catalogue: Catalogue, key: str | None = None, limit: int = 200
            ) -> list[ThesaurusEdit]:
    """The changes, newest first (of one concept when ``key`` is given)."""
    where, args = ("WHERE concept=?", (key, limit)) if key else ("", (limit,))
    rows = catalogue.conn().execute(
        f"SELECT * FROM thesaurus_edits {where} ORDER BY id DESC LIMIT ?", args).fetchall()
    return [ThesaurusEdit(id=r["id"], concept=r["concept"], action=r["action"],
                          label_type=r["label_type"], label=r["label"], user=r["user"],
                          created_at=r["created_at"]) for r in rows]


KIND_WORDS = {FOCUS_AREA: "ett fokusområde", INTERVENTION: "en insats"}


class _Merge:
    """A SKOS file's concepts merged into the thesaurus as add_label and add_concept changes,
    checked against the thesaurus as it grows (dicts, so a large file stays fast)."""

    def __init__(self, con: sqlite3.Connection, thesaurus: Thesaurus, user: str | None,
                 report: ThesaurusImport) -> None:
        self.con, self.user, self.report = con, user, report
        self.by_key = {c.key: c for c in thesaurus.concepts}
        self.owner = {_folded(c.pref): c.key for c in thesaurus.concepts}
        self.theirs: dict[str, str] = {}  # their preferred label (folded) → our key

    def skip(self, concept: Concept, reason: str, label: str | None = None) -> None:
        self.report.skipped.append(
            ThesaurusImportSkip(concept=concept.pref, label=label, reason=reason))

    def match(self, concept: Concept) -> Concept | None:
        key = concept.key if concept.key in self.by_key else self.owner.get(
            _folded(concept.pref))
        if key is not None:
            self.theirs[_folded(concept.pref)] = key
        return self.by_key.get(key) if key else None

    def ours(self, name: str) -> Concept | None:
        """Our concept for the file's concept ``name``."""
        key = self.theirs.get(_folded(name)) or self.owner.get(_folded(name))
        return self.by_key.get(key) if key else None

    def resolve(self, name: str, kind: str) -> str | None:
        """Our preferred label of the file's concept ``name``, when it is of this kind."""
        found = self.ours(name)
        return found.pref if found is not None and found.kind == kind else None

    def resolve_practice(self, name: str) -> str | None:
        """Our preferred label of the file's concept ``name``, when it is a practice."""
        found = self.ours(name)
        return found.pref if found is not None and _is_practice(found) else None

    def add_labels(self, key: str, concept: Concept) -> None:
        wanted = [(concept.pref, ALT), *((x, ALT) for x in concept.alt),
                  *((x, HIDDEN) for x in concept.hidden)]
        for label, label_type in wanted:
            if self.by_key[key].has_label(label):
                continue
            try:
                label = _checked_label(label)
            except InvalidRequestError as exc:
                self.skip(concept, exc.message, label)
                continue
            owner = self.owner.get(_folded(label))
            if owner is not None and owner != key:
                self.skip(concept, f"{label!r} är redan namnet på begreppet "
                                   f"{self.by_key[owner].pref}.", label)
                continue
            _insert(self.con, key, ADD_LABEL, label, self.user, label_type)
            self.by_key[key] = self.by_key[key].with_label(label, label_type)
            self.report.labels_added += 1

    def add_topic(self, concept: Concept) -> None:
        if concept.kind != TOPIC:
            self.skip(concept, f"Filen säger att begreppet är {KIND_WORDS[concept.kind]}, "
                               "men Exempelbanken har inget sådant. Fokusområden och insatser "
                               "bestäms av taxonomifilen; be en utvecklare lägga till det där.")
            return
        try:
            pref = _checked_label(concept.pref)
            definition = " ".join(concept.definition.split())[:500]
            check_text((definition,), "Beskrivningen")
        except InvalidRequestError as exc:
            self.skip(concept, exc.message)
            return
        key = slug(pref)
        if not key or key in self.by_key or _folded(pref) in self.owner:
            self.skip(concept, f"Begreppet {pref!r} finns redan i tesaurusen.")
            return
        areas = _present(self.resolve(a, FOCUS_AREA) for a in concept.focus_areas)
        related = _present(self.resolve_practice(r) for r in concept.related)
        data = {"focus_areas": areas, "related": related, "definition": definition}
        _insert(self.con, key, ADD_CONCEPT, pref, self.user, data=data)
        self.by_key[key] = Concept(key, TOPIC, pref, related=tuple(related),
                                   focus_areas=tuple(areas), definition=definition)
        self.owner[_folded(pref)] = self.theirs[_folded(concept.pref)] = key
        self.report.concepts_added += 1
        self.add_labels(key, concept)


def _is_practice(concept: Concept) -> bool:
    """What a topic may be related to: an intervention, or a synonym ring (a topic related to
    nothing: a practice teams run that the taxonomy does not name)."""
    return concept.kind == INTERVENTION or concept.is_ring


def _folded(label: str) -> str:
    return " ".join(label.split()).lower()


def _present(names: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(name for name in names if name))


def import_skos(con: sqlite3.Connection, thesaurus: Thesaurus, read: SkosFile,
                filename: str, user: str | None = None) -> ThesaurusImport:
    """Merge a SKOS file's concepts: a concept matched by notation (our key), else by
    preferred label, gets the labels it lacks; an unknown topic is added with its labels and
    the focus areas and related interventions that resolve; nothing is removed."""
    report = ThesaurusImport(
        filename=filename, format=read.format,
        concepts=len(read.concepts) + len(read.skipped), matched=0, labels_added=0,
        concepts_added=0, user=user,
        skipped=[ThesaurusImportSkip(concept=name, reason=reason)
                 for name, reason in read.skipped])
    merge = _Merge(con, thesaurus, user, report)
    matched = [(concept, merge.match(concept)) for concept in read.concepts]
    for concept, ours in matched:
        if ours is not None:
            report.matched += 1
            merge.add_labels(ours.key, concept)
    for concept, ours in matched:
        if ours is None:
            merge.add_topic(concept)
    return report


class ThesaurusStore:
    """The library's thesaurus: read again when another process or thread changed it, changed
    under the library's write lock (``writing``)."""

    def __init__(self, catalogue: Catalogue,
                 writing: Callable[[], AbstractContextManager[None]]) -> None:
        self.catalogue = catalogue
        self._writing = writing
        self._lock = threading.Lock()
        self._loaded: tuple[int, Thesaurus] | None = None

    def current(self) -> Thesaurus:
        """The thesaurus with every change so far (one small query when nothing changed)."""
        last = last_edit(self.catalogue)
        loaded = self._loaded
        if loaded is None or loaded[0] != last:
            with self._lock:
                loaded = self._loaded = (last, load(self.catalogue))
        return loaded[1]

    def add_label(self, key: str, label: str, label_type: str = ALT,
                  user: str | None = None) -> ThesaurusEdit:
        with self._writing(), self.catalogue.transaction() as con:
            return add_label(con, self.current(), key, label, label_type, user)

    def remove_label(self, key: str, label: str, user: str | None = None) -> ThesaurusEdit:
        with self._writing(), self.catalogue.transaction() as con:
            return remove_label(con, self.current(), key, label, user)

    def add_concept(self, pref: str, focus_areas: tuple[str, ...] = (),
                    related: tuple[str, ...] = (), definition: str = "",
                    user: str | None = None) -> ThesaurusEdit:
        with self._writing(), self.catalogue.transaction() as con:
            return add_concept(con, self.current(), pref, focus_areas, related, definition,
                               user)

    def history(self, key: str | None = None, limit: int = 200) -> list[ThesaurusEdit]:
        return history(self.catalogue, key, limit)

    def import_skos(self, data: bytes, filename: str, user: str | None = None
                    ) -> ThesaurusImport:
        """Merge a SKOS file (Turtle or JSON-LD) into the thesaurus in one transaction: every
        change is an add_label or add_concept by ``user``; a file that cannot be read, or an
        import that fails part-way, changes nothing."""
        from search.skos import read_skos  # rdflib: loaded only when a file is imported

        read = read_skos(data, filename)  # parsed before the write lock is taken
        name = (filename.replace("\\", "/").rsplit("/", 1)[-1] or "tesaurus")[:200]
        with self._writing(), self.catalogue.transaction() as con:
            return import_skos(con, self.current(), read, name, user)
