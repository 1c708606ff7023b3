"""Who to ask about a concept, derived from its examples when no concept sheet names them: the
teams behind the examples ("Ägare") and the programme's coaches the examples name ("Programmets
coach").

The owners are the teams of the examples (one team: the same ``team`` written the same way,
case aside), the most established first: by the concept's status in the team's municipality
(established before ongoing, planned, ended), then by the team's first example (the earliest
first). The coaches are the ``coaches`` of the examples (search/catalogue.py ``coach_rows``), one
per name (compared lowercase), the most often named first; a hidden or erased coach is no longer
on any example, so she is on no concept either. A published concept sheet's own owner and coach
fields win over these (web/views/concepts.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from ingest.tagging.teams import team_key
from search.records import ConceptCoach, ConceptOwner, ExampleSummary, SpreadCell

MAX_OWNERS = 3
MAX_COACHES = 5
STATUS_ORDER = {"established": 0, "ongoing": 1, "planned": 2, "ended": 3, "not_tried": 4}
DETAILS = ("role", "organisation", "email", "phone")


def _status(ex: ExampleSummary, cells: Mapping[str, SpreadCell]) -> str | None:
    found = [cells[m].status for m in ex.municipalities if m in cells]
    return min(found, key=STATUS_ORDER.__getitem__) if found else None


def owners(examples: list[ExampleSummary], cells: Mapping[str, SpreadCell]
           ) -> list[ConceptOwner]:
    """The teams behind ``examples`` (oldest first), the most established and earliest first.
    One team however its name is spelled (``team_key``: "Attarpsskolan", "Attarpskolan"),
    under the spelling most of its examples use (the earliest on a tie)."""
    teams: dict[str, ConceptOwner] = {}
    spellings: dict[str, Counter[str]] = {}
    for ex in examples:
        if not (ex.team or "").strip():
            continue
        name = " ".join(ex.team.split())  # type: ignore[union-attr]
        key = team_key(name) or name.casefold()
        spellings.setdefault(key, Counter())[name] += 1
        owner = teams.get(key)
        if owner is None:
            teams[key] = ConceptOwner(
                team=ex.team, municipalities=list(ex.municipalities),  # type: ignore[arg-type]
                status=_status(ex, cells), since=ex.year, example_id=ex.id,
                example_title=ex.title, examples=1)
            continue
        owner.examples += 1
        owner.municipalities += [m for m in ex.municipalities if m not in owner.municipalities]
        status = _status(ex, cells)
        if status is not None and (owner.status is None or STATUS_ORDER[status]
                                   < STATUS_ORDER[owner.status]):
            owner.status = status
    for key, owner in teams.items():
        owner.team = spellings[key].most_common(1)[0][0]  # first counted first on a tie
    ranked = sorted(teams.values(), key=lambda o: (
        STATUS_ORDER.get(o.status or "", 9), o.since is None, o.since or 0, o.team.casefold()))
    return ranked[:MAX_OWNERS]


def coaches(examples: list[ExampleSummary], named: Mapping[str, list[dict[str, Any]]]
            ) -> list[ConceptCoach]:
    """The coaches ``named`` on ``examples`` (example id → coach dicts), the most often named
    first, each with the first detail any example gives."""
    found: dict[str, ConceptCoach] = {}
    for ex in examples:
        for person in named.get(ex.id, []):
            name = " ".join(str(person.get("name") or "").split())
            if not name:
                continue
            coach = found.setdefault(name.casefold(), ConceptCoach(name=name))
            if ex.id not in coach.example_ids:
                coach.example_ids.append(ex.id)
            for key in DETAILS:
                if getattr(coach, key) is None and person.get(key):
                    setattr(coach, key, person[key])
    ranked = sorted(found.values(), key=lambda c: (-len(c.example_ids), c.name.casefold()))
    return ranked[:MAX_COACHES]
