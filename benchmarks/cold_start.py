"""Cold start: how long a fresh process takes to answer a search, and the web app to start.

A data directory with the bundled corpus (corpus/pdf) ingested is built per source tree, by
that tree (or, with ``--data-dir``, reused when it already holds a catalogue), then each case
runs ``--runs`` times in a new Python process: ``exempelbanken search QUERY --data-dir DIR``
for a few queries (a programme word, an everyday word, a question, a typo), ``create_app``
alone, and ``create_app`` with a first search page through Flask's test client. Each case is
run once unmeasured first (bytecode, the page cache). Prints the median and p90 of the wall
time and of the CPU time (user + system of the process) per case, and the load average before
and after.

With ``--before DIR`` (another checkout, e.g. ``git -C /work/main worktree add /tmp/base
main``) every case is run against that source tree too, interleaved with this one, each tree on the
corpus as it ingests it itself.

    .venv/bin/python benchmarks/cold_start.py [--data-dir DIR] [--runs 15] [--before DIR]
        [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

SEARCHES = {
    "search: skolnärvaro": "skolnärvaro",
    "search: vardagsord": "fotboll",
    "search: fråga": "hur får vi fler elever att komma till skolan",
    "search: stavfel": "hembesk",
}
CLI = "import sys; from web.cli import main; sys.argv[0] = 'exempelbanken'; main()"
APP = "import sys, web; app = web.create_app({'DATA_DIR': sys.argv[1], 'SECRET_KEY': 'x'})"
FIRST_PAGE = "; r = app.test_client().get('/?q=skoln%C3%A4rvaro'); assert r.status_code == 200"


def ingest_corpus(tree: Path, data_dir: Path) -> None:
    """Ingest the bundled corpus into ``data_dir`` with source tree ``tree``'s own CLI: each
    tree reads its own catalogue (an older tree may not know what a newer one stores)."""
    args = ["-c", CLI, "ingest", str(ROOT / "corpus" / "pdf"), "--data-dir", str(data_dir)]
    done = subprocess.run([sys.executable, *args], cwd=tree, env={**os.environ,
                          "PYTHONPATH": str(tree)}, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: ingest failed:\n{done.stderr[-2000:]}")
    print(f"ingested the corpus into {data_dir} ({tree})", file=sys.stderr)


def cases(data_dir: Path) -> dict[str, list[str]]:
    """Each case's command line arguments after the Python executable."""
    out = {name: ["-c", CLI, "search", query, "--data-dir", str(data_dir)]
           for name, query in SEARCHES.items()}
    out["web: create_app"] = ["-c", APP, str(data_dir)]
    out["web: create_app + first search page"] = ["-c", APP + FIRST_PAGE, str(data_dir)]
    return out


def run_once(tree: Path, args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process run in source tree ``tree``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)  # bytecode is written (the unmeasured run), as installed
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=tree, env=env, capture_output=True,
                          text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: {args[:4]} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def measure(trees: dict[str, Path], data_dirs: dict[str, Path], runs: int) -> dict[str, Any]:
    """Every case on every tree (each on its own data directory), ``runs`` times, interleaved;
    the first run of each unmeasured."""
    all_cases = {label: cases(data_dirs[label]) for label in trees}
    names = list(next(iter(all_cases.values())))
    times: dict[tuple[str, str], list[tuple[float, float]]] = {
        (case, label): [] for case in names for label in trees}
    for case in names:
        for label, tree in trees.items():
            run_once(tree, all_cases[label][case])
    for i in range(runs):
        for case in names:
            labels = list(trees) if i % 2 == 0 else list(reversed(trees))
            for label in labels:
                times[(case, label)].append(run_once(trees[label], all_cases[label][case]))
    rows = {}
    for (case, label), found in times.items():
        walls, cpus = [w for w, _ in found], [c for _, c in found]
        rows[f"{case} [{label}]"] = {
            "wall_median": statistics.median(walls), "wall_p90": p90(walls),
            "cpu_median": statistics.median(cpus), "cpu_p90": p90(cpus), "runs": len(found)}
    return rows


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path,
                        help="a data directory per tree in it (now/, before/), reused when there")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--before", type=Path, help="another source tree to measure too")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    trees = {"now": ROOT}
    if args.before:
        trees = {"before": args.before.resolve(), "now": ROOT}
    with tempfile.TemporaryDirectory(prefix="cold-start-") as tmp:
        root = (args.data_dir or Path(tmp)).resolve()
        data_dirs = {label: root / label for label in trees}
        for label, data_dir in data_dirs.items():
            if not (data_dir / "catalogue.sqlite3").exists():
                ingest_corpus(trees[label], data_dir)
        load_before = load_average()
        rows = measure(trees, data_dirs, args.runs)
        load_after = load_average()
    if args.json:
        print(json.dumps({"load_before": load_before, "load_after": load_after, "rows": rows},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"load average before: {load_before}, after: {load_after}; {args.runs} runs each")
    print(f"{'case':52} {'wall p50':>9} {'p90':>7} {'cpu p50':>9} {'p90':>7}")
    for name, row in rows.items():
        print(f"{name:52} {row['wall_median']:8.2f}s {row['wall_p90']:6.2f}s "
              f"{row['cpu_median']:8.2f}s {row['cpu_p90']:6.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
