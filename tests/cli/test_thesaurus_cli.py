"""exempelbanken tesaurus export / import: SKOS files in and out of a real data directory."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import SKOS, Graph

from ingest.tagging.thesaurus import seed
from search.library import Library
from tests.search.test_skos import FOREIGN_TURTLE
from web.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def run(runner: CliRunner, data_dir: Path, *args: str, exit_code: int = 0):  # noqa: ANN201
    result = runner.invoke(main, ["tesaurus", *args, "--data-dir", str(data_dir)],
                           catch_exceptions=False)
    assert result.exit_code == exit_code, (result.stdout, result.stderr)
    return result


def history(data_dir: Path) -> list:
    with Library(data_dir) as library:
        return library.thesaurus.history()


def test_export_writes_turtle_to_standard_output(runner: CliRunner, data_dir: Path) -> None:
    result = run(runner, data_dir, "export")
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert len(set(graph.subjects(SKOS.notation, None))) == len(seed().concepts)
    assert "<urn:exempelbanken:tesaurus:mobbning>" in result.stdout


def test_export_writes_jsonld_to_a_file(runner: CliRunner, data_dir: Path,
                                        tmp_path: Path) -> None:
    target = tmp_path / "ut.jsonld"
    result = run(runner, data_dir, "export", "--format", "json-ld", "-o", str(target),
                 "--bas-uri", "https://region.example/t/")
    assert result.stdout == ""
    assert f"({len(seed().concepts)} begrepp) är sparad i {target}" in result.stderr
    body = json.loads(target.read_text(encoding="utf-8"))
    assert any(node.get("@id") == "https://region.example/t/mobbning" for node in body["@graph"])


def test_an_export_imported_again_adds_nothing(runner: CliRunner, data_dir: Path,
                                               tmp_path: Path) -> None:
    target = tmp_path / "tesaurus.ttl"
    run(runner, data_dir, "export", "--utfil", str(target))
    result = run(runner, data_dir, "import", str(target), "--anvandare", "kerstin")
    assert result.stdout.splitlines() == [
        f"Importerade tesaurus.ttl (turtle): {len(seed().concepts)} begrepp i filen, "
        f"{len(seed().concepts)} fanns redan, 0 termer tillagda, 0 nya ämnen."]
    assert history(data_dir) == []


def test_import_prints_the_report_and_logs_who(runner: CliRunner, data_dir: Path,
                                               tmp_path: Path) -> None:
    source = tmp_path / "region.ttl"
    source.write_text(FOREIGN_TURTLE, encoding="utf-8")
    result = run(runner, data_dir, "import", str(source), "--anvandare", "kerstin")
    lines = result.stdout.splitlines()
    assert lines[0] == ("Importerade region.ttl (turtle): 7 begrepp i filen, 3 fanns redan, "
                        "5 termer tillagda, 1 nya ämnen.")
    assert lines[1] == "Hoppade över 4:"
    assert any(line.startswith("  - Hembesök tillsammans, termen 'familjecentral': ")
               for line in lines)
    assert {e.user for e in history(data_dir)} == {"kerstin"}
    exported = run(runner, data_dir, "export").stdout
    assert '"sextortion"@sv' in exported


def test_import_json_and_the_login_name_as_default_user(runner: CliRunner, data_dir: Path,
                                                        tmp_path: Path) -> None:
    source = tmp_path / "region.ttl"
    source.write_text(FOREIGN_TURTLE, encoding="utf-8")
    report = json.loads(run(runner, data_dir, "import", str(source), "--json").stdout)
    assert (report["concepts_added"], report["user"]) == (1, getpass.getuser())
    assert {e.user for e in history(data_dir)} == {getpass.getuser()}


@pytest.mark.parametrize(("content", "message"), [
    (b"ingen tesaurus alls {", "inte giltig JSON"),
    (b'{"@context": "http://127.0.0.1:9/k", "@id": "urn:a"}', "hämtar aldrig"),
])
def test_a_bad_file_fails_in_swedish_and_changes_nothing(
        runner: CliRunner, data_dir: Path, tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "fel.jsonld"
    source.write_bytes(content)
    result = run(runner, data_dir, "import", str(source), exit_code=1)
    assert result.stderr.startswith("Fel: ") and message in result.stderr
    assert history(data_dir) == []


def test_a_missing_file_fails(runner: CliRunner, data_dir: Path, tmp_path: Path) -> None:
    result = run(runner, data_dir, "import", str(tmp_path / "saknas.ttl"), exit_code=1)
    assert "kunde inte läsas" in result.stderr


def test_an_invalid_base_uri_is_a_usage_error(runner: CliRunner, data_dir: Path) -> None:
    result = run(runner, data_dir, "export", "--bas-uri", "inte en iri", exit_code=2)
    assert result.stdout == "" and "ingen giltig absolut IRI" in result.stderr
