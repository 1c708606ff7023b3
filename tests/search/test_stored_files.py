"""What the library keeps on disk besides catalogue and index: page pictures drawn from the
originals, the web's session key, and the document ids all of them are named by."""

from __future__ import annotations

import shutil
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ingest.ids import document_id_for, is_document_id
from search import pages
from search.library import Library
from search.secret import stored_secret_key

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture()
def library(corpus_store: Path, tmp_path: Path):  # noqa: ANN201 - Library
    target = tmp_path / "data"
    shutil.copytree(corpus_store, target, ignore=shutil.ignore_patterns(pages.FOLDER))
    with Library(target) as lib:
        yield lib


def _pictures(library: Library, document_id: str) -> list[Path]:
    return sorted((library.data_dir / pages.FOLDER).glob(f"{document_id}-*"))


def test_page_image_is_drawn_once_and_kept(library: Library) -> None:
    doc = library.documents()[0]
    first = library.page_image(doc.id, 1, 200)
    assert first is not None
    data = first.read()
    assert data.startswith(PNG) and len(data) == first.size
    again = library.page_image(doc.id, 1, 200)
    assert again is not None
    assert (again.etag, again.read()) == (first.etag, data)  # the kept picture, not redrawn
    assert len(_pictures(library, doc.id)) == 1


@pytest.mark.parametrize("page", [0, -1, 10_000])
def test_no_page_image_outside_the_document(library: Library, page: int) -> None:
    doc = library.documents()[0]
    assert library.page_image(doc.id, page, 200) is None


@pytest.mark.parametrize("document_id", ["0000000000000000", "../../etc/passwd", "ZZZ", ""])
def test_nothing_for_ids_that_are_not_stored_documents(library: Library, document_id: str) -> None:
    assert library.page_image(document_id, 1, 200) is None
    assert library.original(document_id) is None
    assert library.open_original(document_id) is None


def test_removed_document_takes_its_pictures_and_original_along(library: Library) -> None:
    doc = library.documents()[0]
    assert library.page_image(doc.id, 1, 200) is not None
    assert _pictures(library, doc.id)
    assert library.remove_document(doc.id)
    assert _pictures(library, doc.id) == []
    assert library.original(doc.id) is None and library.page_image(doc.id, 1, 200) is None


def test_replacement_with_the_same_bytes_draws_pages_afresh(library: Library) -> None:
    doc = library.documents()[0]
    marker = pages.failed_marker(pages.picture_path(library.data_dir, doc.id, 1, 200))
    marker.parent.mkdir(exist_ok=True)
    marker.write_text("gick inte att rita\n", encoding="utf-8")
    assert library.page_image(doc.id, 1, 200) is None  # remembered as not drawable
    data = library.original(doc.id)
    assert data is not None
    library.add_upload(doc.filename, data, replace_id=doc.id)
    assert not marker.exists()
    picture = library.page_image(doc.id, 1, 200)
    assert picture is not None and picture.read().startswith(PNG)


def test_missing_original_gives_no_page_image(library: Library) -> None:
    doc = library.documents()[0]
    (library.data_dir / "originals" / doc.sha256[:2] / f"{doc.sha256}.pdf").unlink()
    assert library.original(doc.id) is None
    assert library.page_image(doc.id, 1, 200) is None


def test_secret_key_is_made_once_private_and_kept(tmp_path: Path) -> None:
    data_dir = tmp_path / "ny"
    with ThreadPoolExecutor(max_workers=4) as pool:
        keys = set(pool.map(lambda _: stored_secret_key(data_dir), range(8)))
    assert len(keys) == 1
    key = keys.pop()
    assert len(key) >= 32 and stored_secret_key(data_dir) == key
    key_file = data_dir / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert sorted(p.name for p in data_dir.iterdir()) == ["secret_key"]  # nothing left over


def test_empty_secret_key_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "secret_key").write_text("", encoding="utf-8")
    key = stored_secret_key(tmp_path)
    assert key and (tmp_path / "secret_key").read_text(encoding="utf-8") == key


def test_document_ids() -> None:
    sha = "3f2a9c0d1e4b5a6c" + "7" * 48
    assert document_id_for(sha) == "3f2a9c0d1e4b5a6c"
    assert is_document_id("3f2a9c0d1e4b5a6c")
    for text in ("3F2A9C0D1E4B5A6C", "3f2a9c0d1e4b5a6", "3f2a9c0d1e4b5a6c\n", "3f2a9c0d1e4b5a6c-1",
                 "../3f2a9c0d1e4b5a", None, 42):
        assert not is_document_id(text), text
