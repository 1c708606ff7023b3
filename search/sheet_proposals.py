"""Proposals for a concept sheet's fields, drawn from its linked examples' own words.

Every proposal is one sentence of a linked example (or one tag value), with the example's id,
the heading of the section it stands in and the sentence itself, so the coordinator sees where
it came from and accepts it (copies it into the field) or edits it. Nothing is invented.

The mapping from an example's sections to the sheet's fields is made in one place,
``SECTION_FIELDS``: teams write their sections under the learning network's headings (Nuläge,
Positiva lärdomar, Utmaningar på vägen, Nästa steg, on posters Bakgrund, Vad gjorde vi?,
Mätningar, Resultat, Lärdomar, Kontakt) and their own variants ("Så här gick det", "Det vi
redan lärt oss"), so a heading is matched by the stems it contains, and a heading that joins two
("Utmaningar och nästa steg") feeds both fields:

- Nuläge, Bakgrund, Syfte och mål, Status → description and target group
- Vad gjorde vi?, Så gör vi, Metod, Så arbetar vi → core components
- Nästa steg, Framåt, Idéer att pröva, Så planerar vi → how to start (first steps)
- Resultat, Så här gick det, Vad hände → results; Mätningar (mät-) → measurement and results
- Positiva lärdomar, Lärdomar, Utmaningar, Vad vi lärt oss → lessons and pitfalls
- Kontakt, Vilka finns på plats → roles

Some fields are not a section of their own in any example: a sentence of any section (or of
the whole text, for an example without sections) that has one of ``SENTENCE_CUES``' words is
also proposed for that field (a time, a cost, a role, a target group, a measurement, a result
in per cent); the first two sentences of an example without sections are proposed as its
description. Ages come from the examples' age tags and the owner team from their team.
"""

from __future__ import annotations

import re

from search.records import Example, Proposal, SheetFields

SECTION_FIELDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("nuläge", "bakgrund", "därför startade", "började", "syfte", "status"),
     ("description", "target_group")),
    (("vad gjorde", "så gör", "så gjorde", "metod", "så arbetar", "har vi gjort", "testade",
      "grupperna"), ("core_components",)),
    (("nästa steg", "framåt", "idéer att pröva", "så planerar"), ("first_steps",)),
    (("resultat", "så här gick det", "vad hände", "hänt hittills"), ("results",)),
    (("mät",), ("measurement", "results")),
    (("lärdom", "lärt", "tar vi med", "positiva", "utmaning"), ("lessons",)),
    (("kontakt", "vilka finns på plats"), ("roles",)),
)

SENTENCE_CUES: dict[str, tuple[str, ...]] = {
    "target_group": ("årskurs", "förskoleklass", "förstagångsföräldrar", "familjer med", "elever i",
                     "ungdomar", "år gamla", "nyanlända", "målgrupp", "föräldrar till"),
    "roles": ("kurator", "rektor", "sjuksköterska", "samordnare", "socialsekreterare",
              "pedagog", "fritidsledare", "familjebehandlare", "skolsköterska", "coach"),
    "time_needed": ("timme", "timmar", "veckor", "varje vecka", "månader", "termin",
                    "minuter", "tillfällen", "gång i månaden", "gång i veckan"),
    "costs": ("kronor", "kr", "kostnad", "kostar", "budget", "medel", "finansi", "bidrag"),
    "measurement": ("mäter", "mätte", "mätning", "enkät", "följer upp", "följde upp",
                    "statistik", "registrer"),
    "results": ("procent", "ökade", "ökat", "minskade", "minskat", "halverades", "fördubbl"),
}
# a cue is the start of a word ("ökade", not "utökade"); "kr" and "medel" whole words only
_CUE_PATTERNS = {
    field: re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(w) + (r"(?!\w)" if w in ("kr", "medel") else "") for w in words) + ")")
    for field, words in SENTENCE_CUES.items()}
PER_CENT = re.compile(r"\d\s?%")

PER_FIELD = 12
MIN_CHARS, MAX_CHARS = 15, 400
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”–-])|\s*\n+\s*|\s*[•▪]\s*")


def sentences(text: str) -> list[str]:
    """The sentences (and list items) of a section, too short and too long ones left out."""
    parts = (" ".join(p.split()) for p in SENTENCE_END.split(text or ""))
    return [p.strip(" -–") for p in parts if MIN_CHARS <= len(p) <= MAX_CHARS]


def section_fields(heading: str) -> tuple[str, ...]:
    """The fields a section with this heading feeds (none for an unknown heading)."""
    low = heading.lower()
    found: list[str] = []
    for stems, fields in SECTION_FIELDS:
        if any(stem in low for stem in stems):
            found += [f for f in fields if f not in found]
    return tuple(found)


def _cued(sentence: str) -> list[str]:
    low = sentence.lower()
    found = [field for field, pattern in _CUE_PATTERNS.items() if pattern.search(low)]
    if "results" not in found and PER_CENT.search(low):
        found.append("results")
    return found


def _from_sections(ex: Example) -> list[Proposal]:
    """Proposals from the example's sections; an example without sections offers its first
    two sentences as the description and the rest by cue words only."""
    parts = [(s.heading, s.text) for s in ex.sections] or [("Text", ex.text)]
    out = []
    for heading, text in parts:
        mapped = section_fields(heading) if ex.sections else ()
        for number, sentence in enumerate(sentences(text)):
            opening = ("description",) if not ex.sections and number < 2 else ()
            for field in dict.fromkeys((*mapped, *opening, *_cued(sentence))):
                out.append(Proposal(field=field, text=sentence, example_id=ex.id,
                                    example_title=ex.title, section=heading))
    return out


def _from_tags(ex: Example) -> list[Proposal]:
    out = [Proposal(field="age_groups", text=age, example_id=ex.id, example_title=ex.title,
                    section="Åldrar (taggar)") for age in ex.age_groups]
    if ex.team:
        out.append(Proposal(field="owner_team", text=ex.team, example_id=ex.id,
                            example_title=ex.title, section="Team"))
    for person in ex.persons:
        if person.role and "coach" in person.role.lower():
            out.append(Proposal(field="coach", text=f"{person.name}, {person.role}",
                                example_id=ex.id, example_title=ex.title, section="Personer"))
    return out


def proposals(fields: SheetFields, examples: list[Example]) -> dict[str, list[Proposal]]:
    """Proposals by field key, in the examples' order, each sentence once per field and at
    most ``PER_FIELD``; ``used`` marks those already in the field."""
    current = fields.model_dump()
    out: dict[str, list[Proposal]] = {key: [] for key in SheetFields.model_fields}
    seen: set[tuple[str, str]] = set()
    for ex in examples:
        for proposal in _from_tags(ex) + _from_sections(ex):
            key = (proposal.field, proposal.text.casefold())
            if key in seen or len(out[proposal.field]) >= PER_FIELD:
                continue
            seen.add(key)
            value = current.get(proposal.field)
            proposal.used = (proposal.text in value if isinstance(value, list)
                             else proposal.text.casefold() in str(value).casefold())
            out[proposal.field].append(proposal)
    return out


def accept(fields: SheetFields, proposal: Proposal) -> SheetFields:
    """The fields with the proposal copied in: a text field gets it as a line of its own
    (added after what is there), ages get the age; a proposal already there changes nothing."""
    data = fields.model_dump()
    value = data[proposal.field]
    if isinstance(value, list):
        if proposal.text not in value:
            value.append(proposal.text)
    elif proposal.text.casefold() not in value.casefold():
        data[proposal.field] = f"{value}\n{proposal.text}".strip()
    return SheetFields(**data)
