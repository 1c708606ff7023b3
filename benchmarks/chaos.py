"""Index faults while serving: does the real server keep answering?

Starts ``exempelbanken serve`` (gunicorn on Linux, as by default) on a free loopback port with a
copy of the corpus store, then for ``--seconds`` (default 120) runs 30 searcher threads (the
search API and the search page, keep-alive connections) while, at the same time,

- a coordinator uploads 30 distinct PDFs through the API (HTTP Basic): corpus PDFs with a
  distinct PDF comment line appended and a unique file name,
- ``exempelbanken reindex`` runs 10 times (a subprocess against the same data directory),
- the index directory is deleted once (half-way through).

The server publishes uploads at once (``EXEMPELBANKEN_PUBLISH_UPLOADS=1``), as a bank set to
skip review does, so that every upload can be checked to be searchable afterwards. With
``--reindexes 0 --keep-index`` the run measures searching while coordinators upload; with
``--uploads 0`` as well, searching alone.

Prints the responses per status (the target: no 5xx; "catalogue" marks answers given while the
index was rebuilt, "empty!" searches that wrongly found nothing), p50/p95 search latency, the
uploads and reindex runs, and whether every upload is searchable afterwards (its first
example's title through the API).

    .venv/bin/python benchmarks/chaos.py [--seconds 120] [--store DIR] [--json]

Without --store the bundled corpus is ingested into a temporary directory first.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from loopback import QUERIES, free_port, wait_until_serving

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "pdf"
USER, PASSWORD = "kaos", "kaos-losenord-1"


def command() -> list[str]:
    """The ``exempelbanken`` console script (or the module when it is not installed)."""
    script = Path(sys.executable).parent / "exempelbanken"
    return [str(script)] if script.exists() else [sys.executable, "-m", "web.cli"]


def environment() -> dict[str, str]:
    """No result cache (every search reaches the index), no per-client search limit (all
    30 searchers come from one address) and uploads published without review."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "EXEMPELBANKEN_SEARCH_CACHE_SECONDS": "0",
            "EXEMPELBANKEN_SEARCH_RATE_LIMIT": "1000000/minute",
            "EXEMPELBANKEN_PUBLISH_UPLOADS": "1", "EXEMPELBANKEN_SECRET_KEY": "chaos"}


def prepare_store(target: Path, store: Path | None) -> None:
    """A copy of ``store`` (or a fresh ingest of the corpus) with a coordinator account."""
    sys.path.insert(0, str(ROOT))
    from search.library import Library

    if store is not None:
        shutil.copytree(store, target)
    with Library(target) as library:
        if store is None:
            report = library.ingest_paths([CORPUS])
            print(f"ingested {len(report.documents)} documents", file=sys.stderr)
        library.add_user(USER, PASSWORD)


def start_server(data_dir: Path, port: int, log: Path) -> subprocess.Popen:
    args = [*command(), "serve", "--host", "127.0.0.1", "--port", str(port),
            "--data-dir", str(data_dir)]
    proc = subprocess.Popen(args, cwd=ROOT, env=environment(), stdout=subprocess.DEVNULL,
                            stderr=open(log, "wb"))  # noqa: SIM115 - lives as long as proc
    if wait_until_serving(port, 90):
        return proc
    proc.kill()
    raise RuntimeError("server did not start: " + log.read_text(errors="replace")[-2000:])


def upload_files(count: int) -> list[tuple[str, bytes]]:
    """``count`` distinct PDFs: corpus PDFs with "\\n%n\\n" appended, each with its own name."""
    pdfs = sorted(CORPUS.glob("*.pdf"))
    out = []
    for n in range(count):
        source = pdfs[n % len(pdfs)]
        data = source.read_bytes() + f"\n%{n}\n".encode()
        out.append((f"kaos-{n:02d}-{source.name}", data))
    return out


def multipart(filename: str, data: bytes) -> tuple[bytes, str]:
    boundary = f"kaos{time.time_ns()}"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{filename}\"\r\nContent-Type: application/pdf\r\n\r\n").encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), boundary


class Chaos:
    """Shared state of one run: counters, latencies, the stop time and the event log."""

    def __init__(self, port: int, data_dir: Path, seconds: float) -> None:
        self.port = port
        self.data_dir = data_dir
        self.seconds = seconds
        self.began = time.monotonic()
        self.stop = self.began + seconds
        self.lock = threading.Lock()
        self.statuses: Counter[str] = Counter()
        self.latencies: list[float] = []
        self.timeline: list[tuple[float, float]] = []  # (seconds into the run, latency)
        self.uploads: list[dict[str, Any]] = []
        self.reindexes: list[dict[str, Any]] = []
        self.events: list[str] = []

    def note(self, text: str) -> None:
        with self.lock:
            self.events.append(f"{time.monotonic() - self.began:6.1f} s  {text}")

    def at(self, fraction: float) -> None:
        """Sleep until ``fraction`` of the run has passed."""
        delay = self.began + fraction * self.seconds - time.monotonic()
        if delay > 0:
            time.sleep(delay)

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)


def searcher(chaos: Chaos, offset: int) -> None:
    conn = chaos.connection()
    statuses: Counter[str] = Counter()
    latencies: list[float] = []
    timeline: list[tuple[float, float]] = []
    i = offset
    while time.monotonic() < chaos.stop:
        path = "/" if i % 3 == 0 else "/api/search"
        kind = "page" if path == "/" else "api"
        url = f"{path}?{urlencode(QUERIES[i % len(QUERIES)])}"
        i += 1
        start = time.perf_counter()
        try:
            conn.request("GET", url)
            response = conn.getresponse()
            body = response.read()
            statuses[f"{kind} {response.status}{_note(kind, response, body)}"] += 1
            latencies.append(time.perf_counter() - start)
            timeline.append((time.monotonic() - chaos.began, latencies[-1]))
        except (OSError, http.client.HTTPException) as exc:
            statuses[f"{kind} {type(exc).__name__}"] += 1
            conn.close()
            conn = chaos.connection()
    conn.close()
    with chaos.lock:
        chaos.statuses.update(statuses)
        chaos.latencies.extend(latencies)
        chaos.timeline.extend(timeline)


def _note(kind: str, response: http.client.HTTPResponse, body: bytes) -> str:
    """Answered from the catalogue (the index being rebuilt), or wrongly empty (every query
    of QUERIES finds examples in the corpus)."""
    if response.getheader("X-Index-Status"):
        return " (catalogue)"
    if kind == "api" and response.status == 200 and json.loads(body)["total"] == 0:
        return " (empty!)"
    return ""


def uploader(chaos: Chaos, files: list[tuple[str, bytes]]) -> None:
    auth = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    for n, (name, data) in enumerate(files):
        chaos.at(0.05 + 0.8 * n / len(files))
        body, boundary = multipart(name, data)
        conn = chaos.connection()
        start = time.perf_counter()
        try:
            conn.request("POST", "/api/documents", body=body, headers={
                "Authorization": f"Basic {auth}",
                "Content-Type": f"multipart/form-data; boundary={boundary}"})
            response = conn.getresponse()
            payload = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            payload, status = b"{}", type(exc).__name__
        finally:
            conn.close()
        doc = json.loads(payload or b"{}") if status == 201 else {}
        examples = doc.get("examples") or []
        with chaos.lock:
            chaos.statuses[f"upload {status}"] += 1
            chaos.uploads.append({"file": name, "status": status, "id": doc.get("id"),
                                  "title": examples[0]["title"] if examples else None,
                                  "seconds": round(time.perf_counter() - start, 2)})


def reindexer(chaos: Chaos, runs: int) -> None:
    for n in range(runs):
        chaos.at(0.02 + 0.85 * n / runs)
        start = time.perf_counter()
        proc = subprocess.run([*command(), "reindex", "--data-dir", str(chaos.data_dir)],
                              cwd=ROOT, env=environment(), capture_output=True, text=True,
                              check=False)
        chaos.note(f"reindex {n + 1}: exit {proc.returncode}")
        with chaos.lock:
            chaos.reindexes.append({"exit": proc.returncode,
                                    "seconds": round(time.perf_counter() - start, 2),
                                    "stderr": proc.stderr.strip()[-300:]})


def deleter(chaos: Chaos) -> None:
    chaos.at(0.5)
    shutil.rmtree(chaos.data_dir / "index", ignore_errors=True)
    chaos.note("index directory deleted")


def searchable(chaos: Chaos, upload: dict[str, Any], wait: float = 30.0) -> bool:
    """The upload's document appears when its first example's title is searched."""
    if not upload["id"] or not upload["title"]:
        return False
    deadline = time.monotonic() + wait
    while True:
        conn = chaos.connection()
        try:
            conn.request("GET", "/api/search?" + urlencode({"q": upload["title"],
                                                           "per_page": 100}))
            response = conn.getresponse()
            body = response.read()
        finally:
            conn.close()
        if response.status == 200:
            hits = json.loads(body)["results"]
            if any(h["document"]["id"] == upload["id"] for h in hits):
                return True
        if time.monotonic() > deadline:
            return False
        time.sleep(1.0)


def windows(chaos: Chaos, count: int = 10) -> list[dict[str, float]]:
    """Searches answered and their p50 per tenth of the run."""
    width = chaos.seconds / count
    out = []
    for n in range(count):
        inside = [lat for at, lat in chaos.timeline if n * width <= at < (n + 1) * width]
        out.append({"from_s": round(n * width, 1), "searches": len(inside),
                    "p50_ms": round(statistics.median(inside) * 1000, 1) if inside else None})
    return out


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[int(fraction * (len(ordered) - 1))] * 1000


def run(chaos: Chaos, threads: int, uploads: int, reindexes: int,
        delete_index: bool = True) -> dict[str, Any]:
    workers = [threading.Thread(target=searcher, args=(chaos, n)) for n in range(threads)]
    workers += [threading.Thread(target=uploader, args=(chaos, upload_files(uploads))),
                threading.Thread(target=reindexer, args=(chaos, reindexes))]
    if delete_index:
        workers.append(threading.Thread(target=deleter, args=(chaos,)))
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - chaos.began
    stored = [u for u in chaos.uploads if u["status"] == 201]
    found = sum(searchable(chaos, u) for u in stored)
    server_errors = sum(n for key, n in chaos.statuses.items()
                        if key.split()[1].startswith("5") or not key.split()[1].isdigit())
    return {
        "seconds": round(elapsed, 1),
        "searcher_threads": threads,
        "statuses": dict(sorted(chaos.statuses.items())),
        "server_errors": server_errors,
        "searches": len(chaos.latencies),
        "p50_ms": round(statistics.median(chaos.latencies) * 1000, 1)
        if chaos.latencies else None,
        "p95_ms": round(percentile(chaos.latencies, 0.95), 1),
        "timeline": windows(chaos),
        "uploads": {"sent": len(chaos.uploads), "stored": len(stored),
                    "searchable": found},
        "reindex_exit_codes": dict(Counter(str(r["exit"]) for r in chaos.reindexes)),
        "reindex_errors": [r["stderr"] for r in chaos.reindexes if r["exit"]][:3],
        "events": chaos.events,
    }


def print_report(result: dict[str, Any], log_tail: str) -> None:
    print(f"chaos: {result['seconds']} s, {result['searcher_threads']} searcher threads, "
          f"{result['uploads']['sent']} uploads, {len(result['events'])} events")
    for event in result["events"]:
        print(f"  {event}")
    print("responses:")
    for key, count in result["statuses"].items():
        print(f"  {key:24} {count:>7}")
    print(f"5xx or failed requests: {result['server_errors']}")
    print(f"searches: {result['searches']}, p50 {result['p50_ms']} ms, "
          f"p95 {result['p95_ms']} ms")
    print("timeline (searches answered, p50):")
    print("  " + "  ".join(f"{w['from_s']:>4.0f}s {w['searches']:>5} {w['p50_ms'] or 0:>6.0f}ms"
                           for w in result["timeline"][:5]))
    print("  " + "  ".join(f"{w['from_s']:>4.0f}s {w['searches']:>5} {w['p50_ms'] or 0:>6.0f}ms"
                           for w in result["timeline"][5:]))
    up = result["uploads"]
    print(f"uploads: {up['stored']}/{up['sent']} stored, {up['searchable']}/{up['stored']} "
          "searchable afterwards")
    print(f"reindex exit codes: {result['reindex_exit_codes']}")
    for err in result["reindex_errors"]:
        print(f"  reindex error: {err.splitlines()[-1] if err else ''}")
    if log_tail:
        print("server log (last traceback lines):")
        print(log_tail)


def traceback_tail(log: Path) -> str:
    """The server's errors, counted (generation and file names made alike)."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    errors = [re.sub(r"(/[^\s'\"]*)?/(gen-\d+|MAIN_\w+\.seg)", "/…", line)
              for line in lines if "Error" in line and not line.startswith(" ")]
    counted = Counter(errors)
    return "\n".join(f"  {n:>6} × {line[:150]}" for line, n in counted.most_common(8))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--threads", type=int, default=30)
    parser.add_argument("--uploads", type=int, default=30)
    parser.add_argument("--reindexes", type=int, default=10)
    parser.add_argument("--keep-index", action="store_true",
                        help="do not delete the index directory half-way")
    parser.add_argument("--store", type=Path, help="an ingested data directory to copy")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eb-chaos-") as tmp:
        data_dir = Path(tmp) / "data"
        prepare_store(data_dir, args.store)
        port = free_port()
        log = Path(tmp) / "server.log"
        server = start_server(data_dir, port, log)
        try:
            result = run(Chaos(port, data_dir, args.seconds), args.threads, args.uploads,
                         args.reindexes, delete_index=not args.keep_index)
        finally:
            server.terminate()
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                server.kill()
        tail = traceback_tail(log)
    if args.json:
        print(json.dumps({**result, "server_log": tail}, indent=2, ensure_ascii=False))
    else:
        print_report(result, tail)


if __name__ == "__main__":
    main()
