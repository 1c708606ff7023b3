"""docs/CONTRACT.md stays true: its commands, options, API operations and record fields are
compared with the running code (the click group, the app's OpenAPI document and routes, and the
records of a really ingested corpus).

Conventions read from the contract (stated at its top):
- a command is a bullet ``- `exempelbanken NAME ...` `` in "## Command line"; options written in
  that section before the first bullet apply to every command;
- an endpoint is a bullet ``- `METHOD /api/...` `` in "## HTTP API";
- a record's fields are the first column (in backticks) of the table under ``### Record``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from flask import Flask

from web import create_app
from web.cli import main

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "docs" / "CONTRACT.md"
README = ROOT / "README.md"

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
COMMAND_BULLET = re.compile(r"^- `exempelbanken ([a-z][\w-]*)")
COMMAND_MENTION = re.compile(r"`exempelbanken ([a-z][\w-]*)")
ENDPOINT = re.compile(rf"`({'|'.join(HTTP_METHODS)}) (/api/[^`?\s]*)")
ENDPOINT_BULLET = re.compile(rf"^- `({'|'.join(HTTP_METHODS)}) (/api/[^`?\s]*)")
PATH_PARAM = re.compile(r"<[^>]*>|\{[^}]*\}")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


# --- reading the contract --------------------------------------------------------------------


def contract_text() -> str:
    return CONTRACT.read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text of the ``## title...`` section, up to the next ``## `` heading."""
    lines = contract_text().splitlines()
    start = next(
        (i for i, line in enumerate(lines) if line.startswith(f"## {title}")), None
    )
    assert start is not None, f"docs/CONTRACT.md has no '## {title}' section"
    out = []
    for line in lines[start + 1:]:
        if line.startswith("## "):
            break
        out.append(line)
    return "\n".join(out)


def bullets(text: str, start: re.Pattern[str]) -> list[tuple[re.Match[str], str]]:
    """Top-level bullets whose first line matches ``start``, each with its continuation lines."""
    found: list[tuple[re.Match[str], str]] = []
    current: list[str] | None = None
    match: re.Match[str] | None = None
    for line in [*text.splitlines(), ""]:
        if current is not None and line.startswith((" ", "\t")) and line.strip():
            current.append(line)
            continue
        if current is not None and match is not None:
            found.append((match, "\n".join(current)))
        current, match = None, start.match(line)
        if match is not None:
            current = [line]
    return found


def intro(text: str) -> str:
    """A section's text before its first bullet."""
    return text.split("\n- ", 1)[0]


def mentions(text: str, token: str) -> bool:
    """``token`` (an option such as --data-dir) occurs in text as a whole word."""
    return re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", text) is not None


def command_entries() -> dict[str, str]:
    entries: dict[str, str] = {}
    for match, text in bullets(section("Command line"), COMMAND_BULLET):
        assert match.group(1) not in entries, f"two entries for exempelbanken {match.group(1)}"
        entries[match.group(1)] = text
    return entries


def normalise(path: str) -> str:
    """/api/examples/<example_id> and /api/examples/{id} are the same path."""
    return PATH_PARAM.sub("{}", path)


def endpoint_entries() -> dict[tuple[str, str], str]:
    entries: dict[tuple[str, str], str] = {}
    for match, text in bullets(section("HTTP API"), ENDPOINT_BULLET):
        key = (match.group(1), normalise(match.group(2)))
        assert key not in entries, f"two entries for {key[0]} {key[1]}"
        entries[key] = text
    return entries


def record_fields(record: str) -> list[str]:
    """The first column of the table under ``### record`` (the field names in backticks)."""
    lines = contract_text().splitlines()
    heading = f"### {record}"
    assert heading in lines, f"docs/CONTRACT.md has no '{heading}' table"
    fields: list[str] = []
    rows = 0
    for line in lines[lines.index(heading) + 1:]:
        if line.startswith("#"):
            break
        if not line.startswith("|"):
            if rows:
                break
            continue
        rows += 1
        cell = line.strip("|").split("|", 1)[0].strip()
        if rows == 1 or set(cell) <= set("-: "):
            continue  # the header row and the separator row
        name = re.fullmatch(r"`([\w-]+)`", cell)
        assert name, f"{heading}: the first cell {cell!r} is not a field name in backticks"
        fields.append(name.group(1))
    assert fields, f"the table under '{heading}' lists no fields"
    assert len(fields) == len(set(fields)), f"{heading} lists a field twice: {fields}"
    return fields


# --- (a) the command line --------------------------------------------------------------------


def option_tokens(param: click.Parameter) -> list[str]:
    return [*param.opts, *param.secondary_opts]


def leaves(command: click.Command) -> list[click.Command]:
    """The commands that run: a group (``exempelbanken tesaurus``) stands for its subcommands."""
    if isinstance(command, click.Group):
        return [leaf for sub in command.commands.values() for leaf in leaves(sub)]
    return [command]


def command_params(command: click.Command) -> list[click.Parameter]:
    """A command's parameters; a group's are its own and its subcommands'."""
    return [*command.params, *(p for leaf in leaves(command) if leaf is not command
                               for p in leaf.params)]


def test_every_cli_command_and_option_is_in_the_contract() -> None:
    text = section("Command line")
    common = intro(text)
    entries = command_entries()
    missing = [
        f"group option {token}"
        for param in main.params
        if isinstance(param, click.Option)
        for token in option_tokens(param)
        if not mentions(common, token)
    ]
    for name, command in sorted(main.commands.items()):
        if name not in entries:
            missing.append(f"exempelbanken {name}")
            continue
        documented = entries[name] + "\n" + common
        missing.extend(
            f"exempelbanken {name} {token}"
            for param in command_params(command)
            if isinstance(param, click.Option)
            for token in option_tokens(param)
            if not mentions(documented, token)
        )
    assert not missing, f"not described in docs/CONTRACT.md: {missing}"


def test_every_option_in_the_contract_exists() -> None:
    """An option in a command's entry is that command's; one in the section's introduction is
    the group's or every command's (``--help`` is click's own)."""

    def tokens(params: list[click.Parameter]) -> set[str]:
        return {t for p in params if isinstance(p, click.Option) for t in option_tokens(p)}

    text = section("Command line")
    every_command = set.intersection(
        *(tokens(leaf.params) for c in main.commands.values() for leaf in leaves(c)))
    unknown = sorted(
        f"(every command) {opt}"
        for opt in set(OPTION.findall(intro(text))) - tokens(main.params) - every_command
        if opt != "--help"
    )
    for name, entry in command_entries().items():
        command = main.commands.get(name)
        if command is None:
            continue  # reported by test_every_command_named_in_the_contract_exists
        unknown.extend(
            f"exempelbanken {name} {opt}"
            for opt in sorted(set(OPTION.findall(entry)) - tokens(command_params(command)))
            if opt != "--help"
        )
    assert not unknown, f"docs/CONTRACT.md names options that do not exist: {unknown}"


def test_every_command_named_in_the_contract_exists() -> None:
    named = set(COMMAND_MENTION.findall(contract_text()))
    assert named, "docs/CONTRACT.md names no `exempelbanken <command>`"
    unknown = sorted(named - set(main.commands))
    assert not unknown, f"docs/CONTRACT.md names commands that do not exist: {unknown}"


# --- (b) the HTTP API ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def contract_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    application = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path_factory.mktemp("contract-app")),
            "SECRET_KEY": "test-secret",
        }
    )
    yield application
    application.extensions["exempelbanken"].close()


@pytest.fixture(scope="module")
def openapi(contract_app: Flask) -> dict[str, Any]:
    response = contract_app.test_client().get("/api/openapi.json")
    assert response.status_code == 200
    return response.json


def operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method.upper(), normalise(path)): operation
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
        if method.upper() in HTTP_METHODS
    }


def test_every_openapi_operation_is_in_the_contract(openapi: dict[str, Any]) -> None:
    missing = sorted(set(operations(openapi)) - set(endpoint_entries()))
    assert not missing, f"API operations not described in docs/CONTRACT.md: {missing}"


def test_every_endpoint_in_the_contract_is_in_openapi(openapi: dict[str, Any]) -> None:
    named = {(method, normalise(path)) for method, path in ENDPOINT.findall(contract_text())}
    assert named, "docs/CONTRACT.md names no `METHOD /api/...`"
    unknown = sorted(named - set(operations(openapi)))
    assert not unknown, f"docs/CONTRACT.md names API operations that do not exist: {unknown}"


def test_every_api_route_of_the_app_is_in_the_contract(contract_app: Flask) -> None:
    """Also a route added to web/views/api.py but forgotten in the OpenAPI document."""
    routes = {
        (method, normalise(rule.rule))
        for rule in contract_app.url_map.iter_rules()
        if rule.rule.startswith("/api/")
        for method in rule.methods or ()
        if method in HTTP_METHODS
    }
    assert routes
    missing = sorted(routes - set(endpoint_entries()))
    assert not missing, f"API routes not described in docs/CONTRACT.md: {missing}"


def test_each_endpoint_lists_its_parameters_and_status_codes(openapi: dict[str, Any]) -> None:
    """Query parameters as ``name=``, multipart fields as `name`, every documented status code."""
    entries = endpoint_entries()
    missing = []
    for key, operation in sorted(operations(openapi).items()):
        entry = entries.get(key)
        if entry is None:
            continue  # reported by test_every_openapi_operation_is_in_the_contract
        label = f"{key[0]} {key[1]}"
        for param in operation.get("parameters", []):
            if param["in"] == "query" and f"{param['name']}=" not in entry:
                missing.append(f"{label}: parameter {param['name']}=")
        content = operation.get("requestBody", {}).get("content", {})
        for body in content.values():
            for name in body.get("schema", {}).get("properties", {}):
                if f"`{name}`" not in entry:
                    missing.append(f"{label}: field `{name}`")
        missing.extend(
            f"{label}: status {code}"
            for code in operation.get("responses", {})
            if code.isdigit() and not re.search(rf"\b{code}\b", entry)
        )
    assert not missing, f"not described in docs/CONTRACT.md: {missing}"


# --- (c) the records -------------------------------------------------------------------------


def assert_fields(record: str, data: dict[str, Any]) -> None:
    listed = set(record_fields(record))
    produced = set(data)
    assert listed == produced, (
        f"{record}: produced but not in docs/CONTRACT.md: {sorted(produced - listed)}; "
        f"in docs/CONTRACT.md but not produced: {sorted(listed - produced)}"
    )


@pytest.fixture(scope="module")
def corpus_library(corpus_store: Path) -> Iterator[Any]:
    from search.library import Library

    with Library(corpus_store) as library:
        yield library


@pytest.fixture(scope="module")
def stored_documents(corpus_library: Any) -> list[Any]:
    documents = corpus_library.documents()
    assert documents, "the corpus store holds no documents"
    return documents


def first(items: Any, what: str) -> Any:
    item = next(iter(items), None)
    assert item is not None, f"the corpus has no {what}"
    return item


def test_document_fields_are_those_of_the_contract(stored_documents: list[Any]) -> None:
    data = stored_documents[0].to_dict()
    assert_fields("Document", data)


def test_example_fields_are_those_of_the_contract(
    corpus_library: Any, stored_documents: list[Any]
) -> None:
    stored = first((e for d in stored_documents for e in d.examples), "example")
    example = corpus_library.example(stored.id)
    assert example is not None
    assert_fields("Example", example.to_dict())


def test_nested_record_fields_are_those_of_the_contract(stored_documents: list[Any]) -> None:
    examples = [e.to_dict() for d in stored_documents for e in d.examples]
    section_ = first((s for e in examples for s in e["sections"]), "section")
    person = first((p for e in examples for p in e["persons"]), "person")
    tag = first((t for e in examples for t in e["tags"] if t["evidence"]), "tag with evidence")
    assert_fields("Section", section_)
    assert_fields("Person", person)
    assert_fields("Tag", tag)
    assert_fields("Evidence", tag["evidence"][0])


def test_hit_fields_are_those_of_the_contract(corpus_library: Any) -> None:
    result = corpus_library.search("närvaro", per_page=1)
    hit = first(result.hits, "search hit for närvaro")
    assert_fields("Hit", hit)


# --- the README points here ------------------------------------------------------------------


def test_readme_links_to_the_contract() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "](docs/CONTRACT.md)" in readme
    assert CONTRACT.is_file()
