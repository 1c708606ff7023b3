"""A person's rights over what the bank stores about them (GDPR): an export of everything stored
about a named person (art. 15) and its erasure (art. 17).

What names a person: their person and coach tags (by name, compared lowercase) on any example,
and any occurrence of the name, or of an e-mail address or phone number those tags give, in a
document's title, context or examples. The export lists the examples and documents that name
them, their contact details as given, and the audit rows that name them.

The erasure replaces the name, addresses and numbers by "[raderad person]" everywhere in the
catalogue (and so in the index, pages and API, which are made from it), redacts the stored
PDFs (``search.redact_pdf``: pages that show them become pictures with black boxes), removes
an office original (a DOCX or PPTX cannot be redacted safely; its PDF is kept, redacted) and a
PDF whose pages show nothing to redact though its text names them (a scanned page: its text
came from OCR), removes the name from the audit log (``audit.forget_name``) and from the
coordinators' corrections, forgets the counted searches that name them (``search.search_log``),
takes the name out of every file name the bank keeps (a document's, an upload job's, a
correction's and the audit log's: "intervju-anna-svensson.pdf" becomes
"intervju-raderad-person.pdf"; a document named so is found by its file name alone and keeps
its original, which does not name the person), lists keyed hashes of the name, addresses and
numbers so that a later reading or tagging of any document redacts them again
(``search.persons``), and records the erasure in the audit log without the name.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ingest.model import Document
from ingest.records import Document as DocumentRecord
from search import audit, concept_sheets, pages, persons
from search.catalogue import now
from search.errors import InvalidRequestError
from search.redact_pdf import redact_pdf
from search.redaction import Terms, mentions, normal_name, redact_document

if TYPE_CHECKING:
    from search.library import Library

MAX_NAME = 200
ERASED_IN_FILENAME = "raderad-person"
# how a file name may spell a letter of a name (å, ä, ö also as plain letters or aa/ae/oe)
_FILENAME_LETTERS = {"å": "(?:å|a|aa)", "ä": "(?:ä|a|ae)", "ö": "(?:ö|o|oe)", "é": "(?:é|e)",
                     "ü": "(?:ü|u|ue)"}
_FILENAME_GAP = r"(?:[-_.+ ]|%20)*"
# the tables whose file names (and the audit log's lines, which quote them) are renamed; a
# document's own name is renamed with the document (``find`` lists every one that has it)
_FILENAME_COLUMNS = (("jobs", ("filename",)), ("corrections", ("filename",)),
                     ("audit_log", ("summary", "data")))


@dataclass
class Finding:
    """What the bank holds about one name."""

    name: str
    terms: Terms
    in_filename: re.Pattern[str]  # the name as a file name spells it
    mentions: list[persons.Mention] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)  # their texts name the person
    files: list[Document] = field(default_factory=list)  # only their file names do

    def example_ids(self) -> list[str]:
        ids = {m.example_id for m in self.mentions}
        for doc in self.documents:
            for ex in doc.examples:
                probe = Document(id=doc.id, filename="", title="", kind=doc.kind, date=None,
                                 pages=0, examples=[ex])
                if mentions(probe, self.terms):
                    ids.add(ex.id)
        return sorted(ids)


def check_name(name: str) -> str:
    name = " ".join((name or "").split())
    if len(name) < 3 or len(name) > MAX_NAME or " " not in name:
        raise InvalidRequestError("Ange personens för- och efternamn.")
    return name


def find(library: Library, name: str) -> Finding:
    """Every example and document that names the person (see the module's docstring)."""
    name = check_name(name)
    rows = list(library.catalogue.iter_examples())
    people = persons.directory(rows)
    target = normal_name(name)
    found = [m for p in people.values() for m in p.mentions if normal_name(m.name) == target]
    found += [m for m in persons.coach_mentions(rows) if normal_name(m.name) == target]
    terms = Terms()
    terms.add_person(name, persons.ERASED)
    for m in found:
        terms.add_person(m.name, persons.ERASED, m.email, m.phone)
    in_filename = filename_pattern(terms.names)
    docs, files = [], []
    for row in library.catalogue.document_rows():
        doc = library.catalogue.load_document(row["id"])
        if doc is not None and mentions(doc, terms):
            docs.append(doc)
        elif doc is not None and in_filename.search(doc.filename):
            files.append(doc)
    return Finding(name, terms, in_filename, found, docs, files)


def filename_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """The names as a file name may write them: their words in order, joined by nothing or by
    separators (``-``, ``_``, ``.``, ``+``, spaces), in any case, å/ä/ö also as a/a/o."""
    spelled = []
    for name in sorted(set(names), key=len, reverse=True):
        words = ["".join(_FILENAME_LETTERS.get(c, re.escape(c)) for c in word)
                 for word in name.casefold().split()]
        spelled.append(_FILENAME_GAP.join(words))
    return re.compile(r"(?<![^\W_])(?:" + "|".join(spelled) + r")(?![^\W_])", re.IGNORECASE)


def _rename_files(con: Any, pattern: re.Pattern[str]) -> int:
    """Take the names out of every file name the catalogue keeps; how many rows changed."""
    changed = 0
    for table, columns in _FILENAME_COLUMNS:
        for row in con.execute(f"SELECT rowid, {', '.join(columns)} FROM {table}").fetchall():
            old = list(row)[1:]
            new = [pattern.sub(ERASED_IN_FILENAME, v) if v else v for v in old]
            if new != old:
                con.execute(f"UPDATE {table} SET {', '.join(c + ' = ?' for c in columns)} "
                            "WHERE rowid = ?", (*new, row[0]))
                changed += 1
    return changed


def _audit_rows(library: Library, finding: Finding) -> list[dict[str, Any]]:
    """The audit rows whose summary or detail names the person or an address of theirs."""
    words = [finding.name, *finding.terms.names, *finding.terms.emails]
    rows = library.catalogue.conn().execute(
        "SELECT * FROM audit_log WHERE " + " OR ".join(
            ["instr(lower(summary), ?) OR instr(lower(COALESCE(data, '')), ?)"] * len(words))
        + " ORDER BY id", [w.lower() for w in words for _ in (0, 1)]).fetchall()
    return [audit._entry(r).model_dump() for r in rows]


def export(library: Library, name: str, user: str | None = None) -> dict[str, Any]:
    """Everything stored about the person, as JSON (art. 15); the export is audited."""
    with library._writing():
        finding = find(library, name)
        ids = set(finding.example_ids())
        examples = [library.catalogue.example_record(i) for i in sorted(ids)]
        out = {
            "person": finding.name,
            "exported_at": now(),
            "contact_details": [
                {"name": m.name, "role": m.role, "organisation": m.organisation,
                 "email": m.email, "phone": m.phone, "example_id": m.example_id}
                for m in finding.mentions],
            "examples": [ex.model_dump() for ex in examples if ex is not None],
            "documents": [
                {"id": d.id, "title": d.title, "filename": d.filename, "date": d.date,
                 "kind": d.kind, "examples": sorted(ids & {ex.id for ex in d.examples}),
                 "named_in_context": mentions(Document(
                     id=d.id, filename="", title=d.title, kind=d.kind, date=None, pages=0,
                     context=d.context), finding.terms),
                 "named_in_filename": bool(finding.in_filename.search(d.filename))}
                for d in (*finding.documents, *finding.files)],
            "audit": _audit_rows(library, finding),
            "concept_sheets": _sheets_naming(library, finding),
        }
        with library.catalogue.transaction() as con:
            audit.record(con, "person.export",
                         f"exporterade uppgifter om {finding.name} ({len(ids)} exempel)",
                         user=user, data={"name": finding.name, "examples": len(ids)})
        return out


def _sheets_naming(library: Library, finding: Finding) -> list[dict[str, Any]]:
    """The concept sheets whose fields name the person or an address of theirs."""
    words = [w.casefold() for w in (finding.name, *finding.terms.names, *finding.terms.emails)
             if w.strip()]
    out = []
    for sheet in library.sheets.all():
        fields = sheet.fields.model_dump()
        named = {k: v for k, v in fields.items()
                 if isinstance(v, str) and any(w in v.casefold() for w in words)}
        if named:
            out.append({"slug": sheet.slug, "state": sheet.state, "fields": named})
    return out


@dataclass
class Erasure:
    """What an erasure did (no name in it)."""

    examples: int = 0
    documents: int = 0
    originals_redacted: int = 0
    originals_removed: int = 0
    audit_rows: int = 0
    sheet_rows: int = 0
    file_names: int = 0  # rows whose file names named the person
    searches: int = 0  # counted searches (search.search_log) that named them
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _redact_original(library: Library, doc: Document, terms: Terms, report: Erasure) -> str:
    """Redact the document's stored PDF; the SHA-256 its redacted bytes are stored under (the
    old one when there is nothing to redact). An office original is always removed."""
    row = library.catalogue.document_row(doc.id)
    sha = row["sha256"]
    path = library._original_file(sha)
    if not path.is_file():
        return sha
    words = [*terms.names, *terms.emails, *terms.phones]
    data, pages = redact_pdf(path.read_bytes(), words)
    office = doc.source_format != "pdf"
    if pages == 0 and not office:
        path.unlink()  # its text names the person (OCR) but no page shows a word to box
        report.originals_removed += 1
        return sha
    if pages == 0:
        data = path.read_bytes()
    new_sha = hashlib.sha256(data).hexdigest()
    if new_sha == sha:
        new_sha = hashlib.sha256(data + b"\n%redacted").hexdigest()
        data += b"\n%redacted"
    from search.library import _write_once

    _write_once(library._original_file(new_sha), data)
    report.originals_redacted += 1
    return new_sha


def redact_read_file(doc: Document, data: bytes, terms: Terms) -> bytes:
    """A freshly read document that names erased persons, redacted before it is stored: its
    texts, and the PDF kept of it (an office file is kept as its redacted PDF only). Returns the
    bytes to store; ``doc.sha256`` is set to their hash."""
    redact_document(doc, terms)
    pdf = doc.rendition if doc.source_format != "pdf" and doc.rendition else data
    redacted, pages = redact_pdf(pdf, [*terms.names, *terms.emails, *terms.phones])
    if doc.source_format != "pdf":
        doc.source_format, doc.rendition = "pdf", None
    out = redacted if pages else pdf
    doc.sha256 = hashlib.sha256(out).hexdigest()
    return out


def _store_redacted(library: Library, con: Any, doc: Document) -> None:
    """Write a redacted document over its row (same id, lineage and time it was added)."""
    data = DocumentRecord.of(doc).model_dump(exclude={"examples"})
    con.execute("UPDATE documents SET title=?, filename=?, sha256=?, data=?, indexed=0 "
                "WHERE id=?", (doc.title, doc.filename, doc.sha256,
                               json.dumps(data, ensure_ascii=False), doc.id))
    con.execute("DELETE FROM examples WHERE document_id=?", (doc.id,))
    for seq, ex in enumerate(doc.examples, start=1):
        library.catalogue.insert_example(con, ex, seq)


def _searched_as(terms: Terms) -> list[str]:
    """What a search may have named the person by: a whole name, a surname, an address."""
    return [*terms.names, *(name.split()[-1] for name in terms.names), *terms.emails]


def erase(library: Library, name: str, user: str | None = None) -> Erasure:
    """Erase everything stored about the person (art. 17); see the module's docstring."""
    started = time.perf_counter()
    report = Erasure()
    with library._writing():
        finding = find(library, name)
        report.examples = len(finding.example_ids())
        report.documents = len(finding.documents)
        old_shas = {}
        for doc in finding.documents:
            old_shas[doc.id] = doc.sha256 = library.catalogue.document_row(doc.id)["sha256"]
            doc.sha256 = _redact_original(library, doc, finding.terms, report)
            redact_document(doc, finding.terms)
        for doc in finding.files:
            doc.sha256 = library.catalogue.document_row(doc.id)["sha256"]
        for doc in (*finding.documents, *finding.files):
            renamed = finding.in_filename.sub(ERASED_IN_FILENAME, doc.filename)
            report.file_names += renamed != doc.filename
            doc.filename = renamed
        hashes = persons.erasure_hashes(library.erasure_key(), finding.terms.names,
                                        finding.terms.emails, finding.terms.phones)
        with library.catalogue.transaction() as con:
            for doc in (*finding.documents, *finding.files):
                _store_redacted(library, con, doc)
            persons.add_erased(con, hashes)
            for word in [*finding.terms.names, *finding.terms.emails]:
                con.execute("DELETE FROM corrections WHERE instr(lower(value), ?)",
                            (word.lower(),))
                report.audit_rows += audit.forget_name(con, word)
                report.sheet_rows += concept_sheets.forget_name(con, word)
            report.file_names += _rename_files(con, finding.in_filename)
            audit.record(con, "person.erase",
                         f"raderade uppgifter om en person ({report.examples} exempel)",
                         user=user, data={k: v for k, v in report.as_dict().items()
                                          if k != "seconds"})
        report.searches = library.searches.forget_words(_searched_as(finding.terms))
        if finding.documents or finding.files:
            # a new index generation, not deletions in the old one: Whoosh keeps a deleted
            # entry's words in its segment files until they are merged
            library._rebuild_index()
            library.index.collect_garbage()
        for doc in finding.documents:
            if doc.sha256 != old_shas[doc.id]:
                library._drop_original(old_shas[doc.id])
            pages.drop_pictures(library.data_dir, doc.id)
    report.seconds = round(time.perf_counter() - started, 3)
    return report
