"""Scratch folders do not outlive their process: a killed reader worker's folder (with
Tesseract's and LibreOffice's files in it) is cleared by the next worker, and a stopped Reader
leaves none."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from pebble import ProcessExpired

from ingest import errors, scratch
from ingest.sandbox import SCRATCH_PREFIX, Reader

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "corpus/pdf/nyhetsbrev-2023-01.pdf"
SCANNED = ROOT / "corpus/pdf/poster-2024-gnosjo-hembesok-skannad.pdf"
PREFIX = "exempelbanken-prov-"
T = TypeVar("T")


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_sweep_removes_only_this_users_folders_of_ended_processes(tmp_path: Path) -> None:
    dead = tmp_path / f"{PREFIX}{_dead_pid()}-abc"
    (dead / "inne").mkdir(parents=True)
    (dead / "inne" / "sida.pgm").write_bytes(b"P5")
    parent = tmp_path / f"{PREFIX}{os.getppid()}-abc"
    own = tmp_path / f"{PREFIX}{os.getpid()}-abc"
    other = tmp_path / f"annat-{_dead_pid()}-abc"
    loose = tmp_path / f"{PREFIX}{_dead_pid()}-fil"
    link = tmp_path / f"{PREFIX}{_dead_pid()}-lank"
    for folder in (parent, own, other):
        folder.mkdir()
    loose.write_bytes(b"x")
    link.symlink_to(parent)

    assert scratch.sweep(PREFIX, str(tmp_path)) == 1
    assert not dead.exists()
    assert parent.is_dir() and own.is_dir() and other.is_dir() and loose.is_file()
    assert link.is_symlink()


def test_folder_is_named_after_the_process_and_removed_after_the_block() -> None:
    with scratch.folder(PREFIX) as folder:
        assert folder.parent == Path(tempfile.gettempdir())
        assert folder.name.startswith(f"{PREFIX}{os.getpid()}-")
        (folder / "upload").write_bytes(b"%PDF")
    assert not folder.exists()


def _in_worker(reader: Reader, function: Callable[[], T]) -> T:
    return reader._ensure_pool().schedule(function).result()


def test_killed_and_stopped_workers_leave_no_folders() -> None:
    with Reader(timeout=0.5) as reader:
        with pytest.raises(errors.ParseTimeoutError):
            reader.read(SCANNED)  # stopped in the middle of OCR
        first = Path(_in_worker(reader, tempfile.gettempdir))
        assert first.name.startswith(SCRATCH_PREFIX) and first.is_dir()
        (first / "tess_sida.pgm").write_bytes(b"P5")  # as if the worker were reading
        pid = _in_worker(reader, os.getpid)
        busy = reader._ensure_pool().schedule(time.sleep, args=(30,))
        time.sleep(0.5)
        os.kill(pid, signal.SIGKILL)  # as the kernel kills a worker out of memory
        with pytest.raises(ProcessExpired):
            busy.result()
        reader.timeout = 60
        assert reader.read(GOOD).examples  # a new worker
        second = Path(_in_worker(reader, tempfile.gettempdir))
        assert second != first
        assert not first.exists()
    assert not second.exists()
