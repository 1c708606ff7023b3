"""Production serving with waitress."""

from __future__ import annotations

from flask import Flask


def serve(app: Flask, host: str = "127.0.0.1", port: int = 5000, threads: int = 8) -> None:
    """Serve ``app`` with waitress until interrupted."""
    from waitress import serve as waitress_serve

    # Uploads are capped by MAX_CONTENT_LENGTH in Flask; let waitress accept a bit more so the
    # app, not the server, answers 413 with a proper message.
    app.extensions["exempelbanken"].get()  # open catalogue and index before the first visitor
    max_body = int(app.config.get("MAX_CONTENT_LENGTH") or 50 * 1024 * 1024) + 1024 * 1024
    try:
        waitress_serve(
            app,
            host=host,
            port=port,
            threads=threads,
            max_request_body_size=max_body,
            ident="Exempelbanken",
            channel_timeout=120,
        )
    finally:
        # stop the PDF reader's child processes and close the store, so Ctrl-C ends the
        # process at once and leaves no semaphores or half-written files behind
        app.extensions["exempelbanken"].close()
