"""Joining lines into running text: de-hyphenation and whitespace."""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextvars import ContextVar

HYPHENS = ("-", "\u00ad", "\u2010")
# after "förskole-" at a line end these words keep the hyphen: "förskole- och skolbarn"
CONJUNCTIONS = {"och", "eller", "samt", "som", "till", "resp.", "respektive"}
_WORD = re.compile(r"[\w\-\u2010]+")
_vocabulary: ContextVar[frozenset[str]] = ContextVar("vocabulary", default=frozenset())


def set_vocabulary(lines: Iterable[str]) -> None:
    """Words of the whole document, consulted when a line-end hyphen is ambiguous."""
    # one search over all the lines: a word never spans a line break
    _vocabulary.set(frozenset(_WORD.findall("\n".join(lines))))


def _keep_hyphen(head: str, tail: str) -> bool:
    vocab = _vocabulary.get()
    joined, hyphened = head + tail, f"{head}-{tail}"
    tail_word = tail.rstrip(",.;:!?)")
    if joined in vocab or joined.lower() in vocab:
        return False
    if hyphened in vocab or f"{head}-{tail_word}" in vocab:
        return True
    if not tail[:1].islower() or head[-1:].isdigit():
        return True  # "Nässjö-" + "Modellen", "0-" + "6 år"
    # a name before the hyphen that stands alone elsewhere: "Nässjö-" + "modellen"
    return head[:1].isupper() and len(head) >= 4 and head in vocab


_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]+")


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one string; words broken at a line end are joined again."""
    out = ""
    for raw in lines:
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        if out.endswith(HYPHENS) and len(out) > 1 and out[-2].isalnum():
            head = out.rstrip("".join(HYPHENS))
            last_word = head.rsplit(" ", 1)[-1]
            next_word = line.split(" ", 1)[0]
            if next_word.lower().rstrip(",.") in CONJUNCTIONS:
                out = head + "- " + line
            elif out.endswith(("\u00ad", "\u2010")) or not _keep_hyphen(last_word, next_word):
                # U+2010 and the soft hyphen come from automatic hyphenation
                out = head + line
            else:
                out = head + "-" + line
        else:
            out = out + " " + line
    return out.replace("\u00ad", "")


def normalize(text: str) -> str:
    """Whitespace collapsed to single spaces (for comparing phrases)."""
    return " ".join(text.replace("\u00ad", "").split())
