"""End-to-end quality on the corpus: each PDF read by the real pipeline, compared with its gold.

    .venv/bin/python benchmarks/quality.py [--json] [--verbose] [--neutral-names]

Ingestion part: gold examples found whole (all anchors inside one example's text, after
whitespace normalisation; fuzzy for scanned pages), extra examples, context phrases leaking into
examples, kind / date / title accuracy. Tagging part: ``tagging_scores(pairs)`` on the examples
matched to their gold (see the hook below).
"""

from __future__ import annotations

import argparse
import json
import sys
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.model import Example  # noqa: E402
from ingest.pipeline import read_pdf  # noqa: E402
from ingest.text import normalize  # noqa: E402

PDFS = ROOT / "corpus" / "pdf"
GOLD = ROOT / "corpus" / "gold"


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


# --- tagging hook ---------------------------------------------------------------------------
# The tagging part of this report. ``pairs`` holds (gold example dict from corpus/gold, the
# Example the pipeline produced for it, already tagged). Replace the body with the tagging
# measures you want in the end-to-end report; return {name: value}.
TAG_FIELDS = ("municipalities", "focus_areas", "interventions", "actors", "places", "inspired_by")


def tagging_scores(pairs: list[tuple[dict[str, Any], Example]]) -> dict[str, float]:
    scores: dict[str, float] = {}
    for field in TAG_FIELDS:
        tp = fp = fn = 0
        for gold, example in pairs:
            want = {str(v).lower() for v in gold.get(field) or []}
            got = {str(v).lower() for v in example.to_dict().get(field) or []}
            tp += len(want & got)
            fp += len(got - want)
            fn += len(want - got)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[f"{field}_f1"] = round(f1, 3)
    found = sum(
        1
        for gold, example in pairs
        if {p["name"] for p in gold.get("persons") or []} <= {p["name"] for p in example.persons()}
    )
    scores["persons_all_found"] = round(found / len(pairs), 3) if pairs else 0.0
    return scores


# --- ingestion ------------------------------------------------------------------------------
def evaluate(neutral_names: bool = False, verbose: bool = False) -> dict[str, Any]:
    totals = {
        "gold_examples": 0,
        "found_whole": 0,
        "pages_right": 0,
        "example_title_right": 0,
        "extra_examples": 0,
        "context_phrases": 0,
        "context_leaks": 0,
        "documents": 0,
        "kind_right": 0,
        "date_right": 0,
        "title_right": 0,
    }
    problems: list[str] = []
    pairs: list[tuple[dict[str, Any], Example]] = []
    for gold_path in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pdf = PDFS / gold["file"]
        if not pdf.exists():
            continue
        doc = read_pdf(pdf, filename="dokument.pdf" if neutral_names else None)
        scanned = bool(gold.get("scanned"))
        totals["documents"] += 1
        totals["kind_right"] += doc.kind == gold["kind"]
        totals["date_right"] += doc.date == gold["date"]
        totals["title_right"] += scanned or doc.title == gold["title"]
        if doc.kind != gold["kind"] or doc.date != gold["date"]:
            problems.append(
                f"{gold['file']}: kind {doc.kind}/{gold['kind']}, date {doc.date}/{gold['date']}"
            )
        matched: set[str] = set()
        for gold_example in gold["examples"]:
            totals["gold_examples"] += 1
            example = _match(doc.examples, gold_example["anchors"], scanned)
            if example is None:
                problems.append(f"{gold['file']}: not found whole: {gold_example['title']}")
                continue
            totals["found_whole"] += 1
            totals["pages_right"] += set(gold_example["pages"]) <= set(example.pages)
            totals["example_title_right"] += scanned or example.title == gold_example["title"]
            matched.add(example.id)
            pairs.append((gold_example, example))
        extra = [e for e in doc.examples if e.id not in matched]
        totals["extra_examples"] += len(extra)
        problems.extend(f"{gold['file']}: extra example: {e.title}" for e in extra)
        for phrase in gold.get("context_phrases", []):
            totals["context_phrases"] += 1
            leaks = [e.title for e in doc.examples if _contains(e.text, phrase, False)]
            if leaks:
                totals["context_leaks"] += 1
                problems.append(f"{gold['file']}: context phrase in {leaks}: {phrase}")
    report = {"ingestion": totals, "tagging": tagging_scores(pairs)}
    if verbose:
        report["problems"] = problems
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--neutral-names",
        action="store_true",
        help="read every file as 'dokument.pdf' (no date or kind in the name)",
    )
    args = parser.parse_args()
    report = evaluate(args.neutral_names, args.verbose)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    t = report["ingestion"]
    print(f"documents: {t['documents']}")
    print(
        f"gold examples found whole: {t['found_whole']}/{t['gold_examples']} "
        f"(pages right: {t['pages_right']}, titles right: {t['example_title_right']}), "
        f"extra examples: {t['extra_examples']}"
    )
    print(f"context phrases leaking into examples: {t['context_leaks']}/{t['context_phrases']}")
    print(
        f"kind right: {t['kind_right']}/{t['documents']}, date right: "
        f"{t['date_right']}/{t['documents']}, title right: {t['title_right']}/{t['documents']}"
    )
    print("tagging:", ", ".join(f"{k} {v}" for k, v in report["tagging"].items()))
    for line in report.get("problems", []):
        print("  -", line)


if __name__ == "__main__":
    main()
