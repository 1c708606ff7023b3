"""Throughput and latency of the pages users wait for, under the production server.

For each catalogue — the bundled corpus (ingested first) and a generated one of 10k examples
(the generator of benchmarks/search.py, five examples per document) — the server
(``web.server.serve`` as ``exempelbanken serve`` calls it) is started in a subprocess on
loopback with the search result cache off, and wrk (C, epoll: not the bottleneck) drives it
with 8 keep-alive connections per row: a trivial endpoint of the same app (the floor), the
search page and the search API (rotating Swedish queries and filters), example, concept and
municipality pages (rotating ids), and the pages that summarise the bank. Before a row is
measured each of its addresses is visited once (what is made once per catalogue state is then
made), so a row is the steady state between changes. Prints requests/s, p50 and p95 per row.

With ``--before DIR`` (another checkout, e.g. ``git worktree add /tmp/webbase <commit>``) the
same rows are measured against that source tree too, in the same run, on the same data.

    .venv/bin/python benchmarks/web.py [--sizes corpus,10000] [--seconds 8] [--before DIR]
        [--data-root DIR] [--rows search,api,...] [--json]

``--data-root`` keeps the generated data directories between runs (built when missing).
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from loopback import QUERIES, free_port, start_app_server

ROOT = Path(__file__).resolve().parent.parent
PING = "/_benchmark/ping"
WARM_SECONDS = 60.0  # at most this long visiting each path of a row once before measuring
TARGETS = {"search": (300.0, 50.0), "api": (300.0, 50.0)}  # at the corpus: req/s, p95 ms
TARGETS_10K = {"search": 100.0, "api": 100.0, "example": 50.0, "concept": 50.0,
               "municipality": 50.0}  # p95 ms at 10k


# --- data ------------------------------------------------------------------------------------


def ingest_corpus(data_dir: Path) -> None:
    from search.library import Library

    with Library(data_dir) as library:
        report = library.ingest_paths([ROOT / "corpus" / "pdf"])
    print(f"ingested {len(report.documents)} documents into {data_dir}", file=sys.stderr)


def _search_benchmark() -> Any:
    """benchmarks/search.py as a module (its name would shadow the ``search`` package)."""
    spec = importlib.util.spec_from_file_location("search_benchmark", Path(__file__).with_name(
        "search.py"))
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def generate_catalogue(data_dir: Path, size: int) -> None:
    """A library of ``size`` generated examples, five per document, indexed."""
    from ingest.model import Document
    from search.library import Library

    rows = _search_benchmark().make_examples(size)
    documents: dict[str, Document] = {}
    for ex, meta in rows:
        doc = documents.get(ex.document_id)
        if doc is None:
            doc = documents[ex.document_id] = Document(
                id=meta["id"], filename=meta["filename"], title=meta["title"],
                kind=meta["kind"], date=meta["date"], pages=1, sha256=meta["id"] * 4)
        doc.examples.append(ex)
    with Library(data_dir) as library:
        with library.catalogue.transaction() as con:
            for doc in documents.values():
                library.catalogue.insert_document(con, doc)
        library.reindex()
    print(f"generated {size} examples in {len(documents)} documents into {data_dir}",
          file=sys.stderr)


def prepare(data_root: Path, size: str) -> Path:
    data_dir = data_root / f"data-{size}"
    if (data_dir / "ready").exists():
        return data_dir
    shutil.rmtree(data_dir, ignore_errors=True)
    if size == "corpus":
        ingest_corpus(data_dir)
    else:
        generate_catalogue(data_dir, int(size))
    (data_dir / "ready").touch()
    return data_dir


def sample_paths(data_dir: Path) -> dict[str, list[str]]:
    """What each row requests, in turn: queries, and ids, slugs and names of this catalogue."""
    from search.catalogue import Catalogue
    from search.concepts import COUNTY, taxonomy

    catalogue = Catalogue(data_dir / "catalogue.sqlite3")
    try:
        ids = [r["id"] for r in catalogue.conn().execute(
            "SELECT id FROM examples ORDER BY id").fetchall()]
    finally:
        catalogue.close()
    step = max(1, len(ids) // 40)
    return {
        "baseline": [PING],
        "search": [f"/?{urlencode(q)}" for q in QUERIES],
        "api": [f"/api/search?{urlencode(q)}" for q in QUERIES],
        "example": [f"/exempel/{quote(i)}" for i in ids[::step][:40]],
        "concept": [f"/koncept/{c['slug']}" for c in taxonomy()],
        "municipality": [f"/kommun/{quote(m)}" for m in COUNTY],
        "home": ["/"],
        "concepts": ["/koncept"],
        "municipalities": ["/kommun"],
        "matrix": ["/koncept/spridning"],
    }


LABELS = {
    "baseline": "trivial endpoint", "search": "search page (uncached)",
    "api": "API search (uncached)", "example": "example page", "concept": "concept page",
    "municipality": "municipality page", "home": "home page (uncached)",
    "concepts": "concept list", "municipalities": "municipality list",
    "matrix": "spread matrix",
}


# --- server and load ---------------------------------------------------------------------------


def start_server(source: Path, data_dir: Path, port: int) -> subprocess.Popen:
    """The app of the source tree ``source`` on ``data_dir``, with a trivial endpoint added,
    served as ``exempelbanken serve`` serves it by default (a tree whose web.server has no
    ``production_config`` is one from before serving changed: its own waitress way)."""
    config = {
        "DATA_DIR": str(data_dir), "SECRET_KEY": "bench", "SEARCH_CACHE_SECONDS": 0.0,
        "SEARCH_RATE_LIMIT": "1000000/minute",  # every client of the benchmark is one address
    }
    code = (
        "from web import create_app, server\n"
        "serving = hasattr(server, 'production_config')\n"
        f"config = {config!r}\n"
        "if serving:\n"
        "    config.update(server.production_config(config['DATA_DIR']))\n"
        "app = create_app(config)\n"
        f"app.add_url_rule({PING!r}, 'benchmark_ping', lambda: 'ok')\n"
        "if serving:\n"
        "    from web import uploads\n"
        f"    server.serve(app, '127.0.0.1', {port}, on_start=uploads.runtime)\n"
        "else:\n"
        f"    server.serve(app, '127.0.0.1', {port})\n"
    )
    return start_app_server(code, source, port)


LUA = """
local paths = {%s}
local n = 0
function setup(thread) thread:set("offset", n * 7); n = n + 1 end
function init(args) i = tonumber(offset) or 0 end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95)))
end
"""


def load(port: int, paths: list[str], seconds: float, clients: int) -> dict[str, float]:
    """wrk against ``paths`` in turn: requests/s, p50 and p95 in ms, errors (non-2xx too)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is missing: `make bench` installs it (Debian package wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % ", ".join(json.dumps(p) for p in paths))
    try:
        out = subprocess.run(
            [wrk, "-t2", f"-c{clients}", f"-d{seconds:g}s", "--timeout", "10s", "-s",
             script.name, f"http://127.0.0.1:{port}"],
            capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    match = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+)", out)
    if match is None:
        raise RuntimeError("wrk said: " + out[-2000:])
    requests, duration, errors, p50, p95 = (int(g) for g in match.groups())
    return {"requests": requests, "errors": errors, "rps": requests / (duration / 1e6),
            "p50_ms": p50 / 1000, "p95_ms": p95 / 1000}


def visit_each(port: int, paths: list[str], seconds: float = WARM_SECONDS) -> None:
    """Every path once, one after the other (at most ``seconds`` in all): what the server
    makes once per catalogue state is made before the row is measured."""
    deadline = time.monotonic() + seconds
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=seconds)
    try:
        for path in paths:
            if time.monotonic() > deadline:
                break
            conn.request("GET", path)
            conn.getresponse().read()
    except (OSError, http.client.HTTPException):
        pass
    finally:
        conn.close()


def measure(source: Path, data_dir: Path, rows: list[str], seconds: float,
            clients: int) -> dict[str, dict[str, float]]:
    paths = sample_paths(data_dir)
    port = free_port()
    server = start_server(source, data_dir, port)
    results = {}
    try:
        for row in rows:
            visit_each(port, paths[row])  # warm-up: caches, templates
            load(port, paths[row], min(2.0, seconds), clients)
            results[row] = load(port, paths[row], seconds, clients)
            print(f"{data_dir.name} {source} {row}: {results[row]}", file=sys.stderr, flush=True)
            time.sleep(0.5)
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
    return results


# --- report ------------------------------------------------------------------------------------


def verdict(size: str, row: str, r: dict[str, float]) -> str:
    if not r["requests"] and (row in TARGETS or row in TARGETS_10K):
        return "MISSED (no answer within the row)"
    if size == "corpus" and row in TARGETS:
        rps, p95 = TARGETS[row]
        ok = r["rps"] >= rps and r["p95_ms"] <= p95
        return f"≥ {rps:.0f}/s, ≤ {p95:.0f} ms " + ("ok" if ok else "MISSED")
    if size != "corpus" and row in TARGETS_10K:
        ok = r["p95_ms"] <= TARGETS_10K[row]
        return f"≤ {TARGETS_10K[row]:.0f} ms " + ("ok" if ok else "MISSED")
    return ""


def print_table(results: dict[str, dict[str, dict[str, dict[str, float]]]]) -> None:
    print(f"{'catalogue':9} {'tree':6} {'row':24} {'requests':>8} {'errors':>6} {'req/s':>8} "
          f"{'p50 ms':>7} {'p95 ms':>7}  target (p95 at 10k; req/s and p95 at the corpus)")
    for size, trees in results.items():
        for tree, rows in trees.items():
            for row, r in rows.items():
                mark = verdict(size, row, r) if tree == "now" else ""
                print(f"{size:9} {tree:6} {LABELS[row]:24} {r['requests']:>8} {r['errors']:>6} "
                      f"{r['rps']:>8.1f} {r['p50_ms']:>7.1f} {r['p95_ms']:>7.1f}  {mark}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="corpus,10000")
    parser.add_argument("--rows", default=",".join(LABELS))
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--before", type=Path, help="another source tree to measure too")
    parser.add_argument("--data-root", type=Path, help="keep the data directories here")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    rows = [r for r in args.rows.split(",") if r]
    trees = {"before": args.before.resolve()} if args.before else {}
    trees["now"] = ROOT
    results: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    with tempfile.TemporaryDirectory(prefix="eb-bench-") as tmp:
        data_root = args.data_root or Path(tmp)
        for size in [s for s in args.sizes.split(",") if s]:
            data_dir = prepare(data_root, size)
            results[size] = {name: measure(source, data_dir, rows, args.seconds, args.clients)
                             for name, source in trees.items()}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"as `exempelbanken serve` by default (before: that tree's way), "
          f"wrk {args.clients} connections (kept alive if the server keeps them), "
          f"{args.seconds:g} s per row, search result cache off")
    print_table(results)


if __name__ == "__main__":
    main()
