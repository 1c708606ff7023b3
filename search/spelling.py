"""Misspelled query words: "menade du" suggestions and words spelled like the query's.

A misspelled whole word is offered a close word of the index: rapidfuzz's edit distance over a
table of the index's words by first letter (``close_terms``; Whoosh's own suggester reads an
index of several segments otherwise than one). Swedish writes its compounds as one word, and
the index keeps a compound's parts beside it only where the text used that compound: a typo
inside a compound nobody wrote ("skolnärvarro") has no close word in the index. So a long
unknown word is also tried as a known first part plus a misspelled last part ("skol" +
"närvarro" → "skolnärvaro"), as a misspelled first part plus a known last part ("skolgårs" +
"lekar" → "skolgårdslekar", the joining s kept), and as two known words written together
("psykiskhälsa" → "psykisk hälsa"); a candidate counts only when the analyser reads it into
words the index has. A first part is known also in its joining form ("kamratstödjar-" of
kamratstödjare, "skol-" of skola), and a word of known parts is written as meant.
A word the taxonomy knows as a term of a concept ("skolk") is not misspelled, even when no
example uses it: the query finds the concept's examples instead; and a word spelled like such a
term ("skollk") is offered that term, when it is closer than any word of the index. The edit
distance allowed grows with the word's length. The lookup keeps the first letter; a word with
nothing one edit away that keeps it is looked up as mistyped in its first letter ("gnattegympa"),
in tables of the index words and labels by all but their first letter.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein
from whoosh.searching import Searcher

from ingest.lexicon import CLIPPED_ENDINGS, CLOSED_CLASS_WORDS, GLUED_PREPOSITIONS
from ingest.tagging.compounds import split_compound
from ingest.tagging.lemmas import forms_of, is_known
from ingest.tagging.taxonomy import taxonomy
from ingest.tagging.thesaurus import Thesaurus
from search.analysis import (
    STOPWORDS,
    fold,
    is_place,
    known_compound_parts,
    lemma,
    query_words,
    variants,
)
from search.query_parse import tagged_terms
from search.schema import SEARCH_FIELD
from search.searcher_cache import SearcherCache, doc_frequency, field_frequencies

MAX_FUZZY_WORDS = 8  # words looked up by similar spelling when nothing matched
MAX_SUGGEST_WORDS = 8  # unknown words given a "menade du" candidate
MAX_FUZZY_TERMS = 20  # index words one misspelled word may stand for
MIN_SPLIT_WORD = 8  # letters a word needs before it is tried as a compound
MIN_PART = 3  # letters of each part of a split word
MIN_TAIL = 4  # letters of a known last part a misspelled first part is looked up before
MAX_SPLITS = 12  # split points tried per word (bounds the cost of one unknown word)
MAX_TAIL_LOOKUPS = 2  # misspelled last parts looked up per word
MIN_GLUED_REST = 4  # letters of the known word after a glued preposition
MIN_GLUED_SMALL = 3  # letters of another small word glued onto the next ("varje", "alla")


def _swedish(word: str) -> bool:
    """A word of the Swedish lexicon ("stötta"), or of a closed word class the lemma table
    lacks ("nyss", "tills"): written as meant, even when no example has it."""
    if word in CLOSED_CLASS_WORDS:
        return True
    try:
        return is_known(word)
    except Exception:  # noqa: BLE001 - a lookup problem must never break a search
        return False


def _max_distance(word: str) -> int:
    """Edit distance allowed for a word: none for a word of three letters or fewer (an
    abbreviation, "soc", is no misspelled "son"), 1 for short words, 2 for longer ones."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 5 else 2


def _known(searcher: Searcher, word: str) -> bool:
    reader = searcher.reader()
    for term in dict.fromkeys([word, variants(word, False)[0]]):
        if doc_frequency(reader, SEARCH_FIELD, term) > 0:
            return True
    return False


def _reads_as_known_parts(searcher: Searcher, word: str) -> bool:
    """True when the analyser splits the word into parts that are all in the index (a part
    in its joining form, "stödjar", by the word it is read as, "stödjare"), or the word is a
    compound the lemma table knows whole whose every part is ("läxstöd": läxa, stöd; the
    query finds it by them, search.query_plan._with_parts)."""
    terms = variants(word, False)
    reader = searcher.reader()
    if len(terms) == 1:
        parts = known_compound_parts(word)
        return bool(parts) and all(any(doc_frequency(reader, SEARCH_FIELD, t) for t in part)
                                   for part in parts)
    known = {t for t in terms[1:] if doc_frequency(reader, SEARCH_FIELD, t) > 0}
    return all(t in known or any(k.startswith(t) for k in known) for t in terms[1:])


_TABLES = SearcherCache()


def _words_by_letter(searcher: Searcher) -> dict[str, tuple[str, ...]]:
    """The index's words by their first letter, built once per index state."""
    def build() -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for raw in searcher.reader().lexicon(SEARCH_FIELD):
            term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            out.setdefault(term[:1], []).append(term)
        return {letter: tuple(terms) for letter, terms in out.items()}
    return _TABLES.get(searcher, "by-letter", build)


def close_terms(searcher: Searcher, word: str, maxdist: int) -> list[str]:
    """The index words (sorted) that begin with the word's first letter and are at most
    ``maxdist`` edits from it, two neighbouring letters swapped counting as one edit
    ("tehrese": therese; rapidfuzz's optimal string alignment distance). Whoosh's own
    lookup reads each segment of the index with a Levenshtein automaton (a swap is two
    edits), but an index of several segments by Damerau–Levenshtein over every word: the same
    examples, indexed in one go or file by file, were offered other words."""
    terms = _words_by_letter(searcher).get(word[:1], ()) if word else ()
    return sorted(_within(word, terms, maxdist))


def _within(word: str, choices: Iterable[str], maxdist: int) -> list[str]:
    """The choices at most ``maxdist`` edits from the word (``distance``), closest first."""
    found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=maxdist, limit=None)
    return [choice for choice, _, _ in found]


def _close_words(searcher: Searcher, word: str, limit: int = 6) -> list[str]:
    reader = searcher.reader()
    found = close_terms(searcher, word, _max_distance(word))
    # the most written first, as Whoosh's suggester keeps them; then the closest first
    # ("forseda": forsheda, one edit, before the folded "första", two)
    cands = sorted(found, key=lambda c: -reader.frequency(SEARCH_FIELD, c))[:limit]
    cands = [c for c in cands if c not in STOPWORDS and c != word and len(c) > 2]
    return sorted(cands, key=lambda c: distance(word, c))


# A first part drops the last vowel of its word ("skol-" of skola, "stödjar-" of stödjare)
DROPPED_VOWELS = ("e", "a")


def _known_head(searcher: Searcher, head: str) -> bool:
    """Whether a compound's first part is a known word: as written, without the vowel it
    dropped, or as a compound the analyser reads into known words."""
    if head in STOPWORDS:
        return False
    return (_known(searcher, head) or any(_known(searcher, head + v) for v in DROPPED_VOWELS)
            or _reads_as_known_parts(searcher, head))


def _known_heads(searcher: Searcher, word: str, parts: bool = False) -> list[int]:
    """The split points of a long word whose first part is a known word (``parts``: or a
    compound's first part, ``_known_head``: "kamratstödjar" of kamratstödjare)."""
    if len(word) < MIN_SPLIT_WORD:
        return []
    splits = itertools.islice(range(MIN_PART, len(word) - MIN_PART + 1), MAX_SPLITS)
    if not parts:
        return [i for i in splits if word[:i] not in STOPWORDS and _known(searcher, word[:i])]
    return [i for i in splits if _known_head(searcher, word[:i])]


def _known_tails(searcher: Searcher, word: str) -> list[int]:
    """The split points of a word whose last part is a known word of MIN_TAIL letters or
    more ("lex|stöd"), the longest last part first."""
    splits = itertools.islice(range(MIN_PART, len(word) - MIN_TAIL + 1), MAX_SPLITS)
    return [i for i in splits if _known(searcher, word[i:])]


def _written_apart(searcher: Searcher, word: str) -> str | None:
    """Two known words run together ("östraskolan": "östra skolan"), written apart."""
    for i in _known_heads(searcher, word):
        if _known(searcher, word[i:]):
            return f"{_part(searcher, word[:i])} {_part(searcher, word[i:], first=False)}"
    return None


def _small_word_glued(searcher: Searcher, word: str, thesaurus: Thesaurus) -> str | None:
    """A preposition or another small word the search drops run together with a word of the
    index, the thesaurus or Swedish ("pårasten": "på rasten", "varjevecka": "varje vecka"),
    apart."""
    for small in _glued_words():
        rest = word[len(small):]
        if (word.startswith(small) and len(rest) >= MIN_GLUED_REST
                and not _unknown(searcher, rest, thesaurus)):
            return f"{small} {rest}"
    return None


@lru_cache(maxsize=1)
def _glued_words() -> tuple[str, ...]:
    """The small words looked for at the start of an unknown word: the prepositions, then
    the other words of MIN_GLUED_SMALL letters or more that the search drops, longest first."""
    others = sorted((w for w in STOPWORDS if len(w) >= MIN_GLUED_SMALL and w.isalpha()
                     and w not in GLUED_PREPOSITIONS), key=lambda w: (-len(w), w))
    return (*GLUED_PREPOSITIONS, *others)


def _compound_candidate(searcher: Searcher, word: str) -> str | None:
    """Two known words run together, a known first part with a misspelled last part, or a
    misspelled first part with a known last part ("skolgårslekar": skolgårdslekar), looked
    up for the longest known parts only: each lookup walks the whole lexicon."""
    apart = _written_apart(searcher, word)
    if apart:
        return apart
    tails = _known_tails(searcher, word)
    if any(_known_head(searcher, word[:i]) for i in tails):
        return None  # known parts, written as meant ("kamratstödjargrupp", "cykelskolledare")
    # the longest known words first, then first parts in a joining form ("kamratstödjar-")
    strict = _known_heads(searcher, word)
    joining = [i for i in _known_heads(searcher, word, parts=True)
               if i not in strict and len(word) - i > MIN_PART]
    for i in [*reversed(strict[-MAX_TAIL_LOOKUPS:]), *reversed(joining[-MAX_TAIL_LOOKUPS:])]:
        head, tail = word[:i], word[i:]
        for cand in _close_words(searcher, tail, limit=3):
            if _reads_as_known_parts(searcher, head + cand):
                return head + cand
    for i in tails[:MAX_TAIL_LOOKUPS]:
        head, tail = word[:i], word[i:]
        for cand in _close_words(searcher, head, limit=3):
            # a first part keeps the joining s it was written with ("skolgårs": skolgårds)
            joined = [cand + "s" + tail] if head.endswith("s") and not cand.endswith("s") \
                else []
            for whole in [*joined, cand + tail]:
                if _reads_as_known_parts(searcher, whole):
                    return whole
    return None


# a word clipped the everyday way ends in one of CLIPPED_ENDINGS ("dagis", "fritis")
MIN_CLIPPED_STEM = 3
MAX_CLIPPED_TERMS = 200  # index words with the stem looked at


def _clipped(word: str) -> str | None:
    """The stem of a word clipped the everyday way ("gympis": gymp), or None."""
    ending = next((e for e in CLIPPED_ENDINGS if word.endswith(e)), None)
    stem = word[:-len(ending)] if ending else ""
    return stem if len(stem) >= MIN_CLIPPED_STEM else None


def _clipped_candidate(searcher: Searcher, word: str) -> str | None:
    """The index word a clipped everyday word stands for ("gympis" → the most written word
    beginning "gymp"), or None."""
    stem = _clipped(word)
    if stem is None:
        return None
    reader = searcher.reader()
    try:
        terms = itertools.islice(reader.expand_prefix(SEARCH_FIELD, stem), MAX_CLIPPED_TERMS)
        cands = [t.decode("utf-8") if isinstance(t, bytes) else t for t in terms]
    except Exception:  # noqa: BLE001 - a suggestion is optional
        return None
    cands = [c for c in cands if c.isalpha() and len(c) > len(stem) and c not in STOPWORDS
             and _swedish(c)]
    if not cands:
        return None
    return max(cands, key=lambda c: (doc_frequency(reader, SEARCH_FIELD, c), -len(c)))


def distance(a: str, b: str) -> int:
    """Edit distance between two words (insertions, deletions, substitutions, and two
    neighbouring letters swapped as one edit: optimal string alignment, as ``close_terms``
    finds them; "satnnar" is one edit from "stannar", two from "saknar")."""
    return OSA.distance(a, b)


@lru_cache(maxsize=8)
def _label_words(thesaurus: Thesaurus) -> dict[str, tuple[str, ...]]:
    """The thesaurus's one-word preferred and alternative labels (not its hidden ones: those
    are misspellings) and the tagger's one-word trigger words of its practices and focus
    areas ("läxstöd"), by first letter without å/ä/ö ("överlämning" under "o"): words a query
    may mean although no example writes them ("skolk")."""
    out: dict[str, set[str]] = {}
    tax = taxonomy()
    triggers = [t.lower() for item in (*tax.interventions, *tax.focus_areas)
                for t in item.triggers]
    for label in (*thesaurus.one_word_labels, *triggers):
        if label.isalpha() and len(label) > 3:
            out.setdefault(fold(label[0]), set()).add(label)
    return {first: tuple(sorted(words)) for first, words in out.items()}


def _close_label(word: str, thesaurus: Thesaurus) -> tuple[int, str] | None:
    """The closest one-word label of the thesaurus within the word's edit distance; a word
    that lacks some or all of its å/ä/ö ("laxhjälpsgrupp", "laxhjalpsgrupp") is a
    misspelling like another, when no example writes it so (``suggest`` asks for unknown
    words only)."""
    limit = _max_distance(word)
    best = None
    for label in _label_words(thesaurus).get(fold(word[:1]), ()):
        if abs(len(label) - len(word)) <= limit and label != word:
            # the label's own letters, its å/ä/ö in other places, count as no edit
            d = 0 if fold(label) == fold(word) else distance(word, label)
            if d <= limit and (best is None or d < best[0]):
                best = (d, label)
    return best


def _part(searcher: Searcher, part: str, first: bool = True) -> str:
    """A compound's part as a word of its own: a first part without its joining s when the
    rest is a word ("skärmtids" → "skärmtid"), with the a its e stands for ("förskole" →
    "förskola"); a last part as written ("möte", not "möta"); spelled with the å/ä/ö an index
    word of the same letters has ("skarmtid" → "skärmtid")."""
    if first and part.endswith("s") and len(part) > MIN_PART + 1 \
            and _known(searcher, part[:-1]):
        part = part[:-1]
    elif first and part.endswith("e") and _known(searcher, part[:-1] + "a"):
        part = part[:-1] + "a"  # "förskole-" is förskola
    if part.isascii():
        return _marked(searcher, part, part) or part
    return part


def _marked(searcher: Searcher, folded: str, word: str) -> str | None:
    """The index word other than ``word`` that is ``folded`` with its å/ä/ö
    (``_marked_words``)."""
    marked = _marked_words(searcher).get(folded)
    return marked if marked not in (None, folded, word) else None


def _refolded(searcher: Searcher, word: str) -> str | None:
    """The index word a word lacking only some of its å/ä/ö stands for ("laxhjälpsgrupp"):
    the index keeps every word also without them, so when the word's wholly folded form is
    there, the closest index word with the same folded form is the one meant (of those with
    the word's first letter, see ``_marked``)."""
    folded = fold(word)
    if folded == word or not _known(searcher, folded):
        return None
    return _marked(searcher, folded, word)


MIN_MARKED = 4  # letters of a word before its missing å/ä/ö are restored


def with_marks(searcher: Searcher, text: str, thesaurus: Thesaurus) -> str:
    """The query with each word typed without its å/ä/ö ("franvaron", "foraldrarna") written
    with them, as the index word of the same letters has them ("frånvaron"): the index keeps
    every word also folded, so such a word finds the examples, but only with its å/ä/ö is it
    read as the word it is (its lemma, the concepts it names); a word no example writes, as the
    thesaurus's one-word label of the same letters has them ("laxhjalpsgrupp"). A word of the
    Swedish lexicon as typed ("for", "skola") and a place of the gazetteer ("habo", "nassjo":
    read as places already) are left as they are; a place written apart is joined
    (``places_joined``); a hidden label of the thesaurus (a misspelling) no example writes is
    written as the label it misspells (``_label_of_hidden``)."""
    out = places_joined(text)
    for word in dict.fromkeys(query_words(out)[:MAX_SUGGEST_WORDS]):
        meant = _label_of_hidden(searcher, word, thesaurus)
        if meant is None and (not word.isascii() or not word.isalpha() or len(word) < MIN_MARKED
                              or _swedish(word) or is_place(word)):
            continue
        marked = meant or _marked(searcher, word, word) or _marked_label(word, thesaurus)
        if marked:
            out = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", marked, out, flags=re.IGNORECASE)
    return out


MAX_HIDDEN_EDITS = 2  # a hidden label this many edits (å/ä/ö aside) from a label misspells it


@lru_cache(maxsize=8)
def _hidden_labels(thesaurus: Thesaurus) -> dict[str, str]:
    """Each one-word hidden label of the thesaurus (a misspelling: "mobbing",
    "tryghetscirkeln") → its concept's preferred or alternative label it misspells: the
    closest, within MAX_HIDDEN_EDITS edits once both are written without å/ä/ö."""
    out: dict[str, str] = {}
    for concept in thesaurus.concepts:
        shown = [label.lower() for label in (concept.pref, *concept.alt)]
        folded = [fold(label) for label in shown]
        for hidden in (h.lower() for h in concept.hidden):
            if not hidden.isalpha() or hidden in out:
                continue
            near = process.extract(fold(hidden), folded, scorer=Levenshtein.distance,
                                   score_cutoff=MAX_HIDDEN_EDITS, limit=None)
            # the fewest edits, then the first label alphabetically
            label = min(((edits, shown[i]) for _, edits, i in near), default=(0, hidden))[1]
            if label != hidden:
                out[hidden] = label
    return out


def _label_of_hidden(searcher: Searcher, word: str, thesaurus: Thesaurus) -> str | None:
    """The label a word of the query misspells when it is a hidden label of the thesaurus
    that no example writes and that is no Swedish word as typed ("plugg" is one, whatever
    "plugga" it may stand for) (``_hidden_labels``): the query is read with the label, so it
    finds what the label finds, as the word it is meant to be."""
    label = _hidden_labels(thesaurus).get(word)
    if label is None or _known(searcher, word) or _swedish(word):
        return None
    return label


def places_joined(text: str) -> str:
    """The query with two words side by side that are a one-word place of the gazetteer
    written apart ("skepps hult", "rör vik") written together, as the place is."""
    words = re.findall(r"\w+", text)
    for first, second in itertools.pairwise(words):
        joined = (first + second).lower()
        if len(first) >= MIN_PART and len(second) >= MIN_PART and is_place(joined) \
                and not (is_place(first.lower()) and is_place(second.lower())):
            text = _written_together(text, first, second)
    return text


def _most_written_by(searcher: Searcher, name: str, key: Callable[[str], str | None]
                     ) -> dict[str, str]:
    """The index's words by ``key`` (words it gives None left out), the one most examples
    have where several share a key (the first in the lexicon's order on a tie): built once
    per index state (``name``), as a lookup by similar spelling walks the whole lexicon for
    each word."""
    def build() -> dict[str, str]:
        best: dict[str, tuple[int, str]] = {}
        for term, frequency in _word_frequencies(searcher).items():
            found = key(term)
            if found is not None and (found not in best or frequency > best[found][0]):
                best[found] = (frequency, term)
        return {found: term for found, (_, term) in best.items()}
    return _TABLES.get(searcher, name, build)


def _word_frequencies(searcher: Searcher) -> dict[str, int]:
    """How many examples have each word of letters only, in the lexicon's order
    (``field_frequencies``)."""
    return {term: frequency for term, frequency in field_frequencies(searcher, SEARCH_FIELD).items()
            if term.isalpha()}


def _marked_words(searcher: Searcher) -> dict[str, str]:
    """The index's words with å/ä/ö by their folded form ("frånvaron" under "franvaron"): a
    word that may begin with å/ä/ö has no first letter to walk the lexicon from."""
    return _most_written_by(searcher, "marked", lambda t: None if t.isascii() else fold(t))


def _marked_label(word: str, thesaurus: Thesaurus) -> str | None:
    """The one-word thesaurus label that is ``word`` with its å/ä/ö ("laxhjalpsgrupp":
    läxhjälpsgrupp)."""
    return next((label for label in _label_words(thesaurus).get(word[:1], ())
                 if label != word and fold(label) == word), None)


def _folded_candidates(searcher: Searcher, word: str) -> list[str]:
    """The index words close to a word once folded: a word that lacks its å/ä/ö is as far
    from the index word as its other edits make it ("narvaroarbetena": "närvaroarbetet", two
    edits folded, more as written). A folded index word is offered with its å/ä/ö, and only
    when that is found or the folded word is Swedish as it is (the index keeps every word
    also folded: "foraldrastod" is no word to offer)."""
    out = []
    for cand in _close_words(searcher, fold(word)):
        if fold(cand) == fold(word):
            continue
        if cand.isascii() and not all(map(_swedish, split_compound(cand))):
            cand = _marked(searcher, cand, word) or ""
        if cand and cand not in out:
            out.append(cand)
    return out


MIN_FIRST_LETTER = 5  # letters of a word before its first letter is taken as mistyped


def _first_letter_candidates(searcher: Searcher, word: str, thesaurus: Thesaurus) -> list[str]:
    """The index words and thesaurus labels the word is when only its first letter was
    mistyped: another letter ("gnattegympa": knattegympa), a letter left out ("nattegympa"),
    one put before it ("xknattegympa") or the first two swapped ("nkattegympa"). The lookup by
    similar spelling keeps the first letter (else it walks the whole lexicon for each unknown
    word); these are looked up in tables of the words by all but their first letter."""
    if len(word) < MIN_FIRST_LETTER:
        return []
    swapped = word[1] + word[0] + word[2:]
    words, labels = _words_by_rest(searcher), _labels_by_rest(thesaurus)
    cands = [words.get(word[1:]), words.get(word),
             word[1:] if _known(searcher, word[1:]) else None,
             swapped if _known(searcher, swapped) else None,
             labels.get(word[1:]), labels.get(word),
             *(c for c in (word[1:], swapped) if labels.get(c[1:]) == c)]
    cands = [_with_its_marks(searcher, c, word) for c in cands if c]
    return [c for c in dict.fromkeys(cands) if c != word]


def _with_its_marks(searcher: Searcher, cand: str, word: str) -> str:
    """An index word as offered: the index keeps every word also folded, and a folded word
    that is no Swedish word is offered with its å/ä/ö ("äppen": öppen, not "oppen")."""
    if cand.isascii() and not _swedish(cand):
        return _marked(searcher, cand, word) or cand
    return cand


@lru_cache(maxsize=8)
def _labels_by_rest(thesaurus: Thesaurus) -> dict[str, str]:
    """The one-word labels (``_label_words``) by all but their first letter."""
    return {label[1:]: label for labels in _label_words(thesaurus).values() for label in labels
            if len(label) >= MIN_FIRST_LETTER}


def _words_by_rest(searcher: Searcher) -> dict[str, str]:
    """The index's words of MIN_FIRST_LETTER letters or more by all but their first letter
    ("nattegympa": knattegympa)."""
    return _most_written_by(searcher, "by_rest",
                            lambda t: t[1:] if len(t) >= MIN_FIRST_LETTER else None)


MIN_LEXICON_WORD = 4  # letters of a word before Swedish words one edit away are looked up


def _lexicon_candidates(searcher: Searcher, word: str) -> list[str]:
    """Words of Swedish one edit from the word (its first letter kept, as ``close_terms``, or
    that letter the one mistyped: "jelgen") that examples write in some form (by their lemma):
    the index has only the forms its examples wrote ("helgen", "stödjer" are none of them,
    "hellgen" was "hallen", two edits), the word with its å/ä/ö first, then the one whose lemma
    most examples have."""
    if len(word) < MIN_LEXICON_WORD:
        return []
    reader = searcher.reader()
    by_first, by_rest = _written_lemmas_forms(searcher)
    near = _within(word, by_first.get(word[:1], ()), 1)
    found = [f for f in dict.fromkeys([*near, *by_rest.get(word[1:], ())])
             if f != word and _known(searcher, f)]
    return sorted(found, key=lambda w: (distance(fold(word), fold(w)),
                                        -reader.doc_frequency(SEARCH_FIELD, lemma(w)), w))


FormsTable = dict[str, tuple[str, ...]]


def _written_lemmas_forms(searcher: Searcher) -> tuple[FormsTable, FormsTable]:
    """The lemma table's forms of the index's words (as lemmas) that the index lacks, by first
    letter and by all but it, built once per index state (about 0.3 s: the table's 660,000
    forms read once; asking the table for every string one edit from a word took 2-3 ms)."""
    def build() -> tuple[FormsTable, FormsTable]:
        words = _word_frequencies(searcher)
        by_first: dict[str, list[str]] = {}
        by_rest: dict[str, list[str]] = {}
        for form in forms_of(words.keys()):
            if form not in words:
                by_first.setdefault(form[:1], []).append(form)
                by_rest.setdefault(form[1:], []).append(form)
        return ({k: tuple(sorted(v)) for k, v in by_first.items()},
                {k: tuple(sorted(v)) for k, v in by_rest.items()})
    return _TABLES.get(searcher, "lexicon-forms", build)


def _best_candidate(searcher: Searcher, word: str, thesaurus: Thesaurus) -> str | None:
    """The word as meant with its å/ä/ö, or apart from a preposition typed onto a word examples
    write, else the index word or thesaurus label closest to a misspelled word (the index's on
    a tie), else apart from a preposition typed onto a word of Swedish or the thesaurus (one
    edit is closer: "förkolor" is "förskolor", not "för kolor"), else one with another first
    letter, else apart from another small word typed on ("allabarn"; "görskola" is
    "förskola"), else a word of Swedish one edit away that examples write in another form
    ("hellgen": helgen), else a compound of known words."""
    meant = _refolded(searcher, word)
    if meant:
        return meant
    glued = _small_word_glued(searcher, word, thesaurus)
    small, _, rest = (glued or "").partition(" ")
    if small in GLUED_PREPOSITIONS and _known(searcher, rest):  # "pårasten": "på rasten"
        return glued
    cands = _close_words(searcher, word) or _folded_candidates(searcher, word)
    label = _close_label(word, thesaurus)
    # å/ä/ö typed without them are no edit here ("kvallsträffarnas": kvällsträffarna, one)
    nearest = min([distance(fold(word), fold(c)) for c in cands[:1]]
                  + [label[0] if label else 99])
    if nearest > 1:  # nothing one edit away: a preposition glued on, the first letter, another
        if small in GLUED_PREPOSITIONS:  # small word glued on, a Swedish word examples write
            return glued  # in another form, or two words run together?
        first = _first_letter_candidates(searcher, word, thesaurus)
        if first:  # "görskola": förskola, not "gör skola"
            return first[0]
        if glued:
            return glued
        # a word clipped the everyday way ("rastis": rast), else a form of Swedish
        lexical = _lexicon_candidates(searcher, word) if not _clipped(word) else []
        if lexical:
            return lexical[0]
        apart = _written_apart(searcher, word)
        if apart:
            return apart
    if not cands:
        return label[1] if label else (_compound_candidate(searcher, word)
                                       or _clipped_candidate(searcher, word))
    best = cands[0]
    if best.isascii():
        # Prefer the spelling with å/ä/ö when the candidate is only its folded variant.
        best = next((c for c in cands if not c.isascii() and fold(c) == best), None) \
            or (not word.isascii() and _marked(searcher, best, word)) or best
    if label and label[0] < distance(word, best):
        return label[1]
    return best


def _unwritten(searcher: Searcher, word: str, thesaurus: Thesaurus) -> bool:
    """A word no example has (as written or by its lemma) and that neither the thesaurus nor
    the taxonomy's tagging terms know."""
    return word.isalpha() and not (_known(searcher, word) or tagged_terms(word)
                                   or thesaurus.labelled(word))


def _unknown(searcher: Searcher, word: str, thesaurus: Thesaurus) -> bool:
    """A word of neither the index, the thesaurus ("skolk"), Swedish nor the gazetteer (a
    village no example names, "barnarp", is no misspelled word): a typo."""
    return _unwritten(searcher, word, thesaurus) and not _swedish(word) and not is_place(word)


def misspelled(searcher: Searcher, word: str, thesaurus: Thesaurus) -> bool:
    """Whether a word is a typo (``_unknown``) and not a compound of words the lemma table
    knows: "ärenfen" is, "högstadiekillarna" (no misspelled "högstadiekvällarna") and
    "landsbygdsskola" (no "landsbygd skola") are words of their own no example writes."""
    return _unknown(searcher, word, thesaurus) and not known_compound_parts(word)


def unwritten_words(searcher: Searcher, text: str, thesaurus: Thesaurus) -> list[str]:
    """The query's unwritten words, Swedish words too ("bokstart", "växelvis"), and pieces of
    its hyphenated words ("eftermidagar"): what the bank's vocabulary lacks
    (``search.search_log``)."""
    return [word for word in _pieces(query_words(text)) if _unwritten(searcher, word, thesaurus)]


def _joined(searcher: Searcher, text: str, thesaurus: Thesaurus) -> str:
    """The text with an unknown word and the word after it written together when that is an
    index word: a compound written apart, whose first part is no word of its own
    ("sandbäcks skolan": sandbäcksskolan)."""
    words = query_words(text)
    for first, second in itertools.pairwise(words):
        if _unknown(searcher, first, thesaurus) and _known(searcher, first + second):
            text = _written_together(text, first, second, re.IGNORECASE)
    return text


def _written_together(text: str, first: str, second: str, flags: int = 0) -> str:
    """The text with the first "first second" in it written as one word."""
    return re.sub(rf"(?<!\w){re.escape(first)}\s+{re.escape(second)}(?!\w)", first + second,
                  text, count=1, flags=flags)


def suggest(searcher: Searcher, text: str, thesaurus: Thesaurus) -> str | None:
    """The query with unknown words replaced by the nearest words in the index."""
    out = _joined(searcher, text, thesaurus)
    changed = out != text
    looked_up = 0
    labelled: set[str] | None = None  # looked up for the first unknown word only
    for word in _pieces(query_words(out)):  # a query within its limits (query.limit_query)
        if not _unknown(searcher, word, thesaurus):
            continue  # a word of the index, of the thesaurus ("skolk") or of Swedish: no typo
        if labelled is None:
            labelled = _words_of_labels(out, thesaurus)
        if word in labelled:
            continue
        looked_up += 1
        if looked_up > MAX_SUGGEST_WORDS:
            break
        cand = _best_candidate(searcher, word, thesaurus)
        if cand:
            out = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", cand, out, count=1,
                         flags=re.IGNORECASE)
            changed = True
    return out if changed and out.strip().lower() != text.strip().lower() else None


def _pieces(words: list[str]) -> list[str]:
    """The words, each hyphenated one as its pieces but its small words ("på" of
    "prova-på"): a typo in one is corrected there ("prova-på-eftermidagar": eftermiddagar)."""
    out: list[str] = []
    for word in words:
        if "-" in word:
            out += [piece for piece in word.split("-") if piece and piece not in STOPWORDS]
        else:
            out.append(word)
    return out


def _words_of_labels(text: str, thesaurus: Thesaurus) -> set[str]:
    """The words of the preferred and alternative labels of more than one word that the text
    writes ("peer support"): spelled as the thesaurus spells them, whatever the index has (a
    hidden label is a misspelling, and its words may be corrected)."""
    words = set(query_words(text))
    out: set[str] = set()
    for concept in thesaurus.labelled(text):
        for label in (concept.pref, *concept.alt):
            parts = query_words(label)
            if len(parts) > 1 and set(parts) <= words:
                out.update(parts)
    return out


def fuzzy_words(searcher: Searcher, text: str, thesaurus: Thesaurus) -> list[list[str]]:
    """Index words spelled like each of the query's first MAX_FUZZY_WORDS words that no
    example writes and the thesaurus does not know (at most MAX_FUZZY_TERMS each), looked up
    once: the fast ranking takes them as plain words. A word the bank knows is meant as
    written: "skolk" in a municipality without attendance work is not "skola"."""
    groups = []
    words = [w for w in dict.fromkeys(query_words(text)) if _unwritten(searcher, w, thesaurus)]
    for word in words[:MAX_FUZZY_WORDS]:
        terms = close_terms(searcher, word, _max_distance(word))[:MAX_FUZZY_TERMS]
        if terms:
            groups.append(terms)
    return groups
