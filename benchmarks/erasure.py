"""Time of hiding and erasing a person on the whole corpus, read into a fresh library.

    .venv/bin/python benchmarks/erasure.py [NAME ...]

For each name (default: a coach named in most newsletters and a poster's contact person):
the examples and documents that name the person, the export's and the erasure's time, then a
retagging of every document (the erasure list applied to every one) and a check that a search
for the name finds nothing.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.library import Library  # noqa: E402

NAMES = ("Helena Ström", "Maria Lindholm")


def main() -> None:
    names = sys.argv[1:] or list(NAMES)
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "data") as library:
        started = time.perf_counter()
        library.ingest_paths([ROOT / "corpus" / "pdf"])
        print(f"ingest                 {time.perf_counter() - started:.1f} s")
        for name in names:
            started = time.perf_counter()
            export = library.person_export(name)
            exported = time.perf_counter() - started
            report = library.erase_person(name)
            dump = json.dumps([d.model_dump() for d in library.documents()], ensure_ascii=False)
            print(f"{name:22} export {exported:.2f} s, erase {report.seconds:.2f} s: "
                  f"{len(export['examples'])} examples, {report.documents} documents, "
                  f"{report.originals_redacted} PDFs redacted, {report.originals_removed} "
                  f"removed, {report.audit_rows} audit rows; left in catalogue: "
                  f"{dump.count(name)}")
        started = time.perf_counter()
        library.reindex(retag=True)
        print(f"reindex --retag        {time.perf_counter() - started:.1f} s")
        dump = json.dumps([d.model_dump() for d in library.documents()], ensure_ascii=False)
        for name in names:
            print(f"{name:22} search hits after retag: {library.search(name).total}, "
                  f"in catalogue: {dump.count(name)}")


if __name__ == "__main__":
    main()
