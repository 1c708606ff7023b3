"""Tagging quality and speed on the gold examples of the corpus.

Reads every example (text and gold tags) from corpus/sources/**/*.yaml, tags its text with
ingest.tagging and prints precision, recall and F1 per tag kind, plus words per second.
Then reads the corpus PDFs (corpus/pdf, without scanned ones) with the whole ingest and tags
the same documents again on their own: milliseconds per page of tagging beside the whole
ingest (layout, segmentation and tagging), in the same run.

    .venv/bin/python benchmarks/tagging.py [--json] [--verbose] [--repeat N] [--no-corpus]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.model import Document, Example  # noqa: E402
from ingest.tagging import load, tag_document, tag_example, tag_text, team_key  # noqa: E402
from ingest.tagging.pipeline import forget_short_texts  # noqa: E402

SOURCES = ROOT / "corpus" / "sources"
PDFS = ROOT / "corpus" / "pdf"
KINDS = ("municipalities", "places", "focus_areas", "interventions", "actors", "persons",
         "inspired_by", "stage", "team")
TARGETS = {"municipalities": ("f1", 0.95), "focus_areas": ("f1", 0.85),
           "persons": ("recall", 0.9), "interventions": ("recall", 0.8)}


@dataclass
class GoldExample:
    source: str
    title: str
    text: str
    hints: list[str]
    gold: dict
    poster: bool = False


def _example_text(title: str, paragraphs: list[str], sections: list[dict]) -> str:
    parts = [title, *[" ".join(p.split()) for p in paragraphs]]
    for sec in sections:
        parts.append(f"{sec['heading']}\n{' '.join(str(sec['text']).split())}")
    return "\n\n".join(p for p in parts if p)


def gold_examples(root: Path = SOURCES) -> list[GoldExample]:
    """Every example of the corpus sources with its text as the example would hold it."""
    out: list[GoldExample] = []
    for path in sorted(root.glob("**/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        hints = [str(data.get("subtitle") or ""), str(data.get("title") or "")]
        if "examples" in data:
            for ex in data["examples"]:
                text = _example_text(ex["title"], ex.get("paragraphs") or [],
                                     ex.get("sections") or [])
                out.append(GoldExample(path.stem, ex["title"], text, hints, ex["gold"]))
        elif "gold" in data:
            text = _example_text(data["title"], [], data.get("sections") or [])
            out.append(GoldExample(path.stem, data["title"], text, hints[:1], data["gold"], True))
    return out


def _values(example: Example, kind: str) -> set[str]:
    d = example.to_dict()
    if kind == "persons":
        return {p["name"] for p in d["persons"]}
    if kind == "stage":
        return {d["stage"]} if d["stage"] else set()
    if kind == "team":
        return {example.team_key} if example.team_key else set()
    return set(d[kind])


def _gold_values(gold: dict, kind: str) -> set[str]:
    if kind == "persons":
        return {p["name"] for p in gold.get("persons") or []}
    if kind == "stage":
        return {gold["stage"]} if gold.get("stage") else set()
    if kind == "team":
        return {team_key(gold["team"])} if gold.get("team") else set()
    return set(gold.get(kind) or [])


def evaluate(examples: list[GoldExample], verbose: bool = False) -> dict[str, dict[str, float]]:
    counts = {k: [0, 0, 0] for k in KINDS}  # tp, fp, fn
    roles = [0, 0]  # persons found, of them with the gold role
    for gx in examples:
        example = Example(id="x", document_id="x", title=gx.title, text=gx.text)
        tag_example(example, gx.hints, team_hints=gx.hints if gx.poster else None)
        for kind in KINDS:
            pred, gold = _values(example, kind), _gold_values(gx.gold, kind)
            counts[kind][0] += len(pred & gold)
            counts[kind][1] += len(pred - gold)
            counts[kind][2] += len(gold - pred)
            if verbose and pred != gold:
                print(f"[{gx.source}] {gx.title!r} {kind}: "
                      f"missing {sorted(gold - pred)} extra {sorted(pred - gold)}")
        found = {p["name"]: p["role"] for p in example.persons()}
        for person in gx.gold.get("persons") or []:
            if person["name"] in found:
                roles[0] += 1
                roles[1] += (found[person["name"]] or None) == (person.get("role") or None)
    scores: dict[str, dict[str, float]] = {}
    for kind, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        scores[kind] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                        "tp": tp, "fp": fp, "fn": fn}
    scores["person_roles"] = {"accuracy": round(roles[1] / roles[0], 3) if roles[0] else 1.0,
                              "found": roles[0], "right": roles[1]}
    return scores


def throughput(texts: list[str], repeat: int = 5) -> tuple[float, float]:
    """Words per second of tag_text: (wall clock, this process's CPU time)."""
    words = sum(len(t.split()) for t in texts) * repeat
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for t in texts:
            tag_text(t)
    return words / (time.perf_counter() - start), words / (time.process_time() - cpu)


def _best_of(repeat: int, run) -> float:
    """Fastest of ``repeat`` runs in seconds (the others were slowed by something else)."""
    best = float("inf")
    for _ in range(repeat):
        forget_short_texts()  # every run parses the titles again, as a first ingest does
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def corpus_timing(repeat: int = 5) -> dict[str, float]:
    """Whole ingest (read_pdf) and tagging alone (tag_document) on the same corpus PDFs."""
    from ingest.pipeline import read_pdf

    paths = [p for p in sorted(PDFS.glob("*.pdf")) if "skannad" not in p.name]
    docs: list[Document] = []

    def ingest() -> None:
        docs[:] = [read_pdf(p) for p in paths]

    ingest_s = _best_of(max(2, repeat // 2), ingest)
    tag_s = _best_of(repeat, lambda: [tag_document(d) for d in docs])
    pages = sum(d.pages for d in docs)
    words = sum(len(e.text.split()) for d in docs for e in d.examples)
    return {"documents": len(docs), "pages": pages, "words": words,
            "ingest_ms_per_page": round(1000 * ingest_s / pages, 2),
            "tagging_ms_per_page": round(1000 * tag_s / pages, 2),
            "tagging_words_per_second": round(words / tag_s),
            "tagging_share_of_ingest": round(tag_s / ingest_s, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-corpus", action="store_true", help="skip the corpus PDF timing")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    load()
    load_s = time.perf_counter() - t0
    examples = gold_examples()
    scores = evaluate(examples, args.verbose)
    wps, cpu_wps = throughput([g.text for g in examples], args.repeat)
    result = {"examples": len(examples), "load_seconds": round(load_s, 2),
              "words_per_second": round(wps), "cpu_words_per_second": round(cpu_wps),
              "scores": scores,
              "targets_met": {k: scores[k][m] >= v for k, (m, v) in TARGETS.items()}}
    if not args.no_corpus and PDFS.is_dir():
        result["corpus"] = corpus_timing(args.repeat)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{len(examples)} gold examples, load {load_s:.2f} s, {wps:,.0f} words/s "
              f"({cpu_wps:,.0f} words per CPU second)")
        print(f"{'kind':16} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
        for kind, s in scores.items():
            if kind == "person_roles":
                print(f"person roles: {s['right']}/{s['found']} as in gold ({s['accuracy']:.3f})")
                continue
            print(f"{kind:16} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                  f"{s['tp']:4} {s['fp']:3} {s['fn']:3}")
        for kind, (metric, target) in TARGETS.items():
            ok = "ok" if scores[kind][metric] >= target else "BELOW"
            print(f"target {kind} {metric} ≥ {target}: {scores[kind][metric]:.3f} {ok}")
        c = result.get("corpus")
        if c:
            print(f"corpus: {c['documents']} PDFs, {c['pages']} pages, {c['words']:,} words: "
                  f"whole ingest {c['ingest_ms_per_page']:.2f} ms/page, tagging "
                  f"{c['tagging_ms_per_page']:.2f} ms/page ({c['tagging_words_per_second']:,} "
                  f"words/s, {100 * c['tagging_share_of_ingest']:.1f} % of the ingest)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
