"""Why a file could not be ingested. Each class carries a Swedish message for people and a
stable ``code`` and HTTP status for the API."""

from __future__ import annotations


class IngestError(Exception):
    code = "unreadable"
    status = 422
    # whether reading the same bytes again may succeed (after a reader update, on a less busy
    # machine); not when the bytes themselves are the reason (a format, a password, a size)
    retryable = True

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotPdfError(IngestError):
    code = "not_pdf"
    status = 415
    retryable = False


class EmptyFileError(IngestError):
    code = "empty"
    status = 400
    retryable = False


class TooLargeError(IngestError):
    code = "too_large"
    status = 413
    retryable = False


class EncryptedPdfError(IngestError):
    code = "encrypted"
    status = 422
    retryable = False


class CorruptPdfError(IngestError):
    code = "corrupt"
    status = 422


class CorruptOfficeError(IngestError):
    """An office file that is damaged, or that LibreOffice could not turn into a PDF."""

    code = "corrupt"
    status = 422


class NoPagesError(IngestError):
    code = "no_pages"
    status = 422
    retryable = False


class TooManyPagesError(IngestError):
    code = "too_many_pages"
    status = 413
    retryable = False


class ParseTimeoutError(IngestError):
    code = "timeout"
    status = 422


class ResourceLimitError(IngestError):
    code = "resource_limit"
    status = 422


class ReaderUnavailableError(IngestError):
    """The reading processes themselves failed (not the file): a retry may succeed."""

    code = "reader_unavailable"
    status = 503
