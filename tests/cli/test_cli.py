"""The exempelbanken command line, driven as outside tools drive it (CONTRACT.md)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from web.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run_json(runner: CliRunner, *args: str) -> dict:
    result = runner.invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_json_then_identical_bytes_are_skipped(runner, corpus_pdfs, tmp_path):
    data_dir = str(tmp_path / "data")
    first = run_json(runner, "ingest", str(corpus_pdfs[0]), "--json", "--data-dir", data_dir)
    assert len(first["documents"]) == 1 and first["errors"] == []
    doc = first["documents"][0]
    assert set(doc) >= {"id", "filename", "title", "kind", "date", "pages", "context", "examples"}
    assert doc["kind"] in {"newsletter", "poster", "document"}
    assert doc["examples"], "a corpus document has at least one example"

    again = run_json(runner, "ingest", str(corpus_pdfs[0]), "--json", "--data-dir", data_dir)
    assert again["documents"] == []
    assert [s["path"] for s in again["skipped"]] == [str(corpus_pdfs[0])]


def test_unreadable_file_is_reported_and_store_kept(runner, corpus_pdfs, tmp_path):
    data_dir = str(tmp_path / "data")
    run_json(runner, "ingest", str(corpus_pdfs[0]), "--json", "--data-dir", data_dir)
    bad = tmp_path / "inbox" / "nyhetsbrev.pdf"
    bad.parent.mkdir()
    bad.write_text("<html><body>Inte en PDF</body></html>", encoding="utf-8")
    shutil.copy(corpus_pdfs[0], bad.parent / "samma.pdf")

    report = run_json(runner, "ingest", str(bad.parent), "--json", "--data-dir", data_dir)
    assert [e["path"] for e in report["errors"]] == [str(bad)]
    assert report["errors"][0]["error"]
    assert len(report["skipped"]) == 1

    listing = run_json(runner, "search", "", "--json", "--data-dir", data_dir)
    assert listing["total"] >= 1


def test_search_and_show_on_the_corpus(runner, corpus_store):
    data_dir = str(corpus_store)
    result = run_json(runner, "search", "hembesök", "--json", "--limit", "5",
                      "--data-dir", data_dir)
    assert set(result) >= {"query", "total", "results", "facets"}
    assert result["query"] == "hembesök"
    assert 0 < len(result["results"]) <= 5
    assert set(result["facets"]) >= {"kommun", "fokus", "insats"}
    hit = result["results"][0]
    assert set(hit) >= {"id", "title", "document", "municipalities", "focus_areas",
                        "interventions", "score", "snippet"}

    kommun = next(iter(result["facets"]["kommun"]))
    filtered = run_json(runner, "search", "hembesök", "--kommun", kommun, "--json",
                        "--data-dir", data_dir)
    assert filtered["total"] == result["facets"]["kommun"][kommun]
    assert all(kommun in h["municipalities"] for h in filtered["results"])

    example = run_json(runner, "show", hit["id"], "--json", "--data-dir", data_dir)
    assert example["id"] == hit["id"]
    assert example["text"] and example["sections"] is not None


def test_show_unknown_example_fails_clearly(runner, tmp_path):
    result = runner.invoke(main, ["show", "finns-inte", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "Hittade inget exempel" in result.output


def test_tag_prints_evidence(runner, tmp_path):
    text = tmp_path / "exempel.txt"
    text.write_text(
        "Familjecentralen i Rydaholm har startat gemensamma hembesök. "
        "Lisa Berg, barnsjuksköterska, berättade om arbetet.",
        encoding="utf-8",
    )
    data = run_json(runner, "tag", str(text), "--json", "--data-dir", str(tmp_path))
    content = text.read_text(encoding="utf-8")
    by_kind = {(t["kind"], t["value"]) for t in data["tags"]}
    assert ("municipality", "Värnamo") in by_kind
    assert ("intervention", "gemensamma hembesök") in by_kind
    for t in data["tags"]:
        for ev in t["evidence"]:
            assert content[ev["start"]:ev["end"]] == ev["text"]


def test_add_user_then_reindex(runner, tmp_path):
    data_dir = str(tmp_path)
    short = runner.invoke(main, ["add-user", "anna", "--password", "kort", "--data-dir", data_dir])
    assert short.exit_code != 0
    ok = runner.invoke(main, ["add-user", "anna", "--password", "hemligt-lösen",
                              "--data-dir", data_dir])
    assert ok.exit_code == 0, ok.output
    assert runner.invoke(main, ["reindex", "--data-dir", data_dir]).exit_code == 0


def test_reindex_with_retag_keeps_the_examples(runner, corpus_pdfs, tmp_path):
    data_dir = str(tmp_path)
    first = run_json(runner, "ingest", str(corpus_pdfs[0]), "--json", "--data-dir", data_dir)
    example_id = first["documents"][0]["examples"][0]["id"]
    before = run_json(runner, "show", example_id, "--json", "--data-dir", data_dir)
    result = runner.invoke(main, ["reindex", "--retag", "--data-dir", data_dir])
    assert result.exit_code == 0, result.output
    n = len(first["documents"][0]["examples"])
    assert f"({n} exempel)" in result.output
    after = run_json(runner, "show", example_id, "--json", "--data-dir", data_dir)
    assert after["municipalities"] == before["municipalities"]
    assert after["text"] == before["text"]


def test_data_dir_from_environment(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("EXEMPELBANKEN_DATA_DIR", str(tmp_path / "fran-miljon"))
    result = runner.invoke(main, ["search", "", "--json"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "fran-miljon").exists()
