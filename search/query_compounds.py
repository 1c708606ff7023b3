"""Compounds a query writes apart: two of its words that are the two parts of a one-word label
of the thesaurus ("frukost för föräldrar": föräldrafrukost; "gympa för knattar": knattegympa).

Swedish writes a compound as one word, and the thesaurus's labels are written so. A new team
often writes the same thing as a phrase, with a small word between the parts and in either
order. The index finds such a phrase's words in the examples through the compound parts it
keeps beside each compound; but the concept the compound labels is named only when the query
writes the compound. So the query is also read for the labels whose two parts (as lemmas, each
part by any of its readings, ``analysis.part_lemmas``) are two of its words; their concepts'
other labels are weak words of the query (``query_labels``), as when it writes the compound;
a ring's label no example writes makes its two words stand for the ring's other names
(search.query_plan._with_joined_rings), as the label written whole does. Labels the lemma table
knows whole ("frågelåda") are read by their parts here too.
The concepts are not named as the query's meaning: read so, a broad topic a phrase happens to
spell ("träffar för föräldrar": föräldraträffar) outweighed the narrower one its words name.
Two words side by side that are the label's first part, then its second, are another matter:
that is the compound with a slip of the space bar ("skol början"), and it names what the
compound names (``written_apart``).
Two words side by side that are a word written together, with or without a joining s, that
examples write or the thesaurus has as a label ("tema dag": temadag; "föräldra träff":
föräldraträff; "pappa fika": pappafika), are read as that word (``written_together``): the
query then finds what the word written whole finds, not what either half finds alone.
Hand-written: a lookup of labels by the lemmas of their compound parts, over our own analysis
(search.analysis), which no search library offers.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache

from ingest.tagging.thesaurus import Thesaurus
from search.analysis import STOPWORDS, lemma, pair_spans, part_lemmas, query_words
from search.query_limits import MAX_WORDS

MAX_JOINED_WORDS = 12  # query words paired (bounds the cost of a long query)


@lru_cache(maxsize=8)
def _labels_by_parts(thesaurus: Thesaurus) -> dict[frozenset[str], tuple[str, ...]]:
    """The one-word preferred and alternative labels made of two parts, by the lemmas of their
    parts (every pair of readings)."""
    out: dict[frozenset[str], set[str]] = {}
    for word in thesaurus.one_word_labels:
        parts = part_lemmas(word, known_too=True)
        if len(parts) != 2:
            continue
        for first, second in itertools.product(*parts):
            if first != second:
                out.setdefault(frozenset((first, second)), set()).add(word)
    return {key: tuple(sorted(labels)) for key, labels in out.items()}


@lru_cache(maxsize=1024)
def joined_at(text: str, thesaurus: Thesaurus) -> tuple[tuple[str, int, int], ...]:
    """The one-word labels whose two parts are two of the query's words, each with the
    positions of those words (in ``query_words``). Only whole words: the parts of a compound
    the query writes pair into labels it does not mean ("fritidsgård och skola": "skolgård")."""
    by_parts = _labels_by_parts(thesaurus)
    words = query_words(text)[:MAX_JOINED_WORDS]
    terms = [{lemma(word), word} for word in words]
    out: dict[str, tuple[str, int, int]] = {}
    for (i, first), (j, second) in itertools.combinations(enumerate(terms), 2):
        for a, b in itertools.product(first, second):
            for label in by_parts.get(frozenset((a, b)), ()) if a != b else ():
                if label not in out and label not in words:
                    out[label] = (label, i, j)
    return tuple(out.values())


def joined_labels(text: str, thesaurus: Thesaurus) -> tuple[str, ...]:
    """The one-word labels whose two parts are two of the query's words (``joined_at``)."""
    return tuple(label for label, _, _ in joined_at(text, thesaurus))


@lru_cache(maxsize=1024)
def written_apart(text: str, thesaurus: Thesaurus) -> tuple[str, ...]:
    """The one-word labels the query writes apart as a typing slip: their first part, then
    their second, as two words side by side ("själv känsla": självkänsla); also when one of
    them is a word the query leaves out ("över vikt": övervikt, "över" being a stopword)."""
    words = query_words(text)[:MAX_JOINED_WORDS]
    out = []
    for label, i, j in joined_at(text, thesaurus):
        if j != i + 1:
            continue
        parts = part_lemmas(label, known_too=True)
        if {lemma(words[i]), words[i]} & set(parts[0]) and \
                {lemma(words[j]), words[j]} & set(parts[1]):
            out.append(label)
    written = re.findall(r"\w+", text.lower())[:2 * MAX_JOINED_WORDS]
    labels = thesaurus.one_word_labels
    out += [first + second for first, second in itertools.pairwise(written)
            if (first in STOPWORDS or second in STOPWORDS) and first + second in labels
            and first + second not in out]
    return tuple(out)


def written_together(text: str, known: Callable[[str], bool]) -> str:
    """The query with each two words side by side (only a space between them) written as one
    word, with or without a joining s, where ``known`` knows that word ("tema dag": temadag);
    a word is joined with one neighbour at most, the first pair first."""
    words = query_words(text)[:MAX_WORDS]
    spans = pair_spans(text, words)
    joined: set[int] = set()
    for i, (first, second) in enumerate(itertools.pairwise(words)):
        if i in joined or not (first.isalpha() and second.isalpha()) \
                or spans[i].lower().split() != [first, second]:
            continue
        together = next((w for w in dict.fromkeys((first + second, first + "s" + second))
                         if known(w)), None)
        if together:
            text = re.sub(re.escape(spans[i]), together, text, count=1)
            joined |= {i, i + 1}
    return text
