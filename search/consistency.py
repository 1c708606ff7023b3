"""Do catalogue, index and original files agree? The findings of ``Library.check``.

The catalogue is the source of truth: the index is derived from it (a fault there is repaired
by a rebuild), original files belong to a document by their SHA-256 (a file no document uses
is an orphan; a document without its file cannot be repaired, only reported).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

TMP_MIN_AGE = 15 * 60.0  # seconds: a younger file in data_dir/tmp may be an upload being read
SHOWN = 10  # ids listed per problem in the text


@dataclass
class MissingOriginal:
    document_id: str
    filename: str
    sha256: str


@dataclass
class CheckReport:
    """What disagrees. ``repaired`` and ``remaining`` are set by a check with repair."""

    documents: int = 0
    examples: int = 0
    index_entries: int | None = None  # None when the index cannot be read
    index_problem: str | None = None  # missing, corrupt, of an old version
    missing_originals: list[MissingOriginal] = field(default_factory=list)
    orphan_files: list[str] = field(default_factory=list)  # relative to the data directory
    missing_from_index: list[str] = field(default_factory=list)  # example ids
    extra_in_index: list[str] = field(default_factory=list)  # example ids
    duplicates_in_index: list[str] = field(default_factory=list)  # example ids
    unindexed_documents: list[str] = field(default_factory=list)  # document ids
    repaired: list[str] = field(default_factory=list)  # what the repair did (Swedish)
    remaining: list[str] | None = None  # problems a check after the repair still found

    def problems(self) -> list[str]:
        """Every finding, in Swedish."""
        out = []
        if self.index_problem:
            out.append(f"Sökindexet går inte att läsa: {self.index_problem}")
        for m in self.missing_originals:
            out.append(f"Originalfilen saknas för dokumentet {m.document_id} ({m.filename}); "
                       "den kan inte återskapas – läs in filen igen.")
        listed = [
            (self.orphan_files, "fil(er) som inget dokument använder"),
            (self.missing_from_index, "exempel saknas i sökindexet"),
            (self.extra_in_index, "exempel i sökindexet finns inte i katalogen"),
            (self.duplicates_in_index, "exempel finns flera gånger i sökindexet"),
            (self.unindexed_documents, "dokument är inte markerade som indexerade"),
        ]
        for items, what in listed:
            if items:
                out.append(f"{len(items)} {what}: {_shown(items)}")
        return out

    @property
    def ok(self) -> bool:
        return not self.problems()

    def exit_code(self) -> int:
        """0 when all agree (after a repair: when nothing is left), else 1."""
        if self.remaining is not None:
            return 0 if not self.remaining else 1
        return 0 if self.ok else 1

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(ok=self.ok, problems=self.problems(), exit_code=self.exit_code())
        return data


def _shown(items: list[str]) -> str:
    more = f" … (+{len(items) - SHOWN})" if len(items) > SHOWN else ""
    return ", ".join(items[:SHOWN]) + more


def original_name(sha: str, suffix: str = ".pdf") -> str:
    """Where the file with this SHA-256 lives, relative to the data directory: ``.pdf`` is the
    PDF of the document (an office file's PDF rendition), other suffixes the office file."""
    return f"originals/{sha[:2]}/{sha}{suffix}"


def stored_names(sha: str, source_format: str = "pdf") -> list[str]:
    """The files a document keeps: its PDF, and the office file when it was uploaded as one."""
    names = [original_name(sha)]
    if source_format != "pdf":
        names.append(original_name(sha, f".{source_format}"))
    return names


def orphan_files(data_dir: Path, stored: Iterable[str], now: float | None = None) -> list[str]:
    """Files under originals/ that are not in ``stored`` (the documents' files, relative to the
    data directory; leftover .tmp files included) and files in tmp/ older than TMP_MIN_AGE,
    relative to the data directory."""
    wanted = set(stored)
    now = time.time() if now is None else now
    found = []
    originals = data_dir / "originals"
    if originals.is_dir():
        for path in originals.rglob("*"):
            name = path.relative_to(data_dir).as_posix()
            if path.is_file() and name not in wanted:
                found.append(name)
    tmp = data_dir / "tmp"
    if tmp.is_dir():
        for path in tmp.rglob("*"):
            if path.is_file() and now - path.stat().st_mtime >= TMP_MIN_AGE:
                found.append(path.relative_to(data_dir).as_posix())
    return sorted(found)


def duplicates(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    twice = {i for i in ids if i in seen or seen.add(i)}  # type: ignore[func-returns-value]
    return sorted(twice)


__all__ = ["CheckReport", "MissingOriginal", "duplicates", "orphan_files", "original_name",
           "stored_names"]
