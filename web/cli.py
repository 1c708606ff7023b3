"""The ``exempelbanken`` command line (see the README and the contract in CONTRACT.md)."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

DEFAULT_DATA_DIR = "instance"


def _data_dir_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Every command takes --data-dir (env EXEMPELBANKEN_DATA_DIR, else ./instance)."""

    @click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=lambda: os.environ.get("EXEMPELBANKEN_DATA_DIR", DEFAULT_DATA_DIR),
        show_default="EXEMPELBANKEN_DATA_DIR eller ./instance",
        help="Katalog för katalog, index och originalfiler.",
    )
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    return wrapper


def _library(data_dir: Path):  # -> search.library.Library
    from search.library import Library

    return Library(data_dir)


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group()
@click.version_option(package_name="exempelbanken")
def main() -> None:
    """Exempelbanken: goda exempel från lärandenätverket Bästa platsen."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON.")
@_data_dir_option
def ingest(paths: tuple[Path, ...], as_json: bool, data_dir: Path) -> None:
    """Läs in PDF-filer (filer eller mappar, rekursivt)."""
    with _library(data_dir) as library:
        report = library.ingest_paths(list(paths))
    if as_json:
        _print_json(
            {
                "documents": [doc.to_dict() for doc in report.documents],
                "skipped": report.skipped,
                "errors": report.errors,
            }
        )
        return
    for doc in report.documents:
        click.echo(f"inläst   {doc.filename}: {doc.title} ({len(doc.examples)} exempel)")
    for item in report.skipped:
        click.echo(f"hoppade  {item['path']}: {item['reason']}")
    for item in report.errors:
        click.echo(f"fel      {item['path']}: {item['error']}", err=True)


@main.command("search")
@click.argument("query", default="")
@click.option("--kommun", multiple=True, help="Filtrera på kommun (kan upprepas).")
@click.option("--fokus", multiple=True, help="Filtrera på fokusområde.")
@click.option("--insats", multiple=True, help="Filtrera på insats.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True)
@_data_dir_option
def search_command(
    query: str,
    kommun: tuple[str, ...],
    fokus: tuple[str, ...],
    insats: tuple[str, ...],
    limit: int,
    as_json: bool,
    data_dir: Path,
) -> None:
    """Sök bland exemplen."""
    filters = {
        name: list(values)
        for name, values in (("kommun", kommun), ("fokus", fokus), ("insats", insats))
        if values
    }
    with _library(data_dir) as library:
        result = library.search(query, filters=filters, page=1, per_page=limit)
    if as_json:
        _print_json(
            {
                "query": result.query,
                "total": result.total,
                "results": result.hits,
                "facets": result.facets,
                "suggestion": result.suggestion,
            }
        )
        return
    if result.suggestion:
        click.echo(f"Menade du: {result.suggestion}")
    click.echo(f"{result.total} träffar")
    for hit in result.hits:
        places = ", ".join(hit["municipalities"]) or "–"
        click.echo(f"{hit['id']}  {hit['title']}  [{places}]")


@main.command()
@click.argument("example_id")
@click.option("--json", "as_json", is_flag=True)
@_data_dir_option
def show(example_id: str, as_json: bool, data_dir: Path) -> None:
    """Visa ett exempel."""
    with _library(data_dir) as library:
        example = library.example(example_id)
    if example is None:
        click.echo(f"Hittade inget exempel med id {example_id}.", err=True)
        sys.exit(1)
    data = example.to_dict()
    if as_json:
        _print_json(data)
        return
    click.echo(data["title"])
    click.echo(f"Kommun: {', '.join(data['municipalities']) or '–'}")
    click.echo(f"Fokusområden: {', '.join(data['focus_areas']) or '–'}")
    click.echo(f"Insatser: {', '.join(data['interventions']) or '–'}")
    for section in data["sections"]:
        click.echo(f"\n{section['heading']}\n{section['text']}")
    if not data["sections"]:
        click.echo(f"\n{data['text']}")


@main.command()
@click.option("--retag", is_flag=True,
              help="Tagga om alla exempel först (samordnarnas rättelser behålls).")
@_data_dir_option
def reindex(retag: bool, data_dir: Path) -> None:
    """Bygg om sökindexet från katalogen."""
    with _library(data_dir) as library:
        count = library.reindex(retag=retag)
    click.echo(f"Indexet är ombyggt ({count} exempel).")


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True)
@_data_dir_option
def tag(file: Any, as_json: bool, data_dir: Path) -> None:
    """Tagga en textfil och visa taggarna med belägg."""
    from ingest.tagging import tag_text

    tags = tag_text(file.read())
    if as_json:
        _print_json(
            {
                "tags": [
                    {
                        "kind": t.kind,
                        "value": t.value,
                        "role": t.role,
                        "evidence": [
                            {"text": e.text, "start": e.start, "end": e.end} for e in t.evidence
                        ],
                    }
                    for t in tags
                ]
            }
        )
        return
    for t in tags:
        quoted = "; ".join(f"»{e.text}«" for e in t.evidence)
        click.echo(f"{t.kind:13} {t.value}  {quoted}")


@main.command("add-user")
@click.argument("name")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    envvar="EXEMPELBANKEN_PASSWORD",
    help="Lösenord (frågas efter om det inte anges).",
)
@_data_dir_option
def add_user(name: str, password: str, data_dir: Path) -> None:
    """Skapa eller byt lösenord för ett samordnarkonto."""
    if len(password) < 8:
        raise click.BadParameter("lösenordet måste ha minst 8 tecken", param_hint="--password")
    with _library(data_dir) as library:
        library.add_user(name, password)
    click.echo(f"Kontot {name} är sparat.")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@_data_dir_option
def serve(host: str, port: int, data_dir: Path) -> None:
    """Starta webbgränssnittet och API:t."""
    from web import create_app
    from web.server import serve as serve_app

    app = create_app({"DATA_DIR": str(data_dir)})
    click.echo(f"Exempelbanken på http://{host}:{port}/")
    serve_app(app, host, port)


if __name__ == "__main__":
    main()
