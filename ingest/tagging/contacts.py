"""E-mail addresses and phone numbers beside persons' names: contact lines and tables
("Anna Berg | kurator | anna.berg@gislaved.se | 070-123 45 67", "Anna Berg, kurator,
070-123 45 67"), and addresses that confirm a name ("anna.berg@…" → Anna Berg).

Plain functions on text and character offsets (no spaCy).
"""

from __future__ import annotations

import re
from functools import lru_cache

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Swedish numbers: "070-123 45 67", "0371-812 34", "010-241 32 18", "+46 70 123 45 67"
PHONE = re.compile(r"(?<![\w+-])(?:\+46[ ]?|0)\d{1,3}(?:[ ]?[-–][ ]?|[ ])?\d{2,3}"
                   r"(?:[ ]?\d{2,3}){0,3}(?![\w-])")
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 7, 12
MAX_DETAIL_LINES = 3  # a vertical contact card: name, role, e-mail, phone on lines of their own
_PLAIN = str.maketrans("åäöéèëáàüÅÄÖÉ", "aaoeeeaauaaoe")


def plain(text: str) -> str:
    """Lowercase ASCII-ish form as in e-mail addresses: "Åsa Öberg" → "asa oberg"."""
    return text.lower().translate(_PLAIN)


def phones(text: str) -> list[re.Match[str]]:
    """Phone numbers in the text (7–12 digits, starting with 0 or +46)."""
    out = []
    for m in PHONE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        if MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
            out.append(m)
    return out


@lru_cache(maxsize=256)
def email_names(text: str) -> dict[str, str]:
    """Names that e-mail addresses of the text spell out → the address:
    "anna.berg@gislaved.se" → {"anna berg": …}, "anna-karin.berg@…" → {"anna-karin berg": …}."""
    out: dict[str, str] = {}
    for m in EMAIL.finditer(text):
        local = m.group().split("@")[0].lower()
        parts = [p for p in local.split(".") if p]
        if len(parts) >= 2 and all(p.replace("-", "").isalpha() for p in parts):
            out.setdefault(" ".join(parts), m.group())
    return out


def _spelled(address: str) -> str | None:
    """The name an address spells ("anna.berg@…" → "anna berg"), None for "info@…"."""
    names = email_names(address)
    return next(iter(names), None)


def email_of_name(text: str, name: str) -> str | None:
    """The address in the text that spells the name ("Anna Berg" → anna.berg@…)."""
    return email_names(text).get(plain(name))


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def detail_window(text: str, end: int, stop: int) -> tuple[int, int]:
    """Where a person's e-mail and phone may stand: the rest of the name's line, and for a
    name alone on its line, the next lines of its contact card (up to a blank line), never
    past ``stop`` (where the next person starts)."""
    line_end = _line_end(text, end)
    hi = line_end
    line_start = text.rfind("\n", 0, end) + 1
    alone = not text[end:line_end].strip(" \t,|") or _only_cells(text[end:line_end])
    if alone and text[line_start:end].strip():
        for _ in range(MAX_DETAIL_LINES):
            nxt = _line_end(text, hi + 1)
            if hi >= len(text) or not text[hi + 1:nxt].strip():
                break
            hi = nxt
    return end, min(hi, stop)


def _only_cells(rest: str) -> bool:
    """The rest of a line is a short cell or two ("kurator", "| rektor |"), not running text."""
    words = rest.replace("|", " ").replace(",", " ").split()
    return len(words) <= 5 and not rest.rstrip().endswith((".", "!", "?"))


def details(text: str, name: str, end: int, stop: int) -> tuple[str | None, str | None]:
    """(e-mail, phone) given with a person whose name ends at ``end``: on the name's line or
    contact card; an address elsewhere in the text that spells the name also counts."""
    lo, hi = detail_window(text, end, stop)
    window = text[lo:hi]
    own = plain(name)
    email = next((m.group() for m in EMAIL.finditer(window)
                  if _spelled(m.group()) in (own, None)), None) or email_of_name(text, name)
    found = phones(window)
    phone = found[0].group().strip() if found else None
    return email, phone
