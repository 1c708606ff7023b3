"""Tagging still works without the system hunspell word list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import ingest.tagging.lemmas as lemmas
lemmas.hunspell_dic = lambda: None
from ingest.tagging import lemmatize, tag_text
assert not lemmas.load_tables().stems
print(lemmatize("familjecentralerna"))
tags = tag_text("Familjecentralen i Rydaholm har startat gemensamma hembesök.")
print(sorted({t.value for t in tags if t.kind in ("municipality", "intervention")}))
"""


def test_without_hunspell() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True).stdout.splitlines()
    assert out[0] == "familjecentral"
    assert out[1] == "['Värnamo', 'familjecentral', 'gemensamma hembesök']"
