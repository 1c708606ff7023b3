"""The queue's commands: ``upload`` (queue files, optionally follow them) and ``worker`` (read
queued files, here or on another machine). The click commands are in web/cli.py."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from search import job_writer
from search.jobs import new_id
from search.library import Library, _collect_files
from search.queue import Queue, open_queue, queue_url, run_consumer
from search.records import Job, JobBatch

POLL_SECONDS = 0.3


def _open(data_dir: Path, url: str) -> Queue:
    try:
        return open_queue(data_dir, url)
    except ValueError as exc:  # not a redis:// URL
        raise click.UsageError(str(exc)) from None


def _where(url: str, data_dir: Path) -> str:
    return url if url else f"{data_dir / 'queue.sqlite3'}"


def run_worker(data_dir: Path, url: str, workers: int) -> None:
    """Huey's consumer until SIGTERM/SIGINT; with Redis the data directory is not used."""
    queue = _open(data_dir, url)
    click.echo(f"Exempelbanken läser filer från kön {_where(queue_url(url), data_dir)} "
               f"({workers} åt gången).", err=True)
    run_consumer(queue, workers)


def _line(index: int, total: int, job: Job) -> str:
    return f"[{index}/{total}] {job.filename}: {job.status_text}"


def run_upload(library: Library, paths: list[Path], url: str, wait: bool, as_json: bool,
               user: str | None, review: bool = False) -> int:
    """Queue every file (folders recursively); with ``wait`` follow them to the end; with
    ``review`` the documents wait for a coordinator's review. The exit code: 1 when a file
    is missing or failed."""
    queue = _open(library.data_dir, url)
    files, missing = _collect_files(paths)
    for path in missing:
        click.echo(f"Filen finns inte: {path}", err=True)
    batch = new_id()
    jobs = [job_writer.queue_file(library, queue, batch, path.name, path.read_bytes(), user,
                                  review=review) for path in files]
    if not as_json:
        click.echo(f"{len(jobs)} fil(er) i kö, uppladdning {batch}.", err=True)
    if wait and jobs:
        jobs = _follow(library, queue, jobs, quiet=as_json)
    elif jobs and not as_json:
        click.echo("De läses in av en läsare (`exempelbanken worker` eller den i "
                   "`exempelbanken serve`) och sparas av `exempelbanken serve`; "
                   "följ dem med --wait.", err=True)
    if as_json:
        click.echo(JobBatch(batch=batch, jobs=jobs).model_dump_json(indent=2))
    failed = missing or any(j.state == "failed" for j in jobs)
    return 1 if failed else 0


def _follow(library: Library, queue: Queue, jobs: list[Job], quiet: bool) -> list[Job]:
    """Print each change until every job is done or failed. A writer (and a local reader) is
    started here unless another process, ``serve`` say, already is the writer."""
    writer = job_writer.JobWriter(library, queue, workers=1).start()
    shown: dict[str, str] = {}
    try:
        while True:
            jobs = [library.jobs.get(j.id) or j for j in jobs]
            for index, job in enumerate(jobs, start=1):
                line = _line(index, len(jobs), job)
                if shown.get(job.id) != line and not quiet:
                    click.echo(line, err=True)
                shown[job.id] = line
            if all(j.finished for j in jobs):
                return jobs
            time.sleep(POLL_SECONDS)
    finally:
        writer.stop()
        sys.stderr.flush()
