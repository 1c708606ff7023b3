"""Security plumbing: response headers, CSRF for forms, coordinator sessions and API credentials."""

from __future__ import annotations

import functools
import hmac
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlsplit

from flask import (
    Flask,
    Response,
    has_request_context,
    redirect,
    request,
    session,
    url_for,
)
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFError

from web.extensions import csrf
from web.library import get_library

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "[::1]"}
SESSION_TOKEN = "sid"  # the user's session token (search.users) at login
MAX_DECODE_ROUNDS = 4  # %25-encoded layers of a `nasta` target looked through


class SessionInterface(SecureCookieSessionInterface):
    """Session cookies are Secure when SESSION_COOKIE_SECURE is on, except for plain-HTTP
    requests addressed to this machine's loopback name (``make run`` on 127.0.0.1), where
    browsers could drop a Secure cookie and with it the login and every form's CSRF token."""

    def get_cookie_secure(self, app: Flask) -> bool:
        if not app.config["SESSION_COOKIE_SECURE"]:
            return False
        if has_request_context() and not request.is_secure:
            host = request.host.rsplit(":", 1)[0] if not request.host.startswith("[") else (
                request.host.split("]")[0] + "]"
            )
            if host.lower() in LOOPBACK_HOSTS:
                return False
        return True


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
    app.before_request(_check_session)
    app.before_request(_csrf_for_forms)
    app.after_request(_security_headers)


def _check_session() -> None:
    """A session is valid while it holds the user's current session token: logging out or a
    new password replaces the token, so a session cookie copied before then stops working."""
    if request.endpoint == "static" or "user" not in session:
        return
    user = session.get("user")
    token = session.get(SESSION_TOKEN)
    current = None
    if isinstance(user, str) and user and isinstance(token, str) and token:
        current = get_library().session_token(user)
    if current is None or not hmac.compare_digest(token.encode(), current.encode()):
        session.clear()


def _csrf_for_forms() -> None:
    """Every non-API form post needs the CSRF token; the API checks its own (see api_user).
    A request that matches no route (404) or method (405) gets that error, not a CSRF one."""
    if request.path.startswith("/api/") or request.routing_exception is not None:
        return
    csrf.protect()


def _security_headers(response: Response) -> Response:
    headers = response.headers
    if response.mimetype != "application/pdf":
        headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if current_user() is not None:
        headers["Cache-Control"] = "no-store"
    return response


def current_user() -> str | None:
    user = session.get("user")
    return user if isinstance(user, str) and user else None


def log_in(name: str) -> bool:
    """Start a new session for ``name``; False (and no session) if the user is gone."""
    session.clear()
    token = get_library().session_token(name)
    if token is None:
        return False
    session["user"] = name
    session[SESSION_TOKEN] = token
    session.permanent = True
    return True


def log_out() -> None:
    """End the session here and on the server: every session of the user stops working."""
    user = current_user()
    if user is not None:
        get_library().end_sessions(user)
    session.clear()


def _is_plain_local_path(target: str) -> bool:
    """An absolute path on this site: no scheme or host, no ``//`` or backslash that a browser
    could read as another host, no control character (CR/LF would split the header)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    if any(unicodedata.category(char) == "Cc" for char in target):
        return False
    parts = urlsplit(target)
    return not (parts.scheme or parts.netloc)


def is_local_target(target: str) -> bool:
    """``target`` and every percent-decoding of it are plain local paths."""
    for _ in range(MAX_DECODE_ROUNDS):
        if not _is_plain_local_path(target):
            return False
        decoded = unquote(target)
        if decoded == target:
            return True
        target = decoded
    return False  # encoded more times than any link of ours


def safe_next(target: str | None) -> str:
    """A local path to go to after login; anything else goes to the coordinator start page."""
    if target and is_local_target(target):
        return target
    return url_for("coordinator.home")


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if current_user() is None:
            return redirect(url_for("coordinator.login", nasta=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapper


class ApiAuthError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def api_user() -> str:
    """The coordinator behind an API write: HTTP Basic credentials (no CSRF needed), or a
    logged-in session plus the X-CSRFToken header. Raises ApiAuthError(401|403)."""
    auth = request.authorization
    if auth is not None:
        if auth.type != "basic" or not auth.username or auth.password is None:
            raise ApiAuthError(401, "Endast HTTP Basic-inloggning stöds.")
        if not get_library().check_user(auth.username, auth.password):
            raise ApiAuthError(401, "Fel användarnamn eller lösenord.")
        return auth.username
    user = current_user()
    if user is None:
        raise ApiAuthError(401, "Inloggning krävs.")
    try:
        csrf.protect()
    except CSRFError as exc:
        raise ApiAuthError(403, "CSRF-token saknas eller är ogiltig.") from exc
    return user
