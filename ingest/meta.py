"""Document metadata: kind (newsletter/poster/document), title and date from Swedish text."""

from __future__ import annotations

import re

from ingest.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTH_NUMBERS,
    MONTHS,
    POSTER_HEADINGS,
    SEASONS_DEFINITE,
)

_MONTH = rf"({'|'.join((*MONTHS, *MONTH_ABBREVIATIONS))})\.?"
_SEASON = "|".join((*SEASONS_DEFINITE, "vår", "höst"))  # also "vår 2024", "höst 2024"
_YEAR = r"((?:19|20)\d{2})"
FULL_DATE = re.compile(rf"\b(\d{{1,2}})(?::e|:a)?\s+{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?::e|:a)?\s+{_MONTH}(?![\w])", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?\b")
YEAR = re.compile(rf"\b{_YEAR}\b")
NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?:[ -]((?:19|20)\d{2}))?(?![\d/])")
SEASON_YEAR = re.compile(rf"\b(?:{_SEASON})\s+{_YEAR}\b", re.IGNORECASE)

NEWSLETTER_WORDS = re.compile(r"\bnyhetsbrev\w*|\bnewsletter", re.IGNORECASE)
POSTER_WORDS = re.compile(r"\bposter\b|\baffisch", re.IGNORECASE)


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_from_filename(name: str) -> str | None:
    stem = name.rsplit("/", 1)[-1]
    m = re.search(r"((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])(?:[-_.]?([0-2]\d|3[01]))?(?!\d)", stem)
    if m:
        return _fmt(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    m = MONTH_YEAR.search(stem.replace("-", " ").replace("_", " "))
    if m:
        return _fmt(int(m.group(2)), MONTH_NUMBERS[m.group(1).lower()])
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", stem)
    return _fmt(int(m.group(1))) if m else None


def find_date(
    head: list[str],
    rest: list[str],
    filename: str,
    meta_year: int | None,
    upcoming: list[str] | None = None,
) -> str | None:
    """The document's date.

    ``head`` is the title area and intro (before the first example), ``rest`` the remaining
    text. The first date found in the head wins; a day without a year takes the year from the
    file name, the dates of coming meetings (``upcoming``: the document was written before
    them), the text or the file's metadata.
    """
    from_name = date_from_filename(filename)
    year_hint = int(from_name[:4]) if from_name else _likely_year(head + rest)
    first_meeting = _first_full_date(upcoming or [])
    if year_hint is None:
        year_hint = meta_year
    for text in head:
        found = _date_in(text, year_hint, numeric=True)
        if found:
            if first_meeting and not from_name and not _has_year(text) and len(found) == 10:
                found = _before(found, first_meeting)
            return found
    if from_name:
        return from_name
    for text in head:
        m = SEASON_YEAR.search(text) or YEAR.search(text)
        if m:
            return _fmt(int(m.group(1)))
    for text in rest[:12]:
        found = _date_in(text, year_hint)
        if found:
            return found
    return _fmt(meta_year) if meta_year else None


def _has_year(text: str) -> bool:
    return bool(YEAR.search(text))


def _first_full_date(texts: list[str]) -> tuple[int, int, int] | None:
    dates = [
        (int(m.group(3)), MONTH_NUMBERS[m.group(2).lower()], int(m.group(1)))
        for text in texts
        for m in FULL_DATE.finditer(text)
    ]
    return min(dates) if dates else None


def _before(found: str, meeting: tuple[int, int, int]) -> str:
    """Give a day and month the year that places it just before the first coming meeting."""
    month, day = int(found[5:7]), int(found[8:10])
    year = meeting[0] if (month, day) <= meeting[1:] else meeting[0] - 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def _likely_year(texts: list[str]) -> int | None:
    """The year most often written with a month (meeting dates), else any most frequent year."""
    dated: dict[int, int] = {}
    plain: dict[int, int] = {}
    for text in texts:
        for m in FULL_DATE.finditer(text):
            dated[int(m.group(3))] = dated.get(int(m.group(3)), 0) + 1
        for m in MONTH_YEAR.finditer(text):
            dated[int(m.group(2))] = dated.get(int(m.group(2)), 0) + 1
        for m in YEAR.finditer(text):
            plain[int(m.group(1))] = plain.get(int(m.group(1)), 0) + 1
    counts = dated or plain
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _date_in(text: str, year_hint: int | None, numeric: bool = False) -> str | None:
    """The first date written in one text (a day without a year takes ``year_hint``)."""
    best: tuple[int, str | None] | None = None

    def consider(pos: int, value: str | None) -> None:
        nonlocal best
        if value and (best is None or pos < best[0]):
            best = (pos, value)

    for m in FULL_DATE.finditer(text):
        month = MONTH_NUMBERS[m.group(2).lower()]
        consider(m.start(), _fmt(int(m.group(3)), month, int(m.group(1))))
    for m in MONTH_YEAR.finditer(text):
        if not _preceded_by_day(text, m.start()):
            consider(m.start(), _fmt(int(m.group(2)), MONTH_NUMBERS[m.group(1).lower()]))
    for m in ISO_DATE.finditer(text):
        day = int(m.group(3)) if m.group(3) else None
        consider(m.start(), _fmt(int(m.group(1)), int(m.group(2)), day))
    if best is None and year_hint is not None:
        for m in DAY_MONTH.finditer(text):
            consider(m.start(), _fmt(year_hint, MONTH_NUMBERS[m.group(2).lower()], int(m.group(1))))
    if best is None and numeric:  # only in the title area: "2/3 av familjerna" is no date
        for m in NUMERIC_DATE.finditer(text):  # "21/9" or "21/9 2023"
            day, month = int(m.group(1)), int(m.group(2))
            year = int(m.group(3)) if m.group(3) else year_hint
            if year and 1 <= day <= 31 and 1 <= month <= 12:
                consider(m.start(), _fmt(year, month, day))
    return best[1] if best else None


def _preceded_by_day(text: str, start: int) -> bool:
    return bool(re.search(r"\d{1,2}(?::e|:a)?\s+$", text[max(0, start - 6) : start]))


def guess_kind(
    first_page_text: str,
    headings: list[str],
    pages: int,
    filename: str,
    page_size: tuple[float, float],
) -> str:
    """newsletter, poster or document."""
    name = filename.lower()
    if NEWSLETTER_WORDS.search(first_page_text[:600]) or "nyhetsbrev" in name:
        return "newsletter"
    poster_heads = {
        h
        for h in (x.lower().strip(" :") for x in headings)
        if any(h.startswith(p) for p in POSTER_HEADINGS)
    }
    big_page = max(page_size) > 1000  # larger than A4 (A3 is 1191 pt high)
    if pages == 1 and (len(poster_heads) >= 3 or POSTER_WORDS.search(name) or big_page):
        return "poster"
    if POSTER_WORDS.search(name):
        return "poster"
    if NEWSLETTER_WORDS.search(first_page_text):
        return "newsletter"
    return "document"
