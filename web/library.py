"""One search.library.Library per app, opened on first use and kept in app.extensions."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from flask import Response, abort, after_this_request, current_app, flash, request

from ingest.ids import is_document_id
from search.concepts import ConceptView
from search.library import Library
from search.records import Document, Example, Hit, SearchResult
from search.spread_overrides import change_count

T = TypeVar("T")
PAGES_KEPT = 512  # rendered pages kept per catalogue state (addresses) ...
PAGE_BYTES_KEPT = 64 * 1024 * 1024  # ... and bytes in all
INDEX_STATUS_HEADER = "X-Index-Status"  # "rebuilding" while searches come from the catalogue


class SearchCache:
    """Recent search results for a short while (identical searches are common: shared links,
    paging back). Emptied on every change made through the web, and a result is not served
    once the catalogue changed (``change_count``: changes by another process, the command
    line, too); a thesaurus edited by another process shows after at most ``ttl`` seconds."""

    def __init__(self, ttl: float, size: int = 512) -> None:
        self.ttl = ttl
        self.size = size
        self._items: OrderedDict[tuple, tuple[float, int, SearchResult]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, count: int = 0) -> SearchResult | None:
        """The result kept for ``key`` at catalogue state ``count``, if still fresh."""
        if self.ttl <= 0:
            return None
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if time.monotonic() - item[0] > self.ttl or item[1] != count:
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return item[2]

    def put(self, key: tuple, value: SearchResult, count: int = 0) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._items[key] = (time.monotonic(), count, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class LibraryHolder:
    """Opens the Library lazily; ``write_lock`` serialises every change made through the web."""

    def __init__(self, data_dir: Path, cache_seconds: float = 0) -> None:
        self.data_dir = data_dir
        self._library: Library | None = None
        self._open_lock = threading.Lock()
        self.write_lock = threading.RLock()
        self.cache = SearchCache(cache_seconds)
        self.on_close: list[Callable[[], None]] = []  # background work to stop first (uploads)
        self.pages = KeptPerChange(PAGES_KEPT, len, PAGE_BYTES_KEPT)  # web.pagecache

    def get(self) -> Library:
        if self._library is None:
            with self._open_lock:
                if self._library is None:
                    self._library = WebLibrary(self.data_dir)
        return self._library

    def close(self) -> None:
        while self.on_close:
            self.on_close.pop()()
        with self._open_lock:
            if self._library is not None:
                self._library.close()
                self._library = None


class KeptPerChange:
    """Answers kept while the catalogue stays as it was (``change_count``, bumped by triggers
    on every change in any process), the ``size`` most recently used; with ``weigh``, also no
    more than ``budget`` in all (rendered pages: bytes)."""

    def __init__(self, size: int, weigh: Callable[[Any], int] | None = None,
                 budget: int = 0) -> None:
        self.size = size
        self.weigh = weigh
        self.budget = budget
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._weight = 0
        self._count = -1
        self._lock = threading.Lock()

    def get(self, key: Hashable, count: int) -> Any | None:
        with self._lock:
            if count > self._count:  # the catalogue changed: forget the older state's answers
                self._items.clear()
                self._weight = 0
                self._count = count
            elif count < self._count:  # asked by a request that began before a change
                return None
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, count: int, value: Any) -> None:
        with self._lock:
            if self._count != count or key in self._items:
                return
            self._items[key] = value
            self._weight += self.weigh(value) if self.weigh else 0
            while len(self._items) > self.size or (self.weigh and self._weight > self.budget):
                _, dropped = self._items.popitem(last=False)
                self._weight -= self.weigh(dropped) if self.weigh else 0


class WebLibrary(Library):
    """search.library.Library as the web opens it: a missing or broken index is rebuilt in a
    background thread while the catalogue answers searches (the command line waits instead).

    Many requests run at once here, and most pages read the same catalogue state many times:
    the concept view of a new state is built by one request while the others wait for it (not
    each its own); each new index state is warmed in the background (search.warmup); an
    example's similar examples (a search over the whole index) and the start page (every
    example, newest first, with the facets of all) are kept until the catalogue changes."""

    heal_in_background = True
    warm_in_background = True
    SIMILAR_KEPT = 4096  # examples whose similar examples are kept

    def __init__(self, data_dir: Path | str) -> None:
        self._view_lock = threading.Lock()
        self._similar = KeptPerChange(self.SIMILAR_KEPT)
        self._browse = KeptPerChange(16)
        super().__init__(data_dir)

    def concept_view(self) -> ConceptView:
        count = change_count(self.catalogue)
        cached = self._concept_view
        if cached is not None and cached[0] == count:
            return cached[1]
        with self._view_lock:
            return super().concept_view()

    def _kept(self, store: KeptPerChange, key: Hashable, make: Callable[[], T],
              keep: Callable[[T], bool] = lambda _: True) -> T:
        if self.index_rebuilding():  # asked afresh: the question heals the index
            return make()
        count = change_count(self.catalogue)
        found = store.get(key, count)
        if found is not None:
            return found
        found = make()
        # an answer from the middle of a change, or from the catalogue while the index is
        # rebuilt, is not kept
        if keep(found) and not (self.index_rebuilding() or self._depth
                                or change_count(self.catalogue) != count):
            store.put(key, count, found)
        return found

    def similar(self, example_id: str, limit: int = 5) -> list[Hit]:
        return self._kept(self._similar, (example_id, limit),
                          lambda: super(WebLibrary, self).similar(example_id, limit))

    def search(self, q: str | None = "", filters: dict[str, list[str]] | None = None,
               page: int = 1, per_page: int = 10, sort: str = "relevance") -> SearchResult:
        """The start page (no words, no filters, first page) is kept per catalogue state."""
        def run() -> SearchResult:
            return super(WebLibrary, self).search(q, filters, page, per_page, sort)

        if q or any(filters.values() if filters else ()) or page != 1 \
                or sort != "relevance":
            return run()
        return self._kept(self._browse, per_page, run, lambda r: not _from_catalogue(r))


def holder() -> LibraryHolder:
    return current_app.extensions["exempelbanken"]


def get_library() -> Library:
    """The app's search.library.Library."""
    return holder().get()


def visible(document_id: str) -> bool:
    """The document is published, or a coordinator is logged in (who sees what waits for
    review too)."""
    from web.security import current_user  # web.security reads the library: imported late

    return current_user() is not None or get_library().is_published(document_id)


def _hidden(document_id: str) -> bool:
    return not visible(document_id)


def document_or_404(document_id: str) -> Document:
    """The stored document with this id, or a 404 (ids are checked before any lookup); one
    waiting for review only for a logged-in coordinator."""
    document = get_library().document(document_id) if is_document_id(document_id) else None
    if document is None or _hidden(document.id):
        abort(404)
    return document


def example_or_404(example_id: str) -> Example:
    """The stored example, or a 404; one waiting for review only for a coordinator."""
    example = get_library().example(example_id)
    if example is None or _hidden(example.document_id):
        abort(404)
    return example


@contextmanager
def writing() -> Iterator[Library]:
    """The Library, with the app's write lock held (one change at a time)."""
    h = holder()
    with h.write_lock:
        try:
            yield h.get()
        finally:
            h.cache.clear()


def search(q: str, filters: dict[str, list[str]], page: int, per_page: int,
           sort: str) -> SearchResult:
    """Library.search through the app's short-lived result cache."""
    h = holder()
    library = h.get()
    key = (q, tuple(sorted((k, tuple(v)) for k, v in filters.items())), page, per_page, sort)
    count = change_count(library.catalogue) if h.cache.ttl > 0 else 0
    result = h.cache.get(key, count)
    if result is None:
        result = library.search(q, filters=filters, page=page, per_page=per_page, sort=sort)
        if _from_catalogue(result):
            _tell_rebuilding()
        else:
            h.cache.put(key, result, count)
    return result


def count_search(result: SearchResult) -> None:
    """Count a visitor's search of words alone (no filter, page 1, relevance order) for the
    coordinators' list of searches that found little (``search.search_log``)."""
    if result.query.strip() and result.page == 1 and result.sort == "relevance" \
            and not any(result.filters.values()) and not _from_catalogue(result):
        get_library().count_search(result)


def _from_catalogue(result: SearchResult) -> bool:
    """Answered from the catalogue while the index is rebuilt (not kept in the cache)."""
    from search.fallback import NOTICE

    return result.message == NOTICE


def _tell_rebuilding() -> None:
    """Say so: a notice on the page, a header in the API (its body has no message field)."""
    if request.path.startswith("/api/"):
        @after_this_request
        def _header(response: Response) -> Response:
            response.headers[INDEX_STATUS_HEADER] = "rebuilding"
            return response
    else:
        from search.fallback import NOTICE

        flash(NOTICE, "info")
