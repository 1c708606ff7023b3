"""Every corpus PDF against its gold file: examples found whole, no context leaks, kind, date."""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from ingest.model import Document
from ingest.pipeline import read_pdf
from tests.ingest.matching import contains, example_with_all, fuzzy_contains

ROOT = Path(__file__).resolve().parents[2]
GOLD = {
    data["file"]: data
    for data in (
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "corpus/gold").glob("*.json"))
    )
}
TEXT_LAYER = sorted(name for name, g in GOLD.items() if not g.get("scanned"))
SCANNED = sorted(name for name, g in GOLD.items() if g.get("scanned"))


@pytest.fixture(scope="session")
def documents() -> dict[str, Document]:
    return {name: read_pdf(ROOT / "corpus/pdf" / name) for name in GOLD}


@pytest.mark.parametrize("name", TEXT_LAYER)
def test_gold_examples_found_whole(documents: dict[str, Document], name: str) -> None:
    doc = documents[name]
    texts = [e.text for e in doc.examples]
    for gold_example in GOLD[name]["examples"]:
        index = example_with_all(texts, gold_example["anchors"])
        assert index is not None, f"{name}: '{gold_example['title']}' not found in one example"
        assert set(gold_example["pages"]) <= set(doc.examples[index].pages)
        assert doc.examples[index].title == gold_example["title"]


@pytest.mark.parametrize("name", TEXT_LAYER)
def test_one_example_per_gold_example(documents: dict[str, Document], name: str) -> None:
    assert len(documents[name].examples) == len(GOLD[name]["examples"])


@pytest.mark.parametrize("name", sorted(GOLD))
def test_no_context_in_examples(documents: dict[str, Document], name: str) -> None:
    doc = documents[name]
    for phrase in GOLD[name].get("context_phrases", []):
        leaks = [e.title for e in doc.examples if contains(e.text, phrase)]
        assert not leaks, f"{name}: context phrase '{phrase}' inside {leaks}"


@pytest.mark.parametrize("name", TEXT_LAYER)
def test_context_phrases_kept_in_context(documents: dict[str, Document], name: str) -> None:
    context = "\n".join(f"{s.heading}\n{s.text}" for s in documents[name].context)
    for phrase in GOLD[name].get("context_phrases", []):
        assert contains(context, phrase), f"{name}: '{phrase}' missing from the context"


@pytest.mark.parametrize("name", sorted(GOLD))
def test_kind_date_title(documents: dict[str, Document], name: str) -> None:
    doc, gold = documents[name], GOLD[name]
    assert doc.kind == gold["kind"]
    assert doc.date == gold["date"]
    assert doc.pages == gold["pages"]
    if not gold.get("scanned"):
        assert doc.title == gold["title"]


@pytest.mark.parametrize("name", TEXT_LAYER)
def test_metadata_without_telling_file_name(name: str) -> None:
    """Kind and date come from the text, not only from a well-named file."""
    doc = read_pdf(ROOT / "corpus/pdf" / name, filename="uppladdad.pdf")
    assert doc.kind == GOLD[name]["kind"]
    assert doc.date == GOLD[name]["date"]


@pytest.mark.parametrize("name", SCANNED)
def test_scanned_poster_read_by_ocr(documents: dict[str, Document], name: str) -> None:
    doc, gold = documents[name], GOLD[name]
    assert doc.ocr_pages == [1]
    assert any("OCR" in w for w in doc.warnings)
    assert len(doc.examples) == 1
    assert SequenceMatcher(None, doc.title, gold["title"]).ratio() > 0.9
    text = doc.examples[0].text
    for gold_example in gold["examples"]:
        found = [a for a in gold_example["anchors"] if fuzzy_contains(text, a)]
        assert len(found) >= max(1, round(0.75 * len(gold_example["anchors"]))), found


def test_example_ids_and_pages(documents: dict[str, Document]) -> None:
    for doc in documents.values():
        assert [e.id for e in doc.examples] == [
            f"{doc.id}-{n}" for n in range(1, len(doc.examples) + 1)
        ]
        for example in doc.examples:
            assert example.document_id == doc.id
            assert example.pages and all(1 <= p <= doc.pages for p in example.pages)
            assert example.title.strip()


def test_headed_sections_kept(documents: dict[str, Document]) -> None:
    """Sub-headings such as Nuläge and Nästa steg become sections of their example."""
    headings = {s.heading for doc in documents.values() for e in doc.examples for s in e.sections}
    assert {"Nuläge", "Nästa steg"} <= headings


POSTERS = sorted(name for name, g in GOLD.items() if g["kind"] == "poster")


@pytest.mark.parametrize("name", POSTERS)
def test_poster_panels_in_reading_order(documents: dict[str, Document], name: str) -> None:
    """Panels read column by column: background first, aims before method, next steps late
    (a poster headed in the team's own words may have no Bakgrund panel)."""
    headings = [s.heading.lower() for s in documents[name].examples[0].sections]
    assert headings[0] == "bakgrund" or "bakgrund" not in headings

    def first(prefix: str) -> int | None:
        return next((i for i, h in enumerate(headings) if h.startswith(prefix)), None)

    aims, method, lessons = first("syfte"), first("vad gjorde"), first("lärdomar")
    if aims is not None and method is not None:
        assert aims < method
    if method is not None and lessons is not None:
        assert method < lessons
