"""E-mail addresses and phone numbers beside persons' names: contact lines and tables
("Anna Berg | kurator | anna.berg@gislaved.se | 070-123 45 67", "Anna Berg, kurator,
070-123 45 67"), and addresses that confirm a name ("anna.berg@…" → Anna Berg).

Plain functions on text and character offsets (no spaCy). Addresses and numbers split over two
lines are read whole (``ingest.tagging.addresses``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.tagging import addresses
from ingest.tagging.addresses import Found

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MAX_DETAIL_LINES = 4  # a vertical contact card: name, role, e-mail (maybe split), phone
_PLAIN = str.maketrans("åäöéèëáàüÅÄÖÉ", "aaoeeeaauaaoe")


def plain(text: str) -> str:
    """Lowercase ASCII-ish form as in e-mail addresses: "Åsa Öberg" → "asa oberg"."""
    return text.lower().translate(_PLAIN)


def phones(text: str) -> list[Found]:
    """Swedish phone numbers in the text (``addresses.phones``)."""
    return addresses.phones(text)


@lru_cache(maxsize=256)
def email_names(text: str) -> dict[str, str]:
    """Names that e-mail addresses of the text spell out → the address:
    "anna.berg@gislaved.se" → {"anna berg": …}, "anna-karin.berg@…" → {"anna-karin berg": …}."""
    out: dict[str, str] = {}
    for found in addresses.emails(text):
        local = found.value.split("@")[0].lower()
        parts = [p for p in local.split(".") if p]
        if len(parts) >= 2 and all(p.replace("-", "").isalpha() for p in parts):
            out.setdefault(" ".join(parts), found.value)
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
    own = plain(name)
    email = next((f.value for f in addresses.emails(text)
                  if lo <= f.start < hi and _spelled(f.value) in (own, None)), None) \
        or email_of_name(text, name)
    phone = next((f.value for f in addresses.phones(text) if lo <= f.start < hi), None)
    return email, phone


# An organisation written beside a person: "Sävsjö kommun", "Region Jönköpings län",
# "Nykvarnsskolan", "Familjecentralen Rydaholm", and the programme's support units.
_ORGANISATION = re.compile(
    r"(?<![\w-])(?:Region [A-ZÅÄÖ][\wåäöé]+ län|[A-ZÅÄÖ][\wåäöé-]+ kommun"
    r"|Qulturum|Kommunal utveckling|Folkhälsa och sjukvård"
    r"|[A-ZÅÄÖ][\wåäöé-]*(?:skolan|skola|gymnasiet|förskolan|familjecentralen|vårdcentralen"
    r"|fritidsgården)(?: [A-ZÅÄÖ][\wåäöé-]+)?)(?![\w-])")


def organisation(text: str, end: int, stop: int, email: str | None) -> str | None:
    """The organisation given with a person whose name ends at ``end`` (on the name's line or
    contact card), else the one the person's e-mail domain names ("@eksjo.se")."""
    lo, hi = detail_window(text, end, stop)
    for m in _ORGANISATION.finditer(text, lo, hi):
        return m.group()
    return addresses.organisation_of_email(email) if email else None
