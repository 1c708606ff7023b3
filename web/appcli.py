"""A small ``flask --app web`` command for operators (the main CLI is ``exempelbanken``)."""

from __future__ import annotations

import click
from flask import Flask

from web.library import get_library


def init_app(app: Flask) -> None:
    @app.cli.command("status")
    def status() -> None:
        """Visa datakatalog och antal dokument och exempel."""
        library = get_library()
        documents = library.documents()
        examples = sum(len(d.examples) for d in documents)
        click.echo(f"Datakatalog: {app.config['DATA_DIR']}")
        click.echo(f"{len(documents)} dokument, {examples} exempel")
