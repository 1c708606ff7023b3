"""The system files and programs the project names come from packages the Makefile installs."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

from tests import system_files as sf

pytestmark = pytest.mark.skipif(not sf.shutil.which("dpkg-query"), reason="needs dpkg")


@pytest.fixture(scope="module")
def allowed() -> set[str]:
    return sf.installable(sf.makefile_packages())


def test_makefile_lists_are_read() -> None:
    packages = sf.makefile_packages()
    assert {"tesseract-ocr-swe", "chromium", "hunspell-sv"} <= packages
    assert not any(p.startswith("$") for p in packages)


def test_every_system_file_the_code_names_comes_from_a_listed_package(allowed: set[str]) -> None:
    named = sf.named_in_code(sf.python_files())
    assert any("tesseract" in p for p in named), "the OCR program should be found in the code"
    assert sf.unprovided(named, allowed, must_exist=True) == []


def test_a_font_from_an_unlisted_package_is_found(tmp_path: Path, allowed: set[str]) -> None:
    code = tmp_path / "fonts.py"
    code.write_text(textwrap.dedent('''
        from pathlib import Path
        FACES = Path("/usr/share/fonts/truetype") / "nosuchfamily/NoSuchFont-Regular.ttf"
        SERIF = "liberation/LiberationSerif-Regular.ttf"
        import subprocess
        subprocess.run(["pdftotext", "a.pdf", "-"])
    '''))
    named = {p: w for p, w in _named(code).items()}
    assert "*/nosuchfamily/NoSuchFont-Regular.ttf" in named
    assert "*/liberation/LiberationSerif-Regular.ttf" in named
    assert "/usr/bin/pdftotext" in named
    found = {f.what for f in sf.unprovided(named, allowed, must_exist=True)}
    assert "*/nosuchfamily/NoSuchFont-Regular.ttf" in found
    assert "/usr/bin/pdftotext" not in found  # poppler-utils is listed
    without_poppler = allowed - {"poppler-utils"}
    assert "/usr/bin/pdftotext" in {
        f.what for f in sf.unprovided(named, without_poppler, must_exist=True)}


def _named(file: Path) -> dict[str, str]:
    original = sf.ROOT
    sf.ROOT = file.parent
    try:
        return sf.named_in_code([file])
    finally:
        sf.ROOT = original


def _installed_file_from_unlisted_package(allowed: set[str]) -> str:
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\n"], capture_output=True,
                         text=True, check=True).stdout.split()
    for package in sorted(set(out) - allowed):
        files = subprocess.run(["dpkg-query", "-L", package], capture_output=True,
                               text=True).stdout.split("\n")
        for name in files:
            if name.startswith("/usr/share/") and Path(name).is_file() and " " not in name:
                return name
    pytest.skip("every installed package is listed")


def test_a_test_that_opens_an_unlisted_package_file_fails(
    pytester: pytest.Pytester, allowed: set[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _installed_file_from_unlisted_package(allowed)
    pytester.makepyfile(test_opens=f'''
        def test_reads_a_system_file():
            with open({target!r}, "rb") as fh:
                fh.read(1)
    ''')
    monkeypatch.setenv("PYTHONPATH", str(sf.ROOT))
    result = pytester.runpytest_subprocess("-p", "tests.system_files", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*1 passed*"])
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert target in result.stdout.str()
    assert "Makefile inte installerar" in result.stdout.str()


def test_opening_a_listed_package_file_passes(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # fonts-dejavu-core
    pytester.makepyfile(test_opens=f'''
        def test_reads_a_font():
            with open({target!r}, "rb") as fh:
                fh.read(1)
    ''')
    monkeypatch.setenv("PYTHONPATH", str(sf.ROOT))
    result = pytester.runpytest_subprocess("-p", "tests.system_files", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.OK, result.stdout.str()
