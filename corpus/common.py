"""Small helpers shared by the corpus build scripts: writing gold JSON and checking it.

A gold file describes one PDF of the sample corpus (its keys are checked by ``validate_gold``).
Its anchors and context phrases must be verbatim words of the rendered PDF; the
check here compares them with the text of each page as ``pdftotext -raw`` gives it, after
undoing hyphenated line ends and collapsing whitespace.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

FOCUS_AREAS = ("Fullföljda studier", "Psykisk hälsa", "Fysisk aktivitet")
STAGES = ("planerad", "startad", "pågående", "avslutad")
KINDS = ("newsletter", "poster")
GENERATORS = ("reportlab", "weasyprint", "libreoffice", "chromium")
SOURCE_SUFFIXES = (".docx", ".pptx", ".odt", ".odp", ".html")
PAGE_SIZES = ("A4", "A3")
# The gold fields of an example besides title, anchors and pages, in schema order.
TAG_KEYS = (
    "team", "municipalities", "places", "focus_areas", "interventions", "actors", "persons",
    "inspired_by", "stage",
)

_HYPHEN_BREAK = re.compile(r"[\u00ad\u2010\u2011-]\s*")
_SPACE = re.compile(r"\s+")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def phrase_key(text: str) -> str:
    """A comparison key that ignores line breaks, hyphenation and spacing differences.

    Hyphens are dropped together with any whitespace after them, both in the phrase and in the
    page text, so "skol-\\nnärvaro" and "skolnärvaro" compare equal.
    """
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl")
    text = _HYPHEN_BREAK.sub("", text)
    return _SPACE.sub(" ", text).strip()


def pdf_page_texts(pdf_path: Path) -> list[str]:
    """The raw text of every page (content-stream order), one string per page."""
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf_path), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def pdf_page_count(pdf_path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf_path)], check=True, capture_output=True).stdout.decode(
        "utf-8", "replace"
    )
    match = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
    if not match:
        raise ValueError(f"no page count for {pdf_path}")
    return int(match.group(1))


def write_gold(path: Path, data: dict[str, Any]) -> None:
    """Write one gold file as stable, readable UTF-8 JSON."""
    problems = validate_gold(data)
    if problems:
        raise ValueError(f"{path.name}: " + "; ".join(problems))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _words(phrase: str) -> int:
    return len(phrase.split())


def validate_gold(gold: dict[str, Any]) -> list[str]:
    """Schema problems of a gold record (empty list when it is valid)."""
    problems: list[str] = []
    for key in (
        "file",
        "kind",
        "title",
        "date",
        "pages",
        "generator",
        "page_size",
        "scanned",
        "examples",
        "context_phrases",
    ):
        if key not in gold:
            problems.append(f"missing key {key}")
    if problems:
        return problems
    problems += _document_problems(gold)
    for n, ex in enumerate(gold["examples"], start=1):
        problems += _example_problems(ex, f"example {n}", gold["pages"])
    return problems


def _document_problems(gold: dict[str, Any]) -> list[str]:
    """Problems of a gold record's document-level fields."""
    problems: list[str] = []
    if gold["kind"] not in KINDS:
        problems.append(f"bad kind {gold['kind']}")
    if gold["generator"] not in GENERATORS:
        problems.append(f"bad generator {gold['generator']}")
    if gold["page_size"] not in PAGE_SIZES:
        problems.append(f"bad page size {gold['page_size']}")
    if gold["date"] is not None and (
        not isinstance(gold["date"], str) or not _DATE.match(gold["date"])
    ):
        problems.append(f"bad date {gold['date']!r}")
    if "source" in gold and (
        not isinstance(gold["source"], str)
        or "/" in gold["source"]
        or not gold["source"].endswith(SOURCE_SUFFIXES)
    ):
        problems.append(f"bad source {gold['source']!r}")
    if not isinstance(gold["pages"], int) or gold["pages"] < 1:
        problems.append("bad page count")
    for phrase in gold["context_phrases"] + gold.get("table_phrases", []):
        if not 4 <= _words(phrase) <= 10:
            problems.append(f"context phrase length: {phrase!r}")
    return problems


def _example_problems(ex: dict[str, Any], where: str, page_count: Any) -> list[str]:
    """Problems of one example of a gold record."""
    problems: list[str] = []
    for key in ("title", *TAG_KEYS, "anchors", "pages"):
        if key not in ex:
            problems.append(f"{where}: missing {key}")
    if any(k not in ex for k in ("focus_areas", "anchors", "pages", "persons", "stage")):
        return problems
    for area in ex["focus_areas"]:
        if area not in FOCUS_AREAS:
            problems.append(f"{where}: bad focus area {area!r}")
    if ex["stage"] is not None and ex["stage"] not in STAGES:
        problems.append(f"{where}: bad stage {ex['stage']!r}")
    if not 3 <= len(ex["anchors"]) <= 5:
        problems.append(f"{where}: {len(ex['anchors'])} anchors")
    for phrase in ex["anchors"]:
        if not 4 <= _words(phrase) <= 10:
            problems.append(f"{where}: anchor length {phrase!r}")
    for person in ex["persons"]:
        if set(person) != {"name", "role"}:
            problems.append(f"{where}: bad person {person!r}")
    if not ex["pages"] or any(
        not isinstance(p, int) or p < 1 or p > page_count for p in ex["pages"]
    ):
        problems.append(f"{where}: bad pages {ex['pages']}")
    return problems


def find_phrase_pages(phrase: str, page_keys: list[str]) -> list[int]:
    """1-based pages whose text contains the phrase (compared by ``phrase_key``)."""
    key = phrase_key(phrase)
    return [n for n, text in enumerate(page_keys, start=1) if key in text]


def check_gold_against_text(gold: dict[str, Any], pdf_path: Path) -> list[str]:
    """Problems found when comparing a gold record with the rendered PDF (empty when fine).

    Checks the schema, the page count, that every anchor occurs on one of the example's pages,
    and that context phrases occur in the PDF. Scanned (image-only) PDFs get the schema and
    page-count checks only.
    """
    problems = validate_gold(gold)
    pdf_path = Path(pdf_path)
    count = pdf_page_count(pdf_path)
    if gold.get("pages") != count:
        problems.append(f"pages {gold.get('pages')} in gold, {count} in PDF")
    if gold.get("scanned"):
        return problems  # image-only pages: there is no text layer to compare with
    page_keys = [phrase_key(t) for t in pdf_page_texts(pdf_path)]
    for n, ex in enumerate(gold.get("examples", []), start=1):
        for phrase in ex.get("anchors", []):
            found = find_phrase_pages(phrase, page_keys)
            if not found:
                problems.append(f"example {n}: anchor not in PDF: {phrase!r}")
            elif not set(found) & set(ex.get("pages", [])):
                problems.append(
                    f"example {n}: anchor {phrase!r} on pages {found}, not on {ex.get('pages')}"
                )
    for phrase in gold.get("context_phrases", []) + gold.get("table_phrases", []):
        if not find_phrase_pages(phrase, page_keys):
            problems.append(f"context phrase not in PDF: {phrase!r}")
    return problems
