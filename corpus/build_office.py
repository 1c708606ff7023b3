"""Make office files (PPTX, ODP, DOCX, ODT, HTML e-mail) from corpus/sources/office/*.yaml,
export them to PDF the way people do (LibreOffice, Chromium) and write the gold JSON.

Usage: .venv/bin/python corpus/build_office.py [NAME ...]

The originals go to corpus/office/, the PDFs to corpus/pdf/, the gold to corpus/gold/. Each
example's pages are found from its anchors in the exported PDF; every anchor and context phrase
is checked against the PDF text (see common.check_gold_against_text). Any mismatch stops the build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import (  # noqa: E402
    TAG_KEYS,
    check_gold_against_text,
    find_phrase_pages,
    pdf_page_count,
    pdf_page_texts,
    phrase_key,
    write_gold,
)
from office_writers import WRITERS  # noqa: E402

SOURCES = HERE / "sources" / "office"
OFFICE_DIR = HERE / "office"
PDF_DIR = HERE / "pdf"
GOLD_DIR = HERE / "gold"
CHROMIUM = "/usr/bin/chromium"


def convert_soffice(original: Path, out_dir: Path) -> Path:
    """Export an office file to PDF with LibreOffice in a fresh user profile."""
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                "soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                "--convert-to", "pdf", "--outdir", str(out_dir), str(original),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    pdf = out_dir / f"{original.stem}.pdf"
    if not pdf.exists():  # soffice exits 0 even when the export failed
        raise RuntimeError(f"LibreOffice made no PDF of {original.name}")
    return pdf


def convert_chromium(original: Path, out_dir: Path) -> Path:
    """Print an HTML file to PDF with headless Chromium (no header/footer lines)."""
    pdf = out_dir / f"{original.stem}.pdf"
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        subprocess.run(
            [
                CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", f"--user-data-dir={profile}", "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}", original.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    if not pdf.exists():
        raise RuntimeError(f"Chromium made no PDF of {original.name}")
    return pdf


def example_pages(ex: dict[str, Any], page_keys: list[str]) -> list[int]:
    pages: set[int] = set()
    for phrase in ex["anchors"]:
        found = find_phrase_pages(phrase, page_keys)
        if len(found) != 1:
            raise ValueError(f"anchor {phrase!r} on pages {found}")
        pages |= set(found)
    return list(range(min(pages), max(pages) + 1))


def build_gold(src: dict[str, Any], original: Path, pdf: Path) -> dict[str, Any]:
    page_keys = [phrase_key(t) for t in pdf_page_texts(pdf)]
    examples = []
    for ex in src["gold"]["examples"]:
        item = {"title": ex.get("title", src["title"])}
        item.update({key: ex[key] for key in TAG_KEYS})
        item["anchors"] = ex["anchors"]
        item["pages"] = example_pages(ex, page_keys)
        examples.append(item)
    return {
        "file": pdf.name,
        "source": original.name,
        "kind": src["kind"],
        "title": src["title"],
        "date": src["date"],
        "pages": pdf_page_count(pdf),
        "generator": "chromium" if src["format"] == "html" else "libreoffice",
        "page_size": src["page_size"],
        "orientation": src["orientation"],
        "scanned": False,
        "examples": examples,
        "context_phrases": src["gold"]["context_phrases"],
        **({"table_phrases": src["gold"]["table_phrases"]}
           if src["gold"].get("table_phrases") else {}),
    }


def normalize_zip(path: Path) -> None:
    """Rewrite an office zip with fixed entry times, so that the same input gives the same bytes.

    The entry order is kept (ODF needs its uncompressed ``mimetype`` first)."""
    with zipfile.ZipFile(path) as old:
        entries = [(info, old.read(info)) for info in old.infolist()]
    with zipfile.ZipFile(path, "w") as new:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 12, 0, 0))
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            new.writestr(fixed, data)


def build_one(path: Path) -> dict[str, Any]:
    src = yaml.safe_load(path.read_text(encoding="utf-8"))
    fmt = src["format"]
    OFFICE_DIR.mkdir(exist_ok=True)
    original = OFFICE_DIR / f"{src['file']}.{fmt}"
    WRITERS[fmt](src, original)
    if fmt != "html":
        normalize_zip(original)
    with tempfile.TemporaryDirectory(prefix="office-pdf-") as tmp:
        convert = convert_chromium if fmt == "html" else convert_soffice
        made = convert(original, Path(tmp))
        pdf = PDF_DIR / made.name
        shutil.copyfile(made, pdf)
    gold = build_gold(src, original, pdf)
    problems = check_gold_against_text(gold, pdf)
    if problems:
        raise ValueError(f"{pdf.name}: " + "; ".join(problems))
    write_gold(GOLD_DIR / f"{pdf.stem}.json", gold)
    return gold


def main(argv: list[str]) -> int:
    paths = sorted(SOURCES.glob("*.yaml"))
    if argv:
        paths = [p for p in paths if any(a in p.stem for a in argv)]
    for path in paths:
        gold = build_one(path)
        print(f"{gold['file']}: {gold['pages']} page(s), {len(gold['examples'])} example(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
