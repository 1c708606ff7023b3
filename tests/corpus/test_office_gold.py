"""The corpus documents made in office programs (corpus/build_office.py): each source has its
original and its PDF, the original is of the format its name says, and the gold is valid and
found in the PDF's text."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from ingest import formats

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SOURCES = sorted((CORPUS / "sources" / "office").glob("*.yaml"))


def _common() -> ModuleType:
    sys.path.insert(0, str(CORPUS))
    spec = importlib.util.spec_from_file_location("corpus_common", CORPUS / "common.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def common() -> ModuleType:
    return _common()


def test_office_corpus_covers_the_producers() -> None:
    golds = [json.loads((CORPUS / "gold" / f"{p.stem}.json").read_text("utf-8")) for p in SOURCES]
    suffixes = [Path(g["source"]).suffix for g in golds]
    assert len(golds) >= 12
    for suffix in (".pptx", ".odp", ".docx", ".odt", ".html"):
        assert suffix in suffixes
    assert {g["kind"] for g in golds} == {"poster", "newsletter"}
    assert any(g["date"] is None for g in golds)


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_office_document_and_gold(source: Path, common: ModuleType) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    gold = json.loads((CORPUS / "gold" / f"{source.stem}.json").read_text(encoding="utf-8"))
    pdf = CORPUS / "pdf" / gold["file"]
    original = CORPUS / "office" / gold["source"]
    assert pdf.is_file() and original.is_file(), data.get("file", source.stem)
    if original.suffix != ".html":
        assert formats.detect(original.read_bytes()).suffix == original.suffix
    assert gold["generator"] == ("chromium" if original.suffix == ".html" else "libreoffice")
    assert common.validate_gold(gold) == []
    assert common.check_gold_against_text(gold, pdf) == []
