"""Typing mistakes on the bundled corpus: does a misspelled word find what the word finds?

The corpus is ingested into a fresh temporary data directory (or ``--data-dir``). Words are drawn
(with a fixed seed) from two pools: names (capitalised words of the examples that one to four
examples write: villages, schools, people) and everyday words (the thesaurus's one-word
preferred and alternative labels of seven letters or more, and long words of example titles).
Each word is misspelled the ways people misspell: a letter dropped, doubled, two letters
swapped, å/ä/ö typed as a/a/o, one vowel for another, a compound written apart before its last
part, (rarer) the first letter typed as a key beside it, and a preposition typed onto the word
("pårasten"). A misspelling counts as found when its
first three hits share at least two examples with the first three of the word as written (one,
when the word finds only one); words that find nothing as written are left out. A third pool,
"ord i fråga", misspells each word of five letters or more, one at a time, of each own
relevance query of two content words or more (benchmarks/relevance.py, never a blind one) and
searches the whole query: a typo beside words that find examples on their own.

    .venv/bin/python benchmarks/typos.py [--words 200] [--data-dir DIR] [--json] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.tagging.compounds import split_compound  # noqa: E402
from search.analysis import query_words  # noqa: E402
from search.library import Library  # noqa: E402

SEED = 7
TOP = 3
_NAME = re.compile(r"\b[A-ZÅÄÖ][a-zåäö]{5,}\b")
_LONG = re.compile(r"\b[a-zåäö]{9,}\b")
_FOLD = str.maketrans("åäöÅÄÖ", "aaoAAO")
_PREPOSITIONS = ("på", "i", "för", "med", "till", "om")
_OTHER_VOWEL = {"a": "e", "e": "a", "i": "e", "o": "å", "u": "o", "y": "i", "å": "o", "ä": "e",
                "ö": "o"}


# letters beside each other on a Swedish keyboard: a first letter mistyped is one of these
_ROWS = ("qwertyuiopå", "asdfghjklöä", "zxcvbnm")
_BESIDE = {row[i]: row[max(0, i - 1):i] + row[i + 1:i + 2]
           for row in _ROWS for i in range(len(row))}


def misspellings(word: str) -> dict[str, str]:
    """One misspelling of each kind (the first letter only in its own kind: people rarely
    miss it), drawn with a generator seeded by the word: a word is misspelled the same way
    whatever else the pools hold (a grown thesaurus changes the everyday pool)."""
    rnd = random.Random(f"{SEED}:{word}")
    out: dict[str, str] = {}
    i = rnd.randrange(1, len(word) - 1)
    out["tappad bokstav"] = word[:i] + word[i + 1:]
    i = rnd.randrange(1, len(word) - 1)
    out["dubblerad bokstav"] = word[:i] + word[i] + word[i:]
    i = rnd.randrange(1, len(word) - 2)
    out["omkastade bokstäver"] = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if word.translate(_FOLD) != word:
        out["utan å/ä/ö"] = word.translate(_FOLD)
    vowels = [m.start() for m in re.finditer("[aeiouyåäö]", word[1:].lower())]
    if vowels:
        i = 1 + rnd.choice(vowels)
        out["annan vokal"] = word[:i] + _OTHER_VOWEL[word[i].lower()] + word[i + 1:]
    parts = split_compound(word.lower())
    if len(parts) > 1:  # a compound written apart before its last part ("sandbäcks skolan")
        cut = len(word) - len(parts[-1])
        out["isärskrivet"] = word[:cut] + " " + word[cut:]
    beside = _BESIDE.get(word[0].lower())
    if beside:
        first = rnd.choice(beside)
        out["första bokstaven"] = (first.upper() if word[0].isupper() else first) + word[1:]
    # a preposition typed onto the word without a space ("pårasten"), drawn last so that the
    # kinds above stay as they were
    out["ihop med preposition"] = rnd.choice(_PREPOSITIONS) + word.lower()
    return out


def word_pools(library: Library, count: int, rnd: random.Random) -> dict[str, list[str]]:
    """``count`` names and ``count`` everyday words, drawn with ``rnd``."""
    writers: dict[str, set[str]] = {}
    long_words: set[str] = set()
    for example, _ in library.catalogue.iter_examples():
        for word in set(_NAME.findall(f"{example.title} {example.text}")):
            writers.setdefault(word, set()).add(example.id)
        long_words |= set(_LONG.findall(example.title.lower()))
    names = sorted(w for w, ids in writers.items() if len(ids) <= 4)
    labels = {label.lower() for c in library.thesaurus.current().concepts
              for label in (c.pref, *c.alt) if label.isalpha() and len(label) >= 7}
    everyday = sorted(labels | long_words)
    rnd.shuffle(names)
    rnd.shuffle(everyday)
    return {"namn": names[:count], "vardagsord": everyday[:count]}


MIN_QUERY_WORDS = 2  # content words of a query whose words are misspelled one at a time
MIN_QUERY_WORD = 5  # letters of such a word


def query_pool() -> list[tuple[str, str]]:
    """(query, a word of it to misspell): each content word of MIN_QUERY_WORD letters or more
    of each own relevance query (benchmarks/relevance.py) of MIN_QUERY_WORDS content words or
    more; never a blind query."""
    from relevance import OWN_SETS

    out = []
    for queries in OWN_SETS.values():
        for text, _ in queries:
            words = query_words(text)
            if len(words) >= MIN_QUERY_WORDS:
                out += [(text, w) for w in dict.fromkeys(words) if len(w) >= MIN_QUERY_WORD]
    return out


def in_query(text: str, word: str, typo: str) -> str:
    """The query with its first ``word`` (as ``query_words`` reads it) typed as ``typo``."""
    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", typo, text, count=1, flags=re.IGNORECASE)


def sweep(search: Callable[[str], list[str]], words: list[str | tuple[str, str]]
          ) -> dict[str, list[tuple[str, str, bool]]]:
    """Per kind of misspelling: (word, misspelling, found) for the words that find anything;
    a (query, word) pair is misspelled in its word and searched as the whole query."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for item in words:
        text, word = (item, item) if isinstance(item, str) else item
        first = search(text)
        if not first:
            continue
        for kind, typo in misspellings(word).items():
            typed = in_query(text, word, typo)
            found = len(set(first) & set(search(typed))) >= min(2, len(first))
            out.setdefault(kind, []).append((text, typed, found))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200, help="ord per grupp")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="visa felstavningar som missar")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Library(args.data_dir or Path(tmp)) as library:
        if library.example_count() == 0:
            library.ingest_paths([ROOT / "corpus" / "pdf"])

        def search(text: str) -> list[str]:
            return [h["id"] for h in library.search(text, per_page=TOP).hits[:TOP]]

        rnd = random.Random(SEED)
        pools: dict[str, list[str | tuple[str, str]]] = {
            **word_pools(library, args.words, rnd), "ord i fråga": query_pool()}
        results = {pool: sweep(search, words) for pool, words in pools.items()}
    report = {pool: {kind: {"n": len(rows), "found": sum(r[2] for r in rows)}
                     for kind, rows in kinds.items()} for pool, kinds in results.items()}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"{'grupp':11s} {'felstavning':20s} {'ord':>4s} {'hittar':>7s}")
    for pool, kinds in report.items():
        for kind, n in kinds.items():
            print(f"{pool:11s} {kind:20s} {n['n']:4d} {n['found'] / max(1, n['n']):7.3f}")
    if args.verbose:
        for pool, kinds in results.items():
            for kind, rows in kinds.items():
                missed = [f"{w}→{t}" for w, t, ok in rows if not ok]
                if missed:
                    print(f"{pool}, {kind}: {', '.join(missed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
