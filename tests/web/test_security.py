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


def test_server_entry_point_with_waitress(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    import waitress

    from web import server

    calls: dict = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: calls.update(kw, app=app))
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data")})
    server.serve(app, "127.0.0.1", 5099, server="waitress")
    assert calls["threads"] == 8 and calls["port"] == 5099 and calls["app"] is app
    assert (tmp_path / "data").is_dir()  # the library was opened before serving
    app.extensions["exempelbanken"].close()


def test_secure_cookie_in_production_except_plain_loopback(web_store: Path) -> None:
    from .conftest import PASSWORD, USER, close_app, csrf_token

    app = create_app({"DATA_DIR": str(web_store), "SECRET_KEY": "x"})
    try:
        assert app.config["SESSION_COOKIE_SECURE"] is True
        for base, secure in (
            ("https://exempel.example", True),
            ("http://exempel.example", True),
            ("http://127.0.0.1:5000", False),
            ("http://localhost:5000", False),
        ):
            client = app.test_client()
            token = csrf_token(client, base + "/logga-in")
            response = client.post(
                base + "/logga-in",
                data={"namn": USER, "losenord": PASSWORD, "csrf_token": token},
            )
            cookie = response.headers["Set-Cookie"]
            assert ("Secure" in cookie) is secure, (base, cookie)
            assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    finally:
        close_app(app)


def test_a_chosen_filter_value_is_escaped_in_the_facets(client: FlaskClient) -> None:
    """A filter value from the address is shown among the facets (checked, with no hits), as
    text: never as markup."""
    hostile = '"><script>alert(1)</script>'
    page = client.get("/", query_string={"q": "skola", "kommun": hostile}).get_data(as_text=True)
    facets = page[page.index('id="facet-kommun"'):page.index("</fieldset>",
                                                          page.index('id="facet-kommun"'))]
    assert "<script>" not in page
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in facets
    assert "checked" in facets
