"""Units that act in an example: a family centre as the subject of a sentence ("Familjecentralen
i Gislaved har startat ett kafé", "Förskolan och familjecentralen vill erbjuda …") or as the
workplace of its people ("kurator på Habo familjecentral", "arbetar på familjecentralen").

Such a unit is the team's own practice, not a place the text only mentions ("när
familjecentralens uppdrag slutar"), so one mention is enough for its intervention.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from ingest.lexicon import ACTING_UNIT_LEMMAS, TEAM_AUXILIARIES, TEAM_VERBS, WORKPLACE_LEMMAS
from ingest.tagging.taxonomy import taxonomy


class TokenView(Protocol):
    """The token lists of the tagger's view and of the query analysis (no spaCy here)."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    sent: list[int]

_FINITE_ENDINGS = ("ar", "er", "ade", "de", "te", "r")
_CLAUSE_START = frozenset({".", "!", "?", ":", "–", "—", "-", "•"})
_COORDINATION = frozenset({"och", ",", "samt"})
_WORKPLACE_PREPOSITIONS = frozenset({"på", "vid", "för", "från", "inom"})
_AUXILIARIES = frozenset(a.split()[0] for a in TEAM_AUXILIARIES)


def acting_units(tv: TokenView) -> set[int]:
    """Token indices of the units (family centres) that act or are a workplace."""
    out: set[int] = set()
    for i, lemma in enumerate(tv.lemma):
        if lemma in ACTING_UNIT_LEMMAS and (_is_subject(tv, i) or _is_workplace(tv, i)):
            out.add(i)
    return out


def _clause_start(tv: TokenView, i: int) -> bool:
    """Token i begins a sentence, a line or the text after a dash or colon."""
    ws: Sequence[str] = getattr(tv, "ws", ())
    return i == 0 or tv.sent[i - 1] != tv.sent[i] or tv.text[i - 1] in _CLAUSE_START \
        or "\n" in tv.text[i - 1] or bool(ws) and "\n" in ws[i - 1]


def _is_subject(tv: TokenView, i: int) -> bool:
    """The unit (with its place or name) begins its clause, alone or after other units joined
    by "och", and a finite verb follows."""
    k = i
    while k >= 2 and tv.lower[k - 1] in _COORDINATION and tv.text[k - 2].isalpha():
        k -= 2
    if not _clause_start(tv, k):
        return False
    j = i + 1
    n = len(tv.text)
    if j + 1 < n and tv.lower[j] in ("i", "på") and tv.text[j + 1][:1].isupper():
        j += 2
    elif j < n and tv.text[j][:1].isupper() and tv.text[j].isalpha():
        j += 1  # "Familjecentralen Solstrålen har …"
    return j < n and _finite_verb(tv.lower[j])


def _finite_verb(low: str) -> bool:
    return low in _AUXILIARIES or (low.startswith(TEAM_VERBS) and low.endswith(_FINITE_ENDINGS))


def _is_workplace(tv: TokenView, i: int) -> bool:
    """"<role> på (Habo) familjecentral(en)", "arbetar på familjecentralen"."""
    k = i - 1
    if k >= 0 and tv.text[k][:1].isupper() and tv.text[k].isalpha():
        k -= 1  # "på Habo familjecentral"
    if k < 1 or tv.lower[k] not in _WORKPLACE_PREPOSITIONS:
        return False
    before = tv.lemma[k - 1]
    return before in WORKPLACE_LEMMAS or _is_role(before)


@lru_cache(maxsize=20_000)
def _is_role(lemma: str) -> bool:
    """A role word of the taxonomy ("kurator", "samordnare", "barnsjuksköterska")."""
    return any(lemma == r or (lemma.endswith(r) and len(lemma) - len(r) >= 2)
               for r in taxonomy().roles)
