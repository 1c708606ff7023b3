"""The shortcuts that make tagging fast give the same tokens, lemmas and tags as the plain way."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import yaml
from spacy.attrs import IDX, LOWER, ORTH, SPACY

from ingest.model import Example
from ingest.tagging import nlp, tag_example, tag_text
from ingest.tagging.rules import match_lemma

ROOT = Path(__file__).resolve().parents[2]
ATTRS = [ORTH, IDX, SPACY, LOWER]


def _source_texts() -> list[str]:
    """Every title, paragraph and section text of the corpus sources, plus the joined texts."""
    texts: list[str] = []
    for path in sorted((ROOT / "corpus" / "sources").glob("**/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for ex in data.get("examples") or [data]:
            parts = [str(ex.get("title") or "")]
            parts += [str(p) for p in ex.get("paragraphs") or []]
            parts += [f"{s['heading']}\n{s['text']}" for s in ex.get("sections") or []]
            texts.extend(parts)
            texts.append("\n\n".join(parts))
    return texts


TRICKY = [
    "Rubrik\nText direkt under, t.ex. så här.\n\nNästa stycke\tmed tabb.",
    "\n", "\t", "a\n\tb", " \n ", "Kontakt:\nAnna Berg, rektor\nTel. 070-123 45 67",
    "bl.a.\nkl. 13\n(ca 20 st)\n– ”citat”\n\n\n", "e-post: anna.berg@nassjo.se\nhttps://x.se",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _source_texts() + TRICKY


def test_tokens_as_the_stock_tokenizer(texts: list[str]) -> None:
    stock = spacy.blank("sv")
    engine = nlp.get()
    for text in texts:
        for _ in range(2):  # the second time from the tokenizer's cache
            ours = engine.doc(text)
            plain = stock.make_doc(text)
            assert len(ours) == len(plain)
            if len(plain):
                assert (ours.to_array(ATTRS) == plain.to_array(ATTRS)).all(), text


def test_token_view_matches_the_doc(texts: list[str]) -> None:
    engine = nlp.get()
    for text in texts:
        doc = engine.doc(text)
        tv = nlp.view(doc)
        assert tv.text == [t.text for t in doc]
        assert tv.lemma == [t.lemma_ for t in doc] == [match_lemma(t.text) for t in doc]
        assert tv.idx == [t.idx for t in doc]
        assert tv.ws == [t.whitespace_ for t in doc]
        assert tv.src == doc.text == text
        assert tv.caps == [t.i for t in doc if t.text[:1].isupper()]
        assert len(tv.sent) == len(doc)


def test_view_of_a_doc_without_the_component() -> None:
    engine = nlp.get()
    text = "Familjecentralen i Rydaholm.\nNässjö kommun startade hembesök."
    made = engine.nlp.make_doc(text)
    for tok in made:
        tok.lemma_ = match_lemma(tok.text)
    fresh = nlp.view(made)
    ours = nlp.view(engine.doc(text))
    assert fresh == ours


def test_nlp_call_and_engine_doc_agree() -> None:
    engine = nlp.get()
    text = "Hembesöksteamet i Eksjö startade prova på-veckor för familjer.\nKontakt: Eva Ek"
    a, b = engine.nlp(text), engine.doc(text)
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert engine.match(a) == engine.match(b)


def test_repeated_tagging_gives_the_same_tags() -> None:
    text = _source_texts()[-1]
    first = tag_text(text)
    assert tag_text(text) == first
    example = Example(id="x-1", document_id="x", title="Familjecentralen i Rydaholm", text=text)
    tag_example(example, ["Nyhetsbrev Nässjö"])
    again = Example(id="x-1", document_id="x", title="Familjecentralen i Rydaholm", text=text)
    tag_example(again, ["Nyhetsbrev Nässjö"])
    assert example.tags == again.tags
    assert example.team_key == again.team_key


def test_age_pattern_as_written_plainly(texts: list[str]) -> None:
    import re

    from ingest.tagging.pipeline import _AGES

    plain = re.compile(r"\b(\d{1,2})\s*(?:[-–]|till)\s*(\d{1,2})\s*år\b|\b(\d{1,2})-åring", re.I)
    samples = [*texts, "3-5 år, 1 till 5 ÅR och 5-åringar; år 4-6; 12–18 år. 7-ÅRINGAR 100-200 år"]
    for text in samples:
        ours = [(m.span(), m.groups()) for m in _AGES.finditer(text)]
        assert ours == [(m.span(), m.groups()) for m in plain.finditer(text)]
