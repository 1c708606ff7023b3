"""Flask extensions shared by the blueprints (initialised in create_app)."""

from __future__ import annotations

import os

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()

SEARCH_RATE_LIMIT = "120/minute"  # searches per client address, the page and the API together
SEARCH_RATE_LIMIT_ENV = "EXEMPELBANKEN_SEARCH_RATE_LIMIT"


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _search_limit() -> str:
    return current_app.config["SEARCH_RATE_LIMIT"]


def _limit_searches(app: Flask, limiter: Limiter) -> None:
    """One budget per client for the search page and the search API (a 429 when spent)."""
    app.config.setdefault(
        "SEARCH_RATE_LIMIT", os.environ.get(SEARCH_RATE_LIMIT_ENV) or SEARCH_RATE_LIMIT
    )
    shared = limiter.shared_limit(_search_limit, scope="search")
    for endpoint in ("search.index", "api.search"):
        app.view_functions[endpoint] = shared(app.view_functions[endpoint])


def init_limiter(app: Flask) -> Limiter:
    """A limiter per app (its own memory storage): login attempts and searches per client
    address (behind a proxy, TRUSTED_PROXIES makes that the client's, not the proxy's)."""
    limiter = Limiter(get_remote_address, app=app)
    view = app.view_functions["coordinator.login"]
    app.view_functions["coordinator.login"] = limiter.limit(_login_limit, methods=["POST"])(view)
    # failed HTTP Basic logins on the API count against the same budget as the login form
    upload = app.view_functions["api.upload"]
    app.view_functions["api.upload"] = limiter.limit(
        _login_limit, methods=["POST"], deduct_when=lambda response: response.status_code == 401
    )(upload)
    _limit_searches(app, limiter)
    app.extensions["exempelbanken_limiter"] = limiter
    return limiter
