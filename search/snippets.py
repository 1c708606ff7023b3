"""Snippets of a hit: the words of an example's text that match the query's terms, found
without analysing the whole text, and up to two fragments around them with the words marked."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from functools import lru_cache

from search.analysis import STOPWORDS, TOKEN_PATTERN, fold, unmark, variants

SNIPPET_CHARS = 240


def plain_snippet(text: str) -> str:
    """The start of the text, up to SNIPPET_CHARS at a word's end, HTML-escaped."""
    text = " ".join((text or "").split())
    if len(text) <= SNIPPET_CHARS:
        return html.escape(text)
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return html.escape(text[: cut if cut > 0 else SNIPPET_CHARS]) + " …"


_WORD = re.compile(TOKEN_PATTERN)


@lru_cache(maxsize=1024)
def _heads_pattern(heads: frozenset[str]) -> re.Pattern[str]:
    """Any of the heads, as written: an alternation of plain strings, quick to compile (a
    query's heads are new to the cache more often than not) and quick to scan for."""
    return re.compile("|".join(re.escape(head) for head in sorted(heads)))


def _is_word_letter(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches


def _word_start(text: str, at: int) -> int:
    """Where the word (TOKEN_PATTERN's: "skol-närvaro" is one) holding ``at`` begins."""
    while at > 0 and (_is_word_letter(text[at - 1]) or text[at - 1] in "-:" and at > 1
                      and _is_word_letter(text[at - 2])):
        at -= 1
    return at


def candidate_words(text: str, terms: frozenset[str]) -> Iterator[re.Match[str]]:
    """The words of the text that may produce one of the terms: those holding a term's first
    three letters (as written or without å/ä/ö: "skolorna" for skola, "skolnärvaron" for
    närvaro), found by scanning the text in lower case without its marks for the heads and
    going back from each to its word's start, instead of looking at every word. A text whose
    lower case is longer than itself (a rare letter) has every word looked at."""
    heads = frozenset(fold(t)[:3] for t in terms if t)
    lowered = unmark(text.lower())
    if not heads or len(lowered) != len(text):
        yield from _WORD.finditer(text)
        return
    end = 0
    for m in _heads_pattern(heads).finditer(lowered):
        if m.start() < end:  # in a word already given ("skol-närvaro")
            continue
        word = _WORD.match(text, _word_start(lowered, m.start()))
        if word is not None:
            end = word.end()
            yield word


Match = tuple[int, int, frozenset[str]]  # start, end, the query terms the word makes
WordTerms = dict[str, frozenset[str]]  # a word form's index terms, kept across one query's texts


def term_matches(text: str, terms: frozenset[str], memo: WordTerms) -> list[Match]:
    """The words of the text that make one of the terms, in order. ``memo`` keeps each word
    form's terms (``analysis.variants``) across the texts of one query."""
    out = []
    for m in candidate_words(text, terms):
        word = m.group().lower()
        made = memo.get(word)
        if made is None:
            made = frozenset() if word in STOPWORDS else frozenset(variants(word, True))
            memo[word] = made
        found = terms & made
        if found:
            out.append((m.start(), m.end(), found))
    return out


def _windows(hits: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Up to two windows of SNIPPET_CHARS // 2 around hits, those with the most hits."""
    half = SNIPPET_CHARS // 2
    starts = [s for s, _ in hits]
    ends = [e for _, e in hits]  # increasing too: the hits do not overlap
    windows = []
    for start in starts:
        lo = max(0, start - half // 2)
        hi = min(size, lo + half)
        count = bisect.bisect_right(ends, hi) - bisect.bisect_left(starts, lo)
        windows.append((count, lo, hi))
    chosen: list[tuple[int, int]] = []
    for _, lo, hi in sorted(windows, key=lambda w: (-w[0], w[1])):
        if all(hi <= c_lo or lo >= c_hi for c_lo, c_hi in chosen):
            chosen.append((lo, hi))
        if len(chosen) == 2:
            break
    return sorted(chosen)


def make_snippet(text: str, terms: frozenset[str], memo: WordTerms | None = None) -> str:
    """Up to two fragments of the text around the matched words, words in <mark>, the rest
    HTML-escaped. A word matches when any of its index terms is a query term. ``memo`` keeps
    each word's terms across the hits of one query."""
    if not text:
        return ""
    hits = [(start, end) for start, end, _ in term_matches(text, terms, {} if memo is None
                                                           else memo)]
    if not hits:
        return ""
    parts = []
    for lo, hi in _windows(hits, len(text)):
        # widen to word boundaries
        while lo > 0 and text[lo - 1].isalnum():
            lo -= 1
        while hi < len(text) and text[hi].isalnum():
            hi += 1
        out, pos = [], lo
        first = bisect.bisect_left(hits, (lo, 0))
        for s_, e_ in hits[first:]:
            if s_ >= hi:
                break
            if e_ <= hi:
                out.append(html.escape(text[pos:s_]))
                out.append("<mark>" + html.escape(text[s_:e_]) + "</mark>")
                pos = e_
        out.append(html.escape(text[pos:hi]))
        frag = " ".join("".join(out).split())
        parts.append(("… " if lo > 0 else "") + frag + (" …" if hi < len(text) else ""))
    return " ".join(parts).replace("… …", "…")
