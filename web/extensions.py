"""Flask extensions shared by the blueprints (initialised in create_app)."""

from __future__ import annotations

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def init_limiter(app: Flask) -> Limiter:
    """A limiter per app (its own memory storage): login attempts per client address."""
    limiter = Limiter(get_remote_address, app=app)
    view = app.view_functions["coordinator.login"]
    app.view_functions["coordinator.login"] = limiter.limit(_login_limit, methods=["POST"])(view)
    # failed HTTP Basic logins on the API count against the same budget as the login form
    upload = app.view_functions["api.upload"]
    app.view_functions["api.upload"] = limiter.limit(
        _login_limit, methods=["POST"], deduct_when=lambda response: response.status_code == 401
    )(upload)
    app.extensions["exempelbanken_limiter"] = limiter
    return limiter
