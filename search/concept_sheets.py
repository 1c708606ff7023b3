"""Concept sheets: from single good examples to a concept another team can copy.

A coordinator turns one or more examples into a concept, or curates one of the automatic
concepts (a taxonomy intervention with the examples tagged with it), by writing a sheet: a
short description, target group and ages, the core components, how to get started, results
and how they were measured, lessons and pitfalls, and whom to contact. A sheet is a draft
(``utkast``) until it is published (``publicerad``).

Every save is kept (table ``concept_sheet_versions``: the fields, who, when and which fields
changed) and written to the shared audit log in the same transaction. Linked examples are
kept by their document's lineage and title key (``catalogue.title_key``), the way coordinators'
corrections are, so a link finds its example again after the document is replaced or read
again; the example id at linking time is the fallback. The table ``concept_sheets`` is one of
those whose change bumps the concept pages' change counter, so a save is seen by every process
and the published sheets are resolved once per change, not per request.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any

from ingest.tagging import taxonomy as load_taxonomy
from search import audit
from search.catalogue import Catalogue, check_text, now, title_key
from search.concepts import slugify
from search.errors import InvalidRequestError, NotFoundError
from search.records import (
    ConceptSheet,
    DocumentRef,
    Example,
    Proposal,
    SheetExample,
    SheetFields,
    SheetState,
    SheetVersion,
)
from search.sheet_checklist import checklist
from search.sheet_proposals import proposals
from search.spread_overrides import change_count

DRAFT: SheetState = "utkast"
PUBLISHED: SheetState = "publicerad"
STATES = (DRAFT, PUBLISHED)
MAX_NAME = 120
MAX_TEXT = 5000
MAX_EXAMPLES = 50
RESERVED_SLUGS = {"spridning", "nytt"}  # taken by other pages under /koncept and the editor

FIELD_LABELS: dict[str, str] = {
    "name": "Namn",
    "description": "Kort beskrivning",
    "target_group": "Målgrupp",
    "age_groups": "Åldrar",
    "core_components": "Kärnkomponenter",
    "first_steps": "Första stegen",
    "roles": "Roller",
    "time_needed": "Tid",
    "costs": "Kostnader",
    "results": "Resultat",
    "measurement": "Så mättes resultaten",
    "lessons": "Lärdomar och fallgropar",
    "owner_team": "Team som äger konceptet",
    "coach": "Programmets coach",
    "examples": "Exempel",
    "state": "Status",
}
AGE_GROUPS = ("0–6", "6–12", "13–18")


def clean_fields(raw: dict[str, Any], name_fallback: str = "") -> SheetFields:
    """The fields a form or API sent, trimmed and checked (InvalidRequestError)."""
    values: dict[str, Any] = {}
    for key in SheetFields.model_fields:
        if key == "age_groups":
            ages = raw.get(key) or []
            values[key] = [a for a in AGE_GROUPS if a in ages]
            continue
        text = str(raw.get(key) or "").replace("\r\n", "\n").strip()
        if len(text) > (MAX_NAME if key == "name" else MAX_TEXT):
            raise InvalidRequestError(f"{FIELD_LABELS[key]} är för lång.")
        values[key] = text
    values["name"] = " ".join(values["name"].split()) or name_fallback
    if not values["name"]:
        raise InvalidRequestError("Konceptet behöver ett namn.")
    check_text([v for v in values.values() if isinstance(v, str)], "Konceptbladet")
    return SheetFields(**values)


def changed_fields(old: SheetFields | None, new: SheetFields) -> list[str]:
    """The keys of the fields whose value differs (every field for a new sheet)."""
    if old is None:
        return [k for k, v in new.model_dump().items() if v]
    before, after = old.model_dump(), new.model_dump()
    return [k for k in after if before.get(k) != after[k]]


def _link_rows(con: sqlite3.Connection, ids: Iterable[str],
               kept: Iterable[dict[str, str]] = ()) -> list[dict[str, str]]:
    """The links of examples by id: lineage, title key, id and title. An id no stored example
    has is refused, unless it is one of the ``kept`` links (an example gone for now)."""
    old = {link["example_id"]: link for link in kept}
    links = []
    for ex_id in dict.fromkeys(ids):
        row = con.execute(
            "SELECT e.id, e.title, d.lineage FROM examples e JOIN documents d "
            "ON d.id = e.document_id WHERE e.id = ?", (ex_id,)).fetchone()
        if row is None and ex_id in old:
            links.append(old[ex_id])
            continue
        if row is None:
            raise InvalidRequestError(f"Exemplet {ex_id} finns inte.")
        links.append({"lineage": row["lineage"] or ex_id.split("-")[0],
                      "title_key": title_key(row["title"]), "example_id": row["id"],
                      "title": row["title"]})
    if len(links) > MAX_EXAMPLES:
        raise InvalidRequestError(f"Högst {MAX_EXAMPLES} exempel per koncept.")
    return links


class SheetStore:
    """The sheets of a catalogue; writes go through the library's write lock."""

    def __init__(self, catalogue: Catalogue,
                 writing: Callable[[], AbstractContextManager[None]]) -> None:
        self.catalogue = catalogue
        self._writing = writing
        self._published: tuple[int, dict[str, ConceptSheet]] | None = None

    # --- reading -------------------------------------------------------------------------

    def _row(self, slug: str) -> sqlite3.Row | None:
        return self.catalogue.conn().execute(
            "SELECT * FROM concept_sheets WHERE slug = ?", (slug,)).fetchone()

    def get(self, slug: str) -> ConceptSheet | None:
        """The sheet as it is now (draft or published), its links resolved."""
        row = self._row(slug)
        return self._sheet(row) if row is not None else None

    def all(self) -> list[ConceptSheet]:
        """Every sheet, newest change first (without checklists: for lists)."""
        rows = self.catalogue.conn().execute(
            "SELECT * FROM concept_sheets ORDER BY updated_at DESC, slug").fetchall()
        return [self._sheet(row, with_checklist=False) for row in rows]

    def published(self) -> dict[str, ConceptSheet]:
        """The published sheets by slug: resolved once per catalogue change."""
        count = change_count(self.catalogue)
        cached = self._published
        if cached is None or cached[0] != count:
            rows = self.catalogue.conn().execute(
                "SELECT * FROM concept_sheets WHERE state = ? ORDER BY slug",
                (PUBLISHED,)).fetchall()
            cached = (count, {row["slug"]: self._sheet(row) for row in rows})
            self._published = cached
        return cached[1]

    def history(self, slug: str) -> list[SheetVersion]:
        """Every save of a sheet, newest first."""
        rows = self.catalogue.conn().execute(
            "SELECT * FROM concept_sheet_versions WHERE slug = ? ORDER BY version DESC",
            (slug,)).fetchall()
        return [SheetVersion(version=r["version"], state=r["state"], user=r["user"],
                             created_at=r["created_at"], changed=json.loads(r["changed"]),
                             fields=SheetFields.model_validate_json(r["fields"]))
                for r in rows]

    def linked_examples(self, slug: str) -> list[Example]:
        """The full records of the sheet's examples that are still in the bank."""
        row = self._row(slug)
        if row is None:
            return []
        found = (self.catalogue.example_record(ex.id)
                 for ex in self._resolve(json.loads(row["links"])) if ex.found)
        return [ex for ex in found if ex is not None]

    def proposals(self, slug: str) -> dict[str, list[Proposal]]:
        """Proposals for every field from the linked examples (search/sheet_proposals.py)."""
        sheet = self.get(slug)
        if sheet is None:
            raise NotFoundError("Konceptbladet finns inte.")
        return proposals(sheet.fields, self.linked_examples(slug))

    def _sheet(self, row: sqlite3.Row, with_checklist: bool = True) -> ConceptSheet:
        fields = SheetFields.model_validate_json(row["fields"])
        examples = self._resolve(json.loads(row["links"]))
        sheet = ConceptSheet(
            slug=row["slug"], concept=row["concept"], state=row["state"],
            version=row["version"], created_at=row["created_at"],
            created_by=row["created_by"], updated_at=row["updated_at"],
            updated_by=row["updated_by"], fields=fields, examples=examples)
        if with_checklist:
            records = [r for r in (self.catalogue.example_record(ex.id)
                                   for ex in examples if ex.found) if r is not None]
            years = {ex.id: int(ex.date[:4]) for ex in examples
                     if ex.found and ex.date and ex.date[:4].isdigit()}
            sheet.checklist = checklist(fields, records, years)
        return sheet

    def _resolve(self, links: list[dict[str, str]]) -> list[SheetExample]:
        """Each link's example now: same lineage and title key, else the same id."""
        con = self.catalogue.conn()
        out = []
        for link in links:
            rows = con.execute(
                "SELECT e.id, e.title, e.team, d.id AS doc_id, d.title AS doc_title, "
                "d.filename, d.date FROM examples e JOIN documents d ON d.id = e.document_id "
                "WHERE d.lineage = ? OR e.id = ? ORDER BY e.id = ? DESC, e.seq",
                (link["lineage"], link["example_id"], link["example_id"])).fetchall()
            same = [r for r in rows if title_key(r["title"]) == link["title_key"]]
            match = (same or [r for r in rows if r["id"] == link["example_id"]] or [None])[0]
            if match is None:
                out.append(SheetExample(id=link["example_id"], title=link["title"],
                                        found=False))
                continue
            towns = [r[0] for r in con.execute(
                "SELECT DISTINCT value FROM tags WHERE example_id = ? AND kind = "
                "'municipality'", (match["id"],))]
            out.append(SheetExample(
                id=match["id"], title=match["title"], found=True, team=match["team"],
                municipalities=towns, date=match["date"],
                document=DocumentRef(id=match["doc_id"], title=match["doc_title"],
                                     filename=match["filename"])))
        return out

    # --- writing -------------------------------------------------------------------------

    def create(self, name: str, example_ids: list[str], user: str | None = None,
               concept: str | None = None) -> ConceptSheet:
        """A new draft from examples, or curating the automatic concept ``concept``."""
        interventions = {item.slug: item for item in load_taxonomy().interventions}
        if concept is not None and concept not in interventions and not name:
            raise NotFoundError("Konceptet finns inte.")
        name = " ".join((name or "").split())
        if not name and concept in interventions:
            name = interventions[concept].name
        name = name[:1].upper() + name[1:]
        slug = concept or slugify(name)
        if not slug or slug in RESERVED_SLUGS:
            raise InvalidRequestError("Välj ett annat namn för konceptet.")
        if concept is None and slug in interventions:
            concept = slug  # the name is an automatic concept's: the sheet curates it
        description = interventions[concept].description if concept in interventions else ""
        fields = clean_fields({"name": name, "description": description})
        with self._writing(), self.catalogue.transaction() as con:
            if con.execute("SELECT 1 FROM concept_sheets WHERE slug = ?", (slug,)).fetchone():
                raise InvalidRequestError(f"Det finns redan ett konceptblad för {name}.")
            links = _link_rows(con, example_ids)
            created = now()
            con.execute(
                "INSERT INTO concept_sheets (slug, concept, state, version, fields, links, "
                "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (slug, concept, DRAFT, 0, "{}", "[]", created, user, created, user))
            self._write_version(con, slug, DRAFT, fields, links, None, [], user,
                                "sheet.create", f"skapade konceptbladet {name!r}")
        return self._required(slug)

    def save(self, slug: str, raw: dict[str, Any], user: str | None = None,
             example_ids: list[str] | None = None,
             based_on: int | None = None) -> ConceptSheet:
        """Keep new field values (and links, when given) as a new version; nothing changes
        and no version is written when they are the same. ``based_on`` is the version the
        editor started from: a save on top of someone else's newer one is refused."""
        with self._writing(), self.catalogue.transaction() as con:
            row = self._locked_row(con, slug)
            if based_on is not None and based_on != row["version"]:
                raise InvalidRequestError(
                    f"{row['updated_by'] or 'Någon'} sparade version {row['version']} medan du "
                    "skrev. Dina ändringar sparades inte; öppna bladet igen och gör om dem.")
            old = SheetFields.model_validate_json(row["fields"])
            fields = clean_fields(raw, old.name)
            old_links = json.loads(row["links"])
            links = (old_links if example_ids is None
                     else _link_rows(con, example_ids, old_links))
            if row["state"] == PUBLISHED and not links:
                raise InvalidRequestError("Ett publicerat konceptblad behöver minst ett exempel.")
            self._write_version(con, slug, row["state"], fields, links, old, old_links, user,
                                "sheet.save", f"ändrade konceptbladet {fields.name!r}")
        return self._required(slug)

    def set_state(self, slug: str, state: str, user: str | None = None) -> ConceptSheet:
        """Publish or unpublish; publishing needs a description and a linked example."""
        if state not in STATES:
            raise InvalidRequestError("Status ska vara utkast eller publicerad.")
        with self._writing(), self.catalogue.transaction() as con:
            row = self._locked_row(con, slug)
            fields = SheetFields.model_validate_json(row["fields"])
            links = json.loads(row["links"])
            if state == PUBLISHED and not (fields.description and links):
                raise InvalidRequestError(
                    "Ett konceptblad publiceras med en kort beskrivning och minst ett exempel.")
            verb = "publicerade" if state == PUBLISHED else "avpublicerade"
            self._write_version(con, slug, state, fields, links, fields, links, user,
                                "sheet.publish" if state == PUBLISHED else "sheet.unpublish",
                                f"{verb} konceptbladet {fields.name!r}",
                                state_changed=row["state"] != state)
        return self._required(slug)

    def _locked_row(self, con: sqlite3.Connection, slug: str) -> sqlite3.Row:
        row = con.execute("SELECT * FROM concept_sheets WHERE slug = ?", (slug,)).fetchone()
        if row is None:
            raise NotFoundError("Konceptbladet finns inte.")
        return row

    def _required(self, slug: str) -> ConceptSheet:
        sheet = self.get(slug)
        assert sheet is not None
        return sheet

    def _write_version(self, con: sqlite3.Connection, slug: str, state: str,
                       fields: SheetFields, links: list[dict[str, str]],
                       old: SheetFields | None, old_links: list[dict[str, str]],
                       user: str | None, action: str, summary: str,
                       state_changed: bool = False) -> None:
        """One more version (when anything changed), the sheet's row and the audit row."""
        changed = changed_fields(old, fields)
        if [lk["example_id"] for lk in links] != [lk["example_id"] for lk in old_links]:
            changed.append("examples")
        if state_changed:
            changed.append("state")
        if old is not None and not changed:
            return
        version = con.execute("SELECT COALESCE(MAX(version), 0) + 1 FROM "
                              "concept_sheet_versions WHERE slug = ?", (slug,)).fetchone()[0]
        stamp, data, link_json = now(), fields.model_dump_json(), json.dumps(
            links, ensure_ascii=False)
        check_text((slug, state, user, link_json), "Konceptbladet")
        con.execute(
            "INSERT INTO concept_sheet_versions (slug, version, state, fields, links, changed, "
            "user, created_at) VALUES (?,?,?,?,?,?,?,?)",
            (slug, version, state, data, link_json, json.dumps(changed), user, stamp))
        con.execute(
            "UPDATE concept_sheets SET state = ?, version = ?, fields = ?, links = ?, "
            "updated_at = ?, updated_by = ? WHERE slug = ?",
            (state, version, data, link_json, stamp, user, slug))
        audit.record(con, action, summary, user=user,
                     data={"slug": slug, "version": version, "state": state,
                           "changed": changed})


def forget_name(con: sqlite3.Connection, name: str,
                replacement: str = "[raderad person]") -> int:
    """Replace a person's name in every sheet and every kept version of it (GDPR art. 17: a
    contact typed into a sheet); returns the number of rows changed. Call it inside the
    erasure's writing transaction, beside ``audit.forget_name``."""
    if not name.strip():
        return 0
    changed = 0
    for table in ("concept_sheets", "concept_sheet_versions"):
        changed += con.execute(
            f"UPDATE {table} SET fields = replace(fields, ?1, ?2), "
            "links = replace(links, ?1, ?2) WHERE instr(fields, ?1) OR instr(links, ?1)",
            (name, replacement)).rowcount
    return changed
