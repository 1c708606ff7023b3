"""The bundled newsletters: every PDF has a valid gold file that matches the PDF and its source."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pdfplumber
import pytest
import yaml

from ingest.lexicon import COUNTY_MUNICIPALITIES

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
# the newsletters build_newsletters.py renders (office-made ones: test_office_gold.py)
PDFS = sorted(p for p in (CORPUS / "pdf").glob("nyhetsbrev-*.pdf")
              if not (CORPUS / "sources" / "office" / f"{p.stem}.yaml").exists())
SOURCES = sorted((CORPUS / "sources" / "newsletters").glob("*.yaml"))
COUNTY = set(COUNTY_MUNICIPALITIES)


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"corpus_{name}", CORPUS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def common() -> ModuleType:
    return _load("common")


@pytest.fixture(scope="session")
def builder() -> ModuleType:
    return _load("build_newsletters")


@pytest.fixture(scope="session")
def golds() -> dict[str, dict[str, Any]]:
    result = {}
    for pdf in PDFS:
        path = CORPUS / "gold" / f"{pdf.stem}.json"
        assert path.exists(), f"no gold for {pdf.name}"
        result[pdf.name] = json.loads(path.read_text(encoding="utf-8"))
    return result


@pytest.fixture(scope="session")
def sources() -> dict[str, dict[str, Any]]:
    result = {}
    for path in SOURCES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        result[data["file"]] = data
    return result


def test_enough_newsletters_from_both_generators(golds: dict[str, dict[str, Any]]) -> None:
    assert len(PDFS) >= 2
    generators = {g["generator"] for g in golds.values()}
    assert generators == {"reportlab", "weasyprint"}


def test_every_source_has_a_pdf_and_every_pdf_a_source(sources: dict[str, dict]) -> None:
    assert set(sources) == {p.name for p in PDFS}


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_gold_is_valid_and_matches_pdf(
    pdf: Path, golds: dict[str, dict[str, Any]], common: ModuleType
) -> None:
    gold = golds[pdf.name]
    assert gold["file"] == pdf.name
    assert gold["kind"] == "newsletter"
    assert common.validate_gold(gold) == []
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == gold["pages"]
        width_mm = doc.pages[0].width / 72 * 25.4
    assert 2 <= gold["pages"] <= 6
    assert round(width_mm) == {"A4": 210, "A3": 297}[gold["page_size"]]
    assert common.check_gold_against_text(gold, pdf) == []


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_gold_examples_are_plausible(pdf: Path, golds: dict[str, dict[str, Any]]) -> None:
    gold = golds[pdf.name]
    assert 3 <= len(gold["examples"]) <= 6
    assert 3 <= len(gold["context_phrases"]) <= 6
    for ex in gold["examples"]:
        assert ex["focus_areas"], ex["title"]
        assert set(ex["focus_areas"]) <= {"Fullföljda studier", "Psykisk hälsa", "Fysisk aktivitet"}
        assert ex["municipalities"], ex["title"]
        assert 3 <= len(ex["anchors"]) <= 5
        assert ex["pages"] == sorted(ex["pages"])
        assert ex["stage"] in {None, "planerad", "startad", "pågående", "avslutad"}


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_anchors_are_in_the_source_text(
    pdf: Path,
    golds: dict[str, dict[str, Any]],
    sources: dict[str, dict],
    common: ModuleType,
    builder: ModuleType,
) -> None:
    gold, src = golds[pdf.name], sources[pdf.name]
    texts = [common.phrase_key(builder.example_source_text(ex)) for ex in src["examples"]]
    assert [ex["title"] for ex in gold["examples"]] == [ex["title"] for ex in src["examples"]]
    for ex, text in zip(gold["examples"], texts, strict=True):
        for phrase in ex["anchors"]:
            assert common.phrase_key(phrase) in text, phrase
    context = common.phrase_key(builder.context_source_text(src))
    for phrase in gold["context_phrases"]:
        key = common.phrase_key(phrase)
        assert key in context, phrase
        assert not any(key in t for t in texts), phrase


def test_corpus_covers_the_county(golds: dict[str, dict[str, Any]]) -> None:
    municipalities = {
        m for g in golds.values() for ex in g["examples"] for m in ex["municipalities"]
    }
    if len(golds) >= 10:
        assert municipalities >= COUNTY
    else:
        assert municipalities & COUNTY


@pytest.mark.parametrize("generator", ["reportlab", "weasyprint"])
def test_rebuild_gives_identical_files(
    generator: str, sources: dict[str, dict], builder: ModuleType, tmp_path: Path
) -> None:
    name = next(f for f, s in sorted(sources.items()) if s["generator"] == generator)
    source = next(p for p in SOURCES if yaml.safe_load(p.read_text("utf-8"))["file"] == name)
    builder.build_one(source, pdf_dir=tmp_path, gold_dir=tmp_path)
    assert (tmp_path / name).read_bytes() == (CORPUS / "pdf" / name).read_bytes()
    gold_name = Path(name).stem + ".json"
    assert (tmp_path / gold_name).read_text("utf-8") == (CORPUS / "gold" / gold_name).read_text(
        "utf-8"
    )
