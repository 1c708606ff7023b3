"""The spaCy pipeline (blank "sv" + lookup lemmas) and the phrase matchers built from data.

Everything is built once per process (``get()``) and reused; ``load()`` warms it up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from typing import NamedTuple

import numpy
import spacy
from spacy.attrs import IDX, LEMMA, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ingest.tagging import language
from ingest.tagging.gazetteer import surface_forms
from ingest.tagging.lemmas import load_tables
from ingest.tagging.rules import Hit as RuleHit
from ingest.tagging.rules import (
    NearRule,
    compound_rules,
    label_hits,
    match_lemma,
    near_hits,
    prefixed_hits,
    screened,
)
from ingest.tagging.rules import rules as taxonomy_rules

GAZ = "gaz"


class TokenInfo(NamedTuple):
    """What the taggers need of a token text (the same for every occurrence)."""

    text: str
    lower: str
    lemma: str
    lemma_id: int  # the lemma's hash in the vocab's string store
    cap: bool  # starts with an uppercase letter
    ends_sentence: bool  # . ! ? or a line break


_SENT_END = frozenset({".", "!", "?"})


def _ends_sentence(text: str) -> bool:
    """. ! ? or a whitespace token with a line break (spaCy keeps line breaks in whitespace
    tokens; a token's own trailing whitespace is one space at most)."""
    return text in _SENT_END or ("\n" in text and not text.strip())


class LookupLemmas:
    """Pipeline component: lookup lemmas on every token, read from and written to doc arrays.

    Creating spaCy Token objects is slow, so the token attributes are read with
    ``doc.to_array`` once, lemmas are written back with ``doc.from_array`` and the plain
    token lists are kept for the taggers (see ``view``). Each distinct token text is
    looked up once per process.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.strings = vocab.strings
        self.known: dict[int, TokenInfo] = {}  # orth id → info

    def _info(self, orth: int) -> TokenInfo:
        text = self.strings[orth]
        lemma = match_lemma(text)
        info = TokenInfo(text, text.lower(), lemma, self.strings.add(lemma),
                         text[:1].isupper(), _ends_sentence(text))
        self.known[orth] = info
        return info

    def __call__(self, doc: Doc) -> Doc:
        return self.annotate(doc)

    def annotate(self, doc: Doc, text: str | None = None) -> Doc:
        """Set the lemmas and keep the token lists; ``text`` is the doc's text if known."""
        orths, idx, spaces = _columns(doc, [ORTH, IDX, SPACY])
        known = self.known
        infos = [known[orth] if orth in known else self._info(orth) for orth in orths]
        if not infos:
            doc.user_data["tv"] = _token_view([], [], [], [], [], [], [], text)
            return doc
        words, lower, lemma, lemma_ids, cap, ends = (list(c) for c in zip(*infos, strict=True))
        doc.from_array([LEMMA], numpy.array(lemma_ids, dtype=numpy.uint64).reshape(-1, 1))
        ws = [" " if sp else "" for sp in spaces]
        doc.user_data["tv"] = _token_view(words, lower, lemma, idx, ws, cap, ends, text)
        return doc


@Language.factory("sv_lookup_lemmas")
def _make_lookup_lemmas(nlp: Language, name: str) -> LookupLemmas:
    return LookupLemmas(nlp.vocab)


def _columns(doc: Doc, attrs: list[int]) -> list[list[int]]:
    """One plain list per attribute (``doc.to_array`` without Token objects)."""
    if len(doc) == 0:
        return [[] for _ in attrs]
    return doc.to_array(attrs).T.tolist()


class Hit(RuleHit):
    """A rule hit in a spaCy Doc, which can give its character span."""

    __slots__ = ()

    def span(self, doc: Doc) -> tuple[int, int]:
        tv = view(doc)
        return tv.idx[self.start], tv.idx[self.end - 1] + len(tv.text[self.end - 1])


@dataclass
class Engine:
    nlp: Language
    lemma_matcher: PhraseMatcher
    lower_matcher: PhraseMatcher
    gaz_matcher: PhraseMatcher
    heads: dict[str, list[tuple[str, str]]]  # single-word trigger lemma → (kind, value)
    parts: dict[str, list[tuple[str, str]]]  # "*"-trigger lemma → (kind, value)
    gaz_keys: dict[int, str]  # match id → canonical gazetteer name
    near: list[NearRule]  # co-occurring words in one sentence
    ignore: frozenset[str]  # lemmas that never trigger anything
    prefixed: list[tuple[str, str, tuple[str, ...], str]]  # kind, value, lemmas, last prefix
    indexed: frozenset[str] = frozenset()  # lemmas of the prefixed and ignore rules
    # caches filled while tagging: token text → its compound rules, match id → (kind, value)
    compound_rules: dict[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    rule_names: dict[int, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        prefixed = {lemmas[0] for _, _, lemmas, _ in self.prefixed if lemmas}
        self.indexed = frozenset(prefixed | self.ignore)
        self.lemmas: LookupLemmas = self.nlp.get_pipe("sv_lookup_lemmas")

    def doc(self, text: str) -> Doc:
        """The text tokenized and lemmatised: the same as ``nlp(text)``, with the pipeline's one
        component called directly (spaCy's per-call overhead is large for short texts)."""
        return self.lemmas.annotate(self.nlp.make_doc(text), text)

    def short_doc(self, text: str) -> Doc:
        """A parsed title or hint; repeated ones (a newsletter's title) are parsed once."""
        return _short_doc(text)

    def _rule(self, match_id: int) -> tuple[str, str]:
        """(kind, value) of a phrase matcher rule."""
        rule = self.rule_names.get(match_id)
        if rule is None:
            kind, _, value = self.nlp.vocab.strings[match_id].partition("\t")
            rule = self.rule_names[match_id] = (kind, value)
        return rule

    def match(self, doc: Doc) -> list[Hit]:
        """Taxonomy hits: phrases on LEMMA and LOWER, then compound heads and parts."""
        # both matchers mostly find the same phrases: keep each (rule, start, end) once, in order
        found = dict.fromkeys([*self.lemma_matcher(doc), *self.lower_matcher(doc)])
        hits = [Hit(*self._rule(match_id), start, end) for match_id, start, end in found]
        seen: set[tuple[str, str, int, int]] = {hit[:4] for hit in hits}  # kind, value, start, end
        tv = view(doc)
        where = self._positions(tv)
        hits.extend(self._prefixed(tv, where, seen))
        hits.extend(self._near(tv, seen))
        hits.extend(Hit(*key) for key in label_hits(tv.lemma, tv.lower, seen))
        ignored = {i for lemma in self.ignore for i in where.get(lemma, ())}
        if ignored:
            hits = [h for h in hits if ignored.isdisjoint(range(h.start, h.end))]
        compounds = self._compound_tokens(tv)
        exact = {(h.kind, i) for h in hits for i in range(h.start, h.end)} if compounds else set()
        for i, rules in compounds:
            for kind, value, via in rules:
                if (kind, i) in exact:
                    continue
                key = (kind, value, i, i + 1)
                if key not in seen:
                    seen.add(key)
                    hits.append(Hit(kind, value, i, i + 1, via))
        return screened(hits, tv.lemma, tv.lower)

    def _compound_tokens(self, tv: TokenView) -> list[tuple[int, tuple[tuple[str, str, str], ...]]]:
        """(token index, rules) of the tokens with compound head or part rules, in order."""
        cache = self.compound_rules
        new = set(tv.text).difference(cache)  # (set - cache.keys() would copy every key)
        if new:
            lemma_of = dict(zip(tv.text, tv.lemma, strict=True))
            for text in new:
                cache[text] = self._compound_rules_of(text, lemma_of[text])
        return [(i, cache[text]) for i, text in enumerate(tv.text) if cache[text]]

    def _compound_rules_of(self, text: str, lemma: str) -> tuple[tuple[str, str, str], ...]:
        """Head and part rules of a compound token (none for short or ignored words)."""
        if len(text) < 6 or not text[0].isalpha() or lemma in self.ignore:
            return ()
        return tuple(compound_rules(lemma, self.heads, self.parts))

    def _positions(self, tv: TokenView) -> dict[str, list[int]]:
        """Token indices of the lemmas of the prefixed and ignore rules."""
        where: dict[str, list[int]] = {}
        indexed = self.indexed
        for i in [i for i, lemma in enumerate(tv.lemma) if lemma in indexed]:
            where.setdefault(tv.lemma[i], []).append(i)
        return where

    def _prefixed(self, tv: TokenView, where: dict[str, list[int]], seen: set) -> list[Hit]:
        """Triggers that end or begin inside a hyphenated word (``rules.prefixed_hits``)."""
        keys = prefixed_hits(tv.lemma, tv.lower, seen, where, self.prefixed)
        return [Hit(*key) for key in keys]

    def _near(self, tv: TokenView, seen: set) -> list[Hit]:
        """Co-occurring trigger words in one sentence ("upptäcka … tidigt")."""
        return [Hit(*key) for key in near_hits(tv.lemma, tv.sent, seen, tv.lower)]

    def places(self, doc: Doc) -> list[Hit]:
        """Gazetteer hits (case-sensitive surface forms incl. genitive), no context filter yet."""
        return [
            Hit(GAZ, self.gaz_keys[match_id], start, end)
            for match_id, start, end in self.gaz_matcher(doc)
        ]


@lru_cache(maxsize=512)
def _short_doc(text: str) -> Doc:
    return get().doc(text)


def forget_short_docs() -> None:
    _short_doc.cache_clear()


@dataclass
class TokenView:
    """Plain lists of token attributes (iterating spaCy tokens repeatedly is slow)."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    idx: list[int]
    ws: list[str]
    sent: list[int]
    src: str  # the doc's text (doc.text is rebuilt from the tokens on every access)
    caps: list[int]  # indices of the tokens that start with an uppercase letter


def view(doc: Doc) -> TokenView:
    """The token lists of a doc, built once and kept in doc.user_data."""
    cached = doc.user_data.get("tv")
    if cached is not None:
        return cached
    strings = doc.vocab.strings
    orths, lemmas, idx, spaces = _columns(doc, [ORTH, LEMMA, IDX, SPACY])
    text = [strings[orth] for orth in orths]
    ws = [" " if sp else "" for sp in spaces]
    tv = _token_view(text, [t.lower() for t in text], [strings[lem] for lem in lemmas], idx, ws,
                     [t[:1].isupper() for t in text], [_ends_sentence(t) for t in text])
    doc.user_data["tv"] = tv
    return tv


def _token_view(
    text: list[str],
    lower: list[str],
    lemma: list[str],
    idx: list[int],
    ws: list[str],
    cap: list[bool],
    ends: list[bool],
    src: str | None = None,
) -> TokenView:
    if src is None:  # the tokens with their whitespace give back the text
        src = "".join([t + w for t, w in zip(text, ws, strict=True)])
    caps = list(compress(range(len(text)), cap))
    # a token's sentence number counts the sentence ends before it
    sent = list(accumulate(ends[:-1], initial=0)) if text else []
    return TokenView(text, lower, lemma, idx, ws, sent, src, caps)


def sentence_ids(doc: Doc) -> list[int]:
    """Sentence number of every token (ends at . ! ? and line breaks)."""
    return view(doc).sent


# Tokenizer special cases that only restate the default tokenization of a whitespace chunk.
_LINE_BREAK_RULES = ("\n", "\t")


def _without_line_break_rules(rules: dict) -> dict:
    """The tokenizer's special cases without the lone line break and tab.

    spaCy stops caching the tokenization of text chunks for the rest of a doc once it has
    met a special case, so one line break ("Rubrik\ntext") made every later word of the text
    go through the slow affix search again on every call. The tokens are the same without
    these two rules (tests/tagging/test_speed.py compares them with the stock tokenizer).
    """
    return {k: v for k, v in rules.items() if k not in _LINE_BREAK_RULES}


@lru_cache(maxsize=1)
def get() -> Engine:
    """The process-wide engine (built on first use, about 2 s)."""
    load_tables(whole=True)  # every word of every document is looked up
    nlp = spacy.blank("sv")
    nlp.tokenizer.rules = _without_line_break_rules(nlp.tokenizer.rules)
    nlp.add_pipe("sv_lookup_lemmas")
    lemma_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    gaz_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    table = taxonomy_rules()
    for phrase in table.phrases:
        key = f"{phrase.kind}\t{phrase.value}"
        if phrase.lemmas:
            lemma_matcher.add(key, [nlp(phrase.trigger)])
        lower_matcher.add(key, [nlp.make_doc(phrase.trigger)])
    for stage, triggers in table.stages.items():
        lower_matcher.add(f"stage\t{stage}", [nlp.make_doc(t) for t in triggers])
    gaz_keys: dict[int, str] = {}
    by_name: dict[str, list[str]] = {}
    for form, name in surface_forms().items():
        by_name.setdefault(name, []).append(form)
    for name, forms in by_name.items():
        key = f"{GAZ}\t{name}"
        gaz_matcher.add(key, [nlp.make_doc(f) for f in forms])
        gaz_keys[nlp.vocab.strings[key]] = name
    return Engine(nlp, lemma_matcher, lower_matcher, gaz_matcher, table.heads, table.parts,
                  gaz_keys, table.near, table.ignore, table.prefixed)


def load() -> None:
    """Warm up: load tables, build the pipeline and run it once (for worker processes)."""
    engine = get()
    doc = engine.doc("Familjecentralen i Rydaholm startade gemensamma hembesök i Nässjös kommun.")
    engine.match(doc)
    engine.places(doc)
    language.load()
