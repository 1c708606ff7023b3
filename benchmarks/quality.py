"""End-to-end quality: each test document read by the real pipeline, compared with its gold.

    .venv/bin/python benchmarks/quality.py [--set corpus|blind|all] [--office]
                                           [--json] [--verbose] [--neutral-names]

Two sets, always scored separately: ``corpus`` (corpus/pdf with corpus/gold, written with the
rules) and ``blind`` (benchmarks/blind/extraction, documents and gold written by people who never
read ingest/; see its README). A gold file names the PDF it describes and, for a document made
in an office program, the original (``source``): with ``--office`` those originals are read as
uploaded (through LibreOffice) and scored as a third line per set.

Ingestion part: gold examples found whole (all anchors inside one example's text, after
whitespace normalisation; fuzzy for scanned pages; an example that holds the anchors of an
earlier gold example too is two read as one, and counts once), extra examples, context phrases
leaking into
examples, kind / date / title accuracy. Tagging part: F1 per tag field and recall of
interventions and persons. A gold intervention that is one of the taxonomy's names must be found
by that name; one the taxonomy does not know (a practice named in the team's own words) counts as
found when a proposed intervention shares a content word with it ("läxcafé" for "läxcafé med
seniorer"), since such names are key phrases, not vocabulary.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.formats import UPLOAD_SUFFIXES  # noqa: E402
from ingest.model import Document, Example  # noqa: E402
from ingest.pipeline import read_bytes  # noqa: E402
from ingest.tagging.taxonomy import taxonomy  # noqa: E402
from ingest.text import normalize  # noqa: E402


@dataclass(frozen=True)
class TestSet:
    name: str
    files: Path
    gold: Path


SETS = {
    "corpus": TestSet("corpus", ROOT / "corpus" / "pdf", ROOT / "corpus" / "gold"),
    "blind": TestSet("blind", ROOT / "benchmarks" / "blind" / "extraction" / "files",
                     ROOT / "benchmarks" / "blind" / "extraction" / "gold"),
}
OFFICE_DIRS = (ROOT / "corpus" / "office",)


def _contains(text: str, phrase: str, fuzzy: bool) -> bool:
    text, phrase = normalize(text), normalize(phrase)
    if phrase in text:
        return True
    if not fuzzy:
        return False
    words, target = text.lower().split(), phrase.lower()
    n = len(target.split())
    return any(
        SequenceMatcher(None, " ".join(words[i : i + n]), target).ratio() >= 0.85
        for i in range(max(len(words) - n + 1, 1))
    )


def _match(examples: list[Example], anchors: list[str], fuzzy: bool) -> Example | None:
    """The example holding every anchor (or, for scanned pages, at least three quarters)."""
    need = max(1, round(0.75 * len(anchors))) if fuzzy else len(anchors)
    best, best_hits = None, 0
    for example in examples:
        hits = sum(_contains(example.text, a, fuzzy) for a in anchors)
        if hits > best_hits:
            best, best_hits = example, hits
    return best if best_hits >= need else None


# --- tagging -------------------------------------------------------------------------------
TAG_FIELDS = ("municipalities", "focus_areas", "interventions", "actors", "places", "inspired_by")


def _content_words(phrase: str) -> set[str]:
    return {w[:6] for w in normalize(phrase).lower().replace("-", " ").split() if len(w) >= 3}


def _found(field: str, want: str, got: set[str]) -> bool:
    """Whether the gold value ``want`` is among the produced values ``got`` (both lowercase);
    interventions the taxonomy does not name match by a shared content word."""
    if want in got:
        return True
    if field != "interventions" or want in {i.name.lower() for i in taxonomy().interventions}:
        return False
    words = _content_words(want)
    return any(words & _content_words(value) for value in got)


def tagging_scores(pairs: list[tuple[dict[str, Any], Example]]) -> dict[str, float]:
    scores: dict[str, float] = {}
    for field in TAG_FIELDS:
        tp = fp = fn = 0
        for gold, example in pairs:
            want = {str(v).lower() for v in gold.get(field) or []}
            got = {str(v).lower() for v in example.to_dict().get(field) or []}
            hits = sum(_found(field, w, got) for w in want)
            tp, fn = tp + hits, fn + len(want) - hits
            fp += sum(1 for g in got if not any(_found(field, w, {g}) for w in want))
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[f"{field}_f1"] = round(f1, 3)
        if field == "interventions":
            scores["interventions_recall"] = round(recall, 3)
    want_people = [p["name"] for gold, _ in pairs for p in gold.get("persons") or []]
    got_people = sum(
        1 for gold, example in pairs for p in gold.get("persons") or []
        if p["name"] in {q["name"] for q in example.persons()})
    scores["persons_recall"] = round(got_people / len(want_people), 3) if want_people else 1.0
    found = sum(
        1
        for gold, example in pairs
        if {p["name"] for p in gold.get("persons") or []} <= {p["name"] for p in example.persons()}
    )
    scores["persons_all_found"] = round(found / len(pairs), 3) if pairs else 0.0
    return scores


# --- ingestion ------------------------------------------------------------------------------
TOTALS = ("gold_examples", "found_whole", "pages_right", "example_title_right", "extra_examples",
          "context_phrases", "context_leaks", "table_phrases", "table_phrases_read",
          "documents", "kind_right", "date_right", "title_right")


def _source(test_set: TestSet, gold: dict[str, Any]) -> Path | None:
    """The office original a gold file names, when it is a format that can be uploaded."""
    if Path(gold.get("source") or "x.pdf").suffix not in UPLOAD_SUFFIXES[1:]:
        return None
    for folder in (test_set.files, *OFFICE_DIRS):
        if (folder / gold["source"]).is_file():
            return folder / gold["source"]
    return None


def _read(path: Path, filename: str) -> Document | str:
    try:
        return read_bytes(path.read_bytes(), filename)
    except Exception as exc:  # noqa: BLE001 - a file that fails is a result to report
        return f"{type(exc).__name__}: {exc}"


def _score_document(gold: dict[str, Any], doc: Document, totals: dict[str, int],
                    problems: list[str], pairs: list[tuple[dict[str, Any], Example]]) -> None:
    scanned = bool(gold.get("scanned"))
    totals["documents"] += 1
    totals["kind_right"] += doc.kind == gold["kind"]
    totals["date_right"] += doc.date == gold["date"]
    totals["title_right"] += scanned or doc.title == gold["title"]
    if doc.kind != gold["kind"] or doc.date != gold["date"]:
        problems.append(f"{gold['file']}: kind {doc.kind}/{gold['kind']}, date "
                        f"{doc.date}/{gold['date']}")
    matched: set[str] = set()
    for gold_example in gold["examples"]:
        totals["gold_examples"] += 1
        example = _match(doc.examples, gold_example["anchors"], scanned)
        if example is None:
            problems.append(f"{gold['file']}: not found whole: {gold_example['title']}")
            continue
        if example.id in matched:  # two gold examples read as one
            problems.append(f"{gold['file']}: merged into {example.title!r}: "
                            f"{gold_example['title']}")
            continue
        totals["found_whole"] += 1
        totals["pages_right"] += set(gold_example["pages"]) <= set(example.pages)
        totals["example_title_right"] += scanned or example.title == gold_example["title"]
        if not scanned and example.title != gold_example["title"]:
            problems.append(f"{gold['file']}: title {example.title!r}, gold "
                            f"{gold_example['title']!r}")
        matched.add(example.id)
        pairs.append((gold_example, example))
    extra = [e for e in doc.examples if e.id not in matched]
    totals["extra_examples"] += len(extra)
    problems.extend(f"{gold['file']}: extra example: {e.title}" for e in extra)
    for phrase in gold.get("context_phrases", []) + gold.get("table_phrases", []):
        totals["context_phrases"] += 1
        leaks = [e.title for e in doc.examples if _contains(e.text, phrase, False)]
        if leaks:
            totals["context_leaks"] += 1
            problems.append(f"{gold['file']}: context phrase in {leaks}: {phrase}")
    context = "\n".join(f"{s.heading}\n{s.text}" for s in doc.context)
    for phrase in gold.get("table_phrases", []):
        totals["table_phrases"] += 1
        if _contains(context, phrase, False):
            totals["table_phrases_read"] += 1
        else:
            problems.append(f"{gold['file']}: table row not read across: {phrase}")


def evaluate(test_set: TestSet = SETS["corpus"], neutral_names: bool = False,
             office: bool = False) -> dict[str, Any]:
    """The scores of one set: its PDFs, or (``office``) the office originals of its gold files
    that have one."""
    totals = dict.fromkeys(TOTALS, 0)
    totals["failed"] = 0
    problems: list[str] = []
    pairs: list[tuple[dict[str, Any], Example]] = []
    for gold_path in sorted(test_set.gold.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = _source(test_set, gold) if office else test_set.files / gold["file"]
        if path is None or not path.exists():
            continue
        name = ("dokument" + path.suffix) if neutral_names else path.name
        doc = _read(path, name)
        if isinstance(doc, str):
            totals["failed"] += 1
            problems.append(f"{path.name}: not read: {doc}")
            continue
        _score_document(gold, doc, totals, problems, pairs)
    return {"ingestion": totals, "tagging": tagging_scores(pairs), "problems": problems}


def _print(label: str, report: dict[str, Any], verbose: bool) -> None:
    t = report["ingestion"]
    print(f"== {label}: {t['documents']} documents" + (f", {t['failed']} not read"
                                                      if t["failed"] else ""))
    print(
        f"gold examples found whole: {t['found_whole']}/{t['gold_examples']} "
        f"(pages right: {t['pages_right']}, titles right: {t['example_title_right']}), "
        f"extra examples: {t['extra_examples']}"
    )
    print(f"context phrases leaking into examples: {t['context_leaks']}/{t['context_phrases']}")
    if t["table_phrases"]:
        print(f"table rows read across (wrapped cells): "
              f"{t['table_phrases_read']}/{t['table_phrases']}")
    print(
        f"kind right: {t['kind_right']}/{t['documents']}, date right: "
        f"{t['date_right']}/{t['documents']}, title right: {t['title_right']}/{t['documents']}"
    )
    print("tagging:", ", ".join(f"{k} {v}" for k, v in report["tagging"].items()))
    if verbose:
        for line in report["problems"]:
            print("  -", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["corpus", "blind", "all"], default="all")
    parser.add_argument("--office", action="store_true",
                        help="also read the office originals the gold files name")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--neutral-names",
        action="store_true",
        help="read every file as 'dokument.pdf' (no date or kind in the name)",
    )
    args = parser.parse_args()
    names = ["corpus", "blind"] if args.set == "all" else [args.set]
    reports: dict[str, Any] = {}
    for name in names:
        if not SETS[name].gold.is_dir():
            continue
        reports[name] = evaluate(SETS[name], args.neutral_names)
        if args.office:
            reports[f"{name} (office originals)"] = evaluate(SETS[name], args.neutral_names,
                                                             office=True)
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=2))
        return
    for label, report in reports.items():
        _print(label, report, args.verbose)


if __name__ == "__main__":
    main()
