"""Warming a new index state in the background, before searches have to pay for it.

A search on a state no search has read yet builds what is derived from the index
(search.searcher_cache: facet tables, own-practice names, spelling tables, length norms) and
reads each of its words' postings for the first time. At 10k examples the first search on a
state took over a second, and a search with common words read for the first time 20–30 ms
against about 10 ms for the same search again. As Solr warms a new searcher before it serves,
the web's library (web.library.WebLibrary) gives its store a ``Warmer``, which runs ``warm``
in one background thread when the library opens, after each commit of its own, and whenever
a thread of the store first opens a new state (a commit of another process, such as `ingest`
beside the server): a few searches that build the shared tables, then the postings of the
most frequent words, the costliest to read, up to WARM_POSTINGS documents, and last the
analysis of the index's words (lemmas, compound parts: kept for the process; a server's index
was written by another process). Searches meanwhile are answered as before; one that needs a
table being built waits for it instead of building it again. The command line searches once
and ends: it does not warm.

What a warm-up fills (the analyses of every index word above all, in functools caches: two
million references at 10k examples) is also what Python's cycle collector walks on each full
collection: one took 220–300 ms, during which no thread of the process answers, at whichever
search it happened to fall on. So after the process's first warm-up the heap is collected
once and frozen (``gc.freeze``), as large Python servers do: later collections leave what
was alive then alone. Only the first warm-up freezes, so garbage of later states is still
collected.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from whoosh.searching import Searcher

from search import fastrank
from search import query as search_query
from search.analysis import variants
from search.schema import RANK_FIELD, SEARCH_FIELD
from search.searcher_cache import field_frequencies, state_of

if TYPE_CHECKING:
    from search.index import IndexStore

log = logging.getLogger(__name__)

# what first searches build: two words (norms, facets), a misspelling (the spelling tables), a
# word without its marks (the marks table), a word nothing is spelled like (the table of words
# by all but their first letter, looked up when no word is one edit away), the newest first
# (the date order); the own-practice names only a query naming a practice builds are built by
# ``warm`` itself
WARM_QUERIES = (("skola och närvaro", "relevance"), ("skolnärvarro", "relevance"),
                ("narvaro", "relevance"), ("qxzvkjwq", "relevance"), ("skola", "date"))
WARM_POSTINGS = 1_000_000  # documents read over the most frequent words (~16 MB kept)
WARM_TERMS = 1_000  # and at most this many words
WARM_MIN_DF = 256  # only words in this many examples or more: fewer cost little to read
STOP_SECONDS = 5.0
SEEN_STATES = 16
_freezing = threading.Lock()
_frozen: list[bool] = []  # holds True once the process has frozen its heap


def frequent_terms(searcher: Searcher, budget: int = WARM_POSTINGS,
                   most: int = WARM_TERMS) -> list[str]:
    """The ranking field's most frequent words in WARM_MIN_DF examples or more, as many as
    fit in ``budget`` documents."""
    if searcher.doc_count() < WARM_MIN_DF:
        return []  # no word is that frequent: no need to list them
    # the ranking field is the search field's copy (search.schema.COPIED_FIELDS): the same
    # words in the same examples, so the spelling tables' counts serve
    counts = field_frequencies(searcher, SEARCH_FIELD)
    by_frequency = sorted(((df, term) for term, df in counts.items() if df >= WARM_MIN_DF),
                          reverse=True)
    out, total = [], 0
    for df, term in by_frequency[:most]:
        if total + df > budget:
            break
        out.append(term)
        total += df
    return out


def warm(searcher: Searcher, schema: Any, thesaurus: Any = None,
         stop: threading.Event | None = None) -> int:
    """Build the shared tables of the searcher's state, read the postings of its most
    frequent words and analyse its vocabulary; the number of words whose postings were read
    (stops early when ``stop`` is set)."""
    stop = stop or threading.Event()
    for text, sort in WARM_QUERIES:
        search_query.search(searcher, schema, text, sort=sort, thesaurus=thesaurus)
    search_query.own_names(searcher)  # only queries that name a practice build it
    norms = fastrank.field_norms(searcher, RANK_FIELD)
    read = 0
    for term in frequent_terms(searcher):
        if stop.is_set():
            return read
        fastrank.term_scores(searcher, RANK_FIELD, term, norms)
        read += 1
    analyse_vocabulary(searcher, stop)
    return read


def analyse_vocabulary(searcher: Searcher, stop: threading.Event) -> int:
    """Analyse each word of the index as queries and snippets do (search.analysis keeps the
    results for the process): the words a first search and its hits' snippets meet are then
    looked up, not analysed. Words already analysed cost a lookup. The number of words."""
    count = 0
    for raw in searcher.reader().lexicon(SEARCH_FIELD):
        if count % 1000 == 0 and stop.is_set():
            break
        word = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if word.isalpha():
            variants(word, True)
            variants(word, False)
            count += 1
    return count


def freeze_heap_once() -> bool:
    """Collect the heap and freeze what is alive, the first time in the process (the
    module's docstring says why); whether this call froze it."""
    with _freezing:
        if _frozen:
            return False
        gc.collect()
        gc.freeze()
        _frozen.append(True)
        return True


class Warmer:
    """One background thread per store that warms its live state when asked: when the
    library opens, after a commit, when a thread first opens a state not seen before.

    ``request`` is cheap and returns at once; the thread warms the store's live state (the
    newest by then) and sleeps until it is asked again."""

    def __init__(self, store: IndexStore,
                 warm_state: Callable[[Searcher, threading.Event], Any]) -> None:
        self.store = store
        self.warm_state = warm_state
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._seen: dict[Hashable, None] = {}  # the states asked for, the latest SEEN_STATES
        self._thread: threading.Thread | None = None

    def request(self, state: Hashable | None = None) -> None:
        """Warm ``state`` soon, unless it was warmed or asked for before (None: the live
        state, whichever it is, as a library that opens does)."""
        with self._lock:
            if state in self._seen or self._stop.is_set():
                return
            if state is not None:
                self._remember(state)
                if threading.current_thread() is self._thread:
                    return  # the warming thread opening the state it is about to warm
            self._idle.clear()
            self._wake.set()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                name="exempelbanken-warm")
                self._thread.start()

    def wait(self, timeout: float = 60.0) -> bool:
        """Until no warming is pending or running (for benchmarks and tests)."""
        return self._idle.wait(timeout)

    def stop(self) -> None:
        """Stop the thread (bounded: it stops between two words)."""
        self._stop.set()
        self._wake.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(STOP_SECONDS)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait()
            self._wake.clear()
            if self._stop.is_set():
                break
            self._warm_live()
            with self._lock:
                if not self._wake.is_set():
                    self._idle.set()
        self._idle.set()

    def _warm_live(self) -> None:
        try:
            with self.store.reading() as searcher:
                with self._lock:
                    self._remember(state_of(searcher))
                self.warm_state(searcher, self._stop)
            if not self._stop.is_set():
                freeze_heap_once()
        except Exception as exc:  # noqa: BLE001 - warming is an optimisation: a search reports
            log.info("warming the index failed: %s: %s", type(exc).__name__, exc)
        finally:
            self.store.drop_thread_searcher()

    def _remember(self, state: Hashable) -> None:
        self._seen[state] = None
        while len(self._seen) > SEEN_STATES:
            del self._seen[next(iter(self._seen))]
