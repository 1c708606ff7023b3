"""Which uploaded files the jobs keep, on a real data directory and SQLite queue: a failed job
that can be retried keeps its file for FAILED_DAYS days and then loses it (its page says so, the
audit log records it), a coordinator may remove a failed job, and no file outlives its job;
stored documents are never touched."""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime, timedelta

from search import job_writer
from search.library import Library
from search.queue import ReadResult
from tests.search.conftest import EXAMPLES_A, EXAMPLES_B, make_document


def _failed(library: Library, queue, name: str, salt: str = "") -> str:  # noqa: ANN001
    """A job whose reading failed (a corrupt file, say): retryable, its file kept."""
    _, data = make_document(name, EXAMPLES_A, salt=salt)
    job = job_writer.queue_file(library, queue, "b", name, data, user="anna")
    task_id = library.jobs.row(job.id)["task_id"]
    queue.huey.put_result(task_id, ReadResult(error="PDF-filen är skadad.", code="corrupt"))
    job_writer.JobWriter(library, queue, workers=0).step()
    return job.id


def _age(library: Library, job_id: str, days: float) -> None:
    stamp = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    with library.catalogue.transaction() as con:
        con.execute("UPDATE jobs SET updated_at = ? WHERE id = ?", (stamp, job_id))


def test_a_failed_jobs_file_is_kept_for_a_retry_then_removed(library_and_queue) -> None:  # noqa: ANN001
    library, queue = library_and_queue
    old, recent = _failed(library, queue, "gammal.pdf"), _failed(library, queue, "ny.pdf", "2")
    assert library.jobs.get(old).retryable and library.jobs.file(old).is_file()
    _age(library, old, 31)
    _age(library, recent, 29)

    writer = job_writer.JobWriter(library, queue, workers=0)
    writer.tidy()  # what the writer does when it starts writing
    gone = library.jobs.get(old)
    assert not library.jobs.file(old).exists()
    assert gone.state == "failed" and not gone.retryable and gone.file_removed_at
    assert gone.error == "PDF-filen är skadad."
    assert "Filen sparas inte längre" in gone.status_text
    assert job_writer.retry(library, queue, old) is None
    kept = library.jobs.get(recent)
    assert kept.retryable and kept.file_removed_at is None and library.jobs.file(recent).is_file()
    [entry] = library.audit_entries(action="upload.expire")
    assert "gammal.pdf" in entry.summary and entry.data == {"job": old}

    _age(library, recent, 31)
    writer.tidy()  # not again within TIDY_SECONDS
    assert library.jobs.file(recent).is_file()
    job_writer.JobWriter(library, queue, workers=0, failed_days=30).tidy()
    assert not library.jobs.file(recent).exists()


def test_a_shorter_retention_is_a_setting(library_and_queue) -> None:  # noqa: ANN001
    library, queue = library_and_queue
    job_id = _failed(library, queue, "a.pdf")
    _age(library, job_id, 2)
    job_writer.JobWriter(library, queue, workers=0).tidy()
    assert library.jobs.file(job_id).is_file()
    job_writer.JobWriter(library, queue, workers=0, failed_days=1).tidy()
    assert not library.jobs.file(job_id).exists()


def test_a_coordinator_removes_a_failed_job_only(library_and_queue) -> None:  # noqa: ANN001
    library, queue = library_and_queue
    doc, data = make_document("bra.pdf", EXAMPLES_B)
    done = job_writer.queue_file(library, queue, "b", "bra.pdf", data)
    queue.huey.put_result(library.jobs.row(done.id)["task_id"], ReadResult(document=doc))
    failed = _failed(library, queue, "trasig.pdf")
    job_writer.JobWriter(library, queue, workers=0).step()
    assert library.jobs.get(done.id).state == "done"

    assert not library.jobs.remove(done.id, "bertil")
    assert library.jobs.remove(failed, "bertil")
    assert library.jobs.get(failed) is None and not library.jobs.file(failed).exists()
    assert not library.jobs.remove(failed, "bertil")
    [entry] = library.audit_entries(action="upload.remove")
    assert entry.user == "bertil" and "trasig.pdf" in entry.summary
    assert entry.data["uploaded_by"] == "anna" and entry.data["error"] == "PDF-filen är skadad."
    assert library.document(doc.id) is not None and library.document_count() == 1


def test_no_file_outlives_its_job(library_and_queue) -> None:  # noqa: ANN001
    library, queue = library_and_queue
    doc, data = make_document("a.pdf", EXAMPLES_A)
    job = job_writer.queue_file(library, queue, "b", "a.pdf", data)
    queue.huey.put_result(library.jobs.row(job.id)["task_id"], ReadResult(document=doc))
    job_writer.JobWriter(library, queue, workers=0).step()
    # a writer stopped between marking the job done and removing the file
    library.jobs.file(job.id).write_bytes(data)
    waiting = job_writer.queue_file(library, queue, "c", "b.pdf",
                                    make_document("b.pdf", EXAMPLES_B)[1])
    stray_old, stray_new = library.jobs.dir / "0123456789abcdef", library.jobs.dir / "fedc.part"
    stray_old.write_bytes(b"x")
    stray_new.write_bytes(b"y")  # an upload being written right now
    day_ago = time.time() - 25 * 3600
    os.utime(stray_old, (day_ago, day_ago))

    job_writer.JobWriter(library, queue, workers=0).tidy()
    assert not library.jobs.file(job.id).exists() and not stray_old.exists()
    assert library.jobs.file(waiting.id).is_file() and stray_new.exists()
    assert library.document(doc.id) is not None and library.original(doc.id) == data


def test_a_job_that_cannot_be_retried_keeps_no_file(library_and_queue) -> None:  # noqa: ANN001
    library, queue = library_and_queue
    _, data = make_document("a.pdf", EXAMPLES_A)
    job = job_writer.queue_file(library, queue, "b", "a.pdf", data)
    task_id = library.jobs.row(job.id)["task_id"]
    assert not library.jobs.fail(job.id, "sent svar", "x", only_if="an-older-attempt")
    assert library.jobs.file(job.id).is_file()  # a late answer changes nothing
    assert library.jobs.fail(job.id, "Filen är för stor.", "too_large", 413, retryable=False,
                             only_if=task_id)
    assert not library.jobs.file(job.id).exists()


def test_tidying_never_takes_the_file_of_an_upload_arriving_meanwhile(library_and_queue) -> None:  # noqa: ANN001
    """A writer tidies when it starts while coordinators may be uploading: a job whose row
    is written during the tidy keeps its file."""
    library, _ = library_and_queue
    created: list[str] = []
    stop = threading.Event()

    def upload() -> None:
        while not stop.is_set() and len(created) < 400:
            created.append(library.jobs.create("b", "ny.pdf", b"%PDF-1.7 x").id)

    uploader = threading.Thread(target=upload)
    uploader.start()
    try:
        while uploader.is_alive():
            library.jobs.tidy()
    finally:
        stop.set()
        uploader.join()
    lost = [job_id for job_id in created if not library.jobs.file(job_id).is_file()]
    assert len(created) >= 50 and lost == []
