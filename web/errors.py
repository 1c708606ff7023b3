"""Error pages in Swedish, and JSON errors under /api.

Errors the WSGI server finds before the app sees the request (a body over waitress's limit, a
malformed request) are rendered by the app too: web.server asks for them with a bodiless
request that carries ``SERVER_ERROR_KEY`` in its environ (see ``_server_error``).
"""

from __future__ import annotations

import logging

from flask import Flask, Response, abort, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, default_exceptions

from search.errors import LibraryError
from search.records import ErrorBody

log = logging.getLogger(__name__)

SERVER_ERROR_KEY = "exempelbanken.server_error"  # WSGI environ: a status the server found

MESSAGES = {
    400: "Felaktig begäran.",
    401: "Inloggning krävs.",
    403: "Du saknar behörighet.",
    404: "Sidan finns inte.",
    405: "Metoden är inte tillåten här.",
    406: "Svaret kan inte ges i det format som begärdes.",
    408: "Begäran tog för lång tid. Försök igen.",
    409: "Det finns redan.",
    410: "Sidan finns inte längre.",
    411: "Begäran saknar uppgift om sin längd.",
    412: "Ett villkor i begäran uppfylldes inte.",
    413: "Filen är för stor.",
    414: "Adressen är för lång.",
    415: "Filtypen stöds inte.",
    416: "Den begärda delen av filen finns inte.",
    422: "Filen kunde inte läsas.",
    428: "Begäran måste vara villkorad.",
    429: "För många försök. Vänta en stund och försök igen.",
    431: "Begärans huvuden är för stora.",
    500: "Något gick fel på servern.",
    501: "Servern stöder inte den här begäran.",
    502: "Fel från en bakomliggande server.",
    503: "Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.",
    504: "En bakomliggande server svarade inte i tid.",
}
CLIENT_ERROR = "Begäran kunde inte utföras."
SERVER_ERROR = MESSAGES[500]


def message_for(status: int) -> str:
    """The Swedish message for an HTTP status (never werkzeug's English description)."""
    if status in MESSAGES:
        return MESSAGES[status]
    return SERVER_ERROR if status >= 500 else CLIENT_ERROR


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/api"


def error_response(status: int, message: str | None = None) -> Response:
    message = message or message_for(status)
    if wants_json():
        response = jsonify(ErrorBody(error=message).model_dump(exclude_none=True))
        if status == 401 and "X-CSRFToken" not in request.headers:
            # tools get the Basic challenge; the upload page's script must not trigger the
            # browser's own login dialog
            response.headers["WWW-Authenticate"] = 'Basic realm="Exempelbanken", charset="UTF-8"'
    else:
        response = make_response(render_template("error.html", status=status, message=message))
    response.status_code = status
    return response


def _server_error() -> None:
    """A request made by web.server to render an error the WSGI server found itself."""
    status = request.environ.get(SERVER_ERROR_KEY)
    if isinstance(status, int):
        abort(status if status in default_exceptions else InternalServerError.code)


def init_app(app: Flask) -> None:
    app.before_request_funcs.setdefault(None, []).insert(0, _server_error)

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
        response = error_response(status, message_for(status))
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
