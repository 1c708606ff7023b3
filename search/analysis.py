"""Swedish text analysis for the index, identical on the index and the query side.

tokenizer → lowercase → stopwords → lemma (``ingest.tagging.lemmatize``) → compound parts at
the same position → an ASCII-folded variant (å/ä → a, ö → o) at the same position, so that
"nassjo" finds Nässjö and "skolnärvaro" finds "närvaro i skolan".
"""

from __future__ import annotations

import gzip
import json
import threading
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from whoosh.analysis import (
    Composable,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StopFilter,
    Token,
)
from whoosh.lang.stopwords import stoplists

# Words that carry no meaning in a search ("hur ökar vi närvaron i skolan").
STOPWORDS = frozenset(stoplists["sv"]) - {"sitta"} | {
    "ska", "vill", "kunna", "göra", "gör", "gjorde", "får", "fick", "också", "ni", "mer",
    "dom", "sen", "bara", "hos", "genom", "både", "bör", "the", "and", "of", "to",
    "finns", "sätt", "tips", "exempel",
}

TOKEN_PATTERN = r"\w+(?:[-:]\w+)*"
MIN_PART = 3

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u"})


def fold(word: str) -> str:
    """ASCII-fold the Swedish letters (and a few accents) of a lowercase word."""
    folded = word.translate(_FOLD)
    if folded.isascii():
        return folded
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


# --- lemma and compound lookups -------------------------------------------------------------

_fallback_lock = threading.Lock()
_fallback_table: dict[str, str] | None = None


def _fallback_lemmas() -> dict[str, str]:
    """spaCy's Swedish lemma table, used only while ingest.tagging has no lemmatize."""
    global _fallback_table
    with _fallback_lock:
        if _fallback_table is None:
            try:
                import spacy_lookups_data

                path = Path(spacy_lookups_data.__file__).parent / "data" / "sv_lemma_lookup.json.gz"
                with gzip.open(path, "rt", encoding="utf-8") as fh:
                    raw = json.load(fh)
                _fallback_table = {k.lower(): v.lower() for k, v in raw.items() if k.islower()}
            except (ImportError, OSError, ValueError):
                _fallback_table = {}
        return _fallback_table


def _fallback_lemmatize(word: str) -> str:
    word = word.lower()
    table = _fallback_lemmas()
    if word in table:
        return table[word]
    parts = _split_point(word)
    if parts is None:
        return word
    mod, head = parts
    return mod + table.get(head, head)


_lexicon: set[str] | None = None


def _split_point(word: str) -> tuple[str, str] | None:
    """(modifier as written, head) of a compound, longest known head first."""
    global _lexicon
    if _lexicon is None:
        table = _fallback_lemmas()
        _lexicon = set(table) | set(table.values())
    lex = _lexicon
    known = word in lex
    if known and len(word) < 10:
        return None
    min_part = 4 if known else 3
    for i in range(min_part, len(word) - min_part + 1):
        head, mod = word[i:], word[:i]
        if head in lex and _modifier(mod, min_part):
            return mod, head
    return None


def _modifier(mod: str, min_part: int) -> str | None:
    lex = _lexicon or set()
    cands = [mod, mod + "a", mod + "e", mod + "r"]
    if mod.endswith("s"):
        cands.append(mod[:-1])
    if mod.endswith(("o", "e")):
        cands.append(mod[:-1] + "a")
    for cand in cands:
        if len(cand) >= min_part and cand in lex:
            return cand
    return None


def _fallback_split(word: str) -> list[str]:
    word = word.lower()
    parts = _split_point(word)
    if parts is None:
        return [word]
    mod, head = parts
    return [_modifier(mod, 3) or mod, head]


def _fallback_known(word: str) -> bool:
    if _lexicon is None:
        _split_point("")
    return word in (_lexicon or set())


def _resolve() -> tuple[Callable[[str], str], Callable[[str], list[str]], Callable[[str], bool]]:
    """The shared tagging lookups when present, else the local fallbacks."""
    try:
        from ingest.tagging import lemmatize, split_compound  # type: ignore[attr-defined]
    except ImportError:
        try:
            from ingest.tagging.compounds import split_compound  # type: ignore[no-redef]
            from ingest.tagging.lemmas import lemmatize  # type: ignore[no-redef]
        except ImportError:
            return _fallback_lemmatize, _fallback_split, _fallback_known
    try:
        from ingest.tagging.lemmas import is_known
    except ImportError:
        is_known = _fallback_known
    return lemmatize, split_compound, is_known


_lemmatize, _split, _is_known = _resolve()


def _simple_word(word: str) -> bool:
    """A plain known form (skolan, kommunen) that must not be cut into parts."""
    try:
        from ingest.tagging.lemmas import simple_lemma
    except ImportError:
        return _fallback_known(word) and len(word) < 10
    return simple_lemma(word) is not None and len(word) < 10


def _part_lemmas(part: str, final: bool) -> list[str]:
    """Lemmas of a compound part; a modifier gets its base forms back (skol → skola,
    föräldra → förälder)."""
    if final:
        return [lemma(part)]
    cands = [part, part + "a", part + "e", part + "r"]
    if part.endswith("s"):
        cands.append(part[:-1])
    if part.endswith(("o", "e", "a")):
        cands.append(part[:-1] + "a")
    found: list[str] = []
    for cand in cands:
        try:
            if _is_known(cand):
                found.append(lemma(cand))
        except Exception:  # noqa: BLE001
            break
    return list(dict.fromkeys(found))[:3] or [lemma(part)]


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Lowercase lemma of one word (cached)."""
    try:
        result = _lemmatize(word)
    except Exception:  # a lookup problem must never break indexing or search
        result = word
    return (result or word).lower()


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """Lemmatised compound parts of a word (empty when it is not a compound)."""
    if len(word) < 2 * MIN_PART or not word.isalpha() or _simple_word(word):
        return ()
    try:
        parts = [p.lower() for p in _split(word)]
    except Exception:  # noqa: BLE001
        return ()
    if len(parts) < 2 or any(len(p) < MIN_PART for p in parts):
        return ()
    out = [t for i, p in enumerate(parts) for t in _part_lemmas(p, i == len(parts) - 1)]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=200_000)
def variants(word: str, index_side: bool) -> tuple[str, ...]:
    """All terms one lowercase word produces, the lemma first."""
    base = lemma(word)
    terms = [base]
    if "-" in word or ":" in word:
        for piece in word.replace(":", "-").split("-"):
            if len(piece) >= 2:
                terms.append(lemma(piece))
    terms.extend(compound_parts(word))
    if base != word:
        terms.extend(compound_parts(base))
    if index_side:
        terms.append(word)
        terms.extend([fold(t) for t in list(terms)])
    out = [t for t in dict.fromkeys(terms) if t and t not in STOPWORDS]
    return tuple(out) or (base,)


class SwedishFilter(Filter):
    """Replaces each token by its lemma and adds compound parts and folded variants at the same
    position. The index side also keeps the surface form."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SwedishFilter)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            if t.stopped:
                yield t
                continue
            mode = getattr(t, "mode", "")
            index_side = mode != "query"
            for term in variants(t.text, index_side):
                t.text = term
                yield t


def swedish_analyzer() -> Composable:
    """The analyzer used by the text fields of the index."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter(stoplist=STOPWORDS, minsize=2, maxsize=60)
        | SwedishFilter()
    )


def query_words(text: str) -> list[str]:
    """Lowercase words of a query string without stopwords (for spelling suggestions)."""
    analyzer = RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter()
    return [t.text for t in analyzer(text) if t.text not in STOPWORDS and len(t.text) > 1]


def analyse(text: str, mode: str = "query") -> list[str]:
    """Terms the analyzer makes of a text (for tests and debugging)."""
    return [t.text for t in swedish_analyzer()(text, mode=mode)]
