"""Splitting a short text into tokens without spaCy, the way spaCy's Swedish tokenizer does
for ordinary prose: whitespace, then punctuation stripped from the front and back of each
chunk, then the few infixes that split a chunk ("Nässjö/Eksjö", "slut.Här").

Line breaks and extra spaces are tokens of their own, as in spaCy (a token's own trailing
whitespace is one space at most). Abbreviations with inner periods ("t.ex.", "bl.a.") and
single-letter ones ("A.") are kept whole.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_QUOTES = "\"”“`‘´’‚„»«'"
_PUNCT = "…,:;!?¿¡()\\[\\]{}<>_#*&·"
_PREFIX = re.compile(rf"^(?:\.\.+|[{_PUNCT}{_QUOTES}§%=—–+$£€])")
_SUFFIX = re.compile(
    rf"(?:\.\.+|[{_PUNCT}—–\"”“`‘´’‚„»«]|(?<=[^sSxXzZ])'|(?<=[0-9])%|(?<=[0-9])\+"
    rf"|(?<=[0-9a-zåäöéüß{_PUNCT}{_QUOTES}])\.|(?<=[A-ZÅÄÖÉÜ][A-ZÅÄÖÉÜ])\.)$"
)
_A = r"[^\W\d_]"
_INFIX = re.compile(
    rf"\.\.+|…|(?<=[a-zåäöéüß])\.(?=[A-ZÅÄÖÉÜ])|(?<={_A})[,!?<>=](?={_A})"
    rf"|(?<=[A-ZÅÄÖÉÜ]):(?=[A-ZÅÄÖÉÜ])|(?<={_A})[\"”“`‘´’‚„»«()\[\]](?={_A})"
    rf"|(?<={_A})--(?={_A})|(?<=[^\W_])[<>=/](?={_A})|(?<=[^\W_]):(?=[A-ZÅÄÖÉÜ])"
)
_ABBREVIATION = re.compile(rf"^(?:{_A}{{1,3}}(?:\.{_A}{{1,3}})+\.?|{_A}\.)$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$")
_CHUNKS = re.compile(r"\S+|\s+")


class Token(NamedTuple):
    text: str
    idx: int  # character offset in the text


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` with their offsets."""
    out: list[Token] = []
    for m in _CHUNKS.finditer(text):
        chunk, start = m.group(), m.start()
        if chunk.isspace():
            rest = chunk[1:] if chunk.startswith(" ") and out else chunk
            if rest:
                out.append(Token(rest, m.end() - len(rest)))
            continue
        out.extend(_split_chunk(chunk, start))
    return out


def _split_chunk(chunk: str, start: int) -> list[Token]:
    """Prefixes, the middle (split at infixes) and suffixes of a chunk without whitespace."""
    front: list[Token] = []
    back: list[Token] = []
    end = start + len(chunk)
    while chunk and not _whole(chunk):
        pre = _PREFIX.match(chunk)
        if pre and pre.end() < len(chunk) or (pre and len(chunk) == 1):
            front.append(Token(pre.group(), start))
            start += pre.end()
            chunk = chunk[pre.end():]
            continue
        suf = _SUFFIX.search(chunk)
        if suf and suf.start() > 0:
            back.append(Token(suf.group(), end - len(suf.group())))
            end -= len(suf.group())
            chunk = chunk[:suf.start()]
            continue
        break
    return [*front, *_split_infixes(chunk, start), *reversed(back)]


def _whole(chunk: str) -> bool:
    return bool(_ABBREVIATION.match(chunk) or _URL.match(chunk))


def _split_infixes(chunk: str, start: int) -> list[Token]:
    if not chunk:
        return []
    if _whole(chunk):
        return [Token(chunk, start)]
    out: list[Token] = []
    pos = 0
    for m in _INFIX.finditer(chunk):
        if m.start() == 0 or m.start() == m.end():
            continue
        if m.start() > pos:
            out.append(Token(chunk[pos:m.start()], start + pos))
        out.append(Token(m.group(), start + m.start()))
        pos = m.end()
    if pos < len(chunk):
        out.append(Token(chunk[pos:], start + pos))
    return out
