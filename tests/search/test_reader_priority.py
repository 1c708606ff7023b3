"""The reader's processes run at a lower CPU priority, and so do the Tesseract processes they
start; the process that asks (the web server) keeps its own. Seen in /proc while a scanned
poster is read."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ingest.sandbox import Reader

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ROOT / "corpus/pdf/poster-2024-gnosjo-hembesok-skannad.pdf"


def _processes() -> dict[int, tuple[int, str, int]]:
    """pid: (parent pid, command name, niceness) of every process, from /proc."""
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
        found[int(entry.name)] = (int(fields[1]), name, int(fields[16]))
    return found


def _descends(pid: int, ancestor: int, table: dict[int, tuple[int, str, int]]) -> bool:
    while pid in table and pid > 1:
        pid = table[pid][0]
        if pid == ancestor:
            return True
    return False


def test_reading_runs_at_a_lower_priority_and_so_does_tesseract() -> None:
    seen: dict[int, tuple[str, int]] = {}  # this process's descendants: (name, niceness)
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    with Reader(workers=1, timeout=120, niceness=7) as reader:
        pool = ThreadPoolExecutor(1)
        reading = pool.submit(reader.read, SCANNED)
        while not reading.done():
            table = _processes()
            seen.update({pid: (name, nice) for pid, (_, name, nice) in table.items()
                         if _descends(pid, os.getpid(), table)})
            time.sleep(0.01)
        assert reading.result().examples
        pool.shutdown()
    assert os.getpriority(os.PRIO_PROCESS, 0) == ours  # the caller (the web) is untouched
    want = max(ours, 7)
    tesseracts = [nice for name, nice in seen.values() if name == "tesseract"]
    assert tesseracts and set(tesseracts) == {want}
    readers = {nice for name, nice in seen.values() if name.startswith("python")}
    assert want in readers  # the reading process (the forkserver it forks from keeps ours)
