"""Swedish lemma lookup: spaCy's sv lookup table, lowercase and compound-head fallbacks.

``lemmatize("familjecentralerna") == "familjecentral"``; the result is always lowercase.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.tagging import lemma_tables
from ingest.tagging.resources import hunspell_dic

# The lookup table is part-of-speech blind; these forms mean something else in this domain.
OVERRIDES = {
    "har": "ha", "hade": "ha", "haft": "ha", "planerar": "planera", "steg": "steg",
    "stöd": "stöd", "bor": "bo", "unga": "ung", "barnen": "barn", "mål": "mål",
    "vården": "vård", "vård": "vård", "start": "start", "län": "län", "läns": "län",
    "ledare": "ledare", "rektor": "rektor", "elev": "elev", "lek": "lek", "leken": "lek",
    "dans": "dans", "rast": "rast", "raster": "rast", "rasterna": "rast", "gympa": "gympa",
    "träning": "träning", "besök": "besök", "hembesök": "hembesök", "föräldrar": "förälder",
    "prova": "prova", "arbetar": "arbeta", "kurator": "kurator", "team": "team",
    "teamet": "team", "teamen": "team", "samverkan": "samverkan", "insats": "insats",
    "fritid": "fritid", "ung": "ung", "ungas": "ung", "barns": "barn", "ska": "ska",
    "skall": "ska", "skulle": "ska", "tillsammans": "tillsammans", "provar": "prova",
    "provade": "prova", "provat": "prova", "lekar": "lek", "lekarna": "lek", "smsar": "sms:a",
    "sms:ar": "sms:a", "sms:at": "sms:a", "sms:ade": "sms:a", "smsade": "sms:a",
    "komet": "komet",  # a noun (and a parenting programme), not a form of "komma"
    # ordinals, not the numbers the table reads them as ("första" as "en", a stopword)
    "första": "första", "andra": "andra", "tredje": "tredje",
    "matte": "matte", "matten": "matte",  # mathematics, not a rug ("matta")
    "mår": "må",  # "hur mår barnen": the verb, not the plant "måra"
    # past tenses of irregular verbs the table reads as nouns ("toga", "villa", "ficka")
    "tog": "ta", "ville": "vilja", "fick": "få",
    "vuxen": "vuxen",  # an adult ("en trygg vuxen"), as "vuxna" is, not a form of "växa"
    "leds": "leda",  # "gruppen leds av", not "lida"
}


def _lookup_path() -> Path | None:
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "sv_lemma_lookup.json.gz"
    return path if path.exists() else None


class _Tables:
    """The tables every lookup reads: whole in memory, or (``lemma_tables``) from SQLite."""

    forms: Any = {}  # form → lemma
    lemmas: Any = frozenset()  # the table's base forms
    stems: Any = frozenset()  # hunspell stems (all)
    strict_begin: Any = frozenset()  # hunspell's compound-start words only
    end: Any = frozenset()  # hunspell's compound-end words
    loaded = False
    whole = False
    forms_of: Any = None  # the SQLite file's forms of given lemmas, when read from it


def _read_hunspell() -> tuple[set[str], set[str], set[str]]:
    stems: set[str] = set()
    begin: set[str] = set()
    end: set[str] = set()
    path = hunspell_dic()
    if path is not None:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
        for line in lines:
            word, _, flags = line.partition("/")
            word = word.strip()
            if not word.isalpha() or not word.islower():
                continue
            stems.add(word)
            if any(f in flags for f in "XUZ"):
                begin.add(word)
            if "Y" in flags:
                end.add(word)
    return stems, begin, end


def sources_stamp() -> str:
    """The fingerprint of the installed lemma table and word list (lemma_tables.py)."""
    return lemma_tables.fingerprint((_lookup_path(), hunspell_dic()))


def read_sources() -> tuple[dict[str, str], dict[str, int]]:
    """The lemma table (form → lemma) and every word with its lemma_tables flags."""
    import srsly

    path = _lookup_path()
    forms: dict[str, str] = dict(srsly.read_gzip_json(path)) if path else {}
    stems, begin, end = _read_hunspell()
    words: dict[str, int] = {}
    for flag, found in ((lemma_tables.LEMMA, {v.lower() for v in forms.values()}),
                        (lemma_tables.STEM, stems), (lemma_tables.BEGIN, begin),
                        (lemma_tables.END, end)):
        for word in found:
            words[word] = words.get(word, 0) | flag
    return forms, words


def _load_whole() -> None:
    forms, words = read_sources()
    _Tables.forms = forms
    for name, flag in (("lemmas", lemma_tables.LEMMA), ("stems", lemma_tables.STEM),
                       ("strict_begin", lemma_tables.BEGIN), ("end", lemma_tables.END)):
        setattr(_Tables, name, frozenset(w for w, flags in words.items() if flags & flag))
    _Tables.whole = True


def load_tables(whole: bool = False) -> type[_Tables]:
    """The lemma table and the hunspell word list: from ``lemma_tables``'s SQLite file when it
    is up to date and ``whole`` is not asked for (a few milliseconds), else read whole into
    memory once (about two seconds; faster per word, for reading documents)."""
    if _Tables.loaded and (_Tables.whole or not whole):
        return _Tables
    found = None if whole else lemma_tables.open_tables(lemma_tables.TABLE_FILE,
                                                        sources_stamp())
    if found is None:
        _load_whole()
    else:
        for name in ("forms", "lemmas", "stems", "strict_begin", "end", "forms_of"):
            setattr(_Tables, name, getattr(found, name))
    _Tables.loaded = True
    return _Tables


def may_begin(seg: str, strict: bool) -> bool:
    """May start a compound: hunspell's compound-start words, or (not strict) any base form."""
    t = load_tables()
    if seg in t.strict_begin:
        return True
    return not strict and len(seg) >= 3 and seg in t.lemmas and seg.isalpha()


def may_end(seg: str) -> bool:
    """May end a compound: any known form or base form."""
    t = load_tables()
    return seg in t.forms or seg in t.lemmas or seg in t.stems or seg in t.end


def first_declension(noun: str) -> bool:
    """True if a lowercase word in -a is a noun whose definite form ends in -an ("läxa":
    "läxan", "gata": "gatan"): such a noun may drop its -a at the start of a compound
    ("läxcafé", "gatlykta")."""
    t = load_tables()
    return noun.endswith("a") and str(t.forms.get(noun + "n", "")).lower() == noun


def is_known(word: str) -> bool:
    """True if the lowercase word is a known form or base form."""
    t = load_tables()
    return word in t.forms or word in t.lemmas or word in t.stems


def forms_of(lemmas: Iterable[str]) -> list[str]:
    """The lowercase forms of the lemma table whose lemma is one of ``lemmas``."""
    wanted = set(lemmas)
    t = load_tables()
    if t.whole:
        found = [form for form, lemma in t.forms.items() if lemma in wanted]
    else:
        found = t.forms_of(wanted)
    return [form for form in found if form.islower()]


def is_base_form(word: str) -> bool:
    """True if the lowercase word is a base form of the lemma table or the word list."""
    t = load_tables()
    return word in t.lemmas or word in t.stems


def verb_forms(lemma: str) -> bool:
    """True if a lemma in -a has past forms ("förlängde", "startade") and no definite noun
    form ("skolan"): a verb, not a noun like "skola" or "gympa"."""
    t = load_tables()
    if not lemma.endswith("a") or t.forms.get(lemma + "n", "").lower() == lemma:
        return False
    stem = lemma[:-1]
    forms = (stem + "ade", stem + "de", stem + "te", stem + "er", stem, lemma + "r", lemma + "s")
    return any(t.forms.get(form, "").lower() == lemma for form in forms)


@lru_cache(maxsize=50_000)
def compared(lemma: str) -> bool:
    """True if the lemma has comparative forms ("tryggare", "kortare"): an adjective."""
    t = load_tables()
    forms = [lemma + "are", lemma + "ast", lemma + "aste"]
    if lemma.endswith("en"):  # öppen: öppet, öppna
        forms += [lemma[:-1] + "t", lemma[:-2] + "na"]
    return any(t.forms.get(form, "").lower() == lemma for form in forms)


def simple_lemma(word: str) -> str | None:
    """Table lemma of the word (or its lowercase form) without compound fallback."""
    t = load_tables()
    lower = word.lower()
    if lower in OVERRIDES:
        return OVERRIDES[lower]
    hit = t.forms.get(word) or t.forms.get(lower)
    if hit:
        return _base_reading(_noun_base(lower, _verb_reading(lower, hit.lower(), t), t), t)
    if lower in t.lemmas or lower in t.stems:
        return _base_reading(lower, t)
    return None


@lru_cache(maxsize=50_000)
def verb_reading(word: str) -> str | None:
    """The verb a lowercase present tense in -ar is, when the table reads the form as the
    plural of a noun in -e ("fångar": fånge, "börjar": börje) and the verb has forms of its own
    ("fånga", "fångade"). The table has one lemma per form and cannot tell "tre fångar" from
    "de fångar upp"; this reading is kept beside the table's for the rules that look for a
    verb near another word (``ingest.tagging.rules.near_hits``), not for the index."""
    if not word.endswith("ar"):
        return None
    t = load_tables()
    verb = word[:-1]
    if t.forms.get(word, "").lower() == word[:-2] + "e" and verb in t.lemmas \
            and verb_forms(verb):
        return verb
    return None


def _verb_reading(lower: str, hit: str, t: type[_Tables]) -> str:
    """The table's lemma, unless it reads a present tense in -ar as the plural of an agent
    noun: the table has one lemma per form and picks "berättare" for "berättar", "tränare"
    for "tränar" (a team that trains is no coach). A form in -ar whose verb the table knows
    is that verb."""
    if hit == lower + "e" and lower.endswith("ar") and lower[:-1] in t.lemmas:
        return lower[:-1]
    return hit


def _noun_base(lower: str, hit: str, t: type[_Tables]) -> str:
    """The word itself when the table reads a noun's base form as the imperative of its
    verb ("kontakt" → "kontakta", "hjälp" → "hjälpa", "bråk" → "bråka") while its definite
    form is the noun's ("kontakten" → "kontakt"): so "kontakt" found "kontakta" and missed
    "kontakten". Not for a form in -r (present tenses: "rör", "kör"), nor for two words the
    table reads as each other's lemma."""
    if hit != lower + "a" or lower.endswith("r") or t.forms.get(hit, "").lower() == lower:
        return hit
    if any(t.forms.get(lower + end, "").lower() == lower for end in ("en", "et")):
        return lower
    return hit


def _base_reading(found: str, t: type[_Tables]) -> str:
    """A lemma in -e the table also gives a base form one letter shorter ("love" for "lov",
    "röste" for "röst": so "lov" missed "lovet", lemma lov) is that base form, for all their
    forms alike ("loven", "rösten"); unless the table reads the two as each other's lemma (a
    pair search.analysis.variants keeps together)."""
    base = found[:-1]
    if found.endswith("e") and base in t.lemmas and t.forms.get(base) == found \
            and t.forms.get(found) != base:
        return base
    return found


_VOWELS = frozenset("aeiouyåäö")
# (suffix, the base must end in a vowel?) — tried in this order: behandlare-n before gård-en.
_DEFINITE = (("n", True), ("en", False), ("t", True), ("et", False))


def definite_base(word: str) -> str | None:
    """Base form of a definite noun the table lacks: "behandlaren" → "behandlare" (an agent
    noun in -are, also when the word list only knows the verb stem "behandlar")."""
    t = load_tables()
    if word.endswith("aren") and len(word) > 7 and word[:-1] not in t.forms \
            and word[:-2] in t.stems:
        return word[:-1]
    for suffix, vowel in _DEFINITE:
        base = word[: -len(suffix)]
        if not word.endswith(suffix) or len(base) < 4 or (base[-1] in _VOWELS) != vowel:
            continue
        if base in t.lemmas or base in t.stems:
            return base
    return None


@lru_cache(maxsize=200_000)
def lemmatize(word: str) -> str:
    """Lowercase lemma of a Swedish word form (falls back to the lowercase word)."""
    if not word:
        return word
    if word[0].isupper():
        from ingest.tagging.gazetteer import surface_forms

        place = surface_forms().get(word)
        if place:
            return place.lower()
    hit = simple_lemma(word)
    if hit is not None:
        return hit
    lower = word.lower()
    if not any(c.isalpha() for c in lower):
        return lower
    t = load_tables()
    stem = lower[:-1]
    if lower.endswith(("a", "e")) and len(lower) > 5 and (stem in t.lemmas or stem in t.stems):
        return stem  # adjective forms the table lacks: nyanlända → nyanländ
    if "-" in lower.strip("-"):
        head_start = lower.rstrip("-").rfind("-") + 1
        return lower[:head_start] + lemmatize(lower[head_start:])
    from ingest.tagging.compounds import split_compound

    parts = split_compound(lower)
    if len(parts) > 1:
        head = _surface_head(lower, parts[-1])
        head_lemma = simple_lemma(head) or definite_base(head) or head
        if head_lemma != head and not _is_inflection(head, head_lemma):
            head_lemma = head
        return lower[: len(lower) - len(head)] + _noun_reading(head, head_lemma)
    for i in range(1, len(lower) - 3):
        suffix = lower[i:]
        hit = t.forms.get(suffix)
        if hit and _is_inflection(suffix, hit.lower()):
            return lower[:i] + hit.lower()
    return lower


_PLURALS = ("arna", "erna", "orna", "ar", "er", "or")


def _noun_reading(form: str, lemma: str) -> str:
    """The head of a compound read as a noun: a compound like "föräldraträffar" is a noun,
    so a head that is also a verb form ("träffar": träffa) is the plural of the noun the
    table knows ("träff", whose definite form is its own), and all forms of the compound
    share one lemma ("föräldraträffen", "föräldraträffar": föräldraträff)."""
    if lemma == form or not verb_forms(lemma):
        return lemma
    t = load_tables()
    for suffix in _PLURALS:
        base = form[: -len(suffix)]
        if form.endswith(suffix) and len(base) >= 3 and any(
                t.forms.get(base + end, "").lower() == base for end in ("en", "et", "n", "t")):
            return base
    return lemma


def _is_inflection(form: str, lemma: str) -> bool:
    """A plain ending change (skolan → skola, sjös → sjö), not another word (holm → holme)."""
    return len(lemma) <= len(form) and form.startswith(lemma[:-2]) and len(lemma) >= 3


def _surface_head(word: str, head: str) -> str:
    return word[len(word) - len(head):] if word.endswith(head) else head
