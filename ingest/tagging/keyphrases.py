"""An example's own key phrases: what the team does, named with the example's words when the
taxonomy has no intervention for it ("läxcafé", "digital föräldrakväll").

Candidates are nouns, with an adjective before them, from the title, the parts that say what
the team does (Metod, "Vad gjorde vi" …) and the first paragraph; they score by where they
stand, by standing after a verb of doing ("vi startade ett läxcafé"), by being compounds and
by recurring in the text. Proposed to coordinators as new terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ingest.lexicon import (
    ACTION_VERB_LEMMAS,
    FILLER_LEMMAS,
    FUNCTION_WORDS,
    GENERIC_NOUN_LEMMAS,
    METHOD_HEADINGS,
    PHRASE_STOPWORDS,
    SWEDISH_ENGLISH_HOMOGRAPHS,
)
from ingest.model import Section
from ingest.tagging.compounds import split_compound
from ingest.tagging.gazetteer import surface_forms
from ingest.tagging.lemmas import compared, is_base_form, load_tables, verb_forms
from ingest.tagging.nlp import TokenView, view
from ingest.tagging.persons import is_first_name, is_role
from ingest.tagging.taxonomy import taxonomy
from ingest.tagging.teams import STANDALONE_UNITS

MAX_PHRASES = 3
TITLE_WEIGHT = 3.0
METHOD_WEIGHT = 2.0
FIRST_PARAGRAPH_WEIGHT = 1.5
ELSEWHERE_WEIGHT = 0.3
ACTION_BONUS = 2.0
COMPOUND_BONUS = 1.0
ADJECTIVE_BONUS = 0.5
MIN_SCORE = 3.0  # for a second or third phrase
MIN_BEST = 2.5  # for the best: a word of the title, or a compound of the first paragraph
MIN_HEAD = 3
# Endings of Swedish adjectives and participles ("digital", "flerspråkig", "gemensam").
_ADJECTIVE_ENDINGS = ("ig", "isk", "lig", "al", "iv", "ell", "sam", "bar", "ande", "ende", "erad",
                      "ös", "är")
_ADVERB_ENDINGS = ("igen", "ligen", "vis", "ast")
_UNITS = ("skola", "gymnasium")  # "Hagaskolan": a team, not a practice
_VERB_ENDINGS = ("ade", "at", "ar", "er", "te", "de", "it", "ats", "ades", "as", "es")
# Between a verb of doing and its object: "bjuder in till en", "startade upp ett nytt".
_ARTICLES = frozenset({"en", "ett", "ny", "nytt", "nya", "vår", "vårt", "våra", "sin", "sitt",
                       "sina", "egen", "eget", "egna", "in", "till", "upp", "igång", "i", "med"})


@dataclass
class Candidate:
    phrase: str  # the base forms, lowercase: "digital föräldrakväll"
    head: str  # the head noun's base form
    score: float = 0.0
    spans: list[tuple[int, int]] = field(default_factory=list)  # occurrences in the text
    in_title: bool = False
    variant: bool = False  # the title says which kind: "läxcafé med seniorer"


@lru_cache(maxsize=1)
def _excluded() -> frozenset[str]:
    """Lemmas that never head a key phrase: actors and age groups of the taxonomy."""
    tax = taxonomy()
    words = {t for triggers in tax.actors.values() for t in triggers}
    words |= {t for triggers in tax.age_groups.values() for t in triggers}
    return frozenset(w.lower() for w in words if " " not in w)


@lru_cache(maxsize=1)
def _not_heads() -> frozenset[str]:
    """Fillers, generic nouns, ``_excluded`` and English function words: one set, not a
    union per word."""
    return FILLER_LEMMAS | GENERIC_NOUN_LEMMAS | _excluded() | _english_function_words()


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    """spaCy's English stop words that are no Swedish nouns ("the", "for"; not "by", "part"):
    an English text or title ("Overview of the Technology …") proposed "the" as a practice."""
    return frozenset(w for w in ENGLISH_STOP_WORDS
                     if w.isalpha() and w not in SWEDISH_ENGLISH_HOMOGRAPHS)


def _base(word: str, lemma: str) -> str:
    """The base form of a noun: the word itself when it is a base form of its own ("språk",
    not the verb "språka"; "uppdrag", not "uppdra"), else its lemma ("föräldrakvällar")."""
    low = word.lower()
    if low == lemma or is_base_form(low) or len(lemma) > len(low):
        return low
    return lemma


def _is_adjective(low: str, lemma: str) -> bool:
    """An adjective in one of its forms ("digital", "digitala", "gemensamt"), not a genitive
    ("familjecentralens")."""
    return low.isalpha() and len(low) >= 4 and lemma.endswith(_ADJECTIVE_ENDINGS) \
        and low not in FUNCTION_WORDS and low not in STOP_WORDS \
        and (low == lemma or low[-1] in "tae" and low.startswith(lemma[:-2]))


def _adjective_form(low: str, lemma: str) -> str:
    """The adjective as it goes with a singular noun: "digitala" → "digital", "gemensamt"
    stays (a neuter noun)."""
    return low if low == lemma + "t" else lemma


@lru_cache(maxsize=50_000)
def _is_verb(low: str, lemma: str) -> bool:
    """An inflected verb ("startade", "öppnar") or an infinitive that has verb forms and no
    definite noun form ("förlänga", not "skola")."""
    if lemma != low and lemma.endswith("a") and low.endswith(_VERB_ENDINGS):
        return True
    if low.endswith("r") and len(lemma) >= len(low) and verb_forms(low[:-1]):
        return True  # "öppnar" (the table reads it as the noun "öppnare")
    if low.endswith(("ade", "ad", "at")) and verb_forms(low[: -2 if low[-1] != "e" else -3] + "a"):
        return True  # "träffade", "förlängd": participles
    if low.endswith(("dde", "tt")) and low[:-3 if low.endswith("dde") else -2] == lemma:
        return True  # "trodde", "bott": the past of a short verb ("tro", "bo")
    return verb_forms(lemma)


def _is_head(tv: TokenView, i: int, lowered: frozenset[str] = frozenset()) -> bool:
    """A noun-like word that can name a practice (``lowered``: lemmas the text also writes in
    lowercase, so that a title's first word "Läxcafé" is one)."""
    word, low, lemma = tv.text[i], tv.lower[i], tv.lemma[i]
    if not _head_word(low, lemma):
        return False
    # not a name (a capital mid-sentence), a place, a person or a team
    return not (word[:1].isupper() and (word in surface_forms() or is_first_name(word)
                                        or not _line_start(tv, i)
                                        or not (_common_word(low, lemma) or lemma in lowered)))


@lru_cache(maxsize=50_000)
def _head_word(low: str, lemma: str) -> bool:
    """What makes a word a head wherever it stands: long enough, letters, no function word,
    role, adjective, adverb or verb (kept per word: asked for every word of every example)."""
    if len(low) < MIN_HEAD or not low.replace("-", "").isalpha() or low.startswith("-"):
        return False
    if low in FUNCTION_WORDS or low in STOP_WORDS or low in PHRASE_STOPWORDS:
        return False
    if {low, lemma} & _not_heads():
        return False
    if "-" in low and low.split("-")[0] in FUNCTION_WORDS:
        return False  # "prova på-veckor": the end of a phrase, not a word
    if is_role(lemma) or is_role(low) or is_role(low.rstrip("n")) \
            or _is_adjective(low, lemma) and not has_noun_forms(lemma) \
            or compared(lemma) \
            or low.endswith(_ADVERB_ENDINGS):
        return False
    return not _is_verb(low, lemma)


def _common_word(low: str, lemma: str) -> bool:
    """A capitalised word at the start of a line that is a common word ("Frukostklubb"), not a
    name ("Hagaskolan", "Mara")."""
    if lemma.endswith(_UNITS) and lemma not in _UNITS:
        return False
    return is_base_form(lemma) or is_base_form(low) or len(split_compound(lemma)) > 1


def _line_start(tv: TokenView, i: int) -> bool:
    return i == 0 or tv.text[i - 1] in (".", "!", "?", ":") or "\n" in tv.text[i - 1] \
        or "\n" in tv.ws[i - 1]


def _after_action(tv: TokenView, start: int) -> bool:
    """The phrase is the object of a verb of doing: "startade ett nytt läxcafé"."""
    k = start - 1
    while k >= 0 and start - k <= 4 and tv.lower[k] in _ARTICLES:
        k -= 1
    return k >= 0 and tv.lemma[k] in ACTION_VERB_LEMMAS


def _occurrences(
    tv: TokenView, lowered: frozenset[str]
) -> list[tuple[str, str, int, int, bool]]:
    """(phrase, head, first token, head token, after a verb of doing) of the candidates."""
    out: list[tuple[str, str, int, int, bool]] = []
    for i in range(len(tv.text)):
        if not _is_head(tv, i, lowered):
            continue
        head = _base(tv.text[i], tv.lemma[i])
        start = i
        before = tv.text[i - 1] if i > 0 else ""
        if before and tv.sent[i - 1] == tv.sent[i] and (before.islower() or _line_start(
                tv, i - 1)) and _is_adjective(tv.lower[i - 1], tv.lemma[i - 1]):
            start = i - 1
        words = [_adjective_form(tv.lower[start], tv.lemma[start])] if start < i else []
        out.append((" ".join([*words, head]), head, start, i, _after_action(tv, start)))
    return out


_METHOD = re.compile(r"^(?:" + "|".join(re.escape(h) for h in METHOD_HEADINGS) + r")\b", re.I)


def _zones(text: str, title: str, sections: list[Section]) -> list[tuple[int, int, float]]:
    """(start, end, weight) of the parts of the text that say what the team does."""
    zones: list[tuple[int, int, float]] = []
    for section in sections:
        if _METHOD.match(section.heading.strip()) and section.text.strip():
            pos = text.find(section.text.strip()[:60])
            if pos >= 0:
                zones.append((pos, pos + len(section.text.strip()), METHOD_WEIGHT))
    start = len(title) if title and text.startswith(title) else 0
    body = text[start:].lstrip()
    start = len(text) - len(body)
    end = text.find("\n\n", start + 1)
    zones.append((start, end if end > 0 else len(text), FIRST_PARAGRAPH_WEIGHT))
    return zones


def _score(candidates: dict[str, Candidate], tv: TokenView, zones: list[tuple[int, int, float]],
           in_text: bool, lowered: frozenset[str] = frozenset()) -> None:
    """Add the occurrences of the text (``in_text``) or of the title to the candidates."""
    for phrase, head, start, i, action in _occurrences(tv, lowered):
        cand = candidates.setdefault(phrase, Candidate(phrase, head))
        pos = tv.idx[start]
        if in_text:
            weight = max((w for lo, hi, w in zones if lo <= pos < hi), default=ELSEWHERE_WEIGHT)
            cand.spans.append(_sentence(tv, start))
        else:
            weight = TITLE_WEIGHT
            cand.in_title = True
            cand.variant = cand.variant or _qualified(tv, i)
        cand.score += weight + (ACTION_BONUS if action else 0.0)


_QUALIFIERS = frozenset({"med", "vid", "för", "på", "utan", "via"})


def _qualified(tv: TokenView, i: int) -> bool:
    """The noun at token i is followed by words that say which kind of it: "Läxcafé med
    seniorer", "Sms vid första frånvaron", "Föräldrakväll på nätet" (not a place or a unit:
    "Mammacafé på familjecentralen", "Kamratstöd på Runnskolan")."""
    k = i + 1
    if k + 1 >= len(tv.text) or tv.lower[k] not in _QUALIFIERS:
        return False
    word, low = tv.text[k + 1], tv.lower[k + 1]
    return word.isalpha() and word.islower() and low not in FUNCTION_WORDS \
        and tv.lemma[k + 1] not in STANDALONE_UNITS


def _sentence(tv: TokenView, i: int) -> tuple[int, int]:
    """Character span of the sentence of token i (without its line breaks)."""
    s = tv.sent[i]
    lo = i
    while lo > 0 and tv.sent[lo - 1] == s:
        lo -= 1
    hi = i
    while hi + 1 < len(tv.text) and tv.sent[hi + 1] == s:
        hi += 1
    start, end = tv.idx[lo], tv.idx[hi] + len(tv.text[hi])
    text = tv.src[start:end]
    return start + len(text) - len(text.lstrip()), start + len(text.rstrip())


def key_phrases(text_doc: Doc, title_doc: Doc, sections: list[Section]) -> list[Candidate]:
    """Up to three key phrases naming what the team does, best first, each with the
    sentences of the text it stands in."""
    tv, title_tv = view(text_doc), view(title_doc)
    candidates: dict[str, Candidate] = {}
    lowered = frozenset(lemma for w, lemma in zip(tv.text, tv.lemma, strict=True) if w.islower())
    _score(candidates, title_tv, [], in_text=False, lowered=lowered)
    _score(candidates, tv, _zones(tv.src, title_tv.src, sections), in_text=True)
    for cand in candidates.values():
        cand.score += COMPOUND_BONUS if len(split_compound(cand.head)) > 1 else 0.0
        cand.score += ADJECTIVE_BONUS if " " in cand.phrase else 0.0
    return _choose(_merged(candidates))


def _merged(candidates: dict[str, Candidate]) -> list[Candidate]:
    """A noun and the same noun with its adjective are one candidate, named with the
    adjective ("föräldrakväll" in the title, "en digital föräldrakväll" in the text)."""
    out = dict(candidates)
    for cand in candidates.values():
        if " " in cand.phrase and cand.head in out and cand.head != cand.phrase:
            bare = out.pop(cand.head)
            cand.score += bare.score
            cand.spans = sorted({*cand.spans, *bare.spans})
            cand.in_title = cand.in_title or bare.in_title
            cand.variant = cand.variant or bare.variant
    return list(out.values())


def _choose(candidates: list[Candidate]) -> list[Candidate]:
    """The best candidate, and up to two more that score well and stand in the text."""
    ranked = sorted(candidates, key=lambda c: (-c.score, -len(c.phrase), c.phrase))
    chosen: list[Candidate] = []
    for cand in ranked:
        if len(chosen) == MAX_PHRASES:
            break
        if cand.score < MIN_BEST or chosen and (
                cand.score < max(MIN_SCORE, chosen[0].score / 2) or not cand.spans
                or any(c.head == cand.head for c in chosen)):
            continue
        chosen.append(cand)
    return chosen


# Endings of definite and plural nouns; the short ones ("smsn", "smst") are also adjective
# forms ("ensamt") and count only when ``loose``.
_NOUN_ENDINGS = ("en", "et", "ar", "er", "or", "arna", "erna", "orna")
_SHORT_NOUN_ENDINGS = ("n", "t", "na")


@lru_cache(maxsize=20_000)
def has_noun_forms(lemma: str, loose: bool = False) -> bool:
    """The lemma, or the last part of the compound it is, has the forms of a noun in the
    table ("samtal": "samtalet"; "trepartssamtal"; loosely also "sms"): not an adjective in
    -al or a verb or adverb ("ger", "hemma")."""
    parts = split_compound(lemma)
    last = parts[-1] if len(parts) > 1 else lemma
    forms = load_tables().forms
    endings = _NOUN_ENDINGS + (_SHORT_NOUN_ENDINGS if loose else ())
    return any(forms.get(last + e, "").lower() == last for e in endings)
