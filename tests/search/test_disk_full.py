"""A full disk while storing: a clear error, nothing half-stored, and a retry succeeds.

The data directory lives on a small tmpfs that is really filled up (no mocked writes), and
the free space left is varied so the write fails at different points: the original, the
catalogue, the index. Needs root (mount); skipped elsewhere.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from search.errors import StorageFullError
from search.library import Library

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="needs root to mount a tmpfs")

DISK_SIZE = "64m"  # more than the free space uploads need (MIN_FREE_BYTES)
CHUNK = 16 * 1024


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs",
                           str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace')}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill the disk, then free ``leave`` bytes again."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for chunk in (CHUNK, 512, 1):
            while True:
                try:
                    if os.write(fd, b"\0" * chunk) < chunk:
                        break
                except OSError:
                    break
    finally:
        os.close(fd)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


def variant(pdf: Path, n: int) -> bytes:
    return pdf.read_bytes() + f"\n%disk {n}\n".encode()


def assert_consistent(library: Library) -> None:
    data_dir = library.data_dir
    assert library.catalogue.example_ids() == library.index.indexed_ids()
    stored = {r["sha256"] for r in library.catalogue.document_rows()}
    on_disk = {p.stem for p in (data_dir / "originals").rglob("*.pdf")}
    assert on_disk == stored
    assert not list((data_dir / "originals").rglob("*.tmp"))
    assert not list((data_dir / "tmp").glob("*")) if (data_dir / "tmp").exists() else True


@pytest.mark.slow
@pytest.mark.parametrize("early_check", [True, False], ids=["free-space-check", "mid-write"])
def test_full_disk_stores_nothing_and_a_retry_succeeds(
    disk: Path, corpus_pdfs: list[Path], early_check: bool
) -> None:
    """With the free-space check uploads are refused before any write; without it the writes
    themselves meet the full disk, at the original, the catalogue or the index."""
    posters = [p for p in corpus_pdfs if p.name.startswith("poster-")]
    library = Library(disk / "data")
    if not early_check:
        library.min_free_bytes = 0
    try:
        library.ingest_paths(posters[:2])
        failures = 0
        for n, leave in enumerate((0, 8 * 1024, 32 * 1024, 96 * 1024, 256 * 1024)):
            pdf = variant(posters[2 + n], n)
            before = len(library.catalogue.document_rows())
            filler = fill(disk, leave)
            try:
                document = library.add_upload(f"fullt-{n}.pdf", pdf)
            except StorageFullError as exc:
                failures += 1
                assert exc.status == 507 and "lagringsutrymme" in exc.message
                assert len(library.catalogue.document_rows()) == before
                document = None
            filler.unlink()
            assert_consistent(library)
            if document is None:  # the same upload later, with room again
                document = library.add_upload(f"fullt-{n}.pdf", pdf)
            sha = hashlib.sha256(pdf).hexdigest()
            assert library.catalogue.document_by_sha(sha)["indexed"] == 1
            assert document.id in {h["document"]["id"] for h in
                                   library.search(document.examples[0].title).hits}
            assert_consistent(library)
        assert failures >= 2, "the disk should have been too full for the first uploads"
    finally:
        library.close()
