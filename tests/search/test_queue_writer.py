"""The job writer on a real SQLite queue: what a worker puts back (its heartbeat, its result,
as Huey stores them) is followed into the jobs table and stored once, whatever order it
comes in."""

from __future__ import annotations

from ingest.model import Document
from search import job_writer
from search.queue import ReadResult, progress_key
from tests.search.conftest import EXAMPLES_A, make_document


def _copy(doc: Document) -> Document:
    return Document.from_dict(doc.to_dict())


def test_progress_then_result_make_a_done_job(library_and_queue) -> None:  # noqa: ANN001
    library, queue = library_and_queue
    doc, data = make_document("a.pdf", EXAMPLES_A)
    job = job_writer.queue_file(library, queue, "b", "a.pdf", data, user="anna")
    assert (job.state, job.attempt, job.user) == ("queued", 1, "anna")
    assert library.jobs.file(job.id).read_bytes() == data
    writer = job_writer.JobWriter(library, queue, workers=0)
    task_id = library.jobs.row(job.id)["task_id"]
    assert task_id and len(queue.huey) == 1  # waiting in Huey's queue

    queue.huey.put(progress_key(job.id), {"stage": "ocr", "page": 2, "pages": 5, "beat": 1,
                                          "attempt": 1})
    writer.step()
    reading = library.jobs.get(job.id)
    assert (reading.state, reading.stage, reading.page, reading.pages) == ("reading", "ocr", 2, 5)
    assert reading.status_text == "läser sida 2 av 5 med textigenkänning (OCR)"
    assert 10 < reading.percent < 80

    queue.huey.put_result(task_id, ReadResult(document=_copy(doc)))
    writer.step()
    done = library.jobs.get(job.id)
    assert done.state == "done" and done.document_id == doc.id and done.percent == 100
    assert done.titles == [e.title for e in doc.examples]
    assert library.document_count() == 1
    assert queue.result(task_id) is None and queue.progress(job.id) is None
    assert not library.jobs.file(job.id).exists()


def test_a_writer_that_stopped_after_storing_does_not_store_twice(library_and_queue) -> None:  # noqa: ANN001
    library, queue = library_and_queue
    doc, data = make_document("a.pdf", EXAMPLES_A)
    job = job_writer.queue_file(library, queue, "b", "a.pdf", data)
    task_id = library.jobs.row(job.id)["task_id"]
    queue.huey.put_result(task_id, ReadResult(document=_copy(doc)))
    # what a writer does before it stops between storing and marking the job done
    library.jobs.update(job.id, state="storing", document_id=doc.id)
    library.store_upload("a.pdf", data, _copy(doc))

    job_writer.JobWriter(library, queue, workers=0).step()
    done = library.jobs.get(job.id)
    assert done.state == "done" and done.document_id == doc.id
    assert library.document_count() == 1


def test_a_silent_worker_is_replaced_and_its_late_answer_ignored(library_and_queue) -> None:  # noqa: ANN001
    library, queue = library_and_queue
    doc, data = make_document("a.pdf", EXAMPLES_A)
    job = job_writer.queue_file(library, queue, "b", "a.pdf", data)
    first = library.jobs.row(job.id)["task_id"]
    writer = job_writer.JobWriter(library, queue, workers=0, stale_after=0.0)
    queue.huey.put(progress_key(job.id), {"stage": "pages", "page": 1, "pages": 3, "beat": 7,
                                          "attempt": 1})
    writer.step()  # the heartbeat is seen
    writer.step()  # and has not moved: the worker is gone
    again = library.jobs.row(job.id)
    assert (again["state"], again["attempt"]) == ("queued", 2)
    assert again["task_id"] not in (None, first)

    queue.huey.put_result(first, ReadResult(document=_copy(doc)))  # the lost worker after all
    writer.step()
    assert library.jobs.get(job.id).state == "queued"
    assert library.document_count() == 0

    queue.huey.put_result(again["task_id"], ReadResult(document=_copy(doc)))
    writer.step()
    assert library.jobs.get(job.id).state == "done"
    assert library.document_count() == 1


def test_a_failed_reading_can_be_queued_again(library_and_queue) -> None:  # noqa: ANN001
    library, queue = library_and_queue
    _, data = make_document("a.pdf", EXAMPLES_A)
    job = job_writer.queue_file(library, queue, "b", "a.pdf", data)
    task_id = library.jobs.row(job.id)["task_id"]
    queue.huey.put_result(task_id, ReadResult(error="PDF-filen är skadad.", code="corrupt"))
    job_writer.JobWriter(library, queue, workers=0).step()
    failed = library.jobs.get(job.id)
    assert failed.state == "failed" and failed.error == "PDF-filen är skadad."
    assert failed.retryable and failed.percent == 0 and failed.status == 422

    again = job_writer.retry(library, queue, job.id)
    assert again is not None and (again.state, again.attempt) == ("queued", 2)
    assert job_writer.retry(library, queue, job.id) is None  # only a failed job


def test_an_empty_or_stored_file_fails_at_once(library_and_queue) -> None:  # noqa: ANN001
    library, queue = library_and_queue
    doc, data = make_document("a.pdf", EXAMPLES_A)
    library.store_upload("a.pdf", data, _copy(doc))
    same = job_writer.queue_file(library, queue, "b", "kopia.pdf", data)
    assert (same.state, same.code, same.status) == ("failed", "duplicate", 409)
    assert same.document_id == doc.id and not same.retryable
    empty = job_writer.queue_file(library, queue, "b", "tom.pdf", b"")
    assert (empty.state, empty.code, empty.error) == ("failed", "empty", "Filen är tom.")
    assert len(queue.huey) == 0
    assert [j.filename for j in library.jobs.batch("b")] == ["kopia.pdf", "tom.pdf"]
