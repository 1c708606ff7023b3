"""`exempelbanken ingest` publishes at once; with --granska the documents wait for review."""

from __future__ import annotations

import json

from click.testing import CliRunner

from search.library import Library
from web.cli import main


def test_ingest_publishes_unless_granska(corpus_pdfs, tmp_path) -> None:  # noqa: ANN001
    runner = CliRunner()
    data_dir = str(tmp_path / "data")
    published, waiting = corpus_pdfs[0], corpus_pdfs[1]
    for path, extra in ((published, []), (waiting, ["--granska"])):
        result = runner.invoke(main, ["ingest", str(path), "--json", "--data-dir", data_dir,
                                      *extra], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    with Library(data_dir) as library:
        states = {i.filename: i.review for i in library.review_items()}
        assert states == {published.name: "published", waiting.name: "review"}
        hits = library.search("").hits
        assert {h.document.filename for h in hits} == {published.name}
    found = runner.invoke(main, ["search", "--json", "--limit", "100", "--data-dir", data_dir])
    assert {h["document"]["filename"] for h in json.loads(found.output)["results"]} == {
        published.name}
