"""The ``exempelbanken`` command line (see the README and the contract in docs/CONTRACT.md): the
one command line of the project, operators' commands (``status``) included.

A plain click group rather than Flask's ``FlaskGroup``: every command works on a data directory
(``--data-dir``) and most never need the web app (``ingest``, ``search``, ``tag``, ``check``), so
none pays for building it, none gets Flask's own commands and options (``run``, ``shell``,
``routes``, ``--app``, ``--env-file``) that the contract does not know, and ``serve`` builds the
app itself from the data directory it was given.
"""

from __future__ import annotations

import functools
import gc
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
from click.core import ParameterSource

from search.datadir import resolve_data_dir

if TYPE_CHECKING:
    from search.consistency import CheckReport
    from search.library import Library
    from search.records import IngestEvent, IngestSummary

MIN_PASSWORD_LENGTH = 8


def _data_dir_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Every command takes --data-dir (env EXEMPELBANKEN_DATA_DIR, else ./instance), made
    absolute before the command sees it."""

    @click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        callback=lambda _ctx, _param, value: resolve_data_dir(value),
        show_default="EXEMPELBANKEN_DATA_DIR eller ./instance",
        help="Katalog för katalog, index och originalfiler.",
    )
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    return wrapper


def _library(data_dir: Path) -> Library:
    # Importing and opening the library makes many lasting objects and no garbage: the
    # collector stays off meanwhile and then leaves those objects alone (gc.freeze), so that
    # no full collection walks them again and again (a tenth of a search's time from here).
    gc.disable()
    try:
        from search.library import Library

        return Library(data_dir)
    finally:
        gc.freeze()
        gc.enable()


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _fail(message: str, code: int = 2) -> NoReturn:
    """Stop with a Swedish error message on stderr."""
    click.echo(f"Fel: {message}", err=True)
    sys.exit(code)


def _stderr_is_tty() -> bool:
    return sys.stderr.isatty()


# --- ingest progress -------------------------------------------------------------------------

_OUTCOME_WORDS = {"read": "inläst", "skipped": "hoppade", "error": "fel"}


def _pages_text(pages: int) -> str:
    return f"{pages} {'sida' if pages == 1 else 'sidor'}"


def _duration_text(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s"


def _progress_line(event: IngestEvent) -> str:
    """One plain line for a finished file: ``[3/38] inläst  fil.pdf: Titel (4 sidor, ...)``."""
    counter = f"[{event.index}/{event.total}] {_OUTCOME_WORDS[event.outcome]:<7}"
    if event.outcome == "read":
        details = f"{_pages_text(event.pages)}, {event.examples} exempel, {event.seconds:.2f} s"
        return f"{counter} {Path(event.path).name}: {event.message} ({details})"
    shown = event.path if event.outcome == "error" else Path(event.path).name
    return f"{counter} {shown}: {event.message} ({event.seconds:.2f} s)"


def _summary_line(summary: IngestSummary) -> str:
    """The closing line of ``ingest`` in Swedish, from ``IngestReport.summary()``."""
    return (
        f"Klart: {summary.documents} dokument inlästa, {summary.examples} exempel, "
        f"{summary.skipped} hoppade, {summary.errors} fel, "
        f"{_pages_text(summary.pages)}, {_duration_text(summary.seconds)}."
    )


class _ProgressLines:
    """Not a terminal: one line per finished file, errors on stderr."""

    def __call__(self, event: IngestEvent) -> None:
        if event.outcome != "started":
            click.echo(_progress_line(event), err=event.outcome == "error")

    def close(self) -> None:
        pass


class _ProgressBar:
    """A terminal: a tqdm bar on stderr with files done, pages read and the current file."""

    def __init__(self, show_errors: bool) -> None:
        self._bar: Any = None  # a tqdm bar once the first file starts
        self._pages = 0
        self._show_errors = show_errors

    def __call__(self, event: IngestEvent) -> None:
        if self._bar is None:
            from tqdm import tqdm  # only for a terminal's progress bar

            self._bar = tqdm(total=event.total, desc="Läser in", file=sys.stderr,
                             dynamic_ncols=True,
                             bar_format="{desc} {n_fmt}/{total_fmt} filer |{bar}| "
                                        "[{elapsed}<{remaining}{postfix}]")
        if event.outcome != "started":
            self._pages += event.pages
            if event.outcome == "error" and self._show_errors:
                self._bar.write(_progress_line(event), file=sys.stderr)
            self._bar.update(1)
        self._bar.set_postfix_str(f"{_pages_text(self._pages)}, {Path(event.path).name}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _ingest_progress(as_json: bool) -> _ProgressBar | _ProgressLines | None:
    """A bar on a terminal; plain lines otherwise, none at all for --json off a terminal."""
    if _stderr_is_tty():
        return _ProgressBar(show_errors=not as_json)
    return None if as_json else _ProgressLines()


@click.group()
@click.version_option(package_name="exempelbanken")
def main() -> None:
    """Exempelbanken: goda exempel från lärandenätverket Bästa platsen."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON.")
@click.option("--granska", is_flag=True,
              help="Lägg dokumenten i samordnarnas inkorg i stället för att publicera dem.")
@_data_dir_option
def ingest(paths: tuple[Path, ...], as_json: bool, granska: bool, data_dir: Path) -> None:
    """Läs in PDF-filer och Office-dokument (DOCX, PPTX, ODT, ODP; filer eller mappar, rekursivt).

    Dokumenten publiceras direkt; med --granska väntar de på en samordnares granskning.
    Avslutas med status 0 när varje fil lästes in eller hoppades över, 1 när någon fil gav fel.
    """
    progress = _ingest_progress(as_json)
    try:
        with _library(data_dir) as library:
            report = library.ingest_paths(list(paths), progress=progress, review=granska)
    finally:
        if progress is not None:
            progress.close()
    if as_json:
        _print_json(report.model_dump())
    else:
        click.echo(_summary_line(report.summary()))
    if report.errors:
        sys.exit(1)


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
        from search.records import CLI_SEARCH_FIELDS

        _print_json(result.model_dump(include=CLI_SEARCH_FIELDS))
        return
    if result.suggestion:
        click.echo(f"Menade du: {result.suggestion}")
    # the hits are the suggestion's when it was used, as the web page says
    whose = f" för ”{result.suggestion}”" if result.corrected else ""
    click.echo(f"{result.total} träffar{whose}")
    for hit in result.hits:
        places = ", ".join(hit.municipalities) or "–"
        click.echo(f"{hit.id}  {hit.title}  [{places}]")


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
    if as_json:
        _print_json(example.model_dump())
        return
    click.echo(example.title)
    click.echo(f"Kommun: {', '.join(example.municipalities) or '–'}")
    click.echo(f"Fokusområden: {', '.join(example.focus_areas) or '–'}")
    click.echo(f"Insatser: {', '.join(example.interventions) or '–'}")
    for section in example.sections:
        click.echo(f"\n{section.heading}\n{section.text}")
    if not example.sections:
        click.echo(f"\n{example.text}")


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
    from ingest.records import Tag
    from ingest.tagging import tag_text

    tags = tag_text(file.read())
    if as_json:
        _print_json({"tags": [Tag.model_validate(t).model_dump(exclude={"source"})
                              for t in tags]})
        return
    for t in tags:
        quoted = "; ".join(f"»{e.text}«" for e in t.evidence)
        click.echo(f"{t.kind:13} {t.value}  {quoted}")


def _password_from_stdin() -> str:
    """The first line of standard input, without its line ending."""
    line = sys.stdin.readline()
    return line.removesuffix("\n").removesuffix("\r")


def _password(given: str | None, from_stdin: bool) -> str:
    """The password from --password-stdin, --password, EXEMPELBANKEN_PASSWORD or a prompt."""
    if from_stdin:
        source = click.get_current_context().get_parameter_source("password")
        if source is ParameterSource.COMMANDLINE:
            _fail("Ange antingen --password eller --password-stdin, inte båda.")
        return _password_from_stdin()
    if given is not None:
        return given
    return click.prompt("Lösenord", hide_input=True, confirmation_prompt="Upprepa lösenordet")


def _check_password(password: str, from_stdin: bool) -> None:
    if not password:
        where = " (första raden på standard input)" if from_stdin else ""
        _fail(f"Lösenordet är tomt{where}.")
    if len(password) < MIN_PASSWORD_LENGTH:
        _fail(f"Lösenordet måste ha minst {MIN_PASSWORD_LENGTH} tecken.")


@main.command("add-user")
@click.argument("name")
@click.option("--password", envvar="EXEMPELBANKEN_PASSWORD",
              help="Lösenord (annars EXEMPELBANKEN_PASSWORD, --password-stdin eller en fråga).")
@click.option("--password-stdin", is_flag=True,
              help="Läs lösenordet från första raden på standard input.")
@_data_dir_option
def add_user(name: str, password: str | None, password_stdin: bool, data_dir: Path) -> None:
    """Skapa eller byt lösenord för ett samordnarkonto."""
    password = _password(password, password_stdin)
    _check_password(password, password_stdin)
    with _library(data_dir) as library:
        library.add_user(name, password)
    click.echo(f"Kontot {name} är sparat.")


@main.command()
@_data_dir_option
def status(data_dir: Path) -> None:
    """Visa datakatalog och antal dokument och exempel."""
    with _library(data_dir) as library:
        documents, examples = library.document_count(), library.example_count()
    click.echo(f"Datakatalog: {data_dir}")
    click.echo(f"{documents} dokument, {examples} exempel")


QUEUE_OPTION = click.option(
    "--queue", "queue", envvar="EXEMPELBANKEN_QUEUE", default="",
    show_default="SQLite i datakatalogen",
    help="Kön: redis://värd:port/db (env EXEMPELBANKEN_QUEUE), annars SQLite i datakatalogen.")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=None, type=click.IntRange(0, 64),
              envvar="EXEMPELBANKEN_QUEUE_WORKERS", show_default="1",
              help="Läsare av uppladdade filer i den här processen (0: bara andra datorers).")
@click.option("--server", "server", type=click.Choice(["gunicorn", "waitress"]),
              envvar="EXEMPELBANKEN_SERVER", default=None, show_default="gunicorn på Linux",
              help="Webbservern: gunicorn (två processer) eller waitress (en process).")
@QUEUE_OPTION
@_data_dir_option
def serve(host: str, port: int, workers: int | None, server: str | None, queue: str,
          data_dir: Path) -> None:
    """Starta webbgränssnittet och API:t, med kön för uppladdade filer."""
    from search.queue import check_queue_url
    from web import create_app, uploads
    from web.server import production_config
    from web.server import serve as serve_app

    try:
        check_queue_url(queue)
    except ValueError as exc:  # a --queue that is not a redis:// URL
        _fail(str(exc))
    config: dict[str, Any] = {"DATA_DIR": str(data_dir), "QUEUE_URL": queue,
                              **production_config(data_dir)}
    if workers is not None:
        config["QUEUE_WORKERS"] = workers
    app = create_app(config)
    click.echo(f"Exempelbanken på http://{host}:{port}/")
    # each serving process starts the upload queue's writer and local readers
    # (web.uploads.runtime); the data directory's writer lock lets one of them work at a time
    serve_app(app, host, port, server=server, on_start=uploads.runtime)


@main.command()
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Filer som läses samtidigt.")
@QUEUE_OPTION
@_data_dir_option
def worker(workers: int, queue: str, data_dir: Path) -> None:
    """Läs uppladdade filer från kön, på den här eller en annan dator (med Redis)."""
    from web.cli_jobs import run_worker

    run_worker(data_dir, queue, workers)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--wait", is_flag=True, help="Vänta och visa hur långt varje fil kommit.")
@click.option("--json", "as_json", is_flag=True, help="Skriv jobben som JSON.")
@click.option("--granska", is_flag=True,
              help="Låt dokumenten vänta på en samordnares granskning i stället för att "
                   "publiceras direkt.")
@QUEUE_OPTION
@_data_dir_option
def upload(paths: tuple[Path, ...], wait: bool, as_json: bool, granska: bool, queue: str,
           data_dir: Path) -> None:
    """Lägg filer i kön för inläsning i bakgrunden (som uppladdning på webben).

    Dokumenten publiceras direkt, som med ingest; med --granska väntar de på granskning.
    """
    from web.cli_jobs import run_upload

    with _library(data_dir) as library:
        code = run_upload(library, list(paths), queue, wait, as_json, _login_name(), granska)
    sys.exit(code)


# --- thesaurus as SKOS -------------------------------------------------------------------------


@main.group()
def tesaurus() -> None:
    """Exportera och importera tesaurusen som SKOS (Turtle eller JSON-LD)."""


@tesaurus.command("export")
@click.option("--format", "fmt", type=click.Choice(["turtle", "json-ld"]), default="turtle",
              show_default=True, help="Filformat.")
@click.option("-o", "--utfil", "output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Skriv till FIL i stället för standard output.")
@click.option("--bas-uri", "base", default=None,
              help="Början på begreppens IRI:er (standard urn:exempelbanken:tesaurus:).")
@_data_dir_option
def tesaurus_export(fmt: str, output: Path | None, base: str | None, data_dir: Path) -> None:
    """Skriv tesaurusen, med samordnarnas ändringar, som SKOS."""
    from search.errors import LibraryError
    from search.skos import DEFAULT_BASE, serialize

    with _library(data_dir) as library:
        thesaurus = library.thesaurus.current()
    try:
        data = serialize(thesaurus, fmt, base or DEFAULT_BASE)
    except LibraryError as exc:
        _fail(exc.message)
    if output is None:
        click.echo(data, nl=False)
        return
    output.write_bytes(data)
    click.echo(f"Tesaurusen ({len(thesaurus.concepts)} begrepp) är sparad i {output}.",
               err=True)


def _read_bounded(path: Path) -> bytes:
    """At most one byte more than a SKOS file may have (the import refuses it then)."""
    from search.skos import MAX_BYTES

    try:
        with path.open("rb") as file:
            return file.read(MAX_BYTES + 1)
    except OSError as exc:
        _fail(f"Filen {path} kunde inte läsas ({exc.strerror or exc}).", 1)


def _print_import(report: Any) -> None:
    click.echo(f"Importerade {report.filename} ({report.format}): {report.concepts} begrepp i "
               f"filen, {report.matched} fanns redan, {report.labels_added} termer tillagda, "
               f"{report.concepts_added} nya ämnen.")
    if report.skipped:
        click.echo(f"Hoppade över {len(report.skipped)}:")
    for item in report.skipped:
        what = f"{item.concept}, termen {item.label!r}" if item.label else item.concept
        click.echo(f"  - {what}: {item.reason}")


@tesaurus.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--anvandare", default=None,
              help="Vem ändringarna står på i historiken (standard: inloggad användare).")
@click.option("--json", "as_json", is_flag=True, help="Skriv rapporten som JSON.")
@_data_dir_option
def tesaurus_import(file: Path, anvandare: str | None, as_json: bool, data_dir: Path) -> None:
    """Ta in en SKOS-fil: nya termer och ämnen läggs till, ingenting tas bort.

    Avslutas med status 1 när filen inte kunde läsas eller importeras; då ändras ingenting.
    """
    from search.errors import LibraryError

    data = _read_bounded(file)
    user = anvandare or _login_name()
    try:
        with _library(data_dir) as library:
            report = library.thesaurus.import_skos(data, file.name, user)
    except LibraryError as exc:
        _fail(exc.message, 1)
    if as_json:
        _print_json(report.model_dump())
    else:
        _print_import(report)


def _login_name() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None



def _inspecting_library(data_dir: Path) -> Library:
    """The library opened without repairing anything at open, so ``check`` sees what is."""
    from search.library import Library

    class Inspecting(Library):
        repair_index = False

    return Inspecting(data_dir)


def _print_check(report: CheckReport) -> None:
    entries = "–" if report.index_entries is None else report.index_entries
    click.echo(f"Katalogen: {report.documents} dokument, {report.examples} exempel. "
               f"Sökindexet: {entries} poster.")
    problems = report.problems()
    if not problems:
        click.echo("Katalog, sökindex och originalfiler stämmer överens.")
        return
    click.echo(f"Hittade {len(problems)} avvikelse(r):")
    for line in problems:
        click.echo(f"  - {line}")
    if report.remaining is None:
        click.echo("Kör med --repair för att rätta det som går att rätta från katalogen.")
        return
    for line in report.repaired:
        click.echo(f"Rättat: {line}")
    if report.remaining:
        click.echo("Kvar efter reparationen:", err=True)
        for line in report.remaining:
            click.echo(f"  - {line}", err=True)
    else:
        click.echo("Allt är rättat.")


@main.command()
@click.option("--repair", is_flag=True,
              help="Rätta det som går från katalogen: bygg om sökindexet, ta bort "
                   "föräldralösa filer.")
@click.option("--json", "as_json", is_flag=True, help="Skriv rapporten som JSON.")
@_data_dir_option
def check(repair: bool, as_json: bool, data_dir: Path) -> None:
    """Jämför katalog, sökindex och originalfiler.

    Avslutas med status 0 när allt stämmer (med --repair: när allt gick att rätta), annars 1.
    """
    with _inspecting_library(data_dir) as library:
        report = library.check(repair=repair)
    if as_json:
        _print_json(report.to_dict())
    else:
        _print_check(report)
    sys.exit(report.exit_code())


# the ``person`` group (GDPR) lives in its own module and adds itself to ``main``
from web import cli_person  # noqa: E402, F401

if __name__ == "__main__":
    main()
