"""Rendered pages kept per catalogue state, for visitors who are not logged in.

An example, concept or municipality page, the lists and the spread matrix are made of the
catalogue alone: for an anonymous visitor with no message waiting, the same address gives the
same HTML until the catalogue changes (``change_count``, bumped by SQLite triggers on every
change in any process). Rendering them — a concept with a thousand examples, or an example with
its team history and similar examples — is done once per state, not per request.

Nothing kept is served while the index is missing or rebuilt (the page is made afresh: its
searches heal the index and say so). Not kept: a logged-in coordinator's pages (their header,
forms and CSRF token are theirs), a page rendered with a flashed message or leaving one, an
answer other than a 200 page, one made while the catalogue changed or the index was rebuilt.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import request, session
from flask.globals import request_ctx

from web.library import get_library, holder
from web.security import current_user

MAX_PAGE_BYTES = 4 * 1024 * 1024  # a bigger page is rendered each time
FLASHES = "_flashes"  # where Flask keeps flashed messages in the session


def _anonymous_and_quiet() -> bool:
    return request.method == "GET" and current_user() is None and FLASHES not in session


def _keepable(library: Any, count: int) -> bool:
    from search.spread_overrides import change_count

    return not (getattr(request_ctx, "flashes", None) or FLASHES in session
                or library.index_rebuilding() or getattr(library, "_depth", 0)
                or change_count(library.catalogue) != count)


def kept_page(view: Callable[..., Any]) -> Callable[..., Any]:
    """Serve ``view``'s HTML from the pages kept for this catalogue state when it may be."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not _anonymous_and_quiet():
            return view(*args, **kwargs)
        from search.spread_overrides import change_count

        library, pages = get_library(), holder().pages
        if library.index_rebuilding():  # rendered afresh: it may heal the index, or say so
            return view(*args, **kwargs)
        count = change_count(library.catalogue)
        page = pages.get(request.full_path, count)
        if page is not None:
            return page
        page = view(*args, **kwargs)
        if isinstance(page, str) and len(page) <= MAX_PAGE_BYTES and _keepable(library, count):
            pages.put(request.full_path, count, page.encode())  # kept as sent: UTF-8
        return page

    return wrapper
