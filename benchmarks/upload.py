"""Upload latency with the queue, and what reading in the background costs searches.

Starts the web as `exempelbanken serve` does (gunicorn on Linux, the job writer and one queue
worker beside it, SQLite queue) on a copy of the ingested corpus, then measures, side by side:

- upload request latency, p50/p95 over N uploads of corpus PDFs (the scanned poster among them),
  for `POST /api/jobs` (answers once the file is kept and queued) and for `POST /api/documents`
  (answers once the file is read and stored: what every upload did before the queue);
- search latency (`GET /api/search`, 2 clients, no result cache), p50/p95 while idle and while
  the worker reads scanned posters with OCR.

With ``--before DIR`` (repeatable: other checkouts) the load rounds run for every tree, the trees
taking turns ``--rounds`` times, each on a fresh copy of the same data: search p95 idle and
during OCR, and the time one scanned poster takes from upload to done with nothing else
running (what the readers' lower CPU priority must not make worse), each round with the load
average; then the medians per tree.

    .venv/bin/python benchmarks/upload.py [--data-dir DIR] [--uploads 20] [--waiting 4]
                                          [--seconds 10] [--before DIR ...] [--rounds 2]

Without --data-dir the bundled corpus is ingested into a temporary directory first.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
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
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlencode

from loopback import QUERIES, free_port, start_app_server

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "pdf"
SCANNED = CORPUS / "poster-2024-gnosjo-hembesok-skannad.pdf"
USER, PASSWORD = "bench", "bench-losenord"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
# a logged-in session, as the upload page sends it (Basic credentials would add a password
# hash, made slow on purpose, to every request)
SESSION: dict[str, str] = {}


def prepare(data_dir: Path | None, tmp: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from search.library import Library

    target = tmp / "data"
    if data_dir is not None:
        shutil.copytree(data_dir, target)
    with Library(target) as library:
        if data_dir is None:
            report = library.ingest_paths([CORPUS])
            print(f"ingested {len(report.documents)} documents", file=sys.stderr)
        library.add_user(USER, PASSWORD)
    return target


def start_server(data_dir: Path, port: int, root: Path = ROOT) -> subprocess.Popen:
    """The app of the tree ``root`` served as ``exempelbanken serve`` serves it by default (a
    tree whose web.server has no ``production_config`` is an older one: its own way)."""
    config = {"DATA_DIR": str(data_dir), "SECRET_KEY": "bench", "SEARCH_CACHE_SECONDS": 0,
              "SEARCH_RATE_LIMIT": "1000000/minute", "LOGIN_RATE_LIMIT": "1000000/minute",
              "QUEUE_WORKERS": 1}
    code = ("from web import create_app, server, uploads\n"
            "serving = hasattr(server, 'production_config')\n"
            f"config = {config!r}\n"
            "if serving:\n"
            "    config = {**server.production_config(config['DATA_DIR']), **config}\n"
            "app = create_app(config)\n"
            "if serving:\n"
            f"    server.serve(app, '127.0.0.1', {port}, on_start=uploads.runtime)\n"
            "else:\n"
            "    uploads.runtime(app)\n"
            f"    server.serve(app, '127.0.0.1', {port})\n")
    return start_app_server(code, root, port)


def log_in(port: int) -> None:
    """Log in through the form; keeps the session cookie and a CSRF token in SESSION."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{port}"
    page = opener.open(base + "/logga-in").read().decode()
    form = urlencode({"namn": USER, "losenord": PASSWORD,
                      "csrf_token": CSRF_RE.search(page).group(1)}).encode()  # type: ignore[union-attr]
    opener.open(base + "/logga-in", form)
    page = opener.open(base + "/samordnare/ladda-upp").read().decode()
    SESSION["Cookie"] = "; ".join(f"{c.name}={c.value}" for c in jar)
    SESSION["X-CSRFToken"] = CSRF_RE.search(page).group(1)  # type: ignore[union-attr]


def variant(path: Path) -> bytes:
    """The PDF with other bytes (a trailing comment), so it is a new document."""
    return path.read_bytes() + f"\n%bench {uuid.uuid4().hex}\n".encode()


def post_file(port: int, path: str, name: str, data: bytes) -> tuple[float, int, dict]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n").encode()
    body += data + f"\r\n--{boundary}--\r\n".encode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    started = time.perf_counter()
    conn.request("POST", path, body, {**SESSION, "Accept": "application/json",
                                      "Content-Type": f"multipart/form-data; boundary={boundary}"})
    response = conn.getresponse()
    answer = json.loads(response.read() or b"{}")
    took = time.perf_counter() - started
    conn.close()
    return took, response.status, answer


def get_json(port: int, path: str) -> object:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path, headers=SESSION)
    answer = json.loads(conn.getresponse().read())
    conn.close()
    return answer


def search_latencies(port: int, seconds: float, clients: int = 2) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        n = offset
        while time.monotonic() < stop:
            query = QUERIES[n % len(QUERIES)]
            n += 1
            started = time.perf_counter()
            conn.request("GET", "/api/search?" + urlencode(query))
            conn.getresponse().read()
            with lock:
                times.append(time.perf_counter() - started)
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def pcts(times: list[float]) -> str:
    if not times:
        return "–"
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"n={len(ms):4d}  p50 {statistics.median(ms):8.1f} ms  p95 {p95:8.1f} ms"


def wait_for_ocr(port: int, batch: str, timeout: float = 600) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = get_json(port, f"/api/jobs?batch={batch}")
        if any(j["stage"] == "ocr" for j in jobs):  # type: ignore[union-attr]
            return True
        time.sleep(0.2)
    return False


def wait_idle(port: int, timeout: float = 1800) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = get_json(port, "/api/jobs")
        if all(j["state"] in ("done", "failed") for j in jobs):  # type: ignore[union-attr]
            return
        time.sleep(1)


def sample(n: int) -> list[Path]:
    """n corpus PDFs spread over the corpus, the scanned poster first."""
    pdfs = sorted(CORPUS.glob("*.pdf"))
    return [SCANNED] + [pdfs[i * len(pdfs) // n] for i in range(n - 1)]


def waited_uploads(port: int, files: list[Path]) -> list[float]:
    log_in(port)
    waited = [post_file(port, "/api/documents", p.name, variant(p)) for p in files]
    assert all(status == 201 for _, status, _ in waited), [a for _, _, a in waited]
    return [t for t, _, _ in waited]


def fresh_copy(data_dir: Path, name: str) -> Path:
    copy = data_dir.parent / name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("queue.sqlite3*", "uploads"))
    return copy


def before(root: Path, data_dir: Path, files: list[Path]) -> list[float]:
    """POST /api/documents on another checkout (the code before the queue: read in the
    request), on a fresh copy of the same data."""
    port = free_port()
    server = start_server(fresh_copy(data_dir, "before"), port, root)
    try:
        return waited_uploads(port, files)
    finally:
        server.terminate()
        server.wait(60)


def p95(times: list[float]) -> float:
    ms = sorted(t * 1000 for t in times)
    return ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))] if ms else float("nan")


def idle_read(port: int) -> float:
    """Seconds from uploading the scanned poster to its job being done, nothing else running."""
    started = time.perf_counter()
    _, status, answer = post_file(port, "/api/jobs", "skannad.pdf", variant(SCANNED))
    assert status == 202, answer
    while True:
        jobs = get_json(port, f"/api/jobs?batch={answer['batch']}")
        if all(j["state"] in ("done", "failed") for j in jobs):  # type: ignore[union-attr]
            return time.perf_counter() - started
        time.sleep(0.1)


def scanned_page_image(target: Path) -> Path:
    """The scanned poster's page drawn at 200 dpi as a greyscale PGM (what OCR reads)."""
    import pypdfium2 as pdfium

    if not target.exists():
        pdf = pdfium.PdfDocument(SCANNED)
        pdf[0].render(scale=200 / 72).to_pil().convert("L").save(target, format="PPM")
        pdf.close()
    return target


def bare_tesseract(image: Path, stop: threading.Event) -> None:
    """Tesseract reading ``image`` again and again outside the app, on the cores and at the
    priority serve's readers get: the floor of what OCR on this machine costs searches."""
    sys.path.insert(0, str(ROOT))
    from ingest import sandbox

    cores = sorted(os.sched_getaffinity(0))[-sandbox.reader_cores(spare=1):]
    niceness = sandbox.reader_niceness()
    idle_class = ["chrt", "--idle", "0"] if niceness >= sandbox.IDLE_NICENESS else []
    command = [*idle_class, "nice", "-n", str(niceness),
               "taskset", "-c", ",".join(map(str, cores)),
               "tesseract", str(image), "-", "-l", "swe", "--psm", "3"]
    while not stop.is_set():
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={**os.environ, "OMP_THREAD_LIMIT": "1"}, check=False)


def beside_bare_tesseract(port: int, image: Path, seconds: float) -> float:
    """Search p95 while Tesseract alone (no reader, no writer, no index change) runs."""
    stop = threading.Event()
    hog = threading.Thread(target=bare_tesseract, args=(image, stop))
    hog.start()
    try:
        time.sleep(1.0)
        return p95(search_latencies(port, seconds))
    finally:
        stop.set()
        hog.join()


def load_round(root: Path, data_dir: Path, seconds: float) -> dict[str, float]:
    """One tree's round on a fresh copy: search p95 idle, during OCR and beside Tesseract run
    outside the app, one idle read."""
    port = free_port()
    server = start_server(fresh_copy(data_dir, "round"), port, root)
    try:
        log_in(port)
        search_latencies(port, 3)
        load = os.getloadavg()[0]
        idle = p95(search_latencies(port, seconds))
        batch = [post_file(port, "/api/jobs", "skannad.pdf", variant(SCANNED)) for _ in range(3)]
        if not wait_for_ocr(port, batch[0][2]["batch"]):
            print("warning: no job was seen in the OCR stage", file=sys.stderr)
        during = p95(search_latencies(port, seconds))
        wait_idle(port)
        bare = beside_bare_tesseract(port, scanned_page_image(data_dir.parent / "page.pgm"),
                                     seconds)
        return {"load": load, "search p95 idle": idle, "search p95 during OCR": during,
                "search p95 beside bare Tesseract": bare, "idle read (s)": idle_read(port)}
    finally:
        server.terminate()
        server.wait(60)


def compare(trees: dict[str, Path], data_dir: Path, seconds: float, rounds: int) -> None:
    """The load rounds for every tree, taking turns; each round, then the medians."""
    found: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for n in range(rounds):
        for name, root in trees.items():
            result = load_round(root, data_dir, seconds)
            found[name].append(result)
            print(f"round {n + 1} {name:12s} " + "  ".join(
                f"{k} {v:.2f}" for k, v in result.items()), file=sys.stderr, flush=True)
    print(f"\nsearch p95 (ms) and an idle OCR read (s), median of {rounds} rounds; "
          "load = 1-min load average at each round's start")
    for name, results in found.items():
        medians = {k: statistics.median(r[k] for r in results) for k in results[0]}
        loads = " ".join(f"{r['load']:.2f}" for r in results)
        print(f"  {name:12s} idle {medians['search p95 idle']:7.1f}  during OCR "
              f"{medians['search p95 during OCR']:7.1f}  beside bare Tesseract "
              f"{medians['search p95 beside bare Tesseract']:7.1f}  "
              f"read {medians['idle read (s)']:6.2f} s"
              f"  (load {loads})")


def run(port: int, uploads: int, waiting: int, seconds: float) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {}
    log_in(port)
    search_latencies(port, 3)  # warm up (caches, lazily loaded tables)
    results["search idle"] = search_latencies(port, seconds)
    ocr_batch = [post_file(port, "/api/jobs", "skannad.pdf", variant(SCANNED)) for _ in range(3)]
    ocr_seen = wait_for_ocr(port, ocr_batch[0][2]["batch"])
    results["search during OCR"] = search_latencies(port, seconds)
    if not ocr_seen:
        print("warning: no job was seen in the OCR stage", file=sys.stderr)
    files = sample(uploads)
    queued = [post_file(port, "/api/jobs", p.name, variant(p)) for p in files]
    assert all(status == 202 for _, status, _ in queued), [s for _, s, _ in queued]
    results["POST /api/jobs (queued)"] = [t for t, _, _ in queued] + [t for t, _, _ in ocr_batch]
    print("waiting for the queued files to be read …", file=sys.stderr)
    wait_idle(port)
    results["POST /api/documents (read and stored)"] = waited_uploads(port, files[:waiting])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--uploads", type=int, default=20)
    parser.add_argument("--waiting", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--before", type=Path, action="append", default=[],
                        help="another checkout (repeatable): its upload and load rounds too")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only-rounds", action="store_true",
                        help="only the load rounds, not the upload latencies")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-upload-") as tmp:
        data_dir = prepare(args.data_dir, Path(tmp))
        if args.before or args.only_rounds:
            trees = {"this tree": ROOT, **{str(b.name): b for b in args.before}}
            compare(trees, data_dir, args.seconds, args.rounds)
        if args.only_rounds:
            return
        port = free_port()
        server = start_server(data_dir, port)
        try:
            results = run(port, args.uploads, args.waiting, args.seconds)
        finally:
            server.terminate()
            server.wait(60)
        for root in args.before:
            files = sample(args.uploads)[: args.waiting]
            results[f"before: POST /api/documents ({root.name})"] = before(
                root, Path(tmp) / "data", files)
    print(f"\nupload and search latency ({args.uploads} + 3 scanned queued, {args.waiting} "
          "waited for; the scanned poster first)")
    for name, times in results.items():
        print(f"  {name:40s} {pcts(times)}")


if __name__ == "__main__":
    main()
