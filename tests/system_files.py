"""Every system file Exempelbanken or its tests use comes from a package the Makefile installs.

A fresh Debian machine has only what ``make run`` / ``make test`` install. A font, dictionary,
tessdata file or program that happens to be on a developer's machine (installed by hand, or
pulled in by something else) makes the tests pass there and fail everywhere else. Two checks
close that gap:

* statically, every string in the project's Python code that names a system path, a data file
  by its typical extension, or a program run as a subprocess is looked up with ``dpkg -S``;
* at run time, a pytest plugin (an audit hook) records every file under the system directories
  that the test process opens and every program it starts, and the session fails when one of
  them comes from a package that is neither listed in the Makefile nor part of every Debian
  system (``Essential: yes`` or ``Priority: required``).

dpkg answers both questions (which package owns a path; how a package is marked), so nothing
here keeps its own list of packages besides the Makefile's.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAKEFILE = ROOT / "Makefile"
SYSTEM_ROOTS = ("/usr/", "/etc/", "/opt/", "/lib/", "/lib64/", "/bin/", "/sbin/", "/var/lib/")
# data files that live in system packages: fonts, spelling dictionaries, OCR models
DATA_SUFFIXES = (".ttf", ".otf", ".ttc", ".pfb", ".dic", ".aff", ".traineddata")
# programs that libraries start on the project's behalf (module imported -> program run)
LIBRARY_PROGRAMS = {"pytesseract": "tesseract"}
# what the standard library probes for and does well without; used when present, never needed
# standard-library modules that probe for optional system files and programs and do well
# without them: ctypes.util.find_library asks the compiler and linker for names ldconfig lacks,
# mimetypes reads the system's type table when there is one
PROBING_MODULES = (os.sep + os.path.join("ctypes", "util.py"), os.sep + "mimetypes.py")
SUBPROCESS_CALLS = {"run", "Popen", "check_output", "check_call", "call", "which"}
SKIP_DIRS = {".venv", ".git", "node_modules", "build", "instance", "__pycache__"}
# this check and its tests name paths as examples, not to use them
SELF = {"tests/system_files.py", "tests/test_system_files.py"}


# --- the Makefile's packages and dpkg ------------------------------------------------------


def makefile_packages(makefile: Path = MAKEFILE) -> set[str]:
    """Every Debian package named in a ``*_PACKAGES :=`` list of the Makefile."""
    lists: dict[str, list[str]] = {}
    text = makefile.read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        match = re.match(r"^([A-Z_]+_PACKAGES)\s*:?=\s*(.*)$", line)
        if match:
            lists[match.group(1)] = match.group(2).split()

    def expand(words: list[str], seen: frozenset[str]) -> set[str]:
        out: set[str] = set()
        for word in words:
            ref = re.fullmatch(r"\$\((\w+)\)", word)
            if ref is None:
                out.add(word)
            elif ref.group(1) not in seen:
                out |= expand(lists.get(ref.group(1), []), seen | {ref.group(1)})
        return out

    return expand([w for words in lists.values() for w in words], frozenset())


def owners(paths: Iterable[str]) -> dict[str, set[str]]:
    """Path -> the packages that own it (an empty set when no installed package does)."""
    result: dict[str, set[str]] = {}
    for path in dict.fromkeys(paths):
        found: set[str] = set()
        for candidate in _aliases(path):
            found = _dpkg_search(candidate)
            if found:
                break
        result[path] = found
    return result


def _aliases(path: str) -> list[str]:
    """The path, its real path, and its other name on a merged-/usr system (dpkg knows
    /bin/mount, a program looks up /usr/bin/mount)."""
    names = [path, os.path.realpath(path)]
    for short, merged in (("/bin/", "/usr/bin/"), ("/sbin/", "/usr/sbin/"), ("/lib/", "/usr/lib/")):
        for name in list(names):
            if name.startswith(merged):
                names.append(short + name[len(merged):])
            elif name.startswith(short):
                names.append(merged + name[len(short):])
    return list(dict.fromkeys(names))


def _dpkg_search(pattern: str) -> set[str]:
    out = subprocess.run(["dpkg-query", "-S", pattern], capture_output=True, text=True)
    packages: set[str] = set()
    for line in out.stdout.splitlines():
        if line.startswith("diversion ") or ": " not in line:
            continue
        names = line.split(": ", 1)[0]
        packages.update(name.strip().split(":")[0] for name in names.split(","))
    return packages


def installable(listed: set[str]) -> set[str]:
    """The packages a fresh machine is sure to have after ``make``: the listed ones, those every
    Debian system has (Essential, or priority required), and what they depend on (Depends and
    Pre-Depends, followed through the installed packages; Recommends are not installed)."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package}\t${Essential}\t${Priority}\t${Pre-Depends}, "
         "${Depends}\t${Provides}\n"],
        capture_output=True, text=True, check=True,
    ).stdout
    depends: dict[str, set[str]] = {}
    providers: dict[str, set[str]] = {}
    base = set()
    for line in out.splitlines():
        name, essential, priority, deps, provides = (line.split("\t") + [""] * 5)[:5]
        depends[name] = {_package_name(d) for d in re.split(r"[,|]", deps) if d.strip()}
        for virtual in provides.split(","):
            if virtual.strip():
                providers.setdefault(_package_name(virtual), set()).add(name)
        if essential == "yes" or priority == "required":
            base.add(name)
    todo, seen = [*listed, *base], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += [d for d in depends.get(name, ()) if d in depends]
        todo += [p for d in depends.get(name, ()) for p in providers.get(d, ())]
    return seen


def _package_name(relation: str) -> str:
    """``libc6 (>= 2.34)`` or ``libfoo:any`` -> the bare package name."""
    return relation.strip().split(" ")[0].split(":")[0]


@dataclass(frozen=True)
class Finding:
    """A system file or program the project uses that the Makefile does not provide for."""

    what: str
    where: str
    packages: frozenset[str]

    def __str__(self) -> str:
        source = ", ".join(sorted(self.packages)) or "inget installerat paket"
        return f"{self.what} ({self.where}) kommer från {source}"


def unprovided(used: dict[str, str], allowed: set[str], *, must_exist: bool) -> list[Finding]:
    """The used paths (path -> where it is used) that no allowed package provides.

    With ``must_exist`` a path that no installed package owns is a finding too: on a fresh
    machine it will simply be missing.
    """
    findings = []
    for path, packages in owners(used).items():
        if packages & allowed:
            continue
        if packages or must_exist:
            findings.append(Finding(path, used[path], frozenset(packages)))
    return findings


# --- what the code names -------------------------------------------------------------------


def python_files(root: Path = ROOT) -> list[Path]:
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")]
        files += [Path(dirpath) / f for f in filenames if f.endswith(".py")]
    return sorted(f for f in files if str(f.relative_to(root)) not in SELF)


def named_in_code(files: Iterable[Path]) -> dict[str, str]:
    """dpkg search patterns for every system path, data file and program the code names."""
    named: dict[str, str] = {}
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
        where = str(file.relative_to(ROOT))
        for node in ast.walk(tree):
            for pattern in _patterns(node):
                named.setdefault(pattern, f"{where}:{node.lineno}")
    return named


def _patterns(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _path_patterns(node.value)
    if isinstance(node, ast.Call) and _call_name(node) in SUBPROCESS_CALLS and node.args:
        program = _program_name(node.args[0])
        return [_program_path(program)] if program else []
    if isinstance(node, ast.Import | ast.ImportFrom):
        modules = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
        return [_program_path(LIBRARY_PROGRAMS[m]) for m in modules if m in LIBRARY_PROGRAMS]
    return []


def _path_patterns(text: str) -> list[str]:
    if any(c in text for c in "\n *?") or text.rstrip("/") + "/" in SYSTEM_ROOTS:
        return []
    for chunk in text.split(":"):  # PATH-like strings name several directories
        if chunk.startswith(SYSTEM_ROOTS) and chunk != text:
            return [c for c in text.split(":") if c.startswith(SYSTEM_ROOTS)]
    if text.startswith(SYSTEM_ROOTS):
        return [text.rstrip("/")]
    if text.lower().endswith(DATA_SUFFIXES) and not (ROOT / text).exists():
        return [f"*/{text.lstrip('/')}"]
    return []


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _program_name(arg: ast.expr) -> str | None:
    first = arg.elts[0] if isinstance(arg, ast.List | ast.Tuple) and arg.elts else arg
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        name = first.value
        if name and "/" not in name and re.fullmatch(r"[\w.+-]+", name):
            return name
    return None


def _program_path(name: str) -> str:
    """Where Debian installs a program (its package owns /usr/bin/NAME or /bin/NAME)."""
    return shutil.which(name, path="/usr/bin:/bin:/usr/sbin:/sbin") or f"/usr/bin/{name}"


# --- what the test process opens -----------------------------------------------------------


class OpenedFiles:
    """An audit hook: system files the test process opens and programs it starts."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self.libraries: set[str] = set()  # shared libraries loaded by name
        own = {sys.prefix, sys.exec_prefix, str(ROOT), *sys.path}
        own |= {sysconfig.get_path(name) for name in ("stdlib", "platstdlib", "purelib")}
        self._own = tuple(p.rstrip("/") + "/" for p in own if p and p.startswith("/"))

    def hook(self, event: str, args: tuple) -> None:
        if event == "open":
            path = args[0]
        elif event == "subprocess.Popen":
            path = _started_program(args[0], args[1])
        elif event == "ctypes.dlopen":
            path = args[0] if args and isinstance(args[0], str) and "/" in args[0] else None
            if path is None and args and isinstance(args[0], str):
                self.libraries.add(args[0])
        else:
            return
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if isinstance(path, str) and path.startswith(SYSTEM_ROOTS) and \
                not path.startswith(self._own) and not _probed_by_stdlib():
            self.files.setdefault(os.path.normpath(path), event)

    def findings(self, allowed: set[str]) -> list[Finding]:
        present = {p: w for p, w in self.files.items() if os.path.exists(p)}
        for name in self.libraries:
            for path in _library_paths(name):
                present.setdefault(path, "ctypes.dlopen")
        return unprovided(present, allowed, must_exist=False)


def _probed_by_stdlib(depth: int = 40) -> bool:
    """Whether the event comes from one of the PROBING_MODULES (looked up only for events
    that name a system path, so the hook stays cheap)."""
    frame = sys._getframe(2)
    while frame is not None and depth > 0:
        if frame.f_code.co_filename.endswith(PROBING_MODULES):
            return True
        frame, depth = frame.f_back, depth - 1
    return False


def _library_paths(name: str) -> list[str]:
    """Where the dynamic linker finds a library loaded by name (``ldconfig -p``)."""
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    return [line.rsplit(" => ", 1)[1] for line in out.splitlines()
            if " => " in line and line.strip().split(" ", 1)[0] == name]


def _started_program(executable: object, args: object) -> str | None:
    program = executable
    if program is None:
        program = args[0] if isinstance(args, list | tuple) and args else args
    if isinstance(program, bytes | os.PathLike):
        program = os.fsdecode(program)
    if not isinstance(program, str) or not program:
        return None
    return program if program.startswith("/") else shutil.which(program)


_opened = OpenedFiles()


def pytest_configure(config: pytest.Config) -> None:
    if shutil.which("dpkg-query"):
        sys.addaudithook(_opened.hook)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _opened.files or not shutil.which("dpkg-query"):
        return
    findings = _opened.findings(installable(makefile_packages()))
    if findings:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        lines = ["Testerna öppnade systemfiler från paket som Makefile inte installerar:"]
        lines += [f"  {f}" for f in findings]
        if reporter is not None:
            reporter.write_line("\n".join(lines), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
