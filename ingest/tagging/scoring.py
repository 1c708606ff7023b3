"""Which taxonomy hits and place mentions become tags: hit counts, inspiration, the example's
own municipality. Plain functions on hits and mentions (no spaCy), shared by the full tagger
(pipeline.py) and the query terms (query.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol

from ingest.lexicon import (
    INSPIRATION_AND_WORDS,
    INSPIRATION_CLAUSE_WORDS,
    INSPIRATION_LIST_WORDS,
    VISITED_AT_HOME,
)
from ingest.model import ACTOR, AGE_GROUP, FOCUS_AREA, INTERVENTION, STAGE
from ingest.tagging.rules import INSP_BEFORE, INSP_FROM, INSP_TO
from ingest.tagging.taxonomy import Taxonomy

INSPIRATION_WINDOW = 16
LIST_REACH = 7  # words from one listed source to the next ("och på de … i")
BEFORE_GAP = 2  # words between a place and "som förebild" after it
TITLE_WEIGHT = 3.0  # tokens after an inspiration expression
FOCUS_THRESHOLD = 2
WEAK_MIN_HITS = 2
NEAR_STRONG_SPAN = 6  # two co-occurring words this close count like a phrase
_TAXONOMY_KINDS = frozenset({FOCUS_AREA, INTERVENTION, ACTOR, AGE_GROUP, STAGE})


class HitLike(Protocol):
    kind: str
    value: str
    start: int  # token index
    end: int  # token index (exclusive)
    via: str


class MentionLike(Protocol):
    municipality: str
    kind: str
    start: int
    end: int


def inspiration(
    sent: list[int], hits: Sequence[HitLike], mentions: Sequence[MentionLike],
    lower: Sequence[str] = (),
) -> tuple[set[int], set[int]]:
    """Indices of mentions that are sources of inspiration / places that took after the work
    (``sent``: the sentence number of every token; ``lower``: the lowercase tokens, which let
    an expression reach only the list of places right after it)."""
    inspired: set[int] = set()
    followers: set[int] = set()
    from_hits = [h for h in hits if h.kind == INSP_FROM and not _home_visit(h, lower)]
    from_sents = {sent[h.start] for h in from_hits}
    for h in from_hits:
        inspired.update(_sources_after(h, sent, mentions, lower))
    for h in hits:
        if h.kind != INSP_BEFORE:
            continue
        for n, m in enumerate(mentions):
            if sent[m.start] == sent[h.start] and h.start - BEFORE_GAP <= m.end <= h.start:
                inspired.add(n)
    from_tokens = {i for h in from_hits for i in range(h.start, h.end)}
    for h in hits:
        if h.kind != INSP_TO or h.start in from_tokens or sent[h.start] in from_sents:
            continue
        for n, m in enumerate(mentions):
            if sent[m.start] == sent[h.start] and n not in inspired:
                followers.add(n)
    return inspired, followers


def _listed(between: Sequence[str]) -> bool:
    """The words between two places keep them in one list of sources."""
    if all(w in INSPIRATION_LIST_WORDS for w in between):
        return True
    return len(between) <= LIST_REACH and between[0] in INSPIRATION_AND_WORDS \
        and not any(w in INSPIRATION_CLAUSE_WORDS for w in between)


def _home_visit(h: HitLike, lower: Sequence[str]) -> bool:
    """"besökte familjen i Nässjö": a visit to a home, not to a place to learn from."""
    return bool(lower) and h.end < len(lower) and lower[h.end - 1].startswith("besök") \
        and lower[h.end] in VISITED_AT_HOME


def _sources_after(
    h: HitLike, sent: list[int], mentions: Sequence[MentionLike], lower: Sequence[str]
) -> list[int]:
    """The places an inspiration expression names: the first one in its window and those
    listed right after it ("från Araby i Växjö", "från Mullsjö och Tranås")."""
    out: list[int] = []
    for n, m in enumerate(mentions):
        if sent[m.start] != sent[h.start] or not h.end <= m.start <= h.end + INSPIRATION_WINDOW:
            continue
        if out and lower and not _listed(lower[mentions[out[-1]].end:m.start]):
            break
        out.append(n)
    return out


def select_own(
    mentions: Sequence[MentionLike], own: list[int], title_munis: tuple[str, ...]
) -> set[str]:
    """The example's own municipality: most mentioned (title counts extra); a second one only
    when it is about as prominent. Others are places the text relates to (visitors,
    comparisons, followers)."""
    score: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    for n in own:
        m = mentions[n]
        score[m.municipality] += 1.0 + (0.5 if m.kind != "kommun" else 0.0)
        first.setdefault(m.municipality, m.start)
    for muni in title_munis:
        score[muni] += TITLE_WEIGHT
        first.setdefault(muni, -1)
    if not score:
        return set()
    ranked = sorted(score, key=lambda k: (-score[k], first.get(k, 1 << 30)))
    top = score[ranked[0]]
    return {k for k in ranked if k == ranked[0] or (score[k] >= 0.8 * top and score[k] >= 3)}


def hit_counts(
    hits: Sequence[HitLike],
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """Mentions per intervention and actor: hits in different places (three words of a rule
    counting twice; a hit inside or across an earlier one of the same value is the same
    place: "fråga föräldrarna själva" is one mention), and the strong hits (phrases, heads
    and words close together)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    strong: dict[tuple[str, str], int] = defaultdict(int)
    seen: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if h.kind in (INTERVENTION, ACTOR):
            key = (h.kind, h.value)
            # two words close together, or three words of one rule in a sentence
            close = h.via == "near3" or (h.via == "near" and h.end - h.start <= NEAR_STRONG_SPAN)
            strong[key] += h.via in ("phrase", "head") or close
            if any(s < h.end and h.start < e for s, e in seen[key]):
                continue
            seen[key].append((h.start, h.end))
            # three words of one rule in a sentence ("föräldrar med egen erfarenhet") say it
            # as much as two mentions: no passing remark (an intervention's min_hits)
            counts[key] += 2 if h.via == "near3" else 1
    return counts, strong


def counts_as_tag(
    h: HitLike,
    tax: Taxonomy,
    counts: dict[tuple[str, str], int],
    strong: dict[tuple[str, str], int],
) -> bool:
    """A taxonomy hit, of an intervention or actor found often (or strongly) enough."""
    if h.kind not in _TAXONOMY_KINDS:
        return False  # inspiration expressions
    key = (h.kind, h.value)
    if h.kind == INTERVENTION:
        item = tax.intervention(h.value)
        if item and counts[key] < item.min_hits:
            return False
        if not strong[key] and counts[key] < WEAK_MIN_HITS:
            return False  # only co-occurrences or compound parts: need more than one
    return not (h.kind == ACTOR and counts[key] < tax.actor_min_hits.get(h.value, 1))


def count_acting(
    units: set[int], hits: Sequence[HitLike], tax: Taxonomy,
    counts: dict[tuple[str, str], int], strong: dict[tuple[str, str], int],
) -> set[tuple[str, str]]:
    """A family centre that acts or is a workplace (``units``: its tokens, acting.py) names
    its intervention at once, its min_hits met; returns the interventions so named."""
    acting: set[tuple[str, str]] = set()
    for h in hits:
        if h.kind == INTERVENTION and h.start in units:
            item = tax.intervention(h.value)
            key = (h.kind, h.value)
            counts[key] = max(counts[key], item.min_hits if item else 1)
            strong[key] += 1
            acting.add(key)
    return acting


def context_mentions(
    hits: Sequence[HitLike], acting: set[tuple[str, str]], tax: Taxonomy,
    counts: dict[tuple[str, str], int], strong: dict[tuple[str, str], int],
) -> set[tuple[str, str]]:
    """Interventions only mentioned as the context of another one the text has (the family
    centre whose task the pupil health centre takes over), unless they act."""
    tagged = {h.value for h in hits if h.kind == INTERVENTION
              and counts_as_tag(h, tax, counts, strong)}
    out: set[tuple[str, str]] = set()
    for value in tagged:
        item = tax.intervention(value)
        if item and set(item.context_in) & tagged and (INTERVENTION, value) not in acting:
            out.add((INTERVENTION, value))
    return out
