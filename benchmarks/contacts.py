"""Contacts found on the corpus: each example's persons with role, organisation, e-mail and
phone, against the addresses the documents give.

    .venv/bin/python benchmarks/contacts.py [--verbose] [--json]

The gold (corpus/gold) lists persons by name and role only, so the e-mail side is measured
against the documents themselves: every address in a document's text (joined over line breaks)
that spells the name of one of its examples' persons ("maria.lindqvist@…" for Maria Lindqvist)
should be found on that person. Addresses of the meeting's coaches (not an example's persons)
are counted apart.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.model import Document  # noqa: E402
from ingest.pipeline import read_bytes  # noqa: E402
from ingest.tagging.addresses import emails  # noqa: E402
from ingest.tagging.contacts import plain  # noqa: E402


def _all_text(doc: Document) -> str:
    parts = [f"{s.heading}\n{s.text}" for s in doc.context]
    parts += [ex.text for ex in doc.examples]
    return "\n\n".join(parts)


def measure(doc: Document, verbose: bool) -> dict[str, int]:
    persons = [p for ex in doc.examples for p in ex.persons()]
    by_name = {plain(str(p["name"])): p for p in persons}
    wanted = {f.value for f in emails(_all_text(doc))
              if plain(f.value.split("@")[0].replace(".", " ")) in by_name}
    found = {str(p["email"]) for p in persons if p["email"]}
    if verbose:
        for p in persons:
            print(f"  {doc.filename}: {p['name']} | {p['role']} | {p['organisation']} | "
                  f"{p['email']} | {p['phone']}")
        for missing in sorted(wanted - found):
            print(f"  {doc.filename}: MISSING {missing}")
    return {
        "persons": len(persons),
        "with_email": sum(1 for p in persons if p["email"]),
        "with_phone": sum(1 for p in persons if p["phone"]),
        "with_organisation": sum(1 for p in persons if p["organisation"]),
        "source_addresses_of_persons": len(wanted),
        "source_addresses_found": len(wanted & found),
        "addresses_in_source": len({f.value for f in emails(_all_text(doc))}),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    total: dict[str, Any] = {}
    started = time.perf_counter()
    for path in sorted((ROOT / "corpus" / "pdf").glob("*.pdf")):
        doc = read_bytes(path.read_bytes(), path.name)
        for key, value in measure(doc, args.verbose).items():
            total[key] = total.get(key, 0) + value
    total["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(total))
    else:
        for key, value in total.items():
            print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
