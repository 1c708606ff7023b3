"""Tables a fresh process would otherwise make before its first search, kept in the data
directory (``search-tables.pickle``): the parsed taxonomy, the taxonomy's matching rules (every
trigger word lemmatised), the gazetteer's names as tokens, and the label index of the
library's thesaurus (every label lemmatised).

Making them costs a search from the command line about as much as the search itself (the
YAML file, a few thousand lemma lookups); reading them back a few milliseconds. They follow
from files and from the catalogue's thesaurus, so the file carries a fingerprint of those
files (the Python sources of ingest/ and search/, ingest/data, the lemma table's sources: path,
size and modification time each) and the label index the version of its thesaurus. A stale
file or part is never used: the first search that made the tables again writes them anew, so
a thesaurus change is stored once, at the next search after it.

Pickle, because the values are the tagger's own dataclasses; the file lives in the private
data directory (0700), which search/ owns, next to the index.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import threading
from contextlib import suppress
from pathlib import Path
from typing import Any

from ingest.tagging import lemmas
from ingest.tagging.query import place_forms, preset_place_forms
from ingest.tagging.rules import preset as preset_rules
from ingest.tagging.rules import rules
from ingest.tagging.taxonomy import preset as preset_taxonomy
from ingest.tagging.taxonomy import taxonomy
from ingest.tagging.thesaurus import Thesaurus

FILE_NAME = "search-tables.pickle"
FORMAT = "2"
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent
_SOURCES = ("ingest", "search")

log = logging.getLogger(__name__)


def _stat_line(path: Path | None) -> str:
    if path is None:
        return "-"
    try:
        info = path.stat()
    except OSError:
        return f"{path}:-"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def fingerprint() -> str:
    """What the tables are made from: this format, the Python version, every source file of
    ingest/ and search/ and every file of ingest/data, and the lemma table's sources."""
    parts = [FORMAT, sys.version, lemmas.sources_stamp()]
    for package in _SOURCES:
        root = _PACKAGE_ROOT / package
        files = [p for p in root.rglob("*") if p.suffix == ".py" or p.parent.name == "data"]
        parts += [_stat_line(p) for p in sorted(files) if "__pycache__" not in p.parts]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


class StartTables:
    """The stored tables of one data directory: read once when the library opens, written
    when a search made tables the file did not have."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME
        self.fingerprint = fingerprint()
        self._lock = threading.Lock()
        self._stored: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        # without the collector: the many small objects would start full collections of
        # everything imported so far, 50 times the time of the load itself
        collecting = gc.isenabled()
        gc.disable()
        try:
            data = pickle.loads(raw)  # noqa: S301 - the data directory's own file
        except Exception as exc:  # noqa: BLE001 - a damaged file is made again
            log.warning("%s unreadable, made again: %s", self.path.name, exc)
            return {}
        finally:
            if collecting:
                gc.enable()
        if not isinstance(data, dict) or data.get("fingerprint") != self.fingerprint:
            return {}
        return data

    def preset(self) -> None:
        """Let this process use the stored taxonomy and rules instead of making them."""
        if self._stored:
            preset_taxonomy(self._stored["taxonomy"])
            preset_rules(self._stored["rules"])
            preset_place_forms(self._stored["place_forms"])

    def thesaurus(self, thesaurus: Thesaurus) -> Thesaurus:
        """``thesaurus`` with the stored label index when it was stored for its version."""
        version, index = self._stored.get("labels", (None, None))
        if index is not None and version == thesaurus.version:
            thesaurus.use_label_index(index)
        return thesaurus

    def save(self, thesaurus: Thesaurus) -> None:
        """Store the tables (with this thesaurus's label index) unless stored already. Not
        being able to write is no error: the next process makes them again."""
        if self._stored.get("labels", (None,))[0] == thesaurus.version:
            return
        with self._lock:
            if self._stored.get("labels", (None,))[0] == thesaurus.version:
                return
            data = {"fingerprint": self.fingerprint,
                    "taxonomy": taxonomy(), "rules": rules(), "place_forms": place_forms(),
                    "labels": (thesaurus.version, thesaurus.label_index())}
            with suppress(OSError):
                self._write(data)
            self._stored = data

    def _write(self, data: dict[str, Any]) -> None:
        tmp = self.path.with_name(f"{FILE_NAME}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        finally:
            with suppress(OSError):
                os.unlink(tmp)
