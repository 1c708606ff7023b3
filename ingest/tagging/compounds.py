"""Dictionary-driven splitting of Swedish compounds (skolnärvaron → skol + närvaron).

One kind of compound is split by a short hand-written rule instead: a number word and a unit of
time before the rest ("tvåmånadersbesöket" → två + månad + besöket, "sexårsverksamhet" → sex + år +
verksamhet). The lemma table has no genitive units ("månaders", "veckors") as compound starts, so
the dictionary split finds nothing there or cuts the word at random ("fyr" + "avec" + ...).

A few everyday words the dictionary would cut into unrelated words are kept whole, and start
compounds whole (WHOLE_WORDS): "ungdomarna" is no "ung" + "domarna" (referees), and
"fritidsgården" is "fritid" + "gården", not "fri" + "tid" + "gården". Endings that make a
word of a verb ("-are", "-het": SUFFIXES) end no compound, and no linking -s- follows an -s
("klassrummet" is "klass" + "rummet").
"""

from __future__ import annotations

from functools import lru_cache

from ingest.tagging.lemmas import (
    definite_base,
    first_declension,
    is_known,
    load_tables,
    may_begin,
    may_end,
    simple_lemma,
)

MIN_PART = 3
NUMBER_WORDS = ("två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
                "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton", "tjugo")
# a unit of time as the start of a compound, and its base form
TIME_UNITS = {"års": "år", "månaders": "månad", "månads": "månad", "veckors": "vecka",
              "dagars": "dag", "timmars": "timme", "minuters": "minut"}
# endings that make a word of a verb or an adjective, no last part of a compound, though the
# table has them as words ("hemmasittare" is no "hemma" + "sitt" + "are")
SUFFIXES = frozenset({"are", "aren", "arna", "ares", "ande", "ende", "het", "heten", "else"})
# no compounds for a reader, though the dictionary has words for their pieces
WHOLE_WORDS = frozenset({"ungdom", "fritid", "ordförande", "barnmorska"})


def _begin_cost(seg: str, strict: bool) -> int | None:
    """0 if ``seg`` may start a compound, 1 if only with a linking -s, None if not at all."""
    if len(seg) < MIN_PART:
        return None
    if may_begin(seg, strict) or seg in WHOLE_WORDS:
        return 0
    if not strict and seg.isalpha() and first_declension(seg + "a"):
        # "läx" of "läxa" in a word the table does not know ("läxcafé", "läxbråk"): the
        # hunspell list has such a stem for some nouns ("skol") and not for others
        return 0
    if seg[-1] == "s" and len(seg) > MIN_PART and (may_begin(seg[:-1], strict)
                                                    or seg[:-1] in WHOLE_WORDS):
        return 1
    return None


def _is_end(seg: str) -> bool:
    return len(seg) >= MIN_PART and seg not in SUFFIXES \
        and (may_end(seg) or definite_base(seg) is not None)


Split = tuple[tuple[str, ...], int]  # parts, number of linking -s- used


def _better(a: Split | None, b: Split) -> bool:
    if a is None:
        return True
    ka = (len(a[0]), a[1], -len(a[0][-1]))
    kb = (len(b[0]), b[1], -len(b[0][-1]))
    return kb < ka


@lru_cache(maxsize=200_000)
def _segment(word: str, strict: bool, whole_ok: bool) -> Split | None:
    """Best split of ``word`` into known parts (fewest parts, fewest links, longest head)."""
    if whole_ok and _is_end(word):
        return ((word,), 0)
    best: Split | None = None
    inside = max((len(w) for w in WHOLE_WORDS if word.startswith(w)), default=0)
    for k in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        if k < inside:  # "fritidsgården" is fritid + gården, never fri + tid + gården
            continue
        cost = _begin_cost(word[:k], strict)
        if cost is None:
            continue
        rest = _segment(word[k:], strict, True)
        if rest is None:
            continue
        cand = ((word[:k], *rest[0]), rest[1] + cost)
        if _better(best, cand):
            best = cand
    return best


@lru_cache(maxsize=200_000)
def split_compound(word: str) -> list[str]:
    """Compound parts of a word, lowercase, in order; ``[word]`` if it is not a compound.

    Parts are substrings of the word, except that a linking -s- is dropped from a non-final
    part ("hembesöksprogrammet" → ["hembesök", "programmet"]). Hyphenated words split at the
    hyphens first. Words the lemma table knows are only split at well-attested compound parts.
    """
    lower = word.lower()
    if "-" in lower:
        parts: list[str] = []
        for piece in lower.split("-"):
            if piece:
                parts.extend(split_compound(piece))
        return parts or [lower]
    if len(lower) < 2 * MIN_PART or not lower.isalpha():
        return [lower]
    t = load_tables()
    known = lower in t.forms or lower in t.lemmas or lower in t.stems
    if known and _whole_base(lower):
        return [lower]
    return _parts(lower, known)


def _whole_base(form: str) -> bool:
    """True if the table reads a word form as another word that is no compound: "personalen"
    is "personal", not a person's "alen"."""
    base = simple_lemma(form)
    return base is not None and base != form and _parts(base, True) == [base]


def _counted_time(lower: str) -> list[str]:
    """Number word, unit of time and the rest of a compound that starts with both
    ("fyraveckorsbesöket": fyra, vecka, besöket); empty for any other word."""
    number = max((n for n in NUMBER_WORDS if lower.startswith(n)), key=len, default=None)
    if number is None:
        return []
    rest = lower[len(number):]
    unit = next((u for u in TIME_UNITS if rest.startswith(u) and len(rest) > len(u) + 2), None)
    if unit is None:
        return []
    return [number, TIME_UNITS[unit], *split_compound(rest[len(unit):])]


def _unlinked(part: str) -> str:
    """A compound's non-final part without its linking -s- ("hembesöks": hembesök); a word
    that ends in -ss is itself ("klass" in "klassrummet", never the name "klas"): no -s- links
    after an -s."""
    if part[-1] != "s" or len(part) <= MIN_PART or not is_known(part[:-1]):
        return part
    if part.endswith("ss") and is_known(part):
        return part
    return part[:-1]


@lru_cache(maxsize=20_000)
def split_known_compound(word: str) -> list[str]:
    """Compound parts of a word the lemma table knows whole ("fredagsmorgon": fredag, morgon),
    split as an unknown word is; ``[word]`` if it is not a compound. ``split_compound`` leaves
    such a word whole unless its parts are well attested: for a text that is right ("barnmorska"
    is no child's "morska"), but a reader looking for a compound no text writes may want it by
    its parts."""
    lower = word.lower()
    if len(lower) < 2 * MIN_PART or not lower.isalpha():
        return [lower]
    return _parts(lower, False)


def _parts(lower: str, strict: bool) -> list[str]:
    """The best split of a lowercase word (``_segment``), a linking -s- dropped from a
    non-final part; ``[lower]`` when there is none."""
    counted = _counted_time(lower)
    if counted:
        return counted
    if lower in WHOLE_WORDS:
        return [lower]
    best = _segment(lower, strict, False)
    if best is None:
        return [lower]
    out = [_unlinked(p) for p in best[0][:-1]]
    out.append(best[0][-1])
    return out
