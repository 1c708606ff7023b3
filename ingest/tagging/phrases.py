"""new_phrases: frequent key phrases that neither the taxonomy nor the thesaurus knows yet, for
coordinators to add as terms. Dates ("aug sep", "1990-talet"), verbs ("genomförda", "erbjuda") and
words of quantity ("hela", "kort") are no phrases of their own; nor are a compound whose last
part is a word of time ("vårterminen", "frånvarodagen"), the piece of a hyphenated name that
begins with a small word ("på-veckorna" of "prova på-veckorna"), or an example's headings
("arbetssätt")."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from spacy.lang.sv.stop_words import STOP_WORDS

from ingest.lexicon import (
    FILLER_LEMMAS,
    METHOD_HEADINGS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    PHRASE_STOPWORDS,
    WEEKDAYS,
)
from ingest.tagging import nlp
from ingest.tagging.compounds import split_compound
from ingest.tagging.lemmas import verb_forms
from ingest.tagging.persons import is_role
from ingest.tagging.taxonomy import taxonomy
from ingest.tagging.thesaurus import Thesaurus

_VERB_ENDINGS = ("ade", "at", "ar", "er", "te", "de", "da", "ta", "it", "ats", "ades", "as",
                 "es", "s")
_CALENDAR = frozenset((*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS))


@lru_cache(maxsize=1)
def _known_lemmas() -> frozenset[str]:
    engine = nlp.get()
    out: set[str] = set()
    tax = taxonomy()
    for trigger in (*tax.all_triggers(), *tax.inspiration_from, *tax.inspiration_to):
        out.update(t.lemma_ for t in engine.doc(trigger) if len(t.text) > 3)
    return frozenset(out - set(STOP_WORDS))


def _is_verb_form(low: str, lemma: str) -> bool:
    """"presenterade" → "presentera": an inflected verb, not a noun."""
    return lemma != low and lemma.endswith("a") and low.endswith(_VERB_ENDINGS)


def _fragment(low: str) -> bool:
    """"på-veckorna": the end of a hyphenated name whose first word stands before it ("prova
    på-veckorna"), not a phrase of its own."""
    return "-" in low and low.split("-", 1)[0] in STOP_WORDS


@lru_cache(maxsize=20_000)
def _of_time(lemma: str) -> bool:
    """A compound whose last part is a word of time ("vårtermin", "frånvarodag")."""
    parts = split_compound(lemma) if len(lemma) >= 6 else [lemma]
    return len(parts) > 1 and parts[-1].lower() in FILLER_LEMMAS


def _content(tok) -> bool:  # noqa: ANN001 - spaCy Token
    low = tok.lower_
    lemma = tok.lemma_
    return (tok.is_alpha or ("-" in tok.text and not any(c.isdigit() for c in low))) \
        and len(low) >= 3 and low not in STOP_WORDS and low not in _CALENDAR \
        and low not in PHRASE_STOPWORDS and low not in METHOD_HEADINGS \
        and not tok.text[0].isupper() and not _fragment(low) \
        and lemma not in FILLER_LEMMAS and not _of_time(lemma) \
        and not _is_verb_form(low, lemma) and not (low == lemma and verb_forms(lemma)) \
        and not is_role(lemma)


def new_phrases(texts: list[str], limit: int = 30, thesaurus: Thesaurus | None = None
                ) -> list[tuple[str, int]]:
    """Most frequent noun-like phrases (lemma bigrams/trigrams, long compounds) that are not
    covered by the taxonomy, nor by a label of ``thesaurus``: [(phrase as most often written,
    number of texts)]."""
    engine = nlp.get()
    known = _known_lemmas()
    doc_freq: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        doc = engine.doc(text)
        seen: set[str] = set()
        run: list = []
        for tok in [*doc, None]:
            if tok is not None and _content(tok):
                run.append(tok)
                continue
            for n in (2, 3):
                for i in range(len(run) - n + 1):
                    gram = run[i:i + n]
                    lemmas = [t.lemma_ for t in gram]
                    if any(lem in known for lem in lemmas):
                        continue
                    key = " ".join(lemmas)
                    seen.add(key)
                    surfaces[key][" ".join(t.lower_ for t in gram)] += 1
            for t in run:
                if len(t.text) >= 10 and t.lemma_ not in known \
                        and len(split_compound(t.lemma_)) > 1:
                    seen.add(t.lemma_)
                    surfaces[t.lemma_][t.lower_] += 1
            run = []
        doc_freq.update(seen)
    ranked = sorted(
        ((key, n) for key, n in doc_freq.items() if n >= 2),
        key=lambda kv: (-kv[1], -len(kv[0].split()), kv[0]),
    )
    out = [(surfaces[key].most_common(1)[0][0], n) for key, n in ranked]
    if thesaurus is not None:
        out = [(phrase, n) for phrase, n in out if not thesaurus.labelled(phrase)]
    return out[:limit]
