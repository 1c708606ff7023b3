"""The Exempelbanken web application: search UI, example and concept pages, coordinator tools
and the JSON API under /api.

Flask and the library are imported in ``create_app``, not here: the command line
(web/cli.py) lives in this package, and a search from it needs neither.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from search.datadir import ENV_VAR as DATA_DIR_ENV
from search.datadir import resolve_data_dir

if TYPE_CHECKING:
    from flask import Flask

DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024
SECRET_KEY_ENV = "EXEMPELBANKEN_SECRET_KEY"


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def _static_versions(app: Flask) -> None:
    """Static URLs carry the file's modification time (?v=...), so browsers may keep them long."""
    static_dir = Path(app.static_folder or "")
    versions: dict[str, str] = {}

    @app.url_defaults
    def _version(endpoint: str, values: dict[str, Any]) -> None:
        if endpoint != "static" or "filename" not in values or "v" in values:
            return
        name = values["filename"]
        if name not in versions or app.debug:
            try:
                versions[name] = str(int((static_dir / name).stat().st_mtime))
            except OSError:
                versions[name] = "0"
        values["v"] = versions[name]


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Application factory. ``test_config`` overrides every setting (DATA_DIR, TESTING ...)."""
    from flask import Flask

    from search.secret import stored_secret_key
    from web.library import LibraryHolder

    app = Flask(__name__, instance_relative_config=True)
    _configure(app, test_config)
    data_dir = resolve_data_dir(app.config["DATA_DIR"])  # absolute from here on
    app.config["DATA_DIR"] = str(data_dir)
    if not app.config.get("SECRET_KEY"):  # else the environment's, else the data directory's
        app.config["SECRET_KEY"] = os.environ.get(SECRET_KEY_ENV) or stored_secret_key(data_dir)
    _trust_proxies(app)
    app.extensions["exempelbanken"] = LibraryHolder(
        data_dir, float(app.config["SEARCH_CACHE_SECONDS"])
    )
    _register(app)
    return app


def _configure(app: Flask, test_config: dict[str, Any] | None) -> None:
    """The settings: defaults, some read from the environment, then ``test_config``."""
    testing = bool(test_config and test_config.get("TESTING"))
    app.config.from_mapping(
        DATA_DIR=os.environ.get(DATA_DIR_ENV) or app.instance_path,
        MAX_CONTENT_LENGTH=int(
            os.environ.get("EXEMPELBANKEN_MAX_UPLOAD", DEFAULT_MAX_UPLOAD)
        ),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=_env_flag("EXEMPELBANKEN_SECURE_COOKIES", not testing),
        SESSION_COOKIE_NAME="exempelbanken",
        PERMANENT_SESSION_LIFETIME=8 * 3600,
        WTF_CSRF_CHECK_DEFAULT=False,  # checked in web.security (the API has its own rules)
        WTF_CSRF_TIME_LIMIT=None,
        WTF_CSRF_SSL_STRICT=False,
        RATELIMIT_STORAGE_URI="memory://",
        RATELIMIT_HEADERS_ENABLED=True,
        LOGIN_RATE_LIMIT="10/minute",
        SEARCH_PER_PAGE=10,
        API_MAX_PER_PAGE=100,
        THUMB_WIDTH=600,
        TRUSTED_PROXIES=int(os.environ.get("EXEMPELBANKEN_TRUSTED_PROXIES", 0)),
        SEARCH_CACHE_SECONDS=float(os.environ.get("EXEMPELBANKEN_SEARCH_CACHE_SECONDS", 30)),
        # uploads through the web wait for a coordinator's review unless this is set
        PUBLISH_UPLOADS=_env_flag("EXEMPELBANKEN_PUBLISH_UPLOADS", False),
        SEND_FILE_MAX_AGE_DEFAULT=7 * 24 * 3600,
    )
    if test_config:
        app.config.update(test_config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False


def _trust_proxies(app: Flask) -> None:
    """Behind a reverse proxy: client address (login rate limit) and scheme from X-Forwarded-*."""
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )


def _register(app: Flask) -> None:
    """Extensions, template filters, error pages and the blueprints."""
    from web import errors, filters, security
    from web.extensions import csrf, init_limiter
    from web.views import (
        api,
        concepts,
        coordinator,
        examples,
        inbox,
        jobs,
        people,
        search,
        sheets,
        start,
        thesaurus,
    )

    csrf.init_app(app)
    _static_versions(app)
    security.init_app(app)
    filters.init_app(app)
    errors.init_app(app)
    app.register_blueprint(search.bp)
    app.register_blueprint(examples.bp)
    app.register_blueprint(concepts.bp)
    app.register_blueprint(start.bp)
    app.register_blueprint(sheets.bp)
    app.register_blueprint(coordinator.bp)
    app.register_blueprint(inbox.bp)
    app.register_blueprint(thesaurus.bp)
    app.register_blueprint(people.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(jobs.bp)
    init_limiter(app)
