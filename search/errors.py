"""Errors of the stored library, with a Swedish message and an HTTP status for the API."""

from __future__ import annotations


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
