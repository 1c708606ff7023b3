"""Valid Unicode text: surrogate pairs joined, invalid code points dropped, NFC.

pdfium reports text as UTF-16 code units, so a character outside the Basic Multilingual Plane
(an emoji) arrives as two surrogate halves, and a broken PDF can hold halves without their
partner, noncharacters or control codes. None of that may reach tagging or the store.
"""

from __future__ import annotations

import re
import unicodedata

_SURROGATE = re.compile("[\ud800-\udfff]")


def is_noncharacter(code: int) -> bool:
    """U+FDD0-U+FDEF and U+xxFFFE/U+xxFFFF: never meant to be text."""
    return code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF


def clean_word(text: str) -> str:
    """A word from pdfium whose code units passed ``ingest.extract``'s filter (no controls,
    no noncharacters, pairs already joined): stray surrogate halves dropped, NFC."""
    if _SURROGATE.search(text) is not None:
        text = _SURROGATE.sub("", text)
    return unicodedata.normalize("NFC", text)
