"""The bundled sample posters: every PDF has a valid gold file and the pages it promises."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from ingest import model
from ingest.tagging import home_municipalities, taxonomy

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
# the posters build_posters.py draws (office-made ones: test_office_gold.py)
POSTERS = sorted(p for p in (CORPUS / "pdf").glob("poster-*.pdf")
                 if not (CORPUS / "sources" / "office" / f"{p.stem}.yaml").exists())
FOCUS_AREAS = set(model.FOCUS_AREAS)
INTERVENTIONS = {item.name for item in taxonomy().interventions}
COUNTY = set(home_municipalities())


def gold_for(pdf: Path) -> dict:
    return json.loads((CORPUS / "gold" / f"{pdf.stem}.json").read_text(encoding="utf-8"))


def page_text(pdf: Path) -> tuple[int, int, str]:
    """(pages, chars on page 1, whitespace-normalised text of page 1)."""
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        text = re.sub(r"\s+", " ", page.extract_text() or "")
        return len(doc.pages), len(page.chars), text


@pytest.fixture(scope="session")
def golds() -> dict[str, dict]:
    return {pdf.stem: gold_for(pdf) for pdf in POSTERS}


def test_enough_posters_cover_the_county(golds: dict[str, dict]) -> None:
    assert len(POSTERS) >= 20
    munis = {m for g in golds.values() for m in g["examples"][0]["municipalities"]}
    assert munis >= COUNTY
    assert munis - COUNTY, "at least one poster from outside the county"
    assert sum(g["generator"] == "reportlab" for g in golds.values()) >= 8
    assert sum(g["generator"] == "weasyprint" for g in golds.values()) >= 8
    assert sum(g["page_size"] == "A3" for g in golds.values()) >= 5
    assert sum(g["scanned"] for g in golds.values()) == 1


@pytest.mark.parametrize("pdf", POSTERS, ids=[p.stem for p in POSTERS])
def test_poster_gold_is_valid(pdf: Path) -> None:
    gold = gold_for(pdf)
    assert gold["file"] == pdf.name
    assert gold["kind"] == "poster"
    assert gold["pages"] == 1
    assert gold["generator"] in {"reportlab", "weasyprint"}
    assert gold["page_size"] in {"A3", "A4"}
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", gold["date"])
    assert len(gold["examples"]) == 1
    ex = gold["examples"][0]
    assert ex["title"] == gold["title"]
    assert ex["pages"] == [1]
    assert ex["municipalities"]
    assert ex["focus_areas"] and set(ex["focus_areas"]) <= FOCUS_AREAS
    assert ex["interventions"] and set(ex["interventions"]) <= INTERVENTIONS
    assert ex["stage"] in {"planerad", "startad", "pågående", "avslutad"}
    assert all(set(p) == {"name", "role"} for p in ex["persons"])
    assert 3 <= len(ex["anchors"]) <= 5
    for phrase in ex["anchors"] + gold["context_phrases"]:
        assert 4 <= len(phrase.split()) <= 10, phrase


@pytest.mark.parametrize("pdf", POSTERS, ids=[p.stem for p in POSTERS])
def test_poster_pages_and_text_layer(pdf: Path) -> None:
    gold = gold_for(pdf)
    pages, chars, text = page_text(pdf)
    assert pages == 1
    if gold["scanned"]:
        assert chars == 0, "a scanned poster has no text layer"
        assert "-skannad" in pdf.stem
    else:
        assert chars > 500
        assert gold["title"].split()[0] in text
        # The anchors' words are all on the page (column interleaving may split the phrase).
        words = set(re.findall(r"\w+", text))
        for phrase in gold["examples"][0]["anchors"]:
            assert set(re.findall(r"\w+", phrase)) <= words, phrase


def _builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_posters", CORPUS / "build_posters.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_posters", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def builder():
    return _builder()


def test_sources_and_gold_are_in_sync(builder) -> None:
    """Every source has its PDF and the committed gold equals what the source gives."""
    posters = builder.load_all()
    assert sorted(f"{p.stem}.pdf" for p in posters) == [p.name for p in POSTERS]
    for poster in posters:
        builder.validate_gold(poster)
        assert builder.gold_record(poster) == gold_for(CORPUS / "pdf" / f"{poster.stem}.pdf")


RENDER_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import build_posters as b
out = Path(sys.argv[2])
for poster in b.load_all():
    if poster.stem in sys.argv[3:]:
        render = {"reportlab": b.render_reportlab, "weasyprint": b.render_weasyprint}
        render[poster.generator](poster, out / f"{poster.stem}.pdf")
"""


@pytest.mark.slow
def test_rendering_gives_the_committed_pdfs(builder, tmp_path: Path) -> None:
    """Re-rendering gives the committed PDFs: all reportlab ones, a few WeasyPrint ones.

    Rendered in a fresh interpreter: reportlab keeps process-wide state (registered fonts,
    counters) that other tests' rendering would otherwise leak into the bytes.
    """
    posters = [p for p in builder.load_all() if not p.get("scanned")]
    chosen = [p for p in posters if p.generator == "reportlab"]
    chosen += [p for p in posters if p.generator == "weasyprint"][:3]
    subprocess.run(
        [sys.executable, "-c", RENDER_SCRIPT, str(CORPUS), str(tmp_path)]
        + [p.stem for p in chosen],
        check=True,
    )
    for poster in chosen:
        out = tmp_path / f"{poster.stem}.pdf"
        committed = CORPUS / "pdf" / f"{poster.stem}.pdf"
        if poster.generator == "reportlab":
            assert out.read_bytes() == committed.read_bytes(), poster.stem
        else:
            assert page_text(out)[2] == page_text(committed)[2], poster.stem
