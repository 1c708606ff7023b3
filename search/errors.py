"""Errors of the stored library, with a Swedish message and an HTTP status for the API."""

from __future__ import annotations

import errno
import sqlite3


class LibraryError(Exception):
    code = "error"
    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DuplicateError(LibraryError):
    """The same bytes are already stored."""

    code = "duplicate"
    status = 409

    def __init__(self, message: str, existing_id: str | None = None) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class NotFoundError(LibraryError):
    code = "not_found"
    status = 404


class InvalidRequestError(LibraryError):
    code = "invalid"
    status = 400


class InvalidTextError(InvalidRequestError):
    """Text that is not valid Unicode (a lone UTF-16 surrogate half) and cannot be stored."""

    code = "invalid_text"
    status = 422


class StorageError(LibraryError):
    """Writing to the data directory failed; nothing of the file was kept."""

    code = "storage_failed"
    status = 500


class StorageFullError(StorageError):
    """The disk (or quota) is full; nothing of the file was kept, a retry later can succeed."""

    code = "storage_full"
    status = 507


FULL_MESSAGE = ("Det finns inte tillräckligt med lagringsutrymme för att spara filen just nu. "
                "Ingenting sparades; försök igen senare.")
FAILED_MESSAGE = "Filen kunde inte sparas ({}). Ingenting sparades; försök igen."


def storage_error(exc: BaseException) -> LibraryError:
    """The error to report for an exception raised while writing a document."""
    if isinstance(exc, LibraryError):
        return exc
    full = (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)) or (
        isinstance(exc, sqlite3.OperationalError) and "full" in str(exc).lower())
    if full:
        return StorageFullError(FULL_MESSAGE)
    return StorageError(FAILED_MESSAGE.format(f"{type(exc).__name__}: {exc}"))
