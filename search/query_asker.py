"""The asker's own place in a question: where the team is, not what it asks for.

A team that writes as "vi" and puts itself somewhere ("vi är BVC i Värnamo",
"hos oss i Nässjö", "vi på Villstadsskolan i Smålandsstenar") asks how others have done
something; the examples from its own municipality are no better answers than the rest. Such a
place still scores, weakly, but an example does not need it (search.query_plan.word_plan). A place a
family lives in ("vi bor i Anderstorp") is where it wants the activity, and one the question is
about ("familjer som flyttat till Gnosjö") is its topic: both keep their weight.

Hand-written: a few Swedish function words around a gazetteer place, which no library reads.
"""

from __future__ import annotations

import re

from ingest.lexicon import ASKER_IN_A_PLACE, ASKER_LIVING, ASKER_TEAM_WORDS
from search.analysis import TOKEN_PATTERN, is_place

ASKER_PLACE_WEIGHT = 0.3  # an asker's place's share of its BM25 score

_WORD = re.compile(TOKEN_PATTERN)


def askers_places(text: str) -> frozenset[str]:
    """The places (lowercase, as written) a team's query puts the team in."""
    tokens = [m.group().lower() for m in _WORD.finditer(text)]
    if not ASKER_TEAM_WORDS.intersection(tokens):
        return frozenset()
    found = set()
    for i, token in enumerate(tokens):
        if i == 0 or tokens[i - 1] not in ASKER_IN_A_PLACE or not is_place(token):
            continue
        if i >= 2 and tokens[i - 2] in ASKER_LIVING:
            continue
        found.add(token)
    return frozenset(found)
