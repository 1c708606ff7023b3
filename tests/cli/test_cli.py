"""The exempelbanken command line, driven as outside tools drive it (docs/CONTRACT.md)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from search.catalogue import Catalogue
from search.library import IngestEvent, Library
from web.cli import main

CONSOLE_SCRIPT = Path(sys.executable).parent / "exempelbanken"
# one small newsletter and two posters, read in this order (names sort so)
SMALL_BATCH = ("nyhetsbrev-2022-10.pdf", "poster-2023-aneby-i-rorelse.pdf",
               "poster-2024-habo-rastaktiviteter.pdf")
BAD_NAME = "nyhetsbrev-trasig.pdf"  # sorts between the newsletter and the posters
READ_LINE = re.compile(r"^\[(\d+)/(\d+)\] inläst  (\S+): (.+) \((\d+) sid(?:a|or), (\d+) exempel, "
                       r"\d+\.\d\d s\)$")
SKIPPED_LINE = re.compile(r"^\[(\d+)/(\d+)\] hoppade (\S+): Identisk fil finns redan .+ "
                          r"\(\d+\.\d\d s\)$")
ERROR_LINE = re.compile(r"^\[(\d+)/(\d+)\] fel     (\S+): (.+) \(\d+\.\d\d s\)$")
SUMMARY_LINE = re.compile(r"^Klart: (\d+) dokument inlästa, (\d+) exempel, (\d+) hoppade, "
                          r"(\d+) fel, (\d+) sid(?:a|or), \d+\.\d s\.$")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run_json(runner: CliRunner, *args: str, exit_code: int = 0) -> dict:
    result = runner.invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == exit_code, result.output
    return json.loads(result.stdout)


@pytest.fixture
def inbox(corpus_pdfs, tmp_path) -> Path:
    """Three real corpus PDFs and, between them, a text file renamed .pdf."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    by_name = {p.name: p for p in corpus_pdfs}
    for name in SMALL_BATCH:
        shutil.copy(by_name[name], folder / name)
    (folder / BAD_NAME).write_text("Det här är ingen PDF utan en textfil.\n", encoding="utf-8")
    return folder


def stored_counts(data_dir: Path) -> tuple[int, int, int]:
    """(documents, examples, pages) as the store holds them."""
    with Library(data_dir) as library:
        docs = library.documents()
        return len(docs), library.example_count(), sum(d.pages for d in docs)


def summary_numbers(stdout: str) -> tuple[int, ...]:
    match = SUMMARY_LINE.match(stdout.splitlines()[-1])
    assert match, stdout
    return tuple(int(n) for n in match.groups())


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

    report = run_json(runner, "ingest", str(bad.parent), "--json", "--data-dir", data_dir,
                      exit_code=1)
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


def test_search_says_whose_hits_it_prints(runner, corpus_store):
    data_dir = str(corpus_store)
    typed = runner.invoke(main, ["search", "hembesk", "--data-dir", data_dir])
    assert typed.exit_code == 0, typed.output
    lines = typed.output.splitlines()
    assert lines[0] == "Menade du: hembesök"
    assert lines[1].endswith(" träffar för ”hembesök”")
    plain = runner.invoke(main, ["search", "hembesök", "--data-dir", data_dir])
    assert plain.output.splitlines()[0].endswith(" träffar")
    assert lines[1].split()[0] == plain.output.split()[0]


def test_status_counts_documents_and_examples(runner, corpus_store, tmp_path):
    with Library(corpus_store) as library:
        documents = len(library.documents())
        examples = library.example_count()
    result = runner.invoke(main, ["status", "--data-dir", str(corpus_store)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"Datakatalog: {corpus_store}",
                                          f"{documents} dokument, {examples} exempel"]
    assert documents > 0 and examples > 0

    empty = runner.invoke(main, ["status", "--data-dir", str(tmp_path / "tom")])
    assert empty.exit_code == 0, empty.output
    assert empty.output.splitlines()[-1] == "0 dokument, 0 exempel"


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


# --- ingest: progress, summary, exit status ---------------------------------------------------


def test_ingest_prints_a_line_per_file_and_a_summary(runner, inbox, tmp_path):
    data_dir = tmp_path / "data"
    result = runner.invoke(main, ["ingest", str(inbox), "--data-dir", str(data_dir)])
    assert result.exit_code == 1, result.output  # the bad file is an error
    lines = result.stdout.splitlines()
    read = [READ_LINE.match(line) for line in lines[:-1]]
    assert all(read), lines
    assert [(m[1], m[2], m[3]) for m in read] == [
        ("1", "4", SMALL_BATCH[0]), ("3", "4", SMALL_BATCH[1]), ("4", "4", SMALL_BATCH[2])]
    error = ERROR_LINE.match(result.stderr.strip())
    assert error, result.stderr
    assert (error[1], error[2], error[3]) == ("2", "4", str(inbox / BAD_NAME))
    assert "PDF" in error[4]

    documents, examples, pages = stored_counts(data_dir)
    assert documents == 3
    assert sum(int(m[6]) for m in read) == examples
    assert sum(int(m[5]) for m in read) == pages
    assert summary_numbers(result.stdout) == (documents, examples, 0, 1, pages)


def test_ingest_again_skips_identical_files(runner, inbox, tmp_path):
    data_dir = str(tmp_path / "data")
    (inbox / BAD_NAME).unlink()
    first = runner.invoke(main, ["ingest", str(inbox), "--data-dir", data_dir])
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ["ingest", str(inbox), "--data-dir", data_dir])
    assert again.exit_code == 0, again.output
    lines = again.stdout.splitlines()
    skipped = [SKIPPED_LINE.match(line) for line in lines[:-1]]
    assert all(skipped), lines
    assert [m[3] for m in skipped] == list(SMALL_BATCH)
    assert summary_numbers(again.stdout) == (0, 0, 3, 0, 0)
    assert again.stderr == ""


def test_ingest_json_has_a_summary_and_nothing_else(runner, inbox, tmp_path):
    data_dir = tmp_path / "data"
    report = run_json(runner, "ingest", str(inbox), "--json", "--data-dir", str(data_dir),
                      exit_code=1)
    assert set(report) == {"documents", "skipped", "errors", "summary"}
    documents, examples, pages = stored_counts(data_dir)
    summary = report["summary"]
    assert {k: summary[k] for k in ("documents", "examples", "skipped", "errors", "pages")} == {
        "documents": documents, "examples": examples, "skipped": 0, "errors": 1, "pages": pages}
    assert isinstance(summary["seconds"], float) and summary["seconds"] > 0
    assert summary["documents"] == len(report["documents"]) == 3
    assert summary["examples"] == sum(len(d["examples"]) for d in report["documents"])
    assert [e["path"] for e in report["errors"]] == [str(inbox / BAD_NAME)]


def test_ingest_json_on_a_terminal_keeps_the_bar_on_stderr(runner, inbox, tmp_path,
                                                            monkeypatch):
    monkeypatch.setattr("web.cli._stderr_is_tty", lambda: True)
    result = runner.invoke(main, ["ingest", str(inbox), "--json",
                                  "--data-dir", str(tmp_path / "data")])
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["summary"]["documents"] == 3
    assert "Läser in" in result.stderr and "4/4 filer" in result.stderr
    assert "poster-2024-habo-rastaktiviteter.pdf" in result.stderr


def test_store_failure_is_an_error_for_that_file_only(runner, inbox, tmp_path, monkeypatch):
    (inbox / BAD_NAME).unlink()
    data_dir = tmp_path / "data"
    failing = SMALL_BATCH[1]
    insert = Catalogue.insert_document

    def insert_or_fail(self, con, doc, *args, **kwargs):
        if doc.filename == failing:
            raise sqlite3.OperationalError("disk I/O error")
        return insert(self, con, doc, *args, **kwargs)

    monkeypatch.setattr(Catalogue, "insert_document", insert_or_fail)
    report = run_json(runner, "ingest", str(inbox), "--json", "--data-dir", str(data_dir),
                      exit_code=1)
    assert [d["filename"] for d in report["documents"]] == [SMALL_BATCH[0], SMALL_BATCH[2]]
    assert len(report["errors"]) == 1
    error = report["errors"][0]
    assert error["path"] == str(inbox / failing) and error["code"] == "storage_failed"
    assert "kunde inte sparas" in error["error"] and "disk I/O error" in error["error"]
    assert report["summary"]["errors"] == 1 and report["summary"]["documents"] == 2
    assert stored_counts(data_dir)[0] == 2
    originals = list((data_dir / "originals").rglob("*.pdf"))
    assert len(originals) == 2, "the file that failed leaves no original behind"

    monkeypatch.setattr(Catalogue, "insert_document", insert)
    again = run_json(runner, "ingest", str(inbox / failing), "--json",
                     "--data-dir", str(data_dir))
    assert [d["filename"] for d in again["documents"]] == [failing]


def test_library_reports_progress_while_it_ingests(inbox, tmp_path):
    events: list[IngestEvent] = []
    stored_when_done: list[int] = []
    with Library(tmp_path / "data") as library:

        def progress(event: IngestEvent) -> None:
            events.append(event)
            if event.outcome != "started":
                stored_when_done.append(len(library.documents()))

        report = library.ingest_paths([inbox, tmp_path / "saknas.pdf"], progress=progress)
    finished = [e for e in events if e.outcome != "started"]
    assert [(e.index, e.total, e.outcome) for e in finished] == [
        (1, 5, "error"), (2, 5, "read"), (3, 5, "error"), (4, 5, "read"), (5, 5, "read")]
    assert finished[0].code == "missing" and finished[2].code
    assert [e.index for e in events if e.outcome == "started"] == [2, 3, 4, 5]
    assert stored_when_done == [0, 1, 1, 2, 3], "each file is stored before the next is read"
    read = [e for e in finished if e.outcome == "read"]
    assert [e.message for e in read] == [d.title for d in report.documents]
    assert sum(e.pages for e in read) == report.summary()["pages"]
    assert sum(e.examples for e in read) == report.summary()["examples"]


def test_console_script_streams_plain_lines_when_piped(corpus_pdfs, tmp_path):
    assert CONSOLE_SCRIPT.exists(), CONSOLE_SCRIPT
    by_name = {p.name: p for p in corpus_pdfs}
    scanned = by_name["poster-2024-gnosjo-hembesok-skannad.pdf"]  # OCR: takes seconds
    data_dir = tmp_path / "data"
    command = [str(CONSOLE_SCRIPT), "ingest", str(by_name[SMALL_BATCH[1]]), str(scanned),
               "--data-dir", str(data_dir)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, encoding="utf-8") as proc:
        first = proc.stdout.readline()
        still_running = proc.poll() is None
        rest, errors = proc.communicate(timeout=300)
    assert proc.returncode == 0, errors
    assert READ_LINE.match(first.rstrip("\n")).group(1, 2, 3) == ("1", "2", SMALL_BATCH[1])
    assert still_running, "the first line comes while the scanned poster is being read"
    lines = rest.splitlines()
    assert READ_LINE.match(lines[0]).group(1, 2, 3) == ("2", "2", scanned.name)
    documents, examples, pages = stored_counts(data_dir)
    assert summary_numbers(rest) == (2, examples, 0, 0, pages)
    assert errors == "", "no progress bar when stderr is not a terminal"

    as_json = subprocess.run(command + ["--json"], capture_output=True, text=True,
                             encoding="utf-8", timeout=300, check=False)
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["summary"]["skipped"] == 2
    assert as_json.stderr == ""


# --- add-user -------------------------------------------------------------------------------


def test_add_user_reads_the_password_from_stdin(runner, tmp_path):
    result = runner.invoke(main, ["add-user", "anna", "--password-stdin",
                                  "--data-dir", str(tmp_path)],
                           input="hemligt lösen\r\nandra raden\n")
    assert result.exit_code == 0, result.output
    with Library(tmp_path) as library:
        assert library.check_user("anna", "hemligt lösen")
        assert not library.check_user("anna", "andra raden")


def test_add_user_reads_the_password_from_the_environment(runner, tmp_path):
    env = {"EXEMPELBANKEN_PASSWORD": "från-miljön-123"}
    result = runner.invoke(main, ["add-user", "bo", "--data-dir", str(tmp_path)], env=env)
    assert result.exit_code == 0, result.output
    assert "Kontot bo är sparat." in result.stdout
    stdin_wins = runner.invoke(main, ["add-user", "bo", "--password-stdin",
                                      "--data-dir", str(tmp_path)],
                               env=env, input="från-stdin-456\n")
    assert stdin_wins.exit_code == 0, stdin_wins.output
    with Library(tmp_path) as library:
        assert library.check_user("bo", "från-stdin-456")
        assert not library.check_user("bo", "från-miljön-123")


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (["--password-stdin"], "", "Lösenordet är tomt (första raden på standard input)."),
    (["--password-stdin"], "\nhemligt-lösen\n", "Lösenordet är tomt"),
    (["--password-stdin"], "kort\n", "Lösenordet måste ha minst 8 tecken."),
    (["--password", "kort"], None, "Lösenordet måste ha minst 8 tecken."),
    (["--password", "hemligt-lösen", "--password-stdin"], "hemligt-lösen\n",
     "Ange antingen --password eller --password-stdin, inte båda."),
], ids=["stdin-empty", "stdin-first-line-empty", "stdin-short", "option-short", "both"])
def test_add_user_rejects_bad_passwords_clearly(runner, tmp_path, args, stdin, message):
    result = runner.invoke(main, ["add-user", "anna", *args, "--data-dir", str(tmp_path)],
                           input=stdin)
    assert result.exit_code == 2
    assert result.stderr.startswith("Fel: ") and message in result.stderr
    with Library(tmp_path) as library:
        assert library.session_token("anna") is None  # no such user


def test_console_script_add_user_with_password_stdin(tmp_path):
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "add-user", "cecilia", "--password-stdin",
         "--data-dir", str(tmp_path)],
        input="lösen-via-stdin\n", capture_output=True, text=True, encoding="utf-8",
        timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Kontot cecilia är sparat.\n"
    with Library(tmp_path) as library:
        assert library.check_user("cecilia", "lösen-via-stdin")
