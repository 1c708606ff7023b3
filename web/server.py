"""Production serving: gunicorn (Linux), or waitress.

One Python process answers with at most one core, so on Linux ``serve`` runs gunicorn with
``PROCESSES`` worker processes sharing ``threads`` threads (gthread; fewer threads per process
wait less for the one interpreter lock). The app is made once, in the parent, without opening
anything; each worker opens its own library (catalogue, index,
readers) after the fork, runs ``on_start`` (the upload queue's writer: every process starts one,
and the data directory's writer lock lets one write and read at a time), and closes it all when
it ends. What must be shared is: rate limits count in the data directory
(``production_config``, web.extensions), caches are kept per process and per catalogue change.
waitress (one process, threads) is the fallback elsewhere, or with ``--server waitress``.

Uploads are capped by MAX_CONTENT_LENGTH in Flask; waitress accepts a bit more, so the app, not
the server, answers a body slightly over the limit. A body far over it is refused by waitress as
soon as its Content-Length is read (nothing is buffered), and so is a malformed request; those
answers are rendered by the app too (``ErrorTask``), so every error is the app's Swedish page,
or ``{"error": ...}`` under /api.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer
from waitress.task import ErrorTask as WaitressErrorTask
from werkzeug.test import EnvironBuilder, run_wsgi_app

from web.errors import SERVER_ERROR_KEY, message_for
from web.extensions import shared_limits_uri

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 50 * 1024 * 1024
BODY_MARGIN = 1024 * 1024  # waitress takes this much more than Flask's limit
PRIVATE_UMASK = 0o077  # files the server makes (index, thumbnails, locks) are the owner's only
HOP_BY_HOP = {"connection", "content-length", "transfer-encoding", "keep-alive"}
SERVERS = ("gunicorn", "waitress")
SERVER_ENV = "EXEMPELBANKEN_SERVER"
PROCESSES = 2  # gunicorn's worker processes
STOP_SECONDS = 25  # a worker's own stop (upload writer, readers) is bounded under this


def _error_path(request: Any) -> str:
    """The path of the refused request when waitress could read it, else "/"."""
    path = getattr(request, "path", None)
    return path if isinstance(path, str) and path.startswith("/") else "/"


def _remote_addr(channel: Any) -> str:
    addr = getattr(channel, "addr", None)
    return str(addr[0]) if isinstance(addr, tuple) and addr else "127.0.0.1"


def render_server_error(app: Any, status: int, path: str, remote_addr: str = "127.0.0.1"
                        ) -> tuple[str, list[tuple[str, str]], bytes]:
    """The app's own answer (status line, headers, body) for an error the server found: a
    bodiless GET of ``path`` that the app turns into that error (web.errors)."""
    environ = EnvironBuilder(
        path=path, method="GET", environ_base={"REMOTE_ADDR": remote_addr, "REMOTE_PORT": "0"}
    ).get_environ()
    environ[SERVER_ERROR_KEY] = status
    app_iter, status_line, headers = run_wsgi_app(app, environ, buffered=True)
    try:
        body = b"".join(app_iter)
    finally:
        close = getattr(app_iter, "close", None)
        if close is not None:
            close()
    if int(status_line.split(" ", 1)[0]) != status:
        raise RuntimeError(f"the app answered {status_line} for a server error {status}")
    kept = [(k, v) for k, v in headers.to_wsgi_list() if k.lower() not in HOP_BY_HOP]
    return status_line, kept, body


def _fallback(status: int) -> tuple[str, list[tuple[str, str]], bytes]:
    body = (f'<!doctype html><html lang="sv"><meta charset="utf-8"><title>Fel {status}</title>'
            f"<p>{message_for(status)} Felkod {status}.</p></html>").encode()
    return f"{status} Fel", [("Content-Type", "text/html; charset=utf-8")], body


class ErrorTask(WaitressErrorTask):
    """waitress's answer to a request it refuses itself, rendered by the app."""

    def execute(self) -> None:
        status = int(self.request.error.code)
        try:
            status_line, headers, body = render_server_error(
                self.channel.server.application, status, _error_path(self.request),
                _remote_addr(self.channel),
            )
        except Exception:  # noqa: BLE001 - an error page must always be sent
            log.exception("could not render the server error %s", status)
            status_line, headers, body = _fallback(status)
        self.status = status_line
        self.response_headers.extend(headers)
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class Channel(HTTPChannel):
    error_task_class = ErrorTask


def create_server(app: Flask, **options: Any) -> Any:
    """``waitress.create_server`` whose own error answers are the app's pages."""
    from waitress import create_server as waitress_create_server

    socket_map: dict[int, Any] = {}
    server = waitress_create_server(app, map=socket_map, **options)
    for dispatcher in list(socket_map.values()):
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = Channel
    return server


def server_options(app: Flask, host: str, port: int, threads: int = 8) -> dict[str, Any]:
    """waitress settings for ``app``."""
    max_body = int(app.config.get("MAX_CONTENT_LENGTH") or DEFAULT_MAX_BODY) + BODY_MARGIN
    options = {"host": host, "port": port, "threads": threads, "max_request_body_size": max_body,
               "ident": "Exempelbanken", "channel_timeout": 120}
    if int(app.config.get("TRUSTED_PROXIES") or 0) > 0:
        # waitress drops X-Forwarded-* by default; behind our own proxy ProxyFix reads them, so
        # the login and search limits count per client, not per proxy
        options["clear_untrusted_proxy_headers"] = False
    return options


def production_config(data_dir: Path | str) -> dict[str, Any]:
    """Settings every serving process shares: rate limits counted in the data directory."""
    return {"RATELIMIT_STORAGE_URI": shared_limits_uri(data_dir)}


def default_server() -> str:
    """``$EXEMPELBANKEN_SERVER``, else gunicorn on Linux (it forks), else waitress."""
    chosen = os.environ.get(SERVER_ENV, "").strip().lower()
    if chosen in SERVERS:
        return chosen
    return "gunicorn" if sys.platform.startswith("linux") else "waitress"


def serve(app: Flask, host: str = "127.0.0.1", port: int = 5000, threads: int = 8,
          server: str | None = None, on_start: Callable[[Flask], Any] | None = None) -> None:
    """Serve ``app`` until interrupted, with gunicorn (``PROCESSES`` processes, ``threads``
    threads in all) or waitress (one process); ``on_start`` runs in each serving process first."""
    old_umask = os.umask(PRIVATE_UMASK)
    try:
        if (server or default_server()) == "gunicorn":
            from web.gunicorn_app import run

            run(app, host, port, PROCESSES, max(1, threads // PROCESSES),
                lambda: _open(app, on_start),
                lambda: _close(app), STOP_SECONDS)
        else:
            _serve_waitress(app, host, port, threads, on_start)
    finally:
        os.umask(old_umask)


def _open(app: Flask, on_start: Callable[[Flask], Any] | None) -> None:
    """Open catalogue and index, and build the concept view, before the first visitor."""
    if on_start is not None:
        on_start(app)
    app.extensions["exempelbanken"].get().concept_view()


def _close(app: Flask) -> None:
    """Stop the PDF reader's child processes and close the store, so Ctrl-C ends the process
    at once and leaves no semaphores or half-written files behind."""
    app.extensions["exempelbanken"].close()


def _serve_waitress(app: Flask, host: str, port: int, threads: int,
                    on_start: Callable[[Flask], Any] | None) -> None:
    from waitress import serve as waitress_serve

    try:
        _open(app, on_start)
        # waitress.serve's ``_server`` picks the server factory (here: Swedish error answers)
        waitress_serve(app, _server=create_server, **server_options(app, host, port, threads))
    finally:
        _close(app)
