"""Retagging brings a stored document's language, and the coordinator's warning about it, up to
date: documents stored before the language was read were all taken as Swedish."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.tagging.language import language_warning
from search.library import Library
from tests.ingest.foreign import ENGLISH, report


def _as_stored_before_languages(library: Library, doc_id: str) -> None:
    """The document's stored record as it was before the language was read: Swedish, and no
    warning about its language."""
    with library.catalogue.transaction() as con:
        (data,) = con.execute("SELECT data FROM documents WHERE id=?", (doc_id,)).fetchone()
        record = json.loads(data)
        record["language"] = "sv"
        record["warnings"] = [w for w in record["warnings"] if w != language_warning("en")]
        con.execute("UPDATE documents SET data=? WHERE id=?", (json.dumps(record), doc_id))


def test_retag_reads_the_language_of_documents_stored_before(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    report(folder / "reading-club.pdf", "Reading clubs and open gyms", ENGLISH, "en")
    with Library(tmp_path / "data") as library:
        assert not library.ingest_paths([folder]).errors
        (doc_id,) = [row["id"] for row in library.catalogue.document_rows()]
        _as_stored_before_languages(library, doc_id)
        assert library.document(doc_id).language == "sv"
        for _ in range(2):  # and again: the warning is never given twice
            library.reindex(retag=True)
            stored = library.document(doc_id)
            assert stored.language == "en"
            assert stored.warnings.count(language_warning("en")) == 1
