"""Paths to the data files that drive tagging (gazetteers, names, taxonomy, lemma table)."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MUNICIPALITIES_FILE = DATA_DIR / "municipalities.tsv"
PLACES_FILE = DATA_DIR / "places.tsv"
FIRSTNAMES_FILE = DATA_DIR / "firstnames.txt"
TAXONOMY_FILE = DATA_DIR / "taxonomy.yaml"
HUNSPELL_DIC_CANDIDATES = (
    Path("/usr/share/hunspell/sv_SE.dic"),
)


def hunspell_dic() -> Path | None:
    """The Swedish hunspell word list: Debian's hunspell-sv, else the PyPI package hunspell-sv
    (looked for in site-packages), else None (compound splitting then uses the lemma table)."""
    for path in HUNSPELL_DIC_CANDIDATES:
        if path.exists():
            return path
    import site
    import sys

    roots = [*site.getsitepackages(), site.getusersitepackages(), *sys.path]
    for root in dict.fromkeys(roots):
        base = Path(root)
        if not base.is_dir():
            continue
        for pkg in base.glob("hunspell*sv*"):
            if pkg.is_dir():
                found = next(iter(sorted(pkg.glob("**/sv_SE.dic"))), None)
                if found:
                    return found
    return None


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with '#' comment lines and a header row."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


def read_words(path: Path) -> list[str]:
    """Whitespace-separated words of a file, skipping '#' comment lines."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        words.extend(line.split())
    return words
