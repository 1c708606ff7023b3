"""An example's focus areas follow from what it does: the focus areas of its interventions
(taxonomy terms, and proposed key phrases by the focus words of their parts), then its own
trigger words, with its actors as a weak hint (``actor_focus`` in the taxonomy).

The text-level tagger (``tag_text``) decides by trigger words and taxonomy interventions
alone, as the query analysis does; this is the decision for a whole example.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.model import ACTOR, FOCUS_AREA, FOCUS_AREAS, INTERVENTION
from ingest.tagging import nlp
from ingest.tagging.compounds import split_compound
from ingest.tagging.scoring import FOCUS_THRESHOLD
from ingest.tagging.taxonomy import taxonomy

if TYPE_CHECKING:
    from ingest.tagging.pipeline import _Tags

ACTOR_WEIGHT = 1  # an actor pointing to an area weighs as much as one single trigger word
# The trigger score an area needs besides those the example's interventions point to.
UNSUPPORTED_MIN = 4

Spans = list[tuple[int, int]]


@lru_cache(maxsize=1024)
def phrase_areas(phrase: str) -> tuple[str, ...]:
    """The focus areas a key phrase's words point to: focus triggers and interventions among
    the words and their compound parts, else its actors ("skolkurator" → elevhälsa). An actor
    is only a hint: "cykelskola" and "simskola" are courses in cycling and swimming, whose
    "skola" names no school work (Fullföljda studier) beside the trigger word "cykel"."""
    tax = taxonomy()
    parts = [p for word in phrase.split() for p in split_compound(word)]
    engine = nlp.get()
    hits = engine.match(engine.doc(" \n".join(dict.fromkeys([phrase, *parts]))))
    areas: list[str] = []
    hinted: list[str] = []
    for h in hits:
        if h.kind == FOCUS_AREA:
            areas.append(h.value)
        elif h.kind == INTERVENTION:
            item = tax.intervention(h.value)
            areas.extend(item.focus_areas if item else ())
        elif h.kind == ACTOR:
            hinted.extend(tax.actor_focus.get(h.value, ()))
    return tuple(a for a in FOCUS_AREAS if a in (areas or hinted))


def _supported(tags: _Tags) -> dict[str, Spans]:
    """Focus area → evidence of the example's interventions that point to it."""
    tax = taxonomy()
    out: dict[str, Spans] = {}
    for (kind, value), spans in tags.evidence.items():
        if kind != INTERVENTION:
            continue
        item = None if value in tags.proposed else tax.intervention(value)
        areas = item.focus_areas if item else phrase_areas(value) if value in tags.proposed else ()
        for area in areas:
            out.setdefault(area, []).extend(spans)
    return out


def _actor_hints(tags: _Tags) -> dict[str, Spans]:
    tax = taxonomy()
    out: dict[str, Spans] = {}
    for (kind, value), spans in tags.evidence.items():
        if kind == ACTOR:
            for area in tax.actor_focus.get(value, ()):
                out.setdefault(area, []).extend(spans)
    return out


def example_focus_areas(tags: _Tags) -> None:
    """Replace the focus area tags with the example's: every area its interventions point to,
    others when their trigger words (and an actor) score enough, and when nothing does, the
    best-scoring area of any evidence at all."""
    supported = _supported(tags)
    hints = _actor_hints(tags)
    score = {a: tags.trigger_score.get(a, 0) + ACTOR_WEIGHT * (a in hints) for a in FOCUS_AREAS}
    least = UNSUPPORTED_MIN if supported else FOCUS_THRESHOLD
    chosen = [a for a in FOCUS_AREAS if a in supported or score[a] >= least]
    best = max(FOCUS_AREAS, key=lambda a: score[a])
    if not chosen and score[best] > 0:
        chosen = [best]
    for area in FOCUS_AREAS:
        tags.evidence.pop((FOCUS_AREA, area), None)
    for area in chosen:
        tags.add(FOCUS_AREA, area)
        for start, end in [*tags.focus_spans.get(area, ()), *supported.get(area, ()),
                           *hints.get(area, ())]:
            tags.add(FOCUS_AREA, area, start, end)
