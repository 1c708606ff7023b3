"""Comparing extracted text with gold phrases (exact after whitespace normalisation, or fuzzy
for OCR output)."""

from __future__ import annotations

from difflib import SequenceMatcher

from ingest.text import normalize


def contains(text: str, phrase: str) -> bool:
    return normalize(phrase) in normalize(text)


def fuzzy_contains(text: str, phrase: str, threshold: float = 0.85) -> bool:
    """The phrase, or a window of as many words that is at least ``threshold`` similar."""
    if contains(text.lower(), phrase.lower()):
        return True
    target = normalize(phrase).lower()
    words = normalize(text).lower().split()
    n = len(target.split())
    for size in (n - 1, n, n + 1):
        if size <= 0:
            continue
        for i in range(0, max(len(words) - size + 1, 1)):
            window = " ".join(words[i : i + size])
            if SequenceMatcher(None, window, target).ratio() >= threshold:
                return True
    return False


def example_with_all(texts: list[str], anchors: list[str]) -> int | None:
    """Index of the one text that holds every anchor, if any."""
    for i, text in enumerate(texts):
        if all(contains(text, a) for a in anchors):
            return i
    return None
