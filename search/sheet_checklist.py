"""The transferability checklist of a concept sheet.

Modelled on the criteria the EU Best Practice Portal (DG SANTE) assesses practices by:
relevance, evidence and evaluation, effect, equity, transferability, sustainability,
participation and cross-sector collaboration. We do not score a practice; we tell the
coordinator, for each criterion, what the sheet already shows (``known``: which field, or
which linked example supports it) and what a team copying it would still miss (``missing``).

Everything is derived from the sheet's own fields and its linked examples, nothing is stored:

- relevance: a description and a target group (or ages) on the sheet; examples describing
  their starting point (a Nuläge/Bakgrund section).
- evidence/evaluation: the sheet says how results were measured; examples with a measurement
  section (Mätningar, Resultat).
- effect: the sheet states results, and in numbers (a digit or a per cent).
- equity: words about reaching those who need it most (utsatta, nyanlända, jämlik, …) in the
  sheet or the examples.
- transferability: core components, first steps and roles are written, and the examples come
  from more than one municipality.
- sustainability: time and costs are written; the examples span more than one year.
- participation: children, young people or parents take part (their actor tags, or words such
  as delaktig, enkät, dialog).
- collaboration: the examples name two or more kinds of actors (skola, socialtjänst, …).

A criterion is ``ok`` with nothing missing, ``partial`` with something known and something
missing, ``missing`` with nothing known. The words are Swedish stems matched in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ingest.lexicon import (
    EQUITY_WORDS,
    MEASURE_HEADINGS,
    PARTICIPATING_ACTORS,
    PARTICIPATION_WORDS,
    START_HEADINGS,
)
from search.records import ChecklistItem, Example, SheetFields

NUMBER = re.compile(r"\d")

Finding = tuple[list[str], list[str]]  # known, missing


def _titles(examples: Iterable[Example]) -> str:
    return ", ".join(ex.title for ex in examples)


def _with_heading(examples: list[Example], stems: tuple[str, ...]) -> list[Example]:
    return [ex for ex in examples
            if any(any(s in sec.heading.lower() for s in stems) for sec in ex.sections)]


def _words_found(words: tuple[str, ...], text: str) -> list[str]:
    low = text.lower()
    return [w for w in words if w in low]


def _relevance(f: SheetFields, examples: list[Example]) -> Finding:
    known, missing = [], []
    (known if f.description else missing).append("Kort beskrivning")
    if f.target_group or f.age_groups:
        known.append("Målgrupp: " + (f.target_group or ", ".join(f.age_groups) + " år")[:120])
    else:
        missing.append("Målgrupp eller åldrar")
    started = _with_heading(examples, START_HEADINGS)
    if started:
        known.append("Utgångsläget beskrivs i: " + _titles(started))
    return known, missing


def _evaluation(f: SheetFields, examples: list[Example]) -> Finding:
    known, missing = [], []
    (known if f.measurement else missing).append("Hur resultaten mättes")
    measured = _with_heading(examples, MEASURE_HEADINGS)
    if measured:
        known.append("Mätningar i: " + _titles(measured))
    return known, missing


def _effect(f: SheetFields, examples: list[Example]) -> Finding:
    if not f.results:
        return [], ["Resultat"]
    if NUMBER.search(f.results):
        return ["Resultat med mått (siffror)"], []
    return ["Resultat"], ["Resultat i siffror eller andelar"]


def _equity(f: SheetFields, examples: list[Example]) -> Finding:
    own = _words_found(EQUITY_WORDS, " ".join((f.description, f.target_group, f.results,
                                               f.core_components, f.lessons)))
    known = [f"Bladet nämner: {', '.join(own)}"] if own else []
    shown = [ex for ex in examples if _words_found(EQUITY_WORDS, ex.text)]
    if shown:
        known.append("Exempel som tar upp vilka som nås: " + _titles(shown))
    missing = [] if own else ["Hur konceptet når dem som behöver det mest"]
    return known, missing


def _transferability(f: SheetFields, examples: list[Example]) -> Finding:
    known, missing = [], []
    for value, label in ((f.core_components, "Kärnkomponenter"),
                         (f.first_steps, "Första stegen"), (f.roles, "Roller")):
        (known if value else missing).append(label)
    towns = sorted({m for ex in examples for m in ex.municipalities})
    if len(towns) > 1:
        known.append(f"Prövat i {len(towns)} kommuner: {', '.join(towns)}")
    else:
        missing.append("Prövat i fler än en kommun" + (f" (bara {towns[0]})" if towns else ""))
    return known, missing


def _sustainability(f: SheetFields, examples: list[Example], years: list[int]) -> Finding:
    known, missing = [], []
    for value, label in ((f.time_needed, "Tid som behövs"), (f.costs, "Kostnader")):
        (known if value else missing).append(label)
    ongoing = [ex for ex in examples if ex.stage in ("pågående", "startad")]
    if ongoing:
        known.append("Pågår i: " + _titles(ongoing))
    if len(set(years)) > 1:
        known.append(f"Exempel från {min(years)}–{max(years)}")
    elif not ongoing:
        missing.append("Arbete som pågått mer än ett år")
    return known, missing


def _participation(f: SheetFields, examples: list[Example]) -> Finding:
    known = []
    own = _words_found(PARTICIPATION_WORDS, " ".join(
        (f.description, f.core_components, f.first_steps, f.roles, f.lessons)))
    if own:
        known.append(f"Bladet nämner: {', '.join(own)}")
    actors = sorted({a for ex in examples for a in ex.actors if a in PARTICIPATING_ACTORS})
    if actors:
        known.append("Med i exemplen: " + ", ".join(actors))
    worded = [ex for ex in examples if _words_found(PARTICIPATION_WORDS, ex.text)]
    if worded:
        known.append("Exempel som frågar eller engagerar målgruppen: " + _titles(worded))
    missing = [] if own else ["Hur barn, unga eller föräldrar är delaktiga"]
    return known, missing


def _collaboration(f: SheetFields, examples: list[Example]) -> Finding:
    actors = sorted({a for ex in examples for a in ex.actors
                     if a not in PARTICIPATING_ACTORS})
    known = [f"Aktörer i exemplen: {', '.join(actors)}"] if actors else []
    if f.roles:
        known.append("Roller beskrivna på bladet")
    missing = [] if len(actors) > 1 else ["Fler än en verksamhet som samverkar"]
    return known, missing


Judge = Callable[[SheetFields, list[Example]], Finding] | None  # None: sustainability
CRITERIA: tuple[tuple[str, str, str, Judge], ...] = (
    ("relevans", "Relevans", "Svarar konceptet på ett tydligt behov hos en målgrupp?",
     _relevance),
    ("utvardering", "Evidens och utvärdering", "Har arbetet följts upp och mätts?", _evaluation),
    ("effekt", "Effekt", "Finns resultat som visar att det gör skillnad?", _effect),
    ("jamlikhet", "Jämlikhet", "Når det de barn och familjer som behöver det mest?", _equity),
    ("overforbarhet", "Överförbarhet", "Kan ett annat team ta efter det?", _transferability),
    ("hallbarhet", "Hållbarhet", "Kan arbetet leva vidare, och vad kostar det?", None),
    ("delaktighet", "Delaktighet", "Är barn, unga och föräldrar delaktiga?", _participation),
    ("samverkan", "Samverkan", "Arbetar flera verksamheter tillsammans?", _collaboration),
)

def checklist(fields: SheetFields, examples: list[Example],
              years: dict[str, int] | None = None) -> list[ChecklistItem]:
    """One item per criterion; ``years`` gives the year of each example's document by id."""
    dated = [y for ex in examples if (y := (years or {}).get(ex.id)) is not None]
    items = []
    for key, label, question, judge in CRITERIA:
        known, missing = (judge(fields, examples) if judge is not None
                          else _sustainability(fields, examples, dated))
        status = "ok" if not missing else ("partial" if known else "missing")
        items.append(ChecklistItem(key=key, label=label, question=question, status=status,
                                   known=known, missing=missing))
    return items
