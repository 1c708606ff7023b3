"""Running headers, footers and page numbers: dropped by repetition across pages and position."""

from __future__ import annotations

import re

from ingest.layout import Line

MARGIN = 0.09  # share of the page height counted as header/footer band
_DIGITS = re.compile(r"\d+")
PAGE_NUMBER = re.compile(
    r"^(?:sida|s\.|page)?\s*[-–]?\s*\d{1,3}\s*(?:(?:/|av|of|\()\s*\d{1,3}\)?)?\s*[-–]?$",
    re.IGNORECASE,
)


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def drop_running(
    pages: list[list[Line]], heights: list[float], body: float
) -> tuple[list[list[Line]], list[Line]]:
    """Split off running headers and footers: lines in the page margins that repeat on several
    pages, small print at the foot of a page and small headers above the text of later pages.
    Returns the remaining lines per page and the split-off lines (once each, for the context);
    bare page numbers are dropped."""
    counts: dict[str, set[int]] = {}
    for lines, height in zip(pages, heights, strict=True):
        for line in lines:
            if _in_margin(line, height):
                counts.setdefault(_key(line.text), set()).add(line.page)
    repeated = {key for key, seen in counts.items() if len(seen) >= 2}
    out: list[list[Line]] = []
    furniture: list[Line] = []
    seen: set[str] = set()
    for lines, height in zip(pages, heights, strict=True):
        kept = []
        for line in lines:
            if _in_margin(line, height):
                text = line.text.strip()
                if PAGE_NUMBER.match(text):
                    continue
                small = line.size < 0.95 * body
                at_foot = line.top > (1 - MARGIN) * height
                if _key(text) in repeated or (
                    small and (at_foot or line.page > 1) and _alone(line, lines)
                ):
                    if _key(text) not in seen:
                        seen.add(_key(text))
                        furniture.append(line)
                    continue
            kept.append(line)
        out.append(kept)
    return out, furniture


def _in_margin(line: Line, height: float) -> bool:
    return line.top < MARGIN * height or line.bottom > (1 - MARGIN) * height


def _alone(line: Line, lines: list[Line]) -> bool:
    """Nothing else of the same small print sits right above or below (not a contact box)."""
    for other in lines:
        if other is line or abs(other.size - line.size) > 0.3:
            continue
        if abs(other.top - line.top) < 0.5 * line.size:
            continue  # same row (e.g. the page number next to a footer)
        if abs(other.top - line.bottom) < line.size or abs(line.top - other.bottom) < line.size:
            return False
    return True
