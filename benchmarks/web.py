"""Throughput and latency of the search page and the search API under waitress.

Starts `web.server.serve` (waitress, 8 threads) in a subprocess on loopback, then runs 8
concurrent clients with keep-alive connections against GET / and GET /api/search with a
rotating set of Swedish queries and filters. Prints requests/s, p50 and p95 per endpoint.

    .venv/bin/python benchmarks/web.py [--data-dir DIR] [--seconds 10] [--clients 8]

Without --data-dir the bundled corpus is ingested into a temporary directory first.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from loopback import QUERIES, free_port, wait_until_serving

ROOT = Path(__file__).resolve().parent.parent


def ingest_corpus(data_dir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from search.library import Library

    with Library(data_dir) as library:
        report = library.ingest_paths([ROOT / "corpus" / "pdf"])
    print(f"ingested {len(report.documents)} documents into {data_dir}", file=sys.stderr)


def start_server(data_dir: Path, port: int, cache_seconds: float) -> subprocess.Popen:
    config = {
        "DATA_DIR": str(data_dir), "SECRET_KEY": "bench", "SEARCH_CACHE_SECONDS": cache_seconds,
        "SEARCH_RATE_LIMIT": "1000000/minute",  # every client of the benchmark is one address
    }
    code = (
        "from web import create_app\n"
        "from web.server import serve\n"
        f"app = create_app({config!r})\n"
        f"serve(app, '127.0.0.1', {port})\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    if wait_until_serving(port, 60):
        return proc
    proc.kill()
    raise RuntimeError("server did not start: " + proc.stderr.read().decode()[-2000:])


def run(port: int, path: str, seconds: float, clients: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(offset: int) -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        bad = 0
        i = offset
        while time.monotonic() < stop:
            url = f"{path}?{urlencode(QUERIES[i % len(QUERIES)])}"
            i += 1
            start = time.perf_counter()
            try:
                conn.request("GET", url)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append(time.perf_counter() - start)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += bad

    # warm up caches (index searchers, templates) once per thread
    run_threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    began = time.monotonic()
    for t in run_threads:
        t.start()
    for t in run_threads:
        t.join()
    elapsed = time.monotonic() - began
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p95_ms": p95 * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--cache-seconds", type=float, default=None,
        help="search result cache lifetime (default: measure with 0 and with 30)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eb-bench-") as tmp:
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(tmp) / "data"
            ingest_corpus(data_dir)
        settings = [args.cache_seconds] if args.cache_seconds is not None else [0.0, 30.0]
        results = {}
        for cache in settings:
            port = free_port()
            server = start_server(data_dir, port, cache)
            label = "uncached" if cache <= 0 else f"cache {cache:.0f} s"
            try:
                run(port, "/api/search", 2.0, args.clients)  # warm-up
                results[f"GET / ({label})"] = run(port, "/", args.seconds, args.clients)
                results[f"GET /api/search ({label})"] = run(
                    port, "/api/search", args.seconds, args.clients
                )
            finally:
                server.terminate()
                try:
                    server.wait(10)
                except subprocess.TimeoutExpired:
                    server.kill()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"waitress, 8 threads, {args.clients} concurrent keep-alive clients, "
          f"{args.seconds:.0f} s per endpoint, {len(QUERIES)} rotating queries")
    print(f"{'endpoint':32} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for name, r in results.items():
        print(f"{name:32} {r['requests']:>9} {r['errors']:>7} {r['rps']:>8.1f} "
              f"{r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f}")


if __name__ == "__main__":
    main()
