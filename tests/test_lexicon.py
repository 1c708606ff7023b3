"""The Swedish lexicon (ingest/lexicon.py): its lists hang together, and no module keeps a copy
of the month names or of the county's municipalities."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh.lang.stopwords import stoplists

from ingest import lexicon
from ingest.lexicon import COUNTY, COUNTY_MUNICIPALITIES, MONTH_NUMBERS, MONTH_STEMS, MONTHS
from ingest.tagging import municipalities

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("ingest", "search", "web", "corpus", "benchmarks", "scripts", "tests")
LEXICON = ROOT / "ingest" / "lexicon.py"
# the blind test set is written apart from the product, on purpose without its lexicon
BLIND = ROOT / "benchmarks" / "blind"
MIN_MONTHS = 3
MIN_MUNICIPALITIES = 5
# Mappings keyed by every municipality that are data of their own, not a copy of the list; each
# is checked against the lexicon below.
KEYED_BY_MUNICIPALITY = {("web/tilemap.py", "POSITIONS")}
_WORD = re.compile(r"\w+")
_MONTH_OF = {**MONTH_NUMBERS, **{stem: n for n, stem in enumerate(MONTH_STEMS, start=1)}}


def _months(words: list[str]) -> set[int]:
    return {_MONTH_OF[w.lower()] for w in words if w.lower() in _MONTH_OF}


def _municipalities(words: list[str]) -> set[str]:
    return set(words) & set(COUNTY_MUNICIPALITIES)


def _too_many(words: list[str]) -> str | None:
    if len(_months(words)) >= MIN_MONTHS:
        return "month names"
    if len(_municipalities(words)) >= MIN_MUNICIPALITIES:
        return "the county's municipalities"
    return None


def _items(node: ast.AST) -> list[str] | None:
    """The words of a string literal, or the string items of a tuple, list, set or dict keys."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _WORD.findall(node.value)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        elements: list[ast.expr | None] = list(node.elts)
    elif isinstance(node, ast.Dict):
        elements = list(node.keys)
    else:
        return None
    return [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def _allowed_nodes(tree: ast.Module, rel: str) -> set[int]:
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            if any((rel, name) in KEYED_BY_MUNICIPALITY for name in names) and node.value:
                allowed.update(id(n) for n in ast.walk(node.value))
    return allowed


def copies(path: Path, rel: str) -> Iterator[str]:
    """Places in one source file that list months or the county's municipalities: a line of
    code or comment, or one literal (a string, or the items of a tuple, list, set or dict)."""
    source = path.read_text(encoding="utf-8")
    for number, line in enumerate(source.splitlines(), start=1):
        what = _too_many(_WORD.findall(line))
        if what:
            yield f"{rel}:{number}: {what}"
    tree = ast.parse(source)
    allowed = _allowed_nodes(tree, rel)
    for node in ast.walk(tree):
        words = _items(node)
        what = words is not None and id(node) not in allowed and _too_many(words)
        if what:
            yield f"{rel}:{node.lineno}: {what}"


def _sources() -> Iterator[tuple[Path, str]]:
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path != LEXICON and path != Path(__file__).resolve() and BLIND not in path.parents:
                yield path, path.relative_to(ROOT).as_posix()


def test_no_copies_of_months_or_municipalities() -> None:
    found = [hit for path, rel in _sources() for hit in copies(path, rel)]
    assert not found, "import these from ingest.lexicon instead:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "NAMES = ({})\n".format(", ".join(f'"{m}"' for m in MONTHS[:3])),
        "NAMES = {{\n{}}}\n".format("".join(f'    "{m}": {n},\n' for n, m in
                                            enumerate(MONTHS[3:6], start=4))),
        'PATTERN = r"\\d+ (?:{})"\n'.format("|".join(MONTHS[:2] + MONTH_STEMS[5:6])),
        "COUNTY = [\n{}]\n".format("".join(f'    "{m}",\n' for m in COUNTY_MUNICIPALITIES[:5])),
        "# {}\n".format(", ".join(COUNTY_MUNICIPALITIES[-5:])),
    ],
)
def test_a_copy_is_found(tmp_path: Path, source: str) -> None:
    path = tmp_path / "copy.py"
    path.write_text(source, encoding="utf-8")
    assert list(copies(path, "copy.py"))


def test_sentences_and_single_names_are_no_copies(tmp_path: Path) -> None:
    path = tmp_path / "fine.py"
    path.write_text(
        f'TEXT = "Den 5 {MONTHS[1]} 2025 i {COUNTY_MUNICIPALITIES[0]}, '
        f'den 27 {MONTHS[2]} i {COUNTY_MUNICIPALITIES[1]}."\n'
        f"PLACES = {{'Huskvarna': {COUNTY_MUNICIPALITIES[5]!r}, "
        f"'Rydaholm': {COUNTY_MUNICIPALITIES[-1]!r}}}\n",
        encoding="utf-8",
    )
    assert not list(copies(path, "fine.py"))


def test_months() -> None:
    assert len(MONTHS) == 12
    assert MONTH_NUMBERS["januari"] == MONTH_NUMBERS["jan"] == 1
    assert MONTH_NUMBERS["mars"] == MONTH_NUMBERS["mar"] == 3
    assert MONTH_NUMBERS["maj"] == 5
    assert MONTH_NUMBERS["jun"] == 6 and MONTH_NUMBERS["jul"] == 7
    assert MONTH_NUMBERS["sept"] == MONTH_NUMBERS["sep"] == 9
    assert all(MONTH_NUMBERS[m] == n for n, m in enumerate(MONTHS, start=1))
    assert lexicon.MONTH_ABBREVIATIONS.index("sept") < lexicon.MONTH_ABBREVIATIONS.index("sep")


def test_county_agrees_with_the_municipality_file() -> None:
    from web.tilemap import POSITIONS

    in_file = [name for name, county in municipalities() if county == COUNTY]
    assert in_file == list(COUNTY_MUNICIPALITIES) == sorted(COUNTY_MUNICIPALITIES)
    assert set(POSITIONS) == set(COUNTY_MUNICIPALITIES)


def test_stopwords_derive_from_one_another() -> None:
    assert frozenset(stoplists["sv"]) - {"sitta"} == lexicon.FUNCTION_WORDS
    assert lexicon.SEARCH_STOPWORDS == lexicon.FUNCTION_WORDS | lexicon.SEARCH_FILLER_WORDS
    assert set(lexicon.SEASONS) <= lexicon.FILLER_LEMMAS


def test_headings_are_known_headings() -> None:
    section = set(lexicon.SECTION_HEADINGS)
    assert set(lexicon.COMMON_HEADINGS) <= section
    assert set(lexicon.POSTER_HEADINGS) <= section | set(lexicon.CONTACT_HEADINGS)
    assert {h.removesuffix("?") for h in lexicon.FUTURE_HEADINGS} & section == {
        "nästa steg", "framåt"}
    assert set(lexicon.CONTACT_HEADINGS) - {"kontaktperson"} <= set(lexicon.CONTEXT_HEADINGS)
