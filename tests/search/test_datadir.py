"""The data directory is absolute wherever it comes from: flag, environment or default."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from search.datadir import resolve_data_dir
from search.library import Library
from web import create_app
from web.cli import main


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EXEMPELBANKEN_DATA_DIR", raising=False)
    return tmp_path


def test_default_flag_and_environment_are_made_absolute(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_data_dir() == in_tmp / "instance"
    assert resolve_data_dir("data/bank") == in_tmp / "data" / "bank"
    monkeypatch.setenv("EXEMPELBANKEN_DATA_DIR", "fran-miljon")
    assert resolve_data_dir() == in_tmp / "fran-miljon"
    assert resolve_data_dir("flaggan") == in_tmp / "flaggan"  # the flag wins
    assert resolve_data_dir("~/x") == Path.home() / "x"


def test_library_and_app_never_keep_a_relative_path(in_tmp: Path) -> None:
    with Library("rel") as library:
        assert library.data_dir == in_tmp / "rel"
        assert library.data_dir.is_absolute()
    app = create_app({"DATA_DIR": "rel", "TESTING": True, "SECRET_KEY": "x"})
    assert app.config["DATA_DIR"] == str(in_tmp / "rel")


def test_cli_commands_get_an_absolute_data_dir(in_tmp: Path) -> None:
    result = CliRunner().invoke(main, ["add-user", "anna", "--password-stdin"],
                                input="ett-langt-losenord\n")
    assert result.exit_code == 0, result.output
    assert (in_tmp / "instance" / "catalogue.sqlite3").is_file()
    with Library(in_tmp / "instance") as library:
        assert library.check_user("anna", "ett-langt-losenord")
