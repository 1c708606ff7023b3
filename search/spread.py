"""A concept's spread: one status per municipality, derived from dated examples.

Written by hand because the rule is the programme's own and must be explainable to a programme
lead cell by cell: every status carries the examples it rests on and names the one that decided.

The rule (``derive``). The evidence of a concept in a municipality is every example tagged with
both. An example is dated by its document (undated evidence counts as older than any dated one)
and tells, by its stage tag: ``planerad`` → a plan; ``avslutad`` → an ending; ``startad``,
``pågående`` or no stage → practice. Evidence is ordered by date; on the same date practice
comes after an ending, and an ending after a plan (the later one weighs more).

1. No evidence → ``not_tried`` (Inte prövad).
2. The latest evidence is an ending → ``ended`` (Avslutad), decided by that example.
3. Otherwise only practice after the latest ending counts (a restart starts over):
   - none → ``planned`` (Planerad), decided by the latest plan;
   - practice dated in two or more calendar years, or in three or more examples with
     different dates → ``established`` (Etablerad);
   - else → ``ongoing`` (Pågående); both decided by the latest practice.

With a year (``upto``) only evidence dated in or before that year counts: the state at the end
of that year. A coordinator's override (search/spread_overrides.py) replaces the status of a cell
and is shown as such; the derived status stays in the cell beside it.

Inspiration (``inspiration_concepts``): an example tagged with several interventions gives its
"inspired by" to the interventions whose evidence lies in the same sentence as the words that
named the source; failing that, in the same paragraph; failing that, to all of its interventions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from search.records import (
    SPREAD_LABELS,
    ExampleSummary,
    SpreadCell,
    SpreadEvidence,
    SpreadOverride,
    SpreadStatus,
)

PLANNED = "planerad"
ENDED = "avslutad"
RANK = {"plan": 0, "end": 1, "practice": 2}
ESTABLISHED_YEARS = 2
ESTABLISHED_DATES = 3
PRACTISED: tuple[SpreadStatus, ...] = ("ongoing", "established")
STATUSES: tuple[SpreadStatus, ...] = ("planned", "ongoing", "established", "ended", "not_tried")

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
PARAGRAPH_END = re.compile(r"\n\s*\n")

Span = tuple[int, int]


def kind_of(example: ExampleSummary) -> str:
    """What an example tells of its concept: a plan, an ending or practice."""
    stage = (example.stage or "").lower()
    return "plan" if stage == PLANNED else "end" if stage == ENDED else "practice"


def _order(example: ExampleSummary) -> tuple[str, int, str]:
    return (example.date or "", RANK[kind_of(example)], example.id)


def derive(examples: Iterable[ExampleSummary], upto: int | None = None
           ) -> tuple[SpreadStatus, ExampleSummary | None, list[ExampleSummary]]:
    """The status, the deciding example and the evidence (oldest first); see the module."""
    evidence = sorted((ex for ex in examples
                       if upto is None or (ex.year is not None and ex.year <= upto)), key=_order)
    if not evidence:
        return "not_tried", None, []
    latest = evidence[-1]
    if kind_of(latest) == "end":
        return "ended", latest, evidence
    ends = [i for i, ex in enumerate(evidence) if kind_of(ex) == "end"]
    current = evidence[ends[-1] + 1:] if ends else evidence
    practice = [ex for ex in current if kind_of(ex) == "practice"]
    if not practice:
        plans = [ex for ex in evidence if kind_of(ex) == "plan"]
        return "planned", plans[-1], evidence
    years = {ex.year for ex in practice if ex.year is not None}
    dates = {ex.date for ex in practice if ex.date}
    established = len(years) >= ESTABLISHED_YEARS or len(dates) >= ESTABLISHED_DATES
    return ("established" if established else "ongoing"), practice[-1], evidence


def since(evidence: Sequence[ExampleSummary], status: SpreadStatus) -> int | None:
    """The first year of the current practice, for practised cells."""
    if status not in PRACTISED:
        return None
    ends = [i for i, ex in enumerate(evidence) if kind_of(ex) == "end"]
    current = evidence[ends[-1] + 1:] if ends else evidence
    years = [ex.year for ex in current if kind_of(ex) == "practice" and ex.year is not None]
    return min(years) if years else None


def cell(municipality: str, examples: Iterable[ExampleSummary],
         override: SpreadOverride | None = None, upto: int | None = None) -> SpreadCell:
    """One municipality's cell of a concept: its status, evidence and any override."""
    derived, decisive, evidence = derive(examples, upto)
    status = override.status if override is not None else derived
    return SpreadCell(
        municipality=municipality, status=status, label=SPREAD_LABELS[status],
        derived=derived, since=since(evidence, derived), override=override,
        evidence=[SpreadEvidence(example_id=ex.id, title=ex.title, date=ex.date, year=ex.year,
                                 stage=ex.stage, decisive=ex is decisive)
                  for ex in evidence])


def coarse(status: SpreadStatus) -> str:
    """The older three-valued status of /api/concepts: practised, planned or none."""
    return "practised" if status in PRACTISED else "planned" if status == "planned" else "none"


# --- inspiration ---------------------------------------------------------------------------


def _bounds(text: str, span: Span, boundary: re.Pattern[str]) -> Span:
    start = max((m.end() for m in boundary.finditer(text, 0, span[0])), default=0)
    after = boundary.search(text, span[1])
    return start, after.start() if after else len(text)


def _touching(bounds: Span, interventions: dict[str, list[Span]]) -> set[str]:
    low, high = bounds
    return {name for name, spans in interventions.items()
            if any(s < high and e > low for s, e in spans)}


def inspiration_concepts(text: str, source_spans: Sequence[Span],
                         interventions: dict[str, list[Span]]) -> set[str]:
    """The interventions an inspiration (named at ``source_spans``) is about; see the module."""
    if len(interventions) <= 1 or not source_spans:
        return set(interventions)
    for boundary in (SENTENCE_END, PARAGRAPH_END):
        found: set[str] = set()
        for span in source_spans:
            found |= _touching(_bounds(text, span, boundary), interventions)
        if found:
            return found
    return set(interventions)
