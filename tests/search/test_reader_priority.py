"""The reader's processes run at a lower CPU priority, and so do the Tesseract processes they
start; at the lowest they are in Linux's idle scheduling class. The process that asks (the web
server) keeps its own. Seen in /proc while a scanned poster is read."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ingest.sandbox import Reader

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ROOT / "corpus/pdf/poster-2024-gnosjo-hembesok-skannad.pdf"


SCHED_IDLE = 5  # the scheduling policy's number in /proc/PID/stat


def _processes() -> dict[int, tuple[int, str, int, int]]:
    """pid: (parent pid, command name, niceness, scheduling policy) of every process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        found[int(entry.name)] = (int(fields[1]), name, int(fields[16]), int(fields[38]))
    return found


def _descends(pid: int, ancestor: int, table: dict[int, tuple[int, str, int, int]]) -> bool:
    while pid in table and pid > 1:
        pid = table[pid][0]
        if pid == ancestor:
            return True
    return False


def _cores(pid: int) -> int:
    try:
        return len(os.sched_getaffinity(pid))
    except OSError:  # gone meanwhile
        return 0


def _read_and_watch(niceness: int, cores: int | None = None) -> dict[int, tuple[str, int, int]]:
    """This process's descendants seen while a reader at ``niceness`` reads the scanned poster:
    pid: (name, niceness, policy); with ``cores``, the policy's place holds the cores it may
    use instead."""
    seen: dict[int, tuple[str, int, int]] = {}
    with Reader(workers=1, timeout=120, niceness=niceness, cores=cores) as reader:
        pool = ThreadPoolExecutor(1)
        reading = pool.submit(reader.read, SCANNED)
        while not reading.done():
            table = _processes()
            now = {pid: (name, nice, policy if cores is None else _cores(pid))
                   for pid, (_, name, nice, policy) in table.items()
                   if _descends(pid, os.getpid(), table)}
            # a process that ended between the two reads of /proc tells nothing of its cores:
            # it keeps what an earlier look saw
            seen.update({pid: seen_now for pid, seen_now in now.items()
                         if cores is None or seen_now[2] or pid not in seen})
            time.sleep(0.01)
        assert reading.result().examples
        pool.shutdown()
    return seen


def test_reading_runs_at_a_lower_priority_and_so_does_tesseract() -> None:
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    seen = _read_and_watch(7)
    assert os.getpriority(os.PRIO_PROCESS, 0) == ours  # the caller (the web) is untouched
    want = max(ours, 7)
    tesseracts = [(nice, policy) for name, nice, policy in seen.values() if name == "tesseract"]
    assert tesseracts and set(tesseracts) == {(want, 0)}
    readers = {nice for name, nice, _ in seen.values() if name.startswith("python")}
    assert want in readers  # the reading process (the forkserver it forks from keeps ours)


def test_at_the_lowest_priority_reading_takes_only_idle_time() -> None:
    ours = os.sched_getscheduler(0)
    seen = _read_and_watch(19)
    assert os.sched_getscheduler(0) == ours
    tesseracts = [(nice, policy) for name, nice, policy in seen.values() if name == "tesseract"]
    assert tesseracts and set(tesseracts) == {(19, SCHED_IDLE)}


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: nothing to leave free")
def test_readers_kept_to_fewer_cores_leave_the_others_free() -> None:
    ours = os.sched_getaffinity(0)
    seen = _read_and_watch(7, cores=1)
    assert os.sched_getaffinity(0) == ours  # the caller (the web) keeps every core
    tesseracts = [cores for name, _, cores in seen.values() if name == "tesseract"]
    assert tesseracts and set(tesseracts) - {0} == {1}  # one core, so one strip at a time
