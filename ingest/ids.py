"""Document ids: the first 16 hex digits of the SHA-256 of a document's bytes.

The one place that mints and recognises them: the reading pipeline names the document it reads,
the library names what it stores, and search and web check an id before any lookup or file name.
"""

from __future__ import annotations

import re

DOCUMENT_ID_LENGTH = 16
_DOCUMENT_ID = re.compile(rf"[0-9a-f]{{{DOCUMENT_ID_LENGTH}}}")


def document_id_for(sha256: str) -> str:
    """The id of the document whose bytes have this SHA-256 (hex)."""
    return sha256[:DOCUMENT_ID_LENGTH]


def is_document_id(text: object) -> bool:
    """``text`` has the form of a document id (checked before any lookup or file name)."""
    return isinstance(text, str) and _DOCUMENT_ID.fullmatch(text) is not None
