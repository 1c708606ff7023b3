"""``exempelbanken person export`` and ``person erase``: on a poster drawn for the test, read
into a real library by ``exempelbanken ingest``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from search.library import Library
from tests.search.people_files import EMAIL, NAME, poster_with_split_address
from web.cli import main


def test_export_then_erase(tmp_path: Path) -> None:
    poster = poster_with_split_address(tmp_path / "laxcafe.pdf")
    data = str(tmp_path / "data")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(poster), "--data-dir", data]).exit_code == 0
    out = runner.invoke(main, ["person", "export", NAME, "--data-dir", data])
    assert out.exit_code == 0, out.output
    export = json.loads(out.output)
    assert len(export["examples"]) == 1
    assert export["contact_details"][0]["email"] == EMAIL
    refused = runner.invoke(main, ["person", "erase", NAME, "--data-dir", data])
    assert refused.exit_code == 2
    erased = runner.invoke(main, ["person", "erase", NAME, "--yes", "--json", "--data-dir", data])
    assert erased.exit_code == 0, erased.output
    report = json.loads(erased.output)
    assert report["examples"] == 1 and report["originals_redacted"] == 1
    shown = runner.invoke(main, ["search", "Svensson", "--json", "--data-dir", data])
    assert json.loads(shown.output)["total"] == 0
    with Library(tmp_path / "data") as library:
        dumped = json.dumps([d.model_dump() for d in library.documents()], ensure_ascii=False)
        assert "Svensson" not in dumped and "Per Lund" in dumped
        assert library.audit_entries(action="person.erase")[0].user is None
    bad = runner.invoke(main, ["person", "export", "Anna", "--data-dir", data])
    assert bad.exit_code == 1 and "för- och efternamn" in bad.output
