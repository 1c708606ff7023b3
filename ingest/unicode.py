"""Valid Unicode text: surrogate pairs joined, invalid code points dropped, NFC.

pdfium reports text as UTF-16 code units, so a character outside the Basic Multilingual Plane
(an emoji) arrives as two surrogate halves, and a broken PDF can hold halves without their
partner, noncharacters or control codes. None of that may reach tagging or the store.

Word's list bullets are glyphs of symbol fonts (Symbol, Wingdings) that carry no Unicode
meaning: pdfium reports them as private-use code points (U+F0B7 is Symbol's bullet). They are
read as the bullet they show, so layout and segmentation see a list item.
"""

from __future__ import annotations

import re
import unicodedata

_SURROGATE = re.compile("[\ud800-\udfff]")
# Symbol and Wingdings glyphs Word and LibreOffice use as list bullets, in the private-use area
# where a symbol font's codes land (0xF000 + the font's own code).
SYMBOL_BULLETS = str.maketrans(dict.fromkeys(
    ("\uf0b7", "\uf0a7", "\uf0a8", "\uf06e", "\uf06c", "\uf076", "\uf0d8", "\uf0e0",
     "\uf0fc", "\uf0a1", "\uf09f"),
    "•",
))
_PRIVATE_USE = re.compile("[\uf000-\uf0ff]")


def is_noncharacter(code: int) -> bool:
    """U+FDD0-U+FDEF and U+xxFFFE/U+xxFFFF: never meant to be text."""
    return code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF


def clean_word(text: str) -> str:
    """A word from pdfium whose code units passed ``ingest.extract``'s filter (no controls,
    no noncharacters, pairs already joined): stray surrogate halves dropped, NFC."""
    if _SURROGATE.search(text) is not None:
        text = _SURROGATE.sub("", text)
    if _PRIVATE_USE.search(text) is not None:
        text = text.translate(SYMBOL_BULLETS)
    return unicodedata.normalize("NFC", text)
