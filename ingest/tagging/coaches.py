"""The programme's coaches named on an example: a poster's line "Coach: Eva Ek, Qulturum" or
"Processledare: Jonas Berg, Kommunal utveckling, jonas.berg@rjl.se" (segmentation keeps it in
the document's context), a panel headed "Processledare" or "Vår coach", and "coachen Helena
Ström" in the example's own text.

A coach supports the team from outside it: she is kept apart from the example's persons (a
``coach`` tag, not a ``person`` tag), so a team's contact list never names her as a member.
Her role is the one written with her name ("förbättringscoach"), else the label's word
("coach", "processledare"). A newsletter's list of the network's coaches names the coaches of
the whole programme, not of one example: it is not read here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.lexicon import COACH_LINE_LABELS
from ingest.tagging import nlp
from ingest.tagging.persons import Person, find_persons

_LABELS = "|".join(re.escape(w) for w in sorted(COACH_LINE_LABELS, key=len, reverse=True))
# "Coach: …", "Vår coach – …", "Processledare: …" at the start of a line
COACH_LINE = re.compile(
    rf"^\s*(?:(?:vår|våra|teamets|vårt teams) )?(?P<label>{_LABELS})(?:er|na)?\s*[:–—-]\s*"
    r"(?P<rest>\S.*)$", re.IGNORECASE | re.MULTILINE)
# a panel's heading that is only the label: "Processledare", "Vår coach", "Coacher"
COACH_HEADING = re.compile(
    rf"^\s*(?:(?:vår|våra|teamets|vårt teams) )?(?P<label>{_LABELS})(?:er|na)?\s*:?\s*$",
    re.IGNORECASE)
# the role a label stands for
ROLE_OF_LABEL = {"coacher": "coach", "coachstöd": "coach", "processledning": "processledare",
                 "processtödjande": "processtöd"}
COACH_ROLE = re.compile(r"coach|processled|processtöd", re.IGNORECASE)
MAX_LINES = 4  # a coach's line and what follows it in her box (organisation, e-mail, phone)


def _role(label: str) -> str:
    low = label.lower()
    return ROLE_OF_LABEL.get(low, low)


def _first_person(text: str, label: str) -> Person | None:
    found = find_persons(nlp.get().short_doc(text))
    if not found:
        return None
    p = found[0]
    return replace(p, role=p.role if p.role and COACH_ROLE.search(p.role) else _role(label),
                   outside=True)


def coaches_in_context(texts: list[str]) -> list[Person]:
    """The coaches of the example's own panels and lines (each text a heading and its text)."""
    out: list[Person] = []
    for text in texts:
        heading, _, body = text.partition("\n")
        head = COACH_HEADING.match(heading)
        if head is not None:
            out += [replace(p, role=p.role if p.role and COACH_ROLE.search(p.role)
                            else _role(head["label"]), outside=True)
                    for p in find_persons(nlp.get().short_doc(body))]
            continue
        lines = text.splitlines()
        for n, line in enumerate(lines):
            m = COACH_LINE.match(line)
            if m is None:
                continue
            tail = "\n".join([m["rest"], *lines[n + 1:n + MAX_LINES]])
            person = _first_person(tail, m["label"])
            if person is not None:
                out.append(person)
    return _unique(out)


def is_coach(person: Person) -> bool:
    """A person of the text who is the programme's coach ("coachen Helena Ström")."""
    return person.outside and bool(person.role and COACH_ROLE.search(person.role))


def _unique(persons: list[Person]) -> list[Person]:
    seen: dict[str, Person] = {}
    for p in persons:
        seen.setdefault(p.name, p)
    return list(seen.values())
