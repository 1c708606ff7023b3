"""The queue in a real Redis with two real worker processes (`exempelbanken worker`): one is
killed (SIGKILL) in the middle of a job, the job runs again on the other, and the document is
stored once."""

from __future__ import annotations

import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from ingest import progress
from search import job_writer
from search.library import Library
from search.queue import READER_ENV, REDIS_RETRY_SECONDS, LocalWorkers, open_queue

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = "/usr/bin/redis-server"
POSTER = ROOT / "corpus" / "pdf" / "poster-2023-aneby-i-rorelse.pdf"
STEPS, STEP = 12, 0.5  # the slow reader's pretend pages: six seconds before it really reads


class SlowReader:
    """The real reader, after STEPS pretend pages of STEP seconds each (reported to the
    progress file as the real reader does): time to kill a worker in the middle of a job."""

    def __init__(self) -> None:
        from ingest.sandbox import Reader

        self.reader = Reader()

    def read(self, path: Path, filename: str, thesaurus: Any = None,
             progress_file: str | None = None) -> Any:
        for page in range(1, STEPS + 1):
            with progress.to_file(progress_file):
                progress.report(progress.PAGES, page, STEPS)
            time.sleep(STEP)
        return self.reader.read(path, filename, thesaurus=thesaurus, progress_file=progress_file)

    def close(self) -> None:
        self.reader.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_redis(port: int, workdir: Path) -> subprocess.Popen[bytes]:
    """A redis-server on ``port``, once it answers."""
    if not Path(REDIS_SERVER).exists():
        pytest.fail("redis-server is missing: `make test` installs the Debian package")
    workdir.mkdir(exist_ok=True)
    server = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(workdir),
         "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
    client.close()
    return server


@pytest.fixture()
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A redis-server of its own on a free port, in a temporary directory, stopped after."""
    server = _start_redis(_free_port(), tmp_path / "redis")
    yield f"redis://127.0.0.1:{server.args[2]}/0"
    server.terminate()
    server.wait(10)


def _start_worker(url: str, tmp_path: Path, n: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT),
           READER_ENV: "tests.search.test_queue_redis:SlowReader"}
    log = open(tmp_path / f"worker-{n}.log", "wb")  # noqa: SIM115 - the process keeps it
    return subprocess.Popen(
        [sys.executable, "-m", "web.cli", "worker", "--queue", url,
         "--data-dir", str(tmp_path / f"worker-{n}")],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, sig)  # the worker and its reader processes
        proc.wait(30)


def _wait_for(check: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_a_job_whose_worker_dies_runs_again_elsewhere_and_is_stored_once(
    redis_url: str, tmp_path: Path
) -> None:
    workers = [_start_worker(redis_url, tmp_path, n) for n in (1, 2)]
    library = Library(tmp_path / "data")
    queue = open_queue(library.data_dir, redis_url)
    assert queue.remote
    writer = job_writer.JobWriter(library, queue, workers=0, stale_after=3.0).start()
    try:
        job = job_writer.queue_file(library, queue, "b1", "affisch.pdf", POSTER.read_bytes())
        assert job.state == "queued"
        # the job is in the middle of its reading on one of the two workers
        beat = _wait_for(lambda: (b := queue.progress(job.id)) and b["page"] >= 3 and b,
                         60, "the first worker to read")
        pid = int(beat["worker"].rsplit(":", 1)[1])
        victim = next(w for w in workers if w.pid == pid)
        survivor = next(w for w in workers if w.pid != pid)
        assert library.jobs.get(job.id).state == "reading"
        _stop(victim, signal.SIGKILL)

        again = _wait_for(lambda: (b := queue.progress(job.id)) and b["attempt"] == 2 and b,
                          60, "the job to run again")
        assert again["worker"].endswith(f":{survivor.pid}")
        done = _wait_for(lambda: (j := library.jobs.get(job.id)).finished and j, 240,
                         "the job to finish")
        assert done.state == "done", done.error
        assert done.attempt == 2 and done.titles
        assert library.document_count() == 1
        rows = library.catalogue.conn().execute("SELECT COUNT(*) FROM documents").fetchone()
        assert rows[0] == 1
        stored = library.document(done.document_id)
        assert stored is not None and stored.filename == "affisch.pdf"
        assert library.search("").total == len(stored.examples)  # indexed once
        assert not library.jobs.file(job.id).exists()  # the upload's copy is gone
    finally:
        writer.stop()
        for proc in workers:
            _stop(proc)
        library.close()
        shutil.rmtree(tmp_path / "data", ignore_errors=True)


def test_a_worker_waits_while_redis_is_away_and_reads_again_when_it_is_back(
        tmp_path: Path) -> None:
    """Without Redis a worker tries again at growing intervals (it used to retry at once, a
    busy core for as long as Redis was away), and takes jobs again once Redis is back."""
    port = _free_port()
    server = _start_redis(port, tmp_path / "redis")
    queue = open_queue(tmp_path, f"redis://127.0.0.1:{port}/0")
    tries: list[float] = []
    storage, dequeue = queue.huey.storage, queue.huey.storage.dequeue

    def counted() -> bytes | None:
        tries.append(time.monotonic())
        return dequeue()

    storage.dequeue = counted  # type: ignore[method-assign]
    storage.read_timeout = 0.2  # type: ignore[attr-defined]  # a blocking read that comes back soon
    workers = LocalWorkers(queue, 1, reader=lambda: None)
    workers.start()
    try:
        _wait_for(lambda: len(tries) >= 2, 10, "the worker's first reads")
        server.terminate()
        server.wait(10)
        time.sleep(0.5)
        away = len(tries)
        time.sleep(3)
        assert len(tries) - away <= 15  # not thousands
        server = _start_redis(port, tmp_path / "redis")
        back = len(tries)
        _wait_for(lambda: len(tries) >= back + 3, REDIS_RETRY_SECONDS + 5, "reads after")
    finally:
        workers.stop()
        server.terminate()
        server.wait(10)


def test_the_schedule_read_while_redis_is_away_is_one_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The consumer's scheduler reads every second: without Redis that is one warning (it was
    a traceback a second), nothing scheduled, and one line when Redis answers again."""
    port = _free_port()
    server = _start_redis(port, tmp_path / "redis")
    storage = open_queue(tmp_path, f"redis://127.0.0.1:{port}/0").huey.storage
    try:
        assert storage.read_schedule(datetime.datetime.now()) == []
        server.terminate()
        server.wait(10)
        with caplog.at_level("WARNING", logger="search.queue"):
            for _ in range(5):
                assert storage.read_schedule(datetime.datetime.now()) == []
        assert [r.getMessage().split(" (")[0] for r in caplog.records] == [
            "the queue's Redis does not answer"]
        assert all(r.exc_info is None for r in caplog.records)
        server = _start_redis(port, tmp_path / "redis")
        caplog.clear()
        with caplog.at_level("WARNING", logger="search.queue"):
            assert storage.read_schedule(datetime.datetime.now()) == []
        assert [r.getMessage() for r in caplog.records] == ["the queue's Redis answers again"]
    finally:
        server.terminate()
        server.wait(10)
