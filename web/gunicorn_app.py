"""gunicorn for ``serve``: worker processes of threads (gthread) around the one app.

The app is made in the parent before gunicorn forks, and nothing of it is opened there; each
worker opens its library after the fork (``opened``) and closes it when it ends (``closed``,
also on Ctrl-C); a worker that cannot open it stops gunicorn (``WORKER_BOOT_ERROR``). A request
gunicorn refuses itself (a malformed request line or header) is answered with the app's own
Swedish error page, as under waitress (web.server).

Connections are not kept alive: a gthread worker keeps every connection it accepted, so a few
kept-alive clients (a proxy, a load generator) would all be answered by one process while the
other idles; closed after each answer, each new connection goes to whichever worker accepts it
first, the less busy one.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter
from gunicorn.workers.gthread import ThreadWorker

from web.server import _fallback, log, render_server_error

LIMIT_REQUEST_LINE = 8190  # gunicorn's largest; long search addresses (many filters) pass


class _Captured:
    """A socket that keeps what gunicorn would have sent (its own error page)."""

    def __init__(self) -> None:
        self.data = b""

    def gettimeout(self) -> float:
        return 0.0

    def sendall(self, data: bytes) -> None:
        self.data += data


class Worker(ThreadWorker):
    """gunicorn's gthread worker whose own error answers are the app's pages, and which ends
    once when told to quit.

    Ctrl-C in a terminal reaches every process: gunicorn's master then tells each worker to
    quit with SIGQUIT, so the worker ignores the terminal's SIGINT and is told once. Handling
    both, the two could arrive together: Python runs one handler, which ends the process
    (SystemExit), and the other stayed pending until some later call checked for signals
    (stopping the PDF reader's processes, removing a temporary folder at exit); its handler
    was SIG_IGN by then, and Python printed "OSError: Signal 3 ignored due to race
    condition" with a traceback.
    """

    def init_signals(self) -> None:
        # SIGINT held back until it is ignored: one arriving in between is dropped
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            super().init_signals()
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def handle_quit(self, sig: int, frame: Any) -> None:
        signal.signal(signal.SIGQUIT, signal.SIG_IGN)  # closing the library is not interrupted
        super().handle_quit(sig, frame)

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        captured = _Captured()
        super().handle_error(req, captured, addr, exc)  # logs it, and says which status
        try:
            status = int(captured.data.split(b" ", 2)[1])
        except (IndexError, ValueError):
            status = 500
        path = getattr(req, "path", None)
        path = path if isinstance(path, str) and path.startswith("/") else "/"
        remote = str(addr[0]) if isinstance(addr, tuple) and addr else "127.0.0.1"
        try:
            status_line, headers, body = render_server_error(self.wsgi, status, path, remote)
        except Exception:  # noqa: BLE001 - an error page must always be sent
            log.exception("could not render the server error %s", status)
            status_line, headers, body = _fallback(status)
        head = [f"HTTP/1.1 {status_line}", "Connection: close",
                f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in headers)]
        with suppress(OSError):
            client.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)


class _Application(BaseApplication):  # type: ignore[misc]
    def __init__(self, app: Flask, settings: dict[str, Any]) -> None:
        self.app = app
        self.settings = settings
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.settings.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.app


def run(app: Flask, host: str, port: int, processes: int, threads: int,
        opened: Callable[[], None], closed: Callable[[], None], stop_seconds: int) -> None:
    """Serve ``app`` with gunicorn until interrupted; ``opened`` and ``closed`` run in each
    worker process after it starts and before it ends."""

    def post_worker_init(_worker: Any) -> None:
        try:
            opened()
        except Exception as exc:
            # gunicorn stops (instead of starting the worker again and again) on this code
            log.exception("the worker could not open the library")
            raise SystemExit(Arbiter.WORKER_BOOT_ERROR) from exc

    def worker_exit(_server: Any, _worker: Any) -> None:
        closed()

    settings = {
        "bind": [f"{host}:{port}"], "workers": processes, "threads": threads,
        "worker_class": f"{Worker.__module__}.{Worker.__name__}",
        "graceful_timeout": stop_seconds, "timeout": 120, "keepalive": 0,
        "limit_request_line": LIMIT_REQUEST_LINE, "proc_name": "exempelbanken",
        "post_worker_init": post_worker_init, "worker_exit": worker_exit,
        "forwarded_allow_ips": "",  # proxies are trusted by the app (TRUSTED_PROXIES) only
        "loglevel": "warning",
    }
    _Application(app, settings).run()
