"""Valid Unicode text: surrogate pairs joined, invalid code points dropped, NFC.

pdfium reports text as UTF-16 code units, so a character outside the Basic Multilingual Plane
(an emoji) arrives as two surrogate halves, and a broken PDF can hold halves without their
partner, noncharacters or control codes. None of that may reach tagging or the store.
"""

from __future__ import annotations

import re
import unicodedata

_ASTRAL_NONCHARACTERS = "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(1, 17)
)
# C0 controls except tab and newline, surrogates and noncharacters (U+FDD0-U+FDEF and the
# last two code points of every plane)
_INVALID = re.compile(
    "[\x00-\x08\x0b-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff" + _ASTRAL_NONCHARACTERS + "]"
)
# a quick pre-check: the same, but everything from U+FFFE up (regex classes with many astral
# members are slow, and most text has no astral characters at all)
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def is_noncharacter(code: int) -> bool:
    """U+FDD0-U+FDEF and U+xxFFFE/U+xxFFFF: never meant to be text."""
    return code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF


def join_surrogates(text: str) -> str:
    """Adjacent surrogate halves as the one character they encode; unpaired halves dropped."""
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")


def clean_text(text: str) -> str:
    """``text`` as valid Unicode in NFC: surrogate pairs joined; stray halves, noncharacters
    and control codes other than tab and newline dropped (a carriage return becomes a
    newline)."""
    if _SUSPECT.search(text) is not None:
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _INVALID.sub("", join_surrogates(text))
    return unicodedata.normalize("NFC", text)


def clean_word(text: str) -> str:
    """A word from pdfium whose code units passed ``ingest.extract``'s filter (no controls,
    no noncharacters, pairs already joined): stray surrogate halves dropped, NFC."""
    if _SURROGATE.search(text) is not None:
        text = _SURROGATE.sub("", text)
    return unicodedata.normalize("NFC", text)
