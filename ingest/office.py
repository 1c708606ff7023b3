"""Office files (DOCX, PPTX, ODT, ODP) turned into PDF by LibreOffice, headless.

LibreOffice lays a Word or PowerPoint file out as it prints, so an office upload gets what a PDF
gets: page pictures, page references and the same layout reading. Each conversion:

* runs ``soffice`` in a process group of its own, under ``prlimit`` (address space and CPU
  seconds, inherited by every process LibreOffice starts), and kills the whole group when it
  takes longer than the timeout;
* uses a throw-away user profile in a temporary folder: two LibreOffice processes sharing a
  profile block each other, and nothing of one file's conversion is left for the next;
* is judged by its result, not its exit code: ``soffice`` exits 0 even when it could not load
  the file, so a missing or empty PDF means the file could not be read.

The first conversion in a process makes a profile once and later ones start from a copy of it
(LibreOffice spends about half a second filling a new profile). That profile and the work
folders are scratch folders of the process (``ingest.scratch``): nothing stays behind when a
killed reader could not clean up.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
from contextlib import suppress
from pathlib import Path

from ingest import scratch
from ingest.errors import CorruptOfficeError, ParseTimeoutError, ReaderUnavailableError
from ingest.formats import FileFormat

TIMEOUT = 90.0  # seconds for one conversion
MEMORY_LIMIT = 3 * 1024 * 1024 * 1024  # address space of LibreOffice's processes
_template: Path | None = None


def _soffice() -> str:
    program = shutil.which("soffice")
    if program is None or shutil.which("prlimit") is None:
        raise ReaderUnavailableError(
            "LibreOffice saknas på servern, så Office-dokument kan inte läsas in just nu. "
            "Spara filen som PDF och ladda upp den igen.")
    return program


# A tagged PDF keeps the document's own structure (headings, table rows and cells) beside the
# layout; the reader uses the table cells (ingest/tables.py).
_TAGGED = '{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def _target(fmt: FileFormat) -> str:
    """The --convert-to argument: PDF through the export filter of the document's kind."""
    kind = "impress" if fmt.name in ("pptx", "odp") else "writer"
    return f"pdf:{kind}_pdf_Export:{_TAGGED}"


def _command(program: str, profile: Path, source: Path, out: Path,
             timeout: float, memory: int, fmt: FileFormat) -> list[str]:
    return [
        "prlimit", f"--as={memory}", f"--cpu={int(timeout) + 5}", "--",
        program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--nolockcheck", "--nodefault", "--convert-to", _target(fmt), "--outdir", str(out),
        str(source),
    ]


def _run(command: list[str], home: Path, timeout: float, noun: str) -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "TMPDIR": str(home), "LANG": "C.UTF-8", "SAL_USE_VCLPLUGIN": "svp"}
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, cwd=home,
                            start_new_session=True)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise ParseTimeoutError(
            f"Det tog för lång tid att omvandla {noun.lower()} till PDF (mer än "
            f"{timeout:.0f} sekunder). Filen kan vara skadad eller onormalt stor.") from None
    finally:
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)  # whatever LibreOffice left running
        proc.wait()


def _profile(work: Path) -> Path:
    """A fresh profile folder for one conversion: a copy of this process's first one, or an
    empty folder LibreOffice fills."""
    profile = work / "profil"
    if _template is not None and _template.is_dir():
        shutil.copytree(_template, profile, symlinks=True)
    return profile


def _keep_template(profile: Path) -> None:
    global _template
    if _template is not None or not profile.is_dir():
        return
    target = scratch.make("exempelbanken-lo-profil-")  # kept while the process runs
    atexit.register(shutil.rmtree, target, True)
    shutil.copytree(profile, target / "profil", symlinks=True)
    _template = target / "profil"


def to_pdf(data: bytes, fmt: FileFormat, timeout: float = TIMEOUT,
           memory: int = MEMORY_LIMIT) -> bytes:
    """The PDF LibreOffice makes of the office file ``data`` (of format ``fmt``).

    Raises ``CorruptOfficeError`` when LibreOffice cannot load it, ``ParseTimeoutError`` when it
    takes too long and ``ReaderUnavailableError`` when LibreOffice is not installed."""
    program = _soffice()
    with scratch.folder("exempelbanken-office-") as work:
        source = work / f"dokument{fmt.suffix}"
        source.write_bytes(data)
        out = work / "pdf"
        profile = _profile(work)
        _run(_command(program, profile, source, out, timeout, memory, fmt), work, timeout,
             fmt.noun_sv)
        pdf = out / "dokument.pdf"
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise CorruptOfficeError(
                f"{fmt.noun_sv} kunde inte öppnas och omvandlas till PDF; filen är troligen "
                "skadad eller inget riktigt Office-dokument.")
        _keep_template(profile)
        return pdf.read_bytes()
