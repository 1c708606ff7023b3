"""The practice a query describes without naming it, read from its best hits.

A new team often describes its problem in its own words ("ungdomar som inte har något att göra
på kvällarna") and names no practice, actor or topic the thesaurus knows. Its words
still find a few examples of the practice meant, among others that share only a word or two
with it; the rest of that practice's examples use other words and are not found at all.

So when no word of a query of several content words names a practice, its first FEEDBACK_TOP
hits are read (and so are those of a one-word query that names no concept and no place: a
detail such as "klättring" is written by a few examples of the practice it belongs to): a
practice that at least FEEDBACK_MIN of them have as one of their own (not one
they name in passing, in one place) is taken as the practice the query describes. The hits
keep their places; below them come that practice's other examples, each above the hits whose
score is below FEEDBACK_SHARE of the last of those first hits, and an example found this way
only says so ("Träff via: allaktivitetshus"). This is pseudo-relevance feedback (Rocchio's or
RM3's query expansion) over the examples' practice tags instead of their words: the tags are
few and curated, where the words of a handful of examples are many and mostly incidental; and
it only fills the list below the hits the query's own words ranked first. It is a count over
the first hits' stored practice tags, made per search: no library offers it over Whoosh.

A query whose words few examples have ("kompisbänk": six, all peer support or break-time
activities) would fill the rest of its page with examples found by common words only. So when
fewer than a page of examples have a word that counts, the practices they hold fill it: those
at least FILL_MIN of them have as their own (any of them, when they are fewer than FILL_TOP),
most held first, their examples below all of those hits and above the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

INTERVENTION = "intervention"
DESCRIBED = "described"  # the kind of a practice read from the hits (search.query.Expansion)
FEEDBACK_WORDS = 2  # content words a query needs before its hits are read
FEEDBACK_TOP = 3  # the first hits read, which keep their places
FEEDBACK_MIN = 2  # of them, at least this many have the practice as their own
FEEDBACK_MAX = 1  # practices taken (the one the most hits have; on a tie the higher scored)
FILL_MIN = 2  # of the few examples with a word that counts, this many hold a practice …
FILL_TOP = 3  # … when they are this many or more (else one is enough)
# The practice's other examples rank above the hits that score below this share of the last
# of the first hits (in the order of their own score).
FEEDBACK_SHARE = 0.9
OWN_SCORE_SHARE = 0.01  # how much of its own score orders the practice's examples
# The practice's examples in a municipality of the examples a rare word singles out (a school's
# name says where) rank above its other examples, at this share of the lowest of those.
NEAR_SHARE = 0.95


def described_practices(first: Sequence[tuple[float, Iterable[str]]]) -> list[str]:
    """The practices at least FEEDBACK_MIN of the ``first`` hits (score, its own practices:
    not those it names in passing, in one place) have, most held first, on a tie the higher
    scored, then by name; none when there are fewer than FEEDBACK_TOP hits (too few to tell
    one practice from chance)."""
    if len(first) < FEEDBACK_TOP:
        return []
    held: dict[str, tuple[int, float]] = {}
    for score, practices in first[:FEEDBACK_TOP]:
        for value in set(practices):
            n, total = held.get(value, (0, 0.0))
            held[value] = (n + 1, total + score)
    found = [v for v, (n, _) in held.items() if n >= FEEDBACK_MIN]
    # a full tie (the same hits hold both) goes by name, not by the order of a set
    return sorted(found, key=lambda v: (-held[v][0], -held[v][1], v))[:FEEDBACK_MAX]


def filling_practices(held: Sequence[Sequence[str]]) -> list[str]:
    """The practices that fill the page of a query few examples match (``held``: per
    example, best first, the practices it has as its own): those at least FILL_MIN of them
    hold (one, when they are fewer than FILL_TOP), most held first, then by first held."""
    need = FILL_MIN if len(held) >= FILL_TOP else 1
    count: dict[str, int] = {}
    for practices in held:
        for value in dict.fromkeys(practices):
            count[value] = count.get(value, 0) + 1
    return sorted((v for v, n in count.items() if n >= need), key=lambda v: -count[v])


def below_best(best: Sequence[tuple[float, int]], ids: np.ndarray) -> list[tuple[float, int]]:
    """``best`` (score, docnum, best first) with the documents of ``ids`` (the described
    practice's examples) placed below its first FEEDBACK_TOP: scored FEEDBACK_SHARE of the
    last of those, plus a little of their own score, or their own score when it is higher."""
    if len(best) < FEEDBACK_TOP:
        return list(best)
    first = {docnum for _, docnum in best[:FEEDBACK_TOP]}
    return _placed_below(best, ids, first, best[FEEDBACK_TOP - 1][0])


def below_pinned(best: Sequence[tuple[float, int]], ids: np.ndarray, pinned: set[int],
                 near: frozenset[int] = frozenset()) -> list[tuple[float, int]]:
    """``best`` with the documents of ``ids`` (the practice of the examples a rare word of the
    query singles out, ``pinned``) placed right below the lowest of those examples: scored
    FEEDBACK_SHARE of it (NEAR_SHARE for those ``near``: where the pinned examples are), plus
    a little of their own score, or their own score when higher."""
    own = {docnum: score for score, docnum in best}
    pinned_scores = [own[d] for d in pinned if d in own]
    if not pinned_scores:
        return below_best(best, ids)
    return _placed_below(best, ids, pinned, min(pinned_scores), near)


def _placed_below(best: Sequence[tuple[float, int]], ids: np.ndarray, kept: set[int],
                  lowest: float, near: frozenset[int] = frozenset()
                  ) -> list[tuple[float, int]]:
    """``best`` re-sorted with the documents of ``ids`` not in ``kept`` scored
    FEEDBACK_SHARE of ``lowest`` (NEAR_SHARE for those ``near``) plus a little of their own
    score, or their own when higher; equal scores keep the order of ``best``, then of ``ids``.
    In arrays: a practice may have thousands of examples."""
    docs = np.fromiter((d for _, d in best), dtype=np.int64, count=len(best))
    own = np.fromiter((s for s, _ in best), dtype=np.float64, count=len(best))
    ids = np.asarray(ids, dtype=np.int64)
    added = ids[~np.isin(ids, docs)]
    every = np.concatenate([docs, added])
    base = np.concatenate([own, np.zeros(len(added))])
    placed = np.isin(every, ids) & ~np.isin(every, np.fromiter(kept, dtype=np.int64))
    floor = np.where(np.isin(every, np.fromiter(near, dtype=np.int64)), NEAR_SHARE,
                     FEEDBACK_SHARE) * lowest
    scored = base.copy()
    scored[placed] = np.maximum(base[placed], floor[placed] + OWN_SCORE_SHARE * base[placed])
    order = np.argsort(-scored, kind="stable")
    return list(zip(scored[order].tolist(), every[order].tolist(), strict=True))
