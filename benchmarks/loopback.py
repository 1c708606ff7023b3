"""What the benchmarks that drive a real server on loopback share: queries, a port, a server
started from a few lines of code with its log in a file, a wait."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# searches a new team might make: words, phrases, filters, sorting and paging
QUERIES = [
    {"q": "skolnärvaro"},
    {"q": "hembesök socialtjänst"},
    {"q": "få barn att röra på sig"},
    {"q": "föräldrastöd", "sort": "date"},
    {"q": "", "fokus": "Psykisk hälsa"},
    {"q": "familjecentral", "kommun": "Värnamo"},
    {"q": "närvaro", "sort": "date"},
    {"q": "trygghetscirkeln"},
    {"q": "läxhjälp bibliotek"},
    {"q": "", "page": "2"},
]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(port: int, seconds: float) -> bool:
    """Whether a server on ``port`` answers a search with 200 within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/search?q=test")
            ok = conn.getresponse().status == 200
            conn.close()
            if ok:
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def start_app_server(code: str, source: Path, port: int) -> subprocess.Popen:
    """A Python server started from ``code`` in the tree ``source``, once it answers on ``port``.

    Its output goes to a file, never to a pipe nobody reads: under load waitress warns on every
    queued request, and a full pipe would stop the server mid-benchmark."""
    fd, log = tempfile.mkstemp(prefix="exempelbanken-bench-", suffix=".log")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=source,
                            env={**os.environ, "PYTHONPATH": str(source)},
                            stdout=fd, stderr=subprocess.STDOUT)
    os.close(fd)
    if wait_until_serving(port, 120):
        return proc
    proc.kill()
    tail = Path(log).read_bytes()[-2000:].decode(errors="replace")
    raise RuntimeError("server did not start: " + tail)
