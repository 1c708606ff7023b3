"""Error pages in Swedish, and JSON errors under /api."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from search.errors import LibraryError

log = logging.getLogger(__name__)

MESSAGES = {
    400: "Felaktig begäran.",
    401: "Inloggning krävs.",
    403: "Du saknar behörighet.",
    404: "Sidan finns inte.",
    405: "Metoden är inte tillåten här.",
    413: "Filen är för stor.",
    415: "Filtypen stöds inte.",
    422: "Filen kunde inte läsas.",
    429: "För många försök. Vänta en stund och försök igen.",
    500: "Något gick fel på servern.",
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/api"


def error_response(status: int, message: str | None = None) -> Response:
    message = message or MESSAGES.get(status, "Fel.")
    if wants_json():
        response = jsonify({"error": message})
        if status == 401 and "X-CSRFToken" not in request.headers:
            # tools get the Basic challenge; the upload page's script must not trigger the
            # browser's own login dialog
            response.headers["WWW-Authenticate"] = 'Basic realm="Exempelbanken", charset="UTF-8"'
    else:
        response = make_response(render_template("error.html", status=status, message=message))
    response.status_code = status
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError) -> Response:
        return error_response(400, "Formuläret har gått ut eller saknar säkerhetstoken. "
                                   "Ladda om sidan och försök igen.")

    @app.errorhandler(LibraryError)
    def _library(error: LibraryError) -> Response:
        return error_response(error.status, error.message)

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException) -> Response:
        status = error.code or 500
        response = error_response(status, MESSAGES.get(status, error.description))
        valid = getattr(error, "valid_methods", None)
        if status == 405 and valid:
            response.headers["Allow"] = ", ".join(valid)
        retry = error.get_headers() if status == 429 else []
        for key, value in retry:
            if key.lower() == "retry-after":
                response.headers[key] = value
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        if isinstance(error, HTTPException):
            return _http(error)
        log.exception("unhandled error on %s", request.path)
        return error_response(InternalServerError.code)
