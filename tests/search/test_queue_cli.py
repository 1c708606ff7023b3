"""`exempelbanken upload --wait` with the default queue (SQLite in the data directory) and no
server running: it queues the files, reads and stores them itself and shows each file's way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from search.library import Library

ROOT = Path(__file__).resolve().parents[2]
POSTER = ROOT / "corpus" / "pdf" / "poster-2023-aneby-i-rorelse.pdf"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("EXEMPELBANKEN_QUEUE", None)
    return subprocess.run([sys.executable, "-m", "web.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def test_upload_wait_reads_and_stores_through_the_queue(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    broken = tmp_path / "trasig.pdf"
    broken.write_bytes(b"inte en pdf")
    done = _cli("upload", str(POSTER), str(broken), "--wait", "--json",
                "--data-dir", str(data_dir))
    assert done.returncode == 1, done.stderr  # one file failed
    answer = json.loads(done.stdout)
    good, bad = answer["jobs"]
    assert good["state"] == "done" and good["titles"], good
    # no PDF: the same bytes never will be, so the job cannot be tried again
    assert bad["state"] == "failed" and bad["code"] == "not_pdf" and not bad["retryable"]
    assert (data_dir / "queue.sqlite3").is_file()
    with Library(data_dir) as library:
        assert library.document_count() == 1
        assert library.document(good["document_id"]).filename == POSTER.name

    again = _cli("upload", str(POSTER), "--wait", "--data-dir", str(data_dir))
    assert again.returncode == 1
    assert "finns redan" in again.stderr  # the same bytes: not stored twice
    assert "[1/1] " + POSTER.name in again.stderr
