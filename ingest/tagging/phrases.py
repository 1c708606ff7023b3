"""new_phrases: frequent key phrases that the taxonomy does not know yet, for coordinators."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from spacy.lang.sv.stop_words import STOP_WORDS

from ingest.tagging import nlp
from ingest.tagging.compounds import split_compound
from ingest.tagging.taxonomy import taxonomy

EXTRA_STOP = frozenset({
    "också", "mycket", "många", "nya", "ny", "nytt", "bra", "olika", "flera", "ökat", "sätt",
    "gör", "göra", "får", "få", "kommer", "samt", "via", "bl.a.", "t.ex.", "ca", "år", "vill",
    "ska", "kan", "hur", "vad", "nu", "redan", "genom", "tillsammans", "arbetet", "arbete",
})


@lru_cache(maxsize=1)
def _known_lemmas() -> frozenset[str]:
    engine = nlp.get()
    out: set[str] = set()
    for trigger in taxonomy().all_triggers():
        out.update(t.lemma_ for t in engine.doc(trigger))
    return frozenset(out)


def _content(tok) -> bool:  # noqa: ANN001 - spaCy Token
    low = tok.lower_
    return (tok.is_alpha or "-" in tok.text) and len(low) >= 3 and low not in STOP_WORDS \
        and low not in EXTRA_STOP and not tok.text[0].isupper()


def new_phrases(texts: list[str], limit: int = 30) -> list[tuple[str, int]]:
    """Most frequent noun-like phrases (lemma bigrams/trigrams, long compounds) that are not
    covered by the taxonomy: [(phrase as most often written, number of texts)]."""
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
    return [(surfaces[key].most_common(1)[0][0], n) for key, n in ranked[:limit]]
