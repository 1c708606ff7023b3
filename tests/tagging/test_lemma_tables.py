"""The lemma tables from their SQLite file answer exactly as the tables read whole."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from ingest.tagging import lemma_tables, lemmas

ROOT = Path(__file__).resolve().parents[2]


def test_the_file_answers_as_the_whole_tables(tmp_path: Path) -> None:
    forms, words = lemmas.read_sources()
    path = tmp_path / "lemmas.sqlite3"
    lemma_tables.write_tables(path, "stamp-1", forms, words)
    assert lemma_tables.open_tables(path, "stamp-2") is None  # made from other sources
    table = lemma_tables.open_tables(path, "stamp-1")
    assert table is not None
    whole = lemmas.load_tables(whole=True)
    rng = random.Random(7)
    sample = rng.sample(sorted(forms), 1500) + rng.sample(sorted(words), 1500) + [
        "Skolan", "familjecentralerna", "xyzzyq", "", "ÖVERLÄMNING"]
    for word in sample:
        assert table.forms.get(word) == whole.forms.get(word), word
        for name in ("lemmas", "stems", "strict_begin", "end"):
            assert (word in getattr(table, name)) == (word in getattr(whole, name)), (name, word)
    # the forms of some lemmas, read in one pass: as the whole table has them
    wanted = {whole.forms[w] for w in sample[:1500]}
    assert sorted(table.forms_of(wanted)) == sorted(
        form for form, lemma in whole.forms.items() if lemma in wanted)


def test_a_search_process_reads_the_file_and_a_reader_the_whole_tables() -> None:
    script = """
from ingest.tagging import lemma_tables, lemmas
assert lemma_tables.main() == 0
lemmas._Tables.loaded = False
lemmas.load_tables()
print(lemmas._Tables.whole, lemmas.lemmatize("familjecentralerna"))
from ingest.tagging import nlp
nlp.get()
print(lemmas._Tables.whole, lemmas.lemmatize("hembesöken"))
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=300, check=True).stdout.splitlines()
    assert out[-2:] == ["False familjecentral", "True hembesök"]
