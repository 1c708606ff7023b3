"""Texts of the corpus gold that tests feed to the tagger and the query analysis."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def gold_texts() -> list[str]:
    """Every gold example's title and anchors, file by file."""
    out: list[str] = []
    for path in sorted((ROOT / "corpus" / "gold").glob("*.json")):
        for example in json.loads(path.read_text(encoding="utf-8"))["examples"]:
            out += [example["title"], *example["anchors"]]
    return out
