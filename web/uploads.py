"""Storing uploaded PDFs through the Library (shared by the coordinator pages and the API)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from flask import current_app
from werkzeug.datastructures import FileStorage

from ingest.errors import EmptyFileError, IngestError
from search.errors import DuplicateError, LibraryError
from search.records import Document, ErrorBody, Upload
from web.library import writing


@dataclass
class UploadOutcome:
    filename: str
    status: int
    document: Document | None = None
    error: str | None = None
    existing_id: str | None = None
    replaced_id: str | None = None  # the document this upload took the place of


def clean_filename(name: str | None) -> str:
    """Only the last path component of what the browser sent, never a path."""
    base = PurePath((name or "").replace("\\", "/")).name.strip()
    base = "".join(ch for ch in base if ch.isprintable())
    return base[:200] or "uppladdad.pdf"


def store(file: FileStorage, replace_id: str | None = None) -> UploadOutcome:
    """Ingest one uploaded file; never raises for bad input (the outcome says what happened)."""
    filename = clean_filename(file.filename)
    data = file.read()
    try:
        if not data:
            raise EmptyFileError("Filen är tom.")
        with writing() as library:
            document = library.add_upload(
                filename, data, replace_id=replace_id,
                review=not current_app.config.get("PUBLISH_UPLOADS"))
    except DuplicateError as exc:
        return UploadOutcome(filename, 409, error=exc.message, existing_id=exc.existing_id)
    except (IngestError, LibraryError) as exc:
        return UploadOutcome(filename, exc.status, error=exc.message)
    return UploadOutcome(filename, 201, document=document, replaced_id=replace_id)


def outcome_json(outcome: UploadOutcome) -> dict[str, Any]:
    """The API's answer: the stored document (``Upload``) or the error (``ErrorBody``)."""
    if outcome.document is not None:
        return Upload.model_construct(
            **outcome.document.__dict__, replaces=outcome.replaced_id,
            stored_as="replacement" if outcome.replaced_id else "new").model_dump()
    return ErrorBody(error=outcome.error or "", document_id=outcome.existing_id
                     ).model_dump(exclude_none=True)
