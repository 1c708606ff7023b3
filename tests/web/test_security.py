"""Response headers, cookies, secret key handling and the production server entry point."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from web import create_app


@pytest.mark.parametrize("url", ["/", "/koncept", "/logga-in", "/api/search", "/nope"])
def test_security_headers(client: FlaskClient, url: str) -> None:
    headers = client.get(url).headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"]


def test_no_inline_scripts_or_styles(client: FlaskClient) -> None:
    import re

    for url in ("/", "/koncept", "/logga-in"):
        body = client.get(url).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", body), url
        assert " style=" not in body and "<style" not in body, url
        assert " onclick=" not in body and " onchange=" not in body, url


def test_secret_key_generated_once_and_kept(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.delenv("EXEMPELBANKEN_SECRET_KEY", raising=False)
    first = create_app({"TESTING": True, "DATA_DIR": str(tmp_path)})
    second = create_app({"TESTING": True, "DATA_DIR": str(tmp_path)})
    key_file = tmp_path / "secret_key"
    assert key_file.exists()
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert len(first.config["SECRET_KEY"]) >= 32
    monkeypatch.setenv("EXEMPELBANKEN_SECRET_KEY", "fran-miljon")
    assert create_app({"DATA_DIR": str(tmp_path)}).config["SECRET_KEY"] == "fran-miljon"


def test_data_dir_from_environment(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("EXEMPELBANKEN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("EXEMPELBANKEN_SECURE_COOKIES", "0")
    app = create_app()
    assert app.config["DATA_DIR"] == str(tmp_path / "data")
    assert app.config["SESSION_COOKIE_SECURE"] is False
    assert app.config["MAX_CONTENT_LENGTH"] == 50 * 1024 * 1024


def test_cli_runner_sees_the_app(runner) -> None:  # noqa: ANN001
    result = runner.invoke(args=["status"])
    assert result.exit_code == 0, result.output
    assert "dokument" in result.output and "exempel" in result.output


def test_server_entry_point_uses_waitress(monkeypatch) -> None:  # noqa: ANN001
    import waitress

    from web import server

    calls: dict = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: calls.update(kw, app=app))
    app = create_app({"TESTING": True, "DATA_DIR": "/nonexistent-never-opened"})
    server.serve(app, "127.0.0.1", 5099)
    assert calls["threads"] == 8 and calls["port"] == 5099 and calls["app"] is app
