"""Flask extensions shared by the blueprints: made once here, bound to each app in create_app.

The limiter's decorators sit on the views they limit (``login_limit``, ``api_login_limit`` and
``search_limit`` below); the limits themselves are read from the app's config at request time.
Counts are kept per client address (behind a proxy TRUSTED_PROXIES makes that the client's, not
the proxy's) in RATELIMIT_STORAGE_URI: ``memory://`` (this process) unless set; ``serve``, which
answers from more than one process, sets ``shared_limits_uri``: the data directory's counters
(search.ratelimits), one budget per client whichever process answers. ``init_limiter`` opens
that storage, so every app made in a process (the tests make many) starts from fresh counts.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from flask import Flask, Response, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect
from limits.storage import Storage

from search.ratelimits import Counters, counters

csrf = CSRFProtect()
limiter = Limiter(get_remote_address)

SEARCH_RATE_LIMIT = "120/minute"  # searches per client address, the page and the API together
SEARCH_RATE_LIMIT_ENV = "EXEMPELBANKEN_SEARCH_RATE_LIMIT"


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _search_limit() -> str:
    return current_app.config["SEARCH_RATE_LIMIT"]


def _failed_login(response: Response) -> bool:
    return response.status_code == 401


# One budget of login attempts per client (LOGIN_RATE_LIMIT): every POST of the login form, and
# the failed HTTP Basic logins of API writes.
login_limit = limiter.shared_limit(_login_limit, scope="login", methods=["POST"])
api_login_limit = limiter.shared_limit(
    _login_limit, scope="login", methods=["POST"], deduct_when=_failed_login
)
# One budget per client for the search page and the search API (SEARCH_RATE_LIMIT).
search_limit = limiter.shared_limit(_search_limit, scope="search")


def init_limiter(app: Flask) -> None:
    """Bind the limiter to ``app``; SEARCH_RATE_LIMIT defaults to the environment's."""
    app.config.setdefault(
        "SEARCH_RATE_LIMIT", os.environ.get(SEARCH_RATE_LIMIT_ENV) or SEARCH_RATE_LIMIT
    )
    limiter.init_app(app)


SHARED_SCHEME = "exempelbanken"


def shared_limits_uri(data_dir: Path | str) -> str:
    """RATELIMIT_STORAGE_URI of the counters every process serving ``data_dir`` shares."""
    return f"{SHARED_SCHEME}://{counters(data_dir).path}"


class SharedStorage(Storage):
    """The limits library's storage over search.ratelimits (fixed windows only, the
    limiter's default strategy)."""

    STORAGE_SCHEME = [SHARED_SCHEME]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options: Any) -> None:
        super().__init__(uri, wrap_exceptions, **options)
        self.counters = Counters(unquote(urlsplit(uri).path))

    @property
    def base_exceptions(self) -> type[Exception]:
        import sqlite3

        return sqlite3.Error

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        return self.counters.incr(key, expiry, amount)

    def get(self, key: str) -> int:
        return self.counters.get(key)

    def get_expiry(self, key: str) -> float:
        return self.counters.expiry(key)

    def check(self) -> bool:
        return self.counters.path.parent.is_dir()

    def reset(self) -> int | None:
        return self.counters.reset()

    def clear(self, key: str) -> None:
        self.counters.clear(key)
