"""``exempelbanken person export NAME`` and ``exempelbanken person erase NAME --yes``: a named
person's data under GDPR (art. 15 and 17), from the command line (search/gdpr.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from search.errors import LibraryError
from web.cli import _data_dir_option, _fail, _library, _print_json, main


@main.group()
def person() -> None:
    """Exportera eller radera allt som är sparat om en namngiven person (GDPR)."""


@person.command("export")
@click.argument("name")
@click.option("-o", "--utfil", "output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Skriv JSON till filen i stället för standard ut.")
@_data_dir_option
def person_export(name: str, output: Path | None, data_dir: Path) -> None:
    """Skriv allt som är sparat om personen NAME som JSON (registerutdrag, art. 15)."""
    try:
        with _library(data_dir) as library:
            data = library.person_export(name)
    except LibraryError as exc:
        _fail(exc.message, 1)
    if output is None:
        _print_json(data)
        return
    output.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    click.echo(f"Uppgifterna om {name} ({len(data['examples'])} exempel) är sparade i "
               f"{output}.", err=True)


@person.command("erase")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Bekräfta raderingen (den går inte att ångra).")
@click.option("--json", "as_json", is_flag=True, help="Skriv vad som raderades som JSON.")
@_data_dir_option
def person_erase(name: str, yes: bool, as_json: bool, data_dir: Path) -> None:
    """Radera allt som är sparat om personen NAME (art. 17). Kräver --yes."""
    if not yes:
        _fail("Raderingen går inte att ångra: bekräfta med --yes.")
    try:
        with _library(data_dir) as library:
            report = library.erase_person(name)
    except LibraryError as exc:
        _fail(exc.message, 1)
    if as_json:
        _print_json(report.as_dict())
        return
    click.echo(f"Raderade uppgifter om en person: {report.examples} exempel i "
               f"{report.documents} dokument, {report.originals_redacted} originalfiler "
               f"maskerade, {report.originals_removed} borttagna, {report.audit_rows} rader i "
               f"ändringsloggen, {report.file_names} filnamn, {report.searches} sökningar "
               f"({report.seconds:.1f} s).")
    sys.exit(0)
