"""Swedish text analysis for the index, identical on the index and the query side.

tokenizer → lowercase → stopwords → lemma (``ingest.tagging.lemmatize``) → compound parts at
the same position → an ASCII-folded variant (å/ä → a, ö → o) at the same position, so that
"nassjo" finds Nässjö and "skolnärvaro" finds "närvaro i skolan".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import (
    Composable,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StopFilter,
    Token,
)

from ingest.lexicon import (
    INFINITIVE_MARKERS,
    QUESTION_WORDS,
    SEARCH_STOPWORDS,
    SUBJECT_PRONOUNS,
)
from ingest.tagging import lemmatize as _lemmatize
from ingest.tagging import split_compound as _split
from ingest.tagging.compounds import split_known_compound
from ingest.tagging.lemmas import is_known as _is_known
from ingest.tagging.lemmas import simple_lemma

STOPWORDS = SEARCH_STOPWORDS | QUESTION_WORDS  # dropped on the index and the query side

TOKEN_PATTERN = r"\w+(?:[-:]\w+)*"
MIN_PART = 3

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u"})
_FOLD_PAIRS = tuple((chr(code), str(plain)) for code, plain in _FOLD.items())


def unmark(text: str) -> str:
    """The text with the letters ``_FOLD`` names replaced one for one (its length kept): å and
    ä by a, ö by o, é and è by e, ü by u. One str.replace per letter: str.translate with the
    table took 150 µs for a text of 1,600 characters and 1 µs for a word, this 16 µs and 0.4."""
    for letter, plain in _FOLD_PAIRS:
        text = text.replace(letter, plain)
    return text


def fold(word: str) -> str:
    """ASCII-fold the Swedish letters (and a few accents) of a lowercase word."""
    folded = unmark(word)
    if folded.isascii():
        return folded
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


# --- lemma and compound lookups (shared with the tagger) -------------------------------------


def _simple_word(word: str) -> bool:
    """A plain known form (skolan, kommunen) that must not be cut into parts."""
    return simple_lemma(word) is not None and len(word) < 10


def _part_lemmas(part: str, final: bool) -> list[str]:
    """Lemmas of a compound part; a modifier gets its base forms back (skol → skola,
    föräldra → förälder)."""
    if final:
        return [lemma(part)]
    cands = [part, part + "a", part + "e", part + "r"]
    if part.endswith("s") and not part.endswith("ss"):  # no -s- links after an -s
        cands.append(part[:-1])
    if part.endswith(("o", "e", "a")):
        cands.append(part[:-1] + "a")
    found: list[str] = []
    for cand in cands:
        try:
            if _is_known(cand):
                found.append(_modifier_reading(cand))
        except Exception:  # noqa: BLE001
            break
    return list(dict.fromkeys(found))[:3] or [lemma(part)]


def _modifier_reading(word: str) -> str:
    """The lemma of a word that begins a compound, unless the table reads it as the past of
    a verb with another stem ("låg": ligga, "såg": se): a compound begins with a stem, not
    a verb's past, so the word is read as itself. An adjective's other stem stays ("små":
    liten)."""
    found = lemma(word)
    verb = found.endswith("a") or len(found) <= 3
    return word if verb and not found.startswith(word[:2]) else found


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Lowercase lemma of one word (cached)."""
    try:
        result = _lemmatize(word)
    except Exception:  # a lookup problem must never break indexing or search
        result = word
    return (result or word).lower()


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """Lemmatised compound parts of a word (empty when it is not a compound)."""
    return tuple(dict.fromkeys(t for group in part_lemmas(word) for t in group))


@lru_cache(maxsize=20_000)
def part_lemmas(word: str, known_too: bool = False) -> tuple[tuple[str, ...], ...]:
    """The lemmas of each compound part of a word, part by part ("föräldrataxi":
    (föräldra, förälder), (taxi,)); empty when it is not a compound, when it is a place's name
    (``_proper_place``), or (unless ``known_too``) a short form the lemma table knows
    ("frågelåda" is a word of its own there)."""
    if len(word) < 2 * MIN_PART or not word.isalpha() or (
            not known_too and _simple_word(word)) or _proper_place(word):
        return ()
    try:
        parts = [p.lower() for p in _split(word)]
    except Exception:  # noqa: BLE001
        return ()
    if len(parts) < 2 or any(len(p) < MIN_PART for p in parts):
        return ()
    return tuple(tuple(_part_lemmas(p, i == len(parts) - 1)) for i, p in enumerate(parts))


MIN_KNOWN_HEAD = 4  # letters of the last part of a word the lemma table knows whole


@lru_cache(maxsize=20_000)
def known_compound_parts(word: str) -> tuple[tuple[str, ...], ...]:
    """The lemmas of each part of a compound the lemma table knows whole ("fredagsmorgnarna":
    (fredag,), (morgon,)), split as an unknown word is (``split_known_compound``); empty when
    it is no compound."""
    if len(word) < 2 * MIN_PART or not word.isalpha():
        return ()
    parts = split_known_compound(word)
    # a known word cut before a short last piece is mostly a form of a simple word ("andars":
    # and + ars)
    if len(parts) < 2 or any(len(p) < MIN_PART for p in parts) or \
            len(parts[-1]) < MIN_KNOWN_HEAD:
        return ()
    return tuple(tuple(_part_lemmas(p, i == len(parts) - 1)) for i, p in enumerate(parts))


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """The gazetteer's one-word place names and their genitives ("Rydaholms"), lowercase and
    also without å/ä/ö, → the place's name, lowercase."""
    from ingest.tagging.gazetteer import surface_forms

    out: dict[str, str] = {}
    for surface, place in surface_forms().items():
        if " " not in surface:
            for key in (surface.lower(), fold(surface.lower())):
                out.setdefault(key, place.lower())
    return out


def _proper_place(word: str) -> bool:
    """Whether a lowercase word is the name of a place of the gazetteer and no word of the
    lemma table: a name, not a compound of the words it looks made of ("anderstorp" is no
    "anders" + "torp", "gnosjö" no "sjö", "ingatorp" no "ingen"); a place that is a word too
    ("herrgården") is still read as the word."""
    return place_of(word) is not None and not _is_known(word)


def place_of(word: str) -> str | None:
    """The one-word place of the gazetteer (its name, lowercase) a lowercase word names, as
    written, without its å/ä/ö or in the genitive ("nassjo": nässjö, "stockaryds": stockaryd)."""
    return _places().get(word)


def is_place(word: str) -> bool:
    """Whether a lowercase word names a one-word place of the gazetteer (``place_of``)."""
    return place_of(word) is not None


MIN_PLACE_REST = 4  # letters of the word after a place's name ("skolan", "gården")
MIN_PLACE = 5  # letters of the place's name (shorter ones are words too: "berg", "lund", "kil")


@lru_cache(maxsize=200_000)
def place_parts(word: str) -> tuple[str, ...]:
    """A compound that begins with a one-word place of the gazetteer, with or without a
    joining s, and ends in a known word ("ekbyskolan": ekby, skola; "ekbygården") is about
    that place: its parts are the place's name and the terms of the word after it. The lemma
    table knows no place names, so it does not split such a word or splits it wrongly
    ("nässjöskolan": näs, sjö, skola), and a query for the place missed the examples that
    name it only by its school."""
    if not word.isalpha():
        return ()
    places = _places()
    for i in range(MIN_PLACE, len(word) - MIN_PLACE_REST + 1):
        head, rest = word[:i], word[i:]
        place = places.get(head)
        if place is None and head.endswith("s"):
            place = places.get(head[:-1])
        if place is not None and len(place) >= MIN_PLACE and place != word and _is_known(rest):
            return (place, *variants(rest, False))
    return ()


_TEXT_WORD = re.compile(TOKEN_PATTERN)


def verb_base(word: str) -> bool:
    """Whether the lemma table has a word in -a as the base form of a present or past tense
    ("tränar", "tränade" → "träna"), whatever else it reads the word itself as ("träna": träd);
    a noun's definite plural ("eleverna") is none."""
    return word.endswith("a") and len(word) >= 4 and word.isalpha() and (
        lemma(word + "r") == word or lemma(word[:-1] + "ade") == word)


def infinitives(text: str) -> set[str]:
    """The words of a text right after an infinitive marker ("att klara", "kan stötta"), or
    after a marker and the subject of a question ("hur kan vi stötta"): a verb's base form,
    whatever else the lemma table reads the word as ("klara": klar, "träna": träd)."""
    words = [m.group().lower() for m in _TEXT_WORD.finditer(text)]
    out = set()
    for i, word in enumerate(words[:-1]):
        if word in INFINITIVE_MARKERS:
            after = i + 2 if words[i + 1] in SUBJECT_PRONOUNS and i + 2 < len(words) else i + 1
            out.add(words[after])
    return out


def word_parts(word: str) -> tuple[tuple[str, ...], ...]:
    """The lemmas of each part of a query word read as a compound, the last its head: a place
    and the word after it ("öxnehagaskolan": öxnehaga, skola), else the word's parts or its
    lemma's; empty when it is no compound."""
    placed = place_parts(word)
    if placed:
        return (placed[:1], placed[1:])
    return part_lemmas(word) or part_lemmas(lemma(word))


@lru_cache(maxsize=200_000)
def variants(word: str, index_side: bool) -> tuple[str, ...]:
    """All terms one lowercase word produces, the lemma first. A place name's genitive or its
    spelling without å/ä/ö also gives the place's name ("rydaholms", "asen"): the lemma table
    does not know places ("rydaholms" would be "rydaholme"). A place's name has no compound
    parts; a compound that begins with one has the place and the rest's terms."""
    base = lemma(word)
    terms = [base]
    place = _places().get(word)
    if place and place != base:
        terms.append(place)
    if base != word and lemma(base) == word:
        # the lemma table reads the two forms as each other's lemma ("stötta" → "stött",
        # "stött" → "stötta"; "trygg" ↔ "trygga"): a word of either is both, or the verb's
        # own forms ("stöttar" → "stötta") would miss a query for its base form
        terms.append(word)
    if "-" in word or ":" in word:
        for piece in word.replace(":", "-").split("-"):
            if len(piece) >= 2:
                terms.append(lemma(piece))
    placed = place_parts(word)
    if placed:  # a place and a word after it ("nässjöskolan": nässjö, skola)
        terms.extend(placed)
    elif not _proper_place(word):  # a place's name is a name, not a compound
        terms.extend(compound_parts(word))
        if base != word:
            terms.extend(compound_parts(base))
    if index_side:
        terms.append(word)
        terms.extend([fold(t) for t in list(terms)])
    out = [t for t in dict.fromkeys(terms) if t and t not in STOPWORDS]
    return tuple(out) or (base,)


class SwedishFilter(Filter):
    """Replaces each token by its lemma and adds compound parts and folded variants at the same
    position. The index side also keeps the surface form."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SwedishFilter)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            if t.stopped:
                yield t
                continue
            mode = getattr(t, "mode", "")
            index_side = mode != "query"
            for term in variants(t.text, index_side):
                t.text = term
                yield t


MIN_TOKEN, MAX_TOKEN = 2, 60  # letters of a word the analyser keeps (and gives a position)


def swedish_analyzer() -> Composable:
    """The analyzer used by the text fields of the index."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter(stoplist=STOPWORDS, minsize=MIN_TOKEN, maxsize=MAX_TOKEN)
        | SwedishFilter()
    )



def query_words(text: str) -> list[str]:
    """Lowercase words of a query string without stopwords: the analyser's tokens, before
    lemmas and compound parts."""
    return list(_query_words(text))


@lru_cache(maxsize=4096)
def _query_words(text: str) -> tuple[str, ...]:
    """``query_words``, once per text: one search asks for the words of its text (and of
    its parts and suggestions) some hundred times."""
    words = (m.group().lower() for m in _TEXT_WORD.finditer(text))
    return tuple(w for w in words if w not in STOPWORDS and len(w) > 1)


def pair_spans(text: str, words: list[str]) -> list[str]:
    """For each two of a query's words (``query_words``) after one another, the text from
    the first to the second, small words between them included ("mötesplats för
    småbarnsföräldrar")."""
    spans = [m for m in _TEXT_WORD.finditer(text) if m.group().lower() in words]
    out = []
    for i in range(len(words) - 1):
        a = next((m for m in spans if m.group().lower() == words[i]), None)
        b = next((m for m in spans if m.group().lower() == words[i + 1]
                  and a is not None and m.start() > a.start()), None)
        out.append(text[a.start():b.end()] if a is not None and b is not None
                   else f"{words[i]} {words[i + 1]}")
    return out


def analyse(text: str, mode: str = "query") -> list[str]:
    """Terms the analyzer makes of a text (for tests and debugging)."""
    return [t.text for t in swedish_analyzer()(text, mode=mode)]
