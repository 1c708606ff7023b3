"""The plain tokenizer of query texts splits like the tagger's spaCy tokenizer."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.tagging import nlp
from ingest.tagging.rules import rules
from ingest.tagging.words import tokenize
from tests.gold import gold_texts

ROOT = Path(__file__).resolve().parents[2]


def _spacy_tokens(text: str) -> list[tuple[str, int]]:
    return [(t.text, t.idx) for t in nlp.get().nlp.make_doc(text)]


def test_tokens_equal_spacys_on_the_gold_titles_and_anchors() -> None:
    texts = gold_texts()
    assert len(texts) > 400
    assert [t for t in texts if [tuple(x) for x in tokenize(t)] != _spacy_tokens(t)] == []


@pytest.mark.parametrize("text", [
    "Hej, (Växjö)! t.ex. bl.a. 5% 3-5 år åk 7–9",
    "Nässjö/Eksjö a\n\nb  c \n d",
    '"citat" ’x’ «z» A. Svensson AB. SMS.',
    "slut.Här … foo... prova på-veckor",
])
def test_tokens_equal_spacys_on_punctuation_and_whitespace(text: str) -> None:
    assert [tuple(t) for t in tokenize(text)] == _spacy_tokens(text)


def test_trigger_words_are_spacys_tokens() -> None:
    for phrase in rules().phrases:
        assert [tuple(t) for t in tokenize(phrase.trigger)] == _spacy_tokens(phrase.trigger)
