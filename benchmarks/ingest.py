"""Ingestion speed: median milliseconds per page of the whole ingest (read_pdf with layout,
segmentation, metadata and tagging) next to ``pdftotext`` on the same files, in the same run.
Then the office files of corpus/office (DOCX, PPTX, ODT, ODP), reported apart: LibreOffice's
conversion to PDF per page, and the whole ingest of the office file per page.

    .venv/bin/python benchmarks/ingest.py [PDF or folder ...] [--repeat 3] [--no-office]

Models are loaded and every file is read once before timing; ``gc.freeze()`` keeps the loaded
models out of the collector's way, as the reader processes do.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import formats, office  # noqa: E402
from ingest.pipeline import forget_texts, read_bytes, read_pdf  # noqa: E402
from ingest.tagging import load  # noqa: E402


def _pdfs(args: list[str]) -> list[Path]:
    paths = [Path(a) for a in args] or [ROOT / "corpus" / "pdf"]
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def _best(fn, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        forget_texts()  # each timed read is a first read (caches kept between texts emptied)
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-office", action="store_true")
    args = parser.parse_args()
    pdfs = _pdfs(args.paths)
    load()
    pages: dict[Path, int] = {}
    ocr: dict[Path, bool] = {}
    for pdf in pdfs:  # warm-up: imports, caches, OCR engine
        doc = read_pdf(pdf)
        pages[pdf] = doc.pages
        ocr[pdf] = bool(doc.ocr_pages)
    gc.collect()
    gc.freeze()
    rows = []
    for pdf in pdfs:
        repeat = 1 if ocr[pdf] else args.repeat
        ours = _best(lambda p=pdf: read_pdf(p), repeat)
        ref = _best(
            lambda p=pdf: subprocess.run(
                ["pdftotext", "-q", str(p), "-"], check=True, stdout=subprocess.DEVNULL
            ),
            args.repeat,
        )
        rows.append(
            (pdf.name, pages[pdf], ocr[pdf], ours * 1000 / pages[pdf], ref * 1000 / pages[pdf])
        )
    print(f"{'file':48} {'pages':>5} {'ms/page':>9} {'pdftotext':>10} {'ratio':>7}")
    for name, n, scanned, ours, ref in rows:
        flag = " (OCR)" if scanned else ""
        print(f"{name[:48]:48} {n:5d} {ours:9.1f} {ref:10.1f} {ours / ref:7.1f}{flag}")
    text = [r for r in rows if not r[2]]
    med_ours = statistics.median(r[3] for r in rows)
    med_ref = statistics.median(r[4] for r in rows)
    print()
    print(
        f"median ms/page, all {len(rows)} files: ingest {med_ours:.1f}, pdftotext {med_ref:.1f}, "
        f"ratio {med_ours / med_ref:.1f}x"
    )
    if text and len(text) != len(rows):
        mo = statistics.median(r[3] for r in text)
        mr = statistics.median(r[4] for r in text)
        print(
            f"median ms/page, {len(text)} files with a text layer: ingest {mo:.1f}, "
            f"pdftotext {mr:.1f}, ratio {mo / mr:.1f}x"
        )
    total_pages = sum(r[1] for r in rows)
    total_ours = sum(r[3] * r[1] for r in rows)
    total_ref = sum(r[4] * r[1] for r in rows)
    print(
        f"overall: {total_pages} pages, ingest {total_ours / total_pages:.1f} ms/page, "
        f"pdftotext {total_ref / total_pages:.1f} ms/page"
    )
    if not args.no_office:
        office_files(sorted((ROOT / "corpus" / "office").glob("*.*")))


def office_files(paths: list[Path]) -> None:
    """Conversion and whole-ingest time per page of each office file (one run each: a
    conversion starts LibreOffice afresh anyway)."""
    rows = []
    for path in paths:
        data = path.read_bytes()
        try:
            fmt = formats.detect(data)
        except Exception:  # noqa: BLE001 - HTML e-mails and the like are not uploads
            continue
        start = time.perf_counter()
        pdf = office.to_pdf(data, fmt)
        convert = time.perf_counter() - start
        start = time.perf_counter()
        doc = read_bytes(data, path.name)
        whole = time.perf_counter() - start
        rows.append((path.name, fmt.name, doc.pages, convert * 1000 / doc.pages,
                     whole * 1000 / doc.pages, len(pdf)))
    if not rows:
        return
    print()
    print(f"{'office file':48} {'pages':>5} {'convert ms/page':>16} {'ingest ms/page':>15}")
    for name, _fmt, n, convert, whole, _size in rows:
        print(f"{name[:48]:48} {n:5d} {convert:16.0f} {whole:15.0f}")
    print(f"median per page: conversion {statistics.median(r[3] for r in rows):.0f} ms, "
          f"whole office ingest {statistics.median(r[4] for r in rows):.0f} ms "
          f"({len(rows)} files)")


if __name__ == "__main__":
    main()
