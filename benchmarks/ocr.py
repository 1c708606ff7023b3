"""OCR speed and word accuracy on scanned pages, the old settings next to the current ones.

The pages: the corpus's scanned poster, and corpus posters (A3 and A4) and a newsletter page
scanned the same way (``corpus/build_posters.scan``: 200 dpi, a slight tilt, blur, noise, JPEG).
The truth is the text layer of each page's vector original. Word accuracy is the share of the
original's words that OCR read (as a multiset, lowercase, punctuation stripped); precision the
share of OCR's words that are the original's. Each page is read ``--rounds`` times per setting,
the settings alternating, and the median time is kept. With ``--before DIR`` (another checkout,
e.g. ``git worktree add /tmp/ocrbase <commit>``) that tree's OCR module reads the same pages in
the same rounds.

    .venv/bin/python benchmarks/ocr.py [--rounds 3] [--before DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpus"))

import pypdfium2 as pdfium  # noqa: E402

from ingest import ocr  # noqa: E402

SCANNED = "poster-2024-gnosjo-hembesok-skannad"
EXTRA = ("poster-2020-ht-eksjo-sms-franvaro", "poster-2024-vetlanda-narvaro",
         "nyhetsbrev-2022-05")  # an A3 and an A4 poster, a newsletter's first page
# (dpi, strips): None = the page's own choice
SETTINGS = {"whole page": (None, 1), "strips (now)": (None, None)}
_WORD = re.compile(r"[\wåäöÅÄÖéü]+(?:-[\wåäöÅÄÖéü]+)*")


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text) if any(c.isalpha() for c in w))


def _vector_of_scanned(tmp: Path) -> Path:
    import build_posters

    poster = build_posters.load_poster(build_posters.SOURCES / f"{SCANNED}.yaml")
    out = tmp / "vector.pdf"
    {"reportlab": build_posters.render_reportlab,
     "weasyprint": build_posters.render_weasyprint}[poster.generator](poster, out)
    return out


def pages(tmp: Path) -> list[tuple[str, Path, Counter[str]]]:
    """(name, scanned PDF, the words of its original) of every page measured."""
    import build_posters

    out = [(SCANNED, ROOT / "corpus" / "pdf" / f"{SCANNED}.pdf",
            words(_text(_vector_of_scanned(tmp))))]
    for n, stem in enumerate(EXTRA):
        vector = ROOT / "corpus" / "pdf" / f"{stem}.pdf"
        if not vector.exists():
            continue
        scanned = tmp / f"{stem}-skannad.pdf"
        build_posters.scan(vector, scanned, seed=n + 1)
        out.append((stem, scanned, words(_text(vector))))
    return out


def _text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return doc[0].get_textpage().get_text_range()
    finally:
        doc.close()


def read(path: Path, dpi: float | None, parts: int | None,
         module: Any = ocr) -> tuple[float, Counter[str]]:
    doc = pdfium.PdfDocument(str(path))
    try:
        started = time.perf_counter()
        found = module.page_words(doc[0], 1, dpi=dpi, parts=parts)
        seconds = time.perf_counter() - started
    finally:
        doc.close()
    return seconds, words(" ".join(w.text for w in found))


def score(truth: Counter[str], found: Counter[str]) -> tuple[float, float]:
    shared = sum((truth & found).values())
    return shared / max(sum(truth.values()), 1), shared / max(sum(found.values()), 1)


def ocr_of(tree: Path) -> Any:
    """The OCR module of another checkout (it needs only ``Word`` from this one)."""
    spec = importlib.util.spec_from_file_location("ocr_before", tree / "ingest" / "ocr.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout whose OCR to measure too")
    args = parser.parse_args(argv)
    settings = {name: (ocr, dpi, parts) for name, (dpi, parts) in SETTINGS.items()}
    if args.before:
        settings = {"strips (before)": (ocr_of(args.before), None, None), **settings}
    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as tmp:
        measured = pages(Path(tmp))
        print(f"{'page':<44} {'setting':<24} {'dpi':>4} {'s':>6} {'words':>6} {'prec':>6}")
        totals: dict[str, list[float]] = {name: [] for name in settings}
        for name, path, truth in measured:
            doc = pdfium.PdfDocument(str(path))
            own = ocr.render_dpi(doc[0])
            doc.close()
            times: dict[str, list[float]] = {s: [] for s in settings}
            found: dict[str, Counter[str]] = {}
            for _ in range(args.rounds):
                for setting, (module, dpi, parts) in settings.items():
                    seconds, found[setting] = read(path, dpi, parts, module)
                    times[setting].append(seconds)
            for setting, (_, dpi, _) in settings.items():
                recall, precision = score(truth, found[setting])
                median = statistics.median(times[setting])
                totals[setting].append(median)
                print(f"{name:<44} {setting:<24} {round(dpi or own):>4} {median:>6.2f} "
                      f"{recall:>6.3f} {precision:>6.3f}")
        for setting, seconds in totals.items():
            print(f"{'all pages':<44} {setting:<24} {'':>4} {sum(seconds):>6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
